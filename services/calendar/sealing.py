"""Encryption at rest for secrets we must keep readable (a host's Google tokens): AES-256-GCM.

``seal(data, context)`` binds the blob to ``context`` (e.g. the host's id) as associated data, so a
sealed value copied into another row does not open there. The format is versioned (``s1.``) so the
key or cipher can change later.
"""

from __future__ import annotations

import base64
import binascii
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .links import derive_key

_PREFIX = "s1."
_NONCE = 12


class SealBroken(ValueError):
    """A sealed value that was altered, moved to another context, or sealed under another key."""


class Sealer:
    """Seals and opens small secrets with a key derived from the calendar secret."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 32:
            raise ValueError("a sealing key needs at least 32 bytes")
        self._aead = AESGCM(derive_key(key, "sealing"))

    def seal(self, data: bytes, context: str) -> str:
        nonce = os.urandom(_NONCE)
        return _PREFIX + base64.urlsafe_b64encode(nonce + self._aead.encrypt(nonce, data, context.encode())).decode()

    def unseal(self, sealed: str, context: str) -> bytes:
        if not sealed.startswith(_PREFIX):
            raise SealBroken("not a sealed value")
        try:
            raw = base64.urlsafe_b64decode(sealed[len(_PREFIX):].encode())
            return self._aead.decrypt(raw[:_NONCE], raw[_NONCE:], context.encode())
        except (InvalidTag, binascii.Error, ValueError):
            raise SealBroken("the sealed value does not open with this key and context") from None
