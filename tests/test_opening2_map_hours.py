""""Nu open" in the map popups: the per-region hours file (maps.hours_data) that a popup fetches the
first time one opens, instead of the hours inside every map's data (the region map's byte budget)."""

import json
from types import SimpleNamespace

from helpers import ROOT
from generator.render import maps
from generator.model import Hours, PhoneLine, build_site
from generator.validate.pipeline import validate_folder

OFFICE = {"openingsuren": [{"dagen": ["ma"], "van": "09:00", "tot": "12:00"}]}
LINE = {"naam": "Lijn", "telefoon": "1712", "openingsuren": [{"dagen": ["di"], "van": "20:00", "tot": "02:00"}]}


def _loc(lat, lon, hours=None, public=True):
    return SimpleNamespace(public=public, lat=lat, lon=lon, hours=Hours.of(hours or {}))


def _partner(pid, locations, lines=()):
    return SimpleNamespace(id=pid, locaties=locations, telefoonlijnen=[PhoneLine.of(line) for line in lines])


def test_hours_written_once_per_kind_and_per_location_when_they_differ():
    data = maps.hours_data([
        _partner("a", [_loc(51.1, 4.1, OFFICE)]),
        _partner("b", [_loc(51.2, 4.2, OFFICE), _loc(51.3, 4.3, OFFICE)]),  # the same hours: one index
        _partner("c", [_loc(51.4, 4.4, {"dag_en_nacht": True}), _loc(51.5, 4.5)]),  # the second has none
        _partner("d", [_loc(51.6, 4.6)]),  # no hours at all: not in the file ("Geen uren gekend")
    ])
    assert data["uren"] == [OFFICE, {"dag_en_nacht": True}]
    assert data["partners"] == {"a": 0, "b": 0, "c": [[51.4, 4.4, 1], [51.5, 4.5, -1]]}


def test_phone_line_hours_when_no_location_has_hours_and_never_a_confidential_location():
    data = maps.hours_data([
        _partner("lijn", [_loc(51.1, 4.1)], [LINE]),
        _partner("geheim", [_loc(51.2, 4.2, OFFICE, public=False)]),
        _partner("zonder-plaats", [_loc(None, None, OFFICE)]),
    ])
    assert data["partners"] == {"lijn": 0}
    assert data["uren"] == [{"openingsuren": LINE["openingsuren"]}]


def test_every_map_with_markers_names_its_region_hours_file():
    site = build_site(validate_folder(ROOT).project)
    files, site_maps = maps.render_maps(site)
    by_path = {f.path: f.content for f in files}
    for m in site_maps:
        data = m.read(by_path[m.data_path])
        assert data["uren"] in {f"uren/{r.id}.json" for r in site.regions}, m.name
        hours = json.loads(by_path["kaarten/" + data["uren"]])
        # every partner with hours on this map is in the file its popups fetch
        for person in data["partners"]:
            partner = site.partner(person[1])
            if any(loc.hours for loc in partner.locaties if loc.public):
                assert person[1] in hours["partners"], (m.name, person[1])
    assert "uren" not in json.loads(by_path["kaarten/mijn-netwerk.json"])
    # per location: the CAW in Dendermonde and its consultation hour in Zele keep their own hours
    dender = json.loads(by_path["kaarten/uren/dender.json"])
    caw = site.partner("caw-onthaal-dendermonde")
    spots = [loc for loc in caw.locaties if loc.public and loc.lat is not None]
    assert [dender["uren"][i] for _, _, i in dender["partners"][caw.id]] == [loc.hours.to_data() for loc in spots]
