"""Moving and cancelling bookings: a reschedule link's move (the same race rules as placing one), a
cancellation by the lead or the host, and the manage links' claims.

A move changes the row in one transaction (the host locked, the verdict re-run without the booking
itself), raising SEQUENCE and the manage-link version so earlier links stop working. When the Google event
cannot follow, the move is undone; should the old time have been taken meanwhile, the booking stays
moved and a job moves the event. A cancellation raises SEQUENCE (the CANCEL supersedes the REQUEST).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.db import session_scope
from services.kit.errors import Conflict

from . import followups
from . import repository as repo
from .availability import held_interval
from .booking import (
    NO_HOURS,
    bookings_around,
    host_context,
    keep_ref,
    meeting_event,
    provider_confirms_free,
    reads,
    rules_for_change,
    taken,
    verdict,
    with_retries,
)
from .connections import google_call, open_connection
from .deps import CalendarRuntime
from .links import LinkExpired, LinkInvalid, ManageClaim, ManageLinks
from .models import CANCELLED, Booking
from .providers import CalendarProviderError, EventRef


def changeable(booking: Booking, now: dt.datetime) -> None:
    if booking.status == CANCELLED:
        raise Conflict("This booking was cancelled.")
    if booking.start_at <= now:
        raise Conflict("This meeting has already begun; it can no longer be changed.")


def check_version(booking: Booking, claim: ManageClaim) -> None:
    if claim.version != booking.manage_version:
        raise LinkExpired("This link belongs to an earlier version of the booking; use the link in the latest "
                          "confirmation.")


async def move(runtime: CalendarRuntime, claim: ManageClaim, start: dt.datetime, zone: str | None,
               now: dt.datetime) -> Booking:
    """Move the booking a reschedule link names to ``start`` (the same race rules as placing one)."""
    async with reads(runtime) as s:
        booking = await claimed_booking(s, claim)
        page = await repo.get_page(s, booking.page_id)
        if page is None:
            raise LinkInvalid()
        ctx = await host_context(s, page)
        own = await bookings_around(s, ctx.host.user_id, start, start, exclude_id=booking.id)
    changeable(booking, now)
    if not page.active:
        raise Conflict("This booking page is closed; the booking can be cancelled but not moved.")
    if ctx.rules is None:
        raise Conflict(NO_HOURS)
    if start == booking.start_at and zone in (None, booking.visitor_timezone):
        return booking
    duration = dt.timedelta(minutes=page.duration_minutes)
    verdict(ctx.rules, own, start, now, duration).raise_if_refused()
    connection = await open_connection(runtime, ctx.connection)
    await provider_confirms_free(runtime, ctx, connection, held_interval(ctx.rules, start, duration), moving=booking)
    with_event = connection is not None and booking.event_id is not None
    before = _times_of(booking)
    moved = await _shift(runtime, booking.id, claim.version, start, duration, zone, now, notify=not with_event)
    if connection is None or not with_event:
        runtime.wake_worker()
        return moved
    ref = EventRef(str(moved.event_calendar_id), str(moved.event_id), moved.meet_url, moved.event_link)
    try:
        async with google_call(runtime, ctx.host.user_id, connection):
            fresh = await runtime.deps.provider.update_event(connection, ref, meeting_event(runtime, moved, ctx))
    except CalendarProviderError:
        if await _shift_back(runtime, moved, before):
            raise
        # The old time was taken in the meantime: the booking stays moved and a job moves the event.
        async with session_scope(runtime.sessions) as s:
            row = await repo.get_booking(s, moved.id)
            if row is not None:
                await followups.enqueue_event_sync(s, runtime, row, "update")
                await followups.enqueue_follow_ups(s, runtime, row, "rescheduled")
        runtime.wake_worker()
        return moved
    async with session_scope(runtime.sessions) as s:
        row = await repo.get_booking(s, moved.id)
        if row is None:
            raise LinkInvalid()
        keep_ref(row, fresh)
        await followups.enqueue_follow_ups(s, runtime, row, "rescheduled")
    runtime.wake_worker()
    return row


def _times_of(booking: Booking) -> dict[str, Any]:
    return {name: getattr(booking, name) for name in (
        "start_at", "end_at", "held_from", "held_to", "sequence", "manage_version", "visitor_timezone")}


async def _shift(runtime: CalendarRuntime, booking_id: int, version: int, start: dt.datetime,
                 duration: dt.timedelta, zone: str | None, now: dt.datetime, *, notify: bool) -> Booking:
    try:
        return await with_retries(lambda: _shift_once(runtime, booking_id, version, start, duration, zone, now,
                                                       notify=notify))
    except sa.exc.IntegrityError:
        raise taken() from None


async def _shift_once(runtime: CalendarRuntime, booking_id: int, version: int, start: dt.datetime,
                      duration: dt.timedelta, zone: str | None, now: dt.datetime, *, notify: bool) -> Booking:
    async with session_scope(runtime.sessions) as s:
        booking = await repo.lock_booking(s, booking_id)
        if booking is None:
            raise LinkInvalid()
        if booking.manage_version != version:
            raise LinkExpired("This booking was changed in the meantime; use the link in the latest "
                              "confirmation.")
        changeable(booking, now)
        rules = await rules_for_change(s, booking.host_id)
        own = await bookings_around(s, booking.host_id, start, start, exclude_id=booking.id)
        verdict(rules, own, start, now, duration).raise_if_refused()
        held = held_interval(rules, start, duration)
        booking.start_at, booking.end_at = start, start + duration
        booking.held_from, booking.held_to = held.start, held.end
        booking.sequence += 1
        booking.manage_version += 1
        if zone is not None:
            booking.visitor_timezone = zone
        await s.flush()
        if notify:
            await followups.enqueue_follow_ups(s, runtime, booking, "rescheduled")
        return booking


async def _shift_back(runtime: CalendarRuntime, moved: Booking, before: dict[str, Any]) -> bool:
    """Undo a move whose event could not follow; False when the old time is no longer free."""
    try:
        async with session_scope(runtime.sessions) as s:
            row = await repo.lock_booking(s, moved.id)
            if row is None or row.sequence != moved.sequence:
                return False
            if await repo.overlapping_booking(s, row.host_id, before["held_from"], before["held_to"],
                                              exclude_id=row.id):
                return False
            for name, value in before.items():
                setattr(row, name, value)
            await s.flush()
            return True
    except sa.exc.IntegrityError:
        return False


async def cancel(runtime: CalendarRuntime, booking_id: int, *, version: int | None, by: str, reason: str | None,
                 now: dt.datetime) -> Booking:
    """Cancel a booking (again is harmless): CANCEL to both, the event removed, the timeline told."""
    async with session_scope(runtime.sessions) as s:
        booking = await repo.lock_booking(s, booking_id)
        if booking is None:
            raise LinkInvalid()
        if version is not None and booking.manage_version != version:
            raise LinkExpired("This link belongs to an earlier version of the booking; use the link in the "
                              "latest confirmation.")
        if booking.status == CANCELLED:
            return booking
        changeable(booking, now)
        booking.status, booking.sequence = CANCELLED, booking.sequence + 1
        booking.cancelled_at, booking.cancelled_by = now, by
        booking.cancel_reason = reason.strip()[:1000] if reason and reason.strip() else None
        await s.flush()
        await followups.enqueue_follow_ups(s, runtime, booking, "cancelled")
    runtime.wake_worker()
    return booking


async def claimed_booking(s: AsyncSession, claim: ManageClaim) -> Booking:
    """The booking a verified manage link names, at the version it names."""
    booking = await repo.get_booking(s, int(claim.booking_id)) if claim.booking_id.isdigit() else None
    if booking is None:
        raise LinkInvalid()
    check_version(booking, claim)
    return booking


def verify_manage_link(links: ManageLinks, token: str, now: dt.datetime) -> ManageClaim:
    """A reschedule or a cancel link: either lets its holder see the booking."""
    try:
        return links.verify(token, "reschedule", now)
    except LinkInvalid:
        return links.verify(token, "cancel", now)
