"""The core (validate, generate, export) runs with MkDocs and mkdocs-material uninstalled, and writes the same.

Each command runs in a fresh interpreter twice: once as usual, once with an import hook that makes
every module of ``mkdocs`` and ``material`` unimportable (as if the packages were not installed) and
records each attempt, so even an import inside ``try``/``except ImportError`` is caught.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLOCKED = ("mkdocs", "material")

# Run as `python -c RUNNER <attempts-file> <blocked: 0|1> <netwerkkaart arguments...>`.
RUNNER = r'''
import sys
attempts_file, blocked, *args = sys.argv[1:]
tried = []

class Uninstalled:
    """Finds nothing for the blocked packages, as when they are not installed."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {names}:
            tried.append(name)
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None

if blocked == "1":
    sys.meta_path.insert(0, Uninstalled())
try:
    from generator.cli import main
    main(args, prog_name="netwerkkaart")
finally:
    with open(attempts_file, "w", encoding="utf-8") as out:
        out.write("\n".join(tried))
'''.format(names=repr(set(BLOCKED)))


def netwerkkaart(tmp_path: Path, blocked: bool, *args: str) -> subprocess.CompletedProcess:
    attempts = tmp_path / f"pogingen-{'zonder' if blocked else 'met'}.txt"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("NK_SITE_URL", None)
    done = subprocess.run([sys.executable, "-c", RUNNER, str(attempts), "1" if blocked else "0", *args],
                          cwd=ROOT, env=env, capture_output=True, timeout=600, check=False)
    assert "Traceback" not in done.stderr.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    assert attempts.read_text("utf-8") == "", f"tried to import {attempts.read_text('utf-8')!r}"
    return done


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_blocker_really_blocks(tmp_path):
    """Guard for this file: the hook must make an import of mkdocs fail in the child."""
    attempts = tmp_path / "pogingen.txt"
    code = RUNNER.replace("from generator.cli import main\n    main(args, prog_name=\"netwerkkaart\")",
                          "import mkdocs.plugins")
    done = subprocess.run([sys.executable, "-c", code, str(attempts), "1"], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode != 0 and "No module named 'mkdocs'" in done.stderr
    assert attempts.read_text("utf-8") == "mkdocs"


def test_validate_without_mkdocs_and_material(tmp_path):
    plain = netwerkkaart(tmp_path, False, "validate", ".")
    without = netwerkkaart(tmp_path, True, "validate", ".")
    assert without.returncode == plain.returncode == 0, without.stdout.decode()
    assert without.stdout == plain.stdout


def test_generate_without_mkdocs_and_material_writes_the_same_files(tmp_path):
    # (no search index: Pagefind's file names differ from run to run; test_core_generate.py checks it)
    plain = netwerkkaart(tmp_path, False, "generate", str(tmp_path / "met"), "--data", ".", "--zonder-zoeken")
    without = netwerkkaart(tmp_path, True, "generate", str(tmp_path / "zonder"), "--data", ".", "--zonder-zoeken")
    assert without.returncode == plain.returncode == 0, without.stderr.decode()
    written, expected = tree(tmp_path / "zonder"), tree(tmp_path / "met")
    assert any(name.endswith(".md") for name in written)
    assert b'class="nk-icon"' in b"".join(written.values())  # the levensdomein icons are there
    assert written.keys() == expected.keys()
    assert [name for name in written if written[name] != expected[name]] == []


@pytest.mark.parametrize("fmt", ["json", "csv", "geojson", "hsds"])
def test_export_without_mkdocs_and_material(tmp_path, fmt):
    plain = netwerkkaart(tmp_path, False, "export", ".", "--format", fmt)
    without = netwerkkaart(tmp_path, True, "export", ".", "--format", fmt)
    assert without.returncode == plain.returncode == 0, without.stderr.decode()
    assert len(without.stdout) > 1000
    assert without.stdout == plain.stdout
