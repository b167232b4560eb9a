"""Background work of the leads service: the finder job (discover → crawl → extract → import)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.auth import Principal
from services.kit.errors import Invalid
from services.kit.jobs import SUCCEEDED, JobCancelled, JobContext

from . import csv_io, sites
from . import repository as repo
from .deps import LeadsRuntime
from .finder import FIND, counts, crawl_target, outcome, reached_url, record_discovery
from .models import SiteResult
from .pipeline import extract_sites
from .providers import discover
from .records import import_site_record
from .schemas import ImportReport, SiteRecord
from .settings import LeadsSettings

log = logging.getLogger("outbound.leads.jobs")


def site_status(record: SiteRecord) -> tuple[str, str | None]:
    """A site with no page fetched failed; one with pages but some errors is done, with a warning."""
    error = "; ".join(record.errors) or None
    return ("done" if record.pages else "failed"), error


async def run_finder(ctx: JobContext) -> dict[str, Any]:
    runtime: LeadsRuntime = ctx.runtime
    settings = runtime.settings
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


async def _crawl_pending(ctx: JobContext, runtime: LeadsRuntime, settings: LeadsSettings, pending: dict[str, int],
                         done: int, total: int) -> dict[str, Any]:
    owner = ctx.payload.get("owner")
    fallback = set(ctx.payload.get("http_fallback") or [])
    await ctx.progress(done, total)
    async with runtime.deps.crawler(settings) as crawler:
        async for record in extract_sites(list(pending), crawler=crawler):
            status, error = site_status(record)
            async with runtime.sessions() as s, s.begin():
                row = await s.get(SiteResult, pending[record.url])
                if row is None:  # the job was deleted under us
                    continue
                if row.url in fallback:  # crawled bare: keep the scheme that answered, not the guess
                    row.url = record.url = reached_url(row.url, record.pages)
                row.status, row.error, row.record = status, error, record.model_dump(mode="json")
                await sites.store(s, record)
                if status == "done" and ctx.payload.get("auto_import"):
                    actor = Principal(sub=str(owner or "system"), typ="access", role="sales")
                    company, _ = await import_site_record(s, row.record, actor)
                    row.company_id = company.id
            done += 1
            await ctx.progress(done, total)
    # Counted from the results, not this run: a job resumed after a crash reports what every run did.
    async with runtime.sessions() as s, s.begin():
        tally = counts(list(await repo.list_results(s, ctx.job_id)))
        _failed, imported = await repo.result_tallies(s, ctx.job_id)
    # The job succeeded as work; whether its sites did is the outcome (every site failed: "failed").
    return {"sites": total, "done": tally.done, "failed": tally.failed, "imported": imported,
            "outcome": outcome(SUCCEEDED, tally, ctx.payload.get("search_errors") or [])}


CSV_IMPORT = "csv_import"
IMPORT_BATCH = 500


async def start_csv_import(s: AsyncSession, runtime: LeadsRuntime, data: bytes, actor: Principal) -> Any:
    """Check the whole file now (a malformed one is a 422 naming the line), import it as a job."""
    _, rows = csv_io.parse_csv(data)
    if not rows:
        raise Invalid("The CSV has a header row but no rows to import.")
    job = await runtime.jobs.enqueue(s, CSV_IMPORT, {"rows": rows, "owner": actor.sub}, total=len(rows),
                                     owner=actor.sub, max_attempts=3)
    runtime.wake_worker()
    return job


async def run_csv_import(ctx: JobContext) -> dict[str, Any]:
    """Rows in batches of IMPORT_BATCH, each batch one transaction that also records how far the job got:
    a crash or a cancel keeps every finished batch and loses none half-done; a retry resumes after it."""
    runtime: LeadsRuntime = ctx.runtime
    rows: list[tuple[int, dict[str, str]]] = [(int(line), row) for line, row in ctx.payload["rows"]]
    actor = Principal(sub=str(ctx.payload.get("owner") or "system"), typ="access", role="sales")
    async with runtime.sessions() as s, s.begin():
        job = await runtime.jobs.get(s, ctx.job_id)
        report = ImportReport.model_validate(job.result or {})
    done = ctx.done
    await ctx.progress(done, len(rows))
    while done < len(rows):
        batch = rows[done:done + IMPORT_BATCH]
        async with runtime.sessions() as s, s.begin():
            await csv_io.import_rows(s, batch, actor, report)
            done += len(batch)
            await runtime.jobs.save_progress(s, ctx.job_id, ctx.worker_id, done=done,
                                             result=report.model_dump(mode="json"))
        await ctx.progress(done, len(rows))  # also where a cancel request stops the job, between batches
    return report.model_dump(mode="json")


HANDLERS = {FIND: run_finder, CSV_IMPORT: run_csv_import}
