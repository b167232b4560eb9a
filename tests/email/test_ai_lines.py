"""AI lines: users + leads + ai + email in-process, a company site served on loopback and crawled by leads; the
offline writer (labelled "rules (not AI)") makes one cited line per contact and step; review by PATCH."""

from __future__ import annotations

from pathlib import Path

from services.email import repository as repo
from services.email.ai_lines import AI_LINES_JOB, new_line
from services.email.models import DRAFT, RUNNING
from services.leads.crawler.net import mapping_resolver
from tests.ai.pages import HOME, IMPRESSUM
from tests.email.inbound_support import email_stack
from tests.leads.sites import Reply, SiteServer

HOST = "muster-pumpen.de"


def test_new_line_takes_the_added_sentence_and_its_url() -> None:
    draft = "Hello,\n\nI am getting in touch briefly.\n\nBest regards"
    result = ("Hello,\n\nI saw on your website that Muster is a family business (https://m.example/about), "
              "that caught my attention.\n\nI am getting in touch briefly.\n\nBest regards")
    assert new_line(draft, result) == (
        "I saw on your website that Muster is a family business, that caught my attention.",
        "https://m.example/about")
    german = ("Guten Tag,\n\nauf Ihrer Website habe ich gesehen, dass Muster seit 1987 Pumpen baut "
              "(https://m.example/). Ich melde mich kurz bei Ihnen.\n\nViele Grüße")
    line, url = new_line("Guten Tag,\n\nich melde mich kurz bei Ihnen.\n\nViele Grüße", german)
    assert line == "Auf Ihrer Website habe ich gesehen, dass Muster seit 1987 Pumpen baut." and url == "https://m.example/"
    assert new_line(draft, draft) == ("", None)


async def test_ai_lines_generated_reviewed_and_locked_after_start(database_url: str, tmp_path: Path) -> None:
    site = {"/": Reply(body=HOME), "/impressum": Reply(body=IMPRESSUM)}
    with SiteServer(vhosts={HOST: site}) as server:
        crawl = {"allow_addresses": [server.address], "per_host_delay": 0.0, "render_mode": "never",
                 "fetch_timeout": 5.0}
        async with email_stack(database_url, tmp_path, with_ai=True, leads_overrides=crawl) as stack:
            assert stack.ai is not None
            stack.leads_app.state.runtime.deps.resolver = mapping_resolver({HOST: "127.0.0.1"})
            company = await stack.leads.post("/leads/companies", headers=stack.sales,
                                             json={"name": "Muster Pumpen GmbH", "website": server.url("/", host=HOST),
                                                   "country": "DE"})
            assert company.status_code == 201, company.text
            company_id = company.json()["id"]
            enriched = await stack.ai.post(f"/ai/enrich/company/{company_id}", headers=stack.admin, json={})
            assert enriched.status_code == 200, enriched.text
            anna = (await stack.leads.post("/leads/contacts", headers=stack.sales, json={
                "name": "Anna Schmidt", "email": "anna@muster-pumpen.de", "company_id": company_id,
                "country": "DE"})).json()
            nobody_company = (await stack.leads.post("/leads/companies", headers=stack.sales,
                                                     json={"name": "Unknown AG"})).json()
            ben = (await stack.leads.post("/leads/contacts", headers=stack.sales, json={
                "name": "Ben Blank", "email": "ben@unknown.example", "company_id": nobody_company["id"]})).json()
            box = await stack.mailbox()
            camp = await stack.campaign(box, [anna, ben], steps=2, status=DRAFT, ai_line_steps=(1,), sent=False)
            cid = camp["id"]

            # Generation is a job; the demo role may not start it.
            assert (await stack.email.post(f"/email/campaigns/{cid}/ai-lines", headers=stack.demo)).status_code == 403
            started = await stack.email.post(f"/email/campaigns/{cid}/ai-lines", headers=stack.sales)
            assert started.status_code == 202, started.text
            assert started.json()["steps"] == [1]
            await stack.run_jobs()
            job = next(j for j in await stack.jobs(AI_LINES_JOB))
            assert job.status == "succeeded", job.error
            assert job.result == {"made": 2, "without_line": 1, "kept": 0, "contacts_gone": 0}

            listed = (await stack.email.get(f"/email/campaigns/{cid}/ai-lines", headers=stack.demo)).json()
            assert listed["total"] == 2
            by_contact = {i["contact_id"]: i for i in listed["items"]}
            line = by_contact[anna["id"]]
            assert line["status"] == "proposed" and line["step"] == 1
            assert line["provider"] == "rules (not AI)", line
            print("ai line:", line["line"], "|", line["source_url"], "|", line["snippet"])
            assert "Website" in line["line"] and "http" not in line["line"]
            assert line["source_url"] and HOST in line["source_url"]
            assert line["snippet"] and any(w in line["snippet"] for w in ("1987", "400", "Kassel"))
            # Nothing citable about Ben's company: no line, and it renders as nothing.
            assert by_contact[ben["id"]]["line"] == "" and by_contact[ben["id"]]["status"] == "rejected"

            # Again: existing lines stay as they are (keyed by campaign, contact, step).
            await stack.email.post(f"/email/campaigns/{cid}/ai-lines", headers=stack.sales)
            await stack.run_jobs()
            assert (await stack.jobs(AI_LINES_JOB))[-1].result == {"made": 0, "without_line": 0, "kept": 2,
                                                                   "contacts_gone": 0}

            # Review: edit, accept, reject; an empty line cannot be accepted; the demo role may review.
            lid = line["id"]
            edited = await stack.email.patch(f"/email/ai-lines/{lid}", headers=stack.sales,
                                             json={"line": "Ihre Pumpen seit 1987 haben mich beeindruckt."})
            assert edited.status_code == 200 and edited.json()["status"] == "edited"
            assert edited.json()["edited_by"].startswith("user:")
            rejected = await stack.email.patch(f"/email/ai-lines/{lid}", headers=stack.sales,
                                               json={"status": "rejected"})
            assert rejected.json()["status"] == "rejected"
            accepted = await stack.email.patch(f"/email/ai-lines/{lid}", headers=stack.sales,
                                               json={"status": "accepted"})
            assert accepted.json()["status"] == "accepted"
            empty = await stack.email.patch(f"/email/ai-lines/{by_contact[ben['id']]['id']}", headers=stack.sales,
                                            json={"status": "accepted"})
            assert empty.status_code == 409
            assert (await stack.email.patch(f"/email/ai-lines/{lid}", headers=stack.sales, json={})).status_code == 422
            assert (await stack.email.patch("/email/ai-lines/999999", headers=stack.sales,
                                            json={"status": "accepted"})).status_code == 404
            filtered = (await stack.email.get(f"/email/campaigns/{cid}/ai-lines?status=accepted",
                                              headers=stack.sales)).json()
            assert [i["id"] for i in filtered["items"]] == [lid]

            # Once the campaign runs, lines are what was reviewed: no change, no generation.
            async with stack.runtime.sessions() as s:
                campaign = await repo.get_campaign(s, cid)
                assert campaign is not None
                campaign.status = RUNNING
                await s.commit()
                assert await repo.accepted_ai_lines(s, cid, 1) == {anna["id"]: accepted.json()["line"]}
            assert (await stack.email.patch(f"/email/ai-lines/{lid}", headers=stack.sales,
                                            json={"status": "rejected"})).status_code == 409
            assert (await stack.email.post(f"/email/campaigns/{cid}/ai-lines", headers=stack.sales)).status_code == 409
            assert (await stack.email.get("/email/campaigns/999999/ai-lines", headers=stack.sales)).status_code == 404


async def test_saving_a_draft_that_asks_for_lines_starts_their_generation(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path, with_ai=True) as stack:
        company = (await stack.leads.post("/leads/companies", headers=stack.sales,
                                          json={"name": "Muster Pumpen GmbH", "country": "DE"})).json()
        anna = (await stack.leads.post("/leads/contacts", headers=stack.sales, json={
            "name": "Anna Schmidt", "email": "anna@muster-pumpen.de", "company_id": company["id"]})).json()
        ben = (await stack.leads.post("/leads/contacts", headers=stack.sales, json={
            "name": "Ben Blank", "email": "ben@muster-pumpen.de", "company_id": company["id"]})).json()
        template = (await stack.email.post("/email/templates", headers=stack.sales, json={
            "name": "T", "subject": "Kurze Frage", "body_text": "{{ ai_line }}"})).json()
        box = await stack.mailbox()
        plain = {"template_id": template["id"], "delay_days": 0}
        # No step asks for a line: nothing to generate.
        created = await stack.email.post("/email/campaigns", headers=stack.sales, json={
            "name": "Plain", "mailbox_ids": [box], "contact_ids": [anna["id"]], "steps": [plain]})
        assert created.status_code == 201, created.text
        assert await stack.jobs(AI_LINES_JOB) == []
        # A step that asks: the lines are made after the save, ready for review, without anyone asking.
        created = await stack.email.post("/email/campaigns", headers=stack.sales, json={
            "name": "Personal", "mailbox_ids": [box], "contact_ids": [anna["id"]],
            "steps": [{**plain, "ai_line": True}]})
        cid = created.json()["id"]
        [job] = await stack.jobs(AI_LINES_JOB)
        assert job.payload == {"campaign_id": cid} and job.progress_total == 1
        await stack.run_jobs()
        lines = (await stack.email.get(f"/email/campaigns/{cid}/ai-lines", headers=stack.sales)).json()
        assert [i["contact_id"] for i in lines["items"]] == [anna["id"]]
        # A change of the audience fills the gap for the new contact; a rename alone asks for nothing.
        changed = await stack.email.patch(f"/email/campaigns/{cid}", headers=stack.sales,
                                          json={"contact_ids": [anna["id"], ben["id"]]})
        assert changed.status_code == 200, changed.text
        await stack.email.patch(f"/email/campaigns/{cid}", headers=stack.sales, json={"name": "Personal 2"})
        assert len(await stack.jobs(AI_LINES_JOB)) == 2
        await stack.run_jobs()
        assert (await stack.jobs(AI_LINES_JOB))[-1].result["kept"] == 1
        lines = (await stack.email.get(f"/email/campaigns/{cid}/ai-lines", headers=stack.sales)).json()
        assert sorted(i["contact_id"] for i in lines["items"]) == sorted([anna["id"], ben["id"]])


async def test_the_public_demo_saves_such_a_draft_without_ai_calls(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path, with_ai=True, demo_mode=True) as stack:
        company = (await stack.leads.post("/leads/companies", headers=stack.sales, json={"name": "Demo GmbH"})).json()
        anna = (await stack.leads.post("/leads/contacts", headers=stack.sales, json={
            "name": "Anna Schmidt", "email": "anna@demo.example", "company_id": company["id"]})).json()
        template = (await stack.email.post("/email/templates", headers=stack.sales, json={
            "name": "T", "subject": "Kurze Frage", "body_text": "{{ ai_line }}"})).json()
        created = await stack.email.post("/email/campaigns", headers=stack.sales, json={
            "name": "Personal", "mailbox_ids": [await stack.mailbox()], "contact_ids": [anna["id"]],
            "steps": [{"template_id": template["id"], "delay_days": 0, "ai_line": True}]})
        assert created.status_code == 201, created.text
        assert await stack.jobs(AI_LINES_JOB) == []
