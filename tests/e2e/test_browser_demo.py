"""A prospect's first minute in the public demo: the sign-in page says it is the demo and when it resets,
one click enters it, the banner stays, and an AI button is disabled with its reason on focus and hover."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import async_playwright, expect

from services.demo.seed import run
from tests.conftest import free_port
from tests.demo.support import CALENDAR_SECRET, database_urls, settings_for
from tests.e2e.browser import CHROMIUM_ARGS, chromium_path
from tests.e2e.procs import ROOT, outbound_process, wait_healthy

pytestmark = [pytest.mark.browser, pytest.mark.slow]


async def test_a_visitor_enters_the_demo_and_sees_why_ai_is_off(tmp_path: Path, artifacts_dir: Path) -> None:
    assert (ROOT / "frontend" / "dist" / "index.html").exists(), "build the SPA first: make setup"
    data_dir = tmp_path / "data"
    await run("seed", settings=settings_for(database_urls("sqlite", data_dir), data_dir))
    port = free_port()
    env = {"OUTBOUND_DATA_DIR": str(data_dir), "OUTBOUND_DEMO_MODE": "true",
           "OUTBOUND_CALENDAR_SECRET": CALENDAR_SECRET, "OUTBOUND_PUBLIC_URL": f"http://127.0.0.1:{port}"}
    log = tmp_path / "up.log"
    with outbound_process(["up", "--port", str(port)], env, log) as proc:
        wait_healthy(f"http://127.0.0.1:{port}/healthz", proc, log)
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                page = await browser.new_page(viewport={"width": 1360, "height": 860})
                errors: list[str] = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                await page.goto(f"http://127.0.0.1:{port}/companies")
                await expect(page.get_by_role("heading", name="Sign in to Outbound CRM")).to_be_visible()
                banner = page.get_by_role("note", name="Demo mode")
                await expect(banner).to_contain_text("Public demo — data resets every hour, next reset in")
                await page.screenshot(path=str(artifacts_dir / "demo-sign-in.png"), full_page=True)

                await page.get_by_role("button", name="Enter the demo").click()
                await expect(page).to_have_url(f"http://127.0.0.1:{port}/companies")
                await expect(banner).to_contain_text("Public demo")
                # The seeded showcase: a company the demo's crawl and AI profile describe.
                first = page.get_by_role("table", name="Companies").get_by_role("link").first
                await expect(first).to_be_visible()
                await first.click()
                enrich = page.get_by_role("button", name="Enrich with AI")
                await expect(enrich).to_have_attribute("aria-disabled", "true")
                tooltip = page.get_by_role("tooltip")
                await expect(tooltip).to_have_count(0)
                await enrich.focus()  # keyboard users learn why too
                await expect(tooltip).to_have_text("AI is switched off in the public demo.")
                await page.mouse.move(0, 0)
                await enrich.blur()
                await expect(tooltip).to_have_count(0)
                await enrich.hover()
                await expect(tooltip).to_be_visible()
                await expect(banner).to_be_visible()
                await page.screenshot(path=str(artifacts_dir / "demo-ai-disabled.png"), full_page=True)
                assert not errors, errors
            finally:
                await browser.close()
