"""Open-data exports: every partner once, nothing confidential, valid formats."""

import csv
import io
import json

from click.testing import CliRunner

from helpers import ROOT
from generator.render import export
from generator.cli import main
from generator.validate.pipeline import validate_folder


def project():
    return validate_folder(ROOT).project


def test_every_partner_once_in_json_and_csv():
    p = project()
    ids = sorted(r.doc.data["id"] for r in p.of_kind("partner"))
    assert sorted(x["id"] for x in json.loads(export.to_json(p))["partners"]) == ids
    rows = list(csv.DictReader(io.StringIO(export.to_csv(p).removeprefix("\ufeff")), delimiter=";"))
    assert sorted(r["id"] for r in rows) == ids
    assert list(rows[0].keys()) == export.CSV_COLUMNS
    assert all(r["telefoon"] == "" or r["telefoon"][0] in "0'" for r in rows)  # leading zeros kept, +32 as text


def test_no_confidential_location_in_any_export():
    p = project()
    secret = {r.doc.data["id"] for r in p.of_kind("partner")
              if any(loc.get("vertrouwelijk") for loc in r.doc.data.get("locaties", []))}
    assert secret
    data = json.loads(export.to_json(p))
    assert not any(loc.get("vertrouwelijk") for x in data["partners"] for loc in x.get("locaties", []))
    geo = json.loads(export.to_geojson(p))
    public = sum(1 for r in p.of_kind("partner") for loc in r.doc.data.get("locaties", [])
                 if not loc.get("vertrouwelijk") and loc.get("coordinaten"))
    assert len(geo["features"]) == public
    assert all(f["geometry"]["type"] == "Point" and -180 <= f["geometry"]["coordinates"][0] <= 180 for f in geo["features"])


def test_export_command(tmp_path):
    out = tmp_path / "p.csv"
    result = CliRunner().invoke(main, ["export", str(ROOT), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b'\xef\xbb\xbf"id";"regio";"naam";')  # BOM and ';': Excel in Dutch


def test_hsds_export_validates_against_the_official_schema():
    """Open Referral HSDS 3.0, compiled organization schema (tests/hsds-3.0, CC BY-SA 4.0), format checks on."""
    from pathlib import Path

    import jsonschema

    schema = json.loads((Path(__file__).parent / "hsds-3.0" / "organization.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    organizations = json.loads(export.to_hsds(project(), "https://netwerk.example/"))
    assert len(organizations) == len(project().of_kind("partner"))
    for org in organizations:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(org)]
        assert errors == [], (org["name"], errors[:5])
    ids = [o["id"] for o in organizations]
    assert len(set(ids)) == len(ids)
    assert json.loads(export.to_hsds(project(), "https://netwerk.example/")) == organizations  # stable ids


def test_hsds_ids_are_uuid5_of_the_joined_parts():
    import uuid

    from generator.render.export import HSDS_NAMESPACE, hsds_id

    for parts in [("organisatie", "caw-oost"), ("uren", "p", "0"), ("taal", "ä-é", "nl"), ("",)]:
        assert hsds_id(*parts) == str(uuid.uuid5(HSDS_NAMESPACE, "/".join(parts)))
