"""Writing benchmark: would a German salesperson send these drafts?

    python bench/writing.py              # 30 briefs x 2 corpus companies, offline writer and model stand-in
    python bench/writing.py --no-model   # the offline writer only

30 briefs (tests/ai/writing_briefs.py: German and English, formal and informal, with and without a contact,
titles, a name typed as "Herr Dr. Klaus Bergmann") are written for two companies each of the test corpus
(served on loopback, crawled by the leads service) through the real ai API, then every draft is edited four
ways (improve, shorter, more personal, fix grammar). Each text is checked (tests/ai/writing_checks.py):
salutation, register, language, no instruction copied, call to action, sign-off, cited facts on the cited
page, length, what an edit must keep. Printed: the pass rate per check for the offline writer, for the
model stand-in (tests/fakes/openai_server.py, the real openai SDK) and, as the baseline measured in the same
run, for the writer this replaced (it pasted the instruction; "Hallo Klaus," from a first name).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from services.leads.schemas import salutation  # noqa: E402
from tests.ai.writing_briefs import BRIEFS, SENDERS, Checked, WritingBrief, run_brief, writing_world  # noqa: E402
from tests.ai.writing_checks import CHECKS, Expect, run_checks  # noqa: E402
from tests.fakes.openai_server import FakeOpenAI  # noqa: E402


def legacy_write(name: str | None, company: str, instruction: str, tone: str, length: str, language: str,
                 sender: str | None) -> str:
    """The offline writer as it was before issue 13 (services/ai/heuristic.py), kept here as the baseline."""
    de = language == "de"
    parts = re.sub(r"^(herr|frau|mr|mrs|ms|dr|prof)\.?\s+", "", name or "", flags=re.I).split()
    first = parts[0] if parts else ""
    greetings = {"formal": "Guten Tag {name}," if de else "Dear {name},",
                 "friendly": "Hallo {first}," if de else "Hi {first},",
                 "direct": "Hallo {name}," if de else "Hello {name},"}
    greeting = greetings[tone].format(name=name, first=first or name) if name else ("Guten Tag," if de else "Hello,")
    about = (f"ich melde mich wegen {company}." if de else f"I am reaching out about {company}.") if company else ""
    core = instruction.strip().rstrip(".") + "."
    lines = [greeting, "", " ".join(p for p in (about, core[:1].upper() + core[1:]) if p)]
    if length != "short":
        lines += ["", "Hätten Sie nächste Woche 15 Minuten für ein kurzes Gespräch?" if de else
                  "Would you have 15 minutes next week for a short call?"]
    closing = {"formal": "Mit freundlichen Grüßen", "friendly": "Viele Grüße", "direct": "Beste Grüße"} if de else {
        "formal": "Kind regards", "friendly": "Best wishes", "direct": "Best"}
    lines += ["", closing[tone]] + ([sender] if sender else [])
    return "\n".join(lines)


def rates(results: list[Checked]) -> dict[str, float]:
    failed = Counter(check for r in results for check in r.failures)
    return {check: 1 - failed[check] / len(results) for check in CHECKS}


def report(label: str, results: list[Checked]) -> float:
    for check, rate in rates(results).items():
        print(f"{label}_pass_rate_{check}: {rate:.3f}")
    clean = sum(not r.failures for r in results) / len(results)
    print(f"{label}_texts: {len(results)}")
    print(f"{label}_texts_passing_every_check: {clean:.3f}")
    by_kind: dict[str, list[Checked]] = defaultdict(list)
    for r in results:
        by_kind[r.kind].append(r)
    for kind, items in by_kind.items():
        print(f"{label}_{kind}_passing_every_check: {sum(not r.failures for r in items) / len(items):.3f}")
    for r in [r for r in results if r.failures][:8]:
        print(f"#  {label} {r.brief} @ {r.site} [{r.kind}]: {r.failures}")
    return clean


async def run(briefs: tuple[WritingBrief, ...], tmp: Path, fake: FakeOpenAI | None) -> list[Checked]:
    out: list[Checked] = []
    async with writing_world(f"sqlite+aiosqlite:///{tmp / 'ai.db'}", tmp, briefs, fake) as world:
        for brief in briefs:
            for slug in brief.sites:
                out += await run_brief(world, brief, slug)
        baseline.clear()
        for brief in briefs:
            for slug in brief.sites:
                name = brief.contact[0] if brief.contact else None
                form = brief.contact[1] if brief.contact else None
                sender = SENDERS[brief.sender].get("name") or world.sender_names[brief.sender]
                started = time.perf_counter()
                body = legacy_write(name, world.names[slug], brief.instruction, brief.tone, brief.length,
                                    brief.language, sender)
                elapsed = time.perf_counter() - started
                e = Expect(salutation(name, form, brief.language, brief.register), brief.language, brief.register,
                           brief.instruction, sender, world.pages[slug], brief.length)
                failures = {k: v for k, v in run_checks(body, e).items() if v}
                baseline.append(Checked(brief.key, slug, "write", body, failures, "legacy", elapsed))
    return out


baseline: list[Checked] = []


async def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--no-model", action="store_true", help="skip the model stand-in")
    args = parser.parse_args()
    print(f"briefs: {len(BRIEFS)}")
    print(f"drafts: {sum(len(b.sites) for b in BRIEFS)}")
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        (Path(tmp) / "offline").mkdir()
        offline = await run(BRIEFS, Path(tmp) / "offline", None)
        offline_s = time.perf_counter() - started
    clean = report("offline", offline)
    writes = [r for r in offline if r.kind == "write"]
    edits = [r for r in offline if r.kind != "write"]
    print(f"offline_ms_per_draft: {sum(r.seconds for r in writes) / len(writes) * 1000:.1f}")
    print(f"offline_ms_per_edit: {sum(r.seconds for r in edits) / len(edits) * 1000:.1f}")
    print(f"offline_run_seconds: {offline_s:.1f}")
    personal = [r for r in offline if r.kind == "more_personal"]
    added = sum(not any(w.startswith("No personal line added") for w in r.warnings) for r in personal)
    print(f"offline_more_personal_lines_added: {added / len(personal):.3f}")
    cited = sum("(http" in r.body for r in writes)
    print(f"offline_drafts_citing_a_website_fact: {cited / len(writes):.3f}")
    legacy = report("baseline_legacy_write", baseline)
    offline_writes = sum(not r.failures for r in writes) / len(writes)
    print(f"offline_write_vs_legacy_write_passing_every_check: {offline_writes:.3f} vs {legacy:.3f}")
    if not args.no_model:
        with tempfile.TemporaryDirectory() as tmp, FakeOpenAI() as fake:
            (Path(tmp) / "model").mkdir()
            model = await run(BRIEFS, Path(tmp) / "model", fake)
        report("model_standin", model)
        print(f"model_standin_generated_by_model: {sum(r.generated_by == 'model' for r in model) / len(model):.3f}")
    print(f"goal_offline_every_check_100pct: {'met' if clean == 1.0 else 'NOT met'}")


if __name__ == "__main__":
    asyncio.run(main())
