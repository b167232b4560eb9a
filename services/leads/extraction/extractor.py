"""Orchestration: pages -> parsed/scoped lines -> per-field candidates -> CompanyFacts."""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers

from .address import AddressCandidate, address_candidates, choose_address, country_word, four_digit_country
from .country import guess_country
from .dom import parse_page
from .emails import find_emails, normalise_email
from .facts import CompanyFacts, Evidence, PageContent, Person
from .jsonld import JsonLdOrg, parse_jsonld
from .legal import FORM_RE, choose_name, form_of, joint_name
from .namechoice import NameCandidate, voice_candidates
from .names import TITLE_TOKEN_RE, person_in, person_line
from .people import choose_representatives, name_core
from .phones import find_phones
from .profile import find_employees, find_industry, find_language, find_social
from .provider import Provider, find_provider, practice_kind
from .registry import choose_register, choose_vat
from .scope import prepare_page
from .site import Candidate, Site, make_candidate, site_label, split_site_domain
from .textutil import fold, snippet
from .thirdparty import mark_directory_pages, mark_foreign_paragraphs


def _pick_org(orgs: list[tuple[JsonLdOrg, str]]) -> tuple[JsonLdOrg, str] | None:
    def richness(item: tuple[JsonLdOrg, str]) -> int:
        o = item[0]
        return sum(bool(x) for x in (o.name, o.legal_name, o.telephones, o.emails, o.street, o.postal_code,
                                     o.employees, o.fax))

    return max(orgs, key=richness) if orgs else None


def _e164(number: str, region: str) -> str | None:
    try:
        parsed = phonenumbers.parse(re.sub(r"\(0\)", "", number), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _jsonld_country(value: str | None) -> str | None:
    if not value:
        return None
    if re.fullmatch(r"[A-Za-z]{2}", value.strip()):
        code = value.strip().upper()
        return "GB" if code == "UK" else code
    return country_word(value)


def build_site(pages: Sequence[PageContent], site_url: str) -> Site:
    parsed = []
    for i, pc in enumerate(pages):
        page = parse_page(pc.html, pc.url, pc.kind)
        page.index = i
        prepare_page(page)
        parsed.append(page)
    label, suffix = split_site_domain(site_url)
    return Site(url=site_url, domain=f"{label}.{suffix}" if suffix else "", domain_label=site_label(site_url),
                suffix=suffix, pages=parsed)


def extract_company(pages: Sequence[PageContent], *, site_url: str) -> CompanyFacts:
    """Extract the company's own facts from the pages of its website (pure, no network)."""
    return _extract(pages, site_url, with_name_candidates=False)[0]


def extract_with_name_candidates(pages: Sequence[PageContent], *,
                                 site_url: str) -> tuple[CompanyFacts, list[NameCandidate]]:
    """The facts and every company-name candidate the site's voices propose, the rules' pick marked among them
    (bench/fit_name_choice.py fits and cross-validates a scored choice on them; see namechoice.py)."""
    return _extract(pages, site_url, with_name_candidates=True)


def _extract(pages: Sequence[PageContent], site_url: str, *,
             with_name_candidates: bool) -> tuple[CompanyFacts, list[NameCandidate]]:
    site = build_site(pages, site_url)
    facts = CompanyFacts()
    ev: dict[str, Evidence] = {}
    if not site.pages:
        return facts, []

    orgs = [(org, p.url) for p in site.pages for org in parse_jsonld(p.jsonld)]
    picked = _pick_org(orgs)
    org, org_url = picked if picked else (None, "")
    org_snip = snippet(org.raw_json.strip()) if org else ""
    site.region = guess_country(site)
    if org and (c := _jsonld_country(org.country)) and c != site.region and site.suffix not in ("de", "at", "ch"):
        site.region = c

    # --- legal name and form
    jsonld_names: list[Candidate] = []
    if org:
        for value, score in ((org.legal_name, 6.0), (org.name, 4.0)):
            if value and FORM_RE.search(value):
                cand = Candidate(value=value, score=score, url=org_url, snippet=org_snip)
                m = FORM_RE.search(value)
                cand.extra["form"] = form_of(m.group("form")) if m else ""
                jsonld_names.append(cand)
    provider = find_provider(site)
    own = {provider.page.url: provider.line_indices} if provider is not None else {}
    mark_foreign_paragraphs(site, own, (provider.name or "") if provider is not None else "")
    mark_directory_pages(site)
    name_res = choose_name(site, jsonld_names, _provider_name(provider))
    if provider is not None and name_res.name and not provider.legal_entity and len(provider.persons) >= 2 and (
            fold(name_res.name.value) in {fold(p) for p in provider.persons} or practice_kind(name_res.name.value)):
        # the block prints only the owners, one a line: their joint name is the one the © line gives
        name_res.name = joint_name(site, provider.persons) or name_res.name
    if name_res.name:
        facts.company_name = name_res.name.value
        ev["company_name"] = name_res.name.evidence()
    if name_res.form:
        facts.legal_form = name_res.form.value
        ev["legal_form"] = name_res.form.evidence()

    # --- e-mails
    emails = find_emails(site)
    email_values = [c.value for c in emails]
    if org:
        for e in org.emails:
            local, _, domain = e.rpartition("@")
            norm = normalise_email(local, domain) if local else None
            if norm and norm not in email_values:
                email_values.append(norm)
                emails.append(Candidate(value=norm, score=3.0, url=org_url, snippet=org_snip))
    facts.emails = email_values
    if emails:
        ev["emails"] = emails[0].evidence()

    # --- address: the provider block's seat first
    if provider is not None and (provider.has_address or provider.city):
        facts.street, facts.postal_code, facts.city = provider.street, provider.postal_code, provider.city
        facts.country = provider.country or site.region
        if facts.postal_code is None and facts.street:
            _complete_seat(site, facts)
        line = provider.address_line or provider.name_line
        addr_ev = Evidence(url=provider.page.url, snippet=snippet(line.text) if line else "")
        for key in ("street", "postal_code", "city", "country"):
            if getattr(facts, key):
                ev[key] = addr_ev
    else:
        _fallback_address(site, facts, ev, org, org_url, org_snip)
    if facts.country == "DE" and facts.postal_code and len(facts.postal_code) == 4 and facts.city and (
            c := four_digit_country(facts.city)):
        # a four-digit postal code is no German one: the domain's guess yields to the town's country (rules round
        # 17: "6380 Sankt Johann in Tirol", "8630 Rüti ZH" were given DE)
        facts.country = c
    if facts.country is None:
        # No address printed: the country the site evidently serves from (domain, phone prefix, law cited).
        facts.country = site.region
        ev["country"] = Evidence(url=site.url, snippet=f"domain, phone prefixes and identifiers point to {site.region}")

    # --- phones / fax
    seat = (provider.page, provider.name_line.index) if provider and provider.name_line else None
    # National numbers are read in the country of the seat the site prints when that is another DACH country than
    # the one its domain and language suggest ("043 488 06 36" under a Swiss address on a github.io site, "0676 …"
    # under a Vienna address on a .com site: Swiss and Austrian numbers, not German ones; rules round 17)
    seat_region = facts.country if facts.country in ("DE", "AT", "CH") and site.region in ("DE", "AT", "CH") else None
    phones, fax = find_phones(site, seat, region=seat_region)
    phone_values = [c.value for c in phones]
    if org:
        jfax = _e164(org.fax, site.region) if org.fax else None
        if jfax and fax is None:
            fax = Candidate(value=jfax, score=3.0, url=org_url, snippet=org_snip)
        for t in org.telephones:
            num = _e164(t, site.region)
            if num and any(p.startswith(num) and 1 <= len(p) - len(num) <= 2 for p in phone_values):
                continue  # the markup drops the extension the page prints ("… 43-0"): one number, as printed
            if num and num not in phone_values and (fax is None or num != fax.value):
                phone_values.append(num)
                phones.append(Candidate(value=num, score=3.0, url=org_url, snippet=org_snip))
    facts.phones = phone_values
    if phones:
        ev["phones"] = phones[0].evidence()
    if fax:
        facts.fax = fax.value
        ev["fax"] = fax.evidence()

    _register_and_vat(site, facts, ev, org, org_url, org_snip)

    # --- people
    reps, persons = choose_representatives(site, provider, facts.company_name)
    facts.representatives = [c.value for c in reps]
    entity = provider is not None and provider.legal_entity
    owner = (_owner_in_name(facts.company_name, site, facts.emails) or _owner_by_surname(facts.company_name, site)) if (
        not reps and facts.company_name and not facts.legal_form and not entity) else None
    if owner:
        # "Anna Beispiel" is all the notice (or the © line) names: she runs the business under her own name
        reps = [Candidate(value=owner, score=2.0, url=ev["company_name"].url if "company_name" in ev
                          else site.url, snippet=ev["company_name"].snippet if "company_name" in ev else "")]
    if owner:
        facts.representatives = [owner]
        persons.insert(0, Person(name=owner, role="Inhaber", source_url=reps[0].url))
    if facts.company_name and provider is not None and not provider.legal_entity:
        facts.company_name = _owner_after_trade_name(facts.company_name, facts.representatives)
    # The rules' pick stays the name: a scored choice among all the site's voices did not beat it in the
    # leave-one-origin-out cross-validation of rules round 10 (namechoice.py); the bench still measures it.
    name_cands = voice_candidates(site, pages, facts.company_name, provider, org) if with_name_candidates else []
    if reps:
        ev["representatives"] = reps[0].evidence()
    if org:
        known = {name_core(p.name) for p in persons}
        for pname, role in org.people:
            if name_core(pname) not in known:
                persons.append(Person(name=pname, role=role, source_url=org_url))
    facts.persons = persons

    # --- profile
    if org and org.employees:
        facts.employees = org.employees
        ev["employees"] = Evidence(url=org_url, snippet=org_snip)
    else:
        emp = find_employees(site)
        if emp:
            facts.employees = emp.value
            ev["employees"] = emp.evidence()
    facts.language = find_language(site)
    if facts.language:
        home = next((p for p in site.pages if p.kind == "home"), site.pages[0])
        ev["language"] = Evidence(url=home.url, snippet=f'lang="{home.lang}"' if home.lang else "stop words")
    industry = find_industry(site)
    if industry:
        facts.industry = industry.value
        ev["industry"] = industry.evidence()
    facts.social = find_social(site, org.same_as if org else [])
    if facts.social:
        first = next(iter(facts.social.values()))
        ev["social"] = Evidence(url=site.url, snippet=first[:200])
    facts.evidence = ev
    return facts, name_cands


def _owner_in_name(name: str | None, site: Site, emails: list[str]) -> str | None:
    """The person a sole proprietor's name is: the whole name when it is a person's ("Anna Beispiel"), or a
    person-shaped name with a rare given name ("Hebamme Zora Beispiel", "Zora Mac Beispiel") when one of the
    site's mailboxes spells the surname: the owner runs the business under her own name."""
    if not name:
        return None
    if person_line(name) == name:
        return name
    person = person_line(name, strict=False)
    if person is None:
        return None
    tokens = [fold(t) for t in person.split() if not TITLE_TOKEN_RE.match(t)]
    if len(tokens) < 2:
        return None
    surname = re.sub(r"[^a-z]", "", "".join(tokens[1:]))
    given = re.sub(r"[^a-z]", "", tokens[0])
    domain = re.sub(r"[^a-z]", "", fold(site.domain_label))
    if given in domain and surname in domain:
        return None  # "Elektro Wagner" on elektro-wagner.de: the domain spells a brand of two words, no person
    mailboxes = [re.sub(r"[^a-z]", "", fold(e.split("@")[0])) for e in emails]
    if len(surname) >= 4 and any(surname in box for box in mailboxes):
        return person
    if person == name and len(surname) >= 4 and surname in domain and len(given) >= 4:
        # "Zora Beispiel" on hof-beispiel.de: the domain spells her surname beside the trade, not her given name —
        # the business runs under her family's name and she is the person the notice names (rules round 19)
        return person
    return None


_OWNER_PAGES = ("impressum", "about", "team", "home", "contact")
_CARD_SPLIT_RE = re.compile(r"\s[-\u2013—|·/]\s|,\s")


def _owner_by_surname(name: str | None, site: Site) -> str | None:
    """"Sachverständigenbüro Muster" and, on the about or team page, "Anna Muster" (a heading, a line of her own or
    the subject of the first sentence): the one person whose surname the trade name carries owns it (LABELLING.md,
    sites without an Impressum: the owner named in the running text is the representative)."""
    words_ = (name or "").split()
    if len(words_) < 2 or not words_[-1][:1].isupper():
        return None
    # "Hausarztpraxis Dr.med.C.Schwinn": titles and initials glued to the surname by dots
    surname = fold(re.split(r"[.\s]", words_[-1].strip(".,"))[-1])
    if len(surname) < 3 or not words_[-1].strip(".,").split(".")[-1][:1].isupper():
        return None
    found: dict[str, str] = {}
    for page in site.pages:
        if page.kind not in _OWNER_PAGES:
            continue
        for line in page.lines:
            if line.region == "nav" or surname not in fold(line.text):
                continue
            person = person_line(line.text) if len(line.text) <= 60 else None
            if person is None and len(line.text) <= 60:
                # a card's heading "Tierärztin - Anna Muster" / "Anna Muster | Inhaberin": the role beside the name
                person = next((p for piece in _CARD_SPLIT_RE.split(line.text) if (p := person_line(piece.strip()))
                               and fold(p.split()[-1]) == surname), None)
            if person is None and (hit := person_in(line.text[:80])) is not None and hit[1] == 0:
                person = hit[0]  # "Anna Muster ist Sachverständige …": the sentence's subject
            if person and fold(person.split()[-1]) == surname:
                found.setdefault(fold(name_core(person)), person)
    return next(iter(found.values())) if len(found) == 1 else None


def _owner_after_trade_name(name: str, representatives: list[str]) -> str:
    """"MUSTER Services Max Muster": the block prints the owner after a trade name that already carries his
    surname; the trade name is the provider's name, the owner its representative."""
    for rep in representatives:
        core = " ".join(t for t in rep.split() if not TITLE_TOKEN_RE.match(t))
        if len(core.split()) < 2 or not name.casefold().endswith(" " + core.casefold()):
            continue
        prefix = name[: len(name) - len(core)].strip(" ,;:-\u2013")
        if prefix.split()[-1:] and prefix.split()[-1].lower() in ("und", "and", "&", "+", "sowie"):
            continue  # "… Anna Muster und Ben Muster": the owners are the name's last words together
        if len(prefix.split()) >= 2 and fold(core.split()[-1]) in fold(prefix):
            return prefix
    return name


def _provider_name(provider: Provider | None) -> Candidate | None:
    if provider is None or provider.name is None or provider.name_line is None:
        return None
    cand = make_candidate(provider.name, 10.0, provider.page, provider.name_line.text)
    if provider.name_source is not None:  # the name is printed elsewhere (a club's heading over a person's address)
        cand.url, cand.snippet = provider.name_source[0], snippet(provider.name_source[1])
    m = FORM_RE.search(provider.name)
    if m:
        cand.extra["form"] = form_of(m.group("form"))
    return cand


def _fallback_address(site: Site, facts: CompanyFacts, ev: dict[str, Evidence], org: JsonLdOrg | None,
                      org_url: str, org_snip: str) -> None:
    """No address in a provider block: the strongest address on the site (grouped by postal code)."""
    cands = address_candidates(site)
    if org and org.postal_code and org.city:
        country = _jsonld_country(org.country) or site.region
        cands.append(AddressCandidate(street=org.street, postal_code=org.postal_code, city=org.city,
                                      country=country, score=5.0 + (2.0 if org.street else 0.0), url=org_url,
                                      snippet=org_snip))
    name_lines: dict[str, set[int]] = {}
    if facts.company_name:
        needle = fold(facts.company_name)
        for page in site.pages:
            name_lines[page.url] = {ln.index for ln in page.lines if needle in fold(ln.text)}
    addr = choose_address(cands, name_lines)
    if addr:
        facts.street = addr.street
        facts.postal_code = addr.postal_code
        facts.city = addr.city
        facts.country = addr.country or site.region
        addr_ev = Evidence(url=addr.url, snippet=addr.snippet)
        for key in ("street", "postal_code", "city", "country"):
            if getattr(facts, key):
                ev[key] = addr_ev
    elif org and _jsonld_country(org.country):
        facts.country = _jsonld_country(org.country)
        ev["country"] = Evidence(url=org_url, snippet=org_snip)


_FUTURE_ENTRY_RE = re.compile(r"\bin\s+Gr(?:ü|ue)ndung\b|\bnach\s+(?:der\s+)?Eintragung\b|\bbeantragt\b|"
                              r"\bin\s+Beantragung\b|\beingetragen\s+werden\b|"
                              r"\bwird\s+(?:derzeit\s+)?eingetragen\b", re.I)


def _register_and_vat(site: Site, facts: CompanyFacts, ev: dict[str, Evidence], org: JsonLdOrg | None,
                      org_url: str, org_snip: str) -> None:
    number, court = choose_register(site, facts.legal_form, facts.country)
    if number:
        facts.register_number = number.value
        ev["register_number"] = number.evidence()
    if court and not number and _FUTURE_ENTRY_RE.search(court.snippet):
        # "… wird nach Eintragung ins Vereinsregister (Amtsgericht Musterstadt) geführt": a body in formation names
        # the court of its future entry, no register it is entered in (LABELLING.md v18 ED; rules round 19)
        court = None
    if court and (number or court.score >= 2.5):
        facts.register_court = court.value
        ev["register_court"] = court.evidence()
    vat = choose_vat(site, facts.country)
    if vat:
        facts.vat_id = vat.value
        ev["vat_id"] = vat.evidence()
    elif org and org.vat_id:
        facts.vat_id = re.sub(r"\s", "", org.vat_id)
        ev["vat_id"] = Evidence(url=org_url, snippet=org_snip)


def _complete_seat(site: Site, facts: CompanyFacts) -> None:
    """The block names the seat's street without a (DACH) postal line: take postal code and town from the
    same street printed elsewhere on the site ("14 High Street / Edinburgh / EH2 1AB"), never from another
    address (a branch)."""
    key = re.sub(r"\W", "", fold(facts.street or ""))
    for cand in address_candidates(site):
        if cand.street and re.sub(r"\W", "", fold(cand.street)) == key:
            facts.postal_code, facts.city = cand.postal_code, cand.city
            facts.country = cand.country or facts.country
            return
