"""Small text helpers shared by the extractors."""

from __future__ import annotations

import re
import unicodedata

_WS_RE = re.compile(r"\s+")
# Characters that sites sprinkle into text to defeat scrapers or that browsers render invisibly.
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "à": "a", "ç": "c"})

SNIPPET_MAX = 200


def clean_text(text: str) -> str:
    """Collapse whitespace (incl. NBSP) and drop invisible characters."""
    return _WS_RE.sub(" ", _INVISIBLE_RE.sub("", text)).strip()


def fold(text: str) -> str:
    """Casefold and transliterate umlauts so 'Müller' matches 'mueller' in domains."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_TRANSLIT)


def alnum_tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^0-9a-z]+", fold(text)) if t]


def snippet(text: str, start: int = 0, end: int | None = None) -> str:
    """A <= 200 char window of `text` centred on [start, end)."""
    if end is None:
        end = len(text)
    if len(text) <= SNIPPET_MAX:
        return text
    mid = (start + end) // 2
    lo = max(0, min(mid - SNIPPET_MAX // 2, len(text) - SNIPPET_MAX))
    return text[lo : lo + SNIPPET_MAX]


def words(text: str, sep: str | None = None) -> frozenset[str]:
    """A frozenset of the words in `text` (keeps long vocabularies readable in source)."""
    return frozenset(w.strip() for w in text.split(sep) if w.strip())
