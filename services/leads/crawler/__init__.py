"""Website crawler of the leads service: guarded fetching, robots.txt, discovery, rendering.

Entry points: :class:`Crawler` (shared per run; ``await crawler.crawl(url)``) and, one level up,
:mod:`services.leads.pipeline` which adds extraction. Every request, including the browser's own,
passes the SSRF guard in :mod:`services.leads.crawler.net` / :mod:`services.leads.crawler.fetch`.
"""

from services.leads.crawler.errors import FetchError
from services.leads.crawler.fetch import Fetcher, Page
from services.leads.crawler.settings import CrawlerSettings
from services.leads.crawler.site import CrawledPage, Crawler, SiteCrawl

__all__ = ["CrawledPage", "Crawler", "CrawlerSettings", "FetchError", "Fetcher", "Page", "SiteCrawl"]
