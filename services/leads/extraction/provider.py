"""The provider block: the lines of a legal notice that name the site's provider and its seat.

German, Austrian and Swiss law makes every site name its provider (Diensteanbieter, Medieninhaber): the
block after "Angaben gemäß § 5 DDG", "Anbieter", "Betreiber", "Medieninhaber", "Verantwortlich", "Provider"
(or, without such a heading, the top of the Impressum) holds the provider's name, the seat's address and the
contact lines, in that order. Everything else on the page (chambers, insurers, agencies, privacy vendors)
comes later under its own heading. So the block is read as a small grammar:

    anchor  →  name line(s)  →  address (street, postal code + town, country)  →  contact lines

A line that runs several of these together ("Papierladen Muster Inhaber: Eva Muster Lindenweg 3 01234 Musterstadt")
is first cut
into items at inline labels and at the address. The name lines are then interpreted (trade name vs. owner,
legal entity behind a brand, a person with a profession, a person and a description of the business).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .address import country_of, postal_of, segments, split_inline_address, street_of
from .dom import LABEL_LEVEL, THIRD_PARTY, Line, ParsedPage
from .legal import FORM_RE, SOLE_FORMS, form_of
from .names import fold_name, is_given_name, person_in, person_line
from .site import Site
from .textutil import alnum_tokens

# ---------------------------------------------------------------------------------------------- anchors
_STRONG_ANCHOR_RE = re.compile(
    r"""(?:^|[^\w])(?:
        angaben\s+(?:gem(?:ä|ae)(?:ß|ss)|gem\.|nach|laut|zu[mr]?\b|i\.\s?s\.\s?d\.|im\s+sinne)
      | informationspflicht | offenlegung\b | anbieterkennzeichnung | pflichtangaben
      | (?:dienste?-?|service-?|seiten-?|website-?)?anbieter(?:in)?\b | (?:seiten-?|website-?)?betreiber(?:in)?\b
      | medieninhaber(?:in)? | herausgeber(?:in)?\b | autor(?:in)?\s+dies
      | verantwortliche[rs]?\b(?!\s+(?:f(?:ü|ue)r|i\.?\s?s\.?|im|gem|nach|gemäß))
      | angaben\s+zum\s+verantwortlichen
      | information\s+(?:according|pursuant|under|conforming|in\s+accordance|required|as\s+per)
      | (?:service\s+)?provider\b | publisher\b | (?:media|site|website)\s+owner | owner\s+and\s+publisher
      | legal\s+(?:notice|disclosure)
    )""",
    re.I | re.X,
)
_WEAK_ANCHOR_RE = re.compile(
    r"^\W*(?:impressum|imprint|kontakt|contact|anschrift|adresse|address|herausgeber|rechtliche[rs]?\s+hinweis|"
    r"site\s+notice|legal)\b",
    re.I,
)
# "Verantwortlich für den Inhalt (§ 18 MStV)": names the person responsible for content, who is the
# provider only for small sites; used when nothing better is found.
_CONTENT_ANCHOR_RE = re.compile(r"verantwortlich|responsible\s+for|inhaltlich", re.I)
_MAX_ANCHOR_LEN = 110

# ---------------------------------------------------------------------------------------------- labels
_LABEL_RE = re.compile(r"^\s*([^:]{1,45}?)\s*:+\s*(.*)$")
_INLINE_LABEL_RE = re.compile(
    r"\s(?=(?:inhaber(?:in)?|inh\.|owner|proprietor|gesch(?:ä|ae)ftsf(?:ü|ue)hrer(?:in)?|managing\s+directors?|"
    r"vertreten\s+durch|tel(?:efon|ephone)?\.?|telefax|fax|mobil(?:e|funk)?|handy|phone|e-?\s?mail|mail|web(?:site)?|"
    r"url|internet|homepage|ust[\w.-]*|uid[\w.-]*|vat[\w ]{0,12}|steuer[\w.-]*)\s*:)",
    re.I,
)
# "Schreinerei Muster, Inhaber Max Muster": the owner label without its colon.
_OWNER_AFTER_COMMA_RE = re.compile(r"(?<=,\s)(inhaber(?:in)?|inh\.|owner|proprietor)(?=\s+[A-ZÄÖÜ])", re.I)
_OWNER_LABEL_RE = re.compile(r"^(?:(?:praxis|geschäfts|geschaefts)?inhaber(?:in)?|inh\.?|owner|proprietor|"
                             r"inhaber(?:in)?\s*/\s*\w+)$", re.I)
_NAME_LABEL_RE = re.compile(
    r"^(?:firma|firmenname|firmierung|name|unternehmen|unternehmensname|company(?:\s+name)?|legal\s+name|"
    r"registered\s+name|praxis|kanzlei|betrieb|business\s+name|trading\s+name|"
    r"(?:dienste?|service)?anbieter(?:in)?|betreiber(?:in)?|herausgeber(?:in)?|medieninhaber(?:in)?|provider|"
    r"publisher|media\s+owner(?:\s+and\s+publisher)?|owner\s+and\s+publisher|(?:site|website)\s+owner|operator)$",
    re.I,
)
_SEAT_LABEL_RE = re.compile(r"^(?:anschrift|adresse|address|sitz|firmensitz|hauptsitz|gesch(?:ä|ae)ftssitz|"
                            r"hauptbüro|hauptbuero|registered\s+office|head\s+office|office|büro|buero|headquarters|"
                            r"hq|principal\s+office|(?:mailing|postal|business)\s+address|"
                            r"postanschrift|studio\b.*|praxis\b.*|standort\b.*)$", re.I)
_BRANCH_RE = re.compile(r"zweig|filiale|niederlassung|postadresse|postfach|branch|lager|werkstatt\s*:|"
                        r"zweites|second\s+office|weitere[rs]?\s+standort|außenstelle|aussenstelle", re.I)
_CONTACT_LABEL_RE = re.compile(
    r"^(?:kontakt\w*|contact|erreichbarkeit|tel(?:efon|ephone)?\.?|fon|telefax|fax|mobil(?:e|funk)?|handy|natel|"
    r"phone|e-?\s?mail|mail|web(?:site|seite)?|url|internet|homepage|whatsapp|\W*(?:tel|fax)\b.*|.*(?:telefon|tel\.|"
    r"phone|e-mail|fax)\b.*)$",
    re.I,
)
_CONTACT_TEXT_RE = re.compile(r"@|\bwww\.|https?://|(?:\+|\b0)\d[\d\s/().-]{5,}\d|\(at\)|\[at\]", re.I)
_COUNTRY_ONLY_RE = re.compile(r"^(?:deutschland|germany|österreich|oesterreich|austria|schweiz|switzerland|suisse|"
                              r"svizzera|liechtenstein|de|at|ch)$", re.I)
_BRAND_RE = re.compile(r"\b(?:ist\s+eine?\s+(?:marke|angebot|projekt|produkt|dienst)|is\s+a\s+(?:brand|trademark|"
                       r"product|service)\s+of|ein\s+(?:angebot|projekt|produkt)\s+(?:der|des|von))\b", re.I)
# A provider label printed without its colon before the name: "Anbieter Muster GmbH", "Media owner and publisher
# Muster GmbH", "Inhaberin Anna Muster".
_GLUED_LABEL_RE = re.compile(
    r"^\W*(?i:(?:dienste?|service)?anbieter(?:in)?|betreiber(?:in)?|medieninhaber(?:in)?(?:\s+und\s+herausgeber(?:in)?)?|"
    r"herausgeber(?:in)?|firma|provider|publisher|(?:media\s+)?owner(?:\s+and\s+publisher)?|"
    r"site\s+operator|operator)\s+(?=[A-ZÄÖÜ0-9\"„»])"
)
# Farms and estates are addressed by their name, without street or house number.
_ESTATE_RE = re.compile(
    r"^(?:Gut|Hofgut|Rittergut|Landgut|Weingut|Hof|Gehöft|Schloss|Burg|Mühle|Alm|Weiler|Siedlung|Kloster|Domäne|"
    r"Vorwerk|Forsthaus|Ortsteil|OT)\s+\S|^[A-ZÄÖÜ][a-zäöüß]+(?:hof|mühle|muehle|gut|hütte|alm|weiler)$"
)
_CONTACT_WORD_RE = re.compile(r"kontakt|contact|erreichbar", re.I)
# Site sections and legal headings are never a provider's name ("Startseite", "Rechtliche Informationen").
_SECTION_RE = re.compile(
    r"^\W*(?:impressum|imprint|kontakt\w*|contact|anschrift|adresse|address|umsatzsteuer|ust\b|uid\b|vat\b|"
    r"steuer|register|handelsregister|firmenbuch|vertret|gesch(?:ä|ae)ftsf|haftung|datenschutz|urheberrecht|"
    r"rechtlich|berufsrechtlich|legal\b|startseite|home\b|men(?:ü|u)\b|navigation|(?:ö|oe)ffnungszeiten|"
    r"opening|anfahrt|so\s+finden|(?:ü|ue)ber\s+(?:uns|mich)|about\b|team\b|leistungen|angebot|philosophie|"
    r"services?\b|aktuelles|news\b|blog\b|galerie|gallery|projekte|referenzen|zum\s+inhalt|zur(?:ü|ue)ck|"
    r"skip\s+to|direkt\s+zum|bankverbindung|tätigkeit|unternehmensgegenstand|headquarters|sales\b|support\b|"
    r"(?:mailing|postal)\s+address|office\b|geschäftsstelle|sekretariat)",
    re.I,
)
_PRONOUN_RE = re.compile(r"\b(?:sie|uns|wir|ihr|ihre[nmrs]?|unser[e]?[nmrs]?|du|dich|euch|ich|mich|mein[e]?|"
                         r"we|us|our|you|your)\b", re.I)
_SENTENCE_VERB_RE = re.compile(r"\b(?:ist|sind|wird|werden|wurde|hat|haben|steht|bietet|is|are|was|has)\b", re.I)
_DESCRIPTION_JOIN_RE = re.compile(r"\s(?:und|&|\+|and|/)\s|,\s")
_TRAILING_JUNK = " \t,;:|·•-\u2013—"
_ITEM_JUNK = " \t,;|·•-\u2013—"
_ARROWS = " \u2190\u2192\u2191\u203a\u00bb\u00ab\u2039"


@dataclass
class Item:
    text: str
    line: Line
    label: str = ""


@dataclass
class Provider:
    """What the provider block says; any part may be missing."""

    page: ParsedPage
    anchored: bool
    name: str | None = None
    name_line: Line | None = None
    legal_entity: bool = False  # the name carries the legal form of a company or association
    person: str | None = None  # the person a sole proprietorship is run by, as the block prints it
    owners: list[str] = field(default_factory=list)  # "Inhaber: …" inside the block
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None
    address_line: Line | None = None
    line_indices: set[int] = field(default_factory=set)

    @property
    def has_address(self) -> bool:
        return bool(self.street or self.postal_code)


# ---------------------------------------------------------------------------------------------- helpers
def _is_nav(line: Line) -> bool:
    """A line that is nothing but a link to somewhere on the site ("Zum Inhalt springen", "← Startseite")."""
    text = line.text.strip(_ARROWS)
    for link in line.links:
        href = link.href.lower()
        if href.startswith(("mailto:", "tel:")):
            continue
        if link.text.strip(_ARROWS) == text:
            return True
    return line.text[:1] in _ARROWS[1:] or line.region == "nav"


def anchor_strength(line: Line) -> int:
    """3 = strong provider anchor, 2 = weak (Impressum/Kontakt heading), 1 = content-responsible, 0 = none."""
    text = line.text.strip()
    if not text or len(text) > _MAX_ANCHOR_LEN or line.scope == THIRD_PARTY or line.region == "nav":
        return 0
    words_ = text.split()
    heading = 1 <= line.level <= LABEL_LEVEL or text.endswith(":")
    if text.endswith(".") and len(words_) >= 5 and not heading:
        return 0  # a sentence ("Verantwortlich für den Betrieb dieser Website ist X.")
    label = _LABEL_RE.match(text)
    head = label.group(1) if label else text
    if not heading and not label and len(words_) > 12:
        return 0
    if _STRONG_ANCHOR_RE.search(head[:80]):
        return 3 if not _CONTENT_ANCHOR_RE.search(head) or re.search(
            r"medieninhaber|anbieter|betreiber|herausgeber|verantwortliche[nrs]?\b(?!\s+f)", head, re.I) else 1
    if _WEAK_ANCHOR_RE.match(head) and len(words_) <= 8:
        return 2
    if _CONTENT_ANCHOR_RE.search(head) and (heading or label):
        return 1
    return 0


def _classify_label(label: str) -> str:
    low = label.strip().lower()
    if _STRONG_ANCHOR_RE.search(low) and not _CONTENT_ANCHOR_RE.search(low):
        return "name"
    if _OWNER_LABEL_RE.match(low):
        return "owner"
    if _NAME_LABEL_RE.match(low):
        return "name"
    if _BRANCH_RE.search(low):
        return "branch"
    if _SEAT_LABEL_RE.match(low):
        return "seat"
    if _CONTACT_LABEL_RE.match(low):
        return "contact"
    if _STRONG_ANCHOR_RE.search(low) or _WEAK_ANCHOR_RE.match(low):
        return "anchor"
    return "other"


_PIPE_LABEL_RE = re.compile(r"^([^|:]{2,30}?)\s+\|\s+(?=\S)")
_SEPARATOR_RE = re.compile(r"\s[|·•]\s")


def _comma_address_split(piece: str) -> list[str]:
    """"Muster GmbH, Musterweg 1, 12345 Stadt": the name before the first address segment is its own item."""
    segs = piece.split(", ")
    for k in range(1, len(segs)):
        if street_of(segs[k], None) or postal_of(segs[k]):
            return [", ".join(segs[:k]), ", ".join(segs[k:])]
    return [piece]


def split_items(line: Line) -> list[Item]:
    """One line -> items, cut before inline labels ("… Inhaber: …", "… Telefon: …"), at separators (" | ",
    " · ") and at a run-in address ("Muster GmbH, Musterweg 1, …", "Anna Muster Musterweg 1 12345 Stadt")."""
    out: list[Item] = []
    text = _OWNER_AFTER_COMMA_RE.sub(r"\1:", line.text)
    m = _PIPE_LABEL_RE.match(text)
    if m and _classify_label(m.group(1)) in ("contact", "owner", "name", "seat"):
        text = f"{m.group(1)}: {text[m.end():]}"  # a table row "Telefon | 0123 …"
    for labelled in _INLINE_LABEL_RE.split(text):
        for piece in _SEPARATOR_RE.split(labelled):
            for chunk in _comma_address_split(piece) if ", " in piece and ":" not in piece else [piece]:
                for part in split_inline_address(chunk, is_given_name):
                    part = part.strip(_ITEM_JUNK)
                    if part:
                        out.append(Item(part, line))
    return out


def _address_parts(text: str, site: Site) -> tuple[str | None, str | None, str | None, str | None]:
    """(street, postal code, city, country) of an address item; any of them None."""
    segs = [s for s in segments(text) if s.strip()]
    for k, seg in enumerate(segs):
        pc = postal_of(seg)
        if pc is None:
            continue
        postal, city, prefix_country = pc
        after = segs[k + 1] if k + 1 < len(segs) else ""
        country = country_of(postal, city, prefix_country, after, site) or site.region
        street = None
        for cand in [*reversed(segs[:k]), *segs[k + 1 :]]:
            street = street_of(cand, country)
            if street:
                break
        return street, postal, city, country
    for seg in segs:
        street = street_of(seg, site.region)
        if street:
            return street, None, None, None
    return None, None, None, None


def _is_contact(text: str) -> bool:
    return bool(_CONTACT_TEXT_RE.search(text))


def _name_like(text: str) -> bool:
    if not text or len(text) > 90 or len(text.split()) > 12 or ":" in text or "@" in text:
        return False
    if _SECTION_RE.match(text):
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'„“»("):
        return False
    if _PRONOUN_RE.search(text) or text.endswith("?") or text.endswith("!"):
        return False
    if text.endswith(".") and not FORM_RE.search(text) and len(text.split()) > 3:
        return False
    return sum(c.isdigit() for c in text) <= 4  # a founding year is part of a club's name


# ---------------------------------------------------------------------------------------------- blocks
def _collect(page: ParsedPage, start: int, first: list[Item], site: Site, *, anchored: bool) -> Provider | None:
    """Walk from `start` and fill a Provider from the items that follow (None when it is no provider block)."""
    prov = Provider(page=page, anchored=anchored)
    lines = page.lines
    names: list[Item] = []
    contacts = 0
    stage = "name"  # -> "address" -> "contact"
    expect = ""  # a bare label line ("Inhaber:", "Anschrift:") says what the next line holds
    pending: list[Item] = list(first)
    i = start
    region = lines[start - 1].region if 0 < start <= len(lines) else "main"
    budget = 18
    while True:
        if not pending:
            if i >= len(lines) or budget == 0:
                break
            line = lines[i]
            i += 1
            if line.scope == THIRD_PARTY:
                break
            if line.region != region:
                if line.region == "nav" or _is_nav(line):
                    continue
                if region != "header" or line.region != "main":
                    break
                region = "main"  # the page title sits in the header, the block in the content
            if _is_nav(line):
                continue
            budget -= 1
            label = _LABEL_RE.match(line.text)
            has_value = bool(label and label.group(2).strip())
            if anchor_strength(line) and not has_value:  # another anchor: "Anbieter", "Kontakt:"
                if names or prov.has_address:
                    if _CONTACT_WORD_RE.search(line.text):
                        stage = "contact"
                        continue
                    break
                continue
            if 1 <= line.level <= 6 or (label is not None and not has_value) or (
                    line.level == LABEL_LEVEL and line.text.endswith(":")):
                kind = _classify_label(label.group(1) if label else line.text)
                if kind == "contact" and (names or prov.has_address):
                    stage = "contact"
                    continue
                if kind in ("owner", "name", "seat"):
                    expect = kind
                    continue
                if not names and not prov.has_address and 1 <= line.level <= 6 and _name_like(line.text):
                    pending = [Item(line.text, line)]  # a name set as a heading right above the address
                else:
                    break
            else:
                pending = split_items(line)
        item = pending.pop(0)
        prov.line_indices.add(item.line.index)
        kind, value = expect, item.text
        label_m = _LABEL_RE.match(item.text)
        if label_m and not re.match(r"^https?$", label_m.group(1), re.I):
            value = label_m.group(2).strip(_TRAILING_JUNK)
            kind = _classify_label(label_m.group(1))
            if kind == "anchor":
                kind = "name"
            if not value:
                expect = kind if kind in ("owner", "name", "seat") else ""
                if kind == "contact" and (names or prov.has_address):
                    stage = "contact"
                elif kind in ("branch", "other") and (names or prov.has_address):
                    break
                continue
        expect = ""
        if kind == "owner":
            person = person_line(value)
            if person:
                prov.owners.append(person)
            continue
        if kind == "branch":
            break
        if kind == "contact" or (not kind and _is_contact(value) and not postal_of(value)):
            if not names and not prov.has_address:
                return None
            contacts += 1
            stage = "contact"
            continue
        street, postal, city, country = _address_parts(value, site)
        if postal or street:
            if not names:
                return None  # an address before any name: not the top of a provider block
            if prov.postal_code:
                if street and not postal and not prov.street and prov.address_line is not None and (
                        item.line.index - prov.address_line.index <= 1):
                    prov.street = street  # the street printed under the postal-code line
                    continue
                stage = "contact"  # a second address: the first one is the seat
                continue
            if prov.street and not postal:
                continue
            if not prov.street:
                prov.street = street
            if postal and not prov.street and len(names) >= 2 and _ESTATE_RE.search(names[-1].text):
                prov.street = names.pop().text  # "Gut Sonnenhof" above the postal line: an address without number
            if postal:
                prov.postal_code, prov.city, prov.country = postal, city, country
                prov.address_line = item.line
            elif prov.address_line is None:
                prov.address_line = item.line
            stage = "address"
            continue
        if _COUNTRY_ONLY_RE.match(value):
            continue
        if stage == "name" and kind != "other" and (kind in ("name", "seat") or _name_like(value)
                                                     or _BRAND_RE.search(value)):
            if len(names) < 4:
                names.append(Item(value, item.line))
            continue
        if names or prov.has_address:
            break
    if not names or not (prov.has_address or (anchored and contacts)):
        return None
    return _finish(prov, names, site)


def _finish(prov: Provider, names: list[Item], site: Site) -> Provider | None:
    _interpret(prov, names, site)
    if prov.name is None:
        return None
    if prov.country is None and prov.street:
        prov.country = site.region
    return prov


def _surname(person: str) -> str:
    return person.rsplit(maxsplit=1)[-1]


def _domain_brand(text: str, site: Site) -> bool:
    label = site.domain_label.replace("-", "")
    toks = [t for t in alnum_tokens(text) if len(t) >= 3]
    return bool(label) and bool(toks) and all(t in label for t in toks)


def _is_description(text: str, person: str, site: Site) -> bool:
    """"Beratung und Training" under a person's name describes the business; "Hausverwaltung van Beek"
    (with the owner's surname) or "Lumifit" on lumifit.de (the site's brand) is a trade name."""
    if FORM_RE.search(text) or fold_name(_surname(person)) in fold_name(text) or _domain_brand(text, site):
        return False
    return bool(_DESCRIPTION_JOIN_RE.search(text))


def _interpret(prov: Provider, names: list[Item], site: Site) -> None:
    names = [Item(_GLUED_LABEL_RE.sub("", it.text) or it.text, it.line) for it in names]
    items = [it for it in names if not _BRAND_RE.search(it.text)]
    branded = len(items) < len(names)
    if not items:
        return
    entity = next((it for it in items if (m := FORM_RE.search(it.text)) and form_of(m.group("form")) not in SOLE_FORMS),
                  None)
    if entity is not None:
        prov.name, prov.name_line, prov.legal_entity = entity.text, entity.line, True
        return
    if branded:  # "X ist eine Marke von" + a line: that line is the provider
        items = items[-1:]
    first = items[0]
    sole = next((it for it in items if FORM_RE.search(it.text)), None)
    if sole is not None:  # e.U. / e.K.: a registered sole trader, the owner's name is in the firm's name
        prov.name, prov.name_line = sole.text, sole.line
        prov.person = _person_within(sole.text)
        return
    if len(items) == 1:
        prov.name, prov.name_line = first.text, first.line
        prov.person = person_line(first.text) or _person_within(first.text)
        return
    second = items[1]
    p1, p2 = person_line(first.text), person_line(second.text)
    if not p1 and not p2:  # of two lines only one can be the person: its shape is enough to say which
        p1, p2 = person_line(first.text, strict=False), person_line(second.text, strict=False)
        if p1 and p2:
            p1 = p2 = None
    if p1 and not p2:
        prov.person = p1
        if _is_description(second.text, p1, site):
            prov.name, prov.name_line = f"{first.text} {second.text}", first.line
        else:
            prov.name, prov.name_line = second.text, second.line
    elif p2 and not p1:
        prov.name, prov.name_line, prov.person = first.text, first.line, p2
    else:
        prov.name, prov.name_line = first.text, first.line
        prov.person = p1 or _person_within(first.text)


def _person_within(text: str) -> str | None:
    """The owner inside a trade name: "HolzEffekt - Max Beispiel", "Max Beispiel Bauschreinerei"."""
    for piece in re.split(r"\s[-\u2013—/|·]\s|,\s", text):
        person = person_line(piece)
        if person:
            return person
    hit = person_in(text)
    return hit[0] if hit else None


# ---------------------------------------------------------------------------------------------- search
_KIND_RANK = {"impressum": 0, "contact": 1, "home": 2, "about": 3, "team": 4, "other": 5, "privacy": 6}


def _is_english(page: ParsedPage) -> bool:
    lang = (page.lang or "").lower()
    if lang:
        return lang.startswith("en")
    return bool(re.search(r"/en(?:[-_/]|$)|/english", page.url.lower()))


def ordered_pages(site: Site) -> list[ParsedPage]:
    """Legal pages first, and of two language versions the German one (the binding text)."""
    return sorted(site.pages, key=lambda p: (_KIND_RANK.get(p.kind, 5), _is_english(p), p.index))


def _anchored_blocks(page: ParsedPage, site: Site) -> Provider | None:
    anchors = [(anchor_strength(ln), ln.index) for ln in page.lines]
    for strength in (3, 2, 1):
        for s, idx in anchors:
            if s != strength:
                continue
            line = page.lines[idx]
            label = _LABEL_RE.match(line.text)
            glued = _GLUED_LABEL_RE.match(line.text) if not label else None
            first: list[Item] = []
            rest = ""
            if label and label.group(2).strip() and _classify_label(label.group(1)) in ("name", "anchor"):
                rest = label.group(2).strip()  # "Anbieter: Muster GmbH", "Verantwortlicher: Anna Beispiel, …"
            elif glued:
                rest = line.text[glued.end() :]  # "Anbieter Muster GmbH, Musterweg 1, 12345 Stadt"
            if rest:
                value = Line(text=rest, index=line.index, block=line.block, level=0, region=line.region,
                             blank_before=False, scope=line.scope)
                first = split_items(value)
            prov = _collect(page, idx + 1, first, site, anchored=True)
            if prov is not None:
                return prov
    return None


def _unanchored_block(page: ParsedPage, site: Site) -> Provider | None:
    """No anchor: the first postal-code line in the page's content, and the name line(s) right above it."""
    lines = page.lines
    for region in ("main", "footer"):
        for i, line in enumerate(lines):
            if line.region != region or line.scope == THIRD_PARTY or not line.has_digit:
                continue
            segs = segments(line.text)
            k = next((n for n, seg in enumerate(segs) if postal_of(seg)), None)
            if k is None:
                continue
            if k >= 2 and _name_like(segs[0]):  # "Muster GmbH · Musterweg 1 · 12345 Stadt" on one line
                prov = _collect(page, i + 1, split_items(line), site, anchored=False)
                if prov is not None and prov.has_address:
                    return prov
            j = i - 1
            steps = 0
            while j >= 0 and steps < 4:
                prev = lines[j]
                if prev.region != region or prev.scope == THIRD_PARTY or _is_nav(prev):
                    break
                if street_of(prev.text, site.region) is None and not any(postal_of(s) for s in segments(prev.text)):
                    if _name_like(prev.text) and not anchor_strength(prev):
                        prov = _collect(page, j + 1, [Item(prev.text, prev)], site, anchored=False)
                        if prov is not None and prov.has_address and (j == 0 or lines[j - 1].level == 0
                                                                     or not _name_like(lines[j - 1].text)):
                            return prov
                        if prov is not None and prov.has_address:
                            above = _collect(page, j, [Item(lines[j - 1].text, lines[j - 1])], site, anchored=False)
                            return above if above is not None and above.has_address else prov
                    break
                j -= 1
                steps += 1
    return None


_LEGAL_HEADING_RE = re.compile(r"impressum|imprint|legal\s+notice|offenlegung|angaben\s+gem|site\s+notice", re.I)


def _is_legal_page(page: ParsedPage) -> bool:
    return page.kind == "impressum" or any(
        1 <= ln.level <= LABEL_LEVEL and len(ln.text) <= 80 and ln.region != "nav" and _LEGAL_HEADING_RE.search(ln.text)
        for ln in page.lines)


def matches_site(name: str, site: Site) -> bool:
    """The name and the site's domain share a word ("Muster Bau" on muster-bau.de, "Anna Beispiel" on beispiel.at)."""
    label = site.domain_label.replace("-", "")
    if len(label) < 3:
        return False
    toks = [t for t in alnum_tokens(name) if len(t) >= 4 and t not in _GENERIC_TOKENS]
    return any(t in label for t in toks) or fold_name(label) in fold_name(name).replace(" ", "")


_GENERIC_TOKENS = frozenset({"gmbh", "mbh", "haftungsbeschraenkt", "gesellschaft", "kontakt", "contact", "office",
                             "info", "service", "www"})


def _credible(prov: Provider, site: Site) -> bool:
    """Outside a legal notice a name above an address may be a department or an office ("Sales", "Headquarters");
    there the name must carry a legal form, match the site's domain or name a person."""
    if _is_legal_page(prov.page):
        return True
    name = prov.name or ""
    return bool(FORM_RE.search(name)) or matches_site(name, site) or person_line(name) is not None


def find_provider(site: Site) -> Provider | None:
    """The provider block of the site: legal pages first, anchored blocks before the unanchored fallback."""
    pages = ordered_pages(site)
    for page in pages:
        if page.kind == "privacy":
            continue
        prov = _anchored_blocks(page, site)
        if prov is not None and _credible(prov, site):
            return prov
        if page.kind == "impressum":
            prov = _unanchored_block(page, site)
            if prov is not None:
                return prov
    for page in pages:
        if page.kind in ("contact", "home", "about"):
            prov = _unanchored_block(page, site)
            if prov is not None and _credible(prov, site):
                return prov
    return None
