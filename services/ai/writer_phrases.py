"""The offline writer's building blocks, per language and register: written once, by hand, so that a
draft reads like a salesperson wrote it. German formal says "Sie" (the company: "Ihr Unternehmen"),
German informal "du" (the company: "ihr"/"euer"); English differs in the greeting and contractions.

Placeholders: {clause} a fact ("Brandt Aufzüge 1962 gegründet wurde"), {url} its page, {name} {role}
{company} the sender, {them} the prospect's company, {minutes} the call's length, {calendar} the
sender's booking link, {offer} the sender's one-line offer.
"""

# ruff: noqa: RUF001 - German and English typography: the dash in these sentences is an en dash on purpose.
from __future__ import annotations

from typing import Final

Phrases = dict[str, tuple[str, ...]]

_DE_FORMAL: Final[Phrases] = {
    "cite": ("Auf Ihrer Website habe ich gesehen, dass {clause} ({url}).",
             "Auf Ihrer Website habe ich gelesen, dass {clause} ({url})."),
    "cite_more": ("Außerdem habe ich auf Ihrer Website gelesen, dass {clause} ({url}).",),
    "personal_more": ("Außerdem habe ich auf Ihrer Website gesehen, dass {clause} ({url}) – das hat mich "
                      "neugierig gemacht.",),
    "personal": ("Auf Ihrer Website habe ich gesehen, dass {clause} ({url}) – das hat mich neugierig gemacht.",
                 "Auf Ihrer Website habe ich gelesen, dass {clause} ({url}) – das hat mir gefallen."),
    "no_fact": ("Ich melde mich bei Ihnen, weil unser Angebot für {them} interessant sein könnte.",),
    "no_fact_anon": ("Ich melde mich bei Ihnen, weil unser Angebot für Sie interessant sein könnte.",),
    "me": ("Mein Name ist {name}, ich bin {role} bei {company}.",),
    "me_company": ("Mein Name ist {name} von {company}.",),
    "me_role": ("Mein Name ist {name}, ich bin {role}.",),
    "me_name": ("Mein Name ist {name}.",),
    "offer_phrase": ("Kurz zu uns: {offer}.",),
    "generic_value": ("Gern zeige ich Ihnen kurz, woran wir bei {company} arbeiten – und wir prüfen gemeinsam, ob "
                      "das für {them} passt.",),
    "generic_value_anon": ("Gern zeige ich Ihnen kurz, woran wir arbeiten – und wir prüfen gemeinsam, ob das für "
                           "Sie passt.",),
    "bridge": ("Ich könnte mir vorstellen, dass das auch für {them} interessant ist.",),
    "bridge_anon": ("Ich könnte mir vorstellen, dass das auch für Sie interessant ist.",),
    "details": ("Gern schicke ich Ihnen vorab ein paar Unterlagen, damit Sie in Ruhe einschätzen können, ob es "
                "passt.",),
    "follow_up": ("Ich hatte Ihnen vor Kurzem geschrieben und wollte freundlich nachfragen, ob Sie schon "
                  "Gelegenheit hatten, einen Blick darauf zu werfen.",),
    "reminder": ("Kurz zur Erinnerung: {offer}",),
    "reply_thanks": ("Vielen Dank für Ihre Rückmeldung und Ihr Interesse – darüber freue ich mich sehr.",),
    "reply_next": ("Am einfachsten besprechen wir die Details in einem kurzen Gespräch.",),
    "ask_call": ("Ich würde mich gern kurz mit Ihnen austauschen.",),
    "cta_call": ("Hätten Sie in den nächsten Tagen {minutes} Minuten Zeit für ein kurzes Telefonat?",),
    "cta_call_reply": ("Wann passt es Ihnen in den nächsten Tagen für ein Gespräch von {minutes} Minuten?",),
    "cta_call_follow": ("Passt es Ihnen, wenn wir in den nächsten Tagen {minutes} Minuten telefonieren?",),
    "cta_info": ("Darf ich Ihnen dazu ein paar Informationen schicken?",),
    "cta_info_follow": ("Ist das Thema für Sie gerade interessant? Eine kurze Antwort genügt mir.",),
    "calendar": ("Einen passenden Termin können Sie hier direkt wählen: {calendar}",),
    "subject_introduce": ("Idee für {them}",),
    "subject_introduce_anon": ("Eine Idee für Sie",),
    "subject_call": ("{minutes} Minuten für {them}?",),
    "subject_call_anon": ("{minutes} Minuten für ein kurzes Gespräch?",),
    "subject_follow_up": ("Kurze Nachfrage",),
    "subject_reply": ("Danke für Ihr Interesse",),
    "company": ("Ihr Unternehmen", "Ihrem Unternehmen"),  # nominative, dative
}

_DE_INFORMAL: Final[Phrases] = {
    **_DE_FORMAL,
    "cite": ("Auf eurer Website habe ich gesehen, dass {clause} ({url}).",
             "Auf eurer Website habe ich gelesen, dass {clause} ({url})."),
    "cite_more": ("Außerdem habe ich auf eurer Website gelesen, dass {clause} ({url}).",),
    "personal_more": ("Außerdem habe ich auf eurer Website gesehen, dass {clause} ({url}) – das hat mich "
                      "neugierig gemacht.",),
    "personal": ("Auf eurer Website habe ich gesehen, dass {clause} ({url}) – das hat mich neugierig gemacht.",
                 "Auf eurer Website habe ich gelesen, dass {clause} ({url}) – das hat mir gefallen."),
    "no_fact": ("Ich melde mich bei dir, weil unser Angebot für euch bei {them} spannend sein könnte.",),
    "no_fact_anon": ("Ich melde mich bei dir, weil unser Angebot für dich spannend sein könnte.",),
    "me": ("Ich bin {name}, {role} bei {company}.",),
    "me_company": ("Ich bin {name} von {company}.",),
    "me_role": ("Ich bin {name}, {role}.",),
    "me_name": ("Ich bin {name}.",),
    "generic_value": ("Gern zeige ich dir kurz, woran wir bei {company} arbeiten – und wir schauen gemeinsam, ob "
                      "das für euch passt.",),
    "generic_value_anon": ("Gern zeige ich dir kurz, woran wir arbeiten – und wir schauen gemeinsam, ob das für "
                           "dich passt.",),
    "bridge": ("Ich könnte mir vorstellen, dass das auch für euch bei {them} spannend ist.",),
    "bridge_anon": ("Ich könnte mir vorstellen, dass das auch für dich spannend ist.",),
    "details": ("Gern schicke ich dir vorab ein paar Unterlagen, damit du in Ruhe einschätzen kannst, ob es "
                "passt.",),
    "follow_up": ("Ich hatte dir vor Kurzem geschrieben und wollte kurz nachhaken, ob du schon Gelegenheit "
                  "hattest, einen Blick darauf zu werfen.",),
    "reply_thanks": ("Danke für deine Rückmeldung und dein Interesse – das freut mich sehr.",),
    "ask_call": ("Ich würde mich gern kurz mit dir austauschen.",),
    "cta_call": ("Hast du in den nächsten Tagen {minutes} Minuten Zeit für ein kurzes Telefonat?",),
    "cta_call_reply": ("Wann passt es dir in den nächsten Tagen für ein Gespräch von {minutes} Minuten?",),
    "cta_call_follow": ("Passt es dir, wenn wir in den nächsten Tagen {minutes} Minuten telefonieren?",),
    "cta_info": ("Soll ich dir dazu ein paar Informationen schicken?",),
    "cta_info_follow": ("Ist das Thema für dich gerade spannend? Eine kurze Antwort genügt mir.",),
    "calendar": ("Einen passenden Termin kannst du dir hier direkt aussuchen: {calendar}",),
    "subject_introduce_anon": ("Eine Idee für dich",),
    "subject_reply": ("Danke für dein Interesse",),
    "company": ("euer Unternehmen", "eurem Unternehmen"),
}

_EN_FORMAL: Final[Phrases] = {
    "cite": ("I saw on your website that {clause} ({url}).", "I read on your website that {clause} ({url})."),
    "cite_more": ("I also read on your website that {clause} ({url}).",),
    "personal_more": ("I also saw on your website that {clause} ({url}) – that caught my attention.",),
    "personal": ("I saw on your website that {clause} ({url}) – that caught my attention.",
                 "I read on your website that {clause} ({url}) – that stood out to me."),
    "no_fact": ("I am getting in touch because what we do could be relevant for {them}.",),
    "no_fact_anon": ("I am getting in touch because what we do could be relevant for you.",),
    "me": ("My name is {name}, {role} at {company}.",),
    "me_company": ("My name is {name} from {company}.",),
    "me_role": ("My name is {name}, {role}.",),
    "me_name": ("My name is {name}.",),
    "offer_phrase": ("In short: {offer}.",),
    "generic_value": ("I would like to briefly show you what we do at {company} and find out together whether it "
                      "fits {them}.",),
    "generic_value_anon": ("I would like to briefly show you what we do and find out together whether it fits "
                           "you.",),
    "bridge": ("I thought this might be relevant for {them} as well.",),
    "bridge_anon": ("I thought this might be relevant for you as well.",),
    "details": ("I am happy to send you some material first, so you can judge in your own time whether it fits.",),
    "follow_up": ("I wrote to you recently and wanted to follow up in case my message got buried.",),
    "reminder": ("As a quick reminder: {offer}",),
    "reply_thanks": ("Thank you for your reply and your interest – I am glad to hear from you.",),
    "reply_next": ("The easiest way to go through the details is a short call.",),
    "ask_call": ("I would like to have a short conversation with you.",),
    "cta_call": ("Would you have {minutes} minutes for a short call in the next few days?",),
    "cta_call_reply": ("When would suit you for a {minutes}-minute call in the next few days?",),
    "cta_call_follow": ("Would a {minutes}-minute call in the next few days work for you?",),
    "cta_info": ("May I send you some details on this?",),
    "cta_info_follow": ("Is this a topic for you at the moment? A short reply is all I need.",),
    "calendar": ("You can pick a time that suits you here: {calendar}",),
    "subject_introduce": ("An idea for {them}",),
    "subject_introduce_anon": ("A quick idea for you",),
    "subject_call": ("{minutes} minutes for {them}?",),
    "subject_call_anon": ("{minutes} minutes for a short call?",),
    "subject_follow_up": ("Following up",),
    "subject_reply": ("Thank you for your interest",),
    "company": ("your company", "your company"),
}

_EN_INFORMAL: Final[Phrases] = {
    **_EN_FORMAL,
    "no_fact": ("I'm getting in touch because what we do could be useful for {them}.",),
    "no_fact_anon": ("I'm getting in touch because what we do could be useful for you.",),
    "me": ("I'm {name}, {role} at {company}.",),
    "me_company": ("I'm {name} from {company}.",),
    "me_role": ("I'm {name}, {role}.",),
    "me_name": ("I'm {name}.",),
    "generic_value": ("I'd love to show you what we do at {company} and see together whether it fits {them}.",),
    "generic_value_anon": ("I'd love to show you what we do and see together whether it fits you.",),
    "bridge": ("I thought this might be useful for {them} too.",),
    "bridge_anon": ("I thought this might be useful for you too.",),
    "details": ("Happy to send over some material first so you can see whether it fits.",),
    "follow_up": ("I wrote to you recently and wanted to bump this up in case it got buried.",),
    "reply_thanks": ("Thanks for getting back to me – great to hear you're interested.",),
    "reply_next": ("The easiest way to go through the details is a quick call.",),
    "ask_call": ("I'd love to have a quick chat with you.",),
    "cta_call": ("Do you have {minutes} minutes for a quick call in the next few days?",),
    "cta_call_reply": ("When would suit you for a quick {minutes}-minute call in the next few days?",),
    "cta_call_follow": ("Would a quick {minutes}-minute call in the next few days work for you?",),
    "cta_info": ("Shall I send you a few details?",),
    "cta_info_follow": ("Is this on your radar at the moment? A short reply is all I need.",),
    "calendar": ("You can grab a slot that suits you here: {calendar}",),
    "subject_reply": ("Thanks for your interest",),
}

PHRASES: Final[dict[tuple[str, str], Phrases]] = {
    ("de", "formal"): _DE_FORMAL, ("de", "informal"): _DE_INFORMAL,
    ("en", "formal"): _EN_FORMAL, ("en", "informal"): _EN_INFORMAL,
}
# Sign-off by language, register and tone.
CLOSINGS: Final[dict[tuple[str, str], dict[str, str]]] = {
    ("de", "formal"): {"formal": "Mit freundlichen Grüßen", "friendly": "Viele Grüße", "direct": "Beste Grüße"},
    ("de", "informal"): {"formal": "Viele Grüße", "friendly": "Viele Grüße", "direct": "Beste Grüße"},
    ("en", "formal"): {"formal": "Kind regards", "friendly": "Best wishes", "direct": "Best regards"},
    ("en", "informal"): {"formal": "Best wishes", "friendly": "Cheers", "direct": "Best"},
}
# Every closing line a draft may end with (the edits find the sign-off by these).
CLOSING_LINES: Final[tuple[str, ...]] = (
    "Mit freundlichen Grüßen", "Freundliche Grüße", "Viele Grüße", "Beste Grüße", "Liebe Grüße", "Herzliche Grüße",
    "Schöne Grüße", "Viele liebe Grüße", "Mit besten Grüßen", "Kind regards", "Best regards", "Regards",
    "Best wishes", "Warm regards", "Many thanks", "Thanks", "Cheers", "Best", "Sincerely", "Yours sincerely",
    "Yours faithfully", "All the best")


def vocabulary() -> set[str]:
    """Every word of the library, lower-cased (a check tells the writer's own words from a fact's)."""
    words: set[str] = set()
    texts = [t for phrases in PHRASES.values() for variants in phrases.values() for t in variants]
    texts += [c for closings in CLOSINGS.values() for c in closings.values()] + list(CLOSING_LINES)
    for text in texts:
        words.update(w.lower() for w in text.replace("{", " ").replace("}", " ").split())
    return {w.strip(".,;:!?()\u2013-\"'") for w in words}
