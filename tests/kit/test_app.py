"""The service app shell: migrations at start-up unless a separate step owns them."""

from __future__ import annotations

import asyncio
from pathlib import Path

import sqlalchemy as sa

from services.leads.main import create_app
from services.leads.settings import LeadsSettings
from tests.conftest import running


async def tables(url: str) -> set[str]:
    engine = sa.create_engine(url.replace("+aiosqlite", ""))
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


async def test_auto_migrate_can_be_left_to_a_separate_step(tmp_path: Path) -> None:
    off = f"sqlite+aiosqlite:///{tmp_path / 'off.db'}"
    async with running(create_app(LeadsSettings(database_url=off, auto_migrate=False, workers=0))):
        pass
    assert "companies" not in await tables(off)
    on = f"sqlite+aiosqlite:///{tmp_path / 'on.db'}"
    async with running(create_app(LeadsSettings(database_url=on, workers=0))):
        pass
    assert {"companies", "alembic_version_leads", "leads_jobs"} <= await tables(on)


def _damage(path: Path) -> None:
    """Overwrite the pages after the header with garbage, as a failing disk or a bad copy would."""
    data = bytearray(path.read_bytes())
    for i in range(4096, len(data)):
        data[i] = (i * 7919) % 251
    path.write_bytes(bytes(data))


async def test_a_damaged_database_fails_health_and_the_worker_backs_off(tmp_path: Path, caplog) -> None:
    db = tmp_path / "leads.db"
    url = f"sqlite+aiosqlite:///{db}"
    async with running(create_app(LeadsSettings(database_url=url, workers=0))) as client:
        assert (await client.get("/leads/healthz")).status_code == 200
    _damage(db)
    for leftover in (tmp_path / "leads.db-wal", tmp_path / "leads.db-shm"):
        leftover.unlink(missing_ok=True)
    app = create_app(LeadsSettings(database_url=url, workers=1, auto_migrate=False))
    async with running(app) as client:
        app.state.runtime.worker.poll_interval = 0.05
        health = await client.get("/leads/healthz")
        assert health.status_code == 503 and "cannot read its database" in health.json()["detail"]
        await asyncio.sleep(1.5)
    claims = [r for r in caplog.records if "claim" in r.getMessage()]
    # Without backoff ~30 failed claims (and 30 tracebacks) in 1.5 s; with it a handful and one traceback.
    assert 1 <= len(claims) <= 6, [r.getMessage() for r in claims]
    assert sum(1 for r in claims if r.exc_info) == 1
