"""robots.txt per RFC 9309, and how the crawler obeys it."""

from __future__ import annotations

import pytest

from services.leads.crawler.errors import FetchError
from services.leads.crawler.fetch import Fetcher
from services.leads.crawler.robots import Robots, RobotsCache
from tests.leads.sites import Reply, SiteServer, crawler_settings, html

TOKEN = "OutboundCRMBot"


def test_group_matching_and_fallback():
    robots = Robots.parse(
        """
        User-agent: *
        Disallow: /

        User-agent: outboundcrmbot/1.0
        User-agent: otherbot
        Disallow: /private
        # a comment
        Allow: /private/ok   # trailing comment

        user-agent: OutboundCRMBot
        disallow: /also
        """
    )
    assert robots.allowed(TOKEN, "/")
    assert not robots.allowed(TOKEN, "/private/x")
    assert robots.allowed(TOKEN, "/private/ok/page")
    assert not robots.allowed(TOKEN, "/also")  # groups for the same agent are merged
    assert not robots.allowed("SomeoneElse", "/anything")
    assert robots.allowed("SomeoneElse", "/robots.txt")


def test_longest_match_wins_and_allow_wins_ties():
    robots = Robots.parse("User-agent: *\nDisallow: /shop\nAllow: /shop/impressum\nAllow: /page\nDisallow: /page\n")
    assert not robots.allowed(TOKEN, "/shop/cart")
    assert robots.allowed(TOKEN, "/shop/impressum")
    assert robots.allowed(TOKEN, "/page")


def test_wildcards_and_end_anchor():
    robots = Robots.parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?session=\nDisallow: /fish*\n")
    assert not robots.allowed(TOKEN, "/files/a.pdf")
    assert robots.allowed(TOKEN, "/files/a.pdf.html")
    assert not robots.allowed(TOKEN, "/x?session=1")
    assert not robots.allowed(TOKEN, "/fishheads")
    assert robots.allowed(TOKEN, "/Fish")  # paths are case-sensitive


def test_empty_disallow_and_percent_encoding():
    assert Robots.parse("User-agent: *\nDisallow:\n").allowed(TOKEN, "/anything")
    robots = Robots.parse("User-agent: *\nDisallow: /%7Ejoe/\nDisallow: /über\n")
    assert not robots.allowed(TOKEN, "/~joe/index.html")
    assert not robots.allowed(TOKEN, "/%C3%BCber-uns")
    assert Robots.parse("Disallow: /\n").allowed(TOKEN, "/x")  # rules before any user-agent are ignored


@pytest.mark.parametrize(
    "reply,allowed",
    [
        (Reply(404, "nope"), True),
        (Reply(403, "forbidden"), True),
        (Reply(200, "User-agent: *\nDisallow: /secret", content_type="text/plain"), False),
        (Reply(200, html("an SPA answering every path"), content_type="text/html"), True),
        (Reply(500, "boom"), False),
        (Reply(503, "later"), False),
        (Reply(429, "slow down"), False),
    ],
)
async def test_robots_status_handling(reply, allowed):
    with SiteServer({"/robots.txt": reply, "/secret": Reply(body=html("s"))}) as site:
        async with Fetcher(crawler_settings(allow_addresses=[site.address])) as fetcher:
            cache = RobotsCache(fetcher, TOKEN)
            robots = await cache.get(f"http://127.0.0.1:{site.port}")
            assert robots.allowed(TOKEN, "/secret") is allowed
            await cache.get(f"http://127.0.0.1:{site.port}")
        assert len([r for r in site.requests if r.path == "/robots.txt"]) == 1  # cached per origin


async def test_unreachable_robots_means_disallow():
    with SiteServer({}) as gone:
        port = gone.port
    with SiteServer({"/robots.txt": Reply(body="late", delay=2)}) as slow:
        settings = crawler_settings(allow_addresses=[f"127.0.0.1:{port}", slow.address], fetch_timeout=0.5)
        async with Fetcher(settings) as fetcher:
            cache = RobotsCache(fetcher, TOKEN)
            robots = await cache.get(f"http://127.0.0.1:{slow.port}")
            assert robots.disallow_all and "assume disallow" in robots.reason
            # A host that refuses connections: the crawl stops with the connection error itself.
            with pytest.raises(FetchError) as info:
                await cache.check(fetcher.parse(f"http://127.0.0.1:{port}/impressum"))
            assert info.value.code == "connect"


async def test_disallowed_page_is_not_fetched():
    routes = {
        "/robots.txt": Reply(body="User-agent: *\nDisallow: /impressum\n", content_type="text/plain"),
        "/impressum": Reply(body=html("Impressum")),
        "/go": Reply(302, headers={"Location": "/impressum"}),
    }
    with SiteServer(routes) as site:
        async with Fetcher(crawler_settings(allow_addresses=[site.address])) as fetcher:
            cache = RobotsCache(fetcher, TOKEN)
            for path in ("/impressum", "/go"):  # also when a redirect leads there
                with pytest.raises(FetchError) as info:
                    await fetcher.fetch_page(site.url(path), hop_check=cache.check)
                assert info.value.code == "robots"
        assert not [r for r in site.requests if r.path == "/impressum"]
