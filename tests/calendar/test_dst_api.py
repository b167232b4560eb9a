"""Daylight saving time through the API: a Berlin host on the nights the clocks change, and a New York
visitor in the weeks when only one side has switched."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.calendar.support import booking, calendar_stack

MARCH_1 = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
NIGHT_HOURS = [["01:00", "04:00"]]


async def starts(stack, token: str, first: str, last: str, tz: str) -> list[str]:  # type: ignore[no-untyped-def]
    resp = await stack.calendar.get(f"/calendar/public/{token}/slots", params={"from": first, "to": last, "tz": tz})
    assert resp.status_code == 200, resp.text
    assert resp.json()["timezone"] == tz
    return [s["start"] for s in resp.json()["slots"]]


async def test_the_nights_berlin_changes_its_clocks(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        stack.now = MARCH_1
        page = await stack.host_page(weekly={}, overrides=[
            {"date": "2025-03-30", "hours": NIGHT_HOURS}, {"date": "2025-10-26", "hours": NIGHT_HOURS}])
        # Spring: 02:00-03:00 does not exist, so 01:00-04:00 holds two real hours.
        assert await starts(stack, page["token"], "2025-03-30", "2025-03-30", "Europe/Berlin") == [
            "2025-03-30T01:00:00+01:00", "2025-03-30T01:30:00+01:00",
            "2025-03-30T03:00:00+02:00", "2025-03-30T03:30:00+02:00"]
        # Autumn: 02:00-03:00 happens twice, so the same range holds four real hours.
        autumn = await starts(stack, page["token"], "2025-10-26", "2025-10-26", "Europe/Berlin")
        assert autumn == [
            "2025-10-26T01:00:00+02:00", "2025-10-26T01:30:00+02:00", "2025-10-26T02:00:00+02:00",
            "2025-10-26T02:30:00+02:00", "2025-10-26T02:00:00+01:00", "2025-10-26T02:30:00+01:00",
            "2025-10-26T03:00:00+01:00", "2025-10-26T03:30:00+01:00"]
        # Seen from UTC the autumn night's slots are evenly spaced and all distinct.
        utc = await starts(stack, page["token"], "2025-10-25", "2025-10-26", "UTC")
        assert utc == [f"2025-10-{d}T{h}:00+00:00" for d, h in (
            ("25", "23:00"), ("25", "23:30"), ("26", "00:00"), ("26", "00:30"), ("26", "01:00"), ("26", "01:30"),
            ("26", "02:00"), ("26", "02:30"))]

        # Both 02:30s can be booked, and are two different meetings an hour apart.
        url = f"/calendar/public/{page['token']}/bookings"
        first = await stack.calendar.post(url, json=booking("2025-10-26T02:30:00+02:00", email="a@visitor.example"))
        second = await stack.calendar.post(url, json=booking("2025-10-26T02:30:00+01:00", email="b@visitor.example"))
        assert first.status_code == second.status_code == 201, (first.text, second.text)
        assert first.json()["start"] == "2025-10-26T02:30:00+02:00"
        assert second.json()["start"] == "2025-10-26T02:30:00+01:00"
        assert {r.start_at for r in await stack.bookings()} == {
            dt.datetime(2025, 10, 26, 0, 30, tzinfo=dt.UTC), dt.datetime(2025, 10, 26, 1, 30, tzinfo=dt.UTC)}
        # "02:30+01:00" on the spring night names 03:30 CEST, a real slot: times are instants, never wall clocks.
        spring = await stack.calendar.post(url, json=booking("2025-03-30T02:30:00+01:00", email="c@visitor.example"))
        assert spring.status_code == 201 and spring.json()["start"] == "2025-03-30T03:30:00+02:00"


async def test_a_new_york_visitor_in_the_weeks_between_the_switches(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        stack.now = MARCH_1
        page = await stack.host_page(weekly={d: [["09:00", "10:00"]] for d in ("mon", "tue", "wed", "thu", "fri")})
        token = page["token"]
        new_york = "America/New_York"
        # Both on winter time: Berlin 09:00 CET is 03:00 EST (six hours).
        assert (await starts(stack, token, "2025-03-03", "2025-03-03", new_york))[0] == "2025-03-03T03:00:00-05:00"
        # New York switched on 9 March, Berlin not yet: five hours for three weeks.
        assert (await starts(stack, token, "2025-03-10", "2025-03-10", new_york))[0] == "2025-03-10T04:00:00-04:00"
        assert (await starts(stack, token, "2025-03-28", "2025-03-28", new_york))[0] == "2025-03-28T04:00:00-04:00"
        # Both on summer time from 31 March: six hours again.
        assert (await starts(stack, token, "2025-03-31", "2025-03-31", new_york))[0] == "2025-03-31T03:00:00-04:00"
        # Autumn: Berlin went back on 26 October, New York only on 2 November.
        assert (await starts(stack, token, "2025-10-24", "2025-10-24", new_york))[0] == "2025-10-24T03:00:00-04:00"
        assert (await starts(stack, token, "2025-10-27", "2025-10-27", new_york))[0] == "2025-10-27T04:00:00-04:00"
        assert (await starts(stack, token, "2025-10-31", "2025-10-31", new_york))[0] == "2025-10-31T04:00:00-04:00"
        assert (await starts(stack, token, "2025-11-03", "2025-11-03", new_york))[0] == "2025-11-03T03:00:00-05:00"
        # A visitor's day is their own: the New York week shows exactly the five workdays, no spill-over.
        days = await stack.calendar.get(f"/calendar/public/{token}/days",
                                        params={"from": "2025-03-09", "to": "2025-03-15", "tz": new_york})
        assert days.json()["days"] == ["2025-03-10", "2025-03-11", "2025-03-12", "2025-03-13", "2025-03-14"]
        # Booking in the visitor's zone lands at the host's 09:00 and is confirmed in the visitor's zone.
        made = await stack.calendar.post(f"/calendar/public/{token}/bookings",
                                         json=booking("2025-03-12T04:00:00-04:00", timezone=new_york))
        assert made.status_code == 201, made.text
        assert made.json()["start"] == "2025-03-12T04:00:00-04:00" and made.json()["timezone"] == new_york
        [row] = await stack.bookings()
        assert row.start_at == dt.datetime(2025, 3, 12, 8, 0, tzinfo=dt.UTC)
