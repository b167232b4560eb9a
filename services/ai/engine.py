"""One model call, done carefully: cache, budget, concurrency limit, retries, schema validation with
one repair retry, and a ledger row for every call (a cache hit and a failure included).

No database session is held while the provider works: the prompt, cache and budget are read in one
short transaction, the ledger row (and the cache entry) written in another.

The cache key is sha256 of the exact messages, the prompt's name and version, the model and the
output mode: a repeat with the same input costs nothing, and a new prompt version or model misses.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.kit.auth import Principal
from services.kit.db import session_scope, utcnow
from services.kit.errors import AppError, NotFound

from . import repository as repo
from .errors import BudgetExceeded, ModelOutputInvalid, ModelRefused
from .models import AICall, Prompt
from .prompts import render
from .providers import Message, ModelProvider, ModelReply, OfflineAnswer, build_provider
from .retry import RetriesExhausted, RetryPolicy, call_with_retries
from .schemas import OUTPUT_SCHEMAS, AIMeta
from .settings import AISettings, ModelPrice

RULES = "rules (not AI)"
REPAIR = ("Your previous answer was not valid: {problem}. Answer again with only one JSON object that matches "
          "the schema exactly: every field present, the right types, no text around it.")
# What a partial answer falls back to, field by field (only lead profiles are salvaged).
SALVAGE_DEFAULTS: dict[str, dict[str, Any]] = {
    "lead_profile": {"summary": "", "industry": None, "size_estimate": None, "products_services": [],
                     "persons": [], "hook": None, "language": None},
}


@dataclass(frozen=True)
class Caller:
    """Whose budget pays and whose ledger rows these are."""

    key: str  # user:<id>, svc:<name>, cli
    budgeted: bool
    user_id: int | None = None  # whose sender profile signs what is written

    @classmethod
    def of(cls, principal: Principal, on_behalf_of: int | None = None) -> Caller:
        if principal.is_service and on_behalf_of is not None:
            return cls(f"user:{on_behalf_of}", True, on_behalf_of)
        return cls(principal.actor[:64], not principal.is_service, principal.user_id)


CLI_CALLER = Caller("cli", False)


@dataclass
class Generated:
    data: dict[str, Any]
    meta: AIMeta
    missing: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def price_for(prices: dict[str, ModelPrice], model: str) -> ModelPrice | None:
    """Exact name, else the longest configured name the model starts with (dated snapshots)."""
    if model in prices:
        return prices[model]
    matches = [name for name in prices if model.startswith(name)]
    return prices[max(matches, key=len)] if matches else None


def midnight_utc(now: datetime | None = None) -> datetime:
    now = now or datetime.now(UTC)
    return datetime(now.year, now.month, now.day, tzinfo=UTC)


def _parse(content: str | None, model: type[BaseModel]) -> tuple[dict[str, Any] | None, Any, str | None]:
    """(validated data, raw JSON, problem)."""
    if not content or not content.strip():
        return None, None, "the answer was empty"
    try:
        raw = json.loads(content)
    except json.JSONDecodeError as exc:
        return None, None, f"not JSON ({exc.msg} at position {exc.pos})"
    if not isinstance(raw, dict):
        return None, raw, "not a JSON object"
    try:
        return model.model_validate(raw).model_dump(), raw, None
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:8])
        return None, raw, problems


def _salvage(raw: Any, model: type[BaseModel], schema_name: str) -> tuple[dict[str, Any], list[str]] | None:
    """The valid part of an answer that is still wrong after the repair retry, and what is missing."""
    defaults = SALVAGE_DEFAULTS.get(schema_name)
    if defaults is None or not isinstance(raw, dict):
        return None
    data = {k: raw.get(k, v) for k, v in defaults.items()}
    missing: set[str] = {k for k in defaults if k not in raw}
    for _ in range(3):
        try:
            return model.model_validate(data).model_dump(), sorted(missing)
        except ValidationError as exc:
            for err in exc.errors():
                top = str(err["loc"][0]) if err["loc"] else ""
                if top not in data:
                    continue
                if len(err["loc"]) > 1 and isinstance(err["loc"][1], int) and isinstance(data[top], list):
                    data[top] = [x for i, x in enumerate(data[top]) if i != err["loc"][1]]
                else:
                    data[top] = defaults[top]
                missing.add(top)
    return None


class AIEngine:
    """Per process: the provider, the concurrency limit and the retry policy."""

    def __init__(self, settings: AISettings, provider: ModelProvider,
                 sessions: async_sessionmaker[AsyncSession]) -> None:
        self.settings = settings
        self.provider = provider
        self.sessions = sessions
        self.semaphore = asyncio.Semaphore(settings.ai_concurrency)
        self.policy = RetryPolicy(settings.openai_max_retries, settings.ai_retry_base_delay,
                                  settings.ai_retry_max_delay, settings.ai_retry_max_wait)

    @classmethod
    def from_settings(cls, settings: AISettings, sessions: async_sessionmaker[AsyncSession]) -> AIEngine:
        return cls(settings, build_provider(settings), sessions)

    async def prompt(self, name: str) -> Prompt:
        """The active version of a prompt."""
        async with session_scope(self.sessions) as s:
            prompt = await repo.active_prompt(s, name)
        if prompt is None:
            raise NotFound(f"There is no active prompt named {name!r}.")
        return prompt

    async def aclose(self) -> None:
        await self.provider.aclose()

    @property
    def is_ai(self) -> bool:
        return self.provider.is_ai

    @property
    def model(self) -> str:
        return self.provider.model

    # --- budget ------------------------------------------------------------------------------------
    async def check_budget(self, s: AsyncSession, caller: Caller) -> None:
        if not caller.budgeted or not self.is_ai:
            return
        budget, tokens = self.settings.ai_daily_budget_usd, self.settings.ai_daily_token_budget
        if not budget and not tokens:
            return
        start = midnight_utc()
        used = await repo.usage_since(s, caller.key, start)
        reset_in = int((start + timedelta(days=1) - datetime.now(UTC)).total_seconds()) + 1
        if budget and used.cost >= budget:
            raise BudgetExceeded(f"Your daily AI budget of ${budget:.2f} is used up (${used.cost:.4f} spent today); "
                                 "it resets at midnight UTC.", retry_after=reset_in)
        if tokens and used.tokens >= tokens:
            raise BudgetExceeded(f"Your daily AI budget of {tokens} tokens is used up ({used.tokens} today); "
                                 "it resets at midnight UTC.", retry_after=reset_in)

    # --- the ledger ----------------------------------------------------------------------------------
    async def _record(self, s: AsyncSession, caller: Caller, purpose: str, prompt: Prompt, meta: AIMeta,
                      started: float, error: str | None = None) -> None:
        await repo.add(s, AICall(
            principal=caller.key, purpose=purpose, provider=meta.provider, model=meta.model[:120],
            prompt_name=prompt.name, prompt_version=prompt.version, prompt_tokens=meta.prompt_tokens,
            completion_tokens=meta.completion_tokens, cost=meta.cost, price_known=meta.price_known,
            cached=meta.cached, attempts=meta.attempts, duration_ms=int((time.monotonic() - started) * 1000),
            error=error[:4000] if error else None))

    # --- one structured call -------------------------------------------------------------------------
    def cache_key(self, messages: list[Message], prompt: Prompt) -> str:
        body = json.dumps({"messages": messages, "schema": prompt.output_schema,
                           "mode": self.settings.openai_output_mode}, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(f"{body}|{prompt.name}@{prompt.version}|{self.model}".encode()).hexdigest()

    async def _attempt(self, messages: list[Message], schema_name: str, schema: dict[str, Any],
                       offline: OfflineAnswer | None) -> ModelReply:
        async with self.semaphore:  # held per attempt, released while backing off
            return await self.provider.complete(messages, schema_name, schema, offline)

    async def _call(self, messages: list[Message], schema_name: str, schema: dict[str, Any],
                    meta: AIMeta, offline: OfflineAnswer | None) -> ModelReply:
        reply, attempts = await call_with_retries(lambda: self._attempt(messages, schema_name, schema, offline),
                                                  self.policy, timeout=self.settings.openai_timeout)
        meta.attempts += attempts
        meta.model = reply.model or meta.model
        meta.prompt_tokens += reply.prompt_tokens
        meta.completion_tokens += reply.completion_tokens
        price = price_for(self.settings.ai_prices, meta.model) or price_for(self.settings.ai_prices, self.model)
        meta.price_known = price is not None
        if price is not None:
            meta.cost = round(meta.prompt_tokens * price.input_per_1m / 1e6
                              + meta.completion_tokens * price.output_per_1m / 1e6, 8)
        if reply.refusal:
            raise ModelRefused(f"The model refused to answer: {reply.refusal[:300]}")
        return reply

    async def generate(self, caller: Caller, purpose: str, prompt: Prompt, values: dict[str, str],
                       offline: OfflineAnswer | None = None) -> Generated:
        """Ask the provider for ``prompt.output_schema``; validated data, or an AppError that says why not.

        ``offline`` is the rule-based answer to the same request: the rules provider answers with it,
        a model provider ignores it. Rules cost nothing, so they skip the cache and the budget.
        """
        model_cls, schema = OUTPUT_SCHEMAS[prompt.output_schema]
        messages: list[Message] = [{"role": "system", "content": prompt.system},
                                   {"role": "user", "content": render(prompt.template, values)}]
        key = self.cache_key(messages, prompt)
        meta = AIMeta(provider=self.provider.name, model=self.model,
                      generated_by="model" if self.is_ai else RULES, prompt_name=prompt.name,
                      prompt_version=prompt.version)
        started = time.monotonic()
        async with session_scope(self.sessions) as s:
            hit = await repo.cached_response(s, key) if self.is_ai else None
            if hit is not None:
                meta.cached, meta.model = True, hit.model
                await self._record(s, caller, purpose, prompt, meta, started)
                return Generated(hit.response, meta)
            await self.check_budget(s, caller)
        try:
            data, reply, missing = await self._answer(messages, prompt, model_cls, schema, meta, offline)
        except RetriesExhausted as exc:
            meta.attempts += exc.attempts
            await self._fail(caller, purpose, prompt, meta, started, exc.error)
            raise exc.error from exc
        except AppError as exc:
            await self._fail(caller, purpose, prompt, meta, started, exc)
            raise
        async with session_scope(self.sessions) as s:
            await self._record(s, caller, purpose, prompt, meta, started)
            if not missing and self.is_ai:
                await repo.store_response(s, key=key, response=data, model=meta.model,
                                          prompt_tokens=meta.prompt_tokens, completion_tokens=meta.completion_tokens,
                                          created_at=utcnow())
        warnings = [f"The model's answer lacked valid {', '.join(missing)}; left empty."] if missing else []
        return Generated(data, meta, missing, [*reply.notes, *warnings])

    async def _answer(self, messages: list[Message], prompt: Prompt, model_cls: type[BaseModel],
                      schema: dict[str, Any], meta: AIMeta,
                      offline: OfflineAnswer | None) -> tuple[dict[str, Any], ModelReply, list[str]]:
        """The provider's validated answer, after one repair request if needed; salvaged where allowed."""
        reply = await self._call(messages, prompt.output_schema, schema, meta, offline)
        data, raw, problem = _parse(reply.content, model_cls)
        if data is not None:
            return data, reply, []
        repair: list[Message] = [*messages, {"role": "assistant", "content": (reply.content or "")[:20_000]},
                                 {"role": "user", "content": REPAIR.format(problem=problem)}]
        reply = await self._call(repair, prompt.output_schema, schema, meta, offline)
        data, raw2, problem = _parse(reply.content, model_cls)
        if data is not None:
            return data, reply, []
        salvaged = _salvage(raw2 if raw2 is not None else raw, model_cls, prompt.output_schema)
        if salvaged is None:
            raise ModelOutputInvalid(f"The model's output was invalid twice (after one repair request): {problem}.")
        return salvaged[0], reply, salvaged[1]

    async def _fail(self, caller: Caller, purpose: str, prompt: Prompt, meta: AIMeta, started: float,
                    error: AppError) -> None:
        """The ledger row of a failed call (tokens may have been spent) is kept, in its own transaction."""
        async with session_scope(self.sessions) as s:
            await self._record(s, caller, purpose, prompt, meta, started, error=error.detail)
