"""Refusing text no database can store: NUL (PostgreSQL rejects it in text) and the other C0 control
characters (no name, note, query or e-mail address holds them). TAB, LF and CR stay allowed.

One pure-ASGI layer in every service, before any schema or SQL sees the request: query strings and
form bodies are percent-decoded and checked, JSON bodies are scanned for ``\\u0000``-style escapes
(raw control characters are invalid JSON anyway). Anything found is a 422 problem naming where.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import PROBLEM_JSON, problem_body

# A control character other than TAB, LF, CR (raw bytes after percent-decoding).
_RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# The same as a JSON escape, unless its backslash is itself escaped (the text "\u0000" typed by someone).
_JSON_CONTROL = re.compile(rb"(?<!\\)(?:\\\\)*\\u00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F])")
_BODY_LIMIT = 20 * 1024 * 1024  # bigger bodies are the gateway's to refuse; do not buffer them here


def control_in_query(query: bytes) -> bool:
    return bool(query) and bool(_RAW_CONTROL.search(unquote_to_bytes(query.replace(b"+", b" "))))


def control_in_body(content_type: str, body: bytes) -> bool:
    if "json" in content_type:
        return bool(_JSON_CONTROL.search(body))
    if content_type.startswith("application/x-www-form-urlencoded"):
        return control_in_query(body)
    return False


class ControlCharacterGuard:
    """422 for a request whose query, JSON or form body carries a control character (see module doc)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if control_in_query(scope.get("query_string", b"")):
            await self._refuse(scope, send, "query")
            return
        content_type = next((v.decode("latin-1").lower() for k, v in scope["headers"] if k == b"content-type"), "")
        if "json" not in content_type and not content_type.startswith("application/x-www-form-urlencoded"):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":  # the client left: let the app see it
                await self.app(scope, _replay([], receive, first=message), send)
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > _BODY_LIMIT:
                await self.app(scope, _replay(chunks, receive, more=more), send)
                return
        body = b"".join(chunks)
        if control_in_body(content_type, body):
            await self._refuse(scope, send, "body")
            return
        await self.app(scope, _replay([body], receive), send)

    async def _refuse(self, scope: Scope, send: Send, where: str) -> None:
        detail = (f"The request {where} contains a control character (such as NUL); text fields cannot hold "
                  "them.")
        doc: dict[str, Any] = problem_body(422, detail, code="validation", instance=str(scope.get("path", ""))[:200],
                                           errors=[{"loc": [where], "msg": "control characters are not allowed",
                                                    "type": "control_character"}])
        payload = json.dumps(doc).encode()
        await send({"type": "http.response.start", "status": 422,
                    "headers": [(b"content-type", PROBLEM_JSON.encode()),
                                (b"content-length", str(len(payload)).encode())]})
        await send({"type": "http.response.body", "body": payload})


def _replay(chunks: list[bytes], rest: Receive, *, more: bool = False, first: Message | None = None) -> Receive:
    """A ``receive`` that first hands back what was already read, then reads on (a disconnect, later)."""
    pending = list(chunks)
    held = [first] if first is not None else []

    async def receive() -> Message:
        if held:
            return held.pop()
        if pending:
            chunk = pending.pop(0)
            return {"type": "http.request", "body": chunk, "more_body": bool(pending) or more}
        return await rest()

    return receive
