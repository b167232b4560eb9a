"""The e-mail service's rules: mailboxes, templates, campaigns and their states, eligibility, transactional
mail, stopping sequences, unsubscribing, the ledger's admin decisions.

Calls to leads and users happen with no database session open (the architecture's rule); a unit of work
reads what it needs, ends, and the next one writes what the calls gave.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.calendar.schemas import LinkCreate
from services.kit.auth import Principal
from services.kit.db import session_scope
from services.kit.errors import AppError, Conflict, Invalid, NotFound, Upstream
from services.leads.schemas import CompanyRead, ContactRead
from services.users.schemas import SenderProfile

from . import repository as repo
from . import variants
from .addresses import parse_address, parse_cached
from .deps import EmailRuntime
from .headers import header_value, message_id
from .links import UnsubscribeTarget, read_unsubscribe_token
from .models import (
    ACTIVE,
    DEFAULT_CONNECTIONS,
    DRAFT,
    FAILED,
    PAUSED,
    QUEUED,
    RUNNING,
    STOPPED,
    UNKNOWN,
    Campaign,
    CampaignContact,
    CampaignMailbox,
    CampaignStep,
    Mailbox,
    Message,
    Template,
)
from .pacing import Pacing, SendWindow, Warmup
from .render import SenderInfo, TemplateCache, build_context, contact_address, needs_legal_basis
from .schemas import (
    AudienceRead,
    CampaignCreate,
    CampaignDetail,
    CampaignRead,
    CampaignState,
    CampaignStats,
    CampaignUpdate,
    ConnectionStepRead,
    ConnectionTestRead,
    EligibilityRead,
    EnrolmentRead,
    EventRead,
    Exclusion,
    Funnel,
    LintItem,
    MailboxCreate,
    MailboxRead,
    MailboxUpdate,
    MessageItem,
    MessageRead,
    PreviewRead,
    PreviewRequest,
    Progress,
    SendWindowIn,
    SequenceStop,
    SequenceStopped,
    StatsDay,
    StepRead,
    TemplateCreate,
    TemplateRead,
    TemplateUpdate,
    TransactionalCreate,
    TransactionalRead,
    VariantRead,
    VariantStats,
    WarmupRead,
)
from .smtp import SmtpConfig, test_connection
from .templates import CompiledTemplate, TemplateSource

log = logging.getLogger("outbound.email")
CATCHER_NAME = "Local catcher"
CATCHER_FROM = "outbound@example.com"
PREPARE_KEY = "email:prepare:{campaign_id}"


def reads(runtime: EmailRuntime) -> Any:
    """A read-only unit of work (on SQLite it takes no write lock)."""
    return session_scope(runtime.sessions, writes=False)


def writes(runtime: EmailRuntime) -> Any:
    return session_scope(runtime.sessions)


# --- pacing and windows as stored -----------------------------------------------------------------
def window_json(window: SendWindowIn | None) -> dict[str, Any] | None:
    if window is None:
        return None
    if window.start == window.end:
        raise Invalid("send_window: start and end must differ",
                      errors=[{"loc": ["send_window"], "msg": "empty window", "type": "value_error"}])
    return {"weekdays": sorted(set(window.weekdays)), "start": window.start, "end": window.end}


def window_of(data: dict[str, Any] | None) -> SendWindow | None:
    if not data:
        return None
    return SendWindow(weekdays=frozenset(int(d) for d in data["weekdays"]),
                      start=time.fromisoformat(data["start"]), end=time.fromisoformat(data["end"]))


def pacing_of(mailbox: Mailbox, jitter: float) -> Pacing:
    warmup = (Warmup(mailbox.warmup_started_on, mailbox.warmup_start_per_day, mailbox.warmup_step_per_day)
              if mailbox.warmup_started_on is not None else None)
    return Pacing(daily_limit=mailbox.daily_limit or None, min_gap_seconds=mailbox.min_gap_seconds,
                  jitter=jitter, warmup=warmup)


# --- mailboxes ------------------------------------------------------------------------------------
def mailbox_read(m: Mailbox, sent_last_24h: int = 0) -> MailboxRead:
    warmup = (WarmupRead(start_per_day=m.warmup_start_per_day, step_per_day=m.warmup_step_per_day,
                         started_on=m.warmup_started_on) if m.warmup_started_on is not None else None)
    return MailboxRead(
        id=m.id, name=m.name, from_email=m.from_email, from_name=m.from_name, reply_to=m.reply_to,
        smtp_host=m.smtp_host, smtp_port=m.smtp_port, smtp_security=m.smtp_security, smtp_username=m.smtp_username,
        has_smtp_password=m.smtp_password_sealed is not None, imap_host=m.imap_host, imap_port=m.imap_port,
        imap_security=m.imap_security, imap_username=m.imap_username,
        has_imap_password=m.imap_password_sealed is not None, daily_limit=m.daily_limit,
        min_gap_seconds=m.min_gap_seconds, max_connections=m.max_connections, warmup=warmup,
        send_window=SendWindowIn(**m.send_window) if m.send_window else None, paused_reason=m.paused_reason,
        paused_at=m.paused_at, kind="catcher" if m.kind == "catcher" else "smtp", is_default=m.is_default,
        sent_last_24h=sent_last_24h, created_at=m.created_at, updated_at=m.updated_at)


def _seal(runtime: EmailRuntime, mailbox_id: int, which: str, password: str | None) -> str | None:
    if not password:
        return None
    return runtime.deps.box.seal(password, context=f"mailbox:{mailbox_id}:{which}")


def open_password(runtime: EmailRuntime, mailbox: Mailbox, which: str) -> str | None:
    sealed = mailbox.smtp_password_sealed if which == "smtp" else mailbox.imap_password_sealed
    if sealed is None:
        return None
    return runtime.deps.box.open(sealed, context=f"mailbox:{mailbox.id}:{which}")


def _check_addresses(from_email: str | None, reply_to: str | None, from_name: str | None) -> None:
    if from_email is not None:
        parse_address(from_email, field="from_email")
    if reply_to is not None:
        parse_address(reply_to, field="reply_to")
    if from_name is not None:
        header_value(from_name, field="from_name", max_chars=200)


async def _clear_other_defaults(s: AsyncSession, keep_id: int) -> None:
    await s.execute(sa.update(Mailbox).where(Mailbox.id != keep_id, Mailbox.is_default.is_(True))
                    .values(is_default=False))


async def create_mailbox(s: AsyncSession, runtime: EmailRuntime, body: MailboxCreate, actor: str) -> Mailbox:
    _check_addresses(body.from_email, body.reply_to, body.from_name)
    settings = runtime.settings
    mailbox = Mailbox(
        name=body.name, from_email=body.from_email, from_name=body.from_name, reply_to=body.reply_to,
        smtp_host=body.smtp_host, smtp_port=body.smtp_port, smtp_security=body.smtp_security,
        smtp_username=body.smtp_username, imap_host=body.imap_host, imap_port=body.imap_port,
        imap_security=body.imap_security, imap_username=body.imap_username,
        daily_limit=body.daily_limit if body.daily_limit is not None else settings.email_default_daily_limit,
        min_gap_seconds=(body.min_gap_seconds if body.min_gap_seconds is not None
                         else settings.email_default_min_gap_seconds),
        max_connections=body.max_connections or DEFAULT_CONNECTIONS, send_window=window_json(body.send_window),
        is_default=bool(body.is_default), kind="smtp", created_by=actor)
    if body.warmup is not None:
        mailbox.warmup_started_on = body.warmup.started_on or runtime.deps.clock().date()
        mailbox.warmup_start_per_day = body.warmup.start_per_day
        mailbox.warmup_step_per_day = body.warmup.step_per_day
    await repo.add(s, mailbox)
    mailbox.smtp_password_sealed = _seal(runtime, mailbox.id, "smtp", body.smtp_password)
    mailbox.imap_password_sealed = _seal(runtime, mailbox.id, "imap", body.imap_password)
    if mailbox.is_default:
        await _clear_other_defaults(s, mailbox.id)
    await s.flush()
    return mailbox


async def update_mailbox(s: AsyncSession, runtime: EmailRuntime, mailbox_id: int, body: MailboxUpdate) -> Mailbox:
    mailbox = await must_mailbox(s, mailbox_id)
    data = body.model_dump(exclude_unset=True, by_alias=True)
    _check_addresses(data.get("from_email"), data.get("reply_to"), data.get("from_name"))
    for name in ("name", "from_email", "smtp_host", "smtp_port", "smtp_security"):
        if name in data and data[name] is None:
            raise Invalid(f"{name} cannot be removed", errors=[{"loc": [name], "msg": "required", "type": "missing"}])
    plain = ("name", "from_email", "from_name", "reply_to", "smtp_host", "smtp_port", "smtp_security",
             "smtp_username", "imap_host", "imap_port", "imap_security", "imap_username", "daily_limit",
             "min_gap_seconds", "max_connections")
    for name in plain:
        if name in data:
            setattr(mailbox, name, data[name])
    if mailbox.daily_limit is None:
        mailbox.daily_limit = runtime.settings.email_default_daily_limit
    if mailbox.min_gap_seconds is None:
        mailbox.min_gap_seconds = runtime.settings.email_default_min_gap_seconds
    if mailbox.max_connections is None:
        mailbox.max_connections = DEFAULT_CONNECTIONS
    if "smtp_password" in data:
        mailbox.smtp_password_sealed = _seal(runtime, mailbox.id, "smtp", data["smtp_password"])
    if "imap_password" in data:
        mailbox.imap_password_sealed = _seal(runtime, mailbox.id, "imap", data["imap_password"])
    if "send_window" in data:
        mailbox.send_window = window_json(body.send_window)
    if "warmup" in data:
        if body.warmup is None:
            mailbox.warmup_started_on = None
        else:
            mailbox.warmup_started_on = body.warmup.started_on or runtime.deps.clock().date()
            mailbox.warmup_start_per_day = body.warmup.start_per_day
            mailbox.warmup_step_per_day = body.warmup.step_per_day
    if data.get("is_default") is not None:
        mailbox.is_default = bool(data["is_default"])
        if mailbox.is_default:
            await _clear_other_defaults(s, mailbox.id)
    await s.flush()
    return mailbox


async def must_mailbox(s: AsyncSession, mailbox_id: int) -> Mailbox:
    mailbox = await repo.get_mailbox(s, mailbox_id)
    if mailbox is None:
        raise NotFound(f"Mailbox {mailbox_id} does not exist.")
    return mailbox


async def delete_mailbox(s: AsyncSession, mailbox_id: int) -> None:
    mailbox = await must_mailbox(s, mailbox_id)
    if await repo.mailbox_in_use(s, mailbox_id):
        raise Conflict("A campaign that has not ended sends through this mailbox; stop it first.")
    if await repo.mailbox_has_messages(s, mailbox_id):
        raise Conflict("Messages in the ledger were sent through this mailbox; pause it instead.")
    await s.execute(sa.delete(CampaignMailbox).where(CampaignMailbox.mailbox_id == mailbox_id))
    await s.delete(mailbox)
    await s.flush()


def smtp_config(runtime: EmailRuntime, mailbox: Mailbox) -> SmtpConfig:
    settings = runtime.settings
    security = mailbox.smtp_security if mailbox.smtp_security in ("none", "starttls", "tls") else "starttls"
    return SmtpConfig(host=mailbox.smtp_host, port=mailbox.smtp_port, security=security,  # type: ignore[arg-type]
                      username=mailbox.smtp_username, password=open_password(runtime, mailbox, "smtp"),
                      timeout=settings.smtp_timeout, tls_verify=settings.smtp_tls_verify,
                      local_hostname=None if mailbox.kind != "catcher" else "localhost")


async def test_mailbox(runtime: EmailRuntime, mailbox_id: int) -> ConnectionTestRead:
    async with reads(runtime) as s:
        mailbox = await must_mailbox(s, mailbox_id)
    try:
        config = smtp_config(runtime, mailbox)
    except Exception as exc:  # a sealed password that no longer opens (another key)
        return ConnectionTestRead(ok=False, steps=[], error=f"the stored password cannot be read: {exc}")
    report = await test_connection(config)
    return ConnectionTestRead(ok=report.ok, error=report.error,
                              steps=[ConnectionStepRead(name=st.name, ok=st.ok, reply=st.reply) for st in report.steps])


async def resume_mailbox(s: AsyncSession, mailbox_id: int) -> Mailbox:
    mailbox = await must_mailbox(s, mailbox_id)
    mailbox.paused_reason, mailbox.paused_at, mailbox.next_send_at = None, None, None
    await s.flush()
    return mailbox


async def ensure_catcher_mailbox(runtime: EmailRuntime, port: int) -> int:
    """The "Local catcher" mailbox, pointing at this start's catcher port (created on the first start)."""
    async with writes(runtime) as s:
        mailbox = await repo.catcher_mailbox(s)
        if mailbox is None:
            mailbox = Mailbox(name=CATCHER_NAME, from_email=CATCHER_FROM, from_name="Outbound CRM",
                              smtp_host=runtime.settings.smtp_catcher_host, smtp_port=port, smtp_security="none",
                              daily_limit=0, min_gap_seconds=0, kind="catcher")
            await repo.add(s, mailbox)
        else:
            mailbox.smtp_host, mailbox.smtp_port = runtime.settings.smtp_catcher_host, port
            mailbox.paused_at, mailbox.paused_reason = None, None
        await s.flush()
        return mailbox.id


async def sent_counts(s: AsyncSession, ids: Sequence[int], now: datetime) -> dict[int, int]:
    if not ids:
        return {}
    rows = await s.execute(sa.select(Message.mailbox_id, sa.func.count())
                           .where(Message.mailbox_id.in_(ids), Message.sent_at > now - repo.DAY)
                           .group_by(Message.mailbox_id))
    return {int(mid): int(n) for mid, n in rows.all() if mid is not None}


# --- templates ------------------------------------------------------------------------------------
def compile_template(runtime: EmailRuntime, subject: str, html: str | None, text: str | None) -> CompiledTemplate:
    return runtime.deps.templates.compile(TemplateSource(subject=subject, html=html, text=text))


def template_read(t: Template, runtime: EmailRuntime) -> TemplateRead:
    try:
        variables = list(compile_template(runtime, t.subject, t.body_html, t.body_text).variables)
    except Invalid:
        variables = []
    return TemplateRead(id=t.id, name=t.name, subject=t.subject, body_html=t.body_html, body_text=t.body_text,
                        formality="informal" if t.register == "informal" else "formal", variables=variables,
                        created_by=t.created_by, created_at=t.created_at, updated_at=t.updated_at)


async def create_template(s: AsyncSession, runtime: EmailRuntime, body: TemplateCreate, actor: str) -> Template:
    compile_template(runtime, body.subject, body.body_html, body.body_text)
    template = Template(name=body.name, subject=body.subject, body_html=body.body_html, body_text=body.body_text,
                        register=body.formality, created_by=actor)
    await repo.add(s, template)
    return template


async def must_template(s: AsyncSession, template_id: int) -> Template:
    template = await repo.get_template(s, template_id)
    if template is None:
        raise NotFound(f"Template {template_id} does not exist.")
    found: Template = template
    return found


async def update_template(s: AsyncSession, runtime: EmailRuntime, template_id: int,
                          body: TemplateUpdate) -> Template:
    template = await must_template(s, template_id)
    data = body.model_dump(exclude_unset=True)
    if any(data.get(key) is None and key in data for key in ("name", "subject", "register")):
        raise Invalid("name, subject and register cannot be removed")
    subject = data.get("subject", template.subject)
    html = data.get("body_html", template.body_html)
    text = data.get("body_text", template.body_text)
    compile_template(runtime, subject, html, text)
    for name in ("name", "subject", "body_html", "body_text", "register"):
        if name in data:
            setattr(template, name, data[name])
    await s.flush()
    return template


async def delete_template(s: AsyncSession, template_id: int) -> None:
    template = await must_template(s, template_id)
    if await repo.template_in_use(s, template_id):
        raise Conflict("A campaign step uses this template.")
    await s.delete(template)
    await s.flush()


# --- what leads and users say ---------------------------------------------------------------------
async def fetch_contacts(runtime: EmailRuntime, ids: Iterable[int]) -> dict[int, ContactRead | None]:
    """Contacts by id from leads (500 a call); a deleted contact is None. Raises Upstream when leads fails."""
    wanted = list(dict.fromkeys(ids))
    found = await runtime.deps.leads.contacts_by_ids(wanted) if wanted else {}
    return {cid: found.get(cid) for cid in wanted}


async def fetch_companies(runtime: EmailRuntime, ids: Iterable[int | None]) -> dict[int, CompanyRead | None]:
    wanted = list(dict.fromkeys(i for i in ids if i is not None))
    found = await runtime.deps.leads.companies_by_ids(wanted) if wanted else {}
    return {cid: found.get(cid) for cid in wanted}


async def sender_profile(runtime: EmailRuntime, actor: str | None) -> SenderProfile | None:
    """The sender profile of the user who made the campaign (``user:<id>``), None when unknown."""
    if not actor or not actor.startswith("user:"):
        return None
    try:
        return await runtime.deps.users.sender_profile(int(actor.split(":", 1)[1]))
    except (AppError, ValueError):
        return None


def actor_of(principal: Principal) -> str:
    return principal.actor


async def sample_booking_link(runtime: EmailRuntime, page_id: int | None, contact_id: int,
                              campaign_id: int | None) -> str | None:
    """The contact's personal link to the page for a preview; None (the sender's link) when there is no
    page or the calendar cannot make one now: a preview never fails for the calendar's sake."""
    if page_id is None:
        return None
    try:
        link = await runtime.deps.calendar.personal_link(
            LinkCreate(page_id=page_id, contact_id=contact_id, campaign_id=campaign_id))
    except AppError as exc:
        log.info("preview: no booking link for page %s contact %s: %s", page_id, contact_id, exc)
        return None
    return link.url


async def preview_template(runtime: EmailRuntime, template_id: int, body: PreviewRequest,
                           principal: Principal) -> PreviewRead:
    async with reads(runtime) as s:
        template = await must_template(s, template_id)
        campaign = await repo.get_campaign(s, body.campaign_id) if body.campaign_id else None
        if body.campaign_id and campaign is None:
            raise NotFound(f"Campaign {body.campaign_id} does not exist.")
        mailbox = (await repo.get_mailbox(s, body.mailbox_id) if body.mailbox_id
                   else await repo.default_mailbox(s))
        if body.mailbox_id and mailbox is None:
            raise NotFound(f"Mailbox {body.mailbox_id} does not exist.")
    contact = (await fetch_contacts(runtime, [body.contact_id]))[body.contact_id]
    if contact is None:
        raise NotFound(f"Contact {body.contact_id} does not exist.")
    company = (await fetch_companies(runtime, [contact.company_id])).get(contact.company_id or 0)
    profile = await sender_profile(runtime, campaign.created_by if campaign else actor_of(principal))
    compiled = TemplateCache(runtime.deps.templates).get(template)
    page_id = body.booking_page_id or (campaign.booking_page_id if campaign else None)
    context = build_context(contact=contact, company=company, sender=SenderInfo.of(mailbox, profile),
                            campaign=campaign, unsubscribe_url=f"{runtime.settings.public_url}/api/email/unsubscribe/…",
                            booking_url=await sample_booking_link(runtime, page_id, contact.id,
                                                                  campaign.id if campaign else None),
                            register=template.register)
    rendered = compiled.render(context)
    return PreviewRead(subject=rendered.subject, html=rendered.html, text=rendered.text,
                       empty_variables=compiled.lint(context), context=context)


# --- campaigns ------------------------------------------------------------------------------------
async def must_campaign(s: AsyncSession, campaign_id: int) -> Campaign:
    campaign = await repo.get_campaign(s, campaign_id)
    if campaign is None:
        raise NotFound(f"Campaign {campaign_id} does not exist.")
    found: Campaign = campaign
    return found


async def campaign_stats(s: AsyncSession, campaign_id: int) -> CampaignStats:
    """The funnel and a day-by-day series; each stage counts a message once, opens and clicks only when a
    person made them (scanners and the first seconds after sending are recorded, not counted)."""
    await must_campaign(s, campaign_id)
    progress = (await repo.campaign_progress(s, [campaign_id]))[campaign_id]
    days: dict[date, dict[str, int]] = {}

    def bump(at: datetime, stage: str) -> None:
        day = (at if at.tzinfo is None else at.astimezone(UTC)).date()
        days.setdefault(day, {})[stage] = days.get(day, {}).get(stage, 0) + 1

    for at in await repo.campaign_sent_times(s, campaign_id):
        bump(at, "sent")
    stages = {"open": "opened", "click": "clicked", "reply": "replied", "bounce": "bounced",
              "unsubscribe": "unsubscribed"}
    seen: dict[str, set[int]] = {stage: set() for stage in (*stages.values(), "interested")}
    for event in await repo.campaign_funnel_events(s, campaign_id):
        kind, event_message, at, info = event.kind, event.message_id, event.at, event.detail or {}
        if kind in ("open", "click") and not info.get("counted", True):
            continue
        stage, key = stages[kind], event_message if event_message is not None else -1
        if key in seen[stage] and key != -1:
            continue
        seen[stage].add(key)
        bump(at, stage)
        if kind == "reply" and info.get("category") == "interested":
            seen["interested"].add(key)
            bump(at, "interested")
    # A click proves the open (images off still follow links).
    seen["opened"] |= seen["clicked"]
    by_variant: dict[tuple[int, str], list[Any]] = {}
    for row in await repo.campaign_variant_messages(s, campaign_id):
        by_variant.setdefault((row.step, row.variant), []).append(row)
    templates = {(st.position, v.label): v.template_id for st in await repo.campaign_steps(s, campaign_id)
                 for v in variants.of_step(st.template_id, st.variants)}
    per_variant = [
        VariantStats(step=step, label=label, template_id=templates.get((step, label), 0),
                     sent=sum(1 for row in rows if row.sent_at is not None),
                     **{stage: len({row.id for row in rows} & seen[stage])
                        for stage in ("opened", "clicked", "replied", "interested", "bounced", "unsubscribed")})
        for (step, label), rows in sorted(by_variant.items())]
    funnel = Funnel(sent=progress["sent"], opened=len(seen["opened"]), clicked=len(seen["clicked"]),
                    replied=max(progress["replied"], len(seen["replied"])), interested=len(seen["interested"]),
                    bounced=max(progress["bounced"], len(seen["bounced"])), unsubscribed=progress["unsubscribed"])
    return CampaignStats(funnel=funnel, series=[StatsDay(day=day, **counts) for day, counts in sorted(days.items())],
                         variants=per_variant)


async def _check_parts(s: AsyncSession, mailbox_ids: Sequence[int] | None,
                       template_ids: Sequence[int] | None) -> None:
    if mailbox_ids is not None:
        found = await repo.mailboxes_by_ids(s, mailbox_ids)
        missing = sorted(set(mailbox_ids) - set(found))
        if missing:
            raise Invalid(f"mailbox_ids: no mailbox {missing[0]}",
                          errors=[{"loc": ["mailbox_ids"], "msg": f"unknown mailbox {m}", "type": "not_found"}
                                  for m in missing])
        if len(set(mailbox_ids)) != len(mailbox_ids):
            raise Invalid("mailbox_ids: a mailbox is listed twice")
    if template_ids is not None:
        found_t = await repo.templates_by_ids(s, template_ids)
        missing = sorted(set(template_ids) - set(found_t))
        if missing:
            raise Invalid(f"steps: no template {missing[0]}",
                          errors=[{"loc": ["steps"], "msg": f"unknown template {m}", "type": "not_found"}
                                  for m in missing])


def _steps(body_steps: Sequence[Any]) -> list[dict[str, Any]]:
    return [{"template_id": st.template_id, "delay_days": float(st.delay_days), "business_days": st.business_days,
             "ai_line": st.ai_line, "variants": variants.stored(st.template_id, st.weight, st.variants)}
            for st in body_steps]


def _template_ids(body_steps: Sequence[Any]) -> list[int]:
    """Every template the steps use, their A/B variants' too."""
    return [tid for st in body_steps for tid in (st.template_id, *(v.template_id for v in st.variants))]


async def create_campaign(s: AsyncSession, body: CampaignCreate, actor: str, *,
                          contact_ids: Sequence[int] | None = None, audience: dict[str, Any] | None = None) -> Campaign:
    """``contact_ids`` and ``audience``: the audience as audiences.pick resolved it (default: the body's ids)."""
    await _check_parts(s, body.mailbox_ids, _template_ids(body.steps))
    campaign = Campaign(name=body.name, status=DRAFT, send_window=window_json(body.send_window),
                        track_opens=body.track_opens, track_clicks=body.track_clicks,
                        booking_page_id=body.booking_page_id, audience=audience, created_by=actor)
    await repo.add(s, campaign)
    await repo.replace_campaign_parts(s, campaign.id, mailbox_ids=body.mailbox_ids,
                                      contact_ids=body.contact_ids if contact_ids is None else contact_ids,
                                      steps=_steps(body.steps))
    return campaign


async def update_campaign(s: AsyncSession, campaign_id: int, body: CampaignUpdate, *,
                          contact_ids: Sequence[int] | None = None, audience: dict[str, Any] | None = None) -> Campaign:
    """``contact_ids`` and ``audience``: as audiences.pick resolved them when the body names contacts or an audience."""
    campaign = await repo.lock_campaign(s, campaign_id)
    if campaign is None:
        raise NotFound(f"Campaign {campaign_id} does not exist.")
    if campaign.status != DRAFT:
        raise Conflict(f"Only a draft can be changed; this campaign is {campaign.status}.")
    data = body.model_dump(exclude_unset=True)
    await _check_parts(s, body.mailbox_ids, _template_ids(body.steps) if body.steps else None)
    if data.get("name") is not None:
        campaign.name = data["name"]
    if "send_window" in data:
        campaign.send_window = window_json(body.send_window)
    for flag in ("track_opens", "track_clicks"):
        if data.get(flag) is not None:
            setattr(campaign, flag, data[flag])
    if "booking_page_id" in data:
        campaign.booking_page_id = data["booking_page_id"]
    picks = "contact_ids" in data or "audience" in data
    if picks:
        campaign.audience = audience
    await repo.replace_campaign_parts(s, campaign.id, mailbox_ids=body.mailbox_ids,
                                      contact_ids=(contact_ids if contact_ids is not None else body.contact_ids)
                                      if picks else None,
                                      steps=_steps(body.steps) if body.steps is not None else None)
    campaign.updated_at = datetime.now(UTC)
    await s.flush()
    return campaign


def _step_read(st: CampaignStep) -> StepRead:
    texts = variants.of_step(st.template_id, st.variants)
    return StepRead(position=st.position, template_id=st.template_id, delay_days=st.delay_days,
                    business_days=st.business_days, ai_line=st.ai_line, weight=texts[0].weight,
                    variants=[VariantRead(label=v.label, template_id=v.template_id, weight=v.weight)
                              for v in texts[1:]])


async def campaign_reads(s: AsyncSession, campaigns: Sequence[Campaign],
                         contact_id: int | None = None) -> list[CampaignRead]:
    """With ``contact_id``, each carries that contact's enrolment."""
    progress = await repo.campaign_progress(s, [c.id for c in campaigns])
    enrolments = (await repo.contact_enrolments(s, contact_id, [c.id for c in campaigns])
                  if contact_id is not None else {})
    out = []
    for c in campaigns:
        enrolment = enrolments.get(c.id)
        steps = await repo.campaign_steps(s, c.id)
        out.append(CampaignRead(
            id=c.id, name=c.name, status=c.status,
            mailbox_ids=await repo.campaign_mailbox_ids(s, c.id),
            steps=[_step_read(st) for st in steps],
            send_window=SendWindowIn(**c.send_window) if c.send_window else None, track_opens=c.track_opens,
            track_clicks=c.track_clicks, booking_page_id=c.booking_page_id,
            audience=AudienceRead.model_validate(c.audience) if c.audience else None,
            progress=Progress(**progress[c.id]),
            created_by=c.created_by,
            created_at=c.created_at, updated_at=c.updated_at, started_at=c.started_at, paused_at=c.paused_at,
            stopped_at=c.stopped_at, finished_at=c.finished_at, prepared_at=c.prepared_at,
            enrolment=EnrolmentRead.model_validate(enrolment, from_attributes=True) if enrolment else None))
    return out


async def campaign_detail(s: AsyncSession, campaign_id: int) -> CampaignDetail:
    campaign = await must_campaign(s, campaign_id)
    read = (await campaign_reads(s, [campaign]))[0]
    return CampaignDetail(**read.model_dump(), contact_ids=await repo.campaign_contact_ids(s, campaign_id))


def judge(contact: ContactRead | None, company: CompanyRead | None, suppressed: dict[str, str],
          seen: set[str]) -> tuple[str, str] | None:
    """Why a contact is not mailed (reason, detail), or None when it may be."""
    if contact is None:
        return "contact_missing", "the contact no longer exists"
    if not contact.email:
        return "no_email", "the contact has no e-mail address"
    address = contact_address(contact)
    if address is None:
        return "invalid_email", f"{contact.email!r} is not an address mail can be sent to"
    key = parse_cached(address).key
    if key in suppressed:
        return "suppressed", f"the address is on the suppression list ({suppressed[key]})"
    if needs_legal_basis(contact, company):
        return "legal_basis", "a company in DE/AT/CH needs a recorded legal basis (consent or existing customer)"
    if key in seen:
        return "duplicate", "another contact of this campaign has the same address"
    seen.add(key)
    return None


async def audience(runtime: EmailRuntime, contact_ids: Sequence[int]) -> tuple[
        dict[int, ContactRead | None], dict[int, CompanyRead | None], dict[str, str]]:
    contacts = await fetch_contacts(runtime, contact_ids)
    companies = await fetch_companies(runtime, (c.company_id for c in contacts.values() if c is not None))
    keys = []
    for contact in contacts.values():
        address = contact_address(contact) if contact is not None else None
        if address is not None:
            keys.append(parse_cached(address).key)
    async with reads(runtime) as s:
        suppressed = await repo.suppressed_keys(s, keys)
    return contacts, companies, suppressed


async def eligibility(runtime: EmailRuntime, campaign_id: int) -> EligibilityRead:
    async with reads(runtime) as s:
        campaign = await must_campaign(s, campaign_id)
        steps = await repo.campaign_steps(s, campaign_id)
        texts = [(st.position, v) for st in steps for v in variants.of_step(st.template_id, st.variants)]
        templates = await repo.templates_by_ids(s, [v.template_id for _, v in texts])
        enrolled = await repo.enrolments(s, campaign_id)
        mailbox_ids = await repo.campaign_mailbox_ids(s, campaign_id)
        mailboxes = await repo.mailboxes_by_ids(s, mailbox_ids)
    ids = [e.contact_id for e in enrolled]
    contacts, companies, suppressed = await audience(runtime, ids)
    profile = await sender_profile(runtime, campaign.created_by)
    cache = TemplateCache(runtime.deps.templates)
    compiled = [(position, cache.get(templates[v.template_id])) for position, v in texts if v.template_id in templates]
    first_mailbox = mailboxes.get(mailbox_ids[0]) if mailbox_ids else None
    excluded: list[Exclusion] = []
    lint: list[LintItem] = []
    seen: set[str] = set()
    stopped = {e.contact_id: e for e in enrolled if e.status == STOPPED}
    for contact_id in ids:
        contact = contacts.get(contact_id)
        company = companies.get(contact.company_id) if contact is not None and contact.company_id else None
        verdict = judge(contact, company, suppressed, seen)
        if verdict is None and contact_id in stopped:
            verdict = ("stopped", f"the sequence was stopped ({stopped[contact_id].stop_reason})")
        if verdict is not None:
            excluded.append(Exclusion(contact_id=contact_id, name=contact.name if contact else None,
                                      email=contact.email if contact else None, reason=verdict[0],
                                      detail=verdict[1]))
            continue
        assert contact is not None
        context = build_context(contact=contact, company=company, sender=SenderInfo.of(first_mailbox, profile),
                                campaign=campaign, unsubscribe_url="https://unsubscribe")
        for position, template in compiled:
            empty = template.lint(context)
            if empty:
                lint.append(LintItem(contact_id=contact_id, step=position, empty_variables=empty))
    return EligibilityRead(total=len(ids), eligible=len(ids) - len(excluded), excluded=excluded, lint=lint)


async def change_state(runtime: EmailRuntime, campaign_id: int, action: str, actor: str) -> CampaignState:
    now = runtime.deps.clock()
    async with writes(runtime) as s:
        campaign = await must_campaign(s, campaign_id)
        if action == "start":
            if not await repo.campaign_steps(s, campaign_id):
                raise Conflict("The campaign has no steps.")
            if not await repo.campaign_mailbox_ids(s, campaign_id):
                raise Conflict("The campaign has no mailbox.")
            if not await repo.campaign_contact_ids(s, campaign_id):
                raise Conflict("The campaign has no contacts.")
            if not await repo.set_campaign_status(s, campaign_id, [DRAFT], RUNNING, started_at=now,
                                                  started_by=actor, updated_at=now):
                raise Conflict(f"Only a draft can be started; this campaign is {campaign.status}.")
            await runtime.jobs.enqueue(s, "email.prepare", {"campaign_id": campaign_id},
                                       key=PREPARE_KEY.format(campaign_id=campaign_id), owner=actor, max_attempts=10)
            status = RUNNING
        elif action == "pause":
            if not await repo.set_campaign_status(s, campaign_id, [RUNNING], PAUSED, paused_at=now, updated_at=now):
                raise Conflict(f"Only a running campaign can be paused; this one is {campaign.status}.")
            status = PAUSED
        elif action == "resume":
            if not await repo.set_campaign_status(s, campaign_id, [PAUSED], RUNNING, paused_at=None, updated_at=now):
                raise Conflict(f"Only a paused campaign can be resumed; this one is {campaign.status}.")
            status = RUNNING
        elif action == "stop":
            if not await repo.set_campaign_status(s, campaign_id, [DRAFT, RUNNING, PAUSED], STOPPED, stopped_at=now,
                                                  updated_at=now):
                raise Conflict(f"This campaign has already ended ({campaign.status}).")
            await s.execute(sa.update(CampaignContact).where(CampaignContact.campaign_id == campaign_id,
                                                                  CampaignContact.status == ACTIVE)
                            .values(status=STOPPED, stop_reason="campaign_stopped", stopped_at=now, next_due_at=None))
            await s.execute(sa.delete(Message).where(Message.campaign_id == campaign_id, Message.status == QUEUED,
                                                     sa.or_(Message.locked_by.is_(None), Message.lease_until < now)))
            # One a sender holds is withdrawn: its move to "sending" expects "queued" and a running campaign.
            await s.execute(sa.update(Message).where(Message.campaign_id == campaign_id, Message.status == QUEUED)
                            .values(status=FAILED, resolution="withdrawn", error="campaign stopped")
                            .execution_options(synchronize_session=False))
            status = STOPPED
        else:  # pragma: no cover (the routes name the action)
            raise Invalid(f"unknown action {action}")
    runtime.wake_worker()
    if runtime.deps.engine is not None:
        runtime.deps.engine.wake()
    return CampaignState(id=campaign_id, status=status)


async def delete_campaign(s: AsyncSession, campaign_id: int) -> None:
    campaign = await must_campaign(s, campaign_id)
    if campaign.status != DRAFT:
        raise Conflict("Only a draft can be deleted; stop a campaign instead.")
    await repo.replace_campaign_parts(s, campaign_id, mailbox_ids=[], contact_ids=[], steps=[])
    await s.delete(campaign)
    await s.flush()


# --- the ledger -----------------------------------------------------------------------------------
def message_item(m: Message) -> MessageItem:
    return MessageItem(id=m.id, campaign_id=m.campaign_id, contact_id=m.contact_id, step=m.step, to=m.to_email,
                       subject=m.subject, status=m.status, message_id=m.message_id,
                       sent_at=m.sent_at, mailbox_id=m.mailbox_id, attempts=m.attempts, error=m.error,
                       resolution=m.resolution, created_at=m.created_at)


async def message_detail(s: AsyncSession, message_db_id: int) -> MessageRead:
    m = await repo.get_message(s, message_db_id)
    if m is None:
        raise NotFound(f"Message {message_db_id} does not exist.")
    events = await repo.message_events(s, m.id)
    return MessageRead(**message_item(m).model_dump(), key=m.key, to_name=m.to_name, body_text=m.body_text,
                       body_html=m.body_html, smtp_code=m.smtp_code, smtp_reply=m.smtp_reply,
                       next_attempt_at=m.next_attempt_at,
                       events=[EventRead(id=e.id, kind=e.kind, at=e.at, detail=e.detail or {}) for e in events])


async def resend_message(runtime: EmailRuntime, message_db_id: int, actor: str) -> MessageItem:
    """An admin's decision about an ``unknown`` or ``failed`` message: send it again (same Message-ID)."""
    now = runtime.deps.clock()
    async with writes(runtime) as s:
        m = await repo.lock_message(s, message_db_id)
        if m is None:
            raise NotFound(f"Message {message_db_id} does not exist.")
        if m.status not in (UNKNOWN, FAILED):
            raise Conflict(f"Only an unknown or failed message can be resent; this one is {m.status}.")
        if m.resolution == "discarded":
            raise Conflict("This message was discarded.")
        suppressed = await repo.is_suppressed(s, m.to_email)
        if suppressed:
            raise Conflict(f"The address is suppressed ({suppressed}).")
        m.status, m.resolution, m.next_attempt_at, m.error = QUEUED, "resent", now, None
        m.locked_by, m.lease_until = None, None
        await repo.add_event(s, kind="sent", at=now, message_id=m.id, campaign_id=m.campaign_id,
                             contact_id=m.contact_id, detail={"decision": "resend", "by": actor})
        item = message_item(m)
    if runtime.deps.engine is not None:
        runtime.deps.engine.wake()
    return item


async def discard_message(runtime: EmailRuntime, message_db_id: int) -> MessageItem:
    async with writes(runtime) as s:
        m = await repo.lock_message(s, message_db_id)
        if m is None:
            raise NotFound(f"Message {message_db_id} does not exist.")
        if m.status not in (UNKNOWN, FAILED):
            raise Conflict(f"Only an unknown or failed message can be discarded; this one is {m.status}.")
        m.resolution = "discarded"
        await s.flush()
        return message_item(m)


# --- transactional mail and stopping sequences ----------------------------------------------------
def _domain_of(address: str) -> str:
    return parse_cached(address).ascii_domain


def campaign_message_id(runtime: EmailRuntime, mailbox: Mailbox, campaign_id: int, contact_id: int,
                        step: int) -> str:
    domain = runtime.settings.message_id_domain or _domain_of(mailbox.from_email)
    return message_id(runtime.deps.message_id_key, domain, "campaign", campaign_id, contact_id, step)


def _attachments(body: TransactionalCreate) -> list[dict[str, Any]]:
    out = []
    for i, a in enumerate(body.attachments):
        try:
            base64.b64decode(a.content_base64, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise Invalid(f"attachments[{i}]: content_base64 is not base64",
                          errors=[{"loc": ["attachments", i, "content_base64"], "msg": "not base64",
                                   "type": "value_error"}]) from exc
        out.append(a.model_dump())
    return out


async def send_transactional(runtime: EmailRuntime, body: TransactionalCreate) -> TransactionalRead:
    """Record one message in the ledger (the sender sends it at once); the same key answers with the first."""
    subject = header_value(body.subject, field="subject", max_chars=998)
    to = parse_address(body.to, display_name=body.to_name or "", field="to")
    if body.reply_to is not None:
        parse_address(body.reply_to, field="reply_to")
    attachments = _attachments(body)
    now = runtime.deps.clock()
    async with writes(runtime) as s:
        existing = await repo.message_by_key(s, body.key)
        if existing is not None:
            return TransactionalRead(id=existing.id, key=body.key, message_id=existing.message_id or "",
                                     status=existing.status, created=False)
        mailbox = (await repo.get_mailbox(s, body.mailbox_id) if body.mailbox_id
                   else await repo.default_mailbox(s))
        if mailbox is None:
            raise (NotFound(f"Mailbox {body.mailbox_id} does not exist.") if body.mailbox_id
                   else Conflict("No mailbox is set up to send from."))
        domain = runtime.settings.message_id_domain or _domain_of(mailbox.from_email)
        mid = message_id(runtime.deps.message_id_key, domain, "key", body.key)
        row = Message(key=body.key, mailbox_id=mailbox.id, contact_id=body.contact_id, company_id=body.company_id,
                      to_email=to.email, to_name=to.display_name or None, reply_to=body.reply_to, subject=subject,
                      body_text=body.text, body_html=body.html, attachments=attachments or None,
                      timeline=body.timeline.model_dump() if body.timeline else None, status=QUEUED,
                      message_id=mid, attempts=0, next_attempt_at=now)
        try:
            async with s.begin_nested():
                s.add(row)
                await s.flush()
        except sa.exc.IntegrityError:
            existing = await repo.message_by_key(s, body.key)
            if existing is None:
                raise
            return TransactionalRead(id=existing.id, key=body.key, message_id=existing.message_id or "",
                                     status=existing.status, created=False)
        result = TransactionalRead(id=row.id, key=body.key, message_id=mid, status=QUEUED, created=True)
    if runtime.deps.engine is not None:
        runtime.deps.engine.wake()
    return result


async def stop_sequences(runtime: EmailRuntime, contact_id: int, body: SequenceStop) -> SequenceStopped:
    now = runtime.deps.clock()
    async with writes(runtime) as s:
        stopped = await repo.stop_contact_enrolments(s, contact_id, body.reason, now)
    return SequenceStopped(contact_id=contact_id, stopped=stopped)


async def unsubscribe(runtime: EmailRuntime, token: str) -> tuple[UnsubscribeTarget, int, bool]:
    """Suppress the token's address and stop every sequence of it and its contact; repeating is harmless."""
    target = read_unsubscribe_token(runtime.deps.link_key, token)
    if target is None:
        raise NotFound("This unsubscribe link is not valid.")
    now = runtime.deps.clock()
    async with writes(runtime) as s:
        added = await repo.add_suppression(s, kind="address", value=target.email, reason="unsubscribed",
                                           source="one-click", contact_id=target.contact_id,
                                           campaign_id=target.campaign_id)
        stopped = await repo.stop_contact_enrolments(s, target.contact_id, "unsubscribed", now, email=target.email)
        if added:
            await repo.add_event(s, kind="unsubscribe", at=now, campaign_id=target.campaign_id,
                                 contact_id=target.contact_id, detail={"email": target.email},
                                 external_key=f"unsubscribe:{target.email}")
            if target.contact_id is not None:
                payload = {"kind": "unsubscribed", "contact_id": target.contact_id, "email": target.email,
                           "campaign_id": target.campaign_id}
                await runtime.jobs.enqueue(s, "email.timeline", payload,
                                           key=f"email:contact:{target.contact_id}:unsubscribed:{target.email}")
    runtime.wake_worker()
    return target, stopped, added


def today(now: datetime) -> date:
    return now.astimezone(UTC).date()


def upstream_message(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


__all__ = ["Upstream"]
