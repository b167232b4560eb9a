"""A lead books on the public page in a real Chromium, through the whole stack (`outbound up`): the
booking page loads without the signed-in app, offers times in the lead's zone, books, confirms with an
.ics; then the host signs in and finds the meeting on the Calendar screen, tied to the contact."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.async_api import Request, async_playwright, expect

from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, free_port
from tests.e2e.browser import CHROMIUM_ARGS, chromium_path
from tests.e2e.procs import ROOT, outbound_process, wait_healthy

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}


def lead_zone() -> str:
    """A zone of the lead where it is now before 15:00: the page shows today's free times first, and the test moves
    the meeting to the third of them, which a lead in New York late in its evening does not have."""
    now = datetime.now(UTC)
    return next(zone for zone in ("America/New_York", "Europe/Berlin", "Asia/Tokyo")
                if now.astimezone(ZoneInfo(zone)).hour < 15)


def seed(base: str) -> str:
    """Hours every day, a page with a question, a contact and their personal link; returns the link's token."""
    token = httpx.post(f"{base}/api/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}).json()
    auth = {"authorization": f"Bearer {token['access_token']}"}
    every_day = {day: [["00:00", "24:00"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    resp = httpx.put(f"{base}/api/calendar/availability", headers=auth, json={
        "timezone": "Europe/Berlin", "weekly": every_day, "slot_minutes": 30, "buffer_before_minutes": 0,
        "buffer_after_minutes": 0, "min_notice_minutes": 60, "horizon_days": 30})
    assert resp.status_code == 200, resp.text
    page = httpx.post(f"{base}/api/calendar/pages", headers=auth, json={
        "title": "Intro call", "duration_minutes": 30, "location": "Phone",
        "questions": [{"id": "machines", "label": "How many machines?", "required": True}]}).json()
    company = httpx.post(f"{base}/api/leads/companies", headers=auth,
                         json={"name": "Acme Maschinenbau GmbH", "website": "https://acme.example"}).json()
    contact = httpx.post(f"{base}/api/leads/contacts", headers=auth, json={
        "name": "Lena Lead", "email": "lena@acme.example", "company_id": company["id"]}).json()
    link = httpx.post(f"{base}/api/calendar/links", headers=auth,
                      json={"page_id": page["id"], "contact_id": contact["id"]})
    assert link.status_code == 201, link.text
    return str(link.json()["token"])


async def test_a_lead_books_and_the_host_sees_it(tmp_path: Path, artifacts_dir: Path) -> None:
    assert (ROOT / "frontend" / "dist" / "index.html").exists(), "build the SPA first: make setup"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {"OUTBOUND_DATA_DIR": str(tmp_path), "OUTBOUND_ADMIN_EMAIL": ADMIN_EMAIL,
           "OUTBOUND_ADMIN_PASSWORD": ADMIN_PASSWORD, "OUTBOUND_PUBLIC_URL": base}
    log = tmp_path / "up.log"
    with outbound_process(["up", "--port", str(port)], env, log) as proc:
        wait_healthy(f"{base}/healthz", proc, log)
        token = seed(base)
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                # The lead: on a phone, abroad (New York, else Berlin or Tokyo: see lead_zone), never signed in.
                zone = lead_zone()
                lead = await browser.new_context(viewport=PHONE, is_mobile=True, locale="en-US",
                                                 timezone_id=zone)
                page = await lead.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
                requests: list[str] = []

                def seen(req: Request) -> None:
                    requests.append(req.url.removeprefix(base))

                page.on("request", seen)
                await page.goto(f"{base}/book/{token}")
                await expect(page.get_by_role("heading", name="Intro call")).to_be_visible()
                await expect(page.get_by_text("Hello Lena Lead, pick a time that suits you.")).to_be_visible()
                await expect(page.get_by_role("combobox", name="Time zone")).to_have_value(zone)
                times = page.get_by_role("region", name="Free times on")
                first = times.get_by_role("button").first
                await expect(first).to_be_visible()
                when = (await first.inner_text()).strip()
                await page.screenshot(path=str(artifacts_dir / "booking-pick-phone.png"), full_page=True)
                await first.click()
                assert await page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
                # The contact's link fills in who they are.
                await expect(page.get_by_role("textbox", name="Name")).to_have_value("Lena Lead")
                await expect(page.get_by_role("textbox", name="E-mail")).to_have_value("lena@acme.example")
                await page.get_by_role("textbox", name="How many machines?").fill("12")
                await page.get_by_role("button", name="Book ").click()
                await expect(page.get_by_role("heading", name="You\u2019re booked")).to_be_visible()
                await expect(page.get_by_text(when, exact=False)).to_be_visible()
                await page.screenshot(path=str(artifacts_dir / "booking-confirmed-phone.png"), full_page=True)
                ics = await page.get_by_role("link", name="Add to calendar (.ics)").get_attribute("href")
                assert ics
                invite = await page.request.get(f"{base}{ics}")
                assert invite.ok and "BEGIN:VCALENDAR" in await invite.text()
                manage = await page.get_by_role("link", name="Reschedule or cancel").get_attribute("href")
                assert manage and manage.startswith("/book/manage?reschedule=")

                # The lead moves the meeting with the manage link from the confirmation.
                await page.get_by_role("link", name="Reschedule or cancel").click()
                await page.get_by_role("button", name="Pick a new time").click()
                new_time = page.get_by_role("region", name="Free times on").get_by_role("button").nth(2)
                await expect(new_time).to_be_visible()
                await new_time.click()
                await expect(page.get_by_role("heading", name="Your meeting is moved")).to_be_visible()
                assert "/book/manage?reschedule=" in page.url and page.url != f"{base}{manage}"

                # The public page never touched the session or the CRM's screens.
                api = [r for r in requests if r.startswith("/api/")]
                assert api and all(r.startswith("/api/calendar/public/") for r in api), api
                scripts = [r for r in requests if r.endswith(".js")]
                assert not any("SignedInApp" in s or "LoginPage" in s for s in scripts), scripts
                assert not errors, errors

                # The host signs in and finds the meeting, tied to the contact and company.
                host = await browser.new_context(viewport={"width": 1360, "height": 860})
                crm = await host.new_page()
                await crm.goto(f"{base}/calendar")
                await crm.get_by_label("E-mail").fill(ADMIN_EMAIL)
                await crm.get_by_label("Password").fill(ADMIN_PASSWORD)
                await crm.get_by_role("button", name="Sign in").click()
                table = crm.get_by_role("table", name="Upcoming bookings")
                await expect(table.get_by_role("link", name="Intro call")).to_be_visible()
                lena = table.get_by_role("link", name="Lena Lead")
                await expect(lena).to_be_visible()
                assert (await lena.get_attribute("href") or "").startswith("/contacts/")
                await expect(table.get_by_role("link", name="Acme Maschinenbau GmbH")).to_be_visible(timeout=15_000)
                await crm.screenshot(path=str(artifacts_dir / "calendar-bookings.png"), full_page=True)
                await table.get_by_role("link", name="Intro call").click()
                detail = crm.get_by_role("region", name="Intro call with Lena Lead")
                await expect(detail.get_by_text("How many machines?")).to_be_visible()
                await expect(detail.get_by_text("12", exact=True)).to_be_visible()
                # The host's other tabs draw from the same stack: the page's link and free times, the hours.
                await crm.goto(f"{base}/calendar?tab=pages")
                card = crm.get_by_role("region", name="Intro call")
                await expect(card.get_by_role("textbox", name="Booking link")).to_have_value(re.compile(r"/book/"))
                free_times = card.get_by_role("region", name="Next free times for Intro call")
                await expect(free_times.get_by_role("listitem").first).to_be_visible()
                await crm.screenshot(path=str(artifacts_dir / "calendar-pages.png"), full_page=True)
                await crm.get_by_role("tab", name="Availability").click()
                await expect(crm.get_by_role("textbox", name="Monday hours 1 to")).to_have_value("24:00")
                preview = crm.get_by_role("region", name="Preview: the next two weeks")
                await expect(preview.get_by_role("term").first).to_be_visible()
                await crm.screenshot(path=str(artifacts_dir / "calendar-availability.png"), full_page=True)
                # What the screens send is what the API takes: save hours with a limit, make a page with a question.
                await crm.get_by_role("textbox", name="Max per day").fill("4")
                await crm.get_by_role("button", name="Save availability").click()
                await expect(crm.get_by_text("Availability saved")).to_be_visible()
                await crm.get_by_role("tab", name="Booking pages").click()
                await crm.get_by_role("button", name="New booking page").first.click()
                dialog = crm.get_by_role("dialog", name="New booking page")
                await dialog.get_by_role("textbox", name="Title").fill("Demo call")
                await dialog.get_by_role("combobox", name="Length").select_option("45")
                await dialog.get_by_role("button", name="Add a question").click()
                await dialog.get_by_role("textbox", name="Question 1").fill("Which machines?")
                await dialog.get_by_role("button", name="Create page").click()
                demo = crm.get_by_role("region", name="Demo call")
                await expect(demo.get_by_text("45 min")).to_be_visible()
                await expect(demo.get_by_text("1 question")).to_be_visible()
            finally:
                await browser.close()
