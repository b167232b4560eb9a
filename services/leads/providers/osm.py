"""OpenStreetMap through the Overpass API: businesses of a type in a named place, with their website,
phone and address. No key; the data is © OpenStreetMap contributors under the ODbL, and every
result set carries that credit.

One POST per query (``data=`` Overpass QL): the place is resolved by name among administrative
boundaries and place areas (as written, and capitalised — "münchen" finds München; ``name:de`` and
``name:en`` too, so "Munich" works), its area count is reported first so an unknown place says so,
then every node, way and relation inside carrying one of the type's tag filters is listed with its
tags. Results with a website come first; the others are places without one, which the CLI lists
and the finder reports as skipped (nothing to crawl).
"""

from __future__ import annotations

import httpx

from .fetch import Hit, Pages, request_json
from .models import DiscoverySettings
from .osm_tags import PlaceQuery, TagFilter, parse_query

ATTRIBUTION = "© OpenStreetMap contributors, ODbL (https://www.openstreetmap.org/copyright)"
NAME_KEYS = ("name", "name:de", "name:en")
WEBSITE_KEYS = ("website", "contact:website", "url", "contact:url")
PHONE_KEYS = ("phone", "contact:phone", "contact:mobile", "mobile")
# Lower-case joining words inside a place name ("Frankfurt am Main", "Halle (Saale)" stays as typed).
_SMALL = frozenset({"am", "an", "der", "die", "das", "den", "im", "in", "ob", "bei", "vor", "auf", "unter", "und",
                    "on", "upon", "the", "of", "de", "la", "le", "sur"})
MAX_ELEMENTS = 2000


def _describe(status: int, message: str) -> str:
    said = f": {message}" if message else ""
    if status == 400:
        return f"osm: the Overpass server refused the query (400){said}"
    if status == 429:
        return ("osm: the Overpass server is busy with this address's earlier queries (429) — try again in a "
                "minute, or point OUTBOUND_OVERPASS_URL at another instance")
    if status in (502, 503, 504):
        return (f"osm: the Overpass server is overloaded ({status}) — try again later, or point "
                "OUTBOUND_OVERPASS_URL at another instance")
    if 300 <= status < 400:
        return f"osm: unexpected redirect ({status}) — check OUTBOUND_OVERPASS_URL"
    if status >= 500:
        return f"osm: server error ({status}){said}"
    return f"osm: unexpected HTTP {status}{said} — check OUTBOUND_OVERPASS_URL"


def quote(value: str) -> str:
    """An Overpass QL string literal: backslash and double quote escaped, line breaks dropped."""
    text = " ".join(value.split())
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def spellings(place: str) -> list[str]:
    """The place as written and capitalised the way names are ("münchen" → "München")."""
    words = []
    for i, word in enumerate(place.split()):
        if i and word.lower() in _SMALL:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return list(dict.fromkeys([place, " ".join(words)]))


def _filter_ql(tag_filter: TagFilter) -> str:
    return "".join(f"[{quote(key)}={quote(value)}]" for key, value in tag_filter.tags)


def build_query(parsed: PlaceQuery, *, timeout: int, limit: int) -> str:
    areas = [f"  area[{quote(key)}={quote(name)}]{kind};"
             for name in spellings(parsed.place) for key in NAME_KEYS
             for kind in ('["boundary"="administrative"]', '["place"]')]
    hits = [f"  nwr{_filter_ql(f)}(area.place);" for f in parsed.filters]
    return "\n".join([
        f"[out:json][timeout:{timeout}];",
        "(", *areas, ")->.place;",
        ".place out count;",
        "(", *hits, ")->.hits;",
        f".hits out tags {limit};",
    ])


def _first(tags: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = tags.get(key, "").split(";")[0].strip()
        if value:
            return value
    return None


def address(tags: dict[str, str]) -> str | None:
    street = " ".join(p for p in (tags.get("addr:street") or tags.get("addr:place"), tags.get("addr:housenumber")) if p)
    town = " ".join(p for p in (tags.get("addr:postcode"), tags.get("addr:city")) if p)
    return ", ".join(p for p in (street, town) if p) or None


def _hit(tags: dict[str, str], parsed: PlaceQuery) -> Hit:
    category = next((f.label for f in parsed.filters if f.matches(tags)), None)
    name = tags.get("name") or tags.get("brand") or tags.get("operator")
    return Hit(_first(tags, WEBSITE_KEYS), name, None, 0, name=name, phone=_first(tags, PHONE_KEYS),
               address=address(tags), category=category)


def _place_count(elements: list[object]) -> int | None:
    for element in elements:
        if isinstance(element, dict) and element.get("type") == "count":
            tags = element.get("tags")
            total = tags.get("total") if isinstance(tags, dict) else None
            try:
                return int(str(total))
            except ValueError:
                return None
    return None


async def search(client: httpx.AsyncClient, query: str, settings: DiscoverySettings) -> Pages:
    out = Pages()
    parsed = parse_query(query)
    limit = settings.search_max_results
    ql = build_query(parsed, timeout=settings.overpass_timeout, limit=min(MAX_ELEMENTS, max(100, limit * 4)))
    fetched = await request_json(client, "POST", settings.overpass_url or "", form={"data": ql}, provider="osm",
                                 describe=_describe)
    if fetched.data is None:
        out.errors.append(fetched.error or "osm: request failed")
        return out
    out.pages = 1
    remark = fetched.data.get("remark")
    if isinstance(remark, str) and remark.strip():
        # Overpass reports a query that ran out of time or memory here, with the results so far.
        out.errors.append(f"osm: {' '.join(remark.split())[:300]}")
    elements = fetched.data.get("elements")
    elements = elements if isinstance(elements, list) else []
    if _place_count(elements) == 0:
        out.errors.append(f"osm: OpenStreetMap knows no town, city or district called “{parsed.place}” — check "
                          "the spelling, or use the local name (München, Wien, Zürich)")
        return out
    hits = [_hit(e["tags"], parsed) for e in elements
            if isinstance(e, dict) and e.get("type") in ("node", "way", "relation") and isinstance(e.get("tags"), dict)]
    hits.sort(key=lambda hit: hit.url is None)  # stable: websites first, each group in Overpass's order
    for rank, hit in enumerate(hits[:limit], start=1):
        hit.rank = rank
        out.hits.append(hit)
    return out
