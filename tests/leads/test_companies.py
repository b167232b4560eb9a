"""Companies and contacts as CRM records: create, search, filter, tags, status, merge, timeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.leads.schemas import ContactReach, ContactReachList
from tests.leads.crm_support import Stack, leads_stack


@pytest.fixture
async def stack(database_url: str, tmp_path: Path):
    async with leads_stack(database_url, tmp_path) as s:
        yield s


async def make_company(stack: Stack, **fields) -> dict:
    body = {
        "name": "Müller Steuerberatung GmbH",
        "website": "https://www.mueller-stb.de/",
        "city": "München",
        "country": "de",
        **fields,
    }
    resp = await stack.client.post("/leads/companies", json=body, headers=stack.sales)
    assert resp.status_code == 201, resp.text
    return resp.json()


async def test_create_read_update_with_status_tags_and_timeline(stack: Stack) -> None:
    company = await make_company(stack, tags=["stb", "munich"])
    assert company["domain"] == "mueller-stb.de" and company["country"] == "DE" and company["tags"] == ["munich", "stb"]
    resp = await stack.client.patch(
        f"/leads/companies/{company['id']}",
        headers=stack.sales,
        json={"status": "contacted", "tags": ["stb"], "street": "Musterstraße 1"},
    )
    assert resp.status_code == 200 and resp.json()["status"] == "contacted" and resp.json()["tags"] == ["stb"]
    assert resp.json()["evidence"]["street"]["source"] == "manual"
    timeline = (await stack.client.get(f"/leads/companies/{company['id']}/timeline", headers=stack.sales)).json()
    assert [a["type"] for a in timeline["items"]] == ["status.changed", "company.created"]
    assert timeline["items"][0]["detail"] == {"from": "new", "to": "contacted"}


async def test_domain_is_unique_by_registrable_domain(stack: Stack) -> None:
    await make_company(stack)
    resp = await stack.client.post(
        "/leads/companies", headers=stack.sales, json={"name": "Other", "website": "http://shop.MUELLER-stb.de/path"}
    )
    assert resp.status_code == 409 and resp.headers["content-type"].startswith("application/problem+json")


async def test_search_filters_sort_and_pagination(stack: Stack) -> None:
    for i, city in enumerate(["Hamburg", "München", "Hamburg"]):
        await make_company(
            stack,
            name=f"Aufzug {i} GmbH",
            website=f"https://aufzug{i}.de",
            city=city,
            status="won" if i == 2 else None,
            tags=["lift"] if i else [],
        )
    c = stack.client
    assert (await c.get("/leads/companies?q=aufzug", headers=stack.demo)).json()["total"] == 3
    assert (await c.get("/leads/companies?q=AUFZUG1.DE", headers=stack.demo)).json()["total"] == 1
    assert (await c.get("/leads/companies?city=hamburg", headers=stack.sales)).json()["total"] == 2
    assert (await c.get("/leads/companies?status=won", headers=stack.sales)).json()["total"] == 1
    assert (await c.get("/leads/companies?tag=lift", headers=stack.sales)).json()["total"] == 2
    assert (await c.get("/leads/companies?q=100%25", headers=stack.sales)).json()["total"] == 0  # % is literal
    page = (await c.get("/leads/companies?sort=name&limit=2&offset=1", headers=stack.sales)).json()
    assert [x["name"] for x in page["items"]] == ["Aufzug 1 GmbH", "Aufzug 2 GmbH"] and page["total"] == 3
    bad = await c.get("/leads/companies?sort=password", headers=stack.sales)
    assert bad.status_code == 422


async def test_list_rows_are_the_records_and_totals_hold_on_every_page(stack: Stack) -> None:
    # The lists fetch a row's tags, contact count and company name in the page's own statement.
    alpha = await make_company(stack, name="Alpha GmbH", website="https://alpha.de", tags=["zeta", "alpha", "mid"])
    beta = await make_company(stack, name="Beta GmbH", website="https://beta.de")
    c = stack.client
    for name, company, tags in [("Ann", alpha, ["b", "a"]), ("Bob", alpha, []), ("Cid", None, ["x"])]:
        body = {"name": name, "tags": tags, **({"company_id": company["id"]} if company else {})}
        assert (await c.post("/leads/contacts", headers=stack.sales, json=body)).status_code == 201
    page = (await c.get("/leads/companies?sort=name", headers=stack.demo)).json()
    records = [(await c.get(f"/leads/companies/{x['id']}", headers=stack.demo)).json() for x in (alpha, beta)]
    assert page["items"] == records and page["total"] == 2
    assert [x["tags"] for x in page["items"]] == [["alpha", "mid", "zeta"], []]
    assert [x["contact_count"] for x in page["items"]] == [2, 0]
    contacts = (await c.get("/leads/contacts?sort=name", headers=stack.demo)).json()
    assert contacts["items"] == [(await c.get(f"/leads/contacts/{x['id']}", headers=stack.demo)).json()
                                 for x in contacts["items"]]
    assert [(x["company_name"], x["tags"]) for x in contacts["items"]] == [
        ("Alpha GmbH", ["a", "b"]), ("Alpha GmbH", []), (None, ["x"])]
    for query, total, count in [("limit=1&offset=1", 2, 1), ("limit=1&offset=5", 2, 0), ("tag=mid&offset=3", 1, 0),
                                ("tag=nothing", 0, 0), ("q=beta&limit=1", 1, 1)]:
        got = (await c.get(f"/leads/companies?{query}", headers=stack.demo)).json()
        assert (got["total"], len(got["items"])) == (total, count), query
    past = (await c.get("/leads/contacts?limit=2&offset=7", headers=stack.demo)).json()
    assert (past["total"], past["items"]) == (3, [])


async def test_contacts_legal_basis_and_rollup_to_company_timeline(stack: Stack) -> None:
    company = await make_company(stack)
    c = stack.client
    resp = await c.post(
        "/leads/contacts",
        headers=stack.sales,
        json={
            "name": "Anna Schmidt",
            "role": "Geschäftsführerin",
            "email": "Anna@Mueller-STB.de",
            "company_id": company["id"],
        },
    )
    assert resp.status_code == 201, resp.text
    contact = resp.json()
    assert contact["email"] == "anna@mueller-stb.de" and contact["legal_basis"] == "none"
    assert contact["company_name"] == company["name"]
    no_source = await c.patch(f"/leads/contacts/{contact['id']}", headers=stack.sales, json={"legal_basis": "consent"})
    assert no_source.status_code == 422 and no_source.json()["errors"][0]["loc"][-1] == "legal_basis_source"
    ok = await c.patch(
        f"/leads/contacts/{contact['id']}",
        headers=stack.sales,
        json={"legal_basis": "consent", "legal_basis_source": "Trade fair form, 2026-10-01"},
    )
    assert ok.status_code == 200 and ok.json()["legal_basis_at"]
    dup = await c.post(
        "/leads/contacts", headers=stack.sales, json={"name": "A. Schmidt", "email": "anna@mueller-stb.de"}
    )
    assert dup.status_code == 409
    note = await c.post(
        f"/leads/contacts/{contact['id']}/notes", headers=stack.sales, json={"body": "Called, wants a demo"}
    )
    assert note.status_code == 201
    company_timeline = (await c.get(f"/leads/companies/{company['id']}/timeline", headers=stack.sales)).json()
    types = [a["type"] for a in company_timeline["items"]]
    assert "note" in types and "legal_basis.changed" in types and "contact.created" in types
    assert (await c.get(f"/leads/contacts?company_id={company['id']}", headers=stack.sales)).json()["total"] == 1
    assert (await c.get("/leads/contacts?legal_basis=consent", headers=stack.sales)).json()["total"] == 1


async def test_merge_companies_moves_everything(stack: Stack) -> None:
    a = await make_company(stack, vat_id="DE123456789", street=None)
    b = await make_company(
        stack,
        name="Mueller STB",
        website="https://mueller-steuer.de",
        vat_id="DE123456789",
        street="Hauptstr. 5",
        emails=["info@mueller-steuer.de"],
        tags=["dup"],
    )
    c = stack.client
    await c.post("/leads/contacts", headers=stack.sales, json={"name": "Max", "company_id": b["id"]})
    await c.post(f"/leads/companies/{b['id']}/notes", headers=stack.sales, json={"body": "from b"})
    dups = (await c.get(f"/leads/companies/{a['id']}/duplicates", headers=stack.sales)).json()
    assert [d["id"] for d in dups] == [b["id"]]
    merged = await c.post(f"/leads/companies/{a['id']}/merge", headers=stack.sales, json={"duplicate_id": b["id"]})
    assert merged.status_code == 200, merged.text
    body = merged.json()
    assert body["street"] == "Hauptstr. 5" and body["emails"] == ["info@mueller-steuer.de"]
    assert body["contact_count"] == 1 and body["tags"] == ["dup"]
    assert (await c.get(f"/leads/companies/{b['id']}", headers=stack.sales)).status_code == 404
    notes = (await c.get(f"/leads/companies/{a['id']}/notes", headers=stack.sales)).json()
    assert [n["body"] for n in notes] == ["from b"]
    assert (
        await c.post(f"/leads/companies/{a['id']}/merge", headers=stack.sales, json={"duplicate_id": a["id"]})
    ).status_code == 422


async def test_roles_demo_may_play_but_not_delete_services_post_timeline(stack: Stack) -> None:
    company = await make_company(stack)
    c = stack.client
    assert (await c.post("/leads/companies", headers=stack.demo, json={"name": "Demo GmbH"})).status_code == 201
    assert (await c.delete(f"/leads/companies/{company['id']}", headers=stack.demo)).status_code == 403
    assert (await c.get("/leads/companies")).status_code == 401
    # Another service appends to the timeline; the same external id twice is stored once.
    entry = {
        "company_id": company["id"],
        "type": "email.sent",
        "title": "Step 1 sent",
        "external_id": "msg-1",
        "detail": {"subject": "Hallo"},
    }
    first = await c.post("/leads/activities", headers=stack.service, json=entry)
    again = await c.post("/leads/activities", headers=stack.service, json=entry)
    assert first.status_code == 201 and again.status_code == 200 and first.json()["id"] == again.json()["id"]
    assert first.json()["source"] == "email"
    assert (await c.post("/leads/activities", headers=stack.sales, json=entry)).status_code == 403
    unknown = await c.post(
        "/leads/activities",
        headers=stack.service,
        json={**entry, "external_id": "msg-2", "company_id": None, "contact_email": "x@y.de"},
    )
    assert unknown.status_code == 404
    # A service token reads and writes only with the matching scope (this one holds leads:timeline).
    assert (await c.get(f"/leads/companies/{company['id']}", headers=stack.service)).status_code == 403
    assert (await c.patch(f"/leads/companies/{company['id']}", headers=stack.service,
                          json={"city": "Berlin"})).status_code == 403
    assert (await c.delete(f"/leads/companies/{company['id']}", headers=stack.sales)).status_code == 204


async def test_contact_reach_says_what_a_sender_rechecks(stack: Stack) -> None:
    """POST /leads/contacts/reach: the sender's lean re-check before DATA (exists? countries? legal basis?), a read
    with its ids in the body."""
    company = await make_company(stack, country="at")
    c = stack.client
    at_company = (await c.post("/leads/contacts", headers=stack.sales, json={
        "name": "Eva Berger", "email": "eva@berger.at", "company_id": company["id"]})).json()
    alone = (await c.post("/leads/contacts", headers=stack.sales, json={
        "name": "Jo Solo", "email": "jo@solo.example", "country": "ch"})).json()
    resp = await c.post("/leads/contacts/reach", headers=stack.sales,
                        json={"ids": [at_company["id"], alone["id"], 999_999]})
    assert resp.status_code == 200, resp.text
    items = {item["id"]: item for item in resp.json()["items"]}
    assert set(items) == {at_company["id"], alone["id"]}  # a deleted or unknown contact is simply absent
    assert items[at_company["id"]] == {"id": at_company["id"], "email": "eva@berger.at", "country": None,
                                       "company_country": "AT", "legal_basis": "none"}
    assert items[alone["id"]]["country"] == "CH" and items[alone["id"]]["company_country"] is None
    # Written straight from the rows (no model a contact): the fields are the schema's, and they parse as it.
    assert all(set(item) == set(ContactReach.model_fields) for item in items.values())
    assert len(ContactReachList.model_validate_json(resp.content).items) == 2
    for bad in ({}, {"ids": []}, {"ids": [0]}, {"ids": list(range(1, 502))}):  # required, 1 to 500 valid ids
        assert (await c.post("/leads/contacts/reach", json=bad, headers=stack.sales)).status_code == 422, bad
    # It writes nothing: the demo account and the public demo may ask too.
    assert (await c.post("/leads/contacts/reach", json={"ids": [alone["id"]]}, headers=stack.demo)).status_code == 200
