"""Writing: a new e-mail from an instruction, a draft improved, a campaign step personalised.

Offline (no model) the writer composes from building blocks (writer_rules), the edits keep what matters
(writer_edits). With a model, the prompt carries the same rules: the register, the greeting to use
verbatim, the website's facts with their pages, the sender's offer and sign-off. Either way the result
is then checked here: the greeting is the contact's, a fact attributed to the website must be on it
(claims), links and e-mail addresses survive only when a source had them, and an edit keeps the draft's
greeting, call to action and sign-off. Contact, company, site facts, the template and the draft reach
the model in ``UNTRUSTED_…`` blocks. Merge fields (``{{first_name}}``, ``{{salutation}}``) are filled when
a recipient is known; unknown ones (``{{unsubscribe_url}}``) are left for the e-mail service.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from services.leads.schemas import salutation

from . import writer_edits, writer_rules
from .claims import drop_unsupported
from .deps import AIRuntime
from .engine import Caller
from .grounding import Source, strip_unsourced
from .models import Prompt
from .prompts import PLACEHOLDER_RE
from .schemas import AIMeta, EmailDraft, EmailResult, ImproveRequest, PersonaliseRequest, WriteEmailRequest
from .sources import neutralise, untrusted_block
from .writing_context import (
    Context,
    allowed_source,
    brief,
    closing,
    facts_block,
    gather,
    greeting_of,
    merge_fields,
    record_blocks,
    register_hint,
    sender_block,
    sources_text,
)

LENGTH_HINT = {"short": "25-90 words", "medium": "45-150 words", "long": "70-250 words"}
TONE_HINT = {"formal": "formal", "friendly": "friendly and warm", "direct": "direct and to the point"}
ACTIONS = {"improve": "improve clarity and flow",
           "shorter": "make it about half as long; keep the greeting line, the call to action and the sign-off",
           "more_personal": "add one sentence in the sender's voice about the recipient's company, citing one fact "
                            "from the website facts with its page in brackets; never present the company's own "
                            "sentences as the sender's",
           "fix_grammar": "fix grammar, spelling and punctuation only; change no other word"}
RULES_NOTE = "Rules (not AI) write German and English only; this draft is in English."


def fill_merge_fields(text: str, fields: dict[str, str]) -> str:
    """Fill the merge fields a recipient has; leave the others for whoever sends the e-mail."""
    return PLACEHOLDER_RE.sub(lambda m: fields.get(m.group(1), m.group(0)), text)


async def _generate(runtime: AIRuntime, caller: Caller, purpose: str, prompt: Prompt, values: dict[str, str],
                    offline: Callable[[], tuple[EmailDraft, list[str]]]) -> tuple[EmailDraft, AIMeta, list[str]]:
    def answer() -> tuple[dict[str, Any], list[str]]:
        draft, notes = offline()
        return draft.model_dump(), notes

    generated = await runtime.deps.engine.generate(caller, purpose, prompt, values, answer)
    return EmailDraft.model_validate(generated.data), generated.meta, generated.warnings


def _with_greeting(body: str, greeting: str) -> tuple[str, bool]:
    """The body starting with ``greeting``: a different greeting line is replaced, a missing one added."""
    current = greeting_of(body)
    if current == greeting:
        return body, False
    if current is not None:
        return body.strip().replace(current, greeting, 1), True
    return f"{greeting}\n\n{body.strip()}", True


def _finish(draft: EmailDraft, meta: AIMeta, allowed: Source, fields: dict[str, str] | None, warnings: list[str],
            ctx: Context, sources: str, given: str = "") -> EmailResult:
    subject, gone_subject = strip_unsourced(draft.subject, allowed)
    body, gone_body = strip_unsourced(draft.body, allowed)
    gone = gone_subject + gone_body
    if gone:
        warnings = [*warnings, f"Removed links or addresses that no template or record contained: {', '.join(gone)}"]
    body, dropped = drop_unsupported(body or "", ctx.site.pages if ctx.site else [], sources, given)
    subject, body = subject or "", body or ""
    if fields:
        subject, body = fill_merge_fields(subject, fields), fill_merge_fields(body, fields)
    return EmailResult(subject=subject, body=body, ai=meta, stripped_links=len(gone), warnings=[*warnings, *dropped])


async def write_email(runtime: AIRuntime, caller: Caller, req: WriteEmailRequest) -> EmailResult:
    manual = req.contact.model_dump() if req.contact else None
    ctx = await gather(runtime, caller, contact_id=req.contact_id, company_id=req.company_id, manual=manual)
    b = brief(ctx, instruction=req.instruction, language=req.language, register=req.formality, tone=req.tone,
              length=req.length, sender_name=req.sender_name)
    fields = merge_fields(ctx, b.sender, language=req.language, register=req.formality)
    prompt = await runtime.deps.engine.prompt("write_email")
    template = req.template if req.template and (req.template.subject or req.template.body) else None
    texts = [req.instruction, template.subject if template else "", template.body if template else "",
             json.dumps(manual or {})]
    known = ctx.recipient_name is not None
    greeting = fields.get("salutation") or salutation(None, None, req.language, req.formality)
    language_notes = [] if req.language in ("de", "en") else [RULES_NOTE]

    def offline() -> tuple[EmailDraft, list[str]]:
        if template is not None:
            notes = ["Rules (not AI) filled in the template; the instruction needs a model."] if req.instruction else []
            return EmailDraft(subject=template.subject or "-", body=template.body or "-"), notes
        composed = writer_rules.compose(b)
        return composed.draft, [*language_notes, *composed.notes]

    person, firm = record_blocks(ctx)
    values = {"tone": TONE_HINT[req.tone], "length": LENGTH_HINT[req.length], "language": req.language,
              "register": register_hint(req.language, req.formality), "salutation": greeting,
              "sender": sender_block(b.sender), "sign_off": closing(b),
              "instruction": neutralise(req.instruction) or "(none)",
              "template": (untrusted_block("TEMPLATE", f"Subject: {template.subject}\n{template.body}") if template
                           else "(none)"),
              "contact": person, "company": firm, "site_facts": facts_block(b)}
    draft, meta, notes = await _generate(runtime, caller, "write", prompt, values, offline)
    warnings = [*ctx.notes, *notes]
    if meta.generated_by == "model" and known and not (template and "{{" in template.body):
        body, changed = _with_greeting(draft.body, greeting)
        if changed:
            draft = draft.model_copy(update={"body": body})
            warnings.append(f"The greeting was set to \u201c{greeting}\u201d (the contact's form of address and "
                            "the register decide it).")
    return _finish(draft, meta, allowed_source(texts, ctx, b.sender), fields if known else None, warnings, ctx,
                   sources_text(ctx, b.sender, *texts), given=template.body if template else "")


def _keeps_what_matters(before: str, after: str, action: str, language: str) -> tuple[str, list[str]]:
    """An edit keeps the draft's greeting, call to action and sign-off (a model's edit is put right)."""
    old, new = writer_edits.split_draft(before), writer_edits.split_draft(after)
    notes: list[str] = []
    if old.greeting and new.greeting != old.greeting:
        new.greeting = old.greeting
        notes.append("The draft's greeting was kept.")
    cta_before = next((p for p in reversed(old.paragraphs) if writer_edits.CTA_RE.search(p)), None)
    if cta_before and not any(writer_edits.CTA_RE.search(p) for p in new.paragraphs):
        new.paragraphs.append(writer_edits.keep_cta(cta_before))
        notes.append("The draft's call to action was kept.")
    if old.sign_off and not new.sign_off:
        new.sign_off = old.sign_off
        notes.append("The draft's sign-off was kept.")
    if action == "fix_grammar":
        words_before, words_after = len(before.split()), len(after.split())
        if abs(words_before - words_after) > max(3, words_before // 10):
            return writer_edits.fix_grammar(before, language), ["The model changed more than grammar; the draft "
                                                                "was only corrected by rules instead."]
    return (new.render() if notes else after), notes


async def improve_email(runtime: AIRuntime, caller: Caller, req: ImproveRequest) -> EmailResult:
    ctx = await gather(runtime, caller, contact_id=req.contact_id, company_id=req.company_id)
    language = req.language or writer_rules.guess_language(req.body)
    register = req.formality or (writer_rules.register_of(req.body) if language == "de" else "formal")
    b = brief(ctx, instruction=req.instruction, language=language, register=register, tone=req.tone or "friendly",
              length="medium", sender_name=None)
    prompt = await runtime.deps.engine.prompt("improve_email")
    texts = [req.subject, req.body, req.instruction]

    def offline() -> tuple[EmailDraft, list[str]]:
        notes: list[str] = []
        body = req.body
        if req.action == "fix_grammar":
            body = writer_edits.fix_grammar(req.body, language)
        elif req.action == "improve":
            body = writer_edits.improve(req.body, language)
        elif req.action == "shorter":
            body, notes = writer_edits.shorter(req.body)
        else:
            body, notes, _fact = writer_edits.more_personal(req.body, b)
        subject = req.subject
        if req.action in ("fix_grammar", "improve"):
            subject = writer_edits.fix_grammar(req.subject, language)
        fallback = "Kurze Frage" if writer_rules.writer_language(language) == "de" else "Quick question"
        return EmailDraft(subject=(subject or fallback)[:300], body=body or req.body), notes

    person, _firm = record_blocks(ctx)
    values = {"action": ACTIONS[req.action], "tone": TONE_HINT[req.tone] if req.tone else "keep the draft's tone",
              "language": language, "register": register_hint(language, register),
              "salutation": writer_edits.split_draft(req.body).greeting or "(keep the draft's)",
              "sign_off": writer_edits.split_draft(req.body).sign_off or "(keep the draft's)",
              "instruction": neutralise(req.instruction) or "(none)", "site_facts": facts_block(b),
              "draft": untrusted_block("DRAFT", f"Subject: {req.subject}\n{req.body}"), "contact": person,
              "sender": sender_block(b.sender)}
    draft, meta, notes = await _generate(runtime, caller, "improve", prompt, values, offline)
    warnings = [*ctx.notes, *notes]
    if meta.generated_by == "model":
        body, kept = _keeps_what_matters(req.body, draft.body, req.action, language)
        draft, warnings = draft.model_copy(update={"body": body}), [*warnings, *kept]
    return _finish(draft, meta, allowed_source(texts, ctx, b.sender), None, warnings, ctx,
                   sources_text(ctx, b.sender, *texts), given=req.body)


async def personalise(runtime: AIRuntime, caller: Caller, req: PersonaliseRequest) -> EmailResult:
    ctx = await gather(runtime, caller, contact_id=req.contact_id)
    language = req.language or writer_rules.guess_language(req.body)
    b = brief(ctx, instruction=req.instruction, language=language, register=req.formality, tone=req.tone,
              length="medium", sender_name=None)
    fields = merge_fields(ctx, b.sender, language=language, register=req.formality)
    prompt = await runtime.deps.engine.prompt("personalise_step")
    texts = [req.subject, req.body, req.instruction]

    def offline() -> tuple[EmailDraft, list[str]]:
        if req.opening_line:
            body, notes, _fact = writer_edits.more_personal(req.body, b)
            return EmailDraft(subject=req.subject or "-", body=body), notes
        return EmailDraft(subject=req.subject or "-", body=req.body), []

    instruction = "; ".join(filter(None, [ACTIONS["more_personal"] if req.opening_line else "",
                                          neutralise(req.instruction)]))
    person, firm = record_blocks(ctx)
    values = {"tone": TONE_HINT[req.tone], "language": req.language or "the template's language",
              "register": register_hint(language, req.formality),
              "salutation": fields.get("salutation", "(none)"), "sign_off": closing(b),
              "instruction": instruction or "(none)",
              "template": untrusted_block("TEMPLATE", f"Subject: {req.subject}\n{req.body}"), "contact": person,
              "company": firm, "site_facts": facts_block(b), "sender": sender_block(b.sender)}
    draft, meta, notes = await _generate(runtime, caller, "personalise", prompt, values, offline)
    return _finish(draft, meta, allowed_source(texts, ctx, b.sender), fields, [*ctx.notes, *notes], ctx,
                   sources_text(ctx, b.sender, *texts), given=req.body)

