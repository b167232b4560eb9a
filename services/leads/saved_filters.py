"""Saved contact filters, and the contact ids a filter picks (a campaign's audience in the e-mail service).

A saved filter is kept as its criteria, not as the contacts it picked: whoever uses it later (the list,
a campaign being created) sees the contacts that match then.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.auth import Principal
from services.kit.errors import Conflict, NotFound

from . import repository as repo
from .models import SavedFilter
from .schemas import ContactFilter, ContactIds, SavedFilterCreate, SavedFilterRead

# A campaign holds at most this many contacts (the e-mail service's CampaignCreate).
MAX_IDS = 100_000


async def _read(s: AsyncSession, row: SavedFilter) -> SavedFilterRead:
    criteria = ContactFilter.model_validate(row.filters)
    _ids, total = await matching(s, criteria, limit=1)
    return SavedFilterRead(id=row.id, name=row.name, filters=criteria, created_by=row.created_by,
                           created_at=row.created_at, total=total)


async def matching(s: AsyncSession, criteria: ContactFilter, *, limit: int = MAX_IDS) -> tuple[list[int], int]:
    return await repo.contact_ids_matching(s, q=criteria.q, tags=criteria.tags,
                                           statuses=[str(v) for v in criteria.statuses],
                                           company_ids=criteria.company_ids,
                                           legal_basis=str(criteria.legal_basis) if criteria.legal_basis else None,
                                           limit=limit)


async def create(s: AsyncSession, body: SavedFilterCreate, actor: Principal) -> SavedFilterRead:
    if await repo.saved_filter_by_name(s, body.name) is not None:
        raise Conflict(f"A saved filter named {body.name!r} exists already.")
    row = SavedFilter(name=body.name, filters=body.filters.model_dump(mode="json", exclude_defaults=True),
                      created_by=actor.actor)
    try:
        async with s.begin_nested():
            await repo.add(s, row)
    except sa.exc.IntegrityError as exc:  # the same name saved at the same moment
        raise Conflict(f"A saved filter named {body.name!r} exists already.") from exc
    return await _read(s, row)


async def list_all(s: AsyncSession) -> list[SavedFilterRead]:
    return [await _read(s, row) for row in await repo.list_saved_filters(s)]


async def must(s: AsyncSession, filter_id: int) -> SavedFilter:
    row = await repo.get_saved_filter(s, filter_id)
    if row is None:
        raise NotFound(f"Saved filter {filter_id} does not exist.")
    return row


async def get(s: AsyncSession, filter_id: int) -> SavedFilterRead:
    return await _read(s, await must(s, filter_id))


async def delete(s: AsyncSession, filter_id: int) -> None:
    await repo.delete(s, await must(s, filter_id))


def combined(saved: ContactFilter, given: ContactFilter) -> ContactFilter:
    """A saved filter with criteria given alongside: a criterion given replaces the saved one of its name."""
    data = saved.model_dump(exclude_defaults=True)
    data.update(given.model_dump(exclude_defaults=True))
    return ContactFilter.model_validate(data)


async def contact_ids(s: AsyncSession, criteria: ContactFilter, saved_filter_id: int | None,
                      limit: int = MAX_IDS) -> ContactIds:
    if saved_filter_id is not None:
        saved = ContactFilter.model_validate((await must(s, saved_filter_id)).filters)
        criteria = combined(saved, criteria)
    ids, total = await matching(s, criteria, limit=limit)
    return ContactIds(ids=ids, total=total)


