"""Request and response shapes of the leads service (other services may import this module)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    PrivateAttr,
    StringConstraints,
    computed_field,
    field_validator,
)

from services.kit.schemas import JobRead, ORMModel

from . import crawl_errors
from .extraction.facts import CompanyFacts, PageContent
from .salutation import (
    FORMS_OF_ADDRESS,
    FormOfAddress,
    ParsedName,
    Register,
    RegisterSalutations,
    Salutations,
    parse_name,
    salutation,
    salutations,
)

# The greeting rules live in .salutation; other services (ai, email) import them from here.
__all__ = ["FORMS_OF_ADDRESS", "FormOfAddress", "ParsedName", "Register", "RegisterSalutations", "Salutations",
           "parse_name", "salutation", "salutations"]


class LeadStatus(StrEnum):
    new = "new"
    enriched = "enriched"
    contacted = "contacted"
    replied = "replied"
    meeting = "meeting"
    won = "won"
    lost = "lost"
    # Set by the e-mail service: the address hard-bounced / the contact opted out of e-mail.
    bounced = "bounced"
    unsubscribed = "unsubscribed"


class LegalBasis(StrEnum):
    consent = "consent"
    existing_customer = "existing_customer"
    none = "none"


Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
CountryCode = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Za-z]{2}$")]


class Evidence(BaseModel):
    url: str | None = None
    snippet: str | None = None
    source: str = "crawl"
    model: str | None = None


class CompanyFields(BaseModel):
    name: Short | None = None
    website: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = None
    legal_form: Annotated[str, StringConstraints(max_length=60)] | None = None
    street: Short | None = None
    postal_code: Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)] | None = None
    city: Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)] | None = None
    country: CountryCode | None = None
    emails: list[EmailStr] | None = Field(default=None, max_length=50)
    phones: list[Annotated[str, StringConstraints(max_length=40)]] | None = Field(default=None, max_length=50)
    fax: Annotated[str, StringConstraints(max_length=40)] | None = None
    register_court: Annotated[str, StringConstraints(max_length=120)] | None = None
    register_number: Annotated[str, StringConstraints(max_length=60)] | None = None
    vat_id: Annotated[str, StringConstraints(max_length=30)] | None = None
    industry: Annotated[str, StringConstraints(max_length=120)] | None = None
    employees: Annotated[str, StringConstraints(max_length=40)] | None = None
    language: Annotated[str, StringConstraints(max_length=8)] | None = None
    summary: Annotated[str, StringConstraints(max_length=5000)] | None = None
    status: LeadStatus | None = None
    tags: list[Tag] | None = Field(default=None, max_length=50)


class CompanyCreate(CompanyFields):
    name: Short = Field(min_length=1)


class CompanyUpdate(CompanyFields):
    # Services only (users' edits are "manual"): why the values of this update are believed, per field.
    evidence: dict[str, Evidence] | None = Field(default=None, max_length=50)
    # Services only: when a profile of the company was last written (the enricher sets it).
    enriched_at: datetime | None = None


class CompanyRead(ORMModel):
    id: int
    domain: str | None
    name: str
    website: str | None
    legal_form: str | None
    street: str | None
    postal_code: str | None
    city: str | None
    country: str | None
    emails: list[str]
    phones: list[str]
    fax: str | None
    register_court: str | None
    register_number: str | None
    vat_id: str | None
    industry: str | None
    employees: str | None
    language: str | None
    social: dict[str, str]
    summary: str | None
    evidence: dict[str, Any]
    status: LeadStatus
    source: str
    tags: list[str] = []
    contact_count: int = 0
    created_at: datetime
    updated_at: datetime
    crawled_at: datetime | None
    enriched_at: datetime | None


class ContactFields(BaseModel):
    # A name typed as "Herr Dr. Klaus Bergmann" is stored as "Dr. Klaus Bergmann" with form_of_address
    # "herr", unless the same request sets form_of_address itself.
    name: Short | None = None
    form_of_address: FormOfAddress | None = None
    company_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    role: Short | None = None
    email: EmailStr | None = None
    phone: Annotated[str, StringConstraints(max_length=40)] | None = None
    linkedin: Annotated[str, StringConstraints(max_length=500)] | None = None
    country: CountryCode | None = None
    status: LeadStatus | None = None
    legal_basis: LegalBasis | None = None
    legal_basis_source: Annotated[str, StringConstraints(max_length=500)] | None = None
    tags: list[Tag] | None = Field(default=None, max_length=50)


class ContactCreate(ContactFields):
    name: Short = Field(min_length=1)
    # Services only: where the contact was found (e.g. the AI service: source ai, the model, the page).
    evidence: dict[str, Evidence] | None = Field(default=None, max_length=20)


class ContactUpdate(ContactFields):
    evidence: dict[str, Evidence] | None = Field(default=None, max_length=20)


class ContactRead(ORMModel):
    id: int
    company_id: int | None
    company_name: str | None = None
    name: str
    form_of_address: FormOfAddress = "unknown"
    role: str | None
    email: str | None
    phone: str | None
    linkedin: str | None
    country: str | None
    status: LeadStatus
    source: str
    evidence: dict[str, Any]
    legal_basis: LegalBasis
    legal_basis_source: str | None
    legal_basis_at: datetime | None
    tags: list[str] = []
    created_at: datetime
    updated_at: datetime

    @computed_field  # type: ignore[prop-decorator]
    @property
    def salutations(self) -> Salutations:
        """The greeting line per language and register ("Sehr geehrter Herr Dr. Bergmann,")."""
        return salutations(self.name, self.form_of_address)


class ContactReach(BaseModel):
    """What a sender re-checks about a contact right before its message goes: that it still exists, and what
    decides whether it may be mailed (the countries of contact and company, the recorded legal basis)."""

    id: int
    email: str | None
    country: str | None
    company_country: str | None
    legal_basis: LegalBasis


class ContactReachList(BaseModel):
    items: list[ContactReach]


Id = Annotated[int, Field(ge=1, le=2**31 - 1)]


class ContactReachQuery(BaseModel):
    """The contacts a sender asks about, 500 at most a call."""

    ids: list[Id] = Field(min_length=1, max_length=500)


class ContactFilter(BaseModel):
    """Which contacts: every criterion given must hold; a list holds when any of its values does."""

    q: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    tags: list[Tag] = Field(default_factory=list, max_length=50)
    statuses: list[LeadStatus] = Field(default_factory=list, max_length=20)
    company_ids: list[Id] = Field(default_factory=list, max_length=1000)
    legal_basis: LegalBasis | None = None


class SavedFilterCreate(BaseModel):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    filters: ContactFilter


class SavedFilterRead(ORMModel):
    id: int
    name: str
    filters: ContactFilter
    created_by: str | None
    created_at: datetime
    total: int = 0  # contacts the filter picks now


class ContactIds(BaseModel):
    """The ids of the contacts a filter picks (oldest first), at most ``limit`` of ``total``."""

    ids: list[int]
    total: int


class NoteCreate(BaseModel):
    body: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]


class NoteRead(ORMModel):
    id: int
    company_id: int | None
    contact_id: int | None
    body: str
    author: str | None
    created_at: datetime


class ActivityCreate(BaseModel):
    """What another service posts to a timeline (service token with scope ``leads:timeline``)."""

    company_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    contact_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    contact_email: EmailStr | None = None
    type: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_.-]{1,47}$")]
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    detail: dict[str, Any] = Field(default_factory=dict)
    occurred_at: datetime | None = None
    external_id: Annotated[str, StringConstraints(max_length=200)] | None = None

    @field_validator("detail")
    @classmethod
    def _small(cls, v: dict[str, Any]) -> dict[str, Any]:
        if len(repr(v)) > 20_000:
            raise ValueError("detail is too large (20 kB at most)")
        return v


class ActivityRead(ORMModel):
    id: int
    company_id: int | None
    contact_id: int | None
    type: str
    title: str
    detail: dict[str, Any]
    actor: str | None
    source: str
    occurred_at: datetime


class MergeRequest(BaseModel):
    duplicate_id: int = Field(ge=1, le=2**31 - 1)


class FinderRequest(BaseModel):
    """Either a search query (needs a search provider) or a list of domains/URLs."""

    query: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=300)] | None = None
    # The search provider for the query; none: OUTBOUND_SEARCH_PROVIDER (or the first configured one).
    provider: Literal["osm", "searxng", "google", "brave", "serper"] | None = None
    urls: list[Annotated[str, StringConstraints(max_length=2000)]] | None = Field(default=None, max_length=1000)
    max_results: int | None = Field(default=None, ge=1, le=500)
    auto_import: bool = False


class SitePage(BaseModel):
    """What the crawl saw on one page: enough to read the site again without fetching it."""

    url: str
    kind: str  # home | impressum | contact | about | team | other
    fetched_at: datetime
    title: str | None = None
    description: str | None = None  # the page's meta description
    language: str | None = None  # <html lang>
    text: str  # the visible text, one block a line, size-capped
    links: list[str] = Field(default_factory=list)  # visible links (mailto:/tel: included), capped
    bytes: int = 0  # size of the HTML fetched


class SiteRecord(CompanyFacts):
    """The facts of one site plus what the crawl did: one line of `outbound leads extract`."""

    model_config = ConfigDict(extra="ignore")

    url: str  # as given
    pages: list[str] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)
    rendered: bool = False
    # What the crawl saw, page by page; kept by the leads service, not part of the record's JSON line.
    _pages: list[SitePage] = PrivateAttr(default_factory=list)
    # The fetched HTML itself, for in-process readers in the leads service (benchmarks); never serialised.
    _contents: list[PageContent] = PrivateAttr(default_factory=list)

    @property
    def site_pages(self) -> list[SitePage]:
        return self._pages


class SiteCrawlRead(BaseModel):
    """A site as the leads service last crawled it: the extracted facts and the pages they came from."""

    url: str
    domain: str | None
    crawled_at: datetime
    record: SiteRecord
    pages: list[SitePage]


class ExtractRequest(BaseModel):
    """Crawl one site now (another service asking); the crawl is kept for the site's domain."""

    url: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)]


class SiteResultRead(ORMModel):
    id: int
    position: int
    url: str
    domain: str | None
    title: str | None
    status: str
    error: str | None  # the crawler's own words, for the curious: "tls: TLS handshake failed: …"
    record: SiteRecord | None
    company_id: int | None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def error_summary(self) -> str | None:
        """What went wrong, in words: "The site's TLS handshake failed …", "No answer within 10 s."."""
        errors = self.record.errors if self.record is not None and self.record.errors else (
            [self.error] if self.error else [])
        return crawl_errors.summary(errors, failed=self.status == "failed")


FinderOutcome = Literal["queued", "running", "finished", "partial", "failed", "empty", "cancelled"]


class SiteCounts(BaseModel):
    pending: int = 0
    running: int = 0
    done: int = 0
    failed: int = 0


class FinderRead(BaseModel):
    job: JobRead
    query: str | None
    results: list[SiteResultRead]
    skipped: list[dict[str, str]] = []
    # finished: every site crawled; partial: some sites (or the search) failed; failed: the search or
    # every site failed; empty: the search found nothing to crawl.
    outcome: FinderOutcome
    counts: SiteCounts
    provider: str | None = None  # the search provider of a query job
    search_errors: list[str] = []  # what the provider reported (quota, outage), results so far kept
    attribution: str | None = None  # the credit the results' source asks for (OpenStreetMap: ODbL)


class SearchProviderRead(BaseModel):
    name: Literal["osm", "searxng", "google", "brave", "serper"]
    label: str
    configured: bool
    missing: list[str]
    needs: str
    key_required: bool
    notice: str | None = None
    attribution: str | None = None


class FinderProviders(BaseModel):
    """The search providers, and the one a query uses when it names none (null: searching is not possible)."""

    default: Literal["osm", "searxng", "google", "brave", "serper"] | None
    providers: list[SearchProviderRead]


class ImportRequest(BaseModel):
    result_ids: list[int] | None = Field(default=None, max_length=1000)


class ImportStarted(BaseModel):
    """A CSV import running as a job; its result is an ImportReport when it finishes."""

    job: JobRead
    batch_size: int


class ImportReport(BaseModel):
    """What an import did, row by row: the companies it made or found (by name) and each refused row."""

    created: int = 0
    updated: int = 0
    skipped: int = 0
    company_ids: list[int] = []
    companies: list[dict[str, Any]] = []  # {row, id, name, created}
    errors: list[dict[str, Any]] = []  # {row, name, error}; finder imports: {result_id, url, error}
