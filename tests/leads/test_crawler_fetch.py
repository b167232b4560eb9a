"""The fetcher on bad input: wrong types, huge bodies, bombs, loops, slow servers, TLS, HTTP errors."""

from __future__ import annotations

import asyncio
import gzip
import time
import zlib

import pytest

from services.leads.crawler import net
from services.leads.crawler.decode import decode_html
from services.leads.crawler.errors import FetchError
from services.leads.crawler.fetch import Fetcher, meta_refresh
from tests.leads.sites import Reply, SiteServer, crawler_settings, html, make_tls

BIG = 4 * 1024 * 1024


async def _error(fetcher: Fetcher, url: str, timeout: float = 10) -> FetchError:
    with pytest.raises(FetchError) as info:
        await asyncio.wait_for(fetcher.fetch_page(url), timeout)
    return info.value


@pytest.fixture(scope="module")
def server():
    routes = {
        "/": Reply(body=html("<p>Hallo</p>")),
        "/doc.pdf": Reply(body=b"%PDF-1.7\n...", content_type="application/pdf"),
        "/logo.png": Reply(body=b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        "/data.json": Reply(body=b'{"a": 1}', content_type="application/json"),
        "/plain.txt": Reply(body=b"just text", content_type="text/plain"),
        "/sniffed": Reply(body=html("sniffed"), content_type="application/octet-stream"),
        "/huge": Reply(body=b"<html>" + b"a" * BIG),
        "/huge-unannounced": Reply(body=b"<html>" + b"a" * BIG, headers={"Content-Length": ""}),
        "/bomb": Reply(
            body=gzip.compress(b"<html>" + b"\0" * (20 * 1024 * 1024)), headers={"Content-Encoding": "gzip"}
        ),
        "/gzip": Reply(body=gzip.compress(html("gzipped").encode()), headers={"Content-Encoding": "gzip"}),
        "/deflate": Reply(body=zlib.compress(html("zlib deflate").encode()), headers={"Content-Encoding": "deflate"}),
        "/raw-deflate": Reply(
            body=zlib.compress(html("raw deflate").encode())[2:-4], headers={"Content-Encoding": "deflate"}
        ),
        "/brotli": Reply(body=b"\x0b\x02\x80hi\x03", headers={"Content-Encoding": "br"}),
        "/loop-a": Reply(302, headers={"Location": "/loop-b"}),
        "/loop-b": Reply(302, headers={"Location": "/loop-a"}),
        "/self": Reply(301, headers={"Location": "/self"}),
        "/see-other": Reply(303, headers={"Location": "/"}),
        "/refresh": Reply(body=html("", head='<meta http-equiv="Refresh" content="0; URL=/">')),
        "/refresh-loop": Reply(body=html("", head='<meta http-equiv="refresh" content="0;url=/refresh-loop2">')),
        "/refresh-loop2": Reply(body=html("", head='<meta http-equiv="refresh" content="0;url=/refresh-loop">')),
        "/slow": Reply(body=html("late"), delay=3),
        "/trickle": Reply(body=html("x" * 200), trickle=0.05),
        "/404": Reply(404, html("nope")),
        "/410": Reply(410, html("gone")),
        "/500": Reply(500, html("boom")),
        "/503": Reply(503, html("later"), headers={"Retry-After": "120"}),
        "/latin1": Reply(body=html("Müller & Söhne").encode("latin-1"), content_type="text/html; charset=ISO-8859-1"),
        "/meta-1252": Reply(
            body='<html><head><meta charset="windows-1252"></head><body>Straße „Nr. 5“</body></html>'.encode("cp1252"),
            content_type="text/html",
        ),
        "/undeclared-1252": Reply(body=b"<html><body>Gr\xfc\xdfe aus K\xf6ln</body></html>", content_type="text/html"),
        "/undeclared-utf8": Reply(body="<html><body>Grüße aus Köln</body></html>".encode(), content_type="text/html"),
    }
    for i in range(1, 12):
        routes[f"/hop{i}"] = Reply(302, headers={"Location": f"/hop{i + 1}"})
    routes["/hop12"] = Reply(body=html("end"))
    with SiteServer(routes) as s:
        yield s


@pytest.fixture
async def fetcher(server):
    async with Fetcher(crawler_settings(allow_addresses=[server.address], fetch_timeout=1.0)) as f:
        yield f


async def test_ok_page(fetcher, server):
    page = await fetcher.fetch_page(server.url("/"))
    assert page.status == 200 and "Hallo" in page.text and page.charset == "utf-8"
    assert server.requests[-1].headers["user-agent"].startswith("Mozilla/5.0 (compatible; OutboundCRMBot")


@pytest.mark.parametrize("path", ["/doc.pdf", "/logo.png", "/data.json", "/plain.txt"])
async def test_non_html_is_a_clear_error(fetcher, server, path):
    error = await _error(fetcher, server.url(path))
    assert error.code == "not_html" and "Content-Type" in error.message


async def test_html_served_as_octet_stream_is_sniffed(fetcher, server):
    assert "sniffed" in (await fetcher.fetch_page(server.url("/sniffed"))).text


@pytest.mark.parametrize("path", ["/huge", "/huge-unannounced", "/bomb"])
async def test_huge_pages_and_compression_bombs_are_capped(fetcher, server, path):
    error = await _error(fetcher, server.url(path))
    assert error.code == "too_large"


@pytest.mark.parametrize(
    "path,text", [("/gzip", "gzipped"), ("/deflate", "zlib deflate"), ("/raw-deflate", "raw deflate")]
)
async def test_compressed_pages(fetcher, server, path, text):
    assert text in (await fetcher.fetch_page(server.url(path))).text


async def test_unsupported_encoding(fetcher, server):
    assert (await _error(fetcher, server.url("/brotli"))).code == "protocol"


@pytest.mark.parametrize("path", ["/loop-a", "/self", "/refresh-loop"])
async def test_redirect_loops(fetcher, server, path):
    assert (await _error(fetcher, server.url(path))).code == "redirect_loop"


async def test_too_many_redirects(fetcher, server):
    error = await _error(fetcher, server.url("/hop1"))
    assert error.code == "too_many_redirects"
    assert len([r for r in server.requests if r.path.startswith("/hop")]) == 6  # first + max_redirects


async def test_redirects_and_meta_refresh_are_followed(fetcher, server):
    page = await fetcher.fetch_page(server.url("/see-other"))
    assert page.url == server.url("/") and page.redirects == [server.url("/see-other")]
    page = await fetcher.fetch_page(server.url("/refresh"))
    assert page.url == server.url("/") and "Hallo" in page.text


@pytest.mark.parametrize("path", ["/slow", "/trickle"])
async def test_timeouts(fetcher, server, path):
    started = time.monotonic()
    error = await _error(fetcher, server.url(path))
    assert error.code == "timeout"
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("path,status", [("/404", 404), ("/410", 410), ("/500", 500), ("/503", 503), ("/nothing", 404)])
async def test_http_errors(fetcher, server, path, status):
    error = await _error(fetcher, server.url(path))
    assert error.code == "http_status" and error.status == status and f"HTTP {status}" in str(error)


@pytest.mark.parametrize(
    "path,text,charset",
    [
        ("/latin1", "Müller & Söhne", "cp1252"),
        ("/meta-1252", "Straße „Nr. 5“", "cp1252"),
        ("/undeclared-1252", "Grüße aus Köln", "cp1252"),
        ("/undeclared-utf8", "Grüße aus Köln", "utf-8"),
    ],
)
async def test_charsets(fetcher, server, path, text, charset):
    page = await fetcher.fetch_page(server.url(path))
    assert text in page.text and page.charset == charset


def test_decode_html_bom_and_bad_labels():
    assert decode_html(b"\xef\xbb\xbf<p>\xc3\xa4</p>", "latin-1") == ("<p>ä</p>", "utf-8")
    text, used = decode_html(b"<p>\xff</p>", "no-such-charset")
    assert used == "cp1252" and text == "<p>ÿ</p>"


def test_meta_refresh_parsing():
    assert meta_refresh('<meta http-equiv="refresh" content="0; url=\'/x\'">') == "/x"
    assert meta_refresh("<META CONTENT='3;URL=http://a.de/' HTTP-EQUIV='Refresh'>") == "http://a.de/"
    assert meta_refresh('<meta http-equiv="refresh" content="600">') is None
    assert meta_refresh('<meta http-equiv="refresh" content="300; url=/later">') is None


async def test_connection_refused_is_a_clear_error(server):
    port = server.port
    with SiteServer({}) as other:
        dead = other.port
    async with Fetcher(crawler_settings(allow_addresses=[f"127.0.0.1:{dead}", f"127.0.0.1:{port}"])) as fetcher:
        error = await _error(fetcher, f"http://127.0.0.1:{dead}/")
    assert error.code == "connect"


async def test_unknown_host_is_a_dns_error():
    async with Fetcher(crawler_settings(), resolver=net.mapping_resolver({})) as fetcher:
        error = await _error(fetcher, "http://nowhere.test/")
    assert error.code == "dns"


# ----------------------------------------------------------------------------- TLS


@pytest.fixture(scope="module")
def tls_pair(tmp_path_factory):
    return make_tls(["secure.test"], tmp_path_factory.mktemp("tls"))


async def test_https_to_a_plain_http_port_is_a_tls_error(server):
    async with Fetcher(crawler_settings(allow_addresses=[server.address])) as fetcher:
        error = await _error(fetcher, f"https://127.0.0.1:{server.port}/")
    assert error.code == "tls"


async def test_self_signed_certificate_is_a_tls_error(tls_pair):
    server_ctx, _ = tls_pair
    with SiteServer({"/": Reply(body=html("secret"))}, tls=server_ctx) as site:
        resolver = net.mapping_resolver({"secure.test": "127.0.0.1"})
        async with Fetcher(crawler_settings(allow_addresses=[site.address]), resolver=resolver) as fetcher:
            error = await _error(fetcher, f"https://secure.test:{site.port}/")
    assert error.code == "tls" and "certificate" in error.message.lower()


async def test_https_connects_to_the_ip_with_sni_and_verifies_the_name(tmp_path):
    server_ctx, client_ctx = make_tls(["secure.test"], tmp_path)
    names: list[str | None] = []
    server_ctx.sni_callback = lambda sock, name, ctx: names.append(name)
    with SiteServer({"/": Reply(body=html("verified"))}, tls=server_ctx) as site:
        resolver = net.mapping_resolver({"secure.test": "127.0.0.1", "other.test": "127.0.0.1"})
        settings = crawler_settings(allow_addresses=[site.address])
        async with Fetcher(settings, resolver=resolver, ssl_context=client_ctx) as fetcher:
            page = await fetcher.fetch_page(f"https://secure.test:{site.port}/")
            assert "verified" in page.text
            assert names[0] == "secure.test"
            assert site.requests[-1].headers["host"] == f"secure.test:{site.port}"
            # Same IP, other name: must not reuse the secure.test connection, and the cert must not match.
            error = await _error(fetcher, f"https://other.test:{site.port}/")
            assert error.code == "tls" and "mismatch" in error.message.lower()
