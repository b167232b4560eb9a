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

from .address import country_word, postal_of, segments, street_of
from .dom import (
    COMPANY,
    GENERAL_PARTNER,
    LABEL_LEVEL,
    THIRD_PARTY,
    Line,
    ParsedPage,
    is_menu_column_entry,
    is_nav_line,
)
from .emails import is_freemail
from .legal import COPYRIGHT_RE, FORM_RE, SECTION_RE, SOLE_FORMS, form_of
from .names import (
    FEMININE_ENDINGS,
    FEMININE_TITLE_RE,
    clean_person_name,
    fold_name,
    is_given_name,
    person_in,
    person_line,
)
from .names import TITLE_TOKEN_RE as TITLE_RE
from .notice import (
    BARE_LABEL_RE,
    BRAND_RE,
    BUSINESS_LABEL_RE,
    CONTACT_WORD_RE,
    COUNTRY_ONLY_RE,
    DESCRIPTION_JOIN_RE,
    DOOR_RE,
    ESTATE_RE,
    GLUED_LABEL_RE,
    LABEL_RE,
    PIPE_LABEL_RE,
    PROFESSION_LINE_RE,
    TRAILING_JUNK,
    Item,
    address_parts,
    anchor_strength,
    classify_label,
    field_label,
    is_contact,
    name_like,
    split_items,
)
from .site import Site, split_domain
from .textutil import alnum_tokens, fold


@dataclass
class Provider:
    """What the provider block says; any part may be missing."""

    page: ParsedPage
    anchored: bool
    name: str | None = None
    name_line: Line | None = None
    legal_entity: bool = False  # the name carries the legal form of a company or association
    persons: list[str] = field(default_factory=list)  # who a sole proprietorship is run by, as the block prints it
    owners: list[str] = field(default_factory=list)  # "Inhaber: …" inside the block
    lines_below: list[str] = field(default_factory=list)  # the other name lines a legal entity's block prints
    owner_only: bool = False  # the block names the owner ("Inhaber: …") and no trade name
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None
    address_line: Line | None = None
    po_box: bool = False  # the address is a "Postfach" one, no street: the seat may be printed further down
    line_indices: set[int] = field(default_factory=set)
    # where the name is printed when that is not the block's own name line (url, line): the home page's heading that
    # names the club whose letterhead is a person's address
    name_source: tuple[str, str] | None = None

    @property
    def has_address(self) -> bool:
        return bool(self.street or self.postal_code)


# ---------------------------------------------------------------------------------------------- blocks
def _collect(page: ParsedPage, start: int, first: list[Item], site: Site, *, anchored: bool,
             region: str | None = None) -> Provider | None:
    """Walk from `start` and fill a Provider from the items that follow (None when it is no provider block)."""
    prov = Provider(page=page, anchored=anchored)
    lines = page.lines
    names: list[Item] = []
    contacts = 0
    stage = "name"  # -> "address" -> "contact"
    expect = ""  # a bare label line ("Inhaber:", "Anschrift:") says what the next line holds
    expect_label = ""  # … and in which words ("Praxisname", "Betrieb"): kept with the name it labels
    # the value printed on the anchor's own line ("Anbieterin: Anna Muster"): the anchor is its label
    pending: list[Item] = [Item(it.text, it.line, it.label or ("(anchor)" if anchored else "")) for it in first]
    operator: Item | None = None
    operator_seat = False
    po_box = False
    owner_items: list[Item] = []
    i = start
    if region is None:
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
                if line.region == "nav" or is_nav_line(line):
                    continue
                if region != "header" or line.region != "main":
                    break
                region = "main"  # the page title sits in the header, the block in the content
            if is_nav_line(line):
                continue
            budget -= 1
            if _NOT_GIVEN_RE.search(line.text) and not any(c.isdigit() for c in line.text):
                continue  # "Adresse nicht angegeben", "Anschrift auf Anfrage": a field left out, no end of the block
            label = LABEL_RE.match(field_label(line.text))
            if label is None and BARE_LABEL_RE.match(line.text):
                label = LABEL_RE.match(line.text + ":")  # "Anschrift" on its own line: a label without its colon
            # "Anschrift | Musterweg 1, …": a table row holds its value in the next cell
            has_value = bool(label and label.group(2).strip()) or bool(PIPE_LABEL_RE.match(line.text))
            if anchor_strength(line) and not has_value:  # another anchor: "Anbieter", "Kontakt:"
                if names or prov.has_address:
                    if CONTACT_WORD_RE.search(line.text):
                        stage = "contact"
                        if is_contact(line.text) and not LABEL_RE.match(line.text):
                            # "kontakt@muster.ch" reads as an anchor by its word, but it is the block's mailbox: a
                            # contact line of the block (one without a seat then still is one, LABELLING.md v4 C)
                            contacts += 1
                        continue
                    if label is not None and not prov.has_address and classify_label(label.group(1)) == "seat":
                        expect = "seat"  # "Anschrift" under the name: the label of the seat's address
                        continue
                    break
                continue
            if stage == "name" and not prov.has_address and _OFFICER_LINE_RE.match(line.text):
                expect, expect_label = "rep", ""  # "Obmann" / "Anna Muster": a club's board, read by people.py
                continue
            if 1 <= line.level <= 6 and not names and not prov.has_address and _HOURS_HEADING_RE.match(line.text):
                continue  # "Impressum" / "Sprechzeiten" / the hours / the name: the hours come first on a one-page site
            if 1 <= line.level <= 6 or (label is not None and not has_value) or (
                    line.level == LABEL_LEVEL and line.text.endswith(":")):
                kind = classify_label(label.group(1) if label else line.text)
                if kind == "contact" and (names or prov.has_address):
                    stage = "contact"
                    continue
                if kind == "owner" and has_value and label is not None and names and not prov.has_address:
                    pending = split_items(line)  # "Pächterin: Anna Muster" set as a heading under the name
                elif kind in ("owner", "name", "seat"):
                    expect = kind
                    expect_label = label.group(1) if label else line.text
                    continue
                elif kind == "rep" and names and not prov.has_address and not 1 <= line.level <= 6:
                    expect = kind  # "Geschäftsführer:" between the firm and "Adresse:": people.py reads the name
                    continue
                if not names and not prov.has_address and 1 <= line.level <= 6 and (name_like(line.text) or (
                        len(line.text) <= 60 and ":" not in line.text and matches_site(line.text, site))):
                    pending = [Item(line.text, line)]  # a name set as a heading right above the address
                    expect = "name"
                elif names and not prov.has_address and 2 <= line.level <= 6 and len(names) < 4 and (
                        names[-1].line.index == line.index - 1 and 2 <= names[-1].line.level <= 6) and (
                        name_like(line.text) and not anchor_strength(line)):
                    # a card's title and subtitle ("Zahnärztin Anna Muster" / "Zahnarztpraxis Muster") or a trade
                    # name and its owners, each set as a heading right under the other: one name block (not the
                    # page's own title, level 1, which is a logo's lines above the block)
                    pending = [Item(line.text, line)]
                    expect = "name"
                elif not pending:
                    break
            else:
                pending = split_items(line)
            if not pending:
                continue  # a line of separators only (a dash, "•", "· ·"): nothing to read, and no end of the block
        item = pending.pop(0)
        prov.line_indices.add(item.line.index)
        kind, value, said = expect, item.text, expect_label or item.label
        label_m = LABEL_RE.match(item.text)
        if label_m and not re.match(r"^https?$", label_m.group(1), re.I):
            value = label_m.group(2).strip(TRAILING_JUNK)
            kind = classify_label(label_m.group(1))
            said = label_m.group(1)
            if kind == "anchor":
                kind = "name"
            if not value:
                expect = kind if kind in ("owner", "name", "seat") else ""
                expect_label = said
                if kind == "contact" and (names or prov.has_address):
                    stage = "contact"
                elif kind in ("branch", "other", "profession") and (names or prov.has_address):
                    break
                continue
        expect = expect_label = ""
        if kind == "owner" and names and not prov.has_address and not label_m and (
                item.line.index == names[-1].line.index + 2) and (
                person_line(names[-1].text) == names[-1].text) and (
                person_line(value) is None and not _persons_within(value)) and (
                lines[item.line.index - 1].text.strip(" :") == said.strip(" :")):
            # "Anna Muster" / "Inhaberin" / "Muster Reisen": the role printed under the person, and the trade name
            # below it, no second owner (rules round 19: the trade name was the owner and the owner the name)
            owner = names.pop()
            prov.owners.append(owner.text)
            owner_items.append(owner)
            names.append(Item(value, item.line))
            continue
        if kind == "owner":
            # the label says a person follows: a name's shape is enough, without a known given name
            people = [person] if (person := person_line(value, strict=False)) else _persons_within(value)
            if not people and (_INITIAL_SURNAME_RE.fullmatch(value) or _HYPHEN_INITIAL_RE.fullmatch(value)):
                # "Inh. A. Muster", "Inhaber: M-Ali Muster": the label says a person follows, printed with an initial
                people = [value]
            if people:  # "Inh. Greta & Jonas Beispiel": both
                prov.owners.extend(people)
                owner_items.append(Item(value, item.line))
            continue
        if kind == "branch":
            break
        if kind in ("rep", "form", "profession"):
            # "Geschäftsführer: …" inside the block: people.py reads it; "Rechtsform: …", "Beruf: …" are no name
            continue
        if kind == "contact" or (not kind and (is_contact(value) or _CONTACT_START_RE.match(value)) and (
                not postal_of(value))):
            if not names and not prov.has_address:
                return None
            contacts += 1
            stage = "contact"
            continue
        if not kind and _REP_LINE_RE.match(value) and names and not prov.has_address and not any(
                c.isdigit() for c in value):  # (not "Geschäftsführer Musterweg 1": the street follows the role)
            continue  # "vertreten durch Anna Muster" without a colon between the firm and its seat: people.py reads it
        if not kind and _TAX_LINE_RE.match(value) and (names or owner_items) and not prov.has_address:
            continue  # "Steuer Nr. …" / "Ust ID …" between the name and the address: no part of either
        if _CARE_OF_RE.match(value):
            continue  # "c/o Praxisgemeinschaft": whose door the post goes through, part of the address, not a name
        if stage == "name" and names and not kind and _CARE_OF_INSIDE_RE.search(value) and all(
                person_line(n.text, strict=False) for n in names) and not FORM_RE.search(value):
            # "Anna Muster" / "Atelier c/o Gründerzentrum": a line naming the host whose door the post goes through
            # is an address line under the person, neither name nor street (LABELLING.md v12 test 1 step 1)
            continue
        if _PO_BOX_RE.match(value):
            po_box = True  # "Postfach 12 34" / "12345 Stadt": a mailing address; a street address below is the seat
            continue
        if kind == "other" and label_m and value and names and not prov.postal_code and item.line.level == 0 and (
                not any(postal_of(seg) for seg in segments(value))):
            # "Unternehmensgegenstand: …", "Firmenbuchnummer: …", "UID: …" between the name and the seat of a
            # label/value Impressum: another fact of the same provider, read by its own reader; the block goes on
            continue
        street, postal, city, country = address_parts(value, site)
        if po_box and street and postal and prov.postal_code and not prov.street:
            prov.street, prov.postal_code, prov.city, prov.country = street, postal, city, country
            prov.address_line, po_box = item.line, False
            continue
        if operator_seat and (postal or street):
            prov.street = prov.postal_code = prov.city = prov.country = None
            prov.address_line, operator_seat, stage = None, False, "address"
        if postal or street:
            if not names and not owner_items:
                return None  # an address before any name: not the top of a provider block
            if prov.postal_code:
                if street and not postal and not prov.street and prov.address_line is not None and (
                        item.line.index - prov.address_line.index <= 1):
                    prov.street = street  # the street printed under the postal-code line
                    continue
                stage = "contact"  # a second address: the first one is the seat
                continue
            if prov.street and not postal:
                if DOOR_RE.match(value) and not prov.postal_code and "," not in prov.street:
                    prov.street = f"{prov.street}, {value}"  # "Favoritenstraße 24, Tür 14"
                continue
            if not prov.street:
                prov.street = street
            if postal and not prov.street and len(names) >= 2 and ESTATE_RE.search(names[-1].text):
                prov.street = names.pop().text  # "Gut Sonnenhof" above the postal line: an address without number
            if postal:
                prov.postal_code, prov.city, prov.country = postal, city, country
                prov.address_line = item.line
            elif prov.address_line is None:
                prov.address_line = item.line
            stage = "address"
            continue
        if COUNTRY_ONLY_RE.match(value):
            continue
        town = _town_only(value)
        if town and not prov.postal_code and not prov.city and not kind and (
                (stage == "address" and prov.street and town[1] is None) or (stage == "name" and names and town[1])):
            # The seat printed without a postal code: the town under the street ("Hauptstr. 28" / "Zossen") or
            # a town with its country under the name ("Basel, Switzerland"); the postal code stays unknown.
            prov.city, prov.country = town[0], town[1] or prov.country
            prov.address_line = prov.address_line or item.line
            stage = "address"
            continue
        if kind == "seat" and label_m and town and town[1] and not prov.has_address and not prov.city and (
                classify_label(label_m.group(1)) == "seat" and _ADDRESS_LABEL_RE.match(label_m.group(1))):
            prov.city, prov.country = town  # "Adresse: Beispielstadt, Tirol, Österreich": the town is all the seat says
            prov.address_line = item.line
            stage = "address"
            continue
        if kind == "seat" and label_m:
            continue  # "Firmensitz: Wien", "Sitz der Gesellschaft: Bern": a town, no address line
        if stage == "name" and (names or owner_items) and not kind and PROFESSION_LINE_RE.match(value) and (
                not name_like(value)):
            continue  # the owner's professional designation under the name ("öffentlich bestellter …")
        if stage == "name" and not names and owner_items and not kind and PROFESSION_LINE_RE.match(value):
            continue  # the owner's professional designation, printed under the "Inhaber:" line
        if kind == "seat" and not label_m and names and stage == "name" and _SHARED_PREMISES_RE.match(value) and (
                not FORM_RE.search(value)):
            continue  # "Praxisadresse:" / "Praxisgemeinschaft Muster" under the name: the premises, part of the seat
        if stage == "name" and kind != "other" and (kind in ("name", "seat") or name_like(value)
                                                     or BRAND_RE.search(value) or _TRADING_AS_RE.match(value)
                                                     # "lindenblatt kosmetik" on lindenblatt-kosmetik.ch: a brand set in
                                                     # lower case that the domain spells (v12 test 1 step 4)
                                                     or (value.islower() and _domain_brand(value, site))
                                                     # … or a name starting with it: "head stories & OTHER MATTERS" on
                                                     # headstories.de (rules round 18)
                                                     or (value[:1].islower() and _brand_line(item.line, site))
                                                     or _lower_brand_under_anchor(value, prov, names, site)):
            if len(names) < 4:
                names.append(Item(value, item.line, label=said if kind == "name" else ""))
            continue
        if kind == "name" and _entity(value) and not any(_entity(n.text) for n in names):
            operator = Item(value, item.line)  # "Betreiberin: Muster Hotel GmbH" below a brand's block
            operator_seat = True  # the address that follows is the legal entity's registered seat
            continue
        if names or prov.has_address:
            break
    if not names and owner_items:  # "Inhaber: Anna Muster" is all the block names: the person is the provider
        names = owner_items[:1]
        prov.owner_only = True
    if not names or not (prov.has_address or (anchored and contacts)):
        return None
    if operator is not None:
        names = [*names, operator]
    prov.po_box = po_box and not prov.street
    return _finish(prov, names, site)


# "swordi.studios", "kleinwerk design": a brand set in lower case, a few words without a sentence's punctuation.
_LOWER_BRAND_LINE_RE = re.compile(r"[a-zäöü][\w.&+-]*\w(?:\s+[\w.&+-]+){0,2}")


def _lower_brand_under_anchor(value: str, prov: Provider, names: list[Item], site: Site) -> bool:
    """The first line under a provider anchor ("Medieninhaber:" / "swordi.studios") is a brand set in lower case when
    the site's © lines, titles or own mailboxes spell it too: the block's name line, though it starts in lower case
    (rules round 16; a lower-case line elsewhere is prose)."""
    if not prov.anchored or names or prov.has_address or not _LOWER_BRAND_LINE_RE.fullmatch(value) or (
            re.match(r"(?:www\.|https?:|c/o\b)", value, re.I)) or is_contact(value):
        return False
    return _agreement(value, _site_voices(site)) >= 1


# Premises several practices or offices share: where the provider works, never the provider (LABELLING.md v9,
# "Premises name under the person").
_SHARED_PREMISES_RE = re.compile(r"^(?:Praxis|B(?:ü|ue)ro|Atelier|Ateliers|Kanzlei|Therapeuten)gemeinschaft\b|"
                                 r"^(?:(?:Ä|Ae)rztehaus|Gesundheitszentrum|Therapiezentrum|Coworking)\b")
# A club officer's role printed alone above the officer ("Obmann", "Kassier", "Schriftführer Stv."): the club's board,
# one officer a line, whose people are its representatives or members, never the club's name (rules round 16).
_OFFICER_LINE_RE = re.compile(r"^(?:\d\.\s*)?(?:Obmann|Obfrau|Kassier(?:in)?|Kassenwart(?:in)?|Schatzmeister(?:in)?|"
                              r"Schriftf(?:ü|ue)hrer(?:in)?|Vorsitzende[r]?|Sportwart(?:in)?|Jugendwart(?:in)?|"
                              r"Pr(?:ä|ae)sident(?:in)?)(?:[\s-]*(?:Stv\.?|Stellvertreter(?:in)?))?$")
# A line of the block that says its field is left out (rules round 16; LABELLING.md, missing data).
_NOT_GIVEN_RE = re.compile(r"\b(?:nicht\s+(?:angegeben|(?:ö|oe)ffentlich|ver(?:ö|oe)ffentlicht)|"
                           r"auf\s+(?:anfrage|nachfrage)|wird\s+nachgereicht|on\s+request|"
                           r"not\s+(?:given|disclosed|published))\W*$", re.I)
_HOURS_HEADING_RE = re.compile(r"^\W*(?:sprechzeiten|(?:ö|oe)ffnungszeiten|b(?:ü|ue)rozeiten|opening\s+hours)\W*$",
                               re.I)
_HONORIFIC_LEAD_RE = re.compile(r"^(?:Herrn?|Frau|Hr\.|Fr\.|Mr\.?|Mrs\.?|Ms\.?)\s+(?=\S)")
_CARE_OF_RE = re.compile(r"^c/o\s", re.I)
_CARE_OF_INSIDE_RE = re.compile(r"\sc/o\s", re.I)
# "Fax 0 12 34 - 56 78": a contact line by its label word, whatever the number's spacing
_CONTACT_START_RE = re.compile(r"^(?:fon|tel|telefon|telefax|fax|mobil|handy|e-?mail)\b\.?:?\s*[+\d(]", re.I)
_ADDRESS_LABEL_RE = re.compile(r"^\s*(?:anschrift|adresse|address|postanschrift|standort|location)\s*$", re.I)
_INITIAL_SURNAME_RE = re.compile(r"(?:Dr\.\s+)?[A-ZÄÖÜ]\.\s?(?:[A-ZÄÖÜ]\.\s?)?"
                                 r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?")
_HYPHEN_INITIAL_RE = re.compile(r"[A-ZÄÖÜ]-[A-ZÄÖÜ][a-zäöüß]+\s+[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?")
_TAX_LINE_RE = re.compile(r"^(?:steuer\s?-?\s?(?:nr|nummer)|st\.?\s?-?\s?nr|ust|uid|mwst|vat)\b\.?\s*[\w.-]*\s*"
                          r"[A-Z]{0,3}[\d\s/.-]{6,}$", re.I)
# A representative's line printed without a colon ("vertreten durch Anna Muster", "Geschäftsführer Ben Beispiel").
_REP_LINE_RE = re.compile(r"^(?:(?:gesetzlich\s+)?vertreten\s+durch|represented\s+by|"
                          r"gesch(?:ä|ae)ftsf(?:ü|ue)hr(?:er(?:in)?|ung)|managing\s+directors?)\s+"
                          r"(?:(?:den|die|the)\s+)?[A-ZÄÖÜ]", re.I)
_PO_BOX_RE = re.compile(r"^(?:Postfach|P\.?\s?O\.?\s+Box|Case\s+postale)\b", re.I)
_DEPARTMENT_TAIL_RE = re.compile(r"\s*(?:[-\u2013—,/]\s*)?(?:Abteilung|Abt\.|Sparte|Sektion|Department|Division)"
                                 r"\s+\S.*")
_FAMILY_RE = re.compile(r"^(?:Familie|Fam\.|Family|Geschwister|Ehepaar)\s+[A-ZÄÖÜ]")
_QUOTED_RE = re.compile(r"[\"„“»]\s*([^\"„“”»«]{3,})\s*[\"“”«]")
_RATING_RE = re.compile(r"\s+(?:\*{1,5}|★{1,5}|☆{1,5})\s*[SsLl]?$")


_TOWN_RE = re.compile(r"^([A-ZÄÖÜ][a-zäöüß]+(?:(?:-|\s(?:am|an\s+der|im|in|ob|bei)\s)[A-ZÄÖÜ][a-zäöüß]+)?)"
                      r"(?:,\s*(?P<region>[A-ZÄÖÜ][a-zäöüß]+)(?=,))?(?:,\s*([A-Za-zÖöüÜ ]{2,20}))?$")


def _town_only(text: str) -> tuple[str, str | None] | None:
    """("Zossen", None) for a line that is a town, ("Basel", "CH") for "Basel, Switzerland"; None otherwise."""
    m = _TOWN_RE.match(text.strip(" ."))
    if m is None or is_given_name(m.group(1).split("-")[0]) or SECTION_RE.match(m.group(1)):
        return None
    if m.group(3) is None:
        return (m.group(1), None) if m.group("region") is None else None
    country = country_word(m.group(3))
    return (m.group(1), country) if country else None


def _entity(text: str) -> bool:
    """The text names a company or association (not a registered sole trader)."""
    m = FORM_RE.search(text)
    return m is not None and form_of(m.group("form")) not in SOLE_FORMS


def _finish(prov: Provider, names: list[Item], site: Site) -> Provider | None:
    _interpret(prov, names, site)
    if prov.name is None:
        return None
    prov.name = _RATING_RE.sub("", prov.name) or prov.name  # "Pension Muster ***": the stars are a rating
    if (quoted := _QUOTED_RE.fullmatch(prov.name)) is not None:
        prov.name = quoted.group(1)  # "„Muster Bogenschützen“" on its own line: the quotes only set the name off
    if (form := FORM_RE.search(prov.name)) is not None and _DEPARTMENT_TAIL_RE.fullmatch(prov.name[form.end():]):
        # "VfL Muster e.V. - Abteilung Tennis", "… e.V. Abteilung Volleyball": the department that runs the site
        # describes it; the club (up to its legal form) is the provider (LABELLING.md v9 O, v11 U, v12 Z)
        prov.name = prov.name[:form.end()]
    prov.name = _without_designation(prov.name)
    if (greeting := _GREETING_RE.match(prov.name)) and name_like(rest := prov.name[greeting.end():].strip(" .!")):
        prov.name = rest  # "Willkommen beim Schützenverein Muster" above the address: the greeting is not the name
    bare = _HONORIFIC_LEAD_RE.sub("", prov.name)
    if bare != prov.name and person_line(bare, strict=False):
        prov.name = bare  # "Herr Martin Beispiel": the form of address is not part of the provider's name
    if prov.country is None and prov.street:
        prov.country = site.region
    return prov


# A home page's welcome heading set above the letterhead ("Herzlich willkommen bei der Muster GmbH", "Welcome to …").
_GREETING_RE = re.compile(r"^\W*(?:(?:herzlich\s+)?willkommen\s+(?:bei|beim|im|in|auf|an)|welcome\s+to)\s+"
                          r"(?:(?:der|dem|den|die|das|the)\s+)?(?=[A-ZÄÖÜ0-9])", re.I)


def _with_site_form(name: str, site: Site) -> str | None:
    """The same name with a legal form, as the site's own header or © line prints it ("Muster Schützenverein" in the
    letterhead, "© 2025 Muster Schützenverein e.V." in the footer): the name the provider goes by."""
    want = fold_name(name)
    for page in site.pages:
        for line in page.lines:
            if line.region not in ("header", "footer") or len(line.text) > 90 or line.scope != COMPANY:
                continue
            text = COPYRIGHT_RE.sub("", line.text, count=1).strip()
            head = text[: len(name)]
            if fold_name(head) == want and (tail := text[len(name):].strip()) and (
                    (form := FORM_RE.match(tail)) is not None and not tail[form.end():].strip(" .")) and _entity(text):
                return text
    return None


def _without_designation(name: str) -> str:
    """The name without what the person is, a feminine job title ending the line or followed by its field:
    "<brand> - Vinyasa Yogalehrerin", "<person> Ärztin für Allgemeinmedizin" (LABELLING.md v2 designation, v12 test 1
    step 3; a description after a dash, v12 Y)."""
    words = name.split()
    for i, word in enumerate(words):
        if i < 2 or not (FEMININE_TITLE_RE.fullmatch(word) and word[0].isupper()) or is_given_name(word) or (
                i + 1 < len(words) and words[i + 1] not in ("für", "in", "im")):
            continue
        if FORM_RE.search(" ".join(words[i:])):
            return name
        dash = next((j for j in range(i - 1, max(0, i - 5), -1) if words[j] in ("-", "\u2013", "—", "|")), None)
        if dash is not None and len(" ".join(words[:dash])) >= 3:
            return " ".join(words[:dash])  # the description after the dash
        head = " ".join(words[:i])
        if dash is None and person_line(head) is not None:
            return head  # the person's name, then what she is
    return name


def _surname(person: str) -> str:
    return person.rsplit(maxsplit=1)[-1]


def _domain_brand(text: str, site: Site) -> bool:
    label = site.domain_label.replace("-", "")
    toks = [t for t in alnum_tokens(text) if len(t) >= 3]
    return bool(label) and bool(toks) and all(t in label for t in toks)


def _names_domain(text: str, site: Site) -> bool:
    """The line is the brand the domain spells: all of it, or most of it for a single word — a trade word the domain
    only begins with ("Eiscafe" on eiscafe-al-castello-weikersheim.de) is the trade, not the brand (rules round 18)."""
    if not _domain_brand(text, site):
        return False
    words_ = alnum_tokens(text)
    label = site.domain_label.replace("-", "")
    return len(words_) != 1 or len(words_[0]) * 2 >= len(label)


def _is_description(text: str, person: str, site: Site) -> bool:
    """"Beratung und Training" or "Steuerberater" under a person's name describes the business;
    "Malerei van Beek" (with the owner's surname), "Lumifit" on lumifit.de (the site's brand) or a
    two-word name such as "Malerei Sonnenschein" is a trade name."""
    if FORM_RE.search(text) or fold_name(_surname(person)) in fold_name(text) or _names_domain(text, site) or (
            _COINED_WORD_RE.fullmatch(text.strip()) or _INNER_CAPITAL_RE.fullmatch(text.strip())):
        # … or a coined word with an inner capital ("KlangRaum", "HolzFee", "YogaSB", "eKlang"): a brand (LABELLING.md
        # v12 test 1 step 4: invented spelling, acronym, camel case)
        return False
    return bool(DESCRIPTION_JOIN_RE.search(text)) or len(text.split()) == 1 or _generic_words(text)


def _describes_only(text: str, person: str, site: Site) -> bool:
    """The line holds only common words of the trade, a kind of practice or a designation: no proper noun (the
    person's surname, a coined word, a legal form), and not what the site's domain calls the business (LABELLING.md
    v12, test 1, steps 3 to 5)."""
    if FORM_RE.search(text) or _domain_brand(text, site):
        return False
    return bool(PROFESSION_LINE_RE.match(text) or practice_kind(text) or _is_description(text, person, site))


_COINED_WORD_RE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}(?:[A-ZÄÖÜ][a-zäöüß]{2,})+")
_INNER_CAPITAL_RE = re.compile(r"[A-Za-zÄÖÜäöüß]*[a-zäöüß]{2}[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*")
# Words that describe an offering and name nobody: adjectives ("Psychologische"), abstract and trade nouns
# ("Beratung", "Übersetzungen", "Coaching", "Translation services").
# (and the English ones of a consultant's designation, "Strategic Marketing Leadership", "Performance & Branding
# Strategy": rules round 19, such a line under the person was taken as the trade name)
_GENERIC_ADJECTIVE_RE = re.compile(r"(?:isch|lich|ell|al|iv|ive|ic|ical|ional|ated|ised|ized)(?:e|er|es|en)?$", re.I)
_GENERIC_NOUN_RE = re.compile(r"(?:ung(?:en)?|heit|keit|schaft|ion(?:en|s)?|therapie|coaching|training|beratung|"
                              r"marketing|leadership|management|performance|strategy|strategie|branding|"
                              r"services?|dienste?|dienstleistung(?:en)?|design|fotografie|photography|"
                              r"consulting|begleitung|pflege|reinigung|unterricht|lektorat|"
                              r"übersetzungen|uebersetzungen)$", re.I)


def _generic_words(text: str) -> bool:
    """"Psychologische Beratung", "Translation services": every word describes, none names (a trade name such as
    "Malerei Sonnenschein" carries a word of its own)."""
    tokens = [t for t in re.split(r"[\s/-]+", text.strip(" .,")) if t and t.lower() not in _DESCRIPTION_GLUE]
    return 2 <= len(tokens) <= 5 and all(_GENERIC_NOUN_RE.search(t) or _GENERIC_ADJECTIVE_RE.search(t)
                                         for t in tokens)


_DESCRIPTION_GLUE = frozenset({"und", "&", "für", "fuer", "for", "and", "of", "in", "im", "der", "die", "das"})


def _interpret(prov: Provider, names: list[Item], site: Site) -> None:
    body = next((it.text for it in names if _KIND_PAREN_RE.search(it.text)), None)
    names = [Item(_KIND_PAREN_RE.sub("", GLUED_LABEL_RE.sub("", it.text) or it.text) or it.text, it.line, it.label)
             for it in names]
    if body is not None:
        _interpret_body(prov, names, site, _KIND_PAREN_RE.sub("", body))
        return
    items: list[Item] = []
    for it in names:
        brand = BRAND_RE.search(it.text)
        if brand is None:
            items.append(it)
        elif (owner := re.sub(r"^(?:der|des|von|vom|the|of)\s+", "", it.text[brand.end() :].strip(" :,"))) and (
                _entity(owner)):
            items.append(Item(owner, it.line))  # "Muster Lounge ist eine Marke der Muster Gastro GmbH"
    branded = len(items) < len(names) or any(BRAND_RE.search(it.text) for it in names)
    trading = next(((it, m) for it in items if (m := _TRADING_AS_RE.match(it.text))), None)
    if trading is not None:  # "handelnd unter „Glanzwerk Service“": the trade name, the person its owner
        item, m = trading
        trader = next((p for it in items if it is not item and (p := person_line(it.text, strict=False))), None)
        prov.name, prov.name_line, prov.persons = m.group(1).strip(), item.line, [trader] if trader else []
        return
    if len(items) > 1 and any(_DEGREE_ITEM_RE.match(it.text) for it in items):
        # "Anna Muster · Master of Science (Psychologie)": the degree after the person is her designation, no trade
        # name (LABELLING.md v12 step 3; rules round 19: the degree was taken as the practice's name)
        items = [it for it in items if not _DEGREE_ITEM_RE.match(it.text)]
    status = next((it for it in items if _STATUS_LINE_RE.match(it.text)), None)
    # "Einzelunternehmer · Selbstständige Beratung": an offering printed on the status line after a separator goes
    # with it (LABELLING.md v12 test 1 step 2, "also combined with an offering"); a person or a firm on it stays
    items = [it for it in items if not _STATUS_LINE_RE.match(it.text) and not (
        status is not None and it.line.index == status.line.index and not FORM_RE.search(it.text)
        and not person_line(it.text, strict=False))]
    if not items:
        return
    if _labelled_business(prov, items):
        return
    if (pair := _brand_and_person(items, site)) is not None:
        trade_item, owner_item = pair
        prov.name, prov.name_line, prov.persons = trade_item.text, trade_item.line, [owner_item.text]
        return
    _interpret_items(prov, items, branded, site)
    # "(Einzelunternehmer)" under or after the name only states how the business is run, like a bare
    # "Einzelunternehmen" line or "Rechtsform: Einzelunternehmen": no part of the name (LABELLING.md v8 L bracket rule,
    # v12 test 1 step 2; rules round 14 dropped round 12's reading of it as the block's own qualifier of the name)
    if prov.name:
        prov.name = strip_status_paren(prov.name)


_DEGREE_ITEM_RE = re.compile(r"^(?:Master|Bachelor)\s+of\s+(?:Science|Arts|Engineering|Education|Laws|Business"
                             r"(?:\s+Administration)?|Fine\s+Arts|Music)\b(?:\s*\([^()]{2,40}\))?\s*$|"
                             r"^(?:M\.\s?Sc\.|B\.\s?Sc\.|M\.\s?A\.|B\.\s?A\.|M\.\s?Ed\.|LL\.\s?M\.|MBA)"
                             r"(?:\s*\([^()]{2,40}\))?\s*$")


def _brand_and_person(items: list[Item], site: Site) -> tuple[Item, Item] | None:
    """Two name lines, one the words the domain spells ("Muster Taxi Beispielstadt" on mustertaxi-beispielstadt.de),
    the other a person's shape: the first is the trade name, the second its owner, in either order — a line the
    domain spells is no person even when its words could be a name's ("Katzen vom Tal von Muster"; rules round 19:
    the trade name was listed as the representative)."""
    if len(items) != 2:
        return None
    for brand, person in (items, items[::-1]):
        words_ = brand.text.split()
        if len(words_) >= 2 and _names_domain(brand.text, site) and not is_given_name(words_[0]) and (
                not _names_domain(person.text, site)) and clean_person_name(person.text) == person.text and (
                person_line(person.text, strict=False) in (None, person.text)) and (
                not FORM_RE.search(brand.text)):
            return brand, person
    return None


# "Muster Beratung (Einzelunternehmen)": a bracket on the name line that only states the form of business.
_STATUS_PAREN_RE = re.compile(r"(?<=\S)\s*\((?:Einzelunternehmer(?:in)?|Einzelunternehmen|Einzelfirma|"
                              r"Kleinunternehmer(?:in)?|Freiberufler(?:in)?|Einzelkauf(?:mann|frau)|selbstst(?:ä|ae)ndig|"
                              r"freiberuflich|sole\s+(?:trader|proprietor(?:ship)?))\)\s*$|"
                              # … or printed after the name bare or after a dash ("Muster Pyro Einzelunternehmen",
                              # "Agentur Muster — Einzelunternehmen"): the same statement, no legal form (rules
                              # round 17; two holdout15 sites)
                              r"(?<=\S)\s+(?:[-\u2013\u2014|·•]\s+)?(?:Einzelunternehmen|Einzelfirma)\s*$", re.I)


def strip_status_paren(name: str) -> str:
    """The name without a trailing bracket that only says the business is a sole proprietorship."""
    return _STATUS_PAREN_RE.sub("", name)


# "Muster FC (Verein)", "Muster GmbH (Gesellschaft mit beschränkter Haftung)": a parenthesis that only says what kind
# of body the name is (its legal form spelled out) explains the name and is no part of it.
# … or only spells out the name's own "i. Gr." ("Muster GmbH i.Gr. (in Gründung)", rules round 16)
_KIND_PAREN_RE = re.compile(r"(?<=\S)\s*\((?:eingetragener\s+)?(?:Verein|Gesellschaft\s+mit\s+beschr(?:ä|ae)nkter\s+"
                            r"Haftung|GmbH|Aktiengesellschaft|AG|Genossenschaft|Körperschaft|association|company)"
                            # … or a body in formation ("Muster (Verein in Gründung)", LABELLING.md v18 ED)
                            r"(?:\s+(?:in\s+Gr(?:ü|ue)ndung|i\.\s?Gr?\.))?\)\s*$|"
                            r"(?:(?<=\bi\.G\.)|(?<=\bi\. G\.)|(?<=\bi\.Gr\.)|(?<=\bi\. Gr\.))"
                            r"\s*\(in\s+Gr(?:ü|ue)ndung\)\s*$",
                            re.I)


def _labelled_business(prov: Provider, items: list[Item]) -> bool:
    """A label/value Impressum says in its labels which line is the business ("Praxisname: Physiotherapie Anna
    Muster", "Betrieb: Mary and the Dogs") and which the person ("Name: Anna Muster", "Anbieterin: Anna Muster"): the
    labels decide, not the lines' shapes (LABELLING.md: trade name and owner)."""
    named = [it for it in items if it.label and BUSINESS_LABEL_RE.match(it.label.strip())]
    if len(named) != 1 or len(items) < 2 or not all(it.label for it in items):
        return False  # a line without a label of its own ("Firmenname:" / brand / firm) is read by its shape
    it = named[0]
    prov.name, prov.name_line = it.text, it.line
    prov.legal_entity = _entity(it.text)
    if not prov.legal_entity:
        prov.persons = [p for other in items if other is not it and (p := person_line(other.text, strict=False))][:2]
    return True


def _interpret_body(prov: Provider, names: list[Item], site: Site, body: str) -> None:
    """The block says the name is a club or a company ("… (Verein)"): that name is no person, whatever its shape."""
    _interpret(prov, names, site)
    if prov.name is not None and fold_name(prov.name) == fold_name(body):
        prov.legal_entity = True
        prov.persons = [p for p in prov.persons if fold_name(p) != fold_name(body)]


_TRADING_AS_RE = re.compile(r"^(?:handelnd|t(?:ä|ae)tig|firmierend|trading)\s+(?:unter|als|as)\s*:?\s*[„\"»'\u201a“]?"
                            r"(.+?)[“\"«'\u2018”]?$", re.I)
# A line saying only that the provider trades without a company: part of the name as the block prints it.
_STATUS_LINE_RE = re.compile(r"^\(?(?:Einzelunternehmer(?:in)?|Einzelunternehmen|Einzelfirma|Kleinunternehmer(?:in)?|"
                             r"Freiberufler(?:in)?|Einzelkauf(?:mann|frau)|sole\s+(?:trader|proprietor))\)?$", re.I)
# "Praxis für Ergotherapie" above the owner's name: a description, printed as one unit with the person.
_GENERIC_PRACTICE_RE = re.compile(r"^(?:Praxis|Kanzlei|B(?:ü|ue)ro|Atelier|Studio|Ordination|Institut|Werkstatt|"
                                  r"Schule)\s+(?:f(?:ü|ue)r|for)\s+[^\d,;:@]+$")


# A line that only says what kind of practice or office it is: "Zahnarztpraxis", "Privatpraxis für Psychotherapie",
# "Kanzlei für Arbeitsrecht" (no place, no surname, no coined word that would make it a trade name), also after an
# adjective that only says what kind ("Psychotherapeutische Praxis", LABELLING.md v12 test 1 step 5).
_PRACTICE_KIND_RE = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüß]+(?:ische|liche)\s+(?=[A-ZÄÖÜ]))?"
                               r"(?:[A-ZÄÖÜ][a-zäöüß]*(?:praxis|kanzlei|b(?:ü|ue)ro|ordination)|Praxis|Kanzlei|"
                               r"B(?:ü|ue)ro|Ordination)(?:\s+(?:f(?:ü|ue)r|for)\s+(?:[a-zäöüß]+e[nrs]?\s+)?[A-ZÄÖÜ][a-zäöüß-]+"
                               r"(?:\s+(?:und|&)\s+[A-ZÄÖÜ][a-zäöüß-]+)?)?$")


def practice_kind(text: str) -> bool:
    """"Gemeinschaftspraxis für Zahnheilkunde", "Zahnarztpraxis": the line names a kind of practice, nobody's."""
    return bool(_PRACTICE_KIND_RE.match(text) or _GENERIC_PRACTICE_RE.match(text))


def _premises_of_seat(text: str, prov: Provider) -> bool:
    """"Gesundheitspraxis Musterstadt", "Ärztehaus Musterstadt": a kind of premises followed by the seat's own town."""
    words_ = text.split()
    if not prov.city or len(words_) != 2 or FORM_RE.search(text):
        return False
    return fold_name(words_[1]) == fold_name(prov.city.split()[0]) and bool(
        re.search(r"(?:praxis|haus|zentrum|center|hof|gebäude)$", words_[0], re.I))


_PREMISES_AT_RE = re.compile(r"^[\w-]*(?:praxis|haus|zentrum|center|atelier|studio|b(?:ü|ue)ro|kanzlei|hof)\s+"
                             r"(?:am|im|an\s+der|in\s+der|auf\s+der|beim|zum|zur)\s+(.+?)\W*$", re.I)


def _premises_named_by_street(text: str, prov: Provider) -> bool:
    """"Praxis am Klosterberg" above "Klosterberg 11": premises named after the street of the seat, where the person
    works, not a trade name (LABELLING.md v16, premises line under the person; rules round 18)."""
    m = _PREMISES_AT_RE.match(text.strip())
    if m is None or not prov.street or FORM_RE.search(text):
        return False
    street = re.sub(r"\s*\d.*$", "", prov.street).strip()
    return bool(street) and fold_name(m.group(1)) == fold_name(street)


def _person_under_practice_lines(items: list[Item]) -> Item | None:
    """The titled person line ("Dr. Anna Muster") under two or more lines that only describe the practice: a kind
    of practice ("Praxis für Kinder- und Jugendmedizin,") and the lines that continue it after a trailing comma."""
    k = next((i for i, it in enumerate(items[:4]) if person_line(it.text, strict=False) and _titled(it.text)), None)
    if k is None or k < 2:
        return None
    for j in range(k):
        text = items[j].text.strip()
        continued = j > 0 and items[j - 1].line.text.rstrip().endswith(",")  # the item drops the comma
        if not (practice_kind(text.rstrip(" ,")) or continued) or FORM_RE.search(text) or person_in(text):
            return None
    return items[k]


# A line that starts with what the person is, a job title in its feminine form (a surname never takes it), alone or
# followed by what she offers after a dash: "Kosmetikerin", "Fotografin - Hochzeiten und Porträts", "Floristin".
_FEMININE_JOB_HEAD_RE = re.compile(rf"^[A-ZÄÖÜ][a-zäöüß]{{2,}}{FEMININE_ENDINGS}"
                                   r"(?:\s*$|\s+[-\u2013—|·]\s+)")


# A feminine job noun after one qualifying word: what the person under whom it is printed is, not a trade name
# (only endings no given name has: "Kerstin", "Martina" stay names)
_QUALIFIED_JOB_RE = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüß]+\s+)?[A-ZÄÖÜ][a-zäöüß]{2,}(?:erin|istin|eutin|ogin|antin)"
                               r"(?:\s*$|\s+[-\u2013—|·]\s+)")


def _stated_profession(text: str, page: ParsedPage) -> bool:
    """The page itself calls the line a profession: "Berufsbezeichnung: <the same words>" further down."""
    want = fold_name(text.strip(TRAILING_JUNK))
    for line in page.lines:
        label = LABEL_RE.match(line.text)
        if label and fold_name(label.group(2).strip(TRAILING_JUNK)) == want and (
                classify_label(label.group(1)) == "profession"):
            return True
    return False


def _titled(text: str) -> bool:
    """The person line carries an academic degree or a profession ("Dr. med. Anna Muster", "Dipl.-Psychologin …")."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return bool(TITLE_RE.match(first)) or bool(PROFESSION_LINE_RE.match(text))


# "Kleintierzuchtverein" / "Z123 Musterstadt": a club's kind printed alone on the first line and, on the next, its
# number in its federation (letters and digits) or its founding year, and its town; the block breaks one name.
_CLUB_KIND_LINE_RE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß-]{3,}(?:verein|vereinigung|club|klub|gilde|bund)$")
_CLUB_NUMBER_LINE_RE = re.compile(r"^(?:[A-Z]{1,3}\s?\d{1,4}|\d{4})(?:\s+[A-ZÄÖÜ][\w.-]+){1,3}$")


def _interpret_items(prov: Provider, items: list[Item], branded: bool, site: Site) -> None:
    if len(items) >= 2 and _CLUB_KIND_LINE_RE.match(items[0].text) and (
            _CLUB_NUMBER_LINE_RE.match(items[1].text)) and items[1].line.index - items[0].line.index <= 1:
        # the club's name is both lines: the kind alone names nobody, the number and town make it one club
        items = [Item(f"{items[0].text} {items[1].text}", items[0].line, items[0].label), *items[2:]]
    entity = next((it for it in items if _entity(it.text)), None)
    if entity is not None:
        prov.name, prov.name_line, prov.legal_entity = entity.text, entity.line, True
        prov.lines_below = [it.text for it in items[items.index(entity) + 1 :]]
        k = items.index(entity)
        if k > 0 and FORM_RE.match(entity.text):  # "Muster Holzbau" / "GmbH & Co. KG" on two lines
            prov.name, prov.name_line = f"{items[k - 1].text} {entity.text}", items[k - 1].line
        return
    if branded:  # "X ist eine Marke von" + a line: that line is the provider
        items = items[-1:]
    first = items[0]
    sole = next((it for it in items if FORM_RE.search(it.text)), None)
    if sole is not None:  # e.U. / e.K.: a registered sole trader, the owner's name is in the firm's name
        prov.name, prov.name_line = sole.text, sole.line
        prov.persons = _persons_within(sole.text) or [
            p for it in items if it is not sole and (p := person_line(it.text, strict=False))][:1]
        return  # "Tischlerei Muster e.U." / "Max Muster": the owner on the line below
    if len(items) == 1 and prov.owners and _premises_of_seat(first.text, prov):
        # "Inhaberin: Anna Muster" / "Gesundheitspraxis Musterstadt" / the seat: the line names the premises in
        # the seat's town, not a trade name; the owner is all the block names (LABELLING.md: only the person)
        prov.name, prov.name_line = prov.owners[0], first.line
        return
    if len(items) == 1:
        prov.name, prov.name_line = first.text, first.line
        prov.persons = _persons_within(first.text)
        if not prov.persons and not prov.owners and (person := person_line(first.text, strict=False)) and (
                _mailbox_of(person, prov.page) or (prov.anchored and not matches_site(first.text, site)
                                                   and not _VENUE_HEAD_RE.search(first.text))):
            # a rare given name, but the provider's mailbox carries the person's name; or the anchored block
            # names nothing but a person-shaped line that is not the site's brand ("Angaben gemäß § 5" / "Zoltar
            # Beispiel" on a brand's domain): the person runs the business under their own name
            prov.persons = [person]
        if len(prov.persons) == 1 and not (first.label and _FIRM_LABEL_RE.match(first.label.strip(" :"))):
            # (under "Unternehmen:" / "Firma:" the line is the firm's name as printed, the owner's name in it too:
            # rules round 19, LABELLING.md v13 AC)
            prov.name = _trade_name_before(first.text, prov.persons[0], site) or prov.name
        return
    if not prov.owners and (doctor := _person_under_practice_lines(items)) is not None:
        # "Praxis für Kinder- und Jugendmedizin," / "Homöopathie, Akupunktur" / "Dr. Anna Muster": the lines above
        # only say what the practice does; the person with her degree is the name and runs it (LABELLING.md v5 E)
        prov.name, prov.name_line, prov.persons = doctor.text, doctor.line, [
            person_line(doctor.text, strict=False) or doctor.text]
        return
    second = items[1]
    if len(items) == 3 and not prov.owners and (p := person_line(first.text, strict=False)) and (
            person_line(items[2].text, strict=False) == p) and not person_line(second.text, strict=False) and (
            not FORM_RE.search(second.text)):
        # "Anna Muster" / "Malermeisterbetrieb" / "Anna Muster": the person, then the trade name printed across
        # two lines with her name again (LABELLING.md, "Trade name and owner": the trade name is the name)
        prov.name, prov.name_line, prov.persons = f"{second.text} {items[2].text}", second.line, [p]
        return
    owners_below = [person_line(p.strip(), strict=False) for p in _PEOPLE_SPLIT_RE.split(second.text)] if (
        _JOINT_OWNERS_RE.match(first.text)) else []
    if len(owners_below) >= 2 and all(owners_below):
        # "Erbengemeinschaft" / "Anna Muster und Ben Muster": one unit, and both own it
        prov.name, prov.name_line = f"{first.text} {second.text}", first.line
        prov.persons = [p for p in owners_below if p]
        return
    many = _persons_within(first.text) if not prov.owners else []
    if len(many) >= 2 and not person_line(second.text, strict=False) and not FORM_RE.search(second.text) and (
            not PROFESSION_LINE_RE.match(second.text)):
        # "Anna Muster & Ben Beispiel" / "Studio Lindenblatt": the owners, then the name they trade under
        prov.name, prov.name_line, prov.persons = second.text, second.line, many
        return
    below = _persons_within(second.text) if not prov.owners and not many else []
    if len(below) >= 2 and not _persons_within(first.text) and not FORM_RE.search(second.text):
        # "Tierarztpraxis Lindenhof" / "Dr. Anna Muster und Dr. Ben Beispiel": the name, then its owners
        prov.name, prov.name_line, prov.persons = first.text, first.line, below
        return
    p1, p2 = person_line(first.text), person_line(second.text)
    if _FAMILY_RE.match(second.text) and not p1:
        p1 = p2 = None  # "Hofladen Sonnenhof" / "Familie Beispiel": the family runs the named business
    elif not p1 and not p2 and not prov.owners:
        # Of two lines only one can be the person: its shape is enough to say which (a rare given name).
        p1, p2 = person_line(first.text, strict=False), person_line(second.text, strict=False)
        if p1 and p2:
            # "Always Automaten" on always-automaten.de is the trade name, so the other line is the person.
            brand1, brand2 = matches_site(first.text, site), matches_site(second.text, site)
            if brand1 == brand2:
                # "Özlem Beispiel" / "Übersetzungsbüro Beispiel": the line whose first word is a trade, not a given
                # name, and that repeats the other's surname is the trade name
                brand1, brand2 = _trade_with_surname(first.text, p2), _trade_with_surname(second.text, p1)
            p1, p2 = (None, p2) if brand1 and not brand2 else (p1, None) if brand2 and not brand1 else (None, None)
    if p1 and not p2:
        prov.persons = [p1]
        if (PROFESSION_LINE_RE.match(second.text) or _GENERIC_PRACTICE_RE.match(second.text)
                or _PRACTICE_KIND_RE.match(second.text)  # "Zahnarztpraxis für biologische Zahnmedizin" (v7)
                or _FEMININE_JOB_HEAD_RE.match(second.text)  # "Fotografin - Hochzeiten" (v12 step 3)
                or _QUALIFIED_JOB_RE.match(second.text)  # "Personal Trainerin", "Freie Journalistin" (rules round 18)
                or _premises_named_by_street(second.text, prov)  # "Praxis am Klosterberg" at "Klosterberg 11" (18)
                or _stated_profession(second.text, prov.page)) and not FORM_RE.search(second.text):
            # "Heilpraktikerin für …" or "Praxis für Physiotherapie" under the person: what she is or runs
            prov.name, prov.name_line = first.text, first.line
        elif _is_description(second.text, p1, site) and _VENUE_HEAD_RE.match(first.text):
            # "Praxis Anna Muster" / "Allgemeinmedizin": the first line is already a trade name (a venue word and
            # its owner); what the practice does, printed under it, is no part of it (LABELLING.md v2)
            prov.name, prov.name_line = first.text, first.line
        elif _is_description(second.text, p1, site):
            # "Anna Muster" / "Coaching und Organisationsentwicklung": only common words of the trade under the
            # bare person line are no part of the name; the person line is (LABELLING.md v12, test 1 step 5)
            prov.name, prov.name_line = first.text, first.line
        else:
            prov.name, prov.name_line = second.text, second.line
    elif p2 and not p1:
        prov.name, prov.name_line, prov.persons = first.text, first.line, [p2]
        # under a line that only says what kind of practice it is ("Gemeinschaftspraxis für Zahnheilkunde"), every
        # person-shaped line is one of its owners, a rare given name too (LABELLING.md v3, several people)
        practice = practice_kind(first.text)
        for it in items[2:]:  # "Tierarztpraxis Muster" / "Dr. Anna Muster" / "Dr. Ben Beispiel": all its owners
            if (more := person_line(it.text, strict=not practice)) is None or (
                    fold_name(more) in {fold_name(p) for p in prov.persons}):
                break
            prov.persons.append(more)
        if (_PRACTICE_KIND_RE.match(first.text) and _titled(second.text)) or (
                _describes_only(first.text, p2, site) and not _VENUE_HEAD_RE.search(second.text)):
            # "Zahnarztpraxis" / "Dr. med. dent. Anna Muster", "Praxis für Logopädie" / "Anna Muster", "Fotografin" /
            # "Anna Muster": a line above the person that only says what kind of practice it is or what she is names
            # nobody; the person line is the name (LABELLING.md v5 E, and the v12 test 1 read for the line above).
            # Not a club's or venue's line that merely looks like a person ("Postweg" / "Tennis Club Muster")
            prov.name, prov.name_line = second.text, second.line
    else:
        prov.name, prov.name_line = first.text, first.line
        prov.persons = [p1] if p1 else _persons_within(first.text)
        if p1 and p2 and fold_name(p1) == fold_name(p2) and fold_name(first.text) == fold_name(p1) and (
                len(second.text) > len(first.text)) and not prov.owners:
            # "Anna Muster" / "Dr. Anna Muster" or "Psychologische Beratung Anna Muster": the next line repeats the
            # bare person with her degree or inside a trade name that carries her name; that fuller line is the name
            # (LABELLING.md: a degree on the person's line stays; v12 test 1 step 4, a line with the owner's surname)
            prov.name, prov.name_line = second.text, second.line
        if p1 and p2 and len(items) == 2 and fold_name(p1) != fold_name(p2):
            prov.persons.append(p2)  # two people on lines of their own and no joint name: both run the practice


# "Gasthaus Linde", "Atelier Lichtblick", "Avanti Ristorante": a venue or shop word makes a trade name.
_VENUE_HEAD_RE = re.compile(r"(?:^|\s)(?:Haus|Gast(?:haus|hof|st(?:ä|ae)tte)|Hotel|Pension|Caf(?:é|e)|Restaurant|"
                            r"Ristorante|Trattoria|Pizzeria|Osteria|Taverna|Bistro|Bar|"
                            r"Weingut|Weinhaus|Hof(?:laden)?|Gut|Villa|Atelier|Salon|Studio|Praxis|Galerie|Agentur|"
                            r"Laden|Shop|Blumen|Werkstatt|Schule|Verein|Club|Team|Gruppe|Ferien\w*|Land\w*|Camping|"
                            r"Reit\w*|Bauern\w*|Brauerei|Kanzlei|Büro|Buero|Institut|Zentrum|Center|Cent(?:er|re))(?:\s|$)",
                            re.I)
# Co-ownership without a legal form: the owners printed under it belong to its name (LABELLING.md v3).
_JOINT_OWNERS_RE = re.compile(r"^(?:Grundstücks|Erben|Eigentümer|Besitz|Bruchteils)gemeinschaft$")
_MAIL_LOCAL_RE = re.compile(r"([\w.+-]+)@")


def _mailbox_of(person: str, page: ParsedPage) -> bool:
    """The page prints an address whose local part spells the person's given name and surname
    ("anna.muster@…", "annamuster@…"): the name line is that person, not a trade name."""
    tokens = [fold_name(t) for t in person.split() if not TITLE_RE.match(t)]
    if len(tokens) < 2 or any(len(t) < 3 for t in tokens):
        return False
    for line in page.lines:
        if "@" not in line.text:
            continue
        for local in _MAIL_LOCAL_RE.findall(line.text):
            folded = re.sub(r"[^a-z]", "", fold_name(local))
            if all(re.sub(r"[^a-z]", "", t) in folded for t in tokens):
                return True
    return False


def _trade_with_surname(text: str, person: str) -> bool:
    words_ = text.split()
    return (len(words_) == 2 and len(words_[0]) >= 8 and not is_given_name(words_[0])
            and fold_name(words_[1]) == fold_name(_surname(person)))


_FIRM_LABEL_RE = re.compile(r"^(?:unternehmen|firma|firmenname|firmierung|company(?:\s+name)?|unternehmensname)$", re.I)


def _trade_name_before(text: str, person: str, site: Site) -> str | None:
    """"Raumkonzept Reinigung Anna Hronsky" on raumkonzept-reinigung.de: the words before the owner are the
    site's trade name, and the owner (whose surname the domain does not carry) is not part of it."""
    tokens = [t for t in person.split() if not TITLE_RE.match(t)]
    if len(tokens) < 2:
        return None
    core = tokens[-1]
    at = text.rfind(core)
    if at < 0 or text[at + len(core):].strip(TRAILING_JUNK):
        return None
    start = text.find(tokens[0])
    prefix = text[:start].strip(TRAILING_JUNK) if start > 0 else ""
    if prefix != text[:start].strip():
        return None  # "HolzEffekt - Dennis Spliesgar": printed as one name with a separator
    label = site.domain_label.replace("-", "")
    if len(prefix) < 3 or not matches_site(prefix, site):
        return None
    # the domain spells an umlaut either way ("Fröhlich" in froehlich.de or frohlich.de)
    spelled = {fold_name(core), fold_name(fold(core))}
    if any(sp in fold_name(label) for sp in spelled) and fold_name(core) not in fold_name(prefix):
        return None  # "Muster Bau Max Muster" on musterbau.de prints the owner as part of the name …
    return prefix  # … unless the words before him already carry the surname ("MUSTER Services Max Muster")


_PEOPLE_SPLIT_RE = re.compile(r"\s(?:und|and|&)\s|,\s(?=(?:Dr\.|Prof\.|[A-ZÄÖÜ]))")


_FAMILY_PREFIX_RE = re.compile(r"^(?:Fam\.|Familie|Eheleute|Ehepaar)\s+")
_COUPLE_RE = re.compile(r"^([A-ZÄÖÜ][\w'-]+)\s+(?:und|and|&|\+)\s+([A-ZÄÖÜ][\w'-]+)\s+([A-ZÄÖÜ][\w'-]+)$")


def couple_names(text: str) -> list[str]:
    """"Gunhild und Rainer Beispiel": the two people who share the surname printed once ([] for any other line)."""
    # "Fam. Anna und Ben Muster", "Eheleute …": the family word names nobody, the couple after it (rules round 18)
    couple = _COUPLE_RE.match(_FAMILY_PREFIX_RE.sub("", text.strip()))
    if couple and any(is_given_name(couple.group(k)) for k in (1, 2)) and person_line(
            f"{couple.group(2)} {couple.group(3)}", strict=False):
        return [f"{couple.group(1)} {couple.group(3)}", f"{couple.group(2)} {couple.group(3)}"]
    return []


def _persons_within(text: str) -> list[str]:
    """The owner(s) inside a name line: "HolzWerk - Max Beispiel", "Max Beispiel Bauschreinerei",
    "Dr. Eva Beispiel und Dr. Paul Beispiel"."""
    whole = person_line(text)
    if whole:
        return [whole]
    if couple := couple_names(text):
        return couple
    pieces = [piece.strip() for piece in _PEOPLE_SPLIT_RE.split(text)]
    people = [p for piece in pieces if (p := person_line(piece))]
    if len(people) >= 2:
        return people
    if len(pieces) == 2 and len(people) == 1 and all(person_line(piece, strict=False) == piece for piece in pieces):
        # "Anna Muster & Kiran Beispiel": one known given name, and the other piece a whole person by its shape
        # (a rare given name): the line names the two people who run the business together (LABELLING.md v3)
        return pieces
    for piece in re.split(r"\s[-\u2013—/|·]\s|,\s", text):
        person = person_line(piece)
        if person:
            return [person]
    hit = person_in(text)
    return [hit[0]] if hit else []


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


def _anchored_blocks(page: ParsedPage, site: Site, before: int | None = None) -> Provider | None:
    lines = page.lines if before is None else page.lines[:before]
    anchors = [(anchor_strength(ln), ln.index) for ln in lines]
    said: dict[int, str] = {}  # "Verantwortlich für den Inhalt der Seite ist Anna Muster." and her seat below
    for k, (s, idx) in enumerate(anchors):
        if s == 0 and lines[idx].scope != THIRD_PARTY and "ist" in lines[idx].text and (
                m := _RESPONSIBLE_SENTENCE_RE.match(lines[idx].text)) and person_line(m.group(1), strict=False):
            said[idx] = m.group(1)
            anchors[k] = (1, idx)
    # a one-page site's "Impressum" section names the provider and its seat; its "Kontakt" section may print the
    # holiday flat or the shop: among the weak anchors the legal heading comes first
    anchors.sort(key=lambda a: (a[0] != 2 or not _IMPRINT_HEADING_RE.match(lines[a[1]].text), a[1]))
    in_privacy = _privacy_sections(lines) if any(
        s >= 2 and _IMPRINT_HEADING_RE.match(lines[idx].text) for s, idx in anchors) else set()
    for demoted, strength in ((d, st) for d in (False, True) for st in (3, 2, 1)):
        for s, idx in anchors:
            if s != strength or (idx in in_privacy) != demoted:
                continue
            line = page.lines[idx]
            label = LABEL_RE.match(line.text)
            glued = GLUED_LABEL_RE.match(line.text) if not label else None
            first: list[Item] = []
            rest = ""
            if label and label.group(2).strip() and classify_label(label.group(1)) in ("name", "anchor"):
                # "Anbieter: Muster GmbH", "Verantwortlicher: Anna Beispiel, …", "Betreiber: | Anna Muster" (two cells)
                rest = label.group(2).strip().removeprefix("|").strip()
            elif glued:
                rest = line.text[glued.end() :]  # "Anbieter Muster GmbH, Musterweg 1, 12345 Stadt"
            elif s == 3 and (cited := _CITED_ANCHOR_RE.match(line.text)) and _RUNS_ON_TO_SEAT_RE.search(
                    line.text, cited.end()):
                rest = line.text[cited.end() :]  # "Angaben gemäß § 5 TMG Anna Muster Musterweg 1 12345 Stadt"
            if idx in said:
                rest = said[idx]
            if rest:
                value = Line(text=rest, index=line.index, block=line.block, level=0, region=line.region,
                             blank_before=False, scope=line.scope)
                first = split_items(value)
            prov = _collect(page, idx + 1, first, site, anchored=True)
            if prov is not None:
                return prov
    return None


_PRIVACY_SECTION_RE = re.compile(r"^\W*(?:\d{1,2}\.\s*)?(?:datenschutz\w*|"
                                 r"privacy(?:\s+(?:policy|notice|statement))?)\W*$", re.I)


def _privacy_sections(lines: list[Line]) -> set[int]:
    """The lines of a privacy policy section on a page that also holds an Impressum section (a one-page site's
    overlays): its controller ("1. Verantwortlicher") restates the provider in the policy's words, the Impressum's
    own block states it (rules round 19: the controller's block hid the Impressum's spelling and register)."""
    out: set[int] = set()
    inside = False
    for line in lines:
        if 1 <= line.level <= 6 and _PRIVACY_SECTION_RE.match(line.text):
            inside = True
        elif 1 <= line.level <= 6 and _IMPRINT_HEADING_RE.match(line.text):
            inside = False
        if inside:
            out.add(line.index)
    return out


# The imprint paragraph cited at the start of a line that runs on with the block itself (no colon, no line break).
_CITED_ANCHOR_RE = re.compile(r"^\W*(?:angaben|informationen|pflichtangaben)\s+"
                              r"(?:gem(?:ä|ae)(?:ß|ss)|gem\.|nach|laut)\s+§+\s*\d+\s*(?:abs\.\s*\d+\s*)?(?:tmg|ddg|ecg|e-commerce-gesetz|mediengesetz)\b\s*:?\s+"
                              r"(?=[A-ZÄÖÜ])", re.I)
_RUNS_ON_TO_SEAT_RE = re.compile(r"\s\d{4,5}\s+[A-ZÄÖÜ]")  # … and on to the seat's postal code and town
_IMPRINT_HEADING_RE = re.compile(r"^\W*(?:impressum|imprint|site\s+notice|legal\s+notice)\W*$", re.I)
_RESPONSIBLE_SENTENCE_RE = re.compile(r"^\W*(?:inhaltlich\s+)?verantwortlich(?:er)?\s+f(?:ü|ue)r\s+(?:den|die|das)\s+"
                                      r"(?:inhalt|seiteninhalt|webseite|website|homepage)\b[^.:;]{0,40}?\s+ist\s+"
                                      r"([^.,;:]{5,60}?)\.?$", re.I)


def _owner_line(text: str) -> bool:
    label = LABEL_RE.match(text)
    return label is not None and bool(label.group(2).strip()) and classify_label(label.group(1)) == "owner"


# "and Beispiel Treuhand Ltd." / "sowie der Muster AG": a line that opens with a conjunction ends the sentence above
# it ("Supervised by … / and …"), a body named in passing, never the name line of a letterhead (rules round 19)
# ("& Partner mbB", "& Co. KG" under the founders' names are the firm's own second line)
_CONJUNCTION_LEAD_RE = re.compile(r"^(?:and|und|sowie|or|oder|as\s+well\s+as|&(?!\s*(?:partner|co\b|s(?:ö|oe)hne|"
                                  r"sohn|kollegen|associates)))\s", re.I)


def _unanchored_block(page: ParsedPage, site: Site, before: int | None = None, start: int = 0) -> Provider | None:
    """No anchor: the first postal-code line in the page's content, and the name line(s) right above it."""
    lines = page.lines if before is None else page.lines[:before]

    def usable(ln: Line, region: str) -> bool:
        return ln.region == region and ln.scope != THIRD_PARTY and not is_nav_line(ln)

    for region in ("main", "footer"):
        for i, line in enumerate(lines):
            if i < start or line.region != region or line.scope == THIRD_PARTY or not line.has_digit:
                continue
            segs = segments(line.text)
            k = next((n for n, seg in enumerate(segs) if postal_of(seg)), None)
            if k is None:
                continue
            if k >= 1 and not street_of(segs[0], None):
                # "Muster GmbH · Musterweg 1 · 12345 Stadt" on one line
                prov = _collect(page, i + 1, split_items(line), site, anchored=False, region=region)
                if prov is not None and prov.has_address:
                    return prov
            j = i - 1 if k == 0 or street_of(segs[0], None) else i
            while j >= 0 and j >= i - 2 and usable(lines[j], region) and street_of(lines[j].text, None):
                j -= 1  # the street line(s) above the postal code
            top = j
            while top >= 0 and top > j - 3 and usable(lines[top], region) and (
                    name_like(lines[top].text) or _owner_line(lines[top].text) or _brand_line(lines[top], site)) and (
                    not anchor_strength(lines[top]) and not is_menu_column_entry(lines, top)) and (
                    not _CONJUNCTION_LEAD_RE.match(lines[top].text)):
                # ("Inhaber: Anna Muster" between the trade name and the street is a line of the same block)
                if top < j and (lines[top + 1].blank_before or (1 <= lines[top + 1].level <= 6 and (
                        lines[top + 1].level != lines[top].level))):
                    # a new paragraph or heading below: the name starts there (not a letterhead whose every line is
                    # set in the same heading style, person over designation over street: rules round 16)
                    break
                top -= 1
            if top == j:
                continue
            prov = _collect(page, top + 1, [], site, anchored=False, region=region)
            if prov is not None and prov.has_address:
                return prov
    return None


def _brand_line(line: Line, site: Site) -> bool:
    """A short line that spells the site's own domain, set in lower case ("head stories & OTHER MATTERS" on
    headstories.de): the brand at the head of a letterhead, though it is not name-shaped (rules round 18)."""
    text = line.text.strip()
    return len(text) <= 60 and ":" not in text and "@" not in text and not is_contact(text) and (
        text[:1].isalpha()) and not street_of(text, None) and matches_site(text, site)


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
    line = prov.name_line
    after_channels = line is not None and line.index >= 1 and is_contact(prov.page.lines[line.index - 1].text)
    caption = after_channels and line is not None and prov.page.lines[line.index - 1].region == line.region
    if FORM_RE.search(name) or (matches_site(name, site) and not caption) or person_line(name) is not None:
        # a name after the phone or e-mail lines of its own region is a channel's caption even when the domain
        # spells it (a shared host's account name often is the brand: "musternails.pages.dev")
        return True
    # … or the site's own titles or © lines spell the whole name ("Anhängerverleih Muster" above the seat and in
    # the <title> of verleih-stadt.at): a department or an office is never what the site calls itself. Not when
    # the line follows the phone or e-mail lines: a name listed after the channels ("0123 456 / a@b.ch / [Instagram]
    # Muster Nails / the street") is one more channel (a profile's caption), not the head of a letterhead
    if line is None or after_channels:
        return False
    if (person_line(name, strict=False) is not None or _only_people(name)) and _letterhead(prov):
        # a person's letterhead ("Anna Muster" / street / town / phone), a rare given name too, or a couple's
        # ("Anna und Ben Muster"): the people who run the business under their own names
        return True
    voices = _site_voices(site)
    return bool(_agreement(name, {k: v for k, v in voices.items() if k in ("title", "copyright")}))


def _only_people(name: str) -> bool:
    """"Anna und Ben Muster", "Anna Muster & Ben Beispiel": the line names two or more people and nothing else."""
    people = _persons_within(name)
    if len(people) < 2:
        return False
    known = {fold_name(t) for p in people for t in p.split()}
    return all(fold_name(t) in known or t.lower() in ("und", "and", "&", "+") for t in name.split())


_LETTERHEADS_PER_PAGE = 3


def _letterhead(prov: Provider) -> bool:
    """Name line, street, postal-code line and then a phone or an e-mail line, nothing else in between: the complete
    letterhead of a site without an Impressum, the block the law would have printed there."""
    if prov.name_line is None or prov.address_line is None or not prov.street or not prov.postal_code:
        return False
    lines = prov.page.lines
    if prov.address_line.index - prov.name_line.index > 2:
        return False
    after = lines[prov.address_line.index + 1 : prov.address_line.index + 3]
    return any(ln.region == prov.name_line.region and (is_contact(ln.text) or _contact_label(ln.text)) for ln in after)


def _contact_label(text: str) -> bool:
    """"E-Mail: ranvita ät rhythmuswelten . de": a contact line by its label, whatever spelling its value hides
    behind (rules round 18: a one-line letterhead over an obfuscated mailbox was no letterhead)."""
    label = LABEL_RE.match(text)
    return label is not None and bool(label.group(2).strip()) and classify_label(label.group(1)) == "contact"


def _below_section_heading(prov: Provider, site: Site) -> Provider | None:
    """Outside a legal notice the block's first line may be the heading of its section ("Postweg", "Verein",
    "Familie Muster") with the provider's name on the line below it: the block that starts below the heading."""
    line = prov.name_line
    if line is None or not 1 <= line.level <= 6 or line.index + 1 not in prov.line_indices or (
            len(line.text.split()) > 2):
        return None  # a longer heading ("Muster - Industrielogistik") is the name itself, not a section's label
    below = prov.page.lines[line.index + 1]
    if below.level or not name_like(below.text) or street_of(below.text, None) or postal_of(below.text):
        return None
    inner = _collect(prov.page, line.index + 1, [], site, anchored=False, region=below.region)
    return inner if inner is not None and inner.has_address else None


def _top_block_of_same_owner(prov: Provider, page: ParsedPage, site: Site) -> Provider | None:
    """"Hundezucht Lindenhof / Inhaber: Anna Muster / seat" at the top of the Impressum, and below it "Medieninhaber:
    Anna Muster / seat" (the media-law block of an Austrian Impressum): both state the same provider, and the top
    block, which is the provider block without a heading (LABELLING.md, "Provider block first"), holds the trade
    name and its owner (trade name and owner). Only when the later block names nothing but that person."""
    if prov.legal_entity or not prov.name or not prov.line_indices:
        return None
    top = _unanchored_block(page, site)
    if top is None or not top.line_indices or max(top.line_indices) >= min(prov.line_indices) or not top.name or (
            person_line(top.name, strict=False)) or top.legal_entity:
        return None
    owner = next((page.lines[i].text for i in sorted(top.line_indices) if _owner_line(page.lines[i].text)), "")
    if fold_name(prov.name) not in fold_name(owner) or (prov.street is not None and top.street != prov.street):
        return None
    return top


def _same_people(a: Provider, b: Provider) -> bool:
    people = {fold_name(p) for p in (*a.persons, *a.owners)}
    return bool(people & {fold_name(p) for p in (*b.persons, *b.owners)})


# The privacy policy printed on the Impressum page below its own heading.
_PRIVACY_HEADING_RE = re.compile(r"^\W*(?:\d{1,2}\.\s*)?(?:datenschutzerkl(?:ä|ae)rung|datenschutzhinweise|"
                                 r"datenschutzinformation(?:en)?|privacy\s+(?:policy|notice|statement))\b", re.I)


def _privacy_start(page: ParsedPage) -> int | None:
    """Where the privacy policy starts on an Impressum page that carries both (None: it does not)."""
    if page.kind != "impressum":
        return None
    for line in page.lines:
        if 1 <= line.level <= 6 and line.region == "main" and _PRIVACY_HEADING_RE.match(line.text):
            return line.index
    return None


def _trade_name_at_same_seat(prov: Provider, page: ParsedPage, site: Site) -> Provider:
    """"Inhaber: Anna Muster" / the seat, and further down the page the business's name above the same address
    ("Adresse" / "Café Muster" / same street): the trade name is the provider's name, the owner its person."""
    if not prov.street or not prov.line_indices:
        return prov
    later = _unanchored_block(page, site, start=max(prov.line_indices) + 1)
    if later is None or later.street != prov.street or later.postal_code != prov.postal_code or (
            later.legal_entity or person_line(later.name or "")):
        return prov
    prov.name, prov.name_line, prov.owner_only = later.name, later.name_line, False
    prov.line_indices |= later.line_indices
    return prov


def _site_voices(site: Site) -> dict[str, list[str]]:
    """What the site calls itself outside the provider block, by kind: its domain, the page titles' parts, the
    holders of its © lines and the domains of its own (non-freemail) mailboxes, each as folded tokens run together."""
    voices: dict[str, list[str]] = {"domain": ["".join(alnum_tokens(site.domain_label))], "title": [], "copyright": [],
                                    "mailbox": []}
    for page in site.pages:
        voices["title"].extend("".join(alnum_tokens(part)) for part in _VOICE_CUT_RE.split(page.title or ""))
        for line in page.lines:
            if line.region in ("footer", "header") and COPYRIGHT_RE.match(line.text):
                voices["copyright"].append("".join(alnum_tokens(COPYRIGHT_RE.sub("", line.text))))
            if "@" in line.text:
                voices["mailbox"].extend("".join(alnum_tokens(split_domain(d)[0]))
                                         for d in _MAILBOX_DOMAIN_RE.findall(line.text) if not is_freemail(d))
    return voices


# A name that says it is a club ("Turnverein Musterstadt", "Muster e.V."): its chair represents it, not an owner.
ASSOCIATION_RE = re.compile(r"\be\.\s?V\b|verein|\bclub\b|\bklub\b", re.I)


def _association_heading(site: Site) -> tuple[ParsedPage, Line] | None:
    """The home page's main heading (h1/h2) naming an association ("Turnverein Musterstadt", "Muster e.V.") that
    the page titles repeat: what the site calls its provider when a person's address is its only letterhead."""
    voices = {"title": _site_voices(site)["title"]}
    for page in site.pages:
        if page.kind != "home":
            continue
        for line in page.lines:
            if 1 <= line.level <= 2 and line.region in ("main", "header") and len(line.text) <= 80 and (
                    ASSOCIATION_RE.search(line.text)) and _agreement(line.text, voices):
                return page, line
    return None


_VOICE_CUT_RE = re.compile(r"\s[|·•\u2013—-]\s|:\s")
_MAILBOX_DOMAIN_RE = re.compile(r"@((?:[\w-]+\.)+[a-z]{2,})", re.I)


def _agreement(name: str, voices: dict[str, list[str]]) -> int:
    """How many kinds of the site's voices spell the whole name (its legal form aside; "verein 280" in "verein280")."""
    tokens = [t for t in alnum_tokens(FORM_RE.sub(" ", name)) if len(t) >= 2]
    joined = "".join(tokens)
    if len(joined) < 4:
        return 0
    return sum(1 for said in voices.values() if any(joined in v for v in said if v))


def _agreeing_name(prov: Provider, site: Site) -> Provider:
    """The block's name line is a slogan or a line of the firm's object ("Prävention.Bildung.Teilhabe",
    "Ingenieurbüro (Fachbereich Medizintechnik)") that neither the domain, the titles, the © lines nor the
    mailboxes repeat, while a name line just above it on the same Impressum ("verein 280", "medeqon GmbH")
    agrees with at least two of them: that line is the provider's name."""
    name, line = prov.name, prov.name_line
    if not name or line is None or prov.legal_entity or prov.persons or prov.owners or FORM_RE.search(name) or (
            person_line(name, strict=False)):
        return prov
    voices = _site_voices(site)
    if _agreement(name, voices):
        return prov
    best_line: Line | None = None
    best_score = 1
    for other in prov.page.lines[max(0, line.index - 8) : line.index]:
        text = other.text.strip()
        if other.region != "main" or is_nav_line(other) or 1 <= other.level <= 6 or not (
                name_like(text) or _LOWER_NAME_RE.fullmatch(text)) or person_line(text, strict=False):
            continue
        score = _agreement(text, voices)
        if score > best_score:
            best_line, best_score = other, score
    if best_line is not None:
        prov.name, prov.name_line = best_line.text.strip(), best_line
        prov.legal_entity = bool(FORM_RE.search(prov.name))
    return prov


_LOWER_NAME_RE = re.compile(r"[a-zäöü][\w-]+(?:\s+[\w-]+){0,3}")


# "Verantwortlicher Seitenbetreiber:", "Betreiber der Webseite": who runs the web site, not necessarily its provider
_SITE_RUNNER_RE = re.compile(r"(?:seiten|web-?site|webseite|homepage|internetseite)|verantwortlich", re.I)


def _anchor_text(prov: Provider) -> str:
    """The text of the anchor line right above the block's first line ("" when the block has no anchor)."""
    if not prov.anchored or not prov.line_indices:
        return ""
    first = min(prov.line_indices)
    return prov.page.lines[first - 1].text if first >= 1 else ""


def find_provider(site: Site) -> Provider | None:
    """The provider block of the site: legal pages first, anchored blocks before the unanchored fallback."""
    prov = _find_provider(site)
    if prov is None:
        return None
    if prov.po_box and prov.name and not prov.street:
        _seat_below_po_box(prov, site)
    if prov.name and not prov.legal_entity and not prov.persons and not prov.owners and practice_kind(prov.name) and (
            held := _copyright_person(site)) is not None:
        # "Praxis für Kinesiologie" / the seat, and "© 2024 Anna Muster" under every page: the block's line only
        # names the kind of practice, so the block has no name line and the © line gives the name (LABELLING.md v2
        # no-name-line order, v12 guide decision 2); the person named there runs the one-person practice
        page, line, person = held
        prov.name, prov.persons = person, [person]
        prov.name_source = (page.url, line.text)
    if prov.page.kind == "impressum" and prov.name and not prov.legal_entity and (
            not ASSOCIATION_RE.search(prov.name)) and (
            any(_CLUB_REGISTER_RE.search(line.text) for line in prov.page.lines)) and (
            stated := _statutes_name(site)) is not None:
        # a registered club's Impressum whose only name line is an officer ("Vertretungsberechtigter Vorsitzender: …",
        # "… in Verbindung mit der Vorstandschaft"): the club's name is the one its statutes give ("Der Verein führt
        # den Namen …", LABELLING.md v4 D); the officers stay its representatives (rules round 16)
        page, line, name = stated
        prov.name, prov.persons, prov.owners, prov.legal_entity = name, [], [], True
        prov.name_source = (page.url, line.text)
        return prov
    if prov.page.kind == "impressum":
        return _agreeing_name(prov, site)
    if prov.name and not FORM_RE.search(prov.name) and not _is_legal_page(prov.page) and not person_line(
            prov.name, strict=False) and (full := _with_site_form(prov.name, site)) is not None:
        # no Impressum text: a letterhead that prints the club or firm without its legal form, while the site's header
        # or © line adds it ("… e.V."): the name as the site states it in full (LABELLING.md v2 no name line; round 16)
        prov.name, prov.legal_entity = full, True
    if not _is_legal_page(prov.page) and prov.name and not prov.legal_entity and (
            person_line(prov.name, strict=False) == prov.name) and _letterhead(prov) and (
            club := _association_heading(site)) is not None:
        # no Impressum, and the only letterhead is a person's, while the site's main heading and its titles name an
        # association: the club is the provider, the person is where its post goes (LABELLING.md, no Impressum).
        # The block keeps its own lines (the seat, the phones near it); the name's evidence is the heading.
        page, line = club
        prov.name, prov.persons, prov.owners = line.text.strip(), [], []
        prov.name_source = (page.url, line.text)
    return prov


def _seat_below_po_box(prov: Provider, site: Site) -> None:
    """"Postfach" / "Muster e.V." / "Postfach 12 34" / "12345 Stadt", then "Vereinsanschrift" / "Muster e.V." /
    "Ahornweg 7" / "12346 Stadt": the provider's mailing address first, its seat in a block of the same name below
    it on the same page. The street address is the seat (rules round 20)."""
    lines = prov.page.lines
    after = max(prov.line_indices, default=prov.address_line.index if prov.address_line is not None else 0)
    for k in range(after + 1, len(lines) - 2):
        if lines[k].text.strip() != prov.name or lines[k].scope not in (COMPANY, GENERAL_PARTNER):
            continue
        street_line, postal_line = lines[k + 1], lines[k + 2]
        street, _, _, _ = address_parts(street_line.text, site)
        _, postal, city, country = address_parts(postal_line.text, site)
        if street and postal and not _PO_BOX_RE.match(street_line.text) and postal_line.block == lines[k].block:
            prov.street, prov.postal_code, prov.city = street, postal, city
            prov.country = country or prov.country
            prov.address_line, prov.po_box = postal_line, False
        return


_CLUB_REGISTER_RE = re.compile(r"\bVR\s?\d{2,}|\bvereinsregister|\bZVR\b", re.I)
_STATUTES_NAME_RE = re.compile(r"\bf(?:ü|ue)hrt\s+den\s+Namen\s*[-:\u2013]?\s*[„\"»]?\s*"
                               r"(?P<name>[A-ZÄÖÜ0-9][^„\"“”«:;]{2,80}?\be\.\s?V\.)")


def _statutes_name(site: Site) -> tuple[ParsedPage, Line, str] | None:
    """The name a club's statutes give it ("§ 1 Der Verein führt den Namen „Muster Schützen e.V.“"), with its line."""
    for page in site.pages:
        for line in page.lines:
            if "Namen" in line.text and (m := _STATUTES_NAME_RE.search(line.text)) is not None:
                return page, line, m.group("name").strip()
    return None


def _copyright_person(site: Site) -> tuple[ParsedPage, Line, str] | None:
    """The one person the site's © lines name ("© 2024 Anna Muster"), with a page and line that print it."""
    found: dict[str, tuple[ParsedPage, Line, str]] = {}
    for page in site.pages:
        for line in page.lines:
            if len(line.text) > 120 or not COPYRIGHT_RE.match(line.text):
                continue
            holder = re.split(r"\s[|·•/\u2013—-]\s|,\s|\.\s|\s(?:all\s+rights|alle\s+rechte)\b",
                              COPYRIGHT_RE.sub("", line.text, count=1), maxsplit=1, flags=re.I)[0].strip(" .")
            if holder and person_line(holder, strict=False) == holder:
                found.setdefault(fold_name(holder), (page, line, holder))
    return next(iter(found.values())) if len(found) == 1 else None


def _find_provider(site: Site) -> Provider | None:
    pages = ordered_pages(site)
    for page in pages:
        if page.kind == "privacy":
            continue
        # The controller block of a privacy policy printed on the same page ("Hinweis zur verantwortlichen
        # Stelle") repeats the provider in a shorter form: the Impressum's own block comes first.
        privacy = _privacy_start(page)
        prov = _anchored_blocks(page, site, privacy)
        if prov is None and privacy is not None and _unanchored_block(page, site, privacy) is None:
            prov = _anchored_blocks(page, site)
        if prov is not None and _credible(prov, site):
            if page.kind == "impressum" and (not prov.has_address or (
                    not prov.legal_entity and not prov.street and _SITE_RUNNER_RE.search(_anchor_text(prov)))):
                # "Angaben gemäß § 5: Anna Muster, Inhaberin" and, further down, the trade name, the owner
                # and the seat: that later block is the complete statement of the same provider.
                full = _unanchored_block(page, site)
                if full is not None and (_same_people(prov, full) or (
                        full.legal_entity and full.line_indices and prov.line_indices
                        and max(full.line_indices) < min(prov.line_indices))):
                    # … or the top of the Impressum states a firm and its seat, and a later "Betreiber der Webseite:
                    # <person>" without an address names who runs the web site, not the provider (LABELLING.md v6)
                    return full
            if prov.owner_only and page.kind == "impressum":
                return _trade_name_at_same_seat(prov, page, site)
            if page.kind == "impressum" and (earlier := _top_block_of_same_owner(prov, page, site)) is not None:
                return earlier
            return prov
        if page.kind == "impressum":
            prov = _unanchored_block(page, site)
            if prov is not None:
                return prov
    for page in pages:
        if page.kind in ("contact", "home", "about"):
            start = 0
            for _ in range(_LETTERHEADS_PER_PAGE):
                # no Impressum: the page's letterheads in order (the content's, then the footer's, printed on every
                # page); a block that is not credible (a profile's caption after the channels) does not hide the next
                found = _unanchored_block(page, site, start=start)
                if found is None or not found.line_indices:
                    break
                prov = found if _credible(found, site) else _below_section_heading(found, site)
                if prov is not None and _credible(prov, site):
                    person = person_line(prov.name or "", strict=False)
                    if person is not None and person == prov.name and not prov.persons and not prov.legal_entity and (
                            _letterhead(prov)):
                        prov.persons = [person]  # the person's own letterhead: she runs the business under her name
                    return prov
                start = max(found.line_indices) + 1
    for page in pages:  # last: the controller named in the privacy policy ("Verantwortliche Stelle")
        if page.kind == "privacy":
            prov = _anchored_blocks(page, site)
            if prov is not None and prov.has_address and _credible(prov, site):
                return prov
    return None
