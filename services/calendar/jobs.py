"""Background work of the calendar service: telling the lead, the host, leads and the e-mail service about
a booking, and keeping the Google event in step (enqueued by followups.py).

Each handler reads what it needs in a short unit of work, calls out with no session open, and raises on a
passing failure so the kit retries it with backoff. A refusal no retry can change (an address the e-mail
service will not take, a contact deleted in leads) ends the job with the reason in its result. A 404 from
the e-mail service counts as passing: it means its endpoint is not deployed (yet), not a final answer.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from services.email.schemas import SequenceStop
from services.kit.db import session_scope
from services.kit.errors import AppError, Conflict, Invalid, NotFound
from services.kit.jobs import JobContext
from services.leads.schemas import ActivityCreate, ContactUpdate, LeadStatus

from . import booking as booking_rules
from . import followups, notify
from . import repository as repo
from .booking import MANAGE_GRACE, HostContext, host_context, meeting_event, reads
from .connections import CalendarOffline, google_call, open_connection
from .deps import CalendarRuntime
from .models import CANCELLED, CONFIRMED, EVENT_NONE, Booking
from .providers import EventRef, GrantRevoked

log = logging.getLogger("outbound.calendar.jobs")
# A contact already this far along keeps their status when they book.
STATUS_KEPT = frozenset({LeadStatus.meeting, LeadStatus.won})


@dataclasses.dataclass(frozen=True)
class Loaded:
    booking: Booking
    ctx: HostContext


async def _load(runtime: CalendarRuntime, booking_id: int) -> Loaded | None:
    async with reads(runtime) as s:
        booking = await repo.get_booking(s, booking_id)
        page = await repo.get_page(s, booking.page_id) if booking is not None else None
        if booking is None or page is None:
            return None
        return Loaded(booking, await host_context(s, page))


async def send_notice(ctx: JobContext) -> dict[str, Any]:
    """One confirmation, move or cancellation e-mail, to the lead or to the host."""
    runtime: CalendarRuntime = ctx.runtime
    payload = ctx.payload
    kind: notify.Kind = payload["kind"]
    audience: notify.Audience = payload["audience"]
    loaded = await _load(runtime, int(payload["booking_id"]))
    if loaded is None:
        return {"skipped": "the booking no longer exists"}
    booking, host_ctx = loaded.booking, loaded.ctx
    if kind == "cancelled" and booking.status != CANCELLED:
        return {"skipped": "the booking is not cancelled"}
    if kind != "cancelled" and (booking.sequence != payload["sequence"] or booking.status != CONFIRMED):
        return {"skipped": "a later change replaced this message"}
    urls = runtime.deps.urls
    if audience == "lead":
        until = booking.end_at + MANAGE_GRACE
        reschedule = runtime.deps.links.sign("reschedule", str(booking.id), booking.manage_version, until)
        cancel = runtime.deps.links.sign("cancel", str(booking.id), booking.manage_version, until)
        links = notify.Links(reschedule_url=urls.reschedule(reschedule), cancel_url=urls.cancel(cancel))
    else:
        links = notify.Links(crm_url=urls.booking_in_crm(booking.id))
    message = notify.message(
        booking, host_ctx.page, host_ctx.host, kind=kind, audience=audience,
        host_zone=host_ctx.rules.timezone if host_ctx.rules else None, links=links, domain=urls.domain,
        now=runtime.deps.clock(),
        # The host's own calendar already has the event when Google wrote it; a second copy would double it.
        attach_invitation=not (audience == "host" and booking.provider == "google"))
    try:
        sent = await runtime.deps.email.send_transactional(message)
    except Invalid as exc:
        return {"refused": exc.detail}
    return {"key": sent.key, "message_id": sent.message_id, "status": sent.status, "created": sent.created}


async def record_on_timeline(ctx: JobContext) -> dict[str, Any]:
    """The booking on the contact's and company's timelines in leads (by e-mail for a generic link)."""
    runtime: CalendarRuntime = ctx.runtime
    payload = ctx.payload
    kind: notify.Kind = payload["kind"]
    loaded = await _load(runtime, int(payload["booking_id"]))
    if loaded is None:
        return {"skipped": "the booking no longer exists"}
    booking, host_ctx = loaded.booking, loaded.ctx
    zone = host_ctx.rules.timezone if host_ctx.rules else "UTC"
    what = {"confirmed": "Meeting booked", "rescheduled": "Meeting moved", "cancelled": "Meeting cancelled"}[kind]
    moment = notify.when(booking.start_at, booking.end_at, zone, "en")
    title = f"{what}: {host_ctx.page.title} with {host_ctx.host.name}, {moment}"
    by_contact = booking.contact_id is not None or booking.company_id is not None
    activity = ActivityCreate(
        contact_id=booking.contact_id, company_id=booking.company_id,
        contact_email=None if by_contact else booking.visitor_email,
        type=f"meeting.{kind}", title=title[:300], occurred_at=runtime.deps.clock(),
        external_id=f"calendar:booking:{booking.id}:v{payload['sequence']}:{kind}",
        detail={"booking_id": booking.id, "page_id": host_ctx.page.id, "page_title": host_ctx.page.title,
                "host_id": host_ctx.host.user_id, "host_name": host_ctx.host.name,
                "campaign_id": booking.campaign_id, "start": booking.start_at.isoformat(),
                "end": booking.end_at.isoformat(), "source": booking.source,
                "booking_url": runtime.deps.urls.booking_in_crm(booking.id)},
    )
    try:
        recorded = await runtime.deps.leads.record_activity(activity)
    except NotFound:
        return {"skipped": "no matching contact in leads"}
    except Invalid as exc:
        return {"refused": exc.detail}
    if not by_contact and recorded.contact_id is not None and kind == "confirmed":
        # Booked through the page's generic link by someone who is a contact: the booking is theirs now.
        async with session_scope(runtime.sessions) as s:
            row = await repo.get_booking(s, booking.id)
            if row is not None and row.contact_id is None:
                row.contact_id, row.company_id = recorded.contact_id, recorded.company_id
                await followups.enqueue_contact_updates(s, runtime, row.id, recorded.contact_id)
        runtime.wake_worker()
    return {"activity_id": recorded.id, "contact_id": recorded.contact_id}


async def mark_contact_meeting(ctx: JobContext) -> dict[str, Any]:
    """The contact's status becomes "meeting" (one already further along keeps theirs)."""
    runtime: CalendarRuntime = ctx.runtime
    contact_id = int(ctx.payload["contact_id"])
    try:
        contact = await runtime.deps.leads.get_contact(contact_id)
        if contact.status in STATUS_KEPT:
            return {"unchanged": str(contact.status)}
        await runtime.deps.leads.update_contact(contact_id, ContactUpdate(status=LeadStatus.meeting))
    except NotFound:
        return {"skipped": "the contact no longer exists"}
    except Invalid as exc:
        return {"refused": exc.detail}
    return {"status": LeadStatus.meeting.value}


async def stop_contact_sequences(ctx: JobContext) -> dict[str, Any]:
    """The e-mail service stops every sequence of the contact: they booked."""
    runtime: CalendarRuntime = ctx.runtime
    contact_id = int(ctx.payload["contact_id"])
    try:
        stopped = await runtime.deps.email.stop_sequences(contact_id, SequenceStop(
            reason="booked", note=f"Booked a meeting (calendar booking {ctx.payload['booking_id']})."))
    except Invalid as exc:
        return {"refused": exc.detail}
    return {"stopped": stopped.stopped}


async def sync_event(ctx: JobContext) -> dict[str, Any]:
    """Move or remove the booking's Google event to match the booking."""
    runtime: CalendarRuntime = ctx.runtime
    action = ctx.payload["action"]
    loaded = await _load(runtime, int(ctx.payload["booking_id"]))
    if loaded is None or loaded.booking.event_id is None:
        return {"skipped": "no event to change"}
    booking, host_ctx = loaded.booking, loaded.ctx
    if action == "update" and booking.status != CONFIRMED:
        return {"skipped": "the booking was cancelled"}
    try:
        connection = await open_connection(runtime, host_ctx.connection)
    except CalendarOffline:
        return {"skipped": "the host's Google connection is revoked"}
    if connection is None:
        return {"skipped": "the host is not connected to Google"}
    ref = EventRef(str(booking.event_calendar_id), str(booking.event_id), booking.meet_url, booking.event_link)
    try:
        async with google_call(runtime, host_ctx.host.user_id, connection):
            if action == "delete":
                await runtime.deps.provider.delete_event(connection, ref)
                fresh = None
            else:
                fresh = await runtime.deps.provider.update_event(connection, ref,
                                                                 meeting_event(runtime, booking, host_ctx))
    except GrantRevoked:
        return {"skipped": "the host's Google connection is revoked"}
    async with session_scope(runtime.sessions) as s:
        row = await repo.get_booking(s, booking.id)
        if row is not None and action == "delete":
            row.event_state = EVENT_NONE
        elif row is not None and fresh is not None:
            row.event_calendar_id, row.event_id = fresh.calendar_id, fresh.event_id
            row.event_link, row.meet_url = fresh.html_link, fresh.meet_url
    return {"action": action, "event_id": booking.event_id}


async def finish_booking(ctx: JobContext) -> dict[str, Any]:
    """The watchdog: write the event of a booking whose request never came back, or discard the booking."""
    runtime: CalendarRuntime = ctx.runtime
    try:
        done = await booking_rules.complete_event(runtime, int(ctx.payload["booking_id"]))
    except Conflict:
        return {"skipped": "the booking no longer exists"}
    except AppError as exc:
        # complete_event has discarded the booking: its visitor never had an answer, so none is owed.
        return {"discarded": exc.detail}
    return {"event_state": done.event_state}


HANDLERS = {
    followups.NOTIFY: send_notice,
    followups.TIMELINE: record_on_timeline,
    followups.CONTACT_STATUS: mark_contact_meeting,
    followups.STOP_SEQUENCES: stop_contact_sequences,
    followups.EVENT_SYNC: sync_event,
    followups.FINISH_BOOKING: finish_booking,
}
