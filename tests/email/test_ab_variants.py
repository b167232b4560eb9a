"""A/B variants of a campaign step: stored and read back, drawn per contact by weight and always the same way,
rendered into the ledger with their label, and counted per variant in the campaign's stats."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from services.email.variants import Variant, pick
from tests.email.support import email_stack


def test_the_draw_is_stable_and_follows_the_weights() -> None:
    texts = [Variant("A", 1, 3), Variant("B", 2, 1)]
    assert all(pick(texts, 7, contact, 1) == pick(texts, 7, contact, 1) for contact in range(200))
    counts = collections.Counter(pick(texts, 7, contact, 1).label for contact in range(20_000))
    assert 0.72 <= counts["A"] / 20_000 <= 0.78
    # Each step draws on its own: a contact's variant in step 2 does not follow its variant in step 1.
    same = sum(pick(texts, 7, c, 1).label == pick(texts, 7, c, 2).label for c in range(20_000)) / 20_000
    assert 0.58 <= same <= 0.67  # 0.75² + 0.25² = 0.625 when independent
    assert pick([Variant("A", 1)], 7, 1, 1).label == "A"


async def test_a_step_with_two_texts_splits_its_contacts(database_url: str, tmp_path: Path) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        company = await stack.company("Split Ltd", country="GB")
        ids = [(await stack.contact(f"Person {i}", f"p{i}@split.example", company["id"]))["id"] for i in range(40)]
        a = await stack.template(subject="Version A for {{ contact.first_name }}")
        b = await stack.template(subject="Version B for {{ contact.first_name }}")
        mailbox = await stack.mailbox()
        campaign = await stack.campaign(ids, mailbox_ids=[mailbox["id"]], steps=[
            {"template_id": a["id"], "delay_days": 0, "weight": 1, "variants": [{"template_id": b["id"]}]}])
        [step] = campaign["steps"]
        assert step["weight"] == 1 and step["variants"] == [{"label": "B", "template_id": b["id"], "weight": 1}]

        await stack.start(campaign["id"])
        await stack.run_jobs()
        messages = await stack.messages()
        by_label = collections.Counter(m.variant for m in messages)
        assert set(by_label) == {"A", "B"} and 10 <= by_label["A"] <= 30 and sum(by_label.values()) == 40
        assert all(m.subject.startswith(f"Version {m.variant} ") for m in messages)
        assert await stack.send_all() == 40

        stats = (await stack.email.get(f"/email/campaigns/{campaign['id']}/stats", headers=stack.sales)).json()
        per = {v["label"]: v for v in stats["variants"]}
        assert set(per) == {"A", "B"}
        assert per["A"]["template_id"] == a["id"] and per["B"]["template_id"] == b["id"]
        assert per["A"]["sent"] == by_label["A"] and per["B"]["sent"] == by_label["B"]
        assert stats["funnel"]["sent"] == 40


@pytest.mark.parametrize("variants", [
    [{"template_id": 999_999}],  # no such template
    [{"template_id": 1, "weight": 0}],
    [{"template_id": 1}] * 4,  # A plus at most three
])
async def test_wrong_variants_are_refused(database_url: str, tmp_path: Path, variants: list[dict]) -> None:
    async with email_stack(database_url, tmp_path) as stack:
        a = await stack.template()
        mailbox = await stack.mailbox()
        resp = await stack.email.post("/email/campaigns", headers=stack.sales, json={
            "name": "Bad", "mailbox_ids": [mailbox["id"]], "contact_ids": [],
            "steps": [{"template_id": a["id"], "delay_days": 0, "variants": variants}]})
        assert resp.status_code == 422, resp.text
        assert resp.headers["content-type"].startswith("application/problem+json")
