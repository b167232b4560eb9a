"""``outbound ai enrich --json``: crawl + extract + enrich each site, one JSON line per site; the cache
under OUTBOUND_DATA_DIR makes a repeat run ask the model nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.ai.cli import app
from tests.fakes.openai_server import FakeOpenAI
from tests.leads.sites import Reply, SiteServer, html

AI_KEYS = {"provider", "model", "prompt_version", "prompt_tokens", "completion_tokens", "cost", "cached"}
EXTRACT_KEYS = {"url", "company_name", "legal_form", "street", "postal_code", "city", "country", "emails", "phones",
                "fax", "representatives", "persons", "register_court", "register_number", "vat_id", "industry",
                "employees", "language", "social", "evidence", "pages", "errors", "rendered"}


@pytest.fixture
def site():
    routes = {
        "/": Reply(body=html("<h1>Acme Pumpen GmbH</h1><p>Wir bauen seit 1990 Pumpen für Landwirte in ganz Hessen "
                             "und warten sie auch.</p><footer><a href='/impressum'>Impressum</a></footer>",
                             title="Acme Pumpen GmbH")),
        "/impressum": Reply(body=html("<p>Acme Pumpen GmbH<br>Hauptstraße 1<br>34117 Kassel</p>"
                                      "<p>Geschäftsführer: Karl Gruber</p><p>E-Mail: info@acme-pumpen.de</p>")),
    }
    with SiteServer(routes) as server:
        yield server


def _env(site: SiteServer, data_dir: Path, fake: FakeOpenAI | None = None) -> dict[str, str]:
    env = {"OUTBOUND_ALLOW_ADDRESSES": json.dumps([site.address]), "OUTBOUND_PER_HOST_DELAY": "0",
           "OUTBOUND_RENDER_MODE": "never", "OUTBOUND_FETCH_TIMEOUT": "3", "OUTBOUND_DATA_DIR": str(data_dir)}
    if fake is not None:
        env.update(OUTBOUND_OPENAI_API_KEY="sk-test", OUTBOUND_OPENAI_BASE_URL=fake.base_url)
    return env


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_enrich_prints_profile_lines_and_a_repeat_run_is_free(site, fake: FakeOpenAI, tmp_path: Path) -> None:
    env = _env(site, tmp_path / "data", fake)
    first = CliRunner().invoke(app, ["enrich", "--json", site.url("/"), "http://127.0.0.1:1/"], env=env)
    assert first.exit_code == 0, first.output
    lines = {r["url"]: r for r in _lines(first.stdout)}
    good = lines[site.url("/")]
    assert set(good) >= EXTRACT_KEYS and {"summary", "industry", "persons", "ai"} <= set(good)
    assert set(good["ai"]) >= AI_KEYS and good["ai"]["provider"] == "openai" and good["ai"]["cached"] is False
    assert good["ai"]["prompt_tokens"] > 0 and good["ai"]["cost"] > 0 and good["summary"]
    assert "Karl Gruber" in [p["name"] for p in good["persons"]]
    assert "Zacharias Phantomson" not in json.dumps(good["persons"])
    blocked = lines["http://127.0.0.1:1/"]
    assert blocked["errors"] and "no readable text" in " ".join(blocked["ai_warnings"])
    assert len(fake.calls) == 1 and (tmp_path / "data" / "ai.db").is_file()
    again = CliRunner().invoke(app, ["enrich", site.url("/")], env=env)
    assert again.exit_code == 0, again.output
    [repeat] = _lines(again.stdout)
    assert repeat["ai"]["cached"] is True and repeat["ai"]["cost"] == 0 and repeat["summary"] == good["summary"]
    assert len(fake.calls) == 1  # the repeat asked the model nothing


def test_heuristic_is_the_default_without_a_key(site, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["enrich", site.url("/")], env=_env(site, tmp_path))
    assert result.exit_code == 0, result.output
    [line] = _lines(result.stdout)
    assert line["ai"]["provider"] == "heuristic" and line["generated_by"] == "rules (not AI)"
    assert "seit 1990" in line["summary"] and line["company_name"] == "Acme Pumpen GmbH"
    assert "enriched with heuristic (rules)" in result.stderr


def test_model_errors_are_reported_per_site(site, fake: FakeOpenAI, tmp_path: Path) -> None:
    fake.queue("refusal")
    result = CliRunner().invoke(app, ["enrich", site.url("/")], env=_env(site, tmp_path, fake))
    assert result.exit_code == 0, result.output
    [line] = _lines(result.stdout)
    assert line["ai"] is None and "refused" in line["error"] and line["company_name"] == "Acme Pumpen GmbH"
