"""The addresses people are sent to, all under ``OUTBOUND_PUBLIC_URL`` (the SPA's origin).

SPA routes: ``/book/<token>`` (the booking page), ``/book/<token>/quick/<slot link>`` (a one-click offer),
``/book/manage?reschedule=…&cancel=…`` (a booking's manage page), ``/calendar/google/callback`` (where
Google returns a host), ``/calendar/bookings/<id>`` (a booking in the CRM). Files and feeds are API paths.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass


@dataclass(frozen=True)
class PublicUrls:
    base: str

    @classmethod
    def of(cls, public_url: str) -> PublicUrls:
        return cls(public_url.rstrip("/"))

    @property
    def domain(self) -> str:
        """The host name meeting UIDs are made unique with."""
        return urllib.parse.urlsplit(self.base).hostname or "localhost"

    def page(self, token: str) -> str:
        return f"{self.base}/book/{token}"

    def one_click(self, token: str, slot_link: str) -> str:
        return f"{self.base}/book/{token}/quick/{slot_link}"

    def manage(self, reschedule: str, cancel: str) -> str:
        return f"{self.base}/book/manage?reschedule={reschedule}&cancel={cancel}"

    def reschedule(self, reschedule: str) -> str:
        return f"{self.base}/book/manage?reschedule={reschedule}"

    def cancel(self, cancel: str) -> str:
        return f"{self.base}/book/manage?cancel={cancel}"

    def invite(self, manage_link: str) -> str:
        return f"{self.base}/api/calendar/public/manage/{manage_link}/invite.ics"

    def feed(self, token: str) -> str:
        return f"{self.base}/api/calendar/public/feed/{token}"

    def google_callback(self) -> str:
        return f"{self.base}/calendar/google/callback"

    def booking_in_crm(self, booking_id: int) -> str:
        return f"{self.base}/calendar/bookings/{booking_id}"
