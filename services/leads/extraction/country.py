"""Which country is the site's company in? Needed early: it is the default region for national
phone numbers ("089 …") and decides whether a 4-digit postal code is Austrian or Swiss."""

from __future__ import annotations

import re
from collections import Counter

from .dom import COMPANY
from .site import Site
from .textutil import words

_SUFFIX_COUNTRY = {"de": "DE", "at": "AT", "co.at": "AT", "or.at": "AT", "ch": "CH", "uk": "GB", "co.uk": "GB",
                   "org.uk": "GB", "us": "US", "li": "LI"}
_PREFIX_RE = re.compile(r"(?:\+|\b00)\s?(49|43|41|44|1)\b|\+(49|43|41|44|1)[\s(]")
_PREFIX_COUNTRY = {"49": "DE", "43": "AT", "41": "CH", "44": "GB", "1": "US"}
_VAT_RES = (
    (re.compile(r"\bATU\s?(?:\d\s?){7}\d\b"), "AT"),
    (re.compile(r"\bCHE\s*[-\u2013]?\s*\d{3}\.?\d{3}\.?\d{3}\b"), "CH"),
    (re.compile(r"\bDE\s?\d{3}\s?\d{3}\s?\d{3}\b(?!\s?\d)"), "DE"),
    (re.compile(r"\bGB\s?\d{3}\s?\d{4}\s?\d{2}\b"), "GB"),
)
US_STATES = words(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY "
    "NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
)
US_ZIP_RE = re.compile(r"\b([A-Z][A-Za-z .'-]{1,40}),\s*([A-Z]{2})\s+(\d{5})(?:-\d{4})?\b")
UK_POSTCODE_RE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b")
_WORDS_RE = re.compile(
    r"\b(?:(?P<DE>Deutschland|Germany|Bundesrepublik)|(?P<AT>Österreich|Oesterreich|Austria)|"
    r"(?P<CH>Schweiz|Switzerland|Suisse|Svizzera)|"
    r"(?P<GB>United Kingdom|England and Wales|England & Wales|Scotland|Companies House)|"
    r"(?P<US>USA|United States|U\.S\.A\.))\b"
)
_HINT_RE = re.compile(r"\d|Deutschland|Germany|Bundesrepublik|Österreich|Oesterreich|Austria|Schweiz|Switzerland|"
                      r"Suisse|Svizzera|United Kingdom|England|Scotland|Companies House|USA|United States|U\.S\.A\.")
_DE_PLZ_RE = re.compile(r"\b\d{5}\s+[A-ZÄÖÜ][a-zäöüß]")
_FOUR_PLZ_RE = re.compile(r"(?:^|,\s)(?:CH-?\s?)?[1-9]\d{3}\s+[A-ZÄÖÜ][a-zäöüß]+(?:$|[\s,])")
_SWISS_PHONE_RE = re.compile(r"(?<![\d+])0[1-9]\d\s\d{3}\s\d{2}\s\d{2}(?![\d\s]*\d)")


def guess_country(site: Site) -> str:
    votes: dict[str, float] = {}
    country = _SUFFIX_COUNTRY.get(site.suffix)
    if country:
        votes[country] = votes.get(country, 0.0) + 3
    for page in site.pages:
        lang = (page.lang or "").replace("_", "-").lower()
        if "-" in lang:
            region = lang.split("-", 1)[1].upper()
            if region in ("DE", "AT", "CH", "GB", "US"):
                votes[region] = votes.get(region, 0.0) + (1.0 if page.kind == "home" else 0.3)
        elif lang == "de" and page.kind == "home":
            votes["DE"] = votes.get("DE", 0.0) + 0.5  # German without a region: Germany unless more is known
    prefix_votes: Counter[str] = Counter()
    other: dict[str, float] = {}
    de_postal = four_digit = swiss_phone = False
    for page in site.pages:
        if page.kind == "privacy":
            continue
        for line in page.lines:
            if line.scope != COMPANY:
                continue
            text = line.text
            if not _HINT_RE.search(text):
                continue
            for m in _PREFIX_RE.finditer(text):
                prefix_votes[_PREFIX_COUNTRY[m.group(1) or m.group(2)]] += 1
            for rx, c in _VAT_RES:
                if rx.search(text):
                    other[c] = other.get(c, 0.0) + 3
            for m in US_ZIP_RE.finditer(text):
                if m.group(2) in US_STATES:
                    other["US"] = other.get("US", 0.0) + 2
            if UK_POSTCODE_RE.search(text):
                other["GB"] = other.get("GB", 0.0) + 1
            # The legal notice's address outweighs a template's lang="en-gb".
            weight = 2.0 if page.kind in ("impressum", "contact") else 1.0
            if len(text) <= 80:  # a country named in an address line, not in prose ("registered in the USA")
                for m in _WORDS_RE.finditer(text):
                    other[m.lastgroup or ""] = other.get(m.lastgroup or "", 0.0) + weight
            if _DE_PLZ_RE.search(text):
                other["DE"] = other.get("DE", 0.0) + 0.5 * weight
                de_postal = True
            if len(text) <= 80:
                four_digit = four_digit or bool(_FOUR_PLZ_RE.search(text))
                swiss_phone = swiss_phone or bool(_SWISS_PHONE_RE.search(text))
    if four_digit and swiss_phone and not de_postal:
        # "Mattenweg 7, 4334 Sisseln" and "079 123 45 67" on a .com site: a four-digit postal code is not
        # German, and the national numbers are grouped the Swiss way
        other["CH"] = other.get("CH", 0.0) + 3
    for c, n in prefix_votes.items():
        votes[c] = votes.get(c, 0.0) + min(n, 4)
    for c, v in other.items():
        votes[c] = votes.get(c, 0.0) + min(v, 8)
    for c in ("US", "GB"):
        if c in votes and c not in other and c not in prefix_votes and c != country and len(votes) > 1:
            # lang="en-US" is a theme's default: without an address, prefix or domain of that country it does not
            # outvote a German postal line.
            del votes[c]
    if not votes:
        return "DE"
    return max(votes, key=lambda k: votes[k])
