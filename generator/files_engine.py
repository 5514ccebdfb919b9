"""The files engine: a :class:`core.Build` written as a self-contained project for any site builder.

``netwerkkaart generate OUT`` writes into a fresh folder (outdir.py swaps it into place)::

    OUT/mkdocs.yml      plain mkdocs-material, without the netwerkkaart plugin
    OUT/zensical.toml   the same for Zensical
    OUT/overrides/      the theme (generator/theme: main.html, 404.html, partials/, assets/netwerkkaart/)
    OUT/docs/           the pages (Markdown: front matter + the HTML the plugin hands MkDocs), map document
                        and data, downloads, schemas, feed, the Pagefind index

Only the top pages are in the navigation; the others are listed as ``not_in_nav`` by a few patterns.
Without the plugin, theme/main.html builds every sidebar itself (no shared sidebar per folder) and shows
the example banner from ``extra.netwerkkaart.voorbeeld``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from . import offline, runner, search, urls
from .core import Build
from .outdir import GENERATED_CONFIG

DOCS = "docs"
OVERRIDES = "overrides"
# every generated page outside the nav (gitignore patterns, relative to docs/)
NOT_IN_NAV = ("/partners/", "/*/gemeenten/", "/*/levensdomeinen/", "/*/dekking/", f"/{urls.DIRECTORY}*/")
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # navigation.instant needs one; NK_SITE_URL overrides it


class GenerateError(Exception):
    """A part of the site could not be made (the search index, a file made beside the build); Dutch text."""


def write(made: Build, out: Path, *, site_name: str, site_url: str = "") -> dict[str, int]:
    """Write ``made`` into the empty folder ``out``; returns counts for the summary line."""
    docs = out / DOCS
    # the search index and the deferred files are made beside the writing (runner.py), as in the plugin
    index = search.SearchIndex(made.search_documents()) if made.search else None
    beside = runner.FilesBeside(made.jobs)
    try:
        for page in made.pages:
            _put(docs / page.src_uri, page.markdown().encode("utf-8"))
        # the theme as the plugin uses it: templates and assets/ (copied into the site by the builder)
        shutil.copytree(made.theme_dir, out / OVERRIDES, ignore=shutil.ignore_patterns("__pycache__"))
        for item in made.files:
            _put(docs / item.path, item.data())
    except BaseException:
        for task in (index, beside):
            if task is not None:
                task.cancel()
        raise
    try:
        beside.finish(docs)
    except runner.JobError as exc:
        if index is not None:
            index.cancel()
        raise GenerateError(f"De downloads en het blad Mijn netwerk konden niet gemaakt worden: {exc}") from exc
    if index is not None:
        try:
            index.finish(docs)
        except search.SearchIndexError as exc:
            raise GenerateError(f"De zoekindex (Pagefind) kon niet gemaakt worden: {exc}") from exc
    (out / "mkdocs.yml").write_text(mkdocs_yml(made, site_name, site_url), encoding="utf-8")
    (out / "zensical.toml").write_text(zensical_toml(made, site_name, site_url), encoding="utf-8")
    return {"pages": len(made.pages), "files": len(made.files) + len(made.jobs)}


def _put(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


def _nav(made: Build) -> list[tuple[str, str]]:
    return [next(iter(item.items())) for item in made.nav()]


def mkdocs_yml(made: Build, site_name: str, site_url: str) -> str:
    """A settings file for plain mkdocs-material (no netwerkkaart plugin). Strings are JSON (valid YAML)."""
    q = json.dumps
    lines = [f"{GENERATED_CONFIG}: bouw met `mkdocs build` (mkdocs-material, zonder de",
             "# netwerkkaart-plugin). Deze map wordt bij elke generate vervangen: pas de gegevens aan, niet dit bestand.",
             f"site_name: {q(site_name, ensure_ascii=False)}",
             f"site_url: !ENV [NK_SITE_URL, {q(site_url or DEFAULT_SITE_URL)}]",
             f"docs_dir: {DOCS}",
             "theme:",
             "  name: material",
             f"  custom_dir: {OVERRIDES}",
             "  language: nl",
             "  font: false",
             f"  static_templates: [{q(offline.OFFLINE_PAGE)}]  # shown for a page not saved for offline use",
             "  features: [navigation.instant, navigation.tabs, navigation.top]",
             "  palette:",
             "    primary: indigo",
             "plugins: []  # zoeken: Pagefind (docs/pagefind/), gemaakt door generate",
             "markdown_extensions: [attr_list]",
             "extra:",
             "  netwerkkaart:",
             f"    voorbeeld: {q(made.example)}",
             "extra_css:"] + [f"  - {q(p)}" for p in made.css] + ["extra_javascript:"]
    lines += [f"  - {q(p)}" for p in made.javascript]
    lines += ["nav:"] + [f"  - {q(title, ensure_ascii=False)}: {q(uri)}" for title, uri in _nav(made)]
    lines += ["not_in_nav: |"] + [f"  {pattern}" for pattern in NOT_IN_NAV]
    return "\n".join(lines) + "\n"


def zensical_toml(made: Build, site_name: str, site_url: str) -> str:
    """The same settings for Zensical (see docs/zensical.md for what it builds and what not)."""
    q = json.dumps
    nav = ", ".join("{ " + q(title, ensure_ascii=False) + " = " + q(uri) + " }" for title, uri in _nav(made))
    lines = ["# Gemaakt door `netwerkkaart generate`: bouw met `zensical build`.",
             "[project]",
             f"site_name = {q(site_name, ensure_ascii=False)}",
             f"site_url = {q(site_url or DEFAULT_SITE_URL)}",
             f"docs_dir = {q(DOCS)}",
             "site_dir = \"site\"",
             f"extra_css = {q(list(made.css))}",
             f"extra_javascript = {q(list(made.javascript))}",
             f"nav = [{nav}]",
             "",
             "[project.theme]",
             f"custom_dir = {q(OVERRIDES)}",
             "language = \"nl\"",
             "font = false",
             "features = [\"navigation.instant\", \"navigation.tabs\", \"navigation.top\"]",
             "",
             "[project.extra.netwerkkaart]",
             f"voorbeeld = {q(made.example)}",
             "",
             "[project.plugins.search]",
             "enabled = false",
             ""]
    return "\n".join(lines)

