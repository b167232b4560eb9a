"""The email service: Mailboxes, templates, campaigns and sequences, sending, tracking, replies, suppression."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.ai.client import AIClient
from services.kit.app import create_service_app
from services.kit.db import utcnow
from services.leads.client import LeadsClient
from services.users.client import UsersClient

from . import ai_lines, replies
from .api import jobs
from .api_inbound import ROUTERS as INBOUND_ROUTERS
from .catcher import CaughtMailStore
from .deps import EmailDeps, EmailRuntime
from .dkim import load_dkim_key
from .models import Job
from .sealing import SecretBox
from .settings import EmailSettings
from .templates import TemplateEngine

MIGRATIONS = Path(__file__).parent / "migrations"
SCOPES = ["leads:read", "leads:write", "leads:timeline", "users:read", "ai:read", "ai:write"]


async def _build(runtime: EmailRuntime) -> EmailDeps:
    settings = runtime.settings
    timeout = settings.http_timeout
    dkim = None
    if settings.email_dkim_domain and settings.email_dkim_selector and settings.email_dkim_private_key:
        dkim = load_dkim_key(settings.email_dkim_selector, settings.email_dkim_domain,
                             settings.email_dkim_private_key)
    return EmailDeps(
        leads=LeadsClient(settings.leads_url, timeout=timeout, token_provider=runtime.token_provider),
        users=UsersClient(settings.users_url, timeout=timeout, token_provider=runtime.token_provider),
        ai=AIClient(settings.ai_url, timeout=timeout, token_provider=runtime.token_provider),
        box=SecretBox.from_settings(settings.email_secret_key, settings.secret_key_file),
        templates=TemplateEngine(max_output_chars=settings.template_max_output_chars,
                                 max_iterations=settings.template_max_iterations),
        caught=CaughtMailStore(settings.catcher_dir, max_messages=settings.smtp_catcher_max_messages),
        dkim=dkim,
    )


async def _build_and_schedule(runtime: EmailRuntime) -> EmailDeps:
    deps = await _build(runtime)
    if runtime.settings.workers > 0 and runtime.queue is not None:
        # The reply poller reschedules itself; this starts its chain (a slot key keeps it one chain).
        await replies.schedule_next_poll(runtime, now=utcnow())
    return deps


def create_app(settings: EmailSettings | None = None) -> FastAPI:
    settings = settings or EmailSettings()
    return create_service_app(
        name="email", settings=settings, prefixes=["email"], routers=[jobs, *INBOUND_ROUTERS],
        migrations=MIGRATIONS, build_deps=_build_and_schedule, job_model=Job,
        job_handlers={**replies.HANDLERS, **ai_lines.HANDLERS}, scopes=SCOPES,
        description=__doc__ or "",
    )
