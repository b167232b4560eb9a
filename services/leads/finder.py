"""The lead finder: a query or a list of sites becomes a job whose results can be imported.

A job's payload keeps what its worker needs beside the rows: the query and its provider, the sites
given without a scheme (crawled over https first, then http, like the CLI), and what the search
reported. How a job went (:data:`~.schemas.FinderOutcome`) is read from its rows, so a job whose
every site failed never looks finished.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.auth import Principal
from services.kit.errors import Conflict, Invalid, NotFound
from services.kit.jobs import CANCELLED, FAILED, FINISHED, QUEUED, RUNNING
from services.kit.schemas import JobRead

from . import repository as repo
from .deps import LeadsRuntime
from .models import Job, SiteResult
from .providers import (
    Candidate,
    DiscoveryResult,
    candidates_from_csv,
    candidates_from_list,
    check_query,
    default_provider,
    provider_status,
)
from .records import import_site_record
from .schemas import (
    FinderOutcome,
    FinderProviders,
    FinderRead,
    FinderRequest,
    ImportReport,
    SearchProviderRead,
    SiteCounts,
    SiteResultRead,
)

FIND = "find"


def providers(runtime: LeadsRuntime) -> FinderProviders:
    settings = runtime.settings
    listed = [SearchProviderRead.model_validate(p.model_dump()) for p in provider_status(settings)]
    return FinderProviders(default=default_provider(settings), providers=listed)


async def add_results(s: AsyncSession, job_id: int, candidates: list[Candidate]) -> None:
    for i, c in enumerate(candidates):
        await repo.add(s, SiteResult(job_id=job_id, position=i, url=c.url, domain=c.domain,
                                     title=c.name or c.title, status="pending"))


def _no_website(found: DiscoveryResult) -> list[dict[str, str]]:
    """Businesses the source knows without a website: nothing to crawl, but worth showing."""
    return [{"url": "", "name": p.name or "", "reason": "no-website",
             "detail": " · ".join(x for x in (p.phone, p.address, p.category) if x)} for p in found.without_website]


async def record_discovery(s: AsyncSession, job_id: int, found: DiscoveryResult, max_sites: int) -> None:
    """The worker's search result: a row per site, and what the search said kept in the payload."""
    candidates = found.candidates[:max_sites]
    await add_results(s, job_id, candidates)
    job = await s.get(Job, job_id)
    if job is not None:
        job.payload = {**job.payload, "provider": found.provider, "search_errors": found.errors,
                       "attribution": found.attribution,
                       "http_fallback": [c.url for c in candidates if c.scheme_assumed],
                       "skipped": (found.skipped + _no_website(found))[:200]}


async def start(s: AsyncSession, runtime: LeadsRuntime, req: FinderRequest, actor: Principal) -> FinderRead:
    settings = runtime.settings
    discovered: DiscoveryResult | None = None
    provider = None
    if req.urls:
        discovered = candidates_from_list(req.urls, settings=settings.discovery())
        if not discovered.candidates:
            raise Invalid("None of the lines is a usable domain or URL.",
                          errors=[{"loc": ["body", "urls"], "msg": f"{s['url']}: {s['reason']}"}
                                  for s in discovered.skipped[:20]])
    elif req.query:
        provider = check_query(req.query, settings, req.provider)  # a clear 422 now rather than a failed job later
    else:
        raise Invalid("Give a search query, or a list of domains or URLs.")
    return await _enqueue(s, runtime, actor, discovered, query=req.query if not req.urls else None,
                          provider=provider, max_results=req.max_results, auto_import=req.auto_import)


async def start_from_csv(s: AsyncSession, runtime: LeadsRuntime, data: bytes, actor: Principal,
                         auto_import: bool = False) -> FinderRead:
    discovered = candidates_from_csv(data, settings=runtime.settings.discovery())
    if not discovered.candidates:
        raise Invalid("The CSV holds no usable website or domain column.",
                      errors=[{"loc": ["body", "file"], "msg": e} for e in discovered.errors[:20]] or None)
    return await _enqueue(s, runtime, actor, discovered, query=None, provider=None, max_results=None,
                          auto_import=auto_import)


async def _enqueue(s: AsyncSession, runtime: LeadsRuntime, actor: Principal, discovered: DiscoveryResult | None,
                   *, query: str | None, provider: str | None, max_results: int | None,
                   auto_import: bool) -> FinderRead:
    settings = runtime.settings
    limit = max_results or settings.search_max_results
    candidates = discovered.candidates[:settings.finder_max_sites] if discovered else []
    payload = {"query": query, "provider": provider, "max_results": limit, "auto_import": auto_import,
               "owner": actor.sub, "skipped": discovered.skipped[:200] if discovered else [],
               "http_fallback": [c.url for c in candidates if c.scheme_assumed]}
    job = await runtime.jobs.enqueue(s, FIND, payload, total=len(candidates) if discovered else None,
                                        owner=actor.sub, max_attempts=3)
    await add_results(s, job.id, candidates)
    runtime.wake_worker()
    return await read(s, runtime, job.id)


def counts(results: list[SiteResult] | list[SiteResultRead]) -> SiteCounts:
    tally = SiteCounts()
    for row in results:
        if row.status in ("pending", "running", "done", "failed"):
            setattr(tally, row.status, getattr(tally, row.status) + 1)
    return tally


def outcome(status: str, tally: SiteCounts, search_errors: list[str]) -> FinderOutcome:
    """How a job went, judged by its sites: "succeeded" with every site failed is a failure."""
    if status in (QUEUED, RUNNING):
        return "queued" if status == QUEUED else "running"
    if status == CANCELLED:
        return "cancelled"
    if status == FAILED:
        return "failed"
    total = tally.pending + tally.running + tally.done + tally.failed
    if total == 0:
        return "failed" if search_errors else "empty"
    if tally.done == 0:
        return "failed"
    return "partial" if tally.failed or tally.pending or search_errors else "finished"


async def read(s: AsyncSession, runtime: LeadsRuntime, job_id: int) -> FinderRead:
    job = await runtime.jobs.get(s, job_id)
    if job.type != FIND:
        raise NotFound(f"Job {job_id} is not a finder job.")
    results = [SiteResultRead.model_validate(r) for r in await repo.list_results(s, job_id)]
    payload = job.payload or {}
    tally = counts(results)
    search_errors = list(payload.get("search_errors") or [])
    return FinderRead(job=JobRead.model_validate(job), query=payload.get("query"), results=results,
                      skipped=payload.get("skipped") or [], outcome=outcome(job.status, tally, search_errors),
                      counts=tally, provider=payload.get("provider"), search_errors=search_errors,
                      attribution=payload.get("attribution"))


async def retry_result(s: AsyncSession, runtime: LeadsRuntime, job_id: int, result_id: int) -> FinderRead:
    """Crawl one site of a finished job again: its row goes back to pending and the job is queued."""
    job = await runtime.jobs.get(s, job_id)
    if job.type != FIND:
        raise NotFound(f"Job {job_id} is not a finder job.")
    rows = await repo.list_results(s, job_id, [result_id])
    row = rows[0] if rows else None
    if row is None:
        raise NotFound(f"Job {job_id} has no site {result_id}.")
    if job.status == RUNNING:
        raise Conflict(f"Job {job_id} is still running; retry the site when it has finished.")
    if row.status in ("pending", "running"):
        raise Conflict(f"{row.domain or row.url} has not been crawled yet.")
    row.status, row.error, row.record = "pending", None, None
    if job.status in FINISHED:
        # A re-run resumes: only pending rows are crawled, finished ones keep their results.
        await runtime.jobs.requeue(s, job_id, done=max(0, (job.progress_done or 0) - 1))
    await s.flush()
    runtime.wake_worker()
    return await read(s, runtime, job_id)


def crawl_target(url: str, http_fallback: set[str]) -> str:
    """What the crawler is given: a site named without a scheme goes bare, so https falls back to http."""
    if url in http_fallback and url.startswith("https://"):
        return url.removeprefix("https://").removesuffix("/")
    return url


def reached_url(url: str, pages: list[str]) -> str:
    """The row's URL once crawled: http when the https guess failed and plain http answered."""
    if url.startswith("https://") and pages and pages[0].startswith("http://"):
        return "http://" + url.removeprefix("https://")
    return url


async def import_results(s: AsyncSession, runtime: LeadsRuntime, job_id: int, result_ids: list[int] | None,
                         actor: Principal) -> ImportReport:
    await read(s, runtime, job_id)  # 404 for unknown or non-finder jobs
    rows = await repo.list_results(s, job_id, result_ids)
    created = updated = skipped = 0
    company_ids: list[int] = []
    errors: list[dict[str, Any]] = []
    for row in rows:
        if row.status != "done" or not row.record:
            skipped += 1
            errors.append({"result_id": row.id, "url": row.url, "error": row.error or f"not crawled ({row.status})"})
            continue
        company, is_new = await import_site_record(s, row.record, actor)
        row.company_id = company.id
        created, updated = created + is_new, updated + (not is_new)
        company_ids.append(company.id)
    return ImportReport(created=created, updated=updated, skipped=skipped, company_ids=company_ids, errors=errors)
