"""The offline provider's enrichment: no model, only rules on the extractor's facts and the page text
(its writing is writer_rules and writer_edits).

Everything it makes is flagged ``generated_by = "rules (not AI)"`` and ``provider = "heuristic"``.
It is the default when no API key is configured, so the product works offline.
"""

from __future__ import annotations

import re
from typing import Any

from services.leads.schemas import SitePage

from .schemas import PersonDraft, ProfileDraft
from .sources import SourceText

_OFFER_HEADINGS = re.compile(r"^(unsere |our )?(leistungen|services|produkte|products|angebot|portfolio|"
                             r"was wir (tun|bieten)|what we do|solutions|lösungen|schwerpunkte|tätigkeitsschwerpunkte)"
                             r"\s*:?$", re.I)
_NOTABLE = re.compile(r"\b(seit|since|gegründet|founded|established|jahre|years|auszeichnung|award|zertifiziert|"
                      r"certified|erfahrung|experience|familienunternehmen|family[- ]owned|\d{2,})\b", re.I)
_BOILERPLATE = re.compile(r"cookie|datenschutz|privacy|impressum|javascript|copyright|©|alle rechte|all rights", re.I)
_NOT_OFFER = re.compile(r"@|https?:|www\.|©|impressum|datenschutz|kontakt|contact|privacy", re.I)
_DESCRIBES = re.compile(r"\b(wir|unser\w*|we|our|ist ein\w*|is an?|sind|are|bieten|offer\w*|spezialisiert|"
                       r"speciali[sz]\w*|seit|since|gegründet|founded|helfen|help\w*|entwickeln|develop\w*|"
                       r"beraten|advis\w*|betreuen|familienunternehmen|family)\b", re.I)
_NOISE = re.compile(r"€|\$|\d{1,2}\.\d{1,2}\.\d{2,4}|\bEZ\b|km\b|%|·|\bUhr\b|\u2013\s*\d")
# Not about the company's business: contact lines, job ads, legal text, opening hours, vendors.
_OFF_TOPIC = re.compile(r"@|\(at\)|\d[\d /-]{6,}\d|m/w/d|\bw/m/d\b|§|powered by|hiring|wir suchen|"
                        r"\bsuchen\b.*\b(verstärkung|mitarbeiter)|bewerb|reservierung|bookings?\b|"
                        r"\b(mo|di|sa|so)\s*[-\u2013]\s*(fr|sa|so)\b|berufsbezeichnung|handelsregister|gesellschafter|haftung|"
                        r"kammer|verantwortlich|anschrift|vertretungsberechtigt|analytics|cookie|liability|"
                        r"registered (office|in)|vat\b|ust-?id",
                        re.I)
_GERMAN = re.compile(r"\b(und|wir|der|die|das|für|mit|ist|nicht|sie)\b", re.I)


def _meta_description(pages: list[SitePage]) -> str | None:
    ordered = sorted(pages, key=lambda p: p.kind != "home")
    for page in ordered[:2]:
        if page.description and len(page.description) >= 40:
            return page.description[:500]
    return None


def sentences(text: str) -> list[str]:
    """Prose sentences of a page (menus, labels and boilerplate left out)."""
    out = []
    for line in text.split("\n"):
        if len(line) < 40 or len(line.split()) < 6 or _BOILERPLATE.search(line):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9])", line):
            sentence = sentence.strip()
            if 30 <= len(sentence) <= 320 and len(sentence.split()) >= 5 and not _OFF_TOPIC.search(sentence):
                out.append(sentence)
    return out


def _offers(texts: list[SitePage]) -> list[str]:
    found: list[str] = []
    for page in texts:
        lines = page.text.split("\n")
        for i, line in enumerate(lines):
            if not _OFFER_HEADINGS.match(line.strip()):
                continue
            for item in lines[i + 1:i + 12]:
                item = item.strip(" \u2022-\u2013\u00b7*")
                if _NOT_OFFER.search(item):
                    break
                if 3 <= len(item) <= 60 and len(item.split()) <= 7 and not item.endswith((".", ":")):
                    found.append(item)
                elif found and len(item) > 60:
                    break
    return list(dict.fromkeys(found))[:8]


def guess_language(text: str, declared: str | None = None) -> str | None:
    if declared:
        return declared[:2].lower()
    if not text:
        return None
    words = len(text.split()) or 1
    return "de" if len(_GERMAN.findall(text)) / words > 0.03 else "en"


def _hook(candidates: list[str], language: str | None) -> str | None:
    clean = [s for s in candidates if not _NOISE.search(s)] or candidates
    notable = next((s for s in clean if _NOTABLE.search(s)), clean[0] if clean else None)
    if notable is None:
        return None
    if language == "de":
        return f"Auf Ihrer Website habe ich gelesen: „{notable}“"
    return f"I read on your website: “{notable}”"


def profile(facts: dict[str, Any], persons: list[PersonDraft], source: SourceText,
            pages: list[SitePage]) -> ProfileDraft:
    """A lead profile from rules: meta description or first prose sentences, facts, offers, a hook."""
    by_kind = sorted(source.texts, key=lambda t: {"about": 0, "home": 1}.get(t.kind, 2))
    prose = [s for t in by_kind if t.kind not in ("impressum", "privacy") for s in sentences(t.text)]
    description = _meta_description(pages)
    summary_parts = [description] if description else []
    # Sentences that say what the company is or does first; lists of prices and dates last.
    ranked = sorted(prose, key=lambda s: (-len(_DESCRIBES.findall(s)), len(_NOISE.findall(s))))
    for sentence in ranked:
        if len(" ".join(summary_parts)) > 350 or len(summary_parts) >= 3:
            break
        if sentence not in summary_parts and not (summary_parts and _NOISE.search(sentence)):
            summary_parts.append(sentence)
    html_lang = next((p.language for p in pages if p.language), None)
    language = guess_language(source.full_text[:20_000], facts.get("language") or html_lang)
    return ProfileDraft(summary=" ".join(summary_parts)[:1500], industry=facts.get("industry"),
                        size_estimate=str(facts["employees"]) if facts.get("employees") else None,
                        products_services=_offers(by_kind), persons=persons, hook=_hook(ranked, language),
                        language=language)
