"""A person's path through the SPA: sign in, open Admin → Users, see the accounts, sign out."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import async_playwright, expect

from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, free_port
from tests.e2e.browser import CHROMIUM_ARGS, chromium_path
from tests.e2e.procs import ROOT, outbound_process, wait_healthy

pytestmark = [pytest.mark.browser, pytest.mark.slow]


async def test_admin_signs_in_and_manages_users(tmp_path: Path, artifacts_dir: Path) -> None:
    assert (ROOT / "frontend" / "dist" / "index.html").exists(), "build the SPA first: make setup"
    port = free_port()
    env = {"OUTBOUND_DATA_DIR": str(tmp_path), "OUTBOUND_ADMIN_EMAIL": ADMIN_EMAIL,
           "OUTBOUND_ADMIN_PASSWORD": ADMIN_PASSWORD}
    log = tmp_path / "up.log"
    with outbound_process(["up", "--port", str(port)], env, log) as proc:
        wait_healthy(f"http://127.0.0.1:{port}/healthz", proc, log)
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                page = await browser.new_page(viewport={"width": 1360, "height": 860})
                errors: list[str] = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                await page.goto(f"http://127.0.0.1:{port}/admin/users")
                await expect(page.get_by_role("heading", name="Sign in to Outbound CRM")).to_be_visible()
                await page.get_by_label("E-mail").fill(ADMIN_EMAIL)
                await page.get_by_label("Password").fill("wrong password")
                await page.get_by_role("button", name="Sign in").click()
                await expect(page.get_by_text("Wrong e-mail or password.")).to_be_visible()
                await page.get_by_label("Password").fill(ADMIN_PASSWORD)
                await page.get_by_role("button", name="Sign in").click()
                # Back where we wanted to go, with the real account listed.
                await expect(page).to_have_url(f"http://127.0.0.1:{port}/admin/users")
                await expect(page.get_by_role("cell", name=ADMIN_EMAIL).first).to_be_visible()
                await page.screenshot(path=str(artifacts_dir / "admin-users.png"), full_page=True)
                # A reload keeps the session: the refresh cookie gets a new access token silently.
                await page.reload()
                await expect(page.get_by_role("cell", name=ADMIN_EMAIL).first).to_be_visible()
                await page.get_by_role("link", name="Audit log").click()
                await expect(page.get_by_role("cell", name="login.failed")).to_be_visible()
                await expect(page.get_by_role("cell", name="login.ok").first).to_be_visible()
                await page.screenshot(path=str(artifacts_dir / "audit-log.png"), full_page=True)
                await page.get_by_role("button", name="Log out").click()
                await expect(page.get_by_role("heading", name="Sign in to Outbound CRM")).to_be_visible()
                assert not errors, errors
            finally:
                await browser.close()
