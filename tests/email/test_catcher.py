"""The local SMTP catcher: real SMTP in, a Maildir on disk, parsed back for the API."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from services.email.addresses import parse_address
from services.email.catcher import CaughtMailStore, SmtpCatcher, resolve_catcher_port
from services.email.headers import message_id
from services.email.mime import OutgoingMessage, Part, build_message
from services.email.settings import EmailSettings
from services.email.smtp import SendStatus, SmtpConfig, SmtpSender
from tests.conftest import free_port


def outgoing(i: int = 1) -> bytes:
    return build_message(OutgoingMessage(
        sender=parse_address("Jörg <joerg@outbound.example>"), to=parse_address(f"jane{i}@müller.de"),
        subject=f"Grüße {i}", text=f"Hallo {i}", html=f"<p>Hallo {i}</p>",
        message_id=message_id(b"s" * 32, "outbound.example", i), date=datetime(2026, 3, 2, tzinfo=UTC),
        list_unsubscribe_url="https://crm.example/u/1",
        parts=[Part(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "application/ics", filename="invite.ics")]))


def test_port_setting() -> None:
    assert resolve_catcher_port(0) is None
    assert resolve_catcher_port(2525) == 2525
    port = resolve_catcher_port("auto")
    assert port is not None and 1024 <= port <= 65535
    assert EmailSettings(smtp_catcher_port="auto").smtp_catcher_port == "auto"  # type: ignore[arg-type]
    assert EmailSettings(smtp_catcher_port="0").smtp_catcher_port == 0  # type: ignore[arg-type]
    assert EmailSettings(smtp_catcher_port="2526").smtp_catcher_port == 2526  # type: ignore[arg-type]


async def test_mail_sent_over_smtp_is_caught_and_readable(tmp_path: Path) -> None:
    store = CaughtMailStore(tmp_path / "catcher")
    port = free_port()
    async with SmtpCatcher(store, port=port), SmtpSender(SmtpConfig("127.0.0.1", port, "none", timeout=5)) as sender:
        outcome = await sender.send("joerg@outbound.example", ["jane1@xn--mller-kva.de"], outgoing(1))
        assert outcome.status is SendStatus.SENT and "caught as" in outcome.reply
        await sender.send("joerg@outbound.example", ["jane2@xn--mller-kva.de"], outgoing(2))
    items, total = store.list()
    assert total == 2 and [i.subject for i in items] == ["Grüße 2", "Grüße 1"]  # newest first
    caught = store.get(items[1].key)
    assert caught is not None
    assert caught.summary.mail_from == "joerg@outbound.example"
    assert caught.summary.rcpt_tos == ["jane1@xn--mller-kva.de"]
    assert caught.text and caught.text.strip() == "Hallo 1" and caught.html and "<p>Hallo 1</p>" in caught.html
    assert ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click") in caught.headers
    assert [(a.filename, a.content_type) for a in caught.attachments] == [("invite.ics", "application/ics")]
    assert caught.raw == outgoing(1)  # exactly what was sent
    # durable: a new store over the same directory (a restart) sees the same mail
    assert CaughtMailStore(tmp_path / "catcher").count() == 2
    assert os.listdir(tmp_path / "catcher" / "tmp") == []


def test_retention_delete_and_clear(tmp_path: Path) -> None:
    store = CaughtMailStore(tmp_path, max_messages=3)
    keys = [store.add(outgoing(i), "a@x.example", [f"b{i}@y.example"]) for i in range(5)]
    assert store.count() == 3 and store.get(keys[0]) is None and store.get(keys[4]) is not None
    assert store.delete(keys[4]) and not store.delete(keys[4])
    assert store.get("../../etc/passwd") is None and not store.delete("../x")
    assert store.clear() == 2 and store.count() == 0
