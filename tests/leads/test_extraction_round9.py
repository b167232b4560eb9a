"""Extraction rules of round 9 (issue 12): the company name on sites nobody has seen.

One class of error per test, on small made-up snippets. Every name, address and number below is invented;
none is copied from a corpus page.
"""

from __future__ import annotations

from services.leads.extraction import CompanyFacts, PageContent, extract_company
from services.leads.extraction.legal import find_entities
from services.leads.extraction.notice import name_like

SITE = "https://www.farnwiese-beispiel.de/"


def _page(body: str, *, kind: str = "impressum", site: str = SITE, title: str = "t", name: str = "") -> PageContent:
    html = f'<!doctype html><html lang="de"><head><title>{title}</title></head><body>{body}</body></html>'
    return PageContent(url=f"{site}{name or kind}.html", html=html, kind=kind)


def _facts(*pages: PageContent, site: str = SITE) -> CompanyFacts:
    return extract_company(list(pages), site_url=site)


# ------------------------------------------------------------------------------- the name block
def test_a_slogan_or_object_line_yields_to_the_name_the_site_repeats() -> None:
    site = "https://farnwerk.at/"
    # a slogan under the club's name: the domain, the titles and the mailbox all spell the line above it
    facts = _facts(_page("<h1>Impressum</h1><p>farnwerk 17</p><p>Achtsamkeit.Bewegung.Gemeinschaft</p>"
                         "<p>Lindenallee 12/3/4</p><p>1020 Wien</p><h2>Kontakt</h2>"
                         "<p>E-Mail: office@farnwerk17.at</p>", site=site, title="Farnwerk17 - Impressum"),
                   site=site)
    assert facts.company_name == "farnwerk 17"
    # a firm's object listed between its name and the seat: the firm, repeated by domain, © and mailbox, is the name
    facts = _facts(_page("<h1>Impressum</h1><p>farnwerk GmbH</p><p>Geschäftsführung: Jonas Beispielmann</p>"
                         "<p>Unternehmensgegenstand</p><p>Handel mit Messgeräten</p>"
                         "<p>Ingenieurbüro (Fachbereich Messtechnik)</p><p>Firmensitz</p><p>Lindenallee 12</p>"
                         "<p>2100 Waldstadt</p><p>E-Mail: office@farnwerk.at</p>"
                         "<footer><p>© 2026 farnwerk GmbH</p></footer>", site=site, title="Impressum · farnwerk"),
                   site=site)
    assert facts.company_name == "farnwerk GmbH"
    # a trade name that nothing else repeats stays the name when no other line is repeated by the site
    facts = _facts(_page("<h1>Impressum</h1><p>Ingenieurbüro Farnholz</p><p>Lindenallee 12</p><p>2100 Waldstadt</p>"
                         "<p>E-Mail: buero@beispiel-mail.at</p>", site=site), site=site)
    assert facts.company_name == "Ingenieurbüro Farnholz"


def test_a_heading_that_names_the_block_fields_is_no_name() -> None:
    for heading in ("Kanzleianschrift Deutschland", "Firmenname, Unternehmensbezeichnung, Adresse", "Praxisadresse"):
        assert not name_like(heading)
    facts = _facts(_page("<h1>Impressum</h1><h3>Firmenname, Unternehmensbezeichnung, Adresse</h3>"
                         "<p>Ordination Dr. med. Wiebke Farnholz</p><p>Lindenallee 12</p><p>6330 Waldstadt</p>"
                         "<p>UID: ATU12345678</p>", site="https://farnholz.at/"), site="https://farnholz.at/")
    assert facts.company_name == "Ordination Dr. med. Wiebke Farnholz"
    facts = _facts(_page("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><h3>Kanzleiinhaberin</h3>"
                         "<p>Wiebke Farnholz</p><p>Rechtsanwältin</p><h3>Kanzleianschrift Deutschland</h3>"
                         "<p>Kanzlei Farnholz</p><p>Lindenallee 12</p><p>01234 Waldstadt</p>"))
    assert facts.company_name == "Kanzlei Farnholz"


def test_an_association_in_foundation_keeps_its_suffix() -> None:
    assert [e.name for e in find_entities("Farnwiese Netzwerk e.V. i.G.")] == ["Farnwiese Netzwerk e.V. i.G."]
    assert [e.name for e in find_entities("Farnwiese Systems GmbH i. Gr., Lindenallee 12")] == [
        "Farnwiese Systems GmbH i. Gr."]
    assert [e.name for e in find_entities("Farnwiese Systems GmbH in Gründung")] == [
        "Farnwiese Systems GmbH in Gründung"]


def test_a_practice_kind_line_over_several_owners_takes_the_practice_name_of_the_copyright_line() -> None:
    facts = _facts(_page("<h1>Impressum</h1><h3>Anschrift</h3><h4>Gemeinschaftspraxis für Zahnheilkunde</h4>"
                         "<p>Jonas Farnholz</p><p>Nilofar Ebenholz-Farnholz</p><p>Dr. Gerlinde Farnholz</p>"
                         "<p>Lindenallee 12</p><p>34567 Waldstadt</p><p>Telefon: 05444/2011</p>"
                         "<footer><p>© 2026 Gemeinschaftspraxis Farnholz.</p></footer>"))
    assert facts.company_name == "Gemeinschaftspraxis Farnholz"
    assert facts.representatives == ["Jonas Farnholz", "Nilofar Ebenholz-Farnholz", "Dr. Gerlinde Farnholz"]


def test_a_copyright_line_with_the_agency_credit_still_names_the_holder() -> None:
    site = "https://www.farnwieseverein.ch/"
    facts = _facts(_page("<p>Wochenendschule für Kinder ab sechs Jahren.</p>"
                         "<footer><p>© 2014-2015 Farnwiese Verein Thurgau. Design und Programmierung: webagentur-x</p>"
                         "</footer>", kind="home", site=site), site=site)
    assert facts.company_name == "Farnwiese Verein Thurgau"


# ------------------------------------------------------------------------------- representatives
def test_the_chair_of_an_association_on_its_team_or_contact_page_represents_it() -> None:
    site = "https://farnwerk.at/"
    imprint = ("<h1>Impressum</h1><p>Verein Farnwerk</p><p>Lindenallee 12/3</p><p>1020 Wien</p>"
               "<p>ZVR-Zahl: 1234567890</p>")
    # name, then the role on the next line ("Obfrau"); the treasurer is no representative
    team = _page("<h1>Unser Team</h1><h2>Wiebke Farnholz</h2><p>Obfrau</p><h2>Jonas Beispielmann</h2>"
                 "<p>Kassier</p>", kind="team", site=site)
    facts = _facts(_page(imprint, site=site), team, site=site)
    assert facts.representatives == ["Wiebke Farnholz"]
    # name, a sentence about the person, then the role; the secretary below is no representative
    team = _page("<h1>Der Vorstand</h1><h3>Wiebke Farnholz</h3><h5>Sie führt den Verein</h5>"
                 "<h5>1. Vorsitzende</h5><h3>Jonas Beispielmann</h3>"
                 "<h5>Als Schriftführer führt er Protokoll und sorgt für den Schriftverkehr</h5>"
                 "<h5>Schriftführer</h5>", kind="team", site=site)
    facts = _facts(_page(imprint, site=site), team, site=site)
    assert facts.representatives == ["Wiebke Farnholz"]
    # the role above the name on the contact page; the team page prints her surname first: one person
    contact = _page("<p>Die Präsidentin des Vereins</p><p>Wiebke Farnholz</p><p>Telefon: 01 2345678</p>",
                    kind="contact", site=site)
    team = _page("<h2>Farnholz Wiebke</h2><h4>Präsidentin</h4><h2>Gerlinde Ebenholz</h2><h4>Ko-Präsidentin</h4>",
                 kind="team", site=site)
    facts = _facts(_page(imprint, site=site), contact, team, site=site)
    assert facts.representatives == ["Wiebke Farnholz"]
    # a firm's "Präsident" on a team page is no chair of an association
    facts = _facts(_page("<h1>Impressum</h1><p>Farnwerk Systeme GmbH</p><p>Lindenallee 12</p><p>1020 Wien</p>",
                         site=site),
                   _page("<h2>Wiebke Farnholz</h2><p>Präsidentin des Verwaltungsrates</p>", kind="team", site=site),
                   site=site)
    assert facts.representatives == []


def test_the_board_named_under_an_article_heading_represents_the_association() -> None:
    facts = _facts(_page("<h2>Angaben gemäß § 5 TMG:</h2><p>Die Farnzwerge e.V.</p><p>Vertreten durch den Vorstand</p>"
                         "<p>Lindenallee 12</p><p>34567 Waldstadt</p><h2>Der Vorstand</h2><p>Wiebke Farnholz</p>"
                         "<p>Jonas Beispielmann</p><p>Gerlinde Ebenholz</p><h4>Kontakt:</h4>"
                         "<p>E-Mail: vorstand (at) farnwiese-beispiel (dot) de</p>"))
    assert facts.company_name == "Die Farnzwerge e.V."
    assert facts.representatives == ["Wiebke Farnholz", "Jonas Beispielmann", "Gerlinde Ebenholz"]


def test_a_compound_owner_label_names_the_representative() -> None:
    facts = _facts(_page("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><h3>Kanzleiinhaberin</h3>"
                         "<p><strong>Wiebke Farnholz</strong></p><p>Rechtsanwältin</p><h3>Kanzleianschrift</h3>"
                         "<p>Kanzlei am Lindenplatz</p><p>Lindenallee 12</p><p>01234 Waldstadt</p>"))
    assert facts.company_name == "Kanzlei am Lindenplatz"
    assert facts.representatives == ["Wiebke Farnholz"]


def test_a_team_card_with_degrees_after_the_name_names_the_owner() -> None:
    site = "https://zahnarzt-ebenholz.de/"
    imprint = _page("<h1>Impressum</h1><h2>Angaben gemäß § 5 TMG</h2>"
                    "<p><strong>Zahnarztpraxis Nilofar Ebenholz DDS, M.Sc. (Parodontologie)</strong></p>"
                    "<p>Lindenallee 12</p><p>34567 Waldstadt</p><p>E-Mail: praxis_ebenholz@beispiel-mail.de</p>",
                    site=site)
    team = _page("<h1>Unser Team</h1><h3>Nilofar Ebenholz DDS, M.Sc. (Parodontologie)</h3>"
                 "<p>Zahnärztin &amp; Praxisinhaberin</p><p>Über 30 Jahre Erfahrung in der Zahnmedizin.</p>",
                 kind="team", site=site)
    facts = _facts(imprint, team, site=site)
    assert facts.company_name == "Zahnarztpraxis Nilofar Ebenholz DDS, M.Sc. (Parodontologie)"
    assert facts.representatives == ["Nilofar Ebenholz"]
