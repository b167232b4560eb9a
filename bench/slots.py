"""Slot computation: 60 days, 500 busy blocks, buffers, limits, across a DST switch.

    python bench/slots.py              # default sizes
    python bench/slots.py --days 60 --busy 500 --rounds 30

Times services/calendar/availability.compute_slots (sorted interval sweep) against the naive
minute-by-minute scan in tests/calendar/naive_slots.py, on the same inputs in the same run, and
asserts that both give exactly the same slots. Also times the booking-time re-check (is_bookable).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from services.calendar.availability import Interval, compute_slots, held_interval, is_bookable  # noqa: E402
from services.calendar.rules import parse_rules  # noqa: E402
from tests.calendar.naive_slots import naive_slots  # noqa: E402

UTC = dt.UTC


def timed(fn, rounds: int) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--busy", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--naive-rounds", type=int, default=3)
    args = parser.parse_args()

    rules = parse_rules({
        "timezone": "Europe/Berlin",
        "weekly": {d: [["08:00", "12:00"], ["13:00", "18:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
        | {"sat": [["10:00", "13:00"]]},
        "slot_minutes": 15, "buffer_before_minutes": 10, "buffer_after_minutes": 15,
        "min_notice_minutes": 240, "horizon_days": args.days + 5, "max_per_day": 12,
        "overrides": [{"date": "2025-04-18", "hours": []}, {"date": "2025-04-21", "hours": []}],
    })
    now = dt.datetime(2025, 3, 3, 7, 0, tzinfo=UTC)  # the window spans Berlin's switch on 30 March
    window = (now, now + dt.timedelta(days=args.days))
    rng = random.Random(20250303)
    busy = [Interval(s, s + dt.timedelta(minutes=rng.choice([15, 30, 45, 60, 90, 120])))
            for s in (now + dt.timedelta(minutes=rng.randrange(0, args.days * 1440)) for _ in range(args.busy))]
    booked = [now + dt.timedelta(minutes=rng.randrange(0, args.days * 1440)) for _ in range(40)]
    busy += [held_interval(rules, b, dt.timedelta(minutes=30)) for b in booked]
    duration = dt.timedelta(minutes=30)
    kwargs = {"booked_starts": booked, "duration": duration}

    fast_s, fast = timed(lambda: compute_slots(rules, busy, *window, now, **kwargs), args.rounds)
    naive_s, naive = timed(lambda: naive_slots(rules, busy, *window, now, **kwargs), args.naive_rounds)
    assert fast == naive, "compute_slots and the naive scan disagree"
    assert isinstance(fast, list) and fast, "no slots: the benchmark would measure nothing"

    probe = fast[len(fast) // 2].start
    check_s, verdict = timed(lambda: is_bookable(rules, busy, probe, now, **kwargs), args.rounds)
    assert verdict.ok  # type: ignore[attr-defined]

    print(f"days: {args.days}")
    print(f"busy_blocks: {len(busy)} ({args.busy} provider blocks + {len(booked)} own bookings with buffers)")
    print(f"slots: {len(fast)}")
    print(f"compute_slots_ms: {fast_s * 1000:.2f}")
    print(f"naive_minute_scan_ms: {naive_s * 1000:.1f}")
    print(f"speedup_vs_naive: {naive_s / fast_s:.0f}x")
    print(f"identical_slots: {fast == naive}")
    print(f"is_bookable_ms: {check_s * 1000:.3f}")


if __name__ == "__main__":
    main()
