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
