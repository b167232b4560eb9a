"""Company discovery: a search query, a list of domains or a CSV file -> candidate company websites.

Every source ends in the same filter (:class:`~.urls.Collector`): URLs are cut to their origin,
results on directories, portals, social networks and file hosts are dropped (``excluded_domains``),
and candidates are deduplicated by registrable domain, keeping the best-ranked URL.

Search providers: Google Programmable Search (:mod:`.google`) or a self-hosted SearXNG instance
(:mod:`.searxng`); the default provider "list" searches nothing and takes lists and CSV files only.
Provider failures (quota, bad key, outages) come back in ``DiscoveryResult.errors`` next to the
results gathered so far; only settings that make a search impossible raise
:class:`DiscoveryConfigError`.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import httpx

from services.kit.errors import Invalid

from . import google, searxng
from .excluded import DEFAULT_EXCLUDED_DOMAINS
from .fetch import USER_AGENT, redact
from .lists import candidates_from_csv, candidates_from_list
from .models import Candidate, DiscoveryConfigError, DiscoveryResult, DiscoverySettings
from .urls import Collector, Exclusions, normalise_home_url, registrable_domain

__all__ = [
    "DEFAULT_EXCLUDED_DOMAINS",
    "Candidate",
    "DiscoveryConfigError",
    "DiscoveryResult",
    "DiscoverySettings",
    "candidates_from_csv",
    "candidates_from_list",
    "discover",
    "normalise_home_url",
    "registrable_domain",
]

log = logging.getLogger("outbound.leads.discovery")
MAX_QUERY_LENGTH = 2048  # Google rejects longer q; a longer "query" is a pasted document


def _is_http_url(value: str | None) -> bool:
    if not value:
        return False
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def check_settings(settings: DiscoverySettings) -> None:
    """Raise :class:`DiscoveryConfigError` naming the variables to set when a query cannot be searched."""
    provider = settings.search_provider
    if provider == "list":
        raise DiscoveryConfigError(
            "Searching by query needs a search provider. Set OUTBOUND_SEARCH_PROVIDER=google with "
            "OUTBOUND_GOOGLE_API_KEY and OUTBOUND_GOOGLE_CX (Programmable Search Engine), or "
            "OUTBOUND_SEARCH_PROVIDER=searxng with OUTBOUND_SEARXNG_URL (a self-hosted SearXNG with the json "
            "format enabled). Without one, import a list of domains or a CSV file instead."
        )
    if provider == "google":
        missing = [name for name, value in (("OUTBOUND_GOOGLE_API_KEY", settings.google_api_key),
                                            ("OUTBOUND_GOOGLE_CX", settings.google_cx)) if not value]
        if missing:
            raise DiscoveryConfigError(f"The google search provider needs {' and '.join(missing)}.")
        if not _is_http_url(settings.google_endpoint):
            raise DiscoveryConfigError("OUTBOUND_GOOGLE_ENDPOINT must be an http(s) URL.")
    if provider == "searxng" and not _is_http_url(settings.searxng_url):
        raise DiscoveryConfigError(
            "The searxng search provider needs OUTBOUND_SEARXNG_URL, the http(s) base URL of the instance.")


async def discover(query: str, settings: DiscoverySettings, *,
                   transport: httpx.AsyncBaseTransport | None = None) -> DiscoveryResult:
    """Search ``query`` with the configured provider and return the filtered, deduplicated candidates."""
    query = " ".join(query.split())
    if not query:
        raise Invalid("The search query is empty.")
    if len(query) > MAX_QUERY_LENGTH:
        raise Invalid(f"The search query is longer than {MAX_QUERY_LENGTH} characters.")
    check_settings(settings)
    provider = settings.search_provider
    secrets = [settings.google_api_key, searxng.password(settings)]
    # One client per run; no redirects, so nothing (the key above all) is sent anywhere but the endpoint.
    async with httpx.AsyncClient(transport=transport, timeout=httpx.Timeout(settings.http_timeout),
                                 follow_redirects=False,
                                 headers={"User-Agent": USER_AGENT, "Accept": "application/json"}) as client:
        run = google.search if provider == "google" else searxng.search
        pages = await run(client, query, settings)
    collector = Collector("google" if provider == "google" else "searxng", Exclusions.from_settings(settings))
    for hit in pages.hits:
        collector.add(hit.url, rank=hit.rank, title=hit.title, snippet=hit.snippet)
    errors = [redact(error, secrets) for error in pages.errors]
    log.info("discovery via %s for %r: %d hits on %d pages -> %d candidates, %d skipped, %d errors",
             provider, query, len(pages.hits), pages.pages, len(collector.candidates), len(collector.skipped),
             len(errors))
    return DiscoveryResult(candidates=collector.candidates, skipped=collector.skipped, provider=provider,
                           pages_fetched=pages.pages, errors=errors)
