"""Cross-site requests to routes a cookie authenticates (the refresh cookie: /auth/refresh, /auth/logout).

A page on another origin can make the browser POST a form there, cookie included (SameSite=Strict
stops other sites, not other origins of the same site: another port, a sibling subdomain). Such a
request is let through only when it shows it comes from us:

- a custom ``X-Requested-With`` header: a form cannot set one, and fetch from another origin would
  need a CORS preflight that nothing here grants (the SPA sends it); or
- an ``Origin`` (else ``Referer``) whose host is this request's own host, or the configured public URL.

``Origin: null`` (sandboxed frames, some redirects) and a request with none of the three are refused.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request

from .proxies import is_trusted

CUSTOM_HEADER = "x-requested-with"
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def _host_of(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    if port is None or str(port) == _DEFAULT_PORTS[parts.scheme]:
        return parts.hostname.lower()
    return f"{parts.hostname.lower()}:{port}"


def _normalise_host(host: str, scheme: str) -> str:
    host = host.strip().lower()
    default = _DEFAULT_PORTS.get(scheme)
    return host[: -len(default) - 1] if default and host.endswith(":" + default) else host


def own_hosts(request: Request, trusted_proxies: tuple[str, ...], public_url: str | None) -> set[str]:
    """The hosts this request may come from: where it was sent (as the browser saw it) and the public URL."""
    hosts = set()
    peer = request.client.host if request.client else None
    forwarded = request.headers.get("x-forwarded-host") if is_trusted(peer, trusted_proxies) else None
    scheme = (request.headers.get("x-forwarded-proto") if forwarded else None) or request.url.scheme
    host = forwarded or request.headers.get("host")
    if host:
        hosts.add(_normalise_host(host.split(",")[0], scheme))
    if public_url and (public := _host_of(public_url)):
        hosts.add(public)
    return hosts


def from_this_site(request: Request, trusted_proxies: tuple[str, ...], public_url: str | None) -> bool:
    """True when the request shows it was made by our own pages (see the module docstring)."""
    if request.headers.get(CUSTOM_HEADER):
        return True
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if not claimed or claimed == "null":
        return False
    host = _host_of(claimed)
    return host is not None and host in own_hosts(request, trusted_proxies, public_url)
