"""The rules of the prompt library and of usage; functions take the session and only flush.

Prompts are named, versioned records: saving a prompt adds a version and makes it the active one,
old versions stay (and can be made active again). The default set is added at startup when missing.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.auth import Principal
from services.kit.errors import Conflict, Forbidden, Invalid, NotFound
from services.kit.schemas import Page

from . import repository as repo
from .engine import Caller, midnight_utc
from .models import Prompt
from .prompts import DEFAULT_HISTORY, DEFAULTS_BY_NAME, PLACEHOLDERS, check_template
from .schemas import (
    CallRead,
    PromptActivate,
    PromptCreate,
    PromptDetail,
    PromptRead,
    PromptUpdate,
    UsageLine,
    UsageRead,
)
from .settings import AISettings


# --- prompts -------------------------------------------------------------------------------------------
async def seed_prompts(s: AsyncSession) -> int:
    """Add the default prompt versions a database lacks, each as the prompt's next version; returns how many.

    A newly added current default becomes the active version unless an admin's own version is active
    (their version stays; the new default is there to switch to). A version an admin re-activated is
    never switched away from: only what this run added is activated.
    """
    added = 0
    for name, history in DEFAULT_HISTORY.items():
        stored = list(await repo.prompt_versions(s, name))
        texts = {(p.system, p.template) for p in stored}
        latest = max((p.version for p in stored), default=0)
        newest_added = False
        for i, p in enumerate(history):
            if (p.system, p.template) in texts:
                continue
            latest += 1
            await repo.add(s, Prompt(name=name, version=latest, description=p.description, system=p.system,
                                     template=p.template, output_schema=p.output_schema, is_active=False,
                                     created_by="system"))
            texts.add((p.system, p.template))
            added += 1
            newest_added = i == len(history) - 1
        active = next((p for p in stored if p.is_active), None)
        if newest_added and (active is None or active.created_by == "system"):
            await repo.activate(s, name, latest)
    return added


async def active_prompt(s: AsyncSession, name: str) -> Prompt:
    prompt = await repo.active_prompt(s, name)
    if prompt is None:
        raise NotFound(f"There is no active prompt named {name!r}.")
    return prompt


def _detail(rows: list[Prompt]) -> PromptDetail:
    active = next((r for r in rows if r.is_active), rows[0])
    return PromptDetail(name=active.name, active=PromptRead.model_validate(active),
                        versions=[PromptRead.model_validate(r) for r in rows],
                        placeholders=sorted(PLACEHOLDERS.get(active.output_schema, set())))


async def list_prompts(s: AsyncSession) -> list[PromptDetail]:
    by_name: dict[str, list[Prompt]] = {}
    for row in await repo.all_prompts(s):
        by_name.setdefault(row.name, []).append(row)
    return [_detail(rows) for rows in by_name.values()]


async def prompt_detail(s: AsyncSession, name: str) -> PromptDetail:
    rows = list(await repo.prompt_versions(s, name))
    if not rows:
        raise NotFound(f"There is no prompt named {name!r}.")
    return _detail(rows)


def _check(name: str, output_schema: str, template: str) -> None:
    errors = check_template(name, output_schema, template)
    if errors:
        raise Invalid("The prompt template uses placeholders it may not use, or lacks required ones.", errors=errors)
    default = DEFAULTS_BY_NAME.get(name)
    if default is not None and default.output_schema != output_schema:
        raise Invalid(f"{name!r} must keep the output schema {default.output_schema!r}.")


async def create_prompt(s: AsyncSession, data: PromptCreate, actor: Principal) -> PromptDetail:
    if await repo.latest_version(s, data.name):
        raise Conflict(f"A prompt named {data.name!r} exists; save a new version of it instead.")
    _check(data.name, data.output_schema, data.template)
    await repo.add(s, Prompt(name=data.name, version=1, description=data.description, system=data.system,
                             template=data.template, output_schema=data.output_schema, is_active=True,
                             created_by=actor.actor))
    return await prompt_detail(s, data.name)


async def update_prompt(s: AsyncSession, name: str, data: PromptUpdate, actor: Principal) -> PromptDetail:
    """A new version from the active one plus the changes; it becomes the active version."""
    current = await active_prompt(s, name)
    template = data.template if data.template is not None else current.template
    _check(name, current.output_schema, template)
    version = await repo.latest_version(s, name) + 1
    await repo.add(s, Prompt(name=name, version=version, output_schema=current.output_schema, is_active=False,
                             description=data.description if data.description is not None else current.description,
                             system=data.system if data.system is not None else current.system, template=template,
                             created_by=actor.actor))
    await repo.activate(s, name, version)
    return await prompt_detail(s, name)


async def activate_prompt(s: AsyncSession, name: str, data: PromptActivate) -> PromptDetail:
    versions = {p.version for p in await repo.prompt_versions(s, name)}
    if not versions:
        raise NotFound(f"There is no prompt named {name!r}.")
    if data.version not in versions:
        raise NotFound(f"Prompt {name!r} has no version {data.version} (it has {sorted(versions)}).")
    await repo.activate(s, name, data.version)
    return await prompt_detail(s, name)


# --- usage -------------------------------------------------------------------------------------------------
def _line(u: repo.Usage) -> UsageLine:
    return UsageLine(principal=u.principal, calls=u.calls, cached_calls=u.cached_calls, prompt_tokens=u.prompt_tokens,
                     completion_tokens=u.completion_tokens, cost=round(u.cost, 6))


async def usage_today(s: AsyncSession, settings: AISettings, principal: Principal) -> UsageRead:
    start = midnight_utc()
    caller = Caller.of(principal)
    mine = await repo.usage_since(s, caller.key, start)
    budget = settings.ai_daily_budget_usd if caller.budgeted and settings.ai_daily_budget_usd else None
    tokens = settings.ai_daily_token_budget if caller.budgeted and settings.ai_daily_token_budget else None
    everyone = None
    if principal.role == "admin" and not principal.is_service:
        everyone = [_line(u) for u in await repo.usage_by_principal(s, start)]
    return UsageRead(day=start.date().isoformat(), mine=_line(mine), budget_usd=budget,
                     remaining_usd=round(max(0.0, budget - mine.cost), 6) if budget is not None else None,
                     token_budget=tokens, remaining_tokens=max(0, tokens - mine.tokens) if tokens is not None else None,
                     resets_at=start + timedelta(days=1), users=everyone)


async def list_calls(s: AsyncSession, principal: Principal, *, everyone: bool, limit: int,
                     offset: int) -> Page[CallRead]:
    """The ledger, newest first: one's own calls, or everyone's for admins who ask."""
    if everyone and principal.role != "admin":
        raise Forbidden("Only admins can see everyone's calls.")
    rows, total = await repo.list_calls(s, principal=None if everyone else Caller.of(principal).key, limit=limit,
                                        offset=offset)
    return Page[CallRead](items=[CallRead.model_validate(r) for r in rows], total=total, limit=limit, offset=offset)
