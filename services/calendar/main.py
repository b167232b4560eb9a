"""The calendar service: Availability, booking pages, calendar providers and confirmations."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.kit.app import create_service_app, no_dependencies

from .api import jobs
from .models import Job
from .settings import CalendarSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: CalendarSettings | None = None) -> FastAPI:
    settings = settings or CalendarSettings()
    return create_service_app(
        name="calendar", settings=settings, prefixes=["calendar"], routers=[jobs], migrations=MIGRATIONS,
        build_deps=no_dependencies, job_model=Job, job_handlers={},
        description=__doc__ or "",
    )
