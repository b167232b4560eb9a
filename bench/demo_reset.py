"""The public demo's reset: how long `outbound demo reset` takes, and what it does to the demo's reads.

The demo runs as `outbound up` in demo mode on the seeded data, with every service's database named the
way an operator names it (SQLite: a file per service; PostgreSQL: one database). A client reads through
the gateway at a steady rate (list pages, a company, its timeline, its AI profile, the bookings), first
with no reset running, then while `outbound demo reset` runs beside it as the cron container runs it.

Printed per backend: the reset's wall time as a process (start-up, building the seed, migrations
check, one transaction per service) and the time inside the transactions (what the services report);
the p99 of reads without a reset, during one, and their ratio (same run, same load).

    .venv/bin/python bench/demo_reset.py [--backends sqlite,postgresql] [--rate 50] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import OUTBOUND, ROOT, free_port, outbound, wait_http

PG_ADMIN_DSN = os.environ.get("OUTBOUND_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
SERVICES = ("users", "leads", "ai", "calendar", "email")
SECRET = "bench-demo-calendar-secret-0123456789abcdef"


def _env(urls: dict[str, str], data_dir: Path, **extra: str) -> dict[str, str]:
    env = {f"OUTBOUND_{name.upper()}_DATABASE_URL": url for name, url in urls.items()}
    env.update(OUTBOUND_DATA_DIR=str(data_dir), OUTBOUND_CALENDAR_SECRET=SECRET, OUTBOUND_LOG_LEVEL="WARNING", **extra)
    return env


SLOWEST: dict[str, float] = {}


async def _read(client: httpx.AsyncClient, latencies: list[float], failures: list[int]) -> None:
    cid = random.randint(1, 45)
    path = random.choice(("/api/leads/companies?limit=25", f"/api/leads/companies/{cid}",
                          f"/api/leads/companies/{cid}/timeline", f"/api/ai/enrich/company/{cid}",
                          "/api/calendar/bookings", "/api/email/campaigns"))
    started = time.perf_counter()
    resp = await client.get(path)
    took = time.perf_counter() - started
    latencies.append(took)
    kind = path.split("/")[2] + ("/timeline" if path.endswith("timeline") else "")
    SLOWEST[kind] = max(SLOWEST.get(kind, 0.0), took)
    if resp.status_code >= 500:
        failures.append(resp.status_code)


async def _load(client: httpx.AsyncClient, rate: int, until: asyncio.Event) -> tuple[list[float], list[int]]:
    latencies: list[float] = []
    failures: list[int] = []
    tasks: set[asyncio.Task[None]] = set()
    start, n = time.perf_counter(), 0
    while not until.is_set():
        n += 1
        task = asyncio.create_task(_read(client, latencies, failures))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        await asyncio.sleep(max(0.0, start + n / rate - time.perf_counter()))
    if tasks:
        await asyncio.wait(tasks)
    return latencies, failures


def _p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] * 1000


async def _measure(port: int, env: dict[str, str], rate: int, rounds: int) -> dict[str, float]:
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30,
                                 headers={"X-Requested-With": "bench"}) as client:
        entered = await client.post("/api/auth/demo")
        entered.raise_for_status()
        client.headers["Authorization"] = f"Bearer {entered.json()['access_token']}"
        quiet, during, walls, inside, failures = [], [], [], [], 0
        for _ in range(rounds):
            stop = asyncio.Event()
            load = asyncio.create_task(_load(client, rate, stop))
            await asyncio.sleep(8)
            stop.set()
            lat, failed = await load
            quiet += lat
            failures += len(failed)
            stop = asyncio.Event()
            load = asyncio.create_task(_load(client, rate, stop))
            started = time.perf_counter()
            proc = await asyncio.create_subprocess_exec(*OUTBOUND, "demo", "reset", cwd=ROOT, env={**os.environ, **env},
                                                        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
            out, err = await proc.communicate()
            walls.append(time.perf_counter() - started)
            stop.set()
            lat, failed = await load
            during += lat
            failures += len(failed)
            if proc.returncode != 0:
                raise RuntimeError(err.decode()[-2000:])
            # "leads: reset — … (0.16 s)": the seconds each service's step took (migration check + transaction)
            inside.append(sum(float(line.rsplit("(", 1)[1].split()[0]) for line in out.decode().splitlines()))
        return {"reset_wall_s": statistics.median(walls), "reset_services_s": statistics.median(inside),
                "reads_p99_quiet_ms": _p99(quiet), "reads_p99_during_ms": _p99(during),
                "reads_during": len(during), "server_errors": failures}


async def _pg_database() -> tuple[str, str]:
    import asyncpg

    name = f"bench_demo_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(PG_ADMIN_DSN)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    base = PG_ADMIN_DSN.rsplit("/", 1)[0]
    return name, f"{base}/{name}"


async def _drop(name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN_DSN)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def run_backend(backend: str, rate: int, rounds: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        pg_name = None
        if backend == "postgresql":
            pg_name, url = asyncio.run(_pg_database())
            urls = dict.fromkeys(SERVICES, url)
        else:
            urls = {name: f"sqlite+aiosqlite:///{data_dir / (name + '.db')}" for name in SERVICES}
        try:
            env = _env(urls, data_dir)
            subprocess.run([*OUTBOUND, "demo", "seed"], cwd=ROOT, env={**os.environ, **env}, check=True,
                           capture_output=True)
            port = free_port()
            serve_env = {**env, "OUTBOUND_DEMO_MODE": "true", "OUTBOUND_RATE_LIMIT_IP": "0",
                         "OUTBOUND_RATE_LIMIT_USER": "0"}
            with outbound(["up", "--port", str(port)], serve_env):
                wait_http(f"http://127.0.0.1:{port}/healthz", timeout=120)
                return asyncio.run(_measure(port, env, rate, rounds))
        finally:
            if pg_name:
                asyncio.run(_drop(pg_name))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--rate", type=int, default=50, help="reads per second")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    for backend in args.backends.split(","):
        r = run_backend(backend, args.rate, args.rounds)
        print(f"{backend}.reset_wall_s: {r['reset_wall_s']:.2f}")
        print(f"{backend}.reset_services_s: {r['reset_services_s']:.2f}")
        print(f"{backend}.reads_p99_quiet_ms: {r['reads_p99_quiet_ms']:.1f}")
        print(f"{backend}.reads_p99_during_reset_ms: {r['reads_p99_during_ms']:.1f}")
        print(f"{backend}.reads_p99_ratio_during_vs_quiet: {r['reads_p99_during_ms'] / r['reads_p99_quiet_ms']:.2f}x")
        print(f"{backend}.reads_during_reset: {r['reads_during']}")
        print(f"{backend}.server_errors: {r['server_errors']}")
        print(f"{backend}.slowest_read_s: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(SLOWEST.items())))
        SLOWEST.clear()


if __name__ == "__main__":
    main()
