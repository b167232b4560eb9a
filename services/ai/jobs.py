"""Background work of the ai service: enriching a batch of companies, with progress."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.app import ServiceRuntime
from services.kit.auth import Principal
from services.kit.db import session_scope
from services.kit.errors import AppError, Invalid
from services.kit.jobs import JobContext
from services.leads.crawler.site import Crawler

from .companies import enrich_company
from .engine import Caller
from .errors import BudgetExceeded
from .schemas import BatchRequest
from .settings import AISettings

log = logging.getLogger("outbound.ai.jobs")
ENRICH_BATCH = "ai.enrich_batch"


async def start_batch(s: AsyncSession, runtime: ServiceRuntime, body: BatchRequest, actor: Principal) -> Any:
    settings = runtime.settings
    assert isinstance(settings, AISettings)
    ids = list(dict.fromkeys(body.company_ids))
    if len(ids) > settings.ai_batch_max:
        raise Invalid(f"A batch holds at most {settings.ai_batch_max} companies (OUTBOUND_AI_BATCH_MAX).")
    assert runtime.queue is not None
    caller = Caller.of(actor)
    job = await runtime.queue.enqueue(s, ENRICH_BATCH, {"company_ids": ids, "language": body.language,
                                                        "caller": caller.key, "budgeted": caller.budgeted},
                                      total=len(ids), max_attempts=2, owner=caller.key)
    if runtime.worker is not None:
        runtime.worker.wake()
    return job


async def run_enrich_batch(ctx: JobContext) -> dict[str, Any]:
    """Each company in turn; one company's failure is reported, not fatal. A spent budget stops the rest."""
    runtime: ServiceRuntime = ctx.runtime
    ids: list[int] = list(ctx.payload["company_ids"])
    caller = Caller(str(ctx.payload["caller"]), bool(ctx.payload.get("budgeted", True)))
    start = ctx.done if ctx.done < len(ids) else 0  # a retried job resumes where it stopped
    items: list[dict[str, Any]] = []
    counts = {"enriched": 0, "failed": 0, "skipped": 0}
    async with Crawler(runtime.settings, resolver=runtime.extras.get("resolver")) as crawler:  # type: ignore[arg-type]
        for position in range(start, len(ids)):
            company_id = ids[position]
            try:
                async with session_scope(runtime.sessions) as s:
                    result = await enrich_company(s, runtime, caller, company_id, language=ctx.payload.get("language"),
                                                  crawler=crawler)
            except BudgetExceeded as exc:
                rest = ids[position:]
                counts["skipped"] += len(rest)
                items += [{"company_id": c, "status": "skipped", "error": exc.detail} for c in rest]
                await ctx.progress(len(ids), len(ids))
                break
            except AppError as exc:
                counts["failed"] += 1
                items.append({"company_id": company_id, "status": "failed", "error": exc.detail})
            else:
                counts["enriched"] += 1
                items.append({"company_id": company_id, "status": "enriched", "updated_fields": result.updated_fields,
                              "contacts_created": result.contacts_created, "cost": result.ai.cost,
                              "cached": result.ai.cached, "missing": result.missing})
            await ctx.progress(position + 1, len(ids))
    return {**counts, "resumed_from": start, "items": items}


HANDLERS = {ENRICH_BATCH: run_enrich_batch}
