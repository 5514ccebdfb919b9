"""Open-data exports from the model: JSON (the records), CSV (one row per partner), GeoJSON (public
locations), HSDS 3.0. Each takes the model (``model.Site``; a validated ``Project`` is modelled first).

Confidential locations are left out of every export. The JSON export writes each partner as its
record (``Partner.to_data``: keys in the schema's order, postcodes and NIS codes as text), so that
``netwerkkaart import`` gives back the same records. The CSV is made for a spreadsheet program:
UTF-8 with a byte order mark and ``;`` between the columns, so that Excel in Dutch (or any
language with a decimal comma) opens it in columns with the accents right, and every cell that a
spreadsheet would run as a formula is neutralised (see spreadsheet.py). The JSON exports are
not spreadsheet-bound and keep every value as it is.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import uuid

from ..topics import hours, urls
from .labels import KIND_LABELS, SIGNUP_LABELS, cost_text, language
from ..model import Agreement, Partner, Site, build_site
from ..load.project import Project
from .spreadsheet import spreadsheet_text

CSV_COLUMNS = ["id", "regio", "naam", "soort", "levensdomeinen", "korte_beschrijving", "telefoon", "email",
               "website", "adressen", "postcodes", "gemeenten", "lat", "lon", "werkgebied", "talen", "kostprijs",
               "aanmelden_via", "beroepsgeheim", "brede_instap", "nagekeken_datum", "nagekeken_door",
               "openingsuren", "gedeeld_beroepsgeheim"]


def _site(source: Site | Project) -> Site:
    """The model of what is exported (a Project that validated without errors is modelled here)."""
    return source if isinstance(source, Site) else build_site(source)


def partners(source: Site | Project) -> list[Partner]:
    """The partners in the order of the exports: by id."""
    return sorted(_site(source).partners, key=lambda p: p.id)


def _lines(items, head: str = "[", tail: str = "]") -> str:
    """A JSON list with one item per line: readable, diffable, and written by the C encoder (json.dumps
    with indent= uses the pure-Python one: 4 s instead of 1 s for 10,000 partners). ``items`` may be a
    generator: each item is made, written and let go in turn (the HSDS objects of 10,000 partners took
    over 100 MB when all of them were held)."""
    body = ",\n".join(json.dumps(x, ensure_ascii=False) for x in items)
    return head + ("\n" + body + "\n" if body else "") + tail + "\n"


def to_json(source: Site | Project) -> str:
    items = ({"regio": p.region, **p.to_data(public=True)} for p in partners(source))
    return _lines(items, '{"partners": [', "]}")


CSV_BOM = "\ufeff"  # UTF-8 byte order mark: Excel reads the file as UTF-8 only with it
CSV_DELIMITER = ";"  # Excel in Dutch splits on ';' (',' is the decimal separator there)


def to_csv(source: Site | Project) -> str:
    """One row per partner, for a spreadsheet: BOM, ';', every field quoted and every cell neutralised.

    Every field is quoted so the list columns (joined with ';') stay one cell and the import's
    dialect sniffer sees '"' as the quote character, never the apostrophe of a neutralised cell."""
    out = io.StringIO()
    out.write(CSV_BOM)
    writer = csv.writer(out, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in _csv_rows(source):
        writer.writerow(spreadsheet_text(row[column]) for column in CSV_COLUMNS)
    return out.getvalue()


def _csv_rows(source: Site | Project):
    """The CSV's rows as {column: text}, before they are neutralised for a spreadsheet."""
    for p in partners(source):
        locations = [loc for loc in p.locaties if loc.public]
        contact = p.contact
        yield {
            "id": p.id, "regio": p.region, "naam": p.naam, "soort": p.soort,
            "levensdomeinen": ";".join(p.levensdomeinen), "korte_beschrijving": p.korte_beschrijving,
            "telefoon": contact.telefoon or "", "email": contact.email or "", "website": contact.website or "",
            "adressen": ";".join(loc.straat or "" for loc in locations),
            "postcodes": ";".join(loc.postcode for loc in locations),
            "gemeenten": ";".join(loc.gemeente for loc in locations),
            "lat": ";".join("" if loc.lat is None else str(loc.lat) for loc in locations),
            "lon": ";".join("" if loc.lon is None else str(loc.lon) for loc in locations),
            "werkgebied": "hele regio" if p.hele_regio else ";".join(p.werkgebied),
            "talen": ";".join(p.talen), "kostprijs": p.aanmelden.kostprijs or "",
            "aanmelden_via": ";".join(p.aanmelden.via),
            "beroepsgeheim": str(p.beroepsgeheim).lower(), "brede_instap": str(bool(p.brede_instap)).lower(),
            "nagekeken_datum": p.nagekeken_datum, "nagekeken_door": p.nagekeken_door,
            "openingsuren": hours.csv_cell([loc.hours for loc in locations]),
            "gedeeld_beroepsgeheim": ";".join(p.gedeeld_beroepsgeheim),  # ids of the region's agreements
        }


def to_geojson(source: Site | Project, site_url: str = "") -> str:
    features = []
    for p in partners(source):
        for i, loc in enumerate(loc for loc in p.locaties if loc.public):  # numbered among the public ones
            if loc.lat is None:
                continue
            features.append({
                "type": "Feature",
                "id": f"{p.id}-{i + 1}",
                "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                "properties": {
                    "partner": p.id, "naam": p.naam, "locatie": loc.naam or "", "regio": p.region,
                    "soort": KIND_LABELS[p.soort], "levensdomeinen": list(p.levensdomeinen),
                    "adres": f"{loc.straat or ''}, {loc.postcode} {loc.gemeente}".strip(", "),
                    "telefoon": p.contact.telefoon or "",
                    "url": site_url + urls.partner(p.id),
                },
            })
    return _lines(features, '{"type": "FeatureCollection", "features": [', "]}")


FORMATS = {"json": ("partners.json", to_json), "csv": ("partners.csv", to_csv),
           "geojson": ("locaties.geojson", lambda source: to_geojson(source))}


# -- Open Referral HSDS 3.0 -----------------------------------------------------------------------

HSDS_NAMESPACE = uuid.UUID("6f0b9a36-8f55-5a77-9f43-6e6574776b6b")  # fixed: ids stay the same between exports
DAYS_ICAL = hours.DAYS_ICAL


def hsds_id(*parts: str) -> str:
    """A stable UUID (uuid5) for an HSDS object, derived from our ids: the same record, the same id.
    ``str(uuid.uuid5(HSDS_NAMESPACE, name))``, written out (150,000 ids at 10,000 partners: 3x faster)."""
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + "/".join(parts).encode("utf-8")).digest()[:16])
    digest[6], digest[8] = (digest[6] & 0x0F) | 0x50, (digest[8] & 0x3F) | 0x80  # version 5, RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_NAMESPACE_BYTES = HSDS_NAMESPACE.bytes


def _hsds_phone(number: str, owner: str) -> dict:
    return {"id": hsds_id(owner, "telefoon", number), "number": number}


HSDS_TAXONOMY = "netwerkkaart"  # our own attributes (documented in docs/redacteurs.md)


def _hsds_attributes(p: Partner, org_id: str, agreements: tuple[Agreement, ...]) -> list[dict]:
    """Beroepsgeheim and the gedeeld-beroepsgeheim agreements the partner signed, as HSDS attributes of the
    organization (taxonomy "netwerkkaart"): other tools can read them without knowing our YAML."""
    secret = {"id": hsds_id("term", "beroepsgeheim"), "code": "beroepsgeheim", "name": "Beroepsgeheim",
              "description": "De medewerkers zijn gebonden door het beroepsgeheim (value: true of false).",
              "taxonomy": HSDS_TAXONOMY, "language": "nl"}
    out = [{"id": hsds_id("attribuut", p.id, "beroepsgeheim"), "link_id": org_id, "link_type": "beroepsgeheim",
            "link_entity": "organization", "taxonomy_term_id": secret["id"], "taxonomy_term": secret,
            "value": str(p.beroepsgeheim).lower()}]
    by_id = {a.id: a for a in agreements}
    for agreement_id in p.gedeeld_beroepsgeheim:
        agreement = by_id.get(agreement_id)
        if agreement is None:
            continue
        term = {"id": hsds_id("term", "gedeeld-beroepsgeheim", p.region, agreement_id), "code": agreement_id,
                "name": agreement.naam,
                "description": ("Afsprakenkader gedeeld beroepsgeheim van het netwerk: informatie over een gezin "
                                "wordt alleen met toestemming van het gezin gedeeld (value: datum van het kader)."),
                "taxonomy": HSDS_TAXONOMY, "language": "nl"}
        if agreement.tekst:
            term["term_uri"] = agreement.tekst
        out.append({"id": hsds_id("attribuut", p.id, "gedeeld-beroepsgeheim", agreement_id), "link_id": org_id,
                    "link_type": "gedeeld_beroepsgeheim", "link_entity": "organization",
                    "taxonomy_term_id": term["id"], "taxonomy_term": term, "value": agreement.datum})
    return out


def hsds_organization(site: Site, p: Partner, site_url: str = "", today: datetime.date | None = None) -> dict:
    """One partner as an HSDS 3.0 organization with its service, locations, phones and schedules
    (the gedeeld-beroepsgeheim agreements from its region). ``today``: the year in which yearly periods
    ("07-01") become dates (default: the build date)."""
    from ..load.refdata import reference

    today = today or site.built
    pid = p.id
    org_id, service_id = hsds_id("organisatie", pid), hsds_id("dienst", pid)
    contact = p.contact
    signup = p.aanmelden
    locations, at_locations, schedules = [], [], []
    for i, loc in enumerate(loc for loc in p.locaties if loc.public):
        location_id = hsds_id("locatie", pid, str(i))
        municipality = reference().find(loc.gemeente)
        location = {
            "id": location_id, "location_type": "physical", "organization_id": org_id,
            "name": loc.naam or p.naam,
            "addresses": [{
                "id": hsds_id("adres", pid, str(i)), "location_id": location_id,
                "address_1": loc.straat or "", "city": loc.gemeente,
                "state_province": "Vlaanderen" if municipality and municipality.region == "02000" else "Brussel",
                "postal_code": loc.postcode, "country": "BE", "address_type": "physical",
            }],
        }
        if loc.lat is not None:
            location["latitude"] = loc.lat
            location["longitude"] = loc.lon
        locations.append(location)
        sal_id = hsds_id("dienst-op-locatie", pid, str(i))
        at_locations.append({"id": sal_id, "service_id": service_id, "location_id": location_id})
        schedules += hours.hsds_schedules(loc.hours, loc.openingsuren_uitleg, ("uren", pid, str(i)), hsds_id, today,
                                          service_id=service_id, location_id=location_id, service_at_location_id=sal_id)
    for i, line in enumerate(p.telefoonlijnen):  # HSDS 3.0 has no schedule per phone: the service's
        schedules += hours.hsds_schedules(line.hours, line.openingsuren_uitleg, ("lijn", pid, str(i)), hsds_id, today,
                                          service_id=service_id, label=f"Telefoonlijn {line.naam} ({line.telefoon})")
    ages = p.doelgroep
    service = {
        "id": service_id, "organization_id": org_id, "name": p.naam, "status": "active",
        "description": p.beschrijving or p.korte_beschrijving,
        "application_process": "; ".join(SIGNUP_LABELS[w] for w in signup.via) + (
            f". {signup.wie}" if signup.wie else ""),
        "fees_description": cost_text(signup),
        "wait_time": signup.wachttijd or "",
        "eligibility_description": ages.uitleg or "",
        "assured_date": p.nagekeken_datum,
        "languages": [{"id": hsds_id("taal", pid, code), "service_id": service_id, "code": code,
                       "name": language(code)} for code in p.talen],
        "service_at_locations": at_locations,
        "schedules": schedules,
        "phones": [_hsds_phone(contact.telefoon, service_id)] if contact.telefoon else [],
        "service_areas": (
            [{"id": hsds_id("werkgebied", pid, p.region), "service_id": service_id, "name": f"regio {p.region}"}]
            if p.hele_regio else
            [{"id": hsds_id("werkgebied", pid, n), "service_id": service_id,
              "name": reference().municipality(n).name, "description": f"NIS {n}"}
             for n in p.werkgebied]),
    }
    if ages.leeftijd_van is not None:
        service["minimum_age"] = ages.leeftijd_van
    if ages.leeftijd_tot is not None:
        service["maximum_age"] = ages.leeftijd_tot
    if contact.email:
        service["email"] = contact.email
    if contact.website:
        service["url"] = contact.website
    organization = {
        "id": org_id, "name": p.naam, "description": p.korte_beschrijving,
        "services": [service], "locations": locations,
        "phones": [_hsds_phone(contact.telefoon, org_id)] if contact.telefoon else [],
        "attributes": _hsds_attributes(p, org_id, site.region(p.region).agreements),
    }
    if contact.email:
        organization["email"] = contact.email
    if contact.website:
        organization["website"] = contact.website
    if site_url:
        organization["uri"] = site_url + urls.partner(pid)
    return organization


def to_hsds(source: Site | Project, site_url: str = "", today: datetime.date | None = None) -> str:
    """All partners as a JSON list of HSDS 3.0 organizations (confidential locations left out);
    ``today``: the year in which yearly periods ("07-01") become dates (default: the build date)."""
    site = _site(source)
    return _lines(hsds_organization(site, p, site_url, today) for p in partners(site))


FORMATS["hsds"] = ("hsds-organisaties.json", to_hsds)
