"""Settings of the calendar service."""

from __future__ import annotations

from typing import ClassVar

from services.kit.settings import ServiceSettings


class CalendarSettings(ServiceSettings):
    service_name: ClassVar[str] = "calendar"
