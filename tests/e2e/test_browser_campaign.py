"""An admin's first campaign through the real stack: template, campaign to two contacts on the Local
catcher mailbox, start, live progress to 2 sent, and the caught mail in the SPA."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.async_api import async_playwright, expect

from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, free_port
from tests.e2e.browser import CHROMIUM_ARGS, chromium_path
from tests.e2e.procs import ROOT, outbound_process, wait_healthy

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def seed_contacts(base: str) -> None:
    token = httpx.post(f"{base}/api/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}).json()
    auth = {"authorization": f"Bearer {token['access_token']}"}
    for name, email in (("Ada Lovelace", "ada@example.org"), ("Grace Hopper", "grace@example.org")):
        made = httpx.post(f"{base}/api/leads/contacts", headers=auth,
                          json={"name": name, "email": email, "tags": ["first-campaign"]}).json()
        assert "id" in made, made
    # Someone without the tag, so the audience count has something to leave out.
    httpx.post(f"{base}/api/leads/contacts", headers=auth, json={"name": "Not Included", "email": "no@example.org"})


async def test_first_campaign_to_the_local_catcher(tmp_path: Path, artifacts_dir: Path) -> None:
    assert (ROOT / "frontend" / "dist" / "index.html").exists(), "build the SPA first: make setup"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {"OUTBOUND_DATA_DIR": str(tmp_path), "OUTBOUND_ADMIN_EMAIL": ADMIN_EMAIL,
           "OUTBOUND_ADMIN_PASSWORD": ADMIN_PASSWORD, "OUTBOUND_SMTP_CATCHER_PORT": str(free_port())}
    log = tmp_path / "up.log"
    with outbound_process(["up", "--port", str(port)], env, log) as proc:
        wait_healthy(f"{base}/healthz", proc, log)
        seed_contacts(base)
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                page = await browser.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                failed: list[tuple[str, int]] = []
                page.on("response", lambda r: failed.append((r.url, r.status)) if "/api/" in r.url and r.status >= 400
                        and not r.url.endswith("/api/auth/refresh") and "/stats" not in r.url else None)

                await page.goto(f"{base}/templates/new")
                await page.get_by_label("E-mail").fill(ADMIN_EMAIL)
                await page.get_by_label("Password").fill(ADMIN_PASSWORD)
                await page.get_by_role("button", name="Sign in").click()

                # A template with a variable, saved through the editor.
                await page.get_by_role("textbox", name="Name").fill("First touch")
                await page.get_by_role("textbox", name="Subject").fill("Hello {{ contact.first_name }}")
                await page.get_by_role("textbox", name="HTML body").fill(
                    "<p>Hi {{ contact.first_name }},</p>\n<p>a first campaign through the local catcher.</p>")
                await page.get_by_role("button", name="Save template").click()
                await expect(page).to_have_url(re.compile(r"/templates/\d+$"))

                # The campaign: the tagged contacts (live count), one step, the Local catcher mailbox.
                await page.goto(f"{base}/campaigns/new")
                await page.get_by_role("textbox", name="Campaign name").fill("First campaign")
                await page.get_by_role("textbox", name="Tag").fill("first-campaign")
                await expect(page.get_by_test_id("audience-count")).to_have_text("2 contacts · 2 eligible now")
                await page.get_by_role("combobox", name="Step 1 template").select_option(label="First touch")
                await page.get_by_role("checkbox", name=re.compile("Local catcher")).check()
                await page.get_by_role("button", name="Create draft").click()
                await expect(page).to_have_url(re.compile(r"/campaigns/\d+$"))
                await expect(page.get_by_test_id("eligibility-summary")).to_contain_text("2 of 2 contacts")

                # Start as admin; the page polls until both messages went out over SMTP.
                await page.get_by_role("button", name="Start").click()
                await expect(page.get_by_role("button", name="Pause")).to_be_visible()
                await expect(page.get_by_test_id("progress-summary")).to_have_text("2 of 2 sent", timeout=60_000)
                messages = page.get_by_role("table", name="Messages")
                for address in ("ada@example.org", "grace@example.org"):
                    row = messages.get_by_role("row").filter(has_text=address)
                    await expect(row.get_by_text("Sent", exact=True)).to_be_visible()
                await page.screenshot(path=str(artifacts_dir / "campaign-sent.png"), full_page=True)

                # What the catcher received, as the SPA shows it.
                await page.goto(f"{base}/mailboxes/caught")
                caught = page.get_by_role("list", name="Caught messages")
                await expect(caught.get_by_role("button")).to_have_count(2)
                await caught.get_by_role("button", name=re.compile("Hello Ada")).click()
                message = page.get_by_role("region", name="Message")
                await expect(message.get_by_role("heading", name="Hello Ada")).to_be_visible()
                frame = page.frame_locator("iframe[title='HTML part']")
                await expect(frame.get_by_text("Hi Ada,")).to_be_visible()
                await message.get_by_role("tab", name=re.compile("Headers")).click()
                await expect(message.get_by_text("List-Unsubscribe:", exact=True)).to_be_visible()
                # Without OUTBOUND_PUBLIC_URL the links point where this stack answers, not at the default port.
                await expect(message.get_by_text(f"<{base}/api/email/unsubscribe/", exact=False)).to_be_visible()
                await page.screenshot(path=str(artifacts_dir / "campaign-caught.png"), full_page=True)
                assert not failed, failed
                assert not errors, errors
            finally:
                await browser.close()
