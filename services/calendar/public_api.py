"""Routes of the public booking page: no sign-in (the gateway lists /api/calendar/public/ as public).

Every route runs under the abuse limits of its client address (reads a minute, changes an hour, unknown
links an hour); bookings also count per e-mail address.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response, status

from services.kit.deps import client_ip

from . import public
from .deps import RuntimeDep
from .schemas import (
    BookingCreate,
    BookingCreated,
    CancelRequest,
    Day,
    DaysRead,
    ManagedBooking,
    OfferedSlotRead,
    OneClickRequest,
    PublicPage,
    RescheduleRequest,
    SlotsRead,
)

router = APIRouter(prefix="/calendar/public", tags=["calendar-public"])

Token = Annotated[str, Path(max_length=200)]
SignedLink = Annotated[str, Path(max_length=600)]
First = Annotated[Day, Query(alias="from")]
Last = Annotated[Day, Query(alias="to")]
Zone = Annotated[str | None, Query(max_length=64)]
LINK_ERRORS: dict[int | str, dict[str, object]] = {
    403: {"description": "The link has expired"}, 404: {"description": "The link is not valid"},
    429: {"description": "Too many requests from this address or for this e-mail; see Retry-After"}}
BOOKING_ERRORS: dict[int | str, dict[str, object]] = {
    **LINK_ERRORS, 409: {"description": "The time is no longer free (or the day's or week's limit is reached)"},
    502: {"description": "The host's calendar failed; nothing was booked"},
    503: {"description": "The host's calendar cannot take bookings right now"},
    504: {"description": "The host's calendar did not answer in time; nothing was booked"}}
ICS: dict[int | str, dict[str, object]] = {
    200: {"content": {"text/calendar": {}}, "description": "An iCalendar file"}, **LINK_ERRORS}
PRIVATE = {"Cache-Control": "no-store"}


def _ip(request: Request, runtime: RuntimeDep) -> str | None:
    return client_ip(request, runtime.settings.trusted_proxies)


def _calendar(body: bytes, filename: str | None = None, *, cache: str = "no-store") -> Response:
    headers = {"Cache-Control": cache}
    if filename:
        headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return Response(body, media_type="text/calendar; charset=utf-8", headers=headers)


# Fixed paths first: "feed" and "manage" are never page tokens (tokens are 43 characters).

@router.get("/feed/{token}", response_class=Response, responses=ICS)
async def host_feed(token: Token, request: Request, runtime: RuntimeDep) -> Response:
    """A host's bookings as a calendar to subscribe to (the secret URL from their settings)."""
    async with runtime.deps.limits.guard(_ip(request, runtime), "read"):
        return _calendar(await public.feed(runtime, token), cache="private, max-age=300")


@router.get("/manage/{link}", responses=LINK_ERRORS)
async def managed_booking(link: SignedLink, request: Request, runtime: RuntimeDep,
                          response: Response) -> ManagedBooking:
    """A booking seen through its reschedule or cancel link."""
    response.headers.update(PRIVATE)
    async with runtime.deps.limits.guard(_ip(request, runtime), "read"):
        return await public.manage_view(runtime, link)


@router.get("/manage/{link}/slots", responses=LINK_ERRORS)
async def reschedule_slots(link: SignedLink, first: First, last: Last, request: Request, runtime: RuntimeDep,
                           tz: Zone = None) -> SlotsRead:
    """Free slots to move the booking to (with its reschedule link)."""
    async with runtime.deps.limits.guard(_ip(request, runtime), "read"):
        return await public.manage_slots(runtime, link, first, last, tz)


@router.get("/manage/{link}/invite.ics", response_class=Response, responses=ICS)
async def booking_invite(link: SignedLink, request: Request, runtime: RuntimeDep) -> Response:
    """The booking as an .ics file ("add to calendar")."""
    async with runtime.deps.limits.guard(_ip(request, runtime), "read"):
        return _calendar(await public.invite(runtime, link), "meeting.ics")


@router.post("/manage/{link}/reschedule", responses=BOOKING_ERRORS)
async def reschedule(link: SignedLink, body: RescheduleRequest, request: Request, runtime: RuntimeDep,
                     response: Response) -> BookingCreated:
    """Move the booking to another free slot (with its reschedule link); older links stop working."""
    response.headers.update(PRIVATE)
    async with runtime.deps.limits.guard(_ip(request, runtime), "write"):
        return await public.reschedule(runtime, link, body)


@router.post("/manage/{link}/cancel", responses=BOOKING_ERRORS)
async def cancel(link: SignedLink, body: CancelRequest, request: Request, runtime: RuntimeDep,
                 response: Response) -> ManagedBooking:
    """Cancel the booking (with its cancel link); cancelling again changes nothing."""
    response.headers.update(PRIVATE)
    async with runtime.deps.limits.guard(_ip(request, runtime), "write"):
        return await public.cancel_booking(runtime, link, body)


@router.get("/{token}", responses=LINK_ERRORS)
async def booking_page(token: Token, request: Request, runtime: RuntimeDep, response: Response) -> PublicPage:
    """What the booking page shows: the meeting, the host, branding, questions, greeting and prefill."""
    response.headers.update(PRIVATE)
    async with runtime.deps.limits.guard(_ip(request, runtime), "read"):
        return await public.page_info(runtime, token)


@router.get("/{token}/days", responses=LINK_ERRORS)
async def free_days(token: Token, first: First, last: Last, request: Request, runtime: RuntimeDep,
                    tz: Zone = None) -> DaysRead:
    """The days from…to (in tz) that have free slots: the month view."""
    async with runtime.deps.limits.guard(_ip(request, runtime), "read"):
        return await public.days(runtime, token, first, last, tz)


@router.get("/{token}/slots", responses=LINK_ERRORS)
async def free_slots(token: Token, first: First, last: Last, request: Request, runtime: RuntimeDep,
                     tz: Zone = None) -> SlotsRead:
    """Free slots starting on the days from…to, as times in tz (an IANA zone; the host's if left out)."""
    async with runtime.deps.limits.guard(_ip(request, runtime), "read"):
        return await public.slots(runtime, token, first, last, tz)


@router.post("/{token}/bookings", status_code=status.HTTP_201_CREATED, responses=BOOKING_ERRORS)
async def create_booking(token: Token, body: BookingCreate, request: Request, runtime: RuntimeDep,
                         response: Response,
                         idempotency_key: Annotated[str | None, Header(max_length=200)] = None) -> BookingCreated:
    """Book a slot; the same Idempotency-Key with the same request answers with the same booking."""
    response.headers.update(PRIVATE)
    async with runtime.deps.limits.guard(_ip(request, runtime), "write"):
        return await public.book(runtime, token, body, idempotency_key)


@router.get("/{token}/quick/{slot}", responses=LINK_ERRORS)
async def offered_slot(token: Token, slot: SignedLink, request: Request, runtime: RuntimeDep) -> OfferedSlotRead:
    """What a one-click link from an e-mail books, and whether it is still free."""
    async with runtime.deps.limits.guard(_ip(request, runtime), "read"):
        return await public.offered(runtime, token, slot)


@router.post("/{token}/quick/{slot}", status_code=status.HTTP_201_CREATED, responses=BOOKING_ERRORS)
async def book_offered_slot(token: Token, slot: SignedLink, request: Request, runtime: RuntimeDep,
                            response: Response, body: OneClickRequest | None = None) -> BookingCreated:
    """Book the offered slot for the lead the link belongs to; a second click gives the same booking."""
    response.headers.update(PRIVATE)
    async with runtime.deps.limits.guard(_ip(request, runtime), "write"):
        return await public.book_offered(runtime, token, slot, body or OneClickRequest())
