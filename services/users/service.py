"""The rules of the users service: accounts, login and throttling, tokens, audit.

Functions take the session explicitly and only flush; the request edge commits.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.auth import SERVICE_SUBJECT_PREFIX, account_changed
from services.kit.db import utcnow
from services.kit.errors import Conflict, Forbidden, Invalid, NotFound, RateLimited, Unauthorized

from . import repository as repo
from .keys import KeyRing, generate_private_pem, hash_opaque_token, new_opaque_token
from .models import AuditEvent, RefreshToken, ServiceClient, User
from .passwords import Passwords, hash_secret, secret_matches
from .schemas import SenderProfile, SenderProfileUpdate, UserCreate, UserUpdate
from .settings import UsersSettings

log = logging.getLogger("outbound.users")
_passwords = Passwords()
# Scopes each built-in service may ask for with the shared internal secret.
INTERNAL_CLIENTS: dict[str, list[str]] = {
    "leads": ["users:read"],
    "ai": ["leads:read", "leads:write", "leads:timeline", "leads:crawl", "users:read"],
    "email": ["leads:read", "leads:write", "leads:timeline", "ai:read", "ai:write", "calendar:links",
              "calendar:slots", "users:read"],
    "calendar": ["leads:read", "leads:write", "leads:timeline", "email:send", "email:sequences"],
    "gateway": [],
}


@dataclass
class IssuedTokens:
    access_token: str
    expires_in: int
    refresh_token: str


def configure_passwords(settings: UsersSettings) -> None:
    global _passwords
    _passwords = Passwords(time_cost=settings.password_hash_time_cost, memory_kib=settings.password_hash_memory_kib,
                           parallelism=settings.password_hash_parallelism)


async def hash_password(password: str) -> str:
    return await _passwords.hash(password)


async def verify_password(password: str, password_hash: str | None) -> bool:
    return await _passwords.verify(password, password_hash)


def normalise_email(email: str) -> str:
    return email.strip().lower()


async def audit(s: AsyncSession, event: str, *, user: User | None = None, email: str | None = None,
                ip: str | None = None, **detail: Any) -> None:
    await repo.add_audit(s, event=event, user_id=user.id if user else None,
                         email=user.email if user else email, ip=ip, detail=detail)


# --- start-up ------------------------------------------------------------------------------------
async def load_key_ring(s: AsyncSession, settings: UsersSettings) -> KeyRing:
    """The configured key, else the newest stored key (one is made on first start)."""
    stored = list(await repo.list_signing_keys(s))
    published = [k.public_jwk for k in stored if k.retired_at is None]
    if settings.jwt_private_key:
        return KeyRing.from_pems(settings.jwt_private_key, published)
    active = next((k for k in reversed(stored) if k.retired_at is None), None)
    if active is None:
        pem = generate_private_pem()
        ring = KeyRing.from_pems(pem)
        await repo.add_signing_key(s, kid=ring.kid, algorithm="EdDSA", private_pem=pem, public_jwk=ring.published[0])
        return ring
    return KeyRing.from_pems(active.private_pem, published)


async def ensure_first_admin(s: AsyncSession, settings: UsersSettings) -> User | None:
    if await repo.count_users(s) > 0:
        return None
    if not (settings.admin_email and settings.admin_password):
        log.warning("No account exists yet. Set OUTBOUND_ADMIN_EMAIL and OUTBOUND_ADMIN_PASSWORD and restart, "
                    "or run `outbound users create-admin`.")
        return None
    user = await create_user(s, UserCreate(email=settings.admin_email, name=settings.admin_name, role="admin",
                                           password=settings.admin_password), actor=None)
    log.info("created the first admin %s from OUTBOUND_ADMIN_EMAIL", user.email)
    return user


async def ensure_demo_account(s: AsyncSession, settings: UsersSettings) -> User:
    """The shared demo-role account public demo visitors are signed in as (no password opens it)."""
    user = await repo.get_user_by_email(s, settings.demo_account_email)
    if user is not None:
        if user.role != "demo" or not user.is_active:
            user.role, user.is_active = "demo", True
        return user
    return await repo.add_user(s, email=settings.demo_account_email, name="Demo visitor", role="demo",
                               is_active=True, password_hash=await hash_password(secrets.token_urlsafe(32)))


async def enter_demo(s: AsyncSession, ring: KeyRing, settings: UsersSettings, ip: str | None,
                     user_agent: str | None) -> IssuedTokens:
    """A demo-role session without a password, in the public demo only; rate-limited per client address."""
    if not settings.demo_mode:
        raise NotFound("There is no public demo here.")
    key = f"demo-ip:{ip or 'unknown'}"
    await _check_throttle(s, [key], "demo sessions from your address")
    # Counted like failed sign-ins: past the limit within the window, the address waits (doubling, capped).
    await _record_failure(s, settings, key, settings.demo_sessions_per_ip)
    user = await ensure_demo_account(s, settings)
    user.last_login_at = utcnow()
    await audit(s, "demo.entered", user=user, ip=ip)
    return await _issue(s, ring, settings, user, family_id=uuid.uuid4().hex, ip=ip, user_agent=user_agent)


async def ensure_internal_clients(s: AsyncSession, secret: str | None) -> None:
    """With a shared internal secret set, every built-in service can get its scoped token."""
    if not secret:
        return
    for client_id, scopes in INTERNAL_CLIENTS.items():
        existing = await repo.get_service_client(s, client_id)
        secret_hash = hash_secret(secret)
        if existing is None:
            await repo.add_service_client(s, client_id=client_id, name=f"{client_id} service",
                                          secret_hash=secret_hash, scopes=" ".join(scopes), is_active=True)
        else:
            existing.secret_hash, existing.scopes = secret_hash, " ".join(scopes)
    await s.flush()


# --- login and tokens ------------------------------------------------------------------------------
def _throttle_keys(email: str, ip: str | None) -> tuple[str, str | None]:
    return f"acct:{email}", (f"ip:{ip}" if ip else None)


async def _check_throttle(s: AsyncSession, keys: list[str], what: str = "failed sign-ins") -> None:
    now = utcnow()
    for row in (await repo.get_throttles(s, keys)).values():
        if row.blocked_until and row.blocked_until > now:
            wait = int((row.blocked_until - now).total_seconds()) + 1
            raise RateLimited(f"Too many {what}. Try again in {wait} s.", retry_after=wait, keep_changes=True)


async def _record_failure(s: AsyncSession, settings: UsersSettings, key: str, limit: int) -> None:
    now = utcnow()
    failures = await repo.count_throttle_failure(
        s, key, now=now, window_start_before=now - timedelta(seconds=settings.login_window_seconds))
    if failures >= limit:
        # Doubling blocks, capped: a guesser is slowed to a crawl, the owner is never locked out for good.
        seconds = min(settings.login_max_block_seconds, 15 * 2 ** min(failures - limit, 20))
        await repo.block_throttle(s, key, now + timedelta(seconds=seconds))


async def login(s: AsyncSession, ring: KeyRing, settings: UsersSettings, email: str, password: str,
                ip: str | None, user_agent: str | None) -> IssuedTokens:
    email = normalise_email(email)
    acct_key, ip_key = _throttle_keys(email, ip)
    keys = [acct_key] + ([ip_key] if ip_key else [])
    try:
        await _check_throttle(s, keys)
    except RateLimited:
        await audit(s, "login.throttled", email=email, ip=ip)
        raise
    user = await repo.get_user_by_email(s, email)
    ok, new_hash = await _passwords.verify_and_update(password, user.password_hash if user else None)
    if user is None or not ok or not user.is_active:
        await _record_failure(s, settings, acct_key, settings.login_max_failures_account)
        if ip_key:
            await _record_failure(s, settings, ip_key, settings.login_max_failures_ip)
        reason = "unknown" if user is None else ("inactive" if ok else "password")
        await audit(s, "login.failed", user=user, email=email, ip=ip, reason=reason)
        raise Unauthorized("Wrong e-mail or password.", keep_changes=True)
    await repo.clear_throttle(s, acct_key)
    if new_hash:  # parameters got stronger since this hash was made
        user.password_hash = new_hash
    user.last_login_at = utcnow()
    await audit(s, "login.ok", user=user, ip=ip)
    return await _issue(s, ring, settings, user, family_id=uuid.uuid4().hex, ip=ip, user_agent=user_agent)


async def _issue(s: AsyncSession, ring: KeyRing, settings: UsersSettings, user: User, *, family_id: str,
                 ip: str | None, user_agent: str | None, raw: str | None = None) -> IssuedTokens:
    raw = raw or new_opaque_token()
    await repo.add_refresh_token(
        s, user_id=user.id, family_id=family_id, token_hash=hash_opaque_token(raw), ip=ip,
        user_agent=(user_agent or "")[:300], expires_at=utcnow() + timedelta(days=settings.refresh_token_ttl_days))
    return IssuedTokens(access_token(ring, settings, user), settings.access_token_ttl, raw)


def access_token(ring: KeyRing, settings: UsersSettings, user: User) -> str:
    claims = {"sub": str(user.id), "role": user.role, "typ": "access", "email": user.email}
    return ring.sign(claims, settings.access_token_ttl, issuer=settings.jwt_issuer, audience=settings.jwt_audience)


async def refresh(s: AsyncSession, ring: KeyRing, settings: UsersSettings, raw: str | None, ip: str | None,
                  user_agent: str | None) -> IssuedTokens:
    if not raw:
        raise Unauthorized("No refresh token: sign in again.")
    token = await repo.get_refresh_token(s, hash_opaque_token(raw))
    if token is None:
        raise Unauthorized("Unknown refresh token: sign in again.")
    user = await repo.get_user(s, token.user_id)
    if token.used_at is not None or token.revoked_at is not None or not await repo.mark_refresh_used(s, token.id):
        await repo.reload_refresh_token(s, token)  # lost a race just now? then see the winner's rotation
        if user is not None and user.is_active and (again := await _recent_successor(s, ring, settings, token, raw)):
            return IssuedTokens(access_token(ring, settings, user), settings.access_token_ttl, again)
        if token.revoked_at is None or token.used_at is not None:
            # A rotated token came back: someone holds a copy. End the whole session family.
            await repo.revoke_family(s, token.family_id)
            await audit(s, "refresh.reuse", user=user, ip=ip, family=token.family_id[:8])
        raise Unauthorized("This session has ended: sign in again.", keep_changes=True)
    if token.expires_at < utcnow():
        raise Unauthorized("The session has expired: sign in again.")
    if user is None or not user.is_active:
        await repo.revoke_family(s, token.family_id)
        raise Unauthorized("The account is not active.", keep_changes=True)
    return await _issue(s, ring, settings, user, family_id=token.family_id, ip=ip, user_agent=user_agent,
                        raw=ring.successor_token(raw))


async def _recent_successor(s: AsyncSession, ring: KeyRing, settings: UsersSettings, token: RefreshToken,
                            raw: str) -> str | None:
    """The successor of a token rotated moments ago, while nobody has used it yet: parallel requests of
    one browser all present the old cookie, and all of them get the one new cookie."""
    now = utcnow()
    grace = timedelta(seconds=settings.refresh_reuse_grace_seconds)
    if token.used_at is None or token.revoked_at is not None or now - token.used_at > grace:
        return None
    successor_raw = ring.successor_token(raw)
    successor = await repo.get_refresh_token(s, hash_opaque_token(successor_raw))
    if (successor is None or successor.family_id != token.family_id or successor.used_at is not None
            or successor.revoked_at is not None or successor.expires_at < now):
        return None
    return successor_raw


async def logout(s: AsyncSession, raw: str | None, ip: str | None) -> None:
    if not raw:
        return
    token = await repo.get_refresh_token(s, hash_opaque_token(raw))
    if token is not None:
        await repo.revoke_family(s, token.family_id)
        user = await repo.get_user(s, token.user_id)
        await audit(s, "logout", user=user, ip=ip)


async def current_user(s: AsyncSession, user_id: int | None) -> User:
    """The caller's account; a deactivated account's still-valid token stops working here."""
    user = await repo.get_user(s, user_id) if user_id is not None else None
    if user is None or not user.is_active:
        raise Unauthorized("The account is not active.")
    return user


async def issue_service_token(s: AsyncSession, ring: KeyRing, settings: UsersSettings, client_id: str,
                              secret: str, requested: str | None, ip: str | None) -> tuple[str, int, str]:
    # Guessing a service secret is throttled like guessing a password, per client and per address.
    keys = [f"svc:{client_id[:64]}"] + ([f"svc-ip:{ip}"] if ip else [])
    await _check_throttle(s, keys)
    client = await repo.get_service_client(s, client_id)
    ok = secret_matches(secret, client.secret_hash if client else None)
    if client is None or not ok or not client.is_active:
        for key in keys:
            await _record_failure(s, settings, key, settings.login_max_failures_ip)
        await audit(s, "service_token.failed", email=client_id[:64], ip=ip)
        raise Unauthorized("Invalid client credentials.", keep_changes=True)
    allowed = set(client.scopes.split())
    wanted = set(requested.split()) if requested else allowed
    if not wanted <= allowed:
        raise Forbidden(f"Scopes not granted to this client: {' '.join(sorted(wanted - allowed))}")
    scope = " ".join(sorted(wanted))
    claims = {"sub": f"{SERVICE_SUBJECT_PREFIX}{client.client_id}", "typ": "service", "scope": scope}
    token = ring.sign(claims, settings.service_token_ttl, issuer=settings.jwt_issuer, audience=settings.jwt_audience)
    return token, settings.service_token_ttl, scope


# --- user administration --------------------------------------------------------------------------
async def create_user(s: AsyncSession, data: UserCreate, *, actor: User | None, ip: str | None = None) -> User:
    email = normalise_email(str(data.email))
    if await repo.get_user_by_email(s, email) is not None:
        raise Conflict(f"A user with the e-mail {email} exists already.")
    password_hash = await hash_password(data.password)
    try:
        user = await repo.add_user(s, email=email, name=data.name.strip(), role=str(data.role), is_active=True,
                                   password_hash=password_hash)
    except IntegrityError as exc:  # created by a simultaneous request since the check above
        raise Conflict(f"A user with the e-mail {email} exists already.") from exc
    await audit(s, "user.created", user=user, ip=ip, by=actor.email if actor else "system", role=user.role)
    return user


async def get_user(s: AsyncSession, user_id: int) -> User:
    user = await repo.get_user(s, user_id)
    if user is None:
        raise NotFound(f"User {user_id} does not exist.")
    return user


async def list_users(s: AsyncSession, q: str | None, limit: int, offset: int) -> tuple[Sequence[User], int]:
    return await repo.list_users(s, q=q.strip() if q else None, limit=limit, offset=offset)


async def update_user(s: AsyncSession, user_id: int, data: UserUpdate, *, actor: User, ip: str | None) -> User:
    user = await get_user(s, user_id)
    losing_admin = user.role == "admin" and user.is_active and (
        (data.role is not None and data.role != "admin") or data.is_active is False)
    if losing_admin and await repo.count_active_admins(s) <= 1:
        raise Conflict("This is the last active admin; make someone else admin first.")
    if data.name is not None:
        user.name = data.name.strip()
    if data.role is not None and data.role != user.role:
        await audit(s, "user.role_changed", user=user, ip=ip, by=actor.email, old=user.role, new=str(data.role))
        user.role = str(data.role)
        await repo.revoke_user_tokens(s, user.id)  # the next refresh must not carry the old role
    if data.is_active is not None and data.is_active != user.is_active:
        user.is_active = data.is_active
        await audit(s, "user.activated" if data.is_active else "user.deactivated", user=user, ip=ip, by=actor.email)
        if not data.is_active:
            await repo.revoke_user_tokens(s, user.id)
    await s.flush()
    account_changed(str(user.id))  # admin routes in this process re-read the account now, not in seconds
    return user


async def reset_password(s: AsyncSession, user_id: int, password: str, *, actor: User, ip: str | None) -> None:
    user = await get_user(s, user_id)
    user.password_hash = await hash_password(password)
    await repo.revoke_user_tokens(s, user.id)
    await audit(s, "user.password_reset", user=user, ip=ip, by=actor.email)


async def change_own_password(s: AsyncSession, user: User, current: str, new: str, ip: str | None) -> None:
    if not await verify_password(current, user.password_hash):
        raise Invalid("The current password is wrong.", errors=[{"loc": ["body", "current_password"],
                                                                  "msg": "wrong password"}])
    user.password_hash = await hash_password(new)
    await repo.revoke_user_tokens(s, user.id)
    await audit(s, "user.password_changed", user=user, ip=ip)


async def list_audit(s: AsyncSession, event: str | None, user_id: int | None, limit: int,
                     offset: int) -> tuple[Sequence[AuditEvent], int]:
    return await repo.list_audit(s, event=event, user_id=user_id, limit=limit, offset=offset)


async def create_service_client(s: AsyncSession, client_id: str, name: str, scopes: list[str], *,
                                actor: User) -> tuple[ServiceClient, str]:
    if await repo.get_service_client(s, client_id) is not None:
        raise Conflict(f"A service client named {client_id} exists already.")
    secret = secrets.token_urlsafe(32)
    secret_hash = hash_secret(secret)
    try:
        client = await repo.add_service_client(s, client_id=client_id, name=name, scopes=" ".join(scopes),
                                               secret_hash=secret_hash, is_active=True)
    except IntegrityError as exc:  # created by a simultaneous request since the check above
        raise Conflict(f"A service client named {client_id} exists already.") from exc
    await audit(s, "service_client.created", user=actor, client=client_id, scopes=scopes)
    return client, secret


async def list_service_clients(s: AsyncSession) -> Sequence[ServiceClient]:
    return await repo.list_service_clients(s)


async def deactivate_service_client(s: AsyncSession, client_id: str, *, actor: User) -> ServiceClient:
    client = await repo.get_service_client(s, client_id)
    if client is None:
        raise NotFound(f"Service client {client_id} does not exist.")
    client.is_active = False
    await audit(s, "service_client.deactivated", user=actor, client=client_id)
    return client



# --- the sender profile -----------------------------------------------------------------------------
_PROFILE_FIELDS = ("name", "role", "company", "offer", "calendar_url", "signature")


def sender_profile(user: User) -> SenderProfile:
    """The user's sender profile; the account's name signs when no sender name is set."""
    values = {f: getattr(user, f"sender_{f}") or None for f in _PROFILE_FIELDS}
    return SenderProfile(user_id=user.id, **{**values, "name": values["name"] or user.name})


async def update_sender_profile(s: AsyncSession, user: User, data: SenderProfileUpdate) -> SenderProfile:
    for field in _PROFILE_FIELDS:
        setattr(user, f"sender_{field}", getattr(data, field) or None)
    await s.flush()
    return sender_profile(user)
