"""CSV import and export of companies (UTF-8, comma or semicolon; German and English headers)."""

from __future__ import annotations

import csv
import io
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.auth import Principal
from services.kit.errors import Invalid

from . import repository as repo
from .providers import registrable_domain
from .schemas import CompanyCreate, CompanyRead, ContactCreate, ImportReport
from .service import create_company, create_contact, list_companies

EXPORT_COLUMNS = ["id", "name", "domain", "website", "legal_form", "street", "postal_code", "city", "country",
                  "emails", "phones", "fax", "register_court", "register_number", "vat_id", "industry", "employees",
                  "status", "tags", "contact_count", "created_at"]
# Header spellings people use, mapped to our fields.
ALIASES = {
    "name": "name", "company": "name", "firma": "name", "unternehmen": "name", "company_name": "name",
    "website": "website", "url": "website", "domain": "website", "homepage": "website", "webseite": "website",
    "internet": "website", "legal_form": "legal_form", "rechtsform": "legal_form",
    "street": "street", "strasse": "street", "straße": "street", "address": "street", "adresse": "street",
    "postal_code": "postal_code", "zip": "postal_code", "plz": "postal_code", "postcode": "postal_code",
    "city": "city", "ort": "city", "stadt": "city", "country": "country", "land": "country",
    "email": "emails", "emails": "emails", "e-mail": "emails", "mail": "emails",
    "phone": "phones", "phones": "phones", "telefon": "phones", "tel": "phones",
    "fax": "fax", "industry": "industry", "branche": "industry", "employees": "employees",
    "mitarbeiter": "employees", "vat_id": "vat_id", "ust-idnr": "vat_id", "ust_id": "vat_id",
    "register_number": "register_number", "handelsregister": "register_number", "register_court": "register_court",
    "registergericht": "register_court", "tags": "tags", "status": "status",
    "contact_name": "contact_name", "ansprechpartner": "contact_name", "contact_email": "contact_email",
    "contact_role": "contact_role", "position": "contact_role",
}
_LISTS = ("emails", "phones", "tags")


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.replace(",", ";").split(";") if v.strip()]


def export_companies(rows: list[CompanyRead], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for c in rows:
        data = c.model_dump(mode="json")
        writer.writerow([_safe_cell("; ".join(data[k]) if k in _LISTS else data.get(k)) for k in EXPORT_COLUMNS])
    return "\ufeff" + out.getvalue()  # the BOM makes Excel read UTF-8


def _safe_cell(value: Any) -> Any:
    """Cells starting with = + - @ become text, so a spreadsheet never runs them as formulas."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


async def all_companies(s: AsyncSession, **filters: Any) -> list[CompanyRead]:
    out: list[CompanyRead] = []
    while True:
        page = await list_companies(s, limit=500, offset=len(out), **filters)
        out += page.items
        if len(out) >= page.total or not page.items:
            return out


FIELD_LIMIT = 131_072  # the csv module's own limit; longer cells are refused with their line


def parse_csv(data: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and the rows, each with the line it starts on; anything malformed is a 422 naming the line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")  # what Excel on Windows writes when asked for "CSV"
    sample = text[:4096]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
    # newline="" lets the csv module see every line ending (CRLF, LF, a bare CR) itself; strict=True
    # turns an unterminated quote into an error instead of one row swallowing the rest of the file.
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, dict[str, str]]] = []
    line = 1
    try:
        headers = [h.strip().lower() for h in reader.fieldnames or []]
        line = reader.line_num + 1
        for row in reader:
            rows.append((line, {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()
                                if isinstance(v, str)}))
            line = reader.line_num + 1
    except csv.Error as exc:
        reason = str(exc)
        if "field limit" in reason:
            reason = f"a cell is longer than {FIELD_LIMIT:,} characters"
        elif "unexpected end of data" in reason:
            reason = "a quote opened here is never closed"
        raise Invalid(f"The CSV cannot be read from line {line} on: {reason}.",
                      errors=[{"loc": ["body", "file"], "msg": f"line {line}: {reason}"}]) from exc
    if not any(ALIASES.get(h) == "name" for h in headers) and not any(ALIASES.get(h) == "website" for h in headers):
        raise Invalid("The CSV needs a header row with a name or website column (e.g. name;website;city).")
    return headers, rows


async def import_rows(s: AsyncSession, rows: list[tuple[int, dict[str, str]]], actor: Principal,
                      report: ImportReport) -> None:
    """Import ``rows`` into ``report``; a bad row rolls back alone (a savepoint) and is reported by line."""
    for line, raw in rows:
        fields: dict[str, Any] = {}
        for header, value in raw.items():
            key = ALIASES.get(header)
            if key and value:
                fields[key] = _split(value) if key in _LISTS else value
        contact: dict[str, Any] = {k: fields.pop(k) for k in ("contact_name", "contact_email", "contact_role")
                                   if k in fields}
        if not fields.get("name") and fields.get("website"):
            fields["name"] = registrable_domain(fields["website"]) or fields["website"]
        name = str(fields.get("name") or "")[:300]
        if not name:
            report.skipped += 1
            report.errors.append({"row": line, "name": None, "error": "no name and no website"})
            continue
        try:
            async with s.begin_nested():
                domain = registrable_domain(fields["website"]) if fields.get("website") else None
                existing = await repo.get_company_by_domain(s, domain) if domain else None
                if existing is not None:
                    company, is_new = existing, False
                else:
                    company, is_new = await create_company(s, CompanyCreate(**fields), actor, source="import"), True
                if contact.get("contact_name"):
                    await _import_contact(s, company.id, contact, actor)
        except (ValidationError, Invalid, ValueError) as exc:
            report.skipped += 1
            report.errors.append({"row": line, "name": name, "error": _message(exc)})
            continue
        except Exception as exc:  # a conflict on one row must not lose the others
            report.skipped += 1
            report.errors.append({"row": line, "name": name,
                                  "error": getattr(exc, "detail", None) or exc.__class__.__name__})
            continue
        report.company_ids.append(company.id)
        report.companies.append({"row": line, "id": company.id, "name": company.name, "created": is_new})
        report.created, report.updated = report.created + is_new, report.updated + (not is_new)
    del report.errors[MAX_REPORTED:]
    del report.companies[MAX_REPORTED:]


MAX_REPORTED = 1000


async def _import_contact(s: AsyncSession, company_id: int, contact: dict[str, Any], actor: Principal) -> None:
    email = contact.get("contact_email")
    if email and await repo.get_contact_by_email(s, email.lower()):
        return
    if await repo.find_contact_by_name(s, company_id, contact["contact_name"]):
        return
    await create_contact(s, ContactCreate(name=contact["contact_name"], email=email or None,
                                          role=contact.get("contact_role"), company_id=company_id), actor,
                         source="import")


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
    return getattr(exc, "detail", None) or str(exc)
