"""The edge: token check, route table and policies, demo mode, limits, proxying, SPA hosting.

A plain ASGI app rather than a framework app: it runs on every request, and each layer of
routing and middleware it skips is throughput the product gets back (docs/benchmarks.md).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from services.kit.auth import Principal, TokenVerifier, bearer_token
from services.kit.errors import PROBLEM_JSON, AppError, problem_body
from services.kit.logging import clean_request_id, printable_path, request_id_var
from services.kit.policy import CONTROL_REFUSAL, DEMO_MODE_REFUSAL, DEMO_REFUSAL_CODE, has_control_characters
from services.kit.proxies import client_address

from . import policy
from .openapi import merge_openapi
from .ratelimit import RateLimiter
from .settings import GatewaySettings
from .static import SpaFiles
from .upstream import AsgiUpstream, Headers, HttpUpstream, UpstreamTimedOut, UpstreamUnavailable

log = logging.getLogger("outbound.gateway")
Upstreams = dict[str, HttpUpstream | AsgiUpstream]
Scope = dict[str, Any]
Receive = Any
Send = Any

# Identity and routing headers only the gateway may set; whatever a client sends is dropped.
STRIPPED_REQUEST_HEADERS = frozenset({
    b"x-forwarded-for", b"x-forwarded-proto", b"x-forwarded-host", b"x-forwarded-prefix", b"x-real-ip",
    b"forwarded", b"x-user-id", b"x-user-role", b"x-user-email", b"x-authenticated-user", b"x-remote-user",
    b"x-outbound-user", b"x-outbound-role", b"x-outbound-principal", b"x-request-id", b"host", b"content-length",
    b"connection", b"keep-alive", b"transfer-encoding", b"te", b"upgrade", b"proxy-authorization", b"expect",
})


class Refused(Exception):
    """A request the gateway answers itself with a problem document."""

    def __init__(self, status: int, detail: str, headers: Headers | None = None, *, code: str | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers or []
        self.code = code


class Gateway:
    def __init__(self, settings: GatewaySettings, upstreams: Upstreams) -> None:
        self.settings = settings
        self.upstreams = upstreams
        self.verifier = TokenVerifier(self._jwks, issuer=settings.jwt_issuer, audience=settings.jwt_audience,
                                      accepted_types=("access",))
        self.ip_limiter = RateLimiter(settings.rate_limit_ip)
        self.user_limiter = RateLimiter(settings.rate_limit_user)
        self.spa = SpaFiles(settings.static_dir)
        self.security_headers: Headers = [
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"strict-origin-when-cross-origin"),
            (b"x-frame-options", b"DENY"),
            (b"content-security-policy", settings.csp.encode()),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
        ]
        self._openapi: tuple[float, bytes] | None = None
        self._trusted = tuple(settings.edge_trusted_proxies)

    # --- ASGI entry ------------------------------------------------------------------------
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] == "websocket":
            await self._refuse_websocket(scope, send)
            return
        if scope["type"] != "http":
            return
        rid = clean_request_id(_header(scope, b"x-request-id"))
        token = request_id_var.set(rid)
        try:
            await self._handle(scope, receive, send, rid)
        finally:
            request_id_var.reset(token)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def aclose(self) -> None:
        for upstream in self.upstreams.values():
            await upstream.close()

    async def _handle(self, scope: Scope, receive: Receive, send: Send, rid: str) -> None:
        path: str = scope["path"]
        method: str = scope["method"]
        extra = [(b"x-request-id", rid.encode())]
        try:
            if has_control_characters(path, scope.get("raw_path")):
                # Before any routing or policy: rules and routes disagree about such paths.
                raise Refused(400, CONTROL_REFUSAL)
            if path.startswith("/api/") or path == "/api":
                await self._api(scope, receive, send, method, path, rid, extra)
            elif path == "/healthz":
                await self._healthz(send, extra)
            else:
                await self._static(scope, send, method, path, extra)
        except Refused as exc:
            await self._problem(send, exc.status, exc.detail, path, extra + exc.headers, code=exc.code)
        except AppError as exc:
            hdrs = [(k.lower().encode(), v.encode()) for k, v in exc.headers.items()]
            await self._problem(send, exc.status, exc.detail, path, extra + hdrs)

    # --- /api -------------------------------------------------------------------------------
    async def _api(self, scope: Scope, receive: Receive, send: Send, method: str, path: str, rid: str,
                   extra: Headers) -> None:
        ip = self._client_ip(scope)
        wait = self.ip_limiter.hit(ip)
        if wait:
            raise Refused(429, "Too many requests from your address; slow down.",
                          [(b"retry-after", str(int(wait) + 1).encode())])
        if path == "/api/openapi.json" and method in ("GET", "HEAD"):
            await self._send_bytes(send, 200, await self._merged_openapi(), b"application/json", extra)
            return
        prefix = path[5:].split("/", 1)[0]
        service = policy.PREFIXES.get(prefix)
        if service is None or service not in self.upstreams:
            raise Refused(404, f"No API lives at {path[:200]}.")
        principal: Principal | None = None
        if not policy.is_public(method, path):
            principal = await self.verifier.verify(_bearer(scope))
            wait = self.user_limiter.hit(principal.sub)
            if wait:
                raise Refused(429, "Too many requests; slow down.", [(b"retry-after", str(int(wait) + 1).encode())])
        # Before the role check: in the public demo everyone, the demo role included, learns why.
        if self.settings.demo_mode and policy.demo_mode_blocks(method, path):
            raise Refused(403, DEMO_MODE_REFUSAL, code=DEMO_REFUSAL_CODE)
        if principal is not None and not policy.role_allowed(principal.role, method, path):
            raise Refused(403, "Your role does not allow this.")
        body = await self._read_body(scope, receive)
        headers = self._forward_headers(scope, ip, rid)
        target = scope.get("raw_path") or path.encode()
        target = target[4:]  # drop "/api", keep the service's own path
        if scope.get("query_string"):
            target += b"?" + scope["query_string"]
        await self._proxy(self.upstreams[service], method, target, headers, body, send, extra, scope, receive)

    async def _proxy(self, upstream: HttpUpstream | AsgiUpstream, method: str, target: bytes, headers: Headers,
                     body: bytes, send: Send, extra: Headers, scope: Scope, receive: Receive) -> None:
        security = self.security_headers

        async def start(status: int, resp_headers: Headers) -> None:
            out = [(n, v) for n, v in resp_headers if n not in (b"x-request-id", b"connection", b"keep-alive",
                                                                 b"transfer-encoding")]
            await send({"type": "http.response.start", "status": status, "headers": out + security + extra})

        async def send_body(chunk: bytes, more: bool) -> None:
            await send({"type": "http.response.body", "body": chunk, "more_body": more})

        try:
            if isinstance(upstream, AsgiUpstream):
                await upstream.request(method, target, headers, body, start, send_body, client=scope.get("client"))
            else:
                await upstream.request(method, target, headers, body, start, send_body)
        except UpstreamTimedOut as exc:
            raise Refused(504, "The service did not answer in time.") from exc
        except UpstreamUnavailable as exc:
            log.warning("upstream unavailable: %s", exc)
            raise Refused(502, "The service is not reachable right now.") from exc

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes:
        limit = self.settings.max_body_bytes
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not declared.isdigit():
                raise Refused(400, "Content-Length is not a number.")
            if int(declared) > limit:
                raise Refused(413, f"The request body is larger than {limit} bytes.")
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise Refused(400, "The client went away.")
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise Refused(413, f"The request body is larger than {limit} bytes.")
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    def _forward_headers(self, scope: Scope, ip: str, rid: str) -> Headers:
        out = [(n, v) for n, v in scope["headers"] if n not in STRIPPED_REQUEST_HEADERS]
        out += [(b"x-forwarded-for", ip.encode()), (b"x-forwarded-proto", scope.get("scheme", "http").encode()),
                (b"x-forwarded-prefix", b"/api"), (b"x-request-id", rid.encode())]
        host = _header(scope, b"host")
        if host:
            out.append((b"x-forwarded-host", host.encode()))
        return out

    def _client_ip(self, scope: Scope) -> str:
        peer = scope["client"][0] if scope.get("client") else None
        return client_address(peer, _header(scope, b"x-forwarded-for"), self._trusted) or "unknown"

    # --- health, keys, docs ------------------------------------------------------------------------
    async def _call(self, service: str, path: str) -> tuple[int, bytes]:
        status = 0
        chunks: list[bytes] = []

        async def start(code: int, _headers: Headers) -> None:
            nonlocal status
            status = code

        async def send_body(chunk: bytes, _more: bool) -> None:
            chunks.append(chunk)

        await self.upstreams[service].request("GET", path.encode(), [(b"accept", b"application/json")], b"",
                                              start, send_body)
        return status, b"".join(chunks)

    async def _jwks(self) -> dict[str, Any]:
        try:
            status, body = await self._call("users", "/auth/jwks")
        except (UpstreamUnavailable, UpstreamTimedOut) as exc:
            raise Refused(503, "Cannot check tokens: the users service is not reachable.") from exc
        if status != 200:
            raise Refused(503, "Cannot check tokens: the users service did not publish its keys.")
        doc: dict[str, Any] = json.loads(body)
        return doc

    async def service_health(self) -> dict[str, str]:
        async def one(service: str) -> tuple[str, str]:
            try:
                status, _ = await asyncio.wait_for(self._call(service, policy.HEALTH_PATHS[service]), 5)
            except Exception as exc:
                return service, f"down ({exc.__class__.__name__})"
            return service, "ok" if status == 200 else f"down ({status})"

        return dict(await asyncio.gather(*(one(s) for s in self.upstreams)))

    async def _healthz(self, send: Send, extra: Headers) -> None:
        services = await self.service_health()
        ok = all(v == "ok" for v in services.values())
        body = json.dumps({"status": "ok" if ok else "degraded", "services": services}).encode()
        await self._send_bytes(send, 200 if ok else 503, body, b"application/json", extra)

    async def _merged_openapi(self) -> bytes:
        if self._openapi and time.monotonic() - self._openapi[0] < 60:
            return self._openapi[1]
        docs: dict[str, dict[str, Any]] = {}
        for service in self.upstreams:
            try:
                status, body = await self._call(service, "/openapi.json")
            except (UpstreamUnavailable, UpstreamTimedOut):
                continue
            if status == 200:
                docs[service] = json.loads(body)
        data = json.dumps(merge_openapi(docs), indent=1).encode()
        if len(docs) == len(self.upstreams):
            self._openapi = (time.monotonic(), data)
        return data

    # --- SPA ------------------------------------------------------------------------------------------
    async def _static(self, scope: Scope, send: Send, method: str, path: str, extra: Headers) -> None:
        if method not in ("GET", "HEAD"):
            raise Refused(405, "Only GET and HEAD are allowed here.", [(b"allow", b"GET, HEAD")])
        file = self.spa.lookup(path)
        if file is None:
            raise Refused(404, f"{path[:200]} does not exist.")
        status, headers, body = file.respond(method, scope["headers"])
        await send({"type": "http.response.start", "status": status,
                    "headers": headers + self.security_headers + extra})
        await send({"type": "http.response.body", "body": body})

    # --- responses ----------------------------------------------------------------------------------------
    async def _send_bytes(self, send: Send, status: int, body: bytes, ctype: bytes, extra: Headers) -> None:
        headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status,
                    "headers": headers + self.security_headers + extra})
        await send({"type": "http.response.body", "body": body})

    async def _problem(self, send: Send, status: int, detail: str, path: str, extra: Headers, *,
                       code: str | None = None) -> None:
        body = json.dumps(problem_body(status, detail, code=code, instance=printable_path(path))).encode()
        await self._send_bytes(send, status, body, PROBLEM_JSON.encode(), extra)

    async def _refuse_websocket(self, scope: Scope, send: Send) -> None:
        """Nothing here speaks WebSocket: answer the upgrade with a plain 404 problem (or close it)."""
        if "websocket.http.response" in scope.get("extensions", {}):
            body = json.dumps(problem_body(404, "There is no WebSocket endpoint here.",
                                           instance=printable_path(scope["path"]))).encode()
            await send({"type": "websocket.http.response.start", "status": 404, "headers": [
                (b"content-type", PROBLEM_JSON.encode()), (b"content-length", str(len(body)).encode()),
                *self.security_headers]})
            await send({"type": "websocket.http.response.body", "body": body})
        else:
            await send({"type": "websocket.close", "code": 1008})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _bearer(scope: Scope) -> str:
    return bearer_token(_header(scope, b"authorization"))
