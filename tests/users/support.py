"""Helpers for the users and gateway tests: problem documents, refresh cookies, a running users app."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from http.cookies import SimpleCookie
from typing import Any

import httpx
from fastapi import FastAPI

from services.users.main import create_app
from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, running
from tests.helpers import users_settings

PROBLEM_JSON = "application/problem+json"
# What a browser on the app's own page sends with a POST (the clients here talk to https://testserver).
SAME_ORIGIN = {"origin": "https://testserver"}
COOKIE = "outbound_refresh"
USER_PASSWORD = "user password 123"


def assert_problem(resp: httpx.Response, status: int, detail: str | None = None) -> dict[str, Any]:
    """An RFC 9457 document with the given status (and, optionally, a phrase in its detail)."""
    assert resp.status_code == status, f"{resp.status_code} {resp.text[:500]}"
    assert resp.headers["content-type"].split(";")[0].strip() == PROBLEM_JSON, resp.headers
    body: dict[str, Any] = resp.json()
    assert {"type", "title", "status", "detail"} <= body.keys(), body
    assert body["status"] == status
    assert isinstance(body["type"], str) and body["type"]
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    if detail is not None:
        assert detail.lower() in body["detail"].lower(), body
    return body


def cookie_from(resp: httpx.Response, name: str = COOKIE) -> dict[str, Any] | None:
    """The Set-Cookie for ``name`` as {"value": ..., attribute: ...} (attribute names lower-cased)."""
    for header in resp.headers.get_list("set-cookie"):
        jar: SimpleCookie = SimpleCookie()
        jar.load(header)
        if name in jar:
            morsel = jar[name]
            attrs: dict[str, Any] = {k.lower(): v for k, v in morsel.items() if v}
            lowered = header.lower()
            attrs["httponly"] = "httponly" in lowered
            attrs["secure"] = "; secure" in lowered
            return {"value": morsel.value, **attrs}
    return None


async def sign_in(client: httpx.AsyncClient, email: str = ADMIN_EMAIL, password: str = ADMIN_PASSWORD,
                  prefix: str = "", **kwargs: Any) -> tuple[str, str]:
    """Log in; return (access token, raw refresh token) and leave the client's cookie jar empty."""
    client.cookies.clear()
    resp = await client.post(f"{prefix}/auth/login", json={"email": email, "password": password}, **kwargs)
    assert resp.status_code == 200, resp.text
    cookie = cookie_from(resp)
    assert cookie is not None, resp.headers
    client.cookies.clear()
    return str(resp.json()["access_token"]), str(cookie["value"])


async def refresh_with(client: httpx.AsyncClient, raw: str | None, prefix: str = "") -> httpx.Response:
    """POST /auth/refresh carrying exactly this refresh token (or none)."""
    client.cookies.clear()
    headers = {"cookie": f"{COOKIE}={raw}"} if raw else {}
    resp = await client.post(f"{prefix}/auth/refresh", headers={**headers, **SAME_ORIGIN})
    client.cookies.clear()
    return resp


@contextlib.asynccontextmanager
async def users_app(database_url: str, **overrides: Any) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """The users service on ``database_url``, started, with a client (https, so Secure cookies flow)."""
    app = create_app(users_settings(database_url, **overrides))
    async with running(app, base_url="https://testserver") as client:
        yield app, client
