"""What every calendar provider offers, the values it speaks in, and the errors it raises.

Errors (all :class:`~services.kit.errors.AppError`, so a route renders them as problem+json)::

    CalendarProviderError (502)        the provider failed; nothing is left half-done on its side
    ├── GrantRevoked (502)             Google refused our grant (revoked, expired): the host must reconnect
    ├── ProviderRateLimited (503)      still rate limited after the retries; carries retry_after
    ├── ProviderUnavailable (502)      5xx or the connection failed, after the retries
    ├── ProviderRejected (502)         a 4xx other than the above (no access to a calendar, not found)
    ├── CalendarUnreadable (502)       free/busy could not be read for some of the chosen calendars
    └── ProviderTimeout (504)          no answer within OUTBOUND_GOOGLE_TIMEOUT
    AuthorizationFailed (422)          the OAuth callback was refused (state, denial, scopes, code)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar, Protocol

from services.kit.errors import Invalid, Upstream, UpstreamTimeout

from ..availability import Interval
from ..ics import Person


class CalendarProviderError(Upstream):
    code = "calendar-provider"


class GrantRevoked(CalendarProviderError):
    code = "calendar-grant-revoked"

    def __init__(self, detail: str = "Google no longer accepts this calendar connection; reconnect Google Calendar.",
                 **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)


class ProviderRateLimited(CalendarProviderError):
    status = 503
    code = "calendar-rate-limited"

    def __init__(self, detail: str = "Google Calendar is rate limiting us; try again shortly.", *,
                 retry_after: int = 30, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.retry_after = max(1, retry_after)
        self.headers["Retry-After"] = str(self.retry_after)


class ProviderUnavailable(CalendarProviderError):
    code = "calendar-unavailable"


class ProviderRejected(CalendarProviderError):
    code = "calendar-rejected"


class CalendarUnreadable(CalendarProviderError):
    code = "calendar-unreadable"

    def __init__(self, calendar_ids: Sequence[str]) -> None:
        super().__init__(f"Google Calendar could not read: {', '.join(calendar_ids)[:300]}")
        self.calendar_ids = tuple(calendar_ids)


class ProviderTimeout(CalendarProviderError, UpstreamTimeout):
    status = 504
    code = "calendar-timeout"


class AuthorizationFailed(Invalid):
    """The OAuth callback cannot complete; ``reason``: state, denied, scopes, offline, code."""

    code = "calendar-authorization"

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


class ConnectionState(StrEnum):
    """What the host's settings page shows about their Google connection."""

    CONNECTED = "connected"
    REVOKED = "revoked"  # GrantRevoked was raised: Google refuses our tokens; the host must reconnect
    DISCONNECTED = "disconnected"  # never connected, or disconnected by the host (grant revoked by us)


@dataclass(frozen=True, slots=True)
class GoogleGrant:
    """A host's Google tokens. Keep it only sealed (:meth:`sealed`), never in logs or plain columns."""

    access_token: str
    refresh_token: str
    expires_at: dt.datetime | None
    scopes: tuple[str, ...]

    def __repr__(self) -> str:
        return f"GoogleGrant(scopes={self.scopes!r}, expires_at={self.expires_at!r}, tokens=<hidden>)"

    def to_json(self) -> dict[str, Any]:
        return {"access_token": self.access_token, "refresh_token": self.refresh_token,
                "expires_at": self.expires_at.isoformat() if self.expires_at else None, "scopes": list(self.scopes)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GoogleGrant:
        expires = data.get("expires_at")
        return cls(str(data["access_token"]), str(data["refresh_token"]),
                   dt.datetime.fromisoformat(expires) if expires else None, tuple(data.get("scopes") or ()))


@dataclass
class GoogleConnection:
    """A host's link to Google: the grant, the calendars whose busy time counts, where events go.

    The adapter refreshes the access token when it must and then replaces ``grant`` and sets
    ``grant_changed``: the caller seals and stores ``grant`` again after such a call.
    """

    grant: GoogleGrant
    busy_calendar_ids: tuple[str, ...] = ("primary",)
    event_calendar_id: str = "primary"
    grant_changed: bool = False


@dataclass(frozen=True, slots=True)
class CalendarInfo:
    """One entry of the host's calendar list, for the picker."""

    id: str
    name: str
    primary: bool
    access_role: str  # freeBusyReader, reader, writer, owner
    time_zone: str | None

    @property
    def writable(self) -> bool:
        return self.access_role in ("writer", "owner")


@dataclass(frozen=True)
class MeetingEvent:
    """The provider-side event of a booking; ``booking_id`` keys it so retries converge."""

    booking_id: str
    start: dt.datetime
    end: dt.datetime
    timezone: str
    summary: str
    attendees: Sequence[Person]
    description: str = ""
    location: str | None = None
    with_meet: bool = False
    private: dict[str, str] = field(default_factory=dict)  # e.g. {"outbound_booking": id}


@dataclass(frozen=True, slots=True)
class EventRef:
    """Where the provider keeps a booking's event (stored with the booking)."""

    calendar_id: str
    event_id: str
    meet_url: str | None = None
    html_link: str | None = None


class CalendarProvider(Protocol):
    """Busy times and events. With ``connection`` None (a host without a connection) every provider
    acts as ``local``: our own bookings are the busy times and no event is written anywhere."""

    name: ClassVar[str]

    async def busy(
        self, connection: GoogleConnection | None, window: Interval, own: Sequence[Interval],
        *, exclude: Sequence[Interval] = (),
    ) -> list[Interval]:
        """Busy times in ``window``: ``own`` (our bookings as held intervals) plus the provider's.

        ``exclude``: provider blocks that are exactly these intervals are left out (the event of the
        booking being rescheduled), so a meeting can move by less than its own length.
        """
        ...

    async def create_event(self, connection: GoogleConnection | None, event: MeetingEvent) -> EventRef | None: ...

    async def update_event(
        self, connection: GoogleConnection | None, ref: EventRef, event: MeetingEvent
    ) -> EventRef | None: ...

    async def delete_event(self, connection: GoogleConnection | None, ref: EventRef) -> None: ...
