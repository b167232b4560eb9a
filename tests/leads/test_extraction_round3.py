"""Extraction rules of round 3 (issue 12): one class of error per test, on small made-up snippets.

Every name, address and number below is invented; none is copied from a corpus page.
"""

from __future__ import annotations

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
