"""Concurrency limits: a global cap, and per host at most N requests at once spaced by a delay."""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass
class _HostState:
    semaphore: asyncio.Semaphore
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0
    users: int = 0


class Politeness:
    """``async with politeness.slot(host_key): ...`` around every request that leaves the process.

    The host slot is taken before the global one so a slow host never holds global slots while it
    waits for its own delay, which would starve every other site.
    """

    def __init__(self, global_concurrency: int, per_host: int, delay: float, max_hosts: int = 4096) -> None:
        self._global = asyncio.Semaphore(global_concurrency)
        self._per_host = per_host
        self._delay = delay
        self._hosts: OrderedDict[str, _HostState] = OrderedDict()
        self._max_hosts = max_hosts

    def _state(self, key: str) -> _HostState:
        state = self._hosts.get(key)
        if state is None:
            state = _HostState(asyncio.Semaphore(self._per_host))
            self._hosts[key] = state
            # Forget idle hosts so a long run over many sites does not grow without bound.
            while len(self._hosts) > self._max_hosts:
                oldest_key, oldest = next(iter(self._hosts.items()))
                if oldest.users:
                    break
                del self._hosts[oldest_key]
        else:
            self._hosts.move_to_end(key)
        return state

    @asynccontextmanager
    async def slot(self, host_key: str, *, delay: bool = True) -> AsyncIterator[None]:
        """``delay=False`` for a rendered page's subresources, which a browser loads at once."""
        state = self._state(host_key)
        state.users += 1
        try:
            async with state.semaphore:
                if delay and self._delay > 0:
                    async with state.lock:
                        wait = state.next_start - time.monotonic()
                        if wait > 0:
                            await asyncio.sleep(wait)
                        state.next_start = time.monotonic() + self._delay
                async with self._global:
                    yield
        finally:
            state.users -= 1
