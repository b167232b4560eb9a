"""The e-mail and calendar services together, in-process on SQLite with users and leads and a real SMTP sink:
the calendar reaches the e-mail app (confirmations) and the e-mail app reaches the calendar (personal booking
links, next free slots), each through the other's local transport with real service tokens.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from services.email import offers, replies
from services.email.jobs import HANDLERS
from services.email.main import create_app as create_email
from services.kit.http import register_local_app
from services.kit.jobs import Worker
from tests.calendar.support import CalendarStack, calendar_stack
from tests.conftest import running
from tests.email.support import EmailStack, email_settings, service_token
from tests.fakes.smtp_server import smtp_sink

BOOK_LINK = re.compile(r"https://crm\.example/book/([A-Za-z0-9_\-]+)")


@contextlib.asynccontextmanager
async def email_and_calendar(tmp_path: Path, email_database_url: str | None = None,
                             **email_overrides: Any) -> AsyncIterator[tuple[EmailStack, CalendarStack]]:
    """Both stacks share users and leads (the calendar stack's); the calendar on SQLite, the e-mail service on
    ``email_database_url`` (its own SQLite file unless given)."""
    email_origin = f"http://email-booklinks-{id(tmp_path)}.local"
    calendar_origin = f"http://calendar-booklinks-{id(tmp_path)}.local"
    holder: dict[str, Any] = {}

    async def email_proxy(scope: Any, receive: Any, send: Any) -> None:
        # The calendar's client is made before the e-mail app exists (it needs the stack's users and leads).
        await holder["app"](scope, receive, send)

    register_local_app(email_origin, email_proxy)
    async with calendar_stack(f"sqlite+aiosqlite:///{tmp_path / 'calendar.db'}", tmp_path,
                              email_url=email_origin) as cal, smtp_sink() as sink:
        register_local_app(calendar_origin, cal.app)
        settings = cal.runtime.settings
        (tmp_path / "email").mkdir(exist_ok=True)
        app = create_email(email_settings(email_database_url or f"sqlite+aiosqlite:///{tmp_path / 'email.db'}",
                                          tmp_path / "email",
                                          settings.users_url, settings.leads_url,
                                          **{"calendar_url": calendar_origin, **email_overrides}))
        holder["app"] = app
        async with running(app) as email:
            stack = EmailStack(email, cal.leads, cal.users, cal.admin, cal.sales, cal.demo,
                               await service_token(cal.users, "calendar", "email:send email:sequences"), app, sink)
            # Every job of the e-mail service, replies and drafted answers included.
            stack.worker = Worker(stack.runtime.jobs, {**HANDLERS, **replies.HANDLERS, **offers.HANDLERS},
                                  runtime=stack.runtime, name="test-worker")
            try:
                yield stack, cal
            finally:
                await stack.engine.stop()
