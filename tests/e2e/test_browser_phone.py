"""A salesperson on a 390 px phone: a first visit without errors, compressed assets, lists that fit."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.async_api import Response, async_playwright, expect

from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, free_port
from tests.e2e.browser import CHROMIUM_ARGS, chromium_path
from tests.e2e.procs import ROOT, outbound_process, wait_healthy

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}


def seed(base: str) -> int:
    token = httpx.post(f"{base}/api/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}).json()
    auth = {"authorization": f"Bearer {token['access_token']}"}
    company = httpx.post(f"{base}/api/leads/companies", headers=auth, json={
        "name": "Müller Steuerberatung und Wirtschaftsprüfung GmbH & Co. KG", "website": "https://mueller-stb.de",
        "city": "Garmisch-Partenkirchen", "country": "DE", "tags": ["steuerberatung", "bayern", "priority"]}).json()
    contact = httpx.post(f"{base}/api/leads/contacts", headers=auth, json={
        "name": "Dr. Maximiliane Oberhuber-Schwarzenberger", "role": "Geschäftsführende Gesellschafterin",
        "email": "maximiliane.oberhuber-schwarzenberger@mueller-stb.de", "phone": "+4915112345678",
        "company_id": company["id"]}).json()
    assert "id" in contact, contact
    return int(company["id"])


async def overflow(page) -> int:  # type: ignore[no-untyped-def]
    """How many pixels the page is wider than the screen (0: nothing to scroll sideways)."""
    return int(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


async def test_a_phone_sized_first_visit(tmp_path: Path, artifacts_dir: Path) -> None:
    assert (ROOT / "frontend" / "dist" / "index.html").exists(), "build the SPA first: make setup"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {"OUTBOUND_DATA_DIR": str(tmp_path), "OUTBOUND_ADMIN_EMAIL": ADMIN_EMAIL,
           "OUTBOUND_ADMIN_PASSWORD": ADMIN_PASSWORD}
    log = tmp_path / "up.log"
    with outbound_process(["up", "--port", str(port)], env, log) as proc:
        wait_healthy(f"{base}/healthz", proc, log)
        company_id = seed(base)
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                context = await browser.new_context(viewport=PHONE, locale="de-DE", is_mobile=True)
                page = await context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
                api: list[tuple[str, int]] = []
                scripts: list[Response] = []

                def seen(resp: Response) -> None:
                    if "/api/" in resp.url:
                        api.append((resp.url.removeprefix(base), resp.status))
                    elif resp.url.endswith(".js"):
                        scripts.append(resp)

                page.on("response", seen)

                # First visit: no session to restore is an empty state, not a 401 in the console.
                await page.goto(f"{base}/companies")
                await expect(page.get_by_role("heading", name="Sign in to Outbound CRM")).to_be_visible()
                assert ("/api/auth/refresh", 204) in api, api
                encodings = [(await r.all_headers()).get("content-encoding") for r in scripts]
                assert encodings and set(encodings) == {"br"}, encodings  # the precompressed copies
                await page.get_by_label("E-mail").fill(ADMIN_EMAIL)
                await page.get_by_label("Password").fill(ADMIN_PASSWORD)
                await page.get_by_role("button", name="Sign in").click()

                table = page.get_by_role("table", name="Companies")
                await expect(table.get_by_role("link", name="Müller Steuerberatung")).to_be_visible()
                await expect(table.get_by_text("Garmisch-Partenkirchen", exact=True)).to_be_visible()
                assert await overflow(page) <= 0, "the companies list is wider than the phone"
                await page.screenshot(path=str(artifacts_dir / "phone-companies.png"), full_page=True)

                await page.goto(f"{base}/contacts")
                contacts = page.get_by_role("table", name="Contacts")
                await expect(contacts.get_by_role("link", name="Dr. Maximiliane")).to_be_visible()
                assert await overflow(page) <= 0, "the contacts list is wider than the phone"
                await page.screenshot(path=str(artifacts_dir / "phone-contacts.png"), full_page=True)

                # A German reader sees a German mobile number the way it is dialled at home.
                await contacts.get_by_role("link", name="Dr. Maximiliane").click()
                await expect(page.get_by_role("link", name="0151 12345678")).to_be_visible()

                # A company never enriched has no AI profile: the API says so without an error.
                profile_path = f"/api/ai/enrich/company/{company_id}"
                async with page.expect_response(lambda r: r.url.endswith(profile_path)) as profile:
                    await page.goto(f"{base}/companies/{company_id}")
                assert (await profile.value).status == 204
                await expect(page.get_by_role("button", name="Enrich with AI")).to_be_visible()
                await expect(page.get_by_role("list", name="Timeline")).to_be_visible()
                assert await overflow(page) <= 0, "the company page is wider than the phone"
                assert not [status for _, status in api if status >= 400], api
                assert not errors, errors
            finally:
                await browser.close()
