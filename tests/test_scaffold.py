"""New files from `netwerkkaart new`: they validate, carry the editor schema line, never overwrite."""

import json
from click.testing import CliRunner

from helpers import TODAY
from generator.cli import main
from generator.validate import validate_folder


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_new_region_municipality_and_partner_validate(tmp_path):
    assert run("new", "regio", "waasland", "--data", str(tmp_path)).exit_code == 0
    result = run("new", "gemeente", "--regio", "waasland", "Lokeren", "--data", str(tmp_path))
    assert result.exit_code == 0, result.output
    made = tmp_path / "regions" / "waasland" / "gemeenten" / "lokeren.yml"
    assert 'nis: "46029"' in made.read_text(encoding="utf-8")  # the 2025 code, after the merger with Moerbeke
    assert run("new", "partner", "--regio", "waasland", "--naam", "Jeugdhuis De Kelder", "Jeugdhuis De Kelder",
               "--data", str(tmp_path)).exit_code == 0
    partner = tmp_path / "partners" / "waasland" / "jeugdhuis-de-kelder.yml"
    first = partner.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema_file = (partner.parent / first.split("=", 1)[1]).resolve()
    assert json.loads(schema_file.read_text(encoding="utf-8"))["title"] == "Netwerkkaart: partner"
    result = validate_folder(tmp_path, today=TODAY)
    assert result.errors == [], [p.message for p in result.errors]


def test_never_overwrites_and_explains(tmp_path):
    run("new", "regio", "waasland", "--data", str(tmp_path))
    again = run("new", "regio", "waasland", "--data", str(tmp_path))
    assert again.exit_code == 1 and "bestaat al" in again.output
    unknown = run("new", "partner", "--regio", "nergens", "x", "--data", str(tmp_path))
    assert unknown.exit_code == 1
    wrong = run("new", "gemeente", "--regio", "waasland", "Atlantis", "--data", str(tmp_path))
    assert wrong.exit_code == 1
