"""Wire-level stand-ins for external APIs, each an async context manager serving on loopback."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractAsyncContextManager
from typing import TypeVar

T = TypeVar("T")


@contextlib.contextmanager
def in_thread(serve: Callable[[], AbstractAsyncContextManager[T]]) -> Iterator[T]:
    """Run a stand-in on its own event loop in a thread, for synchronous callers (a CLI under test)."""
    ready = threading.Event()
    stop: asyncio.Event | None = None
    loop: asyncio.AbstractEventLoop | None = None
    box: dict[str, T] = {}
    failure: list[BaseException] = []

    async def main() -> None:
        nonlocal stop, loop
        stop, loop = asyncio.Event(), asyncio.get_running_loop()
        try:
            async with serve() as value:
                box["value"] = value
                ready.set()
                await stop.wait()
        except BaseException as exc:  # surfaced to the caller below
            failure.append(exc)
            ready.set()

    thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True)
    thread.start()
    ready.wait(10)
    if failure:
        raise failure[0]
    try:
        yield box["value"]
    finally:
        assert loop is not None and stop is not None
        loop.call_soon_threadsafe(stop.set)
        thread.join(10)
