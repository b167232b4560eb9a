"""A campaign's audience from a saved filter in leads: resolved to contact ids at creation (joined with the ids
picked by hand, each contact once), the filter it came from kept on the campaign, a live count that says who
would be excluded and why; the draft then sends to exactly the eligible ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.email.support import EmailStack, email_stack


async def _setup(stack: EmailStack) -> tuple[dict[str, int], int]:
    gb = (await stack.company("Client Ltd", "GB"))["id"]
    de = (await stack.company("Kunde GmbH", "DE"))["id"]
    ids = {
        "ann": (await stack.contact("Ann", "ann@client.example", gb, tags=["fair"]))["id"],
        "bob": (await stack.contact("Bob", "bob@client.example", gb, tags=["fair"], status="contacted"))["id"],
        "cem": (await stack.contact("Cem", None, gb, tags=["fair"]))["id"],  # no address
        "dora": (await stack.contact("Dora", "dora@kunde.example", de, tags=["fair"]))["id"],  # no legal basis
        "eve": (await stack.contact("Eve", "eve@client.example", gb, tags=["fair"]))["id"],  # suppressed below
        "fay": (await stack.contact("Fay", "fay@client.example", gb, tags=["fair"], status="meeting"))["id"],
        "gus": (await stack.contact("Gus", "gus@client.example", gb))["id"],  # picked by hand only
    }
    saved = await stack.leads.post("/leads/saved-filters", headers=stack.sales, json={
        "name": "Fair, not in talks", "filters": {"tags": ["fair"], "statuses": ["new", "contacted"]}})
    assert saved.status_code == 201, saved.text
    resp = await stack.email.post("/email/suppressions", headers=stack.sales, json={"value": "eve@client.example"})
    assert resp.status_code == 201, resp.text
    return ids, int(saved.json()["id"])


async def test_a_saved_filter_becomes_the_campaigns_audience(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        ids, filter_id = await _setup(stack)
        audience: dict[str, Any] = {"saved_filter_id": filter_id}

        preview = await stack.email.post("/email/campaigns/audience-preview", headers=stack.demo,
                                         json={"contact_ids": [ids["gus"], ids["ann"]], "audience": audience})
        assert preview.status_code == 200, preview.text
        assert preview.json() == {"total": 6, "eligible": 3, "excluded_by_reason": {
            "no_email": 1, "legal_basis": 1, "suppressed": 1}}
        # Criteria alone (no saved filter) work too; a filter that does not exist is a 422 naming it.
        only_tag = (await stack.email.post("/email/campaigns/audience-preview", headers=stack.sales,
                                           json={"audience": {"tags": ["fair"]}})).json()
        assert only_tag["total"] == 6
        unknown = await stack.email.post("/email/campaigns/audience-preview", headers=stack.sales,
                                         json={"audience": {"saved_filter_id": 999}})
        assert unknown.status_code == 422 and "saved_filter_id" in unknown.text

        campaign = await stack.campaign([ids["gus"], ids["ann"]], audience=audience)
        assert campaign["contact_ids"] == [ids["gus"], ids["ann"], ids["bob"], ids["cem"], ids["dora"], ids["eve"]]
        kept = campaign["audience"]
        assert kept["saved_filter_id"] == filter_id and kept["saved_filter_name"] == "Fair, not in talks"
        assert kept["matched"] == 5 and kept["resolved_at"] is not None
        listed = (await stack.email.get("/email/campaigns", headers=stack.sales)).json()["items"]
        assert listed[0]["audience"]["saved_filter_id"] == filter_id
        eligibility = (await stack.email.get(f"/email/campaigns/{campaign['id']}/eligibility",
                                             headers=stack.sales)).json()
        assert eligibility["eligible"] == 3

        # A draft changed to an audience of criteria: its contacts are the new audience's, the filter is gone.
        changed = await stack.email.patch(f"/email/campaigns/{campaign['id']}", headers=stack.sales,
                                          json={"audience": {"statuses": ["meeting"]}})
        assert changed.status_code == 200, changed.text
        assert changed.json()["contact_ids"] == [ids["fay"]]
        assert changed.json()["audience"]["statuses"] == ["meeting"]
        assert changed.json()["audience"].get("saved_filter_id") is None
        # Ids alone: the audience is theirs and no filter is kept; then back to the saved filter plus Gus.
        by_hand = (await stack.email.patch(f"/email/campaigns/{campaign['id']}", headers=stack.sales,
                                           json={"contact_ids": [ids["ann"]]})).json()
        assert by_hand["contact_ids"] == [ids["ann"]] and by_hand["audience"] is None
        back = await stack.email.patch(f"/email/campaigns/{campaign['id']}", headers=stack.sales,
                                       json={"contact_ids": [ids["gus"]], "audience": audience})
        assert back.json()["contact_ids"][:1] == [ids["gus"]] and len(back.json()["contact_ids"]) == 6
        assert back.json()["audience"]["saved_filter_id"] == filter_id

        await stack.start(campaign["id"])
        await stack.run_jobs()
        await stack.send_all()
        assert sorted(d.rcpt_tos[0] for d in stack.sink.deliveries) == [
            "ann@client.example", "bob@client.example", "gus@client.example"]
