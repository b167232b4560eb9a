"""The calendar service: Availability, booking pages, calendar providers and confirmations."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.email.client import EmailClient
from services.kit.app import create_service_app
from services.leads.client import LeadsClient

from .api import availability, bookings, feed, google, jobs, links, pages
from .deps import CalendarDeps, CalendarRuntime
from .hosts import UsersDirectory
from .jobs import HANDLERS
from .links import ManageLinks, load_or_create_key
from .models import Job
from .providers import build_provider
from .public_api import router as public
from .ratelimit import PublicLimits
from .sealing import Sealer
from .settings import CalendarSettings
from .urls import PublicUrls

MIGRATIONS = Path(__file__).parent / "migrations"
SCOPES = ["leads:read", "leads:write", "leads:timeline", "email:send", "email:sequences"]


async def _build(runtime: CalendarRuntime) -> CalendarDeps:
    settings = runtime.settings
    key = load_or_create_key(settings.data_dir, settings.calendar_secret)
    timeout = settings.http_timeout
    return CalendarDeps(
        provider=build_provider(settings),
        leads=LeadsClient(settings.leads_url, timeout=timeout, token_provider=runtime.token_provider),
        email=EmailClient(settings.email_url, timeout=timeout, token_provider=runtime.token_provider),
        users=UsersDirectory(settings.users_url, timeout=timeout),
        links=ManageLinks(key), sealer=Sealer(key), limits=PublicLimits(settings),
        urls=PublicUrls.of(settings.public_url),
    )


def create_app(settings: CalendarSettings | None = None) -> FastAPI:
    settings = settings or CalendarSettings()
    return create_service_app(
        name="calendar", settings=settings, prefixes=["calendar"],
        routers=[availability, pages, links, bookings, google, feed, public, jobs], migrations=MIGRATIONS,
        build_deps=_build, job_model=Job, job_handlers=dict(HANDLERS), scopes=SCOPES,
        description=__doc__ or "",
    )
