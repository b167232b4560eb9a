"""Background work of the e-mail service run by the kit's job workers: preparing a started campaign, and
telling leads what happened to a message (the contact's timeline and status).

Each handler reads in a short unit of work, calls leads with no session open and raises on a passing
failure so the kit retries with backoff. Timeline entries carry an ``external_id`` that says what they
mean (``email:message:<id>:sent``), so a retried job never adds one twice. The sender records "sent" with one job
for all the messages of a group commit (``message_ids``).
"""

from __future__ import annotations

from typing import Any

from services.kit.errors import Invalid, NotFound
from services.kit.jobs import Handler, JobContext
from services.leads.schemas import ActivityCreate, LeadStatus

from . import repository as repo
from .deps import EmailRuntime
from .lead_status import move_contact
from .prepare import prepare_campaign
from .service import reads

TITLES = {"sent": "E-mail sent", "bounced": "E-mail bounced", "failed": "E-mail not sent",
          "unknown": "E-mail delivery unknown"}


async def record_timeline(ctx: JobContext) -> dict[str, Any]:
    runtime: EmailRuntime = ctx.runtime
    kind = str(ctx.payload["kind"])
    leads = runtime.deps.leads
    if kind == "unsubscribed":
        contact_id = int(ctx.payload["contact_id"])
        detail = {"email": ctx.payload.get("email"), "campaign_id": ctx.payload.get("campaign_id")}
        activity = ActivityCreate(contact_id=contact_id, type="email.unsubscribed",
                                  title="Unsubscribed from e-mail", detail=detail,
                                  external_id=f"email:contact:{contact_id}:unsubscribed")
        try:
            await leads.record_activity(activity)
            moved = await move_contact(leads, contact_id, LeadStatus.unsubscribed)
        except NotFound:
            return {"skipped": "the contact no longer exists"}
        return {"recorded": "unsubscribed", **({"status": moved} if moved else {})}
    if "message_ids" in ctx.payload:  # the sender's group commits: one job for the messages each recorded as sent
        outcomes = [await _record_message(runtime, int(message_id), kind) for message_id in ctx.payload["message_ids"]]
        return {"messages": len(outcomes), "recorded": sum("recorded" in o for o in outcomes)}
    return await _record_message(runtime, int(ctx.payload["message_id"]), kind)


async def _record_message(runtime: EmailRuntime, message_id: int, kind: str) -> dict[str, Any]:
    """One message's entry on the lead's timeline (and the contact's status); a passing failure raises, so the job
    is retried — entries already made are not made twice (their ``external_id``)."""
    leads = runtime.deps.leads
    async with reads(runtime) as s:
        message = await repo.get_message(s, message_id)
    if message is None:
        return {"skipped": "the message no longer exists"}
    if message.contact_id is None and message.company_id is None and not message.key:
        return {"skipped": "no contact"}
    note = message.timeline or {}
    title = f"{TITLES.get(kind, 'E-mail')}: {message.subject}"[:300]
    type_ = f"email.{kind}"
    if kind == "sent" and note:
        type_, title = str(note.get("type") or type_), str(note.get("title") or title)
    detail = {"message_id": message.id, "rfc822_message_id": message.message_id, "campaign_id": message.campaign_id,
              "step": message.step, "mailbox_id": message.mailbox_id, "to": message.to_email,
              "status": message.status, "smtp_reply": (message.smtp_reply or "")[:500]}
    try:
        activity = ActivityCreate(contact_id=message.contact_id, company_id=message.company_id,
                                  contact_email=message.to_email if message.contact_id is None else None,
                                  type=type_, title=title, detail=detail,
                                  occurred_at=message.sent_at or message.bounced_at or message.updated_at,
                                  external_id=f"email:message:{message.id}:{kind}")
    except ValueError as exc:
        return {"skipped": f"not recordable: {exc}"}
    try:
        await leads.record_activity(activity)
    except (NotFound, Invalid) as exc:
        return {"skipped": f"leads refused the entry: {exc}"}
    # The engine records "bounced" for a hard bounce at SMTP (5.1.x) only: the address is dead.
    target = {"sent": LeadStatus.contacted, "bounced": LeadStatus.bounced}.get(kind)
    if target is not None and message.contact_id is not None:
        try:
            moved = await move_contact(leads, message.contact_id, target)
        except NotFound:
            return {"recorded": kind, "status": "the contact no longer exists"}
        if moved:
            return {"recorded": kind, "status": moved}
    return {"recorded": kind}


HANDLERS: dict[str, Handler] = {"email.prepare": prepare_campaign, "email.timeline": record_timeline}
