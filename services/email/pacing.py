"""Pacing rules as pure functions: daily caps, gaps with jitter, warm-up, send windows, business days.

All instants are timezone-aware; results are in UTC. Nothing here reads a clock or a database:
callers pass ``now``, the mailbox's recent send times and a ``random.Random`` for jitter.

* :func:`daily_cap` — the cap for a day, following an optional warm-up ramp
  (``start`` a day, ``+step`` each day, up to the mailbox's limit).
* :func:`next_send_at` — when a mailbox may send next: the rolling-24-hour cap (the oldest send in the
  window must age out first) and the minimum gap (plus jitter) after the last send.
* :class:`SendWindow` and :func:`next_window_time` — weekdays and hours in the *contact's* zone; an
  instant outside the window moves to the next opening (DST-safe through zoneinfo).
* :func:`contact_timezone` — an explicit zone wins, else the country's zone from
  :data:`COUNTRY_TIMEZONES` (DACH and common countries; overridable), else the default.
* :func:`step_due_at` — when a sequence step is due: ``delay_days`` calendar or business days after
  the previous step, at the same local time of day.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAY = timedelta(days=1)

# Country (ISO 3166-1 alpha-2) → IANA zone; for countries spanning zones, the most populous one.
COUNTRY_TIMEZONES: dict[str, str] = {
    "DE": "Europe/Berlin", "AT": "Europe/Vienna", "CH": "Europe/Zurich", "LI": "Europe/Vaduz",
    "LU": "Europe/Luxembourg", "NL": "Europe/Amsterdam", "BE": "Europe/Brussels", "FR": "Europe/Paris",
    "IT": "Europe/Rome", "ES": "Europe/Madrid", "PT": "Europe/Lisbon", "GB": "Europe/London",
    "UK": "Europe/London", "IE": "Europe/Dublin", "DK": "Europe/Copenhagen", "SE": "Europe/Stockholm",
    "NO": "Europe/Oslo", "FI": "Europe/Helsinki", "PL": "Europe/Warsaw", "CZ": "Europe/Prague",
    "SK": "Europe/Bratislava", "HU": "Europe/Budapest", "SI": "Europe/Ljubljana", "HR": "Europe/Zagreb",
    "RO": "Europe/Bucharest", "BG": "Europe/Sofia", "GR": "Europe/Athens", "EE": "Europe/Tallinn",
    "LV": "Europe/Riga", "LT": "Europe/Vilnius", "TR": "Europe/Istanbul", "UA": "Europe/Kyiv",
    "US": "America/New_York", "CA": "America/Toronto", "MX": "America/Mexico_City", "BR": "America/Sao_Paulo",
    "AR": "America/Argentina/Buenos_Aires", "IN": "Asia/Kolkata", "CN": "Asia/Shanghai", "JP": "Asia/Tokyo",
    "KR": "Asia/Seoul", "SG": "Asia/Singapore", "HK": "Asia/Hong_Kong", "AE": "Asia/Dubai", "IL": "Asia/Jerusalem",
    "AU": "Australia/Sydney", "NZ": "Pacific/Auckland", "ZA": "Africa/Johannesburg",
}


@dataclass(frozen=True, slots=True)
class Warmup:
    started_on: date
    start_per_day: int = 10
    step_per_day: int = 5


@dataclass(frozen=True, slots=True)
class Pacing:
    daily_limit: int | None = 50  # None or 0: no cap
    min_gap_seconds: float = 120.0
    jitter: float = 0.3  # up to this fraction of the gap added at random
    warmup: Warmup | None = None


@dataclass(frozen=True, slots=True)
class SendWindow:
    """Weekdays (0 = Monday) and local hours [start, end); end <= start means "until end of day"."""

    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    start: time = time(8, 0)
    end: time = time(17, 0)

    def __post_init__(self) -> None:
        if not self.weekdays or not self.weekdays <= set(range(7)):
            raise ValueError("a send window needs weekdays between 0 (Monday) and 6 (Sunday)")

    def _end_on(self, day: date, zone: ZoneInfo) -> datetime:
        if self.end <= self.start:
            return datetime.combine(day + DAY, time(0), zone)
        return datetime.combine(day, self.end, zone)

    def contains(self, instant: datetime, zone: ZoneInfo) -> bool:
        local = instant.astimezone(zone)
        if local.weekday() not in self.weekdays:
            return False
        start = datetime.combine(local.date(), self.start, zone)
        return start <= local < self._end_on(local.date(), zone)


def daily_cap(pacing: Pacing, day: date) -> int | None:
    """The number of messages allowed in 24 h on ``day`` (None: unlimited)."""
    limit = pacing.daily_limit or None
    if pacing.warmup is None:
        return limit
    days_in = max((day - pacing.warmup.started_on).days, 0)
    ramp = pacing.warmup.start_per_day + days_in * pacing.warmup.step_per_day
    return ramp if limit is None else min(ramp, limit)


def next_send_at(pacing: Pacing, recent_sends: Sequence[datetime], now: datetime,
                 rng: random.Random | None = None) -> datetime:
    """The earliest instant ≥ now at which the mailbox may send, given its sends of the last 24 h+.

    ``recent_sends`` may hold older entries and need not be sorted. The gap's jitter is drawn from
    ``rng``, so a caller that wants a stable schedule passes a seeded one.
    """
    now = now.astimezone(UTC)
    sends = sorted(s.astimezone(UTC) for s in recent_sends if s.astimezone(UTC) > now - DAY)
    earliest = now
    cap = daily_cap(pacing, now.date())
    if cap is not None:
        if cap <= 0:
            return datetime.combine(now.date() + DAY, time(0), UTC)
        if len(sends) >= cap:
            # The (len - cap + 1)-th oldest send must leave the rolling window.
            earliest = max(earliest, sends[len(sends) - cap] + DAY)
    if sends and pacing.min_gap_seconds > 0:
        jitter = (rng or random.Random()).random() * pacing.jitter if pacing.jitter else 0.0
        earliest = max(earliest, sends[-1] + timedelta(seconds=pacing.min_gap_seconds * (1 + jitter)))
    return earliest


def sends_left_today(pacing: Pacing, recent_sends: Sequence[datetime], now: datetime) -> int | None:
    """How many more messages fit in the rolling 24 h right now (None: no cap)."""
    cap = daily_cap(pacing, now.astimezone(UTC).date())
    if cap is None:
        return None
    in_window = sum(1 for s in recent_sends if s.astimezone(UTC) > now.astimezone(UTC) - DAY)
    return max(cap - in_window, 0)


def next_window_time(window: SendWindow | None, after: datetime, zone: ZoneInfo) -> datetime:
    """``after`` if it lies in the window, else the window's next opening (UTC). None: any time."""
    if window is None or window.contains(after, zone):
        return after.astimezone(UTC)
    local = after.astimezone(zone)
    for offset in range(8):
        day = local.date() + timedelta(days=offset)
        if day.weekday() not in window.weekdays:
            continue
        opening = datetime.combine(day, window.start, zone)
        # A start time that does not exist on a DST day lands in the gap; zoneinfo shifts it forward.
        opening = opening.astimezone(UTC).astimezone(zone)
        if opening >= local:
            return opening.astimezone(UTC)
    raise AssertionError("a window with at least one weekday opens within 8 days")  # pragma: no cover


def next_time_in_windows(windows: Sequence[SendWindow | None], after: datetime, zone: ZoneInfo) -> datetime:
    """The first moment from ``after`` that lies in every window (the campaign's and the mailbox's), UTC.

    Each window's next opening is taken in turn until none moves the time; two windows that never overlap
    (Mondays only and Tuesdays only) give up after two weeks and return the last candidate, which the
    sender re-checks then."""
    at = after.astimezone(UTC)
    for _ in range(32):
        moved = at
        for window in windows:
            moved = next_window_time(window, moved, zone)
        if moved == at:
            return at
        at = moved
        if at - after > timedelta(days=14):
            break
    return at


def contact_timezone(country: str | None, explicit: str | None = None, *, default: str = "Europe/Berlin",
                     overrides: Mapping[str, str] | None = None) -> ZoneInfo:
    """The zone to send in: the contact's own, else its (company's) country's, else the default."""
    for name in (explicit, _country_zone(country, overrides)):
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return ZoneInfo(default)


def _country_zone(country: str | None, overrides: Mapping[str, str] | None) -> str | None:
    if not country:
        return None
    code = country.strip().upper()
    return (overrides or {}).get(code) or COUNTRY_TIMEZONES.get(code)


def add_business_days(day: date, days: int, holidays: frozenset[date] = frozenset()) -> date:
    """``days`` working days (Monday to Friday, not in ``holidays``) after ``day``; 0 keeps a working day,
    and moves a weekend day or holiday to the next working day."""
    current = day
    while current.weekday() >= 5 or current in holidays:
        current += DAY
    remaining = days
    while remaining > 0:
        current += DAY
        if current.weekday() < 5 and current not in holidays:
            remaining -= 1
    return current


def step_due_at(previous: datetime, delay_days: float, zone: ZoneInfo, *, business_days: bool = False,
                holidays: frozenset[date] = frozenset()) -> datetime:
    """When the next step is due after the previous one went out at ``previous`` (UTC result).

    Calendar days keep the local time of day across DST changes; business days count Monday to Friday
    in the contact's zone. Fractions of a day are allowed for calendar delays (0.5 = 12 hours).
    """
    local = previous.astimezone(zone)
    if business_days:
        target = add_business_days(local.date(), math.ceil(delay_days), holidays)
        return datetime.combine(target, local.timetz().replace(tzinfo=None), zone).astimezone(UTC)
    whole = int(delay_days)
    moved = datetime.combine(local.date() + timedelta(days=whole), local.timetz().replace(tzinfo=None), zone)
    return (moved.astimezone(UTC) + timedelta(days=delay_days - whole)).astimezone(UTC)


def earliest_send_time(*, now: datetime, due_at: datetime, pacing: Pacing, recent_sends: Sequence[datetime],
                       window: SendWindow | None, zone: ZoneInfo, rng: random.Random | None = None) -> datetime:
    """The next instant a message may go: due, paced for the mailbox, and inside the contact's window.

    Pacing and the window are applied until both agree (a paced time may fall outside the window).
    """
    candidate = max(now.astimezone(UTC), due_at.astimezone(UTC))
    rng = rng or random.Random()
    jitter_draw = rng.random()
    for _ in range(16):
        paced = next_send_at(pacing, recent_sends, candidate, random.Random(jitter_draw))
        windowed = next_window_time(window, paced, zone)
        if windowed == candidate:
            return candidate
        candidate = windowed
    return candidate
