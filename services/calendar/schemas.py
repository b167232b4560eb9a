"""Pydantic I/O of the calendar service.

This module starts with the shapes other services use (through ``client.py``): a lead's personal
booking link (the e-mail service's ``{{ booking_url }}``) and a host's next free slots, each with a
one-click booking link (the e-mail service's answer to an "interested" reply). The rest of the
service's shapes follow them.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


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
