"""Mailbox passwords sealed at rest."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest

from services.email.sealing import CorruptSecret, SecretBox, WrongKey, key_from_setting, load_or_create_key_file


def test_round_trip_and_ciphertext_hides_the_password(tmp_path: Path) -> None:
    box = SecretBox.from_settings(None, tmp_path / "email-secret.key")
    sealed = box.seal("hunter2 ü", context="mailbox:1:smtp")
    assert "hunter2" not in sealed and sealed.startswith("v1." + box.key_id + ".")
    assert box.open(sealed, context="mailbox:1:smtp") == "hunter2 ü"
    assert box.seal("same") != box.seal("same")  # a fresh nonce each time


def test_generated_key_file_is_private_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "data" / "email-secret.key"
    first = load_or_create_key_file(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_or_create_key_file(path) == first
    sealed = SecretBox(first).seal("pw")
    assert SecretBox.from_settings(None, path).open(sealed) == "pw"


def test_wrong_key_is_named_as_such(tmp_path: Path) -> None:
    sealed = SecretBox.from_settings(None, tmp_path / "a.key").seal("pw")
    other = SecretBox.from_settings(None, tmp_path / "b.key")
    with pytest.raises(WrongKey, match="sealed with another key"):
        other.open(sealed)


def test_tampering_and_moving_between_records_fail(tmp_path: Path) -> None:
    box = SecretBox.from_settings("a passphrase that is long enough", tmp_path / "unused.key")
    sealed = box.seal("pw", context="mailbox:1:smtp")
    with pytest.raises(CorruptSecret, match="another record"):
        box.open(sealed, context="mailbox:2:smtp")
    head, data = sealed.rsplit(".", 1)
    flipped = data[:-2] + ("A" if data[-2] != "A" else "B") + data[-1]
    with pytest.raises(CorruptSecret):
        box.open(f"{head}.{flipped}", context="mailbox:1:smtp")
    with pytest.raises(CorruptSecret, match="not a sealed secret"):
        box.open("plain text password")
    assert not (tmp_path / "unused.key").exists()  # a configured key never writes a file


def test_setting_accepts_a_raw_key_or_a_long_passphrase() -> None:
    raw = os.urandom(32)
    assert key_from_setting(base64.urlsafe_b64encode(raw).decode()) == raw
    assert len(key_from_setting("x" * 16)) == 32
    with pytest.raises(ValueError, match="at least 16"):
        key_from_setting("short")


def test_derived_keys_differ_per_purpose_and_are_stable(tmp_path: Path) -> None:
    box = SecretBox.from_settings(None, tmp_path / "k")
    again = SecretBox.from_settings(None, tmp_path / "k")
    assert box.derive("message-id") == again.derive("message-id") != box.derive("links")
