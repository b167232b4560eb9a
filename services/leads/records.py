"""Turning an extracted site record into CRM records: fill gaps, never overwrite what people typed."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.auth import Principal
from services.kit.db import utcnow

from . import provenance
from . import repository as repo
from .models import Company, Contact
from .providers import registrable_domain
from .salutation import split_form_of_address
from .service import COMPANY_FACTS, actor_name, add_activity, company_search_text, contact_search_text


def _evidence(record: dict[str, Any], field: str, source: str) -> dict[str, Any]:
    ev = (record.get("evidence") or {}).get(field) or {}
    return {"url": ev.get("url"), "snippet": ev.get("snippet"), "source": source}


async def import_site_record(s: AsyncSession, record: dict[str, Any], actor: Principal | None,
                             source: str = "crawl") -> tuple[Company, bool]:
    """Create or complete the company of ``record`` (by registrable domain) and its people."""
    domain = registrable_domain(record["url"])
    company = await repo.get_company_by_domain(s, domain) if domain else None
    created = company is None
    if company is None:
        company = Company(name=record.get("company_name") or domain or record["url"], domain=domain,
                          website=record["url"], status="new", source=source, emails=[], phones=[], social={},
                          evidence={}, owner_id=actor.user_id if actor else None)
        if record.get("company_name"):
            company.evidence = {"name": _evidence(record, "company_name", source)}
        await repo.add(s, company)
    elif record.get("company_name") and company.name == company.domain:
        company.name = record["company_name"]  # a placeholder name gives way to the legal name
    filled = []
    for field in COMPANY_FACTS:
        value = record.get(field)
        current = getattr(company, field)
        if value not in (None, "", []) and str(value) != current and provenance.may_set(
                current, provenance.source_of(company.evidence, field), source):
            setattr(company, field, str(value))
            company.evidence = {**company.evidence, field: _evidence(record, field, source)}
            filled.append(field)
    for field in ("emails", "phones"):
        new = [v for v in record.get(field) or [] if v not in (getattr(company, field) or [])]
        if new:
            setattr(company, field, [*(getattr(company, field) or []), *new])
            company.evidence = {**company.evidence, field: _evidence(record, field, source)}
            filled.append(field)
    company.social = {**(record.get("social") or {}), **(company.social or {})}
    company.website = company.website or record["url"]
    company.crawled_at = utcnow()
    company.search_text = company_search_text(company)
    people = await _import_people(s, company, record, source)
    await add_activity(s, type_="crawl.imported", title=f"Website facts imported ({len(record.get('pages') or [])} "
                       f"pages)", company_id=company.id, actor=actor_name(actor),
                       detail={"filled": filled, "contacts_added": people, "pages": record.get("pages") or []})
    await s.flush()
    return company, created


def _person_form(person: dict[str, Any]) -> tuple[str, str]:
    """The person's name without a leading "Herr"/"Frau", and their form of address: the record's
    ``form_of_address`` (herr | frau) when the extractor read one, else the form word in the name."""
    name, typed = split_form_of_address(str(person["name"]))
    given = str(person.get("form_of_address") or "").lower()  # the extractor's "Herr"/"Frau"
    return name, given if given in ("herr", "frau") else typed


def _fill_form_of_address(contact: Contact, form: str, evidence: dict[str, Any], source: str) -> None:
    """A crawl fills an unknown form of address; it never replaces one a person (or a higher writer) set."""
    if form in ("unknown", contact.form_of_address):
        return
    current_source = provenance.source_of(contact.evidence, "form_of_address")
    if contact.form_of_address == "unknown" or (
            current_source is not None and provenance.may_set(contact.form_of_address, current_source, source)):
        contact.form_of_address = form
        contact.evidence = {**(contact.evidence or {}), "form_of_address": evidence}


async def _import_people(s: AsyncSession, company: Company, record: dict[str, Any], source: str) -> int:
    people: list[dict[str, Any]] = [p for p in record.get("persons") or [] if p.get("name")]
    known = {_person_form(p)[0].lower() for p in people}
    people += [{"name": n, "role": None} for n in record.get("representatives") or []
               if _person_form({"name": n})[0].lower() not in known]
    added = 0
    for person in people:
        name, form = _person_form(person)
        email = (person.get("email") or "").lower() or None
        ev = {"url": person.get("source_url") or (record.get("evidence") or {}).get("representatives", {}).get("url"),
              "source": source}
        # The form of address keeps the line it was read from ("Inhaber: Herr Max Beispiel").
        form_ev = {**ev, **{k: v for k, v in ((person.get("evidence") or {}).get("form_of_address") or {}).items()
                            if k in ("url", "snippet") and v}}
        contact = await repo.get_contact_by_email(s, email) if email else None
        contact = contact or await repo.find_contact_by_name(s, company.id, name)
        if contact is not None:
            found = {"role": person.get("role"), "phone": person.get("phone"), "email": email}
            for key, value in provenance.writable(contact, {k: v for k, v in found.items() if v}, source).items():
                setattr(contact, key, value)
            _fill_form_of_address(contact, form, form_ev, source)
            contact.search_text = contact_search_text(contact)
            continue
        evidence = {"name": ev, **({"form_of_address": form_ev} if form != "unknown" else {})}
        contact = Contact(company_id=company.id, name=name, form_of_address=form, role=person.get("role"),
                          email=email, phone=person.get("phone"), country=company.country, status="new",
                          source=source, evidence=evidence, legal_basis="none")
        contact.search_text = contact_search_text(contact)
        await repo.add(s, contact)
        added += 1
    return added
