"""URL normalisation and the address policy behind the SSRF guard.

The crawler fetches URLs that come from untrusted pages, so every URL goes through
:func:`parse_url` (WHATWG-style host parsing, so ``http://0x7f000001/`` and ``http://127.1/`` are
recognised as the loopback literals they are) and every address it will connect to goes through
:meth:`AddressPolicy.check`. The fetcher then connects to exactly the address that was checked.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import string
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, unquote, urljoin, urlsplit

import idna

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# (hostname, port) -> address strings; injectable so tests can map names like ``acme.test``.
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]

DEFAULT_PORTS = {"http": 80, "https": 443}
# WHATWG "forbidden host code points" (after percent-decoding) plus whitespace.
_FORBIDDEN_HOST = set("\x00\t\n\r #/:<>?@[\\]^|%") | {chr(c) for c in range(0x20)} | {"\x7f"}
_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))
# Characters that may stay as they are in a path or query; everything else is percent-encoded.
_SAFE_PATH = "/:@!$&'()*+,;=-._~%"
_SAFE_QUERY = _SAFE_PATH + "?"


class URLError(ValueError):
    """The string is not a URL the crawler may fetch (syntax or scheme)."""


class BlockedAddressError(Exception):
    """The URL points at an address the policy forbids."""


@dataclass(frozen=True, slots=True)
class Target:
    """A parsed, normalised http(s) URL."""

    scheme: str
    host: str  # ASCII (IDNA) hostname or canonical IP literal without brackets
    port: int
    path_qs: str  # path plus ``?query``; never empty
    ip: IPAddress | None  # set when the host is an IP literal

    @property
    def netloc(self) -> str:
        host = f"[{self.host}]" if isinstance(self.ip, ipaddress.IPv6Address) else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.netloc}{self.path_qs}"

    @property
    def origin(self) -> str:
        return f"{self.scheme}://{self.netloc}"

    @property
    def path(self) -> str:
        return self.path_qs.split("?", 1)[0]

    def url_for_ip(self, ip: IPAddress) -> str:
        """The same URL with the host replaced by a (checked) address: no second DNS lookup."""
        host = f"[{ip}]" if isinstance(ip, ipaddress.IPv6Address) else str(ip)
        return f"{self.scheme}://{host}:{self.port}{self.path_qs}"


# --------------------------------------------------------------------------- WHATWG IPv4 parsing


def _parse_ipv4_number(part: str) -> int | None:
    """WHATWG "IPv4 number parser": decimal, ``0x`` hex or leading-zero octal; None on failure."""
    if part == "":
        return None
    radix = 10
    if part[:2].lower() == "0x":
        radix, part = 16, part[2:]
    elif len(part) > 1 and part[0] == "0":
        radix, part = 8, part[1:]
    if part == "":
        return 0
    digits = {10: string.digits, 16: string.hexdigits, 8: "01234567"}[radix]
    if any(ch not in digits for ch in part):
        return None
    return int(part, radix)


def ends_in_a_number(host: str) -> bool:
    """WHATWG "ends in a number checker": decides whether the host must parse as IPv4."""
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    last = parts[-1]
    if last and all(ch in string.digits for ch in last):
        return True
    return _parse_ipv4_number(last) is not None


def parse_ipv4(host: str) -> ipaddress.IPv4Address:
    """WHATWG IPv4 parser: ``127.1``, ``0177.0.0.1``, ``0x7f000001`` and ``2130706433`` all work."""
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if len(parts) > 4:
        raise URLError(f"invalid IPv4 address {host!r}")
    numbers = []
    for part in parts:
        number = _parse_ipv4_number(part)
        if number is None:
            raise URLError(f"invalid IPv4 address {host!r}")
        numbers.append(number)
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        raise URLError(f"invalid IPv4 address {host!r}")
    value = numbers[-1]
    for i, n in enumerate(numbers[:-1]):
        value += n * 256 ** (3 - i)
    return ipaddress.IPv4Address(value)


# --------------------------------------------------------------------------- URL parsing


def _parse_host(raw: str) -> tuple[str, IPAddress | None]:
    if raw.startswith("["):
        if not raw.endswith("]"):
            raise URLError("unterminated IPv6 literal")
        inner = raw[1:-1]
        if "%" in inner:  # zone ids are meaningless for a remote fetch and a parser-confusion risk
            raise URLError("IPv6 zone identifiers are not allowed")
        try:
            v6 = ipaddress.IPv6Address(inner)
        except ValueError as exc:
            raise URLError(f"invalid IPv6 address {inner!r}") from exc
        return str(v6), v6
    host = unquote(raw)
    if not host:
        raise URLError("URL has no host")
    if not host.isascii():
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except idna.IDNAError as exc:
            raise URLError(f"invalid international domain name {raw!r}") from exc
    host = host.lower()
    if not _FORBIDDEN_HOST.isdisjoint(host):
        raise URLError(f"invalid host {raw!r}")
    if ends_in_a_number(host):
        v4 = parse_ipv4(host)
        return str(v4), v4
    if len(host) > 253 or any(not label or len(label) > 63 for label in host.rstrip(".").split(".")):
        raise URLError(f"invalid host {raw!r}")
    return host, None


@lru_cache(maxsize=16384)
def parse_url(raw: str, base: str | None = None) -> Target:
    """Parse (and resolve against ``base``) an http(s) URL; raise :class:`URLError` otherwise.

    Cached: link scoring and page bookkeeping parse the same URLs many times over.
    """
    # WHATWG: strip C0 controls and spaces around, drop tabs/newlines inside, "\" means "/".
    cleaned = raw.strip(_C0_OR_SPACE)
    cleaned = cleaned.replace("\t", "").replace("\n", "").replace("\r", "")
    head, sep, tail = cleaned.partition("?")
    cleaned = head.replace("\\", "/") + sep + tail
    try:
        if base is not None:
            cleaned = urljoin(base, cleaned)
        parts = urlsplit(cleaned)
    except ValueError as exc:  # e.g. "Invalid IPv6 URL"
        raise URLError(str(exc)) from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise URLError(f"unsupported URL scheme {scheme or '(none)'!r}; only http and https")
    netloc = parts.netloc
    if "@" in netloc:
        raise URLError("URLs with credentials are not fetched")
    if netloc.startswith("["):
        end = netloc.find("]")
        host_raw, port_raw = netloc[: end + 1], netloc[end + 1 :]
        if port_raw and not port_raw.startswith(":"):
            raise URLError(f"invalid authority {netloc!r}")
        port_raw = port_raw[1:]
    else:
        host_raw, _, port_raw = netloc.partition(":")
    if port_raw and (not port_raw.isdigit() or int(port_raw) > 65535):
        raise URLError(f"invalid port {port_raw!r}")
    host, ip = _parse_host(host_raw)
    port = int(port_raw) if port_raw else DEFAULT_PORTS[scheme]
    if port == 0:
        raise URLError("port 0 is not fetchable")
    path = quote(parts.path or "/", safe=_SAFE_PATH)
    query = quote(parts.query, safe=_SAFE_QUERY)
    return Target(scheme, host, port, path + (f"?{query}" if query else ""), ip)


def normalise_input_url(raw: str) -> Target:
    """What a user typed: ``example.com`` means ``https://example.com/``."""
    text = raw.strip()
    if not text:
        raise URLError("empty URL")
    if "://" not in text and not text.lower().startswith(("http:", "https:")):
        if ":" in text.split("/", 1)[0] and not text.split(":", 1)[1][:1].isdigit():
            # "mailto:x", "javascript:..." — a scheme we don't fetch, not a host:port.
            raise URLError(f"unsupported URL {raw!r}")
        text = "https://" + text
    target = parse_url(text)
    if target.ip is None and "." not in target.host.strip("."):
        raise URLError(f"{raw!r} is not a domain name")
    return target


# --------------------------------------------------------------------------- address policy

_V4_BLOCKS: list[tuple[ipaddress.IPv4Network, str]] = [
    (ipaddress.IPv4Network(net), why)
    for net, why in [
        ("0.0.0.0/8", "unspecified/'this network'"),
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "shared address space (CGNAT)"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local (cloud metadata)"),
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "IETF protocol assignments"),
        ("192.0.2.0/24", "documentation"),
        ("192.88.99.0/24", "6to4 relay anycast"),
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "benchmarking"),
        ("198.51.100.0/24", "documentation"),
        ("203.0.113.0/24", "documentation"),
        ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"),
    ]
]
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")
_V4_COMPAT = ipaddress.IPv6Network("::/96")
_V4_TRANSLATED = ipaddress.IPv6Network("::ffff:0:0:0/96")
_6TO4 = ipaddress.IPv6Network("2002::/16")
_TEREDO = ipaddress.IPv6Network("2001::/32")


def _v4_reason(ip: ipaddress.IPv4Address) -> str | None:
    for net, why in _V4_BLOCKS:
        if ip in net:
            return why
    if not ip.is_global or ip.is_multicast or ip.is_reserved:
        return "not globally routable"
    return None


def forbidden_reason(ip: IPAddress) -> str | None:
    """Why connecting to ``ip`` is an SSRF risk, or None for an ordinary public address."""
    if isinstance(ip, ipaddress.IPv4Address):
        return _v4_reason(ip)
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    # Forms that embed an IPv4 address are judged by the address they lead to.
    embedded: list[ipaddress.IPv4Address] = []
    if ip.ipv4_mapped is not None:
        embedded.append(ip.ipv4_mapped)
    elif ip in _V4_COMPAT or ip in _V4_TRANSLATED or ip in _NAT64:
        embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    elif ip.sixtofour is not None:
        embedded.append(ip.sixtofour)
    elif ip.teredo is not None:
        embedded.extend(ip.teredo)
    if embedded:
        for v4 in embedded:
            why = _v4_reason(v4)
            if why:
                return f"IPv6 embedding {why} IPv4 {v4}"
        return None
    if ip in _NAT64_LOCAL:
        return "local-use NAT64"
    if ip.is_link_local:
        return "link-local"
    if ip.is_site_local:
        return "site-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_private:
        return "private (ULA or special-purpose)"
    if not ip.is_global or ip.is_reserved:
        return "not globally routable"
    return None


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses may be connected to.

    ``allow_private`` lifts the check entirely (self-hosters crawling their intranet);
    ``allowed`` lists exceptions as ``(network, port or None)`` so tests and special deployments
    can open exactly one loopback port while everything else stays forbidden.
    """

    allow_private: bool = False
    allowed: tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, int | None], ...] = ()

    @classmethod
    def from_strings(cls, allow_private: bool, entries: Iterable[str]) -> AddressPolicy:
        return cls(allow_private, tuple(parse_allow_entry(e) for e in entries))

    def check(self, ip: IPAddress, port: int) -> None:
        if self.allow_private:
            return
        why = forbidden_reason(ip)
        if why is None:
            return
        for net, allowed_port in self.allowed:
            if ip in net and allowed_port in (None, port):
                return
        raise BlockedAddressError(f"address {ip} is {why}")


def parse_allow_entry(entry: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, int | None]:
    """``127.0.0.1:8080``, ``[::1]:8080``, ``10.0.0.0/8`` or ``10.1.2.3`` -> (network, port)."""
    text = entry.strip()
    port: int | None = None
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if rest.startswith(":"):
            port = int(rest[1:])
    elif text.count(":") == 1:
        host, _, port_text = text.partition(":")
        port = int(port_text)
    else:
        host = text
    return ipaddress.ip_network(host, strict=False), port


async def system_resolver(host: str, port: int) -> Sequence[str]:
    """getaddrinfo on the loop's executor (the platform resolver blocks)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return [str(info[4][0]).split("%", 1)[0] for info in infos]


def mapping_resolver(mapping: dict[str, str | Sequence[str]]) -> Resolver:
    """A resolver that knows only ``mapping`` (tests, benches): anything else is NXDOMAIN."""

    async def resolve(host: str, port: int) -> Sequence[str]:
        value = mapping.get(host.rstrip("."))
        if value is None:
            raise socket.gaierror(socket.EAI_NONAME, f"unknown host {host}")
        return [value] if isinstance(value, str) else list(value)

    return resolve
