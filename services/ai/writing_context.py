"""What a draft is written from, gathered from the other services: the contact and company (leads), the
company's website as last crawled (leads, never crawled again here), and the sender profile (users).

No session is held during these calls. A sender profile that cannot be read leaves the draft unsigned
by name, with a warning, rather than failing the request.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from services.kit.errors import AppError, NotFound
from services.leads.schemas import CompanyRead, ContactRead, SiteCrawlRead, parse_name, salutation
from services.users.schemas import SenderProfile

from .deps import AIRuntime
from .engine import Caller
from .grounding import Source
from .site_facts import SiteFact, prose_name, site_facts
from .sources import untrusted_block
from .writer_rules import Brief, Sender, detect_intent, sign_off, writer_language


@dataclass
class Context:
    """The records behind one draft."""

    contact: ContactRead | None = None
    company: CompanyRead | None = None
    site: SiteCrawlRead | None = None
    manual: dict[str, Any] | None = None  # a recipient typed in by hand
    profile: SenderProfile | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def recipient_name(self) -> str | None:
        return (self.contact.name if self.contact else None) or (self.manual or {}).get("name") or None

    @property
    def form_of_address(self) -> str | None:
        return self.contact.form_of_address if self.contact else (self.manual or {}).get("form_of_address")

    @property
    def them(self) -> str | None:
        """The prospect's company in prose: the site's legal name or the record's, without legal form."""
        names = [self.site.record.company_name if self.site else None, self.company.name if self.company else None,
                 (self.manual or {}).get("company")]
        return next((n for n in (prose_name(x) for x in names) if n), None)

    def facts(self, language: str | None) -> list[SiteFact]:
        lang = writer_language(language)
        return [f for f in site_facts(self.site, self.company) if f.fits(lang)]

    def sender(self, sender_name: str | None) -> Sender:
        profile = self.profile
        company = profile.company if profile else None
        return Sender(name=sender_name or (profile.name if profile else None), role=profile.role if profile else None,
                      company=company, company_prose=prose_name(company),
                      offer=profile.offer if profile else None,
                      calendar_url=profile.calendar_url if profile else None,
                      signature=profile.signature if profile else None)


async def gather(runtime: AIRuntime, caller: Caller, *, contact_id: int | None = None,
                 company_id: int | None = None, manual: dict[str, Any] | None = None) -> Context:
    leads = runtime.deps.leads
    ctx = Context(manual=manual)
    ctx.contact = await leads.get_contact(contact_id) if contact_id else None
    company_id = company_id or (ctx.contact.company_id if ctx.contact else None)
    ctx.company = await leads.get_company(company_id) if company_id else None
    if ctx.company is not None:
        try:
            ctx.site = await leads.company_site(ctx.company.id)
        except AppError as exc:
            ctx.notes.append(f"The company's website could not be read ({exc.detail}); no fact is cited.")
    if caller.user_id is not None:
        try:
            ctx.profile = await runtime.deps.users.sender_profile(caller.user_id)
        except NotFound:
            ctx.profile = None
        except AppError as exc:
            ctx.notes.append(f"Your sender profile could not be read ({exc.detail}); the draft is not signed with it.")
    return ctx


def brief(ctx: Context, *, instruction: str, language: str | None, register: str, tone: str, length: str,
          sender_name: str | None) -> Brief:
    intent, wants_call, minutes = detect_intent(instruction)
    return Brief(language=writer_language(language), register="informal" if register == "informal" else "formal",
                 tone=tone, length=length, intent=intent, wants_call=wants_call, minutes=minutes,
                 recipient_name=ctx.recipient_name, form_of_address=ctx.form_of_address, them=ctx.them,
                 facts=ctx.facts(language), sender=ctx.sender(sender_name))


# --- merge fields and what the model reads ------------------------------------------------------------
def merge_fields(ctx: Context, sender: Sender, *, language: str | None, register: str) -> dict[str, str]:
    """What ``{{…}}`` merge fields a recipient fills ({{salutation}} by the leads service's rules)."""
    contact, company, manual = ctx.contact, ctx.company, ctx.manual or {}
    name = ctx.recipient_name or ""
    parsed = parse_name(name)
    fields = {
        "name": parsed.name if name else "", "full_name": parsed.name if name else "",
        "first_name": parsed.first_name, "last_name": parsed.last_name,
        "role": (contact.role if contact else manual.get("role")) or "",
        "email": (contact.email if contact else manual.get("email")) or "",
        "company": (company.name if company else manual.get("company")) or "",
        "city": (company.city if company else None) or "", "industry": (company.industry if company else None) or "",
        "website": (company.website if company else None) or "", "sender_name": sender.name or "",
        "sender_role": sender.role or "", "sender_company": sender.company or "",
        "calendar_link": sender.calendar_url or "",
    }
    if name:
        fields["salutation"] = salutation(name, ctx.form_of_address, language, register)
    fields["company_name"] = fields["company"]
    return {k: v for k, v in fields.items() if v}


def _dump(values: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in values.items() if v}, ensure_ascii=False, indent=1)


def record_blocks(ctx: Context) -> tuple[str, str]:
    contact, company, manual = ctx.contact, ctx.company, ctx.manual or {}
    person: dict[str, Any] = ({"name": contact.name, "form_of_address": contact.form_of_address, "role": contact.role,
                               "email": contact.email} if contact
                              else {k: v for k, v in manual.items() if v and k != "company"})
    firm: dict[str, Any] = ({"name": company.name, "industry": company.industry, "city": company.city,
                             "website": company.website, "summary": company.summary} if company
                            else {"name": manual.get("company")})
    return untrusted_block("CONTACT", _dump(person)), untrusted_block("COMPANY", _dump(firm))


def facts_block(b: Brief) -> str:
    if not b.facts:
        return "(none: state no fact about the company)"
    subject, dative = b.subject_words()
    lines = [f"- {f.clause(b.language, subject, dative)} (source: {f.url})" for f in b.facts]
    return untrusted_block("SITE_FACTS", "\n".join(lines))


def sender_block(sender: Sender) -> str:
    values = {"name": sender.name, "role": sender.role, "company": sender.company, "offer": sender.offer,
              "calendar_link": sender.calendar_url}
    if not any(values.values()):
        return "(not given)"
    return untrusted_block("SENDER", _dump(values))


def register_hint(language: str, register: str) -> str:
    if writer_language(language) == "de":
        return ('informal: address the reader as "du" throughout and their company as "ihr"/"euer Unternehmen"'
                if register == "informal" else
                'formal: address the reader as "Sie" throughout and their company as "Ihr Unternehmen"; never "du"')
    return ("informal: first names, contractions are fine" if register == "informal"
            else "formal: no first-name familiarity, no slang")


def closing(b: Brief) -> str:
    return sign_off(b.language, b.register, b.tone, b.sender)


def allowed_source(texts: list[str], ctx: Context, sender: Sender) -> Source:
    """Links and addresses a draft may contain: the company's site and pages, the sender's booking link,
    and whatever the template, instruction or draft had."""
    company = ctx.company
    urls = [company.website] if company and company.website else []
    urls += [p.url for p in ctx.site.pages] if ctx.site else []
    texts = [*texts, sender.calendar_url or "", sender.signature or ""]
    return Source.build(texts, urls=urls, emails=company.emails if company else [])


def sources_text(ctx: Context, sender: Sender, *texts: str) -> str:
    """Everything a year in a draft may come from."""
    parts = [*texts, json.dumps(ctx.manual or {}, ensure_ascii=False), sender.offer or "", sender.signature or ""]
    if ctx.contact:
        parts.append(ctx.contact.model_dump_json())
    if ctx.company:
        parts.append(ctx.company.model_dump_json())
    if ctx.site:
        parts += [p.text for p in ctx.site.pages]
    return "\n".join(parts)


def greeting_of(body: str) -> str | None:
    first = body.strip().split("\n", 1)[0].strip()
    return first if re.match(r"^(sehr geehrte|guten tag|hallo|hi\b|hey|hello|dear|liebe|moin|servus|good )",
                             first, re.I) and len(first.split()) <= 10 else None

