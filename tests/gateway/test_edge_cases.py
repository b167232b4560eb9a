"""Smaller edge findings of issue 8: forged log lines, internal addresses in redirects, WebSocket upgrades."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
import uvicorn

from services.kit.server import ServerLimits, server_config
from services.users.main import create_app as create_users_app
from tests.conftest import free_port
from tests.gateway.support import direct_client, embedded, embedded_stack, gateway_settings, serving
from tests.helpers import bearer, login, users_settings
from tests.users.support import assert_problem

API = "/api"


@contextlib.asynccontextmanager
async def hardened(app: Any) -> AsyncIterator[int]:
    """``app`` behind the server set-up `outbound up` uses (services/kit/server.py), on a free port."""
    port = free_port()
    server = uvicorn.Server(server_config(app, "127.0.0.1", port, ServerLimits(), log_level="warning"))
    task = asyncio.create_task(server.serve())
    try:
        while not server.started:
            if task.done():
                task.result()
            await asyncio.sleep(0.02)
        yield port
    finally:
        server.should_exit = True
        await task


async def test_control_characters_in_paths_are_escaped_in_the_access_log(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="outbound.access")
    async with embedded(tmp_path) as (app, _client), direct_client(app.services["users"]) as users:
        forged = "/auth/jwks%0d%0a2026-01-01 INFO outbound.access [x] GET /auth/admin-backdoor 200"
        assert_problem(await users.get(forged), 400, "control character")
        await users.get("/auth/nothing%E2%80%A8here%5Cn")  # U+2028 LINE SEPARATOR and a literal backslash-n
    lines = [r.getMessage() for r in caplog.records if r.name == "outbound.access"]
    assert len(lines) == 2, lines
    forged_line, separator_line = lines
    assert "\n" not in forged_line and "\r" not in forged_line
    assert forged_line.startswith("GET /auth/jwks\\r\\n2026-01-01 INFO") and " 400 " in forged_line
    assert "\u2028" not in separator_line and "\\u2028" in separator_line
    assert "\\\\n" in separator_line  # a literal backslash is doubled: it cannot pose as an escape
    for record in caplog.records:
        if record.name == "outbound.access":
            assert "\n" not in record.path and "\u2028" not in record.path  # the structured field too


@pytest.mark.parametrize("topology", ["embedded", "http"])
async def test_a_trailing_slash_never_redirects_to_an_internal_address(tmp_path, topology):
    if topology == "embedded":
        async with embedded(tmp_path) as (_app, client):
            admin = await login(client, prefix=API)
            for path in ("/api/users/", "/api/leads/companies/", "/api/auth/me/"):
                resp = await client.get(path, headers=bearer(admin))
                assert_problem(resp, 404)
                assert "location" not in resp.headers, (path, resp.headers)
        return
    users = create_users_app(users_settings(f"sqlite+aiosqlite:///{tmp_path / 'users.db'}"))
    async with serving(users) as users_url:
        from gateway.main import create_app as create_gateway
        from tests.conftest import running

        gateway = create_gateway(gateway_settings(tmp_path, users_url=users_url))
        async with running(gateway, base_url="https://testserver") as client:
            admin = await login(client, prefix=API)
            resp = await client.get("/api/users/", headers=bearer(admin))
            assert_problem(resp, 404)
            assert "location" not in resp.headers and users_url.split("//")[1] not in resp.text


async def test_a_websocket_upgrade_gets_a_clean_refusal(tmp_path):
    app = embedded_stack(tmp_path)
    async with hardened(app) as port:
        for path in ("/api/leads/companies", "/", "/api/nope"):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                         "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                         "Sec-WebSocket-Version: 13\r\nOrigin: http://evil.example\r\n\r\n".encode())
            answer = await asyncio.wait_for(reader.read(4096), 10)
            writer.close()
            status = int(answer.split(b" ", 2)[1])
            assert status == 404, answer[:300]
            assert b"application/problem+json" in answer and b"WebSocket" in answer
        # The server is fine afterwards.
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        assert (await asyncio.wait_for(reader.read(4096), 30)).startswith(b"HTTP/1.1 200")
        writer.close()
