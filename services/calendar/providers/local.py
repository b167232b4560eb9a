"""The offline provider: busy times are our own bookings, and events live only in our database."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from ..availability import Interval
from .base import EventRef, GoogleConnection, MeetingEvent


class LocalCalendarProvider:
    name: ClassVar[str] = "local"

    async def busy(
        self, connection: GoogleConnection | None, window: Interval, own: Sequence[Interval],
        *, exclude: Sequence[Interval] = (),
    ) -> list[Interval]:
        """Our own bookings that reach into ``window``."""
        return [b for b in own if b.start < window.end and window.start < b.end]

    async def create_event(self, connection: GoogleConnection | None, event: MeetingEvent) -> EventRef | None:
        return None

    async def update_event(
        self, connection: GoogleConnection | None, ref: EventRef, event: MeetingEvent
    ) -> EventRef | None:
        return None

    async def delete_event(self, connection: GoogleConnection | None, ref: EventRef) -> None:
        return None
