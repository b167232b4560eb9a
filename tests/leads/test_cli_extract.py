"""``outbound leads extract``: one JSON line per site, errors included, nothing stored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.leads.cli import app
from tests.leads.sites import Reply, SiteServer, html

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def site():
    routes = {
        "/": Reply(body=html('<p>Acme GmbH</p><footer><a href="/impressum">Impressum</a></footer>', title="Acme GmbH")),
        "/impressum": Reply(body=html("<p>Acme GmbH · info@acme.de</p>")),
    }
    with SiteServer(routes) as server:
        yield server


@pytest.fixture
def env(site, monkeypatch):
    values = {
        "OUTBOUND_ALLOW_ADDRESSES": json.dumps([site.address]),
        "OUTBOUND_PER_HOST_DELAY": "0",
        "OUTBOUND_RENDER_MODE": "never",
        "OUTBOUND_FETCH_TIMEOUT": "3",
    }
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return values


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_extract_prints_one_json_line_per_site(site, env):
    result = CliRunner().invoke(app, ["extract", "--json", site.url("/"), "garbage", "http://127.0.0.1:1/"])
    assert result.exit_code == 0, result.output
    records = {r["url"]: r for r in _lines(result.stdout)}
    assert set(records) == {site.url("/"), "garbage", "http://127.0.0.1:1/"}
    good = records[site.url("/")]
    assert good["errors"] == [] and good["pages"] == [site.url("/"), site.url("/impressum")]
    assert good["rendered"] is False and "info@acme.de" in good["emails"]
    for key in ("company_name", "street", "postal_code", "city", "phones", "vat_id", "evidence", "persons"):
        assert key in good
    assert records["garbage"]["errors"][0].startswith("invalid_url")
    assert records["http://127.0.0.1:1/"]["errors"][0].startswith("blocked")


def test_extract_reads_urls_from_stdin(site, env):
    result = CliRunner().invoke(app, ["extract", "--no-render", "-"], input=f"{site.url('/')}\n\nexample.invalid x\n")
    assert result.exit_code == 0, result.output
    assert [r["url"] for r in _lines(result.stdout)].count(site.url("/")) == 1
    assert len(_lines(result.stdout)) == 2


def test_module_entry_point(site, env):
    completed = subprocess.run(
        [sys.executable, "-m", "services.leads.cli", "extract", site.url("/")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, **env},
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    [record] = _lines(completed.stdout)
    assert record["url"] == site.url("/") and record["errors"] == []
    assert "1 sites, 1 reached, 0 rendered" in completed.stderr
