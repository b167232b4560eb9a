"""Booking tokens, signed manage links, the key file and sealing: tampering, expiry, wrong purpose."""

from __future__ import annotations

import base64
import datetime as dt
import os
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from services.calendar.links import (
    KEY_FILE,
    LinkExpired,
    LinkInvalid,
    ManageLinks,
    check_token,
    hash_token,
    issue_token,
    load_or_create_key,
    lookup_hash,
)
from services.calendar.sealing import SealBroken, Sealer

NOW = dt.datetime(2025, 5, 1, 12, 0, tzinfo=dt.UTC)
KEY = b"k" * 32


def test_tokens_are_long_random_and_stored_only_as_a_hash() -> None:
    issued = [issue_token(NOW, dt.timedelta(days=30)) for _ in range(200)]
    assert len({t.token for t in issued}) == 200
    for t in issued:
        assert len(base64.urlsafe_b64decode(t.token + "=")) * 8 >= 128
        assert t.token not in t.token_hash and t.token_hash == hash_token(t.token) == lookup_hash(t.token)
        assert t.expires_at == NOW + dt.timedelta(days=30)
    assert issue_token(NOW, None).expires_at is None


def test_a_token_checks_against_its_hash_and_expiry() -> None:
    t = issue_token(NOW, dt.timedelta(days=1))
    check_token(t.token, t.token_hash, t.expires_at, NOW)
    with pytest.raises(LinkExpired) as expired:
        check_token(t.token, t.token_hash, t.expires_at, NOW + dt.timedelta(days=1))
    assert expired.value.status == 403
    other = issue_token(NOW, None)
    for wrong in (other.token, t.token[:-1] + ("A" if t.token[-1] != "A" else "B"), t.token + "x"):
        with pytest.raises(LinkInvalid) as invalid:
            check_token(wrong, t.token_hash, t.expires_at, NOW)
        assert invalid.value.status == 404 and invalid.value.detail == "This link is not valid."


@pytest.mark.parametrize("junk", ["", "short", "../../etc/passwd", "a" * 500, "tok en with spaces plus more",
                                  "ü" * 30, "%00" * 10])
def test_junk_never_reaches_the_database(junk: str) -> None:
    with pytest.raises(LinkInvalid):
        lookup_hash(junk)


def test_a_manage_link_round_trips_and_binds_purpose_booking_version_and_expiry() -> None:
    links = ManageLinks(KEY)
    until = NOW + dt.timedelta(days=7)
    token = links.sign("cancel", "bk_42", 3, until)
    claim = links.verify(token, "cancel", NOW)
    assert (claim.purpose, claim.booking_id, claim.version, claim.expires_at) == ("cancel", "bk_42", 3, until)
    with pytest.raises(LinkInvalid):
        links.verify(token, "reschedule", NOW)  # single purpose
    with pytest.raises(LinkExpired):
        links.verify(token, "cancel", until)
    with pytest.raises(LinkInvalid):
        ManageLinks(b"x" * 32).verify(token, "cancel", NOW)  # another key


def test_every_tampering_breaks_the_link() -> None:
    links = ManageLinks(KEY)
    token = links.sign("reschedule", "bk_42", 0, NOW + dt.timedelta(days=7))
    body, mac = token.split(".")
    payload = base64.urlsafe_b64decode(body + "==")
    forged = [
        payload.replace(b"bk_42", b"bk_43"),  # another booking
        payload.replace(b"reschedule", b"cancel"),  # another purpose
        payload.replace(b"|0|", b"|9|"),  # another version
        payload[:-3] + b"999",  # a later expiry
    ]
    for fake in forged:
        fake_body = base64.urlsafe_b64encode(fake).rstrip(b"=").decode()
        with pytest.raises(LinkInvalid):
            links.verify(f"{fake_body}.{mac}", "reschedule", NOW)
            links.verify(f"{fake_body}.{mac}", "cancel", NOW)
    for position in range(len(token)):
        if token[position] == ".":
            continue
        flipped = token[:position] + ("A" if token[position] != "A" else "B") + token[position + 1:]
        with pytest.raises(LinkInvalid):
            links.verify(flipped, "reschedule", NOW)
    for junk in ("", ".", "a.b", token + "x", token.replace(".", ""), "ü" * 60):
        with pytest.raises(LinkInvalid):
            links.verify(junk, "reschedule", NOW)


def test_signing_refuses_what_a_link_cannot_carry() -> None:
    links = ManageLinks(KEY)
    with pytest.raises(ValueError):
        links.sign("cancel", "bk|42", 0, NOW)
    with pytest.raises(ValueError):
        links.sign("delete", "bk_42", 0, NOW)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ManageLinks(b"short")


def test_the_key_is_made_once_with_mode_0600_and_reused(tmp_path: Path) -> None:
    with ThreadPoolExecutor(8) as pool:
        keys = set(pool.map(lambda _: load_or_create_key(tmp_path, None), range(16)))
    assert len(keys) == 1 and len(keys.pop()) >= 32
    path = tmp_path / KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    os.chmod(path, 0o644)
    first = load_or_create_key(tmp_path, None)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and first == path.read_text().strip().encode()
    assert load_or_create_key(tmp_path / "other", "c" * 40) == b"c" * 40
    assert not (tmp_path / "other" / KEY_FILE).exists()
    path.write_text("too short")
    with pytest.raises(RuntimeError, match="no usable key"):
        load_or_create_key(tmp_path, None)


def test_sealed_tokens_open_only_with_the_key_and_context() -> None:
    sealer = Sealer(KEY)
    sealed = sealer.seal(b'{"refresh_token": "1//abc"}', "host:7")
    assert b"1//abc" not in sealed.encode() and sealed.startswith("s1.")
    assert sealer.unseal(sealed, "host:7") == b'{"refresh_token": "1//abc"}'
    assert sealer.seal(b"same", "c") != sealer.seal(b"same", "c")  # fresh nonce each time
    with pytest.raises(SealBroken):
        sealer.unseal(sealed, "host:8")
    with pytest.raises(SealBroken):
        Sealer(b"z" * 32).unseal(sealed, "host:7")
    flipped = sealed[:-2] + ("A" if sealed[-2] != "A" else "B") + sealed[-1]
    for broken in (flipped, sealed[3:], "s1.!!!", "s1." + "A" * 8):
        with pytest.raises(SealBroken):
            sealer.unseal(broken, "host:7")
