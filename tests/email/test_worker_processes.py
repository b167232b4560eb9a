"""Real `outbound worker email` processes against a real SMTP sink: a worker SIGKILLed half-way loses nothing
and sends nothing twice; four workers on one PostgreSQL ledger send every message exactly once."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from services.email import repository as repo
from services.email.engine import CONNECTIONS
from services.email.headers import message_id
from services.email.models import Message
from services.kit.db import utcnow
from tests.conftest import free_port
from tests.email.support import EmailStack, email_stack

ROOT = Path(__file__).resolve().parent.parent.parent
MESSAGES = 1000


@contextmanager
def worker_processes(count: int, database_url: str, data_dir: Path) -> Iterator[list[subprocess.Popen[str]]]:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("OUTBOUND_")},
           "OUTBOUND_DATABASE_URL": database_url, "OUTBOUND_DATA_DIR": str(data_dir), "OUTBOUND_WORKERS": "1",
           "OUTBOUND_ENVIRONMENT": "test", "OUTBOUND_LEADS_URL": f"http://127.0.0.1:{free_port()}",
           "OUTBOUND_USERS_URL": f"http://127.0.0.1:{free_port()}", "OUTBOUND_SMTP_TIMEOUT": "5",
           "OUTBOUND_AUTO_MIGRATE": "false", "PYTHONPATH": str(ROOT)}
    processes = [subprocess.Popen([sys.executable, "-m", "services.cli", "worker", "email", "--port", str(free_port())],
                                  cwd=ROOT, env=env, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for _ in range(count)]
    try:
        yield processes
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


async def _fill_ledger(stack: EmailStack, count: int) -> None:
    """``count`` transactional messages, queued (what POST /email/transactional records)."""
    box = await stack.mailbox()
    key = stack.runtime.deps.message_id_key
    now = utcnow()
    rows = [{"key": f"bulk:{i:05d}", "mailbox_id": box["id"], "to_email": f"r{i:05d}@client.example",
             "subject": f"Message {i}", "body_text": "Hello.", "status": "queued", "attempts": 0,
             "message_id": message_id(key, "seller.example", "key", f"bulk:{i:05d}"), "next_attempt_at": now,
             "created_at": now, "updated_at": now} for i in range(count)]
    async with stack.runtime.sessions() as s, s.begin():
        for start in range(0, count, 250):
            await repo.insert_messages(s, rows[start:start + 250])


async def _statuses(stack: EmailStack) -> dict[str, int]:
    async with stack.runtime.sessions() as s:
        rows = await s.execute(sa.select(Message.status, sa.func.count()).group_by(Message.status))
        return {status: int(n) for status, n in rows.all()}


async def _wait_for(predicate: object, timeout: float, processes: list[subprocess.Popen[str]]) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        if await predicate():  # type: ignore[operator]
            return
        assert all(p.poll() is None for p in processes), "a worker process died"
        await asyncio.sleep(0.05)
    raise AssertionError("timed out")


async def test_a_worker_killed_half_way_loses_nothing_and_sends_nothing_twice(database_url: str,
                                                                             tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        stack.now = utcnow()
        stack.runtime.deps.clock = utcnow
        await _fill_ledger(stack, MESSAGES)
        with worker_processes(1, database_url, tmp_path) as [worker]:
            async def half() -> bool:
                return stack.sink.count >= MESSAGES // 2

            await _wait_for(half, 300, [worker])
            worker.send_signal(signal.SIGKILL)
            worker.wait(10)
        killed_at = stack.sink.count
        assert killed_at < MESSAGES
        # Time passes: the dead worker's leases run out. A row it held in "sending" becomes unknown.
        async with stack.runtime.sessions() as s, s.begin():
            await s.execute(sa.update(Message).where(Message.lease_until.is_not(None))
                            .values(lease_until=utcnow() - dt.timedelta(seconds=1)))
        await stack.send_all(rounds=1000)
        statuses = await _statuses(stack)
        assert statuses.get("sent", 0) + statuses.get("unknown", 0) == MESSAGES, statuses
        # At most the messages under way when the worker died: on each connection the one on the wire and the
        # next one, already moved to "sending" (the engine marks one ahead).
        assert statuses.get("unknown", 0) <= 2 * CONNECTIONS
        # The admin's decision for an unknown message, made with its Message-ID: resend it only when the
        # receiving side never got it.
        async with stack.runtime.sessions() as s:
            unknown = list((await s.execute(sa.select(Message).where(Message.status == "unknown"))).scalars())
        for message in unknown:
            if stack.sink.message_ids[message.message_id or ""] == 0:
                resp = await stack.email.post(f"/email/messages/{message.id}/resend", headers=stack.admin)
                assert resp.status_code == 200
            else:
                await stack.email.post(f"/email/messages/{message.id}/discard", headers=stack.admin)
        await stack.send_all()
        assert len(stack.sink.message_ids) == MESSAGES
        assert stack.sink.duplicates() == {}
        assert stack.sink.count == MESSAGES


async def test_four_workers_on_postgresql_send_each_message_once(backend: str, database_url: str,
                                                                 tmp_path: Path) -> None:
    if backend != "postgres":
        pytest.skip("SQLite admits one writer; the race this test provokes is PostgreSQL's")
    async with email_stack(database_url, tmp_path) as stack:
        await _fill_ledger(stack, MESSAGES)
        with worker_processes(4, database_url, tmp_path) as workers:
            async def all_sent() -> bool:
                return (await _statuses(stack)).get("sent", 0) == MESSAGES

            await _wait_for(all_sent, 600, workers)
        assert stack.sink.count == MESSAGES
        assert stack.sink.duplicates() == {}
        async with stack.runtime.sessions() as s:
            senders = (await s.execute(sa.select(sa.func.count(sa.distinct(Message.smtp_reply))))).scalar_one()
        assert senders == MESSAGES  # each answer ("queued as <n>") belongs to one message
