"""How a contact is greeted: one set of rules for every service (the writer, the e-mail service's
``{{ salutation }}``), computed from the contact's name and form of address.

German business mail defaults to the formal register: "Sehr geehrter Herr Dr. Bergmann," when the form
of address is known, else the neutral "Guten Tag Dr. Klaus Bergmann," — the form is never guessed from
a first name. "Hallo Klaus," only in the informal register. English likewise: "Dear Dr. Bergmann," /
"Dear Ms. Weber," / "Hi Klaus,". A name typed as "Herr Dr. Klaus Bergmann" counts: the form word is
recognised when no form of address is recorded.

Titles follow DIN 5008 usage: the greeting keeps "Prof." and "Dr." (one "Dr." per doctorate) and drops
faculty suffixes ("Dr. med. dent." greets as "Dr.") and degrees ("Dipl.-Ing.", "Mag.", "MBA"); with
"Prof. Dr." a gendered greeting names only the highest title ("Sehr geehrte Frau Prof. Weber,").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

FormOfAddress = Literal["herr", "frau", "unknown"]
Register = Literal["formal", "informal"]
FORMS_OF_ADDRESS: tuple[FormOfAddress, ...] = ("herr", "frau", "unknown")

_FORM_WORDS: dict[str, FormOfAddress] = {
    "herr": "herr", "herrn": "herr", "hr.": "herr", "mr": "herr", "mr.": "herr",
    "frau": "frau", "fr.": "frau", "mrs": "frau", "mrs.": "frau", "ms": "frau", "ms.": "frau", "miss": "frau",
}
_FACULTY = (r"(?:med|dent|vet|rer|nat|pol|oec|soc|phil|jur|iur|theol|paed|agr|pharm|troph|techn|sc|biol|mont|ing|"
            r"habil|disc|publ|h\.\s?c)\.")
_PROF = re.compile(r"(?:univ\.-|apl\.\s?|hon\.-|jun\.-|em\.\s?)?prof(?:\.|essor(?:in)?\b)(?:\s?em\.)?", re.I)
_DR = re.compile(rf"dr\.(?:-ing\.|-ing\b)?(?:\s?{_FACULTY})*(?:\s?e\.\s?h\.)?|dr\b(?!\.\w)", re.I)
_DEGREE = re.compile(r"(?:dipl\.[\w.-]*(?:\s?\(fh\))?|mag\.(?:\s?(?:rer\.|iur\.|phil\.|arch\.)"
                     r"(?:\s?[a-z]+\.)?)?|mmag\.|ing\.|priv\.-doz\.|pd\b|b\.\s?sc\.|m\.\s?sc\.|b\.\s?a\.|m\.\s?a\.|"
                     r"ll\.\s?m\.|bsc\b|msc\b|mba\b|ra\b|stb\b|wp\b)", re.I)
_TRAILING = re.compile(r"(?:,?\s+(?:mba|m\.?\s?sc\.?|b\.?\s?sc\.?|ll\.?\s?m\.?|m\.?\s?a\.|b\.?\s?a\.|"
                       r"(?P<phd>ph\.?\s?d\.?)|jr\.?|sr\.?|ii|iii))+\s*$", re.I)
# Lower-case words that belong to a family name ("Ursula von der Leyen", "Vincent van Gogh").
PARTICLES = frozenset({"von", "van", "vom", "zu", "zum", "zur", "de", "der", "den", "des", "di", "da", "del",
                       "della", "dos", "du", "la", "le", "ten", "ter", "af", "av", "y", "bin", "al", "el"})


@dataclass(frozen=True)
class ParsedName:
    """A person's name split for greeting: the typed form word, the titles, given and family name."""

    form: FormOfAddress  # from a typed "Herr"/"Frau"/"Mr"/"Ms"; "unknown" when none was typed
    professor: bool
    doctorates: int
    first_name: str
    last_name: str  # with its particles: "von der Leyen"
    name: str  # the name without the form word (titles kept): "Dr. Klaus Bergmann"

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    def titles(self, *, highest_only: bool) -> str:
        """The titles a greeting uses: "Prof.", "Dr.", "Dr. Dr.", or "Prof. Dr." in full-name greetings."""
        if self.professor and (highest_only or not self.doctorates):
            return "Prof."
        doctor = " ".join(["Dr."] * self.doctorates)
        return f"Prof. {doctor}" if self.professor else doctor


def _consume_prefix(text: str) -> tuple[str, FormOfAddress, bool, int]:
    form: FormOfAddress = "unknown"
    professor, doctorates = False, 0
    while True:
        text = text.lstrip(" ,")
        word = text.split(" ", 1)[0].lower()
        rest = text[len(word):]
        if word in _FORM_WORDS and rest.strip():
            form = _FORM_WORDS[word] if form == "unknown" else form
            text = rest
            continue
        for pattern in (_PROF, _DR, _DEGREE):
            match = pattern.match(text)
            if match and (match.end() == len(text) or not text[match.end()].isalnum()) and text[match.end():].strip():
                if pattern is _PROF:
                    professor = True
                elif pattern is _DR:
                    doctorates += 1
                text = text[match.end():]
                break
        else:
            return text.strip(), form, professor, doctorates


def parse_name(name: str | None) -> ParsedName:
    """Split a name as typed ("Herr Dr. Klaus Bergmann", "Bergmann, Klaus", "Ursula von der Leyen")."""
    raw = re.sub(r"\s+", " ", (name or "").strip())
    body, form, professor, doctorates = _consume_prefix(raw)
    trailing = _TRAILING.search(body)
    if trailing and trailing.start() > 0:
        doctorates += bool(trailing.group("phd"))
        body = body[:trailing.start()].strip()
    if body.count(",") == 1:  # "Bergmann, Klaus"; "Klaus Bergmann, Geschäftsführer" keeps the name
        before, after = (p.strip() for p in body.split(","))
        family = before.split()
        swapped = after and (len(family) == 1 or family[0].lower() in PARTICLES)
        body = f"{after} {before}" if swapped else before
    body = body.strip(" ,")
    words = body.split()
    typed = raw
    if form != "unknown":  # the name as stored: without the form word, titles kept
        typed = re.sub(r"^\s*(?:herrn?|frau|hr\.|fr\.|mrs?\.?|ms\.?|miss)\s+", "", raw, count=1, flags=re.I)
    if not words:
        return ParsedName(form, professor, doctorates, "", "", typed)
    if len(words) == 1:
        return ParsedName(form, professor, doctorates, "", words[0], typed)
    split = next((i for i in range(1, len(words) - 1) if words[i].lower() in PARTICLES), len(words) - 1)
    return ParsedName(form, professor, doctorates, words[0], " ".join(words[split:]), typed)


def effective_form(parsed: ParsedName, recorded: str | None) -> FormOfAddress:
    """The recorded form of address, else the one typed into the name, else unknown."""
    if recorded in ("herr", "frau"):
        return "herr" if recorded == "herr" else "frau"
    return parsed.form


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def salutation(name: str | None, form_of_address: str | None, language: str | None,
               register: str = "formal") -> str:
    """The greeting line, comma included: "Sehr geehrter Herr Dr. Bergmann,"."""
    return _greeting(parse_name(name), form_of_address, language, register)


def _greeting(parsed: ParsedName, form_of_address: str | None, language: str | None, register: str) -> str:
    form = effective_form(parsed, form_of_address)
    english = not (language or "").lower().startswith("de")
    if not parsed.last_name:
        if register == "informal":
            return "Hi," if english else "Hallo,"
        return "Hello," if english else "Guten Tag,"
    if register == "informal" and parsed.first_name:
        return f"Hi {parsed.first_name}," if english else f"Hallo {parsed.first_name},"
    highest = parsed.titles(highest_only=True)
    if english:
        if highest:
            return f"Dear {_join(highest, parsed.last_name)},"
        if form != "unknown":
            return f"Dear {'Mr.' if form == 'herr' else 'Ms.'} {parsed.last_name},"
        return f"Dear {parsed.full_name},"
    if form == "herr":
        return f"Sehr geehrter Herr {_join(highest, parsed.last_name)},"
    if form == "frau":
        return f"Sehr geehrte Frau {_join(highest, parsed.last_name)},"
    return f"Guten Tag {_join(parsed.titles(highest_only=False), parsed.full_name)},"


class RegisterSalutations(BaseModel):
    formal: str
    informal: str


class Salutations(BaseModel):
    """The greeting per language and register, as every service renders ``{{ salutation }}``."""

    de: RegisterSalutations
    en: RegisterSalutations

    def pick(self, language: str | None, register: str = "formal") -> str:
        """German for "de…", English for every other language; the formal register unless informal."""
        pair = self.de if (language or "").lower().startswith("de") else self.en
        return pair.informal if register == "informal" else pair.formal


def salutations(name: str | None, form_of_address: str | None) -> Salutations:
    parsed = parse_name(name)  # once for the four greetings: every contact a list or a campaign reads has them

    def both(language: str) -> RegisterSalutations:
        return RegisterSalutations(formal=_greeting(parsed, form_of_address, language, "formal"),
                                   informal=_greeting(parsed, form_of_address, language, "informal"))

    return Salutations(de=both("de"), en=both("en"))


def split_form_of_address(name: str) -> tuple[str, FormOfAddress]:
    """A typed name without its leading "Herr"/"Frau" (titles kept), and the form it named."""
    parsed = parse_name(name)
    return (parsed.name, parsed.form) if parsed.form != "unknown" else (name, "unknown")
