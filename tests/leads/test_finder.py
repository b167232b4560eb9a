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
    async with leads_stack(database_url, tmp_path) as stack:
        resp = await stack.client.post("/leads/finder", headers=stack.sales, json={"query": "Steuerberater München"})
        assert resp.status_code == 422 and "OUTBOUND_SEARCH_PROVIDER" in resp.json()["detail"]
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
