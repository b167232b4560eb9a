"""Settings of the ai service."""

from __future__ import annotations

from typing import ClassVar

from services.kit.settings import ServiceSettings


class AISettings(ServiceSettings):
    service_name: ClassVar[str] = "ai"
