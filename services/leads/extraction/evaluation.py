"""Scoring extracted facts against the labelled corpus (shared by the offline bench and the
crawler-based evaluation).

Corpus layout: ``<corpus>/<slug>/site/**.html`` (a static site; ``.htm`` pages too) and
``<corpus>/<slug>/expected.json`` (gold CompanyFacts fields + ``site_url``, ``pages`` {kind: path | [paths]},
optional ``js_required``, ``split`` and ``notes``).

Sets (:data:`CORPUS_SETS`): ``synthetic`` are the hand-written unit cases in ``tests/leads/corpus/*``
(written by the rule authors: never quoted as quality); ``tuning`` and ``holdout21`` are real DACH sites in
``tests/leads/corpus/real/``, labelled from ``tests/leads/corpus/LABELLING.md`` by someone who does not write
the rules. ``tuning`` holds round 1's tuning sites, its holdout, and the holdouts 2 to 20 of rounds 2 to 20 (each
reported once, then folded in: they are spent). ``holdout21`` is locked: figures only, never per-site misses.

Comparison rules: scalars compare after NFKC + casefold + whitespace collapse + trimming of outer
punctuation (register/VAT numbers also ignore spaces); a wrong prediction counts as FP *and* FN.
Lists are compared as sets (micro P/R): e-mails lowercased, phones as E.164, representatives by the
name without academic titles/honorifics (titles are a formatting choice, not a different person).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .facts import CompanyFacts, PageContent
from .people import name_core

DEFAULT_CORPUS_DIR = Path(__file__).resolve().parents[3] / "tests" / "leads" / "corpus"
REAL_CORPUS_DIR = DEFAULT_CORPUS_DIR / "real"
CORPUS_SETS = {
    "synthetic": DEFAULT_CORPUS_DIR,
    "tuning": REAL_CORPUS_DIR / "tuning",
    "holdout21": REAL_CORPUS_DIR / "holdout21",
}
LOCKED_SETS = frozenset({"holdout21"})  # report figures only: no per-site misses
PAGE_SUFFIXES = (".html", ".htm")

SCALAR_FIELDS = ("company_name", "legal_form", "street", "postal_code", "city", "country", "fax",
                 "register_court", "register_number", "vat_id", "employees", "industry")
LIST_FIELDS = ("emails", "phones", "representatives")
MACRO_FIELDS = ("company_name", "street", "postal_code", "city", "country", "register_number", "vat_id", "fax",
                "emails", "phones", "representatives")
OPTIONAL_FIELDS = frozenset({"industry", "employees", "legal_form", "register_court"})


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Miss:
    site: str
    field: str
    expected: Any
    got: Any


@dataclass
class Report:
    fields: dict[str, FieldScore]
    misses: list[Miss] = field(default_factory=list)
    sites: int = 0

    @property
    def macro_f1(self) -> float:
        return sum(self.fields[f].f1 for f in MACRO_FIELDS) / len(MACRO_FIELDS)

    def format(self, title: str = "", *, max_misses: int = 25) -> str:
        out = [f"== {title} ({self.sites} sites)" if title else f"== {self.sites} sites"]
        for name in (*SCALAR_FIELDS[:1], *LIST_FIELDS, *SCALAR_FIELDS[1:]):
            s = self.fields[name]
            out.append(f"{name}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} ({s.tp}/{s.fp}/{s.fn})")
        out.append(f"macro_f1: {self.macro_f1:.3f}")
        if max_misses and self.misses:
            out.append(f"-- worst misses ({min(max_misses, len(self.misses))} of {len(self.misses)}):")
            for m in self.misses[:max_misses]:
                out.append(f"   {m.site} | {m.field} | expected={m.expected!r} | got={m.got!r}")
        return "\n".join(out)


def _norm(value: Any, name: str) -> str:
    s = unicodedata.normalize("NFKC", str(value)).casefold()
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    if name in ("register_number", "vat_id", "fax", "phones", "postal_code"):
        s = s.replace(" ", "")
    return s


def _norm_list(values: Iterable[Any], name: str) -> set[str]:
    if name == "representatives":
        return {name_core(str(v)) for v in values if v}
    return {_norm(v, name) for v in values if v}


def score_site(slug: str, facts: CompanyFacts, gold: Mapping[str, Any], report: Report) -> None:
    for name in SCALAR_FIELDS:
        if name not in gold and name in OPTIONAL_FIELDS:
            continue
        want = gold.get(name)
        got = getattr(facts, name)
        s = report.fields[name]
        if want is None:
            if got is not None:
                s.fp += 1
                report.misses.append(Miss(slug, name, None, got))
            continue
        if got is None:
            s.fn += 1
            report.misses.append(Miss(slug, name, want, None))
        elif _norm(got, name) == _norm(want, name):
            s.tp += 1
        else:
            s.fp += 1
            s.fn += 1
            report.misses.append(Miss(slug, name, want, got))
    for name in LIST_FIELDS:
        want_set = _norm_list(gold.get(name) or [], name)
        got_set = _norm_list(getattr(facts, name), name)
        s = report.fields[name]
        s.tp += len(want_set & got_set)
        s.fp += len(got_set - want_set)
        s.fn += len(want_set - got_set)
        if want_set != got_set:
            report.misses.append(Miss(slug, name, sorted(want_set - got_set), sorted(got_set - want_set)))


_FIELD_ORDER = {f: i for i, f in enumerate(MACRO_FIELDS + tuple(f for f in SCALAR_FIELDS if f not in MACRO_FIELDS))}


def evaluate(results: Mapping[str, CompanyFacts], *, corpus_dir: Path | str = DEFAULT_CORPUS_DIR,
             gold: Mapping[str, Mapping[str, Any]] | None = None) -> Report:
    """Score `results` (slug -> facts) against the corpus gold labels (or an explicit `gold`)."""
    if gold is None:
        gold = {s.slug: s.expected for s in load_corpus(corpus_dir) if s.slug in results}
    report = Report(fields={f: FieldScore() for f in (*SCALAR_FIELDS, *LIST_FIELDS)})
    for slug, facts in results.items():
        if slug not in gold:
            continue
        score_site(slug, facts, gold[slug], report)
        report.sites += 1
    report.misses.sort(key=lambda m: (_FIELD_ORDER.get(m.field, 99), m.site))
    return report


@dataclass
class CorpusSite:
    slug: str
    path: Path
    expected: dict[str, Any]
    pages: list[PageContent]

    @property
    def site_url(self) -> str:
        return str(self.expected.get("site_url") or f"https://{self.slug}.example/")

    @property
    def js_required(self) -> bool:
        return bool(self.expected.get("js_required"))

    @property
    def split(self) -> str:
        return str(self.expected.get("split") or "dev")


def page_url(site_url: str, rel: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    if rel == "index.html":
        return base
    if rel.endswith("/index.html"):
        return base + rel[: -len("index.html")]
    return base + rel


def kinds_by_path(expected: Mapping[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for kind, paths in (expected.get("pages") or {}).items():
        for p in [paths] if isinstance(paths, str) else paths:
            out[p] = kind
    return out


def load_site(site_dir: Path) -> CorpusSite:
    expected = json.loads((site_dir / "expected.json").read_text(encoding="utf-8"))
    root = site_dir / "site"
    kinds = kinds_by_path(expected)
    site_url = str(expected.get("site_url") or f"https://{site_dir.name}.example/")
    pages = []
    for f in sorted(p for p in root.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES and p.is_file()):
        rel = f.relative_to(root).as_posix()
        pages.append(PageContent(url=page_url(site_url, rel), html=f.read_text(encoding="utf-8"),
                                 kind=kinds.get(rel, "other")))
    return CorpusSite(slug=site_dir.name, path=site_dir, expected=expected, pages=pages)


def load_corpus(corpus_dir: Path | str = DEFAULT_CORPUS_DIR, *, skip_js: bool = False) -> list[CorpusSite]:
    root = Path(corpus_dir)
    if not root.is_dir():
        return []
    sites = [load_site(d) for d in sorted(root.iterdir()) if (d / "expected.json").is_file()]
    return [s for s in sites if not (skip_js and s.js_required)]


def load_set(name: str, *, skip_js: bool = False) -> list[CorpusSite]:
    """The sites of one named set (see :data:`CORPUS_SETS`)."""
    if name not in CORPUS_SETS:
        raise ValueError(f"unknown corpus set {name!r}; one of {', '.join(CORPUS_SETS)}")
    return load_corpus(CORPUS_SETS[name], skip_js=skip_js)
