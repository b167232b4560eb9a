"""One model call end to end (real SDK → fake server; SQLite and PostgreSQL): validation and repair,
refusal, the cache, the ledger, budgets and the concurrency limit."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.ai import service
from services.ai.engine import AIEngine, Caller, price_for
from services.ai.errors import BudgetExceeded, ModelOutputInvalid, ModelRefused, ProviderRateLimited
from services.ai.models import AICacheEntry, AICall
from services.ai.schemas import PromptUpdate
from services.ai.settings import DEFAULT_PRICES
from services.ai.sources import untrusted_block
from services.kit.auth import Principal
from services.kit.db import session_scope
from services.kit.errors import AppError
from tests.ai.conftest import openai_settings
from tests.fakes.openai_server import FakeOpenAI

USER = Caller("user:7", True)
ADMIN = Principal(sub="1", typ="access", role="admin")


def values(text: str = "Wir sind die Muster GmbH aus Kassel. Anna Schmidt leitet das Team.") -> dict[str, str]:
    return {"source": untrusted_block("WEBSITE_TEXT", text), "facts": "{}", "language": "English", "url": "x"}


async def generate(sessions: async_sessionmaker[AsyncSession], engine: AIEngine, vals: dict[str, str],
                   caller: Caller = USER):
    prompt = await engine.prompt("enrich_company")
    return await engine.generate(caller, "enrich", prompt, vals)


async def ledger(sessions: async_sessionmaker[AsyncSession]) -> list[AICall]:
    async with sessions() as s:
        return list((await s.execute(sa.select(AICall).order_by(AICall.id))).scalars())


def test_prices_match_dated_model_names() -> None:
    assert price_for(DEFAULT_PRICES, "gpt-4o-mini-2024-07-18") == DEFAULT_PRICES["gpt-4o-mini"]
    assert price_for(DEFAULT_PRICES, "gpt-4o-2024-08-06") == DEFAULT_PRICES["gpt-4o"]
    assert price_for(DEFAULT_PRICES, "llama3.1:8b") is None


async def test_call_is_validated_costed_cached_and_recorded(sessions, fake: FakeOpenAI) -> None:
    engine = AIEngine.from_settings(openai_settings(fake), sessions)
    first = await generate(sessions, engine, values())
    assert first.meta.prompt_tokens > 0 and first.meta.cost > 0 and not first.meta.cached
    assert first.meta.prompt_name == "enrich_company" and first.meta.prompt_version == 1
    price = DEFAULT_PRICES["gpt-4o-mini"]
    assert first.meta.cost == pytest.approx(first.meta.prompt_tokens * price.input_per_1m / 1e6
                                            + first.meta.completion_tokens * price.output_per_1m / 1e6)
    again = await generate(sessions, engine, values())
    assert again.data == first.data and again.meta.cached and again.meta.cost == 0 and len(fake.calls) == 1
    rows = await ledger(sessions)
    assert [(r.cached, r.cost > 0, r.prompt_version) for r in rows] == [(False, True, 1), (True, False, 1)]
    # A new prompt version is a different input: the cache misses.
    async with session_scope(sessions) as s:
        await service.update_prompt(s, "enrich_company", PromptUpdate(description="v2"), ADMIN)
    third = await generate(sessions, engine, values())
    assert not third.meta.cached and third.meta.prompt_version == 2 and len(fake.calls) == 2
    async with sessions() as s:
        assert (await s.execute(sa.select(sa.func.count()).select_from(AICacheEntry))).scalar() == 2
    await engine.aclose()


async def test_malformed_output_gets_one_repair_request(sessions, fake: FakeOpenAI) -> None:
    engine = AIEngine.from_settings(openai_settings(fake), sessions)
    fake.queue("malformed")
    result = await generate(sessions, engine, values())
    assert result.data["summary"] and not result.missing and result.meta.attempts == 2
    repair = fake.calls[1].body["messages"]
    assert repair[-2]["role"] == "assistant" and "not JSON" in repair[-1]["content"]
    assert (await ledger(sessions))[-1].prompt_tokens == result.meta.prompt_tokens  # both calls are paid for
    fake.queue("malformed", times=2)
    with pytest.raises(ModelOutputInvalid, match="invalid twice"):
        await generate(sessions, engine, values("Other text about pumps and valves in Kassel, Germany."))
    last = (await ledger(sessions))[-1]
    assert last.error and "invalid twice" in last.error and last.attempts == 2
    await engine.aclose()


async def test_missing_fields_give_a_partial_result_that_says_so(sessions, fake: FakeOpenAI) -> None:
    engine = AIEngine.from_settings(openai_settings(fake), sessions)
    fake.queue("missing", times=2)
    result = await generate(sessions, engine, values())
    assert result.data["summary"] and result.data["persons"] == []
    assert {"industry", "persons", "hook"} <= set(result.missing) and "lacked" in result.warnings[0]
    fake.queue("invalid", times=2)
    result = await generate(sessions, engine, values("Schema-breaking answer twice, for a different input."))
    assert "summary" in result.missing and "persons" in result.missing
    async with sessions() as s:  # partial answers are not cached
        assert (await s.execute(sa.select(sa.func.count()).select_from(AICacheEntry))).scalar() == 0
    await engine.aclose()


async def test_refusal_and_rate_limit_storm_are_clear_errors_on_the_ledger(sessions, fake: FakeOpenAI) -> None:
    engine = AIEngine.from_settings(openai_settings(fake, openai_max_retries=2), sessions)
    fake.queue("refusal")
    with pytest.raises(ModelRefused, match="refused to answer"):
        await generate(sessions, engine, values())
    fake.queue("429", times=10, retry_after_ms="10")
    with pytest.raises(ProviderRateLimited) as caught:
        await generate(sessions, engine, values())
    assert caught.value.headers["Retry-After"] == "1"
    rows = await ledger(sessions)
    assert [r.error is not None for r in rows] == [True, True] and rows[1].attempts == 3
    await engine.aclose()


async def test_daily_budget_stops_calls_until_midnight_but_not_cache_hits(sessions, fake: FakeOpenAI) -> None:
    engine = AIEngine.from_settings(openai_settings(fake, ai_daily_budget_usd=0.000001), sessions)
    await generate(sessions, engine, values())
    with pytest.raises(BudgetExceeded) as caught:
        await generate(sessions, engine, values("A different page, so not a cache hit."))
    assert caught.value.status == 429 and 0 < caught.value.retry_after <= 86_401
    assert "resets at midnight UTC" in caught.value.detail
    assert (await generate(sessions, engine, values())).meta.cached  # a repeat still costs nothing
    await generate(sessions, engine, values("Services have no budget of their own."), Caller("svc:email", False))
    tokens = AIEngine.from_settings(openai_settings(fake, ai_daily_budget_usd=0, ai_daily_token_budget=10), sessions)
    with pytest.raises(BudgetExceeded, match="10 tokens"):
        await generate(sessions, tokens, values("Token budget."))
    assert len(fake.calls) == 2
    await engine.aclose()
    await tokens.aclose()


async def test_concurrency_limit_holds_across_parallel_calls(sessions, fake: FakeOpenAI) -> None:
    engine = AIEngine.from_settings(openai_settings(fake, ai_concurrency=2), sessions)
    fake.slow_delay = 0.3
    fake.queue("slow", times=6)
    results = await asyncio.gather(*(generate(sessions, engine, values(f"Page number {i} of a site about pumps."))
                                     for i in range(6)), return_exceptions=True)
    assert not [r for r in results if isinstance(r, AppError | Exception)]
    assert len(fake.calls) == 6 and fake.max_in_flight == 2
    await engine.aclose()
