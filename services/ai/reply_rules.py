"""The offline rules that sort a person's reply to an outreach e-mail (German and English).

One copy for two users: the ai service answers ``POST /ai/classify-reply`` with them when no model is
configured, and the e-mail service's poller uses them directly when the ai service has no model or
fails (both import them through ``services.ai.schemas``). The first rule that matches wins, and
``unsubscribe`` is tried first: a reply that asks to be removed is never read as interest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

ReplyLabel = Literal["interested", "not_now", "out_of_office", "unsubscribe", "other"]
REPLY_LABELS: tuple[ReplyLabel, ...] = ("interested", "not_now", "out_of_office", "unsubscribe", "other")

_RULES: Sequence[tuple[ReplyLabel, re.Pattern[str]]] = (
    ("unsubscribe", re.compile(
        r"unsubscribe|remove me|take me off|stop (e-?mailing|sending|contacting)|do not (contact|email|e-mail)|"
        r"don't (contact|email|e-mail)|opt[- ]?out|no more e-?mails|"
        r"abmelden|austragen|aus (ihrem|dem|ihrer) verteiler|keine (weiteren )?(e-?mails|mails|nachrichten|werbung)|"
        r"nicht mehr (kontaktieren|anschreiben|schreiben)|löschen sie (meine|unsere) daten|widerspreche|"
        r"kontaktieren sie (mich|uns) nicht", re.I)),
    ("out_of_office", re.compile(
        r"out of (the )?office|on (vacation|holiday|leave|parental leave)|away until|back on|return(ing)? on|"
        r"limited access to (my )?e-?mail|"
        r"nicht im (büro|hause)|abwesend|im urlaub|urlaubsbedingt|bin (ab|am|bis) .{0,30}wieder|"
        r"außer haus|ausser haus|elternzeit|ab dem .{0,20} wieder erreichbar", re.I)),
    ("not_now", re.compile(
        r"not (right )?now|not at the moment|maybe later|(next|in a few) (month|quarter|year)|later this year|"
        r"no budget|not a priority|reach out (again )?(in|later)|touch base (in|later)|circle back|"
        r"not interested at (this|the moment)|bad timing|"
        r"derzeit nicht|momentan nicht|aktuell (nicht|kein)|zur zeit nicht|zurzeit nicht|später (noch ?mal|wieder)|"
        r"im (nächsten|kommenden) (jahr|quartal|monat)|kein budget|melden sie sich (gerne )?(später|in)|"
        r"passt (gerade|im moment) nicht", re.I)),
    ("interested", re.compile(
        r"interested|sounds (good|great|interesting)|let'?s (talk|chat|meet|schedule)|set up a (call|meeting)|"
        r"book a (call|meeting|time)|tell me more|send (me )?more (info|information|details)|happy to (talk|chat)|"
        r"what (times?|day) (works|suits)|call me|when are you (free|available)|"
        r"interess|klingt (gut|spannend|interessant)|gerne (mehr|einen termin|ein gespräch|telefonieren)|"
        r"termin (vereinbaren|ausmachen)|rufen sie (mich|an)|schicken sie (mir )?(gerne )?(mehr|weitere|infos)|"
        r"lassen sie uns (sprechen|telefonieren)|wann haben sie zeit", re.I)),
)
_NEGATED_INTEREST = re.compile(r"(not|no longer|nicht|kein) (interested|interessiert|interesse)", re.I)


@dataclass(frozen=True, slots=True)
class RuleVerdict:
    label: ReplyLabel
    confidence: float  # 0..1; rules are never sure
    reason: str  # the words that decided it


def classify_reply_by_rules(text: str, subject: str = "") -> RuleVerdict:
    """The label of a reply's new text (quoted history already removed) and its subject, by rules."""
    haystack = f"{subject}\n{text}"
    for label, pattern in _RULES:
        match = pattern.search(haystack)
        if match is None:
            continue
        if label == "interested" and _NEGATED_INTEREST.search(haystack):
            continue
        return RuleVerdict(label, 0.7, f"matched {match.group()!r}")
    if _NEGATED_INTEREST.search(haystack):
        return RuleVerdict("not_now", 0.6, "declined without asking to unsubscribe")
    return RuleVerdict("other", 0.3, "no rule matched")
