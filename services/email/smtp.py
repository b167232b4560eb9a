"""Sending over SMTP (aiosmtplib): one reusable connection per mailbox, one typed outcome per message.

:class:`SmtpSender` keeps a connection open between messages and walks each transaction itself
(MAIL, RCPT, DATA) so it knows how far a message got. :meth:`SmtpSender.send` never raises for
anything the server or the network does; it returns a :class:`SendOutcome` whose ``status`` is:

``sent``               the server took the message (``reply`` is its answer, e.g. ``250 2.0.0 Ok: queued as …``)
``temporary``          4xx or a network failure *before* DATA: retry later with backoff
``hard_bounce``        5.1.x for the recipient (no such user, bad domain): suppress the address
``rejected``           another permanent refusal of this message (5.2.x mailbox full, 5.3.4 too big, 554):
                       do not retry, do not suppress
``mailbox_problem``    the *sending* mailbox is at fault: authentication failed, 5.7.x policy / relay
                       denied, 5.4.5 quota exceeded, sender refused, TLS unusable: pause the mailbox
``unknown``            the connection died or timed out after DATA was sent but before the answer: the
                       server may have accepted it. Never resend automatically (at most once).

A connection that died while idle is noticed at MAIL and replaced once: nothing had been sent,
so that is safe. :func:`test_connection` reports the server's actual replies (greeting, EHLO,
STARTTLS, AUTH) for the mailbox form.
"""

from __future__ import annotations

import asyncio
import functools
import re
import ssl
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

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


class SmtpSender:
    """One mailbox's connection, reused across messages; send() is safe to call from many tasks.

    Several senders for one mailbox give parallel connections; the service decides how many.
    """

    def __init__(self, config: SmtpConfig, *, idle_seconds: float = 60.0) -> None:
        self.config = config
        self.idle_seconds = idle_seconds
        self._client: aiosmtplib.SMTP | None = None
        self._last_used = 0.0
        self._lock = asyncio.Lock()

    async def __aenter__(self) -> SmtpSender:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is not None and client.is_connected:
            try:
                await asyncio.wait_for(client.quit(), timeout=min(self.config.timeout, 5.0))
            except (aiosmtplib.SMTPException, OSError, TimeoutError):
                client.close()

    def _drop(self) -> None:
        if self._client is not None:
            self._client.close()
        self._client = None

    async def _connection(self) -> tuple[aiosmtplib.SMTP, bool]:
        """The client and whether it is a reused one (which may have died while idle)."""
        if self._client is not None and (not self._client.is_connected
                                         or time.monotonic() - self._last_used > self.idle_seconds):
            self._drop()
        if self._client is not None:
            return self._client, True
        self._client = await _open(self.config)
        return self._client, False

    async def send(self, envelope_from: str, recipients: Sequence[str], message: bytes) -> SendOutcome:
        """Deliver ``message`` (CRLF bytes from mime.build_message) to ``recipients`` (ASCII envelope addresses)."""
        if not recipients:
            raise ValueError("a message needs at least one recipient")
        async with self._lock:
            for attempt in (1, 2):
                try:
                    client, reused = await self._connection()
                except _StageFailed as failed:
                    return failed.outcome
                outcome = await self._transaction(client, envelope_from, recipients, message,
                                                  may_reconnect=reused and attempt == 1)
                if outcome is not None:
                    self._last_used = time.monotonic()
                    return outcome
            return SendOutcome(SendStatus.TEMPORARY, "the connection was lost before MAIL", "mail")

    async def _transaction(self, client: aiosmtplib.SMTP, envelope_from: str, recipients: Sequence[str],
                           message: bytes, *, may_reconnect: bool) -> SendOutcome | None:
        """One MAIL/RCPT/DATA round; None means "the reused connection was dead before MAIL: reconnect"."""
        utf8 = not envelope_from.isascii() or any(not r.isascii() for r in recipients)
        options = ["SMTPUTF8"] if utf8 and client.supports_extension("smtputf8") else []
        if utf8 and not options:
            return SendOutcome(SendStatus.REJECTED, "a non-ASCII address needs SMTPUTF8, which this server lacks",
                               "mail")
        encoding = "utf-8" if utf8 else "ascii"
        stage: Stage = "mail"
        try:
            await client.mail(envelope_from, options=options, encoding=encoding)
            stage = "rcpt"
            accepted = 0
            first_refusal: SendOutcome | None = None
            for recipient in recipients:
                try:
                    await client.rcpt(recipient, encoding=encoding)
                    accepted += 1
                except aiosmtplib.SMTPRecipientRefused as exc:
                    first_refusal = first_refusal or classify_reply(exc.code, exc.message, "rcpt")
            if first_refusal is not None and not accepted:
                await self._reset(client)
                return first_refusal
            stage = "data"
            response: SMTPResponse = await client.data(message)
        except aiosmtplib.SMTPResponseException as exc:
            outcome = classify_reply(exc.code, exc.message, stage)
            if exc.code == 421:
                self._drop()  # the server is closing this connection
            else:
                await self._reset(client)
            return outcome
        except (aiosmtplib.SMTPServerDisconnected, aiosmtplib.SMTPTimeoutError, OSError) as exc:
            self._drop()
            if stage == "data":
                return SendOutcome(SendStatus.UNKNOWN,
                                   f"the connection ended after DATA without the server's answer ({_describe(exc)}); "
                                   "the message may have been delivered", "data")
            if stage == "mail" and may_reconnect:
                return None
            return SendOutcome(SendStatus.TEMPORARY, _describe(exc), stage)
        return SendOutcome(SendStatus.SENT, f"{response.code} {response.message}".strip(), "data", response.code,
                           enhanced_code(response.message))

    async def _reset(self, client: aiosmtplib.SMTP) -> None:
        try:
            await client.rset()
        except (aiosmtplib.SMTPException, OSError):
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
