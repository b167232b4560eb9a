"""EmailSettings: the pinned settings parse as documented."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from services.email.settings import EmailSettings


def test_defaults_are_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = EmailSettings()
    assert settings.smtp_catcher_port == "auto" and settings.public_url == "http://127.0.0.1:8000"
    assert settings.email_secret_key is None and settings.secret_key_file == Path("data") / "email-secret.key"
    assert settings.catcher_dir == Path("data") / "catcher"


@pytest.mark.parametrize("value,expected", [("auto", "auto"), ("AUTO", "auto"), ("0", 0), ("off", 0), ("2525", 2525)])
def test_catcher_port_from_the_environment(monkeypatch: pytest.MonkeyPatch, value: str, expected: object) -> None:
    monkeypatch.setenv("OUTBOUND_SMTP_CATCHER_PORT", value)
    assert EmailSettings().smtp_catcher_port == expected


@pytest.mark.parametrize("value", ["abc", "70000", "-1"])
def test_bad_catcher_ports_are_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("OUTBOUND_SMTP_CATCHER_PORT", value)
    with pytest.raises(ValidationError):
        EmailSettings()


def test_public_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OUTBOUND_PUBLIC_URL", "https://crm.example.com/")
    assert EmailSettings().public_url == "https://crm.example.com"
    monkeypatch.setenv("OUTBOUND_PUBLIC_URL", "crm.example.com")
    with pytest.raises(ValidationError):
        EmailSettings()


def test_secret_key_is_not_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OUTBOUND_EMAIL_SECRET_KEY", "a passphrase that is long enough")
    monkeypatch.setenv("OUTBOUND_EMAIL_COUNTRY_TIMEZONES", '{"US": "America/Chicago"}')
    settings = EmailSettings()
    assert "passphrase" not in repr(settings)
    assert settings.email_country_timezones == {"US": "America/Chicago"}
