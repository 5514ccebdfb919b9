"""The typed model (generator/model.py): contact, signup, audience, hours and phone lines built from a
record, what a reader gets when a field is missing, and the way back to the record (the JSON export)."""

import json
import shutil
from dataclasses import replace

import pytest
import yaml

from generator.render import export, labels
from generator.topics import hours
from generator.model import Audience, Block, Closure, Contact, Hours, Partner, PhoneLine, Signup, _location, build_site
from generator.validate.pipeline import validate_folder
from helpers import ROOT, TODAY


@pytest.fixture(scope="module")
def example():
    result = validate_folder(ROOT, today=TODAY)
    assert not result.errors
    return result.project, build_site(result.project, today=TODAY)


def test_types_built_from_a_record():
    contact = Contact.of({"telefoon": "052 44 55 66", "chat": "https://jac.example/chat"})
    assert (contact.telefoon, contact.email, contact.website, contact.chat) == (
        "052 44 55 66", None, None, "https://jac.example/chat")
    signup = Signup.of({"via": ["zelf", "online"], "kostprijs": "bijdrage", "meebrengen": ["identiteitskaart"]})
    assert signup.via == ("zelf", "online") and signup.meebrengen == ("identiteitskaart",)
    assert signup.kostprijs == "bijdrage" and signup.wie is None and signup.telefoon is None
    audience = Audience.of({"leeftijd_van": 0, "leeftijd_tot": 12, "ouders": True, "kinderen": False})
    assert (audience.leeftijd_van, audience.leeftijd_tot) == (0, 12)
    assert audience.groups() == ["ouders"]  # kinderen: false is kept, but not a group that can come
    assert audience.kinderen is False and audience.jongeren is None
    line = PhoneLine.of({"naam": "Nachtlijn", "telefoon": "0800 13 500", "openingsuren_uitleg": "Dringend.",
                         "openingsuren": [{"dagen": ["vr", "za"], "van": "22:00", "tot": "02:00"}]})
    assert line.hours.openingsuren == (Block(("vr", "za"), "22:00", "02:00"),)
    assert line.openingsuren_uitleg == "Dringend."


def test_missing_optional_fields():
    assert Contact.of({}) == Contact() and Contact().to_data() == {}
    assert Audience.of({}) == Audience() and Audience().groups() == [] and Audience().to_data() == {}
    assert Signup.of({"via": ["zelf"]}).to_data() == {"via": ["zelf"]}
    assert not Hours.of({}) and Hours().to_data() == {}  # no hours: false, and nothing for nk-open.js
    assert Hours.of({"op_afspraak": False})  # said, even when it is false
    assert Hours.of({"openingsuren": []}) == Hours()  # an empty list says nothing
    closure = Closure.of({"van": "2026-12-24", "reden": "kerstavond"})
    assert closure.tot is None and closure.to_data() == {"van": "2026-12-24", "reden": "kerstavond"}
    assert hours.closure_words(closure) == "24 december 2026: kerstavond"


def test_what_readers_get_from_an_example_partner(example):
    _, site = example
    caw = site.partner("caw-vluchthuis-dender")  # phone lines, closures, a confidential location
    assert isinstance(caw, Partner) and isinstance(caw.contact, Contact) and isinstance(caw.aanmelden, Signup)
    assert caw.telefoonlijnen and all(isinstance(line, PhoneLine) for line in caw.telefoonlijnen)
    assert all(isinstance(loc.hours, Hours) for loc in caw.locaties)
    assert any(not loc.public for loc in caw.locaties)
    region = site.region(caw.region)
    assert isinstance(region.aanmelden, Signup) and region.aanmelden.wat_volgt


def test_hours_words_and_browser_data_come_from_one_value():
    record = {"openingsuren": [{"dagen": ["ma", "di"], "van": "09:00", "tot": "12:00"},
                               {"dagen": ["wo"], "gesloten": True, "geldig_van": "07-01", "geldig_tot": "08-31"}],
              "open_op_feestdagen": True, "gesloten": [{"van": "2026-12-24", "tot": "2027-01-01", "reden": "kerst"}]}
    opening = Hours.of(record)
    assert opening.to_data() == record  # what nk-open.js reads: the record's own keys
    assert hours.week_words(opening) == ["Maandag en dinsdag van 09:00 tot 12:00",
                                         "Woensdag: gesloten (van 1 juli tot en met 31 augustus)",
                                         "Ook open op feestdagen."]


def test_every_example_partner_back_to_its_record(example):
    """The model carries every field of the record: Partner.to_data gives the record back (values and all)."""
    project, site = example
    for rec in project.of_kind("partner"):
        assert site.partner(rec.doc.data["id"]).to_data() == rec.doc.data, rec.path


def test_the_record_comes_back_in_the_schemas_order(tmp_path):
    """Written in another order, a record is exported in the schema's order (as Partner.to_data writes it)."""
    shutil.copytree(ROOT / "regions", tmp_path / "regions")
    shutil.copytree(ROOT / "partners", tmp_path / "partners")
    source = ROOT / "partners" / "dender" / "werkwinkel-dendermonde.yml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    shuffled = dict(reversed(list(data.items())))
    shuffled["doelgroep"] = dict(reversed(list(data["doelgroep"].items())))
    (tmp_path / "partners" / "dender" / source.name).write_text(
        yaml.safe_dump(shuffled, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = validate_folder(tmp_path, today=TODAY)
    assert not result.errors, result.errors
    exported = next(x for x in json.loads(export.to_json(build_site(result.project, today=TODAY)))["partners"]
                    if x["id"] == data["id"])
    assert list(exported)[:4] == ["regio", "id", "naam", "voorbeeld"]
    assert list(exported["doelgroep"]) == [k for k in ("leeftijd_van", "leeftijd_tot", "ouders", "aanstaande_ouders",
                                                       "kinderen", "jongeren", "volwassenen", "uitleg")
                                           if k in data["doelgroep"]]
    assert {k: v for k, v in exported.items() if k != "regio"} == data


def test_keys_the_model_has_no_type_for_are_kept_as_extra(example):
    _, site = example
    partner = site.partner("werkwinkel-dendermonde")
    kept = replace(partner, extra=(("nieuw_veld", {"a": 1}),))
    assert kept.to_data()["nieuw_veld"] == {"a": 1} and list(kept.to_data())[-1] == "nieuw_veld"


def test_numbers_written_as_numbers_come_back_as_text():
    """A postcode may be written as a number in YAML; the model keeps it as text, and so do the exports
    (the import writes text too)."""
    location = _location({"adres": {"straat": "Markt 1", "postcode": 9200, "gemeente": "Dendermonde"},
                          "coordinaten": {"lat": 51.03, "lon": 4.1}})
    assert location.postcode == "9200" and location.nis and location.public and not location.hours
    assert location.to_data() == {"adres": {"straat": "Markt 1", "postcode": "9200", "gemeente": "Dendermonde"},
                                  "coordinaten": {"lat": 51.03, "lon": 4.1}}


def test_the_cost_text_is_made_once_for_pages_and_exports(example):
    assert labels.cost_text(Signup(kostprijs="gratis")) == "Gratis."
    assert labels.cost_text(Signup(kostprijs="bijdrage", kostprijs_uitleg="5 euro per sessie.")) == (
        "Kleine bijdrage. 5 euro per sessie.")
    assert labels.cost_text(Signup(kostprijs_uitleg="Vraag het ons.")) == "Vraag het ons."
    assert labels.cost_text(Signup()) == ""
    _, site = example
    organizations = {o["name"]: o for o in json.loads(export.to_hsds(site))}
    for partner in site.partners:
        assert organizations[partner.naam]["services"][0]["fees_description"] == labels.cost_text(partner.aanmelden)
