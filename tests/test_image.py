"""The image is built and run, not hoped for: `make image` (deploy/image/build.sh) with podman, then the
container started as compose and Kubernetes start it — read-only root, non-root user, published port.

Slow (minutes from a clean machine: debootstrap, npm ci, apt, pip; seconds with the layer cache) and
skipped where podman is missing (deploy/image/setup.sh installs it). PostgreSQL runs from Debian's
package in the same base (deploy/image/postgres.Containerfile), published on a free port: the host's
PostgreSQL holds 5432.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parent.parent
IMAGE = "localhost/outbound-crm:test"
POSTGRES_IMAGE = "localhost/outbound-postgres:15"
RUN_ID = uuid.uuid4().hex[:8]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.podman,
    pytest.mark.skipif(shutil.which("podman") is None, reason="podman is not installed (deploy/image/setup.sh)"),
    pytest.mark.timeout(1800),
]


def podman(*args: str, check: bool = True, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(["podman", *args], capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"podman {' '.join(args)} failed: {result.stderr[-3000:]}")
    return result


@pytest.fixture(scope="module")
def image() -> str:
    env = {**os.environ, "IMAGE": IMAGE}
    build = subprocess.run(["make", "--no-print-directory", "image"], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=1700)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    return IMAGE


@pytest.fixture
def names() -> Iterator[list[str]]:
    """Containers and pods a test starts, removed afterwards whatever happens."""
    started: list[str] = []
    yield started
    for name in reversed(started):
        podman("pod" if name.startswith("pod-") else "container", "rm", "-f", name, check=False)


def wait_for(url: str, container: str, deadline: float = 120) -> httpx.Response:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            resp = httpx.get(url, timeout=5)
            if resp.status_code == 200:
                return resp
        except httpx.TransportError:
            pass
        state = podman("inspect", container, "--format", "{{.State.Status}}", check=False).stdout.strip()
        if state in ("exited", "stopped"):
            break
        time.sleep(0.5)
    logs = podman("logs", container, check=False)
    raise AssertionError(f"{url} never answered 200; logs:\n{(logs.stdout + logs.stderr)[-4000:]}")


def test_the_image_runs_outbound_up_read_only_as_a_non_root_user(image: str, names: list[str]) -> None:
    inspected = json.loads(podman("image", "inspect", image).stdout)[0]
    config = inspected["Config"]
    assert config["User"] == "10001:10001"
    assert config["Entrypoint"] == ["/usr/bin/tini", "--", "outbound"]
    assert config["Cmd"] == ["up", "--host", "0.0.0.0", "--port", "8000"]
    assert "/healthz" in " ".join(inspected["Healthcheck"]["Test"]), "built with --format docker: HEALTHCHECK kept"
    assert set(config["Volumes"]) == {"/data", "/tmp"}

    port = free_port()
    container = f"outbound-test-up-{RUN_ID}"
    names.append(container)
    podman("run", "-d", "--name", container, "--read-only", "-p", f"127.0.0.1:{port}:8000", image)
    health = wait_for(f"http://127.0.0.1:{port}/healthz", container).json()
    assert health["status"] == "ok" and set(health["services"].values()) == {"ok"}

    index = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
    assert index.status_code == 200 and "<title>Outbound CRM</title>" in index.text
    scripts = re.findall(r'src="(/assets/[^"]+\.js)"', index.text)
    assert scripts, "the built SPA, not a placeholder"
    assert httpx.get(f"http://127.0.0.1:{port}{scripts[0]}", timeout=5).status_code == 200
    # A client-side route gets the SPA's index too.
    assert "<title>Outbound CRM</title>" in httpx.get(f"http://127.0.0.1:{port}/companies", timeout=5).text

    assert podman("healthcheck", "run", container, check=False).returncode == 0, "the image's own HEALTHCHECK"
    assert podman("exec", container, "id", "-u").stdout.strip() == "10001"
    assert podman("exec", container, "touch", "/app/written", check=False).returncode != 0, "the root is read-only"
    assert podman("exec", container, "test", "-x", "/usr/bin/chromium").returncode == 0


def test_the_image_migrates_serves_and_works_a_queue_on_postgresql(image: str, names: list[str]) -> None:
    podman("build", "--quiet", "--format", "docker", "-f", str(ROOT / "deploy" / "image" / "postgres.Containerfile"),
           "-t", POSTGRES_IMAGE, str(ROOT / "deploy" / "image"), timeout=900)
    leads_port, worker_port, pg_port = free_port(), free_port(), free_port()
    pod = f"pod-outbound-test-{RUN_ID}"
    names.append(pod)
    # One network namespace, as in a Kubernetes pod: PostgreSQL on the pod's own 5432, published elsewhere.
    podman("pod", "create", "--name", pod, "-p", f"127.0.0.1:{leads_port}:8002",
           "-p", f"127.0.0.1:{worker_port}:9002", "-p", f"127.0.0.1:{pg_port}:5432")
    password = uuid.uuid4().hex
    postgres = f"outbound-test-pg-{RUN_ID}"
    names.append(postgres)
    podman("run", "-d", "--pod", pod, "--name", postgres, "-e", f"POSTGRES_PASSWORD={password}", POSTGRES_IMAGE)
    for _ in range(120):
        if podman("healthcheck", "run", postgres, check=False).returncode == 0:
            break
        time.sleep(0.5)
    else:
        raise AssertionError(podman("logs", postgres, check=False).stderr[-3000:])

    env = ["-e", f"OUTBOUND_DATABASE_URL=postgresql://outbound:{password}@127.0.0.1:5432/outbound",
           "-e", "OUTBOUND_ENVIRONMENT=production", "-e", f"OUTBOUND_SERVICE_SECRET={uuid.uuid4().hex}",
           "-e", "OUTBOUND_AUTO_MIGRATE=false"]
    # The migrate Job / compose service: a one-shot that must succeed before anything serves.
    migrate = podman("run", "--rm", "--pod", pod, "--read-only", *env, image, "migrate", timeout=300)
    assert "leads: up to date" in migrate.stderr

    leads, worker = f"outbound-test-leads-{RUN_ID}", f"outbound-test-leads-worker-{RUN_ID}"
    names += [leads, worker]
    podman("run", "-d", "--pod", pod, "--name", leads, "--read-only", *env, "-e", "OUTBOUND_WORKERS=0",
           image, "serve", "leads", "--host", "0.0.0.0", "--port", "8002")
    podman("run", "-d", "--pod", pod, "--name", worker, "--read-only", *env, "-e", "OUTBOUND_WORKERS=2",
           image, "worker", "leads", "--host", "0.0.0.0", "--port", "9002")
    assert wait_for(f"http://127.0.0.1:{leads_port}/leads/healthz", leads).json()["service"] == "leads"
    assert wait_for(f"http://127.0.0.1:{worker_port}/leads/healthz", worker).json()["service"] == "leads"
    assert httpx.get(f"http://127.0.0.1:{worker_port}/leads/companies", timeout=5).status_code == 404

    async def schema_tables() -> set[str]:
        conn = await asyncpg.connect(f"postgresql://outbound:{password}@127.0.0.1:{pg_port}/outbound")
        try:
            rows = await conn.fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
        finally:
            await conn.close()
        return {row["table_name"] for row in rows}

    tables = asyncio.run(schema_tables())
    assert {f"alembic_version_{name}" for name in ("users", "leads", "ai", "email", "calendar")} <= tables
