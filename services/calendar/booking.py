"""Placing bookings, and what every booking path shares (the public page, one-click offers, manage links,
the host's own cancel in moves.py): the host's context, the verdict, free slots, Google's busy times.

No database session is held across a call to Google or another service. Placing a booking:

1. read (a short unit of work): the page, host and their bookings around the time;
2. the core's verdict — past, inside the notice, beyond the horizon, not a slot (422), a day or week
   limit reached or the time taken (409);
3. Google's free/busy over the held time, when the host is connected (re-checked at booking time);
4. write (one unit of work): the host's row locked (SQLite's BEGIN IMMEDIATE admits one writer anyway),
   the verdict again on what is committed now — the guard on both backends — the insert, which
   PostgreSQL's exclusion constraint checks once more, and in the same transaction the follow-up jobs
   (confirmations, timeline, status, sequences) or, with Google, a watchdog job;
5. with Google: the event (its id derived from the booking, so a retry converges). When Google fails the
   row is deleted again and the visitor gets the error: nothing is left half-written. The watchdog
   finishes the work if this process dies between 4 and 5.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.db import session_scope
from services.kit.errors import Conflict, Unavailable

from . import followups
from . import repository as repo
from .availability import Interval, Refusal, Slot, Verdict, compute_slots, held_interval, is_bookable
from .connections import google_call, open_connection
from .deps import CalendarRuntime
from .ics import Person
from .links import LinkInvalid
from .models import (
    CONFIRMED,
    EVENT_NONE,
    EVENT_PENDING,
    EVENT_WRITTEN,
    Booking,
    BookingPage,
    GoogleConnectionRow,
    Host,
)
from .providers import EventRef, GoogleConnection, MeetingEvent
from .rules import AvailabilityRules, parse_rules

log = logging.getLogger("outbound.calendar.booking")

# Bookings this far either side of a time decide its day and week limits (an ISO week in any zone).
LIMIT_REACH = dt.timedelta(days=8)
# Manage links work until this long after the meeting (to see it, download it); changes end at its start.
MANAGE_GRACE = dt.timedelta(days=30)
NO_HOURS = "This host has not opened any times for booking yet."
# Deadlock and serialization failure: PostgreSQL gave up one transaction so another could finish.
RETRIED_STATES = frozenset({"40P01", "40001"})
WRITE_ATTEMPTS = 4
T = TypeVar("T")
TAKEN = "This time is no longer free."


@dataclass(frozen=True)
class Placement:
    """A booking about to be placed: who, when, and how a repeat of the request is recognised."""

    start: dt.datetime
    name: str
    email: str
    timezone: str
    language: str
    source: str
    answers: list[dict[str, str]]
    note: str | None = None
    link_id: int | None = None
    contact_id: int | None = None
    company_id: int | None = None
    campaign_id: int | None = None
    key_hash: str | None = None
    request_hash: str | None = None


@dataclass(frozen=True)
class HostContext:
    page: BookingPage
    host: Host
    rules: AvailabilityRules | None
    connection: GoogleConnectionRow | None


def host_rules(host: Host) -> AvailabilityRules | None:
    return parse_rules(host.availability) if host.availability else None


async def host_context(s: AsyncSession, page: BookingPage) -> HostContext:
    host = await repo.get_host(s, page.host_id)
    if host is None:
        raise LinkInvalid()
    return HostContext(page, host, host_rules(host), await repo.get_connection(s, host.user_id))


def reads(runtime: CalendarRuntime) -> Any:
    """A read-only unit of work (on SQLite it takes no write lock)."""
    return session_scope(runtime.sessions, writes=False)


async def bookings_around(s: AsyncSession, host_id: int, first: dt.datetime, last: dt.datetime,
                          *, exclude_id: int | None = None) -> Sequence[Booking]:
    """The host's confirmed bookings that can matter for times in ``[first, last]``: busy time and limits."""
    return await repo.host_bookings(s, host_id, first - LIMIT_REACH, last + LIMIT_REACH, exclude_id=exclude_id)


def verdict(rules: AvailabilityRules, own: Sequence[Booking], start: dt.datetime, now: dt.datetime,
            duration: dt.timedelta) -> Verdict:
    held = [Interval(b.held_from, b.held_to) for b in own]
    return is_bookable(rules, held, start, now, booked_starts=[b.start_at for b in own], duration=duration)


def taken() -> Conflict:
    return Conflict(TAKEN, errors=[{"loc": ["start"], "msg": TAKEN, "type": str(Refusal.BUSY)}])


async def free_slots(runtime: CalendarRuntime, ctx: HostContext, own: Sequence[Booking], window_from: dt.datetime,
                     window_to: dt.datetime, now: dt.datetime, *, moving: Booking | None = None) -> list[Slot]:
    """The free slots of a page starting in the window: the host's rules, our bookings, Google's busy times."""
    if ctx.rules is None:
        return []
    return await free_for(runtime, ctx.host.user_id, ctx.rules, ctx.connection,
                          dt.timedelta(minutes=ctx.page.duration_minutes), own, window_from, window_to, now,
                          moving=moving)


async def free_for(runtime: CalendarRuntime, host_id: int, rules: AvailabilityRules,
                   connection_row: GoogleConnectionRow | None, duration: dt.timedelta, own: Sequence[Booking],
                   window_from: dt.datetime, window_to: dt.datetime, now: dt.datetime,
                   *, moving: Booking | None = None) -> list[Slot]:
    """Free slots of ``duration`` for a host's rules (saved or being tried) in the window."""
    pad = duration + dt.timedelta(minutes=rules.buffer_before_minutes + rules.buffer_after_minutes)
    held = [Interval(b.held_from, b.held_to) for b in own]
    exclude = [Interval(moving.start_at, moving.end_at)] if moving is not None else []
    connection = await open_connection(runtime, connection_row)
    async with google_call(runtime, host_id, connection):
        busy = await runtime.deps.provider.busy(connection, Interval(window_from - pad, window_to + pad), held,
                                                exclude=exclude)
    return compute_slots(rules, busy, window_from, window_to, now, booked_starts=[b.start_at for b in own],
                         duration=duration)


async def provider_confirms_free(runtime: CalendarRuntime, ctx: HostContext, connection: GoogleConnection | None,
                                 held: Interval, *, moving: Booking | None = None) -> None:
    """Google's busy times, read now, must leave the held time free (a no-op without a connection)."""
    if connection is None:
        return
    exclude = [Interval(moving.start_at, moving.end_at)] if moving is not None else []
    async with google_call(runtime, ctx.host.user_id, connection):
        busy = await runtime.deps.provider.busy(connection, held, [], exclude=exclude)
    if any(b.start < held.end and held.start < b.end for b in busy):
        raise taken()


# --- placing ------------------------------------------------------------------------------------

async def place(runtime: CalendarRuntime, ctx: HostContext, placement: Placement, now: dt.datetime) -> Booking:
    """Book ``placement`` on the context's page, or raise why not (see the module's steps)."""
    if ctx.rules is None:
        raise Conflict(NO_HOURS)
    duration = dt.timedelta(minutes=ctx.page.duration_minutes)
    async with reads(runtime) as s:
        own = await bookings_around(s, ctx.host.user_id, placement.start, placement.start)
    verdict(ctx.rules, own, placement.start, now, duration).raise_if_refused()
    connection = await open_connection(runtime, ctx.connection)
    await provider_confirms_free(runtime, ctx, connection, held_interval(ctx.rules, placement.start, duration))
    booking = await _insert(runtime, ctx, placement, duration, now, google=connection is not None)
    if booking.event_state == EVENT_PENDING:
        booking = await complete_event(runtime, booking.id)
    runtime.wake_worker()
    return booking


async def with_retries(write: Callable[[], Awaitable[T]]) -> T:
    """Run a writing unit of work again when PostgreSQL aborted it to break a deadlock.

    Two transactions inserting overlapping ranges each enter their row in the exclusion constraint's
    index and then wait for the other: PostgreSQL aborts one (40P01). Run again, it sees the winner.
    """
    for attempt in range(WRITE_ATTEMPTS):
        try:
            return await write()
        except sa.exc.IntegrityError:
            raise
        except sa.exc.DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) not in RETRIED_STATES:
                raise
            if attempt + 1 == WRITE_ATTEMPTS:
                raise Unavailable("Too many bookings are being made at this moment; please try again.",
                                  headers={"Retry-After": "1"}) from None
            await asyncio.sleep(random.uniform(0, 0.02 * 2**attempt))
    raise AssertionError("unreachable")


async def _insert(runtime: CalendarRuntime, ctx: HostContext, p: Placement, duration: dt.timedelta,
                  now: dt.datetime, *, google: bool) -> Booking:
    try:
        return await with_retries(lambda: _insert_once(runtime, ctx, p, duration, now, google=google))
    except sa.exc.IntegrityError as exc:
        # PostgreSQL's exclusion constraint (or the unique Idempotency-Key of a twin request) refused it.
        if p.key_hash is not None:
            async with reads(runtime) as s:
                existing = await repo.booking_by_key(s, ctx.page.id, p.key_hash)
            if existing is not None:
                return existing
        log.info("booking refused by the database: %s", getattr(exc.orig, "sqlstate", exc.orig.__class__.__name__))
        raise taken() from None


async def _insert_once(runtime: CalendarRuntime, ctx: HostContext, p: Placement, duration: dt.timedelta,
                       now: dt.datetime, *, google: bool) -> Booking:
    async with session_scope(runtime.sessions) as s:
        if p.key_hash is not None:
            existing = await repo.booking_by_key(s, ctx.page.id, p.key_hash)
            if existing is not None:
                return existing
        rules = await rules_for_change(s, ctx.host.user_id)
        own = await bookings_around(s, ctx.host.user_id, p.start, p.start)
        verdict(rules, own, p.start, now, duration).raise_if_refused()
        held = held_interval(rules, p.start, duration)
        booking = await repo.add(s, Booking(
            page_id=ctx.page.id, host_id=ctx.host.user_id, link_id=p.link_id, contact_id=p.contact_id,
            company_id=p.company_id, campaign_id=p.campaign_id, visitor_name=p.name, visitor_email=p.email,
            visitor_timezone=p.timezone, language=p.language, answers=p.answers, note=p.note,
            start_at=p.start, end_at=p.start + duration, held_from=held.start, held_to=held.end,
            status=CONFIRMED, sequence=0, manage_version=0, source=p.source,
            provider="google" if google else "local", event_state=EVENT_PENDING if google else EVENT_NONE,
            idempotency_key=p.key_hash, request_hash=p.request_hash))
        if google:
            await followups.enqueue_watchdog(s, runtime, booking)
        else:
            await followups.enqueue_follow_ups(s, runtime, booking, "confirmed")
        return booking  # type: ignore[no-any-return]


async def rules_for_change(s: AsyncSession, host_id: int) -> AvailabilityRules:
    """The host's rules as committed now, with the host's row locked until the transaction ends.

    One booking change per host at a time: the re-check that follows then sees every booking committed
    before it, limits included. Overlapping inserts racing each other only through the exclusion
    constraint would each wait on the other's index entry until PostgreSQL breaks the deadlock (a second
    later); serialised per host they answer in milliseconds, and the constraint stays the last word.
    """
    host = await repo.lock_host(s, host_id)
    rules = host_rules(host) if host is not None else None
    if rules is None:
        raise Conflict(NO_HOURS)
    return rules


async def complete_event(runtime: CalendarRuntime, booking_id: int) -> Booking:
    """Write the provider event of a booking whose event is pending; on failure discard the booking."""
    async with reads(runtime) as s:
        booking = await repo.get_booking(s, booking_id)
        if booking is None:
            raise Conflict("This booking could not be completed; please book again.")
        if booking.event_state != EVENT_PENDING:
            return booking
        page = await repo.get_page(s, booking.page_id)
        if page is None:
            raise LinkInvalid()
        ctx = await host_context(s, page)
    try:
        connection = await open_connection(runtime, ctx.connection)
        if connection is not None:
            async with google_call(runtime, ctx.host.user_id, connection):
                ref = await runtime.deps.provider.create_event(connection, meeting_event(runtime, booking, ctx))
        else:
            ref = None
    except Exception:
        async with session_scope(runtime.sessions) as s:
            await repo.discard_pending_booking(s, booking_id, followups.watchdog_key(booking_id))
        raise
    async with session_scope(runtime.sessions) as s:
        row = await repo.get_booking(s, booking_id)
        if row is None or row.event_state != EVENT_PENDING:
            raise Conflict("This booking could not be completed; please book again.")
        keep_ref(row, ref)
        await followups.enqueue_follow_ups(s, runtime, row, "confirmed")
        await repo.drop_waiting_job(s, followups.watchdog_key(booking_id))
        return row


def keep_ref(row: Booking, ref: EventRef | None) -> None:
    if ref is None:
        row.provider, row.event_state = "local", EVENT_NONE
        return
    row.provider, row.event_state = "google", EVENT_WRITTEN
    row.event_calendar_id, row.event_id = ref.calendar_id, ref.event_id
    row.event_link, row.meet_url = ref.html_link, ref.meet_url


def meeting_event(runtime: CalendarRuntime, booking: Booking, ctx: HostContext) -> MeetingEvent:
    """The Google event of a booking: both people, the answers, a link to the booking in the CRM."""
    parts = [ctx.page.description or ""]
    parts += [f"{a.get('question', '')}:\n{a.get('answer', '')}" for a in booking.answers or []]
    if booking.note:
        parts.append(f"Note:\n{booking.note}")
    parts.append(runtime.deps.urls.booking_in_crm(booking.id))
    return MeetingEvent(
        booking_id=str(booking.id), start=booking.start_at, end=booking.end_at,
        timezone=ctx.rules.timezone if ctx.rules is not None else "UTC",
        summary=f"{ctx.page.title}: {booking.visitor_name}",
        attendees=[Person(booking.visitor_email, booking.visitor_name), Person(ctx.host.email, ctx.host.name)],
        description="\n\n".join(p for p in parts if p), location=ctx.page.location,
        with_meet=ctx.page.with_meet, private={"outbound_page": str(ctx.page.id)},
    )
