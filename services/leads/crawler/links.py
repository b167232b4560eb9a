"""Finding a site's Impressum, contact, about and team pages from its links."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import tldextract
from selectolax.lexbor import LexborHTMLParser, LexborNode

from services.leads.crawler import net

KINDS = ("impressum", "contact", "about", "team")
MIN_SCORE = 40

# Phrases in link text / title / aria-label (folded: lower case, umlauts as ae/oe/ue, ß as ss).
# fmt: off
_TEXT: dict[str, tuple[str, ...]] = {
    "impressum": (
        "impressum", "imprint", "legal notice", "legal notices", "legal", "rechtliches", "rechtliche hinweise",
        "anbieterkennzeichnung", "site notice", "legal information", "legal info", "pflichtangaben",
        "angaben gemaess 5 tmg", "angaben gemaess ss 5 tmg", "angaben gemaess ddg", "mentions legales",
        "impressium", "impresum", "imressum", "impessum",  # misspelt by the site, link and address alike
    ),
    "contact": (
        "kontakt", "contact", "contact us", "kontaktieren sie uns", "kontaktformular", "get in touch",
        "so erreichen sie uns", "anfahrt", "kontakt & anfahrt", "standort", "standorte",
        "find us", "visit us", "where to find us", "how to find us", "location", "locations", "our location",
        "directions", "reach us", "so finden sie uns", "wegbeschreibung", "schreiben sie uns",
    ),
    "about": (
        "ueber uns", "uber uns", "about", "about us", "wir ueber uns", "unternehmen", "company",
        "das unternehmen", "unser unternehmen", "wer wir sind", "who we are", "firmenprofil", "profil",
        "philosophie", "geschichte", "our story", "kanzlei", "die kanzlei", "praxis", "die praxis",
        "studio", "das studio", "the studio", "agentur", "die agentur", "buero", "das buero",
        "ueber mich", "about me", "portrait", "leitbild", "our company", "the company", "firma", "die firma",
        "unternehmensprofil", "company profile", "our mission", "history",
    ),
    "team": (
        "team", "unser team", "our team", "das team", "mitarbeiter", "mitarbeiterinnen", "ansprechpartner",
        "people", "management", "geschaeftsfuehrung", "leadership", "menschen", "die menschen",
        "anwaelte", "unsere anwaelte", "rechtsanwaelte", "berater", "unsere berater", "vorstand", "aerzte",
        "unsere aerzte", "das sind wir", "the team", "meet the team", "meet our team", "our people", "staff",
        "geschaeftsleitung", "fuehrungsteam", "unsere experten", "who is who",
    ),
}
# Words that name a contact page only on sites that have none by a better name ("Info" over the opening hours and
# the address of a small studio): they score just above MIN_SCORE, so any "Kontakt" link wins over them.
# "Verein": an association's page about itself (its board, its officials), on club sites that have no "Über uns";
# elsewhere the word is rare in a menu.
_WEAK_TEXT: dict[str, tuple[str, ...]] = {"contact": ("info", "infos", "information", "informationen"),
                                          "about": ("verein", "der verein", "unser verein", "ueber den verein")}
# Path words (folded the same way; hyphens and underscores count as spaces).
_URL: dict[str, tuple[str, ...]] = {
    "impressum": ("impressum", "imprint", "legal notice", "legalnotice", "legal", "rechtliches",
                  "anbieterkennzeichnung", "site notice", "legal info", "impressium", "impresum", "imressum"),
    "contact": ("kontakt", "contact", "contact us", "kontaktformular", "anfahrt", "find us", "visit us", "location",
                "locations", "directions"),
    "about": ("ueber uns", "uber uns", "about", "about us", "wir ueber uns", "unternehmen", "company",
              "firmenprofil", "profil", "wer wir sind", "kanzlei", "studio", "ueber mich", "about me", "portrait",
              "unternehmensprofil", "our story", "who we are"),
    "team": ("team", "unser team", "mitarbeiter", "ansprechpartner", "people", "management", "anwaelte",
             "vorstand", "aerzte", "berater", "meet the team", "our team", "staff", "geschaeftsleitung"),
}
# Pages that sit next to the ones we want and share words with them.
_NEGATIVE: dict[str, tuple[str, ...]] = {
    "impressum": ("datenschutz", "privacy", "agb", "terms", "cookie", "widerruf", "dsgvo", "nutzungsbedingungen"),
    "contact": ("datenschutz", "privacy", "newsletter", "karriere", "jobs"),
    "about": ("datenschutz", "privacy", "cookie"),
    "team": ("datenschutz", "privacy", "karriere", "jobs", "bewerbung"),
}
# fmt: on
_INDEX = re.compile(r"/(index|default|home|start)\.(html?|php|aspx?)$", re.I)
_SKIP_EXT = re.compile(r"\.(pdf|jpe?g|png|gif|svg|webp|zip|docx?|xlsx?|pptx?|mp4|mp3|ics|vcf)$", re.I)
_NON_WORD = re.compile(r"[^a-z0-9&]+")
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)  # bundled list: no network


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    text: str
    title: str
    in_footer: bool
    in_nav: bool
    scripted: bool = False  # an address a script writes (script_links), not an <a> of the page


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: str
    url: str
    score: int


def fold(text: str) -> str:
    """Lower case, umlauts spelled out, accents dropped, punctuation as single spaces."""
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss").replace("§", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def site_key(host: str, port: int) -> str:
    """Registrable domain (``www.acme.co.uk`` -> ``acme.co.uk``); the bare host where there is none."""
    parts = _EXTRACT(host)
    base = parts.top_domain_under_public_suffix or host.removeprefix("www.")
    return base if port in (80, 443) else f"{base}:{port}"


def same_site(a: net.Target, b: net.Target) -> bool:
    return site_key(a.host, a.port) == site_key(b.host, b.port)


def _context(node: LexborNode) -> tuple[bool, bool]:
    in_footer = in_nav = False
    parent = node.parent
    depth = 0
    while parent is not None and depth < 12:
        tag = parent.tag
        ident = f"{parent.attributes.get('id') or ''} {parent.attributes.get('class') or ''}".lower()
        if tag == "footer" or "footer" in ident:
            in_footer = True
        if tag in ("nav", "header") or "nav" in ident or "menu" in ident:
            in_nav = True
        parent = parent.parent
        depth += 1
    return in_footer, in_nav


def base_url(tree: LexborHTMLParser, page_url: str) -> str:
    node = tree.css_first("base[href]")
    href = node.attributes.get("href") if node is not None else None
    if href:
        try:
            return net.parse_url(href, page_url).url
        except net.URLError:
            pass
    return page_url


# A template's placeholder left in an address ("{{ site.baseurl }}/contact", "{% url 'x' %}"): the page was published
# unrendered, and no host serves the address it spells; following it only spends the page budget.
_UNRENDERED = re.compile(r"\{\{|\{%|%7B%7B|%7B%25", re.I)


def unrendered(href: str) -> bool:
    return _UNRENDERED.search(href) is not None


def extract_links(tree: LexborHTMLParser, page_url: str) -> list[Link]:
    """Every followable link of the page, absolute, without fragments."""
    base = base_url(tree, page_url)
    links: list[Link] = []
    for node in tree.css("a[href], area[href]"):
        href = (node.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")) or unrendered(href):
            continue
        try:
            target = net.parse_url(href, base)
        except net.URLError:
            continue
        title = " ".join(filter(None, (node.attributes.get("title"), node.attributes.get("aria-label"))))
        text = node.text(separator=" ", strip=True)
        if not text:  # icon links: the image's alt text names them
            img = node.css_first("img[alt]")
            text = (img.attributes.get("alt") or "") if img is not None else ""
        in_footer, in_nav = _context(node)
        links.append(Link(target.url, text[:200], title[:200], in_footer, in_nav))
    return links


# A page's address written as a string in a script ("kontakt.html", '/impressum.php'): a menu or footer that a script
# builds, a partial it loads ($("#footer").load("footer.html")), a legal text a click opens in a modal
# (data-legal-src="rechtliches.html"), a button's onclick="location.href='…'". Only names with a page extension are
# taken: any other string in a script is far more often something else.
_PAGE_PATH = r"(?:\.{0,2}/)?[\w./%-]*[\w%-]\.(?:html?|php|aspx?)"
_SCRIPT_PAGE = re.compile(rf"""["'`]({_PAGE_PATH})(?:[?#][^"'`\s]*)?["'`]""", re.I)  # quoted, in a script
_PAGE_VALUE = re.compile(rf"{_PAGE_PATH}(?:[?#]\S*)?", re.I)  # a whole attribute value
_SCRIPT_TYPES = ("", "module", "text/javascript", "application/javascript")


def script_links(tree: LexborHTMLParser, page_url: str) -> list[Link]:
    """Page addresses that only a script turns into a link: literals in inline scripts, in event handlers and in
    ``data-*`` attributes. They carry no link text of their own (a handler's element lends its text), so only a
    telling address ("rechtliches.html") or that text makes them a candidate."""
    base = base_url(tree, page_url)
    found: list[tuple[str, str, LexborNode]] = []
    for node in tree.css("script:not([src])"):
        if (node.attributes.get("type") or "").lower() in _SCRIPT_TYPES:
            found.extend((m.group(1), "", node) for m in _SCRIPT_PAGE.finditer(node.text()))
    for node in tree.css("[onclick]"):
        text = node.text(separator=" ", strip=True)
        found.extend((m.group(1), text, node) for m in _SCRIPT_PAGE.finditer(node.attributes.get("onclick") or ""))
    for node in tree.css("body *, script[src]"):
        for name, value in node.attributes.items():
            if name.startswith("data-") and value and _PAGE_VALUE.fullmatch(value.strip()):
                found.append((value.strip(), node.text(separator=" ", strip=True), node))
    links: list[Link] = []
    seen: set[str] = set()
    for href, text, node in found:
        if unrendered(href):
            continue
        try:
            target = net.parse_url(href, base)
        except net.URLError:
            continue
        if target.url in seen:
            continue
        seen.add(target.url)
        in_footer, in_nav = _context(node)
        links.append(Link(target.url, text[:200], "", in_footer, in_nav, scripted=True))
    return links


# Libraries and tracking: never a site's own menu.
_LIBRARY_SCRIPT = re.compile(
    r"jquery|bootstrap|modernizr|popper|lodash|polyfill|vendor|analytics|gtag|gtm|cookie|consent|swiper|slick|"
    r"lightbox|fancybox|aos|gsap|three|chunk|runtime|webpack|umami|matomo|recaptcha|\.min\.js$", re.I)


def site_script_urls(tree: LexborHTMLParser, page_url: str, site: net.Target) -> list[str]:
    """The page's own script files (same site, no library): where a script that writes the menu lives."""
    base = base_url(tree, page_url)
    urls: list[str] = []
    for node in tree.css("script[src]"):
        if (node.attributes.get("type") or "").lower() not in _SCRIPT_TYPES:
            continue
        try:
            target = net.parse_url(node.attributes.get("src") or "", base)
        except net.URLError:
            continue
        if same_site(target, site) and not _LIBRARY_SCRIPT.search(target.path.rsplit("/", 1)[-1]):
            urls.append(target.url)
    return list(dict.fromkeys(urls))


_PARTIAL_NAMES = frozenset({"header", "footer", "nav", "navbar", "navigation", "menu", "menue", "menu top",
                            "header top", "footer bottom", "sidebar"})


def partial_urls(links: list[Link], site: net.Target, *, exclude: set[str]) -> list[str]:
    """Script-loaded parts of a page ("footer.html", "partials/nav.html") among ``links``: the site's menu and footer
    are in them, so their links are the page's links."""
    urls: list[str] = []
    for link in links:
        target = net.parse_url(link.url)
        name = fold(target.path.rsplit("/", 1)[-1].rsplit(".", 1)[0])
        if name in _PARTIAL_NAMES and same_site(target, site) and page_key(link.url) not in exclude:
            urls.append(link.url)
    return list(dict.fromkeys(urls))


_IMPRESSUM_NAME = re.compile(r"impressum|imprint", re.I)


def impressum_behind(links: list[Link], page_url: str, site: net.Target, *, exclude: set[str]) -> str | None:
    """The Impressum that a legal hub ("Rechtliches", "Legal": Impressum, Datenschutz and AGB behind buttons), taken
    for the Impressum, links by that very name; None when the page is an Impressum itself (its "Imprint" link is its
    other language)."""
    if _IMPRESSUM_NAME.search(net.parse_url(page_url).path):
        return None
    for link in links:
        target = net.parse_url(link.url)
        if (not link.scripted and fold(link.text) in ("impressum", "imprint") and _IMPRESSUM_NAME.search(target.path)
                and same_site(target, site) and page_key(link.url) not in exclude):
            return link.url
    return None


def frame_urls(tree: LexborHTMLParser, page_url: str) -> list[str]:
    """Frames and a lone full-page iframe: old sites keep their content there."""
    urls = []
    for node in tree.css("frame[src], iframe[src]"):
        if node.tag == "iframe" and tree.body is not None and len(tree.body.text(strip=True)) > 200:
            continue
        try:
            urls.append(net.parse_url(node.attributes.get("src") or "", page_url).url)
        except net.URLError:
            continue
    return urls


def _phrase_score(text: str, phrases: tuple[str, ...], exact: int, partial: int) -> int:
    if not text:
        return 0
    if text in phrases:
        return exact
    padded = f" {text} "
    if any(f" {p} " in padded for p in phrases):
        # "Impressum & Datenschutz" still names the page; a sentence that mentions it barely does.
        return partial if len(text) <= 40 else partial // 3
    return 0


def score(link: Link, kind: str) -> int:
    text, title = fold(link.text), fold(link.title)
    target = net.parse_url(link.url)
    path = fold(target.path.rsplit(".", 1)[0] if "." in target.path.rsplit("/", 1)[-1] else target.path)
    segments = [s for s in target.path.strip("/").split("/") if s]
    last = fold(segments[-1].rsplit(".", 1)[0]) if segments else ""
    value = max(_phrase_score(text, _TEXT[kind], 100, 60), _phrase_score(title, _TEXT[kind], 55, 45),
                _phrase_score(text, _WEAK_TEXT.get(kind, ()), 45, 0))
    if last in _URL[kind]:
        value += 50
    elif any(f" {p} " in f" {path} " for p in _URL[kind]):
        value += 30
    combined = f" {text} {title} {path} "
    if (
        value
        and any(f" {n} " in combined for n in _NEGATIVE[kind])
        and not any(f" {p} " in f" {text} {title} " for p in _TEXT[kind])
    ):
        value -= 80
    if link.in_footer and kind in ("impressum", "contact"):
        value += 10
    if link.in_nav and kind in ("about", "team", "contact"):
        value += 5
    return value


def page_key(url: str) -> str:
    """``/index.html`` and ``/`` are one page (and so are ``?`` variants of the home page)."""
    target = net.parse_url(url)
    return f"{target.origin}{_INDEX.sub('/', target.path)}" + (
        f"?{target.path_qs.split('?', 1)[1]}" if "?" in target.path_qs else ""
    )


def entry_links(links: list[Link], site: net.Target, *, exclude: set[str]) -> list[str]:
    """The pages a splash home page leads to: same-site page links, only when there are at most two of them
    (a home page with a real menu is no splash page)."""
    urls: list[str] = []
    for link in links:
        if link.scripted:  # a script's strings are no menu (a partial it loads, a page its code names)
            continue
        target = net.parse_url(link.url)
        key = page_key(link.url)
        if key in exclude or not same_site(target, site) or _SKIP_EXT.search(target.path) or link.url in urls:
            continue
        urls.append(link.url)
    return urls if len(urls) <= 2 else []


def pick_pages(links: list[Link], site: net.Target, *, exclude: set[str], limit: int) -> list[Candidate]:
    """Best link per kind on the same site, at most ``limit``, each URL once, best kinds first.

    ``exclude`` holds :func:`page_key` values of pages already fetched.
    """
    best: dict[str, Candidate] = {}
    for link in links:
        target = net.parse_url(link.url)
        if page_key(link.url) in exclude or not same_site(target, site) or _SKIP_EXT.search(target.path):
            continue
        for kind in KINDS:
            value = score(link, kind)
            if value < MIN_SCORE:
                continue
            current = best.get(kind)
            # On a tie prefer the shallower URL: "/impressum" over "/en/imprint".
            if (
                current is None
                or value > current.score
                or (value == current.score and link.url.count("/") < current.url.count("/"))
            ):
                best[kind] = Candidate(kind, link.url, value)
    chosen: list[Candidate] = []
    seen: set[str] = set()
    for kind in KINDS:
        candidate = best.get(kind)
        if candidate is not None and candidate.url not in seen and len(chosen) < limit:
            chosen.append(candidate)
            seen.add(candidate.url)
    return chosen
