"""The reply poller against a real Dovecot: replies stop sequences, bounces suppress, out-of-office postpones,
unsubscribe-by-reply suppresses, broken mail is survived, a re-poll records nothing twice, 5,000 messages
are read in batches; everything lands on the lead's timeline in leads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from services.email import repository as repo
from services.email.models import BOUNCED, REPLIED, SENT, STOPPED, Suppression
from services.email.replies import (
    POLL_JOB,
    TIMELINE_JOB,
    poll_one_mailbox,
    postpone_until,
    return_date,
    schedule_next_poll,
)
from services.kit.db import utcnow
from tests.email.inbound_support import EmailStack, email_stack
from tests.email.mail_samples import crlf
from tests.fakes.dovecot import Dovecot

D = dt.date(2026, 3, 2)


def test_return_dates() -> None:
    assert return_date("Ich bin ab dem 16.03.2026 wieder im Büro.", D) == dt.date(2026, 3, 16)
    assert return_date("I am out of the office until March 13 and back on Monday.", D) == dt.date(2026, 3, 14)
    assert return_date("Abwesend bis einschließlich 13. März", D) == dt.date(2026, 3, 14)
    assert return_date("Back on 2026-04-07.", D) == dt.date(2026, 4, 7)
    assert return_date("Away from 3 to 9 March, back 10th of March", D) == dt.date(2026, 3, 10)
    assert return_date("Back on 5 January", dt.date(2026, 12, 20)) == dt.date(2027, 1, 5)
    assert return_date("Urlaub bis 12.", D) is None
    assert return_date("Our office was founded on 12.03.1987", D) is None
    received = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    assert postpone_until("no date here", received, 7) == received + dt.timedelta(days=7)
    assert postpone_until("back on 2026-03-09", received, 7) == dt.datetime(2026, 3, 9, 8, tzinfo=dt.UTC)


def _reply(to_mid: str, body: str, *, mid: str, subject: str = "Re: Kurze Frage", extra: str = "",
           sender: str = "Bob <bob@client.example>") -> bytes:
    return crlf(f"""From: {sender}
To: sales@outbound.example
Subject: {subject}
Message-ID: {mid}
In-Reply-To: {to_mid}
References: {to_mid}
{extra}Content-Type: text/plain; charset=utf-8

{body}""")


def _dsn(recipient: str, status: str, original: str | None, *, mid: str) -> bytes:
    headers = f"""
--B
Content-Type: text/rfc822-headers

From: sales@outbound.example
To: {recipient}
Message-ID: {original}
""" if original else ""
    return crlf(f"""From: Mail Delivery System <MAILER-DAEMON@mx.client.example>
To: sales@outbound.example
Subject: Undelivered Mail Returned to Sender
Message-ID: {mid}
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

Delivery failed.

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.client.example

Final-Recipient: rfc822; {recipient}
Action: {"failed" if status.startswith("5") else "delayed"}
Status: {status}
Diagnostic-Code: smtp; {status} something
{headers}
--B--
""")


MALFORMED = crlf("""From: Bob <bob@client.example>
To: sales@outbound.example
Subject: =?utf-8?q?broken=ZZ?= Re: Angebot
Message-ID: <broken-1@client.example>
In-Reply-To: {mid}
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="never-closed"

--never-closed
Content-Type: text/plain; charset=no-such-charset
Content-Transfer-Encoding: base64

%%% this is not base64 %%%
--never-closed
Content-Type: application/octet-stream; name=
""")


async def _timeline(stack: EmailStack, contact_id: int) -> list[dict[str, Any]]:
    resp = await stack.leads.get(f"/leads/contacts/{contact_id}/timeline", headers=stack.admin)
    assert resp.status_code == 200, resp.text
    items: list[dict[str, Any]] = resp.json()["items"]
    return items


async def test_replies_bounces_and_auto_replies_from_dovecot(database_url: str, tmp_path: Path, dovecot: Dovecot,
                                                             imap_user: tuple[str, str]) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        stack.now = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)  # the step 2 of everyone is due on 5 March
        box = await stack.mailbox(imap=(dovecot.host, dovecot.port, *imap_user))
        people = [await stack.contact(f"Person {i}", f"p{i}@client.example") for i in range(6)]
        camp = await stack.campaign(box, people)
        mids = {c["id"]: camp["messages"][c["id"]][1] for c in people}
        p = [c["id"] for c in people]
        # A first poll of the (empty) box sets the cursor; mail that was there before is not ours.
        dovecot.append(imap_user[0], _reply("<old@elsewhere.example>", "old", mid="<old-1@x.example>"))
        await poll_one_mailbox(stack.runtime, box)
        assert await stack.events() == []
        dovecot.append(
            imap_user[0],
            _reply(mids[p[0]], "Klingt interessant, rufen Sie mich gerne an.", mid="<r0@client.example>",
                   sender=f"P0 <{people[0]['email']}>"),
            _dsn(people[1]["email"], "5.1.1", mids[p[1]], mid="<dsn1@mx.example>"),
            # A DSN without the original headers: matched by the recipient's address.
            _dsn(people[2]["email"], "5.1.10", None, mid="<dsn2@mx.example>"),
            _dsn(people[3]["email"], "4.2.2", mids[p[3]], mid="<dsn3@mx.example>"),
            _reply(mids[p[4]], "Ich bin bis einschließlich 20.03.2026 nicht im Büro.", mid="<ooo@client.example>",
                   subject="Automatische Antwort: Kurze Frage", extra="Auto-Submitted: auto-replied\n"),
            _reply(mids[p[5]], "Bitte entfernen Sie mich aus Ihrem Verteiler, keine weiteren E-Mails.",
                   mid="<unsub@client.example>", sender=f"P5 <{people[5]['email']}>"),
            MALFORMED.replace(b"{mid}", mids[p[0]].encode()),
        )
        done = await poll_one_mailbox(stack.runtime, box)
        assert (done.replies, done.bounces, done.auto_replies, done.unsubscribes) == (3, 3, 1, 1), done
        assert done.categories == {"interested": 1, "unsubscribe": 1, "other": 1}

        # Reply: message replied, every sequence of the contact stopped.
        assert (await stack.message(camp["messages"][p[0]][0])).status == REPLIED
        first = await stack.enrolment(camp["enrolments"][p[0]])
        assert first.status == STOPPED and first.stop_reason == "replied"
        # Hard bounces (with and without the original headers): bounced, suppressed, stopped.
        for i in (1, 2):
            assert (await stack.message(camp["messages"][p[i]][0])).status == BOUNCED
            assert (await stack.enrolment(camp["enrolments"][p[i]])).stop_reason == "bounced"
        # A soft bounce is an event only.
        assert (await stack.message(camp["messages"][p[3]][0])).status == SENT
        assert (await stack.enrolment(camp["enrolments"][p[3]])).status == "active"
        # Out of office: postponed to the morning after the last day away, not stopped.
        ooo = await stack.enrolment(camp["enrolments"][p[4]])
        assert ooo.status == "active"
        assert ooo.next_due_at is not None and ooo.next_due_at.replace(tzinfo=dt.UTC) == dt.datetime(
            2026, 3, 21, 8, tzinfo=dt.UTC)
        # Unsubscribe by reply: suppressed and stopped as unsubscribed.
        assert (await stack.enrolment(camp["enrolments"][p[5]])).stop_reason == "unsubscribed"
        async with stack.runtime.sessions() as s:
            suppressed = await repo.suppressed_keys(s, [c["email"] for c in people])
        assert suppressed == {people[1]["email"]: "bounced", people[2]["email"]: "bounced",
                              people[5]["email"]: "unsubscribed"}

        # The inbox and the thread.
        inbox = (await stack.email.get("/email/replies", headers=stack.demo)).json()
        assert inbox["total"] == 3
        interested = (await stack.email.get("/email/replies?category=interested", headers=stack.sales)).json()
        assert [r["contact_id"] for r in interested["items"]] == [p[0]]
        assert interested["items"][0]["text"].startswith("Klingt interessant")
        bounces = (await stack.email.get("/email/replies?kind=bounce", headers=stack.sales)).json()
        assert bounces["total"] == 3
        thread = (await stack.email.get(f"/email/contacts/{p[0]}/thread", headers=stack.sales)).json()
        assert thread["items"][0]["type"] == "message"
        assert {i["type"] for i in thread["items"][1:]} == {"reply"}
        assert thread["items"][0]["message"]["status"] == "replied"

        # The timeline in leads (through the jobs), and the contact's status.
        assert len(await stack.jobs(TIMELINE_JOB)) == 8  # 3 replies, 3 bounces, 1 auto-reply, 1 unsubscribe
        await stack.run_jobs()
        assert all(j.status == "succeeded" for j in await stack.jobs(TIMELINE_JOB))
        entries = await _timeline(stack, p[0])
        # Two replies of P0: the interested one and the broken one (read as far as it goes, "other").
        assert [e["type"] for e in entries].count("email.replied") == 2
        contact = (await stack.leads.get(f"/leads/contacts/{p[0]}", headers=stack.admin)).json()
        assert contact["status"] == "replied"
        assert any(e["type"] == "email.bounced" for e in await _timeline(stack, p[1]))
        assert any(e["type"] == "email.unsubscribed" for e in await _timeline(stack, p[5]))
        # A hard DSN moves the contact to bounced, a soft one does not; unsubscribe-by-reply to unsubscribed
        # (whichever of its two timeline jobs, "replied" or "unsubscribed", ran first).
        statuses = {c: (await stack.leads.get(f"/leads/contacts/{c}", headers=stack.admin)).json()["status"]
                    for c in p}
        assert [statuses[c] for c in p] == ["replied", "bounced", "bounced", "contacted", "contacted", "unsubscribed"]

        # Idempotent: the cursor is reset (as after a crash before the commit) and the box read again.
        async with stack.runtime.sessions() as s:
            mailbox = await repo.get_mailbox(s, box)
            assert mailbox is not None and mailbox.imap_state is not None
            state = {"uidvalidity": mailbox.imap_state["uidvalidity"], "last_uid": 1}
            await repo.set_imap_state(s, box, state=state, polled_at=stack.now, error=None)
            await s.commit()
        before = len(await stack.events())
        again = await poll_one_mailbox(stack.runtime, box)
        assert again.replies == again.bounces == again.auto_replies == 0 and again.duplicates >= 7
        assert len(await stack.events()) == before
        await stack.run_jobs()
        assert [e["type"] for e in await _timeline(stack, p[0])].count("email.replied") == 2
        async with stack.runtime.sessions() as s:
            count = (await s.execute(sa.select(sa.func.count()).select_from(Suppression))).scalar_one()
        assert count == 3


async def test_poll_job_reads_5000_messages_in_batches(database_url: str, tmp_path: Path, dovecot: Dovecot,
                                                      imap_user: tuple[str, str]) -> None:
    async with email_stack(database_url, tmp_path, imap_batch_size=700) as stack:
        box = await stack.mailbox(imap=(dovecot.host, dovecot.port, *imap_user))
        people = [await stack.contact(f"P{i}", f"p{i}@client.example") for i in range(3)]
        camp = await stack.campaign(box, people)
        await poll_one_mailbox(stack.runtime, box)  # the box is connected: its cursor starts here
        noise = (_reply("<unknown@elsewhere.example>", f"Newsletter {i}", mid=f"<n{i}@news.example>",
                        sender=f"news{i}@news.example") for i in range(4997))
        assert dovecot.drop_into_maildir(imap_user[0], noise) == 4997
        dovecot.append(imap_user[0], *(_reply(camp["messages"][c["id"]][1], "Interested, tell me more.",
                                              mid=f"<late{c['id']}@client.example>") for c in people))
        # The job (as `outbound worker email` runs it) polls until the box is read, then schedules the next.
        async with stack.runtime.sessions() as s:
            await stack.runtime.jobs.enqueue(s, POLL_JOB, {})
            await s.commit()
        assert await stack.run_jobs(limit=1) == 1
        job = (await stack.jobs(POLL_JOB))[0]
        assert job.status == "succeeded", job.error
        assert job.result is not None and job.result["replies"] == 3 and job.result["unmatched"] == 4997
        assert job.progress_done == 5000
        scheduled = (await stack.jobs(POLL_JOB))[1:]
        assert len(scheduled) == 1 and scheduled[0].status == "queued"
        async with stack.runtime.sessions() as s:
            mailbox = await repo.get_mailbox(s, box)
            assert mailbox is not None and mailbox.imap_state is not None
            assert mailbox.imap_state["last_uid"] >= 5000 and mailbox.imap_error is None
        # One poll a minute adds up: a day later the finished runs are forgotten when the next is scheduled.
        stack.now = utcnow() + dt.timedelta(days=2)
        await schedule_next_poll(stack.runtime)
        assert job.id not in [j.id for j in await stack.jobs(POLL_JOB)]


async def test_wrong_imap_password_is_shown_on_the_mailbox(database_url: str, tmp_path: Path, dovecot: Dovecot,
                                                           imap_user: tuple[str, str]) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        box = await stack.mailbox(imap=(dovecot.host, dovecot.port, imap_user[0], "wrong"))
        result = await poll_one_mailbox(stack.runtime, box)
        assert result.replies == 0
        async with stack.runtime.sessions() as s:
            mailbox = await repo.get_mailbox(s, box)
            assert mailbox is not None and mailbox.imap_error is not None and mailbox.imap_error.startswith("auth")


async def test_a_dsn_naming_an_idn_address_in_ascii_finds_the_unicode_ledger_row(
        database_url: str, tmp_path: Path, dovecot: Dovecot, imap_user: tuple[str, str]) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        box = await stack.mailbox(imap=(dovecot.host, dovecot.port, *imap_user))
        person = await stack.contact("Jörg Müller", "info@müller.example")
        camp = await stack.campaign(box, [person])
        await poll_one_mailbox(stack.runtime, box)
        dovecot.append(imap_user[0], _dsn("info@xn--mller-kva.example", "5.1.1", None, mid="<idn@mx.example>"))
        done = await poll_one_mailbox(stack.runtime, box)
        assert done.bounces == 1 and done.unmatched == 0
        assert (await stack.message(camp["messages"][person["id"]][0])).status == BOUNCED
        async with stack.runtime.sessions() as s:
            assert await repo.suppressed_keys(s, ["info@xn--mller-kva.example"]) == {
                "info@xn--mller-kva.example": "bounced"}
