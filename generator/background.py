"""Files made beside the MkDocs build: the open-data exports and the "Mijn netwerk" data.

They do not depend on MkDocs, so a forked child process makes them on the second core while MkDocs
renders the pages, and the plugin copies them into the site at the end. Measured at 10,000
partners: 2 s and 100 MB less in the MkDocs process. Where forking is not safe (``mkdocs serve``
runs threads) they are made right away, in this process.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path


class BackgroundError(Exception):
    pass


def _write(jobs: dict[str, Callable[[], str | bytes]], folder: Path) -> None:
    for path, make in jobs.items():
        content = make()
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


class Background:
    """Runs ``jobs`` (site path -> function returning the content) now, in a child process if it can."""

    def __init__(self, jobs: dict[str, Callable[[], str | bytes]]) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="netwerkkaart-bestanden-"))
        atexit.register(self._clean)  # `mkdocs serve` stopped with Ctrl-C
        self.paths = list(jobs)
        self.pid: int | None = None
        self.error: str | None = None
        if threading.active_count() == 1 and hasattr(os, "fork"):
            pid = os.fork()
            if pid == 0:  # the child never returns into MkDocs
                code = 1
                try:
                    _write(jobs, self.folder)
                    code = 0
                except BaseException as exc:  # noqa: BLE001 - reported by the parent
                    try:
                        (self.folder / "fout.txt").write_text(f"{type(exc).__name__}: {exc}", encoding="utf-8")
                    except BaseException:  # noqa: BLE001
                        pass
                finally:
                    os._exit(code)
            self.pid = pid
        else:
            try:
                _write(jobs, self.folder)
            except Exception as exc:  # noqa: BLE001
                self.error = f"{type(exc).__name__}: {exc}"

    def finish(self, site_dir: str | Path) -> None:
        """Wait for the files and copy them into ``site_dir``."""
        try:
            if self.pid:
                _, status = os.waitpid(self.pid, 0)
                self.pid = None
                if os.waitstatus_to_exitcode(status) != 0:
                    failure = self.folder / "fout.txt"
                    self.error = failure.read_text(encoding="utf-8") if failure.is_file() else "onbekende fout"
            if self.error:
                raise BackgroundError(self.error)
            for path in self.paths:
                target = Path(site_dir) / path
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(self.folder / path, target)
        finally:
            self._clean()

    def _clean(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        atexit.unregister(self._clean)

    def cancel(self) -> None:
        if self.pid:
            try:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
            except (OSError, ChildProcessError):
                pass
            self.pid = None
        self._clean()
