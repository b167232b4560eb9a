"""Grounding: a model may only state contact data the source contains, and the extractor's facts win.

An e-mail, phone number or person's name that does not occur in the website text (or in the facts
the rule-based extractor found there) is dropped and counted. Links and e-mail addresses inside
generated prose (summary, hook, e-mail bodies) survive only when the source or the CRM record had
them: a page cannot smuggle an attacker's address into an e-mail through the model.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import phonenumbers

from .schemas import GroundingReport, LeadProfile, PersonRead, ProfileDraft

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}(?![\w-])", re.I)
URL_RE = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'`)\]}]+", re.I)
MARKDOWN_LINK_RE = re.compile(r"\[([^\]\n]{0,200})\]\(([^)\s]{1,500})\)")
_PHONE_RUN_RE = re.compile(r"\+?\(?\d[\d\s()./\u2013-]{4,}\d")
_TITLES = re.compile(
    r"\b(herr|frau|hr|fr|mr|mrs|ms|miss|dr|prof|professor|dipl|ing|mag|med|rer|nat|phil|jur|ll|mba|msc|bsc|"
    r"ba|ma|mba|ceo|cto|cfo|ma)\b\.?", re.I)
_HEADCOUNT_RE = re.compile(
    r"\d[\d.,]*\s*\+?\s*(?:mitarbeiter|mitarbeitende|beschaeftigte|angestellte|kolleg|fachkraefte|employees|"
    r"staff|people|team members|colleagues|experts|spezialisten)|(?:team|belegschaft|staff|workforce) of \d")
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def normalise_email(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().lower().removeprefix("mailto:").split("?")[0].strip("<>.,;: ")
    return value if EMAIL_RE.fullmatch(value) else None


def normalise_phone(value: str | None, region: str | None = "DE") -> str | None:
    """E.164, or None when it is not a possible number."""
    if not value:
        return None
    try:
        number = phonenumbers.parse(value.removeprefix("tel:"), (region or "DE").upper())
    except phonenumbers.NumberParseException:
        return None
    if len(str(number.national_number)) < 5 or not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().translate(_TRANSLIT)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text


def name_tokens(name: str) -> list[str]:
    """A person's name as comparable words: no honorifics or titles, case and accents folded."""
    folded = _TITLES.sub(" ", _fold(name))
    return [t for t in re.split(r"[^\w]+", folded) if len(t) >= 2 and not t.isdigit()]


def normalise_name(name: str) -> str:
    return " ".join(name_tokens(name))


# Lower-case words a name may hold ("Ursula von der Leyen", "Vincent van Gogh", "Gian Luca di Marco").
_PARTICLES = frozenset({"von", "van", "vom", "de", "der", "den", "des", "zu", "zur", "zum", "di", "da", "la", "le",
                        "del", "della", "ten", "ter", "al", "el", "bin", "dos", "das", "du", "y", "af", "av"})
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'\u2019.-]*(?:['\u2019-][^\W\d_]+)*\.?$")  # O'Brien, O\u2019Neil


def looks_like_name(name: str) -> bool:
    """Two to five words, each capitalised (or a particle), no digits, no sentence punctuation."""
    text = _TITLES.sub(" ", name).strip(" ,")
    if not text or re.search(r"[!?:;()\[\]{}@/\\\d]", text) or text.endswith("."):
        return False
    words = [w for w in re.split(r"[\s,]+", text) if w]
    if not 2 <= len(words) <= 5 or sum(w.lower() not in _PARTICLES for w in words) < 2:
        return False
    for word in words:
        if word.lower() in _PARTICLES:
            continue
        if not _NAME_WORD.match(word) or not word[0].isupper() or len(word) > 30:
            return False
    return True


def _words_together(tokens: list[str]) -> re.Pattern[str]:
    """The name's words next to each other (titles, initials or a comma between them), in either the
    "First Last" or the "Last, First" order."""
    gap = r"(?:[\W_]+(?:[a-z]{1,4}\.?[\W_]+){0,3})"
    forward = gap.join(re.escape(t) for t in tokens)
    backward = gap.join(re.escape(t) for t in reversed(tokens))
    return re.compile(rf"(?<!\w)(?:{forward}|{backward})(?!\w)")


def _url_key(url: str) -> str:
    url = url.strip().rstrip(".,;:!?").lower()
    url = re.sub(r"^(?:https?|ftp)://", "", url).removeprefix("www.")
    return url.rstrip("/")


def _host(url: str) -> str:
    raw = url if "://" in url else "http://" + url
    try:
        host = (urlsplit(raw).hostname or "").lower()
    except ValueError:
        return ""
    return host.removeprefix("www.")


@dataclass
class Source:
    """Everything a grounded value may come from, normalised once."""

    emails: set[str] = field(default_factory=set)
    phone_digits: list[str] = field(default_factory=list)  # digit runs of the text
    phones: set[str] = field(default_factory=set)  # E.164 from facts and tel: links
    words: set[str] = field(default_factory=set)
    url_keys: set[str] = field(default_factory=set)
    hosts: set[str] = field(default_factory=set)
    folded_text: str = ""
    region: str = "DE"
    # Prose about a company links only to the company's own site: other hosts are stripped even
    # when the page shows them (a visible injection could name an attacker's site).
    own_hosts: set[str] | None = None
    known_names: set[str] = field(default_factory=set)  # normalised names of people the extractor found

    @classmethod
    def build(cls, texts: Iterable[str], *, links: Iterable[str] = (), emails: Iterable[str] = (),
              phones: Iterable[str] = (), names: Iterable[str] = (), urls: Iterable[str] = (),
              region: str | None = None) -> Source:
        src = cls(region=(region or "DE").upper())
        folded = []
        for text in texts:
            if not text:
                continue
            folded.append(_fold(text))
            src.emails.update(e.lower() for e in EMAIL_RE.findall(text))
            src.phone_digits.extend(re.sub(r"\D", "", m) for m in _PHONE_RUN_RE.findall(text))
            for url in URL_RE.findall(text):
                src.url_keys.add(_url_key(url))
                src.hosts.add(_host(url))
        src.folded_text = "\n".join(folded)
        src.words = set(re.split(r"[^\w]+", src.folded_text))
        for link in links:
            if link.lower().startswith("mailto:"):
                if (email := normalise_email(link)) is not None:
                    src.emails.add(email)
            elif link.lower().startswith("tel:"):
                if (phone := normalise_phone(link, src.region)) is not None:
                    src.phones.add(phone)
            elif link.startswith(("http://", "https://", "www.")):
                src.url_keys.add(_url_key(link))
        src.emails.update(e for e in (normalise_email(x) for x in emails) if e)
        src.phones.update(p for p in (normalise_phone(x, src.region) for x in phones) if p)
        for name in names:
            src.words.update(name_tokens(name))
            src.known_names.add(" ".join(name_tokens(name)))
        for url in urls:
            src.url_keys.add(_url_key(url))
            src.hosts.add(_host(url))
        src.hosts.discard("")
        return src

    def has_email(self, email: str | None) -> bool:
        norm = normalise_email(email)
        return norm is not None and norm in self.emails

    def has_phone(self, phone: str | None) -> bool:
        norm = normalise_phone(phone, self.region)
        if norm is None:
            return False
        if norm in self.phones:
            return True
        national = str(phonenumbers.parse(norm).national_number)
        return any(national in run for run in self.phone_digits)

    def has_name(self, name: str | None) -> bool:
        """A person's name the source states: name-shaped, and its words side by side in the text (or the
        name of a person the extractor found). Words scattered over the site are not a name."""
        tokens = name_tokens(name or "")
        if not tokens or not looks_like_name(name or ""):
            return False
        if " ".join(tokens) in self.known_names:
            return True
        return bool(_words_together(tokens).search(self.folded_text))

    def states_headcount(self) -> bool:
        """Whether the text says how many people work there (a size estimate needs that much)."""
        return bool(_HEADCOUNT_RE.search(self.folded_text))

    def has_url(self, url: str) -> bool:
        if self.own_hosts is not None:
            return _on_hosts(_host(url), self.own_hosts)
        key = _url_key(url)
        return key in self.url_keys or key in self.folded_text or _host(url) in self.hosts

    def allows_email_in_prose(self, email: str) -> bool:
        if not self.has_email(email):
            return False
        return self.own_hosts is None or _on_hosts(email.rsplit("@", 1)[-1].lower(), self.own_hosts)

    def for_prose(self, site_urls: Iterable[str]) -> Source:
        """This source, restricted to links and addresses on the company's own site."""
        hosts = {_host(u) for u in site_urls} - {""}
        return Source(self.emails, self.phone_digits, self.phones, self.words, self.url_keys, self.hosts,
                      self.folded_text, self.region, hosts)


def _on_hosts(host: str, hosts: set[str]) -> bool:
    host = host.removeprefix("www.")
    return bool(host) and any(host == h or host.endswith("." + h) for h in hosts)


def strip_unsourced(text: str | None, source: Source) -> tuple[str | None, list[str]]:
    """Remove links and e-mail addresses the source does not contain; returns the text and what went."""
    if not text:
        return text, []
    removed: list[str] = []

    def markdown(m: re.Match[str]) -> str:
        if source.has_url(m.group(2)):
            return m.group(0)
        removed.append(m.group(2))
        return m.group(1)

    def url(m: re.Match[str]) -> str:
        link = m.group(0).rstrip(".,;:!?")
        tail = m.group(0)[len(link):]  # sentence punctuation after a link is not part of it
        if source.has_url(link):
            return m.group(0)
        removed.append(link)
        return tail

    def email(m: re.Match[str]) -> str:
        if source.allows_email_in_prose(m.group(0)):
            return m.group(0)
        removed.append(m.group(0))
        return ""

    out = MARKDOWN_LINK_RE.sub(markdown, text)
    out = URL_RE.sub(url, out)
    out = EMAIL_RE.sub(email, out)
    if removed:
        out = re.sub(r"[ \t]{2,}", " ", out)
        out = re.sub(r"[ \t]+([.,;:!?])", r"\1", out)
        out = re.sub(r"\(\s*\)", "", out).strip()
    return out, removed


@dataclass
class FactPerson:
    name: str
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    source_url: str | None = None


def _merge_person(draft: PersonRead, fact: FactPerson, report: GroundingReport) -> None:
    for attr in ("role", "email", "phone", "source_url"):
        known = getattr(fact, attr)
        if known and getattr(draft, attr) != known:
            if getattr(draft, attr):
                report.extractor_wins.append(f"persons[{draft.name}].{attr}")
            setattr(draft, attr, known)


def ground_profile(draft: ProfileDraft, source: Source, *, facts: dict[str, object], fact_persons: list[FactPerson],
                   page_urls: Iterable[str]) -> tuple[LeadProfile, GroundingReport]:
    """The draft minus what the source lacks, with the extractor's facts taking precedence."""
    report = GroundingReport()
    pages = set(page_urls)
    by_name = {normalise_name(p.name): p for p in fact_persons}
    persons: list[PersonRead] = []
    seen: set[str] = set()
    for p in draft.persons:
        key = normalise_name(p.name)
        if not key or key in seen:
            continue
        if key not in by_name and not source.has_name(p.name):
            report.dropped_persons += 1
            report.dropped.append(f"person {p.name!r}: name not in the source")
            continue
        person = PersonRead(name=p.name.strip(), role=(p.role or "").strip() or None, source="ai",
                            source_url=p.source_url if p.source_url in pages else None)
        if p.email:
            if source.has_email(p.email):
                person.email = normalise_email(p.email)
            else:
                report.dropped_emails += 1
                report.dropped.append(f"e-mail {p.email!r}: not in the source")
        if p.phone:
            if source.has_phone(p.phone):
                person.phone = normalise_phone(p.phone, source.region)
            else:
                report.dropped_phones += 1
                report.dropped.append(f"phone {p.phone!r}: not in the source")
        if key in by_name:
            _merge_person(person, by_name[key], report)
            person.source = "crawl"
        seen.add(key)
        persons.append(person)
    for key, fact in by_name.items():  # people the extractor found and the model left out
        if key not in seen:
            seen.add(key)
            persons.append(PersonRead(name=fact.name, role=fact.role, email=fact.email, phone=fact.phone,
                                      source_url=fact.source_url, source="crawl"))
    prose = source.for_prose(pages)
    summary, gone_summary = strip_unsourced(draft.summary, prose)
    hook, gone_hook = strip_unsourced(draft.hook, prose)
    products = []
    gone_products: list[str] = []
    for item in draft.products_services:
        kept, gone = strip_unsourced(item, prose)
        gone_products += gone
        if kept:
            products.append(kept)
    stripped = gone_summary + gone_hook + gone_products
    report.stripped_links = len(stripped)
    report.dropped += [f"link {s!r}: not in the source" for s in stripped]
    profile = LeadProfile(summary=summary or None, industry=draft.industry, size_estimate=draft.size_estimate,
                          products_services=products, persons=persons, hook=hook or None,
                          language=(draft.language or "").lower()[:8] or None)
    if profile.size_estimate and not facts.get("employees") and not source.states_headcount():
        report.dropped.append(f"size estimate {profile.size_estimate!r}: the source states no headcount")
        profile.size_estimate = None
    for field_name, fact_name in (("industry", "industry"), ("size_estimate", "employees"), ("language", "language")):
        known = facts.get(fact_name)
        if known and str(known) != getattr(profile, field_name):
            if getattr(profile, field_name):
                report.extractor_wins.append(field_name)
            setattr(profile, field_name, str(known))
    return profile, report
