"""The writing benchmark's briefs and how one runs: 30 briefs (German and English, formal and informal,
with and without a contact, with titles, typed-in names) against companies of the test corpus, served on
loopback and crawled by the leads service, through the real ai API; every draft and every edit of it
checked by tests/ai/writing_checks.py. Used by bench/writing.py and tests/ai/test_writing_bench.py.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from services.leads.schemas import SitePage, salutation
from tests.ai.support import AIStack, ai_stack
from tests.ai.writing_checks import Expect, fold, run_checks
from tests.fakes.openai_server import FakeOpenAI
from tests.helpers import bearer, create_user, login
from tests.leads.sites import SiteServer, corpus_sites, mapping_resolver

GERMAN_SITES = ("brandt-aufzuege", "mueller-steuerberatung", "keller-treuhand-zuerich", "h2-seesoft-konstanz",
                "h2-haas-elektrotechnik-graz", "ho-dachdeckerei-vogt", "hoffmann-lehmann-architekten",
                "krause-logistik", "steiner-maschinenbau", "kranich-kommunikation", "baeckerei-kaiser",
                "ho-pflegedienst-lindenhof", "schreinerei-zaugg", "huber-it-wien", "physio-am-seepark")
ENGLISH_SITES = ("ho-lakeshore-robotics-chicago", "northlight-studio-london", "ho-forth-ledger-edinburgh",
                 "ho-aarlabs-basel", "quillstone-inc", "h2-harbour-kitchen-bristol", "brightline-analytics-austin",
                 "ho-green-thumb-gardens")
SENDERS: dict[str, dict[str, str]] = {
    "de": {"name": "Max Vogel", "role": "Vertriebsleiter", "company": "Sensorik Nord GmbH",
           "offer": "Wir rüsten Maschinen und Anlagen mit Sensoren nach, die Ausfälle Tage im Voraus melden.",
           "calendar_url": "https://cal.sensorik-nord.example/max-vogel",
           "signature": "Sensorik Nord GmbH · Hamburg\nTel. +49 40 2024 118"},
    "en": {"name": "Emma Clarke", "role": "Head of Partnerships", "company": "Brightwave Ltd",
           "offer": "We help field service teams replace paper job sheets with a simple mobile app.",
           "calendar_url": "https://cal.brightwave.example/emma"},
    "bare": {},  # no profile: the account's name signs, the offer is said in general words
}
ACTIONS = ("improve", "shorter", "more_personal", "fix_grammar")


@dataclass(frozen=True)
class WritingBrief:
    key: str
    instruction: str
    language: str
    register: str = "formal"
    tone: str = "friendly"
    length: str = "medium"
    contact: tuple[str, str | None] | None = None  # (name as typed, form of address)
    typed: bool = False  # the contact typed into the request, not a stored contact
    sender: str = "de"
    sites: tuple[str, ...] = ()


BRIEFS: tuple[WritingBrief, ...] = (
    # The issue's own example: an English instruction for a German Geschäftsführer with a doctorate.
    WritingBrief("issue", "introduce our predictive-maintenance sensors for CNC machines and ask for a 15-minute "
                 "call", "de", contact=("Dr. Klaus Bergmann", "herr"),
                 sites=("brandt-aufzuege", "steiner-maschinenbau")),
    WritingBrief("issue-typed", "introduce our predictive-maintenance sensors for CNC machines and ask for a "
                 "15-minute call", "de", contact=("Herr Dr. Klaus Bergmann", None), typed=True,
                 sites=("brandt-aufzuege", "krause-logistik")),
    WritingBrief("unknown-form", "Stell unsere Sensoren vor und frag nach einem kurzen Telefonat", "de",
                 contact=("Dr. Klaus Bergmann", None), sites=("steiner-maschinenbau", "h2-haas-elektrotechnik-graz")),
    WritingBrief("prof", "Bitte unsere Lösung vorstellen, förmlich", "de", tone="formal",
                 contact=("Prof. Dr. Anna Weber", "frau"),
                 sites=("hoffmann-lehmann-architekten", "kranich-kommunikation")),
    WritingBrief("particle", "introduce us, keep it short", "de", length="short",
                 contact=("Ursula von der Leyen", "frau"), sites=("krause-logistik", "h2-seesoft-konstanz")),
    WritingBrief("dentist", "Praxis ansprechen und einen Termin von 20 Minuten vorschlagen", "de",
                 contact=("Dr. med. dent. Paul Weiß", "herr"),
                 sites=("ho-pflegedienst-lindenhof", "physio-am-seepark")),
    WritingBrief("dipl", "present our retrofit service", "de", length="long",
                 contact=("Dipl.-Ing. Klaus Brandt", "herr"), sites=("brandt-aufzuege", "steiner-maschinenbau")),
    WritingBrief("informal-du", "stell unser Angebot locker vor und frag nach einem Call", "de", register="informal",
                 contact=("Nina Kranich", "frau"), sites=("kranich-kommunikation", "h2-seesoft-konstanz")),
    WritingBrief("informal-long", "Stell uns vor, gern ausführlich", "de", register="informal", length="long",
                 contact=("Jan-Ole Petersen", None), sites=("hoffmann-lehmann-architekten", "schreinerei-zaugg")),
    WritingBrief("informal-short", "quick intro, ask for 15 min", "de", register="informal", length="short",
                 contact=("Carina Blum", "frau"), sites=("h2-seesoft-konstanz", "baeckerei-kaiser")),
    WritingBrief("follow-up-de", "Nachfassen, er hat auf meine erste Mail nicht geantwortet", "de",
                 contact=("Frank Krause", "herr"), sites=("krause-logistik", "keller-treuhand-zuerich")),
    WritingBrief("follow-up-en-instr", "follow up on my last e-mail, no reply yet, ask for a call", "de",
                 contact=("Beat Keller", "herr"), sites=("keller-treuhand-zuerich", "mueller-steuerberatung")),
    WritingBrief("reply-de", "Sie hat geantwortet und Interesse gezeigt, bitte Termin vorschlagen", "de",
                 contact=("Dr. Anna Schmidt", "frau"), sites=("mueller-steuerberatung", "ho-pflegedienst-lindenhof")),
    WritingBrief("reply-informal", "er hat positiv geantwortet, bedank dich und schlag ein Gespräch vor", "de",
                 register="informal", contact=("Stefan Vogt", "herr"),
                 sites=("ho-dachdeckerei-vogt", "huber-it-wien")),
    WritingBrief("call-direct", "ask for a 30 minute meeting", "de", tone="direct",
                 contact=("Mag. Stefan Huber", "herr"), sites=("huber-it-wien", "h2-haas-elektrotechnik-graz")),
    WritingBrief("no-contact-de", "Unternehmen vorstellen", "de", sites=("baeckerei-kaiser", "schreinerei-zaugg")),
    WritingBrief("no-contact-call", "um ein kurzes Telefonat bitten", "de", length="short",
                 sites=("ho-dachdeckerei-vogt", "physio-am-seepark")),
    WritingBrief("no-contact-informal", "kurz vorstellen", "de", register="informal",
                 sites=("kranich-kommunikation", "schreinerei-zaugg")),
    WritingBrief("bare-sender", "introduce our company and ask for a call", "de", sender="bare",
                 contact=("Katrin Hoffmann", "frau"), sites=("hoffmann-lehmann-architekten", "krause-logistik")),
    WritingBrief("en-dr", "introduce our app and ask for a 15-minute call", "en", sender="en",
                 contact=("Dr. Amir Haddad", None), sites=("ho-lakeshore-robotics-chicago", "ho-aarlabs-basel")),
    WritingBrief("en-ms", "introduce Brightwave", "en", sender="en", tone="formal",
                 contact=("Fiona MacLeod", "frau"), sites=("ho-forth-ledger-edinburgh", "northlight-studio-london")),
    WritingBrief("en-mr-typed", "introduce our app, ask for a call", "en", sender="en",
                 contact=("Mr John Carter", None), typed=True,
                 sites=("ho-green-thumb-gardens", "h2-harbour-kitchen-bristol")),
    WritingBrief("en-informal", "casual intro and ask for a quick chat", "en", sender="en", register="informal",
                 contact=("Amelia Hart", "frau"), sites=("northlight-studio-london", "quillstone-inc")),
    WritingBrief("en-follow-up", "follow up, she did not answer my first message", "en", sender="en",
                 contact=("Sarah Lindqvist", "frau"), sites=("quillstone-inc", "brightline-analytics-austin")),
    WritingBrief("en-reply", "he replied and is interested, propose a call", "en", sender="en", length="short",
                 contact=("Marcus Delgado", "herr"), sites=("brightline-analytics-austin", "ho-aarlabs-basel")),
    WritingBrief("en-long", "introduce us in detail", "en", sender="en", length="long",
                 contact=("Dr. Anna Bianchi", "frau"), sites=("ho-aarlabs-basel", "ho-forth-ledger-edinburgh")),
    WritingBrief("en-no-contact", "introduce our app", "en", sender="en",
                 sites=("h2-harbour-kitchen-bristol", "ho-green-thumb-gardens")),
    WritingBrief("en-to-german-company", "introduce our sensors and ask for a call", "en", sender="en",
                 contact=("Dr. Jonas Reiter", "herr"), sites=("h2-seesoft-konstanz", "steiner-maschinenbau")),
    WritingBrief("en-unknown-form", "ask for a 20-minute call", "en", sender="en", length="short",
                 contact=("Jordan Ellis", None), sites=("ho-lakeshore-robotics-chicago", "quillstone-inc")),
    WritingBrief("en-informal-follow", "bump my last message", "en", sender="en", register="informal",
                 contact=("Oliver Brennan", "herr"), sites=("northlight-studio-london", "ho-green-thumb-gardens")),
)


@dataclass
class World:
    stack: AIStack
    companies: dict[str, int]  # slug -> company id
    names: dict[str, str]  # slug -> company name
    pages: dict[str, list[SitePage]]
    tokens: dict[str, dict[str, str]]  # sender key -> auth header
    sender_names: dict[str, str]


@dataclass
class Checked:
    brief: str
    site: str
    kind: str  # write | improve | shorter | more_personal | fix_grammar
    body: str
    failures: dict[str, str] = field(default_factory=dict)
    generated_by: str = ""
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


@contextlib.contextmanager
def corpus_server(slugs: set[str]) -> Iterator[tuple[SiteServer, dict[str, str]]]:
    sites = {s.slug: s for s in corpus_sites()}
    hosts = {f"{slug}.de": slug for slug in slugs}
    with SiteServer(vhosts={host: sites[slug].root for host, slug in hosts.items()}) as server:
        yield server, hosts


@contextlib.asynccontextmanager
async def writing_world(database_url: str, tmp_path: Path, briefs: tuple[WritingBrief, ...],
                        fake: FakeOpenAI | None = None) -> AsyncIterator[World]:
    """Users, leads and ai in-process; the briefs' companies crawled; senders with their profiles."""
    slugs = {slug for b in briefs for slug in b.sites}
    with corpus_server(slugs) as (server, hosts):
        async with ai_stack(database_url, tmp_path, fake, allow_addresses=[server.address]) as stack:
            stack.leads_app.state.runtime.deps.resolver = mapping_resolver({h: "127.0.0.1" for h in hosts})
            world = World(stack, {}, {}, {}, {}, {})
            for host, slug in sorted(hosts.items()):
                made = await stack.leads.post("/leads/companies", headers=stack.sales,
                                              json={"name": host, "website": server.url("/", host=host)})
                assert made.status_code == 201, made.text
                company_id = made.json()["id"]
                crawl = await stack.ai.post(f"/ai/enrich/company/{company_id}", headers=stack.admin, json={})
                assert crawl.status_code == 200, crawl.text
                site = (await stack.leads.get(f"/leads/companies/{company_id}/site", headers=stack.sales)).json()
                world.companies[slug] = company_id
                world.names[slug] = site["record"].get("company_name") or host
                world.pages[slug] = [SitePage.model_validate(p) for p in site["pages"]]
            admin = stack.admin["authorization"].removeprefix("Bearer ")
            for key, profile in SENDERS.items():
                email = f"writer-{key}@example.com"
                await create_user(stack.users, admin, email, "sales")
                token = bearer(await login(stack.users, email, "user password 123"))
                if profile:
                    saved = await stack.users.put("/auth/me/sender-profile", headers=token, json=profile)
                    assert saved.status_code == 200, saved.text
                world.tokens[key] = token
                world.sender_names[key] = profile.get("name") or email.split("@", maxsplit=1)[0]
            yield world


async def _contact(world: World, brief: WritingBrief, slug: str) -> tuple[dict[str, Any], str | None, str | None]:
    """(request fields naming the recipient, the name the greeting uses, its form of address)."""
    company_id = world.companies[slug]
    if brief.contact is None:
        return {"company_id": company_id}, None, None
    name, form = brief.contact
    if brief.typed:
        return {"company_id": company_id, "contact": {"name": name}}, name, form
    body: dict[str, Any] = {"name": name, "company_id": company_id, **({"form_of_address": form} if form else {})}
    made = await world.stack.leads.post("/leads/contacts", headers=world.stack.sales, json=body)
    assert made.status_code == 201, made.text
    contact = made.json()
    return {"contact_id": contact["id"]}, contact["name"], contact["form_of_address"]


def _own_words(world: World, brief: WritingBrief, slug: str) -> set[str]:
    texts = [world.names[slug], world.sender_names[brief.sender], SENDERS[brief.sender].get("company", ""),
             brief.contact[0] if brief.contact else ""]
    return {w for t in texts for w in fold(t).replace("-", " ").split()}


async def run_brief(world: World, brief: WritingBrief, slug: str) -> list[Checked]:
    """Write, then every edit of the draft; each checked."""
    ai, token = world.stack.ai, world.tokens[brief.sender]
    recipient, name, form = await _contact(world, brief, slug)
    expect = Expect(salutation=salutation(name, form, brief.language, brief.register), language=brief.language,
                    register=brief.register, instruction=brief.instruction,
                    sender_name=world.sender_names[brief.sender], pages=world.pages[slug], length=brief.length,
                    own_words=_own_words(world, brief, slug))
    started = time.perf_counter()
    resp = await ai.post("/ai/write/email", headers=token, json={
        "instruction": brief.instruction, "language": brief.language, "register": brief.register,
        "tone": brief.tone, "length": brief.length, **recipient})
    assert resp.status_code == 200, resp.text
    draft = resp.json()
    out = [Checked(brief.key, slug, "write", draft["body"], generated_by=draft["ai"]["generated_by"],
                   seconds=time.perf_counter() - started)]
    target = {k: v for k, v in recipient.items() if k in ("contact_id", "company_id")}
    for action in ACTIONS:
        started = time.perf_counter()
        edited = await ai.post("/ai/write/improve", headers=token, json={
            "subject": draft["subject"], "body": draft["body"], "action": action, "language": brief.language,
            "register": brief.register, **target})
        assert edited.status_code == 200, edited.text
        out.append(Checked(brief.key, slug, action, edited.json()["body"], warnings=edited.json()["warnings"],
                           generated_by=edited.json()["ai"]["generated_by"], seconds=time.perf_counter() - started))
    for item in out:
        explained = any(w.startswith("No personal line added") for w in item.warnings)
        e = expect if item.kind == "write" else replace(expect, kind=item.kind, before=draft["body"],
                                                           explained=explained)
        item.failures = {k: v for k, v in run_checks(item.body, e).items() if v}
    return out
