"""Enriching CRM companies: read the company from the leads service, crawl its website, enrich, and
write the profile back — company fields and contacts with evidence ``source = ai`` plus the model,
and an ``ai.enriched`` timeline entry.

What people typed, imports and crawl facts are never overwritten: the profile fills empty fields
and refreshes only values an earlier enrichment wrote.
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.app import ServiceRuntime
from services.kit.errors import AppError, Conflict, Invalid, Upstream
from services.leads.client import LeadsClient
from services.leads.crawler.site import Crawler
from services.leads.schemas import (
    ActivityCreate,
    CompanyRead,
    CompanyUpdate,
    ContactCreate,
    ContactRead,
    ContactUpdate,
    Evidence,
)

from . import repository as repo
from .engine import AIEngine, Caller
from .enrichment import crawl, enrich_record
from .grounding import normalise_name
from .schemas import CompanyEnrichResult, EnrichResult, PersonRead

# Company field <- profile field, with the leads service's length limits.
COMPANY_FIELDS = (("summary", "summary", 5000), ("industry", "industry", 120), ("employees", "size_estimate", 40),
                  ("language", "language", 8))


def leads_client(runtime: ServiceRuntime) -> LeadsClient:
    client: LeadsClient = runtime.extras["leads"]
    return client


def engine_of(runtime: ServiceRuntime) -> AIEngine:
    engine: AIEngine = runtime.extras["ai"]
    return engine


def _evidence(result: EnrichResult, url: str | None) -> Evidence:
    return Evidence(source="ai", model=f"{result.ai.provider}:{result.ai.model}", url=url)


def _may_write(company: CompanyRead, field: str) -> bool:
    current = getattr(company, field)
    source = (company.evidence.get(field) or {}).get("source")
    return current in (None, "") or source == "ai"


async def _store_company(leads: LeadsClient, company: CompanyRead, result: EnrichResult) -> list[str]:
    update: dict[str, Any] = {}
    for company_field, profile_field, limit in COMPANY_FIELDS:
        value = getattr(result.profile, profile_field)
        if value and _may_write(company, company_field) and getattr(company, company_field) != value:
            update[company_field] = str(value)[:limit]
    if company.status == "new":
        update["status"] = "enriched"
    if not update:
        return []
    evidence = _evidence(result, company.website)
    fields = [k for k in update if k != "status"]
    await leads.update_company(company.id, CompanyUpdate(**update, evidence={k: evidence for k in fields}))
    return fields


def _contact_data(person: PersonRead, company_id: int, evidence: Evidence) -> dict[str, Any]:
    ev = evidence.model_copy(update={"url": person.source_url or evidence.url})
    data: dict[str, Any] = {"name": person.name[:300], "company_id": company_id, "role": person.role,
                            "email": person.email, "phone": (person.phone or "")[:40] or None,
                            "evidence": {"name": ev}}
    return {k: v for k, v in data.items() if v is not None}


async def _store_contacts(leads: LeadsClient, company: CompanyRead, result: EnrichResult,
                          warnings: list[str]) -> tuple[int, int]:
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
                created += 1
                continue
            fill = {k: data[k] for k in ("role", "email", "phone") if data.get(k) and not getattr(match, k)}
            if fill:
                await leads.update_contact(match.id, ContactUpdate(**fill, evidence={k: evidence for k in fill}))
                updated += 1
        except (Invalid, Conflict, ValidationError) as exc:
            warnings.append(f"{person.name} was not stored: {getattr(exc, 'detail', exc)}")
    return created, updated


async def enrich_company(s: AsyncSession, runtime: ServiceRuntime, caller: Caller, company_id: int, *,
                         language: str | None = None, crawler: Crawler | None = None) -> CompanyEnrichResult:
    leads = leads_client(runtime)
    company = await leads.get_company(company_id)
    if not company.website and not company.domain:
        raise Invalid(f"Company {company_id} ({company.name}) has no website to enrich from.")
    url = company.website or f"https://{company.domain}/"
    record = await crawl(runtime.settings, url, resolver=runtime.extras.get("resolver"), crawler=crawler)
    if not record.pages:
        raise Upstream(f"Could not read {url}: {'; '.join(record.errors) or 'no page could be fetched'}.")
    result = await enrich_record(s, engine_of(runtime), caller, record, language=language)
    warnings = list(result.warnings)
    fields = await _store_company(leads, company, result)
    created, updated = await _store_contacts(leads, company, result, warnings)
    meta = result.ai
    try:
        await leads.record_activity(ActivityCreate(
            company_id=company_id, type="ai.enriched", external_id=f"ai.enriched:{company_id}:{uuid.uuid4().hex}",
            title=f"Enriched by {'AI' if meta.generated_by == 'model' else 'rules (not AI)'} ({meta.model})",
            detail={"provider": meta.provider, "model": meta.model,
                    "prompt": f"{meta.prompt_name}@{meta.prompt_version}",
                    "updated_fields": fields, "contacts_created": created, "contacts_updated": updated,
                    "cost": meta.cost, "cached": meta.cached, "dropped": result.grounding.dropped[:20]}))
    except AppError as exc:
        warnings.append(f"The timeline entry was not recorded: {exc.detail}")
    out = CompanyEnrichResult(**result.model_dump(exclude={"warnings"}), warnings=warnings, company_id=company_id,
                              updated_fields=fields, contacts_created=created, contacts_updated=updated)
    await repo.save_company_profile(s, company_id, out.model_dump(mode="json"))
    return out


async def last_profile(s: AsyncSession, company_id: int) -> CompanyEnrichResult | None:
    """The latest stored enrichment, or None for a company never enriched (not an error)."""
    row = await repo.get_company_profile(s, company_id)
    return None if row is None else CompanyEnrichResult.model_validate(row.result)
