"""The MkDocs plugin, thin on purpose: validate, build the model, hand generated pages to MkDocs.

All work happens in plain functions (validate_folder, build_site, render_site) that the
CLI and the tests call without MkDocs. What the plugin adds is timing: the search index
(search.py) and the downloads (background.py) are made in child processes beside the MkDocs
build and copied in at the end, and under `mkdocs serve --dirty` it tells MkDocs which
generated files did not change.
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import threading
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc

from . import export, freshness, history, hours, i18n, maps, schema, search, servestatus, sheet, siteurl, urls, wegwijzer
from . import offline
from .background import Background, BackgroundError
from .html import e
from .model import build_site
from .pages import DATA, news_feed, render_site
from .urls import DIRECTORY, SEARCH
from . import problemformat
from .problems import Problem
from .validate import validate_folder

log = get_plugin_logger("netwerkkaart")
NOT_IN_NAV, INCLUDED = InclusionLevel.NOT_IN_NAV, InclusionLevel.INCLUDED
THEME_DIR = Path(__file__).parent / "theme"
ASSETS = "assets/netwerkkaart"


class _Page(File):
    """A generated file; ``unchanged``: the same as in the previous build (for --dirty)."""

    unchanged = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path)) and super().is_modified()


def _signature(config, files) -> str:
    """Everything around a generated page that can change it: the settings file, the nav, the other
    pages in docs/ (their titles are in the nav), the theme's templates."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr((config.nav, config.extra.get("netwerkkaart"))).encode())
    for path in [config.config_file_path] + [f.abs_src_path for f in files.documentation_pages()] + sorted(
            str(t) for t in THEME_DIR.rglob("*.html")):
        try:
            with open(path, "rb") as handle:
                digest.update(handle.read())
        except (OSError, TypeError):
            digest.update(b"?")
    return digest.hexdigest()


class NetwerkkaartConfig(base.Config):
    data_dir = c.Optional(c.Dir(exists=True))  # folder with partners/ and regions/; default: next to mkdocs.yml
    edit_uri = c.Optional(c.Type(str))  # e.g. "edit/main/": "edit this page" opens the YAML file
    search = c.Type(bool, default=True)  # build the Pagefind search index (beside the site)
    tiles = c.Type(str, default=maps.DEFAULT_TILES)  # XYZ tile URL for the background map, or "geen"
    tiles_attribution = c.Type(str, default=maps.DEFAULT_ATTRIBUTION)


def describe(p: Problem) -> str:
    return problemformat.log_line(p)


class NetwerkkaartPlugin(BasePlugin[NetwerkkaartConfig]):
    def on_config(self, config):
        self.root = Path(self.config.data_dir or Path(config.config_file_path).parent)
        # `mkdocs serve` keeps the loaded files between builds; a single build lets them go (memory)
        today = freshness.today()  # the build date (NK_VANDAAG fixes it)
        result = validate_folder(self.root, today=today, cache=self.records if self.serving else None)
        # Warnings (no contact, a '#' in a value) are for the coordinators' report, not a reason to stop
        # `mkdocs build --strict`; errors stop the build. A record past its region's freshness limit
        # (NK501) is a real MkDocs warning: a strict build (the one that publishes) fails on it.
        for p in result.warnings:
            if p.code in freshness.BUILD_WARNINGS or p.code in i18n.BUILD_WARNINGS:  # lang: i18n
                log.warning("waarschuwing: " + describe(p))
            else:
                log.info("waarschuwing: " + describe(p))
        if result.errors:
            for p in result.errors:
                log.error(describe(p))
            if self.serving:  # `mkdocs serve`: never stop (the browser would hang), show the problems
                return self._serve_with_problems(config, result.errors)
            raise PluginError(f"{servestatus.plural(len(result.errors), 'fout', 'fouten')} in de gegevens in {self.root}: de site is niet gebouwd.")
        self.serve_problems, self.first_failed = [], False
        if siteurl.publishing_with_mkdocs(self.command):  # a loopback site_url when publishing (NK717)
            local = siteurl.loopback_problem(config.site_url or "", Path(config.config_file_path))
            if local is not None:
                log.warning("waarschuwing: " + describe(local))
        self.site = build_site(result.project, today=today, site_url=config.site_url or "")
        # Exports and the "Mijn netwerk" data are made beside the build (see background.py).
        if self.background is not None:
            self.background.cancel()
        site = self.site
        jobs = {DATA: lambda: sheet.sheet_json(site)}
        jobs.update({path: (lambda path=path: wegwijzer.content(site, path)) for path in wegwijzer.paths(site)})
        jobs[search.TERMS] = lambda: search.terms_json(site)  # places and question words for search
        jobs.update({f"{urls.EXPORT}/{name}": (lambda make=make: make(site)) for name, make in export.FORMATS.values()})
        self.background = Background(jobs)
        tiles = maps.Tiles(None if self.config.tiles.strip().lower() in ("", "geen", "none") else self.config.tiles,
                           self.config.tiles_attribution)
        self.map_files, site_maps = maps.render_maps(self.site, tiles)
        self.map_files += maps.asset_files()
        self.map_files.append(maps.MapFile(hours.HOLIDAYS_ASSET, hours.holidays_script()))  # for nk-open.js
        self.map_files += i18n.asset_files()  # lang: one catalogue per family language (nk-taal.js)
        news = history.entries(self.root)  # what changed, per partner per day (None: no git history)
        self.pages = render_site(self.site, maps={m.page_url: m for m in site_maps}, news=news)
        self.map_files.append(maps.MapFile(history.FEED, news_feed(self.site, news, f"{config.site_name}: wat is nieuw")))
        self.sources = {p.src_uri: p.source for p in self.pages if p.source}
        if self.index is not None:  # `mkdocs serve`: a newer build replaces it
            self.index.cancel()
        if self.finishing is not None:
            self.finishing.join()
        # Indexed beside the MkDocs build, from the pages' bodies (see search.py).
        self.index = search.SearchIndex(self.pages) if self.config.search else None
        self.good = {"voorbeeld": self.site.example, "regions": [(r.naam, r.id) for r in self.site.regions]}
        self._theme(config)
        self.offline_plan = offline.plan(self.site)  # which files each region's offline pack holds
        self.bodies = {p.src_uri: p.body for p in self.pages}
        self.titles = {p.src_uri: p.title_text for p in self.pages}
        # The pages are made: the records and the model are no longer needed while MkDocs renders
        # (the child processes have their own copy): 50 MB less at 10,000 partners.
        self.site = None
        del result, jobs  # (the jobs ran already, here or in the child)
        gc.collect()
        return config

    def _theme(self, config) -> None:
        """Theme, assets and nav of the site in ``self.good`` (the last good data)."""
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        config.extra_css.append(f"{ASSETS}/netwerkkaart.css")
        config.extra_javascript += [hours.HOLIDAYS_ASSET, f"{ASSETS}/nk-open.js"]  # "nu open" (hours.py)
        config.extra_javascript.append(f"{ASSETS}/nk-taal.js")  # lang: the family's language (i18n.py)
        config.extra_javascript.append(f"{ASSETS}/netwerkkaart.js")
        config.extra_javascript.append(f"{ASSETS}/offline.js")  # "Bewaar deze regio voor onderweg" (offline.py)
        config.theme.static_templates.add(offline.OFFLINE_PAGE)
        if self.serving:  # the banner with the problems of the data (servestatus.py)
            config.extra_javascript.append(servestatus.SCRIPT)
        config.extra["netwerkkaart"] = {"voorbeeld": self.good["voorbeeld"]}
        if not config.nav:
            config.nav = self._nav(config)

    def _serve_with_problems(self, config, problems: list[Problem]):
        """`mkdocs serve` with invalid data: the last good pages stay (unchanged, so `--dirty` renders
        nothing again) and every page shows the problems in a banner; without a good site yet, the
        home page lists them. The next good save replaces both."""
        self.serve_problems = problems
        catalogue = servestatus.foutcodes_url(config.docs_dir)
        if self.background is not None:
            self.background.cancel()
            self.background = None
        self.index = None  # the search index of the last good site stays in the site folder
        if self.good is None or self.first_failed:  # no good site to keep yet
            self.good = {"voorbeeld": False, "regions": []}
            self.pages = [servestatus.error_page(problems, catalogue)]
            self.map_files, self.sources = [], {}
            self.bodies = {p.src_uri: p.body for p in self.pages}
            self.titles = {p.src_uri: p.title_text for p in self.pages}
            self.first_failed = True
        self._theme(config)
        return config

    def _nav(self, config) -> list:
        nav: list = [{"Start": "index.md"}]
        if not self.first_failed:
            nav.append({"Wegwijzer": f"{urls.WEGWIJZER}index.md"})
        nav += [{e(naam): f"{rid}/index.md"} for naam, rid in self.good["regions"]]  # MkDocs renders nav titles as HTML
        if not self.first_failed:  # (while there is no good site, only the home page with the problems)
            nav += [{"A-Z": f"{DIRECTORY}index.md"}, {"Zoeken": f"{SEARCH}index.md"},
                    {"Mijn netwerk": f"{urls.SHEET}index.md"}, {"Wat is nieuw": f"{urls.NEWS}index.md"}]
        docs = sorted(p.name for p in Path(config.docs_dir).glob("*.md") if p.name != "index.md")
        if docs:
            nav.append({"Voor redacteurs": docs})
        return nav

    def on_files(self, files, config):
        # by where the page lands (a File's url for the home page is "./", ours is "")
        taken = {f.dest_uri: f.src_uri for f in files.documentation_pages()}
        # `mkdocs serve --dirty` renders only pages that changed: a generated page is unchanged when
        # its content and everything around it (nav, settings) are what the previous build had.
        signature = _signature(config, files)
        digests: dict[str, bytes] = {}
        for page in self.pages:
            dest = f"{page.url}index.html"
            if page.url == "" and dest in taken:  # a docs/index.md replaces the generated home page
                self.bodies.pop(page.src_uri, None)
                self.sources.pop(page.src_uri, None)
                continue
            if taken.get(dest) is not None and taken.get(dest) != page.src_uri:
                raise PluginError(f"docs/{taken[dest]} krijgt hetzelfde adres ({page.url}) als een pagina die "
                                  "Netwerkkaart maakt. Geef het bestand in docs/ een andere naam.")
            # Partner, municipality and levensdomein pages are reached through links and search, never
            # all listed in the nav: a nav holding every page makes the build quadratic. The inclusion is
            # set here, per file: thousands of not_in_nav patterns would be quadratic too.
            file = _Page.generated(config, page.src_uri, content=page.stub(), inclusion=NOT_IN_NAV)
            digest = hashlib.blake2b("\0".join((signature, page.stub(), page.body, page.source or "")).encode(),
                                     digest_size=16).digest()
            file.unchanged = self.dirty and self.digests.get(page.src_uri) == digest
            digests[page.src_uri] = digest
            files.append(file)
        static = [(item.path, item.content) for item in self.map_files]  # exports: see on_post_build
        static += [(f"schemas/{name}.schema.json", schema.schema_text(name)) for name in schema.SCHEMA_FILES]
        for path, content in static:  # schemas: stable URLs for editors, <site>/schemas/partner.schema.json
            file = _Page.generated(config, path, content=content, inclusion=INCLUDED)
            digest = hashlib.blake2b(content if isinstance(content, bytes) else content.encode(), digest_size=16).digest()
            file.unchanged = self.dirty and self.digests.get(path) == digest
            digests[path] = digest
            files.append(file)
        self.pending_digests = digests  # kept once the build succeeded (on_post_build)
        return files

    fast_render = True  # see on_pre_page; the tests switch it off to compare

    def on_pre_page(self, page, config, files):
        # A generated page needs neither its stub read back (YAML front matter) nor a Markdown
        # converter (one per page in MkDocs: 1.5 s at 10,000 pages): it gets what both would give.
        uri = page.file.src_uri
        if not (self.fast_render and isinstance(page.file, _Page) and uri in self.bodies):
            return page
        title, body = self.titles[uri], self.bodies[uri]

        def read_source(config):
            page.markdown, page.meta = "", {"title": title, "hide": ["toc"]}

        def render(config, files):
            page.content, page.toc, page._title_from_render, page.present_anchor_ids = body, get_toc([]), None, set()

        page.read_source, page.render = read_source, render
        return page

    def on_page_content(self, html, page, config, files):
        # Generated pages are escaped HTML already: Markdown only saw a stub with the title, because
        # Python-Markdown's HTML parsing was half of the build time (measured at 1,000 partners).
        body = self.bodies.get(page.file.src_uri) if isinstance(page.file, _Page) else None
        return html if body is None else body

    cache_nav = True  # see theme/main.html; the tests switch it off to compare

    def on_nav(self, nav, config, files):
        self.in_nav = {p.file.src_uri for p in nav.pages}
        self.nav_cache: dict = {}
        return nav

    def on_page_context(self, context, page, config, nav):
        uri = page.file.src_uri
        if self.cache_nav and uri in self.bodies and uri not in self.in_nav:
            # same folder, same relative links (MkDocs shortens links by the common prefix)
            context["nk_nav_key"] = page.url.rstrip("/").rpartition("/")[0]
            context["nk_nav_cache"] = self.nav_cache
        source = self.sources.get(page.file.src_uri)
        if source is not None:
            page.edit_url = (config.repo_url.rstrip("/") + "/" + self.config.edit_uri.strip("/") + "/" + source
                             if config.repo_url and self.config.edit_uri else None)
        return context

    def on_template_context(self, context, template_name, config):
        # The offline page is shown in place of any page that was not saved: like 404.html, its links
        # start from the site's root path, not from where it lies.
        if template_name == offline.OFFLINE_PAGE:
            from mkdocs.utils import normalize_url
            from urllib.parse import urlsplit

            base = context["base_url"] = urlsplit(config.site_url or "/").path
            context["extra_css"] = [normalize_url(path, None, base) for path in config.extra_css]
            context["extra_javascript"] = [normalize_url(str(path), None, base) for path in config.extra_javascript]
        return context

    def on_serve(self, server, config, builder):
        for folder in ("partners", "regions"):
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder), recursive=True)
        return server

    serving = False
    command: str | None = None  # "build" or "serve" (on_startup)
    records: dict  # loaded files by path, kept between the builds of `mkdocs serve`

    def __init__(self):
        super().__init__()
        self.records = {}
        self.in_nav: set[str] = set()
        self.nav_cache: dict = {}
        self.index = None
        self.background: Background | None = None
        self.dirty = False
        self.digests: dict[str, bytes] = {}
        self.pending_digests: dict[str, bytes] = {}
        self.finishing: threading.Thread | None = None
        self.good: dict | None = None  # what the nav and theme need of the last good data
        self.serve_problems: list[Problem] = []  # errors of the data while serving (banner)
        self.first_failed = False  # serving, and no good site yet
        self.offline_plan: offline.Plan | None = None

    def on_startup(self, command, dirty):
        self.serving = command == "serve"
        self.command = command
        self.dirty = dirty
        self.good, self.serve_problems, self.first_failed = None, [], False  # a new session
        if dirty:  # the plugin tells MkDocs what changed; editors need no English warning (servestatus.py)
            servestatus.quiet_dirty_warning()

    def on_post_build(self, config):
        self.digests, self.pending_digests = self.pending_digests, {}
        if self.serving:
            servestatus.write_status(config.site_dir, self.serve_problems, servestatus.foutcodes_url(config.docs_dir),
                                     last_good=not self.first_failed)
        if not self.config.search:  # a search index from an earlier build (`serve --dirty`) must go
            shutil.rmtree(Path(config.site_dir) / "pagefind", ignore_errors=True)
        if self.background is not None:
            background, self.background = self.background, None
            try:
                background.finish(config.site_dir)
            except BackgroundError as exc:
                raise PluginError(f"De downloads en het blad Mijn netwerk konden niet gemaakt worden: {exc}") from exc
        if self.index is None:
            offline.write(config.site_dir, self.offline_plan)
            return
        if self.serving:
            # `mkdocs serve`: show the edited page now; search catches up a moment later (a newer
            # build cancels an index that is not ready yet, in on_config).
            index = self.index

            def finish_later():
                try:
                    index.finish(config.site_dir)
                    offline.write(config.site_dir, self.offline_plan)  # it lists the search index's files
                except Exception as exc:  # noqa: BLE001 - a thread must not print a traceback
                    if not index.cancelled:
                        log.warning(f"De zoekindex (Pagefind) kon niet gemaakt worden: {exc}")

            self.finishing = threading.Thread(target=finish_later, daemon=True)
            self.finishing.start()
            return
        index, self.index = self.index, None
        try:
            index.finish(config.site_dir)
        except search.SearchIndexError as exc:
            raise PluginError(f"De zoekindex (Pagefind) kon niet gemaakt worden: {exc}") from exc
        offline.write(config.site_dir, self.offline_plan)

    def on_build_error(self, error):
        self.digests = {}  # pages of the failed build may not have been written: write all next time
        if self.background is not None:
            self.background.cancel()
            self.background = None
        if self.index is not None:
            self.index.cancel()
            self.index = None
