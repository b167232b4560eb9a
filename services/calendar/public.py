"""The public booking page (no sign-in): a link's page, its free days and slots, booking, one-click offers,
a booking's manage links (see it, move it, cancel it, download it), and a host's feed.

Every link is unguessable: page, personal and feed tokens are 256 random bits looked up by their hash,
manage and one-click links are HMAC-signed. A malformed, unknown, forged or foreign link (a one-click
link of another lead, a cancel link used to reschedule) gets one answer, 404 "This link is not valid.",
and counts against the address's budget of unknown links (ratelimit.py). An expired personal link says
so (403): only its holder can learn that. Nothing here tells whether an address belongs to a contact:
contacts are matched later, in the background (jobs.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.errors import Conflict, Invalid

from . import repository as repo
from .availability import Slot, days_with_slots, visitor_window
from .booking import (
    HostContext,
    Placement,
    bookings_around,
    complete_event,
    free_slots,
    host_context,
    place,
    reads,
    verdict,
)
from .connections import google_enabled
from .deps import CalendarRuntime
from .ics import feed as ics_feed
from .ics import invitation
from .links import LinkInvalid, check_token, lookup_hash
from .models import CANCELLED, EVENT_PENDING, Booking, BookingPage, PersonalLink
from .moves import cancel, changeable, claimed_booking, move, verify_manage_link
from .notify import meeting
from .providers import ConnectionState
from .schemas import (
    BookingCreate,
    BookingCreated,
    Branding,
    CancelRequest,
    DaysRead,
    ManagedBooking,
    OfferedSlotRead,
    OneClickRequest,
    Prefill,
    PublicHost,
    PublicPage,
    Question,
    RescheduleRequest,
    SlotRead,
    SlotsRead,
)
from .views import managed_view, visitor_view
from .zones import parse_zone

FEED_PAST = dt.timedelta(days=90)
FEED_AHEAD = dt.timedelta(days=800)
REFUSED = "This booking could not be accepted."


@dataclass(frozen=True)
class Target:
    """What a page or personal link leads to."""

    ctx: HostContext
    link: PersonalLink | None


async def resolve(s: AsyncSession, token: str, now: dt.datetime) -> Target:
    token_hash = lookup_hash(token)
    page = await repo.page_by_token_hash(s, token_hash)
    link = None
    if page is None:
        link = await repo.link_by_token_hash(s, token_hash)
        if link is None:
            raise LinkInvalid()
        check_token(token, link.token_hash, link.expires_at, now)
        page = await repo.get_page(s, link.page_id)
    if page is None or not page.active:
        raise LinkInvalid()
    return Target(await host_context(s, page), link)


def _zone(tz: str | None) -> str | None:
    if tz is None:
        return None
    parse_zone(tz, field="tz")
    return tz


def _check_span(runtime: CalendarRuntime, first: dt.date, last: dt.date) -> None:
    if last < first:
        raise Invalid("'to' is before 'from'.", errors=[{"loc": ["query", "to"], "msg": "before from",
                                                         "type": "window"}])
    widest = runtime.settings.calendar_slots_max_days
    if (last - first).days + 1 > widest:
        raise Invalid(f"Ask for at most {widest} days at a time.",
                      errors=[{"loc": ["query", "to"], "msg": f"at most {widest} days", "type": "window"}])


def _render(slots: list[Slot], zone: str) -> list[SlotRead]:
    here = ZoneInfo(zone)
    return [SlotRead(start=s.start.astimezone(here), end=s.end.astimezone(here)) for s in slots]


def _questions(page: BookingPage) -> list[Question]:
    return [Question.model_validate(q) for q in page.questions or []]


def _branding(page: BookingPage) -> Branding:
    return Branding(name=page.brand_name, logo_url=page.logo_url, colour=page.colour)


# --- the page -----------------------------------------------------------------------------------

async def page_info(runtime: CalendarRuntime, token: str) -> PublicPage:
    now = runtime.deps.clock()
    async with reads(runtime) as s:
        target = await resolve(s, token, now)
    ctx, link, rules = target.ctx, target.link, target.ctx.rules
    revoked = (google_enabled(runtime) and ctx.connection is not None
               and ctx.connection.state == ConnectionState.REVOKED)
    return PublicPage(
        title=ctx.page.title, description=ctx.page.description or "", duration_minutes=ctx.page.duration_minutes,
        location=ctx.page.location, with_meet=ctx.page.with_meet, branding=_branding(ctx.page),
        questions=_questions(ctx.page), host=PublicHost(name=ctx.host.name, timezone=rules.timezone if rules else None),
        personal=link is not None, greeting_name=link.contact_name if link else None,
        prefill=Prefill(name=link.contact_name, email=link.contact_email) if link else None,
        expires_at=link.expires_at if link else None, bookable=rules is not None and not revoked,
        slot_minutes=rules.slot_minutes if rules else None,
        min_notice_minutes=rules.min_notice_minutes if rules else None,
        horizon_days=rules.horizon_days if rules else None,
        max_window_days=runtime.settings.calendar_slots_max_days,
    )


async def _slots_of(runtime: CalendarRuntime, token: str, first: dt.date, last: dt.date,
                    tz: str | None) -> tuple[str, list[Slot]]:
    zone = _zone(tz)
    _check_span(runtime, first, last)
    now = runtime.deps.clock()
    async with reads(runtime) as s:
        target = await resolve(s, token, now)
        rules = target.ctx.rules
        zone = zone or (rules.timezone if rules else "UTC")
        window_from, window_to = visitor_window(first, last, zone)
        own = await bookings_around(s, target.ctx.host.user_id, window_from, window_to)
    return zone, await free_slots(runtime, target.ctx, own, window_from, window_to, now)


async def slots(runtime: CalendarRuntime, token: str, first: dt.date, last: dt.date, tz: str | None) -> SlotsRead:
    zone, found = await _slots_of(runtime, token, first, last, tz)
    return SlotsRead(timezone=zone, slots=_render(found, zone))


async def days(runtime: CalendarRuntime, token: str, first: dt.date, last: dt.date, tz: str | None) -> DaysRead:
    zone, found = await _slots_of(runtime, token, first, last, tz)
    return DaysRead(timezone=zone, days=days_with_slots(found, zone))


# --- booking ------------------------------------------------------------------------------------

def _answers(page: BookingPage, given: dict[str, str]) -> list[dict[str, str]]:
    questions = _questions(page)
    known = {q.id for q in questions}
    errors = [{"loc": ["body", "answers", key], "msg": "not a question of this page", "type": "answers"}
              for key in given if key not in known]
    errors += [{"loc": ["body", "answers", q.id], "msg": f"'{q.label}' needs an answer", "type": "answers"}
               for q in questions if q.required and not given.get(q.id, "").strip()]
    if errors:
        raise Invalid("Some answers are missing or unexpected.", errors=errors)
    return [{"id": q.id, "question": q.label, "answer": given[q.id].strip()}
            for q in questions if given.get(q.id, "").strip()]


def _key_hash(key: str | None) -> str | None:
    if key is None:
        return None
    if not 1 <= len(key) <= 200 or not key.isascii() or not key.isprintable():
        raise Invalid("An Idempotency-Key is 1 to 200 printable ASCII characters.",
                      errors=[{"loc": ["header", "Idempotency-Key"], "msg": "1-200 printable ASCII characters",
                               "type": "idempotency_key"}])
    return hashlib.sha256(key.encode()).hexdigest()


async def _replay(runtime: CalendarRuntime, page_id: int, key_hash: str | None,
                  request_hash: str | None) -> Booking | None:
    """The booking an earlier request with this Idempotency-Key made (the same request, or a 422)."""
    if key_hash is None:
        return None
    async with reads(runtime) as s:
        existing = await repo.booking_by_key(s, page_id, key_hash)
    if existing is None:
        return None
    if existing.request_hash != request_hash:
        raise Invalid("This Idempotency-Key was already used for another booking request.",
                      errors=[{"loc": ["header", "Idempotency-Key"], "msg": "used for another request",
                               "type": "idempotency_key"}])
    if existing.event_state == EVENT_PENDING:
        existing = await complete_event(runtime, existing.id)
    return existing


async def book(runtime: CalendarRuntime, token: str, body: BookingCreate,
               idempotency_key: str | None) -> BookingCreated:
    """Book a slot from the page (pinned: 201, or 409 when the time is no longer free)."""
    if body.website:
        raise Invalid(REFUSED)
    key_hash = _key_hash(idempotency_key)
    zone = _zone(body.timezone)
    now = runtime.deps.clock()
    async with reads(runtime) as s:
        target = await resolve(s, token, now)
    ctx, link = target.ctx, target.link
    answers = _answers(ctx.page, body.answers)
    request = json.dumps({"token": hashlib.sha256(token.encode()).hexdigest(),
                          "body": body.model_dump(mode="json", exclude={"website"})}, sort_keys=True)
    request_hash = hashlib.sha256(request.encode()).hexdigest()
    booking = await _replay(runtime, ctx.page.id, key_hash, request_hash)
    if booking is None:
        runtime.deps.limits.spend_email(str(body.email))
        booking = await place(runtime, ctx, Placement(
            start=body.start.astimezone(dt.UTC), name=body.name, email=str(body.email),
            timezone=zone or (ctx.rules.timezone if ctx.rules else "UTC"), language=body.language or "en",
            source="link" if link else "page", answers=answers, note=(body.note or "").strip() or None,
            link_id=link.id if link else None, contact_id=link.contact_id if link else None,
            company_id=link.company_id if link else None, campaign_id=link.campaign_id if link else None,
            key_hash=key_hash, request_hash=request_hash), now)
        if booking.request_hash != request_hash:  # a twin request with this key won the race
            raise Invalid("This Idempotency-Key was already used for another booking request.")
    return visitor_view(runtime, booking, ctx.page, ctx.host)


async def _offer(runtime: CalendarRuntime, s: AsyncSession, token: str, slot_link: str,
                 now: dt.datetime) -> tuple[Target, PersonalLink, dt.datetime]:
    target = await resolve(s, token, now)
    if target.link is None:
        raise LinkInvalid()
    claim = runtime.deps.links.verify_slot(slot_link, now)
    if claim.link_id != target.link.id:
        raise LinkInvalid()
    return target, target.link, claim.start


async def offered(runtime: CalendarRuntime, token: str, slot_link: str) -> OfferedSlotRead:
    """What a one-click link books, and whether that time is still free by our own bookings."""
    now = runtime.deps.clock()
    async with reads(runtime) as s:
        target, link, start = await _offer(runtime, s, token, slot_link, now)
        own = await bookings_around(s, target.ctx.host.user_id, start, start)
    ctx = target.ctx
    duration = dt.timedelta(minutes=ctx.page.duration_minutes)
    zone = ctx.rules.timezone if ctx.rules else "UTC"
    free = ctx.rules is not None and verdict(ctx.rules, own, start, now, duration).ok
    here = ZoneInfo(zone)
    return OfferedSlotRead(start=start.astimezone(here), end=(start + duration).astimezone(here), timezone=zone,
                           title=ctx.page.title, host_name=ctx.host.name, greeting_name=link.contact_name, free=free)


async def book_offered(runtime: CalendarRuntime, token: str, slot_link: str, body: OneClickRequest) -> BookingCreated:
    """Book the slot a one-click link offers; clicking again answers with the same booking."""
    zone = _zone(body.timezone)
    now = runtime.deps.clock()
    async with reads(runtime) as s:
        target, link, start = await _offer(runtime, s, token, slot_link, now)
    ctx = target.ctx
    if not link.contact_email:
        raise Conflict("There is no e-mail address to confirm this booking to; please book on the page.")
    key_hash = hashlib.sha256(f"one-click:{slot_link}".encode()).hexdigest()
    booking = await _replay(runtime, ctx.page.id, key_hash, key_hash)
    if booking is None:
        runtime.deps.limits.spend_email(link.contact_email)
        booking = await place(runtime, ctx, Placement(
            start=start, name=link.contact_name or link.contact_email, email=link.contact_email,
            timezone=zone or (ctx.rules.timezone if ctx.rules else "UTC"), language=body.language or "en",
            source="one_click", answers=[], note=(body.note or "").strip() or None, link_id=link.id,
            contact_id=link.contact_id, company_id=link.company_id, campaign_id=link.campaign_id,
            key_hash=key_hash, request_hash=key_hash), now)
    return visitor_view(runtime, booking, ctx.page, ctx.host)


# --- manage links -------------------------------------------------------------------------------

async def _managed(runtime: CalendarRuntime, s: AsyncSession, booking: Booking) -> tuple[BookingPage, HostContext]:
    page = await repo.get_page(s, booking.page_id)
    if page is None:
        raise LinkInvalid()
    return page, await host_context(s, page)


async def manage_view(runtime: CalendarRuntime, link: str) -> ManagedBooking:
    now = runtime.deps.clock()
    claim = verify_manage_link(runtime.deps.links, link, now)
    async with reads(runtime) as s:
        booking = await claimed_booking(s, claim)
        page, ctx = await _managed(runtime, s, booking)
    return managed_view(runtime, booking, page, ctx.host, now)


async def manage_slots(runtime: CalendarRuntime, link: str, first: dt.date, last: dt.date,
                       tz: str | None) -> SlotsRead:
    """Free slots to move a booking to (its own time counts as free)."""
    zone = _zone(tz)
    _check_span(runtime, first, last)
    now = runtime.deps.clock()
    claim = runtime.deps.links.verify(link, "reschedule", now)
    async with reads(runtime) as s:
        booking = await claimed_booking(s, claim)
        _page, ctx = await _managed(runtime, s, booking)
        zone = zone or booking.visitor_timezone
        window_from, window_to = visitor_window(first, last, zone)
        own = await bookings_around(s, ctx.host.user_id, window_from, window_to, exclude_id=booking.id)
    changeable(booking, now)
    found = await free_slots(runtime, ctx, own, window_from, window_to, now, moving=booking)
    return SlotsRead(timezone=zone, slots=_render(found, zone))


async def reschedule(runtime: CalendarRuntime, link: str, body: RescheduleRequest) -> BookingCreated:
    zone = _zone(body.timezone)
    now = runtime.deps.clock()
    claim = runtime.deps.links.verify(link, "reschedule", now)
    moved = await move(runtime, claim, body.start.astimezone(dt.UTC), zone, now)
    async with reads(runtime) as s:
        page, ctx = await _managed(runtime, s, moved)
    return visitor_view(runtime, moved, page, ctx.host)


async def cancel_booking(runtime: CalendarRuntime, link: str, body: CancelRequest) -> ManagedBooking:
    now = runtime.deps.clock()
    claim = runtime.deps.links.verify(link, "cancel", now)
    if not claim.booking_id.isdigit():
        raise LinkInvalid()
    cancelled = await cancel(runtime, int(claim.booking_id), version=claim.version, by="lead", reason=body.reason,
                             now=now)
    async with reads(runtime) as s:
        page, ctx = await _managed(runtime, s, cancelled)
    return managed_view(runtime, cancelled, page, ctx.host, now)


async def invite(runtime: CalendarRuntime, link: str) -> bytes:
    """The booking as an .ics file for the visitor's calendar (PUBLISH; cancelled when it was)."""
    now = runtime.deps.clock()
    claim = verify_manage_link(runtime.deps.links, link, now)
    async with reads(runtime) as s:
        booking = await claimed_booking(s, claim)
        page, ctx = await _managed(runtime, s, booking)
    view = visitor_view(runtime, booking, page, ctx.host)
    return invitation(meeting(booking, page, ctx.host, domain=runtime.deps.urls.domain,
                              zone=booking.visitor_timezone, audience="lead", url=view.manage_url,
                              cancelled=booking.status == CANCELLED), "PUBLISH", now=now)


async def feed(runtime: CalendarRuntime, token: str) -> bytes:
    """A host's bookings as a subscribable calendar (cancelled ones stay, marked, for a while)."""
    now = runtime.deps.clock()
    token_hash = lookup_hash(token)
    async with reads(runtime) as s:
        host = await repo.host_by_feed_hash(s, token_hash)
        if host is None:
            raise LinkInvalid()
        bookings = await repo.feed_bookings(s, host.user_id, now - FEED_PAST, now + FEED_AHEAD)
        pages = await repo.pages_by_ids(s, sorted({b.page_id for b in bookings}))
    urls = runtime.deps.urls
    meetings = [meeting(b, pages[b.page_id], host, domain=urls.domain, zone="UTC", audience="host",
                        url=urls.booking_in_crm(b.id), cancelled=b.status == CANCELLED)
                for b in bookings if b.page_id in pages]
    return ics_feed(f"{host.name}: meetings", meetings, now=now)
