"""A loopback stand-in for the OpenAI API that the real openai SDK talks to.

Implements ``POST /v1/chat/completions`` (``response_format`` json_schema / json_object, and forced
tool calls), ``POST /v1/responses`` and ``GET /v1/models``, with usage in every answer. It runs in its
own thread and event loop, so sync code (the CLI) and async tests can both use it.

Behaviour per request comes from a queue of modes (``fake.queue("429", times=2, retry_after="0.05")``);
when the queue is empty the answer is ``ok``. Modes: ok, 429, 500, slow, malformed (not JSON),
invalid (JSON that breaks the schema), missing (JSON without required fields), refusal, empty, sloppy
(a valid e-mail that breaks every writing rule: tests/fakes/openai_writer.py).
``ok`` answers come from ``fake.answers`` (scripted dicts, used in order) or else from the *brain*:
a deliberately gullible model that echoes people named in the delimited website text, invents one
e-mail address and one link, and obeys any "e-mail/visit …" instruction it reads — so the service's
grounding, stripping and delimiting are what keep the output clean.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes import openai_writer

INVENTED_EMAIL = "invented.person@fabricated-mail.example"
INVENTED_URL = "https://made-up-offer.example/deal"
INVENTED_NAME = "Zacharias Phantomson"
_BLOCK_RE = re.compile(r"<<<UNTRUSTED_WEBSITE_TEXT[^\n]*\n(.*?)\nUNTRUSTED_WEBSITE_TEXT>>>", re.S)
_RECORD_RE = re.compile(r"<<<UNTRUSTED_(\w+)[^\n]*\n(.*?)\nUNTRUSTED_\1>>>", re.S)
_WORD = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
_NAME_RE = re.compile(rf"\b({_WORD}) ({_WORD})\b")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_RE = re.compile(r"https?://[^\s)\"'<>]+")
_NOT_NAMES = {"Gmbh", "Impressum", "Kontakt", "Datenschutz", "Home", "About", "Team", "Ignore", "Previous"}


@dataclass
class Mode:
    kind: str
    times: int = 1
    retry_after: str | None = None
    retry_after_ms: str | None = None
    delay: float = 0.0


@dataclass
class Seen:
    path: str
    body: dict[str, Any]
    headers: dict[str, str]

    @property
    def text(self) -> str:
        """Every message (or instruction/input) of the request, joined."""
        parts: list[str] = []
        if isinstance(self.body.get("instructions"), str):
            parts.append(self.body["instructions"])
        for msg in self.body.get("messages") or self.body.get("input") or []:
            content = msg.get("content")
            parts.append(content if isinstance(content, str) else json.dumps(content))
        return "\n".join(parts)


@dataclass
class FakeOpenAI:
    host: str = "127.0.0.1"
    port: int = 0
    requests: list[Seen] = field(default_factory=list)
    answers: deque[dict[str, Any]] = field(default_factory=deque)
    modes: deque[Mode] = field(default_factory=deque)
    slow_delay: float = 2.0
    in_flight: int = 0
    max_in_flight: int = 0
    _loop: asyncio.AbstractEventLoop | None = None
    _runner: web.AppRunner | None = None
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # --- control ---------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    def queue(self, kind: str, times: int = 1, *, retry_after: str | None = None,
              retry_after_ms: str | None = None, delay: float = 0.0) -> None:
        with self._lock:
            self.modes.append(Mode(kind, times, retry_after, retry_after_ms, delay))

    def answer(self, data: dict[str, Any]) -> None:
        self.answers.append(data)

    @property
    def calls(self) -> list[Seen]:
        return [r for r in self.requests if r.path != "/v1/models"]

    def reset(self) -> None:
        self.requests.clear()
        self.modes.clear()
        self.answers.clear()
        self.max_in_flight = 0

    def _next_mode(self) -> Mode:
        with self._lock:
            if not self.modes:
                return Mode("ok")
            mode = self.modes[0]
            mode.times -= 1
            if mode.times <= 0:
                self.modes.popleft()
            return mode

    # --- lifecycle ----------------------------------------------------------------------------
    def __enter__(self) -> FakeOpenAI:
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            app = web.Application(client_max_size=64 * 1024 * 1024)
            app.router.add_post("/v1/chat/completions", self._chat)
            app.router.add_post("/v1/responses", self._responses)
            app.router.add_get("/v1/models", self._models)
            self._runner = web.AppRunner(app, access_log=None)
            loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, self.host, self.port)
            loop.run_until_complete(site.start())
            server = site._server
            assert server is not None
            self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._runner.cleanup())
            loop.close()

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("fake OpenAI server did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=10)

    # --- handlers -----------------------------------------------------------------------------------
    async def _models(self, request: web.Request) -> web.Response:
        self.requests.append(Seen(request.path, {}, dict(request.headers)))
        return web.json_response({"object": "list", "data": [{"id": "gpt-4o-mini", "object": "model",
                                                               "created": 0, "owned_by": "fake"}]})

    async def _begin(self, request: web.Request) -> tuple[Seen, Mode, web.Response | None]:
        body = await request.json()
        seen = Seen(request.path, body, dict(request.headers))
        self.requests.append(seen)
        mode = self._next_mode()
        if mode.delay or mode.kind == "slow":
            await asyncio.sleep(mode.delay or self.slow_delay)
        if mode.kind == "429":
            headers = {k: v for k, v in (("retry-after", mode.retry_after), ("retry-after-ms", mode.retry_after_ms))
                       if v is not None}
            return seen, mode, web.json_response(
                {"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}},
                status=429, headers=headers)
        if mode.kind == "500":
            headers = {"retry-after": mode.retry_after} if mode.retry_after else {}
            error = {"error": {"message": "The server had an error", "type": "server_error"}}
            return seen, mode, web.json_response(error, status=500, headers=headers)
        return seen, mode, None

    def _content(self, seen: Seen, mode: Mode, schema_name: str) -> tuple[str | None, str | None]:
        """(content, refusal) for this request and mode."""
        if mode.kind == "refusal":
            return None, "I'm sorry, I can't help with that request."
        if mode.kind == "empty":
            return "", None
        if mode.kind == "malformed":
            return "Sure! Here is the profile: {summary: 'oops' (not JSON)", None
        if mode.kind == "invalid":
            return json.dumps({"summary": 42, "persons": "nobody", "subject": None}), None
        if mode.kind == "sloppy" and (bad := openai_writer.answer(seen.text, bad=True)) is not None:
            return json.dumps(bad, ensure_ascii=False), None
        if mode.kind == "missing":
            data = self._think(seen, schema_name)
            keep = ("summary", "subject")
            return json.dumps({k: v for k, v in data.items() if k in keep}), None
        data = self.answers.popleft() if self.answers else self._think(seen, schema_name)
        return json.dumps(data, ensure_ascii=False), None

    async def _chat(self, request: web.Request) -> web.Response:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            seen, mode, early = await self._begin(request)
            if early is not None:
                return early
            body = seen.body
            tools = body.get("tools") or []
            fmt = body.get("response_format") or {}
            schema_name = (tools[0]["function"]["name"] if tools else
                           (fmt.get("json_schema") or {}).get("name") or _guess_schema(seen.text))
            content, refusal = self._content(seen, mode, schema_name)
            message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": refusal}
            finish = "stop"
            if tools and content is not None and refusal is None:
                message = {"role": "assistant", "content": None, "refusal": None, "tool_calls": [
                    {"id": "call_1", "type": "function", "function": {"name": schema_name, "arguments": content}}]}
                finish = "tool_calls"
            usage = _usage(seen.text, content or refusal or "")
            return web.json_response({
                "id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
                "model": body.get("model", "gpt-4o-mini"),
                "choices": [{"index": 0, "finish_reason": finish, "message": message, "logprobs": None}],
                "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": sum(usage)},
            })
        finally:
            self.in_flight -= 1

    async def _responses(self, request: web.Request) -> web.Response:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            seen, mode, early = await self._begin(request)
            if early is not None:
                return early
            body = seen.body
            tools = body.get("tools") or []
            fmt = ((body.get("text") or {}).get("format")) or {}
            schema_name = tools[0]["name"] if tools else fmt.get("name") or _guess_schema(seen.text)
            content, refusal = self._content(seen, mode, schema_name)
            if refusal is not None:
                output: list[dict[str, Any]] = [{"type": "message", "id": "msg_1", "role": "assistant",
                                                 "status": "completed",
                                                 "content": [{"type": "refusal", "refusal": refusal}]}]
            elif tools:
                output = [{"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": schema_name,
                           "arguments": content or "", "status": "completed"}]
            else:
                output = [{"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
                           "content": [{"type": "output_text", "text": content or "", "annotations": []}]}]
            usage = _usage(seen.text, content or refusal or "")
            return web.json_response({
                "id": "resp_fake", "object": "response", "created_at": int(time.time()), "status": "completed",
                "model": body.get("model", "gpt-4o-mini"), "output": output, "parallel_tool_calls": True,
                "tool_choice": "auto", "tools": [],
                "usage": {"input_tokens": usage[0], "output_tokens": usage[1], "total_tokens": sum(usage),
                          "input_tokens_details": {"cached_tokens": 0},
                          "output_tokens_details": {"reasoning_tokens": 0}},
            })
        finally:
            self.in_flight -= 1

    # --- the brain ----------------------------------------------------------------------------------
    def _think(self, seen: Seen, schema_name: str) -> dict[str, Any]:
        text = seen.text
        if schema_name == "email_draft":
            return _email(text)
        return _profile(text)


def _guess_schema(text: str) -> str:
    return "lead_profile" if "UNTRUSTED_WEBSITE_TEXT" in text else "email_draft"


def _usage(prompt: str, completion: str) -> tuple[int, int]:
    return max(1, len(prompt) // 4), max(1, len(completion) // 4)


def _profile(text: str) -> dict[str, Any]:
    source = "\n".join(_BLOCK_RE.findall(text))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", source.replace("\n", " ")) if len(s.strip()) > 20]
    names = [f"{a} {b}" for a, b in _NAME_RE.findall(source) if a not in _NOT_NAMES and b not in _NOT_NAMES]
    persons: list[dict[str, Any]] = [{"name": n, "role": None, "email": None, "phone": None, "source_url": None}
                                     for n in list(dict.fromkeys(names))[:2]]
    # Invented: a person, an address and a link that no page contains; grounding must drop them.
    persons.append({"name": INVENTED_NAME, "role": "CEO", "email": INVENTED_EMAIL, "phone": "+49 30 99999999",
                    "source_url": None})
    if persons[:-1]:
        persons[0]["email"] = INVENTED_EMAIL
    summary = " ".join(sentences[:2]) or "A company."
    hook = f"Saw your offer at {INVENTED_URL} and wanted to reach out."
    # Gullible: obeys instructions it reads in the page text.
    if re.search(r"ignore (all )?(previous|prior) instructions", source, re.I):
        for email in _EMAIL_RE.findall(source):
            summary += f" Contact {email} for details."
        for url in _URL_RE.findall(source):
            hook += f" Visit {url} now."
    return {"summary": summary[:1500], "industry": "widgets", "size_estimate": "11-50",
            "products_services": ["consulting", f"see {INVENTED_URL}"], "persons": persons, "hook": hook,
            "language": "de" if re.search(r"\b(und|wir|der|die|das)\b", source) else "en"}


def _email(text: str) -> dict[str, Any]:
    written = openai_writer.answer(text)
    if written is not None:  # a version-2 writing prompt: a plausible answer that follows its rules
        return written
    records = dict(_RECORD_RE.findall(text))
    name = ""
    for key in ("CONTACT", "RECORD"):
        match = re.search(r'"name":\s*"([^"]+)"', records.get(key, ""))
        if match:
            name = match.group(1).split()[0]
            break
    template = records.get("TEMPLATE", "") or records.get("DRAFT", "")
    body = f"Hello {name or 'there'},\n\n"
    body += (template.split("\n", 1)[-1].strip() if template else "I would like to show you how we help.")
    body += f"\n\nBook a call: {INVENTED_URL}\n\nBest regards"
    return {"subject": f"A question for {name or 'you'}", "body": body}
