"""The typed client other services use to call the calendar service (the e-mail service makes personal
booking links and offers free slots with it; scopes ``calendar:links`` and ``calendar:slots``)."""

from __future__ import annotations

from services.kit.http import ServiceClient

from .schemas import LinkCreate, LinkRead, NextSlotsRead


class CalendarClient(ServiceClient):
    """Calls the calendar service with this service's own service token."""

    async def personal_link(self, link: LinkCreate) -> LinkRead:
        """The contact's personal booking link for a page (the same page and contact give a valid link)."""
        body = link.model_dump(mode="json", exclude_none=True)
        return LinkRead.model_validate(await self.call("POST", "/calendar/links", json=body))

    async def next_slots(self, page_id: int, contact_id: int, *, count: int = 3, campaign_id: int | None = None,
                         timezone: str | None = None) -> NextSlotsRead:
        """The page host's next ``count`` free slots, each with a one-click booking link for the contact."""
        params: dict[str, object] = {"contact_id": contact_id, "count": count}
        if campaign_id is not None:
            params["campaign_id"] = campaign_id
        if timezone is not None:
            params["tz"] = timezone
        return NextSlotsRead.model_validate(await self.call("GET", f"/calendar/pages/{page_id}/next-slots",
                                                            params=params))
