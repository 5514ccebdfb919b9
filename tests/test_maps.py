"""Map documents without a browser: self-hosted, deterministic, private."""

import json

from helpers import ROOT
from generator.render import maps
from generator.model import build_site
from generator.validate.pipeline import validate_folder


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
    assert len(html) == 1  # one document for every map
    files, _ = maps.render_maps(site(), maps.Tiles(None))
    assert not any("L.tileLayer" in f.content for f in files if f.path.endswith(".html"))


def test_confidential_locations_are_in_no_map_file():
    """A partner with only a confidential address is on no map; every marker is a public location."""
    s = site()
    hidden = [p.id for p in s.partners if p.locaties and all(loc.vertrouwelijk for loc in p.locaties)]
    assert hidden  # the example data has shelters
    public = {(round(loc.lat, 5), round(loc.lon, 5)) for p in s.partners for loc in p.locaties
              if loc.public and loc.lat is not None}
    files, _ = maps.render_maps(s)
    checked = 0
    for f in files:
        if f.path.startswith("kaarten/uren/"):  # "nu open" in the popups: public locations only
            data = json.loads(f.content)
            assert not set(data["partners"]) & set(hidden), f.path
            assert {(x[0], x[1]) for v in data["partners"].values() if isinstance(v, list) for x in v} <= public
            continue
        if f.path.endswith(".json") and not f.path.startswith("kaarten/grenzen/"):
            found = json.loads(f.content)
            for data in found["kaarten"].values() if "kaarten" in found else [found]:  # partners' maps: shared files
                checked += 1
                assert not {person[1] for person in data["partners"]} & set(hidden), f.path
                assert {(m[0], m[1]) for m in data["markers"]} <= public, f.path
                assert all(m[2] < len(data["partners"]) for m in data["markers"])
    assert checked > len(s.partners) // 2


def test_every_map_names_its_data_and_borders():
    """Each page's map is kaart.html?d=<name> (a partner's: &p=<id>, its entry); <name>.json exists, and
    so do the borders it names; a partner's shared file is of its region, and holds only partners with a map."""
    s = site()
    files, site_maps = maps.render_maps(s)
    by_path = {f.path: f.content for f in files}
    assert {m.page_url for m in site_maps} >= {f"{r.id}/" for r in s.regions}
    picked = [m for m in site_maps if m.pick]
    assert picked and all(m.name.startswith(f"partner/{s.partner(m.pick).region}/") for m in picked)
    for m in site_maps:
        data = json.loads(by_path[m.data_path])
        if m.pick:
            assert m.query == f"?d={m.name}&p={m.pick}" and len(data["kaarten"]) <= maps.BUNDLE
            data = data["kaarten"][m.pick]
        assert data["titel"] == m.title and len(data["markers"]) == m.markers
        assert f"kaarten/{data['grenzen']}" in by_path
        (south, west), (north, east) = data["bounds"]
        assert 50.6 < south <= north < 51.6 and 2.5 < west <= east < 6.0
    borders = json.loads(by_path["kaarten/grenzen/dender.json"])
    assert {f["properties"]["nis"] for f in borders["features"]} == {m.nis for m in s.region("dender").municipalities}


def test_folium_class_assets_are_left_alone():
    import folium

    maps.render_maps(site())
    assert any("cdn.jsdelivr.net" in url for _, url in folium.Map.default_js)
