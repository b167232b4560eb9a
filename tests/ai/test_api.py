"""The ai API with users + leads + ai in-process: prompts, writing, personalising, usage and budgets."""

from __future__ import annotations

from pathlib import Path

import httpx

from services.ai.client import AIClient
from services.ai.schemas import PersonaliseRequest
from tests.ai.support import AIStack, ai_stack
from tests.fakes.openai_server import INVENTED_URL, FakeOpenAI


async def _contact(stack: AIStack) -> int:
    company = await stack.leads.post("/leads/companies", headers=stack.sales, json={
        "name": "Muster Pumpen GmbH", "website": "https://www.muster-pumpen.de/", "city": "Kassel",
        "industry": "Maschinenbau"})
    assert company.status_code == 201, company.text
    contact = await stack.leads.post("/leads/contacts", headers=stack.sales, json={
        "name": "Anna Schmidt", "email": "anna@muster-pumpen.de", "role": "CEO", "company_id": company.json()["id"]})
    assert contact.status_code == 201, contact.text
    return int(contact.json()["id"])


async def test_prompt_library_is_versioned_and_admin_only(database_url: str, tmp_path: Path) -> None:
    async with ai_stack(database_url, tmp_path) as stack:
        listed = (await stack.ai.get("/ai/prompts", headers=stack.demo)).json()
        assert {p["name"] for p in listed} == {"enrich_company", "write_email", "improve_email", "personalise_step",
                                               "classify_reply"}
        # Every default version shipped is kept; the writing prompts' second one is active.
        assert {p["name"]: p["active"]["version"] for p in listed} == {
            "enrich_company": 1, "write_email": 2, "improve_email": 2, "personalise_step": 2, "classify_reply": 1}
        assert all(p["active"]["created_by"] == "system" for p in listed)
        change = {"template": "{{facts}}\nBe brief.\n{{source}}", "description": "shorter"}
        assert (await stack.ai.put("/ai/prompts/enrich_company", headers=stack.sales, json=change)).status_code == 403
        resp = await stack.ai.put("/ai/prompts/enrich_company", headers=stack.admin, json=change)
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert body["active"]["version"] == 2 and [v["version"] for v in body["versions"]] == [2, 1]
        assert body["active"]["system"] == body["versions"][1]["system"]  # unchanged parts carry over
        assert "source" in body["placeholders"]
        bad = await stack.ai.put("/ai/prompts/enrich_company", headers=stack.admin, json={"template": "{{secret}}"})
        assert bad.status_code == 422 and "secret" in bad.text and "source" in bad.text
        back = await stack.ai.post("/ai/prompts/enrich_company/activate", headers=stack.admin, json={"version": 1})
        assert back.json()["active"]["version"] == 1 and len(back.json()["versions"]) == 2
        missing = await stack.ai.post("/ai/prompts/enrich_company/activate", headers=stack.admin, json={"version": 9})
        assert missing.status_code == 404
        new = {"name": "cold_opener", "system": "Be nice.", "template": "{{instruction}} for {{contact}}",
               "output_schema": "email_draft"}
        assert (await stack.ai.post("/ai/prompts", headers=stack.sales, json=new)).status_code == 403
        assert (await stack.ai.post("/ai/prompts", headers=stack.admin, json=new)).status_code == 201
        assert (await stack.ai.post("/ai/prompts", headers=stack.admin, json=new)).status_code == 409
        assert (await stack.ai.get("/ai/prompts/cold_opener", headers=stack.sales)).json()["active"]["version"] == 1
        assert (await stack.ai.get("/ai/prompts/nothing_here", headers=stack.sales)).status_code == 404
        assert (await stack.ai.get("/ai/prompts", headers={})).status_code == 401


async def test_heuristic_writing_and_usage(database_url: str, tmp_path: Path) -> None:
    async with ai_stack(database_url, tmp_path) as stack:
        provider = (await stack.ai.get("/ai/provider", headers=stack.sales)).json()
        assert provider["provider"] == "heuristic" and provider["is_ai"] is False
        contact_id = await _contact(stack)
        resp = await stack.ai.post("/ai/write/email", headers=stack.sales, json={
            "instruction": "introduce our maintenance contracts for pumps", "contact_id": contact_id,
            "tone": "friendly", "length": "short", "language": "en", "sender_name": "Tom"})
        assert resp.status_code == 200, resp.text
        mail = resp.json()
        assert mail["ai"]["generated_by"] == "rules (not AI)" and mail["ai"]["prompt_name"] == "write_email"
        # Formal unless chosen otherwise, and never "Hi Anna" from a first name; the instruction is not pasted.
        assert mail["body"].startswith("Dear Anna Schmidt,\n") and "maintenance contracts" not in mail["body"]
        assert mail["subject"] == "An idea for Muster Pumpen" and mail["body"].endswith("Best wishes\nTom")
        assert any("one-line offer" in w for w in mail["warnings"]) and any("No fact" in w for w in mail["warnings"])
        templated = await stack.ai.post("/ai/write/email", headers=stack.sales, json={
            "contact": {"name": "Jonas Weber", "company": "Acme"}, "template": {
                "subject": "Hallo {{first_name}}",
                "body": "Hallo {{first_name}} von {{company}}, {{unsubscribe_url}}"}})
        assert templated.json()["subject"] == "Hallo Jonas"
        assert templated.json()["body"] == "Hallo Jonas von Acme, {{unsubscribe_url}}"  # left for the sender
        improved = await stack.ai.post("/ai/write/improve", headers=stack.sales, json={
            "subject": "hello", "body": "hi anna ,i just wanted to ask . are you free ?", "action": "fix_grammar"})
        assert improved.json()["body"] == "hi anna, I just wanted to ask. Are you free?"
        usage = (await stack.ai.get("/ai/usage", headers=stack.sales)).json()
        assert usage["mine"]["calls"] == 3 and usage["mine"]["cost"] == 0 and usage["budget_usd"] == 2.0
        assert usage["users"] is None
        everyone = (await stack.ai.get("/ai/usage", headers=stack.admin)).json()
        assert everyone["users"][0]["principal"] == f"user:{stack.sales_id}"
        calls = (await stack.ai.get("/ai/usage/calls", headers=stack.sales)).json()
        assert calls["total"] == 3 and calls["items"][0]["provider"] == "heuristic"
        assert (await stack.ai.get("/ai/usage/calls?everyone=true", headers=stack.sales)).status_code == 403
        assert (await stack.ai.post("/ai/write/email", headers=stack.demo, json={})).status_code == 403


async def test_model_writing_is_grounded_and_personalising_is_idempotent(database_url: str, tmp_path: Path,
                                                                         fake: FakeOpenAI) -> None:
    async with ai_stack(database_url, tmp_path, fake) as stack:
        contact_id = await _contact(stack)
        resp = await stack.ai.post("/ai/write/email", headers=stack.sales, json={
            "instruction": "invite to our demo day", "contact_id": contact_id, "language": "de", "tone": "formal",
            "template": {"subject": "Demo", "body": "Anmeldung: https://cal.example.com/anna"}})
        assert resp.status_code == 200, resp.text
        mail = resp.json()
        assert mail["ai"]["generated_by"] == "model" and mail["ai"]["cost"] > 0
        assert mail["body"].startswith("Guten Tag Anna Schmidt,\n") and "https://cal.example.com/anna" in mail["body"]
        assert mail["body"].endswith("Mit freundlichen Grüßen\nsales") and mail["stripped_links"] == 0
        user_msg = fake.calls[0].body["messages"][1]["content"]
        assert "<<<UNTRUSTED_CONTACT" in user_msg and "<<<UNTRUSTED_TEMPLATE" in user_msg
        assert "Instruction from the salesperson (what to do, not text to copy): invite to our demo day" in user_msg
        assert "Greeting line (first line of the body, verbatim): Guten Tag Anna Schmidt," in user_msg
        # A model that breaks the rules: the greeting is put right, the invented link and the year the
        # website never states are removed, each with a warning.
        fake.queue("sloppy")
        bad = (await stack.ai.post("/ai/write/email", headers=stack.sales, json={
            "instruction": "invite to our demo day", "contact_id": contact_id, "language": "de",
            "tone": "formal"})).json()
        assert bad["body"].startswith("Guten Tag Anna Schmidt,\n") and "Hallo Anna" not in bad["body"]
        assert INVENTED_URL not in bad["body"] and bad["stripped_links"] >= 1 and "1850" not in bad["body"]
        assert any("greeting was set" in w for w in bad["warnings"])
        assert any("the year 1850 is in no source" in w for w in bad["warnings"])
        step = {"subject": "Idee für {{company}}", "body": "Hallo {{first_name}},\nkurze Idee.\n{{unsubscribe_url}}",
                "contact_id": contact_id, "on_behalf_of": stack.sales_id}
        first = await stack.ai.post("/ai/personalise", headers=stack.email_service, json=step)
        assert first.status_code == 200, first.text
        again = await stack.ai.post("/ai/personalise", headers=stack.email_service, json=step)
        assert again.json()["body"] == first.json()["body"] and again.json()["ai"]["cached"] is True
        assert len(fake.calls) == 3  # the repeat asked the model nothing
        # The e-mail service calls it through the typed client.
        client = AIClient("http://ai.test", transport=httpx.ASGITransport(app=stack.ai_app))
        token = stack.email_service["authorization"].removeprefix("Bearer ")
        typed = await client.personalise(PersonaliseRequest.model_validate(step), token=token)
        await client.aclose()
        assert typed.body == first.json()["body"] and typed.ai.cached and "{{unsubscribe_url}}" in typed.body
        assert typed.body.startswith("Hallo Anna,\nkurze Idee.") and typed.subject == "Idee für Muster Pumpen GmbH"
        assert (await stack.ai.post("/ai/personalise", headers=stack.calendar_service, json=step)).status_code == 403
        assert (await stack.ai.post("/ai/personalise", headers=stack.demo, json=step)).status_code == 403
        usage = (await stack.ai.get("/ai/usage", headers=stack.sales)).json()
        assert usage["mine"]["calls"] == 5 and usage["mine"]["cached_calls"] == 2  # paid by the campaign owner
        # A campaign's AI line: the same endpoint, asked for one opening sentence that cites the company's page.
        line = await stack.ai.post("/ai/personalise", headers=stack.email_service,
                                   json={**step, "opening_line": True})
        assert line.status_code == 200 and line.json()["ai"]["cached"] is False, line.text
        asked = fake.calls[-1].body["messages"][1]["content"]
        assert "add one sentence in the sender's voice about the recipient's company" in asked


async def test_budget_exhaustion_is_a_429_until_midnight(database_url: str, tmp_path: Path,
                                                         fake: FakeOpenAI) -> None:
    async with ai_stack(database_url, tmp_path, fake, ai_daily_budget_usd=0.0000001) as stack:
        ok = await stack.ai.post("/ai/write/email", headers=stack.sales, json={"instruction": "first"})
        assert ok.status_code == 200, ok.text
        refused = await stack.ai.post("/ai/write/email", headers=stack.sales, json={"instruction": "second"})
        assert refused.status_code == 429
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["type"] == "urn:outbound:problem:budget-exceeded"
        assert "daily AI budget" in refused.json()["detail"] and 0 < int(refused.headers["retry-after"]) <= 86_401
        usage = (await stack.ai.get("/ai/usage", headers=stack.sales)).json()
        assert usage["remaining_usd"] == 0 and len(fake.calls) == 1
        # Another user has their own budget.
        other = await stack.ai.post("/ai/write/email", headers=stack.admin, json={"instruction": "x"})
        assert other.status_code == 200


async def test_model_failures_are_problems_and_stay_on_the_ledger(database_url: str, tmp_path: Path,
                                                                  fake: FakeOpenAI) -> None:
    async with ai_stack(database_url, tmp_path, fake, openai_max_retries=1) as stack:
        fake.queue("malformed", times=2)
        bad = await stack.ai.post("/ai/write/email", headers=stack.sales, json={"instruction": "one"})
        assert bad.status_code == 502 and bad.json()["type"] == "urn:outbound:problem:model-output-invalid"
        fake.queue("refusal")
        refused = await stack.ai.post("/ai/write/email", headers=stack.sales, json={"instruction": "two"})
        assert refused.status_code == 502 and "refused" in refused.json()["detail"]
        fake.queue("500", times=5)
        down = await stack.ai.post("/ai/write/email", headers=stack.sales, json={"instruction": "three"})
        assert down.status_code == 502 and down.json()["type"] == "urn:outbound:problem:provider-failed"
        calls = (await stack.ai.get("/ai/usage/calls", headers=stack.sales)).json()["items"]
        assert len(calls) == 3 and all(c["error"] for c in calls)
