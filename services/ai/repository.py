"""Every SQL statement of the ai service."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from .models import AICacheEntry, AICall, CompanyProfile, Prompt


async def add(s: AsyncSession, row: Any) -> Any:
    s.add(row)
    await s.flush()
    return row


# --- prompts -------------------------------------------------------------------------------------
async def active_prompt(s: AsyncSession, name: str) -> Prompt | None:
    stmt = sa.select(Prompt).where(Prompt.name == name, Prompt.is_active.is_(True)).order_by(Prompt.version.desc())
    return (await s.execute(stmt.limit(1))).scalar_one_or_none()


async def prompt_versions(s: AsyncSession, name: str) -> Sequence[Prompt]:
    stmt = sa.select(Prompt).where(Prompt.name == name).order_by(Prompt.version.desc())
    return (await s.execute(stmt)).scalars().all()


async def all_prompts(s: AsyncSession) -> Sequence[Prompt]:
    return (await s.execute(sa.select(Prompt).order_by(Prompt.name, Prompt.version.desc()))).scalars().all()


async def prompt_names(s: AsyncSession) -> set[str]:
    return set((await s.execute(sa.select(Prompt.name).distinct())).scalars().all())


async def latest_version(s: AsyncSession, name: str) -> int:
    return int((await s.execute(sa.select(sa.func.max(Prompt.version)).where(Prompt.name == name))).scalar() or 0)


async def activate(s: AsyncSession, name: str, version: int) -> None:
    await s.execute(sa.update(Prompt).where(Prompt.name == name).values(is_active=Prompt.version == version))
    await s.flush()


# --- the usage ledger --------------------------------------------------------------------------------
@dataclass
class Usage:
    principal: str
    calls: int = 0
    cached_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float = 0.0

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


def _usage_columns() -> list[Any]:
    return [sa.func.count(AICall.id), sa.func.coalesce(sa.func.sum(sa.case((AICall.cached, 1), else_=0)), 0),
            sa.func.coalesce(sa.func.sum(AICall.prompt_tokens), 0),
            sa.func.coalesce(sa.func.sum(AICall.completion_tokens), 0),
            sa.func.coalesce(sa.func.sum(AICall.cost), 0.0)]


async def usage_since(s: AsyncSession, principal: str, since: datetime) -> Usage:
    row = (await s.execute(sa.select(*_usage_columns()).where(AICall.principal == principal,
                                                               AICall.created_at >= since))).one()
    return Usage(principal, int(row[0]), int(row[1]), int(row[2]), int(row[3]), float(row[4]))


async def usage_by_principal(s: AsyncSession, since: datetime) -> list[Usage]:
    stmt = (sa.select(AICall.principal, *_usage_columns()).where(AICall.created_at >= since)
            .group_by(AICall.principal).order_by(AICall.principal))
    return [Usage(r[0], int(r[1]), int(r[2]), int(r[3]), int(r[4]), float(r[5])) for r in (await s.execute(stmt))]


async def list_calls(s: AsyncSession, *, principal: str | None, limit: int,
                     offset: int) -> tuple[Sequence[AICall], int]:
    stmt = sa.select(AICall)
    if principal is not None:
        stmt = stmt.where(AICall.principal == principal)
    total = (await s.execute(sa.select(sa.func.count()).select_from(stmt.subquery()))).scalar_one()
    rows = (await s.execute(stmt.order_by(AICall.id.desc()).limit(limit).offset(offset))).scalars().all()
    return rows, int(total)


# --- the response cache -------------------------------------------------------------------------------
async def cached_response(s: AsyncSession, key: str) -> AICacheEntry | None:
    return await s.get(AICacheEntry, key)


async def store_response(s: AsyncSession, *, key: str, response: dict[str, Any], model: str, prompt_tokens: int,
                         completion_tokens: int, created_at: datetime) -> None:
    """Insert once; two requests racing on the same input keep the first answer."""
    values = {"key": key, "response": response, "model": model, "prompt_tokens": prompt_tokens,
              "completion_tokens": completion_tokens, "created_at": created_at}
    insert = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
    await s.execute(insert(AICacheEntry).values(**values).on_conflict_do_nothing(index_elements=["key"]))


async def get_company_profile(s: AsyncSession, company_id: int) -> CompanyProfile | None:
    return await s.get(CompanyProfile, company_id)


async def save_company_profile(s: AsyncSession, company_id: int, result: dict[str, Any]) -> None:
    row = await s.get(CompanyProfile, company_id)
    if row is None:
        s.add(CompanyProfile(company_id=company_id, result=result))
    else:
        row.result = result
    await s.flush()
