"""Reporters: print a validation result as text, JSON or GitHub annotations. Checking never prints."""

from __future__ import annotations

import json
from typing import TextIO

from .problems import Problem
from .validate import Result


def _count(result: Result) -> str:
    e, w = len(result.errors), len(result.warnings)
    files = len(result.project.records)
    if not e and not w:
        return f"Alles in orde: {files} bestanden nagekeken, geen fouten."
    return f"{files} bestanden nagekeken: {e} fout(en), {w} waarschuwing(en)."


def text(result: Result, out: TextIO) -> None:
    for p in result.problems:
        out.write(f"{p.file}:{p.line}:{p.column}: {p.code} {p.severity.value}: {p.message}\n")
        for line in p.hint.split("\n"):
            out.write(f"    {line}\n")
    out.write(_count(result) + "\n")


def as_dict(p: Problem) -> dict:
    return {"bestand": p.file, "regel": p.line, "kolom": p.column, "code": p.code,
            "ernst": p.severity.value, "melding": p.message, "tip": p.hint}


def json_report(result: Result, out: TextIO) -> None:
    payload = {
        "bestanden": len(result.project.records),
        "fouten": len(result.errors),
        "waarschuwingen": len(result.warnings),
        "problemen": [as_dict(p) for p in result.problems],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def github(result: Result, out: TextIO) -> None:
    """GitHub Actions workflow commands: each problem becomes an annotation on its line."""
    for p in result.problems:
        level = "error" if p.is_error else "warning"
        props = f"file={_escape(p.file, prop=True)},line={p.line},col={p.column},title={_escape(p.code, prop=True)}"
        out.write(f"::{level} {props}::{_escape(p.message + chr(10) + p.hint)}\n")
    out.write(_count(result) + "\n")


REPORTERS = {"text": text, "json": json_report, "github": github}
