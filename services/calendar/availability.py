"""A host's availability rules, and the bookable slots they give.

The rules are kept in the host's IANA zone, as a person states them ("Mondays 09:00-12:00 and
13:00-17:00 in Berlin"); slots are computed as UTC instants and shown in the visitor's zone, so a
Berlin host and a New York visitor are both right in the weeks when only one of them has switched
to summer time.

Wall-clock times that do not exist or exist twice (DST switches) are resolved the way RFC 5545
§3.3.5 tells calendar clients to read them, so the .ics we send and the slots we offer agree:

- a nonexistent time (02:30 on the last Sunday of March in Berlin) is read with the offset in force
  before the gap, i.e. it moves forward by the gap's length (to 03:30 CEST);
- an ambiguous time (02:30 on the last Sunday of October) is its first occurrence (CEST).

A range then covers the real time between its two resolved boundaries, so on the night the clocks
go back "01:00-04:00" holds four real hours, and on the night they go forward three; slot starts step
through real time from the range's start, every ``slot_minutes``.

Buffers belong to the meeting being booked: a slot is free when the time from ``buffer_before``
before its start to ``buffer_after`` after its end is free. Our own bookings should be given as the
time they hold (:func:`held_interval`, the same range the database's exclusion constraint guards), so
two of our meetings are always ``buffer_after + buffer_before`` apart; a provider's busy times are given
as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from services.kit.errors import Conflict, Invalid

from .rules import AvailabilityRules, TimeRange
from .zones import parse_zone

__all__ = [
    "CONFLICTS",
    "AvailabilityRules",
    "Interval",
    "Refusal",
    "Slot",
    "TimeRange",
    "Verdict",
    "compute_slots",
    "days_with_slots",
    "held_interval",
    "is_bookable",
    "render_slots",
    "resolve_local",
    "visitor_window",
]

UTC = dt.UTC
_DAY = dt.timedelta(days=1)


class Interval(NamedTuple):
    """A half-open span of time ``[start, end)`` between two aware instants.

    A named tuple because slot computation makes thousands of them per request; the functions
    here refuse naive datetimes where they come in.
    """

    start: dt.datetime
    end: dt.datetime


Slot = Interval
"""A bookable meeting: its UTC start and end (without buffers)."""


class Refusal(StrEnum):
    """Why a start time cannot be booked (a stable code for clients and logs)."""

    PAST = "past"
    MIN_NOTICE = "min_notice"
    BEYOND_HORIZON = "beyond_horizon"
    NOT_A_SLOT = "not_a_slot"
    DAY_LIMIT = "day_limit"
    WEEK_LIMIT = "week_limit"
    BUSY = "busy"


# Refusals that mean "this time is no longer free" (409); the others are a wrong request (422).
CONFLICTS = frozenset({Refusal.DAY_LIMIT, Refusal.WEEK_LIMIT, Refusal.BUSY})


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer of :func:`is_bookable`: ``ok``, or the reason code and a sentence for the visitor."""

    ok: bool
    reason: Refusal | None = None
    message: str = ""

    @property
    def is_conflict(self) -> bool:
        """True when the time was bookable in principle but is taken (answer 409, not 422)."""
        return self.reason in CONFLICTS

    def raise_if_refused(self) -> None:
        """Raise the kit error a route should answer with: Conflict (409) or Invalid (422)."""
        if self.ok:
            return
        error = Conflict if self.is_conflict else Invalid
        raise error(self.message, errors=[{"loc": ["start"], "msg": self.message, "type": str(self.reason)}])


def held_interval(rules: AvailabilityRules, start: dt.datetime, duration: dt.timedelta | None = None) -> Interval:
    """The time a meeting at ``start`` keeps from others: the meeting with its buffers on both sides."""
    length = duration if duration is not None else dt.timedelta(minutes=rules.slot_minutes)
    return Interval(
        _utc(start) - dt.timedelta(minutes=rules.buffer_before_minutes),
        _utc(start) + length + dt.timedelta(minutes=rules.buffer_after_minutes),
    )


def resolve_local(day: dt.date, minute: int, zone: dt.tzinfo) -> dt.datetime:
    """The UTC instant of wall time ``minute`` (0-1440) on ``day`` in ``zone``, read as RFC 5545 does."""
    # fold=0 gives exactly RFC 5545's reading: the earlier offset for a gap and the first occurrence
    # of a repeated hour. 1440 is midnight at the end of the day.
    if minute == 24 * 60:
        day, minute = day + _DAY, 0
    local = dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=zone, fold=0)
    return local.astimezone(UTC)


def visitor_window(first_day: dt.date, last_day: dt.date, zone_name: str) -> tuple[dt.datetime, dt.datetime]:
    """The UTC span of the visitor's days ``first_day`` … ``last_day`` (both included) in their zone."""
    zone = parse_zone(zone_name, field="tz")
    return resolve_local(first_day, 0, zone), resolve_local(last_day + _DAY, 0, zone)


def compute_slots(
    rules: AvailabilityRules,
    busy_intervals: Iterable[Interval],
    window_from: dt.datetime,
    window_to: dt.datetime,
    now: dt.datetime,
    *,
    booked_starts: Iterable[dt.datetime] = (),
    duration: dt.timedelta | None = None,
) -> list[Slot]:
    """Every free slot whose start lies in ``[window_from, window_to)``, in UTC, earliest first.

    ``busy_intervals``: times that are taken (our bookings as :func:`held_interval`, the provider's busy
    blocks as they are), in any order. ``booked_starts``: the starts of the host's bookings, counted
    against the per-day and per-week limits in the host's zone. When rescheduling, leave the moved
    booking out of both. ``duration``: the meeting length when it
    differs from the slot length (a booking page's); starts still step every ``slot_minutes``.

    Costs O(S + B log B) for S candidate starts and B busy blocks: the busy blocks are widened by the
    buffers, merged, and swept once alongside the candidates.
    """
    length = duration if duration is not None else dt.timedelta(minutes=rules.slot_minutes)
    if length <= dt.timedelta(0):
        raise ValueError("a meeting needs a positive duration")
    earliest, end = _bookable_span(rules, _utc(window_from), _utc(window_to), _utc(now))
    if earliest >= end:
        return []
    zone = rules.zone
    full_days, full_weeks = _full_days_and_weeks(rules, booked_starts)
    starts = [
        start
        for start in _candidate_starts(rules, earliest.astimezone(zone).date() - _DAY, end.astimezone(zone).date(),
                                       length, full_days, full_weeks)
        if earliest <= start < end
    ]
    blocks = _widened_blocks(rules, busy_intervals)
    free: list[Slot] = []
    i, count = 0, len(blocks)
    for start in starts:
        finish = start + length
        # Blocks are merged and sorted, and starts rise, so a block that ended before this start is done.
        while i < count and blocks[i][1] <= start:
            i += 1
        if i < count and blocks[i][0] < finish:
            continue
        free.append(Interval(start, finish))
    return free


def is_bookable(
    rules: AvailabilityRules,
    busy_intervals: Iterable[Interval],
    start: dt.datetime,
    now: dt.datetime,
    *,
    booked_starts: Iterable[dt.datetime] = (),
    duration: dt.timedelta | None = None,
) -> Verdict:
    """The booking-time re-check of one start: the same rules as :func:`compute_slots`, with a reason.

    Give the same inputs as to compute_slots (without the booking being rescheduled, if any).
    """
    start = _utc(start)
    now = _utc(now)
    length = duration if duration is not None else dt.timedelta(minutes=rules.slot_minutes)
    zone = rules.zone
    if start < now:
        return Verdict(False, Refusal.PAST, "This time is in the past.")
    if start < now + dt.timedelta(minutes=rules.min_notice_minutes):
        return Verdict(False, Refusal.MIN_NOTICE,
                       f"This time is too soon: book at least {_minutes_text(rules.min_notice_minutes)} ahead.")
    if start >= _horizon_end(rules, now):
        return Verdict(False, Refusal.BEYOND_HORIZON,
                       f"This time is too far ahead: book at most {rules.horizon_days} days ahead.")
    local_day = start.astimezone(zone).date()
    if start not in _candidate_starts(rules, local_day - _DAY, local_day + _DAY, length, set(), set()):
        return Verdict(False, Refusal.NOT_A_SLOT, "This time is not one of the offered slots.")
    full_days, full_weeks = _full_days_and_weeks(rules, booked_starts)
    # compute_slots offers a start when any host day that produces it is below its limits.
    days = _candidate_days(rules, start, length)
    if all(d in full_days for d in days):
        return Verdict(False, Refusal.DAY_LIMIT, "No more meetings can be booked on this day.")
    if all(d in full_days or d.isocalendar()[:2] in full_weeks for d in days):
        return Verdict(False, Refusal.WEEK_LIMIT, "No more meetings can be booked in this week.")
    wanted = held_interval(rules, start, length)
    if any(b.start < wanted.end and wanted.start < b.end for b in busy_intervals):
        return Verdict(False, Refusal.BUSY, "This time is no longer free.")
    return Verdict(True)


def render_slots(slots: Iterable[Slot], zone_name: str) -> list[dict[str, str]]:
    """Slots as ``{"start", "end"}`` ISO 8601 strings with the offset of ``zone_name`` at each instant."""
    zone = parse_zone(zone_name, field="tz")
    return [
        {"start": s.start.astimezone(zone).isoformat(timespec="seconds"),
         "end": s.end.astimezone(zone).isoformat(timespec="seconds")}
        for s in slots
    ]


def days_with_slots(slots: Iterable[Slot], zone_name: str) -> list[dt.date]:
    """The visitor's calendar days (in ``zone_name``) that hold at least one slot, for the month view."""
    zone = parse_zone(zone_name, field="tz")
    return sorted({s.start.astimezone(zone).date() for s in slots})


# --- internals --------------------------------------------------------------------------------


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are refused: give an aware instant")
    return moment.astimezone(UTC)


def _horizon_end(rules: AvailabilityRules, now: dt.datetime) -> dt.datetime:
    # The horizon counts whole days of the host: today plus horizon_days more, to the end of that day.
    today = now.astimezone(rules.zone).date()
    return resolve_local(today + dt.timedelta(days=rules.horizon_days + 1), 0, rules.zone)


def _bookable_span(
    rules: AvailabilityRules, window_from: dt.datetime, window_to: dt.datetime, now: dt.datetime
) -> tuple[dt.datetime, dt.datetime]:
    earliest = max(window_from, now + dt.timedelta(minutes=rules.min_notice_minutes))
    return earliest, min(window_to, _horizon_end(rules, now))


def _ranges_on(rules: AvailabilityRules, day: dt.date) -> Sequence[TimeRange]:
    override = rules.overrides.get(day)
    return override if override is not None else rules.weekly[day.weekday()]


def _candidate_starts(
    rules: AvailabilityRules,
    first_day: dt.date,
    last_day: dt.date,
    length: dt.timedelta,
    full_days: set[dt.date],
    full_weeks: set[tuple[int, int]],
) -> list[dt.datetime]:
    """Slot starts of the host's days first_day…last_day, sorted and unique, before busy and notice."""
    zone = rules.zone
    step = dt.timedelta(minutes=rules.slot_minutes)
    starts: list[dt.datetime] = []
    day = first_day
    while day <= last_day:
        if day not in full_days and day.isocalendar()[:2] not in full_weeks:
            for time_range in _ranges_on(rules, day):
                begin = resolve_local(day, time_range.start, zone)
                close = resolve_local(day, time_range.end, zone)
                moment = begin
                while moment + length <= close:
                    starts.append(moment)
                    moment += step
        day += _DAY
    # Ranges resolved across a spring-forward gap may overlap in real time: sort and drop repeats.
    starts.sort()
    return [s for k, s in enumerate(starts) if k == 0 or s != starts[k - 1]]


def _candidate_days(rules: AvailabilityRules, start: dt.datetime, length: dt.timedelta) -> list[dt.date]:
    """The host day(s) whose ranges offer ``start`` (one, except when DST makes neighbours overlap)."""
    local_day = start.astimezone(rules.zone).date()
    return [
        day
        for day in (local_day - _DAY, local_day, local_day + _DAY)
        if start in _candidate_starts(rules, day, day, length, set(), set())
    ]


def _full_days_and_weeks(
    rules: AvailabilityRules, booked_starts: Iterable[dt.datetime]
) -> tuple[set[dt.date], set[tuple[int, int]]]:
    if rules.max_per_day is None and rules.max_per_week is None:
        return set(), set()
    per_day: dict[dt.date, int] = {}
    per_week: dict[tuple[int, int], int] = {}
    for booked in booked_starts:
        day = _utc(booked).astimezone(rules.zone).date()
        week = day.isocalendar()[:2]
        per_day[day] = per_day.get(day, 0) + 1
        per_week[week] = per_week.get(week, 0) + 1
    full_days = {d for d, n in per_day.items() if rules.max_per_day is not None and n >= rules.max_per_day}
    full_weeks = {w for w, n in per_week.items() if rules.max_per_week is not None and n >= rules.max_per_week}
    return full_days, full_weeks


def _widened_blocks(rules: AvailabilityRules, busy: Iterable[Interval]) -> list[tuple[dt.datetime, dt.datetime]]:
    """Busy blocks widened by the buffers (so a bare slot can be tested against them), sorted and merged."""
    before = dt.timedelta(minutes=rules.buffer_before_minutes)
    after = dt.timedelta(minutes=rules.buffer_after_minutes)
    # A slot needs `before` free ahead of its start and `after` behind its end: a busy block therefore
    # shuts out slots that start less than `before` after it or end less than `after` ahead of it.
    widened = sorted((_utc(b.start) - after, _utc(b.end) + before) for b in busy)
    merged: list[tuple[dt.datetime, dt.datetime]] = []
    for begin, finish in widened:
        if merged and begin <= merged[-1][1]:
            if finish > merged[-1][1]:
                merged[-1] = (merged[-1][0], finish)
        else:
            merged.append((begin, finish))
    return merged


def _minutes_text(minutes: int) -> str:
    if minutes % (24 * 60) == 0 and minutes:
        days = minutes // (24 * 60)
        return f"{days} day{'s' if days != 1 else ''}"
    if minutes % 60 == 0 and minutes:
        hours = minutes // 60
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{minutes} minute{'s' if minutes != 1 else ''}"

