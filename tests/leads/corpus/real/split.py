"""Deterministic split of the real-site corpus into a tuning set and a locked holdout.

    python tests/leads/corpus/real/split.py            # show the split
    python tests/leads/corpus/real/split.py --apply    # move the site folders and write "split"

Sites are grouped by (country, class); inside each group they are shuffled with a fixed seed and the
first floor(40 %) go to tuning/, the rest to holdout/. Grouping keeps countries and sole proprietors
represented on both sides; flooring keeps the holdout at 60 % or more. The assignment depends only on
the slugs and their labels, so re-running gives the same split wherever a site currently sits.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261203
TUNING_SHARE = 0.4
FOLDERS = ("pool", "tuning", "holdout")


def site_dirs(root: Path = HERE) -> dict[str, Path]:
    """slug -> current folder, wherever it sits (pool/, tuning/ or holdout/)."""
    out: dict[str, Path] = {}
    for folder in FOLDERS:
        for expected in sorted((root / folder).glob("*/expected.json")):
            if expected.parent.name in out:
                raise SystemExit(f"{expected.parent.name} is in two folders")
            out[expected.parent.name] = expected.parent
    return out


def assign(sites: dict[str, Path]) -> dict[str, str]:
    """slug -> "tuning" | "holdout"."""
    strata: dict[tuple[str, str], list[str]] = {}
    for slug, path in sites.items():
        label = json.loads((path / "expected.json").read_text(encoding="utf-8"))
        strata.setdefault((str(label["country"]), str(label["class"])), []).append(slug)
    out: dict[str, str] = {}
    for key in sorted(strata):
        members = sorted(strata[key])
        random.Random(f"{SEED}:{key[0]}:{key[1]}").shuffle(members)
        cut = math.floor(len(members) * TUNING_SHARE)
        out.update({slug: ("tuning" if i < cut else "holdout") for i, slug in enumerate(members)})
    return out


def apply(root: Path = HERE) -> None:
    sites = site_dirs(root)
    for slug, split in sorted(assign(sites).items()):
        target = root / split / slug
        if sites[slug] != target:
            target.parent.mkdir(exist_ok=True)
            shutil.move(str(sites[slug]), str(target))
        path = target / "expected.json"
        label = json.loads(path.read_text(encoding="utf-8"))
        if label.get("split") != split:
            label["split"] = split
            path.write_text(json.dumps(label, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--apply", action="store_true", help="move folders and write the split into expected.json")
    args = ap.parse_args()
    if args.apply:
        apply()
    split = assign(site_dirs())
    for name in ("tuning", "holdout"):
        print(f"{name}: {sum(v == name for v in split.values())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
