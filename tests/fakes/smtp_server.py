"""A real SMTP server (aiosmtpd) on loopback with fault injection, for sending tests and benchmarks.

``async with smtp_sink(...) as sink:`` serves on ``sink.port`` in the running event loop;
``SmtpSink(...).start_in_thread()`` runs it on a loop of its own (benchmarks, sync code).

Faults (:class:`Fault`) match recipients by regular expression and act at a stage:

* ``rcpt`` / ``mail`` / ``data``: answer ``reply`` (``"451 4.3.0 Try again"``, ``"550 5.1.1 …"``) instead of
  accepting; ``times`` limits how often (then the rule is spent and the server accepts);
* ``drop=True`` at ``data``: the message is **stored and counted**, then the connection is cut
  without an answer (the ambiguous "unknown" case);
* ``delay`` seconds before answering at that stage (a slow server: with ``reply=None`` it then accepts).

``sink.script(...)`` queues replies for the next DATA answers in order, whatever the recipient.
TLS: ``tls="starttls"`` offers STARTTLS, ``tls="implicit"`` speaks TLS from the first byte; the
certificate is self-signed for 127.0.0.1/localhost (:func:`self_signed_cert`, made with cryptography).
``users={"login": "password"}`` turns on AUTH PLAIN/LOGIN and requires it. ``pipelining=True`` offers PIPELINING.

What arrived: ``sink.deliveries`` (envelope, bytes, auth user, TLS), ``sink.message_ids`` (a Counter:
a value > 1 is a duplicate delivery), ``sink.rcpt_attempts``.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import datetime as dt
import ipaddress
import re
import ssl
import tempfile
import threading
import warnings
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.conftest import free_port

Stage = Literal["mail", "rcpt", "data"]
_MESSAGE_ID = re.compile(rb"^Message-ID:\s*(<[^>\r\n]+>)", re.IGNORECASE | re.MULTILINE)


@dataclass
class Fault:
    match: str  # regex searched in the recipient address ("" matches all); for "mail": the sender
    stage: Stage = "rcpt"
    reply: str | None = None  # None: accept (after any delay)
    drop: bool = False  # "data" only: store the message, then cut the line without an answer
    delay: float = 0.0
    times: int | None = None  # None: every time

    def applies(self, address: str) -> bool:
        return (self.times is None or self.times > 0) and re.search(self.match, address) is not None

    def spend(self) -> None:
        if self.times is not None:
            self.times -= 1


@dataclass(frozen=True)
class Delivery:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes
    auth_user: str | None
    tls: bool

    @property
    def message_id(self) -> str | None:
        found = _MESSAGE_ID.search(self.data.split(b"\r\n\r\n", 1)[0])
        return found.group(1).decode() if found else None


def self_signed_cert(directory: Path) -> tuple[Path, Path]:
    """A P-256 certificate for 127.0.0.1 and localhost, valid for a day: (cert.pem, key.pem)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class _Handler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def _fault(self, stage: Stage, address: str) -> Fault | None:
        for fault in self.sink.faults:
            if fault.stage == stage and fault.applies(address):
                fault.spend()
                if fault.delay:
                    await asyncio.sleep(fault.delay)
                return fault
        return None

    async def handle_MAIL(self, server: SMTP, session: Session, envelope: Envelope, address: str,
                          mail_options: list[str]) -> str:
        fault = await self._fault("mail", address)
        if fault is not None and fault.reply:
            return fault.reply
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 OK"

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope, address: str,
                          rcpt_options: list[str]) -> str:
        self.sink.rcpt_attempts[address] += 1
        fault = await self._fault("rcpt", address)
        if fault is not None and fault.reply:
            return fault.reply
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.sink.scripted:
            reply = self.sink.scripted.popleft()
            if reply is not None:
                return reply
        fault = None
        for rcpt in envelope.rcpt_tos:
            fault = await self._fault("data", rcpt)
            if fault is not None:
                break
        if fault is not None and fault.reply and not fault.drop:
            return fault.reply
        content = envelope.original_content or b""
        delivery = Delivery(envelope.mail_from or "", tuple(envelope.rcpt_tos), content,
                            session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword)
                            else None,
                            server.transport is not None and server.transport.get_extra_info("sslcontext") is not None)
        self.sink.deliveries.append(delivery)
        if delivery.message_id:
            self.sink.message_ids[delivery.message_id] += 1
        if fault is not None and fault.drop:
            assert server.transport is not None
            server.transport.abort()
            return "250 never seen by the client"
        return f"250 2.0.0 Ok: queued as {len(self.sink.deliveries)}"


class _PipeliningHandler(_Handler):
    """Offers PIPELINING (RFC 2920), as Postfix, Exim and the big providers do. aiosmtpd reads commands one
    line at a time from its buffer and answers them in order, which is all a pipelining client needs."""

    async def handle_EHLO(self, server: SMTP, session: Session, envelope: Envelope, hostname: str,
                          responses: list[str]) -> list[str]:
        session.host_name = hostname
        return [*responses[:-1], "250-PIPELINING", responses[-1]]


class SmtpSink:
    def __init__(self, *, port: int | None = None, faults: Iterable[Fault] = (), users: dict[str, str] | None = None,
                 tls: Literal["none", "starttls", "implicit"] = "none", cert_dir: Path | None = None,
                 hostname: str = "sink.test", pipelining: bool = False) -> None:
        self.port = port or free_port()
        self.pipelining = pipelining
        self.faults: list[Fault] = list(faults)
        self.users = users
        self.tls = tls
        self.hostname = hostname
        self.deliveries: list[Delivery] = []
        self.message_ids: collections.Counter[str] = collections.Counter()
        self.rcpt_attempts: collections.Counter[str] = collections.Counter()
        self.scripted: collections.deque[str | None] = collections.deque()
        self.auth_failures = 0
        self.connections = 0  # SMTP sessions opened (to prove connection reuse)
        self._protocols: list[SMTP] = []
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None
        self._thread_loop: asyncio.AbstractEventLoop | None = None
        self._cert_dir = cert_dir or Path(tempfile.mkdtemp(prefix="smtp-sink-"))
        self.cert_file: Path | None = None
        if tls != "none":
            self.cert_file, self._key_file = self_signed_cert(self._cert_dir)

    def script(self, *replies: str | None) -> None:
        """Answer the next DATA commands with these replies in turn (None: accept normally)."""
        self.scripted.extend(replies)

    @property
    def count(self) -> int:
        return len(self.deliveries)

    def duplicates(self) -> dict[str, int]:
        return {mid: n for mid, n in self.message_ids.items() if n > 1}

    def _tls_context(self) -> ssl.SSLContext:
        assert self.cert_file is not None
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_file, self._key_file)
        return context

    def _authenticate(self, server: SMTP, session: Session, envelope: Envelope, mechanism: str,
                      auth_data: Any) -> AuthResult:
        if (isinstance(auth_data, LoginPassword) and self.users is not None
                and self.users.get(auth_data.login.decode()) == auth_data.password.decode()):
            return AuthResult(success=True, auth_data=auth_data)
        self.auth_failures += 1
        # handled=False lets aiosmtpd answer 535; handled=True without a reply would hang the client.
        return AuthResult(success=False, handled=False)

    def _protocol(self) -> SMTP:
        self.connections += 1
        with warnings.catch_warnings():
            # AUTH without TLS is what the plain-text auth tests want; aiosmtpd warns about it.
            warnings.simplefilter("ignore", UserWarning)
            handler = _PipeliningHandler(self) if self.pipelining else _Handler(self)
            protocol = SMTP(handler, hostname=self.hostname, loop=asyncio.get_running_loop(),
                            enable_SMTPUTF8=True, data_size_limit=None,
                            tls_context=self._tls_context() if self.tls == "starttls" else None,
                            authenticator=self._authenticate if self.users is not None else None,
                            auth_required=self.users is not None, auth_require_tls=self.tls != "none")
        self._protocols.append(protocol)
        return protocol

    def disconnect_all(self) -> None:
        """Cut every open session, as a server does to idle clients."""
        for protocol in self._protocols:
            if protocol.transport is not None:
                protocol.transport.abort()
        self._protocols.clear()

    async def start(self) -> SmtpSink:
        loop = asyncio.get_running_loop()
        ssl_context = self._tls_context() if self.tls == "implicit" else None
        self._server = await loop.create_server(self._protocol, "127.0.0.1", self.port, ssl=ssl_context)
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self.disconnect_all()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._server.wait_closed(), 2)
            self._server = None

    def start_in_thread(self) -> SmtpSink:
        """Serve from a thread with its own event loop (so the sink does not share the client's loop)."""
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._thread_loop = loop
            loop.run_until_complete(self.start())
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self.stop())
            loop.close()

        self._thread = threading.Thread(target=run, name="smtp-sink", daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    def stop_thread(self) -> None:
        if self._thread_loop is not None and self._thread is not None:
            self._thread_loop.call_soon_threadsafe(self._thread_loop.stop)
            self._thread.join(10)


@contextlib.asynccontextmanager
async def smtp_sink(**options: Any) -> AsyncIterator[SmtpSink]:
    sink = await SmtpSink(**options).start()
    try:
        yield sink
    finally:
        await sink.stop()


def main() -> None:
    """``python -m tests.fakes.smtp_server --port P``: a counting sink in its own process (benchmarks).

    On SIGTERM it prints ``delivered: N`` and ``distinct: M`` (distinct Message-IDs) and exits.
    """
    import argparse
    import signal

    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pipelining", action="store_true", help="offer PIPELINING (RFC 2920)")
    args = parser.parse_args()

    async def serve() -> None:
        sink = await SmtpSink(port=args.port, pipelining=args.pipelining).start()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        loop.add_signal_handler(signal.SIGINT, stop.set)
        print("ready", flush=True)
        await stop.wait()
        await sink.stop()
        print(f"delivered: {sink.count}\ndistinct: {len(sink.message_ids)}", flush=True)

    asyncio.run(serve())


if __name__ == "__main__":
    main()
