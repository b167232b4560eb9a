"""What a booking's confirmations say: the e-mails to the lead and to the host, in German or English, with
times in the reader's zone and an RFC 5545 invitation attached (REQUEST, or CANCEL when cancelled).

Pure functions: the jobs (jobs.py) read the booking, build the message here, and hand it to the e-mail
service keyed ``booking:<id>:v<sequence>:<lead|host>``, so a retried job never mails twice.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from services.email.schemas import Attachment, TimelineNote, TransactionalCreate

from .ics import Meeting, Method, Person, invitation, meeting_uid, one_line
from .models import Booking, BookingPage, Host
from .zones import is_valid_zone

Kind = Literal["confirmed", "rescheduled", "cancelled"]
Audience = Literal["lead", "host"]
KINDS: tuple[Kind, ...] = ("confirmed", "rescheduled", "cancelled")

_DAYS = {"en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
         "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")}
_MONTHS = {"en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"),
           "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                  "November", "Dezember")}

_SUBJECT = {
    ("en", "lead", "confirmed"): "Confirmed: {title} with {host}, {when}",
    ("en", "lead", "rescheduled"): "Moved: {title} with {host}, now {when}",
    ("en", "lead", "cancelled"): "Cancelled: {title} with {host}, {when}",
    ("en", "host", "confirmed"): "New meeting: {visitor}, {title}, {when}",
    ("en", "host", "rescheduled"): "Moved: {visitor}, {title}, now {when}",
    ("en", "host", "cancelled"): "Cancelled: {visitor}, {title}, {when}",
    ("de", "lead", "confirmed"): "Bestätigt: {title} mit {host}, {when}",
    ("de", "lead", "rescheduled"): "Verschoben: {title} mit {host}, jetzt {when}",
    ("de", "lead", "cancelled"): "Abgesagt: {title} mit {host}, {when}",
    ("de", "host", "confirmed"): "Neuer Termin: {visitor}, {title}, {when}",
    ("de", "host", "rescheduled"): "Verschoben: {visitor}, {title}, jetzt {when}",
    ("de", "host", "cancelled"): "Abgesagt: {visitor}, {title}, {when}",
}
_OPENING = {
    ("en", "lead", "confirmed"): "Hello {name},\n\nyour meeting is booked.",
    ("en", "lead", "rescheduled"): "Hello {name},\n\nyour meeting has moved to a new time.",
    ("en", "lead", "cancelled"): "Hello {name},\n\nyour meeting has been cancelled.",
    ("en", "host", "confirmed"): "{visitor} booked a meeting with you.",
    ("en", "host", "rescheduled"): "{visitor} moved your meeting to a new time.",
    ("en", "host", "cancelled"): "The meeting with {visitor} has been cancelled.",
    ("de", "lead", "confirmed"): "Hallo {name},\n\nIhr Termin ist gebucht.",
    ("de", "lead", "rescheduled"): "Hallo {name},\n\nIhr Termin wurde auf eine neue Zeit verschoben.",
    ("de", "lead", "cancelled"): "Hallo {name},\n\nIhr Termin wurde abgesagt.",
    ("de", "host", "confirmed"): "{visitor} hat einen Termin bei Ihnen gebucht.",
    ("de", "host", "rescheduled"): "{visitor} hat Ihren Termin verschoben.",
    ("de", "host", "cancelled"): "Der Termin mit {visitor} wurde abgesagt.",
}
_WORDS = {
    "en": {"when": "When", "with": "With", "where": "Where", "email": "E-mail", "note": "Note",
           "reschedule": "Need another time?", "cancel": "Cannot make it?", "booking": "In the CRM",
           "invite": "The attached invitation adds the meeting to your calendar.", "reason": "Reason",
           "invite_cancel": "The attached cancellation removes the meeting from your calendar.",
           "campaign": "Campaign", "video": "Video call"},
    "de": {"when": "Wann", "with": "Mit", "where": "Wo", "email": "E-Mail", "note": "Notiz",
           "reschedule": "Andere Zeit?", "cancel": "Absagen:", "booking": "Im CRM",
           "invite": "Mit der angehängten Einladung tragen Sie den Termin in Ihren Kalender ein.",
           "invite_cancel": "Die angehängte Absage entfernt den Termin aus Ihrem Kalender.", "reason": "Grund",
           "campaign": "Kampagne", "video": "Videoanruf"},
}


@dataclass(frozen=True)
class Links:
    """Where the reader can act: the lead's manage links, the host's view of the booking."""

    reschedule_url: str | None = None
    cancel_url: str | None = None
    crm_url: str | None = None


def reader_zone(booking: Booking, host: Host, page: BookingPage, audience: Audience, host_zone: str | None) -> str:
    """The zone a reader sees times in: the lead's own, the host's stated one (UTC as the last resort)."""
    if audience == "lead" and is_valid_zone(booking.visitor_timezone):
        return booking.visitor_timezone
    return host_zone if host_zone and is_valid_zone(host_zone) else "UTC"


def reader_language(booking: Booking, page: BookingPage, audience: Audience) -> str:
    language = booking.language if audience == "lead" else page.language
    return language if language in _DAYS else "en"


def when(start: dt.datetime, end: dt.datetime, zone_name: str, language: str) -> str:
    """``Tuesday, 3 June 2025, 10:00-10:30 (Europe/Berlin, UTC+02:00)`` in the reader's language and zone."""
    zone = ZoneInfo(zone_name)
    local, finish = start.astimezone(zone), end.astimezone(zone)
    offset = local.strftime("%z")
    offset_text = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    day = _DAYS[language][local.weekday()]
    month = _MONTHS[language][local.month - 1]
    span = f"{local:%H:%M}\u2013{finish:%H:%M}"  # an en dash between the times
    if language == "de":
        return f"{day}, {local.day}. {month} {local.year}, {span} Uhr ({zone_name}, {offset_text})"
    return f"{day}, {local.day} {month} {local.year}, {span} ({zone_name}, {offset_text})"


def meeting(booking: Booking, page: BookingPage, host: Host, *, domain: str, zone: str, audience: Audience,
            url: str | None = None, cancelled: bool = False) -> Meeting:
    """The invitation's view of a booking, for one reader."""
    other = booking.visitor_name if audience == "host" else host.name
    answers = [(str(a.get("question", "")), str(a.get("answer", ""))) for a in booking.answers or []]
    if booking.note:
        answers.append((_WORDS[reader_language(booking, page, audience)]["note"], booking.note))
    return Meeting(
        uid=meeting_uid(str(booking.id), domain), sequence=booking.sequence,
        start=booking.start_at, end=booking.end_at, summary=f"{page.title}: {other}",
        organizer=Person(host.email, host.name),
        attendees=[Person(booking.visitor_email, booking.visitor_name), Person(host.email, host.name)],
        timezone=zone, description=page.description or "", answers=answers,
        location=booking.meet_url or page.location, url=url, cancelled=cancelled,
    )


def message(booking: Booking, page: BookingPage, host: Host, *, kind: Kind, audience: Audience,
            host_zone: str | None, links: Links, domain: str, now: dt.datetime,
            attach_invitation: bool = True) -> TransactionalCreate:
    """The e-mail of one booking change to one reader, keyed by what it means."""
    language = reader_language(booking, page, audience)
    zone = reader_zone(booking, host, page, audience, host_zone)
    words = _WORDS[language]
    when_text = when(booking.start_at, booking.end_at, zone, language)
    fields = {"title": one_line(page.title, 120), "host": one_line(host.name, 80),
              "visitor": one_line(booking.visitor_name, 80), "name": one_line(booking.visitor_name, 120),
              "when": when_text}
    subject = one_line(_SUBJECT[(language, audience, kind)].format(**fields), 300)
    lines = [_OPENING[(language, audience, kind)].format(**fields), "", fields["title"],
             f"{words['when']}: {when_text}",
             f"{words['with']}: {fields['host'] if audience == 'lead' else fields['visitor']}"]
    where = booking.meet_url or page.location
    if where:
        lines.append(f"{words['where']}: {one_line(where, 500)}")
    if audience == "host":
        lines.append(f"{words['email']}: {booking.visitor_email}")
        for answer in booking.answers or []:
            lines += ["", f"{one_line(str(answer.get('question', '')), 200)}:", str(answer.get("answer", ""))]
        if booking.note:
            lines += ["", f"{words['note']}:", booking.note]
        if booking.cancel_reason and kind == "cancelled":
            lines += ["", f"{words['reason']}: {booking.cancel_reason}"]
        if links.crm_url:
            lines += ["", f"{words['booking']}: {links.crm_url}"]
    elif kind != "cancelled":
        if links.reschedule_url:
            lines += ["", f"{words['reschedule']} {links.reschedule_url}"]
        if links.cancel_url:
            lines.append(f"{words['cancel']} {links.cancel_url}")
    attachments = []
    if attach_invitation:
        method: Method = "CANCEL" if kind == "cancelled" else "REQUEST"
        url = links.crm_url if audience == "host" else None
        raw = invitation(meeting(booking, page, host, domain=domain, zone=zone, audience=audience, url=url,
                                 cancelled=kind == "cancelled"), method, now=now)
        attachments.append(Attachment(filename="invite.ics", content_type=f"text/calendar; method={method}",
                                      content_base64=base64.b64encode(raw).decode()))
        lines += ["", words["invite_cancel" if kind == "cancelled" else "invite"]]
    lead = audience == "lead"
    return TransactionalCreate(
        key=f"booking:{booking.id}:v{booking.sequence}:{audience}",
        to=booking.visitor_email if lead else host.email,
        to_name=one_line(booking.visitor_name if lead else host.name, 200) or None,
        subject=subject,
        text="\n".join(lines).strip() + "\n",
        reply_to=host.email if lead else booking.visitor_email,
        contact_id=booking.contact_id if lead else None,
        company_id=booking.company_id if lead else None,
        attachments=attachments,
        timeline=TimelineNote(type=f"meeting.mail.{kind}", title=subject) if lead and booking.contact_id else None,
    )
