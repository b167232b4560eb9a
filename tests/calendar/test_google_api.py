"""Google Calendar through the service's API and the loopback stand-in (the real google-auth-oauthlib,
google-auth and google-api-python-client): connecting, the picker, busy times, events, and every fault
at booking time leaving either a booking with its event or nothing at all."""

from __future__ import annotations

import urllib.parse
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from services.calendar.followups import enqueue_watchdog
from services.calendar.models import EVENT_PENDING, Booking, Job
from services.calendar.providers.google import event_id_for
from services.kit.db import utcnow
from tests.calendar.support import GOOGLE_SLOW, CalendarStack, booking, calendar_stack
from tests.fakes.google_calendar import FakeGoogle

SLOT = "2025-06-03T10:00:00+02:00"


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGoogle]:
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the stand-in speaks plain http on loopback
    with FakeGoogle() as server:
        yield server


async def connect(stack: CalendarStack, headers: dict[str, str] | None = None) -> dict:  # type: ignore[type-arg]
    """The host's browser goes to Google, consents, comes back to the SPA, which posts the query."""
    started = await stack.calendar.post("/calendar/google/connect", headers=headers or stack.sales)
    assert started.status_code == 200, started.text
    async with httpx.AsyncClient() as browser:
        consent = await browser.get(started.json()["authorization_url"], follow_redirects=False)
    assert consent.status_code == 302
    back = urllib.parse.urlsplit(consent.headers["location"])
    assert f"{back.scheme}://{back.netloc}{back.path}" == "https://crm.example/calendar/google/callback"
    query = dict(urllib.parse.parse_qsl(back.query))
    done = await stack.calendar.post("/calendar/google/callback", headers=headers or stack.sales,
                                     json={"state": query["state"], "code": query.get("code"),
                                           "error": query.get("error")})
    return {"status": done.status_code, "body": done.json(), "query": query}


@pytest.fixture
async def stack(database_url: str, tmp_path: Path, fake: FakeGoogle) -> AsyncIterator[CalendarStack]:
    async with calendar_stack(database_url, tmp_path, google=fake) as running_stack:
        yield running_stack


async def connected_page(stack: CalendarStack) -> dict:  # type: ignore[type-arg]
    page = await stack.host_page()
    result = await connect(stack)
    assert result["status"] == 200, result
    return page


async def test_connecting_the_picker_and_disconnecting(stack: CalendarStack, fake: FakeGoogle) -> None:
    before = (await stack.calendar.get("/calendar/google", headers=stack.sales)).json()
    assert before["enabled"] is True and before["state"] == "disconnected"
    await stack.host_page()
    result = await connect(stack)
    assert result["status"] == 200 and result["body"]["state"] == "connected"
    assert result["body"]["account_email"] == "host@example.com" and result["body"]["busy_calendar_ids"] == ["primary"]
    # The state works once, and only for the host who started.
    replay = await stack.calendar.post("/calendar/google/callback", headers=stack.sales,
                                       json={"state": result["query"]["state"], "code": result["query"]["code"]})
    assert replay.status_code == 422
    started = await stack.calendar.post("/calendar/google/connect", headers=stack.sales)
    state = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(started.json()["authorization_url"]).query))["state"]
    stolen = await stack.calendar.post("/calendar/google/callback", headers=stack.admin,
                                       json={"state": state, "code": "4/whatever"})
    assert stolen.status_code == 422 and "does not belong" in stolen.json()["detail"]

    calendars = (await stack.calendar.get("/calendar/google/calendars", headers=stack.sales)).json()
    assert [(c["id"], c["busy"], c["events"], c["writable"]) for c in calendars] == [
        ("host@example.com", True, True, True), ("team@group.calendar.google.com", False, False, False),
        ("holidays@group.calendar.google.com", False, False, False)]
    chosen = await stack.calendar.put("/calendar/google/calendars", headers=stack.sales, json={
        "busy_calendar_ids": ["primary", "team@group.calendar.google.com"], "event_calendar_id": "primary"})
    assert chosen.status_code == 200 and len(chosen.json()["busy_calendar_ids"]) == 2
    read_only = await stack.calendar.put("/calendar/google/calendars", headers=stack.sales, json={
        "busy_calendar_ids": ["primary"], "event_calendar_id": "team@group.calendar.google.com"})
    assert read_only.status_code == 422
    unknown = await stack.calendar.put("/calendar/google/calendars", headers=stack.sales, json={
        "busy_calendar_ids": ["nope@example.com"], "event_calendar_id": "primary"})
    assert unknown.status_code == 422

    gone = await stack.calendar.post("/calendar/google/disconnect", headers=stack.sales)
    assert gone.status_code == 200 and gone.json()["state"] == "disconnected"
    assert all(g.revoked for g in fake.grants.values() if g.scopes)


async def test_a_denied_consent_is_a_clear_refusal(stack: CalendarStack, fake: FakeGoogle) -> None:
    await stack.host_page()
    fake.deny_next()
    result = await connect(stack)
    assert result["status"] == 422 and result["body"]["detail"] == "Google Calendar access was not granted."
    assert (await stack.calendar.get("/calendar/google", headers=stack.sales)).json()["state"] == "disconnected"


async def test_busy_times_and_the_event_of_a_booking(stack: CalendarStack, fake: FakeGoogle) -> None:
    page = await connected_page(stack)
    fake.calendars["host@example.com"].busy.append(("2025-06-03T09:00:00Z", "2025-06-03T09:30:00Z"))  # 11:00 Berlin
    slots = (await stack.calendar.get(f"/calendar/public/{page['token']}/slots",
                                      params={"from": "2025-06-03", "to": "2025-06-03", "tz": "Europe/Berlin"})).json()
    starts = [s["start"][11:16] for s in slots["slots"]]
    assert "11:00" not in starts and "10:30" in starts and "11:30" in starts
    # Busy times are read again at booking time: a meeting the host put in Google after the page loaded.
    fake.calendars["host@example.com"].busy.append(("2025-06-03T08:30:00Z", "2025-06-03T08:45:00Z"))
    late = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                     json=booking("2025-06-03T10:30:00+02:00"))
    assert late.status_code == 409, late.text

    made = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings", json=booking(SLOT))
    assert made.status_code == 201, made.text
    [row] = await stack.bookings()
    assert (row.provider, row.event_state, row.event_id) == ("google", "written", event_id_for(str(row.id)))
    event = fake.calendars["host@example.com"].events[row.event_id]
    assert {a["email"] for a in event["attendees"]} == {"bob@visitor.example", "sales@example.com"}
    assert event["start"]["dateTime"] == "2025-06-03T08:00:00Z" and event["start"]["timeZone"] == "Europe/Berlin"
    assert event["extendedProperties"]["private"]["outbound_booking"] == str(row.id)

    # Moving it moves the event; cancelling removes it (a job, retried until Google answers).
    reschedule = made.json()["reschedule_url"].split("reschedule=")[1]
    moved = await stack.calendar.post(f"/calendar/public/manage/{reschedule}/reschedule",
                                      json={"start": "2025-06-03T14:00:00+02:00"})
    assert moved.status_code == 200, moved.text
    assert fake.calendars["host@example.com"].events[row.event_id]["start"]["dateTime"] == "2025-06-03T12:00:00Z"
    cancel = moved.json()["cancel_url"].split("cancel=")[1]
    fake.fail("500", times=1, path="/events/")
    assert (await stack.calendar.post(f"/calendar/public/manage/{cancel}/cancel", json={})).status_code == 200
    await stack.run_jobs()
    assert row.event_id not in fake.calendars["host@example.com"].events


async def test_a_meet_link_when_the_page_asks_for_one(stack: CalendarStack, fake: FakeGoogle) -> None:
    page = await connected_page(stack)
    await stack.calendar.patch(f"/calendar/pages/{page['id']}", headers=stack.sales, json={"with_meet": True})
    made = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings", json=booking(SLOT))
    assert made.status_code == 201
    assert made.json()["meet_url"].startswith("https://meet.google.com/")


@pytest.mark.parametrize("fault, times, path, status", [
    ("revoke", 1, "/events", 502),        # the host removed our access at Google
    ("rate", 5, "/events", 503),          # 403 rateLimitExceeded, still after the retries
    ("500", 5, "/events", 502),
    ("slow", 1, "/events", 504),          # Google did the insert but answered too late
    ("500", 5, "freeBusy", 502),
    ("revoke", 1, "freeBusy", 502),
])
async def test_google_failing_at_booking_time_leaves_nothing(stack: CalendarStack, fake: FakeGoogle, fault: str,
                                                             times: int, path: str, status: int) -> None:
    page = await connected_page(stack)
    fake.fail(fault, times=times, path=path, delay=GOOGLE_SLOW)
    made = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings", json=booking(SLOT),
                                     headers={"Idempotency-Key": "one-attempt"})
    assert made.status_code == status, made.text
    assert made.headers["content-type"] == "application/problem+json"
    assert await stack.bookings() == [] and await stack.jobs() == []
    assert fake.all_events() == {}
    google = (await stack.calendar.get("/calendar/google", headers=stack.sales)).json()
    if fault == "revoke":
        assert made.json()["type"] == "urn:outbound:problem:calendar-grant-revoked"
        assert google["state"] == "revoked" and "connect again" in google["detail"]
        # Until the host acts, the page takes no bookings rather than double-book them blindly.
        shown = (await stack.calendar.get(f"/calendar/public/{page['token']}")).json()
        assert shown["bookable"] is False
        again = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings", json=booking(SLOT))
        assert again.status_code == 503 and again.json()["detail"].startswith("This calendar cannot take bookings")
        # Reconnecting brings it back.
        assert (await connect(stack))["body"]["state"] == "connected"
    else:
        assert google["state"] == "connected"
    if fault == "rate":
        assert made.headers["retry-after"]
    fake.faults.clear()
    retried = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings", json=booking(SLOT),
                                        headers={"Idempotency-Key": "one-attempt"})
    assert retried.status_code == 201, retried.text
    assert len(fake.all_events()) == 1 and len(await stack.bookings()) == 1


async def test_a_single_rate_limit_is_retried_into_one_event(stack: CalendarStack, fake: FakeGoogle) -> None:
    page = await connected_page(stack)
    fake.fail("rate", times=1, path="/events")
    made = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings", json=booking(SLOT))
    assert made.status_code == 201, made.text
    assert len(fake.all_events()) == 1


async def test_a_booking_whose_request_died_is_finished_by_the_watchdog(stack: CalendarStack,
                                                                        fake: FakeGoogle) -> None:
    """The process stops between the insert and the event: the watchdog job writes the event later."""
    page = await connected_page(stack)
    made = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings", json=booking(SLOT))
    assert made.status_code == 201
    [row] = await stack.bookings()
    # Put the booking back where a dead request would have left it: inserted, event not written.
    fake.calendars["host@example.com"].events.clear()
    async with stack.runtime.sessions() as s, s.begin():
        assert (await s.execute(sa.select(Job).where(Job.type == "calendar.finish_booking"))).first() is None
        await s.execute(sa.update(Booking).values(event_state=EVENT_PENDING, event_id=None))
        await s.execute(sa.delete(Job))
        await enqueue_watchdog(s, stack.runtime, row)
        await s.execute(sa.update(Job).values(run_at=utcnow()))
    await stack.run_jobs()
    [row] = await stack.bookings()
    assert row.event_state == "written" and row.event_id in fake.calendars["host@example.com"].events
    assert {j.type for j in await stack.jobs()} >= {"calendar.notify", "calendar.timeline"}


async def test_google_is_refused_in_demo_mode_and_off_with_the_local_provider(database_url: str, tmp_path: Path,
                                                                             fake: FakeGoogle) -> None:
    async with calendar_stack(database_url, tmp_path, google=fake, demo_mode=True) as demo:
        refused = await demo.calendar.post("/calendar/google/connect", headers=demo.sales)
        assert refused.status_code == 403 and "demo" in refused.json()["detail"]
        assert (await demo.calendar.post("/calendar/google/disconnect", headers=demo.sales)).status_code == 403
    async with calendar_stack(database_url, tmp_path / "local") as local:
        status = (await local.calendar.get("/calendar/google", headers=local.sales)).json()
        assert status["enabled"] is False and status["state"] == "disconnected"
        off = await local.calendar.post("/calendar/google/connect", headers=local.sales)
        assert off.status_code == 409 and "OUTBOUND_CALENDAR_PROVIDER" in off.json()["detail"]


async def test_a_move_the_event_cannot_follow_is_undone(stack: CalendarStack, fake: FakeGoogle) -> None:
    page = await connected_page(stack)
    made = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings", json=booking(SLOT))
    assert made.status_code == 201
    [row] = await stack.bookings()
    reschedule = made.json()["reschedule_url"].split("reschedule=")[1]
    fake.fail("500", times=5, path=f"/events/{row.event_id}")
    moved = await stack.calendar.post(f"/calendar/public/manage/{reschedule}/reschedule",
                                      json={"start": "2025-06-03T14:00:00+02:00"})
    assert moved.status_code == 502, moved.text
    [after] = await stack.bookings()
    assert (after.start_at, after.sequence, after.manage_version) == (row.start_at, 0, 0)
    assert fake.calendars["host@example.com"].events[row.event_id]["start"]["dateTime"] == "2025-06-03T08:00:00Z"
    assert not [j for j in await stack.jobs() if ":rescheduled:" in (j.idempotency_key or "")]
    # The links still work, and the move goes through once Google answers.
    fake.faults.clear()
    again = await stack.calendar.post(f"/calendar/public/manage/{reschedule}/reschedule",
                                      json={"start": "2025-06-03T14:00:00+02:00"})
    assert again.status_code == 200, again.text
    assert fake.calendars["host@example.com"].events[row.event_id]["start"]["dateTime"] == "2025-06-03T12:00:00Z"
