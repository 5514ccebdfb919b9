"""Reporters: print a validation result as text, JSON or GitHub annotations. Checking never prints."""

from __future__ import annotations

import json
from typing import TextIO

from .. import problemformat
from ..validate.pipeline import Result


def _count(result: Result) -> str:
    e, w = len(result.errors), len(result.warnings)
    files = len(result.project.records)
    if not e and not w:
        return f"Alles in orde: {files} bestanden nagekeken, geen fouten."
    return f"{files} bestanden nagekeken: {e} fout(en), {w} waarschuwing(en)."


def text(result: Result, out: TextIO) -> None:
    for p in result.problems:
        out.write(problemformat.text(p) + "\n")
    out.write(_count(result) + "\n")


def json_report(result: Result, out: TextIO) -> None:
    payload = {
        "bestanden": len(result.project.records),
        "fouten": len(result.errors),
        "waarschuwingen": len(result.warnings),
        "problemen": [problemformat.as_dict(p) for p in result.problems],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def github(result: Result, out: TextIO) -> None:
    """GitHub Actions workflow commands: each problem becomes an annotation on its line."""
    for p in result.problems:
        out.write(problemformat.github(p) + "\n")
    out.write(_count(result) + "\n")


REPORTERS = {"text": text, "json": json_report, "github": github}
