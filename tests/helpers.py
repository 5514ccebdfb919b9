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


def run_fork_cases_fresh(test_file: str, count: int) -> None:
    """Run ``test_file``'s fork cases (``-k fork``) in a fresh pytest process: in one pytest run with the
    browser tests this process runs threads, so those cases skip here (runner.fork_is_safe). All ``count``
    must pass there, none skip."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "pytest", test_file, "-q", "-p", "no:cacheprovider", "-k", "fork"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert f"{count} passed" in done.stdout and "skipped" not in done.stdout, done.stdout[-1000:]
