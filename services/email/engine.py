"""The sending engine: claims ledger rows and sends them, at most once.

One loop per worker process (it runs where the service's workers run: ``outbound up`` and
``outbound worker email``). Each round:

1. housekeeping: a ``sending`` row whose lease ran out (its sender died mid-conversation) becomes
   ``unknown`` — it may have been delivered, so it is never sent again on its own; later steps that fell
   due are rendered; running campaigns with nothing left finish;
2. claim: the mailboxes that may send now are locked (``FOR UPDATE SKIP LOCKED``; SQLite's BEGIN
   IMMEDIATE serialises instead) and, per mailbox, as many due rows as its cap and gap allow get this
   sender's lease; the gap is reserved on the mailbox in the same transaction, so four senders pace a
   mailbox like one;
3. send: per mailbox over one reused SMTP connection. Before each message its row is checked again in a
   unit of work (campaign running, enrolment active, address not suppressed, mailbox not paused, inside
   the contact's window, contact still there with its legal basis) and moved to ``sending`` with the
   Message-ID it already carries; that commit happens before MAIL/RCPT/DATA. The outcome is written in
   the next unit of work, fenced by ``locked_by``. A connection's next message is moved while the current
   one is on the wire (one ahead), so no connection waits for the ledger between two messages; a killed
   sender leaves at most two messages a connection in ``sending`` (then ``unknown``), a live one that stops
   or sees its mailbox paused queues its marked one again.

With ``OUTBOUND_EMAIL_FEED_PROCESS`` the claims after a round's first and the claim-time checks and wire forms
of step 3 run in a child process (services.email.feed); the moves to ``sending``, SMTP and the outcomes stay here.

Outcomes (services.email.smtp): sent → ``sent`` and the next step scheduled; temporary → ``queued`` again
with backoff; hard bounce → ``bounced``, address suppressed, the contact's sequences stopped; rejected →
``failed``; mailbox problem → the mailbox is paused with the server's reason and the row waits; unknown →
``unknown``. Timeline entries in leads are jobs (``email.timeline``), keyed by meaning, run after commit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncConnection

from services.kit.db import sqlite_sync_engine
from services.kit.errors import AppError
from services.kit.jobs import backoff_delay, run_polling
from services.leads.schemas import ContactReach

from . import repository as repo
from . import wire
from .addresses import parse_cached
from .deps import EmailRuntime
from .feed import FeedError, FeedProcess, FeedSpec, LocalService
from .models import (
    ACTIVE,
    BOUNCED,
    DEFAULT_CONNECTIONS,
    FAILED,
    QUEUED,
    RUNNING,
    SENDING,
    STOPPED,
    UNKNOWN,
    Mailbox,
)
from .pacing import next_send_at, next_time_in_windows, sends_left_today, step_due_at
from .render import reach_needs_legal_basis
from .service import pacing_of, reads, smtp_config, window_of, writes
from .smtp import SendOutcome, SendStatus, SmtpConfig, SmtpSender

log = logging.getLogger("outbound.email.engine")
MAX_ATTEMPTS = 8
# SMTP connections a mailbox without a minimum gap sends over at once unless it says otherwise (its
# ``max_connections``); a paced mailbox uses one.
CONNECTIONS = DEFAULT_CONNECTIONS
HOUSEKEEPING_SECONDS = 5.0
# Messages claimed and checked at a time. The checks cost mostly per batch (the ledger's and leads' answers, a
# unit of work), all on the event loop that also carries every connection's SMTP replies: at 100 a batch they
# took more CPU than the SMTP exchanges themselves. 500 is what leads answers in one call (contact_reach).
BATCH = 500
# The feed checks and builds a batch on the loop that carries the lanes' SMTP answers: it lets them in every so
# many messages, so a batch never holds a lane's answer for the milliseconds its whole loop takes.
YIELD_EVERY = 50
# How long one mailbox's pipeline keeps claiming new batches before the round ends (housekeeping, other mailboxes).
FEED_SECONDS = 5.0
# How long a group commit waits for half the lanes to hand in (see _GroupCommit._loop).
GATHER_SECONDS = 0.001
# SQLite: the group commits on the loop never checkpoint (repository.SqliteLedger); after this many of them the
# ledger thread does, off the loop (a few hundred WAL pages, under SQLite's own 1,000-page default).
CHECKPOINT_EVERY = 16


@dataclass
class Claimed:
    mailbox: Mailbox
    ids: list[int]
    contact_ids: list[int]  # of the campaign messages among them


@dataclass(frozen=True, slots=True)
class Ready:
    """A checked message, built for the wire, with what recording its outcome needs."""

    id: int
    wire: bytes
    envelope_from: str
    recipient: str
    attempts: int
    to_key: str
    campaign_id: int | None = None
    contact_id: int | None = None
    enrolment_id: int | None = None
    step: int | None = None
    timezone: str | None = None
    following: tuple[float, bool] | None = None  # the next step's delay and business-days flag


@dataclass(frozen=True, slots=True)
class _Verdict:
    """Why a claimed message may not go now, and what becomes of it: withdrawn (failed, never sent; ``stop``
    also stops the contact's sequences), postponed ``until``, or released (its campaign is not running)."""

    reason: str
    action: Literal["withdraw", "postpone", "release"]
    stop: str | None = None
    email: str | None = None
    until: datetime | None = None


@dataclass(frozen=True, slots=True)
class _Checks:
    """What the claim-time checks of a batch found (mailbox None: gone or paused, nothing may go)."""

    mailbox: Mailbox | None
    checked: list[repo.Outgoing]
    steps: dict[int, dict[int, tuple[float, bool]]]
    keys: dict[int, str]
    problems: int = 0


class SendingEngine:
    """Claims and sends ledger rows until stopped (see the module doc)."""

    def __init__(self, runtime: EmailRuntime, *, batch: int = BATCH, poll_interval: float = 0.5,
                 lease_seconds: float | None = None, name: str | None = None, check_contacts: bool = True,
                 connections: int | None = None, feed_process: bool = False,
                 local: tuple[LocalService, ...] = ()) -> None:
        self.runtime = runtime
        self.batch = batch
        self.connections = connections
        self.poll_interval = poll_interval
        # A row in "sending" outlives its lease only when its sender died: longer than any SMTP exchange.
        self.lease_seconds = lease_seconds or max(60.0, runtime.settings.smtp_timeout * 6)
        self.worker_id = name or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.check_contacts = check_contacts
        self._senders: dict[int, tuple[SmtpConfig, list[SmtpSender]]] = {}
        self._stop = asyncio.Event()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._last_housekeeping = 0.0
        self._write_turn = asyncio.Lock()
        self._sqlite = runtime.settings.is_sqlite
        # SQLite: the group commits run on synchronous connections of their own, on the loop or in a thread
        # (commit_batch).
        self._ledger_engine = sqlite_sync_engine(str(runtime.settings.database_url)) if self._sqlite else None
        # The loop's connection is another one: each such engine holds a single connection, and this one's busy
        # timeout is switched off.
        self._inline_engine = sqlite_sync_engine(str(runtime.settings.database_url)) if self._sqlite else None
        self._ledger: repo.SqliteLedger | None = None  # the ledger thread's connection (waits for the lock)
        self._inline: repo.SqliteLedger | None = None  # the loop's own (gives way when the lock is taken)
        self._ledger_thread = ThreadPoolExecutor(1, thread_name_prefix="email-ledger") if self._sqlite else None
        self._inline_commits = 0  # since the last checkpoint
        self._checkpoint: asyncio.Future[None] | None = None
        # The claim-time checks and wire forms in a process of their own (see services.email.feed); ``local``: the
        # services it runs in process, where they run in this one.
        self._feeder = FeedProcess(FeedSpec(runtime.settings, self.worker_id, batch, self.lease_seconds,
                                            check_contacts, local)) if feed_process else None

    @contextlib.asynccontextmanager
    async def _writes(self) -> AsyncIterator[Any]:
        """A unit of work that writes. On SQLite this sender's lanes take turns here: SQLite admits one writer,
        and lanes that queue in its busy handler instead sleep in growing steps (tens of ms a message)."""
        if self._sqlite:
            async with self._write_turn, writes(self.runtime) as s:
                yield s
        else:
            async with writes(self.runtime) as s:
                yield s

    # --- lifecycle ----------------------------------------------------------------------------------
    def start(self) -> None:
        self._task = asyncio.create_task(self._loop())

    def wake(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None
        for mailbox_id in list(self._senders):
            await self._drop_senders(mailbox_id)
        if self._feeder is not None:
            await self._feeder.close()
        if self._checkpoint is not None:  # it may open the ledger thread's connection, closed below
            with contextlib.suppress(Exception):
                await self._checkpoint
            self._checkpoint = None
        if self._ledger_engine is not None and self._ledger_thread is not None:
            if self._ledger is not None:
                self._ledger_thread.submit(self._ledger.close)
            if self._inline is not None:
                self._inline.close()
            if self._inline_engine is not None:
                self._inline_engine.dispose()
            self._ledger_thread.shutdown(wait=True)
            self._ledger_engine.dispose()
            self._ledger, self._inline, self._ledger_engine, self._ledger_thread = None, None, None, None
            self._inline_engine = None

    async def _loop(self) -> None:
        await self.start_feed()

        def report(failures: int, exc: Exception, wait: float) -> None:
            log.error("e-mail sender %s: a round failed (%d in a row); next in %.0fs", self.worker_id, failures, wait,
                      exc_info=exc)

        await run_polling(self.run_once, stop=self._stop, wake=self._wake, poll_interval=self.poll_interval,
                          report=report)

    # --- one round ----------------------------------------------------------------------------------
    async def run_once(self) -> int:
        """Housekeeping (every few seconds), then claim and send one round; how many rows were handled."""
        loop_time = asyncio.get_running_loop().time()
        if loop_time - self._last_housekeeping >= HOUSEKEEPING_SECONDS or self._last_housekeeping == 0.0:
            self._last_housekeeping = loop_time
            await self.housekeeping()
        claimed = await self.claim()
        if not claimed:
            return 0
        counts = await asyncio.gather(*(self._send_mailbox(c) for c in claimed))
        return sum(counts)

    async def housekeeping(self) -> None:
        from .prepare import render_due_steps

        now = self.runtime.deps.clock()
        async with self._writes() as s:
            lost = await repo.expire_sending(s, now)
            for message_db_id in lost:
                await self._timeline_job(s, message_db_id, "unknown")
        try:
            if await render_due_steps(self.runtime):
                self.wake()
        except AppError as exc:  # leads unreachable: the enrolments come due again after their render lease
            log.warning("rendering due steps failed: %s", exc)
        async with self._writes() as s:
            await repo.finish_campaigns_done(s, now)
            await repo.drop_spent_wires(s)

    async def claim(self, only: int | None = None) -> list[Claimed]:
        """Claim due messages of the mailboxes that may send now (``only``: of that mailbox)."""
        runtime = self.runtime
        now = runtime.deps.clock()
        out: list[Claimed] = []
        async with self._writes() as s:
            for mailbox in await repo.lock_mailboxes_ready(s, now, mailbox_id=only):
                pacing = pacing_of(mailbox, runtime.settings.email_gap_jitter)
                limit = self.batch
                recent: list[datetime] = []
                if pacing.daily_limit or pacing.warmup is not None or pacing.min_gap_seconds > 0:
                    recent = await repo.recent_sends(s, mailbox.id, now)
                    earliest = next_send_at(pacing, recent, now, runtime.deps.rng)
                    if earliest > now:
                        mailbox.next_send_at = earliest
                        continue
                    left = sends_left_today(pacing, recent, now)
                    if left is not None:
                        limit = min(limit, left)
                    if pacing.min_gap_seconds > 0:
                        limit = min(limit, 1)
                if limit <= 0:
                    continue
                ids, contact_ids = await repo.claim_messages(s, self.worker_id, now, self.lease_seconds,
                                                             mailbox_id=mailbox.id, limit=limit)
                if not ids:
                    continue
                if pacing.min_gap_seconds > 0:
                    # Reserve the gap now: the next claim of this mailbox, by any sender, waits for it.
                    mailbox.next_send_at = next_send_at(pacing, [*recent, now], now, runtime.deps.rng)
                out.append(Claimed(mailbox, ids, contact_ids))
        return out

    # --- sending --------------------------------------------------------------------------------------
    async def _senders_for(self, mailbox: Mailbox, count: int) -> list[SmtpSender]:
        """``count`` connections of the mailbox, reused across rounds while its SMTP settings stay the same
        (its ``updated_at`` moves with every round's bookkeeping, so it cannot be the key)."""
        config = smtp_config(self.runtime, mailbox)
        cached = self._senders.get(mailbox.id)
        if cached is not None and cached[0] != config:
            for old in cached[1]:
                with contextlib.suppress(Exception):
                    await old.close()
            cached = None
        pool = list(cached[1]) if cached is not None else []
        while len(pool) < count:
            pool.append(SmtpSender(config, idle_seconds=self.runtime.settings.smtp_idle_seconds))
        self._senders[mailbox.id] = (config, pool)
        return pool[:count]

    async def _drop_senders(self, mailbox_id: int) -> None:
        cached = self._senders.pop(mailbox_id, None)
        for sender in cached[1] if cached is not None else []:
            with contextlib.suppress(Exception):
                await sender.close()

    async def _send_mailbox(self, claimed: Claimed) -> int:
        """Send one mailbox's claimed messages over its connections; how many rows were handled.

        A mailbox without a minimum gap is sent as a pipeline: while its lanes send, the next batch is claimed and
        checked (for up to FEED_SECONDS, then the round ends so housekeeping and other mailboxes get their turn),
        so connections do not idle between batches. A paced mailbox sends its one message a round."""
        mailbox = claimed.mailbox
        paced = mailbox.min_gap_seconds > 0
        count = 1 if paced else max(1, self.connections or mailbox.max_connections or CONNECTIONS)
        try:
            senders = await self._senders_for(mailbox, count)
        except Exception as exc:  # the sealed password no longer opens: a mailbox problem
            await self._pause_mailbox(mailbox.id, f"the stored SMTP password cannot be read: {exc}")
            async with self._writes() as s:
                await repo.release_claims(s, claimed.ids, self.worker_id)
            return 0
        queue: asyncio.Queue[Ready | None] = asyncio.Queue(maxsize=max(self.batch, 2 * count))
        paused = asyncio.Event()
        leftovers: list[int] = []
        unsent: list[int] = []  # moved to "sending" a message ahead, then a stop or a pause came first
        handled = 0
        group = _GroupCommit(self, mailbox, count)

        async def feed() -> None:
            nonlocal handled
            try:
                stopping = lambda: self._stop.is_set() or paused.is_set()  # noqa: E731
                async for ready, settled in self._batches(claimed, paced, stopping):
                    handled += settled
                    for item in ready:
                        await queue.put(item)
            finally:
                for _ in range(count):
                    await queue.put(None)

        async def take() -> Ready | None:
            """A lane's next message, None at the end; after a stop or a mailbox pause the rest drains into
            the leftovers, so the feeder never blocks on a full queue."""
            while (item := await queue.get()) is not None:
                if not (self._stop.is_set() or paused.is_set()):
                    return item
                leftovers.append(item.id)
            return None

        async def lane(sender: SmtpSender) -> None:
            # One message ahead: while a message is on the wire, the next one's move to "sending" commits (with the
            # previous outcome and the other lanes' own), so a lane does not wait for the ledger between messages.
            # Each move still commits before that message's MAIL FROM. The price: a sender killed mid-way leaves up
            # to two messages a connection "unknown" instead of one; a lane that stops for a pause or a stop gives
            # its marked one back (it knows it never went).
            done: tuple[Ready, SendOutcome] | None = None
            ahead: asyncio.Future[bool] | None = None
            item = await take()
            marked = item is not None and await group.hand_in(None, item)
            try:
                while item is not None:
                    # The next message is taken before this one goes: the feed keeps the queue ahead of the lanes.
                    following = await take()
                    if marked and (self._stop.is_set() or paused.is_set()):
                        unsent.append(item.id)  # a stop or a pause came while taking: it stays unsent
                        marked = False
                    ahead = group.hand_in(done, following)
                    done = None
                    if marked:
                        outcome = await sender.send(item.envelope_from, [item.recipient], item.wire)
                        done = (item, outcome)
                        if outcome.pause_mailbox:
                            paused.set()
                    item, marked = following, await ahead
                    if item is not None and (self._stop.is_set() or paused.is_set()):
                        if marked:
                            unsent.append(item.id)
                        item = await take()  # drains the rest
                        marked = False
            finally:
                if ahead is not None and not ahead.done():
                    ahead.cancel()
                if done is not None:
                    await group.hand_in(done, None)

        try:
            await asyncio.gather(feed(), *(lane(sender) for sender in senders))
        finally:
            await group.close()
        async with self._writes() as s:
            if leftovers:
                await repo.release_claims(s, leftovers, self.worker_id)
            if unsent:
                await repo.give_back_unsent(s, unsent, self.worker_id)
            await repo.set_mailbox_last_sent(s, mailbox.id, self.runtime.deps.clock())
        if paused.is_set():
            await self._drop_senders(mailbox.id)
        return handled

    def _batches(self, claimed: Claimed, paced: bool, stopping: Callable[[], bool]
                 ) -> AsyncIterator[tuple[list[Ready], int]]:
        """The feed of a mailbox's pipeline: from the feed process when there is one, else on this loop."""
        if self._feeder is not None and not self._feeder.broken:
            return self._remote_batches(claimed, paced, stopping)
        return self.batches(claimed, FEED_SECONDS, paced, stopping)

    async def _remote_batches(self, claimed: Claimed, paced: bool, stopping: Callable[[], bool]
                              ) -> AsyncIterator[tuple[list[Ready], int]]:
        assert self._feeder is not None
        if not await self.start_feed():
            async for part in self.batches(claimed, FEED_SECONDS, paced, stopping):
                yield part
            return
        try:
            async for part in self._feeder.feed(claimed, FEED_SECONDS, paced, stopping):
                yield part
        except FeedError as exc:  # what it had claimed and not handed over waits for its lease to run out
            log.error("e-mail sender %s: the feed process failed (%s); feeding on its own loop from now on",
                      self.worker_id, exc)

    async def start_feed(self) -> bool:
        """Start the feed process, if this engine has one (a worker starts it before its first round); whether it
        runs. One that fails to start is not tried again: the engine feeds on its own loop."""
        if self._feeder is None or self._feeder.broken:
            return False
        try:
            await self._feeder.start()
        except FeedError as exc:
            log.error("e-mail sender %s feeds on its own loop: %s", self.worker_id, exc)
            return False
        return True

    @property
    def feed_pid(self) -> int | None:
        """The feed process's id while it runs."""
        return self._feeder.pid if self._feeder is not None else None

    async def batches(self, claimed: Claimed, seconds: float, paced: bool, stopping: Callable[[], bool]
                      ) -> AsyncIterator[tuple[list[Ready], int]]:
        """The claimed batch checked and built for the wire, then further claims of its mailbox for ``seconds`` (one
        batch when ``paced``), each with how many claimed rows it settled; no further claim once ``stopping()``."""
        loop = asyncio.get_running_loop()
        until = loop.time() + seconds
        mailbox_id = claimed.mailbox.id
        batch: Claimed | None = claimed
        while batch is not None:
            try:
                ready = await self._prepare(batch)
            except AppError as exc:  # e.g. leads unreachable: the messages wait for the next round
                log.warning("claimed messages of mailbox %s wait: %s", mailbox_id, exc)
                await self.release(batch.ids)
                return
            yield ready, len(batch.ids)
            if paced or stopping() or loop.time() > until:
                return
            more = [c for c in await self.claim(only=mailbox_id) if c.mailbox.id == mailbox_id]
            batch = more[0] if more else None
            if batch is not None and stopping():  # a stop or a pause came while claiming
                await self.release(batch.ids)
                return

    async def release(self, ids: list[int]) -> None:
        """Give claimed, never marked rows back to the queue."""
        async with self._writes() as s:
            await repo.release_claims(s, ids, self.worker_id)

    async def _contacts(self, contact_ids: list[int]) -> dict[int, ContactReach | None]:
        """What leads says now about these contacts of claimed campaign messages (deleted → None), to check
        them before DATA: one lean query in leads, not whole contact and company records."""
        if not self.check_contacts or not contact_ids:
            return {}
        found = await self.runtime.deps.leads.contact_reach(contact_ids)
        return {cid: found.get(cid) for cid in contact_ids}

    async def _prepare(self, claimed: Claimed) -> list[Ready]:
        """The claim-time checks of a batch: what may go now, built for the wire."""
        contacts = await self._contacts(claimed.contact_ids)
        now = self.runtime.deps.clock()
        # Checked first in a read-only unit (on SQLite it leaves the write lock to the lanes' commits); only when
        # something must be written (a message withdrawn, postponed or given back) again in a unit that writes,
        # whose answer is the one that counts.
        async with reads(self.runtime) as s:
            checks = await self._check_batch(s, claimed, contacts, now, apply=False)
        if checks.problems:
            async with self._writes() as s:
                checks = await self._check_batch(s, claimed, contacts, now, apply=True)
        mailbox, checked, steps, keys = checks.mailbox, checks.checked, checks.steps, checks.keys
        if mailbox is None:
            return []
        envelope_from = parse_cached(mailbox.from_email).ascii_email
        # After the unit of work: the wire form (stored at rendering, else built now) and DKIM need no database,
        # and on SQLite the lanes' commits wait while this unit holds the write lock.
        ready: list[Ready] = []
        unbuildable: dict[int, str] = {}
        key, dated = wire.sender_key(self.runtime, mailbox), wire.date_line(now)
        for n, message in enumerate(checked, 1):
            if n % YIELD_EVERY == 0:
                await asyncio.sleep(0)  # see YIELD_EVERY
            try:
                data = wire.for_sending(self.runtime, message, mailbox, key=key, now=now, dated=dated)
            except AppError as exc:
                unbuildable[message.id] = f"the message cannot be built: {exc}"
                continue
            nxt = steps.get(message.campaign_id or 0, {}).get((message.step or 0) + 1)
            ready.append(Ready(message.id, data, envelope_from,
                               parse_cached(message.to_email, allow_smtputf8=True).ascii_email,
                               message.attempts + 1, keys[message.id], message.campaign_id, message.contact_id,
                               message.enrolment_id, message.step, message.enrolment_timezone,
                               nxt))
        if unbuildable:
            async with self._writes() as s:
                for message_id, error in unbuildable.items():
                    await repo.fenced_update(s, message_id, self.worker_id, expect=QUEUED, status=FAILED,
                                             error=error, locked_by=None, lease_until=None, next_attempt_at=None)
        return ready

    async def _check_batch(self, s: Any, claimed: Claimed, contacts: dict[int, ContactReach | None], now: datetime,
                           *, apply: bool) -> _Checks:
        """The claim-time checks of a batch; ``apply``: write what they decide (else only count the problems)."""
        mailbox = await repo.get_mailbox(s, claimed.mailbox.id)
        messages = await repo.outgoing_by_ids(s, claimed.ids, self.worker_id)
        if mailbox is None or mailbox.paused_at is not None:
            if apply:
                await repo.release_claims(s, [m.id for m in messages], self.worker_id)
            return _Checks(None, [], {}, {}, problems=len(messages) or 1)
        keys = {m.id: parse_cached(m.to_email, allow_smtputf8=True).key for m in messages}
        suppressed = await repo.suppressed_keys(s, keys.values())
        campaign_ids = {m.campaign_id for m in messages if m.campaign_id is not None}
        campaigns = await repo.campaign_states(s, campaign_ids)
        steps = await repo.step_timing(s, campaign_ids) if campaign_ids else {}
        opening: dict[tuple[int, str | None], datetime] = {}
        checked: list[repo.Outgoing] = []
        for n, message in enumerate(messages, 1):
            if n % YIELD_EVERY == 0:
                await asyncio.sleep(0)  # see YIELD_EVERY
            verdict = self._verdict(message, now, suppressed.get(keys[message.id]),
                                    campaigns.get(message.campaign_id or 0),
                                    contacts, mailbox.send_window, opening)
            if verdict is None:
                checked.append(message)
            elif apply:
                await self._apply(s, message, verdict, now)
        # The rows were read lean; one that has no stored wire form fitting the mailbox now is built from its parts.
        sender = wire.sender_key(self.runtime, mailbox)
        stale = {m.id for m in checked if m.wire is None or m.wire_key != sender}
        if stale:
            full = {m.id: m for m in await repo.outgoing_by_ids(s, list(stale), self.worker_id, full=True)}
            checked = [full[m.id] if m.id in stale else m for m in checked if m.id in full or m.id not in stale]
        return _Checks(mailbox, checked, steps, keys, problems=len(messages) - len(checked))

    def _verdict(self, message: repo.Outgoing, now: datetime, suppressed: str | None, campaign: repo.Outgoing | None,
                 contacts: dict[int, ContactReach | None],
                 mailbox_window: dict[str, Any] | None, opening: dict[tuple[int, str | None], datetime]
                 ) -> _Verdict | None:
        """Why the claimed message must not go now, and what becomes of it (:meth:`_apply`), or None. No I/O: a
        batch checks hundreds of messages on the loop that carries the lanes' SMTP answers. ``opening`` keeps the
        window's answer per campaign and time zone for the batch (the same ``now``)."""
        # Marketing stops at any suppression; a transactional message (the confirmation of a meeting the lead
        # just booked) answers the lead's own act, so only an address that bounces hard keeps it back.
        if suppressed and (message.campaign_id is not None or suppressed == "bounced"):
            return _Verdict(f"the address is suppressed ({suppressed})", "withdraw",
                            stop=suppressed if message.enrolment_id is not None else None, email=message.to_email)
        if message.campaign_id is None:
            return None
        if campaign is None or campaign.status != RUNNING:
            return _Verdict("campaign not running", "release")
        if message.enrolment_status != ACTIVE:  # None: the enrolment was removed
            return _Verdict(f"the sequence was stopped ({message.enrolment_stop_reason or 'removed'})",
                            "withdraw")
        zone_name = message.enrolment_timezone or self.runtime.settings.email_default_timezone
        opens = opening.get((campaign.id, zone_name))
        if opens is None:
            # Both the campaign's window and the sending mailbox's own apply, in the contact's time zone.
            opens = opening[(campaign.id, zone_name)] = next_time_in_windows(
                (window_of(campaign.send_window), window_of(mailbox_window)), now, ZoneInfo(zone_name))
        if opens > now:
            return _Verdict("outside the send window", "postpone", until=opens)
        if self.check_contacts and message.contact_id is not None:
            if message.contact_id not in contacts:
                return _Verdict("leads could not be asked about the contact", "postpone",
                                until=now + timedelta(seconds=30))
            found = contacts[message.contact_id]
            if found is None:
                return _Verdict("the contact was deleted", "withdraw", stop="contact_deleted")
            if reach_needs_legal_basis(found):
                return _Verdict("no legal basis is recorded for a contact in DE/AT/CH", "withdraw", stop="legal_basis")
        return None

    async def _apply(self, s: Any, message: repo.Outgoing, verdict: _Verdict, now: datetime) -> None:
        """Write what :meth:`_verdict` decided, fenced by ``locked_by``."""
        wid = self.worker_id
        if verdict.action == "release":
            await repo.release_claims(s, [message.id], wid)
        elif verdict.action == "postpone":
            await repo.fenced_update(s, message.id, wid, expect=QUEUED, next_attempt_at=verdict.until, locked_by=None,
                                     lease_until=None, error=verdict.reason)
        else:  # withdrawn: never sent, it leaves the queue as failed with the reason (the enrolment says why)
            if verdict.stop is not None:
                await repo.stop_contact_enrolments(s, message.contact_id, verdict.stop, now, email=verdict.email)
            await repo.fenced_update(s, message.id, wid, expect=QUEUED, status=FAILED, error=verdict.reason,
                                     resolution="withdrawn", locked_by=None, lease_until=None, next_attempt_at=None)

    async def _record(self, s: Any, item: Ready, mailbox: Mailbox, outcome: SendOutcome) -> None:
        """Write an outcome other than "sent" (those go in a :class:`repository.SentBatch`) inside the caller's unit
        of work, fenced by ``locked_by``."""
        now = self.runtime.deps.clock()
        wid = self.worker_id
        status = outcome.status
        attempts = item.attempts
        common: dict[str, Any] = {"smtp_code": outcome.code, "smtp_reply": outcome.reply[:4000],
                                  "locked_by": None, "lease_until": None}
        if status is SendStatus.TEMPORARY:
            if attempts >= MAX_ATTEMPTS:
                await repo.fenced_update(s, item.id, wid, expect=SENDING, status=FAILED,
                                         error=f"gave up after {attempts} attempts: {outcome.reply}"[:4000],
                                         next_attempt_at=None, **common)
                await self._timeline_job(s, item.id, "failed")
            else:
                retry_at = now + timedelta(seconds=max(5.0, backoff_delay(attempts, base=30.0, cap=3600.0)))
                await repo.fenced_update(s, item.id, wid, expect=SENDING, status=QUEUED,
                                         error=outcome.reply[:4000], next_attempt_at=retry_at, **common)
        elif status is SendStatus.HARD_BOUNCE:
            await repo.fenced_update(s, item.id, wid, expect=SENDING, status=BOUNCED, bounced_at=now,
                                     sent_at=None, error=outcome.reply[:4000], next_attempt_at=None, **common)
            await repo.add_suppression(s, kind="address", value=item.to_key, reason="bounced",
                                       source=f"message:{item.id}", contact_id=item.contact_id,
                                       campaign_id=item.campaign_id)
            await repo.stop_contact_enrolments(s, item.contact_id, "bounced", now, email=item.to_key)
            await repo.insert_event(s, {"kind": "bounce", "at": now, "message_id": item.id,
                                        "campaign_id": item.campaign_id, "contact_id": item.contact_id,
                                        "detail": {"reply": outcome.reply[:500], "stage": outcome.stage,
                                                   "smtp": True}})
            await self._timeline_job(s, item.id, "bounced")
        elif status is SendStatus.REJECTED:
            await repo.fenced_update(s, item.id, wid, expect=SENDING, status=FAILED,
                                     error=outcome.reply[:4000], next_attempt_at=None, **common)
            await self._timeline_job(s, item.id, "failed")
        elif status is SendStatus.MAILBOX_PROBLEM:
            # Not this message's fault: it waits (no attempt counted) until the mailbox is resumed.
            await repo.fenced_update(s, item.id, wid, expect=SENDING, status=QUEUED, attempts=attempts - 1,
                                     error=outcome.reply[:4000], next_attempt_at=now, **common)
            await repo.pause_mailbox(s, mailbox.id, outcome.reply, now)
        else:  # UNKNOWN: the server may have it; at most once means no automatic resend
            await repo.fenced_update(s, item.id, wid, expect=SENDING, status=UNKNOWN,
                                     error=outcome.reply[:4000], next_attempt_at=None, **common)
            await self._timeline_job(s, item.id, "unknown")

    async def commit_batch(self, mailbox: Mailbox, records: list[tuple[Ready, SendOutcome]],
                           marks: list[Ready], autocommit: AsyncConnection | None = None) -> set[int]:
        """One unit of work for several lanes: their outcomes, then their next messages moved to ``sending``
        (guarded as ``repository._MARK_SENDING`` says); the ids that were moved."""
        now = self.runtime.deps.clock()
        sent = [(item, outcome) for item, outcome in records if outcome.status is SendStatus.SENT]
        others = [(item, outcome) for item, outcome in records if outcome.status is not SendStatus.SENT]
        finished: list[int] = []
        scheduled: list[dict[str, Any]] = []
        for item, _ in sent:
            if item.enrolment_id is None or item.step is None:
                continue
            if item.following is None:
                finished.append(item.enrolment_id)
            else:
                zone = ZoneInfo(item.timezone or self.runtime.settings.email_default_timezone)
                due = step_due_at(now, item.following[0], zone, business_days=item.following[1])
                scheduled.append({"eid": item.enrolment_id, "due": due, "next": item.step + 1})
        batch = repo.SentBatch(
            worker_id=self.worker_id, now=now,
            sent=[{"id": item.id, "code": outcome.code, "reply": outcome.reply[:4000], "campaign_id": item.campaign_id,
                   "contact_id": item.contact_id} for item, outcome in sent],
            finished=finished, scheduled=scheduled, marks=[m.id for m in marks],
            lease_until=now + timedelta(seconds=self.lease_seconds))
        if self._ledger_engine is not None and not others:
            # The common case on SQLite, the whole transaction on the DBAPI connection (the rarer outcomes below need
            # the service's unit of work). First on the loop itself: a group commit of a few messages costs SQLite
            # less than a hand-over to a thread costs the loop (a queue and a GIL hand-over each way, about a tenth
            # of the sender's CPU a message in bench/email_engine.py). Only when another writer of the process holds
            # the lock (a request, a job) does it wait in the ledger thread, where SQLite's busy handler may sleep
            # without stalling every connection's SMTP answers.
            async with self._write_turn:
                inline = self._commit_inline(batch)
                marked = inline if inline is not None else await asyncio.get_running_loop().run_in_executor(
                    self._ledger_thread, self._commit_sync, batch)
            if inline is not None:
                self._checkpoint_now_and_then()
        elif autocommit is not None and not others:
            marked = await repo.commit_sent_batch_pg(autocommit, batch)  # PostgreSQL: one round trip
        else:
            async with self._writes() as s:
                for item, outcome in others:
                    await self._record(s, item, mailbox, outcome)
                marked = await repo.commit_sent_batch(s, batch)
        if sent:
            self.runtime.wake_worker()
        return marked

    def _commit_inline(self, batch: repo.SentBatch) -> set[int] | None:
        """On the loop's thread, never waiting for SQLite's lock: None when another writer holds it."""
        if self._inline is None:
            assert self._inline_engine is not None
            self._inline = repo.SqliteLedger(self._inline_engine, wait=False)
        return self._inline.commit(batch)

    def _checkpoint_now_and_then(self) -> None:
        """After CHECKPOINT_EVERY commits on the loop, a checkpoint in the ledger thread (unless one still runs)."""
        self._inline_commits += 1
        if self._inline_commits < CHECKPOINT_EVERY or (self._checkpoint is not None and not self._checkpoint.done()):
            return
        self._inline_commits = 0
        self._checkpoint = asyncio.get_running_loop().run_in_executor(self._ledger_thread, self._checkpoint_sync)

    def _thread_ledger(self) -> repo.SqliteLedger:
        """The ledger thread's connection (it waits for the lock), opened there on first use and kept."""
        if self._ledger is None:
            assert self._ledger_engine is not None
            self._ledger = repo.SqliteLedger(self._ledger_engine)
        return self._ledger

    def _checkpoint_sync(self) -> None:
        """In the ledger thread."""
        try:
            self._thread_ledger().checkpoint()
        except Exception as exc:  # the next one tries again; the service's other connections checkpoint as well
            log.warning("e-mail sender %s: a WAL checkpoint failed: %s", self.worker_id, exc)

    def _commit_sync(self, batch: repo.SentBatch) -> set[int]:
        """In the ledger thread."""
        marked = self._thread_ledger().commit(batch)
        assert marked is not None  # a waiting connection raises rather than gives way
        return marked

    async def _timeline_job(self, s: Any, message_db_id: int, kind: str) -> None:
        await repo.insert_job(s, "email.timeline", {"message_id": message_db_id, "kind": kind},
                              key=f"email:message:{message_db_id}:{kind}")
        self.runtime.wake_worker()

    async def _pause_mailbox(self, mailbox_id: int, reason: str) -> None:
        async with self._writes() as s:
            await repo.pause_mailbox(s, mailbox_id, reason, self.runtime.deps.clock())


class _GroupCommit:
    """Lanes hand their writes here; whatever the lanes handed in meanwhile commits as one unit of work.

    Each lane waits for the commit that holds its message's move to ``sending`` before it talks to the
    server, so the at-most-once rule is unchanged; SQLite pays its per-transaction and per-statement cost
    once for all lanes instead of once per message.
    """

    def __init__(self, engine: SendingEngine, mailbox: Mailbox, lanes: int) -> None:
        self.engine = engine
        self.mailbox = mailbox
        self._enough = max(1, lanes // 2)
        self._gathered = asyncio.Event()
        # PostgreSQL: one connection for the pipeline's commits, in autocommit (each commit is one statement):
        # no pool checkout and ping per commit, each a turn of a busy event loop.
        self._autocommit: AsyncConnection | None = None
        self._pending: list[tuple[tuple[Ready, SendOutcome] | None, Ready | None, asyncio.Future[bool]]] = []
        self._wake = asyncio.Event()
        self._task = asyncio.create_task(self._loop())

    def hand_in(self, record: tuple[Ready, SendOutcome] | None, mark: Ready | None) -> asyncio.Future[bool]:
        """A future of whether ``mark`` was moved to ``sending`` by the commit that also holds ``record``; a plain
        future, not a task: a lane hands in for every message, and each task is more turns of the event loop
        that carries every connection's SMTP answers."""
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        if record is None and mark is None:
            future.set_result(False)
            return future
        self._pending.append((record, mark, future))
        self._wake.set()
        if len(self._pending) >= self._enough:
            self._gathered.set()
        return future

    async def _loop(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            await asyncio.sleep(0)  # lanes whose answers arrived together join this commit
            if len(self._pending) < self._enough:
                # A little longer for half the lanes: a commit's cost is mostly per transaction, and a lane's next
                # mark is only needed when its current message is through (an SMTP exchange, milliseconds).
                self._gathered.clear()
                timer = asyncio.get_running_loop().call_later(GATHER_SECONDS, self._gathered.set)
                await self._gathered.wait()
                timer.cancel()
            batch, self._pending = self._pending, []
            if not batch:
                continue
            try:
                runtime = self.engine.runtime
                if self._autocommit is None and not runtime.settings.is_sqlite:
                    connection = await runtime.engine.connect()
                    self._autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
                marked = await self.engine.commit_batch(self.mailbox, [r for r, _m, _f in batch if r is not None],
                                                        [m for _r, m, _f in batch if m is not None], self._autocommit)
            except Exception as exc:
                await self._drop_autocommit()  # a broken connection is not reused
                for _r, _m, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for _r, mark, future in batch:
                if not future.done():
                    future.set_result(mark is not None and mark.id in marked)

    async def close(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        await self._drop_autocommit()

    async def _drop_autocommit(self) -> None:
        connection, self._autocommit = self._autocommit, None
        if connection is not None:
            with contextlib.suppress(Exception):
                await connection.close()


__all__ = ["STOPPED", "SendingEngine"]
