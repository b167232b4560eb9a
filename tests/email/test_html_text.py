"""The text part generated from HTML: readable paragraphs, lists, links."""

from __future__ import annotations

from services.email.html_text import html_to_text


def test_structure_links_and_lists() -> None:
    html = ("<html><head><style>p{color:red}</style><title>T</title></head><body>"
            "<h1>Hallo  Jörg,</h1>"
            "<p>wir haben <a href='https://x.de/a?b=1'>unsere Seite</a> aktualisiert &amp; mehr.</p>"
            "<ul><li>eins</li><li>zwei <b>fett</b><ul><li>sub</li></ul></li></ul><ol><li>a</li><li>b</li></ol>"
            "<p>Gruß<br>Jo<br><a href='mailto:jo@x.de'>jo@x.de</a> <a href='https://x.de'>https://x.de</a></p>"
            "<table><tr><td>A</td><td>B</td></tr></table><img src='x' alt='Logo'><script>alert(1)</script>"
            "<pre>a   b\n  c</pre><!-- hidden --></body></html>")
    assert html_to_text(html) == (
        "Hallo Jörg,\n\nwir haben unsere Seite (https://x.de/a?b=1) aktualisiert & mehr.\n\n"
        "- eins\n- zwei fett\n  - sub\n\n1. a\n2. b\n\nGruß\nJo\njo@x.de https://x.de\n\nA B\n\nLogo\n\na   b\n  c")


def test_fragments_and_broken_html() -> None:
    assert html_to_text("") == ""
    assert html_to_text("plain text & more") == "plain text & more"
    assert html_to_text("<p>unclosed <b>bold <a href='https://a.example'>link") == "unclosed bold link (https://a.example)"
    assert html_to_text("<a href='#top'>Top</a>") == "Top"
