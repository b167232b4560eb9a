"""Legal forms and the company's legal name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .dom import COMPANY, LABEL_LEVEL, Line, ParsedPage, is_nav_line
from .names import person_line
from .site import Candidate, Site, best, make_candidate
from .textutil import alnum_tokens, words

# (normalised form, pattern) — longest first so "GmbH & Co. KG" wins over "GmbH" and "KG".
_FORMS: tuple[tuple[str, str], ...] = (
    ("GmbH & Co. KGaA", r"GmbH\s*(?:&|\+|und|u\.)\s*Co\.?\s*KGaA"),
    ("GmbH & Co. KG", r"GmbH\s*(?:&|\+|und|u\.)\s*Co\.?\s*KG"),
    ("UG (haftungsbeschränkt) & Co. KG", r"UG\s*\(\s*haftungsbeschr(?:ä|ae)nkt\s*\)\s*(?:&|\+|und)\s*Co\.?\s*KG"),
    ("AG & Co. KG", r"AG\s*(?:&|\+|und)\s*Co\.?\s*KG"),
    ("SE & Co. KG", r"SE\s*(?:&|\+|und)\s*Co\.?\s*KG"),
    # the non-profit entrepreneurial company: "gUG (haftungsbeschränkt)", the statutory bracket part of the form
    ("gUG (haftungsbeschränkt)", r"gUG\s*\(\s*haftungsbeschr(?:ä|ae)nkt\s*\)"),
    ("UG (haftungsbeschränkt)", r"UG\s*\(\s*haftungsbeschr(?:ä|ae)nkt\s*\)"),
    ("gGmbH", r"gGmbH"),
    # the Austrian flexible capital company (FlexKapGG 2024), a company with an FN like a GmbH (LABELLING.md v6)
    ("FlexCo", r"FlexCo|FlexKapG|Flexible\s+Kapitalgesellschaft"),
    ("GmbH", r"GmbH|(?i:gmbh)|Ges\.\s?m\.\s?b\.\s?H\.|GesmbH|Ges\.m\.b\.H|Gesellschaft\s+m\.\s?b\.\s?H\.|"
             r"Gesellschaft\s+mit\s+beschr(?:ä|ae)nkter\s+Haftung|mbH"),
    ("PartG mbB", r"PartG\s?mbB|Partnerschaft(?:sgesellschaft)?\s+mbB|Partnerschaftsgesellschaft\s+mit\s+"
                  r"beschr(?:ä|ae)nkter\s+Berufshaftung"),
    ("PartG", r"PartG|Partnerschaftsgesellschaft"),
    ("KGaA", r"KGaA"),
    ("AG", r"AG|Aktiengesellschaft"),
    ("SE", r"SE"),
    ("KG", r"KG|Kommanditgesellschaft"),
    ("OHG", r"OHG|oHG|offene\s+Handelsgesellschaft"),
    ("OG", r"OG"),
    ("GbR", r"GbR|Gesellschaft\s+b(?:ü|ue)rgerlichen\s+Rechts"),
    ("e.K.", r"e\.\s?K(?:fm|fr)?\.|e\.\s?K\b|eingetragene[rs]?\s+Kauf(?:mann|frau)"),
    ("e.U.", r"e\.\s?U\.?"),
    ("e.V.", r"e\.\s?V\.?|(?i:e\.\s?v\.)"),
    ("eG", r"eG|e\.\s?G\."),
    ("Ltd", r"Ltd\.?|Limited"),
    ("PLC", r"PLC|plc"),
    ("LLP", r"LLP"),
    ("LLC", r"LLC|L\.L\.C\."),
    ("Inc.", r"Inc\.?|Incorporated"),
    ("Corp.", r"Corp\.?|Corporation"),
    ("Sàrl", r"S(?:à|a)rl|S\.à\s?r\.l\."),
    ("SA", r"SA"),
)
_FORM_RES = tuple((norm, re.compile(rf"(?:{pat})", re.I if norm.startswith(("Gesell",)) else 0))
                  for norm, pat in _FORMS)
FORM_RE = re.compile(
    r"(?:(?<=[\s,-])|^)(?P<form>" + "|".join(f"(?:{pat})" for _, pat in _FORMS) + r")(?=$|[\s,.;:|)·•\u2013/!]|-\s)"
)
_AT_ONLY = frozenset({"OG"})
# Forms of a registered sole trader: the firm's name contains the owner, who is its representative.
SOLE_FORMS = frozenset({"e.K.", "e.U.", "Einzelunternehmen", "sole trader"})  # "3. OG" is a floor in German addresses
_YEAR_RE = re.compile(r"^(?:©|(?:19|20)\d{2}(?:[-\u2013](?:19|20)?\d{2})?)$")
_CONNECTORS = words("& + und and für fuer zur zum am an der die das des im in of the von van de la du et")
# Article or label words that precede a name without a colon ("Anbieter SeeSoft GmbH" from label/value spans).
_ARTICLES = words("die der das the firma anbieter anbieterin betreiber betreiberin herausgeber herausgeberin "
                  "diensteanbieter medieninhaber unternehmen company operator")
_DEFINITE = words("die der das the")
_STOP_TOKENS = words(
    "ist sind wird wurde werden hat haben is are was were wir we our unser unsere ihre sie ein eine mit "
    "durch bei unter über ueber vom gemäß gem. laut sowie oder"
)
_LEAD_LABEL_RE = re.compile(
    r"^(?:(?:eingetragener\s+)?firm(?:a|enname)|anbieter|betreiber(?:in)?|herausgeber(?:in)?|name|company|"
    r"unternehmen|diensteanbieter|legal\s+name|registered\s+name)\s*:\s*", re.I)
# "Copyright © 2023 - Anna Muster", "© 2024 | Muster Bau": a dash or bar between the year and the holder is no part
# of the holder (rules round 17: "- Anna Muster" was chosen as a name)
COPYRIGHT_RE = re.compile(r"^(?:©|\(c\)|copyright(?:\s*©)?)\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?)?"
                          r"(?:(?<=\d)\s*[-\u2013\u2014|·•:]\s+)?\s*(?:by\s+)?", re.I)
_SEG_SPLIT_RE = re.compile(r"\s[|·•]\s|\s[\u2013—]\s|\s\|\s|;\s")
_RECHTSFORM_RE = re.compile(r"\b(?:rechtsform|legal\s+form)\s*:\s*([^,;|]+)", re.I)
_OWNER_RE = re.compile(r"\b(?:inhaber(?:in)?|inh\.|praxisinhaber(?:in)?)\b", re.I)
_SOLE_TRADER_RE = re.compile(r"\bsole\s+(?:trader|proprietor(?:ship)?)\b|\btrading\s+as\b", re.I)


def normalise_form(text: str) -> str | None:
    text = text.strip()
    low = text.lower()
    if "einzelfirma" in low or "einzelunternehm" in low:
        return "e.U." if "eingetragen" in low else "Einzelunternehmen"
    if "sole trader" in low or "sole proprietor" in low:
        return "sole trader"
    for norm, rx in _FORM_RES:
        if rx.fullmatch(text):
            return norm
    m = FORM_RE.search(text)
    return form_of(m.group("form")) if m else None


def form_of(form_text: str) -> str:
    for norm, rx in _FORM_RES:
        if rx.fullmatch(form_text):
            return norm
    return form_text


@dataclass
class Entity:
    name: str  # as printed, incl. legal form
    form: str  # normalised legal form
    start: int
    end: int
    at_start: bool  # the name opens its segment (not buried in a sentence)


def _is_name_token(tok: str) -> bool:
    if tok.lower() in _CONNECTORS:
        return True
    if tok.endswith(":") or tok in ("|", "·", "•", "\u2013", "—"):
        return False
    first = tok.lstrip("(\"'„“")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


# Literal fragments of every legal form: `in` checks are far cheaper than the big FORM_RE on prose lines.
_FORM_HINTS = ("GmbH", "mbH", "gmbh", "GMBH", "Gmbh",
               "AG", "SE", "KG", "OHG", "oHG", "OG", "GbR", "e.", "eG", "Ltd", "Limited", "PLC", "plc",
               "LLP", "LLC", "L.L.C", "Inc", "Corp", "Sàrl", "Sarl", "S.à", "SA", "PartG", "esellschaft",
               "artnerschaft", "Kaufmann", "Kauffrau", "UG", "Ges", "Flex")


_IN_FOUNDATION_RE = re.compile(r"\s*(?:i\.\s?G(?:r)?\.|in\s+Gr(?:ü|ue)ndung\b)")


def find_entities(text: str, country: str = "DE") -> list[Entity]:
    out: list[Entity] = []
    if not any(h in text for h in _FORM_HINTS):
        return out
    for m in FORM_RE.finditer(text):
        form = form_of(m.group("form"))
        if form in _AT_ONLY and country != "AT":
            continue
        head = text[: m.start()]
        hyphen = head.endswith("-")
        head_stripped = head.rstrip(" ,") if not hyphen else head
        tokens = head_stripped.split(" ")
        run: list[str] = []
        for tok in reversed(tokens):
            if not tok:
                break
            if not _is_name_token(tok) or tok.lower() in _STOP_TOKENS or len(run) >= 8 or tok.endswith(","):
                break
            run.append(tok)
        run.reverse()
        while run and (run[0].lower() in _CONNECTORS or run[0].lower() in _ARTICLES or _YEAR_RE.match(run[0])):
            run.pop(0)
        if not run:
            continue
        if form in ("OG", "SA", "SE", "AG") and re.fullmatch(r"\d+\.?", run[-1]):
            continue  # "3. OG" is a floor, not an Austrian partnership
        prefix = " ".join(run)
        start = head_stripped.rfind(prefix)
        if start < 0:
            continue
        end = m.end()
        if pending := _IN_FOUNDATION_RE.match(text, end):
            end = pending.end()  # "e.V. i.G.", "GmbH i. Gr.": the name keeps the suffix as printed (LABELLING.md v4)
        name = text[start:end].strip()
        before = text[:start]
        before_clean = COPYRIGHT_RE.sub("", _LEAD_LABEL_RE.sub("", before.strip()))
        at_start = before_clean == "" or before.rstrip().endswith((":", "|", "·", "•", "\u2013"))
        if re.search(r"(?i)\b(?:die|der|das|the)\s*$", before):
            at_start = False
        elif before.strip() and all(w.lower() in _ARTICLES - _DEFINITE for w in before.split()):
            at_start = True  # "Anbieter SeeSoft GmbH": a colon-less label, not a sentence
        out.append(Entity(name=name, form=form, start=start, end=end, at_start=at_start))
    return out


def _segments(text: str) -> list[tuple[str, int]]:
    segs: list[tuple[str, int]] = []
    pos = 0
    for piece in _SEG_SPLIT_RE.split(text):
        idx = text.find(piece, pos)
        segs.append((piece, idx))
        pos = idx + len(piece)
    return segs


def _domain_bonus(name: str, site: Site) -> float:
    if not site.domain_label:
        return 0.0
    label = site.domain_label.replace("-", "")
    toks = [t for t in alnum_tokens(name) if len(t) >= 4 and t not in ("gmbh", "kg", "ltd", "inc", "co")]
    return 2.0 if any(t in label for t in toks) else 0.0


@dataclass
class NameResult:
    name: Candidate | None
    form: Candidate | None


_TRADING_NAME_RE = re.compile(
    r"^(?P<name>[A-Z0-9][\w&'\u2019. -]{1,60}?)\s+is\s+(?:a|the)\s+trading\s+(?:name|style)\s+of\b"
    r"|\btrading\s+as\s+[\"“']?(?P<name2>[A-Z0-9][\w&'\u2019. -]{1,60}?)[\"”']?(?=[,.;]|$)",
)


# A vendor the site uses, named in running text ("Für das Teilen nutzen wir Muster Cloud (Muster Ltd, …)", "we use …")
# or, in a privacy policy, after its role ("Dienstanbieter: Muster Fonts, Inc."): a third party, never the provider
# (LABELLING.md, privacy-policy vendors; rules round 16).
_VENDOR_CONTEXT_RE = re.compile(r"\b(?:nutzen|verwenden|benutzen|setzen)\s+wir\b|\b(?:nutzt|verwendet|benutzt)\b|"
                                r"\bwe\s+use\b|\b(?:uses|utilises|utilizes)\b|drittanbieter|third[-\s]party|"
                                r"auftragsverarbeiter|\bprocessor\b|(?:bereitgestellt|betrieben)\s+(?:von|durch)|"
                                r"\b(?:provided|operated)\s+by\b", re.I)
_VENDOR_ROLE_RE = re.compile(r"\b(?:dienst|dienste|service)?anbieter(?:in)?\b|\bprovider\b|dienstleister|hersteller",
                             re.I)


# The platforms whose legal names every privacy policy prints ("Google LLC, USA" as a table cell, with no verb that
# names it a vendor): never a small business's own name unless the site is theirs (rules round 17: "Google LLC" was
# chosen as a sole trader's name).
_PLATFORM_VENDOR_RE = re.compile(
    r"^(?:Google|Alphabet|Meta\s+Platforms|Facebook|Microsoft|Amazon(?:\s+Web\s+Services)?|Apple|Cloudflare|"
    r"Wix(?:\.com)?|Squarespace|Shopify|Jimdo|IONOS|1&1\s+IONOS|Strato|Hetzner(?:\s+Online)?|Netlify|Vercel|GitHub|"
    r"Automattic|Mailchimp|The\s+Rocket\s+Science\s+Group|Calendly|Zoom\s+Video\s+Communications|LinkedIn|"
    r"Instagram|YouTube|Vimeo|Stripe|PayPal|Klarna|HubSpot|Cookiebot|Usercentrics|Cybot|Elementor|Webflow|"
    r"Matomo|InnoCraft|Adobe|Twitter|X\s+Corp|TikTok|Pinterest|Spotify|Doctolib)\b[\s,.]")


# "Muster Inc., USA (Standardvertragsklauseln)": a firm a privacy policy places overseas is a processor it lists
_ABROAD_AFTER_RE = re.compile(r"^\s*[,(]\s*(?:USA|U\.S\.A\.|United\s+States|Vereinigte\s+Staaten|Irland|Ireland|"
                              r"Kalifornien|California)\b")


def platform_vendor(name: str, site: Site) -> bool:
    """A global platform's legal name ("Google Ireland Limited") on a site that is not the platform's own."""
    m = _PLATFORM_VENDOR_RE.match(name + " ")
    return m is not None and re.sub(r"\W", "", m.group(0)).lower() not in re.sub(r"\W", "", site.domain).lower()


def _vendor_named(before: str, page: ParsedPage) -> bool:
    """The words before an entity on its line say it is a vendor the site uses (see :data:`_VENDOR_CONTEXT_RE`)."""
    before = before[-100:]
    return bool(_VENDOR_CONTEXT_RE.search(before) or (page.kind == "privacy" and _VENDOR_ROLE_RE.search(before)))


def name_candidates(site: Site) -> list[Candidate]:
    cands: list[Candidate] = []
    for page in site.pages:
        for line in page.lines:
            if "trading" not in line.text:
                continue
            m = _TRADING_NAME_RE.search(line.text)
            if m and line.scope == COMPANY:
                name = (m.group("name") or m.group("name2") or "").strip()
                if name:
                    cands.append(make_candidate(name, page.weight + 2.5, page, line.text, m.start(), m.end()))
    for page in site.pages:
        first_in_impressum = page.kind == "impressum"
        for line in page.lines:
            if line.scope != COMPANY:
                continue
            weight = min(page.weight, 1.0) if line.region in ("footer", "header", "nav") else page.weight
            for seg, off in _segments(line.text):
                for ent in find_entities(seg, site.region):
                    if _vendor_named(line.text[: off + ent.start], page) or platform_vendor(ent.name, site) or (
                            page.kind == "privacy" and _ABROAD_AFTER_RE.match(line.text[off + ent.end :])):
                        continue
                    score = weight
                    if ent.at_start:
                        score += 1.5
                    else:
                        score *= 0.4
                    if line.level and line.level <= LABEL_LEVEL:
                        score += 0.5
                    if first_in_impressum and line.region == "main" and ent.at_start:
                        score += 4.0
                        first_in_impressum = False
                    cand = make_candidate(ent.name, score, page, line.text, off + ent.start, off + ent.end)
                    cand.extra["form"] = ent.form
                    cands.append(cand)
    for c in cands:
        c.score += _domain_bonus(c.value, site)
    return cands


# Site sections and legal headings are never a provider's name ("Startseite", "Rechtliche Informationen"): phrases
# that no name starts with, and section words that make up a whole line ("Über uns", "Unsere Leistungen").
SECTION_RE = re.compile(
    # … also as the second part of a compound ("Kanzleianschrift Deutschland", "Praxisadresse") and the labels of a
    # block's fields printed as its heading ("Firmenname, Unternehmensbezeichnung, Adresse")
    r"^\W*(?:impressum|imprint|kontakt|contact\b|[a-zäöüß]*anschrift|[a-zäöüß]*adresse\b|address\b|umsatzsteuer|"
    r"(?:firmen|unternehmens)(?:name|bezeichnung)\b|"
    r"name\s+(?:und|&)\s+(?:anschrift|adresse|sitz)|ust\b|uid\b|vat\b|"
    r"steuer(?:nummer|-?id|\b)|register\b|registereintrag|handelsregister|firmenbuch|vertreten|vertretungs|"
    r"gesch(?:ä|ae)ftsf(?:ü|ue)hr|haftung|datenschutz|urheberrecht|rechtlich|berufsrechtlich|startseite|"
    r"(?:ö|oe)ffnungszeiten|b(?:ü|ue)rozeiten|sprechzeiten|gesch(?:ä|ae)ftszeiten|opening\s+hours|"
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|mo\.?\s?[-\u2013]\s?fr)\b|"
    r"anfahrt|so\s+finden|zum\s+inhalt|zur(?:ü|ue)ck|skip\s+to|direkt\s+zum|bankverbindung|"
    r"unternehmensgegenstand|(?:mailing|postal)\s+address|gesch(?:ä|ae)ftsstelle|sekretariat)"
    r"|^\W*(?:unser[e]?\s+|our\s+)?(?:legal|home|men(?:ü|u)|navigation|(?:ü|ue)ber\s+(?:uns|mich)|about(?:\s+us)?|"
    r"team|leistungen|angebot[e]?|philosophie|services?|aktuelles|news|blog|galerie|gallery|projekte|"
    r"referenzen|tätigkeit|headquarters|sales|support|office|partner|jobs|karriere|"
    # landmarks and skip-link targets of a page's structure ("Main content", "Hauptinhalt")
    r"(?:main\s+|haupt)?(?:content|inhalt)|navigation|sitemap|search|suche|"
    # headings that announce the company's details ("Firmeninformationen", "Company information")
    r"(?:firmen|unternehmens)(?:informationen|angaben|daten)|firmendaten|angaben\s+zum\s+unternehmen|"
    r"company\s+(?:information|details|data)|"
    # a section's one-word heading that names a topic, never a business: "Information", "Lage" / "Location" (where the
    # house is), "Standort", "Anreise" (rules round 16: such a heading right above the letterhead lost it the name)
    r"informationen|information|infos?|lage|location|standort|anreise)\W*$",
    re.I,
)
PRONOUN_RE = re.compile(r"\b(?:sie|uns|wir|ihr|ihre[nmrs]?|unser[e]?[nmrs]?|du|dich|euch|ich|mich|mein[e]?|"
                         r"we|us|our|you|your)\b", re.I)
_FALLBACK_SKIP_RE = re.compile(
    r"impressum|imprint|legal notice|angaben|gem(?:ä|ae)(?:ß|ss)|verantwortlich|herausgeber|anbieter|betreiber|"
    r"kontakt|contact|tmg|ddg|mstv|rstv|§|informationspflicht|offenlegung|e-commerce|representative|vertret|"
    r"gesch(?:ä|ae)ftsf|register|director|telefon|phone|e-?mail",
    re.I,
)
_ADDRESSISH_RE = re.compile(r"\s\d{1,4}\s?[a-z]?(?:[-/]\d+)?$|^(?:[A-Z]{1,2}-)?\d{4,5}\s")
_SENTENCE_RE = re.compile(r"\b(?:ist|sind|wird|werden|wurde|the|is|are|gemäß|nach|für den|information)\b", re.I)


_COUNTRY_LINE_RE = re.compile(r"^(?:deutschland|germany|(?:ö|oe)sterreich|austria|schweiz|switzerland|suisse|"
                              r"svizzera|liechtenstein)$", re.I)


# A bare label whose value is the seat's town or the register's court ("Satzungssitz :" / "Musterstadt (Westfalen)",
# "Sitz der Gesellschaft:", "Registered office:", "Registergericht:"): the line under it is that value, never a name
# (rules round 19: a company's statutory seat was taken as its name)
_VALUE_LABEL_RE = re.compile(r"^\W*(?:(?:satzungs|gesellschafts|vereins|firmen|haupt|gesch(?:ä|ae)fts|"
                             r"statutarischer\s+)?sitz(?:\s+(?:der|des)\s+[a-zäöüß]+)?|registered\s+(?:office|seat)|seat|domicile|"
                             r"register(?:gericht)?|register\s+court|amtsgericht)\s*:\s*$", re.I)


def fallback_name(page: ParsedPage) -> tuple[str, Line] | None:
    """First name-like line of an Impressum: the trade name of sole traders ("Malerbetrieb Schulz")."""
    for k, line in enumerate(page.lines):
        if k and _VALUE_LABEL_RE.match(page.lines[k - 1].text):
            continue  # the value of a seat's or a register's label
        if line.scope != COMPANY or line.region != "main" or 1 <= line.level <= 6 or is_nav_line(line):
            continue
        text = line.text
        if _FALLBACK_SKIP_RE.search(text) and not _OWNER_RE.search(text):
            continue
        if SECTION_RE.match(text) or PRONOUN_RE.search(text) or _COUNTRY_LINE_RE.match(text):
            continue  # "Startseite", "Zum Inhalt springen", "Schreiben Sie uns", "Deutschland"
        m = _LEAD_LABEL_RE.match(text)
        if m:
            text = text[m.end() :]
        text = re.split(r",?\s+(?:inhaber(?:in)?|inh\.)\b|,\s", text, maxsplit=1, flags=re.I)[0].strip()
        if not text or ":" in text or "@" in text or "www." in text.lower():
            continue
        if len(re.findall(r"\d", text)) >= 3 or len(text) > 70 or len(text.split()) > 7:
            continue
        if _ADDRESSISH_RE.search(text):
            continue  # "Triester Straße 88", "8020 Graz"
        if _SENTENCE_RE.search(text) or (text.endswith(".") and not text.endswith(("e.K.", "e.V.", "Inc."))):
            continue
        if not (text[0].isupper() or text[0].isdigit()):
            continue
        return text, line
    return None


def choose_name(site: Site, jsonld_legal: list[Candidate], provider: Candidate | None = None) -> NameResult:
    """The provider block's name when there is one; otherwise the strongest legal entity (Impressum first)."""
    chosen = provider
    if chosen is None:
        chosen = _name_without_provider_block(site, jsonld_legal)
    form: Candidate | None = None
    if chosen is not None:
        norm = chosen.extra.get("form") or normalise_form(chosen.value)
        if norm is None or norm == chosen.value:
            norm = None
            m = FORM_RE.search(chosen.value)
            if m:
                norm = form_of(m.group("form"))
        if norm:
            form = Candidate(value=norm, score=chosen.score, url=chosen.url, snippet=chosen.snippet)
    if form is None:
        form = _form_from_text(site)
    return NameResult(name=chosen, form=form)


def _name_without_provider_block(site: Site, jsonld_legal: list[Candidate]) -> Candidate | None:
    cands = name_candidates(site)
    cands.extend(jsonld_legal)
    impressum_pages = [p for p in site.pages if p.kind == "impressum"]
    imp_cands = [c for c in cands if any(c.url == p.url for p in impressum_pages)]
    chosen = best(imp_cands) if imp_cands else None
    if chosen is None and impressum_pages:
        for page in impressum_pages:
            fb = fallback_name(page)
            if fb is not None:
                text, line = fb
                chosen = make_candidate(text, page.weight, page, line.text)
                break
    if chosen is None:
        chosen = best(cands)
    if chosen is None:
        for page in impressum_pages:
            own = own_text_name(page, site)
            if own is not None:
                text, line = own
                return make_candidate(text, page.weight, page, line.text)
    if chosen is None:
        chosen = _copyright_holder(site)
    if chosen is None:
        chosen = _welcome_heading(site)
    if chosen is None:
        chosen = _site_brand(site)
    if chosen is None:
        chosen = _home_title(site)
    return chosen


_WELCOME_RE = re.compile(r"^\W*(?:herzlich\s+)?willkommen\s+(?:bei|beim|im|in|auf)\s+(?:der|dem|den|die|das|the\s+)?\s*"
                         r"(?P<name>[A-ZÄÖÜ0-9][^.!?:|]{2,58}?)\s*[.!]?$", re.I)


def _welcome_heading(site: Site) -> Candidate | None:
    """No Impressum, no name line, no © line: the home page greets the visitor with the business's full name
    ("Willkommen bei der Gipserei Muster"); that is the name a letter is addressed to (LABELLING.md v7), when
    the domain carries one of its words."""
    label = site.domain_label.replace("-", "").lower()
    home = next((p for p in site.pages if p.kind == "home"), None)
    if home is None or len(label) < 3:
        return None
    for line in home.lines:
        if not 1 <= line.level <= 3 or line.region == "nav" or line.scope != COMPANY:
            continue
        m = _WELCOME_RE.match(line.text)
        if m is None:
            continue
        name = m.group("name").strip(" ,")
        tokens = [t for t in alnum_tokens(name) if len(t) >= 4]
        if 2 <= len(name.split()) <= 6 and not PRONOUN_RE.search(name) and any(t in label for t in tokens):
            return make_candidate(name, 0.5, home, line.text)
    return None


def _site_brand(site: Site) -> Candidate | None:
    """Nothing names the provider (no Impressum, no ©): the brand at the top of the home page ("Tierarztpraxis
    Muster" in the navigation bar of tierarztpraxis-muster.de), when the domain spells every word of it."""
    label = "".join(alnum_tokens(site.domain_label))
    home = next((p for p in site.pages if p.kind == "home"), None)
    if home is None or len(label) < 6:
        return None
    for line in home.lines[:3]:
        text = line.text.strip()
        tokens = alnum_tokens(text)
        if len(tokens) < 2 or len(text) > 60 or any(c.isdigit() for c in text) or not text[0].isupper():
            continue
        if all(len(t) >= 3 and t in label for t in tokens) and sum(map(len, tokens)) >= 0.8 * len(label):
            return make_candidate(text, 0.5, home, line.text)
    return None


# … and the footer's links glued to the holder without a separator ("© 2025 Muster Verein Impressum Datenschutz")
_HOLDER_CUT_RE = re.compile(r"\s[|·•/\u2013—-]\s|,\s|\.\s|\s(?:all\s+rights|alle\s+rechte)\b|\.$|"
                            r"\s(?:impressum|imprint|datenschutz\w*|privacy|kontakt|agb|sitemap|cookie\w*)"
                            r"(?:\s|$)", re.I)


_CREDIT_RE = re.compile(r"\b(?:(?:web)?design|programmierung|entwickelt|erstellt|umsetzung|realisierung|konzept|"
                        r"gestaltung|made\s+(?:by|with)|powered|website\s+by|developed)\b", re.I)


def _copyright_lines(site: Site) -> Iterator[tuple[ParsedPage, Line, str]]:
    """The site's own © lines, home page first, each with its holder ("© 2025 Anna Muster | Impressum" → "Anna
    Muster")."""
    for page in sorted(site.pages, key=lambda p: p.kind != "home"):
        for line in page.lines:
            if not COPYRIGHT_RE.match(line.text) or len(line.text) > 120:
                continue
            rest = COPYRIGHT_RE.sub("", line.text, count=1)
            parts = _HOLDER_CUT_RE.split(rest, maxsplit=1)
            if line.scope != COMPANY and not (len(parts) == 2 and _CREDIT_RE.search(parts[1]) and (
                    not _CREDIT_RE.search(parts[0]))):
                continue  # "© 2015 Muster Verein. Design und Programmierung: Agentur": the credit after the holder
            yield page, line, parts[0].strip(" .,")


def _copyright_holder(site: Site) -> Candidate | None:
    """No Impressum names anybody: "© 2025 Anna Muster | Impressum" names the site's owner (LABELLING.md: the
    footer or the copyright line), when it is a person or carries the site's name."""
    label = site.domain_label.replace("-", "").lower()
    headings: list[str] | None = None
    for page, line, holder in _copyright_lines(site):
        if not holder or len(holder) > 60 or any(c.isdigit() for c in holder):
            continue
        if headings is None:
            headings = _heading_texts(site)  # once per site, only when there is a © line at all
        tokens = [t for t in alnum_tokens(holder) if len(t) >= 4]
        if person_line(holder) or (tokens and any(t in label for t in tokens)) or (
                len(holder.split()) >= 2 and _in_heading(holder, headings)):
            # … or the site prints the holder as (part of) its own heading ("Willkommen im Gasthaus Muster"):
            # the name it goes by, also on a host whose domain names somebody else (a GitHub Pages address)
            return make_candidate(holder, 0.5, page, line.text)
    return None


def joint_name(site: Site, persons: list[str]) -> Candidate | None:
    """Several owners printed one per line and no joint name in the block: the © line that names the practice
    with their surnames ("© 2025 Muster Beispiel Zahnarztpraxis") is the name they trade under (LABELLING.md v3)."""
    surnames = {t for p in persons if (toks := alnum_tokens(p.split()[-1])) for t in toks if len(t) >= 3}
    for page, line, holder in _copyright_lines(site):
        tokens = alnum_tokens(holder)
        if 2 <= len(tokens) <= 6 and not any(c.isdigit() for c in holder) and person_line(holder) is None and (
                surnames & set(tokens)) and len(tokens) > len(surnames & set(tokens)):
            return make_candidate(holder, 0.5, page, line.text)
    return None


def _heading_texts(site: Site) -> list[str]:
    return [f" {' '.join(alnum_tokens(line.text))} " for page in site.pages for line in page.lines
            if 1 <= line.level <= 6 and line.region != "nav"]


def _in_heading(name: str, headings: list[str]) -> bool:
    needle = f" {' '.join(alnum_tokens(name))} "
    return any(needle in heading for heading in headings)


_TITLE_CUT_RE = re.compile(r"\s[|·•\u2013—-]\s|:\s")
_PAGE_WORD_RE = re.compile(r"^(?:home|startseite|start|willkommen|welcome|impressum|imprint|kontakt|contact|index)$",
                           re.I)


def _home_title(site: Site) -> Candidate | None:
    """No block, no ©, no brand line: the home page's <title> ("Sachverständigenbüro Muster" on svmuster.de) when
    the domain carries one of its words and the home page's own text names the business so (a genitive "-s" allowed)."""
    home = next((p for p in site.pages if p.kind == "home"), None)
    label = site.domain_label.replace("-", "").lower()
    if home is None or not home.title or len(label) < 3:
        return None
    title = _TITLE_CUT_RE.split(home.title, maxsplit=1)[0].strip(" .,")
    tokens = alnum_tokens(title)
    if not 2 <= len(tokens) <= 5 or any(c.isdigit() for c in title) or not title[0].isupper() or (
            _PAGE_WORD_RE.match(tokens[0])):
        return None
    if not any(len(t) >= 3 and t in label for t in tokens):
        return None
    pattern = re.compile(r"\b" + r"s?\s+".join(re.escape(t) for t in tokens) + r"s?\b")
    for line in home.lines:
        # the page's running text, not its logo or header, calls the business so ("… des Sachverständigenbüros X")
        if line.region == "main" and pattern.search(" ".join(alnum_tokens(line.text))):
            return make_candidate(title, 0.4, home, line.text)
    return None


_IMPRINT_TITLE_RE = re.compile(r"^\W*(?:impressum|imprint|legal\s+notice)\s*[-\u2013—|:·]\s*(.{3,60}?)\s*$", re.I)
_IS_A_RE = re.compile(r"^(?:Die\s+|Das\s+|Der\s+|The\s+)?([A-ZÄÖÜ0-9][\w&.'+-]*(?:\s+[A-ZÄÖÜ0-9&][\w&.'+-]*){0,4})\s+"
                      r"(?:is\s+an?|ist\s+eine?)\s")


def own_text_name(page: ParsedPage, site: Site) -> tuple[str, Line] | None:
    """An Impressum without a name line: the name in its own heading ("Impressum - Muster Dance") or the
    subject of its own description ("Muster Dance is a dance school …") when it matches the site's domain."""
    label = site.domain_label.replace("-", "").lower()
    for line in page.lines:
        if line.scope != COMPANY or line.region == "nav":
            continue
        m = _IMPRINT_TITLE_RE.match(line.text) if 1 <= line.level <= 6 else _IS_A_RE.match(line.text)
        if m is None:
            continue
        name = m.group(1).strip(" .,")
        tokens = [t for t in alnum_tokens(name) if len(t) >= 4]
        if tokens and any(t in label for t in tokens):
            return name, line
    return None


def _form_from_text(site: Site) -> Candidate | None:
    """No legal form in the name: "Rechtsform: Einzelfirma", or an "Inhaber" => sole trader."""
    owner: Candidate | None = None
    for page in site.pages:
        for line in page.lines:
            if line.scope != COMPANY:
                continue
            m = _RECHTSFORM_RE.search(line.text)
            if m:
                norm = normalise_form(m.group(1))
                if norm:
                    return make_candidate(norm, page.weight, page, line.text, m.start(), m.end())
            if _SOLE_TRADER_RE.search(line.text):
                return make_candidate("sole trader", page.weight, page, line.text)
            if owner is None and page.kind in ("impressum", "contact") and _OWNER_RE.search(line.text):
                lang_en = (page.lang or "").startswith("en")
                owner = make_candidate("sole trader" if lang_en else "Einzelunternehmen", page.weight, page,
                                       line.text)
    return owner


