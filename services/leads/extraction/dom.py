"""HTML -> a flat list of text lines that keeps the structure the extractors need.

Impressum data is organised in lines (``<br>``), blocks (``<p>``, ``<dd>``, table rows) and
sections (headings, bold labels). Regex extractors need lines; the scope logic needs blocks,
headings and blank-line separators. So the DOM is flattened once into ``Line`` objects that carry
exactly that: text, block id, heading level, page region and the links that sit on the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .names import person_line
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
_RELATIVE_TO_RE = re.compile(r"(?:^|[_-])(?:with|has|without|no|below|under|after|above|before|beside)[_-]", re.I)
_COOKIE_RE = re.compile(r"cookie|consent|gdpr|cc-window|cc-banner|cmplz|borlabs|usercentrics", re.I)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_RTL_STYLE_RE = re.compile(r"direction\s*:\s*rtl", re.I)
_RTL_CLASS_RE = re.compile(r"\.([\w-]+)\s*\{[^}]*direction\s*:\s*rtl[^}]*\}", re.I)
_CF_PATH = "/cdn-cgi/l/email-protection#"
# Label/value grids (a table row "Firmenwortlaut | X GmbH", <dt>Name</dt><dd>…</dd>, a row of two spans "Inhaber"
# "Anna Muster"): the key cell is printed as a label ("Firmenwortlaut:") so the readers downstream see label and value
# instead of reading across the labels as if they were names.
_KEY_MAX_CHARS = 40
_KEY_MAX_WORDS = 4
_KEY_MAX_NODES = 6  # a key cell is a word or two, maybe wrapped in <strong>: bounded work per candidate cell
_ROW_SKIP_TAGS = words("ul ol nav menu img svg picture figure iframe input select textarea button form")
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
        self.after_key = False  # the last text was a grid's key cell, now printed as "Label:"

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
        if text.strip():
            self.after_key = False
        self.chunks.append((text, self.emph_depth > 0 if emph is None else emph))

    def end_key(self, start: int) -> None:
        """The key cell of a label/value row ends: print it as a label, "Inhaber:" (unless it says so already)."""
        own = "".join(t for t, _ in self.chunks[start:]).rstrip()
        if own and not own.endswith(":"):
            self.chunks.append((":", False))
        if own:
            self.chunks.append((" ", False))
            self.after_key = True

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


def _region_of(tag: str, attrs: dict[str, str | None], ident: str) -> str | None:
    """The landmark an element opens (``ident``: its id and class, as parse_page reads them once)."""
    if tag in _REGION_TAGS:
        return _REGION_TAGS[tag]
    if tag in ("body", "html"):
        # a theme's classes on <body> describe the page's layout ("et_fixed_nav et_show_nav" of Divi): the whole page
        # read as navigation (rules round 18)
        return None
    if tag == "main" or attrs.get("role") == "main":
        # The main landmark holds the page's content, also inside a theme wrapper whose class says "nav"
        # ("wy-nav-content" of documentation themes).
        return "main"
    return _region_named(tag, ident) if ident.strip() else None


# A page repeats its elements' classes (every card, every menu item): the same tag and classes name the same region.
@lru_cache(maxsize=4096)
def _region_named(tag: str, ident: str) -> str | None:
    # "is-fullheight-with-navbar", "has-fixed-header": a class that places the element relative to a landmark names
    # the landmark without being it (rules round 16: a page's whole content in such a section read as navigation)
    token = next((t for t in ident.split() if _REGION_CLASS_RE.search(t)), "")
    m = _REGION_CLASS_RE.search(token)
    if not m or _RELATIVE_TO_RE.search(token):
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


@lru_cache(maxsize=4096)
def _is_cookie_banner(ident: str) -> bool:
    return _COOKIE_RE.search(ident) is not None


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
    if (style and _RTL_STYLE_RE.search(style)) or (rtl_classes and not rtl_classes.isdisjoint(
            (attrs.get("class") or "").split())):
        # CSS "direction: rtl; unicode-bidi: bidi-override" shows the reversed DOM text.
        return (node.text(deep=True) or "")[::-1]
    return None


def _element_children(node: LexborNode, limit: int) -> list[LexborNode] | None:
    """The element children of `node` (None when it holds text of its own, or more than `limit` elements)."""
    out: list[LexborNode] = []
    child = node.child
    while child is not None:
        tag = child.tag or ""
        if tag == "-text":
            if (child.text_content or "").strip():
                return None  # text directly in the row: a sentence with inline markup, not two cells
        elif not tag.startswith(("-", "!")):
            out.append(child)
            if len(out) > limit:
                return None
        child = child.next
    return out


def _short_text(node: LexborNode) -> str | None:
    """The text of a small cell (a few nodes, no block inside, no link), or None."""
    parts: list[str] = []
    seen = 0
    stack = [node]
    while stack:
        cur = stack.pop()
        seen += 1
        if seen > _KEY_MAX_NODES:
            return None
        tag = cur.tag or ""
        if tag == "-text":
            parts.append(cur.text_content or "")
            continue
        if tag.startswith(("-", "!")):
            continue
        if cur is not node and (tag in _BLOCK_TAGS or tag == "a"):
            return None
        if tag in _SKIP_TAGS or tag in _ROW_SKIP_TAGS:
            return None
        kids: list[LexborNode] = []
        child = cur.child
        while child is not None:
            kids.append(child)
            child = child.next
        stack.extend(reversed(kids))
    return clean_text("".join(parts)).strip()


def _key_cell(row: LexborNode) -> LexborNode | None:
    """The label cell of a two-cell row ("Inhaber" | "Anna Muster"), or None when the row is something else."""
    tag = row.tag or ""
    if tag in _INLINE_BOUNDARY_TAGS or tag in _SKIP_TAGS or tag in _ROW_SKIP_TAGS or tag in _HEADINGS:
        return None
    cells = _element_children(row, 2)
    if cells is None or len(cells) != 2:
        return None
    key, value = cells
    if (key.tag or "") in _ROW_SKIP_TAGS or (key.tag or "") in _HEADINGS or (value.tag or "") in _ROW_SKIP_TAGS:
        return None
    text = _short_text(key)
    if not text or len(text) > _KEY_MAX_CHARS or len(text.split()) > _KEY_MAX_WORDS or _DIGIT_RE.search(text) or (
            not text[0].isalpha()) or "@" in text:
        return None
    if not text.endswith(":") and person_line(text) is not None:
        return None  # a team card ("Anna Muster" / "Inhaberin"): the person is the card's head, not a label
    head = _value_head(value)
    if not head or _LABELLED_VALUE_RE.match(head):
        return None
    return key


def _value_head(node: LexborNode, budget: int = 40) -> str:
    """The start of a value cell's text (its first `budget` nodes; a larger cell counts as holding text)."""
    parts: list[str] = []
    stack = [node]
    while stack and budget > 0:
        cur = stack.pop()
        budget -= 1
        tag = cur.tag or ""
        if tag == "-text":
            parts.append(cur.text_content or "")
            continue
        if tag.startswith(("-", "!")) or tag in _SKIP_TAGS:
            continue
        if tag == "br" or tag in _BLOCK_TAGS:
            parts.append("\n")
        child = cur.last_child
        while child is not None:
            stack.append(child)
            child = child.prev
    text = "".join(parts).strip()
    return text or ("\u2026" if budget <= 0 else "")


# A value cell that starts with a label of its own ("Management: Anna Muster"): the row is a card whose head is the
# firm, not a label/value pair.
_LABELLED_VALUE_RE = re.compile(r"^[^:\d\n]{2,30}:\s")


def _grid_keys(node: LexborNode, children: list[LexborNode], keys: set[int]) -> None:
    """Mark the key cells of `node`'s rows when at least two of its children are two-cell label/value rows (a grid:
    one such row alone may be anything), and every <dt> followed by a <dd>."""
    found: list[LexborNode] = []
    for child in children:
        tag = child.tag or ""
        if tag == "dt":
            nxt = child.next
            while nxt is not None and (nxt.tag or "") == "-text":
                nxt = nxt.next
            if nxt is not None and nxt.tag == "dd":
                found.append(child)
                continue
        if tag.startswith(("-", "!")):
            continue
        key = _key_cell(child)
        if key is not None:
            found.append(key)
    if len(found) >= 2:
        keys.update(k.mem_id for k in found)


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
    stack: list[LexborNode | tuple[str, str, int, str | None, int, bool, bool]] = [root]
    keys: set[int] = set()  # mem_id of the key cells of label/value grids
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            tag, href, start, region, saved_heading, opened_dialog, is_key = item
            if is_key:
                b.end_key(start)
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
        if ("hidden" in attrs and not (dialog or b.dialog_depth)) or (
                attrs.get("aria-hidden") == "true" and not dialog):
            # a closed dialog (team member details behind a button) opens on a click: its text counts, also when the
            # closed modal is marked aria-hidden (a Bootstrap modal holding the Impressum: rules round 19)
            continue
        style = attrs.get("style")
        if style and _HIDDEN_STYLE_RE.search(style):
            continue
        ident = f"{attrs.get('id') or ''} {attrs.get('class') or ''}"
        if ident.strip() and _is_cookie_banner(ident):
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
        region = _region_of(tag, attrs, ident)
        if region is not None:
            b.flush()
            b.regions.append(region)
        if tag in _BLOCK_TAGS:
            b.flush()
            b.new_block()
        saved_heading = b.heading
        if tag in _HEADINGS:
            b.heading = _HEADINGS[tag]
        if tag in ("td", "th") and "".join(t for t, _ in b.chunks).strip() and not b.after_key:
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
        is_key = node.mem_id in keys
        stack.append((tag, href, len(b.chunks), region, saved_heading, dialog, is_key))
        children: list[LexborNode] = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        if len(children) >= 2:
            _grid_keys(node, children, keys)
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


def _link_only(line: Line) -> bool:
    """The whole line is one link to a page (not a mailbox or a phone number), printed as text, not a heading."""
    return line.level == 0 and len(line.links) == 1 and line.links[0].text.strip() == line.text.strip() and bool(
        line.links[0].href.strip()) and not line.links[0].href.lower().startswith(("mailto:", "tel:"))


def is_menu_column_entry(lines: list[Line], i: int) -> bool:
    """One item of a menu printed as a column of links outside a <nav> element ("Praxis" / "Person" / "Kontakt" /
    "Kurse"; :func:`is_menu_line` is the same menu printed as a row): in a run of three or more link-only lines, it
    is a way to another page, never a name above an address (a name linked to the about page stands alone)."""
    if not _link_only(lines[i]):
        return False
    lo = hi = i
    while lo > 0 and _link_only(lines[lo - 1]):
        lo -= 1
    while hi + 1 < len(lines) and _link_only(lines[hi + 1]):
        hi += 1
    # the items lead to several pages (one link broken over the lines of an address is no menu)
    return len({lines[k].links[0].href for k in range(lo, hi + 1)}) >= 3
