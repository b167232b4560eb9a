"""The booking flow through the real apps, on SQLite and PostgreSQL: the pinned interfaces, the refusals
with their reasons, idempotency, buffers, and the public page's data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.calendar.support import NOW, PUBLIC_URL, booking, calendar_stack

# 2025-06-03 is a Tuesday; the stack's "now" is Monday 2025-06-02 10:00 in Berlin.
TUESDAY_10 = "2025-06-03T10:00:00+02:00"


async def test_the_pinned_flow_from_availability_to_a_booking(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        resp = await stack.calendar.put("/calendar/availability", headers=stack.sales, json={
            "timezone": "Europe/Berlin", "weekly": {"mon": [["09:00", "17:00"]], "tue": [["09:00", "12:00"]]},
            "slot_minutes": 30, "buffer_before_minutes": 0, "buffer_after_minutes": 0, "min_notice_minutes": 60,
            "horizon_days": 30})
        assert resp.status_code == 200, resp.text
        assert resp.json()["configured"] is True and resp.json()["weekly"]["tue"] == [["09:00", "12:00"]]
        resp = await stack.calendar.post("/calendar/pages", headers=stack.sales,
                                         json={"title": "Intro call", "duration_minutes": 30})
        assert resp.status_code == 201, resp.text
        page = resp.json()
        assert set(page) == {"id", "token", "url"} and page["url"] == f"{PUBLIC_URL}/book/{page['token']}"
        contact = await stack.contact()
        resp = await stack.calendar.post("/calendar/links", headers=stack.sales,
                                         json={"page_id": page["id"], "contact_id": contact["id"]})
        assert resp.status_code == 201, resp.text
        link = resp.json()
        assert link["url"] == f"{PUBLIC_URL}/book/{link['token']}" and link["token"] != page["token"]

        resp = await stack.calendar.get(f"/calendar/public/{link['token']}/slots",
                                        params={"from": "2025-06-03", "to": "2025-06-03", "tz": "America/New_York"})
        assert resp.status_code == 200, resp.text
        slots = resp.json()
        assert slots["timezone"] == "America/New_York"
        # Berlin 09:00-12:00 CEST is 03:00-06:00 in New York (EDT), six half-hours.
        assert [s["start"] for s in slots["slots"]] == [
            "2025-06-03T03:00:00-04:00", "2025-06-03T03:30:00-04:00", "2025-06-03T04:00:00-04:00",
            "2025-06-03T04:30:00-04:00", "2025-06-03T05:00:00-04:00", "2025-06-03T05:30:00-04:00"]
        assert slots["slots"][0]["end"] == "2025-06-03T03:30:00-04:00"

        resp = await stack.calendar.post(f"/calendar/public/{link['token']}/bookings",
                                         json=booking("2025-06-03T04:00:00-04:00", note="Pricing, please."))
        assert resp.status_code == 201, resp.text
        made = resp.json()
        assert {"id", "start", "end", "manage_url"} <= set(made)
        assert made["start"] == "2025-06-03T10:00:00+02:00"  # the visitor gave no zone: the host's
        assert made["end"] == "2025-06-03T10:30:00+02:00"
        assert made["manage_url"].startswith(f"{PUBLIC_URL}/book/manage?reschedule=")
        assert resp.headers["cache-control"] == "no-store"

        resp = await stack.calendar.get(f"/calendar/public/{link['token']}/slots",
                                        params={"from": "2025-06-03", "to": "2025-06-03", "tz": "Europe/Berlin"})
        assert "2025-06-03T10:00:00+02:00" not in [s["start"] for s in resp.json()["slots"]]

        again = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                          json=booking("2025-06-03T10:00:00+02:00", email="other@visitor.example"))
        assert again.status_code == 409, again.text
        assert again.headers["content-type"] == "application/problem+json"
        assert again.json()["detail"] == "This time is no longer free."

        [row] = await stack.bookings()
        assert (row.contact_id, row.company_id, row.source) == (contact["id"], contact["company_id"], "link")
        assert row.note == "Pricing, please." and row.host_id == stack.sales_id


async def test_the_public_page_greets_prefills_and_brands(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        resp = await stack.calendar.patch(f"/calendar/pages/{page['id']}", headers=stack.sales, json={
            "description": "Thirty minutes about your outbound.", "location": "Video call",
            "branding": {"name": "ACME Sales", "logo_url": "https://acme.example/logo.png", "colour": "#0055AA"},
            "questions": [{"id": "team_size", "label": "How big is your team?", "required": True}]})
        assert resp.status_code == 200, resp.text
        contact = await stack.contact()
        link = await stack.personal_link(page["id"], contact["id"], campaign_id=7)
        shown = (await stack.calendar.get(f"/calendar/public/{link['token']}")).json()
        assert shown["greeting_name"] == "Lena Lead" and shown["personal"] is True
        assert shown["prefill"] == {"name": "Lena Lead", "email": "lena@client.example"}
        assert shown["branding"] == {"name": "ACME Sales", "logo_url": "https://acme.example/logo.png",
                                     "colour": "#0055AA"}
        assert shown["questions"][0]["id"] == "team_size" and shown["host"]["timezone"] == "Europe/Berlin"
        assert shown["host"]["name"] == "sales" and shown["bookable"] is True and shown["max_window_days"] == 62
        generic = (await stack.calendar.get(f"/calendar/public/{page['token']}")).json()
        assert generic["personal"] is False and generic["prefill"] is None and generic["greeting_name"] is None

        missing = await stack.calendar.post(f"/calendar/public/{link['token']}/bookings", json=booking(TUESDAY_10))
        assert missing.status_code == 422 and missing.json()["errors"][0]["loc"] == ["body", "answers", "team_size"]
        unknown = await stack.calendar.post(f"/calendar/public/{link['token']}/bookings",
                                            json=booking(TUESDAY_10, answers={"team_size": "5", "x": "y"}))
        assert unknown.status_code == 422
        ok = await stack.calendar.post(f"/calendar/public/{link['token']}/bookings",
                                       json=booking(TUESDAY_10, answers={"team_size": " 5 "}))
        assert ok.status_code == 201, ok.text
        [row] = await stack.bookings()
        assert row.answers == [{"id": "team_size", "question": "How big is your team?", "answer": "5"}]
        assert row.campaign_id == 7

        # The same page and contact get the same link while it is young; another campaign gets its own.
        assert (await stack.personal_link(page["id"], contact["id"], campaign_id=7))["token"] == link["token"]
        assert (await stack.personal_link(page["id"], contact["id"]))["token"] != link["token"]


@pytest.mark.parametrize("start, reason, status", [
    ("2025-06-02T09:00:00+02:00", "past", 422),
    ("2025-06-02T10:30:00+02:00", "min_notice", 422),
    ("2025-09-01T10:00:00+02:00", "beyond_horizon", 422),
    ("2025-06-03T10:10:00+02:00", "not_a_slot", 422),
    ("2025-06-07T10:00:00+02:00", "not_a_slot", 422),  # a Saturday
])
async def test_refusals_say_why(database_url: str, tmp_path: Path, start: str, reason: str, status: int) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page(min_notice_minutes=120, horizon_days=30)
        resp = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings", json=booking(start))
        assert resp.status_code == status, resp.text
        problem = resp.json()
        assert problem["errors"][0]["type"] == reason and problem["errors"][0]["loc"] == ["start"]
        assert problem["detail"]
        assert await stack.bookings() == []


async def test_a_day_limit_is_a_conflict(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page(max_per_day=1)
        first = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings", json=booking(TUESDAY_10))
        assert first.status_code == 201
        second = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                           json=booking("2025-06-03T14:00:00+02:00", email="c@visitor.example"))
        assert second.status_code == 409 and second.json()["errors"][0]["type"] == "day_limit"


async def test_overlapping_only_through_a_buffer_is_a_conflict(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page(slot_minutes=15, buffer_before_minutes=15, buffer_after_minutes=15)
        first = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings", json=booking(TUESDAY_10))
        assert first.status_code == 201, first.text
        # 10:30 starts right when the first meeting ends: free as a meeting, not with its buffers.
        touching = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                             json=booking("2025-06-03T10:30:00+02:00", email="c@visitor.example"))
        assert touching.status_code == 409, touching.text
        assert touching.json()["errors"][0]["type"] == "busy"
        # 11:00 leaves the first meeting's 15 minutes after and this one's 15 minutes before.
        clear = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                          json=booking("2025-06-03T11:00:00+02:00", email="c@visitor.example"))
        assert clear.status_code == 201, clear.text
        rows = await stack.bookings()
        assert [(r.held_from, r.held_to) for r in rows] == [
            (dt.datetime(2025, 6, 3, 7, 45, tzinfo=dt.UTC), dt.datetime(2025, 6, 3, 8, 45, tzinfo=dt.UTC)),
            (dt.datetime(2025, 6, 3, 8, 45, tzinfo=dt.UTC), dt.datetime(2025, 6, 3, 9, 45, tzinfo=dt.UTC))]


async def test_the_same_request_with_one_idempotency_key_is_one_booking(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        url = f"/calendar/public/{page['token']}/bookings"
        headers = {"Idempotency-Key": "visit-42-attempt"}
        first = await stack.calendar.post(url, json=booking(TUESDAY_10), headers=headers)
        second = await stack.calendar.post(url, json=booking(TUESDAY_10), headers=headers)
        assert first.status_code == second.status_code == 201, second.text
        assert first.json()["id"] == second.json()["id"]
        assert len(await stack.bookings()) == 1
        other = await stack.calendar.post(url, json=booking("2025-06-03T11:00:00+02:00"), headers=headers)
        assert other.status_code == 422 and other.json()["errors"][0]["loc"] == ["header", "Idempotency-Key"]
        # Without the key the same body is a second attempt at a taken time.
        assert (await stack.calendar.post(url, json=booking(TUESDAY_10))).status_code == 409
        for bad_key in ("é".encode(), b"x" * 201):
            bad = await stack.calendar.post(url, json=booking(TUESDAY_10), headers={"Idempotency-Key": bad_key})
            assert bad.status_code == 422, bad_key
        assert len(await stack.bookings()) == 1


@pytest.mark.parametrize("tz", ["CET", "+02:00", "../../etc", "Etc/GMT-2", "US/Eastern", "Europe/Nowhere"])
async def test_only_iana_zones_are_accepted(database_url: str, tmp_path: Path, tz: str) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        resp = await stack.calendar.get(f"/calendar/public/{page['token']}/slots",
                                        params={"from": "2025-06-03", "to": "2025-06-04", "tz": tz})
        assert resp.status_code == 422, resp.text
        assert resp.json()["errors"][0]["loc"] == ["tz"]
        made = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                         json=booking(TUESDAY_10, timezone=tz))
        assert made.status_code == 422
        host = await stack.calendar.put("/calendar/availability", headers=stack.sales,
                                        json={"timezone": tz, "weekly": {}})
        assert host.status_code == 422 and host.json()["errors"][0]["loc"] == ["timezone"]


async def test_windows_are_capped_and_ordered(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        url = f"/calendar/public/{page['token']}/slots"
        assert (await stack.calendar.get(url, params={"from": "2025-06-03", "to": "2025-08-03"})).status_code == 200
        assert (await stack.calendar.get(url, params={"from": "2025-06-03", "to": "2025-08-04"})).status_code == 422
        assert (await stack.calendar.get(url, params={"from": "2025-06-04", "to": "2025-06-03"})).status_code == 422
        assert (await stack.calendar.get(url, params={"from": "2025-13-01", "to": "2025-06-03"})).status_code == 422
        days = await stack.calendar.get(f"/calendar/public/{page['token']}/days",
                                        params={"from": "2025-06-01", "to": "2025-06-30", "tz": "Europe/Berlin"})
        assert days.status_code == 200
        listed = days.json()["days"]
        assert listed[0] == "2025-06-02" and "2025-06-07" not in listed and len(listed) == 21


async def test_wrong_expired_and_foreign_tokens(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        contact = await stack.contact()
        link = await stack.personal_link(page["id"], contact["id"])
        wrong = [page["token"][:-1] + ("A" if page["token"][-1] != "A" else "B"), "x" * 43, "short", "manage",
                 "%2e%2e", "a" * 200]
        answers = []
        for token in wrong:
            for resp in (await stack.calendar.get(f"/calendar/public/{token}"),
                         await stack.calendar.get(f"/calendar/public/{token}/slots",
                                                  params={"from": "2025-06-03", "to": "2025-06-03"}),
                         await stack.calendar.post(f"/calendar/public/{token}/bookings", json=booking(TUESDAY_10))):
                answers.append((resp.status_code, resp.json()["detail"]))
        assert set(answers) == {(404, "This link is not valid.")}

        # A personal link past its lifetime says so: only its holder can learn it.
        stack.now = NOW + dt.timedelta(days=61)
        expired = await stack.calendar.get(f"/calendar/public/{link['token']}")
        assert expired.status_code == 403 and expired.json()["detail"] == "This link has expired."
        stack.now = NOW

        # A closed page takes its links with it.
        other = await stack.calendar.post("/calendar/pages", headers=stack.sales,
                                          json={"title": "Other", "duration_minutes": 30})
        assert (await stack.calendar.delete(f"/calendar/pages/{other.json()['id']}",
                                            headers=stack.sales)).status_code == 204
        assert (await stack.calendar.get(f"/calendar/public/{other.json()['token']}")).status_code == 404


async def test_huge_answers_and_a_filled_honeypot_are_refused(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        await stack.calendar.patch(f"/calendar/pages/{page['id']}", headers=stack.sales,
                                   json={"questions": [{"id": "goal", "label": "Your goal?"}]})
        url = f"/calendar/public/{page['token']}/bookings"
        huge = await stack.calendar.post(url, json=booking(TUESDAY_10, answers={"goal": "x" * 1_000_000}))
        assert huge.status_code == 422
        assert (await stack.calendar.post(url, json=booking(TUESDAY_10, note="n" * 1_000_000))).status_code == 422
        bot = await stack.calendar.post(url, json=booking(TUESDAY_10, website="http://spam.example"))
        assert bot.status_code == 422 and bot.json()["detail"] == "This booking could not be accepted."
        assert await stack.bookings() == []
        fine = await stack.calendar.post(url, json=booking(TUESDAY_10, answers={"goal": "y" * 5000}, website=""))
        assert fine.status_code == 201, fine.text
