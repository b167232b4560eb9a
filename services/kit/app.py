"""The shape every service app shares: problem+json errors, request ids, health, database,
token verification and workers, opened and closed by one lifespan."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

import httpx
import sqlalchemy as sa
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from .auth import AccountCheck, AccountSource, Principal, TokenVerifier
from .db import create_engine, migrate, session_factory
from .errors import Unavailable, Upstream, install_problem_handlers
from .http import ServiceTokenProvider, transport_for
from .inputs import ControlCharacterGuard
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


class Dependencies(Protocol):
    """What a service builds at start-up beside the kit's parts: its clients and providers, typed."""

    async def aclose(self) -> None: ...


class NoDependencies:
    """For a service that needs nothing beyond the kit's parts."""

    async def aclose(self) -> None:
        return None


SettingsT = TypeVar("SettingsT", bound=ServiceSettings)
DepsT = TypeVar("DepsT", bound=Dependencies)


@dataclass
class ServiceRuntime(Generic[SettingsT, DepsT]):
    """Everything a request or worker of one service needs, kept on ``app.state.runtime``.

    Generic in the service's own settings and dependencies, so a service reads
    ``runtime.settings.max_csv_bytes`` or ``runtime.deps.leads`` with their real types: each service
    names its ``ServiceRuntime[XSettings, XDeps]`` once (its ``deps.py``) and never casts.
    """

    name: str
    settings: SettingsT
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    queue: JobQueue | None = None
    worker: Worker | None = None
    token_provider: ServiceTokenProvider | None = None
    _deps: DepsT | None = None

    @property
    def deps(self) -> DepsT:
        if self._deps is None:
            raise RuntimeError(f"the {self.name} service has not started: its dependencies are not built yet")
        return self._deps

    @property
    def jobs(self) -> JobQueue:
        """The job queue; only services created with a job table have one."""
        if self.queue is None:
            raise RuntimeError(f"the {self.name} service has no job table")
        return self.queue

    def wake_worker(self) -> None:
        """Start on freshly enqueued work now rather than at the next poll (when a worker runs here)."""
        if self.worker is not None:
            self.worker.wake()


async def no_dependencies(_runtime: ServiceRuntime[Any, Any]) -> NoDependencies:
    """``build_deps`` of a service that needs nothing beyond the kit's parts."""
    return NoDependencies()


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


def http_account_source(settings: ServiceSettings, client: httpx.AsyncClient) -> AccountSource:
    """Ask the users service about the caller's account with the caller's own token (``GET /auth/me``)."""
    url = settings.users_url.rstrip("/") + "/auth/me"

    async def current_role(_principal: Principal, token: str) -> str | None:
        try:
            resp = await client.get(url, headers={"authorization": f"Bearer {token}"})
        except httpx.HTTPError as exc:
            raise Upstream(f"Cannot check the account with the users service: {exc.__class__.__name__}") from exc
        if resp.status_code in (401, 403):
            return None
        if resp.status_code != 200:
            raise Upstream(f"The users service answered {resp.status_code} when checking the account.")
        body = resp.json()
        return str(body["role"]) if body.get("is_active", True) else None

    return current_role


def service_token_provider(settings: ServiceSettings, scopes: list[str]) -> ServiceTokenProvider | None:
    if not settings.service_secret:
        return None
    url = settings.users_url.rstrip("/") + "/auth/token"
    return ServiceTokenProvider(url, settings.service_name, settings.service_secret, scopes,
                                transport=transport_for(url), timeout=settings.http_timeout)


def create_service_app(
    *,
    name: str,
    settings: SettingsT,
    prefixes: Sequence[str],
    routers: Sequence[APIRouter],
    migrations: Path,
    build_deps: Callable[[ServiceRuntime[SettingsT, Any]], Awaitable[DepsT]],
    job_model: type[Any] | None = None,
    job_handlers: dict[str, Handler] | None = None,
    jwks_source: Callable[[ServiceRuntime[SettingsT, DepsT]], Callable[[], Awaitable[dict[str, Any]]]] | None = None,
    account_source: Callable[[ServiceRuntime[SettingsT, DepsT]], AccountSource] | None = None,
    scopes: list[str] | None = None,
    auto_migrate: bool = True,
    description: str = "",
) -> FastAPI:
    """The service's FastAPI app. ``build_deps`` runs at start-up, after migrations and before the
    workers start, and makes the service's typed dependencies (closed again at shutdown)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(str(settings.database_url))
        runtime: ServiceRuntime[SettingsT, DepsT] = ServiceRuntime(name, settings, engine, session_factory(engine))
        app.state.runtime = runtime
        stack = contextlib.AsyncExitStack()
        try:
            if auto_migrate and settings.auto_migrate:
                await migrate(engine, migrations, f"alembic_version_{name}")
            source = jwks_source(runtime) if jwks_source else http_jwks_source(settings)
            app.state.verifier = TokenVerifier(source, issuer=settings.jwt_issuer, audience=settings.jwt_audience)
            users_url = settings.users_url
            account_client = httpx.AsyncClient(transport=transport_for(users_url), timeout=settings.http_timeout)
            stack.push_async_callback(account_client.aclose)
            app.state.account_check = AccountCheck(
                account_source(runtime) if account_source else http_account_source(settings, account_client))
            runtime.token_provider = service_token_provider(settings, scopes or [])
            if job_model is not None:
                runtime.queue = JobQueue(job_model, runtime.sessions)
                if job_handlers and settings.workers > 0:
                    runtime.worker = Worker(runtime.queue, job_handlers, concurrency=settings.workers,
                                            runtime=runtime)  # the default name is unique per process: fencing needs it
            runtime._deps = await build_deps(runtime)
            if runtime.worker is not None:
                runtime.worker.start()
            yield
        finally:
            if runtime.worker is not None:
                await runtime.worker.stop()
            if runtime._deps is not None:
                await runtime._deps.aclose()
            if runtime.token_provider is not None:
                await runtime.token_provider.aclose()
            await stack.aclose()
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
    app.add_middleware(ControlCharacterGuard)
    app.add_middleware(ServicePolicy, demo_mode=settings.demo_mode)  # the demo table and control characters
    app.add_middleware(RequestIdMiddleware)
    for router in routers:
        app.include_router(router, responses=PROBLEM_RESPONSES)

    async def healthz() -> dict[str, str]:
        """Liveness and a real read of the service's database."""
        runtime: ServiceRuntime[SettingsT, DepsT] = app.state.runtime
        try:
            # A real table, not ``SELECT 1``: a damaged SQLite file still answers that.
            async with runtime.engine.connect() as conn:
                await conn.execute(sa.select(sa.column("version_num")).select_from(sa.table(f"alembic_version_{name}")))
        except Exception as exc:
            log.warning("health check of %s failed: %s", name, exc)
            raise Unavailable(f"The {name} service cannot read its database.") from exc
        return {"status": "ok", "service": name}

    for prefix in prefixes:
        app.add_api_route(f"/{prefix}/healthz", healthz, methods=["GET"], tags=["health"],
                          name=f"{prefix}_healthz", include_in_schema=prefix == prefixes[0])
    return app
