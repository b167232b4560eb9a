"""Routes of the leads service: companies, contacts, notes, timelines, the finder, CSV, jobs."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Path, Query, Response, UploadFile, status
from pydantic import Field

from services.kit.auth import Principal, ReaderPrincipal, WriterPrincipal, require_scope
from services.kit.deps import Limit, Offset, SessionDep
from services.kit.errors import PayloadTooLarge
from services.kit.jobs_api import jobs_router
from services.kit.schemas import JobRead, Page

from . import csv_io, finder, saved_filters, service, sites
from . import jobs as jobs_
from .deps import RuntimeDep
from .schemas import (
    ActivityCreate,
    ActivityRead,
    CompanyCreate,
    CompanyRead,
    CompanyUpdate,
    ContactCreate,
    ContactFilter,
    ContactIds,
    ContactReachList,
    ContactReachQuery,
    ContactRead,
    ContactUpdate,
    ExtractRequest,
    FinderProviders,
    FinderRead,
    FinderRequest,
    ImportReport,
    ImportRequest,
    ImportStarted,
    LeadStatus,
    LegalBasis,
    MergeRequest,
    NoteCreate,
    NoteRead,
    SavedFilterCreate,
    SavedFilterRead,
    SiteCrawlRead,
)
from .settings import LeadsSettings

jobs = jobs_router("leads")
companies = APIRouter(prefix="/leads/companies", tags=["companies"])
contacts = APIRouter(prefix="/leads/contacts", tags=["contacts"])
timeline = APIRouter(prefix="/leads/activities", tags=["timeline"])
finder_routes = APIRouter(prefix="/leads/finder", tags=["finder"])
site_routes = APIRouter(prefix="/leads", tags=["sites"])
saved_filter_routes = APIRouter(prefix="/leads/saved-filters", tags=["saved-filters"])

Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
Text = Annotated[str | None, Query(max_length=200)]
# Up to a page of ids (?ids=1&ids=2…): other services fetch the contacts of a campaign in a few calls.
Ids = Annotated[list[Annotated[int, Field(ge=1, le=2**31 - 1)]] | None, Query(max_length=500)]
Sort = Annotated[Literal["name", "-name", "created_at", "-created_at", "updated_at", "-updated_at", "city", "-city",
                         "status", "-status"], Query()]
TimelineDep = Annotated[Principal, Depends(require_scope("leads:timeline"))]
CrawlerDep = Annotated[Principal, Depends(require_scope("leads:crawl"))]


async def _read_upload(file: UploadFile, settings: LeadsSettings) -> bytes:
    limit = settings.max_csv_bytes
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise PayloadTooLarge(f"The file is larger than {limit} bytes.")
    return data


@companies.get("")
async def list_companies(session: SessionDep, _: ReaderPrincipal, limit: Limit = 50, offset: Offset = 0,
                         q: Text = None, status: LeadStatus | None = None, tag: Text = None, country: Text = None,
                         city: Text = None, industry: Text = None, has_email: bool | None = None,
                         sort: Sort = "-created_at", ids: Ids = None) -> Page[CompanyRead]:
    """Companies, searched by name, domain, city or e-mail and filtered (or picked by id)."""
    return await service.list_companies(session, limit=limit, offset=offset, q=q, status=status, tag=tag,
                                        country=country, city=city, industry=industry, has_email=has_email, sort=sort,
                                        ids=ids)


@companies.post("", status_code=status.HTTP_201_CREATED, responses={409: {}})
async def create_company(body: CompanyCreate, session: SessionDep, actor: WriterPrincipal) -> CompanyRead:
    """Add a company by hand."""
    company = await service.create_company(session, body, actor)
    return await service.company_read(session, company.id)


@companies.get("/export.csv", response_class=Response,
               responses={200: {"content": {"text/csv": {}}, "description": "UTF-8 CSV with a BOM"}})
async def export_companies(session: SessionDep, _: ReaderPrincipal, q: Text = None, status: LeadStatus | None = None,
                           tag: Text = None, country: Text = None, city: Text = None, industry: Text = None,
                           has_email: bool | None = None,
                           delimiter: Literal["comma", "semicolon"] = "comma") -> Response:
    """Download the companies as CSV, with the same filters as the list."""
    rows = await csv_io.all_companies(session, q=q, status=status, tag=tag, country=country, city=city,
                                      industry=industry, has_email=has_email, sort="name")
    body = csv_io.export_companies(rows, "," if delimiter == "comma" else ";")
    return Response(body, media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="companies.csv"'})


@companies.post("/import", status_code=status.HTTP_202_ACCEPTED, responses={413: {}})
async def import_companies(session: SessionDep, runtime: RuntimeDep, actor: WriterPrincipal,
                           file: Annotated[UploadFile, File(description="CSV, comma or semicolon")]) -> ImportStarted:
    """Import companies (and a contact per row) from CSV as a job, in committed batches of 500 rows;
    follow it at GET /leads/jobs/{id} (its result is the report). Existing domains are kept, not duplicated."""
    job = await jobs_.start_csv_import(session, runtime, await _read_upload(file, runtime.settings), actor)
    return ImportStarted(job=JobRead.model_validate(job), batch_size=jobs_.IMPORT_BATCH)


@companies.get("/{company_id}", responses={404: {}})
async def get_company(company_id: Id, session: SessionDep, _: ReaderPrincipal) -> CompanyRead:
    """One company with its facts and their evidence."""
    return await service.company_read(session, company_id)


@companies.patch("/{company_id}", responses={404: {}, 409: {}})
async def update_company(company_id: Id, body: CompanyUpdate, session: SessionDep,
                         actor: WriterPrincipal) -> CompanyRead:
    """Change a company's fields, status or tags."""
    await service.update_company(session, company_id, body, actor)
    return await service.company_read(session, company_id)


@companies.get("/{company_id}/site", responses={404: {}})
async def company_site(company_id: Id, session: SessionDep, _: ReaderPrincipal) -> SiteCrawlRead | None:
    """The company's website as last crawled (the facts found, what each page showed); null if never."""
    return await sites.latest(session, company_id)


@companies.delete("/{company_id}", status_code=status.HTTP_204_NO_CONTENT, responses={404: {}})
async def delete_company(company_id: Id, session: SessionDep, _: WriterPrincipal) -> None:
    """Delete a company with its notes and timeline (its contacts stay, without company)."""
    await service.delete_company(session, company_id)


@companies.get("/{company_id}/duplicates", responses={404: {}})
async def company_duplicates(company_id: Id, session: SessionDep, _: ReaderPrincipal) -> list[CompanyRead]:
    """Likely duplicates: same VAT id, register number, or name and city."""
    return await service.duplicates_of(session, company_id)


@companies.post("/{company_id}/merge", responses={404: {}})
async def merge_company(company_id: Id, body: MergeRequest, session: SessionDep,
                        actor: WriterPrincipal) -> CompanyRead:
    """Merge a duplicate into this company (the duplicate is deleted)."""
    await service.merge_companies(session, company_id, body.duplicate_id, actor)
    return await service.company_read(session, company_id)


@companies.get("/{company_id}/timeline", responses={404: {}})
async def company_timeline(company_id: Id, session: SessionDep, _: ReaderPrincipal, limit: Limit = 50,
                           offset: Offset = 0) -> Page[ActivityRead]:
    """The company's timeline with its contacts' entries rolled up, newest first."""
    return await service.company_timeline(session, company_id, limit, offset)


@companies.get("/{company_id}/notes", responses={404: {}})
async def company_notes(company_id: Id, session: SessionDep, _: ReaderPrincipal) -> list[NoteRead]:
    """Notes on the company."""
    await service.get_company(session, company_id)
    return await service.list_notes(session, company_id=company_id)


@companies.post("/{company_id}/notes", status_code=status.HTTP_201_CREATED, responses={404: {}})
async def add_company_note(company_id: Id, body: NoteCreate, session: SessionDep,
                           actor: WriterPrincipal) -> NoteRead:
    """Add a note to the company."""
    return NoteRead.model_validate(await service.add_note(session, body.body, actor, company_id=company_id))


@contacts.get("")
async def list_contacts(session: SessionDep, _: ReaderPrincipal, limit: Limit = 50, offset: Offset = 0,
                        q: Text = None, company_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
                        status: LeadStatus | None = None, tag: Text = None, legal_basis: LegalBasis | None = None,
                        sort: Sort = "-created_at", ids: Ids = None) -> Page[ContactRead]:
    """Contacts, searched by name, e-mail, role or phone and filtered (or picked by id)."""
    return await service.list_contacts(session, limit=limit, offset=offset, q=q, company_id=company_id,
                                       status=status, tag=tag, legal_basis=legal_basis, sort=sort, ids=ids)


# A read sent as POST: 500 ids in a JSON body instead of a 4 kB query string, whose parsing (httpx's URL checks a
# character, Starlette's parse_qsl) was 40 % of the call the sender makes before every batch. It writes nothing.
@contacts.post("/reach", response_model=ContactReachList)
async def contact_reach(body: ContactReachQuery, session: SessionDep, _: ReaderPrincipal) -> Response:
    """What a sender re-checks before mailing these contacts (the ones that still exist)."""
    return Response(await service.contact_reach_json(session, body.ids), media_type="application/json")


@contacts.get("/ids", responses={404: {}})
async def contact_ids(session: SessionDep, _: ReaderPrincipal,
                      saved_filter_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None, q: Text = None,
                      tags: Annotated[list[str] | None, Query(max_length=50)] = None,
                      statuses: Annotated[list[LeadStatus] | None, Query(max_length=20)] = None,
                      company_ids: Ids = None, legal_basis: LegalBasis | None = None) -> ContactIds:
    """The ids of the contacts a saved filter and/or criteria pick (a campaign's audience), up to 100,000."""
    criteria = ContactFilter(q=q, tags=tags or [], statuses=statuses or [], company_ids=company_ids or [],
                             legal_basis=legal_basis)
    return await saved_filters.contact_ids(session, criteria, saved_filter_id)


@contacts.post("", status_code=status.HTTP_201_CREATED, responses={409: {}})
async def create_contact(body: ContactCreate, session: SessionDep, actor: WriterPrincipal) -> ContactRead:
    """Add a contact by hand."""
    contact = await service.create_contact(session, body, actor)
    return await service.contact_read(session, contact.id)


@contacts.get("/{contact_id}", responses={404: {}})
async def get_contact(contact_id: Id, session: SessionDep, _: ReaderPrincipal) -> ContactRead:
    """One contact."""
    return await service.contact_read(session, contact_id)


@contacts.patch("/{contact_id}", responses={404: {}, 409: {}})
async def update_contact(contact_id: Id, body: ContactUpdate, session: SessionDep,
                         actor: WriterPrincipal) -> ContactRead:
    """Change a contact's fields, status, legal basis or tags."""
    await service.update_contact(session, contact_id, body, actor)
    return await service.contact_read(session, contact_id)


@contacts.delete("/{contact_id}", status_code=status.HTTP_204_NO_CONTENT, responses={404: {}})
async def delete_contact(contact_id: Id, session: SessionDep, _: WriterPrincipal) -> None:
    """Delete a contact with its notes and timeline."""
    await service.delete_contact(session, contact_id)


@contacts.post("/{contact_id}/merge", responses={404: {}})
async def merge_contact(contact_id: Id, body: MergeRequest, session: SessionDep,
                        actor: WriterPrincipal) -> ContactRead:
    """Merge a duplicate into this contact (the duplicate is deleted)."""
    await service.merge_contacts(session, contact_id, body.duplicate_id, actor)
    return await service.contact_read(session, contact_id)


@contacts.get("/{contact_id}/timeline", responses={404: {}})
async def contact_timeline(contact_id: Id, session: SessionDep, _: ReaderPrincipal, limit: Limit = 50,
                           offset: Offset = 0) -> Page[ActivityRead]:
    """The contact's timeline, newest first."""
    return await service.contact_timeline(session, contact_id, limit, offset)


@contacts.get("/{contact_id}/notes", responses={404: {}})
async def contact_notes(contact_id: Id, session: SessionDep, _: ReaderPrincipal) -> list[NoteRead]:
    """Notes on the contact."""
    await service.get_contact(session, contact_id)
    return await service.list_notes(session, contact_id=contact_id)


@contacts.post("/{contact_id}/notes", status_code=status.HTTP_201_CREATED, responses={404: {}})
async def add_contact_note(contact_id: Id, body: NoteCreate, session: SessionDep,
                           actor: WriterPrincipal) -> NoteRead:
    """Add a note to the contact."""
    return NoteRead.model_validate(await service.add_note(session, body.body, actor, contact_id=contact_id))


@timeline.post("", status_code=status.HTTP_201_CREATED, responses={200: {"model": ActivityRead}, 404: {}})
async def record_activity(body: ActivityCreate, session: SessionDep, caller: TimelineDep,
                          response: Response) -> ActivityRead:
    """Append to a timeline (service token, scope leads:timeline); repeats of an external_id are ignored."""
    activity, created = await service.record_activity(session, body, caller)
    if not created:
        response.status_code = status.HTTP_200_OK
    return ActivityRead.model_validate(activity)


@finder_routes.get("/providers")
async def finder_providers(runtime: RuntimeDep, _: ReaderPrincipal) -> FinderProviders:
    """The search providers: which are configured, what the others need, and the default one."""
    return finder.providers(runtime)


@finder_routes.post("", status_code=status.HTTP_201_CREATED)
async def start_finder(body: FinderRequest, session: SessionDep, runtime: RuntimeDep,
                       actor: WriterPrincipal) -> FinderRead:
    """Find companies by query (search provider) or from a list of domains; crawls them as a job."""
    return await finder.start(session, runtime, body, actor)


@finder_routes.post("/csv", status_code=status.HTTP_201_CREATED, responses={413: {}})
async def start_finder_csv(session: SessionDep, runtime: RuntimeDep, actor: WriterPrincipal,
                           file: Annotated[UploadFile, File(description="CSV with a website/domain column")],
                           auto_import: bool = False) -> FinderRead:
    """Crawl the websites listed in a CSV upload as a finder job."""
    data = await _read_upload(file, runtime.settings)
    return await finder.start_from_csv(session, runtime, data, actor, auto_import)


@finder_routes.get("/{job_id}", responses={404: {}})
async def get_finder(job_id: Id, session: SessionDep, runtime: RuntimeDep, _: ReaderPrincipal) -> FinderRead:
    """A finder job: progress (done/total) and each site's status, error and extracted facts."""
    return await finder.read(session, runtime, job_id)


@finder_routes.post("/{job_id}/results/{result_id}/retry", responses={404: {}, 409: {}})
async def retry_finder_result(job_id: Id, result_id: Id, session: SessionDep, runtime: RuntimeDep,
                              _: WriterPrincipal) -> FinderRead:
    """Crawl one site of a finished job again (the job is queued for it)."""
    return await finder.retry_result(session, runtime, job_id, result_id)


@finder_routes.post("/{job_id}/import", responses={404: {}})
async def import_finder_results(job_id: Id, body: ImportRequest, session: SessionDep, runtime: RuntimeDep,
                                actor: WriterPrincipal) -> ImportReport:
    """Turn selected results (all when none are named) into companies and contacts."""
    return await finder.import_results(session, runtime, job_id, body.result_ids, actor)


@site_routes.post("/extract", responses={422: {}})
async def extract(body: ExtractRequest, runtime: RuntimeDep, _: CrawlerDep) -> SiteCrawlRead:
    """Crawl a website now and keep what was seen (service token, scope leads:crawl)."""
    return await sites.crawl_now(runtime, body.url)


@saved_filter_routes.get("")
async def list_saved_filters(session: SessionDep, _: ReaderPrincipal) -> list[SavedFilterRead]:
    """Every saved contact filter, by name, with how many contacts each picks now."""
    return await saved_filters.list_all(session)


@saved_filter_routes.post("", status_code=status.HTTP_201_CREATED, responses={409: {}})
async def create_saved_filter(body: SavedFilterCreate, session: SessionDep, actor: WriterPrincipal) -> SavedFilterRead:
    """Save a contact filter under a name (a list view to return to, a campaign's audience)."""
    return await saved_filters.create(session, body, actor)


@saved_filter_routes.get("/{filter_id}", responses={404: {}})
async def get_saved_filter(filter_id: Id, session: SessionDep, _: ReaderPrincipal) -> SavedFilterRead:
    """One saved filter."""
    return await saved_filters.get(session, filter_id)


@saved_filter_routes.delete("/{filter_id}", status_code=status.HTTP_204_NO_CONTENT, responses={404: {}})
async def delete_saved_filter(filter_id: Id, session: SessionDep, _: WriterPrincipal) -> None:
    """Delete a saved filter (campaigns made from it keep their contacts)."""
    await saved_filters.delete(session, filter_id)
