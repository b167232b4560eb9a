"""Gateway test bench: stand-in upstreams, a real HTTP server for an app, and gateway builders.

A stand-in upstream is a tiny ASGI app that answers with what it received, so a test can see
exactly which headers, path and body reached "the service". Our own services are never faked:
the users service behind these gateways is the real one on a real SQLite file.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import random
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from gateway.main import create_app as create_gateway
from gateway.policy import SERVICES
from gateway.settings import GatewaySettings
from services.embedded import EmbeddedApp, build_embedded
from services.kit.db import session_scope
from services.users import service as users_rules
from services.users.main import create_app as create_users_app
from services.users.schemas import UserCreate
from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, free_port, running
from tests.helpers import SERVICE_SECRET, users_settings
from tests.users.support import USER_PASSWORD

BIG_SIZE = 2 * 1024 * 1024 + 17


def big_body(size: int = BIG_SIZE) -> bytes:
    return random.Random(7).randbytes(size)


class EchoApp:
    """Answers every request with what it received; ``/slow`` sleeps, ``/big`` and ``/stream`` are large."""

    def __init__(self, *, slow_seconds: float = 3.0) -> None:
        self.slow_seconds = slow_seconds
        self.seen: list[dict[str, Any]] = []

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                else:
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        path: str = scope["path"]
        record = {
            "method": scope["method"], "path": path, "raw_path": scope.get("raw_path", b"").decode("latin-1"),
            "query": scope.get("query_string", b"").decode("latin-1"),
            "headers": [[k.decode("latin-1"), v.decode("latin-1")] for k, v in scope["headers"]],
            "client": list(scope["client"]) if scope.get("client") else None,
            "body_len": len(body), "body_sha256": hashlib.sha256(body).hexdigest(),
        }
        self.seen.append(record)
        if path.endswith("/slow") or any(k == b"x-test-slow" for k, _ in scope["headers"]):
            await asyncio.sleep(self.slow_seconds)
        if path.endswith("/big"):
            payload = big_body()
            await send({"type": "http.response.start", "status": 200, "headers": [
                (b"content-type", b"application/octet-stream"), (b"content-length", str(len(payload)).encode())]})
            await send({"type": "http.response.body", "body": payload})
            return
        if path.endswith("/stream"):
            payload = big_body()
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"application/octet-stream")]})
            step = 100_003
            for i in range(0, len(payload), step):
                await send({"type": "http.response.body", "body": payload[i:i + step], "more_body": True})
            await send({"type": "http.response.body", "body": b""})
            return
        data = json.dumps(record).encode()
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
            (b"x-request-id", b"set-by-the-upstream"), (b"set-cookie", b"upstream=1; Path=/")]})
        await send({"type": "http.response.body", "body": data})


def header_values(record: dict[str, Any], name: str) -> list[str]:
    return [v for k, v in record["headers"] if k == name.lower()]


@contextlib.asynccontextmanager
async def serving(app: Any, **config: Any) -> AsyncIterator[str]:
    """Run ``app`` under uvicorn on a free loopback port in this event loop; yield its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False, lifespan="on", timeout_graceful_shutdown=1,
                                           **config))
    task = asyncio.create_task(server.serve())
    try:
        while not server.started:
            if task.done():
                task.result()
                raise RuntimeError("uvicorn stopped during startup")
            await asyncio.sleep(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


def gateway_settings(tmp_path: Path, **overrides: Any) -> GatewaySettings:
    fields: dict[str, Any] = {"environment": "test", "data_dir": tmp_path, "service_secret": SERVICE_SECRET,
                              "static_dir": tmp_path / "no-static-build", **overrides}
    return GatewaySettings(**fields)


@contextlib.asynccontextmanager
async def users_service(tmp_path: Path) -> AsyncIterator[FastAPI]:
    """The real users service on a SQLite file, started (its lifespan is running)."""
    app = create_users_app(users_settings(f"sqlite+aiosqlite:///{tmp_path / 'users.db'}"))
    async with app.router.lifespan_context(app):
        yield app


@contextlib.asynccontextmanager
async def gateway_over_stand_in(tmp_path: Path, stand_in: Any = None, **overrides: Any
                                ) -> AsyncIterator[tuple[Any, httpx.AsyncClient, EchoApp, FastAPI]]:
    """The gateway over the real users service and one stand-in app for every other service."""
    echo = stand_in if stand_in is not None else EchoApp()
    async with users_service(tmp_path) as users:
        local: dict[str, Any] = {name: echo for name in SERVICES}
        local["users"] = users
        gateway = create_gateway(gateway_settings(tmp_path, **overrides), local_apps=local)
        async with running(gateway, base_url="https://testserver") as client:
            yield gateway, client, echo, users


def embedded_stack(tmp_path: Path, **overrides: Any) -> EmbeddedApp:
    fields: dict[str, Any] = {
        "data_dir": str(tmp_path / "data"), "environment": "test", "service_secret": SERVICE_SECRET,
        "admin_email": ADMIN_EMAIL, "admin_password": ADMIN_PASSWORD, "rate_limit_ip": 0, "rate_limit_user": 0,
        "static_dir": tmp_path / "no-static-build", **overrides,
    }
    return build_embedded(**fields)


@contextlib.asynccontextmanager
async def embedded(tmp_path: Path, **overrides: Any) -> AsyncIterator[tuple[EmbeddedApp, httpx.AsyncClient]]:
    app = embedded_stack(tmp_path, **overrides)
    async with running(app, base_url="https://testserver") as client:
        yield app, client


def direct_client(app: Any) -> httpx.AsyncClient:
    """A client straight into an (already started) service app, bypassing the gateway."""
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver")


async def seed_user(app: EmbeddedApp, email: str, role: str, password: str = USER_PASSWORD) -> None:
    """An account made as `outbound users create-admin` makes one, without HTTP (demo mode refuses that)."""
    runtime = app.services["users"].state.runtime
    async with session_scope(runtime.sessions) as session:
        data = UserCreate(email=email, name=email.split("@", maxsplit=1)[0], role=role, password=password)
        await users_rules.create_user(session, data, actor=None)
