"""Pydantic I/O of the e-mail service.

This module starts with the shapes other services use (through ``client.py``): sending one
transactional message (the calendar's confirmations) and stopping a contact's sequences (a booking).
The rest of the service's shapes follow them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, EmailStr, Field, StringConstraints

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
