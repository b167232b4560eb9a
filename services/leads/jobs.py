"""Background work of the leads service: the finder job (discover → crawl → extract → import)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from services.kit.app import ServiceRuntime
from services.kit.auth import Principal
from services.kit.jobs import SUCCEEDED, JobCancelled, JobContext

from . import repository as repo
from .crawler.site import Crawler
from .finder import FIND, counts, crawl_target, outcome, reached_url, record_discovery
from .models import SiteResult
from .pipeline import extract_sites
from .providers import discover
from .records import import_site_record
from .schemas import SiteRecord
from .settings import LeadsSettings

log = logging.getLogger("outbound.leads.jobs")


def site_status(record: SiteRecord) -> tuple[str, str | None]:
    """A site with no page fetched failed; one with pages but some errors is done, with a warning."""
    error = "; ".join(record.errors) or None
    return ("done" if record.pages else "failed"), error


async def run_finder(ctx: JobContext) -> dict[str, Any]:
    runtime: ServiceRuntime = ctx.runtime
    settings = runtime.settings
    assert isinstance(settings, LeadsSettings)
    async with runtime.sessions() as s, s.begin():
        total, _ = await repo.count_results(s, ctx.job_id)
    if total == 0 and ctx.payload.get("query"):
        found = await discover(ctx.payload["query"], settings.discovery(ctx.payload.get("max_results")),
                               provider=ctx.payload.get("provider"))
        async with runtime.sessions() as s, s.begin():
            await record_discovery(s, ctx.job_id, found, settings.finder_max_sites)
        if not found.candidates and found.errors:
            raise RuntimeError("; ".join(found.errors))
        ctx.payload.update(http_fallback=[c.url for c in found.candidates if c.scheme_assumed],
                           search_errors=found.errors)
    fallback = set(ctx.payload.get("http_fallback") or [])
    async with runtime.sessions() as s, s.begin():
        results = await repo.list_results(s, ctx.job_id)
        # A restarted job resumes: what finished before keeps its result.
        pending = {crawl_target(r.url, fallback): r.id for r in results if r.status not in ("done", "failed")}
        total, done = len(results), len(results) - len(pending)
        await repo.set_result_status(s, list(pending.values()), "running")
    try:
        return await _crawl_pending(ctx, runtime, settings, pending, done, total)
    except (JobCancelled, asyncio.CancelledError):
        # What did not finish goes back to pending, so a retry (or the next worker) picks up exactly there.
        async with runtime.sessions() as s, s.begin():
            await repo.reset_running_results(s, ctx.job_id)
        raise


async def _crawl_pending(ctx: JobContext, runtime: ServiceRuntime, settings: LeadsSettings, pending: dict[str, int],
                         done: int, total: int) -> dict[str, Any]:
    owner = ctx.payload.get("owner")
    fallback = set(ctx.payload.get("http_fallback") or [])
    await ctx.progress(done, total)
    imported = 0
    # Tests map test hostnames to loopback here; in production this is the system resolver.
    async with Crawler(settings, resolver=runtime.extras.get("resolver")) as crawler:
        async for record in extract_sites(list(pending), crawler=crawler):
            status, error = site_status(record)
            async with runtime.sessions() as s, s.begin():
                row = await s.get(SiteResult, pending[record.url])
                assert row is not None
                if row.url in fallback:  # crawled bare: keep the scheme that answered, not the guess
                    row.url = record.url = reached_url(row.url, record.pages)
                row.status, row.error, row.record = status, error, record.model_dump(mode="json")
                if status == "done" and ctx.payload.get("auto_import"):
                    actor = Principal(sub=str(owner or "system"), typ="access", role="sales")
                    company, _ = await import_site_record(s, row.record, actor)
                    row.company_id = company.id
                    imported += 1
            done += 1
            await ctx.progress(done, total)
    async with runtime.sessions() as s, s.begin():
        tally = counts(list(await repo.list_results(s, ctx.job_id)))
    # The job succeeded as work; whether its sites did is the outcome (every site failed: "failed").
    return {"sites": total, "done": tally.done, "failed": tally.failed, "imported": imported,
            "outcome": outcome(SUCCEEDED, tally, ctx.payload.get("search_errors") or [])}


HANDLERS = {FIND: run_finder}
