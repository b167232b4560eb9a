"""The typed client other services use to call the e-mail service (the calendar service sends its
confirmations and stops a contact's sequences with it; scopes ``email:send`` and ``email:sequences``)."""

from __future__ import annotations

from services.kit.http import ServiceClient

from .schemas import SequenceStop, SequenceStopped, TransactionalCreate, TransactionalRead


class EmailClient(ServiceClient):
    """Calls the e-mail service with this service's own service token."""

    async def send_transactional(self, message: TransactionalCreate) -> TransactionalRead:
        """Send one message now; the same ``key`` again answers with the first message and sends nothing."""
        body = message.model_dump(mode="json", exclude_none=True)
        return TransactionalRead.model_validate(await self.call("POST", "/email/transactional", json=body))

    async def stop_sequences(self, contact_id: int, stop: SequenceStop) -> SequenceStopped:
        """Stop the contact's running sequences (a booking, a reply elsewhere); idempotent."""
        body = stop.model_dump(mode="json", exclude_none=True)
        return SequenceStopped.model_validate(
            await self.call("POST", f"/email/contacts/{contact_id}/stop", json=body))
