"""The Pagefind search index, built beside the MkDocs build instead of after it.

Pagefind indexes only what is inside ``data-pagefind-body``, and that is the body of our generated
pages. So the index is built from those bodies, as soon as the pages exist: a child process writes
each body as a small HTML file and runs Pagefind on them, on the second core, while MkDocs renders
the site. The plugin copies the result into the site at the end. Measured at 10,000 partners: Pagefind
over the finished site took 12 s after the build; this way it is done before MkDocs is.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from .html import e
from .urls import SEARCH_INDEX

LANGUAGE = "nl"


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
