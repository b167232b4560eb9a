"""The calendar service's typed runtime: its settings, the calendar provider, the clients of the services
it tells about bookings, the link signer, the sealer, the public page's limits and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request

from services.email.client import EmailClient
from services.kit.app import ServiceRuntime
from services.kit.db import utcnow
from services.leads.client import LeadsClient

from .hosts import UsersDirectory
from .links import ManageLinks
from .providers import GoogleCalendarProvider, LocalCalendarProvider
from .ratelimit import PublicLimits
from .sealing import Sealer
from .settings import CalendarSettings
from .urls import PublicUrls


@dataclass
class CalendarDeps:
    provider: LocalCalendarProvider | GoogleCalendarProvider
    leads: LeadsClient
    email: EmailClient
    users: UsersDirectory
    links: ManageLinks
    sealer: Sealer
    limits: PublicLimits
    urls: PublicUrls
    # What "now" is for availability, links and limits: the wall clock; benches and tests may fix it.
    clock: Callable[[], datetime] = field(default=utcnow)

    async def aclose(self) -> None:
        await self.leads.aclose()
        await self.email.aclose()
        await self.users.aclose()


CalendarRuntime = ServiceRuntime[CalendarSettings, CalendarDeps]


def get_runtime(request: Request) -> CalendarRuntime:
    runtime: CalendarRuntime = request.app.state.runtime
    return runtime


def get_settings(request: Request) -> CalendarSettings:
    return get_runtime(request).settings


RuntimeDep = Annotated[CalendarRuntime, Depends(get_runtime)]
SettingsDep = Annotated[CalendarSettings, Depends(get_settings)]
