"""Fuzzing the whole product through the gateway, from the merged /api/openapi.json: no 5xx."""

from __future__ import annotations

import asyncio

import httpx

from tests.gateway.support import embedded_stack, serving
from tests.helpers import ROUTE_SWEEP, bearer, login
from tests.users.fuzz import fuzz

# Run last: they can take the fuzzing admin's rights away once the fuzzer has made another admin.
ACCOUNT_CHANGES = {("PATCH", "/api/users/{user_id}"), ("POST", "/api/users/{user_id}/password")}


@ROUTE_SWEEP
async def test_gateway_api_never_answers_5xx(tmp_path):
    # No background workers: fuzzed finder jobs are queued, not crawled.
    stack = embedded_stack(tmp_path, workers=0)
    async with serving(stack) as url, httpx.AsyncClient(base_url=url) as client:
        token = await login(client, prefix="/api")
        doc = (await client.get("/api/openapi.json")).json()
        assert "/api/auth/login" in doc["paths"] and "/api/users" in doc["paths"]

        anonymous = await asyncio.to_thread(fuzz, doc, url, max_examples=5)
        signed_in = await asyncio.to_thread(fuzz, doc, url, headers=bearer(token), max_examples=15,
                                            last=ACCOUNT_CHANGES)
        assert signed_in == anonymous >= 20

        health = await client.get("/healthz")
        assert health.status_code == 200, health.text
