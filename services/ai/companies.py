"""Enriching CRM companies: read the company and its website from the leads service, profile it, and
write the profile back — company fields and contacts with evidence ``source = ai`` plus the model,
and an ``ai.enriched`` timeline entry.

Which values may be replaced is the leads service's rule (what people typed, imports and crawl facts
win over a model); this module sends what the profile says and reports what was taken.

Cross-service work follows the recipe in docs/architecture.md: no database session is held across a
network call; every write to leads is keyed by what it means (the timeline entry by company, prompt
version and a hash of the profile), so a retry converges instead of writing twice; and the order is
compute → write to leads → record here last, so a failure anywhere leaves nothing a retry cannot mend.
"""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from typing import Any

from pydantic import ValidationError

from services.kit.db import session_scope, utcnow
from services.kit.errors import AppError, Conflict, Invalid, Upstream
from services.leads.client import LeadsClient
from services.leads.schemas import (
    ActivityCreate,
    CompanyRead,
    CompanyUpdate,
    ContactCreate,
    ContactRead,
    ContactUpdate,
    Evidence,
    SiteCrawlRead,
)

from . import repository as repo
from .deps import AIRuntime
from .engine import Caller
from .enrichment import enrich_record
from .grounding import normalise_name
from .schemas import CompanyEnrichResult, EnrichResult, PersonRead

# Company field <- profile field, with the leads service's length limits.
COMPANY_FIELDS = (("summary", "summary", 5000), ("industry", "industry", 120), ("employees", "size_estimate", 40),
                  ("language", "language", 8))


def _evidence(result: EnrichResult, url: str | None) -> Evidence:
    return Evidence(source="ai", model=f"{result.ai.provider}:{result.ai.model}", url=url)


async def read_site(runtime: AIRuntime, company: CompanyRead) -> SiteCrawlRead:
    """The company's website as the leads service last crawled it, or crawled now when that is old."""
    leads = runtime.deps.leads
    max_age = runtime.settings.ai_site_max_age_days
    site = await leads.company_site(company.id)
    if site is not None and site.pages and max_age and utcnow() - site.crawled_at < timedelta(days=max_age):
        return site
    url = company.website or f"https://{company.domain}/"
    return await leads.extract(url, read_timeout=runtime.settings.ai_crawl_timeout)


async def _store_company(leads: LeadsClient, company: CompanyRead, result: EnrichResult) -> list[str]:
    update: dict[str, Any] = {}
    for company_field, profile_field, limit in COMPANY_FIELDS:
        value = getattr(result.profile, profile_field)
        if value and getattr(company, company_field) != value:
            update[company_field] = str(value)[:limit]
    if company.status == "new":
        update["status"] = "enriched"
    evidence = _evidence(result, company.website)
    fields = [k for k in update if k != "status"]
    after = await leads.update_company(company.id, CompanyUpdate(**update, evidence={k: evidence for k in fields},
                                                                 enriched_at=utcnow()))
    return [k for k in fields if getattr(after, k) != getattr(company, k)]


def _contact_data(person: PersonRead, company_id: int, evidence: Evidence) -> dict[str, Any]:
    ev = evidence.model_copy(update={"url": person.source_url or evidence.url})
    data: dict[str, Any] = {"name": person.name[:300], "company_id": company_id, "role": person.role,
                            "email": person.email, "phone": (person.phone or "")[:40] or None,
                            "evidence": {"name": ev}}
    return {k: v for k, v in data.items() if v is not None}


async def _store_contacts(leads: LeadsClient, company: CompanyRead, result: EnrichResult,
                          warnings: list[str]) -> tuple[int, int]:
    """Each person becomes a contact, matched by e-mail or name first, so a repeat finds what it made."""
    existing = await leads.list_contacts(company.id)
    by_email = {c.email.lower(): c for c in existing if c.email}
    by_name = {normalise_name(c.name): c for c in existing}
    evidence = _evidence(result, company.website)
    created = updated = 0
    for person in result.profile.persons:
        match: ContactRead | None = (by_email.get((person.email or "").lower())
                                     or by_name.get(normalise_name(person.name)))
        data = _contact_data(person, company.id, evidence)
        try:
            if match is None:
                await _create_contact(leads, data, person, warnings)
                created += 1
                continue
            fill = {k: data[k] for k in ("role", "email", "phone") if data.get(k) and data[k] != getattr(match, k)}
            if fill:
                after = await leads.update_contact(match.id, ContactUpdate(**fill,
                                                                           evidence={k: evidence for k in fill}))
                updated += any(getattr(after, k) != getattr(match, k) for k in fill)
        except (Invalid, Conflict, ValidationError) as exc:
            warnings.append(f"{person.name} was not stored: {getattr(exc, 'detail', exc)}")
    return created, updated


async def _create_contact(leads: LeadsClient, data: dict[str, Any], person: PersonRead, warnings: list[str]) -> None:
    try:
        contact = ContactCreate(**data)
    except ValidationError:  # an address the leads service will not take: keep the person
        data.pop("email", None)
        contact = ContactCreate(**data)
    try:
        await leads.create_contact(contact)
    except Conflict:  # the e-mail belongs to a contact elsewhere
        await leads.create_contact(contact.model_copy(update={"email": None}))
        warnings.append(f"{person.email} belongs to another contact; {person.name} was added without it.")


def enrichment_key(company_id: int, result: EnrichResult) -> str:
    """What this enrichment means: the company, the prompt version and what it concluded."""
    digest = hashlib.sha256(json.dumps([result.ai.model, result.profile.model_dump(mode="json")],
                                       sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:24]
    return f"ai.enriched:{company_id}:{result.ai.prompt_name}@{result.ai.prompt_version}:{digest}"


async def enrich_company(runtime: AIRuntime, caller: Caller, company_id: int, *,
                         language: str | None = None) -> CompanyEnrichResult:
    leads = runtime.deps.leads
    company = await leads.get_company(company_id)
    if not company.website and not company.domain:
        raise Invalid(f"Company {company_id} ({company.name}) has no website to enrich from.")
    site = await read_site(runtime, company)
    if not site.pages:
        raise Upstream(f"Could not read {site.url}: {'; '.join(site.record.errors) or 'no page could be fetched'}.")
    result = await enrich_record(runtime.deps.engine, caller, site, language=language)
    warnings = list(result.warnings)
    fields = await _store_company(leads, company, result)
    created, updated = await _store_contacts(leads, company, result, warnings)
    meta = result.ai
    try:
        await leads.record_activity(ActivityCreate(
            company_id=company_id, type="ai.enriched", external_id=enrichment_key(company_id, result),
            title=f"Enriched by {'AI' if meta.generated_by == 'model' else 'rules (not AI)'} ({meta.model})",
            detail={"provider": meta.provider, "model": meta.model,
                    "prompt": f"{meta.prompt_name}@{meta.prompt_version}",
                    "updated_fields": fields, "contacts_created": created, "contacts_updated": updated,
                    "cost": meta.cost, "cached": meta.cached, "dropped": result.grounding.dropped[:20]}))
    except AppError as exc:
        warnings.append(f"The timeline entry was not recorded: {exc.detail}")
    out = CompanyEnrichResult(**result.model_dump(exclude={"warnings"}), warnings=warnings, company_id=company_id,
                              updated_fields=fields, contacts_created=created, contacts_updated=updated)
    async with session_scope(runtime.sessions) as s:
        await repo.save_company_profile(s, company_id, out.model_dump(mode="json"))
    return out


async def last_profile(runtime: AIRuntime, company_id: int) -> CompanyEnrichResult | None:
    """The latest stored enrichment, or None for a company never enriched (not an error)."""
    async with session_scope(runtime.sessions, writes=False) as s:
        row = await repo.get_company_profile(s, company_id)
    return None if row is None else CompanyEnrichResult.model_validate(row.result)
