"""Extraction rules of round 18 (issue 12): the miss classes of the folded holdout16.

One small page per class: the site's own address under a "Website:" label, "Website veröffentlicht von", a family
word before a couple, a couple above its partnership, a compound board label, a brand set in lower case at the head
of a letterhead, a qualified job under the person, a one-line letterhead over a hidden mailbox, premises named after
the seat's street, a trade word the domain only begins with, a board printed as cards, and a theme's classes on
<body>. Every name, address and number below is invented; none is copied from a corpus page.
"""

from __future__ import annotations

from services.leads.extraction import extract_company
from tests.leads.made_up_pages import imprint, page, site_facts


# ------------------------------------------------------------------ (1) "Website:" with the site's own address
def test_a_website_label_with_the_sites_own_address_keeps_the_block_the_providers() -> None:
    site = "https://www.quendelfly.at/"
    body = ("<h1>Impressum</h1><p><b>Angaben gemäß § 5 ECG &amp; Offenlegungspflicht nach § 25 MedienG</b></p>"
            "<p>Website: quendelfly.at<br>Betreiber: Lars Quendelberg<br>Adresse: Ahornweg 7, 6998 Quendeltal, "
            "Österreich<br>E-Mail: quendelfly@gmail.com</p><h2>Haftungsausschluss</h2><p>Keine Gewähr.</p>")
    facts = imprint(body, site=site)
    assert facts.company_name == "Lars Quendelberg"
    assert facts.representatives == ["Lars Quendelberg"]
    assert (facts.street, facts.postal_code, facts.country) == ("Ahornweg 7", "6998", "AT")
    assert facts.emails == ["quendelfly@gmail.com"]


def test_a_website_label_naming_another_address_is_still_a_credit() -> None:
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><p>Quendel Bau GmbH<br>Ahornweg 7<br>99998 Quendelstadt"
            "</p><p>Website: Agentur Birkenfeld, www.birkenfeld-web.de<br>Birkenweg 3<br>11112 Birkenfeld</p>")
    facts = imprint(body)
    assert facts.company_name == "Quendel Bau GmbH"
    assert facts.street == "Ahornweg 7"


# ------------------------------------------------------------------ (2) "Website veröffentlicht von"
def test_website_published_by_announces_the_provider() -> None:
    site = "https://quendel-translations.github.io/site/"
    body = ("<h1>IMPRESSUM</h1><h3>Website veröffentlicht von</h3><p>Lars Quendelberg<br>Ahornstr. 7<br>"
            "D-99998 Quendelstadt<br>Deutschland<br>Telefon: +49 (0)3456 - 123456<br>"
            "E-Mail: lars@quendel-translations.com<br>USt-Identifikationsnummer: DE123456788</p>")
    facts = imprint(body, site=site)
    assert facts.company_name == "Lars Quendelberg"
    assert (facts.street, facts.postal_code, facts.city) == ("Ahornstr. 7", "99998", "Quendelstadt")
    assert facts.representatives == ["Lars Quendelberg"]


# ------------------------------------------------------------------ (3) a family word before a couple
def test_a_family_word_before_a_couple_names_both() -> None:
    body = ("<h1>Impressum</h1><p>Verantwortlich für den Inhalt</p><p>Fam. Jan-Ole und Mira Quendel<br>"
            "Am Ahornwall 7<br>D-99998 Quendelstadt<br>Tel.: +49-3456-123456</p>")
    facts = imprint(body)
    assert facts.company_name == "Fam. Jan-Ole und Mira Quendel"
    assert facts.representatives == ["Jan-Ole Quendel", "Mira Quendel"]


# ------------------------------------------------------------------ (4) a couple above its partnership
def test_a_couple_above_a_partnership_are_its_partners() -> None:
    body = ("<h1>Impressum</h1><p>Verantwortlich für den Inhalt dieser Seite:</p><p>Mira und Jan Quendel<br>"
            "Ahornweg 7 Quendelstadt GbR<br>Birkenweg 26<br>99998 Quendelstadt<br>E-Mail: info@quendel-beispiel.de"
            "</p>")
    facts = imprint(body)
    assert facts.company_name == "Ahornweg 7 Quendelstadt GbR"
    assert facts.representatives == ["Mira Quendel", "Jan Quendel"]


# ------------------------------------------------------------------ (5) a compound board as a label
def test_a_compound_board_label_names_the_representative() -> None:
    body = ("<h1>Impressum</h1><p>Kontaktadresse:</p><p>AV Quendelia<br>Ahornstr. 7<br>99998 Quendelstadt<br>"
            "Tel.: 0345 / 12 34 56</p><p>Altherrenvorstand:</p><p>Lars Quendelberg</p>")
    assert imprint(body).representatives == ["Lars Quendelberg"]


# ------------------------------------------------------------------ (6) a lower-case brand heading a letterhead
def test_a_brand_set_in_lower_case_heads_the_letterhead() -> None:
    site = "https://www.quendelstories.de/"
    body = ("<h1>Impressum</h1><p><b>quendel stories &amp; MORE</b></p><p>Ahornstr. 7, 09998 Quendelstadt</p>"
            "<p>Tel.: 0345 .1234567</p><p>E-Mail: hello@quendelstories.de</p>"
            "<h2>Datenschutzerklärung</h2><p>Wir nutzen den Webanalysedienst der Google Inc.</p>")
    facts = imprint(body, site=site)
    assert facts.company_name == "quendel stories & MORE"
    assert facts.street == "Ahornstr. 7"


def test_a_numbered_line_is_no_brand_line() -> None:
    site = "https://quendel280.at/"
    body = ("<h1>Impressum</h1><p>quendel 280</p><p>Prävention.Bildung.Teilhabe</p><p>Ahorngasse 124/3/363</p>"
            "<p>1020 Wien</p><p>ZVR-Zahl: 1234567890</p><h2>Kontakt</h2><p>E-Mail: office@quendel280.at</p>")
    assert imprint(body, site=site).company_name == "quendel 280"


# ------------------------------------------------------------------ (7) a qualified job under the person
def test_a_qualified_job_under_the_person_is_no_name() -> None:
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><p>Dr. Mira Quendel<br>Personal Trainerin<br>"
            "Ahornstr. 9<br>99998 Quendelstadt<br>Deutschland</p><p>Telefon: 0176 1234567</p>")
    facts = imprint(body)
    assert facts.company_name == "Dr. Mira Quendel"
    assert facts.representatives == ["Dr. Mira Quendel"]


# ------------------------------------------------------------------ (8) a one-line letterhead, a hidden mailbox
def test_a_one_line_letterhead_over_an_obfuscated_mailbox_is_the_providers() -> None:
    site = "http://www.taktwelten-beispiel.de/"
    contact = ("<h2>Kontakt</h2><p>Ich freue mich über Ihr Interesse.</p><h3>Postanschrift:</h3>"
               "<p>Ranvita Quendel, Ahornstr. 26, 99998 Quendelstadt</p>"
               "<p>E-Mail: ranvita ät taktwelten-beispiel . de</p>")
    facts = site_facts({"home": "<h1>Lebendiges Lernen im Takt - Taktwelten</h1><p>Kurse</p>",
                   "contact": contact}, site=site)
    assert facts.company_name == "Ranvita Quendel"
    assert facts.representatives == ["Ranvita Quendel"]


# ------------------------------------------------------------------ (9) premises named after the street
def test_premises_named_after_the_seats_street_are_no_trade_name() -> None:
    site = "https://quendel-beratung.ch/"
    contact = ("<h1>Kontakt</h1><p>Mira Quendelmann<br>Praxis am Ahornberg<br>Ahornberg 11<br>4001 Basel</p>"
               "<p>078 123 45 67 | info@quendel-beratung.ch</p>")
    facts = site_facts({"home": "<h1>Beratung</h1>", "contact": contact}, site=site)
    assert facts.company_name == "Mira Quendelmann"
    assert facts.representatives == ["Mira Quendelmann"]


def test_a_practice_named_after_another_place_stays_the_name() -> None:
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><p>Mira Quendelmann<br>Praxis am Ahornberg<br>"
            "Birkenweg 11<br>99998 Quendelstadt</p><p>Telefon: 0345 123456</p>")
    assert imprint(body).company_name == "Praxis am Ahornberg"


# ------------------------------------------------------------------ (10) a trade word the domain only begins with
def test_a_trade_word_the_domain_begins_with_is_no_brand() -> None:
    site = "https://eiscafe-al-quendel-stadt.de/"
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><p>Mira Da Quendel<br>Eiscafe<br>Hauptstrasse 13<br>"
            "99998 Quendelstadt</p><p>Telefon: 03456/123456</p>")
    facts = imprint(body, site=site)
    assert facts.company_name == "Mira Da Quendel"


# ------------------------------------------------------------------ (11) a board printed as cards
def test_a_management_printed_as_cards_names_every_member() -> None:
    site = "https://quendel-birken.ch/"
    home = ("<h1>Architektur</h1><footer><h2>Kontakt</h2><p>Quendel &amp; Birken</p><p>Ahorngasse 15</p>"
            "<p>6300 Zug</p><p>info@quendel-birken.ch</p><h2>Geschäftsleitung</h2><p>Urs Quendel</p>"
            "<p>dipl. Arch. ETH/SIA</p><p>uq@quendel-birken.ch</p><p>Anna Birken</p><p>dipl. Arch. HTL</p>"
            "<p>ab@quendel-birken.ch</p><h2>Mitarbeiter</h2><p>Lea Ahorner</p><p>Master of Arts</p></footer>")
    facts = site_facts({"home": home}, site=site)
    assert facts.representatives == ["Urs Quendel", "Anna Birken"]


# ------------------------------------------------------------------ (12) a theme's classes on <body>
def test_a_themes_nav_classes_on_body_do_not_make_the_page_navigation() -> None:
    site = "https://qw-s.at/"
    body = ("<nav><ul class='menu'><li><a href='/'>Startseite</a></li></ul></nav><h1>Impressum</h1>"
            "<p>Firmenname</p><p><b>Lars Quendel</b></p><p>Anschrift</p><p><b>Ahornweg 20</b></p>"
            "<p><b>6060 Hall</b></p><p><b>Österreich</b></p><p>Kontakt</p><p><b>info@qw-s.at</b></p>")
    pages = [page("<h1>Willkommen</h1>", site=site, kind="home"),
             page(body, site=site, kind="impressum", body_class="page et_fixed_nav et_show_nav")]
    facts = extract_company(pages, site_url=site)
    assert facts.representatives == ["Lars Quendel"]
    assert (facts.street, facts.postal_code) == ("Ahornweg 20", "6060")
