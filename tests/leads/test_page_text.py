"""What the crawl keeps of a page: the text a visitor sees (hidden text and attributes left out — they are
where prompt injections hide), title, description, language, visible links, size-capped."""

from __future__ import annotations

from services.leads.crawler.text import MAX_PAGE_CHARS, describe_page, style_hides, visible_text
from tests.ai.pages import ATTACKER_EMAIL, ATTACKER_URL, INJECTION, page


def test_visible_text_leaves_out_hidden_text_and_attributes() -> None:
    text = visible_text(INJECTION).text
    assert "Wir bauen Pumpen" in text
    assert ATTACKER_EMAIL not in text and ATTACKER_URL not in text and "Eve Attacker" not in text
    css = page('<p class="x">hidden by class</p><p id=y>hidden by id</p><span style="font-size:0">tiny</span>'
               '<p style="color:#111;background:#111">same colour</p><p aria-hidden="true">aria</p><p>shown</p>',
               head="<style>.x{display:none} #y { visibility: hidden }</style>")
    assert visible_text(css).text == "shown"
    assert style_hides("color: white") and style_hides("position:absolute; left:-9999px")
    assert not style_hides("color: white; background-color: #003366") and not style_hides("color: #333")



def test_a_page_is_kept_with_title_description_language_links_and_a_size_cap() -> None:
    html = page('<p>Hallo</p><a href="/kontakt">Kontakt</a><a href="mailto:a@b.de" hidden>x</a>' + "x " * 80_000,
                head='<meta name="description" content="Pumpen aus Kassel">')
    kept = describe_page(html, "https://x.de/", "home")
    assert kept["title"] == "Muster Pumpen GmbH" and kept["description"] == "Pumpen aus Kassel"
    assert kept["language"] == "de" and kept["links"] == ["/kontakt"] and kept["kind"] == "home"
    assert len(str(kept["text"])) == MAX_PAGE_CHARS and kept["bytes"] == len(html)
