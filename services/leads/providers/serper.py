"""Serper (Google results as JSON): ``POST endpoint`` with ``{"q", "gl", "hl", "num", "page"}`` and
the key in ``X-API-KEY``.

Pages of ten cost one credit each (a larger ``num`` costs more), so a run asks page after page until
the result limit, an empty page, or :data:`MAX_PAGES`. The key travels only as that header, only to
the configured endpoint (redirects are not followed), and never appears in errors or logs.
"""

from __future__ import annotations

import math
from typing import Any

import httpx

from .fetch import Hit, Pages, redact, request_json
from .models import DiscoverySettings

PAGE_SIZE = 10
MAX_PAGES = 10


def _describe(status: int, message: str) -> str:
    said = f": {message}" if message else ""
    if status in (401, 403):
        return f"serper: request rejected ({status}){said} — check OUTBOUND_SERPER_API_KEY"
    if status == 400:
        return f"serper: the request was refused (400){said}"
    if status == 429:
        return f"serper: rate limit reached (429){said} — results so far are kept"
    if 300 <= status < 400:
        return (f"serper: unexpected redirect ({status}) — not followed so the key stays with the configured "
                "endpoint; check OUTBOUND_SERPER_ENDPOINT")
    if status >= 500:
        return f"serper: server error ({status}){said}"
    return f"serper: unexpected HTTP {status}{said} — check OUTBOUND_SERPER_ENDPOINT"


def _body(query: str, page: int, settings: DiscoverySettings) -> dict[str, Any]:
    body: dict[str, Any] = {"q": query, "num": PAGE_SIZE, "page": page}
    if settings.search_country:
        body["gl"] = settings.search_country.lower()
    if settings.search_language:
        body["hl"] = settings.search_language.lower()
    return body


async def search(client: httpx.AsyncClient, query: str, settings: DiscoverySettings) -> Pages:
    out = Pages()
    limit = min(settings.search_max_results, PAGE_SIZE * MAX_PAGES)
    headers = {"X-API-KEY": settings.serper_api_key or ""}
    seen: set[str] = set()
    for page in range(1, min(MAX_PAGES, math.ceil(limit / PAGE_SIZE)) + 1):
        fetched = await request_json(client, "POST", settings.serper_endpoint, json_body=_body(query, page, settings),
                                     headers=headers, provider="serper", describe=_describe)
        if fetched.data is None:
            out.errors.append(redact(fetched.error or "serper: request failed", [settings.serper_api_key]))
            break
        out.pages += 1
        organic = fetched.data.get("organic")
        if not isinstance(organic, list) or not organic:
            break
        fresh = 0
        for item in organic:
            if len(out.hits) >= limit:
                break
            link = item.get("link") if isinstance(item, dict) else None
            if not isinstance(link, str) or link in seen:
                continue
            fresh += 1
            seen.add(link)
            out.hits.append(Hit(link, item.get("title"), item.get("snippet"), len(out.hits) + 1))
        if len(out.hits) >= limit or not fresh:
            break
    return out
