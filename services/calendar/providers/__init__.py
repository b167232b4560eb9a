"""Calendar providers, chosen by ``OUTBOUND_CALENDAR_PROVIDER``: ``local`` (offline, the default) or
``google``. Both satisfy :class:`~services.calendar.providers.base.CalendarProvider`."""

from __future__ import annotations

from ..settings import CalendarSettings
from .base import (
    AuthorizationFailed,
    CalendarInfo,
    CalendarProvider,
    CalendarProviderError,
    CalendarUnreadable,
    ConnectionState,
    EventRef,
    GoogleConnection,
    GoogleGrant,
    GrantRevoked,
    MeetingEvent,
    ProviderRateLimited,
    ProviderRejected,
    ProviderTimeout,
    ProviderUnavailable,
)
from .google import GoogleCalendarProvider
from .local import LocalCalendarProvider

__all__ = [
    "AuthorizationFailed", "CalendarInfo", "CalendarProvider", "CalendarProviderError", "CalendarUnreadable",
    "ConnectionState",
    "EventRef", "GoogleCalendarProvider", "GoogleConnection", "GoogleGrant", "GrantRevoked",
    "LocalCalendarProvider", "MeetingEvent", "ProviderRateLimited", "ProviderRejected", "ProviderTimeout",
    "ProviderUnavailable", "build_provider",
]


def build_provider(settings: CalendarSettings) -> LocalCalendarProvider | GoogleCalendarProvider:
    """The configured provider (its concrete type, so the Google-only calls stay typed)."""
    if settings.calendar_provider == "google":
        return GoogleCalendarProvider(settings)
    return LocalCalendarProvider()


# Checked by mypy: both adapters satisfy the provider protocol.
PROVIDERS: tuple[type[CalendarProvider], ...] = (LocalCalendarProvider, GoogleCalendarProvider)
