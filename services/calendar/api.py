"""Routes of the calendar service for signed-in people and other services: the host's availability, booking
pages, personal links, bookings, Google connection and feed, the next free slots, jobs. The public booking
page's routes are in public_api.py."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, status

from services.kit.auth import (
    Principal,
    ReaderPrincipal,
    StaffPrincipal,
    bearer_token,
    require_roles,
    require_scope,
    user_or_scope,
)
from services.kit.deps import Limit, Offset
from services.kit.jobs_api import jobs_router
from services.kit.schemas import Page

from . import connections, service
from .deps import RuntimeDep
from .schemas import (
    AvailabilityPreview,
    AvailabilityRead,
    AvailabilityWrite,
    BookingRead,
    CancelRequest,
    FeedRead,
    GoogleAuthorization,
    GoogleCalendarChoice,
    GoogleCalendarRead,
    GoogleCallback,
    GoogleStatus,
    LinkCreate,
    LinkRead,
    MomentFilter,
    NextSlotsRead,
    PageCreate,
    PageCreated,
    PageRead,
    PageUpdate,
    SlotsRead,
)

jobs = jobs_router("calendar")
availability = APIRouter(prefix="/calendar/availability", tags=["calendar-availability"])
pages = APIRouter(prefix="/calendar/pages", tags=["calendar-pages"])
links = APIRouter(prefix="/calendar/links", tags=["calendar-links"])
bookings = APIRouter(prefix="/calendar/bookings", tags=["calendar-bookings"])
google = APIRouter(prefix="/calendar/google", tags=["calendar-google"])
feed = APIRouter(prefix="/calendar/feed", tags=["calendar-feed"])

# A host is a signed-in person: every role may look at their calendar, admins and sales may change it.
# What the demo (role and mode) may change is the kit's demo table's decision (services/kit/policy.py).
HostReader = Annotated[Principal, Depends(require_roles("admin", "sales", "demo"))]
HostWriter = StaffPrincipal
LinkMaker = Annotated[Principal, Depends(user_or_scope("calendar:links"))]
SlotsCaller = Annotated[Principal, Depends(require_scope("calendar:slots"))]
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
DEMO: dict[int | str, dict[str, object]] = {403: {"description": "Refused in the demo (OUTBOUND_DEMO_MODE)"}}
GOOGLE_ERRORS: dict[int | str, dict[str, object]] = {
    409: {"description": "Google Calendar is not enabled or not connected"},
    502: {"description": "Google failed, or no longer accepts the connection"},
    503: {"description": "Google is rate limiting"}, 504: {"description": "Google did not answer in time"}}


def _token(request: Request) -> str:
    return bearer_token(request.headers.get("authorization"))


TokenDep = Annotated[str, Depends(_token)]


# --- availability -------------------------------------------------------------------------------

@availability.get("")
async def get_availability(runtime: RuntimeDep, host: HostReader) -> AvailabilityRead:
    """Your weekly hours, buffers, notice, horizon, limits and date overrides."""
    return await service.get_availability(runtime, host)


@availability.put("", responses=DEMO)
async def put_availability(body: AvailabilityWrite, runtime: RuntimeDep, host: HostWriter,
                           token: TokenDep) -> AvailabilityRead:
    """Replace your availability; a 422 names every problem with where it is."""
    return await service.put_availability(runtime, host, token, body)


@availability.post("/preview")
async def preview_availability(body: AvailabilityPreview, runtime: RuntimeDep, host: HostWriter) -> SlotsRead:
    """The free slots of the next days under these (or your saved) rules; nothing is saved."""
    return await service.preview(runtime, host, body)


# --- pages --------------------------------------------------------------------------------------

@pages.get("")
async def list_pages(runtime: RuntimeDep, _: HostReader,
                     host_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
                     include_inactive: bool = False) -> list[PageRead]:
    """Booking pages (a host's, with host_id) with their links."""
    return await service.list_pages(runtime, host_id=host_id, include_inactive=include_inactive)


@pages.post("", status_code=status.HTTP_201_CREATED)
async def create_page(body: PageCreate, runtime: RuntimeDep, host: HostWriter, token: TokenDep) -> PageCreated:
    """Create a booking page of yours; the answer carries its generic link."""
    return await service.create_page(runtime, host, token, body)


@pages.get("/{page_id}", responses={404: {}})
async def get_page(page_id: Id, runtime: RuntimeDep, _: HostReader) -> PageRead:
    """One booking page with its link."""
    return await service.get_page(runtime, page_id)


@pages.patch("/{page_id}", responses={404: {}})
async def update_page(page_id: Id, body: PageUpdate, runtime: RuntimeDep, host: HostWriter) -> PageRead:
    """Change a page's title, length, text, branding, questions or location (its host or an admin)."""
    return await service.update_page(runtime, host, page_id, body)


@pages.delete("/{page_id}", status_code=status.HTTP_204_NO_CONTENT, responses={404: {}})
async def close_page(page_id: Id, runtime: RuntimeDep, host: HostWriter) -> None:
    """Close a page: its links stop working, its bookings stay."""
    await service.close_page(runtime, host, page_id)


@pages.post("/{page_id}/rotate-link", responses={404: {}})
async def rotate_page_link(page_id: Id, runtime: RuntimeDep, host: HostWriter) -> PageRead:
    """Give the page a new generic link; the old one stops working."""
    return await service.rotate_page_link(runtime, host, page_id)


@pages.get("/{page_id}/next-slots", responses={404: {}})
async def next_slots(page_id: Id, runtime: RuntimeDep, _: SlotsCaller,
                     contact_id: Annotated[int, Query(ge=1, le=2**31 - 1)],
                     count: Annotated[int, Query(ge=1, le=10)] = 3,
                     campaign_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
                     tz: Annotated[str | None, Query(max_length=64)] = None) -> NextSlotsRead:
    """The host's next free slots for a contact, each a one-click booking link (scope calendar:slots)."""
    return await service.next_slots(runtime, page_id, contact_id, count=count, campaign_id=campaign_id, tz=tz)


# --- personal links -----------------------------------------------------------------------------

@links.post("", status_code=status.HTTP_201_CREATED, responses={404: {}})
async def create_link(body: LinkCreate, runtime: RuntimeDep, _: LinkMaker) -> LinkRead:
    """A contact's personal link to a page (people, or services with scope calendar:links)."""
    link, _row = await service.personal_link(runtime, body)
    return link


# --- bookings -----------------------------------------------------------------------------------

@bookings.get("")
async def list_bookings(runtime: RuntimeDep, _: ReaderPrincipal, limit: Limit = 50, offset: Offset = 0,
                        host_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
                        page_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
                        contact_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
                        status: Literal["confirmed", "cancelled"] | None = None,
                        starts_from: Annotated[MomentFilter | None, Query(alias="from")] = None,
                        starts_before: Annotated[MomentFilter | None, Query(alias="to")] = None,
                        ) -> Page[BookingRead]:
    """Bookings by start time (a week view: from/to), with their contact, company and campaign."""
    items, total = await service.list_bookings(
        runtime, host_id=host_id, page_id=page_id, contact_id=contact_id, status=status, starts_from=starts_from,
        starts_before=starts_before, limit=limit, offset=offset)
    return Page[BookingRead](items=items, total=total, limit=limit, offset=offset)


@bookings.get("/{booking_id}", responses={404: {}})
async def get_booking(booking_id: Id, runtime: RuntimeDep, _: ReaderPrincipal) -> BookingRead:
    """One booking."""
    return await service.get_booking(runtime, booking_id)


@bookings.post("/{booking_id}/cancel", responses={404: {}, 409: {}})
async def cancel_booking(booking_id: Id, body: CancelRequest, runtime: RuntimeDep, host: HostWriter) -> BookingRead:
    """Cancel a booking of yours (or any, as an admin); the lead gets the cancellation."""
    return await service.host_cancel(runtime, host, booking_id, body.reason)


# --- Google Calendar ----------------------------------------------------------------------------

@google.get("")
async def google_status(runtime: RuntimeDep, host: HostReader) -> GoogleStatus:
    """Your Google Calendar connection: connected, revoked on Google's side, or disconnected."""
    return await connections.status(runtime, service.host_id_of(host))


@google.post("/connect", responses={**DEMO, **GOOGLE_ERRORS})
async def google_connect(runtime: RuntimeDep, host: HostWriter, token: TokenDep) -> GoogleAuthorization:
    """Start connecting Google Calendar: send the browser to the returned URL."""
    me = await service.refresh_host(runtime, host, token)
    return GoogleAuthorization(authorization_url=await connections.start(runtime, me.user_id, me.email))


@google.post("/callback", responses={**DEMO, **GOOGLE_ERRORS})
async def google_callback(body: GoogleCallback, runtime: RuntimeDep, host: HostWriter) -> GoogleStatus:
    """Finish connecting with the query Google sent the browser back with."""
    return await connections.finish(runtime, service.host_id_of(host), state=body.state, code=body.code,
                                    error=body.error)


@google.get("/calendars", responses=GOOGLE_ERRORS)
async def google_calendars(runtime: RuntimeDep, host: HostReader) -> list[GoogleCalendarRead]:
    """Your Google calendars, marked with which count as busy and where bookings go."""
    return await connections.calendars(runtime, service.host_id_of(host))


@google.put("/calendars", responses={**DEMO, **GOOGLE_ERRORS})
async def google_choose(body: GoogleCalendarChoice, runtime: RuntimeDep, host: HostWriter) -> GoogleStatus:
    """Choose the calendars whose events count as busy and the one bookings are added to."""
    return await connections.choose(runtime, service.host_id_of(host), body)


@google.post("/disconnect", responses={**DEMO, 409: {}})
async def google_disconnect(runtime: RuntimeDep, host: HostWriter) -> GoogleStatus:
    """Disconnect Google Calendar (the grant is revoked at Google)."""
    return await connections.disconnect(runtime, service.host_id_of(host))


# --- the feed -----------------------------------------------------------------------------------

@feed.get("")
async def get_feed(runtime: RuntimeDep, host: HostReader) -> FeedRead:
    """Your secret iCalendar feed URL, if switched on."""
    return await service.get_feed(runtime, host)


@feed.post("")
async def rotate_feed(runtime: RuntimeDep, host: HostWriter, token: TokenDep) -> FeedRead:
    """Switch the feed on, or give it a new secret URL (the old one stops working)."""
    return await service.rotate_feed(runtime, host, token)


@feed.delete("", status_code=status.HTTP_204_NO_CONTENT)
async def delete_feed(runtime: RuntimeDep, host: HostWriter) -> None:
    """Switch the feed off."""
    await service.delete_feed(runtime, host)
