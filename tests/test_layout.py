"""The layout of generator/: every module listed in the README's pipeline table, with its one job, and none
left loose at the top of the package except the few that belong there."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / "generator"
DATA_FOLDERS = {"data", "kaart", "schemas", "theme"}  # data, not modules
TOP = {"__init__.py", "__main__.py", "cli.py", "core.py", "model.py", "problemformat.py", "problems.py"}
INTRO = 'Eén pijplijn, elke stap een module met één taak:'


def modules() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in GENERATOR.rglob("*.py")
                  if p.relative_to(GENERATOR).parts[0] not in DATA_FOLDERS and "__pycache__" not in p.parts)


def table_rows() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert INTRO in text, "the README's pipeline section is gone"
    rows, started = [], False
    for line in text[text.index(INTRO):].splitlines()[1:]:
        if line.startswith("|"):
            started = True
            rows.append(line)
        elif started:
            break
    return rows[2:]  # without the header and its rule


def test_every_module_is_in_the_readme_pipeline_table_with_its_job():
    listed = []
    for row in table_rows():
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert len(cells) == 3 and cells[2], f"a row needs a step, one module and what it does: {row}"
        found = re.findall(r"`(generator/[\w/]+\.py)`", cells[1])
        assert len(found) == 1, f"one module per row: {row}"
        listed.append(found[0])
    assert len(listed) == len(set(listed)), "a module listed twice"
    required = [m for m in modules() if m == "generator/__init__.py" or not m.endswith("/__init__.py")]
    assert [m for m in required if m not in listed] == [], "add these modules to the README's pipeline table"
    assert [m for m in listed if m not in modules()] == [], "the README lists modules that are gone"


def test_only_the_spine_is_left_directly_in_generator():
    assert sorted(p.name for p in GENERATOR.glob("*.py")) == sorted(TOP), (
        "a new module belongs in a subpackage of its pipeline step (load, validate, topics, render, engines, "
        "commands, tools)")


def test_a_subpackage_init_only_says_what_the_package_does():
    inits = sorted(GENERATOR.glob("*/__init__.py"))
    assert inits
    for init in inits:
        body = ast.parse(init.read_text(encoding="utf-8")).body
        assert len(body) == 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value.value, str), init
