"""``outbound ai enrich URL...``: have the leads service crawl and extract each site, enrich it here; one
JSON object per site and line.

Each line holds the fields of ``outbound leads extract`` plus ``summary``, ``industry``, ``persons``
(grounded), the rest of the profile, and ``ai`` {provider, model, prompt_version, prompt_tokens,
completion_tokens, cost, cached}. The AI database (``<OUTBOUND_DATA_DIR>/ai.db`` by default) holds the
prompt library and the response cache, so a repeat run over the same sites asks the model nothing.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from typing import Annotated, Any

import typer

from services.ai.settings import AISettings

app = typer.Typer(help="AI: enrich company websites (and write e-mails through the API).", no_args_is_help=True)


@app.callback()
def _main() -> None:
    """Keep ``enrich`` a named subcommand even while it is the only one."""


def _line(record: Any, result: Any | None, error: str | None) -> dict[str, Any]:
    out: dict[str, Any] = record.model_dump(mode="json")
    if result is None:
        out.update(summary=None, persons=[], ai=None, error=error)
        return out
    profile = result.profile
    meta = result.ai
    out.update(summary=profile.summary, industry=profile.industry, persons=[p.model_dump() for p in profile.persons],
               size_estimate=profile.size_estimate, products_services=profile.products_services, hook=profile.hook,
               language=profile.language or record.language, generated_by=profile.generated_by,
               ai={"provider": meta.provider, "model": meta.model, "prompt_version": meta.prompt_version,
                   "prompt_tokens": meta.prompt_tokens, "completion_tokens": meta.completion_tokens,
                   "cost": meta.cost, "cached": meta.cached, "attempts": meta.attempts,
                   "input_truncated": meta.input_truncated},
               grounding=result.grounding.model_dump(), missing=result.missing, ai_warnings=result.warnings)
    return out


async def _enrich_all(urls: list[str], settings: AISettings, concurrency: int,
                      language: str | None) -> tuple[int, int]:
    """Each site read by the leads service at ``settings.leads_url``, enriched here, one line each."""
    from services.ai.engine import CLI_CALLER, AIEngine
    from services.ai.enrichment import enrich_record
    from services.ai.main import MIGRATIONS, SCOPES
    from services.ai.service import seed_prompts
    from services.kit.app import service_token_provider
    from services.kit.db import create_null_pool_engine, migrate, session_factory, session_scope
    from services.kit.errors import AppError
    from services.leads.client import LeadsClient

    db = create_null_pool_engine(str(settings.database_url))
    engine = AIEngine.from_settings(settings, session_factory(db))
    tokens = service_token_provider(settings, SCOPES)
    leads = LeadsClient(settings.leads_url, timeout=settings.http_timeout, token_provider=tokens)
    failed = 0
    gate = asyncio.Semaphore(concurrency)

    async def one(url: str) -> None:
        nonlocal failed
        async with gate:
            try:
                site = await leads.extract(url, read_timeout=settings.ai_crawl_timeout)
            except AppError as exc:
                failed += 1
                typer.echo(json.dumps({"url": url, "ai": None, "error": exc.detail}, ensure_ascii=False))
                return
            result, error = None, None
            try:
                result = await enrich_record(engine, CLI_CALLER, site, language=language, purpose="cli")
            except AppError as exc:
                error = exc.detail
            failed += result is None
            typer.echo(json.dumps(_line(site.record, result, error), ensure_ascii=False))

    try:
        await migrate(db, MIGRATIONS, "alembic_version_ai")
        async with session_scope(engine.sessions) as s:
            await seed_prompts(s)
        await asyncio.gather(*(one(u) for u in urls))
    finally:
        await leads.aclose()
        if tokens is not None:
            await tokens.aclose()
        await engine.aclose()
        await db.dispose()
    return failed, len(urls)


async def _run(urls: list[str], concurrency: int | None, language: str | None,
               leads_overrides: dict[str, Any]) -> tuple[int, int, AISettings]:
    """Against the leads service named by OUTBOUND_LEADS_URL, or one run in this process (the default)."""
    if os.environ.get("OUTBOUND_LEADS_URL"):
        settings = AISettings()
        return (*await _enrich_all(urls, settings, concurrency or 4, language), settings)
    # The command is a small composition root of its own: the leads service (and the users service
    # that issues its service tokens) run in this process, on the same data directory.
    from services.embedded import local_services

    async with local_services(["leads"], **leads_overrides) as wiring:
        settings = AISettings(**wiring)
        return (*await _enrich_all(urls, settings, concurrency or 4, language), settings)


@app.command()
def enrich(
    urls: Annotated[list[str], typer.Argument(help="Sites to enrich; '-' reads URLs from stdin, one a line.")],
    json_output: Annotated[
        bool, typer.Option("--json", help="One JSON object per site and line (the default).")
    ] = True,
    concurrency: Annotated[int | None, typer.Option(min=1, max=256, help="Sites crawled at once.")] = None,
    language: Annotated[str | None, typer.Option(help="Language of summary and hook (ISO 639-1).")] = None,
    no_render: Annotated[bool, typer.Option("--no-render", help="Never start a browser for JavaScript pages.")] = False,
) -> None:
    """Crawl each site, extract its facts and enrich them (OUTBOUND_AI_PROVIDER); nothing is stored but the cache."""
    del json_output  # JSON lines is the only format; the flag is accepted for explicitness
    if "-" in urls:
        urls = [u for u in urls if u != "-"] + [line.strip() for line in sys.stdin if line.strip()]
    overrides: dict[str, Any] = {"render_mode": "never"} if no_render else {}
    failed, total, settings = asyncio.run(_run(urls, concurrency, language, overrides))
    typer.echo(f"{total} sites, {total - failed} enriched with {settings.provider} ({settings.model_name})", err=True)


if __name__ == "__main__":
    app()
