"""Fuzzing the leads service's OpenAPI with schemathesis: no input makes it answer 5xx."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from services.kit.http import register_local_app
from services.leads.main import create_app as create_leads
from services.leads.settings import LeadsSettings
from services.users.main import create_app as create_users
from tests.conftest import running
from tests.gateway.support import serving
from tests.helpers import SERVICE_SECRET, bearer, login, users_settings
from tests.leads.sites import mapping_resolver
from tests.users.fuzz import fuzz


async def test_leads_api_never_answers_5xx(tmp_path: Path) -> None:
    users_app = create_users(users_settings(f"sqlite+aiosqlite:///{tmp_path / 'users.db'}"))
    origin = f"http://users-{id(users_app)}.local"
    register_local_app(origin, users_app)
    leads_app = create_leads(LeadsSettings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'leads.db'}", environment="test", users_url=origin,
        service_secret=SERVICE_SECRET, data_dir=tmp_path, workers=0))
    async with running(users_app) as users, serving(leads_app) as url, \
            httpx.AsyncClient(base_url=url, timeout=30) as leads:
        leads_app.state.runtime.deps.resolver = mapping_resolver({})  # no name resolves: no traffic out
        admin = bearer(await login(users))
        doc = (await leads.get("/openapi.json")).json()
        anonymous = await asyncio.to_thread(fuzz, doc, url, max_examples=5)
        assert anonymous >= 30
        signed_in = await asyncio.to_thread(fuzz, doc, url, headers=admin, max_examples=15)
        assert signed_in == anonymous
        assert (await leads.get("/leads/healthz")).status_code == 200
        assert (await leads.get("/leads/companies", headers=admin)).status_code == 200
