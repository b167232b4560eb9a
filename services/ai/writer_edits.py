"""The offline edits of a draft: what each keeps is the point.

- "Shorter" keeps the greeting, the call to action and the sign-off; it cuts the middle.
- "More personal" adds one line about the prospect in the sender's voice, citing the website page it
  comes from ("Auf Ihrer Website habe ich gesehen, dass …"); never the prospect's own sentences as ours.
- "Fix grammar" fixes spacing, punctuation and capitals after a full stop, and changes nothing else:
  links, addresses and ``{{placeholders}}`` are left alone, and a clean draft comes back unchanged.
- "Improve" drops filler phrases and fixes grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .claims import WEBSITE_WORDS
from .grounding import EMAIL_RE, URL_RE
from .site_facts import SiteFact
from .writer_phrases import CLOSING_LINES
from .writer_rules import Brief, cite, lower_first

_GREETING = re.compile(r"^(sehr geehrte[rs]?|guten (tag|morgen|abend)|hallo|hi|hey|hello|dear|liebe[rs]?|moin|"
                       r"servus|grüß gott|grüezi|good (morning|afternoon))\b", re.I)
_CLOSING = re.compile(r"^(?:" + "|".join(re.escape(c) for c in CLOSING_LINES) + r")\s*[,!.]?\s*$", re.I)
CTA_RE = re.compile(r"\?|\b(termin\w*|telefonat\w*|gespräch\w*|anruf\w*|call|meeting|book\w*|calendar|kalender|"
                    r"slot|reply|let me know|melden sie sich|melde dich|bescheid)\b", re.I)
_ABBREVIATION = re.compile(r"(?:(?<![\w.])[a-zA-Z]\.|\b(?:bzw|ca|usw|etc|vs|Nr|Dr|Prof|Hr|Fr|Str|"
                           r"Tel|Mr|Ms|Mrs|St|inkl|evtl|ggf|vgl)\.|\d\.)$")
_FILLER = re.compile(r"\b(I hope this (?:e-?mail|message) finds you well[.!]?|just|actually|basically|really|"
                     r"ich hoffe, es geht Ihnen gut[.!]?|ich hoffe, es geht dir gut[.!]?|eigentlich|halt)\s*", re.I)
_PROTECT = re.compile(rf"{URL_RE.pattern}|{EMAIL_RE.pattern}|\{{\{{[^}}]*\}}\}}", re.I)


@dataclass
class DraftParts:
    """A draft as greeting line, paragraphs and sign-off block (closing line to the end)."""

    greeting: str | None
    paragraphs: list[str]
    sign_off: str | None

    def render(self) -> str:
        return "\n\n".join(p for p in (self.greeting, *self.paragraphs, self.sign_off) if p)


def split_draft(body: str) -> DraftParts:
    lines = body.strip("\n").split("\n")
    start = 0
    greeting = None
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None:
        line = lines[first].strip()
        if _GREETING.match(line) and len(line.split()) <= 10 and (line.endswith(",") or len(line.split()) <= 6):
            greeting, start = line, first + 1
    end = len(lines)
    for i in range(len(lines) - 1, start - 1, -1):
        if _CLOSING.match(lines[i].strip()):
            end = i
            break
    sign_off = "\n".join(lines[end:]).strip() or None
    middle = "\n".join(lines[start:end]).strip()
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", middle) if p.strip()]
    return DraftParts(greeting, paragraphs, sign_off)


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; abbreviations ("z. B.", "Dr.") do not end one."""
    out: list[str] = []
    for piece in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"(0-9])", paragraph.strip()):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return [s for s in out if s]


def words(text: str) -> int:
    return len(text.split())


def _cta_index(paragraphs: list[str]) -> int | None:
    return next((i for i in range(len(paragraphs) - 1, -1, -1) if CTA_RE.search(paragraphs[i])), None)


def keep_cta(paragraph: str) -> str:
    """The call to action of a paragraph: its asking sentences and the link sentence after them."""
    kept: list[str] = []
    for sentence in sentences(paragraph):
        if CTA_RE.search(sentence) or (kept and URL_RE.search(sentence)):
            kept.append(sentence)
    return " ".join(kept) or paragraph


def shorter(body: str) -> tuple[str, list[str]]:
    """The draft about half as long: greeting, first sentences, the call to action, the sign-off."""
    parts = split_draft(_drop_fillers(body))
    cta = _cta_index(parts.paragraphs)
    kept: list[str] = []
    others = 0
    for i, paragraph in enumerate(parts.paragraphs):
        if i == cta:
            kept.append(keep_cta(paragraph))
        elif others < 2:
            kept.append(sentences(paragraph)[0])
            others += 1
    result = DraftParts(parts.greeting, kept, parts.sign_off).render()
    if words(result) >= words(body) and len(kept) > 1:
        # Still as long: keep only the opening and the call to action.
        kept = [kept[0], kept[-1]] if cta is not None else kept[:1]
        result = DraftParts(parts.greeting, kept, parts.sign_off).render()
    notes = [] if words(result) < words(body) else ["The draft is already as short as it gets without losing "
                                                    "its greeting, call to action or sign-off."]
    if cta is None:
        notes.append("The draft has no call to action (a question or a booking link); consider adding one.")
    return (result if words(result) < words(body) else body), notes


def more_personal(body: str, brief: Brief) -> tuple[str, list[str], SiteFact | None]:
    """The draft with one line about the prospect in the sender's voice, citing its page: after the
    opening paragraph (first, when the draft has only one)."""
    subject, dative = brief.subject_words()
    fresh = [f for f in brief.facts if f.clause(brief.language, subject, dative) not in body]
    fact = next((f for f in fresh if f.kind != "city"), None) or next(iter(fresh), None)
    if fact is None:
        why = ("every fact found on the company's website is cited already" if brief.facts else
               "nothing citable is known about the company yet: enrich it (or have its website crawled) first")
        return body, [f"No personal line added: {why}."], None
    parts = split_draft(body)
    seed = f"{brief.them}|{brief.recipient_name}|personal"
    cited_before = bool(WEBSITE_WORDS.search(body))
    key = ("personal_more" if cited_before else "personal") if fact.kind != "city" else (
        "cite_more" if cited_before else "cite")
    line = cite(brief, fact, key, seed)
    if len(parts.paragraphs) >= 2:
        parts.paragraphs.insert(1, line)
        return parts.render(), [], fact
    if brief.language == "de" and parts.greeting:
        line = lower_first(line)
        if parts.paragraphs and parts.paragraphs[0][:1].islower():
            parts.paragraphs[0] = parts.paragraphs[0][:1].upper() + parts.paragraphs[0][1:]
    parts.paragraphs.insert(0, line)
    return parts.render(), [], fact


def _drop_fillers(text: str) -> str:
    return "\n".join(re.sub(r"[ \t]{2,}", " ", _FILLER.sub("", line)).rstrip() for line in text.split("\n"))


def improve(body: str, language: str) -> str:
    """Filler phrases dropped, grammar fixed; nothing else changes."""
    return fix_grammar(_drop_fillers(body), language)


def _capitalise_after_stop(match: re.Match[str]) -> str:
    before = match.string[:match.start() + 1]
    if _ABBREVIATION.search(before):
        return match.group(0)
    return match.group(1) + match.group(2).upper()


def _fix_line(line: str, english: bool) -> str:
    protected: list[str] = []

    def keep(m: re.Match[str]) -> str:
        protected.append(m.group(0))
        return f"\ue000{len(protected) - 1}\ue001"

    indent = line[: len(line) - len(line.lstrip(" \t"))]
    text = _PROTECT.sub(keep, line.strip())
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"([,;!?])\1+", r"\1", text)
    text = re.sub(r" +([,;:!?]|\.(?=\s|$|[A-Za-zÄÖÜäöüß]))", r"\1", text)
    text = re.sub(r"([,;:!?])(?=[A-Za-zÄÖÜäöüß])", r"\1 ", text)
    text = re.sub(r"(?<=[a-zäöüß]{2})\.(?=[A-ZÄÖÜ][a-zäöüß])", ". ", text)
    text = re.sub(r"([.!?]\s+)([a-zäöü])", _capitalise_after_stop, text)
    if english:
        text = re.sub(r"(?<![\w.'\u2019-])i(?=[\s,;:!?'\u2019]|$)", "I", text)
        text = re.sub(r"\b(the|a|an|to|and|of|in|is|we|I)\s+\1\b", r"\1", text, flags=re.I)
    text = re.sub("\ue000(\\d+)\ue001", lambda m: protected[int(m.group(1))], text)
    return indent + text


def fix_grammar(text: str, language: str | None) -> str:
    """Spacing, punctuation and capitals fixed line by line; line breaks, links and wording stay."""
    english = not (language or "").lower().startswith("de")
    return "\n".join(_fix_line(line, english) if line.strip() else "" for line in text.split("\n"))
