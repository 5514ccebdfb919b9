"""Data for "Mijn netwerk": the family's sheet, built in the browser from one file for everyone.

The sheet shows only the partners the worker picked, but the browser downloads the data of all
partners in one file (``mijn-netwerk/partners.json``), the same for every visitor: no request
ever names a picked partner. The file's address is ``pages.DATA``. The page draws a QR code per picked partner in the browser
(qrcode-generator, shipped with the theme), pointing at the address the sheet is read from:
made at build time, 10,000 codes cost 35 s (segno, measured), and they pointed at ``site_url``.
"""

from __future__ import annotations

import json

from . import freshness, urls
from .agreements import sentences
from .model import COST_LABELS, LANGUAGE_LABELS, SIGNUP_LABELS, Site


def sheet_data(site: Site) -> dict:
    """Everything the sheet shows, per partner id, in plain text (the page escapes nothing: it uses textContent)."""
    partners = {}
    for p in site.partners:
        region = site.region(p.region)
        names = {d.id: d.naam for d in region.life_domains}
        signup = p.aanmelden
        locations = []
        for loc in p.locaties:
            if not loc.public:
                continue
            locations.append({
                "naam": loc.naam or "",
                "adres": ", ".join(x for x in (loc.straat, f"{loc.postcode} {loc.gemeente}") if x),
                "uren": [f"{o.days_text}: {o.van}–{o.tot}" for o in loc.openingsuren]
                + ([loc.openingsuren_uitleg] if loc.openingsuren_uitleg else []),
            })
        partners[p.id] = {
            "naam": p.naam,
            "url": urls.partner(p.id),
            "domeinen": [names[d] for d in p.levensdomeinen if d in names],
            "kort": p.korte_beschrijving,
            "aanmelden": [SIGNUP_LABELS[w] for w in signup.get("via", [])],
            "wie": signup.get("wie", ""),
            "meebrengen": signup.get("meebrengen", []),
            "kost": " ".join(x for x in (COST_LABELS.get(signup.get("kostprijs", ""), ""),
                                         signup.get("kostprijs_uitleg", "")) if x),
            "wachttijd": signup.get("wachttijd", ""),
            "telefoon": p.contact.get("telefoon", ""),
            "talen": [LANGUAGE_LABELS.get(t, t) for t in p.talen],
            "locaties": locations,
            # "Niet recent nagekeken (laatst op ...)" on the build date, or "" (the region's policy decides)
            "versheid": ("" if site.freshness(p) == freshness.FRESH
                         else f"Niet recent nagekeken (laatst op {dutch_date(p.nagekeken_datum)})"),
            "afspraak": sentences(site, p),  # gedeeld beroepsgeheim, in words
        }
    return {"partners": partners}


def dutch_date(iso: str) -> str:
    from .pages import dutch_date as dutch

    return dutch(iso)


def sheet_json(site: Site) -> str:
    return json.dumps(sheet_data(site), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
