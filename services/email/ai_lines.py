"""AI lines: one personal opening line per contact for the steps that ask for it, with the page it cites.

When a draft campaign is saved (created or changed) with a step that asks for a line, or when someone asks
again, the job ``email.ai_lines`` asks the ai service,
per enrolled contact and per step with ``ai_line``, to personalise a short neutral draft with an opening line
(``POST /ai/personalise``, ``opening_line``): the ai service adds one sentence about the prospect grounded
in the company's crawled pages and cites the page's URL. The job keeps that sentence
(the draft's own sentences taken away), its URL, and as snippet the line of that page's text that
states it (read from leads' stored crawl). Without a model the ai service's offline writer composes
the sentence from extracted site facts, and the line is labelled ``rules (not AI)``. When nothing
citable is known the contact gets no line (the template's ``{{ ai_line }}`` renders empty).

Lines are keyed by (campaign, contact, step): a repeated run only fills the gaps, and no database
session is open while the ai service or leads answers. An admin reviews them before the start:
``PATCH /email/ai-lines/{id}`` edits (status ``edited``), accepts or rejects; only accepted or edited
lines render.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.ai.schemas import PersonaliseRequest
from services.kit.db import session_scope
from services.kit.errors import AppError, Conflict, NotFound
from services.kit.jobs import JobContext
from services.leads.schemas import ContactRead, SiteCrawlRead

from . import repository as repo
from .deps import EmailRuntime
from .models import DRAFT

log = logging.getLogger("outbound.email.ai_lines")

AI_LINES_JOB = "email.ai_lines"
GERMAN = frozenset({"DE", "AT", "CH", "LI"})
_SCAFFOLD = {
    "de": ("Guten Tag,", "ich melde mich kurz bei Ihnen.", "Viele Grüße"),
    "en": ("Hello,", "I am getting in touch briefly.", "Best regards"),
}
_URL = re.compile(r"\s*\(?\bhttps?://[^\s)]+\)?")
_WORD = re.compile(r"\w{3,}", re.U)


def language_of(contact: ContactRead) -> str:
    return "de" if (contact.country or "").upper() in GERMAN else "en"


def scaffold(language: str) -> str:
    greeting, sentence, closing = _SCAFFOLD[language]
    return f"{greeting}\n\n{sentence}\n\n{closing}"


def new_line(draft: str, result: str) -> tuple[str, str | None]:
    """The sentence the ai service added to ``draft`` (without its URL) and the URL it cites."""
    old = {p.strip().lower() for p in re.split(r"\n\s*\n", draft) if p.strip()}
    added = [p.strip() for p in re.split(r"\n\s*\n", result) if p.strip() and p.strip().lower() not in old]
    with_url = [p for p in added if _URL.search(p)]
    chosen = (with_url or added or [""])[0]
    # The offline writer may put the added sentence in front of the draft's own one, in one paragraph.
    for own in old:
        if own and own in chosen.lower():
            start = chosen.lower().index(own)
            chosen = (chosen[:start] + chosen[start + len(own):]).strip()
    url_match = _URL.search(chosen)
    url = url_match.group().strip().strip("()") if url_match else None
    line = _URL.sub("", chosen).strip()
    line = re.sub(r"\s+([.,;:!?])", r"\1", line)
    if line and line[0].islower():
        line = line[0].upper() + line[1:]
    return line, url


def snippet_for(line: str, url: str | None, site: SiteCrawlRead | None) -> str | None:
    """The line of the cited page's text that shares most words with the AI line (the evidence)."""
    if site is None or url is None:
        return None
    page = next((p for p in site.pages if p.url.rstrip("/") == url.rstrip("/")), None)
    if page is None:
        return None
    words = {w.lower() for w in _WORD.findall(line)}
    best, score = None, 0
    for text_line in page.text.splitlines():
        overlap = len(words & {w.lower() for w in _WORD.findall(text_line)})
        if overlap > score:
            best, score = text_line.strip(), overlap
    return best[:500] if best else None


async def start(runtime: EmailRuntime, campaign_id: int, actor: str | None) -> tuple[int, list[int]]:
    """Enqueue the generation for a draft campaign; (job id, steps that ask for a line)."""
    async with session_scope(runtime.sessions) as s:
        campaign = await repo.get_campaign(s, campaign_id)
        if campaign is None:
            raise NotFound(f"Campaign {campaign_id} does not exist.")
        if campaign.status != DRAFT:
            raise Conflict("AI lines are made while the campaign is a draft; this one has started.")
        started = await enqueue_for_draft(s, runtime, campaign_id, actor)
        if started is None:
            raise Conflict("No step of this campaign asks for an AI line (a step's ai_line flag).")
        return started


async def enqueue_for_draft(s: AsyncSession, runtime: EmailRuntime, campaign_id: int,
                            actor: str | None) -> tuple[int, list[int]] | None:
    """In the caller's unit of work: enqueue the generation when a step asks for a line — a saved draft gets its
    lines without anyone asking, ready for review (a run only fills gaps); None when no step asks, and in the
    public demo, which makes no AI calls (asking there is refused by the route policy)."""
    if runtime.settings.demo_mode:
        return None
    steps = await repo.ai_line_steps(s, campaign_id)
    if not steps:
        return None
    contacts = await repo.campaign_contact_ids(s, campaign_id)
    job = await runtime.jobs.enqueue(s, AI_LINES_JOB, {"campaign_id": campaign_id}, total=len(contacts) * len(steps),
                                     owner=actor)
    return int(job.id), steps


async def _one(runtime: EmailRuntime, contact_id: int) -> dict[str, Any] | None:
    """The line for one contact, computed with no session open; None when the contact is gone."""
    leads, ai = runtime.deps.leads, runtime.deps.ai
    try:
        contact = await leads.get_contact(contact_id)
    except NotFound:
        return None
    language = language_of(contact)
    draft = scaffold(language)
    result = await ai.personalise(PersonaliseRequest(subject="", body=draft, contact_id=contact_id, language=language,
                                                     opening_line=True))
    line, url = new_line(draft, result.body)
    site = None
    if url and contact.company_id is not None:
        try:
            site = await leads.company_site(contact.company_id)
        except AppError as exc:  # the evidence is a nicety; the line stands without it
            log.info("no site for company %s: %s", contact.company_id, exc)
    provider = "rules (not AI)" if result.ai.generated_by != "model" else f"{result.ai.provider}:{result.ai.model}"
    return {"line": line, "source_url": url, "snippet": snippet_for(line, url, site), "provider": provider[:64],
            "notes": result.warnings}


async def generate(ctx: JobContext) -> dict[str, Any]:
    """Job: fill the missing AI lines of a campaign."""
    runtime: EmailRuntime = ctx.runtime
    campaign_id = int(ctx.payload["campaign_id"])
    async with session_scope(runtime.sessions, writes=False) as s:
        campaign = await repo.get_campaign(s, campaign_id)
        if campaign is None:
            return {"skipped": "the campaign no longer exists"}
        steps = await repo.ai_line_steps(s, campaign_id)
        contacts = await repo.campaign_contact_ids(s, campaign_id)
        have = await repo.ai_line_keys(s, campaign_id)
    made = empty = kept = gone = 0
    done = 0
    for contact_id in contacts:
        missing = [st for st in steps if (contact_id, st) not in have]
        if not missing:
            kept += len(steps)
            done += len(steps)
            continue
        found = await _one(runtime, contact_id)
        async with session_scope(runtime.sessions) as s:
            for step in missing:
                if found is None:
                    gone += 1
                    continue
                status = "proposed" if found["line"] else "rejected"
                empty += 0 if found["line"] else 1
                if await repo.insert_ai_line(s, campaign_id=campaign_id, contact_id=contact_id, step=step,
                                             line=found["line"], source_url=found["source_url"],
                                             snippet=found["snippet"], provider=found["provider"], status=status):
                    made += 1
        done += len(steps)
        await ctx.progress(done, len(contacts) * len(steps))
    return {"made": made, "without_line": empty, "kept": kept, "contacts_gone": gone}


HANDLERS = {AI_LINES_JOB: generate}
