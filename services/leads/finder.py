"""The lead finder: a query or a list of sites becomes a job whose results can be imported."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.auth import Principal
from services.kit.errors import Invalid, NotFound
from services.kit.schemas import JobRead

from . import repository as repo
from .deps import LeadsRuntime
from .models import SiteResult
from .providers import Candidate, DiscoveryResult, candidates_from_csv, candidates_from_list, check_settings
from .records import import_site_record
from .schemas import FinderRead, FinderRequest, ImportReport, SiteResultRead

FIND = "find"


async def add_results(s: AsyncSession, job_id: int, candidates: list[Candidate]) -> None:
    for i, c in enumerate(candidates):
        await repo.add(s, SiteResult(job_id=job_id, position=i, url=c.url, domain=c.domain, title=c.title,
                                     status="pending"))


async def start(s: AsyncSession, runtime: LeadsRuntime, req: FinderRequest, actor: Principal) -> FinderRead:
    settings = runtime.settings
    discovered: DiscoveryResult | None = None
    if req.urls:
        discovered = candidates_from_list(req.urls, settings=settings.discovery())
        if not discovered.candidates:
            raise Invalid("None of the lines is a usable domain or URL.",
                          errors=[{"loc": ["body", "urls"], "msg": f"{s['url']}: {s['reason']}"}
                                  for s in discovered.skipped[:20]])
    elif req.query:
        check_settings(settings)  # a clear 422 now rather than a failed job later
    else:
        raise Invalid("Give a search query, or a list of domains or URLs.")
    return await _enqueue(s, runtime, actor, discovered, query=req.query if not req.urls else None,
                          max_results=req.max_results, auto_import=req.auto_import)


async def start_from_csv(s: AsyncSession, runtime: LeadsRuntime, data: bytes, actor: Principal,
                         auto_import: bool = False) -> FinderRead:
    discovered = candidates_from_csv(data, settings=runtime.settings.discovery())
    if not discovered.candidates:
        raise Invalid("The CSV holds no usable website or domain column.",
                      errors=[{"loc": ["body", "file"], "msg": e} for e in discovered.errors[:20]] or None)
    return await _enqueue(s, runtime, actor, discovered, query=None, max_results=None, auto_import=auto_import)


async def _enqueue(s: AsyncSession, runtime: LeadsRuntime, actor: Principal, discovered: DiscoveryResult | None,
                   *, query: str | None, max_results: int | None, auto_import: bool) -> FinderRead:
    settings = runtime.settings
    limit = max_results or settings.search_max_results
    candidates = discovered.candidates[:settings.finder_max_sites] if discovered else []
    payload = {"query": query, "max_results": limit, "auto_import": auto_import, "owner": actor.sub,
               "skipped": discovered.skipped[:200] if discovered else []}
    job = await runtime.jobs.enqueue(s, FIND, payload, total=len(candidates) if discovered else None,
                                        owner=actor.sub, max_attempts=3)
    await add_results(s, job.id, candidates)
    runtime.wake_worker()
    return await read(s, runtime, job.id)


async def read(s: AsyncSession, runtime: LeadsRuntime, job_id: int) -> FinderRead:
    job = await runtime.jobs.get(s, job_id)
    if job.type != FIND:
        raise NotFound(f"Job {job_id} is not a finder job.")
    results = await repo.list_results(s, job_id)
    return FinderRead(job=JobRead.model_validate(job), query=job.payload.get("query"),
                      results=[SiteResultRead.model_validate(r) for r in results],
                      skipped=job.payload.get("skipped") or [])


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
