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
