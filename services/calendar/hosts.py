"""Who a host is: their name and address, asked of the users service with the host's own token.

The calendar keeps a copy in ``calendar_hosts`` (refreshed on every change the host makes), because
confirmations go out from background jobs long after the host's token has expired.
"""

from __future__ import annotations

from services.kit.http import ServiceClient
from services.users.schemas import Me


class UsersDirectory(ServiceClient):
    """``GET /auth/me`` of the users service, called with the signed-in user's token."""

    async def me(self, token: str) -> Me:
        return Me.model_validate(await self.call("GET", "/auth/me", token=token))
