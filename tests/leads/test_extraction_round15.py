"""Extraction rules of round 15 (issue 12): the miss classes of the folded holdout14.

One small page per class of layout: a site on a shared static host (GitHub Pages and the like) whose account or
project name spells the business, and on such a host a brand caption printed after the phone and e-mail lines of a
contact block. Every name, address and number below is invented; none is copied from a corpus page.
"""

from __future__ import annotations

from services.leads.extraction import CompanyFacts, PageContent, extract_company
from services.leads.extraction.site import site_label


def _page(body: str, *, site: str, kind: str, title: str = "t") -> PageContent:
    html = f'<!doctype html><html lang="de"><head><title>{title}</title></head><body>{body}</body></html>'
    return PageContent(url=f"{site}{kind}.html", html=html, kind=kind)


def _imprint(body: str, *, site: str = "https://www.quendel-beispiel.de/") -> CompanyFacts:
    return extract_company([_page("<h1>Willkommen</h1>", site=site, kind="home"),
                            _page(body, site=site, kind="impressum")], site_url=site)


# ------------------------------------------------------------------ shared static host
def test_shared_host_label_is_the_account_and_the_project() -> None:
    assert site_label("https://quendelklang.github.io/website/") == "quendelklang-website"
    assert site_label("https://lea123.github.io/Klang-Raum/") == "lea123-klang-raum"
    assert site_label("https://quendelklang.pages.dev/") == "quendelklang"
    assert site_label("https://www.quendel-beispiel.de/impressum.html") == "quendel-beispiel"


def test_trade_name_above_the_person_on_a_shared_host_is_the_name() -> None:
    # the account spells the studio: the line above the person is its trade name, the person its owner
    body = ("<h1>Impressum</h1><p>Angaben gemäß § 5 ECG</p><p>Quendel &amp; Klang Studio<br>Lea Quendelmayr<br>"
            "Ahornweg 7<br>9998 Quendelstadt</p><p>E-Mail: lea.q@gmail.com</p>")
    facts = _imprint(body, site="https://quendelundklangstudio.github.io/webseite/")
    assert facts.company_name == "Quendel & Klang Studio"
    assert facts.representatives == ["Lea Quendelmayr"]
    # the project path spells it when the account is a user name
    facts = _imprint(body.replace("Quendel &amp; Klang Studio", "Klangraum Quendelstadt"),
                     site="https://lq4711.github.io/Klangraum-Quendelstadt/")
    assert facts.company_name == "Klangraum Quendelstadt"


def test_brand_caption_after_the_channels_stays_a_caption_when_the_host_spells_it() -> None:
    # no Impressum: the footer prints the person above the address; the contact block lists phone, e-mail and
    # the Instagram caption before the same address. The caption is a channel, not the provider's name.
    site = "https://quendelnails.pages.dev/"
    footer = "<footer><p>über mich</p><p>Lea Quendelmayr<br>Ahornweg 7<br>3999 Quendelstadt</p></footer>"
    pages = [_page(f"<h1>Nägel</h1><p>Willkommen im Studio.</p>{footer}", site=site, kind="home"),
             _page("<h1>Kontakt</h1><p>Kontakt</p><p>079 123 45 67</p><p>lea.q@gmail.com</p><p>Quendel Nails</p>"
                   f"<p>Ahornweg 7, 3999 Quendelstadt</p>{footer}", site=site, kind="contact")]
    facts = extract_company(pages, site_url=site)
    assert facts.company_name == "Lea Quendelmayr"


# ------------------------------------------------------------------ designation on the name line
def test_feminine_job_title_after_the_person_is_no_part_of_name_or_representative() -> None:
    # a paragraph broken only by source newlines renders as one line: person, what she is, her field
    facts = _imprint("<h1>Impressum</h1><p>Dr. Lea Quendelmayr\nTierärztin für Kleintiere\n</p>"
                     "<p>Ahornweg 7<br>99998 Quendelstadt</p><p>E-Mail: praxis@quendel-beispiel.de</p>")
    assert facts.company_name == "Dr. Lea Quendelmayr"
    assert facts.representatives == ["Dr. Lea Quendelmayr"]


def test_job_title_after_a_dash_on_the_trade_name_line_is_dropped() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Yogaraum Quendel - Hatha &amp; Yin Yogalehrerin<br>Lea Maria Quendel<br>"
                     "Ahornweg 7<br>99998 Quendelstadt</p><p>E-Mail: lea@leaquendel.de</p>",
                     site="https://yoga.leaquendel.de/")
    assert facts.company_name == "Yogaraum Quendel"


def test_suspended_compound_after_the_person_is_the_trade() -> None:
    # "Garten- & Landschaftsbau": the word with the dangling hyphen starts the trade, not a third name
    facts = _imprint("<h1>Impressum</h1><p>Jonas Quendelmayr Garten- &amp; Landschaftsbau<br>Ahornweg 7<br>"
                     "99998 Quendelstadt</p><p>Verantwortlich: Jonas Quendelmayr</p>")
    assert facts.representatives == ["Jonas Quendelmayr"]


# ------------------------------------------------------------------ Austrian FN label with a colon
def test_fn_label_with_a_colon_and_the_check_letter_glued_to_the_number() -> None:
    facts = _imprint("<h1>Impressum</h1><p>Quendel Systeme GmbH<br>Ahornweg 7<br>9998 Quendelstadt<br>Österreich</p>"
                     "<p>Geschäftsführer: Jonas Quendel<br>FN: 123456q<br>UID: ATU12345678</p>",
                     site="https://www.quendel-beispiel.at/")
    assert facts.register_number == "FN 123456 q"
