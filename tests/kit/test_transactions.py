"""A unit of work is all or nothing on both backends: an exception or a SIGKILL inside it leaves nothing
behind, savepoints included (on SQLite a savepoint's RELEASE used to commit the whole transaction)."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from services.kit.db import create_engine, session_factory, session_scope

ROOT = Path(__file__).resolve().parents[2]


async def _table(url: str) -> sa.ext.asyncio.AsyncEngine:
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.execute(sa.text("CREATE TABLE uow_rows (n INTEGER NOT NULL)"))
    return engine


async def _count(engine) -> int:
    async with session_scope(session_factory(engine), writes=False) as s:
        return int((await s.execute(sa.text("SELECT count(*) FROM uow_rows"))).scalar_one())


async def test_an_exception_rolls_back_every_savepoint(database_url: str) -> None:
    engine = await _table(database_url)
    sessions = session_factory(engine)
    try:
        with pytest.raises(RuntimeError):
            async with session_scope(sessions) as s:
                for n in range(5):
                    async with s.begin_nested():
                        await s.execute(sa.text("INSERT INTO uow_rows (n) VALUES (:n)"), {"n": n})
                    async with s.begin_nested(), s.begin_nested():  # a savepoint inside a savepoint
                        await s.execute(sa.text("INSERT INTO uow_rows (n) VALUES (:n)"), {"n": 100 + n})
                raise RuntimeError("late failure")
        assert await _count(engine) == 0
        # A failed savepoint rolls back alone; the rest commits together.
        async with session_scope(sessions) as s:
            async with s.begin_nested():
                await s.execute(sa.text("INSERT INTO uow_rows (n) VALUES (1)"))
            with pytest.raises(ValueError):
                async with s.begin_nested():
                    await s.execute(sa.text("INSERT INTO uow_rows (n) VALUES (2)"))
                    raise ValueError
        assert await _count(engine) == 1
    finally:
        await engine.dispose()


async def test_a_killed_process_leaves_nothing_of_its_open_unit_of_work(database_url: str) -> None:
    engine = await _table(database_url)
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("unit_of_work_proc.py")), database_url,
                             "300"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        line = await asyncio.wait_for(asyncio.to_thread(proc.stdout.readline), 60)  # type: ignore[union-attr]
        assert line.strip() == "written"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        assert await _count(engine) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        await engine.dispose()
