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


# ------------------------------------------------------------------ (2) a body in formation
def test_a_bracket_stating_a_body_in_formation_is_no_part_of_the_name() -> None:
    """Class: "<name> (Verein in Gründung)" — the bracket only states the kind of body; and the court of its future
    entry is no register it is entered in."""
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p><b>Quendelrat</b> (Verein in Gründung)<br>"
            "Verantwortlich i. S. d. P.: Lars Quendelberg<br>Ahornweg 7<br>99998 Quendelstadt<br>"
            "E-Mail: post@quendel-beispiel.de</p><p>Hinweis: Der Verein „Quendelrat“ befindet sich in Gründung; der "
            "Zusatz „e. V.“ wird nach Eintragung ins Vereinsregister (Amtsgericht Quendelstadt) geführt.</p>")
    facts = imprint(body)
    assert facts.company_name == "Quendelrat"
    assert facts.register_court is None and facts.register_number is None


# ------------------------------------------------------------------ (5) the controller "vertreten durch" a person
def test_the_privacy_policys_controller_represented_by_a_person_names_the_representative() -> None:
    """Class: the Impressum names only who answers for the content; the provider's own privacy policy names it as
    the controller "vertreten durch" a person — he represents it."""
    site = "https://www.quendelrat.de/"
    imp = ("<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p><b>Quendelrat</b> (Verein in Gründung)<br>"
           "Verantwortlich i. S. d. P.: Lars Quendelberg<br>Ahornweg 7<br>99998 Quendelstadt<br>"
           "E-Mail: post@quendelrat.de</p>")
    privacy = ("<h1>Datenschutzerklärung</h1><h2>Verantwortlicher</h2><p>Quendelrat (Verein in Gründung), vertreten "
               "durch Lars Quendelberg,<br>Ahornweg 7, 99998 Quendelstadt, post@quendelrat.de</p><h2>Hosting</h2>"
               "<p>Birkenhost Inc., vertreten durch Mira Birkenfeld, hostet diese Seite.</p>")
    facts = site_facts({"home": "<h1>Willkommen</h1>", "impressum": imp, "datenschutz": privacy}, site=site)
    assert facts.company_name == "Quendelrat"
    assert facts.representatives == ["Lars Quendelberg"]


# ------------------------------------------------------------------ (7) a one-page site's Impressum overlay
_MODAL = ('<div class="portfolio-modal modal fade" id="{id}" tabindex="-1" role="dialog" aria-hidden="true">'
          '<div class="modal-dialog"><div class="modal-content"><div class="modal-body">{body}</div></div></div></div>')


def test_an_impressum_in_a_closed_aria_hidden_modal_is_read() -> None:
    """Class: the Impressum is a Bootstrap modal marked aria-hidden until opened — its text was dropped."""
    site = "https://quendelhaus.github.io/web/"
    imp = ('<h2 class="text-uppercase">Impressum</h2><p><strong>Quendelhaus Kultur- &amp; Lernhaus e.V.</strong></p>'
           "<p>Ahornweg 7</p><p>99998 Quendelstadt</p><p>Vertreten durch den Vorstand:</p>"
           "<p>Lars Quendelberg (1. Vorsitzender)</p><p>E-Mail: quendelhaus@gmail.com</p>"
           "<p>Eingetragen im Vereinsregister:</p><p>Amtsgericht Quendelstadt, VR 12345</p>")
    home = ('<h1>Quendelhaus</h1><p>Kurse für Kinder und Jugendliche.</p><footer><a data-bs-toggle="modal" '
            'href="#impressumModal">Impressum</a></footer>' + _MODAL.format(id="impressumModal", body=imp))
    facts = site_facts({"home": home}, site=site)
    assert facts.company_name == "Quendelhaus Kultur- & Lernhaus e.V."
    assert (facts.street, facts.postal_code, facts.city) == ("Ahornweg 7", "99998", "Quendelstadt")
    assert facts.register_number == "VR 12345"
    assert facts.representatives == ["Lars Quendelberg"]


def test_the_impressum_section_comes_before_the_privacy_sections_controller() -> None:
    """Class: a one-page site prints its privacy policy, then its Impressum; the policy's controller ("1.
    Verantwortlicher") restates the provider in other words and hid the Impressum's own block."""
    site = "https://www.quendelhaus.de/"
    home = ("<h1>Quendelhaus</h1><p>Kurse für Kinder.</p><h2>Datenschutz</h2><h3>1. Verantwortlicher</h3>"
            "<p>Verantwortlicher im Sinne der Datenschutz-Grundverordnung (DSGVO) ist:</p>"
            "<p>Quendelhaus Kultur- und Lernhaus e.V.</p><p>Ahornweg 7, 99998 Quendelstadt</p>"
            "<h3>2. Hosting</h3><p>Wir hosten bei einem Anbieter.</p><h2>Impressum</h2>"
            "<p><strong>Quendelhaus Kultur- &amp; Lernhaus e.V.</strong></p><p>Ahornweg 7</p><p>99998 Quendelstadt</p>"
            "<p>Eingetragen im Vereinsregister:</p><p>Amtsgericht Quendelstadt, VR 12345</p>")
    facts = site_facts({"home": home}, site=site)
    assert facts.company_name == "Quendelhaus Kultur- & Lernhaus e.V."
    assert facts.street == "Ahornweg 7"


# ------------------------------------------------------------------ (4) trade name and owner
def test_an_owner_role_printed_under_the_person_leaves_the_trade_name_below_it() -> None:
    """Class: "<person>" / "Inhaber" / "<trade name>" — the role under the person was read as the label of the next
    line: the trade name became the owner and the owner the name."""
    site = "https://www.quendelauto.ch/"
    contact = ("<h1>Kontakt</h1><p>Wir freuen uns über Ihre Kontaktaufnahme.</p><p>Thomas Quendel</p><p>Inhaber</p>"
               "<p>Quendel Autohandel</p><p>Ahornrain 7</p><p>2999 Quendelfingen</p><p>Tel: 032 123 45 67</p>"
               "<p>Email: info@quendelauto.ch</p>")
    facts = site_facts({"home": "<h1>Occasionen</h1>", "kontakt": contact}, site=site)
    assert facts.company_name == "Quendel Autohandel"
    assert facts.representatives == ["Thomas Quendel"]


def test_a_line_the_domain_spells_is_the_trade_name_not_a_person() -> None:
    """Class: a person's line and a trade name's line whose words could be a name ("<X> vom Tal von <Y>", "<Isle>
    Taxi <Town>"); the domain spells the trade name, so it is the name and the other line its owner."""
    site = "https://www.birkentaxi-quendelstadt.de/"
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><p>Okoro Quendel</p><p>Birken Taxi Quendelstadt</p>"
            "<p>Ahornweg 5b</p><p>99998 Quendelstadt</p><p>Kontakt</p><p>info@birkentaxi-quendelstadt.de</p>")
    facts = imprint(body, site=site)
    assert facts.company_name == "Birken Taxi Quendelstadt"
    assert facts.representatives == ["Okoro Quendel"]


# ------------------------------------------------------------------ (5) representatives printed in other forms
def test_a_representative_set_as_a_smaller_heading_under_a_heading_label() -> None:
    """Class: the Impressum sets "Vertreten durch" as a heading and the person as a smaller heading under it."""
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><h6>quendelmotion GmbH</h6><h6>Ahornstr. 41</h6>"
            "<h6>99998 Quendelstadt</h6><h4>Vertreten durch</h4><h6>Okoro Quendelbaum</h6><h4>Kontakt</h4>"
            "<p>E-Mail: info@quendel-beispiel.de</p><h4>Registereintrag</h4><p>Registergericht: Amtsgericht "
            "Quendelstadt</p><p>Registernummer: HRB 12345</p>")
    facts = imprint(body)
    assert facts.company_name == "quendelmotion GmbH"
    assert facts.representatives == ["Okoro Quendelbaum"]


def test_the_privacy_policys_controller_with_its_owner_in_a_bracket() -> None:
    """Class: the Impressum names the trade name only; the provider's own privacy policy names the controller as
    "<trade name> (Inh. <person>)" — she owns it."""
    site = "https://www.quendelcraft.de/"
    imp = ("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG.</p><h3>Diensteanbieter</h3><p>QuendelCraft</p>"
           "<h3>Anschrift</h3><p>Ahornstraße 16, 99998 Quendelstadt</p><h3>Kontakt</h3>"
           "<p>E-Mail: quendelcraft@gmail.com</p>")
    privacy = ("<h1>Datenschutzerklärung</h1><h2>1. Verantwortlicher</h2><p>Verantwortlich im Sinne der DSGVO ist:</p>"
               "<p>QuendelCraft (Inh. Mira Quendelbaum)</p><p>E-Mail: quendelcraft@gmail.com</p>")
    facts = site_facts({"home": "<h1>Willkommen</h1>", "impressum": imp, "datenschutz": privacy}, site=site)
    assert facts.company_name == "QuendelCraft"
    assert facts.representatives == ["Mira Quendelbaum"]


def test_a_person_named_by_the_notice_whose_surname_the_domain_spells_runs_the_business() -> None:
    """Class: the Impressum names only "<rare given name> <surname>" and the domain is "<trade>-<surname>": she runs
    the business under her family's name, so she is its representative."""
    site = "https://www.sonnengarten-quendel.de/"
    body = ("<h1>IMPRESSUM</h1><p>Angaben gemäß § 5 DDG:<br><br>"
            "Zorinella Quendel<br>Ahornweg 68<br>99998 Quendelstadt<br><br>Kontakt:<br><br>"
            "Telefon: 03456 4817<br>E-Mail: hallo(at)sonnengarten-quendel.de</p>")
    facts = imprint(body, site=site)
    assert facts.company_name == "Zorinella Quendel"
    assert facts.representatives == ["Zorinella Quendel"]


def test_the_person_under_the_trade_name_in_the_privacy_controller_block_owns_it() -> None:
    """Class: the Impressum prints the trade name that carries a surname; the provider's own privacy policy prints
    the same name and, under it, the person of that surname: he is the owner."""
    site = "https://www.quendelferien.de/"
    imp = ("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG:</p><p>Kontakt:</p><p>Ferienwohnung Quendel<br>Ahornweg 6<br>"
           "99998 Quendelstadt<br>Telefon: 03456 / 314<br>Email: info@quendelferien.de</p>")
    privacy = ("<h1>Datenschutzerklärung</h1><h2>1. Verantwortlicher</h2><p>Verantwortlicher im Sinne der "
               "Datenschutz-Grundverordnung (DSGVO) ist:</p><p>Ferienwohnung Quendel<br>Okoro Quendel<br>Ahornweg 6"
               "<br>99998 Quendelstadt</p>")
    facts = site_facts({"home": "<h1>Willkommen</h1>", "impressum": imp, "datenschutz": privacy}, site=site)
    assert facts.company_name == "Ferienwohnung Quendel"
    assert facts.representatives == ["Okoro Quendel"]


# ------------------------------------------------------------------ (8) a degree after the person
def test_a_degree_after_the_person_is_no_trade_name() -> None:
    """Class: "<person> · Master of Science (<subject>)" in a footer's Impressum — the degree was the name."""
    site = "https://www.praxis-quendel.de/"
    home = ("<h1>Psychotherapie</h1><p>Über mich: Psychotherapeut mit Schwerpunkt Verhaltenstherapie.</p><footer>"
            "<p>Impressum</p><p>Lars Quendelberg · Master of Science (Psychologie)<br>"
            "Psychologischer Psychotherapeut (VT)<br>Ahornweg 23 · 99998 Quendelstadt<br>"
            "Telefon: 0176 12345678 · post (at) praxis-quendel.de</p><p>© Lars Quendelberg 2026</p></footer>")
    facts = site_facts({"home": home}, site=site)
    assert facts.company_name == "Lars Quendelberg"
    assert facts.representatives == ["Lars Quendelberg"]


def test_the_vat_label_ends_the_section_of_a_professional_title_label() -> None:
    """Class: "Berufsbezeichnung:" (a third party's section) alone in its block, the title, then the provider's own
    "Umsatzsteuer-Identifikationsnummer" / "USt-IdNr.: DE…" — the VAT id was read inside the title's section."""
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>Zorinella Quendel<br>Ahornstrasse 19<br>"
            "99998 Quendelstadt</p><h3>Kontakt</h3><p>E-Mail: zorinella@quendel-beispiel.de</p>"
            "<p><strong>Berufsbezeichnung:</strong></p><p>Gesundheitspraktikerin (ABCD), Coach.</p>"
            "<p>Umsatzsteuer-Identifikationsnummer</p><p>USt-IdNr.: DE123456788</p>")
    assert imprint(body).vat_id == "DE123456788"


# ------------------------------------------------------------------ (8) a mailbox on another domain, in the Impressum
def test_a_mailbox_the_impressum_prints_in_the_providers_block_outweighs_one_privacy_mention() -> None:
    """Class: the provider's block prints "E-Mail: info@<other domain>" (a firm named after its mail domain, on its
    owner's site) and the privacy policy's rights section ("wenden Sie sich an:") prints it once more — the address
    was dropped as a third party's."""
    site = "https://www.lars-quendelberg.de/"
    imp = ("<h1>Impressum</h1><h2>Angaben gemäß § 5 TMG</h2><p><b>quendel.de Media UG (haftungsbeschränkt)</b><br>"
           "Ahornallee 33<br>99998 Quendelstadt</p><p>Telefon: +49 (0) 3456-123456<br>E-Mail: info@quendel.de</p>"
           "<p>Registergericht: Amtsgericht Quendelstadt<br>Registernummer: HRB 12345</p>")
    privacy = ("<h1>Datenschutzerklärung</h1><h2>1. Verantwortlicher</h2><p>quendel.de Media UG (haftungsbeschränkt)"
               "<br>Ahornallee 33<br>99998 Quendelstadt<br>E-Mail: info@quendel.de</p><h2>5. Ihre Rechte</h2>"
               "<h3>Beschwerderecht bei der Aufsichtsbehörde</h3>"
               "<p><b>Zur Ausübung Ihrer Rechte wenden Sie sich an:</b><br>info@quendel.de</p>")
    facts = site_facts({"home": "<h1>Lars Quendelberg</h1>", "impressum": imp, "datenschutz": privacy}, site=site)
    assert "info@quendel.de" in facts.emails


# ------------------------------------------------------------------ (8) the house number on a labelled line
def test_a_labelled_house_number_joins_the_street_above_it() -> None:
    """Class: "In der <Flur>" / "Hausnummer 7-9" / postal code — the house number's line was read as the street."""
    body = ("<h1>Impressum</h1><p>Zorinella Quendel</p><p>Handy: 0157 12345678</p><p>kontakt@quendel-beispiel.de</p>"
            "<p>In der Ahornwiese</p><p>Hausnummer 7-9</p><p>99998 Quendelstadt</p>")
    facts = imprint(body)
    assert (facts.street, facts.postal_code, facts.city) == ("In der Ahornwiese 7-9", "99998", "Quendelstadt")


# ------------------------------------------------------------------ (4) an English designation under the person
def test_an_english_designation_under_the_person_is_no_trade_name() -> None:
    """Class: the footer's letterhead "<person>" / "Strategic Marketing Leadership" / "Performance &
    Branding Strategy" / the seat — the designation was taken as the name, the block lost credit and a logo word won."""
    site = "https://quendel.me/"
    home = ("<h1>QUENDEL</h1><p>Markenentwicklung mit Tiefe.</p><footer><h4>Lars Quendelberg</h4>"
            "<p>Strategic Marketing Leadership<br>Performance &amp; Branding Strategy</p>"
            "<p>Ahornweg 14/3<br>1999 Wien, Österreich</p><h4>Kontakt</h4><p>lars.quendelberg@gmail.com</p></footer>")
    facts = site_facts({"home": home}, site=site)
    assert facts.company_name == "Lars Quendelberg"
    assert facts.representatives == ["Lars Quendelberg"]


def test_a_firm_label_keeps_the_owner_inside_the_name_as_printed() -> None:
    """Class: "Unternehmen:" / "<trade word> <owner>" on a domain spelling the trade word — the owner was cut off
    the name (the label says the line is the firm's name as printed)."""
    site = "https://quendelspass.at/"
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 ECG</p><p>Unternehmen:</p><p>Quendelspaß Lars Quendelberg</p>"
            "<p>Adresse:</p><p>Ahornstraße 8<br>9999 Quendeltal<br>Österreich</p><h3>Kontakt</h3>"
            "<p>E-Mail: info@quendelspass.at</p><p>Unternehmensform:</p><p>Einzelunternehmen</p>")
    facts = imprint(body, site=site)
    assert facts.company_name == "Quendelspaß Lars Quendelberg"
    assert facts.representatives == ["Lars Quendelberg"]
