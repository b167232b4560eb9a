"""Everyday business words (German and English) → OpenStreetMap tags, and a query split into business
type and place: "Elektriker München" → craft=electrician in München.

A word maps to one or more alternative tag filters (a dentist is tagged amenity=dentist or
healthcare=dentist); a filter may need several tags at once (an eye doctor: healthcare=doctor with
healthcare:speciality=ophthalmology). Words are matched folded (lower case, umlauts as ae/oe/ue, ß
as ss, no hyphens), longest phrase first, with German plurals, feminine forms and compound heads
("Zahnarztpraxis", "Malerbetrieb") reduced to the word. A raw ``key=value`` tag in the query is
taken as it is. Whatever is left, without linking words ("in", "bei", "near"), is the place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.kit.errors import Invalid

# fmt: off
# "spec": "word, word, two words". A spec is alternatives separated by "|", each a "+"-joined set of
# key=value tags that must all be present.
_GROUPS: tuple[tuple[str, str], ...] = (
    # trades and crafts
    ("craft=electrician", "elektriker, elektrikerin, elektroinstallateur, elektroinstallation, elektrotechnik, "
                          "elektrofirma, elektro, electrician, electrical contractor"),
    ("craft=plumber|craft=hvac", "klempner, installateur, sanitaer, sanitaerinstallateur, heizung, heizungsbauer, "
                                 "sanitaer und heizung, shk, plumber, plumbing, heating engineer, hvac"),
    ("craft=hvac", "klimatechnik, lueftungsbauer, air conditioning"),
    ("craft=painter", "maler, malerin, maler und lackierer, lackierer, painter, decorator, painter and decorator"),
    ("craft=carpenter|craft=joiner", "schreiner, schreinerin, schreinerei, tischler, tischlerin, tischlerei, "
                                     "zimmerer, zimmerei, carpenter, joiner, joinery, carpentry"),
    ("craft=roofer", "dachdecker, dachdeckerin, dachdeckerei, roofer, roofing"),
    ("craft=tiler", "fliesenleger, fliesenlegerin, fliesen, tiler, tiling"),
    ("craft=plasterer", "stuckateur, verputzer, gipser, plasterer"),
    ("craft=glaziery", "glaser, glaserei, glazier, glaziery"),
    ("craft=locksmith|shop=locksmith", "schlosser, schlosserei, schluesseldienst, locksmith"),
    ("craft=metal_construction", "metallbau, metallbauer, stahlbau, metal construction, metalworker"),
    ("craft=builder|office=construction_company", "bauunternehmen, bauunternehmer, bauunternehmung, baufirma, "
                                                  "maurer, hochbau, builder, construction company, "
                                                  "building contractor"),
    ("craft=gardener|shop=garden_centre", "gaertner, gaertnerei, gartenbau, garten und landschaftsbau, galabau, "
                                          "landschaftsgaertner, gardener, landscaper, landscaping, garden centre"),
    ("craft=stonemason", "steinmetz, steinmetzin, stonemason"),
    ("craft=upholsterer", "polsterer, polsterei, raumausstatter, upholsterer"),
    ("craft=floorer", "bodenleger, parkettleger, estrichleger, floorer, flooring"),
    ("craft=chimney_sweeper", "schornsteinfeger, kaminkehrer, chimney sweep"),
    ("craft=cleaning|office=cleaning", "gebaeudereinigung, reinigungsfirma, reinigungsservice, reinigungsdienst, "
                                       "cleaning company, cleaning service, janitorial"),
    ("craft=photographer|shop=photo", "fotograf, fotografin, fotostudio, photographer, photo studio"),
    ("craft=tailor|shop=tailor", "schneider, schneiderin, schneiderei, aenderungsschneiderei, tailor, dressmaker"),
    ("craft=shoemaker|shop=shoe_repair", "schuhmacher, schuster, schuhreparatur, shoemaker, cobbler"),
    ("craft=key_cutter", "schluesselservice, key cutting"),
    ("craft=brewery", "brauerei, brewery"),
    ("craft=winery", "weingut, winzer, winery, vineyard"),
    ("craft=confectionery|shop=confectionery", "konditorei, konditor, confectioner"),
    ("craft=printer|shop=copyshop", "druckerei, copyshop, print shop, printer"),
    ("craft=sign_maker", "werbetechnik, schilder, sign maker"),
    ("craft=goldsmith|shop=jewelry", "goldschmied, goldschmiedin, juwelier, schmuck, goldsmith, jeweller, jeweler, "
                                     "jewelry, jewellery"),
    ("craft=watchmaker|shop=watches", "uhrmacher, uhren, watchmaker"),
    ("craft=optician|shop=optician", "optiker, optikerin, augenoptiker, brillen, optician"),
    ("craft=orthopaedic_technician|shop=medical_supply", "orthopaedietechnik, sanitaetshaus, medical supply"),
    ("craft=hvac|craft=insulation", "daemmung, isolierung, insulation"),
    ("craft=scaffolder", "geruestbau, geruestbauer, scaffolder, scaffolding"),
    ("craft=window_construction", "fensterbau, fensterbauer, window installer"),
    ("craft=beekeeper", "imker, imkerei, beekeeper"),
    # food and drink
    ("shop=bakery|craft=bakery", "baecker, baeckerin, baeckerei, backshop, bakery, baker"),
    ("shop=butcher|craft=butcher", "metzger, metzgerei, fleischer, fleischerei, butcher"),
    ("amenity=restaurant", "restaurant, gaststaette, gasthaus, wirtshaus, speiselokal, eatery"),
    ("amenity=cafe", "cafe, kaffee, kaffeehaus, coffee shop"),
    ("amenity=bar|amenity=pub", "bar, kneipe, pub, lokal"),
    ("amenity=biergarten", "biergarten, beer garden"),
    ("amenity=fast_food", "imbiss, schnellimbiss, fast food, takeaway"),
    ("amenity=ice_cream", "eisdiele, eiscafe, ice cream"),
    ("shop=beverages", "getraenkemarkt, getraenke, beverages"),
    ("shop=wine", "weinhandlung, weinhaendler, wine shop"),
    ("shop=deli", "feinkost, delikatessen, deli"),
    ("shop=supermarket", "supermarkt, lebensmittel, supermarket, grocery"),
    ("shop=organic|shop=health_food", "bioladen, naturkost, reformhaus, organic shop, health food"),
    ("craft=caterer|shop=catering", "catering, partyservice, caterer"),
    # health
    ("amenity=dentist|healthcare=dentist", "zahnarzt, zahnaerztin, zahnaerzte, zahnmedizin, kieferorthopaede, "
                                           "dentist, dentists, dental practice, orthodontist"),
    ("amenity=doctors|healthcare=doctor", "arzt, aerztin, aerzte, hausarzt, hausaerztin, allgemeinmediziner, "
                                          "allgemeinmedizin, doctor, doctors, general practitioner, gp, physician"),
    ("healthcare=doctor+healthcare:speciality=ophthalmology|amenity=doctors+healthcare:speciality=ophthalmology",
     "augenarzt, augenaerztin, eye doctor, ophthalmologist"),
    ("healthcare=doctor+healthcare:speciality=dermatology|amenity=doctors+healthcare:speciality=dermatology",
     "hautarzt, hautaerztin, dermatologe, dermatologist"),
    ("healthcare=doctor+healthcare:speciality=paediatrics|amenity=doctors+healthcare:speciality=paediatrics",
     "kinderarzt, kinderaerztin, paediatrician, pediatrician"),
    ("healthcare=doctor+healthcare:speciality=gynaecology|amenity=doctors+healthcare:speciality=gynaecology",
     "frauenarzt, frauenaerztin, gynaekologe, gynaecologist, gynecologist"),
    ("healthcare=doctor+healthcare:speciality=orthopaedics|amenity=doctors+healthcare:speciality=orthopaedics",
     "orthopaede, orthopaedin, orthopaedics, orthopedist"),
    ("healthcare=physiotherapist", "physiotherapie, physiotherapeut, physiotherapeutin, krankengymnastik, "
                                   "physiotherapist, physiotherapy, physical therapist"),
    ("healthcare=psychotherapist", "psychotherapeut, psychotherapeutin, psychotherapie, psychotherapist, "
                                   "psychotherapy, therapist"),
    ("healthcare=occupational_therapist", "ergotherapie, ergotherapeut, occupational therapist"),
    ("healthcare=speech_therapist", "logopaedie, logopaede, logopaedin, speech therapist"),
    ("healthcare=podiatrist", "podologie, podologe, fusspflege, podiatrist, chiropodist"),
    ("healthcare=alternative", "heilpraktiker, heilpraktikerin, naturheilpraxis, naturopath, alternative medicine"),
    ("healthcare=midwife", "hebamme, hebammen, midwife"),
    ("amenity=pharmacy|healthcare=pharmacy", "apotheke, apotheker, pharmacy, chemist, drugstore"),
    ("amenity=veterinary", "tierarzt, tieraerztin, tieraerzte, tierklinik, vet, veterinarian, veterinary"),
    ("shop=hearing_aids", "hoergeraete, hoerakustik, hoerakustiker, hearing aids"),
    ("amenity=clinic|healthcare=clinic", "klinik, praxisklinik, clinic"),
    ("healthcare=nurse|amenity=social_facility+social_facility=nursing_home", "pflegedienst, pflegeheim, "
                                                                               "altenheim, nursing home, home care"),
    # personal care
    ("shop=hairdresser", "friseur, friseurin, frisoer, friseursalon, haarstudio, hairdresser, hair salon, barber"),
    ("shop=beauty", "kosmetik, kosmetikstudio, kosmetikerin, nagelstudio, beauty salon, beautician, nail salon"),
    ("shop=massage", "massage, massagepraxis, masseur"),
    ("shop=tattoo", "tattoo, taetowierer, tattoostudio, tattoo studio"),
    ("leisure=fitness_centre", "fitnessstudio, fitness, gym, fitness centre, fitness center"),
    ("leisure=fitness_centre+sport=yoga|amenity=studio+sport=yoga", "yoga, yogastudio, yoga studio"),
    # professional services
    ("office=tax_advisor", "steuerberater, steuerberaterin, steuerberatung, steuerkanzlei, steuerbuero, "
                           "tax advisor, tax adviser, tax consultant"),
    ("office=accountant", "buchhaltung, buchhalter, wirtschaftspruefer, wirtschaftspruefung, accountant, "
                          "accountants, accounting, bookkeeper, auditor"),
    ("office=lawyer", "rechtsanwalt, rechtsanwaeltin, rechtsanwaelte, anwalt, anwaeltin, anwaelte, anwaltskanzlei, "
                      "kanzlei, fachanwalt, lawyer, lawyers, attorney, solicitor, law firm"),
    ("office=notary", "notar, notarin, notariat, notary"),
    ("office=architect", "architekt, architektin, architekten, architekturbuero, architect, architects"),
    ("office=engineer", "ingenieur, ingenieurbuero, statiker, engineer, engineering firm"),
    ("office=surveyor", "vermesser, vermessungsbuero, surveyor"),
    ("office=insurance", "versicherung, versicherungen, versicherungsmakler, versicherungsagentur, insurance, "
                         "insurance agent, insurance broker"),
    ("office=financial_advisor|office=financial", "finanzberater, finanzberatung, vermoegensberater, "
                                                  "financial advisor, financial adviser"),
    ("office=estate_agent", "immobilienmakler, immobilien, makler, immobilienbuero, estate agent, real estate, "
                            "real estate agent, realtor"),
    ("office=property_management", "hausverwaltung, immobilienverwaltung, property management"),
    ("office=it|office=software", "it dienstleister, itdienstleister, it service, edv, software, softwarefirma, "
                                  "softwareentwicklung, it company, software company, software developer"),
    ("office=advertising_agency", "werbeagentur, marketingagentur, agentur, advertising agency, marketing agency"),
    ("office=consulting", "unternehmensberatung, unternehmensberater, beratung, consulting, consultant, consultancy"),
    ("office=translator", "uebersetzer, uebersetzerin, uebersetzungsbuero, dolmetscher, translator, interpreter"),
    ("office=employment_agency", "personalvermittlung, zeitarbeit, personaldienstleister, recruitment agency, "
                                 "employment agency, staffing agency"),
    ("office=security", "sicherheitsdienst, wachdienst, security company, security service"),
    ("office=moving_company", "umzug, umzugsfirma, umzugsunternehmen, umzuege, removals, moving company, movers"),
    ("office=coworking|amenity=coworking_space", "coworking, coworking space"),
    ("office=logistics", "spedition, logistik, logistics, freight forwarder"),
    ("office=architect|office=interior_design", "innenarchitekt, innenarchitektin, interior designer"),
    ("office=graphic_design", "grafikdesign, grafikdesigner, graphic designer"),
    ("office=association", "verein, verband, association"),
    ("amenity=bank", "bank, sparkasse, volksbank, raiffeisenbank"),
    # vehicles
    ("shop=car_repair", "autowerkstatt, kfzwerkstatt, kfz, werkstatt, autoreparatur, car repair, garage, "
                        "mechanic, auto repair"),
    ("shop=car", "autohaus, autohaendler, gebrauchtwagen, car dealer, car dealership"),
    ("shop=tyres", "reifenhandel, reifenservice, reifen, tyres, tires, tyre service"),
    ("amenity=car_wash", "autowaesche, waschanlage, car wash"),
    ("shop=bicycle", "fahrradladen, fahrradhaendler, fahrrad, fahrraeder, radladen, bike shop, bicycle shop"),
    ("shop=motorcycle", "motorradhaendler, motorrad, motorcycle dealer"),
    ("amenity=driving_school", "fahrschule, driving school"),
    ("amenity=fuel", "tankstelle, petrol station, gas station"),
    ("amenity=taxi|office=taxi", "taxi, taxiunternehmen, taxi company"),
    # retail
    ("shop=florist", "florist, floristin, blumenladen, blumen, blumengeschaeft, flower shop"),
    ("shop=books", "buchhandlung, buchladen, bookshop, bookstore"),
    ("shop=clothes", "bekleidung, modegeschaeft, boutique, mode, clothes shop, clothing store, fashion"),
    ("shop=shoes", "schuhgeschaeft, schuhe, shoe shop"),
    ("shop=furniture", "moebelhaus, moebel, furniture store, furniture"),
    ("shop=kitchen", "kuechenstudio, kuechen, kitchen studio"),
    ("shop=doityourself|shop=hardware", "baumarkt, eisenwaren, hardware store, diy store"),
    ("shop=electronics", "elektronik, elektronikfachhandel, electronics"),
    ("shop=computer", "computerladen, computerhandel, computer shop"),
    ("shop=mobile_phone", "handyladen, handyshop, mobile phone shop"),
    ("shop=pet", "zoohandlung, tierbedarf, pet shop"),
    ("shop=toys", "spielwaren, spielzeug, toy shop"),
    ("shop=sports", "sportgeschaeft, sportartikel, sports shop"),
    ("shop=travel_agency", "reisebuero, reiseagentur, travel agency, travel agent"),
    ("shop=stationery", "schreibwaren, stationery"),
    ("shop=gift", "geschenke, geschenkladen, gift shop"),
    ("shop=dry_cleaning|shop=laundry", "reinigung, textilreinigung, waescherei, dry cleaning, dry cleaner, laundry"),
    ("shop=funeral_directors", "bestatter, bestattungen, bestattungsinstitut, funeral director, undertaker"),
    ("shop=musical_instrument", "musikhaus, musikinstrumente, music shop"),
    ("shop=art", "galerie, kunsthandlung, art gallery"),
    ("shop=interior_decoration", "einrichtungshaus, wohnaccessoires, interior decoration"),
    ("shop=bed", "bettenhaus, betten, bed shop"),
    ("shop=paint", "farbenfachhandel, farben, paint shop"),
    ("shop=agrarian", "landhandel, agrarhandel, agricultural supplies"),
    # education, lodging, leisure
    ("amenity=language_school", "sprachschule, language school"),
    ("amenity=music_school", "musikschule, music school"),
    ("amenity=dancing_school|leisure=dance", "tanzschule, dance school"),
    ("amenity=prep_school", "nachhilfe, nachhilfeschule, tutoring"),
    ("amenity=kindergarten", "kindergarten, kita, kindertagesstaette, daycare, nursery"),
    ("tourism=hotel", "hotel, hotels"),
    ("tourism=guest_house", "pension, gasthof, gaestehaus, ferienwohnung, guest house, guesthouse, b&b, "
                            "bed and breakfast"),
    ("tourism=camp_site", "campingplatz, camping, campsite"),
    ("leisure=sports_centre", "sportzentrum, sports centre, sports center"),
    ("amenity=cinema", "kino, cinema"),
    ("amenity=events_venue", "eventlocation, veranstaltungsort, event venue"),
    ("amenity=animal_boarding", "tierpension, hundepension, animal boarding, kennel"),
    ("amenity=childcare", "kinderbetreuung, tagesmutter, childcare"),
)
# fmt: on

# Linking words between business type and place: dropped at the edges of the place, kept inside
# it ("Frankfurt am Main", "Rothenburg ob der Tauber").
STOP_WORDS = frozenset({
    "in", "im", "bei", "nahe", "um", "rund", "aus", "von", "fuer", "und", "oder", "the", "a", "an", "near", "around",
    "at", "from", "of", "for", "and", "or", "nearby", "umgebung", "raum", "region", "stadt", "city", "area",
})
# Heads of German compounds that name the kind of place, not the trade: "Zahnarztpraxis" is a dentist.
_HEADS = ("fachbetrieb", "meisterbetrieb", "betrieb", "meisterin", "meister", "firma", "firmen", "unternehmen",
          "service", "praxis", "praxen", "buero", "kanzlei", "werkstatt", "studio", "laden", "geschaeft", "gmbh")
# German and English inflections, tried when a word as written is unknown.
_ENDINGS = ("innen", "in", "en", "es", "n", "e", "s")
_RAW_TAG = re.compile(r"^([a-z][a-z0-9_]*(?::[a-z0-9_]+)*)=([a-z0-9_][a-z0-9_;:.-]*)$")
_TOKEN = re.compile(r"[\w&=:;.'-]+", re.UNICODE)
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "à": "a", "ç": "c"})
MAX_PHRASE = 5


@dataclass(frozen=True, slots=True)
class TagFilter:
    """Tags that must all be present, e.g. ``(("healthcare", "doctor"), ("healthcare:speciality", "dermatology"))``."""

    tags: tuple[tuple[str, str], ...]

    @property
    def label(self) -> str:
        return " + ".join(f"{key}={value}" for key, value in self.tags)

    def matches(self, tags: dict[str, str]) -> bool:
        return all(value in tags.get(key, "").split(";") for key, value in self.tags)


@dataclass(frozen=True, slots=True)
class PlaceQuery:
    terms: tuple[str, ...]  # the business words as the user wrote them
    filters: tuple[TagFilter, ...]
    place: str


def fold(word: str) -> str:
    """Lower case, umlauts as ae/oe/ue, ß as ss, without hyphens and dots: the form words are matched in."""
    return word.lower().translate(_FOLD).replace("-", "").replace(".", "").strip("'")


def _parse_spec(spec: str) -> tuple[TagFilter, ...]:
    filters = []
    for alternative in spec.split("|"):
        pairs = tuple(tuple(tag.split("=", 1)) for tag in alternative.split("+"))
        filters.append(TagFilter(tuple((k, v) for k, v in pairs)))
    return tuple(filters)


def _build() -> dict[tuple[str, ...], tuple[TagFilter, ...]]:
    table: dict[tuple[str, ...], tuple[TagFilter, ...]] = {}
    for spec, words in _GROUPS:
        filters = _parse_spec(spec)
        for word in words.split(","):
            key = tuple(fold(part) for part in word.split())
            if key:
                table[key] = table.get(key, ()) + tuple(f for f in filters if f not in table.get(key, ()))
    return table


TERMS = _build()


def _single(word: str) -> tuple[TagFilter, ...] | None:
    """One folded word, as written or reduced to a known word (inflection, compound head)."""
    if (word,) in TERMS:
        return TERMS[(word,)]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3 and (word[: -len(ending)],) in TERMS:
            return TERMS[(word[: -len(ending)],)]
    for head in _HEADS:
        if word.endswith(head) and len(word) - len(head) >= 3:
            stem = word[: -len(head)]
            for candidate in (stem, stem.removesuffix("s")):  # "Anwaltskanzlei": the linking s
                found = _single(candidate) if candidate != word else None
                if found:
                    return found
    return None


def parse_query(query: str) -> PlaceQuery:
    """Split "Elektriker in München" into tag filters and a place; :class:`Invalid` says what is missing."""
    tokens = _TOKEN.findall(query)
    folded = [fold(t) for t in tokens]
    terms: list[str] = []
    filters: list[TagFilter] = []
    rest: list[str | None] = []  # place words in order; None where a business word stood
    i = 0
    while i < len(tokens):
        raw = _RAW_TAG.match(tokens[i].lower())
        if raw:
            terms.append(tokens[i])
            filters.append(TagFilter(((raw.group(1), raw.group(2)),)))
            rest.append(None)
            i += 1
            continue
        for size in range(min(MAX_PHRASE, len(tokens) - i), 0, -1):
            phrase = tuple(folded[i:i + size])
            found = TERMS.get(phrase) if size > 1 else _single(phrase[0]) if phrase[0] else None
            if found:
                terms.append(" ".join(tokens[i:i + size]))
                filters.extend(f for f in found if f not in filters)
                rest.append(None)
                i += size
                break
        else:
            rest.append(tokens[i])
            i += 1
    if not filters:
        raise Invalid(
            f"OpenStreetMap searches by type of business, and no type was recognised in “{query}”. Start with "
            "one, such as Elektriker, Steuerberater, Zahnarzt, Friseur, Restaurant (or electrician, tax advisor, "
            "dentist …), or give an OpenStreetMap tag such as craft=electrician.")
    # The place is the longest run of other words, without linking words at its edges.
    runs: list[list[str]] = [[]]
    for word in rest:
        if word is None:
            runs.append([])
        else:
            runs[-1].append(word)
    best = max((_trim(run) for run in runs), key=len)
    place = " ".join(best).strip(" ,;")
    if not place:
        raise Invalid(f"Name the place to search in, for example “{' '.join(terms)} München” or "
                      f"“{' '.join(terms)} in Graz”: OpenStreetMap searches one town, city or district at a time.")
    return PlaceQuery(terms=tuple(terms), filters=tuple(filters), place=place)


def _trim(words: list[str]) -> list[str]:
    words = [w.strip(",;") for w in words if w.strip(",;")]
    while words and fold(words[0]) in STOP_WORDS:
        words = words[1:]
    while words and fold(words[-1]) in STOP_WORDS:
        words = words[:-1]
    return words
