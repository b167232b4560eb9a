"""The confirmation e-mails: the reader's language and zone, the invitation (REQUEST, then CANCEL with a
higher SEQUENCE and the same UID), keys by meaning, and nothing a visitor types reaching a header."""

from __future__ import annotations

import base64
import datetime as dt

from icalendar import Calendar

from services.calendar.models import Booking, BookingPage, Host
from services.calendar.notify import Links, message, when

NOW = dt.datetime(2025, 3, 20, 9, 0, tzinfo=dt.UTC)
HOST = Host(user_id=2, name="Hanna Host", email="hanna@crm.example")
PAGE = BookingPage(id=5, host_id=2, title="Intro call", duration_minutes=30, description="About your outbound.",
                   language="de", location="Video call", questions=[])
LINKS = Links(reschedule_url="https://crm.example/book/manage?reschedule=r", cancel_url="https://crm.example/c")


def visit(**changes: object) -> Booking:
    values: dict[str, object] = dict(
        id=42, page_id=5, host_id=2, visitor_name="Bob\r\nBcc: evil@attacker.example",
        visitor_email="bob@client.example",
        visitor_timezone="America/New_York", language="en", answers=[{"id": "goal", "question": "Goal?",
                                                                      "answer": "Grow; fast, now \\o/"}],
        note=None, start_at=dt.datetime(2025, 3, 30, 8, 0, tzinfo=dt.UTC),
        end_at=dt.datetime(2025, 3, 30, 8, 30, tzinfo=dt.UTC), sequence=0, contact_id=7, company_id=3,
        provider="local", status="confirmed", cancel_reason=None)
    values.update(changes)
    return Booking(**values)


def invitation_of(mail) -> Calendar:  # type: ignore[no-untyped-def]
    [attachment] = mail.attachments
    return Calendar.from_ical(base64.b64decode(attachment.content_base64))


def test_the_lead_reads_english_in_new_york_time_with_an_invitation() -> None:
    mail = message(visit(), PAGE, HOST, kind="confirmed", audience="lead", host_zone="Europe/Berlin", links=LINKS,
                   domain="crm.example", now=NOW)
    assert mail.key == "booking:42:v0:lead" and mail.to == "bob@client.example"
    assert mail.subject == ("Confirmed: Intro call with Hanna Host, Sunday, 30 March 2025, 04:00\u201304:30 "
                            "(America/New_York, UTC-04:00)")
    assert "\n" not in mail.subject and mail.to_name == "Bob Bcc: evil@attacker.example"
    assert mail.text.startswith("Hello Bob Bcc: evil@attacker.example,\n\nyour meeting is booked.")
    assert LINKS.reschedule_url in mail.text and LINKS.cancel_url in mail.text  # type: ignore[operator]
    assert mail.reply_to == "hanna@crm.example" and (mail.contact_id, mail.company_id) == (7, 3)
    assert mail.timeline is not None and mail.timeline.type == "meeting.mail.confirmed"
    cal = invitation_of(mail)
    [event] = cal.walk("VEVENT")
    assert str(cal["method"]) == "REQUEST" and mail.attachments[0].content_type == "text/calendar; method=REQUEST"
    assert str(event["uid"]) == "booking-42@crm.example" and int(event["sequence"]) == 0
    assert event["dtstart"].params["TZID"] == "America/New_York"
    assert "Grow; fast, now \\o/" in str(event["description"])


def test_the_host_reads_the_pages_language_in_their_zone_with_the_answers() -> None:
    mail = message(visit(note="Bring numbers."), PAGE, HOST, kind="confirmed", audience="host",
                   host_zone="Europe/Berlin", links=Links(crm_url="https://crm.example/calendar/bookings/42"),
                   domain="crm.example", now=NOW)
    assert mail.key == "booking:42:v0:host" and mail.to == "hanna@crm.example"
    assert mail.subject.startswith("Neuer Termin: Bob Bcc: evil@attacker.example, Intro call, Sonntag, 30. März 2025, "
                                   "10:00\u201310:30 Uhr (Europe/Berlin, UTC+02:00)")
    assert "Goal?:\nGrow; fast, now \\o/" in mail.text and "Bring numbers." in mail.text
    assert "https://crm.example/calendar/bookings/42" in mail.text and "reschedule" not in mail.text
    assert mail.reply_to == "bob@client.example" and mail.contact_id is None and mail.timeline is None
    # With Google the event is already in the host's calendar: no second copy.
    google = message(visit(provider="google"), PAGE, HOST, kind="confirmed", audience="host",
                     host_zone="Europe/Berlin", links=Links(), domain="crm.example", now=NOW,
                     attach_invitation=False)
    assert google.attachments == []


def test_a_move_and_a_cancellation_keep_the_uid_and_raise_the_sequence() -> None:
    moved = message(visit(sequence=1, language="de"), PAGE, HOST, kind="rescheduled", audience="lead",
                    host_zone="Europe/Berlin", links=LINKS, domain="crm.example", now=NOW)
    assert moved.key == "booking:42:v1:lead" and moved.subject.startswith("Verschoben: Intro call mit Hanna Host")
    cancelled = message(visit(sequence=2, status="cancelled"), PAGE, HOST, kind="cancelled", audience="lead",
                        host_zone="Europe/Berlin", links=LINKS, domain="crm.example", now=NOW)
    assert cancelled.key == "booking:42:v2:lead" and cancelled.subject.startswith("Cancelled: ")
    assert LINKS.cancel_url not in cancelled.text  # type: ignore[operator]
    events = [next(iter(invitation_of(m).walk("VEVENT"))) for m in (moved, cancelled)]
    assert [str(e["uid"]) for e in events] == ["booking-42@crm.example"] * 2
    assert [int(e["sequence"]) for e in events] == [1, 2]
    assert str(invitation_of(cancelled)["method"]) == "CANCEL" and str(events[1]["status"]) == "CANCELLED"


def test_times_read_as_people_write_them() -> None:
    start = dt.datetime(2025, 10, 26, 1, 30, tzinfo=dt.UTC)
    assert when(start, start + dt.timedelta(minutes=30), "Europe/Berlin", "de") == \
        "Sonntag, 26. Oktober 2025, 02:30\u201303:00 Uhr (Europe/Berlin, UTC+01:00)"
    assert when(start, start + dt.timedelta(minutes=30), "UTC", "en") == \
        "Sunday, 26 October 2025, 01:30\u201302:00 (UTC, UTC+00:00)"
