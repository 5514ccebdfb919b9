"""New files from `netwerkkaart new`: they validate, carry the editor schema line, never overwrite."""

import json

import pytest
from click.testing import CliRunner

from helpers import TODAY
from generator.cli import main
from generator.validate.pipeline import validate_folder


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_new_region_municipality_and_partner_validate(tmp_path):
    assert run("new", "regio", "waasland", "--data", str(tmp_path)).exit_code == 0
    result = run("new", "gemeente", "--regio", "waasland", "Lokeren", "--data", str(tmp_path))
    assert result.exit_code == 0, result.output
    made = tmp_path / "regions" / "waasland" / "gemeenten" / "lokeren.yml"
    assert 'nis: "46029"' in made.read_text(encoding="utf-8")  # the 2025 code, after the merger with Moerbeke
    assert run("new", "partner", "--regio", "waasland", "--naam", "Jeugdhuis De Kelder", "jeugdhuis-de-kelder",
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


def test_regio_is_never_used_as_a_path(tmp_path):
    run("new", "regio", "dender", "--data", str(tmp_path))
    run("new", "regio", "voorkempen", "--data", str(tmp_path))
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    for regio in ["../regions/dender", str(tmp_path / "regions" / "dender"), "dender/../voorkempen", "Dender", ".."]:
        for args in (["new", "partner", "--regio", regio, "x"], ["new", "gemeente", "--regio", regio, "Lokeren"]):
            result = run(*args, "--data", str(tmp_path))
            assert result.exit_code == 2, (regio, result.output)
            assert "NK601" in result.output
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before


def test_symlinked_folders_are_refused(tmp_path):
    data, elsewhere = tmp_path / "data", tmp_path / "elders"
    elsewhere.mkdir()
    data.mkdir()
    run("new", "regio", "dender", "--data", str(data))
    (data / "partners").mkdir()
    (data / "partners" / "dender").symlink_to(elsewhere)
    result = run("new", "partner", "--regio", "dender", "x", "--data", str(data))
    assert result.exit_code == 2 and "NK602" in result.output
    (data / "regions" / "dender" / "gemeenten").symlink_to(elsewhere)
    result = run("new", "gemeente", "--regio", "dender", "Zele", "--data", str(data))
    assert result.exit_code == 2 and "NK602" in result.output
    (data / "regions" / "waasland").symlink_to(elsewhere)
    result = run("new", "regio", "waasland", "--data", str(data))
    assert result.exit_code == 2 and "NK602" in result.output
    assert list(elsewhere.iterdir()) == []


def test_a_dangling_link_is_not_written_through(tmp_path):
    run("new", "regio", "dender", "--data", str(tmp_path))
    (tmp_path / "partners" / "dender").mkdir(parents=True)
    (tmp_path / "partners" / "dender" / "x.yml").symlink_to(tmp_path / "buiten.yml")
    result = run("new", "partner", "--regio", "dender", "x", "--data", str(tmp_path))
    assert result.exit_code == 2
    assert not (tmp_path / "buiten.yml").exists()


@pytest.mark.parametrize("args", [["new", "partner", "--regio", "dender", "con"],
                                  ["new", "partner", "--regio", "dender", "LPT1"],
                                  ["new", "partner", "--regio", "dender", "Aux"],
                                  ["new", "regio", "nul"], ["new", "regio", "com1"]])
def test_windows_device_names_are_refused(tmp_path, args):
    run("new", "regio", "dender", "--data", str(tmp_path))
    result = run(*args, "--data", str(tmp_path))
    assert result.exit_code == 2 and "NK321" in result.output
    assert not (tmp_path / "partners").exists() and sorted(p.name for p in (tmp_path / "regions").iterdir()) == [
        "dender"]


def test_data_folder_must_exist(tmp_path):
    result = run("new", "regio", "waasland", "--data", str(tmp_path / "nergens"))
    assert result.exit_code == 2
    assert not (tmp_path / "nergens").exists()


def test_new_partner_template_shows_every_optional_section_and_they_validate(tmp_path, basis):
    """The commented examples (opening hours, several locations, werkgebied, ...) validate once the
    editor removes '# ' (VS Code: Ctrl+/), with the one alternative for werkgebied chosen."""
    import re

    assert run("new", "partner", "--regio", "dender", "jeugdhuis", "--data", str(basis)).exit_code == 0
    path = basis / "partners" / "dender" / "jeugdhuis.yml"
    text = path.read_text(encoding="utf-8")
    for word in ("openingsuren:", "gemeenten:", "doelgroep:", "wachttijd:", "vertrouwelijk:", "- naam:", "chat:"):
        assert f"{word}" in text, word
    lines = [line[2:] if re.match(r"# *(- |[a-z_]+:)", line) else line for line in text.splitlines()]
    uncommented = "\n".join(lines).replace("  hele_regio: true\n", "") + "\n"
    path.write_text(uncommented, encoding="utf-8")
    result = validate_folder(basis, today=TODAY)
    assert result.errors == [], [f"{p.line}: {p.code} {p.message}" for p in result.errors]
    assert "openingsuren:\n      - dagen: [ma, di, do]" in uncommented
