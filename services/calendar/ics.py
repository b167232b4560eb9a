"""iCalendar (RFC 5545) for meetings: invitations, cancellations, a host's feed, and Google's "add" link.

Everything is built with the ``icalendar`` package, which escapes text (``;`` ``,`` ``\\`` newlines)
and parameter values (RFC 6868) itself, so nothing here pre-escapes. On top of that, what people type
is tidied before it goes in: control characters other than newline and tab are dropped, names and
addresses lose every line break (a CN or a mailto with a newline is never legitimate), addresses must
look like addresses, and long answers are shortened (:data:`MAX_ANSWER_CHARS`, whole description
:data:`MAX_DESCRIPTION_CHARS`) so a 1 MB form answer yields a normal-sized invitation.

A meeting keeps one UID for life (:func:`meeting_uid`); every change raises its SEQUENCE, and a
cancellation is METHOD:CANCEL with the same UID and a higher SEQUENCE, which is how calendar clients
match an update to the event they already hold. Times are written in the recipient's zone with a
VTIMEZONE covering only the meeting's days (``add_missing_timezones`` over a narrow range keeps it
small); the feed is written in UTC.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vText

from services.kit.errors import Invalid

from .zones import parse_zone

PRODID = "-//Outbound CRM//Calendar//EN"
MAX_ANSWER_CHARS = 2_000
MAX_DESCRIPTION_CHARS = 8_000
MAX_SUMMARY_CHARS = 255
MAX_NAME_CHARS = 120
MAX_GOOGLE_DETAILS_CHARS = 1_500
SHORTENED = " […]"
Method = Literal["REQUEST", "CANCEL", "PUBLISH"]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
_ADDRESS = re.compile(r"[^\s@<>\"(),;:\\\[\]\x00-\x1f\x7f]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")


@dataclass(frozen=True, slots=True)
class Person:
    """An organizer or attendee: an e-mail address and, optionally, a display name."""

    email: str
    name: str | None = None


@dataclass(frozen=True)
class Meeting:
    """What an invitation says about one booking."""

    uid: str
    sequence: int
    start: dt.datetime
    end: dt.datetime
    summary: str
    organizer: Person
    attendees: Sequence[Person]
    timezone: str = "UTC"  # the zone the times are written in: the recipient's
    description: str = ""
    answers: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (question, answer) from the form
    location: str | None = None
    url: str | None = None  # e.g. the manage page
    cancelled: bool = False


def meeting_uid(booking_id: str, domain: str) -> str:
    """The UID of a booking's meeting: stable across reschedules, unique across installations."""
    return f"booking-{booking_id}@{domain}"


def invitation(meeting: Meeting, method: Method, *, now: dt.datetime) -> bytes:
    """An RFC 5545 calendar object: REQUEST (new or moved), CANCEL, or PUBLISH (an "add to calendar" file)."""
    if method == "CANCEL" and not meeting.cancelled:
        meeting = replace(meeting, cancelled=True)
    cal = _calendar(method)
    zone = parse_zone(meeting.timezone, field="timezone")
    cal.add_component(_event(meeting, zone, now, with_people=method != "PUBLISH"))
    if meeting.timezone != "UTC":
        # Only the meeting's days (and one either side): the default 1970-2038 range costs kilobytes.
        first = meeting.start.astimezone(zone).date() - dt.timedelta(days=1)
        last = meeting.end.astimezone(zone).date() + dt.timedelta(days=1)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return bytes(cal.to_ical())


def feed(name: str, meetings: Iterable[Meeting], *, now: dt.datetime, refresh_minutes: int = 15) -> bytes:
    """A host's subscribable calendar of bookings (Outlook, Apple Calendar, Thunderbird), in UTC."""
    cal = _calendar("PUBLISH")
    title = _one_line(name, MAX_SUMMARY_CHARS)
    cal.add("name", title)
    cal.add("x-wr-calname", title)
    refresh = dt.timedelta(minutes=refresh_minutes)
    cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", refresh)
    utc = ZoneInfo("UTC")
    for meeting in meetings:
        cal.add_component(_event(meeting, utc, now, with_people=True))
    return bytes(cal.to_ical())


def google_calendar_link(meeting: Meeting) -> str:
    """A link that opens Google Calendar's "new event" form filled with this meeting."""
    stamp = "%Y%m%dT%H%M%SZ"
    query = {
        "action": "TEMPLATE",
        "text": _one_line(meeting.summary, MAX_SUMMARY_CHARS),
        "dates": f"{meeting.start.astimezone(dt.UTC):{stamp}}/{meeting.end.astimezone(dt.UTC):{stamp}}",
        "details": _shorten(_describe(meeting), MAX_GOOGLE_DETAILS_CHARS),
        "ctz": meeting.timezone,
    }
    if meeting.location:
        query["location"] = _one_line(meeting.location, MAX_SUMMARY_CHARS)
    return "https://calendar.google.com/calendar/render?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote)


# --- internals --------------------------------------------------------------------------------


def _calendar(method: Method) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    return cal


def _event(meeting: Meeting, zone: ZoneInfo, now: dt.datetime, *, with_people: bool) -> Event:
    if meeting.start.tzinfo is None or meeting.end.tzinfo is None or meeting.end <= meeting.start:
        raise ValueError("a meeting needs aware start < end")
    if meeting.sequence < 0:
        raise ValueError("SEQUENCE is zero or more")
    event = Event()
    event.add("uid", _one_line(meeting.uid, 255))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", now.astimezone(dt.UTC))
    event.add("last-modified", now.astimezone(dt.UTC))
    event.add("dtstart", meeting.start.astimezone(zone))
    event.add("dtend", meeting.end.astimezone(zone))
    event.add("summary", _one_line(meeting.summary, MAX_SUMMARY_CHARS))
    description = _describe(meeting)
    if description:
        event.add("description", description)
    if meeting.location:
        event.add("location", _one_line(meeting.location, MAX_SUMMARY_CHARS))
    if meeting.url:
        event.add("url", _one_line(meeting.url, 2000))
    event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if meeting.cancelled else "OPAQUE")
    if with_people:
        event.add("organizer", _address(meeting.organizer, organizer=True))
        for person in meeting.attendees:
            event.add("attendee", _address(person, organizer=False))
    return event


def _address(person: Person, *, organizer: bool) -> vCalAddress:
    email = person.email.strip()
    if len(email) > 254 or not _ADDRESS.fullmatch(email):
        raise Invalid("An e-mail address in the invitation is not valid.",
                      errors=[{"loc": ["email"], "msg": "not a valid e-mail address", "type": "email"}])
    address = vCalAddress(f"mailto:{email}")
    if person.name and _one_line(person.name, MAX_NAME_CHARS):
        address.params["cn"] = vText(_one_line(person.name, MAX_NAME_CHARS))
    if not organizer:
        address.params["cutype"] = vText("INDIVIDUAL")
        address.params["role"] = vText("REQ-PARTICIPANT")
        address.params["partstat"] = vText("ACCEPTED")  # the lead booked it and the host offered it
    return address


def _describe(meeting: Meeting) -> str:
    parts = [_clean(meeting.description)]
    for question, answer in meeting.answers:
        parts.append(f"{_one_line(question, 200)}:\n{_shorten(_clean(answer), MAX_ANSWER_CHARS)}")
    if meeting.url:
        parts.append(_one_line(meeting.url, 2000))
    return _shorten("\n\n".join(p for p in parts if p), MAX_DESCRIPTION_CHARS)


def plain_text(text: str, limit: int = MAX_DESCRIPTION_CHARS) -> str:
    """``text`` tidied as invitations have it (for other targets, e.g. a Google event), at most ``limit``."""
    return _shorten(_clean(text), limit)


def one_line(text: str, limit: int = MAX_SUMMARY_CHARS) -> str:
    """``text`` on one line, tidied, at most ``limit`` characters."""
    return _one_line(text, limit)


def _clean(text: str) -> str:
    """Newlines unified, control characters dropped, outer blank space gone."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _one_line(text: str, limit: int) -> str:
    return _shorten(" ".join(_clean(text.replace("\n", " ").replace("\r", " ")).split()), limit)


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - len(SHORTENED)]
    # End at a word boundary when one is near, so a word is not cut in half.
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if space > len(cut) - 40:
        cut = cut[:space]
    return cut.rstrip() + SHORTENED
