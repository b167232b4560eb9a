"""Routes of the ai service: enrichment, writing, the prompt library, usage, jobs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status

from services.kit.auth import AdminPrincipal, ReaderPrincipal, WriterPrincipal, confirm_admin
from services.kit.deps import Limit, Offset, SessionDep
from services.kit.jobs_api import jobs_router
from services.kit.schemas import JobRead, Page

from . import classify, companies, enrichment, service, writing
from .deps import RuntimeDep, SettingsDep
from .engine import Caller
from .jobs import start_batch
from .schemas import (
    BatchRead,
    BatchRequest,
    CallRead,
    ClassifyReplyRequest,
    CompanyEnrichResult,
    EmailResult,
    EnrichOptions,
    EnrichResult,
    ImproveRequest,
    PersonaliseRequest,
    PreviewRequest,
    PromptActivate,
    PromptCreate,
    PromptDetail,
    PromptUpdate,
    ProviderRead,
    ReplyClassification,
    UsageRead,
    WriteEmailRequest,
)

jobs = jobs_router("ai")
enrich = APIRouter(prefix="/ai/enrich", tags=["ai-enrich"])
write = APIRouter(prefix="/ai", tags=["ai-write"])
prompts = APIRouter(prefix="/ai/prompts", tags=["ai-prompts"])
usage = APIRouter(prefix="/ai", tags=["ai-usage"])

CompanyId = Annotated[int, Path(ge=1, le=2**31 - 1)]
PromptName = Annotated[str, Path(pattern=r"^[a-z][a-z0-9_]{1,63}$")]
AI_ERRORS: dict[int | str, dict[str, object]] = {429: {"description": "Daily budget used up, or the provider is "
                                                       "rate limiting; see Retry-After"},
                                                 502: {"description": "The model or a service failed"},
                                                 504: {"description": "The model did not answer in time"}}


@enrich.post("/company/{company_id}", responses={404: {}, **AI_ERRORS})
async def enrich_company(company_id: CompanyId, runtime: RuntimeDep, actor: WriterPrincipal,
                         body: EnrichOptions | None = None) -> CompanyEnrichResult:
    """Read a company's website (crawled by the leads service), profile it, and store the profile."""
    return await companies.enrich_company(runtime, Caller.of(actor), company_id,
                                          language=body.language if body else None)


@enrich.get("/company/{company_id}", response_model=CompanyEnrichResult,
             responses={204: {"description": "The company has not been enriched yet"}})
async def last_company_profile(company_id: CompanyId, runtime: RuntimeDep,
                               _: ReaderPrincipal) -> CompanyEnrichResult | Response:
    """The company's latest enrichment: the profile, its sources, and what grounding dropped (204: none yet)."""
    profile = await companies.last_profile(runtime, company_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT) if profile is None else profile


@enrich.post("/batch", status_code=status.HTTP_202_ACCEPTED, responses={422: {}})
async def enrich_batch(body: BatchRequest, session: SessionDep, runtime: RuntimeDep,
                       actor: WriterPrincipal) -> BatchRead:
    """Enrich many companies as a background job; follow its progress at GET /ai/jobs/{id}."""
    job = await start_batch(session, runtime, body, actor)
    return BatchRead(job=JobRead.model_validate(job))


@enrich.post("/preview", responses=AI_ERRORS)
async def enrich_preview(body: PreviewRequest, runtime: RuntimeDep, actor: WriterPrincipal) -> EnrichResult:
    """Profile any website (crawled by the leads service) without changing any record."""
    site = await runtime.deps.leads.extract(body.url, read_timeout=runtime.settings.ai_crawl_timeout)
    return await enrichment.enrich_record(runtime.deps.engine, Caller.of(actor), site, language=body.language,
                                          purpose="preview")


@write.post("/write/email", responses={404: {}, **AI_ERRORS})
async def write_email(body: WriteEmailRequest, runtime: RuntimeDep, actor: WriterPrincipal) -> EmailResult:
    """Write an e-mail (subject and body) from an instruction, an optional template and a recipient."""
    on_behalf_of = body.on_behalf_of if actor.is_service else None
    return await writing.write_email(runtime, Caller.of(actor, on_behalf_of), body)


@write.post("/write/improve", responses={404: {}, **AI_ERRORS})
async def improve_email(body: ImproveRequest, runtime: RuntimeDep, actor: WriterPrincipal) -> EmailResult:
    """Improve a draft: better, shorter, more personal, or only grammar fixed."""
    return await writing.improve_email(runtime, Caller.of(actor), body)


@write.post("/personalise", responses={404: {}, **AI_ERRORS})
async def personalise(body: PersonaliseRequest, runtime: RuntimeDep, actor: WriterPrincipal) -> EmailResult:
    """Personalise a campaign step for one contact (people, or the e-mail service with scope ai:write)."""
    on_behalf_of = body.on_behalf_of if actor.is_service else None
    return await writing.personalise(runtime, Caller.of(actor, on_behalf_of), body)


@write.post("/classify-reply", responses=AI_ERRORS)
async def classify_reply(body: ClassifyReplyRequest, runtime: RuntimeDep,
                         actor: WriterPrincipal) -> ReplyClassification:
    """Label a reply: interested, not now, out of office, unsubscribe or other (rules when no model is set)."""
    return await classify.classify_reply(runtime, Caller.of(actor), body)


@prompts.get("")
async def list_prompts(session: SessionDep, _: ReaderPrincipal) -> list[PromptDetail]:
    """Every prompt: its active version and all versions."""
    return await service.list_prompts(session)


@prompts.post("", status_code=status.HTTP_201_CREATED, responses={409: {}})
async def create_prompt(body: PromptCreate, session: SessionDep, actor: AdminPrincipal) -> PromptDetail:
    """Add a prompt (admins)."""
    return await service.create_prompt(session, body, actor)


@prompts.get("/{name}", responses={404: {}})
async def get_prompt(name: PromptName, session: SessionDep, _: ReaderPrincipal) -> PromptDetail:
    """One prompt with all its versions."""
    return await service.prompt_detail(session, name)


@prompts.put("/{name}", responses={404: {}})
async def update_prompt(name: PromptName, body: PromptUpdate, session: SessionDep,
                        actor: AdminPrincipal) -> PromptDetail:
    """Save a new version of a prompt and make it active (admins); old versions are kept."""
    return await service.update_prompt(session, name, body, actor)


@prompts.post("/{name}/activate", responses={404: {}})
async def activate_prompt(name: PromptName, body: PromptActivate, session: SessionDep,
                          _: AdminPrincipal) -> PromptDetail:
    """Make an earlier version of a prompt the active one again (admins)."""
    return await service.activate_prompt(session, name, body)


@usage.get("/usage")
async def get_usage(request: Request, session: SessionDep, settings: SettingsDep,
                    actor: ReaderPrincipal) -> UsageRead:
    """Your calls, tokens and cost today and the budget left; admins also see everyone's."""
    if actor.role == "admin":
        await confirm_admin(request, actor)
    return await service.usage_today(session, settings, actor)


@usage.get("/usage/calls")
async def list_calls(request: Request, session: SessionDep, actor: ReaderPrincipal, limit: Limit = 50,
                     offset: Offset = 0,
                     everyone: Annotated[bool, Query(description="admins: every caller's calls")] = False,
                     ) -> Page[CallRead]:
    """The usage ledger, newest first: your calls (admins: everyone's with everyone=true)."""
    if everyone:
        await confirm_admin(request, actor)
    return await service.list_calls(session, actor, everyone=everyone, limit=limit, offset=offset)


@usage.get("/provider")
async def get_provider(runtime: RuntimeDep, _: ReaderPrincipal) -> ProviderRead:
    """Which provider and model answer, and whether it is AI at all (the heuristic provider is not)."""
    settings = runtime.settings
    engine = runtime.deps.engine
    return ProviderRead(provider=settings.provider, model=engine.model, is_ai=engine.is_ai, api=settings.openai_api,
                        output_mode=settings.openai_output_mode, concurrency=settings.ai_concurrency,
                        max_input_tokens=settings.ai_max_input_tokens)
