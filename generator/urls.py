"""Where each record's page lives on the site: the one place that decides URLs.

Validation uses it to refuse two records that would get the same page; the
renderer uses it to write and link pages.
"""

from __future__ import annotations

# Top-level folders the site itself uses; a region may not take these ids.
RESERVED = frozenset({
    "a-z", "assets", "export", "javascripts", "mijn-netwerk", "over", "partners",
    "schemas", "search", "stylesheets", "zoeken", "levensdomeinen", "gemeenten",
})


def region(region_id: str) -> str:
    return f"{region_id}/"


def municipality(region_id: str, municipality_id: str) -> str:
    return f"{region_id}/gemeenten/{municipality_id}/"


def life_domain(region_id: str, domain_id: str) -> str:
    return f"{region_id}/levensdomeinen/{domain_id}/"


def partner(partner_id: str) -> str:
    return f"partners/{partner_id}/"
