"""What the demo tests share: each service's settings and environment for one database layout, and a
dump of every demo table to compare a database with a fresh seed."""

from __future__ import annotations

import os
from datetime import datetime
from itertools import zip_longest
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from services.demo.seed import SERVICES, DemoSeed
from services.embedded import service_factories
from services.kit.db import create_null_pool_engine
from services.kit.settings import ServiceSettings

ROOT = Path(__file__).resolve().parent.parent.parent
# A fixed secret, so the calendar's sealed tokens open in every process of one test.
CALENDAR_SECRET = "demo-test-calendar-secret-0123456789abcdef"


def database_urls(database_url: str, data_dir: Path) -> dict[str, str]:
    """SQLite: a file per service (the embedded layout, and the distributed one's shape: a URL each).
    PostgreSQL: one database for every service (the all-in-one compose file)."""
    if database_url.startswith("sqlite"):
        return {name: f"sqlite+aiosqlite:///{data_dir / (name + '.db')}" for name in SERVICES}
    return dict.fromkeys(SERVICES, database_url)


def settings_for(urls: dict[str, str], data_dir: Path) -> dict[str, ServiceSettings]:
    return {name: cls(database_url=urls[name], data_dir=data_dir, calendar_secret=CALENDAR_SECRET)
            if name == "calendar" else cls(database_url=urls[name], data_dir=data_dir)
            for name, (_factory, cls) in service_factories().items()}


def env_for(urls: dict[str, str], data_dir: Path, **extra: str) -> dict[str, str]:
    """A subprocess's environment naming each service's database as an operator would."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OUTBOUND_")}
    env.update({f"OUTBOUND_{name.upper()}_DATABASE_URL": url for name, url in urls.items()})
    env.update(OUTBOUND_DATA_DIR=str(data_dir), OUTBOUND_CALENDAR_SECRET=CALENDAR_SECRET, PYTHONPATH=str(ROOT),
               **extra)
    return env


async def dump(seed: DemoSeed, urls: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Every demo table's rows in key order; sealed token copies left out (sealed with a fresh nonce)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name in SERVICES:
        engine = create_null_pool_engine(urls[name])
        try:
            async with engine.connect() as conn:
                for model, _ in seed.rows[name]:
                    table = model.__table__
                    keys = list(table.primary_key.columns)
                    result = await conn.execute(sa.select(table).order_by(*keys))
                    out[table.name] = [_shown(dict(row._mapping), table.name) for row in result
                                       if not _own_schedule(table.name, row._mapping)]
        finally:
            await engine.dispose()
    return out


# What the running e-mail service writes on its own schedule, whatever the reset did: its IMAP poll re-enqueues the
# next time slot's poll and records each mailbox's poll (a demo mailbox's server does not answer: the error too),
# which moves the mailbox's updated_at as well.
_POLL_JOB = "email.poll_replies"
_POLL_STATE = frozenset({"imap_polled_at", "imap_error", "imap_state"})
_MAILBOXES = "email_mailboxes"


def _own_schedule(table: str, row: Any) -> bool:
    return table == "email_jobs" and row.get("type") == _POLL_JOB


def _shown(row: dict[str, Any], table: str) -> dict[str, Any]:
    """A row as compared: sealed copies left out (a fresh nonce each time), the local catcher's address, which the
    running email service sets at its start, and a mailbox's IMAP poll state and updated_at, which its poll sets."""
    catcher = row.get("kind") == "catcher"
    polled = _POLL_STATE | {"updated_at"} if table == _MAILBOXES else frozenset()
    return {k: _plain(v) for k, v in row.items()
            if not k.endswith("_sealed") and not (catcher and k in ("smtp_host", "smtp_port")) and k not in polled}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def expected(seed: DemoSeed) -> dict[str, list[dict[str, Any]]]:
    """The seed's own rows as :func:`dump` shows them (columns the seed leaves to defaults aside)."""
    out = {}
    for name in SERVICES:
        for model, values in seed.rows[name]:
            keys = [c.name for c in model.__table__.primary_key.columns]
            rows = sorted(values, key=lambda v: tuple(v[k] for k in keys))
            out[model.__tablename__] = [_shown(row, model.__tablename__) for row in rows]
    return out


def like(dumped: dict[str, list[dict[str, Any]]], fresh: dict[str, list[dict[str, Any]]]
         ) -> dict[str, list[dict[str, Any]]]:
    """``dumped`` row by row with only the columns the seed's row names (the rest keep their defaults)."""
    return {t: [{k: r[k] for k in want} if want is not None and r is not None else r
                for r, want in zip_longest(rows, fresh.get(t, []))] for t, rows in dumped.items()}
