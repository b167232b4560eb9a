"""Extraction rules of round 4 (issue 12): one class of error per test, on small made-up snippets.

Every name, address and number below is invented; none is copied from a corpus page.
"""

from __future__ import annotations

from services.leads.extraction import CompanyFacts, PageContent, extract_company

SITE = "https://www.erlenbruch-beispiel.de/"


def _page(body: str, *, kind: str = "impressum", site: str = SITE, lang: str = "de", name: str = "") -> PageContent:
    html = f'<!doctype html><html lang="{lang}"><head><title>t</title></head><body>{body}</body></html>'
    return PageContent(url=f"{site}{name or kind}.html", html=html, kind=kind)


def _facts(*pages: PageContent, site: str = SITE) -> CompanyFacts:
    return extract_company(list(pages), site_url=site)


def _imprint(body: str, *, site: str = SITE, lang: str = "de") -> CompanyFacts:
    return _facts(_page(body, site=site, lang=lang), site=site)


# ------------------------------------------------------------------------------- the provider block
def test_a_representative_label_between_the_firm_and_its_address_label() -> None:
    facts = _imprint("<h1>Impressum</h1><p><strong>Firma:</strong></p><p>SONNENKLAR Haushaltshilfen GmbH</p>"
                     "<p><strong>Geschäftsführer:</strong></p><p>Jonas Beispiel</p><p><strong>Adresse:</strong></p>"
                     "<p>Lindenallee 12</p><p>34567 Waldstadt</p><p><strong>Telefon:</strong></p><p>05651 987654</p>")
    assert facts.company_name == "SONNENKLAR Haushaltshilfen GmbH"
    assert (facts.street, facts.postal_code, facts.city) == ("Lindenallee 12", "34567", "Waldstadt")
    assert facts.representatives == ["Jonas Beispiel"]


def test_a_leaseholder_tax_lines_and_a_dashed_postal_line_in_the_block() -> None:
    facts = _imprint("<h1>Impressum</h1><h4>Gasthof zur Erle</h4><h6>Pächterin: Greta Beispiel</h6>"
                     "<p>(Einzelkaufmann)<br>Steuer Nr. 123/456/78901<br>Ust ID DE12 345 678 901<br>"
                     "Lindenallee 12<br>34567 - Waldstadt<br>Tel.: 05651/987654</p>")
    assert facts.company_name == "Gasthof zur Erle"
    assert (facts.street, facts.postal_code, facts.city) == ("Lindenallee 12", "34567", "Waldstadt")
    assert facts.representatives == ["Greta Beispiel"]


def test_an_owner_printed_with_an_initial_and_a_web_developer_card() -> None:
    facts = _facts(_page("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>Erlen Grill</p><p>Inh. B. Okumus</p>"
                         "<p>Lindenallee 12</p><p>34567 Waldstadt</p><p>Telefon: 05651 - 98 76 54</p>"),
                   _page("<h1>Info</h1><h2>Website-Entwickler</h2><h3>Jannik W.</h3><p>Aus Waldstadt</p>"
                         "<p>+49 1520 1112233</p>", kind="about"))
    assert facts.company_name == "Erlen Grill"
    assert facts.representatives == ["B. Okumus"]
    assert facts.phones == ["+495651987654"]


# ------------------------------------------------------------------------------- third parties
def test_a_demo_table_of_other_firms_contacts_is_not_the_providers() -> None:
    rows = "".join(f"<tr><td>{firm}</td><td>{person}</td><td>Geschäftsführer</td><td>{mail}</td></tr>"
                   for firm, person, mail in (
                       ("Kranich Werbung GmbH", "Tilo Beispiel", "tilo@kranich-werbung.de"),
                       ("Falkenberg Software AG", "Ida Muster", "ida@falkenberg-software.de"),
                       ("Moorweide Logistik", "Ben Probe", "ben@moorweide-logistik.de")))
    facts = _facts(_page("<h1>Impressum</h1><p>Erlenbruch Vertrieb GmbH<br>Lindenallee 12<br>1020 Wien</p>"
                         "<p>Geschäftsführer: Jonas Beispiel</p><p>office@erlenbruch-beispiel.at</p>",
                         site="https://erlenbruch-beispiel.at/"),
                   _page(f"<h1>Dein Vertrieb</h1><table>{rows}</table>"
                         "<p>TÜV-zertifizierter Prozess · ID 0217466221</p>"
                         "<footer><p>Direkter Draht zur Geschäftsführung. Aus Wien, für DACH.</p></footer>",
                         kind="home", site="https://erlenbruch-beispiel.at/"),
                   site="https://erlenbruch-beispiel.at/")
    assert facts.emails == ["office@erlenbruch-beispiel.at"]
    assert facts.phones == []
    assert facts.representatives == ["Jonas Beispiel"]


def test_two_owners_on_one_line_above_the_name_they_trade_under() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Jonas Beispiel &amp; Greta Muster</p><p>Erlenhof Pilates</p>"
                     "<p>Lindenallee 12</p><p>34567 Waldstadt</p>")
    assert facts.company_name == "Erlenhof Pilates"
    assert facts.representatives == ["Jonas Beispiel", "Greta Muster"]


def test_two_people_on_lines_of_their_own_both_represent_the_practice() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><h3>Anbieter dieser Webseite:</h3><p>Greta Muster</p>"
                     "<p>Jonas Beispiel</p><p>Lindenallee 12</p><p>34567 Waldstadt</p>")
    assert facts.representatives == ["Greta Muster", "Jonas Beispiel"]


def test_a_legal_form_row_and_a_town_only_seat_in_a_label_grid() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben zum Unternehmen</h2><table>"
                     "<tr><td>Unternehmensname</td><td>GlasKlar</td></tr>"
                     "<tr><td>Unternehmensform</td><td>Einzelunternehmen</td></tr>"
                     "<tr><td>Adresse</td><td>Erlenbach, Tirol, Österreich</td></tr>"
                     "<tr><td>E-Mail</td><td>glasklar@gmail.com</td></tr></table>",
                     site="https://glasklar-beispiel.at/")
    assert facts.company_name == "GlasKlar"
    assert (facts.street, facts.postal_code, facts.city, facts.country) == (None, None, "Erlenbach", "AT")


def test_a_brand_in_capitals_after_a_lower_case_initial() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Greta Muster</p><p>gPUNKTmPUNKT Illustration</p>"
                     "<p>Lindenallee 12</p><p>34567 Waldstadt</p>")
    assert facts.company_name == "gPUNKTmPUNKT Illustration"
    assert facts.representatives == ["Greta Muster"]


def test_a_label_grid_whose_label_cells_lost_their_colons() -> None:
    facts = _facts(_page("<h2>Angaben gemäß § 5 DDG</h2><h3>Dienstanbieter (Einzelunternehmen)</h3><div>"
                         "<div><strong>Name</strong> <span>Greta Muster<br>Heilpraktikerin &amp; Dozentin</span></div>"
                         "<div><strong>Vertretungsberechtigte Person</strong> <span>Greta Muster</span></div>"
                         "<div><strong>Anschrift</strong> <span>Lindenallee 12<br>34567 Waldstadt<br>Deutschland"
                         "</span></div><div><strong>Kontakt</strong> <span>Telefon: 05651 987654</span></div></div>"),
                   _page("<h1>Kurse</h1><p>03.06.2026 \u2013 09.12.2026 5 Blöcke</p>", kind="home"))
    assert facts.company_name == "Greta Muster"
    assert facts.representatives == ["Greta Muster"]
    assert (facts.street, facts.postal_code) == ("Lindenallee 12", "34567")
    assert facts.phones == ["+495651987654"]


# ------------------------------------------------------------------------------- e-mails
def test_an_address_on_an_internationalised_domain_is_read_in_its_ascii_form() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Erlen-Grill Beispiel GmbH<br>Lindenallee 12<br>"
                     "34567 Waldstadt</p><table><tr><td>E-Mail</td><td>info@erlengrill-müller.de</td></tr></table>"
                     "<p>förderverein.erle@gmail.com</p>")
    assert facts.emails == ["info@xn--erlengrill-mller-uzb.de"]


def test_own_contact_lines_above_a_dispute_resolution_note_in_one_paragraph() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><div><p>Erlenbruch Haus GmbH</p><b>Lindenallee 12</b><br>"
                     "<b>34567 Waldstadt</b><br>Vertreten durch Geschäftsführerin Greta Muster</div>"
                     "<div><b>Kontakt</b><br>Telefon: +49 174 1112233<br>E-Mail: erlenbruch.haus@gmail.com<br>"
                     "EU-Streitschlichtung<br>Die Europäische Kommission stellt eine Plattform zur "
                     "Online-Streitbeilegung (OS) bereit:<br>https://ec.europa.eu/consumers/odr</div>")
    assert facts.emails == ["erlenbruch.haus@gmail.com"]
    assert facts.phones == ["+491741112233"]


# ------------------------------------------------------------------------------- address and country
def test_the_house_number_printed_at_the_start_of_the_postal_line() -> None:
    facts = _facts(_page("<h1>Kontakt</h1><footer><h4>Erlen Bau GmbH</h4><p>Erlen Bau GmbH</p><p>Birkenstrasse</p>"
                         "<p>53 8832 Waldegg</p><h4>Contact Us</h4></footer><p>043 818 00 11</p>",
                         kind="contact", site="https://www.erlen-bau.ch/"), site="https://www.erlen-bau.ch/")
    assert (facts.street, facts.postal_code, facts.city, facts.country) == ("Birkenstrasse 53", "8832", "Waldegg", "CH")


def test_a_four_digit_postal_code_on_an_austrian_domain_with_german_board_members() -> None:
    site = "https://www.erlen-verein.at/"
    facts = _imprint("<h2>Impressum</h2><p><b>Erlenbacher Kendo Verein</b></p><p>Jonas Beispiel</p>"
                     "<p>Birkenweg 29</p><p>5122 Erlbach</p><p>Telefon: +43 650 1112233</p>"
                     "<h2>Ansprechpartner</h2><p>Obmann: Jonas Beispiel</p><p>Birkenweg 29</p><p>5122 Erlbach</p>"
                     "<p>2. Vorstand: Greta Muster</p><p>Sternstrasse 11</p><p>84577 Moosdorf</p><p>Deutschland</p>"
                     "<p>Telefonnummer: +49 157 / 1112233</p><p>Kassier: Ida Probe</p><p>Lindenstrasse 2</p>"
                     "<p>84503 Moosdorf</p><p>Deutschland</p><p>Telefonnummer: +49 163 / 1112233</p>", site=site)
    assert facts.country == "AT"
    assert "Ida Probe" not in facts.representatives


def test_a_swiss_seat_on_a_com_site_without_an_impressum() -> None:
    site = "https://www.erlen-haustechnik.com/"
    facts = _facts(_page("<h1>Sprechen Sie mit uns.</h1><p>079 111 22 33 info@erlen-haustechnik.com</p>"
                         "<p>Adresse Lindenweg 7</p><p><b>4334 Erlbach</b></p>"
                         "<footer><p>Lindenweg 7, 4334 Erlbach</p></footer>", kind="contact", site=site),
                   _page("<h1>Erlen Haustechnik GmbH</h1><footer><p>© Erlen Haustechnik GmbH 2026</p></footer>",
                         kind="home", site=site), site=site)
    assert (facts.street, facts.postal_code, facts.city, facts.country) == ("Lindenweg 7", "4334", "Erlbach", "CH")
    assert facts.phones == ["+41791112233"]


# ------------------------------------------------------------------------------- people
def test_a_bare_person_line_whose_mailbox_spells_the_name() -> None:
    facts = _imprint("<h1>Impressum</h1><p><b>Zsófia Beispielmann</b></p><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                     "<p><b>Kontakt</b></p><p>E-Mail: zsofiabeispielmann@gmail.com</p>")
    assert facts.company_name == "Zsófia Beispielmann"
    assert facts.representatives == ["Zsófia Beispielmann"]
    facts = _imprint("<h1>Impressum</h1><p><b>Avanti Ristorante</b></p><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                     "<p>E-Mail: bestellung@gmail.com</p>")
    assert facts.representatives == []


def test_co_owners_under_a_landlord_heading() -> None:
    facts = _imprint("<h1>VERMIETER</h1><p>Erbengemeinschaft</p><p>Greta Muster und Friedolin Muster</p>"
                     "<p>Birkenhof 9a</p><p>07407 Waldstadt</p>")
    assert facts.company_name == "Erbengemeinschaft Greta Muster und Friedolin Muster"
    assert facts.representatives == ["Greta Muster", "Friedolin Muster"]


def test_a_vat_id_printed_with_a_tax_numbers_separators() -> None:
    facts = _imprint("<h2>Impressum</h2><p>Erlen Metallbau GmbH<br>Lindenallee 12<br>34567 Waldstadt</p>"
                     "<p>USt.Id.Nr. DE 123/456 789</p><p>Steuernummer 12/345/67890</p>")
    assert facts.vat_id == "DE123456789"


# ------------------------------------------------------------------------------- phones
def test_a_number_next_to_a_fax_icon_is_the_fax() -> None:
    facts = _facts(_page("<h2>Impressum</h2><p>Greta Muster<br>Birkenweg 16<br>34567 Waldstadt</p>"
                         "<p>Telefon: +49 5651 987654</p>"),
                   _page('<h1>Gasthof</h1><footer><p><i class="fa fa-phone" aria-hidden="true"></i>'
                         '<a href="tel:+495651987654">+49 5651 987654</a><br><i class="fa fa-fax" aria-hidden="true">'
                         "</i><span>+49 5651 9876540</span></p></footer>", kind="home"))
    assert facts.phones == ["+495651987654"]
    assert facts.fax == "+4956519876540"


def test_a_link_that_drops_the_printed_extension_is_the_same_number() -> None:
    jsonld = ('<script type="application/ld+json">{"@type": "LocalBusiness", "name": "Erlen Elektro GmbH", '
              '"telephone": "+49 69 1234567"}</script>')
    facts = _facts(_page("<h2>Impressum</h2><p>Erlen Elektro GmbH<br>Lindenallee 12<br>60311 Frankfurt am Main</p>"
                         "<p>Telefon: 069 12 34 56 7-0</p>"),
                   _page(f'{jsonld}<h1>Strom</h1><p><a href="tel:+49691234567">Jetzt anrufen</a></p>', kind="home"))
    assert facts.phones == ["+496912345670"]


def test_a_practice_description_under_the_person_is_not_the_name() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Greta Muster</p><p>Praxis für Ergotherapie</p><p>Lindenallee 12</p>"
                     "<p>34567 Waldstadt</p>")
    assert facts.company_name == "Greta Muster"
    assert facts.representatives == ["Greta Muster"]


def test_a_transposed_managing_director_label() -> None:
    facts = _imprint("<h2>Impressum</h2><h3>Verantwortlich:</h3><p>Erlen Fliesen GmbH<br>Jonas Beispiel<br>"
                     "Lindenallee 12<br>34567 Waldstadt</p><h3>Geschäfstführer</h3><p>Jonas Beispiel</p>")
    assert facts.representatives == ["Jonas Beispiel"]


def test_partners_named_in_a_sentence_that_ends_with_the_verb() -> None:
    facts = _imprint("<h1>Impressum</h1><p><b>Erlen Gutachter Muster &amp; Partner</b></p><p>Lindenallee 12</p>"
                     "<p>34567 Waldstadt</p><p>Die Partnerschaft wird jeweils einzelvertretungs- berechtigt durch die "
                     "Partner Jonas Muster, Greta Beispiel oder Ida Probe vertreten.</p>")
    assert facts.representatives == ["Jonas Muster", "Greta Beispiel", "Ida Probe"]


def test_a_location_row_without_colon_names_the_town() -> None:
    site = "https://erlen-dj.netlify.app/"
    facts = _facts(_page("<h1>Impressum</h1><p><b>Jonas Erlenfunk</b></p><p>E-Mail info@erlenfunk.ch</p>"
                         "<p>Standort Erlbach, Schweiz</p>", site=site),
                   _page("<h1>Jonas Erlenfunk</h1><p>2021 First set</p><p>30 Shows</p>", kind="home", site=site),
                   site=site)
    assert (facts.street, facts.postal_code, facts.city, facts.country) == (None, None, "Erlbach", "CH")


def test_a_town_with_its_quarter_in_parentheses_or_an_abbreviated_river() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Greta Muster</p><p>Lindenallee 12</p><p>22767 Waldstadt (Erlenau)</p>")
    assert facts.city == "Waldstadt (Erlenau)"
    facts = _imprint("<h1>Impressum</h1><p>Erlen Musik OHG</p><p>Lindenallee 12</p><p>91541 Erlenburg o. T.</p>"
                     "<p>Tel. 09861 987654 (Büro)</p>")
    assert facts.city == "Erlenburg o. T."


def test_a_two_column_block_with_a_spaced_fax_and_a_template_leftover_address() -> None:
    site = "https://www.zimmerei-erlen.de/"
    facts = _facts(_page("<h3>Kontakt</h3><p>Zimmerei Jonas Erlen</p><p>Fon 0171 - 11 22 333</p><p>Birkenberg 13</p>"
                         "<p>Fax 0 56 51 - 98 76 - 54</p><p>17121 Erlen-Trantow</p><p>info@zimmerei-erlen.de</p>"
                         "<p>Ich habe die Datenschutzerklärung zur Kenntnis genommen. Ich stimme zu, dass meine "
                         "Angaben zur Beantwortung meiner Anfrage gespeichert werden. Hinweis: Sie können Ihre "
                         "Einwilligung jederzeit per E-Mail an info@muster-architektur.de widerrufen.</p>",
                         kind="contact", site=site),
                   site=site)
    assert (facts.street, facts.postal_code, facts.city) == ("Birkenberg 13", "17121", "Erlen-Trantow")
    assert facts.emails == ["info@zimmerei-erlen.de"]


def test_a_management_word_on_its_own_line_above_the_person() -> None:
    site = "https://www.erlen-haustechnik.com/"
    facts = _facts(_page("<h1>Erlen Haustechnik GmbH</h1><p>Geschäftsleitung</p><h2>Jonas Beispiel</h2>"
                         "<p>Jonas Beispiel führt die Firma mit langer Erfahrung.</p>"
                         "<p>Adresse Lindenweg 7</p><p>4334 Erlbach</p><p>079 111 22 33</p>",
                         kind="contact", site=site), site=site)
    assert facts.representatives == ["Jonas Beispiel"]
