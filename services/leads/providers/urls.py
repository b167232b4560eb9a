"""Turning search hits and list entries into company home URLs: normalise, filter, deduplicate.

Only the origin of a hit matters (a PDF or a deep page on a company's site names that company), so
every URL is cut down to ``scheme://host[:port]/``. Addresses are not resolved here: the crawler's
SSRF guard judges them when it fetches.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

import idna
import tldextract

from .excluded import CATEGORIES
from .models import Candidate, DiscoverySettings, Source

# The bundled public suffix snapshot, never a download. Private suffixes included so two firms on
# mueller.github.io and meier.github.io stay two candidates.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)
DEFAULT_PORTS = {"http": 80, "https": 443}
# Special-use and internal names (RFC 6761, 6762, 7686, 9476) and government suffixes: no company site.
BLOCKED_TLDS = frozenset({
    "test", "example", "invalid", "localhost", "local", "internal", "onion", "arpa", "alt", "lan", "home",
    "corp", "intranet", "private", "localdomain",
})
BLOCKED_SUFFIXES = frozenset({"gov", "mil", "int", "gv.at", "gov.uk", "gouv.fr", "gov.au", "gob.es", "gov.it"})
_WITH_AUTHORITY = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.I)
_HOST_PORT = re.compile(r"^[^/:?#@]+:\d*(?:[/?#]|$)")  # "mueller.de:8080/x" is a host, not a scheme
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_USERINFO = re.compile(r"^[^/?#@:]+:[^/?#@]*@")  # "user:pw@host" without a scheme
_OTHER_SCHEMES = frozenset({
    "mailto", "javascript", "tel", "data", "ftp", "ftps", "sftp", "file", "sms", "callto", "skype", "news", "urn",
    "about", "blob", "ws", "wss", "ssh", "git", "irc", "magnet", "whatsapp", "fax", "geo", "market", "intent",
    "http", "https",  # "http:/x" and "https:x" are broken URLs, not user names
})
_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
_REMOVED = str.maketrans("", "", "\t\n\r")  # WHATWG drops these anywhere in a URL
MAX_SHOWN = 300  # a garbage line is echoed in `skipped`, but not a megabyte of it


@dataclass(frozen=True, slots=True)
class Origin:
    scheme: str
    host: str  # lower-case ASCII (punycode) name or canonical IP without brackets
    port: int
    is_ip: bool

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        port = "" if DEFAULT_PORTS[self.scheme] == self.port else f":{self.port}"
        return f"{self.scheme}://{host}{port}/"


def _ascii_host(host: str) -> str | None:
    host = host.rstrip(".")  # "mueller.de." is the same name, fully qualified
    if not host or len(host) > 253:
        return None
    try:
        if not host.isascii():
            host = idna.encode(host, uts46=True).decode("ascii")
        elif "xn--" in host:
            idna.decode(host)  # reject broken punycode rather than pass it on
    except (idna.IDNAError, UnicodeError, ValueError):
        return None
    labels = host.split(".")
    if not all(_LABEL.match(label) for label in labels):
        return None
    if labels[-1].isdigit():  # numeric last label: an IPv4 literal or nothing ("127.1" is not a name)
        try:
            return str(ipaddress.IPv4Address(host))
        except ValueError:
            return None
    return host


def parse_origin(url_or_domain: str) -> Origin | None:
    """The origin of a URL or bare domain; None for anything that is not an http(s) site."""
    text = url_or_domain.strip().translate(_REMOVED).replace("\\", "/")  # backslash is a slash to browsers
    if not text:
        return None
    if text.startswith("//"):
        text = "https:" + text
    elif not _WITH_AUTHORITY.match(text):
        scheme_like = _SCHEME.match(text)
        if scheme_like and (scheme_like.group(1).lower() in _OTHER_SCHEMES
                            or not (_HOST_PORT.match(text) or _USERINFO.match(text))):
            return None  # mailto:, javascript:, tel:, data: …; "host:port" and "user:pw@host" go on
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
        raw_host = parts.hostname
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not raw_host or port == 0:
        return None
    if "[" in parts.netloc:  # bracketed IPv6 literal
        try:
            address = ipaddress.IPv6Address(raw_host)
        except ValueError:
            return None
        return Origin(scheme, address.compressed, port or DEFAULT_PORTS[scheme], True)
    host = _ascii_host(raw_host)
    if host is None:
        return None
    is_ip = host.rsplit(".", 1)[-1].isdigit()  # _ascii_host lets a numeric last label through only as IPv4
    return Origin(scheme, host, port or DEFAULT_PORTS[scheme], is_ip)


def scheme_assumed(url_or_domain: str) -> bool:
    """True for "mueller.de" or "//mueller.de": :func:`parse_origin` guessed https, no one said so."""
    return not _WITH_AUTHORITY.match(url_or_domain.strip().translate(_REMOVED))


def normalise_home_url(url_or_domain: str) -> str | None:
    """``"HTTPS://user:pw@Www.Müller.DE:443/a?b#c"`` -> ``"https://www.xn--mller-kva.de/"``; None if unusable."""
    origin = parse_origin(url_or_domain)
    return origin.url if origin else None


@lru_cache(maxsize=8192)
def _split(host: str) -> tuple[str, str]:
    """(label under the public suffix, public suffix); either may be empty."""
    parts = _EXTRACT(host)
    return parts.domain, parts.suffix


def _registrable(origin: Origin) -> str | None:
    if origin.is_ip:
        return origin.host
    label, suffix = _split(origin.host)
    return f"{label}.{suffix}" if label and suffix else None


def registrable_domain(url_or_host: str) -> str | None:
    """``"shop.mueller.co.uk"`` -> ``"mueller.co.uk"``; an IP literal is its own domain; None without one."""
    origin = parse_origin(url_or_host)
    return _registrable(origin) if origin else None


class Exclusions:
    """Matches hosts against the configured excluded domains, on every parent domain and brand label."""

    def __init__(self, entries: list[str]) -> None:
        self.domains = frozenset(e for e in entries if "." in e)
        self.labels = frozenset(e for e in entries if "." not in e)

    @classmethod
    def from_settings(cls, settings: DiscoverySettings) -> Exclusions:
        return cls([*settings.excluded_domains, *settings.excluded_domains_extra])

    def match(self, origin: Origin) -> str | None:
        """The entry that excludes this host, or None."""
        if origin.is_ip:
            return origin.host if origin.host in self.domains else None
        labels = origin.host.split(".")
        for i in range(len(labels)):
            parent = ".".join(labels[i:])
            if parent in self.domains:
                return parent
        label, _ = _split(origin.host)
        return label if label in self.labels else None


def _blocked_tld(origin: Origin) -> str | None:
    if origin.is_ip:
        return None
    last = origin.host.rsplit(".", 1)[-1]
    if last in BLOCKED_TLDS:
        return last
    _, suffix = _split(origin.host)
    for blocked in BLOCKED_SUFFIXES:
        if suffix == blocked or suffix.endswith("." + blocked):
            return blocked
    return None


def _clean_text(text: object) -> str | None:
    if not isinstance(text, str):
        return None
    return " ".join(text.split())[:1000] or None


@dataclass
class Collector:
    """Accepts hits in rank order; keeps the first (best-ranked) URL per registrable domain."""

    source: Source
    exclusions: Exclusions
    candidates: list[Candidate] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    _by_domain: dict[str, Candidate] = field(default_factory=dict)

    def skip(self, raw: str, reason: str, detail: str = "") -> None:
        entry = {"url": raw[:MAX_SHOWN], "reason": reason}
        if detail:
            entry["detail"] = detail
        self.skipped.append(entry)

    def add(self, raw: str, *, rank: int, title: object = None, snippet: object = None, name: str | None = None,
            phone: str | None = None, address: str | None = None, category: str | None = None) -> Candidate | None:
        origin = parse_origin(raw)
        if origin is None:
            self.skip(raw, "invalid", "not an http(s) URL or domain name")
            return None
        blocked = _blocked_tld(origin)
        if blocked:
            self.skip(raw, "blocked-tld", f".{blocked}")
            return None
        domain = _registrable(origin)
        if domain is None:
            self.skip(raw, "invalid", "no registrable domain (unknown or bare public suffix)")
            return None
        excluded_by = self.exclusions.match(origin)
        if excluded_by:
            self.skip(raw, CATEGORIES.get(excluded_by, "excluded"), excluded_by)
            return None
        kept = self._by_domain.get(domain)
        if kept is not None:
            self.skip(raw, "duplicate", f"{domain} (rank {kept.rank})")
            kept.rank = min(kept.rank, rank)  # the first URL stays, with the best rank seen
            if kept.title is None and (better := _clean_text(title)):
                kept.title = better  # a later hit may carry the title the first one lacked
            return None
        candidate = Candidate(url=origin.url, domain=domain, title=_clean_text(title), snippet=_clean_text(snippet),
                              source=self.source, rank=rank, name=_clean_text(name), phone=_clean_text(phone),
                              address=_clean_text(address), category=category,
                              scheme_assumed=scheme_assumed(raw))
        self._by_domain[domain] = candidate
        self.candidates.append(candidate)
        return candidate
