"""A campaign's audience picked by a saved filter or criteria in leads, and its live count while it is built.

The filter is resolved to contact ids when the campaign is created or changed (through the leads client,
with no session of ours open), joined with the ids picked by hand, each contact once. The campaign keeps
how it was picked (``email_campaigns.audience``: the criteria, the saved filter's id and name, how many
it matched), so the builder can show it; contacts who match the filter later do not join a campaign
by themselves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from services.kit.errors import Invalid, NotFound
from services.leads.schemas import ContactFilter

from .deps import EmailRuntime
from .schemas import AudienceIn, AudiencePreview, AudiencePreviewRequest, AudienceRead
from .service import audience, judge

# CampaignCreate.contact_ids holds at most this many.
MAX_CONTACTS = 100_000


async def pick(runtime: EmailRuntime, contact_ids: Sequence[int] | None,
               picked: AudienceIn | None) -> tuple[list[int], dict[str, Any] | None]:
    """(the campaign's contact ids, how the audience was picked as stored); Invalid names what is wrong."""
    ids = list(dict.fromkeys(contact_ids or ()))
    if picked is None:
        return ids, None
    leads = runtime.deps.leads
    criteria = ContactFilter.model_validate(picked.model_dump(exclude={"saved_filter_id"}))
    name = None
    try:
        if picked.saved_filter_id is not None:
            name = (await leads.saved_filter(picked.saved_filter_id)).name
        found = await leads.contact_ids(criteria, saved_filter_id=picked.saved_filter_id)
    except NotFound as exc:
        raise Invalid(f"audience.saved_filter_id: no saved filter {picked.saved_filter_id}",
                      errors=[{"loc": ["body", "audience", "saved_filter_id"], "msg": "unknown saved filter",
                               "type": "not_found"}]) from exc
    ids = list(dict.fromkeys([*ids, *found.ids]))
    if found.total > len(found.ids) or len(ids) > MAX_CONTACTS:
        raise Invalid(f"audience: it picks more than {MAX_CONTACTS:,} contacts; narrow it down")
    stored = AudienceRead(**picked.model_dump(), saved_filter_name=name, matched=found.total,
                          resolved_at=runtime.deps.clock())
    return ids, stored.model_dump(mode="json", exclude_defaults=True)


async def preview(runtime: EmailRuntime, body: AudiencePreviewRequest) -> AudiencePreview:
    """How many contacts the audience holds and how many of them may be mailed now (the campaign's rules)."""
    ids, _ = await pick(runtime, body.contact_ids, body.audience)
    contacts, companies, suppressed = await audience(runtime, ids)
    excluded: Counter[str] = Counter()
    seen: set[str] = set()
    for contact_id in ids:
        contact = contacts.get(contact_id)
        company = companies.get(contact.company_id) if contact is not None and contact.company_id else None
        verdict = judge(contact, company, suppressed, seen)
        if verdict is not None:
            excluded[verdict[0]] += 1
    return AudiencePreview.model_validate({"total": len(ids), "eligible": len(ids) - sum(excluded.values()),
                                           "excluded_by_reason": dict(excluded)})


def read(stored: dict[str, Any] | None) -> AudienceRead | None:
    return AudienceRead.model_validate(stored) if stored else None
