"""What a visitor sees of a page: the visible text, block by block, and the visible links.

Hidden elements (``display:none``, ``visibility:hidden``, ``hidden``, ``aria-hidden``, zero size or
opacity, off-screen, text coloured like its background, white text) and attributes such as ``alt`` and
``title`` are left out: they are not what the business says to its visitors, and they are where prompt
injections hide. The crawl keeps this text per page (``SitePage``) for whoever reads the site later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "embed", "canvas", "select",
    "option", "textarea", "button", "map", "input", "img", "picture", "video", "audio", "source", "track", "meta",
    "link", "title",
})
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tr", "ul", "caption", "br", "td", "th",
})
_HIDING_DECL = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(hidden|collapse)|opacity\s*:\s*0(\.0+)?\s*(;|$|!)"
    r"|font-size\s*:\s*0(px|em|rem|pt|%)?\s*(;|$|!)|(?<![-\w])(height|width|max-height)\s*:\s*0(px)?\s*(;|$|!)"
    r"|(left|top|text-indent|margin-left)\s*:\s*-\d{3,}|clip\s*:\s*rect\(\s*0|clip-path\s*:\s*inset\(\s*50%",
    re.I,
)
_COLOR_DECL = re.compile(r"(?<![-\w])color\s*:\s*([^;!}]+)", re.I)
_BACKGROUND_DECL = re.compile(r"background(?:-color)?\s*:\s*([^;!}]+)", re.I)
_CSS_RULE = re.compile(r"([^{}@]+)\{([^{}]*)\}")
_WHITE = {"#fff", "#ffffff", "white", "rgb(255,255,255)", "rgba(255,255,255,1)", "#fffffe", "snow", "ivory"}
_TRANSPARENT = {"transparent", "rgba(0,0,0,0)"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def _norm_color(value: str) -> str:
    return re.sub(r"\s+", "", value.strip().lower())


def style_hides(style: str) -> bool:
    """True when an inline style or CSS rule makes its text invisible to a reader."""
    if _HIDING_DECL.search(style):
        return True
    color = _COLOR_DECL.search(style)
    if color is None:
        return False
    fg = _norm_color(color.group(1))
    if fg in _TRANSPARENT:
        return True
    bg_match = _BACKGROUND_DECL.search(style)
    bg = _norm_color(bg_match.group(1)) if bg_match else None
    if bg is not None and bg not in _TRANSPARENT:
        return fg == bg or (fg in _WHITE and bg in _WHITE)
    return fg in _WHITE  # white text on a page's (white) background


@dataclass
class _HiddenSelectors:
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)

    def match(self, attrs: dict[str, str | None]) -> bool:
        if self.ids and (attrs.get("id") or "") in self.ids:
            return True
        return bool(self.classes and self.classes & set((attrs.get("class") or "").split()))


def _hidden_selectors(tree: LexborHTMLParser) -> _HiddenSelectors:
    """Simple ``.class`` and ``#id`` rules of the page's own style sheets that hide text."""
    found = _HiddenSelectors()
    for node in tree.css("style"):
        for selectors, body in _CSS_RULE.findall(node.text() or ""):
            if not style_hides(body):
                continue
            for selector in selectors.split(","):
                sel = selector.strip()
                if re.fullmatch(r"\.[\w-]+", sel):
                    found.classes.add(sel[1:])
                elif re.fullmatch(r"#[\w-]+", sel):
                    found.ids.add(sel[1:])
    return found


def _children(node: LexborNode) -> list[LexborNode]:
    out: list[LexborNode] = []
    child = node.child
    while child is not None:
        out.append(child)
        child = child.next
    return out


@dataclass
class PageText:
    url: str
    kind: str
    text: str  # visible text, one block a line
    links: list[str]  # href of visible links (mailto:/tel: included)


def visible_text(html: str, url: str = "", kind: str = "other") -> PageText:
    """The text a visitor sees, block by block; hidden text and attributes are dropped."""
    tree = LexborHTMLParser(html)
    hidden = _hidden_selectors(tree)
    parts: list[str] = []
    links: list[str] = []
    root = tree.body or tree.root
    # Iterative walk: builder-made pages nest deeper than Python's recursion limit.
    stack: list[LexborNode | str] = [root] if root is not None else []
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        tag = item.tag or ""
        if tag == "-text":
            parts.append(item.text_content or "")
            continue
        if tag.startswith(("-", "!")) or tag in _SKIP_TAGS:
            if tag == "br":
                parts.append("\n")
            continue
        attrs = item.attributes
        if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
            continue
        if (attrs.get("style") and style_hides(attrs.get("style") or "")) or hidden.match(attrs):
            continue
        if tag == "a" and attrs.get("href"):
            links.append((attrs.get("href") or "").strip())
        block = tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
            stack.append("\n")
        elif tag in ("span", "a", "strong", "em", "b", "i", "label", "small"):
            stack.append(" ")
        stack.extend(reversed(_children(item)))
    raw = "".join(parts)
    lines = [_SPACES.sub(" ", line).strip() for line in raw.split("\n")]
    text = _BLANK_LINES.sub("\n", "\n".join(line for line in lines if line))
    return PageText(url=url, kind=kind, text=text.strip(), links=links)



_LANG = re.compile(r"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", re.I)
# What one stored page may hold: a page is read again by people and models, never in full-text search.
MAX_PAGE_CHARS = 100_000
MAX_PAGE_LINKS = 300


def describe_page(html: str, url: str, kind: str) -> dict[str, object]:
    """The stored view of a page (``SitePage`` fields but ``fetched_at``): title, meta description,
    language, visible text and links, size-capped."""
    seen = visible_text(html, url, kind)
    tree = LexborHTMLParser(html[:400_000])
    title_node = tree.css_first("title")
    title = _SPACES.sub(" ", title_node.text()).strip()[:300] if title_node is not None else None
    description = None
    for selector in ('meta[name="description"]', 'meta[property="og:description"]'):
        node = tree.css_first(selector)
        content = (node.attributes.get("content") or "").strip() if node is not None else ""
        if content:
            description = _SPACES.sub(" ", content)[:1000]
            break
    lang = _LANG.search(html[:4000])
    return {"url": url, "kind": kind, "title": title or None, "description": description,
            "language": lang.group(1).lower() if lang else None, "text": seen.text[:MAX_PAGE_CHARS],
            "links": list(dict.fromkeys(seen.links))[:MAX_PAGE_LINKS], "bytes": len(html.encode("utf-8", "ignore"))}
