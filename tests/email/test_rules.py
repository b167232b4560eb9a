"""Rules a campaign obeys: the legal basis gate for DE/AT/CH, DKIM signing over the one-click headers, the
mailto unsubscribe when the mailbox has IMAP, and a hard bounce stopping a later campaign too."""

from __future__ import annotations

from pathlib import Path

import dkim as dkimpy

from services.email.dkim import generate_dkim_key
from tests.email.support import email_stack


async def test_contacts_in_dach_need_a_legal_basis(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        german = await stack.company("Bergmann GmbH", country="DE")
        swiss = await stack.company("Käserei AG", country="CH")
        british = await stack.company("Tea Ltd", country="GB")
        klaus = await stack.contact("Klaus Bergmann", "klaus@bergmann.example", german["id"])
        heidi = await stack.contact("Heidi Senn", "heidi@kaeserei.example", swiss["id"], legal_basis="consent",
                                    legal_basis_source="trade fair form, 2025-03-02")
        tom = await stack.contact("Tom Brown", "tom@tea.example", british["id"])
        campaign = await stack.campaign([klaus["id"], heidi["id"], tom["id"]])
        elig = (await stack.email.get(f"/email/campaigns/{campaign['id']}/eligibility", headers=stack.admin)).json()
        assert [(e["contact_id"], e["reason"]) for e in elig["excluded"]] == [(klaus["id"], "legal_basis")]
        assert elig["eligible"] == 2
        await stack.start(campaign["id"])
        await stack.run_jobs()
        await stack.send_all()
        assert sorted(d.rcpt_tos[0] for d in stack.sink.deliveries) == ["heidi@kaeserei.example", "tom@tea.example"]
        stopped = {e.contact_id: e for e in await stack.enrolments()}[klaus["id"]]
        assert stopped.status == "stopped" and stopped.stop_reason == "legal_basis"


async def test_dkim_signs_the_one_click_headers_and_imap_adds_a_mailto(tmp_path: Path) -> None:
    key, record = generate_dkim_key("s1", "seller.example")
    pem = key.private_key.decode()
    async with email_stack(f"sqlite+aiosqlite:///{tmp_path / 'e.db'}", tmp_path, email_dkim_domain="seller.example",
                           email_dkim_selector="s1", email_dkim_private_key=pem) as stack:
        contact = await stack.contact()
        box = await stack.mailbox(imap_host="imap.seller.example", imap_port=993, imap_security="tls",
                                  imap_username="anna", imap_password="imap secret")
        campaign = await stack.campaign([contact["id"]], mailbox_ids=[box["id"]])
        await stack.start(campaign["id"])
        await stack.run_jobs()
        await stack.send_all()
        [delivery] = stack.sink.deliveries
        raw = delivery.data
        assert raw.startswith(b"DKIM-Signature:")
        head = raw.split(b"\r\n\r\n", 1)[0].replace(b"\r\n ", b" ").replace(b"\r\n\t", b" ")
        assert b"<mailto:anna@seller.example?subject=unsubscribe" in head
        signed = head.split(b" h=", 1)[1].split(b";", 1)[0].lower().replace(b" ", b"")
        assert b"list-unsubscribe" in signed and b"list-unsubscribe-post" in signed

        def dns(name: bytes, timeout: int = 5) -> bytes | None:
            return record.encode() if name == b"s1._domainkey.seller.example." else None

        assert dkimpy.verify(raw, dnsfunc=dns)


async def test_a_hard_bounce_keeps_later_campaigns_away(database_url: str, tmp_path: Path) -> None:
    from tests.fakes.smtp_server import Fault

    async with email_stack(database_url, tmp_path,
                           sink_options={"faults": [Fault("^gone@", "rcpt", "550 5.1.1 no such user")]}) as stack:
        contact = await stack.contact("Gone", "gone@client.example")
        first = await stack.campaign([contact["id"]])
        await stack.start(first["id"])
        await stack.run_jobs()
        await stack.send_all()
        assert (await stack.progress(first["id"]))["bounced"] == 1
        second = await stack.campaign([contact["id"]])
        elig = (await stack.email.get(f"/email/campaigns/{second['id']}/eligibility", headers=stack.admin)).json()
        assert [e["reason"] for e in elig["excluded"]] == ["suppressed"]
        assert "bounced" in elig["excluded"][0]["detail"]
