"""Golden error cases: each folder in tests/cases/ lays its input files over tests/cases/_basis
and lists in verwacht.txt exactly the problems (file:line:code) that validation must find."""

from pathlib import Path

import pytest

from helpers import CASES, TODAY, build_case
from generator.load import project
from generator.problems import CATALOG
from generator.validate.pipeline import validate_folder

CASE_DIRS = sorted(p for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_"))


def expected(case: Path) -> list[tuple[str, int, str]]:
    rows = []
    for line in (case / "verwacht.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            file, number, code = line.rsplit(":", 2)
            rows.append((file, int(number), code))
    return sorted(rows)


def test_basis_is_clean(basis):
    result = validate_folder(basis, today=TODAY)
    assert result.problems == ()


@pytest.mark.parametrize("case", CASE_DIRS, ids=[c.name for c in CASE_DIRS])
def test_case(case, tmp_path):
    result = validate_folder(build_case(tmp_path, case), today=TODAY)
    assert sorted(p.key() for p in result.problems) == expected(case)


@pytest.mark.parametrize("case", CASE_DIRS, ids=[c.name for c in CASE_DIRS])
def test_case_with_worker_processes(case, tmp_path, monkeypatch):
    """Large folders are read by worker processes, which send documents back without line marks;
    the marks are read again on demand. Same problems, same positions."""
    monkeypatch.setattr(project, "PARALLEL_FROM", 0)
    result = validate_folder(build_case(tmp_path, case), today=TODAY)
    assert sorted(p.key() for p in result.problems) == expected(case)


@pytest.mark.parametrize("case", CASE_DIRS, ids=[c.name for c in CASE_DIRS])
def test_case_name_is_a_code_it_finds(case):
    code = case.name.split("-")[0]
    assert code in CATALOG
    assert code in {c for _, _, c in expected(case)}


def test_every_file_level_code_has_a_case():
    covered = {c.name.split("-")[0] for c in CASE_DIRS} | {c for c in CATALOG if c.startswith("NK7")}  # test_outdir
    # NK100 (size), NK116 (unreadable), NK316 (no regions), NK900 (internal) and NK117-NK121 (folders, links,
    # FIFOs: not files git can hold) are tested in test_cli/test_loader.
    elsewhere = {"NK100", "NK116", "NK316", "NK900"} | {f"NK{n}" for n in range(117, 122)}
    elsewhere |= {code for code in CATALOG if code.startswith("NK6")} - covered  # import: tests/test_import_limits.py
    elsewhere |= {f"NK{n}" for n in range(505, 520)} & set(CATALOG)  # check-in commands: tests/test_checkin.py
    elsewhere |= {"NK370", "NK371", "NK372", "NK373", "NK376"}  # the language catalogues (not data): tests/test_lang_catalogue.py
    assert set(CATALOG) - elsewhere == covered
