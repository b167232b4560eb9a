"""The ai service: LLM enrichment and writing, prompt library, usage and cost."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.kit.app import create_service_app

from .api import jobs
from .models import Job
from .settings import AISettings

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: AISettings | None = None) -> FastAPI:
    settings = settings or AISettings()
    return create_service_app(
        name="ai", settings=settings, prefixes=["ai"], routers=[jobs], migrations=MIGRATIONS,
        job_model=Job, job_handlers={},
        description=__doc__ or "",
    )
