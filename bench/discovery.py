"""Discovery per provider against its wire-level stand-in: results and time per query, in the same run
as a baseline that replays the very same HTTP requests with a plain httpx client (JSON decoded, nothing
else). The ratio is what the provider code (paging, parsing, OSM query building, URL filtering and
dedupe) costs on top of the wire.

Stand-ins: tests/fakes/overpass.py (200 businesses in one town, half with a website) and
tests/fakes/search.py (200 company hits) for SearXNG, Google, Brave and Serper. Every query asks for
up to 100 results. Best of ``--rounds`` (the machine is shared).

    .venv/bin/python bench/discovery.py [--queries 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

from services.leads.providers import DiscoverySettings, discover
from tests.fakes.overpass import OverpassState, businesses, overpass_server
from tests.fakes.search import API_KEY, BRAVE_KEY, CX, SERPER_KEY, SearchState, companies, search_server

MAX_RESULTS = 100
QUERY = {"osm": "Elektriker in Teststadt"}
PROVIDERS = ("osm", "searxng", "google", "brave", "serper")


def settings_for(provider: str, overpass_url: str, base: str) -> DiscoverySettings:
    return DiscoverySettings(
        search_provider=provider, search_max_results=MAX_RESULTS, overpass_url=overpass_url, searxng_url=base,
        google_api_key=API_KEY, google_cx=CX, google_endpoint=f"{base}/customsearch/v1",
        brave_api_key=BRAVE_KEY, brave_endpoint=f"{base}/res/v1/web/search",
        serper_api_key=SERPER_KEY, serper_endpoint=f"{base}/search", excluded_domains=[])


def recorded_requests(provider: str, overpass: OverpassState, search: SearchState, overpass_url: str,
                      base: str) -> list[dict[str, Any]]:
    """The HTTP requests one query of ``provider`` sent, ready to replay."""
    if provider == "osm":
        return [{"method": "POST", "url": overpass_url, "data": {"data": overpass.requests[-1].raw}}]
    calls = search.calls(provider)
    out = []
    for call in calls:
        headers = {k: v for k, v in call.headers.items() if k.lower() in ("x-subscription-token", "x-api-key")}
        if provider == "serper":
            out.append({"method": "POST", "url": f"{base}{call.path}", "json": call.body, "headers": headers})
        else:
            out.append({"method": "GET", "url": f"{base}{call.path}", "params": call.params, "headers": headers})
    return out


async def time_provider(provider: str, settings: DiscoverySettings, queries: int) -> tuple[float, int, int]:
    query = QUERY.get(provider, "Elektriker München")
    results = pages = 0
    started = time.perf_counter()
    for _ in range(queries):
        found = await discover(query, settings)
        assert not found.errors, found.errors
        results, pages = len(found.listings()), found.pages_fetched
    return (time.perf_counter() - started) / queries, results, pages


async def time_raw(requests: list[dict[str, Any]], queries: int) -> float:
    async with httpx.AsyncClient(timeout=30) as client:
        started = time.perf_counter()
        for _ in range(queries):
            for request in requests:
                response = await client.request(**request)
                response.raise_for_status()
                response.json()
        return (time.perf_counter() - started) / queries


async def main(queries: int, rounds: int) -> None:
    overpass_state = OverpassState(places=businesses(200))
    search_state = SearchState(results=companies(200))
    async with overpass_server(overpass_state) as (overpass_url, overpass), \
            search_server(search_state) as (base, search):
        for provider in PROVIDERS:
            settings = settings_for(provider, overpass_url, base)
            best_provider = best_raw = float("inf")
            results = pages = 0
            for _ in range(rounds):
                search.requests.clear()
                per_query, results, pages = await time_provider(provider, settings, 1)  # warm, and record
                requests = recorded_requests(provider, overpass, search, overpass_url, base)
                requests = requests[-pages:] if pages else requests
                per_query, results, pages = await time_provider(provider, settings, queries)
                best_provider = min(best_provider, per_query)
                best_raw = min(best_raw, await time_raw(requests, queries))
            print(f"discovery.{provider}.results_per_query: {results}")
            print(f"discovery.{provider}.requests_per_query: {pages}")
            print(f"discovery.{provider}.ms_per_query: {best_provider * 1000:.2f}")
            print(f"discovery.{provider}.raw_http_ms_per_query: {best_raw * 1000:.2f}")
            print(f"discovery.{provider}.ratio_vs_raw_http: {best_provider / best_raw:.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main(args.queries, args.rounds))
