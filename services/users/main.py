"""The users service: accounts, roles, sign-in, tokens, JWKS, service credentials, audit log."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, cast

from fastapi import FastAPI

from services.kit.app import ServiceRuntime, create_service_app
from services.kit.db import session_scope

from . import service
from .api import auth, users
from .keys import KeyRing
from .settings import UsersSettings

MIGRATIONS = Path(__file__).parent / "migrations"


async def _startup(runtime: ServiceRuntime) -> None:
    settings = cast(UsersSettings, runtime.settings)
    settings.require_secret("service_secret", settings.service_secret)
    service.configure_passwords(settings)
    async with session_scope(runtime.sessions) as session:
        runtime.extras["ring"] = await service.load_key_ring(session, settings)
        await service.ensure_first_admin(session, settings)
        await service.ensure_internal_clients(session, settings.service_secret)


def _local_jwks(runtime: ServiceRuntime) -> Callable[[], Awaitable[dict[str, Any]]]:
    async def keys() -> dict[str, Any]:
        ring: KeyRing = runtime.extras["ring"]
        return ring.jwks()

    return keys


def create_app(settings: UsersSettings | None = None) -> FastAPI:
    settings = settings or UsersSettings()
    return create_service_app(
        name="users", settings=settings, prefixes=["auth", "users"], routers=[auth, users],
        migrations=MIGRATIONS, jwks_source=_local_jwks, on_startup=_startup,
        description="Accounts, roles, sign-in, tokens, JWKS, service credentials and the audit log.",
    )
