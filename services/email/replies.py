"""Replies, bounces and auto-replies read from every mailbox's IMAP box, and what each one changes.

The job ``email.poll_replies`` polls each mailbox that has IMAP: new messages above the stored cursor
(UIDVALIDITY and last UID in ``email_mailboxes.imap_state``), ``imap_batch_size`` at a time until none
is left, then enqueues its own next run ``imap_poll_seconds`` later (keyed by the time slot, so two
processes never start two chains). Each batch is one unit of work: its events and the advanced cursor
commit together, and every event carries an ``external_key`` made of what it means (the reply's
Message-ID, the DSN's Message-ID and recipient), so a re-poll after a crash records nothing twice.

A message is matched to the ledger by In-Reply-To / References (and the Message-ID a DSN quotes); a
DSN without the original headers, or a reply whose client dropped them, is matched by address to the
newest message sent there. Then:

* a **reply** is classified (interested / not now / out of office / unsubscribe / other; by the ai
  service's model when it has one, asked before the batch's transaction; by rules offline or when the
  ai service fails: reply_labels.py), marks the message ``replied`` and stops every
  sequence of the contact; ``unsubscribe`` also suppresses the address; an out-of-office text written
  by a person postpones instead of stopping;
* an **auto-reply** that says out of office postpones the contact's next step to the return date it
  names (or ``email_ooo_postpone_days`` later); other auto-replies are recorded only;
* a **bounce** with a permanent status (5.x.x) marks the message ``bounced``, suppresses the address
  and stops the contact's sequences; a transient one (4.x.x) is recorded only.

Every event is also told to leads (an activity on the contact's timeline, ``external_id``
``email:<kind>:<key>``, and the contact's status moved to ``replied`` for a reply) through a job
enqueued in the same transaction, so a leads outage delays the timeline and loses nothing.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.db import session_scope, utcnow
from services.kit.errors import Invalid, NotFound
from services.kit.jobs import JobContext
from services.leads.schemas import ActivityCreate, LeadStatus

from . import repository as repo
from .addresses import parse_address
from .deps import EmailRuntime
from .imap import FetchedMessage, ImapConfig, ImapCursor, ImapError, poll_mailbox
from .inbound import Classification, InboundMessage, Kind, ReplyClassifier, RuleClassifier, inspect_message
from .lead_status import move_contact
from .models import BOUNCED, REPLIED, SENT, Mailbox, Message
from .reply_labels import reply_classifier

log = logging.getLogger("outbound.email.replies")

POLL_JOB = "email.poll_replies"
TIMELINE_JOB = "email.inbound_timeline"
# The answer offering free slots to an interested reply (offers.py); enqueued with the reply's event.
DRAFT_JOB = "email.reply_draft"
MAX_TEXT = 4000
RULES = RuleClassifier()
# Replies of one batch labelled by the ai service at once.
CLASSIFY_CONCURRENCY = 4

# -- out of office: until when ------------------------------------------------------------------------

_MONTHS = {name: i + 1 for i, names in enumerate((
    ("january", "jan", "januar", "jänner"), ("february", "feb", "februar"), ("march", "mar", "märz", "maerz"),
    ("april", "apr"), ("may", "mai"), ("june", "jun", "juni"), ("july", "jul", "juli"),
    ("august", "aug"), ("september", "sep", "sept"), ("october", "oct", "oktober", "okt"),
    ("november", "nov"), ("december", "dec", "dezember", "dez"))) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b(20\d\d)-(\d{1,2})-(\d{1,2})\b")
_DOTTED = re.compile(r"\b(\d{1,2})[./](\d{1,2})(?:[./](\d{2,4}))?\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?({_MONTH})\.?(?:,?\s+(20\d\d))?\b", re.I)
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(20\d\d))?\b", re.I)
# "until 12 January" means back the day after; "back on" / "ab dem … wieder" mean that day.
_UNTIL = re.compile(r"(until|till|through|bis( zum| einschließlich| einschl\.?)?)\s*$", re.I)
HORIZON_DAYS = 180


def _make(year: int | None, month: int, day: int, received: date) -> date | None:
    if year is not None and year < 100:
        year += 2000
    try:
        found = date(year or received.year, month, day)
    except ValueError:
        return None
    if year is None and found < received:  # "back on 3 January" written in December
        try:
            found = date(received.year + 1, month, day)
        except ValueError:
            return None
    return found


def return_date(text: str, received: date) -> date | None:
    """The day the writer is back, from the dates an out-of-office text names; None when it names none.

    The latest date between ``received`` and half a year later wins (an absence "from 2 to 13 June"
    ends on the 13th); a date after "until"/"bis" means the day after it.
    """
    candidates: list[date] = []
    for pattern, order in ((_ISO, "ymd"), (_DAY_MONTH, "dmy"), (_MONTH_DAY, "mdy"), (_DOTTED, "dmy")):
        for match in pattern.finditer(text):
            groups = match.groups()
            if order == "ymd":
                found = _make(int(groups[0]), int(groups[1]), int(groups[2]), received)
            elif pattern is _DOTTED:
                found = _make(int(groups[2]) if groups[2] else None, int(groups[1]), int(groups[0]), received)
            elif order == "dmy":
                found = _make(int(groups[2]) if groups[2] else None, _MONTHS[groups[1].lower()], int(groups[0]),
                              received)
            else:
                found = _make(int(groups[2]) if groups[2] else None, _MONTHS[groups[0].lower()], int(groups[1]),
                              received)
            if found is None or not received <= found <= received + timedelta(days=HORIZON_DAYS):
                continue
            if _UNTIL.search(text[max(0, match.start() - 30):match.start()]):
                found += timedelta(days=1)
            candidates.append(found)
    return max(candidates) if candidates else None


def postpone_until(text: str, received: datetime, default_days: int) -> datetime:
    """When the next step may go: the morning of the return day, else ``default_days`` later."""
    back = return_date(text, received.date())
    if back is None:
        return received + timedelta(days=default_days)
    return datetime.combine(back, time(8, 0), tzinfo=UTC)


# -- one inbound message ------------------------------------------------------------------------------

@dataclass
class Applied:
    """What one batch did, for the job's result."""

    replies: int = 0
    auto_replies: int = 0
    bounces: int = 0
    unsubscribes: int = 0
    postponed: int = 0
    unmatched: int = 0
    duplicates: int = 0
    categories: dict[str, int] = field(default_factory=dict)

    def add(self, other: Applied) -> None:
        for name in ("replies", "auto_replies", "bounces", "unsubscribes", "postponed", "unmatched", "duplicates"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key, value in other.categories.items():
            self.categories[key] = self.categories.get(key, 0) + value

    def as_dict(self) -> dict[str, Any]:
        return {"replies": self.replies, "auto_replies": self.auto_replies, "bounces": self.bounces,
                "unsubscribes": self.unsubscribes, "postponed": self.postponed, "unmatched": self.unmatched,
                "duplicates": self.duplicates, "categories": dict(self.categories)}


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str | None, limit: int) -> str:
    """Text from a stranger's mail as we keep and show it: no control characters, bounded."""
    return _CONTROL.sub("", text or "")[:limit]


def _key(prefix: str, *parts: str) -> str:
    """An external key of what the event means; long Message-IDs are hashed to fit the column."""
    text = ":".join(parts)
    if len(text) > 250:
        text = hashlib.sha256(text.encode()).hexdigest()
    return f"{prefix}:{text}"


@functools.lru_cache(maxsize=8192)
def _sender_key(value: str | None) -> str | None:
    """The address's suppression key (validation is the slow part of a poll: the same senders repeat)."""
    if not value:
        return None
    try:
        return parse_address(value, field="from", allow_smtputf8=True).key
    except Invalid:  # an unparseable From is not a reason to lose the message
        return None


@dataclass
class BatchLookup:
    """What one batch needs from the database, read in a few queries instead of several per message."""

    seen: set[str]  # external keys already recorded
    by_message_id: dict[str, Message]  # ledger rows by their Message-ID
    by_address: dict[str, Message]  # the newest ledger row sent to an address (of this mailbox)

    def match(self, inbound: InboundMessage, address: str | None) -> tuple[Message | None, str]:
        for ref in inbound.references:
            if ref in self.by_message_id:
                return self.by_message_id[ref], "references"
        if address and address in self.by_address:
            return self.by_address[address], "address"
        return None, "none"


@dataclass(frozen=True, slots=True)
class Parsed:
    fetched: FetchedMessage
    inbound: InboundMessage
    ident: str  # the message's Message-ID, or one made of the mailbox, UIDVALIDITY and UID


@functools.lru_cache(maxsize=8192)
def _address_forms(value: str | None) -> tuple[str, ...]:
    """The forms the ledger may hold an address in: its ASCII key and its Unicode form (IDN domains)."""
    if not value:
        return ()
    try:
        address = parse_address(value, field="from", allow_smtputf8=True)
    except Invalid:
        return ()
    return tuple(dict.fromkeys((address.key, address.email.lower())))


def _keys_of(item: Parsed) -> tuple[list[str], list[str]]:
    """(external keys the message may record, address forms it may be matched by)."""
    inbound = item.inbound
    if inbound.kind == Kind.BOUNCE:
        recipients = [_sender_key(b.recipient) if b.recipient else None for b in inbound.bounces]
        forms = [f for b in inbound.bounces for f in _address_forms(b.recipient)]
        return [_key("bounce", item.ident, r or "") for r in recipients], forms
    return ([_key("reply" if inbound.kind == Kind.REPLY else "auto", item.ident)],
            list(_address_forms(inbound.from_address)))


async def load_lookup(s: AsyncSession, mailbox_id: int, items: list[Parsed]) -> BatchLookup:
    keys: list[str] = []
    addresses: list[str] = []
    refs: list[str] = []
    for item in items:
        k, a = _keys_of(item)
        keys += k
        addresses += a
        refs += item.inbound.references
    by_address: dict[str, Message] = {}
    for address, message in (await repo.latest_messages_to(s, addresses, mailbox_id=mailbox_id)).items():
        for form in (address, *_address_forms(message.to_email)):
            by_address[form] = message  # found by whichever form the DSN or reply writes
    return BatchLookup(await repo.seen_event_keys(s, keys), await repo.messages_by_message_ids(s, refs),
                       by_address)


async def enqueue_timeline(runtime: EmailRuntime, s: AsyncSession, message: Message, *, kind: str, key: str,
                    title: str, detail: dict[str, Any], at: datetime, status: str | None = None) -> None:
    """Enqueue the activity for leads in this transaction (durable; the job retries while leads is away)."""
    if message.contact_id is None:
        return
    external_id = f"email:{key}"[:200]  # what happened to which message: email:reply:<Message-ID>
    payload = {"activity": {"contact_id": message.contact_id, "type": f"email.{kind}", "title": title[:300],
                            "detail": detail, "occurred_at": at.isoformat(), "external_id": external_id},
               "status": status}
    # Added to the batch's transaction without a look-up: the event's key was unseen, so is the job's.
    repo.add_job(s, TIMELINE_JOB, payload, key=f"timeline:{external_id}"[:200], max_attempts=10, run_at=utcnow())


def parse_fetched(mailbox_id: int, uidvalidity: int, fetched: FetchedMessage) -> Parsed:
    inbound = inspect_message(fetched.raw)
    return Parsed(fetched, inbound, inbound.message_id or f"<uid.{mailbox_id}.{uidvalidity}.{fetched.uid}@imap>")


def _reply_texts(inbound: InboundMessage) -> tuple[str, str]:
    """(text, subject) of a reply as we keep them, and as they are classified."""
    return clean(inbound.reply_text, MAX_TEXT), clean(inbound.subject, 300)


async def classify_replies(runtime: EmailRuntime, mailbox_id: int, parsed: list[Parsed],
                           classifier: ReplyClassifier) -> dict[str, Classification]:
    """The labels of a batch's new, matched replies, asked with no session open (a model may take seconds).

    Only for a classifier that calls out (the rules answer inside the batch's transaction, for free);
    replies already recorded or matching no message of ours are not sent anywhere.
    """
    if isinstance(classifier, RuleClassifier):
        return {}
    async with session_scope(runtime.sessions, writes=False) as s:
        lookup = await load_lookup(s, mailbox_id, parsed)
    wanted = [(key, item) for item in parsed if item.inbound.kind == Kind.REPLY
              and (key := _key("reply", item.ident)) not in lookup.seen
              and lookup.match(item.inbound, _sender_key(item.inbound.from_address))[0] is not None]
    limit = asyncio.Semaphore(CLASSIFY_CONCURRENCY)

    async def one(key: str, item: Parsed) -> tuple[str, Classification]:
        text, subject = _reply_texts(item.inbound)
        async with limit:
            return key, await classifier.classify(text, subject=subject)

    return dict(await asyncio.gather(*(one(key, item) for key, item in wanted)))


async def apply_inbound(runtime: EmailRuntime, s: AsyncSession, mailbox: Mailbox, item: Parsed,
                        lookup: BatchLookup, verdicts: Mapping[str, Classification] | None = None) -> Applied:
    """Record one inbound message and apply what it means (see the module docstring).

    ``verdicts``: labels of replies classified beforehand (``classify_replies``), by key; the rules label
    any other reply."""
    now = runtime.deps.clock()
    applied = Applied()
    inbound, ident = item.inbound, item.ident
    if inbound.kind == Kind.BOUNCE:
        for bounce in inbound.bounces:
            recipient = _sender_key(bounce.recipient) if bounce.recipient else None
            key = _key("bounce", ident, recipient or "")
            if key in lookup.seen:
                applied.duplicates += 1
                continue
            message, how = lookup.match(inbound, recipient)
            if message is None:
                applied.unmatched += 1
                continue
            detail: dict[str, Any] = {
                "status": bounce.status, "action": bounce.action, "diagnostic": clean(bounce.diagnostic, 500),
                      "recipient": recipient or message.to_email, "permanent": bounce.permanent,
                      "hard": bounce.hard, "matched_by": how, "from": clean(inbound.from_address, 320)}
            repo.record_event(s, kind="bounce", at=now, message_id=message.id, campaign_id=message.campaign_id,
                                 contact_id=message.contact_id, detail=detail, external_key=key)
            lookup.seen.add(key)
            applied.bounces += 1
            if bounce.permanent:
                if message.status in (SENT, REPLIED):
                    message.status, message.bounced_at = BOUNCED, now
                await repo.add_suppression(s, kind="address", value=recipient or _sender_key(message.to_email)
                                           or message.to_email.lower(),
                                           reason="bounced", source=f"message:{message.id}",
                                           contact_id=message.contact_id, campaign_id=message.campaign_id)
                await repo.stop_contact_enrolments(s, message.contact_id, "bounced", now,
                                                   email=recipient or message.to_email)
            title = (f"E-mail bounced ({bounce.status})" if bounce.permanent
                     else f"E-mail delivery delayed ({bounce.status or 'temporary'})")
            await enqueue_timeline(runtime, s, message, kind="bounced", key=key, title=title, detail=detail, at=now,
                                   status=LeadStatus.bounced.value if bounce.permanent else None)
        return applied

    key = _key("reply" if inbound.kind == Kind.REPLY else "auto", ident)
    if key in lookup.seen:
        applied.duplicates += 1
        return applied
    sender = _sender_key(inbound.from_address)
    message, how = lookup.match(inbound, sender)
    if message is None:
        applied.unmatched += 1
        return applied
    text, subject = _reply_texts(inbound)
    base: dict[str, Any] = {"from": clean(inbound.from_address, 320), "subject": subject, "text": text,
                            "matched_by": how, "message_id": inbound.message_id}
    if inbound.kind == Kind.AUTO_REPLY:
        detail = {**base, "reason": inbound.auto_reply_reason, "out_of_office": inbound.out_of_office}
        if inbound.out_of_office and message.contact_id is not None:
            until = postpone_until(f"{subject}\n{text}", now, runtime.settings.email_ooo_postpone_days)
            detail["postponed_until"] = until.isoformat()
            applied.postponed += await repo.postpone_contact_enrolments(s, message.contact_id, until)
        repo.record_event(s, kind="auto_reply", at=now, message_id=message.id, campaign_id=message.campaign_id,
                             contact_id=message.contact_id, detail=detail, external_key=key)
        lookup.seen.add(key)
        applied.auto_replies += 1
        title = "Out-of-office reply" if inbound.out_of_office else "Automatic reply"
        await enqueue_timeline(runtime, s, message, kind="auto_reply", key=key, title=title, detail=detail, at=now)
        return applied

    verdict = (verdicts or {}).get(key) or RULES.classify_sync(text, subject=subject)
    detail = {**base, "category": verdict.category, "confidence": verdict.confidence, "reason": verdict.reason,
              "classifier": verdict.classifier}
    applied.categories[verdict.category] = applied.categories.get(verdict.category, 0) + 1
    if verdict.category == "out_of_office" and message.contact_id is not None:
        # A person's own "I am away until …" (no auto-reply headers): postpone like an auto-reply.
        until = postpone_until(f"{subject}\n{text}", now, runtime.settings.email_ooo_postpone_days)
        detail["postponed_until"] = until.isoformat()
        applied.postponed += await repo.postpone_contact_enrolments(s, message.contact_id, until)
    else:
        reason = "unsubscribed" if verdict.category == "unsubscribe" else "replied"
        await repo.stop_contact_enrolments(s, message.contact_id, reason, now, email=message.to_email)
    if message.status in (SENT, BOUNCED):
        message.status, message.replied_at = REPLIED, now
    repo.record_event(s, kind="reply", at=now, message_id=message.id, campaign_id=message.campaign_id,
                         contact_id=message.contact_id, detail=detail, external_key=key)
    lookup.seen.add(key)
    applied.replies += 1
    await enqueue_timeline(runtime, s, message, kind="replied", key=key,
                    title=f"Replied: {subject or '(no subject)'}", detail=detail, at=now,
                    status=LeadStatus.replied.value)
    if verdict.category == "interested" and message.campaign_id is not None and message.contact_id is not None:
        # The job decides whether the campaign has a booking page; the calendar is asked there, not here.
        repo.add_job(s, DRAFT_JOB, {"key": key, "message_id": message.id, "reply_message_id": inbound.message_id,
                                    "references": inbound.thread, "subject": subject},
                     key=f"draft:{key}"[:200], max_attempts=10, run_at=utcnow())
    if verdict.category == "unsubscribe":
        ledger_key = _sender_key(message.to_email) or message.to_email.lower()
        await repo.add_suppression(s, kind="address", value=ledger_key, reason="unsubscribed",
                                   source=f"reply:{message.id}", contact_id=message.contact_id,
                                   campaign_id=message.campaign_id)
        if sender and sender != ledger_key:
            await repo.add_suppression(s, kind="address", value=sender, reason="unsubscribed",
                                       source=f"reply:{message.id}", contact_id=message.contact_id)
        message.unsubscribed_at = now
        ukey = _key("unsub", ident)
        repo.record_event(s, kind="unsubscribe", at=now, message_id=message.id, campaign_id=message.campaign_id,
                             contact_id=message.contact_id, external_key=ukey,
                             detail={"via": "reply", "from": clean(inbound.from_address, 320)})
        applied.unsubscribes += 1
        await enqueue_timeline(runtime, s, message, kind="unsubscribed", key=ukey, title="Unsubscribed by reply",
                        detail={"via": "reply"}, at=now, status=LeadStatus.unsubscribed.value)
    return applied


# -- the poll ---------------------------------------------------------------------------------------

def _config(runtime: EmailRuntime, mailbox: Mailbox) -> ImapConfig:
    settings = runtime.settings
    password = ""
    if mailbox.imap_password_sealed:
        password = runtime.deps.box.open(mailbox.imap_password_sealed, context=f"mailbox:{mailbox.id}:imap")
    security = mailbox.imap_security if mailbox.imap_security in ("none", "starttls", "tls") else "tls"
    return ImapConfig(host=mailbox.imap_host or "", port=int(mailbox.imap_port or 993),
                      security=security,  # type: ignore[arg-type]
                      username=mailbox.imap_username or mailbox.from_email, password=password,
                      timeout=settings.imap_timeout, tls_verify=settings.imap_tls_verify)


def _cursor(state: dict[str, Any] | None) -> ImapCursor:
    state = state or {}
    validity = state.get("uidvalidity")
    return ImapCursor(int(validity) if isinstance(validity, int) else None, int(state.get("last_uid") or 0))


async def poll_one_mailbox(runtime: EmailRuntime, mailbox_id: int, ctx: JobContext | None = None,
                           classifier: ReplyClassifier | None = None) -> Applied:
    """Read a mailbox's new messages batch by batch until none is left (see the module docstring).

    ``classifier``: who labels replies (default: asked of the ai service now, reply_labels.py)."""
    total = Applied()
    if classifier is None:
        classifier = await reply_classifier(runtime.deps.ai)
    while True:
        async with session_scope(runtime.sessions, writes=False) as s:
            mailbox = await repo.get_mailbox(s, mailbox_id)
            if mailbox is None or not mailbox.imap_host:
                return total
            config = _config(runtime, mailbox)
            cursor = _cursor(mailbox.imap_state)
        # No session is open while the IMAP server answers.
        try:
            result = await poll_mailbox(config, cursor, batch_size=runtime.settings.imap_batch_size)
        except ImapError as exc:
            async with session_scope(runtime.sessions) as s:
                await repo.set_imap_state(s, mailbox_id, state=None, polled_at=runtime.deps.clock(),
                                          error=f"{exc.problem}: {exc}"[:1000])
            if exc.problem == "connect":
                raise  # passing: the job retries with backoff
            return total  # a wrong login or a refused folder waits for a person; the error is on the mailbox
        validity = result.cursor.uidvalidity or 0
        parsed = [parse_fetched(mailbox_id, validity, f) for f in result.messages]  # CPU only, no session
        verdicts = await classify_replies(runtime, mailbox_id, parsed, classifier)
        try:
            async with session_scope(runtime.sessions) as s:
                mailbox = await repo.get_mailbox(s, mailbox_id)
                if mailbox is None:
                    return total
                if _cursor(mailbox.imap_state) != cursor:
                    continue  # another poller moved the cursor meanwhile: start again from where it is now
                lookup = await load_lookup(s, mailbox_id, parsed)
                batch = Applied()
                for item in parsed:
                    batch.add(await apply_inbound(runtime, s, mailbox, item, lookup, verdicts))
                await repo.set_imap_state(
                    s, mailbox_id, state={"uidvalidity": result.cursor.uidvalidity,
                                          "last_uid": result.cursor.last_uid},
                    polled_at=runtime.deps.clock(), error=None)
        except sa.exc.IntegrityError:
            continue  # a concurrent poll of this mailbox recorded the same events first: read again
        total.add(batch)
        if ctx is not None:
            await ctx.progress(ctx.done + len(result.messages))
        if not result.more:
            return total


def _slot(now: datetime, seconds: float) -> int:
    return int(now.timestamp() // seconds)


async def schedule_next_poll(runtime: EmailRuntime, *, now: datetime | None = None) -> None:
    """The poll of the next time slot, once (the slot is the job's key)."""
    now = now or runtime.deps.clock()
    seconds = runtime.settings.imap_poll_seconds
    slot = _slot(now, seconds) + 1
    run_at = datetime.fromtimestamp(slot * seconds, tz=UTC)
    try:
        async with session_scope(runtime.sessions) as s:
            await runtime.jobs.enqueue(s, POLL_JOB, {"slot": slot}, run_at=run_at, key=f"imap-poll:{slot}",
                                       max_attempts=3)
            await repo.prune_finished_jobs(s, POLL_JOB, now - timedelta(days=1))
    except sa.exc.IntegrityError:
        pass  # another process scheduled the same slot


async def poll_replies(ctx: JobContext) -> dict[str, Any]:
    """Job: poll every mailbox with IMAP, then schedule the next poll."""
    runtime: EmailRuntime = ctx.runtime
    total = Applied()
    errors: dict[str, str] = {}
    try:
        async with session_scope(runtime.sessions, writes=False) as s:
            ids = await repo.imap_mailbox_ids(s)
        classifier = await reply_classifier(runtime.deps.ai) if ids else None  # once for every mailbox
        for mailbox_id in ids:
            try:
                total.add(await poll_one_mailbox(runtime, mailbox_id, ctx, classifier))
            except ImapError as exc:
                errors[str(mailbox_id)] = str(exc)
    finally:
        await schedule_next_poll(runtime)
    return {**total.as_dict(), "mailboxes": len(ids), "errors": errors}


async def tell_leads(ctx: JobContext) -> dict[str, Any]:
    """Job: one inbound event on the contact's timeline in leads, and the contact's status moved."""
    runtime: EmailRuntime = ctx.runtime
    activity = ActivityCreate.model_validate(ctx.payload["activity"])
    leads = runtime.deps.leads
    try:
        await leads.record_activity(activity)
        status = ctx.payload.get("status")
        if status and activity.contact_id is not None:
            moved = await move_contact(leads, activity.contact_id, LeadStatus(status))
            if moved:
                return {"status": moved}
    except (NotFound, Invalid) as exc:  # the contact is gone, or leads refuses the entry: no retry changes that
        return {"refused": str(exc)[:500]}
    return {}


HANDLERS = {POLL_JOB: poll_replies, TIMELINE_JOB: tell_leads}
