"""Schema validation: each record against its JSON Schema, every problem as a coded Dutch message.

The schemas in ``generator/schemas/`` are the single source of truth for the
format; they carry Dutch titles, descriptions and examples that end up in the
editor tooltips, the field reference and the hints below.
"""

from __future__ import annotations

import copy
import difflib
import json
import re
from functools import cache
from typing import TYPE_CHECKING
from importlib import resources
from urllib.parse import urlsplit

import fastjsonschema
import phonenumbers
import yaml
from phonenumbers import shortnumberinfo

from ..topics import hours
from ..load.chars import EXCERPT, excerpt
from ..problems import CATALOG, Problem, fields_of, problem
from ..load.yamlload import Document, Path

if TYPE_CHECKING:
    import jsonschema

KINDS = ("partner", "regio", "gemeente", "levensdomeinen", "vragen")
SCHEMA_FILES = ("common",) + KINDS


def schema_text(name: str) -> str:
    """The published JSON text of a schema (``partner``, ``regio``, ``gemeente``, ``levensdomeinen``, ``vragen``, ``common``)."""
    return resources.files("generator").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")


def _inline(node: object, documents: dict[str, dict], current: dict) -> object:
    """A copy of ``node`` with every ``$ref`` replaced by what it points to (our schemas are not recursive)."""
    if isinstance(node, list):
        return [_inline(item, documents, current) for item in node]
    if not isinstance(node, dict):
        return node
    result = {}
    if "$ref" in node:
        target_file, _, pointer = node["$ref"].partition("#")
        document = documents[target_file.removesuffix(".schema.json")] if target_file else current
        target = document
        for part in pointer.strip("/").split("/"):
            if part:
                target = target[part]
        result.update(_inline(target, documents, document))  # type: ignore[arg-type]
    for key, value in node.items():
        if key == "$ref":
            continue
        result[key] = _inline(value, documents, current) if key not in ("examples", "enum", "const") else copy.deepcopy(value)
    return result


@cache
def inlined(kind: str) -> dict:
    """The schema for ``kind`` with all references resolved: self-contained and easy to walk."""
    documents = {name: json.loads(schema_text(name)) for name in SCHEMA_FILES}
    schema = _inline(documents[kind], documents, documents[kind])
    schema.pop("$defs", None)  # type: ignore[union-attr]
    return schema  # type: ignore[return-value]


# -- formats -----------------------------------------------------------------
# jsonschema is imported only when a record needs explaining (a tenth of the start-up of `validate`):
# valid records are checked by the compiled fastjsonschema validator alone.

def is_belgian_phone(value: object) -> bool:
    if not isinstance(value, str):
        return True
    number = phonenumbers.parse(value, "BE")
    return phonenumbers.is_valid_number(number) or shortnumberinfo.is_valid_short_number_for_region(number, "BE")


def is_web_address(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    host = parts.hostname or ""
    return parts.scheme.lower() in ("http", "https") and "." in host and not _SPACE.search(value)


_SPACE = re.compile(r"\s")  # a character for which str.isspace() is true (the same Unicode test)


def is_email(value: object) -> bool:
    if not isinstance(value, str):
        return True
    local, at, domain = value.rpartition("@")
    return bool(at and local and "." in domain.strip(".") and " " not in value)


def is_date(value: object) -> bool:
    import datetime

    if not isinstance(value, str):
        return True
    datetime.date.fromisoformat(value)
    return len(value) == 10


@cache
def format_checker():
    """Our formats for the reference validator (jsonschema)."""
    import jsonschema

    checker = jsonschema.FormatChecker(formats=())
    checker.checks("telefoon-be", raises=phonenumbers.NumberParseException)(is_belgian_phone)
    checker.checks("uri", raises=ValueError)(is_web_address)
    checker.checks("email")(is_email)
    checker.checks("date", raises=ValueError)(is_date)
    checker.checks("weekdag")(hours.is_weekday)  # opening hours (hours.py): NK342, NK345
    checker.checks("periodedatum")(hours.is_period_date)
    return checker


@cache
def validator(kind: str):
    """The reference validator (jsonschema): slow, but explains every problem."""
    import jsonschema

    schema = inlined(kind)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=format_checker())


def _conforms(check, errors: tuple[type[Exception], ...] = ()):
    """A format function for fastjsonschema: True/False, never an exception."""
    def conforms(value: object) -> bool:
        try:
            return bool(check(value))
        except errors:
            return False
    return conforms


_ANNOTATIONS = frozenset(("title", "description", "examples", "$comment"))
_NAMED = frozenset(("properties", "patternProperties", "$defs", "definitions"))  # keys are names, not keywords
_VALUES = frozenset(("enum", "const"))  # values, not schemas


def _bare(node: object) -> object:
    """A copy of the schema ``node`` for the compiled check: what validates and nothing else.

    fastjsonschema writes each subschema, Dutch titles, descriptions and examples included, as a
    literal into the code that raises for it: they made the partner check 380 KB of Python to
    compile at every start (0.1-0.2 s) and every raise build them again. They change no outcome.

    One rewrite with the same meaning: the condition of a location's "if" ("not (vertrouwelijk is
    present and true)") becomes "vertrouwelijk, if present, is not true". fastjsonschema checks a
    "not" by raising inside it, so the first form raised (and formatted a message) for every
    location without ``vertrouwelijk``; the second raises only for a confidential one."""
    if isinstance(node, list):
        return [_bare(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in _ANNOTATIONS:
            continue
        if key in _NAMED and isinstance(value, dict):
            out[key] = {name: _bare(sub) for name, sub in value.items()}
        elif key in _VALUES:
            out[key] = copy.deepcopy(value)
        else:
            out[key] = _bare(value)
    negated = out.get("not")
    if set(out) == {"not"} and isinstance(negated, dict) and set(negated) == {"required", "properties"}:
        required, properties = negated["required"], negated["properties"]
        if (isinstance(required, list) and len(required) == 1 and isinstance(properties, dict)
                and list(properties) == required and set(properties[required[0]]) == {"const"}):
            # not (k present and k == c)  ==  k, if present, is not c
            return {"properties": {required[0]: {"not": properties[required[0]]}}}
    return out


def _remembered(check, limit: int = 20000):
    """``check`` asked once per distinct value (a phone number costs phonenumbers 20 us; a region's
    central number recurs in many files)."""
    known: dict[object, bool] = {}

    def remembered(value: object) -> bool:
        if value.__class__ is not str:
            return check(value)
        answer = known.get(value)
        if answer is None:
            answer = check(value)
            if len(known) < limit:
                known[value] = answer
        return answer
    return remembered


@cache
def fast_validator(kind: str):
    """A compiled yes/no check (fastjsonschema), about 5x faster than jsonschema on valid records.

    Only records it refuses go through :func:`validator` for the messages. The inlined
    schemas use no keyword whose meaning differs between draft-07 and 2020-12; the tests
    check that both validators agree on every case.
    """
    schema = _bare(inlined(kind))
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    formats = {
        "telefoon-be": _remembered(_conforms(is_belgian_phone, (phonenumbers.NumberParseException,))),
        "uri": _conforms(is_web_address, (ValueError,)),
        "email": _conforms(is_email),
        "date": _conforms(is_date, (ValueError,)),
        "weekdag": _conforms(hours.is_weekday),
        "periodedatum": _conforms(hours.is_period_date),
    }
    return fastjsonschema.compile(schema, formats=formats)


def warm_up() -> None:
    """Compile the checks and load the phone metadata once, before worker processes are forked
    (each worker did it again: 0.4 s at the start of every parallel load)."""
    for kind in KINDS:
        fast_validator(kind)
    is_belgian_phone("052 00 00 00")


def is_valid(data: object, kind: str) -> bool:
    try:
        fast_validator(kind)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


# -- turning jsonschema errors into problems -----------------------------------

_FORMAT_CODES = {"email": "NK206", "uri": "NK207", "date": "NK208", "telefoon-be": "NK209",
                 "weekdag": "NK342", "periodedatum": "NK345"}  # opening hours: see hours.py
_TYPE_NAMES = {
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "true of false",
    "object": "een blok met velden",
    "array": "een lijst",
    "null": "leeg",
}


def show_path(path: Path) -> str:
    """('locaties', 0, 'adres') -> 'locaties[1].adres' (list items counted from 1, as people do)."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "bestand"


def describe(value: object) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return f"de waarde {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, str):
        return f"de tekst '{value}'"
    if isinstance(value, list):
        return "een lijst"
    return "een blok met velden"


def snippet(key: str | int, value: object, parent: str | None = None) -> str:
    """A correct line (or block) of YAML, for hints; a list item is shown as '- value' under its list."""
    if isinstance(key, int):
        item = yaml.safe_dump([value], allow_unicode=True, default_flow_style=False, width=70).strip()
        return f"{parent}:\n    {item}" if parent else item
    text = yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=False, sort_keys=False, width=70)
    return text.strip().replace("\n", "\n  ")


def _pattern_problem(at, path: Path, value: object, subschema: dict) -> Problem:
    """NK205 with the field's description and example, or a municipality's name where its NIS code
    belongs (NK667), or an id with other characters (NK668)."""
    from ..load.refdata import reference, slug

    title = subschema.get("title", "")
    key = path[-1] if path else ""
    parent = str(path[-2]) if len(path) > 1 and isinstance(key, int) else None
    if title == "NIS-code" and isinstance(value, str):
        found = reference().find(value) or reference().find(reference().suggest_name(value) or "")
        if found:
            # a misspelt name ('Zelle') is no municipality's name: say which one is probably meant
            meant = "" if found.name == value else f" Bedoel je {found.name}?"
            return at("NK667", value=value, field=show_path(path), municipality=found.name, meant=meant,
                      example=snippet(key, found.nis, parent))
    if title == "Id" and isinstance(value, str):
        return at("NK668", value=value, field=show_path(path),
                  example=snippet(key, slug(value)[:EXCERPT] or "jeugdhuis-de-kelder", parent))
    example = _example(subschema)
    return at("NK205", value=value, field=show_path(path), rule=subschema.get("description", "").strip(),
              example=snippet(key, example, parent) if example is not None else f"{key}: ...")


def _example(subschema: dict) -> object | None:
    examples = subschema.get("examples")
    if examples:
        return examples[0]
    if subschema.get("type") == "boolean":
        return True
    return None


def _where(path: Path) -> str:
    return f" in '{show_path(path)}'" if path else ""


def _key_index(schema: dict, prefix: Path = ()) -> dict[str, Path]:
    """Every property name in the schema and the first place it is allowed."""
    index: dict[str, Path] = {}
    props = schema.get("properties", {})
    for name, sub in props.items():
        index.setdefault(name, prefix)
    for name, sub in props.items():
        for inner, where in _key_index(sub, prefix + (name,)).items():
            index.setdefault(inner, where)
    if "items" in schema:
        for inner, where in _key_index(schema["items"], prefix).items():
            index.setdefault(inner, where)
    return index


def _suggest_key(key: str, allowed: list[str], kind: str) -> str:
    lowered = {a.lower(): a for a in allowed}
    if key.lower() in lowered:
        return f" Bedoel je '{lowered[key.lower()]}' (met kleine letters)?"
    close = difflib.get_close_matches(key.lower(), list(lowered), n=1, cutoff=0.75)
    if close:
        return f" Bedoel je '{lowered[close[0]]}'?"
    index = _key_index(inlined(kind))
    close = difflib.get_close_matches(key.lower(), list(index), n=1, cutoff=0.75)
    if close:
        parent = show_path(index[close[0]])
        if close[0] == key:
            return f" Dit veld hoort onder '{parent}'."
        return f" Bedoel je '{close[0]}'? Dat veld hoort onder '{parent}'."
    return ""


def _type_problem(at, path: Path, field: str, expected: list[str], value: object, subschema: dict) -> Problem:
    """NK203, or the kind of wrong value an editor writes most (a list without '- ', 'ja', a number
    with a comma, a number where text belongs), each with a correct line to copy."""
    names = " of ".join(_TYPE_NAMES.get(t, t) for t in expected if not (t == "integer" and "string" in expected))
    shown = excerpt(str(value))  # a hint quotes at most a short excerpt of what the file holds
    where = dict(field=show_path(path), found=describe(value))
    if "number" in expected and isinstance(value, str) and value.replace(",", "", 1).replace("-", "", 1).isdigit():
        return at("NK666", **where, key=field, value=shown.replace(",", "."))
    if "string" in expected and isinstance(value, (int, float)) and not isinstance(value, bool):
        return at("NK665", **where, key=field, value=shown)
    if "boolean" in expected and isinstance(value, str):
        return at("NK664", **where, key=field)
    if "array" in expected and isinstance(value, str):
        # A list whose first '- ' was forgotten reads as one text 'a - b': suggest the block list itself
        # (a flow list [a - b] would be one wrong item).
        items = [part.strip() for part in re.split(r"\s+-\s+", value) if part.strip()] if " - " in value else [value]
        lines = "\n".join(f"    - {item}" for item in items)
        return at("NK663", **where, example=f"{field}:\n{lines}")
    example = _example(subschema)
    return at("NK203", **where, expected=names,
              example=snippet(field, example) if example is not None else f"{field}: ...")


def _from_error(error: jsonschema.ValidationError, doc: Document, kind: str) -> list[Problem]:
    path: Path = tuple(error.absolute_path)
    field = str(path[-1]) if path and isinstance(path[-1], str) else show_path(path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    value = error.instance
    v = error.validator
    m = doc.mark(path)

    def at(code: str, mark=m, **fields: object) -> Problem:
        return problem(code, doc.path, mark.line, mark.column, **fields)

    if v == "required":
        props = schema.get("properties", {})
        out = []
        for name in error.validator_value:
            if isinstance(value, dict) and name not in value:
                example = _example(props.get(name, {}))
                shown = snippet(name, example) if example is not None else f"{name}: ..."
                out.append(at("NK201", field=name, where=_where(path), example=shown))
        return out
    if v == "additionalProperties" and isinstance(value, dict):
        allowed = list(schema.get("properties", {}))
        out = []
        for key in value:
            if key not in allowed:
                km = doc.mark(path + (key,), key=True)
                out.append(at("NK202", km, field=key, where=_where(path),
                              suggestion=_suggest_key(key, allowed, kind), allowed=", ".join(allowed)))
        return out
    if v == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return [_type_problem(at, path, field, expected, value, schema)]
    fmt = schema.get("format")
    if v in ("format", "pattern") and fmt in _FORMAT_CODES:
        code = _FORMAT_CODES[fmt]  # NK342's message names no field
        return [at(code, value=value, field=field) if "field" in fields_of(CATALOG[code]) else at(code, value=value)]
    if v in ("enum", "const"):
        allowed = error.validator_value if v == "enum" else [error.validator_value]
        shown_allowed = [json.dumps(a) if not isinstance(a, str) else a for a in allowed]
        close = difflib.get_close_matches(str(value).lower(), [str(a) for a in shown_allowed], n=1, cutoff=0.6)
        suggestion = f" Bedoel je '{close[0]}'?" if close else ""
        return [at("NK204", value=value if not isinstance(value, bool) else str(value).lower(),
                   field=show_path(path), suggestion=suggestion, allowed=", ".join(shown_allowed))]
    if v == "pattern":
        return [_pattern_problem(at, path, value, schema)]
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = {"minimum": "minstens", "maximum": "hoogstens", "exclusiveMinimum": "meer dan",
                 "exclusiveMaximum": "minder dan"}[v]
        return [at("NK210", field=show_path(path), value=value, bound=f"{bound} {error.validator_value}")]
    if v in ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"):
        unit = {"L": ("teken", "tekens"), "I": ("item", "items"), "P": ("veld", "velden")}[v[3]]
        size = len(value) if isinstance(value, (str, list, dict)) else 0
        bound = f"{'minstens' if v.startswith('min') else 'hoogstens'} {error.validator_value}"
        return [at("NK212", field=show_path(path), size=f"{size} {unit[size != 1]}", bound=bound)]
    if v == "uniqueItems":
        seen, double = set(), None
        for item in value:
            key = json.dumps(item, sort_keys=True)
            if key in seen:
                double = item
                break
            seen.add(key)
        return [at("NK211", field=show_path(path), value=str(double))]
    # Every rule of our schemas is told above in its own words; a rule without them is a gap in this
    # function, not a mistake in the data (test_schemas checks that no schema uses one).
    return [at("NK900", error=f"de schemaregel '{v}' bij '{show_path(path)}' heeft geen eigen melding")]


def validate(doc: Document, kind: str) -> list[Problem]:
    """All schema problems of one loaded record, deduplicated, in file order."""
    if is_valid(doc.data, kind):
        return []
    found: dict[tuple, Problem] = {}
    for error in validator(kind).iter_errors(doc.data):
        for p in _from_error(error, doc, kind):
            found.setdefault((p.line, p.column, p.code, p.message), p)
    return sorted(found.values())
