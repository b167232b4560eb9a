"""Google Programmable Search (Custom Search JSON API): ``GET endpoint?key=&cx=&q=&start=&num=``.

The API serves at most 100 results per query, ten per request (``start`` ≤ 91). Each request
costs one query of the daily quota whatever ``num`` is, so pages are always full (num=10) and the
surplus of the last one is dropped. The key travels as the documented ``key`` query parameter,
only to the configured endpoint (redirects are not followed), and never appears in errors or logs.
"""

from __future__ import annotations

import httpx

from .fetch import Hit, Pages, get_json, install_log_redaction, redact
from .models import DiscoverySettings

PAGE_SIZE = 10
MAX_RESULTS = 100  # start + num must stay ≤ 101
MAX_START = MAX_RESULTS - PAGE_SIZE + 1

install_log_redaction()


def _describe(status: int, message: str) -> str:
    said = f": {message}" if message else ""
    if status in (400, 401):
        return (f"google: request rejected ({status}){said} — check OUTBOUND_GOOGLE_API_KEY and "
                "OUTBOUND_GOOGLE_CX")
    if status == 403:
        return (f"google: access denied (403){said} — enable the Custom Search API for the key's project "
                "and check OUTBOUND_GOOGLE_API_KEY and OUTBOUND_GOOGLE_CX")
    if status == 429:
        return f"google: quota exceeded (429){said} — results so far are kept; the daily quota resets at midnight PT"
    if 300 <= status < 400:
        return (f"google: unexpected redirect ({status}) — not followed so the key stays with the configured "
                "endpoint; check OUTBOUND_GOOGLE_ENDPOINT")
    if status >= 500:
        return f"google: server error ({status}){said}"
    return f"google: unexpected HTTP {status}{said} — check OUTBOUND_GOOGLE_ENDPOINT"


def _params(query: str, start: int, settings: DiscoverySettings) -> dict[str, str | int]:
    params: dict[str, str | int] = {
        "key": settings.google_api_key or "", "cx": settings.google_cx or "", "q": query,
        "start": start, "num": PAGE_SIZE,
    }
    if settings.search_language:
        language = settings.search_language.split("-")[0].lower()
        params["hl"] = settings.search_language
        params["lr"] = f"lang_{language}"  # restricts results to documents in that language
    if settings.search_country:
        params["gl"] = settings.search_country.lower()  # boosts results from that country
    return params


def _next_start(data: dict[str, object], start: int) -> int | None:
    """Google announces a further page in ``queries.nextPage``; its absence ends the run."""
    queries = data.get("queries")
    pages = queries.get("nextPage") if isinstance(queries, dict) else None
    if not isinstance(pages, list) or not pages:
        return None
    announced = pages[0].get("startIndex") if isinstance(pages[0], dict) else None
    return announced if isinstance(announced, int) and announced > start else start + PAGE_SIZE


async def search(client: httpx.AsyncClient, query: str, settings: DiscoverySettings) -> Pages:
    out = Pages()
    limit = min(settings.search_max_results, MAX_RESULTS)
    start: int | None = 1
    while start is not None and start <= min(limit, MAX_START):
        fetched = await get_json(client, settings.google_endpoint, _params(query, start, settings),
                                 provider="google", describe=_describe)
        if fetched.data is None:
            out.errors.append(redact(fetched.error or "google: request failed", [settings.google_api_key]))
            break
        out.pages += 1
        items = fetched.data.get("items")
        if not isinstance(items, list) or not items:
            break  # Google omits "items" past the last result
        for offset, item in enumerate(items):
            rank = start + offset
            if rank > limit:
                break
            if isinstance(item, dict) and isinstance(item.get("link"), str):
                out.hits.append(Hit(item["link"], item.get("title"), item.get("snippet"), rank))
        start = _next_start(fetched.data, start)
    return out
