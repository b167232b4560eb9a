"""Click and open tracking: signed links, the link rewriter for an HTML body, and which hits count.

A tracked link reads ``<public>/api/email/t/c/<ref>/<sig>?u=<url>``: ``ref`` is the base64url of
the message's Message-ID, ``sig`` an HMAC-SHA256 (128 bits) over the Message-ID and the exact URL.
The redirect follows only a link whose signature checks, so the route cannot be used to send people
anywhere else (no open redirect): only URLs that were written into that message were ever signed,
and only http(s) URLs are signed at all. The open pixel reads ``<public>/api/email/t/o/<ref>/<sig>``
with the signature over the Message-ID alone.

Opens are off unless a campaign asks for them, and many hits are machines: mail gateways that fetch
every image or follow every link at delivery (Microsoft Defender, Mimecast, Proofpoint, Barracuda),
Apple Mail Privacy Protection, link previewers. :func:`judge_hit` says whether a hit counts: not
within ``ignore_seconds`` of sending, not from a known scanner's user agent or network. A hit that
does not count is still recorded (with the reason), so the numbers can be explained.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import html
import ipaddress
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from urllib.parse import quote, urlsplit

HitKind = Literal["open", "click"]
SIG_BYTES = 16
MAX_URL = 2048
# One transparent 1x1 GIF (42 bytes): what a mail client draws for the pixel.
PIXEL_GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")

_HREF = re.compile(r"""(<a\b[^>]*?\bhref\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)""", re.I | re.S)
_NO_TRACK = re.compile(r"\bdata-no-track\b", re.I)


class TrackingError(Exception):
    """A tracking link that was not made by this install (bad reference or signature)."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def trackable(url: str) -> bool:
    """Only absolute http(s) links with a host are rewritten (and so can ever be redirected to)."""
    if not url or len(url) > MAX_URL or any(ch in url for ch in "\r\n\t\x00 "):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


@dataclass(frozen=True, slots=True)
class TrackingLinks:
    """Makes and checks the signed links of one install (key derived from the e-mail secret key)."""

    key: bytes
    public_url: str  # OUTBOUND_PUBLIC_URL, no trailing slash

    def _sig(self, kind: HitKind, message_id: str, url: str = "") -> str:
        mac = hmac.new(self.key, f"{kind}\0{message_id}\0{url}".encode(), hashlib.sha256).digest()
        return _b64(mac[:SIG_BYTES])

    @staticmethod
    def reference(message_id: str) -> str:
        return _b64(message_id.encode())

    def click_url(self, message_id: str, url: str) -> str:
        return (f"{self.public_url}/api/email/t/c/{self.reference(message_id)}/{self._sig('click', message_id, url)}"
                f"?u={quote(url, safe='')}")

    def open_url(self, message_id: str) -> str:
        return f"{self.public_url}/api/email/t/o/{self.reference(message_id)}/{self._sig('open', message_id)}"

    def verify(self, kind: HitKind, reference: str, signature: str, url: str = "") -> str:
        """The Message-ID of a genuine link; :class:`TrackingError` for anything else."""
        try:
            message_id = _unb64(reference).decode()
        except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
            raise TrackingError("not a tracking link") from exc
        if kind == "click" and not trackable(url):
            raise TrackingError("not a tracking link")
        if not hmac.compare_digest(self._sig(kind, message_id, url), signature):
            raise TrackingError("not a tracking link")
        return message_id

    def rewrite_html(self, body: str, message_id: str, *, skip: Callable[[str], bool] | None = None,
                     pixel: bool = False, clicks: bool = True) -> str:
        """The HTML with every trackable ``<a href>`` pointing through the click redirect.

        ``skip`` keeps chosen links as they are (the unsubscribe link must never be a tracked one);
        an ``<a … data-no-track>`` is left alone too. With ``pixel`` the open pixel is appended
        before ``</body>`` (or at the end).
        """

        def replace(match: re.Match[str]) -> str:
            prefix, quoted = match.group(1), match.group(2)
            if _NO_TRACK.search(prefix + match.string[match.end():match.string.find(">", match.end()) + 1]):
                return match.group(0)
            raw = quoted[1:-1] if quoted[:1] in ("'", '"') else quoted
            url = html.unescape(raw).strip()
            if not trackable(url) or (skip is not None and skip(url)):
                return match.group(0)
            return f'{prefix}"{html.escape(self.click_url(message_id, url), quote=True)}"'

        out = _HREF.sub(replace, body) if clicks else body
        if pixel:
            img = (f'<img src="{html.escape(self.open_url(message_id), quote=True)}" width="1" height="1" alt="" '
                   'style="display:block;border:0;width:1px;height:1px">')
            index = out.lower().rfind("</body>")
            out = out[:index] + img + out[index:] if index >= 0 else out + img
        return out


def is_unsubscribe_link(url: str) -> bool:
    """The unsubscribe link must reach the unsubscribe page itself (RFC 8058 tools and people alike)."""
    return "/api/email/unsubscribe/" in url or "/email/unsubscribe/" in url


# -- which hits count -----------------------------------------------------------------------------

# Mail security gateways, privacy proxies and link previewers that fetch without a person.
SCANNER_AGENTS = re.compile(
    r"bot\b|crawler|spider|scanner|preview|headless|python-|curl/|wget/|go-http-client|java/|okhttp|"
    r"libwww|httpclient|axios|node-fetch|barracuda|mimecast|proofpoint|symantec|messagelabs|ironport|"
    r"trend ?micro|sophos|fortinet|forcepoint|zscaler|safelinks|safe ?links|microsoft office protocol|"
    r"ms-office|microsoft defender|appriver|checkpoint|cisco|agari|ms search|linkchecker|validator",
    re.I)

# Networks that fetch on delivery, not on reading: Microsoft Defender / Exchange Online Protection
# (Safe Links, attachment detonation), Apple Mail Privacy Protection's proxies, Mimecast, Proofpoint.
SCANNER_NETWORKS: tuple[str, ...] = (
    "40.92.0.0/15", "40.107.0.0/16", "52.100.0.0/14", "104.47.0.0/17", "40.94.0.0/16",  # Microsoft EOP
    "17.0.0.0/8",  # Apple (Mail Privacy Protection)
    "205.139.110.0/24", "207.211.30.0/24", "170.10.128.0/21",  # Mimecast
    "148.163.128.0/19", "67.231.144.0/20", "205.220.160.0/19",  # Proofpoint
    "64.235.144.0/20", "209.222.80.0/21",  # Barracuda
)


@dataclass(frozen=True, slots=True)
class HitVerdict:
    counted: bool
    reason: str  # "counted", "too soon after sending (3 s)", "scanner user agent", "scanner network"


@dataclass(frozen=True, slots=True)
class HitJudge:
    """Decides whether an open or click was a person (see the module docstring)."""

    ignore_seconds: float
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]

    @classmethod
    def of(cls, ignore_seconds: float, extra_networks: Iterable[str] = ()) -> HitJudge:
        nets = tuple(ipaddress.ip_network(n, strict=False) for n in (*SCANNER_NETWORKS, *extra_networks))
        return cls(ignore_seconds, nets)

    def judge(self, *, sent_at: datetime | None, hit_at: datetime, user_agent: str | None,
              ip: str | None) -> HitVerdict:
        if sent_at is not None:
            elapsed = (hit_at - sent_at).total_seconds()
            if elapsed < self.ignore_seconds:
                return HitVerdict(False, f"too soon after sending ({max(elapsed, 0):.0f} s)")
        agent = (user_agent or "").strip()
        if not agent:
            return HitVerdict(False, "no user agent")
        if SCANNER_AGENTS.search(agent):
            return HitVerdict(False, "scanner user agent")
        if ip:
            try:
                address = ipaddress.ip_address(ip)
            except ValueError:
                address = None
            if address is not None and any(address.version == n.version and address in n for n in self.networks):
                return HitVerdict(False, "scanner network")
        return HitVerdict(True, "counted")
