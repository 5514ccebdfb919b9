"""Second round of hardening (a tester's findings after issue 11): export -o is confined, Click's usage
errors are Dutch and coded, output failures are coded, import writes all or nothing, new runs the full
checks, ids are never rewritten silently."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

PARTNER = "partners/dender/huis-van-het-kind-zele.yml"


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


# -- B: export -o is confined ----------------------------------------------------------------------

@pytest.mark.parametrize("target", [PARTNER, "regions/dender/regio.yml", "docs/x.csv", "generator/cli.py",
                                    ".git/config", "partners/dender/../dender/nieuw.csv"])
def test_export_refuses_a_target_inside_protected_folders(basis, target):
    (basis / "docs").mkdir()
    (basis / "generator").mkdir()
    (basis / "generator" / "cli.py").write_text("code\n")
    (basis / ".git").mkdir()
    (basis / ".git" / "config").write_text("[core]\n")
    before = {p: p.read_bytes() for p in basis.rglob("*") if p.is_file()}
    result = run("export", basis, "--format", "csv", "-o", basis / target, "--force")
    assert result.exit_code == 2, result.output
    assert "NK705" in result.output and "Traceback" not in result.output
    assert {p: p.read_bytes() for p in basis.rglob("*") if p.is_file()} == before


def test_export_refuses_an_existing_file_that_is_not_an_export_unless_force(basis):
    readme = basis / "README.md"
    readme.write_text("# Lees mij\n")
    result = run("export", basis, "--format", "csv", "-o", readme)
    assert result.exit_code == 2 and "NK706" in result.output
    assert readme.read_text() == "# Lees mij\n"
    assert run("export", basis, "--format", "csv", "-o", readme, "--force").exit_code == 0
    assert readme.read_text(encoding="utf-8-sig").startswith('"id";')


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson", "hsds"])
def test_export_overwrites_a_previous_export(basis, tmp_path, fmt):
    out = basis / f"uit.{fmt}"
    assert run("export", basis, "--format", fmt, "-o", out).exit_code == 0
    again = run("export", basis, "--format", fmt, "-o", out)
    assert again.exit_code == 0, again.output


def test_export_to_a_missing_folder_a_folder_or_a_device_is_coded(basis):
    missing = run("export", basis, "-o", basis / "nergens" / "x.csv")
    assert missing.exit_code == 2 and "NK708" in missing.output and "Traceback" not in missing.output
    folder = run("export", basis, "-o", basis / "partners")
    assert folder.exit_code == 2 and "NK705" in folder.output
    (basis / "uitmap").mkdir()
    assert "NK707" in run("export", basis, "-o", basis / "uitmap").output
    if os.path.exists("/dev/full"):
        device = run("export", basis, "-o", "/dev/full", "--force")
        assert device.exit_code == 2 and "NK707" in device.output


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_on_stdout_is_a_coded_message(basis):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "generator", "report", str(basis), "--format", "json"],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 1
    assert "NK709" in done.stderr and "Traceback" not in done.stderr and "Exception" not in done.stderr


# -- G: Click's usage errors in Dutch, with a code -------------------------------------------------

@pytest.mark.parametrize("args, code", [
    (["import", "bestaat-niet.csv", "--regio", "dender"], "NK712"),
    (["build", "--site", "README.md"], "NK713"),
    (["export", ".", "--format", "xml"], "NK714"),
    (["new", "partner", "x"], "NK715"),
    (["export", "--bestaat-niet"], "NK716"),
])
def test_click_usage_errors_are_dutch_and_coded(basis, monkeypatch, args, code):
    monkeypatch.chdir(basis)
    (basis / "README.md").write_text("x\n")
    result = run(*args)
    assert result.exit_code == 2
    assert code in result.output and "Fout:" in result.output
    assert "Error" not in result.output and "Invalid value" not in result.output


# -- A: import writes all or nothing, also when a rename fails --------------------------------------

def test_write_all_puts_back_what_it_placed_when_a_later_rename_fails(tmp_path):
    from generator.commands.scaffold import write_all

    (tmp_path / "a.yml").write_text("oud\n")
    (tmp_path / "m.yml").mkdir()  # a folder where a file should go: its rename fails
    with pytest.raises(OSError):
        write_all([(tmp_path / "a.yml", "nieuw\n"), (tmp_path / "b.yml", "nieuw\n"), (tmp_path / "m.yml", "x\n")])
    assert (tmp_path / "a.yml").read_text() == "oud\n"
    assert not (tmp_path / "b.yml").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yml", "m.yml"]  # no temporary file stays


def test_import_refuses_a_folder_in_the_place_of_a_partner_file_and_writes_nothing(basis):
    (basis / "partners" / "dender" / "zzz-laatste.yml").mkdir()
    sheet = basis / "ab.csv"
    head = "id;naam;soort;korte_beschrijving;levensdomeinen;aanmelden_via;beroepsgeheim;werkgebied;" \
           "nagekeken_datum;nagekeken_door\n"
    rows = "".join(f"{pid};Naam {pid};andere;Iets voor gezinnen.;opvoeding;zelf;nee;hele regio;2026-01-05;Team\n"
                   for pid in ("aaa-eerste", "zzz-laatste"))
    sheet.write_text(head + rows, encoding="utf-8")
    before = sorted(p.name for p in (basis / "partners" / "dender").iterdir())
    result = run("import", sheet, "--regio", "dender", "--data", basis, "--force")
    assert result.exit_code == 1, result.output
    assert "NK634" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in (basis / "partners" / "dender").iterdir()) == before


def test_validate_reports_a_folder_named_like_a_partner_file(basis):
    (basis / "partners" / "dender" / "leeg.yml").mkdir()
    result = run("validate", basis)
    assert result.exit_code == 1 and "NK646" in result.output


# -- C: a CSV round trip with --force loses nothing ------------------------------------------------

def _example(tmp_path: Path) -> Path:
    import shutil

    from helpers import ROOT

    for top in ("partners", "regions"):
        shutil.copytree(ROOT / top, tmp_path / top)
    return tmp_path


def _records(folder: Path) -> dict:
    import yaml

    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yml"))}


def test_csv_export_then_import_force_keeps_every_field(tmp_path):
    data = _example(tmp_path)
    before = _records(data / "partners" / "voorkempen")
    assert any("beschrijving" in r or "vragen" in r for r in before.values())
    assert run("export", data, "--format", "csv", "-o", tmp_path / "rt.csv").exit_code == 0
    result = run("import", tmp_path / "rt.csv", "--regio", "voorkempen", "--data", data, "--force")
    assert result.exit_code == 0, result.output
    assert _records(data / "partners" / "voorkempen") == before
    assert "NK637" in result.output  # the comments go: told, not silent


def test_import_force_changes_only_the_columns_of_the_sheet_and_says_what(tmp_path):
    import csv
    import io

    data = _example(tmp_path)
    assert run("export", data, "--format", "csv", "-o", tmp_path / "rt.csv").exit_code == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "rt.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    row = next(r for r in rows if r["regio"] == "voorkempen")
    phone = next(r["telefoon"] for r in rows if r["telefoon"] and r["telefoon"] != row["telefoon"])
    before = _records(data / "partners" / "voorkempen")[f"{row['id']}.yml"]
    row["telefoon"] = phone
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row), delimiter=";")
    writer.writeheader()
    writer.writerow(row)
    (tmp_path / "een.csv").write_text(out.getvalue(), encoding="utf-8")
    result = run("import", tmp_path / "een.csv", "--regio", "voorkempen", "--data", data, "--force")
    assert result.exit_code == 0, result.output
    assert "gewijzigd: contact.telefoon" in result.output
    after = _records(data / "partners" / "voorkempen")[f"{row['id']}.yml"]
    assert after["contact"]["telefoon"] == phone
    assert {k: v for k, v in after.items() if k != "contact"} == {k: v for k, v in before.items() if k != "contact"}


def test_import_force_refuses_when_location_details_cannot_be_matched(tmp_path):
    from generator.commands.importer import merge

    old = {"id": "x", "naam": "X", "locaties": [
        {"adres": {"postcode": "9240", "gemeente": "Zele"}, "openingsuren": [{"dagen": ["ma"]}]},
        {"adres": {"postcode": "9200", "gemeente": "Dendermonde"}, "vertrouwelijk": True}]}
    new = {"id": "x", "naam": "X", "locaties": [{"adres": {"postcode": "9240", "gemeente": "Zele"}},
                                                {"adres": {"postcode": "9200", "gemeente": "Dendermonde"}}]}
    merged, lost = merge(old, new, {"naam", "postcodes", "gemeenten"})
    assert lost == ["locaties[1].openingsuren"]
    same, lost = merge(old, {**new, "locaties": new["locaties"][:1]}, {"naam", "postcodes", "gemeenten"})
    assert not lost and same["locaties"] == old["locaties"]  # details and the confidential location stay
    whole, _ = merge(old, {**new, "locaties": new["locaties"][:1]}, None)  # JSON: no confidential locations
    assert whole["locaties"][-1]["vertrouwelijk"] is True


# -- D: no tracebacks -------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["rot13", "base64", "idna", "hex"])
def test_an_encoding_that_is_no_text_encoding_is_refused(basis, encoding):
    sheet = basis / "een.csv"
    sheet.write_text("naam;soort\nX;andere\n", encoding="utf-8")
    result = run("import", sheet, "--regio", "dender", "--data", basis, "--encoding", encoding)
    assert result.exit_code == 2 and "NK612" in result.output and "Traceback" not in result.output


def test_a_json_import_with_a_huge_integer_is_a_coded_problem(basis):
    source = basis / "groot.json"
    source.write_text('{"partners": [{"id": "x", "naam": "X", "n": ' + "9" * 5000 + "}]}", encoding="utf-8")
    result = run("import", source, "--regio", "dender", "--data", basis)
    assert result.exit_code == 1 and "NK643" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# -- E, F, G: new checks like validate, never rewrites an id, coded refusals ------------------------

def _two_regions(tmp_path: Path) -> Path:
    return _example(tmp_path)


@pytest.mark.parametrize("args, code", [
    (["new", "partner", "--regio", "dender", "clb-voorkempen"], "NK650"),  # id of another region
    (["new", "gemeente", "--regio", "dender", "Brecht"], "NK641"),  # municipality of another region (NK314)
    (["new", "gemeente", "--regio", "dender", "Parijs"], "NK639"),
    (["new", "partner", "--regio", "nergens", "x"], "NK640"),
    (["new", "gemeente", "--regio", "dender", "Zele"], "NK638"),
])
def test_new_refuses_what_validate_would_reject_with_a_code(tmp_path, args, code):
    data = _two_regions(tmp_path)
    before = sorted(p for p in data.rglob("*"))
    result = run(*args, "--data", data)
    assert result.exit_code == 1, result.output
    assert code in result.output
    assert sorted(p for p in data.rglob("*")) == before
    assert run("validate", data).exit_code == 0


@pytest.mark.parametrize("args, suggestion", [
    (["new", "partner", "--regio", "dender", "../../mkdocs"], "mkdocs"),
    (["new", "regio", "../partners"], "partners"),
    (["new", "partner", "--regio", "dender", "Jeugdhuis De Kelder"], "jeugdhuis-de-kelder"),
])
def test_new_refuses_an_id_that_is_not_an_id_and_suggests_the_slug(basis, args, suggestion):
    before = sorted(p for p in basis.rglob("*"))
    result = run(*args, "--data", basis)
    assert result.exit_code == 2 and "NK635" in result.output and f"'{suggestion}'" in result.output
    assert sorted(p for p in basis.rglob("*")) == before


def test_new_refuses_control_characters_in_the_name(basis):
    result = run("new", "regio", "x", "--naam", "a\x1b[2Jb", "--data", basis)
    assert result.exit_code == 2 and "NK642" in result.output and "\x1b" not in result.output
    assert not (basis / "regions" / "x").exists()


def test_new_keeps_quotes_and_backslashes_in_the_name_as_typed(basis):
    assert run("new", "partner", "--regio", "dender", "x", "--naam", 'Het "Huis" \\x41', "--data", basis).exit_code == 0
    import yaml

    assert yaml.safe_load((basis / "partners/dender/x.yml").read_text())["naam"] == 'Het "Huis" \\x41'


def test_import_refuses_an_id_column_that_is_not_an_id(basis):
    sheet = basis / "pad.csv"
    sheet.write_text("id;naam;soort;korte_beschrijving;levensdomeinen;aanmelden_via;beroepsgeheim;werkgebied;"
                     "nagekeken_datum;nagekeken_door\n../../mkdocs;X;andere;Iets.;opvoeding;zelf;nee;hele regio;"
                     "2026-01-05;Team\n", encoding="utf-8")
    result = run("import", sheet, "--regio", "dender", "--data", basis)
    assert result.exit_code == 1 and "NK635" in result.output and "'mkdocs'" in result.output
    assert not (basis / "partners/dender/mkdocs.yml").exists()


# -- G: build --config ------------------------------------------------------------------------------

@pytest.mark.parametrize("kind, code", [("missing", "NK710"), ("folder", "NK710"), ("fifo", "NK710"),
                                        ("broken", "NK711"), ("list", "NK711")])
def test_a_config_that_cannot_be_used_is_wrong_usage_and_never_hangs(basis, monkeypatch, kind, code):
    monkeypatch.chdir(basis)
    config = basis / "conf.yml"
    if kind == "folder":
        config.mkdir()
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(config)
    elif kind == "broken":
        config.write_text("site_name: x\nnav: [\n", encoding="utf-8")
    elif kind == "list":
        config.write_text("- a\n- b\n", encoding="utf-8")
    result = run("build", "--config", config, "--site", basis / "site")
    assert result.exit_code == 2, result.output
    assert code in result.output and "Error" not in result.output
    assert not (basis / "site").exists()


# -- H: smaller things ------------------------------------------------------------------------------

HEAD = ("id;naam;soort;korte_beschrijving;levensdomeinen;aanmelden_via;beroepsgeheim;werkgebied;nagekeken_datum;"
        "nagekeken_door;adressen;postcodes;gemeenten;lat;lon\r\n")


def test_a_cr_in_a_csv_cell_is_a_line_break_not_a_yaml_escape(basis):
    sheet = basis / "cr.csv"
    sheet.write_bytes((HEAD + 'aa;Naam;andere;"Iets\rvoor\r\ngezinnen.";opvoeding;zelf;nee;hele regio;2026-01-05;'
                       "Team;Markt 1;9240;Zele;51.06;4.04\r\n").encode())
    result = run("import", sheet, "--regio", "dender", "--data", basis, "--dry-run")
    assert "NK403" not in result.output and "escapes" not in result.output


def test_an_infinite_coordinate_is_a_cell_problem_not_inf(basis):
    sheet = basis / "inf.csv"
    sheet.write_bytes((HEAD + "aa;Naam;andere;Iets.;opvoeding;zelf;nee;hele regio;2026-01-05;Team;Markt 1;9240;"
                       "Zele;1e999;4.04\r\n").encode())
    result = run("import", sheet, "--regio", "dender", "--data", basis, "--dry-run")
    assert result.exit_code == 1 and "NK658" in result.output and ".inf" not in result.output


def test_a_formula_cell_without_a_value_is_told_as_a_formula(basis):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEAD.strip().split(";"))
    sheet.append(["aa", "=A2&\" naam\"", "andere", "Iets.", "opvoeding", "zelf", "nee", "hele regio", "2026-01-05",
                  "Team", "Markt 1", "9240", "Zele", "51.06", "4.04"])
    book.save(basis / "formule.xlsx")
    result = run("import", basis / "formule.xlsx", "--regio", "dender", "--data", basis, "--dry-run")
    assert result.exit_code == 1 and "NK647" in result.output and "formule.xlsx:2:2" in result.output
    assert "is leeg" not in result.output


def test_a_json_round_trip_keeps_confidential_locations(tmp_path):
    data = _example(tmp_path)
    before = _records(data / "partners" / "voorkempen")
    assert any(loc.get("vertrouwelijk") for r in before.values() for loc in r.get("locaties", [])), "no example"
    assert run("export", data, "--format", "json", "-o", tmp_path / "rt.json").exit_code == 0
    result = run("import", tmp_path / "rt.json", "--regio", "voorkempen", "--data", data, "--force")
    assert result.exit_code == 0, result.output
    assert _records(data / "partners" / "voorkempen") == before
