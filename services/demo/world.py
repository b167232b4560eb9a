"""The demo's fictional world: companies across industries and DACH cities, the people who run them,
what their websites say, and the notes a sales team wrote. Deterministic: the same seed gives the same
world; dates are relative to ``now``.

Every name, address, phone number and e-mail here is invented. Domains end in real TLDs but belong to
nobody we know of; the e-mail service only ever sends demo mail to the local catcher.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import phonenumbers

SEED = 20261203


@dataclass(frozen=True)
class Industry:
    key: str
    label: str  # as the company record shows it
    names: tuple[str, ...]  # business name patterns; {n} is a family name
    forms: tuple[str, ...]  # legal forms, "" for a sole proprietor
    summary: str  # {name}, {city}, {year}, {staff}
    offers: tuple[str, ...]
    roles: tuple[str, ...]


INDUSTRIES: tuple[Industry, ...] = (
    Industry("machinery", "Maschinenbau", ("{n} Präzisionstechnik", "{n} Maschinenbau", "{n} Antriebstechnik"),
             ("GmbH", "GmbH & Co. KG"), "{name} fertigt seit {year} Sondermaschinen und Baugruppen für die "
             "Automobil- und Medizintechnik; {staff} Mitarbeitende arbeiten am Standort {city}.",
             ("CNC-Fräsen", "Sondermaschinenbau", "Wartung und Retrofit"), ("Geschäftsführer", "Leiter Fertigung")),
    Industry("tax", "Steuerberatung", ("Steuerberatung {n}", "{n} & Partner Steuerberater"), ("", "PartG mbB"),
             "Die Kanzlei {name} berät seit {year} Familienunternehmen und Freiberufler in {city} zu Steuern, "
             "Lohn und Nachfolge.", ("Jahresabschlüsse", "Lohnbuchhaltung", "Unternehmensnachfolge"),
             ("Steuerberaterin", "Steuerberater", "Kanzleiinhaberin")),
    Industry("electric", "Elektroinstallation", ("Elektro {n}", "{n} Elektrotechnik"), ("", "GmbH"),
             "{name} installiert seit {year} Elektro-, Photovoltaik- und Smart-Home-Anlagen für Privat- und "
             "Gewerbekunden rund um {city}.", ("Photovoltaik", "E-Mobilität", "Gebäudetechnik"),
             ("Inhaber", "Elektromeister", "Geschäftsführerin")),
    Industry("software", "Software", ("{n} Software", "{n} Digital", "{n} IT-Systeme"),
             ("GmbH", "UG (haftungsbeschränkt)"),
             "{name} entwickelt seit {year} Branchensoftware für Handwerksbetriebe; das Team in {city} zählt "
             "{staff} Köpfe.", ("Auftragsverwaltung", "Zeiterfassung", "Schnittstellen"),
             ("CEO", "CTO", "Head of Sales")),
    Industry("bakery", "Bäckerei", ("Bäckerei {n}", "{n} Backstube"), ("", "e.K."),
             "Die {name} backt seit {year} mit regionalem Mehl und betreibt vier Filialen in und um {city}.",
             ("Brot und Brötchen", "Catering", "Hochzeitstorten"), ("Bäckermeister", "Inhaberin")),
    Industry("architecture", "Architektur", ("{n} Architekten", "Architekturbüro {n}"), ("", "PartGmbB"),
             "{name} plant seit {year} Wohn- und Gewerbebauten in Holz- und Hybridbauweise in der Region {city}.",
             ("Entwurfsplanung", "Bauleitung", "Energieberatung"), ("Architekt", "Architektin", "Partnerin")),
    Industry("dental", "Zahnmedizin", ("Zahnarztpraxis {n}", "Zahnärzte {n}"), ("",),
             "Die Praxis {name} in {city} behandelt seit {year} Angstpatienten, Kinder und Implantatfälle.",
             ("Prophylaxe", "Implantologie", "Kinderzahnheilkunde"), ("Zahnärztin", "Zahnarzt", "Praxismanagerin")),
    Industry("logistics", "Logistik", ("{n} Logistik", "{n} Spedition"), ("GmbH", "GmbH & Co. KG"),
             "{name} bewegt seit {year} Stückgut und Kühlware zwischen {city} und dem Alpenraum, mit {staff} "
             "Fahrzeugen.", ("Stückgut", "Kühltransporte", "Lagerlogistik"), ("Geschäftsführer", "Disponentin")),
    Industry("hospitality", "Hotellerie", ("Hotel {n}", "Gasthof {n}"), ("", "GmbH"),
             "Das {name} in {city} ist seit {year} familiengeführt: 42 Zimmer, Seminarräume und regionale Küche.",
             ("Tagungen", "Hochzeiten", "Wellness"), ("Gastgeberin", "Direktor", "Küchenchef")),
    Industry("carpentry", "Schreinerei", ("Schreinerei {n}", "{n} Möbelwerkstatt"), ("", "GmbH"),
             "Die {name} fertigt seit {year} Einbaumöbel, Küchen und Praxiseinrichtungen in {city}.",
             ("Einbauschränke", "Küchen", "Ladenbau"), ("Schreinermeister", "Inhaber")),
    Industry("physio", "Physiotherapie", ("Physiotherapie {n}", "Praxis für Physiotherapie {n}"), ("",),
             "{name} in {city} behandelt seit {year} Sport- und Rückenpatienten, auch mit Hausbesuchen.",
             ("Manuelle Therapie", "Sportphysiotherapie", "Rückenschule"), ("Physiotherapeutin", "Praxisinhaber")),
    Industry("law", "Rechtsberatung", ("Kanzlei {n}", "{n} Rechtsanwälte"), ("", "PartG mbB"),
             "Die Kanzlei {name} vertritt seit {year} mittelständische Unternehmen in {city} im Arbeits- und "
             "Vertragsrecht.", ("Arbeitsrecht", "Vertragsrecht", "Inkasso"), ("Rechtsanwältin", "Rechtsanwalt")),
    Industry("solar", "Solartechnik", ("{n} Solar", "{n} Energietechnik"), ("GmbH",),
             "{name} plant und montiert seit {year} Photovoltaik- und Speicheranlagen für Gewerbedächer rund um "
             "{city}.", ("Gewerbe-PV", "Stromspeicher", "Wartung"), ("Geschäftsführerin", "Projektleiter")),
    Industry("landscaping", "Garten- und Landschaftsbau", ("{n} Gartenbau", "Garten {n}"), ("", "GmbH"),
             "{name} gestaltet seit {year} Gärten, Dachbegrünungen und Außenanlagen in {city} und Umgebung.",
             ("Gartenplanung", "Dachbegrünung", "Pflege"), ("Inhaber", "Landschaftsgärtnermeister")),
    Industry("printing", "Druckerei", ("Druckerei {n}", "{n} Druck & Medien"), ("GmbH", "e.K."),
             "Die {name} druckt seit {year} Verpackungen und Geschäftsdrucksachen klimaneutral in {city}.",
             ("Verpackungsdruck", "Digitaldruck", "Veredelung"), ("Geschäftsführer", "Vertriebsleiterin")),
)

FAMILY_NAMES = ("Brunner", "Hofmann", "Keller", "Lindner", "Wagner", "Berger", "Huber", "Schäfer", "Vogel",
                "Weiß", "Krüger", "Lorenz", "Seidel", "Graf", "Kühn", "Brandt", "Haas", "Sommer", "Winter",
                "Fuchs", "Roth", "Jäger", "Baumann", "Frank", "Albrecht", "Schuster", "Böhm", "Pohl", "Engel",
                "Horn", "Busch", "Maier", "Eder", "Gruber", "Steiner", "Moser", "Egger", "Brügger", "Meier",
                "Zimmermann", "Kaiser", "Reiter", "Arnold", "Hahn", "Lang", "Ziegler", "Kraus", "Vogt")
FIRST_NAMES = {"herr": ("Thomas", "Michael", "Stefan", "Andreas", "Markus", "Jan", "Lukas", "Florian", "Matthias",
                        "Tobias", "Daniel", "Christian", "Klaus", "Jürgen", "Felix", "Simon"),
               "frau": ("Anna", "Julia", "Sabine", "Katrin", "Laura", "Claudia", "Sandra", "Lisa", "Miriam",
                        "Eva", "Nina", "Petra", "Verena", "Sophie", "Carina", "Martina")}
TITLES = ("", "", "", "", "Dr. ", "", "Dipl.-Ing. ", "", "Prof. Dr. ", "")
# (city, postal code, country, area code / international prefix, street names)
PLACES = (
    ("München", "80331", "DE", "+4989", ("Sendlinger Straße", "Leopoldstraße", "Landsberger Straße")),
    ("Stuttgart", "70173", "DE", "+49711", ("Königstraße", "Rotebühlstraße")),
    ("Hamburg", "20095", "DE", "+4940", ("Mönckebergstraße", "Billstraße", "Am Sandtorkai")),
    ("Berlin", "10115", "DE", "+4930", ("Chausseestraße", "Torstraße", "Gewerbehof Wedding")),
    ("Köln", "50667", "DE", "+49221", ("Hohe Straße", "Aachener Straße")),
    ("Leipzig", "04109", "DE", "+49341", ("Karl-Liebknecht-Straße", "Gohliser Straße")),
    ("Freiburg im Breisgau", "79098", "DE", "+49761", ("Kaiser-Joseph-Straße", "Schwarzwaldstraße")),
    ("Nürnberg", "90402", "DE", "+49911", ("Königstraße", "Sigmundstraße")),
    ("Kassel", "34117", "DE", "+49561", ("Wilhelmsstraße", "Industriestraße")),
    ("Wien", "1010", "AT", "+431", ("Kärntner Straße", "Wiedner Hauptstraße")),
    ("Graz", "8010", "AT", "+43316", ("Herrengasse", "Conrad-von-Hötzendorf-Straße")),
    ("Linz", "4020", "AT", "+43732", ("Landstraße", "Industriezeile")),
    ("Zürich", "8001", "CH", "+4144", ("Bahnhofstrasse", "Badenerstrasse")),
    ("Basel", "4051", "CH", "+4161", ("Steinenvorstadt", "Hochbergerstrasse")),
    ("Bern", "3011", "CH", "+4131", ("Marktgasse", "Freiburgstrasse")),
)
STATUSES = ("new", "enriched", "enriched", "contacted", "contacted", "replied", "meeting", "won", "lost")
TAGS = ("Zielkunde", "Region Süd", "Messe 2026", "Empfehlung", "Bestandskunde", "Handwerk", "Mittelstand")
NOTES = (
    "Kurz telefoniert: {first} ist offen für ein Gespräch, aber erst nach dem Quartalsabschluss.",
    "Auf der Messe getroffen; Interesse an {offer}. Visitenkarte liegt vor (Einwilligung notiert).",
    "Website nennt {staff} Mitarbeitende und sucht gerade Verstärkung: guter Zeitpunkt.",
    "Bestandskunde seit 2024; Verlängerung im Frühjahr ansprechen.",
    "{first} bittet um Unterlagen per E-Mail statt Anruf.",
)


@dataclass
class Person:
    id: int
    company_id: int
    name: str
    form_of_address: str  # herr | frau
    role: str
    email: str
    phone: str | None
    legal_basis: str  # consent | existing_customer | none
    legal_basis_source: str | None
    status: str


@dataclass
class Company:
    id: int
    name: str
    legal_form: str | None
    domain: str
    street: str
    postal_code: str
    city: str
    country: str
    phone: str
    phone_prefix: str  # country and area code of ``phone`` (+4989): how a page splits the number
    email: str
    industry: str
    industry_key: str
    employees: str
    founded: int
    summary: str
    offers: tuple[str, ...]
    tags: list[str]
    status: str
    created_at: datetime
    people: list[Person] = field(default_factory=list)
    notes: list[tuple[int | None, str, datetime]] = field(default_factory=list)  # (person id, body, when)

    @property
    def website(self) -> str:
        return f"https://www.{self.domain}/"

    def page(self, path: str) -> str:
        return f"{self.website}{path}"


@dataclass
class World:
    now: datetime
    companies: list[Company]

    @property
    def people(self) -> list[Person]:
        return [p for c in self.companies for p in c.people]


_UMLAUTS: dict[str, str | int | None] = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}


def _slug(text: str) -> str:
    folded = text.lower().translate(str.maketrans(_UMLAUTS))
    folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return "-".join("".join(ch if ch.isalnum() else " " for ch in folded).split())


def _phone(prefix: str, rng: random.Random) -> str:
    """A number libphonenumber accepts as valid for that area (so the extractor reads it back)."""
    while True:
        number = f"{prefix}{rng.randint(2000000, 8999999)}"
        if phonenumbers.is_valid_number(phonenumbers.parse(number)):
            return number


def build_world(now: datetime, companies: int = 45) -> World:
    """The same ``companies`` companies every time (ids from 1), dated relative to ``now``."""
    rng = random.Random(SEED)
    out: list[Company] = []
    used: set[str] = set()
    person_id = 0
    for cid in range(1, companies + 1):
        industry = INDUSTRIES[(cid - 1) % len(INDUSTRIES)]
        city, postal, country, prefix, streets = PLACES[(cid * 7) % len(PLACES)]
        family = FAMILY_NAMES[(cid * 5) % len(FAMILY_NAMES)]
        base = rng.choice(industry.names).format(n=family)
        form = rng.choice(industry.forms)
        name = f"{base} {form}".strip()
        domain = _slug(base) + {"DE": ".de", "AT": ".at", "CH": ".ch"}[country]
        while domain in used:  # two firms of one family name in one industry
            domain = domain.replace(".", f"-{city[:3].lower()}.", 1)
        used.add(domain)
        founded = rng.randint(1962, 2019)
        staff = rng.choice(("8", "14", "25", "40", "60", "120", "250"))
        company = Company(
            id=cid, name=name, legal_form=form or None, domain=domain,
            street=f"{rng.choice(streets)} {rng.randint(1, 140)}", postal_code=postal, city=city, country=country,
            phone=_phone(prefix, rng), phone_prefix=prefix, email=f"info@{domain}", industry=industry.label,
            industry_key=industry.key,
            employees=staff, founded=founded,
            summary=industry.summary.format(name=base, city=city, year=founded, staff=staff),
            offers=industry.offers, tags=sorted(set(rng.sample(TAGS, rng.randint(0, 2)))),
            status=STATUSES[cid % len(STATUSES)], created_at=now - timedelta(days=90 - cid, hours=cid % 7))
        for n in range(rng.choice((1, 2, 2, 3))):
            person_id += 1
            gender = "frau" if (cid + n) % 2 else "herr"
            first = FIRST_NAMES[gender][(cid * 3 + n) % len(FIRST_NAMES[gender])]
            last = family if n == 0 else FAMILY_NAMES[(cid * 11 + n * 3) % len(FAMILY_NAMES)]
            title = TITLES[(cid + n) % len(TITLES)]
            basis = ("consent", "existing_customer", "none", "consent")[(cid + n) % 4]
            source = {"consent": f"Visitenkarte, Messe am {(now - timedelta(days=40 + cid)).date():%d.%m.%Y}",
                      "existing_customer": "Kunde seit 2024 (Rechnung 2024-0" + str(100 + cid) + ")"}.get(basis)
            company.people.append(Person(
                id=person_id, company_id=cid, name=f"{title}{first} {last}", form_of_address=gender,
                role=industry.roles[(cid + n) % len(industry.roles)],
                email=f"{_slug(first)}.{_slug(last)}@{domain}",
                phone=_phone(prefix, rng) if n == 0 else None, legal_basis=basis, legal_basis_source=source,
                status=company.status if n == 0 else "new"))
        lead = company.people[0]
        for k in range(cid % 3):
            text = NOTES[(cid + k) % len(NOTES)].format(first=lead.name.split()[-2], offer=industry.offers[0],
                                                        staff=staff)
            company.notes.append((lead.id if k else None, text, now - timedelta(days=20 - k * 5, hours=cid)))
        out.append(company)
    return World(now=now, companies=out)
