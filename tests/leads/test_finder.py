"""The lead finder end to end: a list of sites → a job with progress → results → companies and contacts."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.leads.crm_support import Stack, leads_stack
from tests.leads.sites import SiteServer, corpus_sites, mapping_resolver


def _two_sites():
    sites = [s for s in corpus_sites() if not s.expected.get("js_required") and s.expected.get("company_name")]
    assert len(sites) >= 2, "the corpus needs at least two static sites"
    return sites[:2]


async def wait_finished(stack: Stack, job_id: int, timeout: float = 60) -> dict:
    async with asyncio.timeout(timeout):
        while True:
            body = (await stack.client.get(f"/leads/finder/{job_id}", headers=stack.sales)).json()
            if body["job"]["status"] in ("succeeded", "failed", "cancelled"):
                return body
            await asyncio.sleep(0.1)


@pytest.fixture
def served():
    sites = _two_sites()
    hosts = {f"{s.slug}.de": s for s in sites}
    with SiteServer(vhosts={h: s.root for h, s in hosts.items()}) as server:
        yield server, hosts


async def test_finder_crawls_list_and_imports_selected(database_url: str, tmp_path: Path, served) -> None:
    server, hosts = served
    async with leads_stack(
        database_url,
        tmp_path,
        allow_addresses=[server.address],
        per_host_delay=0.0,
        render_mode="never",
        fetch_timeout=5.0,
    ) as stack:
        stack.app.state.runtime.deps.resolver = mapping_resolver({h: "127.0.0.1" for h in hosts})
        urls = [server.url("/", host=h) for h in hosts] + ["not a domain!", "https://www.facebook.com/acme"]
        resp = await stack.client.post("/leads/finder", headers=stack.sales, json={"urls": urls})
        assert resp.status_code == 201, resp.text
        started = resp.json()
        assert started["job"]["progress_total"] == 2 and len(started["results"]) == 2
        assert {s["reason"] for s in started["skipped"]} >= {"invalid"}
        done = await wait_finished(stack, started["job"]["id"])
        assert done["job"]["status"] == "succeeded", done["job"]
        assert done["job"]["progress_done"] == 2
        assert all(r["status"] == "done" and r["record"]["pages"] for r in done["results"]), done["results"]
        first = done["results"][0]
        report = await stack.client.post(
            f"/leads/finder/{started['job']['id']}/import", headers=stack.sales, json={"result_ids": [first["id"]]}
        )
        assert report.status_code == 200 and report.json()["created"] == 1, report.text
        company_id = report.json()["company_ids"][0]
        company = (await stack.client.get(f"/leads/companies/{company_id}", headers=stack.sales)).json()
        expected = hosts[first["domain"]].expected
        assert company["name"] == expected["company_name"]
        assert company["source"] == "crawl" and company["crawled_at"]
        assert company["evidence"]["name"]["url"].startswith("http")
        contacts = (await stack.client.get(f"/leads/contacts?company_id={company_id}", headers=stack.sales)).json()
        assert {c["name"] for c in contacts["items"]} >= set(expected.get("representatives") or [])
        # Importing again updates instead of duplicating.
        again = await stack.client.post(f"/leads/finder/{started['job']['id']}/import", headers=stack.sales, json={})
        assert again.json()["updated"] == 1 and again.json()["created"] == 1


async def test_finder_query_needs_a_provider_and_input_is_checked(database_url: str, tmp_path: Path) -> None:
    async with leads_stack(database_url, tmp_path, osm_enabled=False) as stack:
        resp = await stack.client.post("/leads/finder", headers=stack.sales, json={"query": "Steuerberater München"})
        assert resp.status_code == 422 and "OUTBOUND_OSM_ENABLED" in resp.json()["detail"]
        assert resp.json()["type"] == "urn:outbound:problem:discovery-not-configured"  # the SPA tells it apart
        assert "OUTBOUND_BRAVE_API_KEY" in resp.json()["detail"]
        named = await stack.client.post("/leads/finder", headers=stack.sales,
                                        json={"query": "Steuerberater München", "provider": "serper"})
        assert named.status_code == 422 and "needs OUTBOUND_SERPER_API_KEY" in named.json()["detail"]
        unknown = await stack.client.post("/leads/finder", headers=stack.sales,
                                          json={"query": "x y", "provider": "bing"})
        assert unknown.status_code == 422
        assert (await stack.client.post("/leads/finder", headers=stack.sales, json={})).status_code == 422
        bad = await stack.client.post("/leads/finder", headers=stack.sales, json={"urls": ["::::", "ftp://x"]})
        assert bad.status_code == 422
        demo = await stack.client.post("/leads/finder", headers=stack.demo, json={"urls": ["a.de"]})
        assert demo.status_code == 403


async def test_a_blocked_site_fails_alone_and_is_not_imported(database_url: str, tmp_path: Path) -> None:
    async with leads_stack(database_url, tmp_path, render_mode="never", fetch_timeout=2.0) as stack:
        # 127.0.0.1 is not allowed here: the SSRF guard refuses, the site fails, the job still succeeds.
        resp = await stack.client.post("/leads/finder", headers=stack.sales, json={"urls": ["http://127.0.0.1:9/"]})
        done = await wait_finished(stack, resp.json()["job"]["id"])
        assert done["job"]["status"] == "succeeded"
        assert done["results"][0]["status"] == "failed" and done["results"][0]["error"]
        imported = await stack.client.post(f"/leads/finder/{done['job']['id']}/import", headers=stack.sales, json={})
        assert imported.json()["skipped"] == 1 and imported.json()["created"] == 0


async def _job_and_results(stack: Stack, job_id: int) -> dict:
    return (await stack.client.get(f"/leads/finder/{job_id}", headers=stack.sales)).json()


async def test_restarted_job_resumes_where_it_stopped(database_url: str, tmp_path: Path, served) -> None:
    import sqlalchemy as sa

    from services.kit.jobs import Worker
    from services.leads.jobs import HANDLERS
    from services.leads.models import SiteResult

    server, hosts = served
    async with leads_stack(database_url, tmp_path, allow_addresses=[server.address], per_host_delay=0.0,
                           render_mode="never", workers=0) as stack:
        runtime = stack.app.state.runtime
        runtime.deps.resolver = mapping_resolver({h: "127.0.0.1" for h in hosts})
        first, second = list(hosts)
        resp = await stack.client.post("/leads/finder", headers=stack.sales, json={
            "urls": [server.url("/", host=h) for h in (first, second)], "auto_import": True})
        job_id = resp.json()["job"]["id"]
        # The worker that ran this job before the restart had finished (and imported) the first site.
        made = await stack.client.post("/leads/companies", headers=stack.sales, json={"name": first})
        async with runtime.sessions() as s, s.begin():
            await s.execute(sa.update(SiteResult).where(SiteResult.job_id == job_id, SiteResult.domain == first)
                            .values(status="done", record={"url": server.url("/", host=first), "pages": ["x"]},
                                    company_id=made.json()["id"]))
        assert await Worker(runtime.queue, HANDLERS, runtime=runtime).run_once()
        body = await _job_and_results(stack, job_id)
        assert body["job"]["status"] == "succeeded" and body["job"]["progress_done"] == 2
        # What every run of the job did, not only the last one.
        assert body["job"]["result"]["imported"] == 2 and body["job"]["result"]["failed"] == 0
        assert {seen.host for seen in server.requests} == {second}, "the finished site must not be fetched again"


async def test_cancelled_job_leaves_unfinished_sites_pending(database_url: str, tmp_path: Path) -> None:
    from services.kit.jobs import Worker
    from services.leads.jobs import HANDLERS
    from tests.leads.sites import Reply, html

    page = html("<h1>Slow GmbH</h1><a href='/impressum'>Impressum</a>")
    sites = {"fast-gmbh.de": {"*": Reply(body=page, delay=0.3)}, "slow-gmbh.de": {"*": Reply(body=page, delay=5)}}
    with SiteServer(vhosts=sites) as server:
        async with leads_stack(database_url, tmp_path, allow_addresses=[server.address], per_host_delay=0.0,
                               render_mode="never", workers=0, respect_robots=False) as stack:
            runtime = stack.app.state.runtime
            runtime.deps.resolver = mapping_resolver(dict.fromkeys(sites, "127.0.0.1"))
            resp = await stack.client.post("/leads/finder", headers=stack.sales,
                                           json={"urls": [server.url("/", host=h) for h in sites]})
            job_id = resp.json()["job"]["id"]
            task = asyncio.create_task(Worker(runtime.queue, HANDLERS, runtime=runtime).run_once())
            async with asyncio.timeout(10):
                while {r["status"] for r in (await _job_and_results(stack, job_id))["results"]} != {"done", "running"}:
                    await asyncio.sleep(0.02)
            cancel = await stack.client.post(f"/leads/jobs/{job_id}/cancel", headers=stack.sales)
            assert cancel.status_code == 200 and cancel.json()["cancel_requested"]
            await asyncio.wait_for(task, 30)
            body = await _job_and_results(stack, job_id)
            assert body["job"]["status"] == "cancelled"
            by_domain = {r["domain"]: r["status"] for r in body["results"]}
            assert by_domain == {"fast-gmbh.de": "done", "slow-gmbh.de": "pending"}
            retried = await stack.client.post(f"/leads/jobs/{job_id}/retry", headers=stack.sales)
            assert retried.status_code == 200 and retried.json()["status"] == "queued"


# --- providers, OpenStreetMap queries, bare domains, outcomes, per-site retry -------------------------------


async def test_providers_say_what_is_configured_and_what_is_missing(database_url: str, tmp_path: Path) -> None:
    async with leads_stack(database_url, tmp_path, brave_api_key="k-123") as stack:
        resp = await stack.client.get("/leads/finder/providers", headers=stack.demo)
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert body["default"] == "brave"
        by_name = {p["name"]: p for p in body["providers"]}
        assert [p["name"] for p in body["providers"]] == ["osm", "searxng", "brave", "serper", "google"]
        assert by_name["osm"]["configured"] and by_name["osm"]["missing"] == []
        assert "© OpenStreetMap contributors, ODbL" in by_name["osm"]["attribution"]
        assert by_name["brave"]["configured"] and "k-123" not in resp.text
        assert by_name["serper"] == {**by_name["serper"], "configured": False, "missing": ["OUTBOUND_SERPER_API_KEY"]}
        assert "2027" in by_name["google"]["notice"]
        assert (await stack.client.get("/leads/finder/providers")).status_code == 401
    (tmp_path / "off").mkdir()
    async with leads_stack(database_url, tmp_path / "off", osm_enabled=False) as stack:
        body = (await stack.client.get("/leads/finder/providers", headers=stack.sales)).json()
        assert body["default"] is None and not any(p["configured"] for p in body["providers"])


def _osm_businesses(hosts: dict[str, object], port: int) -> list:
    from tests.fakes.overpass import Area, element

    # OSM writes websites with or without a scheme; these have none, so https is tried first.
    items = [element("node", i, office="tax_advisor", name=f"Kanzlei {i}", website=f"{host}:{port}",
                     phone=f"+49 89 {i}", addr__city="München") for i, host in enumerate(hosts, start=1)]
    items.append(element("node", 99, office="tax_advisor", name="Kanzlei ohne Website", phone="+49 89 99"))
    return [Area({"name": "München"}, elements=items)]


async def test_osm_query_finds_and_crawls_with_http_fallback(database_url: str, tmp_path: Path, served) -> None:
    from tests.fakes.overpass import overpass_server

    server, hosts = served
    port = int(server.url("/").rsplit(":", 1)[1].split("/")[0])
    async with overpass_server() as (overpass_url, overpass):
        overpass.places = _osm_businesses(hosts, port)
        async with leads_stack(database_url, tmp_path, allow_addresses=[server.address], per_host_delay=0.0,
                               render_mode="never", fetch_timeout=5.0, overpass_url=overpass_url) as stack:
            stack.app.state.runtime.deps.resolver = mapping_resolver({h: "127.0.0.1" for h in hosts})
            resp = await stack.client.post("/leads/finder", headers=stack.sales,
                                           json={"query": "Steuerberater in münchen", "provider": "osm"})
            assert resp.status_code == 201, resp.text
            assert resp.json()["job"]["progress_total"] is None  # the search runs in the job
            done = await wait_finished(stack, resp.json()["job"]["id"])
    assert done["job"]["status"] == "succeeded" and done["outcome"] == "finished", done
    assert done["provider"] == "osm" and "OpenStreetMap contributors" in done["attribution"]
    assert done["counts"] == {"pending": 0, "running": 0, "done": 2, "failed": 0}
    # https failed (the sites speak plain http), http answered: the rows say so.
    assert sorted(r["url"] for r in done["results"]) == sorted(f"http://{h}:{port}/" for h in hosts)
    assert {r["title"] for r in done["results"]} == {"Kanzlei 1", "Kanzlei 2"}
    assert all(r["record"]["pages"] and r["error_summary"] is None for r in done["results"])
    no_site = [s for s in done["skipped"] if s["reason"] == "no-website"]
    assert no_site == [{"url": "", "name": "Kanzlei ohne Website", "reason": "no-website",
                        "detail": "+49 89 99 · office=tax_advisor"}]
    assert done["job"]["result"]["outcome"] == "finished"
    assert overpass.requests[0].filters == [[("office", "tax_advisor")]]


async def test_osm_query_errors_before_a_job(database_url: str, tmp_path: Path) -> None:
    async with leads_stack(database_url, tmp_path) as stack:
        resp = await stack.client.post("/leads/finder", headers=stack.sales, json={"query": "Müller GmbH Berlin"})
        assert resp.status_code == 422 and "no type was recognised" in resp.json()["detail"]
        assert resp.json()["type"] == "urn:outbound:problem:invalid"
        jobs = await stack.client.get("/leads/jobs", headers=stack.sales)
        assert jobs.json()["total"] == 0


async def test_bare_domains_fall_back_to_http(database_url: str, tmp_path: Path, served) -> None:
    server, hosts = served
    port = int(server.url("/").rsplit(":", 1)[1].split("/")[0])
    first, second = list(hosts)
    async with leads_stack(database_url, tmp_path, allow_addresses=[server.address], per_host_delay=0.0,
                           render_mode="never", fetch_timeout=5.0) as stack:
        stack.app.state.runtime.deps.resolver = mapping_resolver({h: "127.0.0.1" for h in hosts})
        # The first is bare (https is a guess); the second says https, and https it stays.
        resp = await stack.client.post("/leads/finder", headers=stack.sales,
                                       json={"urls": [f"{first}:{port}", f"https://{second}:{port}/"]})
        done = await wait_finished(stack, resp.json()["job"]["id"])
    by_domain = {r["domain"]: r for r in done["results"]}
    assert by_domain[first]["status"] == "done" and by_domain[first]["url"] == f"http://{first}:{port}/"
    assert by_domain[second]["status"] == "failed" and by_domain[second]["url"] == f"https://{second}:{port}/"
    assert by_domain[second]["error"].startswith("tls: ")
    assert by_domain[second]["error_summary"].startswith("The site's TLS handshake failed")
    assert done["outcome"] == "partial" and done["counts"]["failed"] == 1


async def test_a_job_whose_every_site_failed_is_failed_not_finished(database_url: str, tmp_path: Path) -> None:
    async with leads_stack(database_url, tmp_path, render_mode="never", fetch_timeout=2.0) as stack:
        resp = await stack.client.post("/leads/finder", headers=stack.sales,
                                       json={"urls": ["http://127.0.0.1:9/", "http://127.0.0.2:9/"]})
        done = await wait_finished(stack, resp.json()["job"]["id"])
        assert done["job"]["status"] == "succeeded"  # the work ran to its end …
        assert done["outcome"] == "failed"  # … but nothing came of it
        assert done["job"]["result"] == {"sites": 2, "done": 0, "failed": 2, "imported": 0, "outcome": "failed"}
        assert {r["error_summary"] for r in done["results"]} == {
            "The site's address is private or internal, so it was not crawled."}
        listed = (await stack.client.get("/leads/jobs?type=find", headers=stack.sales)).json()["items"][0]
        assert listed["result"]["outcome"] == "failed"


async def test_retry_one_site(database_url: str, tmp_path: Path) -> None:
    from tests.leads.sites import Reply, html

    state = {"up": False}
    page = html("<h1>Flaky GmbH</h1><p>Flaky GmbH · Hauptstraße 1 · 10115 Berlin · info@flaky-gmbh.de</p>")

    def home(_seen):
        return Reply(body=page) if state["up"] else Reply(status=503, body="down")

    sites = {"flaky-gmbh.de": {"/robots.txt": Reply(status=404), "*": home},
             "steady-gmbh.de": {"/robots.txt": Reply(status=404), "*": Reply(body=page.replace("Flaky", "Steady"))}}
    with SiteServer(vhosts=sites) as server:
        async with leads_stack(database_url, tmp_path, allow_addresses=[server.address], per_host_delay=0.0,
                               render_mode="never") as stack:
            stack.app.state.runtime.deps.resolver = mapping_resolver(dict.fromkeys(sites, "127.0.0.1"))
            resp = await stack.client.post("/leads/finder", headers=stack.sales,
                                           json={"urls": [server.url("/", host=h) for h in sites]})
            job_id = resp.json()["job"]["id"]
            done = await wait_finished(stack, job_id)
            assert done["outcome"] == "partial"
            flaky = next(r for r in done["results"] if r["domain"] == "flaky-gmbh.de")
            steady = next(r for r in done["results"] if r["domain"] == "steady-gmbh.de")
            assert flaky["status"] == "failed" and flaky["error_summary"] == "The site's server failed (HTTP 503)."
            seen_before = len([r for r in server.requests if r.host == "steady-gmbh.de"])

            # Not the demo role, not a row of another job, not while the job is still running.
            denied = await stack.client.post(f"/leads/finder/{job_id}/results/{flaky['id']}/retry", headers=stack.demo)
            assert denied.status_code == 403
            missing = await stack.client.post(f"/leads/finder/{job_id}/results/999999/retry", headers=stack.sales)
            assert missing.status_code == 404

            state["up"] = True
            retried = await stack.client.post(f"/leads/finder/{job_id}/results/{flaky['id']}/retry",
                                              headers=stack.sales)
            assert retried.status_code == 200, retried.text
            assert retried.json()["job"]["status"] == "queued" and retried.json()["outcome"] == "queued"
            again = await stack.client.post(f"/leads/finder/{job_id}/results/{flaky['id']}/retry",
                                            headers=stack.sales)
            assert again.status_code == 409  # not crawled yet
            done = await wait_finished(stack, job_id)
            assert done["outcome"] == "finished", done
            flaky = next(r for r in done["results"] if r["id"] == flaky["id"])
            assert flaky["status"] == "done" and flaky["record"]["company_name"] == "Flaky GmbH"
            assert next(r for r in done["results"] if r["id"] == steady["id"])["status"] == "done"
            # Only the retried site was fetched again.
            assert len([r for r in server.requests if r.host == "steady-gmbh.de"]) == seen_before
