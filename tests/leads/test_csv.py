"""CSV import and export of companies: UTF-8, comma or semicolon, German headers, bad rows kept apart."""

from __future__ import annotations

import asyncio
import csv
import io
from pathlib import Path

import pytest

from tests.leads.crm_support import Stack, leads_stack


@pytest.fixture
async def stack(database_url: str, tmp_path: Path):
    async with leads_stack(database_url, tmp_path) as s:
        yield s


async def post_csv(stack: Stack, data: bytes, headers: dict[str, str] | None = None):
    return await stack.client.post(
        "/leads/companies/import", headers=headers or stack.sales, files={"file": ("companies.csv", data, "text/csv")}
    )


async def wait_job(stack: Stack, job_id: int, until=("succeeded", "failed", "cancelled")) -> dict:
    async with asyncio.timeout(60):
        while True:
            job = (await stack.client.get(f"/leads/jobs/{job_id}", headers=stack.sales)).json()
            if job["status"] in until:
                return job
            await asyncio.sleep(0.05)


class Upload:
    """The answer of an import: 202 with the job; ``json()`` is the finished job's report."""

    def __init__(self, resp, report: dict | None) -> None:
        self.status_code, self.text, self._report, self.resp = resp.status_code, resp.text, report, resp

    def json(self) -> dict:
        return self._report if self._report is not None else self.resp.json()


async def upload(stack: Stack, data: bytes, headers: dict[str, str] | None = None) -> Upload:
    resp = await post_csv(stack, data, headers)
    if resp.status_code != 202:
        return Upload(resp, None)
    job = await wait_job(stack, resp.json()["job"]["id"])
    assert job["status"] == "succeeded", job
    return Upload(resp, job["result"])


async def test_semicolon_german_headers_bom_and_contacts(stack: Stack) -> None:
    data = (
        "\ufeffFirma;Webseite;PLZ;Ort;E-Mail;Ansprechpartner;Position\n"
        "Müller Steuerberatung GmbH;www.mueller-stb.de;80331;München;info@mueller-stb.de; kanzlei@mueller-stb.de;"
        "Anna Schmidt;Geschäftsführerin\n"
        "Bäckerei Groß e.K.;https://baeckerei-gross.de;20095;Hamburg;;;\n"
    ).encode()
    # The e-mail column holds two addresses separated by ';' inside a semicolon CSV only when quoted:
    data = data.replace(
        b"info@mueller-stb.de; kanzlei@mueller-stb.de", b'"info@mueller-stb.de, kanzlei@mueller-stb.de"'
    )
    resp = await upload(stack, data)
    assert resp.status_code == 202, resp.text
    report = resp.json()
    assert (report["created"], report["skipped"]) == (2, 0), report
    page = (await stack.client.get("/leads/companies?sort=name", headers=stack.sales)).json()
    mueller = next(c for c in page["items"] if c["domain"] == "mueller-stb.de")
    assert mueller["city"] == "München" and mueller["emails"] == ["info@mueller-stb.de", "kanzlei@mueller-stb.de"]
    assert mueller["source"] == "import" and mueller["contact_count"] == 1
    again = (await upload(stack, data)).json()
    assert (again["created"], again["updated"]) == (0, 2), "a second import must not duplicate"


async def test_bad_rows_are_reported_and_good_rows_kept(stack: Stack) -> None:
    data = (
        b"name,website,country,email\nGood GmbH,good.de,DE,info@good.de\n,,,\n"
        b"Bad Mail GmbH,bad.de,DE,not-an-email\nBad Land,land.de,Germany,\n"
    )
    report = (await upload(stack, data)).json()
    assert report["created"] == 1 and report["skipped"] == 3
    assert {e["row"] for e in report["errors"]} == {3, 4, 5}
    # The report names rows and companies, not only ids.
    assert {e["name"] for e in report["errors"]} == {None, "Bad Mail GmbH", "Bad Land"}
    assert report["companies"] == [{"row": 2, "id": report["company_ids"][0], "name": "Good GmbH", "created": True}]
    assert (await stack.client.get("/leads/companies", headers=stack.sales)).json()["total"] == 1


async def test_no_usable_header_and_too_large_and_roles(stack: Stack) -> None:
    resp = await upload(stack, b"foo,bar\n1,2\n")
    assert resp.status_code == 422 and "header" in resp.json()["detail"]
    assert (await upload(stack, b"name\nx\n", headers=stack.demo)).status_code == 403


async def test_export_round_trip_and_formula_injection_is_defused(stack: Stack) -> None:
    await stack.client.post(
        "/leads/companies",
        headers=stack.sales,
        json={"name": '=HYPERLINK("http://evil")', "website": "evil-corp.de", "city": "Köln", "tags": ["a", "b"]},
    )
    resp = await stack.client.get("/leads/companies/export.csv?delimiter=semicolon", headers=stack.sales)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    text = resp.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert rows[0]["name"].startswith("'=") and rows[0]["city"] == "Köln" and rows[0]["tags"] == "a; b"
    reimport = (await upload(stack, resp.content)).json()
    assert reimport["updated"] == 1 and reimport["created"] == 0


async def test_malformed_files_are_refused_naming_the_line_and_nothing_is_imported(stack: Stack) -> None:
    unterminated = b'name,city\nGood GmbH,Berlin\n"Open Quote GmbH,Hamburg\nSwallowed GmbH,Bremen\n'
    resp = await post_csv(stack, unterminated)
    assert resp.status_code == 422 and "line 3" in resp.json()["detail"] and "never closed" in resp.json()["detail"]
    huge = b"name,city\nA GmbH," + b"x" * 140_000 + b"\n"
    resp = await post_csv(stack, huge)
    assert resp.status_code == 422 and "line 2" in resp.json()["detail"], resp.text
    assert (await stack.client.get("/leads/companies", headers=stack.sales)).json()["total"] == 0
    # Old Mac line endings (a bare CR) are line endings, not a 500.
    report = (await upload(stack, b"name,city\rA GmbH,Berlin\rB GmbH,Hamburg\r")).json()
    assert report["created"] == 2 and [c["row"] for c in report["companies"]] == [2, 3]
    empty = await post_csv(stack, b"name,city\n")
    assert empty.status_code == 422 and "no rows" in empty.json()["detail"]


async def test_list_cells_are_defused_in_the_export_too(stack: Stack) -> None:
    resp = await stack.client.post("/leads/companies", headers=stack.sales,
                                   json={"name": "Tags GmbH", "tags": ["=cmd|' /C calc'!A0", "b"],
                                         "phones": ["+4930123456"]})
    assert resp.status_code == 201, resp.text
    text = (await stack.client.get("/leads/companies/export.csv", headers=stack.sales)).content.decode("utf-8-sig")
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["tags"].startswith("'=") and row["phones"] == "'+4930123456"


async def test_a_large_import_commits_whole_batches_and_a_retry_resumes_after_them(stack: Stack) -> None:
    rows = 1100
    data = ("name,website\n" + "".join(f"Firma {i} GmbH,firma-{i}.de\n" for i in range(rows))).encode()
    resp = await post_csv(stack, data)
    assert resp.status_code == 202 and resp.json()["batch_size"] == 500
    job_id = resp.json()["job"]["id"]
    async with asyncio.timeout(60):
        while (job := (await stack.client.get(f"/leads/jobs/{job_id}", headers=stack.sales)).json())[
                "progress_done"] < 500:
            await asyncio.sleep(0.05)
    await stack.client.post(f"/leads/jobs/{job_id}/cancel", headers=stack.sales)
    job = await wait_job(stack, job_id)
    total = (await stack.client.get("/leads/companies?limit=1", headers=stack.sales)).json()["total"]
    if job["status"] == "cancelled":  # stopped between batches: exactly the committed batches are there
        assert total == job["progress_done"] and total % 500 == 0 and total < rows
        assert (await stack.client.post(f"/leads/jobs/{job_id}/retry", headers=stack.sales)).status_code == 200
        job = await wait_job(stack, job_id)
    assert job["status"] == "succeeded" and job["progress_done"] == rows
    assert job["result"]["created"] == rows and job["result"]["skipped"] == 0
    assert (await stack.client.get("/leads/companies?limit=1", headers=stack.sales)).json()["total"] == rows
