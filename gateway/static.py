"""The built SPA: files from frontend/dist, index.html for client-side routes.

The build stores a brotli and a gzip copy beside each hashed asset (``app-1a2b.js.br``,
``app-1a2b.js.gz``); a client that accepts one of them gets it, everyone else the file itself. Each
representation has its own ETag, and every answer for a file that has copies says ``Vary:
Accept-Encoding`` so no cache hands a compressed body to a client that did not ask for it.
"""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path

Headers = list[tuple[bytes, bytes]]

IMMUTABLE = b"public, max-age=31536000, immutable"
NOT_BUILT = b"""<!doctype html><meta charset=utf-8><title>Outbound CRM</title>
<body style="font-family:system-ui;margin:4rem"><h1>Outbound CRM</h1>
<p>The web app is not built yet. Run <code>make setup</code> (or <code>make run</code>) and reload.</p>
<p>The API is up under <a href="/api/openapi.json">/api/openapi.json</a>.</p></body>"""
# Preferred first when a client accepts several equally: the smallest body.
ENCODINGS = {"br": ".br", "gzip": ".gz"}
# Client-side routes whose last segment may hold a dot: the booking page's one-click links end in a signed
# "<payload>.<mac>", which must not be taken for a missing file.
SPA_DOTTED_ROUTES = ("/book/",)


class Representation:
    """One body of a file: the file itself (``encoding`` None) or a compressed copy."""

    __slots__ = ("body", "encoding", "etag")

    def __init__(self, body: bytes, encoding: str | None) -> None:
        self.body = body
        self.encoding = encoding
        self.etag = b'"' + hashlib.sha256(body).hexdigest()[:20].encode() + b'"'


class StaticFile:
    __slots__ = ("cache_control", "content_type", "encoded", "identity")

    def __init__(self, body: bytes, content_type: str, immutable: bool,
                 encoded: dict[str, bytes] | None = None) -> None:
        self.identity = Representation(body, None)
        # A copy that is not smaller than the file saves nothing on the wire.
        self.encoded = {name: Representation(data, name) for name, data in (encoded or {}).items()
                        if len(data) < len(body)}
        self.content_type = content_type.encode()
        self.cache_control = IMMUTABLE if immutable else b"no-cache"

    def choose(self, accept_encoding: str | None) -> Representation:
        """The representation for a client that sent ``accept_encoding`` (RFC 9110 §12.5.3): a copy only
        when the client named its coding (or ``*``) with a weight above 0, unless it weighs ``identity``
        explicitly higher."""
        if not self.encoded or not accept_encoding:
            return self.identity
        accepted = parse_accept_encoding(accept_encoding)
        star = accepted.get("*")
        weight = {name: accepted.get(name, star or 0.0) for name in self.encoded}
        best = max(weight, key=lambda name: weight[name])  # ties keep ENCODINGS order: the smaller body
        identity = accepted.get("identity", 0.0)
        return self.encoded[best] if weight[best] > 0 and weight[best] >= identity else self.identity

    def respond(self, method: str, request_headers: Headers) -> tuple[int, Headers, bytes]:
        """Status, headers and body for a GET or HEAD of this file."""
        rep = self.choose(_joined(request_headers, b"accept-encoding"))
        headers: Headers = [(b"etag", rep.etag), (b"cache-control", self.cache_control)]
        if self.encoded:
            headers.append((b"vary", b"Accept-Encoding"))
        if rep.encoding:
            headers.append((b"content-encoding", rep.encoding.encode()))
        if _etag_matches(_joined(request_headers, b"if-none-match"), rep.etag):
            return 304, headers, b""
        headers += [(b"content-type", self.content_type), (b"content-length", str(len(rep.body)).encode())]
        return 200, headers, rep.body if method == "GET" else b""


def parse_accept_encoding(value: str) -> dict[str, float]:
    """``gzip, br;q=0.8, *;q=0`` -> {"gzip": 1.0, "br": 0.8, "*": 0.0}; malformed weights count as 0."""
    out: dict[str, float] = {}
    for item in value.split(","):
        name, _, params = item.partition(";")
        name = name.strip().lower()
        if not name:
            continue
        q = 1.0
        for param in params.split(";"):
            key, _, raw = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(raw.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        out[name] = max(q, out.get(name, 0.0))
    return out


def _joined(headers: Headers, name: bytes) -> str | None:
    values = [value.decode("latin-1") for key, value in headers if key == name]
    return ", ".join(values) if values else None


def _etag_matches(if_none_match: str | None, etag: bytes) -> bool:
    if not if_none_match:
        return False
    wanted = etag.decode()
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == wanted:
            return True
    return False


class SpaFiles:
    """Loads the (small) build into memory once; hashed assets are cached forever by browsers."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, StaticFile] = {}
        if root.is_dir():
            # Dot-directories hold build bookkeeping (.vite/manifest.json), not files for browsers.
            relative = {path.relative_to(root): path for path in root.rglob("*") if path.is_file()}
            paths = {"/" + rel.as_posix(): path for rel, path in relative.items()
                     if not any(part.startswith(".") for part in rel.parts)}
            copies = {rel for rel in paths if rel.endswith(tuple(ENCODINGS.values())) and rel.startswith("/assets/")
                      and rel.rsplit(".", 1)[0] in paths}
            for rel, path in paths.items():
                if rel in copies:
                    continue
                ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
                    ctype += "; charset=utf-8"
                encoded = {name: paths[rel + suffix].read_bytes() for name, suffix in ENCODINGS.items()
                           if rel + suffix in copies}
                self.files[rel] = StaticFile(path.read_bytes(), ctype, rel.startswith("/assets/"), encoded)
        self.index = self.files.get("/index.html") or StaticFile(NOT_BUILT, "text/html; charset=utf-8", False)

    def lookup(self, path: str) -> StaticFile | None:
        """The file for ``path``; index.html for routes the SPA draws; None for a missing asset."""
        hit = self.files.get(path)
        if hit is not None:
            return hit
        last = path.rsplit("/", 1)[-1]
        if path.startswith("/assets/") or ("." in last and not path.startswith(SPA_DOTTED_ROUTES)):
            return None
        return self.index
