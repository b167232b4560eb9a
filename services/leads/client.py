"""The typed client other services use to call the leads service."""

from __future__ import annotations

from typing import Any

from services.kit.http import ServiceClient

from .schemas import (
    ActivityCreate,
    ActivityRead,
    CompanyRead,
    CompanyUpdate,
    ContactCreate,
    ContactFilter,
    ContactIds,
    ContactReach,
    ContactReachList,
    ContactRead,
    ContactUpdate,
    SavedFilterRead,
    SiteCrawlRead,
)


class LeadsClient(ServiceClient):
    """Calls the leads service with this service's own service token."""

    async def get_company(self, company_id: int, *, token: str | None = None) -> CompanyRead:
        return CompanyRead.model_validate(await self.call("GET", f"/leads/companies/{company_id}", token=token))

    async def update_company(self, company_id: int, data: CompanyUpdate, *, token: str | None = None) -> CompanyRead:
        body = data.model_dump(mode="json", exclude_unset=True)
        return CompanyRead.model_validate(await self.call("PATCH", f"/leads/companies/{company_id}", json=body,
                                                          token=token))

    async def get_contact(self, contact_id: int, *, token: str | None = None) -> ContactRead:
        return ContactRead.model_validate(await self.call("GET", f"/leads/contacts/{contact_id}", token=token))

    async def list_contacts(self, company_id: int, *, limit: int = 500, token: str | None = None) -> list[ContactRead]:
        page = await self.call("GET", "/leads/contacts", params={"company_id": company_id, "limit": limit}, token=token)
        return [ContactRead.model_validate(c) for c in page["items"]]

    async def contacts_by_ids(self, ids: list[int], *, token: str | None = None) -> dict[int, ContactRead]:
        """The contacts with these ids that exist, 500 a call."""
        out: dict[int, ContactRead] = {}
        wanted = list(dict.fromkeys(ids))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            page = await self.call("GET", "/leads/contacts", params={"ids": chunk, "limit": 500}, token=token)
            out.update({c.id: c for c in (ContactRead.model_validate(item) for item in page["items"])})
        return out

    async def contact_reach(self, ids: list[int]) -> dict[int, ContactReach]:
        """What a sender re-checks about these contacts (the ones that exist), 500 a call: one small query in
        leads instead of whole contact and company records."""
        out: dict[int, ContactReach] = {}
        wanted = list(dict.fromkeys(ids))
        for start in range(0, len(wanted), 500):
            found = await self.call_as(ContactReachList, "POST", "/leads/contacts/reach",
                                       json={"ids": wanted[start:start + 500]})
            out.update({c.id: c for c in found.items})
        return out


    async def contact_ids(self, criteria: ContactFilter, *, saved_filter_id: int | None = None,
                          token: str | None = None) -> ContactIds:
        """The ids of the contacts a saved filter and/or criteria pick now (a campaign's audience)."""
        params: dict[str, Any] = criteria.model_dump(mode="json", exclude_defaults=True)
        if saved_filter_id is not None:
            params["saved_filter_id"] = saved_filter_id
        return ContactIds.model_validate(await self.call("GET", "/leads/contacts/ids", params=params, token=token))

    async def saved_filter(self, filter_id: int, *, token: str | None = None) -> SavedFilterRead:
        return SavedFilterRead.model_validate(await self.call("GET", f"/leads/saved-filters/{filter_id}", token=token))

    async def companies_by_ids(self, ids: list[int], *, token: str | None = None) -> dict[int, CompanyRead]:
        """The companies with these ids that exist, 500 a call."""
        out: dict[int, CompanyRead] = {}
        wanted = list(dict.fromkeys(ids))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            page = await self.call("GET", "/leads/companies", params={"ids": chunk, "limit": 500}, token=token)
            out.update({c.id: c for c in (CompanyRead.model_validate(item) for item in page["items"])})
        return out

    async def create_contact(self, data: ContactCreate, *, token: str | None = None) -> ContactRead:
        body = data.model_dump(mode="json", exclude_unset=True)
        return ContactRead.model_validate(await self.call("POST", "/leads/contacts", json=body, token=token))

    async def update_contact(self, contact_id: int, data: ContactUpdate, *, token: str | None = None) -> ContactRead:
        body = data.model_dump(mode="json", exclude_unset=True)
        return ContactRead.model_validate(await self.call("PATCH", f"/leads/contacts/{contact_id}", json=body,
                                                          token=token))

    async def record_activity(self, activity: ActivityCreate) -> ActivityRead:
        """Append to a timeline; posting the same external_id again is harmless."""
        body: dict[str, Any] = activity.model_dump(mode="json", exclude_none=True)
        return ActivityRead.model_validate(await self.call("POST", "/leads/activities", json=body))

    async def company_site(self, company_id: int) -> SiteCrawlRead | None:
        """The company's website as last crawled; None when it never was."""
        body = await self.call("GET", f"/leads/companies/{company_id}/site")
        return SiteCrawlRead.model_validate(body) if body is not None else None

    async def extract(self, url: str, *, read_timeout: float = 90.0) -> SiteCrawlRead:
        """Have the leads service crawl ``url`` now (it keeps what it saw); scope leads:crawl."""
        return SiteCrawlRead.model_validate(await self.call("POST", "/leads/extract", json={"url": url},
                                                            read_timeout=read_timeout))
