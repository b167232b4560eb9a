"""Suppression CSV: strict import with rejected rows reported, formula-safe export (suppression_io.py)."""

from __future__ import annotations

import csv
import io

import pytest

from services.email.suppression_io import Entry, export_csv, parse_entry, parse_suppression_csv
from services.kit.errors import Invalid


@pytest.mark.parametrize("text,entry", [
    ("Jane+crm@Example.COM", Entry("address", "jane+crm@example.com")),
    ("info@müller.de", Entry("address", "info@xn--mller-kva.de")),
    ("example.org", Entry("domain", "example.org")),
    ("@Example.org", Entry("domain", "example.org")),
    ("Müller.de", Entry("domain", "xn--mller-kva.de")),
])
def test_entries_are_normalised(text: str, entry: Entry) -> None:
    assert parse_entry(text) == entry


@pytest.mark.parametrize("text", ["", "not an address", "a@b@c", "localhost", "x@-bad-.de",
                                  "jane@example.com\r\nBcc: x", "=HYPERLINK(\"http://x\")"])
def test_bad_entries_are_refused(text: str) -> None:
    with pytest.raises(Invalid):
        parse_entry(text)


def test_import_reports_rejected_rows_with_their_line() -> None:
    data = (b"email;reason\r\njane@example.com;bounced\r\nnot-an-address;x\r\n\r\n@spam.example;\r\n"
            b"JANE@example.com;dup\r\n")
    parsed = parse_suppression_csv(data)
    assert [(line, e.value, r) for line, e, r in parsed.entries] == [
        (2, "jane@example.com", "bounced"), (5, "spam.example", None)]
    assert [(r.line, r.value) for r in parsed.rejected] == [(3, "not-an-address")]
    assert parsed.duplicates == 1 and parsed.rows == 4


def test_import_without_header_and_in_cp1252() -> None:
    parsed = parse_suppression_csv("info@müller.de\nexample.org\n".encode("cp1252"))
    assert [e.value for _, e, _ in parsed.entries] == ["info@xn--mller-kva.de", "example.org"]


def test_import_refuses_broken_files() -> None:
    with pytest.raises(Invalid, match="line 3"):
        parse_suppression_csv(b'email\na@example.com\n"b@example.com\nc@example.com\n')
    with pytest.raises(Invalid, match="header"):
        parse_suppression_csv(b"name,company\nJane,ACME\n")
    with pytest.raises(Invalid, match="more than"):
        parse_suppression_csv(("email\n" + "".join(f"u{i}@example.com\n" for i in range(11))).encode(), max_rows=10)
    with pytest.raises(Invalid):
        parse_suppression_csv(b"\x00\x01\x02binary")


def test_export_guards_formula_cells() -> None:
    text = export_csv([{"kind": "address", "value": "=cmd|' /C calc'!A0@x.example", "reason": "+manual",
                        "source": "@SUM(1)", "created_at": None}])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["kind", "value", "reason", "source", "created_at"]
    assert rows[1][1].startswith("'=") and rows[1][2] == "'+manual" and rows[1][3] == "'@SUM(1)"
