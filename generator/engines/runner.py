"""Work beside the build: one runner for the files made while an engine renders the pages.

:class:`Beside` runs ``work(folder)`` into a fresh temporary folder: in a forked child process when that
is safe (this process runs a single thread), so it uses the second core and none of this process's
memory; otherwise (``mkdocs serve`` runs threads) right away, in this process. ``work`` may return a
command line: the child then becomes that program (Pagefind), so no Python copy of the build stays alive
beside it; without a child, the program runs as a subprocess while the caller goes on.
:meth:`Beside.finish` waits and hands the folder to a copy function; :meth:`Beside.cancel` stops it.

Two users: the deferred files of a build (:class:`FilesBeside`: exports, "Mijn netwerk" and wegwijzer data,
search terms) and the search index (search.py). :class:`SiteWork` owns both for one build, and writes the
offline manifests (offline.py) after them: the one object both engines start, finish and cancel. Loading
the data (project.py) is a parallel map over files whose results come back to this process: a process
pool, not this.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..render import offline
from ..topics import urls

if TYPE_CHECKING:
    from ..core import Build

FAILURE = "fout.txt"  # what went wrong in the child, for the parent


class JobError(Exception):
    """The work failed; the message says why (for the build log)."""


def write_now(jobs: dict[str, Callable[[], str | bytes]], folder: Path) -> None:
    """Make every job's file under ``folder`` (site path -> function returning the content)."""
    for path, make in jobs.items():
        content = make()
        target = Path(folder) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):  # encoded a megabyte at a time: not a second copy of a 36 MB export
            with open(target, "wb") as f:
                for start in range(0, len(content), CHUNK):
                    f.write(content[start:start + CHUNK].encode("utf-8"))
        else:
            target.write_bytes(content)
        del content


CHUNK = 1 << 20


NICENESS = 10  # work beside the build waits for the build (the engine's pages), never the other way round


def _yield_to_the_build() -> None:
    """Lower this (child) process's priority: on a machine with few cores the build's own process, which
    every engine waits for, keeps its core; the work beside it takes what is left (docs/over-snelheid.md)."""
    try:
        os.nice(NICENESS)
    except OSError:  # not allowed here: run at the same priority
        pass


def fork_is_safe() -> bool:
    return threading.active_count() == 1 and hasattr(os, "fork")


class Beside:
    """``work(folder)`` started now, beside the caller (see the module docstring)."""

    cancelled = False

    def __init__(self, work: Callable[[Path], list[str] | None], prefix: str = "netwerkkaart-",
                 stdin: int | None = None) -> None:
        """``stdin``: a file descriptor the program ``work`` returns reads as its standard input (the
        caller closes its own copy after this)."""
        self.folder = Path(tempfile.mkdtemp(prefix=prefix))
        atexit.register(self._clean)  # `mkdocs serve` stopped with Ctrl-C
        self.lock = threading.Lock()
        self.log = self.folder / "uitvoer.log"
        self.pid: int | None = None
        self.code: int | None = None
        self.error: str | None = None
        self.process: subprocess.Popen | None = None
        if fork_is_safe():
            pid = os.fork()
            if pid == 0:  # the child never returns into the caller
                code = 1
                try:
                    _yield_to_the_build()
                    args = work(self.folder)
                    if args:
                        if stdin is not None:
                            os.dup2(stdin, 0)
                        log = os.open(self.log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                        os.dup2(log, 1)
                        os.dup2(log, 2)
                        os.execv(args[0], args)
                    code = 0
                except BaseException as exc:  # noqa: BLE001 - reported by the parent
                    try:
                        (self.folder / FAILURE).write_text(f"{type(exc).__name__}: {exc}", encoding="utf-8")
                    except BaseException:  # noqa: BLE001
                        pass
                finally:
                    os._exit(code)
            self.pid = pid
        else:
            try:
                args = work(self.folder)
                if args:
                    with open(self.log, "wb") as log:
                        self.process = subprocess.Popen(args, stdin=stdin, stdout=log, stderr=log)
                self.code = 0
            except Exception as exc:  # noqa: BLE001 - reported by wait()
                self.error, self.code = f"{type(exc).__name__}: {exc}", 1

    def _reap(self, block: bool) -> int | None:
        """The exit code once the work has ended (a child's id is then forgotten: a reaped id can be
        reused by another process), else None."""
        with self.lock:
            if self.process is not None:
                return self.process.wait() if block else self.process.poll()
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

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the work; :class:`JobError` when it failed or took longer than ``timeout`` seconds."""
        step, waited = 0.05, 0.0
        code = self._reap(block=timeout is None)
        while code is None:
            if waited >= timeout:
                self.cancel()
                raise JobError(f"na {timeout:.0f} s nog niet klaar.")
            threading.Event().wait(step)
            waited += step
            code = self._reap(block=False)
        if code != 0:
            failure = self.folder / FAILURE
            why = self.error or (failure.read_text(encoding="utf-8") if failure.is_file() else "")
            log = self.log.read_text(encoding="utf-8", errors="replace") if self.log.is_file() else ""
            raise JobError((why or f"gestopt met code {code}.") + (f"\n{log}" if log else "").rstrip())

    def finish(self, copy: Callable[[Path], None], timeout: float | None = None) -> None:
        """Wait, then ``copy(folder)`` (under the lock: :meth:`cancel` waits for a copy under way)."""
        try:
            self.wait(timeout)
            with self.lock:
                if not self.cancelled:
                    copy(self.folder)
        finally:
            self._clean()

    def cancel(self) -> None:
        """Stop the work (waits for a copy that is under way)."""
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
            if self.code is None:
                self.code, self.error = -9, "gestopt."
        self._clean()

    def _clean(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        atexit.unregister(self._clean)


class FilesBeside:
    """The deferred files of a build (``core.Build.jobs``), made beside it and copied into the site."""

    def __init__(self, jobs: dict[str, Callable[[], str | bytes]]) -> None:
        self.paths = list(jobs)
        self.task = Beside(lambda folder: write_now(jobs, folder), prefix="netwerkkaart-bestanden-")

    def finish(self, site_dir: str | Path) -> None:
        def copy(folder: Path) -> None:
            for path in self.paths:
                target = Path(site_dir) / path
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(folder / path, target)

        self.task.finish(copy)

    def cancel(self) -> None:
        self.task.cancel()


class Early:
    """What core.build starts beside the build while it makes the pages (its ``beside``): the deferred
    files as soon as the model exists, and the search index fed region by region."""

    @staticmethod
    def files(jobs: dict[str, Callable[[], str | bytes]]) -> FilesBeside:
        return FilesBeside(jobs)

    @staticmethod
    def search(budget: int):
        from ..render.search import SearchStream

        return SearchStream(budget)


EARLY = Early()


class SiteWorkError(Exception):
    """A part of the work beside the build failed; the message says which and why, in Dutch."""


DOWNLOADS_FAILED = "De downloads en het blad Mijn netwerk konden niet gemaakt worden"
SEARCH_FAILED = "De zoekindex (Pagefind) kon niet gemaakt worden"
OFFLINE_FAILED = "De lijsten om een regio te bewaren voor onderweg (offline/) konden niet gemaakt worden"


class SiteWork:
    """Everything made beside one build (a :class:`core.Build`), and put into the site at the end.

    :meth:`start` starts the deferred files (:class:`FilesBeside`) and the search index
    (search.SearchStream: started by core.build, or here from the pages); :meth:`finish` puts them into the site folder, in
    this order: the downloads, then the search index, then the offline manifests (offline.py), which list
    the index's files. Any failure is one :class:`SiteWorkError` with a Dutch message, and whatever had
    not finished yet is cancelled. With ``later=True`` (``mkdocs serve``) only the downloads are waited
    for: the search index and the manifests follow in a thread (:attr:`finishing`), a failure there goes
    to ``warn``, and :meth:`cancel` (a newer build) stops it and waits for it.

    ``manifests(site_dir, plan, hashes=...)`` writes the offline manifests: offline.write for a built site;
    ``warm(site_dir, plan)`` hashes the files they list beside the search index, while that is still being
    made (offline.warm). The files engine passes its own (the source tree it writes is not a built site yet).
    """

    def __init__(self, made: Build, manifests: Callable[..., None] = offline.write,
                 warm: Callable[[Path, offline.Plan], offline.Hashes] = offline.warm) -> None:
        self.jobs = made.jobs
        self.started = made.started  # FilesBeside started by core.build (its ``beside``), or None
        self.search = made.search
        self.searching = made.searching  # search.SearchStream started by core.build, or None
        self.documents = made.search_documents() if made.search and made.searching is None else None
        self.search_groups = made.search_groups
        self.plan = made.offline
        self.manifests, self.warm = manifests, warm
        self.files: FilesBeside | None = None
        self.index = None  # search.SearchStream
        self.finishing: threading.Thread | None = None
        self.cancelled = False

    def start(self) -> SiteWork:
        from ..render.search import SearchStream  # (search.py uses this module's Beside)

        if isinstance(self.started, FilesBeside):  # started by core.build, while the pages were made
            self.files = self.started
        else:
            self.files = FilesBeside(self.jobs)
        if self.searching is not None:
            self.index = self.searching
        elif self.documents is not None:
            try:
                self.index = SearchStream.of(self.documents, self.search_groups)
            except BaseException:
                self.files.cancel()
                raise
        self.jobs, self.documents, self.started, self.searching = {}, None, None, None  # (memory)
        return self

    def finish(self, site_dir: str | Path, *, later: bool = False,
               warn: Callable[[str], None] | None = None) -> None:
        """Put the work into ``site_dir``: downloads, search index, offline manifests (see the class)."""
        if self.cancelled:  # a newer build took over: nothing of this one reaches the site
            return
        site = Path(site_dir)
        files, self.files = self.files, None
        try:
            if files is not None:
                try:
                    files.finish(site)
                except JobError as exc:
                    raise SiteWorkError(f"{DOWNLOADS_FAILED}: {exc}") from exc
            if not self.search:  # a search index from an earlier build (`serve --dirty`) must go
                shutil.rmtree(site / urls.SEARCH_INDEX, ignore_errors=True)
        except BaseException:
            self.cancel()
            raise
        if not later:
            self._index_and_manifests(site)
            return

        def finish_later() -> None:
            try:
                self._index_and_manifests(site)
            except Exception as exc:  # noqa: BLE001 - a thread must not print a traceback
                if not self.cancelled and warn is not None:
                    warn(str(exc))

        self.finishing = threading.Thread(target=finish_later, daemon=True)
        self.finishing.start()

    def _index_and_manifests(self, site: Path) -> None:
        from ..render.search import SearchIndexError

        index = self.index
        hashes = None
        if index is not None:
            try:
                if self.plan is not None:  # the pages' hashes, while the index is made on the other core
                    hashes = self.warm(site, self.plan)
                index.finish(site)
                if hashes is not None:  # the index's files need not be read back
                    hashes.add_index(getattr(index, "facts", None) or {})
            except SearchIndexError as exc:
                raise SiteWorkError(f"{SEARCH_FAILED}: {exc}") from exc
            finally:
                self.index = None
        if self.cancelled:
            return
        try:
            self.manifests(site, self.plan, hashes=hashes)
        except (OSError, ValueError) as exc:
            raise SiteWorkError(f"{OFFLINE_FAILED}: {exc}") from exc

    def cancel(self) -> None:
        """Stop whatever has not finished (waits for a search index that is finishing in a thread)."""
        self.cancelled = True
        for task in (self.files, self.index):
            if task is not None:
                task.cancel()
        self.files = None
        finishing = self.finishing
        if finishing is not None and finishing is not threading.current_thread():
            finishing.join()
        self.index = self.finishing = None
