"""What the model may read of a website: the visible text of its pages, delimited and cut to a budget.

The leads service keeps what its crawl saw of each page (``SitePage``): only text a visitor would see,
hidden elements and attributes left out, since those are where prompt injections hide. Scraped text is
untrusted all the same: it goes to the model inside an ``UNTRUSTED_…`` block whose markers cannot be
forged from inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from services.leads.schemas import SitePage

CHARS_PER_TOKEN = 4
KIND_ORDER = {"home": 0, "about": 1, "team": 2, "contact": 3, "impressum": 4, "other": 5}
_MARKER = re.compile(r"<<<|>>>|UNTRUSTED_", re.I)
_DEFANGED = {"<<<": "\u2039\u2039\u2039", ">>>": "\u203a\u203a\u203a"}  # look-alike angle quotes


def estimate_tokens(text: str) -> int:
    """About four characters a token for European languages: cheap, and on the safe side for budgets."""
    return (len(text) + CHARS_PER_TOKEN - 1) // CHARS_PER_TOKEN



def neutralise(text: str) -> str:
    """Text from outside can never close or open a delimited block."""
    return _MARKER.sub(lambda m: _DEFANGED.get(m.group(0), "UNTRUSTED-"), text)


def untrusted_block(kind: str, body: str, *, label: str = "") -> str:
    head = f"<<<UNTRUSTED_{kind}" + (f" {neutralise(label)}" if label else "")
    return f"{head}\n{neutralise(body)}\nUNTRUSTED_{kind}>>>"


@dataclass
class SourceText:
    """The website as the model reads it, and everything that grounding may match against."""

    blocks: str  # delimited blocks, cut to the budget
    full_text: str  # all visible text, uncut (grounding)
    links: set[str]
    tokens: int
    truncated: bool
    pages: int
    texts: list[SitePage] = field(default_factory=list)  # per page, important pages first, uncut

    @property
    def empty(self) -> bool:
        return not self.full_text.strip()


def _dedupe_lines(pages: list[SitePage]) -> list[SitePage]:
    """Menus and footers repeat on every page: the model reads them once."""
    seen: set[str] = set()
    out = []
    for page in pages:
        kept = []
        for line in page.text.split("\n"):
            key = line.casefold()
            if len(line) < 200 and key in seen:
                continue
            seen.add(key)
            kept.append(line)
        out.append(page.model_copy(update={"text": "\n".join(kept)}))
    return out


def _shares(lengths: list[int], budget: int) -> list[int]:
    """Water-filling: every page gets an equal share; what short pages leave over goes to long ones."""
    shares = [0] * len(lengths)
    open_ = [i for i, n in enumerate(lengths) if n > 0]
    left = budget
    while open_ and left >= len(open_):
        each = left // len(open_)
        still = []
        for i in open_:
            take = min(each, lengths[i] - shares[i])
            shares[i] += take
            left -= take
            if shares[i] < lengths[i]:
                still.append(i)
        open_ = still
    return shares


def build_source(pages: Iterable[SitePage], max_tokens: int) -> SourceText:
    """The pages' visible text in delimited blocks, important pages first, cut to ``max_tokens``."""
    texts = sorted(pages, key=lambda t: KIND_ORDER.get(t.kind, 9))
    full = "\n".join(t.text for t in texts)
    links = {link for t in texts for link in t.links}
    deduped = [t for t in _dedupe_lines(texts) if t.text]
    overhead = sum(80 + len(t.url) for t in deduped)
    budget_chars = max(0, max_tokens * CHARS_PER_TOKEN - overhead)
    shares = _shares([len(t.text) for t in deduped], budget_chars)
    truncated = False
    blocks = []
    for page, share in zip(deduped, shares, strict=True):
        body = page.text
        if len(body) > share:
            body = body[:share].rsplit(" ", 1)[0] + " […]"
            truncated = True
        if share > 0:
            blocks.append(untrusted_block("WEBSITE_TEXT", body, label=f"page={page.kind} url={page.url}"))
    joined = "\n\n".join(blocks)
    return SourceText(blocks=joined, full_text=full, links=links, tokens=estimate_tokens(joined),
                      truncated=truncated, pages=len(deduped), texts=texts)
