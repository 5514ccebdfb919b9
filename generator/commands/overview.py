"""The coordinators' overview (`netwerkkaart report`): per region, what to do first.

Ordered by what a coordinator has to decide: what blocks publishing (errors: the site is not
updated until they are fixed), then what is stale, then what a family would miss most (no way to
get in touch, no phone, no address on the map). Optional fields make a partner "onvolledig" only
when the region asks for them (``verplichte_velden`` in regio.yml).

Built from a validation result; printing is separate (text, JSON, Markdown for an e-mail).
"""

from __future__ import annotations

import datetime
import json
from typing import TextIO

from .. import problemformat
from ..model import STALE_AFTER_DAYS
from ..validate.pipeline import Result

# Optional fields a region can make required for its report (regio.yml: verplichte_velden), with
# how the report names them. The schema's enum is this list (tests/test_overview.py checks it).
OPTIONAL = {
    "beschrijving": "beschrijving",
    "doelgroep": "doelgroep",
    "talen": "talen",
    "aanmelden.wie": "wie mag aanmelden",
    "aanmelden.wat_volgt": "wat volgt na de aanmelding",
    "aanmelden.wachttijd": "wachttijd",
    "aanmelden.kostprijs": "kostprijs",
    "aanmelden.formulier": "aanmeldformulier",
    "contact.telefoon": "telefoon",
    "contact.email": "e-mail",
    "contact.website": "website",
    "locaties": "adres",
}

# What a family misses, most important first: (key, how the report says it, weight for the order).
MISSES = [
    ("geen_contact", "geen manier om contact op te nemen of aan te melden (telefoon, e-mail, chat of formulier)", 4),
    ("geen_telefoon", "geen telefoonnummer", 2),
    ("geen_adres", "geen openbaar adres (niet op de kaart)", 1),
]


def _get(data: dict, dotted: str) -> object:
    for part in dotted.split("."):
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _misses(data: dict) -> list[str]:
    contact = data.get("contact") or {}
    signup = data.get("aanmelden") or {}
    found = []
    if not any(contact.get(k) for k in ("telefoon", "email", "chat")) and not signup.get("formulier"):
        found.append("geen_contact")
    if not contact.get("telefoon"):
        found.append("geen_telefoon")
    if not any(not loc.get("vertrouwelijk") for loc in data.get("locaties", [])):
        found.append("geen_adres")
    return found


def build(result: Result, today: datetime.date | None = None) -> dict:
    today = today or datetime.date.today()
    regions: dict[str, dict] = {}
    names = {r.region: r.doc.data.get("naam") for r in result.project.of_kind("regio") if r.doc}
    policy = {r.region: [f for f in r.doc.data.get("verplichte_velden", []) if f in OPTIONAL]
              for r in result.project.of_kind("regio") if r.doc}

    def region(rid: str | None) -> dict:
        key = rid or "(geen regio)"
        return regions.setdefault(key, {
            "naam": names.get(rid) or key, "partners": 0, "verplichte_velden": policy.get(rid, []),
            "blokkeert_publicatie": [], "niet_nagekeken": [], "mist_voor_gezinnen": [], "onvolledig": []})

    for rid in names:
        region(rid)
    weight = {key: w for key, _, w in MISSES}
    for record in result.project.of_kind("partner"):
        data = record.doc.data
        entry = region(record.region)
        entry["partners"] += 1
        checked = datetime.date.fromisoformat(data["nagekeken"]["datum"])
        days = (today - checked).days
        if days > STALE_AFTER_DAYS:
            entry["niet_nagekeken"].append({"bestand": record.path, "naam": data["naam"],
                                            "nagekeken": data["nagekeken"]["datum"], "dagen": days})
        misses = _misses(data)
        if misses:
            entry["mist_voor_gezinnen"].append({"bestand": record.path, "naam": data["naam"], "mist": misses,
                                                "gewicht": sum(weight[m] for m in misses)})
        missing = [OPTIONAL[key] for key in entry["verplichte_velden"] if not _get(data, key)]
        if missing:
            entry["onvolledig"].append({"bestand": record.path, "naam": data["naam"], "ontbreekt": missing})
    by_path = {r.path: r.region for r in result.project.records}
    for p in result.errors:
        region(by_path.get(p.file))["blokkeert_publicatie"].append(
            problemformat.as_dict(p, severity=False))
    for entry in regions.values():
        entry["blokkeert_publicatie"].sort(key=lambda x: (x["bestand"], x["regel"], x["kolom"], x["code"]))
        entry["niet_nagekeken"].sort(key=lambda x: (-x["dagen"], x["naam"]))
        entry["mist_voor_gezinnen"].sort(key=lambda x: (-x["gewicht"], x["naam"]))
        entry["onvolledig"].sort(key=lambda x: (-len(x["ontbreekt"]), x["naam"]))
    return {"datum": today.isoformat(), "regios": dict(sorted(regions.items()))}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _date(iso: str) -> str:
    from ..render.pages import dutch_date

    return dutch_date(iso)


_MISS_TEXT = {key: text for key, text, _ in MISSES}

# (key, title, what to do, one line per item): in the order a coordinator handles them.
SECTIONS = [
    ("blokkeert_publicatie", "Houdt de publicatie tegen",
     "Zolang deze fouten er zijn, wordt de site niet bijgewerkt. Los ze eerst op.",
     lambda x, md: problemformat.summary(x, markdown=md)),
    ("niet_nagekeken", f"Meer dan {STALE_AFTER_DAYS // 365 * 12} maanden niet nagekeken",
     "Kloppen deze gegevens nog? Kijk ze na en zet de datum bij 'nagekeken' op vandaag.",
     lambda x, md: f"{_name(x, md)}: nagekeken op {_date(x['nagekeken'])} ({x['dagen']} dagen geleden)"),
    ("mist_voor_gezinnen", "Wat gezinnen missen",
     "Een gezin vindt deze partners moeilijker: vul aan wat ontbreekt, het belangrijkste eerst.",
     lambda x, md: f"{_name(x, md)}: {', '.join(_MISS_TEXT[m] for m in x['mist'])}"),
    ("onvolledig", "Onvolledig volgens de afspraken van de regio",
     "Deze velden zijn voor de regio verplicht (verplichte_velden in regio.yml).",
     lambda x, md: f"{_name(x, md)}: ontbreekt {', '.join(x['ontbreekt'])}"),
]


def _code(text: str, md: bool) -> str:
    return f"`{text}`" if md else text


def _name(x: dict, md: bool) -> str:
    name = x["naam"].replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_") if md else x["naam"]
    return f"**{name}** ({_code(x['bestand'], md)})" if md else f"{name} ({x['bestand']})"


def _sections(entry: dict):
    for key, title, todo, line in SECTIONS:
        if key == "onvolledig" and not entry["verplichte_velden"]:
            continue  # the region asks for no optional fields: nothing can be incomplete
        yield key, title, todo, line


def text(report: dict, out: TextIO) -> None:
    out.write(f"Overzicht op {_date(report['datum'])}\n")
    for entry in report["regios"].values():
        out.write(f"\n== {entry['naam']}: {_count(entry['partners'], 'partner', 'partners')} ==\n")
        for key, title, todo, line in _sections(entry):
            out.write(f"{title}: {len(entry[key])}\n")
            for item in entry[key]:
                out.write(f"  - {line(item, False)}\n")


def markdown(report: dict, out: TextIO) -> None:
    """Ready to paste into an e-mail: per region, what to do first; empty parts left out."""
    out.write(f"# Overzicht Netwerkkaart, {_date(report['datum'])}\n")
    for entry in report["regios"].values():
        out.write(f"\n## {entry['naam']} ({_count(entry['partners'], 'partner', 'partners')})\n")
        shown = False
        for key, title, todo, line in _sections(entry):
            items = entry[key]
            if not items:
                continue
            shown = True
            out.write(f"\n### {title} ({len(items)})\n\n{todo}\n\n")
            for item in items:
                out.write(f"- {line(item, True)}\n".replace("|", "\\|"))
        if not shown:
            out.write("\nAlles in orde: geen fouten, alles recent nagekeken, niets dat gezinnen missen.\n")


def as_json(report: dict, out: TextIO) -> None:
    json.dump(report, out, ensure_ascii=False, indent=2)
    out.write("\n")


FORMATS = {"text": text, "json": as_json, "markdown": markdown}
