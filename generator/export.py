"""Open-data exports: JSON (the records), CSV (one row per partner), GeoJSON (public locations).

Confidential locations are left out of every export. The CSV is made for a spreadsheet program:
UTF-8 with a byte order mark and ``;`` between the columns, so that Excel in Dutch (or any
language with a decimal comma) opens it in columns with the accents right, and every cell that a
spreadsheet would run as a formula is neutralised (see spreadsheet.py). The JSON exports are
not spreadsheet-bound and keep every value as it is.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import uuid

from . import hours, urls
from .spreadsheet import spreadsheet_text
from .model import KIND_LABELS
from .project import Project

CSV_COLUMNS = ["id", "regio", "naam", "soort", "levensdomeinen", "korte_beschrijving", "telefoon", "email",
               "website", "adressen", "postcodes", "gemeenten", "lat", "lon", "werkgebied", "talen", "kostprijs",
               "aanmelden_via", "beroepsgeheim", "brede_instap", "nagekeken_datum", "nagekeken_door",
               "openingsuren", "gedeeld_beroepsgeheim"]


def _public(data: dict) -> dict:
    """A partner record without confidential locations (a shallow copy: exporters never change records)."""
    record = dict(data)
    if "locaties" in record:
        record["locaties"] = [loc for loc in record["locaties"] if not loc.get("vertrouwelijk")]
    return record


def partners(project: Project) -> list[tuple[str, dict]]:
    return sorted(((r.region, _public(r.doc.data)) for r in project.of_kind("partner")), key=lambda x: x[1]["id"])


def _lines(items: list, head: str = "[", tail: str = "]") -> str:
    """A JSON list with one item per line: readable, diffable, and written by the C encoder (json.dumps
    with indent= uses the pure-Python one: 4 s instead of 1 s for 10,000 partners)."""
    if not items:
        return head + tail + "\n"
    return head + "\n" + ",\n".join(json.dumps(x, ensure_ascii=False) for x in items) + "\n" + tail + "\n"


def to_json(project: Project) -> str:
    items = [{"regio": region, **data} for region, data in partners(project)]
    return _lines(items, '{"partners": [', "]}")


CSV_BOM = "\ufeff"  # UTF-8 byte order mark: Excel reads the file as UTF-8 only with it
CSV_DELIMITER = ";"  # Excel in Dutch splits on ';' (',' is the decimal separator there)


def to_csv(project: Project) -> str:
    """One row per partner, for a spreadsheet: BOM, ';', every field quoted and every cell neutralised.

    Every field is quoted so the list columns (joined with ';') stay one cell and the import's
    dialect sniffer sees '"' as the quote character, never the apostrophe of a neutralised cell."""
    out = io.StringIO()
    out.write(CSV_BOM)
    writer = csv.writer(out, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in _csv_rows(project):
        writer.writerow(spreadsheet_text(row[column]) for column in CSV_COLUMNS)
    return out.getvalue()


def _csv_rows(project: Project):
    """The CSV's rows as {column: text}, before they are neutralised for a spreadsheet."""
    for region, d in partners(project):
        locations = d.get("locaties", [])
        contact = d.get("contact", {})
        yield {
            "id": d["id"], "regio": region, "naam": d["naam"], "soort": d["soort"],
            "levensdomeinen": ";".join(d["levensdomeinen"]), "korte_beschrijving": d["korte_beschrijving"],
            "telefoon": contact.get("telefoon", ""), "email": contact.get("email", ""),
            "website": contact.get("website", ""),
            "adressen": ";".join(loc["adres"].get("straat", "") for loc in locations),
            "postcodes": ";".join(str(loc["adres"]["postcode"]) for loc in locations),
            "gemeenten": ";".join(loc["adres"]["gemeente"] for loc in locations),
            "lat": ";".join(str(loc.get("coordinaten", {}).get("lat", "")) for loc in locations),
            "lon": ";".join(str(loc.get("coordinaten", {}).get("lon", "")) for loc in locations),
            "werkgebied": "hele regio" if d["werkgebied"].get("hele_regio")
            else ";".join(str(n) for n in d["werkgebied"].get("gemeenten", [])),
            "talen": ";".join(d.get("talen", [])), "kostprijs": d["aanmelden"].get("kostprijs", ""),
            "aanmelden_via": ";".join(d["aanmelden"]["via"]),
            "beroepsgeheim": str(d["beroepsgeheim"]).lower(), "brede_instap": str(d.get("brede_instap", False)).lower(),
            "nagekeken_datum": d["nagekeken"]["datum"], "nagekeken_door": d["nagekeken"]["door"],
            "openingsuren": hours.csv_cell(locations),
            "gedeeld_beroepsgeheim": ";".join(d.get("gedeeld_beroepsgeheim", [])),  # ids of the region's agreements
        }


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
    return _lines(features, '{"type": "FeatureCollection", "features": [', "]}")


FORMATS = {"json": ("partners.json", to_json), "csv": ("partners.csv", to_csv),
           "geojson": ("locaties.geojson", lambda project: to_geojson(project))}


# -- Open Referral HSDS 3.0 -----------------------------------------------------------------------

HSDS_NAMESPACE = uuid.UUID("6f0b9a36-8f55-5a77-9f43-6e6574776b6b")  # fixed: ids stay the same between exports
DAYS_ICAL = hours.DAYS_ICAL


def hsds_id(*parts: str) -> str:
    """A stable UUID (uuid5) for an HSDS object, derived from our ids: the same record, the same id."""
    return str(uuid.uuid5(HSDS_NAMESPACE, "/".join(parts)))


def _hsds_phone(number: str, owner: str) -> dict:
    return {"id": hsds_id(owner, "telefoon", number), "number": number}


HSDS_TAXONOMY = "netwerkkaart"  # our own attributes (documented in docs/redacteurs.md)


def _hsds_attributes(region: str, d: dict, org_id: str, agreements: dict[str, dict]) -> list[dict]:
    """Beroepsgeheim and the gedeeld-beroepsgeheim agreements the partner signed, as HSDS attributes of the
    organization (taxonomy "netwerkkaart"): other tools can read them without knowing our YAML."""
    secret = {"id": hsds_id("term", "beroepsgeheim"), "code": "beroepsgeheim", "name": "Beroepsgeheim",
              "description": "De medewerkers zijn gebonden door het beroepsgeheim (value: true of false).",
              "taxonomy": HSDS_TAXONOMY, "language": "nl"}
    out = [{"id": hsds_id("attribuut", d["id"], "beroepsgeheim"), "link_id": org_id, "link_type": "beroepsgeheim",
            "link_entity": "organization", "taxonomy_term_id": secret["id"], "taxonomy_term": secret,
            "value": str(d["beroepsgeheim"]).lower()}]
    for agreement_id in d.get("gedeeld_beroepsgeheim", []):
        agreement = agreements.get(agreement_id)
        if agreement is None:
            continue
        term = {"id": hsds_id("term", "gedeeld-beroepsgeheim", region, agreement_id), "code": agreement_id,
                "name": agreement["naam"],
                "description": ("Afsprakenkader gedeeld beroepsgeheim van het netwerk: informatie over een gezin "
                                "wordt alleen met toestemming van het gezin gedeeld (value: datum van het kader)."),
                "taxonomy": HSDS_TAXONOMY, "language": "nl"}
        if agreement.get("tekst"):
            term["term_uri"] = agreement["tekst"]
        out.append({"id": hsds_id("attribuut", d["id"], "gedeeld-beroepsgeheim", agreement_id), "link_id": org_id,
                    "link_type": "gedeeld_beroepsgeheim", "link_entity": "organization",
                    "taxonomy_term_id": term["id"], "taxonomy_term": term, "value": agreement["datum"]})
    return out


def hsds_organization(region: str, d: dict, site_url: str = "", agreements: dict[str, dict] | None = None,
                      today: datetime.date | None = None) -> dict:
    """One partner as an HSDS 3.0 organization with its service, locations, phones and schedules.
    ``agreements``: the region's gedeeld-beroepsgeheim agreements by id (from regio.yml); ``today``: the
    year in which yearly periods ("07-01") become dates."""
    from .model import COST_LABELS, LANGUAGE_LABELS, SIGNUP_LABELS
    from .refdata import reference

    today = today or datetime.date.today()
    pid = d["id"]
    org_id, service_id = hsds_id("organisatie", pid), hsds_id("dienst", pid)
    contact = d.get("contact", {})
    signup = d["aanmelden"]
    locations, at_locations, schedules = [], [], []
    for i, loc in enumerate(d.get("locaties", [])):
        location_id = hsds_id("locatie", pid, str(i))
        address = loc["adres"]
        municipality = reference().find(address["gemeente"])
        location = {
            "id": location_id, "location_type": "physical", "organization_id": org_id,
            "name": loc.get("naam") or d["naam"],
            "addresses": [{
                "id": hsds_id("adres", pid, str(i)), "location_id": location_id,
                "address_1": address.get("straat", ""), "city": address["gemeente"],
                "state_province": "Vlaanderen" if municipality and municipality.region == "02000" else "Brussel",
                "postal_code": str(address["postcode"]), "country": "BE", "address_type": "physical",
            }],
        }
        if "coordinaten" in loc:
            location["latitude"] = loc["coordinaten"]["lat"]
            location["longitude"] = loc["coordinaten"]["lon"]
        locations.append(location)
        sal_id = hsds_id("dienst-op-locatie", pid, str(i))
        at_locations.append({"id": sal_id, "service_id": service_id, "location_id": location_id})
        schedules += hours.hsds_schedules(loc, ("uren", pid, str(i)), hsds_id, today,
                                          service_id=service_id, location_id=location_id, service_at_location_id=sal_id)
    for i, line in enumerate(d.get("telefoonlijnen", [])):  # HSDS 3.0 has no schedule per phone: the service's
        schedules += hours.hsds_schedules(line, ("lijn", pid, str(i)), hsds_id, today, service_id=service_id,
                                          label=f"Telefoonlijn {line['naam']} ({line['telefoon']})")
    ages = d.get("doelgroep", {})
    service = {
        "id": service_id, "organization_id": org_id, "name": d["naam"], "status": "active",
        "description": d.get("beschrijving") or d["korte_beschrijving"],
        "application_process": "; ".join(SIGNUP_LABELS[w] for w in signup["via"]) + (
            f". {signup['wie']}" if signup.get("wie") else ""),
        "fees_description": " ".join(x for x in (COST_LABELS.get(signup.get("kostprijs", ""), ""),
                                                  signup.get("kostprijs_uitleg", "")) if x),
        "wait_time": signup.get("wachttijd", ""),
        "eligibility_description": ages.get("uitleg", ""),
        "assured_date": d["nagekeken"]["datum"],
        "languages": [{"id": hsds_id("taal", pid, code), "service_id": service_id, "code": code,
                       "name": LANGUAGE_LABELS.get(code, code)} for code in d.get("talen", [])],
        "service_at_locations": at_locations,
        "schedules": schedules,
        "phones": [_hsds_phone(contact["telefoon"], service_id)] if contact.get("telefoon") else [],
        "service_areas": (
            [{"id": hsds_id("werkgebied", pid, region), "service_id": service_id, "name": f"regio {region}"}]
            if d["werkgebied"].get("hele_regio") else
            [{"id": hsds_id("werkgebied", pid, str(n)), "service_id": service_id,
              "name": reference().municipality(str(n)).name, "description": f"NIS {n}"}
             for n in d["werkgebied"].get("gemeenten", [])]),
    }
    if "leeftijd_van" in ages:
        service["minimum_age"] = ages["leeftijd_van"]
    if "leeftijd_tot" in ages:
        service["maximum_age"] = ages["leeftijd_tot"]
    if contact.get("email"):
        service["email"] = contact["email"]
    if contact.get("website"):
        service["url"] = contact["website"]
    organization = {
        "id": org_id, "name": d["naam"], "description": d["korte_beschrijving"],
        "services": [service], "locations": locations,
        "phones": [_hsds_phone(contact["telefoon"], org_id)] if contact.get("telefoon") else [],
        "attributes": _hsds_attributes(region, d, org_id, agreements or {}),
    }
    if contact.get("email"):
        organization["email"] = contact["email"]
    if contact.get("website"):
        organization["website"] = contact["website"]
    if site_url:
        organization["uri"] = site_url + urls.partner(pid)
    return organization


def to_hsds(project: Project, site_url: str = "", today: datetime.date | None = None) -> str:
    """All partners as a JSON list of HSDS 3.0 organizations (confidential locations left out)."""
    today = today or datetime.date.today()  # yearly periods ("07-01") become this year's dates
    agreements = {r.region: {a["id"]: a for a in r.doc.data.get("gedeeld_beroepsgeheim", [])}
                  for r in project.of_kind("regio")}
    items = [hsds_organization(region, data, site_url, agreements.get(region), today)
             for region, data in partners(project)]
    return _lines(items)


FORMATS["hsds"] = ("hsds-organisaties.json", to_hsds)
