"""The ai service's typed runtime: its settings, the model engine, the leads and users clients."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from services.kit.app import ServiceRuntime
from services.leads.client import LeadsClient
from services.users.client import UsersClient

from .engine import AIEngine
from .settings import AISettings


@dataclass
class AIDeps:
    engine: AIEngine
    leads: LeadsClient
    users: UsersClient  # sender profiles (scope users:read)

    async def aclose(self) -> None:
        await self.engine.aclose()
        await self.leads.aclose()
        await self.users.aclose()


AIRuntime = ServiceRuntime[AISettings, AIDeps]


def get_runtime(request: Request) -> AIRuntime:
    runtime: AIRuntime = request.app.state.runtime
    return runtime


def get_settings(request: Request) -> AISettings:
    return get_runtime(request).settings


RuntimeDep = Annotated[AIRuntime, Depends(get_runtime)]
SettingsDep = Annotated[AISettings, Depends(get_settings)]
