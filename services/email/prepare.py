"""Rendering a campaign into the ledger: step 1 for every enrolled contact when it starts (the
``email.prepare`` job), later steps as they fall due (the sending engine calls :func:`render_due_steps`).

Contacts come from leads before any unit of work opens; rows go in with ON CONFLICT DO NOTHING on the
ledger's UNIQUE (campaign, contact, step), so a preparation that died half-way and runs again adds only
what is missing. Excluded contacts (no address, suppressed, no legal basis, duplicate) are stopped with
the reason, which the eligibility list shows too.

A campaign with a booking page gives every contact their personal link as ``{{ booking_url }}``; the links
come from the calendar service per batch, before the batch's unit of work, at most
:data:`LINK_CONCURRENCY` calls at a time. When the calendar fails for any contact the whole batch is left
unwritten and :class:`~services.kit.errors.Upstream` is raised: the preparation job is retried by the
job queue (with its backoff) and resumes at that batch, and a due later step comes back after its render
lease. Falling back to the page's generic link instead would send mail whose bookings no longer say which
lead and campaign they came from, for good.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from services.calendar.schemas import LinkCreate
from services.kit.errors import AppError, Invalid, Upstream
from services.kit.jobs import JobContext
from services.leads.schemas import CompanyRead, ContactRead

from . import repository as repo
from . import variants, wire
from .addresses import parse_cached
from .deps import EmailRuntime
from .inbound_service import tracking_links
from .links import UnsubscribeTarget, unsubscribe_token, unsubscribe_url
from .models import ACTIVE, PAUSED, QUEUED, RUNNING, STOPPED, Campaign, CampaignContact, CampaignStep, Mailbox
from .pacing import contact_timezone, next_window_time, step_due_at
from .render import SenderInfo, TemplateCache, build_context, contact_address, country_of
from .service import audience, campaign_message_id, judge, reads, sender_profile, window_of, writes
from .templates import CompiledTemplate
from .tracking import is_unsubscribe_link
from .variants import Variant

log = logging.getLogger("outbound.email.prepare")
BATCH = 500
# A due enrolment taken for rendering is put this far ahead, so another sender does not take it too.
RENDER_LEASE = timedelta(minutes=5)
# Personal booking links asked of the calendar service at once.
LINK_CONCURRENCY = 8


@dataclass
class CampaignParts:
    campaign: Campaign
    steps: dict[int, CampaignStep]
    compiled: dict[int, dict[str, CompiledTemplate]]  # per step, per A/B variant label ("A" alone without a test)
    registers: dict[int, dict[str, str]]  # per step and variant: the template's salutation register
    mailboxes: dict[int, Mailbox]
    mailbox_order: list[int]
    texts: dict[int, list[Variant]]  # per step: its variants (one for a step without a test)


async def load_parts(runtime: EmailRuntime, campaign_id: int, cache: TemplateCache) -> CampaignParts | None:
    async with reads(runtime) as s:
        campaign = await repo.get_campaign(s, campaign_id)
        if campaign is None:
            return None
        steps = {st.position: st for st in await repo.campaign_steps(s, campaign_id)}
        texts = {pos: variants.of_step(st.template_id, st.variants) for pos, st in steps.items()}
        templates = await repo.templates_by_ids(s, [v.template_id for vs in texts.values() for v in vs])
        order = await repo.campaign_mailbox_ids(s, campaign_id)
        mailboxes = await repo.mailboxes_by_ids(s, order)
    # A step whose templates are not all there any more is left out (its enrolments finish, as before).
    usable = {pos: vs for pos, vs in texts.items() if all(v.template_id in templates for v in vs)}
    compiled = {pos: {v.label: cache.get(templates[v.template_id]) for v in vs} for pos, vs in usable.items()}
    registers = {pos: {v.label: templates[v.template_id].register for v in vs} for pos, vs in usable.items()}
    return CampaignParts(campaign, steps, compiled, registers, mailboxes, [m for m in order if m in mailboxes],
                         usable)


async def booking_links(runtime: EmailRuntime, campaign: Campaign, contact_ids: Sequence[int]) -> dict[int, str]:
    """Each contact's personal link to the campaign's booking page ({} when the campaign has none); raises
    Upstream when the calendar cannot make one (see the module doc). Call it outside any session."""
    page_id = campaign.booking_page_id
    if page_id is None or not contact_ids:
        return {}
    gate = asyncio.Semaphore(LINK_CONCURRENCY)

    async def one(contact_id: int) -> tuple[int, str]:
        async with gate:
            link = await runtime.deps.calendar.personal_link(
                LinkCreate(page_id=page_id, contact_id=contact_id, campaign_id=campaign.id))
            return contact_id, link.url

    try:
        return dict(await asyncio.gather(*(one(c) for c in dict.fromkeys(contact_ids))))
    except AppError as exc:
        raise Upstream(f"The calendar service could not make the booking links of campaign {campaign.id} "
                       f"(page {page_id}): {exc.detail}") from exc


def zone_name(runtime: EmailRuntime, enrolment: CampaignContact, contact: ContactRead,
              company: CompanyRead | None) -> str:
    settings = runtime.settings
    zone = contact_timezone(country_of(contact, company), enrolment.timezone,
                            default=settings.email_default_timezone, overrides=settings.email_country_timezones)
    return zone.key


def render_row(runtime: EmailRuntime, parts: CampaignParts, position: int, enrolment: CampaignContact,
               contact: ContactRead, company: CompanyRead | None, sender_profile_: Any, mailbox: Mailbox,
               now: datetime, due: datetime, opening_line: str | None,
               booking_url: str | None = None) -> dict[str, Any]:
    """One ledger row (a dict for a bulk insert); raises TemplateProblem when the template fails here."""
    campaign = parts.campaign
    address = contact_address(contact)
    assert address is not None
    texts = parts.texts[position]
    text = variants.pick(texts, campaign.id, contact.id, position)
    token = unsubscribe_token(runtime.deps.link_key, UnsubscribeTarget(address, contact.id, campaign.id))
    context = build_context(contact=contact, company=company, sender=SenderInfo.of(mailbox, sender_profile_),
                            campaign=campaign, unsubscribe_url=unsubscribe_url(runtime.settings.public_url, token),
                            opening_line=opening_line, first_message=position == 1, booking_url=booking_url,
                            register=parts.registers[position].get(text.label, "formal"))
    content = parts.compiled[position][text.label].render(context)
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(enrolment.timezone or zone_name(runtime, enrolment, contact, company))
    send_at = next_window_time(window_of(campaign.send_window), max(now, due), zone)
    previous = (campaign_message_id(runtime, mailbox, campaign.id, contact.id, position - 1)
                if position > 1 else None)
    message_id = campaign_message_id(runtime, mailbox, campaign.id, contact.id, position)
    html = content.html
    if html and (campaign.track_clicks or campaign.track_opens):
        # Signed links for this Message-ID (emailin, tracking.py); the unsubscribe link stays untracked.
        html = tracking_links(runtime).rewrite_html(html, message_id, clicks=campaign.track_clicks,
                                                    pixel=campaign.track_opens, skip=is_unsubscribe_link)
    row: dict[str, Any] = {
        "campaign_id": campaign.id, "enrolment_id": enrolment.id, "contact_id": contact.id,
        "company_id": contact.company_id, "step": position, "mailbox_id": mailbox.id, "to_email": address,
        "to_name": contact.name, "reply_to": mailbox.reply_to, "subject": content.subject,
        "body_html": html, "body_text": content.text, "status": QUEUED, "message_id": message_id,
        "in_reply_to": previous, "variant": text.label if len(texts) > 1 else None, "attempts": 0,
        "next_attempt_at": send_at, "created_at": now, "updated_at": now, "wire": None, "wire_key": None,
    }
    try:  # built now, so that the sender's event loop only sends (wire.py)
        row["wire"] = wire.build(runtime, SimpleNamespace(**row), mailbox, date=None)
        row["wire_key"] = wire.sender_key(runtime, mailbox)
    except AppError:
        pass  # the sender tries again and, failing too, records why the message cannot be built
    return row


def mailable(enrolled: Sequence[CampaignContact], contacts: dict[int, ContactRead | None],
             companies: dict[int, CompanyRead | None], suppressed: dict[str, str]) -> list[int]:
    """The contacts of these enrolments that may be mailed (a booking link is made only for them)."""
    out = []
    for e in enrolled:
        contact = contacts.get(e.contact_id)
        company = companies.get(contact.company_id) if contact is not None and contact.company_id else None
        if contact is not None and judge(contact, company, suppressed, set()) is None:
            out.append(contact.id)
    return out


async def prepare_campaign(ctx: JobContext) -> dict[str, Any]:
    """Step 1 of every enrolled contact into the ledger (resumable; see the module doc)."""
    runtime: EmailRuntime = ctx.runtime
    campaign_id = int(ctx.payload["campaign_id"])
    cache = TemplateCache(runtime.deps.templates)
    parts = await load_parts(runtime, campaign_id, cache)
    if parts is None or parts.campaign.status not in (RUNNING, PAUSED):
        return {"skipped": "the campaign is not running"}
    if parts.campaign.prepared_at is not None:
        return {"skipped": "already prepared"}
    if 1 not in parts.compiled or not parts.mailbox_order:
        raise Invalid("the campaign has no first step or no mailbox")
    async with reads(runtime) as s:
        todo = [e for e in await repo.enrolments(s, campaign_id) if e.status == ACTIVE and e.next_step == 1]
        lines = await repo.accepted_ai_lines(s, campaign_id, 1)
        # Addresses a run that died half-way already rendered: a second contact with one of them is a duplicate.
        already = {parse_cached(e.email).key for e in await repo.enrolments(s, campaign_id)
                   if e.next_step > 1 and e.email}
    profile = await sender_profile(runtime, parts.campaign.created_by)
    now = runtime.deps.clock()
    first = parts.steps[1]
    done = made = excluded = 0
    total = len(todo)
    for start in range(0, len(todo), BATCH):
        batch = todo[start:start + BATCH]
        contacts, companies, suppressed = await audience(runtime, [e.contact_id for e in batch])
        links = await booking_links(runtime, parts.campaign, mailable(batch, contacts, companies, suppressed))
        rows: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        seen: set[str] = set()
        for i, enrolment in enumerate(batch):
            contact = contacts.get(enrolment.contact_id)
            company = companies.get(contact.company_id) if contact is not None and contact.company_id else None
            verdict = judge(contact, company, suppressed, seen)
            if verdict is None and contact is not None:
                address = contact_address(contact)
                if address is not None and parse_cached(address).key in already:
                    verdict = ("duplicate", "another contact of this campaign has the same address")
            if verdict is not None or contact is None:
                reason = verdict[0] if verdict else "contact_missing"
                updates.append({"id": enrolment.id, "status": STOPPED, "stop_reason": reason,
                                "excluded_reason": reason, "stopped_at": now, "next_due_at": None})
                excluded += 1
                continue
            mailbox = parts.mailboxes[parts.mailbox_order[(start + i) % len(parts.mailbox_order)]]
            zone = zone_name(runtime, enrolment, contact, company)
            enrolment.timezone = zone
            from zoneinfo import ZoneInfo

            due = step_due_at(now, first.delay_days, ZoneInfo(zone), business_days=first.business_days)
            try:
                row = render_row(runtime, parts, 1, enrolment, contact, company, profile, mailbox, now, due,
                                 lines.get(contact.id), links.get(contact.id))
            except Invalid as exc:
                updates.append({"id": enrolment.id, "status": STOPPED, "stop_reason": "render_failed",
                                "excluded_reason": "render_failed", "stopped_at": now, "next_due_at": None})
                log.warning("campaign %s contact %s: %s", campaign_id, contact.id, exc)
                excluded += 1
                continue
            rows.append(row)
            updates.append({"id": enrolment.id, "email": row["to_email"], "company_id": contact.company_id,
                            "timezone": zone, "mailbox_id": mailbox.id, "next_step": 2, "next_due_at": None})
            made += 1
        async with writes(runtime) as s:
            await repo.insert_messages(s, rows)
            await repo.update_enrolments(s, updates)
        done += len(batch)
        await ctx.progress(done, total)
        if runtime.deps.engine is not None:
            runtime.deps.engine.wake()
    async with writes(runtime) as s:
        campaign = await repo.get_campaign(s, campaign_id)
        if campaign is not None:
            campaign.prepared_at = runtime.deps.clock()
        if made:
            await repo.analyze_ledger(s)
    return {"messages": made, "excluded": excluded}


async def render_due_steps(runtime: EmailRuntime, *, limit: int = 200) -> int:
    """Render the next step of enrolments whose time has come; how many rows were added."""
    now = runtime.deps.clock()
    async with writes(runtime) as s:
        due = list(await repo.due_enrolments(s, now, limit=limit))
        if not due:
            return 0
        await repo.update_enrolments(s, [{"id": e.id, "next_due_at": now + RENDER_LEASE} for e in due])
    by_campaign: dict[int, list[CampaignContact]] = {}
    for e in due:
        by_campaign.setdefault(e.campaign_id, []).append(e)
    cache = TemplateCache(runtime.deps.templates)
    added = 0
    for campaign_id, enrolled in by_campaign.items():
        added += await _render_step_batch(runtime, campaign_id, enrolled, cache, now)
    return added


async def _render_step_batch(runtime: EmailRuntime, campaign_id: int, enrolled: Sequence[CampaignContact],
                             cache: TemplateCache, now: datetime) -> int:
    parts = await load_parts(runtime, campaign_id, cache)
    if parts is None:
        return 0
    contacts, companies, suppressed = await audience(runtime, [e.contact_id for e in enrolled])
    links = await booking_links(runtime, parts.campaign, mailable(enrolled, contacts, companies, suppressed))
    profile = await sender_profile(runtime, parts.campaign.created_by)
    rows: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    lines_by_step: dict[int, dict[int, str]] = {}
    for enrolment in enrolled:
        position = enrolment.next_step
        contact = contacts.get(enrolment.contact_id)
        company = companies.get(contact.company_id) if contact is not None and contact.company_id else None
        verdict = judge(contact, company, suppressed, set())
        if position not in parts.compiled:
            updates.append({"id": enrolment.id, "status": "finished", "next_due_at": None})
            continue
        if verdict is not None or contact is None:
            reason = verdict[0] if verdict else "contact_missing"
            updates.append({"id": enrolment.id, "status": STOPPED, "stop_reason": reason, "stopped_at": now,
                            "next_due_at": None})
            continue
        mailbox = parts.mailboxes.get(enrolment.mailbox_id or 0) or parts.mailboxes[parts.mailbox_order[0]]
        if position not in lines_by_step:
            async with reads(runtime) as s:
                lines_by_step[position] = await repo.accepted_ai_lines(s, campaign_id, position)
        try:
            row = render_row(runtime, parts, position, enrolment, contact, company, profile, mailbox, now, now,
                             lines_by_step[position].get(contact.id), links.get(contact.id))
        except Invalid as exc:
            log.warning("campaign %s contact %s step %s: %s", campaign_id, contact.id, position, exc)
            updates.append({"id": enrolment.id, "status": STOPPED, "stop_reason": "render_failed",
                            "stopped_at": now, "next_due_at": None})
            continue
        rows.append(row)
        updates.append({"id": enrolment.id, "next_step": position + 1, "next_due_at": None})
    async with writes(runtime) as s:
        await repo.insert_messages(s, rows)
        await repo.update_enrolments(s, updates)
    return len(rows)
