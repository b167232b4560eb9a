"""The sending engine's feed in a process of its own: claims, claim-time checks and wire forms.

The engine's event loop carries every SMTP connection's answers and the ledger's group commits. Checking and
building a batch (the ledger's and leads' answers, a verdict per message, a wire form and DKIM signature each)
cost it as much CPU as everything else it does a message (bench/email_engine.py: 0.34 ms a message with the feed
on the loop, 0.24 without, raw aiosmtplib 0.25), and a thread would share the loop's GIL. So the engine of a worker can
(``OUTBOUND_EMAIL_FEED_PROCESS``, off by default) hand the feed to a child process: the child claims and checks
with the same sender id (its claims are the engine's: fenced by ``locked_by`` and leased alike) and streams
:class:`~services.email.engine.Ready` messages back over a pipe; the lanes, the marks and the outcomes stay in
the engine, so the at-most-once rule is unchanged (a message goes only after its own move to ``sending``
committed). The child costs more CPU than the feed did on the loop (pickling, a pipe, its own leads answers): it is
faster only where a core is free for it, and on a 2-core machine it was not (docs/benchmarks.md).

A child that dies leaves only claimed rows, still ``queued``: their lease runs out and they are claimed again.
The engine then feeds in process until it is restarted. The child dies with its parent (the pipe's end).

Where services run in one process (``outbound up``, the benchmark), the child runs the users and leads apps it
needs in process too, without their workers, from the same settings (:class:`FeedSpec`'s ``local``).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import multiprocessing
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from pydantic_settings import BaseSettings

from .settings import EmailSettings

if TYPE_CHECKING:
    from .engine import Claimed, Ready, SendingEngine

log = logging.getLogger("outbound.email.feed")
# A service the feed process runs in process: its origin (as services.kit.http.register_local_app knows it), its
# app factory (a module-level function, so it pickles by name) and its settings.
LocalService = tuple[str, Callable[..., Any], BaseSettings]
# A batch goes back in parts of this many messages: the lanes start on the first part while the rest is unpickled.
PART = 100
START_SECONDS = 60.0


@dataclass(frozen=True)
class FeedSpec:
    """What the child needs to build the e-mail runtime: the service's settings, the engine's sender identity,
    and (one-process topologies) the services to run in process as ``(origin, create_app, settings)``: the entry
    point that runs them in its own process names them (a service imports no other service's app)."""

    settings: EmailSettings
    worker_id: str
    batch: int
    lease_seconds: float
    check_contacts: bool
    local: tuple[LocalService, ...] = ()


class FeedError(Exception):
    """The feed process is gone or failed to start."""


class FeedProcess:
    """The engine's side: starts the child, sends it feed jobs, receives their messages (a reader thread waits
    on the pipe, so the loop never blocks on it)."""

    def __init__(self, spec: FeedSpec) -> None:
        self.spec = spec
        self._process: Any = None
        self._conn: Connection | None = None
        self._reader: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._jobs: dict[int, asyncio.Queue[tuple[Any, ...]]] = {}
        self._ids = itertools.count(1)
        self._ready: asyncio.Future[None] | None = None
        self._send_lock = threading.Lock()
        self.broken = False

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None and not self.broken else None

    async def start(self) -> None:
        """Start the child (once) and wait until it is ready; callers meanwhile wait for the same start."""
        if self.broken:
            raise FeedError("the feed process is gone")
        if self._process is None:
            loop = self._loop = asyncio.get_running_loop()
            context = multiprocessing.get_context("spawn")  # a fork would copy the loop, its sockets and threads
            parent, child = context.Pipe()
            self._conn = parent
            self._ready = loop.create_future()
            self._process = context.Process(target=child_main, args=(child, self.spec), daemon=True,
                                            name="outbound-email-feed")
            self._process.start()
            child.close()
            self._reader = threading.Thread(target=self._read, name="email-feed-reader", daemon=True)
            self._reader.start()
        assert self._ready is not None
        try:
            await asyncio.wait_for(asyncio.shield(self._ready), START_SECONDS)
        except Exception as exc:
            self.broken = True
            await self.close()
            raise FeedError(f"the feed process did not start: {exc}") from exc

    def _read(self) -> None:
        assert self._conn is not None and self._loop is not None
        loop, conn = self._loop, self._conn
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                break
            with contextlib.suppress(RuntimeError):  # the loop closed first
                loop.call_soon_threadsafe(self._dispatch, message)
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(self._gone)

    def _dispatch(self, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "ready":
            if self._ready is not None and not self._ready.done():
                self._ready.set_result(None)
        elif kind == "failed":
            if self._ready is not None and not self._ready.done():
                self._ready.set_exception(FeedError(message[1]))
        else:
            queue = self._jobs.get(message[1])
            if queue is not None:
                queue.put_nowait(message)

    def _gone(self) -> None:
        self.broken = True
        if self._ready is not None and not self._ready.done():
            self._ready.set_exception(FeedError("the feed process exited"))
        for job, queue in self._jobs.items():
            queue.put_nowait(("end", job, "the feed process exited"))

    def _send(self, message: tuple[Any, ...]) -> None:
        if self._conn is None:
            raise FeedError("the feed process is not running")
        try:
            with self._send_lock:
                self._conn.send(message)
        except OSError as exc:  # the child is gone (the reader thread marks it broken too)
            raise FeedError(f"the feed process cannot be reached: {exc}") from exc

    async def feed(self, claimed: Claimed, seconds: float, paced: bool, should_stop: Callable[[], bool]
                   ) -> AsyncIterator[tuple[list[Ready], int]]:
        """The claimed batch checked and built, then further batches of the same mailbox (for ``seconds``; one
        batch when ``paced``), as parts of ready messages with how many claimed rows each part settled."""
        if self.broken:
            raise FeedError("the feed process is gone")
        job = next(self._ids)
        queue: asyncio.Queue[tuple[Any, ...]] = asyncio.Queue()
        self._jobs[job] = queue
        stopped = False
        try:
            self._send(("feed", job, claimed.mailbox.id, claimed.ids, claimed.contact_ids, seconds, paced))
            while True:
                message = await queue.get()
                if message[0] == "end":
                    if message[2] is not None:
                        raise FeedError(message[2])
                    return
                yield message[2], message[3]
                if not stopped and should_stop():
                    stopped = True
                    self._send(("stop", job))
        finally:
            self._jobs.pop(job, None)

    async def close(self) -> None:
        process, conn = self._process, self._conn
        self._process = None
        if process is None:
            return
        with contextlib.suppress(Exception):
            self._send(("exit",))
        await asyncio.get_running_loop().run_in_executor(None, process.join, 10)
        if process.is_alive():
            process.terminate()
            await asyncio.get_running_loop().run_in_executor(None, process.join, 5)
        if conn is not None:
            conn.close()
        self._conn = None


# --- the child ----------------------------------------------------------------------------------------------


def child_main(conn: Connection, spec: FeedSpec) -> None:
    """The feed process: runs until told to exit or its parent is gone."""
    logging.basicConfig(level=logging.WARNING)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_child(conn, spec))


async def _child(conn: Connection, spec: FeedSpec) -> None:
    from services.email.engine import SendingEngine
    from services.email.main import create_app as create_email
    from services.kit.http import register_local_app

    loop = asyncio.get_running_loop()
    inbox: asyncio.Queue[tuple[Any, ...]] = asyncio.Queue()

    def read() -> None:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                message = ("exit",)  # the parent is gone: so is the feed
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(inbox.put_nowait, message)
            if message[0] == "exit":
                return

    send_lock = asyncio.Lock()

    async def send(message: tuple[Any, ...]) -> None:
        async with send_lock:  # a pickled batch is sent whole: two jobs' parts never interleave
            await loop.run_in_executor(None, conn.send, message)

    async with contextlib.AsyncExitStack() as stack:
        try:
            for origin, factory, settings in spec.local:
                app = factory(settings.model_copy(update={"workers": 0, "auto_migrate": False}))
                register_local_app(origin, app)
                await stack.enter_async_context(app.router.lifespan_context(app))
            email = create_email(spec.settings.model_copy(update={"workers": 0, "auto_migrate": False,
                                                                  "smtp_catcher_port": 0}))
            await stack.enter_async_context(email.router.lifespan_context(email))
            engine = SendingEngine(email.state.runtime, batch=spec.batch, lease_seconds=spec.lease_seconds,
                                   name=spec.worker_id, check_contacts=spec.check_contacts)
            stack.push_async_callback(engine.stop)
        except Exception as exc:
            conn.send(("failed", f"{exc.__class__.__name__}: {exc}"))
            raise
        threading.Thread(target=read, name="email-feed-inbox", daemon=True).start()
        conn.send(("ready",))
        stops: set[int] = set()
        tasks: set[asyncio.Task[None]] = set()
        while True:
            message = await inbox.get()
            if message[0] == "exit":
                break
            if message[0] == "stop":
                stops.add(message[1])
            elif message[0] == "feed":
                task = asyncio.create_task(_feed_job(engine, message, stops, send))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
        for task in list(tasks):
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def _feed_job(engine: SendingEngine, message: tuple[Any, ...], stops: set[int],
                    send: Callable[[tuple[Any, ...]], Awaitable[None]]) -> None:
    """One feed job: the engine's own batches (SendingEngine.batches), sent back in parts."""
    from services.email import repository as repo
    from services.email.engine import Claimed
    from services.email.service import reads

    _, job, mailbox_id, ids, contact_ids, seconds, paced = message
    error: str | None = None
    try:
        async with reads(engine.runtime) as s:
            mailbox = await repo.get_mailbox(s, mailbox_id)
        if mailbox is None:  # deleted meanwhile: its claims are given back (and then find no mailbox to go by)
            await engine.release(ids)
            return
        async for ready, settled in engine.batches(Claimed(mailbox, ids, contact_ids), seconds, paced,
                                                   lambda: job in stops):
            for start in range(0, max(1, len(ready)), PART):
                await send(("part", job, ready[start:start + PART], settled if start == 0 else 0))
    except Exception as exc:  # the batch under way keeps its claims until their lease runs out
        log.exception("the feed of mailbox %s failed", mailbox_id)
        error = f"{exc.__class__.__name__}: {exc}"
    finally:
        stops.discard(job)
        with contextlib.suppress(Exception):
            await send(("end", job, error))


__all__ = ["FeedError", "FeedProcess", "FeedSpec", "LocalService"]
