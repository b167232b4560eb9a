"""The sending engine with its feed in a process of its own (services.email.feed, as a worker runs it): a campaign
goes out once per contact, the claim-time checks made in that process still hold messages back, and a feed process
that dies loses nothing and sends nothing twice."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

from services.email.engine import SendingEngine
from services.kit.db import utcnow
from tests.email.support import EmailStack, email_stack, local_services
from tests.gateway.support import embedded
from tests.helpers import bearer, login


def _engine(stack: EmailStack, tmp_path: Path, **options: object) -> SendingEngine:
    settings = stack.runtime.settings
    return SendingEngine(stack.runtime, name="feed-sender", poll_interval=0.05, feed_process=True,
                         local=local_services(tmp_path, settings.users_url, settings.leads_url), **options)  # type: ignore[arg-type]


async def _prepared_campaign(stack: EmailStack, count: int) -> list[int]:
    """A started single-step campaign to ``count`` contacts, its messages rendered into the ledger."""
    stack.runtime.deps.clock = utcnow  # the feed process keeps the real time, so the test does too
    company = await stack.company()
    ids = [(await stack.contact(f"Lena Lead{i}", f"lena{i}@client.example", company_id=company["id"]))["id"]
           for i in range(count)]
    campaign = await stack.campaign(ids)
    await stack.start(campaign["id"])
    await stack.run_jobs()
    assert len(await stack.messages()) == count
    return ids


async def test_the_feed_process_sends_once_and_checks_each_message(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        ids = await _prepared_campaign(stack, 12)
        # After rendering, before sending: the suppression stops the sequence at once; the contact deleted in leads
        # only the claim-time checks see (made in the feed process, with leads run in process there).
        added = await stack.email.post("/email/suppressions", headers=stack.admin,
                                       json={"value": "lena3@client.example"})
        assert added.status_code == 201, added.text
        deleted = await stack.leads.delete(f"/leads/contacts/{ids[5]}", headers=stack.admin)
        assert deleted.status_code == 204, deleted.text
        engine = _engine(stack, tmp_path, batch=4)
        try:
            assert await engine.start_feed()
            assert engine.feed_pid not in (None, os.getpid())
            while await engine.run_once():
                pass
            assert engine.feed_pid is not None  # it fed every batch; none fell back to the engine's own loop
        finally:
            await engine.stop()
        assert engine.feed_pid is None
        by_address = {m.to_email: m for m in await stack.messages()}
        assert by_address["lena3@client.example"].status == "failed"
        assert by_address["lena5@client.example"].status == "failed"
        assert "deleted" in (by_address["lena5@client.example"].error or "")
        sent = {address for address, m in by_address.items() if m.status == "sent"}
        assert sent == {f"lena{i}@client.example" for i in range(12)} - {"lena3@client.example", "lena5@client.example"}
        assert len(stack.sink.message_ids) == 10 and set(stack.sink.message_ids.values()) == {1}


async def test_a_killed_feed_process_loses_nothing_and_sends_nothing_twice(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        await _prepared_campaign(stack, 30)
        engine = _engine(stack, tmp_path, batch=3, lease_seconds=1.0)
        try:
            assert await engine.start_feed()
            pid = engine.feed_pid
            assert pid is not None
            first = asyncio.create_task(engine.run_once())
            while not stack.sink.message_ids and not first.done():
                await asyncio.sleep(0.005)
            os.kill(pid, signal.SIGKILL)  # mid-way: it may hold claimed rows it never handed over
            await first
            for _ in range(200):
                if await engine.run_once() == 0:
                    if all(m.status == "sent" for m in await stack.messages()):
                        break
                    await asyncio.sleep(0.1)  # the dead process's claims wait for their lease to run out
            assert engine.feed_pid is None  # the engine fed on its own loop from then on
        finally:
            await engine.stop()
        assert [m.status for m in await stack.messages()] == ["sent"] * 30
        assert len(stack.sink.message_ids) == 30 and set(stack.sink.message_ids.values()) == {1}


async def test_outbound_up_sends_a_campaign_through_its_feed_process(tmp_path: Path) -> None:
    """The all-in-one stack with OUTBOUND_EMAIL_FEED_PROCESS=true: its feed process runs users and leads in process
    too, and a campaign to the local catcher goes out through it."""
    async with embedded(tmp_path, email_feed_process=True) as (app, client):
        admin = bearer(await login(client, prefix="/api"))
        engine = app.services["email"].state.runtime.deps.engine
        assert engine is not None
        for _ in range(300):
            if engine.feed_pid is not None:
                break
            await asyncio.sleep(0.1)
        assert engine.feed_pid not in (None, os.getpid())
        company = (await client.post("/api/leads/companies", headers=admin, json={"name": "Client GmbH",
                                                                                  "country": "GB"})).json()
        contact = (await client.post("/api/leads/contacts", headers=admin, json={
            "name": "Lena Lead", "email": "lena@client.example", "company_id": company["id"]})).json()
        mailbox = (await client.get("/api/email/mailboxes", headers=admin)).json()[0]  # the local catcher
        template = (await client.post("/api/email/templates", headers=admin, json={
            "name": "Intro", "subject": "Hello {{ contact.first_name }}", "body_html": "<p>Hi</p>"})).json()
        campaign = (await client.post("/api/email/campaigns", headers=admin, json={
            "name": "Spring", "mailbox_ids": [mailbox["id"]], "contact_ids": [contact["id"]],
            "steps": [{"template_id": template["id"], "delay_days": 0}]})).json()
        started = await client.post(f"/api/email/campaigns/{campaign['id']}/start", headers=admin)
        assert started.status_code == 200, started.text
        progress: dict[str, int] = {}
        for _ in range(600):
            progress = (await client.get(f"/api/email/campaigns/{campaign['id']}", headers=admin)).json()["progress"]
            if progress["sent"]:
                break
            await asyncio.sleep(0.1)
        assert progress["sent"] == 1, progress
        caught = (await client.get("/api/email/caught", headers=admin)).json()
        assert [item["rcpt_tos"] for item in caught["items"]] == [["lena@client.example"]]
        assert engine.feed_pid is not None  # it fed the campaign; nothing fell back to the engine's own loop
