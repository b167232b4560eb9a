"""``{{ booking_url }}`` per lead: a campaign with a booking page sends each contact their personal link
(made by the real calendar service), and a booking through it knows the contact and the campaign."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from services.email.models import Job
from services.kit.jobs import QUEUED
from tests.calendar.support import booking
from tests.conftest import free_port
from tests.email.calendar_support import BOOK_LINK, email_and_calendar
from tests.email.support import email_stack

BODY = '<p>{{ salutation }}</p><p><a href="{{ booking_url }}">Book a call</a></p>'


async def test_each_lead_gets_a_personal_link_whose_booking_knows_contact_and_campaign(tmp_path: Path) -> None:
    async with email_and_calendar(tmp_path) as (stack, cal):
        page = await cal.host_page()
        lena = await stack.contact()
        max_ = await stack.contact(name="Max Lead", email="max@other.example")
        template = await stack.template(body_html=BODY)
        campaign = await stack.campaign([lena["id"], max_["id"]], booking_page_id=page["id"],
                                        steps=[{"template_id": template["id"], "delay_days": 0}])
        assert campaign["booking_page_id"] == page["id"]
        await stack.start(campaign["id"])
        await stack.run_jobs()
        assert await stack.send_all() == 2
        tokens = {}
        for delivery in stack.sink.deliveries:
            raw = delivery.data.decode().replace("=\r\n", "")
            found = BOOK_LINK.findall(raw)
            assert found, raw
            tokens[delivery.rcpt_tos[0]] = found[0]
        assert set(tokens) == {"lena@client.example", "max@other.example"}
        assert tokens["lena@client.example"] != tokens["max@other.example"]
        assert page["token"] not in tokens.values()  # personal links, not the page's generic one

        made = await cal.calendar.post(f"/calendar/public/{tokens['lena@client.example']}/bookings",
                                       json=booking("2025-06-03T10:00:00+02:00", name="Lena Lead",
                                                    email="lena@client.example"))
        assert made.status_code == 201, made.text
        [row] = await cal.bookings()
        assert (row.contact_id, row.campaign_id) == (lena["id"], campaign["id"])


async def test_preview_shows_a_personal_link_when_the_page_is_known(tmp_path: Path) -> None:
    async with email_and_calendar(tmp_path) as (stack, cal):
        page = await cal.host_page()
        lena = await stack.contact()
        template = await stack.template(body_html=BODY)
        plain = await stack.email.post(f"/email/templates/{template['id']}/preview", headers=stack.sales,
                                       json={"contact_id": lena["id"]})
        assert plain.status_code == 200, plain.text
        assert "/book/" not in (plain.json()["context"]["booking_url"] or "")
        picked = await stack.email.post(f"/email/templates/{template['id']}/preview", headers=stack.sales,
                                        json={"contact_id": lena["id"], "booking_page_id": page["id"]})
        assert BOOK_LINK.search(picked.json()["context"]["booking_url"]), picked.text
        campaign = await stack.campaign([lena["id"]], booking_page_id=page["id"],
                                        steps=[{"template_id": template["id"], "delay_days": 0}])
        shown = await stack.email.post(f"/email/templates/{template['id']}/preview", headers=stack.sales,
                                       json={"contact_id": lena["id"], "campaign_id": campaign["id"]})
        assert BOOK_LINK.search(shown.json()["html"] or ""), shown.text
        # An unknown page does not break the preview: the sender's own link stands in.
        missing = await stack.email.post(f"/email/templates/{template['id']}/preview", headers=stack.sales,
                                         json={"contact_id": lena["id"], "booking_page_id": 999})
        assert missing.status_code == 200 and "/book/" not in (missing.json()["context"]["booking_url"] or "")


async def test_the_page_is_kept_and_changed_only_while_draft(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        lena = await stack.contact()
        campaign = await stack.campaign([lena["id"]])
        assert campaign["booking_page_id"] is None
        url = f"/email/campaigns/{campaign['id']}"
        changed = await stack.email.patch(url, headers=stack.sales, json={"booking_page_id": 7})
        assert changed.status_code == 200 and changed.json()["booking_page_id"] == 7
        untouched = await stack.email.patch(url, headers=stack.sales, json={"name": "Autumn"})
        assert untouched.json()["booking_page_id"] == 7
        cleared = await stack.email.patch(url, headers=stack.sales, json={"booking_page_id": None})
        assert cleared.json()["booking_page_id"] is None
        bad = await stack.email.patch(url, headers=stack.sales, json={"booking_page_id": 0})
        assert bad.status_code == 422
        await stack.email.patch(url, headers=stack.sales, json={"booking_page_id": 7})
        await stack.start(campaign["id"])
        late = await stack.email.patch(url, headers=stack.sales, json={"booking_page_id": 8})
        assert late.status_code == 409


async def test_a_calendar_that_is_down_leaves_the_batch_for_the_jobs_retry(tmp_path: Path) -> None:
    async with email_stack(f"sqlite+aiosqlite:///{tmp_path / 'email.db'}", tmp_path,
                           calendar_url=f"http://127.0.0.1:{free_port()}") as stack:
        lena = await stack.contact()
        campaign = await stack.campaign([lena["id"]], booking_page_id=3)
        await stack.start(campaign["id"])
        await stack.run_jobs()
        assert await stack.messages() == []
        async with stack.runtime.sessions() as s:
            [job] = (await s.execute(sa.select(Job).where(Job.type == "email.prepare"))).scalars()
        assert job.status == QUEUED and job.attempts == 1
        assert "booking links" in (job.error or "") and "unreachable" in (job.error or "")
        assert [e.next_step for e in await stack.enrolments()] == [1]
