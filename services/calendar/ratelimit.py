"""Abuse limits of the public booking page, per client address and per e-mail address.

Token buckets kept in this process's memory: a key may spend ``limit`` requests at once and earns them
back evenly over ``per_seconds``. Several calendar processes each keep their own buckets, so the
effective limit is that many times higher; the gateway's own per-address limit stays in front of all.

Unknown links are counted on their own: an address that has tried ``OUTBOUND_CALENDAR_BAD_LINKS_PER_HOUR_IP``
links that do not exist is refused every public request until its bucket refills, which turns guessing
tokens (already hopeless at 256 bits) into a wait.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Literal

from services.kit.errors import RateLimited

from .links import LinkInvalid
from .settings import CalendarSettings

MAX_KEYS = 100_000


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """``limit`` requests per ``per_seconds`` per key; ``limit`` 0 lets everything through."""

    def __init__(self, limit: int, per_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.rate = limit / per_seconds if limit else 0.0
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}

    def _bucket(self, key: str) -> _Bucket:
        now = self._clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= MAX_KEYS:
                self._forget_full(now)
            bucket = self._buckets[key] = _Bucket(float(self.limit), now)
        else:
            bucket.tokens = min(float(self.limit), bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
        return bucket

    def wait(self, key: str) -> int | None:
        """Seconds until ``key`` may go again without spending anything; None when it may go now."""
        if not self.limit:
            return None
        bucket = self._bucket(key)
        return None if bucket.tokens >= 1 else math.ceil((1 - bucket.tokens) / self.rate)

    def spend(self, key: str) -> int | None:
        """Spend one request of ``key``; the seconds to wait instead when none is left."""
        if not self.limit:
            return None
        bucket = self._bucket(key)
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return None
        return math.ceil((1 - bucket.tokens) / self.rate)

    def _forget_full(self, now: float) -> None:
        # Keys whose bucket has refilled carry no information; dropping them bounds the memory.
        for key in [k for k, b in self._buckets.items()
                    if b.tokens + (now - b.updated) * self.rate >= self.limit]:
            del self._buckets[key]
        if len(self._buckets) >= MAX_KEYS:
            self._buckets.clear()


Kind = Literal["read", "write"]


class PublicLimits:
    """The public page's limits, from the settings."""

    def __init__(self, settings: CalendarSettings, clock: Callable[[], float] = time.monotonic) -> None:
        self.reads = RateLimiter(settings.calendar_reads_per_minute_ip, 60, clock)
        self.writes = RateLimiter(settings.calendar_writes_per_hour_ip, 3600, clock)
        self.emails = RateLimiter(settings.calendar_bookings_per_hour_email, 3600, clock)
        self.bad_links = RateLimiter(settings.calendar_bad_links_per_hour_ip, 3600, clock)

    @contextlib.asynccontextmanager
    async def guard(self, ip: str | None, kind: Kind) -> AsyncIterator[None]:
        """Refuse an address over its limit; count the unknown links it tries."""
        key = ip or "unknown"
        wait = self.bad_links.wait(key)
        if wait is None:
            wait = (self.reads if kind == "read" else self.writes).spend(key)
        if wait is not None:
            raise RateLimited("Too many requests from your address; try again later.", retry_after=wait)
        try:
            yield
        except LinkInvalid:
            self.bad_links.spend(key)
            raise

    def spend_email(self, email: str) -> None:
        """Count a booking for ``email``; RateLimited when it has booked too often lately."""
        wait = self.emails.spend(email.strip().lower())
        if wait is not None:
            raise RateLimited("Too many bookings for this e-mail address; try again later.", retry_after=wait)
