"""Small helpers the service and gateway tests share."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from services.users.settings import UsersSettings
from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD

SERVICE_SECRET = "test-service-secret-0123456789"

# A test that sweeps every route of an API (schemathesis, control characters) takes 2-3 minutes here: past the suite's
# 300 s on a machine twice as slow.
ROUTE_SWEEP = pytest.mark.timeout(900)


def users_settings(database_url: str, **overrides: Any) -> UsersSettings:
    fields: dict[str, Any] = {
        "database_url": database_url, "environment": "test", "admin_email": ADMIN_EMAIL,
        "admin_password": ADMIN_PASSWORD, "service_secret": SERVICE_SECRET,
        # Cheap argon2 parameters: same code path, a fraction of the CPU on a shared 2-core machine.
        "password_hash_time_cost": 1, "password_hash_memory_kib": 1024, "password_hash_parallelism": 1, **overrides,
    }
    return UsersSettings(**fields)


async def login(client: httpx.AsyncClient, email: str = ADMIN_EMAIL, password: str = ADMIN_PASSWORD,
                prefix: str = "", **kwargs: Any) -> str:
    resp = await client.post(f"{prefix}/auth/login", json={"email": email, "password": password}, **kwargs)
    assert resp.status_code == 200, resp.text
    return str(resp.json()["access_token"])


def bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


async def create_user(client: httpx.AsyncClient, admin_token: str, email: str, role: str,
                      password: str = "user password 123", prefix: str = "") -> dict[str, Any]:
    resp = await client.post(f"{prefix}/users", headers=bearer(admin_token),
                             json={"email": email, "name": email.split("@", maxsplit=1)[0], "role": role,
                                   "password": password})
    assert resp.status_code == 201, resp.text
    body: dict[str, Any] = resp.json()
    return body
