"""The users service's typed runtime: its settings and its signing keys."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from services.kit.app import ServiceRuntime

from .keys import KeyRing
from .settings import UsersSettings


@dataclass
class UsersDeps:
    ring: KeyRing

    async def aclose(self) -> None:
        return None


UsersRuntime = ServiceRuntime[UsersSettings, UsersDeps]


def get_runtime(request: Request) -> UsersRuntime:
    runtime: UsersRuntime = request.app.state.runtime
    return runtime


def get_settings(request: Request) -> UsersSettings:
    return get_runtime(request).settings


def get_ring(request: Request) -> KeyRing:
    return get_runtime(request).deps.ring


RuntimeDep = Annotated[UsersRuntime, Depends(get_runtime)]
SettingsDep = Annotated[UsersSettings, Depends(get_settings)]
RingDep = Annotated[KeyRing, Depends(get_ring)]
