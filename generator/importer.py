"""Import partners from a spreadsheet (CSV, XLSX) or from our own JSON export into partner files.

Every row becomes one partner file that passes ``netwerkkaart validate``, or the row is refused
with problems per row and column. Nothing is written with ``dry_run``, and an existing file is
never overwritten without ``force``.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem, problem
from .project import read_record
from .refdata import reference, slug

# Column (as in our CSV export) -> how to read it. Other headers can be mapped with a mapping file.
LIST_COLUMNS = {"levensdomeinen", "talen", "aanmelden_via", "adressen", "postcodes", "gemeenten", "lat", "lon",
                "werkgebied"}
REQUIRED = ["naam", "soort", "korte_beschrijving", "levensdomeinen", "aanmelden_via", "beroepsgeheim",
            "nagekeken_datum", "nagekeken_door"]


@dataclass
class ImportResult:
    written: list[Path] = field(default_factory=list)
    planned: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _cell(value: object) -> str:
    """A spreadsheet cell as text. Floats that are whole numbers lose their '.0' (9160.0 -> '9160');
    a date cell becomes YYYY-MM-DD."""
    import datetime

    from .spreadsheet import unescape_cell

    if value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unescape_cell(str(value).strip())  # a cell our CSV export neutralised (spreadsheet.py)


def read_rows(path: Path, mapping: dict[str, str] | None = None) -> list[tuple[int, dict[str, object]]]:
    """(row number as the spreadsheet shows it, {column: value}) for every non-empty row under the header.

    ``mapping`` renames the sheet's own headers to our columns, e.g. {"Naam organisatie": "naam"}."""
    rename = {k.strip().lower(): v for k, v in (mapping or {}).items()}
    if path.suffix.lower() == ".xlsx":
        import openpyxl

        sheet = openpyxl.load_workbook(path, read_only=True, data_only=True).active
        raw = [list(row) for row in sheet.iter_rows(values_only=True)]
    else:
        text = path.read_text(encoding="utf-8-sig")
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
        raw = [list(row) for row in csv.reader(io.StringIO(text), dialect)]
    # The header is the first row that names at least two known columns (merged title rows above it are skipped).
    known = set(REQUIRED) | LIST_COLUMNS | {"id", "regio", "telefoon", "email", "website", "kostprijs"}
    def column(cell: object) -> str:
        name = _cell(cell).lower()
        return rename.get(name, name)

    start = next((i for i, row in enumerate(raw) if sum(column(c) in known for c in row) >= 2), None)
    if start is None:
        return []
    header = [column(c) for c in raw[start]]
    rows = []
    for number, row in enumerate(raw[start + 1:], start=start + 2):
        if not any(_cell(c) for c in row):
            continue  # empty rows are skipped
        rows.append((number, {h: row[i] if i < len(row) else None for i, h in enumerate(header) if h}))
    return rows


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", ";").split(";") if part.strip()]


def row_to_record(source: str, number: int, row: dict[str, object], region: str) -> tuple[dict | None, list[Problem]]:
    problems = []

    def bad(column: str, message: str) -> None:
        problems.append(problem("NK212", source, number, 1, field=f"kolom '{column}'", problem=message))

    for column in REQUIRED:
        if not _cell(row.get(column)):
            bad(column, "is leeg of ontbreekt; deze kolom is verplicht")
    phone = row.get("telefoon")
    if isinstance(phone, (int, float)) and not isinstance(phone, bool):
        bad("telefoon", f"is een getal ({_cell(phone)}): de voorloopnul is weg. Zet de kolom in het rekenblad als tekst")
    if problems:
        return None, problems
    text = {k: _cell(v) for k, v in row.items()}
    pid = slug(text.get("id") or text["naam"])
    record: dict = {"id": pid, "naam": text["naam"], "soort": text["soort"],
                    "korte_beschrijving": text["korte_beschrijving"], "levensdomeinen": _split(text["levensdomeinen"]),
                    "aanmelden": {"via": _split(text["aanmelden_via"])}}
    if text.get("kostprijs"):
        record["aanmelden"]["kostprijs"] = text["kostprijs"]
    if text.get("talen"):
        record["talen"] = _split(text["talen"])
    area = text.get("werkgebied", "") or "hele regio"
    record["werkgebied"] = ({"hele_regio": True} if area.lower() == "hele regio"
                            else {"gemeenten": _split(area)})
    streets, postcodes, places, lats, lons = (
        [p.strip() for p in text.get(c, "").split(";")] if text.get(c) else []
        for c in ("adressen", "postcodes", "gemeenten", "lat", "lon"))
    if postcodes:
        if not (len(streets) == len(postcodes) == len(places) == len(lats) == len(lons)):
            bad("adressen", "adressen, postcodes, gemeenten, lat en lon hebben niet evenveel items (scheid ze met ;)")
            return None, problems
        locations = []
        for street, postcode, place, lat, lon in zip(streets, postcodes, places, lats, lons):
            if reference().find(place) is None:
                bad("gemeenten", f"'{place}' is geen gemeente van 2025")
            try:
                coords = {"lat": float(lat.replace(",", ".")), "lon": float(lon.replace(",", "."))}
            except ValueError:
                bad("lat", f"'{lat}' / '{lon}' zijn geen coördinaten (getallen met een punt, zoals 51.0659)")
                continue
            locations.append({"adres": {"straat": street, "postcode": postcode, "gemeente": place},
                              "coordinaten": coords})
        record["locaties"] = locations
    contact = {k: text[k] for k in ("telefoon", "email", "website") if text.get(k)}
    if contact:
        record["contact"] = contact
    value = text["beroepsgeheim"].lower()
    if value not in ("true", "false", "ja", "nee", "1", "0"):
        bad("beroepsgeheim", f"'{text['beroepsgeheim']}' is geen ja of nee")
    record["beroepsgeheim"] = value in ("true", "ja", "1")
    if text.get("brede_instap"):
        record["brede_instap"] = text["brede_instap"].lower() in ("true", "ja", "1")
    record["nagekeken"] = {"datum": text["nagekeken_datum"], "door": text["nagekeken_door"]}
    return (None if problems else record), problems


def _records_from(path: Path, region: str, mapping: dict | None = None) -> tuple[list[tuple[int, dict]], list[Problem]]:
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        return [(i + 1, {k: v for k, v in item.items() if k != "regio"}) for i, item in enumerate(data["partners"])
                if item.get("regio", region) == region], []
    records, problems = [], []
    for number, row in read_rows(path, mapping):
        if _cell(row.get("regio")) not in ("", region):
            continue  # a sheet with several regions: only this region's rows
        record, row_problems = row_to_record(path.name, number, row, region)
        problems += row_problems
        if record is not None:
            records.append((number, record))
    return records, problems


def import_partners(source: Path, root: Path, region: str, *, dry_run: bool = False, force: bool = False,
                    mapping: dict[str, str] | None = None) -> ImportResult:
    result = ImportResult()
    if not (root / "regions" / region / "regio.yml").is_file():
        result.problems.append(problem("NK307", source.name, 1, 1, value=region, allowed="(zie regions/)"))
        return result
    records, result.problems = _records_from(source, region, mapping)
    for number, record in records:
        target = root / "partners" / region / f"{record['id']}.yml"
        text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100)
        # The file must pass the same checks as a file written by hand.
        checked, problems = read_record("partner", region, f"partners/{region}/{target.name}", text.encode("utf-8"))
        errors = [p for p in problems if p.is_error]
        if errors:
            for p in errors:
                result.problems.append(problem("NK212", source.name, number, 1, field=f"rij {number}",
                                               problem=f"{p.code} {p.message}"))
            continue
        if target.exists() and not force:
            result.problems.append(problem("NK301", source.name, number, 1, value=record["id"],
                                           other=f"{target} (bestaat al; gebruik --force om te overschrijven)"))
            continue
        result.planned.append(target)
        if not dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("# Geïmporteerd uit " + source.name + f", rij {number}.\n" + text, encoding="utf-8")
            result.written.append(target)
    return result
