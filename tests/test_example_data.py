"""The shipped example data: valid, complete enough to show every feature, and marked as examples."""

import json

from helpers import ROOT, TODAY
from generator.load import geo
from generator.validate import schema
from generator.load.refdata import reference
from generator.validate.pipeline import validate_folder


def result():
    return validate_folder(ROOT, today=TODAY)


def test_example_data_has_no_problems_at_all():
    r = result()
    assert [p.key() for p in r.problems] == []


def test_example_data_covers_every_kind_and_levensdomein_per_region():
    r = result()
    partners = r.project.of_kind("partner")
    assert len(partners) >= 40
    kinds = json.loads(schema.schema_text("partner"))["properties"]["soort"]["enum"]
    default = {d["id"] for d in r.project.default_life_domains.doc.data["levensdomeinen"]}
    for region in ("dender", "voorkempen"):
        mine = [p.doc.data for p in partners if p.region == region]
        assert {p["soort"] for p in mine} == set(kinds), region
        assert default <= {d for p in mine for d in p["levensdomeinen"]}, region
    assert any(loc.get("vertrouwelijk") for p in partners for loc in p.doc.data.get("locaties", []))
    assert any(not p.doc.data.get("locaties") for p in partners)


def test_every_record_is_marked_as_example():
    r = result()
    assert all(rec.doc.data.get("voorbeeld") is True for rec in r.project.records), [
        rec.path for rec in r.project.records if rec.doc.data.get("voorbeeld") is not True]


def test_real_municipalities_and_coordinates_inside_them():
    r = result()
    ref = reference()
    regions = {"dender": {"42003", "42004", "42006", "42008", "42011", "42028"},
               "voorkempen": {"11009", "11057", "11039", "11050", "11054", "11055"}}
    for region, codes in regions.items():
        assert {str(m.doc.data["nis"]) for m in r.project.of_kind("gemeente") if m.region == region} == codes
    for p in r.project.of_kind("partner"):
        for loc in p.doc.data.get("locaties", []):
            if "coordinaten" in loc:
                nis = ref.find(loc["adres"]["gemeente"]).nis
                c = loc["coordinaten"]
                assert geo.distance_outside_km(nis, c["lat"], c["lon"]) == 0.0, p.path
