"""The one rule of whose value wins: people over imports over the crawl over other services' guesses."""

from __future__ import annotations

from types import SimpleNamespace

from services.leads.provenance import may_set, writable


def test_people_always_win_and_machines_only_fill_or_refresh_their_own_rank() -> None:
    assert may_set("typed", "manual", "manual")
    assert not may_set("typed", "manual", "crawl") and not may_set("typed", "manual", "ai")
    assert not may_set("from csv", "import", "crawl") and may_set("from csv", "import", "import")
    assert may_set("old crawl", "crawl", "crawl") and not may_set("crawl fact", "crawl", "ai")
    assert may_set("a guess", "ai", "ai") and may_set("a guess", "ai", "crawl")
    assert may_set(None, "manual", "ai") and may_set("", None, "ai") and may_set([], "manual", "crawl")
    assert not may_set("no evidence recorded", None, "crawl")  # older values count as typed by a person


def test_writable_keeps_only_what_the_writer_may_write() -> None:
    company = SimpleNamespace(summary="Mine.", industry=None, employees="5", language="de",
                              evidence={"summary": {"source": "manual"}, "employees": {"source": "ai"},
                                        "language": {"source": "crawl"}})
    offered = {"summary": "AI text", "industry": "Pumps", "employees": "10-50", "language": "en"}
    assert writable(company, offered, "ai") == {"industry": "Pumps", "employees": "10-50"}
    assert writable(company, offered, "manual") == offered
