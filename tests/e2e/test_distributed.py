"""The distributed topology: users and gateway as separate processes, talking HTTP on loopback."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, free_port, pg_database
from tests.e2e.procs import outbound_process, wait_healthy


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_login_through_gateway_to_users_process(backend: str, tmp_path: Path) -> None:
    users_port, gw_port = free_port(), free_port()
    env = {
        "OUTBOUND_DATA_DIR": str(tmp_path), "OUTBOUND_ADMIN_EMAIL": ADMIN_EMAIL,
        "OUTBOUND_ADMIN_PASSWORD": ADMIN_PASSWORD, "OUTBOUND_USERS_URL": f"http://127.0.0.1:{users_port}",
        "OUTBOUND_ENVIRONMENT": "test", "OUTBOUND_COOKIE_SECURE": "false",
        "OUTBOUND_SERVICE_SECRET": "e2e-service-secret-0123456789",
    }
    async with pg_database() as pg_url:
        if backend == "postgres":
            env["OUTBOUND_USERS_DATABASE_URL"] = pg_url
        users_cmd = ["serve", "users", "--port", str(users_port)]
        gw_cmd = ["serve", "gateway", "--port", str(gw_port)]
        with outbound_process(users_cmd, env, tmp_path / "users.log") as users, \
                outbound_process(gw_cmd, env, tmp_path / "gw.log") as gw:
            wait_healthy(f"http://127.0.0.1:{users_port}/auth/healthz", users, tmp_path / "users.log")
            wait_healthy(f"http://127.0.0.1:{gw_port}/api/auth/healthz", gw, tmp_path / "gw.log")
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{gw_port}") as client:
                resp = await client.post("/api/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD},
                                         headers={"x-request-id": "e2e-trace-1"})
                assert resp.status_code == 200, resp.text
                assert resp.headers["x-request-id"] == "e2e-trace-1"
                cookie = resp.headers["set-cookie"]
                assert "HttpOnly" in cookie and "Path=/api/auth" in cookie
                token = resp.json()["access_token"]
                me = await client.get("/api/auth/me", headers={"authorization": f"Bearer {token}"})
                assert me.status_code == 200 and me.json()["email"] == ADMIN_EMAIL
                # As a browser on the gateway's page sends it: its Origin, which the users service behind
                # the gateway checks against the forwarded host.
                refreshed = await client.post("/api/auth/refresh", headers={"origin": f"http://127.0.0.1:{gw_port}"})
                assert refreshed.status_code == 200 and refreshed.json()["access_token"] != token
                wrong = await client.post("/api/auth/login", json={"email": ADMIN_EMAIL, "password": "nope"})
                assert wrong.status_code == 401
                assert wrong.headers["content-type"].startswith("application/problem+json")
                # Services the gateway cannot reach make /healthz say so instead of pretending.
                health = await client.get("/healthz")
                assert health.status_code == 503 and health.json()["services"]["users"] == "ok"
            # The request id crossed the hop: the users service logged the gateway's id.
            assert "e2e-trace-1" in (tmp_path / "users.log").read_text()
