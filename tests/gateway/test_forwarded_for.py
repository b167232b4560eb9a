"""X-Forwarded-For from loopback, against `outbound up` as it really runs (uvicorn and all).

uvicorn's own proxy-header handling trusts 127.0.0.1 unless told otherwise, so with an empty
trusted-proxy setting anyone on the machine (or any local reverse proxy passing the header on)
could pick their address per request: dodge the per-address rate limit and the login throttle, and
write any address into the audit log. Only services/kit/proxies.py may read the header.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, free_port
from tests.e2e.procs import outbound_process, wait_healthy


def test_a_rotating_forwarded_for_from_loopback_changes_nothing(tmp_path: Path) -> None:
    port = free_port()
    env = {"OUTBOUND_DATA_DIR": str(tmp_path), "OUTBOUND_ADMIN_EMAIL": ADMIN_EMAIL,
           "OUTBOUND_ADMIN_PASSWORD": ADMIN_PASSWORD, "OUTBOUND_RATE_LIMIT_IP": "60",
           "OUTBOUND_LOGIN_MAX_FAILURES_IP": "5", "OUTBOUND_LOGIN_MAX_FAILURES_ACCOUNT": "50",
           "OUTBOUND_PASSWORD_HASH_TIME_COST": "1", "OUTBOUND_PASSWORD_HASH_MEMORY_KIB": "1024",
           "OUTBOUND_PASSWORD_HASH_PARALLELISM": "1", "OUTBOUND_WORKERS": "0", "OUTBOUND_LOG_LEVEL": "WARNING"}
    log = tmp_path / "up.log"
    with outbound_process(["up", "--port", str(port)], env, log) as proc:
        wait_healthy(f"http://127.0.0.1:{port}/healthz", proc, log)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            admin = client.post("/api/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
            assert admin.status_code == 200, admin.text
            token = admin.json()["access_token"]

            # The login throttle per address: five failures, each "from" another address, then blocked.
            statuses = []
            for i in range(7):
                resp = client.post("/api/auth/login", json={"email": f"guess{i}@example.com", "password": "wrong"},
                                   headers={"x-forwarded-for": f"203.0.113.{i}"})
                statuses.append(resp.status_code)
            assert statuses == [401] * 5 + [429] * 2, statuses

            # The audit log names the real address, not the claimed ones.
            audit = client.get("/api/auth/audit", params={"event": "login.failed"},
                               headers={"authorization": f"Bearer {token}"})
            assert audit.status_code == 200, audit.text
            assert {e["ip"] for e in audit.json()["items"]} == {"127.0.0.1"}, audit.json()["items"]

            # The gateway's per-address rate limit (burst 20 at 60/min) counts every request as ours.
            statuses = [client.get("/api/auth/jwks", headers={"x-forwarded-for": f"198.51.100.{i}"}).status_code
                        for i in range(40)]
            assert 429 in statuses, statuses
            assert statuses.index(429) <= 21, statuses
