"""End to end: crawl + extract over the labelled corpus, and a batch of bad sites that must not stop it."""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urljoin

import pytest

from services.leads.crawler import net
from services.leads.crawler.errors import FetchError
from services.leads.crawler.site import Crawler
from services.leads.pipeline import extract_site, extract_sites
from services.leads.schemas import SiteRecord
from tests.leads.sites import (
    Reply,
    SiteServer,
    corpus_sites,
    crawler_settings,
    html,
)

CORPUS = corpus_sites()
CHROMIUM = crawler_settings().resolved_chromium_path()


def _first(value: str | list[str]) -> str:
    return value[0] if isinstance(value, list) else value


def _same_page(a: str, b: str) -> bool:
    def norm(url: str) -> str:
        return url.removesuffix("index.html")

    return norm(a) == norm(b)


@pytest.mark.browser
@pytest.mark.skipif(not CORPUS, reason="no corpus yet")
@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed")
async def test_corpus_end_to_end():
    """Every corpus site on its own origin (``<slug>.test``): pages found, JS sites rendered, facts there."""
    with SiteServer(vhosts={site.hostname: site.root for site in CORPUS}) as server:
        # The production fetch timeout (10 s): on a loaded CI machine a local page has taken over 3 s, and
        # this test is about finding and reading pages, not about timeouts (test_batch_of_bad_sites_goes_on is).
        settings = crawler_settings(
            allow_addresses=[server.address], render_mode="auto", site_timeout=30, fetch_timeout=10.0
        )
        resolver = net.mapping_resolver({site.hostname: "127.0.0.1" for site in CORPUS})
        urls = {f"http://{site.hostname}:{server.port}/": site for site in CORPUS}
        records: dict[str, SiteRecord] = {}
        async with Crawler(settings, resolver=resolver) as crawler:

            async def run() -> None:
                async for record in extract_sites(urls, crawler=crawler):
                    records[record.url] = record

            await asyncio.wait_for(run(), 90)
            rendered = crawler.sites_rendered
    assert set(records) == set(urls)
    js_sites = 0
    for url, site in urls.items():
        record = records[url]
        expected = site.expected
        assert record.errors == [], (site.slug, record.errors)
        wanted = expected.get("pages", {})
        for kind in ("impressum", "contact", "about", "team"):
            if kind in wanted:
                page = urljoin(url, _first(wanted[kind]))
                assert any(_same_page(p, page) for p in record.pages), (site.slug, kind, record.pages)
        assert record.rendered is bool(expected.get("js_required")), site.slug
        if expected.get("js_required"):
            js_sites += 1
            # What only the script writes must have reached the extractor.
            assert record.company_name, site.slug
            found = set(record.emails) & set(expected.get("emails", []))
            assert found, (site.slug, record.emails)
    assert rendered == js_sites


def _bad_routes(canary_port: int) -> dict[str, Reply]:
    return {
        "/ok/": Reply(body=html('<p>Acme GmbH</p><a href="/ok/impressum">Impressum</a>', title="Acme GmbH")),
        "/ok/impressum": Reply(body=html("<p>Acme GmbH, info@acme.de</p>")),
        "/pdf/": Reply(body=b"%PDF-1.4", content_type="application/pdf"),
        "/image/": Reply(body=b"GIF89a", content_type="image/gif"),
        "/huge/": Reply(body=b"<html>" + b"x" * (4 * 1024 * 1024)),
        "/loop/": Reply(302, headers={"Location": "/loop2/"}),
        "/loop2/": Reply(302, headers={"Location": "/loop/"}),
        "/slow/": Reply(body=html("late"), delay=2.5),
        "/e500/": Reply(500, "boom"),
        "/e404/": Reply(404, "nope"),
        "/to-canary/": Reply(302, headers={"Location": f"http://127.0.0.1:{canary_port}/"}),
        "/refresh-canary/": Reply(
            body=html("", head=f'<meta http-equiv="refresh" content="0;url=http://2130706433:{canary_port}/">')
        ),
    }


async def test_batch_of_bad_sites_goes_on():
    with SiteServer({"*": Reply(body="CANARY")}) as canary, SiteServer(_bad_routes(canary.port)) as site:
        base = f"http://127.0.0.1:{site.port}"
        urls = [
            f"{base}/ok/",
            "garbage",
            "ftp://example.com/",
            "",
            f"http://0x7f000001:{canary.port}/",
            f"http://[::ffff:127.0.0.1]:{canary.port}/",
            *(f"{base}/{name}/" for name in ("pdf", "image", "huge", "loop", "slow", "e500", "e404")),
            f"{base}/to-canary/",
            f"{base}/refresh-canary/",
            "http://unknown-host.test/",
        ]
        settings = crawler_settings(allow_addresses=[site.address], fetch_timeout=1.0, respect_robots=False)
        started = time.monotonic()

        async def run() -> list[SiteRecord]:
            resolver = net.mapping_resolver({})
            async with Crawler(settings, resolver=resolver) as crawler:
                return [r async for r in extract_sites(urls, crawler=crawler, concurrency=8)]

        records = await asyncio.wait_for(run(), 30)
        assert time.monotonic() - started < 10
        assert canary.requests == []
    by_url = {r.url: r for r in records}
    assert len(records) == len(urls) and set(by_url) == set(urls)
    good = by_url[f"{base}/ok/"]
    assert good.errors == [] and "info@acme.de" in good.emails and len(good.pages) == 2
    expected_codes = {
        "garbage": "invalid_url",
        "ftp://example.com/": "invalid_url",
        "": "invalid_url",
        f"http://0x7f000001:{canary.port}/": "blocked",
        f"http://[::ffff:127.0.0.1]:{canary.port}/": "blocked",
        f"{base}/pdf/": "not_html",
        f"{base}/image/": "not_html",
        f"{base}/huge/": "too_large",
        f"{base}/loop/": "redirect_loop",
        f"{base}/slow/": "timeout",
        f"{base}/e500/": "http_status",
        f"{base}/e404/": "http_status",
        f"{base}/to-canary/": "blocked",
        f"{base}/refresh-canary/": "blocked",
        "http://unknown-host.test/": "dns",
    }
    for url, code in expected_codes.items():
        record = by_url[url]
        assert record.pages == [] and len(record.errors) == 1, (url, record.errors)
        assert record.errors[0].startswith(code), (url, record.errors)
        assert record.model_dump_json()  # serialisable as a CLI line


async def test_site_timeout_keeps_pages_already_fetched():
    routes = {
        "/": Reply(
            body=html('<p>Slowpoke GmbH, info@slowpoke.de</p><a href="/impressum">Impressum</a>', title="Slowpoke GmbH")
        ),
        "/impressum": Reply(body=html("late"), delay=3),
    }
    with SiteServer(routes) as site:
        settings = crawler_settings(allow_addresses=[site.address], site_timeout=1.0, fetch_timeout=5.0)
        record = await asyncio.wait_for(extract_site(site.url("/"), settings), 10)
    assert record.pages == [site.url("/")] and record.emails == ["info@slowpoke.de"]
    assert record.errors and record.errors[0].startswith("timeout: site took longer than 1s")


async def test_robots_disallowing_everything_is_a_per_site_error():
    routes = {
        "/robots.txt": Reply(body="User-agent: *\nDisallow: /\n", content_type="text/plain"),
        "/": Reply(body=html("hidden")),
    }
    with SiteServer(routes) as site:
        settings = crawler_settings(allow_addresses=[site.address])
        record = await extract_site(site.url("/"), settings)
    assert record.pages == [] and record.errors[0].startswith("robots:")
    assert [r.path for r in site.requests] == ["/robots.txt"]


async def test_missing_scheme_means_https_then_http():
    routes = {"/": Reply(body=html("<p>Plain GmbH</p>", title="Plain GmbH"))}
    with SiteServer(routes) as site:
        settings = crawler_settings(allow_addresses=[site.address])
        async with Crawler(settings, resolver=net.mapping_resolver({"plain.test": "127.0.0.1"})) as crawler:
            record = await extract_site(f"plain.test:{site.port}", crawler=crawler)
    assert record.url == f"plain.test:{site.port}"
    assert record.pages == [f"http://plain.test:{site.port}/"] and record.errors == []


async def test_impressum_only_linked_from_a_subpage_or_at_a_guessed_path():
    routes = {
        "/": Reply(body=html('<a href="/kontakt">Kontakt</a>')),
        "/kontakt": Reply(body=html('<p>Schreiben Sie uns</p><a href="/rechtliches/anbieter">Impressum</a>')),
        "/rechtliches/anbieter": Reply(body=html("<h1>Impressum</h1>")),
    }
    guessed = {"/": Reply(body=html("<p>Nothing linked</p>")), "/impressum": Reply(body=html("<h1>Impressum</h1>"))}
    with SiteServer(routes) as linked, SiteServer(guessed) as bare:
        settings = crawler_settings(allow_addresses=[linked.address, bare.address])
        async with Crawler(settings) as crawler:
            first = await crawler.crawl(linked.url("/"))
            second = await crawler.crawl(bare.url("/"))
    assert {p.kind: p.url for p in first.pages}["impressum"] == linked.url("/rechtliches/anbieter")
    assert {p.kind: p.url for p in second.pages}["impressum"] == bare.url("/impressum")


async def test_impressum_written_by_script_or_in_a_script_loaded_footer():
    """No browser: the address a script writes into the footer, and the footer file a (never loaded) jQuery would
    insert, whose links count from the page that shows it."""
    impressum = Reply(body=html("<h1>Impressum</h1><p>Acme GmbH</p>"))
    written = {
        "/": Reply(body=html('<footer id="f"></footer><script>const a = document.createElement("a");'
                             'a.href = "rechtliches.html"; a.textContent = "Impressum"; f.append(a);</script>')),
        "/rechtliches.html": impressum,
    }
    loaded = {
        "/": Reply(body=html('<div id="footer"></div><script src="https://code.jquery.invalid/jquery.js"></script>'
                             '<script>$("#footer").load("assets/footer.html");</script>')),
        "/assets/footer.html": Reply(body='<footer><a href="impressum.html">Impressum</a></footer>'),
        "/impressum.html": impressum,
    }
    with SiteServer(written) as first, SiteServer(loaded) as second:
        settings = crawler_settings(allow_addresses=[first.address, second.address])
        async with Crawler(settings) as crawler:
            by_script = await crawler.crawl(first.url("/"))
            by_partial = await crawler.crawl(second.url("/"))
    assert {p.kind: p.url for p in by_script.pages}["impressum"] == first.url("/rechtliches.html")
    kinds = {p.url: p.kind for p in by_partial.pages}
    assert kinds[second.url("/impressum.html")] == "impressum" and kinds[second.url("/assets/footer.html")] == "other"
    assert by_partial.errors == []


async def test_menu_written_by_a_site_script_file():
    """The menu comes from the site's own script (its jQuery never loads): the pages it names are found, and the
    library itself is never downloaded."""
    nav = """jQuery('nav').html('<ul><li><a href="unser_team.html">Unser Team</a></li>\\
        <li><a href="impressum.html">Impressum</a></li></ul>');"""
    routes = {
        "/": Reply(body=html('<nav></nav><p>Reisen</p><script src="js/jquery.min.js"></script>'
                             '<script src="js/nav_and_footer.js"></script>')),
        "/js/nav_and_footer.js": Reply(body=nav, content_type="application/javascript"),
        "/impressum.html": Reply(body=html("<h1>Impressum</h1>")),
        "/unser_team.html": Reply(body=html("<h1>Team</h1>")),
    }
    with SiteServer(routes) as site:
        async with Crawler(crawler_settings(allow_addresses=[site.address])) as crawler:
            result = await crawler.crawl(site.url("/"))
    kinds = {p.kind: p.url for p in result.pages}
    assert kinds["impressum"] == site.url("/impressum.html") and kinds["team"] == site.url("/unser_team.html")
    assert not any("jquery" in r.path for r in site.requests)


async def test_legal_hub_gives_way_to_the_impressum_it_links():
    """"Rechtliches" leads to a page of buttons (Impressum, Datenschutz, AGB): the Impressum behind it is fetched
    and the hub kept as another page; a real Impressum's link to its English "Imprint" is not followed."""
    hub = {
        "/": Reply(body=html('<footer><a href="/rechtliches/">Rechtliches</a></footer>')),
        "/rechtliches/": Reply(body=html('<a href="/rechtliches/impressum">Impressum</a>'
                                         '<a href="/rechtliches/agb">AGB</a>')),
        "/rechtliches/impressum": Reply(body=html("<h1>Impressum</h1><p>Acme GmbH</p>")),
    }
    real = {
        "/": Reply(body=html('<footer><a href="/impressum">Impressum</a></footer>')),
        "/impressum": Reply(body=html('<h1>Impressum</h1><a href="/en/imprint">Imprint</a>')),
        "/en/imprint": Reply(body=html("<h1>Imprint</h1>")),
    }
    with SiteServer(hub) as first, SiteServer(real) as second:
        async with Crawler(crawler_settings(allow_addresses=[first.address, second.address])) as crawler:
            through = await crawler.crawl(first.url("/"))
            direct = await crawler.crawl(second.url("/"))
    kinds = {p.url: p.kind for p in through.pages}
    assert kinds[first.url("/rechtliches/impressum")] == "impressum" and kinds[first.url("/rechtliches/")] == "other"
    assert [p.url for p in direct.pages if p.kind == "impressum"] == [second.url("/impressum")]
    assert not any(r.path == "/en/imprint" for r in second.requests)


async def test_impressum_guessed_in_the_folder_the_site_lives_in():
    """A home page under a language folder, and a site whose pages sit in one folder, link no Impressum: the usual
    names are tried there too, spelled as the site's links are."""
    by_language = {"/de/": Reply(body=html('<a href="/de/angebot">Angebot</a>')),
                   "/de/impressum": Reply(body=html("<h1>Impressum</h1>"))}
    by_folder = {"/": Reply(body=html('<a href="info/preise.html">Preise</a><a href="info/anlage.html">Anlage</a>')),
                 "/info/impressum.html": Reply(body=html("<h1>Impressum</h1>"))}
    with SiteServer(by_language) as first, SiteServer(by_folder) as second:
        settings = crawler_settings(allow_addresses=[first.address, second.address])
        async with Crawler(settings) as crawler:
            language = await crawler.crawl(first.url("/de/"))
            folder = await crawler.crawl(second.url("/"))
    assert {p.kind: p.url for p in language.pages}["impressum"] == first.url("/de/impressum")
    assert {p.kind: p.url for p in folder.pages}["impressum"] == second.url("/info/impressum.html")


async def test_impressum_guessed_by_its_english_name_and_in_language_folders():
    """No page links the Impressum: the English name at the root ("/imprint") and the language folders'
    ("/de/imprint.html") are tried too, after the German names; a soft 404 (every path answered with the home page)
    is not taken for it."""
    english = {"/": Reply(body=html('<a href="/services.html">Services</a>')),
               "/imprint.html": Reply(body=html("<h1>Imprint</h1><p>Acme Robots GmbH</p>"))}
    by_language = {"/": Reply(body=html("<p>Robots for warehouses</p>")),
                   "/de/imprint.html": Reply(body=html("<h1>Impressum</h1><p>Acme Robots GmbH</p>"))}
    home = html('<p>Acme GmbH</p><footer>Impressum: siehe unten</footer>')
    soft_404 = {"*": Reply(body=home), "/": Reply(body=home)}
    with SiteServer(english) as first, SiteServer(by_language) as second, SiteServer(soft_404) as third:
        settings = crawler_settings(allow_addresses=[first.address, second.address, third.address])
        async with Crawler(settings) as crawler:
            by_name = await crawler.crawl(first.url("/"))
            in_folder = await crawler.crawl(second.url("/"))
            everything = await crawler.crawl(third.url("/"))
    assert {p.kind: p.url for p in by_name.pages}["impressum"] == first.url("/imprint.html")
    assert {p.kind: p.url for p in in_folder.pages}["impressum"] == second.url("/de/imprint.html")
    paths = [r.path for r in second.requests]
    assert paths.index("/impressum") < paths.index("/imprint") < paths.index("/de/imprint.html")
    assert [p.kind for p in everything.pages] == ["home"]
    assert len(everything.pages) <= settings.max_pages_per_site


async def test_home_page_refreshing_to_a_missing_address_and_unrendered_template_links():
    """A home page that only refreshes to an address the host does not serve (an unrendered template's
    "{{site.baseurl}}en/") is kept as the home page, and the Impressum is still guessed; links that spell a
    template placeholder are never requested."""
    refresh = "<meta http-equiv='refresh' content='0;url={{site.baseurl}}en/'>"
    template = '<a href="{{ site.url }}{{ site.baseurl }}/contact">Contact</a><a href="{% link about.md %}">About</a>'
    routes = {"/": Reply(body=html("", head=refresh)),
              "/de/imprint.html": Reply(body=html("<h1>Impressum</h1><p>Acme UG</p>"))}
    templated = {"/": Reply(body=html(f"<p>Acme</p>{template}")),
                 "/de/impressum.html": Reply(body=html("<h1>Impressum</h1><p>Acme UG</p>"))}
    with SiteServer(routes) as first, SiteServer(templated) as second:
        settings = crawler_settings(allow_addresses=[first.address, second.address])
        async with Crawler(settings) as crawler:
            moved = await crawler.crawl(first.url("/"))
            linked = await crawler.crawl(second.url("/"))
    assert moved.site_url == first.url("/") and moved.pages[0].kind == "home"
    assert {p.kind: p.url for p in moved.pages}["impressum"] == first.url("/de/imprint.html")
    assert {p.kind: p.url for p in linked.pages}["impressum"] == second.url("/de/impressum.html")
    assert not any("{" in r.path or "%7B" in r.path.upper() for r in second.requests)


async def test_refresh_to_a_missing_address_is_an_error_for_other_pages():
    """Only the home page falls back to the page that refreshed: elsewhere a refresh to nowhere is a dead link."""
    routes = {"/": Reply(body=html("", head="<meta http-equiv='refresh' content='0;url=/gone/'>"))}
    with SiteServer(routes) as site:
        async with Crawler(crawler_settings(allow_addresses=[site.address])) as crawler:
            with pytest.raises(FetchError):
                await crawler.fetcher.fetch_page(site.url("/"))
            page = await crawler.fetcher.fetch_page(site.url("/"), keep_broken_refresh=True)
    assert page.url == site.url("/")


async def test_render_decision_without_impressum_link():
    """German sites must have an Impressum: a missing link plus scripts means render; elsewhere not."""
    script = '<script src="/analytics.js"></script>'
    text = "<p>" + "We build software for logistics teams. " * 12 + "</p>"
    english = {"/": Reply(body=html(f'{text}<a href="/contact">Contact</a>{script}').replace("lang=de", "lang=en"))}
    german = {"/": Reply(body=html(f'{text}<a href="/kontakt">Kontakt</a>{script}'))}
    with SiteServer(english) as en, SiteServer(german) as de:
        settings = crawler_settings(
            allow_addresses=[en.address, de.address], render_mode="auto", chromium_path="/nonexistent/chromium"
        )
        async with Crawler(settings) as crawler:
            english_result = await crawler.crawl(en.url("/"))
            german_result = await crawler.crawl(de.url("/"))
    assert not any("rendering" in e for e in english_result.errors)
    assert any("rendering unavailable" in e and "no Impressum link" in e for e in german_result.errors)


async def test_extraction_failures_are_per_site_errors(monkeypatch):
    import services.leads.pipeline as pipeline

    def slow(pages, *, site_url):
        time.sleep(0.5)
        raise AssertionError("not reached in time")

    def broken(pages, *, site_url):
        raise ValueError("extractor bug")

    with SiteServer({"/": Reply(body=html("<p>Acme GmbH</p>"))}) as site:
        settings = crawler_settings(allow_addresses=[site.address], extraction_workers=0, extraction_timeout=0.2)
        monkeypatch.setattr(pipeline, "extract_company", slow)
        late = await extract_site(site.url("/"), settings)
        monkeypatch.setattr(pipeline, "extract_company", broken)
        failed = await extract_site(site.url("/"), settings)
    assert late.pages == [site.url("/")] and late.errors == ["extraction: took longer than 0.2s"]
    assert failed.pages and failed.errors == ["extraction: ValueError: extractor bug"]
