"""Representatives (Geschäftsführer, Inhaber, Vorstand, Directors …) and other named people."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .dom import COMPANY, GENERAL_PARTNER, Line, ParsedPage, is_menu_line
from .emails import email_from_href, emails_in_text
from .facts import Evidence, Person
from .legal import FORM_RE
from .names import (
    HONORIFIC_RE,
    LOWER,
    NON_NAME,
    POST_NOMINAL_RE,
    TITLE_TOKEN_RE,
    clean_person_name,
    fold_name,
    person_line,
)
from .notice import is_contact
from .phones import phone_hits_in_line
from .provider import ASSOCIATION_RE, Provider, couple_names, ordered_pages
from .site import Candidate, Site, make_candidate
from .textutil import snippet

# "Geschäfstführer", "Geschäftführer": a common transposition and a dropped "s" of the label
_G = r"gesch(?:ä|ae)f(?:ts|st|t)f(?:ü|ue)hr"
# Labels that introduce legal representatives. Generic English words (director, partner, owner,
# president) count only in "Label:" form; as bare words they are too often job titles.
_REP_LABEL_RE = re.compile(
    rf"""\b(?:
      vertretungsberechtigt(?:e[rn]?)?(?:\s+(?:{_G}er(?:in|innen)?|gesellschafter(?:in|innen)?|vorstand|person(?:en)?|
          partner(?:in|innen)?))?
    | {_G}ende[rn]?\s+gesellschafter(?:in|innen)?
    | {_G}er(?:in|innen)?(?:\s+der\s+komplement(?:ä|ae)r[\w-]*)?
    | {_G}ung | gesch(?:ä|ae)ftsleitung
    | (?:praxis|kanzlei|büro|buero|studio|salon|betriebs)?inhaber(?:in)? | inh\. | p(?:ä|ae)chter(?:in)?(?=\s*:)
    | berechtigt\s+durch\s+(?:den|die)\s+(?:partner(?:in|innen)?|gesellschafter(?:in|innen)?|{_G}er(?:in|innen)?)
    | vertreten\s+durch(?:\s+(?:den|die|das))?(?:\s+(?:{_G}er(?:in)?|[\w-]*vorstand|partner(?:in)?|
          gesellschafter(?:in)?))?
    | vertr\.\s*d\.\s*d\.(?:\s+[\w-]*vorstand)?  # "vertr. d.d. Altherrenvorstand": abbreviated, a compound board
    | vorstandsvorsitzende[rn]? | vorsitzende[rn]?\s+des\s+vorstand(?:e)?s | vorstand(?:smitglieder)?
    | \w+vorstand(?=\s*:)  # "Altherrenvorstand:", "Vereinsvorstand:": a compound board as a label (rules round 18)
    | (?:stellvertretende[rn]?|stellv\.)\s*vorsitzende[rn]?  # the deputy chair: the "2. Vorsitzende" by another name
    | ob(?:mann|frau)(?:-?stellvertreter(?:in)?)?  # an Austrian association's chair and deputy (LABELLING.md v3)
    | (?:1\.|2\.|erste[rn]?|zweite[rn]?)\s*vorsitzende[rn]?
    | vorsitzende[rn]?(?!\s+(?:des|der)\s+(?:aufsichtsrat|gesellschafterversammlung|beirat|verwaltungsrat|
          kuratorium|mitgliederversammlung|stiftungsrat))
    | schatzmeister(?:in)?
    # the chair by its office, "Vorsitz: Anna Muster" (LABELLING.md v12 Z), and an Austrian association's organs,
    # "Organschaftliche Vertreter:" over the names (v12 Y): the law's words for who represents the body
    | vorsitz(?=\s*:) | organschaftliche[rn]?\s+vertreter(?:in|innen)?
    | (?:is\s+)?a\s+trading\s+name\s+of | represented\s+by | authori[sz]ed\s+representatives?
    | gesellschafter(?:innen|in)?
    | (?:managing\s+|company\s+)?directors?(?=\s*:) | managing\s+directors?
    | partner(?:innen|in)?(?=\s*:) | owners?(?=\s*:) | proprietor(?=\s*:) | president(?=\s*:)
    # an association's president (LABELLING.md v6), not the chair of a company's supervisory board
    | (?<!-)pr(?:ä|ae)sident(?:in)?(?!\s+(?:des|der)\s+(?:verwaltungsrat|aufsichtsrat|stiftungsrat))
    | ceo(?=\s*:) | chief\s+executive\s+officer(?=\s*:)
    | (?:management|executive)\s+board(?=\s*(?:/[^:]{0,20})?:)
    )\b""",
    re.I | re.X,
)
_REP_HINTS = ("geschäftsf", "geschaeftsf", "geschäfstf", "geschäftf", "geschaeftf", "geschäftsl", "geschaeftsl",
              "inhaber", "inh.", "pächter",
              "paechter", "vertret", "vertr.", "vorstand", "vorsitz", "obmann", "obfrau",
              "schatzmeister", "represent", "gesellschafter", "director",
              "partner", "owner", "proprietor", "president", "präsident", "praesident", "ceo", "chief executive",
              "trading name",
              "berechtigt durch", "management board", "executive board")
# Roles next to a name on team pages that make the person a representative.
_REP_ROLE_RE = re.compile(
    rf"\b(?:{_G}er(?:in)?|{_G}ende|{_G}ung|inhaber(?:in)?|praxisinhaber(?:in)?|ceo|chief\s+executive|"
    r"managing\s+director|owner|president|vorstandsvorsitzende[rn]?|vorsitzende[rn]?\s+des\s+vorstand)",
    re.I,
)
_ROLE_RE = re.compile(
    r"\b(?:ob(?:mann|frau)\b|pr(?:ä|ae|e)sid(?:e|ä|ae)nt|geschäftsf|geschaeftsf|inhaber|praxisinhaber|partner|vorstand|vorsitz|leiter|leitung|head\b|chief|ceo\b|"
    r"cto\b|cfo\b|physiotherap|bilanzbuchhalt|pflegedienstleit|abteilungsleit|teamleit|niederlassungsleit|"
    r"coo\b|cio\b|co-founder|founder|gründer|mitgründer|director|manager|assist|sachbearb|berater|steuerfach|"
    r"steuerberat|rechtsanw|fachanw|architekt|therapeut|masseur|zahnärzt|ärzt|arzt\b|meister|malermeister|"
    r"dachdeckermeister|techniker|ingenieur|engineer|developer|entwickler|designer|vertrieb|sales|marketing|"
    r"buchhalt|rezeption|sekretariat|referent|personalreferent|prokurist|schatzmeister|jugendleit|kassier|azubi|"
    r"auszubild|consultant|lead\b|senior|junior|analyst|strateg|officer|vp\b|president|owner|success|fachwirt|"
    r"steuerfachwirt|fachfrau|fachmann|experte|expertin|steuerexpert|treuhand|trainee|accountant|payroll|"
    r"immobilienmakler|maklerin|makler)",
    re.I,
)
_PARENS_RE = re.compile(r"\((?!FH\))[^()]*\)")  # the innermost pair: "(anna(at)example.at)" holds "(at)"
_SPLIT_RE = re.compile(r",|;|\s[·|•]\s|\s+und\s+|\s+and\s+|\s+&\s+|\s+/\s+|\s+sowie\s+|\s+u\.\s+|\s+oder\s+")
# "… durch die Partner A, B oder C vertreten.": the verb closes the sentence after the last name
_VERB_TAIL_RE = re.compile(r"\s+(?:vertreten|represented)\W*$")
# In prose the name follows a verb or article: "Vorsitzende ist Birgit Haas", "durch den Geschäftsführer X".
_PROSE_LEAD_RE = re.compile(r"^.*\b(?:ist|sind|is|are|durch|den|die|der|von|of|by|wird|werden)\s+", re.I)



_FORM_WORDS = {"herr": "Herr", "herrn": "Herr", "hr.": "Herr", "mr": "Herr", "mr.": "Herr",
               "frau": "Frau", "fr.": "Frau", "mrs": "Frau", "mrs.": "Frau", "ms": "Frau", "ms.": "Frau"}
_FORM_BEFORE_RE = re.compile(r"(?:^|[\s:,;(/])(Herrn?|Frau|Hr\.|Fr\.|Mr\.?|Mrs\.?|Ms\.?)\s+((?:\S+\s+){0,3})$")


def form_of_address(text: str, name: str) -> Literal["Herr", "Frau"] | None:
    """"Herr"/"Frau" as the page prints it right before the person's name (academic titles may sit between:
    "Frau Dr. Anna Beispiel"); None when the page does not say."""
    tokens = [t for t in name.split() if not TITLE_TOKEN_RE.match(t)]
    if not tokens:
        return None
    for m in re.finditer(re.escape(tokens[0]), text):
        before = _FORM_BEFORE_RE.search(text[: m.start()])
        if before and all(TITLE_TOKEN_RE.match(t) for t in before.group(2).split()):
            return "Herr" if _FORM_WORDS[before.group(1).lower()] == "Herr" else "Frau"
    return None


def _with_form(person: Person, text: str, url: str) -> Person:
    form = form_of_address(text, person.name)
    if form is not None:
        person.form_of_address = form
        person.evidence = {**person.evidence, "form_of_address": Evidence(url=url, snippet=snippet(text))}
    return person


def name_core(name: str) -> str:
    return " ".join(t for t in name.split() if not TITLE_TOKEN_RE.match(t) and not HONORIFIC_RE.match(t)).casefold()


def _strip_parens(text: str) -> str:
    # "(FH)" belongs to a degree ("Dipl.-Ing. (FH)"); other parentheses hold roles: "(Vorsitzender)", or a mailbox
    # whose "@" is itself written in parentheses ("(anna(at)example.at)"): innermost pairs first, then the outer
    for _ in range(3):
        stripped = _PARENS_RE.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    return text


# "Georg und Maria Lindner": the first given name shares the surname that follows.
_SHARED_SURNAME_RE = re.compile(
    rf"\b([A-ZÄÖÜ][{LOWER}]+)\s+(und|and|&)\s+([A-ZÄÖÜ][{LOWER}]+)\s+([A-ZÄÖÜ][{LOWER}]+(?:-[A-ZÄÖÜ][{LOWER}]+)?)\b"
)


def _expand_shared_surname(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        first, conj, second, surname = m.groups()
        if first.lower() in NON_NAME or second.lower() in NON_NAME or surname.lower() in NON_NAME:
            return m.group(0)
        prev = m.string[: m.start()].rstrip().split(" ")[-1] if m.start() else ""
        if prev[:1].isupper() and not prev.endswith((":", ",")):
            return m.group(0)  # "Tom Hadley and Priya Desai": "Hadley" is a surname, not a lone given name
        return f"{first} {surname} {conj} {second} {surname}"

    return _SHARED_SURNAME_RE.sub(repl, text)


# An academic degree printed after the name ("Anna Muster, BSc", "Dr. Anna Muster (M. Sc.)", "…, LL.M. (Oxford)")
# or in brackets before it ("(B.Eng) Anna Muster") belongs to the name as printed (LABELLING.md v2 "What belongs to
# the name", v12 Z and X2: bracket included). The reader drops parentheses and splits at commas, so such a degree is
# put back from the line's text.
# … also "BBSc"/"BBsc" (an Austrian health professional's bachelor) and "EMBA" (rules round 17)
_DEGREE = (r"(?:[BM]\.?\s?(?:Sc|A|Eng|Ed)\.?|BB[Ss]c|E?MBA|MAS|LL\.?\s?M\.?|Ph\.?\s?D\.?|"
           r"Dipl\.-[\wäöü]+\.?(?:\s\(FH\))?)")
_DEGREE_AFTER_RE = re.compile(rf"^(\s*,?\s*(?:\({_DEGREE}\)|{_DEGREE}(?:\s\([A-Z][\w ]{{1,30}}\))?))(?=$|[\s,;])")
_DEGREE_BEFORE_RE = re.compile(rf"\(\s*{_DEGREE}\s*\)\s*$")


def _with_degrees(name: str, text: str) -> str:
    at = text.find(name)
    if at < 0:
        return name
    if (after := _DEGREE_AFTER_RE.match(text[at + len(name):])) is not None:
        name += after.group(1).rstrip()
    if (before := _DEGREE_BEFORE_RE.search(text[:at])) is not None:
        name = f"{before.group(0).strip()} {name}"
    return name


def _with_post_nominal(name: str, text: str) -> str:
    """The name with the degree printed after it, unless that degree is an academic title the scorer ignores."""
    full = _with_degrees(name, text)
    tail = full[len(name):] if full.startswith(name) else ""
    if not tail or all(TITLE_TOKEN_RE.match(t) for t in tail.strip(" ,").split()):
        return name
    return full


def names_in(text: str) -> list[str]:
    out: list[str] = []
    # "Inhaber: Anna und Ben Muster GbR": the partners a partnership's firm is made of are people
    text = _PARTNERSHIP_RE.sub("", text.rstrip(" .")) if _PARTNERSHIP_RE.search(text.rstrip(" .")) else text
    for piece in _SPLIT_RE.split(_expand_shared_surname(_strip_parens(text))):
        piece = _VERB_TAIL_RE.sub("", piece.split(":")[-1])
        name = clean_person_name(piece)
        if name is None and _PROSE_LEAD_RE.match(piece):
            name = clean_person_name(_PROSE_LEAD_RE.sub("", piece))
        if name:
            out.append(_with_degrees(name, text))
    return out


@dataclass
class RepHit:
    name: str
    role: str
    cand: Candidate


def _role_label(label: str) -> str:
    low = label.lower()
    if "inhaber" in low or low.startswith("inh"):
        return "Inhaber"
    if "chter" in low:
        return "Pächter"
    if "vorstand" in low or "board" in low or "vorsitz" in low or "schatzmeister" in low or "kassier" in low or (
            low.startswith("ob")) or "organschaft" in low:
        return "Vorstand"
    if "gesellschafter" in low:
        return "Gesellschafter"
    if "partner" in low:
        return "Partner"
    if "director" in low:
        return "Director"
    if "ceo" in low or "chief executive" in low:
        return "CEO"
    if "owner" in low or "proprietor" in low or "trading name" in low:
        return "Owner"
    if "president" in low or "sident" in low:
        return "President"
    return "Geschäftsführer"


def _label_hits(page: ParsedPage, idx: int) -> list[RepHit]:
    line = page.lines[idx]
    text = line.text
    matches = list(_REP_LABEL_RE.finditer(text))
    out: list[RepHit] = []
    for n, m in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        after = text[m.end() : end]
        if _SENTENCE_END_RE.match(after):
            continue  # "Direkter Draht zur Geschäftsführung. Aus Wien …": the sentence ends with the word
        if _TRADE_LICENCE_RE.search(text[: m.start()]):
            continue  # the "gewerberechtliche Geschäftsführer" answers for a trade licence, not for the firm (v7)
        role = _role_label(m.group(0))
        if role == "President" and person_line(after.strip(" :-\u2013")) is None and not re.search(
                r"[:\u2013-]", after):
            after = ""  # "Präsidentin Forum Beispiel" / "Anna Muster": the association's name, the person below
        # "Vorsitzender des Vereins" / the name below: the body the role belongs to is no name on the label's line
        after = _OF_BODY_RE.sub("", after)
        found = names_in(after)
        before = text[: m.start()]
        # "Der Vorstand" / the names one a line: the article opens the label, no sentence
        at_start = not re.search(r"[A-Za-zÄÖÜäöü]{2}", _LABEL_LEAD_RE.sub("", before))
        if not found and not at_start and not after.strip(" :.-\u2013)"):
            # "Beat Keller, Präsident … und Geschäftsführer": the name precedes the role.
            # "c/o Anna Muster, (1. Vorsitzende)": the post goes through her door, and the role is hers
            lead = re.sub(r"^\s*c/o\s+", "", before)
            first = clean_person_name(_strip_parens(re.split(r",|\s[\u2013—-]\s|\(", lead)[0]))
            found = [first] if first else []
        if not found and (initial := _INITIAL_NAME_RE.fullmatch(after)):
            found = [initial.group(1)]  # "Geschäftsführer: M. Muster": the label says a person follows
        if not found and at_start and not re.search(r"[A-Za-z]{3,}\s+[A-Z]", after.split(":")[-1]) and not (
                n + 1 < len(matches) and names_in(text[m.end():])):
            # the names sit on the next lines, unless a later label of the line has them ("Represented by the
            # managing directors: A, B")
            found = _following_names(page, idx)
        if not found and at_start and (not after.strip(" :,.-\u2013") or FORM_RE.search(after)):
            found = _name_above(page, idx)  # "Anna Muster" / "Geschäftsführerin, Muster AG"
        for name in found:
            out.append(RepHit(name, role, make_candidate(name, page.weight, page, text, m.start(), end)))
    return out


_OF_BODY_RE = re.compile(r"^\s*(?:des|der)\s+(?:vereins|gesellschaft|verbandes|verbands|clubs|klubs|stiftung)\b", re.I)
_LABEL_LEAD_RE = re.compile(r"^\s*(?:\d\.|[•\-\u2013])?\s*(?:(?:der|die|das)\s+)?", re.I)
_SENTENCE_END_RE = re.compile(r"\s*[.!?]\s+\S")
_TRADE_LICENCE_RE = re.compile(r"gewerberechtlich\w*\s*$", re.I)
_INITIAL_NAME_RE = re.compile(r"\s*[:\-\u2013]?\s*((?:Dr\.\s+)?[A-ZÄÖÜ]\.(?:\s?[A-ZÄÖÜ]\.)?\s?"
                              rf"[A-ZÄÖÜ][{LOWER}]+(?:-[A-ZÄÖÜ][{LOWER}]+)?)\s*\.?\s*")


def _name_above(page: ParsedPage, idx: int) -> list[str]:
    """A role line printed under a bare name gives that person the role ("Anna Muster" / "Geschäftsführerin")."""
    line = page.lines[idx]
    if idx == 0 or line.blank_before:
        return []
    prev = page.lines[idx - 1]
    if 1 <= prev.level <= 6 or prev.scope not in (COMPANY, GENERAL_PARTNER) or prev.block != line.block:
        return []
    person = person_line(prev.text, strict=False)
    return [person] if person else []


def _following_names(page: ParsedPage, idx: int) -> list[str]:
    out: list[str] = []
    card = 0  # the lines of one person's card after the name: a designation, a mailbox
    for j in range(idx + 1, min(idx + 14, len(page.lines))):
        nxt = page.lines[j]
        if j == idx + 1 and page.kind == "impressum" and 1 <= page.lines[idx].level < nxt.level <= 6 and (
                nxt.scope in (COMPANY, GENERAL_PARTNER)) and clean_person_name(nxt.text) == nxt.text.strip():
            # an Impressum's "Vertreten durch" set as a heading and the person as the smaller heading under it: a
            # label/value pair in a theme's heading styles (rules round 19; a club's board page prints its members
            # as headings of cards under a section heading, read as the team's)
            out.append(nxt.text.strip())
            continue
        if j == idx + 1 and page.kind == "impressum" and page.lines[idx].level == 0 and 1 <= nxt.level <= 6 and (
                nxt.scope in (COMPANY, GENERAL_PARTNER)) and (heading := _names_only(nxt.text)):
            # a plain label ("Geschäftsführer" as an accordion's or a table's caption) over the people set as a
            # heading ("<h3>Anna Muster, Ben Beispiel</h3>"): the heading holds names and nothing else (rules
            # round 20)
            out.extend(heading)
            continue
        if 1 <= nxt.level <= 6 or nxt.blank_before or nxt.scope not in (COMPANY, GENERAL_PARTNER):
            break
        first_piece = _SPLIT_RE.split(_strip_parens(nxt.text))[0]
        if clean_person_name(first_piece.split(":")[-1]) is None:
            if out and card < 2 and (_CARD_LINE_RE.search(nxt.text) or is_contact(nxt.text)) and len(nxt.text) <= 60:
                # "Geschäftsleitung" / "Urs Muster" / "dipl. Arch. ETH" / "um@muster.ch" / "Anna Beispiel" / …: each
                # member printed as a card, the next name after its lines (rules round 18)
                card += 1
                continue
            break
        card = 0
        out.extend(names_in(nxt.text))
    return out


def _names_only(text: str) -> list[str]:
    """The people a line lists when it lists nothing else ("Anna Muster, Ben Beispiel"); [] otherwise."""
    pieces = [p.strip() for p in _SPLIT_RE.split(text.strip(" ."))]
    names = [clean_person_name(p) for p in pieces]
    if not pieces or any(n is None or n != p for n, p in zip(names, pieces, strict=True)):
        return []
    return [n for n in names if n]


# A card's line under a person besides its contact lines: a degree or designation
_CARD_LINE_RE = re.compile(r"^(?:dipl\.|diplom|dr\.|prof\.|mag\.|master|bachelor)|"
                           r"\b(?:ETH|EPFL|FH|HTL|SIA|BA|MA|MSc|BSc|MBA|M\.A\.|B\.A\.)\b", re.I)


# "Muster (Verein in Gründung), vertreten durch Anna Muster, …": the controller a privacy policy names, and who
# represents it, in one clause (rules round 19)
_BODY_REPRESENTED_RE = re.compile(r"^(?P<body>[^,.:;]{3,80}),\s*(?:gesetzlich\s+)?"
                                  r"(?:vertreten\s+durch|represented\s+by)\s+(?P<rest>(?!(?:den|die|das|the)\s)[A-ZÄÖÜ].*)$")

# … or "Muster (Inh. Anna Muster)": the controller and its owner in a bracket
_BODY_OWNER_RE = re.compile(r"^(?P<body>[^(),.:;]{3,80}?)\s*\((?:Inh\.|Inhaber(?:in)?:?)\s*(?P<rest>[^()]{3,60})\)\W*$")


def controller_representatives(site: Site, name: str | None) -> list[RepHit]:
    """The provider's own privacy policy names it as the controller "represented by" a person: a representing role
    on a page of the provider (LABELLING.md v11 W), read only when the clause names the provider itself (a service's
    controller, "… Ireland Limited, vertreten durch …", is another body)."""
    if not name:
        return []
    own = fold_name(_strip_parens(name)).strip()
    hits: list[RepHit] = []
    name_words = {fold_name(w) for w in re.findall(r"[\w-]+", name)}
    for page in site.pages:
        if page.kind != "privacy":
            continue
        for k, line in enumerate(page.lines):
            if line.scope != COMPANY:
                continue
            nxt = page.lines[k + 1] if k + 1 < len(page.lines) else None
            if fold_name(line.text).strip() == own and nxt is not None and nxt.scope == COMPANY and (
                    person := clean_person_name(nxt.text)) == nxt.text.strip() and (
                    fold_name(person.split()[-1]) in name_words) and not FORM_RE.search(name):
                # the controller block "Ferienwohnung Muster" / "Anna Muster" / the seat: the person under a trade
                # name that carries her surname is its owner (LABELLING.md v11 W, v18 EA)
                hits.append(RepHit(person, "Inhaber", make_candidate(person, page.weight, page, nxt.text)))
                continue
            if (m := _BODY_REPRESENTED_RE.match(line.text) or _BODY_OWNER_RE.match(line.text)) is None:
                continue
            if fold_name(_strip_parens(m.group("body"))).strip() != own:
                continue
            for person in names_in(m.group("rest").split(",")[0]):
                hits.append(RepHit(person, "Vertreter", make_candidate(person, page.weight, page, line.text)))
    return hits


def label_representatives(site: Site, pages: list[ParsedPage], *, colon_only: bool) -> list[RepHit]:
    hits: list[RepHit] = []
    for page in pages:
        for idx, line in enumerate(page.lines):
            if line.scope not in (COMPANY, GENERAL_PARTNER) or line.region == "nav":
                continue
            low = line.text.lower()
            if not any(h in low for h in _REP_HINTS) or not _REP_LABEL_RE.search(line.text) or is_menu_line(line):
                continue  # (a footer menu's "Vorstand" is a page title: the next link is no board member)
            if colon_only and ":" not in line.text and not (1 <= line.level <= 7) and not _TRADING_RE.search(line.text):
                bare = _REP_LABEL_RE.fullmatch(line.text.strip(" \t-\u2013|·"))
                nxt = page.lines[idx + 1] if idx + 1 < len(page.lines) else None
                prev = page.lines[idx - 1].text if idx else ""
                name = clean_person_name(nxt.text) if bare and nxt is not None and nxt.scope == line.scope and (
                    clean_person_name(prev) is None) else None
                if name:  # "Geschäftsleitung" on a line of its own, the person right under it (not a card's role)
                    role = _role_label(bare.group(0)) if bare else ""
                    hits.append(RepHit(name, role, make_candidate(name, page.weight, page, nxt.text if nxt else "")))
                continue
            hits.extend(_label_hits(page, idx))
    return hits


def team_persons(site: Site) -> list[tuple[Person, float]]:
    """People on team/about/contact pages: name + role, with e-mail/phone printed in the same card."""
    out: list[tuple[Person, float]] = []
    regions = [site.region, "DE", "AT", "CH"] if site.region in ("DE", "AT", "CH") else [site.region]
    for page in site.pages:
        if page.kind not in ("team", "about", "contact", "home", "other", "impressum"):
            continue
        lines = page.lines
        # A person card needs a role word on its own line or the next one; checking that first keeps
        # this linear and cheap on long pages.
        role_flags = [len(ln.text) <= 120 and bool(_ROLE_RE.search(ln.text)) for ln in lines] + [False, False]
        chair_flags = [len(ln.text) <= 30 and bool(_CHAIR_RE.search(ln.text)) for ln in lines] + [False, False, False]
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.scope != COMPANY or line.region == "nav" or not (role_flags[i] or role_flags[i + 1] or (
                    chair_flags[i + 2])):
                i += 1
                continue
            person = _person_at(lines, i)
            if person is None:
                i += 1
                continue
            name, role, consumed = person
            email = phone = None
            j = i
            while j < min(i + consumed + 3, len(lines)):
                if j > i + consumed - 1 and (role_flags[j] or role_flags[j + 1]) and _person_at(lines, j) is not None:
                    break
                cur = lines[j]
                for e, _, _ in emails_in_text(cur.text):
                    email = email or e
                for link in cur.links:
                    email = email or email_from_href(link.href)
                if phone is None:
                    hits = [h for h in phone_hits_in_line(cur, None, regions) if h[1] == "tel"]
                    phone = hits[0][0] if hits else None
                j += 1
            card = Person(name=name, role=role, email=email, phone=phone, source_url=page.url)
            out.append((_with_form(card, line.text, page.url), page.weight))
            i += max(consumed, 1)
    return out


def _person_at(lines: list[Line], i: int) -> tuple[str, str, int] | None:
    line = lines[i]
    text = line.text
    if len(text) > 120:  # cards are short; long lines are prose
        return None
    # "Name, Role" / "Name - Role" / "Name (Role)" / table row "Role | Name | mail"
    parts = [p.strip() for p in re.split(r"\s\|\s|\s[\u2013—-]\s|,\s|\s·\s", text) if p.strip()]
    if len(parts) >= 2:
        for k, part in enumerate(parts):
            name = clean_person_name(_strip_parens(part))
            others = [p for j, p in enumerate(parts) if j != k]
            role = next((p for p in others if _ROLE_RE.search(p) and "@" not in p), None)
            if name and role:
                return name, role, 1
    m = re.match(r"^(.{3,60}?)\s*\(([^)]{2,60})\)$", text)
    if m and _ROLE_RE.search(m.group(2)):
        name = clean_person_name(m.group(1))
        if name:
            return name, m.group(2), 1
    name = clean_person_name(text) if len(text) <= 50 else None
    if name is None and len(text) <= 60 and (bare := _without_degrees(text)) != text:
        name = clean_person_name(bare)  # "Anna Muster DDS, M.Sc. (Parodontologie)" / "Zahnärztin & Praxisinhaberin"
    if name and i + 1 < len(lines):
        nxt = lines[i + 1].text
        # a line that starts with a role word is the role even when it has a name's shape ("Obmann Stv.")
        if _ROLE_RE.search(nxt) and len(nxt) <= 120 and (clean_person_name(nxt.split(",")[0]) is None or (
                _ROLE_RE.match(nxt))):
            return name, nxt, 2
        after = lines[i + 2].text if i + 2 < len(lines) else ""
        if len(after) <= 30 and _CHAIR_RE.search(after) and clean_person_name(nxt) is None:
            return name, after, 3  # "Anna Muster" / "Sie führt den Verein" / "1. Vorsitzende"
    if name is None and len(text) <= 40 and _CHAIR_RE.search(text) and i + 1 < len(lines) and not any(
            clean_person_name(lines[k].text) for k in range(max(0, i - 2), i) if len(lines[k].text) <= 50):
        below = lines[i + 1].text
        if (person := clean_person_name(below) if len(below) <= 50 else None) is not None:
            return person, text, 2  # "Die Präsidentin des Vereins" / "Anna Muster": the role above the name
    return None


def _without_degrees(text: str) -> str:
    """The name without the degrees printed after it ("Anna Muster DDS, M.Sc. (Parodontologie)", "…, BSc")."""
    words_ = _strip_parens(text).replace(",", " ").split()
    while len(words_) > 2 and POST_NOMINAL_RE.match(words_[-1]):
        words_.pop()
    return " ".join(words_)


# The chair of an association (not a deputy, a vice or a co-chair): Obmann/Obfrau, 1. Vorsitzende(r), Präsident(in).
_CHAIR_RE = re.compile(r"(?<![\w.-])(?<!2\.\s)(?<!stellv\.\s)"
                       r"(?:ob(?:mann|frau)|(?:1\.\s*|erste[rn]?\s+)?vorsitzende[rn]?|pr(?:ä|ae|e)sid(?:e|ä|ae)nt(?:in)?)\b(?!\s+(?:des|der)\s+(?:verwaltungsrat|aufsichtsrat|"
                       r"stiftungsrat|beirat))", re.I)
# The chair's deputy or a joint chair: "2. Vorsitzende", "2. Vorstand", "stellv. Vorsitzender", "Obmann Stv.",
# "Obfrau-Stellvertreterin", "Co-Präsidentin" — with the chair, the board that represents a club whose provider block
# names nobody (LABELLING.md v3 B, v8 K); a treasurer, a secretary or a vice-president of a section are not.
_DEPUTY_CHAIR_RE = re.compile(r"(?<![\w.-])(?:(?:2\.|zweite[rn]?)\s*(?:vorsitzende[rn]?|vorstand|vorständin)|"
                              r"(?:stellv\.|stellvertretende[rn]?)\s*vorsitzende[rn]?|"
                              r"ob(?:mann|frau)[\s-]*(?:stv\.?|stellvertreter(?:in)?)|co-?pr(?:ä|ae)sident(?:in)?)"
                              r"(?![\w-])", re.I)


_OWNER_ROLE_RE = re.compile(r"\b(?:inhaber(?:in)?|praxisinhaber(?:in)?|owner)\b", re.I)
_TRADING_RE = re.compile(r"\btrading\s+name\s+of\b", re.I)
_NON_REP_DIRECTOR_RE = re.compile(
    r"\b(?:creative|art|design|technical|finance|financial|sales|marketing|account|operations|program|project|"
    r"music|film|studio|brand|content|it|hr|medical|clinical|musical|research)\s+director|director\s+of\b|"
    r"\bnon-executive\b",
    re.I,
)


def is_rep_role(role: str) -> bool:
    if re.search(r"gewerberechtlich", role, re.I):
        return False  # answers for the trade licence under the GewO, represents nobody (LABELLING.md v7)
    if _REP_ROLE_RE.search(role):
        return True
    # A UK/US "Director" is an officer of the company; a "Creative Director" is a job title.
    return bool(re.search(r"\bdirectors?\b", role, re.I)) and not _NON_REP_DIRECTOR_RE.search(role)


def _provider_hits(site: Site, provider: Provider | None, labelled: list[RepHit]) -> list[RepHit]:
    """A sole proprietorship is represented by its owner: the "Inhaber" of the block, the person the block
    names (bare, with a profession, or inside the trade name), or the person responsible for the content
    when the trade name carries that person's surname."""
    if provider is None:
        return []
    snip = provider.name_line.text if provider.name_line else ""

    def line_of(name: str) -> str:
        """The block's line that prints the person (the evidence, and where "Herr"/"Frau" would be)."""
        surname = name.rsplit(maxsplit=1)[-1]
        for idx in sorted(provider.line_indices):
            text = provider.page.lines[idx].text
            if surname in text:
                return text
        return snip

    out = [RepHit(n, "Inhaber", make_candidate(n, 5.0, provider.page, line_of(n))) for n in provider.owners]
    if provider.legal_entity:
        if not out and not labelled and provider.name and _PARTNERSHIP_RE.search(provider.name):
            # "Anna Muster & Ben Beispiel GbR": the partners named in the firm represent it
            for piece in _SPLIT_RE.split(_PARTNERSHIP_RE.sub("", provider.name)):
                person = person_line(piece)
                if person:
                    out.append(RepHit(person, "Gesellschafter", make_candidate(person, 4.0, provider.page, snip)))
            above = [provider.page.lines[i].text.strip(" .") for i in sorted(provider.line_indices)
                     if provider.name_line is not None and i < provider.name_line.index]
            if not out and (provider.lines_below or above):
                # "Muster & Beispiel Malerei GbR" / "Anna Muster - Ben Beispiel": the partners printed under the
                # firm of a partnership are its representatives (a GmbH's bare names are not); the block may print
                # them above the firm as well ("Anna Muster & Ben Beispiel" / "Farn Bau GbR")
                # "(handelnd unter dem Namen …)" between the firm and its partners says what it trades as
                below = [t for t in provider.lines_below if not _TRADING_NOTE_RE.match(t)] or above[-1:]
                # "Angela und Peter Oppermann" above the GbR: a couple sharing the surname printed once (round 18)
                pieces = (couple_names(below[0]) or _PARTNER_SPLIT_RE.split(below[0])) if below else []
                if len(pieces) == 1 and len(below) >= 2 and all(person_line(t, strict=False) for t in below[:4]):
                    pieces = below[:4]  # the partners one a line ("Anna Muster" / "Ben Beispiel"): each of them
                firm = fold_name(provider.name)
                people = [p for piece in pieces if (p := person_line(piece.strip(), strict=False) or (
                    # "Karim & Beispiel GbR" / "Yusuf Karim & Eva Beispiel": the firm spells the partner's surname
                    # (a surname that is also a given name)
                    (c := clean_person_name(piece.strip())) and fold_name(c.split()[-1]) in firm and c))]
                if people and len(people) == len(pieces):
                    out = [RepHit(p, "Gesellschafter", make_candidate(p, 4.0, provider.page, line_of(p)))
                           for p in people]
        return out
    if not out:  # an explicit "Inhaber" says who the person behind the trade name is
        # The persons read from the name line's shape alone: when a label on the block's own page names the
        # representatives, only those it names ("Santa Anna Floristik" / "Vertretungsberechtigt: Berta Muster": the
        # label says who); the block's spelling of them comes first
        said = {person_key(h.name) for h in labelled if h.cand.url == provider.page.url}
        # the block's person keeps a degree printed after the name ("Anna Muster, BSc") as a label's name does
        # (LABELLING.md: names as printed; rules round 17, three sole practitioners); an academic title the guide
        # ignores ("MSc.", "Mag.") is left off, not printed as a dangling ", MSc."
        out = [RepHit(_with_post_nominal(p, line_of(p)), "Inhaber",
                      make_candidate(p, 5.0, provider.page, line_of(p)))
               for p in provider.persons if not said or person_key(p) in said]
    if out or labelled or not provider.name:
        return out
    trade = fold_name(provider.name)
    for page, line, name in responsible_persons(site):
        if fold_name(name.split()[-1]) in trade:
            out.append(RepHit(name, "Inhaber", make_candidate(name, 3.0, page, line.text)))
            break
    return out


_TRADING_NOTE_RE = re.compile(r"^\(.*\)$|^(?:handelnd|firmierend|t(?:ä|ae)tig|trading)\s+(?:unter|als|as)\b", re.I)
_PARTNER_SPLIT_RE = re.compile(r"\s[-\u2013—/&+]\s|\s(?:und|and)\s|,\s")
_PARTNERSHIP_RE = re.compile(r"\s*\b(?:GbR|OHG|oHG|OG|PartG(?:\s?mbB)?)\s*$")
_RESPONSIBLE_RE = re.compile(r"verantwortlich|responsible\s+(?:for|person)", re.I)


def responsible_persons(site: Site) -> list[tuple[ParsedPage, Line, str]]:
    """People named as responsible for the content (§ 18 MStV / § 55 RStV) on the legal pages."""
    out: list[tuple[ParsedPage, Line, str]] = []
    for page in site.pages:
        if page.kind != "impressum":
            continue
        for idx, line in enumerate(page.lines):
            if len(line.text) > 160 or not _RESPONSIBLE_RE.search(line.text):
                continue
            after = line.text.split(":", 1)[1] if ":" in line.text else ""
            found = names_in(after) if after.strip() else _following_names(page, idx)[:1]
            out.extend((page, line, n) for n in found[:1])
    return out


_ZVR_RE = re.compile(r"\bZVR\b")


def _labelled_association(provider: Provider | None) -> bool:
    """The block says it is a club without the word in its name: "Verein" as the name line's label (heading or
    "Verein:") or an Austrian association register number (ZVR) on the block's page ("TUS Muster" / "ZVR: …")."""
    if provider is None or provider.name_line is None or provider.legal_entity:
        return False
    lines = provider.page.lines
    k = provider.name_line.index
    label = lines[k - 1].text.strip(" :").lower() if k >= 1 else ""
    return label in ("verein", "club", "association") or any(_ZVR_RE.search(ln.text) for ln in lines)


def _of_another_firm(role: str, provider_name: str | None) -> bool:
    """The role names a firm by its legal form ("Inhaber Beispiel & Partner GmbH") that is not the provider: the
    person represents someone else (a customer quoted on the page, a partner firm), not the provider
    (LABELLING.md: names in other blocks are never the provider's)."""
    m = FORM_RE.search(role)
    if m is None:
        return False
    firm = fold_name(role[: m.end()])
    own = [t for t in fold_name(FORM_RE.sub(" ", provider_name or "")).split() if len(t) >= 4]
    return bool(own) and not any(t in firm for t in own)


def person_key(name: str) -> str:
    """One key for the spellings of one person: folded, without titles, in any order ("Korda Anna" = "Anna Korda")."""
    # a degree after a comma or in brackets ("Anna Muster, BSc", "(B.Eng) Anna Muster") is no other person
    return " ".join(sorted(fold_name(name_core(re.sub(r"\([^()]*\)|,.*$", " ", name))).split()))


def choose_representatives(site: Site, provider: Provider | None = None, name: str | None = None,
                           ) -> tuple[list[Candidate], list[Person]]:
    impressum = [p for p in ordered_pages(site) if p.kind == "impressum"]
    others = [p for p in site.pages if p.kind not in ("impressum", "privacy")]
    tiers = [
        label_representatives(site, impressum, colon_only=False),
        label_representatives(site, others, colon_only=True),
        controller_representatives(site, name),
    ]
    persons_scored = team_persons(site)
    labelled: list[RepHit] = next((t for t in tiers if t), [])
    reps = _provider_hits(site, provider, labelled) + labelled
    entity = provider is not None and provider.legal_entity
    # an association whose Impressum names nobody: its chair on the board, team or contact page represents it
    # (LABELLING.md v3/v6: Obmann/Obfrau, 1. Vorsitzender, Präsident/in of the club)
    association = bool(ASSOCIATION_RE.search(name or (provider.name if provider is not None else None) or "")) or (
        _labelled_association(provider))
    if not reps:
        for person, weight in persons_scored:
            if entity and person.role and _OWNER_ROLE_RE.search(person.role) and not re.search(
                    rf"{_G}|ceo|managing|vorstand", person.role, re.I):
                continue  # an "Inhaberin" on the team page of a GmbH is a shareholder (LABELLING.md)
            if person.role and _of_another_firm(person.role, name or (provider.name if provider else None)):
                continue  # "Anna Muster, Inhaberin Beispiel & Partner GmbH" under a testimonial: a customer's role
            if person.role and (is_rep_role(person.role) or (association and (
                    _CHAIR_RE.search(person.role) or _DEPUTY_CHAIR_RE.search(person.role)))):
                cand = Candidate(value=person.name, score=weight, url=person.source_url or "", snippet=person.role)
                reps.append(RepHit(person.name, person.role, cand))
    seen: dict[str, int] = {}
    result: list[Candidate] = []
    roles: dict[str, str] = {}
    for hit in reps:
        # "Jürgen" on the German page is "Jurgen" on the English one; "Korda Anna" on the team page is "Anna Korda"
        core = person_key(hit.name)
        if core in seen:
            prev = result[seen[core]]
            if len(hit.name) > len(prev.value):  # keep the variant with titles
                prev.value = hit.name
            continue
        seen[core] = len(result)
        result.append(hit.cand)
        hit.cand.value = hit.name
        roles[core] = hit.role
    persons: list[Person] = []
    person_idx: dict[str, int] = {}
    for cand in result:
        core = person_key(cand.value)
        person_idx[core] = len(persons)
        persons.append(_with_form(Person(name=cand.value, role=roles.get(core), source_url=cand.url), cand.snippet,
                                  cand.url))
    for person, _ in persons_scored:
        core = person_key(person.name)
        if core in person_idx:
            existing = persons[person_idx[core]]
            existing.email = existing.email or person.email
            existing.phone = existing.phone or person.phone
            if existing.form_of_address is None and person.form_of_address is not None:
                existing.form_of_address = person.form_of_address
                existing.evidence = {**existing.evidence, **person.evidence}
            continue
        person_idx[core] = len(persons)
        persons.append(person)
    return result, persons
