"""Sign-in, tokens, sessions and throttling of the users service, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio

import jwt
import pytest
from typer.testing import CliRunner

from services.cli import app as cli_app
from services.users.main import create_app
from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, running
from tests.helpers import bearer, create_user, login, users_settings
from tests.users.support import (
    SAME_ORIGIN,
    USER_PASSWORD,
    assert_problem,
    cookie_from,
    refresh_with,
    sign_in,
    users_app,
)

WRONG = "Wrong e-mail or password."


async def _audit(client, admin_token: str, event: str) -> list[dict]:
    resp = await client.get("/auth/audit", params={"event": event, "limit": 500}, headers=bearer(admin_token))
    assert resp.status_code == 200, resp.text
    items: list[dict] = resp.json()["items"]
    assert all(item["event"] == event for item in items)
    return items


# --- login ---------------------------------------------------------------------------------------
async def test_login_returns_short_lived_token_and_strict_cookie(database_url):
    async with users_app(database_url) as (_app, client):
        resp = await client.post("/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert set(body) == {"access_token", "token_type", "expires_in"}
        assert body["token_type"] == "bearer"
        assert 0 < body["expires_in"] <= 900
        assert resp.headers["cache-control"] == "no-store"

        cookie = cookie_from(resp)
        assert cookie is not None
        assert cookie["httponly"] is True
        assert cookie["samesite"].lower() == "strict"
        assert cookie["secure"] is True  # environment "test" is not development
        assert cookie["path"] == "/auth"
        assert len(cookie["value"]) >= 32

        # The access token is a short-lived EdDSA JWT with the registered claims.
        header = jwt.get_unverified_header(body["access_token"])
        assert header["alg"] == "EdDSA" and header["kid"]
        claims = jwt.decode(body["access_token"], options={"verify_signature": False})
        assert claims["typ"] == "access" and claims["role"] == "admin" and claims["sub"] == "1"
        assert claims["exp"] - claims["iat"] <= 900
        assert {"iss", "aud", "jti"} <= claims.keys()

        # E-mail is matched case-insensitively and trimmed.
        await login(client, f"  {ADMIN_EMAIL.upper()} ", ADMIN_PASSWORD)

        me = await client.get("/auth/me", headers=bearer(body["access_token"]))
        assert me.status_code == 200
        assert me.json() == {"id": 1, "email": ADMIN_EMAIL, "name": "Admin", "role": "admin"}

        assert_problem(await client.get("/auth/me"), 401)
        assert_problem(await client.get("/auth/me", headers={"authorization": "Basic abc"}), 401)


async def test_failed_logins_all_look_the_same(database_url):
    async with users_app(database_url) as (_app, client):
        admin = await login(client)
        user = await create_user(client, admin, "inactive@example.com", "sales")
        resp = await client.patch(f"/users/{user['id']}", json={"is_active": False}, headers=bearer(admin))
        assert resp.status_code == 200 and resp.json()["is_active"] is False

        attempts = {
            "password": {"email": ADMIN_EMAIL, "password": "not the password"},
            "unknown": {"email": "nobody@example.com", "password": ADMIN_PASSWORD},
            "inactive": {"email": "inactive@example.com", "password": USER_PASSWORD},
        }
        for reason, creds in attempts.items():
            resp = await client.post("/auth/login", json=creds)
            body = assert_problem(resp, 401)
            assert body["detail"] == WRONG, reason
            assert resp.headers["www-authenticate"] == "Bearer"
            assert cookie_from(resp) is None, reason

        failed = await _audit(client, admin, "login.failed")
        assert sorted(e["detail"]["reason"] for e in failed) == ["inactive", "password", "unknown"]
        # Malformed input is a 422 problem, not a 500.
        assert_problem(await client.post("/auth/login", json={"email": "x"}), 422)
        assert_problem(await client.post("/auth/login", content=b"{", headers={"content-type": "application/json"}),
                       422)


# --- refresh tokens ------------------------------------------------------------------------------
async def test_refresh_rotates_and_reuse_revokes_the_family(database_url):
    async with users_app(database_url) as (_app, client):
        access1, raw1 = await sign_in(client)

        resp = await refresh_with(client, raw1)
        assert resp.status_code == 200, resp.text
        access2 = resp.json()["access_token"]
        raw2 = cookie_from(resp)["value"]
        assert raw2 != raw1 and access2 != access1
        assert (await client.get("/auth/me", headers=bearer(access2))).status_code == 200

        resp = await refresh_with(client, raw2)
        assert resp.status_code == 200
        raw3 = cookie_from(resp)["value"]

        # The old token comes back: someone holds a copy. The whole family ends, the newest included.
        assert_problem(await refresh_with(client, raw1), 401)
        assert_problem(await refresh_with(client, raw3), 401)
        events = await _audit(client, access2, "refresh.reuse")
        assert len(events) == 1 and events[0]["user_id"] == 1

        # A session from another login is a different family and keeps working.
        _, other = await sign_in(client)
        assert (await refresh_with(client, other)).status_code == 200

        # Logout revokes; the cookie is cleared.
        _, raw = await sign_in(client)
        client.cookies.clear()
        resp = await client.post("/auth/logout", headers={"cookie": f"outbound_refresh={raw}", **SAME_ORIGIN})
        assert resp.status_code == 204
        cleared = cookie_from(resp)
        assert cleared is not None and cleared["value"] == "" and cleared.get("max-age") == "0"
        assert_problem(await refresh_with(client, raw), 401)

        # No cookie at all: nobody signed in on this browser, which is an empty state, not an error.
        nothing = await refresh_with(client, None)
        assert nothing.status_code == 204 and nothing.content == b"" and cookie_from(nothing) is None
        assert nothing.headers["cache-control"] == "no-store"
        assert_problem(await refresh_with(client, "made-up-token"), 401)


async def test_parallel_refreshes_of_one_cookie_share_one_successor(database_url):
    """Ten tabs refreshing at once keep the session: each gets the same new cookie, nobody is signed out."""
    async with users_app(database_url) as (_app, client):
        _, raw = await sign_in(client)
        results = await asyncio.gather(*(refresh_with(client, raw) for _ in range(10)))
        assert [r.status_code for r in results] == [200] * 10, [(r.status_code, r.text[:80]) for r in results]
        successors = {cookie_from(r)["value"] for r in results}
        assert len(successors) == 1 and raw not in successors, successors
        (successor,) = successors
        for r in results:
            me = await client.get("/auth/me", headers=bearer(r.json()["access_token"]))
            assert me.status_code == 200
        # One session, still alive: the successor rotates on as usual.
        nxt = await refresh_with(client, successor)
        assert nxt.status_code == 200, nxt.text
        assert cookie_from(nxt)["value"] not in (raw, successor)


async def test_the_grace_window_ends_and_a_used_successor_ends_it(database_url):
    async with users_app(database_url, refresh_reuse_grace_seconds=1) as (_app, client):
        _, raw1 = await sign_in(client)
        raw2 = cookie_from(await refresh_with(client, raw1))["value"]
        # Within the window the old cookie gets the same successor again...
        again = await refresh_with(client, raw1)
        assert again.status_code == 200 and cookie_from(again)["value"] == raw2
        # ...but once the window has passed it is a reuse, and the whole session ends.
        await asyncio.sleep(1.5)
        assert_problem(await refresh_with(client, raw1), 401)
        assert_problem(await refresh_with(client, raw2), 401)

        # Within the window, but the successor has been used already: a copy is in other hands.
        _, raw1 = await sign_in(client)
        raw2 = cookie_from(await refresh_with(client, raw1))["value"]
        raw3 = cookie_from(await refresh_with(client, raw2))["value"]
        assert_problem(await refresh_with(client, raw1), 401)
        assert_problem(await refresh_with(client, raw3), 401)

    async with users_app(database_url, refresh_reuse_grace_seconds=0) as (_app, client):
        _, raw1 = await sign_in(client)
        assert (await refresh_with(client, raw1)).status_code == 200
        assert_problem(await refresh_with(client, raw1), 401)  # no window: reuse at once ends the session


async def test_deactivation_ends_sessions_at_once(database_url):
    async with users_app(database_url) as (_app, client):
        admin = await login(client)
        user = await create_user(client, admin, "sam@example.com", "sales")
        access, raw = await sign_in(client, "sam@example.com", USER_PASSWORD)
        assert (await client.get("/auth/me", headers=bearer(access))).status_code == 200

        resp = await client.patch(f"/users/{user['id']}", json={"is_active": False}, headers=bearer(admin))
        assert resp.status_code == 200

        assert_problem(await refresh_with(client, raw), 401)
        # The access token is still within its lifetime, but /auth/me reads the account.
        assert_problem(await client.get("/auth/me", headers=bearer(access)), 401)
        assert_problem(await client.post("/auth/login", json={"email": "sam@example.com",
                                                               "password": USER_PASSWORD}), 401)

        # Reactivated, the old session stays dead but a new login works.
        resp = await client.patch(f"/users/{user['id']}", json={"is_active": True}, headers=bearer(admin))
        assert resp.status_code == 200
        assert_problem(await refresh_with(client, raw), 401)
        await sign_in(client, "sam@example.com", USER_PASSWORD)


async def test_role_downgrade_bites_before_the_token_expires(database_url):
    async with users_app(database_url) as (_app, client):
        admin = await login(client)
        second = await create_user(client, admin, "second@example.com", "admin")
        access, raw = await sign_in(client, "second@example.com", USER_PASSWORD)
        assert (await client.get("/users", headers=bearer(access))).status_code == 200

        resp = await client.patch(f"/users/{second['id']}", json={"role": "sales"}, headers=bearer(admin))
        assert resp.status_code == 200 and resp.json()["role"] == "sales"

        assert_problem(await refresh_with(client, raw), 401)
        # The token still says admin; the admin dependency reads the role from the database.
        assert_problem(await client.get("/users", headers=bearer(access)), 403)
        assert_problem(await client.get("/auth/audit", headers=bearer(access)), 403)
        me = await client.get("/auth/me", headers=bearer(access))
        assert me.status_code == 200 and me.json()["role"] == "sales"

        # A fresh login carries the new role.
        fresh, _ = await sign_in(client, "second@example.com", USER_PASSWORD)
        assert jwt.decode(fresh, options={"verify_signature": False})["role"] == "sales"


# --- throttling ----------------------------------------------------------------------------------
async def test_account_throttle_survives_rotating_forwarded_for_and_expires(database_url):
    async with users_app(database_url, login_max_block_seconds=2) as (_app, client):
        admin = await login(client)
        user = await create_user(client, admin, "other@example.com", "sales")
        for i in range(5):
            resp = await client.post("/auth/login", json={"email": ADMIN_EMAIL, "password": f"guess {i}"},
                                     headers={"x-forwarded-for": f"203.0.113.{i + 1}"})
            assert_problem(resp, 401)

        # Sixth attempt, from yet another address, with the right password: still refused.
        resp = await client.post("/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD},
                                 headers={"x-forwarded-for": "198.51.100.77"})
        assert_problem(resp, 429)
        assert 1 <= int(resp.headers["retry-after"]) <= 3
        assert cookie_from(resp) is None

        # Another account from the same addresses is not affected.
        await login(client, user["email"], USER_PASSWORD, headers={"x-forwarded-for": "203.0.113.1"})

        # No permanent lockout: once the block passes, the owner gets in.
        await asyncio.sleep(2.2)
        await login(client, ADMIN_EMAIL, ADMIN_PASSWORD, headers={"x-forwarded-for": "198.51.100.77"})
        events = await _audit(client, admin, "login.throttled")
        assert events and events[0]["email"] == ADMIN_EMAIL


async def test_account_throttle_holds_without_trusted_proxies(database_url):
    async with users_app(database_url, trusted_proxies=[]) as (_app, client):
        for i in range(5):
            resp = await client.post("/auth/login", json={"email": ADMIN_EMAIL, "password": f"guess {i}"},
                                     headers={"x-forwarded-for": f"203.0.113.{i + 1}"})
            assert_problem(resp, 401)
        resp = await client.post("/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
        assert_problem(resp, 429)
        assert int(resp.headers["retry-after"]) >= 1


async def test_ip_throttle_across_many_accounts(database_url):
    async with users_app(database_url, login_max_failures_ip=4) as (_app, client):
        attacker = {"x-forwarded-for": "192.0.2.10"}
        for i in range(4):
            resp = await client.post("/auth/login", json={"email": f"victim{i}@example.com", "password": "guess"},
                                     headers=attacker)
            assert_problem(resp, 401)
        # Every account is now closed to that address, even with the right password ...
        resp = await client.post("/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD},
                                 headers=attacker)
        assert_problem(resp, 429)
        assert int(resp.headers["retry-after"]) >= 1
        # ... but not to everyone else.
        await login(client, headers={"x-forwarded-for": "192.0.2.11"})


async def test_parallel_guesses_are_all_counted(database_url):
    """A burst of simultaneous wrong passwords must neither crash nor slip past the account throttle."""
    async with users_app(database_url) as (_app, client):
        results = await asyncio.gather(*(
            client.post("/auth/login", json={"email": ADMIN_EMAIL, "password": f"guess {i}"},
                        headers={"x-forwarded-for": f"203.0.113.{i + 1}"})
            for i in range(8)))
        assert sorted({r.status_code for r in results}) in ([401], [401, 429]), [r.text for r in results]
        resp = await client.post("/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD},
                                 headers={"x-forwarded-for": "198.51.100.1"})
        assert_problem(resp, 429)


# --- the first admin -----------------------------------------------------------------------------
async def test_first_admin_comes_from_settings_only_on_an_empty_database(database_url):
    async with users_app(database_url) as (_app, client):
        admin = await login(client)
        listed = (await client.get("/users", headers=bearer(admin))).json()
        assert listed["total"] == 1 and listed["items"][0]["role"] == "admin"

    # Restarted with other admin settings: nobody new appears.
    later = create_app(users_settings(database_url, admin_email="later@example.com",
                                      admin_password="later password 123"))
    async with running(later) as client:
        assert_problem(await client.post("/auth/login", json={"email": "later@example.com",
                                                               "password": "later password 123"}), 401)
        admin = await login(client)
        assert (await client.get("/users", headers=bearer(admin))).json()["total"] == 1


async def test_no_admin_without_settings(database_url):
    app = create_app(users_settings(database_url, admin_email=None, admin_password=None))
    async with running(app) as client:
        assert_problem(await client.post("/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}),
                       401)


def test_cli_create_admin(tmp_path):
    runner = CliRunner()
    env = {"OUTBOUND_DATA_DIR": str(tmp_path / "data"), "OUTBOUND_ENVIRONMENT": "test"}
    result = runner.invoke(cli_app, ["users", "create-admin"], env=env,
                           input="Root@Example.com\nRoot Person\ncli password 123\ncli password 123\n")
    assert result.exit_code == 0, result.output
    assert "created admin root@example.com" in result.output
    assert (tmp_path / "data" / "users.db").exists()

    async def check() -> None:
        settings = users_settings(f"sqlite+aiosqlite:///{tmp_path / 'data' / 'users.db'}", admin_email=None)
        async with running(create_app(settings)) as client:
            token = await login(client, "root@example.com", "cli password 123")
            me = (await client.get("/auth/me", headers=bearer(token))).json()
            assert me["role"] == "admin" and me["name"] == "Root Person"

    asyncio.run(check())

    # The same e-mail again: a readable error, non-zero exit.
    again = runner.invoke(cli_app, ["users", "create-admin"], env=env,
                          input="root@example.com\nRoot\ncli password 123\ncli password 123\n")
    assert again.exit_code != 0
    assert "exists already" in again.output


@pytest.mark.parametrize(("email", "password", "complaint"), [
    ("not-an-email", "cli password 123", "not a valid email"),
    ("ok@example.com", "short", "at least 10 characters"),
])
def test_cli_create_admin_refuses_bad_input(tmp_path, email, password, complaint):
    runner = CliRunner()
    result = runner.invoke(cli_app, ["users", "create-admin"], env={"OUTBOUND_DATA_DIR": str(tmp_path)},
                           input=f"{email}\nName\n{password}\n{password}\n")
    assert result.exit_code != 0
    assert complaint in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "users.db").exists()


def test_cli_create_admin_password_confirmation_must_match(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli_app, ["users", "create-admin"], env={"OUTBOUND_DATA_DIR": str(tmp_path)},
                           input="ok@example.com\nName\ncli password 123\ndifferent pass 123\n"
                                 "cli password 123\ncli password 123\n")
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output.lower() or "don't match" in result.output.lower()


async def test_service_secret_is_required_outside_development(database_url):
    app = create_app(users_settings(database_url, service_secret="changeme"))
    with pytest.raises(ValueError, match="OUTBOUND_SERVICE_SECRET"):
        async with app.router.lifespan_context(app):
            pass
