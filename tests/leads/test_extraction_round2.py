"""Extraction rules of round 2 (issue 12): one class of error per test, on small made-up snippets, plus the
form of address read from the page and carried into the CRM contact.

Every name, address and number below is invented; none is copied from a corpus page.
"""

from __future__ import annotations

import pytest

from services.kit.db import create_engine, migrate, session_factory
from services.leads.extraction import CompanyFacts, PageContent, extract_company
from services.leads.extraction.names import clean_person_name
from services.leads.extraction.people import form_of_address
from services.leads.main import MIGRATIONS
from services.leads.models import Contact
from services.leads.records import import_site_record

SITE = "https://www.lindenhof-beispiel.de/"


def _page(body: str, *, kind: str = "impressum", site: str = SITE, lang: str = "de", name: str = "") -> PageContent:
    html = f'<!doctype html><html lang="{lang}"><head><title>t</title></head><body>{body}</body></html>'
    return PageContent(url=f"{site}{name or kind}.html", html=html, kind=kind)


def _facts(*pages: PageContent, site: str = SITE) -> CompanyFacts:
    return extract_company(list(pages), site_url=site)


def _imprint(body: str, *, site: str = SITE, lang: str = "de") -> CompanyFacts:
    return _facts(_page(body, site=site, lang=lang), site=site)


# ------------------------------------------------------------------------------- sole proprietors' names
def test_a_generic_practice_line_above_the_owner_is_no_part_of_the_name() -> None:
    # LABELLING.md v5 E (and the v12 test 1 read for the line above): round 13 follows the guide, no longer joins
    facts = _imprint("<h1>Impressum</h1><h2>Praxis für Logopädie</h2><p><b>Greta Beispiel</b></p>"
                     "<p>Birkenweg 7<br>34567 Waldstadt</p><p>Telefon: 05651 98 76 54</p>")
    assert facts.company_name == "Greta Beispiel"
    assert facts.representatives == ["Greta Beispiel"]
    assert (facts.street, facts.postal_code) == ("Birkenweg 7", "34567")


def test_an_offering_and_a_status_line_under_the_person_are_no_part_of_the_name() -> None:
    # LABELLING.md v12, test 1: the offering (step 5) and the form of business (step 2) are both dropped
    facts = _imprint("<h2>Angaben gemäß § 5 DDG:</h2><p>Jonas Beispiel<br>Software-Entwicklung<br>"
                     "(Einzelunternehmer)<br>Birkenweg 7<br>34567 Waldstadt</p>")
    assert facts.company_name == "Jonas Beispiel"
    assert facts.representatives == ["Jonas Beispiel"]


def test_the_trade_name_before_the_owner_on_one_line() -> None:
    site = "https://www.glanzwerk-reinigung.de/"
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Glanzwerk Reinigung Greta Beispiel<br>Birkenweg 7<br>"
                     "34567 Waldstadt</p>", site=site)
    assert facts.company_name == "Glanzwerk Reinigung"
    assert facts.representatives == ["Greta Beispiel"]
    # printed with a separator, the line is one name (LABELLING.md: "HolzEffekt - …")
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Glanzwerk - Greta Beispiel<br>Birkenweg 7<br>"
                     "34567 Waldstadt</p>", site=site)
    assert facts.company_name == "Glanzwerk - Greta Beispiel"


def test_the_domain_tells_the_trade_name_from_an_unknown_given_name() -> None:
    site = "https://www.nordlicht-automaten.de/"
    facts = _imprint("<h2>Angaben gemäß § 5 TMG</h2><p><b>Nordlicht Automaten</b></p><p>Yavuz Kaldirimer<br>"
                     "Feldweg 22<br>34567 Waldstadt</p>", site=site)
    assert facts.company_name == "Nordlicht Automaten"
    assert facts.representatives == ["Yavuz Kaldirimer"]


def test_owner_label_after_the_name_and_the_complete_block_further_down() -> None:
    facts = _imprint(
        "<h4>Angaben gemäß § 5 TMG:</h4><p>Jonas Beispiel, Inhaber,<br>Hörakustikmeister, Dipl.-Kaufmann (FH)</p>"
        "<h4>Kontakt:</h4><p>Telefon: 05651 98 76 54<br>E-Mail: info@lindenhof-beispiel.de</p>"
        "<h4>Unternehmenssitz:</h4><p><b>Hörwerk Lindenhof</b></p><p>Jonas Beispiel<br>Birkenweg 7<br>"
        "34567 Waldstadt</p>")
    assert facts.company_name == "Hörwerk Lindenhof"
    assert facts.representatives == ["Jonas Beispiel"]
    assert facts.street == "Birkenweg 7"


def test_the_form_of_address_is_no_part_of_the_providers_name() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Herr Jonas Beispiel<br>Birkenweg 7<br>34567 Waldstadt</p>")
    assert facts.company_name == "Jonas Beispiel"
    assert facts.persons[0].form_of_address == "Herr"


def test_star_rating_is_no_part_of_the_name() -> None:
    facts = _imprint("<h2>Impressum</h2><p>Pension Lindenhof ***<br>Birkenweg 7<br>5542 Almdorf<br>Österreich</p>",
                     site="https://www.lindenhof-beispiel.at/")
    assert facts.company_name == "Pension Lindenhof"


# ------------------------------------------------------------------------------- anchors and labels
@pytest.mark.parametrize("anchor", ["Gemäß § 5 E-Commerce-Gesetz (ECG) und § 25 Mediengesetz:",
                                    "According to § 5 E-Commerce Act (ECG):"])
def test_anchors_that_start_with_the_paragraph(anchor: str) -> None:
    facts = _imprint(f"<h1>Impressum</h1><p><b>{anchor}</b></p><p>Unternehmensname: Jonas Beispiel</p>"
                     "<p>Adresse: Lindengasse 4/23, 1030 Wien, Österreich</p>"
                     "<h3>1. Verantwortlicher</h3><p><b>Beispiel Taxi &amp; Chauffeur</b><br>Lindengasse 4/23, "
                     "1030 Wien</p>", site="https://www.beispiel-taxi.at/")
    assert facts.company_name == "Jonas Beispiel"
    assert (facts.street, facts.postal_code, facts.city, facts.country) == ("Lindengasse 4/23", "1030", "Wien", "AT")


def test_a_bare_responsible_for_content_line_is_a_label() -> None:
    facts = _imprint("<p>Informationspflicht nach § 5 Telemediengesetz</p><p>Verantwortlich für den Inhalt</p>"
                     "<p>Dr. med. Greta Beispiel<br>Birkenweg 7<br>34567 Waldstadt</p>")
    assert facts.company_name == "Dr. med. Greta Beispiel"


@pytest.mark.parametrize("line", ["Deutschland", "Bürozeiten", "Montag bis Freitag"])
def test_countries_and_office_hours_are_never_the_name(line: str) -> None:
    facts = _imprint(f"<p><b>Hauptanschrift:</b></p><p>Birkenweg 7<br>34567 Waldstadt<br>Deutschland</p>"
                     f"<p>e: info@lindenhof-beispiel.de</p><p><b>{line}</b></p><p>09 bis 16 Uhr</p>")
    assert facts.company_name != line


def test_a_firms_name_split_by_a_bar_and_a_letter_spaced_name_with_web_and_mail() -> None:
    facts = _imprint("<p>Angaben gem. § 5 TMG</p><p>BERG | TAL Steuerberatungsgesellschaft mbH</p>"
                     "<p>Birkenweg 7</p><p>34567 Waldstadt</p>")
    assert facts.company_name == "BERG | TAL Steuerberatungsgesellschaft mbH"
    facts = _imprint("<h1>Impressum</h1><p>L I N D E N - Ingenieurbüro für Vermessung / www.lindenhof-beispiel.de"
                     " / info@lindenhof-beispiel.de</p><p>Geschäftsführer: Jonas Linden</p>"
                     "<p>Birkenweg 7<br>34567 Waldstadt</p>")
    assert facts.company_name == "LINDEN - Ingenieurbüro für Vermessung"
    assert facts.representatives == ["Jonas Linden"]


# ------------------------------------------------------------------------------- third parties and scope
def test_the_legal_entity_under_its_own_heading_is_the_provider_with_its_seat() -> None:
    facts = _imprint(
        "<h1>Impressum</h1><h2>Betreiberin des Hotels und dieser Website</h2><p>Hotel Lindenhof</p>"
        "<p>Seestrasse 9</p><p>3800 Seedorf</p><p>Schweiz</p><p>Telefon: +41 33 123 45 67</p>"
        "<h2>Gesellschaft</h2><p>Lindenhof Hotelbetriebe AG</p><p>Bergstrasse 1, 6404 Talwil, Schweiz</p>"
        "<p>UID / MWST-Nr.: CHE-123.456.789 MWST</p>", site="https://www.lindenhof-beispiel.ch/")
    assert facts.company_name == "Lindenhof Hotelbetriebe AG"
    assert (facts.street, facts.postal_code, facts.city) == ("Bergstrasse 1", "6404", "Talwil")


def test_provider_lines_printed_under_a_disclaimer_heading() -> None:
    facts = _imprint("<h3>Impressum</h3><p><b>Haftung für Inhalte</b></p><p>Lindenhof GmbH<br>"
                     "Inhaber und Geschäftsführer: Jonas Linden, Greta Linden</p><p><b>Hauptsitz:</b></p>"
                     "<p>Birkenweg 7<br>34567 Waldstadt</p>")
    assert facts.company_name == "Lindenhof GmbH"
    assert facts.representatives == ["Jonas Linden", "Greta Linden"]


def test_a_content_section_called_menu_is_not_navigation() -> None:
    facts = _imprint('<nav><a href="/">Start</a></nav><section id="menu"><h1>Impressum</h1>'
                     "<p><strong>Inhaber</strong></p><p>Jonas Beispiel</p><p><strong>Anschrift</strong></p>"
                     "<p>Birkenweg 7<br>34567 Waldstadt</p></section>")
    assert facts.representatives == ["Jonas Beispiel"]


# ------------------------------------------------------------------------------- people
def test_several_people_in_one_line_with_noun_like_surnames() -> None:
    assert clean_person_name("Martin Hornung") == "Martin Hornung"
    assert clean_person_name("Urs Beispiel Kundenschreinerei") is None
    facts = _imprint("<h2>Verein</h2><p><b>TSV Lindenhof 1926 e.V.</b></p><p>Birkenweg 7<br>34567 Waldstadt</p>"
                     "<p><b>Vorstand:</b></p><p>Martin Hornung, Mike Rösch, Jonas Aumüller, Christian Beispiel</p>")
    assert facts.representatives == ["Martin Hornung", "Mike Rösch", "Jonas Aumüller", "Christian Beispiel"]


def test_form_of_address_is_read_only_where_the_page_prints_it() -> None:
    assert form_of_address("Inhaber: Herr Max Beispiel", "Max Beispiel") == "Herr"
    assert form_of_address("Geschäftsführerin: Frau Dr. Anna Beispiel", "Dr. Anna Beispiel") == "Frau"
    assert form_of_address("Managing director: Ms Anna Beispiel", "Anna Beispiel") == "Frau"
    assert form_of_address("Inhaberin: Anna Beispiel", "Anna Beispiel") is None
    assert form_of_address("Frau Holle und Anna Beispiel", "Anna Beispiel") is None
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Malerbetrieb Lindenhof<br>Inhaber: Herr Max Beispiel<br>"
                     "Birkenweg 7<br>34567 Waldstadt</p><p>Geschäftsführung: Frau Dr. Anna Beispiel, Jonas Muster</p>")
    people = {p.name: p for p in facts.persons}
    assert people["Max Beispiel"].form_of_address == "Herr"
    assert people["Max Beispiel"].evidence["form_of_address"].snippet == "Inhaber: Herr Max Beispiel"
    assert people["Max Beispiel"].evidence["form_of_address"].url == f"{SITE}impressum.html"
    assert people["Dr. Anna Beispiel"].form_of_address == "Frau"
    assert people["Jonas Muster"].form_of_address is None and not people["Jonas Muster"].evidence
    assert facts.representatives[0] == "Max Beispiel"  # names stay without Herr/Frau


async def test_the_form_of_address_reaches_the_crm_contact_with_its_evidence(database_url: str) -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Malerbetrieb Lindenhof<br>Inhaberin: Frau Greta Beispiel<br>"
                     "Birkenweg 7<br>34567 Waldstadt</p><p>Telefon: 05651 98 76 54</p>")
    record = {"url": SITE, **facts.model_dump(mode="json")}
    engine = create_engine(database_url)
    await migrate(engine, MIGRATIONS, "alembic_version_leads")
    sessions = session_factory(engine)
    try:
        async with sessions() as s, s.begin():
            await import_site_record(s, record, None)
        async with sessions() as s:
            contacts = {c.name: c for c in (await s.execute(Contact.__table__.select())).all()}
        greta = contacts["Greta Beispiel"]
        assert greta.form_of_address == "frau"
        assert greta.evidence["form_of_address"]["snippet"] == "Inhaberin: Frau Greta Beispiel"
        assert greta.evidence["form_of_address"]["url"] == f"{SITE}impressum.html"
    finally:
        await engine.dispose()


# ------------------------------------------------------------------------------- phones and country
def test_fax_label_on_the_contact_page_beats_staff_lines_on_the_team_page() -> None:
    contact = _page("<h1>Kontakt</h1><p>Lindenhof Vermessung<br>Birkenweg 7<br>34567 Waldstadt</p>"
                    "<p>fon (0 56 51) 9 87 65 - 40</p><p>fax (0 56 51) 9 87 65 - 41</p>", kind="contact")
    team = _page("<h1>Team</h1><p>Jonas Beispiel<br>Vermessungstechniker</p><p>fon (0 56 51) 9 87 65 - 41</p>"
                 "<p>Greta Beispiel<br>Assistenz</p><p>fon (0 56 51) 9 87 65 - 41</p>", kind="team")
    facts = _facts(contact, team)
    assert facts.fax == "+495651987654 1".replace(" ", "")
    assert facts.phones == ["+4956519876540"]


def test_single_letter_labels_with_the_same_number_as_phone_and_fax() -> None:
    facts = _imprint("<p><b>Hauptanschrift:</b></p><p>Birkenweg 7<br>34567 Waldstadt<br>Deutschland</p>"
                     "<p>t: 0561-40890547</p><p>f: 0561-40890547</p>", site="https://www.lindenhof-beispiel.info/",
                     lang="en-gb")
    assert facts.country == "DE"
    assert facts.phones == ["+4956140890547"] and facts.fax == "+4956140890547"


# ------------------------------------------------------------------------------- identifiers (LABELLING.md v2)
def test_register_suffixes_fn_normalised_and_spaced_vat_ids() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Lindenhof GmbH<br>Birkenweg 7<br>28195 Bremen</p>"
                     "<p>Handelsregister B des Amtsgerichts Bremen, HRB 39606 HB</p><p>USt-IdNr.: DE12 345 6789</p>")
    assert (facts.register_number, facts.vat_id) == ("HRB 39606 HB", "DE123456789")
    at = _imprint("<h2>Impressum</h2><p>Lindenhof GmbH<br>Birkenweg 7<br>1030 Wien</p>"
                  "<p>Firmenbuchnummer: 151357i<br>Firmenbuchgericht: Handelsgericht Wien</p>",
                  site="https://www.lindenhof-beispiel.at/")
    assert at.register_number == "FN 151357 i"


def test_a_swiss_uid_printed_only_under_a_vat_label_is_both() -> None:
    facts = _imprint("<h2>Impressum</h2><p>Lindenhof GmbH<br>Bergstrasse 1<br>5000 Aarau</p>"
                     "<p>Mehrwertsteuernummer / MWST-Nr. CHE-390.068.172</p>", site="https://www.lindenhof-beispiel.ch/")
    assert (facts.register_number, facts.vat_id) == ("CHE-390.068.172", "CHE-390.068.172 MWST")


def test_whatsapp_numbers_non_breaking_hyphens_and_form_hints() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Anna Beispiel<br>Birkenweg 7<br>34567 Waldstadt</p>"
                     '<p><a href="https://wa.me/491701234567?text=Hallo">WhatsApp</a></p><p>WhatsApp: 0171 2345678</p>'
                     "<p>E-Mail: anna\u2011beispiel@lindenhof\u2011beispiel.de</p>"
                     "<p>Ihre Nachricht (z. B. max@mueller.ch, Telefon z. B. 0561 123 45 67) an ihre@email.de</p>")
    assert set(facts.phones) == {"+491701234567", "+491712345678"}
    assert facts.emails == ["anna-beispiel@lindenhof-beispiel.de"]


# ------------------------------------------------------------------------------- LABELLING.md v2: names and addresses
@pytest.mark.parametrize(("block", "name", "reps"), [
    ("Gunhild und Rainer Beispielmann", "Gunhild und Rainer Beispielmann",
     ["Gunhild Beispielmann", "Rainer Beispielmann"]),
    ("Greta Beispiel<br>Heilpraktikerin für Psychotherapie", "Greta Beispiel", ["Greta Beispiel"]),
    ("Jonas Beispiel<br>öffentlich bestellter und vereidigter Sachverständiger für Schäden an Gebäuden",
     "Jonas Beispiel", ["Jonas Beispiel"]),
    ("de Linden GaLa-Bau<br>Garten- und Landschaftsbau", "de Linden GaLa-Bau", []),
    ("Greta Beispiel<br>handelnd unter „Glanzwerk Service“", "Glanzwerk Service", ["Greta Beispiel"]),
    ("Dorian Beispiel<br>Beispiel Communication Consulting", "Beispiel Communication Consulting",
     ["Dorian Beispiel"]),
])
def test_name_lines_as_the_labelling_guide_reads_them(block: str, name: str, reps: list[str]) -> None:
    facts = _imprint(f"<h2>Angaben gemäß § 5 DDG</h2><p>{block}<br>Birkenweg 7<br>34567 Waldstadt</p>")
    assert facts.company_name == name
    assert facts.representatives == reps


@pytest.mark.parametrize(("lines", "street"), [
    ("Favoritenstraße 24, Tür 14<br>1100 Wien", "Favoritenstraße 24, Tür 14"),
    ("Favoritenstraße 24, Tür 14, 1100 Wien", "Favoritenstraße 24, Tür 14"),
    ("Favoritenstraße 24/Stiege 2/Top 5<br>1100 Wien", "Favoritenstraße 24/Stiege 2/Top 5"),
    ("Favoritenstraße 235B/30/8<br>1100 Wien", "Favoritenstraße 235B/30/8"),
])
def test_door_and_staircase_numbers_belong_to_the_street(lines: str, street: str) -> None:
    facts = _imprint(f"<h2>Impressum</h2><p>Lindenhof GmbH<br>{lines}</p>", site="https://www.lindenhof-beispiel.at/")
    assert (facts.street, facts.postal_code, facts.city) == (street, "1100", "Wien")


def test_an_owner_on_the_team_page_of_a_company_is_no_representative() -> None:
    team = _page("<h2>Team</h2><p>Greta Beispiel<br>Inhaberin</p><p>Max Muster<br>Geschäftsführer</p>", kind="team")
    imprint = _page("<h2>Angaben gemäß § 5 DDG</h2><p>Lindenhof GmbH<br>Birkenweg 7<br>34567 Waldstadt</p>")
    assert _facts(imprint, team).representatives == ["Max Muster"]
    sole = _page("<h2>Angaben gemäß § 5 DDG</h2><p>Lindenhof Malerei<br>Birkenweg 7<br>34567 Waldstadt</p>")
    assert _facts(sole, team).representatives[0] == "Greta Beispiel"


@pytest.mark.parametrize("body", [
    "<h1>Impressum</h1><p>Birkenweg 7<br>34567 Waldstadt</p><p>Lindenhof Dance is a modern dance school.</p>",
    "<h1>Impressum \u2013 Lindenhof Dance</h1><p>Birkenweg 7<br>34567 Waldstadt</p><p>Tel. 05651 987654</p>",
])
def test_an_imprint_without_a_name_line_names_the_provider_in_its_own_text(body: str) -> None:
    facts = _imprint(body, site="https://www.lindenhof-dance.de/")
    assert facts.company_name == "Lindenhof Dance"
    assert facts.evidence["company_name"].url == "https://www.lindenhof-dance.de/impressum.html"


def test_your_email_in_a_form_is_a_hint() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Anna Beispiel<br>Birkenweg 7<br>34567 Waldstadt</p>"
                     "<p>E-Mail: info@lindenhof-beispiel.de</p><p>Ihre E-Mail: max@mueller.ch</p>")
    assert facts.emails == ["info@lindenhof-beispiel.de"]


@pytest.mark.parametrize(("line", "court"), [
    ("AG Berlin (Charlottenburg) HRB 12345 B", "Amtsgericht Berlin (Charlottenburg)"),
    ("Register court: District court Eschwege, HRB 3282", "Amtsgericht Eschwege"),
    ("Commercial register: Local court Kassel, HRB 12345", "Amtsgericht Kassel"),
    ("Amtsgericht Freiburg Registernummer HRB 1234", "Amtsgericht Freiburg"),
    ("Handelsregister B des Amtsgerichts Bremen, HRB 39606 HB", "Amtsgericht Bremen"),
])
def test_register_court_in_the_nominative(line: str, court: str) -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Lindenhof GmbH<br>Birkenweg 7<br>34567 Waldstadt</p>"
                     f"<p>{line}</p>")
    assert facts.register_court == court


def test_swiss_and_austrian_register_offices() -> None:
    ch = _imprint("<h2>Impressum</h2><p>Lindenhof GmbH<br>Bergstrasse 1<br>5000 Aarau</p>"
                  "<p>Handelsregisteramt: Aargau</p><p>UID: CHE-390.068.172</p>", site="https://www.lindenhof-beispiel.ch/")
    assert (ch.register_court, ch.register_number, ch.vat_id) == ("Handelsregisteramt Aargau", "CHE-390.068.172", None)
    at = _imprint("<h2>Impressum</h2><p>Lindenhof GmbH<br>Birkenweg 7<br>1030 Wien</p>"
                  "<p>Firmenbuchgericht: Bezirksgericht Wien</p>", site="https://www.lindenhof-beispiel.at/")
    assert (at.register_court, at.register_number) == ("Bezirksgericht Wien", None)


def test_an_authority_named_by_a_compound_word_is_a_third_party() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 ECG</h2><p>Jonas Beispiel<br>Birkenweg 7<br>1030 Wien</p>"
                     "<p>Telefon: +43 681 2044 1234<br>E-Mail: info@lindenhof-beispiel.at</p>"
                     "<h3>9. Österreichische Datenschutzbehörde</h3><p><b>Datenschutzbehörde</b></p>"
                     "<p>Amtsweg 8<br>1080 Wien</p><p>Telefon: +43 1 52 152-0<br>E-Mail: amt@beispiel.gv.at</p>",
                     site="https://www.lindenhof-beispiel.at/")
    assert facts.phones == ["+4368120441234"]
    assert facts.emails == ["info@lindenhof-beispiel.at"]


def test_credits_under_a_disclaimer_heading_stay_third_parties() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Anna Beispiel<br>Birkenweg 7<br>34567 Waldstadt</p>"
                     "<h3>Haftung für Links</h3><p>Quelle: Rechtstexte Beispiel GmbH</p>"
                     "<p>Website by Pixelhaus Beispiel GmbH</p>")
    assert facts.company_name == "Anna Beispiel"
    facts = _imprint("<h2>Impressum</h2><p>Haftung für Inhalte</p><p>Quelle: Rechtstexte Beispiel GmbH</p>"
                     "<p>Kontakt | Pixelhaus GmbH</p>")
    assert facts.company_name != "Rechtstexte Beispiel GmbH"


def test_our_address_in_a_third_party_paragraph_stays_ours() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 ECG</h2><p>Greta Beispiel<br>Birkenweg 7<br>5020 Salzburg</p>"
                     "<p>E-Mail: greta.beispiel@gmail.com</p><h3>Streitschlichtung</h3><p>Die Europäische Kommission "
                     "stellt eine Plattform zur Online-Streitbeilegung bereit. Bei Fragen können Sie uns per E-Mail "
                     "unter greta.beispiel@gmail.com kontaktieren.</p><h3>Schlichtungsstelle</h3>"
                     "<p>E-Mail: office@schlichtung-beispiel.at</p>", site="https://www.lindenhof-beispiel.at/")
    assert facts.emails == ["greta.beispiel@gmail.com"]


@pytest.mark.parametrize(("line", "street", "postal"), [
    ("Bessemerstraße 83 - 91, 12103 Berlin", "Bessemerstraße 83 - 91", "12103"),
    ("Birkenweg 19 \u2013 34567 Waldstadt", "Birkenweg 19", "34567"),
])
def test_a_house_number_range_is_not_a_separator(line: str, street: str, postal: str) -> None:
    facts = _imprint(f"<h2>Angaben gemäß § 5 DDG</h2><p>Lindenhof GmbH<br>{line}</p>")
    assert (facts.street, facts.postal_code) == (street, postal)


def test_a_provider_block_set_as_a_table() -> None:
    facts = _imprint("<h1>Impressum</h1><table><tr><td>Firma</td><td>Lindenhof Bau GmbH</td></tr>"
                     "<tr><td>Anschrift</td><td>Birkenweg 7, 34567 Waldstadt</td></tr>"
                     "<tr><td>Geschäftsführer</td><td>Jonas Beispiel</td></tr>"
                     "<tr><td>Telefon</td><td>05651 987654</td></tr></table>")
    assert (facts.company_name, facts.street, facts.representatives) == ("Lindenhof Bau GmbH", "Birkenweg 7",
                                                                        ["Jonas Beispiel"])


@pytest.mark.parametrize(("block", "name", "reps"), [
    ("Greta Beispiel Fotografie", "Greta Beispiel Fotografie", ["Greta Beispiel"]),
    ("Greta Beispiel Yoga", "Greta Beispiel Yoga", ["Greta Beispiel"]),
    ("Hofladen Sonnenhof<br>Familie Beispiel", "Hofladen Sonnenhof", []),
    ("Tanzschule Lindenhof<br>Inh. Greta &amp; Jonas Beispiel", "Tanzschule Lindenhof",
     ["Greta Beispiel", "Jonas Beispiel"]),
])
def test_trade_words_families_and_two_owners(block: str, name: str, reps: list[str]) -> None:
    facts = _imprint(f"<h2>Angaben gemäß § 5 DDG</h2><p>{block}<br>Birkenweg 7<br>34567 Waldstadt</p>")
    assert (facts.company_name, facts.representatives) == (name, reps)


def test_without_an_impressum_the_copyright_line_with_the_address_names_the_provider() -> None:
    site = "https://www.malerei-lindenhof.de/"
    home = _page("<h1>Willkommen</h1><p>Ihr Malerbetrieb in Waldstadt.</p><footer><p>© 2025 Malerei Lindenhof · "
                 "Birkenweg 7 · 34567 Waldstadt</p></footer>", kind="home", site=site, name="index")
    facts = _facts(home, site=site)
    assert (facts.company_name, facts.street, facts.postal_code) == ("Malerei Lindenhof", "Birkenweg 7", "34567")


def test_a_heading_with_the_sites_brand_and_a_table_row_manager() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>LINDENHOF - Reine Kompetenz.</h2><p>Geschäftsführung | Jonas Beispiel</p>"
                     "<p>Postanschrift | Birkenweg 7a</p><p>34567 Waldstadt</p><p>Telefon | 05651 987654</p>")
    assert (facts.company_name, facts.street, facts.representatives) == (
        "LINDENHOF - Reine Kompetenz.", "Birkenweg 7a", ["Jonas Beispiel"])


@pytest.mark.parametrize("block", [
    "Lindenhof Malerei Inhaber Jonas Beispiel<br>Birkenweg 7<br>34567 Waldstadt",
    "Lindenhof Malerei - Inhaber: Jonas Beispiel - Birkenweg 7 - 34567 Waldstadt",
    "Firma: Lindenhof Malerei, Inhaber: Jonas Beispiel<br>Birkenweg 7<br>34567 Waldstadt",
])
def test_owner_labels_glued_into_the_name_line(block: str) -> None:
    facts = _imprint(f"<h2>Angaben gemäß § 5 DDG</h2><p>{block}</p>")
    assert (facts.company_name, facts.representatives, facts.street) == ("Lindenhof Malerei", ["Jonas Beispiel"],
                                                                        "Birkenweg 7")


@pytest.mark.parametrize("written", ["info @ lindenhof-beispiel. de", "info @ lindenhof - beispiel . de"])
def test_spaced_obfuscated_addresses(written: str) -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Lindenhof Malerei<br>Birkenweg 7<br>34567 Waldstadt</p>"
                     f"<p>E-Mail: {written}, Büro: buero@lindenhof-beispiel.de. Wir freuen uns.</p>")
    assert facts.emails == ["info@lindenhof-beispiel.de", "buero@lindenhof-beispiel.de"]


def test_a_closed_dialog_counts_but_hidden_text_does_not() -> None:
    team = _page('<h1>Team</h1><button>Greta Beispiel</button><div role="dialog" aria-modal="true" hidden>'
                 '<div hidden><h2>Greta Beispiel</h2><p>Partnerin</p>'
                 '<a href="mailto:greta@lindenhof-beispiel.de">E-Mail</a></div></div>'
                 '<p hidden>falle@lindenhof-beispiel.de</p>'
                 '<span style="display:none">falle2@lindenhof-beispiel.de</span>',
                 kind="team")
    imprint = _page("<h2>Angaben gemäß § 5 DDG</h2><p>Lindenhof GmbH<br>Birkenweg 7<br>34567 Waldstadt</p>"
                    "<p>E-Mail: info@lindenhof-beispiel.de</p>")
    assert set(_facts(imprint, team).emails) == {"info@lindenhof-beispiel.de", "greta@lindenhof-beispiel.de"}


def test_third_parties_around_a_bare_sole_proprietor_never_win() -> None:
    facts = _imprint(
        "<h1>Impressum</h1><p>Greta Beispiel</p><p>Birkenweg 7<br>34567 Waldstadt</p><p>Telefon 05651 987654</p>"
        "<p>Bankverbindung: Volksbank Waldstadt eG, IBAN DE12 3456 7890 1234 5678 90</p>"
        "<p>Mitglied im Berufsverband Yoga e.V., Lindenstraße 3, 10115 Berlin</p>"
        "<p>Icons: Font Awesome by Fonticons, Inc.</p><p>Hosting: Serverhaus AG, Hafenweg 7, 10249 Berlin</p>"
        "<p>Datenschutz: Wir nutzen Videodienst Beispiel Ltd., 1 Harbour Street, Dublin 4, Irland.</p>")
    assert (facts.company_name, facts.street, facts.phones) == ("Greta Beispiel", "Birkenweg 7", ["+495651987654"])
    assert facts.representatives == ["Greta Beispiel"] and facts.vat_id is None


def test_zvr_and_gisa_numbers_are_no_register_numbers_or_phones() -> None:
    facts = _imprint("<h2>Impressum</h2><p>Tanzverein Lindenhof<br>Birkenweg 7<br>1030 Wien</p>"
                     "<p>ZVR-Zahl: 123456789<br>GISA-Zahl: 36454709<br>Telefon: +43 1 234 5678</p>",
                     site="https://www.lindenhof-beispiel.at/")
    assert (facts.register_number, facts.phones) == (None, ["+4312345678"])


def test_office_hours_after_a_number_and_an_english_tax_number() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Lindenhof GmbH<br>Birkenweg 7<br>34567 Waldstadt</p>"
                     "<p>+49 5651 9876540 (8:30 to 16:30 Uhr)</p><h3>Tax number</h3><p>025 228 35661</p>")
    assert facts.phones == ["+4956519876540"]


def test_the_owner_below_a_registered_sole_traders_firm() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Informationspflicht laut § 5 E-Commerce Gesetz</p>"
                     "<p>Tischlerei Lindenhof e.U.<br>Jonas Beispiel<br>Grazer Straße 12/3,<br>8010 Graz</p>"
                     "<p>Unternehmensgegenstand: Tischlerei<br>Aufsichtsbehörde/Gewerbebehörde: Magistrat Graz</p>",
                     site="https://www.lindenhof-beispiel.at/")
    assert (facts.company_name, facts.representatives) == ("Tischlerei Lindenhof e.U.", ["Jonas Beispiel"])
    assert (facts.street, facts.postal_code, facts.city) == ("Grazer Straße 12/3", "8010", "Graz")


def test_a_po_box_gives_way_to_the_street_address_of_the_seat() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Lindenhof Bäckerei GmbH<br>Postfach 12 34<br>34501 Waldstadt</p>"
                     "<p>Besucheradresse: Birkenweg 7, 34567 Waldstadt</p>")
    assert (facts.street, facts.postal_code, facts.city) == ("Birkenweg 7", "34567", "Waldstadt")
