"""Settings of the email service."""

from __future__ import annotations

from services.kit.settings import ServiceSettings


class EmailSettings(ServiceSettings):
    service_name: str = "email"
