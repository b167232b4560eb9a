"""The suppression list as CSV: strict import with a report of rejected rows, and a safe export.

An entry is an address (``jane@example.com``, stored as its lower-cased ASCII form so an IDN domain
matches however it is written) or a whole domain (``example.com`` or ``@example.com``). An import
reads a header row naming the column (``email``, ``address``, ``e-mail``, ``domain`` or ``value``;
an optional ``reason`` column) or, without one, the first column of every line. Rows that are not an
address or a domain are reported with their line and why, never guessed at; a broken file (an
unterminated quote, not text) is a 422 naming the line. Up to :data:`MAX_ROWS` rows per file (the
import runs inside the request).

The export guards cells that start with ``= + - @`` (and tab/CR) the way leads' CSV export does, so a
spreadsheet never runs a value as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from email_validator import EmailNotValidError, validate_email

from services.kit.errors import Invalid

from .addresses import parse_address

Kind = Literal["address", "domain"]
MAX_ROWS = 10_000
MAX_REPORTED = 500
FIELD_LIMIT = 4096
VALUE_COLUMNS = ("email", "e-mail", "email address", "e-mail-adresse", "address", "adresse", "domain", "value")
REASON_COLUMNS = ("reason", "grund")
EXPORT_COLUMNS = ["kind", "value", "reason", "source", "created_at"]


@dataclass(frozen=True, slots=True)
class Entry:
    kind: Kind
    value: str  # lower-cased: the address's ASCII form, or the domain's A-label


@dataclass(frozen=True, slots=True)
class Rejected:
    line: int
    value: str
    reason: str


@dataclass
class ParsedCsv:
    entries: list[tuple[int, Entry, str | None]] = field(default_factory=list)  # line, entry, reason column
    rejected: list[Rejected] = field(default_factory=list)
    duplicates: int = 0
    rows: int = 0


def parse_entry(text: str) -> Entry:
    """An address or a domain, normalised; :class:`Invalid` saying what is wrong otherwise."""
    value = text.strip()
    if not value:
        raise Invalid("empty value")
    if value.startswith("@"):
        value = value[1:]
    elif "@" in value:
        return Entry("address", parse_address(value, field="value").key)
    try:
        checked = validate_email(f"x@{value}", check_deliverability=False, allow_smtputf8=True)
    except EmailNotValidError as exc:
        raise Invalid(f"{text.strip()!r} is neither an e-mail address nor a domain: {exc}") from exc
    if checked.ascii_domain is None or "." not in checked.ascii_domain:
        raise Invalid(f"{text.strip()!r} is neither an e-mail address nor a domain")
    return Entry("domain", checked.ascii_domain.lower())


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if "\x00" in text:
            raise Invalid("The file is not a CSV text file.") from None
        return text


def _delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ";" if sample.count(";") > sample.count(",") else ","


def _is_entry(cell: str) -> bool:
    try:
        parse_entry(cell)
    except Invalid:
        return False
    return True


def parse_suppression_csv(data: bytes, *, max_rows: int = MAX_ROWS) -> ParsedCsv:
    """Read a suppression CSV (see the module docstring)."""
    text = _decode(data)
    if "\x00" in text:
        raise Invalid("The file is not a CSV text file.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text[:4096]), strict=True)
    out = ParsedCsv()
    seen: set[Entry] = set()
    value_col, reason_col = 0, None
    first = True
    line = 1
    old_limit = csv.field_size_limit()
    csv.field_size_limit(FIELD_LIMIT)
    try:
        for row in reader:
            cells = [c.strip() for c in row]
            if first:
                first = False
                names = [c.lower() for c in cells]
                header = [i for i, n in enumerate(names) if n in VALUE_COLUMNS]
                if header:
                    value_col = header[0]
                    reason_col = next((i for i, n in enumerate(names) if n in REASON_COLUMNS), None)
                    line = reader.line_num + 1
                    continue
                if cells and cells[0] and not _is_entry(cells[0]):
                    raise Invalid("The CSV's first line is neither a header with an email, domain or value column "
                                  "nor an address or domain.",
                                  errors=[{"loc": ["body", "file"], "msg": "line 1: unknown header"}])
            if not any(cells):
                line = reader.line_num + 1
                continue
            out.rows += 1
            if out.rows > max_rows:
                raise Invalid(f"The CSV has more than {max_rows:,} rows; split it into several files.")
            raw = cells[value_col] if value_col < len(cells) else ""
            try:
                entry = parse_entry(raw)
            except Invalid as exc:
                if len(out.rejected) < MAX_REPORTED:
                    out.rejected.append(Rejected(line, raw[:320], exc.detail))
                else:
                    out.rejected.append(Rejected(line, "", "…"))
                line = reader.line_num + 1
                continue
            if entry in seen:
                out.duplicates += 1
            else:
                seen.add(entry)
                reason = cells[reason_col][:32] if reason_col is not None and reason_col < len(cells) else None
                out.entries.append((line, entry, reason or None))
            line = reader.line_num + 1
    except csv.Error as exc:
        reason = str(exc)
        if "field larger" in reason or "field limit" in reason:
            reason = f"a cell is longer than {FIELD_LIMIT:,} characters"
        elif "unexpected end of data" in reason or "EOF" in reason:
            reason = "a quote opened here is never closed"
        raise Invalid(f"The CSV cannot be read from line {line} on: {reason}.",
                      errors=[{"loc": ["body", "file"], "msg": f"line {line}: {reason}"}]) from exc
    finally:
        csv.field_size_limit(old_limit)
    return out


def safe_cell(value: Any) -> Any:
    """Cells starting with = + - @ (or tab/CR) become text, so a spreadsheet never runs them as formulas."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def export_csv(rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow([safe_cell(row.get(c)) for c in EXPORT_COLUMNS])
    return buffer.getvalue()
