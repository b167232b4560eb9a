"""The ai service's demo rows: every enriched company's lead profile, written the way the offline
provider writes one (rules over the crawled pages, then grounding: every claim cites a page it came from),
the ledger of those calls, and the timeline entries they left.

The demo runs no model: the profiles say ``rules (not AI)``, as the product itself does offline.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from services.ai.companies import enrichment_key
from services.ai.engine import RULES
from services.ai.enrichment import grounded_result, offline_draft, profile_inputs
from services.ai.models import AICacheEntry, AICall, CompanyProfile, Job
from services.ai.prompts import DEFAULT_HISTORY
from services.ai.schemas import AIMeta, CompanyEnrichResult
from services.leads.schemas import SitePage, SiteRecord

from .world import World

MAX_INPUT_TOKENS = 6000  # the ai service's default budget (OUTBOUND_AI_MAX_INPUT_TOKENS)
PROMPT_NAME = "enrich_company"
PROMPT_VERSION = len(DEFAULT_HISTORY[PROMPT_NAME])


@dataclass
class AISeed:
    rows: list[tuple[type[Any], list[dict[str, Any]]]]
    timeline: list[dict[str, Any]]
    hooks: dict[int, str | None]  # each enriched company's hook: the first line of a personal mail


def profile(company_id: int, record: SiteRecord, pages: list[SitePage]) -> CompanyEnrichResult:
    """What ``POST /ai/companies/{id}/enrich`` stores for this crawl with the offline provider."""
    inputs = profile_inputs(record, pages, MAX_INPUT_TOKENS)
    meta = AIMeta(provider="heuristic", model="rules", generated_by=RULES, prompt_name=PROMPT_NAME,
                  prompt_version=PROMPT_VERSION, input_truncated=inputs.source.truncated)
    result = grounded_result(record, inputs, offline_draft(inputs, pages), meta, [])
    return CompanyEnrichResult(**dict(result), company_id=company_id)


def ai_rows(world: World, records: dict[int, SiteRecord], site_pages: dict[int, list[SitePage]]) -> AISeed:
    profiles: list[dict[str, Any]] = []
    calls: list[dict[str, Any]] = []
    timeline: list[dict[str, Any]] = []
    hooks: dict[int, str | None] = {}
    for c in world.companies:
        if c.status == "new":
            continue  # found and crawled, not enriched yet: the demo shows what the button does
        enriched_at = c.created_at + timedelta(minutes=6)
        result = profile(c.id, records[c.id], site_pages[c.id])
        body = result.model_dump(mode="json")
        hooks[c.id] = result.profile.hook
        profiles.append({"company_id": c.id, "result": body, "updated_at": enriched_at})
        size = len(json.dumps(body, ensure_ascii=False))
        calls.append({"id": len(calls) + 1, "principal": "user:1", "purpose": "enrich", "provider": "heuristic",
                      "model": "rules", "prompt_name": PROMPT_NAME, "prompt_version": PROMPT_VERSION,
                      "prompt_tokens": 0, "completion_tokens": 0, "cost": 0.0, "price_known": True, "cached": False,
                      "attempts": 1, "duration_ms": 20 + size % 40, "error": None, "created_at": enriched_at})
        meta = result.ai
        timeline.append({
            "company_id": c.id, "type": "ai.enriched", "title": f"Enriched by rules (not AI) ({meta.model})",
            "detail": {"provider": meta.provider, "model": meta.model,
                       "prompt": f"{meta.prompt_name}@{meta.prompt_version}",
                       "updated_fields": [], "contacts_created": 0, "contacts_updated": 0, "cost": 0.0,
                       "cached": False, "dropped": result.grounding.dropped[:20]},
            "actor": "user:1", "source": "ai", "external_id": enrichment_key(c.id, result), "occurred_at": enriched_at})
    return AISeed(rows=[(Job, []), (AICacheEntry, []), (AICall, calls), (CompanyProfile, profiles)], timeline=timeline,
                  hooks=hooks)
