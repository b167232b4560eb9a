"""The embedded topology: gateway, every service and their workers in one process.

Services reach each other through in-process ASGI transports (no sockets), and the gateway calls
them directly; the same code runs split into processes by ``outbound serve``.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from gateway.app import Gateway
from gateway.main import create_app as create_gateway
from gateway.settings import GatewaySettings
from services.kit.http import register_local_app
from services.kit.settings import SERVICE_NAMES

LOCAL_URL = "http://{name}.local"


def service_factories() -> dict[str, tuple[Any, Any]]:
    """name → (create_app, settings class) for every service, imported lazily."""
    from services.ai.main import create_app as ai_app
    from services.ai.settings import AISettings
    from services.calendar.main import create_app as calendar_app
    from services.calendar.settings import CalendarSettings
    from services.email.main import create_app as email_app
    from services.email.settings import EmailSettings
    from services.leads.main import create_app as leads_app
    from services.leads.settings import LeadsSettings
    from services.users.main import create_app as users_app
    from services.users.settings import UsersSettings

    return {
        "users": (users_app, UsersSettings),
        "leads": (leads_app, LeadsSettings),
        "ai": (ai_app, AISettings),
        "email": (email_app, EmailSettings),
        "calendar": (calendar_app, CalendarSettings),
    }


def internal_secret(data_dir: Path, configured: str | None) -> str:
    """The shared service secret: configured, or made once and kept beside the data."""
    if configured:
        return configured
    path = data_dir / ".service-secret"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(32)
    path.write_text(secret)
    path.chmod(0o600)
    return secret


class EmbeddedApp:
    """Starts every service's lifespan (users first: it owns the keys), then serves the gateway."""

    def __init__(self, gateway: Gateway, services: dict[str, FastAPI]) -> None:
        self.gateway = gateway
        self.services = services

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "lifespan":
            await self.gateway(scope, receive, send)
            return
        stack = contextlib.AsyncExitStack()
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    for app in self.services.values():
                        await stack.enter_async_context(app.router.lifespan_context(app))
                except Exception as exc:
                    await stack.aclose()
                    await send({"type": "lifespan.startup.failed", "message": repr(exc)})
                    raise
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await stack.aclose()
                await self.gateway.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return


def build_embedded(**overrides: Any) -> EmbeddedApp:
    gw_settings = GatewaySettings(**overrides)
    secret = internal_secret(gw_settings.data_dir, gw_settings.service_secret)
    local_urls = {f"{name}_url": LOCAL_URL.format(name=name) for name in SERVICE_NAMES}
    apps: dict[str, FastAPI] = {}
    built: dict[str, Any] = {}
    factories = service_factories()
    for name, (factory, settings_cls) in factories.items():
        fields = {k: v for k, v in overrides.items() if k in settings_cls.model_fields}
        settings = built[name] = settings_cls(**{**fields, **local_urls, "service_secret": secret})
        # `outbound up` also runs the local SMTP catcher, so a newcomer can send a campaign offline; the sending
        # engine's feed process runs the users (service tokens) and leads (the contacts' checks) apps it asks.
        if name == "email":
            feed_local = tuple((LOCAL_URL.format(name=n), factories[n][0], built[n]) for n in ("users", "leads"))
            app = factory(settings, catcher=True, local=feed_local)
        else:
            app = factory(settings)
        apps[name] = app
        register_local_app(LOCAL_URL.format(name=name), app)
    assert set(apps) == set(SERVICE_NAMES)
    gateway = create_gateway(gw_settings, local_apps=apps)
    return EmbeddedApp(gateway, apps)


def unknown_settings(environ: dict[str, str]) -> list[str]:
    """``OUTBOUND_*`` variables no service reads: most likely typos, which would otherwise go unnoticed."""
    known = {f"OUTBOUND_{name.upper()}" for cls in (GatewaySettings, *(c for _f, c in service_factories().values()))
             for name in cls.model_fields}
    known |= {f"OUTBOUND_{name.upper()}_DATABASE_URL" for name in SERVICE_NAMES}
    return sorted(k for k in environ if k.startswith("OUTBOUND_") and k not in known
                  and not k.startswith("OUTBOUND_TEST_"))


def local_urls() -> dict[str, str]:
    """``<name>_url`` settings that reach every service through its in-process transport."""
    return {f"{name}_url": LOCAL_URL.format(name=name) for name in SERVICE_NAMES}


@contextlib.asynccontextmanager
async def local_services(names: Sequence[str], **overrides: Any) -> AsyncIterator[dict[str, Any]]:
    """Run some services in this process, without their workers, for a command-line tool.

    Yields the settings a client of theirs needs: ``<name>_url`` for each and the shared
    ``service_secret``. The users service always runs (it issues the service tokens).
    """
    base = GatewaySettings(**{k: v for k, v in overrides.items() if k in GatewaySettings.model_fields})
    secret = internal_secret(base.data_dir, base.service_secret)
    wanted = dict.fromkeys(["users", *names])
    urls = local_urls()
    async with contextlib.AsyncExitStack() as stack:
        for name, (factory, settings_cls) in service_factories().items():
            if name not in wanted:
                continue
            fields = {k: v for k, v in overrides.items() if k in settings_cls.model_fields}
            app = factory(settings_cls(**{**fields, **urls, "service_secret": secret, "workers": 0}))
            register_local_app(LOCAL_URL.format(name=name), app)
            await stack.enter_async_context(app.router.lifespan_context(app))
        yield {**urls, "service_secret": secret}
