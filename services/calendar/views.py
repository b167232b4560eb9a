"""What a visitor sees of a booking: its times in their zone, fresh manage links, "add to calendar"."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from . import notify
from .booking import MANAGE_GRACE
from .deps import CalendarRuntime
from .ics import google_calendar_link
from .models import CANCELLED, CONFIRMED, Booking, BookingPage, Host
from .schemas import BookingCreated, Branding, ManagedBooking


def visitor_view(runtime: CalendarRuntime, booking: Booking, page: BookingPage, host: Host) -> BookingCreated:
    """The booking with fresh manage links, in the visitor's zone."""
    links, urls = runtime.deps.links, runtime.deps.urls
    until = booking.end_at + MANAGE_GRACE
    reschedule = links.sign("reschedule", str(booking.id), booking.manage_version, until)
    cancel_link = links.sign("cancel", str(booking.id), booking.manage_version, until)
    zone = ZoneInfo(booking.visitor_timezone)
    meeting = notify.meeting(booking, page, host, domain=urls.domain, zone=booking.visitor_timezone,
                             audience="lead", url=urls.manage(reschedule, cancel_link),
                             cancelled=booking.status == CANCELLED)
    return BookingCreated(
        id=booking.id, status=booking.status, start=booking.start_at.astimezone(zone),
        end=booking.end_at.astimezone(zone), timezone=booking.visitor_timezone, title=page.title,
        host_name=host.name, location=page.location, meet_url=booking.meet_url,
        manage_url=urls.manage(reschedule, cancel_link), reschedule_url=urls.reschedule(reschedule),
        cancel_url=urls.cancel(cancel_link), ics_url=urls.invite(reschedule),
        google_calendar_url=google_calendar_link(meeting),
    )


def managed_view(runtime: CalendarRuntime, booking: Booking, page: BookingPage, host: Host,
                 now: dt.datetime) -> ManagedBooking:
    base = visitor_view(runtime, booking, page, host)
    open_ = booking.status == CONFIRMED and booking.start_at > now
    return ManagedBooking(
        **base.model_dump(), name=booking.visitor_name, email=booking.visitor_email,
        duration_minutes=page.duration_minutes,
        branding=Branding(name=page.brand_name, logo_url=page.logo_url, colour=page.colour),
        can_reschedule=open_ and page.active, can_cancel=open_, cancelled_at=booking.cancelled_at,
    )
