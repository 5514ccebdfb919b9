"""Import partners from a spreadsheet (CSV, XLSX) or from our own JSON export into partner files.

Every row becomes one partner file that passes ``netwerkkaart validate``, or the row is refused
with problems per row and column. The rows are checked together with the files already there,
exactly as ``validate`` would check the folder after the import (schema and every check across
files); only when nothing is wrong is anything written, and then all files at once. Nothing is
written with ``dry_run``, and an existing file is never overwritten without ``force`` (and then
only a file of the same region).

The source is read with limits (file size, rows, columns, cell length), rows are streamed, and
every failure to read it becomes a coded problem, never a traceback.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import json
import math
import os
import re
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..topics import hours
from ..validate.checks import check_project
from ..problemformat import refusal
from ..problems import Problem, problem
from ..load.project import Project, load_project, read_record
from ..load.refdata import reference, slug
from .scaffold import MAX_ID, ID_RULE, ScaffoldError, WrongUsage, check_region, confined, write_all

# Column (as in our CSV export) -> how to read it. Other headers can be mapped with a mapping file.
LIST_COLUMNS = {"levensdomeinen", "talen", "aanmelden_via", "adressen", "postcodes", "gemeenten", "lat", "lon",
                "werkgebied", "gedeeld_beroepsgeheim"}
REQUIRED = ["naam", "soort", "korte_beschrijving", "levensdomeinen", "aanmelden_via", "beroepsgeheim",
            "nagekeken_datum", "nagekeken_door"]
KNOWN = set(REQUIRED) | LIST_COLUMNS | {"id", "regio", "telefoon", "email", "website", "kostprijs", "brede_instap",
                                        "openingsuren"}
# Our columns in the order of the column table, and the words editors use for them in their own
# spreadsheets. Headers are compared after normal(): case, accents and punctuation do not count.
FIELDS = ["id", "naam", "soort", "korte_beschrijving", "levensdomeinen", "aanmelden_via", "kostprijs", "beroepsgeheim",
          "brede_instap", "telefoon", "email", "website", "talen", "adressen", "postcodes", "gemeenten", "lat", "lon",
          "werkgebied", "openingsuren", "regio", "nagekeken_datum", "nagekeken_door", "gedeeld_beroepsgeheim"]
_SYNONYMS = {
    "naam": ["naam organisatie", "organisatie", "organisatienaam", "naam van de organisatie", "partner", "naam partner"],
    "soort": ["soort organisatie", "type", "type organisatie", "categorie"],
    "korte_beschrijving": ["beschrijving", "omschrijving", "korte omschrijving", "wat", "aanbod"],
    "levensdomeinen": ["levensdomein", "domeinen", "domein", "thema", "themas"],
    "aanmelden_via": ["aanmelden", "aanmelding", "hoe aanmelden", "aanmelding via", "wie meldt aan"],
    "kostprijs": ["prijs", "kosten", "kost"],
    "beroepsgeheim": ["geheimhouding"],
    "gedeeld_beroepsgeheim": ["afsprakenkader", "afsprakenkaders", "afsprakenkader gedeeld beroepsgeheim"],
    "brede_instap": ["brede instap organisatie"],
    "telefoon": ["telefoonnummer", "tel", "tel nr", "telnr", "telefoonnr", "gsm", "telefoon nummer"],
    "email": ["e mail", "mail", "e mailadres", "emailadres", "mailadres", "e mail adres"],
    "website": ["site", "webadres", "url", "internet", "webpagina", "web"],
    "talen": ["taal", "gesproken talen"],
    "adressen": ["adres", "straat", "straat en nummer", "straat en huisnummer", "straat nr"],
    "postcodes": ["postcode", "postnummer"],
    "gemeenten": ["gemeente", "plaats", "woonplaats", "stad"],
    "lat": ["latitude", "breedtegraad", "breedte"],
    "lon": ["lng", "long", "longitude", "lengtegraad", "lengte"],
    "werkgebied": ["gebied", "werkingsgebied", "actief in"],
    "openingsuren": ["openingstijden", "uren"],
    "nagekeken_datum": ["nagekeken op", "datum nagekeken", "laatst nagekeken", "nagekeken"],
    "nagekeken_door": ["door", "nagekeken door wie"],
}


def normal(text: object) -> str:
    """A header as compared: lower case, without accents, punctuation as single spaces."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


SYNONYMS: dict[str, str] = {normal(f): f for f in FIELDS}
SYNONYMS.update({normal(word): f for f, words in _SYNONYMS.items() for word in words})


def closest(text: str, candidates=None) -> str | None:
    """The known field a header or a field name most looks like, or None."""
    import difflib

    words = list(candidates) if candidates is not None else list(SYNONYMS)
    found = difflib.get_close_matches(normal(text), [normal(w) for w in words], n=1, cutoff=0.75)
    if not found:
        return None
    match = next(w for w in words if normal(w) == found[0])
    return SYNONYMS.get(normal(match), match) if candidates is None else match

# Limits: far above a real network's spreadsheet, far below what hurts the machine.
MAX_BYTES = 20 * 1024 * 1024      # the source file
MAX_UNPACKED = 200 * 1024 * 1024  # an XLSX (a zip) unpacked
MAX_ROWS = 5_000                  # rows of the sheet, header and title rows included; partners in a JSON file
MAX_COLUMNS = 200
MAX_CELL = 10_000                 # characters in one cell
HEADER_WITHIN = 20                # the header must be in the first rows
# Control characters have no place in a cell (tab and line breaks excepted): they can hide text or
# command a terminal that shows the file.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
SPREADSHEETS = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx"}


@dataclass
class ImportResult:
    written: list[Path] = field(default_factory=list)
    planned: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str | None = None  # how a CSV file was read, when it was not UTF-8
    other_regions: int = 0  # rows or partners of another region, left out
    table: list[Column] = field(default_factory=list)  # the column table of a spreadsheet (empty for JSON)
    changes: dict[str, str] = field(default_factory=dict)  # path of a replaced file -> what changes in it

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


class Refused(Exception):
    """The source cannot be read at all; ``problem`` says why."""

    def __init__(self, found: Problem):
        super().__init__(refusal(found))
        self.problem = found


@dataclass
class Sheet:
    """The rows under the header: (row number as the spreadsheet shows it, {column: value})."""

    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)  # our column name -> column number (1 = A)
    problems: list[Problem] = field(default_factory=list)
    encoding: str | None = None
    table: list[Column] = field(default_factory=list)  # every column of the header, and what it fills
    header_row: int = 0


@dataclass
class Column:
    """One column of the spreadsheet in the column table: what it fills, and why."""

    number: int  # 1 = A
    header: str  # as written in the spreadsheet
    field: str | None  # our column, or None: not used
    how: str = ""  # "naam", "synoniem", "kolommenbestand"; for an unused column why not
    suggestion: str | None = None  # for an unused column: the known field it most looks like

    def line(self) -> str:
        name = f"{letter(self.number)} '{_shown(self.header, 40)}'"
        if self.field:
            why = {"synoniem": " (herkend)", "kolommenbestand": " (uit --kolommen)"}.get(self.how, "")
            return f"{name} → {self.field}{why}"
        extra = f" ({self.how})" if self.how else ""
        hint = f": bedoel je '{self.suggestion}'?" if self.suggestion else ""
        return f"{name} → niet gebruikt{extra}{hint}"


@dataclass
class ColumnMap:
    """A --kolommen file: the spreadsheet's header (as written) -> our column, with the line of each."""

    fields: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    file: str = "kolommen.yml"


def _shown(text: str, limit: int = 80) -> str:
    """A value for a message: short, with invisible characters shown as \\uXXXX."""
    text = text if len(text) <= limit else text[:limit] + "…"
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def letter(number: int) -> str:
    """Column number -> spreadsheet letters (1 -> A, 28 -> AB)."""
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        out = chr(65 + rest) + out
    return out


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",") if n >= 1024 * 1024 else f"{n} bytes"


def read_source(path: Path) -> bytes:
    """The bytes of the source, only if it is a regular file within the size limit (read at most
    the limit + 1 byte: a device or a growing file cannot exhaust memory, a pipe cannot hang)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(problem("NK603", path.name, 1, 1, name=path.name, reason="het is geen gewoon bestand"))
        if info.st_size > MAX_BYTES:
            raise Refused(problem("NK604", path.name, 1, 1, name=path.name, size=_size(info.st_size),
                                  limit=_size(MAX_BYTES)))
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise Refused(problem("NK603", path.name, 1, 1, name=path.name, reason=exc.strerror or str(exc))) from None
    if len(raw) > MAX_BYTES:
        raise Refused(problem("NK604", path.name, 1, 1, name=path.name, size=f"meer dan {_size(MAX_BYTES)}",
                              limit=_size(MAX_BYTES)))
    return raw


# Codecs Python knows that are no encoding of a text file (host names, escapes, placeholders).
_NOT_FILE_ENCODINGS = {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "palmos",
                       "mbcs", "oem", "utf-7"}


def known_encoding(name: str) -> str | None:
    """The codec's canonical name, or None when ``name`` is no encoding of a text file (unknown to Python,
    or a codec that turns bytes into bytes, such as rot13 and base64, or one for host names, such as idna)."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_FILE_ENCODINGS:
        return None
    return info.name


def decode(raw: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used). Without ``encoding``: a BOM decides (UTF-8, UTF-16), else UTF-8, else
    Windows-1252 (what Dutch-language Excel writes as 'CSV'), else Latin-1 (which never fails)."""
    if encoding:
        used = known_encoding(encoding)
        if used is None:
            raise Refused(problem("NK612", name, 1, 1, value=encoding))
        used = {"utf-8": "utf-8-sig"}.get(used, used)
        candidates = [used]
    elif raw.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif len(raw) >= 4 and raw[1::2].count(0) > len(raw) // 4 and raw[0::2].count(0) == 0:
        candidates = ["utf-16-le"]  # UTF-16 without a BOM: every other byte is zero
    elif len(raw) >= 4 and raw[0::2].count(0) > len(raw) // 4 and raw[1::2].count(0) == 0:
        candidates = ["utf-16-be"]
    else:
        candidates = ["utf-8", "cp1252", "latin-1"]
    for candidate in candidates:
        try:
            return raw.decode(candidate), candidate
        except UnicodeDecodeError as exc:
            error = exc
    line = raw[:error.start].count(b"\n") + 1
    shown = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "utf-16": "UTF-16", "cp1252": "Windows-1252"}
    raise Refused(problem("NK611", name, line, 1, encoding=shown.get(candidates[0], candidates[0]),
                          byte=f"{raw[error.start]:02X}"))


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their endings, one at a time (no copy of the whole text)."""
    end = "\n" if "\n" in text or "\r" not in text else "\r"  # very old Mac files end lines with CR only
    start = 0
    while start < len(text):
        stop = text.find(end, start)
        stop = len(text) if stop < 0 else stop + 1
        yield text[start:stop]
        start = stop


def _csv_rows(raw: bytes, name: str, encoding: str | None, sheet: Sheet) -> Iterator[tuple[int, list]]:
    text, used = decode(raw, name, encoding)
    if used not in ("utf-8", "utf-8-sig") and not encoding:
        sheet.encoding = {"cp1252": "Windows-1252", "latin-1": "Latin-1"}.get(used, used.upper())
    first = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(first, delimiters=",;\t")
        # The separator as if quoted cells were empty: the openingsuren cell of our CSV export is JSON,
        # full of commas, and made the sniffer take ',' for a sheet of one row.
        unquoted = re.sub(r'"(?:[^"]|"")*"', "", first)
        try:
            separator = csv.Sniffer().sniff(unquoted, delimiters=",;\t").delimiter
        except csv.Error:
            separator = dialect.delimiter
        if separator != dialect.delimiter:
            dialect = type("Dialect", (dialect,), {"delimiter": separator})
    except csv.Error:
        # One column, or too little to sniff: the separator that occurs most in the first line.
        line = first.split("\n", 1)[0]
        counts = {d: line.count(d) for d in ";,\t"}
        best = max(counts, key=counts.get)
        dialect = type("Dialect", (csv.excel,), {"delimiter": best if counts[best] else ","})
    reader = csv.reader(_lines(text), dialect)
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise Refused(problem("NK610", name, number, 1, where="een kolom",
                                      limit=f"{MAX_CELL:,}".replace(",", "."))) from None
            reason = ("er staat een regeleinde (CR) midden in een cel zonder aanhalingstekens" if "new-line" in str(exc)
                      else "er staat een onzichtbaar NUL-teken in" if "NUL" in str(exc)
                      else f"de opbouw klopt niet ({exc})")
            raise Refused(problem("NK614", name, number, 1, reason=reason)) from None
        yield number, row


class Formula(str):
    """A cell of an XLSX file that holds a formula without a saved value."""


def _xlsx_rows(raw: bytes, name: str) -> Iterator[tuple[int, list]]:
    def broken(reason: str) -> Refused:
        return Refused(problem("NK606", name, 1, 1, name=name, reason=reason))

    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise broken("het is geen Excel-werkmap (een .xlsx-bestand is een zip-bestand; dit niet)")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise broken(f"het zip-bestand is beschadigd ({exc})") from None
    if unpacked > MAX_UNPACKED:
        raise Refused(problem("NK607", name, 1, 1, name=name, size=_size(unpacked), limit=_size(MAX_UNPACKED)))
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise broken(f"de werkmap is beschadigd of onvolledig ({type(exc).__name__})") from None
    try:
        sheet = book.active
        if sheet is None or not hasattr(sheet, "iter_rows"):
            raise broken("er is geen werkblad met gegevens")
        # The size the sheet says it has, before reading any row (one cell at XFD1048576 is enough to ask for
        # a billion cells); then without it, so a sheet that says less than it holds is not cut short.
        if (sheet.max_row or 0) > MAX_ROWS:
            raise Refused(problem("NK608", name, sheet.max_row, 1, limit=f"{MAX_ROWS:,}".replace(",", "."),
                                  row=sheet.max_row))
        if (sheet.max_column or 0) > MAX_COLUMNS:
            raise Refused(problem("NK609", name, 1, sheet.max_column, count=sheet.max_column, limit=MAX_COLUMNS))
        sheet.reset_dimensions()
        rows = sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS + 1, values_only=True)
        # The same sheet with its formulas: a formula cell that Excel did not save a value for reads as empty
        # above; here it reads as the formula, so it can be told as a formula (NK647), not as an empty cell.
        try:
            formula_book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
            formula_sheet = formula_book[sheet.title]
            formula_sheet.reset_dimensions()
            formulas = formula_sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS + 1, values_only=True)
        except Exception:  # noqa: BLE001 - the first read worked; without formulas we lose only the better message
            formula_book, formulas = None, iter(())
        number = 0
        while True:
            number += 1
            try:
                row = next(rows)
            except StopIteration:
                return
            except Exception as exc:  # noqa: BLE001 - damaged XML inside the zip
                raise broken(f"rij {number} is beschadigd ({type(exc).__name__})") from None
            try:
                with_formulas = next(formulas, ())
            except Exception:  # noqa: BLE001
                with_formulas = ()
            cells = list(row)
            for i, (value, formula) in enumerate(zip(cells, with_formulas)):
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    cells[i] = Formula(formula)
            yield number, cells
    finally:
        book.close()
        if "formula_book" in locals() and formula_book is not None:
            formula_book.close()


def _cell(value: object) -> str:
    """A spreadsheet cell as text. Floats that are whole numbers lose their '.0' (9160.0 -> '9160');
    a date cell becomes YYYY-MM-DD."""
    import datetime

    from ..render.spreadsheet import unescape_cell

    if value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    # Line breaks as the file writes them (CR LF, or CR alone on an old Mac) become plain line breaks.
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return unescape_cell(text.strip())  # a cell our CSV export neutralised (spreadsheet.py)


def read_rows(path: Path, mapping: dict[str, str] | ColumnMap | None = None, encoding: str | None = None) -> Sheet:
    """The rows under the header, streamed and within the limits; raises Refused when the file
    cannot be read at all. Empty rows are skipped; a row with a cell that is too long is reported.
    ``Sheet.table`` says what every column of the header fills.

    Headers are matched without regard to case, accents and punctuation, also by common Dutch words
    (SYNONYMS). ``mapping`` renames the sheet's own headers to our columns, e.g. {"Naam organisatie":
    "naam"}; an entry naming a field we do not know or a column the sheet does not have is a problem."""
    columns_map = mapping if isinstance(mapping, ColumnMap) else ColumnMap(dict(mapping or {}))
    pending: list[Problem] = []
    for key, value in columns_map.fields.items():
        if value not in KNOWN:
            guess = SYNONYMS.get(normal(value)) or closest(value, FIELDS)
            pending.append(problem("NK630", columns_map.file, columns_map.lines.get(key, 1), 1, value=_shown(value),
                                   key=_shown(key), guess=f"; bedoel je '{guess}'?" if guess else "",
                                   fields=", ".join(FIELDS)))
    refused = {normal(k): v for k, v in columns_map.fields.items() if v not in KNOWN}
    columns_map = ColumnMap({k: v for k, v in columns_map.fields.items() if v in KNOWN}, columns_map.lines,
                            columns_map.file)
    rename = {normal(k): v for k, v in columns_map.fields.items()}

    def resolve(cell: object) -> tuple[str | None, str]:
        name = normal(_cell(cell))
        if not name:
            return None, ""
        if name in rename:
            return rename[name], "kolommenbestand"
        if name in refused:
            return None, f"--kolommen noemt '{_shown(refused[name], 40)}', geen kolom van Netwerkkaart"
        if name in SYNONYMS:
            return SYNONYMS[name], "naam" if name == normal(SYNONYMS[name]) else "synoniem"
        return None, ""
    kind = SPREADSHEETS.get(path.suffix.lower())
    if kind is None:
        raise Refused(problem("NK605", path.name, 1, 1, name=path.name))
    raw = read_source(path)
    sheet = Sheet(problems=pending)
    rows = _xlsx_rows(raw, path.name) if kind == "xlsx" else _csv_rows(raw, path.name, encoding, sheet)
    limit = f"{MAX_ROWS:,}".replace(",", ".")

    header: list[str] | None = None
    widest = 0
    for number, row in rows:
        if number > MAX_ROWS:
            raise Refused(problem("NK608", path.name, number, 1, limit=limit, row=number))
        while row and (row[-1] is None or row[-1] == ""):
            row.pop()
        if len(row) > MAX_COLUMNS:
            raise Refused(problem("NK609", path.name, number, len(row), count=f"meer dan {MAX_COLUMNS}",
                                  limit=MAX_COLUMNS))
        widest = max(widest, len(row))
        long = [i for i, c in enumerate(row) if isinstance(c, str) and len(c) > MAX_CELL]
        for i in long:
            sheet.problems.append(problem("NK610", path.name, number, i + 1, where=f"kolom {letter(i + 1)}",
                                          limit=f"{MAX_CELL:,}".replace(",", ".")))
        if header is None:
            # The header is the first row that names at least two known columns (merged title rows above
            # it are skipped).
            if not long and sum(resolve(c)[0] is not None for c in row) >= 2:
                header = _header(path.name, number, row, resolve, columns_map, sheet)
            elif number >= HEADER_WITHIN:
                break
            continue
        formulas = [i for i, c in enumerate(row) if isinstance(c, Formula)]
        for i in formulas:
            sheet.problems.append(problem(
                "NK647", path.name, number, i + 1, value=str(row[i]), where=f"kolom {letter(i + 1)}" + (
                    f" ({header[i]})" if i < len(header) and header[i] else "")))
        if formulas:
            continue
        controls = [(i, m.group()) for i, c in enumerate(row) if isinstance(c, str) and i not in long
                    for m in [_CONTROL.search(c)] if m]
        for i, char in controls:
            sheet.problems.append(problem(
                "NK653", path.name, number, i + 1, where=f"kolom {letter(i + 1)}" + (
                    f" ({header[i]})" if i < len(header) and header[i] else ""), char=f"\\u{ord(char):04x}"))
        if long or controls or not any(_cell(c) for c in row):
            continue  # empty rows are skipped; a row with a cell that is too long is reported above
        sheet.rows.append((number, {h: row[i] if i < len(row) else None for i, h in enumerate(header) if h}))
    if header is None:
        found = " (alles staat in één kolom: zijn de kolommen gescheiden door ; of ,?)" if widest == 1 else ""
        raise Refused(problem("NK613", path.name, 1, 1, limit=HEADER_WITHIN, found=found))
    return sheet


def _header(name: str, number: int, row: list, resolve, columns_map: ColumnMap, sheet: Sheet) -> list[str | None]:
    """Our column for each cell of the header row (None: not used); fills the column table and reports
    duplicate columns, mapping entries without a column and required columns that are missing."""
    header: list[str | None] = []
    for i, cell in enumerate(row):
        field_name, how = resolve(cell)
        text = _cell(cell)
        column = Column(i + 1, text, field_name, how)
        if how.startswith("--kolommen"):
            column.suggestion = SYNONYMS.get(normal(text)) or closest(text)
        if field_name and field_name in sheet.columns:
            sheet.problems.append(problem(
                "NK654", name, number, i + 1, where=f"kolom {letter(i + 1)} ({field_name})", field=field_name,
                other=letter(sheet.columns[field_name])))
            column.field, column.how, field_name = None, f"'{column.field}' staat al in kolom " \
                f"{letter(sheet.columns[column.field])}", None
        elif field_name:
            sheet.columns[field_name] = i + 1
        elif text:
            column.suggestion = closest(text)
        if text:
            sheet.table.append(column)
        header.append(field_name)
    sheet.header_row = number
    headers = {normal(_cell(c)): _cell(c) for c in row if _cell(c)}
    for key in columns_map.fields:
        if normal(key) not in headers:
            guess = closest(key, list(headers.values()))
            sheet.problems.append(problem("NK631", columns_map.file, columns_map.lines.get(key, 1), 1, key=_shown(key),
                                          guess=f"; bedoel je '{guess}'?" if guess else "",
                                          headers=", ".join(f"'{_shown(h, 40)}'" for h in headers.values())))
    unused = [c for c in sheet.table if c.field is None]
    for required in REQUIRED:
        if required not in sheet.columns:
            like = next((c for c in unused if c.suggestion == required), None)
            sheet.problems.append(problem(
                "NK629", name, number, like.number if like else 1, field=required,
                guess=(f"; kolom {letter(like.number)} '{_shown(like.header, 40)}' lijkt erop maar is niet herkend"
                       if like else "")))
    return header


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", ";").split(";") if part.strip()]


def row_to_record(source: str, number: int, row: dict[str, object], region: str,
                  columns: dict[str, int] | None = None) -> tuple[dict | None, list[Problem]]:
    problems = []

    def bad(column: str, code: str, **fields: object) -> None:
        col, where = _where(column, columns or {})
        problems.append(problem(code, source, number, col, where=where, **fields))

    if columns is not None and any(c not in columns for c in REQUIRED):
        return None, []  # a required column is missing from the sheet: told once, at the header (NK629)
    for column in REQUIRED:
        if not _cell(row.get(column)):
            bad(column, "NK619")
    phone = row.get("telefoon")
    if isinstance(phone, (int, float)) and not isinstance(phone, bool):
        bad("telefoon", "NK655", value=_cell(phone))
    if problems:
        return None, problems
    no_coordinates: list[Problem] = []
    text = {k: _cell(v) for k, v in row.items()}
    pid = slug(text.get("id") or text["naam"])
    record: dict = {"id": pid, "naam": text["naam"], "soort": text["soort"],
                    "korte_beschrijving": text["korte_beschrijving"], "levensdomeinen": _split(text["levensdomeinen"]),
                    "aanmelden": {"via": _split(text["aanmelden_via"])}}
    if text.get("kostprijs"):
        record["aanmelden"]["kostprijs"] = text["kostprijs"]
    if text.get("talen"):
        record["talen"] = _split(text["talen"])
    streets, postcodes, places, lats, lons = (
        [p.strip() for p in text.get(c, "").split(";")] if text.get(c) else []
        for c in ("adressen", "postcodes", "gemeenten", "lat", "lon"))
    if postcodes or places:
        # A public address needs coordinates (partner schema: it is drawn on the maps); they cannot be
        # looked up here (that needs a geocoding service on the internet), so a row without them says how
        # to find them (NK633).
        if not (len(streets) in (0, len(postcodes)) and len(postcodes) == len(places)
                and len(lats) in (0, len(postcodes)) and len(lats) == len(lons)):
            bad("adressen", "NK656")
            return None, problems
        locations = []
        for i, (postcode, place) in enumerate(zip(postcodes, places)):
            if reference().find(place) is None:
                bad("gemeenten", "NK657", value=place)
            address = {"straat": streets[i]} if streets and streets[i] else {}
            location: dict = {"adres": {**address, "postcode": postcode, "gemeente": place}}
            lat, lon = (lats[i], lons[i]) if lats else ("", "")
            if not (lat or lon):
                # Told here (NK633); the row is still checked in full, so one dry run shows all its problems.
                col, where = _where("lat", columns or {})
                no_coordinates.append(problem("NK633", source, number, col, where=where, address=_shown(
                    ", ".join(x for x in (address.get("straat"), postcode, place) if x))))
                locations.append(location)
                continue
            try:
                location["coordinaten"] = {"lat": float(lat.replace(",", ".")), "lon": float(lon.replace(",", "."))}
                if not all(math.isfinite(v) for v in location["coordinaten"].values()):
                    raise ValueError("not a finite number")  # 1e999, inf, nan
            except ValueError:
                bad("lat", "NK658", lat=_shown(lat, 40), lon=_shown(lon, 40))
                continue
            locations.append(location)
        record["locaties"] = locations
        if text.get("openingsuren"):  # as the CSV export writes it (hours.csv_cell): JSON, one item per location
            try:
                per_location = hours.from_csv_cell(text["openingsuren"])
            except ValueError:
                bad("openingsuren", "NK659")
                per_location = []
            for location, extra in zip(locations, per_location):
                location.update(extra)
    area = text.get("werkgebied", "")
    if normal(area) in ("hele regio", "regio", "heel de regio"):
        record["werkgebied"] = {"hele_regio": True}
    else:
        # Named municipalities, or else the municipalities of the addresses; never silently the whole region.
        names = _split(area) if area else list(dict.fromkeys(places))
        codes = []
        for name in names:
            found = name if name.isdigit() else getattr(reference().find(name), "nis", None)
            if found is None:
                if area:
                    bad("werkgebied", "NK657", value=name)
                continue
            if found not in codes:
                codes.append(found)
        if codes:
            record["werkgebied"] = {"gemeenten": codes}
        elif not area:
            bad("werkgebied", "NK660")
    contact = {k: text[k] for k in ("telefoon", "email", "website") if text.get(k)}
    if contact:
        record["contact"] = contact
    value = text["beroepsgeheim"].lower()
    if value not in ("true", "false", "ja", "nee", "1", "0"):
        bad("beroepsgeheim", "NK661", value=text["beroepsgeheim"])
    record["beroepsgeheim"] = value in ("true", "ja", "1")
    if text.get("brede_instap"):
        record["brede_instap"] = text["brede_instap"].lower() in ("true", "ja", "1")
    if text.get("gedeeld_beroepsgeheim"):  # ids of the region's agreements; unknown: NK350 at the row (NK623)
        record["gedeeld_beroepsgeheim"] = list(dict.fromkeys(_split(text["gedeeld_beroepsgeheim"])))
    record["nagekeken"] = {"datum": text["nagekeken_datum"], "door": text["nagekeken_door"]}
    return (None if problems else record), problems + no_coordinates


def _records_from(path: Path, region: str, mapping: dict | ColumnMap | None = None, encoding: str | None = None,
                  result: ImportResult | None = None) -> tuple[list[Row], list[Problem]]:
    """The rows as records (only those of ``region`` in a sheet or export with several regions) and
    the problems of reading them; ``result`` learns the encoding and how many rows were left out."""
    result = result or ImportResult()
    if path.suffix.lower() == ".json":
        return _json_records(path, region, result)
    sheet = read_rows(path, mapping, encoding)
    result.encoding = sheet.encoding
    result.table = sheet.table
    rows, problems = [], list(sheet.problems)
    for number, row in sheet.rows:
        if _cell(row.get("regio")) not in ("", region):
            result.other_regions += 1
            continue  # a sheet with several regions: only this region's rows
        record, row_problems = row_to_record(path.name, number, row, region, sheet.columns)
        problems += row_problems
        if record is not None:
            id_column = "id" if _cell(row.get("id")) else "naam"
            given = _cell(row.get("id"))
            if given and record["id"] and given != record["id"] and len(record["id"]) <= MAX_ID:
                # An id column is used as it is, never rewritten: '../../mkdocs' is not 'mkdocs'.
                col, where = _where("id", sheet.columns)
                problems.append(problem("NK635", path.name, number, col, value=given, where=where,
                                        suggestion=record["id"]))
                continue
            if not record["id"] or len(record["id"]) > MAX_ID:
                col, where = _where(id_column, sheet.columns)
                problems.append(problem("NK618", path.name, number, col, where=where,
                                        value=_shown(_cell(row.get(id_column)))))
                continue
            rows.append(Row(number, record, sheet.columns, id_column))
    return rows, problems


def _max_digits() -> int:
    import sys

    return sys.get_int_max_str_digits() or 4300


def _json_records(path: Path, region: str, result: ImportResult) -> tuple[list[Row], list[Problem]]:
    raw = read_source(path)
    name = path.name
    text, _ = decode(raw, name, "utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Refused(problem("NK615", name, exc.lineno, exc.colno, reason=f"geen geldige JSON ({exc.msg})")) from None
    except ValueError:  # an integer longer than Python converts (4300 digits)
        raise Refused(problem("NK643", name, 1, 1, limit=_max_digits())) from None
    except RecursionError:
        raise Refused(problem("NK615", name, 1, 1, reason="de gegevens zijn te diep genest")) from None
    if not isinstance(data, dict):
        raise Refused(problem("NK616", name, 1, 1, found="het bestand is geen blok met velden"))
    partners = data.get("partners")
    if not isinstance(partners, list):
        raise Refused(problem("NK616", name, 1, 1, found="er is geen veld 'partners'" if partners is None
                              else "'partners' is geen lijst"))
    if len(partners) > MAX_ROWS:
        raise Refused(problem("NK608", name, 1, 1, limit=f"{MAX_ROWS:,}".replace(",", "."), row=len(partners)))
    rows, problems = [], []
    for number, item in enumerate(partners, start=1):
        if not isinstance(item, dict):
            problems.append(problem("NK662", name, number, 1, number=number))
            continue
        if item.get("regio", region) != region:
            result.other_regions += 1
            continue  # an export of several regions: only this region's partners
        missing = [k for k in ("id", "naam") if not (isinstance(item.get(k), str) and item[k].strip())]
        if missing:
            problems.append(problem("NK617", name, number, 1, number=number,
                                    missing=" en ".join(f"'{k}'" for k in missing)))
            continue
        if not (ID_RULE.fullmatch(item["id"]) and len(item["id"]) <= MAX_ID):
            suggestion = slug(item["id"])
            if suggestion and len(suggestion) <= MAX_ID:
                problems.append(problem("NK635", name, number, 1, where=f"partner {number}, veld 'id'",
                                        value=item["id"], suggestion=suggestion))
            else:
                problems.append(problem("NK618", name, number, 1, where=f"partner {number}, veld 'id'",
                                        value=_shown(item["id"])))
            continue
        rows.append(Row(number, {k: v for k, v in item.items() if k != "regio"}, None, "id"))
    return rows, problems


@dataclass
class Row:
    """One partner to import: where it came from (row, or position in a JSON list) and its record."""

    number: int
    record: dict
    columns: dict[str, int] | None  # the sheet's columns; None for JSON
    id_column: str
    text: str = ""
    relpath: str = ""


def _where(name: str, columns: dict[str, int] | None, number: int = 0) -> tuple[int, str]:
    """(column number, how to name the column in a message) for one of our column names."""
    if columns is None:
        return 1, f"partner {number}, veld '{name}'"
    if name in columns:
        return columns[name], f"kolom {letter(columns[name])} ({name})"
    return 1, f"kolom '{name}' (niet in het rekenblad)"


# Where a value of the written file comes from in the sheet: its key, or the block it is in.
_BLOCK_COLUMN = {"aanmelden": "aanmelden_via", "locaties": "adressen", "nagekeken": "nagekeken_datum",
                 "contact": "telefoon"}
_KEY_COLUMN = {"kostprijs": "kostprijs", "via": "aanmelden_via", "straat": "adressen", "postcode": "postcodes",
               "gemeente": "gemeenten", "coordinaten": "lat", "lat": "lat", "lon": "lon", "telefoon": "telefoon",
               "email": "email", "website": "website", "datum": "nagekeken_datum", "door": "nagekeken_door"}


def _column_of(row: Row, found: Problem) -> str:
    """Our column name for the line of the written file a problem points at."""
    if found.code == "NK502":
        return "telefoon"
    lines = row.text.splitlines()
    if not 1 <= found.line <= len(lines):
        return row.id_column
    here = lines[found.line - 1]
    own = here.strip().lstrip("- ").split(":", 1)[0].strip() if ":" in here else ""
    block = next((line.split(":", 1)[0] for line in reversed(lines[:found.line])
                  if line and not line[0].isspace() and not line.startswith(("#", "-"))), "")
    if block in _BLOCK_COLUMN:
        return _KEY_COLUMN.get(own, _BLOCK_COLUMN[block])
    if block == "id":
        return row.id_column
    return block or row.id_column


def _for_row(source: str, row: Row, found: Problem) -> Problem:
    """A problem of the file a row would become, told at the row and column of the spreadsheet."""
    col, where = _where(_column_of(row, found), row.columns, row.number)
    return problem("NK623" if found.is_error else "NK624", source, row.number, col, where=where, cause=found)


# The record fields each column of a spreadsheet fills (a path of keys; "locaties" as a whole).
COLUMN_FIELDS = {
    "naam": [("naam",)], "soort": [("soort",)], "korte_beschrijving": [("korte_beschrijving",)],
    "levensdomeinen": [("levensdomeinen",)], "aanmelden_via": [("aanmelden", "via")],
    "kostprijs": [("aanmelden", "kostprijs")], "beroepsgeheim": [("beroepsgeheim",)],
    "brede_instap": [("brede_instap",)], "telefoon": [("contact", "telefoon")], "email": [("contact", "email")],
    "website": [("contact", "website")], "talen": [("talen",)], "werkgebied": [("werkgebied",)],
    "nagekeken_datum": [("nagekeken", "datum")], "nagekeken_door": [("nagekeken", "door")],
    "gedeeld_beroepsgeheim": [("gedeeld_beroepsgeheim",)],
}
LOCATION_COLUMNS = {"adressen", "postcodes", "gemeenten", "lat", "lon"}
_SHEET_ADDRESS = ("straat", "postcode", "gemeente")


def merge(old: dict, new: dict, columns: set[str] | None) -> tuple[dict, list[str]]:
    """The record an import with --force writes over ``old``: (merged record, fields that would be lost).

    A spreadsheet (``columns``: its columns) only has columns for part of a partner file: every field it has a
    column for comes from the row (an empty cell removes the field), every other field of ``old`` stays as it
    is. Locations: the row's addresses replace the public locations one by one (in the order the CSV export
    writes them), keeping each location's other fields (naam, openingsuren unless the sheet has that column,
    ...); with a different number of
    addresses those fields cannot be matched and are listed as lost. JSON (``columns`` None) replaces the whole
    record. Confidential locations are never in an export and always stay."""
    import copy

    merged = copy.deepcopy(old) if columns is not None else copy.deepcopy(new)
    lost: list[str] = []
    if columns is not None:
        for column in sorted(columns & set(COLUMN_FIELDS)):
            for path in COLUMN_FIELDS[column]:
                value = new
                for key in path:
                    value = value.get(key) if isinstance(value, dict) else None
                holder = merged
                for key in path[:-1]:
                    if not isinstance(holder.get(key), dict):
                        holder[key] = {}
                    holder = holder[key]
                if value is None or (path == ("brede_instap",) and value is False and path[-1] not in holder):
                    holder.pop(path[-1], None)  # (the CSV export writes 'false' for a partner without brede_instap)
                else:
                    holder[path[-1]] = copy.deepcopy(value)
            if column in ("telefoon", "email", "website") and merged.get("contact") == {}:
                del merged["contact"]
    old_locations = [loc for loc in old.get("locaties") or [] if isinstance(loc, dict)]
    secret = [loc for loc in old_locations if loc.get("vertrouwelijk")]
    public = [loc for loc in old_locations if not loc.get("vertrouwelijk")]
    if columns is not None and columns & LOCATION_COLUMNS:
        rows = list(new.get("locaties") or [])
        # With an 'openingsuren' column the row's hours replace the location's (an empty cell removes them).
        from_row = set(hours.HOURS_KEYS) if "openingsuren" in columns else set()
        if len(rows) == len(public):
            placed = []
            for before, after in zip(public, rows):
                location = {**{k: copy.deepcopy(v) for k, v in before.items() if k not in from_row},
                            **{k: v for k, v in after.items() if k != "adres"}}
                address = {k: v for k, v in (before.get("adres") or {}).items() if k not in _SHEET_ADDRESS}
                location["adres"] = {**address, **after.get("adres", {})}
                if "coordinaten" not in after:
                    location.pop("coordinaten", None)
                placed.append(location)
        else:
            placed = rows
            for i, before in enumerate(public, start=1):
                extra = [k for k in before if k not in ("adres", "coordinaten") and k not in from_row]
                extra += [f"adres.{k}" for k in before.get("adres") or {} if k not in _SHEET_ADDRESS]
                lost += [f"locaties[{i}].{k}" for k in extra]
        merged["locaties"] = placed + copy.deepcopy(secret)
    elif columns is None:
        present = list(merged.get("locaties") or [])
        kept = [loc for loc in secret if loc not in present]  # a hand-made JSON may hold them already
        if kept:
            merged["locaties"] = present + copy.deepcopy(kept)
    if not merged.get("locaties"):
        merged.pop("locaties", None)
    return merged, lost


def _flat(data: object, prefix: str = "", depth: int = 2) -> dict[str, object]:
    if isinstance(data, dict) and depth:
        out: dict[str, object] = {}
        for key, value in data.items():
            out.update(_flat(value, f"{prefix}{key}.", depth - 1))
        return out
    return {prefix.rstrip("."): data}


def changes(old: dict, merged: dict) -> str:
    """What a replaced file gets, in words: the fields that change, are added or removed."""
    before, after = _flat(old), _flat(merged)
    changed = [k for k in after if k in before and before[k] != after[k]]
    added = [k for k in after if k not in before]
    removed = [k for k in before if k not in after]
    parts = [f"{what}: {', '.join(keys)}" for what, keys in
             (("gewijzigd", changed), ("toegevoegd", added), ("verwijderd", removed)) if keys]
    return "; ".join(parts) or "niets gewijzigd"


def _has_comments(path: Path) -> bool:
    """Whether a file has comment lines of its own (not the lines the tool writes at the top)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
    return any(line.lstrip().startswith("#") and not line.startswith(("# yaml-language-server", "# Geïmporteerd uit"))
               for line in lines)


def _render(row: Row, source: str) -> str:
    text = yaml.safe_dump(row.record, allow_unicode=True, sort_keys=False, width=100)
    where = f"rij {row.number}" if row.columns is not None else f"partner {row.number}"
    return f"# Geïmporteerd uit {source}, {where}.\n" + text


def after_writing(project: Project, files: list[tuple[str, str | None, str, str]],
                  today: datetime.date | None = None) -> tuple[list[Problem], list[Problem]]:
    """Check the data folder as ``validate`` would after writing ``files`` ((kind, region, relpath, text) each,
    new or replacing a file), without writing anything: schema and every check across files.

    Returns (the problems of the written files, the errors they cause in other files that are not there now).
    Used by import and by ``new``, so neither writes a file that ``validate`` then rejects."""
    before = list(project.problems) + check_project(project, today=today)
    replaced = {relpath for _, _, relpath, _ in files}
    after_project = Project(root=project.root, default_life_domains=project.default_life_domains,
                            records=[r for r in project.records if r.path not in replaced],
                            problems=[p for p in project.problems if p.file not in replaced])
    new_problems: list[Problem] = []
    for kind, region, relpath, text in files:
        record, problems = read_record(kind, region, relpath, text.encode("utf-8"))
        after_project.records.append(record)
        new_problems += problems
    after = sorted(set(list(after_project.problems) + new_problems + check_project(after_project, today=today)))
    known = {p.key() for p in before}
    own = [p for p in after if p.file in replaced]
    others = [p for p in after if p.file not in replaced and p.is_error and p.key() not in known]
    return own, others


def import_partners(source: Path, root: Path, region: str, *, dry_run: bool = False, force: bool = False,
                    mapping: dict[str, str] | ColumnMap | None = None, encoding: str | None = None,
                    today: datetime.date | None = None) -> ImportResult:
    """Check the import as ``validate`` would check the folder after it; write all rows or none.

    Raises scaffold.WrongUsage for a region that is not an id or a target outside partners/<region>/."""
    result = ImportResult()
    name = source.name
    try:
        check_region(root, region)
    except ScaffoldError as exc:
        if isinstance(exc, WrongUsage):
            raise
        result.problems.append(exc.problem)  # NK640, as for 'new'; NK307 is a partner file in no region
        return result
    confined(root, "partners", region)
    try:
        rows, problems = _records_from(source, region, mapping, encoding, result)
    except Refused as exc:
        result.problems.append(exc.problem)
        return result
    result.problems += problems

    project = load_project(root)
    by_id: dict[str, list] = {}
    for record in project.of_kind("partner", valid_only=False):
        data = record.doc.data if record.doc else None
        rid = data.get("id") if isinstance(data, dict) else None
        for key in {record.stem, rid} - {None}:
            if isinstance(key, str):
                by_id.setdefault(key, []).append(record)
    first: dict[str, int] = {}
    accepted: list[Row] = []
    for row in rows:
        pid = row.record["id"]
        col, where = _where(row.id_column, row.columns, row.number)
        if pid in first:
            result.problems.append(problem("NK620", name, row.number, col, value=pid, where=where, other=first[pid]))
            continue
        first[pid] = row.number
        elsewhere = [r for r in by_id.get(pid, []) if r.region != region]
        if elsewhere:
            result.problems.append(problem("NK621", name, row.number, col, value=pid, where=where,
                                           region=elsewhere[0].region, other=elsewhere[0].path))
            continue
        target = confined(root, "partners", region, f"{pid}.yml")
        row.relpath = f"partners/{region}/{pid}.yml"
        if target.exists() and not target.is_file():
            what = "een map" if target.is_dir() else "geen gewoon bestand"
            result.problems.append(problem("NK634", name, row.number, col, value=pid, where=where,
                                           other=row.relpath, what=what))
            continue
        if (target.exists() or target.is_symlink()) and not force:
            result.problems.append(problem("NK622", name, row.number, col, value=pid, where=where, other=row.relpath))
            continue
        if target.is_file():
            existing = next((r for r in project.records if r.path == row.relpath), None)
            data = existing.doc.data if existing is not None and existing.doc is not None else None
            if isinstance(data, dict):
                merged, lost = merge(data, row.record, set(row.columns) if row.columns is not None else None)
                if lost:
                    result.problems.append(problem("NK636", name, row.number, col, value=pid, where=where,
                                                   other=row.relpath, fields=", ".join(lost)))
                    continue
                row.record = merged
                result.changes[str(root / row.relpath)] = changes(data, merged)
                if _has_comments(target):
                    result.problems.append(problem("NK637", name, row.number, col, other=row.relpath))
        row.text = _render(row, name)
        accepted.append(row)

    # The whole folder as it would be after the import, checked as `validate` checks it.
    rows_by_path = {row.relpath: row for row in accepted}
    own, others = after_writing(project, [("partner", region, row.relpath, row.text) for row in accepted], today)
    for found in own:
        if found.code == "NK201" and "'coordinaten'" in found.message:
            continue  # an address without coordinates: NK633 said so, with how to find them
        result.problems.append(_for_row(name, rows_by_path[found.file], found))
    for found in others:
        result.problems.append(problem("NK625", found.file, found.line, found.column, cause=found))
    result.problems.sort(key=lambda p: (p.file != name, p.file, p.line, p.column, p.code))
    if result.errors:
        return result  # all or nothing: nothing is written
    files = [(root / row.relpath, row.text) for row in accepted]
    result.planned = [target for target, _ in files]
    if dry_run:
        return result
    try:
        write_all(files)
    except OSError as exc:
        result.planned = []
        result.problems.append(problem("NK626", name, 1, 1, target=f"partners/{region}/",
                                       reason=exc.strerror or str(exc)))
        return result
    result.written = list(result.planned)
    return result


def read_mapping(path: Path) -> tuple[ColumnMap, list[Problem]]:
    """A --kolommen file (YAML, 'Naam in je rekenblad: onze kolom' per line) with the line of every
    entry; raises Refused when it cannot be read. Whether its fields and columns exist is checked
    against the spreadsheet (read_rows)."""
    from ..load.yamlload import load

    raw = read_source(path)
    doc, problems = load(raw, path.name)
    if doc is None or any(p.is_error for p in problems):
        return ColumnMap(file=path.name), problems
    data = doc.data
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        return ColumnMap(file=path.name), [problem("NK627", path.name, 1, 1)]
    lines = {k: doc.mark((k,), key=True).line for k in data}
    return ColumnMap(dict(data), lines, path.name), problems


def proposal(table: list[Column]) -> str:
    """A --kolommen file for the columns of a spreadsheet, ready to adjust: every recognised column
    with its field, every other column commented out with the closest field (or none)."""
    lines = ["# Kolommen van je rekenblad (links) en de kolom van Netwerkkaart die ze vullen (rechts).",
             "# Pas de rechterkant aan waar nodig; een regel met # ervoor wordt niet gebruikt.",
             "# Onze kolommen: " + ", ".join(FIELDS), ""]
    for column in table:
        key = json.dumps(column.header, ensure_ascii=False)
        if column.field:
            lines.append(f"{key}: {column.field}")
        else:
            lines.append(f"# {key}: {column.suggestion or '...'}")
    return "\n".join(lines) + "\n"


def write_proposal(table: list[Column], target: Path, root: Path, source: Path, force: bool = False) -> Path:
    """Write proposal(table) to ``target``; refuses (WrongUsage, NK632) a path in partners/ or regions/,
    the source itself, a folder, and an existing file without ``force``."""
    from .scaffold import WrongUsage

    def refuse(reason: str) -> WrongUsage:
        return WrongUsage(problem("NK632", str(target), 1, 1, target=str(target), reason=reason))

    where = target.resolve()
    for top in ("partners", "regions"):
        folder = (root / top).resolve()
        if where == folder or folder in where.parents:
            raise refuse(f"het ligt in {top}/, waar alleen gegevensbestanden horen")
    if where == source.resolve():
        raise refuse("het is het rekenblad zelf")
    if target.is_dir():
        raise refuse("het is een map")
    if (target.exists() or target.is_symlink()) and not force:
        raise refuse("het bestaat al (gebruik --force om het te overschrijven)")
    if not where.parent.is_dir():
        raise refuse(f"de map {where.parent} bestaat niet")
    target.write_text(proposal(table), encoding="utf-8")
    return target
