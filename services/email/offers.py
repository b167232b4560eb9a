"""From "interested" to a meeting: the answer that offers the booking page's next free slots.

When the reply poller classifies a reply as ``interested`` it enqueues ``email.reply_draft`` in the
batch's transaction (keyed by the reply, so a re-poll drafts nothing twice). The job reads the ledger row
the lead answered and its campaign; when the campaign has a booking page it asks leads for the contact and
the calendar for the host's next three free slots in the contact's time zone (re-checked against the
provider, each a one-click booking link) with no session open, then stores a draft in the contact's
language (de/en, formal). A passing failure of either raises: the job retries with backoff. A person
sends the draft (a transactional ledger row keyed ``reply-draft:<id>``, In-Reply-To the lead's reply,
``references`` the whole thread per RFC 5322 §3.6.4: the reply's References, then the reply; through the
campaign's mailbox, on the timeline as ``email.reply_sent``) or discards it.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from services.calendar.schemas import NextSlotsRead
from services.kit.errors import Conflict, Invalid, NotFound
from services.kit.jobs import JobContext
from services.leads.schemas import CompanyRead, ContactRead

from . import repository as repo
from .addresses import parse_cached
from .deps import EmailRuntime
from .headers import header_value, message_id
from .models import QUEUED, Message, ReplyDraft
from .pacing import contact_timezone
from .render import country_of, language_of
from .replies import DRAFT_JOB
from .schemas import ReplyDraftRead
from .service import fetch_companies, fetch_contacts, reads, writes

SLOTS = 3
DRAFT, SENT_DRAFT, DISCARDED = "draft", "sent", "discarded"

_WEEKDAYS = {"de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
             "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
_MONTHS = {"de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                  "Oktober", "November", "Dezember"),
           "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")}
_TEXTS = {
    "de": {"thanks": "vielen Dank für Ihre Rückmeldung. Gern bespreche ich alles Weitere in einem kurzen "
                     "Gespräch. Passt Ihnen einer dieser Termine? Ein Klick auf den Termin bucht ihn:",
           "none": "vielen Dank für Ihre Rückmeldung. Gern bespreche ich alles Weitere in einem kurzen "
                   "Gespräch.",
           "other": "Falls keiner davon passt, wählen Sie hier gern einen anderen Termin:",
           "pick": "Hier können Sie einen passenden Termin wählen:",
           "bye": "Mit freundlichen Grüßen", "re": "AW: ", "zone": "Zeitzone", "clock": " Uhr"},
    "en": {"thanks": "thank you for your reply. I would be glad to talk it through in a short call. Does one "
                     "of these times suit you? One click on a time books it:",
           "none": "thank you for your reply. I would be glad to talk it through in a short call.",
           "other": "If none of them fits, please pick another time here:",
           "pick": "Please pick a time that suits you here:",
           "bye": "Kind regards", "re": "Re: ", "zone": "time zone", "clock": ""},
}


def slot_label(start: datetime, zone: ZoneInfo, language: str) -> str:
    """"Dienstag, 3. Juni 2025, 10:00 Uhr" / "Tuesday, 3 June 2025, 10:00" in the lead's zone."""
    local = start.astimezone(zone)
    lang = "de" if language == "de" else "en"
    day = f"{local.day}." if lang == "de" else str(local.day)
    return (f"{_WEEKDAYS[lang][local.weekday()]}, {day} {_MONTHS[lang][local.month - 1]} {local.year}, "
            f"{local:%H:%M}{_TEXTS[lang]['clock']}")


def reply_subject(subject: str | None, language: str) -> str:
    base = (subject or "").strip()
    if base.lower().startswith(("re:", "aw:", "antw:")):
        return base
    return f"{_TEXTS['de' if language == 'de' else 'en']['re']}{base}".strip()


def compose(*, salutation: str, language: str, offer: NextSlotsRead, zone: ZoneInfo,
            sender_name: str | None) -> tuple[str, str]:
    """(text, html) of the answer: the greeting, the slots as one-click links, the page, the sign-off."""
    t = _TEXTS["de" if language == "de" else "en"]
    slots = [(slot_label(s.start, zone, language), s.book_url) for s in offer.slots]
    intro = t["thanks"] if slots else t["none"]
    zone_note = f"({t['zone']}: {zone.key})"
    text = [salutation, "", intro, ""]
    text += [f"- {label}: {url}" for label, url in slots]
    if slots:
        text += [zone_note, "", t["other"], offer.page_url]
    else:
        text += [t["pick"], offer.page_url]
    text += ["", t["bye"], sender_name or ""]
    e = html.escape
    parts = [f"<p>{e(salutation)}</p>", f"<p>{e(intro)}</p>"]
    if slots:
        items = "".join(f'<li><a href="{e(url, quote=True)}">{e(label)}</a></li>' for label, url in slots)
        parts += [f"<ul>{items}</ul>", f"<p>{e(zone_note)}</p>",
                  f'<p>{e(t["other"])} <a href="{e(offer.page_url, quote=True)}">{e(offer.page_url)}</a></p>']
    else:
        parts.append(f'<p>{e(t["pick"])} <a href="{e(offer.page_url, quote=True)}">{e(offer.page_url)}</a></p>')
    parts.append(f"<p>{e(t['bye'])}<br>{e(sender_name or '')}</p>")
    return "\n".join(text).rstrip() + "\n", "\n".join(parts)


def thread_references(payload: dict[str, Any]) -> list[str] | None:
    """The answer's References from the draft job's payload (the poller's ``inbound.thread``); a job queued
    before the poller recorded threads has only the reply's Message-ID, which then is the whole chain."""
    chain = payload.get("references")
    if isinstance(chain, list) and chain and all(isinstance(mid, str) for mid in chain):
        return [str(mid) for mid in chain]
    reply = payload.get("reply_message_id")
    return [str(reply)] if reply else None


def _zone(runtime: EmailRuntime, stored: str | None, contact: ContactRead, company: CompanyRead | None) -> ZoneInfo:
    settings = runtime.settings
    return contact_timezone(country_of(contact, company), stored, default=settings.email_default_timezone,
                            overrides=settings.email_country_timezones)


async def make_reply_draft(ctx: JobContext) -> dict[str, Any]:
    """Job: the draft answer to one interested reply (see the module doc)."""
    runtime: EmailRuntime = ctx.runtime
    key = str(ctx.payload["key"])
    async with reads(runtime) as s:
        if await repo.reply_draft_by_key(s, key) is not None:
            return {"skipped": "already drafted"}
        answered = await repo.get_message(s, int(ctx.payload["message_id"]))
        if answered is None or answered.campaign_id is None or answered.contact_id is None:
            return {"skipped": "not a campaign message of a contact"}
        campaign = await repo.get_campaign(s, answered.campaign_id)
        if campaign is None or campaign.booking_page_id is None:
            return {"skipped": "the campaign has no booking page"}
        enrolment = await repo.get_enrolment(s, answered.enrolment_id) if answered.enrolment_id else None
        mailbox = await repo.get_mailbox(s, answered.mailbox_id) if answered.mailbox_id else None
        page_id, campaign_id, contact_id = campaign.booking_page_id, campaign.id, answered.contact_id
        answered_id, to_email, stored_zone = answered.id, answered.to_email, enrolment.timezone if enrolment else None
        sender_name = mailbox.from_name if mailbox else None
        mailbox_id = mailbox.id if mailbox else None
    # No session is open while leads and the calendar answer.
    contact = (await fetch_contacts(runtime, [contact_id]))[contact_id]
    if contact is None:
        return {"skipped": "the contact no longer exists"}
    company = (await fetch_companies(runtime, [contact.company_id])).get(contact.company_id or 0)
    language = "de" if language_of(contact, company) == "de" else "en"
    zone = _zone(runtime, stored_zone, contact, company)
    try:
        offer = await runtime.deps.calendar.next_slots(page_id, contact_id, count=SLOTS, campaign_id=campaign_id,
                                                       timezone=zone.key)
    except (NotFound, Invalid) as exc:  # the page is gone or refuses this contact: retrying changes nothing
        return {"skipped": f"the calendar refused: {exc.detail}"[:500]}
    text, body_html = compose(salutation=contact.salutations.pick(language, "formal"), language=language,
                              offer=offer, zone=zone, sender_name=sender_name)
    draft = ReplyDraft(key=key, contact_id=contact_id, company_id=contact.company_id, campaign_id=campaign_id,
                       answered_id=answered_id, mailbox_id=mailbox_id, to_email=to_email, to_name=contact.name,
                       subject=header_value(reply_subject(ctx.payload.get("subject"), language), field="subject",
                                            max_chars=998),
                       body_text=text, body_html=body_html, in_reply_to=ctx.payload.get("reply_message_id"),
                       references=thread_references(ctx.payload),
                       language=language, timezone=zone.key,
                       slots=[s.model_dump(mode="json") for s in offer.slots], page_url=offer.page_url)
    try:
        async with writes(runtime) as s:
            s.add(draft)
            await s.flush()
            draft_id = draft.id
    except sa.exc.IntegrityError:
        return {"skipped": "already drafted"}
    return {"draft": draft_id, "slots": len(offer.slots)}


def draft_read(d: ReplyDraft) -> ReplyDraftRead:
    return ReplyDraftRead.model_validate(d, from_attributes=True)


async def contact_drafts(runtime: EmailRuntime, contact_id: int, include_done: bool) -> list[ReplyDraftRead]:
    async with reads(runtime) as s:
        return [draft_read(d) for d in await repo.contact_reply_drafts(s, contact_id, include_done=include_done)]


async def send_draft(runtime: EmailRuntime, draft_id: int, actor: str) -> ReplyDraftRead:
    """Queue the draft as a reply in the thread (at most once: the ledger key is the draft's)."""
    now = runtime.deps.clock()
    async with writes(runtime) as s:
        draft = await repo.lock_reply_draft(s, draft_id)
        if draft is None:
            raise NotFound(f"Draft {draft_id} does not exist.")
        if draft.status == SENT_DRAFT:
            return draft_read(draft)  # sent before: the same answer, nothing queued twice
        if draft.status != DRAFT:
            raise Conflict(f"Draft {draft_id} was {draft.status}.")
        mailbox = await repo.get_mailbox(s, draft.mailbox_id) if draft.mailbox_id else None
        if mailbox is None:
            mailbox = await repo.default_mailbox(s)
        if mailbox is None:
            raise Conflict("No mailbox is set up to send from.")
        key = f"reply-draft:{draft.id}"
        domain = runtime.settings.message_id_domain or parse_cached(mailbox.from_email).ascii_domain
        row = Message(key=key, mailbox_id=mailbox.id, contact_id=draft.contact_id, company_id=draft.company_id,
                      to_email=draft.to_email, to_name=draft.to_name, reply_to=mailbox.reply_to,
                      subject=draft.subject, body_text=draft.body_text, body_html=draft.body_html,
                      in_reply_to=draft.in_reply_to, references=draft.references, status=QUEUED,
                      timeline={"type": "email.reply_sent", "title": f"Reply sent: {draft.subject}"[:300]},
                      message_id=message_id(runtime.deps.message_id_key, domain, "key", key), attempts=0,
                      next_attempt_at=now)
        s.add(row)
        await s.flush()
        draft.status, draft.sent_message_id, draft.decided_by, draft.updated_at = SENT_DRAFT, row.id, actor, now
        await s.flush()
        result = draft_read(draft)
    if runtime.deps.engine is not None:
        runtime.deps.engine.wake()
    return result


async def discard_draft(runtime: EmailRuntime, draft_id: int, actor: str) -> None:
    async with writes(runtime) as s:
        draft = await repo.lock_reply_draft(s, draft_id)
        if draft is None:
            raise NotFound(f"Draft {draft_id} does not exist.")
        if draft.status == SENT_DRAFT:
            raise Conflict(f"Draft {draft_id} was sent already.")
        draft.status, draft.decided_by, draft.updated_at = DISCARDED, actor, runtime.deps.clock()


HANDLERS = {DRAFT_JOB: make_reply_draft}
