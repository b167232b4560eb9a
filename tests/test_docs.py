"""docs/configuration.md names every setting the code reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.settings import GatewaySettings
from services.embedded import service_factories

ROOT = Path(__file__).resolve().parent.parent


def all_settings_classes() -> list[type]:
    return [GatewaySettings, *(cls for _factory, cls in service_factories().values())]


@pytest.mark.parametrize("cls", all_settings_classes(), ids=lambda c: c.__name__)
def test_every_setting_is_documented(cls: type) -> None:
    doc = (ROOT / "docs" / "configuration.md").read_text()
    missing = [f"OUTBOUND_{name.upper()}" for name in cls.model_fields  # type: ignore[attr-defined]
               if f"OUTBOUND_{name.upper()}" not in doc]
    assert not missing, f"document these in docs/configuration.md: {missing}"


def test_readme_tells_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme


def test_unknown_settings_are_reported() -> None:
    from services.embedded import unknown_settings

    env = {"OUTBOUND_PORT": "1", "OUTBOUND_USERS_DATABASE_URL": "x", "OUTBOUND_RATE_LIMT_IP": "5", "PATH": "/bin",
           "OUTBOUND_TEST_PG": "x"}
    assert unknown_settings(env) == ["OUTBOUND_RATE_LIMT_IP"]
