"""The leads service's demo rows: companies whose facts the real extractor read from their (demo)
websites, with evidence; contacts with roles and legal bases; tags, notes, the kept crawls, timelines."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from services.leads.crawler.text import describe_page
from services.leads.extraction import extract_company
from services.leads.models import Activity, Company, CompanyTag, Contact, ContactTag, Job, Note, SiteCrawl, SiteResult
from services.leads.schemas import SitePage, SiteRecord

from .sites import pages
from .world import World

FACTS = ("legal_form", "street", "postal_code", "city", "country", "fax", "register_court", "register_number",
         "vat_id", "industry", "employees", "language")


@dataclass
class LeadsSeed:
    """Rows for each leads table, and each company's crawl as the ai service reads it."""

    rows: list[tuple[type[Any], list[dict[str, Any]]]]
    records: dict[int, SiteRecord] = field(default_factory=dict)
    site_pages: dict[int, list[SitePage]] = field(default_factory=dict)


def _evidence(facts: dict[str, Any], key: str, out_key: str | None = None) -> dict[str, Any]:
    ev = (facts.get("evidence") or {}).get(key) or {}
    return {out_key or key: {"url": ev.get("url"), "snippet": ev.get("snippet"), "source": "crawl"}} if ev else {}


def leads_rows(world: World, timeline: list[dict[str, Any]]) -> LeadsSeed:
    """``timeline`` holds the other services' entries (e-mails, bookings) to add to the leads timeline."""
    seed = LeadsSeed(rows=[])
    companies, contacts, company_tags, contact_tags, notes, crawls = [], [], [], [], [], []
    activities: list[dict[str, Any]] = []
    for c in world.companies:
        site = pages(c)
        facts = extract_company(site, site_url=c.website).model_dump(mode="json")
        crawled_at = c.created_at + timedelta(minutes=5)
        described = [SitePage.model_validate({**describe_page(p.html, p.url, p.kind), "fetched_at": crawled_at})
                     for p in site]
        record = SiteRecord.model_validate({**facts, "url": c.website, "pages": [p.url for p in site]})
        seed.records[c.id], seed.site_pages[c.id] = record, described
        evidence: dict[str, Any] = {**_evidence(facts, "company_name", "name"), **_evidence(facts, "emails"),
                                    **_evidence(facts, "phones")}
        row: dict[str, Any] = {k: facts.get(k) for k in FACTS}
        for key in FACTS:
            evidence.update(_evidence(facts, key))
        row["employees"] = c.employees
        row["industry"] = c.industry
        row.update(id=c.id, domain=c.domain, name=facts.get("company_name") or c.name, website=c.website,
                   emails=facts.get("emails") or [c.email], phones=facts.get("phones") or [c.phone],
                   social={}, summary=c.summary, evidence=evidence, status=c.status, source="crawl",
                   owner_id=None, created_at=c.created_at, updated_at=c.created_at, crawled_at=crawled_at,
                   enriched_at=crawled_at + timedelta(minutes=1) if c.status != "new" else None)
        row["search_text"] = " ".join(filter(None, [row["name"], c.domain, row.get("city"), row.get("postal_code"),
                                                    row.get("vat_id"), row.get("register_number"),
                                                    *row["emails"]])).lower()
        companies.append(row)
        company_tags += [{"company_id": c.id, "tag": t} for t in c.tags]
        crawls.append({"id": c.id, "site": c.domain, "url": c.website, "crawled_at": crawled_at,
                       "record": record.model_dump(mode="json"),
                       "pages": [p.model_dump(mode="json") for p in described]})
        activities += [
            {"company_id": c.id, "type": "company.created", "title": "Company added (crawl)", "actor": "user:demo",
             "source": "leads", "occurred_at": c.created_at},
            {"company_id": c.id, "type": "crawl.imported", "title": f"Website facts imported ({len(site)} pages)",
             "detail": {"pages": [p.url for p in site]}, "actor": "user:demo", "source": "leads",
             "occurred_at": crawled_at}]
        for p in c.people:
            contacts.append({
                "id": p.id, "company_id": c.id, "name": p.name, "form_of_address": p.form_of_address,
                "role": p.role, "email": p.email, "phone": p.phone,
                "linkedin": None, "country": c.country, "status": p.status, "source": "crawl",
                "evidence": {"name": {"url": c.page("kontakt"), "snippet": f"{p.name}, {p.role}", "source": "crawl"}},
                "legal_basis": p.legal_basis, "legal_basis_source": p.legal_basis_source,
                "legal_basis_at": c.created_at + timedelta(days=1) if p.legal_basis != "none" else None,
                "search_text": " ".join(filter(None, [p.name, p.email, p.role, p.phone])).lower(),
                "created_at": crawled_at, "updated_at": crawled_at})
            if p.legal_basis == "existing_customer":
                contact_tags.append({"contact_id": p.id, "tag": "Bestandskunde"})
        for person_id, body, when in c.notes:
            notes.append({"company_id": c.id, "contact_id": person_id, "body": body, "author_id": None,
                          "author": "Lena Vogel (Demo)", "created_at": when})
            activities.append({"company_id": c.id, "contact_id": person_id, "type": "note.added",
                               "title": "Note added", "detail": {"body": body[:2000]}, "actor": "user:demo",
                               "source": "leads", "occurred_at": when})
    activities += timeline
    activities.sort(key=lambda a: a["occurred_at"])
    for i, a in enumerate(activities, start=1):
        a.setdefault("detail", {})
        a.setdefault("contact_id", None)
        a.setdefault("external_id", None)
        a.update(id=i, created_at=a["occurred_at"])
    for i, n in enumerate(notes, start=1):
        n["id"] = i
    # The jobs (and the finder's results hanging off them) are emptied: a reset leaves no work half done.
    seed.rows = [(Job, []), (Company, companies), (CompanyTag, company_tags), (Contact, contacts),
                 (ContactTag, contact_tags), (Note, notes), (Activity, activities), (SiteCrawl, crawls),
                 (SiteResult, [])]
    return seed


def when(world: World, days_ago: float) -> datetime:
    return world.now - timedelta(days=days_ago)
