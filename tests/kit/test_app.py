"""The service app shell: migrations at start-up unless a separate step owns them."""

from __future__ import annotations

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
