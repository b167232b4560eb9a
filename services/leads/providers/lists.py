"""The offline sources: a pasted list of domains/URLs, or a CSV export (Excel, a CRM, a spreadsheet).

CSV files come from anywhere, so this reads them generously: UTF-8 with or without BOM (UTF-16 with
a BOM, and Windows-1252 as a last resort — what German Excel writes), comma, semicolon, tab or pipe
as separator (sniffed from the data), header row optional. The website column is found by name or,
failing that, as the first column whose values look like domains.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Iterable

from .models import DiscoveryResult, DiscoverySettings
from .urls import Collector, Exclusions, parse_origin, registrable_domain

URL_HEADERS = ("url", "website", "homepage", "webseite", "internet", "domain", "web", "www", "websiteurl",
               "internetseite", "internetadresse", "homepageurl", "domainname", "site")
NAME_HEADERS = ("name", "firma", "company", "companyname", "firmenname", "unternehmen", "organisation",
                "organization", "firmierung")
DELIMITERS = (",", ";", "\t", "|")
SNIFF_LINES = 50
_COMMENT = re.compile(r"(?:^|\s)#.*$")  # "#" after whitespace; a URL's "/#about" fragment stays


def _result(collector: Collector, errors: list[str] | None = None) -> DiscoveryResult:
    return DiscoveryResult(candidates=collector.candidates, skipped=collector.skipped, provider=collector.source,
                           pages_fetched=0, errors=errors or [])


def candidates_from_list(lines: Iterable[str] | str, *, settings: DiscoverySettings) -> DiscoveryResult:
    """Domains or URLs, one per entry; blank entries and ``#`` comments are ignored."""
    if isinstance(lines, str):  # a whole pasted text block, not an iterable of characters
        lines = lines.splitlines()
    collector = Collector("list", Exclusions.from_settings(settings))
    rank = 0
    for line in lines:
        text = _COMMENT.sub("", line).strip().strip("\"'<>,;").strip()
        if not text:
            continue
        rank += 1
        if any(ch.isspace() for ch in text):
            collector.skip(text, "invalid", "more than one word: one domain or URL per line")
            continue
        collector.add(text, rank=rank)
    return _result(collector)


def _decode(data: bytes) -> tuple[str, str | None]:
    """Text and, when it was not UTF-8, a note saying how it was read."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "csv: not UTF-8; read as Windows-1252"


def _fold(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.strip().lower().replace("ü", "ue").replace("ö", "oe").replace("ä", "ae"))


def _sniff(lines: list[str]) -> str:
    """The separator that splits the sample into the most consistent number (> 1) of columns."""

    def score(delimiter: str) -> tuple[bool, float]:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter) if any(c.strip() for c in row)]
        if not counts:
            return False, 0.0
        modal, hits = Counter(counts).most_common(1)[0]
        return modal > 1, hits / len(counts)

    return max(DELIMITERS, key=score)  # ties go to the earlier, more common separator


def _looks_like_domain(value: str) -> bool:
    value = value.strip()
    # An e-mail column would pass the URL parser (user info is dropped); it is not the website column.
    if not value or "." not in value or "@" in value or any(ch.isspace() for ch in value):
        return False
    return parse_origin(value) is not None and registrable_domain(value) is not None


def _find_column(names: tuple[str, ...], header: list[str]) -> int | None:
    folded = [_fold(h) for h in header]
    for name in names:  # in order of preference: "url" beats "domain" when a file has both
        if name in folded:
            return folded.index(name)
    return None


def _cell(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def candidates_from_csv(data: bytes, *, settings: DiscoverySettings) -> DiscoveryResult:
    """Websites from a CSV file; a ``name``/``firma``/``company`` column becomes the candidate's title."""
    collector = Collector("csv", Exclusions.from_settings(settings))
    text, note = _decode(data)
    errors = [note] if note else []
    text = text.replace("\x00", "")
    sample = [line for line in text.splitlines() if line.strip()][:SNIFF_LINES]
    if not sample:
        return _result(collector, errors)
    delimiter = _sniff(sample)
    try:
        rows = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
                if any(cell.strip() for cell in row)]
    except csv.Error as exc:  # e.g. a field over the size limit; nothing sensible to salvage
        return _result(collector, [*errors, f"csv: unreadable at {exc}"])

    first = rows[0]
    url_col = _find_column(URL_HEADERS, first)
    name_col = _find_column(NAME_HEADERS, first)
    has_header = url_col is not None or name_col is not None
    if not has_header and not any(_looks_like_domain(cell) for cell in first):
        has_header = any(_looks_like_domain(cell) for row in rows[1:SNIFF_LINES] for cell in row)
    body = rows[1:] if has_header else rows
    if url_col is None:
        votes = Counter(i for row in body[:SNIFF_LINES] for i, cell in enumerate(row) if _looks_like_domain(cell))
        if not votes:
            return _result(collector, [*errors, "csv: no column with websites or domains found (name one 'url' or "
                                                "'website')"])
        top = max(votes.values())
        url_col = min(i for i, n in votes.items() if n == top)
    for rank, row in enumerate(body, start=1):
        value, name = _cell(row, url_col), _cell(row, name_col)
        if not value:
            collector.skip("", "invalid", f"entry {rank}: no website" + (f" ({name})" if name else ""))
            continue
        collector.add(value, rank=rank, title=name or None)
    return _result(collector, errors)
