"""The offline writer and its edits, the grounding of cited facts, and the prompt library's new versions."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.ai import repository as repo
from services.ai.claims import drop_unsupported
from services.ai.models import Prompt
from services.ai.prompts import DEFAULT_HISTORY
from services.ai.service import seed_prompts
from services.ai.site_facts import SiteFact, prose_name, site_facts
from services.ai.writer_edits import fix_grammar, improve, more_personal, shorter, split_draft
from services.ai.writer_rules import Brief, Sender, compose, detect_intent
from services.kit.db import session_scope, utcnow
from services.leads.schemas import SiteCrawlRead, SitePage, SiteRecord
from tests.leads.test_salutation import CASES as SALUTATIONS

SITE = "https://www.brandt-aufzuege.de/"
ABOUT = SITE + "unternehmen/ueber-uns.html"
PAGES = [
    SitePage(url=SITE, kind="home", fetched_at=utcnow(),
             text="Wartung, Reparatur und Modernisierung von Aufzügen \u2013 herstellerunabhängig in ganz "
                  "Nordrhein-Westfalen."),
    SitePage(url=ABOUT, kind="about", fetched_at=utcnow(), text=(
        "Wir sind ein familiengeführtes Unternehmen in dritter Generation. Familienunternehmen seit 1962.\n"
        "1962 gründete Heinrich Brandt in Wuppertal eine kleine Schlosserei. Heute arbeiten bei uns 85 "
        "Mitarbeiterinnen und Mitarbeiter.\nWir sind zertifiziert nach DIN EN ISO 9001:2015.")),
    SitePage(url=SITE + "impressum", kind="impressum", fetched_at=utcnow(),
             text="Brandt Aufzüge GmbH & Co. KG\nFriedrich-Engels-Allee 180\n42285 Wuppertal"),
]
CRAWL = SiteCrawlRead(url=SITE, domain="brandt-aufzuege.de", crawled_at=utcnow(), pages=PAGES,
                      record=SiteRecord(url=SITE, company_name="Brandt Aufzüge GmbH & Co. KG", city="Wuppertal"))
MAX = Sender(name="Max Vogel", role="Vertriebsleiter", company="Sensorik Nord GmbH", company_prose="Sensorik Nord",
             offer="Wir rüsten CNC-Maschinen mit Sensoren nach, die Ausfälle Tage vorher melden.",
             calendar_url="https://cal.example.com/max")
ISSUE = "introduce our predictive-maintenance sensors for CNC machines and ask for a 15-minute call"


def brief(**changes: object) -> Brief:
    values: dict[str, object] = {
        "language": "de", "register": "formal", "tone": "friendly", "length": "medium", "intent": "introduce",
        "wants_call": True, "minutes": 15, "recipient_name": "Dr. Klaus Bergmann", "form_of_address": "herr",
        "them": prose_name(CRAWL.record.company_name), "facts": site_facts(CRAWL), "sender": MAX, **changes}
    return Brief(**values)  # type: ignore[arg-type]


def five_word_runs(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 5]) for i in range(len(words) - 4)}


@pytest.mark.parametrize(("instruction", "intent", "call", "minutes"), [
    (ISSUE, "introduce", True, 15),
    ("Stell unser Angebot vor", "introduce", False, 15),
    ("ask for a 20 min call", "ask_call", True, 20),
    ("Bitte um einen Termin von 30 Minuten", "ask_call", True, 30),
    ("follow up, no reply yet", "follow_up", False, 15),
    ("Nachfassen und um ein Telefonat bitten", "follow_up", True, 15),
    ("she replied and is interested", "reply_interest", True, 15),
    ("Er hat Interesse gezeigt, bedank dich", "reply_interest", True, 15),
    ("", "introduce", False, 15),
])
def test_the_instruction_chooses_the_intent(instruction: str, intent: str, call: bool, minutes: int) -> None:
    assert detect_intent(instruction) == (intent, call, minutes)


def test_the_issue_draft_is_one_a_salesperson_would_send() -> None:
    intent, call, minutes = detect_intent(ISSUE)
    draft = compose(brief(intent=intent, wants_call=call, minutes=minutes)).draft
    body = draft.body
    assert body.startswith("Sehr geehrter Herr Dr. Bergmann,\n\nauf Ihrer Website habe ich ")
    assert f"dass Brandt Aufzüge ein Familienunternehmen ist ({ABOUT})." in body  # a fact, with its page
    assert "Wir rüsten CNC-Maschinen mit Sensoren nach" in body  # the sender's offer
    assert "Hätten Sie in den nächsten Tagen 15 Minuten Zeit für ein kurzes Telefonat?" in body
    assert "https://cal.example.com/max" in body
    assert body.endswith("Viele Grüße\nMax Vogel\nVertriebsleiter, Sensorik Nord GmbH")
    assert not five_word_runs(ISSUE) & five_word_runs(body)  # the instruction is never text
    assert not re.search(r"\b(du|dich|dir|dein\w*)\b", body) and "Hallo" not in body
    assert draft.subject == "Idee für Brandt Aufzüge"
    # The prospect's own sentences are never the sender's.
    assert "familiengeführtes" not in body and "Wir sind" not in body


def test_register_and_language_change_greeting_pronouns_and_blocks_consistently() -> None:
    informal = compose(brief(register="informal")).draft.body
    assert informal.startswith("Hallo Klaus,\n\nauf eurer Website habe ich ")
    assert "Hast du" in informal and not re.search(r"\b(Sie|Ihnen|Ihr)\b", informal.split("\n", 1)[1])
    english = compose(brief(language="en", sender=Sender(name="Emma Clarke", role="Head of Sales",
                                                          offer="We retrofit sensors."))).draft.body
    assert english.startswith("Dear Dr. Bergmann,\n\nI ") and "Would you have 15 minutes" in english
    assert compose(brief(form_of_address="unknown")).draft.body.startswith("Guten Tag Dr. Klaus Bergmann,")
    nobody = compose(brief(recipient_name=None, them=None, facts=[]))
    assert nobody.draft.body.startswith("Guten Tag,\n\nich melde mich bei Ihnen")
    assert any("No fact" in n for n in nobody.notes)


def test_an_offer_that_does_not_fit_the_draft_is_left_out_with_a_reason() -> None:
    clash = compose(brief(register="informal", sender=Sender(name="Max", offer="Wir helfen Ihnen, Ausfälle zu "
                                                                                "vermeiden.")))
    assert "helfen Ihnen" not in clash.draft.body and any("informal register" in n for n in clash.notes)
    english = compose(brief(sender=Sender(name="Max", offer="We help you avoid downtime with retrofit sensors.")))
    assert "We help" not in english.draft.body and any("not in German" in n for n in english.notes)
    missing = compose(brief(sender=Sender(name="Max")))
    assert any("one-line offer" in n for n in missing.notes)


@pytest.mark.parametrize("length", ["short", "medium", "long"])
def test_lengths_stay_in_their_bounds(length: str) -> None:
    from services.ai.writer_rules import LENGTH_BOUNDS

    low, high = LENGTH_BOUNDS[length]
    for intent in ("introduce", "follow_up", "ask_call", "reply_interest"):
        words = len(compose(brief(length=length, intent=intent)).draft.body.split())
        assert low <= words <= high, (intent, words)


USER_DRAFT = """Hallo Anna,

ich hoffe, es geht Ihnen gut. Wir sind ein kleines Team aus Hamburg. Wir bauen Sensoren. Seit Jahren.

Unsere Kunden sparen viel Zeit. Das zeigen viele Projekte. Wir würden das gern zeigen.

Noch ein Absatz über uns. Und noch ein Satz.

Haben Sie nächste Woche Zeit für ein Gespräch? Hier ist mein Kalender: https://cal.example.com/max

Viele Grüße
Max Vogel
Sensorik Nord GmbH"""


def test_shorter_keeps_greeting_call_to_action_and_sign_off() -> None:
    for body in (USER_DRAFT, compose(brief(length="long")).draft.body):
        short, notes = shorter(body)
        before, after = split_draft(body), split_draft(short)
        assert len(short.split()) < len(body.split()) and not notes
        assert after.greeting == before.greeting and after.sign_off == before.sign_off
        assert "?" in after.paragraphs[-1] and "https://cal.example.com/max" in after.paragraphs[-1]
    tiny = "Hallo Anna,\n\nHaben Sie Zeit?\n\nViele Grüße\nMax"
    assert shorter(tiny) == (tiny, ["The draft is already as short as it gets without losing its greeting, call "
                                    "to action or sign-off."])


def test_more_personal_adds_a_cited_line_in_the_senders_voice() -> None:
    body = compose(brief()).draft.body
    personal, notes, fact = more_personal(body, brief())
    assert fact is not None and not notes
    added = [p for p in personal.split("\n\n") if p not in body]
    assert len(added) == 1 and "habe ich auf Ihrer Website gesehen, dass" in added[0]
    assert fact.url in added[0] and fact.value in added[0] and "Wir sind" not in added[0]
    for paragraph in body.split("\n\n"):
        assert paragraph in personal
    # A draft without a website citation gets the line first, the German lower case moved along.
    plain = "Sehr geehrter Herr Dr. Bergmann,\n\nich melde mich kurz.\n\nViele Grüße\nMax"
    first, _, _ = more_personal(plain, brief())
    assert first.split("\n\n")[1].startswith("auf Ihrer Website habe ich ")
    assert first.split("\n\n")[2] == "Ich melde mich kurz."
    none, why, _ = more_personal(plain, brief(facts=[]))
    assert none == plain and "nothing citable" in why[0]


def test_fix_grammar_changes_nothing_else() -> None:
    clean = compose(brief(length="long")).draft.body + "\n{{unsubscribe_url}}"
    assert fix_grammar(clean, "de") == clean
    tricky = ("Sehr geehrte Frau Weber,\n\nz. B. nach DIN EN ISO 9001:2015 (siehe www.example.com/a.b) oder "
              "info@example.com am 1. September, d. h. bald.")
    assert fix_grammar(tricky, "de") == tricky
    messy = "hi anna ,i just wanted to ask . are you free ?Let me know!!\nSee https://x.example/a,b ."
    assert fix_grammar(messy, "en") == "hi anna, I just wanted to ask. Are you free? Let me know!\nSee https://x.example/a,b."
    assert fix_grammar("Wir  sind bereit. das passt ,oder ?", "de") == "Wir sind bereit. Das passt, oder?"
    assert improve("I just really hope this works.", "en") == "I hope this works."


def test_grounding_drops_facts_the_website_does_not_hold() -> None:
    text = (f"Auf Ihrer Website habe ich gesehen, dass Brandt Aufzüge 1962 gegründet wurde ({ABOUT}).\n"
            f"Auf Ihrer Website habe ich gesehen, dass bei Brandt Aufzüge 300 Menschen arbeiten ({ABOUT}).\n"
            "Ihr Unternehmen gibt es seit 1850.\nHätten Sie 15 Minuten?")
    kept, warnings = drop_unsupported(text, PAGES, "\n".join(p.text for p in PAGES))
    assert "1962" in kept and "300" not in kept and "1850" not in kept and "15 Minuten" in kept
    assert len(warnings) == 2 and "300 is not on the cited page" in warnings[0]
    quoted, warned = drop_unsupported("Ihre Website sagt „Wir sind die Besten“.", PAGES, "")
    assert quoted == "" and "is not on the cited page" in warned[0]


def test_site_facts_keep_the_values_their_page_states() -> None:
    facts = {f.kind: f for f in site_facts(CRAWL)}
    assert facts["family"] == SiteFact("family", ABOUT)
    assert facts["founded"].value == "1962" and facts["team"].value == "85"
    assert facts["certified"].value == "DIN EN ISO 9001:2015" and facts["region"].fits("de")
    assert not facts["region"].fits("en") and facts["city"].url.endswith("/impressum")
    assert prose_name("Brandt Aufzüge GmbH & Co. KG") == "Brandt Aufzüge" and prose_name("brandt.de") is None


# --- the prompt library's versions ---------------------------------------------------------------------
async def test_new_default_versions_are_added_without_overriding_an_admins(
        sessions: async_sessionmaker[AsyncSession]) -> None:
    async with session_scope(sessions) as s:
        detail = {p.name: p for p in await repo.all_prompts(s)}
        write = [p for p in await repo.prompt_versions(s, "write_email")]
        assert [p.version for p in write] == [2, 1] and write[0].is_active and write[0].created_by == "system"
        assert "Greeting line" in write[0].template and "Greeting line" not in write[1].template
        assert detail["enrich_company"].version == 1
        assert await seed_prompts(s) == 0  # idempotent
        # An install from before: only the first writing version, and an admin's own improve prompt active.
        for name in ("write_email", "improve_email"):
            for p in await repo.prompt_versions(s, name):
                if p.version >= 2:
                    await s.delete(p)
        await s.flush()
        await repo.add(s, Prompt(name="improve_email", version=2, description="ours", system="Be brief.",
                                 template="{{draft}}", output_schema="email_draft", created_by="user:1"))
        await repo.activate(s, "improve_email", 2)
        await repo.activate(s, "write_email", 1)
    async with session_scope(sessions) as s:
        assert await seed_prompts(s) == 2
        write = {p.version: p for p in await repo.prompt_versions(s, "write_email")}
        improve_versions = {p.version: p for p in await repo.prompt_versions(s, "improve_email")}
        assert write[2].is_active and write[2].template == DEFAULT_HISTORY["write_email"][-1].template
        assert improve_versions[2].is_active and not improve_versions[3].is_active  # the admin's stays
        assert improve_versions[3].template == DEFAULT_HISTORY["improve_email"][-1].template
        # An admin who goes back to the first default is not switched away from it at the next start.
        await repo.activate(s, "write_email", 1)
    async with session_scope(sessions) as s:
        assert await seed_prompts(s) == 0
        assert next(p for p in await repo.prompt_versions(s, "write_email") if p.is_active).version == 1


@pytest.mark.parametrize(("name", "form", "de_formal", "de_informal", "en_formal", "en_informal"), SALUTATIONS)
def test_every_draft_greets_by_the_leads_services_rules(name: str, form: str | None, de_formal: str,
                                                        de_informal: str, en_formal: str, en_informal: str) -> None:
    """The same table the leads service is tested with: the writer's first line is that greeting."""
    for language, register, expected in (("de", "formal", de_formal), ("de", "informal", de_informal),
                                         ("en", "formal", en_formal), ("en", "informal", en_informal)):
        body = compose(brief(recipient_name=name or None, form_of_address=form, language=language,
                             register=register)).draft.body
        assert body.split("\n", 1)[0] == expected
