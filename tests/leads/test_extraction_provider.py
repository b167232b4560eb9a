"""The provider block and the rules around it, one class of rule per test, on small made-up snippets.

Every name, address and number below is invented; none is copied from a corpus page.
"""

from __future__ import annotations

import pytest

from services.leads.extraction import CompanyFacts, PageContent, extract_company

SITE = "https://www.lindenhof-beispiel.de/"


def _page(body: str, *, kind: str = "impressum", url: str = "", lang: str = "de") -> PageContent:
    html = f'<!doctype html><html lang="{lang}"><head><title>t</title></head><body>{body}</body></html>'
    return PageContent(url=url or f"{SITE}{kind}.html", html=html, kind=kind)


def _facts(*pages: PageContent, site: str = SITE) -> CompanyFacts:
    return extract_company(list(pages), site_url=site)


def _imprint(body: str, *, site: str = SITE, lang: str = "de", kind: str = "impressum") -> CompanyFacts:
    return _facts(_page(body, kind=kind, url=f"{site}{kind}.html", lang=lang), site=site)


# ------------------------------------------------------------------------------------- anchors of the block
@pytest.mark.parametrize(
    "anchor",
    [
        "<h2>Angaben gemäß § 5 DDG</h2>",
        "<p><strong>Angaben gem. § 5 TMG:</strong></p>",
        "<h3>Diensteanbieter</h3>",
        "<p>Anbieter:</p>",
        "<h2>Medieninhaber und Herausgeber</h2>",
        "<h2>Verantwortlicher</h2>",
        "<h3>Informationspflicht laut § 5 ECG</h3>",
        "<h2>Autorin dieser Webseite</h2>",
    ],
)
def test_provider_block_after_its_anchor_beats_headings_and_banners(anchor: str) -> None:
    facts = _imprint(
        "<p>Zum Inhalt springen</p><h1>Rechtliche Informationen</h1><p>18+</p>"
        f"{anchor}<p>Tischlerei Lindenhof<br>Birkenweg 7<br>34567 Waldstadt</p>"
        "<p>Telefon: 05651 98 76 54</p>"
    )
    assert facts.company_name == "Tischlerei Lindenhof"
    assert (facts.street, facts.postal_code, facts.city, facts.country) == ("Birkenweg 7", "34567", "Waldstadt", "DE")
    assert facts.evidence["company_name"].snippet.startswith("Tischlerei Lindenhof")
    assert facts.evidence["street"].url == f"{SITE}impressum.html"


def test_english_provider_heading_is_not_a_hosting_provider() -> None:
    facts = _imprint(
        "<h1>Imprint</h1><h2>Provider</h2><p>Jonas Beispiel<br>Ahornallee 3<br>23456 Nordhafen<br>Germany</p>"
        "<h2>Hosting provider</h2><p>Serverhaus Nord GmbH<br>Kaistraße 1<br>24103 Kiel</p>",
        lang="en",
    )
    assert facts.company_name == "Jonas Beispiel"
    assert facts.representatives == ["Jonas Beispiel"]
    assert (facts.street, facts.city) == ("Ahornallee 3", "Nordhafen")


def test_top_of_the_impressum_without_any_anchor() -> None:
    facts = _imprint(
        '<nav><a href="/">Startseite</a></nav><p><a href="#main">Direkt zum Seiteninhalt</a></p>'
        "<p>Bäckerei Sonnenkorn<br>Mühlgasse 12<br>45678 Kornfeld</p><p>Tel. 02345 6789</p>"
    )
    assert facts.company_name == "Bäckerei Sonnenkorn"
    assert facts.postal_code == "45678"


def test_no_impressum_name_right_above_the_address_on_the_home_page() -> None:
    home = _page(
        "<h1>Handwerk mit Herz</h1><p>Seit Jahren im Tal.</p><h2>Sprechen Sie mit uns</h2>"
        "<h3>Elias Brunner Bauschreinerei</h3><p>Talstrasse 5<br>3860 Brienzwiler<br>Schweiz</p>"
        "<p>Telefon 033 123 45 67</p>",
        kind="home",
        url="https://www.brunner-bau.ch/",
    )
    facts = _facts(home, site="https://www.brunner-bau.ch/")
    assert facts.company_name == "Elias Brunner Bauschreinerei"
    assert facts.representatives == ["Elias Brunner"]
    assert (facts.postal_code, facts.city, facts.country) == ("3860", "Brienzwiler", "CH")


def test_outside_the_legal_notice_an_office_label_is_not_the_name() -> None:
    contact = _page(
        "<h1>Contact</h1><h3>Headquarters</h3><p>1 Harbor Rd Suite 100<br>Boston, MA 02110</p>"
        "<p>Main: 617.555.0199</p><footer><p>© 2024 Harborline Analytics, Inc.</p></footer>",
        kind="contact",
        url="https://www.harborline.com/contact",
        lang="en-US",
    )
    facts = _facts(contact, site="https://www.harborline.com/")
    assert facts.company_name == "Harborline Analytics, Inc."


# ------------------------------------------------------------------------------------- name lines of the block
@pytest.mark.parametrize(
    ("lines", "name", "reps"),
    [
        # a trade name and its owner
        (["Kosmetik Rosenrot", "Inhaberin: Lea Beispiel"], "Kosmetik Rosenrot", ["Lea Beispiel"]),
        (["Kosmetik Rosenrot Inhaberin: Lea Beispiel"], "Kosmetik Rosenrot", ["Lea Beispiel"]),
        (["Kosmetik Rosenrot, Inhaberin Lea Beispiel"], "Kosmetik Rosenrot", ["Lea Beispiel"]),
        (["Eventtechnik Nordlicht", "Tobias Beispiel"], "Eventtechnik Nordlicht", ["Tobias Beispiel"]),
        # the owner first, then the trade name (with the owner's surname, or the site's brand)
        (["Martin van Beek", "Hausverwaltung van Beek"], "Hausverwaltung van Beek", ["Martin van Beek"]),
        (["Sandra Beispiel", "Lindenhof"], "Lindenhof", ["Sandra Beispiel"]),
        # the owner and a description of the business: the description is no part of the name (LABELLING.md v12)
        (["Stefanie Beispiel", "Beratung und Training"], "Stefanie Beispiel", ["Stefanie Beispiel"]),
        (["JANA BEISPIEL", "FOTOGRAFIE & FILM"], "JANA BEISPIEL", ["Jana Beispiel"]),
        # a person with a profession or title is the name and the representative
        (["Rechtsanwältin Dr. Carla Beispiel"], "Rechtsanwältin Dr. Carla Beispiel", ["Dr. Carla Beispiel"]),
        (["Dr. med. dent. Paul Beispiel"], "Dr. med. dent. Paul Beispiel", ["Dr. med. dent. Paul Beispiel"]),
        (["Architekt DI Lukas Beispiel"], "Architekt DI Lukas Beispiel", ["DI Lukas Beispiel"]),
        (["Katrin Beispiel, MSc."], "Katrin Beispiel, MSc.", ["Katrin Beispiel"]),
        (["Holzwerk Eiche - Daniel Beispiel"], "Holzwerk Eiche - Daniel Beispiel", ["Daniel Beispiel"]),
        (["Malerbetrieb Johann Beispiel"], "Malerbetrieb Johann Beispiel", ["Johann Beispiel"]),
        # a legal entity: a bare name under it is not its representative
        (["Kleintierzüchter Lindenhof e.V.", "Gerda Beispiel"], "Kleintierzüchter Lindenhof e.V.", []),
        # a registered sole trader: the owner is in the firm's name
        (["Anton Beispiel \u2013 Grafik und Satz e.U."], "Anton Beispiel \u2013 Grafik und Satz e.U.",
         ["Anton Beispiel"]),
        # a brand of a legal entity
        (["Lindenhof Lounge ist eine Marke der", "Beispiel Gastro gmbh"], "Beispiel Gastro gmbh", []),
        # a label glued to the name
        (["Firma: Lindenhof Werkzeug GmbH"], "Lindenhof Werkzeug GmbH", []),
        (["Media owner and publisher: Lindenhof Media GmbH"], "Lindenhof Media GmbH", []),
    ],
)
def test_name_lines_of_the_provider_block(lines: list[str], name: str, reps: list[str]) -> None:
    facts = _imprint(
        "<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2>"
        f"<p>{'<br>'.join(lines)}<br>Birkenweg 7<br>34567 Waldstadt</p><p>E-Mail: post@lindenhof-beispiel.de</p>"
    )
    assert facts.company_name == name
    assert facts.representatives == reps


def test_colonless_label_glued_to_the_name_on_one_line() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Anbieter Lindenhof Systeme GmbH, Birkenweg 7, 34567 Waldstadt</p>"
                     "<p>Telefon 05651 98 76 54</p>")
    assert facts.company_name == "Lindenhof Systeme GmbH"
    assert (facts.street, facts.postal_code) == ("Birkenweg 7", "34567")


def test_the_german_imprint_wins_over_its_translation() -> None:
    en = _page("<h1>Imprint</h1><h2>Information according to § 5 DDG</h2><p>Attorney Jorg Beispiel<br>"
               "Birkenweg 7<br>34567 Waldstadt</p><p>Email: kanzlei@lindenhof-beispiel.de</p>",
               url=f"{SITE}en/imprint.html", lang="en")
    de = _page("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>Rechtsanwalt Jörg Beispiel<br>"
               "Birkenweg 7<br>34567 Waldstadt</p><p>E-Mail: kanzlei@lindenhof-beispiel.de</p>",
               url=f"{SITE}impressum.html")
    facts = _facts(en, de)
    assert facts.company_name == "Rechtsanwalt Jörg Beispiel"
    assert facts.representatives == ["Jörg Beispiel"]


# ------------------------------------------------------------------------------------- owners and representatives
def test_several_people_in_one_line_with_particles_and_diacritics() -> None:
    facts = _imprint(
        "<h1>Imprint</h1><p>Lindenhof Studio<br>Hafenstraße 9<br>20457 Hamburg</p>"
        "<p>Owners: Zoë Beispiel, Ömer Y\u0131lmaz-Beispiel, Jan de Vries and Léa von der Linde</p>",
        lang="en",
    )
    assert facts.representatives == ["Zoë Beispiel", "Ömer Y\u0131lmaz-Beispiel", "Jan de Vries", "Léa von der Linde"]


def test_responsible_for_content_is_the_owner_only_when_the_trade_name_says_so() -> None:
    owner = _imprint(
        "<h2>Angaben gemäß § 5 DDG</h2><p>Gärtnerei Beispiel<br>Birkenweg 7<br>34567 Waldstadt</p>"
        "<h2>Verantwortlich i. S. d. § 18 Abs. 2 MStV</h2><p>Ruth Beispiel</p>"
    )
    assert owner.representatives == ["Ruth Beispiel"]
    other = _imprint(
        "<h2>Angaben gemäß § 5 DDG</h2><p>Gärtnerei Sonnenblume<br>Birkenweg 7<br>34567 Waldstadt</p>"
        "<h2>Verantwortlich i. S. d. § 18 Abs. 2 MStV</h2><p>Ruth Beispiel</p>"
    )
    assert other.representatives == []
    company = _imprint(
        "<h2>Angaben gemäß § 5 DDG</h2><p>Beispiel Gärten GmbH<br>Birkenweg 7<br>34567 Waldstadt</p>"
        "<h2>Verantwortlich für den Inhalt nach § 18 MStV</h2><p>Ruth Beispiel</p>"
    )
    assert company.representatives == []


def test_owner_spelling_of_the_provider_block_wins() -> None:
    facts = _imprint(
        "<h2>Angaben gemäß ECG</h2><p>Gabor Beispiel \u2013 Fotografie e.U.<br>Ring 5<br>1010 Wien</p>"
        "<h2>Unternehmensdaten</h2><p>Inhaber: Gábor Beispiel</p>",
        site="https://www.beispiel-foto.at/",
    )
    assert facts.representatives == ["Gabor Beispiel"]


# ------------------------------------------------------------------------------------- third-party blocks
@pytest.mark.parametrize(
    "heading",
    ["Konzeption &amp; Design", "Umsetzung", "Hosting", "Bildnachweis", "Zuständige Kammer", "Aufsichtsbehörde",
     "Schlichtungsstelle", "Berufshaftpflichtversicherung", "Competent Bar Association", "Berufsverband"],
)
def test_third_party_blocks_by_heading(heading: str) -> None:
    facts = _imprint(
        "<h2>Angaben gemäß § 5 DDG</h2><p>Anna Beispiel<br>Birkenweg 7<br>34567 Waldstadt</p>"
        "<p>Telefon: 05651 98 76 54</p>"
        f"<h2>{heading}</h2><p>Fremdfirma Nord GmbH<br>Hafenweg 1<br>24103 Kiel<br>Tel. 0431 555 66 77<br>"
        "info@fremdfirma-nord.de</p>"
    )
    assert facts.company_name == "Anna Beispiel"
    assert facts.phones == ["+495651987654"]
    assert facts.emails == []
    assert facts.city == "Waldstadt"


def test_third_party_paragraph_by_its_foreign_website_without_a_heading() -> None:
    facts = _imprint(
        "<h2>Angaben gemäß § 5 DDG</h2><p>Anna Beispiel<br>Birkenweg 7<br>34567 Waldstadt</p>"
        "<p>E-Mail: anna@lindenhof-beispiel.de</p>"
        "<p>Rechtsanwaltskammer Waldstadt<br>Domplatz 3, 34560 Waldstadt<br>Tel. 05651 111 222<br>"
        "www.rak-waldstadt.de</p>"
    )
    assert facts.phones == []
    assert facts.emails == ["anna@lindenhof-beispiel.de"]


def test_vendors_in_privacy_text_and_credits_never_win_the_name() -> None:
    facts = _imprint(
        "<h1>Impressum</h1><p>Wir nutzen Schriften der Google LLC und Icons der Fonticons, Inc.</p>"
        "<h2>Angaben gemäß § 5 DDG</h2><p>Lena Beispiel<br>Birkenweg 7<br>34567 Waldstadt</p>"
        "<p>Bankverbindung: Raiffeisenbank Waldstadt eG, IBAN DE12 3456 7890 1234 5678 90</p>"
        "<footer><p>Apple und iPhone sind Marken der Apple Inc.</p></footer>"
    )
    assert facts.company_name == "Lena Beispiel"


# ------------------------------------------------------------------------------------- addresses
def test_estate_address_without_house_number() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Jakob Beispiel<br>Gut Sonnenhof<br>34567 Waldstadt</p>"
                     "<p>Telefon 05651 98 76 54</p>")
    assert (facts.company_name, facts.street, facts.postal_code) == ("Jakob Beispiel", "Gut Sonnenhof", "34567")


def test_seat_and_branch_the_first_address_of_the_block_is_the_seat() -> None:
    facts = _imprint(
        "<h2>Medieninhaber</h2><p>Architekt DI Lukas Beispiel<br>Hauptbüro: 1070 Wien, Hofgasse 3-5/2/1a<br>"
        "Zweigstelle: 3500 Krems, Kirchweg 6</p>",
        site="https://www.beispiel-architekt.at/",
    )
    assert (facts.street, facts.postal_code, facts.city, facts.country) == ("Hofgasse 3-5/2/1a", "1070", "Wien", "AT")


def test_seat_line_without_postal_code_is_not_filled_from_the_branch() -> None:
    facts = _imprint(
        "<p>Angaben gemäß § 5 TMG:</p><p>Lindenhof Lounge ist eine Marke von<br>Beispiel Gastro GmbH<br>"
        "Osnaweg 7-9<br>Amtsgericht Waldstadt<br>HRB 12345</p>"
        "<p><b>Zweigstelle Lindenhof Lounge:</b></p><p>Marktring 10<br>34567 Waldstadt</p>"
    )
    assert (facts.street, facts.postal_code, facts.city, facts.country) == ("Osnaweg 7-9", None, None, "DE")


def test_postal_code_line_before_the_street_and_country_prefix_with_spaces() -> None:
    facts = _imprint("<h2>Anschrift</h2><p>Mia Beispiel<br>Fotografin<br>34567 Waldstadt<br>Marktplatz 17</p>"
                     "<p>Telefon: 0157 55512345</p>")
    assert (facts.street, facts.postal_code) == ("Marktplatz 17", "34567")
    swiss = _imprint("<p>Angaben gemäß § 5 TMG:</p><p>Beispiel Handel GmbH<br>Seestrasse 18<br>CH - 6003 Luzern / LU"
                     "</p><p>Postadresse:</p><p>Beispiel Handel GmbH<br>Zweigniederlassung<br>Dieselweg 45<br>"
                     "D - 88131 Lindau</p>", site="https://www.beispiel-handel.ch/")
    assert (swiss.street, swiss.postal_code, swiss.city, swiss.country) == ("Seestrasse 18", "6003", "Luzern", "CH")


def test_name_street_and_town_run_together_on_one_line() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2>"
                     "<p>Papierladen Lindenhof Inhaber: Max Beispiel Lindenweg 21 04109 Leipzig Deutschland</p>"
                     "<p>Telefon 03641 123456</p>")
    assert facts.company_name == "Papierladen Lindenhof"
    assert facts.representatives == ["Max Beispiel"]
    assert (facts.street, facts.postal_code, facts.city) == ("Lindenweg 21", "04109", "Leipzig")


def test_no_address_printed_country_from_the_site() -> None:
    facts = _imprint("<h2>Impressum</h2><p>Informationspflicht laut § 5 DDG</p><p>Anna Beispiel</p>"
                     "<p>Tel.: 0152 111 222 33<br>E-Mail: anna.beispiel@gmail.com</p>")
    assert (facts.street, facts.postal_code, facts.city, facts.country) == (None, None, None, "DE")
    assert facts.company_name == "Anna Beispiel"


# ------------------------------------------------------------------------------------- phones
def test_second_number_without_area_code_and_two_numbers_joined_by_ampersand() -> None:
    facts = _imprint("<p>Beispiel GmbH, Birkenweg 7, 34567 Waldstadt</p>"
                     "<p>Telefon: 0871 23001 oder 25311</p><p>Tel. 089 123456 &amp; 0171 2345678</p>")
    assert set(facts.phones) == {"+4987123001", "+4987125311", "+4989123456", "+491712345678"}


def test_visible_number_beats_a_different_tel_link_and_fax_equal_to_phone() -> None:
    facts = _imprint(
        "<h2>Angaben gemäß § 5 DDG</h2><p>Anna Beispiel<br>Birkenweg 7<br>34567 Waldstadt</p>"
        "<p>Telefon: 0231 5550 1234<br>Telefax: 0231 5550 1234</p>"
        '<p><a href="tel:+4915112345678">+49 231 5550 1234</a></p>'
    )
    assert facts.phones == ["+4923155501234"]
    assert facts.fax == "+4923155501234"


def test_seat_fax_is_the_first_fax_of_the_provider_block() -> None:
    facts = _imprint(
        "<p>Angaben gemäß § 5 TMG:</p><p>Beispiel Handel GmbH<br>Seestrasse 18<br>CH-6003 Luzern</p>"
        "<p>CH - Telefon: +41 41 210 10 30<br>CH - Telefax: +41 41 210 10 31<br>"
        "DE - Telefon: +49 8382 123 450<br>DE - Telefax: +49 8382 123 459</p>"
        "<p>Telefax Zweigniederlassung: +49 8382 123 459</p><p>Fax DE: +49 8382 123 459</p>",
        site="https://www.beispiel-handel.ch/",
    )
    assert facts.fax == "+41412101031"


# ------------------------------------------------------------------------------------- identifiers
def test_swiss_uid_with_and_without_mwst() -> None:
    facts = _imprint("<h2>Autorin dieser Webseite</h2><p>Beispiel Geo AG<br>Seestrasse 35<br>CH-8005 Zürich</p>"
                     "<p>Die Firma ist unter der UID CHE-123.456.789 im Handelsregister des Kantons Zürich "
                     "eingetragen; ihre MWST-Nummer ist CHE-123.456.789 MWST.</p>",
                     site="https://www.beispiel-geo.ch/")
    assert (facts.register_number, facts.vat_id) == ("CHE-123.456.789", "CHE-123.456.789 MWST")
    assert facts.register_court == "Handelsregister des Kantons Zürich"


def test_a_german_register_entry_beside_the_swiss_vat_number_and_the_seat_countrys_vat() -> None:
    facts = _imprint(
        "<p>Angaben gemäß § 5 TMG:</p><p>Beispiel Handel GmbH<br>Seestrasse 18<br>CH - 6003 Luzern</p>"
        "<p>Registergericht: Amtsgericht Lindau<br>Registernummer: HRB 12345<br>"
        "Umsatzsteuer-Identifikationsnummer: DE 123 456 789<br>Schweizer MwSt.-Nr.: CHE \u2013 987.654.321 MWST</p>",
        site="https://www.beispiel-handel.ch/",
    )
    assert (facts.register_number, facts.vat_id) == ("HRB 12345", "CHE-987.654.321 MWST")


def test_austrian_fn_and_atu_are_kept_apart_from_german_numbers() -> None:
    facts = _imprint("<h2>Offenlegung</h2><p>Beispiel Bau GmbH<br>Hauptplatz 1<br>8010 Graz</p>"
                     "<p>Firmenbuchnummer: FN 123456-a, Landesgericht für ZRS Graz<br>UID: ATU12345678</p>",
                     site="https://www.beispiel-bau.at/")
    assert (facts.register_number, facts.vat_id, facts.country) == ("FN 123456 a", "ATU12345678", "AT")


def test_register_number_glued_and_in_lower_case() -> None:
    facts = _imprint("<p>Beispiel Gastro GmbH<br>Birkenweg 7<br>34567 Waldstadt<br>Amtsgericht Waldstadt<br>"
                     "Hrbnr98765</p>")
    assert facts.register_number == "HRB 98765"


# ------------------------------------------------------------------------------------- e-mails
def test_prose_with_at_is_no_address_and_a_bracketed_at_in_a_link_is_read() -> None:
    facts = _facts(
        _page('<p>The app was made by Anna Beispiel, who blogs at <a href="https://blog-beispiel.de">'
              "blog-beispiel.de</a> about travelling with a wheelchair.</p>", kind="home", url=SITE, lang="en"),
        _page('<h2>Angaben gemäß § 5 DDG</h2><p>Anna Beispiel<br>Birkenweg 7<br>34567 Waldstadt</p>'
              '<p><a href="mailto:anna.beispiel(@)gmx.de">E-Mail schreiben</a></p>'),
    )
    assert facts.emails == ["anna.beispiel@gmx.de"]


# ------------------------------------------------------------------------------------- evidence
def test_every_fact_keeps_its_evidence() -> None:
    facts = _imprint(
        "<h2>Angaben gemäß § 5 DDG</h2><p>Lindenhof Werkzeug GmbH<br>Birkenweg 7<br>34567 Waldstadt</p>"
        "<p>Telefon: 05651 98 76 54<br>Telefax: 05651 98 76 55<br>E-Mail: info@lindenhof-beispiel.de</p>"
        "<p>Geschäftsführer: Karl Beispiel<br>Amtsgericht Waldstadt, HRB 4711<br>USt-IdNr.: DE123456789</p>"
    )
    for field in ("company_name", "street", "postal_code", "city", "country", "phones", "fax", "emails",
                  "representatives", "register_number", "vat_id"):
        ev = facts.evidence[field]
        assert ev.url == f"{SITE}impressum.html"
        assert 0 < len(ev.snippet) <= 200


def test_site_on_an_unknown_top_level_domain_keeps_its_name() -> None:
    home = _page("<h3>Elias Brunner Bauschreinerei</h3><p>Talstrasse 5<br>3860 Brienzwiler</p>", kind="home",
                 url="http://brunner-bau.test:8080/")
    facts = _facts(home, site="http://brunner-bau.test:8080/")
    assert facts.company_name == "Elias Brunner Bauschreinerei"


# ------------------------------------------------------------------------------------- more name-line shapes
def test_legal_form_on_its_own_line_and_in_capitals() -> None:
    split = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Lindenhof Holz- und Bautechnik<br>GmbH &amp; Co. KG<br>"
                     "Birkenweg 7<br>34567 Waldstadt</p><p>Telefon 05651 98 76 54</p>")
    assert (split.company_name, split.legal_form) == ("Lindenhof Holz- und Bautechnik GmbH & Co. KG", "GmbH & Co. KG")
    caps = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>LINDENHOF WERKZEUG GMBH<br>Birkenweg 7<br>34567 Waldstadt</p>"
                    "<p>Telefon 05651 98 76 54</p>")
    assert (caps.company_name, caps.legal_form) == ("LINDENHOF WERKZEUG GMBH", "GmbH")


def test_practice_of_two_doctors_and_a_family_business() -> None:
    practice = _imprint("<h2>Diensteanbieter</h2><p>Dr. med. Eva Beispiel und Dr. med. Paul Beispiel<br>"
                        "Gemeinschaftspraxis<br>Marktplatz 1<br>34567 Waldstadt</p><p>Telefon 05651 98 76 54</p>")
    assert practice.representatives == ["Dr. med. Eva Beispiel", "Dr. med. Paul Beispiel"]
    family = _imprint("<h1>Impressum</h1><p>Pension Bergblick<br>Familie Beispiel<br>Dorf 12<br>6100 Seefeld<br>"
                      "Österreich</p><p>Tel.: +43 5212 1234</p>", site="https://www.bergblick-beispiel.at/")
    assert (family.company_name, family.representatives, family.country) == ("Pension Bergblick", [], "AT")


def test_partners_named_in_a_partnership_firm() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Anna Beispiel &amp; Ben Muster GbR<br>Kanalstraße 4<br>"
                     "10999 Berlin</p><p>Telefon 030 1234567</p>")
    assert facts.representatives == ["Anna Beispiel", "Ben Muster"]


def test_controller_of_the_privacy_policy_when_nothing_else_names_the_provider() -> None:
    privacy = _page("<h1>Datenschutzerklärung</h1><h2>Verantwortliche Stelle</h2><p>Lindenhof Werkzeug GmbH<br>"
                    "Birkenweg 7<br>34567 Waldstadt<br>datenschutz@lindenhof-beispiel.de</p>"
                    "<h2>Google Analytics</h2><p>Anbieter ist die Google Ireland Limited, Gordon House, Dublin 4.</p>",
                    kind="other", url=f"{SITE}datenschutz.html")
    home = _page("<h1>Werkzeug seit 1950</h1><p>Qualität aus Waldstadt.</p>", kind="home", url=SITE)
    facts = _facts(home, privacy)
    assert facts.company_name == "Lindenhof Werkzeug GmbH"
    assert (facts.street, facts.postal_code) == ("Birkenweg 7", "34567")


@pytest.mark.parametrize(
    "block",
    [
        "<p>Lindenhof Hotel<br>Birkenweg 7<br>34567 Waldstadt</p><p>Betreiberin: Lindenhof Hotelbetriebs GmbH</p>",
        "<p>Lindenhof Hotel ist eine Marke der Lindenhof Hotelbetriebs GmbH<br>Birkenweg 7<br>34567 Waldstadt</p>",
    ],
)
def test_the_legal_entity_behind_a_brand_is_the_provider(block: str) -> None:
    facts = _imprint(f"<h2>Angaben gemäß § 5 TMG</h2>{block}<p>Telefon 05651 98 76 54</p>")
    assert facts.company_name == "Lindenhof Hotelbetriebs GmbH"
    assert facts.postal_code == "34567"


def test_owner_in_parentheses_after_the_trade_name() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 TMG</h2><p>Malerei Lindenhof (Inh. Max Beispiel)<br>Birkenweg 7<br>"
                     "34567 Waldstadt</p>")
    assert (facts.company_name, facts.representatives) == ("Malerei Lindenhof", ["Max Beispiel"])


def test_austrian_firmenwortlaut_and_a_seat_label_with_only_a_town() -> None:
    facts = _imprint(
        "<h1>Impressum</h1><p>Informationspflicht laut § 5 E-Commerce Gesetz und Offenlegungspflicht laut § 25 "
        "Mediengesetz.</p><p>Firmenwortlaut: Lindenhof Tischlerei GmbH<br>Firmensitz: Salzburg<br>Dorfstraße 12<br>"
        "5020 Salzburg</p><p>UID: ATU12345678<br>Firmenbuchnummer: FN 123456 a</p>",
        site="https://www.lindenhof-tischlerei.at/",
    )
    assert (facts.company_name, facts.street, facts.postal_code, facts.country) == (
        "Lindenhof Tischlerei GmbH", "Dorfstraße 12", "5020", "AT")
    assert (facts.register_number, facts.vat_id) == ("FN 123456 a", "ATU12345678")


@pytest.mark.parametrize(
    "body",
    [
        "<h1>Impressum</h1><h2>Inhaber</h2><p>Anna Beispiel<br>Birkenweg 7<br>34567 Waldstadt</p>",
        "<h1>Impressum</h1><p>Inhaberin: Anna Beispiel, Birkenweg 7, 34567 Waldstadt</p>",
    ],
)
def test_an_owner_label_alone_names_the_provider(body: str) -> None:
    facts = _imprint(body)
    assert (facts.company_name, facts.representatives, facts.postal_code) == ("Anna Beispiel", ["Anna Beispiel"],
                                                                              "34567")


def test_operated_by_is_the_provider_not_a_website_credit() -> None:
    facts = _imprint("<h1>Impressum</h1><p><b>Diese Website wird betrieben von:</b></p>"
                     "<p>Lindenhof Reisen GmbH<br>Birkenweg 7<br>34567 Waldstadt</p>")
    assert (facts.company_name, facts.city) == ("Lindenhof Reisen GmbH", "Waldstadt")
