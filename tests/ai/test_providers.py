"""The OpenAI-compatible provider and the retry loop, with the real openai SDK against the fake server."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from services.ai.errors import ModelRefused, ModelTimeout, ProviderFailed, ProviderRateLimited
from services.ai.providers import OpenAICompatibleProvider, RulesProvider, build_provider
from services.ai.retry import RetriesExhausted, RetryPolicy, backoff_delay, call_with_retries, parse_retry_after
from services.ai.schemas import OUTPUT_SCHEMAS, ProfileDraft
from services.ai.settings import AISettings
from services.ai.sources import untrusted_block
from tests.ai.conftest import openai_settings
from tests.fakes.openai_server import INVENTED_EMAIL, FakeOpenAI

MESSAGES = [{"role": "system", "content": "You profile companies."},
            {"role": "user", "content": untrusted_block("WEBSITE_TEXT", "Wir sind die Muster GmbH aus Kassel. "
                                                        "Anna Schmidt leitet das Team seit vielen Jahren.")}]
SCHEMA = OUTPUT_SCHEMAS["lead_profile"][1]


def provider(fake: FakeOpenAI, **overrides) -> OpenAICompatibleProvider:
    p = build_provider(openai_settings(fake, **overrides))
    assert isinstance(p, OpenAICompatibleProvider)
    return p


def test_default_provider_follows_the_key() -> None:
    assert AISettings(_env_file=None).provider == "heuristic"  # type: ignore[call-arg]
    offline = build_provider(AISettings(_env_file=None))  # type: ignore[call-arg]
    assert isinstance(offline, RulesProvider) and not offline.is_ai and offline.name == "heuristic"
    keyed = AISettings(_env_file=None, openai_api_key="sk-x")  # type: ignore[call-arg]
    assert keyed.provider == "openai" and "sk-x" not in repr(keyed)
    assert AISettings(_env_file=None, openai_api_key="sk-x", ai_provider="heuristic").provider == "heuristic"  # type: ignore[call-arg]


@pytest.mark.parametrize("api", ["chat", "responses"])
@pytest.mark.parametrize("mode", ["json_schema", "tools", "json_object"])
async def test_every_api_and_output_mode_gives_schema_json(fake: FakeOpenAI, api: str, mode: str) -> None:
    p = provider(fake, openai_api=api, openai_output_mode=mode)
    try:
        reply = await p.complete(MESSAGES, "lead_profile", SCHEMA)  # type: ignore[arg-type]
    finally:
        await p.aclose()
    profile = ProfileDraft.model_validate_json(reply.content or "")
    assert "Anna Schmidt" in [person.name for person in profile.persons]
    assert reply.prompt_tokens > 0 and reply.completion_tokens > 0 and reply.model == "gpt-4o-mini"
    [seen] = fake.calls
    assert seen.path == ("/v1/chat/completions" if api == "chat" else "/v1/responses")
    assert seen.headers["Authorization"] == "Bearer sk-test"
    body = seen.body
    if api == "chat" and mode == "json_schema":
        assert body["response_format"]["json_schema"] == {"name": "lead_profile", "schema": SCHEMA, "strict": True}
    if api == "chat" and mode == "tools":
        assert body["tool_choice"]["function"]["name"] == "lead_profile"
        assert body["tools"][0]["function"]["parameters"] == SCHEMA
    if api == "responses" and mode == "json_schema":
        assert body["text"]["format"]["strict"] is True and body["instructions"] == "You profile companies."
    if mode == "json_object":  # no structured outputs: the schema travels in the instructions
        assert json.dumps(SCHEMA, separators=(",", ":")) in seen.text


async def test_refusal_is_reported(fake: FakeOpenAI) -> None:
    for api in ("chat", "responses"):
        fake.queue("refusal")
        p = provider(fake, openai_api=api)
        reply = await p.complete(MESSAGES, "lead_profile", SCHEMA)  # type: ignore[arg-type]
        await p.aclose()
        assert reply.refusal and "can't help" in reply.refusal and not reply.content


def test_retry_after_spellings() -> None:
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after({"Retry-After": "3"}) == 3.0
    assert parse_retry_after({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    assert parse_retry_after({"Retry-After": "Thu, 01 Jan 2026 12:00:30 GMT"}, now) == 30.0
    assert parse_retry_after({"Retry-After": "Wed, 31 Dec 2025 00:00:00 GMT"}, now) == 0.0
    assert parse_retry_after({"Retry-After": "soon"}) is None and parse_retry_after({}) is None
    delays = [backoff_delay(n, 1.0, 8.0) for n in range(8)]
    assert all(0.5 <= d <= 1.0 for d in delays[:1]) and all(d <= 8.0 for d in delays)
    assert max(delays[5:]) >= 4.0  # capped, not growing for ever


async def _retrying(fake: FakeOpenAI, policy: RetryPolicy, **overrides) -> tuple[object, int, list[float]]:
    p = provider(fake, **overrides)
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    try:
        reply, attempts = await call_with_retries(lambda: p.complete(MESSAGES, "lead_profile", SCHEMA),  # type: ignore[arg-type]
                                                  policy, timeout=p.settings.openai_timeout, sleep=sleep)
    finally:
        await p.aclose()
    return reply, attempts, waits


async def test_429_and_500_are_retried_honouring_retry_after(fake: FakeOpenAI) -> None:
    fake.queue("429", times=2, retry_after_ms="40")
    fake.queue("500", times=1, retry_after="2")
    fake.queue("500", times=1)
    _, attempts, waits = await _retrying(fake, RetryPolicy(max_retries=5, base_delay=0.1, max_delay=0.4))
    assert attempts == 5 and len(fake.calls) == 5
    assert waits[:3] == [0.04, 0.04, 2.0]  # the server's word, in ms or in seconds
    assert 0.1 <= waits[3] <= 0.4 * 2  # no Retry-After: capped exponential backoff with jitter


async def test_429_storm_gives_a_clear_rate_limit(fake: FakeOpenAI) -> None:
    fake.queue("429", times=50, retry_after="7")
    with pytest.raises(RetriesExhausted) as caught:
        await _retrying(fake, RetryPolicy(max_retries=3))
    assert caught.value.attempts == 4 and len(fake.calls) == 4
    error = caught.value.error
    assert isinstance(error, ProviderRateLimited) and error.status == 429 and error.retry_after == 8
    assert "HTTP 429, 4 attempts" in error.detail
    # A Retry-After longer than we may wait is not waited for at all.
    fake.reset()
    fake.queue("429", times=5, retry_after="3600")
    with pytest.raises(RetriesExhausted) as caught:
        await _retrying(fake, RetryPolicy(max_retries=3, max_wait=60))
    assert caught.value.attempts == 1 and isinstance(caught.value.error, ProviderRateLimited)


async def test_server_errors_exhaust_into_a_502(fake: FakeOpenAI) -> None:
    fake.queue("500", times=10)
    with pytest.raises(RetriesExhausted) as caught:
        await _retrying(fake, RetryPolicy(max_retries=2, base_delay=0.0))
    assert isinstance(caught.value.error, ProviderFailed) and caught.value.error.status == 502
    assert len(fake.calls) == 3


async def test_timeouts_are_retried_then_reported(fake: FakeOpenAI) -> None:
    fake.queue("slow", times=2, delay=1.5)
    with pytest.raises(RetriesExhausted) as caught:
        await _retrying(fake, RetryPolicy(max_retries=1, base_delay=0.0), openai_timeout=0.3)
    assert isinstance(caught.value.error, ModelTimeout) and caught.value.error.status == 504
    assert "0.3 s (2 attempts)" in caught.value.error.detail


async def test_unreachable_provider(fake: FakeOpenAI) -> None:
    p = build_provider(AISettings(_env_file=None, openai_api_key="k", openai_base_url="http://127.0.0.1:9/v1"))  # type: ignore[call-arg]
    assert p is not None
    with pytest.raises(RetriesExhausted) as caught:
        await call_with_retries(lambda: p.complete(MESSAGES, "x", SCHEMA), RetryPolicy(max_retries=1, base_delay=0),  # type: ignore[arg-type]
                                timeout=1)
    await p.aclose()
    assert "OUTBOUND_OPENAI_BASE_URL" in caught.value.error.detail


def test_invented_data_is_what_the_brain_adds() -> None:
    # The fake's gullible brain is what makes the grounding tests meaningful.
    from tests.fakes.openai_server import _profile

    made = _profile(MESSAGES[1]["content"])
    assert INVENTED_EMAIL in json.dumps(made)


async def test_rules_answer_from_the_offline_answer_and_refuse_without_one() -> None:
    rules = RulesProvider()
    reply = await rules.complete(MESSAGES, "lead_profile", SCHEMA,  # type: ignore[arg-type]
                                 lambda: ({"summary": "Pumpen"}, ["note"]))
    assert reply.content == '{"summary": "Pumpen"}' and reply.notes == ["note"] and reply.model == "rules"
    with pytest.raises(ModelRefused, match="needs a model"):
        await rules.complete(MESSAGES, "lead_profile", SCHEMA)  # type: ignore[arg-type]
