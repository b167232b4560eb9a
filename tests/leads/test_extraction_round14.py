"""Extraction rules of round 14 (issue 12): the miss classes of the folded holdout13.

One small page per class of layout: a register number printed in digit groups, a bracket that only states the form
of business on the name line, a quoted trade name with its owner on one line, a club's kind on one line and its
federation number and town on the next, a block whose only contact line is a mailbox spelled with "kontakt", a
business label that says the name is given in full, a numbered section heading citing an article of the law, and two
owners on one line of whom only one has a known given name. Every name, address and number below is invented; none
is copied from a corpus page.
"""

from __future__ import annotations

from services.leads.extraction import CompanyFacts, PageContent, extract_company
from services.leads.extraction.notice import name_like
from services.leads.extraction.provider import strip_status_paren


def _page(body: str, *, site: str, kind: str, title: str = "t") -> PageContent:
    html = f'<!doctype html><html lang="de"><head><title>{title}</title></head><body>{body}</body></html>'
    return PageContent(url=f"{site}{kind}.html", html=html, kind=kind)


def _imprint(body: str, *, site: str = "https://www.quendel-beispiel.de/") -> CompanyFacts:
    return extract_company([_page("<h1>Willkommen</h1>", site=site, kind="home"),
                            _page(body, site=site, kind="impressum")], site_url=site)


# ------------------------------------------------------------------ register number in digit groups
def test_register_number_printed_in_digit_groups_is_read_whole() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Quendel Systeme GmbH<br>Ahornweg 7<br>99998 Quendelstadt</p>"
                     "<p>Geschäftsführer: Jonas Quendel<br>Amtsgericht Quendelstadt, HRB 31 72 05<br>"
                     "USt-IdNr.: DE 123456788</p>")
    assert facts.register_number == "HRB 317205"


def test_register_number_with_suffix_and_date_after_it_is_unchanged() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Quendel Systeme GmbH<br>Ahornweg 7<br>99998 Quendelstadt</p>"
                     "<p>Registergericht: Amtsgericht Quendelstadt HRB 4711 B</p>")
    assert facts.register_number == "HRB 4711 B"
    facts = _imprint("<h1>Impressum</h1><p>Quendel Systeme GmbH<br>Ahornweg 7<br>99998 Quendelstadt</p>"
                     "<p>Eingetragen unter HRB 123 12.03.2020 beim Amtsgericht Quendelstadt</p>")
    assert facts.register_number == "HRB 123"


# ------------------------------------------------------------------ form-of-business bracket
def test_bracket_stating_the_form_of_business_is_no_part_of_the_name() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Lea Quendel<br>Klangraum Quendelstadt (Einzelunternehmerin)<br>"
                     "Ahornweg 7<br>99998 Quendelstadt</p><p>E-Mail: lea@quendel-beispiel.de</p>")
    assert facts.company_name == "Klangraum Quendelstadt"
    assert facts.representatives == ["Lea Quendel"]


def test_status_bracket_on_a_line_of_its_own_is_dropped_too() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Klangraum Quendelstadt<br>(Einzelunternehmen)<br>"
                     "Inhaberin: Lea Quendel<br>Ahornweg 7<br>99998 Quendelstadt</p>")
    assert facts.company_name == "Klangraum Quendelstadt"
    assert strip_status_paren("Muster Beratung (Kleinunternehmer)") == "Muster Beratung"
    assert strip_status_paren("Muster UG (haftungsbeschränkt)") == "Muster UG (haftungsbeschränkt)"


# ------------------------------------------------------------------ quoted trade name and owner on one line
def test_quoted_trade_name_then_owner_on_one_line() -> None:
    facts = _imprint('<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG:</h2><p>"Gästezimmer Quendel" '
                     "Lea Quendel-Ahorn</p><p>Ahornweg 7</p><p>99998 Quendelstadt</p>")
    assert facts.company_name == "Gästezimmer Quendel"
    assert facts.representatives == ["Lea Quendel-Ahorn"]


# ------------------------------------------------------------------ a club's name broken before its number
def test_club_kind_then_federation_number_and_town_is_one_name() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>Geflügelzuchtverein<br>Q417 Quendelstadt</p>"
                     "<p><strong>Vertreten durch:</strong><br>Jonas Quendel</p><p>Ahornweg 7<br>99998 Quendelstadt</p>")
    assert facts.company_name == "Geflügelzuchtverein Q417 Quendelstadt"
    assert facts.representatives == ["Jonas Quendel"]


# ------------------------------------------------------------------ a "kontakt@" mailbox is the block's contact line
def test_block_without_seat_whose_mailbox_reads_kontakt() -> None:
    site = "https://www.quendelwerk.ch/"
    facts = extract_company([
        _page("<h1>Quendelwerk</h1>", site=site, kind="home", title="Quendelwerk"),
        _page("<main><h1>Rechtliches</h1><h2>Betreiber</h2><p><strong>Jonas Quendel</strong></p><p>Quendelwerk</p>"
              "<p>Schweiz</p><h2>Kontakt</h2><p>kontakt@quendelwerk.ch</p><h2>Inhalte und Rechte</h2>"
              "<p>Alle Texte sind geschützt.</p></main>", site=site, kind="impressum", title="Quendelwerk")],
        site_url=site)
    assert facts.company_name == "Quendelwerk"
    assert facts.representatives == ["Jonas Quendel"]


# ------------------------------------------------------------------ a label saying the name is given in full
def test_label_for_the_full_firm_name_without_colon() -> None:
    facts = _imprint("<h1>Impressum</h1><div><span>Vollständiger Firmenname</span><div>Quendel Datentechnik</div>"
                     "</div><div><span>Inhaber</span><div>Jonas Quendel</div></div><div><span>Adresse</span>"
                     "<div>Ahornweg 7, 99998 Quendelstadt</div></div>")
    assert facts.company_name == "Quendel Datentechnik"
    assert facts.representatives == ["Jonas Quendel"]


# ------------------------------------------------------------------ a numbered section heading citing the law
def test_numbered_heading_citing_an_article_is_no_name() -> None:
    assert not name_like("1. Impressum (Art. 3 UWG)")
    assert not name_like("2. Kontakt")
    assert name_like("Quendel Werkstatt")
    facts = _imprint("<h1>Impressum</h1><h2>1. Impressum (Art. 3 UWG)</h2><p>Lea Quendel &amp; Jonas Ahorn</p>"
                     "<p>Ahornweg 7</p><p>9998 Quendelstadt</p><p>E-Mail: post@quendel-beispiel.de</p>",
                     site="https://www.quendel-beispiel.ch/")
    assert facts.company_name == "Lea Quendel & Jonas Ahorn"


# ------------------------------------------------------------------ two owners, one with a rare given name
def test_two_owners_on_one_line_one_with_a_rare_given_name() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>Lea Quendel &amp; Kjeldor Ahorn</p>"
                     "<p>Ahornweg 7</p><p>99998 Quendelstadt</p><p>E-Mail: post@quendel-beispiel.de</p>")
    assert facts.company_name == "Lea Quendel & Kjeldor Ahorn"
    assert sorted(facts.representatives) == ["Kjeldor Ahorn", "Lea Quendel"]


# ------------------------------------------------------------------ a kind of practice with an adjective
def test_adjective_kind_of_practice_under_the_person_is_no_name() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>Lea Quendel<br>Logopädische Praxis<br>"
                     "Ahornweg 7<br>99998 Quendelstadt</p><p>E-Mail: post@quendel-beispiel.de</p>")
    assert facts.company_name == "Lea Quendel"
    assert facts.representatives == ["Lea Quendel"]


# ------------------------------------------------------------------ no name line, the © line names the person
def test_practice_kind_block_without_imprint_takes_the_copyright_person() -> None:
    site = "https://www.quendel-praxis.ch/"
    footer = "<footer><p>© 2021 Lea Quendel</p></footer>"
    facts = extract_company([
        _page(f"<main><h1>Willkommen</h1><p>Ich begleite Sie.</p></main>{footer}", site=site, kind="home"),
        _page("<main><h1>Praxis und Kontakt</h1><p>Praxis für Kinesiologie<br>Ahornweg 7<br>3999 Quendelstadt</p>"
              f"<p>Telefon: +41 76 000 00 00</p><p>E-Mail: lea@quendel-praxis.ch</p></main>{footer}",
              site=site, kind="contact")], site_url=site)
    assert facts.company_name == "Lea Quendel"
    assert facts.representatives == ["Lea Quendel"]


# ------------------------------------------------------------------ owner's surname with an umlaut in the domain
def test_trade_name_with_owner_whose_surname_the_domain_spells_with_oe() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>Frisierstübchen Lea Brösel<br>"
                     "Inhaberin: Lea Brösel<br>Ahornweg 7<br>99998 Quendelstadt</p>",
                     site="https://www.frisierstuebchen-broesel.de/")
    assert facts.company_name == "Frisierstübchen Lea Brösel"
    assert facts.representatives == ["Lea Brösel"]


# ------------------------------------------------------------------ camel case or acronym under the person
def test_camel_case_word_under_the_person_is_a_trade_name() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>Jonas Quendel<br>PaddelQS<br>Ahornweg 7<br>"
                     "99998 Quendelstadt</p><p>E-Mail: post@quendel-beispiel.de</p>")
    assert facts.company_name == "PaddelQS"
    assert facts.representatives == ["Jonas Quendel"]


# ------------------------------------------------------------------ a feminine job title under the person
def test_feminine_job_title_with_offering_under_the_person_is_no_name() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäß § 5 ECG</h2><p>Lea Quendel<br>"
                     "Floristin \u2013 Sträuße und Gestecke für jeden Anlass<br>Ahornweg 7, 4999 Quendelstadt</p>"
                     "<p>E-Mail: post@quendel-beispiel.at</p>", site="https://www.quendel-beispiel.at/")
    assert facts.company_name == "Lea Quendel"
    assert facts.representatives == ["Lea Quendel"]


# ------------------------------------------------------------------ a host line with c/o under the person
def test_line_with_care_of_host_under_the_person_is_an_address_line() -> None:
    facts = _imprint("<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>Jonas Quendel<br>"
                     "Quendio c/o Gründerhaus Ahornpark<br>Ahornweg 7<br>99998 Quendelstadt</p>"
                     "<p>E-Mail: legal@quendio.de</p>")
    assert facts.company_name == "Jonas Quendel"
    assert facts.representatives == ["Jonas Quendel"]
    assert facts.street == "Ahornweg 7"


# ------------------------------------------------------------------ the non-profit UG's form on the line under the name
def test_gug_form_on_the_line_under_the_firm_is_joined() -> None:
    facts = _imprint("<h1>Imprint</h1><h4>QUENDEL KULTUR</h4><p>gUG (haftungsbeschraenkt)<br>Ahornweg 7, 99998 "
                     "Quendelstadt, Germany<br>CEO: Lea Quendel<br>Court of Registry: Amtsgericht Quendelstadt "
                     "HRB 271828</p>")
    assert facts.company_name == "QUENDEL KULTUR gUG (haftungsbeschraenkt)"
    assert facts.register_number == "HRB 271828"


# ------------------------------------------------------------------ the managing-director label with a dropped "s"
def test_managing_director_label_missing_its_s_still_names_the_representatives() -> None:
    facts = _imprint("<h1>Impressum</h1><p>quendio GbR<br>Ahornweg 7<br>99998 Quendelstadt</p>"
                     "<p>Geschäftführerinnen:<br>Lea Quendel und Mira Ahorn</p>")
    assert facts.company_name == "quendio GbR"
    assert sorted(facts.representatives) == ["Lea Quendel", "Mira Ahorn"]
