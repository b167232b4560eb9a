"""Tables of the leads service: companies, contacts, notes, the timeline, finder results, jobs."""

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
    __tablename__ = "leads_jobs"  # one shared database must not see two 'jobs' tables


class Company(Base):
    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    domain: Mapped[str | None] = mapped_column(sa.String(253), unique=True)
    name: Mapped[str] = mapped_column(sa.String(300))
    website: Mapped[str | None] = mapped_column(sa.String(2000))
    legal_form: Mapped[str | None] = mapped_column(sa.String(60))
    street: Mapped[str | None] = mapped_column(sa.String(300))
    postal_code: Mapped[str | None] = mapped_column(sa.String(20))
    city: Mapped[str | None] = mapped_column(sa.String(120), index=True)
    country: Mapped[str | None] = mapped_column(sa.String(2), index=True)
    emails: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    phones: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    fax: Mapped[str | None] = mapped_column(sa.String(40))
    register_court: Mapped[str | None] = mapped_column(sa.String(120))
    register_number: Mapped[str | None] = mapped_column(sa.String(60), index=True)
    vat_id: Mapped[str | None] = mapped_column(sa.String(30), index=True)
    industry: Mapped[str | None] = mapped_column(sa.String(120), index=True)
    employees: Mapped[str | None] = mapped_column(sa.String(40))
    language: Mapped[str | None] = mapped_column(sa.String(8))
    social: Mapped[dict[str, str]] = mapped_column(sa.JSON, default=dict)
    summary: Mapped[str | None] = mapped_column(sa.Text)
    # field -> {url, snippet, source: crawl|import|manual|ai, model?}: why we believe a value.
    evidence: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    status: Mapped[str] = mapped_column(sa.String(16), default="new", index=True)
    source: Mapped[str] = mapped_column(sa.String(16), default="manual")
    owner_id: Mapped[int | None] = mapped_column(default=None)
    # Lower-cased name, domain, city, e-mails: one LIKE that works the same on SQLite and PostgreSQL.
    search_text: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    crawled_at: Mapped[datetime | None] = mapped_column(default=None)
    enriched_at: Mapped[datetime | None] = mapped_column(default=None)


class CompanyTag(Base):
    __tablename__ = "company_tags"

    company_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(sa.String(60), primary_key=True, index=True)


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    # herr | frau | unknown: how the greeting addresses the person (never guessed from a first name).
    form_of_address: Mapped[str] = mapped_column(sa.String(8), default="unknown", server_default="unknown")
    role: Mapped[str | None] = mapped_column(sa.String(200))
    email: Mapped[str | None] = mapped_column(sa.String(320), unique=True)
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    linkedin: Mapped[str | None] = mapped_column(sa.String(500))
    country: Mapped[str | None] = mapped_column(sa.String(2))
    status: Mapped[str] = mapped_column(sa.String(16), default="new", index=True)
    source: Mapped[str] = mapped_column(sa.String(16), default="manual")
    evidence: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    # UWG §7 / GDPR: the legal basis for advertising e-mail, with where and when it was given.
    legal_basis: Mapped[str] = mapped_column(sa.String(24), default="none")
    legal_basis_source: Mapped[str | None] = mapped_column(sa.String(500))
    legal_basis_at: Mapped[datetime | None] = mapped_column(default=None)
    search_text: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ContactTag(Base):
    __tablename__ = "contact_tags"

    contact_id: Mapped[int] = mapped_column(sa.ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(sa.String(60), primary_key=True, index=True)


class SavedFilter(Base):
    """A named contact filter (ContactFilter as JSON): a list view people return to, a campaign's audience."""

    __tablename__ = "saved_filters"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120), unique=True)
    filters: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    created_by: Mapped[str | None] = mapped_column(sa.String(320))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(sa.ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(sa.Text)
    author_id: Mapped[int | None] = mapped_column(default=None)
    author: Mapped[str | None] = mapped_column(sa.String(320))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Activity(Base):
    """One entry on a timeline; other services post theirs (e-mail sent, meeting booked …)."""

    __tablename__ = "activities"
    __table_args__ = (sa.UniqueConstraint("source", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(sa.ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(sa.String(48), index=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    detail: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    actor: Mapped[str | None] = mapped_column(sa.String(320))
    source: Mapped[str] = mapped_column(sa.String(32), default="leads")
    external_id: Mapped[str | None] = mapped_column(sa.String(200))
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SiteResult(Base):
    """One site of a finder job: its crawl status, the extracted record, and the company it became."""

    __tablename__ = "site_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(sa.ForeignKey("leads_jobs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    url: Mapped[str] = mapped_column(sa.String(2000))
    domain: Mapped[str | None] = mapped_column(sa.String(253))
    title: Mapped[str | None] = mapped_column(sa.String(500))
    status: Mapped[str] = mapped_column(sa.String(16), default="pending", index=True)
    error: Mapped[str | None] = mapped_column(sa.Text)
    record: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON, default=None)
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class SiteCrawl(Base):
    """The latest crawl of a site (one row per registrable domain): its facts and what each page showed.

    Kept so a site is read again (enrichment, people checking a fact) without being fetched again.
    """

    __tablename__ = "site_crawls"

    id: Mapped[int] = mapped_column(primary_key=True)
    site: Mapped[str] = mapped_column(sa.String(253), unique=True)  # registrable domain, or the host
    url: Mapped[str] = mapped_column(sa.String(2000))
    crawled_at: Mapped[datetime] = mapped_column(default=utcnow)
    record: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    pages: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON)
