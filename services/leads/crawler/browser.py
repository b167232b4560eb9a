"""Rendering JavaScript pages in Chromium without giving the browser its own network access.

Every request the browser makes (document, script, XHR, in-page navigation) is intercepted by a
context route and fetched by the guarded :class:`Fetcher`, then fulfilled; images, fonts and media
are refused outright. Chromium is also pointed at a dead proxy (loopback included), so anything a
route could miss fails closed instead of reaching the network. WebSockets are routed and never
connected, service workers are blocked.

Playwright does not intercept the follow-up request of a redirect it was told to fulfil, so
redirects are never passed to the browser: subresources are followed here (each hop guarded) and
a redirected navigation is answered with a meta refresh, which starts a new, intercepted request.
"""

from __future__ import annotations

import asyncio
import contextlib
import html as html_lib
import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import httpx

from services.leads.crawler.errors import FetchError
from services.leads.crawler.fetch import REDIRECT_STATUSES, Fetcher, HopCheck, RawResponse

if TYPE_CHECKING:
    from playwright.async_api import Browser, BrowserContext, Page, Playwright, Route, WebSocketRoute

    from services.leads.crawler.net import Target

log = logging.getLogger("outbound.leads.crawler.browser")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # Nothing may leave the browser by itself: a dead proxy, and loopback not exempt from it.
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--dns-prefetch-disable",
]
BLOCKED_TYPES = {
    "image",
    "media",
    "font",
    "texttrack",
    "manifest",
    "websocket",
    "eventsource",
    "ping",
    "other",
}
_HOP_BY_HOP = {"content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"}
_FORWARD = ("accept", "content-type", "x-requested-with")
_QUIET = 0.15  # seconds without a routed request that count as "the page is done loading"
_NAVIGATING = re.compile(r"navigating|execution context was destroyed", re.IGNORECASE)


@dataclass
class Rendered:
    url: str
    html: str
    errors: list[str] = field(default_factory=list)


@dataclass
class _PageState:
    main_url: str
    prefetched: dict[str, RawResponse]
    hop_check: HopCheck | None
    errors: list[str] = field(default_factory=list)
    navigations: int = 0
    in_flight: int = 0  # routed requests being fetched right now
    last_activity: float = 0.0


def _headers(response: RawResponse) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k.lower() not in _HOP_BY_HOP}


class Renderer:
    """One lazily started Chromium per process; pages are pooled and reused."""

    def __init__(self, fetcher: Fetcher, *, chromium_path: str | None, max_concurrent: int, timeout: float) -> None:
        self.fetcher = fetcher
        self.chromium_path = chromium_path
        self.timeout = timeout
        self.renders = 0
        self._slots = asyncio.Semaphore(max_concurrent)
        self._lock = asyncio.Lock()
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._context: BrowserContext | None = None
        self._idle: list[Page] = []
        self._states: dict[int, _PageState] = {}
        self._unavailable: str | None = None

    # ------------------------------------------------------------------ lifecycle

    async def _ensure(self) -> BrowserContext:
        async with self._lock:
            if self._context is not None and self._browser is not None and self._browser.is_connected():
                return self._context
            if self._unavailable is not None:
                raise FetchError("render", self._unavailable)
            await self._shutdown()
            try:
                from playwright.async_api import async_playwright

                self._playwright = await async_playwright().start()
                self._browser = await self._playwright.chromium.launch(
                    executable_path=self.chromium_path, args=CHROMIUM_ARGS, headless=True, timeout=30_000
                )
                context = await self._browser.new_context(
                    service_workers="block",
                    user_agent=self.fetcher.settings.user_agent,
                    locale="de-DE",
                    java_script_enabled=True,
                    accept_downloads=False,
                )
                await context.route("**/*", self._route)
                await context.route_web_socket(re.compile(".*"), self._refuse_websocket)
                self._context = context
                return context
            except Exception as exc:
                await self._shutdown()
                where = self.chromium_path or "Playwright's bundled Chromium"
                self._unavailable = (
                    f"JavaScript rendering unavailable: cannot start Chromium ({where}): "
                    f"{str(exc).splitlines()[0][:200]}; set OUTBOUND_CHROMIUM_PATH"
                )
                log.warning(self._unavailable)
                raise FetchError("render", self._unavailable) from None

    async def _shutdown(self) -> None:
        self._idle.clear()
        for closer in (self._context, self._browser):
            if closer is not None:
                with contextlib.suppress(Exception):
                    await closer.close()
        if self._playwright is not None:
            with contextlib.suppress(Exception):
                await self._playwright.stop()
        self._context = self._browser = self._playwright = None

    async def aclose(self) -> None:
        async with self._lock:
            await self._shutdown()

    @property
    def started(self) -> bool:
        return self._browser is not None

    # ------------------------------------------------------------------ rendering

    async def render(
        self, url: str, *, prefetched: RawResponse | None = None, hop_check: HopCheck | None = None
    ) -> Rendered:
        """The DOM of ``url`` after scripts ran (load + network idle, bounded by the timeout)."""
        async with self._slots:
            context = await self._ensure()
            page = self._idle.pop() if self._idle else await context.new_page()
            state = _PageState(url, {url: prefetched} if prefetched is not None else {}, hop_check)
            self._states[id(page)] = state
            reusable = False
            try:
                html, final = await self._load(page, url, state)
                reusable = True
                self.renders += 1
                return Rendered(final, html, state.errors)
            finally:
                self._states.pop(id(page), None)
                await self._release(page, reusable)

    async def _load(self, page: Page, url: str, state: _PageState) -> tuple[str, str]:
        from playwright.async_api import Error as PlaywrightError

        budget_ms = self.timeout * 1000
        try:
            async with asyncio.timeout(self.timeout):
                response = await page.goto(url, wait_until="domcontentloaded", timeout=budget_ms)
                if response is None or response.status >= 400:
                    status = response.status if response is not None else "none"
                    raise FetchError("render", f"rendered page answered HTTP {status}", url)
                # "load" is waited for, but not required: a page whose script navigates away (to a
                # blocked address, say) before its load event would otherwise hang until the timeout.
                with contextlib.suppress(PlaywrightError):
                    await page.wait_for_load_state("load", timeout=min(budget_ms / 2, 5000))
                await self._settle(state, min(3.0, self.timeout / 2))
                return await self._content(page, url)
        except TimeoutError:
            raise FetchError("render", f"rendering took longer than {self.timeout:g}s", url) from None
        except PlaywrightError as exc:
            message = str(exc).splitlines()[0][:200]
            cause = next((e for e in state.errors if e), "")
            raise FetchError("render", f"{message}{'; ' + cause if cause else ''}", url) from None

    @staticmethod
    async def _settle(state: _PageState, budget: float) -> None:
        """Wait until no routed request has been in flight for a moment (at most ``budget``).

        Every request of the page passes our route, so we know exactly when the network is quiet;
        Playwright's "networkidle" would always cost 500 ms more. Pages that poll or stream are
        cut off after the budget and taken as they are.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + budget
        state.last_activity = max(state.last_activity, loop.time())
        while loop.time() < deadline:
            await asyncio.sleep(_QUIET / 3)
            if state.in_flight == 0 and loop.time() - state.last_activity >= _QUIET:
                return

    async def _content(self, page: Page, url: str) -> tuple[str, str]:
        from playwright.async_api import Error as PlaywrightError

        for _ in range(3):
            try:
                html = await page.content()
            except PlaywrightError as exc:
                if not _NAVIGATING.search(str(exc)):
                    raise
                with contextlib.suppress(PlaywrightError):
                    await page.wait_for_load_state("load", timeout=2000)
                continue
            if page.url.startswith("chrome-error:"):
                raise FetchError("render", "page ended on a browser error page", url)
            return html, page.url
        raise FetchError("render", "page kept navigating", url)

    async def _release(self, page: Page, reusable: bool) -> None:
        if reusable and len(self._idle) < 8:
            try:
                await page.goto("about:blank", timeout=5000)  # stops timers and pending fetches
                self._idle.append(page)
                return
            except Exception:  # noqa: S110 - a broken page is simply closed
                pass
        with contextlib.suppress(Exception):
            await page.close()

    # ------------------------------------------------------------------ interception

    async def _refuse_websocket(self, ws: WebSocketRoute) -> None:
        # Not calling connect_to_server() means no connection is ever made.
        with contextlib.suppress(Exception):
            await ws.close(code=1008, reason="blocked by crawler")

    def _state(self, route: Route) -> _PageState | None:
        try:
            return self._states.get(id(route.request.frame.page))
        except Exception:  # requests from workers have no frame
            return None

    async def _route(self, route: Route) -> None:
        state = self._state(route)
        if state is not None:
            state.in_flight += 1
        try:
            await self._handle(route, state)
        except Exception as exc:  # a route left unanswered would hang the page
            log.debug("route failed: %s", exc)
            with contextlib.suppress(Exception):
                await route.abort("failed")
        finally:
            if state is not None:
                state.in_flight -= 1
                state.last_activity = asyncio.get_running_loop().time()

    async def _handle(self, route: Route, state: _PageState | None) -> None:
        request = route.request
        if request.resource_type in BLOCKED_TYPES:
            await route.abort("blockedbyclient")
            return
        if request.resource_type == "stylesheet":  # styles never add text; skip the download
            await route.fulfill(status=200, content_type="text/css", body="")
            return
        navigation = request.is_navigation_request()
        initial = False
        if state is not None and navigation and request.frame.parent_frame is None:
            state.navigations += 1
            initial = state.navigations == 1
        try:
            target = self.fetcher.parse(request.url)
            cached = state.prefetched.pop(target.url, None) if state is not None else None
            if cached is not None:
                await route.fulfill(status=cached.status, headers=_headers(cached), body=cached.body)
                return
            if navigation and state is not None and state.hop_check is not None:
                await state.hop_check(target)
            headers = {k: v for k, v in request.headers.items() if k.lower() in _FORWARD}
            response = await self._exchange(request.method, target, headers, request.post_data_buffer, navigation)
        except FetchError as exc:
            if state is not None:
                state.errors.append(str(exc))
            if navigation and not initial:
                # 204 makes Chromium abandon the navigation and keep the page it has, instead of
                # swapping in an error page; the blocked request never left this process.
                await route.fulfill(status=204, body="")
            else:
                await route.abort("blockedbyclient" if exc.code in ("blocked", "robots") else "failed")
            return
        await route.fulfill(status=response.status, headers=_headers(response), body=response.body)

    async def _exchange(
        self, method: str, target: Target, headers: dict[str, str], body: bytes | None, navigation: bool
    ) -> RawResponse:
        for _ in range(self.fetcher.settings.max_redirects + 1):
            response = await self.fetcher.request(method, target, headers=headers, content=body, delay=navigation)
            location = response.headers.get("location")
            if response.status not in REDIRECT_STATUSES or not location:
                return response
            nxt = self.fetcher.parse(location, target.url)
            await self.fetcher.resolve(nxt)  # refuse a blocked target before the browser sees it
            if navigation:
                return _refresh_to(nxt.url, response)
            target, method, body = nxt, "GET", None
        raise FetchError("too_many_redirects", "too many redirects", target.url)


def _refresh_to(url: str, response: RawResponse) -> RawResponse:
    escaped = html_lib.escape(url, quote=True)
    page = f'<!doctype html><meta http-equiv="refresh" content="0;url={escaped}">'.encode()
    headers = httpx.Headers({"content-type": "text/html; charset=utf-8"})
    return RawResponse(url, 200, headers, page, response.address)
