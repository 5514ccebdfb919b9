"""The files engine: a :class:`core.Build` written as a self-contained project for any site builder.

``netwerkkaart generate OUT`` writes into a fresh folder (outdir.py swaps it into place)::

    OUT/mkdocs.yml      plain mkdocs-material, without the netwerkkaart plugin
    OUT/zensical.toml   the same for Zensical
    OUT/overrides/      the theme (generator/theme: main.html, 404.html, partials/, assets/netwerkkaart/)
    OUT/docs/           the pages (Markdown: front matter + the HTML the plugin hands MkDocs), the project's
                        own pages (its docs_dir), map document and data, downloads, schemas, feed, the
                        Pagefind index, the offline manifests (offline/<regio>.json)

The settings come from the project's mkdocs.yml as the plugin build has them (:func:`read_project`; the
command line's options go first). The work beside the build is one runner.SiteWork, as in the plugin.
Only the top pages (and the project's own, under "Voor redacteurs") are in the navigation; the others are
listed as ``not_in_nav`` by a few patterns.
Without the plugin, theme/main.html builds every sidebar itself (no shared sidebar per folder) and shows
the example banner from ``extra.netwerkkaart.voorbeeld``.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..render import offline
from . import runner
from ..topics import urls
from .. import core
from ..core import Build
from .outdir import GENERATED_CONFIG

DOCS = "docs"
OVERRIDES = "overrides"
# every generated page outside the nav (gitignore patterns, relative to docs/)
NOT_IN_NAV = ("/partners/", "/*/gemeenten/", "/*/levensdomeinen/", "/*/dekking/", f"/{urls.DIRECTORY}*/")
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # navigation.instant needs one; NK_SITE_URL overrides it


GenerateError = runner.SiteWorkError  # a part of the site could not be made; Dutch text


class ProjectError(Exception):
    """The project's settings (mkdocs.yml) cannot be used: ``code`` and the fields of its message."""

    def __init__(self, code: str, **fields: str) -> None:
        self.code, self.fields = code, fields
        super().__init__(code)


# the netwerkkaart plugin's options (plugin.NetwerkkaartConfig) that generate honours: name -> (type, example)
PLUGIN_OPTIONS = {"data_dir": (str, "data_dir: gegevens"), "edit_uri": (str, "edit_uri: edit/main/"),
                  "search": (bool, "search: true"), "tiles": (str, "tiles: geen"),
                  "tiles_attribution": (str, 'tiles_attribution: "© OpenStreetMap"'),
                  "search_group_pages": (int, "search_group_pages: 2500")}
TYPE_NAMES = {str: "tekst", bool: "true of false", int: "een geheel getal"}


@dataclass
class Project:
    """What ``generate`` takes from the project's mkdocs.yml, as the plugin build would: the site's name
    and address, its own pages (``docs_dir``), nav, repo_url, Markdown extensions and the netwerkkaart
    plugin's options (:data:`PLUGIN_OPTIONS`). The command line's options override these."""

    config: Path | None = None
    site_name: str | None = None
    site_url: str | None = None
    docs_dir: Path | None = None
    repo_url: str | None = None
    nav: list | None = None
    edit_uri: str | None = None  # MkDocs' own, for the project's pages
    theme_features: list[str] = field(default_factory=list)
    markdown_extensions: list = field(default_factory=list)
    plugin: dict = field(default_factory=dict)

    @property
    def folder(self) -> Path | None:
        return self.config.parent if self.config is not None else None

    def data_dir(self) -> Path | None:
        """The plugin's ``data_dir`` (relative to mkdocs.yml's folder), else mkdocs.yml's folder."""
        if self.config is None:
            return None
        return self.folder / self.plugin["data_dir"] if self.plugin.get("data_dir") else self.folder

    def edit_url(self, source: str | None) -> str | None:
        """The "edit this page" address of a page made from the YAML file ``source`` (as plugin.py)."""
        edit_uri = self.plugin.get("edit_uri")
        if not (source and self.repo_url and edit_uri):
            return None
        return self.repo_url.rstrip("/") + "/" + edit_uri.strip("/") + "/" + source


def _loader():
    import os

    import yaml

    class Loader(yaml.SafeLoader):
        """mkdocs.yml as MkDocs reads it: !ENV [NAME, ..., default] read, Python tags ignored."""

    def env(loader, node):
        names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
        for name in names[:-1] if len(names) > 1 else names:
            if os.environ.get(str(name)):
                return os.environ[str(name)]
        return names[-1] if len(names) > 1 else None

    Loader.add_constructor("!ENV", env)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return Loader


def read_project(config: Path) -> Project:
    """The project's settings from ``config`` (a mkdocs.yml), or :class:`ProjectError` (NK710, NK711,
    NK721). Reads only: MkDocs is not needed."""
    import yaml

    try:
        text = config.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectError("NK710", target=str(config), reason=_why(exc)) from None
    try:
        settings = yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader with two more tags
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"regel {mark.line + 1}, kolom {mark.column + 1}" if mark is not None else "geen geldige YAML"
        raise ProjectError("NK711", target=str(config), reason=f"geen geldige YAML ({where})") from None
    if not isinstance(settings, dict):
        raise ProjectError("NK711", target=str(config), reason="geen lijst van instellingen (sleutel: waarde)")
    plugins = settings.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(p.items())) if isinstance(p, dict) and len(p) == 1 else (p, None) for p in plugins
        if isinstance(p, (str, dict)))
    options: dict = {}
    for name, value in entries:
        if name == "netwerkkaart":
            options = value if isinstance(value, dict) else {}
    for key, value in options.items():
        if key in PLUGIN_OPTIONS and value is not None and (not isinstance(value, PLUGIN_OPTIONS[key][0])
                                                            or PLUGIN_OPTIONS[key][0] is int and isinstance(value, bool)):
            kind, example = PLUGIN_OPTIONS[key]
            raise ProjectError("NK721", option=key, target=str(config), expected=TYPE_NAMES[kind],
                               found=repr(value) if not isinstance(value, (dict, list)) else "een lijst",
                               example=example)
    docs = settings.get("docs_dir", "docs")
    text_of = lambda key: settings.get(key) if isinstance(settings.get(key), str) else None  # noqa: E731
    extensions = settings.get("markdown_extensions") or []
    theme = settings.get("theme") if isinstance(settings.get("theme"), dict) else {}
    features = theme.get("features") if isinstance(theme.get("features"), list) else []
    return Project(edit_uri=text_of("edit_uri"), theme_features=[f for f in features if isinstance(f, str)],
                   config=config, site_name=text_of("site_name"), site_url=text_of("site_url"),
                   docs_dir=config.parent / docs if isinstance(docs, str) else None, repo_url=text_of("repo_url"),
                   nav=settings.get("nav") if isinstance(settings.get("nav"), list) else None,
                   markdown_extensions=[x for x in extensions if isinstance(x, (str, dict))]
                   if isinstance(extensions, list) else [],
                   plugin={k: v for k, v in options.items() if k in PLUGIN_OPTIONS and v is not None})


def _why(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "geen tekst in UTF-8"
    if isinstance(exc, IsADirectoryError):
        return "het is een map"
    if isinstance(exc, PermissionError):
        return "geen toestemming om te lezen (rechten)"
    return "het kan niet gelezen worden"


def editor_pages(docs: Path | None) -> list[tuple[str, Path]]:
    """The project's own files in ``docs`` (site path, file), hidden ones left out, as MkDocs copies them."""
    if docs is None or not docs.is_dir():
        return []
    found = []
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            found.append((rel.as_posix(), path))
    return found


def page_address(src: str) -> str:
    """Where MkDocs puts the Markdown page ``src`` (with directory URLs): "a.md" -> "a/", "a/index.md" -> "a/"."""
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-len("index")]
    return stem + "/"


def write(made: Build, out: Path, *, site_name: str, site_url: str = "", project: Project | None = None) -> dict[str, int]:
    """Write ``made`` into the empty folder ``out``, with the project's own pages and settings; returns
    counts for the summary line. :class:`ProjectError` (NK722) when a page of the project has the address
    of a generated one, :class:`GenerateError` when the work beside the build failed."""
    project = project or Project()
    docs = out / DOCS
    own = editor_pages(project.docs_dir)
    taken = {page_address(src): src for src, _ in own if src.endswith(".md")}
    pages = [p for p in made.pages if not (p.url == "" and "" in taken)]  # a docs/index.md is the home page
    for page in pages:
        if page.url in taken:
            src = taken[page.url]
            for task in (made.started, made.searching):  # what core.build started: not needed now
                if task is not None:
                    task.cancel()
            raise ProjectError("NK722", page=src, docs=str(project.docs_dir), url=page.url or "/",
                               example=src.replace(".md", "-uitleg.md"))
    # the search index and the deferred files are made beside the writing (runner.py), as in the plugin;
    # the offline manifests list the files of this source tree as the site builder will copy them
    source = offline.Source(docs, out / OVERRIDES, {p.url: p.src_uri for p in pages})
    work = runner.SiteWork(made, manifests=lambda site, plan, hashes=None: offline.write(site, plan, source, hashes),
                           warm=lambda site, plan: offline.warm(site, plan, source)).start()
    deferred = len(work.files.paths)
    try:
        for src, path in own:
            target = docs / src
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        for page in pages:
            _put(docs / page.src_uri, page_markdown(page, project).encode("utf-8"))
        # the theme as the plugin uses it: templates and assets/ (copied into the site by the builder)
        shutil.copytree(made.theme_dir, out / OVERRIDES, ignore=shutil.ignore_patterns("__pycache__"))
        for item in made.files:
            _put(docs / item.path, item.data())
    except BaseException:
        work.cancel()
        raise
    work.finish(docs)  # downloads, search index, offline manifests; GenerateError
    editor = [src for src, _ in own if src.endswith(".md") and "/" not in src and src != "index.md"]
    (out / "mkdocs.yml").write_text(mkdocs_yml(made, site_name, site_url, project, editor), encoding="utf-8")
    (out / "zensical.toml").write_text(zensical_toml(made, site_name, site_url, project, editor), encoding="utf-8")
    return {"pages": len(pages) + len(taken), "files": len(made.files) + deferred}


def page_markdown(page, project: Project) -> str:
    """A generated page as Markdown; with the project's repo_url and edit_uri, its "edit this page" address
    (the YAML file it comes from) in the front matter (``nk_bewerken``, read by theme/partials/actions.html)."""
    text = page.markdown()
    edit = project.edit_url(page.source)
    if edit is None and not project.repo_url:
        return text
    return text.replace("---\n", f"---\nnk_bewerken: {json.dumps(edit)}\n", 1)


def _put(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


def _nav(made: Build, project: Project, editor: list[str]) -> list:
    """The project's own nav if it has one; else the core's (core.site_nav, as the plugin)."""
    if project.nav is not None:
        return project.nav
    return core.site_nav(made.nav(), editor)


def _features(project: Project) -> list[str]:
    return project.theme_features or ["navigation.instant", "navigation.tabs", "navigation.top"]


def mkdocs_yml(made: Build, site_name: str, site_url: str, project: Project | None = None,
               editor: list[str] = ()) -> str:
    """A settings file for plain mkdocs-material (no netwerkkaart plugin). Strings are JSON (valid YAML)."""
    project = project or Project()
    q = json.dumps
    extensions = ["attr_list"] + [x for x in project.markdown_extensions if x != "attr_list"]
    lines = [f"{GENERATED_CONFIG}: bouw met `mkdocs build` (mkdocs-material, zonder de",
             "# netwerkkaart-plugin). Deze map wordt bij elke generate vervangen: pas de gegevens aan, niet dit bestand.",
             f"site_name: {q(site_name, ensure_ascii=False)}",
             f"site_url: !ENV [NK_SITE_URL, {q(site_url or DEFAULT_SITE_URL)}]",
             f"docs_dir: {DOCS}"]
    if project.repo_url:
        lines.append(f"repo_url: {q(project.repo_url)}")
    if project.edit_uri is not None:  # for the project's own pages (generated pages: nk_bewerken)
        lines.append(f"edit_uri: {q(project.edit_uri)}")
    lines += ["theme:",
              "  name: material",
              f"  custom_dir: {OVERRIDES}",
              "  language: nl",
              "  font: false",
              f"  static_templates: [{q(offline.OFFLINE_PAGE)}]  # shown for a page not saved for offline use",
              f"  features: {q(_features(project))}",
              "  palette:",
              "    primary: indigo",
              "plugins: []  # zoeken: Pagefind (docs/pagefind/), gemaakt door generate",
              f"markdown_extensions: {q(extensions, ensure_ascii=False)}",
              "extra:",
              "  netwerkkaart:",
              f"    voorbeeld: {q(made.example)}",
              "extra_css:"] + [f"  - {q(p)}" for p in made.css] + ["extra_javascript:"]
    lines += [f"  - {q(p)}" for p in made.javascript]
    lines += [f"nav: {q(_nav(made, project, list(editor)), ensure_ascii=False)}"]
    lines += ["not_in_nav: |"] + [f"  {pattern}" for pattern in NOT_IN_NAV]
    return "\n".join(lines) + "\n"


def _toml_nav(item) -> str:
    q = json.dumps
    if isinstance(item, str):
        return q(item, ensure_ascii=False)
    if isinstance(item, dict):
        return "{ " + ", ".join(f"{q(str(k), ensure_ascii=False)} = {_toml_nav(v)}" for k, v in item.items()) + " }"
    if isinstance(item, list):
        return "[" + ", ".join(_toml_nav(x) for x in item) + "]"
    return q(str(item), ensure_ascii=False)


def zensical_toml(made: Build, site_name: str, site_url: str, project: Project | None = None,
                  editor: list[str] = ()) -> str:
    """The same settings for Zensical (see docs/zensical.md for what it builds and what not)."""
    project = project or Project()
    q = json.dumps
    lines = ["# Gemaakt door `netwerkkaart generate`: bouw met `zensical build`.",
             "[project]",
             f"site_name = {q(site_name, ensure_ascii=False)}",
             f"site_url = {q(site_url or DEFAULT_SITE_URL)}",
             f"docs_dir = {q(DOCS)}",
             "site_dir = \"site\""]
    if project.repo_url:
        lines.append(f"repo_url = {q(project.repo_url)}")
    if project.edit_uri is not None:
        lines.append(f"edit_uri = {q(project.edit_uri)}")
    lines += [f"extra_css = {q(list(made.css))}",
              f"extra_javascript = {q(list(made.javascript))}",
              f"nav = {_toml_nav(_nav(made, project, list(editor)))}",
              "",
              "[project.theme]",
              f"custom_dir = {q(OVERRIDES)}",
              "language = \"nl\"",
              "font = false",
              f"features = {q(_features(project))}",
              "",
              "[project.extra.netwerkkaart]",
              f"voorbeeld = {q(made.example)}",
              "",
              "[project.plugins.search]",
              "enabled = false",
              ""]
    return "\n".join(lines)
