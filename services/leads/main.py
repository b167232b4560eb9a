"""The leads service: discovery, crawling and extraction; companies, contacts, notes and the timeline."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.kit.app import create_service_app

from .api import companies, contacts, finder_routes, jobs, timeline
from .jobs import HANDLERS
from .models import Job
from .settings import LeadsSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: LeadsSettings | None = None) -> FastAPI:
    settings = settings or LeadsSettings()
    return create_service_app(
        name="leads", settings=settings, prefixes=["leads"],
        routers=[companies, contacts, timeline, finder_routes, jobs], migrations=MIGRATIONS,
        job_model=Job, job_handlers=dict(HANDLERS), scopes=["users:read"],
        description=__doc__ or "",
    )
