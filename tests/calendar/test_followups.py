"""What a booking sets in motion: durable jobs to leads (timeline, status) and to the e-mail service
(confirmations, stopping sequences), retried while the e-mail service is down; keyed so nothing repeats."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI

from services.calendar.followups import CONTACT_STATUS, NOTIFY, STOP_SEQUENCES, TIMELINE
from services.calendar.models import Job
from services.email.engine import SendingEngine
from services.email.main import create_app as create_email
from services.email.settings import EmailSettings
from services.kit.db import utcnow
from services.kit.http import register_local_app
from services.kit.jobs import QUEUED, SUCCEEDED
from tests.calendar.support import CalendarStack, booking, calendar_stack
from tests.conftest import running
from tests.helpers import SERVICE_SECRET


async def make_due(stack: CalendarStack) -> None:
    """Time passes: every queued job's backoff is over."""
    async with stack.runtime.sessions() as s, s.begin():
        await s.execute(sa.update(Job).where(Job.status == QUEUED).values(run_at=utcnow()))


def by_type(jobs: list[Job]) -> dict[str, list[Job]]:
    found: dict[str, list[Job]] = {}
    for job in jobs:
        found.setdefault(job.type, []).append(job)
    return found


async def test_a_booking_reaches_leads_and_waits_durably_for_the_email_service(database_url: str,
                                                                               tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        contact = await stack.contact()
        link = await stack.personal_link(page["id"], contact["id"], campaign_id=3)
        made = await stack.calendar.post(f"/calendar/public/{link['token']}/bookings",
                                         json=booking("2025-06-03T10:00:00+02:00", language="de"))
        assert made.status_code == 201
        booking_id = made.json()["id"]
        jobs = by_type(await stack.jobs())
        assert sorted((j.type, j.idempotency_key) for j in await stack.jobs()) == sorted([
            (NOTIFY, f"booking:{booking_id}:v0:confirmed:mail:lead"),
            (NOTIFY, f"booking:{booking_id}:v0:confirmed:mail:host"),
            (TIMELINE, f"booking:{booking_id}:v0:confirmed:timeline"),
            (CONTACT_STATUS, f"booking:{booking_id}:contact-status"),
            (STOP_SEQUENCES, f"booking:{booking_id}:stop-sequences")])

        assert await stack.run_jobs() >= 5
        jobs = by_type(await stack.jobs())
        assert [j.status for j in jobs[TIMELINE] + jobs[CONTACT_STATUS]] == [SUCCEEDED, SUCCEEDED]
        attempts = {}
        for job in jobs[NOTIFY] + jobs[STOP_SEQUENCES]:
            # The e-mail service is down: the job is queued again, for later, with the reason.
            assert job.status == QUEUED and job.attempts >= 1, (job.type, job.status, job.error)
            assert "unreachable" in (job.error or "") and job.locked_by is None
            assert job.max_attempts >= 100
            attempts[job.id] = job.attempts
        await make_due(stack)
        await stack.run_jobs()
        for job in by_type(await stack.jobs())[NOTIFY]:
            assert job.status == QUEUED and job.attempts > attempts[job.id]

        timeline = (await stack.leads.get(f"/leads/contacts/{contact['id']}/timeline", headers=stack.admin)).json()
        [entry] = [a for a in timeline["items"] if a["type"] == "meeting.confirmed"]
        assert entry["title"].startswith("Meeting booked: Intro call with sales, Tuesday, 3 June 2025, 10:00")
        assert entry["detail"]["booking_id"] == booking_id and entry["detail"]["campaign_id"] == 3
        assert entry["source"] == "calendar"
        company = (await stack.leads.get(f"/leads/companies/{contact['company_id']}/timeline",
                                         headers=stack.admin)).json()
        assert any(a["type"] == "meeting.confirmed" for a in company["items"])
        shown = (await stack.leads.get(f"/leads/contacts/{contact['id']}", headers=stack.admin)).json()
        assert shown["status"] == "meeting"

        # Cancelling twice enqueues the cancellation once; the timeline hears about it.
        _r, cancel = made.json()["manage_url"].split("cancel=")
        for _ in range(2):
            assert (await stack.calendar.post(f"/calendar/public/manage/{cancel}/cancel", json={})).status_code == 200
        cancelled = [j for j in await stack.jobs() if ":cancelled:" in (j.idempotency_key or "")]
        assert len(cancelled) == 3  # two notices and the timeline
        await stack.run_jobs()
        timeline = (await stack.leads.get(f"/leads/contacts/{contact['id']}/timeline", headers=stack.admin)).json()
        assert [a["type"] for a in timeline["items"]].count("meeting.cancelled") == 1
        # Superseded confirmations are not sent once the booking is cancelled.
        await make_due(stack)
        await stack.run_jobs()
        confirmations = [j for j in by_type(await stack.jobs())[NOTIFY] if ":confirmed:" in (j.idempotency_key or "")]
        assert {j.status for j in confirmations} == {SUCCEEDED}
        assert {(j.result or {}).get("skipped") for j in confirmations} == {"a later change replaced this message"}


async def test_a_generic_link_booking_by_a_known_address_joins_the_contact(database_url: str,
                                                                          tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        contact = await stack.contact(email="known@client.example")
        stranger = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                             json=booking("2025-06-03T10:00:00+02:00", email="nobody@else.example"))
        known = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                          json=booking("2025-06-03T11:00:00+02:00", email="Known@Client.example"))
        # The visitor cannot tell the two apart.
        assert stranger.status_code == known.status_code == 201
        assert set(stranger.json()) == set(known.json())
        await stack.run_jobs()
        rows = {r.visitor_email.lower(): r for r in await stack.bookings()}
        assert rows["nobody@else.example"].contact_id is None
        assert rows["known@client.example"].contact_id == contact["id"]
        assert rows["known@client.example"].company_id == contact["company_id"]
        timelines = [(j.result or {}) for j in by_type(await stack.jobs())[TIMELINE]]
        assert {"skipped": "no matching contact in leads"} in timelines
        assert (await stack.leads.get(f"/leads/contacts/{contact['id']}", headers=stack.admin)).json()["status"] \
            == "meeting"
        assert len(by_type(await stack.jobs())[STOP_SEQUENCES]) == 1


async def test_a_won_contact_keeps_its_status(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        contact = await stack.contact()
        await stack.leads.patch(f"/leads/contacts/{contact['id']}", headers=stack.admin, json={"status": "won"})
        link = await stack.personal_link(page["id"], contact["id"])
        await stack.calendar.post(f"/calendar/public/{link['token']}/bookings",
                                  json=booking("2025-06-03T10:00:00+02:00"))
        await stack.run_jobs()
        [job] = by_type(await stack.jobs())[CONTACT_STATUS]
        assert job.result == {"unchanged": "won"}
        shown = await stack.leads.get(f"/leads/contacts/{contact['id']}", headers=stack.admin)
        assert shown.json()["status"] == "won"


def _email_service_answers(app: FastAPI) -> bool:
    return "/email/transactional" in app.openapi()["paths"]


async def test_confirmations_reach_the_email_service_end_to_end(tmp_path: Path) -> None:
    """Books through a personal link with the real e-mail app wired in (its local catcher on, as `outbound up`
    runs it), runs the jobs, and expects both confirmations (keyed booking:<id>:v0:lead|host, an .ics REQUEST
    attached) and the sequence stop to be accepted by the e-mail service, then sent over SMTP to the catcher.
    """
    email_origin = "http://email-e2e.local"
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'calendar.db'}"
    # The calendar's client picks its transport when the calendar starts, before the e-mail app exists
    # (it needs the stack's users and leads): a stand-in forwards to it once it does.
    holder: dict[str, Any] = {}

    async def email_proxy(scope: Any, receive: Any, send: Any) -> None:
        await holder["app"](scope, receive, send)

    register_local_app(email_origin, email_proxy)
    async with calendar_stack(database_url, tmp_path, email_url=email_origin) as stack:
        email_app = create_email(EmailSettings(
            _env_file=None, database_url=f"sqlite+aiosqlite:///{tmp_path / 'email.db'}",  # type: ignore[call-arg]
            environment="test", users_url=stack.runtime.settings.users_url, leads_url=stack.runtime.settings.leads_url,
            service_secret=SERVICE_SECRET, data_dir=tmp_path / "email", workers=0), catcher=True)
        assert _email_service_answers(email_app)
        holder["app"] = email_app
        async with running(email_app):
            page = await stack.host_page()
            contact = await stack.contact()
            link = await stack.personal_link(page["id"], contact["id"])
            made = await stack.calendar.post(f"/calendar/public/{link['token']}/bookings",
                                             json=booking("2025-06-03T10:00:00+02:00"))
            assert made.status_code == 201
            await stack.run_jobs()
            jobs = by_type(await stack.jobs())
            assert {j.status for j in jobs[NOTIFY] + jobs[STOP_SEQUENCES]} == {SUCCEEDED}
            assert {j.result["key"] for j in jobs[NOTIFY]} == {  # type: ignore[index]
                f"booking:{made.json()['id']}:v0:lead", f"booking:{made.json()['id']}:v0:host"}
            engine = SendingEngine(email_app.state.runtime, name="test-sender", check_contacts=False)
            try:
                while await engine.run_once():
                    pass
            finally:
                await engine.stop()
            store = email_app.state.runtime.deps.caught
            caught, total = store.list(limit=10)
            assert total == 2
            by_to = {c.rcpt_tos[0]: store.get(c.key) for c in caught}
            assert set(by_to) == {"bob@visitor.example", "sales@example.com"}  # the visitor and the host
            lead = by_to["bob@visitor.example"]
            assert lead is not None
            raw = lead.raw.decode()
            assert "text/calendar; charset=utf-8; method=REQUEST" in raw
            assert f"UID:booking-{made.json()['id']}@crm.example" in raw.replace("=\r\n", "")
