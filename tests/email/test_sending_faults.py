"""The sending engine against a real SMTP server that misbehaves: temporary refusals are retried, hard bounces
suppress, policy refusals and a wrong password pause the mailbox, a line cut after DATA is never resent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from services.email import repository as repo
from services.email.links import UnsubscribeTarget, unsubscribe_token
from services.email.models import Message
from tests.email.support import EmailStack, email_stack
from tests.fakes.smtp_server import Fault


def faults() -> list[Fault]:
    """Fresh each test: a fault with ``times`` is spent as it fires."""
    return [
        Fault("^t421@", "rcpt", "421 4.3.2 Service not available, closing channel", times=1),
        Fault("^t451@", "data", "451 4.3.0 Try again later", times=1),
        Fault("^t452@", "rcpt", "452 4.2.2 Mailbox full, try later", times=1),
        Fault("^bounce@", "rcpt", "550 5.1.1 <bounce@client.example>: User unknown"),
        Fault("^big@", "data", "552 5.3.4 Message size exceeds fixed limit"),
        Fault("^drop@", "data", drop=True),
        Fault("^slow@", "rcpt", None, delay=1.0),
    ]


async def _campaign(stack: EmailStack, locals_: list[str], **mailbox: Any) -> tuple[dict[str, Any], dict[str, int]]:
    company = await stack.company()
    ids = {}
    for local in locals_:
        ids[local] = (await stack.contact(local.title(), f"{local}@client.example", company["id"]))["id"]
    box = await stack.mailbox(**mailbox)
    campaign = await stack.campaign(list(ids.values()), mailbox_ids=[box["id"]])
    await stack.start(campaign["id"])
    await stack.run_jobs()
    return campaign, ids


def _by_to(messages: list[Message]) -> dict[str, Message]:
    return {m.to_email.split("@")[0]: m for m in messages}


async def test_smtp_faults_end_as_the_rules_say(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path, sink_options={"faults": faults()}) as stack:
        locals_ = ["t421", "t451", "t452", "bounce", "big", "drop", "slow"]
        campaign, ids = await _campaign(stack, locals_)
        await stack.send_all()
        status = {k: m.status for k, m in _by_to(await stack.messages()).items()}
        assert status == {"t421": "queued", "t451": "queued", "t452": "queued", "bounce": "bounced",
                          "big": "failed", "drop": "unknown", "slow": "sent"}
        msgs = _by_to(await stack.messages())
        assert msgs["t421"].next_attempt_at is not None and msgs["t421"].next_attempt_at > stack.now
        assert "552" in (msgs["big"].smtp_reply or "")
        # The hard bounce suppresses the address and stops the contact's sequence.
        async with stack.runtime.sessions() as s:
            assert await repo.is_suppressed(s, "bounce@client.example") == "bounced"
        enrolments = {e.contact_id: e for e in await stack.enrolments()}
        assert enrolments[ids["bounce"]].status == "stopped"
        assert enrolments[ids["bounce"]].stop_reason == "bounced"

        # Temporary refusals go out after their backoff; the unknown one is never resent on its own.
        stack.now += dt.timedelta(hours=2)
        await stack.send_all()
        status = {k: m.status for k, m in _by_to(await stack.messages()).items()}
        assert status["t421"] == status["t451"] == status["t452"] == "sent"
        assert status["drop"] == "unknown"
        stack.now += dt.timedelta(days=1)
        await stack.send_all()
        drop_id = msgs["drop"].message_id
        assert drop_id is not None
        assert stack.sink.message_ids[drop_id] == 1  # stored once by the sink, never sent again
        assert not stack.sink.duplicates()
        progress = await stack.progress(campaign["id"])
        assert progress == {**progress, "sent": 4, "bounced": 1, "failed": 1, "unknown": 1, "pending": 0}

        # The admin decides about the unknown one: sales may not, an admin resends with the same Message-ID.
        refused = await stack.email.post(f"/email/messages/{msgs['drop'].id}/resend", headers=stack.sales)
        assert refused.status_code == 403
        resent = await stack.email.post(f"/email/messages/{msgs['drop'].id}/resend", headers=stack.admin)
        assert resent.status_code == 200, resent.text
        assert resent.json()["status"] == "queued"
        discard = await stack.email.post(f"/email/messages/{msgs['big'].id}/discard", headers=stack.admin)
        assert discard.status_code == 200 and discard.json()["resolution"] == "discarded"
        again = await stack.email.post(f"/email/messages/{msgs['big'].id}/resend", headers=stack.admin)
        assert again.status_code == 409


async def test_a_policy_refusal_pauses_the_mailbox_not_the_recipient(database_url: str, tmp_path: Path) -> None:
    faults = [Fault("^first@", "data", "554 5.7.1 Message rejected: sender not authorised", times=1)]
    async with email_stack(database_url, tmp_path, sink_options={"faults": faults}) as stack:
        await _campaign(stack, ["first", "second"])
        await stack.send_all()
        [box] = (await stack.email.get("/email/mailboxes", headers=stack.admin)).json()
        assert box["paused_at"] is not None and "5.7.1" in box["paused_reason"]
        by_to = _by_to(await stack.messages())
        assert by_to["first"].status == "queued" and by_to["first"].attempts == 0
        # Another connection of the mailbox may have had "second" on the wire already; nothing starts after.
        assert stack.sink.count == (1 if by_to["second"].status == "sent" else 0)
        async with stack.runtime.sessions() as s:
            assert await repo.is_suppressed(s, "first@client.example") is None
        resumed = await stack.email.post(f"/email/mailboxes/{box['id']}/resume", headers=stack.admin)
        assert resumed.status_code == 200 and resumed.json()["paused_at"] is None
        await stack.send_all()
        assert {m.status for m in await stack.messages()} == {"sent"}
        assert stack.sink.count == 2


async def test_the_message_moved_to_sending_ahead_goes_back_when_the_mailbox_pauses(database_url: str,
                                                                                   tmp_path: Path) -> None:
    """One connection: while "first" is on the wire, "second" is already moved to "sending" (the engine marks
    one ahead). The policy refusal of "first" pauses the mailbox: "second" never goes and is queued again, its
    attempt not counted; nothing is left in "sending" (which would turn "unknown")."""
    faults = [Fault("^first@", "data", "554 5.7.1 Message rejected: sender not authorised", times=1)]
    async with email_stack(database_url, tmp_path, sink_options={"faults": faults}) as stack:
        await _campaign(stack, ["first", "second", "third"], max_connections=1)
        await stack.send_all()
        by_to = _by_to(await stack.messages())
        assert {k: (m.status, m.attempts, m.locked_by) for k, m in by_to.items()} == {
            "first": ("queued", 0, None), "second": ("queued", 0, None), "third": ("queued", 0, None)}
        assert stack.sink.count == 0
        [box] = (await stack.email.get("/email/mailboxes", headers=stack.admin)).json()
        await stack.email.post(f"/email/mailboxes/{box['id']}/resume", headers=stack.admin)
        await stack.send_all()
        assert {m.status for m in await stack.messages()} == {"sent"} and stack.sink.count == 3


async def test_a_wrong_password_pauses_the_mailbox_and_test_shows_the_reply(database_url: str,
                                                                            tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path, sink_options={"users": {"anna": "right password"}}) as stack:
        _c, _ids = await _campaign(stack, ["lena"], smtp_username="anna", smtp_password="wrong password")
        [box] = (await stack.email.get("/email/mailboxes", headers=stack.admin)).json()
        assert box["has_smtp_password"] is True
        assert "wrong password" not in str(box)
        tested = (await stack.email.post(f"/email/mailboxes/{box['id']}/test", headers=stack.admin)).json()
        assert tested["ok"] is False
        assert tested["steps"][0]["reply"].startswith("220")
        assert tested["steps"][-1]["name"] == "auth" and tested["steps"][-1]["reply"].startswith("535")
        await stack.send_all()
        [box] = (await stack.email.get("/email/mailboxes", headers=stack.admin)).json()
        assert box["paused_reason"] and "535" in box["paused_reason"]
        [message] = await stack.messages()
        assert message.status == "queued" and message.attempts == 0, (message.error, message.smtp_reply)

        fixed = await stack.email.patch(f"/email/mailboxes/{box['id']}", headers=stack.admin,
                                        json={"smtp_password": "right password"})
        assert fixed.status_code == 200 and "right password" not in fixed.text
        tested = (await stack.email.post(f"/email/mailboxes/{box['id']}/test", headers=stack.admin)).json()
        assert tested["ok"] is True
        await stack.email.post(f"/email/mailboxes/{box['id']}/resume", headers=stack.admin)
        await stack.send_all()
        [message] = await stack.messages()
        assert message.status == "sent"
        assert stack.sink.deliveries[0].auth_user == "anna"


async def test_a_contact_unsubscribed_while_claimed_gets_nothing(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        campaign, ids = await _campaign(stack, ["lena", "max"])
        claimed = await stack.engine.claim()
        assert sum(len(c.ids) for c in claimed) == 2
        token = unsubscribe_token(stack.runtime.deps.link_key,
                                  UnsubscribeTarget("lena@client.example", ids["lena"], campaign["id"]))
        resp = await stack.email.post(f"/email/unsubscribe/{token}", content="List-Unsubscribe=One-Click",
                                      headers={"content-type": "application/x-www-form-urlencoded"})
        assert resp.status_code == 200, resp.text
        for batch in claimed:
            await stack.engine._send_mailbox(batch)
        assert [d.rcpt_tos for d in stack.sink.deliveries] == [("max@client.example",)]
        msgs = _by_to(await stack.messages())
        assert msgs["lena"].status == "failed" and msgs["lena"].resolution == "withdrawn"
        progress = await stack.progress(campaign["id"])
        assert progress["unsubscribed"] == 1 and progress["failed"] == 0 and progress["sent"] == 1


async def test_a_deleted_contact_is_not_mailed(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        ids = (await _campaign(stack, ["lena", "max"]))[1]
        deleted = await stack.leads.delete(f"/leads/contacts/{ids['lena']}", headers=stack.admin)
        assert deleted.status_code == 204
        await stack.send_all()
        assert [d.rcpt_tos for d in stack.sink.deliveries] == [("max@client.example",)]
        async with stack.runtime.sessions() as s:
            lena = (await s.execute(sa.select(Message).where(Message.contact_id == ids["lena"]))).scalar_one()
        assert lena.status == "failed" and lena.sent_at is None
