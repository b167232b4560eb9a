"""Per-host concurrency and delay under a global limit."""

from __future__ import annotations

import asyncio
import threading
import time

from services.leads.crawler import net
from services.leads.crawler.fetch import Fetcher
from services.leads.crawler.politeness import Politeness
from tests.leads.sites import Reply, Seen, SiteServer, crawler_settings, html


class Gauge:
    """Counts requests in progress on the server side."""

    def __init__(self, hold: float) -> None:
        self.hold = hold
        self.now = self.peak = 0
        self.starts: list[float] = []
        self._lock = threading.Lock()

    def __call__(self, seen: Seen) -> Reply:
        with self._lock:
            self.now += 1
            self.peak = max(self.peak, self.now)
            self.starts.append(time.monotonic())
        time.sleep(self.hold)
        with self._lock:
            self.now -= 1
        return Reply(body=html("ok"))


async def test_at_most_two_requests_per_host_and_a_delay():
    gauge = Gauge(hold=0.15)
    with SiteServer({"*": gauge}) as site:
        settings = crawler_settings(allow_addresses=[site.address], per_host_delay=0.1)
        async with Fetcher(settings, resolver=net.mapping_resolver({"polite.test": "127.0.0.1"})) as fetcher:
            urls = [f"http://polite.test:{site.port}/p{i}" for i in range(6)]
            await asyncio.wait_for(asyncio.gather(*(fetcher.fetch_page(u) for u in urls)), 10)
    assert gauge.peak == 2
    gaps = [b - a for a, b in zip(gauge.starts, gauge.starts[1:], strict=False)]
    # Request starts to one host are spaced by the delay (measured at the server: allow jitter).
    assert min(gaps) >= 0.05 and sum(gaps) / len(gaps) >= 0.09


async def test_global_limit_across_hosts():
    gauge = Gauge(hold=0.15)
    with SiteServer({"*": gauge}) as site:
        settings = crawler_settings(allow_addresses=[site.address], global_concurrency=3)
        hosts = {f"h{i}.test": "127.0.0.1" for i in range(8)}
        async with Fetcher(settings, resolver=net.mapping_resolver(hosts)) as fetcher:
            urls = [f"http://{h}:{site.port}/" for h in hosts]
            await asyncio.wait_for(asyncio.gather(*(fetcher.fetch_page(u) for u in urls)), 10)
    assert 2 <= gauge.peak <= 3  # never more than the global limit


async def test_slow_host_does_not_hold_global_slots_while_waiting_for_its_delay():
    politeness = Politeness(global_concurrency=1, per_host=2, delay=0.5)
    order: list[str] = []

    async def use(host: str) -> None:
        async with politeness.slot(host):
            order.append(host)

    await use("a")  # "a" must now wait 0.5 s before its next request ...
    started = time.monotonic()
    await asyncio.gather(use("a"), use("b"))
    assert order == ["a", "b", "a"]  # ... and "b" got the only global slot meanwhile
    assert time.monotonic() - started >= 0.45
