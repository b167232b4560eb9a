"""Extraction rules of round 12 (issue 12): a block reader for label/value Impressum layouts and for sites without
an Impressum.

Round 11 classified the company-name misses of unseen sites: the rest are structural. (1) Label/value Impressum
layouts (a table row "Firmenwortlaut | X GmbH", `<dl><dt>Name</dt><dd>…</dd>`, two spans in a row, "Praxisname:")
were read across the labels, as if the label cells were name lines. (2) Sites without an Impressum print the provider
only in the contact page's letterhead or the footer. Every name, address and number below is invented; none is copied
from a corpus page.
"""

from __future__ import annotations

from services.leads.extraction import CompanyFacts, PageContent, extract_company
from services.leads.extraction.dom import parse_page


def _page(body: str, *, site: str, kind: str, title: str = "t") -> PageContent:
    html = f'<!doctype html><html lang="de"><head><title>{title}</title></head><body>{body}</body></html>'
    return PageContent(url=f"{site}{kind}.html", html=html, kind=kind)


def _facts(*pages: PageContent, site: str) -> CompanyFacts:
    return extract_company(list(pages), site_url=site)


def _texts(body: str) -> list[str]:
    return [ln.text for ln in parse_page(f"<html><body>{body}</body></html>", "https://x.example/", "impressum").lines]


# ------------------------------------------------------------------ the DOM reader: key cells print as labels
def test_dl_terms_print_as_labels() -> None:
    texts = _texts("<dl><dt>Name</dt><dd>Anna Farnbichler</dd><dt>Betrieb</dt><dd>Farnhund Training</dd></dl>")
    assert texts == ["Name:", "Anna Farnbichler", "Betrieb:", "Farnhund Training"]


def test_rows_of_two_spans_print_as_label_and_value() -> None:
    texts = _texts('<div><div class="row"><span>Firmenwortlaut</span><span>Farnlicht GmbH</span></div>'
                   '<div class="row"><span>Sitz</span><span>4999 Farnstadt</span></div></div>')
    assert texts == ["Firmenwortlaut: Farnlicht GmbH", "Sitz: 4999 Farnstadt"]


def test_table_rows_print_as_label_and_value() -> None:
    texts = _texts("<table><tr><td>Inhaberin</td><td>Anna Farnbichler</td></tr>"
                   "<tr><td>Telefon</td><td>0664 000 11 22</td></tr></table>")
    assert texts == ["Inhaberin: Anna Farnbichler", "Telefon: 0664 000 11 22"]


def test_a_single_two_cell_row_is_no_grid() -> None:
    # one row alone may be anything (an icon and its text, a logo and a slogan): only a grid of rows is read
    assert _texts("<div><p><span>Farnlicht</span><span>Licht für alle</span></p></div>") == [
        "Farnlicht Licht für alle"]


def test_team_cards_keep_the_person_as_a_name() -> None:
    texts = _texts("<ul><li><p><strong>Anna Farnbichler</strong><span>Inhaberin</span></p></li></ul>"
                   "<div><p><strong>Jonas Beispiel</strong><span>Meister</span></p>"
                   "<p><strong>Lena Muster</strong><span>Gesellin</span></p></div>")
    assert "Jonas Beispiel: Meister" not in texts and "Lena Muster: Gesellin" not in texts


def test_card_head_over_labelled_lines_is_no_label() -> None:
    # "Farnlicht GmbH" heads a card whose value cell has labels of its own: the firm, not a label
    texts = _texts('<div><div class="r"><div>Farnlicht GmbH</div><div><p>Geschäftsführung: Anna Farnbichler</p></div>'
                   '</div><div class="r"><div>Sitz</div><div><p>Lindenweg 4</p><p>4999 Farnstadt</p></div></div>'
                   '<div class="r"><div>Telefon</div><div>0664 000 11 22</div></div></div>')
    assert "Farnlicht GmbH" in texts and "Sitz:" in texts


# ------------------------------------------------------------------ the labels say which line is the business
def test_dl_impressum_name_and_business() -> None:
    site = "https://www.farnhund.de/"
    imp = _page("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><dl><div><dt>Name</dt><dd>Anna Farnbichler</dd>"
                "</div><div><dt>Betrieb</dt><dd>Farnhund Training</dd></div><div><dt>Adresse</dt>"
                "<dd>Lindenweg 4<br>99999 Farnstadt</dd></div></dl>", site=site, kind="impressum")
    facts = _facts(_page("<h1>Hundetraining</h1>", site=site, kind="home"), imp, site=site)
    assert facts.company_name == "Farnhund Training"
    assert facts.representatives == ["Anna Farnbichler"]
    assert facts.street == "Lindenweg 4" and facts.postal_code == "99999"
    assert facts.evidence["company_name"].url.endswith("impressum.html")


def test_practice_name_label_beats_the_person_line() -> None:
    site = "https://www.physio-farnbichler.at/"
    imp = _page("<h1>Impressum</h1><p>Angaben gemäß § 5 ECG</p><p>Diensteanbieterin: Anna Farnbichler, BSc</p>"
                "<p>Praxisname: Physiotherapie Anna Farnbichler</p><p>Anschrift: Lindenweg 4, 4999 Farnstadt</p>"
                "<p>Telefon: 0664 000 11 22</p>", site=site, kind="impressum")
    facts = _facts(_page("<h1>Physiotherapie</h1>", site=site, kind="home"), imp, site=site)
    assert facts.company_name == "Physiotherapie Anna Farnbichler"


def test_austrian_grid_reads_past_register_rows_to_the_seat() -> None:
    site = "https://www.farnlicht.at/"
    rows = "".join(f'<div class="row"><span>{k}</span><span>{v}</span></div>' for k, v in (
        ("Firmawortlaut", "Farnlicht Elektrotechnik GmbH"), ("Unternehmensgegenstand", "Elektrotechnik"),
        ("Firmenbuchnummer", "FN 999999 x"), ("Adresse", "Lindenweg 4<br>4999 Farnstadt"),
        ("Geschäftsführer", "Jonas Beispiel"), ("Telefon", "+43 664 000 11 22")))
    imp = _page(f"<h1>Impressum</h1><div>{rows}</div>", site=site, kind="impressum")
    facts = _facts(_page("<h1>Strom</h1>", site=site, kind="home"), imp, site=site)
    assert facts.company_name == "Farnlicht Elektrotechnik GmbH"
    assert facts.street == "Lindenweg 4" and facts.city == "Farnstadt"
    assert facts.register_number == "FN 999999 x"


def test_one_label_over_brand_and_firm_is_read_by_shape() -> None:
    # "Firmenname:" above a brand and the firm behind it: the firm with its legal form is the name
    site = "https://www.farntaxi.ch/"
    imp = _page("<h1>Impressum</h1><p><b>Firmenname:</b><br>Farntaxi Zentrale<br>Farntaxi GmbH</p>"
                "<p><b>Adresse:</b><br>Lindenweg 4<br>9999 Farnstadt</p>", site=site, kind="impressum")
    facts = _facts(_page("<h1>Taxi</h1>", site=site, kind="home"), imp, site=site)
    assert facts.company_name == "Farntaxi GmbH"


# ------------------------------------------------------------------ no Impressum: the letterhead chosen by structure
def test_footer_letterhead_after_a_caption_that_is_not_credible() -> None:
    # the contact page lists the channels, then a profile's caption above the address (not credible); the footer,
    # printed on every page, holds the complete letterhead: a person (rare given name), street, town, phone
    site = "https://studio-beispiel.pages.dev/"
    footer = ("<footer><h4>über mich</h4><p>Zoranka Farnbichler</p><p>Lindenweg 4</p><p>9999 Farnstadt</p>"
              "<p>+41 79 000 11 22</p></footer>")
    contact = _page("<main><h3>Kontakt</h3><p>079 000 11 22<br>zoranka@example.com<br>Farn Nails Studio<br>"
                    f"Lindenweg 4, 9999 Farnstadt</p></main>{footer}", site=site, kind="contact")
    home = _page(f"<main><h1>Nägel</h1></main>{footer}", site=site, kind="home")
    facts = _facts(home, contact, site=site)
    assert facts.company_name == "Zoranka Farnbichler"
    assert facts.representatives == ["Zoranka Farnbichler"]
    assert facts.street == "Lindenweg 4" and facts.postal_code == "9999"


def test_person_above_an_address_without_phone_or_mail_is_no_letterhead() -> None:
    # a person above an address with no channel after it (a team member's card, a reference) is not trusted
    site = "https://www.farnstudio.ch/"
    contact = _page("<main><h3>Referenz</h3><p>Zoranka Farnbichler</p><p>Lindenweg 4</p><p>9999 Farnstadt</p>"
                    "<p>Sehr zufrieden!</p></main>", site=site, kind="contact")
    facts = _facts(_page("<main><h1>Studio</h1></main>", site=site, kind="home"), contact, site=site)
    assert facts.company_name != "Zoranka Farnbichler"


# ------------------------------------------------------------------ part 2: the owner of a sole business, unlabelled
def test_titled_person_under_lines_that_describe_the_practice() -> None:
    # "Praxis für …," continued on the next line, then the doctor: the doctor is the name and the owner
    site = "https://www.farnpraxis.de/"
    imp = _page("<h1>Impressum</h1><p>Praxis für Kinder- und Jugendmedizin,<br>Homöopathie, Akupunktur<br>"
                "Dr. Christa Farnbichler-Fischer<br>Lindenweg 4<br>99999 Farnstadt<br>Telefon: 09999 12345</p>",
                site=site, kind="impressum")
    facts = _facts(_page("<h1>Praxis</h1>", site=site, kind="home"), imp, site=site)
    assert facts.company_name == "Dr. Christa Farnbichler-Fischer"
    assert facts.representatives == ["Dr. Christa Farnbichler-Fischer"]




def test_surname_glued_to_titles_in_the_trade_name_finds_the_owner_on_the_team_page() -> None:
    # "Hausarztpraxis Dr.med.A.Farnbichler" and the team page's "Dr. med. Anna Farnbichler"
    site = "https://www.farnpraxis.de/"
    imp = _page("<h1>Impressum</h1><p>Hausarztpraxis Dr.med.A.Farnbichler<br>Lindenweg 4<br>99999 Farnstadt<br>"
                "Tel: 09999 12345</p>", site=site, kind="impressum")
    team = _page("<main><h3>Dr. med. Anna Farnbichler</h3><p>Fachärztin für Allgemeinmedizin</p>"
                 "<h3>Lena Beispiel</h3><p>Medizinische Fachangestellte</p></main>", site=site, kind="about")
    facts = _facts(_page("<h1>Praxis</h1>", site=site, kind="home"), imp, team, site=site)
    assert facts.company_name == "Hausarztpraxis Dr.med.A.Farnbichler"
    assert facts.representatives == ["Dr. med. Anna Farnbichler"]


def test_partners_printed_above_the_partnership() -> None:
    site = "https://www.farnbau.de/"
    imp = _page("<h1>Impressum</h1><p>Verantwortlich nach §5 TMG.</p><p>Anna Farnbichler &amp; Jonas Beispiel.</p>"
                "<p>Farn Bau GbR</p><p>Lindenweg 4</p><p>99999 Farnstadt</p><p>Tel.: 09999 12345</p>",
                site=site, kind="impressum")
    facts = _facts(_page("<h1>Bau</h1>", site=site, kind="home"), imp, site=site)
    assert facts.company_name == "Farn Bau GbR"
    assert sorted(facts.representatives) == ["Anna Farnbichler", "Jonas Beispiel"]


# ------------------------------------------------------------------ part 2: letterheads below their section headings
def test_couples_letterhead_below_the_farm_and_family_headings() -> None:
    # no Impressum: "Farnhof" / "Familie Farnbichler" are headings; the couple's letterhead below them is the block
    site = "https://www.farnhof.at/"
    contact = _page("<main><h1>Farnhof</h1><h2>Familie Farnbichler</h2><address>Josef und Barbara Farnbichler<br>"
                    "Winkl Farnseite 19<br>6999 Farnstadt<br>Tel.: 05352/00000<br>Email: hof@farnhof.at</address>"
                    "</main>", site=site, kind="contact")
    facts = _facts(_page("<main><h1>Farnhof</h1><p>Urlaub am Bauernhof</p></main>", site=site, kind="home"),
                   contact, site=site)
    assert facts.company_name == "Josef und Barbara Farnbichler"
    assert sorted(facts.representatives) == ["Barbara Farnbichler", "Josef Farnbichler"]
    assert facts.street == "Winkl Farnseite 19" and facts.postal_code == "6999"


def test_headings_as_labels_name_of_the_club_and_its_registered_seat() -> None:
    # "Name des Vereins" and "Eingetragener Vereinssitz" set as headings over their values: the block reads across them
    site = "https://www.farnflieger.de/"
    imp = _page("<h2>Impressum</h2><p>Angaben gemäß § 5 TMG</p><h3>Name des Vereins</h3><p><b>Farnflieger "
                "Farnstadt e.V.</b></p><h3>Eingetragener Vereinssitz</h3><p>Lindenweg 4<br>99999 Farnstadt<br>"
                "Deutschland</p><h3>Vereinsregister</h3><p>Amtsgericht Farnstadt<br>Registernummer: VR 999999</p>"
                "<h3>Redaktionell verantwortlich</h3><p>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV:</p>"
                "<p>Zoran Farnbichler<br>Lindenweg 4<br>99999 Farnstadt</p>", site=site, kind="impressum")
    facts = _facts(_page("<h1>Segelfliegen</h1>", site=site, kind="home"), imp, site=site)
    assert facts.company_name == "Farnflieger Farnstadt e.V."
    assert facts.street == "Lindenweg 4" and facts.register_number == "VR 999999"


def test_person_letterhead_of_a_club_named_by_its_main_heading_and_titles() -> None:
    # no Impressum: the contact page prints the president's address; the home heading and every title name the club
    site = "https://www.farnsamariter.ch/"
    home = _page("<main><h1>Samariterverein Farnstadt</h1><p>Helfen, Unterstützen, Bilden</p></main>", site=site,
                 kind="home", title="Home | Samariterverein Farnstadt")
    contact = _page("<main><h1>Kontakt</h1><h2>Adresse</h2><p>Anna Farnbichler<br>Dorfplatz 14<br>7999 Farnstadt</p>"
                    "<p>E-Mail: praesidentin@farnsamariter.ch</p><p>Telefon: 081 000 00 00</p></main>", site=site,
                    kind="contact", title="Kontakt | Samariterverein Farnstadt")
    facts = _facts(home, contact, site=site)
    assert facts.company_name == "Samariterverein Farnstadt"
    assert facts.evidence["company_name"].url.endswith("home.html")
    assert facts.evidence["company_name"].snippet == "Samariterverein Farnstadt"
    assert facts.street == "Dorfplatz 14" and facts.evidence["street"].url.endswith("contact.html")
    assert "Anna Farnbichler" not in facts.representatives  # her address is the club's, no role is printed


def test_person_letterhead_without_a_club_heading_stays_the_owner() -> None:
    site = "https://www.farnnails.ch/"
    home = _page("<main><h1>Nägel mit Liebe</h1></main>", site=site, kind="home", title="Home | Farn Nails")
    contact = _page("<main><h2>Adresse</h2><p>Anna Farnbichler<br>Dorfplatz 14<br>7999 Farnstadt</p>"
                    "<p>E-Mail: anna@farnnails.ch</p></main>", site=site, kind="contact", title="Kontakt | Farn Nails")
    facts = _facts(home, contact, site=site)
    assert facts.company_name == "Anna Farnbichler" and facts.representatives == ["Anna Farnbichler"]


# ------------------------------------------------------------------ part 2: a club's board when its block names nobody
def test_club_board_page_chair_and_deputy_when_the_block_names_nobody() -> None:
    # "Verein" labels the block's name (no "e.V." in it), a ZVR is printed; the officials page gives chair and deputy
    site = "https://www.farnkick.at/"
    contact = _page("<main><h1>Kontakt</h1><p>ZVR: 999999999</p><h5>Verein</h5><p>TUS Farnstadt</p>"
                    "<p>Farnweg 270</p><p>8999 Farnstadt</p><p>Österreich</p></main>", site=site, kind="contact",
                    title="Kontakt | TUS Farnstadt")
    team = _page("<main><h2>Präsidium</h2><h5>Zoran Farnbichler</h5><p>Obmann</p><h5>Jonas Farnbichler</h5>"
                 "<p>Obmann Stv.</p><h5>Lena Beispiel</h5><p>Kassier</p></main>", site=site, kind="team")
    facts = _facts(_page("<main><h1>TUS Farnstadt</h1></main>", site=site, kind="home"), contact, team, site=site)
    assert facts.company_name == "TUS Farnstadt"
    assert sorted(facts.representatives) == ["Jonas Farnbichler", "Zoran Farnbichler"]


def test_club_co_presidents_and_second_chair_on_the_team_page() -> None:
    site = "https://www.farnclub.ch/"
    contact = _page("<main><h2>Adresse</h2><p>Badminton Club Farnstadt</p><p>Lindenweg 4</p><p>3999 Farnstadt</p>"
                    "<p>E-Mail: info@farnclub.ch</p></main>", site=site, kind="contact")
    team = _page("<main><p>Anna Farnbichler</p><p>Co-Präsidentin, Trainerin</p><p>Lena Beispiel</p>"
                 "<p>Co-Präsidentin</p><p>Jonas Muster</p><p>Kassier</p></main>", site=site, kind="about")
    facts = _facts(_page("<main><h1>Badminton</h1></main>", site=site, kind="home"), contact, team, site=site)
    assert sorted(facts.representatives) == ["Anna Farnbichler", "Lena Beispiel"]


def test_first_block_under_the_provider_heading_is_the_providers_even_with_a_chamber_like_name() -> None:
    # "Farnkammer" (a granary) opens the block right under "Angaben nach § 5 TMG": not an authority's block
    site = "https://www.farnkammer.de/"
    imp = _page("<h2>Impressum</h2><h4>Angaben nach § 5 TMG</h4><p>Farnkammer Naumburg<br>Dr. med. Anna Farnbichler"
                "<br>Lindenweg 51<br>99999 Farnstadt</p><h4>Kontakt</h4><p>T +49 (0)151 00000000</p>"
                "<h4>Aufsicht</h4><p>Ärztekammer Farnland<br>Kammerweg 1<br>99998 Farnburg</p>",
                site=site, kind="impressum")
    facts = _facts(_page("<h1>Ferienwohnung</h1>", site=site, kind="home"), imp, site=site)
    assert facts.company_name == "Farnkammer Naumburg"
    assert facts.representatives == ["Dr. med. Anna Farnbichler"]
    assert facts.street == "Lindenweg 51"


def test_board_label_with_an_obfuscated_mailbox_in_parentheses() -> None:
    site = "https://www.farneis.at/"
    imp = _page("<h1>Impressum</h1><p>Verein: Farnstädter Eisbären</p><p>ZVR: 000</p><p>Farnweg 33<br>8999 Farnstadt"
                "</p><p><b>Organschaftliche Vertreter:</b><br>Obmann: Zoran Farnbichler (zoran(at)example.at)<br>"
                "Obmann 2: Jonas Beispiel (jonas.beispiel(at)example.at)</p>", site=site, kind="impressum")
    facts = _facts(_page("<h1>Eishockey</h1>", site=site, kind="home"), imp, site=site)
    assert sorted(facts.representatives) == ["Jonas Beispiel", "Zoran Farnbichler"]


def test_board_chair_under_a_heading_naming_the_club_and_an_abbreviated_representation() -> None:
    site = "https://www.farntennis.de/"
    imp = _page("<h2>Impressum</h2><p>TC Farnstadt e.V.<br>Lindenweg 1b<br>99999 Farnstadt<br>Telefon: 09999 12345</p>"
                "<h4>Vorsitzender des Vereins</h4><p>Zoran Farnbichler<br>Farnweg 4<br>99999 Farnstadt</p>",
                site=site, kind="impressum")
    facts = _facts(_page("<h1>Tennis</h1>", site=site, kind="home"), imp, site=site)
    assert facts.representatives == ["Zoran Farnbichler"]
    site = "https://www.farnbund.de/"
    imp = _page("<p><b>Verantwortlich für Inhalte:</b></p><p>L! Farnbund Farnstadt<br>(nicht-rechtsfähiger Verein)<br>"
                "vertr. d.d. Altherrenvorstand Jonas Beispiel<br>Farnweg 18, 99999 Farnstadt</p>",
                site=site, kind="impressum")
    facts = _facts(_page("<h1>Bund</h1>", site=site, kind="home"), imp, site=site)
    assert facts.representatives == ["Jonas Beispiel"]


def test_letterhead_under_opening_hours_with_a_pin_before_the_address() -> None:
    # the hours end right above the letterhead; "Praxis Anna Muster" / what it does · town / "📍 street, town"
    site = "https://www.farnarzt.de/"
    home = _page("<main><h1>Hausarzt</h1><p>Fr:</p><p>09\u201313 Uhr</p><p>Praxis Anna Farnbichler</p>"
                 "<p>Allgemeinmedizin · Farnstadt</p><p>📍 Hauptstr. 29, 99999 Farnstadt</p><p>📞 +49 (9999) 545</p>"
                 "</main>", site=site, kind="home")
    facts = _facts(home, site=site)
    assert facts.company_name == "Praxis Anna Farnbichler"
    assert facts.representatives == ["Anna Farnbichler"]
    assert facts.street == "Hauptstr. 29" and facts.postal_code == "99999"




# ------------------------------------------------ v12 guide, test 1: a bare person line followed by another line
def _person_plus_line(line: str, *, site: str = "https://www.farn-beispiel.de/") -> CompanyFacts:
    imp = _page(f"<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>Anna Farnbichler<br>{line}<br>"
                "Lindenweg 4<br>99999 Farnstadt</p><p>E-Mail: post@farn-beispiel.de</p>", site=site, kind="impressum")
    return _facts(_page("<h1>Willkommen</h1>", site=site, kind="home"), imp, site=site)


def test_person_plus_line_step1_an_address_line_is_neither_name_nor_street() -> None:
    facts = _person_plus_line("c/o Farnhaus Coworking")
    assert facts.company_name == "Anna Farnbichler"
    assert facts.representatives == ["Anna Farnbichler"]
    assert (facts.street, facts.postal_code) == ("Lindenweg 4", "99999")


def test_person_plus_line_step2_a_form_of_business_line_is_dropped() -> None:
    for line in ("Einzelunternehmerin", "(Einzelunternehmerin)"):
        facts = _person_plus_line(line)
        assert facts.company_name == "Anna Farnbichler", line
        assert facts.representatives == ["Anna Farnbichler"]


def test_person_plus_line_step3_a_designation_line_is_dropped() -> None:
    for line in ("Fotografin / Videografin", "Heilpraktikerin für Psychotherapie"):
        facts = _person_plus_line(line)
        assert facts.company_name == "Anna Farnbichler", line
        assert facts.representatives == ["Anna Farnbichler"]


def test_person_plus_line_step4_a_trade_name_line_alone_is_the_name() -> None:
    # the site's domain (the person is not prepended), a coined word, the owner's surname
    for line, site in (("Farnlicht.de", "https://www.farnlicht.de/"), ("FarnWerk", "https://www.farn-beispiel.de/"),
                       ("Kanzlei Arbeitsrecht Farnbichler", "https://www.farn-beispiel.de/")):
        facts = _person_plus_line(line, site=site)
        assert facts.company_name == line
        assert facts.representatives == ["Anna Farnbichler"]


def test_person_plus_line_step5_common_words_of_the_trade_are_no_part_of_the_name() -> None:
    for line in ("Coaching und Organisationsentwicklung", "Yogakurse", "Hausarztpraxis",
                 "IT-Dienstleistungen & Prozessautomatisierung"):
        facts = _person_plus_line(line)
        assert facts.company_name == "Anna Farnbichler", line
        assert facts.representatives == ["Anna Farnbichler"]
