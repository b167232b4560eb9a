"""Extraction rules of round 17 (issue 12): the miss classes of the folded holdout15.

One small page per class: a form-of-business word printed after the name, a dash between a © year and its holder,
a CV's month ranges and a template's dummy numbers read as phones. Every name, address and number below is
invented; none is copied from a corpus page.
"""

from __future__ import annotations

from services.leads.extraction import extract_company
from services.leads.extraction.provider import strip_status_paren
from tests.leads.made_up_pages import imprint, page


# ------------------------------------------------------------------ (1) form of business after the name
def test_bare_or_dashed_sole_proprietorship_word_after_the_name_is_dropped() -> None:
    assert strip_status_paren("Quendel Feuerwerk Einzelunternehmen") == "Quendel Feuerwerk"
    assert strip_status_paren("Agentur Quendel.at \u2014 Einzelunternehmen") == "Agentur Quendel.at"
    assert strip_status_paren("Quendel Bau - Einzelfirma") == "Quendel Bau"
    assert strip_status_paren("Einzelunternehmen") == "Einzelunternehmen"  # nothing before it: left alone
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG:</p><p>Quendel Feuerwerk Einzelunternehmen</p>"
            "<p>Verantwortliche Person: Lars Quendelberg</p><p>Ahornweg 7, 99998 Quendelstadt</p>"
            "<p>E-Mail: lars@quendel-beispiel.de</p>")
    assert imprint(body).company_name == "Quendel Feuerwerk"


# ------------------------------------------------------------------ (2) dash between the © year and its holder
def test_dash_after_the_copyright_year_is_no_part_of_the_holder() -> None:
    from services.leads.extraction.legal import COPYRIGHT_RE

    assert COPYRIGHT_RE.sub("", "Copyright © 2023 - Lena Quendelmayr") == "Lena Quendelmayr"
    assert COPYRIGHT_RE.sub("", "© 2021 | Quendel Bau") == "Quendel Bau"
    assert COPYRIGHT_RE.sub("", "© 2019 \u2013 2024 Quendel Bau") == "Quendel Bau"  # a year range stays one unit
    site = "https://www.quendel-beispiel.de/"
    footer = "<footer><p>Copyright © 2023 - Lena Quendelmayr</p></footer>"
    pages = [page(f"<h1>Friseur</h1><p>Ahornweg 7<br>99998 Quendelstadt</p>{footer}", site=site, kind="home"),
             page("<h1>Impressum</h1><p>Impressum Angaben gemäß § 5 TMG: Lena Quendelmayr Ahornweg 7 99998 "
                   f"Quendelstadt Telefon: 0176/1357913 Berufsbezeichnung: Friseurmeisterin</p>{footer}",
                   site=site, kind="impressum")]
    name = extract_company(pages, site_url=site).company_name
    assert name is not None and not name.startswith("-")


# ------------------------------------------------------------------ (3) no phone out of a CV or a template
def test_month_ranges_of_a_cv_are_no_phone_numbers() -> None:
    body = ("<h1>Impressum</h1><p>Dr. Lena Quendelmayr<br>Ahornweg 7<br>9998 Quendelstadt<br>Österreich</p>"
            "<p>Tel.: +43 660 1357913</p><h2>Werdegang</h2><p>Assistenzärztin</p><p>· 03/2014 \u2013 08/2019 · "
            "Klinikum Quendelstadt</p><p>Fachärztin</p><p>· 09/2019 \u2013 02/2022 · Spital Quendelberg</p>")
    facts = imprint(body, site="https://www.quendel-beispiel.at/")
    assert facts.phones == ["+436601357913"]


def test_dummy_subscriber_numbers_of_a_template_are_dropped() -> None:
    body = ("<h1>Impressum</h1><p>Lena Quendelmayr<br>Ahornweg 7<br>99998 Quendelstadt</p>"
            "<p>Telefon: 0176 1357913</p>")
    home = "<h1>Willkommen</h1><p>Ruf uns an: 07431 000000</p><p>Mobil 0176 0000000</p>"
    facts = imprint(body, home=home)
    assert facts.phones == ["+491761357913"]


# ------------------------------------------------------------------ (4) an address printed on one line
def test_one_line_address_with_commas_and_country_is_read() -> None:
    home = ("<h1>Ferienwohnung Quendel</h1><p>Schreiben Sie uns.</p><p>quendelwohnung@gmx.at</p>"
            "<p>Ahornstrasse 12, 6999 Quendeldorf, Osterreich</p>")
    facts = imprint("<h1>Kontakt</h1><p>Lena Quendelmayr</p>", home=home, site="https://www.quendel-beispiel.com/")
    assert (facts.street, facts.postal_code, facts.city, facts.country) == (
        "Ahornstrasse 12", "6999", "Quendeldorf", "AT")


def test_comma_between_postal_code_and_city_after_the_street() -> None:
    home = ("<h1>Quendel Lashes</h1><p>Contact us</p><p>Birkenstrasse 40, 8999, Quendelikon, Switzerland</p>"
            "<p>quendel.lashes@gmail.com</p><footer><p>© 2025, Lena Quendelmayr</p></footer>")
    facts = imprint("<h1>Kontakt</h1><p>Lena Quendelmayr</p>", home=home, site="https://www.quendel-beispiel.ch/")
    assert (facts.street, facts.postal_code, facts.city, facts.country) == (
        "Birkenstrasse 40", "8999", "Quendelikon", "CH")


def test_country_prefix_before_the_postal_code_after_a_space() -> None:
    body = ("<h1>Impressum</h1><p>Quendelhilfe Musterau e.V.</p><p>Ulmer Straße 3b, DE 99998 Quendelstadt</p>"
            "<p>info@quendel-beispiel.de</p>")
    facts = imprint(body)
    assert (facts.street, facts.postal_code, facts.city) == ("Ulmer Straße 3b", "99998", "Quendelstadt")


# ------------------------------------------------------------------ (5) the owner's freemail box on every page
def test_freemail_box_printed_as_ours_on_most_pages_survives_one_third_party_block() -> None:
    site = "https://www.quendel-beispiel.de/"
    footer = "<footer><p>Hundeschule Quendel</p><p>E-Mail: quendelhund@gmx.de</p></footer>"
    privacy = ("<h1>Datenschutzerklärung</h1><h2>Hosting</h2><p>Unser Hoster ist die Quendelhost GmbH, Ahornweg 9, "
               "99998 Quendelstadt.</p><p>Anbieter des Kontaktformulars ist die Formular-Quendel AG.</p>"
               "<p>Quendelhost GmbH</p><p>E-Mail: quendelhund@gmx.de</p>")
    pages = [page(f"<h1>Willkommen</h1>{footer}", site=site, kind="home"),
             page(f"<h1>Kontakt</h1><p>Ruf an!</p>{footer}", site=site, kind="contact"),
             page("<h1>Impressum</h1><p>Lena Quendelmayr</p><p>Ahornweg 7<br>99998 Quendelstadt</p>"
                   f"{footer}", site=site, kind="impressum"),
             page(privacy, site=site, kind="privacy")]
    assert extract_company(pages, site_url=site).emails == ["quendelhund@gmx.de"]


def test_a_in_brackets_spells_the_at_sign() -> None:
    body = ("<h1>Impressum</h1><p>Lena Quendelmayr<br>Ahornweg 7<br>99998 Quendelstadt</p>"
            "<p>Tel. 0176 1357913</p><p>Mail: post(a)quendel-beispiel.de</p>")
    assert imprint(body).emails == ["post@quendel-beispiel.de"]


# ------------------------------------------------------------------ (7) a privacy policy's processors
def test_processors_a_privacy_policy_lists_are_never_the_name() -> None:
    from services.leads.extraction.legal import platform_vendor
    from services.leads.extraction.site import Site

    ours = Site(url="https://www.quendel-beispiel.de/", domain="quendel-beispiel.de", domain_label="quendel-beispiel",
                suffix="de", pages=[])
    assert platform_vendor("Google Ireland Limited", ours)
    assert not platform_vendor("Quendel Bau GmbH", ours)
    # a firm a privacy page places overseas ("Quendelwolke Inc., USA (…)") is a processor it lists
    from services.leads.extraction.legal import _ABROAD_AFTER_RE

    assert _ABROAD_AFTER_RE.match(", USA (Standardvertragsklauseln)")
    assert _ABROAD_AFTER_RE.match(" (Irland)")
    assert not _ABROAD_AFTER_RE.match(", Ahornweg 7, 9998 Quendelstadt")


# ------------------------------------------------------------------ (8) a degree after the sole practitioner's name
def test_degree_after_the_block_person_stays_with_the_representative() -> None:
    body = ("<h1>Impressum</h1><p>Diensteanbieterin:</p><p>Lena Quendelmayr, BSc</p><p>Ahornweg 7</p>"
            "<p>9998 Quendelstadt</p><p>E-Mail: lena@quendel-beispiel.at</p>")
    facts = imprint(body, site="https://www.quendel-beispiel.at/")
    assert facts.representatives == ["Lena Quendelmayr, BSc"]
    # an academic title the guide ignores is left off rather than kept with a dangling comma
    facts = imprint(body.replace(", BSc", ", MSc."), site="https://www.quendel-beispiel.at/")
    assert facts.representatives == ["Lena Quendelmayr"]


# ------------------------------------------------------------------ (9) national numbers in the seat's country
def test_national_number_is_read_in_the_country_of_the_printed_seat() -> None:
    # a .com site in German without a region, but the Impressum prints a Vienna seat: "0676 …" is an Austrian mobile
    body = ("<h1>Impressum</h1><p>Mag. Lena Quendelmayr</p><p>Ahorngasse 7</p><p>1190 Wien</p>"
            "<p>Telefon: 0676 135 79 13</p>")
    facts = imprint(body, site="https://www.quendel-praxis.com/")
    assert facts.country == "AT"
    assert facts.phones == ["+436761357913"]


# ------------------------------------------------------------------ (10) a four-digit postal code is no German one
def test_four_digit_postal_code_takes_the_towns_country_not_the_domains() -> None:
    from services.leads.extraction.address import four_digit_country

    assert four_digit_country("Quendelbach ZH") == "CH"
    assert four_digit_country("Sankt Quendel in Tirol") == "AT"
    assert four_digit_country("Quendelstadt") is None
    body = ("<h1>Impressum</h1><p>Lena Quendelmayr</p><p>Ahornweg 7</p><p>6999 Sankt Quendel in Tirol</p>"
            "<p>Tel. 05352 13579</p>")
    facts = imprint(body, site="https://www.quendelhof.com/")
    assert facts.country == "AT"
    assert facts.phones == ["+43535213579"]


def test_placeholder_domains_of_a_template_under_any_suffix_are_no_address() -> None:
    body = ("<h1>Impressum</h1><p>Quendel Technik GmbH</p><p>Ahornweg 7</p><p>5999 Quendelstadt</p>"
            "<p>E-Mail: office@quendel-beispiel.at</p><h2>Kontakt</h2><p>Beispiel: info@musterfirma.at</p>"
            "<p>max@mustermann.ch</p>")
    assert imprint(body, site="https://www.quendel-beispiel.at/").emails == ["office@quendel-beispiel.at"]
