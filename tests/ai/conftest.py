"""Fixtures of the ai tests: the fake OpenAI server (real SDK, loopback) and an AI database."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.ai.main import MIGRATIONS
from services.ai.service import seed_prompts
from services.ai.settings import AISettings
from services.kit.db import create_engine, migrate, session_factory, session_scope
from tests.fakes.openai_server import FakeOpenAI


@pytest.fixture(scope="session")
def _fake_server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def fake(_fake_server: FakeOpenAI) -> Iterator[FakeOpenAI]:
    """The fake OpenAI API, with a clean slate for each test."""
    _fake_server.reset()
    _fake_server.slow_delay = 2.0
    yield _fake_server
    _fake_server.reset()


def openai_settings(fake: FakeOpenAI, **overrides: Any) -> AISettings:
    """Settings that point the real openai SDK at the fake, with quick retries."""
    values: dict[str, Any] = {"openai_api_key": "sk-test", "openai_base_url": fake.base_url, "environment": "test",
                              "ai_retry_base_delay": 0.01, "ai_retry_max_delay": 0.05, "openai_timeout": 5.0,
                              **overrides}
    return AISettings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """The AI database, built by its migrations, with the default prompts."""
    engine = create_engine(database_url)
    await migrate(engine, MIGRATIONS, "alembic_version_ai")
    factory = session_factory(engine)
    async with session_scope(factory) as s:
        await seed_prompts(s)
    yield factory
    await engine.dispose()
