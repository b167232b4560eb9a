"""From "interested" to a meeting in one click: an interested reply read from Dovecot becomes a draft answer
offering the booking page's next three free slots (from the real calendar service), a person sends it as a
reply in the thread (caught by aiosmtpd with In-Reply-To), and a click on an offered slot books it."""

from __future__ import annotations

import email
import email.policy
import re
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from services.calendar.schemas import NextSlotsRead, OfferedSlot
from services.email.addresses import parse_address
from services.email.mime import OutgoingMessage, build_message
from services.email.offers import compose, reply_subject
from services.email.replies import poll_one_mailbox
from tests.email.calendar_support import email_and_calendar
from tests.email.mail_samples import crlf
from tests.fakes.dovecot import Dovecot

BODY = '<p>{{ salutation }}</p><p><a href="{{ booking_url }}">Book a call</a></p>'


def _reply(to_mid: str, body: str, *, mid: str) -> bytes:
    return crlf(f"""From: Lena Lead <lena@client.example>
To: anna@seller.example
Subject: Re: Hello Lena
Message-ID: {mid}
In-Reply-To: {to_mid}
References: {to_mid}
Content-Type: text/plain; charset=utf-8

{body}""")


async def test_an_interested_reply_gets_a_draft_offering_three_slots_sent_as_a_reply(
        database_url: str, tmp_path: Path, dovecot: Dovecot, imap_user: tuple[str, str]) -> None:
    async with email_and_calendar(tmp_path, database_url) as (stack, cal):
        page = await cal.host_page(min_notice_minutes=24 * 60)  # a slot offered is still ahead when clicked
        lena = await stack.contact()
        box = await stack.mailbox(imap_host=dovecot.host, imap_port=dovecot.port, imap_security="none",
                                  imap_username=imap_user[0], imap_password=imap_user[1])
        template = await stack.template(body_html=BODY)
        campaign = await stack.campaign([lena["id"]], mailbox_ids=[box["id"]], booking_page_id=page["id"],
                                        steps=[{"template_id": template["id"], "delay_days": 0}])
        await stack.start(campaign["id"])
        await stack.run_jobs()
        assert await stack.send_all() == 1
        first_mid = stack.sink.deliveries[0].message_id
        assert first_mid

        await poll_one_mailbox(stack.runtime, box["id"])  # sets the cursor on the empty box
        dovecot.append(imap_user[0], _reply(first_mid, "Interested, tell me more.", mid="<lena-1@client.example>"))
        await poll_one_mailbox(stack.runtime, box["id"])
        await stack.run_jobs()
        await poll_one_mailbox(stack.runtime, box["id"])  # nothing new: no second draft
        await stack.run_jobs()

        listed = await stack.email.get(f"/email/contacts/{lena['id']}/drafts", headers=stack.sales)
        assert listed.status_code == 200, listed.text
        [draft] = listed.json()["items"]
        assert draft["status"] == "draft" and draft["in_reply_to"] == "<lena-1@client.example>"
        assert draft["references"] == [first_mid, "<lena-1@client.example>"]  # the thread, RFC 5322 §3.6.4
        assert draft["subject"] == "Re: Hello Lena" and draft["language"] == "en"
        assert draft["campaign_id"] == campaign["id"] and draft["mailbox_id"] == box["id"]
        assert len(draft["slots"]) == 3
        for slot in draft["slots"]:
            assert slot["book_url"] in draft["body_text"] and slot["book_url"].replace("&", "&amp;") in \
                draft["body_html"]
        assert draft["page_url"] in draft["body_text"]
        assert draft["body_text"].startswith("Dear ") and draft["body_text"].split("\n")[0].endswith(",")

        # The demo account and a plain reader may look but not send.
        refused = await stack.email.post(f"/email/drafts/{draft['id']}/send", headers=stack.demo)
        assert refused.status_code == 403
        sent = await stack.email.post(f"/email/drafts/{draft['id']}/send", headers=stack.sales)
        assert sent.status_code == 200, sent.text
        assert sent.json()["status"] == "sent" and sent.json()["sent_message_id"]
        again = await stack.email.post(f"/email/drafts/{draft['id']}/send", headers=stack.sales)
        assert again.json()["sent_message_id"] == sent.json()["sent_message_id"]
        assert (await stack.email.delete(f"/email/drafts/{draft['id']}", headers=stack.sales)).status_code == 409
        assert (await stack.email.get(f"/email/contacts/{lena['id']}/drafts", headers=stack.sales)).json() == \
            {"items": []}

        assert await stack.send_all() == 1
        wire = email.message_from_bytes(stack.sink.deliveries[1].data, policy=email.policy.default)
        assert wire["In-Reply-To"] == "<lena-1@client.example>"
        assert "<lena-1@client.example>" in wire["References"]
        assert wire["To"].addresses[0].addr_spec == "lena@client.example"
        assert wire["From"].addresses[0].addr_spec == "anna@seller.example"
        text_part = wire.get_body(("plain",))
        assert text_part is not None
        text = text_part.get_content()
        urls = re.findall(r"https://crm\.example/book/\S+/quick/\S+", text)
        assert len(urls) == 3
        [row] = [m for m in await stack.messages() if m.id == sent.json()["sent_message_id"]]
        assert row.status == "sent" and row.key == f"reply-draft:{draft['id']}"
        # The ledger row holds the whole chain; engine._wire puts it into References.
        assert row.references == [first_mid, "<lena-1@client.example>"]
        chain = build_message(OutgoingMessage(
            sender=parse_address("anna@seller.example"), to=parse_address(row.to_email), subject=row.subject,
            text=row.body_text, message_id=row.message_id or "", in_reply_to=row.in_reply_to,
            references=row.references or ()))
        assert email.message_from_bytes(chain, policy=email.policy.default)["References"] == \
            f"{first_mid} <lena-1@client.example>"
        await stack.run_jobs()
        timeline = (await stack.leads.get(f"/leads/contacts/{lena['id']}/timeline", headers=stack.admin)).json()
        assert any(a["type"] == "email.reply_sent" for a in timeline["items"])

        # One click on the first offered slot books it for Lena and the campaign.
        path = urllib.parse.urlsplit(urls[0]).path
        _, _book, token, _quick, slot = path.split("/")
        booked = await cal.calendar.post(f"/calendar/public/{token}/quick/{slot}")
        assert booked.status_code == 201, booked.text
        [made] = await cal.bookings()
        assert (made.contact_id, made.campaign_id) == (lena["id"], campaign["id"])


async def test_a_campaign_without_a_booking_page_drafts_nothing(tmp_path: Path, dovecot: Dovecot,
                                                               imap_user: tuple[str, str]) -> None:
    async with email_and_calendar(tmp_path) as (stack, _cal):
        lena = await stack.contact()
        box = await stack.mailbox(imap_host=dovecot.host, imap_port=dovecot.port, imap_security="none",
                                  imap_username=imap_user[0], imap_password=imap_user[1])
        campaign = await stack.campaign([lena["id"]], mailbox_ids=[box["id"]])
        await stack.start(campaign["id"])
        await stack.run_jobs()
        await stack.send_all()
        await poll_one_mailbox(stack.runtime, box["id"])
        dovecot.append(imap_user[0], _reply(stack.sink.deliveries[0].message_id or "", "Interested!",
                                            mid="<lena-2@client.example>"))
        await poll_one_mailbox(stack.runtime, box["id"])
        await stack.run_jobs()
        assert (await stack.email.get(f"/email/contacts/{lena['id']}/drafts", headers=stack.sales,
                                      params={"include_done": True})).json() == {"items": []}
        discard = await stack.email.delete("/email/drafts/99", headers=stack.sales)
        assert discard.status_code == 404 and discard.headers["content-type"].startswith("application/problem+json")


def test_the_german_answer_is_formal_with_the_lead_s_times() -> None:
    zone = ZoneInfo("Europe/Berlin")
    offer = NextSlotsRead(page_id=1, timezone="Europe/Berlin", page_url="https://crm.example/book/abc", slots=[
        OfferedSlot(start=datetime(2025, 6, 3, 8, tzinfo=UTC), end=datetime(2025, 6, 3, 8, 30, tzinfo=UTC),
                    book_url="https://crm.example/book/abc/quick/s1?x=<1>")])
    text, html = compose(salutation="Sehr geehrte Frau Bergmann,", language="de", offer=offer, zone=zone,
                         sender_name="Anna <Seller>")
    assert text.startswith("Sehr geehrte Frau Bergmann,\n\nvielen Dank für Ihre Rückmeldung.")
    assert "- Dienstag, 3. Juni 2025, 10:00 Uhr: https://crm.example/book/abc/quick/s1?x=<1>" in text
    assert "Mit freundlichen Grüßen\nAnna <Seller>" in text and "https://crm.example/book/abc\n" in text
    assert "x=&lt;1&gt;" in html and "Anna &lt;Seller&gt;" in html and "<Seller>" not in html
    assert reply_subject("Ihre Anfrage", "de") == "AW: Ihre Anfrage" and reply_subject("Re: x", "de") == "Re: x"
