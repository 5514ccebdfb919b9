"""The examples in the catalogue's hints are copied into data files: every field name they show must
be a field of the schemas (a hint once showed `e-mail:`, which gives NK202 when copied)."""

import json
import re
import textwrap
from importlib import resources

import pytest
import yaml

from generator.problems import CATALOG

# Keys in hints that are not data fields, on purpose: a key of a language catalogue (NK373), a language
# code under `vertalingen:` (NK374), a column of a spreadsheet in a columns file (NK627).
NOT_FIELDS = {("NK373", "sheet.call"), ("NK374", "fr"), ("NK627", "Telefoonnummer")}


def _schema_fields() -> set[str]:
    names: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    names.update(value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in resources.files("generator").joinpath("schemas").iterdir():
        if path.name.endswith(".schema.json"):
            walk(json.loads(path.read_text(encoding="utf-8")))
    return names


FIELDS = _schema_fields()


def _keys_shown(hint: str) -> list[str]:
    """Field names the hint's examples show: in indented example lines, and inline after 'zoals:' and the like."""
    keys = []
    for line in hint.split("\n")[1:]:
        match = re.match(r"\s+(?:-\s+)?([^\s:{}]+):(\s|$)", line)
        if match:
            keys.append(match.group(1))
    keys += re.findall(r"(?:zoals|Voorbeeld|[Zz]et|[Ss]chrijf|dan)[^:\n]*?:\s+([a-z_]+):\s", hint)
    return keys


def _example_blocks(hint: str) -> list[str]:
    """Runs of indented lines (the multi-line examples), without template fields or <placeholders>."""
    blocks, current = [], []
    for line in hint.split("\n")[1:] + [""]:
        if line.startswith("  "):
            current.append(line)
            continue
        if current and not any(c in "".join(current) for c in "{}<>"):
            blocks.append(textwrap.dedent("\n".join(current)))
        current = []
    return blocks


def test_the_check_finds_a_wrong_field_name():
    assert "e-mail" in _keys_shown("Voorbeeld:\n  contact:\n    e-mail: info@x.be")
    assert "e-mail" not in FIELDS and "email" in FIELDS


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_hint_examples_use_schema_field_names(code):
    wrong = [key for key in _keys_shown(CATALOG[code].hint) if key not in FIELDS and (code, key) not in NOT_FIELDS]
    assert wrong == [], f"{code}: het voorbeeld in de tip toont velden die niet bestaan: {wrong}"


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_hint_example_blocks_are_yaml(code):
    for block in _example_blocks(CATALOG[code].hint):
        yaml.safe_load(block)  # raises on an example that would not even read
