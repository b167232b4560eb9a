"""The greeting rules (one module, used by the writer and by the e-mail service's ``{{ salutation }}``),
the contact's form of address through the API, and the crawl import filling it."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.kit.db import create_engine, migrate, session_factory
from services.leads.main import MIGRATIONS
from services.leads.models import Contact
from services.leads.records import import_site_record
from services.leads.schemas import ContactRead, parse_name, salutation, salutations
from tests.leads.crm_support import Stack, leads_stack

# name, recorded form of address, de formal, de informal, en formal, en informal
CASES = [
    ("Herr Dr. Klaus Bergmann", None, "Sehr geehrter Herr Dr. Bergmann,", "Hallo Klaus,", "Dear Dr. Bergmann,",
     "Hi Klaus,"),
    ("Dr. Klaus Bergmann", "herr", "Sehr geehrter Herr Dr. Bergmann,", "Hallo Klaus,", "Dear Dr. Bergmann,",
     "Hi Klaus,"),
    ("Dr. Klaus Bergmann", "unknown", "Guten Tag Dr. Klaus Bergmann,", "Hallo Klaus,", "Dear Dr. Bergmann,",
     "Hi Klaus,"),
    ("Frau Prof. Dr. Anna Weber", None, "Sehr geehrte Frau Prof. Weber,", "Hallo Anna,", "Dear Prof. Weber,",
     "Hi Anna,"),
    ("Prof. Dr. Anna Weber", "unknown", "Guten Tag Prof. Dr. Anna Weber,", "Hallo Anna,", "Dear Prof. Weber,",
     "Hi Anna,"),
    ("Ursula von der Leyen", "frau", "Sehr geehrte Frau von der Leyen,", "Hallo Ursula,",
     "Dear Ms. von der Leyen,", "Hi Ursula,"),
    ("Ursula von der Leyen", "unknown", "Guten Tag Ursula von der Leyen,", "Hallo Ursula,",
     "Dear Ursula von der Leyen,", "Hi Ursula,"),
    ("Karl-Theodor zu Guttenberg", "herr", "Sehr geehrter Herr zu Guttenberg,", "Hallo Karl-Theodor,",
     "Dear Mr. zu Guttenberg,", "Hi Karl-Theodor,"),
    # Faculty suffixes and degrees stay in the name, not in the greeting (DIN 5008).
    ("Dr. med. dent. Paul Weiß", "herr", "Sehr geehrter Herr Dr. Weiß,", "Hallo Paul,", "Dear Dr. Weiß,",
     "Hi Paul,"),
    ("Dipl.-Ing. Klaus Brandt", "herr", "Sehr geehrter Herr Brandt,", "Hallo Klaus,", "Dear Mr. Brandt,",
     "Hi Klaus,"),
    ("Dr. Dr. Hans Müller", "herr", "Sehr geehrter Herr Dr. Dr. Müller,", "Hallo Hans,", "Dear Dr. Dr. Müller,",
     "Hi Hans,"),
    ("Bergmann, Klaus", "herr", "Sehr geehrter Herr Bergmann,", "Hallo Klaus,", "Dear Mr. Bergmann,", "Hi Klaus,"),
    # English names and forms typed in English.
    ("Mr. John Carter", None, "Sehr geehrter Herr Carter,", "Hallo John,", "Dear Mr. Carter,", "Hi John,"),
    ("Ms Fiona MacLeod", None, "Sehr geehrte Frau MacLeod,", "Hallo Fiona,", "Dear Ms. MacLeod,", "Hi Fiona,"),
    ("Jane Smith, PhD", "frau", "Sehr geehrte Frau Dr. Smith,", "Hallo Jane,", "Dear Dr. Smith,", "Hi Jane,"),
    # Never guessed from a first name: Anna, Klaus and Trude without a form of address are neutral.
    ("Anna Schmidt", None, "Guten Tag Anna Schmidt,", "Hallo Anna,", "Dear Anna Schmidt,", "Hi Anna,"),
    ("Trude Herr", "unknown", "Guten Tag Trude Herr,", "Hallo Trude,", "Dear Trude Herr,", "Hi Trude,"),
    # One word: no first name for the informal greeting, so it stays formal.
    ("Madonna", None, "Guten Tag Madonna,", "Guten Tag Madonna,", "Dear Madonna,", "Dear Madonna,"),
    ("", None, "Guten Tag,", "Hallo,", "Hello,", "Hi,"),
]


@pytest.mark.parametrize(("name", "form", "de_formal", "de_informal", "en_formal", "en_informal"), CASES)
def test_salutation_table(name: str, form: str | None, de_formal: str, de_informal: str, en_formal: str,
                          en_informal: str) -> None:
    assert salutation(name, form, "de") == de_formal
    assert salutation(name, form, "de", "informal") == de_informal
    assert salutation(name, form, "en") == en_formal
    assert salutation(name, form, "en", "informal") == en_informal
    both = salutations(name, form)
    assert (both.de.formal, both.de.informal, both.en.formal, both.en.informal) == (
        de_formal, de_informal, en_formal, en_informal)
    assert both.pick("de-AT") == de_formal and both.pick("fr", "informal") == en_informal


def test_recorded_form_wins_over_the_typed_one_and_names_split() -> None:
    assert salutation("Frau Anna Weber", "herr", "de") == "Sehr geehrter Herr Weber,"
    parsed = parse_name("Herr Prof. Dr. Karl von und zu Lichtenstein, MBA")
    assert (parsed.form, parsed.professor, parsed.doctorates) == ("herr", True, 1)
    assert (parsed.first_name, parsed.last_name) == ("Karl", "von und zu Lichtenstein")
    assert parsed.name == "Prof. Dr. Karl von und zu Lichtenstein, MBA"
    assert parse_name("Drake Ingram").doctorates == 0 and parse_name("Profi Mustermann").professor is False


@pytest.fixture
async def stack(database_url: str, tmp_path: Path):
    async with leads_stack(database_url, tmp_path) as s:
        yield s


async def test_form_of_address_through_the_api(stack: Stack) -> None:
    resp = await stack.client.post("/leads/contacts", headers=stack.sales, json={"name": "Herr Dr. Klaus Bergmann"})
    assert resp.status_code == 201, resp.text
    contact = resp.json()
    # Typed "Herr …": stored as the form of address, the name keeps its title.
    assert contact["name"] == "Dr. Klaus Bergmann" and contact["form_of_address"] == "herr"
    assert contact["salutations"] == {
        "de": {"formal": "Sehr geehrter Herr Dr. Bergmann,", "informal": "Hallo Klaus,"},
        "en": {"formal": "Dear Dr. Bergmann,", "informal": "Hi Klaus,"}}
    url = f"/leads/contacts/{contact['id']}"
    changed = await stack.client.patch(url, headers=stack.sales, json={"form_of_address": "unknown"})
    assert changed.json()["salutations"]["de"]["formal"] == "Guten Tag Dr. Klaus Bergmann,"
    # A request naming the form itself wins over the word typed into the name.
    both = await stack.client.patch(url, headers=stack.sales, json={"name": "Frau Prof. Dr. Anna Weber",
                                                                    "form_of_address": "herr"})
    assert both.json()["name"] == "Prof. Dr. Anna Weber" and both.json()["form_of_address"] == "herr"
    plain = await stack.client.post("/leads/contacts", headers=stack.sales, json={"name": "Anna Schmidt"})
    assert plain.json()["form_of_address"] == "unknown"
    assert plain.json()["salutations"]["de"]["formal"] == "Guten Tag Anna Schmidt,"
    bad = await stack.client.patch(url, headers=stack.sales, json={"form_of_address": "dr"})
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"
    listed = (await stack.client.get("/leads/contacts?q=weber", headers=stack.demo)).json()["items"]
    assert listed[0]["salutations"]["en"]["formal"] == "Dear Prof. Weber,"
    # The greeting other services read is the one computed here (ContactRead over the wire).
    read = ContactRead.model_validate(listed[0])
    assert read.salutations.pick("de") == "Sehr geehrter Herr Prof. Weber,"


async def test_the_crawl_fills_an_unknown_form_of_address_and_never_overrides_a_person(database_url: str) -> None:
    engine = create_engine(database_url)
    await migrate(engine, MIGRATIONS, "alembic_version_leads")
    sessions = session_factory(engine)
    record = {"url": "https://www.brandt-aufzuege.de/", "company_name": "Brandt Aufzüge GmbH & Co. KG",
              "representatives": ["Herr Dipl.-Ing. Klaus Brandt"],
              "persons": [{"name": "Julia Brandt-Hagen", "role": "Geschäftsführerin", "form_of_address": "frau",
                           "source_url": "https://www.brandt-aufzuege.de/impressum"},
                          {"name": "Tim Kranz", "role": "Vertrieb"}]}
    try:
        async with sessions() as s, s.begin():
            company, _ = await import_site_record(s, record, None)
            company_id = company.id
        async with sessions() as s:
            people = {c.name: c for c in (await s.execute(Contact.__table__.select())).all()}
        assert people["Julia Brandt-Hagen"].form_of_address == "frau"
        assert people["Dipl.-Ing. Klaus Brandt"].form_of_address == "herr"
        assert people["Tim Kranz"].form_of_address == "unknown"
        assert people["Julia Brandt-Hagen"].evidence["form_of_address"]["url"].endswith("/impressum")
        async with sessions() as s, s.begin():
            tim = await s.get(Contact, people["Tim Kranz"].id)
            assert tim is not None
            tim.form_of_address = "herr"  # set by a person: no evidence of a machine writer
        again = {**record, "persons": [{"name": "Tim Kranz", "form_of_address": "frau"},
                                       {"name": "Julia Brandt-Hagen", "form_of_address": "frau"}]}
        async with sessions() as s, s.begin():
            company, created = await import_site_record(s, again, None)
            assert company.id == company_id and not created
        async with sessions() as s:
            tim = await s.get(Contact, people["Tim Kranz"].id)
            assert tim is not None and tim.form_of_address == "herr"
    finally:
        await engine.dispose()
