"""Signed links in mails: the one-click unsubscribe token.

A token carries what it stops (the address, the contact, the campaign) and an HMAC under a key derived
from the service's secret key, so the public route needs no lookup table and no session: whoever holds a
token can unsubscribe exactly that address, nobody can forge one for another.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True, slots=True)
class UnsubscribeTarget:
    email: str
    contact_id: int | None
    campaign_id: int | None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def unsubscribe_token(key: bytes, target: UnsubscribeTarget) -> str:
    body = json.dumps({"e": target.email.lower(), "c": target.contact_id, "m": target.campaign_id},
                      separators=(",", ":"), sort_keys=True).encode()
    mac = hmac.new(key, b"unsubscribe\x1f" + body, hashlib.sha256).digest()[:16]
    return f"{_b64(body)}.{_b64(mac)}"


def read_unsubscribe_token(key: bytes, token: str) -> UnsubscribeTarget | None:
    """The target of a genuine token, None for anything else (forged, truncated, garbage)."""
    if len(token) > 1000 or token.count(".") != 1:
        return None
    body_text, mac_text = token.split(".")
    try:
        body, mac = _unb64(body_text), _unb64(mac_text)
    except (ValueError, TypeError):
        return None
    expected = hmac.new(key, b"unsubscribe\x1f" + body, hashlib.sha256).digest()[:16]
    if not hmac.compare_digest(mac, expected):
        return None
    try:
        data = json.loads(body)
        return UnsubscribeTarget(str(data["e"]), data.get("c"), data.get("m"))
    except (ValueError, KeyError, TypeError):
        return None


def unsubscribe_url(public_url: str, token: str) -> str:
    return f"{public_url.rstrip('/')}/api/email/unsubscribe/{quote(token, safe='')}"


def unsubscribe_mailto(address: str, token: str) -> str:
    return f"mailto:{address}?subject={quote('unsubscribe ' + token, safe='')}"
