"""Phone and fax numbers, told apart by their labels and normalised to E.164."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from .dom import COMPANY, LABEL_LEVEL, Line, ParsedPage
from .site import Candidate, Site, make_candidate

# A run of digits and the separators people put in phone numbers.
# The run ends before a time ("… 9183940 (8:30 to 16:30)": the 8 is no digit of the number).
_SPAN_RE = re.compile(r"(?<![\w+/.,-])(?:\+|\b00)?\s?\(?\d[\d ()./\-\u2013\u2011]{4,32}\d(?![\w:])(?!\s?\d)")
_FAX = "fax"
_TEL = "tel"
_OTHER = "other"
_LABEL_RE = re.compile(
    r"(?P<fax>\b(?:tele)?fax(?:nummer|-nr\.?)?\b|\bfx\b|(?<![\w.])F(?=\s?[:.]?\s*[+0(]))"
    r"|(?P<tel>\btel(?:efon|ephone)?(?:nummer|-nr\.?)?\b\.?|\bphone\b|\bfon\b|\bmobil(?:e|funk)?\b|\bhandy\b|"
    r"\bnatel\b|\bcell\b|\bhotline\b|\bzentrale\b|\bnotruf\b|\bnotdienst\b|\bdurchwahl\b|\bdirekt\b|\bdirect\b|"
    r"\bcall\b|\bruf(?:en|nummer)?\b|\bmain\b|\bmob\.|\bbüro\b|\bwerkstatt\b|\bsupport\b|\bvertrieb\b|\bsales\b|"
    r"\breservierung\b|\btermine?\b|\bwhats\s?app\b|(?<![\w.])[TMP](?=\s?[:.]?\s*[+0(])|☎|📞)"
    r"|(?P<other>\biban\b|\btax\b|\bbic\b|\bswift\b|\bblz\b|\bkonto|\bsteuer|\bst\.?-?nr|\bust\b|\bust-|\buid\b|\bvat\b|"
    r"\bmwst\b|\bhr[ab]\b|\bfn\b|firmenbuch|register|\bweee\b|\bzvr\b|\bgln\b|\bean\b|\bisbn\b|artikel|bestell|"
    r"kunden-?nr|rechnungs-?nr|postfach|aktenzeichen|handwerksrolle|safe-id|\bplz\b|company\s+no|"
    r"registration\s+no|reg\.\s?no|registered\s+no|\bcrn\b|\bein\b|\bduns\b|\bid\b)",
    re.I,
)
# a date, also one followed by a count ("09.12.2026 5 Blöcke")
_DATE_RE = re.compile(r"^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$|^\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\s")
# opening hours and date ranges: "09.00 - 12.30", "04.09.-28.09.2026" (also with an en dash)
_TIME_RANGE_RE = re.compile(r"^\d{1,2}[.:]\d{2}\.?\s*[-\u2013]\s*\d{1,2}[.:]\d{2}\.?(?:\d{2}|\d{4})?$")
# month ranges of a CV: "01/2017 - 01/2018", "05.2013 - 06.2019", also with an en dash (rules round 17: read as
# Austrian numbers on two sites)
_MONTH_RANGE_RE = re.compile(r"^\d{1,2}[/.](?:19|20)\d{2}\s*[-\u2013\u2014]\s*\d{1,2}[/.](?:19|20)\d{2}$")
# a template's dummy subscriber number after a real area code: "076 000 00 00", "030 0000000" (rules round 17; a
# subscriber "123456" stays: the unit tests' invented numbers use it)
_DUMMY_NSN_RE = re.compile(r"0{6,}$")
_NANP_RE = re.compile(r"^(?:\+?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]?\d{3}[\s.-]\d{4}$")
_SPLIT_RE = re.compile(r"\s[/\u2013|-]\s|\s{2,}|,\s")
_LABEL_WINDOW = 28
_HINT_BEFORE_RE = re.compile(r"(?:z\.\s?b\.|e\.\s?g\.|bspw\.|beispiel(?:sweise)?|for\s+example)\W*$", re.I)
_WHATSAPP_RE = re.compile(r"https?://(?:wa\.me/|(?:api|web)\.whatsapp\.com/send/?\?(?:[^#]*&)?phone=)\+?(\d{8,15})\b",
                          re.I)


@dataclass
class PhoneHit:
    e164: str
    kind: str  # "tel" | "fax"
    labelled: bool
    cand: Candidate
    link_only: bool = False  # read from a tel: link behind a word ("Jetzt anrufen")


def _clean(span: str) -> str:
    span = span.strip(" -\u2013/.(")
    # "+49 (0)89" -> "+49 89": the trunk zero must go once a country code is present.
    return re.sub(r"^((?:\+|00)\s?\d{1,3})\s*\(0\)\s*", r"\1 ", span)


def _parse(number: str, regions: list[str]) -> str | None:
    digits = re.sub(r"\D", "", number)
    if not 7 <= len(digits) <= 15 or _DATE_RE.match(number.strip()) or _TIME_RANGE_RE.match(number.strip()) or (
            _MONTH_RANGE_RE.match(number.strip())):
        return None
    international = number.startswith(("+", "00"))
    us_like = "US" in regions[:1] and _NANP_RE.match(number)
    if not international and not number.lstrip("(").startswith("0") and not us_like:
        return None  # German/Austrian/Swiss/UK national numbers start with the trunk 0
    for region in regions if not international else regions[:1]:
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            nsn = phonenumbers.national_significant_number(parsed)
            if (len(nsn) >= 9 and "1234567890".startswith(nsn)) or (
                    region != regions[0] and nsn.startswith("1234")) or _DUMMY_NSN_RE.search(nsn):
                # a template's placeholder ("+43 123 456 7890", "01234 567890"; "01234-567321" on a German
                # site, no German number, read as a neighbour's), nobody's number
                return None
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return None


def _label_before(text: str, start: int) -> str | None:
    # One character of the number is included so single-letter labels ("F +49 …") can see it.
    window = text[max(0, start - _LABEL_WINDOW) : start + 1]
    kind: str | None = None
    last_end = -1
    for m in _LABEL_RE.finditer(window):
        if m.end() >= last_end:
            last_end = m.end()
            kind = _FAX if m.group("fax") else _TEL if m.group("tel") else _OTHER
    if kind is not None and re.search(r"\d", window[last_end:-1]):
        # Another number sits between the label and this one ("Tel. 089 1 / 089 2" keeps the label,
        # but "HRB 123 Tel" does not leak the register label onto a later number).
        between = window[last_end:]
        if re.search(r"[A-Za-z]{3,}", between):
            return None
    return kind


def _regions(region: str) -> list[str]:
    # National numbers are read in the site's region; only the DACH neighbours are tried as fallbacks
    # (a Swiss site quoting an Austrian office). A UK company number must not turn into a German phone.
    if region in ("DE", "AT", "CH"):
        return list(dict.fromkeys([region, "DE", "AT", "CH"]))
    return [region]


def phone_hits_in_line(line: Line, prev: Line | None, regions: list[str]) -> list[tuple[str, str, bool, int, int]]:
    """(e164, kind, labelled, start, end) for each number on the line."""
    out: list[tuple[str, str, bool, int, int]] = []
    text = line.text
    for m in _SPAN_RE.finditer(text):
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip())
        raw = raw.lstrip()
        parts: list[tuple[str, int]] = [(raw, m.start() + lead)]
        if len(re.sub(r"\D", "", raw)) > 15:
            parts = []
            pos = 0
            for piece in _SPLIT_RE.split(raw):
                idx = raw.find(piece, pos)
                parts.append((piece, m.start() + lead + max(idx, 0)))
                pos = max(idx, 0) + len(piece)
        for piece, start in parts:
            number = _clean(piece)
            if not number:
                continue
            label = _label_before(text, start)
            if label is None and start <= 3 and prev is not None and (
                prev.level == LABEL_LEVEL or len(prev.text) <= 25
            ):
                label = _label_before(prev.text + " ", len(prev.text) + 1)
            if label == _OTHER or _HINT_BEFORE_RE.search(text[max(0, start - 16) : start]):
                continue  # "z. B. +41 31 123 45 67": a form hint, not a number
            if out and start < out[-1][4]:
                continue  # already read as the continuation of the number before it
            e164 = _parse(number, regions)
            if e164 is None:
                continue
            if label is None and re.search(r"\bfax\b", text[start + len(piece) : start + len(piece) + 4], re.I):
                label = _FAX
            end = start + len(piece)
            if label == _FAX and _TEL_AND_FAX_RE.search(text[max(0, start - _LABEL_WINDOW) : start]):
                out.append((e164, _TEL, True, start, end))  # "Tel./Fax: …": one number for both
            out.append((e164, label or _TEL, label is not None, start, end))
            cont = _CONTINUATION_RE.match(text, end)
            if cont and (second := _same_area(e164, cont.group(1))):
                # "030 123 456 oder 654 321": the second number is dialled in the first one's area
                out.append((second, label or _TEL, label is not None, cont.start(1), cont.end(1)))
    return out


_TEL_AND_FAX_RE = re.compile(r"\b(?:tel(?:efon)?|fon|phone)\.?\s*(?:/|&|\+|und|and|,)\s*(?:tele)?fax\b\W*$", re.I)
_CONTINUATION_RE = re.compile(r"\s*(?:oder|or|bzw\.?|und|and|u\.|&)\s*([1-9][\d ]{2,9}\d)(?![\d/.-]|\s\d)", re.I)


def _same_area(previous: str, local: str) -> str | None:
    """`local` (no trunk zero, no country code) dialled in the area of the `previous` E.164 number."""
    digits = re.sub(r"\D", "", local)
    if not 4 <= len(digits) <= 8 or local.lstrip().startswith(("0", "+")):
        return None
    try:
        prev = phonenumbers.parse(previous)
    except phonenumbers.NumberParseException:
        return None
    nsn = phonenumbers.national_significant_number(prev)
    area = phonenumbers.length_of_geographical_area_code(prev)
    if not area:
        return None
    candidate = phonenumbers.parse(f"+{prev.country_code}{nsn[:area]}{digits}")
    if not phonenumbers.is_valid_number(candidate):
        return None
    return phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.E164)


def find_phones(site: Site, seat: tuple[ParsedPage, int] | None = None, *,
                region: str | None = None) -> tuple[list[Candidate], Candidate | None]:
    """Phones (E.164, best first) and the fax. `seat`: the provider block's page and first line — its first
    fax is the seat's fax, also when the same number is printed as the phone. `region`: the country national
    numbers are read in, when not the site's own (the printed seat's)."""
    regions = _regions(region or site.region)
    hits: list[PhoneHit] = []
    seat_fax: PhoneHit | None = None
    for page in site.pages:
        prev: Line | None = None
        for line in page.lines:
            if line.scope == COMPANY and (line.has_digit or line.links):
                line_hits = _line_hits(page, line, prev, regions)
                hits.extend(line_hits)
                if seat_fax is None and seat is not None and seat[0] is page and line.index >= seat[1]:
                    seat_fax = next((h for h in line_hits if h.kind == _FAX and h.labelled), None)
            prev = line
    printed = {h.e164 for h in hits if not h.link_only}
    # "069 87 00 17 43-0" printed, the "Anrufen" link dials it without the extension: one number, as printed
    hits = [h for h in hits if not h.link_only or h.e164 in printed or not any(
        p.startswith(h.e164) and 1 <= len(p) - len(h.e164) <= 2 for p in printed)]
    # "+43 1 234 56 78 - 0" and, in the header, "+43 1 234 56 78": the switchboard's "-0" is one number with it
    switchboard = {h.e164 for h in hits if not h.link_only and _SWITCHBOARD_RE.search(h.cand.snippet)}
    hits = [h for h in hits if h.e164 + "0" not in switchboard]
    fax_votes: dict[str, float] = {}
    tel_votes: dict[str, float] = {}
    strongest: dict[tuple[str, str], float] = {}  # (number, kind) -> the strongest single hit
    tel_labelled: set[str] = set()
    best_cand: dict[str, Candidate] = {}
    for h in hits:
        votes = fax_votes if h.kind == _FAX else tel_votes
        votes[h.e164] = votes.get(h.e164, 0.0) + h.cand.score
        strongest[(h.e164, h.kind)] = max(strongest.get((h.e164, h.kind), 0.0), h.cand.score)
        if h.kind == _TEL and h.labelled:
            tel_labelled.add(h.e164)
        cur = best_cand.get(h.e164)
        if cur is None or h.cand.score > cur.score:
            best_cand[h.e164] = h.cand
    fax: Candidate | None = None
    # A number labelled as often "fax" as "tel" ("t: 0421 1234 / f: 0421 1234") is both.
    # The fax label on the contact page outweighs staff lines on the team page that print the same number as "fon".
    fax_numbers = {n for n, v in fax_votes.items()
                   if v >= tel_votes.get(n, 0.0) or strongest[(n, _FAX)] > strongest.get((n, _TEL), 0.0)}
    if seat_fax is not None:
        fax = seat_fax.cand
        fax_numbers.add(fax.value)
    elif fax_numbers:
        # ties go to the number printed first (the votes keep the page order): never to a set's hash order,
        # which made the fax differ from one interpreter run to the next
        top = max((n for n in fax_votes if n in fax_numbers), key=lambda n: fax_votes[n])
        fax = Candidate(value=top, score=fax_votes[top], url=best_cand[top].url, snippet=best_cand[top].snippet)
    phones = [
        Candidate(value=n, score=v, url=best_cand[n].url, snippet=best_cand[n].snippet)
        for n, v in tel_votes.items()
        # one number for phone and fax is both, when the phone label is as strong as the fax label
        if n not in fax_numbers or (n in tel_labelled and strongest.get((n, _TEL), 0.0) >= strongest.get(
            (n, _FAX), 0.0))
    ]
    phones.sort(key=lambda c: -c.score)
    return phones, fax


_SWITCHBOARD_RE = re.compile(r"\d\s?[-\u2013]\s?0(?!\d)")
_SERVICE_TYPES = frozenset({phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.PREMIUM_RATE,
                            phonenumbers.PhoneNumberType.SHARED_COST})


def _service_number(e164: str) -> bool:
    """A toll-free, shared-cost or premium-rate number (0800 …, 0180 …, 0900 …)."""
    try:
        return phonenumbers.number_type(phonenumbers.parse(e164)) in _SERVICE_TYPES
    except phonenumbers.NumberParseException:
        return False


def _line_hits(page: ParsedPage, line: Line, prev: Line | None, regions: list[str]) -> list[PhoneHit]:
    out: list[PhoneHit] = []
    for e164, kind, labelled, start, end in phone_hits_in_line(line, prev, regions):
        if not labelled and len(line.text) > 100 and _service_number(e164):
            continue  # "… das Krisentelefon XY unter 0800 …": another body's hotline named in running text
        score = page.weight + (1.0 if labelled else 0.0)
        out.append(PhoneHit(e164, kind, labelled, make_candidate(e164, score, page, line.text, start, end)))
    for link in line.links:
        wa = _WHATSAPP_RE.match(link.href)
        if wa:  # a number reached only through a WhatsApp link is the provider's (LABELLING.md)
            parsed = _parse("+" + wa.group(1), regions)
            if parsed:
                out.append(PhoneHit(parsed, _TEL, True, make_candidate(parsed, page.weight + 1.0, page, line.text)))
            continue
        scheme = link.href.lower()[:4]
        if scheme in ("tel:", "fax:"):
            if _parse(_clean(link.text), regions):
                continue  # the visible number is the one a reader dials; the link target may differ
            number = _clean(link.href[4:].replace("%20", " "))
            parsed = _parse(number, regions)
            if parsed:
                # "fax:" (RFC 2806) behind a word ("Telefax"): the number is a fax whatever the text (rules round 20)
                fax = scheme == "fax:" or re.search(r"fax", link.text + line.text[:12], re.I)
                kind = _FAX if fax else _TEL
                out.append(PhoneHit(parsed, kind, True, make_candidate(parsed, page.weight + 1.0, page, line.text),
                                    link_only=True))
    return out
