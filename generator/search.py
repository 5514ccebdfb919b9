"""The Pagefind search index, built beside the MkDocs build instead of after it.

Pagefind indexes only what is inside ``data-pagefind-body``, and that is the body of our generated
pages. So the index is built from those bodies, as soon as the pages exist: a child process writes
each body as a small HTML file and runs Pagefind on them, on the second core, while MkDocs renders
the site (runner.py). The engine copies the result into the site at the end (why: docs/over-snelheid.md).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

from .html import e
from .runner import Beside, JobError
from .refdata import fold
from .urls import SEARCH, SEARCH_INDEX

LANGUAGE = "nl"
TERMS = SEARCH + "termen.json"  # places and question words, for netwerkkaart.js (see terms_json)


# -- search by need and by place ----------------------------------------------------------
# A partner page ends with one hidden search word per question it answers (token('v', id)): a
# question's own words on every page that answers it made broad words match thousands of pages, and
# a Pagefind search by filters alone fetches the whole index. Its places are Pagefind filters: the
# municipalities where it has an address (adres) or works (plaats), or, for a partner of the whole
# region, its region (regio). A municipality page ends with its own word (token('g', nis)).
# netwerkkaart.js finds a place and question words in what was typed (from TERMS), and searches for
# those words, with those filters, first.

_answers: list = [None, None]  # (site, partner id -> question ids), made once per site
_LETTERS = "bcdfghjklmnpqrstvwz"  # no vowels: a stemmer leaves the word as it is


def token(kind: str, value: str) -> str:
    """A search word no text contains, the same for the same (kind, value): 'nk' + kind + 10 letters
    + 'x' (a fixed length, so one is never the start of another)."""
    digest = hashlib.sha256(f"{kind}:{value}".encode()).digest()
    return "nk" + kind + "".join(_LETTERS[b % len(_LETTERS)] for b in digest[:10]) + "x"


def partner_questions(site, partner) -> tuple[str, ...]:
    """The ids of the questions ``partner`` answers (vragen.answers), for its region."""
    from . import vragen

    if _answers[0] is not site:
        found: dict[str, list[str]] = {}
        for region in site.regions:
            for qid, partners in vragen.answered(site, region.id).items():
                for p in partners:
                    found.setdefault(p.id, []).append(qid)
        _answers[:] = [site, {k: tuple(v) for k, v in found.items()}]
    return _answers[1].get(partner.id, ())


def partner_tags(site, partner) -> str:
    """The end of a partner page: its question words (hidden) and its places and region as Pagefind
    filters, its region's name and its own description as metadata (see above)."""
    region = site.region(partner.region)
    located = sorted({loc.nis for loc in partner.locaties if loc.public})
    spans = [f'<span data-pagefind-filter="adres:{nis}"></span>' for nis in located]
    if partner.hele_regio:
        spans.append(f'<span data-pagefind-filter="regio:{e(region.id)}"></span>')
    else:
        spans += [f'<span data-pagefind-filter="plaats:{nis}"></span>'
                  for nis in sorted(set(partner.werkgebied) | set(located))]
    # the region's name (for results with the same title) and the partner's own words as excerpt
    spans.append(f'<span data-pagefind-meta="regio:{e(region.naam)}"></span>')
    spans.append(f'<span data-pagefind-meta="tekst:{e(partner.korte_beschrijving)}"></span>')
    words = " ".join(token("v", q) for q in partner_questions(site, partner))
    return (f'<div hidden data-pagefind-ignore>{"".join(spans)}</div>'
            + (f'<p hidden data-pagefind-weight="0.1">{words}</p>' if words else ""))


def municipality_tags(municipality) -> str:
    """The end of a municipality page: its own hidden word, so that a query of only its name, a
    deelgemeente or a postcode shows this page first (a partner named after the town weighs as much)."""
    about = f"Wie helpt gezinnen in {municipality.naam}: per levensdomein, de lokale aanspreekpunten, deelgemeenten en postcodes."
    return (f'<div hidden data-pagefind-ignore><span data-pagefind-meta="tekst:{e(about)}"></span></div>'
            f'<p hidden>{token("g", municipality.nis)}</p>')


def terms(site) -> dict:
    """What netwerkkaart.js needs to read a query: every place name, deelgemeente and postcode (folded)
    with its municipalities' NIS codes and regions, and every question with the words people use."""
    places: dict[str, list[str]] = {}
    regions: dict[str, str] = {}
    for r in site.regions:
        for m in r.municipalities:
            regions[m.nis] = r.id
            for name in [m.naam, *(n for n, _ in m.deelgemeenten), *m.postcodes]:
                nis_list = places.setdefault(fold(name), [])
                if m.nis not in nis_list:
                    nis_list.append(m.nis)
    questions: dict[str, dict] = {}
    for r in site.regions:
        for q in r.questions:
            item = questions.setdefault(q.id, {"id": q.id, "v": q.vraag, "t": token("v", q.id), "w": []})
            item["w"] += [w for w in dict.fromkeys(fold(x) for x in q.woorden) if w not in item["w"]]
    pages = {m.nis: token("g", m.nis) for r in site.regions for m in r.municipalities}
    return {"plaatsen": places, "regios": regions, "pagina": pages, "vragen": list(questions.values())}


def terms_json(site) -> str:
    import json

    return json.dumps(terms(site), ensure_ascii=False, separators=(",", ":"))


class SearchIndexError(Exception):
    """Pagefind failed; the message says why (in Dutch, for the build log)."""


def page_document(title: str, body: str) -> str:
    """The HTML that Pagefind reads for one page: the page's own body, nothing of the theme."""
    return (f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"><title>{e(title)}</title></head>'
            f"<body>{body}</body></html>")


def write_pages(pages, folder: Path) -> None:
    for page in pages:
        target = folder / page.url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_document(page.title, page.body), encoding="utf-8")


def command(source: Path, output: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output),
            "--force-language", LANGUAGE, "--silent"]


def _work(pages):
    """The runner's work: the pages' documents into ``folder``, then Pagefind over them."""
    searchable = [p for p in pages if p.searchable]

    def work(folder: Path) -> list[str]:
        write_pages(searchable, folder / "pagina's")
        return command(folder / "pagina's", folder / SEARCH_INDEX)

    return work


def _copy_into(site_dir: str | Path):
    def copy(folder: Path) -> None:
        """The index into ``site_dir``/pagefind, whole or not at all."""
        output = folder / SEARCH_INDEX
        if not (output / "pagefind.js").is_file():
            raise SearchIndexError("Pagefind maakte geen index.")
        target = Path(site_dir) / SEARCH_INDEX
        fresh = Path(site_dir) / f".{SEARCH_INDEX}-nieuw"
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(output, fresh)
        shutil.rmtree(target, ignore_errors=True)
        os.replace(fresh, target)

    return copy


class SearchIndex:
    """Starts indexing ``pages`` (those with ``searchable``) at once, beside the build (runner.py);
    :meth:`finish` puts the index in the site, :meth:`cancel` stops it."""

    def __init__(self, pages) -> None:
        self.task = Beside(_work(pages), prefix="netwerkkaart-zoeken-")

    @property
    def cancelled(self) -> bool:
        return self.task.cancelled

    def finish(self, site_dir: str | Path, timeout: float = 600) -> None:
        """Wait for Pagefind and put the index in ``site_dir``/pagefind (whole, or not at all)."""
        try:
            self.task.finish(_copy_into(site_dir), timeout)
        except JobError as exc:
            raise SearchIndexError(f"Pagefind: {exc}") from exc

    def cancel(self) -> None:
        self.task.cancel()
