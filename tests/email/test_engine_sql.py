"""The sender's hot-path SQL (services/email/repository.py) is written out as text for speed: the status words
and table names it spells must be the ones the models use, or a rename would silently stop sending; and the
SQLite ledger thread's driver-level execution must write what SQLAlchemy would."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import sqlalchemy as sa

from services.email import models
from services.email.repository import HOT_PATH_SQL, SentBatch, commit_sent_batch_sync
from services.kit.db import sqlite_sync_engine

SQL = [getattr(stmt, "element", stmt).text for stmt in HOT_PATH_SQL]  # a RETURNING statement wraps its text
STATUS_WORDS = {models.QUEUED, models.SENDING, models.SENT, models.RUNNING, models.ACTIVE, models.FINISHED}


def test_status_words_in_the_hot_path_sql_are_the_models_ones() -> None:
    spelled = {word for sql in SQL for word in re.findall(r"status = '(\w+)'", sql)}
    assert spelled and spelled <= STATUS_WORDS


def test_tables_in_the_hot_path_sql_exist() -> None:
    tables = set(models.Base.metadata.tables)
    named = {name for sql in SQL for name in re.findall(r"(?:UPDATE|INTO|FROM)\s+(\w+)", sql)} - {"json_each"}
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


def test_the_ledger_threads_driver_path_writes_what_sqlalchemy_would(tmp_path: Path) -> None:
    """commit_sent_batch_sync runs its executemany statements on the DBAPI cursor with the columns' own bind
    processors: the rows must come out as SQLAlchemy's own execution writes them (dates, JSON, NULLs)."""
    now = dt.datetime(2026, 3, 2, 9, 5, 7, 123456, tzinfo=dt.UTC)
    batch = SentBatch(worker_id="w", now=now, sent=[
        {"id": i, "code": 250, "reply": f"250 2.0.0 Ok: queued as {i} — ü", "campaign_id": None, "contact_id": i}
        for i in (1, 3)])
    fast, reference = _ledger(tmp_path / "fast.db"), _ledger(tmp_path / "reference.db")
    with fast.connect() as conn:
        assert commit_sent_batch_sync(conn, batch) == set()
    with reference.begin() as conn:
        for stmt, params in batch.writes():
            conn.execute(stmt, params)
    assert _dump(fast) == _dump(reference)
    messages, events = _dump(fast)
    assert [m for m in messages if m[0] in (1, 3)] and len(events) == 2
    with fast.connect() as conn:
        sent_at = conn.execute(sa.select(models.Message.sent_at).where(models.Message.id == 1)).scalar_one()
        detail = conn.execute(sa.select(models.MessageEvent.detail)).scalars().first()
    assert sent_at == now and detail == {"reply": "250 2.0.0 Ok: queued as 1 — ü"}
    fast.dispose()
    reference.dispose()


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
    with engine.connect() as conn:
        marked = commit_sent_batch_sync(conn, SentBatch(worker_id="w", now=now, marks=[4, 5, 6, 7],
                                                        lease_until=now + dt.timedelta(minutes=3)))
    assert marked == {4, 5}  # not another sender's row, not a paused mailbox's
    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(sa.select(models.Message).where(models.Message.id >= 4))}
    assert [rows[i].status for i in (4, 5, 6, 7)] == ["sending", "sending", "queued", "queued"]
    assert rows[4].attempts == 1 and rows[4].lease_until == now + dt.timedelta(minutes=3)
    assert rows[6].locked_by == "other" and rows[7].locked_by is None  # given back, still queued
    engine.dispose()
