"""Tables of the calendar service: hosts and their availability, booking pages, personal links, bookings,
Google connections, OAuth sign-ins in progress, jobs.

No double booking, buffers included: a booking holds ``[held_from, held_to)`` (the meeting with the host's
buffers, :func:`services.calendar.availability.held_interval`). On PostgreSQL an exclusion constraint
(btree_gist) refuses two confirmed bookings of one host whose held ranges overlap::

    EXCLUDE USING gist (host_id WITH =, tstzrange(held_from, held_to, '[)') WITH &&) WHERE (status = 'confirmed')

It is created by the migration (SQLAlchemy cannot spell it portably). SQLite has no such constraint: there
the insert runs in a write transaction (BEGIN IMMEDIATE) that re-checks the overlap first, which is
equivalent because SQLite admits one writer at a time. On PostgreSQL the same re-check runs with the
host's row locked (booking.py), and the constraint refuses whatever would still get past it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.db import TYPE_ANNOTATION_MAP, service_metadata, utcnow
from services.kit.jobs import JobMixin

CONFIRMED, CANCELLED = "confirmed", "cancelled"
# Where a booking's provider event stands: none (local), pending (being written), written.
EVENT_NONE, EVENT_PENDING, EVENT_WRITTEN = "none", "pending", "written"
EXCLUSION_CONSTRAINT = "ex_calendar_bookings_held"


class Base(DeclarativeBase):
    metadata = service_metadata()
    type_annotation_map = TYPE_ANNOTATION_MAP


class Job(JobMixin, Base):
    __tablename__ = "calendar_jobs"  # one shared database must not see two 'jobs' tables


class Host(Base):
    """A user who takes meetings: who they are (as the users service said) and their availability."""

    __tablename__ = "calendar_hosts"

    user_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(sa.String(200))
    email: Mapped[str] = mapped_column(sa.String(320))
    # The JSON form of services.calendar.rules.AvailabilityRules; None until the host states it.
    availability: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON, default=None)
    # The host's secret iCalendar feed: looked up by hash, kept sealed so the settings page can show it.
    feed_token_hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True, default=None)
    feed_token_sealed: Mapped[str | None] = mapped_column(sa.Text, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class BookingPage(Base):
    """What a lead books: a host's meeting type with its length, text, branding and questions."""

    __tablename__ = "calendar_pages"

    id: Mapped[int] = mapped_column(primary_key=True)
    host_id: Mapped[int] = mapped_column(sa.ForeignKey("calendar_hosts.user_id"), index=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    duration_minutes: Mapped[int]
    description: Mapped[str] = mapped_column(sa.Text, default="")
    brand_name: Mapped[str | None] = mapped_column(sa.String(120), default=None)
    logo_url: Mapped[str | None] = mapped_column(sa.String(2000), default=None)
    colour: Mapped[str | None] = mapped_column(sa.String(7), default=None)
    # [{"id", "label", "required", "multiline"}]
    questions: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    location: Mapped[str | None] = mapped_column(sa.String(300), default=None)
    with_meet: Mapped[bool] = mapped_column(default=False)
    language: Mapped[str] = mapped_column(sa.String(2), default="en")  # of the host's notices
    # The page's generic link (anyone may book through it).
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    token_sealed: Mapped[str] = mapped_column(sa.Text)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class PersonalLink(Base):
    """A lead's own link to a page: greets them, prefills the form, ties the booking to contact and campaign."""

    __tablename__ = "calendar_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(sa.ForeignKey("calendar_pages.id"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    token_sealed: Mapped[str] = mapped_column(sa.Text)
    contact_id: Mapped[int | None] = mapped_column(index=True, default=None)
    company_id: Mapped[int | None] = mapped_column(default=None)
    campaign_id: Mapped[int | None] = mapped_column(default=None)
    contact_name: Mapped[str | None] = mapped_column(sa.String(300), default=None)
    contact_email: Mapped[str | None] = mapped_column(sa.String(320), default=None)
    expires_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Booking(Base):
    __tablename__ = "calendar_bookings"
    __table_args__ = (
        # The same Idempotency-Key on one page is one booking.
        sa.UniqueConstraint("page_id", "idempotency_key", name="uq_calendar_bookings_page_id_idempotency_key"),
        sa.Index("ix_calendar_bookings_host_start", "host_id", "start_at"),
        sa.CheckConstraint("held_from < held_to", name="held_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(sa.ForeignKey("calendar_pages.id"), index=True)
    host_id: Mapped[int] = mapped_column(sa.ForeignKey("calendar_hosts.user_id"))
    link_id: Mapped[int | None] = mapped_column(sa.ForeignKey("calendar_links.id"), default=None)
    contact_id: Mapped[int | None] = mapped_column(index=True, default=None)
    company_id: Mapped[int | None] = mapped_column(default=None)
    campaign_id: Mapped[int | None] = mapped_column(default=None)
    visitor_name: Mapped[str] = mapped_column(sa.String(200))
    visitor_email: Mapped[str] = mapped_column(sa.String(320))
    visitor_timezone: Mapped[str] = mapped_column(sa.String(64))
    language: Mapped[str] = mapped_column(sa.String(2), default="en")
    # [{"id", "question", "answer"}], the question's label as it was asked.
    answers: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    note: Mapped[str | None] = mapped_column(sa.Text, default=None)
    start_at: Mapped[datetime]
    end_at: Mapped[datetime]
    held_from: Mapped[datetime]
    held_to: Mapped[datetime]
    status: Mapped[str] = mapped_column(sa.String(16), default=CONFIRMED, index=True)
    # RFC 5545 SEQUENCE of the meeting (UID stays): raised by every reschedule and by the cancellation.
    sequence: Mapped[int] = mapped_column(default=0)
    # The version manage links are signed for: a reschedule raises it, so older links stop working.
    manage_version: Mapped[int] = mapped_column(default=0)
    source: Mapped[str] = mapped_column(sa.String(16), default="page")  # page | link | one_click
    provider: Mapped[str] = mapped_column(sa.String(16), default="local")
    event_state: Mapped[str] = mapped_column(sa.String(16), default=EVENT_NONE)
    event_calendar_id: Mapped[str | None] = mapped_column(sa.String(300), default=None)
    event_id: Mapped[str | None] = mapped_column(sa.String(200), default=None)
    event_link: Mapped[str | None] = mapped_column(sa.String(2000), default=None)
    meet_url: Mapped[str | None] = mapped_column(sa.String(500), default=None)
    # The SHA-256 of the Idempotency-Key and of the request it came with.
    idempotency_key: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    request_hash: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    cancelled_at: Mapped[datetime | None] = mapped_column(default=None)
    cancelled_by: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    cancel_reason: Mapped[str | None] = mapped_column(sa.Text, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class GoogleConnectionRow(Base):
    """A host's Google Calendar connection: the sealed grant, the calendars chosen, and its state."""

    __tablename__ = "calendar_google_connections"

    host_id: Mapped[int] = mapped_column(sa.ForeignKey("calendar_hosts.user_id"), primary_key=True,
                                         autoincrement=False)
    state: Mapped[str] = mapped_column(sa.String(16))  # connected | revoked | disconnected
    sealed_grant: Mapped[str | None] = mapped_column(sa.Text, default=None)
    account_email: Mapped[str | None] = mapped_column(sa.String(320), default=None)
    busy_calendar_ids: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    event_calendar_id: Mapped[str] = mapped_column(sa.String(300), default="primary")
    connected_at: Mapped[datetime | None] = mapped_column(default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class OAuthPending(Base):
    """A Google sign-in between the redirect and the callback: its state (hashed) and sealed PKCE verifier."""

    __tablename__ = "calendar_oauth_pending"

    state_hash: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    host_id: Mapped[int] = mapped_column(index=True)
    sealed_verifier: Mapped[str] = mapped_column(sa.Text)
    redirect_uri: Mapped[str] = mapped_column(sa.String(2000))
    expires_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
