"""Rendering JavaScript sites in Chromium, with every browser request behind the SSRF guard."""

from __future__ import annotations

import asyncio

import pytest

from services.leads.crawler import net
from services.leads.crawler.errors import FetchError
from services.leads.crawler.site import Crawler
from tests.leads.sites import Reply, SiteServer, crawler_settings, html

CHROMIUM = crawler_settings().resolved_chromium_path()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed")]

APP_JS = """
document.getElementById('root').innerHTML = '<h1>Acme Robotics</h1><p>' + 'Wir bauen Roboter. '.repeat(30) + '</p>';
fetch('/api/footer').then(r => r.json()).then(data => {
  const footer = document.querySelector('footer');
  footer.innerHTML = data.links.map(l => '<a href="' + l[0] + '">' + l[1] + '</a>').join(' ');
});
"""
FOOTER_JSON = '{"links": [["/impressum", "Impressum"], ["/kontakt", "Kontakt"]]}'


# A cookie wall: the page's content is in the HTML, and a script hides it until the visitor clicks "OK".
WALL = ('<div id="cookie-popup">Wir verwenden Cookies. <button>OK</button></div><div id="main-site"><h1>Acme Robotics'
        ' GmbH</h1><p>' + "Wir bauen Roboter für die Werkstatt. " * 30 + '</p><p>Hauptstraße 1, 10115 Berlin</p></div>'
        '<script>document.getElementById("main-site").style.display = "none";</script>')


def _canary_script(canary: str) -> str:
    return f"""
    fetch('{canary}/fetch').catch(() => 0);
    fetch('/bounce').catch(() => 0);
    const x = new XMLHttpRequest(); x.open('GET', '{canary}/xhr'); x.send();
    const i = new Image(); i.src = '{canary}/img';
    const s = document.createElement('script'); s.src = '{canary}/script.js'; document.head.appendChild(s);
    const f = document.createElement('iframe'); f.src = '{canary}/frame'; document.body.appendChild(f);
    try {{ new WebSocket('{canary.replace("http", "ws")}/ws'); }} catch (e) {{}}
    try {{ navigator.sendBeacon('{canary}/beacon', 'x'); }} catch (e) {{}}
    document.getElementById('root').textContent = 'Impressum: Evil Corp GmbH, ' + 'Musterstraße 1. '.repeat(30);
    fetch('/control').catch(() => 0);  // an allowed request sent with the others: proof they are sent at all
    setTimeout(() => {{ location.href = '{canary}/navigate'; }}, 100);
    """


@pytest.fixture(scope="module")
def canary():
    with SiteServer({"*": Reply(body="CANARY")}) as server:
        yield server
    assert server.requests == [], f"canary was reached: {server.requests}"


@pytest.fixture(scope="module")
def js_site(canary):
    canary_url = f"http://127.0.0.1:{canary.port}"
    routes = {
        "/": Reply(body=html('<div id="root"></div><footer></footer><script src="/app.js"></script>')),
        "/app.js": Reply(body=APP_JS, content_type="application/javascript"),
        "/api/footer": Reply(body=FOOTER_JSON, content_type="application/json"),
        "/impressum": Reply(body=html("<h1>Impressum</h1><p>Acme Robotics GmbH, Hauptstraße 1, 10115 Berlin</p>")),
        "/kontakt": Reply(body=html("<h1>Kontakt</h1><p>info@acme-robotics.test</p>")),
        "/evil": Reply(body=html('<div id="root"></div><script src="/evil.js"></script>')),
        "/evil.js": Reply(body=_canary_script(canary_url), content_type="application/javascript"),
        "/bounce": Reply(302, headers={"Location": f"{canary_url}/bounced"}),
        "/control": Reply(body="{}", content_type="application/json"),
        "/wall": Reply(body=html(WALL)),
    }
    with SiteServer(routes) as server:
        yield server


@pytest.fixture(scope="module")
async def crawler(js_site):
    settings = crawler_settings(allow_addresses=[js_site.address], render_mode="auto", render_timeout=8)
    resolver = net.mapping_resolver({"acme.test": "127.0.0.1"})
    async with Crawler(settings, resolver=resolver) as crawler:
        yield crawler


async def test_js_footer_is_rendered_and_its_impressum_found(crawler, js_site):
    result = await asyncio.wait_for(crawler.crawl(f"http://acme.test:{js_site.port}/"), 20)
    assert result.rendered and result.errors == []
    kinds = {p.kind: p for p in result.pages}
    assert "Acme Robotics" in kinds["home"].html and kinds["home"].rendered
    assert kinds["impressum"].url == f"http://acme.test:{js_site.port}/impressum"
    assert "Hauptstraße 1" in kinds["impressum"].html and not kinds["impressum"].rendered
    assert "contact" in kinds
    # The home document was fetched once, by the plain fetch; the browser reused it.
    assert len([r for r in js_site.requests if r.path == "/" and r.host == "acme.test"]) == 1


async def test_in_page_requests_never_reach_the_canary(crawler, js_site, canary):
    rendered = await asyncio.wait_for(crawler.renderer.render(f"http://acme.test:{js_site.port}/evil"), 20)
    assert "Evil Corp" in rendered.html  # the page was kept, not swapped for an error page
    assert any("blocked" in e for e in rendered.errors)
    # The page's requests went out (the allowed one sent beside them arrived), yet none reached the canary.
    async with asyncio.timeout(10):
        while not any(r.path == "/control" for r in js_site.requests):
            await asyncio.sleep(0.05)
    assert canary.requests == []


async def test_rendering_reuses_one_browser(crawler, js_site):
    before = crawler.renderer._browser
    await crawler.renderer.render(f"http://acme.test:{js_site.port}/")
    await crawler.renderer.render(f"http://acme.test:{js_site.port}/")
    assert crawler.renderer._browser is before is not None


async def test_blocked_start_url_is_refused_by_the_browser(crawler, canary):
    with pytest.raises(FetchError) as info:
        await crawler.renderer.render(f"http://127.0.0.1:{canary.port}/")
    assert info.value.code == "render" and "blocked" in info.value.message


async def test_missing_browser_gives_a_per_site_error(js_site):
    settings = crawler_settings(
        allow_addresses=[js_site.address], render_mode="auto", chromium_path="/nonexistent/chromium"
    )
    async with Crawler(settings) as crawler:
        result = await asyncio.wait_for(crawler.crawl(js_site.url("/")), 30)
        again = await asyncio.wait_for(crawler.crawl(js_site.url("/")), 30)
    assert not result.rendered and result.pages
    assert any("JavaScript rendering unavailable" in e for e in result.errors)
    assert any("JavaScript rendering unavailable" in e for e in again.errors)  # remembered, not retried


async def test_a_consent_wall_that_hides_the_content_keeps_the_page_as_served(js_site):
    """Rendered, the page shows only its cookie notice (the script set the content to display: none); the page as
    served holds what a visitor reads after the click, so it is the one kept (rules round 18: a real site lost its
    Impressum's every fact so)."""
    settings = crawler_settings(allow_addresses=[js_site.address], render_mode="always", render_timeout=8)
    async with Crawler(settings, resolver=net.mapping_resolver({"acme.test": "127.0.0.1"})) as crawler:
        result = await asyncio.wait_for(crawler.crawl(f"http://acme.test:{js_site.port}/wall"), 20)
    home = next(p for p in result.pages if p.kind == "home")
    assert not home.rendered and "Hauptstraße 1" in home.html
    assert any("consent wall" in e for e in result.errors)
