"""Who may call what: the route table, the public list, role policies and demo-mode blocks.

Everything under /api needs a token unless it is listed in PUBLIC_ROUTES; the gateway checks
roles here and each service checks them again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


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
    rule("POST", r"/api/auth/token"),
    rule("GET HEAD", r"/api/auth/jwks"),
    rule("GET HEAD", r"/api/[a-z]+/healthz"),
    # The booking page, unsubscribe and tracking links are opened by leads, who have no account.
    rule("GET HEAD POST", r"/api/calendar/public/.*"),
    rule("GET HEAD POST", r"/api/email/(unsubscribe|t)/.*"),
)

# Role policies, first match wins; routes not listed are open to every signed-in role.
ROLE_RULES: tuple[tuple[Rule, frozenset[str]], ...] = (
    (rule(None, r"/api/users(/.*)?"), frozenset({"admin"})),
    (rule(None, r"/api/auth/(audit|service-clients)(/.*)?"), frozenset({"admin"})),
)

# What the demo role may change; everything else it may only read.
DEMO_ROLE_WRITES = (
    rule("POST", r"/api/auth/me/password"),
    rule("POST PATCH", r"/api/leads/(companies|contacts)(/[0-9]+)?(/notes)?"),
)

# Switched off for everyone while OUTBOUND_DEMO_MODE is on.
DEMO_MODE_BLOCKED = (
    rule("POST PUT PATCH DELETE", r"/api/ai/.*"),
    rule("POST", r"/api/email/campaigns/[^/]+/(start|stop|resume|pause)"),
    rule("POST PUT PATCH DELETE", r"/api/users(/.*)?"),
    rule("POST DELETE", r"/api/auth/service-clients(/.*)?"),
)


def is_public(method: str, path: str) -> bool:
    return any(r.matches(method, path) for r in PUBLIC_ROUTES)


def role_allowed(role: str | None, method: str, path: str) -> bool:
    for r, roles in ROLE_RULES:
        if r.matches(method, path):
            return role in roles
    if role == "demo" and method not in READ_METHODS:
        return any(r.matches(method, path) for r in DEMO_ROLE_WRITES)
    return role in ("admin", "sales", "demo")


def demo_mode_blocks(method: str, path: str) -> bool:
    return any(r.matches(method, path) for r in DEMO_MODE_BLOCKED)
