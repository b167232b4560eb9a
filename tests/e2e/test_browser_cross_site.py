"""Cross-site logout in a real browser: a page on another origin auto-submits a form to our logout.

The attacker's page is on the same host, another port: the same site, so the SameSite=Strict
refresh cookie goes along, and only the Origin check stops it. The SPA itself (refresh on reload,
log out) keeps working.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.async_api import async_playwright, expect

from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, free_port
from tests.e2e.browser import CHROMIUM_ARGS, chromium_path
from tests.e2e.procs import ROOT, outbound_process, wait_healthy

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@contextlib.contextmanager
def attacker_site(target: str) -> Iterator[str]:
    """Serves one page that posts a form to ``target`` as soon as it loads."""
    page = (f'<!doctype html><title>Win a prize</title><form id=f method=post action="{target}">'
            '<input name=x value=1></form><script>document.getElementById("f").submit()</script>').encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "text/html")
            self.send_header("content-length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *_args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


async def test_another_origins_form_cannot_log_the_user_out(tmp_path: Path) -> None:
    assert (ROOT / "frontend" / "dist" / "index.html").exists(), "build the SPA first: make setup"
    port = free_port()
    env = {"OUTBOUND_DATA_DIR": str(tmp_path), "OUTBOUND_ADMIN_EMAIL": ADMIN_EMAIL,
           "OUTBOUND_ADMIN_PASSWORD": ADMIN_PASSWORD, "OUTBOUND_WORKERS": "0"}
    log = tmp_path / "up.log"
    app = f"http://127.0.0.1:{port}"
    with outbound_process(["up", "--port", str(port)], env, log) as proc, \
            attacker_site(f"{app}/api/auth/logout") as evil:
        wait_healthy(f"{app}/healthz", proc, log)
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                context = await browser.new_context()
                page = await context.new_page()
                await page.goto(f"{app}/leads")
                await page.get_by_label("E-mail").fill(ADMIN_EMAIL)
                await page.get_by_label("Password").fill(ADMIN_PASSWORD)
                await page.get_by_role("button", name="Sign in").click()
                await expect(page.get_by_role("button", name="Log out")).to_be_visible()
                assert any(c["name"] == "outbound_refresh" for c in await context.cookies())

                # The visit to the other page: its form lands on our logout, cookie and all.
                other = await context.new_page()
                async with other.expect_response(f"{app}/api/auth/logout") as answer:
                    await other.goto(evil, wait_until="commit")
                response = await answer.value
                assert response.request.method == "POST"
                assert response.status == 403, response.status
                assert "another site" in (await response.json())["detail"]
                await other.close()

                # Still signed in: a reload refreshes silently with the cookie the form could not clear.
                await page.reload()
                await expect(page.get_by_role("button", name="Log out")).to_be_visible()
                # And the SPA's own logout still works.
                await page.get_by_role("button", name="Log out").click()
                await expect(page.get_by_role("heading", name="Sign in to Outbound CRM")).to_be_visible()
                assert not any(c["name"] == "outbound_refresh" and c["value"] for c in await context.cookies())
            finally:
                await browser.close()
