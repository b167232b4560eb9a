"""The leads service: discovery, crawling and extraction; companies, contacts, notes and the timeline."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.kit.app import create_service_app

from .api import companies, contacts, finder_routes, jobs, saved_filter_routes, site_routes, timeline
from .crawler import net
from .deps import LeadsDeps, LeadsRuntime
from .jobs import HANDLERS
from .models import Job
from .settings import LeadsSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: LeadsSettings | None = None, *, resolver: net.Resolver | None = None) -> FastAPI:
    """The leads app; ``resolver`` replaces the system's name resolution for crawling (benches map names)."""
    settings = settings or LeadsSettings()

    async def build(_runtime: LeadsRuntime) -> LeadsDeps:
        return LeadsDeps(resolver=resolver or net.system_resolver)

    return create_service_app(
        name="leads", settings=settings, prefixes=["leads"],
        routers=[companies, contacts, timeline, site_routes, finder_routes, saved_filter_routes, jobs],
        migrations=MIGRATIONS,
        build_deps=build, job_model=Job, job_handlers=dict(HANDLERS), description=__doc__ or "",
    )
