"""``outbound leads discover``: one JSON line per result from the chosen provider's stand-in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.leads.cli import app
from tests.fakes import in_thread
from tests.fakes.overpass import overpass_server
from tests.fakes.search import BRAVE_KEY, SERPER_KEY, search_server

ROOT = Path(__file__).resolve().parents[2]
FIELDS = {"name", "url", "domain", "provider", "phone", "address", "category"}


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch):
    with in_thread(overpass_server) as (overpass_url, overpass), in_thread(search_server) as (base, search):
        env = {"OUTBOUND_OVERPASS_URL": overpass_url, "OUTBOUND_SEARXNG_URL": base,
               "OUTBOUND_BRAVE_API_KEY": BRAVE_KEY, "OUTBOUND_BRAVE_ENDPOINT": f"{base}/res/v1/web/search",
               "OUTBOUND_SERPER_API_KEY": SERPER_KEY, "OUTBOUND_SERPER_ENDPOINT": f"{base}/search",
               "OUTBOUND_GOOGLE_API_KEY": "AIzaFAKE-test-key_0123456789", "OUTBOUND_GOOGLE_CX": "fake-cx-0123",
               "OUTBOUND_GOOGLE_ENDPOINT": f"{base}/customsearch/v1"}
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        yield env, overpass, search


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_discover_osm_prints_the_pinned_fields_and_the_credit(fakes) -> None:
    result = CliRunner().invoke(app, ["discover", "--provider", "osm", "--json", "Elektriker München"])
    assert result.exit_code == 0, result.output
    lines = _lines(result.stdout)
    assert all(set(line) == FIELDS for line in lines)
    assert [(line["name"], line["domain"], line["phone"]) for line in lines] == [
        ("Elektro Huber GmbH", "elektro-huber.de", "+49 89 1234567"),
        ("Elektro Maier", "elektro-maier.de", "+49 89 7654321"),
        ("Strom & Licht Schmid", None, "+49 89 555000"),  # no website: listed, url null
    ]
    assert lines[0] == {"name": "Elektro Huber GmbH", "url": "https://www.elektro-huber.de/",
                        "domain": "elektro-huber.de", "provider": "osm", "phone": "+49 89 1234567",
                        "address": "Lindwurmstraße 12, 80337 München", "category": "craft=electrician"}
    assert "© OpenStreetMap contributors, ODbL" in result.stderr


@pytest.mark.parametrize("provider", ["searxng", "google", "brave", "serper"])
def test_discover_web_providers_with_limit(fakes, provider: str) -> None:
    result = CliRunner().invoke(app, ["discover", "--provider", provider, "--limit", "6", "--json",
                                      "Steuerberater", "München"])
    assert result.exit_code == 0, result.output
    lines = _lines(result.stdout)
    assert [line["domain"] for line in lines] == ["mueller-stb.de", "schmidt-partner.de", "kanzlei-huber.de"]
    assert {line["provider"] for line in lines} == {provider}
    assert all(set(line) == FIELDS and line["phone"] is None and line["address"] is None for line in lines)
    _, _, search = fakes
    first = search.calls(provider)[0]
    assert (first.body or first.params)["q"] == "Steuerberater München"


def test_discover_default_provider_and_plain_output(fakes, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("OUTBOUND_SEARXNG_URL", "OUTBOUND_BRAVE_API_KEY", "OUTBOUND_SERPER_API_KEY", "OUTBOUND_GOOGLE_API_KEY"):
        monkeypatch.delenv(key)
    result = CliRunner().invoke(app, ["discover", "Steuerberater in Graz"])  # auto: only OSM is configured
    assert result.exit_code == 0, result.output
    assert [line["provider"] for line in _lines(result.stdout)] == ["osm", "osm"]  # JSON lines by default
    result = CliRunner().invoke(app, ["discover", "--text", "Steuerberater in Graz"])
    assert result.exit_code == 0, result.output
    assert "  1. Steuerberatung Gruber — https://www.gruber-stb.at/ · +43 316 123456 · Herrengasse 5, 8010 Graz" \
        in result.stdout
    assert "2 results from osm" in result.stderr


def test_discover_errors_are_clear(fakes, monkeypatch: pytest.MonkeyPatch) -> None:
    unknown = CliRunner().invoke(app, ["discover", "--provider", "osm", "Müller GmbH"])
    assert unknown.exit_code == 2 and "no type was recognised" in unknown.stderr
    monkeypatch.delenv("OUTBOUND_BRAVE_API_KEY")
    missing = CliRunner().invoke(app, ["discover", "--provider", "brave", "x y"])
    assert missing.exit_code == 2 and "OUTBOUND_BRAVE_API_KEY" in missing.stderr
    nowhere = CliRunner().invoke(app, ["discover", "--provider", "osm", "Steuerberater Atlantis"])
    assert nowhere.exit_code == 1 and "knows no town, city or district called “Atlantis”" in nowhere.stderr


def test_module_entry_point(fakes) -> None:
    env, _, _ = fakes
    completed = subprocess.run([sys.executable, "-m", "services.leads.cli", "discover", "--json", "--provider", "osm",
                                "Zahnarzt", "in", "Munich"], capture_output=True, text=True, timeout=60, cwd=ROOT,
                               env={**os.environ, **env}, check=False)
    assert completed.returncode == 0, completed.stderr
    assert [line["domain"] for line in _lines(completed.stdout)] == ["dr-weiss.de", "zahnklinik-nord.de"]
