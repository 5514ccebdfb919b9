"""The netwerkkaart command: exit codes, output formats, help, and never a traceback."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import CASES
from generator.load import project
from generator.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def with_warning(basis: Path) -> Path:
    shutil.copytree(CASES / "NK501-oud" / "invoer", basis, dirs_exist_ok=True)
    return basis


def test_every_command_has_help_with_an_example():
    for name, command in main.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0
        assert "Voorbeeld" in result.output, name
    assert run("--help").exit_code == 0


def test_clean_folder_exits_0(basis):
    result = run("validate", str(basis))
    assert result.exit_code == 0
    assert "Alles in orde" in result.output


def test_problems_exit_1_with_position_code_message_and_hint(basis):
    shutil.copytree(CASES / "NK107-dubbele-sleutel" / "invoer", basis, dirs_exist_ok=True)
    result = run("validate", str(basis))
    assert result.exit_code == 1
    first, hint = result.output.splitlines()[:2]
    assert first.startswith("partners/dender/dubbel.yml:16:1: NK107 fout: Het veld 'naam' staat twee keer")
    assert hint.startswith("    ")


@pytest.mark.parametrize("args", [["validate", "/bestaat/niet"], ["validate", "--format", "xml", "."], ["onbekend"]])
def test_usage_errors_exit_2(args):
    assert run(*args).exit_code == 2


def test_warnings_pass_unless_strict(basis):
    with_warning(basis)
    assert run("validate", str(basis)).exit_code == 0
    result = run("validate", "--strict", str(basis))
    assert result.exit_code == 1
    assert "NK501 waarschuwing" in result.output


def test_json_format(basis):
    with_warning(basis)
    result = run("validate", "--format", "json", str(basis))
    payload = json.loads(result.output)
    assert payload["fouten"] == 0 and payload["waarschuwingen"] == 1
    (item,) = payload["problemen"]
    assert item["bestand"] == "partners/dender/oud.yml" and item["regel"] == 14 and item["code"] == "NK501"
    assert item["ernst"] == "waarschuwing" and item["melding"] and item["tip"]


def test_github_format_is_one_annotation_per_problem(basis):
    shutil.copytree(CASES / "NK207-website" / "invoer", basis, dirs_exist_ok=True)
    result = run("validate", "--format", "github", str(basis))
    lines = [line for line in result.output.splitlines() if line.startswith("::")]
    assert lines == [
        line for line in lines if line.startswith("::error file=partners/dender/website.yml,line=")
    ] and len(lines) == 3
    assert ",title=NK207::" in lines[0] and "%0A" in lines[0]  # the hint follows on the next line


def test_internal_error_is_reported_not_raised(basis, monkeypatch):
    def broken(doc, kind):
        raise KeyError("oeps")

    monkeypatch.setattr(project.schema, "validate", broken)
    result = run("validate", str(basis))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "partners/dender/huis-van-het-kind-zele.yml:1:1: NK900" in result.output


def test_unreadable_file(basis, monkeypatch):
    original = os.open

    def refusing_open(path, *args, **kwargs):
        if str(path).endswith("zele.yml"):
            raise PermissionError(13, "Toegang geweigerd")
        return original(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    result = run("validate", str(basis))
    assert result.exit_code == 1
    assert "regions/dender/gemeenten/zele.yml:1:1: NK116" in result.output


def test_folder_without_data(tmp_path):
    result = run("validate", str(tmp_path))
    assert result.exit_code == 1
    assert "NK316" in result.output


def test_big_file(basis):
    (basis / "partners" / "dender" / "groot.yml").write_bytes(b"id: groot\nnaam: " + b"x" * 600_000 + b"\n")
    result = run("validate", str(basis))
    assert "partners/dender/groot.yml:1:1: NK100" in result.output


def test_runs_as_installed_command(basis):
    result = subprocess.run([sys.executable, "-m", "generator", "validate", str(basis)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Alles in orde" in result.stdout


@pytest.mark.parametrize("command", [["validate"], ["report"], ["export"], ["generate", "uit", "--data"]])
def test_a_file_instead_of_the_data_folder_is_explained_in_dutch(command, basis):
    one_file = basis / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    result = run(*command, str(one_file))
    assert result.exit_code == 2
    assert "NK719" in result.output and "is een bestand; hier hoort de map met de gegevens (partners/ en regions/)" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command, example", [(["validate"], "netwerkkaart validate ."),
                                              (["generate", "uit", "--data"], "netwerkkaart generate OUTDIR --data ."),
                                              (["new", "partner", "x", "--regio", "dender", "--data"],
                                               "netwerkkaart new partner ID --regio REGIO --data .")])
def test_a_missing_data_folder_has_a_code_and_an_example_of_the_command(command, example, tmp_path):
    result = run(*command, str(tmp_path / "bestaat-niet"))
    assert result.exit_code == 2
    assert "NK718" in result.output and "bestaat-niet' met de gegevens bestaat niet" in result.output
    assert example in result.output and not (tmp_path / "uit").exists()


def test_a_data_folder_that_cannot_be_opened_has_a_code(tmp_path, monkeypatch):
    real_stat = os.stat

    def refusing_stat(path, *args, **kwargs):
        if Path(path) == tmp_path / "dicht":
            raise PermissionError(13, "Permission denied")
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refusing_stat)
    result = run("validate", str(tmp_path / "dicht"))
    assert result.exit_code == 2
    assert "NK720" in result.output and "dicht' met de gegevens kan niet geopend worden: geen toestemming" in result.output


def test_a_path_that_cannot_be_read_has_a_code(tmp_path, monkeypatch):
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if Path(path) == tmp_path else real_access(path, mode, **kw))
    result = run("validate", str(tmp_path))
    assert result.exit_code == 2
    assert "NK723" in result.output and "bij MAP kan niet gelezen worden" in result.output
