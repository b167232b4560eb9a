"""Connecting a host's Google Calendar: the OAuth 2.0 web flow with PKCE, refresh, and revoke.

1. :meth:`GoogleOAuth.start` gives the URL to send the host's browser to, with a fresh ``state`` and
   PKCE verifier. Keep the returned :class:`PendingAuthorization` on the server, bound to the host's
   session (it holds the verifier), until Google redirects back.
2. :meth:`GoogleOAuth.finish` checks the callback (state in constant time, a denial, the code), trades
   the code plus verifier for tokens at the token endpoint, and insists on offline access and on every
   calendar scope. The :class:`GoogleGrant` it returns is what the caller seals and stores.
3. :meth:`GoogleOAuth.refresh` renews the access token; ``invalid_grant`` means the host revoked us on
   Google's side: :class:`GrantRevoked`. :meth:`GoogleOAuth.revoke` ends the grant (disconnect) and
   succeeds when Google already forgot it.

The libraries are google-auth-oauthlib (the flow), google-auth (refresh) and httpx (revoke), all
pointed at the endpoints in the settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

import google.auth.exceptions
import google.oauth2.credentials
import google_auth_httplib2
import httplib2
import httpx
import requests
from google_auth_oauthlib.flow import Flow
from oauthlib.oauth2.rfc6749 import errors as oauth_errors

from ..settings import CalendarSettings
from .base import (
    AuthorizationFailed,
    GoogleGrant,
    GrantRevoked,
    ProviderRejected,
    ProviderTimeout,
    ProviderUnavailable,
)

SCOPES = (
    "https://www.googleapis.com/auth/calendar.calendarlist.readonly",
    "https://www.googleapis.com/auth/calendar.freebusy",
    "https://www.googleapis.com/auth/calendar.events",
)


@dataclass(frozen=True, slots=True)
class PendingAuthorization:
    """An authorization in progress: ``url`` for the browser; the rest stays on the server."""

    url: str
    state: str
    code_verifier: str
    redirect_uri: str

    def __repr__(self) -> str:
        return f"PendingAuthorization(redirect_uri={self.redirect_uri!r}, secrets=<hidden>)"


class GoogleOAuth:
    def __init__(self, settings: CalendarSettings) -> None:
        if not (settings.google_client_id and settings.google_client_secret):
            raise ValueError("Google needs OUTBOUND_GOOGLE_CLIENT_ID and OUTBOUND_GOOGLE_CLIENT_SECRET")
        self._settings = settings
        self._client_id = settings.google_client_id
        self._client_secret = settings.google_client_secret

    def start(self, redirect_uri: str, *, login_hint: str | None = None) -> PendingAuthorization:
        """The consent URL for the host's browser, with a new state and PKCE (S256) verifier."""
        verifier = secrets.token_urlsafe(64)  # 86 characters of the RFC 7636 alphabet
        flow = self._flow(redirect_uri, code_verifier=verifier)
        state = secrets.token_urlsafe(32)
        extra = {"login_hint": login_hint} if login_hint else {}
        # offline + consent: Google sends a refresh token every time, not only on the first grant.
        url, _ = flow.authorization_url(access_type="offline", prompt="consent", include_granted_scopes="true",
                                        state=state, **extra)
        return PendingAuthorization(url, state, verifier, redirect_uri)

    async def finish(
        self, pending: PendingAuthorization, *, state: str | None, code: str | None, error: str | None = None
    ) -> GoogleGrant:
        """The grant from Google's redirect back to ``pending.redirect_uri`` (its query: state, code, error)."""
        if not state or not hmac.compare_digest(state.encode(), pending.state.encode()):
            raise AuthorizationFailed("state", "This Google sign-in does not belong to this session; start again.")
        if error:
            raise AuthorizationFailed("denied", "Google Calendar access was not granted.")
        if not code:
            raise AuthorizationFailed("code", "Google sent no authorization code; start again.")
        token = await asyncio.to_thread(self._exchange, pending, code)
        scope = token.get("scope") or ()
        granted = tuple(scope.split()) if isinstance(scope, str) else tuple(str(s) for s in scope)
        missing = [s for s in SCOPES if s not in granted]
        refresh_token = token.get("refresh_token")
        if missing or not refresh_token:
            # A grant we cannot use is handed back at once rather than left behind in the host's account.
            await self._revoke_quietly(str(refresh_token or token.get("access_token") or ""))
            if missing:
                raise AuthorizationFailed(
                    "scopes", "Google Calendar access was granted only in part; connect again and allow every item.")
            raise AuthorizationFailed("offline", "Google granted no offline access; connect again.")
        expires_at = token.get("expires_at")
        return GoogleGrant(
            access_token=str(token["access_token"]),
            refresh_token=str(refresh_token),
            expires_at=dt.datetime.fromtimestamp(float(expires_at), dt.UTC) if expires_at else None,
            scopes=granted,
        )

    async def refresh(self, grant: GoogleGrant) -> GoogleGrant:
        """A grant with a fresh access token; :class:`GrantRevoked` when Google refuses the refresh token."""
        return await asyncio.to_thread(self.refresh_now, grant)

    def refresh_now(self, grant: GoogleGrant) -> GoogleGrant:
        credentials = self.credentials(grant)
        request = google_auth_httplib2.Request(httplib2.Http(timeout=self._settings.google_timeout))
        try:
            credentials.refresh(request)  # type: ignore[no-untyped-call]
        except google.auth.exceptions.RefreshError as exc:
            raise refresh_failure(exc) from None
        except TimeoutError:
            raise ProviderTimeout("Google did not answer in time.") from None
        except (google.auth.exceptions.TransportError, OSError):
            raise ProviderUnavailable("Google could not be reached.") from None
        return grant_from(credentials, grant)

    async def revoke(self, grant: GoogleGrant) -> None:
        """End the grant on Google's side (disconnect). A grant Google no longer knows counts as ended."""
        await self._revoke_token(grant.refresh_token)

    async def _revoke_quietly(self, token: str) -> None:
        if not token:
            return
        # The authorization fails anyway; a grant we could not hand back expires unused at Google.
        with contextlib.suppress(ProviderRejected, ProviderTimeout, ProviderUnavailable):
            await self._revoke_token(token)

    async def _revoke_token(self, token: str) -> None:
        try:
            async with httpx.AsyncClient(timeout=self._settings.google_timeout) as client:
                response = await client.post(self._settings.google_revoke_uri, data={"token": token})
        except httpx.TimeoutException:
            raise ProviderTimeout("Google did not answer in time.") from None
        except httpx.HTTPError:
            raise ProviderUnavailable("Google could not be reached.") from None
        if response.status_code == 200 or (response.status_code == 400 and _oauth_error(response) == "invalid_token"):
            return
        if response.status_code >= 500:
            raise ProviderUnavailable(f"Google answered {response.status_code} to the revocation.")
        raise ProviderRejected(f"Google refused the revocation ({response.status_code}).")

    def credentials(self, grant: GoogleGrant) -> google.oauth2.credentials.Credentials:
        """google-auth credentials for ``grant`` that refresh against our token endpoint."""
        expiry = grant.expires_at.astimezone(dt.UTC).replace(tzinfo=None) if grant.expires_at else None
        return google.oauth2.credentials.Credentials(  # type: ignore[no-untyped-call]
            token=grant.access_token, refresh_token=grant.refresh_token, token_uri=self._settings.google_token_uri,
            client_id=self._client_id, client_secret=self._client_secret, scopes=list(grant.scopes),
            expiry=expiry,  # google-auth compares naive UTC datetimes
        )

    # --- internals ------------------------------------------------------------------------------

    def _flow(self, redirect_uri: str, *, code_verifier: str, state: str | None = None) -> Flow:
        config = {"web": {
            "client_id": self._client_id, "client_secret": self._client_secret,
            "auth_uri": self._settings.google_auth_uri, "token_uri": self._settings.google_token_uri,
            "redirect_uris": [redirect_uri],
        }}
        return Flow.from_client_config(
            config, scopes=list(SCOPES), redirect_uri=redirect_uri, state=state,
            code_verifier=code_verifier, autogenerate_code_verifier=False,
        )

    def _exchange(self, pending: PendingAuthorization, code: str) -> dict[str, Any]:
        flow = self._flow(pending.redirect_uri, code_verifier=pending.code_verifier, state=pending.state)
        try:
            token: dict[str, Any] = flow.fetch_token(code=code, timeout=self._settings.google_timeout)
        except Warning as changed:
            # oauthlib raises a Warning when Google granted other scopes than asked (granular consent);
            # its token is complete, and the scope check in finish() says what is missing.
            token = dict(getattr(changed, "token", {}) or {})
            token["scope"] = " ".join(getattr(changed, "new_scope", None) or [])
        except oauth_errors.InvalidGrantError:
            raise AuthorizationFailed("code", "Google did not accept this sign-in any more; start again.") from None
        except oauth_errors.OAuth2Error as exc:
            raise ProviderRejected(f"Google refused the token request ({exc.error}).") from None
        except requests.Timeout:
            raise ProviderTimeout("Google did not answer in time.") from None
        except requests.RequestException:
            raise ProviderUnavailable("Google could not be reached.") from None
        return token


def refresh_failure(exc: google.auth.exceptions.RefreshError) -> Exception:
    """The typed error for a failed refresh: revoked grant, or Google being unwell."""
    text = " ".join(str(a) for a in exc.args)
    if "invalid_grant" in text or "unauthorized_client" in text:
        return GrantRevoked()
    if isinstance(exc.__cause__, TimeoutError):
        return ProviderTimeout("Google did not answer in time.")
    return ProviderUnavailable("Google could not renew the calendar access.")


def grant_from(credentials: google.oauth2.credentials.Credentials, grant: GoogleGrant) -> GoogleGrant:
    """``grant`` with the (possibly refreshed) access token and expiry of ``credentials``."""
    expiry = credentials.expiry.replace(tzinfo=dt.UTC) if credentials.expiry else None
    return GoogleGrant(str(credentials.token), grant.refresh_token, expiry, grant.scopes)


def _oauth_error(response: httpx.Response) -> str | None:
    try:
        body = response.json()
    except ValueError:
        return None
    return str(body.get("error")) if isinstance(body, dict) else None
