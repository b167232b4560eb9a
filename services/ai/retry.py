"""Retrying model calls: on 429, 5xx, timeouts and dropped connections, honouring Retry-After.

The openai SDK's own retries are off (``max_retries=0``): this loop sees every attempt, so the
concurrency limit is held only while a request is in flight and the ledger counts attempts.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TypeVar

import openai

from services.kit.errors import AppError

from .errors import ModelTimeout, ProviderFailed, ProviderRateLimited

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 3
    base_delay: float = 1.0
    max_delay: float = 30.0
    max_wait: float = 60.0  # a longer Retry-After is not waited for


def parse_retry_after(headers: Mapping[str, str] | None, now: datetime | None = None) -> float | None:
    """Seconds to wait: ``retry-after-ms`` (OpenAI), ``Retry-After`` as seconds or an HTTP date."""
    if not headers:
        return None
    lowered = {k.lower(): v for k, v in headers.items()}
    ms = lowered.get("retry-after-ms")
    if ms:
        try:
            return max(0.0, float(ms) / 1000.0)
        except ValueError:
            pass
    value = (lowered.get("retry-after") or "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(attempt: int, base: float, cap: float) -> float:
    """Capped exponential backoff with jitter (half to full of the step)."""
    step: float = min(cap, base * 2.0**attempt)
    return step * (0.5 + random.random() / 2)


def _status(exc: BaseException) -> int | None:
    return exc.status_code if isinstance(exc, openai.APIStatusError) else None


def retryable(exc: BaseException) -> bool:
    status = _status(exc)
    if status is not None:
        return status in (408, 409, 429) or status >= 500
    return isinstance(exc, openai.APIConnectionError)  # timeouts included


def _headers(exc: BaseException) -> Mapping[str, str] | None:
    if isinstance(exc, openai.APIStatusError):
        return exc.response.headers
    return None


def give_up_error(exc: BaseException, attempts: int, timeout: float, wait: float | None) -> AppError:
    """The error a caller sees once retrying is over, with what to do about it."""
    tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
    status = _status(exc)
    if status == 429:
        after = int(wait or 0) + 1
        return ProviderRateLimited(f"The model provider is rate limiting us (HTTP 429, {tries}); "
                                   f"try again in {after} s.", retry_after=after)
    if isinstance(exc, openai.APITimeoutError):
        return ModelTimeout(f"The model did not answer within {timeout:g} s ({tries}).")
    if isinstance(exc, openai.APIConnectionError):
        return ProviderFailed(f"Cannot reach the model provider ({tries}): check OUTBOUND_OPENAI_BASE_URL.")
    if status in (401, 403):
        return ProviderFailed(f"The model provider refused our credentials (HTTP {status}): "
                              "check OUTBOUND_OPENAI_API_KEY.")
    if status is not None and status < 500:
        message = getattr(exc, "message", "") or ""
        return ProviderFailed(f"The model provider rejected the request (HTTP {status}): {message[:300]}. "
                              "If it does not support structured outputs, try OUTBOUND_OPENAI_OUTPUT_MODE=json_object.")
    return ProviderFailed(f"The model provider failed (HTTP {status or '?'}, {tries}); try again later.")


class RetriesExhausted(Exception):
    def __init__(self, error: AppError, attempts: int) -> None:
        super().__init__(error.detail)
        self.error = error
        self.attempts = attempts


async def call_with_retries(attempt: Callable[[], Awaitable[T]], policy: RetryPolicy, *, timeout: float,  # noqa: ASYNC109
                            sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> tuple[T, int]:
    """Run ``attempt`` until it succeeds; returns its result and the number of attempts made.

    Raises :class:`RetriesExhausted` carrying the error to show when the provider keeps failing.
    """
    tries = 0
    while True:
        tries += 1
        try:
            return await attempt(), tries
        except openai.APIError as exc:
            wait = parse_retry_after(_headers(exc))
            if not retryable(exc) or tries > policy.max_retries or (wait is not None and wait > policy.max_wait):
                raise RetriesExhausted(give_up_error(exc, tries, timeout, wait), tries) from exc
            await sleep(wait if wait is not None else backoff_delay(tries - 1, policy.base_delay, policy.max_delay))
