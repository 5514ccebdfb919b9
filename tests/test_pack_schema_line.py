"""The editor's `$schema` line: inside the repository, never into a virtualenv, in every example file."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.commands import scaffold
from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]
PREFIX = "# yaml-language-server: $schema="


def kind_of(path: Path) -> str:
    relative = path.relative_to(ROOT)
    if relative.parts[0] == "partners":
        return "partner"
    if path.name == "regio.yml":
        return "regio"
    if relative.parts[-2] == "gemeenten":
        return "gemeente"
    return path.stem  # levensdomeinen, vragen


EXAMPLES = sorted([*ROOT.glob("partners/*/*.yml"), *ROOT.glob("regions/**/*.yml")])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_example_file_starts_with_a_schema_line_that_resolves_in_the_repository(path):
    first = path.read_text("utf-8").splitlines()[0]
    assert first.startswith(PREFIX)
    reference = first[len(PREFIX):]
    assert not reference.startswith("/") and ".venv" not in reference and "site-packages" not in reference
    schema = (path.parent / reference).resolve()
    assert schema == ROOT / "generator" / "schemas" / f"{kind_of(path)}.schema.json"
    assert json.loads(schema.read_text("utf-8"))["$schema"]


def test_new_files_in_a_repository_point_into_its_generator_folder(tmp_path):
    """As in a clone with its own .venv: the repository's copy wins over the installed package's."""
    (tmp_path / ".git").mkdir()
    shutil.copytree(ROOT / "generator" / "schemas", tmp_path / "generator" / "schemas")
    runner = CliRunner()
    assert runner.invoke(main, ["new", "regio", "waasland", "--data", str(tmp_path)]).exit_code == 0
    result = runner.invoke(main, ["new", "gemeente", "--regio", "waasland", "Lokeren", "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["new", "partner", "--regio", "waasland", "jeugdhuis", "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    firsts = {p.relative_to(tmp_path).as_posix(): p.read_text("utf-8").splitlines()[0]
              for p in [*tmp_path.glob("regions/**/*.yml"), *tmp_path.glob("partners/*/*.yml")]}
    assert firsts == {
        "regions/waasland/regio.yml": PREFIX + "../../generator/schemas/regio.schema.json",
        "regions/waasland/gemeenten/lokeren.yml": PREFIX + "../../../generator/schemas/gemeente.schema.json",
        "partners/waasland/jeugdhuis.yml": PREFIX + "../../generator/schemas/partner.schema.json",
    }


def test_data_kept_apart_from_the_source_uses_the_published_schema_or_the_installed_copy(tmp_path):
    (tmp_path / ".git").mkdir()  # a data repository: no generator/ of its own, the search stops here
    target = tmp_path / "partners" / "waasland" / "x.yml"
    published = scaffold.schema_reference(target, "partner", environ={"NK_SITE_URL": "https://ons-netwerk.be/kaart/"})
    assert published == "https://ons-netwerk.be/kaart/schemas/partner.schema.json"
    local = scaffold.schema_reference(target, "partner", environ={"NK_SITE_URL": "http://127.0.0.1:8000/"})
    assert (target.parent / local).resolve().is_file()
