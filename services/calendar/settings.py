"""Settings of the calendar service: the calendar provider, Google's OAuth client and endpoints, link keys.

Google's endpoints are settings so tests (and a proxy in front of Google) can point the real client
libraries elsewhere; the defaults are Google's own.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from services.kit.settings import ServiceSettings

GOOGLE_AUTH_URI = "https://accounts.google.com/o/oauth2/auth"
GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token"  # noqa: S105 (a URL, not a secret)
GOOGLE_REVOKE_URI = "https://oauth2.googleapis.com/revoke"
GOOGLE_CALENDAR_ENDPOINT = "https://www.googleapis.com/calendar/v3/"


class CalendarSettings(ServiceSettings):
    service_name: ClassVar[str] = "calendar"

    # "local": busy times are our own bookings (offline); "google": plus the host's Google Calendar.
    calendar_provider: Literal["local", "google"] = "local"
    google_client_id: str | None = None
    google_client_secret: str | None = Field(default=None, repr=False)
    google_auth_uri: str = GOOGLE_AUTH_URI
    google_token_uri: str = GOOGLE_TOKEN_URI
    google_revoke_uri: str = GOOGLE_REVOKE_URI
    google_calendar_endpoint: str = GOOGLE_CALENDAR_ENDPOINT
    # Seconds one Google request may take; a slower answer fails the call (nothing is left behind).
    google_timeout: float = Field(default=10.0, gt=0, le=120)
    # Retries after a rate limit (403 rateLimitExceeded / 429) or a 5xx answer, with doubling backoff.
    google_max_retries: int = Field(default=3, ge=0, le=10)
    google_retry_base_delay: float = Field(default=0.5, ge=0, le=30)
    # Key of the signed manage links (reschedule/cancel) and of token sealing; None: generated once into
    # <data_dir>/calendar-secret.key. Set it when more than one calendar process serves the links.
    calendar_secret: str | None = Field(default=None, repr=False)
    # Where people reach the product (the SPA's origin): booking, manage and feed links start here.
    public_url: str = "http://127.0.0.1:8000"
    # Lifetime of a lead's personal booking link.
    calendar_link_ttl_days: int = Field(default=60, ge=1, le=3650)
    # Widest window one public slots or days request may ask for.
    calendar_slots_max_days: int = Field(default=62, ge=1, le=366)
    # Abuse limits of the public booking page (0 turns one off): reads a minute and bookings, reschedules
    # and cancels an hour per client address, bookings an hour per e-mail address, and unknown links an
    # hour per client address (beyond it every public request from that address waits).
    calendar_reads_per_minute_ip: int = Field(default=120, ge=0)
    calendar_writes_per_hour_ip: int = Field(default=20, ge=0)
    calendar_bookings_per_hour_email: int = Field(default=5, ge=0)
    calendar_bad_links_per_hour_ip: int = Field(default=30, ge=0)
    # The gateway (and proxies) whose X-Forwarded-For names the visitor's address for the limits above.
    trusted_proxies: list[str] = ["127.0.0.1", "::1"]

    @model_validator(mode="after")
    def _google_needs_a_client(self) -> CalendarSettings:
        if self.calendar_provider == "google" and not (self.google_client_id and self.google_client_secret):
            raise ValueError(
                "OUTBOUND_CALENDAR_PROVIDER=google needs OUTBOUND_GOOGLE_CLIENT_ID and OUTBOUND_GOOGLE_CLIENT_SECRET"
            )
        if self.calendar_secret is not None and len(self.calendar_secret.encode()) < 32:
            raise ValueError("OUTBOUND_CALENDAR_SECRET must be at least 32 bytes long")
        return self
