"""What a template sees for one contact, and rendering it into a ledger row's content.

The context is built from what leads, users and the campaign say (fetched before any database session
opens); the catalogue of names is :data:`services.email.template_variables.STANDARD_VARIABLES`.
``{{ salutation }}`` is the contact's greeting line in the company's language (German for DE/AT/CH or a
German company language, English otherwise), formal unless the campaign says otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from services.kit.errors import Invalid
from services.leads.schemas import CompanyRead, ContactReach, ContactRead, parse_name
from services.users.schemas import SenderProfile

from .addresses import parse_cached
from .gdpr import gdpr_notice
from .models import Campaign, Mailbox, Template
from .templates import CompiledTemplate, RenderedContent, TemplateEngine, TemplateSource

GERMAN_COUNTRIES = frozenset({"DE", "AT", "CH", "LI"})
LEGAL_BASIS_COUNTRIES = frozenset({"DE", "AT", "CH"})


def source_of(template: Template) -> TemplateSource:
    return TemplateSource(subject=template.subject, html=template.body_html, text=template.body_text)


class TemplateCache:
    """Compiled templates by (id, updated_at): preparing 10,000 messages compiles each template once."""

    def __init__(self, engine: TemplateEngine) -> None:
        self.engine = engine
        self._compiled: dict[tuple[int, str], CompiledTemplate] = {}

    def get(self, template: Template) -> CompiledTemplate:
        key = (template.id, template.updated_at.isoformat() if template.updated_at else "")
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self.engine.compile(source_of(template))
            self._compiled[key] = compiled
        return compiled


def country_of(contact: ContactRead | None, company: CompanyRead | None) -> str | None:
    """The country the contact is reached in: the company's, else the contact's own."""
    return _first_country(company.country if company else None, contact.country if contact else None)


def _first_country(*values: str | None) -> str | None:
    for value in values:
        if value:
            return value.strip().upper()
    return None


def language_of(contact: ContactRead | None, company: CompanyRead | None) -> str:
    if company is not None and company.language:
        return company.language.lower()
    return "de" if country_of(contact, company) in GERMAN_COUNTRIES else "en"


def needs_legal_basis(contact: ContactRead, company: CompanyRead | None) -> bool:
    """DE/AT/CH companies (or contacts there) may be mailed only with a recorded legal basis."""
    return _basis_missing(country_of(contact, company), str(contact.legal_basis))


def reach_needs_legal_basis(reach: ContactReach) -> bool:
    """:func:`needs_legal_basis` for what the sender re-checks just before a message goes."""
    return _basis_missing(_first_country(reach.company_country, reach.country), str(reach.legal_basis))


def _basis_missing(country: str | None, legal_basis: str) -> bool:
    return country in LEGAL_BASIS_COUNTRIES and legal_basis in ("none", "")


def _company(company: CompanyRead | None) -> dict[str, Any]:
    if company is None:
        return {}
    return {"id": company.id, "name": company.name, "domain": company.domain, "website": company.website,
            "city": company.city, "country": company.country, "industry": company.industry,
            "employees": company.employees, "language": company.language, "summary": company.summary,
            "tags": list(company.tags)}


def _ai(company: CompanyRead | None, opening_line: str | None) -> dict[str, Any]:
    """The latest AI profile as leads keeps it: the summary and industry the enricher wrote, and its hook."""
    hook = None
    if company is not None:
        evidence = company.evidence or {}
        hook_ev = evidence.get("hook") if isinstance(evidence, dict) else None
        if isinstance(hook_ev, dict):
            hook = hook_ev.get("snippet") or hook_ev.get("value")
    return {"summary": company.summary if company else None, "industry": company.industry if company else None,
            "hook": hook, "opening_line": opening_line}


@dataclass(frozen=True, slots=True)
class SenderInfo:
    name: str | None
    email: str
    role: str | None = None
    company: str | None = None
    offer: str | None = None
    calendar_url: str | None = None
    signature: str | None = None

    @classmethod
    def of(cls, mailbox: Mailbox | None, profile: SenderProfile | None) -> SenderInfo:
        name = (mailbox.from_name if mailbox else None) or (profile.name if profile else None)
        return cls(name=name, email=mailbox.from_email if mailbox else "",
                   role=profile.role if profile else None, company=profile.company if profile else None,
                   offer=profile.offer if profile else None, calendar_url=profile.calendar_url if profile else None,
                   signature=profile.signature if profile else None)

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "email": self.email, "role": self.role, "company": self.company,
                "offer": self.offer, "calendar_url": self.calendar_url, "signature": self.signature}


def build_context(*, contact: ContactRead, company: CompanyRead | None, sender: SenderInfo,
                  campaign: Campaign | None, unsubscribe_url: str | None, opening_line: str | None = None,
                  register: str = "formal", first_message: bool = True,
                  booking_url: str | None = None) -> dict[str, Any]:
    """``booking_url``: the contact's personal link to the campaign's booking page; without one the
    sender profile's calendar_url stands in."""
    parsed = parse_name(contact.name)
    language = language_of(contact, company)
    # Art. 14 GDPR: the first message says where the data came from (emailin, gdpr.py).
    notice = gdpr_notice(contact, company, language=language, controller=sender.company or sender.name,
                         unsubscribe_url=unsubscribe_url) if first_message else ""
    return {
        "contact": {"id": contact.id, "name": contact.name, "first_name": parsed.first_name or None,
                    "last_name": parsed.last_name or None, "role": contact.role, "email": contact.email,
                    "phone": contact.phone, "country": contact.country, "tags": list(contact.tags)},
        "company": _company(company),
        "ai": _ai(company, opening_line),
        "sender": sender.as_dict(),
        "campaign": {"id": campaign.id, "name": campaign.name} if campaign is not None else {},
        "salutation": contact.salutations.pick(language, register),
        "language": language,
        "booking_url": booking_url or sender.calendar_url,
        "unsubscribe_url": unsubscribe_url,
        # The reviewed AI line (accepted or edited; empty when rejected or never made) and the notice.
        "ai_line": opening_line or "",
        "gdpr_notice": notice,
    }


def render(compiled: CompiledTemplate, context: Mapping[str, Any]) -> RenderedContent:
    return compiled.render(context)


def contact_address(contact: ContactRead) -> str | None:
    """The contact's sending address in its canonical form, None when it has none that works."""
    if not contact.email:
        return None
    try:
        return parse_cached(contact.email).email
    except Invalid:
        return None
