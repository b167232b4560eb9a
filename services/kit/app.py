"""The shape every service app shares: problem+json errors, request ids, health, database,
token verification and workers, opened and closed by one lifespan."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from .auth import TokenVerifier
from .db import create_engine, migrate, session_factory
from .errors import Upstream, install_problem_handlers
from .http import ServiceTokenProvider, transport_for
from .jobs import Handler, JobQueue, Worker
from .logging import RequestIdMiddleware
from .policy import ServicePolicy
from .schemas import PROBLEM_RESPONSES
from .settings import ServiceSettings

log = logging.getLogger("outbound.app")


def operation_id(route: APIRoute) -> str:
    """``{tag}-{name}`` so the generated TypeScript client reads well."""
    tag = route.tags[0] if route.tags else "default"
    return f"{tag}-{route.name}"


@dataclass
class ServiceRuntime:
    """Everything a request or worker of one service needs, kept on ``app.state.runtime``."""

    name: str
    settings: ServiceSettings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    queue: JobQueue | None = None
    worker: Worker | None = None
    token_provider: ServiceTokenProvider | None = None
    extras: dict[str, Any] = field(default_factory=dict)


def http_jwks_source(settings: ServiceSettings) -> Callable[[], Awaitable[dict[str, Any]]]:
    url = settings.users_url.rstrip("/") + "/auth/jwks"

    async def fetch() -> dict[str, Any]:
        try:
            async with httpx.AsyncClient(transport=transport_for(url), timeout=settings.http_timeout) as client:
                resp = await client.get(url)
                resp.raise_for_status()
                doc: dict[str, Any] = resp.json()
                return doc
        except httpx.HTTPError as exc:
            raise Upstream(f"Cannot load signing keys from the users service: {exc.__class__.__name__}") from exc

    return fetch


def service_token_provider(settings: ServiceSettings, scopes: list[str]) -> ServiceTokenProvider | None:
    if not settings.service_secret:
        return None
    url = settings.users_url.rstrip("/") + "/auth/token"
    return ServiceTokenProvider(url, settings.service_name, settings.service_secret, scopes,
                                transport=transport_for(url), timeout=settings.http_timeout)


def create_service_app(
    *,
    name: str,
    settings: ServiceSettings,
    prefixes: Sequence[str],
    routers: Sequence[APIRouter],
    migrations: Path,
    job_model: type[Any] | None = None,
    job_handlers: dict[str, Handler] | None = None,
    jwks_source: Callable[[ServiceRuntime], Callable[[], Awaitable[dict[str, Any]]]] | None = None,
    scopes: list[str] | None = None,
    on_startup: Callable[[ServiceRuntime], Awaitable[None]] | None = None,
    on_shutdown: Callable[[ServiceRuntime], Awaitable[None]] | None = None,
    auto_migrate: bool = True,
    description: str = "",
) -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(str(settings.database_url))
        runtime = ServiceRuntime(name, settings, engine, session_factory(engine))
        app.state.runtime = runtime
        if auto_migrate and settings.auto_migrate:
            await migrate(engine, migrations, f"alembic_version_{name}")
        source = jwks_source(runtime) if jwks_source else http_jwks_source(settings)
        app.state.verifier = TokenVerifier(source, issuer=settings.jwt_issuer, audience=settings.jwt_audience)
        runtime.token_provider = service_token_provider(settings, scopes or [])
        if job_model is not None:
            runtime.queue = JobQueue(job_model, runtime.sessions)
            if job_handlers and settings.workers > 0:
                runtime.worker = Worker(runtime.queue, job_handlers, concurrency=settings.workers,
                                        runtime=runtime)  # the default name is unique per process: fencing needs it
        if on_startup is not None:
            await on_startup(runtime)
        if runtime.worker is not None:
            runtime.worker.start()
        try:
            yield
        finally:
            if runtime.worker is not None:
                await runtime.worker.stop()
            if on_shutdown is not None:
                await on_shutdown(runtime)
            if runtime.token_provider is not None:
                await runtime.token_provider.aclose()
            await engine.dispose()

    app = FastAPI(
        title=f"Outbound {name} service",
        description=description,
        version="0.1.0",
        lifespan=lifespan,
        openapi_url="/openapi.json",
        docs_url=f"/{prefixes[0]}/docs",
        redoc_url=None,
        generate_unique_id_function=operation_id,
        redirect_slashes=False,  # its Location would name this service's internal address
    )
    install_problem_handlers(app)
    app.add_middleware(ServicePolicy, demo_mode=settings.demo_mode)  # the demo table and control characters
    app.add_middleware(RequestIdMiddleware)
    for router in routers:
        app.include_router(router, responses=PROBLEM_RESPONSES)

    async def healthz() -> dict[str, str]:
        """Liveness and database reachability."""
        runtime: ServiceRuntime = app.state.runtime
        async with runtime.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        return {"status": "ok", "service": name}

    for prefix in prefixes:
        app.add_api_route(f"/{prefix}/healthz", healthz, methods=["GET"], tags=["health"],
                          name=f"{prefix}_healthz", include_in_schema=prefix == prefixes[0])
    return app
