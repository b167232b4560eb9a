"""Company discovery: URL normalisation, filters, Google and SearXNG against loopback fakes, lists and CSV."""

from __future__ import annotations

import logging
import time

import pytest
from pydantic import ValidationError

from services.kit.errors import Invalid
from services.leads.providers import (
    DEFAULT_EXCLUDED_DOMAINS,
    DiscoveryConfigError,
    DiscoveryResult,
    DiscoverySettings,
    candidates_from_csv,
    candidates_from_list,
    discover,
    normalise_home_url,
    registrable_domain,
)
from services.leads.providers import fetch as fetch_module
from tests.fakes.search import API_KEY, CX, FakeHit, companies, search_server

COMPANIES_IN_FIRST_25 = [
    "mueller-stb.de",
    "schmidt-partner.de",
    "kanzlei-huber.de",
    "wagner-steuern.de",
    "becker-beratung.com",
    "hoffmann-stb.de",
    "koch-kanzlei.de",
    "meyer-treuhand.de",
    "schulz-steuer.de",
    "richter-stb.de",
    "klein-partner.de",
]


@pytest.fixture(autouse=True)
def _fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_module, "RETRY_BACKOFF", 0.01)


@pytest.fixture
async def search():
    async with search_server() as (base, state):
        yield base, state


def google(base: str, **overrides) -> DiscoverySettings:
    values = {
        "search_provider": "google",
        "google_api_key": API_KEY,
        "google_cx": CX,
        "google_endpoint": f"{base}/customsearch/v1",
        "http_timeout": 2.0,
        **overrides,
    }
    return DiscoverySettings(**values)


def searx(base: str, **overrides) -> DiscoverySettings:
    return DiscoverySettings(**{"search_provider": "searxng", "searxng_url": base, "http_timeout": 2.0, **overrides})


def domains(result: DiscoveryResult) -> list[str]:
    return [c.domain for c in result.candidates]


def reasons(result: DiscoveryResult) -> dict[str, str]:
    return {s["url"]: s["reason"] for s in result.skipped}


def assert_no_key(result: DiscoveryResult) -> None:
    assert API_KEY not in result.model_dump_json()
    assert "AIzaFAKE" not in " ".join(result.errors)


# --- normalise_home_url / registrable_domain -------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://www.mueller-stb.de/kontakt?x=1#top", "https://www.mueller-stb.de/"),
        ("mueller-stb.de", "https://mueller-stb.de/"),
        ("  www.Mueller-STB.DE/impressum  ", "https://www.mueller-stb.de/"),
        ("HTTP://WWW.MUELLER.DE", "http://www.mueller.de/"),
        ("https://user:secret@mueller.de/private", "https://mueller.de/"),
        ("user:pw@mueller.de", "https://mueller.de/"),
        ("https://mueller.de:443/", "https://mueller.de/"),
        ("http://mueller.de:80/a", "http://mueller.de/"),
        ("https://mueller.de:8443/a", "https://mueller.de:8443/"),
        ("http://mueller.de:443/", "http://mueller.de:443/"),
        ("mueller.de:8080/x", "https://mueller.de:8080/"),
        ("https://mueller.de./", "https://mueller.de/"),
        ("www.mueller.de..", "https://www.mueller.de/"),
        ("müller.de", "https://xn--mller-kva.de/"),
        ("https://www.MÜLLER.de/über-uns", "https://www.xn--mller-kva.de/"),
        ("https://xn--mller-kva.de/", "https://xn--mller-kva.de/"),
        ("//mueller.de/path", "https://mueller.de/"),
        ("https://good.de\\@evil.example/", "https://good.de/"),  # a browser reads the backslash as a slash
        ("http://192.0.2.10:8080/x", "http://192.0.2.10:8080/"),
        ("http://[2001:DB8::1]/", "http://[2001:db8::1]/"),
        ("https://www.wagner.de/files/info.pdf", "https://www.wagner.de/"),
    ],
)
def test_normalise_home_url(given: str, expected: str) -> None:
    assert normalise_home_url(given) == expected


@pytest.mark.parametrize(
    "given",
    [
        "",
        "   ",
        "mailto:info@mueller.de",
        "javascript:void(0)",
        "tel:+4989123",
        "ftp://mueller.de/",
        "data:text/html,hi",
        "http://",
        "http://exa mple.de/",
        "http://a..b.de/",
        "https://-bad.de/",
        "http://[::1",
        "http://mueller.de:99999/",
        "https://127.1/",
        "http:/mueller.de",
        "https://xn--zz.de/",
        "https://%6d%75eller.de/",
    ],
)
def test_normalise_home_url_rejects(given: str) -> None:
    assert normalise_home_url(given) is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://www.bbc.co.uk/news", "bbc.co.uk"),
        ("shop.example.com.au", "example.com.au"),
        ("www.mueller.at", "mueller.at"),
        ("https://www.mueller.ch/", "mueller.ch"),
        ("www.bmf.gv.at", "bmf.gv.at"),
        ("shop.mueller.de", "mueller.de"),
        ("https://www.müller.de/", "xn--mller-kva.de"),
        ("mueller.github.io", "mueller.github.io"),  # private suffix: one firm per subdomain
        ("http://192.0.2.10/", "192.0.2.10"),
        ("gv.at", None),
        ("co.uk", None),
        ("localhost", None),
        ("intranet.local", None),
        ("mailto:x@y.de", None),
    ],
)
def test_registrable_domain(given: str, expected: str | None) -> None:
    assert registrable_domain(given) == expected


# --- settings -----------------------------------------------------------------------------------------


def test_default_exclusions_cover_the_usual_portals() -> None:
    assert len(DEFAULT_EXCLUDED_DOMAINS) >= 60
    settings = DiscoverySettings()
    for entry in (
        "facebook",
        "linkedin",
        "xing",
        "gelbeseiten.de",
        "dasoertliche.de",
        "11880.com",
        "northdata",
        "kununu.com",
        "wlw.de",
        "herold.at",
        "local.ch",
        "moneyhouse",
        "zefix.ch",
        "anwalt.de",
    ):
        assert entry in settings.excluded_domains


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OUTBOUND_SEARCH_PROVIDER", "searxng")
    monkeypatch.setenv("OUTBOUND_SEARXNG_URL", "https://searx.example.org/")
    monkeypatch.setenv("OUTBOUND_SEARCH_MAX_RESULTS", "25")
    monkeypatch.setenv("OUTBOUND_EXCLUDED_DOMAINS", "Gelbeseiten.de, *.competitor.de https://www.portal.de/x")
    monkeypatch.setenv("OUTBOUND_EXCLUDED_DOMAINS_EXTRA", '["rival.de"]')
    monkeypatch.setenv("OUTBOUND_GOOGLE_CX", "")
    settings = DiscoverySettings()
    assert settings.search_provider == "searxng"
    assert settings.search_max_results == 25
    assert settings.excluded_domains == ["gelbeseiten.de", "competitor.de", "www.portal.de"]
    assert settings.excluded_domains_extra == ["rival.de"]
    assert settings.google_cx is None


def test_settings_reject_malformed_exclusions() -> None:
    with pytest.raises(ValidationError, match="not a domain name"):
        DiscoverySettings(excluded_domains=["gelbe seiten"])
    assert DiscoverySettings(excluded_domains=["Müller-Portal.DE."]).excluded_domains == ["xn--mller-portal-dlb.de"]


def test_settings_repr_hides_the_key() -> None:
    settings = DiscoverySettings(google_api_key=API_KEY)
    assert API_KEY not in repr(settings)
    assert API_KEY not in str(settings)


# --- filtering and dedupe (through the list source, which shares the filter) --------------------------


def test_dedupe_by_registrable_domain_keeps_first_origin_and_best_rank() -> None:
    result = candidates_from_list(
        [
            "https://shop.mueller.de/a",
            "https://www.mueller.de/",
            "mueller.de",
            "http://MUELLER.de:80/",
            "meier.co.uk",
            "www.meier.co.uk",
        ],
        settings=DiscoverySettings(),
    )
    assert [(c.url, c.domain, c.rank) for c in result.candidates] == [
        ("https://shop.mueller.de/", "mueller.de", 1),
        ("https://meier.co.uk/", "meier.co.uk", 5),
    ]
    assert [s["reason"] for s in result.skipped] == ["duplicate"] * 4
    assert result.skipped[0]["detail"] == "mueller.de (rank 1)"


def test_exclusions_match_subdomains_brands_and_host_suffixes() -> None:
    result = candidates_from_list(
        [
            "https://de.linkedin.com/company/x",
            "https://www.google.de/maps",
            "https://maps.google.co.uk/",
            "https://firmen.wko.at/mueller",
            "https://www.wko.at/",
            "https://www.gelbeseiten.de/x",
            "https://bucket.s3.amazonaws.com/brochure.pdf",
            "info@gmx.de",
            "https://mueller.de/",
            "https://notlinkedin.de/",
            "https://www.bmf.gv.at/",
            "https://printer.local/",
            "https://www.whitehouse.gov/",
        ],
        settings=DiscoverySettings(),
    )
    assert domains(result) == ["mueller.de", "notlinkedin.de"]
    assert reasons(result) == {
        "https://de.linkedin.com/company/x": "social",
        "https://www.google.de/maps": "directory",
        "https://maps.google.co.uk/": "directory",
        "https://firmen.wko.at/mueller": "directory",
        "https://www.wko.at/": "directory",
        "https://www.gelbeseiten.de/x": "directory",
        "https://bucket.s3.amazonaws.com/brochure.pdf": "hosting",
        "info@gmx.de": "freemail",
        "https://www.bmf.gv.at/": "blocked-tld",
        "https://printer.local/": "blocked-tld",
        "https://www.whitehouse.gov/": "blocked-tld",
    }


def test_configured_exclusions_replace_or_extend_the_defaults() -> None:
    only_rival = DiscoverySettings(excluded_domains=["rival.de"])
    result = candidates_from_list(["www.rival.de", "facebook.com", "mueller.de"], settings=only_rival)
    assert domains(result) == ["facebook.com", "mueller.de"]
    assert result.skipped == [{"url": "www.rival.de", "reason": "excluded", "detail": "rival.de"}]
    extended = DiscoverySettings(excluded_domains_extra=["rival.de"])
    assert domains(candidates_from_list(["www.rival.de", "facebook.com", "mueller.de"], settings=extended)) == [
        "mueller.de"
    ]


def test_domain_list_with_garbage_lines() -> None:
    text = """# Kunden aus der Messe
    mueller-stb.de
    https://www.schmidt-partner.de/kontakt   # Ansprechpartner: Frau Schmidt

    not a domain
    mailto:info@mueller.de
    javascript:alert(1)
    ???
    localhost
    "www.huber.at",
    müller-söhne.de
    """
    result = candidates_from_list(text, settings=DiscoverySettings())
    assert domains(result) == ["mueller-stb.de", "schmidt-partner.de", "huber.at", "xn--mller-shne-kcb9d.de"]
    assert [c.rank for c in result.candidates] == [1, 2, 8, 9]
    assert [(s["url"], s["reason"]) for s in result.skipped] == [
        ("not a domain", "invalid"),
        ("mailto:info@mueller.de", "invalid"),
        ("javascript:alert(1)", "invalid"),
        ("???", "invalid"),
        ("localhost", "blocked-tld"),
    ]
    assert result.provider == "list" and result.errors == [] and result.pages_fetched == 0
    assert all(c.source == "list" for c in result.candidates)


# --- Google ---------------------------------------------------------------------------------------------


async def test_google_pages_up_to_max_results(search) -> None:
    base, state = search
    result = await discover("Steuerberater München", google(base, search_max_results=25))
    calls = state.calls("google")
    assert [(c.params["start"], c.params["num"]) for c in calls] == [("1", "10"), ("11", "10"), ("21", "10")]
    first = calls[0].params
    assert first["q"] == "Steuerberater München"
    assert (first["hl"], first["lr"], first["gl"]) == ("de", "lang_de", "de")
    assert result.pages_fetched == 3 and result.errors == [] and result.provider == "google"
    assert domains(result) == COMPANIES_IN_FIRST_25
    assert len(result.candidates) + len(result.skipped) == 25  # the surplus of page 3 is dropped
    wagner = result.candidates[3]
    assert (wagner.url, wagner.rank, wagner.source) == ("https://www.wagner-steuern.de/", 9, "google")
    assert wagner.title == "Mandanteninfo (PDF) | Steuerberater München"
    assert reasons(result)["https://mueller-stb.de/kontakt"] == "duplicate"
    assert reasons(result)["https://shop.kanzlei-huber.de/produkte"] == "duplicate"
    assert reasons(result)["https://de.linkedin.com/company/schmidt-partner"] == "social"
    assert reasons(result)["https://www.yelp.de/search?find_desc=Steuerberater"] == "directory"


async def test_google_key_goes_only_into_the_query_string(search) -> None:
    base, state = search
    await discover("Aufzugservice Hamburg", google(base, search_max_results=20))
    for call in state.requests:
        assert call.api == "google" and call.path == "/customsearch/v1"
        assert call.params["key"] == API_KEY and call.params["cx"] == CX
        assert not any(API_KEY in value for value in call.headers.values())
        assert "Referer" not in call.headers


async def test_google_reads_everything_when_max_is_high(search) -> None:
    base, state = search
    result = await discover("Steuerberater München", google(base, search_max_results=50))
    assert [c.params["start"] for c in state.calls("google")] == ["1", "11", "21", "31"]  # no nextPage after 34
    assert result.pages_fetched == 4
    assert domains(result)[-9:] == [
        "wolf-beratung.de",
        "schroeder-stb.de",
        "xn--kanzlei-schn-fjb.de",
        "neumann-kanzlei.de",
        "schwarz-steuer.de",
        "zimmermann-stb.de",
        "braun-stb.de",
        "krueger-kanzlei.de",
        "lange-stb.de",
    ]
    assert result.candidates[-5].url == "https://www.schwarz-steuer.de/"


async def test_google_never_asks_past_result_100(search) -> None:
    base, state = search
    state.results = companies(150)
    result = await discover("Firma", google(base, search_max_results=1000))
    starts = [int(c.params["start"]) for c in state.calls("google")]
    assert starts == list(range(1, 92, 10))
    assert len(result.candidates) == 100 and result.errors == []


async def test_google_stops_at_an_empty_page(search) -> None:
    base, state = search
    state.results = companies(10)
    state.next_page_always = True
    result = await discover("Firma", google(base, search_max_results=50))
    assert [c.params["start"] for c in state.calls("google")] == ["1", "11"]
    assert len(result.candidates) == 10 and result.pages_fetched == 2 and result.errors == []


async def test_google_quota_returns_partial_results(search) -> None:
    base, state = search
    state.results = companies(40)
    state.fail("quota", start=3)
    began = time.monotonic()
    result = await discover("Firma", google(base, search_max_results=40))
    assert time.monotonic() - began < 1.5
    assert len(state.calls("google")) == 3  # no retry without Retry-After
    assert len(result.candidates) == 20 and result.pages_fetched == 2
    assert len(result.errors) == 1 and result.errors[0].startswith("google: quota exceeded (429)")
    assert_no_key(result)


async def test_google_waits_once_for_a_short_retry_after(search) -> None:
    base, state = search
    state.results = companies(20)
    state.fail("quota", start=2, times=1, retry_after="1")
    began = time.monotonic()
    result = await discover("Firma", google(base, search_max_results=20))
    assert time.monotonic() - began >= 0.9
    assert [c.params["start"] for c in state.calls("google")] == ["1", "11", "11"]
    assert len(result.candidates) == 20 and result.errors == []


async def test_google_does_not_wait_for_a_long_retry_after_or_twice(search) -> None:
    base, state = search
    state.results = companies(30)
    state.fail("quota", start=1, retry_after="3600")
    result = await discover("Firma", google(base, search_max_results=30))
    assert len(state.calls("google")) == 1 and result.candidates == []
    assert "quota exceeded (429)" in result.errors[0]
    state.requests.clear()
    state.fail("quota", start=1, retry_after="0")  # a second 429 after the one wait ends the run
    result = await discover("Firma", google(base, search_max_results=30))
    assert len(state.calls("google")) == 2 and "429" in result.errors[0]


@pytest.mark.parametrize("mode", ["bad_key", "forbidden"])
async def test_google_rejected_credentials_are_not_retried(search, mode: str) -> None:
    base, state = search
    state.fail(mode)
    result = await discover("Steuerberater München", google(base))
    assert len(state.calls("google")) == 1
    assert result.candidates == [] and result.pages_fetched == 0
    assert len(result.errors) == 1
    error = result.errors[0]
    assert "OUTBOUND_GOOGLE_API_KEY" in error and "OUTBOUND_GOOGLE_CX" in error
    assert ("(400)" in error) if mode == "bad_key" else ("access denied (403)" in error)
    assert_no_key(result)  # the fake quotes the key back in its 400 body


async def test_google_wrong_key_is_reported_without_echoing_either_key(search) -> None:
    base, _ = search
    wrong = "AIzaWRONG/key+with=odd&chars"
    result = await discover("Firma", google(base, google_api_key=wrong))
    assert "request rejected (400)" in result.errors[0]
    assert wrong not in result.errors[0] and "AIzaWRONG" not in result.errors[0]
    assert "***" in result.errors[0]


async def test_google_server_error_is_retried_once(search) -> None:
    base, state = search
    state.fail("server_error", start=2, times=1, status=500)
    result = await discover("Steuerberater München", google(base, search_max_results=25))
    assert [c.params["start"] for c in state.calls("google")] == ["1", "11", "11", "21"]
    assert domains(result) == COMPANIES_IN_FIRST_25 and result.errors == []


async def test_google_persistent_server_error_gives_up_after_one_retry(search) -> None:
    base, state = search
    state.fail("server_error", start=2, status=503)
    result = await discover("Steuerberater München", google(base, search_max_results=25))
    assert len(state.calls("google")) == 3
    assert result.pages_fetched == 1 and domains(result) == COMPANIES_IN_FIRST_25[:4]
    assert result.errors == ["google: server error (503) (after a retry)"]


async def test_google_malformed_json(search) -> None:
    base, state = search
    state.fail("malformed")
    result = await discover("Firma", google(base))
    assert len(state.calls("google")) == 1
    assert result.candidates == [] and result.errors[0].startswith("google: malformed JSON")


async def test_google_timeout(search) -> None:
    base, state = search
    state.fail("slow", delay=3)
    began = time.monotonic()
    result = await discover("Firma", google(base, http_timeout=0.2))
    assert time.monotonic() - began < 2
    assert len(state.calls("google")) == 2  # one retry
    assert result.errors == ["google: no answer within 0.2 s (ReadTimeout) (after a retry)"]
    assert_no_key(result)


async def test_google_unreachable(search) -> None:
    base, _ = search
    from tests.conftest import free_port

    result = await discover("Firma", google(base, google_endpoint=f"http://127.0.0.1:{free_port()}/customsearch/v1"))
    assert result.errors == ["google: cannot reach the server (ConnectError) (after a retry)"]


async def test_google_redirect_is_not_followed(search) -> None:
    base, state = search
    state.fail("redirect")
    result = await discover("Firma", google(base))
    assert [c.api for c in state.requests] == ["google"]
    assert "unexpected redirect (302)" in result.errors[0]


async def test_google_key_stays_out_of_logs(search, caplog: pytest.LogCaptureFixture) -> None:
    base, state = search
    caplog.set_level(logging.DEBUG)
    await discover("Firma", google(base, search_max_results=10))
    state.fail("bad_key")
    await discover("Firma", google(base))
    state.fail("slow", delay=1)
    await discover("Firma", google(base, http_timeout=0.1))
    assert "HTTP Request: GET" in caplog.text and "key=***" in caplog.text
    assert API_KEY not in caplog.text


# --- SearXNG --------------------------------------------------------------------------------------------


async def test_searxng_pages_until_max_results(search) -> None:
    base, state = search
    result = await discover("Steuerberater München", searx(base, search_max_results=25))
    calls = state.calls("searxng")
    assert [c.params["pageno"] for c in calls] == ["1", "2", "3"]
    assert all(c.params["format"] == "json" and c.params["language"] == "de-DE" for c in calls)
    assert calls[0].params["q"] == "Steuerberater München" and "key" not in calls[0].params
    assert domains(result) == COMPANIES_IN_FIRST_25
    assert result.provider == "searxng" and result.pages_fetched == 3 and result.errors == []
    assert result.candidates[0].snippet == "Müller Steuerberatung in München. Termine nach Vereinbarung …"


async def test_searxng_stops_at_an_empty_page_and_accepts_a_pasted_search_url(search) -> None:
    base, state = search
    state.searx_page_size = 7
    result = await discover("Steuerberater München", searx(f"{base}/searx/search/", search_max_results=100))
    assert [c.params["pageno"] for c in state.calls("searxng")] == ["1", "2", "3", "4", "5", "6"]
    assert {c.path for c in state.calls("searxng")} == {"/searx/search"}
    assert len(result.candidates) == 20 and result.pages_fetched == 6


async def test_searxng_stops_when_pages_repeat(search) -> None:
    base, state = search
    state.results = companies(10)
    state.searx_repeat = True
    state.unresponsive = [["google", "CAPTCHA"], ["bing", "timeout"]]
    result = await discover("Firma", searx(base, search_max_results=50))
    assert len(state.calls("searxng")) == 2 and len(result.candidates) == 10
    assert result.errors == ["searxng: some engines did not answer: google CAPTCHA, bing timeout"]


async def test_searxng_json_disabled(search) -> None:
    base, state = search
    state.fail("json_disabled")
    result = await discover("Firma", searx(base))
    assert len(state.calls("searxng")) == 1
    assert result.errors == [
        "searxng: the instance refused JSON output (403) — enable `json` in search.formats of settings.yml"
    ]


async def test_searxng_errors(search) -> None:
    base, state = search
    state.fail("server_error", start=1, times=1)
    result = await discover("Steuerberater München", searx(base, search_max_results=10))
    assert len(state.calls("searxng")) == 2 and len(result.candidates) == 4 and result.errors == []
    state.requests.clear()
    state.fail("quota", start=2)
    result = await discover("Steuerberater München", searx(base, search_max_results=30))
    assert len(result.candidates) == 4 and "rate limited by the instance (429)" in result.errors[0]
    state.requests.clear()
    state.fail("malformed")
    result = await discover("Firma", searx(base))
    assert result.errors[0].startswith("searxng: malformed JSON")


async def test_searxng_credentials_in_url_stay_out_of_errors(search) -> None:
    base, state = search
    state.fail("slow", delay=2)
    url = base.replace("http://", "http://admin:s3cr3t-pw@")
    result = await discover("Firma", searx(url, http_timeout=0.1))
    assert state.calls("searxng")[0].headers["Authorization"].startswith("Basic ")
    assert result.errors and "s3cr3t-pw" not in " ".join(result.errors)


# --- configuration errors ---------------------------------------------------------------------------------


async def test_a_query_needs_a_search_provider() -> None:
    with pytest.raises(DiscoveryConfigError) as info:
        await discover("Steuerberater München", DiscoverySettings(osm_enabled=False))
    message = str(info.value)
    for name in ("OUTBOUND_OSM_ENABLED", "OUTBOUND_GOOGLE_API_KEY", "OUTBOUND_GOOGLE_CX", "OUTBOUND_SEARXNG_URL",
                 "OUTBOUND_BRAVE_API_KEY", "OUTBOUND_SERPER_API_KEY"):
        assert name in message
    assert info.value.status == 422
    with pytest.raises(DiscoveryConfigError, match="OUTBOUND_SEARCH_PROVIDER=list") as off:
        await discover("Steuerberater München", DiscoverySettings(search_provider="list"))
    assert off.value.status == 422


async def test_incomplete_provider_settings() -> None:
    with pytest.raises(DiscoveryConfigError, match="needs OUTBOUND_GOOGLE_CX") as info:
        await discover("x", DiscoverySettings(search_provider="google", google_api_key=API_KEY))
    assert API_KEY not in str(info.value)
    with pytest.raises(DiscoveryConfigError, match="OUTBOUND_GOOGLE_API_KEY and OUTBOUND_GOOGLE_CX"):
        await discover("x", DiscoverySettings(search_provider="google"))
    with pytest.raises(DiscoveryConfigError, match="OUTBOUND_GOOGLE_ENDPOINT"):
        await discover(
            "x",
            DiscoverySettings(
                search_provider="google", google_api_key=API_KEY, google_cx=CX, google_endpoint="file:///etc/passwd"
            ),
        )
    with pytest.raises(DiscoveryConfigError, match="OUTBOUND_SEARXNG_URL"):
        await discover("x", DiscoverySettings(search_provider="searxng"))
    with pytest.raises(Invalid, match="empty"):
        await discover("   ", DiscoverySettings(search_provider="searxng", searxng_url="http://127.0.0.1:9"))


# --- CSV ------------------------------------------------------------------------------------------------


def csv_result(text: str | bytes, **settings) -> DiscoveryResult:
    data = text.encode() if isinstance(text, str) else text
    return candidates_from_csv(data, settings=DiscoverySettings(**settings))


def test_csv_comma_with_header() -> None:
    result = csv_result("Name,Website,Ort\nMüller GmbH,www.mueller.de,München\nMeier AG,https://meier.de/x,Berlin\n")
    assert [(c.title, c.url, c.rank, c.source) for c in result.candidates] == [
        ("Müller GmbH", "https://www.mueller.de/", 1, "csv"),
        ("Meier AG", "https://meier.de/", 2, "csv"),
    ]
    assert result.provider == "csv" and result.errors == [] and result.skipped == []


def test_csv_semicolon_with_bom_and_umlauts() -> None:
    data = "\ufeffFirma;Webseite;PLZ\r\nBäckerei Schön GmbH & Co. KG;bäckerei-schön.de;80331\r\n".encode()
    result = csv_result(data)
    assert [(c.title, c.domain, c.url) for c in result.candidates] == [
        ("Bäckerei Schön GmbH & Co. KG", "xn--bckerei-schn-gcb6x.de", "https://xn--bckerei-schn-gcb6x.de/")
    ]


def test_csv_without_header_finds_the_domain_column() -> None:
    result = csv_result("Müller GmbH;München;mueller.de\nMeier AG;Berlin;www.meier.de\n\n\nHuber KG;Wien;huber.at\n")
    assert domains(result) == ["mueller.de", "meier.de", "huber.at"]
    assert [c.title for c in result.candidates] == [None, None, None]
    assert [c.rank for c in result.candidates] == [1, 2, 3]


def test_csv_quoted_fields_with_separators_and_newlines() -> None:
    text = (
        "company,notes,url\n"
        '"Müller, Söhne & Partner","Steuerberatung; Lohn, Buchhaltung",https://www.mueller-soehne.de\n'
        '"Schmidt ""die Zweite"" GmbH","zwei\nZeilen","schmidt.de"\n'
    )
    result = csv_result(text)
    assert [(c.title, c.domain) for c in result.candidates] == [
        ("Müller, Söhne & Partner", "mueller-soehne.de"),
        ('Schmidt "die Zweite" GmbH', "schmidt.de"),
    ]


def test_csv_semicolon_wins_over_commas_inside_fields() -> None:
    text = "Name;Internet\nMüller, Söhne;mueller.de\nMeier, Partner;meier.de\nHuber;huber.de\n"
    assert domains(csv_result(text)) == ["mueller.de", "meier.de", "huber.de"]


def test_csv_prefers_the_url_column_over_an_email_column() -> None:
    text = "Kontakt,E-Mail,Homepage\nFrau Müller,info@mueller.de,https://www.mueller-stb.de\n"
    assert domains(csv_result(text)) == ["mueller-stb.de"]
    headerless = "Frau Müller,info@gmx.de,www.mueller-stb.de\n"
    assert domains(csv_result(headerless)) == ["mueller-stb.de"]


def test_csv_rows_without_website_filters_and_duplicates() -> None:
    text = (
        "Firma,Domain\nMüller,mueller.de\nLeer,\nFacebook-Seite,facebook.com/mueller\n"
        "Müller Shop,shop.mueller.de\nKaputt,not a domain\n,\n"
    )
    result = csv_result(text)
    assert domains(result) == ["mueller.de"]
    assert [(s["url"], s["reason"]) for s in result.skipped] == [
        ("", "invalid"),
        ("facebook.com/mueller", "social"),
        ("shop.mueller.de", "duplicate"),
        ("not a domain", "invalid"),
    ]
    assert result.skipped[0]["detail"] == "entry 2: no website (Leer)"


def test_csv_windows_1252_and_single_column() -> None:
    result = csv_result("Website\nwww.mueller.de\nmüller-söhne.de\n".encode("cp1252"))
    assert domains(result) == ["mueller.de", "xn--mller-shne-kcb9d.de"]
    assert result.errors == ["csv: not UTF-8; read as Windows-1252"]


def test_csv_tab_separated_utf16_from_excel() -> None:
    result = csv_result("Firmenname\tURL\r\nMüller\tmueller.de\r\n".encode("utf-16"))
    assert [(c.title, c.domain) for c in result.candidates] == [("Müller", "mueller.de")]


def test_csv_without_any_website_column() -> None:
    result = csv_result("Name,Ort\nMüller,München\nMeier,Berlin\n")
    assert result.candidates == []
    assert result.errors == ["csv: no column with websites or domains found (name one 'url' or 'website')"]
    assert csv_result(b"").candidates == [] and csv_result(b"\n\n").errors == []


async def test_searxng_odd_links_become_skips_or_home_pages(search) -> None:
    base, state = search
    state.results = [
        FakeHit("mailto:info@mueller.de", "Mail"),
        FakeHit("javascript:void(0)", "JS"),
        FakeHit("https://www.mueller.de/files/preisliste.pdf", "Preisliste"),
        FakeHit("https://cdn.mueller.de/logo.png", "Logo"),
        FakeHit("ftp://files.meier.de/", "FTP"),
    ]
    result = await discover("Firma", searx(base))
    assert [(c.url, c.rank, c.title) for c in result.candidates] == [("https://www.mueller.de/", 3, "Preisliste")]
    assert [s["reason"] for s in result.skipped] == ["invalid", "invalid", "duplicate", "invalid"]
    assert DiscoveryResult.model_validate_json(result.model_dump_json()) == result
