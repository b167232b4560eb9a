"""Durable jobs on both backends; concurrency and crash recovery on PostgreSQL."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from services.kit.db import create_engine, migrate, session_factory, utcnow
from services.kit.errors import Conflict
from services.kit.jobs import (
    CANCELLED,
    FAILED,
    MAX_LEASE_EXPIRIES,
    QUEUED,
    SUCCEEDED,
    JobContext,
    JobQueue,
    Worker,
)
from services.leads.main import MIGRATIONS
from services.leads.models import Job
from tests.conftest import pg_database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    eng = create_engine(database_url)
    await migrate(eng, MIGRATIONS, "alembic_version_leads")
    yield eng
    await eng.dispose()


@pytest.fixture
def queue(engine: AsyncEngine) -> JobQueue:
    return JobQueue(Job, session_factory(engine))


async def enqueue(queue: JobQueue, n: int = 1, type_: str = "crawl", **kwargs: object) -> list[int]:
    ids = []
    async with queue.sessions() as s, s.begin():
        for i in range(n):
            job = await queue.enqueue(s, type_, {"i": i}, **kwargs)  # type: ignore[arg-type]
            ids.append(job.id)
    return ids


async def fetch(queue: JobQueue, job_id: int) -> Job:
    async with queue.sessions() as s:
        job = await s.get(Job, job_id)
        assert job is not None
        return job


async def test_job_runs_with_progress_and_result(queue: JobQueue) -> None:
    [job_id] = await enqueue(queue, total=3)
    seen: list[tuple[int, int | None]] = []

    async def handler(ctx: JobContext) -> dict[str, object]:
        for i in range(1, 4):
            await ctx.progress(i, 3)
            job = await fetch(queue, ctx.job_id)
            seen.append((job.progress_done, job.progress_total))
        return {"pages": 3}

    worker = Worker(queue, {"crawl": handler})
    assert await worker.run_once()
    job = await fetch(queue, job_id)
    assert (job.status, job.result, job.attempts, job.progress_done) == (SUCCEEDED, {"pages": 3}, 1, 3)
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert not await worker.run_once()  # nothing left


async def test_failure_backs_off_then_gives_up_and_retry_requeues(queue: JobQueue) -> None:
    [job_id] = await enqueue(queue, max_attempts=2)

    async def boom(ctx: JobContext) -> None:
        raise RuntimeError("site unreachable")

    worker = Worker(queue, {"crawl": boom})
    assert await worker.run_once()
    job = await fetch(queue, job_id)
    assert job.status == QUEUED and job.attempts == 1 and "site unreachable" in (job.error or "")
    assert job.run_at >= utcnow() - timedelta(seconds=1)
    async with queue.sessions() as s, s.begin():  # make it due now instead of waiting out the backoff
        await s.execute(sa.update(Job).where(Job.id == job_id).values(run_at=utcnow() - timedelta(seconds=1)))
    assert await worker.run_once()
    job = await fetch(queue, job_id)
    assert job.status == FAILED and job.attempts == 2 and job.finished_at is not None
    async with queue.sessions() as s, s.begin():
        await queue.retry(s, job_id)
    job = await fetch(queue, job_id)
    assert job.status == QUEUED and job.error is None
    async with queue.sessions() as s, s.begin():
        with pytest.raises(Conflict):
            await queue.retry(s, job_id)


async def test_cancel_queued_and_running(queue: JobQueue) -> None:
    first, second = await enqueue(queue, 2)
    async with queue.sessions() as s, s.begin():
        await queue.cancel(s, first)
    assert (await fetch(queue, first)).status == CANCELLED
    steps = 0

    async def long(ctx: JobContext) -> None:
        nonlocal steps
        for i in range(100):
            steps += 1
            if i == 2:
                async with queue.sessions() as s, s.begin():
                    await queue.cancel(s, ctx.job_id)
            await ctx.progress(i + 1, 100)

    assert await Worker(queue, {"crawl": long}).run_once()
    job = await fetch(queue, second)
    assert job.status == CANCELLED and steps == 3 and job.progress_done == 3
    async with queue.sessions() as s, s.begin():
        with pytest.raises(Conflict):
            await queue.cancel(s, second)


async def test_idempotency_key_enqueues_once(queue: JobQueue) -> None:
    a = await enqueue(queue, key="send:42:step1")
    b = await enqueue(queue, key="send:42:step1")
    assert a == b


async def test_lost_lease_cannot_overwrite_new_owner(queue: JobQueue) -> None:
    [job_id] = await enqueue(queue)
    stale = await queue.claim("old-worker", ["crawl"], lease_seconds=0.01)
    assert stale is not None
    await asyncio.sleep(0.05)
    fresh = await queue.claim("new-worker", ["crawl"], lease_seconds=60)
    # Taking over a dead worker's job is not a new attempt; the lost lease is counted apart.
    assert fresh is not None and fresh.id == job_id and fresh.attempts == 1 and fresh.lease_expiries == 1
    assert not await queue.complete(job_id, "old-worker", {"from": "old"})
    assert await queue.complete(job_id, "new-worker", {"from": "new"})
    assert (await fetch(queue, job_id)).result == {"from": "new"}


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_two_workers_on_postgres_never_run_a_job_twice(queue: JobQueue, database_url: str) -> None:
    n = 300
    await enqueue(queue, n)
    runs: Counter[int] = Counter()
    by_worker: Counter[str] = Counter()

    async def record(ctx: JobContext) -> None:
        runs[ctx.job_id] += 1
        by_worker[ctx.worker_id] += 1
        await asyncio.sleep(0)

    # Two workers with their own engines (own connection pools), four slots each, racing.
    engines = [create_engine(database_url) for _ in range(2)]
    workers = [Worker(JobQueue(Job, session_factory(e)), {"crawl": record}, concurrency=4, poll_interval=0.01,
                      name=f"w{i}") for i, e in enumerate(engines)]
    for w in workers:
        w.start()
    try:
        async with asyncio.timeout(60):
            while sum(runs.values()) < n:
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.2)
    finally:
        for w in workers:
            await w.stop()
        for e in engines:
            await e.dispose()
    assert len(runs) == n
    assert max(runs.values()) == 1, "a job ran twice"
    assert set(by_worker) == {"w0", "w1"}, "both workers should have taken work"
    async with queue.sessions() as s:
        statuses = (await s.execute(sa.select(Job.status, sa.func.count()).group_by(Job.status))).all()
    assert dict(statuses) == {SUCCEEDED: n}


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_killed_workers_job_is_picked_up(queue: JobQueue, database_url: str) -> None:
    [job_id] = await enqueue(queue)
    proc = subprocess.Popen([sys.executable, "-m", "tests.kit.worker_proc", database_url], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    try:
        line = await asyncio.wait_for(asyncio.to_thread(proc.stdout.readline), 30)  # type: ignore[union-attr]
        assert line.strip() == f"claimed {job_id}"
        job = await fetch(queue, job_id)
        assert job.status == "running" and job.locked_by == "doomed"
    finally:
        proc.kill()
        proc.wait()
    survivor = Worker(queue, {"crawl": lambda ctx: asyncio.sleep(0, {"resumed": True})}, name="survivor")
    assert not await survivor.run_once(), "the lease has not run out yet, so nobody may take the job"
    async with asyncio.timeout(10):
        while not await survivor.run_once():
            await asyncio.sleep(0.2)
    job = await fetch(queue, job_id)
    assert (job.status, job.attempts, job.locked_by, job.result) == (SUCCEEDED, 1, "survivor", {"resumed": True})
    assert job.lease_expiries == 1  # the crash used none of the job's attempts


async def test_pg_database_fixture_is_throwaway() -> None:
    async with pg_database() as url:
        eng = create_engine(url)
        async with eng.connect() as conn:
            assert (await conn.execute(sa.text("select 1"))).scalar() == 1
        await eng.dispose()


async def test_cancel_stops_a_handler_that_is_waiting(queue: JobQueue) -> None:
    [job_id] = await enqueue(queue)
    cleaned = asyncio.Event()

    async def waits(ctx: JobContext) -> None:
        try:
            await asyncio.sleep(60)  # a slow fetch: no progress report for a long time
        finally:
            cleaned.set()

    worker = Worker(queue, {"crawl": waits}, cancel_check_interval=0.05)
    task = asyncio.create_task(worker.run_once())
    async with asyncio.timeout(10):
        while (await fetch(queue, job_id)).status != "running":
            await asyncio.sleep(0.02)
    async with queue.sessions() as s, s.begin():
        await queue.cancel(s, job_id)
    assert await asyncio.wait_for(task, 5)
    assert cleaned.is_set() and (await fetch(queue, job_id)).status == CANCELLED


async def test_a_job_that_kills_every_worker_fails_instead_of_looping(queue: JobQueue) -> None:
    [job_id] = await enqueue(queue)
    for _ in range(MAX_LEASE_EXPIRIES + 1):
        claimed = await queue.claim("doomed", ["crawl"], lease_seconds=0.01)
        assert claimed is not None and claimed.attempts == 1
        await asyncio.sleep(0.03)
    assert await queue.claim("next", ["crawl"], lease_seconds=60) is None
    job = await fetch(queue, job_id)
    assert job.status == "failed" and job.lease_expiries == MAX_LEASE_EXPIRIES and "stopped 5 times" in job.error
