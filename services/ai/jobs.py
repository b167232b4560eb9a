"""Background work of the ai service: enriching a batch of companies, with progress."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.auth import Principal
from services.kit.errors import AppError, Invalid
from services.kit.jobs import JobContext

from .companies import enrich_company
from .deps import AIRuntime
from .engine import Caller
from .errors import BudgetExceeded
from .schemas import BatchRequest

log = logging.getLogger("outbound.ai.jobs")
ENRICH_BATCH = "ai.enrich_batch"


async def start_batch(s: AsyncSession, runtime: AIRuntime, body: BatchRequest, actor: Principal) -> Any:
    settings = runtime.settings
    ids = list(dict.fromkeys(body.company_ids))
    if len(ids) > settings.ai_batch_max:
        raise Invalid(f"A batch holds at most {settings.ai_batch_max} companies (OUTBOUND_AI_BATCH_MAX).")
    caller = Caller.of(actor)
    job = await runtime.jobs.enqueue(s, ENRICH_BATCH, {"company_ids": ids, "language": body.language,
                                                       "caller": caller.key, "budgeted": caller.budgeted},
                                     total=len(ids), max_attempts=2, owner=caller.key)
    runtime.wake_worker()
    return job


async def run_enrich_batch(ctx: JobContext) -> dict[str, Any]:
    """Each company in turn; one company's failure is reported, not fatal. A spent budget stops the rest."""
    runtime: AIRuntime = ctx.runtime
    ids: list[int] = list(ctx.payload["company_ids"])
    caller = Caller(str(ctx.payload["caller"]), bool(ctx.payload.get("budgeted", True)))
    start = ctx.done if ctx.done < len(ids) else 0  # a retried job resumes where it stopped
    items: list[dict[str, Any]] = []
    counts = {"enriched": 0, "failed": 0, "skipped": 0}
    for position in range(start, len(ids)):
        company_id = ids[position]
        try:
            result = await enrich_company(runtime, caller, company_id, language=ctx.payload.get("language"))
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
