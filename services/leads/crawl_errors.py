"""Crawl errors in words: ``"tls: TLS handshake failed: WRONG_VERSION_NUMBER (https://x/)"`` becomes
"The site's TLS handshake failed …", for people; the raw text stays available as the detail.

The crawler's messages have the shape ``[<kind> page: ]<code>: <message>[ (<url>)]`` with the codes
of :data:`services.leads.crawler.errors.ErrorCode`, plus the pipeline's ``timeout:``, ``internal:``
and ``extraction:`` entries. Anything unknown is passed through unchanged.
"""

from __future__ import annotations

import re

_ENTRY = re.compile(r"^(?:(?P<kind>[a-z]+) page: )?(?P<code>[a-z_]+): (?P<message>.*?)"
                    r"(?: \((?P<url>https?://[^ ]*)\))?(?: \[rendering because: .*\])?$", re.S)
_SECONDS = re.compile(r"(\d+(?:\.\d+)?)\s*s\b")
_STATUS = re.compile(r"HTTP (\d{3})")
_CONTENT_TYPE = re.compile(r"Content-Type ([^)\s]+)")
_KINDS = {"impressum": "The Impressum page", "contact": "The contact page", "about": "The about page",
          "team": "The team page", "home": "A framed page", "other": "A page"}


def _seconds(message: str) -> str:
    found = _SECONDS.search(message)
    return f"{float(found.group(1)):g} s" if found else "the time limit"


def _http_status(message: str) -> str:
    found = _STATUS.search(message)
    status = int(found.group(1)) if found else 0
    if status in (401, 403):
        return f"The site refused access (HTTP {status})."
    if status in (404, 410):
        return f"The page does not exist (HTTP {status})."
    if status == 429:
        return "The site asked us to slow down (HTTP 429); retry later."
    if status >= 500:
        return f"The site's server failed (HTTP {status})."
    return f"The site answered HTTP {status}." if status else "The site answered with an error."


def _sentence(code: str, message: str) -> str | None:
    simple = {
        "tls": "The site's TLS handshake failed: its HTTPS set-up is broken, or it speaks only plain http.",
        "connect": "The server could not be reached: the connection was refused or there is no route to it.",
        "blocked": "The site's address is private or internal, so it was not crawled.",
        "too_large": "The page is larger than the size limit (OUTBOUND_MAX_BYTES_PER_PAGE).",
        "encoding": "The page's text encoding could not be read.",
        "redirect_loop": "The site redirects in a loop.",
        "too_many_redirects": "The site redirects too many times.",
        "invalid_url": "This is not a usable web address.",
        "protocol": "The server broke the HTTP protocol (a corrupt or unreadable answer).",
        "render": "The browser could not render the page.",
        "internal": "An internal error stopped the crawl of this site; retry it, and report it if it happens again.",
    }
    if code in simple:
        return simple[code]
    if code == "timeout":
        if message.startswith("site took longer"):
            return f"The site took longer than {_seconds(message)}; the pages fetched by then were used."
        return f"No answer within {_seconds(message)}."
    if code == "dns":
        if "timed out" in message:
            return "The domain's DNS lookup timed out."
        return "The domain does not exist or has no address (DNS)."
    if code == "robots":
        if "unavailable" in message:
            return "robots.txt could not be read, and without it crawling is not allowed (RFC 9309)."
        return "robots.txt forbids crawling this site."
    if code == "http_status":
        return _http_status(message)
    if code == "not_html":
        found = _CONTENT_TYPE.search(message)
        return f"The address serves no web page ({found.group(1)})." if found else "The address serves no web page."
    if code == "extraction":
        if "longer than" in message:
            return "The pages were fetched, but reading the facts from them took too long."
        return "The pages were fetched, but reading the facts from them failed."
    return None


def describe(error: str) -> str:
    """One crawl error in words; the raw text when its shape is unknown."""
    text = error.strip()
    if text.startswith("in-page request refused:"):
        return "A request inside the page was refused (a private address or robots.txt); the page was read anyway."
    match = _ENTRY.match(text)
    if match is None:
        return text
    sentence = _sentence(match.group("code"), match.group("message"))
    if sentence is None:
        return text
    kind = match.group("kind")
    if kind:
        return f"{_KINDS.get(kind, 'A page')}: {sentence[0].lower()}{sentence[1:]}"
    return sentence


def summary(errors: list[str], *, failed: bool) -> str | None:
    """What went wrong with a site, in words: the cause of a failure, or the first of several warnings."""
    if not errors:
        return None
    first = describe(errors[0])
    if failed:
        return first
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"Crawled with a problem: {first[0].lower()}{first[1:]}{more}"
