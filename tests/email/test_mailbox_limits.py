"""A mailbox's own limits: how many SMTP sessions it may hold at once, and its own sending window (applied with
the campaign's, in the contact's time zone)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.email.support import email_stack

UTC = dt.UTC


async def test_max_connections_is_stored_validated_and_bounds_the_sessions(database_url: str,
                                                                           tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        assert (await stack.mailbox())["max_connections"] == 4  # the default
        for wrong in (0, 21, "many"):
            resp = await stack.email.post("/email/mailboxes", headers=stack.admin, json={
                "name": "Box", "from_email": "a@seller.example", "smtp_host": "127.0.0.1", "smtp_port": 25,
                "smtp_security": "none", "max_connections": wrong})
            assert resp.status_code == 422, resp.text
        mailbox = await stack.mailbox(max_connections=8)
        assert mailbox["max_connections"] == 8
        patched = await stack.email.patch(f"/email/mailboxes/{mailbox['id']}", headers=stack.admin,
                                          json={"max_connections": 2})
        assert patched.status_code == 200 and patched.json()["max_connections"] == 2

        company = await stack.company("Many Contacts Ltd", country="GB")
        ids = [(await stack.contact(f"Person {i}", f"p{i}@many.example", company["id"]))["id"] for i in range(9)]
        campaign = await stack.campaign(ids, mailbox_ids=[mailbox["id"]])
        await stack.start(campaign["id"])
        await stack.run_jobs()
        assert await stack.send_all() == 9
        assert stack.sink.count == 9 and not stack.sink.duplicates()
        assert stack.sink.connections == 2  # two sessions, each reused for several messages


async def test_the_mailboxs_own_window_holds_messages_back(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        # stack.now is Tuesday 08:00 UTC = 09:00 in London (summer time); the mailbox sends 14:00-16:00 only.
        mailbox = await stack.mailbox(send_window={"weekdays": [0, 1, 2, 3, 4], "start": "14:00", "end": "16:00"})
        company = await stack.company("Window Ltd", country="GB")
        lena = await stack.contact("Lena Lead", "lena@window.example", company["id"])
        campaign = await stack.campaign([lena["id"]], mailbox_ids=[mailbox["id"]], send_window=None)
        await stack.start(campaign["id"])
        await stack.run_jobs()
        await stack.send_all()
        assert stack.sink.count == 0
        [message] = await stack.messages()
        assert message.status == "queued" and message.error == "outside the send window"
        opening = message.next_attempt_at
        assert opening is not None and opening.replace(tzinfo=UTC) == dt.datetime(2025, 6, 3, 13, 0, tzinfo=UTC)

        stack.now = dt.datetime(2025, 6, 3, 13, 0, 30, tzinfo=UTC)
        assert await stack.send_all() == 1
        assert stack.sink.count == 1
