"""Request and response shapes of the ai service (other services may import this module).

Two kinds live here: what the API speaks (``…Request`` / ``…Read`` / ``…Result``) and what a model
must answer (``ProfileDraft``, ``EmailDraft``), with the strict JSON schemas sent to the model.
Everything a model wrote is plain text: the UI renders it as text, never as HTML.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from services.kit.schemas import JobRead, ORMModel

from .reply_rules import REPLY_LABELS, ReplyLabel, RuleVerdict, classify_reply_by_rules

# The reply rules live in .reply_rules; the e-mail service imports them from here (its offline fallback).
__all__ = ["REPLY_LABELS", "ReplyLabel", "RuleVerdict", "classify_reply_by_rules"]

Tone = Literal["formal", "friendly", "direct"]
# Formal: "Sehr geehrter Herr Dr. Bergmann," and "Sie"; informal: "Hallo Klaus," and "du" (chosen by the sender).
Register = Literal["formal", "informal"]
FormOfAddress = Literal["herr", "frau", "unknown"]
Length = Literal["short", "medium", "long"]
ImproveAction = Literal["improve", "shorter", "more_personal", "fix_grammar"]
LanguageCode = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[a-zA-Z]{2}$")]
Subject = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
Body = Annotated[str, StringConstraints(max_length=20_000)]
Instruction = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
PromptName = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z][a-z0-9_]{1,63}$")]
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]


# --- what a model answers ------------------------------------------------------------------------
class PersonDraft(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    source_url: str | None = None


class ProfileDraft(BaseModel):
    """The model's lead profile before grounding."""

    model_config = ConfigDict(extra="ignore")

    summary: Annotated[str, StringConstraints(strip_whitespace=True, max_length=3000)]
    industry: Annotated[str, StringConstraints(max_length=120)] | None
    size_estimate: Annotated[str, StringConstraints(max_length=40)] | None
    products_services: list[Annotated[str, StringConstraints(max_length=200)]] = Field(max_length=30)
    persons: list[PersonDraft] = Field(max_length=50)
    hook: Annotated[str, StringConstraints(max_length=1000)] | None
    language: Annotated[str, StringConstraints(max_length=8)] | None


class EmailDraft(BaseModel):
    model_config = ConfigDict(extra="ignore")

    subject: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    body: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]


class ReplyLabelDraft(BaseModel):
    """The model's label of a reply."""

    model_config = ConfigDict(extra="ignore")

    label: ReplyLabel
    confidence: Annotated[float, Field(ge=0, le=1)]
    reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]


def _nullable(kind: str) -> dict[str, Any]:
    return {"type": [kind, "null"]}


PERSON_JSON_SCHEMA: dict[str, Any] = {
    "type": "object", "additionalProperties": False,
    "properties": {"name": {"type": "string"}, "role": _nullable("string"), "email": _nullable("string"),
                   "phone": _nullable("string"), "source_url": _nullable("string")},
    "required": ["name", "role", "email", "phone", "source_url"],
}
# Strict structured-output schemas: every property required, nothing else allowed.
OUTPUT_SCHEMAS: dict[str, tuple[type[BaseModel], dict[str, Any]]] = {
    "lead_profile": (ProfileDraft, {
        "type": "object", "additionalProperties": False,
        "properties": {
            "summary": {"type": "string", "description": "2-3 sentences: what the company does, for whom"},
            "industry": _nullable("string"),
            "size_estimate": {"type": ["string", "null"], "description": "employees: 1-10, 11-50, 51-200, …"},
            "products_services": {"type": "array", "items": {"type": "string"}},
            "persons": {"type": "array", "items": PERSON_JSON_SCHEMA},
            "hook": {"type": ["string", "null"], "description": "one specific opening line for outreach"},
            "language": {"type": ["string", "null"], "description": "ISO 639-1 code of the website"},
        },
        "required": ["summary", "industry", "size_estimate", "products_services", "persons", "hook", "language"],
    }),
    "email_draft": (EmailDraft, {
        "type": "object", "additionalProperties": False,
        "properties": {"subject": {"type": "string"}, "body": {"type": "string", "description": "plain text"}},
        "required": ["subject", "body"],
    }),
    "reply_label": (ReplyLabelDraft, {
        "type": "object", "additionalProperties": False,
        "properties": {"label": {"type": "string", "enum": list(REPLY_LABELS)},
                       "confidence": {"type": "number", "description": "0 to 1"},
                       "reason": {"type": "string", "description": "one short sentence quoting the reply"}},
        "required": ["label", "confidence", "reason"],
    }),
}


# --- what the API speaks ----------------------------------------------------------------------------
class AIMeta(BaseModel):
    """How a result was made and what it cost; ``generated_by`` says whether a model wrote it."""

    provider: str
    model: str
    generated_by: Literal["model", "rules (not AI)"]
    prompt_name: str
    prompt_version: int
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float = 0.0
    price_known: bool = True
    cached: bool = False
    attempts: int = 0
    input_truncated: bool = False


class GroundingReport(BaseModel):
    """What grounding removed because the source did not contain it, and where the extractor won."""

    dropped_emails: int = 0
    dropped_phones: int = 0
    dropped_persons: int = 0
    stripped_links: int = 0
    extractor_wins: list[str] = []
    dropped: list[str] = []  # the values, for people to see why


class PersonRead(BaseModel):
    name: str
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    source_url: str | None = None
    source: Literal["crawl", "ai"] = "ai"


class LeadProfile(BaseModel):
    summary: str | None = None
    industry: str | None = None
    size_estimate: str | None = None
    products_services: list[str] = []
    persons: list[PersonRead] = []
    hook: str | None = None
    language: str | None = None
    generated_by: Literal["model", "rules (not AI)"] = "model"


class EnrichResult(BaseModel):
    """One site's profile; ``missing`` names fields the result lacks and ``warnings`` says why."""

    url: str
    profile: LeadProfile
    facts: dict[str, Any] = {}
    ai: AIMeta
    grounding: GroundingReport = GroundingReport()
    missing: list[str] = []
    warnings: list[str] = []


class CompanyEnrichResult(EnrichResult):
    company_id: int
    updated_fields: list[str] = []
    contacts_created: int = 0
    contacts_updated: int = 0


class PreviewRequest(BaseModel):
    url: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)]
    language: LanguageCode | None = None


class EnrichOptions(BaseModel):
    language: LanguageCode | None = None


class BatchRequest(BaseModel):
    company_ids: list[Id] = Field(min_length=1, max_length=5000)
    language: LanguageCode | None = None


class BatchRead(BaseModel):
    job: JobRead


class ContactInput(BaseModel):
    """A recipient typed in by hand instead of a ``contact_id``."""

    name: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    email: Annotated[str, StringConstraints(strip_whitespace=True, max_length=320)] | None = None
    role: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    company: Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)] | None = None
    # Unknown: from a "Herr …"/"Frau …" typed into the name, else the neutral greeting.
    form_of_address: FormOfAddress | None = None


class EmailTemplate(BaseModel):
    subject: Subject = ""
    body: Body = ""


class WriteEmailRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    instruction: Instruction = ""
    template: EmailTemplate | None = None
    contact_id: Id | None = None
    contact: ContactInput | None = None
    company_id: Id | None = None
    tone: Tone = "friendly"
    length: Length = "medium"
    language: LanguageCode = "en"
    # Overrides the name of the sender profile (Settings) for this draft.
    sender_name: Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)] | None = None
    # "register" in JSON (a BaseModel attribute of that name would shadow pydantic's).
    formality: Register = Field("formal", alias="register")
    # Service callers: whose sender profile signs and whose daily budget pays.
    on_behalf_of: Id | None = None


class ImproveRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    subject: Subject = ""
    body: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    action: ImproveAction = "improve"
    instruction: Instruction = ""
    contact_id: Id | None = None
    # The prospect's company when no contact is named (more personal cites its website).
    company_id: Id | None = None
    tone: Tone | None = None
    language: LanguageCode | None = None
    formality: Register | None = Field(None, alias="register")  # None: the draft's own ("du" or "Sie")


class PersonaliseRequest(BaseModel):
    """A campaign step's templates for one contact; the same input gives the same text (cached)."""

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    subject: Subject
    body: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    contact_id: Id
    instruction: Instruction = ""
    tone: Tone = "friendly"
    language: LanguageCode | None = None
    formality: Register = Field("formal", alias="register")  # what {{salutation}} and "Sie"/"du" follow
    # The campaign owner whose daily budget pays and whose sender profile signs (service callers).
    on_behalf_of: Id | None = None
    # Add one opening sentence about the recipient's company citing its page (a campaign's AI line); offline
    # the rules compose it from the facts extracted from the company's site.
    opening_line: bool = False


class ClassifyReplyRequest(BaseModel):
    """A person's reply to an outreach e-mail: its subject and new text (the quoted history removed)."""

    subject: Subject = ""
    text: Annotated[str, StringConstraints(max_length=20_000)]
    language: LanguageCode | None = None


class ReplyClassification(BaseModel):
    """What a reply means; ``provider`` is "rules" when no model answered (``ai`` says how it was made)."""

    label: ReplyLabel
    confidence: float
    reason: str
    provider: str
    ai: AIMeta


class EmailResult(BaseModel):
    subject: str
    body: str
    ai: AIMeta
    stripped_links: int = 0
    warnings: list[str] = []


class PromptCreate(BaseModel):
    name: PromptName
    description: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] = ""
    system: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    template: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    output_schema: Literal["lead_profile", "email_draft", "reply_label"]


class PromptUpdate(BaseModel):
    """Saving makes a new version, which becomes the active one; old versions are kept."""

    description: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None
    system: Annotated[str, StringConstraints(min_length=1, max_length=20_000)] | None = None
    template: Annotated[str, StringConstraints(min_length=1, max_length=20_000)] | None = None


class PromptActivate(BaseModel):
    version: Annotated[int, Field(ge=1, le=1_000_000)]


class PromptRead(ORMModel):
    id: int
    name: str
    version: int
    description: str
    system: str
    template: str
    output_schema: str
    is_active: bool
    created_by: str | None
    created_at: datetime


class PromptDetail(BaseModel):
    name: str
    active: PromptRead
    versions: list[PromptRead]
    placeholders: list[str]


class UsageLine(BaseModel):
    principal: str
    calls: int
    cached_calls: int
    prompt_tokens: int
    completion_tokens: int
    cost: float


class UsageRead(BaseModel):
    day: str
    mine: UsageLine
    budget_usd: float | None
    remaining_usd: float | None
    token_budget: int | None
    remaining_tokens: int | None
    resets_at: datetime
    users: list[UsageLine] | None = None  # admins: everyone's usage today


class CallRead(ORMModel):
    id: int
    principal: str
    purpose: str
    provider: str
    model: str
    prompt_name: str
    prompt_version: int
    prompt_tokens: int
    completion_tokens: int
    cost: float
    price_known: bool
    cached: bool
    attempts: int
    duration_ms: int
    error: str | None
    created_at: datetime


class ProviderRead(BaseModel):
    provider: str
    model: str
    is_ai: bool
    api: str
    output_mode: str
    concurrency: int
    max_input_tokens: int
