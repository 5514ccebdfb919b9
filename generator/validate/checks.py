"""Checks across records: ids, references, official municipality data, places, privacy, freshness.

Runs after the schema check. Checks that follow references only look at
records that passed their schema; the checks on ids and privacy look at every
record that could be read. The checks on each text value (textcheck.py) run
while loading, in the worker processes.
"""

from __future__ import annotations

import datetime
import difflib
import gc
import re
import unicodedata
from collections import defaultdict

from ..topics import feedback, freshness, hours, urls, vragen
# geo (and numpy, a tenth of a second) is imported when the first place is checked: for a large
# folder that is while the worker processes read the files (project._prepare_checks), not at start-up.
from ..topics import picto  # pictograms for families (NK385)
from ..render.html import icon_exists
from ..problems import Problem, problem
from ..load.project import Project, Record
from ..load.refdata import Reference, fold, reference
from ..load.yamlload import Path

MAX_KM_OUTSIDE = 3.0

# Names Windows keeps for devices: no file can be called so, with or without an extension.
_WINDOWS_DEVICE = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?", re.IGNORECASE)


def windows_device_name(value: str) -> str | None:
    """The reserved device name ``value`` stands for on Windows ('con', 'lpt1', ...), or None."""
    match = _WINDOWS_DEVICE.fullmatch(value.strip().rstrip(". "))
    return match.group(1).upper() if match else None


def reserved_id_problem(value: str, file: str, line: int = 1, column: int = 1) -> Problem | None:
    """NK321 for an id that cannot be a file name on Windows, else None."""
    device = windows_device_name(value)
    return problem("NK321", file, line, column, value=value, reserved=device) if device else None



def check_project(project: Project, today: datetime.date | None = None) -> list[Problem]:
    # The checks make no reference cycles: the garbage collector would only scan the loaded records
    # again and again (0.2 s of 0.65 s for 10,000 partners), as while loading (project.load_project).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check_project(project, today)
    finally:
        if collecting:
            gc.enable()


def _check_project(project: Project, today: datetime.date | None) -> list[Problem]:
    today = today or freshness.today()  # tests pass a fixed day; NK_VANDAAG fixes it for a build
    ref = reference()
    out: list[Problem] = []
    out += _check_ids(project)
    # every region folder with a regio.yml counts, even one that could not be read (its own error says why)
    regions = {r.region for r in project.records if r.kind == "regio"}
    out += _check_regions(project, regions)
    domains = _life_domains(project, out)
    municipalities = _check_municipalities(project, ref, out)
    out += _check_partners(project, ref, regions, domains, municipalities)
    out += vragen.check(project, domains, regions)
    out += picto.check(project)  # NK385 (pictograms for families)
    out += _check_agreements(project)
    out += _check_urls(project)
    out += _check_freshness(project, today)
    return out


def _at(record: Record, path: Path, code: str, *, key: bool = False, **fields: object) -> Problem:
    m = record.doc.mark(path, key=key) if record.doc else None
    return problem(code, record.path, m.line if m else 1, m.column if m else 1, **fields)


def _id_of(record: Record) -> str | None:
    data = record.doc.data if record.doc else None
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _check_ids(project: Project) -> list[Problem]:
    out = []
    seen: dict[tuple[str, str], Record] = {}
    for record in project.records:
        if record.kind in ("levensdomeinen", "vragen"):
            continue
        rid = _id_of(record)
        if rid is None:
            continue
        if windows_device_name(rid):
            out.append(_at(record, ("id",), "NK321", value=rid, reserved=windows_device_name(rid)))
        expected = record.region if record.kind == "regio" else record.stem
        if rid != expected:
            out.append(_at(record, ("id",), "NK302", value=rid, expected=expected))
        scope = "partner" if record.kind == "partner" else f"{record.kind}:{record.region}"
        other = seen.get((scope, rid))
        if other is not None:
            out.append(_at(record, ("id",), "NK301", value=rid, other=other.path))
            out.append(_at(other, ("id",), "NK301", value=rid, other=record.path))
        else:
            seen[(scope, rid)] = record
    return out


def _check_regions(project: Project, regions: set[str | None]) -> list[Problem]:
    out = []
    allowed = ", ".join(sorted(r for r in regions if r)) or "(nog geen)"
    for record in project.records:
        if record.kind != "regio" and record.region not in regions:
            out.append(problem("NK307", record.path, 1, 1, value=record.region, allowed=allowed))
    return out


def _life_domains(project: Project, out: list[Problem]) -> dict[str | None, set[str]]:
    """Known levensdomein ids per region (None: the defaults)."""
    default = project.default_life_domains
    base = [d["id"] for d in default.doc.data["levensdomeinen"]] if default and default.schema_ok else []
    result: dict[str | None, set[str]] = defaultdict(lambda: set(base))
    for record in project.of_kind("levensdomeinen"):
        known = result[record.region]
        for i, item in enumerate(record.doc.data["levensdomeinen"]):
            if item["id"] in known:
                out.append(_at(record, ("levensdomeinen", i, "id"), "NK315", value=item["id"]))
            known.add(item["id"])
    for record in project.of_kind("levensdomeinen") + ([default] if default and default.schema_ok else []):
        for i, item in enumerate(record.doc.data["levensdomeinen"]):
            if not icon_exists(item["icoon"]):
                out.append(_at(record, ("levensdomeinen", i, "icoon"), "NK317", value=item["icoon"]))
    return result


def _domain_names(project: Project, region: str | None) -> dict[str, str]:
    """levensdomein id -> name for a region (the defaults plus the region's own)."""
    names = {}
    for record in [project.default_life_domains] + project.of_kind("levensdomeinen"):
        if record is not None and record.schema_ok and record.region in (None, region):
            names.update({d["id"]: d["naam"] for d in record.doc.data["levensdomeinen"]})
    return names


def _villages(project: Project) -> dict[str, tuple[str, str]]:
    """Deelgemeente names (folded) from the municipality files -> (deelgemeente, municipality)."""
    out = {}
    for record in project.of_kind("gemeente"):
        for part in record.doc.data.get("deelgemeenten", []):
            if part["naam"] != record.doc.data["naam"]:
                out[fold(part["naam"])] = (part["naam"], record.doc.data["naam"])
    return out


def _name_problem(record: Record, path: Path, name: str, ref: Reference, villages: dict | None = None) -> Problem:
    village = (villages or {}).get(fold(name))
    if village:
        text = (f" {village[0]} is een deelgemeente van {village[1]}: zet gemeente: {village[1]} "
                f"en plaats: {village[0]}.")
    else:
        suggestion = ref.suggest_name(name)
        text = f" Bedoel je '{suggestion}'?" if suggestion else ""
    return _at(record, path, "NK303", value=name, scope="in België (stand 2025)", suggestion=text)


def _postcode_problem(record: Record, path: Path, postcode: str, nis: str, ref: Reference) -> Problem | None:
    municipality = ref.municipality(nis)
    if municipality is None or postcode in municipality.postcodes:
        return None
    owners = ref.municipalities_for_postcode(postcode)
    suggestion = f" {postcode} is de postcode van {', '.join(m.name for m in owners)}." if owners else f" {postcode} is geen Belgische postcode."
    return _at(record, path, "NK305", value=postcode, municipality=municipality.name, suggestion=suggestion,
               postcodes=", ".join(municipality.postcodes))


def _nis_problem(record: Record, path: Path, nis: str, ref: Reference) -> Problem:
    close = ref.suggest_nis(nis)
    suggestion = f" Sinds de fusies van 2025 is dat {close} ({ref.municipality(close).name})." if close else ""
    return _at(record, path, "NK304", value=nis, suggestion=suggestion)


def _check_municipalities(project: Project, ref: Reference, out: list[Problem]) -> dict[str, dict[str, Record]]:
    """Checks municipality files; returns region -> NIS -> record."""
    by_region: dict[str, dict[str, Record]] = defaultdict(dict)
    first: dict[str, Record] = {}
    partner_ids = {_id_of(r) for r in project.of_kind("partner", valid_only=False)} - {None}
    # partner files that could not be read, or whose id could not be: their file names stand for the id
    broken_partners = project.file_stems("partner") - {r.stem for r in project.of_kind("partner", valid_only=False)
                                                       if _id_of(r) is not None}
    for record in project.of_kind("gemeente"):
        data = record.doc.data
        nis = str(data["nis"])
        municipality = ref.municipality(nis)
        if municipality is None:
            out.append(_nis_problem(record, ("nis",), nis, ref))
            continue
        if data["naam"] != municipality.name:
            out.append(_at(record, ("naam",), "NK303", value=data["naam"], scope=f"met NIS-code {nis}",
                           suggestion=f" De officiële naam is '{municipality.name}'."))
        if nis in first:
            out.append(_at(record, ("nis",), "NK314", value=nis, municipality=municipality.name, other=first[nis].path))
        else:
            first[nis] = record
        by_region[record.region][nis] = record
        for i, part in enumerate(data.get("deelgemeenten", [])):
            p = _postcode_problem(record, ("deelgemeenten", i, "postcode"), str(part["postcode"]), nis, ref)
            if p:
                out.append(p)
        for i, contact in enumerate(data.get("lokale_contacten", [])):
            target = contact.get("partner")
            if target and target not in partner_ids and target in broken_partners:
                continue  # the partner's file exists but has an error of its own (reported above)
            if target and target not in partner_ids:
                close = difflib.get_close_matches(target, sorted(partner_ids), n=1)
                out.append(_at(record, ("lokale_contacten", i, "partner"), "NK312", value=target,
                               suggestion=f" Bedoel je '{close[0]}'?" if close else ""))
            elif not target:  # shown only on the municipality page: a partner file puts it everywhere
                out.append(_at(record, ("lokale_contacten", i, "naam"), "NK339", value=contact["naam"],
                               region=record.region, suggestion=_suggested_id(contact["naam"])))
    return by_region


def _suggested_id(name: str) -> str:
    """An id for a partner file made from a name: 'Sociaal Huis Hamme (voorbeeld)' -> 'sociaal-huis-hamme'."""
    plain = unicodedata.normalize("NFKD", re.sub(r"\([^)]*\)", " ", name)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80].strip("-") or "aanspreekpunt"


def _check_partners(project: Project, ref: Reference, regions: set, domains: dict, municipalities: dict) -> list[Problem]:
    out: list[Problem] = []
    villages = _villages(project)
    for record in project.of_kind("partner"):
        if record.region not in regions:
            continue  # NK307 already says so
        data = record.doc.data
        known = domains[record.region]
        for i, domain in enumerate(data["levensdomeinen"]):
            if domain not in known:
                by_name = {fold(n): d for d, n in _domain_names(project, record.region).items()}
                close = ([by_name[fold(domain)]] if fold(domain) in by_name
                         else difflib.get_close_matches(fold(domain).replace(" ", "-"), sorted(known), n=1, cutoff=0.6))
                out.append(_at(record, ("levensdomeinen", i), "NK306", value=domain, region=record.region,
                               suggestion=f" Bedoel je '{close[0]}'?" if close else "", allowed=", ".join(sorted(known))))
        region_nis = municipalities.get(record.region, {})
        for i, nis in enumerate(data["werkgebied"].get("gemeenten", [])):
            nis = str(nis)
            municipality = ref.municipality(nis)
            if municipality is None:
                out.append(_nis_problem(record, ("werkgebied", "gemeenten", i), nis, ref))
            elif nis not in region_nis:
                allowed = ", ".join(f"{n} ({ref.municipality(n).name})" for n in sorted(region_nis)) or "(geen gemeenten)"
                out.append(_at(record, ("werkgebied", "gemeenten", i), "NK311", value=nis,
                               municipality=municipality.name, region=record.region, allowed=allowed))
        for i, location in enumerate(data.get("locaties", [])):
            out += _check_location(record, ("locaties", i), location, ref, villages)
        out += _check_hours(record, data)
        ages = data.get("doelgroep", {})
        if "leeftijd_van" in ages and "leeftijd_tot" in ages and ages["leeftijd_van"] > ages["leeftijd_tot"]:
            out.append(_at(record, ("doelgroep", "leeftijd_van"), "NK318", low=ages["leeftijd_van"], high=ages["leeftijd_tot"]))
    return out


def _check_hours(record: Record, data: dict) -> list[Problem]:
    """Opening hours of the locations and phone lines (hours.py)."""
    def at(path: Path, code: str, **fields: object) -> Problem:
        return _at(record, path, code, **fields)

    out: list[Problem] = []
    for key in ("locaties", "telefoonlijnen"):
        for i, holder in enumerate(data.get(key, ())):
            if "openingsuren" in holder or "gesloten" in holder:
                out += hours.check(holder, (key, i), at)
    return out


def _check_agreements(project: Project) -> list[Problem]:
    """Gedeeld beroepsgeheim: a region declares each agreement once; a partner names only its region's."""
    out: list[Problem] = []
    declared: dict[str, set[str]] = {}
    for record in project.of_kind("regio"):
        known = declared.setdefault(record.region, set())
        for i, item in enumerate(record.doc.data.get("gedeeld_beroepsgeheim", [])):
            if item["id"] in known:
                out.append(_at(record, ("gedeeld_beroepsgeheim", i, "id"), "NK351", value=item["id"]))
            known.add(item["id"])
    for record in project.of_kind("partner"):
        if record.region not in declared:
            continue  # NK307, or the region file has its own error
        known = declared[record.region]
        for i, value in enumerate(record.doc.data.get("gedeeld_beroepsgeheim", [])):
            if value not in known:
                close = difflib.get_close_matches(value, sorted(known), n=1)
                out.append(_at(record, ("gedeeld_beroepsgeheim", i), "NK350", value=value, region=record.region,
                               suggestion=f" Bedoel je '{close[0]}'?" if close else "",
                               allowed=", ".join(sorted(known)) or "(nog geen)"))
    return out


def _check_location(record: Record, path: Path, location: dict, ref: Reference, villages: dict) -> list[Problem]:
    address = location["adres"]
    if location.get("vertrouwelijk"):
        for key, where, what in (("straat", path + ("adres", "straat"), "een straat"),
                                 ("coordinaten", path + ("coordinaten",), "coördinaten")):
            if key in (address if key == "straat" else location):
                return [_at(record, where, "NK402", what=what)]
    municipality = ref.find(address["gemeente"])
    if municipality is None:
        return [_name_problem(record, path + ("adres", "gemeente"), address["gemeente"], ref, villages)]
    out = []
    p = _postcode_problem(record, path + ("adres", "postcode"), str(address["postcode"]), municipality.nis, ref)
    if p:
        out.append(p)
    coords = location.get("coordinaten")
    if coords:
        from ..load import geo

        distance = geo.distance_outside_km(municipality.nis, coords["lat"], coords["lon"])
        if distance is not None and distance > MAX_KM_OUTSIDE:
            out.append(_at(record, path + ("coordinaten",), "NK308", lat=coords["lat"], lon=coords["lon"],
                           distance=f"{distance:.1f}".replace(".", ","), municipality=municipality.name))
    return out


def _check_urls(project: Project) -> list[Problem]:
    out = []
    taken: dict[str, Record] = {}

    def claim(record: Record, url: str, path: Path) -> None:
        if url.split("/")[0] in urls.RESERVED and record.kind == "regio":
            out.append(_at(record, path, "NK309", other="een vaste pagina van de site", url=url))
        elif url in taken and taken[url] is not record:
            if (taken[url].kind, _id_of(taken[url])) != (record.kind, _id_of(record)):  # else NK301 says it
                out.append(_at(record, path, "NK309", other=taken[url].path, url=url))
        else:
            taken[url] = record

    for record in project.of_kind("regio", valid_only=False):
        claim(record, urls.region(record.region), ("id",))
    for record in project.of_kind("gemeente"):
        claim(record, urls.municipality(record.region, record.doc.data["id"]), ("id",))
    for record in project.of_kind("partner"):
        claim(record, urls.partner(record.doc.data["id"]), ("id",))
    return out


def _check_freshness(project: Project, today: datetime.date) -> list[Problem]:
    out = []
    policies = {}
    for record in project.of_kind("regio"):
        policies[record.region] = freshness.policy_of(record.doc.data)
        out += _check_region_settings(record)
    # (policy, date) -> (too old, after today): most records share a few dates ('2026-09-01').
    states: dict[tuple[freshness.Policy, str], tuple[bool, bool]] = {}
    for record in project.records:
        if not record.schema_ok or record.kind in ("levensdomeinen", "vragen"):
            continue
        data = record.doc.data
        checked = data.get("nagekeken")
        policy = policies.get(record.region, freshness.DEFAULT)
        if checked:
            state = states.get((policy, checked["datum"]))
            if state is None:
                state = states[policy, checked["datum"]] = (
                    policy.state(checked["datum"], today) == freshness.TOO_OLD,
                    datetime.date.fromisoformat(checked["datum"]) > today)
            too_old, in_future = state
        if checked and too_old:
            command = (f"netwerkkaart nagekeken {data['id']} --door \"<je naam>\"\n  "
                       if record.kind == "partner" else "")
            out.append(_at(record, ("nagekeken", "datum"), "NK501", value=checked["datum"], today=today.isoformat(),
                           months=policy.warn_months, command=command,
                           region=f"regio {record.region}" if record.region in policies else "de standaard"))
        elif checked and in_future:
            out.append(_at(record, ("nagekeken", "datum"), "NK504", value=checked["datum"], today=today.isoformat()))
        if record.kind == "partner":
            contact = data.get("contact", {})
            if not (contact.get("telefoon") or contact.get("email") or contact.get("website")
                    or contact.get("chat") or data["aanmelden"].get("formulier")):
                out.append(_at(record, (), "NK502"))
    return out


def _check_region_settings(record: Record) -> list[Problem]:
    """The freshness policy and the "Klopt er iets niet?" address of a region (NK360, NK361)."""
    out = []
    data = record.doc.data
    block = data.get("versheid") or {}
    if "waarschuwen_na_maanden" in block:
        policy = freshness.policy_of(data)
        if policy.warn_months < policy.notice_months:
            out.append(_at(record, ("versheid", "waarschuwen_na_maanden"), "NK360", warn=policy.warn_months,
                           notice=policy.notice_months))
    template = (data.get("melden") or {}).get("url")
    if template:
        for name in feedback.unknown_fields(template):
            out.append(_at(record, ("melden", "url"), "NK361", value=name, allowed=feedback.ALLOWED))
    return out
