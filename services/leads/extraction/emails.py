"""E-mail addresses: mailto links, plain text and the usual obfuscations."""

from __future__ import annotations

import re
from urllib.parse import unquote

from services.leads.providers.excluded import FREEMAIL as MAILBOX_PROVIDERS

from .dom import COMPANY, Line, ParsedPage
from .site import Candidate, Site, make_candidate, registrable_domain, split_domain
from .textutil import words

# "(a)" too: "info(a)muster.de" (rules round 17, two sites)
_AT = r"(?:\s*@\s*|\s*[\(\[\{<]\s*(?:at|ät|a|@)\s*[\)\]\}>]\s*|\s+(?:at|ät)\s+)"
_DOT = r"(?:\.|\s*[\(\[\{<]\s*(?:dot|punkt|\.)\s*[\)\]\}>]\s*|\s+(?:dot|punkt)\s+)"
_LABEL = r"[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?"  # internationalised domains too: "info@fürst-beispiel.de"
EMAIL_RE = re.compile(
    rf"(?<![\w.+%-])([a-z0-9][a-z0-9._%+-]{{0,63}}){_AT}((?:{_LABEL}{_DOT})+[a-z]{{2,24}})(?![\w-]|\.[a-z0-9])",
    re.I,
)
_DOT_RE = re.compile(_DOT, re.I)
_FILE_EXT = words(
    "png jpg jpeg gif svg webp avif bmp ico tif tiff js mjs css map json xml php html htm pdf zip gz mp4 "
    "webm mov woff woff2 ttf eot"
)
# Vendors' and generic domains that no provider's mailbox lives on ...
_NOISE_DOMAINS = ("sentry.io", "wixpress.com", "sentry-next.wixpress.com", "test.com", "email.com", "company.com",
                  "mysite.com", "website.com", "email.de", "e-mail.de", "ihre-email.de")
# ... and a template's placeholder domain under any suffix ("info@example.com", "info@musterfirma.at",
# "max@mustermann.ch"; the list above once held only the German spellings: rules round 17)
_PLACEHOLDER_DOMAIN_RE = re.compile(r"^(?:[\w-]+\.)*(?:musterfirma|mustermann|musterunternehmen|beispiel|beispielfirma|"
                                    r"example|ihre-domain|yourdomain|domain)\.(?:de|at|ch|com|org|net|eu|info)$")
_NOISE_LOCALS = words(
    "name vorname.nachname max.mustermann maxmustermann you your yourname user username ihre ihrname "
    "ihr.name email e-mail mail.name firstname.lastname john.doe jane.doe noreply no-reply donotreply"
)
_GENERIC_LOCALS = ("info", "kontakt", "contact", "office", "mail", "hello", "hallo", "post", "service", "buero",
                   "kanzlei", "praxis", "team", "zentrale", "anfrage", "welcome")


_FREEMAIL_DOMAINS = frozenset(entry for entry in MAILBOX_PROVIDERS if "." in entry)
_FREEMAIL_LABELS = frozenset(entry for entry in MAILBOX_PROVIDERS if "." not in entry)  # "gmx": gmx.de, gmx.at …


def is_freemail(domain: str) -> bool:
    """A mailbox provider's domain (the list discovery skips too): an address there is a person's mailbox."""
    return domain in _FREEMAIL_DOMAINS or split_domain(domain)[0] in _FREEMAIL_LABELS


_AT_HINT_RE = re.compile(r"@|\bat\b|ät|\(at\)|\[at\]|\{at\}|\(a\)|\[a\]", re.I)


def normalise_email(local: str, domain: str) -> str | None:
    domain = _DOT_RE.sub(".", domain).strip(".").lower()
    local = local.strip(".").lower()
    if not domain.isascii():
        try:  # the ASCII (punycode) form a mail client sends to (LABELLING.md)
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    if not local.isascii():
        return None  # umlauts before the "@" are not deliverable
    if not local or not domain or ".." in local:
        return None
    label, suffix = split_domain(domain)
    tld = domain.rsplit(".", 1)[-1]
    if not suffix or not label or tld in _FILE_EXT:
        return None
    if re.fullmatch(r"\d+x", local) or re.match(r"\d+x\.", domain):  # retina image names: logo@2x.png
        return None
    email = f"{local}@{domain}"
    if local in _NOISE_LOCALS or any(domain == d or domain.endswith("." + d) for d in _NOISE_DOMAINS) or (
            _PLACEHOLDER_DOMAIN_RE.match(domain)):
        return None
    if tld in ("example", "invalid", "test", "localhost"):
        return None
    if re.fullmatch(r"[0-9a-f]{16,}", local):  # tracking ids like sentry DSNs
        return None
    return email


_BARE_AT_RE = re.compile(r"\s(?:at|ät)\s", re.I)
_OBFUSCATED_DOT_RE = re.compile(r"\s(?:dot|punkt)\s|[\(\[\{<]\s*(?:dot|punkt|\.)\s*[\)\]\}>]", re.I)
_MAIL_LABEL_RE = re.compile(r"(?:e-?\s?mail|mail|email|contact|kontakt|schreiben|write)\W*$", re.I)


_OURS_BEFORE_RE = re.compile(r"\b(?:uns|unsere?[mnrs]?|wir|mich|mir|meine?[mnrs]?|us|our|me|my)\b", re.I)
_HINT_BEFORE_RE = re.compile(r"(?:z\.\s?b\.|e\.\s?g\.|bspw\.|beispiel(?:sweise)?|for\s+example|"
                             r"(?:ihre|deine|your)\s+e-?\s?mail(?:-?adresse|\s+address)?)\W*$", re.I)


def _prose_at(text: str, m: re.Match[str]) -> bool:
    """"… who writes at example.de" is prose, "info at example dot de" or "Mail: info at example.de" an address."""
    found = m.group(0)
    if "@" in found or not _BARE_AT_RE.search(found) or _OBFUSCATED_DOT_RE.search(found):
        return False
    return len(text) > 60 and not _MAIL_LABEL_RE.search(text[max(0, m.start() - 20) : m.start()])


# "info @ muster. de", "info @ muster - bau . de": with the "@" set apart, spaces around dots and hyphens are
# obfuscation too (only then: "info@muster.de. Wir …" must not swallow the next word).
_SPACED_RE = re.compile(r"(?<![\w.+%-])([a-z0-9][a-z0-9._%+-]{0,63})\s+@\s+((?:[a-z0-9]+\s?[.-]\s?)+[a-z]{2,24})\b",
                        re.I)


def emails_in_text(text: str) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    if " @ " in text:
        for m in _SPACED_RE.finditer(text):
            email = normalise_email(m.group(1), re.sub(r"\s", "", m.group(2)))
            if email and not _HINT_BEFORE_RE.search(text[max(0, m.start() - 16) : m.start()]):
                out.append((email, m.start(), m.end()))
    for m in EMAIL_RE.finditer(text):
        if any(start <= m.start() < end for _, start, end in out):
            continue  # already read as a spaced address
        if _prose_at(text, m) or _HINT_BEFORE_RE.search(text[max(0, m.start() - 16) : m.start()]):
            continue  # "z. B. max@mueller.ch": a form hint, not an address
        email = normalise_email(m.group(1), m.group(2))
        if email:
            out.append((email, m.start(), m.end()))
    return out


def email_from_href(href: str) -> str | None:
    if not href.lower().startswith("mailto:"):
        return None
    addr = unquote(href[7:]).split("?", 1)[0].split(",", 1)[0].strip()
    if "@" not in addr:
        return None
    local, _, domain = addr.rpartition("@")
    if not re.fullmatch(r"[\w.%+'-]+", local) or not re.fullmatch(r"[\w.-]+", domain):
        found = emails_in_text(addr)  # "info(@)example.de" in the link target: read it as text
        return found[0][0] if len(found) == 1 else None
    return normalise_email(local, domain)


def _score(email: str, page: ParsedPage, line: Line, site: Site) -> float:
    score = page.weight
    domain = email.split("@", 1)[1]
    if site.domain and (domain == site.domain or domain.endswith("." + site.domain)):
        score += 2.0
    if email.split("@", 1)[0] in _GENERIC_LOCALS:
        score += 1.0
    if line.region == "footer":
        score += 0.3
    return score


# Mail domains of public bodies (a town's administration, federal and state authorities): a private provider's
# site prints them for a school, an authority or a supervisory body, never as its own address.
_PUBLIC_BODY_RE = re.compile(
    r"(?:^|\.)(?:stadt|gemeinde|markt|landkreis|kreis|landratsamt|bezirksamt|magistrat)\.[\w-]+\.(?:de|at|ch)$|"
    r"\.gv\.at$|(?:^|\.)(?:admin\.ch|bund\.de|bayern\.de|nrw\.de|niedersachsen\.de|hessen\.de|sachsen\.de|"
    r"rlp\.de|saarland\.de|thueringen\.de|brandenburg\.de|sachsen-anhalt\.de|schleswig-holstein\.de|"
    r"bwl\.de|baden-wuerttemberg\.de)$")


_LISTING_DOMAINS = 3
_PROSE_LEN = 140


def _foreign_listing(page: ParsedPage, site: Site) -> bool:
    """The page prints addresses on several other firms' domains and none on a domain of the provider's own
    ("Nordlicht GmbH · jonas@nordlicht.de" / "Vektor AG · sabine@vektor.de" …): a listing of third parties."""
    if not site.domain:
        return False
    label = site.domain_label.replace("-", "")
    foreign: set[str] = set()
    for line in page.lines:
        if "@" not in line.text:
            continue
        for email, _, _ in emails_in_text(line.text):
            domain = email.split("@", 1)[1]
            if domain == site.domain or domain.endswith("." + site.domain):
                continue
            reg = registrable_domain(domain)
            if is_freemail(reg):
                continue
            if len(label) >= 4 and label in reg.replace("-", ""):
                return False  # "muster-bau.com" on muster-bau.de: the provider's own
            foreign.add(reg)
    return len(foreign) >= _LISTING_DOMAINS


def find_emails(site: Site) -> list[Candidate]:
    """All of the company's own addresses, best first."""
    seen: dict[str, Candidate] = {}
    rejected: set[str] = set()
    outside_prose: set[str] = set()
    # the pages that print an address in the provider's own lines and those that print it in a third party's
    ours_on: dict[str, set[str]] = {}
    theirs_on: dict[str, set[str]] = {}
    for page in site.pages:
        listing = _foreign_listing(page, site)
        for line in page.lines:
            hits = emails_in_text(line.text) if _AT_HINT_RE.search(line.text) else []
            for link in line.links:
                e = email_from_href(link.href)
                if e and "@" in link.text and e not in {v for v, _, _ in emails_in_text(link.text)} and (
                        emails_in_text(link.text)):
                    continue  # the link shows another address: the visitor reads and writes to that one
                if e:
                    hits.append((e, 0, len(line.text)))
            for email, start, end in hits:
                domain = email.split("@", 1)[1]
                own_domain = bool(site.domain) and (domain == site.domain or domain.endswith("." + site.domain))
                if not own_domain and _PUBLIC_BODY_RE.search(domain) and not (
                        site.domain and _PUBLIC_BODY_RE.search(site.domain)):
                    continue
                if listing and not own_domain and not is_freemail(domain):
                    continue  # a list of other firms' contacts (clients, a demo table), not the provider's
                if line.scope != COMPANY and not own_domain:
                    if not _OURS_BEFORE_RE.search(line.text[max(0, start - 80) : start]):
                        rejected.add(email)  # "… können Sie uns per E-Mail unter x@y kontaktieren" is ours
                        theirs_on.setdefault(email, set()).add(page.url)
                    continue
                ours_on.setdefault(email, set()).add(page.url)
                if len(line.text) <= _PROSE_LEN or own_domain or is_freemail(domain):
                    outside_prose.add(email)
                cand = make_candidate(email, _score(email, page, line, site), page, line.text, start, end)
                prev = seen.get(email)
                if prev is None:
                    seen[email] = cand
                else:
                    prev.score += 0.2 * cand.score
    # An address printed in a third party's block somewhere else is not ours even if it also appears in
    # a neutral place (e.g. the chamber's address repeated in running text) — unless it is on our domain.
    ordered = sorted(seen.values(), key=lambda c: -c.score)
    own = any(site.domain and c.value.endswith("@" + site.domain) for c in ordered)
    # An address on another firm's domain that only a long sentence names (a consent note copied from another
    # site's template) is not the provider's when the provider has an address of its own domain.
    # A mailbox at a mail provider (the owner's gmx or gmail address) that the site prints as its own on more pages
    # than it prints it in a block read as a third party's (the privacy notice's controller, a hosting paragraph) is
    # the provider's: a third party's mailbox is rarely printed as the site's own on page after page (rules round
    # 17; six folded holdout15 and earlier sites lost their only address so).
    # The same holds for a mailbox on another domain that the Impressum prints in the provider's own block (a firm
    # named after its mail domain, "muster.de Media UG", on its owner's site): the privacy policy's "wenden Sie sich
    # an: …" read as a third party's does not outweigh it (rules round 19).
    # (printed there as text: a link's target behind another address shown is a template's, not the provider's)
    printed = {c.value for c in ordered if c.value in rejected and any(
        p.kind == "impressum" and p.url in ours_on.get(c.value, ()) and any(
            line.scope == COMPANY and c.value in line.text.lower() for line in p.lines) for p in site.pages)}
    return [c for c in ordered if (c.value not in rejected or (site.domain and c.value.endswith(site.domain)) or (
            (is_freemail(c.value.split("@", 1)[1]) or c.value in printed)
            and len(ours_on.get(c.value, ())) > len(theirs_on.get(c.value, ()))))
            and (c.value in outside_prose or not own)]
