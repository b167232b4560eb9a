"""Crawl a site and extract its company facts: one :class:`SiteRecord` per URL, errors included.

A site that fails (blocked, unreachable, timed out, extraction error) still yields a record with
``errors`` filled, so a batch never stops for one bad site.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
from collections.abc import AsyncIterator, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from services.kit.db import utcnow
from services.leads.crawler.settings import CrawlerSettings
from services.leads.crawler.site import Crawler, SiteCrawl
from services.leads.crawler.text import describe_page
from services.leads.extraction import PageContent, extract_company
from services.leads.schemas import SitePage, SiteRecord

log = logging.getLogger("outbound.leads.pipeline")


def _record(url: str, crawl: SiteCrawl, analysed: dict[str, Any] | None) -> SiteRecord:
    data: dict[str, Any] = dict((analysed or {}).get("facts") or {})
    if data.get("employees") is not None:
        data["employees"] = str(data["employees"])
    data.update(url=url, pages=[p.url for p in crawl.pages], errors=list(crawl.errors), rendered=crawl.rendered)
    record = SiteRecord.model_validate(data)
    fetched = {p.url: p.fetched_at for p in crawl.pages}
    record._pages = [SitePage.model_validate({**page, "fetched_at": fetched.get(str(page["url"]), utcnow())})
                     for page in (analysed or {}).get("pages") or []]
    record._contents = [PageContent(url=p.url, html=p.html, kind=p.kind) for p in crawl.pages]
    return record


async def _extract_with(crawler: Crawler, url: str) -> SiteRecord:
    crawl = SiteCrawl(url)
    timeout = crawler.settings.site_timeout
    try:
        async with asyncio.timeout(timeout):
            await crawler.crawl(url, crawl)
    except TimeoutError:
        crawl.errors.append(f"timeout: site took longer than {timeout:g}s; using the pages fetched so far")
    except Exception as exc:  # one site's bug must not end the batch
        log.exception("crawl of %s failed", url)
        crawl.errors.append(f"internal: {type(exc).__name__}: {exc}")
    analysed: dict[str, Any] | None = None
    if crawl.pages:
        try:
            analysed = await _extract(crawl, crawler.settings)
        except TimeoutError:
            crawl.errors.append(f"extraction: took longer than {crawler.settings.extraction_timeout:g}s")
        except Exception as exc:
            log.exception("extraction for %s failed", url)
            crawl.errors.append(f"extraction: {type(exc).__name__}: {exc}")
    return _record(url, crawl, analysed)


# --------------------------------------------------------------------------- extraction off the loop
#
# Extraction is pure CPU (~10 ms a site). Run inline it would stall every fetch of the run and,
# in the service, API requests too; in a thread it still competes for the GIL. A small process
# pool (one per process, started on first use, like the browser) runs it truly in parallel, and a
# runaway extraction can be killed, which a thread cannot.

_pool: ProcessPoolExecutor | None = None


def _extract_in_worker(pages: list[tuple[str, str, str]], site_url: str) -> dict[str, Any]:
    """The company's facts and what a visitor sees of each page (both pure CPU, so both off the loop)."""
    contents = [PageContent(url=u, html=h, kind=k) for u, h, k in pages]
    facts = extract_company(contents, site_url=site_url).model_dump(mode="json")
    return {"facts": facts, "pages": [describe_page(h, u, k) for u, h, k in pages]}


def _executor(workers: int) -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        # forkserver: workers fork from a clean process, not from this one with its threads,
        # event loop and browser connection.
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        _pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))
    return _pool


def shutdown_extraction_pool() -> None:
    """Stop the worker processes (also used to get rid of a stuck extraction)."""
    global _pool
    pool, _pool = _pool, None
    if pool is None:
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


async def _extract(crawl: SiteCrawl, settings: CrawlerSettings) -> dict[str, Any]:
    pages = [(p.url, p.html, p.kind) for p in crawl.pages]
    site_url = crawl.site_url or pages[0][0]
    if settings.extraction_workers > 0:
        loop = asyncio.get_running_loop()
        try:
            future = loop.run_in_executor(_executor(settings.extraction_workers), _extract_in_worker, pages, site_url)
            return await asyncio.wait_for(future, settings.extraction_timeout)
        except TimeoutError:
            shutdown_extraction_pool()  # the worker may loop forever: replace the pool
            raise
        except BrokenProcessPool:
            log.warning("extraction worker died; extracting in-process")
            shutdown_extraction_pool()
    return await asyncio.wait_for(asyncio.to_thread(_extract_in_worker, pages, site_url), settings.extraction_timeout)


async def extract_site(
    url: str, settings: CrawlerSettings | None = None, *, crawler: Crawler | None = None
) -> SiteRecord:
    """Crawl and extract one site. Pass ``crawler`` to share its connections and browser."""
    if crawler is not None:
        return await _extract_with(crawler, url)
    async with Crawler(settings) as own:
        return await _extract_with(own, url)


async def extract_sites(
    urls: Iterable[str],
    settings: CrawlerSettings | None = None,
    *,
    crawler: Crawler | None = None,
    concurrency: int | None = None,
) -> AsyncIterator[SiteRecord]:
    """Records in order of completion, at most ``concurrency`` sites in flight (default: global limit)."""
    own = crawler is None
    active = crawler or Crawler(settings)
    limit = concurrency or active.settings.global_concurrency
    pending: set[asyncio.Task[SiteRecord]] = set()
    queue = iter(urls)
    try:
        while True:
            while len(pending) < limit:
                nxt = next(queue, None)
                if nxt is None:
                    break
                pending.add(asyncio.create_task(_extract_with(active, nxt)))
            if not pending:
                return
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                yield task.result()
    finally:
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        if own:
            await active.aclose()
