"""OpenStreetMap (Overpass), Brave and Serper through the real HTTP path against loopback stand-ins;
which provider a query goes to, and what each one needs."""

from __future__ import annotations

import logging

import pytest

from services.kit.errors import Invalid
from services.leads.providers import (
    DiscoveryConfigError,
    DiscoverySettings,
    check_query,
    default_provider,
    discover,
    provider_status,
)
from services.leads.providers import fetch as fetch_module
from services.leads.providers.osm import ATTRIBUTION, build_query, spellings
from services.leads.providers.osm_tags import PlaceQuery, TagFilter, parse_query
from tests.conftest import CLOSED_OVERPASS_URL
from tests.fakes.overpass import Area, element, overpass_server, parse
from tests.fakes.search import BRAVE_KEY, SERPER_KEY, FakeHit, companies, search_server


@pytest.fixture(autouse=True)
def _fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_module, "RETRY_BACKOFF", 0.01)


@pytest.fixture
async def overpass():
    async with overpass_server() as (url, state):
        yield url, state


@pytest.fixture
async def search():
    async with search_server() as (base, state):
        yield base, state


def osm(url: str, **overrides) -> DiscoverySettings:
    return DiscoverySettings(**{"search_provider": "osm", "overpass_url": url, **overrides})


def brave(base: str, **overrides) -> DiscoverySettings:
    return DiscoverySettings(**{"search_provider": "brave", "brave_api_key": BRAVE_KEY,
                                "brave_endpoint": f"{base}/res/v1/web/search", "http_timeout": 2.0, **overrides})


def serper(base: str, **overrides) -> DiscoverySettings:
    return DiscoverySettings(**{"search_provider": "serper", "serper_api_key": SERPER_KEY,
                                "serper_endpoint": f"{base}/search", "http_timeout": 2.0, **overrides})


# --- everyday words -> OpenStreetMap tags ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "tags", "place"),
    [
        ("Elektriker München", {"craft=electrician"}, "München"),
        ("electrician in Munich", {"craft=electrician"}, "Munich"),
        ("Elektrikerin bei Bonn", {"craft=electrician"}, "Bonn"),
        ("Steuerberater in Graz", {"office=tax_advisor"}, "Graz"),
        ("tax advisor near Vienna", {"office=tax_advisor"}, "Vienna"),
        ("Steuerkanzlei Linz", {"office=tax_advisor"}, "Linz"),
        ("Zahnarzt Berlin", {"amenity=dentist", "healthcare=dentist"}, "Berlin"),
        ("Zahnärzte in Frankfurt am Main", {"amenity=dentist", "healthcare=dentist"}, "Frankfurt am Main"),
        ("Zahnarztpraxis Berlin-Mitte", {"amenity=dentist", "healthcare=dentist"}, "Berlin-Mitte"),
        ("dentists Zürich", {"amenity=dentist", "healthcare=dentist"}, "Zürich"),
        ("Rechtsanwalt Hamburg", {"office=lawyer"}, "Hamburg"),
        ("Anwaltskanzlei Köln", {"office=lawyer"}, "Köln"),
        ("Friseure in Wien", {"shop=hairdresser"}, "Wien"),
        ("Malerbetrieb Dresden", {"craft=painter"}, "Dresden"),
        ("Schreinerei Freiburg im Breisgau", {"craft=carpenter", "craft=joiner"}, "Freiburg im Breisgau"),
        ("Kfz-Werkstatt Stuttgart", {"shop=car_repair"}, "Stuttgart"),
        ("Garten- und Landschaftsbau Augsburg", {"craft=gardener", "shop=garden_centre"}, "Augsburg"),
        ("real estate agent Berlin", {"office=estate_agent"}, "Berlin"),
        ("Bäckereien St. Gallen", {"shop=bakery", "craft=bakery"}, "St. Gallen"),
        ("Physiotherapie Salzburg", {"healthcare=physiotherapist"}, "Salzburg"),
        ("Tierarzt Essen", {"amenity=veterinary"}, "Essen"),
        ("Architekt Bremen", {"office=architect"}, "Bremen"),
        ("Dachdecker und Klempner Kiel", {"craft=roofer", "craft=plumber", "craft=hvac"}, "Kiel"),
        ("Augenarzt Linz", {"healthcare=doctor + healthcare:speciality=ophthalmology",
                            "amenity=doctors + healthcare:speciality=ophthalmology"}, "Linz"),
        ("craft=electrician in München", {"craft=electrician"}, "München"),
        ("Restaurant Heidelberg", {"amenity=restaurant"}, "Heidelberg"),
        ("Hotel Innsbruck", {"tourism=hotel"}, "Innsbruck"),
    ],
)
def test_everyday_words_become_osm_tags_and_a_place(query: str, tags: set[str], place: str) -> None:
    parsed = parse_query(query)
    assert {f.label for f in parsed.filters} == tags
    assert parsed.place == place


def test_a_query_without_type_or_place_is_refused_with_what_to_write() -> None:
    with pytest.raises(Invalid, match="no type was recognised") as info:
        parse_query("Müller GmbH München")
    assert "Elektriker" in str(info.value) and "craft=electrician" in str(info.value)
    with pytest.raises(Invalid, match="Name the place"):
        parse_query("Steuerberater")
    with pytest.raises(Invalid, match="Name the place"):
        parse_query("Steuerberater in")


def test_place_spellings_and_quoting_keep_the_query_well_formed() -> None:
    assert spellings("münchen") == ["münchen", "München"]
    assert spellings("frankfurt am main") == ["frankfurt am main", "Frankfurt am Main"]
    assert spellings("Berlin-Mitte") == ["Berlin-Mitte"]
    hostile = 'Graz"]; node(1); out; ("\\'
    query = build_query(PlaceQuery(("x",), (TagFilter((("office", "tax_advisor"),)),), hostile), timeout=25,
                        limit=10)
    parsed = parse(query)  # the stand-in's parser reads one name, not injected statements
    assert ("name", hostile) in parsed.area_names
    assert parsed.filters == [[("office", "tax_advisor")]] and parsed.limit == 10


# --- OpenStreetMap against the Overpass stand-in ------------------------------------------------------------


async def test_osm_finds_businesses_with_website_phone_address_and_credit(overpass) -> None:
    url, state = overpass
    result = await discover("Elektriker münchen", osm(url))
    listings = [item.model_dump() for item in result.listings()]
    assert listings == [
        {"name": "Elektro Huber GmbH", "url": "https://www.elektro-huber.de/", "domain": "elektro-huber.de",
         "provider": "osm", "phone": "+49 89 1234567", "address": "Lindwurmstraße 12, 80337 München",
         "category": "craft=electrician"},
        {"name": "Elektro Maier", "url": "https://elektro-maier.de/", "domain": "elektro-maier.de", "provider": "osm",
         "phone": "+49 89 7654321", "address": "Sendlinger Straße 3, 80331 München", "category": "craft=electrician"},
        {"name": "Strom & Licht Schmid", "url": None, "domain": None, "provider": "osm", "phone": "+49 89 555000",
         "address": "Leopoldstraße 77, 80802", "category": "craft=electrician"},
    ]
    assert result.attribution == ATTRIBUTION and "OpenStreetMap contributors" in ATTRIBUTION and "ODbL" in ATTRIBUTION
    # The branch shares the firm's domain; the Facebook page is no company site.
    assert {s["reason"] for s in result.skipped} == {"duplicate", "social"}
    # "elektro-maier.de" came without a scheme: the crawl may fall back to http.
    assert [c.scheme_assumed for c in result.candidates] == [False, True]
    assert not result.errors
    sent = state.requests[-1]
    assert ("name", "München") in sent.area_names and ("name", "münchen") in sent.area_names
    assert sent.filters == [[("craft", "electrician")]]
    assert state.user_agents[-1].startswith("OutboundCRM/")
    # The Landkreis is another area: its electrician is not in the city.
    assert "elektro-land.de" not in [c.domain for c in result.candidates]


async def test_osm_resolves_the_english_name_and_alternative_tags(overpass) -> None:
    url, _ = overpass
    result = await discover("dentist in Munich", osm(url))
    assert [(c.domain, c.category) for c in result.candidates] == [
        ("dr-weiss.de", "amenity=dentist"), ("zahnklinik-nord.de", "healthcare=dentist")]
    assert result.candidates[0].url == "http://www.dr-weiss.de/"  # http as OSM states it


async def test_osm_unknown_place_says_so(overpass) -> None:
    url, _ = overpass
    result = await discover("Steuerberater in Atlantis", osm(url))
    assert not result.candidates
    assert result.errors == ["osm: OpenStreetMap knows no town, city or district called “Atlantis” — check the "
                             "spelling, or use the local name (München, Wien, Zürich)"]


async def test_osm_limit_puts_websites_first(overpass) -> None:
    url, state = overpass
    state.places = [Area({"name": "Graz"}, elements=[
        element("node", i, office="tax_advisor", name=f"Kanzlei {i}", **({"website": f"https://k{i}.at/"} if i > 3
                                                                           else {}))
        for i in range(1, 9)])]
    result = await discover("Steuerberater Graz", osm(url, search_max_results=4))
    assert [c.domain for c in result.candidates] == ["k4.at", "k5.at", "k6.at", "k7.at"]
    assert not result.without_website
    assert state.requests[-1].limit == 100  # room for businesses without a website


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("busy", "osm: the Overpass server is busy with this address's earlier queries (429)"),
        ("overloaded", "osm: the Overpass server is overloaded (504)"),
        ("malformed", "osm: malformed JSON in the response"),
    ],
)
async def test_osm_failures_are_reported(overpass, mode: str, expected: str) -> None:
    url, state = overpass
    state.fail(mode)
    result = await discover("Elektriker München", osm(url))
    assert not result.candidates
    assert result.errors and result.errors[0].startswith(expected), result.errors


async def test_osm_overload_is_retried_once(overpass) -> None:
    url, state = overpass
    state.fail("overloaded", times=1)
    result = await discover("Elektriker München", osm(url))
    assert len(result.candidates) == 2 and not result.errors
    assert len(state.requests) == 2


async def test_osm_timeout_remark_keeps_partial_results(overpass) -> None:
    url, state = overpass
    state.fail("remark")
    result = await discover("Elektriker München", osm(url))
    assert [c.domain for c in result.candidates] == ["elektro-huber.de"]
    assert result.errors[0].startswith("osm: runtime error: Query timed out")


async def test_osm_server_timeout_and_unreachable(overpass) -> None:
    url, state = overpass
    state.fail("slow", delay=3)
    slow = await discover("Elektriker München", osm(url, http_timeout=0.5, overpass_timeout=5))
    # The client waits the Overpass timeout plus a margin, not the short API timeout.
    assert slow.candidates and not slow.errors
    closed = await discover("Elektriker München", osm(CLOSED_OVERPASS_URL))
    assert closed.errors and "osm: cannot reach the server" in closed.errors[0]


async def test_osm_query_errors_come_before_any_request(overpass) -> None:
    url, state = overpass
    with pytest.raises(Invalid, match="no type was recognised"):
        await discover("Müller München", osm(url))
    with pytest.raises(Invalid, match="Name the place"):
        check_query("Elektriker", osm(url))
    assert state.requests == []


# --- Brave Search API ----------------------------------------------------------------------------------------


async def test_brave_pages_with_the_token_in_a_header(search) -> None:
    base, state = search
    state.results = companies(45)
    result = await discover("Steuerberater München", brave(base, search_max_results=45))
    assert [c.domain for c in result.candidates] == [f"firma-{i}.de" for i in range(1, 46)]
    calls = state.calls("brave")
    assert [(c.params["offset"], c.params["count"]) for c in calls] == [("0", "20"), ("1", "20"), ("2", "20")]
    assert all(c.headers["X-Subscription-Token"] == BRAVE_KEY for c in calls)
    assert all(BRAVE_KEY not in str(c.params) for c in calls)
    assert calls[0].params["search_lang"] == "de" and calls[0].params["country"] == "DE"
    assert result.provider == "brave" and result.pages_fetched == 3


async def test_brave_filters_and_stops_when_no_more_results(search) -> None:
    base, state = search
    result = await discover("Steuerberater München", brave(base, search_max_results=200))
    assert [c.domain for c in result.candidates][:3] == ["mueller-stb.de", "schmidt-partner.de", "kanzlei-huber.de"]
    assert len(state.calls("brave")) == 2  # 34 results: the second page says no more
    assert {"directory", "social", "duplicate"} <= {s["reason"] for s in result.skipped}


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("bad_key", "brave: request rejected (422)"),
        ("forbidden", "brave: request rejected (403)"),
        ("quota", "brave: rate limit or monthly quota reached (429)"),
    ],
)
async def test_brave_errors_name_the_setting_and_hide_the_key(search, mode: str, expected: str) -> None:
    base, state = search
    state.fail(mode)
    result = await discover("Steuerberater München", brave(base))
    assert result.errors[0].startswith(expected), result.errors
    assert BRAVE_KEY not in result.model_dump_json()


async def test_brave_wrong_key(search) -> None:
    base, _ = search
    result = await discover("x y", brave(base, brave_api_key="wrong-token"))
    assert result.errors == ["brave: request rejected (422): The provided subscription token is invalid. — check "
                             "OUTBOUND_BRAVE_API_KEY"]


# --- Serper ------------------------------------------------------------------------------------------------------


async def test_serper_posts_json_pages_with_the_key_in_a_header(search) -> None:
    base, state = search
    state.results = companies(25)
    result = await discover("Elektriker München", serper(base, search_max_results=25))
    assert [c.domain for c in result.candidates] == [f"firma-{i}.de" for i in range(1, 26)]
    calls = state.calls("serper")
    assert [c.body for c in calls] == [{"q": "Elektriker München", "num": 10, "page": p, "gl": "de", "hl": "de"}
                                       for p in (1, 2, 3)]
    assert all(c.headers["X-API-KEY"] == SERPER_KEY for c in calls)
    assert result.provider == "serper"


async def test_serper_stops_at_an_empty_page(search) -> None:
    base, state = search
    state.results = [FakeHit("https://www.a-firma.de/", "A"), FakeHit("https://www.b-firma.de/", "B")]
    result = await discover("x y", serper(base, search_max_results=50))
    assert [c.domain for c in result.candidates] == ["a-firma.de", "b-firma.de"]
    assert len(state.calls("serper")) == 2


async def test_serper_errors_hide_the_key(search, caplog: pytest.LogCaptureFixture) -> None:
    base, state = search
    state.fail("bad_key")
    with caplog.at_level(logging.DEBUG):
        result = await discover("x y", serper(base))
    assert result.errors[0].startswith("serper: request rejected (403)")
    assert SERPER_KEY not in result.model_dump_json() and SERPER_KEY not in caplog.text
    state.fail("server_error", times=1)
    recovered = await discover("x y", serper(base))
    assert recovered.candidates and not recovered.errors


# --- which provider, and what each needs --------------------------------------------------------------------------


def test_status_lists_every_provider_with_what_it_needs() -> None:
    status = {s.name: s for s in provider_status(DiscoverySettings())}
    assert list(status) == ["osm", "searxng", "brave", "serper", "google"]
    assert status["osm"].configured and not status["osm"].key_required and status["osm"].attribution
    assert status["searxng"].missing == ["OUTBOUND_SEARXNG_URL"]
    assert status["brave"].missing == ["OUTBOUND_BRAVE_API_KEY"] and status["brave"].key_required
    assert status["serper"].missing == ["OUTBOUND_SERPER_API_KEY"]
    assert status["google"].missing == ["OUTBOUND_GOOGLE_API_KEY", "OUTBOUND_GOOGLE_CX"]
    assert "2027" in (status["google"].notice or "") and "new customers" in (status["google"].notice or "")
    assert not any(s.configured for s in provider_status(DiscoverySettings(search_provider="list")))
    off = {s.name: s for s in provider_status(DiscoverySettings(osm_enabled=False))}
    assert off["osm"].missing == ["OUTBOUND_OSM_ENABLED"]


def test_auto_prefers_a_provider_set_up_on_purpose() -> None:
    assert default_provider(DiscoverySettings()) == "osm"
    assert default_provider(DiscoverySettings(brave_api_key="k")) == "brave"
    assert default_provider(DiscoverySettings(brave_api_key="k", searxng_url="http://searx:8080")) == "searxng"
    assert default_provider(DiscoverySettings(osm_enabled=False)) is None
    assert default_provider(DiscoverySettings(search_provider="serper")) == "serper"
    assert default_provider(DiscoverySettings(search_provider="list", brave_api_key="k")) is None


def test_a_named_provider_must_be_configured() -> None:
    with pytest.raises(DiscoveryConfigError, match="needs OUTBOUND_SERPER_API_KEY"):
        check_query("Elektriker München", DiscoverySettings(), "serper")
    assert check_query("Elektriker München", DiscoverySettings(serper_api_key="k"), "serper") == "serper"
    assert check_query("anything at all", DiscoverySettings(brave_api_key="k")) == "brave"


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OUTBOUND_BRAVE_API_KEY", " ")
    monkeypatch.setenv("OUTBOUND_SERPER_API_KEY", SERPER_KEY)
    monkeypatch.setenv("OUTBOUND_OVERPASS_URL", "https://overpass.example.org/api/interpreter")
    monkeypatch.setenv("OUTBOUND_OSM_ENABLED", "false")
    settings = DiscoverySettings()
    assert settings.brave_api_key is None and settings.serper_api_key == SERPER_KEY and not settings.osm_enabled
    assert settings.overpass_url == "https://overpass.example.org/api/interpreter"
    assert SERPER_KEY not in repr(settings)
