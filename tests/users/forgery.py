"""Forged and otherwise unacceptable access tokens, built by hand against a live key ring.

Each entry is a token some attacker (or confused client) could present; none may be accepted
where a user's access token is needed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from services.users.keys import KeyRing

ISSUER = "outbound-users"
AUDIENCE = "outbound"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_json(obj: Any) -> str:
    return b64url(json.dumps(obj, separators=(",", ":")).encode())


def hs256(header: dict[str, Any], payload: dict[str, Any], secret: bytes) -> str:
    """A JWS signed with HMAC-SHA256 by hand (PyJWT refuses to use a public key as an HMAC secret)."""
    signing_input = f"{b64url_json(header)}.{b64url_json(payload)}"
    sig = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(sig)}"


def ed25519(private: Ed25519PrivateKey, header: dict[str, Any], payload: dict[str, Any]) -> str:
    """A JWS signed by hand with an Ed25519 key, whatever the header says."""
    signing_input = f"{b64url_json(header)}.{b64url_json(payload)}"
    return f"{signing_input}.{b64url(private.sign(signing_input.encode()))}"


def unsigned(header: dict[str, Any], payload: dict[str, Any]) -> str:
    return f"{b64url_json(header)}.{b64url_json(payload)}."


def claims(user_id: int = 1, role: str = "admin", **extra: Any) -> dict[str, Any]:
    now = int(time.time())
    base = {"sub": str(user_id), "role": role, "typ": "access", "email": "admin@example.com", "iss": ISSUER,
            "aud": AUDIENCE, "iat": now, "exp": now + 600, "jti": uuid.uuid4().hex}
    base.update(extra)
    return {k: v for k, v in base.items() if v is not None}


def sign(ring: KeyRing, payload: dict[str, Any], **header: Any) -> str:
    """Signed with the service's real private key: valid but for whatever the payload says."""
    return jwt.encode(payload, ring.private, algorithm="EdDSA", headers={"kid": ring.kid, **header})


def forged_tokens(ring: KeyRing, *, sales_token: str, refresh_token: str) -> dict[str, str]:
    """name → token; every one must be refused where a user token is needed."""
    kid = ring.kid
    jwk = ring.published[0]
    public = ring.private.public_key()
    pem = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    payload = claims()
    now = int(time.time())
    stranger = Ed25519PrivateKey.generate()

    head, body, sig = sales_token.split(".")
    sales_claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    promoted = {**sales_claims, "role": "admin"}
    other_user = {**sales_claims, "sub": "1"}

    tokens = {
        "alg none": unsigned({"alg": "none", "typ": "JWT", "kid": kid}, payload),
        "alg None": unsigned({"alg": "None", "kid": kid}, payload),
        "alg none without kid": unsigned({"alg": "none"}, payload),
        "alg none with the real signature": f"{unsigned({'alg': 'none', 'kid': kid}, promoted)[:-1]}.{sig}",
        "HS256 keyed with the public PEM": hs256({"alg": "HS256", "typ": "JWT", "kid": kid}, payload, pem),
        "HS256 keyed with the PEM, no newline": hs256({"alg": "HS256", "kid": kid}, payload, pem.strip()),
        "HS256 keyed with the JWK x": hs256({"alg": "HS256", "kid": kid}, payload, jwk["x"].encode()),
        "HS256 keyed with the raw key": hs256({"alg": "HS256", "kid": kid}, payload, raw),
        "HS256 keyed with the JWK JSON": hs256({"alg": "HS256", "kid": kid}, payload, json.dumps(jwk).encode()),
        "HS256 keyed with the compact JWK": hs256({"alg": "HS256", "kid": kid}, payload,
                                                  json.dumps(jwk, separators=(",", ":")).encode()),
        "HS256 without kid": hs256({"alg": "HS256"}, payload, pem),
        "role changed to admin, signature kept": f"{head}.{b64url_json(promoted)}.{sig}",
        "subject changed, signature kept": f"{head}.{b64url_json(other_user)}.{sig}",
        "signature stripped": f"{head}.{body}.",
        "signature of another token": f"{head}.{body}.{sign(ring, claims()).split('.')[2]}",
        "expired": sign(ring, claims(iat=now - 4000, exp=now - 3600)),
        "wrong audience": sign(ring, claims(aud="someone-else")),
        "audience list without ours": sign(ring, claims(aud=["other", "another"])),
        "wrong issuer": sign(ring, claims(iss="https://evil.example")),
        "unknown kid": jwt.encode(payload, stranger, algorithm="EdDSA", headers={"kid": "not-a-known-kid"}),
        "stranger key with the real kid": jwt.encode(payload, stranger, algorithm="EdDSA", headers={"kid": kid}),
        "no kid": jwt.encode(payload, ring.private, algorithm="EdDSA"),
        "kid not a string": ed25519(ring.private, {"alg": "EdDSA", "kid": 7}, payload),
        "kid as a list": ed25519(ring.private, {"alg": "EdDSA", "kid": [kid]}, payload),
        "header says ES256": ed25519(ring.private, {"alg": "ES256", "kid": kid}, payload),
        "header says HS256, EdDSA signature": ed25519(ring.private, {"alg": "HS256", "kid": kid}, payload),
        "refresh token as bearer": refresh_token,
        "missing sub": sign(ring, claims(sub=None)),
        "missing jti": sign(ring, claims(jti=None)),
        "missing typ": sign(ring, claims(typ=None)),
        "missing exp": sign(ring, claims(exp=None)),
        "missing iat": sign(ring, claims(iat=None)),
        "missing role": sign(ring, claims(role=None)),
        "unknown role": sign(ring, claims(role="root")),
        "typ refresh": sign(ring, claims(typ="refresh")),
        "typ id": sign(ring, claims(typ="id")),
        "garbage": "not-a-jwt",
        "two parts": f"{head}.{body}",
    }
    return tokens


def service_token(ring: KeyRing) -> str:
    """A genuine service token (typ service): fine between services, never where a user is needed."""
    return sign(ring, claims(sub="svc:leads", role=None, typ="service", scope="users:read"))
