"""The kit's service-side policy middleware on its own: a route that forgets to refuse is still covered.

The services' routes refuse the demo role by themselves too, so through them one cannot tell whether
the middleware did; here the routes refuse nobody, and tokens are real (signed, verified by the kit).
"""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI

from services.kit.auth import TokenVerifier
from services.kit.policy import ServicePolicy
from services.users.keys import KeyRing, generate_private_pem
from tests.users.support import assert_problem

RING = KeyRing.from_pems(generate_private_pem())
OTHER_RING = KeyRing.from_pems(generate_private_pem())


def token(role: str | None, ring: KeyRing = RING, typ: str = "access") -> dict[str, str]:
    claims: dict[str, Any] = {"sub": "7" if typ == "access" else "svc:ai", "typ": typ}
    if role:
        claims["role"] = role
    return {"authorization": "Bearer " + ring.sign(claims, 300, issuer="outbound-users", audience="outbound")}


def open_app(*, demo_mode: bool) -> FastAPI:
    """Routes that check nothing: whatever is refused here, the middleware refused."""
    app = FastAPI()

    async def keys() -> dict[str, Any]:
        return RING.jwks()

    app.state.verifier = TokenVerifier(keys, issuer="outbound-users", audience="outbound")

    async def ok() -> dict[str, bool]:
        return {"ok": True}

    for path in ("/leads/companies", "/leads/companies/import", "/ai/write/email", "/users/{user_id}"):
        app.add_api_route(path, ok, methods=["GET", "POST", "PATCH"])
    app.add_middleware(ServicePolicy, demo_mode=demo_mode)
    return app


async def test_the_demo_role_writes_only_what_the_table_lets_it() -> None:
    transport = httpx.ASGITransport(app=open_app(demo_mode=False))
    async with httpx.AsyncClient(transport=transport, base_url="http://service") as c:
        assert (await c.post("/leads/companies", headers=token("demo"))).status_code == 200
        assert_problem(await c.post("/leads/companies/import", headers=token("demo")), 403, "demo account")
        assert_problem(await c.patch("/users/2", headers=token("demo")), 403, "demo account")
        assert (await c.get("/leads/companies/import", headers=token("demo"))).status_code == 200
        # Other roles and services are not the middleware's business outside demo mode.
        assert (await c.post("/leads/companies/import", headers=token("sales"))).status_code == 200
        assert (await c.post("/leads/companies/import", headers=token(None, typ="service"))).status_code == 200
        # A token that does not verify is left to the route (which answers 401 in a real service).
        assert (await c.post("/leads/companies/import", headers=token("demo", OTHER_RING))).status_code == 200


async def test_demo_mode_allows_only_listed_writes_for_everyone() -> None:
    transport = httpx.ASGITransport(app=open_app(demo_mode=True))
    async with httpx.AsyncClient(transport=transport, base_url="http://service") as c:
        for headers in (token("admin"), token(None, typ="service"), {}):
            assert_problem(await c.post("/ai/write/email", headers=headers), 403, "switched off in the public demo")
            assert_problem(await c.patch("/users/2", headers=headers), 403, "switched off")
            assert (await c.post("/leads/companies", headers=headers)).status_code == 200
            assert (await c.get("/ai/write/email", headers=headers)).status_code == 200
        assert_problem(await c.post("/leads/companies/", headers=token("admin")), 403)  # unlisted spelling


async def test_control_characters_are_refused_before_any_route() -> None:
    transport = httpx.ASGITransport(app=open_app(demo_mode=False))
    async with httpx.AsyncClient(transport=transport, base_url="http://service") as c:
        for path in ("/leads/companies%0a", "/leads/companies%00", "/leads/%09companies", "/leads/companies%7F",
                     "/leads/companies%C2%85"):
            body = assert_problem(await c.get(path, headers=token("admin")), 400, "control character")
            assert not any(ch in body["instance"] for ch in "\n\x00\t\x7f\x85")
