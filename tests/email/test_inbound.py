"""Inbound mail: DSNs (with and without the original), auto-replies, matching, reply categories."""

from __future__ import annotations

import pytest

from services.email.inbound import Kind, RuleClassifier, inspect_message, strip_quoted
from tests.email.mail_samples import (
    DSN,
    DSN_WITHOUT_ORIGINAL,
    MALFORMED,
    ORIGINAL_ID,
    OUTLOOK_HTML_REPLY,
    TEXT_BOUNCE,
    reply,
)


def test_rfc3464_dsn_becomes_a_hard_bounce_matched_to_our_message() -> None:
    found = inspect_message(DSN)
    assert found.kind is Kind.BOUNCE
    [bounce] = found.bounces
    assert bounce.recipient == "nobody@client.example" and bounce.status == "5.1.1" and bounce.hard
    assert bounce.original_message_id == ORIGINAL_ID and ORIGINAL_ID in found.references
    assert bounce.diagnostic and "User unknown" in bounce.diagnostic


def test_dsn_without_original_headers_still_names_the_recipients() -> None:
    found = inspect_message(DSN_WITHOUT_ORIGINAL)
    assert found.kind is Kind.BOUNCE and found.references == []
    gone, full = found.bounces
    assert (gone.recipient, gone.status, gone.hard, gone.original_message_id) == ("gone@client.example", "5.1.10",
                                                                                True, None)
    assert (full.recipient, full.action, full.hard, full.permanent) == ("full@client.example", "delayed", False, False)


def test_plain_text_bounce_from_mailer_daemon() -> None:
    found = inspect_message(TEXT_BOUNCE)
    assert found.kind is Kind.BOUNCE
    assert found.bounces[0].status == "5.1.1" and found.references == ["<orig-7@outbound.example>"]


def test_malformed_mime_does_not_crash() -> None:
    found = inspect_message(MALFORMED)
    assert found.kind is Kind.REPLY and found.references == ["<orig-9@outbound.example>"]
    assert "Angebot" in found.subject


@pytest.mark.parametrize("garbage", [b"", b"\x00\xff\xfe", b"Subject: x", b"Content-Type: multipart/report\r\n\r\n--",
                                     b"Content-Type: multipart/report; report-type=delivery-status; boundary=a\r\n\r\n"
                                     b"--a\r\nContent-Type: message/delivery-status\r\n\r\n\xff\xfe\r\n--a--\r\n"])
def test_garbage_never_raises(garbage: bytes) -> None:
    inspect_message(garbage)


def test_references_in_order_in_reply_to_first() -> None:
    found = inspect_message(reply("Danke!"))
    assert found.references == [ORIGINAL_ID, "<older@outbound.example>"]
    assert found.kind is Kind.REPLY and found.auto_reply_reason is None


def test_an_answer_refers_to_the_whole_thread_rfc5322() -> None:
    """References of an answer: the parent's References, then the parent's Message-ID (RFC 5322 §3.6.4)."""
    assert inspect_message(reply("Danke!")).thread == ["<older@outbound.example>", ORIGINAL_ID, "<r1@client.example>"]
    refs = b"References: <older@outbound.example> " + ORIGINAL_ID.encode() + b"\r\n"
    only_parent = reply("Danke!").replace(refs, b"")
    assert b"References" not in only_parent
    assert inspect_message(only_parent).thread == [ORIGINAL_ID, "<r1@client.example>"]
    # Several In-Reply-To ids and no References: none of them is the parent (the RFC says not to guess).
    several = only_parent.replace(f"In-Reply-To: {ORIGINAL_ID}".encode(),
                                  f"In-Reply-To: {ORIGINAL_ID} <other@x.example>".encode())
    assert inspect_message(several).thread == ["<r1@client.example>"]
    # A long thread keeps its first message and the latest ones.
    chain = " ".join(f"<m{i}@x.example>" for i in range(40))
    long = reply("Danke!").replace(b"References: <older@outbound.example> " + ORIGINAL_ID.encode(),
                                   f"References: {chain}".encode())
    thread = inspect_message(long).thread
    assert len(thread) == 20 and thread[0] == "<m0@x.example>" and thread[-2:] == ["<m39@x.example>",
                                                                                 "<r1@client.example>"]


@pytest.mark.parametrize("extra,subject", [
    ("Auto-Submitted: auto-replied\n", "Re: Kurze Frage"),
    ("X-Autoreply: yes\n", "Re: Kurze Frage"),
    ("X-Autorespond: Thanks for your mail\n", "Re: Kurze Frage"),
    ("Precedence: auto_reply\n", "Re: Kurze Frage"),
    ("Precedence: bulk\n", "Re: Kurze Frage"),
    ("X-MS-Exchange-Inbox-Rules-Loop: bob@client.example\n", "Re: Kurze Frage"),
    ("", "Abwesenheitsnotiz: Kurze Frage"),
    ("", "Automatische Antwort: Kurze Frage"),
    ("", "Out of Office: Kurze Frage"),
    ("", "Automatic reply: Kurze Frage"),
])
def test_auto_replies_are_recognised(extra: str, subject: str) -> None:
    found = inspect_message(reply("Ich bin bis zum 12. März nicht im Büro.", subject=subject, extra=extra))
    assert found.kind is Kind.AUTO_REPLY and found.auto_reply_reason
    assert found.out_of_office


def test_auto_submitted_no_is_a_person() -> None:
    assert inspect_message(reply("Gerne!", extra="Auto-Submitted: no\n")).kind is Kind.REPLY


def test_outlook_html_reply_is_stripped_and_classified() -> None:
    found = inspect_message(OUTLOOK_HTML_REPLY)
    assert found.reply_text == "Klingt interessant, rufen Sie mich gerne an."
    assert RuleClassifier().classify_sync(found.reply_text).category == "interested"


def test_strip_quoted_for_gmail_and_german_clients() -> None:
    assert strip_quoted("Yes please!\n\nOn Mon, 2 Mar 2026 at 10:00, Sales <s@x.example> wrote:\n> Interested?") \
        == "Yes please!"
    assert strip_quoted("Gerne.\n\nAm 02.03.2026 um 10:00 schrieb Sales <s@x.example>:\n> Interesse?") == "Gerne."
    assert strip_quoted("Nein danke.\n-----Original Message-----\nFrom: x") == "Nein danke."
    assert strip_quoted("From: my desk, with love\nthanks") == "From: my desk, with love\nthanks"


@pytest.mark.parametrize("text,category", [
    ("Sounds interesting - let's set up a call next week.", "interested"),
    ("Please send me more information.", "interested"),
    ("Klingt spannend, gerne einen Termin nächste Woche.", "interested"),
    ("Schicken Sie mir gerne weitere Infos.", "interested"),
    ("Not right now, maybe reach out in Q3.", "not_now"),
    ("Aktuell kein Bedarf, melden Sie sich gerne im nächsten Jahr.", "not_now"),
    ("We are not interested.", "not_now"),
    ("Wir sind nicht interessiert.", "not_now"),
    ("Please remove me from your list.", "unsubscribe"),
    ("Bitte nehmen Sie mich aus Ihrem Verteiler. Keine weiteren E-Mails!", "unsubscribe"),
    ("Bitte austragen.", "unsubscribe"),
    ("I'm not interested, unsubscribe me.", "unsubscribe"),
    ("I am out of the office until March 12 with limited access to email.", "out_of_office"),
    ("Ich bin im Urlaub und ab dem 12.03. wieder erreichbar.", "out_of_office"),
    ("Who are you?", "other"),
    ("Wer hat Ihnen meine Adresse gegeben?", "other"),
])
async def test_rule_classifier_german_and_english(text: str, category: str) -> None:
    result = await RuleClassifier().classify(text + "\n\nOn Mon, Sales wrote:\n> are you interested?")
    assert result.category == category, result
    assert result.classifier == "rules"
