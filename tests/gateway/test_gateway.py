"""The gateway: health, SPA hosting, errors, limits, header hygiene, route policy and proxying."""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import time

import httpx
import jwt
import pytest

from gateway import policy
from gateway.main import create_app as create_gateway
from gateway.policy import SERVICES
from services.users.main import create_app as create_users_app
from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, free_port, running
from tests.gateway.support import (
    BIG_SIZE,
    EchoApp,
    big_body,
    direct_client,
    embedded,
    gateway_over_stand_in,
    gateway_settings,
    header_values,
    seed_user,
    serving,
)
from tests.helpers import bearer, create_user, login, users_settings
from tests.users.support import SAME_ORIGIN, USER_PASSWORD, assert_problem, cookie_from

API = "/api"
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options")


def assert_security_headers(resp: httpx.Response) -> None:
    assert "frame-ancestors 'none'" in resp.headers["content-security-policy"], resp.headers
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert resp.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert resp.headers["x-frame-options"] == "DENY"
    assert len(resp.headers.get_list("x-request-id")) == 1


def refused_by_gateway(resp: httpx.Response) -> bool:
    """True when the gateway answered itself: its problem documents name the /api path as instance."""
    if resp.status_code not in (401, 403) or not resp.headers.get("content-type", "").startswith(
            "application/problem+json"):
        return False
    return str(resp.json().get("instance", "")).startswith("/api/")


# --- health and the SPA ----------------------------------------------------------------------------
async def test_healthz_lists_every_service(tmp_path):
    async with embedded(tmp_path) as (_app, client):
        resp = await client.get("/healthz")
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert body["status"] == "ok"
        assert body["services"] == {name: "ok" for name in SERVICES}
        assert_security_headers(resp)


async def test_healthz_reports_a_broken_service(tmp_path):
    async def broken(scope, receive, send):
        if scope["type"] != "http":
            return
        await send({"type": "http.response.start", "status": 500, "headers": []})
        await send({"type": "http.response.body", "body": b"boom"})

    async with gateway_over_stand_in(tmp_path, stand_in=broken) as (_gw, client, _echo, _users):
        resp = await client.get("/healthz")
        assert resp.status_code == 503
        services = resp.json()["services"]
        assert services["users"] == "ok"
        assert services["leads"] == "down (500)"
        assert resp.json()["status"] == "degraded"


@pytest.fixture
def spa_dir(tmp_path):
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text("<!doctype html><title>Outbound</title><div id=root></div>")
    (root / "assets" / "app-abc123.js").write_text("console.log('outbound');\n" * 10)
    return root


async def test_spa_files_and_client_side_routes(tmp_path, spa_dir):
    gateway = create_gateway(gateway_settings(tmp_path, static_dir=spa_dir),
                             local_apps={name: EchoApp() for name in SERVICES})
    async with running(gateway) as client:
        index = (spa_dir / "index.html").read_bytes()
        for path in ("/", "/admin/users", "/campaigns/12/steps"):
            resp = await client.get(path)
            assert resp.status_code == 200, path
            assert resp.content == index
            assert resp.headers["content-type"].startswith("text/html")
            assert resp.headers["cache-control"] == "no-cache"
            assert_security_headers(resp)

        asset = await client.get("/assets/app-abc123.js")
        assert asset.status_code == 200
        assert asset.content == (spa_dir / "assets" / "app-abc123.js").read_bytes()
        assert "javascript" in asset.headers["content-type"]
        cache = asset.headers["cache-control"]
        assert "immutable" in cache and "max-age=31536000" in cache and "public" in cache
        etag = asset.headers["etag"]
        assert re.fullmatch(r'"[0-9a-f]{8,}"', etag)
        assert_security_headers(asset)

        again = await client.get("/assets/app-abc123.js", headers={"if-none-match": etag})
        assert again.status_code == 304 and again.content == b""
        assert again.headers["etag"] == etag
        assert_security_headers(again)
        changed = await client.get("/assets/app-abc123.js", headers={"if-none-match": '"something-else"'})
        assert changed.status_code == 200

        head = await client.head("/assets/app-abc123.js")
        assert head.status_code == 200 and head.content == b""
        assert int(head.headers["content-length"]) == len(asset.content)

        for missing in ("/assets/x.js", "/assets/app-abc123.js.map", "/favicon.ico", "/robots.txt"):
            resp = await client.get(missing)
            assert_problem(resp, 404)
            assert_security_headers(resp)

        resp = await client.post("/admin/users")
        assert_problem(resp, 405)
        assert resp.headers["allow"] == "GET, HEAD"


async def test_spa_fallback_page_without_a_build(tmp_path):
    gateway = create_gateway(gateway_settings(tmp_path, static_dir=tmp_path / "missing"),
                             local_apps={name: EchoApp() for name in SERVICES})
    async with running(gateway) as client:
        resp = await client.get("/leads")
        assert resp.status_code == 200
        assert "not built yet" in resp.text
        assert resp.headers["cache-control"] == "no-cache"


# --- errors, body limits, headers ------------------------------------------------------------------
async def test_unknown_paths_and_methods_are_problems(tmp_path):
    async with embedded(tmp_path) as (_app, client):
        for path in ("/api/nope", "/api", "/api/", "/api/nope/deeper", "/api/Users"):
            resp = await client.get(path)
            body = assert_problem(resp, 404)
            assert body["instance"].startswith("/api")
            assert_security_headers(resp)

        admin = await login(client, prefix=API)
        for path in ("/api/auth/nope", "/api/users/1/nope", "/api/leads/nope", "/api/calendar/jobs/1/nope"):
            assert_problem(await client.get(path), 401)  # no token: the gateway asks for one first
            resp = await client.get(path, headers=bearer(admin))
            body = assert_problem(resp, 404)
            assert not body["instance"].startswith("/api")  # the service's own answer, passed through
            assert_security_headers(resp)
        resp = await client.delete("/api/auth/login", headers=bearer(admin))
        assert_problem(resp, 405)
        assert_security_headers(resp)


async def test_oversized_bodies_are_refused_before_the_service(tmp_path):
    async with gateway_over_stand_in(tmp_path, max_body_bytes=4096) as (_gw, client, echo, _users):
        token = await login(client, prefix=API)
        echo.seen.clear()

        resp = await client.post("/api/leads/import", content=b"x" * 5000, headers=bearer(token))
        assert_problem(resp, 413)
        assert_security_headers(resp)

        async def chunks():
            for _ in range(10):
                yield b"y" * 1000

        resp = await client.post("/api/leads/import", content=chunks(), headers=bearer(token))
        assert "content-length" not in resp.request.headers
        assert resp.request.headers["transfer-encoding"] == "chunked"
        assert_problem(resp, 413)

        # Public routes are limited too.
        resp = await client.post("/api/auth/login", content=b"{" + b" " * 5000 + b"}",
                                 headers={"content-type": "application/json"})
        assert_problem(resp, 413)
        assert echo.seen == []

        # At the limit, a streamed body goes through whole.
        async def exact():
            for _ in range(4):
                yield b"z" * 1024

        resp = await client.post("/api/leads/import", content=exact(), headers=bearer(token))
        assert resp.status_code == 200
        assert resp.json()["body_len"] == 4096
        assert resp.json()["body_sha256"] == hashlib.sha256(b"z" * 4096).hexdigest()


async def test_request_ids(tmp_path):
    async with gateway_over_stand_in(tmp_path) as (_gw, client, _echo, _users):
        resp = await client.get("/api/leads/healthz", headers={"x-request-id": "trace-42_A.b"})
        assert resp.headers.get_list("x-request-id") == ["trace-42_A.b"]
        assert header_values(resp.json(), "x-request-id") == ["trace-42_A.b"]
        assert_security_headers(resp)

        for bad in ("evil\r\nx-injected: 1", "a" * 200, "two words", "<script>", "id;rm"):
            resp = await client.get("/api/leads/healthz", headers={"x-request-id": bad})
            [rid] = resp.headers.get_list("x-request-id")
            assert rid != bad and re.fullmatch(r"[0-9a-f]{16}", rid), rid
            seen = resp.json()
            assert header_values(seen, "x-request-id") == [rid]
            assert header_values(seen, "x-injected") == []

        resp = await client.get("/api/leads/healthz")
        [rid] = resp.headers.get_list("x-request-id")
        assert header_values(resp.json(), "x-request-id") == [rid]
        other = await client.get("/api/leads/healthz")
        assert other.headers["x-request-id"] != rid

        # The gateway's own answers carry one too.
        assert re.fullmatch(r"[0-9a-f]{16}", (await client.get("/api/nope")).headers["x-request-id"])
        assert (await client.get("/api/nope", headers={"x-request-id": "mine-1"})).headers["x-request-id"] == \
            "mine-1"


async def test_identity_headers_from_clients_never_reach_a_service(tmp_path):
    async with gateway_over_stand_in(tmp_path) as (_gw, client, _echo, _users):
        token = await login(client, prefix=API)
        spoofed = {
            "x-user-id": "1", "x-user-role": "admin", "x-user-email": "admin@example.com",
            "x-forwarded-for": "6.6.6.6", "x-forwarded-prefix": "/evil", "x-forwarded-host": "evil.example",
            "x-forwarded-proto": "gopher", "x-outbound-role": "admin", "x-outbound-user": "1",
            "x-outbound-principal": "svc:admin", "forwarded": "for=6.6.6.6;proto=https", "x-real-ip": "6.6.6.6",
            "x-authenticated-user": "admin", "x-remote-user": "admin",
        }
        for path, headers in (("/api/leads/anything?x=1", bearer(token)), ("/api/leads/healthz", {})):
            resp = await client.get(path, headers={**spoofed, **headers, "x-custom": "kept"})
            assert resp.status_code == 200, resp.text
            seen = resp.json()
            for name in ("x-user-id", "x-user-role", "x-user-email", "x-outbound-role", "x-outbound-user",
                         "x-outbound-principal", "forwarded", "x-real-ip", "x-authenticated-user",
                         "x-remote-user"):
                assert header_values(seen, name) == [], (name, seen["headers"])
            assert header_values(seen, "x-forwarded-for") == ["127.0.0.1"]
            assert header_values(seen, "x-forwarded-prefix") == ["/api"]
            assert header_values(seen, "x-forwarded-proto") == ["https"]
            assert header_values(seen, "x-forwarded-host") == ["testserver"]
            assert header_values(seen, "x-custom") == ["kept"]
            if headers:
                assert header_values(seen, "authorization") == [f"Bearer {token}"]
                assert seen["path"] == "/leads/anything" and seen["query"] == "x=1"

        # The response passes the service's cookies through, but not its request id.
        assert resp.headers["set-cookie"] == "upstream=1; Path=/"
        assert resp.headers["x-request-id"] != "set-by-the-upstream"


async def test_the_real_users_service_trusts_only_the_gateways_address(tmp_path):
    """Behind the gateway, a client's X-Forwarded-For cannot pick the address the users service records."""
    async with gateway_over_stand_in(tmp_path) as (_gw, client, _echo, _users):
        admin = await login(client, prefix=API)
        for i in range(5):
            resp = await client.post("/api/auth/login", json={"email": ADMIN_EMAIL, "password": "wrong"},
                                     headers={"x-forwarded-for": f"203.0.113.{i}", "x-real-ip": "203.0.113.9"})
            assert_problem(resp, 401)
        resp = await client.post("/api/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD},
                                 headers={"x-forwarded-for": "198.51.100.1"})
        assert_problem(resp, 429)
        assert int(resp.headers["retry-after"]) >= 1
        failed = (await client.get("/api/auth/audit", params={"event": "login.failed"},
                                   headers=bearer(admin))).json()["items"]
        assert len(failed) == 5
        assert {event["ip"] for event in failed} == {"127.0.0.1"}


async def test_percent_encoded_paths_reach_the_service_decoded(tmp_path):
    """In-process the service must see the same ASGI path a real server would give it."""
    async with gateway_over_stand_in(tmp_path) as (_gw, client, _echo, _users):
        token = await login(client, prefix=API)
        resp = await client.get("/api/leads/files/a%20b/c%2Fd/%C3%A9", headers=bearer(token))
        seen = resp.json()
        assert seen["path"] == "/leads/files/a b/c/d/é"
        assert seen["raw_path"] == "/leads/files/a%20b/c%2Fd/%C3%A9"


# --- route policy ------------------------------------------------------------------------------------
def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def _expected_refusal(role: str | None, method: str, path: str) -> int | None:
    if policy.is_public(method, path):
        return None
    if role is None:
        return 401
    return None if policy.role_allowed(role, method, path) else 403


async def test_every_route_follows_the_policy_table(tmp_path):
    async with embedded(tmp_path) as (_app, client):
        admin = await login(client, prefix=API)
        tokens: dict[str | None, str | None] = {None: None, "admin": admin}
        for role in ("sales", "demo"):
            user = await create_user(client, admin, f"{role}@example.com", role, prefix=API)
            tokens[role] = await login(client, user["email"], USER_PASSWORD, prefix=API)

        doc = (await client.get("/api/openapi.json")).json()
        operations = [(m.upper(), p) for p, item in doc["paths"].items() for m in item
                      if m in ("get", "post", "put", "patch", "delete")]
        assert len(operations) >= 20
        mismatches = []
        checked = 0
        for method, template in operations:
            path = _concrete(template)
            for role, token in tokens.items():
                resp = await client.request(method, path, headers=bearer(token) if token else {})
                expected = _expected_refusal(role, method, path)
                assert resp.status_code < 500, (method, path, role, resp.text)
                checked += 1
                if expected is None:
                    if refused_by_gateway(resp):
                        mismatches.append(f"{role} {method} {path}: gateway refused {resp.status_code}")
                    if role == "sales" and resp.status_code == 401 and not policy.is_public(method, path):
                        mismatches.append(f"sales {method} {path}: 401 from the service")
                elif not (resp.status_code == expected and refused_by_gateway(resp)):
                    mismatches.append(f"{role} {method} {path}: want gateway {expected}, got {resp.status_code} "
                                      f"{resp.text[:100]}")
                elif expected == 403:
                    assert resp.json()["detail"] == "Your role does not allow this."
                elif expected == 401:
                    assert resp.headers["www-authenticate"] == "Bearer"
        assert not mismatches, "\n".join(mismatches)
        assert checked == 4 * len(operations)

        # The table itself says what the product promises, independently spelled out here.
        for path in ("/api/users", "/api/users/1", "/api/users/1/password", "/api/auth/audit",
                     "/api/auth/service-clients", "/api/auth/service-clients/leads"):
            for role in ("sales", "demo"):
                for method in ("GET", "POST", "PATCH", "DELETE"):
                    assert not policy.role_allowed(role, method, path), (role, method, path)
        for method, path in (("POST", "/api/auth/login"), ("POST", "/api/auth/refresh"),
                             ("GET", "/api/auth/jwks"), ("GET", "/api/leads/healthz"),
                             ("POST", "/api/auth/logout")):
            assert policy.is_public(method, path)
        for method, path in (("GET", "/api/auth/me"), ("GET", "/api/users"), ("GET", "/api/auth/audit"),
                             ("POST", "/api/auth/me/password"), ("GET", "/api/leads/jobs"),
                             ("DELETE", "/api/auth/login"), ("GET", "/api/auth/login")):
            assert not policy.is_public(method, path), (method, path)
        assert not policy.role_allowed("demo", "POST", "/api/leads/jobs/1/cancel")
        assert policy.role_allowed("demo", "GET", "/api/leads/jobs")
        assert policy.role_allowed("sales", "POST", "/api/leads/jobs/1/cancel")


async def test_public_routes_work_without_a_token(tmp_path):
    async with embedded(tmp_path) as (_app, client):
        resp = await client.post("/api/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
        assert resp.status_code == 200
        cookie = cookie_from(resp)
        assert cookie["path"] == "/api/auth" and cookie["httponly"] and cookie["samesite"].lower() == "strict"
        refreshed = await client.post("/api/auth/refresh", headers=SAME_ORIGIN)  # the jar sends the cookie back
        assert refreshed.status_code == 200, refreshed.text
        assert refreshed.json()["access_token"] != resp.json()["access_token"]
        jwks = await client.get("/api/auth/jwks")
        assert jwks.status_code == 200 and jwks.json()["keys"][0]["alg"] == "EdDSA"
        assert "d" not in jwks.json()["keys"][0]
        for name in SERVICES:
            prefix = "auth" if name == "users" else name
            assert (await client.get(f"/api/{prefix}/healthz")).json()["status"] == "ok"
        assert (await client.post("/api/auth/logout", headers=SAME_ORIGIN)).status_code == 204
        # The cookie is gone: no session, an empty state rather than an error.
        assert (await client.post("/api/auth/refresh", headers=SAME_ORIGIN)).status_code == 204
        for path in ("/api/auth/me", "/api/users", "/api/leads/jobs", "/api/ai/jobs", "/api/email/jobs",
                     "/api/calendar/jobs", "/api/auth/audit"):
            resp = await client.get(path)
            assert_problem(resp, 401, "sign in")
            assert resp.headers["www-authenticate"] == "Bearer"


async def test_demo_mode_switches_off_ai_and_campaign_starts(tmp_path):
    async with embedded(tmp_path, demo_mode=True) as (app, client):
        admin = await login(client, prefix=API)
        tokens = {"admin": admin}
        for role in ("sales", "demo"):
            await seed_user(app, f"{role}@example.com", role)
            tokens[role] = await login(client, f"{role}@example.com", USER_PASSWORD, prefix=API)

        for role, token in tokens.items():
            for method, path in (("POST", "/api/ai/anything"), ("POST", "/api/ai/jobs/1/retry"),
                                 ("POST", "/api/email/campaigns/1/start"), ("POST", "/api/email/campaigns/7/stop")):
                resp = await client.request(method, path, headers=bearer(token), json={})
                body = assert_problem(resp, 403, "switched off in the public demo")
                assert body["instance"] == path, role
                assert body["type"] == "urn:outbound:problem:demo-disabled"  # the SPA's friendly message keys on it
            # Reads still work.
            resp = await client.get("/api/auth/me", headers=bearer(token))
            assert resp.status_code == 200 and resp.json()["role"] == role
            if role != "demo":
                assert (await client.get("/api/ai/jobs", headers=bearer(token))).status_code == 200
        # Account changes are off too, even for the admin; signing in is not.
        resp = await client.post("/api/users", headers=bearer(admin), json={
            "email": "x@example.com", "name": "x", "role": "admin", "password": USER_PASSWORD})
        assert_problem(resp, 403, "switched off")
        assert (await client.post("/api/auth/login", json={"email": ADMIN_EMAIL,
                                                           "password": ADMIN_PASSWORD})).status_code == 200
        # Without a token the answer is still "sign in", not a hint about demo mode.
        assert_problem(await client.post("/api/ai/anything"), 401)


# --- rate limits -------------------------------------------------------------------------------------
async def test_ip_rate_limit_is_not_fooled_by_forwarded_for(tmp_path):
    async with gateway_over_stand_in(tmp_path, rate_limit_ip=6) as (_gw, client, _echo, _users):
        statuses = []
        for i in range(24):
            resp = await client.get("/api/auth/jwks", headers={"x-forwarded-for": f"198.51.100.{i}"})
            statuses.append(resp.status_code)
        assert statuses[:20] == [200] * 20
        assert statuses[20:] == [429] * 4
        assert_problem(resp, 429)
        assert int(resp.headers["retry-after"]) >= 1
        assert_security_headers(resp)


async def test_ip_rate_limit_honours_a_trusted_proxy(tmp_path):
    async with gateway_over_stand_in(tmp_path, rate_limit_ip=6, edge_trusted_proxies=["127.0.0.1"]) as (
            _gw, client, _echo, _users):
        for i in range(30):
            resp = await client.get("/api/leads/healthz", headers={"x-forwarded-for": f"198.51.100.{i}"})
            assert resp.status_code == 200
        assert header_values(resp.json(), "x-forwarded-for") == ["198.51.100.29"]
        statuses = [(await client.get("/api/leads/healthz",
                                      headers={"x-forwarded-for": "192.0.2.1, 198.51.100.200"})).status_code
                    for _ in range(21)]
        assert statuses == [200] * 20 + [429]


async def test_user_rate_limit_follows_the_token_subject(tmp_path):
    async with gateway_over_stand_in(tmp_path, rate_limit_ip=0, rate_limit_user=6,
                                     edge_trusted_proxies=["127.0.0.1"]) as (_gw, client, _echo, users):
        admin = await login(client, prefix=API)
        async with direct_client(users) as direct:
            await create_user(direct, admin, "sales@example.com", "sales")
        sales = await login(client, "sales@example.com", USER_PASSWORD, prefix=API)

        statuses = []
        for i in range(22):
            resp = await client.get("/api/auth/me", headers={**bearer(admin), "x-forwarded-for": f"203.0.113.{i}"})
            statuses.append(resp.status_code)
        assert statuses[:20] == [200] * 20 and statuses[20:] == [429, 429]
        assert_problem(resp, 429)
        assert int(resp.headers["retry-after"]) >= 1
        # Another account is not slowed down, and a fresh token of the same account is.
        assert (await client.get("/api/auth/me", headers=bearer(sales))).status_code == 200
        again = await login(client, prefix=API)
        assert_problem(await client.get("/api/auth/me", headers=bearer(again)), 429)
        # Public routes do not count against the user bucket.
        assert (await client.get("/api/auth/jwks")).status_code == 200


# --- upstream failures -------------------------------------------------------------------------------
async def test_unreachable_upstream_is_a_502(tmp_path):
    closed = {f"{name}_url": f"http://127.0.0.1:{free_port()}" for name in SERVICES}
    gateway = create_gateway(gateway_settings(tmp_path, upstream_connect_timeout=2, **closed))
    async with running(gateway) as client:
        resp = await client.post("/api/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
        assert_problem(resp, 502)
        assert_security_headers(resp)
        assert_problem(await client.get("/api/leads/healthz"), 502)

        # Tokens cannot be checked without the users service: a 503, never a pass.
        token = jwt.encode({"sub": "1"}, "k" * 32, algorithm="HS256", headers={"kid": "x"})
        assert_problem(await client.get("/api/leads/jobs", headers=bearer(token)), 503)

        health = await client.get("/healthz")
        assert health.status_code == 503
        assert all(v.startswith("down") for v in health.json()["services"].values())


async def test_slow_upstream_is_a_504(tmp_path):
    echo = EchoApp(slow_seconds=3)
    async with gateway_over_stand_in(tmp_path, stand_in=echo, upstream_timeout=0.3) as (_gw, client, _e, _u):
        assert (await client.get("/api/leads/healthz")).status_code == 200
        started = time.monotonic()
        resp = await client.get("/api/leads/healthz", headers={"x-test-slow": "1"})
        assert_problem(resp, 504)
        assert time.monotonic() - started < 2.5
        assert_security_headers(resp)
        assert (await client.get("/api/leads/healthz")).status_code == 200


async def test_slow_upstream_over_http_is_a_504(tmp_path):
    async with serving(EchoApp(slow_seconds=2)) as url:
        gateway = create_gateway(gateway_settings(tmp_path, leads_url=url, upstream_timeout=0.3))
        async with running(gateway) as client:
            fast = await client.get("/api/leads/healthz")
            assert fast.status_code == 200 and fast.json()["path"] == "/leads/healthz"
            started = time.monotonic()
            assert_problem(await client.get("/api/leads/healthz", headers={"x-test-slow": "1"}), 504)
            assert time.monotonic() - started < 1.9  # the stand-in sleeps 2 s
            # The connection that timed out is not reused; the next request gets a fresh one.
            again = await client.get("/api/leads/healthz")
            assert again.status_code == 200 and again.json()["path"] == "/leads/healthz"


# --- the merged OpenAPI document ---------------------------------------------------------------------
async def test_openapi_merges_every_service(tmp_path):
    async with embedded(tmp_path) as (_app, client):
        resp = await client.get("/api/openapi.json")
        assert resp.status_code == 200
        assert resp.headers["content-type"].startswith("application/json")
        doc = resp.json()
        paths = doc["paths"]
        assert "/api/auth/login" in paths and "post" in paths["/api/auth/login"]
        assert "/api/users" in paths and {"get", "post"} <= set(paths["/api/users"])
        assert all(p.startswith("/api/") for p in paths)
        for prefix in ("auth", "users", "leads", "ai", "email", "calendar"):
            assert any(p.startswith(f"/api/{prefix}/") or p == f"/api/{prefix}" for p in paths), prefix
        op_ids = [op["operationId"] for item in paths.values() for op in item.values() if isinstance(op, dict)]
        assert len(op_ids) == len(set(op_ids))
        # Every reference resolves inside the merged document.
        text = json.dumps(doc)
        for ref in set(re.findall(r'"#/components/schemas/([^"]+)"', text)):
            assert ref in doc["components"]["schemas"], ref
        assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


# --- the distributed topology: real HTTP between gateway and services -------------------------------
async def test_proxying_over_http(tmp_path):
    leads = EchoApp()
    users = create_users_app(users_settings(f"sqlite+aiosqlite:///{tmp_path / 'users.db'}"))
    async with serving(users) as users_url, serving(leads) as leads_url:
        gateway = create_gateway(gateway_settings(tmp_path, users_url=users_url, leads_url=leads_url,
                                                  rate_limit_ip=0, rate_limit_user=0),
                                 local_apps={name: EchoApp() for name in ("ai", "email", "calendar")})
        async with running(gateway, base_url="https://testserver") as client:
            resp = await client.post("/api/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
            assert resp.status_code == 200, resp.text
            cookie = cookie_from(resp)
            assert cookie["path"] == "/api/auth" and cookie["httponly"] and cookie["secure"]
            token = resp.json()["access_token"]
            me = await client.get("/api/auth/me", headers=bearer(token))
            assert me.status_code == 200 and me.json()["email"] == ADMIN_EMAIL
            refreshed = await client.post("/api/auth/refresh", headers=SAME_ORIGIN)
            assert refreshed.status_code == 200, refreshed.text
            assert cookie_from(refreshed)["value"] != cookie["value"]
            token = refreshed.json()["access_token"]

            # Many sequential, then concurrent requests over kept-alive connections.
            for _ in range(50):
                assert (await client.get("/api/auth/me", headers=bearer(token))).status_code == 200
            sem = asyncio.Semaphore(20)

            async def one(i: int) -> httpx.Response:
                async with sem:
                    path = "/api/auth/me" if i % 2 else f"/api/leads/item/{i}"
                    return await client.get(path, headers=bearer(token))

            results = await asyncio.gather(*(one(i) for i in range(200)))
            assert [r.status_code for r in results] == [200] * 200
            assert all(r.json()["path"] == f"/leads/item/{i}" for i, r in enumerate(results) if i % 2 == 0)
            ports = {tuple(rec["client"]) for rec in leads.seen}
            assert len(leads.seen) == 100
            assert len(ports) <= 25, f"{len(ports)} connections for 100 requests: no keep-alive?"
            # Counted where they are opened (ports can repeat): at most one per concurrent request.
            opened = {name: gateway.upstreams[name].connections_opened for name in ("users", "leads")}
            assert opened["leads"] <= 20 and opened["users"] <= 21, opened

            # Large answers arrive intact, with a length and chunked.
            expected = big_body()
            for path in ("/api/leads/big", "/api/leads/stream"):
                resp = await client.get(path, headers=bearer(token))
                assert resp.status_code == 200
                assert len(resp.content) == BIG_SIZE
                assert resp.content == expected, path

            # A 1 MB JSON body arrives intact.
            payload = {"rows": [{"i": i, "text": "x" * 90} for i in range(10_000)]}
            raw = json.dumps(payload).encode()
            assert len(raw) > 1_000_000
            resp = await client.post("/api/leads/import", content=raw,
                                     headers={**bearer(token), "content-type": "application/json"})
            assert resp.status_code == 200
            assert resp.json()["body_len"] == len(raw)
            assert resp.json()["body_sha256"] == hashlib.sha256(raw).hexdigest()
            assert resp.json()["path"] == "/leads/import"

            # The same decoded path as in-process.
            resp = await client.get("/api/leads/files/a%20b/c%2Fd/%C3%A9", headers=bearer(token))
            assert resp.json()["path"] == "/leads/files/a b/c/d/é"
            assert resp.json()["raw_path"] == "/leads/files/a%20b/c%2Fd/%C3%A9"
