"""The HTTP server every process runs: uvicorn with httptools, hardened against slow and large clients.

Bare uvicorn + httptools lets one unauthenticated connection stall the process: it reads request
headers without a size cap (httptools concatenates a header piece by piece, so the cost grows with
the square of its size: 64 MiB took 7 s of the only event loop), without a time limit (a header line
every 2 s keeps a connection forever), waits for a stalled body forever, and accepts every
connection. :class:`HardenedHttpToolsProtocol` adds what is missing, per connection:

- request line + headers above ``max_head_bytes`` → 431, then a lingering close (the rest of what
  the client sends is read and dropped for a moment, so it sees the answer rather than a reset);
- no complete head ``header_timeout`` seconds after its first byte (or after the connection opened)
  → 408 (or a plain close when nothing was sent);
- no body bytes for ``body_idle_timeout`` seconds while a body is due → 408 and close;
- at most ``max_connections`` connections in all and ``max_connections_per_client`` from one
  address (addresses in ``uncapped_clients`` excepted: a load balancer, the gateway) → 503 and close.

uvicorn's proxy-header handling is off: it trusts ``X-Forwarded-For`` from 127.0.0.1 by default,
which lets anyone on the machine pick their address. Only our own trusted-proxy logic
(services/kit/proxies.py) reads that header.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import json
import logging
import resource
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Any, ClassVar

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .errors import PROBLEM_JSON, problem_body
from .proxies import is_trusted
from .settings import ServiceSettings

log = logging.getLogger("outbound.server")
# After a 431, read and drop at most this much, for at most this long, before closing for good.
LINGER_BYTES = 256 * 1024
LINGER_SECONDS = 2.0
KEEP_ALIVE_SECONDS = 30
FILE_DESCRIPTORS_HELD_BACK = 64  # for database connections, upstream pools, log files


@dataclass(frozen=True)
class ServerLimits:
    max_head_bytes: int = 64 * 1024
    header_timeout: float = 10.0
    body_idle_timeout: float = 30.0
    max_connections: int = 2048
    max_connections_per_client: int = 256
    uncapped_clients: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, settings: ServiceSettings) -> ServerLimits:
        return cls(max_head_bytes=settings.server_max_head_bytes, header_timeout=settings.server_header_timeout,
                   body_idle_timeout=settings.server_body_idle_timeout,
                   max_connections=settings.server_max_connections,
                   max_connections_per_client=settings.server_max_connections_per_client,
                   uncapped_clients=tuple(settings.server_uncapped_clients))


@functools.lru_cache(maxsize=32)
def _response(status: int, title: str, detail: str, extra: bytes = b"") -> bytes:
    body = json.dumps(problem_body(status, detail, title=title)).encode()
    return (f"HTTP/1.1 {status} {title}\r\ncontent-type: {PROBLEM_JSON}\r\ncontent-length: {len(body)}\r\n"
            f"connection: close\r\n").encode() + extra + b"\r\n" + body


class HardenedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with caps and timeouts; :func:`protocol_class` binds the limits."""

    limits: ClassVar[ServerLimits] = ServerLimits()
    clients: ClassVar[Counter[str]] = Counter()  # open connections per client address, this server

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._reading_head = True
        self._head_bytes = 0
        self._timer: asyncio.TimerHandle | None = None
        self._counted: str | None = None
        self._lingering = -1  # bytes dropped since a 431; -1 while not lingering

    # --- connections ------------------------------------------------------------------------------
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        limits = self.limits
        host = self.client[0] if self.client else None
        if len(self.connections) > limits.max_connections:
            self._refuse_connection("The server is at its connection limit; try again shortly.")
            return
        if host is not None and not is_trusted(host, limits.uncapped_clients):
            if self.clients[host] >= limits.max_connections_per_client:
                self._refuse_connection("Too many connections from your address.")
                return
            self.clients[host] += 1
            self._counted = host
        # A connection that never sends a request is closed like one that sends it too slowly.
        self._arm(limits.header_timeout, self._head_timed_out)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        self._uncount()
        super().connection_lost(exc)

    def _uncount(self) -> None:
        if self._counted is not None:
            self.clients[self._counted] -= 1
            if self.clients[self._counted] <= 0:
                del self.clients[self._counted]
            self._counted = None

    def _refuse_connection(self, detail: str) -> None:
        self.transport.write(_response(503, "Service Unavailable", detail, b"retry-after: 5\r\n"))
        self.transport.close()

    def handle_websocket_upgrade(self) -> None:
        # The WebSocket protocol takes the transport over; this one's timers and count end here.
        self._disarm()
        self._uncount()
        super().handle_websocket_upgrade()

    # --- reading ----------------------------------------------------------------------------------
    def data_received(self, data: bytes) -> None:
        if self._lingering >= 0:
            self._lingering += len(data)
            if self._lingering > LINGER_BYTES:
                self.transport.abort()
            return
        if not self._reading_head:
            if self._timer is not None:  # a body is due: it is alive, wait again
                self._arm(self.limits.body_idle_timeout, self._body_timed_out)
            super().data_received(data)
            return
        if self._timer is None:  # the first bytes of the next request on a kept-alive connection
            self._arm(self.limits.header_timeout, self._head_timed_out)
        room = self.limits.max_head_bytes - self._head_bytes
        if len(data) <= room:
            self._head_bytes += len(data)
            super().data_received(data)
            return
        # Feed only what fits: the head may end inside it, and what follows is body or the next request.
        self._head_bytes += room
        super().data_received(data[:room])
        if self.transport.is_closing():
            return
        if self._reading_head:
            self._head_too_large()
            return
        self.data_received(data[room:])

    def on_headers_complete(self) -> None:
        self._reading_head = False
        super().on_headers_complete()
        # Until the message completes (at once for a request without a body), its body must keep coming.
        self._arm(self.limits.body_idle_timeout, self._body_timed_out)

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._reading_head = True
        self._head_bytes = 0
        self._disarm()

    # --- refusals -----------------------------------------------------------------------------------
    def _answerable(self) -> bool:
        """Can a response still go out on this connection without garbling an earlier one?"""
        return not self.transport.is_closing() and (self.cycle is None or self.cycle.response_complete)

    def _head_too_large(self) -> None:
        self._disarm()
        if not self._answerable():
            self.transport.close()
            return
        self.transport.write(_response(431, "Request Header Fields Too Large",
                                       f"The request line and headers exceed {self.limits.max_head_bytes} bytes."))
        # Lingering close: half-close, drop what is still coming for a moment, then close. A plain
        # close with unread data makes the kernel send a reset, which can destroy the answer in flight.
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self._lingering = 0
        self._arm(LINGER_SECONDS, self.transport.abort)

    def _head_timed_out(self) -> None:
        self._timer = None
        if self._head_bytes and self._answerable():
            self.transport.write(_response(408, "Request Timeout",
                                           f"The request head did not arrive within {self.limits.header_timeout:g} s."))
        self.transport.close()

    def _body_timed_out(self) -> None:
        self._timer = None
        if self.transport.is_closing():
            return
        if self.flow.read_paused:  # the app has not taken what arrived yet: not the client's delay
            self._arm(self.limits.body_idle_timeout, self._body_timed_out)
            return
        cycle = self.cycle
        if cycle is not None and not cycle.response_started:
            self.transport.write(_response(408, "Request Timeout",
                                           f"The request body stalled for {self.limits.body_idle_timeout:g} s."))
        if cycle is not None:
            # The app waiting for the rest of the body hears that the client is gone.
            cycle.disconnected = True
            cycle.message_event.set()
        self.transport.close()

    # --- timers -------------------------------------------------------------------------------------
    def _arm(self, seconds: float, callback: Any) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = self.loop.call_later(seconds, callback)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


def protocol_class(limits: ServerLimits) -> type[HardenedHttpToolsProtocol]:
    """A protocol class bound to ``limits``, with its own per-address counts (one per server)."""
    return type("HardenedHttpToolsProtocol", (HardenedHttpToolsProtocol,),
                {"limits": limits, "clients": Counter()})


def usable_connection_limit(wanted: int) -> int:
    """``wanted``, but below the process's open-file limit, so the cap bites before accept() fails."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return wanted
    usable = max(16, soft - FILE_DESCRIPTORS_HELD_BACK)
    if wanted > usable:
        log.warning("OUTBOUND_SERVER_MAX_CONNECTIONS=%d exceeds the open-file limit (%d); using %d",
                    wanted, soft, usable)
    return min(wanted, usable)


def server_config(app: Any, host: str, port: int, limits: ServerLimits, **overrides: Any) -> uvicorn.Config:
    limits = dataclasses.replace(limits, max_connections=usable_connection_limit(limits.max_connections))
    options: dict[str, Any] = {
        "host": host, "port": port, "loop": "uvloop" if sys.platform != "win32" else "asyncio",
        "http": protocol_class(limits), "lifespan": "on", "access_log": False, "log_config": None,
        "server_header": False, "timeout_keep_alive": KEEP_ALIVE_SECONDS,
        # Only services/kit/proxies.py decides whose X-Forwarded-For to believe.
        "proxy_headers": False, "forwarded_allow_ips": "",
    }
    return uvicorn.Config(app, **{**options, **overrides})


def serve(app: Any, host: str, port: int, settings: ServiceSettings) -> None:
    """Run ``app`` until interrupted, with the limits ``settings`` set."""
    uvicorn.Server(server_config(app, host, port, ServerLimits.from_settings(settings))).run()
