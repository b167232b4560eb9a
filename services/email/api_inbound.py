"""Routes for what comes back: tracking links (public), the replies inbox and a contact's thread, AI-line
review, the suppression list with CSV import and export."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Path, Query, Request, Response, UploadFile, status
from fastapi.responses import RedirectResponse

from services.kit.auth import AdminPrincipal, Principal, StaffPrincipal, require_roles
from services.kit.db import session_scope
from services.kit.deps import Limit, Offset, SessionDep, client_ip
from services.kit.errors import NotFound, PayloadTooLarge
from services.kit.schemas import Page

from . import ai_lines, inbound_service, offers
from . import repository as repo
from .deps import RuntimeDep
from .schemas import (
    AiLineRead,
    AiLinesStarted,
    AiLineStatus,
    AiLineUpdate,
    ReplyCategory,
    ReplyDraftList,
    ReplyDraftRead,
    ReplyRead,
    SuppressionCreate,
    SuppressionImportResult,
    SuppressionRead,
    ThreadRead,
)
from .tracking import PIXEL_GIF, TrackingError

tracking = APIRouter(prefix="/email/t", tags=["email-tracking"])
replies = APIRouter(prefix="/email", tags=["email-replies"])
lines = APIRouter(prefix="/email", tags=["email-ai-lines"])
suppressions = APIRouter(prefix="/email/suppressions", tags=["email-suppressions"])

Reader = Annotated[Principal, Depends(require_roles("admin", "sales", "demo"))]
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
Ref = Annotated[str, Path(min_length=4, max_length=400, pattern=r"^[A-Za-z0-9_-]+$")]
Sig = Annotated[str, Path(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
NO_STORE = {"Cache-Control": "no-store, private", "Referrer-Policy": "no-referrer"}
NOT_A_LINK: dict[int | str, dict[str, object]] = {404: {"description": "Not a tracking link of this install"}}
MAX_CSV_BYTES = 2 * 1024 * 1024


def _who(principal: Principal) -> str:
    return principal.actor[:64]


# --- tracking (public: the gateway lists /api/email/t/) -------------------------------------------------

@tracking.get("/c/{ref}/{sig}", status_code=status.HTTP_302_FOUND, response_class=RedirectResponse,
              responses=NOT_A_LINK)
async def click(ref: Ref, sig: Sig, request: Request, runtime: RuntimeDep,
                u: Annotated[str, Query(min_length=1, max_length=2048)]) -> RedirectResponse:
    """Follow a tracked link: counts the click, then redirects to the URL the message contained."""
    links = inbound_service.tracking_links(runtime)
    try:
        message_id = links.verify("click", ref, sig, u)
    except TrackingError as exc:
        raise NotFound("This link is not valid.") from exc
    if request.method == "GET":
        async with session_scope(runtime.sessions) as s:
            await inbound_service.record_hit(runtime, s, "click", message_id, url=u,
                                             user_agent=request.headers.get("user-agent"),
                                             ip=client_ip(request, runtime.settings.trusted_proxies))
    return RedirectResponse(u, status_code=status.HTTP_302_FOUND, headers=NO_STORE)


@tracking.get("/o/{ref}/{sig}", response_class=Response,
              responses={200: {"content": {"image/gif": {}}, "description": "A transparent 1x1 GIF"}, **NOT_A_LINK})
async def open_pixel(ref: Ref, sig: Sig, request: Request, runtime: RuntimeDep) -> Response:
    """The open pixel: a transparent GIF; the open counts unless a scanner or the send itself fetched it."""
    links = inbound_service.tracking_links(runtime)
    try:
        message_id = links.verify("open", ref, sig)
    except TrackingError as exc:
        raise NotFound("This link is not valid.") from exc
    if request.method == "GET":
        async with session_scope(runtime.sessions) as s:
            await inbound_service.record_hit(runtime, s, "open", message_id,
                                             user_agent=request.headers.get("user-agent"),
                                             ip=client_ip(request, runtime.settings.trusted_proxies))
    return Response(PIXEL_GIF, media_type="image/gif", headers=NO_STORE)


# Link checkers and mail scanners send HEAD: they get the same answer, and nothing is counted.
tracking.add_api_route("/c/{ref}/{sig}", click, methods=["HEAD"], include_in_schema=False,
                       response_class=RedirectResponse, status_code=status.HTTP_302_FOUND)
tracking.add_api_route("/o/{ref}/{sig}", open_pixel, methods=["HEAD"], include_in_schema=False,
                       response_class=Response)


# --- replies inbox and threads --------------------------------------------------------------------------

@replies.get("/replies")
async def list_replies(session: SessionDep, _: Reader, category: ReplyCategory | None = None,
                       kind: Literal["reply", "auto_reply", "bounce", "unsubscribe"] | None = None,
                       campaign_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
                       limit: Limit = 50, offset: Offset = 0) -> Page[ReplyRead]:
    """The replies inbox, newest first: people's replies by classification (or auto-replies, bounces)."""
    return await inbound_service.list_replies(session, category=category, kind=kind, campaign_id=campaign_id,
                                              limit=limit, offset=offset)


@replies.get("/contacts/{contact_id}/thread")
async def contact_thread(contact_id: Id, session: SessionDep, _: Reader) -> ThreadRead:
    """A contact's e-mail history: every message with its status, and the replies, in order."""
    return await inbound_service.contact_thread(session, contact_id)


@replies.get("/contacts/{contact_id}/drafts")
async def contact_drafts(contact_id: Id, runtime: RuntimeDep, _: Reader,
                         include_done: bool = False) -> ReplyDraftList:
    """A contact's drafted answers (interested replies offered free slots); sent and discarded ones on request."""
    return ReplyDraftList(items=await offers.contact_drafts(runtime, contact_id, include_done))


@replies.post("/drafts/{draft_id}/send", responses={403: {"description": "Admins and sales; refused in the demo"},
                                                     404: {}, 409: {"description": "The draft was discarded"}})
async def send_draft(draft_id: Id, runtime: RuntimeDep, principal: StaffPrincipal) -> ReplyDraftRead:
    """Send a drafted answer as a reply in the thread through the campaign's mailbox (once)."""
    return await offers.send_draft(runtime, draft_id, _who(principal))


@replies.delete("/drafts/{draft_id}", status_code=status.HTTP_204_NO_CONTENT,
                responses={404: {}, 409: {"description": "The draft was sent already"}})
async def discard_draft(draft_id: Id, runtime: RuntimeDep, principal: StaffPrincipal) -> Response:
    """Discard a drafted answer."""
    await offers.discard_draft(runtime, draft_id, _who(principal))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --- AI lines -------------------------------------------------------------------------------------------------

@lines.get("/campaigns/{campaign_id}/ai-lines", responses={404: {}})
async def list_ai_lines(campaign_id: Id, session: SessionDep, _: Reader, status_: Annotated[
        AiLineStatus | None, Query(alias="status")] = None, limit: Limit = 100,
        offset: Offset = 0) -> Page[AiLineRead]:
    """The campaign's AI opening lines with the snippet and page each one cites, for review."""
    return await inbound_service.list_ai_lines(session, campaign_id, status=status_, limit=limit, offset=offset)


@lines.post("/campaigns/{campaign_id}/ai-lines", status_code=status.HTTP_202_ACCEPTED,
            responses={404: {}, 409: {"description": "Not a draft, or no step asks for AI lines"}})
async def generate_ai_lines(campaign_id: Id, runtime: RuntimeDep, actor: StaffPrincipal) -> AiLinesStarted:
    """Make the missing AI lines of a draft campaign now (a job; existing lines stay as they are)."""
    job_id, steps = await ai_lines.start(runtime, campaign_id, _who(actor))
    runtime.wake_worker()
    return AiLinesStarted(job_id=job_id, steps=steps)


@lines.patch("/ai-lines/{line_id}", responses={404: {}, 409: {"description": "The campaign has started"}})
async def update_ai_line(line_id: Id, body: AiLineUpdate, session: SessionDep,
                         actor: StaffPrincipal) -> AiLineRead:
    """Edit, accept or reject one AI line (only accepted or edited lines are sent)."""
    return await inbound_service.update_ai_line(session, line_id, body, _who(actor))


# --- suppressions ----------------------------------------------------------------------------------------------

@suppressions.get("")
async def list_suppressions(session: SessionDep, _: Reader, limit: Limit = 50, offset: Offset = 0,
                            q: Annotated[str | None, Query(max_length=320)] = None) -> Page[SuppressionRead]:
    """Addresses and domains nothing is sent to, newest first (``q`` filters by a part of the value)."""
    rows, total = await repo.list_suppressions(session, limit=limit, offset=offset, q=q)
    return Page(items=[inbound_service.suppression_read(r) for r in rows], total=total, limit=limit, offset=offset)


@suppressions.post("", status_code=status.HTTP_201_CREATED, responses={200: {"model": SuppressionRead}})
async def add_suppression(body: SuppressionCreate, session: SessionDep, actor: StaffPrincipal,
                          response: Response) -> SuppressionRead:
    """Suppress an address or a whole domain (201; 200 with the existing entry when it already was)."""
    row, created = await inbound_service.add_suppression(session, body, _who(actor))
    if not created:
        response.status_code = status.HTTP_200_OK
    return row


@suppressions.delete("/{suppression_id}", status_code=status.HTTP_204_NO_CONTENT, responses={404: {}})
async def delete_suppression(suppression_id: Id, session: SessionDep, _: AdminPrincipal) -> None:
    """Lift a suppression (admins only: the address may receive campaign mail again)."""
    await inbound_service.delete_suppression(session, suppression_id)


@suppressions.post("/import", responses={413: {"description": "The file is larger than 2 MiB"}})
async def import_suppressions(session: SessionDep, actor: StaffPrincipal, file: Annotated[
        UploadFile, File(description="CSV with an email/domain column, or one address or domain a line")]
                              ) -> SuppressionImportResult:
    """Import addresses and domains from CSV (up to 10,000 rows); rejected rows come back with line and reason."""
    data = await file.read(MAX_CSV_BYTES + 1)
    if len(data) > MAX_CSV_BYTES:
        raise PayloadTooLarge(f"The file is larger than {MAX_CSV_BYTES} bytes.")
    return await inbound_service.import_suppressions(session, data, _who(actor))


@suppressions.get("/export", response_class=Response,
                  responses={200: {"content": {"text/csv": {}}, "description": "The suppression list as CSV"}})
async def export_suppressions(session: SessionDep, _: StaffPrincipal) -> Response:
    """The whole suppression list as CSV (cells that a spreadsheet would run as formulas are quoted)."""
    text = await inbound_service.export_suppressions(session)
    return Response(text, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="suppressions.csv"'})


ROUTERS = (tracking, replies, lines, suppressions)
