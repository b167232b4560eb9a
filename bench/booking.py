"""Booking under concurrency on PostgreSQL: latency and zero double bookings.

    python bench/booking.py                       # 20 clients, 30 requests each
    python bench/booking.py --clients 20 --requests 30 --slots 40

The calendar service runs under uvicorn on loopback against a throwaway PostgreSQL database (users and
leads in-process beside it). ``--clients`` clients each book random slots of one host's page over HTTP,
so many requests race for the same time and lose with 409. Afterwards the database is asked for any two
confirmed bookings of the host whose held ranges (meeting plus buffers) overlap: there must be none.

Baselines measured in the same run: a bare INSERT of one row through the same engine by as many
concurrent tasks (the floor of any write), and a GET of the health check over the same HTTP path.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from services.kit.db import session_scope  # noqa: E402
from tests.calendar.support import booking, calendar_stack  # noqa: E402
from tests.conftest import pg_database  # noqa: E402

OVERLAPS = sa.text("""
    SELECT count(*) FROM calendar_bookings a JOIN calendar_bookings b
      ON a.host_id = b.host_id AND a.id < b.id AND a.status = 'confirmed' AND b.status = 'confirmed'
     AND a.held_from < b.held_to AND b.held_from < a.held_to
""")


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def slot_starts(count: int) -> list[str]:
    """The first ``count`` half-hour slots from Tuesday 3 June 2025, weekdays 09:00-17:00 Berlin."""
    found: list[str] = []
    day = dt.date(2025, 6, 3)
    while len(found) < count:
        if day.weekday() < 5:
            found += [f"{day.isoformat()}T{h:02d}:{m:02d}:00+02:00" for h in range(9, 17) for m in (0, 30)]
        day += dt.timedelta(days=1)
    return found[:count]


async def client_loop(http: httpx.AsyncClient, url: str, starts: list[str], requests: int, rng: random.Random,
                      name: int, out: list[tuple[float, int]]) -> None:
    for n in range(requests):
        body = booking(rng.choice(starts), email=f"c{name}-{n}@visitor.example")
        began = time.perf_counter()
        resp = await http.post(url, json=body)
        out.append((time.perf_counter() - began, resp.status_code))


async def timed_concurrently(clients: int, each: int, call) -> list[float]:  # type: ignore[no-untyped-def]
    samples: list[float] = []

    async def one() -> None:
        for _ in range(each):
            began = time.perf_counter()
            await call()
            samples.append(time.perf_counter() - began)

    await asyncio.gather(*(one() for _ in range(clients)))
    return samples


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with pg_database() as database_url, calendar_stack(database_url, Path(tmp), served=True) as stack:
            page = await stack.host_page(buffer_before_minutes=5, buffer_after_minutes=10)
            url = f"/calendar/public/{page['token']}/bookings"
            starts = slot_starts(args.slots)
            limits = httpx.Limits(max_connections=args.clients + 5, max_keepalive_connections=args.clients + 5)
            async with httpx.AsyncClient(base_url=str(stack.calendar.base_url), limits=limits, timeout=60) as http:
                await http.get("/calendar/healthz")
                results: list[tuple[float, int]] = []
                rng = random.Random(args.seed)
                began = time.perf_counter()
                await asyncio.gather(*(client_loop(http, url, starts, args.requests, random.Random(rng.random()), i,
                                                   results) for i in range(args.clients)))
                wall = time.perf_counter() - began
                health = await timed_concurrently(args.clients, args.requests,
                                                  lambda: http.get("/calendar/healthz"))

            engine = stack.runtime.engine
            async with engine.begin() as conn:
                await conn.execute(sa.text("CREATE TABLE bench_baseline (id serial PRIMARY KEY, host_id int, "
                                           "held_from timestamptz, held_to timestamptz, note text)"))

            async def bare_insert() -> None:
                async with session_scope(stack.runtime.sessions) as s:
                    now = dt.datetime.now(dt.UTC)
                    await s.execute(sa.text("INSERT INTO bench_baseline (host_id, held_from, held_to, note) "
                                            "VALUES (1, :a, :b, 'x')"), {"a": now, "b": now})

            inserts = await timed_concurrently(args.clients, args.requests, bare_insert)
            async with engine.connect() as conn:
                overlaps = (await conn.execute(OVERLAPS)).scalar_one()
                confirmed = (await conn.execute(sa.text(
                    "SELECT count(*) FROM calendar_bookings WHERE status = 'confirmed'"))).scalar_one()

    latencies = [t for t, _ in results]
    booked = [t for t, code in results if code == 201]
    refused = [t for t, code in results if code == 409]
    other = len(results) - len(booked) - len(refused)
    p99 = percentile(latencies, 0.99)
    print(f"clients: {args.clients}")
    print(f"requests: {len(results)} ({args.requests} per client, {args.slots} slots to race for)")
    print(f"booked_201: {len(booked)}")
    print(f"conflict_409: {len(refused)}")
    print(f"other_status: {other}")
    print(f"confirmed_rows: {confirmed}")
    print(f"double_bookings: {overlaps}")
    print(f"throughput_req_per_s: {len(results) / wall:.0f}")
    print(f"booking_p50_ms: {statistics.median(latencies) * 1000:.1f}")
    print(f"booking_p95_ms: {percentile(latencies, 0.95) * 1000:.1f}")
    print(f"booking_p99_ms: {p99 * 1000:.1f}")
    if booked:
        print(f"booked_p99_ms: {percentile(booked, 0.99) * 1000:.1f}")
    if refused:
        print(f"conflict_p99_ms: {percentile(refused, 0.99) * 1000:.1f}")
    print(f"baseline_bare_insert_p99_ms: {percentile(inserts, 0.99) * 1000:.1f}")
    print(f"baseline_healthz_get_p99_ms: {percentile(health, 0.99) * 1000:.1f}")
    print(f"booking_p99_vs_bare_insert: {p99 / percentile(inserts, 0.99):.1f}x")
    print(f"booking_p99_vs_healthz_get: {p99 / percentile(health, 0.99):.1f}x")
    assert overlaps == 0, "double booking"
    assert confirmed == len(booked) and other == 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--slots", type=int, default=40)
    parser.add_argument("--seed", type=int, default=20250603)
    asyncio.run(main(parser.parse_args()))
