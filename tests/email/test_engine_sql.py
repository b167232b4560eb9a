"""The sender's hot-path SQL (services/email/repository.py) is written out as text for speed: the status words
and table names it spells must be the ones the models use, or a rename would silently stop sending; and the
SQLite ledger thread's driver-level execution must write what SQLAlchemy would."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import re
import sqlite3
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import async_sessionmaker

from services.email import engine as engine_module
from services.email import models
from services.email import repository as repo
from services.email.engine import Ready
from services.email.repository import (
    HOT_PATH_SQL,
    SentBatch,
    SqliteLedger,
    commit_sent_batch,
    commit_sent_batch_pg,
)
from services.email.smtp import SendOutcome, SendStatus
from services.kit.db import sqlite_sync_engine
from tests.conftest import pg_database
from tests.email.support import email_stack

SQL = [getattr(stmt, "element", stmt).text for stmt in HOT_PATH_SQL]  # a RETURNING statement wraps its text
STATUS_WORDS = {models.QUEUED, models.SENDING, models.SENT, models.RUNNING, models.ACTIVE, models.FINISHED}


def test_status_words_in_the_hot_path_sql_are_the_models_ones() -> None:
    spelled = {word for sql in SQL for word in re.findall(r"status = '(\w+)'", sql)}
    assert spelled and spelled <= STATUS_WORDS


def test_tables_in_the_hot_path_sql_exist() -> None:
    tables = set(models.Base.metadata.tables)
    functions_and_ctes = {"json_each", "unnest", "sent", "marked"}
    named = {name for sql in SQL for name in re.findall(r"(?:UPDATE|INTO|FROM)\s+(\w+)", sql)} - functions_and_ctes
    assert named and named <= tables


def _ledger(path: Path) -> sa.Engine:
    engine = sqlite_sync_engine(f"sqlite+aiosqlite:///{path}")
    models.Base.metadata.create_all(engine)
    now = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    with engine.begin() as conn:
        conn.execute(sa.insert(models.Message), [
            {"id": i, "to_email": f"r{i}@client.example", "subject": "s", "body_text": "t", "status": models.SENDING,
             "locked_by": "w", "lease_until": now, "campaign_id": None, "message_id": f"<m{i}@x>",
             "created_at": now, "updated_at": now}
            for i in (1, 2, 3)])
    return engine


def _dump(engine: sa.Engine) -> list[list[tuple[object, ...]]]:
    with engine.connect() as conn:
        return [[tuple(row) for row in conn.execute(sa.select(table).order_by(table.c.id))]
                for table in (models.Message.__table__, models.MessageEvent.__table__)]


def _stored(path: Path) -> list[list[tuple[object, ...]]]:
    """The rows as SQLite holds them (dates as the stored text), not as SQLAlchemy reads them back."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        return [db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                for table in ("email_messages", "email_message_events", "email_jobs")]


def test_the_ledger_threads_driver_path_writes_what_sqlalchemy_would(tmp_path: Path) -> None:
    """SqliteLedger runs its executemany statements on the DBAPI cursor with the dialect's bind processors, in
    a transaction of its own: the rows must come out as SQLAlchemy's own execution writes them (dates, JSON,
    NULLs), committed, down to the stored text: dates once went in through sqlite3's own adapter as
    "2026-03-02 09:05:07.123456+00:00", next to SQLAlchemy's "2026-03-02 09:05:07.123456" in the same columns."""
    now = dt.datetime(2026, 3, 2, 9, 5, 7, 123456, tzinfo=dt.UTC)
    batch = SentBatch(worker_id="w", now=now, sent=[
        {"id": i, "code": 250, "reply": f"250 2.0.0 Ok: queued as {i} — ü", "campaign_id": None, "contact_id": i}
        for i in (1, 3)])
    fast, reference = _ledger(tmp_path / "fast.db"), _ledger(tmp_path / "reference.db")
    ledger = SqliteLedger(fast)
    assert ledger.commit(batch) == set()
    ledger.close()
    with reference.begin() as conn:
        for stmt, params in batch.writes():
            conn.execute(stmt, params)
    assert _dump(fast) == _dump(reference)
    assert _stored(tmp_path / "fast.db") == _stored(tmp_path / "reference.db")
    with contextlib.closing(sqlite3.connect(tmp_path / "fast.db")) as db:
        stored = db.execute("SELECT sent_at FROM email_messages WHERE id = 1").fetchone()
    assert stored == ("2026-03-02 09:05:07.123456",)
    messages, events = _dump(fast)
    assert [m for m in messages if m[0] in (1, 3)] and len(events) == 2
    with fast.connect() as conn:
        sent_at = conn.execute(sa.select(models.Message.sent_at).where(models.Message.id == 1)).scalar_one()
        detail = conn.execute(sa.select(models.MessageEvent.detail)).scalars().first()
    assert sent_at == now and detail == {"reply": "250 2.0.0 Ok: queued as 1 — ü"}
    fast.dispose()
    reference.dispose()


def test_a_failing_group_commit_leaves_nothing_half_written(tmp_path: Path) -> None:
    """The ledger's transaction is its own (BEGIN IMMEDIATE … COMMIT on the DBAPI connection): a statement that fails
    rolls back what the batch wrote before it, and the connection takes the next batch."""
    engine = _ledger(tmp_path / "rollback.db")
    now = dt.datetime(2026, 3, 2, 9, 5, tzinfo=dt.UTC)
    batch = SentBatch(worker_id="w", now=now, sent=[
        {"id": 1, "code": 250, "reply": "250 ok", "campaign_id": None, "contact_id": 1}])
    with engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE email_jobs RENAME TO email_jobs_away"))  # the timeline job cannot go in
    before = _dump(engine)
    ledger = SqliteLedger(engine)
    with pytest.raises(sqlite3.OperationalError, match="email_jobs"):
        ledger.commit(batch)
    assert _dump(engine) == before  # the message is still "sending", no event
    with engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE email_jobs_away RENAME TO email_jobs"))
    assert ledger.commit(batch) == set()
    with engine.connect() as conn:
        assert conn.execute(sa.select(models.Message.status).where(models.Message.id == 1)).scalar_one() == "sent"
    ledger.close()
    engine.dispose()


def test_the_ledger_threads_move_to_sending_keeps_its_guards(tmp_path: Path) -> None:
    engine = _ledger(tmp_path / "marks.db")
    now = dt.datetime(2026, 3, 2, 9, 5, tzinfo=dt.UTC)
    with engine.begin() as conn:
        conn.execute(sa.insert(models.Mailbox), [
            {"id": 1, "name": "ok", "from_email": "a@x.example", "smtp_host": "h", "smtp_port": 25, "paused_at": None},
            {"id": 2, "name": "paused", "from_email": "b@x.example", "smtp_host": "h", "smtp_port": 25,
             "paused_at": now}])
        conn.execute(sa.insert(models.Message), [
            {"id": i, "to_email": f"r{i}@client.example", "subject": "s", "body_text": "t", "status": models.QUEUED,
             "locked_by": holder, "mailbox_id": box, "message_id": f"<m{i}@x>"}
            for i, holder, box in ((4, "w", 1), (5, "w", 1), (6, "other", 1), (7, "w", 2))])
    ledger = SqliteLedger(engine)
    marked = ledger.commit(SentBatch(worker_id="w", now=now, marks=[4, 5, 6, 7],
                                     lease_until=now + dt.timedelta(minutes=3)))
    ledger.close()
    assert marked == {4, 5}  # not another sender's row, not a paused mailbox's
    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(sa.select(models.Message).where(models.Message.id >= 4))}
    assert [rows[i].status for i in (4, 5, 6, 7)] == ["sending", "sending", "queued", "queued"]
    assert rows[4].attempts == 1 and rows[4].lease_until == now + dt.timedelta(minutes=3)
    assert rows[6].locked_by == "other" and rows[7].locked_by is None  # given back, still queued
    engine.dispose()


def test_the_loops_ledger_connection_gives_way_while_another_writer_holds_the_lock(tmp_path: Path) -> None:
    """The connection the event loop commits on never sleeps in SQLite's busy handler: with the lock taken it
    writes nothing and says so (None); once the lock is free it commits."""
    engine = _ledger(tmp_path / "busy.db")
    now = dt.datetime(2026, 3, 2, 9, 5, tzinfo=dt.UTC)
    batch = SentBatch(worker_id="w", now=now, sent=[
        {"id": 2, "code": 250, "reply": "250 ok", "campaign_id": None, "contact_id": 2}])
    other = sqlite3.connect(tmp_path / "busy.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    ledger = SqliteLedger(engine, wait=False)
    started = time.perf_counter()
    assert ledger.commit(batch) is None
    assert time.perf_counter() - started < 1.0  # no busy wait (the engine's connect hook sets 30 s)
    other.execute("ROLLBACK")
    assert _dump(engine)[1] == []  # nothing written while it gave way
    assert ledger.commit(batch) == set()
    with engine.connect() as conn:
        assert conn.execute(sa.select(models.Message.status).where(models.Message.id == 2)).scalar_one() == "sent"
    ledger.close()
    other.close()
    engine.dispose()


def _wal_pages(db: Path) -> int:
    wal = db.with_name(db.name + "-wal")
    return wal.stat().st_size // 4096 if wal.exists() else 0


def test_the_loops_ledger_connection_leaves_checkpoints_to_the_waiting_one(tmp_path: Path) -> None:
    """A checkpoint copies the WAL into the database file (up to a thousand pages, and fsyncs): the connection the
    event loop commits on never runs one, so its WAL grows past SQLite's 1,000-page mark; the ledger thread's
    connection copies all of it when asked."""
    engine = _ledger(tmp_path / "wal.db")
    now = dt.datetime(2026, 3, 2, 9, 5, tzinfo=dt.UTC)
    on_the_loop = SqliteLedger(engine, wait=False)
    for k in range(400):  # each commit adds 200 "sent" events (their replies' first 500 characters)
        assert on_the_loop.commit(SentBatch(worker_id="w", now=now, sent=[
            {"id": 1 + i % 3, "code": 250, "reply": f"250 {k} {i} " + "x" * 600, "campaign_id": None,
             "contact_id": i} for i in range(200)])) == set()
        if _wal_pages(tmp_path / "wal.db") > 1_300:
            break
    assert _wal_pages(tmp_path / "wal.db") > 1_300  # with SQLite's default the WAL restarts after ~1,000 pages
    waiting = SqliteLedger(engine)
    frames, copied = waiting.checkpoint()
    assert frames > 1_300 and copied == frames
    on_the_loop.close()
    waiting.close()
    engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_the_senders_ledger_thread_checkpoints_every_few_loop_commits(
        database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine's group commits on the loop never checkpoint; every CHECKPOINT_EVERY of them the ledger thread
    does, so the WAL restarts from its beginning instead of growing with the campaign."""
    async with email_stack(database_url, tmp_path) as stack:
        contact = await stack.contact()
        campaign = await stack.campaign([contact["id"]])
        await stack.start(campaign["id"])
        await stack.run_jobs()
        message_id = (await stack.messages())[0].id
        async with stack.runtime.sessions() as s:
            mailbox = await repo.get_mailbox(s, campaign["mailbox_ids"][0])
        assert mailbox is not None
        sent = SendOutcome(SendStatus.SENT, "250 2.0.0 queued " + "x" * 480, "data", 250)

        observer = sqlite3.connect(tmp_path / "test.db", isolation_level=None)

        async def frames_after_commits(count: int) -> int:
            """``count`` loop commits, each with "sent" events (the fenced update finds the row queued), then the
            frames written to the WAL since it last restarted (the observer's own checkpoint lets the next writer
            restart it)."""
            for k in range(count):
                record = Ready(message_id, b"", "anna@seller.example", "lena@client.example", 1, f"{k}@x")
                assert await stack.engine.commit_batch(mailbox, [(record, sent)] * 40, []) == set()
                await asyncio.sleep(0.01)  # a checkpoint the ledger thread was given finishes
            frames: int = observer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1]
            return frames

        monkeypatch.setattr(engine_module, "CHECKPOINT_EVERY", 10_000)
        await frames_after_commits(0)
        without = await frames_after_commits(60)
        monkeypatch.setattr(engine_module, "CHECKPOINT_EVERY", 2)
        assert await frames_after_commits(60) < without / 4
        observer.close()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_group_commit_waits_for_another_writer_off_the_event_loop(database_url: str, tmp_path: Path
                                                                         ) -> None:
    """The sender's group commit tries on the loop first; while another writer of the process holds SQLite's lock
    it waits in the ledger thread, so the loop keeps turning (every connection's SMTP answers ride on it) and the
    commit goes through once the lock is free."""
    async with email_stack(database_url, tmp_path) as stack:
        box = await stack.mailbox()
        async with stack.runtime.sessions() as s:
            mailbox = await repo.get_mailbox(s, box["id"])
        assert mailbox is not None
        assert await stack.engine.commit_batch(mailbox, [], []) == set()  # the loop's connection, lock free
        other = sqlite3.connect(tmp_path / "test.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        loop = asyncio.get_running_loop()
        ticks = 0

        def tick() -> None:
            nonlocal ticks
            ticks += 1
            handle[0] = loop.call_later(0.01, tick)

        handle = [loop.call_later(0.01, tick)]
        loop.call_later(0.3, other.execute, "ROLLBACK")
        started = time.perf_counter()
        assert await stack.engine.commit_batch(mailbox, [], []) == set()
        handle[0].cancel()
        assert time.perf_counter() - started >= 0.25  # it waited for the lock …
        assert ticks >= 10  # … while the loop went on turning
        other.close()


async def test_the_one_statement_commit_on_postgresql_writes_what_the_statements_would() -> None:
    """PostgreSQL's group commit is one statement (data-modifying CTEs): rows 1-7 go through the statement by
    statement path, rows 11-17 through the one statement; both must come out alike (ids aside)."""
    from sqlalchemy.ext.asyncio import create_async_engine

    now = dt.datetime(2026, 3, 2, 9, 5, 7, 123456, tzinfo=dt.UTC)
    due = now + dt.timedelta(days=3)
    async with pg_database() as url:
        engine = create_async_engine(url)
        async with engine.begin() as conn:
            await conn.run_sync(models.Base.metadata.create_all)
            await conn.execute(sa.insert(models.Mailbox), [
                {"id": 1, "name": "ok", "from_email": "a@x.example", "smtp_host": "h", "smtp_port": 25,
                 "paused_at": None},
                {"id": 2, "name": "paused", "from_email": "b@x.example", "smtp_host": "h", "smtp_port": 25,
                 "paused_at": now}])
            await conn.execute(sa.insert(models.Campaign), [{"id": 1, "name": "c", "status": models.RUNNING}])
            rows = []
            for base in (0, 10):
                await conn.execute(sa.insert(models.CampaignContact), [
                    {"id": base + k, "campaign_id": 1, "contact_id": base + k, "email": f"e{base + k}@x.example",
                     "status": models.ACTIVE, "next_step": 2} for k in (1, 2)])
                rows += [{"id": base + i, "campaign_id": 1, "enrolment_id": base + i if i < 3 else None,
                          "contact_id": base + i, "to_email": f"r{i}@client.example", "subject": "s",
                          "body_text": "t", "status": status, "locked_by": holder, "mailbox_id": box,
                          "message_id": f"<m{base + i}@x>", "lease_until": now, "created_at": now, "updated_at": now}
                         for i, status, holder, box in ((1, "sending", "w", 1), (2, "sending", "w", 1),
                                                        (3, "sending", "other", 1), (4, "queued", "w", 1),
                                                        (5, "queued", "w", 1), (6, "queued", "other", 1),
                                                        (7, "queued", "w", 2))]
            await conn.execute(sa.insert(models.Message), rows)

        def batch(base: int) -> SentBatch:
            return SentBatch(worker_id="w", now=now, lease_until=due,
                             sent=[{"id": base + i, "code": 250, "reply": f"250 Ok: queued as {i} — ü",
                                    "campaign_id": 1, "contact_id": base + i} for i in (1, 2, 3)],
                             finished=[base + 1], scheduled=[{"eid": base + 2, "due": due, "next": 2}],
                             marks=[base + i for i in (4, 5, 6, 7)])

        sessions = async_sessionmaker(engine)
        async with sessions() as s, s.begin():
            assert await commit_sent_batch(s, batch(0)) == {4, 5}
        async with engine.connect() as conn:
            autocommit = await conn.execution_options(isolation_level="AUTOCOMMIT")
            assert await commit_sent_batch_pg(autocommit, batch(10)) == {14, 15}

        skip = {"id", "message_id", "contact_id", "created_at", "enrolment_id", "email"}  # what differs by design
        async with engine.connect() as conn:
            rows_of = {model: (await conn.execute(sa.select(model.__table__).order_by(model.__table__.c.id))).all()
                       for model in (models.Message, models.MessageEvent, models.CampaignContact)}
            jobs = (await conn.execute(sa.text("SELECT payload, idempotency_key FROM email_jobs ORDER BY id"))).all()

        def table(model: type, key: str, base: int) -> list[dict[str, object]]:
            return [{k: v for k, v in row._mapping.items() if k not in skip | {key}}
                    for row in rows_of[model] if base < row._mapping[key] <= base + 10]

        assert table(models.Message, "id", 0) == table(models.Message, "id", 10)
        assert [r for r in table(models.Message, "id", 10) if r["status"] == "sent"] != []
        assert table(models.MessageEvent, "message_id", 0) == table(models.MessageEvent, "message_id", 10)
        assert len(table(models.MessageEvent, "message_id", 10)) == 3  # what the server said, as the other path
        assert table(models.CampaignContact, "id", 0) == table(models.CampaignContact, "id", 10)
        assert [(dict(p), k) for p, k in jobs] == [  # one timeline job a group commit
            ({"message_ids": ids, "kind": "sent"}, f"email:message:{ids[0]}:sent-batch") for ids in ([1, 2, 3],
                                                                                                 [11, 12, 13])]
        await engine.dispose()
