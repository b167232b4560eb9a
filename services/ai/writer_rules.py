"""The offline writer: a new e-mail composed from the building blocks in writer_phrases, never from the
instruction's words.

The instruction only chooses: its intent (introduce, follow up, ask for a call, reply to interest; read
in German or English) and the call's length ("15-minute call"). What the e-mail says comes from the
records: the greeting from the contact (the leads service's salutation rules), an opening that cites a
fact of the company's website with its page, the sender's one-line offer, a call to action (with the
sender's booking link), and a sign-off with the sender's name and role.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Literal

from services.leads.schemas import salutation

from .schemas import EmailDraft
from .site_facts import SiteFact
from .writer_phrases import CLOSINGS, PHRASES

Intent = Literal["introduce", "follow_up", "ask_call", "reply_interest"]
RegisterName = Literal["formal", "informal"]
# Words of the body (greeting and signature included) per length: the bound every draft keeps.
LENGTH_BOUNDS: dict[str, tuple[int, int]] = {"short": (25, 90), "medium": (45, 150), "long": (70, 250)}

_FOLLOW_UP = re.compile(r"\b(follow(?:ing)?[- ]?up|nachfass\w*|nachhak\w*|nachfrag\w*|erinner\w*|remind\w*|"
                        r"noch (?:mal|einmal)|again|bump|check(?:ing)? in|no (?:reply|answer|response)|"
                        r"keine (?:antwort|rückmeldung|reaktion)|second (?:e-?mail|message)|"
                        r"zweite (?:e-?mail|nachricht))\b", re.I)
_REPLY = re.compile(r"\b(repl(?:y|ied|ies)|responded|answer(?:ed)?|interest(?:ed)?|antwort\w*|rückmeldung|"
                    r"zurückgemeldet|interesse\w*|interessiert|thanks? (?:them|him|her)? ?for|danke\w*|bedank\w*)\b",
                    re.I)
_INTRODUCE = re.compile(r"\b(introduc\w*|present\w*|vorstell\w*|präsentier\w*|pitch\w*|erzähl\w*|zeig\w*|show|"
                        r"tell (?:them|him|her) about|bekannt ?mach\w*|anbiet\w*|offer)\b", re.I)
_CALL = re.compile(r"\b(call|phone|meeting|meet|termin\w*|gespräch\w*|telefon\w*|anruf\w*|zoom|teams|demo|"
                   r"kennenlernen|treffen|chat|\d{1,3}[- ]?min\w*)\b", re.I)
_MINUTES = re.compile(r"\b(\d{1,3})\s*[-\u2013]?\s*(?:min\b|min\.|mins?\b|minute\w*|minuten)", re.I)
_FORMAL_PRONOUN = re.compile(r"(?<![.!?]\s)(?<!^)\b(Sie|Ihnen|Ihr|Ihre[mnrs]?)\b")
_INFORMAL_PRONOUN = re.compile(r"\b(du|dich|dir|dein\w*|euch|euer|eure[mnrs]?|Du|Dich|Dir|Dein\w*)\b")
_GERMAN_WORDS = re.compile(r"\b(und|wir|der|die|das|für|mit|ist|nicht|sie|ihre?|unser\w*|bei|von|zu|auf)\b", re.I)
_ENGLISH_WORDS = re.compile(r"\b(and|we|the|for|with|is|not|you|your|our|to|of|on|at|that)\b", re.I)


@dataclass(frozen=True)
class Sender:
    """Who writes: the sender profile from Settings (the request's sender_name overrides the name)."""

    name: str | None = None
    role: str | None = None
    company: str | None = None  # the full name ("Sensorik Nord GmbH"); prose uses it without legal form
    company_prose: str | None = None
    offer: str | None = None
    calendar_url: str | None = None
    signature: str | None = None


@dataclass(frozen=True)
class Brief:
    """Everything a draft is made from."""

    language: Literal["de", "en"]
    register: RegisterName
    tone: str  # formal | friendly | direct: the sign-off and how much bridging there is
    length: str  # short | medium | long
    intent: Intent
    wants_call: bool
    minutes: int
    recipient_name: str | None  # the contact's name as recorded (titles kept)
    form_of_address: str | None
    them: str | None  # the prospect's company in prose ("Brandt Aufzüge"), None when unknown
    facts: list[SiteFact] = field(default_factory=list)
    sender: Sender = field(default_factory=Sender)

    @property
    def phrases(self) -> dict[str, tuple[str, ...]]:
        return PHRASES[(self.language, self.register)]

    def subject_words(self) -> tuple[str, str]:
        """The prospect's company as the subject of a sentence, and after "bei"."""
        if self.them:
            return self.them, self.them
        nominative, dative = self.phrases["company"]
        return nominative, dative


@dataclass
class Composed:
    draft: EmailDraft
    notes: list[str]
    cited: list[SiteFact]


def writer_language(language: str | None) -> Literal["de", "en"]:
    return "de" if (language or "").lower().startswith("de") else "en"


def detect_intent(instruction: str) -> tuple[Intent, bool, int]:
    """(intent, whether a call is asked for, the call's minutes) from an instruction in German or English."""
    text = instruction or ""
    minutes_match = _MINUTES.search(text)
    minutes = int(minutes_match.group(1)) if minutes_match and 5 <= int(minutes_match.group(1)) <= 90 else 15
    wants_call = bool(_CALL.search(text))
    if _FOLLOW_UP.search(text):
        return "follow_up", wants_call, minutes
    if _REPLY.search(text):
        return "reply_interest", True, minutes
    if _INTRODUCE.search(text) or not wants_call:
        return "introduce", wants_call, minutes
    return "ask_call", True, minutes


def guess_language(text: str) -> Literal["de", "en"]:
    """German or English, by their most common short words."""
    return "de" if len(_GERMAN_WORDS.findall(text)) > len(_ENGLISH_WORDS.findall(text)) else "en"


def register_of(text: str) -> RegisterName:
    """Whether a German text says "du" (informal) or "Sie" (formal, also when it says neither)."""
    informal = len(_INFORMAL_PRONOUN.findall(text))
    return "informal" if informal > len(_FORMAL_PRONOUN.findall(text)) else "formal"


def _pick(options: tuple[str, ...], seed: str) -> str:
    """A variant chosen by what the draft is about: the same input always gives the same text."""
    return options[int(hashlib.sha256(seed.encode()).hexdigest(), 16) % len(options)]


def _fill(template: str, **values: object) -> str:
    return template.format(**values)


def _usable_offer(brief: Brief, notes: list[str]) -> str | None:
    """The sender's offer when it fits this draft: its language, and no "Sie" in a "du" draft (or back)."""
    offer = (brief.sender.offer or "").strip()
    if not offer:
        notes.append("Add a one-line offer to your sender profile (Settings) so drafts say what you offer.")
        return None
    if guess_language(offer) != brief.language and len(offer.split()) > 3:
        notes.append(f"Your one-line offer is not in {'German' if brief.language == 'de' else 'English'}; "
                     "this draft says what you offer in general words.")
        return None
    if brief.language == "de":
        clash = (_FORMAL_PRONOUN if brief.register == "informal" else _INFORMAL_PRONOUN).search(offer)
        if clash:
            notes.append(f"Your one-line offer says \u201e{clash.group(0)}\u201c, which does not fit the "
                         f"{brief.register} register; this draft says what you offer in general words.")
            return None
    if offer[-1] in ".!?":
        return offer
    return _fill(brief.phrases["offer_phrase"][0], offer=offer.rstrip(" ,;:"))


def _me(brief: Brief) -> str | None:
    sender, phrases = brief.sender, brief.phrases
    if not sender.name:
        return None
    company = sender.company_prose or sender.company
    key = ("me" if sender.role and company else "me_company" if company else "me_role" if sender.role
           else "me_name")
    return _fill(phrases[key][0], name=sender.name, role=sender.role, company=company)


def _value(brief: Brief, notes: list[str], *, reminder: bool = False) -> str:
    offer = _usable_offer(brief, notes)
    phrases = brief.phrases
    if offer is not None:
        return _fill(phrases["reminder"][0], offer=offer) if reminder else offer
    company = brief.sender.company_prose or brief.sender.company
    you = ("Sie" if brief.register == "formal" else "dich") if brief.language == "de" else "you"
    return _fill(phrases["generic_value" if company else "generic_value_anon"][0], company=company,
                 them=brief.them or you)


def cite(brief: Brief, fact: SiteFact, key: str, seed: str) -> str:
    subject, dative = brief.subject_words()
    return _fill(_pick(brief.phrases[key], seed), clause=fact.clause(brief.language, subject, dative), url=fact.url)


def _cta(brief: Brief) -> str:
    phrases = brief.phrases
    if brief.intent == "reply_interest":
        key = "cta_call_reply"
    elif brief.intent == "follow_up":
        key = "cta_call_follow" if brief.wants_call else "cta_info_follow"
    else:
        key = "cta_call" if brief.wants_call or brief.intent == "ask_call" else "cta_info"
    text = _fill(phrases[key][0], minutes=brief.minutes)
    if brief.sender.calendar_url and key.startswith("cta_call"):
        text += " " + _fill(phrases["calendar"][0], calendar=brief.sender.calendar_url)
    return text


def sign_off(language: str, register: str, tone: str, sender: Sender) -> str:
    """The closing line, the sender's name, role and company, and their signature."""
    lines = [CLOSINGS[(writer_language(language), "informal" if register == "informal" else "formal")].get(
        tone, "Viele Grüße" if writer_language(language) == "de" else "Best regards")]
    signature = [line.rstrip() for line in (sender.signature or "").strip().split("\n") if line.strip()]
    if sender.name and not (signature and signature[0].strip() == sender.name):
        lines.append(sender.name)
        company = sender.company if sender.company and sender.company not in "\n".join(signature) else None
        role_line = ", ".join(p for p in (sender.role, company) if p)
        if role_line:
            lines.append(role_line)
    return "\n".join(lines + signature)


def _subject(brief: Brief) -> str:
    phrases, them = brief.phrases, brief.them
    if brief.intent == "follow_up":
        return phrases["subject_follow_up"][0]
    if brief.intent == "reply_interest":
        return phrases["subject_reply"][0]
    if brief.intent == "ask_call":
        return _fill(phrases["subject_call" if them else "subject_call_anon"][0], minutes=brief.minutes, them=them)
    return _fill(phrases["subject_introduce" if them else "subject_introduce_anon"][0], them=them)


def lower_first(text: str) -> str:
    """German: after "Sehr geehrter Herr …," the letter goes on in lower case (unless a noun or "Sie")."""
    first = text.split(" ", 1)[0]
    if first in ("Sie", "Ihr", "Ihre", "Ihnen") or not first[:1].isupper():
        return text
    return text[:1].lower() + text[1:]


def compose(brief: Brief) -> Composed:
    """A complete draft: greeting, opening (a cited fact), value, call to action, sign-off."""
    notes: list[str] = []
    phrases = brief.phrases
    seed = f"{brief.them}|{brief.recipient_name}|{brief.intent}"
    facts = list(brief.facts)
    cited: list[SiteFact] = []
    long, short = brief.length == "long", brief.length == "short"
    them_or_anon = "" if brief.them else "_anon"
    opening: list[str] = []
    middle: list[str] = []
    if brief.intent in ("introduce", "ask_call"):
        if facts:
            cited.append(facts.pop(0))
            opening.append(cite(brief, cited[-1], "cite", seed))
        else:
            opening.append(_fill(phrases["no_fact" + them_or_anon][0], them=brief.them))
            notes.append("No fact from the company's website to cite: enrich the company (or have it crawled) and "
                         "write again for a more personal opening.")
        if brief.intent == "ask_call" and not short:
            opening.append(phrases["ask_call"][0])
        if not short and (me := _me(brief)):
            opening.append(me)
        middle.append(_value(brief, notes))
        if not short and brief.tone != "direct" and _usable_offer(brief, []) is not None:
            middle.append(_fill(phrases["bridge" + them_or_anon][0], them=brief.them))
    elif brief.intent == "follow_up":
        opening.append(phrases["follow_up"][0])
        middle.append(_value(brief, notes, reminder=True))
        if not short and facts:
            cited.append(facts.pop(0))
            middle.append(cite(brief, cited[-1], "cite_more", seed))
    else:
        opening.append(phrases["reply_thanks"][0])
        if not short:
            middle.append(_value(brief, notes))
        middle.append(phrases["reply_next"][0])
    extra: list[str] = []
    if long:
        if brief.wants_call or brief.intent in ("ask_call", "reply_interest"):
            extra.append(phrases["details"][0])  # the call to action asks for a call; material comes first
        if facts:
            cited.append(facts.pop(0))
            extra.append(cite(brief, cited[-1], "cite_more", seed))
    greeting = salutation(brief.recipient_name, brief.form_of_address, brief.language, brief.register)
    first = " ".join(opening)
    if brief.language == "de":
        first = lower_first(first)
    paragraphs = [greeting, first, " ".join(middle), " ".join(extra), _cta(brief),
                  sign_off(brief.language, brief.register, brief.tone, brief.sender)]
    if not brief.sender.name:
        notes.append("The sign-off has no name: fill in your sender profile in Settings.")
    body = "\n\n".join(p for p in paragraphs if p)
    return Composed(EmailDraft(subject=_subject(brief), body=body), notes, cited)
