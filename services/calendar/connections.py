"""A host's Google Calendar connection: connecting (the OAuth web flow), the calendar picker, disconnecting,
and how every other part of the service opens the connection and stores it back.

The grant is kept sealed (AES-GCM, bound to the host). After each Google call the caller stores the grant
again when the adapter refreshed it, and marks the connection revoked when Google refused it; while it
is revoked, the host's public page takes no bookings (their Google busy times cannot be read, and taking
bookings blind would double-book them) until they connect again or disconnect.

The OAuth callback is finished by the host's signed-in page: Google sends the browser to the SPA route
``/calendar/google/callback``, which posts the query to ``POST /calendar/google/callback`` with the host's
token. The state is bound to the host who started, used once, and expires; the PKCE verifier never
leaves the server.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
from collections.abc import AsyncIterator

from services.kit.db import session_scope
from services.kit.errors import Conflict, Unavailable

from . import repository as repo
from .deps import CalendarRuntime
from .models import GoogleConnectionRow, OAuthPending
from .providers import (
    AuthorizationFailed,
    CalendarProviderError,
    ConnectionState,
    GoogleCalendarProvider,
    GoogleConnection,
    GoogleGrant,
    GrantRevoked,
)
from .providers.google_oauth import PendingAuthorization
from .schemas import GoogleCalendarChoice, GoogleCalendarRead, GoogleStatus
from .sealing import SealBroken

log = logging.getLogger("outbound.calendar.google")
PENDING_TTL = dt.timedelta(minutes=10)


class CalendarOffline(Unavailable):
    """The host's Google connection was revoked: their page cannot take bookings until they act."""

    code = "calendar-offline"

    def __init__(self) -> None:
        super().__init__("This calendar cannot take bookings right now; please try again later.")


class GoogleDisabled(Conflict):
    code = "calendar-google-disabled"

    def __init__(self) -> None:
        super().__init__("Google Calendar is not enabled here (OUTBOUND_CALENDAR_PROVIDER=local).")


def grant_context(host_id: int) -> str:
    return f"google-grant:{host_id}"


def google_enabled(runtime: CalendarRuntime) -> bool:
    return runtime.settings.calendar_provider == "google"


def google_provider(runtime: CalendarRuntime) -> GoogleCalendarProvider:
    provider = runtime.deps.provider
    if not isinstance(provider, GoogleCalendarProvider):
        raise GoogleDisabled()
    return provider


async def open_connection(runtime: CalendarRuntime, row: GoogleConnectionRow | None) -> GoogleConnection | None:
    """The connection the provider calls need; None when the host is served locally."""
    if not google_enabled(runtime) or row is None or row.state == ConnectionState.DISCONNECTED:
        return None
    if row.state == ConnectionState.REVOKED or not row.sealed_grant:
        raise CalendarOffline()
    try:
        grant = GoogleGrant.from_json(json.loads(runtime.deps.sealer.unseal(row.sealed_grant,
                                                                            grant_context(row.host_id))))
    except (SealBroken, ValueError, KeyError):
        # OUTBOUND_CALENDAR_SECRET changed: the stored grant is unreadable, which is a revoked connection.
        log.warning("the Google grant of host %s does not open with this key", row.host_id)
        await mark_revoked(runtime, row.host_id)
        raise CalendarOffline() from None
    return GoogleConnection(grant, tuple(row.busy_calendar_ids or ("primary",)), row.event_calendar_id or "primary")


@contextlib.asynccontextmanager
async def google_call(runtime: CalendarRuntime, host_id: int,
                      connection: GoogleConnection | None) -> AsyncIterator[None]:
    """Around calls that may use ``connection``: keep a refreshed grant, record a revoked one."""
    revoked = False
    try:
        yield
    except GrantRevoked:
        revoked = True
        await mark_revoked(runtime, host_id)
        raise
    finally:
        if connection is not None and connection.grant_changed and not revoked:
            await store_grant(runtime, host_id, connection.grant)
            connection.grant_changed = False


async def store_grant(runtime: CalendarRuntime, host_id: int, grant: GoogleGrant) -> None:
    sealed = runtime.deps.sealer.seal(json.dumps(grant.to_json()).encode(), grant_context(host_id))
    async with session_scope(runtime.sessions) as s:
        row = await repo.get_connection(s, host_id)
        if row is not None and row.state == ConnectionState.CONNECTED:
            row.sealed_grant = sealed


async def mark_revoked(runtime: CalendarRuntime, host_id: int) -> None:
    async with session_scope(runtime.sessions) as s:
        row = await repo.get_connection(s, host_id)
        if row is not None and row.state == ConnectionState.CONNECTED:
            row.state, row.revoked_at = ConnectionState.REVOKED, runtime.deps.clock()


# --- the host's settings page -------------------------------------------------------------------

def status_of(runtime: CalendarRuntime, row: GoogleConnectionRow | None) -> GoogleStatus:
    enabled = google_enabled(runtime)
    state = ConnectionState(row.state) if row is not None else ConnectionState.DISCONNECTED
    if not enabled:
        detail = "Google Calendar is not enabled here: busy times are the bookings made here."
    elif state == ConnectionState.CONNECTED and row is not None:
        count = len(row.busy_calendar_ids)
        detail = (f"Connected: busy times come from {count} calendar{'s' if count != 1 else ''}; "
                  f"bookings are added to {row.event_calendar_id}.")
    elif state == ConnectionState.REVOKED:
        detail = ("Google no longer accepts this connection (access was removed in the Google account or has "
                  "expired). Your booking page takes no bookings until you connect again or disconnect.")
    else:
        detail = "Not connected: busy times are the bookings made here."
    connected = row is not None and state != ConnectionState.DISCONNECTED
    return GoogleStatus(
        enabled=enabled, state=state.value, detail=detail,
        account_email=row.account_email if connected and row else None,
        busy_calendar_ids=list(row.busy_calendar_ids) if connected and row else [],
        event_calendar_id=row.event_calendar_id if connected and row else None,
        connected_at=row.connected_at if connected and row else None,
        revoked_at=row.revoked_at if row is not None and state == ConnectionState.REVOKED else None,
    )


async def status(runtime: CalendarRuntime, host_id: int) -> GoogleStatus:
    async with session_scope(runtime.sessions, writes=False) as s:
        return status_of(runtime, await repo.get_connection(s, host_id))


async def start(runtime: CalendarRuntime, host_id: int, host_email: str) -> str:
    """The consent URL for the host's browser; the state and PKCE verifier stay here."""
    provider = google_provider(runtime)
    pending = provider.oauth.start(runtime.deps.urls.google_callback(), login_hint=host_email)
    now = runtime.deps.clock()
    async with session_scope(runtime.sessions) as s:
        await repo.add_pending(s, OAuthPending(
            state_hash=_state_hash(pending.state), host_id=host_id,
            sealed_verifier=runtime.deps.sealer.seal(pending.code_verifier.encode(), f"oauth:{host_id}"),
            redirect_uri=pending.redirect_uri, expires_at=now + PENDING_TTL), now=now)
    return pending.url


async def finish(runtime: CalendarRuntime, host_id: int, *, state: str, code: str | None,
                 error: str | None) -> GoogleStatus:
    """Complete the sign-in the host started: trade the code for a grant and keep it sealed."""
    provider = google_provider(runtime)
    async with session_scope(runtime.sessions) as s:
        row = await repo.take_pending(s, _state_hash(state), host_id)
    if row is None or row.expires_at <= runtime.deps.clock():
        raise AuthorizationFailed("state", "This Google sign-in does not belong to this session or has expired; "
                                  "start again.")
    try:
        verifier = runtime.deps.sealer.unseal(row.sealed_verifier, f"oauth:{host_id}").decode()
    except SealBroken:
        raise AuthorizationFailed("state", "This Google sign-in can no longer be completed; start again.") from None
    pending = PendingAuthorization(url="", state=state, code_verifier=verifier, redirect_uri=row.redirect_uri)
    grant = await provider.oauth.finish(pending, state=state, code=code, error=error)
    connection = GoogleConnection(grant)
    account = await _primary_address(runtime, provider, connection)
    sealed = runtime.deps.sealer.seal(json.dumps(connection.grant.to_json()).encode(), grant_context(host_id))
    async with session_scope(runtime.sessions) as s:
        existing = await repo.get_connection(s, host_id)
        if existing is None:
            existing = await repo.add(s, GoogleConnectionRow(host_id=host_id, state=ConnectionState.CONNECTED,
                                                             busy_calendar_ids=["primary"],
                                                             event_calendar_id="primary"))
        existing.state, existing.sealed_grant = ConnectionState.CONNECTED, sealed
        existing.account_email, existing.connected_at, existing.revoked_at = account, runtime.deps.clock(), None
        if not existing.busy_calendar_ids:
            existing.busy_calendar_ids = ["primary"]
        await s.flush()
        return status_of(runtime, existing)


async def _primary_address(runtime: CalendarRuntime, provider: GoogleCalendarProvider,
                           connection: GoogleConnection) -> str | None:
    # Only to show which account is connected; the connection works without it.
    try:
        calendars = await provider.list_calendars(connection)
    except CalendarProviderError as exc:
        log.warning("could not read the new connection's calendar list: %s", exc.detail)
        return None
    return next((c.id for c in calendars if c.primary), None)


async def disconnect(runtime: CalendarRuntime, host_id: int) -> GoogleStatus:
    """Hand the grant back to Google (when it still works) and forget it."""
    provider = google_provider(runtime)
    async with session_scope(runtime.sessions, writes=False) as s:
        row = await repo.get_connection(s, host_id)
    if row is not None and row.sealed_grant and row.state == ConnectionState.CONNECTED:
        try:
            connection = await open_connection(runtime, row)
            if connection is not None:
                await provider.disconnect(connection)
        except (CalendarProviderError, CalendarOffline) as exc:
            # Forgetting it here is what the host asked for; an unrevoked grant is theirs to remove at Google.
            log.warning("revoking the Google grant of host %s failed: %s", host_id, getattr(exc, "detail", exc))
    async with session_scope(runtime.sessions) as s:
        row = await repo.get_connection(s, host_id)
        if row is not None:
            row.state, row.sealed_grant, row.account_email = ConnectionState.DISCONNECTED, None, None
            row.connected_at = row.revoked_at = None
        return status_of(runtime, row)


async def calendars(runtime: CalendarRuntime, host_id: int) -> list[GoogleCalendarRead]:
    """The host's calendars for the picker, marked with the current choice."""
    provider = google_provider(runtime)
    row, connection = await _connected(runtime, host_id)
    async with google_call(runtime, host_id, connection):
        found = await provider.list_calendars(connection)
    busy = set(row.busy_calendar_ids)
    primary = next((c.id for c in found if c.primary), None)
    return [GoogleCalendarRead(
        id=c.id, name=c.name, primary=c.primary, access_role=c.access_role, writable=c.writable,
        time_zone=c.time_zone, busy=c.id in busy or (c.primary and "primary" in busy),
        events=c.id == row.event_calendar_id or (c.id == primary and row.event_calendar_id == "primary"),
    ) for c in found]


async def choose(runtime: CalendarRuntime, host_id: int, choice: GoogleCalendarChoice) -> GoogleStatus:
    """Which calendars count as busy, and where booking events go (one the host may write to)."""
    provider = google_provider(runtime)
    _row, connection = await _connected(runtime, host_id)
    async with google_call(runtime, host_id, connection):
        found = {c.id: c for c in await provider.list_calendars(connection)}
    primary = next((c for c in found.values() if c.primary), None)
    if primary is not None:
        found.setdefault("primary", primary)
    unknown = [cid for cid in [*choice.busy_calendar_ids, choice.event_calendar_id] if cid not in found]
    if unknown:
        raise AuthorizationFailed("calendars", f"Not among your Google calendars: {', '.join(unknown)[:200]}")
    if not found[choice.event_calendar_id].writable:
        raise AuthorizationFailed("calendars", "Bookings can only be added to a calendar you may write to.")
    async with session_scope(runtime.sessions) as s:
        row = await repo.get_connection(s, host_id)
        if row is None or row.state != ConnectionState.CONNECTED:
            raise Conflict("Google Calendar is not connected.")
        row.busy_calendar_ids = list(dict.fromkeys(choice.busy_calendar_ids))
        row.event_calendar_id = choice.event_calendar_id
        await s.flush()
        return status_of(runtime, row)


async def _connected(runtime: CalendarRuntime, host_id: int) -> tuple[GoogleConnectionRow, GoogleConnection]:
    async with session_scope(runtime.sessions, writes=False) as s:
        row = await repo.get_connection(s, host_id)
    if row is None or row.state == ConnectionState.DISCONNECTED:
        raise Conflict("Google Calendar is not connected.")
    if row.state == ConnectionState.REVOKED:
        raise GrantRevoked()
    connection = await open_connection(runtime, row)
    if connection is None:
        raise Conflict("Google Calendar is not connected.")
    return row, connection


def _state_hash(state: str) -> str:
    return hashlib.sha256(state.encode()).hexdigest()
