"""The coordinators' overview: per region, what is stale, incomplete, off the map or broken.

Built from a validation result; printing is separate (text, JSON, Markdown).
"""

from __future__ import annotations

import datetime
import json
from typing import TextIO

from .model import STALE_AFTER_DAYS
from .validate import Result

# Fields a family needs that the schema does not require.
WANTED = {
    "talen": "talen",
    "doelgroep": "doelgroep",
    "aanmelden.wie": "wie mag aanmelden",
    "aanmelden.wachttijd": "wachttijd",
    "aanmelden.kostprijs": "kostprijs",
    "contact.telefoon": "telefoon",
}


def _get(data: dict, dotted: str) -> object:
    for part in dotted.split("."):
        data = data.get(part) if isinstance(data, dict) else None
    return data


def build(result: Result, today: datetime.date | None = None) -> dict:
    today = today or datetime.date.today()
    regions: dict[str, dict] = {}

    def region(name: str | None) -> dict:
        return regions.setdefault(name or "(geen regio)", {"partners": 0, "niet_nagekeken": [], "onvolledig": [],
                                                          "zonder_openbaar_adres": [], "problemen": []})

    for record in result.project.of_kind("partner"):
        data = record.doc.data
        entry = region(record.region)
        entry["partners"] += 1
        checked = datetime.date.fromisoformat(data["nagekeken"]["datum"])
        days = (today - checked).days
        if days > STALE_AFTER_DAYS:
            entry["niet_nagekeken"].append({"bestand": record.path, "naam": data["naam"],
                                            "nagekeken": data["nagekeken"]["datum"], "dagen": days})
        missing = [label for key, label in WANTED.items() if not _get(data, key)]
        if missing:
            entry["onvolledig"].append({"bestand": record.path, "naam": data["naam"], "ontbreekt": missing})
        if not any(not loc.get("vertrouwelijk") for loc in data.get("locaties", [])):
            entry["zonder_openbaar_adres"].append({"bestand": record.path, "naam": data["naam"]})
    by_path = {r.path: r.region for r in result.project.records}
    for p in result.errors:
        region(by_path.get(p.file))["problemen"].append(
            {"bestand": p.file, "regel": p.line, "code": p.code, "melding": p.message})
    for entry in regions.values():
        entry["niet_nagekeken"].sort(key=lambda x: -x["dagen"])
    return {"datum": today.isoformat(), "regios": dict(sorted(regions.items()))}


SECTIONS = [
    ("niet_nagekeken", "Meer dan 12 maanden niet nagekeken",
     lambda x: f"{x['naam']} ({x['bestand']}): nagekeken op {x['nagekeken']}, {x['dagen']} dagen geleden"),
    ("onvolledig", "Onvolledig", lambda x: f"{x['naam']} ({x['bestand']}): ontbreekt {', '.join(x['ontbreekt'])}"),
    ("zonder_openbaar_adres", "Zonder openbaar adres (niet op de kaart)", lambda x: f"{x['naam']} ({x['bestand']})"),
    ("problemen", "Fouten (ook gebroken verwijzingen)", lambda x: f"{x['bestand']}:{x['regel']}: {x['code']} {x['melding']}"),
]


def text(report: dict, out: TextIO) -> None:
    out.write(f"Overzicht op {report['datum']}\n")
    for name, entry in report["regios"].items():
        out.write(f"\n== {name}: {entry['partners']} partners ==\n")
        for key, title, line in SECTIONS:
            out.write(f"{title}: {len(entry[key])}\n")
            for item in entry[key]:
                out.write(f"  - {line(item)}\n")


def markdown(report: dict, out: TextIO) -> None:
    out.write(f"# Overzicht op {report['datum']}\n")
    for name, entry in report["regios"].items():
        out.write(f"\n## {name} ({entry['partners']} partners)\n")
        for key, title, line in SECTIONS:
            out.write(f"\n### {title}: {len(entry[key])}\n\n")
            for item in entry[key]:
                out.write(f"- {line(item)}\n".replace("|", "\\|"))


def as_json(report: dict, out: TextIO) -> None:
    json.dump(report, out, ensure_ascii=False, indent=2)
    out.write("\n")


FORMATS = {"text": text, "json": as_json, "markdown": markdown}
