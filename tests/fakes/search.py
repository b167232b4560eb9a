"""A loopback stand-in for the Google Custom Search JSON API, a SearXNG instance, the Brave Search API
and Serper, on the wire.

``search_server()`` starts one aiohttp server on 127.0.0.1 serving all four APIs:

* ``GET /customsearch/v1?key=&cx=&q=&start=&num=`` — Google's response shape (``items``,
  ``queries.request`` / ``queries.nextPage``), its 400 for a wrong key or an out-of-range
  ``start``/``num``, and its JSON error bodies;
* ``GET /search`` and ``GET /searx/search`` — SearXNG's JSON (``results[].url/title/content``,
  ``unresponsive_engines``) paged by ``pageno``;
* ``GET /res/v1/web/search?q=&count=&offset=`` — Brave's ``web.results`` and
  ``query.more_results_available``, the key in ``X-Subscription-Token`` (422
  SUBSCRIPTION_TOKEN_INVALID otherwise, like Brave), ``count`` ≤ 20 and ``offset`` ≤ 9 enforced;
* ``POST /search`` with a JSON body ``{q, num, page, gl, hl}`` — Serper's ``organic`` list, the key in
  ``X-API-KEY`` (403 "Unauthorized." otherwise).

It yields ``(base_url, state)``. ``state.results`` holds the canned hits (by default
:func:`company_mix`: companies mixed with directories, social links, www/subdomain duplicates and a
PDF); ``state.fail(...)`` switches a failure mode on; ``state.requests`` records every request so
tests can check paging parameters and where the API key went.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import web

API_KEY = "AIzaFAKE-test-key_0123456789"
CX = "fake-cx-0123"
BRAVE_KEY = "BSAfake-brave-token_0123456789"
SERPER_KEY = "fake-serper-key-0123456789abcdef"

Mode = Literal["normal", "quota", "bad_key", "forbidden", "server_error", "malformed", "slow", "redirect",
               "json_disabled"]


@dataclass(frozen=True)
class FakeHit:
    url: str
    title: str
    snippet: str = ""


@dataclass
class Recorded:
    api: str  # "google" | "searxng" | "brave" | "serper" | "other"
    path: str
    params: dict[str, str]
    headers: dict[str, str]
    body: dict[str, Any] | None = None


def company_mix(query: str = "Steuerberater München") -> list[FakeHit]:
    """34 hits. Ranks 1-25 hold 11 companies and 14 results to skip (see the comments)."""
    def hit(url: str, title: str) -> FakeHit:
        return FakeHit(url, f"{title} | {query}", f"{title} in München. Termine nach Vereinbarung …")

    return [
        hit("https://www.mueller-stb.de/", "Müller Steuerberatung"),  # 1 company
        hit("https://www.gelbeseiten.de/branchen/steuerberater/m%C3%BCnchen", "Steuerberater in München"),  # 2 dir
        hit("https://mueller-stb.de/kontakt", "Kontakt - Müller"),  # 3 duplicate of 1 (no www)
        hit("https://www.schmidt-partner.de/leistungen/", "Schmidt & Partner"),  # 4 company
        hit("https://de.linkedin.com/company/schmidt-partner", "Schmidt & Partner | LinkedIn"),  # 5 social
        hit("https://www.kanzlei-huber.de/", "Kanzlei Huber"),  # 6 company
        hit("https://www.facebook.com/kanzleihuber/", "Kanzlei Huber | Facebook"),  # 7 social
        hit("https://shop.kanzlei-huber.de/produkte", "Huber Shop"),  # 8 duplicate of 6 (subdomain)
        hit("https://www.wagner-steuern.de/downloads/mandanteninfo.pdf", "Mandanteninfo (PDF)"),  # 9 company via PDF
        hit("https://www.dasoertliche.de/?kw=Steuerberater&ci=M%C3%BCnchen", "Das Örtliche"),  # 10 dir
        hit("https://www.becker-beratung.com/", "Becker Beratung"),  # 11 company
        hit("https://www.yelp.de/search?find_desc=Steuerberater", "Yelp"),  # 12 dir (brand label)
        hit("https://www.hoffmann-stb.de/", "Hoffmann Steuerberater"),  # 13 company
        hit("https://www.kununu.com/de/hoffmann-stb", "Hoffmann | kununu"),  # 14 dir
        hit("https://www.xing.com/pages/hoffmann-stb", "Hoffmann | XING"),  # 15 social
        hit("https://koch-kanzlei.de/team", "Koch Kanzlei - Team"),  # 16 company
        hit("https://www.11880.com/suche/steuerberater/muenchen", "11880"),  # 17 dir
        hit("https://www.meyer-treuhand.de/", "Meyer Treuhand"),  # 18 company
        hit("https://de.wikipedia.org/wiki/Steuerberater", "Steuerberater - Wikipedia"),  # 19 dir
        hit("https://www.schulz-steuer.de/", "Schulz Steuer"),  # 20 company
        hit("https://www.northdata.de/Schulz+Steuer+GmbH,+M%C3%BCnchen", "Schulz Steuer GmbH | North Data"),  # 21 dir
        hit("https://www.richter-stb.de/", "Richter StB"),  # 22 company
        hit("https://www.instagram.com/richter.stb/", "Richter (@richter.stb)"),  # 23 social
        hit("https://www.klein-partner.de/", "Klein & Partner"),  # 24 company
        hit("https://www.google.com/maps/place/Klein+%26+Partner", "Klein & Partner - Google Maps"),  # 25 dir
        hit("https://www.wolf-beratung.de/", "Wolf Beratung"),  # 26
        hit("https://www.schroeder-stb.de/", "Schröder StB"),  # 27
        hit("https://www.kanzlei-schön.de/", "Kanzlei Schön"),  # 28 IDN
        hit("https://www.neumann-kanzlei.de/", "Neumann Kanzlei"),  # 29
        hit("https://WWW.Schwarz-Steuer.DE:443/ueber-uns", "Schwarz Steuer"),  # 30 upper case, default port
        hit("https://www.zimmermann-stb.de/", "Zimmermann StB"),  # 31
        hit("https://www.braun-stb.de/", "Braun StB"),  # 32
        hit("https://www.krueger-kanzlei.de/", "Krüger Kanzlei"),  # 33
        hit("https://www.lange-stb.de/", "Lange StB"),  # 34
    ]


def companies(n: int, stem: str = "firma") -> list[FakeHit]:
    """``n`` plain company hits, ``https://www.{stem}-{i}.de/``."""
    return [FakeHit(f"https://www.{stem}-{i}.de/", f"{stem.title()} {i}") for i in range(1, n + 1)]


@dataclass
class SearchState:
    results: list[FakeHit] = field(default_factory=company_mix)
    api_key: str = API_KEY
    cx: str = CX
    brave_key: str = BRAVE_KEY
    serper_key: str = SERPER_KEY
    mode: Mode = "normal"
    fail_from: int = 1  # the mode applies from this request of the API on (1 = the first) …
    fail_times: int | None = None  # … this many times (None: for good)
    retry_after: str | None = None  # Retry-After header on 429
    delay: float = 0.0  # seconds, for mode "slow"
    status: int = 500  # for mode "server_error"
    next_page_always: bool = False  # Google announces a next page even past the last result
    searx_page_size: int = 10
    searx_repeat: bool = False  # past the end, SearXNG repeats its last page (engines that cannot page)
    unresponsive: list[list[str]] = field(default_factory=list)
    requests: list[Recorded] = field(default_factory=list)

    def fail(self, mode: Mode, *, start: int = 1, times: int | None = None, retry_after: str | None = None,
             delay: float = 0.0, status: int = 500) -> None:
        self.mode, self.fail_from, self.fail_times = mode, start, times
        self.retry_after, self.delay, self.status = retry_after, delay, status

    def calls(self, api: str) -> list[Recorded]:
        return [r for r in self.requests if r.api == api]

    def failing(self, api: str) -> bool:
        n = len(self.calls(api))  # this request included
        if self.mode == "normal" or n < self.fail_from:
            return False
        return self.fail_times is None or n < self.fail_from + self.fail_times


STATE = web.AppKey("state", SearchState)


def _google_error(status: int, message: str, reason: str) -> web.Response:
    body = {"error": {"code": status, "message": message, "errors": [{"message": message, "reason": reason}],
                      "status": reason.upper()}}
    return web.json_response(body, status=status)


def _brave_error(status: int, code: str, detail: str) -> web.Response:
    body = {"type": "ErrorResponse", "error": {"id": "00000000-fake", "status": status, "code": code,
                                                "detail": detail, "meta": {"component": "authentication"}},
            "time": 1700000000}
    return web.json_response(body, status=status)


def _serper_error(status: int, message: str) -> web.Response:
    return web.json_response({"message": message, "statusCode": status}, status=status)


def _api_error(api: str, status: int, kind: str, state: SearchState) -> web.Response:
    """The error body each API sends for quota, a refused project/account, or a bad key."""
    if api == "brave":
        codes = {"quota": ("RATE_LIMITED", "Request rate limit exceeded for plan."),
                 "forbidden": ("SUBSCRIPTION_NOT_FOUND", "No subscription found for this token."),
                 "bad_key": ("SUBSCRIPTION_TOKEN_INVALID", f"The provided subscription token is invalid: "
                                                            f"{state.brave_key}")}
        return _brave_error(status, *codes[kind])
    if api == "serper":
        messages = {"quota": "Too many requests.", "forbidden": "Not enough credits.",
                    "bad_key": f"Unauthorized: {state.serper_key}"}
        return _serper_error(status, messages[kind])
    messages = {"quota": ("Quota exceeded for quota metric 'Queries' and limit 'Queries per day' of service "
                          "'customsearch.googleapis.com'.", "rateLimitExceeded"),
                "forbidden": ("Custom Search JSON API has not been used in project 123 before or it is disabled.",
                              "accessNotConfigured"),
                # Quotes the key back, as a careless upstream might: the client must redact it.
                "bad_key": (f"API key not valid. Please pass a valid API key: {state.api_key}", "badRequest")}
    return _google_error(status, *messages[kind])


async def _failure(state: SearchState, api: str) -> web.StreamResponse | None:
    """The reply of the current failure mode, or None to answer normally."""
    if not state.failing(api):
        return None
    mode = state.mode
    if mode == "slow":
        await asyncio.sleep(state.delay)
        return None
    if mode == "quota":
        response = _api_error(api, 429, "quota", state)
        if state.retry_after:
            response.headers["Retry-After"] = state.retry_after
        return response
    if mode == "forbidden":
        return _api_error(api, 403, "forbidden", state)
    if mode == "bad_key":
        return _api_error(api, {"brave": 422, "serper": 403}.get(api, 400), "bad_key", state)
    if mode == "server_error":
        return web.Response(status=state.status, text="<h1>Server Error</h1>", content_type="text/html")
    if mode == "malformed":
        return web.Response(text='{"kind": "customsearch#search", "items": [', content_type="application/json")
    if mode == "redirect":
        raise web.HTTPFound("/elsewhere")
    if mode == "json_disabled" and api == "searxng":
        return web.Response(status=403, text="<h1>403 Forbidden</h1>", content_type="text/html")
    return None


def _record(state: SearchState, api: str, request: web.Request, body: dict[str, Any] | None = None) -> dict[str, str]:
    params = {k: v for k, v in request.rel_url.query.items()}
    state.requests.append(Recorded(api, request.path, params, dict(request.headers), body))
    return params


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return -1


async def _google(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    params = _record(state, "google", request)
    if (failure := await _failure(state, "google")) is not None:
        return failure
    if params.get("key") != state.api_key or params.get("cx") != state.cx:
        return _google_error(400, f"API key not valid. Please pass a valid API key: {params.get('key')}",
                             "badRequest")
    start, num = _int(params.get("start"), 1), _int(params.get("num"), 10)
    if start < 1 or not 1 <= num <= 10 or start + num > 101:
        return _google_error(400, "Request contains an invalid argument.", "invalid")
    page = state.results[start - 1:start - 1 + num]
    query = params.get("q", "")
    queries: dict[str, Any] = {"request": [{"searchTerms": query, "startIndex": start, "count": len(page)}]}
    following = start + num
    if state.next_page_always or (following <= len(state.results) and following <= 91):
        queries["nextPage"] = [{"searchTerms": query, "startIndex": following, "count": num}]
    body: dict[str, Any] = {"kind": "customsearch#search", "queries": queries,
                            "searchInformation": {"totalResults": str(len(state.results))}}
    if page:  # like Google: no "items" at all past the last result
        body["items"] = [{"kind": "customsearch#result", "title": h.title, "htmlTitle": h.title, "link": h.url,
                          "displayLink": h.url.split("/")[2], "snippet": h.snippet} for h in page]
    return web.json_response(body)


async def _searxng(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    params = _record(state, "searxng", request)
    if (failure := await _failure(state, "searxng")) is not None:
        return failure
    if params.get("format") != "json":
        return web.Response(status=403, text="<h1>403 Forbidden</h1>", content_type="text/html")
    size = state.searx_page_size
    pageno = _int(params.get("pageno"), 1)
    page = state.results[(pageno - 1) * size:pageno * size] if pageno >= 1 else []
    if not page and state.searx_repeat:
        page = state.results[-size:]
    results = [{"url": h.url, "title": h.title, "content": h.snippet, "engine": "fake", "engines": ["fake"],
                "positions": [i + 1], "score": 1.0, "category": "general"} for i, h in enumerate(page)]
    return web.json_response({
        "query": params.get("q", ""), "number_of_results": 0, "results": results, "answers": [], "corrections": [],
        "infoboxes": [], "suggestions": [], "unresponsive_engines": state.unresponsive,
    })


async def _brave(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    params = _record(state, "brave", request)
    if (failure := await _failure(state, "brave")) is not None:
        return failure
    if request.headers.get("X-Subscription-Token") != state.brave_key:
        return _brave_error(422, "SUBSCRIPTION_TOKEN_INVALID", "The provided subscription token is invalid.")
    count, offset = _int(params.get("count"), 20), _int(params.get("offset"), 0)
    if not params.get("q") or not 1 <= count <= 20 or not 0 <= offset <= 9:
        return _brave_error(422, "VALIDATION", "Unable to validate request parameter(s)")
    start = offset * count
    page = state.results[start:start + count]
    results = [{"type": "search_result", "title": h.title, "url": h.url, "description": h.snippet,
                "is_source_local": False, "language": "de", "meta_url": {"hostname": h.url.split("/")[2]}}
               for h in page]
    return web.json_response({
        "type": "search",
        "query": {"original": params["q"], "more_results_available": start + count < len(state.results)},
        "web": {"type": "search", "results": results, "family_friendly": True},
    })


async def _serper(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    try:
        body = await request.json()
    except ValueError:
        body = None
    _record(state, "serper", request, body if isinstance(body, dict) else None)
    if (failure := await _failure(state, "serper")) is not None:
        return failure
    if request.headers.get("X-API-KEY") != state.serper_key:
        return _serper_error(403, "Unauthorized.")
    if not isinstance(body, dict) or not isinstance(body.get("q"), str):
        return _serper_error(400, "Missing query parameter (q).")
    num, page = body.get("num", 10), body.get("page", 1)
    if not isinstance(num, int) or not isinstance(page, int) or not 1 <= num <= 100 or page < 1:
        return _serper_error(400, "Invalid num or page.")
    start = (page - 1) * num
    organic = [{"title": h.title, "link": h.url, "snippet": h.snippet, "position": start + i + 1}
               for i, h in enumerate(state.results[start:start + num])]
    return web.json_response({"searchParameters": {**body, "type": "search", "engine": "google"},
                              "organic": organic, "credits": 1})


async def _other(request: web.Request) -> web.StreamResponse:
    _record(request.app[STATE], "other", request)
    return web.Response(status=404, text="not found")


@contextlib.asynccontextmanager
async def search_server(state: SearchState | None = None) -> AsyncIterator[tuple[str, SearchState]]:
    """Serve both fake APIs on a free loopback port; yields ``(base_url, state)``."""
    state = state or SearchState()
    app = web.Application()
    app[STATE] = state
    app.router.add_get("/customsearch/v1", _google)
    app.router.add_get("/search", _searxng)
    app.router.add_get("/searx/search", _searxng)
    app.router.add_get("/res/v1/web/search", _brave)
    app.router.add_post("/search", _serper)
    app.router.add_route("*", "/{tail:.*}", _other)
    # handler_cancellation: a "slow" reply whose client gave up must not hold up the shutdown.
    runner = web.AppRunner(app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0)
    await runner.setup()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    site = web.SockSite(runner, sock, shutdown_timeout=1.0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}", state
    finally:
        await runner.cleanup()
        sock.close()
