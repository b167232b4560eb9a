"""Whose value wins when several writers fill one field: the one rule every write path follows.

A person's edit always applies. A machine writer (an import, the crawl, another service such as
the ai service) fills what is empty and refreshes values from writers that rank no higher than
itself; it never overwrites what a person typed. Each field's writer is recorded in the record's
``evidence`` (``{field: {"source": ..., ...}}``), so the rule needs nothing else.
"""

from __future__ import annotations

from typing import Any

MANUAL = "manual"
# Higher wins. Another service's writes (a model's guesses) rank below everything we observed.
_RANK = {MANUAL: 3, "import": 2, "crawl": 1}


def rank(source: str | None) -> int:
    # A value without a recorded writer predates evidence: treat it as typed by a person.
    return _RANK.get(source, 0) if source is not None else _RANK[MANUAL]


def source_of(evidence: dict[str, Any] | None, field: str) -> str | None:
    entry = (evidence or {}).get(field)
    return entry.get("source") if isinstance(entry, dict) else None


def may_set(current: Any, current_source: str | None, writer: str) -> bool:
    """May ``writer`` replace ``current`` (written by ``current_source``)?"""
    if writer == MANUAL or current in (None, "", [], {}):
        return True
    return rank(current_source) <= rank(writer)


def writable(record: Any, fields: dict[str, Any], writer: str) -> dict[str, Any]:
    """The part of ``fields`` that ``writer`` may write onto ``record``."""
    evidence = getattr(record, "evidence", None)
    return {k: v for k, v in fields.items()
            if may_set(getattr(record, k, None), source_of(evidence, k), writer)}
