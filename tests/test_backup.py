"""Backup and restore as docs/deployment.md tells an operator: pg_dump in the custom format, pg_restore into
an empty database, and the application reads everything back — accounts, signing keys, CRM data.

The whole stack runs on one PostgreSQL database (OUTBOUND_DATABASE_URL), as in docker-compose.yml.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import asyncpg
import pytest

from tests.conftest import pg_database
from tests.gateway.support import embedded
from tests.helpers import bearer, login

pytestmark = pytest.mark.postgres


def libpq_url(sqlalchemy_url: str) -> str:
    return sqlalchemy_url.replace("postgresql+asyncpg://", "postgresql://")


def tool(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))), None)
    if found is None:
        pytest.fail(f"{name} is missing: install Debian's postgresql-client (CI's .ci/run installs postgresql)")
    return str(found)


async def test_a_dump_restored_into_a_new_database_is_read_back_by_the_application(tmp_path: Path) -> None:
    dump = tmp_path / "outbound.dump"
    async with pg_database() as original:
        async with embedded(tmp_path / "before", database_url=original) as (_app, client):
            token = await login(client, prefix="/api")
            me = (await client.get("/api/auth/me", headers=bearer(token))).json()
            resp = await client.post("/api/leads/companies", headers=bearer(token),
                                     json={"name": "Muster Elektro GmbH", "website": "https://muster-elektro.example",
                                           "city": "Graz"})
            assert resp.status_code == 201, resp.text
            company = resp.json()
            resp = await client.post(f"/api/leads/companies/{company['id']}/notes", headers=bearer(token),
                                     json={"body": "Called the owner: wants a demo in March."})
            assert resp.status_code == 201, resp.text
        # The operator's command (docs/deployment.md), against the live database.
        subprocess.run([tool("pg_dump"), "--format=custom", f"--file={dump}", libpq_url(original)], check=True)

    assert dump.stat().st_size > 0
    async with pg_database() as restored:
        subprocess.run([tool("pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={libpq_url(restored)}",
                        str(dump)], check=True)
        conn = await asyncpg.connect(libpq_url(restored))
        try:
            versions = {row["table_name"] for row in await conn.fetch(
                "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'alembic_version_%'")}
        finally:
            await conn.close()
        assert versions == {f"alembic_version_{name}" for name in ("users", "leads", "ai", "email", "calendar")}

        # A new stack with a fresh data directory: everything it needs must come from the database.
        async with embedded(tmp_path / "after", database_url=restored) as (_app, client):
            token = await login(client, prefix="/api")
            assert (await client.get("/api/auth/me", headers=bearer(token))).json()["id"] == me["id"], \
                "the same account, not a new admin made on an empty database"
            resp = await client.get(f"/api/leads/companies/{company['id']}", headers=bearer(token))
            assert resp.status_code == 200 and resp.json()["name"] == "Muster Elektro GmbH"
            notes = (await client.get(f"/api/leads/companies/{company['id']}/notes", headers=bearer(token))).json()
            assert [n["body"] for n in notes] == ["Called the owner: wants a demo in March."]
            # The restored database keeps taking writes (its sequences came along).
            resp = await client.post("/api/leads/companies", headers=bearer(token), json={"name": "Beispiel Dental"})
            assert resp.status_code == 201 and resp.json()["id"] != company["id"]
