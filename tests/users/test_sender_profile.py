"""The sender profile: each person edits their own (admins and sales; the shared demo account cannot),
other services read it with scope users:read through the typed client."""

from __future__ import annotations

import httpx
import pytest

from services.kit.errors import NotFound
from services.users.client import UsersClient
from tests.helpers import SERVICE_SECRET, bearer, create_user, login
from tests.users.support import USER_PASSWORD, assert_problem, users_app

PROFILE = {"name": "Max Vogel", "role": "Vertriebsleiter", "company": "Sensorik Nord GmbH",
           "offer": "Wir rüsten CNC-Maschinen mit Sensoren nach, die Ausfälle Tage vorher melden.",
           "calendar_url": "https://cal.example.com/max", "signature": "Sensorik Nord GmbH\nTel. +49 40 123456"}


async def _service(client: httpx.AsyncClient, client_id: str, scope: str) -> dict[str, str]:
    resp = await client.post("/auth/token", data={"grant_type": "client_credentials", "client_id": client_id,
                                                  "client_secret": SERVICE_SECRET, "scope": scope})
    assert resp.status_code == 200, resp.text
    return bearer(resp.json()["access_token"])


async def test_people_edit_their_own_profile(database_url: str) -> None:
    async with users_app(database_url) as (_app, client):
        admin = await login(client)
        sales = await create_user(client, admin, "max@example.com", "sales")
        await create_user(client, admin, "demo@example.com", "demo")
        token = bearer(await login(client, "max@example.com", USER_PASSWORD))
        demo = bearer(await login(client, "demo@example.com", USER_PASSWORD))
        empty = (await client.get("/auth/me/sender-profile", headers=token)).json()
        assert empty == {"user_id": sales["id"], "name": "max", "role": None, "company": None, "offer": None,
                         "calendar_url": None, "signature": None}  # the account's name signs until one is set
        saved = await client.put("/auth/me/sender-profile", headers=token, json=PROFILE)
        assert saved.status_code == 200, saved.text
        assert saved.json() == {"user_id": sales["id"], **PROFILE}
        assert (await client.get("/auth/me/sender-profile", headers=token)).json() == saved.json()
        # PUT replaces the whole profile: what is left out or blank is cleared.
        cleared = (await client.put("/auth/me/sender-profile", headers=token, json={"role": "  ", "offer": ""})).json()
        assert cleared["name"] == "max" and cleared["role"] is None and cleared["offer"] is None
        # Someone else's profile is not touched by mine.
        assert (await client.get("/auth/me/sender-profile", headers=bearer(admin))).json()["role"] is None
        for bad in ({"calendar_url": "javascript:alert(1)"}, {"calendar_url": "https://"},
                    {"offer": "line one\nline two"}, {"name": "x" * 121}, {"signature": "\n".join("abcdefghijk")}):
            assert_problem(await client.put("/auth/me/sender-profile", headers=token, json=bad), 422)
        # The shared demo account reads its profile but cannot change what every demo visitor's drafts say.
        assert (await client.get("/auth/me/sender-profile", headers=demo)).status_code == 200
        assert_problem(await client.put("/auth/me/sender-profile", headers=demo, json=PROFILE), 403)
        assert_problem(await client.get("/auth/me/sender-profile"), 401)
        email = await _service(client, "email", "users:read")
        assert_problem(await client.put("/auth/me/sender-profile", headers=email, json=PROFILE), 403)
        assert_problem(await client.get("/auth/me/sender-profile", headers=email), 403)


async def test_services_read_a_profile_with_users_read(database_url: str) -> None:
    async with users_app(database_url) as (app, client):
        admin = await login(client)
        sales = await create_user(client, admin, "max@example.com", "sales")
        token = bearer(await login(client, "max@example.com", USER_PASSWORD))
        assert (await client.put("/auth/me/sender-profile", headers=token, json=PROFILE)).status_code == 200
        url = f"/users/{sales['id']}/sender-profile"
        for client_id in ("ai", "email"):  # the internal clients that write on a user's behalf
            read = await client.get(url, headers=await _service(client, client_id, "users:read"))
            assert read.status_code == 200 and read.json()["offer"] == PROFILE["offer"]
        assert_problem(await client.get(url, headers=await _service(client, "ai", "leads:read")), 403)
        assert_problem(await client.post("/auth/token", data={
            "grant_type": "client_credentials", "client_id": "calendar", "client_secret": SERVICE_SECRET,
            "scope": "users:read"}), 403)
        assert_problem(await client.get(url, headers=token), 403)  # people use /auth/me/sender-profile
        assert_problem(await client.get(url, headers=bearer(admin)), 403)
        ai = await _service(client, "ai", "users:read")
        assert_problem(await client.get("/users/999/sender-profile", headers=ai), 404)
        typed = UsersClient("http://users.test", transport=httpx.ASGITransport(app=app))
        try:
            profile = await typed.sender_profile(int(sales["id"]), token=ai["authorization"].removeprefix("Bearer "))
            assert profile.name == "Max Vogel" and profile.calendar_url == PROFILE["calendar_url"]
            with pytest.raises(NotFound):
                await typed.sender_profile(999, token=ai["authorization"].removeprefix("Bearer "))
        finally:
            await typed.aclose()
