"""Import from spreadsheets and from our own export: messy rows, row/column errors, round trip."""

import json
import shutil

import openpyxl
from click.testing import CliRunner

from helpers import ROOT, TODAY
from generator.render import export
from generator.cli import main
from generator.validate.pipeline import validate_folder


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_round_trip_json_export_then_import(tmp_path):
    original = validate_folder(ROOT).project
    dump = tmp_path / "export.json"
    dump.write_text(export.to_json(original), encoding="utf-8")
    target = tmp_path / "data"
    shutil.copytree(ROOT / "regions", target / "regions")
    for region in ("dender", "voorkempen"):
        assert run("import", dump, "--regio", region, "--data", target).exit_code == 0
    again = validate_folder(target, today=TODAY)
    assert again.errors == []
    def public(data):  # the record as exported: without its confidential locations
        return {**data, **({"locaties": [x for x in data["locaties"] if not x.get("vertrouwelijk")]}
                           if "locaties" in data else {})}

    def records(project):  # the raw records: the export is made from the model, so it must carry every field
        return sorted((r.region, json.dumps(public(r.doc.data), sort_keys=True)) for r in project.of_kind("partner"))
    assert records(again.project) == records(original)


def test_round_trip_csv_keeps_the_columns(tmp_path):
    original = validate_folder(ROOT).project
    sheet = tmp_path / "partners.csv"
    sheet.write_text(export.to_csv(original), encoding="utf-8")
    target = tmp_path / "data"
    shutil.copytree(ROOT / "regions", target / "regions")
    for region in ("dender", "voorkempen"):
        result = run("import", sheet, "--regio", region, "--data", target)
        assert result.exit_code == 0, result.output
    assert validate_folder(target, today=TODAY).errors == []
    assert sorted(export.to_csv(validate_folder(target).project).splitlines()) == sorted(
        export.to_csv(original).splitlines())


def test_messy_spreadsheet(tmp_path, basis):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Partners Dender (export van de gemeente)"])  # a merged title row above the header
    ws.merge_cells("A1:F1")
    ws.append(["naam", "soort", "korte_beschrijving", "levensdomeinen", "aanmelden_via", "beroepsgeheim",
               "nagekeken_datum", "nagekeken_door", "telefoon", "postcodes", "gemeenten", "adressen", "lat", "lon"])
    ws.append([])  # an empty row
    ws.append(["Jeugdhuis De Kelder", "vrije-tijd", "Een plek voor jongeren.", "vrije-tijd", "zelf", "nee",
               "2026-10-01", "Test", "052 44 55 66", 9240.0, "Zele", "Markt 2", 51.0659, 4.0398])
    ws.append(["Kapot", "caw", "", "wonen", "zelf", "ja", "2026-10-01", "Test", 52445566.0, "", "", "", "", ""])
    path = tmp_path / "rommelig.xlsx"
    book.save(path)
    result = run("import", path, "--regio", "dender", "--data", basis, "--dry-run")
    assert result.exit_code == 1
    assert "rommelig.xlsx:5:3: NK619 fout: In kolom C (korte_beschrijving): is leeg of ontbreekt" in result.output
    assert "rommelig.xlsx:5:9: NK655 fout: In kolom I (telefoon): is een getal (52445566)" in result.output
    assert "Niets geschreven" in result.output and "zou schrijven:" not in result.output
    # All or nothing: the good row is not written while another row has an error.
    assert run("import", path, "--regio", "dender", "--data", basis).exit_code == 1
    assert not (basis / "partners" / "dender" / "jeugdhuis-de-kelder.yml").exists()
    ws.delete_rows(5)
    book.save(path)
    result = run("import", path, "--regio", "dender", "--data", basis, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "zou schrijven:" in result.output and "jeugdhuis-de-kelder.yml" in result.output
    assert not (basis / "partners" / "dender" / "jeugdhuis-de-kelder.yml").exists()  # dry run
    assert run("import", path, "--regio", "dender", "--data", basis).exit_code == 0
    made = basis / "partners" / "dender" / "jeugdhuis-de-kelder.yml"
    assert made.is_file() and 'postcode: \'9240\'' in made.read_text(encoding="utf-8")
    assert validate_folder(basis, today=TODAY).errors == []
    again = run("import", path, "--regio", "dender", "--data", basis)
    assert again.exit_code == 1
    assert "rommelig.xlsx:4:1: NK622" in again.output and "bestaat al; gebruik --force" in again.output


def test_column_mapping(tmp_path, basis):
    sheet = tmp_path / "eigen.csv"
    sheet.write_text(
        "Naam organisatie;Soort;Uitleg;Domeinen;Aanmelden;Geheim;Datum;Door;Adres;Postcode;Gemeente;Breedtegraad;Lengtegraad\n"
        "Speelpleinwerking Zele;vrije-tijd;Spelen in de zomer.;vrije-tijd;zelf;nee;2026-10-01;Test;Markt 1;9240;Zele;51,0659;4,0398\n",
        encoding="utf-8")
    mapping = tmp_path / "kolommen.yml"
    mapping.write_text("Naam organisatie: naam\nSoort: soort\nUitleg: korte_beschrijving\nDomeinen: levensdomeinen\n"
                       "Aanmelden: aanmelden_via\nGeheim: beroepsgeheim\nDatum: nagekeken_datum\nDoor: nagekeken_door\n",
                       encoding="utf-8")
    result = run("import", sheet, "--regio", "dender", "--data", basis, "--kolommen", mapping)
    assert result.exit_code == 0, result.output
    written = (basis / "partners" / "dender" / "speelpleinwerking-zele.yml").read_text(encoding="utf-8")
    assert validate_folder(basis, today=TODAY).errors == []
    # the werkgebied is the address's municipality, not the whole region
    assert "hele_regio" not in written and "'42028'" in written
