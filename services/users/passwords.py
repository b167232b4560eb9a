"""Password hashing (argon2id via pwdlib) and service-secret hashing.

The argon2 cost is a setting: the defaults are pwdlib's recommended ones; a deployment on small
machines, or a test suite, may lower them. Hashes made with other parameters still verify and are
upgraded at the next successful sign-in.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher


class Passwords:
    def __init__(self, *, time_cost: int = 3, memory_kib: int = 65536, parallelism: int = 4) -> None:
        self.hasher = PasswordHash((Argon2Hasher(time_cost=time_cost, memory_cost=memory_kib,
                                                 parallelism=parallelism),))
        # Verified against when the e-mail is unknown, so a miss costs as long as a wrong password.
        self.dummy_hash = self.hasher.hash(secrets.token_urlsafe(16))

    async def hash(self, password: str) -> str:
        return await asyncio.to_thread(self.hasher.hash, password)

    async def verify(self, password: str, password_hash: str | None) -> bool:
        return await asyncio.to_thread(self.hasher.verify, password, password_hash or self.dummy_hash)

    async def verify_and_update(self, password: str, password_hash: str | None) -> tuple[bool, str | None]:
        """(matches, a new hash when the parameters changed since this one was made)."""
        return await asyncio.to_thread(self.hasher.verify_and_update, password, password_hash or self.dummy_hash)


def hash_secret(secret: str) -> str:
    """Service secrets are long random strings: a fast hash is safe for them (no dictionary to try)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(secret: str, secret_hash: str | None) -> bool:
    return hmac.compare_digest(hash_secret(secret), secret_hash or "")
