"""The e-mail service's typed runtime: its settings, the clients of leads, users, ai and calendar, the sealing box,
the template engine, the caught-mail store, the optional DKIM key, and the sending engine."""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from services.ai.client import AIClient
from services.calendar.client import CalendarClient
from services.kit.app import ServiceRuntime
from services.kit.db import utcnow
from services.leads.client import LeadsClient
from services.users.client import UsersClient

from .catcher import CaughtMailStore, SmtpCatcher
from .dkim import DkimKey
from .sealing import SecretBox
from .settings import EmailSettings
from .templates import TemplateEngine

if TYPE_CHECKING:
    from .engine import SendingEngine


@dataclass
class EmailDeps:
    leads: LeadsClient
    users: UsersClient
    ai: AIClient
    # Personal booking links for {{ booking_url }} and the next free slots an interested reply is offered.
    calendar: CalendarClient
    box: SecretBox
    templates: TemplateEngine
    caught: CaughtMailStore
    dkim: DkimKey | None
    # The loop that claims ledger rows and sends them (only where workers run: `outbound worker email`).
    engine: SendingEngine | None = None
    # The local SMTP catcher of `outbound up` (None elsewhere).
    catcher: SmtpCatcher | None = None
    # What "now" is for windows, pacing and due steps; tests may fix it.
    clock: Callable[[], datetime] = field(default=utcnow)
    rng: random.Random = field(default_factory=random.Random)

    @functools.cached_property
    def message_id_key(self) -> bytes:
        return self.box.derive("message-id")

    @functools.cached_property
    def link_key(self) -> bytes:
        return self.box.derive("links")

    async def aclose(self) -> None:
        if self.engine is not None:
            await self.engine.stop()
        if self.catcher is not None:
            await self.catcher.stop()
        await self.leads.aclose()
        await self.users.aclose()
        await self.ai.aclose()
        await self.calendar.aclose()


EmailRuntime = ServiceRuntime[EmailSettings, EmailDeps]


def get_runtime(request: Request) -> EmailRuntime:
    runtime: EmailRuntime = request.app.state.runtime
    return runtime


def get_settings(request: Request) -> EmailSettings:
    return get_runtime(request).settings


RuntimeDep = Annotated[EmailRuntime, Depends(get_runtime)]
SettingsDep = Annotated[EmailSettings, Depends(get_settings)]
