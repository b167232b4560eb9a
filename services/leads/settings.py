"""Settings of the leads service."""

from __future__ import annotations

from services.kit.settings import ServiceSettings


class LeadsSettings(ServiceSettings):
    service_name: str = "leads"
