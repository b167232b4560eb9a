"""A/B variants of a campaign step: which text each contact gets.

A step's own template is variant A; up to three more (B, C, D) may be added, each with a weight. A contact's
variant is drawn from a hash of (campaign, contact, step), so it is the same however often or wherever the
step is rendered (a resumed preparation, a second worker), and the shares follow the weights.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

LABELS = "ABCD"


@dataclass(frozen=True, slots=True)
class Variant:
    label: str
    template_id: int
    weight: int = 1


def stored(template_id: int, weight: int, others: Sequence[Any]) -> list[dict[str, Any]] | None:
    """The step's ``variants`` column: None for a step with one text, else A (its template) and the others."""
    if not others:
        return None
    return [{"label": LABELS[i], "template_id": tid, "weight": w}
            for i, (tid, w) in enumerate([(template_id, weight), *((o.template_id, o.weight) for o in others)])]


def of_step(template_id: int, variants: Sequence[dict[str, Any]] | None) -> list[Variant]:
    if not variants:
        return [Variant("A", template_id)]
    return [Variant(str(v["label"]), int(v["template_id"]), int(v.get("weight") or 1)) for v in variants]


def pick(variants: Sequence[Variant], campaign_id: int, contact_id: int, position: int) -> Variant:
    if len(variants) == 1:
        return variants[0]
    digest = hashlib.sha256(f"{campaign_id}:{contact_id}:{position}".encode()).digest()
    point = int.from_bytes(digest[:8], "big") % sum(v.weight for v in variants)
    for variant in variants:
        if point < variant.weight:
            return variant
        point -= variant.weight
    return variants[-1]  # pragma: no cover - the weights add up to the modulus
