"""A loopback stand-in for the Overpass API (OpenStreetMap), on the wire.

``overpass_server()`` serves ``POST /api/interpreter`` (form field ``data``) and ``GET
/api/interpreter?data=`` like the real server. It understands the part of Overpass QL the provider
sends — the ``[out:json][timeout:N]`` header, a union of ``area[key="name"][filter]`` statements
stored as a set, ``.set out count``, a union of ``nwr[k="v"][k2="v2"](area.set)`` statements and
``.set out tags N`` — with Overpass's string escapes, and answers anything else with Overpass's 400
"parse error" page, so a malformed query fails here as it would there.

``state.places`` maps an area's names (``name``, ``name:de``, ``name:en``) to the elements inside;
:func:`munich_and_graz` is the default data. ``state.fail(...)`` switches on a failure mode (busy
429, overloaded 504, a ``remark`` for a query that ran out of time, malformed JSON, slow);
``state.requests`` records every parsed query.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import web

Mode = Literal["normal", "busy", "overloaded", "remark", "malformed", "slow"]
_STRING = r'"((?:[^"\\\n]|\\.)*)"'
_HEADER = re.compile(r"^\[out:json\]\[timeout:(\d+)\]$")
_AREA = re.compile(rf'^area\[{_STRING}={_STRING}\](?:\[{_STRING}={_STRING}\]|\[{_STRING}\])$')
_NWR = re.compile(rf"^nwr(?P<tags>(?:\[{_STRING}={_STRING}\])+)\(area\.(?P<set>\w+)\)$")
_PAIR = re.compile(rf"\[{_STRING}={_STRING}\]")
_UNION_END = re.compile(r"^\)->\.(\w+)$")
_OUT_COUNT = re.compile(r"^\.(\w+) out count$")
_OUT_TAGS = re.compile(r"^\.(\w+) out tags(?: (\d+))?$")


@dataclass
class Area:
    names: dict[str, str]  # name, name:de, name:en
    kind: str = "administrative"  # "administrative" (boundary) or "place"
    elements: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Query:
    timeout: int
    area_names: list[tuple[str, str]]  # (key, value) as the server read them, escapes undone
    filters: list[list[tuple[str, str]]]
    limit: int | None
    raw: str


def element(kind: str, osm_id: int, **tags: str) -> dict[str, Any]:
    return {"type": kind, "id": osm_id, "tags": {k.replace("__", ":"): v for k, v in tags.items()}}


def munich_and_graz() -> list[Area]:
    """Electricians and dentists in München (English name Munich) and tax advisors in Graz."""
    munich = Area({"name": "München", "name:de": "München", "name:en": "Munich"}, elements=[
        element("node", 101, craft="electrician", name="Elektro Huber GmbH", website="https://www.elektro-huber.de/",
                phone="+49 89 1234567", addr__street="Lindwurmstraße", addr__housenumber="12",
                addr__postcode="80337", addr__city="München"),
        element("way", 102, craft="electrician", name="Elektro Maier", contact__website="elektro-maier.de",
                contact__phone="+49 89 7654321;+49 171 000000", addr__street="Sendlinger Straße",
                addr__housenumber="3", addr__postcode="80331", addr__city="München"),
        element("node", 103, craft="electrician", name="Strom & Licht Schmid", phone="+49 89 555000",
                addr__street="Leopoldstraße", addr__housenumber="77", addr__postcode="80802"),  # no website
        element("node", 104, craft="electrician", name="Elektro Huber Filiale Pasing",
                website="https://elektro-huber.de/pasing"),  # second branch: same domain
        element("node", 105, craft="electrician", name="E-Werk Facebook", website="https://www.facebook.com/ewerk"),
        element("node", 106, amenity="dentist", name="Zahnarztpraxis Dr. Weiß", website="http://www.dr-weiss.de",
                addr__street="Marienplatz", addr__housenumber="1", addr__postcode="80331", addr__city="München"),
        element("relation", 107, healthcare="dentist", name="Zahnklinik Nord",
                website="https://zahnklinik-nord.de/"),
        element("node", 108, shop="bakery", name="Bäckerei Rischart", website="https://rischart.de/"),
    ])
    graz = Area({"name": "Graz", "name:de": "Graz"}, elements=[
        element("node", 201, office="tax_advisor", name="Steuerberatung Gruber", website="https://www.gruber-stb.at/",
                phone="+43 316 123456", addr__street="Herrengasse", addr__housenumber="5", addr__postcode="8010",
                addr__city="Graz"),
        element("node", 202, office="tax_advisor", name="Kanzlei Pichler", website="www.pichler-steuer.at"),
    ])
    landkreis = Area({"name": "Landkreis München"}, elements=[
        element("node", 301, craft="electrician", name="Elektro Land", website="https://elektro-land.de/"),
    ])
    return [munich, graz, landkreis]


def businesses(n: int, place: str = "Teststadt", tag: tuple[str, str] = ("craft", "electrician")) -> list[Area]:
    """One area with ``n`` businesses of one type, every other one with a website (for the benchmark)."""
    items = []
    for i in range(1, n + 1):
        tags = {tag[0]: tag[1], "name": f"Betrieb {i}", "phone": f"+49 30 {100000 + i}",
                "addr:street": "Hauptstraße", "addr:housenumber": str(i), "addr:postcode": "10115",
                "addr:city": place}
        if i % 2:
            tags["website"] = f"https://www.betrieb-{i}.de/"
        items.append({"type": "node", "id": i, "tags": tags})
    return [Area({"name": place}, elements=items)]


@dataclass
class OverpassState:
    places: list[Area] = field(default_factory=munich_and_graz)
    mode: Mode = "normal"
    times: int | None = None  # the failure mode applies this many times (None: for good)
    delay: float = 0.0
    requests: list[Query] = field(default_factory=list)
    user_agents: list[str] = field(default_factory=list)
    failed: int = 0

    def fail(self, mode: Mode, *, times: int | None = None, delay: float = 0.0) -> None:
        self.mode, self.times, self.delay, self.failed = mode, times, delay, 0

    def failing(self) -> bool:
        if self.mode == "normal" or (self.times is not None and self.failed >= self.times):
            return False
        self.failed += 1
        return True


STATE = web.AppKey("state", OverpassState)


class ParseError(ValueError):
    pass


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def _statements(ql: str) -> list[str]:
    """Statements split at ``;`` outside strings, whitespace collapsed (Overpass ignores it)."""
    out, current, quoted, escaped = [], [], False, False
    for ch in ql:
        if quoted:
            current.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                quoted = False
            continue
        if ch == '"':
            quoted = True
            current.append(ch)
        elif ch == ";":
            out.append("".join(current))
            current = []
        else:
            current.append(ch)
    if quoted:
        raise ParseError("unterminated string")
    if "".join(current).strip():
        raise ParseError("statement without ';'")
    return [re.sub(r"\s+", " ", s).strip().replace("( ", "(").replace(" )", ")") for s in out]


def parse(ql: str) -> Query:
    statements = _statements(ql)
    if not statements or not (header := _HEADER.match(statements[0])):
        raise ParseError("missing [out:json][timeout:N] header")
    query = Query(timeout=int(header.group(1)), area_names=[], filters=[], limit=None, raw=ql)
    sets: dict[str, str] = {}
    block: list[str] | None = None
    for statement in statements[1:]:
        # A union starts with "(" glued to its first member: "(area[...]" after whitespace folding.
        if statement.startswith("("):
            block = []
            statement = statement[1:].strip()
        if block is not None and (end := _UNION_END.match(statement)):
            sets[end.group(1)] = "area" if all(s.startswith("area") for s in block) else "nwr"
            block = None
            continue
        if block is not None:
            if (area := _AREA.match(statement)) is not None:
                query.area_names.append((_unescape(area.group(1)), _unescape(area.group(2))))
            elif (nwr := _NWR.match(statement)) is not None:
                if sets.get(nwr.group("set")) != "area":
                    raise ParseError(f"unknown area set .{nwr.group('set')}")
                query.filters.append([(_unescape(k), _unescape(v)) for k, v in _PAIR.findall(nwr.group("tags"))])
            else:
                raise ParseError(f"cannot read {statement[:60]!r}")
            block.append(statement)
            continue
        if (count := _OUT_COUNT.match(statement)) and sets.get(count.group(1)) == "area":
            continue
        if (tags := _OUT_TAGS.match(statement)) and sets.get(tags.group(1)) == "nwr":
            query.limit = int(tags.group(2)) if tags.group(2) else None
            continue
        raise ParseError(f"cannot read {statement[:60]!r}")
    return query


def _parse_error(message: str) -> web.Response:
    page = (f'<?xml version="1.0" encoding="UTF-8"?>\n<html><body><p><strong style="color:#FF0000">Error</strong>: '
            f"line 1: parse error: {message} </p></body></html>")
    return web.Response(status=400, text=page, content_type="text/html")


def _matches(tags: dict[str, str], filters: list[list[tuple[str, str]]]) -> bool:
    return any(all(v in tags.get(k, "").split(";") for k, v in f) for f in filters)


async def _interpreter(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    state.user_agents.append(request.headers.get("User-Agent", ""))
    form = await request.post() if request.method == "POST" else request.rel_url.query
    data = form.get("data")
    if not isinstance(data, str) or not data.strip():
        return _parse_error("no query")
    try:
        query = parse(data)
    except ParseError as exc:
        return _parse_error(str(exc))
    state.requests.append(query)
    remark = None
    if state.failing():
        if state.mode == "busy":
            return web.Response(status=429, text="<html><body>Too Many Requests</body></html>",
                                content_type="text/html")
        if state.mode == "overloaded":
            return web.Response(status=504, text="<html><body>504 Gateway Timeout</body></html>",
                                content_type="text/html")
        if state.mode == "malformed":
            return web.Response(text='{"version": 0.6, "elements": [', content_type="application/json")
        if state.mode == "slow":
            await asyncio.sleep(state.delay)
        if state.mode == "remark":
            remark = f"runtime error: Query timed out in \"query\" at line 9 after {query.timeout} seconds."
    names = set(query.area_names)
    areas = [a for a in state.places if any((k, v) in names for k, v in a.names.items())]
    seen: set[tuple[str, int]] = set()
    elements: list[dict[str, Any]] = []
    for area in areas:
        for item in area.elements:
            key = (item["type"], item["id"])
            if key not in seen and _matches(item["tags"], query.filters):
                seen.add(key)
                elements.append(item)
    if remark:
        elements = elements[:1]
    if query.limit is not None:
        elements = elements[:query.limit]
    count = {"type": "count", "id": 0, "tags": {"nodes": "0", "ways": "0", "relations": "0",
                                                 "areas": str(len(areas)), "total": str(len(areas))}}
    body: dict[str, Any] = {"version": 0.6, "generator": "Overpass API (loopback stand-in)",
                            "osm3s": {"copyright": "The data included in this document is from www.openstreetmap.org. "
                                                   "The data is made available under ODbL."},
                            "elements": [count, *elements]}
    if remark:
        body["remark"] = remark
    return web.json_response(body)


@contextlib.asynccontextmanager
async def overpass_server(state: OverpassState | None = None) -> AsyncIterator[tuple[str, OverpassState]]:
    """Serve the fake Overpass API on a free loopback port; yields ``(interpreter_url, state)``."""
    state = state or OverpassState()
    app = web.Application()
    app[STATE] = state
    app.router.add_route("*", "/api/interpreter", _interpreter)
    runner = web.AppRunner(app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0)
    await runner.setup()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    site = web.SockSite(runner, sock, shutdown_timeout=1.0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/api/interpreter", state
    finally:
        await runner.cleanup()
        sock.close()
