"""Maps with folium: one HTML document for every map (``kaarten/kaart.html``), embedded in pages
with an <iframe> whose address names the map's data: ``kaart.html?d=regio/<regio>``; a partner's map
is one entry of a shared file, ``kaart.html?d=partner/<regio>/<n>&p=<id>`` (see partner_bundles).

Why this shape: folium output inlined in a page breaks on mkdocs-material's instant navigation,
an iframe does not; a map is a small JSON file and the borders are written once per region (the
measurements behind this: docs/over-snelheid.md). folium's default assets come from four CDNs; here
every map uses the self-hosted Leaflet and MarkerCluster from the XStatic packages
and nothing else. Text never goes through folium's popups (they put text into JS
template literals); the markers come from a JSON file that ``netwerkkaart-kaart.js``
turns into DOM nodes with ``textContent``. Confidential locations are never written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from ..load import geo
from ..topics import hours, urls
from ..model import Hours, Partner, Region, Site

MAPS = urls.MAPS
ASSETS = "assets/kaart"
DOCUMENT = urls.MAP_DOCUMENT
# The map's name from ?d= and the partner from ?p=, checked (only our own names: ids, at most three
# parts), and its data asked for (of a shared file of partner maps: the partner's entry).
EARLY_FETCH = """<script>(function () {
  var query = new URLSearchParams(location.search), name = query.get("d") || "", pick = query.get("p") || "";
  var id = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  if (/^[a-z0-9]+(-[a-z0-9]+)*(\\/[a-z0-9]+(-[a-z0-9]+)*){0,2}$/.test(name) && (!pick || id.test(pick))) {
    window.nkMapName = name;
    window.nkMapData = fetch(name + ".json").then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (data) {
      if (!pick) return data;
      if (!data.kaarten || !Object.prototype.hasOwnProperty.call(data.kaarten, pick)) throw new Error(pick);
      return data.kaarten[pick];
    });
    window.nkMapData.catch(function () {});
  }
})();</script>"""
# Partner maps per region in shared files of this many partners: one file per partner was 10,000 files
# at 10,000 partners (half of what a build wrote); a partner page fetches its file's 64 entries (about
# 20 KB, 5 KB compressed) instead of one.
BUNDLE = 64
# "Nu open" in the popups: the region's hours (kaarten/uren/<regio>.json) and nk-open.js are fetched
# when the first popup opens, not with the map (see hours_data).
HOURS = "uren"
OPEN_SCRIPTS = ("assets/netwerkkaart/nk-open.js", hours.HOLIDAYS_ASSET)
DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers'


@dataclass(frozen=True)
class Tiles:
    url: str | None = DEFAULT_TILES  # None: no background map at all
    attribution: str = DEFAULT_ATTRIBUTION


@dataclass(frozen=True)
class MapFile:
    path: str  # site-relative
    content: str | bytes


def asset_files() -> list[MapFile]:
    """Leaflet, MarkerCluster and our map script, served from the site itself."""
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as cluster

    files = []
    for name in ("leaflet.js", "leaflet.css"):
        files.append(MapFile(f"{ASSETS}/{name}", (Path(leaflet.BASE_DIR) / name).read_bytes()))
    for image in sorted((Path(leaflet.BASE_DIR) / "images").glob("*.png")):
        files.append(MapFile(f"{ASSETS}/images/{image.name}", image.read_bytes()))
    for name in ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"):
        files.append(MapFile(f"{ASSETS}/{name}", (Path(cluster.BASE_DIR) / name).read_bytes()))
    own = resources.files("generator") / "kaart"
    for name in ("netwerkkaart-kaart.js", "netwerkkaart-kaart.css"):
        files.append(MapFile(f"{ASSETS}/{name}", (own / name).read_bytes()))
    return files


class _Layer(MacroElement):
    """Loads the map's JSON (named by ``?d=`` in the address) and draws it with netwerkkaart-kaart.js."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        NetwerkkaartKaart.show({{ this._parent.get_name() }}, {{ this.options|tojson }});
        {% endmacro %}
    """)

    def __init__(self, options: dict):
        super().__init__()
        self._name = "NetwerkkaartLayer"
        self.options = options


def map_data(site: Site, region: Region, partners: list[Partner], nis_codes: set[str] | None = None) -> dict:
    """Compact JSON for one map's markers: partners once ([name, id, phone, domain indexes]), markers as
    [lat, lon, partner index] and domain names. About 60 bytes per partner plus 22 per marker.

    Only public locations with coordinates; ``nis_codes`` limits the markers to those municipalities.
    """
    domain_index = {d.id: i for i, d in enumerate(region.life_domains)}
    people, markers = [], []
    for partner in partners:
        spots = [loc for loc in partner.locaties if loc.public and loc.lat is not None
                 and (nis_codes is None or loc.nis in nis_codes)]
        if not spots:
            continue
        index = len(people)
        people.append([partner.naam, partner.id, partner.contact.telefoon or "",
                       [domain_index[d] for d in partner.levensdomeinen if d in domain_index]])
        markers += [[round(loc.lat, 5), round(loc.lon, 5), index] for loc in spots]
    return {"domeinen": [d.naam for d in region.life_domains], "partners": people, "markers": markers}


def hours_data(partners: list[Partner]) -> dict:
    """The hours of every public location on a region's maps, for "nu open" in their popups.

    Not in the map data itself: at 10,000 partners the region map is close to its byte budget, and a
    popup needs only one location's hours. So the popup fetches this file (one per region, cached by
    the browser across the region's maps) the first time one opens. Each distinct hours object is
    written once (``uren``); per partner id the index of its hours, or, when its locations differ,
    ``[lat, lon, index]`` per location (-1: no hours). A location without hours of its own shows the
    partner's phone line's hours, as cards do, when none of its public locations has hours.
    """
    from .pages import primary_hours  # (pages builds on this module's neighbours; not at import time)

    table: list[dict] = []
    seen: dict[str, int] = {}
    people: dict[str, object] = {}
    for partner in partners:
        spots = [loc for loc in partner.locaties if loc.public and loc.lat is not None]
        if not spots or partner.id in people:
            continue
        fallback = Hours() if any(loc.hours for loc in partner.locaties if loc.public) else primary_hours(partner)
        picks = []
        for loc in spots:
            found = (loc.hours or fallback).to_data()
            if not found:
                picks.append(-1)
                continue
            key = hours.json_text(found)
            if key not in seen:
                seen[key] = len(table)
                table.append(found)
            picks.append(seen[key])
        if all(i < 0 for i in picks):
            continue
        people[partner.id] = (picks[0] if len(set(picks)) == 1 else
                              [[round(loc.lat, 5), round(loc.lon, 5), i] for loc, i in zip(spots, picks)])
    return {"uren": table, "partners": people}


def selection_data(site: Site) -> dict:
    """Markers of every partner, for the "Mijn netwerk" map: the page shows only the picked ones.

    One file for everyone, so fetching it says nothing about who was picked."""
    people, markers = [], []
    for partner in site.partners:
        spots = [loc for loc in partner.locaties if loc.public and loc.lat is not None]
        if spots:
            index = len(people)
            people.append([partner.naam, partner.id, partner.contact.telefoon or "", []])
            markers += [[round(loc.lat, 5), round(loc.lon, 5), index] for loc in spots]
    return {"domeinen": [], "partners": people, "markers": markers}


def region_borders(region: Region) -> dict:
    codes = {m.nis for m in region.municipalities}
    return {"type": "FeatureCollection", "features": [f for f in geo.borders()["features"] if f["properties"]["nis"] in codes]}


def _bounds(data: dict, features: list[dict], highlight: str | None, around_markers: bool = False) -> list[list[float]]:
    features = [] if around_markers and data["markers"] else features
    if highlight:
        features = [f for f in features if f["properties"]["nis"] == highlight] or features
    points = []
    for f in features:
        g = f["geometry"]
        polygons = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        points += [pt for poly in polygons for pt in poly[0]]
    points += [[m[1], m[0]] for m in data["markers"]]
    if not points:
        return [[50.7, 2.5], [51.5, 5.9]]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    pad = 0.01 if around_markers else 0.0  # about 1 km around a single location
    return [[round(min(lats) - pad, 5), round(min(lons) - pad, 5)], [round(max(lats) + pad, 5), round(max(lons) + pad, 5)]]


def render_document(tiles: Tiles) -> str:
    """The one HTML document every map uses (``kaarten/kaart.html?d=<data>``), made with folium once.

    What a map shows comes from its JSON file: rendering a folium document per map cost about 10 ms
    each, which at 10,000 partners was most of the build."""
    # Flanders until the map's data says where (then without animation, so markers stay put); no
    # background tiles before that (netwerkkaart-kaart.js adds them after fitBounds).
    m = folium.Map(location=[51.0, 4.4], zoom_start=8, tiles=None, control_scale=False, prefer_canvas=False,
                   zoom_control=True)
    # Instance attributes: folium's class-level asset lists (CDNs) stay untouched for everyone else.
    m.default_js = [("leaflet", f"../{ASSETS}/leaflet.js"),
                    ("markercluster", f"../{ASSETS}/leaflet.markercluster.js"),
                    ("netwerkkaart", f"../{ASSETS}/netwerkkaart-kaart.js")]
    m.default_css = [("leaflet_css", f"../{ASSETS}/leaflet.css"), ("cluster_css", f"../{ASSETS}/MarkerCluster.css"),
                     ("cluster_default_css", f"../{ASSETS}/MarkerCluster.Default.css"),
                     ("netwerkkaart_css", f"../{ASSETS}/netwerkkaart-kaart.css")]
    # The background map is added by netwerkkaart-kaart.js once the view is known (no Referer).
    background = {"url": tiles.url, "attribution": tiles.attribution} if tiles.url else None
    _Layer({"tiles": background, "partnerUrl": urls.partner("{id}"),
            "openScripts": [f"../{path}" for path in OPEN_SCRIPTS]}).add_to(m)
    root = m.get_root()
    root.header.add_child(Element("<title>Kaart</title>"), name="title")
    root.header.add_child(Element('<link rel="icon" href="data:,">'), name="icon")  # no favicon request
    # Ask for the map's data first, while Leaflet itself still loads (netwerkkaart-kaart.js uses it).
    root.header.add_child(Element(EARLY_FETCH), name="early", index=0)
    # Stable ids: folium draws them from urandom, which would make every build differ.
    for number, element in enumerate(_walk(root)):
        element._id = f"{number:04d}"
    html = root.render()
    html = html.replace("<html>", '<html lang="nl">', 1)
    # folium disables pinch zoom (maximum-scale=1.0, user-scalable=no); people with low vision need it.
    html = html.replace("initial-scale=1.0, maximum-scale=1.0, user-scalable=no", "initial-scale=1.0")
    return html


def _walk(element):
    yield element
    for child in list(element._children.values()):
        yield from _walk(child)


@dataclass(frozen=True)
class SiteMap:
    page_url: str  # the page that shows the map
    name: str  # its data is kaarten/<name>.json; the iframe shows kaarten/kaart.html?d=<name>
    title: str
    markers: int
    pick: str | None = None  # a partner's map: its entry in that file (kaarten/<name>.json "kaarten")

    @property
    def data_path(self) -> str:
        return f"{MAPS}/{self.name}.json"

    def read(self, content: str | bytes) -> dict:
        """This map's data, from the content of its file (a partner's map: its entry)."""
        found = json.loads(content)
        return found["kaarten"][self.pick] if self.pick else found

    @property
    def query(self) -> str:
        """What follows kaart.html: ?d=<name>, and &p=<id> for a partner's map."""
        return f"?d={self.name}" + (f"&p={self.pick}" if self.pick else "")


def partner_bundles(site: Site) -> dict[str, str]:
    """Per partner with a map (a public location with coordinates), the name of its shared file:
    partner/<regio>/<n>, the region's such partners in the model's order, BUNDLE per file."""
    found: dict[str, str] = {}
    for region in site.regions:
        mapped = [p for p in site.partners_of(region.id)
                  if any(loc.public and loc.lat is not None for loc in p.locaties)]
        found.update((p.id, f"partner/{region.id}/{i // BUNDLE + 1}") for i, p in enumerate(mapped))
    return found


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def render_maps(site: Site, tiles: Tiles = Tiles()) -> tuple[list[MapFile], list[SiteMap]]:
    """The map document, every map's data and the region borders, plus which page embeds which map.

    Data files: ``kaarten/regio/<regio>.json``, ``kaarten/gemeente/<regio>/<gemeente>.json``,
    ``kaarten/partner/<regio>/<n>.json`` (partner_bundles), ``kaarten/mijn-netwerk.json``; borders once per region in
    ``kaarten/grenzen/<regio>.json`` (the browser caches them across pages)."""
    files: list[MapFile] = [MapFile(DOCUMENT, render_document(tiles))]
    maps: list[SiteMap] = []
    bundle_of = partner_bundles(site)
    borders: dict[str, list[dict]] = {}

    def entry(title: str, data: dict, region: Region | None, highlight: str | None = None,
              around_markers: bool = False, picked_only: bool = False) -> dict:
        features = borders[region.id] if region else []
        data = {"titel": title, "grenzen": f"grenzen/{region.id}.json" if region else None, "highlight": highlight,
                "pickedOnly": picked_only, "bounds": _bounds(data, features, highlight, around_markers), **data}
        if region and data["markers"]:
            data["uren"] = f"{HOURS}/{region.id}.json"  # "nu open" in the popups (hours_data)
        return data

    def add(page_url: str, name: str, title: str, data: dict, region: Region | None, highlight: str | None = None,
            around_markers: bool = False, picked_only: bool = False) -> None:
        data = entry(title, data, region, highlight, around_markers, picked_only)
        files.append(MapFile(f"{MAPS}/{name}.json", _json(data)))
        if page_url is not None:
            maps.append(SiteMap(page_url, name, title, len(data["markers"])))

    for region in site.regions:
        border = region_borders(region)
        borders[region.id] = border["features"]
        files.append(MapFile(f"{MAPS}/grenzen/{region.id}.json", _json(border)))
        partners = list(site.partners_of(region.id))
        add(urls.region(region.id), f"regio/{region.id}", f"Kaart van {region.naam}", map_data(site, region, partners),
            region)
        on_maps = list(partners)  # everyone on this region's maps, also a neighbour's partner with an address here
        for municipality in region.municipalities:
            here = list(site.located_in(municipality))
            on_maps += here
            add(urls.municipality(region.id, municipality.id), f"gemeente/{region.id}/{municipality.id}",
                f"Kaart van {municipality.naam}", map_data(site, region, here, {municipality.nis}), region,
                highlight=municipality.nis)
        files.append(MapFile(f"{MAPS}/{HOURS}/{region.id}.json", _json(hours_data(on_maps))))
    _coverage_maps(site, add)
    add(None, "mijn-netwerk", "Kaart van mijn netwerk", selection_data(site), None, around_markers=True,
        picked_only=True)
    bundles: dict[str, dict[str, dict]] = {}
    for partner in site.partners:
        region = site.region(partner.region)
        data = map_data(site, region, [partner])
        if data["markers"]:
            name, title = bundle_of[partner.id], f"Kaart van {partner.naam}"
            bundles.setdefault(name, {})[partner.id] = entry(title, data, region, around_markers=True)
            maps.append(SiteMap(urls.partner(partner.id), name, title, len(data["markers"]), pick=partner.id))
    files += [MapFile(f"{MAPS}/{name}.json", _json({"kaarten": entries})) for name, entries in bundles.items()]
    return files, maps


def _coverage_maps(site: Site, add) -> None:
    """The shaded coverage maps, one per region and levensdomein (the coverage page embeds them)."""
    from .coverage import region_coverage
    from .coverage_page import map_data as coverage_data, map_name

    for region in site.regions:
        coverage = region_coverage(site, region)
        for i, domain in enumerate(coverage.domains):
            add(None, map_name(region.id, domain.id), f"Dekking voor {domain.naam} in {region.naam}",
                coverage_data(coverage, i), region)
