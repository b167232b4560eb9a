"""The typed client other services use to call the users service (their token needs ``users:read``)."""

from __future__ import annotations

from services.kit.http import ServiceClient

from .schemas import SenderProfile


class UsersClient(ServiceClient):
    """Calls the users service with this service's own service token."""

    async def sender_profile(self, user_id: int, *, token: str | None = None) -> SenderProfile:
        """Who a draft is from (name, role, company, offer, calendar link, signature); NotFound for no user."""
        return SenderProfile.model_validate(await self.call("GET", f"/users/{user_id}/sender-profile", token=token))
