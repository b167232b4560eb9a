"""``outbound leads extract URL...``: crawl sites and print their company facts, one JSON per line."""

from __future__ import annotations

import asyncio
import sys
from typing import Annotated

import typer

from services.leads.crawler.settings import CrawlerSettings

app = typer.Typer(help="Leads: crawl company websites and extract their facts.", no_args_is_help=True)


@app.callback()
def _main() -> None:
    """Keep ``extract`` a named subcommand even while it is the only one."""


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


if __name__ == "__main__":
    app()
