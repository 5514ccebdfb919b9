"""The problem catalogue is tight: one code per meaning, every message written in the catalogue, one formatter.

An AST scan of generator/ finds every place a problem is made (``problem(...)``, the ``_at``/``at``
helpers of the checks, ``outdir.Refused``, the CLI's ``_coded``) and checks that its code exists and that
it passes exactly the fields of that code's templates: values such as a field name, a file or a number,
never a message or a hint of its own.
"""

import ast
import re
import string
from pathlib import Path

import pytest

from generator import problemformat
from generator.problems import CATALOG, Severity, _KINDS, fields_of, problem

GENERATOR = Path(__file__).parent.parent / "generator"
CODE = re.compile(r"NK[0-9]{3}")
# The functions that make a problem from a code and the template's fields (keywords that are not fields).
MAKERS = {"problem": set(), "_at": set(), "at": {"mark"}, "Refused": {"usage"}, "_coded": set()}
# Caller text that would be a message: no template may take it, no call may pass it (except a cause's).
CATCH_ALL = {"problem", "message", "hint"}
CAUSE = {"original", "message", "hint"}


def _constants(node):
    """The codes an argument can be: a constant, or either side of ``a if c else b`` (not inside a call)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _constants(node.body)
        yield from _constants(node.orelse)


def _calls():
    """(file:line, code, keyword names or None when ``**fields`` is passed, has a cause) per problem made."""
    for path in sorted(GENERATOR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name not in MAKERS:
                continue
            codes = {c for arg in node.args for c in _constants(arg)}
            keywords = {k.arg for k in node.keywords}
            fields = None if None in keywords else keywords - MAKERS[name] - {"cause"}
            for code in codes:
                yield f"{path.name}:{node.lineno}", code, fields, "cause" in keywords


CALLS = list(_calls())


def test_the_scan_finds_the_problems_made():
    assert len(CALLS) > 200
    assert {code for _, code, _, _ in CALLS} >= {"NK103", "NK135", "NK139", "NK212", "NK650", "NK663", "NK701"}


def test_codes_are_unique_and_well_formed():
    codes = [k.code for k in _KINDS]
    assert len(codes) == len(set(codes))
    assert all(CODE.fullmatch(c) for c in codes)
    assert all(isinstance(k.severity, Severity) and k.title and k.message and k.hint for k in _KINDS)


@pytest.mark.parametrize("kind", _KINDS, ids=[k.code for k in _KINDS])
def test_templates_take_values_not_messages(kind):
    names = fields_of(kind)
    # Every placeholder is a plain name (no attribute, index or format spec): a value to fill in.
    for template in (kind.message, kind.hint):
        for _, name, spec, conversion in string.Formatter().parse(template):
            assert name is None or (name.isidentifier() and not spec and not conversion), (kind.code, name)
    if names & CATCH_ALL:
        # Only a kind that tells another problem again (an import row, a new file, a --door name) takes a
        # message and hint, and those come from that problem (cause=), never from the caller.
        assert CAUSE <= names, (kind.code, sorted(names & CATCH_ALL))
    if CAUSE <= names:
        example = problem(kind.code, "x.yml", 1, 1, cause=problem("NK105", "y.yml", 1, 1),
                          **{n: "x" for n in names - CAUSE})
    else:
        example = problem(kind.code, "x.yml", 1, 1, **{n: "x" for n in names})
    assert example.message and example.hint


def test_every_code_used_exists_and_gets_exactly_its_fields():
    wrong = []
    for where, code, fields, cause in CALLS:
        if code not in CATALOG:
            wrong.append(f"{where}: {code} is not in the catalogue")
            continue
        expected = fields_of(CATALOG[code]) - (CAUSE if cause else set())
        if fields is not None and fields != expected:
            wrong.append(f"{where}: {code} gets {sorted(fields)}, its templates take {sorted(expected)}")
        if fields is not None and fields & CATCH_ALL:
            wrong.append(f"{where}: {code} gets a message of the caller: {sorted(fields & CATCH_ALL)}")
    assert wrong == []


def test_every_code_in_the_code_base_exists_and_every_code_is_used():
    used = set()
    for path in sorted(GENERATOR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value):
                used.add(node.value)
    assert used - set(CATALOG) == set()
    assert set(CATALOG) - used == set()  # no code that nothing makes


def test_problem_takes_only_its_templates_fields():
    with pytest.raises(TypeError):
        problem("NK103", "x.yml", 1, 1, problem="iets anders")  # the old free text
    with pytest.raises(TypeError):
        problem("NK123", "x.yml", 1, 1, detail="x")  # a fixed message takes nothing
    with pytest.raises(TypeError):
        problem("NK623", "x.yml", 1, 1, where="rij 2", original="NK306", message="m", hint="h")  # needs cause=
    cause = problem("NK123", "p.yml", 2, 1)
    row = problem("NK623", "rij.csv", 2, 4, where="kolom D (naam)", cause=cause)
    assert row.message == f"In kolom D (naam): NK123 {cause.message}" and row.hint == cause.hint


def test_the_schema_rules_we_use_all_have_their_own_message():
    # schema.py tells each rule in its own words; a rule it does not know would be NK900 (a gap, not data).
    handled = {"required", "additionalProperties", "type", "format", "pattern", "enum", "const", "minimum",
               "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems",
               "maxItems", "minProperties", "maxProperties", "uniqueItems", "if", "then", "not"}
    structure = {"$schema", "$id", "$ref", "$defs", "title", "description", "examples", "properties", "items",
                 "default", "$comment", "patternProperties", "propertyNames", "markdownDescription"}
    import json

    def keys(node):
        if isinstance(node, dict):
            for key, value in node.items():
                yield key
                if key in ("properties", "$defs", "patternProperties"):
                    for sub in value.values():
                        yield from keys(sub)
                elif key not in ("examples", "enum", "const", "default", "required"):
                    yield from keys(value)
        elif isinstance(node, list):
            for item in node:
                yield from keys(item)

    found = set()
    for path in sorted((GENERATOR / "schemas").glob("*.schema.json")):
        found |= set(keys(json.loads(path.read_text(encoding="utf-8"))))
    assert found - handled - structure == set()


def test_every_code_has_an_example_in_the_docs():
    # docs/foutcodes.md: the lines of a case folder (tests/cases, tests/import-cases), or else a situation.
    from generator.tools.reference_docs import SITUATIONS, _code_example

    assert [code for code in CATALOG if not _code_example(code) and code not in SITUATIONS] == []
    assert [code for code in SITUATIONS if code not in CATALOG] == []


# -- one formatter ----------------------------------------------------------------------------------

SAMPLE = problem("NK107", "partners/dender/x.yml", 3, 1, key="naam", first=2, second=3)


def test_one_module_lays_out_a_problem():
    # No other module puts a problem's message and hint side by side: they all call problemformat.
    offenders = []
    for path in sorted(GENERATOR.rglob("*.py")):
        if path.name in ("problemformat.py", "problems.py"):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\.message\b[^\n]*\.hint\b|\.hint\b[^\n]*\.message\b|kind\.message\.format", text):
            offenders.append(path.name)
    assert offenders == []


def test_the_formats():
    assert problemformat.text(SAMPLE) == (
        f"partners/dender/x.yml:3:1: NK107 fout: {SAMPLE.message}\n"
        + "\n".join(f"    {line}" for line in SAMPLE.hint.split("\n")))
    assert problemformat.refusal(SAMPLE) == f"NK107 {SAMPLE.message}\nTip: {SAMPLE.hint}"
    assert problemformat.log_line(SAMPLE) == f"partners/dender/x.yml:3:1: NK107 {SAMPLE.message} Tip: {SAMPLE.hint}"
    assert problemformat.as_dict(SAMPLE) == {"bestand": "partners/dender/x.yml", "regel": 3, "kolom": 1,
                                             "code": "NK107", "ernst": "fout", "melding": SAMPLE.message,
                                             "tip": SAMPLE.hint}
    assert problemformat.github(SAMPLE).startswith(
        "::error file=partners/dender/x.yml,line=3,col=1,title=NK107::Het veld 'naam' staat twee keer")
    assert problemformat.summary(problemformat.as_dict(SAMPLE), markdown=True).startswith(
        "`partners/dender/x.yml` regel 3: NK107 Het veld")
    item = problemformat.banner_item(SAMPLE, "foutcodes/#nk107")
    assert item == {"plaats": "partners/dender/x.yml:3:1", "code": "NK107", "melding": SAMPLE.message,
                    "tip": SAMPLE.hint, "uitleg": "foutcodes/#nk107"}
    assert problemformat.html(SAMPLE, None).startswith("<li><code>partners/dender/x.yml:3:1</code> <strong>NK107")


def test_refusals_have_one_layout():
    from generator.commands import checkin, importer, scaffold
    from generator.engines import outdir

    found = problem("NK640", "--regio", 1, 1, value="x", allowed="dender")
    for refused in (scaffold.ScaffoldError(found), checkin.Refused(found), importer.Refused(found)):
        assert str(refused) == problemformat.refusal(found)
    assert str(outdir.Refused("NK706", target="uit.csv")).startswith("NK706 'uit.csv' bestaat al")
