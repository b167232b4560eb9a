"""Settings of the calendar service."""

from __future__ import annotations

from services.kit.settings import ServiceSettings


class CalendarSettings(ServiceSettings):
    service_name: str = "calendar"
