"""Replies labelled by the ai service's model when it has one (the real openai SDK in the ai service, pointed at
the wire-level stand-in), read from a real Dovecot; an ai failure falls back to the rules and loses nothing;
without a model (or without an ai service) the poller keeps its own rules and asks nobody."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from services.email import repository as repo
from services.email.inbound import RuleClassifier
from services.email.models import REPLIED
from services.email.replies import poll_one_mailbox
from services.email.reply_labels import AIReplyClassifier, reply_classifier
from tests.email.inbound_support import EmailStack, email_stack
from tests.email.mail_samples import crlf
from tests.fakes.dovecot import Dovecot
from tests.fakes.openai_server import FakeOpenAI


def _reply(to_mid: str, body: str, *, mid: str, sender: str) -> bytes:
    return crlf(f"""From: {sender}
To: sales@outbound.example
Subject: Re: Kurze Frage
Message-ID: {mid}
In-Reply-To: {to_mid}
References: {to_mid}
Content-Type: text/plain; charset=utf-8

{body}""")


async def _reply_detail(stack: EmailStack, contact_id: int) -> dict[str, Any]:
    [event] = [e for e in await stack.events("reply") if e.contact_id == contact_id]
    detail: dict[str, Any] = event.detail
    return detail


async def test_the_model_labels_replies_and_a_failure_falls_back_to_rules(
        database_url: str, tmp_path: Path, dovecot: Dovecot, imap_user: tuple[str, str]) -> None:
    with FakeOpenAI() as fake:
        ai = {"openai_api_key": "sk-test", "openai_base_url": fake.base_url, "ai_retry_base_delay": 0.01,
              "ai_retry_max_delay": 0.05, "openai_timeout": 5.0}
        async with email_stack(database_url, tmp_path, with_ai=True, ai_overrides=ai) as stack:
            stack.now = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
            box = await stack.mailbox(imap=(dovecot.host, dovecot.port, *imap_user))
            people = [await stack.contact(f"Person {i}", f"p{i}@client.example") for i in range(3)]
            camp = await stack.campaign(box, people)
            p = [c["id"] for c in people]
            mids = {c["id"]: camp["messages"][c["id"]][1] for c in people}
            assert isinstance(await reply_classifier(stack.runtime.deps.ai), AIReplyClassifier)
            await poll_one_mailbox(stack.runtime, box)  # the empty box: the cursor starts here

            # The rules see nothing in this reply ("other"); the model reads a request for a price.
            fake.answer({"label": "interested", "confidence": 0.88, "reason": "asks what it costs"})
            dovecot.append(imap_user[0], _reply(mids[p[0]], "What would this cost us for 12 machines?",
                                                mid="<r0@client.example>", sender=f"P0 <{people[0]['email']}>"))
            done = await poll_one_mailbox(stack.runtime, box)
            assert done.categories == {"interested": 1}
            detail = await _reply_detail(stack, p[0])
            assert (detail["category"], detail["classifier"], detail["confidence"]) == ("interested", "openai", 0.88)
            [call] = [c for c in fake.calls]
            assert "What would this cost us" in call.text and "UNTRUSTED_REPLY" in call.text
            # An interested reply gets its draft answer job, as with the rules.
            assert [j.payload["message_id"] for j in await stack.jobs("email.reply_draft")] == [
                camp["messages"][p[0]][0]]

            # The model's provider fails every attempt: the rules label the reply, which is recorded as ever.
            fake.reset()
            fake.queue("500", times=50)
            dovecot.append(imap_user[0], _reply(mids[p[1]], "Bitte nehmen Sie mich aus Ihrem Verteiler.",
                                                mid="<r1@client.example>", sender=f"P1 <{people[1]['email']}>"))
            done = await poll_one_mailbox(stack.runtime, box)
            assert (done.replies, done.unsubscribes) == (1, 1)
            detail = await _reply_detail(stack, p[1])
            assert detail["category"] == "unsubscribe" and detail["classifier"] == "rules"
            assert "the ai service failed" in detail["reason"]
            assert (await stack.enrolment(camp["enrolments"][p[1]])).stop_reason == "unsubscribed"
            assert fake.calls  # it was asked

            # The model says "unsubscribe" where the rules would not: that stops and suppresses just the same.
            fake.reset()
            fake.answer({"label": "unsubscribe", "confidence": 0.95, "reason": "objects to being written to"})
            dovecot.append(imap_user[0], _reply(mids[p[2]], "Woher haben Sie meine Adresse? Das möchte ich nicht.",
                                                mid="<r2@client.example>", sender=f"P2 <{people[2]['email']}>"))
            done = await poll_one_mailbox(stack.runtime, box)
            assert (done.replies, done.unsubscribes) == (1, 1)
            assert (await _reply_detail(stack, p[2]))["classifier"] == "openai"
            assert (await stack.message(camp["messages"][p[2]][0])).status == REPLIED

            # A re-poll from an old cursor asks the model about nothing already recorded.
            fake.reset()
            async with stack.runtime.sessions() as s:
                mailbox = await repo.get_mailbox(s, box)
                assert mailbox is not None and mailbox.imap_state is not None
                state = {"uidvalidity": mailbox.imap_state["uidvalidity"], "last_uid": 0}
                await repo.set_imap_state(s, box, state=state, polled_at=stack.now, error=None)
                await s.commit()
            again = await poll_one_mailbox(stack.runtime, box)
            assert again.replies == 0 and again.duplicates == 3
            assert fake.calls == []


async def test_without_a_model_the_poller_keeps_its_rules(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path, with_ai=True) as stack:  # the heuristic provider
        assert isinstance(await reply_classifier(stack.runtime.deps.ai), RuleClassifier)
    async with email_stack(database_url, tmp_path / "no-ai") as stack:  # no ai service at all
        assert isinstance(await reply_classifier(stack.runtime.deps.ai), RuleClassifier)
