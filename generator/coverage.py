"""Coverage of a region: per municipality and levensdomein, how many partners serve it; where none do (a gap).

"Serve" is the model's werkgebied: a partner of the region whose werkgebied includes the municipality,
or is the whole region (``Site.serving``). Each cell splits them into partners with a public address
in the municipality and the others (for the whole region, or from an address elsewhere). A werkgebied
says where a partner *may* help, not its capacity or waiting time: a cell with partners can still be a
gap in practice; a cell with none is certainly one.

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
from .model import LifeDomain, Municipality, Region, Site
from .population import YEAR, inhabitants
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

    def gaps(self) -> list[tuple[Municipality, LifeDomain]]:
        """Every (municipality, levensdomein) without a partner, in table order."""
        return [(row.municipality, domain) for row in self.rows
                for domain, cell in zip(self.domains, row.cells) if cell.gap]

    def cell(self, municipality_id: str, domain_id: str) -> Cell:
        row = next(r for r in self.rows if r.municipality.id == municipality_id)
        return row.cells[next(i for i, d in enumerate(self.domains) if d.id == domain_id)]


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
    rows = []
    for municipality in region.municipalities:
        here = {p.id for p in site.located_in(municipality)}
        serving = site.serving(municipality)
        local: list[list[str]] = [[] for _ in domains]
        other: list[list[str]] = [[] for _ in domains]
        for partner in serving:
            bucket = local if partner.id in here else other
            for domain in partner.levensdomeinen:
                if domain in index:
                    bucket[index[domain]].append(partner.id)
        rows.append(Row(municipality, inhabitants(municipality.nis), len(serving),
                        tuple(Cell(tuple(a), tuple(b)) for a, b in zip(local, other))))
    return RegionCoverage(region, domains, tuple(rows))


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
                "dekking": {d.id: {"met_adres": len(cell.here), "hele_regio_of_van_buiten": len(cell.elsewhere),
                                   "totaal": cell.total, "hiaat": cell.gap}
                            for d, cell in zip(c.domains, row.cells)},
            } for row in c.rows],
        })
    return {"hiaten": gaps, "regios": regions, "bron_bevolking": SOURCE_POPULATION,
            "uitleg": EXPLANATION}


EXPLANATION = ("Een partner telt mee in een gemeente als zijn werkgebied die gemeente bevat of de hele regio is. "
               "Het werkgebied zegt waar een partner mag helpen, niet hoeveel gezinnen hij kan helpen of hoe lang "
               "ze wachten: ook een cel met partners kan in de praktijk een hiaat zijn.")


def text(coverages: list[RegionCoverage], out: TextIO) -> None:
    gaps = [(c, m, d) for c in coverages for m, d in c.gaps()]
    out.write("Dekking per gemeente en levensdomein\n")
    out.write(EXPLANATION + "\n")
    out.write(f"Inwoners: {SOURCE_POPULATION}.\n")
    out.write(f"\nHiaten (geen enkele partner): {len(gaps)}\n")
    for c, m, d in gaps:
        out.write(f"  - {c.region.naam}: {m.naam}: {d.naam}\n")
    for c in coverages:
        out.write(f"\n== {c.region.naam} ==\n")
        for row in c.rows:
            m = row.municipality
            out.write(f"{m.naam}: {number(row.population)} inwoners, {row.partners} partners, "
                      f"{decimal(row.per_10000)} per 10.000 inwoners\n")
            for d, cell in zip(c.domains, row.cells):
                out.write(f"  {d.naam}: {cell_text(cell).upper() if cell.gap else cell_text(cell)}\n")


def _md(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def markdown(coverages: list[RegionCoverage], out: TextIO) -> None:
    gaps = [(c, m, d) for c in coverages for m, d in c.gaps()]
    out.write("# Dekking per gemeente en levensdomein\n\n")
    out.write(EXPLANATION + "\n\n")
    out.write(f"Inwoners: {SOURCE_POPULATION}. Per cel: het aantal partners, met tussen haakjes hoeveel een adres in "
              "de gemeente hebben + hoeveel er voor de hele regio of van buiten werken.\n")
    out.write(f"\n## Hiaten: {len(gaps)}\n\n")
    for c, m, d in gaps:
        out.write(f"- {_md(c.region.naam)}: {_md(m.naam)}: {_md(d.naam)}\n")
    for c in coverages:
        out.write(f"\n## {_md(c.region.naam)}\n\n")
        head = ["Gemeente", "Inwoners", "Partners", "Per 10.000 inwoners"] + [_md(d.naam) for d in c.domains]
        out.write("| " + " | ".join(head) + " |\n")
        out.write("|" + "|".join(["---"] + ["---:"] * 3 + ["---"] * len(c.domains)) + "|\n")
        for row in c.rows:
            cells = [f"**{GAP}**" if cell.gap else f"{cell.total} ({len(cell.here)} + {len(cell.elsewhere)})"
                     for cell in row.cells]
            out.write("| " + " | ".join([_md(row.municipality.naam), number(row.population), str(row.partners),
                                         decimal(row.per_10000)] + cells) + " |\n")


CSV_COLUMNS = ["hiaat", "regio", "gemeente", "nis", "levensdomein", "met_adres_in_gemeente",
               "hele_regio_of_van_buiten", "totaal", "inwoners", "partners_alle_levensdomeinen", "partners_per_10000_inwoners"]


def csv_text(coverages: list[RegionCoverage], out: TextIO) -> None:
    """One row per municipality and levensdomein, gaps first; for Excel in Dutch like the CSV export
    (BOM, ';', every cell quoted and neutralised)."""
    rows = []
    for c in coverages:
        for row in c.rows:
            for d, cell in zip(c.domains, row.cells):
                rows.append((not cell.gap, [
                    "ja" if cell.gap else "nee", c.region.naam, row.municipality.naam, row.municipality.nis, d.naam,
                    str(len(cell.here)), str(len(cell.elsewhere)), str(cell.total),
                    "" if row.population is None else str(row.population), str(row.partners),
                    "" if row.per_10000 is None else decimal(row.per_10000)]))
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
