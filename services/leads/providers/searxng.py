"""A self-hosted SearXNG instance: ``GET {base}/search?q=&format=json&pageno=N``.

SearXNG has no page size of its own (each page merges what its engines return) and repeats
results when engines cannot page further, so a run ends at the result limit, at an empty page, at
a page with nothing new, or after :data:`MAX_PAGES` pages — each page fans out to every engine of
the instance, and hammering them gets the instance blocked.
"""

from __future__ import annotations

import math
from urllib.parse import urlsplit

import httpx

from .fetch import Hit, Pages, get_json, install_log_redaction, redact
from .models import DiscoverySettings

MAX_PAGES = 20

install_log_redaction()  # the instance URL may carry basic-auth credentials


def base_url(configured: str) -> str:
    """Accept the base URL with or without a trailing slash or a pasted ``/search``."""
    return configured.strip().rstrip("/").removesuffix("/search").rstrip("/")


def password(settings: DiscoverySettings) -> str | None:
    """The basic-auth password in the instance URL, if any: it must not show up in errors."""
    try:
        return urlsplit(settings.searxng_url or "").password
    except ValueError:
        return None


def _describe(status: int, message: str) -> str:
    said = f": {message}" if message else ""
    if status == 403:
        return ("searxng: the instance refused JSON output (403) — enable `json` in search.formats of "
                "settings.yml")
    if status == 401:
        return "searxng: the instance wants credentials (401) — OUTBOUND_SEARXNG_URL=https://user:password@host/"
    if status == 404:
        return "searxng: no /search endpoint there (404) — OUTBOUND_SEARXNG_URL must be the instance's base URL"
    if status == 429:
        return ("searxng: rate limited by the instance (429) — its bot limiter blocks this client; exempt this "
                "host in limiter.toml (botdetection.ip_lists.pass_ip) or turn off server.limiter")
    if 300 <= status < 400:
        return f"searxng: unexpected redirect ({status}) — check OUTBOUND_SEARXNG_URL (http vs https, path)"
    if status >= 500:
        return f"searxng: server error ({status}){said}"
    return f"searxng: unexpected HTTP {status}{said}"


def _language(settings: DiscoverySettings) -> str | None:
    language, country = settings.search_language, settings.search_country
    if not language:
        return None
    if country and "-" not in language:
        return f"{language.lower()}-{country.upper()}"  # a region such as de-DE keeps results local
    return language


def _unanswered(data: dict[str, object]) -> list[str]:
    """``unresponsive_engines`` is a list of [engine, reason] pairs."""
    names = []
    entries = data.get("unresponsive_engines")
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, list | tuple) and entry:
            names.append(" ".join(str(part) for part in entry[:2]))
    return names


async def search(client: httpx.AsyncClient, query: str, settings: DiscoverySettings) -> Pages:
    out = Pages()
    url = base_url(settings.searxng_url or "") + "/search"
    limit = settings.search_max_results
    max_pages = min(MAX_PAGES, max(1, math.ceil(limit / 5)))
    seen: set[str] = set()
    unanswered: dict[str, None] = {}
    params: dict[str, str | int] = {"q": query, "format": "json"}
    if language := _language(settings):
        params["language"] = language
    for pageno in range(1, max_pages + 1):
        fetched = await get_json(client, url, {**params, "pageno": pageno}, provider="searxng",
                                 describe=_describe)
        if fetched.data is None:
            out.errors.append(redact(fetched.error or "searxng: request failed", [password(settings)]))
            break
        out.pages += 1
        unanswered.update(dict.fromkeys(_unanswered(fetched.data)))
        results = fetched.data.get("results")
        if not isinstance(results, list) or not results:
            break
        fresh = 0
        for item in results:
            if len(out.hits) >= limit:
                break
            if not isinstance(item, dict) or not isinstance(item.get("url"), str):
                continue
            if item["url"] in seen:
                continue  # engines that cannot page repeat their first results; not a new hit
            fresh += 1
            seen.add(item["url"])
            out.hits.append(Hit(item["url"], item.get("title"), item.get("content"), len(out.hits) + 1))
        if len(out.hits) >= limit or not fresh:
            break
    if unanswered:
        out.errors.append("searxng: some engines did not answer: " + ", ".join(unanswered))
    return out
