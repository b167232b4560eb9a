"""The ai service: LLM enrichment and writing, prompt library, usage and cost."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.kit.app import create_service_app
from services.kit.db import session_scope
from services.leads.client import LeadsClient
from services.users.client import UsersClient

from . import service
from .api import enrich, jobs, prompts, usage, write
from .deps import AIDeps, AIRuntime
from .engine import AIEngine
from .jobs import HANDLERS
from .models import Job
from .settings import AISettings

MIGRATIONS = Path(__file__).parent / "migrations"
SCOPES = ["leads:read", "leads:write", "leads:timeline", "leads:crawl", "users:read"]


async def _build(runtime: AIRuntime) -> AIDeps:
    settings = runtime.settings
    async with session_scope(runtime.sessions) as session:
        await service.seed_prompts(session)
    leads = LeadsClient(settings.leads_url, timeout=settings.http_timeout, token_provider=runtime.token_provider)
    users = UsersClient(settings.users_url, timeout=settings.http_timeout, token_provider=runtime.token_provider)
    return AIDeps(engine=AIEngine.from_settings(settings, runtime.sessions), leads=leads, users=users)


def create_app(settings: AISettings | None = None) -> FastAPI:
    settings = settings or AISettings()
    return create_service_app(
        name="ai", settings=settings, prefixes=["ai"], routers=[enrich, write, prompts, usage, jobs],
        migrations=MIGRATIONS, build_deps=_build, job_model=Job, job_handlers=dict(HANDLERS), scopes=SCOPES,
        description=__doc__ or "",
    )
