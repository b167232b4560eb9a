"""The local SMTP catcher of the offline default: aiosmtpd on loopback, caught mail kept in a Maildir.

``outbound up`` starts one :class:`SmtpCatcher` (``OUTBOUND_SMTP_CATCHER_PORT``: ``auto`` picks a
free loopback port, a number pins it, 0 switches it off; see :func:`resolve_catcher_port`) and
the service points a "Local catcher" mailbox at it. Mail reaches it over real SMTP like any other
server, so what the SPA shows is exactly what would have gone out.

Storage is a Maildir under ``<data_dir>/catcher/``: each message is written to ``tmp/`` and renamed
into ``new/``, so a crash never leaves half a message. File names start with a nanosecond time
stamp, so names sort in arrival order. The envelope is kept as ``Return-Path`` and ``Delivered-To``
headers in front of the message, as a local delivery agent would. :class:`CaughtMailStore` lists
and parses caught mail (headers, text part, HTML part, attachments) for the API.
"""

from __future__ import annotations

import asyncio
import contextlib
import email
import email.policy
import itertools
import os
import re
import socket
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Literal

from aiosmtpd.smtp import SMTP, Envelope, Session

_KEY = re.compile(r"[0-9]{20}\.[0-9]+_[0-9]+")


def resolve_catcher_port(setting: int | Literal["auto"], host: str = "127.0.0.1") -> int | None:
    """The port to listen on: None when switched off (0), a free one for "auto", else the pinned one."""
    if setting == 0:
        return None
    if setting == "auto":
        with socket.socket() as probe:
            probe.bind((host, 0))
            return int(probe.getsockname()[1])
    return setting


@dataclass(frozen=True, slots=True)
class CaughtSummary:
    key: str
    received_at: datetime
    mail_from: str
    rcpt_tos: list[str]
    subject: str
    from_header: str
    to_header: str
    size: int


@dataclass(frozen=True, slots=True)
class CaughtAttachment:
    filename: str | None
    content_type: str
    size: int


@dataclass(frozen=True, slots=True)
class CaughtMessage:
    summary: CaughtSummary
    headers: list[tuple[str, str]]  # decoded, in order, without our envelope headers
    text: str | None
    html: str | None
    attachments: list[CaughtAttachment]
    raw: bytes  # as received (without the envelope headers)


class CaughtMailStore:
    """A Maildir of caught messages; safe to use from several threads and processes."""

    def __init__(self, directory: Path, *, max_messages: int = 5000) -> None:
        self.directory = directory
        self.max_messages = max_messages
        for sub in ("tmp", "new", "cur"):
            (directory / sub).mkdir(parents=True, exist_ok=True)
        self._counter = itertools.count()
        self._lock = threading.Lock()

    def _paths(self) -> list[Path]:
        found = [p for sub in ("new", "cur") for p in (self.directory / sub).iterdir() if _KEY.match(p.name)]
        return sorted(found, key=lambda p: p.name)

    def _path(self, key: str) -> Path | None:
        if not _KEY.fullmatch(key):
            return None
        for sub in ("new", "cur"):
            path = self.directory / sub / key
            if path.exists():
                return path
        return None

    def add(self, raw: bytes, mail_from: str, rcpt_tos: list[str]) -> str:
        key = f"{time.time_ns():020d}.{os.getpid()}_{next(self._counter)}"
        envelope = f"Return-Path: <{mail_from}>\r\n" + "".join(f"Delivered-To: {r}\r\n" for r in rcpt_tos)
        tmp = self.directory / "tmp" / key
        tmp.write_bytes(envelope.encode() + raw)
        os.replace(tmp, self.directory / "new" / key)
        if self.max_messages:
            with self._lock:
                paths = self._paths()
                for old in paths[: max(len(paths) - self.max_messages, 0)]:
                    old.unlink(missing_ok=True)
        return key

    def count(self) -> int:
        return len(self._paths())

    def list(self, *, limit: int = 50, offset: int = 0) -> tuple[list[CaughtSummary], int]:
        """Newest first."""
        paths = self._paths()[::-1]
        items = []
        for path in paths[offset : offset + limit]:
            with contextlib.suppress(FileNotFoundError):
                items.append(_parse(path.name, path.read_bytes()).summary)
        return items, len(paths)

    def get(self, key: str) -> CaughtMessage | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            return _parse(key, path.read_bytes())
        except FileNotFoundError:
            return None

    def delete(self, key: str) -> bool:
        path = self._path(key)
        if path is None:
            return False
        path.unlink(missing_ok=True)
        return True

    def clear(self) -> int:
        paths = self._paths()
        for path in paths:
            path.unlink(missing_ok=True)
        return len(paths)


def _parse(key: str, stored: bytes) -> CaughtMessage:
    # Split our envelope headers off first, so `raw` is what the sender sent.
    mail_from, rcpt_tos, raw = "", [], stored
    while True:
        line_end = raw.find(b"\r\n")
        line = raw[:line_end]
        if line.startswith(b"Return-Path: <") and line.endswith(b">"):
            mail_from = line[len(b"Return-Path: <"):-1].decode(errors="replace")
        elif line.startswith(b"Delivered-To: "):
            rcpt_tos.append(line[len(b"Delivered-To: "):].decode(errors="replace"))
        else:
            break
        raw = raw[line_end + 2 :]
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    headers = [(name, str(value)) for name, value in msg.items()]
    text = html = None
    attachments: list[CaughtAttachment] = []
    if isinstance(msg, EmailMessage):
        for part in msg.walk():
            if part.is_multipart():
                continue
            ctype = part.get_content_type()
            disposition = part.get_content_disposition()
            try:
                content = part.get_content()
            except (LookupError, ValueError, KeyError):
                content = part.get_payload()
            if disposition != "attachment" and ctype == "text/plain" and text is None:
                text = str(content)
            elif disposition != "attachment" and ctype == "text/html" and html is None:
                html = str(content)
            else:
                size = len(content) if isinstance(content, bytes | str) else 0
                attachments.append(CaughtAttachment(part.get_filename(), ctype, size))
    stamp = int(key.split(".", 1)[0])
    summary = CaughtSummary(key, datetime.fromtimestamp(stamp / 1e9, UTC), mail_from, rcpt_tos,
                            str(msg.get("Subject", "")), str(msg.get("From", "")), str(msg.get("To", "")), len(raw))
    return CaughtMessage(summary, headers, text, html, attachments, raw)


class _CatcherHandler:
    def __init__(self, store: CaughtMailStore) -> None:
        self.store = store

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:  # noqa: N802 (aiosmtpd hook)
        raw = envelope.original_content or b""
        key = await asyncio.to_thread(self.store.add, raw, envelope.mail_from or "", list(envelope.rcpt_tos))
        return f"250 2.0.0 Ok: caught as {key}"


class SmtpCatcher:
    """The catcher's SMTP server, serving in the running event loop."""

    def __init__(self, store: CaughtMailStore, *, port: int, host: str = "127.0.0.1") -> None:
        self.store = store
        self.host = host
        self.port = port
        self._server: asyncio.base_events.Server | None = None

    def _protocol(self) -> SMTP:
        return SMTP(_CatcherHandler(self.store), hostname="outbound-catcher", ident="Outbound CRM catcher",
                    loop=asyncio.get_running_loop(), enable_SMTPUTF8=True, data_size_limit=25 * 1024 * 1024)

    async def start(self) -> None:
        self._server = await asyncio.get_running_loop().create_server(self._protocol, self.host, self.port)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._server.wait_closed(), 2)
            self._server = None

    async def __aenter__(self) -> SmtpCatcher:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()
