"""What the model may read of a website: the visible text of its pages, delimited and cut to a budget.

Scraped text is untrusted. Only text a visitor would see is kept: hidden elements (``display:none``,
``visibility:hidden``, ``hidden``, ``aria-hidden``, zero size or opacity, off-screen, text coloured
like its background, white text) and attributes such as ``alt`` and ``title`` are left out, since
those are where prompt injections hide. The text goes to the model inside an ``UNTRUSTED_…`` block
whose markers cannot be forged from inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from services.leads.extraction import PageContent

CHARS_PER_TOKEN = 4
KIND_ORDER = {"home": 0, "about": 1, "team": 2, "contact": 3, "impressum": 4, "other": 5}

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
_MARKER = re.compile(r"<<<|>>>|UNTRUSTED_", re.I)
_DEFANGED = {"<<<": "\u2039\u2039\u2039", ">>>": "\u203a\u203a\u203a"}  # look-alike angle quotes
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def estimate_tokens(text: str) -> int:
    """About four characters a token for European languages: cheap, and on the safe side for budgets."""
    return (len(text) + CHARS_PER_TOKEN - 1) // CHARS_PER_TOKEN


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


def neutralise(text: str) -> str:
    """Text from outside can never close or open a delimited block."""
    return _MARKER.sub(lambda m: _DEFANGED.get(m.group(0), "UNTRUSTED-"), text)


def untrusted_block(kind: str, body: str, *, label: str = "") -> str:
    head = f"<<<UNTRUSTED_{kind}" + (f" {neutralise(label)}" if label else "")
    return f"{head}\n{neutralise(body)}\nUNTRUSTED_{kind}>>>"


@dataclass
class SourceText:
    """The website as the model reads it, and everything that grounding may match against."""

    blocks: str  # delimited blocks, cut to the budget
    full_text: str  # all visible text, uncut (grounding)
    links: set[str]
    tokens: int
    truncated: bool
    pages: int
    texts: list[PageText] = field(default_factory=list)  # per page, important pages first, uncut

    @property
    def empty(self) -> bool:
        return not self.full_text.strip()


def _dedupe_lines(pages: list[PageText]) -> list[PageText]:
    """Menus and footers repeat on every page: the model reads them once."""
    seen: set[str] = set()
    out = []
    for page in pages:
        kept = []
        for line in page.text.split("\n"):
            key = line.casefold()
            if len(line) < 200 and key in seen:
                continue
            seen.add(key)
            kept.append(line)
        out.append(PageText(page.url, page.kind, "\n".join(kept), page.links))
    return out


def _shares(lengths: list[int], budget: int) -> list[int]:
    """Water-filling: every page gets an equal share; what short pages leave over goes to long ones."""
    shares = [0] * len(lengths)
    open_ = [i for i, n in enumerate(lengths) if n > 0]
    left = budget
    while open_ and left >= len(open_):
        each = left // len(open_)
        still = []
        for i in open_:
            take = min(each, lengths[i] - shares[i])
            shares[i] += take
            left -= take
            if shares[i] < lengths[i]:
                still.append(i)
        open_ = still
    return shares


def build_source(pages: Iterable[PageContent], max_tokens: int) -> SourceText:
    """The pages' visible text in delimited blocks, important pages first, cut to ``max_tokens``."""
    texts = [visible_text(p.html, p.url, p.kind) for p in pages]
    texts.sort(key=lambda t: KIND_ORDER.get(t.kind, 9))
    full = "\n".join(t.text for t in texts)
    links = {link for t in texts for link in t.links}
    deduped = [t for t in _dedupe_lines(texts) if t.text]
    overhead = sum(80 + len(t.url) for t in deduped)
    budget_chars = max(0, max_tokens * CHARS_PER_TOKEN - overhead)
    shares = _shares([len(t.text) for t in deduped], budget_chars)
    truncated = False
    blocks = []
    for page, share in zip(deduped, shares, strict=True):
        body = page.text
        if len(body) > share:
            body = body[:share].rsplit(" ", 1)[0] + " […]"
            truncated = True
        if share > 0:
            blocks.append(untrusted_block("WEBSITE_TEXT", body, label=f"page={page.kind} url={page.url}"))
    joined = "\n\n".join(blocks)
    return SourceText(blocks=joined, full_text=full, links=links, tokens=estimate_tokens(joined),
                      truncated=truncated, pages=len(deduped), texts=texts)
