"""Token buckets per client address and per user, in memory (one gateway replica's view)."""

from __future__ import annotations

import time


class RateLimiter:
    """``per_minute`` requests a minute on average, bursts up to a fifth of that (at least 20)."""

    def __init__(self, per_minute: int, *, max_keys: int = 100_000) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(max(20, per_minute // 5))
        self.enabled = per_minute > 0
        self._buckets: dict[str, tuple[float, float]] = {}
        self._max_keys = max_keys

    def hit(self, key: str) -> float:
        """Take one token; 0.0 when allowed, else the seconds until the next one."""
        if not self.enabled:
            return 0.0
        now = time.monotonic()
        tokens, last = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate
        if len(self._buckets) >= self._max_keys:
            self._buckets.clear()  # crude, but bounded memory matters more than a few free requests
        self._buckets[key] = (tokens - 1.0, now)
        return 0.0
