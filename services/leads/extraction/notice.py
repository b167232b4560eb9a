"""Reading the lines of a legal notice: provider anchors, label classes, and the items a line is cut into.

provider.py walks these items to find the provider block; the fallbacks in legal.py use the same notion of a
name-like line, so a navigation link or a section heading is never taken for a company.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .address import country_of, postal_of, segments, split_inline_address, street_of
from .dom import LABEL_LEVEL, THIRD_PARTY, Line
from .legal import FORM_RE, PRONOUN_RE, SECTION_RE
from .names import POST_NOMINAL_RE, is_given_name, person_line
from .site import Site

# ---------------------------------------------------------------------------------------------- anchors
_STRONG_ANCHOR_RE = re.compile(
    r"""(?:^|[^\w])(?:
        angaben\s+(?:gem(?:ä|ae)(?:ß|ss)|gem\.|nach|laut|zu[mr]?\b|i\.\s?s\.\s?d\.|im\s+sinne)
      | ^\W*(?:gem(?:ä|ae)(?:ß|ss)|gem\.|according\s+to|pursuant\s+to|as\s+per)\s+§
      | informationen\s+(?:gem(?:ä|ae)(?:ß|ss)|gem\.|nach|laut)\s+§
      | informationspflicht | offenlegung\b | anbieterkennzeichnung | pflichtangaben
      # "Erklärungen gemäß § 5 DDG", "Pflichtinformationen nach § 5 TMG", "… nach § 25 MedienG": whatever the noun,
      # a heading that cites the imprint paragraph announces the provider block
      | ^\W*[\w-]+\s+(?:gem(?:ä|ae)(?:ß|ss)|gem\.|nach|laut|i\.\s?s\.\s?d\.)\s+§\s*(?:5|25)\s+(?:abs\.\s*\d+\s+)?
          (?:tmg|ddg|ecg|mediengesetz|medieng)\b
      | (?:dienste?-?|service-?|(?:web|internet)?seiten-?|web-?site-?|homepage-?)?anbieter(?:in)?\b
      | (?:(?:web|internet)?seiten-?|web-?site-?|homepage-?)?betreiber(?:in)?\b
      | medieninhaber(?:in)? | herausgeber(?:in)?\b | autor(?:in)?\s+dies
      | ^\W*vermieter(?:in)?\W*$ | ^\W*landlords?\W*$
      | verantwortliche[rs]?\b(?!\s+(?:f(?:ü|ue)r|i\.?\s?s\.?|im|gem|nach|gemäß))
      | angaben\s+zum\s+verantwortlichen | betrieben\s+(?:von|durch) | operated\s+by
      # "Website veröffentlicht von" / name: who publishes the site, as "betrieben von" says who runs it (round 18)
      | ver(?:ö|oe)ffentlicht\s+(?:von|durch) | published\s+by
      | information\s+(?:according|pursuant|under|conforming|in\s+accordance|required|as\s+per)
      | (?:service\s+)?provider\b | publisher\b | (?:media|site|website)\s+owner | owner\s+and\s+publisher
      | legal\s+(?:notice|disclosure)
    )""",
    re.I | re.X,
)
_WEAK_ANCHOR_RE = re.compile(
    r"^\W*(?:impressum|imprint|kontakt(?:adresse|angaben|daten|informationen)?|contact(?:\s+details)?|anschrift|"
    r"adresse|address|herausgeber|rechtliche[rs]?\s+hinweis|site\s+notice|legal|company\s+(?:details|information))\b",
    re.I,
)
# "Verantwortlich für den Inhalt (§ 18 MStV)": names the person responsible for content, who is the
# provider only for small sites; used when nothing better is found.
_CONTENT_ANCHOR_RE = re.compile(r"verantwortlich|responsible\s+for|inhaltlich", re.I)
# Without a colon: "Verantwortlich für den Inhalt" on a line of its own, the name below.
_CONTENT_START_RE = re.compile(r"^\W*(?:verantwortlich|inhaltlich\s+verantwortlich|responsible\s+for)\b", re.I)
_MAX_ANCHOR_LEN = 110
_ANCHOR_HINT_RE = re.compile(r"angab|inform|gem(?:ä|ae|\.)|§|accord|pursuant|as per|offenleg|pflicht|anbiet|"
                             r"betreib|inhaber|herausg|autor|verantw|provid|vermiet|landlord|"
                             r"publish|ffentlicht|owner|operat|legal|impress|imprint|kontakt|contact|anschrift|adress|betrieben|"
                             r"rechtlich|notice|inhaltlich|responsib", re.I)

# ---------------------------------------------------------------------------------------------- labels
LABEL_RE = re.compile(r"^\s*([^:]{1,45}?)\s*:+\s*(.*)$")
_INLINE_LABEL_RE = re.compile(
    r"\s(?=(?:inhaber(?:in)?|inh\.|owner|proprietor|gesch(?:ä|ae)ftsf(?:ü|ue)hrer(?:in)?|managing\s+directors?|"
    r"vertreten\s+durch|tel(?:efon|ephone)?\.?|telefax|fax|mobil(?:e|funk)?|handy|phone|e-?\s?mail|mail|web(?:site)?|"
    r"url|internet|homepage|ust[\w.-]*|uid[\w.-]*|vat[\w ]{0,12}|steuer[\w.-]*|"
    r"standort|anschrift|adresse|firmensitz)\s*:)",
    re.I,
)
# "Malerei Muster, Inhaber Max Muster": the owner label without its colon.
_OWNER_AFTER_COMMA_RE = re.compile(r"(?<=,\s)(inhaber(?:in)?|inh\.|owner|proprietor)(?=\s+[A-ZÄÖÜ])", re.I)
# "Malerei Muster - Inh. Max Muster": the owner label after a separator, without its colon.
_OWNER_AFTER_SEP_RE = re.compile(r"(?<=\s[-\u2013—|/·]\s)(inhaber(?:in)?|inh\.|owner|proprietor)(?=\s+[A-ZÄÖÜ])", re.I)
# "Malerei Muster Inhaber Max Muster": the owner label glued into the line without comma or colon.
_OWNER_INSIDE_RE = re.compile(r"(?<=[a-zäöüß.])\s+(Inhaber(?:in)?|Inh\.)(?=\s+(?:[A-ZÄÖÜ][a-zäöüß]|Dr\.))")
# "Malerei Muster (Inh. Max Muster)"
_OWNER_IN_PARENS_RE = re.compile(r"\s*\((inhaber(?:in)?|inh\.|owner|proprietor)\s*:?\s*([^()]{3,60})\)", re.I)
# "Anna Muster, Inhaberin": the owner label after the name.
_OWNER_AFTER_NAME_RE = re.compile(r"^(?P<name>[^,:]{3,60}),\s*(?P<label>inhaber(?:in)?|owner|proprietor)\s*[,.]?\s*$",
                                  re.I)
# A professional designation on its own line under the owner ("Augenoptikermeister, Dipl.-Kaufmann (FH)"):
# not a name of the business (LABELLING.md).
PROFESSION_LINE_RE = re.compile(
    # an adjective may lead: "Psychologische Psychotherapeutin"
    r"^(?:(?:[A-ZÄÖÜ][a-zäöüß]+(?:e|er)\s+)?[\w.-]*(?:meister(?:in)?|kauf(?:mann|frau)|ingenieur(?:in)?|"
    r"therapeut(?:in)?|heilpraktiker(?:in)?|"
    r"sachverst(?:ä|ae)ndige[rn]?|steuerberater(?:in)?|rechtsanw(?:ä|ae)lt(?:in)?|architekt(?:in)?|"
    r"(?:ä|ae)rztin|arzt|berater(?:in)?)|dipl\.[\w.-]*|titel\s+verliehen|berufsbezeichnung|"
    r"(?:öffentlich|oeffentlich)\s+bestellte[rn]?|staatlich\s+(?:anerkannte|gepr(?:ü|ue)fte)[rn]?)\b"
    # a degree with its subject, like "Dipl.-…": "M.Sc. Mathematik", "B.A. Soziale Arbeit" (rules round 16)
    r"|^(?:[MB]\.\s?(?:Sc|A|Eng|Ed)\.|MBA|LL\.\s?M\.)\s",
    re.I,
)
# "Name Anna Muster", "Vertretungsberechtigte Person Anna Muster": a label/value grid whose label cell lost its colon.
_FIELD_AT_START_RE = re.compile(r"^(Name|Firmenname|Unternehmensname|Anschrift|Adresse|Standort|Location|"
                                r"Vertretungsberechtigte[rn]?\s+(?:Person(?:en)?|Gesch(?:ä|ae)ftsf(?:ü|ue)hrer(?:in)?))"
                                r"(?=\s+[A-ZÄÖÜ][\w.-]*[\s,]+\S)")
def field_label(text: str) -> str:
    """"Anschrift Musterweg 1" -> "Anschrift: Musterweg 1" (a grid's label cell without its colon)."""
    return _FIELD_AT_START_RE.sub(r"\1:", text)


_OWNER_AT_START_RE = re.compile(r"^(inhaber(?:in)?|inh\.|owner|proprietor)(?=\s+(?:[A-ZÄÖÜ]|Dr\.))", re.I)
_OWNER_LABEL_RE = re.compile(r"^(?:(?:praxis|kanzlei|geschäfts|geschaefts)?inhaber(?:in|innen|\*in|:in|_in)?|"
                             r"inh\.?|owner|"
                             r"p(?:ä|ae)chter(?:in)?|"
                             r"proprietor|inhaber(?:in)?\s*/\s*\w+)$", re.I)
# Labels that name the business itself, never a person: "Firmenwortlaut", "Betrieb", "Praxisname", "Name des
# Vereins" (the compound: the name of the business by its kind).
# "Vollständiger Firmenname", "Offizieller Name": the label may say the name is given in full
_IN_FULL = r"(?:vollst(?:ä|ae)ndige[rs]?|offizielle[rs]?|eingetragene[rs]?)"
_BUSINESS_LABELS = (
    rf"(?:{_IN_FULL}\s+(?:firmen|unternehmens)?name)|"
    r"firma|firmenname|firmierung|firm(?:en|a)wortlaut|unternehmensname|(?:unternehmens|firmen)bezeichnung|"
    r"gesch(?:ä|ae)ftsbezeichnung|company\s+name|business\s+name|trading\s+name|registered\s+name|legal\s+name|"
    # "Verein: VfL Muster e.V.": the club by its kind, like "Betrieb:" (rules round 16)
    r"betrieb|praxis|kanzlei|verein|club|association|(?!vor|nach|familien|benutzer|user|domain)[a-zäöüß]{3,}name|"
    r"name\s+(?:des|der)\s+[a-zäöüß]+")
BUSINESS_LABEL_RE = re.compile(rf"^(?:{_BUSINESS_LABELS})$", re.I)
# … and the labels that may name the owner as well as the firm ("Name", "Anbieter", "Medieninhaber").
_NAME_LABEL_RE = re.compile(
    rf"^(?:{_BUSINESS_LABELS}|name|unternehmen|company|"
    r"(?:dienste?|service)?anbieter(?:in)?|betreiber(?:in)?|herausgeber(?:in)?|medieninhaber(?:in)?|provider|"
    r"publisher|media\s+owner(?:\s+and\s+publisher)?|owner\s+and\s+publisher|(?:site|website)\s+owner|operator|"
    r"gesellschaft|betreibergesellschaft|rechtstr(?:ä|ae)ger(?:in)?|tr(?:ä|ae)ger(?:in)?|legal\s+entity|"
    r"operating\s+company)$",
    re.I,
)
_SEAT_LABEL_RE = re.compile(r"^(?:anschrift|adresse|addresse|address|sitz|firmensitz|hauptsitz|gesch(?:ä|ae)ftssitz|"
                            # an association's or a company's registered seat under its own heading
                            r"(?:eingetragene[rs]?\s+)?(?:vereins|gesellschafts|satzungs)sitz|"
                            r"sitz\s+(?:des|der)\s+(?:vereins|gesellschaft|unternehmens)|"
                            # "Praxisadresse", "Kanzleianschrift", "Firmenadresse": the seat's address by its compound
                            r"(?:praxis|kanzlei|firmen|unternehmens|gesch(?:ä|ae)fts|b(?:ü|ue)ro|ordinations|haupt)"
                            r"(?:adresse|anschrift)|"
                            r"besucher-?adresse|besuchsadresse|hausanschrift|visiting\s+address|street\s+address|"
                            r"hauptbüro|hauptbuero|registered\s+office|head\s+office|office|büro|buero|headquarters|"
                            r"hq|principal\s+office|(?:mailing|postal|business)\s+address|"
                            r"postanschrift|studio\b(?!\s+f(?:ü|ue)r\b).*|praxis\b(?!\s+f(?:ü|ue)r\b).*|"
                            r"standort\b.*|location)$", re.I)
_BRANCH_RE = re.compile(r"zweig|filiale|niederlassung|postadresse|postfach|branch|lager|werkstatt\s*:|"
                        r"zweites|second\s+office|weitere[rs]?\s+standort|außenstelle|aussenstelle", re.I)
_CONTACT_LABEL_RE = re.compile(
    r"^(?:kontakt\w*|contact|erreichbarkeit|tel(?:efon|ephone)?\.?|fon|telefax|fax|mobil(?:e|funk)?|handy|natel|"
    r"phone|e-?\s?mail|mail|web(?:site|seite)?|url|internet|homepage|whatsapp|\W*(?:tel|fax)\b.*|.*(?:telefon|tel\.|"
    r"phone|e-mail|fax)\b.*)$",
    re.I,
)
_CONTACT_TEXT_RE = re.compile(r"@|\bwww\.|https?://|(?:\+|\b0)\d[\d\s/().-]{5,}\d|\(at\)|\[at\]", re.I)
COUNTRY_ONLY_RE = re.compile(r"^(?:deutschland|germany|österreich|oesterreich|austria|schweiz|switzerland|suisse|"
                              r"svizzera|liechtenstein|de|at|ch)$", re.I)
# "X ist eine Marke der …", "X — eine Marke der … GmbH", "Eine Dienstleistung der … GmbH": the firm after it is the
# provider behind the brand.
BRAND_RE = re.compile(r"\b(?:ist\s+eine?\s+(?:marke|angebot|projekt|produkt|dienst)|is\s+a\s+(?:brand|trademark|"
                       r"product|service)\s+of|eine?\s+(?:angebot|projekt|produkt|marke|dienstleistung|service)\s+"
                       r"(?:der|des|von)|an?\s+(?:brand|service|division)\s+of)\b", re.I)
# A provider label printed without its colon before the name: "Anbieter Muster GmbH", "Media owner and publisher
# Muster GmbH", "Inhaberin Anna Muster".
GLUED_LABEL_RE = re.compile(
    r"^\W*(?i:(?:dienste?|service)?anbieter(?:in)?|betreiber(?:in)?|medieninhaber(?:in)?(?:\s+(?:und|&)\s+herausgeber(?:in)?)?|"
    r"herausgeber(?:in)?|firma|firmenname|unternehmen(?:sname)?|provider|publisher|"
    r"(?:media\s+)?owner(?:\s+(?:and|&)\s+publisher)?|site\s+operator|operator)\s+(?=[A-ZÄÖÜ0-9\"„»])"
)
# The field names of a label/value Impressum printed without a colon, each on a line of its own above its value
# ("Unternehmen" / "de Vries GaLa-Bau", "Anschrift" / "…", "Vertreten durch" / "…"): a label, never a name.
BARE_LABEL_RE = re.compile(
    rf"^(?:unternehmen|firma|(?:{_IN_FULL}\s+)?firmenname|"
    r"name|anschrift|adresse|address|sitz|firmensitz|inhaber(?:in)?|owner|"
    r"vertreten\s+durch|represented\s+by|gesch(?:ä|ae)ftsf(?:ü|ue)hr(?:er|erin|ung)|managing\s+directors?|"
    r"kontakt|contact|telefon|tel\.?|phone|telefax|fax|mobil|e-?mail|registergericht|registernummer|"
    r"handelsregister|ust\.?-?id(?:nr)?\.?|umsatzsteuer-?id(?:entifikationsnummer)?)$",
    re.I,
)
# Farms and estates are addressed by their name, without street or house number.
ESTATE_RE = re.compile(
    r"^(?:Gut|Hofgut|Rittergut|Landgut|Weingut|Hof|Gehöft|Schloss|Burg|Mühle|Alm|Weiler|Siedlung|Kloster|Domäne|"
    r"Vorwerk|Forsthaus|Ortsteil|OT)\s+\S|^[A-ZÄÖÜ][a-zäöüß]+(?:hof|mühle|muehle|gut|hütte|alm|weiler)$"
)
CONTACT_WORD_RE = re.compile(r"kontakt|contact|erreichbar", re.I)
DESCRIPTION_JOIN_RE = re.compile(r"\s(?:und|&|\+|and|/)\s|,\s")
TRAILING_JUNK = " \t,;:|·•-\u2013—"
_ITEM_JUNK = " \t,;|·•-\u2013—"


# Door, staircase and flat numbers after the street (Austria): part of the street as printed.
DOOR_RE = re.compile(r"^(?:T(?:ü|ue)r|Top|Stiege|Stg\.?|Whg\.?|Wohnung|Apt\.?|Block)\s*\d+[a-zA-Z]?$")
_PARTICLE_START_RE = re.compile(r"^(?:de|van|von|vom|zu|zum|zur|ten|ter|di|da|del|du|la|le)\s+[A-ZÄÖÜ]")
# Brands written with a lower-case initial: camel case ("gClean", "eBay") or a firm with its legal form ("conscoo
# GmbH"); other lower-case lines are prose.
_LOWER_BRAND_RE = re.compile(r"^[a-zäöü]{1,2}[A-ZÄÖÜ](?:[a-zäöüß]|[A-ZÄÖÜ]{2,}[a-zäöüß]?[A-ZÄÖÜ]*\b)")
_LOWER_FIRM_RE = re.compile(r"^[a-zäöü][\w&.+-]*(?:\s+[A-ZÄÖÜ&][\w&.+-]*){0,4}(?:\s+\([^()]{2,30}\))?$")
# "Muster GmbH, in Rechtsnachfolge der Alt GmbH", "…, vormals Alt KG": the predecessor is history, not the provider.
_SUCCESSOR_RE = re.compile(r",?\s+\(?(?:in\s+)?(?:rechtsnachfolge(?:rin)?\s+(?:der|des|von)|vormals|ehemals|"
                           r"formerly)\s.*$", re.I)
_FOR_CONTENT_RE = re.compile(r"\bf(?:ü|ue)r\s+(?:den|die)\s+(?:seiten)?inhalte?\b", re.I)
_PLACE_ABBREVIATION_END_RE = re.compile(r"\s(?:[a-zäöü]{1,2}\.\s?){1,2}[A-ZÄÖÜ][a-zäöü]{0,3}\.$")
_NUMBERED_SECTION_RE = re.compile(r"^\d{1,2}\.\s+[A-ZÄÖÜ][\w-]+$")  # "1. Controller", "2. Haftung"
_CLUB_ORDINAL_RE = re.compile(r"^\d\.\s+(?=[A-ZÄÖÜ][\w-]+\s.*\b(?:e\.\s?V\.?|(?:18|19|20)\d\d)(?:\s|$))")
_SECTION_NUMBER_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+")
# "(Art. 3 UWG)", "Art. 14 DSGVO", "nach Art. 13 …": an article of a law, cited like "§ 5 DDG"
_LAW_CITATION_RE = re.compile(r"\bArt(?:ikel|\.)\s*\d+[a-z]?\b(?:\s+(?:Abs\.|lit\.)\s*\w+)*\s+[A-Z][A-Za-z-]*[A-Z]\b")


@dataclass
class Item:
    text: str
    line: Line
    label: str = ""


# ---------------------------------------------------------------------------------------------- helpers
def anchor_strength(line: Line) -> int:
    """3 = strong provider anchor, 2 = weak (Impressum/Kontakt heading), 1 = content-responsible, 0 = none."""
    text = line.text.strip()
    if not text or len(text) > _MAX_ANCHOR_LEN or line.scope == THIRD_PARTY or line.region == "nav":
        return 0
    if not _ANCHOR_HINT_RE.search(text):
        return 0  # cheap pre-check: most lines hold none of the anchor words
    words_ = text.split()
    heading = 1 <= line.level <= LABEL_LEVEL or text.endswith(":")
    if text.endswith(".") and len(words_) >= 5 and not heading:
        return 0  # a sentence ("Verantwortlich für den Betrieb dieser Website ist X.")
    label = LABEL_RE.match(text)
    head = label.group(1) if label else text
    if not heading and not label and len(words_) > 12:
        return 0
    if _STRONG_ANCHOR_RE.search(head[:80]):
        return 3 if not _CONTENT_ANCHOR_RE.search(head) or re.search(
            r"medieninhaber|anbieter|betreiber|herausgeber|verantwortliche[nrs]?\b(?!\s+f)", head, re.I) else 1
    if _WEAK_ANCHOR_RE.match(head) and len(words_) <= 8:
        return 2
    if _CONTENT_ANCHOR_RE.search(head) and (heading or label or (
            _CONTENT_START_RE.match(head) and len(words_) <= 12)):
        return 1
    return 0


def classify_label(label: str) -> str:
    low = label.strip().lower()
    if _STRONG_ANCHOR_RE.search(low) and not _CONTENT_ANCHOR_RE.search(low):
        return "name"
    if _OWNER_LABEL_RE.match(low):
        return "owner"
    if _FORM_LABEL_RE.match(low):
        return "form"
    if _PROFESSION_LABEL_RE.match(low):
        return "profession"
    if _NAME_LABEL_RE.match(low):
        return "name"
    if _BRANCH_RE.search(low):
        return "branch"
    if _SEAT_LABEL_RE.match(low) or _ADDRESS_PART_LABEL_RE.match(low):
        return "seat"
    if _REP_LABEL_RE.search(low):
        return "rep"
    if _CONTACT_LABEL_RE.match(low):
        return "contact"
    if _STRONG_ANCHOR_RE.search(low) or _WEAK_ANCHOR_RE.match(low):
        return "anchor"
    return "other"


# "Rechtsform: Einzelunternehmen": the legal form under its own label, no part of the name.
_FORM_LABEL_RE = re.compile(r"^(?:rechtsform|unternehmensform|gesellschaftsform|legal\s+form|form\s+of\s+business)$",
                            re.I)
# "Beruf: Tierarzt", "Berufsbezeichnung: Zahnärztin": what the owner is, printed between the name and the seat.
_PROFESSION_LABEL_RE = re.compile(r"^(?:(?:gesetzliche\s+)?beruf(?:sbezeichnung)?|profession|occupation)$", re.I)
_ADDRESS_PART_LABEL_RE = re.compile(r"^(?:stra(?:ß|ss)e|str\.|hausnummer|plz(?:\s*/\s*ort)?|postleitzahl|ort|"
                                    r"stadt|street|city|zip(?:\s+code)?|postcode|postal\s+code|land|country)$", re.I)
_REP_LABEL_RE = re.compile(r"gesch(?:ä|ae)ftsf(?:ü|ue)hr|vertreten|vertretungsberechtigt|vorstand|vorsitz|"
                           r"managing\s+director|represented|directors?$|gesellschafter|prokur", re.I)
_COLON_PIPE_RE = re.compile(r"^([^|:]{2,45}):\s*\|\s+(?=\S)")
PIPE_LABEL_RE = re.compile(r"^([^|:]{2,30}?)\s+\|\s+(?=\S)")
_SEPARATOR_RE = re.compile(r"\s[|·•]\s")
_DASH_SEP_RE = re.compile(r"\s[-\u2013—]\s(?!\d{1,3}[a-zA-Z]?\b(?!\.))")


def _comma_address_split(piece: str) -> list[str]:
    """"Muster GmbH, Musterweg 1, 12345 Stadt": the name before the first address segment is its own item."""
    segs = piece.split(", ")
    if street_of(segs[0], None):
        return [piece]  # "Musterweg 1, Tür 4, 1100 Wien": an address line, no name before it
    for k in range(1, len(segs)):
        if street_of(segs[k], None) or postal_of(segs[k]):
            return [", ".join(segs[:k]), ", ".join(segs[k:])]
    return [piece]


def _comma_chunks(piece: str) -> list[str]:
    if ", " not in piece:
        return [piece]
    m = LABEL_RE.match(piece)
    if m is None:
        return _comma_address_split(piece)
    parts = _comma_address_split(m.group(2))  # "Inhaberin: Anna Muster, Musterweg 1, 12345 Stadt"
    return [f"{m.group(1)}: {parts[0]}", *parts[1:]]


# "F U R R E R": a name set with letter spacing is read as the word.
_LETTER_SPACED_RE = re.compile(r"(?<!\S)(?:[A-ZÄÖÜ] ){3,}[A-ZÄÖÜ](?!\S)")
_COPYRIGHT_LEAD_RE = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}(?:\s*[-\u2013]\s*(?:19|20)?\d{2,4})?)?"
                                r"\s*(?:by\s+)?(?=[A-ZÄÖÜ])", re.I)
_SLASH_RE = re.compile(r"\s/\s")


def _slash_split(pieces: list[str]) -> list[str]:
    """"Muster Ingenieurbüro / www.muster.de / info@muster.de": a slash that sets off a web or e-mail address
    separates items; elsewhere ("Kunst / Design") it belongs to the text."""
    out: list[str] = []
    for piece in pieces:
        parts = _SLASH_RE.split(piece)
        out.extend(parts if len(parts) > 1 and any(_CONTACT_TEXT_RE.search(p) for p in parts) else [piece])
    return out


_FA_PIECE_RE = re.compile(r"^(?:Fa\.?|Firma)\s+[A-ZÄÖÜ][\w.'-]*(?:\s+[A-ZÄÖÜ][\w.'-]*)?$")


def _firm_pieces(text: str) -> list[str]:
    """Cut at " | " / " · ", except inside a firm's name: "WENDORF | LÜCK Steuerberatungsgesellschaft mbH" (short
    name words, then the words with the legal form, and nothing else on the line)."""
    pieces = _SEPARATOR_RE.split(text)
    if len(pieces) > 1 and any(_FA_PIECE_RE.match(p) for p in pieces[1:]):
        # "Rund ums Holz · Fa. Muster": "Fa." names the firm, the block prints both as one name
        seps = _SEPARATOR_RE.findall(text)
        merged = [pieces[0]]
        for sep, piece in zip(seps, pieces[1:], strict=True):
            if _FA_PIECE_RE.match(piece):
                merged[-1] += sep + piece
            else:
                merged.append(piece)
        pieces = merged
    dashed = _DASH_SEP_RE.split(text)
    if len(pieces) == 1 and len(dashed) >= 3 and any(postal_of(p) for p in dashed):
        return dashed  # "Malerei Muster - Inhaber: Max Muster - Musterweg 1 - 12345 Stadt"
    if len(pieces) in (2, 3) and FORM_RE.search(pieces[-1]) and all(
            len(p.split()) <= 2 and not any(c.isdigit() for c in p) and ":" not in p and not _CONTACT_TEXT_RE.search(p)
            and not FORM_RE.search(p) and name_like(p) and not _WEAK_ANCHOR_RE.match(p) for p in pieces[:-1]) and (
            ":" not in pieces[-1] and not any(c.isdigit() for c in pieces[-1])):
        return [text]
    return pieces


# "… GmbH Adresse Musterweg 1": a label/value grid read as one line; the address label starts a new item.
_ADDRESS_WORD_SPLIT_RE = re.compile(r"\s(?=(?:Adresse|Anschrift|Address|Sitz)\s+[A-ZÄÖÜ][^\s:]*(?:\s[^\s:]+){0,4}?"
                                    r"\s\d{1,4}\s?[a-zA-Z]?\b)")


def split_items(line: Line) -> list[Item]:
    """One line -> items, cut before inline labels ("… Inhaber: …", "… Telefon: …"), at separators (" | ",
    " · ") and at a run-in address ("Muster GmbH, Musterweg 1, …", "Anna Muster Musterweg 1 12345 Stadt")."""
    out: list[Item] = []
    text = _COLON_PIPE_RE.sub(r"\1: ", line.text)  # "Betreiber: | Anna Muster": a two-cell row, label and value
    text = _OWNER_IN_PARENS_RE.sub(r" \1: \2", text)
    text = _OWNER_AFTER_COMMA_RE.sub(r"\1:", text)
    text = _OWNER_AFTER_SEP_RE.sub(r"\1:", text)
    text = _OWNER_INSIDE_RE.sub(r" \1:", text)
    text = _OWNER_AT_START_RE.sub(r"\1:", text)
    text = _FIELD_AT_START_RE.sub(r"\1:", text)
    m = PIPE_LABEL_RE.match(text)
    if m and classify_label(m.group(1)) in ("contact", "owner", "name", "seat", "rep", "form"):
        text = f"{m.group(1)}: {text[m.end():]}"  # a table row "Telefon | 0123 …"
    text = _LETTER_SPACED_RE.sub(lambda m: m.group(0).replace(" ", ""), text)
    text = _COPYRIGHT_LEAD_RE.sub("", text)  # "© 2025 Malerei Muster · Musterweg 1 · …": the name follows
    text = _OWNER_AFTER_NAME_RE.sub(r"\g<label>: \g<name>", text)
    text = _quoted_name_then_owner(text)
    text = _ADDRESS_WORD_SPLIT_RE.sub(" | ", text) if " " in text else text
    for labelled in _INLINE_LABEL_RE.split(text):
        for piece in _slash_split(_firm_pieces(labelled)):
            for chunk in _comma_chunks(piece):
                for part in split_inline_address(chunk, is_given_name):
                    part = _SUCCESSOR_RE.sub("", part).strip(_ITEM_JUNK)
                    if part:
                        out.append(Item(part, line))
    return out


# '"Muster Ferienzimmer" Anna Muster-Beispiel': a trade name in quotation marks, then a person on the same line.
_QUOTED_THEN_REST_RE = re.compile(r"^[\"„“»\u201a'](?P<name>[^\"„“”»«\u201a\u2018']{3,60})[\"“”«\u2018']"
                                  r"(?P<rest>\s+\S.{2,60})$")


def _quoted_name_then_owner(text: str) -> str:
    """The quotation marks end the trade name and the person after them is its owner: the line is cut there like a
    line cut at "Inh." (LABELLING.md v4 C, quotation marks dropped as in v2 "handelnd unter")."""
    m = _QUOTED_THEN_REST_RE.match(text)
    if m is None:
        return text
    rest = m.group("rest").strip()
    if person_line(rest, strict=False) != rest:
        return text
    return f"{m.group('name').strip()} Inhaber: {rest}"


def address_parts(text: str, site: Site) -> tuple[str | None, str | None, str | None, str | None]:
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
        door = None
        for cand in [*reversed(segs[:k]), *segs[k + 1 :]]:
            if DOOR_RE.match(cand.strip()):
                door = door or cand.strip()
                continue
            street = street_of(cand, country)
            if street:
                break
        if street and door and segs.index(door if door in segs else street) < k:
            street = f"{street}, {door}"  # "Favoritenstraße 24, Tür 14": door and staircase belong to the street
        return street, postal, city, country
    for i, seg in enumerate(segs):
        street = street_of(seg, site.region if site.region in ("DE", "AT", "CH") else None)
        if street:
            if i + 1 < len(segs) and DOOR_RE.match(segs[i + 1].strip()):
                street = f"{street}, {segs[i + 1].strip()}"
            return street, None, None, None
    return None, None, None, None


def is_contact(text: str) -> bool:
    return bool(_CONTACT_TEXT_RE.search(text))


_CALL_TO_ACTION_RE = re.compile(r"^(?:jetzt\s+)?(?:\S+\s+){0,2}(?:buchen|anfragen|vereinbaren|kontaktieren|anrufen|"
                                r"bestellen|reservieren|anmelden|entdecken|ansehen|erfahren)\W*$", re.I)


def _post_nominal_end(text: str) -> bool:
    """The line ends in a degree printed after a name ("… Anna Muster BSc.", "…, M.Sc.")."""
    last = text.rsplit(None, 1)[-1].lstrip(",")
    return last[:1].isupper() and POST_NOMINAL_RE.match(last) is not None and not last.isupper()


_HOURS_RE = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*[-\u2013\u2014]\s*\d{1,2}(?:[.:]\d{2})?\s*(?:Uhr|h)\b|"
                       r"\b\d{1,2}[.:]\d{2}\s*[-\u2013\u2014]\s*\d{1,2}[.:]\d{2}\b")


def name_like(text: str) -> bool:
    if not text or len(text) > 90 or len(text.split()) > 12 or ":" in text or "@" in text or "§" in text:
        return False  # a line citing a paragraph ("Erklärungen gemäß § 5 DDG") is a heading, never a name
    if SECTION_RE.match(text) or COUNTRY_ONLY_RE.match(text) or _NUMBERED_SECTION_RE.match(text):
        return False
    if _LAW_CITATION_RE.search(text) or ((m := _SECTION_NUMBER_RE.match(text)) and SECTION_RE.match(text[m.end():])):
        return False  # "1. Impressum (Art. 3 UWG)": a numbered section heading citing the law, like "§ 5 DDG"
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'„“»(" or _PARTICLE_START_RE.match(text)
            or _LOWER_BRAND_RE.match(text) or (_LOWER_FIRM_RE.match(text) and FORM_RE.search(text))):
        return False  # "de Vries GaLa-Bau", "van Beek Malerei" start with a particle
    if _CALL_TO_ACTION_RE.match(text):
        return False  # "Termin buchen", "Jetzt anfragen": a button or menu entry, no name
    if _HOURS_RE.search(text):
        return False  # "09-13 Uhr", "Mo-Fr 8:00 - 12:00": opening hours printed right above the letterhead
    if PRONOUN_RE.search(text) or text.endswith("?") or text.endswith("!") or _FOR_CONTENT_RE.search(text):
        return False  # "… für den Seiteninhalt" (a heading, whatever the spelling of its first word) names nobody
    if text.endswith(".") and not FORM_RE.search(text) and len(text.split()) > 3 and (
            not _PLACE_ABBREVIATION_END_RE.search(text)) and not _post_nominal_end(text):
        # a sentence, unless it ends in a place's abbreviation ("… Erlenbach o. W.", "… a. M.") or in the
        # owner's degree ("Physiotherapie Anna Muster BSc.": the degree's full stop ends no sentence)
        return False
    # a founding year is part of a club's name, also after the club's ordinal ("1. Muster Sportverein 1994 e.V.": the
    # "1." counts no more than a year does; rules round 16)
    return sum(c.isdigit() for c in _CLUB_ORDINAL_RE.sub("", text)) <= 4


