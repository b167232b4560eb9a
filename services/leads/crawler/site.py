"""Crawling one site: home page, discovery of its Impressum/contact/about/team pages, rendering."""

from __future__ import annotations

import asyncio
import logging
import re
import ssl
from dataclasses import dataclass, field, replace
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from services.kit.db import utcnow
from services.leads.crawler import links as link_tools
from services.leads.crawler import net
from services.leads.crawler.browser import Rendered, Renderer
from services.leads.crawler.errors import FetchError
from services.leads.crawler.fetch import Fetcher, HopCheck, Page
from services.leads.crawler.heuristics import analyse, expects_impressum, render_reason
from services.leads.crawler.robots import RobotsCache
from services.leads.crawler.settings import CrawlerSettings

log = logging.getLogger("outbound.leads.crawler")
# Tried when no page links to an Impressum: most German sites have one at one of these paths.
# "impressum-datenschutz.html": site generators put the notice and the privacy policy on one page
GUESSED_IMPRESSUM = ("/impressum", "/impressum.html", "/impressum-datenschutz.html")
# Tried after those and the folder guesses: sites written in English first (or by a developer who names files in
# English) call the page "imprint"; sites per language keep it in the language's folder ("/de/imprint.html"), the
# German one first. Spelled with the ending the site's links use.
GUESSED_IMPRESSUM_NAMES = ("/imprint",)
GUESSED_LANGUAGE_PAGES = ("/de/impressum", "/de/imprint", "/en/imprint")
# Guessed addresses requested at most per site: a miss costs one request and no page of the budget.
MAX_GUESSES = 12
# Site scripts read for the page addresses they write, when a home page shows no Impressum: a few, and small.
MAX_SCRIPT_FILES = 3
MAX_SCRIPT_BYTES = 512 * 1024
# "imprint", "legal notice": the English page a guess of its name finds ("/en/imprint.html").
_IMPRESSUM_WORDS = re.compile(
    r"impressum|imprint|legal notice|angaben gem(ä|ae|&auml;)(ß|ss|&szlig;) ?(§|&sect;) ?5|anbieterkennzeichnung",
    re.I,
)


def _page_links(tree: LexborHTMLParser, url: str) -> list[link_tools.Link]:
    """The page's links, then the page addresses its scripts write (those only count by their address)."""
    return link_tools.extract_links(tree, url) + link_tools.script_links(tree, url)


def _folder_guesses(home_url: str, links: list[link_tools.Link], site: net.Target) -> list[str]:
    """The usual Impressum names inside the folder the site lives in: the home page's own ("/de/" of a site per
    language, "/repo/" of a project page) and the one most of its page links point into ("/info/preise.html"),
    spelled the way those links are (with ".html" or without)."""
    counts: dict[str, int] = {}
    for path in _own_paths(links, site):
        folder = path.rpartition("/")[0]
        if folder:
            counts[folder] = counts.get(folder, 0) + 1
    folders = [net.parse_url(home_url).path.rpartition("/")[0]]
    folders += sorted(counts, key=lambda f: -counts[f])[:1]
    ending = _link_ending(links, site)
    names = [f"impressum.{ending}", "impressum"] if ending else ["impressum", "impressum.html"]
    return [f"{site.origin}{folder}/{name}" for folder in dict.fromkeys(folders) if folder for name in names]


def _own_paths(links: list[link_tools.Link], site: net.Target) -> list[str]:
    """The paths of the links that stay on the site."""
    targets = (net.parse_url(link.url) for link in links)
    return [target.path for target in targets if link_tools.same_site(target, site)]


def _link_ending(links: list[link_tools.Link], site: net.Target) -> str:
    """The file ending most of the site's page links use ("html", "php", "" for clean URLs); "html" without any."""
    suffixes: dict[str, int] = {}
    for path in _own_paths(links, site):
        name = path.rpartition("/")[2]
        suffix = name.rsplit(".", 1)[1].lower() if "." in name else ""
        if suffix in ("", "html", "htm", "php") and name:
            suffixes[suffix] = suffixes.get(suffix, 0) + 1
    return max(suffixes, key=lambda x: suffixes[x]) if suffixes else "html"


def _other_guesses(links: list[link_tools.Link], site: net.Target) -> list[str]:
    """The English name at the root and the language folders' Impressum, both spellings at the root (a host serves
    "/imprint" for imprint.html or only the file), the site's own ending in the folders."""
    ending = _link_ending(links, site)
    root = [f"{site.origin}{path}{suffix}" for path in GUESSED_IMPRESSUM_NAMES for suffix in ("", ".html")]
    dot = f".{ending}" if ending else ""
    return root + [f"{site.origin}{path}{dot}" for path in GUESSED_LANGUAGE_PAGES]


def _text_size(html: str) -> int:
    body = LexborHTMLParser(html).body
    return len(body.text(strip=True)) if body is not None else 0


_HIDDEN_SELECTOR = ("[hidden], [aria-hidden=true], [style*='display:none' i], [style*='display: none' i], "
                    "[style*='visibility:hidden' i], [style*='visibility: hidden' i], "
                    "script, style, template, noscript")


def _visible_text_size(html: str) -> int:
    """The body's text without what the page hides (inline display: none, hidden), as the extractor reads it."""
    tree = LexborHTMLParser(html)
    if tree.body is None:
        return 0
    for node in tree.body.css(_HIDDEN_SELECTOR):
        node.decompose()
    return len(tree.body.text(strip=True))


@dataclass(slots=True)
class CrawledPage:
    url: str
    html: str
    kind: str  # home | impressum | contact | about | team | other
    rendered: bool = False
    fetched_at: datetime = field(default_factory=utcnow)


@dataclass
class SiteCrawl:
    """What a crawl produced; filled in as it goes so a timeout keeps the pages already fetched."""

    url: str
    site_url: str | None = None
    pages: list[CrawledPage] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rendered: bool = False


class Crawler:
    """Resources shared by every site of a run: fetcher, robots cache and the browser."""

    def __init__(
        self,
        settings: CrawlerSettings | None = None,
        *,
        resolver: net.Resolver | None = None,
        policy: net.AddressPolicy | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.settings = settings or CrawlerSettings()
        self.fetcher = Fetcher(self.settings, resolver=resolver, policy=policy, ssl_context=ssl_context)
        self.robots = RobotsCache(self.fetcher, self.settings.robots_user_agent)
        self.renderer = Renderer(
            self.fetcher,
            chromium_path=self.settings.resolved_chromium_path(),
            max_concurrent=self.settings.max_concurrent_renders,
            timeout=self.settings.render_timeout,
        )
        self.sites_crawled = 0
        self.sites_rendered = 0

    async def __aenter__(self) -> Crawler:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.renderer.aclose()
        await self.fetcher.aclose()

    @property
    def hop_check(self) -> HopCheck | None:
        return self.robots.check if self.settings.respect_robots else None

    # ------------------------------------------------------------------ one site

    async def crawl(self, url: str, result: SiteCrawl | None = None) -> SiteCrawl:
        """Fetch the site's pages into ``result`` (which the caller may read after a timeout)."""
        result = result or SiteCrawl(url)
        self.sites_crawled += 1
        try:
            start = net.normalise_input_url(url)
        except net.URLError as exc:
            result.errors.append(f"invalid_url: {exc}")
            return result
        try:
            home = await self._fetch_home(start, url)
        except FetchError as exc:
            result.errors.append(str(exc))
            return result
        site = net.parse_url(home.url)
        result.site_url = home.url
        home_page = CrawledPage(home.url, home.text, "home")
        result.pages.append(home_page)
        tree = LexborHTMLParser(home.text)
        found = _page_links(tree, home.url)
        fetched = {link_tools.page_key(home.url), link_tools.page_key(home.requested_url)}
        limit = self.settings.max_pages_per_site - 1
        chosen = link_tools.pick_pages(found, site, exclude=fetched, limit=limit)

        # Elsewhere a site without an Impressum is normal; there only a page with no useful link at
        # all hints at a menu drawn by script.
        missing = not any(c.kind == "impressum" for c in chosen) and (expects_impressum(tree, site.host) or not chosen)
        reason = self._render_reason(tree, is_home=True, impressum_found=not missing)
        if reason is not None:
            rendered = await self._render(home, result, reason)
            if rendered is not None:
                home_page.html, home_page.rendered = rendered.html, True
                # The page may have moved itself (location=...): resolve its links from where it ended.
                base = rendered.url if rendered.url.startswith(("http:", "https:")) else home.url
                found = _page_links(LexborHTMLParser(rendered.html), base) + found
                chosen = link_tools.pick_pages(found, site, exclude=fetched, limit=limit)

        if missing and not any(c.kind == "impressum" for c in chosen):
            # A site script that writes the menu or footer (jQuery('nav').html('<a href="team.html">…')) names the
            # pages in its source; read when the page itself shows no Impressum, even rendered (the library it
            # needs may come from a CDN that failed).
            found += await self._script_file_links(tree, home.url, site)
            chosen = link_tools.pick_pages(found, site, exclude=fetched, limit=limit)

        extra = [u for u in link_tools.frame_urls(tree, home.url) if link_tools.same_site(net.parse_url(u), site)]
        if extra:
            # A frameset holds no text of its own: its content frame ("start.htm") is not the home page that
            # its name suggests, so it is fetched like the other frames.
            fetched.difference_update({link_tools.page_key(u) for u in extra if u != home.url})
        elif not chosen:
            # A splash page ("enter the site" behind a logo or an image) leads into the site by its one link.
            extra = link_tools.entry_links(found, site, exclude=fetched)[:1]
        jobs = [(c.url, c.kind) for c in chosen] + [(u, "home") for u in extra[: max(0, limit - len(chosen))]]
        if not any(c.kind == "impressum" for c in chosen):
            # The menu and footer that a script loads from a file of their own ("footer.html") hold the links the
            # page lacks; read where no browser could load them (a script library from a CDN that fails).
            parts = link_tools.partial_urls(found, site, exclude=fetched | {link_tools.page_key(u) for u, _ in jobs})
            jobs += [(u, "partial") for u in parts[: max(0, min(2, limit - len(jobs)))]]
        sub_links = await self._fetch_pages(jobs, result, fetched, report=True)
        await self._through_legal_hub(site, result, fetched)

        if not any(p.kind == "impressum" for p in result.pages):
            await self._find_impressum(sub_links, found, site, result, fetched)
        return result

    async def _script_file_links(
        self, tree: LexborHTMLParser, page_url: str, site: net.Target
    ) -> list[link_tools.Link]:
        links: list[link_tools.Link] = []
        for url in link_tools.site_script_urls(tree, page_url, site)[:MAX_SCRIPT_FILES]:
            try:
                target = self.fetcher.parse(url)
                if self.hop_check is not None:
                    await self.hop_check(target)
                response = await self.fetcher.request("GET", target, max_bytes=MAX_SCRIPT_BYTES)
            except FetchError:
                continue
            if response.status != 200:
                continue
            source = response.body.decode("utf-8", "replace")
            # The markup inside its strings is read as HTML (link texts included); its bare page addresses too.
            links += link_tools.extract_links(LexborHTMLParser(source), page_url)
            links += link_tools.script_links(LexborHTMLParser(f"<script>{source}</script>"), page_url)
        return [replace(link, scripted=True) for link in links]

    async def _fetch_home(self, start: net.Target, raw: str) -> Page:
        try:
            return await self.fetcher.fetch_page(start, hop_check=self.hop_check, keep_broken_refresh=True)
        except FetchError as exc:
            # "example.com" was taken to mean https; a site without TLS still answers on http.
            assumed_https = "://" not in raw and start.scheme == "https"
            if assumed_https and exc.code in ("tls", "connect", "timeout"):
                port = 80 if start.port == 443 else start.port
                fallback = net.Target("http", start.host, port, start.path_qs, start.ip)
                try:
                    return await self.fetcher.fetch_page(fallback, hop_check=self.hop_check, keep_broken_refresh=True)
                except FetchError:
                    pass
            raise

    def _render_reason(self, tree: LexborHTMLParser, *, is_home: bool, impressum_found: bool) -> str | None:
        mode = self.settings.render_mode
        if mode == "never":
            return None
        if mode == "always":
            return "render_mode=always"
        return render_reason(analyse(tree), is_home=is_home, impressum_found=impressum_found)

    async def _render(self, page: Page, result: SiteCrawl, reason: str) -> Rendered | None:
        log.debug("rendering %s: %s", page.url, reason)
        try:
            rendered = await self.renderer.render(page.url, prefetched=page.raw, hop_check=self.hop_check)
        except FetchError as exc:
            result.errors.append(f"{exc} [rendering because: {reason}]")
            return None
        if link_tools.page_key(rendered.url) != link_tools.page_key(page.url) and (
                _text_size(rendered.html) * 5 < _text_size(page.text)):
            # A script moved the page somewhere that shows next to nothing (an error page): the static page is
            # what a visitor of this address reads.
            result.errors.append(f"render: {page.url} moved to {rendered.url}, which shows almost no text; "
                                 "kept the page as served")
            return None
        if _visible_text_size(rendered.html) * 3 < _visible_text_size(page.text):
            # The script hid the page's content ("#main-site" set to display: none behind a cookie wall until a click):
            # the static page shows a visitor's text, the rendered one almost none of it.
            result.errors.append(f"render: {page.url} hides its content once scripts run (a consent wall?); "
                                 "kept the page as served")
            return None
        if not result.rendered:
            result.rendered = True
            self.sites_rendered += 1
        blocked = [e for e in rendered.errors if e.startswith(("blocked", "robots"))]
        result.errors.extend(f"in-page request refused: {e}" for e in blocked)
        return rendered

    async def _fetch_pages(
        self, jobs: list[tuple[str, str]], result: SiteCrawl, fetched: set[str], *, report: bool
    ) -> list[link_tools.Link]:
        """Fetch (and if needed render) pages concurrently; returns the links found on them."""
        jobs = [(u, k) for u, k in jobs if link_tools.page_key(u) not in fetched]
        fetched.update(link_tools.page_key(u) for u, _ in jobs)
        outcomes = await asyncio.gather(*(self._fetch_one(u, k, result, report) for u, k in jobs))
        return [link for outcome in outcomes for link in outcome]

    async def _fetch_one(self, url: str, kind: str, result: SiteCrawl, report: bool) -> list[link_tools.Link]:
        try:
            try:
                page = await self.fetcher.fetch_page(url, hop_check=self.hop_check)
            except FetchError as exc:
                # "/impressum" written for a host that serves "impressum.html" under its clean URL, served by
                # one that does not: the file the link means is one request away
                path, _, query = url.partition("?")
                last = path.rsplit("/", 1)[-1]
                if not (report and exc.code == "http_status" and exc.status == 404 and last and "." not in last
                        and not query):
                    raise  # (a guessed path that is not there is not a link of the site's own)
                page = await self.fetcher.fetch_page(f"{path}.html", hop_check=self.hop_check)
        except FetchError as exc:
            # A dead "about" link is the site's problem, not a failed crawl; a dead Impressum link
            # (or a blocked, slow or failing page of any kind) is worth reporting.
            missing = exc.code == "http_status" and exc.status in (404, 410)
            if report and (kind == "impressum" or not missing):
                result.errors.append(f"{kind} page: {exc}")
            return []
        if any(p.url == page.url for p in result.pages):  # two links redirected to one page
            return []
        tree = LexborHTMLParser(page.text)
        # A partial is part of the page that loads it: kept as a page of its own, its links read from where it is
        # shown (the home page), as a browser resolves them once the script has inserted it.
        base = (result.site_url or page.url) if kind == "partial" else page.url
        crawled = CrawledPage(page.url, page.text, "other" if kind == "partial" else kind)
        result.pages.append(crawled)
        reason = self._render_reason(tree, is_home=False, impressum_found=True)
        if reason is not None:
            rendered = await self._render(page, result, reason)
            if rendered is not None:
                crawled.html, crawled.rendered = rendered.html, True
                return _page_links(LexborHTMLParser(rendered.html), rendered.url)
        return _page_links(tree, base)

    async def _through_legal_hub(self, site: net.Target, result: SiteCrawl, fetched: set[str]) -> None:
        """A legal hub taken for the Impressum gives way to the Impressum it links (and stays, as another page)."""
        hub = next((p for p in result.pages if p.kind == "impressum"), None)
        if hub is None or len(result.pages) >= self.settings.max_pages_per_site:
            return
        behind = link_tools.impressum_behind(_page_links(LexborHTMLParser(hub.html), hub.url), hub.url, site,
                                             exclude=fetched)
        if behind is None:
            return
        hub.kind = "other"
        await self._fetch_pages([(behind, "impressum")], result, fetched, report=True)
        if not any(p.kind == "impressum" for p in result.pages):
            hub.kind = "impressum"  # the linked page failed: the hub is the best there is

    async def _find_impressum(
        self,
        sub_links: list[link_tools.Link],
        home_links: list[link_tools.Link],
        site: net.Target,
        result: SiteCrawl,
        fetched: set[str],
    ) -> None:
        room = self.settings.max_pages_per_site - len(result.pages)
        if room <= 0:
            return
        # The Impressum is sometimes linked only from the contact or about page.
        second = [
            c for c in link_tools.pick_pages(sub_links, site, exclude=fetched, limit=room) if c.kind == "impressum"
        ]
        if second:
            await self._fetch_pages([(second[0].url, "impressum")], result, fetched, report=True)
            return
        if not any(p.kind == "contact" for p in result.pages):
            # Small sites print the legal notice on the contact page ("Kontakt/Impressum"), linked only from a
            # frame or a sub page.
            contact = [c for c in link_tools.pick_pages(sub_links, site, exclude=fetched, limit=room)
                       if c.kind == "contact"]
            if contact:
                await self._fetch_pages([(contact[0].url, "contact")], result, fetched, report=True)
                room -= 1
                if room <= 0:
                    return
        guesses = [f"{site.origin}{path}" for path in GUESSED_IMPRESSUM]
        for page in result.pages:
            # Sites keep their pages in one folder ("/pages/contact.html"): the Impressum sits next to them.
            folder, _, name = net.parse_url(page.url).path.rpartition("/")
            if folder and page.kind in ("contact", "about") and "." in name:
                guesses.append(f"{site.origin}{folder}/impressum.{name.rsplit('.', 1)[1]}")
        guesses += _folder_guesses(result.site_url or site.url, home_links, site)
        guesses += _other_guesses(home_links, site)
        guesses = list(dict.fromkeys(guesses))
        for guess in guesses[:MAX_GUESSES]:
            if len(result.pages) >= self.settings.max_pages_per_site:
                return
            await self._fetch_pages([(guess, "impressum")], result, fetched, report=False)
            found = next((p for p in result.pages if p.kind == "impressum"), None)
            if found is not None:
                # A "soft 404" answers any path with 200 and some other page (the home page again, whose
                # footer may name the Impressum it fails to link): keep only the real thing.
                if _IMPRESSUM_WORDS.search(found.html) and found.html != result.pages[0].html:
                    return
                result.pages.remove(found)
