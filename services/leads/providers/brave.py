"""Brave Search API: ``GET endpoint?q=&count=&offset=`` with the key in ``X-Subscription-Token``.

Brave serves at most 20 results a request and pages by ``offset`` counted in pages (0 to 9), so a
query yields at most 200 results; ``query.more_results_available`` says whether another page
exists. The key travels only as that header, only to the configured endpoint (redirects are not
followed), and never appears in errors or logs.
"""

from __future__ import annotations

import math

import httpx

from .fetch import Hit, Pages, get_json, redact
from .models import DiscoverySettings

PAGE_SIZE = 20
MAX_OFFSET = 9  # Brave's documented maximum page offset


def _describe(status: int, message: str) -> str:
    said = f": {message}" if message else ""
    if status in (401, 403, 422):
        # Brave answers an unknown or revoked token with 422 SUBSCRIPTION_TOKEN_INVALID.
        return f"brave: request rejected ({status}){said} — check OUTBOUND_BRAVE_API_KEY"
    if status == 402:
        return f"brave: the subscription has no credit left (402){said}"
    if status == 429:
        return f"brave: rate limit or monthly quota reached (429){said} — results so far are kept"
    if 300 <= status < 400:
        return (f"brave: unexpected redirect ({status}) — not followed so the key stays with the configured "
                "endpoint; check OUTBOUND_BRAVE_ENDPOINT")
    if status >= 500:
        return f"brave: server error ({status}){said}"
    return f"brave: unexpected HTTP {status}{said} — check OUTBOUND_BRAVE_ENDPOINT"


def _params(query: str, offset: int, settings: DiscoverySettings) -> dict[str, str | int]:
    params: dict[str, str | int] = {"q": query, "count": PAGE_SIZE, "offset": offset}
    if settings.search_language:
        params["search_lang"] = settings.search_language.split("-")[0].lower()
    if settings.search_country:
        params["country"] = settings.search_country.upper()
    return params


async def search(client: httpx.AsyncClient, query: str, settings: DiscoverySettings) -> Pages:
    out = Pages()
    limit = min(settings.search_max_results, PAGE_SIZE * (MAX_OFFSET + 1))
    headers = {"X-Subscription-Token": settings.brave_api_key or ""}
    for offset in range(min(MAX_OFFSET + 1, math.ceil(limit / PAGE_SIZE))):
        fetched = await get_json(client, settings.brave_endpoint, _params(query, offset, settings),
                                 headers=headers, provider="brave", describe=_describe)
        if fetched.data is None:
            out.errors.append(redact(fetched.error or "brave: request failed", [settings.brave_api_key]))
            break
        out.pages += 1
        web = fetched.data.get("web")
        results = web.get("results") if isinstance(web, dict) else None
        if not isinstance(results, list) or not results:
            break
        for item in results:
            if len(out.hits) >= limit:
                break
            if isinstance(item, dict) and isinstance(item.get("url"), str):
                out.hits.append(Hit(item["url"], item.get("title"), item.get("description"), len(out.hits) + 1))
        more = fetched.data.get("query")
        if len(out.hits) >= limit or not (isinstance(more, dict) and more.get("more_results_available")):
            break
    return out
