"""The JSON Schemas: valid Draft 2020-12, every property explained in Dutch, every example valid."""

import json

import jsonschema
import pytest

from generator.validate import schema

NAMES = schema.SCHEMA_FILES


def properties(node, path=()):
    """Yield (path, name, subschema) for every property declared anywhere in a schema."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield path, name, sub
        for key, value in node.items():
            yield from properties(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from properties(value, path + (i,))


def subschemas(node):
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key not in ("examples", "enum", "const"):
                yield from subschemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from subschemas(value)


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_valid_draft_2020_12(name):
    raw = json.loads(schema.schema_text(name))
    assert raw["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(raw)


@pytest.mark.parametrize("name", NAMES)
def test_every_property_has_dutch_title_and_description(name):
    raw = json.loads(schema.schema_text(name))
    found = list(properties(raw))
    assert found or name == "common"
    for path, prop, sub in found:
        if path and path[-1] in ("if", "then") or "then" in path or "if" in path:
            continue  # conditional requirements, not declarations
        assert sub.get("title"), f"{name}: {prop} has no title"
        assert len(sub.get("description", "")) > 10, f"{name}: {prop} has no description"
    for key, sub in raw.get("$defs", {}).items():
        assert sub.get("title") and sub.get("description"), f"{name}: $defs/{key}"


@pytest.mark.parametrize("kind", schema.KINDS)
def test_every_example_is_valid_where_it_stands(kind):
    """Examples end up in hints and editor tooltips: a wrong one would teach a mistake."""
    checked = 0
    for sub in subschemas(schema.inlined(kind)):
        for example in sub.get("examples", []):
            validator = jsonschema.Draft202012Validator(sub, format_checker=schema.format_checker())
            errors = [e.message for e in validator.iter_errors(example)]
            assert not errors, (sub.get("title"), example, errors)
            checked += 1
    assert checked > 5


@pytest.mark.parametrize("value, ok", [
    ("052 44 55 66", True), ("+32 52 44 55 66", True), ("0475 12 34 56", True), ("1712", True),
    ("052 44", False), ("12", False), ("0900 00", False),
])
def test_phone_format(value, ok):
    assert schema.format_checker().conforms(value, "telefoon-be") is ok


@pytest.mark.parametrize("value, ok", [
    ("https://www.zele.be", True), ("http://a.be/x?y=1#z", True), ("HTTPS://A.BE", True),
    ("javascript:alert(1)", False), ("ftp://a.be", False), ("https://localhost", False),
    ("www.zele.be", False), ("https://a.be/met spatie", False), ("data:text/html,x", False),
])
def test_web_address_format(value, ok):
    assert schema.format_checker().conforms(value, "uri") is ok


def test_formats_are_checked_not_only_declared():
    errors = list(schema.validator("partner").iter_errors({"contact": {"email": "info at huis.be"}}))
    assert any(e.validator in ("format", "pattern") for e in errors)


def test_fast_and_reference_validators_agree_on_every_case():
    """The compiled fast path may only say 'valid' when jsonschema finds nothing, and vice versa."""
    from helpers import CASES, TESTS
    from generator.load.project import _classify
    from generator.load.yamlload import load

    samples = []
    for top in [CASES / "_basis"] + sorted(CASES.glob("*/invoer")):
        for path in sorted(p for p in top.rglob("*.y*ml") if p.is_file()):  # NK646: a folder named x.yml
            where = _classify(path.relative_to(top).parts)
            if where:
                samples.append((path, where[0]))
    samples += [(path, "partner") for path in sorted((TESTS / "bad-input").rglob("*.yaml"))]
    checked = 0
    for path, kind in samples:
        doc, _ = load(path.read_bytes(), path.name)
        if doc is not None:
            reference_ok = not list(schema.validator(kind).iter_errors(doc.data))
            assert schema.is_valid(doc.data, kind) == reference_ok, path
            checked += 1
    assert checked > 60


def test_editor_docs_match_the_schemas_and_catalogue():
    """docs/gegevens.md and docs/foutcodes.md are generated; regenerate with
    `python -m generator.tools.reference_docs docs` after changing a schema or a message."""
    from helpers import ROOT
    from generator.tools import reference_docs

    for name, make in reference_docs.PAGES.items():
        assert (ROOT / "docs" / name).read_text(encoding="utf-8") == make(), name
