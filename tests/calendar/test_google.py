"""The Google provider against the loopback stand-in, through the real google-auth-oauthlib,
google-auth and google-api-python-client: the OAuth web flow, free/busy, events, and every fault."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import urllib.parse
from collections.abc import Iterator

import httpx
import pytest

from services.calendar.availability import Interval
from services.calendar.ics import Person
from services.calendar.providers import (
    AuthorizationFailed,
    CalendarUnreadable,
    EventRef,
    GoogleCalendarProvider,
    GoogleConnection,
    GoogleGrant,
    GrantRevoked,
    LocalCalendarProvider,
    MeetingEvent,
    ProviderRateLimited,
    ProviderTimeout,
    ProviderUnavailable,
    build_provider,
)
from services.calendar.providers.google import event_id_for
from services.calendar.providers.google_oauth import SCOPES
from services.calendar.sealing import Sealer
from services.calendar.settings import CalendarSettings
from tests.calendar.support import GOOGLE_SLOW, google_settings
from tests.fakes.google_calendar import FakeGoogle

REDIRECT = "http://127.0.0.1:9/calendar/google/callback"
T0 = dt.datetime(2025, 6, 2, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def fake() -> Iterator[FakeGoogle]:
    with FakeGoogle() as server:
        yield server


@pytest.fixture
def provider(fake: FakeGoogle, monkeypatch: pytest.MonkeyPatch) -> GoogleCalendarProvider:
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the stand-in speaks plain http on loopback
    settings = CalendarSettings(**google_settings(fake))
    return GoogleCalendarProvider(settings)


async def consent(provider: GoogleCalendarProvider) -> tuple[dict[str, str], object]:
    """Start the flow and follow the browser's way to Google and back; the callback's query."""
    pending = provider.oauth.start(REDIRECT, login_hint="host@example.com")
    async with httpx.AsyncClient() as browser:
        answer = await browser.get(pending.url, follow_redirects=False)
    assert answer.status_code == 302
    location = answer.headers["location"]
    assert location.startswith(REDIRECT + "?")
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query)), pending


async def connect(provider: GoogleCalendarProvider, **choices: object) -> GoogleConnection:
    query, pending = await consent(provider)
    grant = await provider.oauth.finish(pending, state=query["state"], code=query["code"])  # type: ignore[arg-type]
    return GoogleConnection(grant, **choices)  # type: ignore[arg-type]


def meeting(booking_id: str = "bk_1", *, meet: bool = False, start: dt.datetime = T0) -> MeetingEvent:
    return MeetingEvent(
        booking_id=booking_id, start=start, end=start + dt.timedelta(minutes=30), timezone="Europe/Berlin",
        summary="Intro: ACME\r\nX-Injected: 1", description="Lead asked about pricing.\x00",
        attendees=[Person("lead@client.example", "Lena Lead"), Person("host@example.com", "Hanna Host")],
        location="Online", with_meet=meet,
    )


# --- OAuth ------------------------------------------------------------------------------------------

async def test_the_web_flow_uses_pkce_state_and_offline_access(provider: GoogleCalendarProvider,
                                                               fake: FakeGoogle) -> None:
    query, pending = await consent(provider)
    asked = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(pending.url).query))  # type: ignore[attr-defined]
    assert asked["code_challenge_method"] == "S256" and asked["access_type"] == "offline"
    assert asked["prompt"] == "consent" and asked["state"] == pending.state == query["state"]  # type: ignore[attr-defined]
    verifier = pending.code_verifier  # type: ignore[attr-defined]
    assert asked["code_challenge"] == base64.urlsafe_b64encode(
        hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    assert verifier not in pending.url  # type: ignore[attr-defined]
    grant = await provider.oauth.finish(pending, state=query["state"], code=query["code"])  # type: ignore[arg-type]
    assert grant.refresh_token.startswith("1//") and grant.access_token.startswith("ya29.")
    assert set(grant.scopes) == set(SCOPES) and grant.expires_at and grant.expires_at > dt.datetime.now(dt.UTC)
    [exchange] = [r for r in fake.requests if r.path == "/token"]
    assert exchange.body["code_verifier"] == verifier and exchange.body["grant_type"] == "authorization_code"
    assert "tokens=<hidden>" in repr(grant) and grant.access_token not in repr(grant)


async def test_a_callback_with_another_state_is_refused_before_any_token_request(
        provider: GoogleCalendarProvider, fake: FakeGoogle) -> None:
    query, pending = await consent(provider)
    state = query["state"]
    other_last = "A" if state[-1] != "A" else "B"  # a state that differs in its last character, always
    for forged in ("", "x", state[:-1] + other_last, None):
        with pytest.raises(AuthorizationFailed) as caught:
            await provider.oauth.finish(pending, state=forged, code=query["code"])  # type: ignore[arg-type]
        assert caught.value.reason == "state" and caught.value.status == 422
    assert not [r for r in fake.requests if r.path == "/token"]


async def test_denial_reuse_wrong_verifier_and_partial_scopes_fail_clearly(
        provider: GoogleCalendarProvider, fake: FakeGoogle) -> None:
    fake.deny_next()
    query, pending = await consent(provider)
    with pytest.raises(AuthorizationFailed) as denied:
        await provider.oauth.finish(pending, state=query["state"], code=query.get("code"),  # type: ignore[arg-type]
                                    error=query.get("error"))
    assert denied.value.reason == "denied" and query["error"] == "access_denied"

    query, pending = await consent(provider)
    stolen = type(pending)(pending.url, pending.state, "x" * 64, pending.redirect_uri)  # type: ignore[attr-defined]
    with pytest.raises(AuthorizationFailed) as bad_verifier:
        await provider.oauth.finish(stolen, state=query["state"], code=query["code"])
    assert bad_verifier.value.reason == "code"
    with pytest.raises(AuthorizationFailed) as reused:  # the code was spent by the failed attempt
        await provider.oauth.finish(pending, state=query["state"], code=query["code"])  # type: ignore[arg-type]
    assert reused.value.reason == "code"

    fake.grant_only = [SCOPES[0]]
    query, pending = await consent(provider)
    with pytest.raises(AuthorizationFailed) as partial:
        await provider.oauth.finish(pending, state=query["state"], code=query["code"])  # type: ignore[arg-type]
    assert partial.value.reason == "scopes" and "allow every item" in partial.value.detail
    assert all(g.revoked for g in fake.grants.values() if g.scopes == [SCOPES[0]])  # handed back at once


async def test_refresh_and_a_grant_revoked_on_googles_side(provider: GoogleCalendarProvider, fake: FakeGoogle) -> None:
    connection = await connect(provider)
    fresh = await provider.oauth.refresh(connection.grant)
    assert fresh.access_token != connection.grant.access_token and fresh.refresh_token == connection.grant.refresh_token
    fake.revoke_all()  # the host removed our access at myaccount.google.com
    with pytest.raises(GrantRevoked) as caught:
        await provider.oauth.refresh(fresh)
    assert caught.value.code == "calendar-grant-revoked" and "reconnect" in caught.value.detail
    with pytest.raises(GrantRevoked):
        await provider.busy(GoogleConnection(fresh), Interval(T0, T0 + dt.timedelta(days=1)), [])


async def test_disconnect_revokes_and_is_idempotent(provider: GoogleCalendarProvider, fake: FakeGoogle) -> None:
    connection = await connect(provider)
    await provider.disconnect(connection)
    assert all(g.revoked for g in fake.grants.values())
    await provider.disconnect(connection)  # Google no longer knows it: still done
    with pytest.raises(GrantRevoked):
        await provider.oauth.refresh(connection.grant)


async def test_an_expired_access_token_is_refreshed_and_handed_back_for_storage(
        provider: GoogleCalendarProvider, fake: FakeGoogle) -> None:
    connection = await connect(provider)
    old = connection.grant
    connection.grant = GoogleGrant(old.access_token, old.refresh_token, T0 - dt.timedelta(days=1), old.scopes)
    await provider.busy(connection, Interval(T0, T0 + dt.timedelta(days=1)), [])
    assert connection.grant_changed and connection.grant.access_token != old.access_token
    assert connection.grant.expires_at and connection.grant.expires_at > dt.datetime.now(dt.UTC)
    sealer = Sealer(b"s" * 32)
    sealed = sealer.seal(json.dumps(connection.grant.to_json()).encode(), "host:1")
    assert GoogleGrant.from_json(json.loads(sealer.unseal(sealed, "host:1"))) == connection.grant


# --- calendars and free/busy ------------------------------------------------------------------------

async def test_the_calendar_list_follows_pages(provider: GoogleCalendarProvider, fake: FakeGoogle) -> None:
    calendars = await provider.list_calendars(await connect(provider))
    assert [c.id for c in calendars] == list(fake.calendars)
    assert [c.primary for c in calendars] == [True, False, False]
    assert [c.writable for c in calendars] == [True, False, False]
    assert len(fake.api_calls("GET")) == 2


async def test_busy_merges_the_chosen_calendars_with_our_bookings(provider: GoogleCalendarProvider,
                                                                  fake: FakeGoogle) -> None:
    fake.calendars["host@example.com"].busy = [("2025-06-02T09:00:00Z", "2025-06-02T10:00:00Z")]
    fake.calendars["team@group.calendar.google.com"].busy = [("2025-06-02T12:00:00+02:00", "2025-06-02T13:00:00+02:00")]
    connection = await connect(provider, busy_calendar_ids=("primary", "team@group.calendar.google.com"))
    own = [Interval(T0 + dt.timedelta(hours=5), T0 + dt.timedelta(hours=6))]
    window = Interval(T0, T0 + dt.timedelta(days=1))
    busy = await provider.busy(connection, window, own)
    assert busy == [Interval(T0 + dt.timedelta(hours=1), T0 + dt.timedelta(hours=2)),
                    Interval(T0 + dt.timedelta(hours=2), T0 + dt.timedelta(hours=3)), own[0]]
    moved = Interval(T0 + dt.timedelta(hours=1), T0 + dt.timedelta(hours=2))
    assert moved not in await provider.busy(connection, window, own, exclude=[moved])
    [query] = [r.body for r in fake.api_calls("POST") if r.path.endswith("freeBusy")][:1]
    assert query["timeMin"] == "2025-06-02T08:00:00Z" and [i["id"] for i in query["items"]] == [
        "primary", "team@group.calendar.google.com"]


async def test_long_windows_are_asked_in_pieces_and_unreadable_calendars_are_an_error(
        provider: GoogleCalendarProvider, fake: FakeGoogle) -> None:
    connection = await connect(provider)
    await provider.busy(connection, Interval(T0, T0 + dt.timedelta(days=130)), [])
    assert len([r for r in fake.api_calls("POST") if r.path.endswith("freeBusy")]) == 3
    connection.busy_calendar_ids = ("primary", "gone@group.calendar.google.com")
    with pytest.raises(CalendarUnreadable) as caught:
        await provider.busy(connection, Interval(T0, T0 + dt.timedelta(days=1)), [])
    assert caught.value.calendar_ids == ("gone@group.calendar.google.com",)


# --- events -----------------------------------------------------------------------------------------

async def test_an_event_with_both_attendees_and_a_meet_link(provider: GoogleCalendarProvider,
                                                            fake: FakeGoogle) -> None:
    ref = await provider.create_event(await connect(provider), meeting(meet=True))
    assert ref is not None and ref.event_id == event_id_for("bk_1") and ref.calendar_id == "primary"
    assert ref.meet_url and ref.meet_url.startswith("https://meet.google.com/")
    [event] = fake.all_events().values()
    assert [a["email"] for a in event["attendees"]] == ["lead@client.example", "host@example.com"]
    assert event["summary"] == "Intro: ACME X-Injected: 1" and "\x00" not in event["description"]
    assert event["start"] == {"dateTime": "2025-06-02T08:00:00Z", "timeZone": "Europe/Berlin"}
    assert event["extendedProperties"]["private"]["outbound_booking"] == "bk_1"
    [insert] = fake.api_calls("POST")[-1:]
    assert insert.query["sendUpdates"] == "none" and insert.query["conferenceDataVersion"] == "1"
    assert set(event_id_for("bk_1")) <= set("0123456789abcdefghijklmnopqrstuv")


async def test_a_repeated_insert_converges_on_one_event(provider: GoogleCalendarProvider, fake: FakeGoogle) -> None:
    connection = await connect(provider)
    first = await provider.create_event(connection, meeting())
    again = await provider.create_event(connection, meeting())
    assert first is not None and again is not None and first.event_id == again.event_id
    assert len(fake.all_events()) == 1


async def test_reschedule_patches_and_cancel_deletes(provider: GoogleCalendarProvider, fake: FakeGoogle) -> None:
    connection = await connect(provider)
    ref = await provider.create_event(connection, meeting(meet=True))
    assert ref is not None
    later = T0 + dt.timedelta(days=1)
    moved = await provider.update_event(connection, ref, meeting(meet=True, start=later))
    assert moved == ref  # same event, same Meet
    event = fake.all_events()[ref.event_id]
    assert event["start"]["dateTime"] == "2025-06-03T08:00:00Z" and event["sequence"] == 1
    assert [r.method for r in fake.api_calls()][-1] == "PATCH"
    await provider.delete_event(connection, ref)
    assert fake.all_events() == {}
    await provider.delete_event(connection, ref)  # already gone: fine


async def test_an_event_the_host_deleted_is_put_back_on_reschedule(provider: GoogleCalendarProvider,
                                                                   fake: FakeGoogle) -> None:
    connection = await connect(provider)
    ref = await provider.create_event(connection, meeting())
    assert ref is not None
    fake.calendars["host@example.com"].events.clear()
    moved = await provider.update_event(connection, ref, meeting(start=T0 + dt.timedelta(hours=3)))
    assert moved is not None and moved.event_id != ref.event_id
    assert list(fake.all_events()) == [moved.event_id]


# --- faults -------------------------------------------------------------------------------------------

async def test_a_revoked_grant_during_booking_creates_nothing(provider: GoogleCalendarProvider,
                                                              fake: FakeGoogle) -> None:
    connection = await connect(provider)
    fake.fail("revoke", path="/events")
    with pytest.raises(GrantRevoked) as caught:
        await provider.create_event(connection, meeting())
    assert caught.value.status == 502
    assert fake.all_events() == {}
    assert [r.path for r in fake.requests if r.path == "/token"][-1:] == ["/token"]  # it tried to refresh


async def test_a_single_401_is_healed_by_a_refresh(provider: GoogleCalendarProvider, fake: FakeGoogle) -> None:
    connection = await connect(provider)
    fake.fail("401", path="/events")
    ref = await provider.create_event(connection, meeting())
    assert ref is not None and len(fake.all_events()) == 1
    assert connection.grant_changed  # the new access token must be stored


async def test_rate_limits_are_retried_then_reported(provider: GoogleCalendarProvider, fake: FakeGoogle) -> None:
    connection = await connect(provider)
    fake.fail("rate", times=2, path="/events")
    assert await provider.create_event(connection, meeting()) is not None
    assert len(fake.all_events()) == 1
    fake.fail("rate", times=3, path="/events")  # 1 try + 2 retries, all refused
    with pytest.raises(ProviderRateLimited) as caught:
        await provider.create_event(connection, meeting("bk_2"))
    assert caught.value.status == 503 and caught.value.headers["Retry-After"]
    assert list(fake.all_events()) == [event_id_for("bk_1")]
    fake.fail("429", times=1, path="freeBusy")
    await provider.busy(connection, Interval(T0, T0 + dt.timedelta(hours=1)), [])


async def test_server_errors_are_retried_then_reported(provider: GoogleCalendarProvider, fake: FakeGoogle) -> None:
    connection = await connect(provider)
    fake.fail("500", times=1, path="freeBusy")
    await provider.busy(connection, Interval(T0, T0 + dt.timedelta(hours=1)), [])
    fake.fail("503", times=3, path="/events")
    with pytest.raises(ProviderUnavailable):
        await provider.create_event(connection, meeting())
    assert fake.all_events() == {}


async def test_a_slow_insert_times_out_and_leaves_no_event_behind(provider: GoogleCalendarProvider,
                                                                  fake: FakeGoogle) -> None:
    connection = await connect(provider)
    fake.fail("slow", path="/events", delay=GOOGLE_SLOW)
    with pytest.raises(ProviderTimeout) as caught:
        await provider.create_event(connection, meeting(meet=True))
    assert caught.value.status == 504
    inserts = [r for r in fake.api_calls("POST") if r.path.endswith("/events")]
    deletes = fake.api_calls("DELETE")
    assert len(inserts) == 1 and len(deletes) == 1  # no retry after a timeout, one clean-up
    assert fake.all_events() == {}  # Google made it, we removed it


async def test_a_slow_free_busy_times_out(provider: GoogleCalendarProvider, fake: FakeGoogle) -> None:
    connection = await connect(provider)
    fake.fail("slow", path="freeBusy", delay=GOOGLE_SLOW)
    with pytest.raises(ProviderTimeout):
        await provider.busy(connection, Interval(T0, T0 + dt.timedelta(hours=1)), [])


# --- choosing and the offline provider ---------------------------------------------------------------

async def test_local_is_the_default_and_google_needs_a_client() -> None:
    assert isinstance(build_provider(CalendarSettings()), LocalCalendarProvider)
    with pytest.raises(ValueError, match="OUTBOUND_GOOGLE_CLIENT_ID"):
        CalendarSettings(calendar_provider="google")
    local = LocalCalendarProvider()
    own = [Interval(T0, T0 + dt.timedelta(hours=1)), Interval(T0 + dt.timedelta(days=3), T0 + dt.timedelta(days=4))]
    assert await local.busy(None, Interval(T0, T0 + dt.timedelta(days=1)), own) == own[:1]
    assert await local.create_event(None, meeting()) is None


async def test_a_host_without_a_connection_is_served_locally(provider: GoogleCalendarProvider,
                                                             fake: FakeGoogle) -> None:
    own = [Interval(T0, T0 + dt.timedelta(hours=1))]
    assert await provider.busy(None, Interval(T0, T0 + dt.timedelta(days=1)), own) == own
    assert await provider.create_event(None, meeting()) is None
    await provider.delete_event(None, EventRef("primary", "x"))
    assert fake.api_calls() == []
