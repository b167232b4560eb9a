"""FastAPI dependency aliases every service's routes use."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from sqlalchemy.ext.asyncio import AsyncSession

from .app import ServiceRuntime
from .db import session_scope
from .proxies import client_address


def get_runtime(request: Request) -> ServiceRuntime[Any, Any]:
    """The kit's view of any service's runtime; a service's own ``deps.py`` names its typed one."""
    runtime: ServiceRuntime[Any, Any] = request.app.state.runtime
    return runtime


READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    writes = request.method not in READ_METHODS
    async with session_scope(get_runtime(request).sessions, writes=writes) as session:
        yield session


RuntimeDep = Annotated[ServiceRuntime[Any, Any], Depends(get_runtime)]
# scope="function": commit before the response is sent, so a failed commit is never reported as success.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def client_ip(request: Request, trusted_proxies: list[str]) -> str | None:
    """The caller's address: the last X-Forwarded-For hop, but only when a trusted proxy sent it."""
    peer = request.client.host if request.client else None
    return client_address(peer, request.headers.get("x-forwarded-for"), tuple(trusted_proxies))
