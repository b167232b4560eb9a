"""The rules of the leads service: companies, contacts, notes, the timeline, dedupe and merge.

Functions take the session explicitly and only flush; the request edge commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.auth import Principal
from services.kit.db import utcnow
from services.kit.errors import Conflict, Invalid, NotFound
from services.kit.schemas import Page

from . import provenance
from . import repository as repo
from .models import Activity, Company, Contact, Note
from .providers import registrable_domain
from .salutation import split_form_of_address
from .schemas import (
    ActivityCreate,
    ActivityRead,
    CompanyCreate,
    CompanyRead,
    CompanyUpdate,
    ContactCreate,
    ContactRead,
    ContactUpdate,
    NoteRead,
)

# Fields a crawl or an import may fill; user edits are never overwritten by them.
COMPANY_FACTS = ("legal_form", "street", "postal_code", "city", "country", "fax", "register_court",
                 "register_number", "vat_id", "industry", "employees", "language")


def actor_name(principal: Principal | None) -> str | None:
    return principal.actor if principal is not None else None


def company_search_text(c: Company) -> str:
    return " ".join(filter(None, [c.name, c.domain, c.city, c.postal_code, c.vat_id, c.register_number,
                                  *(c.emails or [])])).lower()


def contact_search_text(c: Contact) -> str:
    return " ".join(filter(None, [c.name, c.email, c.role, c.phone])).lower()


async def add_activity(s: AsyncSession, *, type_: str, title: str, company_id: int | None = None,
                       contact_id: int | None = None, detail: dict[str, Any] | None = None,
                       actor: str | None = None, source: str = "leads") -> Activity:
    row = Activity(type=type_, title=title, company_id=company_id, contact_id=contact_id, detail=detail or {},
                   actor=actor, source=source, occurred_at=utcnow())
    return await repo.add(s, row)  # type: ignore[no-any-return]


# --- companies ----------------------------------------------------------------------------------
async def get_company(s: AsyncSession, company_id: int) -> Company:
    company = await repo.get_company(s, company_id)
    if company is None:
        raise NotFound(f"Company {company_id} does not exist.")
    return company


async def company_reads(s: AsyncSession, rows: Sequence[Company]) -> list[CompanyRead]:
    ids = [c.id for c in rows]
    tags, counts = await repo.company_tags(s, ids), await repo.contact_counts(s, ids)
    return [CompanyRead.model_validate(c).model_copy(update={"tags": tags.get(c.id, []),
                                                             "contact_count": counts.get(c.id, 0)}) for c in rows]


async def company_read(s: AsyncSession, company_id: int) -> CompanyRead:
    return (await company_reads(s, [await get_company(s, company_id)]))[0]


async def list_companies(s: AsyncSession, *, limit: int, offset: int, **filters: Any) -> Page[CompanyRead]:
    rows, total = await repo.list_companies(s, limit=limit, offset=offset, **filters)
    return Page[CompanyRead](items=[CompanyRead.model_validate(row) for row in rows], total=total, limit=limit,
                             offset=offset)


def service_evidence(data: CompanyUpdate | ContactCreate | ContactUpdate, actor: Principal | None) -> dict[str, Any]:
    """Evidence another service sent with its write (people's writes carry none: they are "manual")."""
    if actor is None or not actor.is_service or not data.evidence:
        return {}
    return {k: v.model_dump(exclude_none=True) for k, v in data.evidence.items()}


def _apply_company_fields(company: Company, data: CompanyCreate | CompanyUpdate, *, evidence_source: str,
                          evidence: dict[str, Any] | None = None) -> list[str]:
    """Write what ``evidence_source`` may write (see provenance); the names of the fields written."""
    fields = data.model_dump(exclude_unset=True, exclude={"tags", "status", "evidence", "enriched_at"})
    if "emails" in fields and fields["emails"] is not None:
        fields["emails"] = list(dict.fromkeys(str(e).lower() for e in fields["emails"]))
    fields = provenance.writable(company, fields, evidence_source)
    for key, value in fields.items():
        if key == "name" and not value:
            raise Invalid("A company needs a name.", errors=[{"loc": ["body", "name"], "msg": "must not be empty"}])
        setattr(company, key, value if value is not None else ([] if key in ("emails", "phones") else None))
        if key in COMPANY_FACTS or key in ("emails", "phones", "name", "summary"):
            company.evidence = {**(company.evidence or {}),
                                key: (evidence or {}).get(key) or {"source": evidence_source}}
    return list(fields)


async def _check_domain_free(s: AsyncSession, domain: str | None, own_id: int | None = None) -> None:
    if domain:
        other = await repo.get_company_by_domain(s, domain)
        if other is not None and other.id != own_id:
            raise Conflict(f"{domain} belongs to company {other.id} ({other.name}) already.")


async def create_company(s: AsyncSession, data: CompanyCreate, actor: Principal | None,
                         source: str = "manual") -> Company:
    domain = registrable_domain(data.website) if data.website else None
    await _check_domain_free(s, domain)
    company = Company(name=data.name, domain=domain, status=str(data.status or "new"), source=source, emails=[],
                      phones=[], social={}, evidence={}, owner_id=actor.user_id if actor else None)
    _apply_company_fields(company, data, evidence_source=source)
    company.search_text = company_search_text(company)
    await repo.add(s, company)
    if data.tags is not None:
        await repo.set_company_tags(s, company.id, data.tags)
    await add_activity(s, type_="company.created", title=f"Company added ({source})", company_id=company.id,
                       actor=actor_name(actor))
    return company


async def update_company(s: AsyncSession, company_id: int, data: CompanyUpdate, actor: Principal) -> Company:
    company = await get_company(s, company_id)
    if data.website is not None:
        domain = registrable_domain(data.website)
        await _check_domain_free(s, domain, company.id)
        company.domain = domain
    source = actor.service or provenance.MANUAL
    _apply_company_fields(company, data, evidence_source=source, evidence=service_evidence(data, actor))
    if data.enriched_at is not None:
        company.enriched_at = data.enriched_at
    if data.status is not None and data.status != company.status:
        await add_activity(s, type_="status.changed", title=f"Status: {company.status} → {data.status}",
                           company_id=company.id, actor=actor_name(actor),
                           detail={"from": company.status, "to": str(data.status)})
        company.status = str(data.status)
    if data.tags is not None:
        await repo.set_company_tags(s, company.id, data.tags)
    company.search_text = company_search_text(company)
    await s.flush()
    return company


async def delete_company(s: AsyncSession, company_id: int) -> None:
    await repo.delete(s, await get_company(s, company_id))


async def duplicates_of(s: AsyncSession, company_id: int) -> list[CompanyRead]:
    return await company_reads(s, await repo.duplicate_companies(s, await get_company(s, company_id)))


async def merge_companies(s: AsyncSession, target_id: int, duplicate_id: int, actor: Principal) -> Company:
    """Keep ``target``; fill its gaps from the duplicate, move everything over, delete the duplicate."""
    if target_id == duplicate_id:
        raise Invalid("A company cannot be merged into itself.")
    target, dup = await get_company(s, target_id), await get_company(s, duplicate_id)
    for key in (*COMPANY_FACTS, "website", "summary"):
        if getattr(target, key) in (None, "") and getattr(dup, key) not in (None, ""):
            setattr(target, key, getattr(dup, key))
    target.emails = list(dict.fromkeys([*(target.emails or []), *(dup.emails or [])]))
    target.phones = list(dict.fromkeys([*(target.phones or []), *(dup.phones or [])]))
    target.social = {**(dup.social or {}), **(target.social or {})}
    target.evidence = {**(dup.evidence or {}), **(target.evidence or {})}
    tags = (await repo.company_tags(s, [target.id, dup.id]))
    dup_domain = dup.domain
    await repo.move_company_children(s, dup.id, target.id)
    await repo.delete(s, dup)
    if target.domain is None and dup_domain:
        target.domain = dup_domain
    await repo.set_company_tags(s, target.id, [*tags[target.id], *tags[dup.id]])
    target.search_text = company_search_text(target)
    await add_activity(s, type_="company.merged", title=f"Merged {dup.name} (#{duplicate_id}) into this company",
                       company_id=target.id, actor=actor_name(actor), detail={"duplicate_id": duplicate_id})
    await s.flush()
    return target


# --- contacts -------------------------------------------------------------------------------------
async def get_contact(s: AsyncSession, contact_id: int) -> Contact:
    contact = await repo.get_contact(s, contact_id)
    if contact is None:
        raise NotFound(f"Contact {contact_id} does not exist.")
    return contact


async def contact_reads(s: AsyncSession, rows: Sequence[Contact]) -> list[ContactRead]:
    tags = await repo.contact_tags(s, [c.id for c in rows])
    companies = await repo.companies_by_ids(s, list({c.company_id for c in rows if c.company_id}))
    out = []
    for c in rows:
        company = companies.get(c.company_id) if c.company_id else None
        out.append(ContactRead.model_validate(c).model_copy(update={
            "tags": tags.get(c.id, []), "company_name": company.name if company else None}))
    return out


async def contact_read(s: AsyncSession, contact_id: int) -> ContactRead:
    return (await contact_reads(s, [await get_contact(s, contact_id)]))[0]


async def list_contacts(s: AsyncSession, *, limit: int, offset: int, **filters: Any) -> Page[ContactRead]:
    rows, total = await repo.list_contacts(s, limit=limit, offset=offset, **filters)
    return Page[ContactRead](items=[ContactRead.model_validate(row) for row in rows], total=total, limit=limit,
                             offset=offset)


async def contact_reach_json(s: AsyncSession, ids: Sequence[int]) -> bytes:
    """:class:`ContactReachList` as JSON, written straight from the rows: the sender asks for 500 contacts before
    every batch, and building, validating and serialising a model a contact was most of the call's CPU. The rows'
    columns are the schema's fields, and their values are already of its types (the tests compare both)."""
    rows = await repo.contact_reach(s, ids)
    keys = rows[0]._fields if rows else ()
    # dict(zip(...)) with the names read once, not Row._asdict() a row: that was a third of the call.
    return orjson.dumps({"items": [dict(zip(keys, row, strict=True)) for row in rows]})


async def _apply_contact_fields(s: AsyncSession, contact: Contact, data: ContactCreate | ContactUpdate,
                                writer: str = provenance.MANUAL) -> list[str]:
    """Write what ``writer`` may write (see provenance); the names of the fields written."""
    fields = data.model_dump(exclude_unset=True, exclude={"tags", "status", "legal_basis", "legal_basis_source",
                                                          "evidence"})
    fields = provenance.writable(contact, fields, writer)
    if fields.get("name"):
        fields["name"], typed_form = split_form_of_address(fields["name"])
        # "Herr Dr. Klaus Bergmann" records the form of address, unless the request names one itself.
        if typed_form != "unknown" and "form_of_address" not in data.model_fields_set:
            fields["form_of_address"] = typed_form
    if "form_of_address" in fields and fields["form_of_address"] is None:
        fields["form_of_address"] = "unknown"
    if fields.get("email"):
        fields["email"] = str(fields["email"]).lower()
        other = await repo.get_contact_by_email(s, fields["email"])
        if other is not None and other.id != contact.id:
            raise Conflict(f"{fields['email']} belongs to contact {other.id} ({other.name}) already.")
    if fields.get("company_id") is not None:
        await get_company(s, fields["company_id"])
    for key, value in fields.items():
        if key == "name" and not value:
            raise Invalid("A contact needs a name.", errors=[{"loc": ["body", "name"], "msg": "must not be empty"}])
        setattr(contact, key, value)
    if data.legal_basis is not None:
        source = data.legal_basis_source if data.legal_basis_source is not None else contact.legal_basis_source
        if data.legal_basis == "consent" and not source:
            raise Invalid("Consent needs its source (where and how it was given).",
                          errors=[{"loc": ["body", "legal_basis_source"], "msg": "required for consent"}])
        contact.legal_basis, contact.legal_basis_source = str(data.legal_basis), source
        contact.legal_basis_at = utcnow()
    contact.search_text = contact_search_text(contact)
    return list(fields)


async def create_contact(s: AsyncSession, data: ContactCreate, actor: Principal | None,
                         source: str | None = None) -> Contact:
    if source is None:
        source = (actor.service if actor is not None else None) or provenance.MANUAL
    contact = Contact(name=data.name, status=str(data.status or "new"), source=source,
                      evidence=service_evidence(data, actor), legal_basis="none")
    await _apply_contact_fields(s, contact, data)
    await repo.add(s, contact)
    if data.tags is not None:
        await repo.set_contact_tags(s, contact.id, data.tags)
    await add_activity(s, type_="contact.created", title=f"Contact added: {contact.name}",
                       company_id=contact.company_id, contact_id=contact.id, actor=actor_name(actor))
    return contact


async def update_contact(s: AsyncSession, contact_id: int, data: ContactUpdate, actor: Principal) -> Contact:
    contact = await get_contact(s, contact_id)
    basis_before = contact.legal_basis
    written = await _apply_contact_fields(s, contact, data, actor.service or provenance.MANUAL)
    if given := {k: v for k, v in service_evidence(data, actor).items() if k in written}:
        contact.evidence = {**(contact.evidence or {}), **given}
    if data.status is not None and data.status != contact.status:
        await add_activity(s, type_="status.changed", title=f"Status: {contact.status} → {data.status}",
                           contact_id=contact.id, actor=actor_name(actor),
                           detail={"from": contact.status, "to": str(data.status)})
        contact.status = str(data.status)
    if contact.legal_basis != basis_before:
        await add_activity(s, type_="legal_basis.changed", title=f"Legal basis: {contact.legal_basis}",
                           contact_id=contact.id, actor=actor_name(actor),
                           detail={"from": basis_before, "to": contact.legal_basis,
                                   "source": contact.legal_basis_source})
    if data.tags is not None:
        await repo.set_contact_tags(s, contact.id, data.tags)
    await s.flush()
    return contact


async def delete_contact(s: AsyncSession, contact_id: int) -> None:
    await repo.delete(s, await get_contact(s, contact_id))


async def merge_contacts(s: AsyncSession, target_id: int, duplicate_id: int, actor: Principal) -> Contact:
    if target_id == duplicate_id:
        raise Invalid("A contact cannot be merged into itself.")
    target, dup = await get_contact(s, target_id), await get_contact(s, duplicate_id)
    dup_email = dup.email
    for key in ("company_id", "role", "phone", "linkedin", "country", "legal_basis_source", "legal_basis_at"):
        if getattr(target, key) in (None, "") and getattr(dup, key) not in (None, ""):
            setattr(target, key, getattr(dup, key))
    if target.form_of_address == "unknown":
        target.form_of_address = dup.form_of_address
    if target.legal_basis == "none" and dup.legal_basis != "none":
        target.legal_basis = dup.legal_basis
    tags = await repo.contact_tags(s, [target.id, dup.id])
    await repo.move_contact_children(s, dup.id, target.id)
    await repo.delete(s, dup)
    if not target.email and dup_email:
        target.email = dup_email
    await repo.set_contact_tags(s, target.id, [*tags[target.id], *tags[dup.id]])
    target.search_text = contact_search_text(target)
    await add_activity(s, type_="contact.merged", title=f"Merged {dup.name} (#{duplicate_id}) into this contact",
                       contact_id=target.id, company_id=target.company_id, actor=actor_name(actor))
    await s.flush()
    return target


# --- notes and the timeline -------------------------------------------------------------------------
async def add_note(s: AsyncSession, body: str, actor: Principal, *, company_id: int | None = None,
                   contact_id: int | None = None) -> Note:
    if company_id is not None:
        await get_company(s, company_id)
    if contact_id is not None:
        await get_contact(s, contact_id)
    note = await repo.add(s, Note(company_id=company_id, contact_id=contact_id, body=body,
                                  author_id=actor.user_id, author=actor_name(actor)))
    await add_activity(s, type_="note", title="Note", company_id=company_id, contact_id=contact_id,
                       actor=actor_name(actor), detail={"note_id": note.id, "body": body[:2000]})
    return note  # type: ignore[no-any-return]


async def list_notes(s: AsyncSession, *, company_id: int | None = None,
                     contact_id: int | None = None) -> list[NoteRead]:
    return [NoteRead.model_validate(n) for n in await repo.list_notes(s, company_id=company_id,
                                                                       contact_id=contact_id)]


async def company_timeline(s: AsyncSession, company_id: int, limit: int, offset: int) -> Page[ActivityRead]:
    await get_company(s, company_id)
    contact_ids = await repo.contact_ids_of_company(s, company_id)
    rows, total = await repo.timeline(s, company_id=company_id, contact_ids=contact_ids, limit=limit, offset=offset)
    return Page[ActivityRead](items=[ActivityRead.model_validate(r) for r in rows], total=total, limit=limit,
                              offset=offset)


async def contact_timeline(s: AsyncSession, contact_id: int, limit: int, offset: int) -> Page[ActivityRead]:
    await get_contact(s, contact_id)
    rows, total = await repo.timeline(s, company_id=None, contact_ids=[contact_id], limit=limit, offset=offset)
    return Page[ActivityRead](items=[ActivityRead.model_validate(r) for r in rows], total=total, limit=limit,
                              offset=offset)


async def record_activity(s: AsyncSession, data: ActivityCreate, caller: Principal) -> tuple[Activity, bool]:
    """Another service's timeline entry; the same (source, external_id) twice is recorded once."""
    source = caller.service or caller.actor
    if data.external_id:
        existing = await repo.get_activity_by_external(s, source, data.external_id)
        if existing is not None:
            return existing, False
    contact = None
    if data.contact_id is not None:
        contact = await get_contact(s, data.contact_id)
    elif data.contact_email:
        contact = await repo.get_contact_by_email(s, str(data.contact_email).lower())
        if contact is None:
            raise NotFound(f"No contact has the e-mail {data.contact_email}.")
    company_id = data.company_id or (contact.company_id if contact else None)
    if company_id is None and contact is None:
        raise Invalid("Name a company_id, a contact_id or a contact_email.")
    if company_id is not None:
        await get_company(s, company_id)
    row = Activity(type=data.type, title=data.title, detail=data.detail, company_id=company_id,
                   contact_id=contact.id if contact else None, actor=source, source=source,
                   external_id=data.external_id, occurred_at=data.occurred_at or utcnow())
    return await repo.add(s, row), True
