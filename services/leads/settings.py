"""Settings of the leads service: crawling (CrawlerSettings), discovery (DiscoverySettings), the finder."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from .crawler.settings import CrawlerSettings
from .providers import DiscoverySettings


class LeadsSettings(CrawlerSettings, DiscoverySettings):
    service_name: ClassVar[str] = "leads"
    # Sites one finder job may crawl; a CSV of 10,000 rows becomes several jobs, not one endless one.
    finder_max_sites: int = Field(default=500, ge=1, le=5000)
    max_csv_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)

    def discovery(self, max_results: int | None = None) -> LeadsSettings:
        """These settings, with a per-request cap on search results."""
        return self.model_copy(update={"search_max_results": max_results}) if max_results else self
