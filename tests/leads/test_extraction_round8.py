"""Extraction rules of round 8 (issue 12): company name and representatives that hold up on unseen sites.

One class of error per test, on small made-up snippets. Every name, address and number below is invented;
none is copied from a corpus page.
"""

from __future__ import annotations

from services.leads.extraction import CompanyFacts, PageContent, extract_company
from services.leads.extraction.legal import normalise_form
from services.leads.extraction.names import clean_person_name
from services.leads.extraction.notice import name_like
from services.leads.extraction.people import name_core

SITE = "https://www.farnwiese-beispiel.de/"


def _page(body: str, *, kind: str = "impressum", site: str = SITE, title: str = "t", name: str = "") -> PageContent:
    html = f'<!doctype html><html lang="de"><head><title>{title}</title></head><body>{body}</body></html>'
    return PageContent(url=f"{site}{name or kind}.html", html=html, kind=kind)


def _facts(*pages: PageContent, site: str = SITE) -> CompanyFacts:
    return extract_company(list(pages), site_url=site)


def _imprint(body: str, *, site: str = SITE) -> CompanyFacts:
    return _facts(_page(body, site=site), site=site)


# ------------------------------------------------------------------------------- the name block
def test_a_heading_citing_the_imprint_paragraph_is_an_anchor_not_a_name() -> None:
    assert not name_like("Erklärungen gemäß § 5 DDG")
    for heading in ("Erklärungen gemäß § 5 DDG", "Pflichtinformationen nach § 5 TMG"):
        facts = _imprint(f"<h2>Impressum</h2><h3>{heading}</h3><p>Wiebke Farnholz</p><p>c/o Postdienst Nord</p>"
                         "<p>Lindenallee 12</p><p>34567 Waldstadt</p><h3>Kontakt</h3>"
                         "<p>E-Mail: kontakt@farnwiese-beispiel.de</p>")
        assert facts.company_name == "Wiebke Farnholz"
        assert facts.representatives == ["Wiebke Farnholz"]
        assert facts.street == "Lindenallee 12"


def test_a_representative_line_without_a_colon_between_firm_and_seat() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäss Art. 3 UWG</h2><p>Farnwiese Systems GmbH</p>"
                     "<p>vertreten durch Jonas Beispielmann</p><p>Lindenallee 12</p><p>8808 Waldstadt</p>"
                     "<h2>Kontakt</h2><p>E-Mail: hallo@farnwiese-beispiel.de</p>"
                     "<h2>Verantwortlich für den Inhalt</h2><p>Jonas Beispielmann</p>"
                     "<p>für Farnwiese Systems GmbH</p><p>Lindenallee 12, 8808 Waldstadt</p>",
                     site="https://farnwiese-beispiel.ch/")
    assert facts.company_name == "Farnwiese Systems GmbH"
    assert facts.representatives == ["Jonas Beispielmann"]
    assert (facts.street, facts.postal_code) == ("Lindenallee 12", "8808")
    # a role word followed by the street is no representative's line: the address still counts
    facts = _imprint("<h2>Impressum</h2><p>FARNWIESE Dienste Timo Farnholz, Geschäftsführer Lindenallee 12 "
                     "34567 Waldstadt info@farnwiese-beispiel.de</p>")
    assert facts.street == "Lindenallee 12"


def test_the_austrian_flexco_is_a_company_form_and_joined_labels_are_cut() -> None:
    assert normalise_form("FlexCo") == "FlexCo"
    facts = _imprint("<h1>Impressum</h1><p>Offenlegung gemäß § 25 Mediengesetz</p>"
                     "<p>Medieninhaber &amp; Herausgeber Farnwiese FlexCo</p><p>Lindenallee 5/10/6</p><p>1020 Wien</p>"
                     "<p>Inhaber Anna Farnholz, Jonas Beispielmann</p>"
                     "<p>Kontakt E-Mail: hallo@farnwiese-beispiel.at</p>",
                     site="https://farnwiese-beispiel.at/")
    assert facts.company_name == "Farnwiese FlexCo"
    assert facts.legal_form == "FlexCo"
    assert facts.representatives == ["Anna Farnholz", "Jonas Beispielmann"]


# ------------------------------------------------------------------------------- representatives
def test_the_deputy_chair_of_a_board_is_a_representative() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Betreiber</h2><p>Reitfreunde Farnwiese e.V.</p><p>Lindenallee 12</p>"
                     "<p>34567 Waldstadt</p><h2>Vertretungsberechtigter Vorstand</h2>"
                     "<h6>Vertreten durch den Vorstand gemäß § 26 BGB:</h6><h6>Vorsitzende</h6><p>Anna Farnholz</p>"
                     "<h6>Stellvertretende Vorsitzende</h6><p>Lena Beispielmann</p>"
                     "<h6>Schatzmeisterin</h6><p>Greta Sorrelmann</p>")
    assert sorted(facts.representatives) == ["Anna Farnholz", "Greta Sorrelmann", "Lena Beispielmann"]


def test_a_degree_printed_without_spaces_is_a_title() -> None:
    assert clean_person_name("Mag.phil. Jonas Beispielmann") == "Mag.phil. Jonas Beispielmann"
    assert clean_person_name("Dr.med.dent. Anna Farnholz") == "Dr.med.dent. Anna Farnholz"
    assert name_core("Mag.phil. Jonas Beispielmann") == "jonas beispielmann"
    facts = _imprint("<h1>Impressum</h1><p>Farnwiese Film e.U.</p><p>Lindenallee 9/10 | A-1050 Wien</p>"
                     "<table><tr><td>Inhaber</td><td>Mag.phil. Jonas Beispielmann</td></tr></table>",
                     site="https://farnwiese-beispiel.at/")
    assert [name_core(r) for r in facts.representatives] == ["jonas beispielmann"]


def test_the_owner_on_a_team_card_with_the_role_beside_the_name() -> None:
    home = _page("<nav><a href='team.html'>Team</a></nav><h1>Tierarztpraxis Farnholz</h1><h3>Kontakt</h3>"
                 "<p>Telefon: 05651 987654</p><p>Adresse: Lindenallee 12, 34567 Waldstadt</p>", kind="home",
                 name="index", title="Tierarztpraxis Farnholz")
    team = _page("<h3>Unser Team</h3><h4>Tierärztin - Wiebke Farnholz</h4><p>Ich bin in Waldstadt geboren.</p>"
                 "<p>Jonas Beispielmann</p><p>Greta Sorrelmann</p>", kind="about", name="team")
    facts = _facts(home, team, site="https://www.tierarztpraxis-farnholz.de/")
    assert facts.company_name == "Tierarztpraxis Farnholz"
    assert facts.representatives == ["Wiebke Farnholz"]


def test_a_footer_menu_outside_nav_names_no_board_member() -> None:
    page = _page("<h1>Impressum</h1><h3>Betreiber der Website</h3><p>FORUM FARNWIESE</p><p>Lindenweg 79</p>"
                 "<p>CH-5001 Waldstadt</p><h3>Kontakt</h3><p>E-Mail: info@farnwiese-beispiel.ch</p>"
                 "<footer><p><a href='index.html'>Startseite</a> <a href='vorstand.html'>Vorstand</a> "
                 "<a href='events.html'>Anlässe</a> <a href='blog.html'>Blog</a> <a href='faq.html'>FAQ</a></p>"
                 "</footer>", site="https://farnwiese-beispiel.ch/")
    facts = _facts(page, site="https://farnwiese-beispiel.ch/")
    assert facts.representatives == []


def test_an_associations_president_under_a_heading_with_its_name() -> None:
    facts = _imprint("<h1>Impressum</h1><h3>Betreiber der Website</h3><p>FORUM FARNWIESE</p><p>Lindenweg 79</p>"
                     "<p>CH-5001 Waldstadt</p><h3>Kontakt</h3><p>E-Mail: info@farnwiese-beispiel.ch</p>"
                     "<h3>Präsidentin FORUM FARNWIESE</h3><p>Wiebke Farnholz</p>", site="https://farnwiese-beispiel.ch/")
    assert facts.representatives == ["Wiebke Farnholz"]
    facts = _imprint("<h1>Impressum</h1><p>Farnwiese AG</p><p>Lindenweg 79</p><p>CH-5001 Waldstadt</p>"
                     "<p>Präsident des Verwaltungsrates: Jonas Beispielmann</p>", site="https://farnwiese-beispiel.ch/")
    assert facts.representatives == []


# ------------------------------------------------------------------------------- LABELLING.md v7
def test_the_gewerberechtliche_geschaeftsfuehrung_represents_nobody() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Farnwiese Handels GmbH</p><p>Lindengasse 12</p><p>1070 Wien</p>"
                     "<p>Gewerberechtliche Geschäftsführung: Jonas Beispielmann</p><p>GISA-Zahl: 12345678</p>",
                     site="https://farnwiese-beispiel.at/")
    assert facts.company_name == "Farnwiese Handels GmbH"
    assert facts.representatives == []


def test_a_line_naming_the_kind_of_practice_under_the_person_is_no_part_of_the_name() -> None:
    for kind in ("Zahnarztpraxis für biologische Zahnmedizin", "Tierarztpraxis"):
        facts = _imprint(f"<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>Hauke Farnholz</p><p>{kind}</p>"
                         "<p>Lindenweg 12</p><p>34567 Waldstadt</p>")
        assert facts.company_name == "Hauke Farnholz"
        assert facts.representatives == ["Hauke Farnholz"]
    facts = _imprint("<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>Laura Farnholz</p><p>Yogakurse</p>"
                     "<p>Lindenweg 12</p><p>34567 Waldstadt</p>")
    assert facts.company_name == "Laura Farnholz"  # the offering is no part of the name (LABELLING.md v12)


def test_the_home_headings_greeting_names_a_site_without_imprint_or_copyright() -> None:
    home = _page("<h1>Willkommen bei der Gipserei Farnwiese</h1><p>Wir verputzen seit 1990.</p><h2>Kontakt</h2>"
                 "<p>Lindenweg 12</p><p>8505 Waldstadt</p><p>info@gipserei-farnwiese.ch</p>", kind="home",
                 name="index", title="Die Gipserei")
    facts = _facts(home, site="https://gipserei-farnwiese.ch/")
    assert facts.company_name == "Gipserei Farnwiese"
    home = _page("<h1>Willkommen auf unserer Website</h1><h2>Kontakt</h2><p>Lindenweg 12</p><p>8505 Waldstadt</p>",
                 kind="home", name="index")
    assert _facts(home, site="https://gipserei-farnwiese.ch/").company_name is None


def test_an_austrian_state_abbreviation_after_the_town_is_no_part_of_the_city() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Imkerei Farnholz</p><p>Lindenweg 12</p><p>4081 Hartkirchen OÖ</p>",
                     site="https://imkerei-farnholz.at/")
    assert facts.city == "Hartkirchen"
    facts = _imprint("<h1>Impressum</h1><p>Farnwiese GmbH</p><p>Lindenstrasse 12</p><p>8808 Pfäffikon SZ</p>",
                     site="https://farnwiese-beispiel.ch/")
    assert facts.city == "Pfäffikon SZ"


def test_the_web_sites_operator_after_a_firms_block_is_not_the_provider() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Farnwiese Bau GmbH</p><p>Lindenweg 12</p><p>34567 Waldstadt</p>"
                     "<p>Geschäftsführer: Jonas Beispielmann</p><h3>Betreiber der Webseite</h3><p>Timo Farnholz</p>"
                     "<p>E-Mail: web@farnwiese-beispiel.de</p>")
    assert facts.company_name == "Farnwiese Bau GmbH"
    assert facts.representatives == ["Jonas Beispielmann"]
    assert facts.emails == ["web@farnwiese-beispiel.de"]


def test_an_association_number_printed_without_the_register_letters() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Tennisclub Farnwiese e.V.</p><p>Lindenweg 12</p><p>54329 Waldstadt</p>"
                     "<p>Vorsitzender: Jonas Beispielmann</p><p>Eintragung im Vereinsregister</p>"
                     "<p>Registergericht: Wittlich - Registernummer: 1731</p>")
    assert facts.register_number == "VR 1731"
    facts = _imprint("<h1>Impressum</h1><p>Musikverein Farnwiese</p><p>Lindenweg 12</p><p>6900 Bregenz</p>"
                     "<p>Eingetragen beim zuständigen Vereinsregister: Bezirkshauptmannschaft Bregenz</p>"
                     "<p>Vereinsregisternummer: 774677995</p>", site="https://farnwiese-beispiel.at/")
    assert facts.register_number is None


def test_an_austrian_associations_obmann_and_deputy_represent_it() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Musikverein Farnwiese</p><p>Lindenweg 12</p><p>6900 Bregenz</p>"
                     "<p>Obmann: Jonas Beispielmann</p><p>Obfrau-Stellvertreterin: Anna Farnholz</p>"
                     "<p>Kassier: Timo Sorrel</p>", site="https://farnwiese-beispiel.at/")
    assert facts.representatives == ["Jonas Beispielmann", "Anna Farnholz"]


def test_partners_of_a_gbr_one_a_line_under_the_firm() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Farnwiese Malerei GbR</p><p>Anna Farnholz</p><p>Jonas Beispielmann</p>"
                     "<p>Lindenweg 12</p><p>34567 Waldstadt</p>")
    assert facts.company_name == "Farnwiese Malerei GbR"
    assert facts.representatives == ["Anna Farnholz", "Jonas Beispielmann"]
