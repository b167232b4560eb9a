"""Extraction rules of round 19 (issue 12): the miss classes of the folded holdout18.

One small page per class: the value under a seat's label, a line that opens with a conjunction above a letterhead,
and a title of nobility inside a surname. Every name, address and number below is invented; none is copied from a
corpus page.
"""

from __future__ import annotations

from services.leads.extraction.names import person_line
from tests.leads.made_up_pages import imprint, site_facts


# ------------------------------------------------------------------ (1) a seat's label and its value
def test_the_value_under_a_seat_label_is_never_the_name() -> None:
    """Class: "Satzungssitz :" / "<town>" — the statutory seat's town was taken as the company's name."""
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG.</p><h2>Rechtliche Angaben</h2>"
            "<p>Satzungssitz :</p><p>Quendelstadt (Westfalen)</p><p>Geschäftsanschrift :</p>"
            "<p>Ahornweg 7, 99998 Quendeltal</p><p>Handelsregister-Nummer :</p><p>HRB 12345</p>"
            "<p>Registergericht :</p><p>Amtsgericht Quendelstadt</p>")
    facts = imprint(body, home="<h1>Willkommen</h1><p>Quendelwerk Holding</p>")
    assert facts.company_name not in ("Quendelstadt (Westfalen)", "Amtsgericht Quendelstadt")


# ------------------------------------------------------------------ (3) a conjunction opens the line
def test_a_line_opening_with_a_conjunction_is_no_name_line() -> None:
    """Class: "Supervised by … / and <body> Ltd." right above the letterhead — the sentence's tail was the name."""
    site = "https://www.quendelcapital.ch/"
    home = ("<h1>Scientific Asset Management</h1><p>Quendel Capital Ltd. is an asset manager.</p>"
            "<p>Supervised by the</p><p>Quendel Supervisory Authority</p><p>and Birkenkontrolle Suisse Ltd.</p>"
            "<p>Quendel Capital Ltd.</p><p>Ahornstrasse 7</p><p>8999 Quendelberg</p><p>Switzerland</p>"
            "<p>info@quendelcapital.ch</p>")
    facts = site_facts({"home": home}, site=site)
    assert facts.company_name == "Quendel Capital Ltd."
    assert (facts.street, facts.postal_code) == ("Ahornstrasse 7", "8999")


# ------------------------------------------------------------------ (6) a title of nobility in the surname
def test_a_title_of_nobility_before_the_particle_belongs_to_the_surname() -> None:
    """Class: "<given names> Baron von <surname>" was cut to "<given names> Baron"."""
    assert person_line("Lars Jan Ole Freiherr von Quendelberg") == "Lars Jan Ole Freiherr von Quendelberg"
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><p>Lars Jan Ole Baron von Quendelberg</p>"
            "<p>Catering und Kochkurse</p><p>Ahornweg 7</p><p>99998 Quendelstadt</p>")
    facts = imprint(body)
    assert facts.company_name == "Lars Jan Ole Baron von Quendelberg"
    assert facts.representatives == ["Lars Jan Ole Baron von Quendelberg"]
