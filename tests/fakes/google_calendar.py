"""A loopback stand-in for Google's OAuth 2.0 endpoints and Calendar API v3, spoken to by the real
google-auth-oauthlib, google-auth and google-api-python-client.

OAuth: ``GET /o/oauth2/auth`` (consents at once and redirects with a code, or with
``error=access_denied`` after ``fake.deny_next()``), ``POST /token`` (authorization_code with PKCE S256
verification and single-use codes; refresh_token), ``POST /revoke``. Client credentials are accepted in
the body or as HTTP Basic, as Google does.

Calendar v3 under ``/calendar/v3/``: ``users/me/calendarList``, ``freeBusy``, and
``calendars/{id}/events`` insert / get / patch / update / delete, with client-chosen event ids (409
on a duplicate), ``conferenceData.createRequest`` for Meet (``conferenceDataVersion=1``) and Google's
error bodies. Busy time per calendar is in ``fake.calendars[id].busy``; created events count as busy.

Faults, queued per request (``fake.fail("rate", times=2)``), optionally only for paths containing a
string: ``revoke`` (the grant is revoked on Google's side now: the API answers 401 and refresh answers
invalid_grant), ``401`` (one 401 with the grant intact: the client refreshes and retries), ``rate``
(403 rateLimitExceeded), ``429``, ``500``, ``503``, ``slow`` (the request is carried out, then answered
after ``delay`` seconds: a client that times out leaves the work done here).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.parse
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

CLIENT_ID = "test-client.apps.googleusercontent.com"
CLIENT_SECRET = "test-client-secret"


@dataclass
class Fault:
    kind: str
    times: int = 1
    path: str | None = None
    delay: float = 0.0


@dataclass
class FakeCalendar:
    summary: str
    primary: bool = False
    access_role: str = "owner"
    time_zone: str = "Europe/Berlin"
    busy: list[tuple[str, str]] = field(default_factory=list)
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    unreadable: bool = False


@dataclass
class Grant:
    refresh_token: str
    scopes: list[str]
    revoked: bool = False


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    headers: dict[str, str]


SEEN = web.RequestKey("seen", Seen)


@dataclass
class FakeGoogle:
    host: str = "127.0.0.1"
    port: int = 0
    access_ttl: int = 3600
    calendars: dict[str, FakeCalendar] = field(default_factory=dict)
    requests: list[Seen] = field(default_factory=list)
    faults: deque[Fault] = field(default_factory=deque)
    grants: dict[str, Grant] = field(default_factory=dict)  # by refresh token
    access_tokens: dict[str, tuple[str, float]] = field(default_factory=dict)  # token -> (refresh token, expiry)
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    grant_only: list[str] | None = None  # scopes the next consent grants (None: all asked)
    _deny: bool = False
    _loop: asyncio.AbstractEventLoop | None = None
    _runner: web.AppRunner | None = None
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        if not self.calendars:
            self.calendars = {
                "host@example.com": FakeCalendar("host@example.com", primary=True),
                "team@group.calendar.google.com": FakeCalendar("Team", access_role="reader"),
                "holidays@group.calendar.google.com": FakeCalendar("Holidays", access_role="freeBusyReader"),
            }

    # --- control ------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def endpoints(self) -> dict[str, str]:
        """The settings that point the real client libraries here."""
        return {
            "google_auth_uri": f"{self.base_url}/o/oauth2/auth",
            "google_token_uri": f"{self.base_url}/token",
            "google_revoke_uri": f"{self.base_url}/revoke",
            "google_calendar_endpoint": f"{self.base_url}/calendar/v3/",
            "google_client_id": CLIENT_ID,
            "google_client_secret": CLIENT_SECRET,
        }

    def fail(self, kind: str, times: int = 1, *, path: str | None = None, delay: float = 0.0) -> None:
        with self._lock:
            self.faults.append(Fault(kind, times, path, delay))

    def deny_next(self) -> None:
        self._deny = True

    def revoke_all(self) -> None:
        """The user removed our access in their Google account settings."""
        with self._lock:
            for grant in self.grants.values():
                grant.revoked = True

    def all_events(self) -> dict[str, dict[str, Any]]:
        return {eid: ev for cal in self.calendars.values() for eid, ev in cal.events.items()}

    def api_calls(self, method: str | None = None) -> list[Seen]:
        return [r for r in self.requests if r.path.startswith("/calendar/") and (method is None or r.method == method)]

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.path is None or fault.path in path:
                    fault.times -= 1
                    if fault.times <= 0:
                        self.faults.remove(fault)
                    return fault
        return None

    # --- lifecycle ----------------------------------------------------------------------------
    def __enter__(self) -> FakeGoogle:
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            app = web.Application(middlewares=[self._record])
            app.router.add_get("/o/oauth2/auth", self._authorize)
            app.router.add_post("/token", self._token)
            app.router.add_post("/revoke", self._revoke)
            app.router.add_get("/calendar/v3/users/me/calendarList", self._calendar_list)
            app.router.add_post("/calendar/v3/freeBusy", self._free_busy)
            app.router.add_post("/calendar/v3/calendars/{cid}/events", self._insert)
            app.router.add_route("*", "/calendar/v3/calendars/{cid}/events/{eid}", self._event)
            self._runner = web.AppRunner(app, access_log=None)
            loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, self.host, self.port)
            loop.run_until_complete(site.start())
            server = site._server
            assert server is not None
            self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._runner.cleanup())
            loop.close()

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("fake Google did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=10)

    # --- plumbing -------------------------------------------------------------------------------
    @web.middleware
    async def _record(self, request: web.Request, handler: Any) -> web.StreamResponse:
        raw = await request.read()
        body: Any
        if request.content_type == "application/json" and raw:
            body = json.loads(raw)
        elif request.content_type == "application/x-www-form-urlencoded":
            body = dict(urllib.parse.parse_qsl(raw.decode()))
        else:
            body = raw.decode(errors="replace")
        seen = Seen(request.method, request.path, dict(request.query), body, dict(request.headers))
        request[SEEN] = seen
        self.requests.append(seen)
        fault = self._take_fault(request.path)
        if fault is None or fault.kind == "revoke":
            if fault is not None:
                self.revoke_all()
            return await handler(request)
        if fault.kind == "slow":
            response = await handler(request)  # done here, answered late
            await asyncio.sleep(fault.delay or 2.0)
            return response
        if fault.kind == "401":
            return _api_error(401, "Request had invalid authentication credentials.", "authError", "UNAUTHENTICATED")
        if fault.kind == "rate":
            return _api_error(403, "Rate Limit Exceeded", "rateLimitExceeded", "PERMISSION_DENIED",
                              domain="usageLimits")
        if fault.kind == "429":
            return _api_error(429, "Too Many Requests", "rateLimitExceeded", "RESOURCE_EXHAUSTED")
        if fault.kind in ("500", "503"):
            return _api_error(int(fault.kind), "Backend Error", "backendError", "INTERNAL")
        raise AssertionError(f"unknown fault {fault.kind}")

    def _form(self, request: web.Request) -> dict[str, str]:
        seen: Seen = request[SEEN]
        form = dict(seen.body) if isinstance(seen.body, dict) else {}
        auth = request.headers.get("Authorization", "")
        if auth.startswith("Basic "):
            user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
            form.setdefault("client_id", urllib.parse.unquote_plus(user))
            form.setdefault("client_secret", urllib.parse.unquote_plus(password))
        return form

    def _bearer(self, request: web.Request) -> Grant | None:
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Bearer "):
            return None
        entry = self.access_tokens.get(auth[7:])
        if entry is None or entry[1] < time.time():
            return None
        grant = self.grants.get(entry[0])
        return None if grant is None or grant.revoked else grant

    def _issue_access(self, refresh_token: str) -> str:
        token = "ya29." + secrets.token_urlsafe(24)
        self.access_tokens[token] = (refresh_token, time.time() + self.access_ttl)
        return token

    # --- OAuth ------------------------------------------------------------------------------------
    async def _authorize(self, request: web.Request) -> web.StreamResponse:
        q = request.query
        if q.get("client_id") != CLIENT_ID or q.get("response_type") != "code" or not q.get("redirect_uri"):
            return web.Response(status=400, text="Error 400: invalid_request")
        if q.get("code_challenge_method") != "S256" or len(q.get("code_challenge", "")) != 43:
            return web.Response(status=400, text="Error 400: invalid_request (PKCE required)")
        target = q["redirect_uri"]
        if self._deny:
            self._deny = False
            params = {"error": "access_denied", "state": q.get("state", "")}
        else:
            code = "4/" + secrets.token_urlsafe(24)
            asked = q.get("scope", "").split()
            self.codes[code] = {"redirect_uri": target, "challenge": q["code_challenge"],
                                "scopes": self.grant_only if self.grant_only is not None else asked,
                                "offline": q.get("access_type") == "offline"}
            params = {"code": code, "state": q.get("state", ""), "scope": " ".join(asked)}
        raise web.HTTPFound(target + ("&" if "?" in target else "?") + urllib.parse.urlencode(params))

    async def _token(self, request: web.Request) -> web.Response:
        form = self._form(request)
        if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
            return web.json_response({"error": "invalid_client", "error_description": "Unauthorized"}, status=401)
        if form.get("grant_type") == "authorization_code":
            pending = self.codes.pop(form.get("code", ""), None)
            if pending is None:
                return _oauth_error("invalid_grant", "Malformed auth code.")
            if form.get("redirect_uri") != pending["redirect_uri"]:
                return _oauth_error("redirect_uri_mismatch", "Bad Request")
            verifier = form.get("code_verifier", "")
            digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if digest != pending["challenge"]:
                return _oauth_error("invalid_grant", "Invalid code verifier." if verifier else "Missing code verifier.")
            refresh = "1//" + secrets.token_urlsafe(32)
            self.grants[refresh] = Grant(refresh, pending["scopes"])
            answer = {"access_token": self._issue_access(refresh), "expires_in": self.access_ttl,
                      "scope": " ".join(pending["scopes"]), "token_type": "Bearer"}
            if pending["offline"]:
                answer["refresh_token"] = refresh
            return web.json_response(answer)
        if form.get("grant_type") == "refresh_token":
            grant = self.grants.get(form.get("refresh_token", ""))
            if grant is None or grant.revoked:
                return _oauth_error("invalid_grant", "Token has been expired or revoked.")
            return web.json_response({"access_token": self._issue_access(grant.refresh_token),
                                      "expires_in": self.access_ttl, "scope": " ".join(grant.scopes),
                                      "token_type": "Bearer"})
        return _oauth_error("unsupported_grant_type", "Invalid grant_type.")

    async def _revoke(self, request: web.Request) -> web.Response:
        token = self._form(request).get("token") or request.query.get("token", "")
        refresh = self.access_tokens[token][0] if token in self.access_tokens else token
        grant = self.grants.get(refresh)
        if grant is None or grant.revoked:
            return _oauth_error("invalid_token", "Token expired or revoked")
        grant.revoked = True
        return web.json_response({})

    # --- Calendar v3 --------------------------------------------------------------------------------
    def _unauthenticated(self, request: web.Request) -> web.Response | None:
        if self._bearer(request) is None:
            return _api_error(401, "Request had invalid authentication credentials.", "authError", "UNAUTHENTICATED")
        return None

    async def _calendar_list(self, request: web.Request) -> web.Response:
        if (denied := self._unauthenticated(request)) is not None:
            return denied
        ids = list(self.calendars)
        start = int(request.query.get("pageToken", "0"))
        page = ids[start:start + 2]  # small pages, so clients must follow nextPageToken
        body: dict[str, Any] = {"kind": "calendar#calendarList", "items": [
            {"kind": "calendar#calendarListEntry", "id": cid, "summary": self.calendars[cid].summary,
             "timeZone": self.calendars[cid].time_zone, "accessRole": self.calendars[cid].access_role,
             **({"primary": True} if self.calendars[cid].primary else {})} for cid in page]}
        if start + 2 < len(ids):
            body["nextPageToken"] = str(start + 2)
        return web.json_response(body)

    async def _free_busy(self, request: web.Request) -> web.Response:
        if (denied := self._unauthenticated(request)) is not None:
            return denied
        body = request[SEEN].body
        lo, hi = _instant(body["timeMin"]), _instant(body["timeMax"])
        result: dict[str, Any] = {}
        for item in body.get("items", []):
            cid = item["id"]
            cal = self.calendars.get("host@example.com" if cid == "primary" else cid)
            if cal is None or cal.unreadable:
                result[cid] = {"errors": [{"domain": "global", "reason": "notFound"}], "busy": []}
                continue
            spans = list(cal.busy) + [(e["start"]["dateTime"], e["end"]["dateTime"]) for e in cal.events.values()
                                      if e.get("status") != "cancelled" and e.get("transparency") != "transparent"]
            busy = [{"start": s, "end": e} for s, e in sorted(spans, key=lambda p: _instant(p[0]))
                    if _instant(s) < hi and lo < _instant(e)]
            result[cid] = {"busy": busy}
        return web.json_response({"kind": "calendar#freeBusy", "timeMin": body["timeMin"],
                                  "timeMax": body["timeMax"], "calendars": result})

    def _calendar_for(self, cid: str) -> FakeCalendar | None:
        return self.calendars.get("host@example.com" if cid == "primary" else cid)

    async def _insert(self, request: web.Request) -> web.Response:
        if (denied := self._unauthenticated(request)) is not None:
            return denied
        cal = self._calendar_for(request.match_info["cid"])
        if cal is None:
            return _api_error(404, "Not Found", "notFound", "NOT_FOUND")
        if cal.access_role not in ("owner", "writer"):
            return _api_error(403, "Forbidden", "requiredAccessLevel", "PERMISSION_DENIED")
        event = dict(request[SEEN].body)
        eid = event.get("id") or secrets.token_hex(13)
        if eid in cal.events:
            return _api_error(409, "The requested identifier already exists.", "duplicate", "ALREADY_EXISTS")
        event.update({"id": eid, "status": "confirmed", "htmlLink": f"https://calendar.example/event?eid={eid}",
                      "iCalUID": f"{eid}@google.com", "sequence": 0})
        self._conference(event, request.query.get("conferenceDataVersion") == "1")
        cal.events[eid] = event
        return web.json_response(event)

    async def _event(self, request: web.Request) -> web.Response:
        if (denied := self._unauthenticated(request)) is not None:
            return denied
        cal = self._calendar_for(request.match_info["cid"])
        eid = request.match_info["eid"]
        event = cal.events.get(eid) if cal is not None else None
        if cal is None or event is None:
            return _api_error(404, "Not Found", "notFound", "NOT_FOUND")
        if event.get("status") == "cancelled":
            if request.method == "DELETE":
                return _api_error(410, "Resource has been deleted", "deleted", "GONE")
            if request.method != "GET":
                return _api_error(404, "Not Found", "notFound", "NOT_FOUND")
        if request.method == "GET":
            return web.json_response(event)
        if request.method == "DELETE":
            del cal.events[eid]
            return web.Response(status=204)
        if request.method in ("PATCH", "PUT"):
            change = dict(request[SEEN].body)
            updated = {**event, **change} if request.method == "PATCH" else {**change, "id": eid}
            updated.update({"sequence": int(event.get("sequence", 0)) + 1, "status": "confirmed",
                            "htmlLink": event["htmlLink"], "iCalUID": event["iCalUID"]})
            self._conference(updated, request.query.get("conferenceDataVersion") == "1")
            cal.events[eid] = updated
            return web.json_response(updated)
        return _api_error(405, "Method Not Allowed", "notSupported", "INVALID_ARGUMENT")

    @staticmethod
    def _conference(event: dict[str, Any], enabled: bool) -> None:
        wanted = (event.get("conferenceData") or {}).get("createRequest")
        if not enabled or not wanted or (event.get("conferenceData") or {}).get("entryPoints"):
            return
        code = hashlib.sha256(wanted["requestId"].encode()).hexdigest()
        meet = f"https://meet.google.com/{code[:3]}-{code[3:7]}-{code[7:10]}"
        event["conferenceData"] = {
            "createRequest": {**wanted, "status": {"statusCode": "success"}},
            "entryPoints": [{"entryPointType": "video", "uri": meet, "label": meet[8:]}],
            "conferenceSolution": {"key": {"type": "hangoutsMeet"}, "name": "Google Meet"},
            "conferenceId": f"{code[:3]}-{code[3:7]}-{code[7:10]}",
        }
        event["hangoutLink"] = meet


def _instant(text: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def _oauth_error(error: str, description: str) -> web.Response:
    return web.json_response({"error": error, "error_description": description}, status=400)


def _api_error(status: int, message: str, reason: str, status_text: str, *, domain: str = "global") -> web.Response:
    body = {"error": {"code": status, "message": message, "status": status_text,
                      "errors": [{"domain": domain, "reason": reason, "message": message}]}}
    return web.json_response(body, status=status)
