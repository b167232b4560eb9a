"""Cross-site logout and refresh: the refresh cookie's routes answer only this site's own pages.

Reported: a page on another origin that auto-submits a form to /api/auth/logout made the browser
drop the session. A form sends the cookie (same site, other origin) and an Origin naming its page.
"""

from __future__ import annotations

import httpx

from tests.gateway.support import embedded
from tests.users.support import COOKIE, SAME_ORIGIN, assert_problem, cookie_from, refresh_with, sign_in, users_app

FORM = {"content-type": "application/x-www-form-urlencoded"}


async def _post(client: httpx.AsyncClient, path: str, raw: str, headers: dict[str, str]) -> httpx.Response:
    client.cookies.clear()
    return await client.post(path, content=b"", headers={"cookie": f"{COOKIE}={raw}", **FORM, **headers})


async def test_a_form_from_another_origin_cannot_log_out_or_refresh(database_url):
    async with users_app(database_url) as (_app, client):
        _, raw = await sign_in(client)
        for headers in ({"origin": "https://evil.example"},
                        {"origin": "https://testserver:8443"},  # same site, another origin
                        {"origin": "http://testserver.evil.example"},
                        {"origin": "null"},  # sandboxed frames, opaque redirects
                        {"referer": "https://evil.example/page"},
                        {"origin": "https://evil.example", "referer": "https://testserver/"},
                        {}):  # nothing to show where it came from
            for path in ("/auth/logout", "/auth/refresh"):
                resp = await _post(client, path, raw, headers)
                assert_problem(resp, 403, "another site")
                assert cookie_from(resp) is None, (path, headers)  # the browser's cookie is left alone
        # The session survived all of it.
        assert (await refresh_with(client, raw)).status_code == 200


async def test_the_apps_own_pages_may(database_url):
    async with users_app(database_url, public_url="https://crm.example.com") as (_app, client):
        for headers in (SAME_ORIGIN, {"origin": "https://TESTSERVER:443"}, {"referer": "https://testserver/leads?x=1"},
                        {"x-requested-with": "outbound-spa"},  # what the SPA adds
                        {"origin": "https://crm.example.com"}):  # the configured public URL
            _, raw = await sign_in(client)
            resp = await _post(client, "/auth/refresh", raw, headers)
            assert resp.status_code == 200, (headers, resp.text)
            resp = await _post(client, "/auth/logout", cookie_from(resp)["value"], headers)
            assert resp.status_code == 204, (headers, resp.text)


async def test_forwarded_host_counts_only_from_a_trusted_proxy(database_url):
    forged = {"origin": "https://evil.example", "x-forwarded-host": "evil.example"}
    async with users_app(database_url, trusted_proxies=[]) as (_app, client):
        _, raw = await sign_in(client)
        assert_problem(await _post(client, "/auth/logout", raw, forged), 403)
    async with users_app(database_url) as (_app, client):  # the test client's address is a trusted proxy
        _, raw = await sign_in(client)
        assert (await _post(client, "/auth/logout", raw, forged)).status_code == 204


async def test_through_the_gateway(tmp_path):
    async with embedded(tmp_path) as (_app, client):
        resp = await client.post("/api/auth/login", json={"email": "admin@example.com",
                                                          "password": "admin password 123"})
        assert resp.status_code == 200
        assert_problem(await client.post("/api/auth/logout", headers={"origin": "https://evil.example"}), 403)
        assert_problem(await client.post("/api/auth/refresh", headers={"origin": "https://evil.example"}), 403)
        refreshed = await client.post("/api/auth/refresh", headers={"origin": "https://testserver"})
        assert refreshed.status_code == 200, refreshed.text
        assert (await client.post("/api/auth/logout", headers={"x-requested-with": "outbound-spa"})).status_code == 204
