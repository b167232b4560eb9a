"""Pydantic I/O of the calendar service.

This module starts with the shapes other services use (through ``client.py``): a lead's personal
booking link (the e-mail service's ``{{ booking_url }}``) and a host's next free slots, each with a
one-click booking link (the e-mail service's answer to an "interested" reply). The rest of the
service's shapes follow them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)


class LinkCreate(BaseModel):
    """A lead's personal link to a booking page (pinned: POST /api/calendar/links {page_id, contact_id})."""

    page_id: int = Field(ge=1, le=2**31 - 1)
    contact_id: int = Field(ge=1, le=2**31 - 1)
    # Which campaign the link was made for, so a booking knows where it came from.
    campaign_id: int | None = Field(default=None, ge=1, le=2**31 - 1)


class LinkRead(BaseModel):
    token: str
    url: str
    expires_at: datetime | None = None


class OfferedSlot(BaseModel):
    start: datetime
    end: datetime
    book_url: str  # one click books exactly this slot (signed, single purpose, expiring)


class NextSlotsRead(BaseModel):
    """A host's next free slots, re-checked against the calendar provider, for an e-mail offering them."""

    page_id: int
    timezone: str  # the lead's zone the times are meant for (the host's when unknown)
    slots: list[OfferedSlot]
    page_url: str  # the lead's personal page, for "none of these fit"


# --- the rest of the calendar service's shapes --------------------------------------------------


def _with_offset(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _sane_year(value: datetime | date) -> datetime | date:
    # Far-off years cannot be meetings, and at the ends of the calendar converting zones overflows.
    if not 1971 <= value.year <= 2199:
        raise ValueError("must be between the years 1971 and 2199")
    return value


Moment = Annotated[AwareDatetime, AfterValidator(_sane_year)]
MomentFilter = Annotated[datetime, AfterValidator(_sane_year)]
Day = Annotated[date, AfterValidator(_sane_year)]

# A time as the reader's zone has it, always with its numeric offset ("+00:00" rather than "Z").
ZonedTime = Annotated[datetime, PlainSerializer(_with_offset, return_type=str, when_used="json"),
                      WithJsonSchema({"type": "string", "format": "date-time"})]

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Clock = Annotated[str, StringConstraints(max_length=5)]
HoursRange = Annotated[list[Clock], Field(min_length=2, max_length=2)]
ZoneName = Annotated[str, StringConstraints(max_length=64)]
Language = Literal["de", "en"]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
LongText = Annotated[str, StringConstraints(max_length=5_000)]


class DateOverride(BaseModel):
    """Hours that replace one date's weekly hours: none is a day off, a range is extra or other hours."""

    model_config = ConfigDict(extra="forbid")

    date: Annotated[str, StringConstraints(max_length=10)]
    hours: list[HoursRange] = Field(default_factory=list, max_length=24)


class AvailabilityWrite(BaseModel):
    """A host's availability (pinned: PUT /api/calendar/availability). Times are the host's wall clock in
    ``timezone`` (an IANA name); a weekday left out is closed; limits are per day and per ISO week."""

    model_config = ConfigDict(extra="forbid")

    timezone: ZoneName
    weekly: dict[Weekday, list[HoursRange]] = Field(default_factory=dict)
    slot_minutes: int = 30
    buffer_before_minutes: int = 0
    buffer_after_minutes: int = 0
    min_notice_minutes: int = 0
    horizon_days: int = 60
    max_per_day: int | None = None
    max_per_week: int | None = None
    overrides: list[DateOverride] = Field(default_factory=list, max_length=1000)


class AvailabilityRead(AvailabilityWrite):
    configured: bool  # False: the host has not stated any hours yet (these are the defaults)


class AvailabilityPreview(BaseModel):
    """Try rules before saving them: the free slots of the next ``days`` days (the saved rules if none)."""

    availability: AvailabilityWrite | None = None
    days: int = Field(default=14, ge=1, le=31)
    duration_minutes: int | None = Field(default=None, ge=5, le=720)
    timezone: ZoneName | None = None  # the zone to show the slots in; the rules' zone if None


class SlotRead(BaseModel):
    start: ZonedTime
    end: ZonedTime


class SlotsRead(BaseModel):
    """Free slots, each ISO 8601 with the offset of ``timezone`` at that instant (pinned)."""

    timezone: str
    slots: list[SlotRead]


class DaysRead(BaseModel):
    """The days (in ``timezone``) that have at least one free slot: the month view."""

    timezone: str
    days: list[date]


# --- booking pages ------------------------------------------------------------------------------

class Question(BaseModel):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    required: bool = False
    multiline: bool = False


class Branding(BaseModel):
    name: Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)] | None = None
    logo_url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s\"'<>\\]{1,1990}$")] | None = None
    colour: Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")] | None = None


def _unique_questions(questions: list[Question] | None) -> list[Question] | None:
    if questions is not None and len({q.id for q in questions}) != len(questions):
        raise ValueError("question ids must be unique")
    return questions


class PageFields(BaseModel):
    description: LongText | None = None
    branding: Branding | None = None
    questions: list[Question] | None = Field(default=None, max_length=10)
    location: ShortText | None = None
    with_meet: bool | None = None  # a Google Meet link on the event (Google provider only)
    language: Language | None = None  # of the host's notices

    @field_validator("questions")
    @classmethod
    def _unique(cls, value: list[Question] | None) -> list[Question] | None:
        return _unique_questions(value)


class PageCreate(PageFields):
    """A booking page (pinned: POST /api/calendar/pages {title, duration_minutes})."""

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    duration_minutes: int = Field(ge=5, le=720)


class PageUpdate(PageFields):
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)] | None = None
    duration_minutes: int | None = Field(default=None, ge=5, le=720)


class PageCreated(BaseModel):
    id: int
    token: str  # the page's generic link token (anyone may book through it)
    url: str


class PageRead(BaseModel):
    id: int
    host_id: int
    host_name: str
    title: str
    duration_minutes: int
    description: str
    branding: Branding
    questions: list[Question]
    location: str | None
    with_meet: bool
    language: str
    active: bool
    token: str
    url: str
    created_at: datetime
    updated_at: datetime


# --- the public booking page --------------------------------------------------------------------

class Prefill(BaseModel):
    name: str | None
    email: str | None


class PublicHost(BaseModel):
    name: str
    timezone: str | None  # None: the host has not stated hours yet


class PublicPage(BaseModel):
    """Everything the public booking page shows for a link."""

    title: str
    description: str
    duration_minutes: int
    location: str | None
    with_meet: bool
    branding: Branding
    questions: list[Question]
    host: PublicHost
    personal: bool  # a lead's own link (greeting, prefill) rather than the page's generic one
    greeting_name: str | None
    prefill: Prefill | None
    expires_at: datetime | None
    bookable: bool  # False: no hours stated, or the host's calendar cannot be read right now
    slot_minutes: int | None
    min_notice_minutes: int | None
    horizon_days: int | None
    max_window_days: int  # the widest from…to a slots or days request may ask for


class BookingCreate(BaseModel):
    """A booking from the public page (pinned: {start, name, email, note?})."""

    start: Moment
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    email: EmailStr
    note: LongText | None = None
    timezone: ZoneName | None = None  # the visitor's zone for their confirmation; the host's if None
    language: Language | None = None  # of the visitor's confirmation; English if None
    answers: dict[Annotated[str, StringConstraints(max_length=40)], LongText] = Field(default_factory=dict,
                                                                                     max_length=10)
    # A honeypot: hidden on the page, so people leave it empty and form-filling robots do not.
    website: Annotated[str, StringConstraints(max_length=500)] | None = None


class BookingCreated(BaseModel):
    """A booking as its visitor sees it (pinned: {id, start, end, manage_url}), times in their zone."""

    id: int
    status: str
    start: ZonedTime
    end: ZonedTime
    timezone: str
    title: str
    host_name: str
    location: str | None
    meet_url: str | None
    manage_url: str  # the page to reschedule or cancel (carries both single-purpose links)
    reschedule_url: str
    cancel_url: str
    ics_url: str  # "add to calendar" as an .ics file
    google_calendar_url: str  # "add to Google Calendar"


class ManagedBooking(BookingCreated):
    """A booking seen through one of its manage links."""

    name: str
    email: str
    duration_minutes: int
    branding: Branding
    can_reschedule: bool
    can_cancel: bool
    cancelled_at: datetime | None


class RescheduleRequest(BaseModel):
    start: Moment
    timezone: ZoneName | None = None


class CancelRequest(BaseModel):
    reason: Annotated[str, StringConstraints(max_length=1_000)] | None = None


class OneClickRequest(BaseModel):
    """Booking an offered slot with one click: the lead's name and address come from their link."""

    note: LongText | None = None
    timezone: ZoneName | None = None
    language: Language | None = None


class OfferedSlotRead(BaseModel):
    """What a one-click link would book, and whether it is still free."""

    start: ZonedTime
    end: ZonedTime
    timezone: str
    title: str
    host_name: str
    greeting_name: str | None
    free: bool


# --- the host's side ----------------------------------------------------------------------------

class Answer(BaseModel):
    id: str
    question: str
    answer: str


class BookingRead(BaseModel):
    id: int
    page_id: int
    page_title: str
    host_id: int
    status: str
    start: datetime
    end: datetime
    visitor_name: str
    visitor_email: str
    visitor_timezone: str
    language: str
    answers: list[Answer]
    note: str | None
    contact_id: int | None
    company_id: int | None
    campaign_id: int | None
    source: str
    sequence: int
    provider: str
    event_state: str
    event_link: str | None
    meet_url: str | None
    created_at: datetime
    cancelled_at: datetime | None
    cancelled_by: str | None
    cancel_reason: str | None


class FeedRead(BaseModel):
    """The host's secret iCalendar feed (subscribe in Outlook, Apple Calendar…); None when switched off."""

    url: str | None


GoogleState = Literal["connected", "revoked", "disconnected"]


class GoogleStatus(BaseModel):
    enabled: bool  # OUTBOUND_CALENDAR_PROVIDER=google
    state: GoogleState
    detail: str  # what the settings page says about the state
    account_email: str | None
    busy_calendar_ids: list[str]
    event_calendar_id: str | None
    connected_at: datetime | None
    revoked_at: datetime | None


class GoogleAuthorization(BaseModel):
    authorization_url: str  # send the browser here; Google returns it to <public URL>/calendar/google/callback


class GoogleCallback(BaseModel):
    """The query Google sent the browser back with, posted by the signed-in host's page."""

    state: Annotated[str, StringConstraints(max_length=200)]
    code: Annotated[str, StringConstraints(max_length=2_000)] | None = None
    error: Annotated[str, StringConstraints(max_length=200)] | None = None


class GoogleCalendarRead(BaseModel):
    id: str
    name: str
    primary: bool
    access_role: str
    writable: bool
    time_zone: str | None
    busy: bool  # counted as busy time
    events: bool  # where booking events go


class GoogleCalendarChoice(BaseModel):
    busy_calendar_ids: list[Annotated[str, StringConstraints(min_length=1, max_length=300)]] = Field(
        min_length=1, max_length=50)
    event_calendar_id: Annotated[str, StringConstraints(min_length=1, max_length=300)]
