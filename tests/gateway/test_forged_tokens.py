"""Forged tokens stop at the gateway (401), and every service behind it refuses them on its own too."""

from __future__ import annotations

from tests.gateway.support import direct_client, embedded
from tests.helpers import bearer, create_user, login
from tests.users.forgery import claims, forged_tokens, service_token, sign
from tests.users.support import USER_PASSWORD, assert_problem, sign_in

GATEWAY_PATHS = ("/api/auth/me", "/api/users", "/api/leads/jobs", "/api/ai/jobs")
DIRECT = {"users": ("/auth/me", "/users"), "leads": ("/leads/jobs",), "email": ("/email/jobs",)}


async def test_forged_tokens_are_refused_at_the_gateway_and_behind_it(tmp_path):
    async with embedded(tmp_path) as (app, client):
        admin = await login(client, prefix="/api")
        await create_user(client, admin, "sales@example.com", "sales", prefix="/api")
        sales, refresh = await sign_in(client, "sales@example.com", USER_PASSWORD, prefix="/api")
        ring = app.services["users"].state.runtime.deps.ring
        tokens = forged_tokens(ring, sales_token=sales, refresh_token=refresh)

        control = sign(ring, claims())
        assert (await client.get("/api/auth/me", headers=bearer(control))).json()["role"] == "admin"
        assert (await client.get("/api/leads/jobs", headers=bearer(control))).status_code == 200

        accepted = []
        for name, token in tokens.items():
            for path in GATEWAY_PATHS:
                resp = await client.get(path, headers=bearer(token))
                if resp.status_code != 401 or resp.json().get("instance") != path:
                    accepted.append(f"gateway {name} at {path}: {resp.status_code} {resp.text[:120]}")
                else:
                    assert_problem(resp, 401)
                    assert resp.headers["www-authenticate"] == "Bearer"
        for service, paths in DIRECT.items():
            async with direct_client(app.services[service]) as direct:
                assert (await direct.get(paths[0], headers=bearer(control))).status_code == 200, service
                for name, token in tokens.items():
                    for path in paths:
                        resp = await direct.get(path, headers=bearer(token))
                        if resp.status_code != 401:
                            accepted.append(f"{service} {name} at {path}: {resp.status_code} {resp.text[:120]}")
                        else:
                            assert_problem(resp, 401)
        assert not accepted, "\n".join(accepted)


async def test_service_tokens_do_not_pass_the_gateway(tmp_path):
    async with embedded(tmp_path) as (app, client):
        ring = app.services["users"].state.runtime.deps.ring
        token = service_token(ring)
        for path in GATEWAY_PATHS:
            assert_problem(await client.get(path, headers=bearer(token)), 401, "not accepted")
        # Straight at the services, it is a valid token but not a user's.
        async with direct_client(app.services["users"]) as users:
            assert_problem(await users.get("/auth/me", headers=bearer(token)), 403)
            assert_problem(await users.get("/users", headers=bearer(token)), 403)
