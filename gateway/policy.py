"""Who may call what: the route table, the public list and role policies.

Everything under /api needs a token unless it is listed in PUBLIC_ROUTES; the gateway checks
roles here and each service checks them again. What the public demo allows (demo mode, the demo
role) is one table in services/kit/policy.py that the services read too.

Patterns match whole paths and are built from ``[^/]`` segments, never ``.``: the gateway refuses
paths with control characters before it gets here, and no rule depends on that alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.kit.policy import READ_METHODS, demo_mode_allows, demo_role_allows

# /api/<prefix>/… goes to the service owning <prefix>, at /<prefix>/….
PREFIXES: dict[str, str] = {
    "auth": "users",
    "users": "users",
    "leads": "leads",
    "ai": "ai",
    "email": "email",
    "calendar": "calendar",
}
SERVICES = ("users", "leads", "ai", "email", "calendar")
HEALTH_PATHS = {"users": "/auth/healthz", "leads": "/leads/healthz", "ai": "/ai/healthz",
                "email": "/email/healthz", "calendar": "/calendar/healthz"}


@dataclass(frozen=True)
class Rule:
    methods: frozenset[str] | None  # None: any method
    pattern: re.Pattern[str]

    def matches(self, method: str, path: str) -> bool:
        return (self.methods is None or method in self.methods) and bool(self.pattern.fullmatch(path))


def rule(methods: str | None, pattern: str) -> Rule:
    return Rule(frozenset(methods.split()) if methods else None, re.compile(pattern))


# Reachable without a token (paths as the browser sends them, with /api).
PUBLIC_ROUTES = (
    rule("POST", r"/api/auth/login"),
    rule("POST", r"/api/auth/refresh"),
    rule("POST", r"/api/auth/logout"),
    # The public demo's "Enter the demo" and its banner (the users service answers 404 outside demo mode).
    rule("GET HEAD POST", r"/api/auth/demo"),
    rule("POST", r"/api/auth/token"),
    rule("GET HEAD", r"/api/auth/jwks"),
    rule("GET HEAD", r"/api/[a-z]+/healthz"),
    # The booking page, unsubscribe and tracking links are opened by leads, who have no account.
    rule("GET HEAD POST", r"/api/calendar/public/[^/]+(?:/[^/]+)*"),
    rule("GET HEAD POST", r"/api/email/(?:unsubscribe|t)/[^/]+(?:/[^/]+)*"),
)

# Role policies, first match wins; routes not listed are open to every signed-in role.
# ``(?:/[^/]*)*`` takes any tail, empty segments included, so no spelling slips past a prefix.
ROLE_RULES: tuple[tuple[Rule, frozenset[str]], ...] = (
    (rule(None, r"/api/users(?:/[^/]*)*"), frozenset({"admin"})),
    (rule(None, r"/api/auth/(?:audit|service-clients)(?:/[^/]*)*"), frozenset({"admin"})),
    # Campaigns start, pause, resume and stop, and the ledger's resend/discard decisions, by admins only.
    (rule("POST", r"/api/email/campaigns/[^/]+/(?:start|pause|resume|stop)(?:/[^/]*)*"), frozenset({"admin"})),
    (rule("POST", r"/api/email/messages/[^/]+/(?:resend|discard)(?:/[^/]*)*"), frozenset({"admin"})),
)


def is_public(method: str, path: str) -> bool:
    return any(r.matches(method, path) for r in PUBLIC_ROUTES)


def role_allowed(role: str | None, method: str, path: str) -> bool:
    for r, roles in ROLE_RULES:
        if r.matches(method, path):
            return role in roles
    if role == "demo" and method not in READ_METHODS:
        return demo_role_allows(method, service_path(path))
    return role in ("admin", "sales", "demo")


def demo_mode_blocks(method: str, path: str) -> bool:
    """True when demo mode switches this request off (the kit's allow-list, asked with the service's path)."""
    return not demo_mode_allows(method, service_path(path))


def service_path(path: str) -> str:
    """``/api/leads/companies`` → ``/leads/companies``: the path the service itself sees."""
    return path[4:] if path.startswith("/api/") else path
