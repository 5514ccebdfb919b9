"""Coverage of a region: per municipality and levensdomein, and per municipality and question (vragen), how many
partners serve it; where none do (a gap).

"Serve" is the model's werkgebied: a partner of the region whose werkgebied includes the municipality,
or is the whole region (``Site.serving``). Each cell splits them into partners with a public address
in the municipality and the others (for the whole region, or from an address elsewhere). A werkgebied
says where a partner *may* help, not its capacity or waiting time: a cell with partners can still be a
gap in practice; a cell with none is certainly one.

A partner answers a question as the wegwijzer decides it (``vragen.answered``: its own ``vragen:`` list, or a
shared levensdomein and one of the question's words in its texts); it counts in a municipality the same way.

Plain functions; the page (coverage_page.py) and ``netwerkkaart report --dekking`` print the same result
as text, Markdown, CSV (for a spreadsheet) or JSON, gaps first.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import TextIO

from .export import CSV_BOM, CSV_DELIMITER
from ..topics import vragen
from ..model import LifeDomain, Municipality, Region, Site
from ..load.population import YEAR, inhabitants
from ..topics.vragen import Question
from .spreadsheet import spreadsheet_text

SOURCE_POPULATION = f"Statbel, inwoners op 1 januari {YEAR}, opgeteld voor de gemeenten van 2025"
GAP = "hiaat"


@dataclass(frozen=True)
class Cell:
    here: tuple[str, ...]  # partner ids with a public address in the municipality
    elsewhere: tuple[str, ...]  # for the whole region, or with an address elsewhere (or none)

    @property
    def total(self) -> int:
        return len(self.here) + len(self.elsewhere)

    @property
    def gap(self) -> bool:
        return self.total == 0


@dataclass(frozen=True)
class Row:
    municipality: Municipality
    population: int | None
    partners: int  # distinct partners serving the municipality, any levensdomein
    cells: tuple[Cell, ...]  # in the order of the region's levensdomeinen
    question_cells: tuple[Cell, ...] = ()  # in the order of the region's questions

    @property
    def per_10000(self) -> float | None:
        if not self.population:
            return None
        return round(self.partners * 10000 / self.population, 1)


@dataclass(frozen=True)
class RegionCoverage:
    region: Region
    domains: tuple[LifeDomain, ...]
    rows: tuple[Row, ...]
    questions: tuple[Question, ...] = ()

    def gaps(self) -> list[tuple[Municipality, LifeDomain]]:
        """Every (municipality, levensdomein) without a partner, in table order."""
        return [(row.municipality, domain) for row in self.rows
                for domain, cell in zip(self.domains, row.cells) if cell.gap]

    def cell(self, municipality_id: str, domain_id: str) -> Cell:
        row = next(r for r in self.rows if r.municipality.id == municipality_id)
        return row.cells[next(i for i, d in enumerate(self.domains) if d.id == domain_id)]

    def question_gaps(self) -> list[tuple[Question, list[Municipality]]]:
        """Per question, the municipalities where no partner answers it: questions with gaps first (most
        gaps first, otherwise in the catalogue's order), then the others with an empty list."""
        found = [(q, [row.municipality for row in self.rows if row.question_cells[i].gap])
                 for i, q in enumerate(self.questions)]
        return sorted(found, key=lambda item: -len(item[1]))  # stable: catalogue order within a count

    def question_cell(self, municipality_id: str, question_id: str) -> Cell:
        row = next(r for r in self.rows if r.municipality.id == municipality_id)
        return row.question_cells[next(i for i, q in enumerate(self.questions) if q.id == question_id)]


def region_coverage(site: Site, region: Region) -> RegionCoverage:
    """The coverage table of one region: one row per municipality, one cell per levensdomein.

    Computed once per site and region (the page and the maps both need it), kept on the site like its
    other indexes (a frozen dataclass's instance dict, as cached_property does)."""
    cache = site.__dict__.setdefault("_coverage", {})
    if region.id not in cache:
        cache[region.id] = _region_coverage(site, region)
    return cache[region.id]


def _region_coverage(site: Site, region: Region) -> RegionCoverage:
    domains = region.life_domains
    index = {d.id: i for i, d in enumerate(domains)}
    questions = region.questions
    answering: dict[str, list[int]] = {}  # partner id -> indexes of the questions it answers
    helping = vragen.answered(site, region.id)
    for i, q in enumerate(questions):
        for partner in helping.get(q.id, ()):
            answering.setdefault(partner.id, []).append(i)
    rows = []
    for municipality in region.municipalities:
        here = {p.id for p in site.located_in(municipality)}
        serving = site.serving(municipality)
        local: list[list[str]] = [[] for _ in domains]
        other: list[list[str]] = [[] for _ in domains]
        q_local: list[list[str]] = [[] for _ in questions]
        q_other: list[list[str]] = [[] for _ in questions]
        for partner in serving:
            bucket, q_bucket = (local, q_local) if partner.id in here else (other, q_other)
            for domain in partner.levensdomeinen:
                if domain in index:
                    bucket[index[domain]].append(partner.id)
            for i in answering.get(partner.id, ()):
                q_bucket[i].append(partner.id)
        rows.append(Row(municipality, inhabitants(municipality.nis), len(serving),
                        tuple(Cell(tuple(a), tuple(b)) for a, b in zip(local, other)),
                        tuple(Cell(tuple(a), tuple(b)) for a, b in zip(q_local, q_other))))
    return RegionCoverage(region, domains, tuple(rows), questions)


def site_coverage(site: Site) -> list[RegionCoverage]:
    return [region_coverage(site, region) for region in site.regions]


# -- numbers in Dutch ------------------------------------------------------------------------------

def number(value: int | None) -> str:
    """12345 -> '12.345' (Dutch thousands separator); None -> 'onbekend'."""
    return "onbekend" if value is None else f"{value:,}".replace(",", ".")


def decimal(value: float | None) -> str:
    """8.5 -> '8,5'; None -> 'onbekend'."""
    return "onbekend" if value is None else f"{value:.1f}".replace(".", ",")


def cell_text(cell: Cell) -> str:
    """'hiaat', or '3 (1 met adres in de gemeente, 2 hele regio of van buiten)'."""
    if cell.gap:
        return GAP
    return f"{cell.total} ({len(cell.here)} met adres in de gemeente, {len(cell.elsewhere)} hele regio of van buiten)"


# -- the report ------------------------------------------------------------------------------------

def as_dict(coverages: list[RegionCoverage]) -> dict:
    """The whole matrix as plain data, gaps first (what the JSON format prints)."""
    gaps = [{"regio": c.region.id, "regio_naam": c.region.naam, "gemeente": m.naam, "nis": m.nis,
             "levensdomein": d.id, "levensdomein_naam": d.naam}
            for c in coverages for m, d in c.gaps()]
    regions = []
    for c in coverages:
        regions.append({
            "id": c.region.id, "naam": c.region.naam,
            "levensdomeinen": [{"id": d.id, "naam": d.naam} for d in c.domains],
            "gemeenten": [{
                "nis": row.municipality.nis, "naam": row.municipality.naam, "bevolking": row.population,
                "partners": row.partners, "partners_per_10000": row.per_10000,
                "dekking": {d.id: _cell_dict(cell) for d, cell in zip(c.domains, row.cells)},
                "dekking_vragen": {q.id: _cell_dict(cell) for q, cell in zip(c.questions, row.question_cells)},
            } for row in c.rows],
            "vragen": [{"id": q.id, "vraag": q.vraag} for q in c.questions],
        })
    question_gaps = [{"regio": c.region.id, "regio_naam": c.region.naam, "vraag": q.id, "vraag_tekst": q.vraag,
                      "gemeenten": [{"nis": m.nis, "naam": m.naam} for m in missing]}
                     for c in coverages for q, missing in c.question_gaps() if missing]
    return {"hiaten": gaps, "hiaten_vragen": question_gaps, "regios": regions, "bron_bevolking": SOURCE_POPULATION,
            "uitleg": EXPLANATION, "uitleg_vragen": EXPLANATION_QUESTIONS}


def _cell_dict(cell: Cell) -> dict:
    return {"met_adres": len(cell.here), "hele_regio_of_van_buiten": len(cell.elsewhere), "totaal": cell.total,
            "hiaat": cell.gap}


EXPLANATION = ("Een partner telt mee in een gemeente als zijn werkgebied die gemeente bevat of de hele regio is. "
               "Het werkgebied zegt waar een partner mag helpen, niet hoeveel gezinnen hij kan helpen of hoe lang "
               "ze wachten: ook een cel met partners kan in de praktijk een hiaat zijn.")
EXPLANATION_QUESTIONS = ("Per vraag van gezinnen (de vragen van de wegwijzer): een partner telt mee als hij de vraag in zijn "
                         "lijst 'vragen' zet, of, zonder die lijst, als hij een levensdomein van de vraag heeft en een "
                         "woord van de vraag in zijn beschrijving staat, zoals de wegwijzer hem kiest.")


def text(coverages: list[RegionCoverage], out: TextIO) -> None:
    gaps = [(c, m, d) for c in coverages for m, d in c.gaps()]
    out.write("Dekking per gemeente: levensdomeinen en vragen\n")
    out.write(EXPLANATION + "\n")
    out.write(f"Inwoners: {SOURCE_POPULATION}.\n")
    out.write(f"\nHiaten (geen enkele partner): {len(gaps)}\n")
    for c, m, d in gaps:
        out.write(f"  - {c.region.naam}: {m.naam}: {d.naam}\n")
    question_gaps = [(c, q, missing) for c in coverages for q, missing in c.question_gaps() if missing]
    out.write(f"\nVragen met een hiaat (geen enkele partner) in minstens één gemeente: {len(question_gaps)}\n")
    out.write(EXPLANATION_QUESTIONS + "\n")
    for c, q, missing in question_gaps:
        out.write(f"  - {c.region.naam}: {q.vraag} Hiaat in: {', '.join(m.naam for m in missing)}\n")
    for c in coverages:
        out.write(f"\n== {c.region.naam} ==\n")
        for row in c.rows:
            m = row.municipality
            out.write(f"{m.naam}: {number(row.population)} inwoners, {row.partners} partners, "
                      f"{decimal(row.per_10000)} per 10.000 inwoners\n")
            for d, cell in zip(c.domains, row.cells):
                out.write(f"  {d.naam}: {cell_text(cell).upper() if cell.gap else cell_text(cell)}\n")
        if c.questions:
            out.write(f"\n-- {c.region.naam}: per vraag --\n")
        for i, q in enumerate(c.questions):
            out.write(f"{q.vraag}\n")
            for row in c.rows:
                cell = row.question_cells[i]
                out.write(f"  {row.municipality.naam}: {cell_text(cell).upper() if cell.gap else cell_text(cell)}\n")


def _md(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def markdown(coverages: list[RegionCoverage], out: TextIO) -> None:
    gaps = [(c, m, d) for c in coverages for m, d in c.gaps()]
    out.write("# Dekking per gemeente: levensdomeinen en vragen\n\n")
    out.write(EXPLANATION + "\n\n")
    out.write(f"Inwoners: {SOURCE_POPULATION}. Per cel: het aantal partners, met tussen haakjes hoeveel een adres in "
              "de gemeente hebben + hoeveel er voor de hele regio of van buiten werken.\n")
    out.write(f"\n## Hiaten: {len(gaps)}\n\n")
    for c, m, d in gaps:
        out.write(f"- {_md(c.region.naam)}: {_md(m.naam)}: {_md(d.naam)}\n")
    question_gaps = [(c, q, missing) for c in coverages for q, missing in c.question_gaps() if missing]
    out.write(f"\n## Vragen met een hiaat in minstens één gemeente: {len(question_gaps)}\n\n")
    out.write(EXPLANATION_QUESTIONS + "\n\n")
    for c, q, missing in question_gaps:
        out.write(f"- {_md(c.region.naam)}: {_md(q.vraag)} Hiaat in: {_md(', '.join(m.naam for m in missing))}\n")
    for c in coverages:
        out.write(f"\n## {_md(c.region.naam)}\n\n")
        head = ["Gemeente", "Inwoners", "Partners", "Per 10.000 inwoners"] + [_md(d.naam) for d in c.domains]
        out.write("| " + " | ".join(head) + " |\n")
        out.write("|" + "|".join(["---"] + ["---:"] * 3 + ["---"] * len(c.domains)) + "|\n")
        for row in c.rows:
            cells = [_md_cell(cell) for cell in row.cells]
            out.write("| " + " | ".join([_md(row.municipality.naam), number(row.population), str(row.partners),
                                         decimal(row.per_10000)] + cells) + " |\n")
    for c in coverages:
        if not c.questions:
            continue
        out.write(f"\n## {_md(c.region.naam)}: per vraag\n\n")
        out.write("| " + " | ".join(["Vraag"] + [_md(row.municipality.naam) for row in c.rows]) + " |\n")
        out.write("|" + "|".join(["---"] * (1 + len(c.rows))) + "|\n")
        for i, q in enumerate(c.questions):
            out.write("| " + " | ".join([_md(q.vraag)] + [_md_cell(row.question_cells[i]) for row in c.rows]) + " |\n")


def _md_cell(cell: Cell) -> str:
    return f"**{GAP}**" if cell.gap else f"{cell.total} ({len(cell.here)} + {len(cell.elsewhere)})"


CSV_COLUMNS = ["hiaat", "regio", "gemeente", "nis", "levensdomein", "vraag", "met_adres_in_gemeente",
               "hele_regio_of_van_buiten", "totaal", "inwoners", "partners_alle_levensdomeinen", "partners_per_10000_inwoners"]


def csv_text(coverages: list[RegionCoverage], out: TextIO) -> None:
    """One row per municipality and levensdomein, then one per municipality and question (the column
    'vraag' filled, 'levensdomein' empty), gaps first; for Excel in Dutch like the CSV export (BOM, ';',
    every cell quoted and neutralised)."""
    rows = []

    def add(c: RegionCoverage, row: Row, domain: str, question: str, cell: Cell) -> None:
        rows.append((not cell.gap, [
            "ja" if cell.gap else "nee", c.region.naam, row.municipality.naam, row.municipality.nis, domain, question,
            str(len(cell.here)), str(len(cell.elsewhere)), str(cell.total),
            "" if row.population is None else str(row.population), str(row.partners),
            "" if row.per_10000 is None else decimal(row.per_10000)]))

    for c in coverages:
        for row in c.rows:
            for d, cell in zip(c.domains, row.cells):
                add(c, row, d.naam, "", cell)
    for c in coverages:
        for row in c.rows:
            for q, cell in zip(c.questions, row.question_cells):
                add(c, row, "", q.vraag, cell)
    buffer = io.StringIO()
    buffer.write(CSV_BOM)
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for _, values in sorted(rows, key=lambda r: r[0]):  # stable: gaps first, otherwise table order
        writer.writerow(spreadsheet_text(v) for v in values)
    out.write(buffer.getvalue())


def as_json(coverages: list[RegionCoverage], out: TextIO) -> None:
    json.dump(as_dict(coverages), out, ensure_ascii=False, indent=2)
    out.write("\n")


FORMATS = {"text": text, "markdown": markdown, "csv": csv_text, "json": as_json}
