"""``outbound users …``: account administration from the command line."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

app = typer.Typer(help="Accounts.", no_args_is_help=True)


@app.command("create-admin")
def create_admin(
    email: Annotated[str, typer.Option(prompt=True)],
    name: Annotated[str, typer.Option(prompt=True)] = "Admin",
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)] = "",
) -> None:
    """Create an admin account (asks for e-mail, name and password)."""
    from pydantic import ValidationError

    from services.kit.db import create_null_pool_engine, session_factory, session_scope
    from services.kit.db import migrate as run_migrations
    from services.kit.errors import AppError

    from . import service
    from .main import MIGRATIONS
    from .schemas import UserCreate
    from .settings import UsersSettings

    try:
        data = UserCreate(email=email, name=name, role="admin", password=password)
    except ValidationError as exc:
        raise typer.BadParameter("; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in exc.errors())) from exc

    async def create() -> None:
        settings = UsersSettings()
        engine = create_null_pool_engine(str(settings.database_url))
        try:
            await run_migrations(engine, MIGRATIONS, "alembic_version_users")
            async with session_scope(session_factory(engine)) as session:
                user = await service.create_user(session, data, actor=None)
            typer.echo(f"created admin {user.email} (id {user.id})")
        finally:
            await engine.dispose()

    try:
        asyncio.run(create())
    except AppError as exc:
        typer.echo(f"error: {exc.detail}", err=True)
        raise typer.Exit(1) from exc
