"""Sending over SMTP: one reusable connection per mailbox, one typed outcome per message.

aiosmtplib opens a connection (greeting, EHLO, STARTTLS, AUTH); :class:`SmtpSender` then keeps it open between
messages and walks each transaction itself on a small protocol of its own (MAIL, RCPT, DATA; in one write when
the server offers PIPELINING) so it knows how far a message got. :meth:`SmtpSender.send` never raises for
anything the server or the network does; it returns a :class:`SendOutcome` whose ``status`` is:

``sent``               the server took the message (``reply`` is its answer, e.g. ``250 2.0.0 Ok: queued as …``)
``temporary``          4xx or a network failure before the content was written: retry later with backoff
``hard_bounce``        5.1.x for the recipient (no such user, bad domain): suppress the address
``rejected``           another permanent refusal of this message (5.2.x mailbox full, 5.3.4 too big, 554):
                       do not retry, do not suppress
``mailbox_problem``    the *sending* mailbox is at fault: authentication failed, 5.7.x policy / relay
                       denied, 5.4.5 quota exceeded, sender refused, TLS unusable: pause the mailbox
``unknown``            the connection died or timed out after the message's content was written but before
                       the answer: the server may have accepted it. Never resend automatically (at most once).

A connection that died while idle is noticed at MAIL and replaced once: nothing had been sent,
so that is safe. :func:`test_connection` reports the server's actual replies (greeting, EHLO,
STARTTLS, AUTH) for the mailbox form.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import re
import ssl
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, cast

import aiosmtplib
from aiosmtplib import SMTPResponse

Security = Literal["none", "starttls", "tls"]
Stage = Literal["connect", "tls", "auth", "mail", "rcpt", "data"]
_ENHANCED = re.compile(r"^([245])\.(\d{1,3})\.(\d{1,3})\b")


class SendStatus(StrEnum):
    SENT = "sent"
    TEMPORARY = "temporary"
    HARD_BOUNCE = "hard_bounce"
    REJECTED = "rejected"
    MAILBOX_PROBLEM = "mailbox_problem"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    host: str
    port: int
    security: Security = "starttls"
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 30.0
    tls_verify: bool = True
    ca_file: str | None = None  # extra CA bundle (a company CA, a test server's self-signed cert)
    local_hostname: str | None = None  # EHLO name; None: this machine's FQDN


@dataclass(frozen=True, slots=True)
class SendOutcome:
    status: SendStatus
    reply: str  # the server's answer ("550 5.1.1 <x@y>: User unknown") or what went wrong
    stage: Stage | None = None
    code: int | None = None
    enhanced: str | None = None  # "5.1.1"

    @property
    def retry(self) -> bool:
        return self.status is SendStatus.TEMPORARY

    @property
    def suppress_recipient(self) -> bool:
        return self.status is SendStatus.HARD_BOUNCE

    @property
    def pause_mailbox(self) -> bool:
        return self.status is SendStatus.MAILBOX_PROBLEM


def enhanced_code(message: str) -> str | None:
    match = _ENHANCED.match(message.strip())
    return ".".join(match.groups()) if match else None


def classify_reply(code: int, message: str, stage: Stage) -> SendOutcome:
    """What an SMTP reply means for the message, the recipient and the mailbox (pure; see module doc)."""
    enhanced = enhanced_code(message)
    reply = f"{code} {message}".strip()

    def outcome(status: SendStatus) -> SendOutcome:
        return SendOutcome(status, reply, stage, code, enhanced)

    if 200 <= code < 400:
        return outcome(SendStatus.SENT)
    if stage == "auth" and code in (530, 534, 535, 538):
        return outcome(SendStatus.MAILBOX_PROBLEM)
    if 400 <= code < 500:
        return outcome(SendStatus.TEMPORARY)
    if stage in ("connect", "tls", "auth", "mail"):
        # The server refuses us, whatever the recipient: the mailbox's settings or reputation.
        return outcome(SendStatus.MAILBOX_PROBLEM)
    subject, detail = (enhanced.split(".")[1:] if enhanced else (None, None))
    if subject == "7" or enhanced == "5.4.5":
        return outcome(SendStatus.MAILBOX_PROBLEM)
    if subject == "1" and detail in ("7", "8"):  # bad sender address syntax / sender's system
        return outcome(SendStatus.MAILBOX_PROBLEM)
    if subject == "1":
        return outcome(SendStatus.HARD_BOUNCE)
    if enhanced is None and stage == "rcpt" and code in (550, 551, 553):
        return outcome(SendStatus.HARD_BOUNCE)  # the classic "550 No such user" without an enhanced code
    return outcome(SendStatus.REJECTED)


@functools.lru_cache(maxsize=32)
def _tls_context(ca_file: str | None, verify: bool) -> ssl.SSLContext:
    # Shared: loading the system's CA store takes ~20 ms, paid once per process instead of per connection.
    context = ssl.create_default_context(cafile=ca_file)
    if not verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def _client(config: SmtpConfig) -> aiosmtplib.SMTP:
    tls = _tls_context(config.ca_file, config.tls_verify) if config.security != "none" else None
    return aiosmtplib.SMTP(hostname=config.host, port=config.port, timeout=config.timeout,
                           use_tls=config.security == "tls", start_tls=False, tls_context=tls,
                           local_hostname=config.local_hostname)


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if text != type(exc).__name__ else text


class _StageFailed(Exception):
    def __init__(self, outcome: SendOutcome) -> None:
        super().__init__(outcome.reply)
        self.outcome = outcome


async def _open(config: SmtpConfig) -> aiosmtplib.SMTP:
    """A connected (and, as configured, TLS-upgraded and authenticated) client, or _StageFailed."""
    client = _client(config)
    stage: Stage = "tls" if config.security == "tls" else "connect"
    try:
        await client.connect()
        stage = "connect"
        await client.ehlo()
        if config.security == "starttls":
            stage = "tls"
            if not client.supports_extension("starttls"):
                raise _StageFailed(SendOutcome(SendStatus.MAILBOX_PROBLEM, "the server does not offer STARTTLS",
                                               "tls"))
            await client.starttls()
            await client.ehlo()
        if config.username:
            stage = "auth"
            await client.login(config.username, config.password or "")
    except _StageFailed:
        client.close()
        raise
    except aiosmtplib.SMTPResponseException as exc:
        client.close()
        raise _StageFailed(classify_reply(exc.code, exc.message, stage)) from exc
    except ssl.SSLError as exc:
        client.close()
        raise _StageFailed(SendOutcome(SendStatus.MAILBOX_PROBLEM, f"TLS failed: {_describe(exc)}", "tls")) from exc
    except aiosmtplib.SMTPConnectError as exc:
        client.close()
        cause = exc.__cause__ or exc.__context__
        if isinstance(cause, ssl.SSLError):
            raise _StageFailed(SendOutcome(SendStatus.MAILBOX_PROBLEM, f"TLS failed: {_describe(cause)}",
                                           "tls")) from exc
        raise _StageFailed(SendOutcome(SendStatus.TEMPORARY, _describe(exc), "connect")) from exc
    except aiosmtplib.SMTPNotSupported as exc:
        client.close()
        raise _StageFailed(SendOutcome(SendStatus.MAILBOX_PROBLEM, _describe(exc), stage)) from exc
    except aiosmtplib.SMTPException as exc:
        client.close()
        # e.g. "AUTH not supported" (a settings problem) vs a dropped line (try again).
        status = (SendStatus.TEMPORARY if isinstance(exc, aiosmtplib.SMTPServerDisconnected | TimeoutError)
                  else SendStatus.MAILBOX_PROBLEM)
        raise _StageFailed(SendOutcome(status, _describe(exc), stage)) from exc
    except OSError as exc:
        client.close()
        raise _StageFailed(SendOutcome(SendStatus.TEMPORARY, _describe(exc), stage)) from exc
    return client


_DOT_LINE = re.compile(rb"(?m)^\.")
_LINE_ENDS = re.compile(rb"\r\n|\r|\n")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_MAX_REPLY = 64 * 1024


class _Line(asyncio.Protocol):
    """An opened connection's transactions: replies parsed as they arrive, one future per awaited reply.

    aiosmtplib opens the connection (greeting, EHLO, STARTTLS, AUTH, with its error handling); then the
    transport is handed to this protocol. Per message aiosmtplib parses both addresses again, takes a lock and
    starts a timeout task per command; here a transaction is a few writes and a few awaited replies: about two
    thirds of aiosmtplib's CPU a message (bench/email_send.py). With PIPELINING (RFC 2920) MAIL, RCPT and DATA
    go out in one write.
    """

    def __init__(self, transport: asyncio.Transport, timeout: float) -> None:
        self.transport = transport
        self.timeout = timeout
        self._loop = asyncio.get_running_loop()
        self._buffer = bytearray()
        self._lines: list[bytes] = []
        self._replies: collections.deque[tuple[int, str]] = collections.deque()
        self._waiter: asyncio.Future[None] | None = None
        self._lost: BaseException | None = None
        # One watchdog a connection instead of a timer a reply (four a message: their scheduling and
        # cancelling cost a tenth of the sender's CPU): each wait moves the deadline, the watchdog re-arms.
        self._deadline = 0.0
        self._watchdog: asyncio.TimerHandle | None = None

    # --- asyncio.Protocol -------------------------------------------------------------------------------
    def data_received(self, data: bytes) -> None:
        buffer = self._buffer
        buffer += data
        start = 0
        while (end := buffer.find(b"\n", start)) != -1:
            line = bytes(buffer[start:end]).rstrip(b"\r")
            start = end + 1
            self._lines.append(line)
            if line[3:4] != b"-":
                self._reply_complete()
        del buffer[:start]
        if len(buffer) + sum(map(len, self._lines)) > _MAX_REPLY:
            self._fail(ConnectionError("the server's reply is too long"))
        elif self._replies:
            self._wake()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._lost is None:
            self._lost = exc or ConnectionResetError("the server closed the connection")
        self._wake()

    def eof_received(self) -> bool:
        return False  # close our side too

    # --- transactions -----------------------------------------------------------------------------------
    @property
    def open(self) -> bool:
        return self._lost is None and not self.transport.is_closing()

    @property
    def unsolicited(self) -> bool:
        """The server spoke while nobody asked (typically ``421`` before it hangs up an idle connection)."""
        return bool(self._replies or self._lines)

    def write(self, data: bytes) -> None:
        if not self.open:
            raise self._error()
        self.transport.write(data)

    async def reply(self) -> tuple[int, str]:
        """The next reply: (code, text with the lines of a multi-line reply joined by newlines)."""
        if not self._replies:
            if self._lost is not None:
                raise self._error()
            waiter = self._waiter = self._loop.create_future()
            self._deadline = self._loop.time() + self.timeout
            if self._watchdog is None:
                self._watchdog = self._loop.call_at(self._deadline, self._watch)
            try:
                await waiter
            finally:
                self._waiter = None
            if not self._replies:
                raise self._error()
        return self._replies.popleft()

    def close(self) -> None:
        self._lost = self._lost or ConnectionResetError("closed")
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        self.transport.close()

    def _reply_complete(self) -> None:
        lines, self._lines = self._lines, []
        try:
            code = int(lines[-1][:3])
        except ValueError:
            self._fail(ConnectionError(f"not an SMTP reply: {lines[-1][:80]!r}"))
            return
        text = "\n".join(line[4:].strip(b" \t").decode("utf-8", "surrogateescape") for line in lines)
        self._replies.append((code, text))

    def _fail(self, exc: BaseException) -> None:
        self._lost = exc
        self.transport.abort()
        self._wake()

    def _watch(self) -> None:
        self._watchdog = None
        if self._waiter is None or self._lost is not None:
            return  # nobody waits: the next wait arms it again
        if self._loop.time() >= self._deadline:
            self._fail(TimeoutError(f"the server did not answer within {self.timeout:g} s"))
        else:
            self._watchdog = self._loop.call_at(self._deadline, self._watch)

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def _error(self) -> BaseException:
        if self._lost is None:
            return ConnectionResetError("the connection is closed")
        return self._lost


class _Refused(Exception):
    """The server answered a command with something else than the success it needed."""

    def __init__(self, code: int, text: str) -> None:
        super().__init__(f"{code} {text}")
        self.code = code
        self.text = text


def _data_bytes(message: bytes) -> bytes:
    """The message as DATA carries it: CRLF line ends, lines starting with "." doubled, the final ".\\r\\n"
    (RFC 5321 4.5.2). mime.build_message already writes CRLF, so the regular expressions rarely run."""
    if message.count(b"\n") != message.count(b"\r\n") or message.count(b"\r") != message.count(b"\r\n"):
        message = _LINE_ENDS.sub(b"\r\n", message)
    if message.startswith(b".") or b"\n." in message:
        message = _DOT_LINE.sub(b"..", message)
    if not message.endswith(b"\r\n"):
        message += b"\r\n"
    return message + b".\r\n"


class SmtpSender:
    """One mailbox's connection, reused across messages; send() is safe to call from many tasks.

    Several senders for one mailbox give parallel connections; the service decides how many.
    """

    def __init__(self, config: SmtpConfig, *, idle_seconds: float = 60.0) -> None:
        self.config = config
        self.idle_seconds = idle_seconds
        self._client: aiosmtplib.SMTP | None = None
        self._line: _Line | None = None
        self._pipelining = False
        self._smtputf8 = False
        self._last_used = 0.0
        self._lock = asyncio.Lock()

    async def __aenter__(self) -> SmtpSender:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        line, client = self._line, self._client
        self._line, self._client = None, None
        if line is not None and line.open and not line.unsolicited:
            line.timeout = min(self.config.timeout, 5.0)
            with contextlib.suppress(ConnectionError, TimeoutError, OSError):
                line.write(b"QUIT\r\n")
                await line.reply()
        if line is not None:
            line.close()
        if client is not None:
            client.close()

    def _drop(self) -> None:
        if self._line is not None:
            self._line.close()
        if self._client is not None:
            self._client.close()
        self._line, self._client = None, None

    async def _connection(self) -> tuple[_Line, bool]:
        """The connection and whether it is a reused one (which may have died while idle)."""
        line = self._line
        if line is not None and (not line.open or line.unsolicited
                                 or time.monotonic() - self._last_used > self.idle_seconds):
            self._drop()
            line = None
        if line is not None:
            return line, True
        client = await _open(self.config)
        protocol = client.protocol
        transport = protocol.transport if protocol is not None else None
        if transport is None or transport.is_closing():
            client.close()
            raise _StageFailed(SendOutcome(SendStatus.TEMPORARY, "the connection closed after greeting", "connect"))
        line = _Line(cast(asyncio.Transport, transport), self.config.timeout)
        transport.set_protocol(line)
        self._client, self._line = client, line
        self._pipelining = client.supports_extension("pipelining")
        self._smtputf8 = client.supports_extension("smtputf8")
        return line, False

    async def send(self, envelope_from: str, recipients: Sequence[str], message: bytes) -> SendOutcome:
        """Deliver ``message`` (CRLF bytes from mime.build_message) to ``recipients`` (ASCII envelope addresses)."""
        if not recipients:
            raise ValueError("a message needs at least one recipient")
        if _CONTROL.search(envelope_from) or any(_CONTROL.search(r) for r in recipients):
            return SendOutcome(SendStatus.REJECTED, "an envelope address contains a control character", "mail")
        async with self._lock:
            for attempt in (1, 2):
                try:
                    line, reused = await self._connection()
                except _StageFailed as failed:
                    return failed.outcome
                outcome = await self._transaction(line, envelope_from, recipients, message,
                                                  may_reconnect=reused and attempt == 1)
                if outcome is not None:
                    self._last_used = time.monotonic()
                    return outcome
            return SendOutcome(SendStatus.TEMPORARY, "the connection was lost before MAIL", "mail")

    async def _transaction(self, line: _Line, envelope_from: str, recipients: Sequence[str], message: bytes, *,
                           may_reconnect: bool) -> SendOutcome | None:
        """One MAIL/RCPT/DATA round; None means "the reused connection was dead before MAIL: reconnect".

        At most once: a message counts as possibly delivered (``unknown``) only once its content was written;
        until then a lost connection is a temporary failure (nothing can have been delivered)."""
        utf8 = not envelope_from.isascii() or any(not r.isascii() for r in recipients)
        if utf8 and not self._smtputf8:
            return SendOutcome(SendStatus.REJECTED, "a non-ASCII address needs SMTPUTF8, which this server lacks",
                               "mail")
        encoding = "utf-8" if utf8 else "ascii"
        mail = f"MAIL FROM:<{envelope_from}>{' SMTPUTF8' if utf8 else ''}\r\n".encode(encoding)
        rcpts = [f"RCPT TO:<{r}>\r\n".encode(encoding) for r in recipients]
        stage: Stage = "mail"
        content_sent = False
        try:
            if self._pipelining:
                line.write(mail + b"".join(rcpts) + b"DATA\r\n")
            else:
                line.write(mail)
            code, text = await line.reply()
            if code != 250:
                if self._pipelining and code != 421:
                    await self._drain(line, len(rcpts) + 1)  # the RCPT and DATA replies already asked for
                raise _Refused(code, text)
            stage = "rcpt"
            accepted = 0
            first_refusal: SendOutcome | None = None
            for rcpt in rcpts:
                if not self._pipelining:
                    line.write(rcpt)
                code, text = await line.reply()
                if code in (250, 251):
                    accepted += 1
                else:
                    first_refusal = first_refusal or classify_reply(code, text, "rcpt")
            if first_refusal is not None and not accepted:
                if self._pipelining:
                    await self._drain(line, 1)
                await self._reset(line)
                return first_refusal
            stage = "data"
            if not self._pipelining:
                line.write(b"DATA\r\n")
            code, text = await line.reply()
            if code != 354:
                raise _Refused(code, text)
            content_sent = True
            line.write(_data_bytes(message))
            code, text = await line.reply()
            if code != 250:
                raise _Refused(code, text)
        except _Refused as refused:
            if refused.code == 421:
                self._drop()  # the server is closing this connection
            else:
                await self._reset(line)
            return classify_reply(refused.code, refused.text, stage)
        except (ConnectionError, TimeoutError, OSError) as exc:
            self._drop()
            if content_sent:
                return SendOutcome(SendStatus.UNKNOWN,
                                   f"the connection ended after DATA without the server's answer ({_describe(exc)}); "
                                   "the message may have been delivered", "data")
            if stage == "mail" and may_reconnect:
                return None
            return SendOutcome(SendStatus.TEMPORARY, _describe(exc), stage)
        return SendOutcome(SendStatus.SENT, f"{code} {text}".strip(), "data", code, enhanced_code(text))

    @staticmethod
    async def _drain(line: _Line, count: int) -> None:
        """Read the replies to pipelined commands whose transaction already failed; a DATA the server took
        anyway is ended at once, empty, so nothing is delivered."""
        for _ in range(count):
            code, _text = await line.reply()
            if code == 354:
                line.write(b".\r\n")
                await line.reply()

    async def _reset(self, line: _Line) -> None:
        try:
            line.write(b"RSET\r\n")
            code, _ = await line.reply()
            if code != 250:
                self._drop()
        except (ConnectionError, TimeoutError, OSError):
            self._drop()


@dataclass(frozen=True, slots=True)
class ConnectionStep:
    name: str  # "connect", "ehlo", "starttls", "auth", "quit"
    ok: bool
    reply: str  # the server's words, multi-line replies joined with newlines


@dataclass(frozen=True, slots=True)
class ConnectionReport:
    ok: bool
    steps: list[ConnectionStep]
    error: str | None = None


def _text(response: SMTPResponse) -> str:
    return f"{response.code} {response.message}"


async def test_connection(config: SmtpConfig) -> ConnectionReport:
    """Connect, greet, upgrade and log in as a send would, recording each reply; never raises for the server."""
    steps: list[ConnectionStep] = []
    client = _client(config)
    current = "connect"
    try:
        steps.append(ConnectionStep("connect", True, _text(await client.connect())))
        current = "ehlo"
        steps.append(ConnectionStep("ehlo", True, _text(await client.ehlo())))
        if config.security == "starttls":
            current = "starttls"
            if not client.supports_extension("starttls"):
                steps.append(ConnectionStep("starttls", False, "the server does not offer STARTTLS"))
                return ConnectionReport(False, steps, "the server does not offer STARTTLS")
            steps.append(ConnectionStep("starttls", True, _text(await client.starttls())))
            current = "ehlo"
            steps.append(ConnectionStep("ehlo", True, _text(await client.ehlo())))
        if config.username:
            current = "auth"
            steps.append(ConnectionStep("auth", True, _text(await client.login(config.username,
                                                                               config.password or ""))))
        current = "quit"
        steps.append(ConnectionStep("quit", True, _text(await client.quit())))
        return ConnectionReport(True, steps)
    except aiosmtplib.SMTPResponseException as exc:
        steps.append(ConnectionStep(current, False, f"{exc.code} {exc.message}"))
        return ConnectionReport(False, steps, f"{current} failed: {exc.code} {exc.message}")
    except (aiosmtplib.SMTPException, OSError, ssl.SSLError) as exc:
        cause = exc.__cause__ or exc.__context__
        detail = _describe(exc) + (f" ({_describe(cause)})" if cause is not None else "")
        steps.append(ConnectionStep(current, False, detail))
        return ConnectionReport(False, steps, f"{current} failed: {detail}")
    finally:
        client.close()
