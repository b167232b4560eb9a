"""Every SQL statement of the calendar service."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.jobs import QUEUED

from .models import (
    CONFIRMED,
    EVENT_PENDING,
    Booking,
    BookingPage,
    GoogleConnectionRow,
    Host,
    Job,
    OAuthPending,
    PersonalLink,
)


async def add(s: AsyncSession, row: Any) -> Any:
    s.add(row)
    await s.flush()
    return row


# --- hosts --------------------------------------------------------------------------------------
async def get_host(s: AsyncSession, user_id: int) -> Host | None:
    return await s.get(Host, user_id)


async def lock_host(s: AsyncSession, user_id: int) -> Host | None:
    """The host's row, locked until the transaction ends: one booking change per host at a time.

    PostgreSQL takes a row lock (FOR UPDATE); SQLite ignores it, and its BEGIN IMMEDIATE already lets
    one writer in at a time.
    """
    stmt = sa.select(Host).where(Host.user_id == user_id).with_for_update().execution_options(populate_existing=True)
    return (await s.execute(stmt)).scalar_one_or_none()


async def host_by_feed_hash(s: AsyncSession, token_hash: str) -> Host | None:
    return (await s.execute(sa.select(Host).where(Host.feed_token_hash == token_hash))).scalar_one_or_none()


async def hosts_by_ids(s: AsyncSession, ids: Sequence[int]) -> dict[int, Host]:
    if not ids:
        return {}
    rows = (await s.execute(sa.select(Host).where(Host.user_id.in_(ids)))).scalars().all()
    return {row.user_id: row for row in rows}


# --- pages and links ----------------------------------------------------------------------------
async def get_page(s: AsyncSession, page_id: int) -> BookingPage | None:
    return await s.get(BookingPage, page_id)


async def page_by_token_hash(s: AsyncSession, token_hash: str) -> BookingPage | None:
    stmt = sa.select(BookingPage).where(BookingPage.token_hash == token_hash)
    return (await s.execute(stmt)).scalar_one_or_none()


async def list_pages(s: AsyncSession, *, host_id: int | None, include_inactive: bool) -> Sequence[BookingPage]:
    stmt = sa.select(BookingPage)
    if host_id is not None:
        stmt = stmt.where(BookingPage.host_id == host_id)
    if not include_inactive:
        stmt = stmt.where(BookingPage.active.is_(True))
    return (await s.execute(stmt.order_by(BookingPage.id))).scalars().all()


async def pages_by_ids(s: AsyncSession, ids: Sequence[int]) -> dict[int, BookingPage]:
    if not ids:
        return {}
    rows = (await s.execute(sa.select(BookingPage).where(BookingPage.id.in_(ids)))).scalars().all()
    return {row.id: row for row in rows}


async def link_by_token_hash(s: AsyncSession, token_hash: str) -> PersonalLink | None:
    stmt = sa.select(PersonalLink).where(PersonalLink.token_hash == token_hash)
    return (await s.execute(stmt)).scalar_one_or_none()


async def get_link(s: AsyncSession, link_id: int) -> PersonalLink | None:
    return await s.get(PersonalLink, link_id)


async def reusable_link(s: AsyncSession, *, page_id: int, contact_id: int, campaign_id: int | None,
                        expiring_after: datetime) -> PersonalLink | None:
    """The newest link of this page, contact and campaign that is good until after ``expiring_after``."""
    campaign = (PersonalLink.campaign_id.is_(None) if campaign_id is None
                else PersonalLink.campaign_id == campaign_id)
    stmt = (sa.select(PersonalLink)
            .where(PersonalLink.page_id == page_id, PersonalLink.contact_id == contact_id, campaign,
                   PersonalLink.expires_at > expiring_after)
            .order_by(PersonalLink.expires_at.desc()).limit(1))
    return (await s.execute(stmt)).scalar_one_or_none()


# --- bookings -----------------------------------------------------------------------------------
async def get_booking(s: AsyncSession, booking_id: int) -> Booking | None:
    return await s.get(Booking, booking_id, populate_existing=True)


async def lock_booking(s: AsyncSession, booking_id: int) -> Booking | None:
    """The booking as committed now, locked until the transaction ends (a move or cancel at a time)."""
    stmt = (sa.select(Booking).where(Booking.id == booking_id).with_for_update()
            .execution_options(populate_existing=True))
    return (await s.execute(stmt)).scalar_one_or_none()


async def booking_by_key(s: AsyncSession, page_id: int, key_hash: str) -> Booking | None:
    stmt = sa.select(Booking).where(Booking.page_id == page_id, Booking.idempotency_key == key_hash)
    return (await s.execute(stmt)).scalar_one_or_none()


async def host_bookings(s: AsyncSession, host_id: int, starts_from: datetime, starts_before: datetime, *,
                        exclude_id: int | None = None) -> Sequence[Booking]:
    """The host's confirmed bookings that start in ``[starts_from, starts_before)``."""
    stmt = sa.select(Booking).where(Booking.host_id == host_id, Booking.status == CONFIRMED,
                                    Booking.start_at >= starts_from, Booking.start_at < starts_before)
    if exclude_id is not None:
        stmt = stmt.where(Booking.id != exclude_id)
    return (await s.execute(stmt.order_by(Booking.start_at))).scalars().all()


async def overlapping_booking(s: AsyncSession, host_id: int, held_from: datetime, held_to: datetime, *,
                              exclude_id: int | None = None) -> bool:
    """Whether a confirmed booking of the host holds time in ``[held_from, held_to)``: the SQLite guard
    (the same test PostgreSQL's exclusion constraint makes)."""
    stmt = sa.select(Booking.id).where(Booking.host_id == host_id, Booking.status == CONFIRMED,
                                       Booking.held_from < held_to, Booking.held_to > held_from)
    if exclude_id is not None:
        stmt = stmt.where(Booking.id != exclude_id)
    return (await s.execute(stmt.limit(1))).first() is not None


async def discard_pending_booking(s: AsyncSession, booking_id: int, watchdog_key: str) -> bool:
    """Delete a booking whose calendar event could not be written, with its waiting watchdog job
    (nothing else refers to it yet)."""
    stmt = sa.delete(Booking).where(Booking.id == booking_id, Booking.event_state == EVENT_PENDING)
    deleted = bool(getattr(await s.execute(stmt), "rowcount", 0))
    if deleted:
        await drop_waiting_job(s, watchdog_key)
    return deleted


async def drop_waiting_job(s: AsyncSession, key: str) -> None:
    """Forget a job that has not started and is no longer needed."""
    await s.execute(sa.delete(Job).where(Job.idempotency_key == key, Job.status == QUEUED))


async def list_bookings(s: AsyncSession, *, host_id: int | None, page_id: int | None, contact_id: int | None,
                        status: str | None, starts_from: datetime | None, starts_before: datetime | None,
                        limit: int, offset: int) -> tuple[Sequence[Booking], int]:
    stmt = sa.select(Booking)
    if host_id is not None:
        stmt = stmt.where(Booking.host_id == host_id)
    if page_id is not None:
        stmt = stmt.where(Booking.page_id == page_id)
    if contact_id is not None:
        stmt = stmt.where(Booking.contact_id == contact_id)
    if status is not None:
        stmt = stmt.where(Booking.status == status)
    if starts_from is not None:
        stmt = stmt.where(Booking.start_at >= starts_from)
    if starts_before is not None:
        stmt = stmt.where(Booking.start_at < starts_before)
    total = (await s.execute(sa.select(sa.func.count()).select_from(stmt.subquery()))).scalar_one()
    rows = (await s.execute(stmt.order_by(Booking.start_at, Booking.id).limit(limit).offset(offset))).scalars()
    return rows.all(), int(total)


async def feed_bookings(s: AsyncSession, host_id: int, starts_from: datetime, starts_before: datetime,
                        *, limit: int = 2000) -> Sequence[Booking]:
    """The host's bookings for the feed, cancelled ones too (so subscribed calendars drop them)."""
    stmt = (sa.select(Booking)
            .where(Booking.host_id == host_id, Booking.start_at >= starts_from, Booking.start_at < starts_before)
            .order_by(Booking.start_at).limit(limit))
    return (await s.execute(stmt)).scalars().all()


# --- Google -------------------------------------------------------------------------------------
async def get_connection(s: AsyncSession, host_id: int) -> GoogleConnectionRow | None:
    return await s.get(GoogleConnectionRow, host_id, populate_existing=True)


async def add_pending(s: AsyncSession, row: OAuthPending, *, now: datetime) -> None:
    """Keep one sign-in in progress per host, and none that has expired."""
    await s.execute(sa.delete(OAuthPending).where(
        sa.or_(OAuthPending.host_id == row.host_id, OAuthPending.expires_at < now)))
    s.add(row)
    await s.flush()


async def take_pending(s: AsyncSession, state_hash: str, host_id: int) -> OAuthPending | None:
    """The host's sign-in with this state, removed so the state works once."""
    stmt = sa.select(OAuthPending).where(OAuthPending.state_hash == state_hash, OAuthPending.host_id == host_id)
    row = (await s.execute(stmt)).scalar_one_or_none()
    if row is not None:
        await s.delete(row)
        await s.flush()
    return row
