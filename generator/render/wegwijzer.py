"""Data for the wegwijzer: one small index for everyone, and one file per region with its partners.

The page (``pages.wegwijzer_page``) asks three things: where the family lives, the children's ages
and the family's questions. ``theme/assets/netwerkkaart/wegwijzer.js`` answers in the browser, from
these files, the way ``vragen.find`` does: nothing chosen ever leaves the browser. When all regions'
files are small together (``LOAD_ALL_BELOW``), the page fetches them all at once, so not even the
region shows in a request; on a large site it fetches only the region of the chosen place.
"""

from __future__ import annotations

import json

from ..topics import urls, vragen
from .agreements import FAMILY_EXPLANATION, sentence
from ..topics import picto  # pictograms for families
from .html import e164
from .labels import COST_LABELS, SIGNUP_SENTENCES
from ..model import Site

FOLDER = "wegwijzer/"
INDEX = FOLDER + "gegevens.json"
LOAD_ALL_BELOW = 300_000  # bytes of all region files together


def region_file(region_id: str) -> str:
    return f"{FOLDER}regio-{region_id}.json"


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def region_data(site: Site, region_id: str) -> dict:
    """The questions of a region and, per partner, what the wegwijzer filters, ranks and shows
    (short keys: 10,000 partners are about 170 KB per region of 600 partners)."""
    from .pages import primary_hours  # (pages imports this module's neighbours; not at import time)

    region = site.region(region_id)
    domains = {d.id: d for d in region.life_domains}
    order = {q.id: i for i, q in enumerate(region.questions)}
    helping = vragen.answered(site, region_id)
    answers: dict[str, list[int]] = {}
    for qid, partners in helping.items():
        for p in partners:
            answers.setdefault(p.id, []).append(order[qid])
    partners = []
    for p in site.partners_of(region_id):
        signup = p.aanmelden
        item = {"i": p.id, "n": p.naam, "s": p.kind_label, "q": answers.get(p.id, []),
                "d": list(p.levensdomeinen), "a": list(signup.via),
                "l": sorted({loc.nis for loc in p.locaties if loc.public}),
                "p": sorted({loc.gemeente for loc in p.locaties if loc.public})}
        if p.hele_regio:
            item["h"] = 1
        else:
            item["g"] = list(p.werkgebied)
        if p.brede_instap:
            item["b"] = 1
        elif p.brede_instap is False:
            item["b"] = 0
        if p.beroepsgeheim is not None:  # beroepsgeheim in three states: 1, 0 or not given
            item["bg"] = 1 if p.beroepsgeheim else 0
        if signup.kostprijs:
            item["k"] = signup.kostprijs
        if signup.kostprijs_uitleg:
            item["ku"] = signup.kostprijs_uitleg
        if signup.formulier:
            item["f"] = signup.formulier
        phone = signup.telefoon or p.contact.telefoon
        if phone and e164(phone):
            item["t"], item["te"] = phone, e164(phone)
        ages = p.age_range()
        if ages:
            item["lf"] = list(ages)
        opening = primary_hours(p)  # "nu open" on the card (nk-open.js, as on the A-Z list)
        if opening:
            item["o"] = opening.to_data()
        signed = site.agreements_of(p)  # gedeeld beroepsgeheim: the sentences are in "afspraken", once
        if signed:
            item["ga"] = [a.id for a in signed]
        partners.append(item)
    data = {
        "vragen": [{"id": q.id, "v": q.vraag, "d": list(q.levensdomeinen), **({"c": 1} if q.complex else {}),
                    "pi": picto.for_question(q, domains)}  # its pictogram: a name in the sprite (picto.py)
                   for q in region.questions],
        "partners": partners,
    }
    if region.agreements:
        data["afspraken"] = {a.id: sentence(region, a) for a in region.agreements}
        data["afspraak_uitleg"] = FAMILY_EXPLANATION
        data["afspraak_datum"] = {a.id: a.datum for a in region.agreements}  # lang2: the sentence in another language
    return data


def index_data(site: Site, sizes: dict[str, int]) -> dict:
    """Regions (with their 1 Gezin 1 Plan route and data file) and every municipality with its
    deelgemeenten and postcodes, to find the place the family names."""
    regions = {}
    places = []
    for r in site.regions:
        route = {k: getattr(r.aanmelden, k) for k in ("telefoon", "email", "formulier", "wie", "wat_volgt")
                 if getattr(r.aanmelden, k)}
        if route.get("telefoon"):
            route["te"] = e164(route["telefoon"])
        regions[r.id] = {"naam": r.naam, "url": urls.region(r.id), "route": route,
                         "bestand": region_file(r.id), "grootte": sizes.get(r.id, 0)}
        for m in r.municipalities:
            places.append({"r": r.id, "id": m.id, "n": m.naam, "nis": m.nis, "url": urls.municipality(r.id, m.id),
                           "dg": sorted({name for name, _ in m.deelgemeenten if name != m.naam}),
                           "pc": list(m.postcodes)})
    return {"regios": regions, "gemeenten": places, "alles_laden": sum(sizes.values()) <= LOAD_ALL_BELOW,
            "aanmelden": SIGNUP_SENTENCES, "kost": COST_LABELS}


def files(site: Site) -> dict[str, str]:
    """Site path -> content of every wegwijzer data file."""
    out = {region_file(r.id): _dump(region_data(site, r.id)) for r in site.regions}
    sizes = {r.id: len(out[region_file(r.id)].encode("utf-8")) for r in site.regions}
    out[INDEX] = _dump(index_data(site, sizes))
    return out


_made: list = [None, None]  # (site, its files): kept only while the jobs of one build ask for them


def content(site: Site, path: str) -> str:
    """One file of :func:`files`: all are made once, when the first is asked for; the index, asked
    for last (see :func:`paths`), lets them go."""
    if _made[0] is not site:
        _made[:] = [site, files(site)]
    text = _made[1][path]
    if path == INDEX:
        _made[:] = [None, None]
    return text


def paths(site: Site) -> list[str]:
    """Every file's site path, the index last."""
    return [region_file(r.id) for r in site.regions] + [INDEX]
