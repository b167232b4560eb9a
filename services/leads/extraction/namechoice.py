"""The company name as a scored choice among candidates (rules round 10).

Every round's rules fixed the company-name misses they were shown and then scored 0.75 to 0.85 on the next unseen
sites. Instead of a further rule, the final choice is made here: every voice the site has proposes candidates
(the rules' own pick, the provider block's name lines and people, the legal entities the pages print, © holders,
<title> parts, og:site_name, JSON-LD names, the home page's headings, the logo's alt text, the Impressum's first
name line), each candidate gets a small feature vector (its sources, how many independent voices spell it, the
domain, a legal form, a person's shape, generic or navigation words, its length) and a linear score; the highest
score wins, and a "no name" alternative competes like any candidate. The weights are fitted on the labelled tuning
sites by ``bench/fit_name_choice.py`` (a conditional logit, pure Python).

Outcome of round 10: in leave-one-origin-out cross-validation the scored choice did not beat the rules (the
sites it would be fitted on are the ones the rules were tuned on, so it learns to trust the rules' pick; on
holdout9, the one fold the rules never saw, it changed nothing). So ``extract_company`` keeps the rules' pick and
:data:`WEIGHTS` stays empty (``choose`` then returns the rules' pick); the candidates and the bench remain, to
re-run the comparison when more unseen sites are folded in.
"""

from __future__ import annotations

import html as html_lib
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .dom import COMPANY, is_nav_line
from .emails import is_freemail
from .facts import PageContent
from .jsonld import JsonLdOrg
from .legal import COPYRIGHT_RE, FORM_RE, SECTION_RE, fallback_name, find_entities
from .names import person_line
from .provider import Provider, matches_site, practice_kind
from .site import Site, split_domain
from .textutil import alnum_tokens

# The voices a candidate can come from. "rules" is the rule-based pick (what the extractor chose before round 10).
SOURCES = ("rules", "provider", "provider_person", "entity_imprint", "entity_other", "copyright", "title", "og",
           "jsonld", "heading", "logo", "fallback")
# The voices that count as independent agreement with a candidate's spelling (the domain and the mailboxes
# cannot propose a name with its spaces and capitals, but they do vote).
VOICES = ("provider", "entity", "copyright", "title", "og", "jsonld", "heading", "logo", "domain", "mailbox")

FEATURES = (
    "null",  # the "no name" alternative
    *(f"src_{s}" for s in SOURCES),
    "voices",  # how many independent voices contain the candidate's tokens (capped at 4, divided by 4)
    "voices_exact",  # … spell exactly its tokens (capped at 3, divided by 3)
    "domain",  # a word of the candidate is in the domain
    "domain_all",  # every word of the candidate is in the domain
    "form",  # a legal form
    "person",  # a person's name by its shape (known given name)
    "person_loose",  # a person's name by its shape alone
    "generic",  # a practice kind, a section word, a single generic noun: names nobody
    "one_word",
    "long",  # more than six words
    "junk",  # navigation or legal words, a colon, a sentence
    "cut",  # a variant made by cutting a longer candidate (parenthesis, " - person")
    "paren",  # carries a parenthesis
    "rules_person",  # the rules' pick is a person's name …
    "rules_novoice",  # … no other voice repeats it
    "rules_generic",  # … names nobody
    "rules_form",  # … carries a legal form
)

# Empty: not in use (see above). ``bench/fit_name_choice.py --write`` fits a conditional logit over each site's
# candidates (L2 0.1) on all nine origins of tests/leads/corpus/real/tuning (v1, h2 … h9, 393 sites) and writes
# the weights here; its leave-one-origin-out table says whether they beat the rules.
WEIGHTS: dict[str, float] = {}


@dataclass
class NameCandidate:
    value: str
    sources: set[str] = field(default_factory=set)
    features: dict[str, float] = field(default_factory=dict)

    @property
    def is_null(self) -> bool:
        return self.value == ""


def name_key(value: str) -> str:
    """The comparison key of a name (the scorer's: NFKC, casefold, whitespace, outer punctuation)."""
    s = unicodedata.normalize("NFKC", value).casefold()
    return re.sub(r"\s+", " ", s).strip(" .,;:")


def _joined(value: str) -> str:
    return "".join(t for t in alnum_tokens(FORM_RE.sub(" ", value)) if len(t) >= 2)


_TITLE_CUT_RE = re.compile(r"\s[|·•\u2013—-]\s|:\s|\s[|]\s?")
_PERSON_CUT_RE = re.compile(r"\s[\u2013—|·-]\s|,\s")
_PAREN_TAIL_RE = re.compile(r"\s*\([^()]{2,60}\)\s*$")
_OG_RE = re.compile(r"<meta\s[^>]*?(?:property|name)\s*=\s*[\"']og:site_name[\"'][^>]*>", re.I)
_CONTENT_RE = re.compile(r"content\s*=\s*[\"']([^\"']{2,80})[\"']", re.I)
_IMG_RE = re.compile(r"<img\s[^>]*>", re.I)
_ALT_RE = re.compile(r"\balt\s*=\s*[\"']([^\"']{2,80})[\"']", re.I)
_MAILBOX_DOMAIN_RE = re.compile(r"@((?:[\w-]+\.)+[a-z]{2,})", re.I)
_JUNK_RE = re.compile(r"\b(?:impressum|imprint|datenschutz|privacy|startseite|home|kontakt|contact|willkommen|"
                      r"welcome|verantwortlich|betreiber\w*|angaben|gem(?:ä|ae)(?:ß|ss)|ist|sind|von|in\s+verbindung|"
                      r"offizielle|official|seite|website|webseite|homepage)\b|[:@§]|https?://|www\.", re.I)
_GENERIC_WORD_RE = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüß]+(?:praxis|institut|studio|b(?:ü|ue)ro|kanzlei|salon|"
                              r"therapie|beratung|pflege|service|technik|bau|handwerk)|Physiotherapie|Ergotherapie|"
                              r"Psychotherapie|Kosmetik|Fotografie|Beratung|Coaching|Praxis|Kanzlei|Studio|Verein|"
                              r"Selbstst(?:ä|ae)ndige?\s+\w+)$")


def _usable(value: str) -> str | None:
    value = re.sub(r"\s+", " ", value).strip(" \t.,;:|·•-\u2013—\"'„“”»«")
    if not 2 <= len(value) <= 90 or not any(c.isalpha() for c in value):
        return None
    return value


def _og_and_logo(raw: Sequence[PageContent]) -> tuple[list[str], list[str]]:
    """og:site_name and the alt text of images that are the logo (the raw HTML: the parsed lines drop both)."""
    og: list[str] = []
    logos: list[str] = []
    for page in raw:
        head = page.html[:200_000]
        for tag in _OG_RE.findall(head):
            if m := _CONTENT_RE.search(tag):
                og.append(html_lib.unescape(m.group(1)))
        for tag in _IMG_RE.findall(head):
            if "logo" not in tag.lower():
                continue
            if m := _ALT_RE.search(tag):
                alt = html_lib.unescape(m.group(1))
                if "logo" not in alt.lower():
                    logos.append(alt)
                else:  # "Muster GmbH Logo": the name without the word
                    logos.append(re.sub(r"(?i)\s*[-|]?\s*logo\b\s*", " ", alt))
    return og, logos


def _copyright_holders(site: Site) -> list[str]:
    out = []
    for page in site.pages:
        for line in page.lines:
            if len(line.text) <= 120 and COPYRIGHT_RE.match(line.text):
                rest = COPYRIGHT_RE.sub("", line.text, count=1)
                holder = re.split(r"\s[|·•/\u2013—-]\s|,\s|\.\s|\s(?:all\s+rights|alle\s+rechte)\b", rest,
                                  maxsplit=1, flags=re.I)[0]
                out.append(holder)
    return out


def _headings(site: Site) -> list[str]:
    home = [p for p in site.pages if p.kind == "home"] or site.pages[:1]
    out = []
    for page in home:
        for line in page.lines[:60]:
            if 1 <= line.level <= 3 and line.region in ("main", "header") and not is_nav_line(line):
                out.append(line.text)
        if page.lines and page.lines[0].region == "header":
            out.append(page.lines[0].text)  # the brand line at the very top
    return out


def _entities(site: Site) -> list[tuple[str, bool]]:
    out = []
    for page in site.pages:
        if page.kind == "privacy":
            continue
        for line in page.lines:
            if line.scope != COMPANY or len(line.text) > 200:
                continue
            for ent in find_entities(line.text, site.region):
                if ent.at_start:
                    out.append((ent.name, page.kind == "impressum"))
    return out


def _variants(value: str) -> list[str]:
    """Shorter readings of a candidate: without a trailing parenthesis, the part before " - <person>"."""
    out = []
    if (m := _PAREN_TAIL_RE.search(value)) and m.start() > 2:
        out.append(value[: m.start()])
    parts = _PERSON_CUT_RE.split(value)
    if len(parts) == 2 and all(len(p.strip()) >= 3 for p in parts):
        out.extend(p.strip() for p in parts)
    return out


def voice_candidates(site: Site, raw: Sequence[PageContent], rules_pick: str | None, provider: Provider | None,
                     org: JsonLdOrg | None) -> list[NameCandidate]:
    """Every name the site's voices propose, merged by spelling, each with its features; first the null."""
    proposals: list[tuple[str, str]] = []
    if rules_pick:
        proposals.append((rules_pick, "rules"))
    if provider is not None:
        if provider.name:
            proposals.append((provider.name, "provider"))
        proposals.extend((p, "provider_person") for p in (*provider.persons, *provider.owners))
    for name, on_imprint in _entities(site):
        proposals.append((name, "entity_imprint" if on_imprint else "entity_other"))
    proposals.extend((h, "copyright") for h in _copyright_holders(site))
    titles = [part for page in site.pages for part in _TITLE_CUT_RE.split(page.title or "")]
    proposals.extend((t, "title") for t in titles)
    og, logos = _og_and_logo(raw)
    proposals.extend((o, "og") for o in og)
    proposals.extend((a, "logo") for a in logos)
    if org is not None:
        proposals.extend((v, "jsonld") for v in (org.name, org.legal_name) if v)
    proposals.extend((h, "heading") for h in _headings(site))
    for page in site.pages:
        if page.kind == "impressum" and (fb := fallback_name(page)) is not None:
            proposals.append((fb[0], "fallback"))

    # the voices, as folded tokens run together
    voices: dict[str, list[str]] = {v: [] for v in VOICES}
    for value, source in proposals:
        kind = "entity" if source.startswith("entity") else "provider" if source.startswith("provider") else source
        if kind in voices:
            voices[kind].append(_joined(value))
    voices["domain"].append("".join(alnum_tokens(site.domain_label)))
    for page in site.pages:
        for line in page.lines:
            if "@" in line.text:
                voices["mailbox"].extend("".join(alnum_tokens(split_domain(d)[0]))
                                         for d in _MAILBOX_DOMAIN_RE.findall(line.text) if not is_freemail(d))

    merged: dict[str, NameCandidate] = {}
    cut: set[str] = set()
    for value, source in proposals:
        clean = _usable(value)
        if clean is None:
            continue
        for text, is_cut in ((clean, False), *((v, True) for v in _variants(clean))):
            text = _usable(text) or ""
            if not text:
                continue
            key = name_key(text)
            cand = merged.setdefault(key, NameCandidate(value=text))
            if is_cut:
                cut.add(key)
            else:
                cand.sources.add(source)
                if source == "rules":
                    cand.value = text  # the rules' spelling of a name several voices share
    rules_key = name_key(rules_pick) if rules_pick else ""
    rules_cand = merged.get(rules_key)
    out = [NameCandidate(value="", sources=set() if rules_pick else {"rules"})]
    out[0].features = {"null": 1.0} if rules_pick else {"null": 1.0, "src_rules": 1.0}
    for key, cand in merged.items():
        cand.features = _features(cand, site, voices, key in cut and not cand.sources)
        out.append(cand)
    if rules_cand is not None:
        f = rules_cand.features
        f["rules_person"] = f.get("person_loose", 0.0)
        f["rules_novoice"] = 1.0 if f.get("voices", 0.0) <= 0.25 else 0.0
        f["rules_generic"] = f.get("generic", 0.0)
        f["rules_form"] = f.get("form", 0.0)
    return out


def _features(cand: NameCandidate, site: Site, voices: Mapping[str, list[str]], only_cut: bool) -> dict[str, float]:
    value = cand.value
    f: dict[str, float] = {f"src_{s}": 1.0 for s in cand.sources}
    joined = _joined(value)
    agree = exact = 0
    if len(joined) >= 4:
        for said in voices.values():
            if any(joined in v for v in said if v):
                agree += 1
            if any(joined == v for v in said if v):
                exact += 1
    # a voice's own proposal always contains itself: count only the other voices
    own = len({"entity" if s.startswith("entity") else "provider" if s.startswith("provider") else s
               for s in cand.sources} & set(VOICES))
    f["voices"] = min(max(agree - own, 0), 4) / 4
    f["voices_exact"] = min(max(exact - own, 0), 3) / 3
    tokens = [t for t in alnum_tokens(value) if len(t) >= 3]
    label = site.domain_label.replace("-", "")
    f["domain"] = 1.0 if matches_site(value, site) else 0.0
    f["domain_all"] = 1.0 if tokens and len(label) >= 3 and all(t in label for t in tokens) else 0.0
    f["form"] = 1.0 if FORM_RE.search(value) else 0.0
    f["person"] = 1.0 if person_line(value) else 0.0
    f["person_loose"] = 1.0 if person_line(value, strict=False) else 0.0
    words_ = value.split()
    f["generic"] = 1.0 if (practice_kind(value) or SECTION_RE.match(value) or _GENERIC_WORD_RE.match(value)) else 0.0
    f["one_word"] = 1.0 if len(words_) == 1 else 0.0
    f["long"] = 1.0 if len(words_) > 6 else 0.0
    f["junk"] = 1.0 if _JUNK_RE.search(value) else 0.0
    f["cut"] = 1.0 if only_cut else 0.0
    f["paren"] = 1.0 if "(" in value else 0.0
    return {k: v for k, v in f.items() if v}


def score(cand: NameCandidate, weights: Mapping[str, float]) -> float:
    return sum(weights.get(k, 0.0) * v for k, v in cand.features.items())


def choose(cands: Sequence[NameCandidate], weights: Mapping[str, float] | None = None) -> NameCandidate:
    """The best-scoring candidate (ties: the rules' pick, then the earlier one)."""
    w = WEIGHTS if weights is None else weights
    return max(cands, key=lambda c: (score(c, w), "src_rules" in c.features))


def probabilities(cands: Sequence[NameCandidate], weights: Mapping[str, float]) -> list[float]:
    scores = [score(c, weights) for c in cands]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return [e / total for e in exp]
