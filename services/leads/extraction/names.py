"""Person names: the shape of a printed name, and a given-name lexicon to find a person inside a longer line.

A bare line such as "Anna Beispiel" is recognised by its shape alone (two to four capitalised words, optional
academic titles and particles). Inside a longer line ("Malerbetrieb Max Beispiel", "Architekt DI Jan Muster",
"Max Beispiel Bauschreinerei") the shape is ambiguous, so the person must start with a known given name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib.resources import files

from .textutil import words

# Academic titles stay part of the printed name; any short capitalised abbreviation before the name
# ("MMag.", "Dkfm.", "DDr.", "Mag.a", "Dr.in") is treated as one.
TITLE_TOKEN_RE = re.compile(
    r"^(?:Prof\.|Dr\.|Dr\.-Ing\.|Dipl\.-[\wäöü]+\.?|Mag\.|Mag\.\(FH\)|Ing\.|DI|DDI|Dkfm\.|MBA|MSc|M\.Sc\.|"
    r"B\.Sc\.|LL\.M\.|med\.|dent\.|rer\.|nat\.|jur\.|phil\.|oec\.|h\.c\.|h\.|c\.|\(FH\)|habil\.|B\.A\.|M\.A\.|"
    r"[A-Z][A-Za-z]{1,5}\.(?:in|a)?|[A-Z][a-z]{1,4}\.-?[A-Z][a-z]{1,5}\.|"  # "Dipl.-Ing.", also "Dipl.Ing."
    r"[A-Z][a-z]{1,4}\.(?:[a-z]{2,5}\.)+|"  # a degree printed without spaces: "Mag.phil.", "Dr.med.dent."
    r"MR|OMR|HR|RgR)$"  # Austrian honorary titles: Medizinalrat, Obermedizinalrat, Hofrat, Regierungsrat
)
HONORIFIC_RE = re.compile(
    r"^(?:Herrn?|Frau|Hr\.|Fr\.|Mr\.?|Mrs\.?|Ms\.?|Miss|Sir|Dame|Pfarrer(?:in)?|Pastor(?:in)?|Propst|Pröpstin|"
    r"Bischof|Bischöfin|Dekan(?:in)?|Superintendent(?:in)?|Pater|Rabbiner(?:in)?|Kommerzialrat|KR|"
    r"Inh\.)$"  # "Inh. Max Muster": the owner label in front of the name is no academic title
)
POST_NOMINAL_RE = re.compile(
    r"^(?:CA|ACA|FCA|CPA|StB|WP|RA|MBA|PhD|Ph\.D\.|BSc\.?|MSc\.?|BA|MA|LL\.M\.|M\.Sc\.|B\.Sc\.|MBE|OBE|CBE|FRICS|"
    r"MRICS|ACCA|FCCA|CFA|Esq\.?|Jr\.?|Sr\.?|II|III|[A-Z]{2,5})$"
)
LOWER = "a-zäöüßéèáàíóúñçøåëïš'\u2019"
INITIAL_RE = re.compile(r"[A-Z]\.")
_DIGIT_RE = re.compile(r"\d")
_ADJECTIVE_RE = re.compile(r"(?:isch|lich)(?:er|e|es|en)$")
PARTICLES = words("von van de der den zu zur di da del du le la ten ter vom bin al y dos das")
NON_NAME = words(
    "geschäftsführer geschäftsführerin inhaber inhaberin partner partnerin vorstand vorsitzender "
    "vorsitzende steuerberater steuerberaterin rechtsanwalt rechtsanwältin rechtsanwälte architekt "
    "architektin physiotherapeut physiotherapeutin direktor director team praxis kanzlei büro buero firma "
    "agentur studio gruppe holding service support vertrieb sekretariat leitung geschäftsstelle "
    "deutschland germany gmbh amtsgericht handelsregister registergericht telefon telefax kontakt "
    "anschrift adresse sitz die der das und the and mitglied präsident präsidentin verwaltungsrat "
    "verwaltungsrates aufsichtsrat schatzmeister partnerschaft gesellschaft gesellschafter "
    "gesellschafterin managing chief officer head founder co-founder creative senior junior lead manager "
    "sales marketing customer success engineering data legal impressum datenschutz montag dienstag "
    "mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august september "
    "oktober november dezember verein vereins abteilung herr frau bitte ihr ihre unser unsere wir mit für "
    "über sprecher sprecherin mag dr prof news presse jobs karriere familie family geschwister ehepaar "
    "authorized authorised representative representatives court register registry local district "
    "restaurant ristorante hotel gasthaus gasthof pension café cafe bistro pizzeria trattoria weingut"
)
# Legal forms written in capitals are never part of a person's name ("CARTONAL AG" is no "Cartonal Ag").
_FORM_TOKENS = frozenset({"AG", "GmbH", "GMBH", "KG", "UG", "SE", "OHG", "OG", "GbR", "GBR", "e.V.", "E.V.", "eG",
                          "Ltd", "Ltd.", "LTD", "LLC", "Inc", "Inc.", "INC", "PLC", "SA", "Sàrl", "KGaA", "mbH"})
# … and their plurals: "Reparatur-Dienstleistungen" is a trade, no double given name (rules round 20)
NOUN_SUFFIX_RE = re.compile(r"(?:ung|heit|keit|schaft|tät|ion|ungen|heiten|keiten|schaften|ionen|ismus|kammer|gericht|"
                            r"straße|strasse|weg|platz|"
                            r"gasse|allee|amt|verein|gmbh|zentrum|ei|betrieb|technik|werkstatt|logistik|design|software|"
                            r"consulting|immobilien|gastro|kosmetik|therapie|kreis|stiftung|kirche|institut|bank|verband|"
                            r"genossenschaft|universität|hochschule|klinikum|grafie|graphie|graphy|coaching|training|"
                            r"friseur|massage|catering|tattoo|unternehmen|treuhand|handwerk|handel|montagen?|"
                            r"dienste?|services?|praxis|kanzlei|b(?:ü|ue)ro|ordination)$", re.I)
_TRADE_WORDS = words("yoga pilates fitness media events reisen touristik design fotografie photography coaching "
                     "training consulting catering massage kosmetik")


_FAST_NAME_PART_RE = re.compile(rf"[A-ZÄÖÜÉÅØ][{LOWER}]+(?:[A-Z][{LOWER}]+)?")


def _is_name_part(part: str) -> bool:
    """One capitalised name word: "Müller", "Łukasz", "MacLeod", "O'Brien" (any script with case)."""
    if _FAST_NAME_PART_RE.fullmatch(part):
        return True
    if len(part) >= 3 and part[1] in "'\u2019" and part[0].isupper():
        part = part[2:]  # O'Brien, d'Angelo
    if len(part) < 2 or not part[0].isupper():
        return False
    rest = part[1:]
    if not all(c.isalpha() or c in "'\u2019" for c in rest):
        return False
    lowers = sum(c.islower() for c in rest)
    uppers = sum(c.isupper() for c in rest)
    return lowers > 0 and uppers <= 1 and not (uppers and rest[0].isupper())


def is_name_token(tok: str) -> bool:
    return all(_is_name_part(p) for p in tok.split("-")) if tok else False


# What a person *is*, in the feminine form a surname never takes ("Ärztin", "Yogalehrerin", "Physiotherapeutin").
FEMININE_ENDINGS = r"(?:erin|istin|eurin|ologin|antin|entin)"
FEMININE_TITLE_RE = re.compile(rf"(?:[a-zäöüß]*ärztin|[a-zäöüß]{{3,}}{FEMININE_ENDINGS})", re.I)


def _before_trade_or_title(piece: str) -> str:
    """The words before a suspended compound ("Garten- & Landschaftsbau") or a feminine job title ("Ärztin für …")
    that follow a two-word name: neither is part of the person's name."""
    tokens = piece.split()
    for k in range(2, len(tokens)):
        tok = tokens[k]
        if (len(tok) > 3 and tok.endswith("-") and tok[:-1].isalpha()) or (
                FEMININE_TITLE_RE.fullmatch(tok) and tok[0].isupper() and not is_given_name(tok)):
            return " ".join(tokens[:k])
    return piece


_NOBILITY = words("Baron Baronin Freiherr Freifrau Freiin Graf Gräfin Prinz Prinzessin Fürst Fürstin Herzog Herzogin "
                  "Edler Edle Ritter")


@lru_cache(maxsize=8192)
def clean_person_name(piece: str) -> str | None:
    """Validated person name as printed (academic titles kept, honorifics and roles dropped)."""
    piece = _before_trade_or_title(piece).strip(" \t.:;-\u2013—\"'„“”()")
    if not piece or len(piece) > 80 or _DIGIT_RE.search(piece) or "@" in piece:
        return None
    tokens = piece.split()
    if any(t in _FORM_TOKENS for t in tokens[1:]):
        return None
    if len(tokens) >= 2 and piece.isupper():
        # "ANNA BEISPIEL": a name set in capitals is read as written in title case.
        tokens = [t if TITLE_TOKEN_RE.match(t) else t.title() for t in tokens]
    titles: list[str] = []
    names: list[str] = []
    for tok in tokens:
        if not names:
            if HONORIFIC_RE.match(tok):
                continue
            if TITLE_TOKEN_RE.match(tok):
                titles.append(tok)
                continue
        if tok.startswith("("):
            break
        if len(names) >= 2 and POST_NOMINAL_RE.match(tok):
            break
        if is_name_token(tok) or (names and tok in PARTICLES) or (names and INITIAL_RE.fullmatch(tok)):
            names.append(tok)
            continue
        return None
    while names and names[-1] in PARTICLES:
        names.pop()
    if names and not titles and len(names) > 2 and POST_NOMINAL_RE.match(names[-1]):
        names.pop()
    # "Anna Freifrau von Muster", "Lars Graf zu Beispiel": a title of nobility before the particle is part of the
    # surname, like the particle itself, not another given name (rules round 19: "… Baron von X" lost the "von X")
    noble = {k for k, n in enumerate(names[:-1]) if n in _NOBILITY and names[k + 1] in PARTICLES}
    capitalised = [n for k, n in enumerate(names) if n not in PARTICLES and not INITIAL_RE.fullmatch(n)
                   and k not in noble]
    if not 2 <= len(capitalised) <= 4 or len(names) > 5 + len(noble):
        return None
    # After a known given name a short noun-like word is a surname ("Martin Hornung"); a long one is a
    # trade ("Urs Zenger Kundenschreinerei").
    given_first = len(capitalised) >= 2 and is_given_name(capitalised[0])
    for k, n in enumerate(capitalised):
        low = n.lower()
        if low in NON_NAME or (k > 0 and low in _TRADE_WORDS):
            return None  # "Greta Beispiel Yoga": a trade after the person, not a third name
        limit = 8 if given_first and k > 0 else 6
        if any(NOUN_SUFFIX_RE.search(part) and len(part) > limit for part in low.split("-")):
            return None
        if any(len(part) >= 10 and _ADJECTIVE_RE.search(part) for part in low.split("-")):
            # adjectives: "Evangelischer Kirchenkreis", "Bayerische …" (per part of a double name: "Muster-Fischer"
            # is a surname, not an adjective ending in "-ischer")
            return None
    return " ".join(titles + names)


def fold_name(text: str) -> str:
    """Casefold and drop diacritics: "Gábor" and "Gabor", "Jürgen" and "Jurgen" are one spelling."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ß", "ss").replace("ł", "l")


@cache
def given_names() -> frozenset[str]:
    text = files(__package__).joinpath("given_names.txt").read_text(encoding="utf-8")
    return frozenset(fold_name(w) for line in text.splitlines() if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=8192)
def is_given_name(token: str) -> bool:
    first = token.split("-", maxsplit=1)[0]
    return (is_name_token(token) and fold_name(first) in given_names()) or (
        token.isupper() and len(token) > 2 and fold_name(first) in given_names())


_POST = r"(?:[A-Z][A-Za-z.]{1,8}\.?|[A-Z]{2,5})"
_POST_COMMA_RE = re.compile(rf",\s*{_POST}(?:\s*,\s*{_POST})*\s*$")
_PUNCT_TAIL = " \t.,;:-\u2013—"


def person_in(text: str) -> tuple[str, int, int] | None:
    """A person inside a longer name line: (name, start, end), the name starting at a known given name (or at
    the academic titles before one) and running while the words keep a name's shape. The words before it are a
    profession or trade ("Rechtsanwalt", "Malerbetrieb"), the words after it a trade ("Bauschreinerei")."""
    tokens = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    for i, (tok, _, _) in enumerate(tokens):
        if not is_given_name(tok.strip(_PUNCT_TAIL)):
            continue
        k = i
        while k > 0 and TITLE_TOKEN_RE.match(tokens[k - 1][0]):
            k -= 1
        # (one word more after a title of nobility: "Anna Maria Freifrau von Muster")
        longest = i + 6 if any(t in _NOBILITY for t, _, _ in tokens[i + 1 : i + 5]) else i + 5
        for n in range(min(len(tokens), longest), i + 1, -1):
            chunk = tokens[k:n]
            if chunk[-1][0].endswith(","):
                continue
            raw = text[chunk[0][1] : chunk[-1][2]]
            name = clean_person_name(raw)
            if name is not None:
                return name, chunk[0][1], chunk[-1][2]
    return None


def _confirmed(name: str, tokens: list[str]) -> bool:
    """A bare "Word Word" is a person only with a known given name; titles, initials or particles also say so."""
    words_ = name.split()
    if any(TITLE_TOKEN_RE.match(t) for t in words_[:-2]) or any(INITIAL_RE.fullmatch(t) for t in words_):
        return True
    if any(t in PARTICLES for t in words_[1:-1]):
        return True
    return any(is_given_name(t) for t in tokens[:2])


@lru_cache(maxsize=4096)
def person_line(text: str, *, strict: bool = True) -> str | None:
    """The person when the whole line names one: a bare name, optionally after a profession ("Rechtsanwältin
    Anna Beispiel") and before post-nominals (", BSc."). None for trade names and legal entities.
    `strict`: a bare two-word line ("Papierhaus Lindner") counts only with a known given name."""
    core = _POST_COMMA_RE.sub("", text.strip()).strip(_PUNCT_TAIL)
    lead = _PROFESSION_LEAD_RE.match(core)
    if lead and not strict and (rest := person_line(core[lead.end():], strict=False)):
        return rest  # "Zahnärztin Dewy Beispiel": the profession before a rare given name is no part of the name
    name = clean_person_name(core)
    if name is not None:
        tokens = [t for t in core.split() if not HONORIFIC_RE.match(t)]
        given = next((i for i, t in enumerate(tokens) if is_given_name(t)), None)
        if given is not None and given > 0 and not all(TITLE_TOKEN_RE.match(t) for t in tokens[:given]):
            pass  # a profession before the given name: handled below
        elif not strict or _confirmed(name, tokens):
            return name
    hit = person_in(core)
    if hit is None:
        return None
    name, start, end = hit
    before, after = core[:start].strip(), core[end:].strip(_PUNCT_TAIL)
    if after or not before or len(before.split()) > 3 or not before[0].isupper():
        return None
    if any(not is_name_token(w) and not TITLE_TOKEN_RE.match(w) and not _PROFESSION_COMPOUND_RE.fullmatch(w)
           for w in before.split()):
        return None
    return name


# A profession printed before the person ("Tierärztin", "Rechtsanwalt", "Heilpraktikerin", "Psychotherapeut").
_PROFESSION_LEAD_RE = re.compile(r"^(?=[A-ZÄÖÜ])(?i:[a-zäöüß]*(?:(?:ä|ae)rztin|arzt|anw(?:ä|ae)lt(?:in)?|anwalt|"
                                 r"therapeut(?:in)?|praktiker(?:in)?|notar(?:in)?|psycholog(?:in|e)|hebamme|architekt(?:in)?|"
                                 r"berater(?:in)?))\s+(?=[A-ZÄÖÜ])")


# "Attorney-at-law", "Notary-at-law": an English professional title before the person, hyphenated in lower case.
_PROFESSION_COMPOUND_RE = re.compile(r"[A-Z][a-z]+(?:-[a-z]+){1,3}")
