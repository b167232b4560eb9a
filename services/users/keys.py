"""Signing keys for access tokens: Ed25519 (JWS alg EdDSA), published as a JWKS."""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import secrets
import time
import uuid
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ALGORITHM = "EdDSA"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def public_jwk(public: Ed25519PublicKey) -> dict[str, Any]:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    jwk = {"crv": "Ed25519", "kty": "OKP", "x": _b64(raw)}
    # RFC 7638 thumbprint as the key id: stable and derived from the key itself.
    kid = _b64(hashlib.sha256(json.dumps(jwk, separators=(",", ":"), sort_keys=True).encode()).digest())[:22]
    return {**jwk, "kid": kid, "alg": ALGORITHM, "use": "sig"}


def load_private_pem(pem: str) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(pem.encode(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("OUTBOUND_JWT_PRIVATE_KEY must be an Ed25519 private key in PEM form")
    return key


def generate_private_pem() -> str:
    key = Ed25519PrivateKey.generate()
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


@dataclass
class KeyRing:
    """The active signing key plus every public key still worth publishing."""

    private: Ed25519PrivateKey
    kid: str
    published: list[dict[str, Any]]

    @classmethod
    def from_pems(cls, active_pem: str, others: list[dict[str, Any]] | None = None) -> KeyRing:
        private = load_private_pem(active_pem)
        jwk = public_jwk(private.public_key())
        published = [jwk, *[k for k in (others or []) if k.get("kid") != jwk["kid"]]]
        return cls(private, str(jwk["kid"]), published)

    def jwks(self) -> dict[str, Any]:
        return {"keys": self.published}

    @functools.cached_property
    def _successor_key(self) -> bytes:
        raw = self.private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                         serialization.NoEncryption())
        return hashlib.sha256(b"outbound refresh-token successor\0" + raw).digest()

    def successor_token(self, raw: str) -> str:
        """The refresh token that replaces ``raw`` when it is rotated: derived (keyed with the signing key,
        so only this service can), so parallel refreshes of one cookie all hand out the same successor."""
        return _b64(hmac.new(self._successor_key, raw.encode(), hashlib.sha256).digest())

    def sign(self, claims: dict[str, Any], ttl: int, *, issuer: str, audience: str) -> str:
        now = int(time.time())
        payload = {**claims, "iss": issuer, "aud": audience, "iat": now, "exp": now + ttl,
                   "jti": uuid.uuid4().hex}
        return jwt.encode(payload, self.private, algorithm=ALGORITHM, headers={"kid": self.kid})


def new_opaque_token() -> str:
    return secrets.token_urlsafe(32)


def hash_opaque_token(token: str) -> str:
    """Refresh tokens are high-entropy, so a plain SHA-256 is enough to store them safely."""
    return hashlib.sha256(token.encode()).hexdigest()
