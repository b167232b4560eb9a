"""Routes of the ai service: enrichment, writing, the prompt library, usage, jobs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status

from services.kit.auth import (
    AdminPrincipal,
    Principal,
    ReaderPrincipal,
    WriterPrincipal,
    user_or_scope,
)
from services.kit.deps import Limit, Offset, RuntimeDep, SessionDep
from services.kit.jobs_api import jobs_router
from services.kit.schemas import JobRead, Page

from . import companies, enrichment, service, writing
from .engine import Caller
from .jobs import start_batch
from .schemas import (
    BatchRead,
    BatchRequest,
    CallRead,
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
    UsageRead,
    WriteEmailRequest,
)
from .settings import AISettings

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


# The e-mail service (scope ai:write), or a sales user or admin.
personaliser = user_or_scope("ai:write", demo=False)


def _settings(runtime: RuntimeDep) -> AISettings:
    assert isinstance(runtime.settings, AISettings)
    return runtime.settings


@enrich.post("/company/{company_id}", responses={404: {}, **AI_ERRORS})
async def enrich_company(company_id: CompanyId, session: SessionDep, runtime: RuntimeDep, actor: WriterPrincipal,
                         body: EnrichOptions | None = None) -> CompanyEnrichResult:
    """Crawl a company's website, profile it, and store the profile on the company and its contacts."""
    return await companies.enrich_company(session, runtime, Caller.of(actor), company_id,
                                          language=body.language if body else None)


@enrich.get("/company/{company_id}", response_model=CompanyEnrichResult,
             responses={204: {"description": "The company has not been enriched yet"}})
async def last_company_profile(company_id: CompanyId, session: SessionDep,
                               _: ReaderPrincipal) -> CompanyEnrichResult | Response:
    """The company's latest enrichment: the profile, its sources, and what grounding dropped (204: none yet)."""
    profile = await companies.last_profile(session, company_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT) if profile is None else profile


@enrich.post("/batch", status_code=status.HTTP_202_ACCEPTED, responses={422: {}})
async def enrich_batch(body: BatchRequest, session: SessionDep, runtime: RuntimeDep,
                       actor: WriterPrincipal) -> BatchRead:
    """Enrich many companies as a background job; follow its progress at GET /ai/jobs/{id}."""
    job = await start_batch(session, runtime, body, actor)
    return BatchRead(job=JobRead.model_validate(job))


@enrich.post("/preview", responses=AI_ERRORS)
async def enrich_preview(body: PreviewRequest, session: SessionDep, runtime: RuntimeDep,
                         actor: WriterPrincipal) -> EnrichResult:
    """Profile any website without storing anything."""
    record = await enrichment.crawl(runtime.settings, body.url, resolver=runtime.extras.get("resolver"))
    return await enrichment.enrich_record(session, companies.engine_of(runtime), Caller.of(actor), record,
                                          language=body.language, purpose="preview")


@write.post("/write/email", responses={404: {}, **AI_ERRORS})
async def write_email(body: WriteEmailRequest, session: SessionDep, runtime: RuntimeDep,
                      actor: WriterPrincipal) -> EmailResult:
    """Write an e-mail (subject and body) from an instruction, an optional template and a recipient."""
    return await writing.write_email(session, runtime, Caller.of(actor), body)


@write.post("/write/improve", responses={404: {}, **AI_ERRORS})
async def improve_email(body: ImproveRequest, session: SessionDep, runtime: RuntimeDep,
                        actor: WriterPrincipal) -> EmailResult:
    """Improve a draft: better, shorter, more personal, or only grammar fixed."""
    return await writing.improve_email(session, runtime, Caller.of(actor), body)


@write.post("/personalise", responses={404: {}, **AI_ERRORS})
async def personalise(body: PersonaliseRequest, session: SessionDep, runtime: RuntimeDep,
                      actor: Annotated[Principal, Depends(personaliser)]) -> EmailResult:
    """Personalise a campaign step for one contact (the same input gives the same text)."""
    on_behalf_of = body.on_behalf_of if actor.is_service else None
    return await writing.personalise(session, runtime, Caller.of(actor, on_behalf_of), body)


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
async def get_usage(session: SessionDep, runtime: RuntimeDep, actor: ReaderPrincipal) -> UsageRead:
    """Your calls, tokens and cost today and the budget left; admins also see everyone's."""
    return await service.usage_today(session, _settings(runtime), actor)


@usage.get("/usage/calls")
async def list_calls(session: SessionDep, actor: ReaderPrincipal, limit: Limit = 50, offset: Offset = 0,
                     everyone: Annotated[bool, Query(description="admins: every caller's calls")] = False,
                     ) -> Page[CallRead]:
    """The usage ledger, newest first: your calls (admins: everyone's with everyone=true)."""
    return await service.list_calls(session, actor, everyone=everyone, limit=limit, offset=offset)


@usage.get("/provider")
async def get_provider(runtime: RuntimeDep, _: ReaderPrincipal) -> ProviderRead:
    """Which provider and model answer, and whether it is AI at all (the heuristic provider is not)."""
    settings = _settings(runtime)
    engine = companies.engine_of(runtime)
    return ProviderRead(provider=settings.provider, model=engine.model, is_ai=engine.is_ai, api=settings.openai_api,
                        output_mode=settings.openai_output_mode, concurrency=settings.ai_concurrency,
                        max_input_tokens=settings.ai_max_input_tokens)
