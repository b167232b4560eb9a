"""The typed client other services use to call the ai service (the e-mail service personalises
campaign steps and labels replies with it; its service token needs scope ``ai:write``)."""

from __future__ import annotations

from services.kit.http import ServiceClient

from .schemas import (
    ClassifyReplyRequest,
    EmailResult,
    ImproveRequest,
    PersonaliseRequest,
    ProviderRead,
    ReplyClassification,
)


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

    async def classify_reply(self, request: ClassifyReplyRequest, *, token: str | None = None) -> ReplyClassification:
        """What a reply means (the e-mail service's poller asks when the ai service has a model)."""
        body = request.model_dump(mode="json", exclude_none=True)
        return ReplyClassification.model_validate(await self.call("POST", "/ai/classify-reply", json=body,
                                                                  token=token))

    async def provider(self, *, token: str | None = None) -> ProviderRead:
        """Which provider answers, and whether it is a model at all (``is_ai``)."""
        return ProviderRead.model_validate(await self.call("GET", "/ai/provider", token=token))
