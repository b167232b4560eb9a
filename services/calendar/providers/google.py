"""Google Calendar as a provider: free/busy over the host's chosen calendars, and the booking's event.

Speaks Calendar API v3 through google-api-python-client (its bundled discovery document, so no
discovery request; ``OUTBOUND_GOOGLE_CALENDAR_ENDPOINT`` picks the server). The library is synchronous,
so each call runs in a worker thread with its own HTTP connection (httplib2 objects are not
thread-safe), and every request has ``OUTBOUND_GOOGLE_TIMEOUT``.

Failure rules:

- 401 after the client's own refresh-and-retry, or a refresh answered ``invalid_grant``: :class:`GrantRevoked`.
- 403 rateLimitExceeded / userRateLimitExceeded, 429 and 5xx are retried with doubling backoff
  (``OUTBOUND_GOOGLE_MAX_RETRIES``); then :class:`ProviderRateLimited` / :class:`ProviderUnavailable`.
- No answer in time: :class:`ProviderTimeout`, never retried (the time is gone).
- Inserts are safe to repeat: the event id is derived from the booking (:func:`event_id_for`), so a
  retried insert that had gone through meets 409 and patches that event instead of making a second.
- An insert that fails in any way is followed by a delete of that id, so a failed booking leaves no
  event in the host's calendar, even when Google did the work but answered too late.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import functools
import hashlib
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import google.auth.exceptions
import google.oauth2.credentials
import google_auth_httplib2
import httplib2
from googleapiclient.discovery import build_from_document
from googleapiclient.discovery_cache import get_static_doc
from googleapiclient.errors import HttpError

from ..availability import Interval
from ..ics import one_line, plain_text
from ..settings import CalendarSettings
from .base import (
    CalendarInfo,
    CalendarProviderError,
    CalendarUnreadable,
    EventRef,
    GoogleConnection,
    GrantRevoked,
    MeetingEvent,
    ProviderRateLimited,
    ProviderRejected,
    ProviderTimeout,
    ProviderUnavailable,
)
from .google_oauth import GoogleOAuth, grant_from, refresh_failure
from .local import LocalCalendarProvider

log = logging.getLogger("outbound.calendar.google")

RATE_REASONS = frozenset({"rateLimitExceeded", "userRateLimitExceeded"})
FREEBUSY_MAX_CALENDARS = 50
FREEBUSY_MAX_SPAN = dt.timedelta(days=60)
MAX_BACKOFF = 20.0


@dataclass(frozen=True, slots=True)
class _Accepted:
    """A status the caller handles itself (404 on delete, 409 on insert) instead of an error."""

    status: int


class GoogleCalendarProvider:
    name: ClassVar[str] = "google"

    def __init__(self, settings: CalendarSettings) -> None:
        self._settings = settings
        self.oauth = GoogleOAuth(settings)
        self._local = LocalCalendarProvider()

    # --- the provider interface -------------------------------------------------------------------

    async def busy(
        self, connection: GoogleConnection | None, window: Interval, own: Sequence[Interval],
        *, exclude: Sequence[Interval] = (),
    ) -> list[Interval]:
        mine = await self._local.busy(None, window, own)
        if connection is None or not connection.busy_calendar_ids:
            return mine
        theirs = await asyncio.to_thread(self._free_busy, connection, window)
        # freeBusy cannot leave an event out; drop the blocks that are exactly the moved booking's event.
        skipped = set(exclude)
        return sorted(mine + [b for b in theirs if b not in skipped])

    async def list_calendars(self, connection: GoogleConnection) -> list[CalendarInfo]:
        """The host's calendars they can at least see free/busy of, for the picker."""
        return await asyncio.to_thread(self._calendar_list, connection)

    async def create_event(self, connection: GoogleConnection | None, event: MeetingEvent) -> EventRef | None:
        if connection is None:
            return None
        return await asyncio.to_thread(self._insert, connection, event, event_id_for(event.booking_id))

    async def update_event(
        self, connection: GoogleConnection | None, ref: EventRef, event: MeetingEvent
    ) -> EventRef | None:
        if connection is None:
            return None
        return await asyncio.to_thread(self._update, connection, ref, event)

    async def delete_event(self, connection: GoogleConnection | None, ref: EventRef) -> None:
        if connection is None:
            return
        await asyncio.to_thread(self._delete, connection, ref)

    async def disconnect(self, connection: GoogleConnection) -> None:
        """Revoke the grant at Google (the caller then forgets the connection)."""
        await self.oauth.revoke(connection.grant)

    # --- work in a thread -------------------------------------------------------------------------

    def _free_busy(self, connection: GoogleConnection, window: Interval) -> list[Interval]:
        blocks: list[Interval] = []
        unreadable: list[str] = []
        ids = list(dict.fromkeys(connection.busy_calendar_ids))
        start = window.start
        while start < window.end:
            end = min(window.end, start + FREEBUSY_MAX_SPAN)
            for first in range(0, len(ids), FREEBUSY_MAX_CALENDARS):
                body = {"timeMin": _rfc3339(start), "timeMax": _rfc3339(end), "timeZone": "UTC",
                        "items": [{"id": cid} for cid in ids[first:first + FREEBUSY_MAX_CALENDARS]]}
                answer = self._call(connection, functools.partial(_free_busy_request, body=body))
                for cid, entry in dict(answer.get("calendars") or {}).items():
                    if entry.get("errors"):
                        unreadable.append(str(cid))
                    for block in entry.get("busy") or []:
                        blocks.append(Interval(_parse_instant(block["start"]), _parse_instant(block["end"])))
            start = end
        if unreadable:
            raise CalendarUnreadable(unreadable)
        return blocks

    def _calendar_list(self, connection: GoogleConnection) -> list[CalendarInfo]:
        found: list[CalendarInfo] = []
        page: str | None = None
        while True:
            answer = self._call(connection, functools.partial(_calendar_list_request, page=page))
            for item in answer.get("items") or []:
                found.append(CalendarInfo(
                    id=str(item["id"]), name=str(item.get("summaryOverride") or item.get("summary") or item["id"]),
                    primary=bool(item.get("primary")), access_role=str(item.get("accessRole", "freeBusyReader")),
                    time_zone=item.get("timeZone")))
            page = answer.get("nextPageToken")
            if not page:
                return found

    def _insert(
        self, connection: GoogleConnection, event: MeetingEvent, event_id: str, calendar: str | None = None
    ) -> EventRef:
        calendar = calendar or connection.event_calendar_id
        body = {"id": event_id, **_event_body(event)}
        meet = 1 if event.with_meet else 0
        try:
            answer = self._call(connection, lambda s: s.events().insert(
                calendarId=calendar, body=body, conferenceDataVersion=meet, sendUpdates="none"), accept=(409,))
            if isinstance(answer, _Accepted):
                # An earlier attempt went through: make that event say what this one says.
                answer = self._call(connection, lambda s: s.events().patch(
                    calendarId=calendar, eventId=event_id, body=_event_body(event), conferenceDataVersion=meet,
                    sendUpdates="none"))
        except CalendarProviderError:
            self._delete_quietly(connection, calendar, event_id)
            raise
        return _ref(calendar, answer)

    def _update(self, connection: GoogleConnection, ref: EventRef, event: MeetingEvent) -> EventRef:
        body = _event_body(event)
        if ref.meet_url:
            body.pop("conferenceData", None)  # keep the Meet the event already has
        answer = self._call(connection, lambda s: s.events().patch(
            calendarId=ref.calendar_id, eventId=ref.event_id, body=body,
            conferenceDataVersion=1 if event.with_meet else 0, sendUpdates="none"), accept=(404, 410))
        if isinstance(answer, _Accepted):
            # The host deleted the event in Google Calendar; the booking still stands, so put it back
            # under a new id (a deleted id stays taken at Google).
            fresh = event_id_for(f"{event.booking_id}@{int(event.start.timestamp())}")
            return self._insert(connection, event, fresh, ref.calendar_id)
        return _ref(ref.calendar_id, answer)

    def _delete(self, connection: GoogleConnection, ref: EventRef) -> None:
        self._call(connection, lambda s: s.events().delete(
            calendarId=ref.calendar_id, eventId=ref.event_id, sendUpdates="none"), accept=(404, 410))

    def _delete_quietly(self, connection: GoogleConnection, calendar: str, event_id: str) -> None:
        try:
            self._call(connection, lambda s: s.events().delete(
                calendarId=calendar, eventId=event_id, sendUpdates="none"), accept=(404, 410), retries=1)
        except CalendarProviderError as exc:
            log.warning("could not remove event %s after a failed insert: %s", event_id, exc.detail)

    # --- one API call, with refresh, retries and typed errors ----------------------------------

    def _call(
        self, connection: GoogleConnection, make: Callable[[Any], Any], *,
        accept: tuple[int, ...] = (), retries: int | None = None,
    ) -> Any:
        credentials = self.oauth.credentials(connection.grant)
        timeout = self._settings.google_timeout
        http = google_auth_httplib2.AuthorizedHttp(credentials, http=httplib2.Http(timeout=timeout))
        service = build_from_document(_discovery_document(), http=http,
                                      client_options={"api_endpoint": self._settings.google_calendar_endpoint})
        limit = self._settings.google_max_retries if retries is None else retries
        try:
            attempt = 0
            while True:
                try:
                    return make(service).execute(num_retries=0)
                except HttpError as exc:
                    status = int(exc.resp.status)
                    if status in accept:
                        return _Accepted(status)
                    error = _http_failure(exc)
                    if isinstance(error, ProviderRateLimited | ProviderUnavailable) and attempt < limit:
                        time.sleep(min(MAX_BACKOFF, self._settings.google_retry_base_delay * 2**attempt))
                        attempt += 1
                        continue
                    raise error from None
        except google.auth.exceptions.RefreshError as exc:
            raise refresh_failure(exc) from None
        except TimeoutError:
            raise ProviderTimeout("Google Calendar did not answer in time.") from None
        except (google.auth.exceptions.TransportError, httplib2.HttpLib2Error, OSError):
            raise ProviderUnavailable("Google Calendar could not be reached.") from None
        finally:
            _keep_refreshed(connection, credentials)


def event_id_for(key: str) -> str:
    """Google event id for a booking: base32hex (Google's alphabet a-v, 0-9), stable for the key."""
    digest = hashlib.sha256(f"outbound-booking:{key}".encode()).digest()[:20]
    return base64.b32hexencode(digest).decode().lower().rstrip("=")


# --- helpers -----------------------------------------------------------------------------------


def _free_busy_request(service: Any, *, body: dict[str, Any]) -> Any:
    return service.freebusy().query(body=body)


def _calendar_list_request(service: Any, *, page: str | None) -> Any:
    return service.calendarList().list(minAccessRole="freeBusyReader", maxResults=250, pageToken=page)


@functools.cache
def _discovery_document() -> str:
    return str(get_static_doc("calendar", "v3"))


def _keep_refreshed(connection: GoogleConnection, credentials: google.oauth2.credentials.Credentials) -> None:
    if credentials.token and credentials.token != connection.grant.access_token:
        connection.grant = grant_from(credentials, connection.grant)
        connection.grant_changed = True


def _http_failure(exc: HttpError) -> CalendarProviderError:
    status = int(exc.resp.status)
    reason, message = _error_reason(exc)
    if status == 401:
        return GrantRevoked()
    if status == 429 or (status == 403 and reason in RATE_REASONS):
        retry_after = exc.resp.get("retry-after", "")
        return ProviderRateLimited(retry_after=int(retry_after) if retry_after.isdigit() else 30)
    if status >= 500:
        return ProviderUnavailable(f"Google Calendar failed ({status}).")
    return ProviderRejected(f"Google Calendar refused the request ({status} {reason or ''}): {message}"[:300])


def _error_reason(exc: HttpError) -> tuple[str | None, str]:
    try:
        error = json.loads(exc.content or b"{}").get("error") or {}
    except ValueError:
        return None, ""
    if not isinstance(error, dict):
        return None, str(error)
    reasons = [e.get("reason") for e in error.get("errors") or [] if isinstance(e, dict)]
    return (str(reasons[0]) if reasons and reasons[0] else None), str(error.get("message", ""))


def _event_body(event: MeetingEvent) -> dict[str, Any]:
    body: dict[str, Any] = {
        "summary": one_line(event.summary),
        "description": plain_text(event.description),
        "start": {"dateTime": _rfc3339(event.start), "timeZone": event.timezone},
        "end": {"dateTime": _rfc3339(event.end), "timeZone": event.timezone},
        "attendees": [{"email": p.email, **({"displayName": one_line(p.name, 120)} if p.name else {})}
                      for p in event.attendees],
        "reminders": {"useDefault": True},
        "extendedProperties": {"private": {"outbound_booking": event.booking_id, **event.private}},
    }
    if event.location:
        body["location"] = one_line(event.location)
    if event.with_meet:
        body["conferenceData"] = {"createRequest": {
            "requestId": f"outbound-{event_id_for(event.booking_id)}",
            "conferenceSolutionKey": {"type": "hangoutsMeet"},
        }}
    return body


def _ref(calendar_id: str, answer: Any) -> EventRef:
    meet = None
    for entry in ((answer.get("conferenceData") or {}).get("entryPoints") or []):
        if entry.get("entryPointType") == "video" and str(entry.get("uri", "")).startswith("https://"):
            meet = str(entry["uri"])
    return EventRef(calendar_id, str(answer["id"]), meet, answer.get("htmlLink"))


def _rfc3339(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _parse_instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(dt.UTC)
