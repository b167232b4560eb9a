"""Company discovery: a search query, a list of domains or a CSV file -> candidate company websites.

Every source ends in the same filter (:class:`~.urls.Collector`): URLs are cut to their origin,
results on directories, portals, social networks and file hosts are dropped (``excluded_domains``),
and candidates are deduplicated by registrable domain, keeping the best-ranked URL.

Search providers, each an adapter of its own module: OpenStreetMap through the Overpass API
(:mod:`.osm`, no key: businesses of a type in a place), a self-hosted SearXNG instance
(:mod:`.searxng`), the Brave Search API (:mod:`.brave`), Serper (:mod:`.serper`) and Google
Programmable Search (:mod:`.google`, closed to new customers; its whole-web search ends on
2027-01-01). :func:`provider_status` says which are usable and what the others need.
Provider failures (quota, bad key, outages) come back in ``DiscoveryResult.errors`` next to the
results gathered so far; only settings or a query that make a search impossible raise
:class:`DiscoveryConfigError` or :class:`~services.kit.errors.Invalid`.
"""

from __future__ import annotations

import functools
import logging
import ssl
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

import certifi
import httpx
from pydantic import BaseModel

from services.kit.errors import Invalid

from . import brave, google, osm, searxng, serper
from .excluded import DEFAULT_EXCLUDED_DOMAINS
from .fetch import USER_AGENT, Pages, install_log_redaction, redact
from .lists import candidates_from_csv, candidates_from_list
from .models import (
    AUTO_ORDER,
    SEARCH_PROVIDERS,
    Candidate,
    DiscoveryConfigError,
    DiscoveryResult,
    DiscoverySettings,
    Listing,
    Place,
    SearchProvider,
)
from .osm_tags import parse_query
from .urls import Collector, Exclusions, normalise_home_url, registrable_domain

__all__ = [
    "DEFAULT_EXCLUDED_DOMAINS",
    "SEARCH_PROVIDERS",
    "Candidate",
    "DiscoveryConfigError",
    "DiscoveryResult",
    "DiscoverySettings",
    "Listing",
    "ProviderStatus",
    "SearchProvider",
    "candidates_from_csv",
    "candidates_from_list",
    "check_query",
    "check_settings",
    "default_provider",
    "discover",
    "normalise_home_url",
    "provider_status",
    "registrable_domain",
]

log = logging.getLogger("outbound.leads.discovery")
MAX_QUERY_LENGTH = 2048  # Google rejects longer q; a longer "query" is a pasted document
GOOGLE_NOTICE = ("Google closed the Custom Search JSON API to new customers and ends its whole-web search on "
                 "1 January 2027; existing keys keep working until then. Prefer OpenStreetMap, SearXNG, Brave or "
                 "Serper for new set-ups.")
_SEARCH: dict[SearchProvider, Callable[[httpx.AsyncClient, str, DiscoverySettings], Awaitable[Pages]]] = {
    "osm": osm.search, "searxng": searxng.search, "google": google.search, "brave": brave.search,
    "serper": serper.search,
}

install_log_redaction()


class ProviderStatus(BaseModel):
    """One search provider: whether it can search with these settings, and what it needs otherwise."""

    name: SearchProvider
    label: str
    configured: bool
    missing: list[str]  # the OUTBOUND_* variables to set (empty when configured)
    needs: str  # what it takes, in a sentence
    key_required: bool
    notice: str | None = None  # a warning a user should read before relying on it (Google's end)
    attribution: str | None = None  # the credit its data's licence asks for


def _is_http_url(value: str | None) -> bool:
    if not value:
        return False
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _missing(provider: SearchProvider, settings: DiscoverySettings) -> list[str]:
    """The variables that stand between ``provider`` and a search; [] when it can search."""
    if settings.search_provider == "list":
        return ["OUTBOUND_SEARCH_PROVIDER"]  # "list" turns searching by query off altogether
    if provider == "osm":
        missing = [] if settings.osm_enabled else ["OUTBOUND_OSM_ENABLED"]
        return missing + ([] if _is_http_url(settings.overpass_url) else ["OUTBOUND_OVERPASS_URL"])
    if provider == "searxng":
        return [] if _is_http_url(settings.searxng_url) else ["OUTBOUND_SEARXNG_URL"]
    if provider == "google":
        missing = [name for name, value in (("OUTBOUND_GOOGLE_API_KEY", settings.google_api_key),
                                            ("OUTBOUND_GOOGLE_CX", settings.google_cx)) if not value]
        return missing + ([] if _is_http_url(settings.google_endpoint) else ["OUTBOUND_GOOGLE_ENDPOINT"])
    if provider == "brave":
        missing = [] if settings.brave_api_key else ["OUTBOUND_BRAVE_API_KEY"]
        return missing + ([] if _is_http_url(settings.brave_endpoint) else ["OUTBOUND_BRAVE_ENDPOINT"])
    missing = [] if settings.serper_api_key else ["OUTBOUND_SERPER_API_KEY"]
    return missing + ([] if _is_http_url(settings.serper_endpoint) else ["OUTBOUND_SERPER_ENDPOINT"])


_NEEDS: dict[SearchProvider, tuple[str, str, bool]] = {
    "osm": ("OpenStreetMap", "No key. Finds businesses by type and place (“Elektriker München”, “Steuerberater in "
                             "Graz”) with website, phone and address, through the Overpass API "
                             "(OUTBOUND_OVERPASS_URL); OUTBOUND_OSM_ENABLED=false turns it off.", False),
    "searxng": ("SearXNG", "A self-hosted SearXNG instance with the json format enabled: OUTBOUND_SEARXNG_URL "
                           "(docker compose --profile searxng starts one). No key.", False),
    "brave": ("Brave Search", "An API key from the Brave Search API dashboard: OUTBOUND_BRAVE_API_KEY.", True),
    "serper": ("Serper", "An API key from serper.dev (Google results): OUTBOUND_SERPER_API_KEY.", True),
    "google": ("Google Programmable Search", "An existing Custom Search JSON API key and engine id: "
                                             "OUTBOUND_GOOGLE_API_KEY and OUTBOUND_GOOGLE_CX.", True),
}


def provider_status(settings: DiscoverySettings) -> list[ProviderStatus]:
    """Every search provider, keyless first, with what it needs and whether it has it."""
    out = []
    order: tuple[SearchProvider, ...] = ("osm", "searxng", "brave", "serper", "google")
    for name in order:
        label, needs, key_required = _NEEDS[name]
        missing = _missing(name, settings)
        out.append(ProviderStatus(
            name=name, label=label, configured=not missing, missing=missing, needs=needs, key_required=key_required,
            notice=GOOGLE_NOTICE if name == "google" else None,
            attribution=osm.ATTRIBUTION if name == "osm" else None))
    return out


def default_provider(settings: DiscoverySettings) -> SearchProvider | None:
    """The provider a query uses when none is named: the configured one, or the first usable in auto mode."""
    chosen = settings.search_provider
    if chosen == "list":
        return None
    if chosen != "auto":
        return chosen
    return next((name for name in AUTO_ORDER if not _missing(name, settings)), None)


def check_settings(settings: DiscoverySettings, provider: SearchProvider | None = None) -> SearchProvider:
    """The provider to search with; :class:`DiscoveryConfigError` naming the variables to set when none can."""
    if settings.search_provider == "list":
        raise DiscoveryConfigError(
            "Searching by query is turned off (OUTBOUND_SEARCH_PROVIDER=list). Set it to auto, or to osm (no key), "
            "searxng (OUTBOUND_SEARXNG_URL), brave (OUTBOUND_BRAVE_API_KEY), serper (OUTBOUND_SERPER_API_KEY) or "
            "google (OUTBOUND_GOOGLE_API_KEY and OUTBOUND_GOOGLE_CX). Without one, import a list of domains or a "
            "CSV file instead.")
    name = provider or default_provider(settings)
    if name is None:
        raise DiscoveryConfigError(
            "Searching by query needs a search provider, and none is configured: OpenStreetMap is turned off "
            "(OUTBOUND_OSM_ENABLED=false) and no SearXNG instance (OUTBOUND_SEARXNG_URL) or API key "
            "(OUTBOUND_BRAVE_API_KEY, OUTBOUND_SERPER_API_KEY, OUTBOUND_GOOGLE_API_KEY with OUTBOUND_GOOGLE_CX) is "
            "set. Without one, import a list of domains or a CSV file instead.")
    missing = _missing(name, settings)
    if missing:
        label = _NEEDS[name][0]
        raise DiscoveryConfigError(f"The {name} search provider ({label}) is not configured: it needs "
                                   f"{' and '.join(missing)}. {_NEEDS[name][1]}")
    return name


@functools.cache
def _tls() -> ssl.SSLContext:
    """One verifying TLS context for every run: building it (loading the CA bundle) costs more than a
    whole query against a nearby server."""
    return ssl.create_default_context(cafile=certifi.where())


def _clean_query(query: str) -> str:
    query = " ".join(query.split())
    if not query:
        raise Invalid("The search query is empty.")
    if len(query) > MAX_QUERY_LENGTH:
        raise Invalid(f"The search query is longer than {MAX_QUERY_LENGTH} characters.")
    return query


def check_query(query: str, settings: DiscoverySettings, provider: SearchProvider | None = None) -> SearchProvider:
    """Everything that can be said about a query before searching: the provider it goes to, or a clear 422."""
    name = check_settings(settings, provider)
    query = _clean_query(query)
    if name == "osm":
        parse_query(query)  # a business type and a place, or Invalid saying which is missing
    return name


async def discover(query: str, settings: DiscoverySettings, *, provider: SearchProvider | None = None,
                   transport: httpx.AsyncBaseTransport | None = None) -> DiscoveryResult:
    """Search ``query`` with ``provider`` (default: :func:`default_provider`), filtered and deduplicated."""
    name = check_query(query, settings, provider)
    query = _clean_query(query)
    secrets = [settings.google_api_key, settings.brave_api_key, settings.serper_api_key, searxng.password(settings)]
    timeout = settings.http_timeout
    if name == "osm":  # the Overpass server may work on a query for overpass_timeout seconds
        timeout = max(timeout, settings.overpass_timeout + 5.0)
    # One client per run; no redirects, so nothing (a key above all) is sent anywhere but the endpoint.
    async with httpx.AsyncClient(transport=transport, timeout=httpx.Timeout(timeout), follow_redirects=False,
                                 trust_env=False, verify=_tls(),
                                 headers={"User-Agent": USER_AGENT, "Accept": "application/json"}) as client:
        pages = await _SEARCH[name](client, query, settings)
    collector = Collector(name, Exclusions.from_settings(settings))
    places: list[Place] = []
    for hit in pages.hits:
        if hit.url is None:
            places.append(Place(name=hit.name, phone=hit.phone, address=hit.address, category=hit.category,
                                rank=hit.rank))
            continue
        collector.add(hit.url, rank=hit.rank, title=hit.title, snippet=hit.snippet, name=hit.name, phone=hit.phone,
                      address=hit.address, category=hit.category)
    errors = [redact(error, secrets) for error in pages.errors]
    log.info("discovery via %s for %r: %d hits on %d pages -> %d candidates, %d without website, %d skipped, "
             "%d errors", name, query, len(pages.hits), pages.pages, len(collector.candidates), len(places),
             len(collector.skipped), len(errors))
    return DiscoveryResult(candidates=collector.candidates, skipped=collector.skipped, provider=name,
                           pages_fetched=pages.pages, errors=errors, without_website=places,
                           attribution=osm.ATTRIBUTION if name == "osm" else None)
