"""The pinned interfaces end to end: mailbox, template, campaign, start, the ledger, the sink, the timeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.email.support import email_stack


async def test_campaign_sends_once_per_contact_and_step(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        company = await stack.company("Bergmann Maschinenbau", country="GB")
        lena = await stack.contact("Dr. Lena Bergmann", "lena@client.example", company["id"], form_of_address="frau")
        max_ = await stack.contact("Max Muster", "max+crm@client.example", company["id"])
        nobody = await stack.contact("No Mail", None, company["id"])
        mailbox = await stack.mailbox()
        assert "smtp_password" not in mailbox and mailbox["has_smtp_password"] is False
        first = await stack.template(subject="Hi {{ contact.first_name }}",
                                     body_html="<p>{{ salutation }}</p><p>{{ company.name }}</p>")
        second = await stack.template(subject="Following up", body_html="<p>Still there, {{ contact.first_name }}?</p>")
        campaign = await stack.campaign([lena["id"], max_["id"], nobody["id"]], mailbox_ids=[mailbox["id"]], steps=[
            {"template_id": first["id"], "delay_days": 0}, {"template_id": second["id"], "delay_days": 2}])
        assert campaign["status"] == "draft"
        assert campaign["progress"]["total"] == 3

        elig = (await stack.email.get(f"/email/campaigns/{campaign['id']}/eligibility", headers=stack.sales)).json()
        assert elig["eligible"] == 2
        assert [(e["contact_id"], e["reason"]) for e in elig["excluded"]] == [(nobody["id"], "no_email")]

        # Sales may build, only admins start.
        refused = await stack.email.post(f"/email/campaigns/{campaign['id']}/start", headers=stack.sales)
        assert refused.status_code == 403
        await stack.start(campaign["id"])
        again = await stack.email.post(f"/email/campaigns/{campaign['id']}/start", headers=stack.admin)
        assert again.status_code == 409

        await stack.run_jobs()  # the preparation renders step 1
        messages = await stack.messages()
        assert sorted(m.to_email for m in messages) == ["lena@client.example", "max+crm@client.example"]
        assert all(m.message_id and m.status == "queued" for m in messages)

        assert await stack.send_all() == 2
        assert stack.sink.count == 2
        assert not stack.sink.duplicates()
        raw = stack.sink.deliveries[0].data
        assert b"List-Unsubscribe: <https://crm.example/api/email/unsubscribe/" in raw
        assert b"List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw
        progress = await stack.progress(campaign["id"])
        assert progress["sent"] == 2 and progress["pending"] == 0

        listed = (await stack.email.get("/email/messages", params={"contact_id": lena["id"]},
                                        headers=stack.sales)).json()
        assert listed["total"] == 1
        item = listed["items"][0]
        assert set(item) >= {"id", "campaign_id", "contact_id", "step", "to", "subject", "status", "message_id",
                             "sent_at"}
        assert item["status"] == "sent" and item["step"] == 1 and item["subject"] == "Hi Lena"
        assert stack.sink.message_ids[item["message_id"]] == 1
        detail = (await stack.email.get(f"/email/messages/{item['id']}", headers=stack.sales)).json()
        assert [e["kind"] for e in detail["events"]] == ["sent"]
        assert "Sehr geehrte" not in detail["body_text"]  # an English company gets an English greeting
        assert "Dear" in detail["body_text"]

        # The timeline in leads and the contact's status.
        await stack.run_jobs()
        timeline = (await stack.leads.get(f"/leads/contacts/{lena['id']}/timeline", headers=stack.admin)).json()
        assert any(a["type"] == "email.sent" for a in timeline["items"])
        contact = (await stack.leads.get(f"/leads/contacts/{lena['id']}", headers=stack.admin)).json()
        assert contact["status"] == "contacted"

        # Step 2 two days later: rendered when due, sent, threaded under step 1.
        assert await stack.send_all() == 0
        stack.now += dt.timedelta(days=2, minutes=1)
        assert await stack.send_all() == 2
        assert stack.sink.count == 4 and not stack.sink.duplicates()
        assert b"In-Reply-To: " + item["message_id"].encode() in stack.sink.deliveries[2].data + \
            stack.sink.deliveries[3].data
        await stack.send_all()
        final = (await stack.email.get(f"/email/campaigns/{campaign['id']}", headers=stack.admin)).json()
        assert final["status"] == "finished"
        assert final["progress"]["sent"] == 4
