"""Gedeeld beroepsgeheim in the spreadsheet: a column in the CSV export, read back by the import."""

import csv
import io
import shutil

from click.testing import CliRunner

from helpers import ROOT, TODAY
from generator.render import export
from generator.cli import main
from generator.commands.importer import read_rows
from generator.validate.pipeline import validate_folder

COLUMN = "gedeeld_beroepsgeheim"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def membership(project):
    return {r.doc.data["id"]: tuple(r.doc.data.get(COLUMN, [])) for r in project.of_kind("partner")}


def rows(text):
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def test_export_has_the_membership_column():
    project = validate_folder(ROOT).project
    exported = {row["id"]: row[COLUMN] for row in rows(export.to_csv(project))}
    assert exported["caw-onthaal-dendermonde"] == "afsprakenkader-2025"  # a member
    assert exported["jac-dendermonde"] == ""  # not a member


def test_export_then_import_gives_the_same_membership(tmp_path):
    original = validate_folder(ROOT).project
    assert any(membership(original).values()) and not all(membership(original).values())
    sheet = tmp_path / "partners.csv"
    sheet.write_text(export.to_csv(original), encoding="utf-8")
    target = tmp_path / "data"
    shutil.copytree(ROOT / "regions", target / "regions")
    for region in ("dender", "voorkempen"):
        result = run("import", sheet, "--regio", region, "--data", target)
        assert result.exit_code == 0, result.output
    again = validate_folder(target, today=TODAY)
    assert again.errors == []
    assert membership(again.project) == membership(original)


def test_an_unknown_agreement_in_a_row_is_told_at_its_row_and_column(tmp_path):
    original = validate_folder(ROOT).project
    table = rows(export.to_csv(original))
    number = next(i for i, row in enumerate(table) if row["id"] == "jac-dendermonde") + 2  # header is row 1
    table[number - 2][COLUMN] = "afsprakenkader-2024"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(table[0]), delimiter=";", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows(table)
    sheet = tmp_path / "partners.csv"
    sheet.write_text(out.getvalue(), encoding="utf-8")
    target = tmp_path / "data"
    shutil.copytree(ROOT / "regions", target / "regions")
    result = run("import", sheet, "--regio", "dender", "--data", target)
    assert result.exit_code == 1
    column = list(table[0]).index(COLUMN) + 1
    line = next(x for x in result.output.splitlines() if x.startswith(f"partners.csv:{number}:"))
    assert line.startswith(f"partners.csv:{number}:{column}: NK623 fout: In kolom ")
    assert f"({COLUMN})" in line and "NK350" in line
    assert "afsprakenkader-2025" in result.output  # the hint names the agreement the region has
    assert not (target / "partners").exists()  # nothing written


def test_a_spreadsheet_header_in_plain_words_fills_the_column(tmp_path):
    sheet = tmp_path / "eigen.csv"
    sheet.write_text("naam;Afsprakenkader\nX;afsprakenkader-2025\n", encoding="utf-8")
    assert read_rows(sheet).columns[COLUMN] == 2


def test_force_without_the_column_keeps_the_membership(tmp_path):
    # a sheet without the column leaves the membership in the partner's file as it is
    original = validate_folder(ROOT).project
    table = [row for row in rows(export.to_csv(original)) if row["id"] == "caw-onthaal-dendermonde"]
    for row in table:
        del row[COLUMN]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(table[0]), delimiter=";", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows(table)
    sheet = tmp_path / "zonder.csv"
    sheet.write_text(out.getvalue(), encoding="utf-8")
    target = tmp_path / "data"
    shutil.copytree(ROOT / "regions", target / "regions")
    shutil.copytree(ROOT / "partners", target / "partners")
    result = run("import", sheet, "--regio", "dender", "--data", target, "--force")
    assert result.exit_code == 0, result.output
    assert membership(validate_folder(target).project)["caw-onthaal-dendermonde"] == ("afsprakenkader-2025",)
