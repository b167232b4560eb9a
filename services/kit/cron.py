"""Cron schedules and a runner that starts a command on one: the demo's reset container.

A schedule is a standard five-field cron expression (minute hour day-of-month month day-of-week), an
``@hourly``-style alias, or six fields whose last is the second. Times are UTC, as in the containers.

The runner starts the command as a child process, so a reset that crashes or is killed takes nothing
else down and the next scheduled time simply runs it again. A run still going when its next time comes
is never overlapped: that time is skipped and logged. The runner writes its state (next run, last exit
code, a heartbeat) to a JSON file that ``outbound cron --check`` reads for the container's healthcheck.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from croniter import croniter

log = logging.getLogger("outbound.cron")

ALIASES = frozenset({"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"})
# The runner's heartbeat while it waits; --check calls the runner dead after three missed beats.
HEARTBEAT_SECONDS = 30.0
# A child asked to stop (SIGTERM) gets this long before it is killed.
STOP_GRACE_SECONDS = 20.0


def validate_cron(expression: str) -> str:
    """The expression, trimmed, or ValueError saying what a schedule looks like."""
    text = " ".join(expression.split())
    fields = text.split(" ")
    shape_ok = text.lower() in ALIASES or len(fields) in (5, 6)
    if not shape_ok or not croniter.is_valid(text):
        raise ValueError(f"{expression!r} is not a cron schedule: five fields 'minute hour day month weekday' "
                         "such as '0 * * * *' (hourly), '*/30 * * * *' or an alias such as '@hourly'")
    return text


def next_run(expression: str, after: datetime) -> datetime:
    """The first time the schedule fires strictly after ``after`` (UTC)."""
    fired: datetime = croniter(validate_cron(expression), after.astimezone(UTC)).get_next(datetime)
    return fired


@dataclass
class CronState:
    """What the runner last did; written to the state file after every change and heartbeat."""

    schedule: str
    command: list[str]
    pid: int
    heartbeat: float
    next_run: str | None = None
    running_since: str | None = None
    last_started: str | None = None
    last_exit_code: int | None = None
    last_seconds: float | None = None
    runs: int = 0
    skipped: int = 0


class CronRunner:
    """Runs ``command`` at each time of ``schedule`` until :meth:`stop`."""

    def __init__(self, schedule: str, command: Sequence[str], state_file: Path) -> None:
        if not command:
            raise ValueError("a command to run is required")
        self.schedule = validate_cron(schedule)
        self.command = list(command)
        self.state_file = state_file
        self.state = CronState(self.schedule, self.command, os.getpid(), time.time())
        self._stop = asyncio.Event()
        self._child: asyncio.subprocess.Process | None = None

    def stop(self) -> None:
        self._stop.set()
        if self._child is not None and self._child.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self._child.send_signal(signal.SIGTERM)

    async def run(self, *, at_start: bool = False) -> None:
        if at_start:
            await self._run_command(datetime.now(UTC))
        while not self._stop.is_set():
            due = next_run(self.schedule, datetime.now(UTC))
            self.state.next_run = due.isoformat()
            log.info("next run of %s at %s", " ".join(self.command), self.state.next_run)
            if not await self._wait_until(due):
                break
            await self._run_command(due)
        self._write_state()

    async def _wait_until(self, due: datetime) -> bool:
        """Sleep until ``due`` with heartbeats; False when stopped first."""
        while (remaining := (due - datetime.now(UTC)).total_seconds()) > 0:
            self._write_state()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), timeout=min(remaining, HEARTBEAT_SECONDS))
            if self._stop.is_set():
                return False
        return True

    async def _run_command(self, due: datetime) -> None:
        """Run the command once (for the time ``due``); times that pass meanwhile are skipped, not queued."""
        started = time.monotonic()
        now = datetime.now(UTC).isoformat()
        self.state.running_since = self.state.last_started = now
        self._write_state()
        log.info("running %s", " ".join(self.command))
        try:
            self._child = await asyncio.create_subprocess_exec(*self.command)
        except OSError as exc:
            log.error("cannot start %s: %s", self.command[0], exc)
            code = 127
        else:
            code = await self._wait_for_child(self._child)
        self._child = None
        self.state.running_since = None
        self.state.last_exit_code = code
        self.state.last_seconds = round(time.monotonic() - started, 3)
        self.state.runs += 1
        # Counted with the run, in the same state write (the at-start run too): readers never see one without
        # the other.
        missed = _times_between(self.schedule, due, datetime.now(UTC))
        if missed:
            self.state.skipped += missed
            log.warning("the run took past %d scheduled time(s); they are skipped, not queued", missed)
        self._write_state()
        level = logging.INFO if code == 0 else logging.ERROR
        log.log(level, "%s exited with %d after %.1f s", " ".join(self.command), code, self.state.last_seconds)

    async def _wait_for_child(self, child: asyncio.subprocess.Process) -> int:
        waiting = asyncio.ensure_future(child.wait())
        while not waiting.done():
            await asyncio.wait({waiting}, timeout=HEARTBEAT_SECONDS)
            self._write_state()
            if self._stop.is_set() and not waiting.done():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(asyncio.shield(waiting), timeout=STOP_GRACE_SECONDS)
                if not waiting.done():
                    with contextlib.suppress(ProcessLookupError):
                        child.kill()
        return waiting.result()

    def _write_state(self) -> None:
        self.state.heartbeat = time.time()
        temporary = self.state_file.with_name(self.state_file.name + ".tmp")
        try:
            temporary.write_text(json.dumps(asdict(self.state)))
            temporary.replace(self.state_file)
        except OSError as exc:  # a full or read-only /tmp must not stop the resets
            log.warning("cannot write the state file %s: %s", self.state_file, exc)


def _times_between(schedule: str, start: datetime, end: datetime) -> int:
    """Scheduled times strictly after ``start`` and not after ``end``."""
    count = 0
    moment = start
    while (moment := next_run(schedule, moment)) <= end:
        count += 1
    return count


def check_state(state_file: Path, *, now: float | None = None) -> str | None:
    """None when the runner is alive and its last run succeeded, else what is wrong (for --check)."""
    try:
        state = json.loads(state_file.read_text())
    except (OSError, ValueError) as exc:
        return f"no readable state in {state_file}: {exc.__class__.__name__}"
    age = (now if now is not None else time.time()) - float(state.get("heartbeat", 0))
    if age > 3 * HEARTBEAT_SECONDS:
        return f"the runner's last heartbeat was {age:.0f} s ago"
    if state.get("last_exit_code") not in (None, 0):
        return f"the last run exited with {state['last_exit_code']} at {state.get('last_started')}"
    return None
