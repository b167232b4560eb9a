"""SSRF guard: no spelling, redirect, meta refresh or DNS trick reaches a loopback canary."""

from __future__ import annotations

import asyncio
import ipaddress
import socket

import pytest

from services.leads.crawler import net
from services.leads.crawler.errors import FetchError
from services.leads.crawler.fetch import Fetcher
from tests.leads.sites import Reply, SiteServer, crawler_settings, html


@pytest.fixture
def canary():
    with SiteServer({"*": Reply(body="CANARY")}) as server:
        yield server
    assert server.requests == [], f"canary was reached: {server.requests}"


def _spellings(port: int) -> list[str]:
    return [
        f"http://127.0.0.1:{port}/",
        f"http://2130706433:{port}/",
        f"http://0x7f000001:{port}/",
        f"http://0x7F.0.0.1:{port}/",
        f"http://0177.0.0.1:{port}/",
        f"http://017700000001:{port}/",
        f"http://127.1:{port}/",
        f"http://127.0.1:{port}/",
        f"http://127.0.0.1.:{port}/",
        f"http://%31%32%37.0.0.1:{port}/",
        f"http://0:{port}/",
        f"http://0.0.0.0:{port}/",
        f"http://[::1]:{port}/",
        f"http://[::]:{port}/",
        f"http://[::ffff:7f00:1]:{port}/",
        f"http://[::ffff:127.0.0.1]:{port}/",
        f"http://[0:0:0:0:0:ffff:7f00:1]:{port}/",
        f"http://[::127.0.0.1]:{port}/",
        f"http://[64:ff9b::7f00:1]:{port}/",
        f"http://[2002:7f00:1::]:{port}/",
        f"http://localhost:{port}/",
        f"https://127.0.0.1:{port}/",
        f"HTTP://LOCALHOST:{port}/",
        f"http://user:pw@example.com@127.0.0.1:{port}/",
    ]


async def test_every_spelling_of_loopback_is_blocked(canary):
    async with Fetcher(crawler_settings()) as fetcher:
        for url in _spellings(canary.port):
            with pytest.raises(FetchError) as info:
                await asyncio.wait_for(fetcher.fetch_page(url), 5)
            assert info.value.code in ("blocked", "invalid_url"), (url, info.value)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.127.255.254",
        "0.0.0.0",
        "0.1.2.3",
        "224.0.0.1",
        "239.255.255.250",
        "198.18.0.1",
        "198.19.255.255",
        "240.0.0.1",
        "255.255.255.255",
        "192.0.2.1",
        "192.0.0.8",
        "::1",
        "::",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "fec0::1",
        "ff02::1",
        "2001:db8::1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "::10.0.0.1",
        "64:ff9b::a9fe:a9fe",
        "64:ff9b:1::1",
        "2002:c0a8:0101::1",
        "2001:0:4136:e378:8000:63bf:f5ff:fffe",
        "::ffff:0:7f00:1",
    ],
)
def test_forbidden_addresses(address):
    assert net.forbidden_reason(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize(
    "address",
    [
        "8.8.8.8",
        "1.1.1.1",
        "93.184.216.34",
        "2606:4700:4700::1111",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2002:0808:0808::1",
    ],
)
def test_public_addresses_pass(address):
    assert net.forbidden_reason(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.com/",
        "gopher://127.0.0.1:70/",
        "data:text/html,hi",
        "javascript:alert(1)",
        "dict://127.0.0.1:11211/",
        "http://",
        "http://[::1/",
        "http://1.2.3.4.5/",
        "http://256.0.0.1/",
        "http://example.com:99999/",
        "http://[fe80::1%25eth0]/",
    ],
)
async def test_non_http_and_malformed_urls_are_refused(url):
    # allow_private_urls lifts only the address check, never the scheme rules.
    async with Fetcher(crawler_settings(allow_private_urls=True)) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.fetch_page(url)
    assert info.value.code == "invalid_url"


async def test_hostname_resolving_to_private_is_blocked(canary):
    resolver = net.mapping_resolver({"evil.test": "127.0.0.1", "mixed.test": ["93.184.216.34", "127.0.0.1"]})
    async with Fetcher(crawler_settings(), resolver=resolver) as fetcher:
        for host in ("evil.test", "mixed.test"):
            with pytest.raises(FetchError) as info:
                await fetcher.fetch_page(f"http://{host}:{canary.port}/")
            assert info.value.code == "blocked"
            assert "resolves to" in info.value.message


async def test_allow_list_opens_one_port_only(canary):
    with SiteServer({"/": Reply(body=html("ok"))}) as site:
        settings = crawler_settings(allow_addresses=[site.address])
        resolver = net.mapping_resolver({"site.test": "127.0.0.1"})
        async with Fetcher(settings, resolver=resolver) as fetcher:
            page = await fetcher.fetch_page(f"http://site.test:{site.port}/")
            assert "ok" in page.text
            with pytest.raises(FetchError, match="blocked"):
                await fetcher.fetch_page(f"http://site.test:{canary.port}/")


async def test_redirects_to_the_canary_are_blocked(canary):
    targets = [
        f"http://127.0.0.1:{canary.port}/",
        f"http://2130706433:{canary.port}/x",
        f"http://[::ffff:127.0.0.1]:{canary.port}/",
        f"http://evil.test:{canary.port}/",
        f"//127.1:{canary.port}/protocol-relative",
    ]
    routes = {f"/r{i}": Reply(302, headers={"Location": t}) for i, t in enumerate(targets)}
    routes["/chain"] = Reply(301, headers={"Location": "/r0"})
    with SiteServer(routes) as site:
        resolver = net.mapping_resolver({"site.test": "127.0.0.1", "evil.test": "127.0.0.1"})
        async with Fetcher(crawler_settings(allow_addresses=[site.address]), resolver=resolver) as fetcher:
            for path in [*routes]:
                with pytest.raises(FetchError) as info:
                    await asyncio.wait_for(fetcher.fetch_page(f"http://site.test:{site.port}{path}"), 5)
                assert info.value.code == "blocked", (path, info.value)


async def test_meta_refresh_to_the_canary_is_blocked(canary):
    page = html("moved", head=f'<meta http-equiv="refresh" content="0; url=http://0x7f000001:{canary.port}/">')
    with SiteServer({"/": Reply(body=page)}) as site:
        async with Fetcher(crawler_settings(allow_addresses=[site.address])) as fetcher:
            with pytest.raises(FetchError) as info:
                await fetcher.fetch_page(site.url("/"))
    assert info.value.code == "blocked"


async def test_dns_rebinding_connects_to_the_checked_address(monkeypatch):
    """The name is resolved once; the connection goes to that address, never to a second answer."""
    with (
        SiteServer({"/": Reply(body=html("real site"))}) as site,
        SiteServer({"*": Reply(body="CANARY")}, host="127.0.0.2", port=site.port) as canary,
    ):
        answers = iter(["127.0.0.1", "127.0.0.2", "127.0.0.2"])
        calls: list[str] = []

        async def rebinding(host: str, port: int) -> list[str]:
            calls.append(host)
            return [next(answers)]

        real_getaddrinfo = socket.getaddrinfo

        def poisoned(host, *args, **kwargs):  # if anything resolved the name again, it would get the canary
            if isinstance(host, str) and host.startswith("rebind"):
                return real_getaddrinfo("127.0.0.2", *args, **kwargs)
            return real_getaddrinfo(host, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", poisoned)
        settings = crawler_settings(allow_addresses=[site.address])
        async with Fetcher(settings, resolver=rebinding) as fetcher:
            page = await fetcher.fetch_page(f"http://rebind.test:{site.port}/")
            assert "real site" in page.text
            assert calls == ["rebind.test"]
            assert site.requests[-1].headers["host"] == f"rebind.test:{site.port}"
            fetcher._dns.clear()  # a fresh lookup gets the rebinding answer and is checked again
            with pytest.raises(FetchError, match="blocked"):
                await fetcher.fetch_page(f"http://rebind.test:{site.port}/again")
        assert canary.requests == []


async def test_allow_private_urls_lifts_the_address_check():
    with SiteServer({"/": Reply(body=html("intranet"))}) as site:
        async with Fetcher(crawler_settings(allow_private_urls=True)) as fetcher:
            page = await fetcher.fetch_page(f"http://2130706433:{site.port}/")
    assert "intranet" in page.text


async def test_environment_proxy_is_ignored(canary, monkeypatch):
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "HTTPS_PROXY"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{canary.port}")
    with SiteServer({"/": Reply(body=html("direct"))}) as site:
        async with Fetcher(crawler_settings(allow_addresses=[site.address])) as fetcher:
            assert "direct" in (await fetcher.fetch_page(site.url("/"))).text


def test_whatwg_ipv4_parsing():
    assert str(net.parse_ipv4("0x7f.1")) == "127.0.0.1"
    assert str(net.parse_ipv4("0300.0250.1")) == "192.168.0.1"
    assert str(net.parse_ipv4("3232235521")) == "192.168.0.1"
    assert str(net.parse_ipv4("0x")) == "0.0.0.0"
    assert str(net.parse_ipv4("1.2.3.")) == "1.2.0.3"  # a trailing dot is dropped first
    assert str(net.parse_ipv4("1.2.3")) == "1.2.0.3"
    for bad in ("1.2.3.4.5", "256.1.1.1", "1.2.65536", "0x1g", "09.1.1.1", "4294967296"):
        with pytest.raises(net.URLError):
            net.parse_ipv4(bad)
    assert net.ends_in_a_number("foo.0x10") and net.ends_in_a_number("a.1.")
    assert not net.ends_in_a_number("example.com") and not net.ends_in_a_number("1.example")


def test_input_urls_are_normalised():
    assert net.normalise_input_url("example.com").url == "https://example.com/"
    assert net.normalise_input_url("Example.COM:8080/a b").url == "https://example.com:8080/a%20b"
    assert net.normalise_input_url("http://bäckerei.de/über").url == "http://xn--bckerei-5wa.de/%C3%BCber"
    for bad in ("", "   ", "garbage", "mailto:x@example.com", "javascript:alert(1)", "http://exa mple.com/"):
        with pytest.raises(net.URLError):
            net.normalise_input_url(bad)
