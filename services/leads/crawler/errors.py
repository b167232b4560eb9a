"""The one exception the crawler raises for a page that could not be had."""

from __future__ import annotations

from typing import Literal

ErrorCode = Literal[
    "invalid_url",
    "blocked",  # SSRF guard: private/loopback/... address
    "dns",
    "connect",
    "tls",
    "timeout",
    "http_status",
    "not_html",
    "too_large",
    "encoding",
    "redirect_loop",
    "too_many_redirects",
    "robots",
    "protocol",
    "render",
]


class FetchError(Exception):
    """A page could not be fetched; ``str()`` is a message fit for a per-site error list."""

    def __init__(self, code: ErrorCode, message: str, url: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message
        self.url = url
        self.status = status

    def __str__(self) -> str:
        return f"{self.code}: {self.message}" + (f" ({self.url})" if self.url else "")
