"""Calling other services: one pooled client per upstream, timeouts always, retries only for
idempotent calls, the request id passed on, and service tokens fetched and renewed on demand.

Exceptions: every failure surfaces as a :mod:`services.kit.errors` error — ``Upstream`` (502)
when the other side is unreachable or broken, ``UpstreamTimeout`` (504) when it is too slow, and
the other side's own 401/403/404/409/422 mapped to the matching error with its ``detail``.
"""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel

from .errors import AppError, Conflict, Forbidden, Invalid, NotFound, Unauthorized, Upstream, UpstreamTimeout
from .logging import request_id_var

ModelT = TypeVar("ModelT", bound=BaseModel)

IDEMPOTENT = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}
_BY_STATUS: dict[int, type[AppError]] = {401: Unauthorized, 403: Forbidden, 404: NotFound, 409: Conflict, 422: Invalid}


class ServiceTokenProvider:
    """Client-credentials grant against the users service; the token is reused until near expiry."""

    def __init__(self, token_url: str, client_id: str, client_secret: str, scopes: list[str],
                 *, transport: httpx.AsyncBaseTransport | None = None, timeout: float = 10.0) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.scopes = scopes
        self._client = httpx.AsyncClient(transport=transport, timeout=timeout)
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def token(self) -> str:
        async with self._lock:
            if self._token and time.monotonic() < self._expires_at - 30:
                return self._token
            try:
                resp = await self._client.post(self.token_url, data={
                    "grant_type": "client_credentials", "client_id": self.client_id,
                    "client_secret": self.client_secret, "scope": " ".join(self.scopes),
                })
            except httpx.HTTPError as exc:
                raise Upstream(f"Could not obtain a service token: {exc.__class__.__name__}") from exc
            if resp.status_code != 200:
                raise Upstream(f"The users service refused the service credentials ({resp.status_code}).")
            body = resp.json()
            self._token = str(body["access_token"])
            self._expires_at = time.monotonic() + float(body.get("expires_in", 300))
            return self._token

    def invalidate(self) -> None:
        self._token = None

    async def aclose(self) -> None:
        await self._client.aclose()


class ServiceClient:
    """Base of every service's ``client.py``."""

    def __init__(self, base_url: str, *, timeout: float = 10.0, retries: int = 2,
                 token_provider: ServiceTokenProvider | None = None,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.retries = retries
        self.token_provider = token_provider
        self._client = httpx.AsyncClient(
            base_url=self.base_url, transport=transport or transport_for(self.base_url),
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            limits=httpx.Limits(max_connections=50, max_keepalive_connections=20),
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def request(self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None,
                      token: str | None = None, headers: dict[str, str] | None = None,
                      read_timeout: float | None = None) -> httpx.Response:
        """One call, retried when idempotent; ``read_timeout`` replaces the client's for slow work (a crawl)."""
        method = method.upper()
        attempts = 1 + (self.retries if method in IDEMPOTENT else 0)
        hdrs = dict(headers or {})
        rid = request_id_var.get()
        if rid:
            hdrs["x-request-id"] = rid
        for attempt in range(attempts):
            if token is not None:
                hdrs["authorization"] = f"Bearer {token}"
            elif self.token_provider is not None:
                hdrs["authorization"] = f"Bearer {await self.token_provider.token()}"
            try:
                wait = httpx.USE_CLIENT_DEFAULT if read_timeout is None else httpx.Timeout(read_timeout, connect=5.0)
                resp = await self._client.request(method, path, json=json, params=params, headers=hdrs, timeout=wait)
            except httpx.TimeoutException as exc:
                if attempt + 1 < attempts:
                    await _backoff(attempt)
                    continue
                raise UpstreamTimeout(f"{self.base_url} did not answer in time.") from exc
            except httpx.HTTPError as exc:
                if attempt + 1 < attempts:
                    await _backoff(attempt)
                    continue
                raise Upstream(f"{self.base_url} is unreachable ({exc.__class__.__name__}).") from exc
            if resp.status_code == 401 and self.token_provider is not None and token is None and attempt == 0:
                self.token_provider.invalidate()
                attempts = max(attempts, 2)
                continue
            if resp.status_code >= 500 and attempt + 1 < attempts:
                await _backoff(attempt)
                continue
            return resp
        raise Upstream(f"{self.base_url} failed after {attempts} attempts.")

    async def call(self, method: str, path: str, **kwargs: Any) -> Any:
        """Request and decode JSON, mapping the other side's problems onto our error tree."""
        resp = await self._answered(method, path, **kwargs)
        if resp.status_code == 204 or not resp.content:
            return None
        return resp.json()

    async def call_as(self, model: type[ModelT], method: str, path: str, **kwargs: Any) -> ModelT:
        """:meth:`call`, the answer validated as ``model`` straight from its bytes (pydantic's own parser, no dict
        built first): for the hot calls whose answers are long lists."""
        return model.model_validate_json((await self._answered(method, path, **kwargs)).content)

    async def _answered(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        resp = await self.request(method, path, **kwargs)
        if resp.status_code >= 400:
            raise_problem(resp)
        return resp


def raise_problem(resp: httpx.Response) -> None:
    detail = f"{resp.request.url.path} answered {resp.status_code}"
    try:
        body = resp.json()
        if isinstance(body, dict) and isinstance(body.get("detail"), str):
            detail = body["detail"]
    except ValueError:
        pass
    raise _BY_STATUS.get(resp.status_code, Upstream)(detail)


async def _backoff(attempt: int) -> None:
    await asyncio.sleep(min(2.0, 0.1 * 2**attempt) * (0.5 + random.random()))


# In the embedded topology every service runs in one process; their clients reach each other
# through ASGI transports registered here instead of over loopback sockets.
_local_transports: dict[str, httpx.AsyncBaseTransport] = {}


def register_local_app(origin: str, app: Any) -> None:
    _local_transports[origin.rstrip("/")] = httpx.ASGITransport(app=app)


def transport_for(url: str) -> httpx.AsyncBaseTransport | None:
    parsed = httpx.URL(url)
    return _local_transports.get(f"{parsed.scheme}://{parsed.netloc.decode()}")
