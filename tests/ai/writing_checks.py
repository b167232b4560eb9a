"""What a draft a German salesperson would send must pass, checked on the text alone (the offline
writer's, a model's or the model stand-in's): used by bench/writing.py and tests/ai/test_writing*.py.

Checks (each answers None when it passes, else why not):
- salutation: the first line is the greeting the contact and the register call for;
- register: German "Sie" drafts say no "du", "du" drafts say no "Sie";
- language: the draft is in the language asked for;
- no_instruction_copy: no run of five words from the instruction is in the body;
- call_to_action: a question or a booking link before the sign-off;
- sign_off: a closing line, then the sender's name;
- facts_cited: every sentence about the company's website names a crawled page, and that page holds
  its numbers and its other words (the writer's own phrasing aside);
- length: a new draft within its bound; "shorter" shorter; "more personal" one line longer (or unchanged
  with the service's warning that the website holds nothing more to cite);
- edit_kept: "fix grammar" changes nothing in a clean draft; "more personal" keeps every paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from services.ai.site_facts import CLAUSE_WORDS
from services.ai.writer_phrases import vocabulary
from services.ai.writer_rules import LENGTH_BOUNDS
from services.leads.schemas import SitePage

CHECKS = ("salutation", "register", "language", "no_instruction_copy", "call_to_action", "sign_off", "facts_cited",
          "length", "edit_kept")
_URL = re.compile(r"https?://[^\s)<>\"']+")
_CLOSINGS = re.compile(r"^(Mit freundlichen Grüßen|Freundliche Grüße|Viele Grüße|Beste Grüße|Liebe Grüße|"
                       r"Herzliche Grüße|Kind regards|Best regards|Best wishes|Regards|Cheers|Best|Sincerely)[,!]?$")
_DU = re.compile(r"\b(du|dich|dir|dein\w*|euch|euer|eure[mnrs]?|Du|Dich|Dir|Dein\w*)\b")
_SIE = re.compile(r"\b(Ihnen|Ihre[mnrs]?|Ihr)\b|(?<![.!?:]\s)(?<!^)\bSie\b", re.M)
_GERMAN = {"und", "wir", "der", "die", "das", "für", "mit", "ist", "nicht", "sie", "ich", "ihnen", "habe", "auf",
           "dass", "bei", "den", "dem", "ein", "eine", "zu", "von", "uns", "sich", "wenn", "oder", "hätten", "gern"}
_ENGLISH = {"and", "we", "the", "for", "with", "is", "not", "you", "i", "your", "our", "that", "to", "of", "on",
            "at", "have", "this", "would", "a", "an", "be", "it", "in", "if", "or", "us", "are", "what"}
_WEBSITE = re.compile(r"\b(website|webseite|homepage|internetseite)\b", re.I)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(c for c in text if not unicodedata.combining(c))


_STOP = {fold(w) for w in (vocabulary() | set(CLAUSE_WORDS) | _GERMAN | _ENGLISH | {"minuten", "minutes"})}


@dataclass
class Expect:
    """What one draft must be."""

    salutation: str
    language: str
    register: str
    instruction: str
    sender_name: str | None
    pages: list[SitePage]
    length: str
    own_words: set[str] = field(default_factory=set)  # the two companies' and people's names
    kind: str = "write"  # write | improve | shorter | more_personal | fix_grammar
    before: str | None = None
    explained: bool = False  # the service warned why an edit left the draft as it was


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", fold(_URL.sub(" ", text)))


def _lines(body: str) -> list[str]:
    return [line.strip() for line in body.strip().split("\n")]


def _main_text(body: str) -> str:
    """The body between greeting and sign-off."""
    lines = _lines(body)[1:]
    end = next((i for i, line in enumerate(lines) if _CLOSINGS.match(line)), len(lines))
    return "\n".join(lines[:end])


def _sentences(text: str) -> list[str]:
    return [s for line in text.split("\n") for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ(])", line) if s.strip()]


def _url_key(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url.rstrip(".,;:)").lower()).rstrip("/")


def _numbers(text: str) -> set[str]:
    return {re.sub(r"[.,]", "", n) for n in re.findall(r"\d{1,3}(?:[.,]\d{3})+(?!\d)|\d+", _URL.sub(" ", text))}


def check_salutation(body: str, e: Expect) -> str | None:
    first = _lines(body)[0] if body.strip() else ""
    return None if first == e.salutation else f"greets {first!r}, expected {e.salutation!r}"


def check_register(body: str, e: Expect) -> str | None:
    if e.language != "de":
        return None
    text = _main_text(body)
    wrong = (_DU if e.register == "formal" else _SIE).search(text)
    return None if wrong is None else f"says {wrong.group(0)!r} in the {e.register} register"


def check_language(body: str, e: Expect) -> str | None:
    words = _words(_main_text(body))
    german, english = sum(w in _GERMAN for w in words), sum(w in _ENGLISH for w in words)
    found = "de" if german > english else "en"
    return None if found == e.language else f"reads as {found} ({german} German, {english} English words)"


def check_no_instruction_copy(body: str, e: Expect) -> str | None:
    asked, said = _words(e.instruction), _words(body)
    runs = {tuple(said[i:i + 5]) for i in range(len(said) - 4)}
    for i in range(len(asked) - 4):
        if tuple(asked[i:i + 5]) in runs:
            return f"copies {' '.join(asked[i:i + 5])!r} from the instruction"
    return None


def check_call_to_action(body: str, e: Expect) -> str | None:
    text = _main_text(body)
    return None if "?" in text or re.search(r"\b(termin|book|slot|kalender|calendar)\w*", text, re.I) else (
        "no question and no booking link")


def check_sign_off(body: str, e: Expect) -> str | None:
    lines = _lines(body)
    at = next((i for i, line in enumerate(lines) if _CLOSINGS.match(line)), None)
    if at is None:
        return "no closing line"
    if e.sender_name and e.sender_name not in lines[at + 1:at + 4]:
        return f"the closing is not followed by {e.sender_name!r}"
    return None


def check_facts_cited(body: str, e: Expect) -> str | None:
    pages = {_url_key(p.url): p for p in e.pages}
    for sentence in _sentences(_main_text(body)):
        urls = [u for u in _URL.findall(sentence) if _url_key(u) in pages]
        if not urls and not _WEBSITE.search(sentence):
            continue
        if not urls:
            return f"cites the website without its page: {sentence[:100]!r}"
        page_text = "\n".join(pages[_url_key(u)].text for u in urls)
        missing = _numbers(sentence) - _numbers(page_text)
        if missing:
            return f"{sorted(missing)} not on {urls[0]}: {sentence[:120]!r}"
        on_page = set(_words(page_text))
        for word in re.findall(r"\b[A-ZÄÖÜ][\w-]{3,}", _URL.sub(" ", sentence)):
            folded = fold(word)
            if folded in _STOP or folded in e.own_words or any(p in e.own_words for p in folded.split("-")):
                continue
            if not any(w.startswith(folded[:5]) for w in on_page):
                return f"{word!r} is not on {urls[0]}: {sentence[:120]!r}"
    return None


def check_length(body: str, e: Expect) -> str | None:
    n = len(body.split())
    low, high = LENGTH_BOUNDS[e.length]
    before = len((e.before or "").split())
    if e.kind == "write":
        return None if low <= n <= high else f"{n} words, outside {low}-{high}"
    if e.kind == "shorter":
        return None if n < before else f"{n} words, not fewer than {before}"
    if e.kind == "more_personal":
        if n == before and e.explained:  # nothing new to cite, and the writer said so
            return None
        return None if before < n <= high + 45 else f"{n} words after {before}"
    return None if n <= max(before, high) else f"{n} words, longer than before ({before})"


def check_edit_kept(body: str, e: Expect) -> str | None:
    if e.kind == "fix_grammar":
        return None if body == e.before else "fix grammar changed a clean draft"
    if e.kind == "more_personal":
        lost = [p for p in (e.before or "").split("\n\n") if p.strip() and p.strip()[1:] not in body]
        return None if not lost else f"lost {lost[0][:80]!r}"
    return None


def run_checks(body: str, e: Expect) -> dict[str, str | None]:
    funcs = {"salutation": check_salutation, "register": check_register, "language": check_language,
             "no_instruction_copy": check_no_instruction_copy, "call_to_action": check_call_to_action,
             "sign_off": check_sign_off, "facts_cited": check_facts_cited, "length": check_length,
             "edit_kept": check_edit_kept}
    return {name: funcs[name](body, e) for name in CHECKS}
