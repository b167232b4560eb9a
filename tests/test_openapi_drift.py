"""The SPA's API types are generated from frontend/openapi.json; it must match the backend."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from services.cli import app

ROOT = Path(__file__).resolve().parent.parent


def test_frontend_openapi_matches_backend() -> None:
    result = CliRunner().invoke(app, ["openapi"])
    assert result.exit_code == 0, result.output
    live = json.loads(result.stdout)
    committed = json.loads((ROOT / "frontend" / "openapi.json").read_text())
    assert live == committed, "the API changed: run `make openapi` and commit frontend/openapi.json + schema.d.ts"


def test_every_operation_has_a_summary_and_an_id() -> None:
    doc = json.loads((ROOT / "frontend" / "openapi.json").read_text())
    for path, item in doc["paths"].items():
        for method, op in item.items():
            assert op.get("operationId"), f"{method} {path} has no operationId"
            assert op.get("description") or op.get("summary"), f"{method} {path} has no docstring"
