"""``outbound demo seed|reset``: load the public demo's data set, or put every service's database back to it.

Both migrate first and print one line per service (what it holds now and how long it took). ``reset``
is what the demo's cron container runs; the demo keeps serving while it runs.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Annotated

import typer

app = typer.Typer(help="The public demo's data: seed it, reset it.", no_args_is_help=True)

NowOption = Annotated[datetime | None, typer.Option(
    help="Date the demo relative to this moment (UTC) instead of now: two runs with one --now write the same rows",
    hidden=True)]


def _report(outcome: object) -> None:
    from .seed import Outcome

    assert isinstance(outcome, Outcome)
    typer.echo(f"{outcome.service}: {outcome.action} — {outcome.detail} ({outcome.seconds:.2f} s)")


def _run(action: str, now: datetime | None) -> None:
    from services.kit.logging import configure_logging
    from services.kit.settings import ServiceSettings

    from .seed import run

    base = ServiceSettings()
    configure_logging(base.log_level, json_lines=base.log_json)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # one line per service is the report
    asyncio.run(run(action, now=now, report=_report))


@app.command()
def seed(now: NowOption = None) -> None:
    """Migrate every service's database and load the demo data into those that are empty."""
    _run("seed", now)


@app.command()
def reset(now: NowOption = None) -> None:
    """Put every service's database back to the demo data, one transaction per service, while the demo serves."""
    _run("reset", now)
