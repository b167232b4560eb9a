"""Routes of the email service: mailboxes and caught mail, templates, campaigns, the ledger, transactional mail
for other services, stopping sequences, and the public one-click unsubscribe."""

from __future__ import annotations

import asyncio
import html
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from fastapi.responses import HTMLResponse

from services.kit.auth import (
    AdminPrincipal,
    Principal,
    ReaderPrincipal,
    StaffPrincipal,
    require_scope,
    user_or_scope,
)
from services.kit.deps import Limit, Offset, SessionDep
from services.kit.errors import Invalid, NotFound
from services.kit.jobs_api import jobs_router

from . import ai_lines, audiences, service
from . import repository as repo
from .deps import RuntimeDep
from .schemas import (
    AudiencePreview,
    AudiencePreviewRequest,
    CampaignCreate,
    CampaignDetail,
    CampaignPage,
    CampaignState,
    CampaignStats,
    CampaignStatus,
    CampaignUpdate,
    CaughtMessageRead,
    CaughtPage,
    CaughtSummaryRead,
    ConnectionTestRead,
    EligibilityRead,
    MailboxCreate,
    MailboxRead,
    MailboxUpdate,
    MessageItem,
    MessagePage,
    MessageRead,
    MessageStatus,
    PreviewRead,
    PreviewRequest,
    SequenceStop,
    SequenceStopped,
    TemplateCreate,
    TemplatePage,
    TemplateRead,
    TemplateUpdate,
    TransactionalCreate,
    TransactionalRead,
    UnsubscribeDone,
    VariableRead,
    VariablesRead,
)
from .template_variables import STANDARD_VARIABLES

jobs = jobs_router("email")
mailboxes = APIRouter(prefix="/email/mailboxes", tags=["email-mailboxes"])
caught = APIRouter(prefix="/email/caught", tags=["email-caught"])
templates = APIRouter(prefix="/email", tags=["email-templates"])
campaigns = APIRouter(prefix="/email/campaigns", tags=["email-campaigns"])
messages = APIRouter(prefix="/email/messages", tags=["email-messages"])
services_api = APIRouter(prefix="/email", tags=["email-services"])
public = APIRouter(prefix="/email/unsubscribe", tags=["email-public"])

Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
CaughtKey = Annotated[str, Path(pattern=r"^[0-9]{20}\.[0-9]+_[0-9]+$", max_length=80)]
Token = Annotated[str, Path(min_length=10, max_length=1000, pattern=r"^[A-Za-z0-9_.%-]+$")]
Sender = Annotated[Principal, Depends(require_scope("email:send"))]
SequenceStopper = Annotated[Principal, Depends(user_or_scope("email:sequences"))]
DEMO: dict[int | str, dict[str, object]] = {403: {"description": "Refused in the demo (OUTBOUND_DEMO_MODE)"}}
ADMIN: dict[int | str, dict[str, object]] = {403: {"description": "Admins only, and refused in the demo"},
                                             404: {}, 409: {"description": "Not possible in this state"}}


# --- mailboxes ------------------------------------------------------------------------------------

@mailboxes.get("")
async def list_mailboxes(session: SessionDep, runtime: RuntimeDep, _: ReaderPrincipal) -> list[MailboxRead]:
    """Every mailbox with its pacing, pause state and the messages it sent in the last 24 hours."""
    rows = await repo.list_mailboxes(session)
    counts = await service.sent_counts(session, [m.id for m in rows], runtime.deps.clock())
    return [service.mailbox_read(m, counts.get(m.id, 0)) for m in rows]


@mailboxes.post("", status_code=status.HTTP_201_CREATED, responses=DEMO)
async def create_mailbox(body: MailboxCreate, session: SessionDep, runtime: RuntimeDep,
                         actor: StaffPrincipal) -> MailboxRead:
    """Add an SMTP mailbox (optionally with IMAP); passwords are sealed and never returned."""
    return service.mailbox_read(await service.create_mailbox(session, runtime, body, actor.actor))


@mailboxes.get("/{mailbox_id}", responses={404: {}})
async def get_mailbox(mailbox_id: Id, session: SessionDep, runtime: RuntimeDep, _: ReaderPrincipal) -> MailboxRead:
    """One mailbox."""
    mailbox = await service.must_mailbox(session, mailbox_id)
    counts = await service.sent_counts(session, [mailbox_id], runtime.deps.clock())
    return service.mailbox_read(mailbox, counts.get(mailbox_id, 0))


@mailboxes.patch("/{mailbox_id}", responses={404: {}, **DEMO})
async def update_mailbox(mailbox_id: Id, body: MailboxUpdate, session: SessionDep, runtime: RuntimeDep,
                         _: StaffPrincipal) -> MailboxRead:
    """Change a mailbox; fields left out stay, a password sent as null is removed."""
    return service.mailbox_read(await service.update_mailbox(session, runtime, mailbox_id, body))


@mailboxes.delete("/{mailbox_id}", status_code=status.HTTP_204_NO_CONTENT, responses={404: {}, 409: {}, **DEMO})
async def delete_mailbox(mailbox_id: Id, session: SessionDep, _: StaffPrincipal) -> None:
    """Remove a mailbox no campaign and no message uses."""
    await service.delete_mailbox(session, mailbox_id)


@mailboxes.post("/{mailbox_id}/test", responses={404: {}, **DEMO})
async def test_mailbox(mailbox_id: Id, runtime: RuntimeDep, _: StaffPrincipal) -> ConnectionTestRead:
    """Connect, greet, upgrade and log in as sending would; the server's own replies, step by step."""
    return await service.test_mailbox(runtime, mailbox_id)


@mailboxes.post("/{mailbox_id}/resume", responses={404: {}, **DEMO})
async def resume_mailbox(mailbox_id: Id, session: SessionDep, runtime: RuntimeDep,
                         _: StaffPrincipal) -> MailboxRead:
    """Clear a mailbox's pause (after fixing what the server refused); its waiting messages go out."""
    mailbox = service.mailbox_read(await service.resume_mailbox(session, mailbox_id))
    if runtime.deps.engine is not None:
        runtime.deps.engine.wake()
    return mailbox


# --- caught mail ------------------------------------------------------------------------------------

def _summary(item: object) -> CaughtSummaryRead:
    s = item
    return CaughtSummaryRead(id=s.key, received_at=s.received_at, mail_from=s.mail_from,  # type: ignore[attr-defined]
                             rcpt_tos=s.rcpt_tos, subject=s.subject, from_header=s.from_header,  # type: ignore[attr-defined]
                             to_header=s.to_header, size=s.size)  # type: ignore[attr-defined]


@caught.get("")
async def list_caught(runtime: RuntimeDep, _: ReaderPrincipal, limit: Limit = 50, offset: Offset = 0) -> CaughtPage:
    """Mail the local catcher received, newest first."""
    items, total = await asyncio.to_thread(runtime.deps.caught.list, limit=limit, offset=offset)
    return CaughtPage(items=[_summary(i) for i in items], total=total)


@caught.get("/{key}", responses={404: {}})
async def get_caught(key: CaughtKey, runtime: RuntimeDep, _: ReaderPrincipal) -> CaughtMessageRead:
    """One caught message: headers, text part, HTML part and attachments."""
    found = await asyncio.to_thread(runtime.deps.caught.get, key)
    if found is None:
        raise NotFound("No caught message has this id.")
    return CaughtMessageRead(**_summary(found.summary).model_dump(), headers=found.headers, text=found.text,
                             html=found.html, attachments=[{"filename": a.filename, "content_type": a.content_type,
                                                            "size": a.size} for a in found.attachments])


# --- templates ------------------------------------------------------------------------------------

@templates.get("/templates")
async def list_templates(session: SessionDep, runtime: RuntimeDep, _: ReaderPrincipal, limit: Limit = 50,
                         offset: Offset = 0) -> TemplatePage:
    """Templates, newest first, with the variables each reads."""
    rows, total = await repo.list_templates(session, limit=limit, offset=offset)
    return TemplatePage(items=[service.template_read(t, runtime) for t in rows], total=total)


@templates.post("/templates", status_code=status.HTTP_201_CREATED, responses={422: {}})
async def create_template(body: TemplateCreate, session: SessionDep, runtime: RuntimeDep,
                          actor: StaffPrincipal) -> TemplateRead:
    """Save a template; a syntax error or sandbox violation is a 422 naming the field and line."""
    return service.template_read(await service.create_template(session, runtime, body, actor.actor), runtime)


@templates.get("/templates/{template_id}", responses={404: {}})
async def get_template(template_id: Id, session: SessionDep, runtime: RuntimeDep,
                       _: ReaderPrincipal) -> TemplateRead:
    """One template."""
    return service.template_read(await service.must_template(session, template_id), runtime)


@templates.patch("/templates/{template_id}", responses={404: {}, 422: {}})
async def update_template(template_id: Id, body: TemplateUpdate, session: SessionDep, runtime: RuntimeDep,
                          _: StaffPrincipal) -> TemplateRead:
    """Change a template (checked like a new one)."""
    return service.template_read(await service.update_template(session, runtime, template_id, body), runtime)


@templates.delete("/templates/{template_id}", status_code=status.HTTP_204_NO_CONTENT, responses={404: {}, 409: {}})
async def delete_template(template_id: Id, session: SessionDep, _: StaffPrincipal) -> None:
    """Delete a template no campaign step uses."""
    await service.delete_template(session, template_id)


@templates.post("/templates/{template_id}/preview", responses={404: {}, 422: {}})
async def preview_template(template_id: Id, body: PreviewRequest, runtime: RuntimeDep,
                           actor: StaffPrincipal) -> PreviewRead:
    """Render the template for a real contact, with the variables that would come out empty."""
    return await service.preview_template(runtime, template_id, body, actor)


@templates.get("/template-variables")
async def template_variables(_: ReaderPrincipal) -> VariablesRead:
    """The variables a template may use (the editor's panel)."""
    items = [VariableRead(name=name, description=text) for name, text in STANDARD_VARIABLES.items()]
    items.append(VariableRead(name="salutation",
                              description="the greeting line, e.g. 'Sehr geehrter Herr Dr. Bergmann,'"))
    return VariablesRead(items=items)


# --- campaigns ------------------------------------------------------------------------------------

@campaigns.get("")
async def list_campaigns(session: SessionDep, _: ReaderPrincipal,
                         status_: Annotated[CampaignStatus | None, Query(alias="status")] = None,
                         contact_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
                         limit: Limit = 50, offset: Offset = 0) -> CampaignPage:
    """Campaigns, newest first, each with its progress (and with contact_id, that contact's enrolment)."""
    rows, total = await repo.list_campaigns(session, status=status_, limit=limit, offset=offset, contact_id=contact_id)
    return CampaignPage(items=await service.campaign_reads(session, rows, contact_id), total=total)


@campaigns.post("", status_code=status.HTTP_201_CREATED, responses={422: {}})
async def create_campaign(body: CampaignCreate, session: SessionDep, runtime: RuntimeDep,
                          actor: StaffPrincipal) -> CampaignDetail:
    """Create a draft: mailboxes to rotate over, the contacts (ids and/or an audience), the steps and the window."""
    # Leads answers before our session is first used: no transaction is open across the call.
    ids, picked = await audiences.pick(runtime, body.contact_ids, body.audience)
    campaign = await service.create_campaign(session, body, actor.actor, contact_ids=ids, audience=picked)
    await ai_lines.enqueue_for_draft(session, runtime, campaign.id, actor.actor)
    return await service.campaign_detail(session, campaign.id)


@campaigns.post("/audience-preview", responses={422: {}})
async def audience_preview(body: AudiencePreviewRequest, runtime: RuntimeDep,
                           _: ReaderPrincipal) -> AudiencePreview:
    """The live count of an audience being built: total, eligible, and how many are excluded for each reason."""
    return await audiences.preview(runtime, body)


@campaigns.get("/{campaign_id}", responses={404: {}})
async def get_campaign(campaign_id: Id, session: SessionDep, _: ReaderPrincipal) -> CampaignDetail:
    """One campaign with its progress."""
    return await service.campaign_detail(session, campaign_id)


@campaigns.patch("/{campaign_id}", responses={404: {}, 409: {}, 422: {}})
async def update_campaign(campaign_id: Id, body: CampaignUpdate, session: SessionDep, runtime: RuntimeDep,
                          actor: StaffPrincipal) -> CampaignDetail:
    """Change a draft."""
    ids, picked = (await audiences.pick(runtime, body.contact_ids, body.audience) if body.audience is not None
                   else (None, None))
    await service.update_campaign(session, campaign_id, body, contact_ids=ids, audience=picked)
    if body.steps is not None or body.contact_ids is not None or body.audience is not None:
        await ai_lines.enqueue_for_draft(session, runtime, campaign_id, actor.actor)
    return await service.campaign_detail(session, campaign_id)


@campaigns.delete("/{campaign_id}", status_code=status.HTTP_204_NO_CONTENT, responses={404: {}, 409: {}})
async def delete_campaign(campaign_id: Id, session: SessionDep, _: StaffPrincipal) -> None:
    """Delete a draft."""
    await service.delete_campaign(session, campaign_id)


@campaigns.get("/{campaign_id}/stats", responses={404: {}})
async def campaign_stats(campaign_id: Id, session: SessionDep, _: ReaderPrincipal) -> CampaignStats:
    """The funnel (sent, opened, clicked, replied, interested, bounced, unsubscribed) and its days."""
    return await service.campaign_stats(session, campaign_id)


@campaigns.get("/{campaign_id}/eligibility", responses={404: {}})
async def campaign_eligibility(campaign_id: Id, runtime: RuntimeDep, _: ReaderPrincipal) -> EligibilityRead:
    """Who would not be mailed and why, and the variables that would render empty per contact."""
    return await service.eligibility(runtime, campaign_id)


async def _state(runtime: RuntimeDep, campaign_id: int, action: str, actor: Principal) -> CampaignState:
    return await service.change_state(runtime, campaign_id, action, actor.actor)


@campaigns.post("/{campaign_id}/start", responses=ADMIN)
async def start_campaign(campaign_id: Id, runtime: RuntimeDep, actor: AdminPrincipal) -> CampaignState:
    """Start a draft: its first step is rendered into the ledger and sending begins (admins only)."""
    return await _state(runtime, campaign_id, "start", actor)


@campaigns.post("/{campaign_id}/pause", responses=ADMIN)
async def pause_campaign(campaign_id: Id, runtime: RuntimeDep, actor: AdminPrincipal) -> CampaignState:
    """Pause sending (admins only)."""
    return await _state(runtime, campaign_id, "pause", actor)


@campaigns.post("/{campaign_id}/resume", responses=ADMIN)
async def resume_campaign(campaign_id: Id, runtime: RuntimeDep, actor: AdminPrincipal) -> CampaignState:
    """Resume a paused campaign (admins only)."""
    return await _state(runtime, campaign_id, "resume", actor)


@campaigns.post("/{campaign_id}/stop", responses=ADMIN)
async def stop_campaign(campaign_id: Id, runtime: RuntimeDep, actor: AdminPrincipal) -> CampaignState:
    """Stop for good: every sequence ends, nothing more is sent (admins only)."""
    return await _state(runtime, campaign_id, "stop", actor)


# --- the ledger -----------------------------------------------------------------------------------

@messages.get("")
async def list_messages(session: SessionDep, _: ReaderPrincipal,
                        contact_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
                        campaign_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
                        status_: Annotated[MessageStatus | None, Query(alias="status")] = None,
                        limit: Limit = 50, offset: Offset = 0) -> MessagePage:
    """The ledger: messages of a contact or a campaign with their status, newest first."""
    rows, total = await repo.list_messages(session, contact_id=contact_id, campaign_id=campaign_id, status=status_,
                                           limit=limit, offset=offset)
    return MessagePage(items=[service.message_item(m) for m in rows], total=total)


@messages.get("/{message_id}", responses={404: {}})
async def get_message(message_id: Id, session: SessionDep, _: ReaderPrincipal) -> MessageRead:
    """One message with its content and events."""
    return await service.message_detail(session, message_id)


@messages.post("/{message_id}/resend", responses=ADMIN)
async def resend_message(message_id: Id, runtime: RuntimeDep, actor: AdminPrincipal) -> MessageItem:
    """Send an unknown or failed message again, with the same Message-ID (admins only)."""
    return await service.resend_message(runtime, message_id, actor.actor)


@messages.post("/{message_id}/discard", responses=ADMIN)
async def discard_message(message_id: Id, runtime: RuntimeDep, _: AdminPrincipal) -> MessageItem:
    """Decide not to send an unknown or failed message again (admins only)."""
    return await service.discard_message(runtime, message_id)


# --- for other services -----------------------------------------------------------------------------

@services_api.post("/transactional", status_code=status.HTTP_201_CREATED,
                   responses={200: {"model": TransactionalRead, "description": "The key was seen before"},
                              404: {}, 409: {}})
async def send_transactional(body: TransactionalCreate, runtime: RuntimeDep, response: Response,
                             _: Sender) -> TransactionalRead:
    """Send one message now through a mailbox (scope email:send); the same key again sends nothing."""
    result = await service.send_transactional(runtime, body)
    if not result.created:
        response.status_code = status.HTTP_200_OK
    return result


@services_api.post("/contacts/{contact_id}/stop")
async def stop_sequences(contact_id: Id, body: SequenceStop, runtime: RuntimeDep,
                         _: SequenceStopper) -> SequenceStopped:
    """Stop every running sequence of a contact (a booking, a reply); repeating it is harmless."""
    return await service.stop_sequences(runtime, contact_id, body)


# --- public: one-click unsubscribe (RFC 8058) ---------------------------------------------------------

_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport"
content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937}}
button{{font:inherit;padding:.6rem 1.2rem;border-radius:.4rem;border:0;background:#1f2937;color:#fff;cursor:pointer}}
</style></head><body><h1>{title}</h1>{body}</body></html>"""


def _mask(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:2]}{'•' * max(len(local) - 2, 1)}@{domain}"


@public.get("/{token}", response_class=HTMLResponse, responses={404: {}})
async def unsubscribe_page(token: Token, runtime: RuntimeDep) -> HTMLResponse:
    """The confirmation page behind the unsubscribe link (opening it changes nothing)."""
    from .links import read_unsubscribe_token

    target = read_unsubscribe_token(runtime.deps.link_key, token)
    if target is None:
        page = _PAGE.format(title="This link is not valid",
                            body="<p>The unsubscribe link is incomplete or altered.</p>")
        return HTMLResponse(page, status_code=404)
    body = (f"<p>Stop all e-mail to <strong>{html.escape(_mask(target.email))}</strong>?</p>"
            f'<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">'
            f'<button type="submit">Unsubscribe</button></form>')
    return HTMLResponse(_PAGE.format(title="Unsubscribe", body=body),
                        headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})


@public.post("/{token}", responses={200: {"content": {"text/html": {}}}, 404: {}, 422: {}})
async def unsubscribe(token: Token, request: Request, runtime: RuntimeDep) -> Response:
    """One-click unsubscribe (body ``List-Unsubscribe=One-Click``, no cookies): nothing more goes to the address."""
    raw = await request.body()
    if len(raw) > 10_000:
        raise Invalid("the body is too large")
    fields = parse_qs(raw.decode("utf-8", errors="replace"))
    if "One-Click" not in fields.get("List-Unsubscribe", []) and b"List-Unsubscribe=One-Click" not in raw:
        raise Invalid("the body must be List-Unsubscribe=One-Click (RFC 8058)",
                      errors=[{"loc": ["body", "List-Unsubscribe"], "msg": "expected One-Click",
                               "type": "value_error"}])
    _target, stopped, _added = await service.unsubscribe(runtime, token)
    if "text/html" in request.headers.get("accept", ""):
        page = _PAGE.format(title="You are unsubscribed", body="<p>You will not receive further e-mail from us.</p>")
        return HTMLResponse(page, headers={"Cache-Control": "no-store"})
    return Response(UnsubscribeDone(unsubscribed=True, stopped=stopped).model_dump_json(),
                    media_type="application/json")


ROUTERS = [mailboxes, caught, templates, campaigns, messages, services_api, public, jobs]
