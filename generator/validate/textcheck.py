"""Checks on every text value of a record: national register numbers (NK401) and invisible
characters or stray spaces (NK310). Per record, so they run while loading, in parallel."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..problems import Problem, problem
from ..load.chars import CONTROL as _CONTROL, INVISIBLE as _INVISIBLE, INVISIBLE_CLASS
from .schema import show_path
from ..load.yamlload import Path

if TYPE_CHECKING:
    from ..load.project import Record

_NAME_FIELDS = {"id", "naam", "gemeente", "door", "partner", "straat"}
# One cheap search per text value; only a hit gets the detailed checks below.
_SUSPECT = re.compile(f"[\u00a0{INVISIBLE_CLASS}]|^\\s|\\s$|[0-9][0-9. -]{{9,}}[0-9]")
_RRN = re.compile(r"(?<![0-9])([0-9]{2})[. -]?([0-9]{2})[. -]?([0-9]{2})[. -]?([0-9]{3})[. -]?([0-9]{2})(?![0-9])")


def _at(record: Record, path: Path, code: str, **fields: object) -> Problem:
    m = record.doc.mark(path)
    return problem(code, record.path, m.line if m else 1, m.column if m else 1, **fields)


def _leaves(data: object) -> list[tuple[Path, object]]:
    """Every scalar in ``data`` with its path (iterative: this runs over every value of every record)."""
    out: list[tuple[Path, object]] = []
    todo: list[tuple[Path, object]] = [((), data)]
    while todo:
        path, value = todo.pop()
        if value.__class__ is dict:
            todo.extend((path + (k,), v) for k, v in value.items())
        elif value.__class__ is list:
            todo.extend((path + (i,), v) for i, v in enumerate(value))
        else:
            out.append((path, value))
    return out


def looks_like_national_number(text: str) -> bool:
    """True when ``text`` holds 11 digits that form a valid rijksregisternummer (birth date and check digits)."""
    for match in _RRN.finditer(text):
        yy, mm, dd, serial, check = match.groups()
        month, day = int(mm), int(dd)
        if month > 40:
            month -= 40
        elif month > 20:
            month -= 20
        if month > 12 or day > 31:
            continue
        first9 = int(yy + mm + dd + serial)
        if 97 - first9 % 97 == int(check) or 97 - (2_000_000_000 + first9) % 97 == int(check):
            return True
    return False


def _suspects(data: object) -> list[tuple[Path, str]]:
    """The text values (and integers, as text) of ``data`` that :data:`_SUSPECT` finds something in,
    with their paths, in the order of :func:`_leaves`. A path is made only for a block or list and
    for a value that is kept: most values are looked at once and let go."""
    search = _SUSPECT.search
    out: list[tuple[Path, str]] = []
    todo: list[tuple[Path, object]] = [((), data)]
    while todo:
        path, value = todo.pop()
        cls = value.__class__
        if cls is dict:
            items = value.items()
        elif cls is list:
            items = enumerate(value)
        else:  # the data itself is a single value, or a value kept below
            text = _as_text(value)
            if text is not None and search(text):
                out.append((path, text))
            continue
        for k, v in items:
            c = v.__class__
            if c is str:
                if search(v):
                    todo.append((path + (k,), v))
            elif c is dict or c is list:
                todo.append((path + (k,), v))
            else:
                text = _as_text(v)
                if text is not None and search(text):
                    todo.append((path + (k,), v))
    return out


def _as_text(value: object) -> str | None:
    """A text value itself, an integer (not a boolean) as text, anything else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else None


def problems_in(record: Record) -> list[Problem]:
    """NK401 and NK310 for every text value of one loaded record."""
    out: list[Problem] = []
    if record.doc is not None:
        for path, value in _suspects(record.doc.data):
            last = path[-1] if path else ""
            if last != "telefoon" and looks_like_national_number(value):
                out.append(_at(record, path, "NK401", field=show_path(path)))
            invisible = _INVISIBLE.search(value)
            block = value.endswith("\n")
            if _CONTROL.search(value):
                continue  # a control character from an escape: NK403-NK406 already (see yamlload)
            if invisible:
                what, shown = "een onzichtbaar teken", f"U+{ord(invisible.group()):04X} op positie {invisible.start() + 1}"
            elif not block and value != value.strip():
                what, shown = "spaties vooraan of achteraan", repr(value)
            elif last in _NAME_FIELDS and "\u00a0" in value:
                what, shown = "een harde spatie (U+00A0)", repr(value)
            else:
                continue
            out.append(_at(record, path, "NK310", field=show_path(path), what=what, shown=shown))
    return out
