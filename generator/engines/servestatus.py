"""While ``mkdocs serve`` runs: what an editor sees in the browser when a save made the data invalid.

The plugin keeps serving the last good pages and writes the problems to a small JSON file beside
them; a script on every page (``theme/assets/netwerkkaart/problemen.js``, only while serving) shows
them in a Dutch banner (role="alert") and the banner is gone after the next good save. Only the
status file changes, so ``--dirty`` still renders nothing else. When there is no good site yet (the
very first build), the home page itself lists the problems.

Also here: the logging filter that keeps MkDocs' English "dirty build" warning from editors.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from .. import problemformat
from ..render.html import e
from ..render.pages import Page
from ..problems import CATALOG, Problem

STATUS = "assets/netwerkkaart/problemen.json"
SCRIPT = "assets/netwerkkaart/problemen.js"
FOUTCODES = "foutcodes.md"  # the catalogue in docs/, written by reference_docs.py


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def anchor(code: str) -> str:
    """The id MkDocs gives the heading '## NKxxx: title' of docs/foutcodes.md."""
    from markdown.extensions.toc import slugify

    kind = CATALOG.get(code)
    return slugify(f"{code}: {kind.title}" if kind else code, "-")


def foutcodes_url(docs_dir: str | Path | None) -> str | None:
    """Site-relative address of the code catalogue, when the site has it."""
    if docs_dir and (Path(docs_dir) / FOUTCODES).is_file():
        return FOUTCODES.removesuffix(".md") + "/"
    return None


def _explanation(p: Problem, catalogue: str | None) -> str | None:
    return f"{catalogue}#{anchor(p.code)}" if catalogue else None


def _item(p: Problem, catalogue: str | None) -> dict:
    return problemformat.banner_item(p, _explanation(p, catalogue))


def heading(problems: list[Problem], last_good: bool) -> str:
    what = plural(len(problems), "fout", "fouten")
    shown = ("Je ziet de laatste versie van de site die wel in orde was."
             if last_good else "Er is nog geen site: verbeter eerst de gegevens.")
    return (f"De gegevens hebben {what}. {shown} Verbeter het bestand en bewaar het: "
            "deze melding verdwijnt dan vanzelf.")


def status_json(problems: list[Problem], catalogue: str | None, last_good: bool = True) -> str:
    """The status file the banner script reads: no problems = no banner."""
    data = {"titel": heading(problems, last_good) if problems else "",
            "problemen": [_item(p, catalogue) for p in problems]}
    return json.dumps(data, ensure_ascii=False)


def write_status(site_dir: str | Path, problems: list[Problem], catalogue: str | None, last_good: bool) -> None:
    target = Path(site_dir) / STATUS
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(status_json(problems, catalogue, last_good), encoding="utf-8")
    tmp.replace(target)  # the browser never reads half a file


def error_page(problems: list[Problem], catalogue: str | None) -> Page:
    """The home page while there is no good site yet: the problems, each value escaped."""
    items = [problemformat.html(p, _explanation(p, catalogue)) for p in problems]
    body = (f'<div class="nk-serve-errors" role="alert"><p>{e(heading(problems, False))}</p>'
            f'<ul>{"".join(items)}</ul></div>')
    return Page("", "Fouten in de gegevens", body, searchable=False)


DIRTY_WARNING = "A 'dirty' build is being performed"


class _WithoutDirtyWarning(logging.Filter):
    """Drops MkDocs' English warning that a `--dirty` build may make the navigation inaccurate: for
    the generated pages it is not (the plugin tells MkDocs what changed, see plugin.py), and editors
    only read it as 'something is wrong'."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


_FILTER = _WithoutDirtyWarning()


def quiet_dirty_warning() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
