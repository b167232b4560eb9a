"""Crawler settings (env prefix ``OUTBOUND_``); one class so it can move into the leads settings."""

from __future__ import annotations

import os
import shutil
from typing import ClassVar, Literal

from pydantic import Field

from services.kit.settings import ServiceSettings

DEFAULT_USER_AGENT = "Mozilla/5.0 (compatible; OutboundCRMBot/0.1; +https://github.com/outbound-crm)"


class CrawlerSettings(ServiceSettings):
    """How the website crawler fetches, renders and limits itself."""

    service_name: ClassVar[str] = "leads"
    # SSRF guard: False means only public addresses are fetched. True lifts the address check
    # (never the scheme or redirect rules) for self-hosters crawling their own network.
    allow_private_urls: bool = False
    # Narrow exceptions to the address check: "127.0.0.1:8080", "[::1]:8443", "10.0.0.0/8".
    allow_addresses: list[str] = Field(default_factory=list)
    chromium_path: str | None = None
    user_agent: str = DEFAULT_USER_AGENT
    # Token matched against robots.txt user-agent lines (RFC 9309 product token).
    robots_user_agent: str = "OutboundCRMBot"
    max_pages_per_site: int = Field(default=8, ge=1, le=50)
    max_bytes_per_page: int = Field(default=3 * 1024 * 1024, ge=1024)
    fetch_timeout: float = Field(default=10.0, gt=0)
    site_timeout: float = Field(default=45.0, gt=0)
    global_concurrency: int = Field(default=16, ge=1, le=256)
    per_host_concurrency: int = Field(default=2, ge=1, le=2)
    per_host_delay: float = Field(default=0.5, ge=0)
    max_redirects: int = Field(default=5, ge=0, le=20)
    render_mode: Literal["auto", "never", "always"] = "auto"
    respect_robots: bool = True
    # Pages rendered at once; each Chromium tab costs memory and a share of 2 cores.
    max_concurrent_renders: int = Field(default=4, ge=1, le=32)
    render_timeout: float = Field(default=15.0, gt=0)
    # Extraction runs in this many worker processes (0: in a thread of this process).
    extraction_workers: int = Field(default=1, ge=0, le=32)
    extraction_timeout: float = Field(default=30.0, gt=0)

    def resolved_chromium_path(self) -> str | None:
        """Configured path, else Debian's Chromium, else None (Playwright's own build, if any)."""
        if self.chromium_path:
            return self.chromium_path
        for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
            if os.path.exists(candidate):
                return candidate
        return shutil.which("chromium")
