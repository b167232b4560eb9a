"""Invitations, cancellations and the feed, parsed back with icalendar: escaping, no injection, sizes."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from dataclasses import replace

import pytest
from icalendar import Calendar

from services.calendar.ics import (
    MAX_ANSWER_CHARS,
    MAX_DESCRIPTION_CHARS,
    Meeting,
    Person,
    feed,
    google_calendar_link,
    invitation,
    meeting_uid,
)
from services.kit.errors import Invalid

NOW = dt.datetime(2025, 3, 20, 9, 0, tzinfo=dt.UTC)
HOSTILE = 'Bob "The Builder"\r\nATTENDEE:mailto:evil@attacker.example\r\nEND:VEVENT; a, b \\ c\x00\x1b'
MEETING = Meeting(
    uid=meeting_uid("bk_42", "crm.example"),
    sequence=0,
    start=dt.datetime(2025, 3, 30, 8, 0, tzinfo=dt.UTC),  # 10:00 CEST, the day Berlin switches
    end=dt.datetime(2025, 3, 30, 8, 30, tzinfo=dt.UTC),
    summary="Intro call",
    organizer=Person("host@crm.example", "Hanna Host"),
    attendees=[Person("bob@client.example", "Bob"), Person("host@crm.example", "Hanna Host")],
    timezone="Europe/Berlin",
    description="Let's talk.",
    location="Video call",
)


def parse(raw: bytes) -> tuple[Calendar, list]:
    cal = Calendar.from_ical(raw)
    return cal, list(cal.walk("VEVENT"))


def attendees(event) -> list:
    found = event.get("attendee", [])
    return found if isinstance(found, list) else [found]


def assert_wire_format(raw: bytes) -> None:
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(b"\r" not in line for line in lines)
    unfolded = raw.replace(b"\r\n ", b"").decode()
    names = [line.split(":")[0].split(";")[0] for line in unfolded.split("\r\n") if line]
    return names  # type: ignore[return-value]


def test_a_request_parses_back_with_zone_uid_sequence_and_people() -> None:
    raw = invitation(MEETING, "REQUEST", now=NOW)
    assert_wire_format(raw)
    cal, [event] = parse(raw)
    assert cal["method"] == "REQUEST"
    assert str(event["uid"]) == "booking-bk_42@crm.example" and int(event["sequence"]) == 0
    start = event.decoded("dtstart")
    assert start == dt.datetime(2025, 3, 30, 10, 0, tzinfo=start.tzinfo) and start.utcoffset() == dt.timedelta(hours=2)
    assert event["dtstart"].params["TZID"] == "Europe/Berlin"
    [vtz] = cal.walk("VTIMEZONE")
    assert vtz["tzid"] == "Europe/Berlin" and len(raw) < 2_000  # narrow VTIMEZONE
    assert str(event["organizer"]) == "mailto:host@crm.example"
    assert [str(a) for a in event["attendee"]] == ["mailto:bob@client.example", "mailto:host@crm.example"]
    assert event["status"] == "CONFIRMED" and str(event["summary"]) == "Intro call"
    assert str(event["location"]) == "Video call"


def test_reschedule_keeps_the_uid_and_cancel_raises_the_sequence() -> None:
    moved = replace(MEETING, sequence=1, start=MEETING.start + dt.timedelta(days=1),
                    end=MEETING.end + dt.timedelta(days=1))
    _, [first] = parse(invitation(MEETING, "REQUEST", now=NOW))
    _, [second] = parse(invitation(moved, "REQUEST", now=NOW))
    cal, [cancelled] = parse(invitation(replace(moved, sequence=2), "CANCEL", now=NOW))
    assert first["uid"] == second["uid"] == cancelled["uid"]
    assert [int(e["sequence"]) for e in (first, second, cancelled)] == [0, 1, 2]
    assert cal["method"] == "CANCEL" and cancelled["status"] == "CANCELLED"


def with_text(field: str, text: str) -> Meeting:
    if field in ("summary", "description", "location"):
        return replace(MEETING, **{field: text})
    if field == "name":
        return replace(MEETING, attendees=[Person("bob@client.example", text)])
    return replace(MEETING, answers=[(text if field == "question" else "Q", text)])


@pytest.mark.parametrize("field", ["summary", "description", "location", "name", "question", "answer"])
def test_hostile_text_is_escaped_and_cannot_add_lines_or_properties(field: str) -> None:
    meeting = with_text(field, HOSTILE)
    raw = invitation(meeting, "REQUEST", now=NOW)
    names = assert_wire_format(raw)
    assert b"\x00" not in raw and b"\x1b" not in raw
    # The same properties in the same order as with harmless text: nothing added, nothing ended early.
    assert names == assert_wire_format(invitation(with_text(field, "plain"), "REQUEST", now=NOW))
    _, [event] = parse(raw)
    assert [str(a) for a in attendees(event)] == [f"mailto:{p.email}" for p in meeting.attendees]
    if field == "summary":
        assert str(event["summary"]) == 'Bob "The Builder" ATTENDEE:mailto:evil@attacker.example END:VEVENT; a, b \\ c'
    if field == "description":
        assert str(event["description"]).startswith(
            'Bob "The Builder"\nATTENDEE:mailto:evil@attacker.example\nEND:VEVENT; a, b \\ c')
        assert b"a\\, b \\\\ c" in raw.replace(b"\r\n ", b"")  # the library's escaping, exactly once
    if field == "name":
        cn = attendees(event)[0].params["CN"]
        assert "\n" not in cn and "\r" not in cn and cn.startswith('Bob "The Builder" ATTENDEE')
    if field == "answer":
        assert "ATTENDEE:mailto:evil@attacker.example\nEND:VEVENT; a, b \\ c" in str(event["description"])


def test_a_one_megabyte_answer_is_shortened_sensibly() -> None:
    huge = ("Wir möchten mehr erfahren über Ihr Angebot 🚀. " * 30_000)[:1_000_000]
    meeting = replace(MEETING, answers=[("Anything else?", huge), ("Company", "ACME GmbH")])
    raw = invitation(meeting, "REQUEST", now=NOW)
    assert len(raw) < 16_000
    assert_wire_format(raw)
    _, [event] = parse(raw)
    description = str(event["description"])
    assert len(description) <= MAX_DESCRIPTION_CHARS
    assert "Anything else?:\nWir möchten" in description and "[…]" in description
    assert "Company:\nACME GmbH" in description  # the later answer survives the long one
    answer = description.split("Anything else?:\n")[1].split("\n\nCompany", maxsplit=1)[0]
    assert len(answer) <= MAX_ANSWER_CHARS and not answer.endswith("Ange […]")
    assert len(google_calendar_link(meeting)) < 8_000  # browsers and Google cut longer URLs


def test_addresses_must_be_addresses() -> None:
    for bad in ("bob@client.example\r\nX-EVIL:1", "bob", "<bob@client.example>", "bob@client.example:x", ""):
        with pytest.raises(Invalid):
            invitation(replace(MEETING, attendees=[Person(bad, "Bob")]), "REQUEST", now=NOW)


def test_a_publish_file_has_no_people_and_utc_needs_no_vtimezone() -> None:
    raw = invitation(replace(MEETING, timezone="UTC"), "PUBLISH", now=NOW)
    cal, [event] = parse(raw)
    assert cal["method"] == "PUBLISH" and "attendee" not in event and "organizer" not in event
    assert not cal.walk("VTIMEZONE") and event.decoded("dtstart") == MEETING.start


def test_the_feed_lists_bookings_in_utc_with_a_refresh_hint() -> None:
    second = replace(MEETING, uid=meeting_uid("bk_43", "crm.example"), summary="Demo",
                     start=MEETING.start + dt.timedelta(days=2), end=MEETING.end + dt.timedelta(days=2))
    gone = replace(MEETING, uid=meeting_uid("bk_44", "crm.example"), sequence=1, cancelled=True)
    raw = feed("Hanna's bookings\r\nX-EVIL:1", [MEETING, second, gone], now=NOW)
    assert_wire_format(raw)
    cal, events = parse(raw)
    assert str(cal["x-wr-calname"]) == "Hanna's bookings X-EVIL:1" and cal["method"] == "PUBLISH"
    assert cal.decoded("refresh-interval") == dt.timedelta(minutes=15)
    assert [str(e["uid"]) for e in events] == ["booking-bk_42@crm.example", "booking-bk_43@crm.example",
                                              "booking-bk_44@crm.example"]
    assert events[0].decoded("dtstart") == MEETING.start and events[0].decoded("dtstart").utcoffset() == dt.timedelta(0)
    assert b"DTSTART:20250330T080000Z" in raw
    assert [e["status"] for e in events] == ["CONFIRMED", "CONFIRMED", "CANCELLED"]


def test_the_google_link_carries_utc_times_and_escaped_text() -> None:
    link = google_calendar_link(replace(MEETING, summary="Intro & more", answers=[("Q", HOSTILE)]))
    parsed = urllib.parse.urlsplit(link)
    assert (parsed.scheme, parsed.netloc, parsed.path) == ("https", "calendar.google.com", "/calendar/render")
    query = urllib.parse.parse_qs(parsed.query)
    assert query["action"] == ["TEMPLATE"] and query["text"] == ["Intro & more"]
    assert query["dates"] == ["20250330T080000Z/20250330T083000Z"]
    assert query["ctz"] == ["Europe/Berlin"] and query["location"] == ["Video call"]
    assert "\x00" not in query["details"][0] and "\r" not in query["details"][0]
