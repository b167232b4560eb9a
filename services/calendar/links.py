"""Secrets in URLs: booking tokens, signed manage links, and the key behind them.

**Booking tokens** (a lead's personal page link, a page's generic link, a host's feed URL) are 256 random
bits from :mod:`secrets`, shown once and stored only as their SHA-256: a leaked database yields no
working link, and a lookup by hash leaks nothing through timing. They expire.

**Manage links** (reschedule, cancel) are not stored at all: they are signed with HMAC-SHA256 under a
key of their own, and say what they are for, which booking, which version of it and until when::

    base64url(payload) "." base64url(mac)      payload = "m1|<purpose>|<booking id>|<version>|<expires unix>"

A link for one purpose never works for another, a changed byte breaks the MAC (compared in constant
time), and a link issued before a reschedule names an older version, which the caller refuses.

**One-click slot links** (an e-mail offering a lead three times) are the same signed format with the
purpose ``book``: the subject is the lead's personal link and the "version" the slot's start (unix
seconds), so a link books exactly that slot through exactly that personal link (:meth:`ManageLinks.sign_slot`).

**The key** comes from ``OUTBOUND_CALENDAR_SECRET`` or is made once into ``<data_dir>/calendar-secret.key``
(mode 0600); purposes get keys of their own derived from it (:func:`derive_key`).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import logging
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from services.kit.errors import Forbidden, NotFound

log = logging.getLogger("outbound.calendar.links")

KEY_FILE = "calendar-secret.key"
TOKEN_BYTES = 32
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{22,128}")
_LINK_SHAPE = re.compile(r"[A-Za-z0-9_-]{8,400}\.[A-Za-z0-9_-]{43}")
_BOOKING_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
Purpose = Literal["reschedule", "cancel", "book"]
PURPOSES: tuple[Purpose, ...] = ("reschedule", "cancel", "book")


class LinkInvalid(NotFound):
    """A token or link that is malformed, forged, for something else, or unknown (one answer for all)."""

    code = "link-invalid"

    def __init__(self, detail: str = "This link is not valid.") -> None:
        super().__init__(detail)


class LinkExpired(Forbidden):
    """A genuine link past its time; saying so is safe because only its holder can learn it."""

    code = "link-expired"

    def __init__(self, detail: str = "This link has expired.") -> None:
        super().__init__(detail)


# --- booking tokens ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IssuedToken:
    """A fresh token: give ``token`` out once, store ``token_hash`` and ``expires_at``."""

    token: str
    token_hash: str
    expires_at: dt.datetime | None


def issue_token(now: dt.datetime, ttl: dt.timedelta | None) -> IssuedToken:
    """A new unguessable token (256 bits); ``ttl`` None: it does not expire (a page's generic link)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return IssuedToken(token, hash_token(token), None if ttl is None else now + ttl)


def hash_token(token: str) -> str:
    """What is stored and looked up: the token's SHA-256 (hex). Tokens are random, so no salt is needed."""
    return hashlib.sha256(token.encode()).hexdigest()


def lookup_hash(token: str) -> str:
    """The hash to look ``token`` up by; :class:`LinkInvalid` at once for anything no token looks like."""
    if not _TOKEN_SHAPE.fullmatch(token):
        raise LinkInvalid()
    return hash_token(token)


def check_token(token: str, stored_hash: str, expires_at: dt.datetime | None, now: dt.datetime) -> None:
    """Raise unless ``token`` matches ``stored_hash`` (constant time) and has not expired."""
    if not _TOKEN_SHAPE.fullmatch(token) or not hmac.compare_digest(hash_token(token), stored_hash):
        raise LinkInvalid()
    if expires_at is not None and now >= expires_at:
        raise LinkExpired()


# --- signed manage links -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ManageClaim:
    """What a verified manage link grants: ``purpose`` on ``booking_id`` as it was at ``version``."""

    purpose: Purpose
    booking_id: str
    version: int
    expires_at: dt.datetime


@dataclass(frozen=True, slots=True)
class SlotClaim:
    """What a verified one-click link grants: booking ``start`` through the personal link ``link_id``."""

    link_id: int
    start: dt.datetime
    expires_at: dt.datetime


class ManageLinks:
    """Signs and verifies single-purpose links for one booking; the key never leaves this object."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 32:
            raise ValueError("a manage-link key needs at least 32 bytes")
        self._key = derive_key(key, "manage-links")

    def sign(self, purpose: Purpose, booking_id: str, version: int, expires_at: dt.datetime) -> str:
        """A link token for ``purpose`` on ``booking_id`` at ``version`` (e.g. the booking's SEQUENCE)."""
        if purpose not in PURPOSES:
            raise ValueError(f"unknown purpose {purpose!r}")
        if not _BOOKING_ID.fullmatch(booking_id):
            raise ValueError("booking ids in links are 1-64 characters of A-Z a-z 0-9 _ -")
        if version < 0:
            raise ValueError("a version is zero or more")
        payload = f"m1|{purpose}|{booking_id}|{version}|{int(expires_at.timestamp())}".encode()
        return f"{_b64(payload)}.{_b64(self._mac(payload))}"

    def verify(self, token: str, purpose: Purpose, now: dt.datetime) -> ManageClaim:
        """The claim of a genuine, unexpired link for ``purpose``; :class:`LinkInvalid` / :class:`LinkExpired`."""
        if not _LINK_SHAPE.fullmatch(token):
            raise LinkInvalid()
        body, mac = token.split(".")
        try:
            payload, given = _unb64(body), _unb64(mac)
        except (binascii.Error, ValueError):
            raise LinkInvalid() from None
        if not hmac.compare_digest(self._mac(payload), given):
            raise LinkInvalid()
        # Only a payload we signed gets this far, so its shape is ours; still parse it strictly.
        parts = payload.decode("ascii", "replace").split("|")
        if len(parts) != 5 or parts[0] != "m1" or not parts[3].isdigit() or not parts[4].isdigit():
            raise LinkInvalid()
        if parts[1] != purpose:
            raise LinkInvalid()
        expires_at = dt.datetime.fromtimestamp(int(parts[4]), dt.UTC)
        if now >= expires_at:
            raise LinkExpired()
        return ManageClaim(purpose, parts[2], int(parts[3]), expires_at)

    def sign_slot(self, link_id: int, start: dt.datetime, expires_at: dt.datetime) -> str:
        """A one-click link that books the slot at ``start`` through the personal link ``link_id``."""
        if link_id < 1:
            raise ValueError("a personal link id is positive")
        return self.sign("book", str(link_id), int(start.timestamp()), expires_at)

    def verify_slot(self, token: str, now: dt.datetime) -> SlotClaim:
        """The slot a genuine, unexpired one-click link books; :class:`LinkInvalid` / :class:`LinkExpired`."""
        claim = self.verify(token, "book", now)
        if not claim.booking_id.isdigit():
            raise LinkInvalid()
        start = dt.datetime.fromtimestamp(claim.version, dt.UTC)
        return SlotClaim(int(claim.booking_id), start, claim.expires_at)

    def _mac(self, payload: bytes) -> bytes:
        return hmac.new(self._key, payload, hashlib.sha256).digest()


# --- the key ------------------------------------------------------------------------------------


def load_or_create_key(data_dir: Path, configured: str | None) -> bytes:
    """The calendar's secret: ``OUTBOUND_CALENDAR_SECRET``, else ``<data_dir>/calendar-secret.key``, made once."""
    if configured:
        return configured.encode()
    path = data_dir / KEY_FILE
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: two processes starting together must not each write (and use) a different key.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key(path)
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(48))
    return _read_key(path)


def derive_key(key: bytes, purpose: str) -> bytes:
    """An independent key for one purpose, so no two uses ever share a key."""
    return hmac.new(key, f"outbound-calendar/{purpose}".encode(), hashlib.sha256).digest()


def _read_key(path: Path) -> bytes:
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        log.warning("%s was readable by others (mode %o); narrowing it to 0600", path, mode)
        path.chmod(0o600)
    for _ in range(100):
        key = path.read_text().strip().encode()
        if len(key) >= 32:
            return key
        # Another process may be between creating the file and writing it.
        time.sleep(0.01)
    raise RuntimeError(f"{path} holds no usable key; delete it to have a new one made")


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if _b64(raw) != text:
        # Unused low bits in the last character would let one link have several spellings.
        raise ValueError("not canonical base64")
    return raw
