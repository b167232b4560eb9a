"""Fit the company-name scorer (services/leads/extraction/namechoice.py) and cross-validate it by origin.

    python bench/fit_name_choice.py            # leave-one-origin-out CV: rules vs scored choice, per origin
    python bench/fit_name_choice.py --write    # + fit on every origin and write the weights into namechoice.py

The model is a conditional logit: per site, a softmax over its name candidates (and the "no name" alternative)
of a linear score w·x, fitted by gradient descent on the mean negative log-likelihood of the labelled name plus
an L2 penalty. Pure Python (no numpy in the extractor's dependencies). Sites whose labelled name is none of the
candidates teach nothing and are left out of the fit (they still count in the F1). Only the tuning set is read:
the locked holdout is never touched.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from services.leads.extraction.evaluation import FieldScore, _norm, load_set  # noqa: E402
from services.leads.extraction.extractor import extract_with_name_candidates  # noqa: E402
from services.leads.extraction.namechoice import FEATURES, NameCandidate, choose  # noqa: E402

MODULE = ROOT / "services" / "leads" / "extraction" / "namechoice.py"
LAST_FOLDED = 20  # the newest holdout folded into tuning (split_v20)
ORIGINS = ("v1", *(f"h{k}" for k in range(2, LAST_FOLDED + 1)))


@dataclass
class SiteCase:
    slug: str
    origin: str
    gold: str | None
    rules: str | None
    cands: list[NameCandidate]

    def label(self) -> int | None:
        """The index of the labelled name among the candidates (None: not among them)."""
        for i, c in enumerate(self.cands):
            if (self.gold is None and c.is_null) or (
                    self.gold is not None and not c.is_null and _norm(c.value, "company_name") == _norm(self.gold,
                                                                                                         "company_name")):
                return i
        return None


def origin_of(expected: dict[str, object]) -> str:
    for k in range(LAST_FOLDED, 1, -1):
        if expected.get(f"split_v{k}") == f"holdout{k}":
            return f"h{k}"
    return "v1"


def load_cases() -> list[SiteCase]:
    cases = []
    for site in load_set("tuning"):
        _, cands = extract_with_name_candidates(site.pages, site_url=site.site_url)
        rules = next((c.value or None for c in cands if "src_rules" in c.features), None)
        gold = site.expected.get("company_name")
        cases.append(SiteCase(site.slug, origin_of(site.expected), str(gold) if gold is not None else None,
                              rules, cands))
    return cases


_INDEX = {f: i for i, f in enumerate(FEATURES)}
Sparse = list[tuple[int, float]]


DROPPED: set[str] = set()  # features left out of an experiment (--drop)


def _sparse(cands: list[NameCandidate]) -> list[Sparse]:
    return [[(_INDEX[k], v) for k, v in c.features.items() if k not in DROPPED] for c in cands]


def fit(cases: list[SiteCase], *, l2: float = 0.1, steps: int = 400, rate: float = 1.0) -> dict[str, float]:
    """Gradient descent with momentum on the mean conditional-logit loss + l2/2·|w|² (convex: one start is
    enough)."""
    data = [(_sparse(c.cands), y) for c in cases if (y := c.label()) is not None and len(c.cands) > 1]
    w = [0.0] * len(FEATURES)
    velocity = [0.0] * len(FEATURES)
    n = max(len(data), 1)
    for _ in range(steps):
        grad = [l2 * x for x in w]
        for cands, y in data:
            s = [sum(w[i] * v for i, v in x) for x in cands]
            top = max(s)
            e = [math.exp(v - top) for v in s]
            z = sum(e) * n
            for x, ev in zip(cands, e, strict=True):
                p = ev / z
                for i, v in x:
                    grad[i] += p * v
            for i, v in cands[y]:
                grad[i] -= v / n
        velocity = [0.9 * m - rate * g for m, g in zip(velocity, grad, strict=True)]
        w = [x + m for x, m in zip(w, velocity, strict=True)]
    return {f: round(x, 3) for f, x in zip(FEATURES, w, strict=True) if f not in DROPPED}


def f1(pairs: list[tuple[str | None, str | None]]) -> float:
    """Company-name F1 as evaluation.py scores it: a wrong name is a false positive and a false negative."""
    s = FieldScore()
    for want, got in pairs:
        if want is None:
            s.fp += got is not None
        elif got is None:
            s.fn += 1
        elif _norm(got, "company_name") == _norm(want, "company_name"):
            s.tp += 1
        else:
            s.fp += 1
            s.fn += 1
    return s.f1


def predict(case: SiteCase, weights: dict[str, float]) -> str | None:
    return choose(case.cands, weights).value or None


def cross_validate(cases: list[SiteCase], l2: float) -> dict[str, tuple[float, float, int]]:
    out = {}
    for origin in ORIGINS:
        test = [c for c in cases if c.origin == origin]
        weights = fit([c for c in cases if c.origin != origin], l2=l2)
        rules = f1([(c.gold, c.rules) for c in test])
        scored = f1([(c.gold, predict(c, weights)) for c in test])
        out[origin] = (rules, scored, len(test))
    return out


def write_weights(weights: dict[str, float]) -> None:
    text = MODULE.read_text(encoding="utf-8")
    body = "".join(f'    "{k}": {v},\n' for k, v in weights.items() if v)
    new = re.sub(r"WEIGHTS: dict\[str, float\] = \{.*?\n\}|WEIGHTS: dict\[str, float\] = \{\}",
                 lambda _: "WEIGHTS: dict[str, float] = {\n" + body + "}", text, count=1, flags=re.S)
    MODULE.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--l2", type=float, default=0.1, help="L2 penalty")
    ap.add_argument("--write", action="store_true", help="fit on every origin and write WEIGHTS into namechoice.py")
    ap.add_argument("--show", type=int, default=0, help="list this many changed picks of the CV (tuning only)")
    ap.add_argument("--drop", default="", help="comma-separated features to leave out (an experiment)")
    args = ap.parse_args(argv)
    DROPPED.update(f for f in args.drop.split(",") if f)

    cases = load_cases()
    covered = sum(c.label() is not None for c in cases)
    print(f"sites: {len(cases)}; labelled name among the candidates: {covered} "
          f"({covered / len(cases):.1%}); mean candidates per site: "
          f"{sum(len(c.cands) for c in cases) / len(cases):.1f}")
    cv = cross_validate(cases, args.l2)
    print(f"leave-one-origin-out company-name F1 (L2 {args.l2})")
    print(f"{'origin':<8}{'sites':>6}{'rules':>8}{'scored':>8}")
    for origin, (rules, scored, n) in cv.items():
        print(f"{origin:<8}{n:>6}{rules:>8.3f}{scored:>8.3f}")
    mean_rules = sum(v[0] for v in cv.values()) / len(cv)
    mean_scored = sum(v[1] for v in cv.values()) / len(cv)
    print(f"{'mean':<8}{'':>6}{mean_rules:>8.3f}{mean_scored:>8.3f}")
    if args.show:
        for origin in ORIGINS:
            weights = fit([c for c in cases if c.origin != origin], l2=args.l2)
            for c in cases:
                if c.origin == origin and (got := predict(c, weights)) != c.rules:
                    print(f"  {origin} {c.slug}: rules={c.rules!r} scored={got!r} gold={c.gold!r}")
    weights = fit(cases, l2=args.l2)
    print("weights fitted on all origins:")
    for k, v in weights.items():
        print(f"  {k:<18}{v:>8.3f}")
    if args.write:
        write_weights(weights)
        print(f"written to {MODULE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
