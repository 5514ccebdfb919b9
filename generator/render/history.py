""""Wat is nieuw": partners added, changed and removed, by date, from the data's git history.

:func:`changes` lists which partner files changed; :func:`entries` says what changed, per partner per
day, in plain Dutch ("telefoonnummer gewijzigd", "nieuwe locatie in Zele", "nagekeken door ..."), by
comparing the versions of each file before and after every commit (read in one ``git cat-file --batch``).
:func:`atom` makes the Atom feed of those entries. Without git, or outside a git repository, there is
simply no history: the page says so.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import xml.etree.ElementTree as ET
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


# -- what changed, in plain Dutch ------------------------------------------------------------------

MAX_COMMITS = 500  # the newest commits that touch partners/ (the page shows recent news, not everything)
MAX_FILES = 3000  # file versions compared at most: bounded time and memory at Flanders scale
NO_BLOB = "0" * 40


@dataclass(frozen=True)
class Entry:
    """What changed in one partner's file on one day."""
    date: str  # YYYY-MM-DD
    region: str
    partner_id: str
    name: str  # the partner's name after the change (before it, when removed)
    what: tuple[str, ...]  # plain Dutch, e.g. ("telefoonnummer gewijzigd", "nagekeken door Regioteam")

    @property
    def removed(self) -> bool:
        return "verwijderd" in self.what


# simple fields: dotted path -> what it is called for a reader
LABELS = {
    "naam": "naam", "soort": "soort organisatie", "korte_beschrijving": "korte beschrijving",
    "beschrijving": "beschrijving", "levensdomeinen": "levensdomeinen", "doelgroep": "doelgroep",
    "talen": "talen", "werkgebied": "werkgebied", "beroepsgeheim": "beroepsgeheim", "brede_instap": "brede instap",
    "contact.telefoon": "telefoonnummer", "contact.email": "e-mailadres", "contact.website": "website",
    "contact.chat": "chat", "aanmelden.telefoon": "telefoonnummer om aan te melden",
    "aanmelden.email": "e-mailadres om aan te melden", "aanmelden.formulier": "aanmeldformulier",
    "aanmelden.via": "manier van aanmelden", "aanmelden.wie": "wie mag aanmelden",
    "aanmelden.meebrengen": "wat meebrengen", "aanmelden.kostprijs": "kostprijs",
    "aanmelden.kostprijs_uitleg": "uitleg bij de kostprijs", "aanmelden.wachttijd": "wachttijd",
    "aanmelden.wat_volgt": "wat volgt na aanmelden",
}
QUIET = {"id", "voorbeeld", "nagekeken"}  # not news by themselves (nagekeken is told apart)


def _get(data: dict, dotted: str) -> object:
    for part in dotted.split("."):
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _place(location: dict) -> str:
    if location.get("vertrouwelijk"):
        return "vertrouwelijk"
    return str((location.get("adres") or {}).get("gemeente", "?"))


def describe(old: dict | None, new: dict | None) -> list[str]:
    """What changed between two versions of a partner record, in plain Dutch (nothing: only layout)."""
    if old is None and new is None:
        return []
    if old is None:
        return ["toegevoegd"]
    if new is None:
        return ["verwijderd"]
    out = []
    for key, label in LABELS.items():
        before, after = _get(old, key), _get(new, key)
        if before == after:
            continue
        out.append(f"{label} toegevoegd" if before in (None, "", [], {}) else
                   f"{label} verwijderd" if after in (None, "", [], {}) else f"{label} gewijzigd")
    out += _locations(old.get("locaties") or [], new.get("locaties") or [])
    known = {k.split(".")[0] for k in LABELS} | QUIET | {"locaties"}
    for key in sorted((set(old) | set(new)) - known):
        if old.get(key) != new.get(key):
            out.append(f"{key.replace('_', ' ')} gewijzigd")
    for key in sorted(k for k in ("contact", "aanmelden") if old.get(k) != new.get(k)):
        extra = {f"{key}.{k}" for k in set(old.get(key) or {}) | set(new.get(key) or {})} - set(LABELS)
        out += [f"{k.split('.')[1].replace('_', ' ')} gewijzigd" for k in sorted(extra)
                if _get(old, k) != _get(new, k)]
    checked_before, checked = old.get("nagekeken") or {}, new.get("nagekeken") or {}
    if checked != checked_before and checked.get("door"):
        out.append(f"nagekeken door {checked['door']}")
    return out


def _pairs(old: list, new: list) -> list[tuple[dict, dict]]:
    """Each new location with the old one it most likely is: in the same place, and then an unchanged one
    first, then one with the same name, then the one at the same position, then any. Each old location is
    used once, so a municipality with two locations does not compare one with the other."""
    olds = [(i, x) for i, x in enumerate(old) if isinstance(x, dict)]
    news = [(i, x) for i, x in enumerate(new) if isinstance(x, dict)]
    pairs: dict[int, tuple[dict, dict]] = {}
    used: set[int] = set()
    tests = (lambda i, x, j, y: x == y, lambda i, x, j, y: x.get("naam") == y.get("naam"),
             lambda i, x, j, y: i == j, lambda i, x, j, y: True)
    for same in tests:
        for j, loc in news:
            if j in pairs:
                continue
            found = next((i for i, x in olds if i not in used and _place(x) == _place(loc) and same(i, x, j, loc)), None)
            if found is not None:
                used.add(found)
                pairs[j] = (old[found], loc)
    return [pairs[j] for j in sorted(pairs)]


def _locations(old: list, new: list) -> list[str]:
    out = []
    before = [_place(x) for x in old if isinstance(x, dict)]
    after = [_place(x) for x in new if isinstance(x, dict)]
    remaining = list(before)
    for place in after:
        if place in remaining:
            remaining.remove(place)
        else:
            out.append("nieuwe vertrouwelijke locatie" if place == "vertrouwelijk" else f"nieuwe locatie in {place}")
    for place in remaining:
        out.append("vertrouwelijke locatie verwijderd" if place == "vertrouwelijk" else f"locatie in {place} verwijderd")
    for match, loc in _pairs(old, new):
        if match == loc:
            continue
        where = "vertrouwelijke locatie" if loc.get("vertrouwelijk") else f"in {_place(loc)}"
        if match.get("openingsuren") != loc.get("openingsuren") or match.get("openingsuren_uitleg") != loc.get(
                "openingsuren_uitleg"):
            out.append(f"openingsuren {where} gewijzigd")
        if match.get("adres") != loc.get("adres") or match.get("coordinaten") != loc.get("coordinaten"):
            out.append(f"adres {where} gewijzigd")
        rest = {k for k in set(match) | set(loc)} - {"openingsuren", "openingsuren_uitleg", "adres", "coordinaten"}
        if any(match.get(k) != loc.get(k) for k in rest):
            out.append(f"locatie {where} gewijzigd")
    return out


def _git(root: Path, args: list[str], data: bytes | None = None) -> bytes | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=data, capture_output=True, timeout=120,
                              check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def _blobs(root: Path, shas: list[str]) -> dict[str, bytes]:
    """The content of each blob, read by one ``git cat-file --batch``."""
    if not shas:
        return {}
    out = _git(root, ["cat-file", "--batch"], ("\n".join(shas) + "\n").encode("ascii"))
    found: dict[str, bytes] = {}
    if out is None:
        return found
    at = 0
    for sha in shas:
        end = out.find(b"\n", at)
        if end < 0:
            break
        header = out[at:end].split()
        at = end + 1
        if len(header) < 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        found[sha] = out[at:at + size]
        at += size + 1
    return found


def _data(raw: bytes | None, path: str) -> dict | None:
    from ..load.yamlload import load

    if raw is None:
        return None
    try:
        doc, _ = load(raw, path, marks=False)
    except Exception:  # noqa: BLE001 - an old broken version is simply not comparable
        return None
    return doc.data if doc is not None and isinstance(doc.data, dict) else None


_CACHE: dict[tuple[str, str, int], list[Entry]] = {}  # (folder, HEAD, limit) -> entries: `mkdocs serve` rebuilds


def entries(root: Path, max_commits: int = MAX_COMMITS) -> list[Entry] | None:
    """Per partner per day what changed, newest day first; None when there is no git history to read."""
    if shutil.which("git") is None:
        return None
    head = _git(root, ["rev-parse", "HEAD"])
    if head is None:
        return None
    key = (str(Path(root).resolve()), head.decode("ascii", "replace").strip(), max_commits)
    if key not in _CACHE:
        found = _entries(root, max_commits)
        if found is None:
            return None
        _CACHE.clear()
        _CACHE[key] = found
    return list(_CACHE[key])


def _entries(root: Path, max_commits: int) -> list[Entry] | None:
    out = _git(root, ["log", f"-n{max_commits}", "--date=short", "--format=%x00%ad", "--raw", "--no-renames",
                      "--no-abbrev", "--", "partners"])
    if out is None:
        return None
    prefix = _prefix(root)
    changed: list[tuple[str, str, str, str]] = []  # (date, path, old blob, new blob), newest first
    for block in out.decode("utf-8", "replace").split("\0")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        date = lines[0].strip()
        for line in lines[1:]:
            meta, _, path = line.partition("\t")
            fields = meta.split()
            if len(fields) < 5 or not line.startswith(":"):
                continue
            path = path[len(prefix):] if path.startswith(prefix) else path
            parts = path.split("/")
            if len(parts) == 3 and parts[0] == "partners" and path.endswith((".yml", ".yaml")):
                changed.append((date, path, fields[2], fields[3]))
        if len(changed) >= MAX_FILES:
            break
    changed = changed[:MAX_FILES]
    blobs = _blobs(root, sorted({sha for _, _, a, b in changed for sha in (a, b) if sha != NO_BLOB}))
    days: dict[tuple[str, str], dict] = {}
    order: list[tuple[str, str]] = []
    for date, path, old_sha, new_sha in reversed(changed):  # oldest first: a day's texts in the order they happened
        old = _data(blobs.get(old_sha), path) if old_sha != NO_BLOB else None
        new = _data(blobs.get(new_sha), path) if new_sha != NO_BLOB else None
        if (old_sha != NO_BLOB and old is None) or (new_sha != NO_BLOB and new is None):
            what = ["gewijzigd"]  # a version that could not be read: say only that it changed
        else:
            what = describe(old, new)
        if not what:
            continue
        _, region, name = path.split("/")
        key = (date, path)
        if key not in days:
            days[key] = {"region": region, "id": Path(name).stem, "what": [], "name": ""}
            order.append(key)
        day = days[key]
        if "verwijderd" in what or "toegevoegd" in what:  # added and removed on one day: only the last counts
            day["what"] = [w for w in day["what"] if w not in ("toegevoegd", "verwijderd")]
        day["what"] += [w for w in what if w not in day["what"]]
        day["name"] = str((new or old or {}).get("naam") or day["name"] or Path(name).stem)
    result = []
    for key in order:
        day = days[key]
        what = day["what"]
        if "toegevoegd" in what:
            what = ["toegevoegd"] + [w for w in what if w.startswith("nagekeken door")]
        elif "verwijderd" in what:
            what = ["verwijderd"]
        result.append(Entry(key[0], day["region"], day["id"], day["name"], tuple(what)))
    result.sort(key=lambda x: (x.region, x.name.casefold(), x.partner_id))
    result.sort(key=lambda x: x.date, reverse=True)  # stable: newest day first, then region and name
    return result


def week_of(date: str) -> tuple[int, int]:
    """(ISO year, ISO week) of a date."""
    year, week, _ = datetime.date.fromisoformat(date).isocalendar()
    return year, week


# -- the Atom feed ------------------------------------------------------------------------------------

ATOM = "http://www.w3.org/2005/Atom"
FEED = "wat-is-nieuw/feed.xml"


def atom(items: list[Entry], *, site_url: str, title: str, updated: datetime.date, names: dict[str, str],
         page_of) -> str:
    """An Atom 1.0 feed of ``items`` (newest first). ``names``: region id -> name; ``page_of(id)``: the
    partner page's full address, or None for a partner that is gone."""
    ET.register_namespace("", ATOM)

    def el(parent, tag, text=None, **attrs):
        node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            node.text = text
        return node

    base = site_url.rstrip("/") + "/" if site_url else "/"
    feed = ET.Element(f"{{{ATOM}}}feed")
    el(feed, "title", title)
    el(feed, "subtitle", "Wat er veranderde aan de partners van de netwerkkaart, per partner per dag.")
    el(feed, "id", base + FEED)
    el(feed, "link", rel="self", href=base + FEED, type="application/atom+xml")
    el(feed, "link", rel="alternate", href=base + "wat-is-nieuw/", type="text/html")
    stamp = (items[0].date if items else updated.isoformat()) + "T00:00:00Z"
    el(feed, "updated", stamp)
    author = el(feed, "author")
    el(author, "name", title)
    for item in items:
        entry = el(feed, "entry")
        el(entry, "title", f"{item.name}: {', '.join(item.what)}")
        el(entry, "id", f"{base}{FEED}#{item.date}/{item.region}/{item.partner_id}")
        el(entry, "updated", item.date + "T00:00:00Z")
        page = page_of(item.partner_id)
        if page:
            el(entry, "link", rel="alternate", href=page, type="text/html")
        el(entry, "category", term=item.region, label=names.get(item.region, item.region))
        el(entry, "summary", f"{dutch(item.date)}, {names.get(item.region, item.region)}: {item.name}: "
                             f"{', '.join(item.what)}.")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def dutch(date: str) -> str:
    from .pages import dutch_date

    return dutch_date(date)
