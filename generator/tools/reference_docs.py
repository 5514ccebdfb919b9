"""Editor documentation generated from the schemas and the problem catalogue, so it cannot drift.

    python -m generator.tools.reference_docs docs/
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..validate import schema
from ..problems import CATALOG, Severity
from .. import PACKAGE_DIR

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


CASES = PACKAGE_DIR.resolve().parent / "tests" / "cases"
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


# What gives a code that no file in a case folder shows (commands, folders, outputs): one situation each.
SITUATIONS = {
    "NK100": "een partnerbestand van meer dan 512 kB, bijvoorbeeld met een geplakte foto erin",
    "NK116": "een partnerbestand dat je niet mag lezen (rechten), of dat verdween terwijl netwerkkaart las",
    "NK117": "een map in `partners/` die je niet mag openen",
    "NK118": "`partners/dender/clb.yml` is een snelkoppeling naar `/home/jan/clb.yml`",
    "NK119": "een named pipe (FIFO) of apparaatbestand in `partners/dender/`",
    "NK120": "`partners/dender/terug` is een link naar `partners/`",
    "NK121": "`partners/dender/oud.yml` is een link naar een bestand dat verwijderd is",
    "NK316": "`netwerkkaart validate .` in een map zonder `regions/`",
    "NK370": "`generator/data/talen/fr.yml` zonder de regel `sheet.call:` die `nl.yml` wel heeft",
    "NK371": "`ww.total: \"{n} réponses à {m} questions à {lieu}\"` in `fr.yml`, terwijl `nl.yml` `{plaats}` gebruikt",
    "NK372": "`sheet.bel: \"Appeler\"` in `fr.yml`: een sleutel die `nl.yml` niet kent",
    "NK373": "`generator/data/talen/ro.yml` is verwijderd of mag niet gelezen worden",
    "NK376": "`sheet.call: \"\"` in `generator/data/talen/tr.yml`",
    "NK505": "`netwerkkaart nagekeken huis-van-het-kind-zele --datum 2099-01-01`",
    "NK717": "`netwerkkaart build --site site` met `site_url: http://127.0.0.1:8000/` in `mkdocs.yml`",
    "NK506": "`netwerkkaart nagekeken` bij een partner waarvan het blok `nagekeken:` geen regel `door:` heeft",
    "NK507": "`netwerkkaart nagekeken huis-van-het-kind-zele --door \" Regioteam\"` (spatie vooraan)",
    "NK508": "`netwerkkaart new partner` of `nagekeken` op een volle schijf of in een map zonder schrijfrechten",
    "NK509": "`netwerkkaart nagekeken` bij een partner met een fout in zijn bestand",
    "NK601": "`netwerkkaart import partners.csv --regio ../dender`",
    "NK602": "`partners/dender` is een link naar een map buiten de gegevensmap",
    "NK603": "`netwerkkaart import` van een bestand dat je niet mag lezen",
    "NK604": "`netwerkkaart import` van een rekenblad van meer dan 20 MB",
    "NK607": "`netwerkkaart import` van een XLSX-bestand dat uitgepakt honderden MB groot wordt",
    "NK608": "`netwerkkaart import` van een rekenblad met meer dan 5.000 rijen",
    "NK610": "een cel van meer dan 10.000 tekens in het rekenblad",
    "NK612": "`netwerkkaart import partners.csv --regio dender --encoding klingon`",
    "NK626": "`netwerkkaart import` in een map zonder schrijfrechten",
    "NK627": "een kolommenbestand (`--kolommen`) met een lijst in plaats van regels `naam: kolom`",
    "NK632": "`netwerkkaart import partners.xlsx --regio dender --kolommen-voorstel partners/kolommen.yml`",
    "NK634": "een map `partners/dender/jeugdhuis-de-kelder.yml/` waar de import een bestand wil schrijven",
    "NK636": "`netwerkkaart import partners.csv --force` (CSV) over een partner met gegevens waarvoor de CSV geen kolom heeft",
    "NK637": "`netwerkkaart import partners.csv --force` over een bestand met regels die met # beginnen",
    "NK638": "`netwerkkaart new gemeente --regio dender Zele` terwijl Zele er al staat",
    "NK639": "`netwerkkaart new gemeente --regio dender Parijs`",
    "NK640": "`netwerkkaart new partner --regio waasland x` zonder `regions/waasland/regio.yml`",
    "NK641": "`netwerkkaart new gemeente --regio dender Brecht` terwijl Brecht bij een andere regio hoort",
    "NK642": "`netwerkkaart new partner --regio dender x --naam` met een escape-teken (stuurteken) in de naam",
    "NK647": "een cel `=A2&B2` in het rekenblad",
    "NK650": "`netwerkkaart new partner --regio dender clb-voorkempen` terwijl dat id in regio kempen bestaat",
    "NK651": "`netwerkkaart nagekeken` bij een partner met `door: >` en de naam op de regel eronder",
    "NK652": "`netwerkkaart nagekeken huis-van-het-kind-zele --door` met een onzichtbare spatie in de naam",
    "NK655": "een XLSX-rekenblad met de kolom telefoon als getal (52445566 in plaats van 052 44 55 66)",
    "NK701": "`netwerkkaart build --site partners`",
    "NK702": "`netwerkkaart build --site documenten` terwijl die map je eigen bestanden bevat",
    "NK703": "een map `site.vorige` die niet van netwerkkaart is, naast `site/`",
    "NK704": "twee keer tegelijk `netwerkkaart build --site site`",
    "NK705": "`netwerkkaart export . --format csv -o partners/lijst.csv`",
    "NK706": "`netwerkkaart export . --format csv -o notities.csv` over een eigen bestand",
    "NK707": "`netwerkkaart export . --format csv -o partners` (een map)",
    "NK708": "`netwerkkaart export . --format csv -o bestaat-niet/partners.csv`",
    "NK709": "`netwerkkaart export . -o /schijf-vol/partners.csv`",
    "NK710": "`netwerkkaart build --config docs` (een map)",
    "NK711": "`netwerkkaart build` met een `mkdocs.yml` die geen YAML is",
    "NK712": "`netwerkkaart import bestaat-niet.csv --regio dender`",
    "NK713": "`netwerkkaart import partners --regio dender` (een map in plaats van een bestand)",
    "NK714": "`netwerkkaart validate . --format pdf`",
    "NK715": "`netwerkkaart import partners.csv` zonder `--regio`",
    "NK716": "`netwerkkaart validate . --strikt`",
    "NK718": "`netwerkkaart validate bestaat-niet`, of `netwerkkaart generate uit --data gegevns` (een tikfout)",
    "NK719": "`netwerkkaart validate partners/dender/clb.yml` (een bestand in plaats van de map met de gegevens)",
    "NK720": "`netwerkkaart validate /home/an/gegevens` terwijl je die map niet mag openen (rechten)",
    "NK721": "`netwerkkaart generate uit` met `search: ja` bij de netwerkkaart-plugin in `mkdocs.yml` (hoort: `true` of `false`)",
    "NK722": "`netwerkkaart generate uit` met een eigen `docs/a-z.md`: die pagina komt op `a-z/`, waar ook de lijst van A tot Z komt",
    "NK723": "`netwerkkaart validate /root/gegevens` terwijl je die map niet mag lezen (rechten)",
    "NK900": "een fout in netwerkkaart zelf (meld ze)",
}


def error_reference() -> str:
    out = ["# Foutcodes", "",
           "Elke melding van `netwerkkaart validate` heeft de vorm `bestand:regel:kolom: CODE ernst: melding`, "
           "gevolgd door een tip. Een **fout** houdt de site tegen; een **waarschuwing** niet (behalve met `--strict`).",
           "Woorden tussen `{}` worden in de echte melding ingevuld.", ""]
    for code, kind in CATALOG.items():
        severity = "fout" if kind.severity is Severity.ERROR else "waarschuwing"
        out += [f"## {code}: {kind.title}", "", f"*{severity}*", "", f"Melding: {kind.message}", "",
                *(_code_example(code) or ([f"Voorbeeld: {SITUATIONS[code]}.", ""] if code in SITUATIONS else [])),
                "Oplossing:", "", "```text", kind.hint, "```", ""]
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
