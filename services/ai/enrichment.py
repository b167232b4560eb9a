"""Enrichment: from a crawled site (what its pages showed + the extractor's facts) to a grounded lead profile.

The page text goes to the model delimited and cut to the token budget; the answer is validated,
then grounded (see :mod:`services.ai.grounding`): contact data the site does not contain is dropped,
and the extractor's facts win over the model's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from services.leads.schemas import SiteCrawlRead, SitePage, SiteRecord

from . import heuristic
from .engine import RULES, AIEngine, Caller
from .grounding import FactPerson, Source, ground_profile
from .schemas import AIMeta, EnrichResult, LeadProfile, PersonDraft, ProfileDraft
from .sources import SourceText, build_source, untrusted_block

PROFILE_FIELDS = ("summary", "industry", "size_estimate", "products_services", "persons", "hook", "language")
# Facts shown to the model; evidence, page lists and errors are noise to it.
FACT_KEYS = ("company_name", "legal_form", "street", "postal_code", "city", "country", "emails", "phones",
              "representatives", "persons", "register_court", "register_number", "vat_id", "industry", "employees",
              "language")
LANGUAGE_NAMES = {"de": "German", "en": "English", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch"}


def fact_persons(record: SiteRecord) -> list[FactPerson]:
    people = [FactPerson(p.name, p.role, p.email, p.phone, p.source_url) for p in record.persons if p.name]
    known = {p.name.casefold() for p in people}
    rep_url = record.evidence["representatives"].url if "representatives" in record.evidence else None
    people += [FactPerson(n, None, None, None, rep_url) for n in record.representatives if n.casefold() not in known]
    return people


def grounding_source(record: SiteRecord, text: str, links: set[str]) -> Source:
    people = fact_persons(record)
    return Source.build([text], links=links, emails=[*record.emails, *(p.email for p in people if p.email)],
                        phones=[*record.phones, *(p.phone for p in people if p.phone)],
                        names=[p.name for p in people], urls=[record.url, *record.pages], region=record.country)


def missing_fields(profile: LeadProfile) -> list[str]:
    return [f for f in PROFILE_FIELDS if getattr(profile, f) in (None, "", [])]


@dataclass
class ProfileInputs:
    """What a profile is made from: the pages' text, the extractor's facts and the people they name."""

    source: SourceText
    facts: dict[str, Any]
    people: list[FactPerson]
    drafts: list[PersonDraft]


def profile_inputs(record: SiteRecord, pages: list[SitePage], max_input_tokens: int) -> ProfileInputs:
    people = fact_persons(record)
    drafts = [PersonDraft(name=p.name, role=p.role, email=p.email, phone=p.phone, source_url=p.source_url)
              for p in people if len(p.name) >= 2]
    return ProfileInputs(build_source(pages, max_input_tokens),
                         record.model_dump(mode="json", include=set(FACT_KEYS)), people, drafts)


def offline_draft(inputs: ProfileInputs, pages: list[SitePage]) -> ProfileDraft:
    """The rules' profile (the offline provider's answer), from the same inputs a model gets."""
    return heuristic.profile(inputs.facts, inputs.drafts, inputs.source, pages)


def grounded_result(record: SiteRecord, inputs: ProfileInputs, draft: ProfileDraft, meta: AIMeta,
                    warnings: list[str], missing_from_model: list[str] | None = None) -> EnrichResult:
    """The draft checked against the pages (unsupported claims dropped) and what is still missing."""
    src = grounding_source(record, inputs.source.full_text, inputs.source.links)
    profile, report = ground_profile(draft, src, facts=inputs.facts, fact_persons=inputs.people,
                                     page_urls=record.pages)
    profile.generated_by = meta.generated_by
    missing = sorted(set(missing_fields(profile)) | set(missing_from_model or []))
    return EnrichResult(url=record.url, profile=profile, facts=record.model_dump(mode="json"), ai=meta,
                        grounding=report, missing=missing, warnings=warnings)


def _language_label(code: str | None) -> str:
    if not code:
        return "the language of the website"
    return LANGUAGE_NAMES.get(code, code)


async def enrich_record(engine: AIEngine, caller: Caller, site: SiteCrawlRead, *, language: str | None = None,
                        purpose: str = "enrich") -> EnrichResult:
    """Profile one crawled site. An empty site gives a result that says so, without a provider call."""
    record, pages = site.record, site.pages
    settings = engine.settings
    prompt = await engine.prompt("enrich_company")
    inputs = profile_inputs(record, list(pages), settings.ai_max_input_tokens)
    source, facts, drafts = inputs.source, inputs.facts, inputs.drafts
    warnings = [f"crawl: {e}" for e in record.errors]
    meta = AIMeta(provider=engine.provider.name, model=engine.model,
                  generated_by="model" if engine.is_ai else RULES, prompt_name=prompt.name,
                  prompt_version=prompt.version, input_truncated=source.truncated)
    missing_from_model: list[str] = []
    if source.empty:
        warnings.append("The site has no readable text: nothing was sent to the model; only the extractor's "
                        "facts are shown.")
        draft = ProfileDraft(summary="", industry=None, size_estimate=None, products_services=[], persons=drafts,
                             hook=None, language=None)
    else:
        values = {"source": source.blocks, "url": record.url,
                  "facts": untrusted_block("EXTRACTED_FACTS", json.dumps(facts, ensure_ascii=False, indent=1)),
                  "language": _language_label(language)}

        def offline() -> tuple[dict[str, Any], list[str]]:
            return offline_draft(inputs, list(pages)).model_dump(), []

        generated = await engine.generate(caller, purpose, prompt, values, offline)
        draft = ProfileDraft.model_validate(generated.data)
        meta = generated.meta.model_copy(update={"input_truncated": source.truncated})
        warnings += generated.warnings
        missing_from_model = generated.missing
    if source.truncated:
        warnings.append(f"The site's text was cut to about {settings.ai_max_input_tokens} tokens.")
    return grounded_result(record, inputs, draft, meta, warnings, missing_from_model)
