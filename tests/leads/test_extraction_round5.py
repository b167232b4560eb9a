"""Extraction rules of round 5 (issue 12): one class of error per test, on small made-up snippets.

Every name, address and number below is invented; none is copied from a corpus page.
"""

from __future__ import annotations

from services.leads.crawler.site import Crawler
from services.leads.extraction import CompanyFacts, PageContent, extract_company
from tests.leads.sites import Reply, SiteServer, crawler_settings, html

SITE = "https://www.erlenbruch-beispiel.de/"


def _page(body: str, *, kind: str = "impressum", site: str = SITE, lang: str = "de", name: str = "") -> PageContent:
    html = f'<!doctype html><html lang="{lang}"><head><title>t</title></head><body>{body}</body></html>'
    return PageContent(url=f"{site}{name or kind}.html", html=html, kind=kind)


def _facts(*pages: PageContent, site: str = SITE) -> CompanyFacts:
    return extract_company(list(pages), site_url=site)


def _imprint(body: str, *, site: str = SITE, lang: str = "de") -> CompanyFacts:
    return _facts(_page(body, site=site, lang=lang), site=site)


# ------------------------------------------------------------------------------- company name
def test_a_brand_line_names_the_firm_behind_it_as_a_marke_or_dienstleistung() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2>"
                     "<p>Unternehmen: Erlenklang Der Hörladen — eine Marke der Falkner Akustik GmbH</p>"
                     "<p>Lindenallee 12, 34567 Waldstadt</p><p>Telefon: 05651 987654</p>")
    assert facts.company_name == "Falkner Akustik GmbH"
    facts = _imprint("<h1>Impressum</h1><p>WärmeKompass</p><p>Eine Dienstleistung der Birkner Haustechnik GmbH</p>"
                     "<p>Birkner Haustechnik GmbH</p><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                     "<p>Telefon: 05651 987654</p>")
    assert facts.company_name == "Birkner Haustechnik GmbH"


# ------------------------------------------------------------------------------- representatives
def test_the_partners_of_a_gbr_named_by_an_inhaber_label_share_the_surname() -> None:
    facts = _facts(_page("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>Fahrschule Erle</p>"
                         "<p>Jonas und Timo Beispielmann GbR</p><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                         "<p>Telefon: 05651 987654</p><footer><p>© 2025 Fahrschule Erle · Inhaber: Jonas und Timo "
                         "Beispielmann GbR</p></footer>"))
    assert facts.company_name == "Jonas und Timo Beispielmann GbR"
    assert sorted(facts.representatives) == ["Jonas Beispielmann", "Timo Beispielmann"]


def test_partners_under_a_trading_note_and_a_surname_that_is_also_a_given_name() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>Karim & Beispielhof GbR</p>"
                     "<p>(handelnd unter dem Namen KB Montage)</p><p>Yusuf Karim & Lena Beispielhof</p>"
                     "<p>Lindenallee 12</p><p>34567 Waldstadt</p><p>E-Mail: info@erlenbruch-beispiel.de</p>")
    assert facts.company_name == "Karim & Beispielhof GbR"
    assert sorted(facts.representatives) == ["Lena Beispielhof", "Yusuf Karim"]


def test_a_responsible_sentence_names_the_person_who_provides_the_site() -> None:
    facts = _facts(_page("<h1>Gasthof Erlengrund</h1><p>Gutbürgerliche Küche seit 1990.</p>"
                         "<footer><h3>Impressum</h3><p>Verantwortlich für den Inhalt der Seite ist Dimitrios "
                         "Beispielos.</p><p>Lindenallee 12</p><p>34567 Waldstadt</p><p>+49 5651 987654</p></footer>",
                         kind="home"))
    assert facts.company_name == "Dimitrios Beispielos"
    assert facts.representatives == ["Dimitrios Beispielos"]
    assert (facts.street, facts.postal_code, facts.city) == ("Lindenallee 12", "34567", "Waldstadt")


def test_a_person_shaped_line_alone_in_the_block_is_the_owner_even_with_a_rare_given_name() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>Zoltar Beispielsky</p>"
                     "<p>Lindenallee 12</p><p>34567 Waldstadt</p><p>E-Mail: info@erlenbruch-beispiel.de</p>")
    assert facts.company_name == "Zoltar Beispielsky"
    assert facts.representatives == ["Zoltar Beispielsky"]
    # a venue word before the name-shaped word is a trade name, and nobody's name
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>Gasthaus Lindenstube</p>"
                     "<p>Lindenallee 12</p><p>34567 Waldstadt</p><p>E-Mail: info@erlenbruch-beispiel.de</p>")
    assert facts.company_name == "Gasthaus Lindenstube"
    assert facts.representatives == []


def test_a_trade_noun_after_a_name_is_no_surname() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Beispiel Kurt Holzunternehmen</p><p>Lindenallee 12</p>"
                     "<p>3456 Waldstadt</p><p>Schweiz</p><p>Telefon: 031 123 45 67</p>",
                     site="https://www.holz-beispiel.ch/")
    assert facts.company_name == "Beispiel Kurt Holzunternehmen"
    assert facts.representatives == []
    facts = _imprint("<h1>Impressum</h1><h2>01 Verantwortliche Stelle</h2><p>ERLENGRUND TREUHAND</p>"
                     "<p>Marta Lovisa Erlengrund</p><p>Lindenallee 12</p><p>3456 Waldstadt</p><p>Schweiz</p>",
                     site="https://www.erlengrund-treuhand.ch/")
    assert facts.company_name == "ERLENGRUND TREUHAND"
    assert facts.representatives == ["Marta Lovisa Erlengrund"]


def test_a_trade_name_ending_in_a_place_abbreviation_is_a_name_line() -> None:
    facts = _facts(_page("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG:</h2><p>Jonas Beispiel</p>"
                         "<p>Altes Pfarrhaus Erlenbach a. W.</p><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                         "<p>E-Mail:</p><p>pfarrhaus@example-mail.de</p>"),
                   _page("<h1>Über uns</h1><p>Greta Muster</p><p>Lindenallee 12</p><p>34567 Waldstadt</p>",
                         kind="about"))
    assert facts.company_name == "Altes Pfarrhaus Erlenbach a. W."
    assert facts.representatives == ["Jonas Beispiel"]


def test_a_coined_brand_word_under_the_owner_is_the_trade_name() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>Jonas Beispiel</p><p>KlangRaum</p>"
                     "<p>Lindenallee 12</p><p>34567 Waldstadt</p><p>E-Mail: info@erlenbruch-beispiel.de</p>")
    assert facts.company_name == "KlangRaum"
    assert facts.representatives == ["Jonas Beispiel"]


def test_a_one_page_sites_impressum_section_wins_over_its_contact_section() -> None:
    facts = _facts(_page("<h1>Ferienhaus am Erlensee</h1><p>Ruhig wohnen am See.</p><h2>Kontakt</h2>"
                         "<p>Ferienhaus Beispiel am Erlensee</p><p>Seeweg 3</p><p>34568 Erlensee</p>"
                         "<p>Telefon: 05651 987654</p><h2>Impressum</h2><p>Ferienhaus am Erlensee</p>"
                         "<p>Greta Beispiel</p><p>Lindenallee 12</p><p>34567 Waldstadt</p>"
                         "<p>Telefon: 05651 987654</p>", kind="home"))
    assert facts.company_name == "Ferienhaus am Erlensee"
    assert (facts.street, facts.postal_code, facts.city) == ("Lindenallee 12", "34567", "Waldstadt")
    assert facts.representatives == ["Greta Beispiel"]


def test_a_misspelt_heading_for_the_content_is_no_name_line() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Verantwortilch für den Seiteninhalt</p><p>Lampenwelt ERLE</p>"
                     "<p>Lindenallee 12</p><p>D-34567 Waldstadt</p><p>Inhaber: Jonas Beispiel</p>"
                     "<p>Telefon: 05651 987654</p>")
    assert facts.company_name == "Lampenwelt ERLE"
    assert facts.representatives == ["Jonas Beispiel"]

def test_an_english_management_board_label_names_the_representatives() -> None:
    facts = _imprint("<h1>Imprint</h1><p>ERLENWERK AG</p><p>Lindenallee 12</p><p>12345 Berlin</p>"
                     "<p>Management board: Jonas Beispiel, Greta Muster</p>"
                     "<p>Chairman of the supervisory board: Tilo Exempel</p>", lang="en")
    assert facts.representatives == ["Jonas Beispiel", "Greta Muster"]

# ------------------------------------------------------------------------------- phones
def test_opening_hours_and_date_ranges_are_no_phone_numbers() -> None:
    facts = _facts(_page("<h2>Kontakt</h2><p>Telefon: (05651) 98 76 54</p><h2>Öffnungszeiten</h2>"
                         "<table><tr><td>Mo, Di</td><td>08.30 - 12.00</td></tr><tr><td>Sa</td><td>09.30 - 11.00</td>"
                         "</tr></table><p>Aktion: 10 % Rabatt \u2013 gültig 04.09.\u201328.09.2026.</p>", kind="home"))
    assert facts.phones == ["+495651987654"]


def test_a_templates_placeholder_number_is_nobodys() -> None:
    facts = _facts(_page("<h2>Kontakt</h2><p>Lindenallee 12, 34567 Waldstadt</p><p>Telefon: 05651 98 76 54</p>"
                         "<p>Mobil: +43 123 456 7890</p><p>Fax 01 23 45 - 67 89 - 0</p><p>Werkstatt: 01234-567321</p>",
                         kind="contact"))
    assert facts.phones == ["+495651987654"]
    assert facts.fax is None


def test_a_bare_person_as_the_whole_notice_is_the_representative() -> None:
    facts = _facts(_page("<h1>Impressum</h1><p>Annika Beispielhuber</p><p>Jetzt anfragen</p>"),
                   _page("<h1>Zauberhafte Feste</h1><p>Zauberei für Kinderfeste in Tirol.</p>", kind="home"),
                   site="https://www.zauberfest-beispiel.at/")
    assert facts.company_name == "Annika Beispielhuber"
    assert facts.representatives == ["Annika Beispielhuber"]


def test_a_care_of_line_with_the_chairs_role_in_parentheses() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Heimatverein Erlengrund</p><p>c/o Jonas Beispiel, (1. Vorsitzender)</p>"
                     "<p>Lindenallee 12</p><p>34567 Waldstadt</p><p>E-Mail: info@erlenbruch-beispiel.de</p>")
    assert facts.company_name == "Heimatverein Erlengrund"
    assert facts.representatives == ["Jonas Beispiel"]


def test_a_number_and_its_switchboard_extension_are_one_number() -> None:
    facts = _facts(_page("<header><p>+43 1 234 98 76</p></header><h1>Impressum</h1><p>Erlen Beratung GmbH</p>"
                         "<p>Lindengasse 12, 1070 Wien</p><p>Telefon: +43 (1) 234 98 76 - 0</p>"),
                   site="https://www.erlen-beispiel.at/")
    assert facts.phones == ["+43123498760"]


def test_without_any_notice_the_brand_atop_the_home_page_that_the_domain_spells() -> None:
    site = "https://www.hundesalon-erlengrund.de/"
    facts = _facts(_page("<nav><a href='/'>Hundesalon Erlengrund</a><ul><li><a href='/preise'>Preise</a></li>"
                         "</ul></nav>"
                         "<h1>Willkommen</h1><p>Kontakt</p><p>Telefon: (05651) 98 76 54</p>"
                         "<p>Adresse: Lindenallee 12, 34567 Waldstadt</p>", kind="home", site=site), site=site)
    assert facts.company_name == "Hundesalon Erlengrund"


# ------------------------------------------------------------------------------- third parties
def test_a_directory_of_hosts_lends_the_provider_none_of_its_contacts() -> None:
    entries = ("<p>Pension Erle, Muster, Anna, Birkenweg 4, Tel. 05651-1111, Fax 05651-2222, 2 DZ</p>"
               "<p>www.pension-erle-beispiel.de</p><p>anna.muster@web.de</p>"
               "<p>Beispiel, Tilo, Am Bach 9, Tel. 05651-3333, FW bis 4 Pers.</p><p>tilo.beispiel@gmx.de</p>"
               "<p>Dr. Ida Exempel, Am Erlenhof, Tel. 05651-4444, 1 FH</p>"
               "<p>Haus Linde, Lindenweg 2, Tel. 05651-5555, 3 DZ</p>")
    facts = _facts(_page("<h1>Impressum</h1><p>Heimatverein Erlengrund</p><p>Lindenallee 12</p>"
                         "<p>34567 Waldstadt</p><p>E-Mail: info@erlenbruch-beispiel.de</p>"),
                   _page(f"<h1>Gastgeberverzeichnis</h1>{entries}", kind="other"))
    assert facts.emails == ["info@erlenbruch-beispiel.de"]
    assert facts.phones == []
    assert facts.fax is None

# ------------------------------------------------------------------------------- crawler
async def test_a_clean_url_link_to_the_impressum_on_a_host_that_serves_only_the_html_file() -> None:
    routes = {
        "/": Reply(body=html('<a href="/Impressum">Impressum</a><a href="/Kontakt">Kontakt</a>')),
        "/Impressum.html": Reply(body=html("<h1>Impressum</h1><p>Erlen Beratung</p>")),
    }
    with SiteServer(routes) as server:
        async with Crawler(crawler_settings(allow_addresses=[server.address], render_mode="never")) as crawler:
            result = await crawler.crawl(server.url("/"))
    assert {p.kind: p.url for p in result.pages}["impressum"] == server.url("/Impressum.html")



async def test_a_notice_loaded_into_a_modal_is_found_at_the_generators_path() -> None:
    routes = {
        "/": Reply(body=html('<button data-toggle="modal">Impressum &amp; Datenschutz</button>')),
        "/impressum-datenschutz.html": Reply(body=html("<h1>Impressum</h1><p>Erlen Beratung</p>")),
    }
    with SiteServer(routes) as server:
        async with Crawler(crawler_settings(allow_addresses=[server.address], render_mode="never")) as crawler:
            result = await crawler.crawl(server.url("/"))
    assert {p.kind: p.url for p in result.pages}["impressum"] == server.url("/impressum-datenschutz.html")
