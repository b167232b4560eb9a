"""The suppression list over HTTP: add (address or domain), list, lift (admins only), CSV import with a
report, CSV export safe for spreadsheets; roles and the demo's decisions."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from services.email import repository as repo
from tests.email.inbound_support import email_stack


async def test_suppressions_add_list_import_export_delete(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        made = await stack.email.post("/email/suppressions", headers=stack.sales, json={"value": "Jane@Example.COM"})
        assert made.status_code == 201, made.text
        assert made.json()["kind"] == "address" and made.json()["value"] == "jane@example.com"
        assert made.json()["created_by"].startswith("user:")
        again = await stack.email.post("/email/suppressions", headers=stack.sales, json={"value": "jane@example.com"})
        assert again.status_code == 200 and again.json()["id"] == made.json()["id"]
        domain = await stack.email.post("/email/suppressions", headers=stack.admin, json={"value": "@Spam.Example"})
        assert domain.status_code == 201 and domain.json()["kind"] == "domain"
        bad = await stack.email.post("/email/suppressions", headers=stack.sales, json={"value": "not an address"})
        assert bad.status_code == 422 and bad.headers["content-type"].startswith("application/problem+json")
        injected = await stack.email.post("/email/suppressions", headers=stack.sales,
                                          json={"value": "a@example.com\r\nBcc: x@example.com"})
        assert injected.status_code in (400, 422)

        csv_body = ("email;reason\nbob@client.example;bounced\nnot-valid;x\nmüller.de;\nbob@client.example;\n"
                    "=HYPERLINK(\"https://evil.example\")@x.example;\n")
        imported = await stack.email.post("/email/suppressions/import", headers=stack.sales,
                                          files={"file": ("list.csv", csv_body.encode(), "text/csv")})
        assert imported.status_code == 200, imported.text
        report = imported.json()
        assert (report["rows"], report["added"], report["duplicates"]) == (5, 2, 1)
        assert [r["line"] for r in report["rejected"]] == [3, 6]
        again_import = await stack.email.post("/email/suppressions/import", headers=stack.sales,
                                              files={"file": ("list.csv", csv_body.encode(), "text/csv")})
        assert again_import.json()["added"] == 0 and again_import.json()["already"] == 2
        broken = await stack.email.post("/email/suppressions/import", headers=stack.sales,
                                        files={"file": ("x.csv", b'email\n"unterminated@x.example\n', "text/csv")})
        assert broken.status_code == 422 and "line 2" in broken.json()["detail"]

        listed = (await stack.email.get("/email/suppressions?q=example", headers=stack.demo)).json()
        assert {i["value"] for i in listed["items"]} == {"jane@example.com", "spam.example", "bob@client.example"}
        async with stack.runtime.sessions() as s:
            keys = await repo.suppressed_keys(s, ["anyone@spam.example", "bob@client.example", "x@xn--mller-kva.de"])
        assert set(keys) == {"anyone@spam.example", "bob@client.example", "x@xn--mller-kva.de"}

        await stack.email.post("/email/suppressions", headers=stack.sales, json={"value": "-cmd@example.com"})
        exported = await stack.email.get("/email/suppressions/export", headers=stack.sales)
        assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(exported.text)))
        assert rows[0] == ["kind", "value", "reason", "source", "created_at"] and len(rows) == 6
        assert "'-cmd@example.com" in [r[1] for r in rows]

        # Lifting: admins only (the service checks it as well as the gateway).
        sid = made.json()["id"]
        assert (await stack.email.delete(f"/email/suppressions/{sid}", headers=stack.sales)).status_code == 403
        assert (await stack.email.delete(f"/email/suppressions/{sid}", headers=stack.admin)).status_code == 204
        assert (await stack.email.delete(f"/email/suppressions/{sid}", headers=stack.admin)).status_code == 404
        # The demo role reads but does not write.
        assert (await stack.email.post("/email/suppressions", headers=stack.demo,
                                       json={"value": "d@example.com"})).status_code == 403
        assert (await stack.email.get("/email/suppressions/export", headers=stack.demo)).status_code == 403
