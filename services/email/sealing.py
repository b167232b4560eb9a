"""Mailbox passwords sealed at rest with AES-256-GCM.

A sealed value reads ``v1.<key id>.<base64url(nonce ‖ ciphertext ‖ tag)>``. The key id (the first
8 hex digits of SHA-256 over the key) lets a wrong key be named as such instead of failing as
"corrupt". An optional *context* (e.g. ``"mailbox:7:smtp"``) is bound as associated data, so a
sealed password copied to another row does not open there.

The key comes from ``OUTBOUND_EMAIL_SECRET_KEY`` (a base64url 32-byte key, or any passphrase of at
least 16 characters, stretched with HKDF) or, when that is unset, from ``<data_dir>/email-secret.key``,
generated with mode 0600 on first use. Other per-install secrets (the Message-ID key, link signing)
are derived from the same key with :meth:`SecretBox.derive`, so one key is all an operator backs up.

Errors: :class:`SealError` (base) → :class:`WrongKey` (sealed under another key) and
:class:`CorruptSecret` (not a sealed value, or tampered with).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = "v1"
NONCE_BYTES = 12
MIN_PASSPHRASE = 16


class SealError(Exception):
    """A sealed secret could not be opened."""


class WrongKey(SealError):
    """The value was sealed under a different key than the one configured."""


class CorruptSecret(SealError):
    """The value is not a sealed secret, or it was altered."""


def _hkdf(material: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"outbound-email", info=info).derive(material)


def key_from_setting(value: str) -> bytes:
    """A 32-byte key from OUTBOUND_EMAIL_SECRET_KEY: base64url of 32 bytes as is, a passphrase stretched."""
    text = value.strip()
    with contextlib.suppress(binascii.Error, ValueError):
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        if len(raw) == 32:
            return raw
    if len(text) < MIN_PASSPHRASE:
        raise ValueError(f"OUTBOUND_EMAIL_SECRET_KEY must be a base64url 32-byte key or at least "
                         f"{MIN_PASSPHRASE} characters")
    return _hkdf(text.encode(), b"passphrase")


def load_or_create_key_file(path: Path) -> bytes:
    """Read the key file, or create it (0600, written atomically) with a fresh random key."""
    if path.exists():
        return key_from_setting(path.read_text())
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, base64.urlsafe_b64encode(key) + b"\n")
    finally:
        os.close(fd)
    try:
        # link() fails if another process created the file first: then both use that one.
        os.link(tmp, path)
    except FileExistsError:
        return key_from_setting(path.read_text())
    finally:
        tmp.unlink(missing_ok=True)
    return key


class SecretBox:
    """Seals and opens short secrets (passwords) with one AES-256-GCM key."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("the sealing key must be 32 bytes")
        self._key = key
        self._aead = AESGCM(key)
        self.key_id = hashlib.sha256(key).hexdigest()[:8]

    @classmethod
    def from_settings(cls, secret_key: str | None, key_file: Path) -> SecretBox:
        """The box for ``OUTBOUND_EMAIL_SECRET_KEY``, or for the key file (created when absent)."""
        return cls(key_from_setting(secret_key) if secret_key else load_or_create_key_file(key_file))

    def seal(self, plaintext: str, *, context: str = "") -> str:
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plaintext.encode(), context.encode())
        return f"{VERSION}.{self.key_id}.{base64.urlsafe_b64encode(nonce + sealed).decode().rstrip('=')}"

    def open(self, sealed: str, *, context: str = "") -> str:
        parts = sealed.split(".")
        if len(parts) != 3 or parts[0] != VERSION:
            raise CorruptSecret("not a sealed secret (expected 'v1.<key id>.<data>')")
        _version, key_id, data = parts
        if key_id != self.key_id:
            raise WrongKey(f"this secret was sealed with another key (key id {key_id}, configured key {self.key_id}): "
                           "restore the OUTBOUND_EMAIL_SECRET_KEY or email-secret.key it was sealed with, "
                           "or enter the password again")
        try:
            blob = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
        except (binascii.Error, ValueError) as exc:
            raise CorruptSecret("the sealed secret is not valid base64") from exc
        if len(blob) < NONCE_BYTES + 16:
            raise CorruptSecret("the sealed secret is truncated")
        try:
            plain = self._aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], context.encode())
        except InvalidTag as exc:
            raise CorruptSecret("the sealed secret was altered or belongs to another record") from exc
        return plain.decode()

    def derive(self, label: str) -> bytes:
        """A 32-byte key for another purpose (``"message-id"``, ``"links"``), stable for this install."""
        return _hkdf(self._key, label.encode())
