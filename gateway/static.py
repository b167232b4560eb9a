"""The built SPA: files from frontend/dist, index.html for client-side routes."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path

IMMUTABLE = b"public, max-age=31536000, immutable"
NOT_BUILT = b"""<!doctype html><meta charset=utf-8><title>Outbound CRM</title>
<body style="font-family:system-ui;margin:4rem"><h1>Outbound CRM</h1>
<p>The web app is not built yet. Run <code>make setup</code> (or <code>make run</code>) and reload.</p>
<p>The API is up under <a href="/api/openapi.json">/api/openapi.json</a>.</p></body>"""


class StaticFile:
    __slots__ = ("body", "content_type", "etag", "immutable")

    def __init__(self, body: bytes, content_type: str, immutable: bool) -> None:
        self.body = body
        self.content_type = content_type
        self.etag = b'"' + hashlib.sha256(body).hexdigest()[:20].encode() + b'"'
        self.immutable = immutable


class SpaFiles:
    """Loads the (small) build into memory once; hashed assets are cached forever by browsers."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, StaticFile] = {}
        if root.is_dir():
            for path in root.rglob("*"):
                if path.is_file():
                    rel = "/" + path.relative_to(root).as_posix()
                    ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
                        ctype += "; charset=utf-8"
                    self.files[rel] = StaticFile(path.read_bytes(), ctype, rel.startswith("/assets/"))
        self.index = self.files.get("/index.html") or StaticFile(NOT_BUILT, "text/html; charset=utf-8", False)

    def lookup(self, path: str) -> StaticFile | None:
        """The file for ``path``; index.html for routes the SPA draws; None for a missing asset."""
        hit = self.files.get(path)
        if hit is not None:
            return hit
        last = path.rsplit("/", 1)[-1]
        if path.startswith("/assets/") or "." in last:
            return None
        return self.index
