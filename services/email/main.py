"""The email service: Mailboxes, templates, campaigns and sequences, sending, tracking, replies, suppression."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI

from services.ai.client import AIClient
from services.calendar.client import CalendarClient
from services.kit.app import create_service_app
from services.kit.db import utcnow
from services.leads.client import LeadsClient
from services.users.client import UsersClient

from . import ai_lines, offers, replies
from .api import ROUTERS
from .api_inbound import ROUTERS as INBOUND_ROUTERS
from .catcher import CaughtMailStore, SmtpCatcher, resolve_catcher_port
from .deps import EmailDeps, EmailRuntime
from .dkim import load_dkim_key
from .engine import SendingEngine
from .feed import LocalService
from .jobs import HANDLERS
from .models import Job
from .sealing import SecretBox
from .service import ensure_catcher_mailbox
from .settings import EmailSettings
from .templates import TemplateEngine

log = logging.getLogger("outbound.email")
MIGRATIONS = Path(__file__).parent / "migrations"
SCOPES = ["leads:read", "leads:write", "leads:timeline", "users:read", "ai:read", "ai:write", "calendar:links",
          "calendar:slots"]


def _builder(catcher: bool, local: tuple[LocalService, ...]):  # type: ignore[no-untyped-def]
    async def build(runtime: EmailRuntime) -> EmailDeps:
        settings = runtime.settings
        timeout = settings.http_timeout
        dkim = None
        if settings.email_dkim_domain and settings.email_dkim_selector and settings.email_dkim_private_key:
            dkim = load_dkim_key(settings.email_dkim_selector, settings.email_dkim_domain,
                                 settings.email_dkim_private_key)
        store = CaughtMailStore(settings.catcher_dir, max_messages=settings.smtp_catcher_max_messages)
        deps = EmailDeps(
            leads=LeadsClient(settings.leads_url, timeout=timeout, token_provider=runtime.token_provider),
            users=UsersClient(settings.users_url, timeout=timeout, token_provider=runtime.token_provider),
            ai=AIClient(settings.ai_url, timeout=timeout, token_provider=runtime.token_provider),
            calendar=CalendarClient(settings.calendar_url, timeout=timeout, token_provider=runtime.token_provider),
            box=SecretBox.from_settings(settings.email_secret_key, settings.secret_key_file),
            templates=TemplateEngine(max_output_chars=settings.template_max_output_chars,
                                     max_iterations=settings.template_max_iterations),
            caught=store, dkim=dkim,
        )
        runtime._deps = deps  # the catcher mailbox below and the engine read it
        if catcher:
            port = resolve_catcher_port(settings.smtp_catcher_port, settings.smtp_catcher_host)
            if port is not None:
                server = SmtpCatcher(store, port=port, host=settings.smtp_catcher_host)
                await server.start()
                deps.catcher = server
                await ensure_catcher_mailbox(runtime, port)
                log.info("local SMTP catcher on %s:%d", settings.smtp_catcher_host, port)
        if settings.workers > 0:
            deps.engine = SendingEngine(runtime, feed_process=settings.email_feed_process, local=local)
            deps.engine.start()
            # The reply poller reschedules itself; this starts its chain (a slot key keeps it one chain).
            await replies.schedule_next_poll(runtime, now=utcnow())
        return deps

    return build


def create_app(settings: EmailSettings | None = None, *, catcher: bool = False,
               local: tuple[LocalService, ...] = ()) -> FastAPI:
    """``catcher``: also run the local SMTP catcher (``outbound up``) and point the "Local catcher" mailbox at it;
    ``local``: the services this process runs in process, as ``(origin, create_app, settings)``, which the sending
    engine's feed process then runs too (services.email.feed)."""
    settings = settings or EmailSettings()
    return create_service_app(
        name="email", settings=settings, prefixes=["email"], routers=[*ROUTERS, *INBOUND_ROUTERS],
        migrations=MIGRATIONS, build_deps=_builder(catcher, local), job_model=Job,
        job_handlers={**HANDLERS, **replies.HANDLERS, **ai_lines.HANDLERS, **offers.HANDLERS}, scopes=SCOPES,
        description=__doc__ or "",
    )
