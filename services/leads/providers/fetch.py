"""One request for a search API page with the retry rules every provider shares, and secret redaction.

Rules: a transport error, timeout or 5xx is retried once after a short pause; a 429 is retried once
only when the server asks for a wait of at most :data:`MAX_RETRY_AFTER` seconds, otherwise the run
stops with what it has; any other status is final. Errors come back as text (never raised) so the
caller can return partial results, and every text passes :func:`redact` first.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, quote_plus

import httpx

RETRY_BACKOFF = 0.5  # seconds before the single retry of a transient failure
MAX_RETRY_AFTER = 5.0  # longer quota waits are not worth holding a request open for
USER_AGENT = "OutboundCRM/0.1 (company discovery)"

# status, short message from the upstream body (may be "") -> the error text for the user
Describe = Callable[[int, str], str]


@dataclass
class Hit:
    url: str | None  # None: a business a directory-like source knows without a website
    title: object
    snippet: object
    rank: int
    name: str | None = None
    phone: str | None = None
    address: str | None = None
    category: str | None = None


@dataclass
class Pages:
    """Raw hits of one provider run, in rank order."""

    hits: list[Hit] = field(default_factory=list)
    pages: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class Fetched:
    data: dict[str, Any] | None = None
    error: str | None = None


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """Replace every secret, raw or URL-encoded, with ``***``."""
    for secret in secrets:
        if secret:
            for form in {secret, quote(secret, safe=""), quote_plus(secret)}:
                text = text.replace(form, "***")
    return text


_KEY_PARAM = re.compile(r"([?&](?:key|api_key|apikey)=)[^&\s\"']+", re.I)
_USERINFO = re.compile(r"(//)[^/@\s\"']+@")


class _RedactURLs(logging.Filter):
    """httpx logs every request URL at INFO; the Google key is a query parameter of it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _USERINFO.sub(r"\1***@", _KEY_PARAM.sub(r"\1***", message))
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def install_log_redaction() -> None:
    logger = logging.getLogger("httpx")
    if not any(isinstance(f, _RedactURLs) for f in logger.filters):
        logger.addFilter(_RedactURLs())


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def upstream_message(response: httpx.Response) -> str:
    """The JSON error message of the body (Google: ``error.message``), one line, short; else ""."""
    try:
        body = response.json()
    except ValueError:
        return ""  # HTML error pages are not worth quoting
    message: object = None
    if isinstance(body, dict):
        error = body.get("error")
        # Google: error.message; Brave: error.detail; Serper and others: message at the top.
        message = (error.get("message") or error.get("detail")) if isinstance(error, dict) else error
        message = message or body.get("message") or body.get("detail")
    return " ".join(message.split())[:200] if isinstance(message, str) else ""


async def get_json(client: httpx.AsyncClient, url: str, params: dict[str, str | int], *, provider: str,
                   describe: Describe, headers: dict[str, str] | None = None) -> Fetched:
    return await request_json(client, "GET", url, params=params, headers=headers, provider=provider,
                              describe=describe)


async def request_json(client: httpx.AsyncClient, method: str, url: str, *,
                       params: dict[str, str | int] | None = None, form: dict[str, str] | None = None,
                       json_body: dict[str, Any] | None = None, headers: dict[str, str] | None = None,
                       provider: str, describe: Describe) -> Fetched:
    """Every provider's query is read-only, so a POST (Overpass, Serper) is retried like a GET."""
    retried = waited = False
    while True:
        try:
            response = await client.request(method, url, params=params, data=form, json=json_body, headers=headers)
        except httpx.TimeoutException as exc:
            error = f"{provider}: no answer within {client.timeout.read or 0:g} s ({type(exc).__name__})"
        except httpx.HTTPError as exc:  # str(exc) may carry the URL and with it the key: class name only
            error = f"{provider}: cannot reach the server ({type(exc).__name__})"
        else:
            status = response.status_code
            if status == 200:
                try:
                    data = response.json()
                except ValueError:
                    data = None
                if not isinstance(data, dict):
                    return Fetched(error=f"{provider}: malformed JSON in the response ({len(response.content)} bytes)")
                return Fetched(data=data)
            if status == 429:
                delay = retry_after_seconds(response.headers.get("Retry-After"))
                if not waited and delay is not None and delay <= MAX_RETRY_AFTER:
                    waited = True
                    await asyncio.sleep(delay)
                    continue
                return Fetched(error=describe(status, upstream_message(response)))
            if status < 500:
                return Fetched(error=describe(status, upstream_message(response)))
            error = describe(status, upstream_message(response))
        if retried:
            return Fetched(error=error + " (after a retry)")
        retried = True
        await asyncio.sleep(RETRY_BACKOFF)
