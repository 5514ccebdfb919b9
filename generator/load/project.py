"""Find and load a data folder: which file is which kind of record, loaded strictly and schema-checked.

Layout (paths relative to the data folder, which holds ``partners/`` and ``regions/``)::

    regions/<regio>/regio.yml              the region
    regions/<regio>/gemeenten/<id>.yml     one municipality of the region
    regions/<regio>/levensdomeinen.yml     optional: the region's extra levensdomeinen
    regions/<regio>/vragen.yml             optional: the region's extra or replaced questions (vragen.py)
    partners/<regio>/<id>.yml              one partner
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import marshal
import multiprocessing
import os
import stat
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..validate import schema, textcheck
from .chars import excerpt
from ..problems import Problem, problem
from .yamlload import Document, Refused, kind_of, load, read_bounded

YAML_SUFFIXES = (".yml", ".yaml")
DEFAULT_LIFE_DOMAINS = "generator/data/levensdomeinen.yml"


@dataclass
class Record:
    """One loaded file: its kind, region, id as the file name says, and the document (None if unreadable)."""

    kind: str  # partner | regio | gemeente | levensdomeinen | vragen
    path: str  # relative to the data folder, with /
    region: str | None
    stem: str
    doc: Document | None
    schema_ok: bool = False


@dataclass
class Project:
    root: Path
    records: list[Record] = field(default_factory=list)
    default_life_domains: Record | None = None
    problems: list[Problem] = field(default_factory=list)
    # files found but not read at all (NK100, NK116, ...): (kind, region, path), so checks across
    # files know they exist (no follow-on "unknown partner" for a file with its own error)
    unread: list[tuple[str, str | None, str]] = field(default_factory=list)

    def file_stems(self, kind: str) -> set[str]:
        """The file names (without .yml) of every file of this kind found, read or not."""
        return ({r.stem for r in self.records if r.kind == kind}
                | {path.rsplit("/", 1)[-1].rsplit(".", 1)[0] for k, _, path in self.unread if k == kind})

    def of_kind(self, kind: str, *, valid_only: bool = True) -> list[Record]:
        return [r for r in self.records if r.kind == kind and r.doc is not None and (r.schema_ok or not valid_only)]


def _classify(rel: tuple[str, ...]) -> tuple[str, str | None] | None:
    """(kind, region) for a path relative to the data folder, or None when no record belongs there."""
    name = rel[-1]
    stem = name.rsplit(".", 1)[0]
    if rel[0] == "partners" and len(rel) == 3:
        return "partner", rel[1]
    if rel[0] == "regions" and len(rel) == 3 and stem == "regio":
        return "regio", rel[1]
    if rel[0] == "regions" and len(rel) == 3 and stem == "levensdomeinen":
        return "levensdomeinen", rel[1]
    if rel[0] == "regions" and len(rel) == 3 and stem == "vragen":
        return "vragen", rel[1]
    if rel[0] == "regions" and len(rel) == 4 and rel[2] == "gemeenten":
        return "gemeente", rel[1]
    return None


def _inside(real_root: str, target: str) -> bool:
    return target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)


def _walk(root: Path, tops: tuple[str, ...], problems: list[Problem]) -> list[tuple[Path, tuple[str, ...]]]:
    """Every file under the folders ``tops`` of ``root`` that can be read, sorted by path: where to
    read it (for a link, the file it points to) and its parts relative to ``root``.

    Nothing is skipped in silence: a folder that cannot be read (NK117), a link that leaves the data
    folder (NK118), a FIFO, socket or device (NK119), a second way into a folder that is read already,
    such as a link to a folder above it (NK120), and a link to nothing (NK121) each get a problem.
    A link that stays inside the data folder is followed; folders found as links are read after all
    plain folders, so the plain folder is the one that counts. Names starting with '.' are skipped.
    (os.scandir knows each entry's type without a stat call: as fast as os.walk, which was a third
    of the time of Path.rglob at 10,000 files.)"""
    real_root = os.path.realpath(root)
    out: list[tuple[Path, tuple[str, ...]]] = []
    seen: dict[tuple[int, int], str] = {}  # (device, inode) of each folder read -> its path
    links: list[tuple[str, tuple[str, ...]]] = []  # links to folders, read after the plain folders

    def follow(path: str, rel: tuple[str, ...]) -> tuple[str, os.stat_result] | None:
        """The link's target and its stat, when it stays inside the data folder and exists."""
        target = os.path.realpath(path)
        try:
            written = os.readlink(path)  # as the link says it, for the message
        except OSError:
            written = target
        if not _inside(real_root, target):
            problems.append(problem("NK118", "/".join(rel), 1, 1, target=written))
            return None
        try:
            return target, os.stat(target)
        except OSError:
            problems.append(problem("NK121", "/".join(rel), 1, 1, target=written))
            return None

    def scan(folder: str, rel: tuple[str, ...], info: os.stat_result) -> None:
        pending = [(folder, rel, info)]
        while pending:
            folder, rel, info = pending.pop()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                problems.append(problem("NK120", "/".join(rel), 1, 1, other=seen[key]))
                continue
            seen[key] = "/".join(rel)
            try:
                with os.scandir(folder) as entries:
                    listed = list(entries)
            except OSError as exc:
                problems.append(problem("NK117", "/".join(rel), 1, 1, reason=exc.strerror or str(exc)))
                continue
            for entry in listed:
                name = entry.name
                parts = (*rel, name)
                if name.startswith("."):
                    # Hidden: skipped, but never in silence when it looks like data or a leftover of ours.
                    if name.startswith(".netwerkkaart-") and name.endswith(".tmp"):
                        problems.append(problem("NK644", "/".join(parts), 1, 1, name=name))
                    elif name.lower().endswith(YAML_SUFFIXES):
                        problems.append(problem("NK645", "/".join(parts), 1, 1, name=name))
                    continue
                try:
                    if entry.is_symlink():
                        found = follow(entry.path, parts)
                        if found is None:
                            continue
                        target, target_info = found
                        if stat.S_ISDIR(target_info.st_mode):
                            links.append((target, parts))
                        elif stat.S_ISREG(target_info.st_mode):
                            out.append((Path(target), parts))
                        else:
                            problems.append(problem("NK119", "/".join(parts), 1, 1, what=kind_of(target_info.st_mode)))
                    elif entry.is_dir(follow_symlinks=False):
                        if name.lower().endswith(YAML_SUFFIXES):
                            problems.append(problem("NK646", "/".join(parts), 1, 1, name=name))
                            continue
                        pending.append((entry.path, parts, entry.stat(follow_symlinks=False)))
                    elif entry.is_file(follow_symlinks=False):
                        out.append((Path(entry.path), parts))
                    else:
                        mode = entry.stat(follow_symlinks=False).st_mode
                        problems.append(problem("NK119", "/".join(parts), 1, 1, what=kind_of(mode)))
                except OSError as exc:  # the entry vanished or cannot be looked at
                    problems.append(problem("NK116", "/".join(parts), 1, 1, reason=exc.strerror or str(exc)))

    for top in tops:
        start = os.path.join(root, top)
        try:
            info = os.lstat(start)
        except FileNotFoundError:
            continue
        except OSError as exc:
            problems.append(problem("NK117", top, 1, 1, reason=exc.strerror or str(exc)))
            continue
        if stat.S_ISLNK(info.st_mode):
            found = follow(start, (top,))
            if found is not None and stat.S_ISDIR(found[1].st_mode):
                links.append((found[0], (top,)))
        elif stat.S_ISDIR(info.st_mode):
            scan(start, (top,), info)
    while links:  # breadth first, in order of path: the same result every time
        links.sort(key=lambda item: item[1], reverse=True)
        target, parts = links.pop()
        try:
            scan(target, parts, os.stat(target))
        except OSError as exc:
            problems.append(problem("NK117", "/".join(parts), 1, 1, reason=exc.strerror or str(exc)))
    return sorted(out, key=lambda item: item[1])


def discover(root: Path) -> tuple[list[tuple[str, str | None, str, Path]], list[Problem]]:
    """All record files under ``root`` (sorted), and a problem for each YAML file in the wrong place
    and for everything under the data folders that is not read (see :func:`_walk`)."""
    found, problems = [], []
    for path, rel in _walk(root, ("regions", "partners"), problems):
        name = rel[-1].lower()
        if not name.endswith(YAML_SUFFIXES):
            if not name.endswith(".md") and name not in ("license", "readme"):
                problems.append(problem("NK320", "/".join(rel), 1, 1, suggestion=f"{rel[-1].split('.')[0]}.yml"))
            continue
        where = _classify(rel)
        relpath = "/".join(rel)
        if where is None:
            problems.append(problem("NK313", relpath, 1, 1))
            continue
        found.append((where[0], where[1], relpath, path))
    return found, problems


def read_record(kind: str, region: str | None, relpath: str, raw: bytes) -> tuple[Record, list[Problem]]:
    """Load and schema-check one file's bytes. Never raises: an internal error becomes NK900."""
    stem = relpath.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    try:
        doc, problems = load(raw, relpath, marks=False)  # Document.mark() reads them again when needed
        record = Record(kind, relpath, region, stem, doc)
        if doc is not None:
            schema_problems = schema.validate(doc, kind)
            record.schema_ok = not any(p.is_error for p in schema_problems)
            problems = problems + schema_problems
            problems = problems + textcheck.problems_in(record)
        return record, problems
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        return Record(kind, relpath, region, stem, None), [
            problem("NK900", relpath, 1, 1, error=excerpt(f"{type(exc).__name__}: {exc}", 200))
        ]


def _read_file(item: tuple[str, str | None, str, Path]) -> tuple[Record | None, list[Problem]]:
    kind, region, relpath, path = item
    try:
        # ``path`` is a plain file (or the file a link points to): a link put in its place since
        # it was found is refused (ELOOP); a FIFO, device or huge file is refused before reading.
        raw = read_bounded(str(path), follow=False)
    except Refused as refused:
        return None, [problem(refused.code, relpath, 1, 1, **refused.fields)]
    except OSError as exc:
        return None, [problem("NK116", relpath, 1, 1, reason=exc.strerror or str(exc))]
    return read_record(kind, region, relpath, raw)


def _read_batch(items: list) -> tuple[list[tuple[Record | None, list[Problem]]], bytes | None]:
    """Worker side: read a batch; send documents back without marks (they are re-read on demand),
    and their data apart, as one ``marshal`` blob: the values are plain dicts, lists, texts, numbers,
    booleans and None, which marshal writes about 8x faster than pickle (0.13 s of every 5,000
    records' worker time) and reads a little faster too."""
    results = [_read_file(item) for item in items]
    datas = []
    for (record, _), item in zip(results, items):
        if record is not None and record.doc is not None:
            record.doc = record.doc.without_marks(str(item[3]))
            datas.append(record.doc.data)
    try:
        blob = marshal.dumps(datas)
    except ValueError:  # a value marshal cannot write (not from our loader): pickle sends it as it is
        return results, None
    for record, _ in results:
        if record is not None and record.doc is not None:
            record.doc.data = {}
    return results, blob


def _unpack(part: tuple[list[tuple[Record | None, list[Problem]]], bytes | None]) -> list[tuple[Record | None, list[Problem]]]:
    """Parent side of :func:`_read_batch`: each document gets its data back."""
    results, blob = part
    if blob is not None:
        datas = iter(marshal.loads(blob))
        for record, _ in results:
            if record is not None and record.doc is not None:
                record.doc.data = next(datas)
    return results


PARALLEL_FROM = 400  # files; below this, starting worker processes costs more than it saves
BATCH = 600


def _workers(count: int) -> int:
    """How many worker processes read ``count`` files: 0 means this process reads them itself.
    fork is only safe while this process runs a single thread (not under `mkdocs serve`)."""
    workers = min(os.cpu_count() or 1, 4)
    if count < PARALLEL_FROM or workers < 2 or threading.active_count() > 1 or sys.platform != "linux":
        return 0
    return workers


def _batches(files: list, workers: int) -> list[list]:
    """Many small batches: this process unpickles early results while the workers go on. Smaller
    towards the end, so the workers finish together (a last batch of 600 files kept one worker
    busy alone for up to 0.15 s)."""
    out, start = [], 0
    while start < len(files):
        size = max(BATCH // 6, min(BATCH, (len(files) - start) // (3 * workers)))
        out.append(files[start:start + size])
        start += size
    return out


def _read_all(files: list) -> list[tuple[Record | None, list[Problem]]]:
    workers = _workers(len(files))
    if not workers:
        return [_read_file(item) for item in files]
    schema.warm_up()
    batches = _batches(files, workers)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        parts = pool.map(_read_batch, batches)  # submitted; the workers start
        _prepare_checks()  # meanwhile, this process loads what the cross-checks need
        return [result for part in parts for result in _unpack(part)]


def _prepare_checks() -> None:
    """Load the official municipality data and borders (about 0.2 s) while the workers read files."""
    from ..validate import checks  # noqa: F401  (checks: its imports, so `validate` starts without them)
    from . import geo  # noqa: F401  (checks: its imports, so `validate` starts without them)
    from .refdata import reference

    reference()
    geo._outlines()


def _stamp(path: Path) -> bytes | None:
    """A digest of the file's bytes (a time stamp can miss an edit within the same second)."""
    try:
        return hashlib.blake2b(read_bounded(str(path)), digest_size=16).digest()
    except (OSError, Refused):
        return None


def _skip_final_collection() -> None:
    """Once per process: at exit, no last garbage collection over everything still loaded.

    The interpreter's final collection scanned every loaded record again: 0.3 s of the end of
    `netwerkkaart validate` for 10,000 partners, after all the work was done. Records hold no
    cycles and nothing of ours needs finalising (Python does not promise ``__del__`` at exit)."""
    global _EXIT_HOOK
    if not _EXIT_HOOK:
        atexit.register(gc.freeze)
        _EXIT_HOOK = True


_EXIT_HOOK = False


def load_project(root: Path, cache: dict | None = None) -> Project:
    """Load every record under ``root``; collect every problem of reading and schema.

    ``cache`` (kept by the caller between loads, as ``mkdocs serve`` does): a file whose bytes did
    not change is not parsed and checked again."""
    project = Project(root=root)
    files, project.problems = discover(root)
    if not files:
        project.problems.append(problem("NK316", ".", 1, 1, value=str(Path(root).resolve())))
    stamps = {item[2]: _stamp(item[3]) for item in files} if cache is not None else {}
    known = {} if cache is None else {rel: hit[1] for rel, hit in cache.items()
                                      if stamps.get(rel) is not None and stamps[rel] == hit[0]}
    todo = [item for item in files if item[2] not in known]
    _skip_final_collection()
    # Records are plain data without cycles: the garbage collector only slows loading down
    # (it kept scanning the growing heap: 3.1 s instead of 2.6 s for 10,000 partners).
    collecting = gc.isenabled()
    gc.disable()
    parallel = bool(_workers(len(todo)))
    try:
        fresh = dict(zip((item[2] for item in todo), _read_all(todo)))
    finally:
        if collecting:
            if parallel:
                # Turned on again, the collector's next round scanned everything loaded (0.2 s for
                # 10,000 partners, after the workers' work) to find nothing: what exists now is kept
                # out of its rounds (freed as usual once unused; records hold no cycles). Only
                # for a folder large enough for worker processes, so only in a single-threaded
                # one-shot command (validate, build), never in the long-running `mkdocs serve`.
                gc.freeze()
            gc.enable()
    loaded = [known[item[2]] if item[2] in known else fresh[item[2]] for item in files]
    if cache is not None:
        cache.clear()
        cache.update({item[2]: (stamps[item[2]], result) for item, result in zip(files, loaded)})
    for item, (record, problems) in zip(files, loaded):
        if record is not None:
            project.records.append(record)
        else:
            project.unread.append(item[:3])
        project.problems.extend(problems)
    raw = resources.files("generator").joinpath("data/levensdomeinen.yml").read_bytes()
    default, problems = read_record("levensdomeinen", None, DEFAULT_LIFE_DOMAINS, raw)
    project.default_life_domains = default
    project.problems.extend(problems)
    return project
