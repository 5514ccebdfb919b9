"""New record files for editors: commented, valid against their schema, with editor help.

The first line tells VS Code's YAML extension which schema applies, so it offers the Dutch
titles and descriptions as tooltips, completes field names and marks errors while typing.
"""

from __future__ import annotations

import datetime
import os
from importlib import resources
from pathlib import Path

from .refdata import reference
from .refdata import slug as _slug


class ScaffoldError(Exception):
    """Raised when a file cannot be made; the message is Dutch and says what to do."""


def _schema_line(target: Path, kind: str) -> str:
    schema = Path(str(resources.files("generator") / "schemas" / f"{kind}.schema.json"))
    relative = os.path.relpath(schema, target.parent.resolve()).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={relative}\n"


def _write(target: Path, text: str) -> Path:
    if target.exists():
        raise ScaffoldError(f"{target} bestaat al. Kies een ander id, of pas het bestaande bestand aan.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def new_partner(root: Path, region: str, partner_id: str, name: str | None = None,
                today: datetime.date | None = None) -> Path:
    if not (root / "regions" / region / "regio.yml").is_file():
        raise ScaffoldError(f"De regio '{region}' bestaat niet (regions/{region}/regio.yml ontbreekt).")
    slug = _slug(partner_id)
    if not slug:
        raise ScaffoldError("Geef een id: kleine letters, cijfers en koppeltekens, zoals jeugdhuis-de-kelder.")
    target = root / "partners" / region / f"{slug}.yml"
    today = today or datetime.date.today()
    text = _schema_line(target, "partner") + f'''# Nieuwe partner. Vul aan, controleer met: netwerkkaart validate .
# Uitleg bij elk veld: docs/gegevens.md (of beweeg met de muis over een veld in VS Code).
id: {slug}
naam: "{(name or "Naam van de organisatie").replace('"', "'")}"
# Soort: clb, caw, kind-en-gezin, huis-van-het-kind, sociaal-huis, lop, cgg, jac, kinderopvang,
# onderwijs, gezondheid, werk, wonen, vrije-tijd, vereniging of andere.
soort: andere
korte_beschrijving: Eén of twee zinnen in eenvoudige taal over wat deze partner doet voor een gezin.
# Levensdomeinen: inkomen, wonen, werk, onderwijs, gezondheid, welzijn, opvoeding, kinderopvang,
# vrije-tijd, mobiliteit, rechten, participatie (en wat je regio toevoegt).
levensdomeinen: [opvoeding]
aanmelden:
  via: [zelf]          # zelf, hulpverlener en/of online
  kostprijs: gratis    # gratis, bijdrage, inkomensafhankelijk of betalend
talen: [nl]
werkgebied:
  hele_regio: true     # of: gemeenten: ["42006", "42028"] (NIS-codes)
# locaties:
#   - adres:
#       straat: Markt 1
#       postcode: "9240"
#       gemeente: Zele
#     coordinaten: {{lat: 51.0659, lon: 4.0398}}
contact:
  telefoon: "052 00 00 00"   # tussen aanhalingstekens
beroepsgeheim: false
nagekeken:
  datum: "{today.isoformat()}"
  door: Naam van je dienst
'''
    return _write(target, text)


def new_region(root: Path, region: str, name: str | None = None) -> Path:
    slug = _slug(region)
    if not slug:
        raise ScaffoldError("Geef een id voor de regio, zoals dender.")
    target = root / "regions" / slug / "regio.yml"
    text = _schema_line(target, "regio") + f'''# Nieuwe regio. Voeg daarna gemeenten toe met: netwerkkaart new gemeente --regio {slug} <naam>
id: {slug}
naam: "{(name or f"1 Gezin 1 Plan {slug.title()}").replace('"', "'")}"
korte_beschrijving: Eén of twee zinnen over het netwerk, in eenvoudige taal.
aanmelden:
  # telefoon: "052 00 00 00"
  # email: info@voorbeeld.be
  # formulier: https://www.voorbeeld.be/aanmelden
  wie: Elk gezin, zelf of via een hulpverlener.
  wat_volgt: Een gezinscoach neemt contact op voor een eerste gesprek.
'''
    return _write(target, text)


def new_municipality(root: Path, region: str, name: str) -> Path:
    """A municipality file with its official NIS code and postcodes already filled in."""
    if not (root / "regions" / region / "regio.yml").is_file():
        raise ScaffoldError(f"De regio '{region}' bestaat niet (regions/{region}/regio.yml ontbreekt).")
    ref = reference()
    found = ref.find(name) or ref.find(ref.suggest_name(name) or "")
    if found is None:
        raise ScaffoldError(f"'{name}' is geen gemeente van 2025. Schrijf de officiële naam, zoals Dendermonde.")
    slug = _slug(found.name)
    target = root / "regions" / region / "gemeenten" / f"{slug}.yml"
    parts = "\n".join(f'  - naam: "{found.name}"\n    postcode: "{pc}"' for pc in found.postcodes)
    text = _schema_line(target, "gemeente") + f'''# Gemeente {found.name} (NIS {found.nis}). Voeg de deelgemeenten toe met hun postcode.
id: {slug}
nis: "{found.nis}"
naam: "{found.name}"
deelgemeenten:
{parts}
# lokale_contacten:
#   - soort: huis-van-het-kind
#     naam: Huis van het Kind {found.name}
#     partner: huis-van-het-kind-{slug}
'''
    return _write(target, text)
