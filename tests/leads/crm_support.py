"""A users + leads pair in-process for the CRM tests, with a token for every kind of caller."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from services.kit.http import register_local_app
from services.leads.main import create_app as create_leads
from services.leads.settings import LeadsSettings
from services.users.main import create_app as create_users
from tests.conftest import running
from tests.helpers import SERVICE_SECRET, bearer, create_user, login, users_settings


@dataclass
class Stack:
    client: httpx.AsyncClient  # talks to the leads app
    users: httpx.AsyncClient
    admin: dict[str, str]
    sales: dict[str, str]
    demo: dict[str, str]
    service: dict[str, str]  # the e-mail service's token: scope leads:timeline
    app: Any


@contextlib.asynccontextmanager
async def leads_stack(database_url: str, tmp_path: Path, **leads_overrides: Any) -> AsyncIterator[Stack]:
    users_db = f"sqlite+aiosqlite:///{tmp_path / 'users.db'}"
    users_app = create_users(users_settings(users_db))
    origin = f"http://users-{id(users_app)}.local"
    register_local_app(origin, users_app)
    settings = LeadsSettings(
        database_url=database_url,
        environment="test",
        users_url=origin,
        service_secret=SERVICE_SECRET,
        data_dir=tmp_path,
        **leads_overrides,
    )
    leads_app = create_leads(settings)
    async with running(users_app) as users, running(leads_app) as client:
        admin = await login(users)
        await create_user(users, admin, "sales@example.com", "sales")
        await create_user(users, admin, "demo@example.com", "demo")
        sales = await login(users, "sales@example.com", "user password 123")
        demo = await login(users, "demo@example.com", "user password 123")
        resp = await users.post(
            "/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": "email",
                "client_secret": SERVICE_SECRET,
                "scope": "leads:timeline",
            },
        )
        assert resp.status_code == 200, resp.text
        yield Stack(
            client, users, bearer(admin), bearer(sales), bearer(demo), bearer(resp.json()["access_token"]), leads_app
        )
