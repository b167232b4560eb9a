"""Crawl + extract throughput against raw httpx + selectolax on the same pages, in the same run.

The labelled corpus (tests/leads/corpus) is replicated under many host names over 24 loopback
ports, served by a child process (so serving does not share the crawler's GIL). Per round:

* pipeline: ``extract_sites`` end to end (robots.txt, home, discovery, subpages, rendering when
  needed, extraction), per_host_delay 0, otherwise default settings (extraction in one worker
  process; ``OUTBOUND_EXTRACTION_WORKERS=0`` measures it in a thread instead);
* raw: for every site, GET the very URLs the pipeline fetched (home first, then the rest at once)
  with a plain ``httpx.AsyncClient`` and parse each with selectolax, no extraction.

Rounds alternate and the best of each is kept (the machine is shared). The ratio is measured on the
static sites; one extra round over all sites (JS ones included) counts the browser renders.

    .venv/bin/python bench/crawl.py [--sites 120] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx
from selectolax.lexbor import LexborHTMLParser

from tests.leads.sites import CorpusSite, ServerProcess, corpus_sites, crawler_settings

PORTS = 24
CONCURRENCY = 16


def layout(sites: list[CorpusSite], count: int) -> tuple[list[dict[str, Path]], list[tuple[str, CorpusSite, int]]]:
    """``count`` virtual sites named ``<slug>-<i>.test``, spread over PORTS servers."""
    per_port: list[dict[str, Path]] = [{} for _ in range(PORTS)]
    placed = []
    for i in range(count):
        site = sites[i % len(sites)]
        host = f"{site.slug}-{i}.test"
        per_port[i % PORTS][host] = site.root
        placed.append((host, site, i % PORTS))
    return per_port, placed


async def run_pipeline(urls: list[str], settings, resolver) -> tuple[float, list, int]:
    from services.leads.crawler.site import Crawler
    from services.leads.pipeline import extract_sites

    async with Crawler(settings, resolver=resolver) as crawler:
        started = time.perf_counter()
        records = [r async for r in extract_sites(urls, crawler=crawler, concurrency=CONCURRENCY)]
        elapsed = time.perf_counter() - started
        return elapsed, records, crawler.sites_rendered


async def run_raw(page_sets: list[list[str]]) -> float:
    """Same URLs, plain client: connect to 127.0.0.1 with the Host header (no resolver needed)."""
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=32)
    async with httpx.AsyncClient(limits=limits, timeout=10, trust_env=False) as client:
        gate = asyncio.Semaphore(CONCURRENCY)

        async def get(url: str) -> None:
            parsed = httpx.URL(url)
            response = await client.get(parsed.copy_with(host="127.0.0.1"), headers={"Host": parsed.netloc.decode()})
            LexborHTMLParser(response.text).css("a[href]")

        async def site(pages: list[str]) -> None:
            async with gate:
                if pages:
                    await get(pages[0])
                    await asyncio.gather(*(get(u) for u in pages[1:]))

        started = time.perf_counter()
        await asyncio.gather(*(site(p) for p in page_sets))
        return time.perf_counter() - started


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sites", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from services.leads.crawler import net

    sites = corpus_sites()
    if not sites:
        sys.exit("no corpus sites under tests/leads/corpus")
    static = [s for s in sites if not s.expected.get("js_required")]
    per_port, placed = layout(static, args.sites)
    all_ports, all_placed = layout(sites, args.sites)
    hosts = {h: "127.0.0.1" for h, _, _ in placed + all_placed}
    resolver = net.mapping_resolver(hosts)

    with ServerProcess(per_port) as static_servers, ServerProcess(all_ports) as all_servers:
        allow = [f"127.0.0.1:{p}" for p in static_servers.ports + all_servers.ports]
        settings = crawler_settings(
            allow_addresses=allow, render_mode="auto", global_concurrency=CONCURRENCY, site_timeout=45, fetch_timeout=10
        )
        urls = [f"http://{h}:{static_servers.ports[p]}/" for h, _, p in placed]
        best_pipe = best_raw = float("inf")
        pages = 0
        for _ in range(args.rounds):
            elapsed, records, _ = await run_pipeline(urls, settings, resolver)
            best_pipe = min(best_pipe, elapsed)
            failed = [r for r in records if not r.pages]
            if failed:
                sys.exit(f"pipeline failed on {len(failed)} sites, e.g. {failed[0].url}: {failed[0].errors}")
            page_sets = [r.pages for r in records]
            pages = sum(len(p) for p in page_sets)
            best_raw = min(best_raw, await run_raw(page_sets))

        all_urls = [f"http://{h}:{all_servers.ports[p]}/" for h, _, p in all_placed]
        all_elapsed, all_records, rendered = await run_pipeline(all_urls, settings, resolver)
        all_raw = await run_raw([r.pages for r in all_records])

    n = len(urls)
    pipe_rate, raw_rate = n / best_pipe * 60, n / best_raw * 60
    print(f"sites: {n} static over {PORTS} ports, {pages} pages ({pages / n:.1f}/site), best of {args.rounds}")
    print(f"pipeline_sites_per_min: {pipe_rate:.0f}")
    print(f"raw_sites_per_min: {raw_rate:.0f}")
    print(f"ratio: {pipe_rate / raw_rate:.2f}")
    m = len(all_urls)
    print(f"all_sites_pipeline_per_min: {m / all_elapsed * 60:.0f} (incl. JS sites, one round)")
    print(f"all_sites_raw_per_min: {m / all_raw * 60:.0f}")
    print(f"browser_sites: {rendered}/{m}")
    with_errors = sum(1 for r in all_records if r.errors)
    print(f"sites_with_errors: {with_errors}/{m}")


if __name__ == "__main__":
    asyncio.run(main())
