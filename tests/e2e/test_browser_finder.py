"""The lead finder in the browser, against local sites: list → live progress → results → import → company page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.async_api import async_playwright, expect

from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, free_port
from tests.e2e.browser import CHROMIUM_ARGS, chromium_path
from tests.e2e.procs import ROOT, outbound_process, wait_healthy
from tests.leads.sites import SiteServer, corpus_sites

pytestmark = [pytest.mark.browser, pytest.mark.slow]


async def test_find_import_and_open_company(tmp_path: Path, artifacts_dir: Path) -> None:
    assert (ROOT / "frontend" / "dist" / "index.html").exists(), "build the SPA first: make setup"
    sites = [s for s in corpus_sites() if not s.expected.get("js_required") and s.expected.get("company_name")][:3]
    port = free_port()
    # Three loopback addresses: the finder dedupes by registrable domain, and an IP is its own domain.
    with SiteServer(site=sites[0].root, host="127.0.0.1") as one, \
            SiteServer(site=sites[1].root, host="127.0.0.2") as two, \
            SiteServer(site=sites[2].root, host="127.0.0.3") as three:
        servers = [one, two, three]
        env = {"OUTBOUND_DATA_DIR": str(tmp_path), "OUTBOUND_ADMIN_EMAIL": ADMIN_EMAIL,
               "OUTBOUND_ADMIN_PASSWORD": ADMIN_PASSWORD, "OUTBOUND_PER_HOST_DELAY": "0",
               "OUTBOUND_RENDER_MODE": "never",
               # The local sites live on loopback: allow exactly their ports, nothing else.
               "OUTBOUND_ALLOW_ADDRESSES": json.dumps([s.address for s in servers])}
        log = tmp_path / "up.log"
        with outbound_process(["up", "--port", str(port)], env, log) as proc:
            wait_healthy(f"http://127.0.0.1:{port}/healthz", proc, log)
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                try:
                    page = await browser.new_page(viewport={"width": 1360, "height": 900})
                    await page.goto(f"http://127.0.0.1:{port}/leads")
                    await page.get_by_label("E-mail").fill(ADMIN_EMAIL)
                    await page.get_by_label("Password").fill(ADMIN_PASSWORD)
                    await page.get_by_role("button", name="Sign in").click()
                    await page.get_by_role("tab", name="Domain list").click()
                    urls = "\n".join(s.url("/") for s in servers) + "\nnot a domain!"
                    await page.get_by_label("Domains or URLs, one per line").fill(urls)
                    await page.get_by_role("button", name="Start finder").click()
                    await expect(page).to_have_url(f"http://127.0.0.1:{port}/leads/jobs/1")
                    progress = page.get_by_role("progressbar").first
                    await expect(progress).to_have_attribute("aria-valuenow", "3", timeout=60_000)
                    table = page.get_by_role("table", name="Finder results")
                    await expect(table.get_by_text(sites[0].expected["company_name"])).to_be_visible()
                    await page.screenshot(path=str(artifacts_dir / "finder-results.png"), full_page=True)
                    await page.get_by_label("Select all finished sites").check()
                    await page.get_by_role("button", name="Import selected").click()
                    await expect(page.get_by_text("Imported · view company").first).to_be_visible()
                    await page.get_by_text("Imported · view company").first.click()
                    await expect(page.get_by_role("heading", name=sites[0].expected["company_name"])).to_be_visible()
                    await page.screenshot(path=str(artifacts_dir / "company-page.png"), full_page=True)
                finally:
                    await browser.close()
