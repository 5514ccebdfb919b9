"""Pictograms: one per levensdomein and per question, so a parent who reads little can follow.

The pictograms are Tabler Icons (MIT), vendored one SVG per pictogram in
``theme/assets/netwerkkaart/picto/`` (with the licence and a README on source and version); the
site uses one sprite made from them, ``picto/picto.svg`` (``python -m generator.topics.picto`` remakes
it; a test checks it is up to date), so a page or a card refers to ``picto.svg#<name>`` instead of
repeating the drawing. A levensdomein or question chooses its pictogram with ``picto: <name>``;
without it the defaults below apply, then (for a question) its first levensdomein's pictogram,
then :data:`FALLBACK`. A name that is not vendored is NK385.

The reference is ``xlink:href``, not ``href``: mkdocs-material's instant navigation sets the
``href`` property of every element with an ``href`` attribute, which an SVG ``<use>`` does not
allow (the navigation stops with an error).

On a page a pictogram is ``<svg role="img" aria-labelledby="<label id>">``: its text alternative
is the visible label beside it, in whatever language that label is shown; inside a button (whose
own text names it) it is ``aria-hidden``.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from ..render.html import e
from ..problems import Problem, problem

if TYPE_CHECKING:
    from ..model import LifeDomain
    from ..load.project import Project
    from .vragen import Question

FOLDER = "assets/netwerkkaart/picto/"
SPRITE = FOLDER + "picto.svg"  # site path of the sprite
FALLBACK = "circle-dot"

# Defaults for the standard levensdomeinen (generator/data/levensdomeinen.yml).
DOMAINS = {
    "inkomen": "coin-euro", "wonen": "home", "werk": "briefcase", "onderwijs": "book",
    "gezondheid": "heartbeat", "welzijn": "mood-smile", "opvoeding": "friends",
    "kinderopvang": "baby-carriage", "vrije-tijd": "ball-football", "mobiliteit": "bus",
    "rechten": "scale", "participatie": "users-group",
}
# Defaults for the questions of the standard catalogue (generator/data/vragen.yml).
QUESTIONS = {
    "schulden": "receipt-euro", "rondkomen": "wallet", "eten": "tools-kitchen-2", "energie": "bolt",
    "toelagen": "discount", "woning-zoeken": "home-search", "huur": "key", "dakloos": "home-off",
    "slechte-woning": "home-exclamation", "werk-zoeken": "user-search", "opleiding": "certificate",
    "nederlands": "language", "school-kiezen": "school", "moeilijk-op-school": "pencil-exclamation",
    "schoolkosten": "backpack", "zwanger": "woman", "baby-opvolgen": "baby-bottle",
    "dokter": "stethoscope", "psychisch": "cloud-rain", "verslaving": "glass-off", "geweld": "hand-stop",
    "scheiding": "heart-broken", "praten": "message-circle", "jongere": "user-question",
    "opvoeding": "mood-kid", "ouders-ontmoeten": "users", "ontwikkeling": "puzzle",
    "veel-tegelijk": "stack-3", "opvang-baby": "baby-carriage", "opvang-schoolkind": "clock-hour-4",
    "opvang-dringend": "alarm", "hobby": "ball-basketball", "vrije-tijd-betaalbaar": "ticket",
    "vervoer": "bike", "papieren": "file-text", "juridisch": "gavel", "verblijf": "id",
    "eenzaam": "mood-empty", "nieuw-in-belgie": "map-2",
}

NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _folder():
    return resources.files("generator") / "theme" / FOLDER


@cache
def names() -> tuple[str, ...]:
    """Every vendored pictogram, sorted."""
    return tuple(sorted(p.name[:-4] for p in _folder().iterdir()
                        if p.name.endswith(".svg") and p.name != "picto.svg"))


def exists(name: str) -> bool:
    return bool(NAME.match(name or "")) and name in names()


def for_domain(domain: LifeDomain) -> str:
    own = getattr(domain, "picto", "")
    return own if exists(own) else DOMAINS.get(domain.id, FALLBACK)


def for_question(question: Question, domains: dict[str, LifeDomain]) -> str:
    """The question's own pictogram, the default for its id, else its first levensdomein's."""
    own = getattr(question, "picto", "")
    if exists(own):
        return own
    if question.id in QUESTIONS:
        return QUESTIONS[question.id]
    first = domains.get(question.levensdomeinen[0]) if question.levensdomeinen else None
    return for_domain(first) if first else FALLBACK


def contexts(region) -> dict[str, str]:
    """"v-<vraag>" and "d-<levensdomein>" (what a partner is picked for on the sheet) -> pictogram."""
    domains = {d.id: d for d in region.life_domains}
    return {**{f"d-{d.id}": for_domain(d) for d in region.life_domains},
            **{f"v-{q.id}": for_question(q, domains) for q in region.questions}}


def svg(href: str, *, label_id: str | None = None) -> str:
    """The pictogram at ``href`` (``<sprite>#<name>``): named by the element ``label_id``, or
    hidden from assistive technology when the text right beside it names it (in a button)."""
    aria = f'role="img" aria-labelledby="{e(label_id)}"' if label_id else 'aria-hidden="true"'
    return (f'<svg class="nk-picto" viewBox="0 0 24 24" focusable="false" {aria}>'
            f'<use xlink:href="{e(href)}"></use></svg>')


# -- the sprite ---------------------------------------------------------------------------

_DRAWING = re.compile(r"<path[^>]*/>|<(?:circle|rect|line|polyline|polygon|ellipse)[^>]*/>")
_FRAME = '<path stroke="none" d="M0 0h24v24H0z" fill="none" />'
_NOTICE = ("Pictogrammen: Tabler Icons {version} (https://tabler.io/icons), MIT-licentie, "
           "Copyright (c) 2020-2026 Paweł Kuna. De volledige licentie: LICENSE in deze map.")


def version() -> str:
    match = re.search(r"Tabler Icons (\S+)", (_folder() / "README.md").read_text("utf-8"))
    return match.group(1) if match else "?"


def sprite() -> str:
    """One SVG with a <symbol> per vendored pictogram (ids are the names)."""
    parts = ['<svg xmlns="http://www.w3.org/2000/svg">', f"<!-- {_NOTICE.format(version=version())} -->"]
    for name in names():
        text = (_folder() / f"{name}.svg").read_text("utf-8").replace(_FRAME, "")
        body = "".join(re.sub(r"\s+", " ", x).replace(" />", "/>") for x in _DRAWING.findall(text))
        parts.append(f'<symbol id="{name}" viewBox="0 0 24 24"><g fill="none" stroke="currentColor" '
                     f'stroke-width="2" stroke-linecap="round" stroke-linejoin="round">{body}</g></symbol>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


# -- check --------------------------------------------------------------------------------

def check(project: Project) -> list[Problem]:
    """NK385: a levensdomein or question names a pictogram that is not vendored."""
    from .vragen import _records as question_records

    out: list[Problem] = []
    default = project.default_life_domains
    domain_records = project.of_kind("levensdomeinen") + ([default] if default and default.schema_ok else [])
    for key, records in (("levensdomeinen", domain_records), ("vragen", question_records(project))):
        for record in records:
            if not record.doc or not record.schema_ok:
                continue
            for i, item in enumerate(record.doc.data.get(key, [])):
                name = item.get("picto")
                if name is None or exists(name):
                    continue
                close = difflib.get_close_matches(name, names(), n=1, cutoff=0.6)
                m = record.doc.mark((key, i, "picto"))
                out.append(problem("NK385", record.path, m.line, m.column, value=name,
                                   suggestion=f" Bedoel je '{close[0]}'?" if close else ""))
    return out


if __name__ == "__main__":  # python -m generator.topics.picto: remake the sprite from the vendored SVGs
    path = _folder() / "picto.svg"
    with open(str(path), "w", encoding="utf-8") as f:
        f.write(sprite())
    print(f"{path}: {len(names())} pictogrammen")
