"""Building the demo's rows for every service, and writing them: ``outbound demo seed`` and ``reset``.

Each service's database gets **one write transaction** that deletes the demo tables' rows and inserts
the seed. Readers keep seeing the old rows until it commits (PostgreSQL MVCC; SQLite in WAL mode), so
the demo never serves a half-empty database; a reset killed half-way leaves the old rows, and the next
one repairs them. On PostgreSQL the tables are locked against writers (``SHARE ROW EXCLUSIVE``, which
readers never wait for) at the start: a visitor's write waits for the reset instead of deadlocking
with it or failing on a row that is deleted under it, and then applies to the fresh data.

Works for both topologies: each service's database URL comes from its own settings
(``OUTBOUND_<SERVICE>_DATABASE_URL``, ``OUTBOUND_DATABASE_URL`` or ``<data dir>/<service>.db``); when
they all name one database, each service's tables are still reset in a transaction of their own.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.db import create_null_pool_engine, migrate, replace_all, session_factory
from services.kit.settings import ServiceSettings

from .ai import ai_rows
from .calendar import calendar_rows
from .email import email_rows
from .leads import leads_rows
from .story import stories
from .users import users_rows
from .world import build_world

Rows = list[tuple[type[Any], list[dict[str, Any]]]]
# The order services are written in: users first (the others' rows name its accounts).
SERVICES = ("users", "leads", "ai", "calendar", "email")
MIGRATIONS = Path(__file__).resolve().parent.parent


@dataclass
class DemoSeed:
    now: datetime
    rows: dict[str, Rows] = field(default_factory=dict)
    booking_url: str = ""

    def summary(self, name: str) -> str:
        counts = [(model.__tablename__, len(values)) for model, values in self.rows[name] if values]
        return ", ".join(f"{n} {table}" for table, n in counts) or "nothing"


def demo_now(now: datetime | None = None) -> datetime:
    """The moment the demo's dates are relative to: now, to the minute (so two runs in one minute agree)."""
    moment = now or datetime.now(UTC)
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)  # naive means UTC
    return moment.replace(second=0, microsecond=0)


def build_seed(now: datetime, settings: dict[str, ServiceSettings]) -> DemoSeed:
    """Every service's rows for a demo dated relative to ``now``; the same ``now`` gives the same rows
    (only sealed copies of link tokens differ, sealed with a fresh nonce)."""
    from services.calendar.links import load_or_create_key
    from services.calendar.sealing import Sealer
    from services.calendar.settings import CalendarSettings
    from services.email.settings import EmailSettings
    from services.users.settings import UsersSettings

    users, calendar, email = settings["users"], settings["calendar"], settings["email"]
    assert isinstance(users, UsersSettings) and isinstance(calendar, CalendarSettings)
    assert isinstance(email, EmailSettings)
    world = build_world(now)
    told = stories(world)
    seed = DemoSeed(now=now)
    sealer = Sealer(load_or_create_key(calendar.data_dir, calendar.calendar_secret))
    cal = calendar_rows(world, told, sealer, users.demo_account_email, calendar.public_url)
    seed.booking_url = f"{calendar.public_url.rstrip('/')}/book/{cal.page_tokens[1]}"
    leads = leads_rows(world, [])  # crawls first: the ai profiles are written from them
    ai = ai_rows(world, leads.records, leads.site_pages)
    # A pinned catcher port, or the one the demo compose file pins; a running service re-points it at start.
    port = email.smtp_catcher_port if isinstance(email.smtp_catcher_port, int) and email.smtp_catcher_port else 2525
    mail = email_rows(world, told, ai.hooks, calendar.public_url, email.smtp_catcher_host, port)
    leads = leads_rows(world, [*ai.timeline, *cal.timeline, *mail.timeline])
    seed.rows = {"users": users_rows(world, users.demo_account_email, seed.booking_url), "leads": leads.rows,
                 "ai": ai.rows, "calendar": cal.rows, "email": mail.rows}
    return seed


async def _lock_tables(s: AsyncSession, rows: Rows) -> None:
    if s.get_bind().dialect.name == "postgresql":
        names = ", ".join(f'"{model.__tablename__}"' for model, _ in rows)
        await s.execute(sa.text(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE"))


async def _write_users(s: AsyncSession, rows: Rows) -> dict[str, int]:
    """Accounts are updated in place, not deleted: a visitor's session (a refresh token of the demo
    account) survives the reset, and the operator's own admins are left alone."""
    from services.users.models import User

    [(model, values)] = rows
    assert model is User
    ids = [v["id"] for v in values]
    emails = [v["email"] for v in values]
    # Accounts made in the demo go; an admin the operator created stays unless it holds a seed address.
    await s.execute(sa.delete(User).where(User.id.not_in(ids), sa.or_(User.role != "admin", User.email.in_(emails))))
    existing = set((await s.execute(sa.select(User.id).where(User.id.in_(ids)))).scalars())
    for v in values:
        if v["id"] in existing:
            changes = {k: x for k, x in v.items() if k != "id"}
            await s.execute(sa.update(User).where(User.id == v["id"]).values(**changes))
        else:
            await s.execute(sa.insert(User).values(**v))
    if s.get_bind().dialect.name == "postgresql":
        await s.execute(sa.text("SELECT setval(pg_get_serial_sequence('users', 'id'), "
                                "(SELECT COALESCE(MAX(id), 0) + 1 FROM users), false)"))
    return {"users": len(values)}


async def _keep_catcher_address(s: AsyncSession, rows: Rows) -> Rows:
    """The local catcher's mailbox keeps the address the running email service gave it at start (its port
    may be chosen then): the reset must not point the demo's only working mailbox at nothing."""
    from services.email.models import Mailbox

    live = (await s.execute(sa.select(Mailbox.smtp_host, Mailbox.smtp_port).where(Mailbox.kind == "catcher")
                            .order_by(Mailbox.id).limit(1))).first()
    if live is None:
        return rows
    return [(model, [{**v, "smtp_host": live.smtp_host, "smtp_port": live.smtp_port} if v.get("kind") == "catcher"
                     else v for v in values] if model is Mailbox else values) for model, values in rows]


async def write_service(name: str, url: str, rows: Rows, *, pause: Callable[[], Awaitable[None]] | None = None
                        ) -> dict[str, int]:
    """Make ``name``'s demo tables hold exactly ``rows``, in one transaction. ``pause`` runs inside it
    after the deletes (the tests kill a reset there)."""
    engine = create_null_pool_engine(url)
    try:
        for attempt in range(3):
            try:
                async with session_factory(engine)() as s, s.begin():
                    await _lock_tables(s, rows)
                    if name == "email":
                        rows = await _keep_catcher_address(s, rows)
                    counts = await (_write_users(s, rows) if name == "users" else replace_all(s, rows))
                    if pause is not None:
                        await pause()
                return counts
            except DBAPIError as exc:  # a deadlock with a visitor's write: the reset is the one to retry
                if attempt == 2 or "deadlock" not in str(exc.orig).lower():
                    raise
                await asyncio.sleep(0.2 * (attempt + 1))
        raise AssertionError("unreachable")
    finally:
        await engine.dispose()


async def migrate_service(name: str, url: str) -> None:
    engine = create_null_pool_engine(url)
    try:
        await migrate(engine, MIGRATIONS / name / "migrations", f"alembic_version_{name}")
    finally:
        await engine.dispose()


async def has_data(name: str, url: str, rows: Rows) -> bool:
    """Whether any of the service's demo tables (its jobs aside) holds a row already."""
    engine = create_null_pool_engine(url)
    try:
        async with engine.connect() as conn:
            for model, values in rows:
                if values and (await conn.execute(sa.select(sa.func.count()).select_from(model))).scalar_one():
                    return True
        return False
    finally:
        await engine.dispose()


@dataclass
class Outcome:
    service: str
    action: str  # seeded | reset | skipped
    detail: str
    seconds: float


def service_settings() -> dict[str, ServiceSettings]:
    from services.embedded import service_factories

    return {name: settings_cls() for name, (_factory, settings_cls) in service_factories().items()}


async def run(action: str, *, now: datetime | None = None, settings: dict[str, ServiceSettings] | None = None,
              report: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """``seed``: migrate, then load every service whose demo tables are empty. ``reset``: migrate, then
    write every service's seed over what is there."""
    settings = settings or service_settings()
    seed = build_seed(demo_now(now), settings)
    out = []
    for name in SERVICES:
        url = str(settings[name].database_url)
        started = time.perf_counter()
        await migrate_service(name, url)
        if action == "seed" and name != "users" and await has_data(name, url, seed.rows[name]):
            outcome = Outcome(name, "skipped", "has data already (`outbound demo reset` replaces it)",
                              time.perf_counter() - started)
        else:
            await write_service(name, url, seed.rows[name])
            outcome = Outcome(name, "seeded" if action == "seed" else "reset", seed.summary(name),
                              time.perf_counter() - started)
        out.append(outcome)
        if report is not None:
            report(outcome)
    return out
