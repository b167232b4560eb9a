"""Saved contact filters: sales save them (names unique), everyone reads them with a live count, and the ids a
filter picks come from one route that combines a saved filter with criteria given alongside."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.leads.crm_support import Stack, leads_stack


async def _contact(stack: Stack, name: str, email: str, **extra: Any) -> int:
    resp = await stack.client.post("/leads/contacts", headers=stack.admin, json={"name": name, "email": email, **extra})
    assert resp.status_code == 201, resp.text
    contact_id: int = resp.json()["id"]
    return contact_id


async def test_saved_filters_pick_contacts(database_url: str, tmp_path: Path) -> None:
    async with leads_stack(database_url, tmp_path) as stack:
        acme = (await stack.client.post("/leads/companies", headers=stack.admin, json={"name": "Acme"})).json()["id"]
        other = (await stack.client.post("/leads/companies", headers=stack.admin, json={"name": "Other"})).json()["id"]
        ids = {
            "ann": await _contact(stack, "Ann Acme", "ann@acme.example", company_id=acme, tags=["fair-2025"]),
            "bob": await _contact(stack, "Bob Acme", "bob@acme.example", company_id=acme, tags=["fair-2025", "vip"],
                                  status="contacted"),
            "cem": await _contact(stack, "Cem Other", "cem@other.example", company_id=other, tags=["vip"],
                                  status="replied"),
            "dan": await _contact(stack, "Dan Other", "dan@other.example", company_id=other, status="meeting"),
        }
        body = {"name": "Fair leads, not yet talking", "filters": {"tags": ["fair-2025", "vip"],
                                                                    "statuses": ["new", "contacted"]}}
        created = await stack.client.post("/leads/saved-filters", headers=stack.sales, json=body)
        assert created.status_code == 201, created.text
        saved = created.json()
        assert saved["total"] == 2 and saved["created_by"].startswith("user:")
        assert saved["filters"] == {"q": None, "tags": ["fair-2025", "vip"], "statuses": ["new", "contacted"],
                                    "company_ids": [], "legal_basis": None}
        again = await stack.client.post("/leads/saved-filters", headers=stack.admin, json=body)
        assert again.status_code == 409 and again.headers["content-type"] == "application/problem+json"
        bad = await stack.client.post("/leads/saved-filters", headers=stack.sales,
                                      json={"name": "x", "filters": {"statuses": ["unknown-status"]}})
        assert bad.status_code == 422
        by_company = await stack.client.post("/leads/saved-filters", headers=stack.sales, json={
            "name": "Other Inc.", "filters": {"company_ids": [other], "q": "other.example"}})
        assert by_company.status_code == 201 and by_company.json()["total"] == 2

        listed = (await stack.client.get("/leads/saved-filters", headers=stack.demo)).json()
        assert [(f["name"], f["total"]) for f in listed] == [("Fair leads, not yet talking", 2), ("Other Inc.", 2)]
        assert (await stack.client.get(f"/leads/saved-filters/{saved['id']}", headers=stack.sales)).json() == {
            **saved, "total": 2}
        assert (await stack.client.get("/leads/saved-filters/999", headers=stack.sales)).status_code == 404

        async def picked(**params: Any) -> tuple[list[int], int]:
            resp = await stack.client.get("/leads/contacts/ids", headers=stack.sales, params=params)
            assert resp.status_code == 200, resp.text
            return resp.json()["ids"], resp.json()["total"]

        assert await picked(saved_filter_id=saved["id"]) == ([ids["ann"], ids["bob"]], 2)
        # Criteria given with a saved filter replace its own of the same name.
        assert await picked(saved_filter_id=saved["id"], statuses=["replied"]) == ([ids["cem"]], 1)
        assert await picked(company_ids=[other]) == ([ids["cem"], ids["dan"]], 2)
        assert await picked(statuses=["meeting", "replied"], tags=["vip"]) == ([ids["cem"]], 1)
        assert await picked() == (list(ids.values()), 4)
        assert (await stack.client.get("/leads/contacts/ids", headers=stack.admin,
                                       params={"saved_filter_id": 999})).status_code == 404
        # A contact that starts to match later is picked next time (a filter keeps criteria, not contacts).
        await stack.client.patch(f"/leads/contacts/{ids['dan']}", headers=stack.admin, json={"tags": ["fair-2025"],
                                                                                           "status": "new"})
        assert (await picked(saved_filter_id=saved["id"]))[1] == 3

        # The demo account may save a filter (it reaches nobody) but not delete one; sales may.
        assert (await stack.client.post("/leads/saved-filters", headers=stack.demo,
                                         json={"name": "Demo's", "filters": {}})).status_code == 201
        assert (await stack.client.delete(f"/leads/saved-filters/{saved['id']}",
                                          headers=stack.demo)).status_code == 403
        assert (await stack.client.delete(f"/leads/saved-filters/{saved['id']}",
                                          headers=stack.sales)).status_code == 204
        assert (await stack.client.get(f"/leads/saved-filters/{saved['id']}", headers=stack.sales)).status_code == 404
