"""Extraction rules of round 13 (issue 12), part B: company name and representatives.

Classes from the misses of the open origins (the folded holdout12 first): a business label not read as one
("Firmenbezeichnung"), a line above the person that only describes her or her practice taken for a trade name, a
club's department kept in its name, the law's words for a club's representatives ("Vorsitz:", "Organschaftliche
Vertreter:"), and degrees printed beside a representative dropped. Every name, address and number below is
invented; none is copied from a corpus page.
"""

from __future__ import annotations

from services.leads.extraction import CompanyFacts, PageContent, extract_company
from services.leads.extraction.people import _of_another_firm, names_in, person_key


def _page(body: str, *, site: str, kind: str, title: str = "t") -> PageContent:
    html = f'<!doctype html><html lang="de"><head><title>{title}</title></head><body>{body}</body></html>'
    return PageContent(url=f"{site}{kind}.html", html=html, kind=kind)


def _imprint(body: str, *, site: str = "https://www.farn-beispiel.de/") -> CompanyFacts:
    return extract_company([_page("<h1>Willkommen</h1>", site=site, kind="home"),
                            _page(body, site=site, kind="impressum")], site_url=site)


# ------------------------------------------------------------------ the business label
def test_firmenbezeichnung_heading_labels_the_firm() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><h3>Firmenbezeichnung</h3>"
                     "<p>Farnwerk Technik GmbH</p><h3>Anschrift</h3><p>Lindenweg 4<br>99999 Farnstadt</p>"
                     "<h3>Vertreten durch die Geschäftsführerin</h3><p>Anna Farnbichler</p>"
                     "<footer><h4>Leistungen</h4><p>Technik</p><p>Lindenweg 4</p><p>99999 Farnstadt</p></footer>")
    assert facts.company_name == "Farnwerk Technik GmbH"
    assert facts.representatives == ["Anna Farnbichler"]


# ------------------------------------------------------------------ a describing line above the person
def test_a_designation_or_practice_line_above_the_person_is_no_trade_name() -> None:
    for head in ("Illustratorin", "Praxis für Logopädie und Stimmtherapie"):
        facts = _imprint(f"<h1>Impressum</h1><h2>{head}</h2><p>Anna Farnbichler<br>Lindenweg 4<br>99999 Farnstadt"
                         "</p><p>E-Mail: post@farn-beispiel.de</p>")
        assert facts.company_name == "Anna Farnbichler", head
        assert facts.representatives == ["Anna Farnbichler"]


def test_a_trade_name_above_the_person_stays_the_name() -> None:
    # a proper noun (the owner's surname, the site's domain word) makes a trade name (v12 test 1 step 4)
    for head, site in (("Malerei Farnbichler", "https://www.farn-beispiel.de/"),
                       ("Lumenfarn", "https://www.lumenfarn.de/")):
        facts = _imprint(f"<h1>Impressum</h1><h2>{head}</h2><p>Anna Farnbichler<br>Lindenweg 4<br>99999 Farnstadt"
                         "</p>", site=site)
        assert facts.company_name == head
        assert facts.representatives == ["Anna Farnbichler"]


def test_a_club_under_a_heading_is_no_person() -> None:
    # "Postweg" describes nothing, but the club's line under it is no person line to prefer as the name
    site = "https://www.farnclub.ch/"
    home = _page("<main><p>Herzlich willkommen auf der Website des</p><h1>Tennis Club Farnstadt</h1>"
                 "<p>Der TCF freut sich auf dich.</p></main>", site=site, kind="home")
    contact = _page("<main><h1>Kontakt</h1><p><b>Du kannst uns so erreichen:</b></p><h2>Postweg</h2>"
                    "<p>Tennis Club Farnstadt</p><p>9999 Farnstadt</p><h2>Email</h2><p>info@farnclub.ch</p></main>",
                    site=site, kind="contact")
    facts = extract_company([home, contact], site_url=site)
    assert facts.company_name == "Tennis Club Farnstadt"
    assert facts.representatives == []


# ------------------------------------------------------------------ a club's department and its representatives
def test_department_after_the_clubs_legal_form_is_no_part_of_the_name() -> None:
    for line in ("SV Farnstadt e.V. Abteilung Tischtennis", "SV Farnstadt e.V. - Abteilung Tischtennis",
                 "SV Farnstadt e.V., Sparte Tennis"):
        facts = _imprint(f"<h1>Impressum</h1><h3>Herausgeber</h3><p>{line}</p><p>Vorsitz: Anna Farnbichler</p>"
                         "<p>Lindenweg 4<br>99999 Farnstadt</p>")
        assert facts.company_name == "SV Farnstadt e.V.", line
        assert facts.representatives == ["Anna Farnbichler"]


def test_organschaftliche_vertreter_are_representatives() -> None:
    facts = _imprint("<h1>Impressum</h1><h3>Offenlegung gemäß § 5 ECG</h3>"
                     "<p><b>Verein Farnfreunde</b><br>Lindenweg 4<br>9999 Farnstadt<br>Österreich</p>"
                     "<p><b>Organschaftliche Vertreter:</b><br>Anna Farnbichler<br>Ben Beispiel</p>"
                     "<p>ZVR-Zahl: 123456789</p>", site="https://www.farnfreunde.at/")
    assert sorted(facts.representatives) == ["Anna Farnbichler", "Ben Beispiel"]


# ------------------------------------------------------------------ degrees printed beside a representative
def test_degrees_beside_the_name_are_kept_as_printed() -> None:
    assert names_in("Dr. Anna Farnbichler (M. Sc.)") == ["Dr. Anna Farnbichler (M. Sc.)"]
    assert names_in("(B.Eng) Ben Beispiel") == ["(B.Eng) Ben Beispiel"]
    assert names_in("Anna Farnbichler, BSc") == ["Anna Farnbichler, BSc"]
    assert names_in("Dr. Anna Farnbichler, LL.M. (Oxford)") == ["Dr. Anna Farnbichler, LL.M. (Oxford)"]
    # a role in parentheses or a second person after the comma is no degree
    assert names_in("Anna Farnbichler (Vorsitzende)") == ["Anna Farnbichler"]
    assert names_in("Anna Farnbichler, Ben Beispiel") == ["Anna Farnbichler", "Ben Beispiel"]
    assert person_key("Anna Farnbichler, BSc") == person_key("Anna Farnbichler")


def test_representative_with_a_bracketed_degree_in_the_block() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Farnwerk GmbH<br>Lindenweg 4<br>99999 Farnstadt</p>"
                     "<p>Vertretungsberechtigt: Dr. Anna Farnbichler (M. Sc.)</p>")
    assert facts.representatives == ["Dr. Anna Farnbichler (M. Sc.)"]


# ------------------------------------------------------------------ the top block and a later media-law block
def test_trade_name_with_its_owner_at_the_top_beats_a_later_block_naming_the_owner() -> None:
    facts = _imprint('<h1>Impressum</h1><p><b>Hundezucht "Vom Farnhof"</b></p><p>Inhaber: Anna Farnbichler</p>'
                     "<p>Lindenweg 4</p><p>9999 Farnstadt</p><p>Österreich</p><p>E-Mail: post@farnhof.at</p>"
                     "<h3>Medieninhaber und für den Inhalt verantwortlich:</h3><p>Anna Farnbichler</p>"
                     "<p>Lindenweg 4, 9999 Farnstadt, Österreich</p>", site="https://www.farnhof.at/")
    assert facts.company_name == 'Hundezucht "Vom Farnhof"'
    assert facts.representatives == ["Anna Farnbichler"]


# ------------------------------------------------------------------ a label names the representative
def test_no_person_read_from_the_trade_names_shape_beside_a_labelled_representative() -> None:
    # "Santa Anna Floristik": a given name inside the trade name is no owner when the block's label names who it is
    facts = _imprint("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><h3>Kontakt</h3><p><b>Santa Anna Floristik</b></p>"
                     "<p>Lindenweg 4</p><p>99999 Farnstadt</p><p>Telefon: 0170 1234567</p>"
                     "<h3>Vertretungsberechtigte Geschäftsführer</h3><p>Berta Farnbichler</p>")
    assert facts.company_name == "Santa Anna Floristik"
    assert facts.representatives == ["Berta Farnbichler"]


# ------------------------------------------------------------------ a menu of links outside <nav>
def test_menu_links_above_a_letterhead_are_no_name_lines() -> None:
    site = "https://www.farnstimme.ch/"
    menu = "".join(f'<li><a href="../{w.lower()}/index.html">{w}</a></li>' for w in ("Praxis", "Person", "Kurse"))
    contact = _page(f'<div><ul>{menu}</ul><p><a href="mailto:anna@farnstimme.ch">Anna Farnbichler</a><br>'
                    "Lindenweg 4<br>9999 Farnstadt<br>Tel. 041 999 99 99</p></div>", site=site, kind="contact")
    facts = extract_company([_page("<div><h2>Willkommen!</h2><p>Stimmtraining</p></div>", site=site, kind="home"),
                             contact], site_url=site)
    assert facts.company_name == "Anna Farnbichler"
    assert facts.representatives == ["Anna Farnbichler"]


def test_a_letterhead_printed_as_one_link_is_no_menu() -> None:
    # one link (to a map) broken over the letterhead's lines leads to one place: no menu
    site = "https://www.farnnails.ch/"
    link = ('<a href="https://maps.example/farn">Anna Farnbichler<br>Lindenweg 4<br>9999 Farnstadt<br>'
            "+41 79 999 99 99</a>")
    contact = _page(f"<div><h2>Kontakt</h2><p>post@farnnails.ch</p></div><footer><h4>über mich</h4><p>{link}</p>"
                    "<h4>Infos</h4></footer>", site=site, kind="contact")
    facts = extract_company([_page("<div><h1>Willkommen</h1></div>", site=site, kind="home"), contact], site_url=site)
    assert facts.company_name == "Anna Farnbichler"


# ------------------------------------------------------------------ the person line and the fuller line below it
def test_person_line_then_a_trade_name_with_her_name_is_the_trade_name() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Anna Farnbichler</p><p>Systemische Beratung Anna Farnbichler</p>"
                     "<p>Lindenweg 4</p><p>99999 Farnstadt</p><h2>Kontakt</h2><p>Telefon: 0170 1234567</p>")
    assert facts.company_name == "Systemische Beratung Anna Farnbichler"
    assert facts.representatives == ["Anna Farnbichler"]


# ------------------------------------------------------------------ a brand set in lower case
def test_lower_case_brand_that_the_domain_spells_is_the_trade_name() -> None:
    facts = _imprint("<h1>Adresse</h1><p>farnblatt kosmetik</p><p>Anna Farnbichler</p><p>Lindenweg 4</p>"
                     "<p>9999 Farnstadt</p><p>post@farnblatt-kosmetik.ch</p>",
                     site="https://farnblatt-kosmetik.ch/")
    assert facts.company_name == "farnblatt kosmetik"
    assert facts.representatives == ["Anna Farnbichler"]


# ------------------------------------------------------------------ a role in another firm
def test_a_quoted_customers_role_in_another_firm_makes_no_representative() -> None:
    site = "https://www.farnwolke.ch/"
    imp = _page("<h1>Impressum</h1><p>Firmenname:</p><p>Farnwolke GmbH</p><p>Adresse:</p><p>Lindenweg 4</p>"
                "<p>9999 Farnstadt</p>", site=site, kind="impressum")
    home = _page('<main><h1>Farnwolke</h1><blockquote>"Die Farnwolke GmbH hat uns gut beraten."'
                 "</blockquote><h3>Berta Beispiel, Inhaberin Beispiel &amp; Partner GmbH</h3></main>",
                 site=site, kind="home")
    facts = extract_company([home, imp], site_url=site)
    assert facts.company_name == "Farnwolke GmbH"
    assert facts.representatives == []


def test_role_naming_another_firm() -> None:
    assert _of_another_firm("Inhaberin Beispiel & Partner GmbH", "Farnwolke GmbH")
    assert not _of_another_firm("Geschäftsführerin der Farnwolke GmbH", "Farnwolke GmbH")
    assert not _of_another_firm("Geschäftsführerin", "Farnwolke GmbH")
    assert not _of_another_firm("Inhaberin Beispiel GmbH", None)  # nothing to compare with: no judgement


# ------------------------------------------------------------------ the status line with an offering
def test_status_and_offering_on_one_line_under_the_person_are_dropped() -> None:
    # LABELLING.md v12 test 1 step 2: "Einzelunternehmer · Selbstständige Beratung" says how the business is run
    facts = _imprint("<h1>Impressum</h1><p><b>Betreiber:</b></p><p>Dr. Anna Farnbichler</p>"
                     "<p>Einzelunternehmerin · Selbstständige Beratung</p><p><b>Anschrift:</b></p><p>Lindenweg 4</p>"
                     "<p>99999 Farnstadt</p>")
    assert facts.company_name == "Dr. Anna Farnbichler"
    assert facts.representatives == ["Dr. Anna Farnbichler"]
