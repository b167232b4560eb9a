"""A readable text/plain part from an HTML body (for templates written only in HTML).

Paragraphs and headings become blocks separated by a blank line, ``<br>`` a line break, list items
``- item`` (``1. item`` in ordered lists), links ``text (url)`` (just the URL when the text is the
URL, and nothing extra for ``mailto:`` links whose text is the address), images their alt text;
``<script>``, ``<style>`` and ``<head>`` are dropped and whitespace is collapsed as a browser would.

The HTML is parsed by lexbor (selectolax), about ten times faster than ``html.parser`` and as forgiving
as a browser; a campaign renders this once per contact.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

_BLOCK = {"p", "div", "section", "article", "header", "footer", "table", "tr", "blockquote", "ul", "ol",
          "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "address", "figure", "main", "nav", "aside"}
_SKIP = {"script", "style", "head", "title", "template", "noscript"}
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


class _TextBuilder:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.pre_depth = 0
        self.lists: list[list[int]] = []  # per open list: [ordered?, counter]
        self.links: list[tuple[str, int]] = []  # (href, position in current where its text starts)
        self.prefix = ""  # the list-item indentation of the line being built

    # -- blocks ---------------------------------------------------------------------------------
    def _flush(self, blank: bool) -> None:
        text = "".join(self.current)
        if not self.pre_depth:
            text = _SPACES.sub(" ", text).strip()
        self.current = []
        if text:
            self.lines.append(self.prefix + text)
        self.prefix = ""
        if blank and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
            return
        attributes = dict(attrs)
        if tag in _BLOCK:
            self._flush(blank=not self.lists)
            if tag in ("ul", "ol"):
                self.lists.append([tag == "ol", 0])
            elif tag == "hr":
                self.lines.append("---")
            elif tag == "pre":
                self.pre_depth += 1
        elif tag == "li":
            self._flush(blank=False)
            self.prefix = "  " * max(len(self.lists) - 1, 0)
            if self.lists and self.lists[-1][0]:
                self.lists[-1][1] += 1
                self.prefix += f"{self.lists[-1][1]}. "
            else:
                self.prefix += "- "
        elif tag == "br":
            self._flush(blank=False)
        elif tag in ("td", "th"):
            self.current.append(" ")
        elif tag == "a":
            self.links.append((attributes.get("href") or "", len(self.current)))
        elif tag == "img":
            alt = (attributes.get("alt") or "").strip()
            if alt:
                self.current.append(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(self.skip_depth - 1, 0)
            return
        if tag == "a" and self.links:
            href, start = self.links.pop()
            text = _SPACES.sub(" ", "".join(self.current[start:])).strip()
            target = href[len("mailto:"):] if href.lower().startswith("mailto:") else href
            if href and not href.startswith("#") and target and target != text:
                self.current.append(f" ({href})" if text else href)
        elif tag in _BLOCK:
            if tag in ("ul", "ol") and self.lists:
                self.lists.pop()
            self._flush(blank=not self.lists)
            if tag == "pre":
                self.pre_depth = max(self.pre_depth - 1, 0)
        elif tag == "li":
            self._flush(blank=False)

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.current.append(data)

    def text(self) -> str:
        self._flush(blank=False)
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines)


def _walk(node: LexborNode, builder: _TextBuilder) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag or ""
        if tag == "-text":
            builder.handle_data(child.text_content or "")
        elif not tag.startswith("-"):  # comments, doctype
            builder.handle_starttag(tag, list(child.attributes.items()))
            _walk(child, builder)
            builder.handle_endtag(tag)


def html_to_text(html: str) -> str:
    builder = _TextBuilder()
    body = LexborHTMLParser(html).body
    if body is not None:
        _walk(body, builder)
    return builder.text()
