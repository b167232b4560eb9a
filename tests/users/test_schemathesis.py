"""Fuzzing the users service's OpenAPI with schemathesis: no input makes it answer 5xx."""

from __future__ import annotations

import asyncio

import httpx

from services.users.main import create_app
from tests.gateway.support import serving
from tests.helpers import bearer, login, users_settings
from tests.users.fuzz import fuzz

# Run after everything else: they can take the fuzzing admin's rights away (another admin may exist by then).
ACCOUNT_CHANGES = {("PATCH", "/users/{user_id}"), ("POST", "/users/{user_id}/password")}


async def test_users_api_never_answers_5xx(tmp_path):
    app = create_app(users_settings(f"sqlite+aiosqlite:///{tmp_path / 'users.db'}"))
    async with serving(app) as url, httpx.AsyncClient(base_url=url) as client:
        token = await login(client)
        doc = (await client.get("/openapi.json")).json()

        anonymous = await asyncio.to_thread(fuzz, doc, url, max_examples=10)
        assert anonymous >= 15
        signed_in = await asyncio.to_thread(fuzz, doc, url, headers=bearer(token), max_examples=25,
                                            last=ACCOUNT_CHANGES)
        assert signed_in == anonymous

        # Still healthy afterwards.
        assert (await client.get("/auth/healthz")).status_code == 200
        assert (await client.get("/auth/jwks")).status_code == 200
