"""Faster validation without a check less (issue 14): the compiled schema check answers as the full
schema does, and NK103 tells libyaml's problems in Dutch at the same place as before."""

import gc
from pathlib import Path

import jsonschema
import pytest

from generator.load import project
from generator.validate import schema
from generator.load.yamlload import dutch_detail, load

SUITE = Path(__file__).parent / "yaml-test-suite" / "data"

# (input, line, column) as the loader reported them before the Dutch wording: only the text changed.
NK103_INPUTS = {
    "alias zonder naam": ("id: x\nnaam: *\n", 2, 8),
    "anker zonder naam": ("id: x\nnaam: & iets\n", 2, 8),
    "YAML 2.0": ("%YAML 2.0\n---\nid: x\n", 1, 1),
    "geen versienummer": ("%YAML x\n---\nid: x\n", 1, 7),
    "te lang versienummer": ("%YAML 1.1111111111111111111111\n---\na: b\n", 1, 18),
    "dubbele %TAG": ("%TAG !e! tag:x,2000:\n%TAG !e! tag:y:\n---\nid: x\n", 2, 1),
    "dubbele %YAML": ("%YAML 1.1\n%YAML 1.1\n---\nid: x\n", 2, 1),
    "%YAML zonder ---": ("%YAML 1.1\nid: x\n", 2, 1),
    "onbekende instructie": ("%FOO bar\n---\nid: x\n", 1, 5),
    "--- in aanhalingstekens": ("id: x\nnaam: \"abc\n---\ndef\"\n", 3, 1),
    "geen hexcode": ("id: x\nnaam: \"\\xZZ\"\n", 2, 10),
    "geen teken": ("id: x\nnaam: \"\\UFFFFFFFF\"\n", 2, 10),
    "inspringing 0": ("id: x\nnaam: |0\n  abc\n", 2, 8),
    "tekst na |": ("id: x\nnaam: |x\n  abc\n", 2, 8),
    "open tag": ("id: x\nnaam: !<abc\n", 2, 12),
    "tag met %": ("naam: !e!%zz abc\n", 1, 10),
    "tag met %ff": ("naam: !<%ff> abc\n", 1, 9),
    "inhoud na ...": ("--- a\n... b\n", 2, 5),
    "U+FFFE": ("naam: a\ufffeb\n", 1, 1),
}


@pytest.mark.parametrize("name", NK103_INPUTS)
def test_nk103_speaks_dutch_at_the_same_place(name):
    text, line, column = NK103_INPUTS[name]
    doc, problems = load(text.encode("utf-8"), "p.yml")
    assert doc is None
    [found] = problems
    assert (found.code, found.line, found.column) == ("NK103", line, column)
    assert "YAML-lezer meldt" not in found.message  # a Dutch text of ours, not libyaml's English
    assert found.message.startswith("De YAML-structuur klopt hier niet: ") and "…" not in found.message


def test_no_nk103_of_the_yaml_test_suite_is_left_in_english():
    english = []
    for case in sorted(SUITE.rglob("in.yaml")):
        _, problems = load(case.read_bytes(), "in.yaml")
        english += [(case.parent.name, p.message) for p in problems if p.code == "NK103" and "YAML-lezer meldt" in p.message]
    assert english == []


def test_an_unknown_libyaml_problem_is_still_told():
    assert dutch_detail("something new") == "de YAML-lezer meldt 'something new'"


LOCATION = {"adres": {"straat": "Markt 1", "postcode": "9240", "gemeente": "Zele"},
            "coordinaten": {"lat": 51.0659, "lon": 4.0398}}


@pytest.mark.parametrize("secret", ["absent", True, False, "ja", 1, None])
@pytest.mark.parametrize("has_street", [True, False])
@pytest.mark.parametrize("has_coordinates", [True, False])
def test_compiled_check_of_a_confidential_location_answers_as_the_schema(secret, has_street, has_coordinates):
    """The compiled check's rewritten 'if' (vertrouwelijk, if present, is not true) says what the
    published 'if' (not: vertrouwelijk present and true) says, for every kind of value."""
    location = {"adres": dict(LOCATION["adres"])}
    if not has_street:
        del location["adres"]["straat"]
    if has_coordinates:
        location["coordinaten"] = dict(LOCATION["coordinaten"])
    if secret != "absent":
        location["vertrouwelijk"] = secret
    sub = schema.inlined("partner")["properties"]["locaties"]["items"]
    expected = jsonschema.Draft202012Validator(sub).is_valid(location)
    compiled = schema._bare(sub)
    compiled["$schema"] = "http://json-schema.org/draft-07/schema#"
    import fastjsonschema

    check = fastjsonschema.compile(compiled, formats={"telefoon-be": lambda v: True, "uri": lambda v: True,
                                                      "email": lambda v: True, "date": lambda v: True,
                                                      "weekdag": lambda v: True, "periodedatum": lambda v: True})
    try:
        check(location)
        answer = True
    except fastjsonschema.JsonSchemaException:
        answer = False
    assert answer == expected


def test_the_compiled_check_carries_no_annotations_but_keeps_property_names():
    bare = schema._bare(schema.inlined("partner"))
    found = []

    def walk(node, named=False):
        if isinstance(node, dict):
            for key, value in node.items():
                if named:
                    walk(value)
                    continue
                if key in ("title", "description", "examples"):
                    found.append(key)
                if key not in ("enum", "const"):
                    walk(value, key in ("properties", "patternProperties"))
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(bare)
    assert found == []
    assert set(bare["properties"]) == set(schema.inlined("partner")["properties"])


def test_phone_answers_are_remembered_per_number(monkeypatch):
    asked = []
    check = schema._remembered(lambda value: asked.append(value) or value == "ja")
    assert [check("ja"), check("nee"), check("ja"), check(5)] == [True, False, True, False]
    assert asked == ["ja", "nee", 5]


def test_parallel_load_leaves_the_collector_on(tmp_path, monkeypatch, basis):
    monkeypatch.setattr(project, "PARALLEL_FROM", 0)
    assert gc.isenabled()
    project.load_project(basis)
    assert gc.isenabled()

