"""Pydantic I/O of the e-mail service.

This module starts with the shapes other services use (through ``client.py``): sending one
transactional message (the calendar's confirmations) and stopping a contact's sequences (a booking).
The rest of the service's shapes follow them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from services.leads.schemas import ContactFilter

Key = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9:._@/-]{8,200}$")]
HeaderText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class Attachment(BaseModel):
    filename: Annotated[str, StringConstraints(pattern=r"^[\w][\w .()-]{0,119}$")]
    content_type: Annotated[str, StringConstraints(pattern=r"^[a-z]+/[a-z0-9.+-]+(; ?[a-z-]+=[A-Za-z0-9-]+)*$")]
    content_base64: Annotated[str, StringConstraints(max_length=4_000_000)]


class TimelineNote(BaseModel):
    """How the message appears on the contact's timeline in leads."""

    type: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_.-]{1,47}$")]
    title: HeaderText


class TransactionalCreate(BaseModel):
    """One message sent now, outside any campaign (scope ``email:send``).

    ``key`` says what the message means (``booking:42:confirmation:lead``): the same key twice sends
    once and answers with the first message, so a retried caller never mails twice.
    """

    key: Key
    to: EmailStr
    to_name: Annotated[str, StringConstraints(max_length=200)] | None = None
    subject: HeaderText
    text: Annotated[str, StringConstraints(min_length=1, max_length=200_000)]
    html: Annotated[str, StringConstraints(max_length=500_000)] | None = None
    # None: the default mailbox (the local catcher in the offline default).
    mailbox_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    reply_to: EmailStr | None = None
    contact_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    company_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    attachments: list[Attachment] = Field(default_factory=list, max_length=5)
    timeline: TimelineNote | None = None


MessageStatus = Literal["queued", "sending", "sent", "failed", "unknown", "bounced", "replied"]


class TransactionalRead(BaseModel):
    id: int
    key: str
    message_id: str
    status: MessageStatus
    created: bool  # False: the key was seen before; nothing was sent again


class SequenceStop(BaseModel):
    """Stop every running sequence of a contact (scope ``email:sequences``); repeating it is harmless."""

    reason: Literal["booked", "replied", "unsubscribed", "bounced", "manual"]
    note: Annotated[str, StringConstraints(max_length=500)] | None = None


class SequenceStopped(BaseModel):
    contact_id: int
    stopped: int  # sequence enrolments stopped by this call (0 on a repeat)


# --- shared pieces ------------------------------------------------------------------------------------
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
HostName = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9._:-]{1,253}$")]
Port = Annotated[int, Field(ge=1, le=65535)]
Secret = Annotated[str, StringConstraints(max_length=1000)]
Login = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=320)]
Security = Literal["none", "starttls", "tls"]
ClockTime = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]


class SendWindowIn(BaseModel):
    """Weekdays (0 = Monday) and local hours [start, end) in the contact's time zone."""

    weekdays: list[Annotated[int, Field(ge=0, le=6)]] = Field(default_factory=lambda: [0, 1, 2, 3, 4],
                                                             min_length=1, max_length=7)
    start: ClockTime = "08:00"
    end: ClockTime = "17:00"


class WarmupIn(BaseModel):
    start_per_day: int = Field(default=10, ge=1, le=10_000)
    step_per_day: int = Field(default=5, ge=0, le=10_000)
    started_on: date | None = None  # None: today


# --- mailboxes ------------------------------------------------------------------------------------
class MailboxFields(BaseModel):
    from_name: Name | None = None
    reply_to: EmailStr | None = None
    smtp_username: Login | None = None
    smtp_password: Secret | None = None
    daily_limit: int | None = Field(default=None, ge=0, le=100_000)  # 0: no cap
    min_gap_seconds: float | None = Field(default=None, ge=0, le=86_400)
    # Parallel SMTP sessions when there is no minimum gap (servers cap them per account; listmonk's default is 10).
    max_connections: int | None = Field(default=None, ge=1, le=20)
    imap_host: HostName | None = None
    imap_port: Port | None = None
    imap_security: Security | None = None
    imap_username: Login | None = None
    imap_password: Secret | None = None
    warmup: WarmupIn | None = None
    send_window: SendWindowIn | None = None
    is_default: bool | None = None


class MailboxCreate(MailboxFields):
    name: Name
    from_email: EmailStr
    smtp_host: HostName
    smtp_port: Port
    smtp_security: Security


class MailboxUpdate(MailboxFields):
    """Fields left out stay; a password sent as null is removed."""

    name: Name | None = None
    from_email: EmailStr | None = None
    smtp_host: HostName | None = None
    smtp_port: Port | None = None
    smtp_security: Security | None = None


class WarmupRead(BaseModel):
    start_per_day: int
    step_per_day: int
    started_on: date


class MailboxRead(BaseModel):
    id: int
    name: str
    from_email: str
    from_name: str | None
    reply_to: str | None
    smtp_host: str
    smtp_port: int
    smtp_security: str
    smtp_username: str | None
    has_smtp_password: bool
    imap_host: str | None
    imap_port: int | None
    imap_security: str | None
    imap_username: str | None
    has_imap_password: bool
    daily_limit: int
    min_gap_seconds: float
    max_connections: int
    warmup: WarmupRead | None
    send_window: SendWindowIn | None
    paused_reason: str | None
    paused_at: datetime | None
    kind: Literal["smtp", "catcher"]
    is_default: bool
    sent_last_24h: int = 0
    created_at: datetime
    updated_at: datetime


class ConnectionStepRead(BaseModel):
    name: str
    ok: bool
    reply: str  # the server's own words


class ConnectionTestRead(BaseModel):
    ok: bool
    steps: list[ConnectionStepRead]
    error: str | None = None


class CaughtSummaryRead(BaseModel):
    id: str
    received_at: datetime
    mail_from: str
    rcpt_tos: list[str]
    subject: str
    from_header: str
    to_header: str
    size: int


class CaughtAttachmentRead(BaseModel):
    filename: str | None
    content_type: str
    size: int


class CaughtMessageRead(CaughtSummaryRead):
    headers: list[tuple[str, str]]
    text: str | None
    html: str | None
    attachments: list[CaughtAttachmentRead]


class CaughtPage(BaseModel):
    items: list[CaughtSummaryRead]
    total: int


# --- templates ------------------------------------------------------------------------------------
Subject = Annotated[str, StringConstraints(min_length=1, max_length=1000)]
Body = Annotated[str, StringConstraints(max_length=100_000)]


# The salutation's register: formal unless the sender chooses informal (issue 13).
Register = Literal["formal", "informal"]


class TemplateCreate(BaseModel):
    # "register" in JSON (a field of that name would shadow BaseModel's), as in the ai service's shapes.
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    name: Name
    subject: Subject
    body_html: Body | None = None
    body_text: Body | None = None
    formality: Register = Field("formal", alias="register")


class TemplateUpdate(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    name: Name | None = None
    subject: Subject | None = None
    body_html: Body | None = None
    body_text: Body | None = None
    formality: Register | None = Field(None, alias="register")


class TemplateRead(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    id: int
    name: str
    subject: str
    body_html: str | None
    body_text: str | None
    formality: Register = Field(alias="register")
    variables: list[str]  # the dotted paths the template reads
    created_by: str | None
    created_at: datetime
    updated_at: datetime


class TemplatePage(BaseModel):
    items: list[TemplateRead]
    total: int


class VariableRead(BaseModel):
    name: str
    description: str
    example: str | None = None


class VariablesRead(BaseModel):
    items: list[VariableRead]


class PreviewRequest(BaseModel):
    contact_id: Id
    campaign_id: Id | None = None
    mailbox_id: Id | None = None
    # The booking page the builder has picked before saving; the campaign's own page otherwise.
    booking_page_id: Id | None = None


class PreviewRead(BaseModel):
    subject: str
    html: str | None
    text: str
    empty_variables: list[str]  # printed variables that render empty for this contact
    context: dict[str, Any]  # what the template saw (the variables panel's values)


# --- campaigns ------------------------------------------------------------------------------------
CampaignStatus = Literal["draft", "running", "paused", "stopped", "finished"]


class VariantIn(BaseModel):
    """Another text of a step for an A/B test (B, C, D in this order); ``weight`` is its share."""

    template_id: Id
    weight: int = Field(default=1, ge=1, le=100)


class VariantRead(VariantIn):
    label: str


class StepIn(BaseModel):
    template_id: Id
    delay_days: float = Field(default=0, ge=0, le=365)
    business_days: bool = False
    # Ask the ai service for a personal opening line per contact ({{ ai_line }}), reviewed before the start.
    ai_line: bool = False
    # A/B test: the step's template is variant A with this weight; ``variants`` are B, C, D.
    weight: int = Field(default=1, ge=1, le=100)
    variants: list[VariantIn] = Field(default_factory=list, max_length=3)


class AudienceIn(ContactFilter):
    """Contacts picked by a saved filter in leads and/or criteria (tags, statuses, company_ids, q, legal_basis),
    resolved to contact ids when the campaign is created or changed: later matches do not join by themselves."""

    saved_filter_id: Id | None = None


class AudienceRead(AudienceIn):
    """How a campaign's audience was picked: the filter it came from and how many contacts it matched then."""

    saved_filter_name: str | None = None
    matched: int = 0
    resolved_at: datetime | None = None


class CampaignCreate(BaseModel):
    name: Name
    mailbox_ids: list[Id] = Field(min_length=1, max_length=50)
    contact_ids: list[Id] = Field(default_factory=list, max_length=100_000)
    # In addition to contact_ids (the union, each contact once).
    audience: AudienceIn | None = None
    steps: list[StepIn] = Field(min_length=1, max_length=20)
    send_window: SendWindowIn | None = None  # None: any time
    track_opens: bool = False
    track_clicks: bool = False
    # A calendar booking page: each lead's {{ booking_url }} becomes their personal link to it.
    booking_page_id: Id | None = None


class CampaignUpdate(BaseModel):
    """Only while the campaign is a draft; lists given replace the old ones."""

    name: Name | None = None
    mailbox_ids: list[Id] | None = Field(default=None, min_length=1, max_length=50)
    contact_ids: list[Id] | None = Field(default=None, max_length=100_000)
    # Given: the contacts become contact_ids (or none) plus the audience's, and the audience is kept.
    audience: AudienceIn | None = None
    steps: list[StepIn] | None = Field(default=None, min_length=1, max_length=20)
    send_window: SendWindowIn | None = None
    track_opens: bool | None = None
    track_clicks: bool | None = None
    booking_page_id: Id | None = None  # null clears it


class Progress(BaseModel):
    """Counted in messages (``repository.campaign_progress``): ``total`` as far as is known now, with the steps
    still to come of every running sequence; ``pending`` what of it has not gone yet."""

    total: int
    pending: int
    sent: int
    failed: int
    unknown: int
    bounced: int
    replied: int
    unsubscribed: int  # people
    contacts: int = Field(description="Contacts enrolled.")
    excluded: int = Field(description="Contacts the preparation left out (why: the enrolment's excluded_reason).")


class Funnel(BaseModel):
    """Distinct messages that reached each stage (opens and clicks counted only when a person made them)."""

    sent: int
    opened: int
    clicked: int
    replied: int
    interested: int
    bounced: int
    unsubscribed: int


class StatsDay(BaseModel):
    day: date  # UTC
    sent: int = 0
    opened: int = 0
    clicked: int = 0
    replied: int = 0
    interested: int = 0
    bounced: int = 0
    unsubscribed: int = 0


class VariantStats(Funnel):
    """One text of an A/B-tested step and how its messages fared (distinct messages per stage)."""

    step: int
    label: str
    template_id: int


class CampaignStats(BaseModel):
    funnel: Funnel
    series: list[StatsDay]  # one entry per day with any activity, oldest first
    variants: list[VariantStats] = Field(default_factory=list)  # per text of the A/B-tested steps


class StepRead(BaseModel):
    position: int
    template_id: int
    delay_days: float
    business_days: bool
    ai_line: bool = False
    weight: int = 1
    variants: list[VariantRead] = Field(default_factory=list)  # B, C, D of an A/B test


class EnrolmentRead(BaseModel):
    """One contact's place in a campaign: its sequence running, finished or stopped, and why."""

    status: Literal["active", "stopped", "finished"]
    next_step: int = Field(description="The position of the next step to render.")
    stop_reason: str | None = Field(None, description="replied, booked, unsubscribed, bounced, stopped, or the "
                                                      "exclusion reason")
    excluded_reason: str | None = Field(None, description="Why the preparation left the contact out "
                                                          "(no_email, suppressed, legal_basis, duplicate, ...).")
    stopped_at: datetime | None = None
    last_sent_at: datetime | None = None


class CampaignRead(BaseModel):
    id: int
    name: str
    status: CampaignStatus
    mailbox_ids: list[int]
    steps: list[StepRead]
    send_window: SendWindowIn | None
    track_opens: bool
    track_clicks: bool
    booking_page_id: int | None = None
    audience: AudienceRead | None = None
    progress: Progress
    created_by: str | None
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None
    paused_at: datetime | None
    stopped_at: datetime | None
    finished_at: datetime | None
    prepared_at: datetime | None
    enrolment: EnrolmentRead | None = Field(None, description="With ?contact_id=: that contact's enrolment.")


class CampaignDetail(CampaignRead):
    contact_ids: list[int]


class CampaignPage(BaseModel):
    items: list[CampaignRead]
    total: int


class CampaignState(BaseModel):
    id: int
    status: CampaignStatus


ExclusionReason = Literal["no_email", "invalid_email", "suppressed", "unsubscribed", "legal_basis", "duplicate",
                          "contact_missing", "stopped"]


class AudiencePreviewRequest(BaseModel):
    contact_ids: list[Id] = Field(default_factory=list, max_length=100_000)
    audience: AudienceIn | None = None


class AudiencePreview(BaseModel):
    """The live count of an audience being built: how many contacts, how many may be mailed, who not and why."""

    total: int
    eligible: int
    excluded_by_reason: dict[ExclusionReason, int]


class Exclusion(BaseModel):
    contact_id: int
    name: str | None = None
    email: str | None = None
    reason: ExclusionReason
    detail: str


class LintItem(BaseModel):
    contact_id: int
    step: int
    empty_variables: list[str]


class EligibilityRead(BaseModel):
    total: int
    eligible: int
    excluded: list[Exclusion]
    lint: list[LintItem]


# --- the ledger -----------------------------------------------------------------------------------
class MessageItem(BaseModel):
    id: int
    campaign_id: int | None
    contact_id: int | None
    step: int | None
    to: str
    subject: str
    status: MessageStatus
    message_id: str | None
    sent_at: datetime | None
    mailbox_id: int | None = None
    attempts: int = 0
    error: str | None = None
    resolution: str | None = None
    created_at: datetime | None = None


class MessagePage(BaseModel):
    items: list[MessageItem]
    total: int


class EventRead(BaseModel):
    id: int
    kind: str
    at: datetime
    detail: dict[str, Any]


class MessageRead(MessageItem):
    key: str | None
    to_name: str | None
    body_text: str
    body_html: str | None
    smtp_code: int | None
    smtp_reply: str | None
    next_attempt_at: datetime | None
    events: list[EventRead]


class UnsubscribeDone(BaseModel):
    unsubscribed: bool
    stopped: int


# === inbound (emailin): replies inbox, threads, AI lines, suppressions ===============================
ReplyCategory = Literal["interested", "not_now", "out_of_office", "unsubscribe", "other"]
InboundKind = Literal["reply", "auto_reply", "bounce", "unsubscribe"]
AiLineStatus = Literal["proposed", "accepted", "edited", "rejected"]
SuppressionKind = Literal["address", "domain"]


class ReplyRead(BaseModel):
    """One inbound event: a person's reply (with its classification), an auto-reply or a bounce."""

    id: int
    kind: InboundKind
    at: datetime
    message_id: int | None
    campaign_id: int | None
    contact_id: int | None
    category: ReplyCategory | None = None
    confidence: float | None = None
    classifier: str | None = None
    from_address: str | None = None
    subject: str | None = None
    text: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict)


class ThreadMessage(BaseModel):
    id: int
    campaign_id: int | None
    step: int | None
    to: str
    subject: str
    status: MessageStatus
    message_id: str | None
    sent_at: datetime | None
    opened_at: datetime | None
    clicked_at: datetime | None
    body_text: str


class ThreadItem(BaseModel):
    """A message we sent, or what came back (reply, auto-reply, bounce), in the order it happened."""

    type: Literal["message", "reply", "auto_reply", "bounce", "unsubscribe"]
    at: datetime
    message: ThreadMessage | None = None
    inbound: ReplyRead | None = None


class ThreadRead(BaseModel):
    contact_id: int
    items: list[ThreadItem]


class AiLineRead(BaseModel):
    id: int
    campaign_id: int
    contact_id: int
    step: int
    line: str
    source_url: str | None
    snippet: str | None
    provider: str | None
    status: AiLineStatus
    edited_by: str | None
    updated_at: datetime


class AiLineUpdate(BaseModel):
    """Edit the line, accept it or reject it (a rejected line renders as nothing)."""

    line: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)] | None = None
    status: Literal["accepted", "rejected"] | None = None


class AiLinesStarted(BaseModel):
    job_id: int
    steps: list[int]


class SuppressionCreate(BaseModel):
    """An address (jane@example.com) or a whole domain (example.com or @example.com)."""

    value: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=320)]
    reason: Literal["manual", "unsubscribed", "bounced", "complaint"] = "manual"


class SuppressionRead(BaseModel):
    id: int
    kind: SuppressionKind
    value: str
    reason: str
    source: str | None
    contact_id: int | None
    campaign_id: int | None
    created_by: str | None
    created_at: datetime


class RejectedRow(BaseModel):
    line: int
    value: str
    reason: str


class SuppressionImportResult(BaseModel):
    rows: int
    added: int
    already: int
    duplicates: int
    rejected: list[RejectedRow]


# --- answers to interested replies ----------------------------------------------------------------
ReplyDraftStatus = Literal["draft", "sent", "discarded"]


class OfferedSlotRead(BaseModel):
    start: datetime
    end: datetime
    book_url: str  # one click books this slot for the contact


class ReplyDraftRead(BaseModel):
    """The answer to an interested reply, offering the booking page's next free slots."""

    id: int
    contact_id: int
    campaign_id: int | None
    mailbox_id: int | None
    to_email: str
    subject: str
    body_text: str
    body_html: str | None
    in_reply_to: str | None
    references: list[str] | None = None  # the thread the answer refers to, oldest first
    language: str
    timezone: str
    slots: list[OfferedSlotRead]
    page_url: str | None
    status: ReplyDraftStatus
    sent_message_id: int | None  # the ledger row once sent
    decided_by: str | None
    created_at: datetime
    updated_at: datetime


class ReplyDraftList(BaseModel):
    items: list[ReplyDraftRead]
