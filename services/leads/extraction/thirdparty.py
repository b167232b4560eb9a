"""Third parties recognised by the entity, not the heading: a paragraph of the legal notice that prints
another organisation's website (a chamber, an agency, a hoster) and nothing of the site's own is about that
organisation, so its phones, e-mails and address are not the provider's.

Headings and labels ("Zuständige Kammer", "Webdesign:") are handled in scope.py; this catches the same blocks
when they come without such a heading.
"""

from __future__ import annotations

import re

from .dom import COMPANY, THIRD_PARTY, Line, ParsedPage
from .emails import email_from_href, emails_in_text, is_freemail
from .scope import classify_heading
from .site import Site, registrable_domain
from .textutil import fold

_URL_RE = re.compile(r"(?:https?://|\bwww\.)([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)
_MAX_PARAGRAPH = 8


def _heading_in_text(line: Line) -> bool:
    """"EU-Streitschlichtung" printed as a plain line: a third party's heading that the markup does not set
    apart; the own contact lines above it are not part of that third party's paragraph."""
    text = line.text
    return len(text) <= 40 and len(text.split()) <= 3 and not line.has_digit and ":" not in text and (
        classify_heading(text) == THIRD_PARTY)


def _paragraphs(page: ParsedPage) -> list[list[Line]]:
    """Runs of lines of one block, cut at blank lines, headings and label lines."""
    out: list[list[Line]] = []
    cur: list[Line] = []
    for line in page.lines:
        if cur and (line.block != cur[-1].block or line.blank_before or line.level or _heading_in_text(line)):
            out.append(cur)
            cur = []
        cur.append(line)
    if cur:
        out.append(cur)
    return out


def _domains(lines: list[Line]) -> tuple[set[str], set[str]]:
    """(website domains, e-mail domains) printed in the lines."""
    sites: set[str] = set()
    mails: set[str] = set()
    for line in lines:
        for m in _URL_RE.finditer(line.text):
            if "@" not in line.text[max(0, m.start() - 1) : m.start()]:
                sites.add(registrable_domain(m.group(1).lower()))
        for email, _, _ in emails_in_text(line.text) if "@" in line.text or "(at)" in line.text else []:
            mails.add(registrable_domain(email.rsplit("@", 1)[1]))
        for link in line.links:
            linked = email_from_href(link.href)
            if linked:
                mails.add(registrable_domain(linked.rsplit("@", 1)[1]))
    sites.discard("")
    mails.discard("")
    return sites, mails


def _related(domain: str, site: Site, name: str) -> bool:
    """A domain of the provider's own: it shares a word with the site's domain or the provider's name
    ("muster.de" for the shop "muster-shop.de")."""
    label = domain.split(".", 1)[0]
    words_ = [w for w in re.split(r"[-_]", label) if len(w) >= 4]
    site_label = site.domain_label.replace("-", "")
    return any(w in site_label or w in name for w in words_) or (len(site_label) >= 4 and site_label in label)


def mark_foreign_paragraphs(site: Site, own_lines: dict[str, set[int]], provider_name: str = "") -> None:
    """Mark paragraphs of legal pages that print only foreign websites as third-party.
    `own_lines`: page url -> indices of the provider block (never marked)."""
    name = re.sub(r"\W", "", fold(provider_name))
    own_domains = {site.domain} if site.domain else set()
    for page in site.pages:
        for idx in own_lines.get(page.url, set()):
            if 0 <= idx < len(page.lines):
                own_domains |= set().union(*_domains([page.lines[idx]]))
    for page in site.pages:
        if page.kind != "impressum":
            continue
        keep = own_lines.get(page.url, set())
        for para in _paragraphs(page):
            if len(para) > _MAX_PARAGRAPH or any(ln.index in keep or ln.scope != COMPANY for ln in para):
                continue
            sites, mails = _domains(para)
            foreign = {d for d in sites if d not in own_domains and not is_freemail(d)}
            related = any(_related(d, site, name) for d in sites | mails)
            if foreign and not (sites | mails) & own_domains and not related:
                for ln in para:
                    ln.scope = THIRD_PARTY


# "Pension Erle, Muster, Anna, Birkenweg 4, Tel. 01234-5678, …": one entry of a directory (hosts, members)
_ENTRY_RE = re.compile(r"[A-ZÄÖÜ][\w.-]+(?:\s[\w.-]+)?\s\d{1,4}[a-z]?,\s.*?\b(?:tel(?:efon)?|fon|phone)\b\.?"
                       r"\s*:?\s*[+\d(]", re.I)
_LOOSE_ENTRY_RE = re.compile(r",\s*(?:tel(?:efon)?|fon|phone)\b\.?\s*:?\s*[+\d(]", re.I)
_MIN_ENTRIES = 3


def mark_directory_pages(site: Site) -> None:
    """A page outside the legal notice and the contact page that prints several entries, each with its own street
    address and phone on one line, is a directory of other businesses (a tourist office's list of hosts, a
    club's member firms): those entries and the web and mail lines printed right under them are theirs."""
    for page in site.pages:
        if page.kind in ("impressum", "contact", "privacy"):
            continue
        entries = [ln.index for ln in page.lines if ln.has_digit and ln.scope == COMPANY and _ENTRY_RE.search(ln.text)]
        if len(entries) < _MIN_ENTRIES:
            continue
        # on a directory, an entry without a house number ("Muster, Am Erlenhof, Tel. …") is one too
        marked = set(entries) | {ln.index for ln in page.lines if ln.has_digit and ln.text.count(",") >= 2 and (
            _LOOSE_ENTRY_RE.search(ln.text))}
        entries = sorted(marked)
        for idx in entries:
            for j in range(idx + 1, min(idx + 4, len(page.lines))):
                text = page.lines[j].text
                if j in marked or len(text) > 60 or not ("@" in text or _URL_RE.search(text)):
                    break
                marked.add(j)
        for idx in marked:
            page.lines[idx].scope = THIRD_PARTY
