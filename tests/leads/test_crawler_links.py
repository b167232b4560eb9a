"""Discovery of Impressum/contact/about/team pages, and the render heuristics."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from services.leads.crawler import net
from services.leads.crawler.heuristics import analyse, render_reason
from services.leads.crawler.links import (
    extract_links,
    fold,
    frame_urls,
    page_key,
    partial_urls,
    pick_pages,
    same_site,
    script_links,
)

HOME = "https://www.acme-gmbh.de/"


def pick(body: str, home: str = HOME, limit: int = 7) -> dict[str, str]:
    tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
    links = extract_links(tree, home)
    chosen = pick_pages(links, net.parse_url(home), exclude={page_key(home)}, limit=limit)
    return {c.kind: c.url for c in chosen}


def test_german_site():
    found = pick(
        """<nav><a href="/">Start</a><a href="/leistungen">Leistungen</a><a href="/wir-ueber-uns/">Wir über uns</a>
        <a href="/team.html">Unser Team</a></nav>
        <footer><a href="/datenschutz">Datenschutz</a><a href="/impressum">Impressum</a>
        <a href="/kontakt">Kontakt</a><a href="/agb">AGB</a></footer>"""
    )
    assert found == {
        "impressum": "https://www.acme-gmbh.de/impressum",
        "contact": "https://www.acme-gmbh.de/kontakt",
        "about": "https://www.acme-gmbh.de/wir-ueber-uns/",
        "team": "https://www.acme-gmbh.de/team.html",
    }


def test_an_info_page_is_the_contact_page_only_without_a_better_one():
    """A small studio's menu "News / Piercing / Galerie / Info" (the address and hours under "Info"): no contact link
    by a better name, so the "Info" page is fetched as the contact page; "Kontakt" beside it wins (rules round 18)."""
    menu = '<nav><a href="index.html">NEWS</a><a href="galerie.html">GALERIE</a><a href="info.html">INFO</a></nav>'
    assert pick(menu)["contact"] == "https://www.acme-gmbh.de/info.html"
    both = menu + '<footer><a href="/kontakt">Kontakt</a></footer>'
    assert pick(both)["contact"] == "https://www.acme-gmbh.de/kontakt"
    assert "contact" not in pick('<a href="/infos-zum-produkt">Infos zum Produkt</a>')


def test_a_misspelt_impressum_link_is_the_impressum():
    assert pick('<footer><a href="/impressium">Impressium</a></footer>')["impressum"].endswith("/impressium")


def test_english_and_attribute_only_links():
    found = pick(
        """<a href="/legal-notice" title="Legal notice"><svg></svg></a>
        <a href="/c" aria-label="Contact us"><i class="icon"></i></a>
        <a href="/company/about-us">Who we are</a><a href="/privacy">Privacy policy</a>
        <a href="/people"><img alt="Our team" src="t.png"></a>""",
        home="https://techfirm.io/",
    )
    assert found["impressum"].endswith("/legal-notice")
    assert found["contact"].endswith("/c")
    assert found["about"].endswith("/company/about-us")
    assert found["team"].endswith("/people")


@pytest.mark.parametrize(
    "text",
    [
        "Impressum",
        "IMPRESSUM",
        "Imprint",
        "Legal Notice",
        "Rechtliches",
        "Anbieterkennzeichnung",
        "Impressum & Datenschutz",
    ],
)
def test_impressum_spellings(text):
    assert pick(f'<a href="/seite-17">{text}</a>') == {"impressum": "https://www.acme-gmbh.de/seite-17"}


def test_url_alone_is_enough_and_privacy_is_not_impressum():
    found = pick('<a href="/datenschutz">Datenschutzerklärung</a><a href="/de/impressum.php">§</a>')
    assert found == {"impressum": "https://www.acme-gmbh.de/de/impressum.php"}


def test_other_sites_files_and_home_are_skipped():
    found = pick(
        """<a href="https://agentur.example/impressum">Impressum der Agentur</a>
        <a href="/impressum.pdf">Impressum</a><a href="/index.html">Unternehmen</a>
        <a href="https://shop.acme-gmbh.de/kontakt">Kontakt</a><a href="mailto:info@acme-gmbh.de">Kontakt</a>"""
    )
    assert found == {"contact": "https://shop.acme-gmbh.de/kontakt"}  # subdomains are the same site


def test_one_url_serves_several_kinds_once():
    found = pick('<a href="/impressum-kontakt">Impressum / Kontakt</a>')
    assert list(found.values()) == ["https://www.acme-gmbh.de/impressum-kontakt"]


def test_limit_prefers_impressum():
    found = pick('<a href="/team">Team</a><a href="/impressum">Impressum</a><a href="/kontakt">Kontakt</a>', limit=1)
    assert found == {"impressum": "https://www.acme-gmbh.de/impressum"}


def test_base_href_and_frames():
    tree = LexborHTMLParser('<head><base href="/de/"></head><body><a href="impressum.html">Impressum</a></body>')
    assert extract_links(tree, HOME)[0].url == "https://www.acme-gmbh.de/de/impressum.html"
    frames = LexborHTMLParser('<frameset><frame src="nav.html"><frame src="main.html"></frameset>')
    assert frame_urls(frames, HOME) == [HOME + "nav.html", HOME + "main.html"]


def test_same_site_and_fold():
    assert same_site(net.parse_url("https://www.acme.co.uk/"), net.parse_url("http://acme.co.uk/x"))
    assert not same_site(net.parse_url("https://acme.co.uk/"), net.parse_url("https://other.co.uk/"))
    assert same_site(net.parse_url("http://acme.test:8080/"), net.parse_url("http://www.acme.test:8080/"))
    assert not same_site(net.parse_url("http://acme.test:8080/"), net.parse_url("http://acme.test:8081/"))
    assert fold("Über uns \N{EN DASH} Wir") == "ueber uns wir"


def _reason(doc: str, *, is_home: bool = True, impressum: bool = True) -> str | None:
    return render_reason(analyse(LexborHTMLParser(doc)), is_home=is_home, impressum_found=impressum)


def test_render_heuristics():
    text = "<p>" + "Wir sind ein Handwerksbetrieb in Bremen. " * 20 + "</p>"
    assert _reason(f"<body>{text}</body>") is None
    assert _reason(f"<body>{text}</body>", impressum=False) is None  # no scripts: nothing to render
    assert _reason('<body><div id="root"></div><script src="/app.js"></script></body>') == "empty app root element"
    assert "noscript" in _reason(
        f"<body>{text}<noscript>Bitte aktivieren Sie JavaScript.</noscript><script>x()</script></body>"
    )
    assert "little visible text" in _reason("<body><p>Loading…</p><script src=a.js></script></body>")
    assert "footer" in _reason(f"<body>{text}<footer id=footer></footer><script src=f.js></script></body>")
    assert "Impressum" in _reason(f"<body>{text}<script src=f.js></script></body>", impressum=False)
    assert _reason(f"<body>{text}<script src=f.js></script></body>", is_home=False, impressum=False) is None
    assert _reason('<body><script type="application/ld+json">{}</script><p>hi</p></body>') is None


@pytest.mark.parametrize(
    "text,href,kind",
    [
        ("Find us", "/find-us.html", "contact"),
        ("So finden Sie uns", "/weg", "contact"),
        ("Our story", "/story", "about"),
        ("Über mich", "/person", "about"),
        ("Meet the team", "/crew", "team"),
        ("Geschäftsleitung", "/gl", "team"),
        ("Anbieterkennzeichnung", "/x", "impressum"),
    ],
)
def test_more_link_wordings(text, href, kind):
    assert pick(f'<a href="{href}">{text}</a>') == {kind: "https://www.acme-gmbh.de" + href}


def test_page_addresses_written_by_script_are_links():
    """A footer link a script writes, a partial it loads, a modal's legal page and a button's onclick: the address
    (or the element's text) names the page; other strings of the script and media in data attributes do not."""
    tree = LexborHTMLParser(
        """<body><footer><span id="legal"></span></footer>
        <script>const a = document.createElement("a"); a.href = "rechtliches.html"; legal.append(a);
        $("#footer").load("partials/footer.html?v=" + Date.now()); const api = "/api/items", css = "x.css";
        </script>
        <script src="modal.js" data-legal-src="impressum-text.html"></script>
        <button onclick="location.href='/kontakt.php'">Schreiben Sie uns</button>
        <img data-src="img/impressum.jpg"><div data-page="ueber-uns.html">Über uns</div></body>"""
    )
    links = script_links(tree, HOME)
    assert [link.url for link in links] == [
        HOME + "rechtliches.html",
        HOME + "partials/footer.html",
        HOME + "kontakt.php",
        HOME + "impressum-text.html",
        HOME + "ueber-uns.html",
    ]
    chosen = pick_pages(links, net.parse_url(HOME), exclude={page_key(HOME)}, limit=7)
    assert {c.kind: c.url for c in chosen} == {
        "impressum": HOME + "rechtliches.html",
        "contact": HOME + "kontakt.php",
        "about": HOME + "ueber-uns.html",
    }
    assert partial_urls(links, net.parse_url(HOME), exclude=set()) == [HOME + "partials/footer.html"]
    assert script_links(LexborHTMLParser('<script type="text/template">"impressum.html"</script>'), HOME) == []


def test_association_page_is_about_only_without_a_better_one():
    """An association's "Verein" page (board, officials) is its about page, unless an "Über uns" link exists."""
    club = pick('<nav><a href="/termine.html">Termine</a><a href="/verein.html">Verein</a></nav>')
    assert club["about"] == "https://www.acme-gmbh.de/verein.html"
    both = pick('<nav><a href="/verein.html">Verein</a><a href="/ueber-uns.html">Über uns</a></nav>')
    assert both["about"] == "https://www.acme-gmbh.de/ueber-uns.html"


def test_unrendered_template_addresses_are_no_links():
    tree = LexborHTMLParser('<a href="{{ site.baseurl }}/kontakt">Kontakt</a><a href="/impressum">Impressum</a>'
                            "<script>go('{{ page.url }}/team.html')</script>")
    urls = [link.url for link in extract_links(tree, HOME) + script_links(tree, HOME)]
    assert urls == ["https://www.acme-gmbh.de/impressum"]
