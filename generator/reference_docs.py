"""Editor documentation generated from the schemas and the problem catalogue, so it cannot drift.

    python -m generator.reference_docs docs/
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import schema
from .problems import CATALOG, Severity

KIND_TITLES = {
    "partner": ("Partner", "partners/<regio>/<id>.yml"),
    "regio": ("Regio", "regions/<regio>/regio.yml"),
    "gemeente": ("Gemeente", "regions/<regio>/gemeenten/<id>.yml"),
    "levensdomeinen": ("Levensdomeinen van een regio", "regions/<regio>/levensdomeinen.yml"),
    "vragen": ("Vragen van gezinnen", "generator/data/vragen.yml en regions/<regio>/vragen.yml"),
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _type(sub: dict) -> str:
    t = sub.get("type", "")
    names = {"string": "tekst", "integer": "geheel getal", "number": "getal", "boolean": "true/false",
             "object": "blok", "array": "lijst"}
    if isinstance(t, list):
        return " of ".join(names.get(x, x) for x in t)
    if t == "array" and isinstance(sub.get("items"), dict) and sub["items"].get("type") == "object":
        return "lijst van blokken"
    return names.get(t, t)


def _example(sub: dict) -> str:
    examples = sub.get("examples")
    if not examples or isinstance(examples[0], (dict, list)) and len(json.dumps(examples[0])) > 60:
        return ""
    return "`" + json.dumps(examples[0], ensure_ascii=False) + "`"


def _rows(node: dict, prefix: str, required: set[str]) -> list[str]:
    rows = []
    for name, sub in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        need = "ja" if name in required else ""
        rows.append(f"| `{path}` | {_cell(sub.get('title', ''))} | {_type(sub)} | {need} | "
                    f"{_cell(sub.get('description', ''))} | {_example(sub)} |")
        if sub.get("type") == "object":
            rows += _rows(sub, path + ".", set(sub.get("required", [])))
        items = sub.get("items")
        if isinstance(items, dict) and items.get("type") == "object":
            rows += _rows(items, path + "[].", set(items.get("required", [])))
    return rows


def field_reference() -> str:
    out = ["# Velden", "",
           "Deze pagina is gemaakt uit de JSON Schemas in `generator/schemas/`: wat daar staat, staat hier.",
           "Verplichte velden hebben 'ja' in de kolom *verplicht*. Een veld in een lijst van blokken staat als `lijst[].veld`.", ""]
    for kind, (title, where) in KIND_TITLES.items():
        sub = schema.inlined(kind)
        out += [f"## {title}", "", f"Bestand: `{where}`. {sub.get('description', '')}", "",
                "| veld | naam | soort waarde | verplicht | uitleg | voorbeeld |", "|---|---|---|---|---|---|"]
        out += _rows(sub, "", set(sub.get("required", [])))
        out.append("")
    return "\n".join(out)


CASES = Path(__file__).resolve().parent.parent / "tests" / "cases"
IMPORT_CASES = CASES.parent / "import-cases"  # the same layout, for `netwerkkaart import` (NK6xx)


def _visible(text: str) -> str:
    """Show what the eye cannot see: control characters, tabs and invisible spaces as U+XXXX."""
    return "".join(f"<U+{ord(c):04X}>" if (ord(c) < 32 or c in "\x7f\u00a0\u200b\u2028\u2029\ufeff") else c
                   for c in text)


def _code_example(code: str) -> list[str]:
    """The lines around the first problem of the test case for ``code`` (the cases double as examples)."""
    cases = [case for folder in (CASES, IMPORT_CASES) if folder.is_dir() for case in sorted(folder.glob(f"{code}-*"))]
    for case in cases:
        rows = [r for r in (case / "verwacht.txt").read_text(encoding="utf-8").splitlines()
                if r and not r.startswith("#") and r.endswith(code)]
        if not rows:
            continue
        file, line, _ = rows[0].rsplit(":", 2)
        source = case / "invoer" / file
        if not source.is_file():  # the case's --kolommen file, or a file of the base data
            source = case / file if (case / file).is_file() else CASES / "_basis" / file
        try:
            lines = source.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return [f"Voorbeeld: `{file}` (tests/{case.parent.name}/{case.name}); "
                    "het bestand zelf is geen geldige tekst."]
        number = int(line)
        start = max(1, number - 3)
        shown = [f"{n:>3} {'>' if n == number else ' '} {_visible(text)}" for n, text in
                 enumerate(lines[start - 1:number + 1], start=start)]
        return [f"Voorbeeld (`{file}`, uit `tests/{case.parent.name}/{case.name}`):", "", "```text", *shown, "```", ""]
    return []


def error_reference() -> str:
    out = ["# Foutcodes", "",
           "Elke melding van `netwerkkaart validate` heeft de vorm `bestand:regel:kolom: CODE ernst: melding`, "
           "gevolgd door een tip. Een **fout** houdt de site tegen; een **waarschuwing** niet (behalve met `--strict`).",
           "Woorden tussen `{}` worden in de echte melding ingevuld.", ""]
    for code, kind in CATALOG.items():
        severity = "fout" if kind.severity is Severity.ERROR else "waarschuwing"
        out += [f"## {code}: {kind.title}", "", f"*{severity}*", "", f"Melding: {kind.message}", "",
                *_code_example(code), "Oplossing:", "", "```text", kind.hint, "```", ""]
    return "\n".join(out)


PAGES = {"gegevens.md": field_reference, "foutcodes.md": error_reference}


def main(argv: list[str]) -> int:
    target = Path(argv[1] if len(argv) > 1 else "docs")
    for name, make in PAGES.items():
        (target / name).write_text(make(), encoding="utf-8")
        print(f"geschreven: {target / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
