"""Durable background jobs stored in the owning service's database.

A job row carries type, payload, status, attempts, run_at, a lease, progress (done/total) and the
last error. Workers claim with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL (SQLite serialises writers,
so the same single UPDATE … RETURNING is atomic there). A claim is a lease: a worker renews it while
it works, and a killed worker's job is claimed again once the lease runs out. Every write a worker
makes is fenced by ``locked_by`` so a worker that lost its lease cannot overwrite the new owner.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from .db import WRITES, utcnow
from .errors import Conflict, NotFound

log = logging.getLogger("outbound.jobs")

QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED = "queued", "running", "succeeded", "failed", "cancelled"
FINISHED = (SUCCEEDED, FAILED, CANCELLED)
# A job whose worker died this many times is failed, not handed to the next worker to kill.
MAX_LEASE_EXPIRIES = 5


class JobMixin:
    """Columns of a service's ``jobs`` table; a service declares ``class Job(JobMixin, Base)``."""

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(sa.String(64), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    status: Mapped[str] = mapped_column(sa.String(16), default=QUEUED, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    max_attempts: Mapped[int] = mapped_column(default=5)
    # Times a worker died holding the job (its lease ran out): not the job's failure, so not an attempt,
    # but counted so a job that kills every worker that runs it fails instead of looping.
    lease_expiries: Mapped[int] = mapped_column(default=0, server_default="0")
    run_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    lease_until: Mapped[datetime | None] = mapped_column(default=None)
    locked_by: Mapped[str | None] = mapped_column(sa.String(96), default=None)
    cancel_requested: Mapped[bool] = mapped_column(default=False)
    progress_done: Mapped[int] = mapped_column(default=0)
    progress_total: Mapped[int | None] = mapped_column(default=None)
    error: Mapped[str | None] = mapped_column(sa.Text, default=None)
    result: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON, default=None)
    idempotency_key: Mapped[str | None] = mapped_column(sa.String(200), unique=True, default=None)
    owner: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)


def jobs_table_columns() -> list[sa.Column[Any]]:
    """The columns of the first version of a jobs table, for a service's first migration
    (``op.create_table('<service>_jobs', *jobs_table_columns())``). Frozen: later columns come with
    migrations of their own (``add_lease_expiries``), so an existing database and a new one end alike."""
    ts = sa.DateTime(timezone=True)
    return [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("type", sa.String(64), nullable=False, index=True),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("max_attempts", sa.Integer, nullable=False),
        sa.Column("run_at", ts, nullable=False, index=True),
        sa.Column("lease_until", ts),
        sa.Column("locked_by", sa.String(96)),
        sa.Column("cancel_requested", sa.Boolean, nullable=False),
        sa.Column("progress_done", sa.Integer, nullable=False),
        sa.Column("progress_total", sa.Integer),
        sa.Column("error", sa.Text),
        sa.Column("result", sa.JSON),
        sa.Column("idempotency_key", sa.String(200), unique=True),
        sa.Column("owner", sa.String(64)),
        sa.Column("created_at", ts, nullable=False),
        sa.Column("updated_at", ts, nullable=False),
        sa.Column("finished_at", ts),
    ]


def add_lease_expiries(table: str) -> None:
    """Migration step: the ``lease_expiries`` column (jobs table version 2)."""
    from alembic import op

    with op.batch_alter_table(table) as batch:
        batch.add_column(sa.Column("lease_expiries", sa.Integer, nullable=False, server_default="0"))


class JobCancelled(Exception):
    """Raised inside a handler when someone asked to cancel its job."""


class LeaseLost(Exception):
    """Raised inside a handler when another worker owns its job now."""


async def run_polling(run_once: Callable[[], Awaitable[object]], *, stop: asyncio.Event, wake: asyncio.Event,
                      poll_interval: float, report: Callable[[int, Exception, float], None]) -> None:
    """Call ``run_once`` until ``stop`` is set: again at once while it finds work, else after ``poll_interval``
    or a wake-up. A failing round (a broken database fails every one) backs off, doubling to a minute, and
    ``report`` is told how many failed in a row and the wait, so it can say so once rather than 80 times a minute."""
    failures = 0
    while not stop.is_set():
        wait = poll_interval
        try:
            found = await run_once()
            failures = 0
            if found:
                continue
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            failures += 1
            wait = min(60.0, poll_interval * 2 ** min(failures, 8))
            report(failures, exc, wait)
        wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), wait)


def backoff_delay(attempts: int, base: float = 2.0, cap: float = 600.0) -> float:
    """Exponential backoff with full jitter: a failing job does not hammer what it depends on."""
    return random.uniform(0, min(cap, base * 2 ** max(0, attempts - 1)))


class JobQueue:
    """All the SQL of the job table for one service."""

    def __init__(self, model: type[Any], sessions: async_sessionmaker[AsyncSession]) -> None:
        self.model = model
        self.sessions = sessions

    # --- called inside a request's session (the caller commits) -------------------------
    async def enqueue(self, session: AsyncSession, type_: str, payload: dict[str, Any], *,
                      total: int | None = None, run_at: datetime | None = None, max_attempts: int = 5,
                      key: str | None = None, owner: str | None = None) -> Any:
        if key is not None:
            existing = (await session.execute(sa.select(self.model).where(self.model.idempotency_key == key))).scalar()
            if existing is not None:
                return existing
        job = self.model(type=type_, payload=payload, progress_total=total, run_at=run_at or utcnow(),
                         max_attempts=max_attempts, idempotency_key=key, owner=owner, status=QUEUED, attempts=0,
                         progress_done=0, cancel_requested=False)
        session.add(job)
        await session.flush()
        return job

    async def get(self, session: AsyncSession, job_id: int) -> Any:
        job = await session.get(self.model, job_id)
        if job is None:
            raise NotFound(f"Job {job_id} does not exist.")
        return job

    async def list_jobs(self, session: AsyncSession, *, type_: str | None = None, status: str | None = None,
                   owner: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[Any], int]:
        q = sa.select(self.model)
        if type_:
            q = q.where(self.model.type == type_)
        if status:
            q = q.where(self.model.status == status)
        if owner:
            q = q.where(self.model.owner == owner)
        total = (await session.execute(sa.select(sa.func.count()).select_from(q.subquery()))).scalar_one()
        rows = (await session.execute(q.order_by(self.model.id.desc()).limit(limit).offset(offset))).scalars()
        return list(rows), int(total)

    async def cancel(self, session: AsyncSession, job_id: int) -> Any:
        job = await self.get(session, job_id)
        if job.status in FINISHED:
            raise Conflict(f"Job {job_id} has already finished ({job.status}).")
        if job.status == QUEUED:
            job.status, job.finished_at = CANCELLED, utcnow()
        else:
            job.cancel_requested = True  # the worker sees it at its next progress report or heartbeat
        await session.flush()
        return job

    async def retry(self, session: AsyncSession, job_id: int) -> Any:
        job = await self.get(session, job_id)
        if job.status not in (FAILED, CANCELLED):
            raise Conflict(f"Only failed or cancelled jobs can be retried; job {job_id} is {job.status}.")
        job.status, job.run_at, job.error, job.finished_at = QUEUED, utcnow(), None, None
        job.cancel_requested = False
        job.max_attempts = max(job.max_attempts, job.attempts + 1)
        await session.flush()
        return job

    async def requeue(self, session: AsyncSession, job_id: int, *, done: int | None = None) -> Any:
        """Run a finished job again (some of its work was reset): a fresh set of attempts, progress kept."""
        job = await self.get(session, job_id)
        if job.status not in FINISHED:
            raise Conflict(f"Job {job_id} has not finished ({job.status}).")
        job.status, job.run_at, job.finished_at, job.error, job.result = QUEUED, utcnow(), None, None, None
        job.attempts, job.lease_expiries, job.cancel_requested = 0, 0, False
        if done is not None:
            job.progress_done = done
        await session.flush()
        return job

    # --- called by workers, each in its own short transaction -----------------------------
    async def claim(self, worker_id: str, types: list[str], lease_seconds: float) -> Any | None:
        now = utcnow()
        m = self.model
        expired = sa.and_(m.status == RUNNING, m.lease_until < now)  # a dead worker's job
        due = sa.or_(sa.and_(m.status == QUEUED, m.run_at <= now),
                     sa.and_(expired, m.lease_expiries < MAX_LEASE_EXPIRIES))
        pick = sa.select(m.id).where(due, m.type.in_(types)).order_by(m.run_at, m.id).limit(1)
        pick = pick.with_for_update(skip_locked=True)
        stmt = (
            sa.update(m)
            .where(m.id == pick.scalar_subquery())
            .values(status=RUNNING, locked_by=worker_id, lease_until=now + timedelta(seconds=lease_seconds),
                    updated_at=now,
                    # Resuming after a dead worker is not a new attempt: the crash was not the job's failure.
                    attempts=sa.case((m.status == RUNNING, m.attempts), else_=m.attempts + 1),
                    lease_expiries=sa.case((m.status == RUNNING, m.lease_expiries + 1), else_=m.lease_expiries))
            .returning(m.id)
        )
        async with self.sessions() as session, session.begin():
            await session.execute(
                sa.update(m).where(expired, m.lease_expiries >= MAX_LEASE_EXPIRIES, m.type.in_(types)).values(
                    status=FAILED, lease_until=None, finished_at=now, updated_at=now,
                    error=f"The worker running this job stopped {MAX_LEASE_EXPIRIES} times; it is not run again."))
            job_id = (await session.execute(stmt)).scalar()
            if job_id is None:
                return None
            return await session.get(m, job_id)

    async def _fenced_update(self, job_id: int, worker_id: str, **values: Any) -> bool:
        m = self.model
        stmt = sa.update(m).where(m.id == job_id, m.locked_by == worker_id, m.status == RUNNING).values(
            updated_at=utcnow(), **values)
        async with self.sessions() as session, session.begin():
            result = await session.execute(stmt)
            return bool(getattr(result, "rowcount", 0))

    async def heartbeat(self, job_id: int, worker_id: str, lease_seconds: float,
                        done: int | None = None, total: int | None = None) -> bool:
        """Renew the lease (and record progress); False when the lease was lost. Returns cancel state."""
        values: dict[str, Any] = {"lease_until": utcnow() + timedelta(seconds=lease_seconds)}
        if done is not None:
            values["progress_done"] = done
        if total is not None:
            values["progress_total"] = total
        if not await self._fenced_update(job_id, worker_id, **values):
            raise LeaseLost(f"job {job_id} is no longer ours")
        return await self.cancel_requested(job_id)

    async def save_progress(self, session: AsyncSession, job_id: int, worker_id: str, *, done: int,
                            result: dict[str, Any] | None = None) -> None:
        """Record progress (and the result so far) inside the caller's transaction, fenced like every worker
        write: the work of a batch and the note that it is done commit together or not at all, so a
        resumed job starts exactly after the last batch that committed."""
        m = self.model
        values: dict[str, Any] = {"progress_done": done, "updated_at": utcnow()}
        if result is not None:
            values["result"] = result
        stmt = sa.update(m).where(m.id == job_id, m.locked_by == worker_id, m.status == RUNNING).values(**values)
        if not getattr(await session.execute(stmt), "rowcount", 0):
            raise LeaseLost(f"job {job_id} is no longer ours")

    async def cancel_requested(self, job_id: int) -> bool:
        # A read, asked every second per running job: it must not take SQLite's write lock.
        async with self.sessions(execution_options={WRITES: False}) as session:
            return bool((await session.execute(
                sa.select(self.model.cancel_requested).where(self.model.id == job_id))).scalar())

    async def complete(self, job_id: int, worker_id: str, result: dict[str, Any] | None) -> bool:
        return await self._fenced_update(job_id, worker_id, status=SUCCEEDED, result=result, error=None,
                                         lease_until=None, finished_at=utcnow())

    async def mark_cancelled(self, job_id: int, worker_id: str) -> bool:
        return await self._fenced_update(job_id, worker_id, status=CANCELLED, lease_until=None, finished_at=utcnow())

    async def fail(self, job_id: int, worker_id: str, error: str, attempts: int, max_attempts: int) -> bool:
        if attempts < max_attempts:
            return await self._fenced_update(
                job_id, worker_id, status=QUEUED, error=error[:4000], lease_until=None, locked_by=None,
                run_at=utcnow() + timedelta(seconds=backoff_delay(attempts)))
        return await self._fenced_update(job_id, worker_id, status=FAILED, error=error[:4000], lease_until=None,
                                         finished_at=utcnow())


@dataclass
class JobContext:
    """What a handler gets: its job's data and a way to report progress (which also checks cancel)."""

    queue: JobQueue
    job_id: int
    type: str
    payload: dict[str, Any]
    attempts: int
    worker_id: str
    lease_seconds: float
    done: int = 0
    total: int | None = None
    # What the owning service hands its handlers (its ServiceRuntime: sessions, settings, clients).
    runtime: Any = None
    # Set by the worker when it stops the handler from outside: "cancel" or "lease".
    stopped_by: str | None = None

    async def progress(self, done: int, total: int | None = None) -> None:
        self.done = done
        if total is not None:
            self.total = total
        if await self.queue.heartbeat(self.job_id, self.worker_id, self.lease_seconds, done, total):
            raise JobCancelled()


Handler = Callable[[JobContext], Awaitable[dict[str, Any] | None]]


class Worker:
    """Runs handlers for claimed jobs, ``concurrency`` at a time, until stopped."""

    def __init__(self, queue: JobQueue, handlers: dict[str, Handler], *, concurrency: int = 1,
                 poll_interval: float = 0.5, lease_seconds: float = 60.0, name: str | None = None,
                 runtime: Any = None, cancel_check_interval: float = 1.0) -> None:
        self.cancel_check_interval = cancel_check_interval
        self.queue = queue
        self.runtime = runtime
        self.handlers = handlers
        self.concurrency = concurrency
        self.poll_interval = poll_interval
        self.lease_seconds = lease_seconds
        self.worker_id = name or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._wake = asyncio.Event()

    def start(self) -> None:
        self._tasks = [asyncio.create_task(self._loop(i)) for i in range(self.concurrency)]

    def wake(self) -> None:
        """Skip the poll wait: called right after a job was enqueued in the same process."""
        self._wake.set()

    async def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        for t in self._tasks:
            t.cancel()
        for t in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await t
        self._tasks = []

    async def run_once(self) -> bool:
        """Claim and run one job; False when nothing was due (used by tests and the loop)."""
        job = await self.queue.claim(self.worker_id, list(self.handlers), self.lease_seconds)
        if job is None:
            return False
        await self._run(job)
        return True

    async def _loop(self, slot: int) -> None:
        def report(failures: int, exc: Exception, wait: float) -> None:
            if failures == 1:
                log.error("worker %s slot %d: claiming a job failed; retrying with backoff", self.worker_id, slot,
                          exc_info=exc)
            else:
                log.warning("worker %s slot %d: claiming failed again (%d in a row: %s); next try in %.0fs",
                            self.worker_id, slot, failures, exc.__class__.__name__, wait)

        await run_polling(self.run_once, stop=self._stop, wake=self._wake, poll_interval=self.poll_interval,
                          report=report)

    async def _run(self, job: Any) -> None:
        ctx = JobContext(self.queue, job.id, job.type, dict(job.payload or {}), job.attempts, self.worker_id,
                         self.lease_seconds, job.progress_done, job.progress_total, self.runtime)
        work: asyncio.Task[dict[str, Any] | None] = asyncio.ensure_future(self.handlers[job.type](ctx))
        watch = asyncio.create_task(self._watch(ctx, work))
        try:
            result = await work
        except JobCancelled:
            await self.queue.mark_cancelled(job.id, self.worker_id)
        except LeaseLost:
            log.warning("job %s: lease lost, another worker owns it now", job.id)
        except asyncio.CancelledError:
            if ctx.stopped_by == "cancel":
                await self.queue.mark_cancelled(job.id, self.worker_id)
            elif ctx.stopped_by == "lease":
                log.warning("job %s: lease lost, another worker owns it now", job.id)
            else:
                raise  # shutting down: the lease runs out and another worker resumes the job
        except Exception as exc:
            log.exception("job %s (%s) failed on attempt %d", job.id, job.type, job.attempts)
            await self.queue.fail(job.id, self.worker_id, f"{exc.__class__.__name__}: {exc}", job.attempts,
                                  job.max_attempts)
        else:
            await self.queue.complete(job.id, self.worker_id, result)
        finally:
            watch.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await watch

    async def _watch(self, ctx: JobContext, work: asyncio.Task[Any]) -> None:
        """Renew the lease, and stop the handler within ``cancel_check_interval`` of a cancel request,
        even while it waits on something slow (a handler's own progress reports may be far apart)."""
        last_beat = asyncio.get_running_loop().time()
        while True:
            await asyncio.sleep(self.cancel_check_interval)
            try:
                if asyncio.get_running_loop().time() - last_beat >= self.lease_seconds / 3:
                    cancel = await self.queue.heartbeat(ctx.job_id, ctx.worker_id, ctx.lease_seconds)
                    last_beat = asyncio.get_running_loop().time()
                else:
                    cancel = await self.queue.cancel_requested(ctx.job_id)
            except LeaseLost:
                ctx.stopped_by = "lease"
                work.cancel()
                return
            except Exception:
                log.warning("job %s: could not check the job row; trying again", ctx.job_id, exc_info=True)
                continue
            if cancel:
                ctx.stopped_by = "cancel"
                work.cancel()
                return
