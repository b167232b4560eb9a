"""The public demo's rules, stated once: the gateway and every service read this table.

Every write route (any method but GET, HEAD and OPTIONS) carries two decisions:

- ``in_demo_mode``: may it run while ``OUTBOUND_DEMO_MODE`` is on, for everyone? CRM edits may;
  anything with an effect outside the CRM (AI calls, crawling, sending, campaign start and stop,
  mailbox and calendar connections) and the administration of accounts, service clients and
  settings may not.
- ``demo_role``: may the ``demo`` role make it (in any mode)?

Both are allow-lists: a write that matches no entry is refused, so a route added later, or a path
spelled in a way no rule foresaw, is switched off rather than let through. Refused routes are
listed too, so that every write route in the product has a visible decision (a test fails on a new
write route that has none).

Paths are the services' own (``/leads/companies/1``); the gateway drops ``/api`` before asking.
A pattern matches the whole path and each placeholder one segment (``[^/]+``), so no rule relies
on ``.`` or ``$`` and their blind spot for a trailing newline; a path holding a control character
is refused before any rule is consulted (:func:`has_control_characters`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from .auth import bearer_token
from .errors import PROBLEM_JSON, AppError, problem_body
from .logging import printable_path

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
DEMO_MODE_REFUSAL = "This is switched off in the public demo."
# The problem type of a demo refusal (urn:outbound:problem:demo-disabled): the SPA says so kindly.
DEMO_REFUSAL_CODE = "demo-disabled"
DEMO_ROLE_REFUSAL = "The demo account cannot change data."
CONTROL_REFUSAL = "The path holds a control character."

# C0 controls, DEL and C1 controls: none belongs in a path, and each can end or forge a log line.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_BYTES = re.compile(b"[\x00-\x1f\x7f]|%[01][0-9a-fA-F]|%7[fF]|%[cC]2%[89][0-9a-fA-F]")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)(\*?)\}")


def has_control_characters(path: str, raw_path: bytes | None = None) -> bool:
    """True when the decoded path or the raw one (percent-encoded or not) holds a control character."""
    return bool(_CONTROL.search(path)) or (raw_path is not None and bool(_CONTROL_BYTES.search(raw_path)))


def is_write(method: str) -> bool:
    return method not in READ_METHODS


def path_pattern(template: str) -> re.Pattern[str]:
    """``/leads/companies/{id}/notes`` → a pattern for whole paths; ``{rest*}`` is one or more segments."""
    out, pos = [], 0
    for m in _PLACEHOLDER.finditer(template):
        out.append(re.escape(template[pos:m.start()]))
        out.append("[^/]+(?:/[^/]+)*" if m.group(2) else "[^/]+")
        pos = m.end()
    out.append(re.escape(template[pos:]))
    return re.compile("".join(out))


@dataclass(frozen=True)
class WriteRoute:
    """One write route's decisions; ``template`` is how the table names it."""

    methods: frozenset[str]
    template: str
    in_demo_mode: bool
    demo_role: bool
    pattern: re.Pattern[str]

    def matches(self, method: str, path: str) -> bool:
        return method in self.methods and self.pattern.fullmatch(path) is not None


def write(methods: str, template: str, *, demo_mode: bool, demo_role: bool = False) -> WriteRoute:
    return WriteRoute(frozenset(methods.split()), template, demo_mode, demo_role, path_pattern(template))


ALLOWED, REFUSED = True, False

WRITE_ROUTES: tuple[WriteRoute, ...] = (
    # --- users: signing in works; accounts, service clients and passwords are administration ---------
    write("POST", "/auth/login", demo_mode=ALLOWED, demo_role=True),
    write("POST", "/auth/refresh", demo_mode=ALLOWED, demo_role=True),
    write("POST", "/auth/logout", demo_mode=ALLOWED, demo_role=True),
    write("POST", "/auth/demo", demo_mode=ALLOWED, demo_role=True),
    # Services trade their credentials for tokens here; without it nothing works, demo or not.
    write("POST", "/auth/token", demo_mode=ALLOWED),
    # The demo role may change its own password, but not the shared account of the public demo.
    write("POST", "/auth/me/password", demo_mode=REFUSED, demo_role=True),
    # The sender profile is a setting (it signs every draft and mail): settings are off in the public demo.
    write("PUT", "/auth/me/sender-profile", demo_mode=REFUSED),
    write("POST", "/auth/service-clients", demo_mode=REFUSED),
    write("DELETE", "/auth/service-clients/{client_id}", demo_mode=REFUSED),
    write("POST", "/users", demo_mode=REFUSED),
    write("PATCH", "/users/{user_id}", demo_mode=REFUSED),
    write("POST", "/users/{user_id}/password", demo_mode=REFUSED),
    # --- leads: CRM edits work; crawling and finder jobs reach the outside world ------------------------
    write("POST", "/leads/companies", demo_mode=ALLOWED, demo_role=True),
    write("PATCH", "/leads/companies/{company_id}", demo_mode=ALLOWED, demo_role=True),
    write("DELETE", "/leads/companies/{company_id}", demo_mode=ALLOWED),
    write("POST", "/leads/companies/{company_id}/merge", demo_mode=ALLOWED),
    write("POST", "/leads/companies/{company_id}/notes", demo_mode=ALLOWED, demo_role=True),
    write("POST", "/leads/companies/import", demo_mode=ALLOWED),
    write("POST", "/leads/contacts", demo_mode=ALLOWED, demo_role=True),
    # A read sent as POST (500 ids in a body): it writes nothing.
    write("POST", "/leads/contacts/reach", demo_mode=ALLOWED, demo_role=True),
    write("PATCH", "/leads/contacts/{contact_id}", demo_mode=ALLOWED, demo_role=True),
    write("DELETE", "/leads/contacts/{contact_id}", demo_mode=ALLOWED),
    write("POST", "/leads/contacts/{contact_id}/merge", demo_mode=ALLOWED),
    write("POST", "/leads/contacts/{contact_id}/notes", demo_mode=ALLOWED, demo_role=True),
    # A saved filter is a CRM list view (and a campaign's audience, still a draft): it reaches nobody.
    write("POST", "/leads/saved-filters", demo_mode=ALLOWED, demo_role=True),
    write("DELETE", "/leads/saved-filters/{filter_id}", demo_mode=ALLOWED),
    # Services record timeline entries (a booking from the public page ends up here).
    write("POST", "/leads/activities", demo_mode=ALLOWED),
    write("POST", "/leads/finder", demo_mode=REFUSED),
    write("POST", "/leads/finder/csv", demo_mode=REFUSED),
    write("POST", "/leads/finder/{job_id}/import", demo_mode=REFUSED),
    write("POST", "/leads/finder/{job_id}/results/{result_id}/retry", demo_mode=REFUSED),
    # Another service (enrichment) asking for a crawl of the internet.
    write("POST", "/leads/extract", demo_mode=REFUSED),
    # Cancelling stops work and reaches nobody; retrying would crawl again.
    write("POST", "/leads/jobs/{job_id}/cancel", demo_mode=ALLOWED),
    write("POST", "/leads/jobs/{job_id}/retry", demo_mode=REFUSED),
    # --- ai: every write calls a model or changes the prompts (settings) --------------------------------
    write("POST", "/ai/enrich/batch", demo_mode=REFUSED),
    write("POST", "/ai/enrich/company/{company_id}", demo_mode=REFUSED),
    write("POST", "/ai/enrich/preview", demo_mode=REFUSED),
    write("POST", "/ai/personalise", demo_mode=REFUSED),
    write("POST", "/ai/write/email", demo_mode=REFUSED),
    write("POST", "/ai/write/improve", demo_mode=REFUSED),
    write("POST", "/ai/classify-reply", demo_mode=REFUSED),
    write("POST", "/ai/prompts", demo_mode=REFUSED),
    write("PUT", "/ai/prompts/{name}", demo_mode=REFUSED),
    write("POST", "/ai/prompts/{name}/activate", demo_mode=REFUSED),
    write("POST", "/ai/jobs/{job_id}/cancel", demo_mode=REFUSED),
    write("POST", "/ai/jobs/{job_id}/retry", demo_mode=REFUSED),
    # --- email: campaigns that start sending are off; mailboxes are connections (settings) ---------------
    write("POST", "/email/campaigns/{campaign_id}/start", demo_mode=REFUSED),
    write("POST", "/email/campaigns/{campaign_id}/pause", demo_mode=REFUSED),
    write("POST", "/email/campaigns/{campaign_id}/resume", demo_mode=REFUSED),
    write("POST", "/email/campaigns/{campaign_id}/stop", demo_mode=REFUSED),
    write("POST", "/email/mailboxes", demo_mode=REFUSED),
    write("PATCH", "/email/mailboxes/{mailbox_id}", demo_mode=REFUSED),
    write("DELETE", "/email/mailboxes/{mailbox_id}", demo_mode=REFUSED),
    # Testing connects to a server outside the product; resuming lets a paused mailbox send again.
    write("POST", "/email/mailboxes/{mailbox_id}/test", demo_mode=REFUSED),
    write("POST", "/email/mailboxes/{mailbox_id}/resume", demo_mode=REFUSED),
    # Drafting (templates, campaigns that have not started) reaches nobody.
    write("POST", "/email/templates", demo_mode=ALLOWED, demo_role=True),
    write("PATCH", "/email/templates/{template_id}", demo_mode=ALLOWED, demo_role=True),
    write("DELETE", "/email/templates/{template_id}", demo_mode=ALLOWED, demo_role=True),
    # A preview renders a template for a contact and saves nothing.
    write("POST", "/email/templates/{template_id}/preview", demo_mode=ALLOWED, demo_role=True),
    write("POST", "/email/campaigns", demo_mode=ALLOWED, demo_role=True),
    # The live count of an audience being built reads and saves nothing.
    write("POST", "/email/campaigns/audience-preview", demo_mode=ALLOWED, demo_role=True),
    write("PATCH", "/email/campaigns/{campaign_id}", demo_mode=ALLOWED, demo_role=True),
    write("DELETE", "/email/campaigns/{campaign_id}", demo_mode=ALLOWED, demo_role=True),
    # Resending mails someone again; discarding only records that it will not be.
    write("POST", "/email/messages/{message_id}/resend", demo_mode=REFUSED),
    write("POST", "/email/messages/{message_id}/discard", demo_mode=ALLOWED),
    # The calendar's confirmations (in the demo, to the local catcher) and its sequence stops.
    write("POST", "/email/transactional", demo_mode=ALLOWED),
    write("POST", "/email/contacts/{contact_id}/stop", demo_mode=ALLOWED),
    # Leads unsubscribe from a link in a mail, without an account; it only ever sends less.
    write("POST", "/email/unsubscribe/{token}", demo_mode=ALLOWED),
    # What comes back (emailin): reviewing AI lines and keeping the suppression list are CRM edits; making
    # AI lines calls a model; lifting a suppression is an admin's decision the demo does not need.
    write("POST", "/email/campaigns/{campaign_id}/ai-lines", demo_mode=REFUSED),
    write("PATCH", "/email/ai-lines/{line_id}", demo_mode=ALLOWED, demo_role=True),
    # Answers to interested replies: sending reaches a real person; discarding a draft is a CRM edit.
    write("POST", "/email/drafts/{draft_id}/send", demo_mode=REFUSED),
    write("DELETE", "/email/drafts/{draft_id}", demo_mode=ALLOWED),
    write("POST", "/email/suppressions", demo_mode=ALLOWED),
    write("POST", "/email/suppressions/import", demo_mode=ALLOWED),
    write("DELETE", "/email/suppressions/{suppression_id}", demo_mode=REFUSED),
    write("POST", "/email/jobs/{job_id}/cancel", demo_mode=ALLOWED),
    write("POST", "/email/jobs/{job_id}/retry", demo_mode=REFUSED),
    # --- calendar: leads book on the public page (the demo's showcase); hours and connections are settings --
    write("POST", "/calendar/public/{rest*}", demo_mode=ALLOWED),
    write("PUT", "/calendar/availability", demo_mode=REFUSED),
    # Tries rules without saving them.
    write("POST", "/calendar/availability/preview", demo_mode=ALLOWED),
    write("POST", "/calendar/pages", demo_mode=ALLOWED),
    write("PATCH", "/calendar/pages/{page_id}", demo_mode=ALLOWED),
    write("DELETE", "/calendar/pages/{page_id}", demo_mode=ALLOWED),
    write("POST", "/calendar/pages/{page_id}/rotate-link", demo_mode=ALLOWED),
    # People and the e-mail service make leads' personal links.
    write("POST", "/calendar/links", demo_mode=ALLOWED),
    # The lead's cancellation goes out like a booking's confirmation (in the demo, to the local catcher).
    write("POST", "/calendar/bookings/{booking_id}/cancel", demo_mode=ALLOWED),
    write("POST", "/calendar/google/connect", demo_mode=REFUSED),
    write("POST", "/calendar/google/callback", demo_mode=REFUSED),
    write("PUT", "/calendar/google/calendars", demo_mode=REFUSED),
    write("POST", "/calendar/google/disconnect", demo_mode=REFUSED),
    # The secret feed hands the bookings to calendar apps outside the product.
    write("POST", "/calendar/feed", demo_mode=REFUSED),
    write("DELETE", "/calendar/feed", demo_mode=REFUSED),
    write("POST", "/calendar/jobs/{job_id}/cancel", demo_mode=ALLOWED),
    write("POST", "/calendar/jobs/{job_id}/retry", demo_mode=REFUSED),
)


def decision(method: str, path: str, routes: Iterable[WriteRoute] = WRITE_ROUTES) -> WriteRoute | None:
    """The table's entry for a write, or None when it has none (and is therefore refused)."""
    return next((r for r in routes if r.matches(method, path)), None)


def demo_mode_allows(method: str, path: str) -> bool:
    """May this request run while demo mode is on? Reads always; writes only when listed as allowed."""
    if not is_write(method):
        return True
    entry = decision(method, path)
    return entry is not None and entry.in_demo_mode and not has_control_characters(path)


def demo_role_allows(method: str, path: str) -> bool:
    """May the demo role make this request? Reads always; writes only when listed for it."""
    if not is_write(method):
        return True
    entry = decision(method, path)
    return entry is not None and entry.demo_role and not has_control_characters(path)


# --- every service's own check ---------------------------------------------------------------------
class ServicePolicy:
    """ASGI middleware: a service reached without the gateway applies the same rules.

    Control characters in the path → 400; a write demo mode does not allow → 403; a write by a
    verified demo-role token that the table does not allow the demo role → 403. Tokens that fail
    verification pass on untouched: the route's own dependency answers them with 401.
    """

    def __init__(self, app: ASGIApp, *, demo_mode: bool) -> None:
        self.app = app
        self.demo_mode = demo_mode

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        method: str = scope["method"]
        if has_control_characters(path, scope.get("raw_path")):
            await send_problem(send, 400, CONTROL_REFUSAL, printable_path(path))
            return
        if is_write(method):
            if self.demo_mode and not demo_mode_allows(method, path):
                await send_problem(send, 403, DEMO_MODE_REFUSAL, path, code=DEMO_REFUSAL_CODE)
                return
            if not demo_role_allows(method, path) and await _is_demo_role(scope):
                await send_problem(send, 403, DEMO_ROLE_REFUSAL, path, code=DEMO_REFUSAL_CODE)
                return
        await self.app(scope, receive, send)


async def _is_demo_role(scope: Scope) -> bool:
    authorization = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"authorization"), None)
    verifier = getattr(getattr(scope.get("app"), "state", None), "verifier", None)
    if authorization is None or verifier is None:
        return False
    try:
        principal = await verifier.verify(bearer_token(authorization))
    except AppError:
        return False
    return bool(principal.role == "demo" and not principal.is_service)


async def send_problem(send: Send, status: int, detail: str, instance: str,
                       headers: list[tuple[bytes, bytes]] | None = None, *, code: str | None = None) -> None:
    body: dict[str, Any] = problem_body(status, detail, code=code, instance=instance[:200])
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", PROBLEM_JSON.encode()), (b"content-length", str(len(data)).encode()),
        *(headers or [])]})
    await send({"type": "http.response.body", "body": data})
