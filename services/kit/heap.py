"""Keeping the garbage collector off the long-lived start-up heap.

A started stack holds ~200,000 objects that live as long as the process (modules, pydantic schemas,
routes, SQLAlchemy metadata). CPython's full collections walk all of them: measured on the embedded
stack, one took 100-400 ms, stalling every request in flight, and request churn (rows, models) sets
one off every few seconds under load. Freezing the heap once start-up is complete moves those
objects out of the collector's reach; everything allocated afterwards is collected as before.
"""

from __future__ import annotations

import gc
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]


class FreezeHeapAfterStartup:
    """ASGI wrapper: ``gc.freeze()`` once the app's lifespan reports start-up complete."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "lifespan":
            await self.app(scope, receive, send)
            return

        async def send_and_freeze(message: Message) -> None:
            if message["type"] == "lifespan.startup.complete":
                gc.freeze()
            await send(message)

        await self.app(scope, receive, send_and_freeze)
