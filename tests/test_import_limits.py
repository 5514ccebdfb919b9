"""Import refuses what it cannot safely do: paths outside partners/<regio>/, ids that collide, rows that
would not validate, and hostile spreadsheets. Each refusal is a coded Dutch problem (exit 1) or a usage
error (exit 2), never a traceback, and nothing is written unless every row is in order."""

import io
import json
import os
import re
import zipfile

import openpyxl
import pytest
from click.testing import CliRunner

from helpers import TODAY
from generator.commands import importer
from generator.cli import main
from generator.validate.pipeline import validate_folder

HEADER = ("naam;soort;korte_beschrijving;levensdomeinen;aanmelden_via;beroepsgeheim;nagekeken_datum;"
          "nagekeken_door;telefoon;werkgebied")


def row(name="Jeugdhuis De Kelder", domain="vrije-tijd", phone="052 44 55 66"):
    return f"{name};vrije-tijd;Een plek voor jongeren.;{domain};zelf;nee;2026-10-01;Test;{phone};hele regio"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def sheet(tmp_path, *rows, name="partners.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(("\n".join((HEADER,) + rows) + "\n").encode(encoding))
    return path


def partner_files(root):
    return sorted(p.relative_to(root).as_posix() for p in (root / "partners").rglob("*") if p.is_file())


def add_region(root, region):
    assert run("new", "regio", region, "--data", root).exit_code == 0


# -- item 2: --regio is an existing region id, and every write stays inside partners/<regio>/ ----------

@pytest.mark.parametrize("regio", ["../regions/dender", "dender/../voorkempen", "Dender", "dender/", "", "..", "con"])
def test_regio_must_be_a_region_id(tmp_path, basis, regio):
    source = sheet(tmp_path, row())
    before = (basis / "regions" / "dender" / "regio.yml").read_bytes()
    result = run("import", source, "--regio", regio, "--data", basis, "--force")
    assert result.exit_code == 2, result.output
    assert "NK601" in result.output or "NK321" in result.output
    assert "Traceback" not in result.output
    assert (basis / "regions" / "dender" / "regio.yml").read_bytes() == before
    assert partner_files(basis) == ["partners/dender/huis-van-het-kind-zele.yml"]


def test_absolute_regio_is_refused(tmp_path, basis):
    source = sheet(tmp_path, row())
    result = run("import", source, "--regio", basis / "regions" / "dender", "--data", basis, "--force")
    assert result.exit_code == 2 and "NK601" in result.output
    assert partner_files(basis) == ["partners/dender/huis-van-het-kind-zele.yml"]


def test_symlinked_region_folder_is_refused(tmp_path, basis):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (basis / "partners" / "dender").rename(elsewhere / "dender")
    (basis / "partners" / "dender").symlink_to(elsewhere / "dender")
    result = run("import", sheet(tmp_path, row()), "--regio", "dender", "--data", basis)
    assert result.exit_code == 2 and "NK602" in result.output
    assert sorted(p.name for p in (elsewhere / "dender").iterdir()) == ["huis-van-het-kind-zele.yml"]


def test_symlinked_partner_file_is_not_written_through(tmp_path, basis):
    outside = tmp_path / "buiten.yml"
    outside.write_text("niet aanraken\n", encoding="utf-8")
    (basis / "partners" / "dender" / "jeugdhuis-de-kelder.yml").symlink_to(outside)
    result = run("import", sheet(tmp_path, row()), "--regio", "dender", "--data", basis, "--force")
    assert result.exit_code == 2 and "NK602" in result.output
    assert outside.read_text(encoding="utf-8") == "niet aanraken\n"


def test_data_must_be_a_folder(tmp_path):
    result = run("import", sheet(tmp_path, row()), "--regio", "dender", "--data", tmp_path / "nergens")
    assert result.exit_code == 2


def test_unknown_region_is_a_problem(tmp_path, basis):
    result = run("import", sheet(tmp_path, row()), "--regio", "waasland", "--data", basis)
    # The import's own code, as for 'new' (NK307 is a partner file in a folder of no region).
    assert result.exit_code == 1 and "NK640" in result.output and "NK307" not in result.output


# -- item 3: colliding ids are problems, not overwrites ----------------------------------------------------

def test_two_rows_with_the_same_id(tmp_path, basis):
    source = sheet(tmp_path, row(), row(phone="052 11 22 33"))
    result = run("import", source, "--regio", "dender", "--data", basis, "--force")
    assert result.exit_code == 1
    assert "partners.csv:3:1: NK620 fout: Het id 'jeugdhuis-de-kelder' (kolom A (naam)) staat ook in rij 2" \
        in result.output
    assert partner_files(basis) == ["partners/dender/huis-van-het-kind-zele.yml"]


def test_id_of_a_partner_in_another_region(tmp_path, basis):
    add_region(basis, "waasland")
    assert run("new", "partner", "--regio", "waasland", "jeugdhuis-de-kelder", "--data", basis).exit_code == 0
    result = run("import", sheet(tmp_path, row()), "--regio", "dender", "--data", basis, "--force")
    assert result.exit_code == 1
    assert "partners.csv:2:1: NK621" in result.output and "partners/waasland/jeugdhuis-de-kelder.yml" in result.output
    assert not (basis / "partners" / "dender" / "jeugdhuis-de-kelder.yml").exists()


def test_force_overwrites_the_same_regions_file(tmp_path, basis):
    target = basis / "partners" / "dender" / "jeugdhuis-de-kelder.yml"
    assert run("import", sheet(tmp_path, row()), "--regio", "dender", "--data", basis).exit_code == 0
    assert '052 44 55 66' in target.read_text(encoding="utf-8")
    again = sheet(tmp_path, row(phone="052 11 22 33"))
    assert run("import", again, "--regio", "dender", "--data", basis).exit_code == 1
    result = run("import", again, "--regio", "dender", "--data", basis, "--force")
    assert result.exit_code == 0, result.output
    assert '052 11 22 33' in target.read_text(encoding="utf-8")
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]  # no temporary files left


# -- item 4: the same checks as validate, on the folder as it would be; all or nothing -------------------

def test_rows_are_checked_across_files_before_anything_is_written(tmp_path, basis):
    source = sheet(tmp_path, row("Speelplein Zele"), row(domain="spelen"))
    result = run("import", source, "--regio", "dender", "--data", basis)
    assert result.exit_code == 1
    # NK306 (unknown levensdomein) is a check across files: told at the spreadsheet's row and column.
    assert "partners.csv:3:4: NK623 fout: In kolom D (levensdomeinen): NK306 'spelen' is geen levensdomein" \
        in result.output
    assert partner_files(basis) == ["partners/dender/huis-van-het-kind-zele.yml"]  # not even the good row


def test_what_import_writes_validates(tmp_path, basis):
    result = run("import", sheet(tmp_path, row(), row("Speelplein Zele")), "--regio", "dender", "--data", basis)
    assert result.exit_code == 0, result.output
    assert validate_folder(basis, today=TODAY).errors == []


def test_import_that_breaks_an_existing_file(tmp_path, basis):
    # An existing file whose id is not its file name: the new partner would take that id.
    existing = basis / "partners" / "dender" / "oud.yml"
    text = (basis / "partners" / "dender" / "huis-van-het-kind-zele.yml").read_text(encoding="utf-8")
    existing.write_text(text.replace("id: huis-van-het-kind-zele", "id: jeugdhuis-de-kelder"), encoding="utf-8")
    result = run("import", sheet(tmp_path, row()), "--regio", "dender", "--data", basis)
    assert result.exit_code == 1
    assert re.search(r"partners/dender/oud\.yml:\d+:\d+: NK625 fout: Na de import: NK301", result.output)
    assert not (basis / "partners" / "dender" / "jeugdhuis-de-kelder.yml").exists()


def test_a_failed_write_leaves_nothing(tmp_path, basis, monkeypatch):
    calls = []
    real = importer.write_all.__globals__["tempfile"].mkstemp

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError(28, "Geen ruimte meer op het apparaat")
        return real(*args, **kwargs)

    monkeypatch.setattr(importer.write_all.__globals__["tempfile"], "mkstemp", failing)
    result = run("import", sheet(tmp_path, row(), row("Speelplein Zele")), "--regio", "dender", "--data", basis)
    assert result.exit_code == 1 and "NK626" in result.output
    assert sorted(p.name for p in (basis / "partners" / "dender").iterdir()) == ["huis-van-het-kind-zele.yml"]


# -- item 10: ids Windows cannot use as file names ------------------------------------------------------

@pytest.mark.parametrize("name", ["Con", "AUX", "lpt1", "Com9"])
def test_reserved_windows_name_in_a_sheet(tmp_path, basis, name):
    result = run("import", sheet(tmp_path, row(name)), "--regio", "dender", "--data", basis)
    assert result.exit_code == 1
    assert "partners.csv:2:1: NK623 fout: In kolom A (naam): NK321" in result.output
    assert partner_files(basis) == ["partners/dender/huis-van-het-kind-zele.yml"]


def test_reserved_windows_name_in_json(tmp_path, basis):
    dump = tmp_path / "export.json"
    record = {"id": "nul", "naam": "Nul", "soort": "andere", "korte_beschrijving": "Iets.",
              "levensdomeinen": ["welzijn"],
              "aanmelden": {"via": ["zelf"]}, "werkgebied": {"hele_regio": True}, "beroepsgeheim": False,
              "nagekeken": {"datum": "2026-10-01", "door": "Test"}, "contact": {"telefoon": "052 44 55 66"}}
    dump.write_text(json.dumps({"partners": [record]}), encoding="utf-8")
    result = run("import", dump, "--regio", "dender", "--data", basis)
    assert result.exit_code == 1 and "export.json:1:1: NK623" in result.output and "NK321" in result.output


# -- item 12: encodings, limits and broken files ------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_csv_encodings(tmp_path, basis, encoding):
    source = sheet(tmp_path, row("Café Ça Va"), encoding=encoding)
    result = run("import", source, "--regio", "dender", "--data", basis)
    assert result.exit_code == 0, result.output
    made = (basis / "partners" / "dender" / "cafe-ca-va.yml").read_text(encoding="utf-8")
    assert "naam: Café Ça Va" in made
    assert ("Windows-1252" in result.output) == (encoding == "cp1252")


def test_encoding_option(tmp_path, basis):
    source = sheet(tmp_path, row("Café"), encoding="cp1252")
    wrong = run("import", source, "--regio", "dender", "--data", basis, "--encoding", "utf-8")
    assert wrong.exit_code == 1 and "partners.csv:2:1: NK611" in wrong.output
    assert run("import", source, "--regio", "dender", "--data", basis, "--encoding", "klingon").exit_code == 2
    right = run("import", source, "--regio", "dender", "--data", basis, "--encoding", "latin-1")
    assert right.exit_code == 0, right.output


def xlsx_bytes(*rows):
    book = openpyxl.Workbook()
    for values in rows:
        book.active.append(values)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rewrite_sheet(data: bytes, change) -> bytes:
    """The XLSX ``data`` with its first worksheet's XML changed by ``change``."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            target.writestr(item, change(content) if item.filename.startswith("xl/worksheets/") else content)
    return out.getvalue()


def far_cell() -> bytes:
    book = openpyxl.Workbook()
    book.active["XFD1048576"] = "x"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


BAD_SOURCES = {
    "een-kolom.csv": (b"naam\nJeugdhuis\nSpeelplein\n", "NK613", "een-kolom.csv:1:1"),
    "leeg.csv": (b"", "NK613", "leeg.csv:1:1"),
    "nep.xlsx": (b"naam;soort\nx;y\n", "NK606", "nep.xlsx:1:1"),
    "kapot.xlsx": (b"PK\x03\x04" + b"\x00" * 100, "NK606", "kapot.xlsx:1:1"),
    "oud.xls": (b"\xd0\xcf\x11\xe0", "NK605", "oud.xls:1:1"),
    "kapot.json": (b'{"partners": [\n  {"id": "a",\n', "NK615", "kapot.json:3:1"),
    "geen-partners.json": (b'{"partner": []}', "NK616", "geen-partners.json:1:1"),
    "lijst.json": (b'[1, 2]', "NK616", "lijst.json:1:1"),
    "geen-id.json": (b'{"partners": [{"naam": "x"}, 7]}', "NK617", "geen-id.json:1:1"),
    "pad-als-id.json": (b'{"partners": [{"id": "../../regions/dender/regio", "naam": "x"}]}', "NK635",
                        "pad-als-id.json:1:1"),
    "nul.csv": ((HEADER + "\n" + row("Jeugd\x00huis") + "\n").encode(), "NK653", "nul.csv:2:1"),
    "escape.csv": ((HEADER + "\n" + row().replace("Een", "\x1b[2JEen") + "\n").encode(), "NK653",
                   "escape.csv:2:3"),
    "open-quote.csv": (HEADER.encode() + b'\n"abc;d\n' + b"x" * 10 + b"\n", None, None),
    "grote-cel.csv": ((HEADER + "\n" + row().replace("Een plek voor jongeren.", "x" * 200_000) + "\n").encode(),
                      "NK610", "grote-cel.csv:2:1"),
    "lange-cel.csv": ((HEADER + "\n" + row().replace("Een plek voor jongeren.", "x" * 20_000) + "\n").encode(),
                      "NK610", "lange-cel.csv:2:3"),
    "te-breed.csv": ((HEADER + ";" + ";".join(f"extra{i}" for i in range(300)) + "\n").encode(), "NK609",
                     "te-breed.csv:1:"),
    "ver.xlsx": (far_cell(), "NK608", "ver.xlsx:1048576:1"),
}


@pytest.mark.parametrize("name", sorted(BAD_SOURCES))
def test_bad_sources_are_coded_problems(tmp_path, basis, name):
    data, code, where = BAD_SOURCES[name]
    (tmp_path / name).write_bytes(data)
    result = run("import", tmp_path / name, "--regio", "dender", "--data", basis)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and "Niets geschreven" in result.output
    if code:
        assert f"{where}" in result.output and code in result.output, result.output
    assert partner_files(basis) == ["partners/dender/huis-van-het-kind-zele.yml"]


def test_xlsx_far_cell_is_refused_before_reading_rows(tmp_path, basis, monkeypatch):
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    def never(*args, **kwargs):
        raise AssertionError("rows were read")

    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", never)
    (tmp_path / "ver.xlsx").write_bytes(far_cell())
    result = run("import", tmp_path / "ver.xlsx", "--regio", "dender", "--data", basis)
    assert result.exit_code == 1 and "NK608" in result.output


@pytest.mark.parametrize("dimension", [b'<dimension ref="A1:B2"/>', b""])
def test_xlsx_that_lies_about_its_size_is_still_capped(tmp_path, basis, dimension):
    rows = [HEADER.split(";")] + [row(f"Partner {i}").split(";") for i in range(5_100)]
    data = rewrite_sheet(xlsx_bytes(*rows), lambda xml: re.sub(rb"<dimension [^>]*/>", dimension, xml))
    (tmp_path / "lang.xlsx").write_bytes(data)
    result = run("import", tmp_path / "lang.xlsx", "--regio", "dender", "--data", basis)
    assert result.exit_code == 1 and "lang.xlsx:5001:1: NK608" in result.output


def test_xlsx_far_cell_without_dimension(tmp_path, basis):
    rows = [HEADER.split(";"), row().split(";")]
    data = rewrite_sheet(xlsx_bytes(*rows), lambda xml: re.sub(
        rb"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        re.sub(rb"<dimension [^>]*/>", b"", xml)))
    (tmp_path / "ver.xlsx").write_bytes(data)
    result = run("import", tmp_path / "ver.xlsx", "--regio", "dender", "--data", basis)
    assert result.exit_code == 1 and "NK608" in result.output


def test_a_million_rows_stop_at_the_cap(tmp_path, basis):
    path = tmp_path / "miljoen.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER + "\n")
        out.write((row() + "\n") * 1_000_000)
    assert path.stat().st_size > importer.MAX_BYTES  # refused before reading
    result = run("import", path, "--regio", "dender", "--data", basis)
    assert result.exit_code == 1 and "miljoen.csv:1:1: NK604" in result.output
    small = tmp_path / "klein.csv"
    small.write_text("a;b\n" * 1_000_000, encoding="utf-8")  # 4 MB: read, but stopped at the row cap
    result = run("import", small, "--regio", "dender", "--data", basis)
    assert result.exit_code == 1 and "NK613" in result.output
    small.write_text(HEADER + "\n" + "a;b\n" * 1_000_000, encoding="utf-8")
    result = run("import", small, "--regio", "dender", "--data", basis)
    assert result.exit_code == 1 and "klein.csv:5001:1: NK608" in result.output


def test_not_a_regular_file(tmp_path, basis):
    fifo = tmp_path / "pijp.csv"
    os.mkfifo(fifo)
    result = run("import", fifo, "--regio", "dender", "--data", basis)
    assert result.exit_code == 1 and "NK603" in result.output


def test_unpacked_size_is_capped(tmp_path, basis, monkeypatch):
    monkeypatch.setattr(importer, "MAX_UNPACKED", 1000)
    (tmp_path / "bom.xlsx").write_bytes(xlsx_bytes(HEADER.split(";")))
    result = run("import", tmp_path / "bom.xlsx", "--regio", "dender", "--data", basis)
    assert result.exit_code == 1 and "NK607" in result.output


@pytest.mark.parametrize("text", ["- naam\n- soort\n", "Naam organisatie: 3\n", "a: [b]\n"])
def test_bad_column_mapping(tmp_path, basis, text):
    mapping = tmp_path / "kolommen.yml"
    mapping.write_text(text, encoding="utf-8")
    result = run("import", sheet(tmp_path, row()), "--regio", "dender", "--data", basis, "--kolommen", mapping)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "NK627" in result.output or "NK113" in result.output


@pytest.mark.parametrize("value, device", [("con", "CON"), ("CON", "CON"), ("con.txt", "CON"), ("Aux", "AUX"),
                                           ("nul.tar.gz", "NUL"), ("prn", "PRN"), ("com1", "COM1"), ("lpt9", "LPT9"),
                                           ("com0", "COM0"), ("console", None), ("com10", None),
                                           ("con-dienst", None), ("icon", None), ("lpt", None)])
def test_windows_device_names(value, device):
    from generator.validate.checks import windows_device_name

    assert windows_device_name(value) == device


def test_rows_of_other_regions_are_counted(tmp_path, basis):
    source = tmp_path / "twee.csv"
    source.write_text(f"{HEADER};regio\n{row()};dender\n{row('Speelplein Brecht')};voorkempen\n", encoding="utf-8")
    result = run("import", source, "--regio", "dender", "--data", basis, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "1 rij van een andere regio overgeslagen" in result.output
