"""Tables of the users service."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.db import TYPE_ANNOTATION_MAP, service_metadata, utcnow


class Base(DeclarativeBase):
    metadata = service_metadata()
    type_annotation_map = TYPE_ANNOTATION_MAP


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(320), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    role: Mapped[str] = mapped_column(sa.String(16))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(default=None)
    # The sender profile every draft is written with (Settings); the account's name when none is set.
    sender_name: Mapped[str | None] = mapped_column(sa.String(120), default=None)
    sender_role: Mapped[str | None] = mapped_column(sa.String(120), default=None)
    sender_company: Mapped[str | None] = mapped_column(sa.String(200), default=None)
    sender_offer: Mapped[str | None] = mapped_column(sa.String(300), default=None)
    sender_calendar_url: Mapped[str | None] = mapped_column(sa.String(500), default=None)
    sender_signature: Mapped[str | None] = mapped_column(sa.String(1000), default=None)


class RefreshToken(Base):
    """Opaque refresh tokens, stored hashed; a login starts a family, each refresh rotates it."""

    __tablename__ = "refresh_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    family_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None] = mapped_column(default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    ip: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    user_agent: Mapped[str | None] = mapped_column(sa.String(300), default=None)


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    event: Mapped[str] = mapped_column(sa.String(64), index=True)
    user_id: Mapped[int | None] = mapped_column(default=None, index=True)
    email: Mapped[str | None] = mapped_column(sa.String(320), default=None)
    ip: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    detail: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)


class ServiceClient(Base):
    """Credentials another service uses to obtain a scoped service token."""

    __tablename__ = "service_clients"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[str] = mapped_column(sa.String(64), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    secret_hash: Mapped[str] = mapped_column(sa.String(255))
    scopes: Mapped[str] = mapped_column(sa.Text, default="")
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SigningKey(Base):
    """Token signing keys; retired keys stay published until every token they signed has expired."""

    __tablename__ = "signing_keys"

    kid: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    algorithm: Mapped[str] = mapped_column(sa.String(16))
    private_pem: Mapped[str] = mapped_column(sa.Text)
    public_jwk: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(default=None)


class LoginThrottle(Base):
    """Failed-login counters per account and per client address."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(sa.String(400), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    window_start: Mapped[datetime] = mapped_column(default=utcnow)
    blocked_until: Mapped[datetime | None] = mapped_column(default=None)
