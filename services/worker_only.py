"""`outbound worker <name>`: one service's job workers in a process of their own.

The process runs the service's own app, so its lifespan does what ``outbound serve`` does (database,
dependencies, then ``OUTBOUND_WORKERS`` workers claiming jobs with ``FOR UPDATE SKIP LOCKED``), but it
answers only the health route: API traffic belongs to the ``outbound serve`` replicas (run with
``OUTBOUND_WORKERS=0``), and an orchestrator probes a worker process the same way it probes them.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# The services that own a job table, so a worker process of theirs has something to claim.
WORKER_SERVICES = ("leads", "ai", "email", "calendar")


class HealthOnly:
    """Passes the lifespan and ``GET <health_path>`` to ``app``; everything else is a 404 problem."""

    def __init__(self, app: ASGIApp, service: str, health_path: str) -> None:
        self.app = app
        self.service = service
        self.health_path = health_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan" or (scope["type"] == "http" and scope["path"] == self.health_path):
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":  # a websocket: refuse the handshake
            await send({"type": "websocket.close", "code": 1008})
            return
        body = json.dumps({
            "type": "about:blank", "title": "Not Found", "status": 404,
            "detail": f"This process runs the {self.service} service's workers only; "
                      f"its API is served by `outbound serve {self.service}`.",
        }).encode()
        await send({"type": "http.response.start", "status": 404,
                    "headers": [(b"content-type", b"application/problem+json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
