"""Extraction rules of round 20 (issue 12): the miss classes of the folded holdout19.

One small page per class: the representatives set as a heading under a plain role label, an academic degree printed
without a space or hyphen, a trade written as a plural noun before a town, house numbers with a staircase and door
after spaced slashes or with a range of letters, the privacy policy's controller introduced by a heading, a German
register court spelled in English, a fax number behind a "fax:" link, and a mailing address before the seat. Every
name, address and number below is invented; none is copied from a corpus page.
"""

from __future__ import annotations

from services.leads.extraction.address import street_of
from services.leads.extraction.names import clean_person_name, person_line
from tests.leads.made_up_pages import imprint


# ------------------------------------------------------------------ (1) people set as a heading under a plain label
def test_people_set_as_a_heading_under_a_plain_role_label() -> None:
    """Class: an accordion (or a table) whose caption "Geschäftsführer" is plain text and whose pane holds the
    managing directors as a heading — nobody was read."""
    body = ('<h1>Impressum</h1><h3>Quendel Autohandel GbR</h3><p>Ahornweg 7<br>D-99998 Quendelstadt</p>'
            '<div class="accordion"><a class="accordion-link" aria-controls="pane-1"><span>Geschäftsführer</span></a>'
            '<div id="pane-1"><h3>Lars Birkner, Jan Eichler</h3></div>'
            '<a class="accordion-link" aria-controls="pane-2"><span>Amtsgericht</span></a>'
            '<div id="pane-2"><h3>Quendelstadt</h3></div></div>')
    facts = imprint(body)
    assert facts.company_name == "Quendel Autohandel GbR"
    assert facts.representatives == ["Lars Birkner", "Jan Eichler"]


def test_a_heading_under_a_plain_label_that_is_no_name_gives_nobody() -> None:
    """The heading after the label must hold names and nothing else: a section title is no representative."""
    body = ('<h1>Impressum</h1><p>Quendel Technik GmbH<br>Ahornweg 7<br>99998 Quendelstadt</p>'
            "<p>Geschäftsführer</p><h3>Haftung für Inhalte</h3><p>Die Inhalte unserer Seiten wurden mit größter "
            "Sorgfalt erstellt.</p>")
    assert imprint(body).representatives == []


# ------------------------------------------------------------------ (2) a degree without its hyphen
def test_a_degree_printed_without_hyphen_or_space_is_a_title() -> None:
    """Class: "Geschäftsführerin: Dipl.Ing. <name>" — the degree without its hyphen made the line no name at all."""
    assert person_line("Dipl.Ing. Lara Birkner") == "Dipl.Ing. Lara Birkner"
    assert person_line("Dipl.Kfm. Jan Eichler") == "Dipl.Kfm. Jan Eichler"
    body = ("<h1>Impressum</h1><p>Quendel Technik GmbH<br>Ahornweg 7<br>99998 Quendelstadt</p>"
            "<p>Geschäftsführerin: Dipl.Ing. Lara Birkner</p><p>HRB 12345 Amtsgericht Quendelstadt</p>")
    assert imprint(body).representatives == ["Dipl.Ing. Lara Birkner"]


# ------------------------------------------------------------------ (3) a plural trade noun before a town
def test_a_plural_trade_noun_is_no_name() -> None:
    """Class: "<Brand>" / "Reparatur-Dienstleistungen <Town>" — the trade line under a one-word brand was read as a
    person (a double given name and a surname) and made the representative."""
    assert clean_person_name("Reparatur-Dienstleistungen Quendelau") is None
    assert clean_person_name("Montage-Lösungen Quendelau") is None
    assert clean_person_name("Anna Jungen") == "Anna Jungen"  # a surname may end like a plural noun when short
    body = ("<h1>Impressum</h1><p>Quendeltec<br>Reparatur-Dienstleistungen Quendelau ZH<br>"
            "(Kein Ladenlokal)</p><p>Kontakt:<br>E-Mail: info@quendeltec.ch</p>")
    facts = imprint(body, site="https://www.quendeltec.ch/")
    assert facts.representatives == []


# ------------------------------------------------------------------ (4) house numbers: doors, letter ranges
def test_staircase_and_door_after_spaced_slashes_are_part_of_the_house_number() -> None:
    """Class: "Ahorngasse 22 / 1 / 3" (Vienna: house, staircase, door) was taken for a corner of two streets and
    dropped; a real corner still needs a street on each side."""
    assert street_of("Ahorngasse 22 / 1 / 3", "AT") == "Ahorngasse 22 / 1 / 3"
    assert street_of("Ahorngasse 30a / 101", "AT") == "Ahorngasse 30a / 101"
    assert street_of("Lindenplatz 2 / Kirchgasse 5", "DE") == "Lindenplatz 2 / Kirchgasse 5"
    assert street_of("Lindenplatz 2 / Haus", "DE") is None
    body = "<h1>Impressum</h1><p>Quendel Software GmbH<br>Ahornstätte 22 / 1 / 3<br>1010 Wien</p>"
    facts = imprint(body, site="https://www.quendel-software.at/")
    assert (facts.street, facts.postal_code, facts.city) == ("Ahornstätte 22 / 1 / 3", "1010", "Wien")


def test_a_range_of_letters_after_the_house_number() -> None:
    """Class: "Ahornstrasse 21a-c" (one building over several numbers) was no street."""
    assert street_of("Ahornstrasse 21a-c", "DE") == "Ahornstrasse 21a-c"
    assert street_of("Ahornstrasse 21-c", "DE") is None
    body = "<h1>Impressum</h1><p>Quendel Crew GmbH<br>Ahornstrasse 21a-c<br>50667 Quendelstadt</p>"
    assert imprint(body).street == "Ahornstrasse 21a-c"


# ------------------------------------------------------------------ (5) the controller's sentence set as a heading
def test_the_controller_sentence_as_a_heading_opens_the_providers_section() -> None:
    """Class: a site whose only legal page is its privacy policy, the template's sentence "Die verantwortliche Stelle
    für die Datenverarbeitung auf dieser Website ist:" set as a heading — "Website" made it a third party's section
    and the whole controller block (name, street, phone) was lost."""
    body = ("<h1>Datenschutzerklärung</h1><h3>2.2 Hinweis zur verantwortlichen Stelle</h3>"
            "<h4>Die verantwortliche Stelle für die Datenverarbeitung auf dieser Website ist:</h4>"
            "<p>Lara Birkner<br>Ahornstraße 32<br>99998 Quendelstadt<br>Telefon: +49 160 12345678<br>"
            "E-Mail: lara.birkner@quendel-beispiel.de</p>")
    facts = imprint(body)
    assert (facts.company_name, facts.street, facts.postal_code) == ("Lara Birkner", "Ahornstraße 32", "99998")
    assert facts.phones == ["+4916012345678"] and facts.representatives == ["Lara Birkner"]


# ------------------------------------------------------------------ (6) a German court town spelled in English
def test_a_german_register_court_spelled_in_english_is_named_in_german() -> None:
    """Class: "Register court: Local court Cologne" in an English imprint — the Amtsgericht's name is German; the
    town of the address stays as printed."""
    body = ("<h1>Legal Notice</h1><p>Quendel Crew GmbH<br>Ahornstrasse 21<br>50667 Cologne</p>"
            "<p>Commercial register: HRB 12345<br>Register court: Local court Cologne</p>")
    facts = imprint(body)
    assert facts.register_court == "Amtsgericht Köln" and facts.city == "Cologne"
    english = ("<h1>Legal Notice</h1><p>Quendel Crew GmbH<br>Ahornstrasse 21<br>80331 Munich</p>"
               "<p>HRB 12345, District Court Munich</p>")
    assert imprint(english).register_court == "Amtsgericht München"


def test_a_dash_before_a_bare_street_type_joins_one_street_name() -> None:
    """Class: "Johann Quendel \u2013 Strasse 4" (a street named after a person, its hyphen printed as a spaced en dash)
    was cut at the dash to "Strasse 4"; a dash before a whole street still separates the parts of a line."""
    assert street_of("Johann Quendel \u2013 Strasse 4", "AT") == "Johann Quendel \u2013 Strasse 4"
    body = "<h1>Impressum</h1><p>Praxis Anna Muster<br>Johann Quendel \u2013 Strasse 4<br>4690 Quendelstadt</p>"
    assert imprint(body, site="https://www.quendel-praxis.at/").street == "Johann Quendel \u2013 Strasse 4"
    line = "<h1>Impressum</h1><p>Quendel GmbH - Ahornstr. 5 - 99998 Quendelstadt</p>"
    assert imprint(line).street == "Ahornstr. 5"


# ------------------------------------------------------------------ (7) a fax number only behind a "fax:" link
def test_a_fax_link_gives_the_fax_number() -> None:
    """Class: "<a href='fax:+49-…'>Telefax</a>" beside "<a href='tel:…'>Telefon</a>": the number shows only in the
    link's address, and the "fax:" scheme says what it is even under another word."""
    body = ("<h1>Impressum</h1><p>Quendel Club e.V.<br>Ahornweg 7<br>99998 Quendelstadt</p>"
            '<ul><li><a href="tel:+49-221-12345-1049">Telefon</a></li>'
            '<li><a href="fax:+49-221-12345-4049">Senden</a></li></ul>')
    facts = imprint(body)
    assert facts.phones == ["+49221123451049"] and facts.fax == "+49221123454049"


# ------------------------------------------------------------------ (8) the post box first, the seat below
def test_the_seat_below_a_post_box_block_of_the_same_name() -> None:
    """Class: "Postfach" / "<club> e.V." / "Postfach 1234" / "<code> <town>", then "Vereinsanschrift" / "<club> e.V." /
    "<street>" / "<code> <town>": the provider's mailing address came first and its seat was lost."""
    body = ("<h1>Impressum</h1><h2>Postfach</h2><p>Quendelwerk e.V.<br>Postfach 1234<br>99990 Quendelstadt<br>"
            "Kontakt: vorstand@quendelwerk.de</p><h2>Vereinsanschrift</h2><p>Quendelwerk e.V.<br>Ahornweg 7<br>"
            "99998 Quendelstadt<br>Kontakt: vorstand@quendelwerk.de</p>")
    facts = imprint(body)
    assert (facts.company_name, facts.street, facts.postal_code) == ("Quendelwerk e.V.", "Ahornweg 7", "99998")
    alone = "<h1>Impressum</h1><p>Quendelwerk e.V.<br>Postfach 1234<br>99990 Quendelstadt</p>"
    assert (imprint(alone).street, imprint(alone).postal_code) == (None, "99990")
