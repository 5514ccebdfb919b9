"""Coverage (dekking): the matrix of municipalities x levensdomeinen and x questions, its page and `report --dekking`.

The golden files in tests/golden/ are the report for the example data; after a deliberate change to
the example data or the report, write them again with:

    for f in text markdown csv json; do .venv/bin/netwerkkaart report . --dekking --format $f > tests/golden/dekking.<ext>; done

(ext: txt, md, csv, json).
"""

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner

from helpers import ROOT, TESTS, TODAY
from generator.topics import urls
from generator.cli import main
from generator.render.coverage import FORMATS, region_coverage, site_coverage
from generator.model import build_site
from generator.render.pages import render_site
from generator.load.population import inhabitants
from generator.validate.pipeline import validate_folder

GOLDEN = TESTS / "golden"
EXTENSIONS = {"text": "txt", "markdown": "md", "csv": "csv", "json": "json"}


def example_copy(tmp_path):
    for folder in ("partners", "regions"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def site_of(folder):
    result = validate_folder(folder, today=TODAY)
    assert not result.errors, result.errors
    return build_site(result.project)


def report(folder, fmt="text"):
    out = CliRunner().invoke(main, ["report", str(folder), "--dekking", "--format", fmt])
    assert out.exit_code == 0, out.output
    return out.output


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_golden_report_for_the_example_data(fmt):
    expected = (GOLDEN / f"dekking.{EXTENSIONS[fmt]}").read_text(encoding="utf-8")
    assert report(ROOT, fmt) == expected


def test_population_is_merged_into_2025_municipalities():
    # Beveren-Kruibeke-Zwijndrecht (2025) = Beveren + Kruibeke + Zwijndrecht (2020)
    assert inhabitants("46030") == 49047 + 16846 + 19154
    assert inhabitants("46003") is None  # Beveren's old code is gone
    assert inhabitants("42006") == 45870  # Dendermonde


def test_removing_every_partner_of_a_cell_makes_it_a_gap(tmp_path):
    folder = example_copy(tmp_path)
    site = site_of(folder)
    coverage = region_coverage(site, site.region("dender"))
    cell = coverage.cell("hamme", "vrije-tijd")
    assert cell.here and cell.elsewhere  # one partner with an address in Hamme, one for the whole region
    page = {p.url: p for p in render_site(site, today=TODAY)}[urls.coverage("dender")]
    assert "Hamme</a></th>" in page.body
    assert ("dender", "Hamme", "Vrije tijd") not in _gaps(report(folder, "json"))

    for partner_id in cell.here + cell.elsewhere:
        (folder / "partners" / "dender" / f"{partner_id}.yml").unlink()
    site = site_of(folder)
    coverage = region_coverage(site, site.region("dender"))
    assert coverage.cell("hamme", "vrije-tijd").gap
    # the page says it in words, in Hamme's row, in the column of Vrije tijd
    page = {p.url: p for p in render_site(site, today=TODAY)}[urls.coverage("dender")]
    column = [d.id for d in coverage.domains].index("vrije-tijd")
    row = page.body.split("Hamme</a></th>")[1].split("</tr>")[0]
    cells = row.split("<td")[4:]  # after inhabitants, partners and partners per 10,000
    assert "<strong>hiaat</strong>" in cells[column]
    assert "Hamme</strong>: " in page.body.split('id="nk-hiaten"')[1].split("</ul>")[0]
    # and so does the report, gaps first
    assert ("dender", "Hamme", "Vrije tijd") in _gaps(report(folder, "json"))
    text = report(folder)
    assert "1 Gezin 1 Plan Dender: Hamme: Vrije tijd" in text.split("== ")[0]
    rows = list(csv.reader(io.StringIO(report(folder, "csv").lstrip("\ufeff")), delimiter=";"))
    gap_rows = [r for r in rows[1:] if r[0] == "ja"]
    assert rows[1:len(gap_rows) + 1] == gap_rows  # gaps first
    assert any(r[2:5] == ["Hamme", "42008", "Vrije tijd"] for r in gap_rows)


def test_removing_every_partner_of_a_question_cell_makes_it_a_gap(tmp_path):
    folder = example_copy(tmp_path)
    site = site_of(folder)
    coverage = region_coverage(site, site.region("dender"))
    question = next(q for q in coverage.questions if q.id == "opvang-schoolkind")
    cell = coverage.question_cell("hamme", question.id)
    assert cell.here and cell.elsewhere  # one partner with an address in Hamme, one for the whole region
    assert ("dender", question.id, "Hamme") not in _question_gaps(report(folder, "json"))
    page = {p.url: p for p in render_site(site, today=TODAY)}[urls.coverage("dender")]
    assert _question_row(page.body, question.vraag)[_column(coverage, "hamme")].startswith(">")  # a number

    for partner_id in cell.here + cell.elsewhere:
        (folder / "partners" / "dender" / f"{partner_id}.yml").unlink()
    site = site_of(folder)
    coverage = region_coverage(site, site.region("dender"))
    assert coverage.question_cell("hamme", question.id).gap
    page = {p.url: p for p in render_site(site, today=TODAY)}[urls.coverage("dender")]
    # the table says it in words, in the question's row, in Hamme's column
    assert "<strong>hiaat</strong>" in _question_row(page.body, question.vraag)[_column(coverage, "hamme")]
    # and so does the list of questions without help (readable on a phone), with Hamme named
    listing = page.body.split('id="nk-hiaten-vragen"')[1].split("</ul>")[0]
    item = listing.split(f"<strong>{question.vraag}</strong>")[1].split("</li>")[0]
    assert "Hiaat in " in item and "Hamme" in item
    # and the report, in every format, gaps first
    assert ("dender", question.id, "Hamme") in _question_gaps(report(folder, "json"))
    text = report(folder)
    head = text.split("== ")[0]
    line = next(x for x in head.splitlines() if question.vraag in x)
    assert line.startswith("  - 1 Gezin 1 Plan Dender: ") and "Hiaat in: " in line and "Hamme" in line
    assert question.vraag in report(folder, "markdown").split("## 1 Gezin 1 Plan Dender")[0]
    rows = list(csv.reader(io.StringIO(report(folder, "csv").lstrip("\ufeff")), delimiter=";"))
    gap_rows = [r for r in rows[1:] if r[0] == "ja"]
    assert rows[1:len(gap_rows) + 1] == gap_rows  # gaps first
    assert ["Hamme", "42008", "", question.vraag] in [r[2:6] for r in gap_rows]


def _column(coverage, municipality_id):
    return [row.municipality.id for row in coverage.rows].index(municipality_id)


def _question_row(body, vraag):
    """The cells of one question's row in the table of questions by municipality."""
    table = body.split('id="nk-dekking-vragen"')[1].split("</table>")[0]
    return table.split(f'<th scope="row">{vraag}</th>')[1].split("</tr>")[0].split("<td")[1:]


def _question_gaps(json_text):
    return {(g["regio"], g["vraag"], m["naam"]) for g in json.loads(json_text)["hiaten_vragen"] for m in g["gemeenten"]}


def _gaps(json_text):
    return {(g["regio"], g["gemeente"], g["levensdomein_naam"]) for g in json.loads(json_text)["hiaten"]}


def test_cells_split_local_and_elsewhere_and_count_partners_once(basis):
    site = site_of(basis)
    coverage = region_coverage(site, site.region("dender"))
    zele = next(r for r in coverage.rows if r.municipality.id == "zele")
    partner = site.partner("huis-van-het-kind-zele")
    assert zele.partners == 1
    for domain, cell in zip(coverage.domains, zele.cells):
        if domain.id in partner.levensdomeinen:
            assert cell.here == ("huis-van-het-kind-zele",) and cell.elsewhere == ()
        else:
            assert cell.gap
    assert zele.per_10000 == round(10000 / inhabitants(zele.municipality.nis), 1)


def test_csv_is_for_dutch_excel_and_neutralised(basis):
    site = site_of(basis)
    out = io.StringIO()
    FORMATS["csv"](site_coverage(site), out)
    text = out.getvalue()
    assert text.startswith("\ufeff\"hiaat\";\"regio\"")
    coverage = site_coverage(site)
    # a levensdomein named like a formula is shown as text
    from dataclasses import replace
    domain = replace(coverage[0].domains[0], naam="=HYPERLINK(\"x\")")
    poisoned = [replace(coverage[0], domains=(domain,) + coverage[0].domains[1:])]
    out = io.StringIO()
    FORMATS["csv"](poisoned, out)
    assert "\"'=HYPERLINK(\"\"x\"\")\"" in out.getvalue()


def test_csv_format_without_dekking_is_wrong_usage(basis):
    out = CliRunner().invoke(main, ["report", str(basis), "--format", "csv"])
    assert out.exit_code == 2 and "--dekking" in out.output


def test_report_dekking_on_bad_data_exits_1(basis):
    path = basis / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("soort:", "soort: x\nsoortje:", 1), encoding="utf-8")
    out = CliRunner().invoke(main, ["report", str(basis), "--dekking"])
    assert out.exit_code == 1


def test_region_page_links_to_its_coverage_page(basis):
    pages = {p.url: p for p in render_site(site_of(basis), today=TODAY)}
    assert 'href="dekking/"' in pages[urls.region("dender")].body
    page = pages[urls.coverage("dender")]
    assert not page.searchable
    assert 'kaart.html?d=dekking/dender/' in page.body
