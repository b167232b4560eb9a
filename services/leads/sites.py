"""What the crawl saw, kept per site: stored after every crawl, read back by people and other services.

Another service that needs a company's website (the ai service's enrichment) reads the stored crawl
or asks for a fresh one here; only this service crawls.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.db import utcnow
from services.kit.errors import Invalid

from . import repository as repo
from .deps import LeadsRuntime
from .models import SiteCrawl
from .pipeline import extract_site
from .providers import registrable_domain
from .providers.urls import parse_origin
from .schemas import SiteCrawlRead, SiteRecord
from .service import get_company


def site_key(url: str) -> str | None:
    """The site a URL belongs to: its registrable domain, or its host (an IP address, a single label)."""
    domain = registrable_domain(url)
    if domain:
        return domain
    origin = parse_origin(url)
    return origin.host if origin else None


def _read(row: SiteCrawl) -> SiteCrawlRead:
    return SiteCrawlRead.model_validate({"url": row.url, "domain": row.site, "crawled_at": row.crawled_at,
                                         "record": row.record, "pages": row.pages})


async def store(s: AsyncSession, record: SiteRecord) -> SiteCrawlRead | None:
    """Keep a crawl that fetched something (a failed crawl must not replace a good one)."""
    key = site_key(record.url)
    if key is None or not record.pages:
        return None
    row = await repo.save_site_crawl(
        s, site=key, url=record.url, crawled_at=utcnow(), record=record.model_dump(mode="json"),
        pages=[p.model_dump(mode="json") for p in record.site_pages])
    return _read(row)


async def latest(s: AsyncSession, company_id: int) -> SiteCrawlRead | None:
    """The company's website as last crawled; None when it never was (404 only for an unknown company)."""
    company = await get_company(s, company_id)
    key = company.domain or (site_key(company.website) if company.website else None)
    row = await repo.get_site_crawl(s, key) if key else None
    return _read(row) if row is not None else None


async def crawl_now(runtime: LeadsRuntime, url: str) -> SiteCrawlRead:
    """Crawl ``url`` now and keep what was seen. No session is held while the crawl runs."""
    if site_key(url) is None:
        raise Invalid(f"{url[:200]} is not a website address.")
    async with runtime.deps.crawler(runtime.settings) as crawler:
        record = await extract_site(url, crawler=crawler)
    async with runtime.sessions() as s, s.begin():
        stored = await store(s, record)
    if stored is not None:
        return stored
    # Nothing could be fetched: answer what the crawl found out (its errors), keep nothing.
    return SiteCrawlRead(url=url, domain=site_key(url), crawled_at=utcnow(), record=record, pages=[])
