"""Golden outputs of the example data: what the site is made of, pinned byte for byte.

One page per type (Markdown with its HTML, as ``netwerkkaart generate`` writes it and the plugin hands to
MkDocs), the document every map uses and the map data of one region, every export, the search terms and
the documents Pagefind reads, the "Mijn netwerk" and wegwijzer data, "Wat is nieuw" with its feed. They are
made by the build core both engines use (``generator.core.build``: the MkDocs plugin and ``netwerkkaart
generate``), without MkDocs, on a fixed date (``TODAY``) and with a fixed git history (a temporary copy of
the data in a repository, see :func:`history_repo`). ``tests/test_golden_outputs.py`` compares them with the files in
``tests/golden/outputs/`` exactly.

After an intended change, write them all again (these and the report/dekking goldens in tests/golden/)
and review the diff before committing:

    make goldens                                   # = .venv/bin/python tests/golden_outputs.py
"""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).parent
sys.path.insert(0, str(TESTS))
sys.path.insert(0, str(TESTS.parent))

from generator import core  # noqa: E402
from generator.render import export, history, maps, search, wegwijzer  # noqa: E402
from generator.topics import freshness, hours, urls  # noqa: E402
from generator.validate import schema  # noqa: E402
from generator.render.pages import DATA  # noqa: E402

ROOT = TESTS.parent
GOLDEN = TESTS / "golden"
SITE = GOLDEN / "outputs"  # files at the path they have in the site
COMMAND = "make goldens   (= .venv/bin/python tests/golden_outputs.py; review the diff before committing)"

TODAY = datetime.date(2026, 11, 25)  # the build date (as NK_VANDAAG would set it)
SITE_URL = "https://netwerkkaart.example/"  # as mkdocs.yml's site_url (or NK_SITE_URL) would give it
SITE_NAME = "Netwerkkaart (voorbeeld)"  # mkdocs.yml's site_name: the feed's title

# One of each: the example data's richest pages, and one region for everything per region.
REGION = "dender"
MUNICIPALITY = "dendermonde"
DOMAIN = "opvoeding"
PARTNERS = ("sociaal-huis-dendermonde",  # opening hours at two locations, an agreement (gedeeld beroepsgeheim)
            "caw-vluchthuis-dender")  # phone lines, closures, a confidential location
SEARCH_DOCUMENTS = (urls.partner(PARTNERS[0]), urls.municipality(REGION, MUNICIPALITY))

# The history "Wat is nieuw" is made from (history_repo): its last commit is the example data as it is.
CHANGED = ("dender", "sociaal-huis-dendermonde")  # its phone number differed before
ADDED = ("voorkempen", "huis-van-het-kind-brecht")  # not there in the first commit
REMOVED = ("dender", "oude-partner")  # a copy of CHANGED that was there once


# -- the fixed git history ----------------------------------------------------------------------------

def _git(root: Path, *args: str, date: str = "2026-10-01T10:00:00") -> None:
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "golden",
           "GIT_AUTHOR_EMAIL": "golden@example.invalid", "GIT_COMMITTER_NAME": "golden",
           "GIT_COMMITTER_EMAIL": "golden@example.invalid", "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "HOME": str(root), "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(["git", "-C", str(root), "-c", "commit.gpgsign=false", *args], check=True, capture_output=True,
                   env=env)


def _replace_line(text: str, pattern: str, line: str, what: str) -> str:
    new, count = re.subn(pattern, line, text, count=1, flags=re.MULTILINE)
    if not count:
        raise RuntimeError(f"golden history: {what} not found (pattern {pattern!r}); adapt tests/golden_outputs.py")
    return new


def history_repo(folder: Path) -> Path:
    """A git repository in ``folder`` whose partners/ ends as the example data's, after three dated commits:
    a phone number changed and a partner added on 2026-11-10, a partner removed on 2026-11-20. Its regions/
    are the example data's (the whole folder is the data a build reads)."""
    shutil.copytree(ROOT / "partners", folder / "partners")
    shutil.copytree(ROOT / "regions", folder / "regions")
    changed = folder / "partners" / CHANGED[0] / f"{CHANGED[1]}.yml"
    added = folder / "partners" / ADDED[0] / f"{ADDED[1]}.yml"
    removed = folder / "partners" / REMOVED[0] / f"{REMOVED[1]}.yml"
    now, added_text = changed.read_text(encoding="utf-8"), added.read_text(encoding="utf-8")
    text = _replace_line(now, r'^(  telefoon: ).*$', r'\g<1>"052 25 29 99"', f"contact.telefoon in {changed.name}")
    changed.write_text(text, encoding="utf-8")
    added.unlink()
    old = _replace_line(now, r"^id: .*$", f"id: {REMOVED[1]}", f"id in {changed.name}")
    removed.write_text(_replace_line(old, r"^naam: .*$", "naam: Oude partner (voorbeeld)", f"naam in {changed.name}"),
                       encoding="utf-8")
    _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-qm", "begin", date="2026-10-01T10:00:00")
    changed.write_text(now, encoding="utf-8")
    added.write_text(added_text, encoding="utf-8")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-qm", "telefoon en nieuwe partner", date="2026-11-10T10:00:00")
    removed.unlink()
    _git(folder, "add", "-A")
    _git(folder, "commit", "-qm", "partner weg", date="2026-11-20T10:00:00")
    return folder


# -- the outputs ----------------------------------------------------------------------------------------

@contextlib.contextmanager
def _today():
    """NK_VANDAAG set to TODAY while the outputs are made (for anything that asks freshness.today())."""
    before = os.environ.get(freshness.TODAY_VARIABLE)
    os.environ[freshness.TODAY_VARIABLE] = TODAY.isoformat()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(freshness.TODAY_VARIABLE, None)
        else:
            os.environ[freshness.TODAY_VARIABLE] = before


def outputs() -> dict[str, bytes]:
    """Site path -> content of every golden output (see the module docstring)."""
    with _today(), tempfile.TemporaryDirectory(prefix="netwerkkaart-golden-") as tmp:
        made = core.build(history_repo(Path(tmp)), SETTINGS)
        assert not made.errors, [f"{p.file}:{p.line}: {p.code} {p.message}" for p in made.errors]
        assert made.news, "golden history: git found no history (is git installed?)"
        return _outputs(made)


SETTINGS = core.Settings(site_url=SITE_URL, site_name=SITE_NAME, today=TODAY)


def _outputs(made: core.Build) -> dict[str, bytes]:
    pages = made.pages
    by_url = {p.url: p for p in pages}
    files = {f.path: f.content for f in made.files}
    found: dict[str, str | bytes] = {}

    def page(url: str) -> None:
        found[by_url[url].src_uri] = by_url[url].markdown()

    # one page per type ("404": a theme template, generator/theme/404.html, not generated)
    for url in ("", urls.DIRECTORY, urls.SEARCH, urls.SHEET, urls.NEWS, urls.WEGWIJZER, urls.region(REGION),
                urls.municipality(REGION, MUNICIPALITY), urls.life_domain(REGION, DOMAIN), urls.coverage(REGION),
                *(urls.partner(p) for p in PARTNERS)):
        page(url)
    assert len({p.url for p in pages}) == len(pages), "two pages with the same address"
    # what Pagefind indexes, per page (the search documents)
    searchable = {p.url: p for p in made.search_documents()}
    for url in SEARCH_DOCUMENTS:
        found[f"_zoekdocumenten/{url}index.html"] = search.page_document(searchable[url].title, searchable[url].search_document)
    # the maps: the one document, the region's borders and maps, one partner's map, "Mijn netwerk"'s map
    wanted = {maps.DOCUMENT, f"{maps.MAPS}/grenzen/{REGION}.json", f"{maps.MAPS}/regio/{REGION}.json",
              f"{maps.MAPS}/gemeente/{REGION}/{MUNICIPALITY}.json", f"{maps.MAPS}/partner/{REGION}/1.json",
              f"{maps.MAPS}/dekking/{REGION}/{DOMAIN}.json", f"{maps.MAPS}/mijn-netwerk.json"}
    wanted |= {hours.HOLIDAYS_ASSET, history.FEED, search.TERMS} | {f"schemas/{name}.schema.json" for name in schema.SCHEMA_FILES}
    found.update({path: files[path] for path in wanted if path in files})
    missing = wanted - set(found)
    assert not missing, f"files not made: {sorted(missing)}"
    # the files made beside the build: "Mijn netwerk", wegwijzer (index, one region), exports
    jobs = [DATA, wegwijzer.INDEX, wegwijzer.region_file(REGION)]
    jobs += [f"{urls.EXPORT}/{name}" for name, _ in export.FORMATS.values()]
    for path in jobs:
        found[path] = made.jobs[path]()
    return {path: content if isinstance(content, bytes) else content.encode("utf-8")
            for path, content in sorted(found.items())}


def golden_files() -> dict[str, bytes]:
    """What tests/golden/outputs/ holds now."""
    return {p.relative_to(SITE).as_posix(): p.read_bytes() for p in sorted(SITE.rglob("*"))
            if p.is_file() and p.name != ".gitattributes"}


_SPLIT = re.compile(r'(?<=>)(?=<)|(?<=,)(?=["\[{])')


def _pieces(lines: list[str]) -> list[str]:
    """Lines cut between two tags and after a comma before a JSON string, list or object."""
    out = []
    for line in lines:
        parts = _SPLIT.split(line)
        out += [part if part.endswith("\n") else part + "\n" for part in parts if part]
    return out


def diff(path: str, expected: bytes, actual: bytes, lines: int = 40) -> str:
    """A short unified diff (golden -> now) and how to write the goldens again."""
    import difflib

    old = expected.decode("utf-8", "replace").splitlines(keepends=True)
    new = actual.decode("utf-8", "replace").splitlines(keepends=True)
    note = ""
    if max(map(len, old + new), default=0) > 300:  # HTML or JSON on long lines: split them to compare
        old, new = _pieces(old), _pieces(new)
        note = "(long lines split between tags and after JSON commas, for this diff only)\n"
    out = list(difflib.unified_diff(old, new, f"tests/golden/outputs/{path}", f"{path} (now)", n=2))
    out = [line if len(line) <= 240 else line[:240] + " [...]\n" for line in out]
    shown = "".join(out[:lines]) + (f"... ({len(out) - lines} more diff lines)\n" if len(out) > lines else "")
    if not out:
        shown = "(the same text; the bytes differ: line endings, BOM or encoding)\n"
    return f"{path} differs from its golden file:\n{note}{shown}If the change is intended: {COMMAND}"


# -- writing them again --------------------------------------------------------------------------------

def write_site(made: dict[str, bytes]) -> list[str]:
    """Replace tests/golden/outputs/ by ``made``; returns what changed (for the message)."""
    before = golden_files() if SITE.is_dir() else {}
    for path in set(before) - set(made):
        (SITE / path).unlink()
    for path, content in made.items():
        target = SITE / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if before.get(path) != content:
            target.write_bytes(content)
    for folder in sorted((p for p in SITE.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return sorted(p for p in set(before) | set(made) if before.get(p) != made.get(p))


def write_reports() -> list[str]:
    """The older goldens in tests/golden/ (report.*, dekking.*), with the functions their tests use."""
    import test_coverage
    import test_overview

    changed = []
    texts = dict(test_overview.outputs())
    for fmt, ext in test_coverage.EXTENSIONS.items():
        texts[f"dekking.{ext}"] = test_coverage.report(ROOT, fmt)
    for name, text in texts.items():
        target = GOLDEN / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


def main() -> int:
    changed = [f"outputs/{p}" for p in write_site(outputs())] + write_reports()
    total = sum(len(c) for c in golden_files().values())
    print(f"tests/golden/outputs/: {len(golden_files())} files, {total / 1024:.0f} KB")
    print("changed: " + (", ".join(changed) if changed else "nothing"))
    if changed:
        print("Review them (git diff tests/golden) before committing.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
