"""Data for "Mijn netwerk": the family's sheet, built in the browser from one file for everyone.

The sheet shows only the partners the worker picked, but the browser downloads the data of all
partners in one file (``mijn-netwerk/partners.json``), the same for every visitor: no request
ever names a picked partner. The file's address is ``pages.DATA``. QR codes are made at build time with segno and shipped as compact
bit matrices that the page draws as SVG.
"""

from __future__ import annotations

import base64
import json

import segno

from . import urls
from .model import COST_LABELS, LANGUAGE_LABELS, SIGNUP_LABELS, Site


def qr_matrix(text: str) -> dict:
    """A QR code as {"n": size, "bits": base64 of the rows, dark = 1}, for about 200 bytes."""
    code = segno.make(text, error="m")
    rows = ["".join("1" if cell else "0" for cell in row) for row in code.matrix]
    bits = "".join(rows)
    bits += "0" * (-len(bits) % 8)
    raw = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
    return {"n": len(rows), "bits": base64.b64encode(raw).decode("ascii")}


def sheet_data(site: Site, site_url: str) -> dict:
    """Everything the sheet shows, per partner id, in plain text (the page escapes nothing: it uses textContent)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
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
            "qr": qr_matrix(base + urls.partner(p.id)),
        }
    return {"partners": partners}


def sheet_json(site: Site, site_url: str) -> str:
    return json.dumps(sheet_data(site, site_url), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
