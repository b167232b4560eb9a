"""The parsed website every extractor works on, plus candidate bookkeeping shared by them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

import tldextract

from .dom import Line, ParsedPage
from .facts import Evidence
from .textutil import snippet


@cache
def _tld_extractor() -> tldextract.TLDExtract:
    # Bundled public-suffix snapshot only: the extractor must never touch the network.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=4096)
def split_domain(host_or_url: str) -> tuple[str, str]:
    """(registrable domain label, public suffix) — ("mueller-stb", "de"); suffix "" when unknown."""
    r = _tld_extractor()(host_or_url)
    return r.domain.lower(), r.suffix.lower()


def split_site_domain(url: str) -> tuple[str, str]:
    """split_domain for the site itself: a top-level domain the bundled suffix list does not know (a new gTLD,
    ".test") is taken as the suffix, and the label before it as the site's name."""
    r = _tld_extractor()(url)
    if not r.suffix and r.subdomain and not r.domain.isdigit():
        return r.subdomain.rsplit(".", 1)[-1].lower(), r.domain.lower()
    return r.domain.lower(), r.suffix.lower()


# Static-site hosts that give each account a subdomain (and each project a path): the registrable domain ("github")
# names the host, not the business; the account and the project name it ("annamuster.github.io/yoga-studio/").
_SHARED_HOSTS = frozenset({"github.io", "gitlab.io", "pages.dev", "netlify.app", "vercel.app", "codeberg.page"})


def site_label(url: str) -> str:
    """The site's own name as its address spells it: the domain label, or on a shared static host the account
    subdomain and the first path segment ("annamuster-yoga-studio")."""
    r = _tld_extractor()(url)
    label, suffix = split_site_domain(url)
    if f"{label}.{suffix}" not in _SHARED_HOSTS or not r.subdomain:
        return label
    path = url.split("://", 1)[-1].split("/")
    first = path[1] if len(path) > 1 else ""
    first = "" if first.endswith((".html", ".htm", ".php")) else first  # a page, not a project
    words = [r.subdomain.rsplit(".", 1)[-1], *re.findall(r"[a-z0-9]+", first.lower())]
    return "-".join(w for w in words if w)


def registrable_domain(host_or_url: str) -> str:
    label, suffix = split_domain(host_or_url)
    return f"{label}.{suffix}" if suffix else ""


@dataclass
class Site:
    url: str
    domain: str  # registrable domain, "" if unknown
    domain_label: str
    suffix: str
    pages: list[ParsedPage]
    region: str = "DE"  # default region for national phone numbers

    def lines(self) -> list[tuple[ParsedPage, Line]]:
        return [(p, line) for p in self.pages for line in p.lines]


@dataclass
class Candidate:
    """A value seen somewhere on the site with a confidence score and where it came from."""

    value: str
    score: float
    url: str
    snippet: str
    extra: dict[str, str] = field(default_factory=dict)

    def evidence(self) -> Evidence:
        return Evidence(url=self.url, snippet=self.snippet)


def make_candidate(value: str, score: float, page: ParsedPage, text: str, start: int = 0,
                   end: int | None = None) -> Candidate:
    return Candidate(value=value, score=score, url=page.url, snippet=snippet(text, start, end))


def best(cands: list[Candidate]) -> Candidate | None:
    """Sum scores per value (diminishing returns for repeats) and return the strongest value's best
    occurrence. Repeats matter (footer on every page) but must not outvote one strong Impressum hit."""
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(c.value.casefold(), []).append(c)
    ranked: list[tuple[float, int, Candidate]] = []
    for order, items in enumerate(groups.values()):
        items.sort(key=lambda c: -c.score)
        total = items[0].score + 0.25 * sum(c.score for c in items[1:4])
        ranked.append((total, -order, items[0]))
    if not ranked:
        return None
    ranked.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return ranked[0][2]
