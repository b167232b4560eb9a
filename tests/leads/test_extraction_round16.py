"""Extraction rules of round 16 (issue 12): a more robust company-name choice.

One small page per general class of company-name miss on the tuning set: a one-word section heading above the
letterhead, a vendor named in a privacy text, a degree line under the person, a club under a "Verein:" label, a
brand set in lower case under the anchor, a line saying the address is left out, a welcome heading above a club's
letterhead, and a page whose content section is classed relative to the navbar. Every name, address and number
below is invented; none is copied from a corpus page.
"""

from __future__ import annotations

from services.leads.extraction import CompanyFacts, PageContent, extract_company
from services.leads.extraction.extractor import build_site
from services.leads.extraction.legal import name_candidates


def _page(body: str, *, site: str, kind: str, title: str = "t", path: str = "") -> PageContent:
    html = f'<!doctype html><html lang="de"><head><title>{title}</title></head><body>{body}</body></html>'
    return PageContent(url=f"{site}{path or kind + '.html'}", html=html, kind=kind)


def _imprint(body: str, *, site: str = "https://www.quendel-beispiel.de/", home: str = "<h1>Start</h1>",
             title: str = "t") -> CompanyFacts:
    return extract_company([_page(home, site=site, kind="home", title=title, path="index.html"),
                            _page(body, site=site, kind="impressum", title=title)], site_url=site)


# ------------------------------------------------------------------ (1) a one-word section heading is no name
def test_one_word_section_heading_above_the_name_is_not_the_name() -> None:
    body = ("<h1>Impressum</h1><h2>Information</h2><p>Verein Quendelhilfe<br>Lea Quendelmayr<br>Ahornweg 7<br>"
            "9998 Quendelstadt</p><p>Tel.: +43 660 1234567</p>")
    assert _imprint(body, site="https://www.quendelhilfe.at/").company_name == "Verein Quendelhilfe"


def test_location_heading_above_a_letterhead_is_not_the_name() -> None:
    # no Impressum: the home page's "Lage" / "Location" headings sit right above the house's letterhead
    site = "https://www.quendelhaus.at/"
    home = ("<h1>Ferienhaus</h1><p>Ruhige Zimmer.</p><p>Lage</p><p>Location</p><p><b>Quendelhaus Ahornblick</b></p>"
            "<p>Ahornweg 7</p><p>9998 Quendelstadt, Austria</p><p>Tel.: +43 660 1234567</p>")
    facts = extract_company([_page(home, site=site, kind="home", path="index.html")], site_url=site)
    assert facts.company_name == "Quendelhaus Ahornblick"


# ------------------------------------------------------------------ (2) a vendor named in a privacy text
def test_vendor_named_in_the_privacy_policy_is_no_name_candidate() -> None:
    site = "https://www.quendel-sanitaer.de/"
    privacy = ("<h1>Datenschutz</h1><h2>Verantwortliche Stelle</h2>"
               "<p>Lea Quendelmayr, Ahornweg 7, 12345 Quendelstadt</p><p>Symbole: Darstellung von Symbolen; "
               "Dienstanbieter: Quendelfonts, Inc., 1 Maple Road, Springfield, MA 01234, USA</p>")
    parsed = build_site([_page(privacy, site=site, kind="privacy")], site)
    assert [c.value for c in name_candidates(parsed)] == []


def test_vendor_a_sentence_says_the_site_uses_is_never_the_name() -> None:
    site = "https://www.quendelapp.at/"
    legal = ("<h1>Rechtliches</h1><p>Für das Teilen nutzen wir Quendel Cloud (Quendel Hosting Limited, 1 Harbour "
             "Street, Dublin 4, Irland).</p>")
    facts = extract_company([_page("<h1>App</h1>", site=site, kind="home", path="index.html"),
                             _page(legal, site=site, kind="impressum")], site_url=site)
    assert "Limited" not in (facts.company_name or "")


# ------------------------------------------------------------------ (3) a degree line under the person
def test_degree_with_its_subject_under_the_person_is_no_name() -> None:
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>Lea Quendelmayr<br>M.Sc. Mathematik<br>Ahornweg 7<br>"
            "12345 Quendelstadt</p><p>Telefon: 0151 2345678</p>")
    facts = _imprint(body)
    assert facts.company_name == "Lea Quendelmayr"
    assert facts.representatives == ["Lea Quendelmayr"]


# ------------------------------------------------------------------ (4) "Verein:" labels the club
def test_verein_label_names_the_club_not_the_trainer_line() -> None:
    body = ("<h2>Angaben zur Homepage</h2><p>Verein: SV Quendelstadt e.V. - Abteilung Bogenschießen<br>"
            "Trainer: Ben Beispiel<br>2. Dan, Trainer C Breitensport<br>Adresse: Ahornweg 7<br>12345 Quendelstadt<br>"
            "Telefon: 01234 567890</p>")
    assert _imprint(body).company_name == "SV Quendelstadt e.V."


# ------------------------------------------------------------------ (5) a lower-case brand under the anchor
def test_lower_case_brand_under_the_anchor_that_the_copyright_spells() -> None:
    body = ("<h2>Impressum</h2><p>Angaben gemäß § 5 ECG.</p><h4>Medieninhaber und Herausgeber:</h4><p>quendel.werk</p>"
            "<h4>Anschrift:</h4><p>1230 Wien</p><p>Österreich</p><h4>Kontakt:</h4><p>E-Mail: quendelwerk@gmail.com</p>"
            "<footer><p>© 2026 quendel.werk</p></footer>")
    assert _imprint(body, site="https://www.ahornspiel.at/").company_name == "quendel.werk"


def test_lower_case_prose_under_the_anchor_is_no_name() -> None:
    body = ("<h2>Impressum</h2><h4>Medieninhaber:</h4><p>siehe unten</p><p>Quendel Spiele GmbH<br>Ahornweg 7<br>"
            "1230 Wien</p>")
    assert _imprint(body, site="https://www.ahornspiel.at/").company_name == "Quendel Spiele GmbH"


# ------------------------------------------------------------------ (6) a field left out does not end the block
def test_address_left_out_does_not_end_the_provider_block() -> None:
    body = ("<h1>Impressum</h1><h2>Diensteanbieter</h2><p>Lea Quendelmayr.</p><p>Adresse nicht angegeben.</p>"
            "<p>12345 Quendelstadt.</p><p>Deutschland.</p><h2>Kontaktmöglichkeiten</h2>"
            "<p>E-Mail-Adresse: info@quendel-beispiel.de.</p>")
    facts = _imprint(body)
    assert (facts.company_name or "").rstrip(".") == "Lea Quendelmayr"
    assert facts.postal_code == "12345" and facts.city == "Quendelstadt"


# ------------------------------------------------------------------ (7) a welcome heading above a club's letterhead
def test_welcome_heading_above_the_letterhead_is_no_part_of_the_name() -> None:
    site = "https://www.sv-quendelstadt.de/"
    home = ("<header><h1>Schützenverein Quendelstadt e.V.</h1></header>"
            "<main><h1>Willkommen beim Schützenverein Quendelstadt</h1><p>Ahornweg 7, 12345 Quendelstadt</p>"
            "<p>Mehr erfahren</p><h2>Über unseren Verein</h2><p>Seit 1906.</p></main>"
            "<footer><p>© 2026 Schützenverein Quendelstadt e.V.</p></footer>")
    facts = extract_company([_page(home, site=site, kind="home", path="index.html")], site_url=site)
    assert facts.company_name == "Schützenverein Quendelstadt e.V."


# ------------------------------------------------------------------ (8) a section placed relative to the navbar
def test_content_section_classed_relative_to_the_navbar_is_content() -> None:
    site = "https://www.tierarzt-quendel.de/"
    home = ('<nav class="navbar is-fixed-top"><a href="#1">Leistungen</a><a href="#9">Impressum</a></nav>'
            '<section class="hero is-fullheight-with-navbar"><h1>Mobile Tierärzte</h1><p>Wir kommen zu Ihnen.</p>'
            "<h2>Impressum</h2><p>Quendel Mobile Tierärzte, Ahornweg 7, 12345 Quendelstadt</p>"
            "<p>Telefon: 0151 2345678</p><p>Inhaltlich verantwortlich: Inhaberin Lea Quendelmayr</p></section>")
    facts = extract_company([_page(home, site=site, kind="home", path="index.html")], site_url=site)
    assert facts.company_name == "Quendel Mobile Tierärzte"
    assert facts.street == "Ahornweg 7"


# ------------------------------------------------------------------ (9) a club's ordinal and founding year
def test_club_name_with_ordinal_and_founding_year_heads_the_imprint() -> None:
    # the club and its seat at the top of the Impressum; a "Kontakt" block further down names only a person
    body = ("<h1>Impressum</h1><p>1. Quendelstädter Tanzsportverein 1987 e.V.<br>Ahornweg 7<br>12345 Quendelstadt</p>"
            "<h2>Kontakt</h2><p>Lea Quendelmayr<br>Telefon: 01234 567890<br>E-Mail: info@quendel-beispiel.de</p>"
            "<p>Vertretungsberechtigter Vorstand: Lea Quendelmayr, Ben Beispiel</p>")
    facts = _imprint(body)
    assert facts.company_name == "1. Quendelstädter Tanzsportverein 1987 e.V."
    assert facts.street == "Ahornweg 7"


# ------------------------------------------------------------------ (10) "i.Gr." spelled out in a parenthesis
def test_parenthesis_spelling_out_i_gr_is_no_part_of_the_name() -> None:
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 ECG</p><p>Unternehmen: Quendelwerk GmbH i.Gr. (in Gründung)</p>"
            "<p>Geschäftsführung: Lea Quendelmayr</p><p>Anschrift: Ahornweg 7, 1080 Wien</p>"
            "<p>E-Mail: office@quendelwerk.at</p>")
    assert _imprint(body, site="https://www.quendelwerk.at/").company_name == "Quendelwerk GmbH i.Gr."


# ------------------------------------------------------------------ (11) a letterhead set in one heading style
def test_letterhead_in_one_heading_style_starts_at_the_person() -> None:
    body = ("<h2>Impressum</h2><p>Verantwortlich für den Inhalt dieser Seiten unter der Domain</p>"
            "<h6>www.quendel-beispiel.de ist:</h6><h3>Dipl.-Ing. Ben Beispiel</h3><h3>Ingenieur für den Holzbau</h3>"
            "<h3>Ahornweg 7</h3><h3>12345 Quendelstadt</h3><h3>Tel.: 01234 567890</h3>")
    assert _imprint(body).company_name == "Dipl.-Ing. Ben Beispiel"


# ------------------------------------------------------------------ (12) a club's board listed above its name
def test_board_listed_one_officer_a_line_is_not_the_clubs_name() -> None:
    body = ("<h2>Impressum</h2><p>Obmann</p><p>Ben Beispiel</p><p>Obmann Stv.</p><p>Lea Quendelmayr</p><p>Kassier</p>"
            "<p>Kai Muster</p><h2>Adresse</h2><h6>\"Erste Quendelstädter Bogenschützen\"</h6>"
            "<p>9998 Quendelstadt, Ahornweg 7</p><h6>info@quendel-beispiel.at</h6>")
    facts = _imprint(body, site="https://www.quendel-beispiel.at/")
    assert facts.company_name == "Erste Quendelstädter Bogenschützen"
    assert "Ben Beispiel" in facts.representatives


# ------------------------------------------------------------------ (13) a registered club named only in its statutes
def test_club_named_only_in_its_statutes() -> None:
    site = "https://www.quendel-schuetzen.de/"
    imprint = ("<h1>Impressum</h1><h6>Vertretungsberechtigter Vorsitzender:</h6><p>Beispiel Ben</p>"
               "<p>1. Schützenmeister</p><p>Ahornweg 7</p><p>12345 Quendelstadt</p>"
               "<h6>Verantwortlich für den Inhalt der Seite:</h6>"
               "<p>Beispiel Ben in Verbindung mit der Vorstandschaft</p>"
               "<h6>E-mail:</h6><p>info@quendel-schuetzen.de</p>"
               "<h6>Amtsgericht Quendelstadt:</h6><p>Vereinsregister Nr. VR 123</p>")
    statutes = ("<h1>Satzung</h1><p>§ 1 Name und Sitz</p><p>Der Verein führt den Namen „Schützengilde Quendelstadt "
                "e.V.“ und hat seinen Sitz in Quendelstadt.</p>")
    facts = extract_company([_page("<h1>Willkommen</h1>", site=site, kind="home", path="index.html"),
                             _page(imprint, site=site, kind="impressum"),
                             _page(statutes, site=site, kind="other", path="satzung.html")], site_url=site)
    assert facts.company_name == "Schützengilde Quendelstadt e.V."


# ------------------------------------------------------------------ a separator line inside the block
def test_a_line_of_separators_inside_the_block_is_skipped() -> None:
    # a dash, bullet or middle dot alone on a line between the name and the street once crashed the block reader
    # (IndexError): it holds nothing to read and does not end the block
    for separator in ("\u2013", "\u2014", "•", "·", "- -", ", ;"):
        body = (f"<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>Quendel Malerei<br>{separator}<br>Ahornweg 7<br>"
                "99998 Quendelstadt</p>")
        facts = _imprint(body)
        assert facts.company_name == "Quendel Malerei", separator
        assert facts.street == "Ahornweg 7" and facts.city == "Quendelstadt", separator
