"""Facts a salesperson may cite from a company's own website, each with the page it is on.

Only facts a rule can read without misreading them: how long the company has existed, that it is a
family business, how many people work there, how many clients it serves, a certification, where it
sits. Each fact keeps the words that must be on its page (the year, the number, the standard), so the
writer cites it with its URL and a check can find it there again. Nothing is paraphrased from prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from services.leads.schemas import CompanyRead, SiteCrawlRead, SitePage

_YEAR = r"(1[89]\d\d|20[0-2]\d)"
_NUMBER = r"(\d{1,3}(?:[.,]\d{3})*|\d+)"
_MORE_DE = r"(über|mehr als|rund|ca\.|circa|etwa|knapp)"
_MORE_EN = r"(more than|over|around|about|nearly|almost)"
_LEGAL_FORM = re.compile(
    r"[,\s]+(?:GmbH\s*&\s*Co\.?\s*KG(?:aA)?|gGmbH|GmbH|mbH|AG|SE|KGaA|KG|OHG|GbR|e\.\s?K\.|e\.\s?Kfm\.|e\.\s?V\.|"
    r"eG|UG\s*\(haftungsbeschränkt\)|UG|PartG\s*mbB|PartG|Ges\.?\s?m\.?\s?b\.?\s?H\.?|OG|KEG|Ltd\.?|Limited|LLC|"
    r"LLP|Inc\.?|Corp\.?|Co\.|plc|S\.A\.|S\.à r\.l\.|S\.r\.l\.|B\.V\.|N\.V\.|e\.\s?U\.)$", re.I)

# (kind, pattern, page language) — first match per kind wins, pages in the order about, home, team, others.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("family", re.compile(r"\b(Familienunternehmen|Familienbetrieb|familiengeführt\w*|family[- ](?:owned|run)|"
                          r"family business)\b", re.I)),
    ("founded", re.compile(rf"\b(?:gegründet|gründete[nt]?)\b[^.!?]{{0,80}}?\b{_YEAR}\b|\b{_YEAR}\b[^.!?]{{0,80}}?"
                           r"\b(?:gegründet|gründete[nt]?)\b", re.I)),
    ("founded", re.compile(rf"\b(?:founded|set up|established|spun out)\b[^.!?]{{0,60}}?\bin {_YEAR}\b", re.I)),
    ("since", re.compile(rf"\bseit (?:dem Jahr )?{_YEAR}\b|\bsince {_YEAR}\b", re.I)),
    ("years", re.compile(rf"\bseit {_MORE_DE}? ?(\d{{1,3}}) Jahren\b|\b{_MORE_DE}? ?(\d{{1,3}}) Jahren? Erfahrung\b|"
                         rf"\b{_MORE_EN}? ?(\d{{1,3}})\+? years (?:of experience|in business)\b", re.I)),
    ("certified", re.compile(r"\bzertifiziert nach ((?:DIN )?(?:EN )?ISO \d{4,5}(?::\d{4})?)|"
                             r"\b((?:DIN )?(?:EN )?ISO \d{4,5}(?::\d{4})?)[- ](?:zertifiziert|certified)\b|"
                             r"\bcertified (?:to|under|according to) (ISO \d{4,5}(?::\d{4})?)", re.I)),
    ("master", re.compile(r"\b(Meisterbetrieb|Innungsfachbetrieb|Meisterwerkstatt)\b")),
    ("partner", re.compile(r"\bzertifizierte[rs]? ([A-Z][\w-]+ (?:Gold |Silver )?Partner)\b|"
                           r"\bcertified ([A-Z][\w-]+ (?:Gold |Silver )?Partner)\b")),
    ("region", re.compile(r"\b((?:in ganz|im gesamten|in der ganzen) [A-ZÄÖÜ][\w-]+(?:[ -][A-ZÄÖÜ][\w-]+)?)\b")),
    ("team", re.compile(rf"(?:\b{_MORE_DE}\s)?\b{_NUMBER}\s+(?:Mitarbeiter(?:innen)?|Mitarbeitende|Beschäftigte|"
                        r"Fachleute|Fachleuten)\b", re.I)),
    ("team", re.compile(rf"\b[Tt]eam (?:aus|von|umfasst) {_MORE_DE}? ?{_NUMBER}\b")),
    ("team", re.compile(rf"(?:\b{_MORE_EN}\s)?\b{_NUMBER}\+?\s+(?:employees|people|staff|engineers)\b|"
                        rf"\bteam of {_MORE_EN}? ?{_NUMBER}\b", re.I)),
    ("clients", re.compile(rf"(?:\b{_MORE_DE}\s)?\b{_NUMBER}\s+(Kunden|Mandanten|Klientinnen und Klienten)\b")),
    ("clients", re.compile(rf"(?:\b{_MORE_EN}\s)?\b{_NUMBER}\+?\s+(clients|customers)\b", re.I)),
)
# The words a fact's sentence adds to the page's values (a check tells them from the values it must find).
CLAUSE_WORDS = frozenset({
    "familienunternehmen", "gegründet", "schon", "seit", "besteht", "jahren", "bei", "menschen", "arbeiten", "nach",
    "zertifiziert", "kunden", "mandanten", "klientinnen", "klienten", "betreut", "ansässig", "unternehmen", "ihr",
    "ihrem", "euer", "eurem", "über", "rund", "family", "business", "founded", "been", "since", "years", "people",
    "work", "certified", "works", "with", "clients", "customers", "based", "your", "company", "more", "than",
    "around", "ein", "eine", "tätig", "zertifizierter"})
_PAGE_ORDER = {"about": 0, "home": 1, "team": 2, "contact": 4, "impressum": 5}


@dataclass(frozen=True)
class SiteFact:
    """One citable fact: its kind, the page it is on, and the values that page states."""

    kind: str  # family | founded | since | years | certified | master | partner | region | team | clients | city
    url: str
    value: str = ""  # the year, number, standard or city, as the page writes it
    more: str = ""  # "more" (über, more than) | "about" (rund, around) | ""
    noun: str = ""  # clients: Kunden | Mandanten | clients | customers

    def fits(self, language: str) -> bool:
        """Whether a draft in ``language`` can state this fact (German phrases stay in German drafts)."""
        return language == "de" or self.kind not in ("master", "region")

    def clause(self, language: str, subject: str, dative: str | None = None) -> str:
        """What the fact says, as the rest of a "dass …" / "that …" sentence about ``subject`` (``dative``:
        the subject after "bei", when it is not a name: "bei Ihrem Unternehmen")."""
        de = language == "de"
        more = {"more": "über " if de else "more than ", "about": "rund " if de else "around "}.get(self.more, "")
        value = self.value
        if self.kind == "family":
            return f"{subject} ein Familienunternehmen ist" if de else f"{subject} is a family business"
        if self.kind == "founded":
            return f"{subject} {value} gegründet wurde" if de else f"{subject} was founded in {value}"
        if self.kind == "since":
            return f"{subject} schon seit {value} besteht" if de else f"{subject} has been in business since {value}"
        if self.kind == "years":
            return (f"{subject} schon seit {more}{value} Jahren besteht" if de
                    else f"{subject} has been in business for {more}{value} years")
        if self.kind == "certified":
            return f"{subject} nach {value} zertifiziert ist" if de else f"{subject} is certified to {value}"
        if self.kind == "master":
            return f"{subject} {'eine' if value.endswith('werkstatt') else 'ein'} {value} ist"
        if self.kind == "partner":
            return f"{subject} zertifizierter {value} ist" if de else f"{subject} is a certified {value}"
        if self.kind == "region":
            return f"{subject} {value} tätig ist"
        if self.kind == "team":
            return (f"bei {dative or subject} {more}{value} Menschen arbeiten" if de
                    else f"{more}{value} people work at {subject}")
        if self.kind == "clients":
            noun = self.noun if de == (self.noun in ("Kunden", "Mandanten", "Klientinnen und Klienten")) else (
                "Kunden" if de else "clients")
            return f"{subject} {more}{value} {noun} betreut" if de else f"{subject} works with {more}{value} {noun}"
        return f"{subject} in {value} ansässig ist" if de else f"{subject} is based in {value}"


def prose_name(name: str | None) -> str | None:
    """A company's name as prose uses it: without the legal form; None for a bare domain."""
    text = (name or "").strip()
    if not text or (" " not in text and "." in text):
        return None
    for _ in range(3):
        shorter = _LEGAL_FORM.sub("", text).strip(" ,")
        if shorter == text or not shorter:
            break
        text = shorter
    return text


def _more(word: str | None) -> str:
    word = (word or "").lower()
    if word in ("über", "mehr als", "more than", "over"):
        return "more"
    return "about" if word else ""


def _number(text: str) -> str:
    return re.sub(r"[.,](?=\d{3}\b)", ".", text)


def _fact(kind: str, match: re.Match[str], url: str) -> SiteFact | None:
    groups = [g for g in match.groups()]
    if kind == "family":
        return SiteFact("family", url)
    if kind in ("founded", "since"):
        year = next(g for g in groups if g)
        return SiteFact(kind, url, year) if int(year) < datetime.now(UTC).year else None
    if kind == "years":
        more = next((g for g in groups if g and not g.isdigit()), None)
        years = next(g for g in groups if g and g.isdigit())
        return SiteFact("years", url, years, _more(more)) if 2 <= int(years) <= 400 else None
    if kind in ("master", "partner", "region"):
        return SiteFact(kind, url, next(g for g in groups if g))
    if kind == "certified":
        return SiteFact("certified", url, re.sub(r"\s+", " ", next(g for g in groups if g)))
    more = next((g for g in groups if g and not g[0].isdigit() and g.lower() not in (
        "kunden", "mandanten", "klientinnen und klienten", "clients", "customers")), None)
    number = next(g for g in groups if g and g[0].isdigit())
    if int(re.sub(r"\D", "", number)) < 2:
        return None
    noun = next((g for g in groups if g and g.lower() in ("kunden", "mandanten", "klientinnen und klienten",
                                                            "clients", "customers")), "")
    return SiteFact(kind, url, _number(number), _more(more), noun)


def _ordered(pages: Iterable[SitePage]) -> list[SitePage]:
    return sorted(pages, key=lambda p: _PAGE_ORDER.get(p.kind, 3))


def site_facts(site: SiteCrawlRead | None, company: CompanyRead | None = None) -> list[SiteFact]:
    """The citable facts of a site, most telling first, one per kind; the seat's city last."""
    found: dict[str, SiteFact] = {}
    pages = _ordered(site.pages) if site is not None else []
    for page in pages:
        if page.kind in ("impressum", "privacy"):
            continue  # legal pages state registers, not what a salesperson would open with
        for line in page.text.split("\n"):
            for kind, pattern in _PATTERNS:
                if kind in found or (kind == "since" and "founded" in found):
                    continue
                match = pattern.search(line)
                if match is not None and (fact := _fact(kind, match, page.url)) is not None:
                    found[kind] = fact
    facts = list(found.values())
    city = (site.record.city if site is not None else None) or (company.city if company else None)
    if city:
        seat = next((p for p in pages if p.kind in ("impressum", "contact") and city in p.text), None)
        seat = seat or next((p for p in pages if city in p.text), None)
        if seat is not None:
            facts.append(SiteFact("city", seat.url, city))
    return facts
