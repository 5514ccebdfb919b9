"""Validation made faster (vspeed) must give the same results: worker processes send data back apart
(marshal), cross checks share work between records, the loader skips checks a file cannot need."""

import shutil

import pytest
import yaml

from helpers import ROOT, TODAY
from generator.load import project, yamlload
from generator.validate.pipeline import validate_folder


@pytest.fixture
def example(tmp_path):
    for top in ("partners", "regions"):
        shutil.copytree(ROOT / top, tmp_path / top)
    return tmp_path


def _replace(file, old, new):
    text = file.read_text("utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), "utf-8")


def test_worker_processes_give_the_same_records_data_and_problems(example, monkeypatch):
    """The data comes back from the workers as one marshal blob per batch: equal, in the same key
    order, and a problem found later still gets the line of the value (marks are read again)."""
    _replace(example / "partners" / "dender" / "cgg-dender.yml", "datum: \"2026-05-26\"", "datum: \"2020-05-26\"")
    here = validate_folder(example, today=TODAY)
    monkeypatch.setattr(project, "PARALLEL_FROM", 0)
    monkeypatch.setattr(project, "BATCH", 7)  # several batches
    there = validate_folder(example, today=TODAY)
    assert [(r.path, r.kind, r.schema_ok) for r in there.project.records] == \
        [(r.path, r.kind, r.schema_ok) for r in here.project.records]
    for a, b in zip(here.project.records, there.project.records):
        assert b.doc.data == a.doc.data
        assert list(yamlload_keys(b.doc.data)) == list(yamlload_keys(a.doc.data))
    assert there.problems == here.problems
    assert [(p.file, p.line, p.code) for p in there.problems] == [("partners/dender/cgg-dender.yml", 87, "NK501")]


def yamlload_keys(value, path=()):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield path + (key,)
            yield from yamlload_keys(inner, path + (key,))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from yamlload_keys(inner, path + (i,))


def test_freshness_is_judged_per_region_policy_for_the_same_date(example):
    """Records with the same 'nagekeken' date are judged once per policy, not once for all: a region
    that warns after 6 months gets NK501 for a date that the other region still accepts."""
    _replace(example / "regions" / "dender" / "regio.yml", "waarschuwen_na_maanden: 24", "waarschuwen_na_maanden: 6")
    _replace(example / "regions" / "dender" / "regio.yml", "tonen_na_maanden: 12", "tonen_na_maanden: 6")
    dender = example / "partners" / "dender" / "cgg-dender.yml"
    kempen = next((example / "partners" / "voorkempen").glob("*.yml"))
    date = "2025-11-01"  # 13 months before TODAY: too old with 6 months, fine with the default 24
    for file in (kempen, dender):
        data = yaml.safe_load(file.read_text("utf-8"))
        old = data["nagekeken"]["datum"]
        _replace(file, f"datum: \"{old}\"" if f"datum: \"{old}\"" in file.read_text("utf-8") else f"datum: '{old}'",
                 f"datum: \"{date}\"")
    files = {str(f.relative_to(example)) for f in (dender, kempen)}
    found = {(p.file, p.code) for p in validate_folder(example, today=TODAY).problems
             if p.code in ("NK501", "NK504") and p.file in files}
    assert found == {("partners/dender/cgg-dender.yml", "NK501")}


@pytest.mark.parametrize("text, code, line, column", [
    # no '#' before the problem's line decides nothing: the check looks at the whole file
    ("id: a\nnaam: b #c\n", "NK503", 2, 7),
    ("id: a\nx: {?naam: b}\n", "NK135", 2, 5),
    ("id: a\nnaam: 'b'#c\n", "NK136", 2, 10),
    ("id: a\nlijst:\n- \n- b\n", "NK114", 3, 2),
    ("id: a\nx: .nan\n", "NK112", 2, 4),
    ("id: a\n~: b\n", "NK115", 2, 1),
    ("id: a\n<<: b\n", "NK110", 2, 1),
])
def test_checks_the_loader_only_runs_when_the_file_holds_their_character(text, code, line, column):
    doc, problems = yamlload.load(text.encode(), "x.yml")
    assert [(p.code, p.line, p.column) for p in problems] == [(code, line, column)]  # warnings included


def test_plain_words_and_numbers_keep_their_meaning():
    doc, problems = yamlload.load(b"a: true\nb: false\nc: null\nd: ~\ne:\nf: 12\ng: -0.5\nh: 09:00\n"
                                  b"i: 0522\nj: True\nk: no\nl: 1e3\nm: +3\n", "x.yml")
    assert problems == []
    assert doc.data == {"a": True, "b": False, "c": None, "d": None, "e": None, "f": 12, "g": -0.5, "h": "09:00",
                        "i": "0522", "j": "True", "k": "no", "l": 1000.0, "m": "+3"}
    assert [type(v) for v in doc.data.values()][5:7] == [int, float]
