"""The Pagefind search index, built beside the MkDocs build instead of after it.

Pagefind indexes only what is inside ``data-pagefind-body``, and that is the body of our generated
pages. So the index is built from those bodies, as soon as the pages exist: a child process writes
each body as a small HTML file and runs Pagefind on them, on the second core, while MkDocs renders
the site. The plugin copies the result into the site at the end. Measured at 10,000 partners: Pagefind
over the finished site took 12 s after the build; this way it is done before MkDocs is.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from .html import e
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


class SearchIndex:
    """Starts indexing ``pages`` (those with ``searchable``) at once; :meth:`finish` puts the index in
    the site, :meth:`cancel` stops it."""

    def __init__(self, pages) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="netwerkkaart-zoeken-"))
        atexit.register(self._clean)  # `mkdocs serve` stopped with Ctrl-C
        self.lock = threading.Lock()
        self.code: int | None = None
        self.output = self.folder / SEARCH_INDEX
        self.log = self.folder / "pagefind.log"
        source = self.folder / "pagina's"
        searchable = [p for p in pages if p.searchable]
        self.pid: int | None = None
        self.process: subprocess.Popen | None = None
        # fork is only safe while this process runs a single thread (not under `mkdocs serve`).
        if threading.active_count() == 1 and hasattr(os, "fork"):
            pid = os.fork()
            if pid == 0:  # the child: write the pages, then become Pagefind
                try:
                    write_pages(searchable, source)
                    log = os.open(self.log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                    os.dup2(log, 1)
                    os.dup2(log, 2)
                    args = command(source, self.output)
                    os.execv(args[0], args)
                except BaseException:  # noqa: BLE001 - the parent reports a missing index
                    os._exit(1)
            self.pid = pid
        else:
            write_pages(searchable, source)
            with open(self.log, "wb") as log:
                self.process = subprocess.Popen(command(source, self.output), stdout=log, stderr=log)

    def _reap(self, block: bool) -> int | None:
        """The exit code once Pagefind has ended (its process id is then forgotten: a reaped id can be
        reused by another process), else None."""
        with self.lock:
            if self.process is not None:
                code = self.process.wait() if block else self.process.poll()
                return code
            if self.pid is None:
                return self.code
            try:
                pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
            except ChildProcessError:
                pid, status = self.pid, 1 << 8
            if not pid:
                return None
            self.pid, self.code = None, os.waitstatus_to_exitcode(status)
            return self.code

    def _wait(self, timeout: float) -> int:
        step, waited = 0.05, 0.0
        while waited < timeout:
            code = self._reap(block=False)
            if code is not None:
                return code
            threading.Event().wait(step)
            waited += step
        raise subprocess.TimeoutExpired("pagefind", timeout)

    def finish(self, site_dir: str | Path, timeout: float = 600) -> None:
        """Wait for Pagefind and put the index in ``site_dir``/pagefind (whole, or not at all)."""
        try:
            try:
                code = self._wait(timeout)
            except subprocess.TimeoutExpired as exc:
                self.cancel()
                raise SearchIndexError(f"Pagefind was na {timeout:.0f} s nog niet klaar.") from exc
            with self.lock:
                if self.cancelled:
                    return
                if code != 0 or not (self.output / "pagefind.js").is_file():
                    log = self.log.read_text(encoding="utf-8", errors="replace") if self.log.is_file() else ""
                    raise SearchIndexError(f"Pagefind stopte met code {code}.\n{log}".strip())
                target = Path(site_dir) / SEARCH_INDEX
                fresh = Path(site_dir) / f".{SEARCH_INDEX}-nieuw"
                shutil.rmtree(fresh, ignore_errors=True)
                shutil.copytree(self.output, fresh)
                shutil.rmtree(target, ignore_errors=True)
                os.replace(fresh, target)
        finally:
            self._clean()

    cancelled = False

    def cancel(self) -> None:
        """Stop Pagefind (waits for a copy into the site that is under way)."""
        with self.lock:
            self.cancelled = True
            try:
                if self.process is not None and self.process.poll() is None:
                    self.process.kill()
                    self.process.wait()
                elif self.pid is not None:
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
                    self.pid = None
            except (OSError, ChildProcessError):
                self.pid = None
        self._clean()

    def _clean(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        atexit.unregister(self._clean)
