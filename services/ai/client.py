"""The typed client other services use to call the ai service (the e-mail service personalises
campaign steps with it; its service token needs scope ``ai:write``)."""

from __future__ import annotations

from services.kit.http import ServiceClient

from .schemas import EmailResult, ImproveRequest, PersonaliseRequest


class AIClient(ServiceClient):
    """Calls the ai service with this service's own service token."""

    async def personalise(self, request: PersonaliseRequest, *, token: str | None = None) -> EmailResult:
        """The step's subject and body for one contact; repeating the same request is free (cached)."""
        body = request.model_dump(mode="json", exclude_none=True)
        return EmailResult.model_validate(await self.call("POST", "/ai/personalise", json=body, token=token))

    async def improve(self, request: ImproveRequest, *, token: str | None = None) -> EmailResult:
        """A draft improved, shortened or made more personal (the e-mail service's AI lines use the last)."""
        body = request.model_dump(mode="json", exclude_none=True)
        return EmailResult.model_validate(await self.call("POST", "/ai/write/improve", json=body, token=token))
