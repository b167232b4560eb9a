"""A booking's signed single-purpose links: see it, move it, cancel it, download it; old links die."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from pathlib import Path

from icalendar import Calendar

from tests.calendar.support import NOW, booking, calendar_stack

HOSTILE = 'Bob "B" Builder\r\nATTENDEE:mailto:evil@attacker.example\r\nEND:VEVENT; a, b \\ c'


def tokens(made: dict) -> tuple[str, str]:  # type: ignore[type-arg]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(made["manage_url"]).query)
    return query["reschedule"][0], query["cancel"][0]


async def test_reschedule_moves_raises_the_sequence_and_retires_old_links(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        made = (await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                          json=booking("2025-06-03T10:00:00+02:00"))).json()
        reschedule, cancel = tokens(made)
        assert made["reschedule_url"].endswith(f"reschedule={reschedule}")
        view = await stack.calendar.get(f"/calendar/public/manage/{cancel}")
        assert view.status_code == 200 and view.json()["can_reschedule"] and view.json()["can_cancel"]
        assert view.json()["name"] == "Bob Visitor"

        free = await stack.calendar.get(f"/calendar/public/manage/{reschedule}/slots",
                                        params={"from": "2025-06-03", "to": "2025-06-03"})
        assert "2025-06-03T10:00:00+02:00" in [s["start"] for s in free.json()["slots"]]  # its own time is free
        # A cancel link cannot reschedule, nor list slots.
        assert (await stack.calendar.post(f"/calendar/public/manage/{cancel}/reschedule",
                                          json={"start": "2025-06-03T10:30:00+02:00"})).status_code == 404
        assert (await stack.calendar.get(f"/calendar/public/manage/{cancel}/slots",
                                         params={"from": "2025-06-03", "to": "2025-06-03"})).status_code == 404

        # Moving by less than its own length works (the booking does not block itself).
        moved = await stack.calendar.post(f"/calendar/public/manage/{reschedule}/reschedule",
                                          json={"start": "2025-06-03T10:30:00+02:00", "timezone": "Europe/London"})
        assert moved.status_code == 200, moved.text
        assert moved.json()["start"] == "2025-06-03T09:30:00+01:00" and moved.json()["timezone"] == "Europe/London"
        [row] = await stack.bookings()
        assert (row.sequence, row.manage_version) == (1, 1)
        assert row.held_from == dt.datetime(2025, 6, 3, 8, 30, tzinfo=dt.UTC)

        for old in (reschedule, cancel):
            stale = await stack.calendar.get(f"/calendar/public/manage/{old}")
            assert stale.status_code == 403 and "earlier version" in stale.json()["detail"]
        stale_move = await stack.calendar.post(f"/calendar/public/manage/{reschedule}/reschedule",
                                               json={"start": "2025-06-03T11:00:00+02:00"})
        assert stale_move.status_code == 403
        assert (await stack.calendar.post(f"/calendar/public/manage/{cancel}/cancel", json={})).status_code == 403

        new_reschedule, new_cancel = tokens(moved.json())
        refused = await stack.calendar.post(f"/calendar/public/manage/{new_reschedule}/reschedule",
                                            json={"start": "2025-06-03T10:10:00+02:00"})
        assert refused.status_code == 422 and refused.json()["errors"][0]["type"] == "not_a_slot"
        gone = await stack.calendar.post(f"/calendar/public/manage/{new_cancel}/cancel", json={"reason": "Ill."})
        assert gone.status_code == 200 and gone.json()["status"] == "cancelled"
        assert gone.json()["can_cancel"] is False and gone.json()["can_reschedule"] is False
        again = await stack.calendar.post(f"/calendar/public/manage/{new_cancel}/cancel", json={})
        assert again.status_code == 200 and again.json()["status"] == "cancelled"
        [row] = await stack.bookings()
        assert (row.status, row.sequence, row.cancelled_by, row.cancel_reason) == ("cancelled", 2, "lead", "Ill.")
        cannot = await stack.calendar.post(f"/calendar/public/manage/{new_reschedule}/reschedule",
                                           json={"start": "2025-06-03T11:00:00+02:00"})
        assert cannot.status_code == 409 and cannot.json()["detail"] == "This booking was cancelled."
        # The time is free again.
        rebook = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                           json=booking("2025-06-03T10:30:00+02:00", email="c@visitor.example"))
        assert rebook.status_code == 201


async def test_forged_expired_and_started(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        made = (await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                          json=booking("2025-06-03T10:00:00+02:00"))).json()
        reschedule, cancel = tokens(made)
        body, mac = cancel.split(".")
        forged = [f"{body}.{mac[:-1]}{'A' if mac[-1] != 'A' else 'B'}", "x.y", cancel + "x", reschedule[::-1]]
        for link in forged:
            resp = await stack.calendar.get(f"/calendar/public/manage/{link}")
            assert (resp.status_code, resp.json()["detail"]) == (404, "This link is not valid."), link
        stack.now = dt.datetime(2025, 6, 3, 8, 5, tzinfo=dt.UTC)  # five minutes into the meeting
        late = await stack.calendar.post(f"/calendar/public/manage/{cancel}/cancel", json={})
        assert late.status_code == 409 and "already begun" in late.json()["detail"]
        stack.now = dt.datetime(2025, 7, 10, tzinfo=dt.UTC)  # a month after it
        expired = await stack.calendar.get(f"/calendar/public/manage/{cancel}")
        assert expired.status_code == 403 and expired.json()["detail"] == "This link has expired."
        stack.now = NOW


async def test_the_ics_download_and_google_link_escape_what_people_type(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        await stack.calendar.patch(f"/calendar/pages/{page['id']}", headers=stack.sales,
                                   json={"questions": [{"id": "goal", "label": "Goal; why, how\\?"}]})
        made = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings", json=booking(
            "2025-06-03T10:00:00+02:00", name=HOSTILE, timezone="America/New_York",
            answers={"goal": "Line one\r\nBEGIN:VALARM\r\nX; y, z \\ w"}, note="Semi; colon, comma \\ slash\nnext"))
        assert made.status_code == 201, made.text
        reschedule, _cancel = tokens(made.json())
        assert made.json()["ics_url"] == f"https://crm.example/api/calendar/public/manage/{reschedule}/invite.ics"
        resp = await stack.calendar.get(f"/calendar/public/manage/{reschedule}/invite.ics")
        assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/calendar")
        assert 'filename="meeting.ics"' in resp.headers["content-disposition"]
        raw = resp.content
        lines = raw.split(b"\r\n")
        assert raw.endswith(b"\r\n") and all(len(line) <= 75 for line in lines)
        unfolded = raw.replace(b"\r\n ", b"").decode()
        names = [line.split(":")[0].split(";")[0] for line in unfolded.split("\r\n") if line]
        assert names.count("BEGIN") == names.count("END") == 4  # VCALENDAR, VEVENT, VTIMEZONE + one rule
        assert "VALARM" not in [line.split(":", 1)[1] for line in unfolded.split("\r\n") if line.startswith("BEGIN")]
        assert "ATTENDEE:mailto:evil" not in unfolded
        cal = Calendar.from_ical(raw)
        [event] = cal.walk("VEVENT")
        assert str(cal["method"]) == "PUBLISH" and event["uid"] == f"booking-{made.json()['id']}@crm.example"
        assert event.decoded("dtstart") == dt.datetime(2025, 6, 3, 8, 0, tzinfo=dt.UTC)
        assert event["dtstart"].params["TZID"] == "America/New_York"
        description = str(event["description"])
        assert "Line one\nBEGIN:VALARM\nX; y, z \\ w" in description
        assert "Semi; colon, comma \\ slash\nnext" in description
        assert str(event["summary"]).startswith("Intro call: ")
        google = made.json()["google_calendar_url"]
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(google).query)
        assert query["dates"] == ["20250603T080000Z/20250603T083000Z"] and query["ctz"] == ["America/New_York"]


async def test_the_host_cancels_from_the_crm(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        made = (await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                          json=booking("2025-06-03T10:00:00+02:00"))).json()
        listed = await stack.calendar.get("/calendar/bookings", headers=stack.sales,
                                          params={"from": "2025-06-02T00:00:00Z", "to": "2025-06-09T00:00:00Z"})
        assert listed.status_code == 200 and listed.json()["total"] == 1
        item = listed.json()["items"][0]
        assert (item["id"], item["page_title"], item["status"]) == (made["id"], "Intro call", "confirmed")
        # Another sales person is not the host; the demo role may not change anything.
        assert (await stack.calendar.post(f"/calendar/bookings/{made['id']}/cancel", headers=stack.demo,
                                          json={})).status_code == 403
        done = await stack.calendar.post(f"/calendar/bookings/{made['id']}/cancel", headers=stack.admin,
                                         json={"reason": "Double-booked in real life."})
        assert done.status_code == 200 and done.json()["status"] == "cancelled"
        assert done.json()["cancelled_by"].startswith("user:")
        _reschedule, cancel = tokens(made)
        assert (await stack.calendar.get(f"/calendar/public/manage/{cancel}")).json()["status"] == "cancelled"
