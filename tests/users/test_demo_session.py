"""The public demo's door: "Enter the demo" gives a demo-role session without a password, only in demo mode,
limited per address; the banner learns when the data is reset next."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.helpers import bearer
from tests.users.support import COOKIE, SAME_ORIGIN, assert_problem, cookie_from, users_app


async def test_outside_demo_mode_there_is_no_demo_door(database_url: str) -> None:
    async with users_app(database_url) as (_app, client):
        assert (await client.get("/auth/demo")).json() == {"enabled": False, "reset_cron": None,
                                                           "next_reset_at": None}
        assert_problem(await client.post("/auth/demo", headers=SAME_ORIGIN), 404)


async def test_enter_the_demo_as_the_demo_role_and_the_banner_knows_the_next_reset(database_url: str) -> None:
    async with users_app(database_url, demo_mode=True, demo_reset_cron="*/20 * * * *",
                         demo_sessions_per_ip=3) as (_app, client):
        info = (await client.get("/auth/demo")).json()
        assert info["enabled"] is True and info["reset_cron"] == "*/20 * * * *"
        next_reset = datetime.fromisoformat(info["next_reset_at"])
        assert 0 < (next_reset - datetime.now(UTC)).total_seconds() <= 20 * 60
        resp = await client.post("/auth/demo", headers=SAME_ORIGIN)
        assert resp.status_code == 200, resp.text
        assert cookie_from(resp) is not None and resp.headers["cache-control"] == "no-store"
        me = (await client.get("/auth/me", headers=bearer(resp.json()["access_token"]))).json()
        assert me["role"] == "demo" and me["email"] == "visitor@demo.outbound.invalid"
        # The session refreshes like any other.
        refreshed = await client.post("/auth/refresh", headers=SAME_ORIGIN)
        assert refreshed.status_code == 200 and client.cookies.get(COOKIE)
        # A page on another site cannot sign a browser into the demo.
        assert_problem(await client.post("/auth/demo", headers={"origin": "https://evil.example"}), 403)
        # Three sessions per address in the window, then the address waits.
        for _ in range(2):
            assert (await client.post("/auth/demo", headers=SAME_ORIGIN)).status_code == 200
        limited = await client.post("/auth/demo", headers=SAME_ORIGIN)
        assert_problem(limited, 429, "demo sessions") and int(limited.headers["retry-after"]) > 0
        # The demo account has no password anyone knows, and stays a demo account.
        login = await client.post("/auth/login", json={"email": "visitor@demo.outbound.invalid",
                                                       "password": "visitor@demo.outbound.invalid"})
        assert login.status_code in (401, 429)
