"""Shared fixtures: a fresh database per test on SQLite and on PostgreSQL, running apps, tokens.

PostgreSQL runs on 127.0.0.1:5432 (user postgres, trust auth) on our machines and in CI; every
test gets its own throwaway database, dropped afterwards. OUTBOUND_TEST_BACKENDS=sqlite limits a
run to SQLite on a laptop without PostgreSQL.
"""

from __future__ import annotations

import contextlib
import os
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI

PG_DSN = os.environ.get("OUTBOUND_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
BACKENDS = os.environ.get("OUTBOUND_TEST_BACKENDS", "sqlite,postgres").split(",")
RUN_ID = uuid.uuid4().hex[:8]
ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "admin password 123"
CLOSED_OVERPASS_URL = "http://127.0.0.1:9/api/interpreter"  # the discard port: nothing listens


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "[postgres" in item.nodeid or "postgres]" in item.nodeid:
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never read a developer's .env or OUTBOUND_* variables."""
    for key in list(os.environ):
        if key.startswith("OUTBOUND_") and not key.startswith("OUTBOUND_TEST_"):
            monkeypatch.delenv(key)
    # OpenStreetMap search needs no key, so it is on by default: a test that searches without its
    # stand-in must meet a closed loopback port, never the public Overpass API.
    monkeypatch.setenv("OUTBOUND_OVERPASS_URL", CLOSED_OVERPASS_URL)
    monkeypatch.chdir(tmp_path)


async def _pg_admin() -> asyncpg.Connection:
    return await asyncpg.connect(PG_DSN)


@contextlib.asynccontextmanager
async def pg_database() -> AsyncIterator[str]:
    name = f"obt_{RUN_ID}_{uuid.uuid4().hex[:10]}"
    conn = await _pg_admin()
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    finally:
        conn = await _pg_admin()
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def database_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
        return
    async with pg_database() as url:
        yield url


@contextlib.asynccontextmanager
async def running(app: Any, base_url: str = "http://testserver") -> AsyncIterator[httpx.AsyncClient]:
    """Start an app's lifespan and give a client that talks to it in-process."""
    if isinstance(app, FastAPI):
        async with app.router.lifespan_context(app), httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url=base_url) as client:
            yield client
        return
    # A plain ASGI app (the gateway, the embedded stack): drive its lifespan by hand.
    from tests.asgi import lifespan

    async with lifespan(app), httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                                base_url=base_url) as client:
        yield client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def artifacts_dir() -> Iterator[Path]:
    path = Path(__file__).resolve().parent.parent / "artifacts"
    path.mkdir(exist_ok=True)
    yield path
