"""Fuzzing the e-mail service's OpenAPI with schemathesis: no input makes it answer 5xx."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.email.support import email_stack
from tests.helpers import ROUTE_SWEEP
from tests.users.fuzz import fuzz


@ROUTE_SWEEP
async def test_email_api_never_answers_5xx(tmp_path: Path) -> None:
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'email.db'}"
    async with email_stack(database_url, tmp_path, served=True) as stack:
        contact = await stack.contact()
        campaign = await stack.campaign([contact["id"]])
        await stack.start(campaign["id"])
        await stack.run_jobs()
        await stack.send_all()
        url = str(stack.email.base_url).rstrip("/")
        doc = (await stack.email.get("/openapi.json")).json()
        anonymous = await asyncio.to_thread(fuzz, doc, url, max_examples=10)
        assert anonymous >= 30
        signed_in = await asyncio.to_thread(fuzz, doc, url, headers=stack.admin, max_examples=20)
        as_service = await asyncio.to_thread(fuzz, doc, url, headers=stack.calendar_service, max_examples=10)
        assert signed_in == as_service == anonymous
        assert (await stack.email.get("/email/healthz")).status_code == 200
        assert (await stack.email.get("/email/mailboxes", headers=stack.admin)).status_code == 200
