"""Fuzzing the ai service's OpenAPI with schemathesis: no input makes it answer 5xx."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.ai.support import ai_stack
from tests.leads.sites import mapping_resolver
from tests.users.fuzz import fuzz


async def test_ai_api_never_answers_5xx(tmp_path: Path) -> None:
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'ai.db'}"
    async with ai_stack(database_url, tmp_path, served=True, fetch_timeout=1.0, site_timeout=3.0) as stack:
        stack.leads_app.state.runtime.deps.resolver = mapping_resolver({})  # no name resolves: no traffic out
        url = str(stack.ai.base_url).rstrip("/")
        doc = (await stack.ai.get("/openapi.json")).json()
        anonymous = await asyncio.to_thread(fuzz, doc, url, max_examples=5)
        assert anonymous >= 17
        signed_in = await asyncio.to_thread(fuzz, doc, url, headers=stack.admin, max_examples=25)
        assert signed_in == anonymous
        assert (await stack.ai.get("/ai/healthz")).status_code == 200
        assert (await stack.ai.get("/ai/prompts", headers=stack.sales)).status_code == 200
