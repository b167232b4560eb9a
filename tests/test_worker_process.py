"""`outbound worker <name>`: a process that claims a service's jobs and answers only its health route.

The distributed topology runs the API with ``OUTBOUND_WORKERS=0`` and the queue in worker processes: a
job enqueued in the database is done by the separate process, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from services.cli import app as cli
from services.kit.db import create_engine, migrate, session_factory
from services.kit.jobs import FINISHED, SUCCEEDED, JobQueue
from services.leads import csv_io
from services.leads.jobs import CSV_IMPORT
from services.leads.models import Company, Job
from tests.conftest import free_port

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = ROOT / "services" / "leads" / "migrations"


@pytest.fixture
def worker_process(database_url: str, tmp_path: Path) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("OUTBOUND_")},
           "OUTBOUND_DATABASE_URL": database_url, "OUTBOUND_DATA_DIR": str(tmp_path / "data"),
           "OUTBOUND_WORKERS": "2", "OUTBOUND_ENVIRONMENT": "test"}
    process = subprocess.Popen([sys.executable, "-m", "services.cli", "worker", "leads", "--port", str(port)],
                               cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        yield port, process
    finally:
        process.terminate()
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


async def wait_healthy(port: int, process: subprocess.Popen[str]) -> httpx.Response:
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=5) as client:
        for _ in range(600):
            assert process.poll() is None, process.communicate()[0]
            try:
                resp = await client.get("/leads/healthz")
            except httpx.TransportError:
                await asyncio.sleep(0.1)
                continue
            if resp.status_code == 200:
                return resp
            await asyncio.sleep(0.1)
    raise AssertionError("the worker process never answered its health route")


async def test_a_worker_process_does_the_queued_jobs_and_serves_no_api(
        database_url: str, worker_process: tuple[int, subprocess.Popen[str]]) -> None:
    port, process = worker_process
    engine = create_engine(database_url)
    try:
        # What `outbound migrate` does before the processes start (OUTBOUND_AUTO_MIGRATE=false in compose).
        await migrate(engine, MIGRATIONS, "alembic_version_leads")
        queue = JobQueue(Job, session_factory(engine))
        _header, rows = csv_io.parse_csv(b"name,website\nMuster Elektro GmbH,muster-elektro.example\n"
                                         b"Beispiel Dental,beispiel-dental.example\n")
        async with queue.sessions() as session, session.begin():
            job = await queue.enqueue(session, CSV_IMPORT, {"rows": [list(r) for r in rows], "owner": "1"},
                                      total=len(rows))
        await wait_healthy(port, process)
        for _ in range(600):
            async with queue.sessions() as session:
                done = await queue.get(session, job.id)
                if done.status in FINISHED:
                    break
            await asyncio.sleep(0.1)
        # Nothing in this test process runs jobs: the worker process did it.
        assert done.status == SUCCEEDED, (done.status, done.error)
        async with queue.sessions() as session:
            names = set((await session.execute(sa.select(Company.name))).scalars())
        assert names == {"Muster Elektro GmbH", "Beispiel Dental"}
    finally:
        await engine.dispose()
    # Its API is not served here: nothing routes to a worker process, and nothing should.
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=5) as client:
        for method, path in (("GET", "/leads/companies"), ("POST", "/leads/companies"), ("GET", "/openapi.json"),
                             ("GET", "/leads/docs"), ("POST", "/leads/healthz/../companies")):
            resp = await client.request(method, path)
            assert resp.status_code == 404, (method, path, resp.status_code)
            assert resp.headers["content-type"] == "application/problem+json"
            assert "outbound serve leads" in resp.json()["detail"]


@pytest.mark.parametrize(("args", "env", "message"), [
    (["worker", "users"], {}, "choose one of leads, ai, email, calendar"),
    (["worker", "gateway"], {}, "choose one of"),
    (["worker", "leads"], {"OUTBOUND_WORKERS": "0"}, "0 job slots does nothing"),
    (["worker", "leads", "--concurrency", "0"], {"OUTBOUND_WORKERS": "3"}, "0 job slots does nothing"),
    (["worker", "leads", "--concurrency", "65"], {}, "less than or equal to 64"),
])
def test_a_worker_without_a_queue_or_slots_is_refused(args: list[str], env: dict[str, str], message: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and message in " ".join(result.output.split()), result.output
