"""DKIM signing with dkimpy: Ed25519 and RSA, covering List-Unsubscribe and List-Unsubscribe-Post."""

from __future__ import annotations

from datetime import UTC, datetime

import dkim as dkimpy
import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from services.email.addresses import parse_address
from services.email.dkim import DkimKey, DkimKeyError, generate_dkim_key, load_dkim_key, sign_message
from services.email.headers import message_id
from services.email.mime import OutgoingMessage, build_message


def raw_message() -> bytes:
    return build_message(OutgoingMessage(
        sender=parse_address("Sales <sales@app.example>"), to=parse_address("bob@client.example"),
        subject="Hallo Bob", text="Hallo", html="<p>Hallo</p>", message_id=message_id(b"s" * 32, "app.example", 1),
        date=datetime(2026, 1, 5, tzinfo=UTC), list_unsubscribe_url="https://app.example/u/tok",
    ))


def verify(signed: bytes, key: DkimKey, record: str) -> bool:
    def dns(name: bytes, timeout: int = 5) -> bytes | None:
        return record.encode() if name == f"{key.dns_name}.".encode() else None
    return bool(dkimpy.verify(signed, dnsfunc=dns))


@pytest.mark.parametrize("algorithm", ["ed25519-sha256", "rsa-sha256"])
def test_signature_verifies_and_covers_one_click_headers(algorithm: str) -> None:
    key, record = generate_dkim_key("s1", "app.example", algorithm)  # type: ignore[arg-type]
    assert key.algorithm == algorithm and record.startswith("v=DKIM1; k=")
    signed = sign_message(raw_message(), key)
    header = signed.split(b"\r\n\r\n", 1)[0].decode()
    signed_list = header.split(" h=", 1)[1].split(";", 1)[0].replace("\r\n", "").replace(" ", "")
    assert "list-unsubscribe:list-unsubscribe-post" in signed_list
    assert verify(signed, key, record)
    assert not verify(signed.replace(b"List-Unsubscribe=One-Click", b"List-Unsubscribe=Two-Click"), key, record)
    assert not verify(signed.replace(b"https://app.example/u/tok", b"https://evil.example/u/tok"), key, record)
    # headers the message lacks are signed as absent: adding one later breaks the signature
    head, body = signed.split(b"\r\n\r\n", 1)
    assert not verify(head + b"\r\nReply-To: evil@evil.example\r\n\r\n" + body, key, record)
    assert "private" not in repr(key) and "BEGIN" not in repr(key)


def test_keys_load_from_pem_and_from_the_raw_seed() -> None:
    private = ed25519.Ed25519PrivateKey.generate()
    pem = private.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode()
    from_pem = load_dkim_key("sel", "App.Example", pem)
    from_seed = load_dkim_key("sel", "app.example", from_pem.private_key.decode())
    assert from_pem.private_key == from_seed.private_key and from_pem.domain == "app.example"
    assert load_dkim_key("sel", "müller.de", pem).domain == "xn--mller-kva.de"


@pytest.mark.parametrize("selector,domain,key", [
    ("bad selector", "app.example", None), ("s1", "localhost", None), ("s1", "app.example", "not a key"),
    ("s1", "app.example", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
])
def test_bad_keys_and_names_are_refused(selector: str, domain: str, key: str | None) -> None:
    valid = ed25519.Ed25519PrivateKey.generate().private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    with pytest.raises(DkimKeyError):
        load_dkim_key(selector, domain, key if key is not None else valid)
