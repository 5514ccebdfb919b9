"""Owned output folders: the guard, the marker, the lock and the swap.

A command that writes a whole folder (``build --site``, ``generate``) replaces it: it writes a fresh
folder beside the target and renames it into place, so a removed partner's page disappears and a failed
run leaves the old output standing. Replacing deletes, so :func:`guard` allows it only for a folder that
does not exist yet, an empty one, or one this tool made (its marker file starts with :data:`SIGNATURE`),
and never for the data, ``docs/``, the configuration's folder, a Git folder, the home folder or ``/``.

:func:`replacing` does the rest under a lock on the target (a second run waits): it removes what a killed
run left (fresh folders whose marker nobody holds any more), puts ``<target>.vorige`` back when a run was
killed between its two renames, and gives the fresh folder normal permissions (umask, not 0700).
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no locks, the rest still holds
    fcntl = None  # type: ignore[assignment]

from ..problemformat import refusal
from ..problems import problem

MARKER = ".netwerkkaart-site"
# The first line of the marker. A stray file that happens to carry the marker's name is not enough.
SIGNATURE = "netwerkkaart-uitvoermap v1"
MARKER_TEXT = (f"{SIGNATURE}\n"
               "Deze map is gemaakt door netwerkkaart en wordt bij elke build helemaal vervangen.\n"
               "Zet hier geen eigen bestanden: ze verdwijnen bij de volgende build.\n")
BUILD_PREFIX = ".netwerkkaart-build-"  # fresh folders beside the target, while a run writes them
LOCK_PREFIX = ".netwerkkaart-lock-"  # the lock file beside the target
PREVIOUS = ".vorige"  # the old output, for a moment between the two renames
WAIT_SECONDS = 600.0  # how long a second run waits for the first
POLL_SECONDS = 0.2


class Refused(Exception):
    """The target may not be replaced (or the wait for another run ran out); ``str()`` is the Dutch text."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.problem = problem(code, "", 0, 0, **fields)
        super().__init__(refusal(self.problem))


def _real(path: Path) -> Path:
    return Path(os.path.realpath(os.path.abspath(path)))


def previous_of(target: Path) -> Path:
    return target.with_name(target.name + PREVIOUS)


def lock_of(target: Path) -> Path:
    return target.with_name(LOCK_PREFIX + target.name)


def owned(folder: Path) -> bool:
    """Whether ``folder`` is an output folder this tool made: a real folder whose marker is a regular file
    (not a link) starting with the signature, and that holds no data, configuration (other than the one
    ``generate`` writes) or Git folder."""
    try:
        return _marked(folder) and not ((folder / ".git").exists() or _foreign_config(folder / "mkdocs.yml")
                                        or any((folder / "regions").glob("*/regio.yml")))
    except OSError:
        return False


GENERATED_CONFIG = "# Gemaakt door `netwerkkaart generate`"  # the first line of the mkdocs.yml it writes


def _foreign_config(path: Path) -> bool:
    """A settings file that ``generate`` did not write."""
    if path.is_symlink() or not path.exists():
        return path.is_symlink()
    with open(path, "rb") as handle:
        return not handle.read(len(GENERATED_CONFIG.encode())).decode("utf-8", "replace") == GENERATED_CONFIG


def _marked(folder: Path) -> bool:
    marker = folder / MARKER
    try:
        if folder.is_symlink() or not folder.is_dir() or marker.is_symlink() or not marker.is_file():
            return False
        with open(marker, "rb") as handle:
            first = handle.read(len(SIGNATURE) + 2).decode("utf-8", "replace").splitlines()
        return bool(first) and first[0] == SIGNATURE
    except OSError:
        return False


def _empty(folder: Path) -> bool:
    try:
        return folder.is_dir() and not folder.is_symlink() and next(os.scandir(folder), None) is None
    except OSError:
        return False


def _git_folders(starts: list[Path]) -> list[Path]:
    """The ``.git`` of the repositories the given folders lie in."""
    found = []
    for start in starts:
        for folder in (start, *start.parents):
            if (folder / ".git").exists():
                found.append(_real(folder / ".git"))
                break
    return found


def guard(target: Path, *, data: Path, docs: Path | None, config_dir: Path) -> Path:
    """The target with links resolved, or :class:`Refused`. Only looks; changes nothing.

    Refused: a target that is, contains or lies inside ``data/partners``, ``data/regions``, ``docs`` or a
    Git folder; that is or contains the data folder, the configuration's folder, the home folder or ``/``;
    an existing non-empty folder (or file) this tool did not make; a ``<target>.vorige`` it did not make.
    """
    t = _real(target)
    data, config_dir = _real(data), _real(config_dir)
    whole = [(_real(data / "partners"), "de map partners/ van de gegevens"),
             (_real(data / "regions"), "de map regions/ van de gegevens")]
    if docs is not None:
        whole.append((_real(docs), "de map met de eigen pagina's (docs_dir)"))
    whole += [(git, "een Git-map (.git)") for git in _git_folders([data, config_dir, _real(Path.cwd())])]
    at = [(data, "de gegevensmap (met partners/ en regions/)"), (config_dir, "de map van het configuratiebestand"),
          (Path(t.anchor), "de hoofdmap van het bestandssysteem")]
    try:
        at.append((_real(Path.home()), "je thuismap"))
    except (RuntimeError, KeyError):  # no home folder known
        pass
    for place, what in whole + at:
        if t == place:
            raise Refused("NK701", target=target, relation="is", what=what, path=place)
    if ".git" in t.parts:
        git = Path(*t.parts[:t.parts.index(".git") + 1])
        raise Refused("NK701", target=target, relation="ligt in", what="een Git-map (.git)", path=git)
    for place, what in whole:
        if t.is_relative_to(place):
            raise Refused("NK701", target=target, relation="ligt in", what=what, path=place)
    for place, what in at + whole:
        if place.is_relative_to(t):
            raise Refused("NK701", target=target, relation="bevat", what=what, path=place)
    if (t / ".git").exists():
        raise Refused("NK701", target=target, relation="bevat", what="een Git-map (.git)", path=t / ".git")
    check_contents(t, shown=target)
    return t


def check_contents(target: Path, shown: Path | None = None) -> None:
    """:class:`Refused` unless ``target`` and ``<target>.vorige`` are missing, empty or made by this tool."""
    shown = target if shown is None else shown
    if (target.exists() or target.is_symlink()) and not (_empty(target) or owned(target)):
        raise Refused("NK702", target=shown, marker=MARKER)
    previous = previous_of(target)
    if (previous.exists() or previous.is_symlink()) and not (_empty(previous) or owned(previous)):
        raise Refused("NK703", previous=previous)


def _holder(fd: int) -> str:
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
    except OSError:
        return "?"


@contextmanager
def locked(target: Path, *, say: Callable[[str], None] = lambda text: None,
           wait: float | None = None) -> Iterator[None]:
    """Hold the lock on ``target`` (a file beside it). If another run holds it, say so and wait for it,
    at most ``wait`` seconds (default :data:`WAIT_SECONDS`); then :class:`Refused` (NK704)."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    fd = os.open(lock_of(target), os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            limit = WAIT_SECONDS if wait is None else wait
            holder = _holder(fd)
            say(f"Wacht op een andere build (pid {holder}) die naar {target} schrijft…")
            deadline = time.monotonic() + limit
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise Refused("NK704", pid=_holder(fd), target=target, seconds=f"{limit:g}") from None
                    time.sleep(POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # releases the lock; the file stays (removing it would race with a waiting run)


def _abandoned(folder: Path) -> bool:
    """A fresh folder of a run that is gone: ours (marker) and nobody holds its marker's lock."""
    if not owned(folder):
        return False
    if fcntl is None:  # pragma: no cover
        return False
    try:
        fd = os.open(folder / MARKER, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def tidy(parent: Path) -> list[Path]:
    """Remove the fresh folders that killed runs left in ``parent``; returns them."""
    removed = []
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return removed
    for entry in entries:
        folder = Path(entry.path)
        if entry.name.startswith(BUILD_PREFIX) and _abandoned(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@contextmanager
def replacing(target: Path, *, say: Callable[[str], None] = lambda text: None) -> Iterator[Path]:
    """Yield a fresh, marked folder beside ``target``; when the block ends without an exception, it takes
    the place of ``target`` (two renames, never a half-written folder). Call :func:`guard` first."""
    target = _real(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    previous = previous_of(target)
    with locked(target, say=say):
        for folder in tidy(target.parent):
            say(f"Opgeruimd: {folder.name} (van een build die onderbroken werd).")
        if not target.exists() and not target.is_symlink() and owned(previous):
            previous.rename(target)
            say(f"{target} teruggezet uit {previous.name} (een vorige build werd onderbroken).")
        check_contents(target)  # again, now that no other run can change it
        fresh = _fresh(target.parent)
        holder = None
        try:
            holder = _mark(fresh)
            yield fresh
            if not _marked(fresh):  # the builder removed it: write it again
                _mark(fresh, hold=False)
            if previous.exists() or previous.is_symlink():
                shutil.rmtree(previous)
            if target.exists() or target.is_symlink():
                target.rename(previous)
            fresh.rename(target)
            shutil.rmtree(previous, ignore_errors=True)
        finally:
            if holder is not None:
                os.close(holder)
            if fresh.exists():
                shutil.rmtree(fresh, ignore_errors=True)


def _fresh(parent: Path) -> Path:
    """A new folder with the permissions any new folder gets here (0777 minus the umask; mkdtemp's 0700
    would lock out a web server running as another user)."""
    while True:
        fresh = parent / f"{BUILD_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        try:
            fresh.mkdir(mode=0o777)
            return fresh
        except FileExistsError:
            continue


def _mark(folder: Path, hold: bool = True) -> int | None:
    """Write the marker; with ``hold``, keep it open and locked while this run uses the folder (locked
    before it is written: a marker that reads as ours is never one that nobody holds)."""
    fd = os.open(folder / MARKER, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        if hold and fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.write(fd, MARKER_TEXT.encode("utf-8"))
    except BaseException:
        os.close(fd)
        raise
    if hold:
        return fd
    os.close(fd)
    return None


# -- one output file (``export -o``) ------------------------------------------------------------------

# How the files ``netwerkkaart export`` writes begin: a file that begins like this may be overwritten.
EXPORT_STARTS = ('\ufeff"id";"regio";"naam";', '{"partners": [', '{"type": "FeatureCollection", "features": [',
                 '[\n{"id": "', "[]\n")


def is_export(path: Path) -> bool:
    """Whether ``path`` is a regular file that begins as an export of this tool does."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(64).decode("utf-8", "replace")
    except OSError:
        return False
    return start.startswith(EXPORT_STARTS)


def guard_file(target: Path, *, data: Path, force: bool = False) -> Path:
    """The output file with links resolved, or :class:`Refused`. Only looks; changes nothing.

    Refused: a file in ``data/partners``, ``data/regions``, ``data/docs``, ``data/generator`` or a Git folder;
    something that is not a regular file (a folder, a device, a pipe); a file in a folder that does not exist;
    an existing file that is not an earlier export, unless ``force``."""
    t = _real(target)
    data = _real(data)
    whole = [(_real(data / "partners"), "de map partners/ van de gegevens"),
             (_real(data / "regions"), "de map regions/ van de gegevens"),
             (_real(data / "docs"), "de map docs/ met de eigen pagina's"),
             (_real(data / "generator"), "de map generator/ met de code van netwerkkaart")]
    whole += [(git, "een Git-map (.git)") for git in _git_folders([data, _real(Path.cwd())])]
    if ".git" in t.parts:
        raise Refused("NK705", target=target, relation="ligt in", what="een Git-map (.git)",
                      path=Path(*t.parts[:t.parts.index(".git") + 1]))
    for place, what in whole:
        if t == place or t.is_relative_to(place):
            raise Refused("NK705", target=target, relation="ligt in", what=what, path=place)
    if os.path.lexists(t):
        try:
            mode = os.stat(t).st_mode
        except OSError as exc:
            raise Refused("NK709", target=target, reason=exc.strerror or str(exc)) from None
        if not stat.S_ISREG(mode):
            what = "een map" if stat.S_ISDIR(mode) else "geen gewoon bestand (maar een apparaat, pijp of socket)"
            raise Refused("NK707", target=target, what=what)
        if not force and not is_export(t):
            raise Refused("NK706", target=target)
    elif not t.parent.is_dir():
        raise Refused("NK708", target=target, folder=target.parent)
    return t


def write_file(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` (resolved by :func:`guard_file`) all at once: a temporary file beside it,
    renamed into place; on failure the temporary is removed and the old file stays. Raises OSError."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=".netwerkkaart-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(name, 0o666 & ~mask)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
