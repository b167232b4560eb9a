"""Is a line about the company itself or about a third party printed on the same page?

Impressum pages mix the company's data with chambers, supervisory authorities, insurers, web
agencies, photographers, dispute-resolution bodies, hosting providers, parent companies … each
with names, addresses, phones and e-mails. The signal is the page's section structure:

* a heading (``<h2>Zuständige Kammer</h2>``) opens a section that lasts until the next heading of the
  same or a higher level;
* a label line ("Webdesign:", a bold-only line, a ``<dt>``) opens a scope that lasts until the next
  label/heading or a blank line (and only to the end of its block when the label shares the block
  with its values);
* an inline label ("Zuständige Kammer: Steuerberaterkammer …") or a credit ("Website by …") scopes the
  rest of its block;
* a block that *starts* with an authority's name ("Rechtsanwaltskammer Hamm", "Bundesanstalt …") is
  third-party as a whole.

Privacy/terms pages default to third-party (they list processors and vendors) except under
headings such as "Verantwortliche Stelle" / "Contact".
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from urllib.parse import urlsplit

from .dom import COMPANY, GENERAL_PARTNER, LABEL_LEVEL, THIRD_PARTY, Line, ParsedPage
from .legal import FORM_RE

# Words that mark a section/label as belonging to somebody else. Two tiers: the strong ones hold on any
# page; the weak ones ("Webdesign", "Fotos", "Versicherung", "Hosting") are services a company may itself
# offer on its home page, so they count only on legal pages and in "Label: value" lines.
_TP_STRONG = r"""
    \w*kammer\b|\bihk\b|\bwko\b|aufsichtsbeh|\baufsicht\b|\bbafin\b|bundesanstalt|beh(?:ö|oe)rde|bezirksamt|
    \bmagistrat|berufsrecht|berufsbezeichnung|berufsordnung|berufshaftpflicht|haftpflichtversicherung|\bversicherer\b|
    bildnachweis|bildquelle|bildrechte|bildernachweis|fotonachweis|image\s+credits?|photo\s+credits?|
    streitschlichtung|streitbeilegung|schlichtungsstelle|\bodr\b|os-plattform|dispute\s+resolution|complain|
    beschwerde|ombuds|datenschutzbeauftragte|data\s+protection\s+officer|\bdpo\b|
    haftungsausschluss|haftung\s+f(?:ü|ue)r|\bdisclaimer\b|urheberrecht|\bcopyright\b|\bliability\b|
    pr(?:ü|ue)fungsverband|einlagensicherung|entsch(?:ä|ae)digungseinrichtung|
    eu[-\s]representative|eu-vertreter|art\.?\s*27\b|subprocessor|auftragsverarbeit|
    konzern|muttergesellschaft|tochtergesellschaft|\bholding\b|aufsichtsrat|verwaltungsrat\b|
    \bchamber\b|bar\s+association|supervisory|regulatory|\bauthority\b|arbitration|\binsurer\b|
    professional\s+(?:liability|indemnity|title|regulations?|rules|body|association)|
    berufsverband|dachverband|fachverband|bundesverband|landesverband|
    \bkunden\b|referenzen|\bclients?\b|\bsponsor|mitgliedschaft|\bmemberships?\b|partnerunternehmen|
    kooperationspartner|unsere\s+partner|our\s+partners|partnerbetriebe|partnerfirmen|partnernetzwerk|
    (?:starke|verl(?:ä|ae)ssliche|zuverl(?:ä|ae)ssige|kompetente)n?\s+partner|\binvestors?\b|trusted\s+by|
    lebensmittel(?:überwachung|ueberwachung|recht)|verbraucherschutz|gesundheitsamt|\berlaubnis\b|
    \bquelle\b|\bgenerator\b|\bgoogle\b|\bfacebook\b|meta\s+platforms|\banalytics\b|\bcookies?\b|\byoutube\b|
    \bvimeo\b|mailchimp|hubspot|\bstripe\b|\bpaypal\b|\bplugins?\b|social\s+media|\binstagram\b|\blinkedin\b|
    \btwitter\b|pinterest|\btiktok\b|\bxing\b|\bzoom\b|microsoft|\bwebex\b|\bskype\b|\bjitsi\b|
    calendly|cloudflare|bankverbindung|bank\s+details|kreditinstitut|\biban\b|
    web(?:site|seite|seiten)-?entwickler(?:in)?\b|website\s+developer
"""
_TP_LEGAL = r"""
    web-?design|webagentur|\bgestaltung|realisation|realisierung|\bumsetzung|\bkonzeption|programmierung|
    technische\s+betreuung|webentwicklung|screendesign|\bfotos?\b|\bfotografie|\bfotograf|\bphotos?\b|
    photography|\bcredits\b|\bicons?\b|\bstock\b|\bhosting\b|\bhoster\b|gehostet|\bhosted\b|\bversicherung\b|
    \bhaftung\b|gew(?:ä|ae)hr\b|\bdesign\b|\bwebsite\b|\bwebseite\b|\bprovider\b|\bsource\b|newsletter
"""


def _alternation(words: str) -> str:
    return "(?:" + re.sub(r"\s+", "", words).strip("|") + ")"


_TP_RE = re.compile(_alternation(_TP_STRONG), re.I)
_TP_LEGAL_RE = re.compile(_alternation(_TP_LEGAL), re.I)
_TP_ANY_RE = re.compile(_alternation(_TP_STRONG) + "|" + _alternation(_TP_LEGAL), re.I)
# Unmistakably about the company itself; beats the weak third-party words ("Anbieter dieser Website").
# "verantwortliche Stelle": the privacy policy's controller, also when its sentence says "auf dieser Website" (a
# weak third-party word; rules round 20)
_COMPANY_STRONG_RE = re.compile(
    r"^\W*(?:service\s+)?provider\b|autor(?:in)?\s+dies|medieninhaber|^\W*publisher\b|betrieben\s+(?:von|durch)|"
    r"operated\s+by|^\W*operator\b|ver(?:ö|oe)ffentlicht\s+(?:von|durch)|published\s+by|"
    r"impressum|imprint|legal\s+notice|angaben\s+gem|anbieter|betreiber|herausgeber|responsible\s+for|"
    r"verantwortlich(?:\s+und\s+zust(?:ä|ae)ndig)?\s+f|verantwortliche\s+stelle|\bkontakt\b|\bcontact\b|vertreten|"
    r"vertretungsberechtigt|"
    r"gesch(?:ä|ae)ftsf(?:ü|ue)hr|registereintrag|handelsregister|firmenbuch|umsatzsteuer|authori[sz]ed\s+representative",
    re.I,
)
# Credits in running text: "Website by X", "Design & Development by", "Erstellt mit Jimdo".
_CREDIT_RE = re.compile(
    r"\b(?:website|webseite|webdesign|web\s+design|design(?:ed)?|development|developed|made|built|realised|"
    r"realized|powered|site|programmiert|programmed|hosted|erstellt|gestaltet|realisiert|umgesetzt|"
    r"entwickelt|konzipiert|photos?|fotos?)\s+(?:by|von|mit|durch)\b",
    re.I,
)
_MEMBER_RE = re.compile(r"^(?:mitglied\s+(?:der|des|im|bei)|member\s+of|ein\s+unternehmen\s+der|a\s+subsidiary\s+of|"
                        r"part\s+of\s+the|tochter(?:gesellschaft|unternehmen)?\s+der)\b", re.I)
_GP_RE = re.compile(r"pers(?:ö|oe)nlich\s+haftende|komplement(?:ä|ae)r|\bphg\b|general\s+partner", re.I)
# Section words that bring us back to the company's own data.
_COMPANY_RE = re.compile(
    r"impressum|imprint|legal\s+notice|angaben\s+gem|anbieter|betreiber|herausgeber|kontakt|contact|"
    r"anschrift|adresse|address|vertreten|vertretungsberechtigt|gesch(?:ä|ae)ftsf(?:ü|ue)hr|inhaber|register|"
    r"firmenbuch|umsatzsteuer|\bust\b|\buid\b|\bvat\b|verantwortlich|responsible|controller|sitz\b|"
    r"über\s+uns|about|\bteam\b|standort|office|firma|unternehmen\b|company|vorstand|partner\b|directors?",
    re.I,
)
# Headings that open the provider's own section ("Angaben gemäß / nach § 5 TMG", "Anbieter", "Medieninhaber").
_PROVIDER_ANCHOR_RE = re.compile(r"angaben\s+(?:gem|nach|laut|lt\.|entsprechend)|"
                                 r"^\W*(?:diensteanbieter|anbieter(?:in)?|medieninhaber(?:in)?|herausgeber(?:in)?|"
                                 r"betreiber(?:in)?)\b", re.I)
# A block that *starts* with an authority's or insurer's name is third-party as a whole.
_TP_ENTITY_START_RE = re.compile(
    r"^(?:die\s+|der\s+)?(?:\w*kammer\b|\w+kammer\s|bundesanstalt|bezirksamt|magistrat|gesundheitsamt|"
    r"schlichtungsstelle|universalschlichtungsstelle|finanzamt|amt\s+f(?:ü|ue)r|landesamt|ministerium|"
    r"[\w\s-]{0,40}versicherung(?:s-ag|\s+ag|\s+a\.\s?g\.)|[\w\s-]{0,40}verband\b)",
    re.I,
)
_REQUEST_RE = re.compile(r"\b(?:bitte|please|sende[nt]?|schicke[nt]?|senden\s+sie|schreib(?:en)?\s+sie|send\s+us)\b",
                         re.I)
_LABEL_SPLIT_RE = re.compile(r"^([^:]{2,70}):\s*(.*)$")

_PRIVACY_URL_RE = re.compile(r"datenschutz|privacy|dsgvo|gdpr|cookie|agb|terms|nutzungsbedingungen|widerruf", re.I)
_KIND_URL_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("impressum", re.compile(r"impressum|imprint|legal[-_]?notice|legal|offenlegung|disclosure|rechtliches|"
                             r"anbieterkennzeichnung|pflichtangaben|site[-_]?notice", re.I)),
    ("contact", re.compile(r"kontakt|contact|anfahrt", re.I)),
    ("team", re.compile(r"team|mitarbeiter|people|anwaelte|anwälte|vorstand|leadership", re.I)),
    ("about", re.compile(r"ueber-?uns|über-?uns|about|unternehmen|company|studio|wir|firma|agentur", re.I)),
)

PAGE_WEIGHTS = {"impressum": 3.0, "contact": 2.0, "home": 1.5, "about": 1.2, "team": 1.0, "other": 0.8,
                "privacy": 0.5}


def infer_kind(kind: str, url: str, title: str) -> str:
    """Trust the crawler's guess, but recognise privacy pages and fill in "other" from URL/title."""
    path = urlsplit(url).path
    if _PRIVACY_URL_RE.search(path) and kind not in ("impressum", "contact"):
        return "privacy"
    if kind and kind != "other":
        return kind
    if path in ("", "/") or (path.endswith(("/index.html", "/index.htm")) and path.count("/") <= 1):
        return "home"
    for name, rule in _KIND_URL_RULES:
        if rule.search(path):
            return name
    if _PRIVACY_URL_RE.search(title):
        return "privacy"
    for name, rule in _KIND_URL_RULES[:2]:
        if rule.search(title):
            return name
    return "other"


# Headings and label lines repeat on every page of a site (menu, footer, "Kontakt:"): each is classified once.
@lru_cache(maxsize=8192)
def classify_heading(text: str, *, legal: bool = True) -> str | None:
    """THIRD_PARTY / GENERAL_PARTNER / COMPANY for a heading or label text, None when neutral.
    `legal`: the text is on a legal page or is a "Label:" — weak third-party words count too."""
    if _GP_RE.search(text):
        return GENERAL_PARTNER
    if _TP_RE.search(text) or _MEMBER_RE.search(text):
        # "Kontakt zur Kammer" is still about the chamber; "Geschäftsführer der Komplementär-GmbH" is GP.
        return THIRD_PARTY
    if _COMPANY_STRONG_RE.search(text):
        return COMPANY
    if legal and _TP_LEGAL_RE.search(text):
        return THIRD_PARTY
    if _COMPANY_RE.search(text):
        return COMPANY
    return None


@lru_cache(maxsize=8192)
def _inline_label_scope(text: str, own_host: str = "") -> str | None:
    """Scope set by a line that starts with "Label: value" or a credit."""
    if _CREDIT_RE.search(text):
        return THIRD_PARTY
    if _MEMBER_RE.search(text):
        return THIRD_PARTY
    m = _LABEL_SPLIT_RE.match(text)
    if m:
        label = m.group(1)
        if _GP_RE.search(label):
            return GENERAL_PARTNER
        if own_host and _WEB_LABEL_RE.fullmatch(label.strip()) and _is_own_host(m.group(2), own_host):
            # "Website: walserfly.com" inside the provider block prints the site's own address: the provider's
            # contact line, not a web designer's credit ("Website: Agentur Muster") (rules round 18)
            return None
        if classify_heading(label) == THIRD_PARTY:
            return THIRD_PARTY
        return None
    if _GP_RE.search(text[:60]):
        return GENERAL_PARTNER
    if _TP_ENTITY_START_RE.match(text):
        return THIRD_PARTY
    return None


_LEGAL_KINDS = frozenset({"impressum", "privacy", "other"})
_WEB_LABEL_RE = re.compile(r"web-?site|web-?seite|homepage|internet(?:seite|adresse)?|web", re.I)


def _is_own_host(value: str, own_host: str) -> bool:
    """The value is the page's own web address ("walserfly.com", "https://www.walserfly.com/")."""
    m = _HOST_RE.match(value.strip())
    host = m.group(1).lower() if m else ""
    return bool(host) and (host == own_host or host.endswith("." + own_host))


# Disclaimer sections ("Haftung für Inhalte", "Disclaimer") are boilerplate, not somebody else's data; a short
# line in one that names a firm or its owner/manager is the provider's block printed under the wrong heading.
_DISCLAIMER_RE = re.compile(r"haftung\s+f(?:ü|ue)r|haftungsausschluss|\bdisclaimer\b|\bliability\b", re.I)
_PROVIDER_LINE_RE = re.compile(
    r"^(?:inhaber(?:in)?|gesch(?:ä|ae)ftsf(?:ü|ue)hrer(?:in)?|vertreten\s+durch|managing\s+directors?|owner)\b"
    r"[^.]{0,80}:\s*\S", re.I)


def _provider_line(text: str) -> bool:
    if len(text) > 100 or text.endswith(".") or _TP_ANY_RE.search(text) or _CREDIT_RE.search(text):
        return False  # "Quelle: Muster GmbH", "Website by Muster GmbH" stay somebody else's
    if _PROVIDER_LINE_RE.match(text):
        return True
    return ":" not in text and len(text.split()) <= 6 and FORM_RE.search(text) is not None


def assign_scopes(page: ParsedPage) -> None:
    _assign_scopes(page)
    disclaimer = False
    card: list[Line] = []
    for line in page.lines:
        if card and line.block != card[-1].block:
            _own_contact_card(page, card)
            card = []
        if 1 <= line.level <= LABEL_LEVEL or (line.text.endswith(":") and len(line.text) <= 70):
            disclaimer = line.scope == THIRD_PARTY and bool(_DISCLAIMER_RE.search(line.text) or
                                                            _COPYRIGHT_HEADING_RE.search(line.text))
            continue
        if disclaimer and line.scope == THIRD_PARTY and _provider_line(line.text):
            line.scope = COMPANY
        if disclaimer and line.scope == THIRD_PARTY and len(line.text) <= 60 and _BARE_CONTACT_RE.fullmatch(line.text):
            card.append(line)
    if card:
        _own_contact_card(page, card)


_COPYRIGHT_HEADING_RE = re.compile(r"urheberrecht|\bcopyright\b", re.I)
# A line that is only an e-mail address, a phone number or a web address.
_BARE_CONTACT_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?[\d\s()/.-]{7,22}|(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?")
_HOST_RE = re.compile(r"^(?:https?://)?(?:www\.)?([\w-]+(?:\.[\w-]+)+)/?$", re.I)


def _own_contact_card(page: ParsedPage, card: list[Line]) -> None:
    """Bare contact lines under a disclaimer or copyright heading that print the site's own web address are the
    provider's contact card set below the boilerplate, not a third party's data."""
    if len(card) < 2 or len(card) != sum(1 for ln in page.lines if ln.block == card[0].block):
        return
    own = (urlsplit(page.url).hostname or "").removeprefix("www.")
    if own and any("@" not in ln.text and _is_own_host(ln.text, own) for ln in card):
        for ln in card:
            ln.scope = COMPANY


def _assign_scopes(page: ParsedPage) -> None:
    default = THIRD_PARTY if page.kind == "privacy" else COMPANY
    legal = page.kind in _LEGAL_KINDS
    heading_stack: list[tuple[int, str]] = []
    label_scope: str | None = None  # scope opened by a label line
    label_block = -1
    label_crosses_blocks = False
    inline_scope: str | None = None  # scope opened by an inline label, for the rest of its block
    inline_block = -1
    region = None
    prev_block = None
    # the first block under "Angaben gemäß § 5 TMG" / "Anbieter" is the provider's own, even when its name sounds like
    # an authority ("Kornkammer Naumburg", a granary): a chamber's block never opens the provider section
    under_anchor = False
    own_host = (urlsplit(page.url).hostname or "").removeprefix("www.")
    for line in page.lines:
        if line.region != region:
            region = line.region
            heading_stack = []
            label_scope = inline_scope = None
        new_block = line.block != prev_block
        prev_block = line.block
        if line.blank_before:
            label_scope = inline_scope = None
        if new_block:
            inline_scope = None
            if label_scope is not None and not label_crosses_blocks and line.block != label_block:
                label_scope = None
        section = heading_stack[-1][1] if heading_stack else default

        if 1 <= line.level <= 6:
            while heading_stack and heading_stack[-1][0] >= line.level:
                heading_stack.pop()
            parent = heading_stack[-1][1] if heading_stack else default
            cls = classify_heading(line.text, legal=legal)
            scope = cls if cls is not None else (parent if parent != COMPANY or page.kind == "privacy" else COMPANY)
            if cls is None and page.kind != "privacy":
                scope = parent if parent != default else default
            heading_stack.append((line.level, scope))
            label_scope = inline_scope = None
            line.scope = scope
            under_anchor = bool(_PROVIDER_ANCHOR_RE.search(line.text))
            continue

        if line.level == LABEL_LEVEL or (line.text.endswith(":") and len(line.text) <= 70):
            # A bold "Webdesign" teaser on the home page is a service; "Webdesign:" is a credit label; "Bitte sende
            # Fotos oder Skizzen an:" asks the visitor for something and credits nobody.
            cls = classify_heading(line.text, legal=(legal or line.text.endswith(":")) and not _REQUEST_RE.search(
                line.text))
            label_scope = cls if cls is not None else None
            label_block = line.block
            # A label alone in its block (<dt>, "<p><b>Kammer</b></p>") governs the following blocks.
            label_crosses_blocks = line.block_size == 1
            inline_scope = None
            line.scope = label_scope or section
            continue

        if new_block and label_scope == THIRD_PARTY and label_crosses_blocks and _OWN_FACT_LABEL_RE.match(line.text):
            # "Berufsbezeichnung:" / the title / "Umsatzsteuer-Identifikationsnummer" / "USt-IdNr.: DE…": the label of
            # the provider's own VAT id or register ends the chamber's or title's section (rules round 19: the VAT id
            # under a professional title was read as a third party's)
            label_scope = None
        first_under_anchor = under_anchor
        under_anchor = under_anchor and not new_block
        if new_block and _TP_ENTITY_START_RE.match(line.text) and not first_under_anchor:
            inline_scope = THIRD_PARTY
            inline_block = line.block
        else:
            entity_start = bool(new_block and first_under_anchor and _TP_ENTITY_START_RE.match(line.text))
            cls = None if entity_start else _inline_label_scope(line.text, own_host)
            if cls is not None:
                inline_scope = cls
                inline_block = line.block
        if inline_scope is not None and inline_block == line.block:
            line.scope = inline_scope
        elif label_scope is not None:
            line.scope = label_scope
        else:
            line.scope = section


_OWN_FACT_LABEL_RE = re.compile(r"^\W*(?:umsatzsteuer|ust\b|ust-|uid\b|mwst|mehrwertsteuer|vat\b|"
                                r"handelsregister|registergericht|registernummer|registereintrag|firmenbuch)", re.I)


# "Musterstrasse" / "53 8800 Beispielwil": the house number printed at the start of the postal-code line.
_BARE_STREET_RE = re.compile(r"^[A-ZÄÖÜ][\w.'\u2019-]*(?:\s[\w.'\u2019-]+){0,3}?(?:stra(?:ß|ss)e|str\.|weg|gasse|platz|"
                             r"allee|ring|damm)$", re.I)
_NUMBER_POSTAL_RE = re.compile(r"^(\d{1,4}\s?[a-zA-Z]?)\s+(\d{4,5}\s+[A-ZÄÖÜ][^\d]*)$")


_HOUSE_NUMBER_LINE_RE = re.compile(r"^(?:Hausnummer|Haus-?Nr\.?|Hausnr\.?)\s*:?\s*"
                                   r"(\d{1,4}\s?[a-zA-Z]?(?:\s?[-/\u2013]\s?\d{1,4}\s?[a-zA-Z]?)?)$", re.I)


def _join_house_numbers(page: ParsedPage) -> None:
    for prev, line in pairwise(page.lines):
        if not line.has_digit or len(line.text) > 60 or len(prev.text) > 40 or prev.has_digit:
            continue
        m = _NUMBER_POSTAL_RE.match(line.text)
        if m and _BARE_STREET_RE.match(prev.text):
            prev.text, line.text = f"{prev.text} {m.group(1)}", m.group(2)
            prev.has_digit = True
        elif (n := _HOUSE_NUMBER_LINE_RE.match(line.text)) and prev.text[:1].isupper() and ":" not in prev.text:
            # "In der Musterwiese" / "Hausnummer 7-9": the label says the line above is the street (rules round 19:
            # "Hausnummer …" was read as the street); the number joins it, and its own line is left as a separator
            prev.text, line.text = f"{prev.text} {n.group(1)}", "·"
            prev.has_digit = True


def prepare_page(page: ParsedPage) -> None:
    page.kind = infer_kind(page.kind, page.url, page.title)
    page.weight = PAGE_WEIGHTS.get(page.kind, 0.8)
    _join_house_numbers(page)
    assign_scopes(page)


def is_company(line: Line) -> bool:
    return line.scope == COMPANY
