"""Enriching CRM companies end to end: users + leads + ai in-process, a corpus site served on loopback,
the real openai SDK against the fake; results land on the company and its contacts in leads."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.ai.support import AIStack, ai_stack
from tests.fakes.openai_server import INVENTED_NAME, FakeOpenAI
from tests.leads.sites import SiteServer, corpus_sites, mapping_resolver


def _sites():
    sites = [s for s in corpus_sites() if not s.expected.get("js_required") and s.expected.get("representatives")]
    assert len(sites) >= 2
    return sites[:2]


@pytest.fixture
def served():
    sites = _sites()
    hosts = {f"{s.slug}.de": s for s in sites}
    with SiteServer(vhosts={h: s.root for h, s in hosts.items()}) as server:
        yield server, hosts


async def _company(stack: AIStack, server: SiteServer, host: str) -> int:
    resp = await stack.leads.post("/leads/companies", headers=stack.sales,
                                  json={"name": host, "website": server.url("/", host=host)})
    assert resp.status_code == 201, resp.text
    return int(resp.json()["id"])


def _wire(stack: AIStack, hosts: dict) -> None:
    stack.leads_app.state.runtime.deps.resolver = mapping_resolver({h: "127.0.0.1" for h in hosts})


async def test_enrich_company_writes_profile_and_contacts_to_leads(database_url: str, tmp_path: Path,
                                                                   fake: FakeOpenAI, served) -> None:
    server, hosts = served
    host, site = next(iter(hosts.items()))
    async with ai_stack(database_url, tmp_path, fake, allow_addresses=[server.address]) as stack:
        _wire(stack, hosts)
        company_id = await _company(stack, server, host)
        never = await stack.ai.get(f"/ai/enrich/company/{company_id}", headers=stack.demo)
        assert never.status_code == 204 and never.content == b""  # not enriched yet: an empty state
        resp = await stack.ai.post(f"/ai/enrich/company/{company_id}", headers=stack.sales, json={"language": "en"})
        assert resp.status_code == 200, resp.text
        result = resp.json()
        # The profile can be read back later (a reload of the company page), by every role.
        stored = await stack.ai.get(f"/ai/enrich/company/{company_id}", headers=stack.demo)
        assert stored.status_code == 200 and stored.json() == result
        assert result["ai"]["provider"] == "openai" and result["ai"]["cost"] > 0 and not result["ai"]["cached"]
        assert "summary" in result["updated_fields"] and result["contacts_created"] >= 2
        assert result["grounding"]["dropped_persons"] >= 1  # the brain's invented person
        company = (await stack.leads.get(f"/leads/companies/{company_id}", headers=stack.sales)).json()
        assert company["summary"] == result["profile"]["summary"] and company["status"] == "enriched"
        assert company["evidence"]["summary"]["source"] == "ai"
        assert company["evidence"]["summary"]["model"] == "openai:gpt-4o-mini" and company["enriched_at"]
        contacts = (await stack.leads.get(f"/leads/contacts?company_id={company_id}", headers=stack.sales)).json()
        names = {c["name"] for c in contacts["items"]}
        assert {n.split()[-1] for n in site.expected["representatives"]} <= {n.split()[-1] for n in names}
        assert INVENTED_NAME not in names and all(c["source"] == "ai" for c in contacts["items"])
        assert contacts["items"][0]["evidence"]["name"]["model"] == "openai:gpt-4o-mini"
        timeline = (await stack.leads.get(f"/leads/companies/{company_id}/timeline", headers=stack.sales)).json()
        entry = next(a for a in timeline["items"] if a["type"] == "ai.enriched")
        assert entry["source"] == "ai" and entry["detail"]["prompt"] == "enrich_company@1"
        # Again (a retry): the model is not asked twice, the site is not fetched again (the leads service
        # kept what it saw), no contact is duplicated and the timeline gets no second entry.
        fetched = len(server.requests)
        again = (await stack.ai.post(f"/ai/enrich/company/{company_id}", headers=stack.sales,
                                     json={"language": "en"})).json()
        assert again["ai"]["cached"] is True and again["contacts_created"] == 0 and len(fake.calls) == 1
        assert len(server.requests) == fetched
        timeline = (await stack.leads.get(f"/leads/companies/{company_id}/timeline", headers=stack.sales)).json()
        assert [a["type"] for a in timeline["items"]].count("ai.enriched") == 1
        site_seen = (await stack.leads.get(f"/leads/companies/{company_id}/site", headers=stack.demo)).json()
        assert site_seen["record"]["company_name"] and any(p["kind"] == "impressum" for p in site_seen["pages"])
        # A manual edit is never overwritten by a later enrichment.
        await stack.leads.patch(f"/leads/companies/{company_id}", headers=stack.sales, json={"summary": "Mine."})
        third = (await stack.ai.post(f"/ai/enrich/company/{company_id}", headers=stack.sales, json={})).json()
        assert "summary" not in third["updated_fields"]
        kept = (await stack.leads.get(f"/leads/companies/{company_id}", headers=stack.sales)).json()
        assert kept["summary"] == "Mine." and kept["evidence"]["summary"]["source"] == "manual"
        assert (await stack.ai.post("/ai/enrich/company/999999", headers=stack.sales)).status_code == 404
        assert (await stack.ai.post(f"/ai/enrich/company/{company_id}", headers=stack.demo)).status_code == 403


async def test_batch_job_enriches_with_progress(database_url: str, tmp_path: Path, served) -> None:
    server, hosts = served
    async with ai_stack(database_url, tmp_path, allow_addresses=[server.address]) as stack:  # heuristic provider
        _wire(stack, hosts)
        ids = [await _company(stack, server, host) for host in hosts]
        no_site = (await stack.leads.post("/leads/companies", headers=stack.sales, json={"name": "No Site"})).json()
        resp = await stack.ai.post("/ai/enrich/batch", headers=stack.sales,
                                   json={"company_ids": [*ids, no_site["id"], 999999]})
        assert resp.status_code == 202, resp.text
        job = resp.json()["job"]
        assert job["progress_total"] == 4 and job["status"] == "queued"
        async with asyncio.timeout(60):
            while job["status"] not in ("succeeded", "failed"):
                await asyncio.sleep(0.1)
                job = (await stack.ai.get(f"/ai/jobs/{job['id']}", headers=stack.sales)).json()
        assert job["status"] == "succeeded", job
        assert job["progress_done"] == 4
        result = job["result"]
        assert (result["enriched"], result["failed"]) == (2, 2)
        errors = {i["company_id"]: i.get("error") for i in result["items"]}
        assert "no website" in errors[no_site["id"]] and "does not exist" in errors[999999]
        company = (await stack.leads.get(f"/leads/companies/{ids[0]}", headers=stack.sales)).json()
        assert company["summary"] and company["evidence"]["summary"]["model"] == "heuristic:rules"
        empty = await stack.ai.post("/ai/enrich/batch", headers=stack.sales, json={"company_ids": []})
        assert empty.status_code == 422


async def test_only_the_leads_service_crawls_and_only_for_services_with_the_scope(database_url: str, tmp_path: Path,
                                                                                   served) -> None:
    server, hosts = served
    host = next(iter(hosts))
    async with ai_stack(database_url, tmp_path, allow_addresses=[server.address]) as stack:
        _wire(stack, hosts)
        company_id = await _company(stack, server, host)
        never = await stack.leads.get(f"/leads/companies/{company_id}/site", headers=stack.sales)
        assert never.status_code == 200 and never.json() is None  # not crawled yet: an empty state
        assert (await stack.leads.get("/leads/companies/999999/site", headers=stack.sales)).status_code == 404
        url = server.url("/", host=host)
        for caller in (stack.sales, stack.admin, stack.calendar_service):  # people, and a service without the scope
            refused = await stack.leads.post("/leads/extract", headers=caller, json={"url": url})
            assert refused.status_code == 403, refused.text
        assert not server.requests
        # The preview goes through the leads service, which keeps the crawl for the company's domain.
        preview = await stack.ai.post("/ai/enrich/preview", headers=stack.sales, json={"url": url})
        assert preview.status_code == 200, preview.text
        kept = (await stack.leads.get(f"/leads/companies/{company_id}/site", headers=stack.sales)).json()
        assert kept["url"] == url and kept["pages"] and all(p["text"] for p in kept["pages"])
        assert preview.json()["facts"]["company_name"] == kept["record"]["company_name"]
