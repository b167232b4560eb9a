"""Grounding of what an e-mail says about the prospect: a fact attributed to their website must be on it.

A sentence that cites the website (names it, or links one of its pages) may state only numbers and
quoted words its cited page (or, with no page named, the site) contains; a year anywhere in the text
must occur in some source (the pages, the records, the instruction, the template or draft, the sender
profile). What fails is removed sentence by sentence, with a warning saying which; sentences the user
wrote themselves (the draft being edited, the template) are theirs and stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from services.leads.schemas import SitePage

from .grounding import URL_RE, _fold, _url_key

WEBSITE_WORDS = re.compile(r"\b(website|webseite|homepage|internetseite|internetauftritt|your site|eurer seite|"
                           r"ihrer seite)\b", re.I)
_YEAR = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]\d)")
_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?!\d)|\d+")
_QUOTED = re.compile(r"[„“\"«»]([^„“\"«»\n]{3,200})[“”\"«»]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"(0-9])")


def numbers(text: str) -> set[str]:
    """Numbers as digit strings ("1.800" and "1,800" both "1800"), links left out."""
    return {re.sub(r"[.,]", "", n) for n in _NUMBER.findall(URL_RE.sub(" ", text))}


@dataclass(frozen=True)
class Unsupported:
    sentence: str
    reason: str


def split_sentences(text: str) -> list[str]:
    return [s for line in text.split("\n") for s in _SENTENCE_END.split(line) if s.strip()]


def cited_pages(sentence: str, pages: Iterable[SitePage]) -> tuple[bool, list[SitePage]]:
    """(whether the sentence cites the website, the crawled pages it links)."""
    by_key = {_url_key(p.url): p for p in pages}
    linked = [by_key[k] for k in (_url_key(u) for u in URL_RE.findall(sentence)) if k in by_key]
    return bool(linked or WEBSITE_WORDS.search(sentence)), linked


def check_sentence(sentence: str, pages: list[SitePage], sources: str) -> str | None:
    """Why a sentence states something its sources lack, or None."""
    cites, linked = cited_pages(sentence, pages)
    for year in _YEAR.findall(URL_RE.sub(" ", sentence)):
        if year not in sources:
            return f"the year {year} is in no source"
    if not cites:
        return None
    text = "\n".join(p.text for p in (linked or pages))
    missing = sorted(numbers(sentence) - numbers(text))
    if missing:
        return f"{', '.join(missing)} is not on the cited page"
    folded = _fold(text)
    for quote in _QUOTED.findall(sentence):
        if _fold(quote).strip() not in folded:
            return f"\u201c{quote[:60]}\u201d is not on the cited page"
    return None


def unsupported(text: str, pages: list[SitePage], sources: str, given: str = "") -> list[Unsupported]:
    """Sentences of ``text`` stating what their sources lack; a sentence the user wrote (in ``given``: the
    draft, the template) is theirs to keep."""
    return [Unsupported(s, why) for s in split_sentences(text)
            if s.strip() not in given and (why := check_sentence(s, pages, sources))]


def drop_unsupported(text: str, pages: list[SitePage], sources: str, given: str = "") -> tuple[str, list[str]]:
    """The text without sentences whose facts the sources do not contain; and a warning for each."""
    warnings: list[str] = []
    for item in unsupported(text, pages, sources, given):
        text = text.replace(item.sentence, "", 1)
        warnings.append(f"Removed a sentence the company's website does not support ({item.reason}): "
                        f"\u201c{item.sentence[:160]}\u201d")
    if warnings:
        text = re.sub(r"[ \t]{2,}", " ", text)
        text = re.sub(r"[ \t]+\n", "\n", text)
        text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, warnings
