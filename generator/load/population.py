"""Population per municipality (Statbel, 1 January 2020), merged into the municipalities of 2025.

The data file ``generator/data/bevolking-2020.csv`` (``nis;naam;bevolking``) is derived once by a
maintainer from the CC0 file of bmesuere/belgium-topojson (Statbel's figures of 1 January 2020 for
the 581 municipalities of 2019-2024): the municipalities merged on 1 January 2025 are added up
under their new NIS code (``refdata.MERGED_2025``). Flemish and Brussels municipalities only, like
the borders. Run only when the source changes:

    python -m generator.load.population ../shared/refdata

Nothing reads ``../shared`` while building a site: the site reads only the shipped file.
"""

from __future__ import annotations

import csv
import io
import sys
from functools import cache
from importlib import resources
from pathlib import Path
from .. import PACKAGE_DIR

YEAR = 2020
FILE = "bevolking-2020.csv"
REGIONS = {"02000", "04000"}  # Flemish Region, Brussels-Capital Region


@cache
def population() -> dict[str, int]:
    """NIS code (2025) -> inhabitants on 1 January 2020."""
    text = (resources.files("generator") / "data" / FILE).read_text(encoding="utf-8")
    return {row["nis"]: int(row["bevolking"]) for row in csv.DictReader(io.StringIO(text), delimiter=";")}


def inhabitants(nis: str) -> int | None:
    return population().get(nis)


def derive(source: Path) -> str:
    """The shipped CSV, from ``municipalities/bevolking_per_gemeente_2020.csv`` under ``source``."""
    from .refdata import MERGED_2025, reference

    ref = reference()
    totals: dict[str, int] = {}
    with (source / "municipalities" / "bevolking_per_gemeente_2020.csv").open(encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            nis = MERGED_2025.get(row["NIS code"], row["NIS code"])
            municipality = ref.municipality(nis)
            if municipality is None or municipality.region not in REGIONS:
                continue  # country, regions, provinces, arrondissements, Wallonia
            totals[nis] = totals.get(nis, 0) + int(row["Totaal"])
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["nis", "naam", "bevolking"])
    for nis in sorted(totals):
        writer.writerow([nis, ref.municipality(nis).name, totals[nis]])
    return out.getvalue()


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    target = PACKAGE_DIR / "data" / FILE
    target.write_text(derive(Path(sys.argv[1])), encoding="utf-8")
    print(f"Geschreven: {target}")
