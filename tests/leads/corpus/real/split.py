"""The round-1 split of the real-site corpus into tuning and holdout v1, kept as a record.

    python tests/leads/corpus/real/split.py            # show the round-1 split
    python tests/leads/corpus/real/split.py --apply    # move pool/ sites into tuning/, write split_v1

Round 1 (issue 12) grouped the sites by (country, class), shuffled each group with a fixed seed and put
the first floor(40 %) into tuning/, the rest into a locked holdout/. That holdout was reported once and is
spent: round 2 folded it into tuning/ (every site now has ``"split": "tuning"``; ``split_v1`` records the
round-1 side, so figures of both rounds can still be compared). Round 2's locked holdout2/ was collected on its
own, reported once and folded into tuning/ as well (``split_v2``); round 3's to round 20's holdouts the
same (``split_v3`` … ``split_v20``); the next locked set is holdout21/. None of them is part of this script.
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
FOLDERS = ("pool", "tuning")


def site_dirs(root: Path = HERE) -> dict[str, Path]:
    """slug -> current folder, wherever it sits (pool/ or tuning/); the later holdouts' sites (``split_v2`` …
    ``split_v20``) live in tuning/ too but were never part of this split."""
    out: dict[str, Path] = {}
    for folder in FOLDERS:
        for expected in sorted((root / folder).glob("*/expected.json")):
            text = expected.read_text(encoding="utf-8")
            if any(f'"split_v{k}"' in text for k in range(2, 21)):
                continue
            if expected.parent.name in out:
                raise SystemExit(f"{expected.parent.name} is in two folders")
            out[expected.parent.name] = expected.parent
    return out


def assign(sites: dict[str, Path]) -> dict[str, str]:
    """slug -> the round-1 side, "tuning" | "holdout"."""
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
    for slug, side in sorted(assign(sites).items()):
        target = root / "tuning" / slug
        if sites[slug] != target:
            shutil.move(str(sites[slug]), str(target))
        path = target / "expected.json"
        label = json.loads(path.read_text(encoding="utf-8"))
        if label.get("split") != "tuning" or label.get("split_v1") != side:
            label["split"], label["split_v1"] = "tuning", side
            path.write_text(json.dumps(label, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--apply", action="store_true", help="move pool/ sites into tuning/ and write split_v1")
    args = ap.parse_args()
    if args.apply:
        apply()
    split = assign(site_dirs())
    for name in ("tuning", "holdout"):
        print(f"round 1 {name}: {sum(v == name for v in split.values())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
