"""Shared test helpers (imported by tests; fixtures live in conftest.py)."""

import datetime
import shutil
from pathlib import Path

TESTS = Path(__file__).parent
ROOT = TESTS.parent
CASES = TESTS / "cases"
TODAY = datetime.date(2026, 11, 25)


def build_case(tmp_path: Path, case: Path) -> Path:
    """The base data folder with a case's input files laid over it."""
    shutil.copytree(CASES / "_basis", tmp_path, dirs_exist_ok=True)
    shutil.copytree(case / "invoer", tmp_path, dirs_exist_ok=True)
    return tmp_path
