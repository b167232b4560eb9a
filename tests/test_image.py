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
import sys
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


@pytest.fixture(scope="module")
def postgres_image() -> str:
    podman("build", "--quiet", "--format", "docker", "-f", str(ROOT / "deploy" / "image" / "postgres.Containerfile"),
           "-t", POSTGRES_IMAGE, str(ROOT / "deploy" / "image"), timeout=900)
    return POSTGRES_IMAGE


@pytest.fixture
def names() -> Iterator[list[str]]:
    """Containers and pods a test starts, removed afterwards whatever happens."""
    started: list[str] = []
    yield started
    for name in reversed(started):
        if name.startswith("pod-"):
            podman("pod", "rm", "-f", name, check=False)
        else:  # -v: the anonymous /data and /tmp volumes go too
            podman("container", "rm", "-f", "-v", name, check=False)


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


def test_the_image_migrates_serves_and_works_a_queue_on_postgresql(image: str, postgres_image: str,
                                                                   names: list[str]) -> None:
    leads_port, worker_port, pg_port = free_port(), free_port(), free_port()
    pod = f"pod-outbound-test-{RUN_ID}"
    names.append(pod)
    # One network namespace, as in a Kubernetes pod: PostgreSQL on the pod's own 5432, published elsewhere.
    podman("pod", "create", "--name", pod, "-p", f"127.0.0.1:{leads_port}:8002",
           "-p", f"127.0.0.1:{worker_port}:9002", "-p", f"127.0.0.1:{pg_port}:5432")
    password = uuid.uuid4().hex
    postgres = f"outbound-test-pg-{RUN_ID}"
    names.append(postgres)
    podman("run", "-d", "--pod", pod, "--name", postgres, "-e", f"POSTGRES_PASSWORD={password}", postgres_image)
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


def wait_healthy(container: str, deadline: float = 180) -> None:
    """podman 4.3 runs no healthchecks on its own (no systemd): run the container's own, as Compose would."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if podman("healthcheck", "run", container, check=False).returncode == 0:
            return
        time.sleep(1)
    logs = podman("logs", container, check=False)
    raise AssertionError(f"{container} never became healthy:\n{(logs.stdout + logs.stderr)[-4000:]}")


class ComposeStack:
    """A compose file as Compose resolves it, run by podman-compose on the images built here.

    podman 4.3 honours neither `service_healthy` nor `service_completed_successfully`, so the stack is
    started in the order those conditions give (PostgreSQL, migrate, the rest) and the healthchecks the
    file declares are run by hand; only the image names are pointed at the local builds.
    """

    def __init__(self, file: str, env: dict[str, str], image: str, postgres_image: str, workdir: Path) -> None:
        from tests.test_deploy import compose

        resolved = compose([file], "config", "--format", "json", env=env)
        assert resolved.returncode == 0, resolved.stderr
        self.config = json.loads(resolved.stdout)
        self.config.pop("name", None)
        for name, service in self.config["services"].items():
            service.pop("build", None)
            service.pop("depends_on", None)
            service["image"] = postgres_image if name == "postgres" else image
        self.file = workdir / "compose.json"
        self.file.write_text(json.dumps(self.config))
        self.workdir = workdir
        self.project = f"outbound-test-{Path(file).stem.replace('.', '-')}-{RUN_ID}"
        self.tool = str(Path(sys.executable).parent / "podman-compose")

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([self.tool, "-p", self.project, "-f", str(self.file), *args], capture_output=True,
                                text=True, timeout=600, cwd=self.workdir)
        assert not check or result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
        return result

    def container(self, service: str) -> str:
        return f"{self.project}_{service}_1"

    def up(self) -> list[str]:
        """Everything up and healthy, in dependency order; the long-running services' names."""
        self.run("up", "-d", "postgres")
        wait_healthy(self.container("postgres"))
        self.run("up", "-d", "migrate")
        exit_code = podman("wait", self.container("migrate"), timeout=300).stdout.strip()
        assert exit_code == "0", podman("logs", self.container("migrate"), check=False).stderr[-3000:]
        services = [name for name in self.config["services"] if name not in ("postgres", "migrate")]
        self.run("up", "-d", *services)
        for name in services:
            wait_healthy(self.container(name))
        return services

    def down(self) -> None:
        # `down -v` leaves the image's anonymous /data volumes behind: remove the containers with theirs first.
        ours = podman("ps", "-a", "-q", "--filter", f"label=io.podman.compose.project={self.project}", check=False)
        for container_id in ours.stdout.split():
            podman("container", "rm", "-f", "-v", "-t", "5", container_id, check=False)
        self.run("down", "-v", "-t", "5", check=False)


def test_docker_compose_yml_comes_up_and_serves_through_the_gateway(image: str, postgres_image: str,
                                                                    tmp_path: Path) -> None:
    """The production topology: PostgreSQL, migrate, five services, four worker processes, the gateway."""
    from tests.test_deploy import SECRETS

    port = free_port()
    env = {**SECRETS, "OUTBOUND_PORT": str(port), "POSTGRES_PASSWORD": uuid.uuid4().hex,
           "OUTBOUND_ADMIN_EMAIL": "admin@example.com", "OUTBOUND_ADMIN_PASSWORD": "admin password 123"}
    stack = ComposeStack("docker-compose.yml", env, image, postgres_image, tmp_path)
    try:
        stack.up()
        health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10).json()
        assert health["status"] == "ok" and set(health["services"].values()) == {"ok"}
        login = httpx.post(f"http://127.0.0.1:{port}/api/auth/login", timeout=30,
                           json={"email": env["OUTBOUND_ADMIN_EMAIL"], "password": env["OUTBOUND_ADMIN_PASSWORD"]})
        assert login.status_code == 200, login.text
        token = login.json()["access_token"]
        created = httpx.post(f"http://127.0.0.1:{port}/api/leads/companies", timeout=30,
                             headers={"authorization": f"Bearer {token}"}, json={"name": "Muster Elektro GmbH"})
        assert created.status_code == 201, created.text
        assert "<title>Outbound CRM</title>" in httpx.get(f"http://127.0.0.1:{port}/", timeout=10).text
        # The API replicas run no jobs; the worker processes are up and answer only their health route.
        worker_env = podman("exec", stack.container("leads-worker"), "printenv", "OUTBOUND_WORKERS").stdout.strip()
        api_env = podman("exec", stack.container("leads"), "printenv", "OUTBOUND_WORKERS").stdout.strip()
        assert (api_env, worker_env) == ("0", "2")
    finally:
        stack.down()


def test_docker_compose_demo_yml_comes_up_in_demo_mode_and_resets(image: str, postgres_image: str,
                                                                  tmp_path: Path) -> None:
    """The demo: every service in demo mode, and the cron container's first reset succeeds."""
    port = free_port()
    env = {"OUTBOUND_SERVICE_SECRET": uuid.uuid4().hex, "OUTBOUND_CALENDAR_SECRET": uuid.uuid4().hex * 2,
           "OUTBOUND_DEMO_PORT": str(port),
           "POSTGRES_PASSWORD": uuid.uuid4().hex}
    stack = ComposeStack("docker-compose.demo.yml", env, image, postgres_image, tmp_path)
    try:
        assert "demo-reset" in stack.up()
        reset = stack.container("demo-reset")
        end = time.monotonic() + 600
        while time.monotonic() < end:  # the seed at start (--at-start) takes a while
            state = json.loads(podman("exec", reset, "cat", "/tmp/outbound-cron.json", check=False).stdout or "{}")
            if state.get("runs", 0) >= 1:
                break
            time.sleep(2)
        logs = podman("logs", reset, check=False)
        assert state.get("last_exit_code") == 0, (logs.stdout + logs.stderr)[-3000:]
        assert state["schedule"] == "0 * * * *"
        check = podman("exec", reset, "outbound", "cron", "--check", check=False)
        assert check.returncode == 0, check.stderr
        assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10).json()["status"] == "ok"
    finally:
        stack.down()
