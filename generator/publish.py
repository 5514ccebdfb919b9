"""Build the site so that a failed build never leaves half a site: build aside, then swap."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


class BuildFailed(Exception):
    """The MkDocs build did not succeed; the message holds its output."""


def build(config_file: Path, site_dir: Path) -> None:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".netwerkkaart-build-", dir=site_dir.parent))
    try:
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config_file),
                               "-d", str(fresh)], capture_output=True, text=True, check=False,
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        if done.returncode != 0 or not (fresh / "index.html").is_file():
            raise BuildFailed((done.stdout + done.stderr).strip())
        old = site_dir.with_name(site_dir.name + ".vorige")
        if old.exists():
            shutil.rmtree(old)
        if site_dir.exists():
            site_dir.rename(old)  # two renames on one file system: never a half-written site
        fresh.rename(site_dir)
        if old.exists():
            shutil.rmtree(old)
    finally:
        if fresh.exists():
            shutil.rmtree(fresh, ignore_errors=True)
