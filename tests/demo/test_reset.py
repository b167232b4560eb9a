"""`outbound demo reset` while the demo serves, and when it is killed half-way.

Real processes: the demo runs as `outbound up` (every service, their databases named per service the
way an operator names them), the reset as `outbound demo reset` beside it. During the reset a client
sends 50 requests a second through the gateway — reads of every service and a few writes — and no
answer may be a 5xx, and no read may see fewer companies than the demo holds. Afterwards the data is
exactly a fresh seed. A reset SIGKILLed in the middle of a service's transaction leaves that service's
old data whole, and the next reset repairs everything.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from services.demo.seed import build_seed, run
from tests.conftest import free_port

from .support import ROOT, database_urls, dump, env_for, expected, like, settings_for

OLD = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)
NEW = OLD + timedelta(days=3, hours=5)  # another day: a reset that committed is told apart from one that did not
COMPANIES = 45
RATE = 50  # requests per second


def _reset_command(now: datetime) -> list[str]:
    return [sys.executable, "-m", "services.cli", "demo", "reset", "--now", now.strftime("%Y-%m-%dT%H:%M:%S")]


# How much earlier than the reset's "leads:" line a held-up write's answer may arrive (see the test).
COMMIT_SLACK = 2.0


@dataclass
class Load:
    """What the client saw: (kind, status) per answer, transport errors, and reads that came up short."""

    answers: list[tuple[str, int, float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    short_reads: list[int] = field(default_factory=list)
    writes: bool = True
    committed_at: float | None = None  # when the reset said the leads data was the seed
    written_after: set[int] = field(default_factory=set)  # notes whose write was answered after that
    answered_at: dict[int, float] = field(default_factory=dict)  # every note written: when its 201 came


async def _request(client: httpx.AsyncClient, load: Load, n: int) -> None:
    cid = random.randint(1, COMPANIES)
    if load.writes and n % 10 == 0:
        kind, method, path, body = "write", "POST", f"/api/leads/companies/{cid}/notes", {"body": f"Load note {n}"}
    else:
        kind, method, path, body = random.choice((
            ("companies", "GET", "/api/leads/companies?limit=5", None),
            ("company", "GET", f"/api/leads/companies/{cid}", None),
            ("timeline", "GET", f"/api/leads/companies/{cid}/timeline", None),
            ("profile", "GET", f"/api/ai/enrich/company/{cid}", None),
            ("bookings", "GET", "/api/calendar/bookings", None),
            ("contacts", "GET", "/api/leads/contacts?limit=5", None)))
    started = time.perf_counter()
    try:
        resp = await client.request(method, path, json=body)
    except httpx.HTTPError as exc:
        load.errors.append(f"{kind}: {exc!r}")
        return
    load.answers.append((kind, resp.status_code, time.perf_counter() - started))
    if kind == "write" and resp.status_code == 201:
        load.answered_at[n] = time.perf_counter()
        if load.committed_at is not None:
            load.written_after.add(n)
    if kind == "companies" and resp.status_code == 200 and resp.json()["total"] < COMPANIES:
        load.short_reads.append(resp.json()["total"])


async def _drive(client: httpx.AsyncClient, load: Load, stop: asyncio.Event) -> None:
    tasks: set[asyncio.Task[None]] = set()
    n = 0
    start = time.perf_counter()
    while not stop.is_set():
        n += 1
        task = asyncio.create_task(_request(client, load, n))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        await asyncio.sleep(max(0.0, start + n / RATE - time.perf_counter()))
    if tasks:
        await asyncio.wait(tasks)


@pytest.fixture
async def demo(database_url: str, tmp_path: Path) -> AsyncIterator[tuple[dict[str, str], httpx.AsyncClient]]:
    """The demo, seeded (dated ``OLD``) and serving as `outbound up`; a client signed in through "Enter the demo"."""
    data_dir = tmp_path / "data"
    urls = database_urls(database_url, data_dir)
    await run("seed", now=OLD, settings=settings_for(urls, data_dir))
    port = free_port()
    env = env_for(urls, data_dir, OUTBOUND_DEMO_MODE="true", OUTBOUND_RATE_LIMIT_IP="0",
                  OUTBOUND_RATE_LIMIT_USER="0", OUTBOUND_LOG_LEVEL="WARNING")
    server = subprocess.Popen([sys.executable, "-m", "services.cli", "up", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30,
                                     headers={"X-Requested-With": "fetch"}) as client:
            for _ in range(300):
                assert server.poll() is None, server.communicate()[1][-3000:]
                try:
                    entered = await client.post("/api/auth/demo")
                    break
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
            assert entered.status_code == 200, entered.text
            client.headers["Authorization"] = f"Bearer {entered.json()['access_token']}"
            yield urls, client
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()


async def test_reset_under_load_serves_no_5xx_and_ends_as_a_fresh_seed(
        demo: tuple[dict[str, str], httpx.AsyncClient], tmp_path: Path) -> None:
    urls, client = demo
    load, stop = Load(), asyncio.Event()
    driver = asyncio.create_task(_drive(client, load, stop))
    await asyncio.sleep(1.0)  # the demo under load before the reset starts
    before = len(load.answers)
    reset = await asyncio.create_subprocess_exec(
        *_reset_command(NEW), cwd=ROOT, env=env_for(urls, tmp_path / "data"), stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    assert reset.stdout is not None
    printed = []
    started = time.perf_counter()
    while line := (await reset.stdout.readline()).decode():
        printed.append(line)
        if line.startswith("leads:"):
            # The leads data is the fresh seed from here on: writes now would be changes after the reset.
            load.writes, load.committed_at = False, time.perf_counter()
    _stdout, stderr = await reset.communicate()
    took = time.perf_counter() - started
    await asyncio.sleep(0.5)
    stop.set()
    await driver
    assert reset.returncode == 0, stderr.decode()[-3000:]
    assert [line.split(":")[0] for line in printed] == ["users", "leads", "ai", "calendar", "email"]

    during = len(load.answers) - before
    # The load really ran through the reset (the client shares two cores with the demo and the reset).
    assert during >= max(100.0, took * RATE * 0.3), (during, took)
    server_errors = [a for a in load.answers if a[1] >= 500]
    assert not server_errors and not load.errors, (server_errors[:5], load.errors[:5])
    assert not load.short_reads, load.short_reads  # no reader ever saw a half-empty database
    kinds = {kind for kind, status, _ in load.answers if status in (200, 201)}
    assert {"write", "companies", "company", "profile", "bookings"} <= kinds

    fresh = expected(build_seed(NEW, settings_for(urls, tmp_path / "data")))
    now = await dump(build_seed(NEW, settings_for(urls, tmp_path / "data")), urls)
    # Writes the reset held up (a writer waits for its transaction) land on the fresh data once it commits:
    # they are the only rows besides the seed, and every one of them was answered after the commit.
    later = [n for n in now["notes"] if n["body"].startswith("Load note")]
    survivors = {int(n["body"].split()[-1]) for n in later}
    # The "leads:" line is printed after the commit, and a write held up by the reset is answered as soon as it
    # commits: the two race on their way to this test, so a survivor may be answered a moment before the line
    # arrives — never long before it, and never before the reset began (that note belonged to the old data).
    assert load.committed_at is not None
    early = {n: round(load.committed_at - load.answered_at[n], 3) for n in survivors - load.written_after
             if n not in load.answered_at or load.answered_at[n] < max(started, load.committed_at - COMMIT_SLACK)}
    assert not early, early
    now["notes"] = [n for n in now["notes"] if n not in later]
    now["activities"] = [a for a in now["activities"]
                         if not str((a["detail"] or {}).get("body", "")).startswith("Load note")]
    assert like(now, fresh) == fresh


async def test_a_reset_killed_half_way_leaves_the_old_data_and_the_next_one_repairs_it(database_url: str,
                                                                                       tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    urls = database_urls(database_url, data_dir)
    settings = settings_for(urls, data_dir)
    await run("seed", now=OLD, settings=settings)
    old_seed = build_seed(OLD, settings)
    old = await dump(old_seed, urls)

    env = env_for(urls, data_dir, OUTBOUND_LOG_LEVEL="DEBUG")
    reset = await asyncio.create_subprocess_exec(*_reset_command(NEW), cwd=ROOT, env=env,
                                                 stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    assert reset.stderr is not None
    while line := (await reset.stderr.readline()).decode():
        # The leads transaction has deleted every demo row and is inserting the new ones: kill it there.
        if "replace_all:" in line and "emptied" in line:
            os.kill(reset.pid, signal.SIGKILL)
            break
    else:
        raise AssertionError("the reset never reached the middle of a transaction")
    stdout, _ = await reset.communicate()
    assert reset.returncode == -signal.SIGKILL
    assert "leads:" not in stdout.decode()  # it died before leads committed

    after_kill = await dump(old_seed, urls)
    leads_tables = [m.__tablename__ for m, _ in old_seed.rows["leads"]]
    for table in [*leads_tables, *(m.__tablename__ for name in ("ai", "calendar") for m, _ in old_seed.rows[name])]:
        assert after_kill[table] == old[table], table  # the old data, whole
    assert len(after_kill["companies"]) == COMPANIES

    reset2 = await asyncio.create_subprocess_exec(*_reset_command(NEW), cwd=ROOT, env=env_for(urls, data_dir),
                                                  stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _out, err = await reset2.communicate()
    assert reset2.returncode == 0, err.decode()[-3000:]
    new_seed = build_seed(NEW, settings)
    fresh = expected(new_seed)
    repaired = await dump(new_seed, urls)
    assert like(repaired, fresh) == fresh

