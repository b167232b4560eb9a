"""``outbound leads extract URL...``: crawl sites and print their company facts, one JSON per line.
``outbound leads discover QUERY``: search a provider and print the companies it found."""

from __future__ import annotations

import asyncio
import sys
from typing import Annotated, Literal

import typer

from services.leads.crawler.settings import CrawlerSettings

app = typer.Typer(help="Leads: find companies, crawl their websites and extract their facts.",
                  no_args_is_help=True)
ProviderChoice = Literal["osm", "searxng", "google", "brave", "serper"]


@app.callback()
def _main() -> None:
    """Keep the subcommands named."""


async def _run(urls: list[str], settings: CrawlerSettings, concurrency: int | None) -> tuple[int, int, int]:
    from services.leads.crawler.site import Crawler
    from services.leads.pipeline import extract_sites

    failed = 0
    async with Crawler(settings) as crawler:
        async for record in extract_sites(urls, crawler=crawler, concurrency=concurrency):
            typer.echo(record.model_dump_json())
            failed += bool(record.errors) and not record.pages
        return failed, crawler.sites_crawled, crawler.sites_rendered


@app.command()
def extract(
    urls: Annotated[list[str], typer.Argument(help="Sites to crawl; '-' reads URLs from stdin, one a line.")],
    json_output: Annotated[
        bool, typer.Option("--json", help="One JSON object per site and line (the default).")
    ] = True,
    concurrency: Annotated[int | None, typer.Option(min=1, max=256, help="Sites crawled at once.")] = None,
    no_render: Annotated[bool, typer.Option("--no-render", help="Never start a browser for JavaScript pages.")] = False,
    render: Annotated[bool, typer.Option("--render", help="Render every page in the browser.")] = False,
) -> None:
    """Crawl each site and extract its company facts without storing anything."""
    del json_output  # JSON lines is the only format; the flag is accepted for explicitness
    if "-" in urls:
        urls = [u for u in urls if u != "-"] + [line.strip() for line in sys.stdin if line.strip()]
    settings = CrawlerSettings()
    if no_render or render:
        settings = settings.model_copy(update={"render_mode": "never" if no_render else "always"})
    failed, total, rendered = asyncio.run(_run(urls, settings, concurrency))
    typer.echo(f"{total} sites, {total - failed} reached, {rendered} rendered in the browser", err=True)


def _line(rank: int, listing: dict[str, str | None]) -> str:
    facts = [listing["url"] or "no website", listing["phone"], listing["address"]]
    category = f"  [{listing['category']}]" if listing["category"] else ""
    return f"{rank:>3}. {listing['name'] or listing['domain'] or '—'} — {' · '.join(f for f in facts if f)}{category}"


@app.command()
def discover(
    query: Annotated[list[str], typer.Argument(help="Everyday words: 'Elektriker München', 'Steuerberater in Graz'.",
                                               show_default=False)],
    provider: Annotated[
        ProviderChoice | None,
        typer.Option(help="Search provider (default: OUTBOUND_SEARCH_PROVIDER, else the first configured)."),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, max=1000, help="Results to fetch at most.")] = None,
    json_output: Annotated[
        bool, typer.Option("--json/--text", help="One JSON object per result and line (the default), or plain text.")
    ] = True,
) -> None:
    """Search for companies and print each result: name, website, domain, phone, address, category."""
    from services.kit.errors import AppError
    from services.leads.providers import DiscoverySettings
    from services.leads.providers import discover as run_discovery

    settings = DiscoverySettings()
    if limit:
        settings = settings.model_copy(update={"search_max_results": limit})
    try:
        result = asyncio.run(run_discovery(" ".join(query), settings, provider=provider))
    except AppError as exc:  # no provider, a key missing, a query OpenStreetMap cannot read
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    listings = result.listings()
    for rank, listing in enumerate(listings, start=1):
        typer.echo(listing.model_dump_json() if json_output else _line(rank, listing.model_dump()))
    for error in result.errors:
        typer.echo(f"warning: {error}", err=True)
    skipped = f", {len(result.skipped)} skipped (directories, duplicates …)" if result.skipped else ""
    typer.echo(f"{len(listings)} results from {result.provider}{skipped}", err=True)
    if result.attribution:
        typer.echo(f"Data {result.attribution}", err=True)
    if result.errors and not listings:
        raise typer.Exit(1)


if __name__ == "__main__":
    app()
