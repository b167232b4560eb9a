"""The start-up heap is frozen out of the collector's reach once, when start-up is complete."""

from __future__ import annotations

import gc
from typing import Any

from services.kit.heap import FreezeHeapAfterStartup


async def test_the_heap_is_frozen_when_startup_completes_and_requests_pass_through() -> None:
    seen: list[str] = []
    frozen_at_startup: list[int] = []

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            await receive()
            frozen_at_startup.append(gc.get_freeze_count())  # start-up work runs before the freeze
            await send({"type": "lifespan.startup.complete"})
            return
        seen.append(scope["path"])

    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "lifespan.startup"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    gc.unfreeze()
    try:
        wrapped = FreezeHeapAfterStartup(app)
        await wrapped({"type": "lifespan"}, receive, send)
        assert frozen_at_startup == [0] and gc.get_freeze_count() > 0
        assert sent == [{"type": "lifespan.startup.complete"}]
        await wrapped({"type": "http", "path": "/x"}, receive, send)
        assert seen == ["/x"]
    finally:
        gc.unfreeze()
