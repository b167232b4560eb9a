"""Polling a mailbox over IMAP (imap-tools in a thread) for replies and bounces.

:func:`poll_mailbox` opens the folder read-only (EXAMINE, so no ``\\Seen`` flag ever changes),
asks for UIDs above the cursor and fetches at most ``batch_size`` raw messages with one bulk
``UID FETCH … BODY.PEEK[]``; the rest come with the next poll (``PollResult.more``). The caller
persists the returned :class:`ImapCursor` (UIDVALIDITY, last UID) after it has stored what it got.

When the server's UIDVALIDITY differs from the cursor's, UIDs were renumbered: the cursor is
reset (``resynced=True``) and, per ``on_new_box``, either the whole folder is read again (the
service de-duplicates by Message-ID) or reading starts at the newest message. A brand-new cursor
(``uidvalidity=None``) follows the same choice, so connecting a box with 5,000 old messages does
not import them all unless asked to.

Errors: :class:`ImapError` with a ``problem`` that says whose fault it is: ``"auth"`` (wrong
login: pause the mailbox's IMAP), ``"connect"`` (network, try later), ``"protocol"`` (the server
refused a command).
"""

from __future__ import annotations

import asyncio
import contextlib
import imaplib
import re
import ssl
from dataclasses import dataclass, field
from typing import Literal

from imap_tools import BaseMailBox, MailBox, MailBoxStartTls, MailBoxUnencrypted
from imap_tools.errors import MailboxLoginError, UnexpectedCommandStatusError

Security = Literal["none", "starttls", "tls"]
_UID = re.compile(rb"UID (\d+)")


class ImapError(Exception):
    def __init__(self, problem: Literal["auth", "connect", "protocol"], message: str) -> None:
        super().__init__(message)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class ImapConfig:
    host: str
    port: int
    security: Security = "tls"
    username: str = ""
    password: str = field(default="", repr=False)
    folder: str = "INBOX"
    timeout: float = 30.0
    tls_verify: bool = True
    ca_file: str | None = None


@dataclass(frozen=True, slots=True)
class ImapCursor:
    uidvalidity: int | None = None
    last_uid: int = 0


@dataclass(frozen=True, slots=True)
class FetchedMessage:
    uid: int
    raw: bytes


@dataclass(frozen=True, slots=True)
class PollResult:
    cursor: ImapCursor  # persist this once the messages are stored
    messages: list[FetchedMessage]
    more: bool  # further new messages wait beyond this batch
    resynced: bool  # UIDVALIDITY changed (or first poll): the cursor was reset


def _context(config: ImapConfig) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=config.ca_file)
    if not config.tls_verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def _mailbox(config: ImapConfig) -> BaseMailBox:
    if config.security == "tls":
        return MailBox(config.host, config.port, timeout=config.timeout, ssl_context=_context(config))
    if config.security == "starttls":
        return MailBoxStartTls(config.host, config.port, timeout=config.timeout, ssl_context=_context(config))
    return MailBoxUnencrypted(config.host, config.port, timeout=config.timeout)


def _logout(box: BaseMailBox) -> None:
    try:
        box.client.logout()
    except (OSError, imaplib.IMAP4.error):
        with contextlib.suppress(OSError):
            box.client.shutdown()


def _connect(config: ImapConfig) -> BaseMailBox:
    try:
        box = _mailbox(config)
    except (OSError, imaplib.IMAP4.error, ssl.SSLError) as exc:
        raise ImapError("connect", f"cannot reach {config.host}:{config.port}: {exc}") from exc
    try:
        box.login(config.username, config.password, initial_folder=None)
    except MailboxLoginError as exc:
        _logout(box)
        raise ImapError("auth", f"login refused: {exc}") from exc
    except (OSError, imaplib.IMAP4.error) as exc:
        _logout(box)
        raise ImapError("connect", f"login failed: {exc}") from exc
    return box


def _parse_fetch(lines: list[object]) -> list[FetchedMessage]:
    """imaplib's FETCH answer: tuples (b'N (UID u BODY[] {n}', raw) and b')' or b' UID u)' trailers."""
    out: list[FetchedMessage] = []
    for index, item in enumerate(lines):
        if not isinstance(item, tuple) or len(item) != 2:
            continue
        head, raw = item
        found = _UID.search(head)
        trailer = lines[index + 1] if index + 1 < len(lines) else None
        if found is None and isinstance(trailer, bytes):
            found = _UID.search(trailer)
        if found is not None:
            out.append(FetchedMessage(int(found.group(1)), bytes(raw)))
    return out


def poll_mailbox_sync(config: ImapConfig, cursor: ImapCursor, *, batch_size: int = 200,
                      on_new_box: Literal["from_start", "from_now"] = "from_now") -> PollResult:
    """One poll (blocking); see the module docstring."""
    box = _connect(config)
    try:
        try:
            box.folder.set(config.folder, readonly=True)
            status = box.folder.status(config.folder, ["UIDVALIDITY", "UIDNEXT"])
        except (UnexpectedCommandStatusError, imaplib.IMAP4.error) as exc:
            raise ImapError("protocol", f"cannot open folder {config.folder!r}: {exc}") from exc
        uidvalidity = int(status["UIDVALIDITY"])
        resynced = cursor.uidvalidity != uidvalidity
        last_uid = cursor.last_uid
        if resynced:
            last_uid = 0 if on_new_box == "from_start" else max(int(status.get("UIDNEXT", 1)) - 1, 0)
        # "N:*" always matches the newest message, even below N: filter.
        uids = sorted(u for u in (int(x) for x in box.uids(f"UID {last_uid + 1}:*", charset=None)) if u > last_uid)
        batch = uids[:batch_size]
        messages: list[FetchedMessage] = []
        if batch:
            result = box.client.uid("fetch", ",".join(map(str, batch)), "(UID BODY.PEEK[])")
            if result[0] != "OK":
                raise ImapError("protocol", f"FETCH failed: {result[1]!r}")
            messages = sorted(_parse_fetch(list(result[1])), key=lambda m: m.uid)
        new_last = max((m.uid for m in messages), default=batch[-1] if batch else last_uid)
        return PollResult(ImapCursor(uidvalidity, new_last), messages, len(uids) > len(batch), resynced)
    except (TimeoutError, OSError, imaplib.IMAP4.abort) as exc:
        raise ImapError("connect", f"connection lost: {exc}") from exc
    finally:
        _logout(box)


async def poll_mailbox(config: ImapConfig, cursor: ImapCursor, *, batch_size: int = 200,
                       on_new_box: Literal["from_start", "from_now"] = "from_now") -> PollResult:
    """:func:`poll_mailbox_sync` in a worker thread, so the event loop keeps serving."""
    return await asyncio.to_thread(poll_mailbox_sync, config, cursor, batch_size=batch_size, on_new_box=on_new_box)


@dataclass(frozen=True, slots=True)
class ImapCheck:
    ok: bool
    greeting: str
    detail: str  # "INBOX: 12 messages" or what failed


def test_imap_connection_sync(config: ImapConfig) -> ImapCheck:
    try:
        box = _connect(config)
    except ImapError as exc:
        return ImapCheck(False, "", str(exc))
    try:
        greeting = (box.client.welcome or b"").decode(errors="replace")
        status = box.folder.status(config.folder, ["MESSAGES"])
        return ImapCheck(True, greeting, f"{config.folder}: {status['MESSAGES']} messages")
    except (UnexpectedCommandStatusError, imaplib.IMAP4.error, OSError) as exc:
        return ImapCheck(False, "", f"cannot open folder {config.folder!r}: {exc}")
    finally:
        _logout(box)


async def test_imap_connection(config: ImapConfig) -> ImapCheck:
    return await asyncio.to_thread(test_imap_connection_sync, config)
