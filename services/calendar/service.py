"""The rules of the host's side: availability, booking pages, personal links, the feed, the bookings list,
and the free slots offered to a lead who answered "interested".

Functions open their own short units of work: several call another service (the users service for the
host's name and address, leads for a contact) and must not hold a session while they do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from services.kit.auth import Principal
from services.kit.db import session_scope
from services.kit.errors import Forbidden, NotFound

from . import repository as repo
from .availability import visitor_window
from .booking import bookings_around, free_for, free_slots, host_context, host_rules, reads
from .deps import CalendarRuntime
from .links import issue_token
from .models import Booking, BookingPage, Host, PersonalLink
from .moves import cancel
from .rules import DEFAULTS, parse_rules
from .schemas import (
    AvailabilityPreview,
    AvailabilityRead,
    AvailabilityWrite,
    BookingRead,
    Branding,
    FeedRead,
    LinkCreate,
    LinkRead,
    NextSlotsRead,
    OfferedSlot,
    PageCreate,
    PageCreated,
    PageRead,
    PageUpdate,
    Question,
    SlotRead,
    SlotsRead,
)
from .zones import parse_zone


def host_id_of(principal: Principal) -> int:
    if principal.user_id is None:
        raise Forbidden("Only a signed-in person has a calendar.")
    return principal.user_id


async def refresh_host(runtime: CalendarRuntime, principal: Principal, token: str) -> Host:
    """The host's row with their current name and address from the users service (made on first use)."""
    user_id = host_id_of(principal)
    me = await runtime.deps.users.me(token)
    if me.id != user_id:
        raise Forbidden("The token does not belong to this account.")
    async with session_scope(runtime.sessions) as s:
        host = await repo.get_host(s, user_id)
        if host is None:
            host = await repo.add(s, Host(user_id=user_id, name=me.name, email=me.email))
        else:
            host.name, host.email = me.name, me.email
        return host


# --- availability -------------------------------------------------------------------------------

def _availability(rules_json: dict[str, Any] | None) -> AvailabilityRead:
    if rules_json is None:
        return AvailabilityRead(timezone="UTC", weekly={}, configured=False,
                                **{k: v for k, v in DEFAULTS.items() if v is not None})
    return AvailabilityRead.model_validate({**rules_json, "configured": True})


async def get_availability(runtime: CalendarRuntime, principal: Principal) -> AvailabilityRead:
    async with reads(runtime) as s:
        host = await repo.get_host(s, host_id_of(principal))
    return _availability(host.availability if host else None)


async def put_availability(runtime: CalendarRuntime, principal: Principal, token: str,
                           body: AvailabilityWrite) -> AvailabilityRead:
    """Replace the host's availability (a 422 names each problem with its location)."""
    rules = parse_rules(body.model_dump())
    await refresh_host(runtime, principal, token)
    async with session_scope(runtime.sessions) as s:
        host = await repo.get_host(s, host_id_of(principal))
        if host is None:
            raise NotFound("The host's calendar does not exist.")
        host.availability = rules.to_json()
    return _availability(rules.to_json())


async def preview(runtime: CalendarRuntime, principal: Principal, body: AvailabilityPreview) -> SlotsRead:
    """The next days' free slots under the given (or saved) rules, with the host's bookings and busy times."""
    now = runtime.deps.clock()
    host_id = host_id_of(principal)
    async with reads(runtime) as s:
        host = await repo.get_host(s, host_id)
        connection = await repo.get_connection(s, host_id)
        rules = parse_rules(body.availability.model_dump()) if body.availability else (
            host_rules(host) if host else None)
        if rules is None:
            return SlotsRead(timezone=body.timezone or "UTC", slots=[])
        zone = body.timezone or rules.timezone
        parse_zone(zone, field="timezone")
        today = now.astimezone(ZoneInfo(zone)).date()
        window_from, window_to = visitor_window(today, today + dt.timedelta(days=body.days - 1), zone)
        own = await bookings_around(s, host_id, window_from, window_to)
    duration = dt.timedelta(minutes=body.duration_minutes or rules.slot_minutes)
    found = await free_for(runtime, host_id, rules, connection, duration, own, window_from, window_to, now)
    here = ZoneInfo(zone)
    return SlotsRead(timezone=zone, slots=[SlotRead(start=f.start.astimezone(here), end=f.end.astimezone(here))
                                           for f in found])


# --- pages --------------------------------------------------------------------------------------

def _page_token(runtime: CalendarRuntime, page: BookingPage) -> str:
    return runtime.deps.sealer.unseal(page.token_sealed, f"page:{page.token_hash}").decode()


def page_read(runtime: CalendarRuntime, page: BookingPage, host: Host | None) -> PageRead:
    token = _page_token(runtime, page)
    return PageRead(
        id=page.id, host_id=page.host_id, host_name=host.name if host else "", title=page.title,
        duration_minutes=page.duration_minutes, description=page.description or "",
        branding=Branding(name=page.brand_name, logo_url=page.logo_url, colour=page.colour),
        questions=[Question.model_validate(q) for q in page.questions or []], location=page.location,
        with_meet=page.with_meet, language=page.language, active=page.active, token=token,
        url=runtime.deps.urls.page(token), created_at=page.created_at, updated_at=page.updated_at,
    )


def _apply(page: BookingPage, body: PageCreate | PageUpdate) -> None:
    fields = body.model_dump(exclude_unset=True, exclude={"branding", "questions"})
    for name, value in fields.items():
        if name == "description":
            page.description = value or ""
        elif name == "location":
            page.location = value or None  # null clears it
        elif value is not None:
            setattr(page, name, value)
    if body.branding is not None:
        page.brand_name, page.logo_url, page.colour = body.branding.name, body.branding.logo_url, body.branding.colour
    if body.questions is not None:
        page.questions = [q.model_dump() for q in body.questions]


def _new_token(runtime: CalendarRuntime, prefix: str, ttl: dt.timedelta | None) -> tuple[str, str, str,
                                                                                          dt.datetime | None]:
    issued = issue_token(runtime.deps.clock(), ttl)
    sealed = runtime.deps.sealer.seal(issued.token.encode(), f"{prefix}:{issued.token_hash}")
    return issued.token, issued.token_hash, sealed, issued.expires_at


async def create_page(runtime: CalendarRuntime, principal: Principal, token: str, body: PageCreate) -> PageCreated:
    host = await refresh_host(runtime, principal, token)
    page_token, token_hash, sealed, _ = _new_token(runtime, "page", None)
    page = BookingPage(host_id=host.user_id, title=body.title, duration_minutes=body.duration_minutes,
                       description="", questions=[], with_meet=False, language="en", token_hash=token_hash,
                       token_sealed=sealed, active=True)
    _apply(page, body)
    async with session_scope(runtime.sessions) as s:
        await repo.add(s, page)
    return PageCreated(id=page.id, token=page_token, url=runtime.deps.urls.page(page_token))


async def _own_page(s: Any, principal: Principal, page_id: int) -> BookingPage:
    page = await repo.get_page(s, page_id)
    if page is None:
        raise NotFound(f"Booking page {page_id} does not exist.")
    if page.host_id != principal.user_id and principal.role != "admin":
        raise Forbidden("Only the page's host or an admin may change it.")
    return page


async def list_pages(runtime: CalendarRuntime, *, host_id: int | None, include_inactive: bool) -> list[PageRead]:
    async with reads(runtime) as s:
        pages = await repo.list_pages(s, host_id=host_id, include_inactive=include_inactive)
        hosts = await repo.hosts_by_ids(s, sorted({p.host_id for p in pages}))
    return [page_read(runtime, p, hosts.get(p.host_id)) for p in pages]


async def get_page(runtime: CalendarRuntime, page_id: int) -> PageRead:
    async with reads(runtime) as s:
        page = await repo.get_page(s, page_id)
        if page is None:
            raise NotFound(f"Booking page {page_id} does not exist.")
        host = await repo.get_host(s, page.host_id)
    return page_read(runtime, page, host)


async def update_page(runtime: CalendarRuntime, principal: Principal, page_id: int, body: PageUpdate) -> PageRead:
    async with session_scope(runtime.sessions) as s:
        page = await _own_page(s, principal, page_id)
        _apply(page, body)
        await s.flush()
        host = await repo.get_host(s, page.host_id)
    return page_read(runtime, page, host)


async def close_page(runtime: CalendarRuntime, principal: Principal, page_id: int) -> None:
    """Close a page: its links stop working; its bookings stay (and can still be cancelled)."""
    async with session_scope(runtime.sessions) as s:
        page = await _own_page(s, principal, page_id)
        page.active = False


async def rotate_page_link(runtime: CalendarRuntime, principal: Principal, page_id: int) -> PageRead:
    """A new generic link for the page; the old one stops working (personal links keep theirs)."""
    _token, token_hash, sealed, _ = _new_token(runtime, "page", None)
    async with session_scope(runtime.sessions) as s:
        page = await _own_page(s, principal, page_id)
        page.token_hash, page.token_sealed = token_hash, sealed
        await s.flush()
        host = await repo.get_host(s, page.host_id)
    return page_read(runtime, page, host)


# --- personal links and offered slots -------------------------------------------------------------

def _link_read(runtime: CalendarRuntime, link: PersonalLink) -> LinkRead:
    token = runtime.deps.sealer.unseal(link.token_sealed, f"link:{link.token_hash}").decode()
    return LinkRead(token=token, url=runtime.deps.urls.page(token), expires_at=link.expires_at)


async def personal_link(runtime: CalendarRuntime, body: LinkCreate) -> tuple[LinkRead, PersonalLink]:
    """The contact's link to the page: a live one is reused (for at least half its lifetime), else a new one."""
    now = runtime.deps.clock()
    ttl = dt.timedelta(days=runtime.settings.calendar_link_ttl_days)
    async with reads(runtime) as s:
        page = await repo.get_page(s, body.page_id)
        if page is None or not page.active:
            raise NotFound(f"Booking page {body.page_id} does not exist.")
        reuse = await repo.reusable_link(s, page_id=page.id, contact_id=body.contact_id,
                                         campaign_id=body.campaign_id, expiring_after=now + ttl / 2)
    if reuse is not None:
        return _link_read(runtime, reuse), reuse
    contact = await runtime.deps.leads.get_contact(body.contact_id)
    token, token_hash, sealed, expires_at = _new_token(runtime, "link", ttl)
    async with session_scope(runtime.sessions) as s:
        link = await repo.add(s, PersonalLink(
            page_id=page.id, token_hash=token_hash, token_sealed=sealed, contact_id=contact.id,
            company_id=contact.company_id, campaign_id=body.campaign_id, contact_name=contact.name,
            contact_email=contact.email, expires_at=expires_at))
    return LinkRead(token=token, url=runtime.deps.urls.page(token), expires_at=expires_at), link


async def next_slots(runtime: CalendarRuntime, page_id: int, contact_id: int, *, count: int,
                     campaign_id: int | None, tz: str | None) -> NextSlotsRead:
    """The host's next free slots (re-checked with the provider), one a day, each a one-click link."""
    if tz is not None:
        parse_zone(tz, field="tz")
    link_read, link = await personal_link(runtime, LinkCreate(page_id=page_id, contact_id=contact_id,
                                                              campaign_id=campaign_id))
    now = runtime.deps.clock()
    async with reads(runtime) as s:
        page = await repo.get_page(s, page_id)
        if page is None:
            raise NotFound(f"Booking page {page_id} does not exist.")
        ctx = await host_context(s, page)
        zone = tz or (ctx.rules.timezone if ctx.rules else "UTC")
        if ctx.rules is None:
            return NextSlotsRead(page_id=page_id, timezone=zone, slots=[], page_url=link_read.url)
        days = min(ctx.rules.horizon_days + 1, runtime.settings.calendar_slots_max_days)
        window_from, window_to = now, now + dt.timedelta(days=days)
        own = await bookings_around(s, ctx.host.user_id, window_from, window_to)
    found = await free_slots(runtime, ctx, own, window_from, window_to, now)
    here = ZoneInfo(zone)
    offered: list[OfferedSlot] = []
    seen_days: set[dt.date] = set()
    for slot in found:
        day = slot.start.astimezone(here).date()
        if day in seen_days:
            continue  # one a day: three times on one morning are one offer, not three
        seen_days.add(day)
        signed = runtime.deps.links.sign_slot(link.id, slot.start, min(link.expires_at, slot.start))
        offered.append(OfferedSlot(start=slot.start.astimezone(here), end=slot.end.astimezone(here),
                                   book_url=runtime.deps.urls.one_click(link_read.token, signed)))
        if len(offered) == count:
            break
    return NextSlotsRead(page_id=page_id, timezone=zone, slots=offered, page_url=link_read.url)


# --- the feed -----------------------------------------------------------------------------------

def _feed_read(runtime: CalendarRuntime, host: Host | None) -> FeedRead:
    if host is None or host.feed_token_sealed is None or host.feed_token_hash is None:
        return FeedRead(url=None)
    token = runtime.deps.sealer.unseal(host.feed_token_sealed, f"feed:{host.feed_token_hash}").decode()
    return FeedRead(url=runtime.deps.urls.feed(token))


async def get_feed(runtime: CalendarRuntime, principal: Principal) -> FeedRead:
    async with reads(runtime) as s:
        return _feed_read(runtime, await repo.get_host(s, host_id_of(principal)))


async def rotate_feed(runtime: CalendarRuntime, principal: Principal, token: str) -> FeedRead:
    """A new secret feed URL; the previous one stops working at once."""
    await refresh_host(runtime, principal, token)
    _feed_token, token_hash, sealed, _ = _new_token(runtime, "feed", None)
    async with session_scope(runtime.sessions) as s:
        host = await repo.get_host(s, host_id_of(principal))
        if host is None:
            raise NotFound("The host's calendar does not exist.")
        host.feed_token_hash, host.feed_token_sealed = token_hash, sealed
        await s.flush()
        return _feed_read(runtime, host)


async def delete_feed(runtime: CalendarRuntime, principal: Principal) -> None:
    async with session_scope(runtime.sessions) as s:
        host = await repo.get_host(s, host_id_of(principal))
        if host is not None:
            host.feed_token_hash = host.feed_token_sealed = None


# --- bookings -----------------------------------------------------------------------------------

def booking_read(booking: Booking, page_titles: dict[int, str]) -> BookingRead:
    return BookingRead(
        id=booking.id, page_id=booking.page_id, page_title=page_titles.get(booking.page_id, ""),
        host_id=booking.host_id, status=booking.status, start=booking.start_at, end=booking.end_at,
        visitor_name=booking.visitor_name, visitor_email=booking.visitor_email,
        visitor_timezone=booking.visitor_timezone, language=booking.language,
        answers=[{"id": a.get("id", ""), "question": a.get("question", ""), "answer": a.get("answer", "")}
                 for a in booking.answers or []],
        note=booking.note, contact_id=booking.contact_id, company_id=booking.company_id,
        campaign_id=booking.campaign_id, source=booking.source, sequence=booking.sequence,
        provider=booking.provider, event_state=booking.event_state, event_link=booking.event_link,
        meet_url=booking.meet_url, created_at=booking.created_at, cancelled_at=booking.cancelled_at,
        cancelled_by=booking.cancelled_by, cancel_reason=booking.cancel_reason,
    )


async def _titles(s: Any, bookings: Sequence[Booking]) -> dict[int, str]:
    pages = await repo.pages_by_ids(s, sorted({b.page_id for b in bookings}))
    return {page_id: page.title for page_id, page in pages.items()}


async def list_bookings(runtime: CalendarRuntime, **filters: Any) -> tuple[list[BookingRead], int]:
    async with reads(runtime) as s:
        rows, total = await repo.list_bookings(s, **filters)
        titles = await _titles(s, rows)
    return [booking_read(b, titles) for b in rows], total


async def get_booking(runtime: CalendarRuntime, booking_id: int) -> BookingRead:
    async with reads(runtime) as s:
        booking = await repo.get_booking(s, booking_id)
        if booking is None:
            raise NotFound(f"Booking {booking_id} does not exist.")
        titles = await _titles(s, [booking])
    return booking_read(booking, titles)


async def host_cancel(runtime: CalendarRuntime, principal: Principal, booking_id: int,
                      reason: str | None) -> BookingRead:
    """The host (or an admin) cancels a booking: the lead gets the cancellation."""
    async with reads(runtime) as s:
        booking = await repo.get_booking(s, booking_id)
    if booking is None:
        raise NotFound(f"Booking {booking_id} does not exist.")
    if booking.host_id != principal.user_id and principal.role != "admin":
        raise Forbidden("Only the booking's host or an admin may cancel it.")
    cancelled = await cancel(runtime, booking_id, version=None, by=principal.actor, reason=reason,
                             now=runtime.deps.clock())
    async with reads(runtime) as s:
        titles = await _titles(s, [cancelled])
    return booking_read(cancelled, titles)
