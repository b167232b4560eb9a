"""Forged, tampered, expired and misplaced tokens are refused by the users service itself."""

from __future__ import annotations

from tests.helpers import bearer, create_user, login
from tests.users.forgery import claims, ed25519, forged_tokens, service_token, sign
from tests.users.support import USER_PASSWORD, assert_problem, sign_in, users_app


async def test_forged_tokens_are_refused(database_url):
    async with users_app(database_url) as (app, client):
        admin = await login(client)
        await create_user(client, admin, "sales@example.com", "sales")
        sales, refresh = await sign_in(client, "sales@example.com", USER_PASSWORD)
        ring = app.state.runtime.deps.ring

        # The forger's tools are sound: a token built the same way with the right claims works.
        control = sign(ring, claims())
        assert (await client.get("/auth/me", headers=bearer(control))).json()["role"] == "admin"
        assert (await client.get("/users", headers=bearer(control))).status_code == 200
        by_hand = ed25519(ring.private, {"alg": "EdDSA", "kid": ring.kid}, claims())
        assert (await client.get("/auth/me", headers=bearer(by_hand))).status_code == 200

        tokens = forged_tokens(ring, sales_token=sales, refresh_token=refresh)
        accepted = []
        for name, token in tokens.items():
            for path in ("/auth/me", "/users", "/auth/audit"):
                resp = await client.get(path, headers=bearer(token))
                if resp.status_code != 401:
                    accepted.append(f"{name} at {path}: {resp.status_code} {resp.text[:120]}")
                else:
                    assert_problem(resp, 401)
                    assert resp.headers["www-authenticate"] == "Bearer"
        assert not accepted, "\n".join(accepted)

        # The sales user's genuine token still works and is still only sales.
        assert (await client.get("/auth/me", headers=bearer(sales))).json()["role"] == "sales"
        assert_problem(await client.get("/users", headers=bearer(sales)), 403)


async def test_service_token_is_not_a_user(database_url):
    async with users_app(database_url) as (app, client):
        token = service_token(app.state.runtime.deps.ring)
        assert_problem(await client.get("/auth/me", headers=bearer(token)), 403, "user token")
        for path in ("/users", "/users/1", "/auth/audit", "/auth/service-clients"):
            assert_problem(await client.get(path, headers=bearer(token)), 403)
        resp = await client.post("/users", headers=bearer(token), json={
            "email": "svc@example.com", "name": "svc", "role": "admin", "password": USER_PASSWORD})
        assert_problem(resp, 403)
