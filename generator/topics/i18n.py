"""The family's language: the catalogues of the family-facing texts, their check, and what the browser gets.

The care worker works in Dutch; the family sheet ("Mijn netwerk") and the wegwijzer switch to the
family's language in the browser (``theme/assets/netwerkkaart/nk-taal.js``). The texts live in one
YAML file per language, ``generator/data/talen/<code>.yml``: a flat mapping ``key: text``, with
placeholders such as ``{naam}``. ``nl.yml`` is the reference: every other file has the same keys and,
per key, the same placeholders (:func:`check`, NK370-NK373, NK376).

Why keyed YAML and not gettext: the labels are set by browser JavaScript, so the build compiles each
catalogue into one small JSON file (``assets/netwerkkaart/talen/<code>.json``, :func:`asset_files`)
that the page fetches only when that language is chosen; YAML is what editors already write, is read
by the project's own loader (line and column for every problem) and needs no new dependency.

Partner free text stays Dutch (marked ``lang="nl"``) unless the partner gives ``vertalingen:`` of its
short description (:func:`check_partner_translations`, NK374-NK375).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..problems import Problem, problem
from .. import PACKAGE_DIR

if TYPE_CHECKING:
    from ..model import Hours

FOLDER = PACKAGE_DIR / "data" / "talen"
ASSET_FOLDER = "assets/netwerkkaart/talen"
REFERENCE = "nl"
# code -> (the language's own name, writing direction); the order of the language switch.
LANGUAGES = {
    "nl": ("Nederlands", "ltr"), "fr": ("Français", "ltr"), "en": ("English", "ltr"), "ar": ("العربية", "rtl"),
    "tr": ("Türkçe", "ltr"), "pl": ("Polski", "ltr"), "uk": ("Українська", "ltr"), "ro": ("Română", "ltr"),
}
# Codes a strict build fails on (MkDocs warnings), beside freshness.BUILD_WARNINGS.
BUILD_WARNINGS = frozenset({"NK370", "NK372"})
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _shown(file: Path) -> str:
    """The catalogue's path as the repository writes it (generator/data/talen/fr.yml)."""
    try:
        return file.relative_to(FOLDER.parent.parent.parent).as_posix()
    except ValueError:
        return str(file)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def _load(folder: Path, code: str, out: list[Problem]) -> tuple[dict[str, str], object] | None:
    from ..load.yamlload import Refused, load, read_bounded

    file = folder / f"{code}.yml"
    shown = _shown(file)
    try:
        raw = read_bounded(str(file))
    except (OSError, Refused) as exc:
        out.append(problem("NK373", shown, 1, 1, reason=type(exc).__name__))
        return None
    doc, problems = load(raw, shown)
    out += [p for p in problems if p.is_error]
    if doc is None:
        return None
    texts: dict[str, str] = {}
    for key, value in doc.data.items():
        if not isinstance(value, str) or not value.strip():
            m = doc.mark((key,))
            out.append(problem("NK376", shown, m.line, m.column, key=str(key)))
            continue
        texts[str(key)] = value
    return texts, doc


def check(folder: Path | None = None) -> list[Problem]:
    """Every language has every key of nl.yml, with the same placeholders, and no other keys."""
    folder = folder or FOLDER
    out: list[Problem] = []
    loaded = {code: _load(folder, code, out) for code in LANGUAGES}
    reference = loaded[REFERENCE]
    if reference is None:
        return out
    ref, _ = reference
    for code, item in loaded.items():
        if code == REFERENCE or item is None:
            continue
        texts, doc = item
        shown = _shown(folder / f"{code}.yml")
        for key in ref:
            if key not in texts:
                out.append(problem("NK370", shown, 1, 1, key=key, language=code, example=ref[key]))
            elif placeholders(texts[key]) != placeholders(ref[key]):
                m = doc.mark((key,))
                out.append(problem("NK371", shown, m.line, m.column, key=key,
                                   found=", ".join(sorted("{" + p + "}" for p in placeholders(texts[key]))) or "geen",
                                   expected=", ".join(sorted("{" + p + "}" for p in placeholders(ref[key]))) or "geen"))
        for key in texts:
            if key not in ref:
                m = doc.mark((key,), key=True)
                out.append(problem("NK372", shown, m.line, m.column, key=key, language=code))
    return out


def catalogues(folder: Path | None = None) -> dict[str, dict[str, str]]:
    """code -> {key: text} of every language that can be read (problems: see :func:`check`)."""
    folder = folder or FOLDER
    ignored: list[Problem] = []
    out = {}
    for code in LANGUAGES:
        item = _load(folder, code, ignored)
        out[code] = item[0] if item else {}
    return out


def asset_files() -> list:
    """One JSON file per language for nk-taal.js: its texts, fetched only when it is chosen.
    A key missing in a language is left out: the page then shows the Dutch text (marked lang="nl")."""
    from ..render.maps import MapFile

    found = catalogues()
    files = []
    for code, texts in found.items():
        data = {k: v for k, v in texts.items() if k in found[REFERENCE]}
        files.append(MapFile(f"{ASSET_FOLDER}/{code}.json",
                             json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)))
    return files


# -- partners' vertalingen: ------------------------------------------------------------------------

def check_partner_translations(project) -> list[Problem]:
    """``vertalingen: {fr: ..., ar: ...}`` of a partner's short description: known family languages
    (not nl: the record itself is Dutch), no empty text (the schema checks the types)."""
    out: list[Problem] = []
    known = [c for c in LANGUAGES if c != REFERENCE]
    for record in project.of_kind("partner"):
        data = record.doc.data if record.doc else None
        given = data.get("vertalingen") if isinstance(data, dict) else None
        if not isinstance(given, dict):
            continue
        for code, text in given.items():
            if code not in known:
                m = record.doc.mark(("vertalingen", code), key=True)
                out.append(problem("NK374", record.path, m.line, m.column, value=code, allowed=", ".join(known)))
            elif isinstance(text, str) and not text.strip():
                m = record.doc.mark(("vertalingen", code))
                out.append(problem("NK375", record.path, m.line, m.column, value=code))
    return out


# -- what the sheet gets beside its Dutch text (hook in sheet.sheet_data) -----------------------------

def _blocks(holder: Hours) -> dict:
    """The weekly hours as data, for the hours in words in another language (nk-taal.js)."""
    out: dict = {}
    if holder.dag_en_nacht:
        out["dn"] = 1
    if holder.op_afspraak:
        out["af"] = 1
    blocks = [b.to_data() for b in holder.openingsuren]
    if blocks:
        out["b"] = blocks
    return out


@functools.cache
def default_texts() -> tuple[dict[str, str], dict[str, str]]:
    """The standard questions and levensdomeinen (id -> Dutch text): only these wordings have a
    translation; a region's own wording stays Dutch."""
    import yaml

    data, loader = PACKAGE_DIR / "data", getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10x faster
    questions = yaml.load((data / "vragen.yml").read_text(encoding="utf-8"), Loader=loader)["vragen"]
    domains = yaml.load((data / "levensdomeinen.yml").read_text(encoding="utf-8"), Loader=loader)["levensdomeinen"]
    return {q["id"]: q["vraag"] for q in questions}, {d["id"]: d["naam"] for d in domains}


def translatable(kind: str, item_id: str, text: str) -> str:
    """The attributes of an element showing a question (kind "vraag") or levensdomein ("domein"):
    its catalogue key when the text is the standard wording, else lang="nl" (a region's own words)."""
    from ..render.html import e

    questions, domains = default_texts()
    if (questions if kind == "vraag" else domains).get(item_id) == text:
        return f' data-nk-t="{e(kind)}.{e(item_id)}"'
    return ' lang="nl" dir="ltr"'


def sheet_extras(site, data: dict) -> dict:
    """Adds to the sheet's data what another language needs: the structured fields behind the Dutch
    sentences (``t``), per partner; per region which questions and levensdomeinen have the standard
    wording (``vt``, ``dt``)."""
    questions, domains = default_texts()
    for r in site.regions:
        region = data["regios"].get(r.id)
        if region is None:
            continue
        region["vt"] = sorted(q.id for q in r.questions if questions.get(q.id) == q.vraag)
        region["dt"] = sorted(d.id for d in r.life_domains if domains.get(d.id) == d.naam)
    for p in site.partners:
        entry = data["partners"].get(p.id)
        if entry is None:
            continue
        signup = p.aanmelden
        region = site.region(p.region)
        extra = {
            "via": [w for w in ("zelf", "hulpverlener", "online") if w in signup.via],
            "wie": signup.wie or "",
            "kp": signup.kostprijs or "",
            "ku": signup.kostprijs_uitleg or "",
            "talen": list(p.talen),
            "dom": [d for d in p.levensdomeinen],
            "loc": [{**_blocks(loc.hours), **({"ux": loc.openingsuren_uitleg} if loc.openingsuren_uitleg else {})}
                    for loc in p.locaties if loc.public],
            "lijn": [_blocks(line.hours) for line in p.telefoonlijnen],
            "af": [{"regio": region.naam, "datum": a.datum} for a in site.agreements_of(p)],
        }
        if entry.get("versheid"):
            extra["oud"] = 1
        if p.vertalingen:
            extra["kort"] = dict(p.vertalingen)
        entry["t"] = extra
    return data
