"""Every SQL statement of the users service."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.db import contains_pattern, utcnow

from .models import AuditEvent, LoginThrottle, RefreshToken, ServiceClient, SigningKey, User


# --- users ---------------------------------------------------------------------------------
async def count_users(s: AsyncSession) -> int:
    return int((await s.execute(sa.select(sa.func.count()).select_from(User))).scalar_one())


async def get_user(s: AsyncSession, user_id: int) -> User | None:
    return await s.get(User, user_id)


async def get_user_by_email(s: AsyncSession, email: str) -> User | None:
    return (await s.execute(sa.select(User).where(User.email == email))).scalar_one_or_none()


async def add_user(s: AsyncSession, **fields: Any) -> User:
    user = User(**fields)
    s.add(user)
    await s.flush()
    return user


async def list_users(s: AsyncSession, *, q: str | None, limit: int, offset: int) -> tuple[Sequence[User], int]:
    stmt = sa.select(User)
    if q:
        like = contains_pattern(q.lower())
        stmt = stmt.where(sa.or_(sa.func.lower(User.email).like(like, escape="\\"),
                                 sa.func.lower(User.name).like(like, escape="\\")))
    total = (await s.execute(sa.select(sa.func.count()).select_from(stmt.subquery()))).scalar_one()
    rows = (await s.execute(stmt.order_by(User.id).limit(limit).offset(offset))).scalars().all()
    return rows, int(total)


async def count_active_admins(s: AsyncSession) -> int:
    stmt = sa.select(sa.func.count()).select_from(User).where(User.role == "admin", User.is_active.is_(True))
    return int((await s.execute(stmt)).scalar_one())


# --- refresh tokens --------------------------------------------------------------------------
async def add_refresh_token(s: AsyncSession, **fields: Any) -> RefreshToken:
    token = RefreshToken(**fields)
    s.add(token)
    await s.flush()
    return token


async def get_refresh_token(s: AsyncSession, token_hash: str) -> RefreshToken | None:
    return (await s.execute(sa.select(RefreshToken).where(RefreshToken.token_hash == token_hash))).scalar_one_or_none()


async def reload_refresh_token(s: AsyncSession, token: RefreshToken) -> None:
    """Read the row again: a parallel request may have rotated it since it was loaded."""
    await s.refresh(token)


async def revoke_family(s: AsyncSession, family_id: str) -> None:
    await s.execute(sa.update(RefreshToken).where(RefreshToken.family_id == family_id,
                                                  RefreshToken.revoked_at.is_(None)).values(revoked_at=utcnow()))


async def revoke_user_tokens(s: AsyncSession, user_id: int) -> None:
    await s.execute(sa.update(RefreshToken).where(RefreshToken.user_id == user_id,
                                                  RefreshToken.revoked_at.is_(None)).values(revoked_at=utcnow()))


async def mark_refresh_used(s: AsyncSession, token_id: int) -> bool:
    """Atomically claim a refresh token for rotation; False if someone used it first."""
    result = await s.execute(sa.update(RefreshToken).where(
        RefreshToken.id == token_id, RefreshToken.used_at.is_(None), RefreshToken.revoked_at.is_(None)
    ).values(used_at=utcnow()))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def delete_expired_refresh_tokens(s: AsyncSession, before: datetime) -> None:
    await s.execute(sa.delete(RefreshToken).where(RefreshToken.expires_at < before))


# --- audit --------------------------------------------------------------------------------------
async def add_audit(s: AsyncSession, **fields: Any) -> None:
    s.add(AuditEvent(**fields))
    await s.flush()


async def list_audit(s: AsyncSession, *, event: str | None, user_id: int | None, limit: int,
                     offset: int) -> tuple[Sequence[AuditEvent], int]:
    stmt = sa.select(AuditEvent)
    if event:
        stmt = stmt.where(AuditEvent.event == event)
    if user_id is not None:
        stmt = stmt.where(AuditEvent.user_id == user_id)
    total = (await s.execute(sa.select(sa.func.count()).select_from(stmt.subquery()))).scalar_one()
    rows = (await s.execute(stmt.order_by(AuditEvent.id.desc()).limit(limit).offset(offset))).scalars().all()
    return rows, int(total)


# --- service clients --------------------------------------------------------------------------------
async def get_service_client(s: AsyncSession, client_id: str) -> ServiceClient | None:
    stmt = sa.select(ServiceClient).where(ServiceClient.client_id == client_id)
    return (await s.execute(stmt)).scalar_one_or_none()


async def add_service_client(s: AsyncSession, **fields: Any) -> ServiceClient:
    client = ServiceClient(**fields)
    s.add(client)
    await s.flush()
    return client


async def list_service_clients(s: AsyncSession) -> Sequence[ServiceClient]:
    return (await s.execute(sa.select(ServiceClient).order_by(ServiceClient.id))).scalars().all()


# --- signing keys ------------------------------------------------------------------------------------
async def list_signing_keys(s: AsyncSession) -> Sequence[SigningKey]:
    return (await s.execute(sa.select(SigningKey).order_by(SigningKey.created_at))).scalars().all()


async def add_signing_key(s: AsyncSession, **fields: Any) -> SigningKey:
    key = SigningKey(**fields)
    s.add(key)
    await s.flush()
    return key


# --- login throttle ---------------------------------------------------------------------------------
async def get_throttles(s: AsyncSession, keys: list[str]) -> dict[str, LoginThrottle]:
    rows = (await s.execute(sa.select(LoginThrottle).where(LoginThrottle.key.in_(keys)))).scalars().all()
    return {row.key: row for row in rows}


async def count_throttle_failure(s: AsyncSession, key: str, *, now: datetime, window_start_before: datetime) -> int:
    """Count one failure atomically and return the new total (a window older than the cut-off restarts).

    Simultaneous failures must neither collide on the insert nor overwrite each other's count.
    """
    values = {"key": key, "failures": 0, "window_start": now}
    if s.get_bind().dialect.name == "postgresql":
        await s.execute(pg_insert(LoginThrottle).values(**values).on_conflict_do_nothing(index_elements=["key"]))
    else:
        await s.execute(sqlite_insert(LoginThrottle).values(**values).on_conflict_do_nothing(index_elements=["key"]))
    expired = LoginThrottle.window_start < window_start_before
    stmt = (sa.update(LoginThrottle).where(LoginThrottle.key == key)
            .values(failures=sa.case((expired, 1), else_=LoginThrottle.failures + 1),
                    window_start=sa.case((expired, now), else_=LoginThrottle.window_start))
            .returning(LoginThrottle.failures).execution_options(synchronize_session=False))
    return int((await s.execute(stmt)).scalar_one())


async def block_throttle(s: AsyncSession, key: str, until: datetime) -> None:
    await s.execute(sa.update(LoginThrottle).where(LoginThrottle.key == key).values(blocked_until=until)
                    .execution_options(synchronize_session=False))


async def clear_throttle(s: AsyncSession, key: str) -> None:
    await s.execute(sa.delete(LoginThrottle).where(LoginThrottle.key == key))
