"""The rules behind the inbound routes: tracking hits, the replies inbox, a contact's thread, AI-line review,
the suppression list. Functions take the session explicitly and never commit (the route's edge does)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.errors import Conflict, Invalid, NotFound
from services.kit.schemas import Page

from . import repository as repo
from .deps import EmailRuntime
from .models import DRAFT, AiLine, Message, MessageEvent, Suppression
from .replies import enqueue_timeline
from .schemas import (
    AiLineRead,
    AiLineUpdate,
    RejectedRow,
    ReplyRead,
    SuppressionCreate,
    SuppressionImportResult,
    SuppressionRead,
    ThreadItem,
    ThreadMessage,
    ThreadRead,
)
from .suppression_io import export_csv, parse_entry, parse_suppression_csv
from .tracking import HitJudge, HitKind, TrackingLinks

# -- tracking -----------------------------------------------------------------------------------------


def tracking_links(runtime: EmailRuntime) -> TrackingLinks:
    return TrackingLinks(runtime.deps.box.derive("tracking"), runtime.settings.public_url)


def hit_judge(runtime: EmailRuntime) -> HitJudge:
    settings = runtime.settings
    return HitJudge.of(settings.tracking_ignore_seconds, settings.tracking_scanner_networks)


async def record_hit(runtime: EmailRuntime, s: AsyncSession, kind: HitKind, message_id: str, *, url: str = "",
                     user_agent: str | None, ip: str | None) -> None:
    """Record an open or click of a genuine link. Rows stay bounded: the first counted hit per message (per
    URL for clicks) and the first uncounted one; repeats change nothing."""
    message = await repo.message_by_message_id(s, message_id)
    if message is None:
        return  # a deleted message's link still works; there is nothing to count it on
    now = runtime.deps.clock()
    verdict = hit_judge(runtime).judge(sent_at=message.sent_at, hit_at=now, user_agent=user_agent, ip=ip)
    target = f":{url}" if kind == "click" else ""
    key = f"{kind}:{'human' if verdict.counted else 'scan'}:{message.id}{target}"
    if len(key) > 300:
        key = f"{kind}:{'human' if verdict.counted else 'scan'}:{message.id}:{hashlib.sha256(url.encode()).hexdigest()}"
    if await repo.message_event_seen(s, key):
        return
    detail: dict[str, Any] = {"counted": verdict.counted, "reason": verdict.reason,
                              "user_agent": (user_agent or "")[:300]}
    if kind == "click":
        detail["url"] = url
    await repo.add_event(s, kind=kind, at=now, message_id=message.id, campaign_id=message.campaign_id,
                         contact_id=message.contact_id, detail=detail, external_key=key)
    if not verdict.counted:
        return
    first = message.opened_at is None if kind == "open" else message.clicked_at is None
    if kind == "open" and first:
        await repo.update_message(s, message.id, opened_at=now)
    elif kind == "click":
        values: dict[str, Any] = {"clicked_at": now} if first else {}
        if message.opened_at is None:
            values["opened_at"] = now  # a click proves the open the pixel may have missed
        if values:
            await repo.update_message(s, message.id, **values)
    if first:
        title = "Opened the e-mail" if kind == "open" else "Clicked a link in the e-mail"
        await enqueue_timeline(runtime, s, message, kind="opened" if kind == "open" else "clicked", key=key,
                        title=title, detail={k: v for k, v in detail.items() if k != "user_agent"}, at=now)


# -- replies inbox and threads ----------------------------------------------------------------------------

def reply_read(event: MessageEvent) -> ReplyRead:
    detail = dict(event.detail or {})
    category = detail.get("category")
    return ReplyRead(
        id=event.id, kind=event.kind, at=event.at, message_id=event.message_id,
        campaign_id=event.campaign_id, contact_id=event.contact_id,
        category=category if isinstance(category, str) else None,
        confidence=detail.get("confidence"), classifier=detail.get("classifier"),
        from_address=detail.get("from"), subject=detail.get("subject"), text=detail.get("text"),
        detail={k: v for k, v in detail.items() if k not in ("text", "subject", "from")})


async def list_replies(s: AsyncSession, *, category: str | None, kind: str | None, campaign_id: int | None,
                       limit: int, offset: int) -> Page[ReplyRead]:
    kinds = [kind] if kind else ["reply"]
    rows, total = await repo.list_inbound(s, category=category, kinds=kinds, limit=limit, offset=offset,
                                          campaign_id=campaign_id)
    return Page(items=[reply_read(e) for e in rows], total=total, limit=limit, offset=offset)


def _thread_message(m: Message) -> ThreadMessage:
    return ThreadMessage(id=m.id, campaign_id=m.campaign_id, step=m.step, to=m.to_email, subject=m.subject,
                         status=m.status, message_id=m.message_id, sent_at=m.sent_at,
                         opened_at=m.opened_at, clicked_at=m.clicked_at, body_text=m.body_text[:20_000])


async def contact_thread(s: AsyncSession, contact_id: int) -> ThreadRead:
    """The contact's messages and what came back, oldest first (a message at its send time, else its creation)."""
    messages = await repo.contact_messages(s, contact_id)
    events = await repo.contact_events(s, contact_id, repo.INBOUND_KINDS)
    items: list[tuple[datetime, int, ThreadItem]] = []
    for m in messages:
        at = m.sent_at or m.created_at
        items.append((at, 0, ThreadItem(type="message", at=at, message=_thread_message(m))))
    for e in events:
        items.append((e.at, 1, ThreadItem(type=e.kind, at=e.at, inbound=reply_read(e))))
    items.sort(key=lambda t: (_timestamp(t[0]), t[1]))
    return ThreadRead(contact_id=contact_id, items=[t[2] for t in items])


def _timestamp(value: datetime) -> float:
    return (value.replace(tzinfo=UTC) if value.tzinfo is None else value).timestamp()


# -- AI lines -----------------------------------------------------------------------------------------------

def ai_line_read(row: AiLine) -> AiLineRead:
    return AiLineRead.model_validate(row, from_attributes=True)


async def list_ai_lines(s: AsyncSession, campaign_id: int, *, status: str | None, limit: int,
                        offset: int) -> Page[AiLineRead]:
    if await repo.get_campaign(s, campaign_id) is None:
        raise NotFound(f"Campaign {campaign_id} does not exist.")
    rows, total = await repo.list_ai_lines(s, campaign_id, status=status, limit=limit, offset=offset)
    return Page(items=[ai_line_read(r) for r in rows], total=total, limit=limit, offset=offset)


async def update_ai_line(s: AsyncSession, line_id: int, body: AiLineUpdate, actor: str) -> AiLineRead:
    row = await repo.get_ai_line(s, line_id)
    if row is None:
        raise NotFound(f"AI line {line_id} does not exist.")
    if body.line is None and body.status is None:
        raise Invalid("Send a new line, a status (accepted or rejected), or both.")
    campaign = await repo.get_campaign(s, row.campaign_id)
    if campaign is None or campaign.status != DRAFT:
        raise Conflict("The campaign has started; its AI lines can no longer change.")
    if body.line is not None:
        row.line = body.line
        row.status = "edited"
    if body.status == "rejected":
        row.status = "rejected"
    elif body.status == "accepted":
        if not row.line:
            raise Conflict("An empty line cannot be accepted; write one first.")
        row.status = "edited" if body.line is not None else "accepted"
    row.edited_by = actor
    await s.flush()
    return ai_line_read(row)


# -- suppressions ---------------------------------------------------------------------------------------------

def suppression_read(row: Suppression) -> SuppressionRead:
    return SuppressionRead.model_validate(row, from_attributes=True)


async def add_suppression(s: AsyncSession, body: SuppressionCreate, actor: str) -> tuple[SuppressionRead, bool]:
    """The entry, and whether it is new (an existing one is returned as it is)."""
    entry = parse_entry(body.value)
    created = await repo.add_suppression(s, kind=entry.kind, value=entry.value, reason=body.reason, source="manual",
                                         created_by=actor)
    row = await repo.get_suppression(s, entry.kind, entry.value)
    if row is None:  # pragma: no cover - added or present a moment ago in this transaction
        raise NotFound("The suppression could not be read back.")
    return suppression_read(row), created


async def delete_suppression(s: AsyncSession, suppression_id: int) -> None:
    if not await repo.delete_suppression(s, suppression_id):
        raise NotFound(f"Suppression {suppression_id} does not exist.")


async def import_suppressions(s: AsyncSession, data: bytes, actor: str) -> SuppressionImportResult:
    parsed = parse_suppression_csv(data)
    wanted = [(e.kind, e.value) for _, e, _ in parsed.entries]
    existing = await repo.existing_suppressions(s, wanted)
    allowed = {"manual", "unsubscribed", "bounced", "complaint"}
    rows = [{"kind": e.kind, "value": e.value, "reason": reason if reason in allowed else "import",
             "source": "csv", "created_by": actor}
            for _, e, reason in parsed.entries if (e.kind, e.value) not in existing]
    await repo.insert_suppressions(s, rows)
    return SuppressionImportResult(
        rows=parsed.rows, added=len(rows), already=len(parsed.entries) - len(rows), duplicates=parsed.duplicates,
        rejected=[RejectedRow(line=r.line, value=r.value, reason=r.reason) for r in parsed.rejected])


async def export_suppressions(s: AsyncSession) -> str:
    rows = await repo.all_suppressions(s)
    return export_csv({"kind": r.kind, "value": r.value, "reason": r.reason, "source": r.source,
                       "created_at": r.created_at} for r in rows)
