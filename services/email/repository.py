"""Every SQL statement of the e-mail service.

The ledger's claim follows the kit's job queue (services/kit/jobs.py): ``FOR UPDATE SKIP LOCKED`` on
PostgreSQL, and on SQLite the unit of work's ``BEGIN IMMEDIATE`` (one writer at a time) makes the same
select-then-update atomic. Every write a sender makes to a claimed row is fenced by ``locked_by``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql.compiler import SQLCompiler

from services.kit.db import hot_execute, hot_rows, in_list, per_dialect, utcnow

from .models import (
    ACTIVE,
    BOUNCED,
    DRAFT,
    FAILED,
    FINISHED,
    QUEUED,
    REPLIED,
    RUNNING,
    SENDING,
    SENT,
    STOPPED,
    UNKNOWN,
    AiLine,
    Campaign,
    CampaignContact,
    CampaignMailbox,
    CampaignStep,
    Job,
    Mailbox,
    Message,
    MessageEvent,
    MessageWire,
    ReplyDraft,
    Suppression,
    Template,
)

DAY = timedelta(days=1)


async def add(s: AsyncSession, row: Any) -> Any:
    s.add(row)
    await s.flush()
    return row


def _rowcount(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


# --- mailboxes ------------------------------------------------------------------------------------
async def get_mailbox(s: AsyncSession, mailbox_id: int) -> Mailbox | None:
    return await s.get(Mailbox, mailbox_id, populate_existing=True)


async def list_mailboxes(s: AsyncSession) -> Sequence[Mailbox]:
    return (await s.execute(sa.select(Mailbox).order_by(Mailbox.id))).scalars().all()


async def mailboxes_by_ids(s: AsyncSession, ids: Iterable[int]) -> dict[int, Mailbox]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = (await s.execute(sa.select(Mailbox).where(Mailbox.id.in_(wanted)))).scalars().all()
    return {row.id: row for row in rows}


async def catcher_mailbox(s: AsyncSession) -> Mailbox | None:
    stmt = sa.select(Mailbox).where(Mailbox.kind == "catcher").order_by(Mailbox.id).limit(1)
    return (await s.execute(stmt)).scalar_one_or_none()


async def default_mailbox(s: AsyncSession) -> Mailbox | None:
    """The mailbox marked default, else the local catcher, else the oldest one."""
    stmt = (sa.select(Mailbox)
            .order_by(Mailbox.is_default.desc(), (Mailbox.kind == "catcher").desc(), Mailbox.id).limit(1))
    return (await s.execute(stmt)).scalar_one_or_none()


async def mailbox_in_use(s: AsyncSession, mailbox_id: int) -> bool:
    """Whether a campaign that has not ended still sends through the mailbox."""
    stmt = (sa.select(CampaignMailbox.campaign_id).join(Campaign, Campaign.id == CampaignMailbox.campaign_id)
            .where(CampaignMailbox.mailbox_id == mailbox_id, Campaign.status.notin_([STOPPED, FINISHED])).limit(1))
    return (await s.execute(stmt)).first() is not None


async def mailbox_has_messages(s: AsyncSession, mailbox_id: int) -> bool:
    stmt = sa.select(Message.id).where(Message.mailbox_id == mailbox_id).limit(1)
    return (await s.execute(stmt)).first() is not None


async def pause_mailbox(s: AsyncSession, mailbox_id: int, reason: str, at: datetime) -> None:
    await s.execute(sa.update(Mailbox).where(Mailbox.id == mailbox_id, Mailbox.paused_at.is_(None))
                    .values(paused_reason=reason[:2000], paused_at=at))


async def lock_mailboxes_ready(s: AsyncSession, now: datetime, *, limit: int = 50,
                               mailbox_id: int | None = None) -> Sequence[Mailbox]:
    """Mailboxes that may send now (not paused, past their gap), locked so one sender paces each."""
    only = Mailbox.id == mailbox_id if mailbox_id is not None else sa.true()
    stmt = (sa.select(Mailbox)
            .where(Mailbox.paused_at.is_(None), only,
                   sa.or_(Mailbox.next_send_at.is_(None), Mailbox.next_send_at <= now))
            .order_by(sa.func.coalesce(Mailbox.next_send_at, Mailbox.created_at), Mailbox.id).limit(limit)
            .with_for_update(skip_locked=True).execution_options(populate_existing=True))
    return (await s.execute(stmt)).scalars().all()


async def recent_sends(s: AsyncSession, mailbox_id: int, now: datetime) -> list[datetime]:
    """When the mailbox sent in the last 24 h, and messages under way count as sent now."""
    sent = sa.select(Message.sent_at).where(Message.mailbox_id == mailbox_id, Message.sent_at > now - DAY)
    times = [t for t in (await s.execute(sent)).scalars().all() if t is not None]
    busy = sa.select(sa.func.count()).select_from(Message).where(
        Message.mailbox_id == mailbox_id,
        sa.or_(Message.status == SENDING,
               sa.and_(Message.status == QUEUED, Message.locked_by.is_not(None), Message.lease_until > now)))
    times.extend([now] * int((await s.execute(busy)).scalar_one()))
    return times


# --- templates ------------------------------------------------------------------------------------
async def get_template(s: AsyncSession, template_id: int) -> Template | None:
    return await s.get(Template, template_id, populate_existing=True)


async def list_templates(s: AsyncSession, *, limit: int, offset: int) -> tuple[Sequence[Template], int]:
    total = (await s.execute(sa.select(sa.func.count()).select_from(Template))).scalar_one()
    rows = (await s.execute(sa.select(Template).order_by(Template.id.desc()).limit(limit).offset(offset))).scalars()
    return rows.all(), int(total)


async def templates_by_ids(s: AsyncSession, ids: Iterable[int]) -> dict[int, Template]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = (await s.execute(sa.select(Template).where(Template.id.in_(wanted)))).scalars().all()
    return {row.id: row for row in rows}


async def template_in_use(s: AsyncSession, template_id: int) -> bool:
    stmt = sa.select(CampaignStep.id).where(CampaignStep.template_id == template_id).limit(1)
    return (await s.execute(stmt)).first() is not None


# --- suppressions ---------------------------------------------------------------------------------
# The sender asks before every batch (hundreds of addresses): built once, per kind.
def _suppressed(kind: str) -> dict[bool, sa.Executable]:
    return per_dialect(lambda sqlite: sa.select(Suppression.value, Suppression.reason)
                        .where(Suppression.kind == kind, in_list(Suppression.value, "values", sqlite)))


_SUPPRESSED = {kind: _suppressed(kind) for kind in ("address", "domain")}


async def suppressed_keys(s: AsyncSession, addresses: Iterable[str]) -> dict[str, str]:
    """Of these lower-cased addresses, those suppressed (by address or by their domain) → the reason."""
    wanted = {a.lower() for a in addresses if a}
    if not wanted:
        return {}
    domains = {a.rsplit("@", 1)[-1] for a in wanted}
    out: dict[str, str] = {}
    chunk = sorted(wanted)
    for i in range(0, len(chunk), 500):
        out.update(dict(await hot_rows(s, _SUPPRESSED["address"], values=chunk[i:i + 500])))
    dom = sorted(domains)
    by_domain: dict[str, str] = {}
    for i in range(0, len(dom), 500):
        by_domain.update(dict(await hot_rows(s, _SUPPRESSED["domain"], values=dom[i:i + 500])))
    for address in wanted:
        domain = address.rsplit("@", 1)[-1]
        if address not in out and domain in by_domain:
            out[address] = by_domain[domain]
    return out


async def is_suppressed(s: AsyncSession, address: str) -> str | None:
    return (await suppressed_keys(s, [address])).get(address.lower())


async def add_suppression(s: AsyncSession, *, kind: str, value: str, reason: str, source: str | None = None,
                          contact_id: int | None = None, campaign_id: int | None = None,
                          created_by: str | None = None) -> bool:
    """Suppress an address or domain; False when it already was (the first reason is kept)."""
    value = value.strip().lower()
    existing = (await s.execute(sa.select(Suppression.id).where(Suppression.kind == kind,
                                                                 Suppression.value == value))).first()
    if existing is not None:
        return False
    async with s.begin_nested():
        s.add(Suppression(kind=kind, value=value, reason=reason, source=source, contact_id=contact_id,
                          campaign_id=campaign_id, created_by=created_by))
        try:
            await s.flush()
        except sa.exc.IntegrityError:
            return False  # a concurrent writer suppressed it first
    return True


async def list_suppressions(s: AsyncSession, *, limit: int, offset: int,
                            q: str | None = None) -> tuple[Sequence[Suppression], int]:
    stmt = sa.select(Suppression)
    if q:
        stmt = stmt.where(Suppression.value.contains(q.lower()))
    total = (await s.execute(sa.select(sa.func.count()).select_from(stmt.subquery()))).scalar_one()
    rows = (await s.execute(stmt.order_by(Suppression.id.desc()).limit(limit).offset(offset))).scalars()
    return rows.all(), int(total)


async def delete_suppression(s: AsyncSession, suppression_id: int) -> bool:
    return _rowcount(await s.execute(sa.delete(Suppression).where(Suppression.id == suppression_id))) > 0


# --- campaigns ------------------------------------------------------------------------------------
async def get_campaign(s: AsyncSession, campaign_id: int) -> Campaign | None:
    return await s.get(Campaign, campaign_id, populate_existing=True)


async def lock_campaign(s: AsyncSession, campaign_id: int) -> Campaign | None:
    """The campaign as committed now, locked until the transaction ends (one state change at a time)."""
    stmt = (sa.select(Campaign).where(Campaign.id == campaign_id).with_for_update()
            .execution_options(populate_existing=True))
    return (await s.execute(stmt)).scalar_one_or_none()


async def set_campaign_status(s: AsyncSession, campaign_id: int, from_states: Sequence[str], to_state: str,
                              **values: Any) -> bool:
    """Move the campaign between states only if it is in one of ``from_states`` (a compare-and-set: of two
    concurrent starts exactly one changes a row)."""
    stmt = (sa.update(Campaign).where(Campaign.id == campaign_id, Campaign.status.in_(from_states))
            .values(status=to_state, **values))
    return _rowcount(await s.execute(stmt)) == 1


async def list_campaigns(s: AsyncSession, *, status: str | None, limit: int, offset: int,
                         contact_id: int | None = None) -> tuple[Sequence[Campaign], int]:
    """Newest first; with ``contact_id``, only the campaigns that contact is enrolled in."""
    stmt = sa.select(Campaign)
    if status is not None:
        stmt = stmt.where(Campaign.status == status)
    if contact_id is not None:
        stmt = stmt.where(Campaign.id.in_(sa.select(CampaignContact.campaign_id)
                                          .where(CampaignContact.contact_id == contact_id)))
    total = (await s.execute(sa.select(sa.func.count()).select_from(stmt.subquery()))).scalar_one()
    rows = (await s.execute(stmt.order_by(Campaign.id.desc()).limit(limit).offset(offset))).scalars()
    return rows.all(), int(total)


async def contact_enrolments(s: AsyncSession, contact_id: int, campaign_ids: Sequence[int]
                             ) -> dict[int, CampaignContact]:
    """The contact's enrolment in each of these campaigns, by campaign id."""
    if not campaign_ids:
        return {}
    stmt = sa.select(CampaignContact).where(CampaignContact.contact_id == contact_id,
                                            CampaignContact.campaign_id.in_(list(campaign_ids)))
    return {e.campaign_id: e for e in (await s.execute(stmt)).scalars()}


async def campaign_steps(s: AsyncSession, campaign_id: int) -> Sequence[CampaignStep]:
    stmt = sa.select(CampaignStep).where(CampaignStep.campaign_id == campaign_id).order_by(CampaignStep.position)
    return (await s.execute(stmt)).scalars().all()


async def campaign_mailbox_ids(s: AsyncSession, campaign_id: int) -> list[int]:
    stmt = (sa.select(CampaignMailbox.mailbox_id).where(CampaignMailbox.campaign_id == campaign_id)
            .order_by(CampaignMailbox.position, CampaignMailbox.mailbox_id))
    return [int(x) for x in (await s.execute(stmt)).scalars().all()]


async def campaign_contact_ids(s: AsyncSession, campaign_id: int) -> list[int]:
    stmt = (sa.select(CampaignContact.contact_id).where(CampaignContact.campaign_id == campaign_id)
            .order_by(CampaignContact.id))
    return [int(x) for x in (await s.execute(stmt)).scalars().all()]


async def replace_campaign_parts(s: AsyncSession, campaign_id: int, *, mailbox_ids: Sequence[int] | None,
                                 contact_ids: Sequence[int] | None,
                                 steps: Sequence[dict[str, Any]] | None) -> None:
    """Set a draft's mailboxes, audience and steps (each given list replaces the old one)."""
    if mailbox_ids is not None:
        await s.execute(sa.delete(CampaignMailbox).where(CampaignMailbox.campaign_id == campaign_id))
        if mailbox_ids:
            await s.execute(sa.insert(CampaignMailbox), [
                {"campaign_id": campaign_id, "mailbox_id": m, "position": i} for i, m in enumerate(mailbox_ids)])
    if steps is not None:
        await s.execute(sa.delete(CampaignStep).where(CampaignStep.campaign_id == campaign_id))
        if steps:
            await s.execute(sa.insert(CampaignStep), [
                {"campaign_id": campaign_id, "position": i + 1, "ai_line": False, **step}
                for i, step in enumerate(steps)])
    if contact_ids is not None:
        await s.execute(sa.delete(CampaignContact).where(CampaignContact.campaign_id == campaign_id))
        if contact_ids:
            await s.execute(sa.insert(CampaignContact), [
                {"campaign_id": campaign_id, "contact_id": c, "status": ACTIVE, "next_step": 1}
                for c in dict.fromkeys(contact_ids)])
    await s.flush()


async def enrolments(s: AsyncSession, campaign_id: int) -> Sequence[CampaignContact]:
    stmt = sa.select(CampaignContact).where(CampaignContact.campaign_id == campaign_id).order_by(CampaignContact.id)
    return (await s.execute(stmt)).scalars().all()


async def get_enrolment(s: AsyncSession, enrolment_id: int) -> CampaignContact | None:
    return await s.get(CampaignContact, enrolment_id, populate_existing=True)


async def update_enrolments(s: AsyncSession, values: Sequence[dict[str, Any]]) -> None:
    """Bulk update of enrolments by primary key (``[{"id": …, "field": …}]``)."""
    if values:
        await s.execute(sa.update(CampaignContact), list(values))


async def due_enrolments(s: AsyncSession, now: datetime, *, limit: int) -> Sequence[CampaignContact]:
    """Active enrolments of running campaigns whose next step is due to be rendered."""
    stmt = (sa.select(CampaignContact)
            .join(Campaign, Campaign.id == CampaignContact.campaign_id)
            .where(Campaign.status == RUNNING, CampaignContact.status == ACTIVE,
                   CampaignContact.next_due_at.is_not(None), CampaignContact.next_due_at <= now)
            .order_by(CampaignContact.next_due_at, CampaignContact.id).limit(limit)
            .with_for_update(skip_locked=True, of=CampaignContact))
    return (await s.execute(stmt)).scalars().all()


async def stop_contact_enrolments(s: AsyncSession, contact_id: int | None, reason: str, at: datetime, *,
                                  email: str | None = None, campaign_id: int | None = None) -> int:
    """Stop the active enrolments of a contact (or of an address), and drop their messages not yet sent."""
    cond = [CampaignContact.status == ACTIVE]
    who = []
    if contact_id is not None:
        who.append(CampaignContact.contact_id == contact_id)
    if email is not None:
        who.append(sa.func.lower(CampaignContact.email) == email.lower())
    if not who:
        return 0
    cond.append(sa.or_(*who))
    if campaign_id is not None:
        cond.append(CampaignContact.campaign_id == campaign_id)
    ids = [int(x) for x in (await s.execute(sa.select(CampaignContact.id).where(*cond))).scalars().all()]
    if not ids:
        return 0
    await s.execute(sa.update(CampaignContact).where(CampaignContact.id.in_(ids))
                    .values(status=STOPPED, stop_reason=reason, stopped_at=at, next_due_at=None))
    # Queued messages of those enrolments that nobody holds leave the ledger (they were never sent); a
    # claimed one is re-checked by its sender before DATA and withdrawn there.
    await s.execute(sa.delete(Message).where(Message.enrolment_id.in_(ids), Message.status == QUEUED,
                                             sa.or_(Message.locked_by.is_(None), Message.lease_until < at)))
    # One a sender holds stays as withdrawn: its move to "sending" expects "queued" and so fails.
    await s.execute(sa.update(Message).where(Message.enrolment_id.in_(ids), Message.status == QUEUED)
                    .values(status=FAILED, resolution="withdrawn", error=f"sequence stopped ({reason})",
                            next_attempt_at=None).execution_options(synchronize_session=False))
    return len(ids)


async def finish_campaigns_done(s: AsyncSession, now: datetime) -> list[int]:
    """Running campaigns with no active enrolment and nothing left in the ledger become finished."""
    active = sa.select(CampaignContact.id).where(CampaignContact.campaign_id == Campaign.id,
                                                 CampaignContact.status == ACTIVE).exists()
    pending = sa.select(Message.id).where(Message.campaign_id == Campaign.id,
                                          Message.status.in_([QUEUED, SENDING])).exists()
    ids = [int(x) for x in (await s.execute(
        sa.select(Campaign.id).where(Campaign.status == RUNNING, Campaign.prepared_at.is_not(None),
                                     ~active, ~pending))).scalars().all()]
    if ids:
        await s.execute(sa.update(Campaign).where(Campaign.id.in_(ids), Campaign.status == RUNNING)
                        .values(status=FINISHED, finished_at=now))
    return ids


FUNNEL_EVENTS = ("open", "click", "reply", "bounce", "unsubscribe")


async def campaign_sent_times(s: AsyncSession, campaign_id: int) -> Sequence[datetime]:
    """When each of the campaign's messages left (withdrawn ones never did)."""
    rows = await s.execute(sa.select(Message.sent_at).where(Message.campaign_id == campaign_id,
                                                           Message.sent_at.is_not(None)))
    return [at for at in rows.scalars().all() if at is not None]


async def campaign_variant_messages(s: AsyncSession, campaign_id: int) -> Sequence[Any]:
    """(id, step, variant, sent_at) of the campaign's messages rendered from an A/B-tested step."""
    rows = await s.execute(sa.select(Message.id, Message.step, Message.variant, Message.sent_at)
                           .where(Message.campaign_id == campaign_id, Message.variant.is_not(None)))
    return rows.all()


async def campaign_funnel_events(s: AsyncSession, campaign_id: int) -> Sequence[sa.Row[Any]]:
    """(kind, message_id, at, detail) of the campaign's opens, clicks, replies, bounces and unsubscribes."""
    rows = await s.execute(sa.select(MessageEvent.kind, MessageEvent.message_id, MessageEvent.at, MessageEvent.detail)
                           .where(MessageEvent.campaign_id == campaign_id, MessageEvent.kind.in_(FUNNEL_EVENTS))
                           .order_by(MessageEvent.at))
    return rows.all()


async def campaign_progress(s: AsyncSession, campaign_ids: Sequence[int]) -> dict[int, dict[str, int]]:
    """Per campaign, counted in messages: ``total`` is what the campaign sends as far as is known now, the ledger's
    messages (bar those an admin withdrew) and the steps still to come of every sequence that runs; ``pending`` is
    what of it has not gone yet (queued, on the wire, or a later step not rendered yet). A contact the preparation
    excluded, or whose sequence stopped (a reply, a booking, an unsubscribe, a bounce), adds nothing more, so a
    campaign that is through has nothing pending. ``contacts``: enrolled; ``excluded``: left out when it was
    prepared (the eligibility list says why). Unsubscribed counts people, from the events."""
    out: dict[int, dict[str, int]] = {
        cid: {"total": 0, "pending": 0, "sent": 0, "failed": 0, "unknown": 0, "bounced": 0, "replied": 0,
              "unsubscribed": 0, "contacts": 0, "excluded": 0} for cid in campaign_ids}
    if not campaign_ids:
        return out
    last_step = dict((await s.execute(sa.select(CampaignStep.campaign_id, sa.func.max(CampaignStep.position))
                                      .where(CampaignStep.campaign_id.in_(campaign_ids))
                                      .group_by(CampaignStep.campaign_id))).tuples().all())
    enrolled = await s.execute(sa.select(CampaignContact.campaign_id, CampaignContact.status, CampaignContact.next_step,
                                         sa.func.count(), sa.func.count(CampaignContact.excluded_reason))
                               .where(CampaignContact.campaign_id.in_(campaign_ids))
                               .group_by(CampaignContact.campaign_id, CampaignContact.status,
                                         CampaignContact.next_step))
    for cid, status, next_step, n, excluded in enrolled.all():
        out[cid]["contacts"] += int(n)
        out[cid]["excluded"] += int(excluded)
        if status == ACTIVE:
            to_come = int(n) * max(0, int(last_step.get(cid) or 0) - int(next_step) + 1)
            out[cid]["total"] += to_come
            out[cid]["pending"] += to_come
    by_status = await s.execute(sa.select(Message.campaign_id, Message.status, sa.func.count())
                                .where(Message.campaign_id.in_(campaign_ids),
                                       sa.or_(Message.resolution.is_(None), Message.resolution != "withdrawn"))
                                .group_by(Message.campaign_id, Message.status))
    for mcid, status, n in by_status.all():
        key = {QUEUED: "pending", SENDING: "pending", SENT: "sent", FAILED: "failed", UNKNOWN: "unknown",
               BOUNCED: "bounced", REPLIED: "replied"}.get(status)
        if key and mcid is not None:
            out[mcid][key] += int(n)
            out[mcid]["total"] += int(n)
    # "sent" is every message that left: replied ones, and bounced ones the server had accepted first.
    for cid in campaign_ids:
        out[cid]["sent"] = 0
    left = await s.execute(sa.select(Message.campaign_id, sa.func.count())
                           .where(Message.campaign_id.in_(campaign_ids), Message.sent_at.is_not(None))
                           .group_by(Message.campaign_id))
    for lcid, n in left.all():
        if lcid is not None:
            out[lcid]["sent"] = int(n)
    # Unsubscribes from this campaign's mails (a sequence may have finished before the click).
    people = sa.func.count(sa.distinct(MessageEvent.contact_id))
    unsubscribed = await s.execute(sa.select(MessageEvent.campaign_id, people)
                                   .where(MessageEvent.campaign_id.in_(campaign_ids),
                                          MessageEvent.kind == "unsubscribe")
                                   .group_by(MessageEvent.campaign_id))
    for ucid, n in unsubscribed.all():
        if ucid is not None:
            out[ucid]["unsubscribed"] = int(n)
    return out


# --- the ledger -----------------------------------------------------------------------------------
async def get_message(s: AsyncSession, message_id: int) -> Message | None:
    return await s.get(Message, message_id, populate_existing=True)


async def lock_message(s: AsyncSession, message_id: int) -> Message | None:
    stmt = (sa.select(Message).where(Message.id == message_id).with_for_update()
            .execution_options(populate_existing=True))
    return (await s.execute(stmt)).scalar_one_or_none()


async def message_by_key(s: AsyncSession, key: str) -> Message | None:
    return (await s.execute(sa.select(Message).where(Message.key == key))).scalar_one_or_none()


async def message_by_message_id(s: AsyncSession, message_id: str) -> Message | None:
    return (await s.execute(sa.select(Message).where(Message.message_id == message_id))).scalar_one_or_none()


async def insert_messages(s: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Add rendered messages; a row whose (campaign, contact, step) is already in the ledger is skipped. A row's
    ``wire`` and ``wire_key`` (its wire form, when it could be built) go into ``email_message_wires``."""
    if not rows:
        return
    wires = [{"message_id": r["message_id"], "wire": r["wire"], "wire_key": r["wire_key"]}
             for r in rows if r.get("wire") is not None and r.get("wire_key") and r.get("message_id")]
    await s.execute(_insert_ignoring_conflicts(s, Message),
                    [{k: v for k, v in r.items() if k not in ("wire", "wire_key")} for r in rows])
    if wires:
        await s.execute(_insert_ignoring_conflicts(s, MessageWire), wires)


async def drop_spent_wires(s: AsyncSession) -> None:
    """Drop the wire forms of messages that are no longer queued or on their way (sent, failed, bounced …): they
    are only read to send. Housekeeping's work, off the sender's group commits; the cost follows the (small) table of
    wire forms, each looked up by its unique Message-ID."""
    await s.execute(_DROP_SPENT_WIRES)


_DROP_SPENT_WIRES = sa.text("""
    DELETE FROM email_message_wires WHERE NOT EXISTS (
        SELECT 1 FROM email_messages m WHERE m.message_id = email_message_wires.message_id
        AND m.status IN ('queued', 'sending'))""")


async def list_messages(s: AsyncSession, *, contact_id: int | None, campaign_id: int | None, status: str | None,
                        limit: int, offset: int) -> tuple[Sequence[Message], int]:
    stmt = sa.select(Message)
    if contact_id is not None:
        stmt = stmt.where(Message.contact_id == contact_id)
    if campaign_id is not None:
        stmt = stmt.where(Message.campaign_id == campaign_id)
    if status is not None:
        stmt = stmt.where(Message.status == status)
    total = (await s.execute(sa.select(sa.func.count()).select_from(stmt.subquery()))).scalar_one()
    rows = (await s.execute(stmt.order_by(Message.id.desc()).limit(limit).offset(offset))).scalars()
    return rows.all(), int(total)


async def message_events(s: AsyncSession, message_id: int) -> Sequence[MessageEvent]:
    stmt = sa.select(MessageEvent).where(MessageEvent.message_id == message_id).order_by(MessageEvent.at,
                                                                                        MessageEvent.id)
    return (await s.execute(stmt)).scalars().all()


async def add_event(s: AsyncSession, *, kind: str, at: datetime, message_id: int | None = None,
                    campaign_id: int | None = None, contact_id: int | None = None,
                    detail: dict[str, Any] | None = None, external_key: str | None = None) -> bool:
    """Record an event; False when ``external_key`` was recorded before."""
    if external_key is not None:
        seen = (await s.execute(sa.select(MessageEvent.id).where(MessageEvent.external_key == external_key))).first()
        if seen is not None:
            return False
    s.add(MessageEvent(kind=kind, at=at, message_id=message_id, campaign_id=campaign_id, contact_id=contact_id,
                       detail=detail or {}, external_key=external_key))
    await s.flush()
    return True


def _insert_ignoring_conflicts(s: AsyncSession, model: Any) -> Any:
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        return pg_insert(model).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert
    return sqlite_insert(model).on_conflict_do_nothing()


async def insert_event(s: AsyncSession, values: dict[str, Any]) -> None:
    """An event as one INSERT (the sender's hot path; no ORM object)."""
    await s.execute(sa.insert(MessageEvent).values(**values))


async def insert_job(s: AsyncSession, type_: str, payload: dict[str, Any], *, key: str) -> None:
    """A kit job keyed by meaning, as one INSERT that does nothing when the key exists (the hot path's
    ``JobQueue.enqueue``)."""
    now = utcnow()
    await s.execute(_insert_ignoring_conflicts(s, Job).values(
        type=type_, payload=payload, status="queued", attempts=0, max_attempts=5, lease_expiries=0, run_at=now,
        cancel_requested=False, progress_done=0, idempotency_key=key, created_at=now, updated_at=now))


async def expire_sending(s: AsyncSession, now: datetime) -> list[int]:
    """Messages whose sender died during the SMTP conversation become ``unknown`` (never resent on their own)."""
    stmt = sa.select(Message.id).where(Message.status == SENDING, Message.lease_until < now)
    ids = [int(x) for x in (await s.execute(stmt.with_for_update(skip_locked=True))).scalars().all()]
    if ids:
        await s.execute(sa.update(Message).where(Message.id.in_(ids), Message.status == SENDING).values(
            status=UNKNOWN, locked_by=None, lease_until=None, next_attempt_at=None,
            error="the sender stopped during the SMTP conversation; the message may have been delivered"))
    return ids


# A claim, built once (the same on every database): a sender claims a batch every few hundred messages.
_CLAIM_PICK = dict.fromkeys((False, True), (
    sa.select(Message.id, Message.contact_id, Message.campaign_id)
    .where(Message.status == QUEUED, Message.mailbox_id == sa.bindparam("mailbox_id"),
           sa.or_(Message.next_attempt_at.is_(None), Message.next_attempt_at <= sa.bindparam("now")),
           sa.or_(Message.lease_until.is_(None), Message.lease_until < sa.bindparam("now")),
           sa.or_(Message.campaign_id.is_(None),
                  sa.select(Campaign.id).where(Campaign.id == Message.campaign_id,
                                               Campaign.status == RUNNING).exists()))
    .order_by(Message.next_attempt_at, Message.id).limit(sa.bindparam("limit", type_=sa.Integer))
    .with_for_update(skip_locked=True)))
_CLAIM_LEASE = per_dialect(lambda sqlite: sa.update(Message).where(in_list(Message.id, "ids", sqlite)).values(
    locked_by=sa.bindparam("worker_id"), lease_until=sa.bindparam("lease_until")))


async def claim_messages(s: AsyncSession, worker_id: str, now: datetime, lease_seconds: float, *,
                         mailbox_id: int, limit: int) -> tuple[list[int], list[int]]:
    """Claim up to ``limit`` due messages of one mailbox: not held by a live lease, of a running campaign (or
    transactional). The caller's unit of work is the claim's transaction. The claimed ids, and the contacts of
    the campaign messages among them (each once: what the sender asks leads about before it checks them)."""
    rows = await hot_rows(s, _CLAIM_PICK, {"mailbox_id": mailbox_id, "now": now, "limit": limit})
    ids = [int(row.id) for row in rows]
    if ids:
        await hot_execute(s, _CLAIM_LEASE, {"worker_id": worker_id,
                                            "lease_until": now + timedelta(seconds=lease_seconds)}, ids=ids)
    contacts = dict.fromkeys(int(row.contact_id) for row in rows
                             if row.campaign_id is not None and row.contact_id is not None)
    return ids, list(contacts)


def _held(row: Any, worker_id: str) -> bool:
    """Still claimed by this sender and queued. Checked here, not in the WHERE of a read by ids: with
    ``status = 'queued'`` there, SQLite (no statistics) walks the status index over every queued row of
    every campaign instead of looking the ids up: a cost that grows with the ledger, paid each batch."""
    return bool(row.locked_by == worker_id and row.status == QUEUED)


# Claim-time reads of the sender: plain rows (no ORM identity map), the columns the checks and the wire need —
# no timestamps: converting eight of them a row was most of the read's CPU. A message whose wire form was stored
# at rendering needs only the lean columns; the full ones (the parts to build it from) are read for the others.
_MESSAGE_COLUMNS = cast(sa.Table, Message.__table__).c
_LEAN_COLUMNS = tuple(_MESSAGE_COLUMNS[name] for name in (
    "id", "campaign_id", "enrolment_id", "contact_id", "step", "to_email", "status", "attempts", "locked_by"))
_FULL_COLUMNS = _LEAN_COLUMNS + tuple(_MESSAGE_COLUMNS[name] for name in (
    "company_id", "key", "mailbox_id", "to_name", "reply_to", "subject", "body_html", "body_text", "attachments",
    "message_id", "in_reply_to", "references"))
# The enrolment as it is now (a reply, a booking may have stopped it), read with its message: None when removed.
_ENROLMENT_COLUMNS = (CampaignContact.status.label("enrolment_status"),
                      CampaignContact.stop_reason.label("enrolment_stop_reason"),
                      CampaignContact.timezone.label("enrolment_timezone"))
Outgoing = sa.Row[Any]  # attribute access by column name, as on the model


def _outgoing(columns: tuple[sa.ColumnElement[Any], ...]) -> dict[bool, sa.Executable]:
    return per_dialect(lambda sqlite: sa.select(*columns, MessageWire.wire, MessageWire.wire_key, *_ENROLMENT_COLUMNS)
                        .outerjoin(MessageWire, MessageWire.message_id == Message.message_id)
                        .outerjoin(CampaignContact, CampaignContact.id == Message.enrolment_id)
                        .where(in_list(Message.id, "ids", sqlite)))


_OUTGOING_LEAN, _OUTGOING_FULL = _outgoing(_LEAN_COLUMNS), _outgoing(_FULL_COLUMNS)


async def outgoing_by_ids(s: AsyncSession, ids: Sequence[int], worker_id: str, *, full: bool = False
                          ) -> list[Outgoing]:
    """The messages among ``ids`` this sender still holds queued, in the order of ``ids``, each with its stored
    wire form (``wire``, ``wire_key``; None when there is none) and its enrolment's ``enrolment_status``,
    ``enrolment_stop_reason`` and ``enrolment_timezone``; ``full``: also the parts to build it from."""
    if not ids:
        return []
    rows = cast(list[Outgoing], await hot_rows(s, _OUTGOING_FULL if full else _OUTGOING_LEAN, ids=ids))
    order = {mid: i for i, mid in enumerate(ids)}
    return sorted((r for r in rows if _held(r, worker_id)), key=lambda m: order[m.id])


_CAMPAIGN_STATES = per_dialect(lambda sqlite: sa.select(Campaign.id, Campaign.status, Campaign.send_window)
                                .where(in_list(Campaign.id, "ids", sqlite)))


async def campaign_states(s: AsyncSession, ids: Iterable[int]) -> dict[int, Outgoing]:
    """The campaigns' ``status`` and ``send_window`` as they are now (paused, stopped)."""
    return {row.id: row for row in await hot_rows(s, _CAMPAIGN_STATES, ids=list(ids))}


_STEP_TIMING = per_dialect(lambda sqlite: sa.select(CampaignStep.campaign_id, CampaignStep.position,
                                                     CampaignStep.delay_days, CampaignStep.business_days)
                            .where(in_list(CampaignStep.campaign_id, "ids", sqlite)))


async def step_timing(s: AsyncSession, campaign_ids: Iterable[int]) -> dict[int, dict[int, tuple[float, bool]]]:
    """campaign → step position → (delay_days, business_days): when a step's successor falls due."""
    out: dict[int, dict[int, tuple[float, bool]]] = {}
    for cid, position, delay, business in await hot_rows(s, _STEP_TIMING, ids=list(campaign_ids)):
        out.setdefault(int(cid), {})[int(position)] = (float(delay), bool(business))
    return out


async def set_mailbox_last_sent(s: AsyncSession, mailbox_id: int, at: datetime) -> None:
    await s.execute(sa.update(Mailbox).where(Mailbox.id == mailbox_id).values(last_sent_at=at)
                    .execution_options(synchronize_session=False))


async def fenced_update(s: AsyncSession, message_id: int, worker_id: str, *, expect: str,
                        **values: Any) -> bool:
    """Change a claimed message only while this sender still holds it and it is in ``expect``."""
    stmt = (sa.update(Message).where(Message.id == message_id, Message.locked_by == worker_id,
                                     Message.status == expect).values(**values))
    return _rowcount(await s.execute(stmt)) == 1


# The sender's hot path runs these once per group commit, thousands of times a minute: they are written out once
# as SQL (typed parameters, so dates and JSON convert as the columns do) because building and cache-keying the
# equivalent expression trees cost more CPU than the database's own work.
# Status words are spelled out in this SQL; tests/email/test_engine_sql.py checks them against models.py.
_M = cast(sa.Table, Message.__table__)
# The last word before DATA: a claimed message moves to ``sending`` only while this sender holds it, it is still
# queued (a stop or an unsubscribe withdraws it), its campaign runs (or it has none) and its mailbox is not paused.
_MARK_SENDING_SQL = """
    UPDATE email_messages SET status = 'sending', attempts = attempts + 1, lease_until = :lease, updated_at = :now
    WHERE id IN :ids AND locked_by = :wid AND status = 'queued'
      AND (campaign_id IS NULL OR EXISTS (SELECT 1 FROM email_campaigns c
                                          WHERE c.id = email_messages.campaign_id AND c.status = 'running'))
      AND EXISTS (SELECT 1 FROM email_mailboxes b WHERE b.id = email_messages.mailbox_id AND b.paused_at IS NULL)
    RETURNING id"""
_MARK_SENDING = sa.text(_MARK_SENDING_SQL).bindparams(
    sa.bindparam("ids", expanding=True), sa.bindparam("lease", type_=_M.c.lease_until.type),
    sa.bindparam("now", type_=_M.c.updated_at.type)).columns(id=sa.Integer)
# The same on SQLite's driver, the ids as one JSON array (an expanding IN is rendered anew for every call), and
# NOT INDEXED: without statistics SQLite would walk the status index over every queued row of the ledger (all
# campaigns) for each group commit instead of looking the ids up by rowid, which NOT INDEXED still allows.
_MARK_SENDING_SQLITE = sa.text(_MARK_SENDING_SQL.replace("id IN :ids", "id IN (SELECT value FROM json_each(:ids))")
                               .replace("UPDATE email_messages SET", "UPDATE email_messages NOT INDEXED SET")) \
    .bindparams(sa.bindparam("lease", type_=_M.c.lease_until.type), sa.bindparam("now", type_=_M.c.updated_at.type))
_RECORD_SENT = sa.text("""
    UPDATE email_messages SET status = 'sent', sent_at = :now, error = NULL, next_attempt_at = NULL,
        locked_by = NULL, lease_until = NULL, smtp_code = :code, smtp_reply = :reply, updated_at = :now
    WHERE id = :id AND locked_by = :wid AND status = 'sending'""").bindparams(
    sa.bindparam("now", type_=_M.c.sent_at.type))
_E = cast(sa.Table, MessageEvent.__table__)
_SENT_EVENT = sa.text("""
    INSERT INTO email_message_events (message_id, campaign_id, contact_id, kind, at, detail)
    VALUES (:id, :campaign_id, :contact_id, 'sent', :now, :detail)""").bindparams(
    sa.bindparam("now", type_=_E.c.at.type), sa.bindparam("detail", type_=_E.c.detail.type))
_J = cast(sa.Table, Job.__table__)
_TIMELINE_JOB = sa.text("""
    INSERT INTO email_jobs (type, payload, status, attempts, max_attempts, lease_expiries, run_at, cancel_requested,
                            progress_done, idempotency_key, created_at, updated_at)
    VALUES ('email.timeline', :payload, 'queued', 0, 5, 0, :now, :no, 0, :key, :now, :now)
    ON CONFLICT DO NOTHING""").bindparams(sa.bindparam("payload", type_=_J.c.payload.type),
                                          sa.bindparam("now", type_=_J.c.run_at.type),
                                          sa.bindparam("no", value=False, type_=_J.c.cancel_requested.type))
_C = cast(sa.Table, CampaignContact.__table__)
_FINISH_ENROLMENT_SQL = """
    UPDATE email_campaign_contacts SET status = 'finished', next_due_at = NULL, last_sent_at = :now,
        updated_at = :now
    WHERE id = :eid AND status = 'active'"""
_FINISH_ENROLMENT = sa.text(_FINISH_ENROLMENT_SQL).bindparams(sa.bindparam("now", type_=_C.c.last_sent_at.type))
_SCHEDULE_ENROLMENT = sa.text("""
    UPDATE email_campaign_contacts SET next_due_at = :due, last_sent_at = :now, updated_at = :now
    WHERE id = :eid AND status = 'active' AND next_step = :next""").bindparams(
    sa.bindparam("now", type_=_C.c.last_sent_at.type), sa.bindparam("due", type_=_C.c.next_due_at.type))
_RELEASE = sa.text("""
    UPDATE email_messages SET locked_by = NULL, lease_until = NULL
    WHERE id IN :ids AND locked_by = :wid AND status = 'queued'""").bindparams(sa.bindparam("ids", expanding=True))
_RELEASE_SQLITE = sa.text(_RELEASE.text.replace("id IN :ids", "id IN (SELECT value FROM json_each(:ids))"))
# PostgreSQL: the whole group commit as one statement in its own transaction. On a busy event loop every round
# trip of a transaction waits for a turn of the loop (the lanes' SMTP answers, the feed): a group commit of seven
# round trips took ~15 ms where its SQL takes ~1 ms, and the lanes waited on it. Data-modifying CTEs see one
# snapshot; "recorded" and "marked" touch different rows (sending vs queued), and "released" takes the marks that
# "marked" did not move. As on the statement-by-statement path, the event and the timeline job say what the server
# answered even when the row's fence failed (its lease ran out meanwhile: the row stays as housekeeping left it).
# The moves to "sending" and the finished enrolments keep the statements' own SQL (one guard, one place).
_COMMIT_SENT_PG = sa.text(f"""
    WITH sent AS (
        SELECT * FROM unnest(CAST(:sent_ids AS integer[]), CAST(:codes AS integer[]), CAST(:replies AS text[]),
                             CAST(:campaign_ids AS integer[]), CAST(:contact_ids AS integer[]))
            AS s(id, code, reply, campaign_id, contact_id)
    ), recorded AS (
        UPDATE email_messages m SET status = 'sent', sent_at = :now, error = NULL, next_attempt_at = NULL,
            locked_by = NULL, lease_until = NULL, smtp_code = s.code, smtp_reply = s.reply, updated_at = :now
        FROM sent s WHERE m.id = s.id AND m.locked_by = :wid AND m.status = 'sending'
    ), events AS (
        INSERT INTO email_message_events (message_id, campaign_id, contact_id, kind, at, detail)
        SELECT id, campaign_id, contact_id, 'sent', :now, json_build_object('reply', left(reply, 500)) FROM sent
    ), jobs AS (
        INSERT INTO email_jobs (type, payload, status, attempts, max_attempts, lease_expiries, run_at,
                                cancel_requested, progress_done, idempotency_key, created_at, updated_at)
        SELECT 'email.timeline', json_build_object('message_ids', json_agg(id ORDER BY id), 'kind', 'sent'), 'queued',
               0, 5, 0, :now, false, 0, 'email:message:' || min(id) || ':' || 'sent-batch', :now, :now FROM sent
        HAVING count(*) > 0
        ON CONFLICT DO NOTHING
    ), finished AS ({_FINISH_ENROLMENT_SQL.replace("id = :eid", "id = ANY(CAST(:finished AS integer[]))")}
    ), scheduled AS (
        UPDATE email_campaign_contacts c SET next_due_at = x.due, last_sent_at = :now, updated_at = :now
        FROM unnest(CAST(:eids AS integer[]), CAST(:dues AS timestamptz[]), CAST(:nexts AS integer[]))
            AS x(eid, due, next)
        WHERE c.id = x.eid AND c.status = 'active' AND c.next_step = x.next
    ), marked AS ({_MARK_SENDING_SQL.replace("id IN :ids", "id = ANY(CAST(:marks AS integer[]))")}
    ), released AS (
        UPDATE email_messages SET locked_by = NULL, lease_until = NULL
        WHERE id = ANY(CAST(:marks AS integer[])) AND id NOT IN (SELECT id FROM marked)
          AND locked_by = :wid AND status = 'queued'
    )
    SELECT id FROM marked""")  # noqa: S608 (composed from this module's constant SQL; values are parameters)
HOT_PATH_SQL = (_MARK_SENDING, _MARK_SENDING_SQLITE, _RECORD_SENT, _DROP_SPENT_WIRES, _SENT_EVENT, _TIMELINE_JOB,
                _FINISH_ENROLMENT, _SCHEDULE_ENROLMENT, _RELEASE, _RELEASE_SQLITE, _COMMIT_SENT_PG)


def sent_timeline_job(message_ids: Sequence[int], now: datetime) -> dict[str, Any]:
    """One ``email.timeline`` job for the messages a group commit recorded as sent: a job row (and later a worker
    turn) a commit, not one a message. A message is recorded sent in one commit only, so its first id keys the
    job."""
    return {"payload": {"message_ids": list(message_ids), "kind": "sent"}, "now": now, "no": False,
            "key": f"email:message:{message_ids[0]}:sent-batch"}


@dataclass(frozen=True)
class SentBatch:
    """One group commit of the sender: sent messages (``{"id", "code", "reply", "campaign_id",
    "contact_id"}``) with their events, timeline jobs and enrolment steps, then the next messages' move to
    ``sending``. :func:`commit_sent_batch` runs it in a unit of work, :class:`SqliteLedger` on a
    DBAPI connection in one thread (SQLite: one hand-over to the database thread instead of one a statement)."""

    worker_id: str
    now: datetime
    sent: Sequence[dict[str, Any]] = ()
    finished: Sequence[int] = ()  # enrolments with no further step
    scheduled: Sequence[dict[str, Any]] = ()  # {"eid", "due", "next"}
    marks: Sequence[int] = ()
    lease_until: datetime | None = None

    def writes(self) -> list[tuple[sa.Executable, list[dict[str, Any]]]]:
        """The statements before the move to ``sending``, each with its executemany parameters."""
        now, wid, rows = self.now, self.worker_id, self.sent
        plan: list[tuple[sa.Executable, list[dict[str, Any]]]] = []
        if rows:
            plan += [
                (_RECORD_SENT, [{"id": r["id"], "wid": wid, "now": now, "code": r["code"], "reply": r["reply"]}
                                for r in rows]),
                (_SENT_EVENT, [{"id": r["id"], "campaign_id": r["campaign_id"], "contact_id": r["contact_id"],
                                "now": now, "detail": {"reply": r["reply"][:500]}} for r in rows]),
                (_TIMELINE_JOB, [sent_timeline_job(sorted(r["id"] for r in rows), now)])]
        if self.finished:
            plan.append((_FINISH_ENROLMENT, [{"eid": eid, "now": now} for eid in self.finished]))
        if self.scheduled:
            plan.append((_SCHEDULE_ENROLMENT, [{**row, "now": now} for row in self.scheduled]))
        return plan

    def mark_params(self) -> dict[str, Any]:
        return {"ids": list(self.marks), "wid": self.worker_id, "lease": self.lease_until, "now": self.now}

    def release_params(self, marked: set[int]) -> dict[str, Any] | None:
        """Claims given back: the messages that may not go any more (paused meanwhile) stay queued."""
        rest = [m for m in self.marks if m not in marked]
        return {"ids": rest, "wid": self.worker_id} if rest else None


async def commit_sent_batch(s: AsyncSession, batch: SentBatch) -> set[int]:
    """Run ``batch`` in the caller's unit of work; the ids moved to ``sending``."""
    conn = await s.connection()
    for stmt, params in batch.writes():
        await conn.execute(stmt, params)
    if not batch.marks:
        return set()
    marked = {int(x) for x in (await conn.execute(_MARK_SENDING, batch.mark_params())).scalars().all()}
    if (release := batch.release_params(marked)) is not None:
        await conn.execute(_RELEASE, release)
    return marked


async def commit_sent_batch_pg(conn: AsyncConnection, batch: SentBatch) -> set[int]:
    """:func:`commit_sent_batch` on PostgreSQL as one statement on ``conn``, an autocommit connection (one round
    trip; the statement is its own transaction)."""
    sent = batch.sent
    params = {"now": batch.now, "wid": batch.worker_id, "lease": batch.lease_until,
              "sent_ids": [int(r["id"]) for r in sent], "codes": [r["code"] for r in sent],
              "replies": [r["reply"] for r in sent], "campaign_ids": [r["campaign_id"] for r in sent],
              "contact_ids": [r["contact_id"] for r in sent], "finished": list(batch.finished),
              "eids": [int(r["eid"]) for r in batch.scheduled], "dues": [r["due"] for r in batch.scheduled],
              "nexts": [int(r["next"]) for r in batch.scheduled], "marks": list(batch.marks)}
    return {int(x) for x in (await conn.execute(_COMMIT_SENT_PG, params)).scalars().all()}


class _DriverStatements:
    """The hot path's executemany statements compiled once for one synchronous connection's dialect: the driver's
    SQL, the order of its positional parameters and the columns' own bind processors (dates, JSON). The SQLite
    ledger thread runs them on the DBAPI cursor, skipping SQLAlchemy's per-call and per-row work — a group commit
    of a few messages otherwise spends more in that than in SQLite, while holding the GIL the event loop needs."""

    def __init__(self, dialect: sa.Dialect) -> None:
        self.dialect = dialect
        self._compiled: dict[int, tuple[str, list[tuple[str, Callable[[Any], Any] | None]]]] = {}

    def plan(self, stmt: sa.Executable) -> tuple[str, list[tuple[str, Callable[[Any], Any] | None]]]:
        found = self._compiled.get(id(stmt))
        if found is None:
            compiled = cast(SQLCompiler, cast(sa.ClauseElement, stmt).compile(dialect=self.dialect))
            names = compiled.positiontup or []
            # The dialect's own processor, as SQLAlchemy's execution uses: the column type's generic one leaves a
            # datetime to sqlite3's deprecated adapter, which stored "2026-03-02 09:05:07.123456+00:00" where the
            # rest of the ledger has SQLAlchemy's "2026-03-02 09:05:07.123456" (and cost a Python call a row
            # instead of one a batch).
            found = (compiled.string, [(name, compiled.binds[name].type.dialect_impl(self.dialect)
                                        .bind_processor(self.dialect)) for name in names])
            self._compiled[id(stmt)] = found
        return found

    def run(self, cursor: Any, stmt: sa.Executable, rows: Sequence[dict[str, Any]]) -> None:
        sql, params = self.plan(stmt)
        # The rows of a batch share some values (its ``now``, the worker): each is converted once, not once a row.
        converted: dict[str, tuple[Any, Any]] = {}

        def value(row: dict[str, Any], name: str, proc: Callable[[Any], Any] | None) -> Any:
            raw = row[name]
            if proc is None:
                return raw
            last = converted.get(name)
            if last is None or last[0] is not raw:
                last = converted[name] = (raw, proc(raw))
            return last[1]

        cursor.executemany(sql, [tuple(value(row, name, proc) for name, proc in params) for row in rows])

    def returning(self, cursor: Any, stmt: sa.Executable, row: dict[str, Any]) -> list[tuple[Any, ...]]:
        sql, params = self.plan(stmt)
        return list(cursor.execute(sql, tuple(row[n] if p is None else p(row[n]) for n, p in params)))


class SqliteLedger:
    """The SQLite sender's group commits, for the one thread that runs them: a DBAPI connection kept for the
    sender's life, BEGIN IMMEDIATE, the hot path's statements through the driver, COMMIT. SQLAlchemy's connection,
    pool and transaction layers cost more a commit than SQLite's own work does for a few messages, and hold the
    GIL the event loop needs for the lanes' SMTP answers."""

    def __init__(self, engine: sa.Engine, *, wait: bool = True) -> None:
        self._raw = engine.raw_connection()  # the engine's connect hook set WAL, foreign keys, no driver BEGIN
        dbapi: Any = self._raw.driver_connection
        self._dbapi = dbapi
        self._driver = _DriverStatements(engine.dialect)
        self._wait = wait
        if not wait:
            # A connection for the event loop's own thread: when another writer holds SQLite's lock it gives way at
            # once (commit returns None) instead of sleeping in the busy handler while every lane's answer waits.
            dbapi.execute("PRAGMA busy_timeout=0")
            # Nor does it copy the WAL back into the database file: that checkpoint (a thousand pages and two fsyncs,
            # every few dozen commits) held the loop for 15-25 ms. The engine has the waiting connection do it in its
            # thread (:meth:`checkpoint`).
            dbapi.execute("PRAGMA wal_autocheckpoint=0")

    def commit(self, batch: SentBatch) -> set[int] | None:
        """:func:`commit_sent_batch` in one transaction of this connection; the ids moved to ``sending``. None
        (nothing written) when the connection does not wait and another writer holds the lock."""
        cursor = self._dbapi.cursor()
        try:
            try:
                cursor.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:
                if self._wait:
                    raise
                return None  # busy (or broken: the waiting connection then says which)
            try:
                marked = self._write(cursor, batch)
                cursor.execute("COMMIT")
            except BaseException:
                self._dbapi.rollback()  # (a no-op when SQLite already ended the transaction)
                raise
        finally:
            cursor.close()
        return marked

    def _write(self, cursor: Any, batch: SentBatch) -> set[int]:
        for stmt, params in batch.writes():
            self._driver.run(cursor, stmt, params)
        if not batch.marks:
            return set()
        marks = {**batch.mark_params(), "ids": json.dumps(list(batch.marks))}
        marked = {int(row[0]) for row in self._driver.returning(cursor, _MARK_SENDING_SQLITE, marks)}
        if (release := batch.release_params(marked)) is not None:
            self._driver.run(cursor, _RELEASE_SQLITE, [{**release, "ids": json.dumps(release["ids"])}])
        return marked

    def checkpoint(self) -> tuple[int, int]:
        """Copy the WAL back into the database file as far as readers allow, without waiting for them (PASSIVE);
        the WAL's frames and how many of them are now in the file."""
        _busy, frames, copied = self._dbapi.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return int(frames), int(copied)

    def close(self) -> None:
        self._raw.close()


async def release_claims(s: AsyncSession, message_ids: Sequence[int], worker_id: str) -> None:
    """Give back claimed messages this sender did not get to (they stay queued)."""
    if message_ids:
        await s.execute(_RELEASE, {"ids": list(message_ids), "wid": worker_id})


async def analyze_ledger(s: AsyncSession) -> None:
    """Fresh planner statistics for the ledger after a campaign's rows went in. Without them PostgreSQL (its
    autovacuum analyses a minute or more later) finds a just-filled ledger's queued rows through the status and
    mailbox indexes for every group commit instead of looking the few ids up: the sender slowed with the
    campaign's size. A statistics sample, not a scan: tens of milliseconds for a large ledger."""
    await s.execute(sa.text("ANALYZE email_messages"))


async def give_back_unsent(s: AsyncSession, message_ids: Sequence[int], worker_id: str) -> None:
    """Messages this sender moved to ``sending`` but, alive, knows it never put on the wire: queued again, the
    attempt not counted."""
    if message_ids:
        await s.execute(sa.update(Message).where(Message.id.in_(list(message_ids)), Message.locked_by == worker_id,
                                                 Message.status == SENDING)
                        .values(status=QUEUED, attempts=Message.attempts - 1, locked_by=None, lease_until=None)
                        .execution_options(synchronize_session=False))


async def next_due_message_at(s: AsyncSession) -> datetime | None:
    stmt = sa.select(sa.func.min(Message.next_attempt_at)).where(Message.status == QUEUED)
    value: datetime | None = (await s.execute(stmt)).scalar()
    return value


async def draft_exists(s: AsyncSession, campaign_id: int) -> bool:
    stmt = sa.select(Campaign.id).where(Campaign.id == campaign_id, Campaign.status == DRAFT)
    return (await s.execute(stmt)).first() is not None


# --- AI lines (emailin fills and reviews them) ----------------------------------------------------
async def ai_lines(s: AsyncSession, campaign_id: int) -> Sequence[AiLine]:
    stmt = sa.select(AiLine).where(AiLine.campaign_id == campaign_id).order_by(AiLine.contact_id, AiLine.step)
    return (await s.execute(stmt)).scalars().all()


async def accepted_ai_lines(s: AsyncSession, campaign_id: int, step: int) -> dict[int, str]:
    """contact_id → the line to use for the step (accepted or edited ones only)."""
    stmt = sa.select(AiLine.contact_id, AiLine.line).where(
        AiLine.campaign_id == campaign_id, AiLine.step == step, AiLine.status.in_(["accepted", "edited"]))
    return {int(c): str(line) for c, line in (await s.execute(stmt)).all()}


# === inbound (emailin): replies and bounces, tracking, AI lines, suppression I/O ====================
INBOUND_KINDS = ("reply", "auto_reply", "bounce", "unsubscribe")


async def imap_mailbox_ids(s: AsyncSession) -> list[int]:
    stmt = sa.select(Mailbox.id).where(Mailbox.imap_host.is_not(None), Mailbox.imap_port.is_not(None)).order_by(
        Mailbox.id)
    return [int(x) for x in (await s.execute(stmt)).scalars().all()]


async def set_imap_state(s: AsyncSession, mailbox_id: int, *, state: dict[str, Any] | None, polled_at: datetime,
                         error: str | None) -> None:
    values: dict[str, Any] = {"imap_polled_at": polled_at, "imap_error": error}
    if state is not None:
        values["imap_state"] = state
    await s.execute(sa.update(Mailbox).where(Mailbox.id == mailbox_id).values(**values))


async def messages_by_message_ids(s: AsyncSession, message_ids: Sequence[str]) -> dict[str, Message]:
    wanted = sorted({m for m in message_ids if m})
    out: dict[str, Message] = {}
    for i in range(0, len(wanted), 500):
        rows = (await s.execute(sa.select(Message).where(Message.message_id.in_(wanted[i:i + 500])))).scalars()
        out.update({str(m.message_id): m for m in rows.all()})
    return out


async def latest_messages_to(s: AsyncSession, addresses: Sequence[str], *,
                             mailbox_id: int | None = None) -> dict[str, Message]:
    """Per address, the newest message that went out to it (a DSN or reply that names no Message-ID)."""
    wanted = sorted({a.lower() for a in addresses if a})
    out: dict[str, Message] = {}
    for i in range(0, len(wanted), 500):
        stmt = sa.select(Message).where(sa.func.lower(Message.to_email).in_(wanted[i:i + 500]),
                                        Message.status.in_([SENT, REPLIED, BOUNCED]))
        if mailbox_id is not None:
            stmt = stmt.where(Message.mailbox_id == mailbox_id)
        for m in (await s.execute(stmt.order_by(Message.sent_at, Message.id))).scalars().all():
            out[m.to_email.lower()] = m  # ascending: the newest wins
    return out


async def seen_event_keys(s: AsyncSession, keys: Sequence[str]) -> set[str]:
    wanted = sorted(set(keys))
    out: set[str] = set()
    for i in range(0, len(wanted), 500):
        rows = await s.execute(sa.select(MessageEvent.external_key).where(
            MessageEvent.external_key.in_(wanted[i:i + 500])))
        out.update(str(k) for k in rows.scalars().all())
    return out


def record_event(s: AsyncSession, *, kind: str, at: datetime, message_id: int | None = None,
                 campaign_id: int | None = None, contact_id: int | None = None,
                 detail: dict[str, Any] | None = None, external_key: str | None = None) -> None:
    """Add an event the caller knows to be new (its key was looked up with the batch); flushed with it."""
    s.add(MessageEvent(kind=kind, at=at, message_id=message_id, campaign_id=campaign_id, contact_id=contact_id,
                       detail=detail or {}, external_key=external_key))


async def prune_finished_jobs(s: AsyncSession, type_: str, before: datetime) -> int:
    """Forget a recurring job's successful runs older than ``before`` (one poll a minute adds up)."""
    result = await s.execute(sa.delete(Job).where(Job.type == type_, Job.status == "succeeded",
                                                  Job.finished_at < before))
    return _rowcount(result)


def add_job(s: AsyncSession, type_: str, payload: dict[str, Any], *, key: str, max_attempts: int,
            run_at: datetime) -> None:
    """A job row the caller knows to be new (keyed by an unseen event), flushed with the batch."""
    s.add(Job(type=type_, payload=payload, run_at=run_at, max_attempts=max_attempts, idempotency_key=key,
              status="queued", attempts=0, progress_done=0, cancel_requested=False))


async def update_message(s: AsyncSession, message_id: int, **values: Any) -> None:
    await s.execute(sa.update(Message).where(Message.id == message_id).values(**values))


async def message_event_seen(s: AsyncSession, external_key: str) -> bool:
    stmt = sa.select(MessageEvent.id).where(MessageEvent.external_key == external_key)
    return (await s.execute(stmt)).first() is not None


async def postpone_contact_enrolments(s: AsyncSession, contact_id: int, until: datetime, *,
                                      campaign_id: int | None = None) -> int:
    """Move the next step of the contact's active enrolments to ``until`` at the earliest."""
    cond = [CampaignContact.contact_id == contact_id, CampaignContact.status == ACTIVE]
    if campaign_id is not None:
        cond.append(CampaignContact.campaign_id == campaign_id)
    result = await s.execute(sa.update(CampaignContact).where(
        *cond, sa.or_(CampaignContact.next_due_at.is_(None), CampaignContact.next_due_at < until))
        .values(next_due_at=until))
    return _rowcount(result)


async def list_inbound(s: AsyncSession, *, category: str | None, kinds: Sequence[str], limit: int, offset: int,
                       campaign_id: int | None = None) -> tuple[Sequence[MessageEvent], int]:
    stmt = sa.select(MessageEvent).where(MessageEvent.kind.in_(list(kinds)))
    if category is not None:
        stmt = stmt.where(MessageEvent.detail["category"].as_string() == category)
    if campaign_id is not None:
        stmt = stmt.where(MessageEvent.campaign_id == campaign_id)
    total = (await s.execute(sa.select(sa.func.count()).select_from(stmt.subquery()))).scalar_one()
    rows = (await s.execute(stmt.order_by(MessageEvent.at.desc(), MessageEvent.id.desc())
                            .limit(limit).offset(offset))).scalars().all()
    return rows, int(total)


async def contact_messages(s: AsyncSession, contact_id: int, *, limit: int = 500) -> Sequence[Message]:
    stmt = sa.select(Message).where(Message.contact_id == contact_id).order_by(Message.id).limit(limit)
    return (await s.execute(stmt)).scalars().all()


async def contact_events(s: AsyncSession, contact_id: int, kinds: Sequence[str], *,
                         limit: int = 1000) -> Sequence[MessageEvent]:
    stmt = (sa.select(MessageEvent).where(MessageEvent.contact_id == contact_id, MessageEvent.kind.in_(list(kinds)))
            .order_by(MessageEvent.at, MessageEvent.id).limit(limit))
    return (await s.execute(stmt)).scalars().all()


async def get_ai_line(s: AsyncSession, line_id: int) -> AiLine | None:
    return await s.get(AiLine, line_id, populate_existing=True)


async def ai_line_keys(s: AsyncSession, campaign_id: int) -> set[tuple[int, int]]:
    """(contact, step) pairs that already have a line (a repeated preparation leaves them as they are)."""
    stmt = sa.select(AiLine.contact_id, AiLine.step).where(AiLine.campaign_id == campaign_id)
    return {(int(c), int(st)) for c, st in (await s.execute(stmt)).all()}


async def insert_ai_line(s: AsyncSession, **values: Any) -> bool:
    """Add one line; False when (campaign, contact, step) has one already (a concurrent preparation)."""
    async with s.begin_nested():
        s.add(AiLine(**values))
        try:
            await s.flush()
        except sa.exc.IntegrityError:
            return False
    return True


async def list_ai_lines(s: AsyncSession, campaign_id: int, *, status: str | None, limit: int,
                        offset: int) -> tuple[Sequence[AiLine], int]:
    stmt = sa.select(AiLine).where(AiLine.campaign_id == campaign_id)
    if status is not None:
        stmt = stmt.where(AiLine.status == status)
    total = (await s.execute(sa.select(sa.func.count()).select_from(stmt.subquery()))).scalar_one()
    rows = (await s.execute(stmt.order_by(AiLine.contact_id, AiLine.step).limit(limit).offset(offset))).scalars()
    return rows.all(), int(total)


async def ai_line_steps(s: AsyncSession, campaign_id: int) -> list[int]:
    """Positions of the campaign's steps that ask for an AI line."""
    stmt = sa.select(CampaignStep.position).where(CampaignStep.campaign_id == campaign_id,
                                                  CampaignStep.ai_line.is_(True)).order_by(CampaignStep.position)
    return [int(x) for x in (await s.execute(stmt)).scalars().all()]


async def get_suppression(s: AsyncSession, kind: str, value: str) -> Suppression | None:
    stmt = sa.select(Suppression).where(Suppression.kind == kind, Suppression.value == value)
    return (await s.execute(stmt)).scalar()


async def get_suppression_by_id(s: AsyncSession, suppression_id: int) -> Suppression | None:
    return await s.get(Suppression, suppression_id)


async def existing_suppressions(s: AsyncSession, entries: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for kind in ("address", "domain"):
        values = sorted({v for k, v in entries if k == kind})
        for i in range(0, len(values), 500):
            rows = await s.execute(sa.select(Suppression.value).where(Suppression.kind == kind,
                                                                      Suppression.value.in_(values[i:i + 500])))
            out.update((kind, str(v)) for v in rows.scalars().all())
    return out


async def insert_suppressions(s: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    for i in range(0, len(rows), 500):
        await s.execute(sa.insert(Suppression), list(rows[i:i + 500]))


async def all_suppressions(s: AsyncSession, *, batch: int = 1000) -> list[Suppression]:
    out: list[Suppression] = []
    last = 0
    while True:
        stmt = sa.select(Suppression).where(Suppression.id > last).order_by(Suppression.id).limit(batch)
        rows = (await s.execute(stmt)).scalars().all()
        out += rows
        if len(rows) < batch:
            return out
        last = rows[-1].id


# --- reply drafts -------------------------------------------------------------------------------------
async def reply_draft_by_key(s: AsyncSession, key: str) -> ReplyDraft | None:
    return (await s.execute(sa.select(ReplyDraft).where(ReplyDraft.key == key))).scalar_one_or_none()


async def get_reply_draft(s: AsyncSession, draft_id: int) -> ReplyDraft | None:
    return await s.get(ReplyDraft, draft_id, populate_existing=True)


async def lock_reply_draft(s: AsyncSession, draft_id: int) -> ReplyDraft | None:
    stmt = (sa.select(ReplyDraft).where(ReplyDraft.id == draft_id).with_for_update()
            .execution_options(populate_existing=True))
    return (await s.execute(stmt)).scalar_one_or_none()


async def contact_reply_drafts(s: AsyncSession, contact_id: int, *, include_done: bool) -> Sequence[ReplyDraft]:
    stmt = sa.select(ReplyDraft).where(ReplyDraft.contact_id == contact_id)
    if not include_done:
        stmt = stmt.where(ReplyDraft.status == "draft")
    return (await s.execute(stmt.order_by(ReplyDraft.id.desc()).limit(200))).scalars().all()
