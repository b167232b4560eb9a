"""When plain HTML is not enough and the page must be rendered in a browser."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

MIN_TEXT = 250  # visible characters below which a page with scripts is probably drawn by them
_APP_ROOTS = "#root, #app, #__next, #__nuxt, #___gatsby, #svelte, [data-reactroot], app-root, [ng-app], #q-app"
_ENABLE_JS = re.compile(
    r"javascript|js\b.*(aktivier|enable|einschalt)|(enable|aktivier).*\bjs\b", re.IGNORECASE | re.DOTALL
)
_DOM_WRITE = re.compile(
    r"innerHTML|insertAdjacentHTML|document\.write|appendChild|replaceChildren|textContent\s*=|innerText\s*="
)
_CONTAINERS = "div[id], section[id], main[id], article[id], footer[id], aside[id], span[id], p[id], address[id]"
_NEEDS_WORDS = re.compile(r"enable|aktivier|einschalt|require|benoetig|benötig|erforder|needs?|turn on|please", re.I)


@dataclass(frozen=True, slots=True)
class Signals:
    text_chars: int
    scripts: int
    empty_app_root: bool
    noscript_asks_js: bool
    empty_footer: bool
    script_fills_container: bool  # an (almost) empty element that an inline script writes into


def analyse(tree: LexborHTMLParser) -> Signals:
    """Measure a parsed page (the tree is left intact)."""
    scripts = 0
    inline: list[str] = []
    for node in tree.css("script"):
        kind = (node.attributes.get("type") or "").lower()
        if kind in ("", "module", "text/javascript", "application/javascript"):
            scripts += 1
            if not node.attributes.get("src"):
                inline.append(node.text())
    writer = "\n".join(code for code in inline if _DOM_WRITE.search(code))
    script_fills_container = bool(writer) and any(
        len(node.text(strip=True)) < 60 and f"{node.attributes.get('id')}" in writer
        for node in tree.css(_CONTAINERS)
        if node.attributes.get("id")
    )
    noscript_asks_js = False
    for node in tree.css("noscript"):
        text = node.text(strip=True)
        if _ENABLE_JS.search(text) and _NEEDS_WORDS.search(text):
            noscript_asks_js = True
            break
    empty_app_root = any(not node.text(strip=True) and not node.css_first("img, a") for node in tree.css(_APP_ROOTS))
    footer = tree.css_first("footer, #footer, .footer, .site-footer")
    empty_footer = footer is not None and not footer.text(strip=True) and footer.css_first("a") is None
    text_chars = 0
    body = tree.body
    if body is not None:
        # Visible text: all of the body's text minus what sits in code and style elements (cheaper
        # than copying the tree to strip them).
        hidden = sum(len(node.text(strip=True)) for node in body.css("script, style, noscript, template, svg"))
        text_chars = max(0, len(body.text(strip=True)) - hidden)
    return Signals(text_chars, scripts, empty_app_root, noscript_asks_js, empty_footer, script_fills_container)


def render_reason(signals: Signals, *, is_home: bool, impressum_found: bool) -> str | None:
    """Why this page should be rendered, or None when its HTML already holds its content."""
    if signals.scripts == 0:
        return None  # nothing could change the page
    if signals.empty_app_root:
        return "empty app root element"
    if signals.noscript_asks_js:
        return "noscript asks for JavaScript"
    if signals.script_fills_container:
        return "an inline script fills an empty element"
    if signals.text_chars < MIN_TEXT:
        return f"little visible text ({signals.text_chars} chars)"
    if is_home and signals.empty_footer:
        return "footer is filled by script"
    if is_home and not impressum_found:
        return "no Impressum link in the HTML; scripts may draw it"
    return None


def expects_impressum(tree: LexborHTMLParser, host: str) -> bool:
    """German-language or DACH sites must have an Impressum, so a missing link is suspicious there."""
    html_node = tree.css_first("html")
    lang = (html_node.attributes.get("lang") or "").lower() if html_node is not None else ""
    return lang.startswith("de") or host.rstrip(".").rsplit(".", 1)[-1] in ("de", "at", "ch", "li")
