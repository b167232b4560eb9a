"""Which pipeline status an e-mail event moves a contact to in leads, and when it leaves the contact alone.

A mail event never moves a contact backwards: a meeting, a won or a lost deal is a person's decision
and stays; an unsubscribe is the contact's own and no later mail event (a reply to an older message, a
late DSN) undoes it. A hard bounce says the address is dead, so it overrides ``replied``; a reply after
a bounce (the address works after all) moves the contact on to ``replied``.
"""

from __future__ import annotations

from services.leads.client import LeadsClient
from services.leads.schemas import ContactUpdate, LeadStatus

_DECIDED = frozenset({LeadStatus.meeting, LeadStatus.won, LeadStatus.lost})

# The statuses each target leaves as they are.
KEPT: dict[LeadStatus, frozenset[LeadStatus]] = {
    LeadStatus.contacted: frozenset(LeadStatus) - {LeadStatus.new, LeadStatus.enriched},
    LeadStatus.replied: _DECIDED | {LeadStatus.replied, LeadStatus.unsubscribed},
    LeadStatus.bounced: _DECIDED | {LeadStatus.bounced, LeadStatus.unsubscribed},
    LeadStatus.unsubscribed: _DECIDED | {LeadStatus.unsubscribed},
}


def moved_status(current: LeadStatus, target: LeadStatus) -> LeadStatus | None:
    """The status to set after an e-mail event that means ``target``; None: the contact keeps ``current``."""
    return None if current in KEPT.get(target, frozenset(LeadStatus)) else target


async def move_contact(leads: LeadsClient, contact_id: int, target: LeadStatus) -> str | None:
    """Move the contact in leads to what an e-mail event means, unless ``moved_status`` keeps it; the new status."""
    contact = await leads.get_contact(contact_id)
    status = moved_status(contact.status, target)
    if status is None:
        return None
    await leads.update_contact(contact_id, ContactUpdate(status=status))
    return status.value
