"""From "interested" to a meeting in one click: the e-mail service's personal links and next free slots
(through the real CalendarClient), and one-click links that book with the usual race rules."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from pathlib import Path

import pytest

from services.calendar.client import CalendarClient
from services.calendar.schemas import LinkCreate
from services.kit.errors import Forbidden, NotFound
from services.kit.http import register_local_app
from tests.calendar.support import booking, calendar_stack


def parts(book_url: str) -> tuple[str, str]:
    path = urllib.parse.urlsplit(book_url).path  # /book/<token>/quick/<slot link>
    _, _book, token, _quick, slot = path.split("/")
    return token, slot


async def test_next_slots_offer_one_a_day_each_a_one_click_booking(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page(min_notice_minutes=24 * 60)
        contact = await stack.contact()
        resp = await stack.calendar.get(f"/calendar/pages/{page['id']}/next-slots", headers=stack.email_service,
                                        params={"contact_id": contact["id"], "tz": "America/New_York",
                                                "campaign_id": 9})
        assert resp.status_code == 200, resp.text
        offered = resp.json()
        assert offered["timezone"] == "America/New_York" and offered["page_id"] == page["id"]
        # A day's notice from Monday 10:00: Tuesday 10:00 Berlin first, then the first slot of each next day.
        assert [s["start"] for s in offered["slots"]] == [
            "2025-06-03T04:00:00-04:00", "2025-06-04T03:00:00-04:00", "2025-06-05T03:00:00-04:00"]
        token_of_page, slot_link = parts(offered["slots"][0]["book_url"])
        assert offered["page_url"] == f"https://crm.example/book/{token_of_page}"

        preview = await stack.calendar.get(f"/calendar/public/{token_of_page}/quick/{slot_link}")
        assert preview.status_code == 200 and preview.json()["free"] is True
        assert preview.json()["greeting_name"] == "Lena Lead" and preview.json()["start"] == "2025-06-03T10:00:00+02:00"
        first = await stack.calendar.post(f"/calendar/public/{token_of_page}/quick/{slot_link}")
        again = await stack.calendar.post(f"/calendar/public/{token_of_page}/quick/{slot_link}", json={})
        assert first.status_code == again.status_code == 201, (first.text, again.text)
        assert first.json()["id"] == again.json()["id"]
        [row] = await stack.bookings()
        assert (row.visitor_email, row.contact_id, row.campaign_id, row.source) == (
            "lena@client.example", contact["id"], 9, "one_click")
        assert (await stack.calendar.get(f"/calendar/public/{token_of_page}/quick/{slot_link}")).json()["free"] is False

        # The second offer was taken by someone else meanwhile: the usual 409.
        _, second = parts(offered["slots"][1]["book_url"])
        taken = await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                          json=booking("2025-06-04T09:00:00+02:00"))
        assert taken.status_code == 201
        late = await stack.calendar.post(f"/calendar/public/{token_of_page}/quick/{second}")
        assert late.status_code == 409

        # Another lead's link, a forged link, the page's generic token: all the same 404.
        other = await stack.contact(name="Other", email="other@client.example")
        other_link = await stack.personal_link(page["id"], other["id"])
        _, third = parts(offered["slots"][2]["book_url"])
        for token_, slot_ in ((other_link["token"], third), (page["token"], third),
                              (token_of_page, third[:-2] + ("AA" if not third.endswith("AA") else "BB"))):
            resp = await stack.calendar.post(f"/calendar/public/{token_}/quick/{slot_}")
            assert (resp.status_code, resp.json()["detail"]) == (404, "This link is not valid.")
        # After the offered time has passed the link has expired.
        stack.now = dt.datetime(2025, 6, 5, 7, 1, tzinfo=dt.UTC)
        assert (await stack.calendar.post(f"/calendar/public/{token_of_page}/quick/{third}")).status_code == 403


async def test_who_may_make_links_and_ask_for_slots(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        contact = await stack.contact()
        body = {"page_id": page["id"], "contact_id": contact["id"]}
        assert (await stack.calendar.post("/calendar/links", json=body, headers=stack.sales)).status_code == 201
        assert (await stack.calendar.post("/calendar/links", json=body, headers=stack.admin)).status_code == 201
        assert (await stack.calendar.post("/calendar/links", json=body, headers=stack.demo)).status_code == 403
        missing = await stack.calendar.post("/calendar/links", headers=stack.sales,
                                            json={"page_id": page["id"], "contact_id": 999})
        assert missing.status_code == 404
        no_page = await stack.calendar.post("/calendar/links", headers=stack.sales,
                                            json={"page_id": 999, "contact_id": contact["id"]})
        assert no_page.status_code == 404
        url = f"/calendar/pages/{page['id']}/next-slots"
        params = {"contact_id": contact["id"]}
        assert (await stack.calendar.get(url, params=params, headers=stack.email_service)).status_code == 200
        for person in (stack.sales, stack.admin, stack.demo):
            assert (await stack.calendar.get(url, params=params, headers=person)).status_code == 403
        bad_zone = await stack.calendar.get(url, params={**params, "tz": "CET"}, headers=stack.email_service)
        assert bad_zone.status_code == 422


async def test_the_client_contract(database_url: str, tmp_path: Path) -> None:
    """services/calendar/client.py against the running app, signed in as the e-mail service would be."""
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        contact = await stack.contact()
        origin = f"http://calendar-{id(stack.app)}.local"
        register_local_app(origin, stack.app)

        class AsEmailService(CalendarClient):
            async def call(self, method: str, path: str, **kwargs: object):  # type: ignore[no-untyped-def]
                return await super().call(method, path, token=stack.email_service["authorization"][7:], **kwargs)

        client = AsEmailService(origin)
        link = await client.personal_link(LinkCreate(page_id=page["id"], contact_id=contact["id"], campaign_id=4))
        assert link.url.startswith("https://crm.example/book/") and link.expires_at is not None
        assert (await client.personal_link(LinkCreate(page_id=page["id"], contact_id=contact["id"],
                                                      campaign_id=4))).token == link.token
        offer = await client.next_slots(page["id"], contact["id"], count=2, campaign_id=4, timezone="Europe/Berlin")
        assert len(offer.slots) == 2 and offer.page_url == link.url
        assert all(s.book_url.startswith(f"{link.url}/quick/") for s in offer.slots)
        with pytest.raises(NotFound):
            await client.personal_link(LinkCreate(page_id=page["id"], contact_id=12345))
        plain = CalendarClient(origin)
        with pytest.raises(Forbidden):
            await plain.call("GET", f"/calendar/pages/{page['id']}/next-slots", token=stack.sales["authorization"][7:],
                             params={"contact_id": contact["id"]})
        await client.aclose()
        await plain.aclose()
