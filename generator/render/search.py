"""The Pagefind search index, built beside the MkDocs build instead of after it.

Pagefind indexes only what is inside ``data-pagefind-body``, and that is the body of our generated
pages. So the index is built from those bodies (Page.search_document: without the lists of partners
Pagefind skips anyway), as soon as the pages exist: a child process hands them to Pagefind's service
(pagefind_service.py), on the second core, while MkDocs renders the site (runner.py). The engine moves
the result into the site at the end (why: docs/over-snelheid.md).
One index per group of regions plus one for the site-wide pages, made one after the other (memory: see
"index groups" below); the browser merges them (netwerkkaart.js, docs/over-zoeken.md).
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import pickle
import shutil
import sys
from pathlib import Path

from . import pagefind_service
from .html import e
from ..engines.runner import Beside, JobError
from ..load.refdata import fold
from ..topics.urls import SEARCH, SEARCH_INDEX, search_index

try:
    import fcntl
except ImportError:  # not on Windows: a pipe of the default size
    fcntl = None

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
    from ..topics import vragen

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


def terms(site, packed: dict[str, str] | None = None) -> dict:
    """What netwerkkaart.js needs to read a query: every place name, deelgemeente and postcode (folded)
    with its municipalities' NIS codes and regions, every question with the words people use, and
    which index group holds each region (``packed``: see packs; default: a group per region)."""
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
    # Each region is in one index group (see "index groups" below); a partner that has an address or
    # works in a municipality of another region is in its own region's index: "ook" lists those regions.
    also: dict[str, list[str]] = {}
    for r in site.regions:
        for partner in site.partners_of(r.id):
            located = {loc.nis for loc in partner.locaties if loc.public}
            for nis in located if partner.hele_regio else located | set(partner.werkgebied):
                if regions.get(nis, r.id) != r.id and r.id not in also.setdefault(nis, []):
                    also[nis].append(r.id)
    packed = {r.id: (packed or {}).get(r.id, r.id) for r in site.regions}
    return {"plaatsen": places, "regios": regions, "pagina": pages, "vragen": list(questions.values()),
            "indexen": sorted(set(packed.values())), "groepen": packed,
            "ook": {nis: sorted(ids) for nis, ids in sorted(also.items())}}


def terms_json(site, packed: dict[str, str] | None = None) -> str:
    return json.dumps(terms(site, packed), ensure_ascii=False, separators=(",", ":"))


class SearchIndexError(Exception):
    """Pagefind failed; the message says why (in Dutch, for the build log)."""


# -- index groups -------------------------------------------------------------------------
# Pagefind holds every page it indexes in memory (about 80 MB per 1,000 pages, whatever the text), so
# one index of 10,000 partner pages took 830 MB. The regions are packed into index groups of at most
# GROUP_PAGES pages instead (partition; a region is never split), made one after the other: at most one
# Pagefind runs, as large as the largest group. Not one index per region: a query without a place merges
# every index, and each merged index costs the browser its own word chunks and time (16 regions: 2.5x
# the bytes of one index). pagefind/ holds the engine and the index of the site-wide pages;
# pagefind/regio/<group>/ (urls.search_index; a group is named after its first region) a group's index:
# its regions' region, municipality and levensdomein pages and their partners' pages, nothing of the
# engine. termen.json says which group holds which region; netwerkkaart.js merges the indexes it needs
# into one search with Pagefind's mergeIndex.

SITE_WIDE = ""  # the group of the pages of no region
GROUP_PAGES = 2500  # the page budget of one index group (see partition; Settings.search_group_pages)
EMPTY = "pagefind-leeg/"  # the one document of an empty site-wide index (Pagefind refuses no pages)


def group(page, regions: frozenset[str]) -> str:
    """The index ``page`` goes into: its region's id, or SITE_WIDE. A record's page belongs to the
    region of its data file (partners/<regio>/..., regions/<regio>/...); another page to the region
    whose folder it is in (levensdomeinen: <regio>/levensdomeinen/<id>/)."""
    parts = (page.source or "").replace("\\", "/").split("/")
    if len(parts) >= 3 and parts[0] in ("partners", "regions") and parts[1] in regions:
        return parts[1]
    first = page.url.split("/", 1)[0]
    return first if first in regions else SITE_WIDE


def region_sizes(pages) -> dict[str, int]:
    """The number of searchable ``pages`` of each region (regions sorted by id)."""
    sizes = {key: len(members) for key, members in _by_region(pages).items() if key != SITE_WIDE}
    return dict(sorted(sizes.items()))


def partition(sizes: dict[str, int], budget: int = GROUP_PAGES) -> dict[str, list[str]]:
    """The regions packed into index groups: greedy, in the order of ``sizes`` (a stable order: by id),
    a region joins the current group while the group stays within ``budget`` pages, else starts the
    next one (a region is never split: one larger than the budget is a group of its own). A group is
    named after its first region, its folder is urls.search_index(name). Returns {name: [region ids]}."""
    found: dict[str, list[str]] = {}
    name, total = None, 0
    for region, size in sizes.items():
        name, total = pack_step(name, total, region, size, budget)
        found.setdefault(name, []).append(region)
    return found


def pack_step(group: str | None, total: int, region: str, size: int, budget: int) -> tuple[str, int]:
    """One step of partition: the group ``region`` (``size`` pages) goes into, after ``group`` with
    ``total`` pages, and that group's new total (SearchStream packs with it as the regions come)."""
    if group is None or total + size > budget:
        return region, size
    return group, total + size


def packs(pages, budget: int = GROUP_PAGES) -> dict[str, str]:
    """Per region id, the name of its index group (see partition)."""
    return {region: name for name, regions in partition(region_sizes(pages), budget).items() for region in regions}


def _by_region(pages) -> dict[str, list]:
    searchable = [p for p in pages if p.searchable]
    regions = frozenset(parts[1] for p in searchable
                        if len(parts := (p.source or "").replace("\\", "/").split("/")) >= 3
                        and parts[0] in ("partners", "regions"))
    found: dict[str, list] = {SITE_WIDE: []}
    for page in searchable:
        found.setdefault(group(page, regions), []).append(page)
    return found


def groups(pages, packed: dict[str, str] | None = None) -> dict[str, list]:
    """The searchable ``pages`` per index: SITE_WIDE first (always there), then each index group
    (``packed``: region id -> group name; default: packs(pages)), by name."""
    found = _by_region(pages)
    packed = packs(pages) if packed is None else packed
    result: dict[str, list] = {SITE_WIDE: found.pop(SITE_WIDE)}
    for region in sorted(found):
        result.setdefault(packed.get(region, region), []).extend(found[region])
    return {key: result[key] for key in [SITE_WIDE, *sorted(k for k in result if k != SITE_WIDE)]}


DOCUMENT = ('<!doctype html><html lang="' + LANGUAGE + '"><head><meta charset="utf-8"><title>{title}</title></head>'
            "<body>{body}</body></html>")


def page_document(title: str, body: str) -> str:
    """The HTML that Pagefind reads for one page: the page's own body, nothing of the theme."""
    return DOCUMENT.format(title=e(title), body=body)


# The program that makes the indexes: a fresh small Python (pagefind_service.py), not this process or a
# fork of it: a fork that feeds Pagefind for 20 seconds keeps (and copies) the build's memory as long.
PROGRAM = str(Path(__file__).with_name("pagefind_service.py"))
PIPE_BYTES = 1 << 20  # Linux: a larger pipe, so the build hardly ever waits for the program to read


def _output(folder: Path, key: str) -> Path:
    return folder / "indexen" / (key or pagefind_service.SITE)


def _documents(pages) -> list[tuple[str, str, str]]:
    return [(p.url, e(p.title), p.search_document) for p in pages if p.searchable]


# What a region's folder keeps of Pagefind's output: its index, not the engine (pagefind/ has that).
REGION_FILES = ("pagefind-entry.json", "*.pf_meta", "index", "filter", "fragment")


def _facts(output: Path, key: str) -> tuple[dict[str, tuple[int, bytes]], dict[str, str]]:
    """What pagefind_service.py wrote next to a group's index (its size and digest per file, the fragment of
    each page), as site paths of the files that go into the site (a region group: only REGION_FILES)."""
    try:
        made = json.loads(output.with_name(output.name + ".json").read_text(encoding="utf-8"))
        files, fragments = made["bestanden"], made["fragmenten"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}, {}
    prefix = f"{SEARCH_INDEX}/" if key == SITE_WIDE else search_index(key)

    def kept(path: str) -> bool:
        return key == SITE_WIDE or any(fnmatch.fnmatchcase(path.split("/")[0], p) for p in REGION_FILES)

    digests = {prefix + path: (size, bytes.fromhex(digest)) for path, (size, digest) in files.items() if kept(path)}
    return digests, {url: prefix + path for url, path in fragments.items() if kept(path)}


def _copy_into(site_dir: str | Path, keys: list[str], facts: dict | None = None):
    def copy(folder: Path) -> None:
        """The indexes moved from ``folder`` into ``site_dir``/pagefind, all of them or none; ``facts`` gets
        their files' sizes and digests ("bestanden") and the fragment of each page ("fragmenten")."""
        outputs = {key: _output(folder, key) for key in keys}
        for key, output in outputs.items():
            if not (output / "pagefind-entry.json").is_file():
                raise SearchIndexError(f"Pagefind maakte geen index{f' voor de indexgroep {key}' if key else ''}.")
        if facts is not None:
            facts["bestanden"], facts["fragmenten"] = {}, {}
            for key, output in outputs.items():
                digests, fragments = _facts(output, key)
                facts["bestanden"].update(digests)
                facts["fragmenten"].update(fragments)
        target = Path(site_dir) / SEARCH_INDEX
        fresh = Path(site_dir) / f".{SEARCH_INDEX}-nieuw"
        shutil.rmtree(fresh, ignore_errors=True)
        # Moved, not copied: the runner's folder is removed after this anyway, and on one file system a
        # move is a rename (copying thousands of fragments took seconds at the end of the build).
        shutil.move(outputs[SITE_WIDE], fresh)
        for key, output in outputs.items():
            if key == SITE_WIDE:
                continue
            place = fresh / search_index(key)[len(SEARCH_INDEX) + 1:]
            place.mkdir(parents=True)
            for pattern in REGION_FILES:
                for item in output.glob(pattern):
                    shutil.move(item, place / item.name)
        shutil.rmtree(target, ignore_errors=True)
        os.replace(fresh, target)

    return copy


class SearchStream:
    """The search index, made while the pages are made: :meth:`add` gives the pages of one region (regions
    in the order of their ids; render.pages.render_site calls it), :meth:`close` the pages of no region.
    The regions are packed into groups as they come (partition: a region joins the current group while it
    stays within ``budget`` pages); the program (pagefind_service.py) indexes a group as soon as the next one
    starts, on the second core. :meth:`finish` puts the indexes in the site (all, or none), :meth:`cancel`
    stops it. :attr:`packed` says which group holds each region (for termen.json); :meth:`of` makes a
    stream of pages made without one, in groups given."""

    def __init__(self, budget: int = GROUP_PAGES) -> None:
        self.budget = budget
        self.packed: dict[str, str] = {}  # region id -> its group
        self.current: str | None = None  # the group being filled
        self.total = 0  # its pages
        self.sent: set[str] = set()  # urls of the pages given so far
        self.names: list[str] = []  # the groups given so far
        read, write = os.pipe()
        try:
            if fcntl is not None and hasattr(fcntl, "F_SETPIPE_SZ"):
                try:
                    fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
                except OSError:
                    pass
            self.task = Beside(lambda folder: [sys.executable, PROGRAM, str(folder / "indexen"), DOCUMENT, LANGUAGE],
                               prefix="netwerkkaart-zoeken-", stdin=read)
        except BaseException:
            os.close(write)
            raise
        finally:
            os.close(read)
        self.pipe = os.fdopen(write, "wb")

    @classmethod
    def of(cls, pages, packed: dict[str, str] | None = None, budget: int = GROUP_PAGES) -> "SearchStream":
        """A stream of ``pages`` as they are (for a build whose pages were made without a stream), in the
        groups ``packed`` (default: packs(pages, budget)); closed."""
        stream = cls(budget)
        try:
            grouped = groups(pages, packed if packed is not None else packs(pages, budget))
            for key, members in grouped.items():
                if key != SITE_WIDE:
                    stream._send(key, members)
            stream.close(grouped[SITE_WIDE])
        except BaseException:
            stream.cancel()
            raise
        return stream

    def _send(self, group_name: str, pages) -> None:
        documents = _documents(pages)
        self.sent.update(url for url, _, _ in documents)
        if group_name not in self.names:
            self.names.append(group_name)
        try:
            pickle.dump((group_name, documents), self.pipe, protocol=pickle.HIGHEST_PROTOCOL)
            self.pipe.flush()
        except OSError:  # the program stopped: finish() says why
            pass

    def add(self, region: str, pages) -> None:
        """The pages of ``region`` (its searchable ones are indexed), packed into the current group or the next."""
        size = sum(1 for p in pages if p.searchable)
        if not size:
            return
        self.current, self.total = pack_step(self.current, self.total, region, size, self.budget)
        self.packed[region] = self.current
        self._send(self.current, [p for p in pages if p.searchable])

    def close(self, pages=()) -> None:
        """The pages of no region (an index that finds nothing when there are none), and the end."""
        documents = _documents(pages) or [(EMPTY, "", f'<div data-pagefind-body><p>{token("z", "leeg")}</p></div>')]
        try:
            pickle.dump((SITE_WIDE, documents), self.pipe, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(None, self.pipe)
            self.pipe.flush()  # open until finish: it tells the program that the build now waits (WIDE)
        except OSError:
            pass

    @property
    def keys(self) -> list[str]:
        return [SITE_WIDE, *self.names]

    @property
    def cancelled(self) -> bool:
        return self.task.cancelled

    def finish(self, site_dir: str | Path, timeout: float = 600) -> None:
        """Wait for Pagefind and put the indexes in ``site_dir``/pagefind (all, or none); :attr:`facts`: what
        the offline manifests need of their files (see _copy_into)."""
        self.facts: dict = {}
        try:  # the build waits now: the program may index two groups at once (pagefind_service.WIDE)
            pickle.dump(pagefind_service.WIDE, self.pipe)
            self.pipe.close()
        except (OSError, ValueError):  # the program stopped, or the stream was cancelled
            pass
        try:
            self.task.finish(_copy_into(site_dir, self.keys, self.facts), timeout)
        except JobError as exc:
            raise SearchIndexError(f"Pagefind: {exc}") from exc

    def cancel(self) -> None:
        try:
            self.pipe.close()
        except OSError:
            pass
        self.task.cancel()
