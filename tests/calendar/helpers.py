"""Builders for availability tests."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from services.calendar.availability import Interval
from services.calendar.rules import AvailabilityRules, parse_rules

UTC = dt.UTC
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
WORKDAYS = {d: [["09:00", "12:00"], ["13:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}


def rules(**changes: Any) -> AvailabilityRules:
    payload: dict[str, Any] = {"timezone": "Europe/Berlin", "weekly": WORKDAYS, "slot_minutes": 30,
                               "horizon_days": 365}
    payload.update(changes)
    return parse_rules(payload)


def at(zone: ZoneInfo, *parts: int, fold: int = 0) -> dt.datetime:
    """An aware instant from wall time in ``zone``, returned in UTC."""
    return dt.datetime(*parts, tzinfo=zone, fold=fold).astimezone(UTC)  # type: ignore[misc]


def utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def interval(start: dt.datetime, minutes: int) -> Interval:
    return Interval(start, start + dt.timedelta(minutes=minutes))


def day_window(day: dt.date, zone: ZoneInfo = BERLIN) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(UTC)
    nxt = day + dt.timedelta(days=1)
    return start, dt.datetime(nxt.year, nxt.month, nxt.day, tzinfo=zone).astimezone(UTC)


def starts(slots: list[Interval], zone: ZoneInfo = BERLIN) -> list[str]:
    return [s.start.astimezone(zone).strftime("%H:%M%z") for s in slots]
