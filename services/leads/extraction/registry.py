"""Commercial register (court + number) and VAT id."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dom import COMPANY, Line, ParsedPage
from .site import Candidate, Site, make_candidate

# "HRB 1234", "HRB-Nr. 1234", "Hrbnr1234": the register kind in any case, "Nr" glued or not. The number may be
# printed in digit groups like a phone number ("HRB 25 41 40"): groups of two or three digits after the first, up to
# seven digits in all, run together (read only to the first group, "HRB 25" is another firm's entry).
_REG_RE = re.compile(
    r"\b(HRB|HRA|VR|PR|GnR|GsR|GenR|(?i:hr[ab])(?=\s*(?i:nr|nummer)?\.?\s*:?\s*\d))"
    r"\s*(?:(?i:nr|nummer)\.?\s*:?\s*|-\s*)?(\d{1,3}(?:[ \u00a0]\d{2,3}){1,2}(?![\d.,/:-])|\d{1,7})"
    r"(?:\s?(?!AG\b)([A-Z]{1,2})\b(?![.-]))?"
)
_FN_RE = re.compile(r"\b(?:FN\s*:?|Firmenbuch(?:nummer)?\s*:?\s*(?:FN)?)\s*(\d{1,7})\s?-?\s?([a-z])\b")
# The Austrian association register's ZVR number is not a register number in LABELLING.md's sense (HRB/HRA/VR/PR/
# GnR, FN, CHE UID): an association printing only its ZVR has none.
_CHE_RE = re.compile(r"\bCHE\s*[-\u2013]?\s*(\d{3})\.?(\d{3})\.?(\d{3})\b")
_MWST_AFTER_RE = re.compile(r"\s*(?:MWST|TVA|IVA|VAT)\b", re.I)
_UID_LABEL_RE = re.compile(r"\bUID|Unternehmens-?Id|Handelsregister|register", re.I)
_UK_REG_RE = re.compile(
    r"\b(?:company|registration|registered|reg\.?|companies\s+house|registered\s+in\s+(?:england(?:\s*(?:and|&)\s*"
    r"wales)?|scotland|wales|northern\s+ireland)(?:\s+under)?(?:\s+company)?)\s*(?:no\.?|number|nr\.?|#)\s*:?\s*"
    r"((?:SC|NI|OC|SO|NC|R0)?\d{6,8})\b",
    re.I,
)
_UK_COURT_RE = re.compile(r"england\s*(?:and|&)\s*wales|scotland|northern ireland|companies house", re.I)

_COURT_RE = re.compile(
    r"\b(?P<kind>Amtsgerichts?|Landesgerichts?(?:\s+f(?:ü|ue)r\s+ZRS)?|Handelsgerichts?|Registergerichts?|"
    r"Landgerichts?)\s+(?P<city>[A-ZÄÖÜ][\w.\-äöüß]*(?:\s+(?:am|an\s+der|im|in\s+der|ob\s+der|i\.|a\.|[A-ZÄÖÜ])"
    r"[\w.\-äöüß]*)*)"
)
_REGISTERGERICHT_RE = re.compile(
    r"\b(?:Registergericht|Register\s+court|Firmenbuchgericht|Gericht)\s*:?\s*"
    r"(?:(?:AG|Amtsgericht|(?i:local|district)\s+(?i:court)(?:\s+of)?)\s+)?(?P<city>[A-ZÄÖÜ][\w.\-äöüß]*(?:\s+(?:am|an\s+der|im|i\.|a\.)\s+[A-ZÄÖÜ][\w.\-äöüß]*)?)"
    r"(?P<en>\s+(?:Local|District)\s+Court)?"
)
_EN_COURT_RE = re.compile(r"\b(?:Local|District)\s+[Cc]ourt\s+(?:of\s+)?(?P<city>[A-ZÄÖÜ][\w\-äöüß]+)")
_CH_COURT_RE = re.compile(
    r"\b(?P<office>Handelsregister(?:amt)?)\s*(?:des\s+Kantons|Kanton|:\s*Kanton|:\s*Kt\.|Kt\.)\s+(?P<canton>[A-ZÄÖÜ][\w\-äöüß.]+"
    r"(?:\s+[A-ZÄÖÜ][\w\-äöüß]+)?)"
)
_CH_COURT_EN_RE = re.compile(
    r"\bcommercial\s+register\s+of\s+the\s+canton\s+(?:of\s+)?(?P<canton>[A-ZÄÖÜ][\w\-äöüß.]+)", re.I
)
_CH_OFFICE_RE = re.compile(r"\b(?P<office>Handelsregisteramt)\s*:\s*(?!Kanton|Kt\.)(?P<canton>[A-ZÄÖÜ][\w\-äöüß]+)")
_AT_COURT_RE = re.compile(r"\bFirmenbuchgericht\s*:?\s*(?P<kind>Bezirksgericht|Landesgericht|Handelsgericht)\s+"
                          r"(?P<city>[A-ZÄÖÜ][\w\-äöüß]+)")
_AG_SHORT_RE = re.compile(r"\bAG\s+(?P<city>[A-ZÄÖÜ][\w\-äöüß]+(?:\s\([A-ZÄÖÜ][\w\-äöüß]+\))?)"
                          r"(?=,?\s*(?:HR[AB]|VR|PR)\b)")
_CITY_TAIL_STOP = re.compile(
    r"\s+(?:HR[AB]|VR|PR|GnR|unter|Nr|Reg|Register\w*|FN|USt|UID|Sitz|Handelsregister)\b.*$"
    r"|(?<=[a-zäöüß]{3})\.\s.*$"  # sentence end: "Amtsgericht Leipzig. Registernummer: …"
)

_VAT_RES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bDE\s?((?:\d\s?){8}\d)\b(?!\s?\d)"), "DE"),  # "DE 123 456 789", "DE12 345 6789"
    (re.compile(r"\bATU\s?((?:\d\s?){7}\d)\b(?!\s?\d)"), "ATU"),  # "ATU12345678", "ATU 1234 5678"
    (re.compile(r"\bCHE\s*[-\u2013]?\s*(\d{3})\.?(\d{3})\.?(\d{3})\s*(MWST|TVA|IVA|VAT)\b", re.I), "CHE"),
    (re.compile(r"\bGB\s?(\d{3})\s?(\d{4})\s?(\d{2})(\s?\d{3})?\b(?!\s?\d)"), "GB"),
)
_DE_SEPARATED_RE = re.compile(r"\bDE\s?(\d{2,3}/\d{3}\s?/?\s?\d{3,4})\b(?![\s/]?\d)")
_VAT_LABEL_RE = re.compile(r"ust|umsatzsteuer|\bvat\b|\buid\b|mwst|mehrwertsteuer|\btva\b|\biva\b|steuer-?id", re.I)
_VAT_LABEL_VALUE_RE = re.compile(
    r"(?:vat\s*(?:reg(?:istration)?\.?)?\s*(?:no\.?|number|nr\.?)|mwst-?nr\.?|mehrwertsteuernummer)\s*:?\s*"
    r"((?:GB)?\s?\d{3}\s?\d{4}\s?\d{2})\b",
    re.I,
)
_VAT_HINT_RE = re.compile(r"(?:DE|ATU|CHE|GB)[-\s]?\d|vat|mwst|mehrwert|reg(?:istration)?\.?\s*no", re.I)
_NOT_VAT_LABEL_RE = re.compile(r"weee|elektrog|(?<!mehrwert)steuernummer|\bst\.?-?nr|wirtschafts-?id|gln|ean", re.I)
_EXPECTED_REGISTER = {
    "GmbH": "HRB", "UG (haftungsbeschränkt)": "HRB", "gUG (haftungsbeschränkt)": "HRB", "AG": "HRB", "SE": "HRB",
    "KGaA": "HRB", "gGmbH": "HRB",
    "KG": "HRA", "GmbH & Co. KG": "HRA", "OHG": "HRA", "e.K.": "HRA", "UG (haftungsbeschränkt) & Co. KG": "HRA",
    "AG & Co. KG": "HRA", "SE & Co. KG": "HRA", "GmbH & Co. KGaA": "HRB",
    "e.V.": "VR", "PartG": "PR", "PartG mbB": "PR", "eG": "GnR",
}


@dataclass
class RegisterHit:
    cand: Candidate
    kind: str  # HRB / HRA / FN / CHE / UK …
    page: ParsedPage
    line: Line


# German court towns an English imprint spells in English ("Local court Cologne"): an Amtsgericht's name is German, and
# the German imprint of the same site prints it so (rules round 20)
_GERMAN_TOWN = {"Cologne": "Köln", "Munich": "München", "Nuremberg": "Nürnberg", "Hanover": "Hannover",
                "Brunswick": "Braunschweig", "Mayence": "Mainz", "Aix-la-Chapelle": "Aachen"}


def amtsgericht(town: str) -> str:
    """The register court of a German town: "Amtsgericht <town>", the town in German."""
    return f"Amtsgericht {_GERMAN_TOWN.get(town, town)}"


def _usable(line: Line) -> bool:
    # The general partner's own register entry must not become the KG's.
    return line.scope == COMPANY


_REG_HINT_RE = re.compile(r"HR[AB]|Hr[ab]|VR|PR|GnR|GsR|GenR|FN|ZVR|CHE|Firmenbuch|[Cc]ompan|[Rr]egist|[Rr]eg\.")
_COURT_HINTS = ("gericht", "regist", "court", "companies house", "england", "scotland", "wales", "kanton", "hrb", "hra")


def register_hits(site: Site) -> list[RegisterHit]:
    hits: list[RegisterHit] = []
    for page in site.pages:
        for line in page.lines:
            if not _usable(line) or not line.has_digit or not _REG_HINT_RE.search(line.text):
                continue
            text = line.text
            for m in _REG_RE.finditer(text):
                kind = m.group(1).upper() if m.group(1).lower() in ("hra", "hrb") else m.group(1)
                number = re.sub(r"[ \u00a0]", "", m.group(2))
                if len(number) > 7:  # nine digits in groups: no register number, read the first group as before
                    number = m.group(2).split()[0]
                value = f"{kind} {number}" + (f" {m.group(3)}" if m.group(3) else "")
                hits.append(_hit(value, kind, page, line, m.start(), m.end()))
            for m in _FN_RE.finditer(text):
                hits.append(_hit(f"FN {m.group(1)} {m.group(2)}", "FN", page, line, m.start(), m.end()))
            for m in _CHE_RE.finditer(text):
                value = f"CHE-{m.group(1)}.{m.group(2)}.{m.group(3)}"
                # Printed only as the MWST number, the UID is the VAT id; a register entry printed beside it wins.
                vat_only = bool(_MWST_AFTER_RE.match(text, m.end())) and not _UID_LABEL_RE.search(text[: m.start()])
                hit = _hit(value, "CHE-MWST" if vat_only else "CHE", page, line, m.start(), m.end())
                if vat_only:
                    hit.cand.score -= 1.0
                hits.append(hit)
            for m in _UK_REG_RE.finditer(text):
                hits.append(_hit(m.group(1).upper(), "UK", page, line, m.start(), m.end()))
            bare = _BARE_REG_NO_RE.search(text) if site.region != "AT" else None
            if bare is not None and not _REG_RE.search(text) and any(
                    "vereinsregister" in ln.text.lower() for ln in page.lines[max(0, line.index - 3) : line.index + 1]):
                # "Eintragung im Vereinsregister … Registernummer: 1731": the page states the register, the number
                # is a VR number printed without its letters (LABELLING.md v7); an Austrian ZVR number is none
                hits.append(_hit(f"VR {bare.group(1)}", "VR", page, line, bare.start(), bare.end()))
    return hits


_BARE_REG_NO_RE = re.compile(r"\b(?:vereins)?regist(?:er)?-?\s?(?:nummer|nr\.?)\s*:?\s*(\d{1,6})\b(?![./-]?\d)", re.I)


def _hit(value: str, kind: str, page: ParsedPage, line: Line, start: int, end: int) -> RegisterHit:
    score = page.weight + (0.5 if line.region == "main" else 0.0)
    return RegisterHit(make_candidate(value, score, page, line.text, start, end), kind, page, line)


def choose_register(site: Site, legal_form: str | None,
                    country: str | None = None) -> tuple[Candidate | None, Candidate | None]:
    """The register number (and court). Swiss firms are identified by their UID, Austrian ones by the FN;
    German ones by the register the legal form belongs in."""
    hits = register_hits(site)
    if not hits:
        return None, _court_anywhere(site)
    expected = {"CH": "CHE", "AT": "FN"}.get(country or "") or _EXPECTED_REGISTER.get(legal_form or "")
    for h in hits:
        if expected and h.kind == expected:
            h.cand.score += 3.0
        if h.kind in ("HRB", "HRA", "FN", "VR", "PR", "GnR"):
            h.cand.score += 1.0
    totals: dict[str, float] = {}
    for h in hits:
        totals[h.cand.value] = totals.get(h.cand.value, 0.0) + h.cand.score
    top_value = max(totals, key=lambda v: totals[v])
    top = max((h for h in hits if h.cand.value == top_value), key=lambda h: h.cand.score)
    number = Candidate(value=top_value, score=totals[top_value], url=top.cand.url, snippet=top.cand.snippet)
    court = _court_near(top) or _court_anywhere(site)
    if court is None and top.kind == "UK":
        court = make_candidate("Companies House", top.cand.score, top.page, top.line.text)
    return number, court


def _court_in_line(line: Line, page: ParsedPage) -> Candidate | None:
    text = line.text
    low = text.lower()
    if not any(h in low for h in _COURT_HINTS):
        return None
    m = _CH_COURT_RE.search(text)
    if m:
        return make_candidate(f"{m.group('office')} des Kantons {m.group('canton').strip(' .,')}", page.weight,
                              page, text, m.start(), m.end())
    m = _CH_COURT_EN_RE.search(text)
    if m:
        return make_candidate(f"Handelsregister des Kantons {m.group('canton').strip(' .,')}", page.weight, page,
                              text, m.start(), m.end())
    m = _CH_OFFICE_RE.search(text)
    if m:  # "Handelsregisteramt: Aargau"
        return make_candidate(f"{m.group('office')} {m.group('canton')}", page.weight, page, text, m.start(), m.end())
    m = _AT_COURT_RE.search(text)
    if m:  # "Firmenbuchgericht: Bezirksgericht Wien"
        return make_candidate(f"{m.group('kind')} {m.group('city')}", page.weight, page, text, m.start(), m.end())
    m = _AG_SHORT_RE.search(text)
    if m:  # "AG Berlin (Charlottenburg) HRB 12345 B": the register court written short
        return make_candidate(amtsgericht(m.group("city")), page.weight, page, text, m.start(), m.end())
    m = _COURT_RE.search(text)
    if m and not m.group("kind").lower().startswith("registergericht"):
        kind = m.group("kind")
        kind = re.sub(r"s$", "", kind.split()[0]) + (kind[len(kind.split()[0]):] if " " in kind else "")
        kind = kind.replace("Landgericht", "Landesgericht") if "ZRS" in kind else kind
        city = _CITY_TAIL_STOP.sub("", m.group("city")).strip(" .,")
        return make_candidate(f"{kind} {city}", page.weight, page, text, m.start(), m.end())
    m = _EN_COURT_RE.search(text)
    if m:
        return make_candidate(amtsgericht(m.group("city")), page.weight, page, text, m.start(), m.end())
    m = _REGISTERGERICHT_RE.search(text)
    if m:
        city = _CITY_TAIL_STOP.sub("", m.group("city")).strip(" .,")
        if city.lower() not in ("amtsgericht", "handelsregister"):
            return make_candidate(amtsgericht(city), page.weight, page, text, m.start(), m.end())
    if _UK_COURT_RE.search(text) and re.search(r"regist|company", text, re.I):
        return make_candidate("Companies House", page.weight, page, text)
    return None


def _court_near(hit: RegisterHit) -> Candidate | None:
    lines = hit.page.lines
    idx = hit.line.index
    order = [idx, idx - 1, idx + 1, idx - 2, idx + 2, idx - 3]
    for i in order:
        if 0 <= i < len(lines) and _usable(lines[i]):
            c = _court_in_line(lines[i], hit.page)
            if c is not None:
                return c
    return None


def _court_anywhere(site: Site) -> Candidate | None:
    best: Candidate | None = None
    for page in site.pages:
        for line in page.lines:
            if not _usable(line):
                continue
            c = _court_in_line(line, page)
            if c is not None and (best is None or c.score > best.score):
                best = c
    return best


_SEAT_VAT_PREFIX = {"DE": "DE", "AT": "ATU", "CH": "CHE", "GB": "GB"}


def choose_vat(site: Site, seat_country: str | None = None) -> Candidate | None:
    """The VAT id; of two (a German branch's and the Swiss seat's) the one of the seat's country."""
    cands: list[Candidate] = []
    for page in site.pages:
        prev_text = ""
        for line in page.lines:
            text = line.text
            if line.scope != COMPANY or not line.has_digit or _NOT_VAT_LABEL_RE.search(text[:40]):
                prev_text = text
                continue
            if not _VAT_HINT_RE.search(text):
                prev_text = text
                continue
            labelled = bool(_VAT_LABEL_RE.search(text) or _VAT_LABEL_RE.search(prev_text))
            for rx, kind in _VAT_RES:
                for m in rx.finditer(text):
                    if kind == "DE":
                        value = "DE" + re.sub(r"\s", "", m.group(1))
                    elif kind == "ATU":
                        value = "ATU" + re.sub(r"\s", "", m.group(1))
                    elif kind == "CHE":
                        value = f"CHE-{m.group(1)}.{m.group(2)}.{m.group(3)} MWST"
                    else:
                        value = "GB" + "".join(g.strip() for g in m.groups() if g)
                    score = page.weight + (2.0 if labelled else 0.0)
                    cands.append(make_candidate(value, score, page, text, m.start(), m.end()))
            m2 = _VAT_LABEL_VALUE_RE.search(text)
            if m2:
                digits = re.sub(r"\D", "", m2.group(1))
                if len(digits) == 9 and site.region == "GB":
                    cands.append(make_candidate("GB" + digits, page.weight + 2.0, page, text, m2.start(), m2.end()))
            if labelled and "/" in text:
                for m in _DE_SEPARATED_RE.finditer(text):
                    digits = re.sub(r"\D", "", m.group(1))
                    if len(digits) == 9:  # "USt-IdNr. DE 123/456 789": a VAT id with a tax number's separators
                        cands.append(make_candidate("DE" + digits, page.weight + 1.5, page, text, m.start(), m.end()))
            if labelled and re.search(r"mwst|mehrwertsteuer|tva|\bvat\b", text + " " + prev_text, re.I):
                for m in _CHE_RE.finditer(text):
                    value = f"CHE-{m.group(1)}.{m.group(2)}.{m.group(3)} MWST"
                    cands.append(make_candidate(value, page.weight + 1.0, page, text, m.start(), m.end()))
            prev_text = text
    if not cands:
        return None
    prefix = _SEAT_VAT_PREFIX.get(seat_country or "")
    if prefix and any(c.value.startswith(prefix) for c in cands):
        cands = [c for c in cands if c.value.startswith(prefix)]
    totals: dict[str, float] = {}
    for c in cands:
        totals[c.value] = totals.get(c.value, 0.0) + c.score
    top = max(totals, key=lambda v: totals[v])
    first = max((c for c in cands if c.value == top), key=lambda c: c.score)
    return Candidate(value=top, score=totals[top], url=first.url, snippet=first.snippet)

