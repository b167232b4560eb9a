"""The pinned routes and their bad input: mailboxes, templates (injection, the line of an error), CR/LF in
every header-bound field, transactional mail by key, stopping sequences, one-click unsubscribe, a campaign
started twice at once, the roles."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path

import pytest

from services.email.links import UnsubscribeTarget, unsubscribe_token
from tests.email.support import email_stack


async def test_mailboxes_keep_passwords_to_themselves(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        made = await stack.email.post("/email/mailboxes", headers=stack.admin, json={
            "name": "Anna", "from_email": "anna@seller.example", "smtp_host": "smtp.seller.example", "smtp_port": 587,
            "smtp_security": "starttls", "smtp_username": "anna", "smtp_password": "s3cret-smtp",
            "imap_host": "imap.seller.example", "imap_port": 993, "imap_security": "tls", "imap_username": "anna",
            "imap_password": "s3cret-imap", "daily_limit": 40, "min_gap_seconds": 90})
        assert made.status_code == 201, made.text
        box = made.json()
        assert box["id"] and box["has_smtp_password"] and box["has_imap_password"]
        assert "s3cret" not in made.text
        for resp in (await stack.email.get("/email/mailboxes", headers=stack.sales),
                     await stack.email.get(f"/email/mailboxes/{box['id']}", headers=stack.demo)):
            assert resp.status_code == 200 and "s3cret" not in resp.text
        # Sealed at rest, bound to the row.
        async with stack.runtime.sessions() as s:
            from services.email.models import Mailbox

            row = await s.get(Mailbox, box["id"])
            assert row is not None and row.smtp_password_sealed and "s3cret" not in row.smtp_password_sealed
        cleared = await stack.email.patch(f"/email/mailboxes/{box['id']}", headers=stack.admin,
                                          json={"imap_password": None, "daily_limit": 10})
        assert cleared.status_code == 200
        assert cleared.json()["has_imap_password"] is False and cleared.json()["has_smtp_password"] is True
        assert cleared.json()["daily_limit"] == 10
        assert (await stack.email.post("/email/mailboxes", headers=stack.demo, json={
            "name": "x", "from_email": "x@seller.example", "smtp_host": "h", "smtp_port": 25,
            "smtp_security": "none"})).status_code == 403
        assert (await stack.email.delete(f"/email/mailboxes/{box['id']}", headers=stack.admin)).status_code == 204
        assert (await stack.email.get(f"/email/mailboxes/{box['id']}", headers=stack.admin)).status_code == 404


@pytest.mark.parametrize("field,value", [
    ("name", "Anna\r\nBcc: victim@example.com"),
    ("from_name", "Anna\r\nBcc: victim@example.com"),
    ("from_email", "anna@seller.example\r\nBcc: victim@example.com"),
    ("reply_to", "anna@seller.example\nBcc: victim@example.com"),
    ("smtp_host", "smtp.example\r\nX: y"),
])
async def test_line_breaks_never_reach_a_mailbox_header(field: str, value: str, tmp_path: Path) -> None:
    async with email_stack(f"sqlite+aiosqlite:///{tmp_path / 'e.db'}", tmp_path) as stack:
        body = {"name": "Anna", "from_email": "anna@seller.example", "smtp_host": "smtp.seller.example",
                "smtp_port": 587, "smtp_security": "starttls", field: value}
        resp = await stack.email.post("/email/mailboxes", headers=stack.admin, json=body)
        if field == "name":
            assert resp.status_code in (201, 422)  # a mailbox's own name is no header
        else:
            assert resp.status_code == 422, resp.text


@pytest.mark.parametrize("source,line", [
    ({"subject": "Hi", "body_html": "<p>ok</p>\n<p>{{ contact.name </p>"}, 2),
    ({"subject": "Hi", "body_text": "line one\n{{ ''.__class__.__mro__ }}"}, 2),
    ({"subject": "Hi", "body_text": "{% import os %}"}, 1),
    ({"subject": "Hi", "body_html": "<p>\n\n{{ contact.__init__.__globals__ }}</p>"}, 3),
    ({"subject": "Hi", "body_text": "{{ contact|attr('__class__') }}"}, 1),
    ({"subject": "Hi", "body_text": "{{ '%s' % 'x' * 3 }}"}, None),
    ({"subject": "Hi {{ x", "body_text": "ok"}, 1),
])
async def test_template_injection_and_syntax_errors_name_the_line(source: dict[str, str], line: int | None,
                                                                  tmp_path: Path) -> None:
    async with email_stack(f"sqlite+aiosqlite:///{tmp_path / 'e.db'}", tmp_path) as stack:
        resp = await stack.email.post("/email/templates", headers=stack.sales, json={"name": "Bad", **source})
        if line is None:  # refused when saved or when rendered, never executed
            assert resp.status_code in (201, 422)
            return
        assert resp.status_code == 422, resp.text
        assert resp.headers["content-type"].startswith("application/problem+json")
        assert f"line {line}" in resp.json()["detail"]


async def test_templates_preview_and_variables(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        company = await stack.company("Bergmann GmbH", country="DE", language="de")
        contact = await stack.contact("Herr Dr. Klaus Bergmann", "klaus@bergmann.example", company["id"])
        made = await stack.email.post("/email/templates", headers=stack.sales, json={
            "name": "Intro", "subject": "Frage zu {{ company.name }}",
            "body_html": "<p>{{ salutation }}</p><p>{{ contact.role }}</p><p>{{ ai.hook | default('Hallo') }}</p>"})
        assert made.status_code == 201, made.text
        template = made.json()
        assert {"company.name", "salutation", "contact.role"} <= set(template["variables"])
        preview = await stack.email.post(f"/email/templates/{template['id']}/preview", headers=stack.sales,
                                         json={"contact_id": contact["id"]})
        assert preview.status_code == 200, preview.text
        shown = preview.json()
        assert shown["subject"] == "Frage zu Bergmann GmbH"
        assert "Sehr geehrter Herr Dr. Bergmann," in shown["html"]
        assert "Sehr geehrter Herr Dr. Bergmann," in shown["text"]  # the text part, made from the HTML
        assert shown["empty_variables"] == ["contact.role"]
        panel = (await stack.email.get("/email/template-variables", headers=stack.demo)).json()
        assert {"contact.first_name", "salutation", "unsubscribe_url"} <= {v["name"] for v in panel["items"]}
        missing = await stack.email.post(f"/email/templates/{template['id']}/preview", headers=stack.sales,
                                         json={"contact_id": 999999})
        assert missing.status_code == 404
        # The informal register only when the sender chooses it for the template (issue 13).
        assert template["register"] == "formal"
        informal = await stack.email.patch(f"/email/templates/{template['id']}", headers=stack.sales,
                                           json={"register": "informal"})
        assert informal.status_code == 200 and informal.json()["register"] == "informal"
        shown = (await stack.email.post(f"/email/templates/{template['id']}/preview", headers=stack.sales,
                                        json={"contact_id": contact["id"]})).json()
        assert "Hallo Klaus," in shown["html"] and "Sehr geehrter" not in shown["html"]
        cleared = await stack.email.patch(f"/email/templates/{template['id']}", headers=stack.sales,
                                          json={"register": None})
        assert cleared.status_code == 422


async def test_rendered_values_cannot_break_headers(database_url: str, tmp_path: Path) -> None:
    """A company name with a line break (scraped data) is folded into one subject line."""
    async with email_stack(database_url, tmp_path) as stack:
        company = await stack.company("Evil\r\nBcc: all@victims.example Ltd")
        contact = await stack.contact("Lena\nBcc: x@y.example", "lena@client.example", company["id"])
        template = await stack.template(subject="About {{ company.name }} / {{ contact.name }}")
        campaign = await stack.campaign([contact["id"]], steps=[{"template_id": template["id"]}])
        await stack.start(campaign["id"])
        await stack.run_jobs()
        await stack.send_all()
        [delivery] = stack.sink.deliveries
        head = delivery.data.split(b"\r\n\r\n", 1)[0]
        assert b"\r\nBcc:" not in head
        assert [line for line in head.split(b"\r\n") if line.lower().startswith(b"bcc")] == []


async def test_transactional_mail_is_sent_once_per_key(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        await stack.mailbox(is_default=True)
        contact = await stack.contact()
        ics = base64.b64encode(b"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n").decode()
        body = {"key": "booking:42:confirmation:lead", "to": "lena@client.example", "to_name": "Lena Lead",
                "subject": "Your meeting", "text": "See you then.", "contact_id": contact["id"],
                "attachments": [{"filename": "invite.ics", "content_type": "text/calendar; method=REQUEST",
                                 "content_base64": ics}],
                "timeline": {"type": "meeting.confirmation", "title": "Confirmation sent"}}
        first = await stack.email.post("/email/transactional", headers=stack.calendar_service, json=body)
        assert first.status_code == 201, first.text
        assert first.json()["created"] is True and first.json()["message_id"].startswith("<")
        again = await stack.email.post("/email/transactional", headers=stack.calendar_service, json=body)
        assert again.status_code == 200 and again.json()["created"] is False
        assert again.json()["id"] == first.json()["id"]
        # People cannot use the service route; a subject with a line break is refused.
        assert (await stack.email.post("/email/transactional", headers=stack.admin, json=body)).status_code == 403
        bad = await stack.email.post("/email/transactional", headers=stack.calendar_service,
                                     json={**body, "key": "booking:43:x", "subject": "Hi\r\nBcc: x@y.example"})
        assert bad.status_code == 422
        bad = await stack.email.post("/email/transactional", headers=stack.calendar_service,
                                     json={**body, "key": "booking:44:x", "to_name": "Lena\r\nBcc: x@y.example"})
        assert bad.status_code == 422
        await stack.send_all()
        [delivery] = stack.sink.deliveries
        assert b"text/calendar; charset=utf-8; method=REQUEST" in delivery.data
        assert b"List-Unsubscribe" not in delivery.data  # a confirmation is no marketing mail
        await stack.run_jobs()
        timeline = (await stack.leads.get(f"/leads/contacts/{contact['id']}/timeline", headers=stack.admin)).json()
        assert [a["type"] for a in timeline["items"]].count("meeting.confirmation") == 1
        listed = (await stack.email.get("/email/messages", params={"contact_id": contact["id"]},
                                        headers=stack.admin)).json()
        assert listed["total"] == 1 and listed["items"][0]["status"] == "sent"


async def test_transactional_mail_follows_hard_bounces_not_unsubscribes(database_url: str, tmp_path: Path) -> None:
    """A lead who unsubscribed from campaigns still gets the confirmation of the meeting they booked; an
    address that bounced hard gets nothing."""
    async with email_stack(database_url, tmp_path) as stack:
        await stack.mailbox(is_default=True)
        for address, reason in (("gone@client.example", "unsubscribed"), ("dead@client.example", "bounced")):
            added = await stack.email.post("/email/suppressions", headers=stack.admin,
                                           json={"value": address, "reason": reason})
            assert added.status_code in (200, 201), added.text
        for n, address in enumerate(("gone@client.example", "dead@client.example")):
            made = await stack.email.post("/email/transactional", headers=stack.calendar_service, json={
                "key": f"booking:{n + 50}:confirmation:lead", "to": address, "subject": "Your meeting",
                "text": "See you then."})
            assert made.status_code == 201, made.text
        await stack.send_all()
        assert [d.rcpt_tos for d in stack.sink.deliveries] == [("gone@client.example",)]


async def test_stop_and_unsubscribe(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        company = await stack.company()
        lena = await stack.contact("Lena", "lena@client.example", company["id"])
        max_ = await stack.contact("Max", "max@client.example", company["id"])
        campaign = await stack.campaign([lena["id"], max_["id"]])
        await stack.start(campaign["id"])
        await stack.run_jobs()
        stop = await stack.email.post(f"/email/contacts/{max_['id']}/stop", headers=stack.calendar_service,
                                      json={"reason": "booked"})
        assert stop.status_code == 200 and stop.json() == {"contact_id": max_["id"], "stopped": 1}
        repeat = await stack.email.post(f"/email/contacts/{max_['id']}/stop", headers=stack.calendar_service,
                                        json={"reason": "booked"})
        assert repeat.json()["stopped"] == 0
        await stack.send_all()
        assert [d.rcpt_tos for d in stack.sink.deliveries] == [("lena@client.example",)]

        raw = stack.sink.deliveries[0].data.decode()
        url = raw.split("List-Unsubscribe: <", 1)[1].split(">", 1)[0]
        path = url.removeprefix("https://crm.example/api")
        page = await stack.email.get(path)
        assert page.status_code == 200 and "<form" in page.text and "Unsubscribe" in page.text
        assert (await stack.email.post(path, content="nonsense")).status_code == 422
        done = await stack.email.post(path, content="List-Unsubscribe=One-Click",
                                      headers={"content-type": "application/x-www-form-urlencoded"})
        assert done.status_code == 200, done.text
        assert (await stack.email.post(path, content="List-Unsubscribe=One-Click")).status_code == 200
        forged = unsubscribe_token(b"x" * 32, UnsubscribeTarget("lena@client.example", lena["id"], campaign["id"]))
        assert (await stack.email.post(f"/email/unsubscribe/{forged}",
                                       content="List-Unsubscribe=One-Click")).status_code == 404
        # Nothing more to that address from any campaign.
        other = await stack.campaign([lena["id"]])
        elig = (await stack.email.get(f"/email/campaigns/{other['id']}/eligibility", headers=stack.admin)).json()
        assert [e["reason"] for e in elig["excluded"]] == ["suppressed"]
        await stack.start(other["id"])
        await stack.run_jobs()
        await stack.send_all()
        assert stack.sink.count == 1
        assert (await stack.progress(campaign["id"]))["unsubscribed"] == 1


async def test_a_campaign_started_twice_at_once_starts_once(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        contact = await stack.contact()
        campaign = await stack.campaign([contact["id"]])
        url = f"/email/campaigns/{campaign['id']}/start"
        answers = await asyncio.gather(*(stack.email.post(url, headers=stack.admin) for _ in range(4)))
        assert sorted(a.status_code for a in answers) == [200, 409, 409, 409]
        await stack.run_jobs()
        assert len(await stack.messages()) == 1


async def test_campaign_states_and_roles(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        contact = await stack.contact()
        campaign = await stack.campaign([contact["id"]], send_window={"weekdays": [0, 1, 2, 3, 4],
                                                                      "start": "09:00", "end": "17:00"})
        cid = campaign["id"]
        assert campaign["send_window"]["start"] == "09:00"
        patched = await stack.email.patch(f"/email/campaigns/{cid}", headers=stack.sales, json={"name": "Renamed"})
        assert patched.status_code == 200 and patched.json()["name"] == "Renamed"
        for action in ("start", "pause", "resume", "stop"):
            assert (await stack.email.post(f"/email/campaigns/{cid}/{action}", headers=stack.sales)).status_code == 403
        assert (await stack.email.post(f"/email/campaigns/{cid}/pause", headers=stack.admin)).status_code == 409
        await stack.start(cid)
        assert (await stack.email.patch(f"/email/campaigns/{cid}", headers=stack.sales,
                                        json={"name": "x"})).status_code == 409
        paused = await stack.email.post(f"/email/campaigns/{cid}/pause", headers=stack.admin)
        assert paused.json() == {"id": cid, "status": "paused"}
        await stack.run_jobs()
        assert await stack.send_all() == 0  # paused: nothing goes
        assert (await stack.email.post(f"/email/campaigns/{cid}/resume", headers=stack.admin)).json()["status"] \
            == "running"
        stopped = await stack.email.post(f"/email/campaigns/{cid}/stop", headers=stack.admin)
        assert stopped.json()["status"] == "stopped"
        await stack.send_all()
        assert stack.sink.count == 0
        listed = (await stack.email.get("/email/campaigns", headers=stack.demo)).json()
        assert listed["total"] == 1 and listed["items"][0]["status"] == "stopped"
        bad = await stack.email.post("/email/campaigns", headers=stack.sales, json={
            "name": "x", "mailbox_ids": [999], "contact_ids": [], "steps": [{"template_id": 1}]})
        assert bad.status_code == 422


async def test_the_send_window_holds_messages_until_it_opens(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        contact = await stack.contact()  # a GB company: Europe/London
        campaign = await stack.campaign([contact["id"]], send_window={"weekdays": [5], "start": "09:00",
                                                                      "end": "12:00"})
        await stack.start(campaign["id"])
        await stack.run_jobs()
        assert await stack.send_all() == 0
        [message] = await stack.messages()
        assert message.next_attempt_at is not None
        opens = message.next_attempt_at
        assert opens.weekday() == 5 and opens.hour == 8  # Saturday 09:00 London (BST) is 08:00 UTC
        stack.now = opens
        assert await stack.send_all() == 1




@pytest.mark.parametrize("path", [f"/api/email/campaigns/7/{a}" for a in ("start", "pause", "resume", "stop")]
                         + ["/api/email/messages/3/resend", "/api/email/messages/3/discard"])
def test_the_gateway_keeps_sending_decisions_for_admins(path: str) -> None:
    from gateway import policy

    assert policy.role_allowed("admin", "POST", path)
    assert not policy.role_allowed("sales", "POST", path)
    assert not policy.role_allowed("demo", "POST", path)
    assert policy.demo_mode_blocks("POST", path) is not path.endswith("discard")
    assert policy.role_allowed("sales", "POST", "/api/email/campaigns")
    assert policy.is_public("POST", "/api/email/unsubscribe/abc.def")
