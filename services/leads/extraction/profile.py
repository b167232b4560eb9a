"""Softer facts: employee count, language, industry and social profiles."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from .dom import COMPANY, Line
from .site import Candidate, Site, make_candidate
from .textutil import fold, words

# ---------------------------------------------------------------- employees
_NUM = r"(?P<n>\d{1,3}(?:[.,\s]\d{3})+|\d{1,5})(?P<plus>\s?\+)?"
_QUAL = (r"(?P<q>über|ueber|mehr\s+als|rund|ca\.|circa|etwa|knapp|fast|gut|insgesamt|derzeit|heute|"
         r"more\s+than|over|about|around|approximately|nearly|almost|some)?\s*")
_NOUN = (r"(?:Mitarbeiter(?:innen|\*innen|:innen|Innen|n)?(?:\s+und\s+Mitarbeiter(?:n)?)?|Mitarbeitende[n]?|"
         r"Beschäftigte[n]?|Angestellte[n]?|Festangestellte[n]?|Fachkräfte[n]?|Kolleg(?:inn)?en|"
         r"employees|staff(?:\s+members)?|team\s+members|members\s+of\s+staff)\b")
_EMP_RES = (
    re.compile(_QUAL + r"(?P<lo>\d{1,4})\s*(?:-|\u2013|bis|to)\s*(?P<hi>\d{1,5})\s+" + _NOUN, re.I),
    re.compile(_QUAL + _NUM + r"\s+(?:[a-zäöüß-]+\s+){0,2}?" + _NOUN, re.I),
    re.compile(r"\b(?:team|belegschaft)\s+(?:of|von|aus|mit)\s+" + _QUAL + _NUM + r"(?!\s*(?:%|jahre|years))",
               re.I),
    re.compile(r"\b" + _NUM + r"[-\s]?(?:köpfiges|köpfigen|person(?:en)?)[-\s]team", re.I),
    re.compile(r"\b(?:employ(?:s|ing)?|beschäftig(?:t|en))\s+(?:now\s+|derzeit\s+|heute\s+)?" + _QUAL + _NUM
               + r"\s+(?:people|persons|employees|staff|Personen|Menschen|Mitarbeiter\w*)", re.I),
)
_COUNTER_RE = re.compile(r"\d{1,5}\s?\+?")
_MORE = re.compile(r"über|ueber|mehr|more|over", re.I)


def _num(text: str) -> int | None:
    digits = re.sub(r"[.,\s]", "", text)
    return int(digits) if digits.isdigit() else None


_EMP_HINT_RE = re.compile(r"mitarbeit|beschäftig|angestellt|fachkräft|kolleg|employ|staff|team|köpf|belegschaft",
                          re.I)


def _employees_in(text: str) -> tuple[str, int, int] | None:
    if not _EMP_HINT_RE.search(text):
        return None
    for rx in _EMP_RES:
        m = rx.search(text)
        if not m:
            continue
        gd = m.groupdict()
        if gd.get("lo") and gd.get("hi"):
            return f"{gd['lo']}-{gd['hi']}", m.start(), m.end()
        n = _num(gd.get("n") or "")
        if n is None or n == 0 or n > 500000 or 1900 <= n <= 2100:
            continue
        more = bool(gd.get("plus")) or bool(gd.get("q") and _MORE.match(gd["q"]))
        return f"{n}+" if more else str(n), m.start(), m.end()
    return None


# Weak nouns ("42 Menschen", "45 Fachleuten") count only in first-person staffing statements.
_WEAK_EMP_RE = re.compile(
    _QUAL + _NUM + r"\s+(?:Menschen|Fachleute[n]?|Experten|Expertinnen|Spezialisten|Köpfe[n]?|people|experts|"
    r"specialists|professionals)\b", re.I)
_FIRST_PERSON_RE = re.compile(r"\b(?:wir|uns|unser\w*|we|our|us)\b", re.I)
_WORK_RE = re.compile(r"arbeit|beschäftig|team|work|employ|fachleut|mit\s+\d", re.I)
# "Betriebe mit 10 bis 500 Beschäftigten" describes customers, not the company.
_CUSTOMER_RE = re.compile(
    r"(?:\w*betriebe|\w*unternehmen|firmen|kunden|companies|businesses|customers|clients)\s+(?:\w+\s+){0,3}?"
    r"(?:mit|with)\s+(?:\d|bis|über|ab|up)",
    re.I,
)


def _weak_employees(text: str) -> tuple[str, int, int] | None:
    if not (_FIRST_PERSON_RE.search(text) and _WORK_RE.search(text)):
        return None
    m = _WEAK_EMP_RE.search(text)
    if not m:
        return None
    n = _num(m.group("n"))
    if n is None or n == 0 or 1900 <= n <= 2100:
        return None
    more = bool(m.group("plus")) or bool(m.group("q") and _MORE.match(m.group("q")))
    return (f"{n}+" if more else str(n)), m.start(), m.end()


def find_employees(site: Site) -> Candidate | None:
    cands: list[Candidate] = []
    for page in site.pages:
        lines = page.lines
        for i, line in enumerate(lines):
            if line.scope != COMPANY or page.kind == "privacy" or not line.has_digit:
                continue
            hit = _employees_in(line.text)
            if hit is None and _COUNTER_RE.fullmatch(line.text) and i + 1 < len(lines):
                # Counter widgets: "<span>85</span><p>Mitarbeiter</p>"
                hit2 = _employees_in(f"{line.text} {lines[i + 1].text}")
                if hit2:
                    hit = (hit2[0], 0, len(line.text))
            weight = {"about": 2.0, "home": 1.5, "team": 1.5}.get(page.kind, 1.0)
            if hit is None:
                hit = _weak_employees(line.text)
                weight -= 0.5
            if hit:
                value, s, e = hit
                if _CUSTOMER_RE.search(line.text):
                    weight -= 2.0
                if _FIRST_PERSON_RE.search(line.text):
                    weight += 0.5
                cands.append(make_candidate(value, weight, page, line.text, s, e))
    cands = [c for c in cands if c.score > 0]
    if not cands:
        return None
    return max(cands, key=lambda c: c.score)


# ---------------------------------------------------------------- language
_STOP_DE = words("der die das und ist nicht mit für auf ein eine wir sie ihr unsere bei von zu den im")
_STOP_EN = words("the and is are with for our we you your of to in on at by this that from")


def find_language(site: Site) -> str | None:
    home = [p for p in site.pages if p.kind == "home"] or site.pages
    for page in home:
        if page.lang:
            return page.lang.split("-")[0].split("_")[0].lower()
    counts: Counter[str] = Counter()
    for page in home:
        for line in page.lines:
            for w in re.findall(r"[a-zäöüß]+", line.text.lower()):
                if w in _STOP_DE:
                    counts["de"] += 1
                elif w in _STOP_EN:
                    counts["en"] += 1
    return counts.most_common(1)[0][0] if counts else None


# ---------------------------------------------------------------- industry
# (label, weighted keywords). Keywords are folded (ä->ae) regex fragments matched on folded text.
_INDUSTRIES: tuple[tuple[str, tuple[tuple[str, float], ...]], ...] = (
    ("Tax/Accounting", (("steuerberat", 3), ("steuerkanzlei", 3), ("lohnbuchhaltung", 2), ("buchhaltung", 1),
                        ("jahresabschluss", 2), ("treuhand", 3), ("tax advis", 3), ("accountan", 2),
                        ("bookkeeping", 2), ("steuererklaerung", 1), ("wirtschaftspruef", 2))),
    ("Legal services", (("rechtsanw", 3), ("anwaltskanzlei", 3), ("fachanw", 2), ("notar", 2), ("law firm", 3),
                        ("attorney", 2), ("solicitor", 3), ("lawyer", 2), ("rechtsgebiet", 2), ("arbeitsrecht", 1))),
    ("Elevator services", (("aufzug", 3), ("aufzuege", 3), ("fahrtreppe", 2), ("elevator", 3), ("escalator", 2),
                           ("seilbahn", 3), ("sesselbahn", 2), ("skilift", 2))),
    ("IT/Software", (("software", 2), ("saas", 3), ("it-dienst", 3), ("it-betreuung", 3), ("managed services", 2),
                     ("cloud", 1), ("it-security", 2), ("microsoft 365", 1), ("data engineering", 3),
                     ("dashboards", 1), ("workflow automation", 3), ("integrations", 1), ("free trial", 2),
                     (r"api\b", 1), ("platform", 1), ("machine[- ]learning", 2), ("computer vision", 2),
                     ("web app", 1), ("netzwerk", 1), ("it-consulting", 3), ("it-service", 3),
                     ("it-sicherheit", 2), ("it-support", 2),
                     ("fernwartung", 2), ("sign up", 1),
                     ("log in", 1), ("bi consulting", 2), ("soc 2", 2), (r"\bsso\b", 1), (r"\bai\b", 1),
                     ("audit log", 1), ("in-app", 1), ("contract management", 2), ("webanwendung", 2),
                     ("app-entwicklung", 3))),
    ("Handwerk", (("maler", 2), ("lackier", 2), ("tischler", 3), ("schreiner", 3), ("elektriker", 3),
                  ("elektroinstallation", 3), ("elektro", 1), ("sanitaer", 2), ("heizung", 1), ("dachdeck", 3),
                  ("zimmerei", 3), ("fliesen", 2), ("meisterbetrieb", 2), ("handwerk", 2), ("innungsfachbetrieb", 2),
                  ("glaser", 1), ("plumb", 2), ("electrician", 3), ("carpent", 3), ("moebel nach mass", 2),
                  ("garten- und landschaftsbau", 3), ("galabau", 3), ("landscaping", 3), ("gardening", 2),
                  ("garden maintenance", 3), ("gaertnerei", 2), ("roofing", 3))),
    ("Medical", (("zahnarzt", 3), ("zahnaerzt", 3), ("arztpraxis", 3), ("physiotherap", 3), ("krankengymnastik", 3),
                 ("patient", 1), ("praxis", 1), ("klinik", 2), ("dental", 2), ("clinic", 2), ("medical", 1),
                 ("therapie", 1), ("lymphdrainage", 2), ("prophylaxe", 2), ("implantat", 2), ("pflegedienst", 3),
                 ("ambulante pflege", 3), ("pflegefachkr", 2), ("behandlungspflege", 2), ("nursing", 2))),
    ("Restaurant/Food", (("restaurant", 3), ("gasthaus", 3), ("gaststaette", 3), ("speisekarte", 3),
                         (r"kueche\b", 1), ("cafe", 1), ("baeckerei", 3), ("backstube", 3), ("brot", 1),
                         ("konditorei", 3), ("catering", 2), ("bistro", 2), ("cuisine", 2), ("reservierung", 1),
                         ("brunch", 2), ("coffee", 1), ("hofladen", 2), ("bakery", 3), ("menu", 1))),
    ("Real estate", (("immobilie", 3), ("makler", 3), ("hausverwaltung", 3), ("weg-verwaltung", 2),
                     ("real estate", 3), ("property", 1), ("vermietung", 1), ("eigentuemer", 1), ("coworking", 3),
                     ("bueroflaechen", 2), ("office space", 2))),
    ("Marketing/Design agency", (("agentur", 2), ("werbeagentur", 3), ("markenkommunikation", 3),
                                 ("corporate design", 2), ("branding", 2), ("brand identity", 3), ("kampagne", 1),
                                 ("design studio", 3), ("marketing", 1), ("brands", 1), ("campaign", 1))),
    ("Logistics", (("logistik", 3), ("spedition", 3), ("lagerlogistik", 3), ("fulfillment", 2), ("stueckgut", 3),
                   ("logistics", 2), ("freight", 2), (r"\blkw\b", 1))),
    ("Manufacturing", (("maschinenbau", 3), ("sondermaschinen", 3), ("fertigung", 2), ("anlagenbau", 3),
                       ("montageanlagen", 2), ("manufacturing", 2), ("machinery", 3), ("pruefstaende", 2))),
    ("Architecture", (("architekt", 3), ("architektur", 2), ("architects", 3), ("wettbewerb", 1))),
    ("Automotive", (("autohaus", 3), (r"\bkfz\b", 3), ("werkstatt", 1), ("gebrauchtwagen", 3), ("reifen", 1),
                    ("inspektion", 1), ("car dealer", 3), ("auto repair", 3))),
    ("Sports club", (("sportverein", 3), ("turnverein", 3), ("turn- und sportverein", 3), ("fussball", 1),
                     ("turnen", 1), ("abteilungen", 1), ("sports club", 3), ("mitglied werden", 1))),
    ("Energy", (("energiegenossenschaft", 3), ("photovoltaik", 1), ("windrad", 2), ("windpark", 2),
                ("buergerenergie", 3), ("energiewende", 2), ("renewable", 2), ("solar", 1))),
    ("Finance/Insurance", (("vermoegensverwaltung", 3), ("versicherungsmakler", 3), ("wealth management", 3),
                           ("asset management", 3), ("family office", 2), ("portfolio", 1), ("kapitalanlage", 2),
                           ("finanzberatung", 3))),
    ("Hospitality", (("hotel", 3), ("uebernachtung", 2), ("ferienwohnung", 3), ("pension", 1), ("guesthouse", 3),
                     ("fruehstueck", 1), ("doppelzimmer", 2))),
    ("Beauty/Wellness", (("kosmetik", 3), ("beauty", 2), ("wellness", 2), ("friseur", 3), ("massage", 1),
                         ("nagelstudio", 3), ("gesichtsbehandlung", 3), ("wimpern", 2))),
    ("Education", (("grundschule", 3), ("schule", 1), ("kindergarten", 2), (r"kita\b", 2), ("akademie", 2),
                   ("weiterbildung", 2), ("seminar", 1), ("school", 2), ("nachhilfe", 3), ("sprachschule", 3))),
    ("Consulting", (("unternehmensberatung", 3), ("consulting", 1), ("beratung", 0.5))),
    ("Construction", (("bauunternehm", 3), ("hochbau", 2), ("tiefbau", 3), ("rohbau", 3), ("construction", 2))),
)
# Keywords are word-prefix matches ("steuerberat" hits "Steuerberatung" but "api" must not hit "capital").
# Literal keywords are counted with str.count on a normalised blob (" word word …"), which is far cheaper
# than running ~200 regexes; the few keywords with regex syntax stay regexes.
_LITERAL_RE = re.compile(r"^[a-z0-9 -]+$")
_NON_WORD_RE = re.compile(r"[^a-z0-9äöüß-]+")
_LITERAL_KWS: list[tuple[str, str, float]] = []
_REGEX_KWS: list[tuple[re.Pattern[str], str, float]] = []
for _label, _kws in _INDUSTRIES:
    for _kw, _w in _kws:
        _plain = _kw.removeprefix(chr(92) + "b")
        if _LITERAL_RE.match(_plain):
            _LITERAL_KWS.append((" " + _plain, _label, _w))
        else:
            _REGEX_KWS.append((re.compile(r"\b" + _plain), _label, _w))


_INDUSTRY_CHARS_PER_PAGE = 12000


def _industry_text(site: Site) -> list[tuple[str, float]]:
    texts: list[tuple[str, float]] = []
    for page in site.pages:
        if page.kind in ("privacy", "impressum"):
            continue
        page_w = 1.5 if page.kind in ("home", "about") else 1.0
        if page.title:
            texts.append((fold(page.title), 3.0 * page_w))
        budget = _INDUSTRY_CHARS_PER_PAGE  # the first screens say what a company does
        for line in page.lines:
            if line.scope != COMPANY or line.region == "nav":
                continue
            budget -= len(line.text)
            if budget < 0:
                break
            w = 2.0 if 1 <= line.level <= 2 else 1.0
            texts.append((fold(line.text), w * page_w))
    return texts


def find_industry(site: Site) -> Candidate | None:
    scores: dict[str, float] = {}
    # One blob per weight: each keyword regex runs a handful of times instead of once per line.
    blobs: dict[float, list[str]] = {}
    for text, w in _industry_text(site):
        blobs.setdefault(w, []).append(text)
    for w, texts in blobs.items():
        blob = "\n".join(texts)
        words = " " + _NON_WORD_RE.sub(" ", blob)
        for needle, label, kw_w in _LITERAL_KWS:
            n = words.count(needle)
            if n:
                scores[label] = scores.get(label, 0.0) + kw_w * w * min(n, 4)
        for rx, label, kw_w in _REGEX_KWS:
            n = len(rx.findall(blob))
            if n:
                scores[label] = scores.get(label, 0.0) + kw_w * w * min(n, 4)
    if not scores:
        return None
    label = max(scores, key=lambda k: scores[k])
    score = scores[label]
    if score < 4:
        return None
    page = next((p for p in site.pages if p.kind == "home"), site.pages[0])
    return Candidate(value=label, score=score, url=page.url, snippet=(page.title or "")[:200])


# ---------------------------------------------------------------- social profiles
_SOCIAL_HOSTS = (
    ("linkedin", ("linkedin.com",)),
    ("xing", ("xing.com", "xing.de")),
    ("facebook", ("facebook.com", "fb.com")),
    ("instagram", ("instagram.com",)),
    ("x", ("twitter.com", "x.com")),
    ("youtube", ("youtube.com", "youtu.be")),
    ("tiktok", ("tiktok.com",)),
    ("github", ("github.com",)),
)
_SHARE_RE = re.compile(r"sharer|/share|intent/|shareArticle|/dialog/|/plugins/|/embed/|/watch\?|/hashtag/|"
                       r"/p/|/posts/|/status/|/reel/|/events/", re.I)


def _network(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    for name, hosts in _SOCIAL_HOSTS:
        if any(host == h or host.endswith("." + h) for h in hosts):
            return name
    return None


def find_social(site: Site, extra_urls: list[str]) -> dict[str, str]:
    found: dict[str, tuple[float, str]] = {}

    def consider(url: str, score: float) -> None:
        net = _network(url)
        path = urlsplit(url).path.strip("/")
        if net is None or not path or _SHARE_RE.search(url):
            return
        if net == "linkedin" and "/company/" in url:
            score += 1.0
        if net == "xing" and ("/pages/" in url or "/companies/" in url):
            score += 1.0
        cur = found.get(net)
        if cur is None or score > cur[0]:
            found[net] = (score, url)

    for url in extra_urls:
        consider(url, 3.0)
    for page in site.pages:
        for link in page.links:
            if not link.href.startswith("http"):
                continue
            line: Line | None = page.lines[link.line] if 0 <= link.line < len(page.lines) else None
            if line is not None and line.scope != COMPANY:
                continue
            consider(link.href, page.weight)
    return {k: v[1] for k, v in found.items()}

