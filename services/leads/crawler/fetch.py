"""The guarded HTTP fetcher: every request, redirect hop and meta refresh passes the SSRF check.

How a request is made safe:

1. the URL is parsed WHATWG-style (:func:`net.parse_url`), only http/https;
2. the host is resolved once and *every* address must pass :class:`net.AddressPolicy`;
3. the connection goes to the checked address itself (URL host replaced by the IP, ``Host``
   header and TLS SNI set to the name, certificate verified against the name), so a DNS answer
   that changes between check and connect (rebinding) cannot redirect it;
4. redirects are followed by hand, each hop going through steps 1-3 again;
5. bodies are streamed and capped after decompression, with a total time limit per request.
"""

from __future__ import annotations

import asyncio
import contextlib
import html as html_lib
import ipaddress
import re
import socket
import ssl
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from http.cookiejar import CookieJar, DefaultCookiePolicy

import certifi
import httpx

from services.leads.crawler import net
from services.leads.crawler.decode import (
    HTML_TYPES,
    SNIFF_TYPES,
    BoundedDecoder,
    decode_html,
    looks_like_html,
    split_content_type,
)
from services.leads.crawler.errors import FetchError
from services.leads.crawler.politeness import Politeness
from services.leads.crawler.settings import CrawlerSettings

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
HopCheck = Callable[[net.Target], Awaitable[None]]
_DNS_TTL = 60.0
_MAX_CLIENTS = 128
_META_REFRESH = re.compile(r"""<meta\s[^>]*http-equiv\s*=\s*["']?refresh["']?[^>]*>""", re.IGNORECASE)
_CONTENT_ATTR = re.compile(r"""content\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_REFRESH_URL = re.compile(r"""^\s*(\d+(?:\.\d*)?)?\s*[;,]?\s*(?:url\s*=\s*)?["']?([^"']*)["']?\s*$""", re.I)
# A refresh that fires after longer than this is a page reload timer, not a redirect.
_MAX_REFRESH_DELAY = 15.0


@dataclass(slots=True)
class RawResponse:
    """One HTTP exchange (no redirect following)."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes
    address: str


@dataclass(slots=True)
class Page:
    """An HTML (or, for robots.txt, text) document after redirects."""

    url: str
    requested_url: str
    status: int
    content_type: str
    charset: str
    text: str
    redirects: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    raw: RawResponse | None = None  # kept so the browser can be served this document, not refetch it


@dataclass
class _Client:
    client: httpx.AsyncClient
    in_flight: int = 0


def _no_cookies() -> CookieJar:
    # Connections are keyed by IP, so a shared jar would hand one site's cookies to another
    # hosted on the same address; the crawler needs no cookies, so it keeps none.
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))


def default_ssl_context() -> ssl.SSLContext:
    return ssl.create_default_context(cafile=certifi.where())


def _tls_cause(exc: BaseException) -> ssl.SSLError | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


class Fetcher:
    """Guarded, polite HTTP client shared by every site of a run (and by the browser's requests)."""

    def __init__(
        self,
        settings: CrawlerSettings,
        *,
        resolver: net.Resolver | None = None,
        policy: net.AddressPolicy | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.settings = settings
        self.resolver = resolver or net.system_resolver
        self.policy = policy or net.AddressPolicy.from_strings(settings.allow_private_urls, settings.allow_addresses)
        self._ssl = ssl_context or default_ssl_context()
        self.politeness = Politeness(
            settings.global_concurrency, settings.per_host_concurrency, settings.per_host_delay
        )
        self._dns: dict[str, tuple[float, list[net.IPAddress]]] = {}
        self._clients: OrderedDict[str, _Client] = OrderedDict()
        self._headers = {
            "User-Agent": settings.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Language": "de-DE,de;q=0.9,en;q=0.8",
            # Only what BoundedDecoder can cap; no brotli/zstd decoder is installed.
            "Accept-Encoding": "gzip, deflate",
        }
        self.requests_made = 0

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        clients, self._clients = list(self._clients.values()), OrderedDict()
        for entry in clients:
            await entry.client.aclose()

    # ------------------------------------------------------------------ guard

    async def resolve(self, target: net.Target) -> list[net.IPAddress]:
        """Addresses to connect to, all of them checked against the policy."""
        if target.ip is not None:
            addresses = [target.ip]
        else:
            addresses = await self._lookup(target)
        for ip in addresses:
            try:
                self.policy.check(ip, target.port)
            except net.BlockedAddressError as exc:
                where = "" if target.ip is not None else f"host {target.host} resolves to "
                raise FetchError("blocked", f"{where}{exc}; not fetched", target.url) from None
        return addresses

    async def _lookup(self, target: net.Target) -> list[net.IPAddress]:
        cached = self._dns.get(target.host)
        now = time.monotonic()
        if cached is not None and cached[0] > now:
            return cached[1]
        try:
            async with asyncio.timeout(self.settings.fetch_timeout):
                answers = await self.resolver(target.host, target.port)
        except (OSError, UnicodeError) as exc:
            raise FetchError("dns", f"cannot resolve {target.host}: {exc}", target.url) from None
        except TimeoutError:
            raise FetchError("dns", f"DNS lookup for {target.host} timed out", target.url) from None
        addresses: list[net.IPAddress] = []
        for answer in answers:
            try:
                ip = ipaddress.ip_address(answer)
            except ValueError:
                raise FetchError("dns", f"bad DNS answer {answer!r}", target.url) from None
            if ip not in addresses:
                addresses.append(ip)
        if not addresses:
            raise FetchError("dns", f"no address for {target.host}", target.url)
        if len(self._dns) > 10_000:
            self._dns.clear()
        self._dns[target.host] = (now + _DNS_TTL, addresses)
        return addresses

    # ------------------------------------------------------------------ one exchange

    async def request(
        self,
        method: str,
        url: str | net.Target,
        *,
        headers: dict[str, str] | None = None,
        content: bytes | None = None,
        max_bytes: int | None = None,
        html_only: bool = False,
        delay: bool = True,
    ) -> RawResponse:
        """One guarded HTTP exchange; redirects are returned, not followed."""
        target = self.parse(url) if isinstance(url, str) else url
        addresses = await self.resolve(target)
        async with self.politeness.slot(f"{target.host}:{target.port}", delay=delay):
            for attempt, ip in enumerate(addresses[:2]):
                try:
                    return await self._send(
                        method,
                        target,
                        ip,
                        headers=headers,
                        content=content,
                        max_bytes=max_bytes,
                        html_only=html_only,
                    )
                except FetchError as exc:
                    # A dead address among several is common (IPv6 without a route): try one more.
                    if exc.code != "connect" or attempt == min(len(addresses), 2) - 1:
                        raise
        raise AssertionError("unreachable")

    @staticmethod
    def parse(url: str, base: str | None = None) -> net.Target:
        try:
            return net.parse_url(url, base)
        except net.URLError as exc:
            raise FetchError("invalid_url", str(exc), url[:200]) from None

    async def _acquire_client(self, target: net.Target, ip: net.IPAddress) -> _Client:
        """The client for this origin, already counted as in use (so eviction leaves it alone)."""
        # One small pool per origin and, for https, per TLS name: httpcore keys connections by
        # (scheme, IP, port) only, so a connection opened with SNI "a.example" must not serve
        # "b.example" on the same IP; and one big shared pool is scanned linearly per request.
        key = f"{target.scheme}://{ip}:{target.port}" + (f"#{target.host}" if target.scheme == "https" else "")
        entry = self._clients.get(key)
        if entry is not None:
            self._clients.move_to_end(key)
            entry.in_flight += 1
            return entry
        entry = _Client(
            httpx.AsyncClient(
                verify=self._ssl,
                trust_env=False,  # an env proxy would resolve names itself, past the guard
                follow_redirects=False,
                cookies=_no_cookies(),
                timeout=httpx.Timeout(self.settings.fetch_timeout),
                limits=httpx.Limits(max_connections=16, max_keepalive_connections=8, keepalive_expiry=5),
            )
        )
        entry.in_flight += 1
        self._clients[key] = entry
        if len(self._clients) > _MAX_CLIENTS:
            idle = [k for k, v in self._clients.items() if not v.in_flight]
            for old_key in idle[: len(self._clients) - _MAX_CLIENTS]:
                with contextlib.suppress(Exception):
                    await self._clients.pop(old_key).client.aclose()
        return entry

    async def _send(
        self,
        method: str,
        target: net.Target,
        ip: net.IPAddress,
        *,
        headers: dict[str, str] | None,
        content: bytes | None,
        max_bytes: int | None,
        html_only: bool,
    ) -> RawResponse:
        limit = max_bytes or self.settings.max_bytes_per_page
        request_headers = {**self._headers, **(headers or {}), "Host": target.netloc}
        extensions = {"sni_hostname": target.host} if target.scheme == "https" and target.ip is None else {}
        entry = await self._acquire_client(target, ip)
        self.requests_made += 1
        try:
            async with asyncio.timeout(self.settings.fetch_timeout):
                async with entry.client.stream(
                    method,
                    target.url_for_ip(ip),
                    headers=request_headers,
                    content=content,
                    extensions=extensions,
                ) as response:
                    if html_only and 200 <= response.status_code < 300:
                        self._reject_non_html(response, target)
                    length = response.headers.get("content-length", "")
                    if length.isdigit() and int(length) > limit:
                        raise FetchError("too_large", f"page larger than {limit} bytes", target.url)
                    decoder = BoundedDecoder(response.headers.get("content-encoding", ""), limit, target.url)
                    body = bytearray()
                    async for chunk in response.aiter_raw():
                        body += decoder.feed(chunk)
                    body += decoder.flush()
                    return RawResponse(target.url, response.status_code, response.headers, bytes(body), str(ip))
        except FetchError:
            raise
        except TimeoutError:
            raise FetchError(
                "timeout", f"no complete answer within {self.settings.fetch_timeout:g}s", target.url
            ) from None
        except httpx.TimeoutException as exc:
            raise FetchError(
                "timeout", f"{type(exc).__name__} after {self.settings.fetch_timeout:g}s", target.url
            ) from None
        except httpx.HTTPError as exc:
            tls = _tls_cause(exc)
            if tls is not None:
                reason = getattr(tls, "verify_message", None) or getattr(tls, "reason", None) or str(tls)
                raise FetchError("tls", f"TLS handshake failed: {reason}", target.url) from None
            if isinstance(exc, httpx.ConnectError):
                raise FetchError("connect", f"cannot connect to {ip}:{target.port}: {exc}", target.url) from None
            raise FetchError("protocol", f"{type(exc).__name__}: {exc}", target.url) from None
        except (OSError, socket.gaierror) as exc:
            raise FetchError("connect", f"{type(exc).__name__}: {exc}", target.url) from None
        finally:
            entry.in_flight -= 1

    @staticmethod
    def _reject_non_html(response: httpx.Response, target: net.Target) -> None:
        mime, _ = split_content_type(response.headers.get("content-type"))
        if mime not in HTML_TYPES and mime not in SNIFF_TYPES:
            raise FetchError("not_html", f"not an HTML page (Content-Type {mime})", target.url)

    # ------------------------------------------------------------------ documents

    async def fetch_page(
        self,
        url: str | net.Target,
        *,
        hop_check: HopCheck | None = None,
        text_ok: bool = False,
        max_bytes: int | None = None,
        keep_broken_refresh: bool = False,
    ) -> Page:
        """GET an HTML page following redirects and meta refreshes, each hop guarded.

        ``hop_check`` runs before every hop (robots.txt); ``text_ok`` accepts any ``text/*``
        (robots.txt itself); ``keep_broken_refresh``: a meta refresh whose target is no address or answers
        with an error status leaves the refreshing page as the answer instead of the error.
        """
        started = time.monotonic()
        current = self.parse(url) if isinstance(url, str) else url
        requested = current.url
        seen: set[str] = set()
        redirects: list[str] = []
        refreshing: Page | None = None  # the last page that moved on by a meta refresh
        while True:
            if current.url in seen:
                raise FetchError("redirect_loop", f"redirect loop via {current.url}", requested)
            seen.add(current.url)
            if hop_check is not None:
                await hop_check(current)
            response = await self.request("GET", current, max_bytes=max_bytes, html_only=not text_ok)
            location = response.headers.get("location")
            nxt: net.Target | None = None
            if response.status in REDIRECT_STATUSES and location:
                nxt = self._follow(location, current)
            elif response.status >= 300:
                if keep_broken_refresh and refreshing is not None and response.status >= 400:
                    # A refresh to an address the host does not serve (an unrendered template's
                    # "{{site.baseurl}}en/", a removed start page): the site is there, and the page that
                    # refreshed is its door; its other pages are still worth looking for.
                    refreshing.elapsed = time.monotonic() - started
                    return refreshing
                raise FetchError("http_status", f"HTTP {response.status}", current.url, response.status)
            else:
                page = self._to_page(response, current, requested, text_ok)
                refresh = None if text_ok else meta_refresh(page.text)
                if refresh is None:
                    page.redirects = redirects
                    page.elapsed = time.monotonic() - started
                    return page
                try:
                    nxt = self._follow(refresh, current)
                except FetchError:
                    if not keep_broken_refresh:
                        raise
                    page.redirects = redirects
                    return page
                if nxt.url == current.url:  # a self-refresh is a reload timer: keep this page
                    page.redirects = redirects
                    return page
                page.redirects = list(redirects)
                refreshing = page
            redirects.append(current.url)
            if len(redirects) > self.settings.max_redirects:
                raise FetchError("too_many_redirects", f"more than {self.settings.max_redirects} redirects", requested)
            current = nxt

    def _follow(self, location: str, current: net.Target) -> net.Target:
        try:
            return net.parse_url(location, current.url)
        except net.URLError as exc:
            raise FetchError("invalid_url", f"bad redirect target {location[:200]!r}: {exc}", current.url) from None

    @staticmethod
    def _to_page(response: RawResponse, target: net.Target, requested: str, text_ok: bool) -> Page:
        mime, charset = split_content_type(response.headers.get("content-type"))
        is_html = mime in HTML_TYPES or (mime in SNIFF_TYPES and looks_like_html(response.body))
        if not is_html and not (text_ok and (mime.startswith("text/") or mime == "")):
            raise FetchError("not_html", f"not an HTML page (Content-Type {mime or 'missing'})", target.url)
        text, used = decode_html(response.body, charset)
        return Page(target.url, requested, response.status, mime or "text/html", used, text, raw=response)


def meta_refresh(html: str) -> str | None:
    """The URL of a ``<meta http-equiv=refresh>`` that acts as a redirect, if any."""
    head = html[:16384]
    match = _META_REFRESH.search(head)
    if match is None:
        return None
    content = _CONTENT_ATTR.search(match.group(0))
    if content is None:
        return None
    value = html_lib.unescape(next(g for g in content.groups() if g is not None))
    parsed = _REFRESH_URL.match(value)
    if parsed is None or not parsed.group(2).strip():
        return None
    delay = float(parsed.group(1) or 0)
    return parsed.group(2).strip() if delay <= _MAX_REFRESH_DELAY else None
