"""Postal address of the company: street, postal code, city, country."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .country import US_STATES
from .dom import COMPANY, Line, ParsedPage
from .site import Site
from .textutil import fold, snippet, words

# A dash between spaces separates segments, except after a country prefix ("CH - 3000 Bern").
# " - " separates parts, except in a house-number range ("Musterstraße 83 - 91").
# (a dash before a bare street type, "Johann Muster - Strasse 4", joins the words of one street's name: rules round 20)
_SEG_SPLIT_RE = re.compile(r"\s*(?:[|·•;,]|(?<!\bCH)(?<!\bD)(?<!\bA)(?<!\bAT)(?<!\bDE)(?<!\bFL)(?<!\d)\s[\u2013—-]\s"
                           r"(?!(?:Str\.|Stra(?:ß|ss)e|Gasse|Weg|Platz|Allee)\s?\d)"
                           r"|(?<=\d)\s[\u2013—-]\s(?!\d{1,3}[a-zA-Z]?\b(?!\.)))\s*")
_DACH_RE = re.compile(
    # the country prefix after a dash or (rules round 17) a bare space: "D-12345 Musterstadt", "DE 12345 Musterstadt"
    r"^(?:(?P<cc>D|A|AT|CH|DE|FL)(?:\s?[-\u2013]\s?|\s))?(?P<plz>\d{4,5})\s+(?P<city>[A-ZÄÖÜ][^\d|·•,;]{1,50}?)\s*$"
)
_UK_RE = re.compile(r"^(?:(?P<city>[A-Z][A-Za-z .'-]{1,40}?)\s+)?(?P<pc>[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})$")
_US_RE = re.compile(r"^(?P<st>[A-Z]{2})\s+(?P<zip>\d{5})(?:-\d{4})?$")
_STREET_DE_RE = re.compile(
    # "21a-c": a range of letters after the number (rules round 20)
    r"^[A-ZÄÖÜa-zäöüß][\w.'\u2019\-\u2013äöüßÄÖÜéè ]{1,60}?\s?\d{1,4}\s?[a-zA-Z]?"
    r"(?:\s?[-\u2013/]\s?\d{1,4}\s?[a-zA-Z]?)*"
    r"(?:(?<=\d[a-z])[-\u2013][a-z])?"
    r"(?:\s?/\s?(?:Stiege|Stg\.?|Top|T(?:ü|ue)r)\s?\d{1,4}[a-zA-Z]?)*$"  # Vienna: "…24/Stiege 2/Top 5"
)
_STREET_EN_RE = re.compile(r"^\d{1,5}[A-Za-z]?(?:-\d{1,5})?\s+[A-Z][\w.'\u2019\- ]{2,60}?$")
_DESIGNATOR_RE = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)\s+floor|floor\s+\d+|suite\s+\w+|ste\.?\s+\w+|unit\s+\w+|apt\.?\s+\w+|#\s?\d+|"
    r"\d+\.\s?(?:og|stock|etage|obergeschoss)|c/o\b.*|(?:hinterhaus|vorderhaus|gebäude\s+\w+|haus\s+\w)$)",
    re.I,
)
_TRAILING_DESIGNATOR_RE = re.compile(r"\s*(?:,\s*)?(?:#\s?\d+\w*|(?:Suite|Ste\.?|Unit|Apt\.?)\s+\w+)$", re.I)
_NOT_STREET_RE = re.compile(
    r"postfach|p\.?\s?o\.?\s+box|\btel\b|telefon|phone|\bfax|@|https?:|www\.|\bhr[ab]\b|gmbh|\bag\b|\bkg\b|"
    r"\bltd\b|\binc\b|\bllc\b|\buhr\b|€|\bfn\b|\bust\b|\buid\b|\bseit\b|\bsince\b|\bjahre|\byears\b|"
    r"mitarbeiter|employees|öffnungszeiten|\bmontag|\bmo\b|\bfr\b|\bhalle\s\d|\bstand\s\d|\bnr\.|\bnummer|"
    r"\biban\b|\bkonto|"
    # an association's legal form: "Schachfreunde Musterstadt e.V. 1963" ends in its founding year, not a house number
    r"\be\.\s?v\b",
    re.I,
)
_CITY_CUT_RE = re.compile(
    r"\s+(?:tel\.?|telefon|phone|fax|e-?mail|email|mail|www\.|http|deutschland|germany|(?:ö|o)sterreich|austria|"
    r"schweiz|switzerland|suisse|united kingdom|usa)\b.*$|\s*\((?![A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?\)$).*$|"
    r"\s+-\s.*$",
    re.I,
)
_CITY_STOP = words(
    "mitarbeiter mitarbeitende mitarbeiterinnen kunden mitglieder mitgliedern einheiten euro eur jahre "
    "jahren stunden uhr stück projekte anlagen besucher nutzer teilnehmer kilometer meter quadratmeter "
    "personen menschen tage minuten mal mio mrd zimmer betten plätze fahrzeuge lkw standorte filialen "
    "wohnungen gäste seiten mandanten patienten schüler studenten kinder fans follower sterne bewertungen"
)
_COUNTRY_WORDS = (
    (re.compile(r"^(?:deutschland|germany|bundesrepublik deutschland|de)$", re.I), "DE"),
    # "Osterreich": the umlaut dropped, as a site without umlauts prints it (rules round 17)
    (re.compile(r"^(?:österreich|oesterreich|osterreich|austria|at)$", re.I), "AT"),
    (re.compile(r"^(?:schweiz|switzerland|suisse|svizzera|ch)$", re.I), "CH"),
    (re.compile(r"^(?:united kingdom|uk|england|great britain|gb|scotland|wales)$", re.I), "GB"),
    (re.compile(r"^(?:usa|united states(?: of america)?|u\.s\.a\.|us)$", re.I), "US"),
    (re.compile(r"^(?:liechtenstein)$", re.I), "LI"),
)
_CC = {"D": "DE", "DE": "DE", "A": "AT", "AT": "AT", "CH": "CH", "FL": "LI"}
_AT_CITIES = words(
    "wien, vienna, graz, linz, salzburg, innsbruck, klagenfurt, villach, wels, st. pölten, sankt pölten, dornbirn, "
    "wiener neustadt, steyr, feldkirch, bregenz, leonding, klosterneuburg, leoben, krems, traun, amstetten, "
    "lustenau, kapfenberg, mödling, hallein, kufstein, braunau, schwechat, stockerau, saalfelden, ansfelden, tulln, "
    "hohenems, bludenz, eisenstadt, schwaz, wolfsberg, gmunden, liezen, zell am see",
    ",",
)
_CH_CITIES = words(
    "zürich, zurich, genf, genève, geneva, basel, bern, lausanne, winterthur, luzern, st. gallen, lugano, biel, "
    "bienne, thun, köniz, fribourg, schaffhausen, chur, vernier, neuchâtel, uster, sion, emmen, zug, yverdon, "
    "kriens, rapperswil-jona, dübendorf, dietikon, montreux, frauenfeld, wetzikon, baar, riehen, meyrin, carouge, "
    "wädenswil, aarau, allschwil, olten, solothurn, bellinzona, locarno, davos",
    ",",
)


@dataclass
class AddressCandidate:
    street: str | None
    postal_code: str
    city: str
    country: str | None
    score: float
    url: str
    snippet: str
    line_index: int = -1


def country_word(text: str) -> str | None:
    t = text.strip(" .,")
    for rx, c in _COUNTRY_WORDS:
        if rx.match(t):
            return c
    return None


_CITY_PARTICLES = words("am an der den im in ob bei vor upon on the de la sur en i. a. d. b. o.")
_ABBREVIATED_END_RE = re.compile(r"\s(?:[a-zäöü]\.\s?)[A-ZÄÖÜ][a-zäöü]{0,2}\.$")


_AT_STATE_END_RE = re.compile(r",?\s+(?:O\.?\s?Ö|N\.?\s?Ö|Stmk|Ktn|Sbg|Vbg|Bgld)\.?$")


def _clean_city(city: str) -> str:
    head, paren, _ = city.partition(")")
    city = _CITY_CUT_RE.sub("", head + paren).strip(" ,:;-\u2013")
    abbreviated = bool(_ABBREVIATED_END_RE.search(city))  # "Rothenburg o. T.": the last dot is the abbreviation's
    city = re.sub(r"\s+", " ", city.strip(" ."))
    # "4081 Hartkirchen OÖ": an Austrian Bundesland after the town is a region, no part of the locality's name
    # (LABELLING.md v7; unlike the Swiss canton letters of "Pfäffikon SZ", which are)
    city = _AT_STATE_END_RE.sub("", city) or city
    # "Unna in Betrieb genommen": a city is capitalised words joined by a few particles only.
    words = city.split(" ")
    for i, w in enumerate(words):
        if not (w[:1].isupper() or w.lower() in _CITY_PARTICLES or (w[:1] == "(" and w[1:2].isupper())):
            return " ".join(words[:i]).strip(" .,") if i else ""
    return city + "." if abbreviated else city


# A pictograph or bullet printed before the address ("📍 Lindenweg 4", "➤ 12345 Stadt"): the icon, no part of it.
# (pictographs, dingbats, arrows, geometric shapes and bullets only: "© 2025 Muster" is no postal line)
_LEAD_SYMBOL_RE = re.compile("^[\U0001F300-\U0001FAFF\u2600-\u27BF\u2190-\u21FF\u25A0-\u25FF\u2022\u00B7\uFE0F\\s]+")


def _strip_label(seg: str) -> str:
    seg = _LEAD_SYMBOL_RE.sub("", seg)
    m = re.match(r"^[^:]{2,40}:\s*(.+)$", seg)
    return m.group(1).strip() if m else seg.strip()


# A label word printed without a colon before the street: "Adresse Lindenweg 3", "Office Elm Street 9".
_LEAD_WORD_RE = re.compile(
    r"^(?:adresse|anschrift|address|postanschrift|postadresse|sitz|firmensitz|hauptsitz|office|büro|buero|"
    r"hauptbüro|standort|besucheradresse|geschäftsstelle|geschaeftsstelle|"
    # the role that closes the person's line before it: "Anna Muster, Geschäftsführerin Lindenweg 3"
    r"gesch(?:ä|ae)ftsf(?:ü|ue)hrer(?:in)?|inhaber(?:in)?|owner|managing\s+director)\s+(?=\S)",
    re.I,
)


def _street_ok(seg: str, country: str | None) -> str | None:
    seg = _LEAD_WORD_RE.sub("", _strip_label(seg))
    if not seg or _NOT_STREET_RE.search(seg):
        return None
    if " / " in seg and not _DOOR_NUMBERS_RE.search(seg):  # a corner address: "Lindenplatz 2 / Kirchgasse 5"
        parts = [_street_ok(p, country) for p in seg.split(" / ")]
        return seg if all(parts) else None
    seg = _TRAILING_DESIGNATOR_RE.sub("", seg).strip(" ,")
    glued = _GLUED_NUMBER_RE.fullmatch(seg)
    if glued and not _STREET_SUFFIX_RE.search(glued.group(1)):
        return None  # "Klarumzug24", "Studio54": a brand with a number in it; "Lindenweg12" keeps its street word
    if country in ("GB", "US"):
        return seg if _STREET_EN_RE.match(seg) else None
    if _STREET_DE_RE.match(seg) and not re.fullmatch(r"[\d\s/-]+", seg):
        return seg
    if _STREET_EN_RE.match(seg) and country not in ("DE", "AT", "CH"):
        return seg
    return None


# A house number with its staircase and door after spaced slashes ("Ahorngasse 22 / 1 / 3", Vienna): one street, no
# corner of two (rules round 20)
_DOOR_NUMBERS_RE = re.compile(r"\s\d{1,4}\s?[a-zA-Z]?(?:\s/\s\d{1,4}[a-zA-Z]?)+$")
# One word glued to its number, without a space: a street only when the word ends in a street type.
_GLUED_NUMBER_RE = re.compile(r"([A-Za-zÄÖÜäöüß.-]+)\d{1,4}[a-z]?")
_STREET_SUFFIX_RE = re.compile(r"(?:str\.?|stra(?:ß|ss)e|weg|gasse|platz|allee|ring|damm|kamp|ufer|chaussee|steig|pfad|"
                               r"markt|graben|wall|zeile|park|anger|steg)$", re.I)
# "85413 - Musterhausen": a dash between a German postal code and its town (five digits: no year range).
_DASHED_PLZ_RE = re.compile(r"(?<![\d/+-])(\d{5})\s[-\u2013]\s(?=[A-ZÄÖÜ][a-zäöüß]+(?:$|[\s,]))")


def _segments(text: str) -> list[str]:
    if " - " in text or " \u2013 " in text:
        text = _DASHED_PLZ_RE.sub(r"\1 ", text)
    return [s for s in _SEG_SPLIT_RE.split(text) if s]


def _find_street(segs_before: list[str], prev_lines: list[Line], country: str | None) -> str | None:
    """Walk backwards over the segments before the postal code, then the previous lines."""
    for seg in reversed(segs_before):
        if _DESIGNATOR_RE.match(seg.strip()):
            continue
        return _street_ok(seg, country)
    for line in prev_lines:
        segs = _segments(line.text)
        for seg in reversed(segs):
            if _DESIGNATOR_RE.match(seg.strip()):
                continue
            street = _street_ok(seg, country)
            if street:
                return street
            break
        else:
            continue
        if not _DESIGNATOR_RE.match(line.text.strip()):
            return None
    return None


_SUFFIX_AT_CH = {"at": "AT", "co.at": "AT", "or.at": "AT", "ch": "CH"}


def _dach_country(cc: str | None, plz: str, city: str, after: str, site: Site) -> str | None:
    if cc:
        return _CC.get(cc.upper())
    word = country_word(after)
    if word:
        return word
    if len(plz) == 5:
        return "DE"
    if site.region in ("AT", "CH"):
        return site.region
    if site.suffix in _SUFFIX_AT_CH:
        return _SUFFIX_AT_CH[site.suffix]  # a four-digit postal code on a .at/.ch site outvoted by German branches
    return four_digit_country(city)


_CANTON_END_RE = re.compile(r"\s(?:ZH|BE|LU|UR|SZ|OW|NW|GL|ZG|FR|SO|BS|BL|SH|AR|AI|SG|GR|AG|TG|TI|VD|VS|NE|GE|JU)$")
_AT_REGION_RE = re.compile(r"\b(?:Tirol|Vorarlberg|K(?:ä|ae)rnten|Steiermark|Nieder(?:ö|oe)sterreich|"
                           r"Ober(?:ö|oe)sterreich|Burgenland)\b")


def four_digit_country(city: str) -> str | None:
    """The country of a four-digit postal code's town (a German code has five digits): a canton's letters after the
    town ("Rüti ZH") say Switzerland, a state's name in it ("Sankt Johann in Tirol") Austria, else the known towns."""
    if _CANTON_END_RE.search(city):
        return "CH"
    if _AT_REGION_RE.search(city):
        return "AT"
    c = fold(city).replace("ue", "ü").replace("oe", "ö")
    if city.lower() in _AT_CITIES or c in _AT_CITIES:
        return "AT"
    if city.lower() in _CH_CITIES or c in _CH_CITIES:
        return "CH"
    return None


def address_candidates(site: Site) -> list[AddressCandidate]:
    out: list[AddressCandidate] = []
    for page in site.pages:
        lines = page.lines
        for i, line in enumerate(lines):
            if line.scope != COMPANY or not line.has_digit:
                continue
            segs = _segments(line.text)
            prev_lines = [lines[j] for j in range(i - 1, max(-1, i - 4), -1)
                          if lines[j].scope == COMPANY and lines[j].region == line.region]
            next_text = lines[i + 1].text if i + 1 < len(lines) else ""
            for k in range(len(segs)):
                cand = _candidate_from_segment(site, page, line, segs, k, prev_lines, next_text)
                if cand is not None:
                    out.append(cand)
    return out


def _candidate_from_segment(site: Site, page: ParsedPage, line: Line, segs: list[str], k: int,
                            prev_lines: list[Line], next_text: str) -> AddressCandidate | None:
    seg = _strip_label(segs[k])
    after = segs[k + 1] if k + 1 < len(segs) else next_text
    if 0 < k < len(segs) - 1 and re.fullmatch(r"\d{4,5}", seg) and (
            re.fullmatch(r"[A-ZÄÖÜ][^\d]{1,40}", segs[k + 1]) and _street_ok(_strip_label(segs[k - 1]), None)):
        # "Musterstrasse 5, 8000, Zurich, Switzerland": a comma between the postal code and the city, right after
        # the street (rules round 17; "© 2026, Anna Muster" is no address)
        seg, after = f"{seg} {segs[k + 1]}", segs[k + 2] if k + 2 < len(segs) else next_text
    m = _DACH_RE.match(seg)
    street: str | None
    if m:
        city = _clean_city(m.group("city"))
        if not city or city.split()[0].lower() in _CITY_STOP or len(city.split()) > 5:
            return None
        plz = m.group("plz")
        country = _dach_country(m.group("cc"), plz, city, after, site)
        if country is None:
            return None
        street = _find_street(segs[:k], prev_lines, country)
        postal = plz
    else:
        m_uk = _UK_RE.match(seg)
        m_us = _US_RE.match(seg)
        if m_uk:
            postal = re.sub(r"\s+", "", m_uk.group("pc"))
            postal = f"{postal[:-3]} {postal[-3:]}"
            city = (m_uk.group("city") or "").strip()
            rest = segs[:k]
            prev = prev_lines
            if not city:
                if rest:
                    city, rest = rest[-1].strip(), rest[:-1]
                elif prev_lines:
                    city, prev = prev_lines[0].text.strip(), prev_lines[1:]
            if not city or not re.fullmatch(r"[A-Z][A-Za-z .'-]{1,40}", city):
                return None
            country = "GB"
            street = _find_street(rest, prev, country)
        elif m_us and m_us.group("st") in US_STATES and k > 0:
            postal = m_us.group("zip")
            city = segs[k - 1].strip()
            if not re.fullmatch(r"[A-Z][A-Za-z .'-]{1,40}", city):
                return None
            country = "US"
            street = _find_street(segs[: k - 1], prev_lines, country)
        else:
            return None
    weight = min(page.weight, 1.2) if line.region in ("footer", "header", "nav") else page.weight
    score = weight + (2.0 if street else -1.0)
    if country and (m is None or m.group("cc") or country_word(after)):
        score += 0.3
    if street is None and len(postal) == 4 and m is not None and not m.group("cc"):
        score -= 1.0
    text = line.text
    return AddressCandidate(street=street, postal_code=postal, city=city, country=country, score=score,
                            url=page.url, snippet=snippet(text), line_index=line.index)


def choose_address(cands: list[AddressCandidate], name_lines: dict[str, set[int]]) -> AddressCandidate | None:
    """Group by (postal code, city) and pick the strongest; the street is the group's best street."""
    if not cands:
        return None
    for c in cands:
        near = name_lines.get(c.url, set())
        if any(c.line_index - d in near for d in range(0, 5)):
            c.score += 3.0
    groups: dict[tuple[str, str], list[AddressCandidate]] = {}
    for c in cands:
        groups.setdefault((c.postal_code, fold(c.city)), []).append(c)
    ranked = []
    for order, items in enumerate(groups.values()):
        items.sort(key=lambda c: -c.score)
        total = items[0].score + 0.25 * sum(c.score for c in items[1:5])
        ranked.append((total, -order, items))
    ranked.sort(key=lambda t: (t[0], t[1]), reverse=True)
    items = ranked[0][2]
    top = items[0]
    if top.street is None:
        streets = [c for c in items if c.street]
        if streets:
            top = AddressCandidate(street=streets[0].street, postal_code=top.postal_code, city=top.city,
                                   country=top.country or streets[0].country, score=top.score, url=top.url,
                                   snippet=top.snippet, line_index=top.line_index)
    return top


# ------------------------------------------------------------------ single segments (the provider block)
@lru_cache(maxsize=8192)
def street_of(seg: str, country: str | None) -> str | None:
    """The street of one segment ("Musterstraße 12 b", "Adresse: Am Markt 3"), or None."""
    return _street_ok(seg, country)


@lru_cache(maxsize=8192)
def postal_of(seg: str) -> tuple[str, str, str | None] | None:
    """(postal code, city, country from a prefix) of a DACH "12345 Stadt" / "CH - 8037 Zürich" segment."""
    m = _DACH_RE.match(_strip_label(seg).strip())
    if not m:
        return None
    city = _clean_city(m.group("city"))
    if not city or city.split()[0].lower() in _CITY_STOP or len(city.split()) > 5:
        return None
    cc = m.group("cc")
    return m.group("plz"), city, _CC.get(cc.upper()) if cc else None


def country_of(postal: str, city: str, prefix_country: str | None, after: str, site: Site) -> str | None:
    return prefix_country or _dach_country(None, postal, city, after, site)


def segments(text: str) -> list[str]:
    return _segments(text)


_PLZ_INLINE_RE = re.compile(r"(?<![\w.+/-])(?:(?:D|A|AT|CH|DE|FL)\s?[-\u2013]\s?)?\d{4,5}\s+(?=[A-ZÄÖÜ])")
_HOUSE_NO_END_RE = re.compile(r"\s\d{1,4}\s?[a-zA-Z]?(?:\s?[-\u2013/]\s?\d{1,4}\s?[a-zA-Z]?)*[\s,]*$")
_STREET_TYPE_RE = re.compile(
    r"^(?:str\.?|straße|strasse|weg|gasse|platz|allee|ring|damm|kamp|ufer|chaussee|steig|pfad|markt|graben|wall|"
    r"zeile|park|anger|steg|road|street|lane|avenue)$",
    re.I,
)
_STREET_PARTICLES = words("an am auf der die den dem im in zum zur alten alte neuen neue hinter vor bei von unter "
                          "ober obere untere oberer unterer")


def split_inline_address(text: str, is_given_name: Callable[[str], bool]) -> list[str]:
    """Cut a line that runs name, street and town together ("Papierladen Muster Lindenweg 3 01234 Musterstadt") at the
    street and the postal code, so that each part can be read as a line of its own."""
    for m in _PLZ_INLINE_RE.finditer(text):
        if m.start() == 0:
            continue
        head = text[: m.start()]
        if head.rstrip().endswith((",", ":")):
            return [text]  # "Musterweg 1, 12345 Stadt" and "Sitz: 1234 Stadt" are read by their separators
        hn = _HOUSE_NO_END_RE.search(head)
        if hn is None:
            continue
        toks = head[: hn.start()].split()
        if not toks or sum(c.isalpha() for c in toks[-1]) < 3:
            continue
        k = len(toks) - 1
        while k > 0:
            cur, prev = toks[k], toks[k - 1]
            if k >= 2 and is_given_name(toks[k - 2]):
                break  # "Max Müller Hauptstraße 1": the word before the street is a surname
            if prev.lower() in _STREET_PARTICLES or (_STREET_TYPE_RE.match(cur) and prev[:1].isupper()) or (
                    prev[:1].isupper() and prev.endswith("er") and len(prev) > 5 and cur[:1].isupper()
                    and not is_given_name(prev)):
                k -= 1
                continue
            break
        start = head.find(toks[k], len(" ".join(toks[:k])))
        out = [head[:start].rstrip(" ,"), head[start:].strip(" ,"), text[m.start() :]]
        return [p for p in out if p]
    return [text]
