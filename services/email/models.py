"""Tables of the email service: mailboxes, templates, suppressions, campaigns (mailboxes, steps, enrolled
contacts), the sending ledger (messages) with its events, AI lines, jobs.

The ledger is the at-most-once rule in table form. One ``email_messages`` row per (campaign, contact, step)
(UNIQUE) or per transactional ``key`` (UNIQUE); a worker claims a row with a lease (``locked_by``,
``lease_until``), records the deterministic Message-ID before DATA and moves the row to ``sending`` in its
own committed transaction before talking to the server. A row found in ``sending`` after its lease ran out
(the worker died mid-conversation) becomes ``unknown`` and is never sent again on its own: an admin
resends or discards it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.db import TYPE_ANNOTATION_MAP, service_metadata, utcnow
from services.kit.jobs import JobMixin

# Campaign states.
DRAFT, RUNNING, PAUSED, STOPPED, FINISHED = "draft", "running", "paused", "stopped", "finished"
# Enrolment states.
ACTIVE = "active"  # with STOPPED, FINISHED
# SMTP sessions a mailbox without a minimum gap holds at once unless it says otherwise (``max_connections``).
DEFAULT_CONNECTIONS = 4
# Ledger states.
QUEUED, SENDING, SENT, FAILED, UNKNOWN, BOUNCED, REPLIED = (
    "queued", "sending", "sent", "failed", "unknown", "bounced", "replied")
# Where the row stands in the worker: none, or "discarded" by an admin (status stays failed/unknown).
MESSAGE_STATUSES = (QUEUED, SENDING, SENT, FAILED, UNKNOWN, BOUNCED, REPLIED)
EVENT_KINDS = ("sent", "open", "click", "reply", "bounce", "unsubscribe", "auto_reply")


class Base(DeclarativeBase):
    metadata = service_metadata()
    type_annotation_map = TYPE_ANNOTATION_MAP


class Job(JobMixin, Base):
    __tablename__ = "email_jobs"  # one shared database must not see two 'jobs' tables


class Mailbox(Base):
    """An SMTP account (with an optional IMAP box for replies and bounces) and how fast it may send."""

    __tablename__ = "email_mailboxes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    from_email: Mapped[str] = mapped_column(sa.String(320))
    from_name: Mapped[str | None] = mapped_column(sa.String(200), default=None)
    reply_to: Mapped[str | None] = mapped_column(sa.String(320), default=None)
    smtp_host: Mapped[str] = mapped_column(sa.String(255))
    smtp_port: Mapped[int]
    smtp_security: Mapped[str] = mapped_column(sa.String(16), default="starttls")  # none | starttls | tls
    smtp_username: Mapped[str | None] = mapped_column(sa.String(320), default=None)
    # Sealed with services.email.sealing (context "mailbox:<id>:smtp"); never returned by the API.
    smtp_password_sealed: Mapped[str | None] = mapped_column(sa.Text, default=None)
    imap_host: Mapped[str | None] = mapped_column(sa.String(255), default=None)
    imap_port: Mapped[int | None] = mapped_column(default=None)
    imap_security: Mapped[str | None] = mapped_column(sa.String(16), default=None)
    imap_username: Mapped[str | None] = mapped_column(sa.String(320), default=None)
    imap_password_sealed: Mapped[str | None] = mapped_column(sa.Text, default=None)
    # Where the IMAP poller stands (emailin): UIDVALIDITY and the last UID seen per folder.
    imap_state: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON, default=None)
    imap_polled_at: Mapped[datetime | None] = mapped_column(default=None)
    imap_error: Mapped[str | None] = mapped_column(sa.Text, default=None)
    # Pacing: a cap over a rolling 24 h (0 = none), a minimum gap plus jitter, an optional warm-up ramp.
    daily_limit: Mapped[int] = mapped_column(default=50)
    min_gap_seconds: Mapped[float] = mapped_column(default=120.0)
    warmup_started_on: Mapped[date | None] = mapped_column(sa.Date, default=None)
    warmup_start_per_day: Mapped[int] = mapped_column(default=10)
    warmup_step_per_day: Mapped[int] = mapped_column(default=5)
    # {"weekdays": [0..6], "start": "08:00", "end": "17:00"}; None: any time.
    send_window: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON, default=None)
    # SMTP connections the sender opens at once when the mailbox has no minimum gap (a paced mailbox uses one):
    # servers limit concurrent sessions per account, so this is the account's to set.
    max_connections: Mapped[int] = mapped_column(default=DEFAULT_CONNECTIONS, server_default=str(DEFAULT_CONNECTIONS))
    # A mailbox the server refused us on (5.7.x, 5.4.5, authentication) stops sending until resumed.
    paused_reason: Mapped[str | None] = mapped_column(sa.Text, default=None)
    paused_at: Mapped[datetime | None] = mapped_column(default=None)
    # "smtp", or "catcher" for the local catcher `outbound up` keeps pointing at its port.
    kind: Mapped[str] = mapped_column(sa.String(16), default="smtp")
    is_default: Mapped[bool] = mapped_column(default=False)
    # The earliest moment this mailbox may send again (kept by the worker; pacing.next_send_at).
    next_send_at: Mapped[datetime | None] = mapped_column(default=None)
    last_sent_at: Mapped[datetime | None] = mapped_column(default=None)
    created_by: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Template(Base):
    __tablename__ = "email_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    subject: Mapped[str] = mapped_column(sa.String(1000))
    body_html: Mapped[str | None] = mapped_column(sa.Text, default=None)
    body_text: Mapped[str | None] = mapped_column(sa.Text, default=None)
    # How {{ salutation }} greets: "formal" (Sie, "Sehr geehrter Herr Dr. Bergmann,") unless the sender
    # chooses "informal" (du, "Hallo Klaus,") for this template.
    register: Mapped[str] = mapped_column(sa.String(12), default="formal", server_default="formal")
    created_by: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Suppression(Base):
    """An address or a whole domain nothing is sent to (unsubscribed, hard bounce, added by hand, imported)."""

    __tablename__ = "email_suppressions"
    __table_args__ = (sa.UniqueConstraint("kind", "value", name="uq_email_suppressions_kind_value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(8))  # address | domain
    value: Mapped[str] = mapped_column(sa.String(320))  # lower-cased address or domain
    reason: Mapped[str] = mapped_column(sa.String(32))  # unsubscribed | bounced | complaint | manual | import
    source: Mapped[str | None] = mapped_column(sa.String(300), default=None)  # e.g. "message:42", "csv"
    contact_id: Mapped[int | None] = mapped_column(default=None)
    campaign_id: Mapped[int | None] = mapped_column(default=None)
    created_by: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Campaign(Base):
    __tablename__ = "email_campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    status: Mapped[str] = mapped_column(sa.String(16), default=DRAFT, index=True)
    # pacing.SendWindow as JSON ({"weekdays", "start", "end"}); None: any time.
    send_window: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON, default=None)
    track_opens: Mapped[bool] = mapped_column(default=False)
    track_clicks: Mapped[bool] = mapped_column(default=False)
    # The calendar service's booking page whose personal link per lead is {{ booking_url }} (None: the
    # sender profile's calendar_url). Another service's id: no foreign key, checked when links are made.
    booking_page_id: Mapped[int | None] = mapped_column(default=None)
    # How the audience was picked (tags, status, company, saved filter), kept for the builder.
    audience: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON, default=None)
    created_by: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    started_by: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    paused_at: Mapped[datetime | None] = mapped_column(default=None)
    stopped_at: Mapped[datetime | None] = mapped_column(default=None)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    # When step 1 was rendered into the ledger (the preparation job).
    prepared_at: Mapped[datetime | None] = mapped_column(default=None)


class CampaignMailbox(Base):
    """A mailbox a campaign rotates over."""

    __tablename__ = "email_campaign_mailboxes"

    campaign_id: Mapped[int] = mapped_column(sa.ForeignKey("email_campaigns.id", ondelete="CASCADE"),
                                             primary_key=True)
    mailbox_id: Mapped[int] = mapped_column(sa.ForeignKey("email_mailboxes.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(default=0)


class CampaignStep(Base):
    __tablename__ = "email_campaign_steps"
    __table_args__ = (sa.UniqueConstraint("campaign_id", "position", name="uq_email_campaign_steps_position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(sa.ForeignKey("email_campaigns.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]  # 1, 2, 3 …
    template_id: Mapped[int] = mapped_column(sa.ForeignKey("email_templates.id"), index=True)
    delay_days: Mapped[float] = mapped_column(default=0.0)
    business_days: Mapped[bool] = mapped_column(default=False)
    # The step asks the ai service for a personal opening line per contact (emailin).
    ai_line: Mapped[bool] = mapped_column(default=False)
    # A/B test: [{"label": "A", "template_id", "weight"}, {"label": "B", …}] (A is template_id); None: one text.
    variants: Mapped[list[dict[str, Any]] | None] = mapped_column(sa.JSON, default=None)


class CampaignContact(Base):
    """A contact's enrolment in a campaign: where their sequence stands."""

    __tablename__ = "email_campaign_contacts"
    __table_args__ = (
        sa.UniqueConstraint("campaign_id", "contact_id", name="uq_email_campaign_contacts_contact"),
        sa.Index("ix_email_campaign_contacts_due", "status", "next_due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(sa.ForeignKey("email_campaigns.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int] = mapped_column(index=True)
    company_id: Mapped[int | None] = mapped_column(default=None)
    email: Mapped[str | None] = mapped_column(sa.String(320), default=None, index=True)
    status: Mapped[str] = mapped_column(sa.String(16), default=ACTIVE)  # active | stopped | finished
    stop_reason: Mapped[str | None] = mapped_column(sa.String(32), default=None)
    stopped_at: Mapped[datetime | None] = mapped_column(default=None)
    # Why the contact is not sent to at all (suppressed, no_email, legal_basis…), found by the preparation.
    excluded_reason: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    next_step: Mapped[int] = mapped_column(default=1)  # the position of the next step to render
    next_due_at: Mapped[datetime | None] = mapped_column(default=None)
    timezone: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    mailbox_id: Mapped[int | None] = mapped_column(sa.ForeignKey("email_mailboxes.id"), default=None)
    last_sent_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Message(Base):
    """The sending ledger: one rendered message and where it stands."""

    __tablename__ = "email_messages"
    __table_args__ = (
        sa.UniqueConstraint("campaign_id", "contact_id", "step", name="uq_email_messages_campaign_contact_step"),
        sa.Index("ix_email_messages_due", "status", "next_attempt_at"),
        sa.Index("ix_email_messages_contact", "contact_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int | None] = mapped_column(sa.ForeignKey("email_campaigns.id", ondelete="CASCADE"),
                                                    default=None, index=True)
    enrolment_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("email_campaign_contacts.id", ondelete="CASCADE"), default=None)
    contact_id: Mapped[int | None] = mapped_column(default=None)
    company_id: Mapped[int | None] = mapped_column(default=None)
    step: Mapped[int | None] = mapped_column(default=None)
    # Transactional messages: what the message means (booking:42:confirmation:lead).
    key: Mapped[str | None] = mapped_column(sa.String(200), unique=True, default=None)
    mailbox_id: Mapped[int | None] = mapped_column(sa.ForeignKey("email_mailboxes.id"), default=None, index=True)
    to_email: Mapped[str] = mapped_column(sa.String(320))
    to_name: Mapped[str | None] = mapped_column(sa.String(200), default=None)
    reply_to: Mapped[str | None] = mapped_column(sa.String(320), default=None)
    subject: Mapped[str] = mapped_column(sa.String(1000))
    body_html: Mapped[str | None] = mapped_column(sa.Text, default=None)
    body_text: Mapped[str] = mapped_column(sa.Text, default="")
    # [{"filename", "content_type", "content_base64"}] (transactional .ics and the like).
    attachments: Mapped[list[dict[str, Any]] | None] = mapped_column(sa.JSON, default=None)
    # {"type", "title"}: how the message appears on the contact's timeline.
    timeline: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON, default=None)
    status: Mapped[str] = mapped_column(sa.String(16), default=QUEUED)
    # Deterministic (HMAC of the ledger row) and recorded before DATA.
    message_id: Mapped[str | None] = mapped_column(sa.String(250), unique=True, default=None)
    in_reply_to: Mapped[str | None] = mapped_column(sa.String(250), default=None)
    # The A/B variant of its step this message was rendered from ("A", "B" …); None: the step has one text.
    variant: Mapped[str | None] = mapped_column(sa.String(1), default=None)
    # The whole thread for References (RFC 5322 §3.6.4), oldest first; None: only In-Reply-To is referred to.
    references: Mapped[list[str] | None] = mapped_column(sa.JSON, default=None)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    locked_by: Mapped[str | None] = mapped_column(sa.String(96), default=None)
    lease_until: Mapped[datetime | None] = mapped_column(default=None)
    smtp_code: Mapped[int | None] = mapped_column(default=None)
    smtp_reply: Mapped[str | None] = mapped_column(sa.Text, default=None)
    error: Mapped[str | None] = mapped_column(sa.Text, default=None)
    # Set when an admin decides about a failed/unknown message ("discarded").
    resolution: Mapped[str | None] = mapped_column(sa.String(16), default=None)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
    replied_at: Mapped[datetime | None] = mapped_column(default=None)
    bounced_at: Mapped[datetime | None] = mapped_column(default=None)
    opened_at: Mapped[datetime | None] = mapped_column(default=None)
    clicked_at: Mapped[datetime | None] = mapped_column(default=None)
    unsubscribed_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class MessageWire(Base):
    """A queued message as it goes over DATA, built at rendering, without its Date (wire.py), beside its ledger row
    rather than in it: the sender moves a row to ``sending`` and then ``sent``, and SQLite rewrites a whole row on
    every update — with the wire form in it each move wrote several KiB more (a third of a group commit's work in
    bench/email_engine.py). Dropped once the message is no longer queued (housekeeping,
    :func:`repository.drop_spent_wires`)."""

    __tablename__ = "email_message_wires"

    # The ledger row's deterministic Message-ID: known when the row is rendered, before the insert gives it an id.
    message_id: Mapped[str] = mapped_column(
        sa.String(250), sa.ForeignKey("email_messages.message_id", ondelete="CASCADE"), primary_key=True)
    wire: Mapped[bytes] = mapped_column(sa.LargeBinary)
    # What of the mailbox and the settings it was built from: a changed one means build anew.
    wire_key: Mapped[str] = mapped_column(sa.String(32))


class MessageEvent(Base):
    """Something that happened to a message: sent, opened, clicked, replied, bounced, unsubscribed."""

    __tablename__ = "email_message_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int | None] = mapped_column(sa.ForeignKey("email_messages.id", ondelete="CASCADE"),
                                                   default=None, index=True)
    campaign_id: Mapped[int | None] = mapped_column(default=None, index=True)
    contact_id: Mapped[int | None] = mapped_column(default=None, index=True)
    kind: Mapped[str] = mapped_column(sa.String(16))  # sent | open | click | reply | bounce | unsubscribe | auto_reply
    at: Mapped[datetime] = mapped_column(default=utcnow)
    detail: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    # What makes the event unique where it can arrive twice (an IMAP message's Message-ID, a DSN).
    external_key: Mapped[str | None] = mapped_column(sa.String(300), unique=True, default=None)


class AiLine(Base):
    """A personal opening line for one contact and step, with the page it came from (emailin fills it)."""

    __tablename__ = "email_ai_lines"
    __table_args__ = (sa.UniqueConstraint("campaign_id", "contact_id", "step", name="uq_email_ai_lines_step"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(sa.ForeignKey("email_campaigns.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int]
    step: Mapped[int] = mapped_column(default=1)
    line: Mapped[str] = mapped_column(sa.Text, default="")
    source_url: Mapped[str | None] = mapped_column(sa.String(2000), default=None)
    snippet: Mapped[str | None] = mapped_column(sa.Text, default=None)
    provider: Mapped[str | None] = mapped_column(sa.String(64), default=None)  # e.g. "heuristic", "openai"
    status: Mapped[str] = mapped_column(sa.String(16), default="proposed")  # proposed | accepted | edited | rejected
    edited_by: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ReplyDraft(Base):
    """An answer to an interested reply, offering the booking page's next free slots; a person sends
    it (then it is a transactional ledger row keyed ``reply-draft:<id>``) or discards it."""

    __tablename__ = "email_reply_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The reply event's external key: one draft per reply, however often the job runs.
    key: Mapped[str] = mapped_column(sa.String(300), unique=True)
    contact_id: Mapped[int] = mapped_column(index=True)
    company_id: Mapped[int | None] = mapped_column(default=None)
    campaign_id: Mapped[int | None] = mapped_column(sa.ForeignKey("email_campaigns.id", ondelete="CASCADE"),
                                                    default=None, index=True)
    # The ledger row the lead answered, and the mailbox the answer goes out through.
    answered_id: Mapped[int | None] = mapped_column(sa.ForeignKey("email_messages.id", ondelete="SET NULL"),
                                                    default=None)
    mailbox_id: Mapped[int | None] = mapped_column(sa.ForeignKey("email_mailboxes.id", ondelete="SET NULL"),
                                                   default=None)
    to_email: Mapped[str] = mapped_column(sa.String(320))
    to_name: Mapped[str | None] = mapped_column(sa.String(200), default=None)
    subject: Mapped[str] = mapped_column(sa.String(1000))
    body_text: Mapped[str] = mapped_column(sa.Text, default="")
    body_html: Mapped[str | None] = mapped_column(sa.Text, default=None)
    # The lead's reply (In-Reply-To of the answer) and what the thread referred to before it.
    in_reply_to: Mapped[str | None] = mapped_column(sa.String(250), default=None)
    # The answer's References: the lead's reply's own thread, then the reply (RFC 5322 §3.6.4).
    references: Mapped[list[str] | None] = mapped_column(sa.JSON, default=None)
    language: Mapped[str] = mapped_column(sa.String(8), default="en")
    timezone: Mapped[str] = mapped_column(sa.String(64), default="UTC")
    # [{"start", "end", "book_url"}] as offered, and the personal page for "none of these fit".
    slots: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    page_url: Mapped[str | None] = mapped_column(sa.String(2000), default=None)
    status: Mapped[str] = mapped_column(sa.String(16), default="draft")  # draft | sent | discarded
    sent_message_id: Mapped[int | None] = mapped_column(default=None)  # the ledger row once sent
    decided_by: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
