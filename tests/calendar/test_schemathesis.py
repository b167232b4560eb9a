"""Fuzzing the calendar service's OpenAPI with schemathesis: no input makes it answer 5xx."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.calendar.support import booking, calendar_stack
from tests.users.fuzz import fuzz


async def test_calendar_api_never_answers_5xx(tmp_path: Path) -> None:
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'calendar.db'}"
    async with calendar_stack(database_url, tmp_path, served=True) as stack:
        page = await stack.host_page()
        made = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                         json=booking("2025-06-03T10:00:00+02:00"))
        assert made.status_code == 201
        url = str(stack.calendar.base_url).rstrip("/")
        doc = (await stack.calendar.get("/openapi.json")).json()
        anonymous = await asyncio.to_thread(fuzz, doc, url, max_examples=10)
        assert anonymous >= 38
        signed_in = await asyncio.to_thread(fuzz, doc, url, headers=stack.sales, max_examples=20)
        as_service = await asyncio.to_thread(fuzz, doc, url, headers=stack.email_service, max_examples=10)
        assert signed_in == as_service == anonymous
        assert (await stack.calendar.get("/calendar/healthz")).status_code == 200
        assert (await stack.calendar.get("/calendar/availability", headers=stack.sales)).status_code == 200
