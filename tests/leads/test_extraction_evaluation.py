"""Scoring rules of services.leads.extraction.evaluation."""

from __future__ import annotations

from services.leads.extraction import CompanyFacts
from services.leads.extraction.evaluation import MACRO_FIELDS, evaluate, kinds_by_path, page_url


def test_scalar_and_list_scoring() -> None:
    gold = {
        "a": {
            "company_name": "Müller GmbH",
            "street": "Musterstraße 1",
            "city": None,
            "emails": ["a@x.de", "b@x.de"],
            "phones": ["+4989123"],
            "representatives": ["Dr. Anna Schmidt"],
            "register_number": "FN 123 k",
        },
    }
    facts = CompanyFacts(
        company_name="müller  gmbh",
        street="Musterstrasse 1",
        city="Berlin",
        emails=["a@x.de", "c@x.de"],
        phones=[],
        representatives=["Anna Schmidt"],
        register_number="FN 123k",
    )
    rep = evaluate({"a": facts}, gold=gold)
    f = rep.fields
    assert (f["company_name"].tp, f["company_name"].fp, f["company_name"].fn) == (1, 0, 0)
    assert f["street"].tp == 1  # casefold maps ß to ss
    assert (f["city"].tp, f["city"].fp, f["city"].fn) == (0, 1, 0)  # predicted although gold is null
    assert (f["emails"].tp, f["emails"].fp, f["emails"].fn) == (1, 1, 1)
    assert (f["phones"].tp, f["phones"].fp, f["phones"].fn) == (0, 0, 1)
    assert f["representatives"].tp == 1  # titles do not make a different person
    assert f["register_number"].tp == 1
    wrong = evaluate({"a": CompanyFacts(company_name="Other GmbH")}, gold=gold)
    assert (wrong.fields["company_name"].fp, wrong.fields["company_name"].fn) == (1, 1)
    assert 0.0 <= rep.macro_f1 <= 1.0 and len(MACRO_FIELDS) == 11
    assert "macro_f1:" in rep.format("t")


def test_optional_fields_are_skipped_when_unlabelled() -> None:
    rep = evaluate({"a": CompanyFacts(industry="IT/Software")}, gold={"a": {"emails": []}})
    assert rep.fields["industry"].fp == 0


def test_corpus_paths() -> None:
    assert page_url("https://x.de/", "index.html") == "https://x.de/"
    assert page_url("https://x.de", "kontakt/index.html") == "https://x.de/kontakt/"
    assert page_url("https://x.de/", "impressum.html") == "https://x.de/impressum.html"
    assert kinds_by_path({"pages": {"home": ["index.html", "en/index.html"], "impressum": "i.html"}}) == {
        "index.html": "home",
        "en/index.html": "home",
        "i.html": "impressum",
    }
