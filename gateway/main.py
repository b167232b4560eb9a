"""Building the gateway for either topology."""

from __future__ import annotations

from typing import Any

from .app import Gateway
from .policy import SERVICES
from .settings import GatewaySettings
from .upstream import make_upstream


def create_app(settings: GatewaySettings | None = None, local_apps: dict[str, Any] | None = None) -> Gateway:
    """``local_apps`` maps service names to in-process apps (embedded); the rest go over HTTP."""
    settings = settings or GatewaySettings()
    upstreams = {}
    for name in SERVICES:
        target = (local_apps or {}).get(name) or getattr(settings, f"{name}_url")
        upstreams[name] = make_upstream(target, timeout=settings.upstream_timeout,
                                        connect_timeout=settings.upstream_connect_timeout)
    return Gateway(settings, upstreams)
