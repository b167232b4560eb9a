"""Tables of the ai service: jobs, the prompt library, the usage ledger and the response cache."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.db import TYPE_ANNOTATION_MAP, service_metadata, utcnow
from services.kit.jobs import JobMixin


class Base(DeclarativeBase):
    metadata = service_metadata()
    type_annotation_map = TYPE_ANNOTATION_MAP


class Job(JobMixin, Base):
    __tablename__ = "ai_jobs"  # one shared database must not see two 'jobs' tables


class Prompt(Base):
    """One version of a named prompt; a change is a new version, and old ones are kept."""

    __tablename__ = "ai_prompts"
    __table_args__ = (sa.UniqueConstraint("name", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(64), index=True)
    version: Mapped[int] = mapped_column()
    description: Mapped[str] = mapped_column(sa.String(500), default="")
    system: Mapped[str] = mapped_column(sa.Text)
    template: Mapped[str] = mapped_column(sa.Text)
    output_schema: Mapped[str] = mapped_column(sa.String(32))
    is_active: Mapped[bool] = mapped_column(default=False)
    created_by: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AICall(Base):
    """The usage ledger: one row per model call (a cache hit too, at no cost)."""

    __tablename__ = "ai_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    principal: Mapped[str] = mapped_column(sa.String(64), index=True)  # user:<id>, svc:<name>, cli
    purpose: Mapped[str] = mapped_column(sa.String(32))
    provider: Mapped[str] = mapped_column(sa.String(16))
    model: Mapped[str] = mapped_column(sa.String(120))
    prompt_name: Mapped[str] = mapped_column(sa.String(64))
    prompt_version: Mapped[int] = mapped_column()
    prompt_tokens: Mapped[int] = mapped_column(default=0)
    completion_tokens: Mapped[int] = mapped_column(default=0)
    cost: Mapped[float] = mapped_column(sa.Float, default=0.0)
    price_known: Mapped[bool] = mapped_column(default=True)
    cached: Mapped[bool] = mapped_column(default=False)
    attempts: Mapped[int] = mapped_column(default=0)
    duration_ms: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(sa.Text, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class AICacheEntry(Base):
    """A validated model answer, keyed by sha256(input, prompt version, model)."""

    __tablename__ = "ai_cache"

    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    response: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    model: Mapped[str] = mapped_column(sa.String(120))
    prompt_tokens: Mapped[int] = mapped_column(default=0)
    completion_tokens: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CompanyProfile(Base):
    """The latest enrichment of a company, so the profile and its sources can be shown again later."""

    __tablename__ = "ai_company_profiles"

    company_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    result: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
