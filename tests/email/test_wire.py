"""The wire form built at rendering (services/email/wire.py): stored beside the ledger row without its Date, sent
with the Date of the moment it goes, built anew when the mailbox's From changed meanwhile, dropped once sent."""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes
from email.utils import parsedate_to_datetime
from pathlib import Path

import sqlalchemy as sa

from services.email.models import Mailbox, Message, MessageWire
from tests.email.support import email_stack


async def test_a_campaign_message_is_built_once_dated_when_it_goes_and_rebuilt_after_a_from_change(
        database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        company = await stack.company()
        ids = [(await stack.contact(f"Lena {k}", f"lena{k}@client.example", company["id"]))["id"] for k in (1, 2)]
        box = await stack.mailbox()
        campaign = await stack.campaign(ids, mailbox_ids=[box["id"]])
        await stack.start(campaign["id"])
        await stack.run_jobs()
        async with stack.runtime.sessions() as s:
            rows = (await s.execute(sa.select(Message.id, MessageWire.wire, MessageWire.wire_key)
                                    .join(MessageWire, MessageWire.message_id == Message.message_id)
                                    .order_by(Message.id))).all()
        assert len(rows) == 2 and all(r.wire and r.wire_key for r in rows)
        stored = bytes(rows[0].wire)
        assert b"\r\nDate:" not in stored and not stored.startswith(b"Date:")
        assert b"From: Anna Seller <anna@seller.example>" in stored and b"List-Unsubscribe-Post:" in stored

        # The second contact's mailbox changes its sender name after rendering: its stored form is stale.
        async with stack.runtime.sessions() as s, s.begin():
            await s.execute(sa.update(Message).where(Message.id == rows[1].id).values(status="draft"))
        stack.now += dt.timedelta(minutes=3)
        assert await stack.send_all() == 1
        first = stack.sink.deliveries[-1].data
        parsed = message_from_bytes(first)
        assert parsedate_to_datetime(parsed["Date"]) == stack.now.replace(microsecond=0)
        assert first.endswith(stored)  # the stored bytes, behind the Date of the moment it went

        async with stack.runtime.sessions() as s, s.begin():
            await s.execute(sa.update(Mailbox).where(Mailbox.id == box["id"]).values(from_name="Anna Vertrieb"))
            await s.execute(sa.update(Message).where(Message.id == rows[1].id).values(status="queued"))
        assert await stack.send_all() == 1
        second = message_from_bytes(stack.sink.deliveries[-1].data)
        assert second["From"] == "Anna Vertrieb <anna@seller.example>" and second["Date"]
        assert len(second.get_all("Date") or []) == 1

        async with stack.runtime.sessions() as s:
            left = (await s.execute(sa.select(Message.status))).scalars().all()
            wires = (await s.execute(sa.select(sa.func.count()).select_from(MessageWire))).scalar_one()
        assert left == ["sent", "sent"] and wires == 0  # dropped once sent (housekeeping)
