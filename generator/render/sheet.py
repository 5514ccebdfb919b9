"""Data for "Mijn netwerk": the family's sheet, built in the browser from one file for everyone.

The sheet shows only the partners the worker picked, but the browser downloads the data of all
partners in one file (``mijn-netwerk/partners.json``), the same for every visitor: no request
ever names a picked partner. The file's address is ``pages.DATA``. The page draws a QR code per picked partner in the browser
(qrcode-generator, shipped with the theme), pointing at the address the sheet is read from (codes
made at build time would point at ``site_url`` and cost build time: docs/over-snelheid.md).

The sheet is read at home, without the care worker: how to get in and what it costs are written
as sentences (``labels.signup_sentence``, ``labels.cost_sentence``), phone numbers carry their E.164 form for a
``tel:`` link, and each region brings its 1 Gezin 1 Plan route, its questions and levensdomeinen
(the sheet groups partners by the question or levensdomein they were picked for).
"""

from __future__ import annotations

import json

from ..topics import freshness, hours, urls
from ..topics import picto  # pictograms for families
from .agreements import sentences
from .html import e164, safe_web_url
from .labels import cost_sentence, language, signup_sentence
from ..model import Hours, Partner, Site


def _phone(number: str | None) -> dict | None:
    if not number:
        return None
    target = e164(number)
    return {"tekst": number, "e164": target} if target else {"tekst": number, "e164": ""}


def _partner(site: Site, p: Partner, names: dict[str, str]) -> dict:
    signup = p.aanmelden
    locations = []
    for loc in p.locaties:
        if not loc.public:
            continue
        locations.append({
            "naam": loc.naam or "",
            "adres": ", ".join(x for x in (loc.straat, f"{loc.postcode} {loc.gemeente}") if x),
            "uren": hours.week_words(loc.hours, holidays=False, short=True)
            + ([loc.openingsuren_uitleg] if loc.openingsuren_uitleg else []),
            "open": _closure_fields(loc.hours),  # the closures of the next 4 weeks (nk-open.js)
        })
    phone = _phone(signup.telefoon or p.contact.telefoon)
    return {
        "naam": p.naam,
        "regio": p.region,
        "url": urls.partner(p.id),
        "domeinen": [names[d] for d in p.levensdomeinen if d in names],
        "kort": p.korte_beschrijving,
        "aanmelden": signup_sentence(signup),
        "meebrengen": list(signup.meebrengen or ()),
        "kost": cost_sentence(signup),
        "wachttijd": signup.wachttijd or "",
        "telefoon": phone,
        "formulier": safe_web_url(signup.formulier) or "",
        "website": safe_web_url(p.contact.website) or "",
        # true, false or null: the page writes them in words (SECRECY, BROAD)
        "beroepsgeheim": p.beroepsgeheim,
        "brede_instap": p.brede_instap,
        "nagekeken": p.nagekeken_datum,
        "talen": [language(t) for t in p.talen],
        "locaties": locations,
        "lijnen": [{"naam": line.naam, "telefoon": _phone(line.telefoon),
                    "uren": hours.week_words(line.hours, holidays=False, short=True),
                    "open": _closure_fields(line.hours)} for line in p.telefoonlijnen],
        # "Niet recent nagekeken (laatst op ...)" on the build date, or "" (the region's policy decides)
        "versheid": ("" if site.freshness(p) == freshness.FRESH
                     else f"Niet recent nagekeken (laatst op {dutch_date(p.nagekeken_datum)})"),
        "afspraak": sentences(site, p),  # gedeeld beroepsgeheim, in words
    }


def _region(region) -> dict:
    a = region.aanmelden
    return {
        "naam": region.naam,
        "url": urls.region(region.id),
        "route": {"telefoon": _phone(a.telefoon), "formulier": safe_web_url(a.formulier) or "",
                  "email": a.email or "", "wat_volgt": a.wat_volgt or ""},
        "vragen": {q.id: q.vraag for q in region.questions},
        # questions that usually need more than one care worker: the route block says so (fixer)
        "complex": [q.id for q in region.questions if q.complex],
        "domeinen": {d.id: d.naam for d in region.life_domains},
        # the pictogram per group heading ("v-<vraag>", "d-<levensdomein>"; picto.py): a name in the sprite
        "picto": picto.contexts(region),
    }


def _closure_fields(opening: Hours) -> dict:
    """What NKOpen.closures needs (the blocks are on the sheet in words already): partners.json is
    downloaded whole by everyone who opens the sheet."""
    data = opening.to_data()
    out = {k: v for k, v in data.items() if k != "openingsuren"}
    if data.get("openingsuren"):
        out["openingsuren"] = True
    return out


def sheet_data(site: Site) -> dict:
    """Everything the sheet shows, per partner id, in plain text (the page escapes nothing: it uses textContent)."""
    regions = {r.id: _region(r) for r in site.regions}
    partners = {p.id: _partner(site, p, regions[p.region]["domeinen"]) for p in site.partners}
    from ..topics.i18n import sheet_extras  # lang: the structured fields behind the sentences, for other languages

    return sheet_extras(site, {"partners": partners, "regios": regions})


def dutch_date(iso: str) -> str:
    from .pages import dutch_date as dutch

    return dutch(iso)


def sheet_json(site: Site) -> str:
    return json.dumps(sheet_data(site), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
