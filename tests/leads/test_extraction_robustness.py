"""The extractor never raises, whatever lines a provider block holds (issue 12).

A real site once crashed the block reader with a line of separators only (an en dash between the name and the street:
rules round 16's test of it). Here hypothesis builds Impressum pages from the pieces real blocks are made of (names,
labels with and without values, addresses, contact lines, separators, stray punctuation, headings) in any order and
markup, and the extractor must give facts (possibly empty) for every one of them.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.leads.extraction import CompanyFacts, PageContent, extract_company

SITE = "https://www.quendel-beispiel.de/"
PIECES = (
    "Quendel Malerei", "Quendel Malerei GmbH", "Anna Quendelmayr", "Inhaberin:", "Inhaberin: Anna Quendelmayr",
    "Geschäftsführer:", "Vertreten durch:", "Obmann", "Kassier", "Verein:", "Anschrift", "Adresse nicht angegeben",
    "Ahornweg 7", "99998 Quendelstadt", "A-9998 Quendeldorf", "Deutschland", "Telefon: 0123 456789",
    "Tel.", "Fax: +49 123 456780", "E-Mail: info@quendel-beispiel.de", "info(at)quendel-beispiel(dot)de",
    "Registergericht: Amtsgericht Quendelstadt", "HRB 12345", "VR 1234", "FN 123456 q", "USt-IdNr.: DE123456789",
    "UID: CHE-123.456.789 MWST", "Der Verein führt den Namen „Quendel Schützen e.V.“", "Willkommen beim Quendelverein",
    "© 2025 Quendel Malerei", "„Quendel“", "(in Gründung)", "i.Gr.", "M.Sc. Mathematik", "1. Vorsitzender",
    "\u2013", "\u2014", "•", "·", "|", "- -", ", ;", ":", "", " ", "…", "/", "&", "e.V.", "Impressum", "Kontakt",
)
# What other pages add: links behind words, JSON-LD (well and badly formed), tables, obfuscations, identifiers.
EXTRA = ('<a href="mailto:info@quendel-beispiel.de">E-Mail</a>', '<a href="tel:+49123456">Anrufen</a>',
         '<script type="application/ld+json">{"@type":"Organization","name":"Q","address":{"streetAddress":"X 1"}}'
         '</script>', '<script type="application/ld+json">[1,2,{"@graph":null}]</script>',
         "<table><tr><td>Inhaber</td><td>Anna</td></tr></table>", '<span data-cfemail="1a2b">[email]</span>',
         "<noscript>x</noscript>", "&nbsp;", "<hr>", "<footer>© 2024 \u2013</footer>",
         '<nav><a href="/impressum">Impressum</a></nav>', "Tel.: 0049 (0) 123 / 45 67-8", "+41 (0)44 123 45 67",
         "Firmenbuchgericht: Landesgericht", "ATU12345678", "Postfach 12", "c/o Muster", "D-12345", "CH-8000 Zürich")
TAGS = ("p", "div", "li", "h2", "h4", "td", "address", "footer", "header", "span", "strong")
MARKUP = ("{}", "<strong>{}</strong>", "<h3>{}</h3>", "<span>{}</span>", "<li>{}</li>", "{} | {}", "{}: {}")


@st.composite
def blocks(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.sampled_from(PIECES) | st.text(max_size=12), min_size=1, max_size=14))
    out = []
    for line in lines:
        template = draw(st.sampled_from(MARKUP))
        out.append(template.format(line, line) if template.count("{}") == 2 else template.format(line))
    joiner = draw(st.sampled_from(("<br>", "</p><p>", "\n", "<br><br>")))
    anchor = draw(st.sampled_from(("Angaben gemäß § 5 DDG", "Medieninhaber:", "Verantwortlich", "")))
    return f"<h1>Impressum</h1><p>{anchor}</p><p>{joiner.join(out)}</p>"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks())
def test_extraction_never_raises_on_any_provider_block(body: str) -> None:
    pages = [PageContent(url=SITE, html="<html><body><h1>Start</h1></body></html>", kind="home"),
             PageContent(url=f"{SITE}impressum.html", html=f"<html><body>{body}</body></html>", kind="impressum")]
    assert isinstance(extract_company(pages, site_url=SITE), CompanyFacts)


@st.composite
def pages_body(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 20))):
        tag, text = draw(st.sampled_from(TAGS)), draw(st.sampled_from(PIECES + EXTRA) | st.text(max_size=20))
        parts.append(f"<{tag}>{text}</{tag}>" if draw(st.booleans()) else text + draw(st.sampled_from(["<br>", "\n"])))
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages_body(), pages_body(), pages_body(), st.sampled_from(["contact", "about", "privacy", "other"]))
def test_extraction_never_raises_on_any_site(home: str, imprint: str, other: str, kind: str) -> None:
    # every reader (e-mails, phones, addresses, JSON-LD, people), not only the block reader, on three pages
    pages = [PageContent(url=SITE, html=f"<html><body>{home}</body></html>", kind="home"),
             PageContent(url=f"{SITE}impressum.html", html=f"<html><body><h1>Impressum</h1>{imprint}</body></html>",
                         kind="impressum"),
             PageContent(url=f"{SITE}{kind}.html", html=f"<html><body>{other}</body></html>", kind=kind)]
    assert isinstance(extract_company(pages, site_url=SITE), CompanyFacts)
