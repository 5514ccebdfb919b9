"""The shipped 2025 municipality borders and the point-in-municipality check."""

import pytest
from shapely.geometry import shape

from generator.load import geo
from generator.load.refdata import reference


def test_one_valid_shape_per_2025_municipality_of_flanders_and_brussels():
    features = geo.borders()["features"]
    codes = [f["properties"]["nis"] for f in features]
    official = {m.nis for m in reference().municipalities.values() if m.region in ("02000", "04000")}
    assert sorted(codes) == sorted(official) and len(codes) == 304
    for f in features:
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")
        assert shape(f["geometry"]).is_valid, f["properties"]
        assert f["properties"]["naam"] == reference().municipality(f["properties"]["nis"]).name


@pytest.mark.parametrize("nis", ["46030", "44086", "71072", "11002"])
def test_merged_municipalities_are_dissolved_into_one_area(nis):
    feature = next(f for f in geo.borders()["features"] if f["properties"]["nis"] == nis)
    merged = shape(feature["geometry"])
    # one connected area, without the old inner borders
    assert merged.geom_type == "Polygon" or max(p.area for p in merged.geoms) > 0.95 * merged.area


@pytest.mark.parametrize("nis, lat, lon, inside", [
    ("42028", 51.0659, 4.0398, True),    # Zele, Markt
    ("42006", 51.0281, 4.1010, True),    # Dendermonde
    ("46030", 51.2170, 4.3290, True),    # Zwijndrecht, now Beveren-Kruibeke-Zwijndrecht
    ("11002", 51.2066, 4.4667, True),    # Borsbeek, now Antwerpen
    ("42028", 51.2194, 4.4025, False),   # Antwerpen is not Zele
])
def test_point_in_municipality(nis, lat, lon, inside):
    distance = geo.distance_outside_km(nis, lat, lon)
    assert (distance == 0.0) is inside
    if not inside:
        assert distance > 10
