"""Text the database cannot store is refused with a 422 before any schema or SQL sees it, in every service:
NUL (PostgreSQL rejects it) and the other C0 controls; TAB, LF and CR pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.kit.inputs import control_in_body, control_in_query
from tests.leads.crm_support import leads_stack


def test_what_counts_as_a_control_character() -> None:
    assert control_in_query(b"q=%00") and control_in_query(b"q=a%1Fb") and control_in_query(b"q=%7f%00")
    assert not control_in_query(b"q=%09tab%0Aline%0D") and not control_in_query(b"q=M%C3%BCller")
    assert control_in_body("application/json", b'{"name": "A\\u0000B"}')
    assert control_in_body("application/json", b'{"name": "A\\\\\\u001bB"}')  # \\ then a real escape
    assert not control_in_body("application/json", b'{"name": "the text \\\\u0000 typed"}')
    assert not control_in_body("application/json", b'{"body": "line\\nnext\\ttab"}')
    assert control_in_body("application/x-www-form-urlencoded", b"username=a%00b&password=x")
    assert not control_in_body("multipart/form-data; boundary=x", b"\x00binary is fine in a file")


@pytest.mark.parametrize("where", ["company name", "city", "note", "query", "login"])
async def test_nul_is_a_422_everywhere_on_both_backends(database_url: str, tmp_path: Path, where: str) -> None:
    async with leads_stack(database_url, tmp_path) as stack:
        if where == "company name":
            resp = await stack.client.post("/leads/companies", headers=stack.sales, json={"name": "A\u0000B"})
        elif where == "city":
            resp = await stack.client.post("/leads/companies", headers=stack.sales, json={"name": "A", "city": "K\x00"})
        elif where == "note":
            company = (await stack.client.post("/leads/companies", headers=stack.sales, json={"name": "A"})).json()
            resp = await stack.client.post(f"/leads/companies/{company['id']}/notes", headers=stack.sales,
                                           json={"body": "ok\u0000"})
        elif where == "query":
            resp = await stack.client.get("/leads/companies?q=%00", headers=stack.sales)
        else:  # unauthenticated, form-encoded, at the users service
            resp = await stack.users.post("/auth/login", data={"username": "a\x00@example.com", "password": "x"})
        assert resp.status_code == 422, resp.text
        assert resp.headers["content-type"] == "application/problem+json"
        assert "control character" in resp.json()["detail"]
        fine = await stack.client.post("/leads/companies", headers=stack.sales,
                                       json={"name": "Müller\tGmbH", "summary": "Zeile 1\nZeile 2"})
        assert fine.status_code == 201, fine.text
