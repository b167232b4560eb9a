"""Async database access shared by the services: engine, sessions, declarative base, migrations.

One session per request, committed at the edge (the route dependency); services only flush.
SQLite (aiosqlite) and PostgreSQL (asyncpg) are both first-class; the schema comes only from
each service's Alembic migrations, kept in its own version table ``alembic_version_<service>``.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import orjson
from sqlalchemy import JSON, DateTime, Executable, MetaData, String, bindparam, event, func, select
from sqlalchemy import create_engine as sa_create_engine
from sqlalchemy.engine import Connection, Engine, Result
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.pool import NullPool, StaticPool
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import GenericFunction
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

log = logging.getLogger("outbound.db")


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on both backends (SQLite drops the offset otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)



class json_array_agg(GenericFunction[list[Any]]):  # noqa: N801 (SQL functions are spelled lower case)
    """Aggregate values into a JSON array (NULL or ``[]`` over no rows; order unspecified).

    One portable spelling for SQLite's ``json_group_array`` and PostgreSQL's ``json_agg``, so a list
    page can fetch each row's tags in the row's own statement instead of one more round trip.
    """

    type = JSON()
    inherit_cache = True


@compiles(json_array_agg, "sqlite")
def _json_array_agg_sqlite(element: json_array_agg, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_group_array({compiler.process(element.clauses, **kw)})"


@compiles(json_array_agg, "postgresql")
def _json_array_agg_postgresql(element: json_array_agg, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_agg({compiler.process(element.clauses, **kw)})"


def contains_pattern(text: str) -> str:
    """A LIKE pattern (escape char ``\\``) matching ``text`` anywhere: % and _ a person types are literal."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def service_metadata() -> MetaData:
    """Each service's own metadata (a service owns its tables), with stable constraint names."""
    return MetaData(naming_convention=NAMING_CONVENTION)


# Every ``datetime`` column is stored as timezone-aware UTC.
TYPE_ANNOTATION_MAP: dict[Any, Any] = {datetime: UTCDateTime()}


def _ensure_sqlite_dir(url: str) -> None:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)


def json_loads(text: str | bytes) -> Any:
    """Decode a JSON column: orjson is several times faster on the small documents rows hold (a list page
    decodes five per row), the standard library takes what orjson refuses but ``json.dumps`` writes (NaN)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


# Connections are opened as load needs them and then kept: an overflow connection closed on return
# and reopened moments later costs a thread (aiosqlite) or a server process, a TLS-less handshake and
# a cold statement cache (PostgreSQL), which under steady concurrency was a measurable share of a request.
POOL_SIZE = 20


def create_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    if url.startswith("sqlite"):
        _ensure_sqlite_dir(url)
        engine = create_async_engine(url, echo=echo, connect_args={"timeout": 30}, json_deserializer=json_loads,
                                     pool_size=POOL_SIZE, max_overflow=0)
        sqlite_transactions(engine)
        _skip_idle_transaction_ends(engine)
        return engine
    return create_async_engine(url, echo=echo, pool_size=POOL_SIZE, max_overflow=0, pool_pre_ping=True,
                               json_deserializer=json_loads)


def _skip_idle_transaction_ends(engine: AsyncEngine) -> None:
    """Every aiosqlite call is a hand-off to the connection's own thread and back. SQLite opens a
    transaction only for a write, so ending one after a read (each read request's commit, the pool's
    rollback on return) is a no-op there: skip its hand-off."""
    dialect = engine.dialect
    commit, rollback = dialect.do_commit, dialect.do_rollback

    def do_commit(dbapi_connection: Any) -> None:
        if dialect.get_driver_connection(dbapi_connection).in_transaction:
            commit(dbapi_connection)

    def do_rollback(dbapi_connection: Any) -> None:
        if dialect.get_driver_connection(dbapi_connection).in_transaction:
            rollback(dbapi_connection)

    dialect.do_commit = do_commit  # type: ignore[method-assign]
    dialect.do_rollback = do_rollback  # type: ignore[method-assign]


# Whether a unit of work may write: read-only ones (GET requests) let SQLite readers run side by side.
WRITES = "outbound_writes"


def sqlite_transactions(engine: AsyncEngine | Engine) -> None:
    """Transactions on SQLite that mean what they say (SQLAlchemy's documented pysqlite recipe).

    The driver's own transaction handling is switched off: left on, it starts a transaction only at
    the first INSERT/UPDATE/DELETE and a SAVEPOINT's RELEASE commits it, so each row of a "one
    transaction" import was committed as it went. SQLAlchemy emits BEGIN itself instead: IMMEDIATE
    for units of work that may write (the write lock is taken up front, so a read-then-write cannot
    fail half-way on a snapshot another writer moved). Read-only units (GET requests) emit none: each
    statement reads the latest committed data on its own, as PostgreSQL's READ COMMITTED does, and
    readers never wait for each other or for a writer.
    """

    sync_engine = engine.sync_engine if isinstance(engine, AsyncEngine) else engine

    @event.listens_for(sync_engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        # WAL lets readers run beside the single writer; foreign keys are off by default in SQLite.
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()
        dbapi_conn.isolation_level = None  # the driver emits no BEGIN/COMMIT of its own

    @event.listens_for(sync_engine, "begin")
    def _begin(conn: Connection) -> None:
        if conn.get_execution_options().get(WRITES, True):
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def sqlite_sync_engine(url: str) -> Engine:
    """A synchronous engine on the same SQLite file as the service's async ``url``, with the same transaction
    rules, for a hot path that runs a whole transaction in one worker thread (aiosqlite hands every
    statement to its thread and back, which under load costs more than SQLite's own work). One connection,
    usable from whichever single thread the caller dedicates to it."""
    engine = sa_create_engine(url.replace("sqlite+aiosqlite://", "sqlite://", 1), poolclass=StaticPool,
                              connect_args={"check_same_thread": False, "timeout": 30},
                              json_deserializer=json_loads)
    sqlite_transactions(engine)
    return engine


def create_null_pool_engine(url: str) -> AsyncEngine:
    """For short-lived tools (migrations, CLI) that must not keep connections around."""
    _ensure_sqlite_dir(url)  # `outbound users create-admin` may run before anything made the data dir
    engine = create_async_engine(url, poolclass=NullPool)
    if url.startswith("sqlite"):
        sqlite_transactions(engine)
    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


@contextlib.asynccontextmanager
async def session_scope(factory: async_sessionmaker[AsyncSession], *,
                        writes: bool = True) -> AsyncIterator[AsyncSession]:
    """Commit once at the edge if the handler succeeded, roll back otherwise.

    ``writes=False`` marks a read-only unit of work (on SQLite it does not take the write lock).
    """
    async with factory(execution_options={WRITES: writes}) as session:
        try:
            yield session
            await session.commit()
        except BaseException as exc:
            # Some refusals must still be recorded (a failed login's audit row and throttle count).
            if getattr(exc, "keep_changes", False):
                await session.commit()
            else:
                await session.rollback()
            raise


def run_migrations(connection: Connection, script_location: Path, version_table: str) -> None:
    """Upgrade to head on an open (sync) connection; called via ``AsyncConnection.run_sync``."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    cfg.attributes["connection"] = connection
    cfg.attributes["version_table"] = version_table
    command.upgrade(cfg, "head")


async def migrate(engine: AsyncEngine, script_location: Path, version_table: str) -> None:
    async with engine.begin() as conn:
        await conn.run_sync(run_migrations, script_location, version_table)


def alembic_env(target_metadata: MetaData) -> None:
    """Body of every service's ``migrations/env.py`` (online mode on a given connection)."""
    from alembic import context

    connection = context.config.attributes.get("connection")
    version_table = context.config.attributes.get("version_table", "alembic_version")
    if connection is None:
        url = context.config.get_main_option("sqlalchemy.url")
        if not url:
            raise RuntimeError("run migrations through `outbound migrate`")
        context.configure(url=url, target_metadata=target_metadata, version_table=version_table,
                          literal_binds=True, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        version_table=version_table,
        render_as_batch=connection.dialect.name == "sqlite",
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Migrations spell our UTC type as the plain column type it stores."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def autogenerate(script_location: Path, version_table: str, message: str) -> None:
    """Write a new revision from the difference between the models and the migrations so far."""
    import tempfile

    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine as create_sync_engine

    with tempfile.TemporaryDirectory() as tmp:
        engine = create_sync_engine(f"sqlite:///{tmp}/autogen.db")
        with engine.begin() as conn:
            cfg = Config()
            cfg.set_main_option("script_location", str(script_location))
            cfg.attributes["connection"] = conn
            cfg.attributes["version_table"] = version_table
            command.upgrade(cfg, "head")
            command.revision(cfg, message=message, autogenerate=True)
        engine.dispose()


async def replace_all(s: AsyncSession, rows: list[tuple[type[Any], list[dict[str, Any]]]]) -> dict[str, int]:
    """Make these tables hold exactly ``rows`` (explicit ids), inside the caller's transaction.

    Tables are given parents first; they are emptied children first. DELETE rather than TRUNCATE: on
    PostgreSQL readers keep seeing the old rows until the transaction commits instead of waiting on a
    table lock, and on SQLite (WAL) they do anyway; a crash half-way leaves the old rows. Sequences are
    set to continue right after the highest id, so the next row's id is the same after every reset.
    """
    import sqlalchemy as sa

    for model, _ in reversed(rows):
        await s.execute(sa.delete(model))
    # Half-way: the old rows are gone inside this transaction, and still there for everyone else.
    log.debug("replace_all: %d tables emptied, inserting the new rows", len(rows))
    counts: dict[str, int] = {}
    for model, values in rows:
        if values:
            await s.execute(sa.insert(model), values)
        counts[model.__tablename__] = len(values)
    if s.bind is not None and s.bind.dialect.name == "postgresql":
        for model, _ in rows:
            table = model.__table__
            pk = [c for c in table.primary_key.columns if c.autoincrement is True or
                  (c.autoincrement == "auto" and isinstance(c.type, sa.Integer))]
            if len(pk) == 1 and len(table.primary_key.columns) == 1:
                await s.execute(sa.text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "  # noqa: S608
                    f"(SELECT COALESCE(MAX({pk[0].name}), 0) + 1 FROM {table.name}), false)"))
    return counts


# --- hot reads by a list of keys --------------------------------------------------------------------
def in_list(column: ColumnElement[Any] | InstrumentedAttribute[Any], name: str, sqlite: bool) -> ColumnElement[bool]:
    """``column IN`` the list parameter ``name``: on SQLite one JSON array (json_each) — an expanding IN renders
    its hundreds of placeholders anew for every call — elsewhere an expanding IN."""
    if sqlite:
        return column.in_(select(func.json_each(bindparam(name, type_=String)).table_valued("value")))
    return column.in_(bindparam(name, expanding=True))


def per_dialect(build: Callable[[bool], Executable]) -> dict[bool, Executable]:
    """A hot statement built once for SQLite (True) and for the other databases (False), with :func:`in_list`."""
    return {sqlite: build(sqlite) for sqlite in (False, True)}


async def hot_execute(s: AsyncSession, stmts: Mapping[bool, Executable], params: dict[str, Any] | None = None,
                      **lists: Sequence[Any]) -> Result[Any]:
    """Run a statement of :func:`per_dialect` with ``params`` and its list parameters on the session's connection,
    as Core: the ORM's per-statement work (compile state, row loading) is most of the CPU of a small statement that a
    hot path repeats."""
    if s.new or s.dirty or s.deleted:  # what the session's own execute would flush first
        await s.flush()
    conn = await s.connection()
    sqlite = conn.dialect.name == "sqlite"
    values = {name: json.dumps(list(items)) if sqlite else list(items) for name, items in lists.items()}
    return await conn.execute(stmts[sqlite], {**(params or {}), **values})


async def hot_rows(s: AsyncSession, stmts: Mapping[bool, Executable], params: dict[str, Any] | None = None,
                   **lists: Sequence[Any]) -> list[Any]:
    """The rows of :func:`hot_execute`."""
    return list((await hot_execute(s, stmts, params, **lists)).all())
