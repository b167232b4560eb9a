"""The users service: accounts, roles, sign-in, tokens, JWKS, service credentials, audit log."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from services.kit.app import create_service_app
from services.kit.auth import AccountSource, Principal
from services.kit.db import session_scope

from . import repository as repo
from . import service
from .api import auth, users
from .deps import UsersDeps, UsersRuntime
from .settings import UsersSettings

MIGRATIONS = Path(__file__).parent / "migrations"


async def _build(runtime: UsersRuntime) -> UsersDeps:
    settings = runtime.settings
    settings.require_secret("service_secret", settings.service_secret)
    service.configure_passwords(settings)
    async with session_scope(runtime.sessions) as session:
        ring = await service.load_key_ring(session, settings)
        await service.ensure_first_admin(session, settings)
        await service.ensure_internal_clients(session, settings.service_secret)
    return UsersDeps(ring=ring)


def _local_jwks(runtime: UsersRuntime) -> Callable[[], Awaitable[dict[str, Any]]]:
    async def keys() -> dict[str, Any]:
        return runtime.deps.ring.jwks()

    return keys


def _local_accounts(runtime: UsersRuntime) -> AccountSource:
    """Admin routes of this service read the account from its own database."""

    async def current_role(principal: Principal, _token: str) -> str | None:
        if principal.user_id is None:
            return None
        async with runtime.sessions() as session:
            user = await repo.get_user(session, principal.user_id)
        return user.role if user is not None and user.is_active else None

    return current_role


def create_app(settings: UsersSettings | None = None) -> FastAPI:
    settings = settings or UsersSettings()
    return create_service_app(
        name="users", settings=settings, prefixes=["auth", "users"], routers=[auth, users],
        migrations=MIGRATIONS, build_deps=_build, jwks_source=_local_jwks, account_source=_local_accounts,
        description="Accounts, roles, sign-in, tokens, JWKS, service credentials and the audit log.",
    )
