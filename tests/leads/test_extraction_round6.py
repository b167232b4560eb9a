"""Extraction rules of round 6 (issue 12): company name and representatives of sole proprietors.

One class of error per test, on small made-up snippets. Every name, address and number below is invented;
none is copied from a corpus page.
"""

from __future__ import annotations

from services.leads.extraction import CompanyFacts, PageContent, extract_company
from services.leads.extraction.address import street_of
from services.leads.extraction.names import person_line
from services.leads.extraction.notice import name_like

SITE = "https://www.erlenbruch-beispiel.de/"


def _page(body: str, *, kind: str = "impressum", site: str = SITE, title: str = "t", name: str = "") -> PageContent:
    html = f'<!doctype html><html lang="de"><head><title>{title}</title></head><body>{body}</body></html>'
    return PageContent(url=f"{site}{name or kind}.html", html=html, kind=kind)


def _facts(*pages: PageContent, site: str = SITE) -> CompanyFacts:
    return extract_company(list(pages), site_url=site)


def _imprint(body: str, *, site: str = SITE) -> CompanyFacts:
    return _facts(_page(body, site=site), site=site)


# ------------------------------------------------------------------------------- the name block
def test_a_card_title_and_subtitle_set_as_headings_are_person_and_practice() -> None:
    facts = _imprint("<h1>Informationen des Betreibers</h1><h2>Betreiber</h2><h5>Zahnärztin Wiebke Sorrelmann</h5>"
                     "<h6>Zahnarztpraxis Sorrelmann</h6><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                     "<p>Telefon: 05651 987654</p>")
    assert facts.company_name == "Zahnarztpraxis Sorrelmann"
    assert facts.representatives == ["Wiebke Sorrelmann"]
    assert facts.street == "Lindenallee 12"


def test_a_practice_name_over_its_owners_in_headings() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><h4>Tierarztpraxis Erlengrund</h4>"
                     "<h4>Dr. Jonas Beispielmann und Dr. Timo Farnholz</h4><p>Erlengrund 7a</p>"
                     "<p>34567 Waldstadt</p><p>Telefon: 05651 987654</p>")
    assert facts.company_name == "Tierarztpraxis Erlengrund"
    assert sorted(facts.representatives) == ["Dr. Jonas Beispielmann", "Dr. Timo Farnholz"]


def test_owners_each_on_a_line_of_their_own_under_the_practice_name() -> None:
    facts = _imprint("<h2>Impressum</h2><h3>Tierarztpraxis am Erlenteich</h3><p><b>Dr. Anna Sorrelmann</b></p>"
                     "<p><b>Dr. Lena Farnholz</b></p><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                     "<p>Telefon: 05651 987654</p>")
    assert facts.company_name == "Tierarztpraxis am Erlenteich"
    assert sorted(facts.representatives) == ["Dr. Anna Sorrelmann", "Dr. Lena Farnholz"]


def test_a_line_naming_only_the_kind_of_practice_leaves_the_titled_person_as_the_name() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Adresse</h2><p>Zahnarztpraxis</p><p>Dr. med. dent. Anna Sorrelmann</p>"
                     "<p>Lindenallee 12</p><p>34567 Waldstadt</p><p>Telefon: 05651 987654</p>")
    assert facts.company_name == "Dr. med. dent. Anna Sorrelmann"
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Privatpraxis für Psychotherapie</p>"
                     "<p>Dipl.-Psychologin Anna Sorrelmann</p><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                     "<p>E-Mail: info@erlenbruch-beispiel.de</p>")
    assert facts.company_name == "Dipl.-Psychologin Anna Sorrelmann"


def test_a_bare_einzelunternehmen_line_is_no_part_of_the_name() -> None:
    facts = _imprint("<h2>Impressum</h2><h3>Angaben gemäß § 5 DDG</h3><p><b>Erlenlicht Bar</b></p>"
                     "<p>Einzelunternehmen</p><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                     "<p>Telefon: 05651 987654</p>")
    assert facts.company_name == "Erlenlicht Bar"
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Anna Sorrelmann</p><p>Software-Entwicklung</p>"
                     "<p>(Einzelunternehmerin)</p><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                     "<p>Telefon: 05651 987654</p>")
    assert facts.company_name == "Anna Sorrelmann"  # offering and form of business dropped (LABELLING.md v12)


def test_a_brand_glued_to_a_number_is_a_name_not_a_street() -> None:
    assert street_of("Erlenzug24", None) is None
    assert street_of("Lindenweg12", None) == "Lindenweg12"
    facts = _imprint("<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p><b>Erlenzug24</b></p>"
                     "<p>Inhaber: Yusuf Karimow</p><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                     "<p>Telefon: 05651 987654</p>")
    assert facts.company_name == "Erlenzug24"
    assert facts.representatives == ["Yusuf Karimow"]


def test_a_premises_line_in_the_seat_town_under_the_owner_is_no_trade_name() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Inhaberin</h2><p>Frau Wiebke Sorrelmann-Farn</p>"
                     "<p>Gesundheitspraxis Waldstadt</p><p>Lindenallee 12, 34567 Waldstadt</p>"
                     "<p>E-Mail: info@erlenbruch-beispiel.de</p>")
    assert facts.company_name == "Wiebke Sorrelmann-Farn"
    assert facts.representatives == ["Wiebke Sorrelmann-Farn"]


def test_informationen_gemaess_anchors_a_two_cell_label_table() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Informationen gemäß § 5 E-Commerce-Gesetz</h2><table>"
                     "<tr><td>Betreiber:</td><td>DDr. Jonas Beispielmann</td></tr>"
                     "<tr><td>Beruf:</td><td>Tierarzt (freiberuflich)</td></tr>"
                     "<tr><td>Anschrift:</td><td>Lindengasse 12</td></tr><tr><td colspan=2>1130 Wien</td></tr>"
                     "<tr><td>Telefon:</td><td>+43 660 1234567</td></tr></table>",
                     site="https://www.beispielmann.at/")
    assert facts.company_name == "DDr. Jonas Beispielmann"
    assert facts.street == "Lindengasse 12"


def test_the_line_the_page_gives_as_berufsbezeichnung_is_no_part_of_the_name() -> None:
    facts = _imprint("<h2>Impressum</h2><h3>Angaben gemäß § 5 DDG</h3><p><b>Wiebke Sorrelmann</b></p>"
                     "<p>Teamcoach & Organisationsberaterin</p><h3>Kontakt</h3>"
                     "<p>E-Mail: wiebke@erlenbruch-beispiel.de</p><h3>Berufsbezeichnung</h3>"
                     "<p>Berufsbezeichnung: Teamcoach & Organisationsberaterin</p>")
    assert facts.company_name == "Wiebke Sorrelmann"


# ------------------------------------------------------------------------------- no name line
def test_the_home_title_names_the_business_when_no_line_does() -> None:
    site = "https://www.svsorrelmann.info/"
    facts = _facts(_page("<p>Herzlich willkommen auf der Seite des Sachverständigenbüros Sorrelmann.</p>",
                         kind="home", site=site, title="Sachverständigenbüro Sorrelmann", name="index"),
                   _page("<p><b>Hauptanschrift:</b></p><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                         "<p>e: info@svsorrelmann.info</p>", site=site, name="kontakt"),
                   _page("<h1>Wiebke Sorrelmann</h1><p>Wiebke Sorrelmann ist Sachverständige für Immobilien.</p>",
                         kind="about", site=site, name="ueber"),
                   site=site)
    assert facts.company_name == "Sachverständigenbüro Sorrelmann"
    assert facts.representatives == ["Wiebke Sorrelmann"]


def test_a_copyright_holder_the_site_prints_as_its_heading() -> None:
    site = "https://someuser.github.io/erlenhof/"
    facts = _facts(_page("<h2>Willkommen im Gasthaus Erlenhof</h2><p>Saisonale Küche.</p>"
                         "<footer><p>Copyright © 2019 Gasthaus Erlenhof | All Rights Reserved.</p></footer>",
                         kind="home", site=site, name="index"), site=site)
    assert facts.company_name == "Gasthaus Erlenhof"
    assert facts.representatives == []


# ------------------------------------------------------------------------------- representatives
def test_a_rare_given_name_is_the_owner_when_the_mailbox_spells_the_surname() -> None:
    assert person_line("Hebamme Zorya Farnholz", strict=False) == "Zorya Farnholz"
    site = "https://hebamme-zorya.ch/"
    facts = _facts(_page("<p>Telefon: +41 77 123 45 67</p><footer><p>Hebamme Zorya Farnholz · 8800 Thalwil · "
                         "farnholz@gmail.com</p></footer>", kind="home", site=site, name="index"), site=site)
    assert facts.representatives == ["Zorya Farnholz"]


def test_a_coined_service_name_is_no_owner() -> None:
    site = "https://www.erlenfix.de/"
    facts = _facts(_page("<h1>Impressum</h1><p>ErlenFix Computerservice</p><p>Lindenallee 12</p>"
                         "<p>34567 Waldstadt</p><p>E-Mail: computerservice@erlenfix.de</p>", site=site), site=site)
    assert facts.representatives == []


def test_a_person_then_the_trade_name_printed_across_two_lines_with_her_name_again() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Wiebke Sorrelmann</p><p>Malermeisterbetrieb</p><p>Wiebke Sorrelmann</p>"
                     "<p>Lindenallee 12</p><p>34567 Waldstadt</p><p>Telefon: 05651 987654</p>")
    assert facts.company_name == "Malermeisterbetrieb Wiebke Sorrelmann"
    assert facts.representatives == ["Wiebke Sorrelmann"]


def test_owners_one_a_line_trade_under_the_joint_name_of_the_copyright_line() -> None:
    facts = _facts(_page("<h1>Impressum</h1><h3>Anbieter dieser Webseite:</h3><p>Wiebke Sorrelmann</p>"
                         "<p>Lena Farnholz</p><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                         "<p>Telefon: 05651 987654</p>"),
                   _page("<p>Willkommen in unserer Praxis.</p><footer><h4>© 2021 Farnholz Sorrelmann Zahnarztpraxis"
                         "</h4></footer>", kind="home", name="index"))
    assert facts.company_name == "Farnholz Sorrelmann Zahnarztpraxis"
    assert sorted(facts.representatives) == ["Lena Farnholz", "Wiebke Sorrelmann"]


def test_an_owner_label_before_a_hyphenated_initial_given_name() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG:</h2><p>eClean \u2013 Gebäudepflege</p>"
                     "<p>Inhaber: M-Ali Farnholz</p><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                     "<p>Telefon: 05651 987654</p>")
    assert facts.company_name == "eClean \u2013 Gebäudepflege"
    assert facts.representatives == ["M-Ali Farnholz"]


def test_a_call_to_action_in_the_footer_menu_is_no_name() -> None:
    assert not name_like("Termin buchen") and not name_like("Jetzt anfragen") and name_like("Buchen Holzbau")
    facts = _facts(_page("<h1>Imprint</h1><p>Legal form: Sole proprietorship</p><p>Erlenwerk Consulting</p>"
                         "<p>Owner: Jonas Beispielmann</p><p>Lindenstrasse 12</p><p>8004 Zürich</p>"
                         "<footer><h4>Kontakt</h4><p>Termin buchen</p><h4>Kontakt</h4><p>info@erlenwerk.ch</p>"
                         "<p>Zürich, Schweiz</p></footer>", site="https://erlenwerk.ch/"), site="https://erlenwerk.ch/")
    assert facts.company_name != "Termin buchen"


def test_responsible_and_in_charge_of_this_website_opens_the_provider_block() -> None:
    """"Verantwortlich und zuständig für diese Website ist das" as a heading: the provider's block, although it
    says "Website" (a weak third-party word on legal pages, as in a web designer's credit)."""
    facts = _imprint("<h2>Impressum</h2><h3>1. Verantwortlich und zuständig für diese Website ist das</h3>"
                     "<p>Reisebüro Erlenbruch<br>Am Mühlenteich 4<br>21999 Erlenbruch</p>"
                     "<p>vertreten durch Geschäftsführerin Tamsin Oltrogge</p><p>Email:</p>"
                     '<p><a href="mailto:info@erlenbruch-beispiel.de">info@erlenbruch-beispiel.de</a></p>'
                     "<h3>2. Haftungsausschluss</h3><p>Das Reisebüro Erlenbruch ist bemüht, richtige Informationen zu "
                     "geben.</p>")
    assert facts.company_name == "Reisebüro Erlenbruch"
    assert facts.street == "Am Mühlenteich 4" and facts.city == "Erlenbruch"
    assert facts.emails == ["info@erlenbruch-beispiel.de"]
    assert facts.representatives == ["Tamsin Oltrogge"]
