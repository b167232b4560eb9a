"""Account administration, role checks, the audit log and service credentials, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio

import jwt

from tests.conftest import ADMIN_EMAIL
from tests.helpers import SERVICE_SECRET, bearer, create_user, login
from tests.users.support import USER_PASSWORD, assert_problem, refresh_with, sign_in, users_app


async def test_list_search_and_paginate(database_url):
    async with users_app(database_url) as (_app, client):
        admin = await login(client)
        for name in ("alice", "bob", "carol", "alina"):
            await create_user(client, admin, f"{name}@example.com", "sales")

        page = (await client.get("/users", params={"limit": 2, "offset": 0}, headers=bearer(admin))).json()
        assert page["total"] == 5 and page["limit"] == 2 and page["offset"] == 0
        assert [u["email"] for u in page["items"]] == [ADMIN_EMAIL, "alice@example.com"]
        page = (await client.get("/users", params={"limit": 2, "offset": 4}, headers=bearer(admin))).json()
        assert [u["email"] for u in page["items"]] == ["alina@example.com"]
        assert set(page["items"][0]) == {"id", "email", "name", "role", "is_active", "created_at", "last_login_at"}

        found = (await client.get("/users", params={"q": "ALI"}, headers=bearer(admin))).json()
        assert found["total"] == 2
        assert {u["email"] for u in found["items"]} == {"alice@example.com", "alina@example.com"}
        assert (await client.get("/users", params={"q": "nobody"}, headers=bearer(admin))).json()["total"] == 0

        one = await client.get("/users/2", headers=bearer(admin))
        assert one.status_code == 200 and one.json()["email"] == "alice@example.com"
        assert_problem(await client.get("/users/999", headers=bearer(admin)), 404)
        assert_problem(await client.get("/users/0", headers=bearer(admin)), 422)
        assert_problem(await client.get("/users", params={"limit": 0}, headers=bearer(admin)), 422)
        assert_problem(await client.get("/users", params={"limit": 501}, headers=bearer(admin)), 422)


async def test_create_rejects_duplicates_and_weak_input(database_url):
    async with users_app(database_url) as (_app, client):
        admin = await login(client)
        created = await create_user(client, admin, "dup@example.com", "sales")
        assert created["role"] == "sales" and created["is_active"] is True
        assert "password" not in created and "password_hash" not in created

        resp = await client.post("/users", headers=bearer(admin), json={
            "email": "DUP@example.com", "name": "Again", "role": "sales", "password": USER_PASSWORD})
        assert_problem(resp, 409, "exists already")

        resp = await client.post("/users", headers=bearer(admin), json={
            "email": "short@example.com", "name": "Short", "role": "sales", "password": "short"})
        body = assert_problem(resp, 422)
        assert any(err["loc"][-1] == "password" for err in body["errors"]), body

        for bad in ({"email": "not-an-email", "name": "x", "password": USER_PASSWORD},
                    {"email": "role@example.com", "name": "x", "password": USER_PASSWORD, "role": "root"},
                    {"email": "blank@example.com", "name": "x", "password": " " * 12},
                    {"email": "noname@example.com", "name": "", "password": USER_PASSWORD}):
            body = assert_problem(await client.post("/users", headers=bearer(admin), json=bad), 422)
            assert body["errors"], body
        assert (await client.get("/users", headers=bearer(admin))).json()["total"] == 2


async def test_simultaneous_creates_of_one_email(database_url):
    async with users_app(database_url) as (_app, client):
        admin = await login(client)
        payload = {"email": "race@example.com", "name": "Race", "role": "sales", "password": USER_PASSWORD}
        results = await asyncio.gather(*(client.post("/users", headers=bearer(admin), json=payload)
                                         for _ in range(3)))
        statuses = sorted(r.status_code for r in results)
        assert statuses == [201, 409, 409], [r.text for r in results]


async def test_patch_role_and_active_and_reset_password(database_url):
    async with users_app(database_url) as (_app, client):
        admin = await login(client)
        user = await create_user(client, admin, "pat@example.com", "sales")
        uid = user["id"]

        resp = await client.patch(f"/users/{uid}", json={"role": "demo", "name": "  Pat  "}, headers=bearer(admin))
        assert resp.status_code == 200
        assert resp.json()["role"] == "demo" and resp.json()["name"] == "Pat"
        resp = await client.patch(f"/users/{uid}", json={"is_active": False}, headers=bearer(admin))
        assert resp.json()["is_active"] is False
        resp = await client.patch(f"/users/{uid}", json={"is_active": True, "role": "sales"}, headers=bearer(admin))
        assert resp.json()["is_active"] is True and resp.json()["role"] == "sales"
        assert_problem(await client.patch(f"/users/{uid}", json={"role": "root"}, headers=bearer(admin)), 422)
        assert_problem(await client.patch("/users/999", json={"name": "x"}, headers=bearer(admin)), 404)

        # Reset: the old sessions end, the old password stops working, the new one works.
        access, raw = await sign_in(client, "pat@example.com", USER_PASSWORD)
        resp = await client.post(f"/users/{uid}/password", json={"password": "brand new password"},
                                 headers=bearer(admin))
        assert resp.status_code == 204
        assert_problem(await refresh_with(client, raw), 401)
        assert_problem(await client.post("/auth/login", json={"email": "pat@example.com",
                                                               "password": USER_PASSWORD}), 401)
        await login(client, "pat@example.com", "brand new password")
        assert_problem(await client.post(f"/users/{uid}/password", json={"password": "short"},
                                         headers=bearer(admin)), 422)

        # Changing your own password needs the current one and also ends your other sessions.
        access, raw = await sign_in(client, "pat@example.com", "brand new password")
        resp = await client.post("/auth/me/password", headers=bearer(access),
                                 json={"current_password": "wrong", "new_password": "another password 1"})
        assert_problem(resp, 422)
        resp = await client.post("/auth/me/password", headers=bearer(access),
                                 json={"current_password": "brand new password", "new_password": "another password 1"})
        assert resp.status_code == 204
        assert_problem(await refresh_with(client, raw), 401)
        await login(client, "pat@example.com", "another password 1")


async def test_last_active_admin_cannot_be_demoted_or_deactivated(database_url):
    async with users_app(database_url) as (_app, client):
        admin = await login(client)
        assert_problem(await client.patch("/users/1", json={"role": "sales"}, headers=bearer(admin)), 409)
        assert_problem(await client.patch("/users/1", json={"is_active": False}, headers=bearer(admin)), 409)
        assert_problem(await client.patch("/users/1", json={"role": "demo", "is_active": False},
                                          headers=bearer(admin)), 409)
        me = await client.get("/auth/me", headers=bearer(admin))
        assert me.json()["role"] == "admin"

        # With a second admin the first may step down; then the second is the last one.
        second = await create_user(client, admin, "second@example.com", "admin")
        resp = await client.patch("/users/1", json={"role": "sales"}, headers=bearer(admin))
        assert resp.status_code == 200 and resp.json()["role"] == "sales"
        token2 = await login(client, "second@example.com", USER_PASSWORD)
        sid = second["id"]
        assert_problem(await client.patch(f"/users/{sid}", json={"is_active": False}, headers=bearer(token2)), 409)
        # An inactive admin does not count as the spare one.
        third = await create_user(client, token2, "third@example.com", "admin")
        await client.patch(f"/users/{third['id']}", json={"is_active": False}, headers=bearer(token2))
        assert_problem(await client.patch(f"/users/{sid}", json={"role": "sales"}, headers=bearer(token2)), 409)


async def test_sales_and_demo_are_refused_on_admin_routes(database_url):
    async with users_app(database_url) as (_app, client):
        admin = await login(client)
        for role in ("sales", "demo"):
            user = await create_user(client, admin, f"{role}@example.com", role)
            token = await login(client, user["email"], USER_PASSWORD)
            calls = [
                ("GET", "/users", None),
                ("POST", "/users", {"email": f"new-{role}@example.com", "name": "n", "role": "admin",
                                    "password": USER_PASSWORD}),
                ("GET", "/users/1", None),
                ("PATCH", "/users/1", {"role": "sales"}),
                ("PATCH", f"/users/{user['id']}", {"role": "admin"}),
                ("POST", "/users/1/password", {"password": "taken over 12345"}),
                ("GET", "/auth/audit", None),
                ("GET", "/auth/service-clients", None),
                ("POST", "/auth/service-clients", {"client_id": f"evil-{role}", "name": "x", "scopes": ["a"]}),
                ("DELETE", "/auth/service-clients/leads", None),
            ]
            for method, path, body in calls:
                resp = await client.request(method, path, json=body, headers=bearer(token))
                assert_problem(resp, 403)
            me = (await client.get("/auth/me", headers=bearer(token))).json()
            assert me["role"] == role
        # Nothing of the above happened.
        users = (await client.get("/users", headers=bearer(admin))).json()
        assert users["total"] == 3
        assert (await client.get("/users/1", headers=bearer(admin))).json()["role"] == "admin"
        clients = (await client.get("/auth/service-clients", headers=bearer(admin))).json()
        assert not any(c["client_id"].startswith("evil") for c in clients)
        assert next(c for c in clients if c["client_id"] == "leads")["is_active"] is True
        await login(client)  # the admin password was not reset


async def test_audit_log_records_and_filters(database_url):
    async with users_app(database_url) as (_app, client):
        admin = await login(client)
        await client.post("/auth/login", json={"email": ADMIN_EMAIL, "password": "wrong"},
                          headers={"x-forwarded-for": "198.51.100.9"})
        user = await create_user(client, admin, "aud@example.com", "sales")
        await client.patch(f"/users/{user['id']}", json={"role": "demo"}, headers=bearer(admin))

        everything = (await client.get("/auth/audit", params={"limit": 100}, headers=bearer(admin))).json()
        events = [e["event"] for e in everything["items"]]
        for expected in ("login.ok", "login.failed", "user.created", "user.role_changed"):
            assert expected in events, events
        ids = [e["id"] for e in everything["items"]]
        assert ids == sorted(ids, reverse=True)  # newest first
        assert everything["total"] == len(everything["items"])

        failed = (await client.get("/auth/audit", params={"event": "login.failed"}, headers=bearer(admin))).json()
        assert failed["total"] == 1
        assert failed["items"][0]["ip"] == "198.51.100.9"
        assert failed["items"][0]["email"] == ADMIN_EMAIL

        changed = (await client.get("/auth/audit", params={"event": "user.role_changed"},
                                    headers=bearer(admin))).json()["items"]
        assert len(changed) == 1
        assert changed[0]["user_id"] == user["id"]
        assert changed[0]["detail"] == {"by": ADMIN_EMAIL, "old": "sales", "new": "demo"}

        mine = (await client.get("/auth/audit", params={"user_id": user["id"]}, headers=bearer(admin))).json()
        assert {e["event"] for e in mine["items"]} == {"user.created", "user.role_changed"}
        paged = (await client.get("/auth/audit", params={"limit": 1, "offset": 1}, headers=bearer(admin))).json()
        assert len(paged["items"]) == 1 and paged["items"][0]["id"] == ids[1]


async def test_service_credentials(database_url):
    async with users_app(database_url) as (_app, client):
        admin = await login(client)
        resp = await client.post("/auth/service-clients", headers=bearer(admin), json={
            "client_id": "crm-sync", "name": "CRM sync", "scopes": ["leads:read", "leads:write"]})
        assert resp.status_code == 201, resp.text
        created = resp.json()
        secret = created["client_secret"]
        assert len(secret) >= 32 and created["scopes"] == ["leads:read", "leads:write"]
        assert_problem(await client.post("/auth/service-clients", headers=bearer(admin), json={
            "client_id": "crm-sync", "name": "again", "scopes": []}), 409)

        # The secret is shown once: the list never carries it.
        listed = await client.get("/auth/service-clients", headers=bearer(admin))
        assert "client_secret" not in listed.text and secret not in listed.text
        assert "crm-sync" in [c["client_id"] for c in listed.json()]

        form = {"grant_type": "client_credentials", "client_id": "crm-sync", "client_secret": secret,
                "scope": "leads:read"}
        resp = await client.post("/auth/token", data=form)
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert body["token_type"] == "bearer" and body["scope"] == "leads:read" and body["expires_in"] > 0
        token = body["access_token"]

        jwks = (await client.get("/auth/jwks")).json()
        header = jwt.get_unverified_header(token)
        key = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
        claims = jwt.decode(token, jwt.PyJWK(key).key, algorithms=["EdDSA"], audience="outbound",
                            issuer="outbound-users")
        assert claims["typ"] == "service" and claims["scope"] == "leads:read" and claims["sub"] == "svc:crm-sync"
        assert "role" not in claims

        # No scope asked: everything granted.
        resp = await client.post("/auth/token", data={**form, "scope": ""})
        assert resp.json()["scope"] == "leads:read leads:write"

        assert_problem(await client.post("/auth/token", data={**form, "client_secret": secret + "x"}), 401)
        assert_problem(await client.post("/auth/token", data={**form, "client_id": "nobody"}), 401)
        assert_problem(await client.post("/auth/token", data={**form, "scope": "leads:read users:admin"}), 403)
        assert_problem(await client.post("/auth/token", data={**form, "grant_type": "password"}), 422)
        assert_problem(await client.post("/auth/token", json=form), 422)

        # A service token is not a user.
        assert_problem(await client.get("/auth/me", headers=bearer(token)), 403)
        assert_problem(await client.get("/users", headers=bearer(token)), 403)
        assert_problem(await client.get("/auth/audit", headers=bearer(token)), 403)
        assert_problem(await client.post("/auth/me/password", headers=bearer(token),
                                         json={"current_password": "x", "new_password": "0123456789ab"}), 403)

        # Deactivated credentials get no more tokens.
        resp = await client.delete("/auth/service-clients/crm-sync", headers=bearer(admin))
        assert resp.status_code == 200 and resp.json()["is_active"] is False
        assert_problem(await client.post("/auth/token", data=form), 401)
        assert_problem(await client.delete("/auth/service-clients/nobody", headers=bearer(admin)), 404)

        # The built-in clients work with the shared internal secret and only their scopes.
        resp = await client.post("/auth/token", data={"grant_type": "client_credentials", "client_id": "leads",
                                                      "client_secret": SERVICE_SECRET})
        assert resp.status_code == 200 and resp.json()["scope"] == "users:read"
        assert_problem(await client.post("/auth/token", data={
            "grant_type": "client_credentials", "client_id": "leads", "client_secret": SERVICE_SECRET,
            "scope": "leads:write"}), 403)


async def test_search_treats_wildcards_literally(tmp_path) -> None:
    from services.users.main import create_app
    from tests.conftest import running
    from tests.helpers import bearer, create_user, login, users_settings

    async with running(create_app(users_settings(f"sqlite+aiosqlite:///{tmp_path / 'u.db'}"))) as client:
        admin = await login(client)
        await create_user(client, admin, "a_b@example.com", "sales")
        await create_user(client, admin, "axb@example.com", "sales")
        found = (await client.get("/users?q=a_b", headers=bearer(admin))).json()
        assert [u["email"] for u in found["items"]] == ["a_b@example.com"]
        assert (await client.get("/users?q=100%25", headers=bearer(admin))).json()["total"] == 0


async def test_service_secret_guessing_is_throttled(tmp_path) -> None:
    from services.users.main import create_app
    from tests.conftest import running
    from tests.helpers import users_settings

    settings = users_settings(f"sqlite+aiosqlite:///{tmp_path / 'u.db'}", login_max_failures_ip=3)
    async with running(create_app(settings)) as client:
        form = {"grant_type": "client_credentials", "client_id": "leads", "client_secret": "guess"}
        codes = [(await client.post("/auth/token", data=form)).status_code for _ in range(5)]
        assert codes[:3] == [401, 401, 401] and codes[3:] == [429, 429]
