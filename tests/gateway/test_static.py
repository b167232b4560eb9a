"""The SPA's precompressed copies: chosen by Accept-Encoding, never sent to a client that did not ask."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import httpx
import pytest

from gateway.main import create_app as create_gateway
from gateway.policy import SERVICES
from gateway.static import parse_accept_encoding
from tests.conftest import running
from tests.gateway.support import EchoApp, gateway_settings

APP_JS = b"export function outbound(){return 'list pages at a fraction of the stack';}\n" * 40
STYLE = b".card{padding:1rem;margin:0 auto}\n" * 30
TINY = b"x=1"


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    root = tmp_path / "dist"
    assets = root / "assets"
    assets.mkdir(parents=True)
    (root / "index.html").write_text("<!doctype html><title>Outbound</title><div id=root></div>")
    (assets / "app-abc123.js").write_bytes(APP_JS)
    (assets / "app-abc123.js.gz").write_bytes(gzip.compress(APP_JS))
    (assets / "app-abc123.js.br").write_bytes(brotli.compress(APP_JS))
    (assets / "style-9f8e.css").write_bytes(STYLE)
    (assets / "style-9f8e.css.gz").write_bytes(gzip.compress(STYLE))  # no brotli copy of this one
    (assets / "tiny-1.js").write_bytes(TINY)
    (assets / "tiny-1.js.gz").write_bytes(gzip.compress(TINY))  # larger than the file: useless
    (root / ".vite").mkdir()
    (root / ".vite" / "manifest.json").write_text('{"index.html": {"file": "assets/app-abc123.js"}}')
    return root


async def fetch(client: httpx.AsyncClient, path: str, *headers: tuple[str, str],
                method: str = "GET") -> tuple[httpx.Response, bytes]:
    """The response and its body exactly as sent (httpx would otherwise decode it)."""
    async with client.stream(method, path, headers=list(headers)) as resp:
        return resp, b"".join([chunk async for chunk in resp.aiter_raw()])


@pytest.fixture
async def client(tmp_path: Path, dist: Path):
    gateway = create_gateway(gateway_settings(tmp_path, static_dir=dist),
                             local_apps={name: EchoApp() for name in SERVICES})
    async with running(gateway) as c:
        c.headers.pop("accept-encoding", None)  # each test says what its client accepts
        yield c


async def test_each_client_gets_the_encoding_it_asked_for(client: httpx.AsyncClient) -> None:
    plain, body = await fetch(client, "/assets/app-abc123.js")
    assert body == APP_JS and "content-encoding" not in plain.headers
    assert plain.headers["vary"] == "Accept-Encoding"
    assert int(plain.headers["content-length"]) == len(APP_JS)

    browser, body = await fetch(client, "/assets/app-abc123.js", ("accept-encoding", "gzip, deflate, br, zstd"))
    assert browser.headers["content-encoding"] == "br" and brotli.decompress(body) == APP_JS
    assert int(browser.headers["content-length"]) == len(body) < len(APP_JS) // 4
    assert browser.headers["vary"] == "Accept-Encoding"
    assert "javascript" in browser.headers["content-type"] and "immutable" in browser.headers["cache-control"]

    zipped, body = await fetch(client, "/assets/app-abc123.js", ("accept-encoding", "gzip"))
    assert zipped.headers["content-encoding"] == "gzip" and gzip.decompress(body) == APP_JS
    assert int(zipped.headers["content-length"]) == len(body)

    etags = {plain.headers["etag"], browser.headers["etag"], zipped.headers["etag"]}
    assert len(etags) == 3  # one validator per representation


@pytest.mark.parametrize(("accept", "expected"), [
    ("br;q=0.5, gzip", "gzip"),
    ("gzip;q=0.4, br;q=0.9", "br"),
    ("*", "br"),
    ("*;q=0.3, br;q=0", "gzip"),
    ("identity", None),
    ("br;q=0, gzip;q=0", None),
    ("gzip;q=0.5", "gzip"),
    ("gzip;q=0.5, identity", None),  # the client weighs the plain file higher
    ("gzip;q=0.5, identity;q=0.1", "gzip"),
    ("br;q=nonsense", None),
    ("deflate, compress", None),
    ("BR", "br"),
])
async def test_weights_and_exclusions(client: httpx.AsyncClient, accept: str, expected: str | None) -> None:
    resp, body = await fetch(client, "/assets/app-abc123.js", ("accept-encoding", accept))
    assert resp.headers.get("content-encoding") == expected
    decode = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda b: b}[expected]
    assert decode(body) == APP_JS and int(resp.headers["content-length"]) == len(body)


async def test_revalidation_head_and_files_without_useful_copies(client: httpx.AsyncClient) -> None:
    browser, _ = await fetch(client, "/assets/app-abc123.js", ("accept-encoding", "br"))
    etag = browser.headers["etag"]
    again, body = await fetch(client, "/assets/app-abc123.js", ("accept-encoding", "br"), ("if-none-match", etag))
    assert again.status_code == 304 and body == b""
    assert again.headers["etag"] == etag and again.headers["vary"] == "Accept-Encoding"
    weak, _ = await fetch(client, "/assets/app-abc123.js", ("accept-encoding", "br"),
                          ("if-none-match", f'"other", W/{etag}'))
    assert weak.status_code == 304
    # The brotli validator does not revalidate the plain file a client without brotli would get.
    other, body = await fetch(client, "/assets/app-abc123.js", ("if-none-match", etag))
    assert other.status_code == 200 and body == APP_JS

    head, body = await fetch(client, "/assets/app-abc123.js", ("accept-encoding", "gzip"), method="HEAD")
    assert head.status_code == 200 and body == b""
    assert head.headers["content-encoding"] == "gzip"
    assert int(head.headers["content-length"]) == len(gzip.compress(APP_JS))

    css, body = await fetch(client, "/assets/style-9f8e.css", ("accept-encoding", "br"))
    assert "content-encoding" not in css.headers and body == STYLE and css.headers["vary"] == "Accept-Encoding"
    css, body = await fetch(client, "/assets/style-9f8e.css", ("accept-encoding", "br, gzip"))
    assert css.headers["content-encoding"] == "gzip" and gzip.decompress(body) == STYLE

    tiny, body = await fetch(client, "/assets/tiny-1.js", ("accept-encoding", "gzip"))
    assert body == TINY and "content-encoding" not in tiny.headers and "vary" not in tiny.headers
    index, body = await fetch(client, "/leads", ("accept-encoding", "gzip, br"))
    assert body.startswith(b"<!doctype html>") and "content-encoding" not in index.headers

    # Copies are representations of their file, not files of their own; build bookkeeping is not served.
    for path in ("/assets/app-abc123.js.br", "/assets/app-abc123.js.gz", "/.vite/manifest.json"):
        missing, _ = await fetch(client, path, ("accept-encoding", "br"))
        assert missing.status_code == 404


async def test_accept_encoding_over_several_header_lines(client: httpx.AsyncClient) -> None:
    resp, body = await fetch(client, "/assets/app-abc123.js", ("accept-encoding", "identity;q=0.5"),
                             ("accept-encoding", "gzip"))
    assert resp.headers["content-encoding"] == "gzip" and gzip.decompress(body) == APP_JS


def test_parse_accept_encoding() -> None:
    assert parse_accept_encoding("gzip, br;q=0.8, *;q=0") == {"gzip": 1.0, "br": 0.8, "*": 0.0}
    assert parse_accept_encoding(" GZIP ; Q=0.2 ,, br;q=7") == {"gzip": 0.2, "br": 1.0}
    assert parse_accept_encoding("") == {}


async def test_the_public_booking_routes_get_the_spa(client: httpx.AsyncClient) -> None:
    """/book/<token>, its manage page and its one-click links (which end in a signed "<payload>.<mac>")
    are the SPA's routes; a missing file elsewhere is still a 404."""
    token = "Jq3xZ0wq2b8mA1nY7K5pV4sT9dR6eU3hC2fL8gB1kM0"
    for path in (f"/book/{token}", "/book/manage?reschedule=bTF8cmVzY2hlZHVsZXwx.c2lnbmF0dXJl&cancel=x.y",
                 f"/book/{token}/quick/bTF8Ym9va3wxfDE3MDAwMDAwMDA.Zm9yZ2VkX21hY19mb3JnZWRfbWFjX2ZvcmdlZF9tYWNfZm9y"):
        resp, body = await fetch(client, path)
        assert resp.status_code == 200, path
        assert body.startswith(b"<!doctype html>") and "no-cache" in resp.headers["cache-control"], path
    for path in ("/assets/missing-1.js", "/favicon-missing.ico", "/leads/report.csv"):
        missing, _ = await fetch(client, path)
        assert missing.status_code == 404, path
