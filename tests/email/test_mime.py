"""The MIME builder: structure, CRLF, line lengths, unsubscribe and threading headers, header safety."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any

import pytest

from services.email.addresses import parse_address
from services.email.headers import HeaderInjection, header_value, message_id
from services.email.mime import OutgoingMessage, Part, build_message

SECRET = b"k" * 32
UNSUB = "https://crm.example.com/api/email/unsubscribe/abc123"


def message(**overrides: Any) -> OutgoingMessage:
    fields: dict[str, Any] = dict(
        sender=parse_address("Jörg Müller <joerg@outbound.example>"),
        to=parse_address("Jane Doe <jane+crm@müller.de>"),
        subject="Grüße aus München \u2013 kurze Frage zu Ihrem Angebot, die etwas länger ausfällt als üblich",
        text="Hallo Jane,\n\nkurze Frage." + "\n" + "lang " * 400,
        html="<p>Hallo Jane,</p><p>kurze Frage.</p>" + "<span>x</span>" * 400,
        message_id=message_id(SECRET, "outbound.example", "campaign", 7, "step", 1, "contact", 42),
        date=datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
        list_unsubscribe_url=UNSUB,
        list_unsubscribe_mailto="mailto:unsubscribe@outbound.example?subject=unsubscribe",
    )
    fields.update(overrides)
    return OutgoingMessage(**fields)


def parse(raw: bytes) -> EmailMessage:
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_wire_form_is_crlf_ascii_and_short_lines() -> None:
    raw = build_message(message())
    assert raw.isascii()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 78
    assert not defects(parse(raw))


def defects(msg: EmailMessage) -> list[Any]:
    return [d for part in msg.walk() for d in part.defects]


def test_alternative_parts_decode_to_what_was_given() -> None:
    m = message()
    parsed = parse(build_message(m))
    assert parsed.get_content_type() == "multipart/alternative"
    plain = parsed.get_body(("plain",))
    html = parsed.get_body(("html",))
    assert plain is not None and html is not None
    assert plain.get_content().replace("\r\n", "\n").rstrip("\n") == m.text.rstrip("\n")
    assert html.get_content().rstrip("\n") == m.html
    assert str(parsed["Subject"]) == m.subject
    assert parsed["To"].addresses[0].domain == "xn--mller-kva.de"
    assert parsed["From"].addresses[0].display_name == "Jörg Müller"


def test_text_only_message_is_a_single_part() -> None:
    parsed = parse(build_message(message(html=None, text="Nur Text.")))
    assert parsed.get_content_type() == "text/plain"
    assert parsed.get_content().strip() == "Nur Text."


def test_list_unsubscribe_and_one_click() -> None:
    parsed = parse(build_message(message()))
    value = str(parsed["List-Unsubscribe"]).replace("\r\n", "").replace("\n", "")
    assert f"<{UNSUB}>" in value and "<mailto:unsubscribe@outbound.example?subject=unsubscribe>" in value
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_one_click_needs_https() -> None:
    parsed = parse(build_message(message(list_unsubscribe_url="http://127.0.0.1:8000/u/1",
                                         list_unsubscribe_mailto=None)))
    assert parsed["List-Unsubscribe"] == "<http://127.0.0.1:8000/u/1>"
    assert parsed["List-Unsubscribe-Post"] is None


def test_threading_headers() -> None:
    first = message_id(SECRET, "outbound.example", "c", 1, 1)
    second = message_id(SECRET, "outbound.example", "c", 1, 2)
    parsed = parse(build_message(message(in_reply_to=second, references=[first, second])))
    assert parsed["In-Reply-To"] == second
    assert str(parsed["References"]).split() == [first, second]


def test_message_id_is_deterministic_and_secret_dependent() -> None:
    a = message_id(SECRET, "Outbound.Example", "campaign", 7, "step", 1, "contact", 42)
    assert a == message_id(SECRET, "outbound.example", "campaign", 7, "step", 1, "contact", 42)
    assert a != message_id(SECRET, "outbound.example", "campaign", 7, "step", 2, "contact", 42)
    assert a != message_id(b"x" * 32, "outbound.example", "campaign", 7, "step", 1, "contact", 42)
    assert a.startswith("<") and a.endswith("@outbound.example>")
    assert message_id(SECRET, "müller.de", 1).endswith("@xn--mller-kva.de>")


def test_calendar_invitation_and_attachment() -> None:
    ics = b"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"
    parsed = parse(build_message(message(parts=[
        Part(ics, "text/calendar", params=(("method", "REQUEST"),), placement="alternative"),
        Part(ics, "application/ics", filename="einladung-müller.ics"),
        Part(b"%PDF-1.4 \x00\xff binary", "application/pdf", filename="offer.pdf"),
    ])))
    assert parsed.get_content_type() == "multipart/mixed"
    calendar = next(p for p in parsed.walk() if p.get_content_type() == "text/calendar")
    assert calendar.get_param("method") == "REQUEST"
    assert calendar.get_content().replace("\r\n", "\n") == ics.decode().replace("\r\n", "\n")
    files = {p.get_filename(): p for p in parsed.iter_attachments()}
    assert set(files) == {"einladung-müller.ics", "offer.pdf"}
    assert files["offer.pdf"].get_content() == b"%PDF-1.4 \x00\xff binary"


def test_long_lines_and_dots_survive() -> None:
    text = "." + "x" * 5000 + "\n.\nline with trailing spaces   \n=3D literal"
    parsed = parse(build_message(message(text=text, html=None)))
    assert parsed.get_content().replace("\r\n", "\n").rstrip("\n") == text


def test_same_message_builds_identically() -> None:
    assert build_message(message()) == build_message(message())


# -- no control character reaches a header from any field ----------------------------------------

EVIL = ["Hi\r\nBcc: victim@example.org", "Hi\nX-Injected: 1", "Hi\rX: 1", "Hi\x00", "Hi\x0bthere", "Hi\u2028X: 1",
        "Hi\x85X: 1"]


@pytest.mark.parametrize("evil", EVIL)
def test_subject_injection_is_refused(evil: str) -> None:
    with pytest.raises(HeaderInjection):
        build_message(message(subject=evil))


@pytest.mark.parametrize("evil", EVIL)
def test_folding_removes_line_breaks_from_rendered_values(evil: str) -> None:
    folded = header_value(evil, field="subject", fold=True)
    raw = build_message(message(subject=folded))
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert b"Bcc:" not in head.replace(b"\r\n ", b" ").split(b"\r\n")[0]
    names = [line.split(b":", 1)[0] for line in head.split(b"\r\n") if line and line[:1] not in (b" ", b"\t")]
    assert b"X-Injected" not in names and b"Bcc" not in names and b"X" not in names


@pytest.mark.parametrize("field,value", [
    ("message_id", "<a@b>\r\nBcc: x@example.org"),
    ("message_id", "not-an-id"),
    ("in_reply_to", "<a@b>\nX: 1"),
    ("references", ["<a@b>", "<c@d>\r\nBcc: x@example.org"]),
    ("list_unsubscribe_url", UNSUB + "\r\nBcc: x@example.org"),
    ("list_unsubscribe_url", "https://x.example/a>, <https://evil.example/"),
    ("list_unsubscribe_url", "javascript:alert(1)"),
    ("list_unsubscribe_mailto", "mailto:u@x.example\r\nBcc: y@example.org"),
    ("list_unsubscribe_mailto", "https://not-a-mailto.example"),
    ("extra_headers", [("X-Campaign", "7\r\nBcc: x@example.org")]),
    ("extra_headers", [("X-Bad Name", "1")]),
    ("extra_headers", [("Bcc", "x@example.org")]),
])
def test_every_other_header_field_refuses_injection(field: str, value: Any) -> None:
    with pytest.raises(HeaderInjection):
        build_message(message(**{field: value}))


def test_attachment_metadata_cannot_inject() -> None:
    with pytest.raises(HeaderInjection):
        build_message(message(parts=[Part(b"x", "text/plain\r\nBcc: x@example.org")]))
    with pytest.raises(HeaderInjection):
        build_message(message(parts=[Part(b"x", "application/pdf", filename="a.pdf\r\nBcc: x@example.org")]))
    with pytest.raises(HeaderInjection):
        build_message(message(parts=[Part(b"x", "text/calendar", params=(("method", "REQUEST\r\nX: 1"),))]))


def test_display_names_from_addresses_are_encoded_never_raw() -> None:
    sender = parse_address("a@outbound.example").with_name('Evil "Name" \\ <b@c>')
    raw = build_message(message(sender=sender))
    parsed = parse(raw)
    assert parsed["From"].addresses[0].display_name == 'Evil "Name" \\ <b@c>'
    assert parsed["From"].addresses[0].addr_spec == "a@outbound.example"


@pytest.mark.parametrize("text", ["ü" * 100, "a" * 41 + "€" * 30, "😀" * 50, "x", "Grüße =?utf-8?q?x?= literal"])
def test_encoded_words_never_split_a_character(text: str) -> None:
    import email.header

    from services.email.headers import encoded_words

    words = encoded_words(text)
    assert all(len(line) <= 70 for line in words.split("\r\n "))
    assert str(email.header.make_header(email.header.decode_header(words.replace("\r\n ", " ")))) == text
