"""Data for "Mijn netwerk": the family's sheet, built in the browser from one file for everyone.

The sheet shows only the partners the worker picked, but the browser downloads the data of all
partners in one file (``mijn-netwerk/partners.json``), the same for every visitor: no request
ever names a picked partner. The file's address is ``pages.DATA``. The page draws a QR code per picked partner in the browser
(qrcode-generator, shipped with the theme), pointing at the address the sheet is read from:
made at build time, 10,000 codes cost 35 s (segno, measured), and they pointed at ``site_url``.

The sheet is read at home, without the care worker: how to get in and what it costs are written
as sentences (:func:`signup_text`, :func:`cost_text`), phone numbers carry their E.164 form for a
``tel:`` link, and each region brings its 1 Gezin 1 Plan route, its questions and levensdomeinen
(the sheet groups partners by the question or levensdomein they were picked for).
"""

from __future__ import annotations

import json

from . import freshness, hours, urls
from . import picto  # pictograms for families
from .agreements import sentences
from .html import e164, safe_web_url
from .model import DAYS, LANGUAGE_LABELS, Partner, Site

# How to get in, as a parent reads it at home: one sentence ("Je neemt zelf contact op of een
# hulpverlener meldt je aan."), from these parts in this order.
SIGNUP_PARTS = {"zelf": "je neemt zelf contact op", "hulpverlener": "een hulpverlener meldt je aan",
                "online": "je meldt je online aan met het formulier"}
# What it costs, as a sentence.
COST_SENTENCES = {"gratis": "Het is gratis.", "bijdrage": "Je betaalt een kleine bijdrage.",
                  "inkomensafhankelijk": "Wat je betaalt, hangt af van je inkomen.",
                  "betalend": "Je betaalt ervoor."}
# The three states of beroepsgeheim and brede instap, in words, with what they mean for the family.
SECRECY = {True: "Beroepsgeheim: ja", False: "Beroepsgeheim: nee", None: "Beroepsgeheim: niet ingevuld"}
SECRECY_HELP = {
    True: "Wat je vertelt, blijft tussen jou en de hulpverlener. Die mag het alleen met jouw toestemming doorgeven.",
    False: "Deze partner is niet gebonden door het beroepsgeheim. Vraag gerust wat er met je gegevens gebeurt.",
    None: "We weten niet of deze partner gebonden is door het beroepsgeheim. Vraag het gerust.",
}
BROAD = {True: "Brede instap: ja", False: "Brede instap: nee", None: "Brede instap: niet ingevuld"}
BROAD_HELP = {
    True: "Hier kan je met elke vraag terecht. Ze luisteren en zoeken mee wie verder helpt.",
    False: "Deze partner helpt met een eigen thema. Met een andere vraag verwijzen ze je door.",
    None: "We weten niet of je hier met elke vraag terecht kan. Vraag het gerust.",
}


WEEK = ("ma", "di", "wo", "do", "vr", "za", "zo")


def days_text(days) -> str:
    """('ma', 'di', 'wo', 'do', 'vr') -> 'maandag tot vrijdag'; ('ma', 'wo') -> 'maandag en woensdag'."""
    order = sorted({d for d in days if d in DAYS}, key=WEEK.index)
    runs: list[list[str]] = []
    for d in order:
        if runs and WEEK.index(d) == WEEK.index(runs[-1][-1]) + 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    parts = [x for r in runs for x in ([f"{DAYS[r[0]]} tot {DAYS[r[-1]]}"] if len(r) >= 3 else [DAYS[d] for d in r])]
    return ", ".join(parts[:-1]) + " en " + parts[-1] if len(parts) > 1 else "".join(parts)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def signup_text(aanmelden: dict) -> str:
    """'Je neemt zelf contact op of een hulpverlener meldt je aan.' and who may."""
    ways = [SIGNUP_PARTS[w] for w in SIGNUP_PARTS if w in aanmelden.get("via", [])]
    parts = []
    if ways:
        text = ", ".join(ways[:-1]) + " of " + ways[-1] if len(ways) > 1 else ways[0]
        parts.append(text[0].upper() + text[1:] + ".")
    if aanmelden.get("wie"):
        parts.append(_sentence(aanmelden["wie"]))
    return " ".join(parts)


def cost_text(aanmelden: dict) -> str:
    """'Het is gratis. Een maaltijd kost 2 euro.'"""
    parts = [COST_SENTENCES.get(aanmelden.get("kostprijs", ""), "")]
    if aanmelden.get("kostprijs_uitleg"):
        parts.append(_sentence(aanmelden["kostprijs_uitleg"]))
    return " ".join(x for x in parts if x)


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
    phone = _phone(signup.get("telefoon") or p.contact.get("telefoon"))
    return {
        "naam": p.naam,
        "regio": p.region,
        "url": urls.partner(p.id),
        "domeinen": [names[d] for d in p.levensdomeinen if d in names],
        "kort": p.korte_beschrijving,
        "aanmelden": signup_text(signup),
        "meebrengen": signup.get("meebrengen", []),
        "kost": cost_text(signup),
        "wachttijd": signup.get("wachttijd", ""),
        "telefoon": phone,
        "formulier": safe_web_url(signup.get("formulier")) or "",
        "website": safe_web_url(p.contact.get("website")) or "",
        # true, false or null: the page writes them in words (SECRECY, BROAD)
        "beroepsgeheim": p.beroepsgeheim,
        "brede_instap": p.brede_instap,
        "nagekeken": p.nagekeken_datum,
        "talen": [LANGUAGE_LABELS.get(t, t) for t in p.talen],
        "locaties": locations,
        "lijnen": [{"naam": line["naam"], "telefoon": _phone(line["telefoon"]),
                    "uren": hours.week_words(line, holidays=False, short=True),
                    "open": _closure_fields(hours.browser_hours(line))} for line in p.telefoonlijnen],
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
        "route": {"telefoon": _phone(a.get("telefoon")), "formulier": safe_web_url(a.get("formulier")) or "",
                  "email": a.get("email", ""), "wat_volgt": a.get("wat_volgt", "")},
        "vragen": {q.id: q.vraag for q in region.questions},
        # questions that usually need more than one care worker: the route block says so (fixer)
        "complex": [q.id for q in region.questions if q.complex],
        "domeinen": {d.id: d.naam for d in region.life_domains},
        # the pictogram per group heading ("v-<vraag>", "d-<levensdomein>"; picto.py): a name in the sprite
        "picto": picto.contexts(region),
    }


def _closure_fields(data: dict) -> dict:
    """What NKOpen.closures needs (the blocks are on the sheet in words already): partners.json is
    downloaded whole by everyone who opens the sheet."""
    out = {k: v for k, v in data.items() if k != "openingsuren"}
    if data.get("openingsuren"):
        out["openingsuren"] = True
    return out


def sheet_data(site: Site) -> dict:
    """Everything the sheet shows, per partner id, in plain text (the page escapes nothing: it uses textContent)."""
    regions = {r.id: _region(r) for r in site.regions}
    partners = {p.id: _partner(site, p, regions[p.region]["domeinen"]) for p in site.partners}
    from .i18n import sheet_extras  # lang: the structured fields behind the sentences, for other languages

    return sheet_extras(site, {"partners": partners, "regios": regions})


def dutch_date(iso: str) -> str:
    from .pages import dutch_date as dutch

    return dutch(iso)


def sheet_json(site: Site) -> str:
    return json.dumps(sheet_data(site), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
