"""A token outlives a demotion or a deactivation by up to 15 minutes; the ai service's admin routes re-read
the account at the users service, so neither can still rewrite prompts or read everyone's calls."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ai.support import ai_stack
from tests.helpers import bearer, create_user, login

CHANGE = {"template": "{{facts}}\nBe brief.\n{{source}}"}


@pytest.mark.parametrize("change", [{"is_active": False}, {"role": "sales"}])
async def test_a_stale_admin_token_loses_the_admin_routes_at_once(database_url: str, tmp_path: Path,
                                                                  change: dict) -> None:
    async with ai_stack(database_url, tmp_path) as stack:
        other = await create_user(stack.users, (stack.admin["authorization"].split()[1]), "second@example.com",
                                  "admin")
        token = bearer(await login(stack.users, "second@example.com", "user password 123"))
        assert (await stack.ai.put("/ai/prompts/enrich_company", headers=token, json=CHANGE)).status_code == 200
        assert (await stack.ai.get("/ai/usage/calls?everyone=true", headers=token)).status_code == 200
        resp = await stack.users.patch(f"/users/{other['id']}", headers=stack.admin, json=change)
        assert resp.status_code == 200, resp.text
        # The same, still unexpired token:
        expected = 401 if change.get("is_active") is False else 403
        put = await stack.ai.put("/ai/prompts/enrich_company", headers=token, json=CHANGE)
        assert put.status_code == expected, put.text
        calls = await stack.ai.get("/ai/usage/calls?everyone=true", headers=token)
        assert calls.status_code == expected, calls.text
        activate = await stack.ai.post("/ai/prompts/enrich_company/activate", headers=token, json={"version": 1})
        assert activate.status_code == expected
        # The remaining admin is unaffected.
        assert (await stack.ai.put("/ai/prompts/enrich_company", headers=stack.admin, json=CHANGE)).status_code == 200
