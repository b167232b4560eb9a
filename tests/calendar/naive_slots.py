"""A deliberately naive oracle for slot computation: walk the time minute by minute.

It shares only the definitions with services/calendar/availability.py (how a wall time resolves,
what notice and horizon mean), not the algorithm: every minute of the window is tested against the
resolved ranges, and every minute a meeting and its buffers would cover is looked up in a set of busy
minutes. tests/calendar compare it with compute_slots on random inputs; bench/slots.py times both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from services.calendar.availability import AvailabilityRules, Interval, resolve_local

UTC = dt.UTC
MINUTE = dt.timedelta(minutes=1)
MICRO = dt.timedelta(microseconds=1)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)


def _minute_index(moment: dt.datetime) -> int:
    return int((moment - EPOCH).total_seconds() // 60)


def naive_slots(
    rules: AvailabilityRules,
    busy: Iterable[Interval],
    window_from: dt.datetime,
    window_to: dt.datetime,
    now: dt.datetime,
    *,
    booked_starts: Iterable[dt.datetime] = (),
    duration: dt.timedelta | None = None,
) -> list[Interval]:
    zone = rules.zone
    length = duration or dt.timedelta(minutes=rules.slot_minutes)
    step = dt.timedelta(minutes=rules.slot_minutes)
    earliest = max(window_from, now + dt.timedelta(minutes=rules.min_notice_minutes))
    today = now.astimezone(zone).date()
    horizon_end = resolve_local(today + dt.timedelta(days=rules.horizon_days + 1), 0, zone)
    end = min(window_to, horizon_end)

    busy_minutes: set[int] = set()
    for block in busy:  # every minute a block touches is busy (blocks here have a positive length)
        busy_minutes.update(range(_minute_index(block.start), _minute_index(block.end - MICRO) + 1))

    per_day: dict[dt.date, int] = {}
    per_week: dict[tuple[int, int], int] = {}
    for booked in booked_starts:
        day = booked.astimezone(zone).date()
        per_day[day] = per_day.get(day, 0) + 1
        per_week[day.isocalendar()[:2]] = per_week.get(day.isocalendar()[:2], 0) + 1

    def day_open(day: dt.date) -> bool:
        if rules.max_per_day is not None and per_day.get(day, 0) >= rules.max_per_day:
            return False
        return not (rules.max_per_week is not None and per_week.get(day.isocalendar()[:2], 0) >= rules.max_per_week)

    ranges_cache: dict[dt.date, list[tuple[dt.datetime, dt.datetime]]] = {}

    def resolved(day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        if day not in ranges_cache:
            hours = rules.overrides.get(day, rules.weekly[day.weekday()])
            ranges_cache[day] = [(resolve_local(day, r.start, zone), resolve_local(day, r.end, zone)) for r in hours]
        return ranges_cache[day]

    before = rules.buffer_before_minutes
    after = rules.buffer_after_minutes
    length_minutes = int(length.total_seconds() // 60)
    out: list[Interval] = []
    if earliest >= end:
        return out
    # Range starts are whole minutes, so walking whole minutes visits every possible start.
    moment = EPOCH + _minute_index(earliest) * MINUTE
    while moment < end:
        if moment >= earliest:
            local_day = moment.astimezone(zone).date()
            is_start = any(
                begin <= moment and moment + length <= close and (moment - begin) % step == dt.timedelta(0)
                for day in (local_day - dt.timedelta(days=1), local_day)
                if day_open(day)
                for begin, close in resolved(day)
            )
            if is_start:
                first = _minute_index(moment) - before
                if not any(m in busy_minutes for m in range(first, first + before + length_minutes + after)):
                    out.append(Interval(moment, moment + length))
        moment += MINUTE
    return out
