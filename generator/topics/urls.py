"""Where each record's page lives on the site: the one place that decides URLs.

Validation uses it to refuse two records that would get the same page; the
renderer uses it to write and link pages.
"""

from __future__ import annotations

DIRECTORY = "a-z/"
SEARCH = "zoeken/"
SHEET = "mijn-netwerk/"
MAPS = "kaarten"  # map documents and their data
MAP_DOCUMENT = f"{MAPS}/kaart.html"  # every map: kaart.html?d=<name of its JSON>
SEARCH_INDEX = "pagefind"  # the search engine and the index of the site-wide pages (search.py)
SEARCH_REGIONS = f"{SEARCH_INDEX}/regio"  # one index per group of regions: pagefind/regio/<group>/ (search.py)
EXPORT = "export"  # open-data downloads
NEWS = "wat-is-nieuw/"
WEGWIJZER = "wegwijzer/"  # from the family's question to the right help (wegwijzer.py)

# Top-level folders the site itself uses; a region may not take these ids.
RESERVED = frozenset({DIRECTORY.strip("/"), SEARCH.strip("/"), SHEET.strip("/"), NEWS.strip("/"), WEGWIJZER.strip("/"),
                      MAPS, SEARCH_INDEX, EXPORT,
                      "assets", "partners", "search", "schemas",
                      "offline"})  # offline/<regio>.json: the offline packs (offline.py)


def search_index(group: str) -> str:
    """The folder of an index group's search index (its regions' region, municipality, levensdomein and
    partner pages); a group is named after its first region (search.partition)."""
    return f"{SEARCH_REGIONS}/{group}/"


def region(region_id: str) -> str:
    return f"{region_id}/"


def directory(region_id: str) -> str:
    """A region's own A-Z page, on large sites."""
    return f"{DIRECTORY}{region_id}/"


def coverage(region_id: str) -> str:
    """A region's coverage page (municipalities x levensdomeinen, the gaps)."""
    return f"{region_id}/dekking/"


def municipality(region_id: str, municipality_id: str) -> str:
    return f"{region_id}/gemeenten/{municipality_id}/"


def life_domain(region_id: str, domain_id: str) -> str:
    return f"{region_id}/levensdomeinen/{domain_id}/"


def partner(partner_id: str) -> str:
    return f"partners/{partner_id}/"
