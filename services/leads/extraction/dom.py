"""HTML -> a flat list of text lines that keeps the structure the extractors need.

Impressum data is organised in lines (``<br>``), blocks (``<p>``, ``<dd>``, table rows) and
sections (headings, bold labels). Regex extractors need lines; the scope logic needs blocks,
headings and blank-line separators. So the DOM is flattened once into ``Line`` objects that carry
exactly that: text, block id, heading level, page region and the links that sit on the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .textutil import clean_text, words

COMPANY = "company"
THIRD_PARTY = "third_party"
# The general partner of a KG ("Komplementär"): its own name/register/address are not the company's,
# but its managing directors are the company's representatives.
GENERAL_PARTNER = "general_partner"

MAX_LINES = 1200  # per page (typical pages have 100-400 lines); see _cap_lines
LABEL_LEVEL = 7  # pseudo heading level for bold-only lines, <dt>, <th> and short "Label:" lines

_BLOCK_TAGS = words(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table "
    "tbody thead tfoot tr ul caption legend"
)
_SKIP_TAGS = words("script style noscript template svg head iframe object canvas select option textarea button map")
_INLINE_BOUNDARY_TAGS = words("a span strong b em i small label time abbr bdi mark font u sup sub code cite q")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_REGION_TAGS = {"header": "header", "nav": "nav", "footer": "footer"}
_REGION_CLASS_RE = re.compile(r"(?:^|[\s_-])(footer|colophon|header|masthead|navbar|nav|menu)(?:$|[\s_-])", re.I)
_COOKIE_RE = re.compile(r"cookie|consent|gdpr|cc-window|cc-banner|cmplz|borlabs|usercentrics", re.I)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_RTL_STYLE_RE = re.compile(r"direction\s*:\s*rtl", re.I)
_RTL_CLASS_RE = re.compile(r"\.([\w-]+)\s*\{[^}]*direction\s*:\s*rtl[^}]*\}", re.I)
_CF_PATH = "/cdn-cgi/l/email-protection#"
_DIGIT_RE = re.compile(r"\d")


@dataclass(slots=True)
class Link:
    href: str
    text: str
    line: int  # index of the line the anchor ends on (-1 if the page has no line yet)


@dataclass(slots=True)
class Line:
    text: str
    index: int
    block: int
    level: int  # 0 = text, 1..6 = <h1>..<h6>, 7 = label-like line
    region: str  # "main" | "header" | "nav" | "footer"
    blank_before: bool
    links: list[Link] = field(default_factory=list)
    block_size: int = 1
    scope: str = COMPANY
    has_digit: bool = False  # cheap prefilter for the number-hungry extractors


@dataclass(slots=True)
class ParsedPage:
    url: str
    kind: str
    lang: str | None
    title: str
    lines: list[Line]
    links: list[Link]
    jsonld: list[str]
    index: int = 0
    weight: float = 1.0


def decode_cfemail(hexstr: str) -> str | None:
    """Cloudflare e-mail protection: first byte is the XOR key for the rest."""
    try:
        data = bytes.fromhex(hexstr)
    except ValueError:
        return None
    if len(data) < 2:
        return None
    key = data[0]
    try:
        return bytes(b ^ key for b in data[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None


class _Builder:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.links: list[Link] = []
        self.jsonld: list[str] = []
        self.chunks: list[tuple[str, bool]] = []  # (text, emphasised)
        self.pending_links: list[Link] = []
        self.block = 0
        self.block_counter = 0
        self.heading = 0
        self.dt_depth = 0
        self.dialog_depth = 0
        self.emph_depth = 0
        self.regions: list[str] = ["main"]
        self.blank_pending = False
        self.saw_nbsp = False
        self.boundary = False  # an inline element started/ended since the last text

    def add(self, text: str, emph: bool | None = None) -> None:
        if "\xa0" in text:
            self.saw_nbsp = True
        if "\u2011" in text:
            text = text.replace("\u2011", "-")  # a non-breaking hyphen reads (and links) as a plain one
        if self.boundary and self.chunks and text[:1].isalnum():
            prev = self.chunks[-1][0]
            # "<span>1 23 45</span><a>info@…</a>" renders apart; glued it would read "45info@…".
            if prev[-1:].isalnum():
                self.chunks.append((" ", True))
        self.boundary = False
        self.chunks.append((text, self.emph_depth > 0 if emph is None else emph))

    def new_block(self) -> None:
        self.block_counter += 1
        self.block = self.block_counter

    def flush(self, *, br: bool = False) -> None:
        raw = "".join(t for t, _ in self.chunks)
        text = clean_text(raw).strip(" |")
        if not text:
            if br or self.saw_nbsp:
                self.blank_pending = True
            if self.pending_links:
                idx = len(self.lines) - 1
                for link in self.pending_links:
                    link.line = idx
                    if idx >= 0:
                        self.lines[idx].links.append(link)
                self.pending_links = []
            self.chunks = []
            self.saw_nbsp = False
            return
        emph_only = all(e for t, e in self.chunks if t.strip())
        if self.heading:
            level = self.heading
        elif self.dt_depth or (emph_only and len(text) <= 80) or (len(text) <= 60 and text.endswith(":")):
            level = LABEL_LEVEL
        else:
            level = 0
        line = Line(
            text=text,
            index=len(self.lines),
            block=self.block,
            level=level,
            region=self.regions[-1],
            blank_before=self.blank_pending,
            has_digit=_DIGIT_RE.search(text) is not None,
        )
        for link in self.pending_links:
            link.line = line.index
        line.links = self.pending_links
        self.pending_links = []
        self.lines.append(line)
        self.chunks = []
        self.blank_pending = False
        self.saw_nbsp = False


def _region_of(tag: str, attrs: dict[str, str | None]) -> str | None:
    if tag in _REGION_TAGS:
        return _REGION_TAGS[tag]
    if tag == "main" or attrs.get("role") == "main":
        # The main landmark holds the page's content, also inside a theme wrapper whose class says "nav"
        # ("wy-nav-content" of documentation themes).
        return "main"
    ident = f"{attrs.get('id') or ''} {attrs.get('class') or ''}"
    m = _REGION_CLASS_RE.search(ident)
    if not m:
        return None
    word = m.group(1).lower()
    if word in ("menu", "nav") and tag in ("section", "article", "main"):
        return None  # a content section named "menu" (a restaurant's Speisekarte), not navigation
    if word in ("footer", "colophon"):
        return "footer"
    if word in ("header", "masthead"):
        return "header"
    return "nav"


_FAX_ICON_RE = re.compile(r"(?:^|\s)(?:fa|icon|mdi|bi|ti)-(?:fax|printer|print)(?:\s|$)")


def _special_text(node: LexborNode, attrs: dict[str, str | None], rtl_classes: frozenset[str]) -> str | None:
    """Text for elements whose visible text differs from their DOM text (anti-spam tricks)."""
    cf = attrs.get("data-cfemail")
    if cf:
        return decode_cfemail(cf)
    user = attrs.get("data-user") or attrs.get("data-name") or attrs.get("data-local")
    domain = attrs.get("data-domain") or attrs.get("data-host")
    if user and domain:
        tld = attrs.get("data-tld")
        return f" {user}@{domain}{'.' + tld if tld else ''} "
    style = attrs.get("style") or ""
    classes = set((attrs.get("class") or "").split())
    if (style and _RTL_STYLE_RE.search(style)) or (classes & rtl_classes):
        # CSS "direction: rtl; unicode-bidi: bidi-override" shows the reversed DOM text.
        return (node.text(deep=True) or "")[::-1]
    return None


def parse_page(html: str, url: str, kind: str) -> ParsedPage:
    tree = LexborHTMLParser(html)
    root = tree.root
    lang: str | None = None
    title = ""
    b = _Builder()
    rtl_classes: set[str] = set()
    for style_node in tree.css("style"):
        rtl_classes.update(_RTL_CLASS_RE.findall(style_node.text() or ""))
    title_node = tree.css_first("title")
    if title_node is not None:
        title = clean_text(title_node.text() or "")
    for script in tree.css('script[type="application/ld+json"]'):
        b.jsonld.append(script.text() or "")
    if root is None:
        return ParsedPage(url=url, kind=kind, lang=None, title=title, lines=[], links=[], jsonld=b.jsonld)
    lang = (root.attributes.get("lang") or root.attributes.get("xml:lang") or None) if root.tag == "html" else None
    rtl = frozenset(rtl_classes)

    # Iterative DFS with explicit exit markers (recursion would hit the limit on deeply nested builders).
    stack: list[LexborNode | tuple[str, str, int, str | None, int, bool]] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            tag, href, start, region, saved_heading, opened_dialog = item
            if tag == "a":
                text = clean_text("".join(t for t, _ in b.chunks[start:])) if start <= len(b.chunks) else ""
                link = Link(href=href, text=text, line=-1)
                b.pending_links.append(link)
                b.links.append(link)
            if tag in _INLINE_BOUNDARY_TAGS:
                b.boundary = True
            if tag in _BLOCK_TAGS:
                b.flush()
                b.new_block()
            if tag in ("strong", "b", "th"):
                b.emph_depth -= 1
            if tag == "dt":
                b.dt_depth -= 1
            if opened_dialog:
                b.dialog_depth -= 1
            if tag in _HEADINGS:
                b.heading = saved_heading
            if region is not None:
                b.regions.pop()
            continue
        node = item
        tag = node.tag or ""
        if tag == "-text":
            content = node.text_content
            if content:
                b.add(content)
            continue
        if tag.startswith(("-", "!")) or tag in _SKIP_TAGS:
            continue
        attrs = node.attributes
        if tag in ("i", "span") and _FAX_ICON_RE.search(attrs.get("class") or "") and not node.child:
            b.add(" Fax: ")  # a number next to a fax icon and no word is the fax (LABELLING.md v3)
            continue
        dialog = tag == "dialog" or attrs.get("role") == "dialog" or attrs.get("aria-modal") == "true"
        if ("hidden" in attrs and not (dialog or b.dialog_depth)) or attrs.get("aria-hidden") == "true":
            continue  # a closed dialog (team member details behind a button) opens on a click: its text counts
        style = attrs.get("style")
        if style and _HIDDEN_STYLE_RE.search(style):
            continue
        ident = f"{attrs.get('id') or ''} {attrs.get('class') or ''}"
        if ident.strip() and _COOKIE_RE.search(ident):
            continue
        if tag == "br":
            b.flush(br=True)
            continue
        special = _special_text(node, attrs, rtl)
        if special is not None:
            b.add(special)
            continue
        if tag in _INLINE_BOUNDARY_TAGS:
            b.boundary = True
        region = _region_of(tag, attrs)
        if region is not None:
            b.flush()
            b.regions.append(region)
        if tag in _BLOCK_TAGS:
            b.flush()
            b.new_block()
        saved_heading = b.heading
        if tag in _HEADINGS:
            b.heading = _HEADINGS[tag]
        if tag in ("td", "th") and "".join(t for t, _ in b.chunks).strip():
            b.add(" | ", emph=None)
        if tag in ("strong", "b", "th"):
            b.emph_depth += 1
        if tag == "dt":
            b.dt_depth += 1
        if dialog:
            b.dialog_depth += 1
        href = ""
        if tag == "a":
            href = (attrs.get("href") or "").strip()
            if href.startswith(_CF_PATH):
                decoded = decode_cfemail(href[len(_CF_PATH) :])
                href = f"mailto:{decoded}" if decoded else href
        stack.append((tag, href, len(b.chunks), region, saved_heading, dialog))
        children: list[LexborNode] = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend(reversed(children))
    b.flush()

    lines = _cap_lines(b.lines)
    sizes: dict[int, int] = {}
    for line in lines:
        sizes[line.block] = sizes.get(line.block, 0) + 1
    for line in lines:
        line.block_size = sizes[line.block]
    links = [link for link in b.links if link.line >= 0]
    return ParsedPage(url=url, kind=kind, lang=lang, title=title, lines=lines, links=links, jsonld=b.jsonld)


def _cap_lines(lines: list[Line]) -> list[Line]:
    """Bound the work on huge pages (endless blog lists, product catalogues): company facts sit near the top
    (header, Impressum body) or at the bottom (footer), so the middle is dropped."""
    if len(lines) <= MAX_LINES:
        return lines
    half = MAX_LINES // 2
    kept = lines[:half] + lines[-half:]
    for new_index, line in enumerate(kept):
        line.index = new_index
        for link in line.links:
            link.line = new_index
    for line in lines[half:-half]:
        for link in line.links:
            link.line = -1
    return kept


_ARROWS = " \u2190\u2192\u2191\u203a\u00bb\u00ab\u2039"


def is_nav_line(line: Line) -> bool:
    """A skip link or a way back ("Zum Inhalt springen" -> #main, "← Startseite"), or a line of the navigation."""
    if line.text[:1] in _ARROWS[1:] or line.region == "nav":
        return True
    text = line.text.strip(_ARROWS)
    if any(link.href.startswith("#") and link.text.strip(_ARROWS) == text for link in line.links):
        return True
    return is_menu_line(line)


def is_menu_line(line: Line) -> bool:
    """A row of links and nothing else ("Startseite Vorstand Anlässe Blog FAQ" in a footer): a menu outside the
    <nav> element, whose words ("Vorstand", "Team") are section titles, never a role or a name."""
    if len(line.links) < 3 or len(line.text) > 200:
        return False
    rest = line.text
    for link in line.links:
        if link.text.strip():
            rest = rest.replace(link.text.strip(), " ", 1)
    return not rest.strip(" |·•/-\u2013")
