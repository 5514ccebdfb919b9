""""Wat is nieuw": partners added, changed and removed, by date, from the data's git history.

Without git, or outside a git repository, there is simply no history: the page says so.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

KINDS = {"A": "toegevoegd", "M": "gewijzigd", "D": "verwijderd"}


@dataclass(frozen=True)
class Change:
    date: str  # YYYY-MM-DD
    kind: str  # toegevoegd | gewijzigd | verwijderd
    partner_id: str
    path: str


def changes(root: Path, limit: int = 300) -> list[Change]:
    """The newest partner file changes first; [] when there is no git history to read."""
    if shutil.which("git") is None:
        return []
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "log", "--date=short", "--name-status", "--no-renames",
             "--format=%x00%ad", "--", "partners"],
            capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    if done.returncode != 0:
        return []
    prefix = _prefix(root)
    out: list[Change] = []
    for block in done.stdout.split("\0")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        date = lines[0].strip()
        for line in lines[1:]:
            status, _, path = line.partition("\t")
            path = path[len(prefix):] if path.startswith(prefix) else path
            if status[:1] in KINDS and path.startswith("partners/") and path.endswith((".yml", ".yaml")):
                out.append(Change(date, KINDS[status[:1]], Path(path).stem, path))
                if len(out) >= limit:
                    return out
    return out


def _prefix(root: Path) -> str:
    """Where the data folder sits inside its repository ('' at the top), for paths git reports."""
    done = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-prefix"], capture_output=True, text=True,
                          check=False)
    return done.stdout.strip() if done.returncode == 0 else ""
