"""Verifying access tokens: the users service signs, everyone else checks against its JWKS.

Algorithms are pinned per key (the JWK says which), the registered claims are required, and a
verified token is cached until it expires so the hot path is a dict lookup.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any

import jwt
from fastapi import Depends, Request

from .errors import Forbidden, Unauthorized

ROLES = ("admin", "sales", "demo")
# Service tokens name their service as ``svc:<name>`` (the users service issues them so).
SERVICE_SUBJECT_PREFIX = "svc:"
REQUIRED_CLAIMS = ["exp", "iat", "iss", "aud", "sub", "jti", "typ"]
ALLOWED_ALGORITHMS = {"EdDSA", "RS256", "ES256"}
JwksSource = Callable[[], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class Principal:
    """Who is calling: a user (typ ``access``) or another service (typ ``service``)."""

    sub: str
    typ: str
    role: str | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)
    exp: int = 0
    jti: str = ""

    @property
    def is_service(self) -> bool:
        return self.typ == "service"

    @property
    def user_id(self) -> int | None:
        return int(self.sub) if self.typ == "access" and self.sub.isdigit() else None

    @property
    def service(self) -> str | None:
        """The calling service's name (``ai`` for the subject ``svc:ai``); None for a user."""
        return self.sub.removeprefix(SERVICE_SUBJECT_PREFIX) if self.is_service else None

    @property
    def actor(self) -> str:
        """How records name who did something: ``user:<id>`` or ``svc:<name>``."""
        return self.sub if self.is_service else f"user:{self.sub}"


class TokenVerifier:
    """Checks signature, algorithm, issuer, audience, expiry and type; caches the verdict."""

    def __init__(
        self,
        jwks_source: JwksSource,
        *,
        issuer: str,
        audience: str,
        accepted_types: Iterable[str] = ("access", "service"),
        leeway: int = 5,
        cache_size: int = 50_000,
        refresh_interval: float = 30.0,
    ) -> None:
        self._jwks_source = jwks_source
        self.issuer = issuer
        self.audience = audience
        self.accepted_types = frozenset(accepted_types)
        self.leeway = leeway
        self._keys: dict[str, jwt.PyJWK] = {}
        self._cache: dict[str, Principal] = {}
        self._cache_size = cache_size
        self._refresh_interval = refresh_interval
        self._last_refresh = 0.0
        self._lock = asyncio.Lock()

    async def refresh_keys(self, *, force: bool = False) -> None:
        async with self._lock:
            now = time.monotonic()
            if not force and self._keys and now - self._last_refresh < self._refresh_interval:
                return
            doc = await self._jwks_source()
            keys: dict[str, jwt.PyJWK] = {}
            for jwk in doc.get("keys", []):
                alg = jwk.get("alg")
                kid = jwk.get("kid")
                if not kid or alg not in ALLOWED_ALGORITHMS or "d" in jwk:
                    continue
                keys[kid] = jwt.PyJWK(jwk, algorithm=alg)
            self._keys = keys
            self._last_refresh = now

    def _cached(self, token: str) -> Principal | None:
        hit = self._cache.get(token)
        if hit is None:
            return None
        if hit.exp + self.leeway < time.time():
            self._cache.pop(token, None)
            return None
        return hit

    async def verify(self, token: str) -> Principal:
        hit = self._cached(token)
        if hit is not None:
            return hit
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthorized("The access token is malformed.") from exc
        kid = header.get("kid")
        if not isinstance(kid, str):
            raise Unauthorized("The access token has no key id.")
        if kid not in self._keys:
            # A new signing key may have been published since we last looked; look once more.
            await self.refresh_keys(force=not self._keys or time.monotonic() - self._last_refresh > 1.0)
        key = self._keys.get(kid)
        if key is None:
            raise Unauthorized("The access token was signed by an unknown key.")
        if header.get("alg") != key.algorithm_name:
            raise Unauthorized("The access token uses an algorithm its key does not allow.")
        try:
            claims = jwt.decode(
                token,
                key=key.key,
                algorithms=[key.algorithm_name],
                audience=self.audience,
                issuer=self.issuer,
                leeway=self.leeway,
                options={"require": REQUIRED_CLAIMS},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthorized("The access token has expired.") from exc
        except jwt.PyJWTError as exc:
            raise Unauthorized("The access token is not valid.") from exc
        principal = principal_from_claims(claims, self.accepted_types)
        if len(self._cache) >= self._cache_size:
            self._evict()
        self._cache[token] = principal
        return principal

    def _evict(self) -> None:
        now = time.time()
        for tok in [t for t, p in self._cache.items() if p.exp < now]:
            del self._cache[tok]
        if len(self._cache) >= self._cache_size:
            self._cache.clear()

    def forget(self, token: str) -> None:
        self._cache.pop(token, None)


def principal_from_claims(claims: dict[str, Any], accepted_types: frozenset[str]) -> Principal:
    typ = claims.get("typ")
    if typ not in accepted_types:
        raise Unauthorized("This kind of token is not accepted here.")
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub:
        raise Unauthorized("The access token has no subject.")
    role = claims.get("role")
    if typ == "access" and role not in ROLES:
        raise Unauthorized("The access token carries no valid role.")
    scope = claims.get("scope", "")
    scopes = frozenset(scope.split()) if isinstance(scope, str) else frozenset()
    return Principal(sub=sub, typ=str(typ), role=role, scopes=scopes, exp=int(claims["exp"]), jti=str(claims["jti"]))


def bearer_token(authorization: str | None) -> str:
    if not authorization:
        raise Unauthorized("Sign in first: no access token was sent.")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("Use an 'Authorization: Bearer <token>' header.")
    return token.strip()


async def current_principal(request: Request) -> Principal:
    verifier: TokenVerifier = request.app.state.verifier
    return await verifier.verify(bearer_token(request.headers.get("authorization")))


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def _service_name(request: Request) -> str:
    """The service a request reached: service tokens are scoped per service (``leads:read``)."""
    return str(request.app.state.runtime.name)


def require_roles(*roles: str) -> Callable[[Principal], Awaitable[Principal]]:
    """Dependency: a user whose role is one of ``roles`` (services are refused)."""

    async def check(principal: CurrentPrincipal) -> Principal:
        if principal.is_service or principal.role not in roles:
            raise Forbidden("Your role does not allow this.")
        return principal

    return check


def user_or_scope(scope: str) -> Callable[..., Awaitable[Principal]]:
    """Dependency: a signed-in user, or a service holding ``scope``.

    ``scope`` may name the service as ``{service}``: ``"{service}:read"`` is ``leads:read`` in leads.
    What the demo role may change is not decided here but in the one demo table (``kit.policy``),
    which every service applies before a route runs.
    """

    async def check(request: Request, principal: CurrentPrincipal) -> Principal:
        if principal.is_service:
            needed = scope.format(service=_service_name(request))
            if needed not in principal.scopes:
                raise Forbidden(f"This endpoint needs a service token with scope '{needed}'.")
        return principal

    return check


def require_scope(scope: str) -> Callable[[Principal], Awaitable[Principal]]:
    """Dependency: a service token that carries ``scope`` (users are refused)."""

    async def check(principal: CurrentPrincipal) -> Principal:
        if not principal.is_service or scope not in principal.scopes:
            raise Forbidden(f"This endpoint needs a service token with scope '{scope}'.")
        return principal

    return check


# The principals every service's routes use. Other services reach a route only with the scope
# named after the service they call (``leads:read``, ``ai:write``); people by role.
# Reading: every signed-in role, the demo role included.
ReaderPrincipal = Annotated[Principal, Depends(user_or_scope("{service}:read"))]
# Changing data: people, and services with the write scope; which writes the demo role may make is the
# demo table's decision (kit.policy, enforced by every service and the gateway before the route runs).
WriterPrincipal = Annotated[Principal, Depends(user_or_scope("{service}:write"))]
# People only (no service tokens): admins and sales.
StaffPrincipal = Annotated[Principal, Depends(require_roles("admin", "sales"))]


# --- admin routes re-read the account -------------------------------------------------------------
#
# An access token lives up to 15 minutes; an admin demoted or deactivated in that time must lose the
# admin routes at once. So every admin route asks the users service whether the account is still an
# active admin (cached for a few seconds; changes made in this process clear the cache at once).

AccountSource = Callable[[Principal, str], Awaitable[str | None]]  # -> the account's current role, None if inactive
ACCOUNT_CACHE_SECONDS = 5.0
_account_checks: weakref.WeakSet[AccountCheck] = weakref.WeakSet()


class AccountCheck:
    """The current role of a signed-in user's account, from the users service, cached briefly."""

    def __init__(self, source: AccountSource, ttl: float = ACCOUNT_CACHE_SECONDS) -> None:
        self._source = source
        self._ttl = ttl
        self._cache: dict[str, tuple[float, str | None]] = {}
        _account_checks.add(self)

    async def current_role(self, principal: Principal, token: str) -> str | None:
        hit = self._cache.get(principal.sub)
        now = time.monotonic()
        if hit is not None and now - hit[0] < self._ttl:
            return hit[1]
        role = await self._source(principal, token)
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[principal.sub] = (now, role)
        return role

    def forget(self, sub: str) -> None:
        self._cache.pop(sub, None)


def account_changed(sub: str) -> None:
    """The users service changed this account (role, active): every check in this process re-reads it."""
    for check in list(_account_checks):
        check.forget(sub)


async def confirm_admin(request: Request, principal: Principal) -> Principal:
    """Refuse unless ``principal`` is a user whose account is an active admin right now."""
    if principal.is_service or principal.role != "admin":
        raise Forbidden("Only admins may do this.")
    check: AccountCheck = request.app.state.account_check
    role = await check.current_role(principal, bearer_token(request.headers.get("authorization")))
    if role is None:
        raise Unauthorized("The account is not active.")
    if role != "admin":
        raise Forbidden("Only admins may do this.")
    return principal


async def admin_principal(request: Request, principal: CurrentPrincipal) -> Principal:
    return await confirm_admin(request, principal)


AdminPrincipal = Annotated[Principal, Depends(admin_principal)]
