"""CSV import and export of companies: UTF-8, comma or semicolon, German headers, bad rows kept apart."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.leads.crm_support import Stack, leads_stack


@pytest.fixture
async def stack(database_url: str, tmp_path: Path):
    async with leads_stack(database_url, tmp_path) as s:
        yield s


async def upload(stack: Stack, data: bytes, headers: dict[str, str] | None = None):
    return await stack.client.post(
        "/leads/companies/import", headers=headers or stack.sales, files={"file": ("companies.csv", data, "text/csv")}
    )


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
    assert resp.status_code == 200, resp.text
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
