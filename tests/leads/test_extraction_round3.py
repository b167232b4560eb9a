"""Extraction rules of round 3 (issue 12): one class of error per test, on small made-up snippets.

Every name, address and number below is invented; none is copied from a corpus page.
"""

from __future__ import annotations

import pytest

from services.leads.extraction import CompanyFacts, PageContent, extract_company

SITE = "https://www.birkenhain-beispiel.de/"


def _page(body: str, *, kind: str = "impressum", site: str = SITE, lang: str = "de", name: str = "") -> PageContent:
    html = f'<!doctype html><html lang="{lang}"><head><title>t</title></head><body>{body}</body></html>'
    return PageContent(url=f"{site}{name or kind}.html", html=html, kind=kind)


def _facts(*pages: PageContent, site: str = SITE) -> CompanyFacts:
    return extract_company(list(pages), site_url=site)


def _imprint(body: str, *, site: str = SITE, lang: str = "de") -> CompanyFacts:
    return _facts(_page(body, site=site, lang=lang), site=site)


# ------------------------------------------------------------------------------- page structure
def test_the_main_landmark_is_content_even_inside_a_nav_named_wrapper() -> None:
    facts = _imprint('<nav class="side-nav"><a href="/">Beratung Beispiel</a></nav>'
                     '<section class="doc-nav-content-wrap"><div class="doc-nav-content"><div role="main">'
                     "<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><div>Dr. Jonas Beispiel</div>"
                     "<div>Lindenallee 12</div><div>34567 Waldstadt</div></div></div></section>")
    assert facts.company_name == "Dr. Jonas Beispiel"
    assert facts.representatives == ["Dr. Jonas Beispiel"]


def test_landmark_and_section_headings_are_not_the_name() -> None:
    facts = _imprint("<h1>Impressum</h1><h1>Main content</h1><p>Greta Beispiel</p><p>Lindenallee 12</p>"
                     "<p>34567 Waldstadt</p><p>Telefon 05651 98 76 54</p>")
    assert facts.company_name == "Greta Beispiel"
    facts = _imprint("<h1>Impressum</h1><h3>Firmeninformationen</h3><p>Birkenhain Beratung<br>Lindenallee 12<br>"
                     "34567 Waldstadt</p><p>Inhaber: Jonas Beispiel</p>")
    assert facts.company_name == "Birkenhain Beratung"
    assert facts.representatives == ["Jonas Beispiel"]


# ------------------------------------------------------------------------------- the provider block
def test_label_value_rows_without_colons() -> None:
    facts = _imprint("<h1>Angaben gemäß § 5 DDG</h1><div>Unternehmen</div><div><p>van Beek Holzbau</p>"
                     "<p>Zimmerei und Innenausbau</p></div><div>Anschrift</div><div>Lindenallee 12<br>"
                     "34567 Waldstadt</div><div>Vertreten durch</div><div>Jonas van Beek</div>"
                     "<div>Lager</div><div>Am Bahnhof 3<br>34567 Waldstadt</div>")
    assert facts.company_name == "van Beek Holzbau"
    assert (facts.street, facts.postal_code) == ("Lindenallee 12", "34567")
    assert facts.representatives == ["Jonas van Beek"]


def test_a_compound_operator_label_and_an_inline_seat_label() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Angaben laut Offenlegungspflicht nach Mediengesetz, E-Commerce-Gesetz und "
                     "Gewerbeordnung für diese Website und die zugehörigen Kanäle</p>"
                     "<p>Webseitenbetreiber: Greta Beispiel<br>Name: Greta Beispiel Standort: Lindenallee 12, "
                     "9020 Klagenfurt, Österreich<br>Tel.: +43 660 123 98 71</p>")
    assert facts.company_name == "Greta Beispiel"
    assert (facts.street, facts.postal_code, facts.city) == ("Lindenallee 12", "9020", "Klagenfurt")
    assert facts.representatives == ["Greta Beispiel"]


def test_brands_with_a_lower_case_initial() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG:</h2><p>hBlank \u2013 Fensterreinigung<br>Inhaber: Jonas Beispiel<br>"
                     "Lindenallee 12<br>34567 Waldstadt</p>")
    assert facts.company_name == "hBlank \u2013 Fensterreinigung"
    assert facts.representatives == ["Jonas Beispiel"]


def test_the_predecessor_of_a_firm_is_not_its_name() -> None:
    facts = _imprint("<h2>Impressum</h2><p>Geschäftsführung: Greta Beispiel</p>"
                     "<p>birkwerk GmbH, in Rechtsnachfolge der Alte Birke Software GmbH<br>Lindenallee 12<br>"
                     "34567 Waldstadt</p><p>Telefon: 05651 98 76 54</p>")
    assert facts.company_name == "birkwerk GmbH"


def test_the_privacy_policy_on_the_impressum_page_does_not_replace_the_block() -> None:
    facts = _imprint("<p>Impressum</p><p>Lichtblick Praxis Greta Beispiel<br>Dr. Greta Beispiel<br>Lindenallee 12<br>"
                     "34567 Waldstadt<br>Tel: 05651 98 76 54</p><h1>Datenschutzerklärung</h1>"
                     "<h3>Hinweis zur verantwortlichen Stelle</h3><p>Die verantwortliche Stelle ist:</p>"
                     "<p>Greta Beispiel<br>Lindenallee 12<br>34567 Waldstadt</p>")
    assert facts.company_name == "Lichtblick Praxis Greta Beispiel"
    assert [r.removeprefix("Dr. ") for r in facts.representatives] == ["Greta Beispiel"]


def test_a_common_given_name_inside_a_run_in_block() -> None:
    site = "https://www.kantenwerk-druck.de/"
    facts = _imprint("<h2>Impressum</h2><p>Kantenwerk Druck André Beispiel Lindenallee 12 34567 Waldstadt "
                     "E-Mail: info@kantenwerk-druck.de</p>", site=site)
    assert facts.company_name == "Kantenwerk Druck"
    assert facts.representatives == ["André Beispiel"]


def test_the_firm_designation_after_a_separator_stays_with_the_name() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Rund ums Dach · Fa. Beispiel<br>Inhaber: Jonas Beispiel<br>"
                     "Lindenallee 12<br>34567 Waldstadt</p>")
    assert facts.company_name == "Rund ums Dach · Fa. Beispiel"
    assert facts.representatives == ["Jonas Beispiel"]


def test_the_owner_printed_after_a_trade_name_that_carries_his_surname() -> None:
    site = "https://www.beispiel-gebaeudedienste.ch/"
    facts = _imprint("<h4>Impressum</h4><address><span>BEISPIEL Gebäudedienste</span> "
                     "<span>Jonas Beispiel, <i>Geschäftsführer</i></span> <span>Lindenallee 12</span> "
                     "<span>5432 Waldstadt</span></address>", site=site)
    assert facts.company_name == "BEISPIEL Gebäudedienste"
    assert facts.representatives == ["Jonas Beispiel"]
    assert facts.street == "Lindenallee 12"


def test_the_owner_named_only_by_label_and_the_trade_name_at_the_same_seat() -> None:
    facts = _imprint("<h1>Impressum</h1><p><b>Inhaber</b></p><p>Nuanpan Sirikawee</p><p><b>Anschrift</b></p>"
                     "<p>Lindenallee 12<br>34567 Waldstadt</p><h1>Adresse</h1><p><b>Lotus Garten</b></p>"
                     "<p>Lindenallee 12</p><p>34567 Waldstadt</p>")
    assert facts.company_name == "Lotus Garten"
    assert facts.representatives == ["Nuanpan Sirikawee"]
    # after an owner label the name's shape is enough, and the trade name above it is no person
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Emil Handgemachte Taschen<br>Inhaber: Nuanpan Sirikawee<br>"
                     "Lindenallee 12, 34567 Waldstadt</p>")
    assert facts.company_name == "Emil Handgemachte Taschen"
    assert facts.representatives == ["Nuanpan Sirikawee"]


# ------------------------------------------------------------------------------- representatives
def test_a_role_line_under_a_bare_name() -> None:
    facts = _imprint("<h1>Impressum</h1><p><b>BIRKENHAIN AG</b><br>Lindenallee 12<br>CH-5453 Waldstadt</p>"
                     "<h2>Verantwortlich für den Inhalt</h2><p>Jonas Beispiel<br>Geschäftsführer, BIRKENHAIN AG</p>")
    assert facts.representatives == ["Jonas Beispiel"]


def test_an_initial_and_a_surname_after_a_representative_label() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Birkenhain Projekt GmbH<br>Lindenallee 12<br>34567 Waldstadt</p>"
                     "<p>Geschäftsführer: J. Beispiel</p>")
    assert facts.representatives == ["J. Beispiel"]


def test_the_partners_printed_under_a_partnership() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Beispiel und Muster Dachdecker GbR<br>"
                     "Jonas Beispiel - Greta Muster<br>Lindenallee 12<br>34567 Waldstadt</p>")
    assert facts.representatives == ["Jonas Beispiel", "Greta Muster"]
    # a bare name under a GmbH is not its representative (LABELLING.md)
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Beispiel Dachdecker GmbH<br>Jonas Beispiel<br>Lindenallee 12<br>"
                     "34567 Waldstadt</p>")
    assert facts.representatives == []


def test_role_words_and_legal_forms_are_no_person() -> None:
    facts = _imprint("<h1>Imprint</h1><h2>Company Information</h2><p><b>Birkenhain Associates GmbH</b><br>"
                     "Lindenallee 12<br>4051 Basel</p><h2>Authorized Representative</h2>"
                     "<p>Managing Director of Birkenhain Associates GmbH</p>", lang="en")
    assert facts.representatives == []


# ------------------------------------------------------------------------------- third parties
def test_a_section_of_partner_firms_is_third_party() -> None:
    facts = _facts(_page("<h2>Impressum</h2><p>Birkenhain Haustechnik GmbH<br>Lindenallee 12<br>6020 Innsbruck<br>"
                         "E-Mail: office@birkenhain-beispiel.de</p>"),
                   _page("<h2>Starke Partner</h2><p>Unsere verlässlichen Partner sind:</p><p>Tischlerei Muster<br>"
                         "6170 Zirl<br>E-Mail: tischlerei@muster-holz.at<br>Tel.: +43 (0)5238 / 98765</p>",
                         kind="home", name="index"))
    assert facts.emails == ["office@birkenhain-beispiel.de"]
    assert facts.phones == []


# ------------------------------------------------------------------------------- reaching the Impressum (crawler)
async def _crawl_paths(routes: dict[str, str]) -> list[str]:
    from services.leads.crawler.site import Crawler
    from tests.leads.sites import Reply, SiteServer, crawler_settings, html

    with SiteServer({path: Reply(body=body if body.startswith("<!") else html(body))
                     for path, body in routes.items()}) as server:
        settings = crawler_settings(allow_addresses=[server.address])
        async with Crawler(settings) as crawler:
            result = await crawler.crawl(server.url("/"))
    return [p.url.split(str(server.port), 1)[1] for p in result.pages]


async def test_the_content_frame_named_like_a_home_page_is_fetched() -> None:
    frameset = ('<!doctype html><html><frameset cols="150,*"><frame src="navi.htm"><frame src="start.htm">'
                "</frameset></html>")
    paths = await _crawl_paths({"/": frameset, "/navi.htm": '<a href="leistungen.htm">Leistungen</a>',
                                "/start.htm": '<p>Willkommen</p><a href="impressum.htm">Impressum</a>',
                                "/impressum.htm": "<p>Angaben gemäß § 5 DDG</p>"})
    assert "/start.htm" in paths and "/impressum.htm" in paths


async def test_a_splash_page_leads_into_the_site_by_its_one_link() -> None:
    paths = await _crawl_paths({"/": '<header><a href="./greta/">Greta Beispiel</a></header>',
                                "/greta/": '<p>Willkommen</p><a href="../rechtliches/impressum/">Impressum</a>',
                                "/rechtliches/impressum/": "<p>Angaben gemäß § 5 DDG</p>"})
    assert paths == ["/", "/greta/", "/rechtliches/impressum/"]


async def test_the_contact_page_linked_from_a_sub_page_when_there_is_no_impressum_link() -> None:
    frameset = ('<!doctype html><html><frameset cols="150,*"><frame src="menu.htm"><frame src="home.htm">'
                "</frameset></html>")
    paths = await _crawl_paths({"/": frameset, "/menu.htm": '<a href="kontakt.htm">Kontakt</a> / Impressum',
                                "/home.htm": "<p>Willkommen</p>",
                                "/kontakt.htm": "<p>Medieninhaber: Greta Beispiel</p>"})
    assert "/kontakt.htm" in paths


async def test_the_impressum_is_guessed_next_to_the_contact_page() -> None:
    paths = await _crawl_paths({"/": '<nav><a href="seiten/kontakt.html">Kontakt</a></nav>',
                                "/seiten/kontakt.html": "<p>Schreiben Sie uns</p>",
                                "/seiten/impressum.html": "<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p>"})
    assert "/seiten/impressum.html" in paths


# ------------------------------------------------------------------------------- more representatives and contacts
def test_an_english_professional_title_before_the_person() -> None:
    facts = _imprint("<h1>Imprint</h1><p><b>BIRKENHAIN LEGAL</b><br>Attorney-at-law Jonas Beispiel<br>"
                     "Lindenallee 14<br>60313 Frankfurt am Main</p>", lang="en")
    assert facts.company_name == "BIRKENHAIN LEGAL"
    assert facts.representatives == ["Jonas Beispiel"]


def test_the_representation_label_without_its_ending() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Operator of the hotel and this website</h2><p>Hotel Birkenhain<br>"
                     "Seestrasse 2<br>3800 Interlaken</p><h2>Gesellschaft</h2><p>Birkenhain Hotel AG<br>"
                     "Lindenallee 1, 6404 Greppen<br>Vertretungsberechtigt: Jonas Beispiel (Verwaltungsrat)</p>")
    assert facts.representatives == ["Jonas Beispiel"]
    assert facts.phones == [] and facts.street is not None


def test_a_mailto_behind_another_visible_address_is_not_read() -> None:
    facts = _imprint('<h1>Impressum</h1><p>Greta Beispiel<br>Lindenallee 12<br>34567 Waldstadt</p>'
                     '<p><a href="mailto:greta@birkenhain-beispiel.de">greta.beispiel@birkenhain-beispiel.de</a></p>')
    assert facts.emails == ["greta.beispiel@birkenhain-beispiel.de"]


def test_a_theme_language_does_not_make_a_german_site_american() -> None:
    site = "https://www.birkenhain-gutachten.info/"
    page = PageContent(url=site, kind="home", html='<!doctype html><html lang="en-US"><body><h3>Kontaktdetails</h3>'
                       "<div>Dipl.-Ing. Jonas Beispiel - Sachverständiger<br>Lindenstr. 11<br>80801 München<br>"
                       "TEL: 089-70012345<br>FAX: 089-70012346</div></body></html>")
    facts = _facts(page, site=site)
    assert facts.country == "DE"
    assert facts.phones == ["+498970012345"] and facts.fax == "+498970012346"


def test_a_key_value_grid_read_as_one_line() -> None:
    facts = _imprint('<h2>Angaben gemäß § 5 DDG</h2><div class="grid"><span class="key">Unternehmen</span> '
                     '<span class="val">Birkenhain Textil GmbH</span> <span class="key">Adresse</span> '
                     '<span class="val">Lindenallee 12<br>28217 Bremen<br>Deutschland</span> '
                     '<span class="key">Geschäftsführer</span> <span class="val">Jonas Beispiel</span></div>')
    assert facts.company_name == "Birkenhain Textil GmbH"
    assert (facts.street, facts.postal_code, facts.city) == ("Lindenallee 12", "28217", "Bremen")
    assert facts.representatives == ["Jonas Beispiel"]


async def test_a_script_redirect_to_an_error_page_keeps_the_page_as_served() -> None:
    from services.leads.crawler.site import Crawler
    from tests.leads.sites import Reply, SiteServer, crawler_settings

    if crawler_settings().resolved_chromium_path() is None:
        pytest.skip("no Chromium installed")
    body = ('<!doctype html><html><head><script>if (location.pathname === "/") location.replace("/fr");</script>'
            "</head><body><p>Birkenhain Lager GmbH</p><p>Lindenallee 1, 8618 Waldstadt</p>"
            "<p>Wir liefern Lagersoftware für kleine und mittlere Betriebe in der ganzen Schweiz.</p></body></html>")
    with SiteServer({"/": Reply(body=body)}) as server:
        settings = crawler_settings(allow_addresses=[server.address], render_mode="always")
        async with Crawler(settings) as crawler:
            result = await crawler.crawl(server.url("/"))
    assert [p.rendered for p in result.pages] == [False]
    assert "Birkenhain Lager GmbH" in result.pages[0].html


def test_a_seat_printed_without_a_postal_code() -> None:
    facts = _imprint("<h2>Angaben gemäß § 5 DDG</h2><p>Birkenhain Projekt GmbH<br>Hauptstr. 28<br>Waldstadt</p>"
                     "<h2>Kontakt</h2><p>E-Mail: info@birkenhain-beispiel.de</p>")
    assert (facts.street, facts.postal_code, facts.city) == ("Hauptstr. 28", None, "Waldstadt")
    facts = _imprint("<h1>Imprint</h1><h2>Company Information</h2><p><b>Birkenhain Associates GmbH</b><br>"
                     "Basel, Switzerland</p><h2>Contact</h2><p>Email: info@birkenhain-beispiel.de</p>", lang="en")
    assert (facts.street, facts.postal_code, facts.city, facts.country) == (None, None, "Basel", "CH")


def test_a_care_of_line_belongs_to_the_address() -> None:
    facts = _imprint("<h2>Impressum</h2><h4>Haftungsausschluss</h4><p>Keine Gewähr.</p><h4>Kontakt</h4>"
                     "<p><b>Greta Beispiel</b><br>Heilpraktikerin für Psychotherapie<br>c/o Praxisraum Lindenhof<br>"
                     "Lindenallee 12<br>73525 Waldstadt</p>")
    assert facts.company_name == "Greta Beispiel"
    assert (facts.street, facts.postal_code) == ("Lindenallee 12", "73525")
    assert facts.representatives == ["Greta Beispiel"]  # the block is found: its person owns the practice


def test_the_own_contact_card_under_the_copyright_heading() -> None:
    facts = _imprint("<h2>Impressum</h2><p>Greta Beispiel<br>Lindenallee 12<br>73525 Waldstadt</p>"
                     "<h4>Urheberrecht</h4><p>Die Inhalte dieser Website sind urheberrechtlich geschützt.</p>"
                     "<p>greta.beispiel@t-online.de<br>+49 157 1234 9876<br>www.birkenhain-beispiel.de</p>"
                     "<h4>Haftung für Links</h4><p>Agentur Pixelhaus<br>hallo@pixelhaus-web.de<br>"
                     "www.pixelhaus-web.de</p>")
    assert facts.emails == ["greta.beispiel@t-online.de"]
    assert facts.phones == ["+4915712349876"]


def test_a_request_to_the_visitor_is_no_credit_label() -> None:
    facts = _facts(_page("<h1>Impressum</h1><p>Greta Beispiel<br>Lindenallee 12<br>73525 Waldstadt</p>"),
                   _page("<h1>Kontakt</h1><p><b>Bitte sende Skizzen, Fotos oder Pläne direkt an:</b><br>"
                         "greta.beispiel@gmx.de</p>", kind="contact"))
    assert facts.emails == ["greta.beispiel@gmx.de"]


def test_a_generic_description_under_the_person_is_no_part_of_the_name() -> None:
    # LABELLING.md v12, test 1 step 5 (formerly joined to the person as one unit)
    facts = _imprint("<h1>Impressum</h1><p>Greta Beispiel<br>Psychologische Beratung<br>Lindenallee 12<br>"
                     "73525 Waldstadt</p>")
    assert facts.company_name == "Greta Beispiel"
    assert facts.representatives == ["Greta Beispiel"]
    # a line with a word of its own is the trade name, the person its owner
    facts = _imprint("<h1>Impressum</h1><p>Greta Beispiel<br>Atelier Sonnenhang<br>Lindenallee 12<br>"
                     "73525 Waldstadt</p>")
    assert facts.company_name == "Atelier Sonnenhang"
    assert facts.representatives == ["Greta Beispiel"]


def test_a_statutory_designation_with_an_adjective_is_not_the_name() -> None:
    facts = _imprint("<h1>Impressum</h1><p><strong>Dipl.-Psych. Greta Beispiel</strong><br>Psychologische "
                     "Psychotherapeutin<br>Lindenallee 12<br>73525 Waldstadt</p>")
    assert facts.company_name == "Dipl.-Psych. Greta Beispiel"


def test_the_copyright_holder_when_no_page_names_the_provider() -> None:
    facts = _facts(_page("<p>Yoga am See</p><footer><p>© 2025 Greta Beispiel | <a href='/datenschutz'>Datenschutz</a>"
                         "</p></footer>", kind="home", name="index"))
    assert facts.company_name == "Greta Beispiel"
    facts = _facts(_page("<p>Yoga am See</p><footer><p>© 2025 WordPress Theme | Alle Rechte vorbehalten</p></footer>",
                         kind="home", name="index"))
    assert facts.company_name is None


def test_a_public_bodys_mail_address_is_not_the_providers() -> None:
    facts = _facts(_page("<h1>Impressum</h1><p>Förderverein der Lindenschule e.V.<br>Lindenallee 12<br>55122 Waldstadt"
                         "<br>E-Mail: foerderverein.linden@gmx.de</p>"),
                   _page('<p>Unsere Schule: <a href="mailto:lindenschule@stadt.waldstadt.de">'
                         "lindenschule@stadt.waldstadt.de</a></p><p>Datenschutz: poststelle@ldi.nrw.de</p>",
                         kind="home", name="index"))
    assert facts.emails == ["foerderverein.linden@gmx.de"]


def test_another_bodys_hotline_named_in_running_text() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Greta Beispiel<br>Hauptplatz 3<br>8130 Waldstadt<br>"
                     "Tel.: +43 664 1234 987</p><p>In dringenden Notfällen, vor allem am Wochenende, erreichen Sie das "
                     "Krisentelefon der Landesklinik unter der Telefonnumer 0800 44 55 66 rund um die Uhr.</p>",
                     site="https://www.beispiel-praxis.at/")
    assert facts.phones == ["+436641234987"]
    # the provider's own free number, labelled, stays
    facts = _imprint("<h1>Impressum</h1><p>Greta Beispiel<br>Hauptplatz 3<br>8130 Waldstadt<br>"
                     "Hotline: 0800 44 55 66</p>", site="https://www.beispiel-praxis.at/")
    assert facts.phones == ["+43800445566"]


def test_of_two_person_shaped_lines_the_trade_repeating_the_surname_is_the_name() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>Özlem Çelikkaya<br>"
                     "Übersetzungsbüro Çelikkaya<br>Lindenallee 12<br>73525 Waldstadt</p>")
    assert facts.company_name == "Übersetzungsbüro Çelikkaya"
    assert facts.representatives == ["Özlem Çelikkaya"]


def test_the_owner_label_after_a_separator_and_a_name_and_address_heading() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Malerbetrieb Beispiel - Inh. Jonas Beispiel<br>Lindenallee 12<br>"
                     "73525 Waldstadt</p>")
    assert facts.company_name == "Malerbetrieb Beispiel"
    assert facts.representatives == ["Jonas Beispiel"]
    facts = _imprint("<h1>Impressum</h1><h3>Name und Anschrift</h3><p>Jonas Beispiel<br>Malermeister<br>"
                     "Lindenallee 12<br>73525 Waldstadt</p>")
    assert facts.company_name == "Jonas Beispiel"


def test_names_after_the_second_label_of_a_line_and_no_court_as_a_person() -> None:
    facts = _imprint("<h1>Imprint</h1><p>Birkenhain Robotics GmbH<br>Lindenallee 12<br>80331 Munich</p>"
                     "<p>Represented by the managing directors: Greta Beispiel, Jonas Muster</p>"
                     "<p>Register court: Local Court Munich<br>Register number: HRB 123456</p>", lang="en")
    assert facts.representatives == ["Greta Beispiel", "Jonas Muster"]
    facts = _imprint("<h1>Impressum</h1><p>Birkenhain GmbH<br>Lindenallee 12<br>16767 Waldstadt</p>"
                     "<h2>Vertretungsberechtigte Geschäftsführung</h2><p>Greta Beispiel</p>")
    assert facts.representatives == ["Greta Beispiel"]


def test_one_number_under_a_phone_and_fax_label_is_both() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Greta Beispiel<br>Lindenallee 12<br>50667 Köln<br>Tel./Fax: 0221 123987</p>")
    assert facts.phones == ["+49221123987"] and facts.fax == "+49221123987"


def test_an_austrian_vat_id_printed_in_groups() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Birkenhain GmbH<br>Hauptplatz 5<br>8010 Graz</p><p>UID: ATU 1234 5678</p>",
                     site="https://www.birkenhain-beispiel.at/")
    assert facts.vat_id == "ATU12345678"
