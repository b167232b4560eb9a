"""Settings of the email service."""

from __future__ import annotations

from typing import ClassVar

from services.kit.settings import ServiceSettings


class EmailSettings(ServiceSettings):
    service_name: ClassVar[str] = "email"
