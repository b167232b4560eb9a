"""AI enrichment benchmark: quality on the labelled corpus and the economics of model calls.

    python bench/ai.py                  # every corpus site
    python bench/ai.py --limit 10       # the first 10 sites

1. Quality: per-field F1 (services/leads/extraction/evaluation.py) of the extractor alone against the
   extractor + enrichment (heuristic provider, and the model path through the fake OpenAI server with
   grounding). Enrichment must never be worse on any field.
2. Economics, through tests/fakes/openai_server.py with the real openai SDK: model calls per company,
   tokens per company against the input budget, cost, and the cache hit rate of a repeat run (goal 100 %).

Every figure is measured in this run; ratios compare against the extractor in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from services.ai.engine import AIEngine, Caller  # noqa: E402
from services.ai.enrichment import enrich_record  # noqa: E402
from services.ai.main import MIGRATIONS  # noqa: E402
from services.ai.schemas import EnrichResult  # noqa: E402
from services.ai.service import seed_prompts  # noqa: E402
from services.ai.settings import AISettings  # noqa: E402
from services.kit.db import create_engine, migrate, session_factory, session_scope, utcnow  # noqa: E402
from services.leads.crawler.text import describe_page  # noqa: E402
from services.leads.extraction import CompanyFacts, extract_company  # noqa: E402
from services.leads.extraction.evaluation import LIST_FIELDS, SCALAR_FIELDS, evaluate, load_corpus  # noqa: E402
from services.leads.schemas import SiteCrawlRead, SitePage, SiteRecord  # noqa: E402
from tests.fakes.openai_server import FakeOpenAI  # noqa: E402

BENCH = Caller("bench", False)


def merged(facts: CompanyFacts, result: EnrichResult) -> CompanyFacts:
    """What the company record holds after enrichment: the extractor's facts, with the profile's industry
    and size estimate filling gaps (people go to contacts, not to the company's e-mails and phones)."""
    profile = result.profile
    return facts.model_copy(update={"industry": profile.industry or facts.industry,
                                    "employees": profile.size_estimate or facts.employees})


async def run(settings: AISettings, records: dict[str, SiteCrawlRead], db_url: str) -> tuple[dict[str, EnrichResult],
                                                                                           float]:
    db = create_engine(db_url)
    await migrate(db, MIGRATIONS, "alembic_version_ai")
    sessions = session_factory(db)
    async with session_scope(sessions) as s:
        await seed_prompts(s)
    engine = AIEngine.from_settings(settings, sessions)
    out: dict[str, EnrichResult] = {}
    start = time.perf_counter()
    for slug, record in records.items():
        out[slug] = await enrich_record(engine, BENCH, record)
    elapsed = time.perf_counter() - start
    await engine.aclose()
    await db.dispose()
    return out, elapsed


def grounded_rate(results: dict[str, EnrichResult], records: dict[str, SiteCrawlRead]) -> float:
    """Share of the profile's person e-mails and phones found again in the site's own text or facts."""
    from services.ai.enrichment import grounding_source
    from services.ai.sources import build_source

    total = found = 0
    for slug, result in results.items():
        record = records[slug]
        source = build_source(record.pages, 10**6)
        src = grounding_source(record.record, source.full_text, source.links)
        for person in result.profile.persons:
            for value, check in ((person.email, src.has_email), (person.phone, src.has_phone)):
                if value:
                    total += 1
                    found += check(value)
    return found / total if total else 1.0


def f1_lines(label: str, report) -> dict[str, float]:
    scores = {name: report.fields[name].f1 for name in (*SCALAR_FIELDS, *LIST_FIELDS)}
    for name, value in scores.items():
        print(f"{label}_f1_{name}: {value:.3f}")
    print(f"{label}_macro_f1: {report.macro_f1:.3f}")
    return scores


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    sites = load_corpus()
    if args.limit:
        sites = sites[: args.limit]
    facts: dict[str, CompanyFacts] = {}
    records: dict[str, SiteCrawlRead] = {}
    extract_company(sites[0].pages, site_url=sites[0].site_url)  # warm-up
    start = time.perf_counter()
    for site in sites:
        facts[site.slug] = extract_company(site.pages, site_url=site.site_url)
    extraction_s = time.perf_counter() - start
    for site in sites:
        data = facts[site.slug].model_dump(mode="json")
        data["employees"] = str(data["employees"]) if data.get("employees") is not None else None
        record = SiteRecord.model_validate({**data, "url": site.site_url, "pages": [p.url for p in site.pages]})
        pages = [SitePage.model_validate({**describe_page(p.html, p.url, p.kind), "fetched_at": utcnow()})
                 for p in site.pages]
        records[site.slug] = SiteCrawlRead(url=site.site_url, domain=None, crawled_at=utcnow(), record=record,
                                           pages=pages)
    n = len(sites)
    print(f"sites: {n}")
    base = f1_lines("extraction", evaluate(facts))

    with tempfile.TemporaryDirectory() as tmp:
        heuristic = AISettings(_env_file=None, data_dir=Path(tmp))  # type: ignore[call-arg]
        results, heuristic_s = await run(heuristic, records, f"sqlite+aiosqlite:///{tmp}/heuristic.db")
        rules = f1_lines("heuristic", evaluate({slug: merged(facts[slug], r) for slug, r in results.items()}))
        worse = [f for f in base if rules[f] < base[f] - 1e-9]
        print(f"heuristic_fields_worse_than_extraction: {len(worse)} {worse if worse else ''}".rstrip())
        print(f"heuristic_summary_coverage: {sum(bool(r.profile.summary) for r in results.values()) / n:.3f}")
        print(f"heuristic_hook_coverage: {sum(bool(r.profile.hook) for r in results.values()) / n:.3f}")
        print(f"extraction_ms_per_site: {extraction_s / n * 1000:.2f}")
        print(f"heuristic_enrichment_ms_per_site: {heuristic_s / n * 1000:.2f}")
        print(f"heuristic_vs_extraction_time: {heuristic_s / extraction_s:.2f}x")

        with FakeOpenAI() as fake:
            model = AISettings(_env_file=None, openai_api_key="sk-bench", openai_base_url=fake.base_url,  # type: ignore[call-arg]
                               data_dir=Path(tmp))
            db = f"sqlite+aiosqlite:///{tmp}/model.db"
            first, first_s = await run(model, records, db)
            calls_first = len(fake.calls)
            second, second_s = await run(model, records, db)
            calls_second = len(fake.calls) - calls_first
        scored = f1_lines("model", evaluate({slug: merged(facts[slug], r) for slug, r in first.items()}))
        worse = [f for f in base if scored[f] < base[f] - 1e-9]
        print(f"model_fields_worse_than_extraction: {len(worse)} {worse if worse else ''}".rstrip())
        sent = [r for r in first.values() if r.ai.attempts]
        prompt_tokens = sum(r.ai.prompt_tokens for r in first.values())
        completion_tokens = sum(r.ai.completion_tokens for r in first.values())
        budget = model.ai_max_input_tokens
        print(f"model_calls_per_company: {calls_first / n:.2f}")
        print(f"sites_without_text_no_model_call: {n - len(sent)}")
        print(f"prompt_tokens_per_company: {prompt_tokens / n:.0f}")
        print(f"completion_tokens_per_company: {completion_tokens / n:.0f}")
        print(f"max_prompt_tokens_per_company: {max(r.ai.prompt_tokens for r in first.values())}")
        print(f"input_budget_tokens: {budget}")
        print(f"max_prompt_tokens_vs_budget: {max(r.ai.prompt_tokens for r in first.values()) / budget:.2f}")
        print(f"sites_cut_to_budget: {sum(r.ai.input_truncated for r in first.values())}")
        print(f"cost_per_company_usd: {sum(r.ai.cost for r in first.values()) / n:.6f}")
        for what in ("dropped_persons", "dropped_emails", "dropped_phones"):
            print(f"grounding_{what}_per_company: {sum(getattr(r.grounding, what) for r in first.values()) / n:.2f}")
        people = [p for r in first.values() for p in r.profile.persons]
        print(f"persons_per_company: {len(people) / n:.2f}")
        print(f"person_contact_data_in_source_rate: {grounded_rate(first, records):.3f}")
        stripped = sum(r.grounding.stripped_links for r in first.values())
        print(f"grounding_stripped_links_per_company: {stripped / n:.2f}")
        print(f"repeat_run_model_calls: {calls_second}")
        print(f"repeat_run_cache_hit_rate: {sum(r.ai.cached for r in second.values()) / max(1, len(sent)):.3f}")
        print(f"model_run_ms_per_site: {first_s / n * 1000:.1f}")
        print(f"repeat_run_ms_per_site: {second_s / n * 1000:.1f}")
        print(f"repeat_vs_first_run_time: {second_s / first_s:.2f}x")


if __name__ == "__main__":
    asyncio.run(main())
