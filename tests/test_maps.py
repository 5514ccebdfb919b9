"""Map documents without a browser: self-hosted, deterministic, private."""

import json

from helpers import ROOT
from generator import maps
from generator.model import build_site
from generator.validate import validate_folder


def site():
    return build_site(validate_folder(ROOT).project)


def test_same_input_same_bytes():
    one, _ = maps.render_maps(site())
    two, _ = maps.render_maps(site())
    assert [(f.path, f.content) for f in one] == [(f.path, f.content) for f in two]


def test_no_cdn_and_configurable_tiles():
    files, _ = maps.render_maps(site(), maps.Tiles("https://tiles.example/{z}/{x}/{y}.png", "© Voorbeeld"))
    html = [f.content for f in files if f.path.endswith(".html")]
    for doc in html:
        assert "cdn" not in doc and "jquery" not in doc and "bootstrap" not in doc
        assert "https://tiles.example/{z}/{x}/{y}.png" in doc
        assert "tile.openstreetmap.org" not in doc
    files, _ = maps.render_maps(site(), maps.Tiles(None))
    assert not any("L.tileLayer" in f.content for f in files if f.path.endswith(".html"))


def test_confidential_locations_are_in_no_map_file():
    s = site()
    secret = [(loc.lat, loc.lon, loc.straat) for p in s.partners for loc in p.locaties if loc.vertrouwelijk]
    assert secret
    files, site_maps = maps.render_maps(s)
    blobs = "\\n".join(f.content for f in files if isinstance(f.content, str))
    for lat, lon, street in secret:
        if lat is not None:
            assert f"{lat:.4f}" not in blobs
        if street:
            assert street not in blobs
    data = [json.loads(f.content) for f in files if f.path.endswith(".json")]
    for d in data:
        assert all(m[2] < len(d["partners"]) for m in d["markers"])


def test_folium_class_assets_are_left_alone():
    import folium

    maps.render_maps(site())
    assert any("cdn.jsdelivr.net" in url for _, url in folium.Map.default_js)
