"""What a booking change sets in motion, recorded as durable jobs in the transaction that makes the change.

Every job is keyed by what it means (``booking:<id>:v<sequence>:<kind>:<what>``), so enqueueing twice is
enqueueing once, and each carries what it must tell to whom; the handlers are in jobs.py. The kit retries a
failed job with exponential backoff and jitter (capped at ten minutes) up to :data:`FOLLOW_UP_ATTEMPTS`
times: about a day of retries, long enough for another service to come back.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.db import utcnow

from .deps import CalendarRuntime
from .models import Booking
from .notify import Kind

NOTIFY = "calendar.notify"
TIMELINE = "calendar.timeline"
CONTACT_STATUS = "calendar.contact_status"
STOP_SEQUENCES = "calendar.stop_sequences"
EVENT_SYNC = "calendar.event_sync"
FINISH_BOOKING = "calendar.finish_booking"
FOLLOW_UP_ATTEMPTS = 200
# A booking whose provider event is still pending this long after it was placed lost its request.
WATCHDOG_DELAY = timedelta(minutes=5)


async def enqueue_follow_ups(s: AsyncSession, runtime: CalendarRuntime, booking: Booking, kind: Kind) -> None:
    """Confirmations to both, the timeline entry, and for a new booking the contact's status and sequences."""
    base = f"booking:{booking.id}:v{booking.sequence}:{kind}"
    queue = runtime.jobs
    for audience in ("lead", "host"):
        await queue.enqueue(s, NOTIFY, {"booking_id": booking.id, "sequence": booking.sequence, "kind": kind,
                                        "audience": audience}, key=f"{base}:mail:{audience}",
                            max_attempts=FOLLOW_UP_ATTEMPTS)
    await queue.enqueue(s, TIMELINE, {"booking_id": booking.id, "sequence": booking.sequence, "kind": kind},
                        key=f"{base}:timeline", max_attempts=FOLLOW_UP_ATTEMPTS)
    if kind == "confirmed" and booking.contact_id is not None:
        await enqueue_contact_updates(s, runtime, booking.id, booking.contact_id)
    if kind == "cancelled" and booking.event_id is not None:
        await enqueue_event_sync(s, runtime, booking, "delete")


async def enqueue_contact_updates(s: AsyncSession, runtime: CalendarRuntime, booking_id: int,
                                  contact_id: int) -> None:
    """The contact's status becomes "meeting" and their sequences stop."""
    payload = {"booking_id": booking_id, "contact_id": contact_id}
    await runtime.jobs.enqueue(s, CONTACT_STATUS, payload, key=f"booking:{booking_id}:contact-status",
                               max_attempts=FOLLOW_UP_ATTEMPTS)
    await runtime.jobs.enqueue(s, STOP_SEQUENCES, payload, key=f"booking:{booking_id}:stop-sequences",
                               max_attempts=FOLLOW_UP_ATTEMPTS)


async def enqueue_event_sync(s: AsyncSession, runtime: CalendarRuntime, booking: Booking,
                             action: Literal["update", "delete"]) -> None:
    """Make the provider's event follow the booking (moved, or removed when cancelled)."""
    await runtime.jobs.enqueue(s, EVENT_SYNC, {"booking_id": booking.id, "action": action},
                               key=f"booking:{booking.id}:v{booking.sequence}:event-{action}",
                               max_attempts=FOLLOW_UP_ATTEMPTS)


def watchdog_key(booking_id: int) -> str:
    return f"booking:{booking_id}:finish"


async def enqueue_watchdog(s: AsyncSession, runtime: CalendarRuntime, booking: Booking) -> None:
    """Finish (or discard) the booking later should the request writing its event never come back."""
    # The queue runs on the wall clock, whatever clock the booking rules were given.
    await runtime.jobs.enqueue(s, FINISH_BOOKING, {"booking_id": booking.id}, key=watchdog_key(booking.id),
                               run_at=utcnow() + WATCHDOG_DELAY, max_attempts=FOLLOW_UP_ATTEMPTS)
