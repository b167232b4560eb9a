"""compute_slots agrees with a minute-by-minute oracle, and is_bookable with compute_slots, on random rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.calendar.availability import Interval, compute_slots, is_bookable
from services.calendar.rules import WEEKDAYS, parse_rules

from .naive_slots import naive_slots

UTC = dt.UTC
ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC", "Pacific/Chatham"]
# Days around both 2025 switches in Europe and North America, where mistakes hide.
DAYS = [dt.date(2025, 3, 7), dt.date(2025, 3, 28), dt.date(2025, 10, 24), dt.date(2025, 10, 31),
        dt.date(2025, 4, 4)]


@st.composite
def day_hours(draw: st.DrawFn) -> list[list[str]]:
    cuts = sorted(draw(st.sets(st.integers(0, 96), min_size=2, max_size=6)))
    pairs = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    return [[f"{a * 15 // 60:02d}:{a * 15 % 60:02d}", f"{b * 15 // 60:02d}:{b * 15 % 60:02d}"] for a, b in pairs]


@st.composite
def scenario(draw: st.DrawFn) -> dict[str, Any]:
    payload = {
        "timezone": draw(st.sampled_from(ZONES)),
        "weekly": {d: draw(day_hours()) for d in draw(st.sets(st.sampled_from(WEEKDAYS), min_size=3))},
        "slot_minutes": draw(st.sampled_from([5, 15, 20, 30, 45, 60, 90])),
        "buffer_before_minutes": draw(st.sampled_from([0, 5, 10, 15, 30])),
        "buffer_after_minutes": draw(st.sampled_from([0, 5, 10, 25])),
        "min_notice_minutes": draw(st.sampled_from([0, 0, 30, 240, 1440])),
        "horizon_days": draw(st.integers(1, 6)),
        "max_per_day": draw(st.one_of(st.none(), st.integers(1, 3))),
        "max_per_week": draw(st.one_of(st.none(), st.integers(1, 6))),
    }
    first = draw(st.sampled_from(DAYS))
    override_day = first + dt.timedelta(days=draw(st.integers(0, 3)))
    payload["overrides"] = draw(st.sampled_from([[], [{"date": override_day.isoformat(), "hours": []}],
                                                 [{"date": override_day.isoformat(), "hours": draw(day_hours())}]]))
    base = dt.datetime(first.year, first.month, first.day, tzinfo=UTC)
    now = base + dt.timedelta(minutes=draw(st.integers(-2880, 600)))
    busy = [
        Interval(base + dt.timedelta(minutes=m), base + dt.timedelta(minutes=m + n))
        for m, n in draw(st.lists(st.tuples(st.integers(-600, 8000), st.integers(1, 300)), max_size=12))
    ]
    booked = [base + dt.timedelta(minutes=m) for m in draw(st.lists(st.integers(-1500, 9000), max_size=5))]
    window_from = base + dt.timedelta(minutes=draw(st.integers(-720, 1440)))
    window_to = window_from + dt.timedelta(minutes=draw(st.integers(1440, 6 * 1440)))
    duration = draw(st.sampled_from([None, dt.timedelta(minutes=25), dt.timedelta(minutes=60)]))
    return {"rules": parse_rules(payload), "busy": busy, "booked": booked, "now": now,
            "window": (window_from, window_to), "duration": duration}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario())
def test_compute_slots_equals_the_minute_by_minute_oracle(case: dict[str, Any]) -> None:
    args = (case["rules"], case["busy"], *case["window"], case["now"])
    kwargs = {"booked_starts": case["booked"], "duration": case["duration"]}
    assert compute_slots(*args, **kwargs) == naive_slots(*args, **kwargs)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario(), st.lists(st.integers(0, 6 * 1440), min_size=1, max_size=40))
def test_is_bookable_says_yes_exactly_for_offered_slots(case: dict[str, Any], offsets: list[int]) -> None:
    rules, now = case["rules"], case["now"]
    kwargs = {"booked_starts": case["booked"], "duration": case["duration"]}
    offered = compute_slots(rules, case["busy"], now - dt.timedelta(days=2), now + dt.timedelta(days=10), now, **kwargs)
    offered_starts = {s.start for s in offered}
    # Probe every offered start and random minutes (most of them off the grid or taken).
    probes = offered_starts | {now.replace(second=0, microsecond=0) + dt.timedelta(minutes=m) for m in offsets}
    for start in probes:
        verdict = is_bookable(rules, case["busy"], start, now, **kwargs)
        assert verdict.ok == (start in offered_starts), (start, verdict)
        assert verdict.ok or verdict.message
