"""Is a point inside a 2025 municipality, and if not, how far outside?

The borders are derived from CC0 data by ``generator.tools.borders_build`` and shipped
in ``generator/data/gemeentegrenzen-2025.geojson`` (Flanders and Brussels).
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

import numpy as np

KM_PER_DEGREE_LAT = 111.2


BORDERS = "data/gemeentegrenzen-2025.geojson"


@cache
def borders() -> dict:
    """The GeoJSON FeatureCollection of the 2025 municipalities of Flanders and Brussels."""
    return json.loads(resources.files("generator").joinpath(BORDERS).read_text("utf-8"))


@cache
def _outlines() -> dict[str, list[tuple[np.ndarray, tuple[float, float, float, float]]]]:
    """Per NIS code, every ring (outer rings and holes) as an array with its bounding box."""
    result: dict[str, list] = {}
    for feature in borders()["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        prepared = []
        for polygon in polygons:
            for ring in polygon:  # even-odd counting over all rings handles the holes
                a = np.asarray(ring, dtype=float)
                prepared.append((a, (a[:, 0].min(), a[:, 1].min(), a[:, 0].max(), a[:, 1].max())))
        result[feature["properties"]["nis"]] = prepared
    return result


def has_outline(nis: str) -> bool:
    return nis in _outlines()


def _inside(ring: np.ndarray, lon: float, lat: float) -> bool:
    x0, y0 = ring[:-1, 0], ring[:-1, 1]
    x1, y1 = ring[1:, 0], ring[1:, 1]
    crosses = (y0 > lat) != (y1 > lat)
    with np.errstate(divide="ignore", invalid="ignore"):
        x_at = x0 + (lat - y0) * (x1 - x0) / (y1 - y0)
    return bool(np.count_nonzero(crosses & (lon < x_at)) % 2)


def _distance_km(ring: np.ndarray, lon: float, lat: float) -> float:
    kx = KM_PER_DEGREE_LAT * math.cos(math.radians(lat))
    px = (ring[:, 0] - lon) * kx
    py = (ring[:, 1] - lat) * KM_PER_DEGREE_LAT
    ax, ay, bx, by = px[:-1], py[:-1], px[1:], py[1:]
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.clip(np.where(length2 > 0, -(ax * dx + ay * dy) / length2, 0.0), 0.0, 1.0)
    cx, cy = ax + t * dx, ay + t * dy
    return float(np.sqrt(cx * cx + cy * cy).min())


def distance_outside_km(nis: str, lat: float, lon: float) -> float | None:
    """0 when (lat, lon) lies in municipality ``nis``; else the distance to its border in km.

    None when we have no outline for ``nis`` (outside Flanders and Brussels).
    """
    rings = _outlines().get(nis)
    if rings is None:
        return None
    crossings = sum(_inside(ring, lon, lat) for ring, (minx, miny, maxx, maxy) in rings
                    if minx <= lon <= maxx and miny <= lat <= maxy)
    if crossings % 2:
        return 0.0
    return min(_distance_km(ring, lon, lat) for ring, _ in rings)
