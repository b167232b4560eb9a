"""The leads service's typed runtime: its settings and the resolver its crawler looks names up with."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from services.kit.app import ServiceRuntime

from .crawler import net
from .crawler.site import Crawler
from .settings import LeadsSettings


@dataclass
class LeadsDeps:
    # Name resolution for every crawl: the system's; benches and tests map their site names to loopback.
    resolver: net.Resolver = field(default=net.system_resolver)

    def crawler(self, settings: LeadsSettings) -> Crawler:
        """A crawler (open it with ``async with``) behind the SSRF guard, resolving through ``resolver``."""
        return Crawler(settings, resolver=self.resolver)

    async def aclose(self) -> None:
        return None


LeadsRuntime = ServiceRuntime[LeadsSettings, LeadsDeps]


def get_runtime(request: Request) -> LeadsRuntime:
    runtime: LeadsRuntime = request.app.state.runtime
    return runtime


def get_settings(request: Request) -> LeadsSettings:
    return get_runtime(request).settings


RuntimeDep = Annotated[LeadsRuntime, Depends(get_runtime)]
SettingsDep = Annotated[LeadsSettings, Depends(get_settings)]
