"""Writing: a new e-mail from an instruction, a draft improved, a campaign step personalised.

Contact and company come from the leads service; they, the template and the draft reach the model
in ``UNTRUSTED_…`` blocks. Links and e-mail addresses in the result survive only when the template,
the instruction, the draft or the records had them. Merge fields (``{{first_name}}``) are filled
when a recipient is known; unknown ones (``{{unsubscribe_url}}``) are left for the e-mail service.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from services.leads.schemas import CompanyRead, ContactRead

from . import heuristic
from .deps import AIRuntime
from .engine import Caller
from .grounding import Source, strip_unsourced
from .models import Prompt
from .prompts import PLACEHOLDER_RE
from .schemas import AIMeta, EmailDraft, EmailResult, ImproveRequest, PersonaliseRequest, WriteEmailRequest
from .sources import neutralise, untrusted_block

LENGTH_HINT = {"short": "at most 80 words", "medium": "80-150 words", "long": "150-250 words"}
TONE_HINT = {"formal": "formal", "friendly": "friendly and warm", "direct": "direct and to the point"}


def merge_fields(contact: ContactRead | None, company: CompanyRead | None,
                 manual: dict[str, str | None] | None = None, sender: str | None = None) -> dict[str, str]:
    """What ``{{…}}`` merge fields a recipient fills."""
    name = (contact.name if contact else None) or (manual or {}).get("name") or ""
    parts = re.sub(r"^(herr|frau|mr|mrs|ms|dr|prof)\.?\s+", "", name, flags=re.I).split()
    fields = {
        "name": name, "full_name": name, "first_name": parts[0] if parts else "",
        "last_name": parts[-1] if len(parts) > 1 else "",
        "role": (contact.role if contact else (manual or {}).get("role")) or "",
        "email": (contact.email if contact else (manual or {}).get("email")) or "",
        "company": (company.name if company else (manual or {}).get("company")) or "",
        "city": (company.city if company else None) or "", "industry": (company.industry if company else None) or "",
        "website": (company.website if company else None) or "", "sender_name": sender or "",
    }
    fields["company_name"] = fields["company"]
    return {k: v for k, v in fields.items() if v}


def fill_merge_fields(text: str, fields: dict[str, str]) -> str:
    """Fill the merge fields a recipient has; leave the others for whoever sends the e-mail."""
    return PLACEHOLDER_RE.sub(lambda m: fields.get(m.group(1), m.group(0)), text)


def _records(contact: ContactRead | None, company: CompanyRead | None,
             manual: dict[str, Any] | None) -> tuple[str, str]:
    person: dict[str, Any] = ({"name": contact.name, "role": contact.role, "email": contact.email} if contact
                              else {k: v for k, v in (manual or {}).items() if v and k != "company"})
    firm: dict[str, Any] = ({"name": company.name, "industry": company.industry, "city": company.city,
                             "website": company.website, "summary": company.summary} if company
                            else {"name": (manual or {}).get("company")})
    def dump(values: dict[str, Any]) -> str:
        return json.dumps({k: v for k, v in values.items() if v}, ensure_ascii=False, indent=1)

    return untrusted_block("CONTACT", dump(person)), untrusted_block("COMPANY", dump(firm))


async def _context(runtime: AIRuntime, contact_id: int | None,
                   company_id: int | None) -> tuple[ContactRead | None, CompanyRead | None]:
    leads = runtime.deps.leads
    contact = await leads.get_contact(contact_id) if contact_id else None
    company_id = company_id or (contact.company_id if contact else None)
    company = await leads.get_company(company_id) if company_id else None
    return contact, company


def _allowed(texts: list[str], company: CompanyRead | None) -> Source:
    urls = [company.website] if company and company.website else []
    return Source.build(texts, urls=urls, emails=company.emails if company else [])


async def _generate(runtime: AIRuntime, caller: Caller, purpose: str, prompt: Prompt, values: dict[str, str],
                    offline: Callable[[], tuple[EmailDraft, list[str]]]) -> tuple[EmailDraft, AIMeta, list[str]]:
    def answer() -> tuple[dict[str, Any], list[str]]:
        draft, notes = offline()
        return draft.model_dump(), notes

    generated = await runtime.deps.engine.generate(caller, purpose, prompt, values, answer)
    return EmailDraft.model_validate(generated.data), generated.meta, generated.warnings


def _finish(draft: EmailDraft, meta: AIMeta, allowed: Source, fields: dict[str, str] | None,
            warnings: list[str]) -> EmailResult:
    subject, gone_subject = strip_unsourced(draft.subject, allowed)
    body, gone_body = strip_unsourced(draft.body, allowed)
    gone = gone_subject + gone_body
    if gone:
        warnings = [*warnings, f"Removed links or addresses that no template or record contained: {', '.join(gone)}"]
    subject, body = subject or "", body or ""
    if fields:
        subject, body = fill_merge_fields(subject, fields), fill_merge_fields(body, fields)
    return EmailResult(subject=subject, body=body, ai=meta, stripped_links=len(gone), warnings=warnings)


async def write_email(runtime: AIRuntime, caller: Caller, req: WriteEmailRequest) -> EmailResult:
    contact, company = await _context(runtime, req.contact_id, req.company_id)
    manual = req.contact.model_dump() if req.contact else None
    fields = merge_fields(contact, company, manual, req.sender_name)
    prompt = await runtime.deps.engine.prompt("write_email")
    template = req.template or None
    allowed = _allowed([req.instruction, template.subject if template else "", template.body if template else "",
                        json.dumps(manual or {})], company)
    known = bool(contact or manual)

    def offline() -> tuple[EmailDraft, list[str]]:
        if template and (template.subject or template.body):
            notes = ["Rules (not AI) filled in the template; the instruction needs a model."] if req.instruction else []
            return EmailDraft(subject=template.subject or "-", body=template.body or "-"), notes
        return heuristic.write(fields, req.instruction, req.tone, req.length, req.language), []

    person, firm = _records(contact, company, manual)
    tmpl = (untrusted_block("TEMPLATE", f"Subject: {template.subject}\n{template.body}") if template
            else "(none)")
    values = {"tone": TONE_HINT[req.tone], "length": LENGTH_HINT[req.length], "language": req.language,
              "sender": neutralise(req.sender_name or "(not given)"),
              "instruction": neutralise(req.instruction) or "(none)",
              "template": tmpl, "contact": person, "company": firm}
    draft, meta, notes = await _generate(runtime, caller, "write", prompt, values, offline)
    return _finish(draft, meta, allowed, fields if known else None, notes)


async def improve_email(runtime: AIRuntime, caller: Caller, req: ImproveRequest) -> EmailResult:
    contact, company = await _context(runtime, req.contact_id, None)
    fields = merge_fields(contact, company)
    prompt = await runtime.deps.engine.prompt("improve_email")
    allowed = _allowed([req.subject, req.body, req.instruction], company)
    language = req.language or heuristic.guess_language(req.body)

    def offline() -> tuple[EmailDraft, list[str]]:
        about = company.summary if company and req.action == "more_personal" and company.summary else None
        return heuristic.improve(req.subject, req.body, req.action, fields, language, about), []

    person, _firm = _records(contact, company, None)
    actions = {"improve": "improve clarity and flow", "shorter": "make it about half as long",
               "more_personal": "make it more personal to the recipient",
               "fix_grammar": "fix grammar and spelling only"}
    values = {"action": actions[req.action], "tone": TONE_HINT[req.tone] if req.tone else "keep the draft's tone",
              "language": language or "the draft's language", "instruction": neutralise(req.instruction) or "(none)",
              "draft": untrusted_block("DRAFT", f"Subject: {req.subject}\n{req.body}"), "contact": person}
    draft, meta, notes = await _generate(runtime, caller, "improve", prompt, values, offline)
    return _finish(draft, meta, allowed, None, notes)


async def personalise(runtime: AIRuntime, caller: Caller, req: PersonaliseRequest) -> EmailResult:
    contact, company = await _context(runtime, req.contact_id, None)
    fields = merge_fields(contact, company)
    prompt = await runtime.deps.engine.prompt("personalise_step")
    allowed = _allowed([req.subject, req.body, req.instruction], company)

    def offline() -> tuple[EmailDraft, list[str]]:
        return EmailDraft(subject=req.subject or "-", body=req.body), []

    person, firm = _records(contact, company, None)
    values = {"tone": TONE_HINT[req.tone], "language": req.language or "the template's language",
              "instruction": neutralise(req.instruction) or "(none)",
              "template": untrusted_block("TEMPLATE", f"Subject: {req.subject}\n{req.body}"), "contact": person,
              "company": firm}
    draft, meta, notes = await _generate(runtime, caller, "personalise", prompt, values, offline)
    return _finish(draft, meta, allowed, fields, notes)
