"""Pacing: rolling caps, gaps with jitter, warm-up, windows in the contact's zone, business days."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.email.pacing import (
    Pacing,
    SendWindow,
    Warmup,
    add_business_days,
    contact_timezone,
    daily_cap,
    earliest_send_time,
    next_send_at,
    next_time_in_windows,
    next_window_time,
    sends_left_today,
    step_due_at,
)

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)  # a Wednesday


def test_rolling_cap_waits_for_the_oldest_send_to_age_out() -> None:
    pacing = Pacing(daily_limit=3, min_gap_seconds=0)
    sends = [NOW - timedelta(hours=h) for h in (23, 10, 1)]
    assert next_send_at(pacing, sends, NOW) == NOW - timedelta(hours=23) + timedelta(days=1)
    assert sends_left_today(pacing, sends, NOW) == 0
    older = [NOW - timedelta(hours=h) for h in (25, 10, 1)]  # one fell out of the window
    assert next_send_at(pacing, older, NOW) == NOW and sends_left_today(pacing, older, NOW) == 1


def test_gap_with_bounded_jitter() -> None:
    pacing = Pacing(daily_limit=None, min_gap_seconds=100, jitter=0.5)
    last = NOW - timedelta(seconds=10)
    times = {next_send_at(pacing, [last], NOW, random.Random(seed)) for seed in range(50)}
    assert all(last + timedelta(seconds=100) <= t <= last + timedelta(seconds=150) for t in times)
    assert len(times) > 10  # it does vary
    assert next_send_at(pacing, [last], NOW, random.Random(1)) == next_send_at(pacing, [last], NOW, random.Random(1))
    assert next_send_at(Pacing(daily_limit=0, min_gap_seconds=0), [last] * 500, NOW) == NOW  # 0 = no cap


def test_warmup_ramp_up_to_the_limit() -> None:
    pacing = Pacing(daily_limit=40, warmup=Warmup(started_on=date(2026, 3, 1), start_per_day=10, step_per_day=5))
    assert [daily_cap(pacing, date(2026, 3, d)) for d in (1, 2, 3, 7, 8, 20)] == [10, 15, 20, 40, 40, 40]
    assert daily_cap(pacing, date(2026, 2, 1)) == 10


def test_window_in_the_contacts_zone() -> None:
    window = SendWindow(weekdays=frozenset(range(5)), start=time(9), end=time(17))
    ny = ZoneInfo("America/New_York")
    # 10:00 UTC is 11:00 in Berlin (open) but 05:00 in New York (closed until 09:00 local = 14:00 UTC)
    assert next_window_time(window, NOW, BERLIN) == NOW
    assert next_window_time(window, NOW, ny) == datetime(2026, 3, 4, 14, 0, tzinfo=UTC)
    friday_evening = datetime(2026, 3, 6, 17, 30, tzinfo=BERLIN)
    assert next_window_time(window, friday_evening, BERLIN) == datetime(2026, 3, 9, 9, 0, tzinfo=BERLIN)
    assert next_window_time(None, friday_evening, BERLIN) == friday_evening


def test_window_across_the_dst_change() -> None:
    window = SendWindow(weekdays=frozenset(range(7)), start=time(9), end=time(17))
    saturday_night = datetime(2026, 3, 28, 20, 0, tzinfo=BERLIN)  # clocks go forward on Sunday 29 March
    opening = next_window_time(window, saturday_night, BERLIN)
    assert opening.astimezone(BERLIN).hour == 9 and opening == datetime(2026, 3, 29, 7, 0, tzinfo=UTC)


def test_pacing_and_window_agree() -> None:
    window = SendWindow(start=time(9), end=time(17))
    pacing = Pacing(daily_limit=2, min_gap_seconds=0)
    sends = [datetime(2026, 3, 4, 15, 0, tzinfo=UTC), datetime(2026, 3, 4, 15, 30, tzinfo=UTC)]
    now = datetime(2026, 3, 4, 15, 45, tzinfo=UTC)
    at = earliest_send_time(now=now, due_at=now, pacing=pacing, recent_sends=sends, window=window, zone=BERLIN)
    # cap frees at 15:00 UTC Thursday = 16:00 Berlin, inside the window
    assert at == datetime(2026, 3, 5, 15, 0, tzinfo=UTC)
    late = [datetime(2026, 3, 4, 16, 30, tzinfo=UTC), datetime(2026, 3, 4, 16, 40, tzinfo=UTC)]
    at = earliest_send_time(now=now, due_at=now, pacing=pacing, recent_sends=late, window=window, zone=BERLIN)
    assert at == datetime(2026, 3, 6, 8, 0, tzinfo=UTC)  # Thursday 17:30 Berlin is closed: Friday 09:00


@pytest.mark.parametrize("country,zone", [("DE", "Europe/Berlin"), ("at", "Europe/Vienna"), ("CH", "Europe/Zurich"),
                                          ("US", "America/New_York"), (None, "Europe/Berlin"), ("ZZ", "Europe/Berlin")])
def test_country_zones(country: str | None, zone: str) -> None:
    assert contact_timezone(country) == ZoneInfo(zone)


def test_zone_overrides() -> None:
    assert contact_timezone("US", overrides={"US": "America/Los_Angeles"}) == ZoneInfo("America/Los_Angeles")
    assert contact_timezone("DE", "Asia/Tokyo") == ZoneInfo("Asia/Tokyo")
    assert contact_timezone("DE", "Not/AZone") == BERLIN


def test_business_days() -> None:
    friday = date(2026, 3, 6)
    assert add_business_days(friday, 1) == date(2026, 3, 9)
    assert add_business_days(friday, 0) == friday
    assert add_business_days(date(2026, 3, 7), 0) == date(2026, 3, 9)  # Saturday → Monday
    assert add_business_days(friday, 1, frozenset({date(2026, 3, 9)})) == date(2026, 3, 10)


def test_step_delays_keep_local_time() -> None:
    sent = datetime(2026, 3, 27, 9, 15, tzinfo=BERLIN)  # Friday before the DST change
    assert step_due_at(sent, 3, BERLIN) == datetime(2026, 3, 30, 9, 15, tzinfo=BERLIN)
    assert step_due_at(sent, 2, BERLIN, business_days=True) == datetime(2026, 3, 31, 9, 15, tzinfo=BERLIN)
    assert step_due_at(sent, 0, BERLIN) == sent
    assert step_due_at(sent, 0.5, BERLIN) == sent + timedelta(hours=12)


def test_several_windows_meet_at_their_first_common_moment() -> None:
    campaign = SendWindow(weekdays=frozenset(range(5)), start=time(9), end=time(17))
    mailbox = SendWindow(weekdays=frozenset({2, 3}), start=time(15), end=time(18))  # Wed/Thu afternoons
    monday_evening = datetime(2026, 3, 2, 18, 0, tzinfo=BERLIN)
    assert next_time_in_windows((campaign, mailbox), monday_evening, BERLIN) == datetime(2026, 3, 4, 15, 0,
                                                                                          tzinfo=BERLIN)
    inside = datetime(2026, 3, 4, 16, 0, tzinfo=BERLIN)
    assert next_time_in_windows((campaign, mailbox, None), inside, BERLIN) == inside
    assert next_time_in_windows((None, None), monday_evening, BERLIN) == monday_evening
    never = SendWindow(weekdays=frozenset({5}), start=time(9), end=time(17))  # Saturdays vs weekdays
    found = next_time_in_windows((campaign, never), monday_evening, BERLIN)
    assert found - monday_evening <= timedelta(days=21)  # gives up after about two weeks instead of looping
