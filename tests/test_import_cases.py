"""Golden import cases: each folder in tests/import-cases/ holds in invoer/ one source file (a spreadsheet
or JSON export) and possibly data files laid over tests/cases/_basis; verwacht.txt lists exactly the
problems (file:line:code) a dry-run import into region dender must report. Optional: kolommen.yml, the
--kolommen file to use, and kolommen.txt, the column table the import must print (one line per column
of the spreadsheet, as `netwerkkaart import` prints it). The cases double as the examples of the NK6xx
codes in docs/foutcodes.md.

    python tests/test_import_cases.py   # writes verwacht.txt (and kolommen.txt for a spreadsheet) for
                                        # cases that have none (review them!)
"""

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))

from helpers import CASES, TODAY  # noqa: E402

from generator.commands import importer  # noqa: E402

IMPORT_CASES = Path(__file__).parent / "import-cases"
CASE_DIRS = sorted(p for p in IMPORT_CASES.iterdir() if p.is_dir())
TABLE_HEADER = "# de kolommentabel die import toont: kolom 'kop' → veld, of niet gebruikt"
HEADER = "# bestand:regel:code: wat een import (--dry-run, --regio dender) bovenop tests/cases/_basis moet melden"


def found(case: Path, tmp_path: Path) -> list[tuple[str, int, str]]:
    return run(case, tmp_path)[0]


def run(case: Path, tmp_path: Path) -> tuple[list[tuple[str, int, str]], list[str]]:
    """(the problems as (file, line, code), the column table as printed)."""
    data = tmp_path / "data"
    shutil.copytree(CASES / "_basis", data)
    for top in ("partners", "regions"):
        if (case / "invoer" / top).is_dir():
            shutil.copytree(case / "invoer" / top, data / top, dirs_exist_ok=True)
    (source,) = [p for p in (case / "invoer").iterdir() if p.is_file()]
    options = (case / "opties.txt").read_text(encoding="utf-8").split() if (case / "opties.txt").exists() else []
    encoding = options[options.index("--encoding") + 1] if "--encoding" in options else None
    mapping, problems = (importer.read_mapping(case / "kolommen.yml") if (case / "kolommen.yml").exists()
                         else (None, []))
    result = importer.import_partners(source, data, "dender", dry_run=True, force="--force" in options,
                                      mapping=mapping, encoding=encoding, today=TODAY)
    assert not any(data.joinpath("partners", "dender").glob(".*"))  # no temporary files
    return sorted(p.key() for p in problems + result.problems), [c.line() for c in result.table]


def expected_table(case: Path) -> list[str] | None:
    path = case / "kolommen.txt"
    if not path.exists():
        return None
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def expected(case: Path) -> list[tuple[str, int, str]]:
    rows = []
    for line in (case / "verwacht.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            file, number, code = line.rsplit(":", 2)
            rows.append((file, int(number), code))
    return sorted(rows)


@pytest.mark.parametrize("case", CASE_DIRS, ids=[c.name for c in CASE_DIRS])
def test_import_case(case, tmp_path):
    problems, table = run(case, tmp_path)
    assert problems == expected(case)
    assert case.name.split("-")[0] in {code for _, _, code in expected(case)}
    if expected_table(case) is not None:
        assert table == expected_table(case)


if __name__ == "__main__":
    import tempfile

    for case in CASE_DIRS:
        if (case / "verwacht.txt").exists() and (case / "kolommen.txt").exists():
            continue
        with tempfile.TemporaryDirectory() as tmp:
            rows, table = run(case, Path(tmp))
        if not (case / "verwacht.txt").exists():
            (case / "verwacht.txt").write_text("\n".join([HEADER] + [f"{f}:{n}:{c}" for f, n, c in rows]) + "\n",
                                               encoding="utf-8")
            print(f"geschreven: {case.name}/verwacht.txt")
        if table and not (case / "kolommen.txt").exists():
            (case / "kolommen.txt").write_text("\n".join([TABLE_HEADER] + table) + "\n", encoding="utf-8")
            print(f"geschreven: {case.name}/kolommen.txt")
