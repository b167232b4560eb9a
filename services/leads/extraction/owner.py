"""The owner of a sole business whom no label names (LABELLING.md: "for a sole proprietor, freelancer or practice
the owner is the representative"; sites without an Impressum: "the owner named in the running text … is the
representative").

Small businesses often say who runs them only in prose: "Ich bin Anna Muster …", "Anna Muster ist seit 2005
selbständig …", "«…», sagt Anna Muster. Sie übernahm das Café 2014 …", or an about page headed by the person and
written in the first person. Rather than another list of layouts, one reader looks at the sentences of the pages
that describe the business (the provider page, about, home, contact) and at the about page's subject, and keeps a
person only when the sentence's structure makes her its subject and a role word or verb says she runs the business.
The caller asks only for a business without a legal form and without a representative from any label, and the
reader answers only when the pages point at one person (several people in such sentences are a team, not an owner).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dom import COMPANY, ParsedPage
from .names import clean_person_name, person_in, person_line
from .people import person_key
from .site import Site
from .textutil import snippet

# "Ich bin Anna Muster", "Mein Name ist Anna Muster": the writer introduces herself; the name follows at once
_SELF_INTRO_RE = re.compile(r"\b(?:ich\s+bin|ich\s+hei(?:ß|ss)e|mein\s+name\s+ist|my\s+name\s+is|i\s+am|i'm)\s+",
                            re.I)
# Words that say the sentence's subject runs the business: self-employment, founding, taking over, owning,
# running ("führt das/den/die/ihr/sein …", not "führt Sie durch …").
_RUNS_RE = re.compile(
    r"\b(?:selbst(?:st)?(?:ä|ae)ndig\w*|freiberuflich\w*|(?:ü|ue)bernahm|(?:ü|ue)bernommen|gr(?:ü|ue)ndete|"
    r"er(?:ö|oe)ffnete|inhaber(?:in)?|gr(?:ü|ue)nder(?:in)?|"
    r"(?:f(?:ü|ue)hrt|leitet|betreibt|f(?:ü|ue)hrte|leitete|betrieb)\s+(?:das|den|die|ihr(?:e|en)?|sein(?:e|en)?|"
    r"seit)|(?:gef(?:ü|ue)hrt|gegr(?:ü|ue)ndet|geleitet|betrieben)\s+(?:von|durch)|"
    r"founded|took\s+over|runs\s+(?:the|her|his)|owner)\b",
    re.I,
)
# "Er übernahm …" / "Sie ist seit …": the sentence continues the person named in the sentence before
_PRONOUN_LEAD_RE = re.compile(r"^[«»\"„“']?\s*(?:er|sie|he|she)\s", re.I)
_FIRST_PERSON_RE = re.compile(r"\b(?:ich|mich|mir|mein(?:e[mnrs]?)?)\b", re.I)
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?»“])\s+(?=[«\"„A-ZÄÖÜ])")
_PAGES = ("impressum", "about", "team", "home", "contact")
_MIN_PROSE = 40  # shorter lines are headings, cards and labels, not sentences


@dataclass
class OwnerHit:
    name: str
    url: str
    snippet: str


# "«…», sagt Anna Muster.": a verb of saying after a quotation is followed by the speaker, a person by the
# sentence's structure even when her given name is not in the lexicon
_ATTRIBUTION_RE = re.compile(r"[»«\"“”]\s*,?\s*(?:sagt|erzählt|erz(?:ä|ae)hlt|meint|erkl(?:ä|ae)rt|lacht|says)\s+"
                             r"(\S+\s+\S+?)[.!]?$")


def _persons(sentence: str) -> list[str]:
    """Every person-shaped name in the sentence, in order (person_in starts each at a known given name)."""
    if (said := _ATTRIBUTION_RE.search(sentence)) is not None and (speaker := clean_person_name(said.group(1))):
        return [speaker]
    out: list[str] = []
    # person_in reads a word ending in a comma as the end of a list item, not of a name: set the commas apart
    rest, offset = re.sub(r"(?<=\w)([,;])", r" \1", sentence), 0
    while len(out) < 4 and (hit := person_in(rest)) is not None:
        out.append(hit[0])
        offset = hit[2]
        rest = rest[offset:]
    return out


def _prose_owners(page: ParsedPage) -> list[OwnerHit]:
    out: list[OwnerHit] = []
    for line in page.lines:
        if len(line.text) < _MIN_PROSE or line.region == "nav" or line.scope != COMPANY or 1 <= line.level <= 6:
            continue
        if not (_RUNS_RE.search(line.text) or _SELF_INTRO_RE.search(line.text)):
            continue  # cheap prefilter: most paragraphs say nothing about who runs the business
        previous: list[str] = []
        for sentence in _SENTENCE_SPLIT_RE.split(line.text):
            people = _persons(sentence)
            intro = _SELF_INTRO_RE.search(sentence)
            if intro and (hit := person_in(sentence[intro.end():])) is not None and hit[1] == 0:
                out.append(OwnerHit(hit[0], page.url, snippet(sentence)))
            elif _RUNS_RE.search(sentence):
                if len(people) == 1:
                    out.append(OwnerHit(people[0], page.url, snippet(sentence)))
                elif not people and _PRONOUN_LEAD_RE.match(sentence) and len(previous) == 1:
                    out.append(OwnerHit(previous[0], page.url, snippet(sentence)))
            previous = people
    return out


def _page_subject(page: ParsedPage) -> OwnerHit | None:
    """An about page headed by one person and written in the first person ("Anna Muster" / "Ich arbeite …") is
    that person's own page: on a sole business's site, the owner's."""
    heads = [ln for ln in page.lines if 1 <= ln.level <= 3 and ln.region == "main" and len(ln.text) <= 60]
    people = {person_key(p): (p, ln.text) for ln in heads if (p := person_line(ln.text))}
    if len(people) != 1:
        return None  # no heading names a person, or several do (a team page)
    prose = " ".join(ln.text for ln in page.lines if len(ln.text) >= _MIN_PROSE and ln.region == "main")
    if len(_FIRST_PERSON_RE.findall(prose)) < 2:
        return None
    name, text = next(iter(people.values()))
    return OwnerHit(name, page.url, snippet(text))


def sole_owner(site: Site) -> OwnerHit | None:
    """The one person the site's prose or its about page's subject makes the business's owner, or None."""
    hits: list[OwnerHit] = []
    for page in site.pages:
        if page.kind not in _PAGES:
            continue
        hits.extend(_prose_owners(page))
        if page.kind in ("about", "team") and (subject := _page_subject(page)) is not None:
            hits.append(subject)
    people = {person_key(h.name) for h in hits}
    if len(people) != 1:
        return None
    # the fullest spelling ("Dr. Anna Muster" over "Anna Muster")
    return max(hits, key=lambda h: len(h.name))
