"""The calendar service's demo rows: two hosts with their working hours, their booking pages (the demo's
booking page is bookable by anyone), personal links for the campaign's contacts, and the meetings those
contacts booked — past ones for won deals, upcoming ones for open ones — with their timeline entries.

Page and link tokens are derived from the seed, not random: a reset keeps every link a visitor saw
working. They guard nothing in a public demo; the sealed copies are sealed with the running service's key.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from services.calendar.availability import held_interval
from services.calendar.links import hash_token
from services.calendar.models import (
    Booking,
    BookingPage,
    GoogleConnectionRow,
    Host,
    Job,
    OAuthPending,
    PersonalLink,
)
from services.calendar.rules import parse_rules
from services.calendar.sealing import Sealer

from .story import ZONE, Story
from .users import demo_users
from .world import SEED, World

WORKING_HOURS = {"timezone": "Europe/Berlin", "weekly": {d: [["09:00", "12:30"], ["13:30", "17:00"]]
                                                         for d in ("mon", "tue", "wed", "thu", "fri")},
                 "slot_minutes": 30, "buffer_before_minutes": 0, "buffer_after_minutes": 15, "min_notice_minutes": 240,
                 "horizon_days": 30, "max_per_day": 6, "max_per_week": None, "overrides": []}
PAGES: tuple[tuple[int, int, str, int, str, list[dict[str, Any]]], ...] = (
    # id, host, title, minutes, description, questions
    (1, 1, "Erstgespräch Terminbuchung", 30,
     "Eine halbe Stunde: wir schauen gemeinsam, wie Ihre Kunden bei Ihnen Termine buchen und was sich "
     "automatisieren lässt.", [{"id": "topic", "label": "Worum soll es gehen?", "required": False,
                                "multiline": True}]),
    (2, 2, "Produktdemo Auftragsverwaltung", 45,
     "Eine Live-Demo mit Ihren eigenen Abläufen: vom Angebot bis zur Rechnung.",
     [{"id": "team", "label": "Wie viele Personen arbeiten mit?", "required": True, "multiline": False}]),
)


@dataclass
class CalendarSeed:
    rows: list[tuple[type[Any], list[dict[str, Any]]]]
    page_tokens: dict[int, str]
    timeline: list[dict[str, Any]]  # leads activities the bookings wrote


def demo_token(kind: str, number: int) -> str:
    """A token of the shape the calendar issues (43 url-safe characters), derived from the seed."""
    digest = hashlib.sha256(f"outbound-demo:{SEED}:{kind}:{number}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def calendar_rows(world: World, stories: list[Story], sealer: Sealer, demo_account_email: str,
                  public_url: str) -> CalendarSeed:
    rules = parse_rules(WORKING_HOURS)
    users = {u.id: u for u in demo_users(demo_account_email)}
    created = world.now - timedelta(days=60)
    hosts = [{"user_id": uid, "name": users[uid].name.removesuffix(" (Demo)"), "email": users[uid].email,
              "availability": WORKING_HOURS, "feed_token_hash": None, "feed_token_sealed": None,
              "created_at": created, "updated_at": created} for uid in (1, 2)]
    pages, tokens = [], {}
    for pid, host, title, minutes, description, questions in PAGES:
        token = demo_token("page", pid)
        tokens[pid] = token
        pages.append({"id": pid, "host_id": host, "title": title, "duration_minutes": minutes,
                      "description": description, "brand_name": "Nordlicht Software", "logo_url": None,
                      "colour": "#1d4ed8", "questions": questions, "location": "Videocall (Link folgt per E-Mail)",
                      "with_meet": False, "language": "de", "token_hash": hash_token(token),
                      "token_sealed": sealer.seal(token.encode(), f"page:{hash_token(token)}"), "active": True,
                      "created_at": created, "updated_at": created})
    links: list[dict[str, Any]] = []
    bookings: list[dict[str, Any]] = []
    timeline: list[dict[str, Any]] = []
    taken: set[tuple[int, Any]] = set()
    for story in stories:
        if story.campaign_id is None or story.sent_at is None:
            continue
        person = next(p for p in story.company.people if p.id == story.contact_id)
        page_id = 1 if story.host_id == 1 else 2
        token = demo_token("link", story.contact_id)
        link_id = len(links) + 1
        links.append({"id": link_id, "page_id": page_id, "token_hash": hash_token(token),
                      "token_sealed": sealer.seal(token.encode(), f"link:{hash_token(token)}"),
                      "contact_id": person.id, "company_id": story.company.id, "campaign_id": story.campaign_id,
                      "contact_name": person.name, "contact_email": person.email,
                      "expires_at": story.sent_at + timedelta(days=60), "created_at": story.sent_at})
        if story.meeting_at is None or story.replied_at is None:
            continue
        minutes = PAGES[page_id - 1][3]
        start = story.meeting_at
        while (story.host_id, start) in taken:  # two leads wanted the same hour: the later one took the next
            start += timedelta(hours=1)
        taken.add((story.host_id, start))
        held = held_interval(rules, start, timedelta(minutes=minutes))
        booked_at = story.replied_at + timedelta(hours=3)
        booking_id = len(bookings) + 1
        bookings.append({
            "id": booking_id, "page_id": page_id, "host_id": story.host_id, "link_id": link_id,
            "contact_id": person.id, "company_id": story.company.id, "campaign_id": story.campaign_id,
            "visitor_name": person.name, "visitor_email": person.email, "visitor_timezone": "Europe/Berlin",
            "language": "de", "answers": [{"id": q["id"], "question": q["label"],
                                           "answer": _answer(q["id"], story)} for q in PAGES[page_id - 1][5]],
            "note": None, "start_at": start, "end_at": start + timedelta(minutes=minutes), "held_from": held.start,
            "held_to": held.end, "status": "confirmed", "sequence": 0, "manage_version": 0, "source": "link",
            "provider": "local", "event_state": "none", "event_calendar_id": None, "event_id": None,
            "event_link": None, "meet_url": None, "idempotency_key": None, "request_hash": None,
            "cancelled_at": None, "cancelled_by": None, "cancel_reason": None, "created_at": booked_at,
            "updated_at": booked_at})
        host_name = hosts[0 if story.host_id == 1 else 1]["name"]
        local = start.astimezone(ZONE)
        timeline.append({
            "company_id": story.company.id, "contact_id": person.id, "type": "meeting.confirmed",
            "title": f"Meeting booked: {PAGES[page_id - 1][2]} with {host_name}, {local:%a %d %b %Y %H:%M} "
                     f"(Europe/Berlin)",
            "detail": {"booking_id": booking_id, "page_id": page_id, "page_title": PAGES[page_id - 1][2],
                       "host_id": story.host_id, "host_name": host_name, "campaign_id": story.campaign_id,
                       "start": start.isoformat(), "end": (start + timedelta(minutes=minutes)).isoformat(),
                       "source": "link", "booking_url": f"{public_url.rstrip('/')}/calendar/bookings/{booking_id}"},
            "actor": None, "source": "calendar", "external_id": f"calendar:booking:{booking_id}:v0:confirmed",
            "occurred_at": booked_at})
    rows: list[tuple[type[Any], list[dict[str, Any]]]] = [
        (Job, []), (Host, hosts), (BookingPage, pages), (PersonalLink, links), (Booking, bookings),
        (GoogleConnectionRow, []), (OAuthPending, [])]
    return CalendarSeed(rows=rows, page_tokens=tokens, timeline=timeline)


def _answer(question: str, story: Story) -> str:
    if question == "team":
        return story.company.employees
    return f"Online-Terminbuchung für {story.company.offers[0]}"
