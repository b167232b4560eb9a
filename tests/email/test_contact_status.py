"""What the contact's status in leads becomes when its mail bounces or it unsubscribes, end to end: a real SMTP
server refusing the address (550 5.1.1), the one-click unsubscribe URL from the delivered mail's header."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from services.email.lead_status import moved_status
from services.leads.schemas import LeadStatus as S
from tests.email.support import EmailStack, email_stack
from tests.fakes.smtp_server import Fault


@pytest.mark.parametrize(("current", "target", "expected"), [
    (S.new, S.contacted, S.contacted), (S.replied, S.contacted, None), (S.bounced, S.contacted, None),
    (S.contacted, S.bounced, S.bounced), (S.replied, S.bounced, S.bounced), (S.unsubscribed, S.bounced, None),
    (S.contacted, S.unsubscribed, S.unsubscribed), (S.bounced, S.unsubscribed, S.unsubscribed),
    (S.unsubscribed, S.replied, None), (S.bounced, S.replied, S.replied),
    *[(kept, target, None) for kept in (S.meeting, S.won, S.lost)
      for target in (S.contacted, S.replied, S.bounced, S.unsubscribed)],
])
def test_a_mail_event_never_moves_a_contact_backwards(current: S, target: S, expected: S | None) -> None:
    assert moved_status(current, target) == expected


async def _status(stack: EmailStack, contact_id: int) -> str:
    resp = await stack.leads.get(f"/leads/contacts/{contact_id}", headers=stack.admin)
    assert resp.status_code == 200, resp.text
    status: str = resp.json()["status"]
    return status


async def _unsubscribe_url(stack: EmailStack, to: str) -> str:
    [delivery] = [d for d in stack.sink.deliveries if d.rcpt_tos == (to,)]
    found = re.search(rb"List-Unsubscribe: <https://crm\.example/api(/email/unsubscribe/[^>]+)>", delivery.data)
    assert found is not None, delivery.data[:2000]
    return found.group(1).decode()


async def test_hard_bounce_and_one_click_unsubscribe_move_the_contact(database_url: str, tmp_path: Path) -> None:
    faults = [Fault("^bounce@", "rcpt", "550 5.1.1 <bounce@client.example>: User unknown"),
              Fault("^soft@", "rcpt", "452 4.2.2 Mailbox full, try later")]
    async with email_stack(database_url, tmp_path, sink_options={"faults": faults}) as stack:
        company = await stack.company()
        ids: dict[str, int] = {}
        for local, extra in (("bounce", {}), ("soft", {}), ("lena", {}), ("mia", {"status": "meeting"})):
            contact: dict[str, Any] = await stack.contact(local.title(), f"{local}@client.example", company["id"],
                                                          **extra)
            ids[local] = contact["id"]
        campaign = await stack.campaign(list(ids.values()))
        await stack.start(campaign["id"])
        await stack.run_jobs()
        await stack.send_all()
        await stack.run_jobs()
        assert {k: await _status(stack, v) for k, v in ids.items()} == {
            "bounce": "bounced", "soft": "new", "lena": "contacted", "mia": "meeting"}
        timeline = (await stack.leads.get(f"/leads/contacts/{ids['bounce']}/timeline", headers=stack.admin)).json()
        changes = [e["detail"] for e in timeline["items"] if e["type"] == "status.changed"]
        assert changes == [{"from": "new", "to": "bounced"}]

        # One click from each delivered mail's header, without a session: lena unsubscribes; mia, who has
        # a meeting booked, is suppressed too but keeps her status.
        for local in ("lena", "mia"):
            url = await _unsubscribe_url(stack, f"{local}@client.example")
            resp = await stack.email.post(url, content="List-Unsubscribe=One-Click",
                                          headers={"content-type": "application/x-www-form-urlencoded"})
            assert resp.status_code == 200, resp.text
        await stack.run_jobs()
        assert await _status(stack, ids["lena"]) == "unsubscribed"
        assert await _status(stack, ids["mia"]) == "meeting"
        assert await _status(stack, ids["bounce"]) == "bounced"
        # Filtering the contacts list by the new statuses works.
        listed = (await stack.leads.get("/leads/contacts", params={"status": "unsubscribed"},
                                        headers=stack.admin)).json()
        assert [c["id"] for c in listed["items"]] == [ids["lena"]]
