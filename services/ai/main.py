"""The ai service: LLM enrichment and writing, prompt library, usage and cost."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.kit.app import ServiceRuntime, create_service_app
from services.kit.db import session_scope
from services.leads.client import LeadsClient

from . import service
from .api import enrich, jobs, prompts, usage, write
from .engine import AIEngine
from .jobs import HANDLERS
from .models import Job
from .settings import AISettings

MIGRATIONS = Path(__file__).parent / "migrations"
SCOPES = ["leads:read", "leads:write", "leads:timeline"]


async def _start(runtime: ServiceRuntime) -> None:
    settings = runtime.settings
    assert isinstance(settings, AISettings)
    async with session_scope(runtime.sessions) as session:
        await service.seed_prompts(session)
    runtime.extras["ai"] = AIEngine.from_settings(settings)
    runtime.extras["leads"] = LeadsClient(settings.leads_url, timeout=settings.http_timeout,
                                          token_provider=runtime.token_provider)


async def _stop(runtime: ServiceRuntime) -> None:
    if "ai" in runtime.extras:
        await runtime.extras["ai"].aclose()
    if "leads" in runtime.extras:
        await runtime.extras["leads"].aclose()


def create_app(settings: AISettings | None = None) -> FastAPI:
    settings = settings or AISettings()
    return create_service_app(
        name="ai", settings=settings, prefixes=["ai"], routers=[enrich, write, prompts, usage, jobs],
        migrations=MIGRATIONS, job_model=Job, job_handlers=dict(HANDLERS), scopes=SCOPES,
        on_startup=_start, on_shutdown=_stop, description=__doc__ or "",
    )
