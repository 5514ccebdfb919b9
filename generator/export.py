"""Open-data exports: JSON (the records), CSV (one row per partner), GeoJSON (public locations).

Confidential locations are left out of every export.
"""

from __future__ import annotations

import copy
import csv
import io
import json

from . import urls
from .model import KIND_LABELS
from .project import Project

CSV_COLUMNS = ["id", "regio", "naam", "soort", "levensdomeinen", "korte_beschrijving", "telefoon", "email",
               "website", "adressen", "postcodes", "gemeenten", "talen", "kostprijs", "aanmelden_via",
               "beroepsgeheim", "brede_instap", "nagekeken_datum", "nagekeken_door"]


def _public(data: dict) -> dict:
    """A copy of a partner record without confidential locations."""
    record = copy.deepcopy(data)
    if "locaties" in record:
        record["locaties"] = [loc for loc in record["locaties"] if not loc.get("vertrouwelijk")]
    return record


def partners(project: Project) -> list[tuple[str, dict]]:
    return sorted(((r.region, _public(r.doc.data)) for r in project.of_kind("partner")), key=lambda x: x[1]["id"])


def to_json(project: Project) -> str:
    items = [{"regio": region, **data} for region, data in partners(project)]
    return json.dumps({"partners": items}, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def to_csv(project: Project) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for region, d in partners(project):
        locations = d.get("locaties", [])
        contact = d.get("contact", {})
        writer.writerow({
            "id": d["id"], "regio": region, "naam": d["naam"], "soort": d["soort"],
            "levensdomeinen": ";".join(d["levensdomeinen"]), "korte_beschrijving": d["korte_beschrijving"],
            "telefoon": contact.get("telefoon", ""), "email": contact.get("email", ""),
            "website": contact.get("website", ""),
            "adressen": ";".join(loc["adres"].get("straat", "") for loc in locations),
            "postcodes": ";".join(str(loc["adres"]["postcode"]) for loc in locations),
            "gemeenten": ";".join(loc["adres"]["gemeente"] for loc in locations),
            "talen": ";".join(d.get("talen", [])), "kostprijs": d["aanmelden"].get("kostprijs", ""),
            "aanmelden_via": ";".join(d["aanmelden"]["via"]),
            "beroepsgeheim": str(d["beroepsgeheim"]).lower(), "brede_instap": str(d.get("brede_instap", False)).lower(),
            "nagekeken_datum": d["nagekeken"]["datum"], "nagekeken_door": d["nagekeken"]["door"],
        })
    return out.getvalue()


def to_geojson(project: Project, site_url: str = "") -> str:
    features = []
    for region, d in partners(project):
        for i, loc in enumerate(d.get("locaties", [])):
            coords = loc.get("coordinaten")
            if not coords:
                continue
            address = loc["adres"]
            features.append({
                "type": "Feature",
                "id": f"{d['id']}-{i + 1}",
                "geometry": {"type": "Point", "coordinates": [coords["lon"], coords["lat"]]},
                "properties": {
                    "partner": d["id"], "naam": d["naam"], "locatie": loc.get("naam", ""), "regio": region,
                    "soort": KIND_LABELS[d["soort"]], "levensdomeinen": d["levensdomeinen"],
                    "adres": f"{address.get('straat', '')}, {address['postcode']} {address['gemeente']}".strip(", "),
                    "telefoon": d.get("contact", {}).get("telefoon", ""),
                    "url": site_url + urls.partner(d["id"]),
                },
            })
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n"


FORMATS = {"json": ("partners.json", to_json), "csv": ("partners.csv", to_csv),
           "geojson": ("locaties.geojson", lambda project: to_geojson(project))}
