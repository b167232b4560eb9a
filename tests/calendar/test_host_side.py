"""The signed-in side: who may call which route, the demo's refusals, availability and its preview, pages
and their owners, the secret feed, and the public page's abuse limits."""

from __future__ import annotations

import asyncio
from pathlib import Path

from icalendar import Calendar

from tests.calendar.support import NO_LIMITS, booking, calendar_stack

A, S, D, SVC = "admin", "sales", "demo", "service"
PEOPLE, STAFF = {A, S, D}, {A, S}
# Who gets past authorisation on each route (the e-mail service's token carries calendar:links and
# calendar:slots); everything under /calendar/public and the health check is open to anyone.
POLICY: dict[tuple[str, str], set[str]] = {
    ("GET", "/calendar/availability"): PEOPLE,
    ("PUT", "/calendar/availability"): STAFF,
    ("POST", "/calendar/availability/preview"): STAFF,  # part of the editor, which the demo role cannot use
    ("GET", "/calendar/pages"): PEOPLE,
    ("POST", "/calendar/pages"): STAFF,
    ("GET", "/calendar/pages/{page_id}"): PEOPLE,
    ("PATCH", "/calendar/pages/{page_id}"): STAFF,
    ("DELETE", "/calendar/pages/{page_id}"): STAFF,
    ("POST", "/calendar/pages/{page_id}/rotate-link"): STAFF,
    ("GET", "/calendar/pages/{page_id}/next-slots"): {SVC},
    ("POST", "/calendar/links"): {A, S, SVC},
    ("GET", "/calendar/bookings"): PEOPLE,
    ("GET", "/calendar/bookings/{booking_id}"): PEOPLE,
    ("POST", "/calendar/bookings/{booking_id}/cancel"): STAFF,
    ("GET", "/calendar/google"): PEOPLE,
    ("POST", "/calendar/google/connect"): STAFF,
    ("POST", "/calendar/google/callback"): STAFF,
    ("GET", "/calendar/google/calendars"): PEOPLE,
    ("PUT", "/calendar/google/calendars"): STAFF,
    ("POST", "/calendar/google/disconnect"): STAFF,
    ("GET", "/calendar/feed"): PEOPLE,
    ("POST", "/calendar/feed"): STAFF,
    ("DELETE", "/calendar/feed"): STAFF,
    ("GET", "/calendar/jobs"): PEOPLE,
    ("GET", "/calendar/jobs/{job_id}"): PEOPLE,
    ("POST", "/calendar/jobs/{job_id}/cancel"): STAFF,
    ("POST", "/calendar/jobs/{job_id}/retry"): STAFF,
}


async def test_every_route_has_its_role_policy(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        doc = (await stack.calendar.get("/openapi.json")).json()
        routes = {(method.upper(), path) for path, item in doc["paths"].items() for method in item}
        guarded = {r for r in routes if not r[1].startswith("/calendar/public/") and r[1] != "/calendar/healthz"}
        assert guarded == set(POLICY), f"routes without a stated policy: {guarded ^ set(POLICY)}"
        callers = {A: stack.admin, S: stack.sales, D: stack.demo, SVC: stack.email_service}
        for (method, path), allowed in sorted(POLICY.items()):
            url = path.replace("{page_id}", "1").replace("{booking_id}", "1").replace("{job_id}", "1")
            anonymous = await stack.calendar.request(method, url)
            assert anonymous.status_code == 401, (method, path)
            for name, headers in callers.items():
                resp = await stack.calendar.request(method, url, headers=headers)
                passed = resp.status_code not in (401, 403)
                assert passed == (name in allowed), (method, path, name, resp.status_code, resp.text[:200])
        for path in sorted(r[1] for r in routes - guarded):
            resp = await stack.calendar.get(path.replace("{token}", "t" * 43).replace("{link}", "x.y")
                                            .replace("{slot}", "x.y"))
            assert resp.status_code not in (401, 403), path


async def test_the_demo_refuses_availability_and_google_but_takes_bookings(database_url: str,
                                                                          tmp_path: Path) -> None:
    secret = {"calendar_secret": "s" * 40}
    # The demo's data is seeded before the demo runs (the reset job does so); then demo mode is switched on.
    async with calendar_stack(database_url, tmp_path / "seed", **secret) as stack:
        page = await stack.host_page()
    async with calendar_stack(database_url, tmp_path / "demo", demo_mode=True, **secret) as demo:
        refused = await demo.calendar.put("/calendar/availability", headers=demo.sales,
                                          json={"timezone": "Europe/Berlin", "weekly": {}})
        assert refused.status_code == 403
        assert refused.json()["detail"] == "This is switched off in the public demo."
        assert (await demo.calendar.post("/calendar/google/connect", headers=demo.admin)).status_code == 403
        # The booking page is the showcase: it works, and so do moving and cancelling.
        made = await demo.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                        json=booking("2025-06-03T10:00:00+02:00"))
        assert made.status_code == 201, made.text
        cancel = made.json()["cancel_url"].split("cancel=")[1]
        assert (await demo.calendar.post(f"/calendar/public/manage/{cancel}/cancel", json={})).status_code == 200
        created = await demo.calendar.post("/calendar/pages", headers=demo.sales,
                                           json={"title": "Demo call", "duration_minutes": 30})
        assert created.status_code == 201


async def test_availability_is_validated_whole_and_previewed(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        empty = (await stack.calendar.get("/calendar/availability", headers=stack.sales)).json()
        assert empty["configured"] is False and empty["slot_minutes"] == 30
        bad = await stack.calendar.put("/calendar/availability", headers=stack.sales, json={
            "timezone": "Europe/Berlin", "weekly": {"tue": [["25:00", "26:00"]]},
            "overrides": [{"date": "2025-02-30", "hours": []}]})
        assert bad.status_code == 422
        assert [e["loc"] for e in bad.json()["errors"]] == [["weekly", "tue", 0], ["overrides", 0, "date"]]
        bad = await stack.calendar.put("/calendar/availability", headers=stack.sales, json={
            "timezone": "Europe/Berlin", "weekly": {"mon": [["09:00", "12:00"], ["11:00", "13:00"]]},
            "slot_minutes": 1})
        assert bad.status_code == 422
        assert [e["loc"] for e in bad.json()["errors"]] == [["slot_minutes"], ["weekly", "mon"]]
        typo = await stack.calendar.put("/calendar/availability", headers=stack.sales,
                                        json={"timezone": "Europe/Berlin", "slot_minute": 30})
        assert typo.status_code == 422
        preview = await stack.calendar.post("/calendar/availability/preview", headers=stack.sales, json={
            "availability": {"timezone": "Europe/Berlin", "weekly": {"tue": [["09:00", "10:00"]]}}, "days": 7,
            "timezone": "Asia/Tokyo"})
        assert preview.status_code == 200, preview.text
        assert [s["start"] for s in preview.json()["slots"]] == ["2025-06-03T16:00:00+09:00",
                                                                 "2025-06-03T16:30:00+09:00"]
        assert (await stack.calendar.get("/calendar/availability", headers=stack.sales)).json()["configured"] is False
        page = await stack.host_page(max_per_week=10, overrides=[{"date": "2025-06-04", "hours": []}])
        saved = (await stack.calendar.get("/calendar/availability", headers=stack.sales)).json()
        assert saved["configured"] is True and saved["max_per_week"] == 10
        assert saved["overrides"] == [{"date": "2025-06-04", "hours": []}]
        two_weeks = await stack.calendar.post("/calendar/availability/preview", headers=stack.sales, json={})
        days = {s["start"][:10] for s in two_weeks.json()["slots"]}
        assert "2025-06-04" not in days and "2025-06-03" in days and max(days) == "2025-06-13"
        del page


async def test_pages_belong_to_their_host(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        mine = await stack.host_page(headers=stack.admin)
        theirs = await stack.calendar.patch(f"/calendar/pages/{mine['id']}", headers=stack.sales, json={"title": "X"})
        assert theirs.status_code == 403
        listed = (await stack.calendar.get("/calendar/pages", headers=stack.demo)).json()
        assert [(p["id"], p["host_name"], p["url"]) for p in listed] == [(mine["id"], "Admin", mine["url"])]
        rotated = await stack.calendar.post(f"/calendar/pages/{mine['id']}/rotate-link", headers=stack.admin)
        assert rotated.status_code == 200 and rotated.json()["token"] != mine["token"]
        assert (await stack.calendar.get(f"/calendar/public/{mine['token']}")).status_code == 404
        assert (await stack.calendar.get(f"/calendar/public/{rotated.json()['token']}")).status_code == 200
        bad = await stack.calendar.patch(f"/calendar/pages/{mine['id']}", headers=stack.admin, json={
            "branding": {"logo_url": "javascript:alert(1)"}, "questions": [{"id": "a", "label": "A"}] * 2})
        assert bad.status_code == 422


async def test_the_secret_feed(database_url: str, tmp_path: Path) -> None:
    async with calendar_stack(database_url, tmp_path) as stack:
        page = await stack.host_page()
        assert (await stack.calendar.get("/calendar/feed", headers=stack.sales)).json() == {"url": None}
        await stack.calendar.post(f"/calendar/public/{page['token']}/bookings",
                                  json=booking("2025-06-03T10:00:00+02:00", name="Bob; the, builder\\"))
        first = (await stack.calendar.post("/calendar/feed", headers=stack.sales)).json()["url"]
        assert first.startswith("https://crm.example/api/calendar/public/feed/")
        token = first.rsplit("/", 1)[1]
        feed = await stack.calendar.get(f"/calendar/public/feed/{token}")
        assert feed.status_code == 200 and feed.headers["content-type"].startswith("text/calendar")
        [event] = Calendar.from_ical(feed.content).walk("VEVENT")
        assert str(event["summary"]) == "Intro call: Bob; the, builder\\"
        second = (await stack.calendar.post("/calendar/feed", headers=stack.sales)).json()["url"]
        assert second != first and (await stack.calendar.get(f"/calendar/public/feed/{token}")).status_code == 404
        assert (await stack.calendar.delete("/calendar/feed", headers=stack.sales)).status_code == 204
        assert (await stack.calendar.get(f"/calendar/public/feed/{second.rsplit('/', 1)[1]}")).status_code == 404


async def test_abuse_limits_per_address_and_per_email(database_url: str, tmp_path: Path) -> None:
    limits = {**NO_LIMITS, "calendar_reads_per_minute_ip": 3, "calendar_writes_per_hour_ip": 3,
              "calendar_bookings_per_hour_email": 1, "calendar_bad_links_per_hour_ip": 2}
    async with calendar_stack(database_url, tmp_path, **limits) as stack:
        page = await stack.host_page()
        url = f"/calendar/public/{page['token']}"
        for ip in ("198.51.100.1", "198.51.100.2"):
            answers = [await stack.calendar.get(url, headers={"X-Forwarded-For": ip}) for _ in range(4)]
            assert [r.status_code for r in answers] == [200, 200, 200, 429], ip
            assert int(answers[-1].headers["retry-after"]) >= 1
        # Per e-mail: the second booking for one address within the hour waits, from any address.
        first = await stack.calendar.post(f"{url}/bookings", json=booking("2025-06-03T10:00:00+02:00"),
                                          headers={"X-Forwarded-For": "198.51.100.3"})
        second = await stack.calendar.post(f"{url}/bookings", json=booking("2025-06-03T11:00:00+02:00"),
                                           headers={"X-Forwarded-For": "198.51.100.4"})
        assert (first.status_code, second.status_code) == (201, 429)
        # Unknown links: after two, the address is refused everything for a while, the real page too.
        prober = {"X-Forwarded-For": "198.51.100.5"}
        assert (await stack.calendar.get(f"/calendar/public/{'x' * 43}", headers=prober)).status_code == 404
        assert (await stack.calendar.get(f"/calendar/public/{'y' * 43}", headers=prober)).status_code == 404
        assert (await stack.calendar.get(url, headers=prober)).status_code == 429
        # Writes per address.
        writer = {"X-Forwarded-For": "198.51.100.6"}
        codes = [(await stack.calendar.post(f"{url}/bookings", headers=writer, json=booking(
            f"2025-06-04T1{i}:00:00+02:00", email=f"w{i}@visitor.example"))).status_code for i in range(4)]
        assert codes == [201, 201, 201, 429]
    # X-Forwarded-For from a peer that is not a trusted proxy is ignored: one budget for all.
    async with calendar_stack(database_url, tmp_path / "untrusted", trusted_proxies=[], **limits) as stack:
        page = await stack.host_page()
        answers = await asyncio.gather(*(stack.calendar.get(f"/calendar/public/{page['token']}",
                                                            headers={"X-Forwarded-For": f"203.0.113.{i}"})
                                         for i in range(4)))
        assert sorted(r.status_code for r in answers) == [200, 200, 200, 429]
