"""`outbound` — run, migrate and administer Outbound CRM."""

from __future__ import annotations

import asyncio
import json
import logging
import os
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(help="Outbound CRM: find companies, enrich, write, book meetings.", no_args_is_help=True)

SERVE_NAMES = ("users", "leads", "ai", "email", "calendar", "gateway")
DEFAULT_PORTS = {"gateway": 8000, "users": 8001, "leads": 8002, "ai": 8003, "email": 8004, "calendar": 8005}


def _run(asgi_app: Any, host: str, port: int) -> None:
    from services.embedded import unknown_settings
    from services.kit.heap import FreezeHeapAfterStartup
    from services.kit.logging import configure_logging
    from services.kit.server import serve
    from services.kit.settings import ServiceSettings

    base = ServiceSettings()
    configure_logging(base.log_level, json_lines=base.log_json)
    for name in unknown_settings(dict(os.environ)):
        logging.getLogger("outbound").warning("%s is set but no part of Outbound CRM reads it (a typo?)", name)
    # Hardened uvicorn (header caps, timeouts, connection caps); the heap frozen once start-up is done.
    serve(FreezeHeapAfterStartup(asgi_app), host, port, base)


@app.command()
def up(port: Annotated[int | None, typer.Option(help="Port (default OUTBOUND_PORT or 8000)")] = None,
       host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1") -> None:
    """Run gateway, every service and their workers in one process (SQLite, offline providers)."""
    from services.embedded import build_embedded
    from services.kit.settings import ServiceSettings

    port = port or int(os.environ.get("OUTBOUND_PORT", "8000"))
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    if "public_url" not in ServiceSettings().model_fields_set:
        # Unset (in the environment and in .env): the links in mails and on booking pages point where this
        # stack answers, so `make run PORT=8011` does not send unsubscribe and booking links to :8000.
        os.environ["OUTBOUND_PUBLIC_URL"] = f"http://{shown}:{port}"
    embedded = build_embedded()
    settings = embedded.gateway.settings
    typer.echo(f"Outbound CRM on http://{shown}:{port}  (data in {settings.data_dir.resolve()})", err=True)
    if not os.environ.get("OUTBOUND_ADMIN_EMAIL"):
        typer.echo("First admin: set OUTBOUND_ADMIN_EMAIL and OUTBOUND_ADMIN_PASSWORD before the first start, "
                   "or run `outbound users create-admin`.", err=True)
    _run(embedded, host, port)


@app.command()
def serve(name: Annotated[str, typer.Argument(help="|".join(SERVE_NAMES))],
          port: Annotated[int | None, typer.Option(help="Port")] = None,
          host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1") -> None:
    """Run one service (or the gateway) on its own; find the others through OUTBOUND_<NAME>_URL."""
    if name not in SERVE_NAMES:
        raise typer.BadParameter(f"choose one of {', '.join(SERVE_NAMES)}")
    if name == "gateway":
        from gateway.main import create_app as create_gateway
        from gateway.settings import GatewaySettings

        _run(create_gateway(GatewaySettings()), host, port or DEFAULT_PORTS[name])
        return
    from services.embedded import service_factories

    factory, settings_cls = service_factories()[name]
    _run(factory(settings_cls()), host, port or DEFAULT_PORTS[name])


@app.command()
def worker(name: Annotated[str, typer.Argument(help="leads|ai|email|calendar")],
           concurrency: Annotated[int | None, typer.Option(help="Job slots (default OUTBOUND_WORKERS)")] = None,
           port: Annotated[int | None, typer.Option(help="Port of the health route (default 9000 + the service's)")]
           = None,
           host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1") -> None:
    """Run one service's background job workers on their own; only its health route answers."""
    from gateway.policy import HEALTH_PATHS
    from services.embedded import service_factories

    from .worker_only import WORKER_SERVICES, HealthOnly

    if name not in WORKER_SERVICES:
        raise typer.BadParameter(f"choose one of {', '.join(WORKER_SERVICES)} (the services with a job queue)")
    factory, settings_cls = service_factories()[name]
    try:
        settings = settings_cls() if concurrency is None else settings_cls(workers=concurrency)
    except ValueError as exc:  # pydantic's ValidationError: the settings say what is wrong
        raise typer.BadParameter(str(exc)) from None
    if settings.workers < 1:
        raise typer.BadParameter("a worker process with 0 job slots does nothing: set OUTBOUND_WORKERS "
                                 "or --concurrency to 1 or more")
    _run(HealthOnly(factory(settings), name, HEALTH_PATHS[name]), host, port or 9000 + DEFAULT_PORTS[name] % 1000)


@app.command()
def cron(command: Annotated[list[str] | None, typer.Argument(help="The command to run, after --")] = None,
         schedule: Annotated[str | None, typer.Option(help="Cron schedule, UTC (default OUTBOUND_DEMO_RESET_CRON)")]
         = None,
         at_start: Annotated[bool, typer.Option(help="Also run once right away")] = False,
         state_file: Annotated[Path, typer.Option(help="Where the runner records its state")]
         = Path("/tmp/outbound-cron.json"),  # noqa: S108 (the container's own /tmp volume)
         check: Annotated[bool, typer.Option(help="Exit 0 when a runner is alive and its last run succeeded")]
         = False) -> None:
    """Run a command on a cron schedule, e.g. `outbound cron -- outbound demo reset` (the demo's reset)."""
    from services.kit.cron import CronRunner, check_state
    from services.kit.logging import configure_logging
    from services.kit.settings import ServiceSettings

    if check:
        problem = check_state(state_file)
        typer.echo(problem or "ok", err=problem is not None)
        raise typer.Exit(1 if problem else 0)
    if not command:
        raise typer.BadParameter("name the command to run after --, e.g. `outbound cron -- outbound demo reset`")
    base = ServiceSettings()
    configure_logging(base.log_level, json_lines=base.log_json)
    try:
        runner = CronRunner(schedule if schedule is not None else base.demo_reset_cron, command, state_file)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None

    async def until_signalled() -> None:
        import signal

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, runner.stop)
        await runner.run(at_start=at_start)

    typer.echo(f"outbound cron: {' '.join(command)} on '{runner.schedule}' (UTC)", err=True)
    asyncio.run(until_signalled())


@app.command()
def migrate() -> None:
    """Bring every service's database schema up to date."""
    from services.kit.db import create_null_pool_engine
    from services.kit.db import migrate as run_migrations

    from .embedded import service_factories

    async def all_services() -> None:
        for name, (_factory, settings_cls) in service_factories().items():
            settings = settings_cls()
            engine = create_null_pool_engine(str(settings.database_url))
            try:
                await run_migrations(engine, Path(__file__).parent / name / "migrations", f"alembic_version_{name}")
            finally:
                await engine.dispose()
            typer.echo(f"{name}: up to date", err=True)

    asyncio.run(all_services())


@app.command()
def openapi(out: Annotated[Path | None, typer.Option(help="Write here instead of stdout")] = None) -> None:
    """Print the merged OpenAPI document of every service, as the gateway serves it."""
    from gateway.openapi import merge_openapi

    from .embedded import service_factories

    docs = {name: factory(settings_cls()).openapi() for name, (factory, settings_cls) in service_factories().items()}
    text = json.dumps(merge_openapi(docs), indent=1) + "\n"
    if out:
        out.write_text(text)
    else:
        typer.echo(text, nl=False)


# Each service's own commands, from its cli.py. A service CLI that fails to import is a bug to see at
# once, not a command that silently disappears: the import error propagates.
SERVICE_CLIS = (
    ("services.users.cli", "users", "Accounts."),
    ("services.leads.cli", "leads", "Find companies, crawl and extract."),
    ("services.ai.cli", "ai", "LLM enrichment and writing."),
    ("services.demo.cli", "demo", "The public demo's data: seed and reset."),
)


def _mount_service_clis() -> None:
    import importlib

    for module, name, help_text in SERVICE_CLIS:
        app.add_typer(importlib.import_module(module).app, name=name, help=help_text)


_mount_service_clis()

if __name__ == "__main__":
    app()
