"""What happened to each demo company, in order, so every service's rows tell the same story:
crawl → AI profile → campaign e-mail → opened → reply → booking → won or lost.

A company's status (from the world) decides how far its story got; the dates are relative to ``now``
and fall on working hours, so a timeline reads like a sales team's month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .world import Company, World

ZONE = ZoneInfo("Europe/Berlin")
FINISHED_CAMPAIGN, PAUSED_CAMPAIGN = 1, 2
# How far each status got: sent the first mail, it was opened, a reply came, a meeting was booked.
_REACHED = {"new": 0, "enriched": 0, "contacted": 2, "replied": 3, "meeting": 4, "won": 4, "lost": 3}


@dataclass(frozen=True)
class Story:
    company: Company
    contact_id: int
    campaign_id: int | None
    sent_at: datetime | None
    opened_at: datetime | None
    replied_at: datetime | None
    meeting_at: datetime | None  # the booked meeting's start (past for won, ahead for meeting)
    host_id: int  # the colleague the meeting is with (users' ids)


def working_time(day: date, hour: int, minute: int = 0) -> datetime:
    """``day`` at ``hour``:``minute`` in Berlin, moved forward to a weekday; as an aware UTC datetime."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, time(hour, minute), ZONE).astimezone(ZONE).astimezone(ZoneInfo("UTC"))


def stories(world: World) -> list[Story]:
    """One story per company; the paused campaign's companies got its first step only."""
    out = []
    today = world.now.astimezone(ZONE).date()
    for c in world.companies:
        # UWG §7: advertising mail to a German contact needs a legal basis, so the campaigns wrote to the
        # first person who has one; a company without such a person was never mailed.
        mailable = [p for p in c.people if p.legal_basis != "none" or c.country != "DE"]
        lead = mailable[0] if mailable else c.people[0]
        reached = _REACHED[c.status] if mailable else 0
        campaign: int | None = FINISHED_CAMPAIGN if reached else None
        if c.status == "enriched" and c.id % 2 == 0 and mailable:
            campaign, reached = PAUSED_CAMPAIGN, 1  # the paused campaign sent its first step, then stopped
        sent = opened = replied = meeting = None
        if campaign == FINISHED_CAMPAIGN:
            sent = working_time(today - timedelta(days=32 - c.id % 4), 9, 5 + c.id % 50)
        elif campaign == PAUSED_CAMPAIGN:
            sent = working_time(today - timedelta(days=6 - c.id % 3), 10, c.id % 50)
        if sent and reached >= 2:
            opened = sent + timedelta(hours=2 + c.id % 5, minutes=c.id % 37)
        if opened and reached >= 3:
            replied = working_time((opened + timedelta(days=1 + c.id % 2)).astimezone(ZONE).date(), 11, c.id % 55)
        if replied and reached >= 4:
            when = today - timedelta(days=12 - c.id % 5) if c.status == "won" else today + timedelta(days=2 + c.id % 9)
            meeting = working_time(when, 10 + c.id % 6)
        out.append(Story(company=c, contact_id=lead.id, campaign_id=campaign, sent_at=sent, opened_at=opened,
                         replied_at=replied, meeting_at=meeting, host_id=1 if c.id % 3 else 2))
    return out
