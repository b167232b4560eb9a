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
        # Progress counts messages: three contacts, two steps each, as far as is known before the preparation.
        drafted = {"total": 6, "pending": 6, "sent": 0, "contacts": 3, "excluded": 0}
        assert campaign["progress"].items() >= drafted.items()

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
        # The contact without an address is left out; step 2 of the other two is still to come.
        assert {k: progress[k] for k in ("total", "pending", "sent", "contacts", "excluded")} == {
            "total": 4, "pending": 2, "sent": 2, "contacts": 3, "excluded": 1}
        # Each contact's campaigns, with where its sequence stands (the contact page lists them).
        mine = (await stack.email.get("/email/campaigns", params={"contact_id": nobody["id"]},
                                      headers=stack.sales)).json()
        assert [c["id"] for c in mine["items"]] == [campaign["id"]] and mine["total"] == 1
        assert mine["items"][0]["enrolment"] | {"stopped_at": None} == {
            "status": "stopped", "next_step": 1, "stop_reason": "no_email", "excluded_reason": "no_email",
            "stopped_at": None, "last_sent_at": None}
        lenas = (await stack.email.get("/email/campaigns", params={"contact_id": lena["id"]},
                                       headers=stack.sales)).json()["items"][0]["enrolment"]
        assert lenas["status"] == "active" and lenas["next_step"] == 2 and lenas["excluded_reason"] is None
        assert lenas["last_sent_at"] is not None
        unrelated = await stack.contact("Someone Else", "else@client.example", company["id"])
        assert (await stack.email.get("/email/campaigns", params={"contact_id": unrelated["id"]},
                                      headers=stack.sales)).json() == {"items": [], "total": 0}
        everything = (await stack.email.get("/email/campaigns", headers=stack.sales)).json()["items"]
        assert all(c["enrolment"] is None for c in everything)

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
        assert final["progress"]["total"] == 4 and final["progress"]["pending"] == 0
