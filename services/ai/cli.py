"""``outbound ai enrich URL...``: crawl, extract and enrich sites; one JSON object per site and line.

Each line holds the fields of ``outbound leads extract`` plus ``summary``, ``industry``, ``persons``
(grounded), the rest of the profile, and ``ai`` {provider, model, prompt_version, prompt_tokens,
completion_tokens, cost, cached}. The AI database (``<OUTBOUND_DATA_DIR>/ai.db`` by default) holds the
prompt library and the response cache, so a repeat run over the same sites asks the model nothing.
"""

from __future__ import annotations

import asyncio
import json
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


async def _run(urls: list[str], settings: AISettings, concurrency: int | None,
               language: str | None) -> tuple[int, int]:
    from services.ai.engine import CLI_CALLER, AIEngine
    from services.ai.enrichment import enrich_record
    from services.ai.main import MIGRATIONS
    from services.ai.service import seed_prompts
    from services.kit.db import create_null_pool_engine, migrate, session_factory, session_scope
    from services.kit.errors import AppError
    from services.leads.crawler.site import Crawler
    from services.leads.pipeline import extract_sites

    db = create_null_pool_engine(str(settings.database_url))
    engine = AIEngine.from_settings(settings)
    failed = total = 0
    try:
        await migrate(db, MIGRATIONS, "alembic_version_ai")
        sessions = session_factory(db)
        async with session_scope(sessions) as s:
            await seed_prompts(s)
        async with Crawler(settings) as crawler:
            async for record in extract_sites(urls, crawler=crawler, concurrency=concurrency):
                total += 1
                result, error = None, None
                try:
                    async with session_scope(sessions) as s:
                        result = await enrich_record(s, engine, CLI_CALLER, record, language=language,
                                                     purpose="cli")
                except AppError as exc:
                    error = exc.detail
                failed += result is None
                typer.echo(json.dumps(_line(record, result, error), ensure_ascii=False))
    finally:
        await engine.aclose()
        await db.dispose()
    return failed, total


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
    settings = AISettings()
    if no_render:
        settings = settings.model_copy(update={"render_mode": "never"})
    failed, total = asyncio.run(_run(urls, settings, concurrency, language))
    typer.echo(f"{total} sites, {total - failed} enriched with {settings.provider} ({settings.model_name})", err=True)


if __name__ == "__main__":
    app()
