"""Loopback web servers for crawler tests and benches (no network: everything on 127.0.0.0/8).

``SiteServer`` serves canned replies and/or static web roots, optionally per virtual host (the
``Host`` header), over http or https, and records every request it sees: a canary is a server
whose ``requests`` must stay empty.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import json
import mimetypes
import multiprocessing
import re
import socket
import ssl
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from services.leads.crawler.net import mapping_resolver

CORPUS = Path(__file__).parent / "corpus"
__all__ = [
    "CorpusSite",
    "Mirror",
    "Reply",
    "Seen",
    "ServerProcess",
    "SiteServer",
    "corpus_sites",
    "crawler_settings",
    "html",
    "make_tls",
    "mapping_resolver",
]


@dataclass
class Seen:
    method: str
    path: str
    host: str
    headers: dict[str, str]


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    trickle: float = 0.0  # seconds between body bytes (slowloris)
    content_type: str = "text/html; charset=utf-8"

    def data(self) -> bytes:
        return self.body.encode() if isinstance(self.body, str) else self.body


Route = Reply | Callable[[Seen], Reply]


@dataclass(frozen=True)
class Mirror:
    """A static web root served as the site was published: under its live host name (``www.`` or bare, both
    served) and path (``/repo/`` on GitHub Pages), with the absolute links to its live origin pointing at this
    server instead, as a mirror rewrites them. Served under a made-up name, a site's links to its own domain lead
    off the site and its domain says nothing about the company: neither is what a crawler of the live site sees."""

    root: Path
    domain: str  # the live host without "www.", as the Host header spells it (IDNA)
    prefix: str = "/"

    def origin_re(self) -> re.Pattern[str]:
        spellings = "|".join(re.escape(d) for d in dict.fromkeys((self.domain, self.domain.encode().decode("idna"))))
        return re.compile(rf"(?:https?:)?//((?:www\.)?(?:{spellings}))(?::\d+)?(?=[/\"'?#\s)<,;&]|$)", re.I)


Site = dict[str, Route] | Path | Mirror  # canned routes, a static web root, or a mirrored live site


def html(body: str, title: str = "Test", head: str = "") -> str:
    head = f"<meta charset=utf-8><title>{title}</title>{head}"
    return f"<!doctype html><html lang=de><head>{head}</head><body>{body}</body></html>"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes; with Nagle on, the second waits for a delayed ACK
    # (~40 ms on Linux), a stall no real web server has. Without this, benches measure the stall.
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _serve(self) -> None:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
        seen = Seen(self.command, self.path, host, {k.lower(): v for k, v in self.headers.items()})
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.server.owner.requests.append(seen)
        reply = self.server.owner.reply_for(seen)
        if reply.delay:
            time.sleep(reply.delay)
        data = reply.data()
        try:
            self.send_response(reply.status)
            headers = {"Content-Type": reply.content_type, "Content-Length": str(len(data)), **reply.headers}
            if not headers["Content-Length"]:  # body delimited by closing the connection
                headers["Connection"] = "close"
                self.close_connection = True
            for key, value in headers.items():
                if value:
                    self.send_header(key, value)
            self.end_headers()
            if self.command == "HEAD":
                return
            if reply.trickle:
                for i in range(len(data)):
                    self.wfile.write(data[i : i + 1])
                    self.wfile.flush()
                    time.sleep(reply.trickle)
            else:
                self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            self.close_connection = True

    do_GET = do_POST = do_HEAD = _serve


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: SiteServer


class SiteServer:
    """``with SiteServer({"/": Reply(body=...)}) as s: s.url("/")``; ``vhosts`` maps host -> Site."""

    def __init__(
        self,
        site: Site | None = None,
        *,
        vhosts: dict[str, Site] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.site = site if site is not None else {}
        self.vhosts = {k.lower(): v for k, v in (vhosts or {}).items()}
        self.requests: list[Seen] = []
        self._server = _Server((host, port), _Handler)
        self._server.owner = self
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self.scheme = "https" if tls is not None else "http"
        self.host = host
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def address(self) -> str:
        """``ip:port`` as an ``allow_addresses`` entry."""
        return f"{self.host}:{self.port}"

    def url(self, path: str = "/", host: str | None = None) -> str:
        return f"{self.scheme}://{host or self.host}:{self.port}{path}"

    def reply_for(self, seen: Seen) -> Reply:
        site = self.vhosts.get(seen.host, self.site)
        if isinstance(site, Path):
            return _static(site, seen.path)
        if isinstance(site, Mirror):
            return self._mirrored(site, seen.path)
        path = urlsplit(seen.path).path
        route = site.get(seen.path) or site.get(path) or site.get("*")
        if route is None:
            return Reply(404, "not found", content_type="text/plain")
        return route(seen) if callable(route) else route

    def _mirrored(self, site: Mirror, raw_path: str) -> Reply:
        if urlsplit(raw_path).path == site.prefix.rstrip("/"):  # GitHub Pages adds the folder's slash
            return Reply(301, "", headers={"Location": site.prefix})
        # Sites published under a folder were mostly written for a domain's root ("/impressum"): both are served,
        # so the bench measures the crawler rather than a link that only the publishing host broke.
        inside = raw_path.startswith(site.prefix)
        reply = _static(site.root, "/" + raw_path[len(site.prefix):] if inside else raw_path)
        if reply.status != 200 or not reply.content_type.startswith(("text/", "application/javascript")):
            return reply
        text = reply.data().decode("utf-8", "surrogateescape")
        here = site.origin_re().sub(lambda m: f"{self.scheme}://{m.group(1)}:{self.port}", text)
        return Reply(200, here.encode("utf-8", "surrogateescape"), content_type=reply.content_type)


def _static(root: Path, raw_path: str) -> Reply:
    """A static host as the corpus sites were published on (GitHub Pages, Netlify): percent-encoded paths, a
    folder's index.html, and "pretty" links without the extension ("/impressum" serves impressum.html)."""
    path = unquote(urlsplit(raw_path).path)
    target = (root / path.lstrip("/")).resolve()
    if not target.is_relative_to(root.resolve()):
        return Reply(403, "forbidden", content_type="text/plain")
    if target.is_dir():
        target = target / "index.html"
    elif not target.is_file() and target.with_name(target.name + ".html").is_file():
        target = target.with_name(target.name + ".html")
    if not target.is_file():
        return Reply(404, "<h1>Not found</h1>")
    kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    if kind.startswith("text/"):
        kind += "; charset=utf-8"
    return Reply(200, target.read_bytes(), content_type=kind)


# ----------------------------------------------------------------------------- corpus


@dataclass
class CorpusSite:
    slug: str
    root: Path
    expected: dict[str, Any]

    @property
    def hostname(self) -> str:
        return f"{self.slug}.test"


def corpus_sites() -> list[CorpusSite]:
    sites = []
    for expected in sorted(CORPUS.glob("*/expected.json")):
        root = expected.parent / "site"
        if (root / "index.html").is_file():
            sites.append(CorpusSite(expected.parent.name, root, json.loads(expected.read_text("utf-8"))))
    return sites


# ----------------------------------------------------------------------------- TLS


def make_tls(hostnames: list[str], directory: Path | None = None) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A throwaway CA and a server cert for ``hostnames``: (server context, client context trusting the CA)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "crawler test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = []
    for name in hostnames:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            names.append(x509.DNSName(name))
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostnames[0])]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    folder = directory or Path(tempfile.mkdtemp(prefix="crawler-tls-"))
    cert_file, key_file = folder / "server.pem", folder / "server.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert_file, key_file)
    client = ssl.create_default_context(cadata=ca.public_bytes(serialization.Encoding.PEM).decode())
    return server, client


# ----------------------------------------------------------------------------- bench: servers in a child process


def _serve_forever(layout: list[dict[str, str]], conn: Any) -> None:
    servers = [SiteServer(vhosts={h: Path(p) for h, p in hosts.items()}) for hosts in layout]
    for server in servers:
        server.__enter__()
    conn.send([s.port for s in servers])
    conn.recv()  # any message (or the parent dying) ends the servers
    for server in servers:
        server.close()


class ServerProcess:
    """Static vhost servers in a child process, so serving does not share the crawler's GIL.

    ``layout`` has one ``{hostname: web root}`` dict per port.
    """

    def __init__(self, layout: list[dict[str, Path]]) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        plain = [{h: str(p) for h, p in hosts.items()} for hosts in layout]
        self._process = ctx.Process(target=_serve_forever, args=(plain, child), daemon=True)
        self.ports: list[int] = []

    def __enter__(self) -> ServerProcess:
        self._process.start()
        if not self._conn.poll(30):
            self._process.kill()
            raise RuntimeError("bench servers did not start")
        self.ports = self._conn.recv()
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):
            self._conn.send("stop")
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(timeout=5)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ----------------------------------------------------------------------------- crawler wiring for tests


def crawler_settings(**overrides: Any) -> Any:
    """Fast, deterministic settings: no delay, short timeouts, no browser unless asked."""
    from services.leads.crawler.settings import CrawlerSettings

    values: dict[str, Any] = {
        "per_host_delay": 0.0,
        "fetch_timeout": 3.0,
        "site_timeout": 20.0,
        "allow_private_urls": False,
        "allow_addresses": [],
        "render_mode": "never",
        "respect_robots": True,
    }
    values.update(overrides)
    return CrawlerSettings(_env_file=None, **values)  # type: ignore[call-arg]
