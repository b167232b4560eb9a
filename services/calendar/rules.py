"""The availability model: what a host states, validated, and its JSON form.

The JSON form is the pinned body of ``PUT /api/calendar/availability``, plus the optional limits and
date overrides::

    {"timezone": "Europe/Berlin",
     "weekly": {"mon": [["09:00", "12:00"], ["13:00", "17:00"]], "sat": []},
     "slot_minutes": 30, "buffer_before_minutes": 10, "buffer_after_minutes": 10,
     "min_notice_minutes": 240, "horizon_days": 60,
     "max_per_day": 4, "max_per_week": 12,
     "overrides": [{"date": "2025-12-24", "hours": []},                 # closed (a holiday)
                   {"date": "2025-12-27", "hours": [["10:00", "12:00"]]}]}  # these hours instead

A missing weekday is closed. An override replaces that day's weekly hours (so extra hours on a
normally closed Saturday are an override with hours; a holiday is one without). ``"24:00"`` ends a
range at midnight. Ranges of one day must not overlap; touching ranges stay separate (a slot never
spans them).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from services.kit.errors import Invalid

from .zones import parse_zone, zone_problem

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLOCK = re.compile(r"([01]\d|2[0-3]):([0-5]\d)|24:00")
MAX_RANGES_PER_DAY = 24
MAX_OVERRIDES = 1000
# (field, minimum, maximum) of the whole-number settings; limits are None (no limit) or in range.
NUMBER_BOUNDS: dict[str, tuple[int, int]] = {
    "slot_minutes": (5, 24 * 60),
    "buffer_before_minutes": (0, 24 * 60),
    "buffer_after_minutes": (0, 24 * 60),
    "min_notice_minutes": (0, 365 * 24 * 60),
    "horizon_days": (1, 730),
    "max_per_day": (1, 500),
    "max_per_week": (1, 3500),
}
DEFAULTS: dict[str, int | None] = {
    "slot_minutes": 30, "buffer_before_minutes": 0, "buffer_after_minutes": 0, "min_notice_minutes": 0,
    "horizon_days": 60, "max_per_day": None, "max_per_week": None,
}


@dataclass(frozen=True, slots=True)
class TimeRange:
    """Wall-clock minutes ``[start, end)`` of a day in the host's zone (0 ≤ start < end ≤ 1440)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end <= 24 * 60):
            raise ValueError(f"a time range needs 00:00 ≤ start < end ≤ 24:00, got {self.start}-{self.end}")

    def to_json(self) -> list[str]:
        return [_clock_text(self.start), _clock_text(self.end)]

    def __str__(self) -> str:
        return f"{_clock_text(self.start)}-{_clock_text(self.end)}"


DayHours = tuple[TimeRange, ...]


@dataclass(frozen=True)
class AvailabilityRules:
    """A host's availability. Build it with :func:`parse_rules` (JSON) or directly; both validate."""

    timezone: str
    weekly: tuple[DayHours, DayHours, DayHours, DayHours, DayHours, DayHours, DayHours]
    slot_minutes: int = 30
    buffer_before_minutes: int = 0
    buffer_after_minutes: int = 0
    min_notice_minutes: int = 0
    horizon_days: int = 60
    max_per_day: int | None = None
    max_per_week: int | None = None
    overrides: Mapping[dt.date, DayHours] = field(default_factory=dict)
    zone: ZoneInfo = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        errors: list[dict[str, Any]] = []
        problem = zone_problem(self.timezone)
        if problem:
            errors.append(_error(["timezone"], problem))
        for name, (low, high) in NUMBER_BOUNDS.items():
            value = getattr(self, name)
            if value is None and DEFAULTS[name] is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                errors.append(_error([name], f"{name} must be a whole number from {low} to {high}."))
        for index, hours in enumerate(self.weekly):
            errors += _hours_problems(["weekly", WEEKDAYS[index]], hours)
        if len(self.overrides) > MAX_OVERRIDES:
            errors.append(_error(["overrides"], f"At most {MAX_OVERRIDES} date overrides."))
        for day, hours in self.overrides.items():
            errors += _hours_problems(["overrides", day.isoformat()], hours)
        if errors:
            raise Invalid(_summary(errors), errors=errors)
        object.__setattr__(self, "zone", parse_zone(self.timezone))

    def to_json(self) -> dict[str, Any]:
        """The JSON form :func:`parse_rules` reads (what a database column or the API holds)."""
        return {
            "timezone": self.timezone,
            "weekly": {WEEKDAYS[i]: [r.to_json() for r in hours] for i, hours in enumerate(self.weekly) if hours},
            **{name: getattr(self, name) for name in NUMBER_BOUNDS},
            "overrides": [{"date": day.isoformat(), "hours": [r.to_json() for r in hours]}
                          for day, hours in sorted(self.overrides.items())],
        }


def parse_rules(payload: Mapping[str, Any]) -> AvailabilityRules:
    """Rules from their JSON form; :class:`Invalid` (422) listing every problem with its location."""
    errors: list[dict[str, Any]] = []
    timezone = payload.get("timezone")
    if not isinstance(timezone, str):
        errors.append(_error(["timezone"], "A time zone is required, as an IANA name such as Europe/Berlin."))
        timezone = ""
    weekly_raw = payload.get("weekly", {})
    week: list[DayHours] = [(), (), (), (), (), (), ()]
    if not isinstance(weekly_raw, Mapping):
        errors.append(_error(["weekly"], 'weekly must map weekdays ("mon" … "sun") to lists of ["HH:MM", "HH:MM"].'))
    else:
        for key, value in weekly_raw.items():
            if key not in WEEKDAYS:
                errors.append(_error(["weekly", str(key)[:10]], 'Weekdays are "mon", "tue", … "sun".'))
                continue
            week[WEEKDAYS.index(key)] = _parse_hours(["weekly", key], value, errors)
    overrides: dict[dt.date, DayHours] = {}
    raw_overrides = payload.get("overrides") or []
    if not isinstance(raw_overrides, Sequence) or isinstance(raw_overrides, str | bytes):
        errors.append(_error(["overrides"], 'overrides must be a list of {"date": "YYYY-MM-DD", "hours": [...]}.'))
        raw_overrides = []
    for index, item in enumerate(raw_overrides[: MAX_OVERRIDES + 1]):
        day = _parse_date(item.get("date") if isinstance(item, Mapping) else None)
        if day is None or not isinstance(item, Mapping):
            errors.append(_error(["overrides", index, "date"], "An override needs a date as YYYY-MM-DD."))
            continue
        if day in overrides:
            errors.append(_error(["overrides", index, "date"], f"{day.isoformat()} is overridden twice."))
            continue
        overrides[day] = _parse_hours(["overrides", index, "hours"], item.get("hours") or [], errors)
    numbers: dict[str, Any] = {name: payload.get(name, DEFAULTS[name]) for name in NUMBER_BOUNDS}
    if errors:
        raise Invalid(_summary(errors), errors=errors)
    return AvailabilityRules(
        timezone=timezone,
        weekly=(week[0], week[1], week[2], week[3], week[4], week[5], week[6]),
        overrides=overrides,
        **numbers,
    )


# --- internals --------------------------------------------------------------------------------


def _parse_hours(loc: list[str | int], value: object, errors: list[dict[str, Any]]) -> DayHours:
    if not isinstance(value, Sequence) or isinstance(value, str | bytes):
        errors.append(_error(loc, 'Hours are a list of ["HH:MM", "HH:MM"] pairs.'))
        return ()
    ranges: list[TimeRange] = []
    for index, pair in enumerate(value[: MAX_RANGES_PER_DAY + 1]):
        if (not isinstance(pair, Sequence) or isinstance(pair, str | bytes) or len(pair) != 2
                or not all(isinstance(p, str) and _CLOCK.fullmatch(p) for p in pair)):
            errors.append(_error([*loc, index], 'A range is ["HH:MM", "HH:MM"], from 00:00 to 24:00.'))
            continue
        start, end = _clock_minutes(pair[0]), _clock_minutes(pair[1])
        if start >= end:
            errors.append(_error([*loc, index], f"{pair[0]}-{pair[1]} ends before it starts."))
            continue
        ranges.append(TimeRange(start, end))
    return tuple(sorted(ranges, key=lambda r: r.start))


def _hours_problems(loc: list[str | int], hours: Sequence[TimeRange]) -> list[dict[str, Any]]:
    if len(hours) > MAX_RANGES_PER_DAY:
        return [_error(loc, f"At most {MAX_RANGES_PER_DAY} ranges a day.")]
    problems = []
    ordered = sorted(hours, key=lambda r: r.start)
    if list(hours) != ordered:
        problems.append(_error(loc, "Ranges must be in order."))
    for earlier, later in itertools.pairwise(ordered):
        if later.start < earlier.end:
            problems.append(_error(loc, f"{earlier} and {later} overlap."))
    return problems


def _parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _clock_minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _clock_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _error(loc: Sequence[str | int], msg: str) -> dict[str, Any]:
    return {"loc": list(loc), "msg": msg, "type": "availability"}


def _summary(errors: list[dict[str, Any]]) -> str:
    first = str(errors[0]["msg"])
    return first if len(errors) == 1 else f"{first} (and {len(errors) - 1} more problems)"
