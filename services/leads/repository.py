"""Every SQL statement of the leads service."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.db import contains_pattern, hot_rows, in_list, json_array_agg, per_dialect

from .models import Activity, Company, CompanyTag, Contact, ContactTag, Note, SavedFilter, SiteCrawl, SiteResult

SORTABLE = {"name", "created_at", "updated_at", "city", "status"}


def _order(model: Any, sort: str) -> Any:
    desc = sort.startswith("-")
    column = getattr(model, sort.lstrip("-"))
    return (column.desc() if desc else column.asc(), model.id.desc() if desc else model.id.asc())


# --- list pages ------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class ListQuery:
    """What a list page selects from which table, and the filters it may apply."""

    model: Any
    columns: tuple[Any, ...]
    filters: dict[str, sa.ColumnElement[bool]]


async def _page(s: AsyncSession, query: ListQuery, shape: tuple[str, ...], sort: str, params: dict[str, Any],
                limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """A list page and its total in one round trip; Core rows through the session's connection, since the
    ORM's per-row bookkeeping buys a read-only list nothing."""
    stmt = _page_statement(query, shape, sort)
    result = await (await s.connection()).execute(stmt, {**params, "limit_": limit, "offset_": offset})
    rows: list[dict[str, Any]] = []
    count = 0
    for row in result.mappings():
        item = dict(row)
        count = item.pop("total_")
        item["tags"] = sorted(item["tags"] or ())
        rows.append(item)
    if rows or offset == 0:
        return rows, int(count)
    # Past the end: the page is empty, so the count needs a statement of its own.
    count_stmt = sa.select(sa.func.count()).select_from(query.model).where(*(query.filters[f] for f in shape))
    return rows, int((await s.execute(count_stmt, params)).scalar_one())


@functools.lru_cache(maxsize=512)
def _page_statement(query: ListQuery, shape: tuple[str, ...], sort: str) -> sa.Select[Any]:
    where = [query.filters[name] for name in shape]
    # The total rides along as an uncorrelated subquery, which both databases evaluate once per statement.
    total = sa.select(sa.func.count()).select_from(query.model).where(*where).scalar_subquery().label("total_")
    return (sa.select(*query.columns, total).where(*where).order_by(*_order(query.model, sort))
            .limit(sa.bindparam("limit_", type_=sa.Integer)).offset(sa.bindparam("offset_", type_=sa.Integer)))


# --- companies -------------------------------------------------------------------------------
async def get_company(s: AsyncSession, company_id: int) -> Company | None:
    return await s.get(Company, company_id)


async def get_company_by_domain(s: AsyncSession, domain: str) -> Company | None:
    return (await s.execute(sa.select(Company).where(Company.domain == domain))).scalar_one_or_none()


async def add(s: AsyncSession, row: Any) -> Any:
    s.add(row)
    await s.flush()
    return row


async def delete(s: AsyncSession, row: Any) -> None:
    await s.delete(row)
    await s.flush()


# A list row in one statement: the columns a reader sees, the tags and the number of contacts.
COMPANY_ROW = (
    *(column for column in Company.__table__.c if column.key != "search_text"),
    sa.select(json_array_agg(CompanyTag.tag)).where(CompanyTag.company_id == Company.id)
    .scalar_subquery().label("tags"),
    sa.select(sa.func.count()).select_from(Contact).where(Contact.company_id == Company.id)
    .scalar_subquery().label("contact_count"),
)
_HAS_EMAIL = sa.and_(Company.emails.is_not(None), sa.cast(Company.emails, sa.String) != "[]")
# Filters over named parameters: a page's statement then depends only on which filters are set, so it is
# built, keyed and compiled once per shape (on SQLite, building one cost more than running it).
COMPANY_FILTERS: dict[str, sa.ColumnElement[bool]] = {
    "q": Company.search_text.like(sa.bindparam("q"), escape="\\"),
    "status": Company.status == sa.bindparam("status"),
    "tag": Company.id.in_(sa.select(CompanyTag.company_id).where(CompanyTag.tag == sa.bindparam("tag"))),
    "country": Company.country == sa.bindparam("country"),
    "city": sa.func.lower(Company.city) == sa.bindparam("city"),
    "industry": sa.func.lower(Company.industry) == sa.bindparam("industry"),
    "has_email": _HAS_EMAIL,
    "no_email": sa.not_(_HAS_EMAIL),
    # Other services look up many by id at once (the e-mail service's campaign preparation).
    "ids": Company.id.in_(sa.bindparam("ids", expanding=True)),
}

COMPANY_LIST = ListQuery(Company, COMPANY_ROW, COMPANY_FILTERS)


async def list_companies(s: AsyncSession, *, q: str | None, status: str | None, tag: str | None,
                         country: str | None, city: str | None, industry: str | None, has_email: bool | None,
                         sort: str, limit: int, offset: int,
                         ids: list[int] | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of companies as plain rows (no ORM objects: a list never writes), and the filter's total."""
    params: dict[str, Any] = {"q": contains_pattern(q.lower()) if q else None, "status": status, "tag": tag,
                              "country": country.upper() if country else None,
                              "city": city.lower() if city else None,
                              "industry": industry.lower() if industry else None, "ids": ids or None}
    params = {name: value for name, value in params.items() if value}
    flags = () if has_email is None else ("has_email",) if has_email else ("no_email",)
    return await _page(s, COMPANY_LIST, (*params, *flags), sort, params, limit, offset)


async def companies_by_ids(s: AsyncSession, ids: Sequence[int]) -> dict[int, Company]:
    if not ids:
        return {}
    rows = (await s.execute(sa.select(Company).where(Company.id.in_(ids)))).scalars().all()
    return {row.id: row for row in rows}


# A sender asks before every batch of hundreds of messages: built once.
_CONTACT_REACH = per_dialect(lambda sqlite: sa.select(Contact.id, Contact.email, Contact.country,
                                                      Company.country.label("company_country"), Contact.legal_basis)
                             .outerjoin(Company, Company.id == Contact.company_id)
                             .where(in_list(Contact.id, "ids", sqlite)))


async def contact_reach(s: AsyncSession, ids: Sequence[int]) -> list[Any]:
    """(id, email, country, company_country, legal_basis) of the contacts with these ids that exist."""
    return await hot_rows(s, _CONTACT_REACH, ids=ids)


async def _tags(s: AsyncSession, model: Any, owner: Any, ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        rows = await s.execute(sa.select(owner, model.tag).where(owner.in_(ids)).order_by(model.tag))
        for owner_id, tag in rows:
            out[owner_id].append(tag)
    return out


async def _set_tags(s: AsyncSession, model: Any, owner: Any, owner_id: int, tags: Sequence[str]) -> None:
    await s.execute(sa.delete(model).where(owner == owner_id))
    for tag in dict.fromkeys(tags):
        s.add(model(**{owner.key: owner_id, "tag": tag}))
    await s.flush()


async def company_tags(s: AsyncSession, ids: Sequence[int]) -> dict[int, list[str]]:
    return await _tags(s, CompanyTag, CompanyTag.company_id, ids)


async def set_company_tags(s: AsyncSession, company_id: int, tags: Sequence[str]) -> None:
    await _set_tags(s, CompanyTag, CompanyTag.company_id, company_id, tags)


async def contact_counts(s: AsyncSession, ids: Sequence[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = await s.execute(sa.select(Contact.company_id, sa.func.count()).where(Contact.company_id.in_(ids))
                           .group_by(Contact.company_id))
    return {int(cid): int(n) for cid, n in rows if cid is not None}


async def duplicate_companies(s: AsyncSession, company: Company) -> Sequence[Company]:
    """Same VAT id, same register number, or the same name in the same city."""
    conditions = []
    if company.vat_id:
        conditions.append(Company.vat_id == company.vat_id)
    if company.register_number:
        conditions.append(Company.register_number == company.register_number)
    if company.city:
        conditions.append(sa.and_(sa.func.lower(Company.name) == company.name.lower(),
                                  sa.func.lower(Company.city) == company.city.lower()))
    if not conditions:
        return []
    stmt = sa.select(Company).where(Company.id != company.id, sa.or_(*conditions)).limit(20)
    return (await s.execute(stmt)).scalars().all()


async def move_company_children(s: AsyncSession, from_id: int, to_id: int) -> None:
    for model in (Contact, Note, Activity, SiteResult):
        await s.execute(sa.update(model).where(model.company_id == from_id).values(company_id=to_id)
                        .execution_options(synchronize_session=False))
    await s.execute(sa.delete(CompanyTag).where(CompanyTag.company_id == from_id))


# --- contacts -----------------------------------------------------------------------------------
async def get_contact(s: AsyncSession, contact_id: int) -> Contact | None:
    return await s.get(Contact, contact_id)


async def get_contact_by_email(s: AsyncSession, email: str) -> Contact | None:
    return (await s.execute(sa.select(Contact).where(Contact.email == email))).scalar_one_or_none()


async def find_contact_by_name(s: AsyncSession, company_id: int, name: str) -> Contact | None:
    stmt = sa.select(Contact).where(Contact.company_id == company_id, sa.func.lower(Contact.name) == name.lower())
    return (await s.execute(stmt.limit(1))).scalar_one_or_none()


# A contact list row in one statement: its columns, its company's name and its tags.
CONTACT_ROW = (
    *(column for column in Contact.__table__.c if column.key != "search_text"),
    sa.select(Company.name).where(Company.id == Contact.company_id).scalar_subquery().label("company_name"),
    sa.select(json_array_agg(ContactTag.tag)).where(ContactTag.contact_id == Contact.id)
    .scalar_subquery().label("tags"),
)


CONTACT_FILTERS: dict[str, sa.ColumnElement[bool]] = {
    "q": Contact.search_text.like(sa.bindparam("q"), escape="\\"),
    "company_id": Contact.company_id == sa.bindparam("company_id"),
    "status": Contact.status == sa.bindparam("status"),
    "legal_basis": Contact.legal_basis == sa.bindparam("legal_basis"),
    "tag": Contact.id.in_(sa.select(ContactTag.contact_id).where(ContactTag.tag == sa.bindparam("tag"))),
    "ids": Contact.id.in_(sa.bindparam("ids", expanding=True)),
    # A saved filter's lists (any value of a list matches).
    "tags": Contact.id.in_(sa.select(ContactTag.contact_id)
                           .where(ContactTag.tag.in_(sa.bindparam("tags", expanding=True)))),
    "statuses": Contact.status.in_(sa.bindparam("statuses", expanding=True)),
    "company_ids": Contact.company_id.in_(sa.bindparam("company_ids", expanding=True)),
}

CONTACT_LIST = ListQuery(Contact, CONTACT_ROW, CONTACT_FILTERS)


async def list_contacts(s: AsyncSession, *, q: str | None, company_id: int | None, status: str | None,
                        tag: str | None, legal_basis: str | None, sort: str, limit: int,
                        offset: int, ids: list[int] | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of contacts as plain rows, and the filter's total."""
    params = {"q": contains_pattern(q.lower()) if q else None, "company_id": company_id, "status": status,
              "legal_basis": legal_basis, "tag": tag, "ids": ids or None}
    params = {name: value for name, value in params.items() if value is not None and value != ""}
    sort = sort if sort.lstrip("-") in SORTABLE - {"city"} else "-created_at"
    return await _page(s, CONTACT_LIST, tuple(params), sort, params, limit, offset)


async def contact_ids_matching(s: AsyncSession, *, q: str | None, tags: Sequence[str], statuses: Sequence[str],
                               company_ids: Sequence[int], legal_basis: str | None,
                               limit: int) -> tuple[list[int], int]:
    """The ids of the contacts a filter picks, oldest first (at most ``limit``), and how many it picks (the same
    conditions as the contacts list, :data:`CONTACT_FILTERS`)."""
    params: dict[str, Any] = {"q": contains_pattern(q.lower()) if q else None, "tags": list(tags),
                              "statuses": list(statuses), "company_ids": list(company_ids), "legal_basis": legal_basis}
    params = {name: value for name, value in params.items() if value}
    where = [CONTACT_FILTERS[name] for name in params]
    ids = list((await s.execute(sa.select(Contact.id).where(*where).order_by(Contact.id).limit(limit),
                                params)).scalars())
    if len(ids) < limit:
        return ids, len(ids)
    total = (await s.execute(sa.select(sa.func.count()).select_from(Contact).where(*where), params)).scalar_one()
    return ids, int(total)


async def list_saved_filters(s: AsyncSession) -> Sequence[SavedFilter]:
    return (await s.execute(sa.select(SavedFilter).order_by(SavedFilter.name))).scalars().all()


async def get_saved_filter(s: AsyncSession, filter_id: int) -> SavedFilter | None:
    return await s.get(SavedFilter, filter_id)


async def saved_filter_by_name(s: AsyncSession, name: str) -> SavedFilter | None:
    return (await s.execute(sa.select(SavedFilter).where(SavedFilter.name == name))).scalar_one_or_none()


async def contact_ids_of_company(s: AsyncSession, company_id: int) -> list[int]:
    return list((await s.execute(sa.select(Contact.id).where(Contact.company_id == company_id))).scalars())


async def contact_tags(s: AsyncSession, ids: Sequence[int]) -> dict[int, list[str]]:
    return await _tags(s, ContactTag, ContactTag.contact_id, ids)


async def set_contact_tags(s: AsyncSession, contact_id: int, tags: Sequence[str]) -> None:
    await _set_tags(s, ContactTag, ContactTag.contact_id, contact_id, tags)


async def move_contact_children(s: AsyncSession, from_id: int, to_id: int) -> None:
    for model in (Note, Activity):
        await s.execute(sa.update(model).where(model.contact_id == from_id).values(contact_id=to_id)
                        .execution_options(synchronize_session=False))
    await s.execute(sa.delete(ContactTag).where(ContactTag.contact_id == from_id))


# --- notes and timeline ----------------------------------------------------------------------------
async def list_notes(s: AsyncSession, *, company_id: int | None = None,
                     contact_id: int | None = None) -> Sequence[Note]:
    stmt = sa.select(Note)
    stmt = stmt.where(Note.company_id == company_id) if company_id is not None else stmt.where(
        Note.contact_id == contact_id)
    return (await s.execute(stmt.order_by(Note.id.desc()).limit(500))).scalars().all()


async def get_activity_by_external(s: AsyncSession, source: str, external_id: str) -> Activity | None:
    stmt = sa.select(Activity).where(Activity.source == source, Activity.external_id == external_id)
    return (await s.execute(stmt)).scalar_one_or_none()


async def timeline(s: AsyncSession, *, company_id: int | None, contact_ids: Sequence[int], limit: int,
                   offset: int) -> tuple[Sequence[Activity], int]:
    """A company's own entries plus its contacts' (the roll-up), or one contact's, newest first."""
    conditions = []
    if company_id is not None:
        conditions.append(Activity.company_id == company_id)
    if contact_ids:
        conditions.append(Activity.contact_id.in_(contact_ids))
    if not conditions:
        return [], 0
    stmt = sa.select(Activity).where(sa.or_(*conditions))
    total = (await s.execute(sa.select(sa.func.count()).select_from(stmt.subquery()))).scalar_one()
    rows = await s.execute(stmt.order_by(Activity.occurred_at.desc(), Activity.id.desc()).limit(limit).offset(offset))
    return rows.scalars().all(), int(total)


# --- finder results ------------------------------------------------------------------------------------
async def list_results(s: AsyncSession, job_id: int, ids: Sequence[int] | None = None) -> Sequence[SiteResult]:
    stmt = sa.select(SiteResult).where(SiteResult.job_id == job_id)
    if ids is not None:
        stmt = stmt.where(SiteResult.id.in_(ids))
    return (await s.execute(stmt.order_by(SiteResult.position, SiteResult.id))).scalars().all()


async def count_results(s: AsyncSession, job_id: int) -> tuple[int, int]:
    """(all, finished) results of a job."""
    rows = await s.execute(sa.select(SiteResult.status, sa.func.count()).where(SiteResult.job_id == job_id)
                           .group_by(SiteResult.status))
    counts = dict(rows.tuples().all())
    return sum(counts.values()), counts.get("done", 0) + counts.get("failed", 0)



async def result_tallies(s: AsyncSession, job_id: int) -> tuple[int, int]:
    """(failed, imported) results of a job so far, whichever run of it did the work."""
    failed = sa.func.count().filter(SiteResult.status == "failed")
    imported = sa.func.count().filter(SiteResult.company_id.is_not(None))
    row = (await s.execute(sa.select(failed, imported).where(SiteResult.job_id == job_id))).one()
    return int(row[0]), int(row[1])


async def set_result_status(s: AsyncSession, ids: Sequence[int], status: str) -> None:
    if ids:
        await s.execute(sa.update(SiteResult).where(SiteResult.id.in_(ids)).values(status=status)
                        .execution_options(synchronize_session=False))


async def reset_running_results(s: AsyncSession, job_id: int) -> None:
    await s.execute(sa.update(SiteResult).where(SiteResult.job_id == job_id, SiteResult.status == "running")
                    .values(status="pending").execution_options(synchronize_session=False))


async def get_site_crawl(s: AsyncSession, site: str) -> SiteCrawl | None:
    return (await s.execute(sa.select(SiteCrawl).where(SiteCrawl.site == site))).scalar()


async def save_site_crawl(s: AsyncSession, *, site: str, url: str, crawled_at: datetime, record: dict[str, Any],
                          pages: list[dict[str, Any]]) -> SiteCrawl:
    """The site's latest crawl replaces the one before (one row per site)."""
    row = await get_site_crawl(s, site)
    if row is None:
        row = SiteCrawl(site=site)
        s.add(row)
    row.url, row.crawled_at, row.record, row.pages = url, crawled_at, record, pages
    await s.flush()
    return row
