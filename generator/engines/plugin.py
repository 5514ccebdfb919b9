"""The MkDocs engine: hands the build (core.py) to MkDocs.

``on_config`` asks the core for the whole site and starts what is made beside the MkDocs build (the
deferred files and the search index, runner.py); ``on_files`` adds the pages and files in memory;
``on_post_build`` copies the work beside the build into the site. The shortcuts past MkDocs' own rendering
are in mkdocs_fast.py; the banner with the problems under ``mkdocs serve`` in servestatus.py.
"""

from __future__ import annotations

import gc
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import InclusionLevel

from .. import core, problemformat
from ..topics import freshness, i18n
from ..render import maps, offline
from . import servestatus, siteurl
from ..core import THEME_DIR
from .mkdocs_fast import GeneratedFile, digest, nav_context, pre_render, release, signature, trim_memory
from ..problems import Problem
from .runner import EARLY, SiteWork, SiteWorkError

log = get_plugin_logger("netwerkkaart")
NOT_IN_NAV, INCLUDED = InclusionLevel.NOT_IN_NAV, InclusionLevel.INCLUDED
ONE_SHOT = ("build", "gh-deploy")  # mkdocs commands whose process ends with the build


class NetwerkkaartConfig(base.Config):
    data_dir = c.Optional(c.Dir(exists=True))  # folder with partners/ and regions/; default: next to mkdocs.yml
    edit_uri = c.Optional(c.Type(str))  # e.g. "edit/main/": "edit this page" opens the YAML file
    search = c.Type(bool, default=True)  # build the Pagefind search index (beside the site)
    # pages per search index group (search.partition); smaller: less memory for Pagefind, more indexes to merge
    search_group_pages = c.Type(int, default=core.GROUP_PAGES)
    tiles = c.Type(str, default=maps.DEFAULT_TILES)  # XYZ tile URL for the background map, or "geen"
    tiles_attribution = c.Type(str, default=maps.DEFAULT_ATTRIBUTION)


def describe(p: Problem) -> str:
    return problemformat.log_line(p)


def report(made: core.Build) -> None:
    """Warnings (no contact, a '#' in a value) are for the coordinators' report, not a reason to stop
    `mkdocs build --strict`; errors stop the build. A record past its region's freshness limit (NK501)
    is a real MkDocs warning: a strict build (the one that publishes) fails on it."""
    for p in made.warnings:
        loud = p.code in freshness.BUILD_WARNINGS or p.code in i18n.BUILD_WARNINGS
        (log.warning if loud else log.info)("waarschuwing: " + describe(p))
    for p in made.errors:
        log.error(describe(p))


class NetwerkkaartPlugin(BasePlugin[NetwerkkaartConfig]):
    def on_config(self, config):
        self.root = Path(self.config.data_dir or Path(config.config_file_path).parent)
        # the downloads, "Mijn netwerk" data and search index are made beside, while the pages are made
        made = core.build(self.root, self.settings(config), beside=EARLY)
        report(made)
        if made.errors:
            if self.serving:  # `mkdocs serve`: never stop (the browser would hang), show the problems
                return self._serve_with_problems(config, made.errors)
            raise PluginError(f"{servestatus.plural(len(made.errors), 'fout', 'fouten')} in de gegevens in {self.root}: de site is niet gebouwd.")
        self.serve_problems, self.first_failed = [], False
        if siteurl.publishing_with_mkdocs(self.command):  # a loopback site_url when publishing (NK717)
            local = siteurl.loopback_problem(config.site_url or "", Path(config.config_file_path))
            if local is not None:
                log.warning("waarschuwing: " + describe(local))
        self._cancel_beside()
        self.work = SiteWork(made).start()  # exports, "Mijn netwerk" data, search index... (runner.py)
        self._take(made.pages, made.files)
        self.good = {"voorbeeld": made.example, "regions": made.regions, "nav": made.nav()}
        self._theme(config)
        # The records and the model are no longer needed while MkDocs renders (the child processes have
        # their own copy): 50 MB less at 10,000 partners.
        del made
        gc.collect()
        return config

    def settings(self, config) -> core.Settings:
        # `mkdocs serve` keeps the loaded files between builds; a single build lets them go (memory)
        return core.Settings(site_url=config.site_url or "", site_name=config.site_name,
                             tiles=core.tiles_setting(self.config.tiles), tiles_attribution=self.config.tiles_attribution,
                             search=self.config.search, search_group_pages=self.config.search_group_pages,
                             cache=self.records if self.serving else None)

    def _take(self, pages, files) -> None:
        self.pages, self.map_files = pages, list(files)
        self.sources = {p.src_uri: p.source for p in pages if p.source}
        self.bodies = {p.src_uri: p.body for p in pages}
        self.titles = {p.src_uri: p.title_text for p in pages}

    def _cancel_beside(self) -> None:
        work, self.work = self.work, None
        if work is not None:
            work.cancel()  # also a search index still finishing in a thread (`mkdocs serve`)

    def _theme(self, config) -> None:
        """Theme, assets and nav of the site in ``self.good`` (the last good data)."""
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        config.extra_css += list(core.CSS)
        config.extra_javascript += list(core.JAVASCRIPT)
        config.theme.static_templates.add(offline.OFFLINE_PAGE)
        if self.serving:  # the banner with the problems of the data (servestatus.py)
            config.extra_javascript.append(servestatus.SCRIPT)
        config.extra["netwerkkaart"] = {"voorbeeld": self.good["voorbeeld"]}
        if not config.nav:
            config.nav = self._nav(config)

    def _serve_with_problems(self, config, problems: list[Problem]):
        """`mkdocs serve` with invalid data: the last good pages stay (unchanged, so `--dirty` renders
        nothing again) and every page shows the problems in a banner; without a good site yet, the
        home page lists them. The next good save replaces both. (The search index of the last good
        site stays in the site folder.)"""
        self.serve_problems = problems
        self._cancel_beside()
        if self.good is None or self.first_failed:  # no good site to keep yet: only the home page
            self.good = {"voorbeeld": False, "regions": [], "nav": [{"Start": "index.md"}]}
            self._take([servestatus.error_page(problems, servestatus.foutcodes_url(config.docs_dir))], [])
            self.first_failed = True
        self._theme(config)
        return config

    def _nav(self, config) -> list:
        """The core's top pages, then the pages in docs/ under "Voor redacteurs"."""
        own = [p.name for p in Path(config.docs_dir).glob("*.md") if p.name != "index.md"]
        return core.site_nav(self.good["nav"], own)

    def on_files(self, files, config):
        if not self.serving:
            trim_memory()  # the records and the model were let go in on_config: give their memory back
        if self.command in ONE_SHOT:
            # What exists now lives until the process ends: the garbage collector need not look at it
            # again while MkDocs makes thousands of pages. Only in the `mkdocs build` command (not under
            # `mkdocs serve` or a build inside another program, such as the tests: it would keep their
            # garbage).
            gc.freeze()
        # by where the page lands (a File's url for the home page is "./", ours is "")
        taken = {f.dest_uri: f.src_uri for f in files.documentation_pages()}
        # `mkdocs serve --dirty` renders only pages that changed: a generated page is unchanged when
        # its content and everything around it (nav, settings) are what the previous build had. Without
        # --dirty every page is rendered, and nothing is hashed (1 s at 10,000 partners).
        around = signature(config, files, THEME_DIR) if self.dirty else ""
        self.pending_digests = {}  # kept once the build succeeded (on_post_build)
        for page in self.pages:
            dest = f"{page.url}index.html"
            if page.url == "" and dest in taken:  # a docs/index.md replaces the generated home page
                self.bodies.pop(page.src_uri, None)
                self.sources.pop(page.src_uri, None)
                continue
            if taken.get(dest) is not None and taken.get(dest) != page.src_uri:
                raise PluginError(f"docs/{taken[dest]} krijgt hetzelfde adres ({page.url}) als een pagina die "
                                  "Netwerkkaart maakt. Geef het bestand in docs/ een andere naam.")
            # Only the top pages are in the nav (core.Build.nav); the inclusion is set here, per file:
            # thousands of not_in_nav patterns would make the build quadratic.
            stub = page.stub()
            self._add(files, config, page.src_uri, stub, NOT_IN_NAV,
                      (lambda: digest(around, stub, page.body, page.source or "")))
        for item in self.map_files:  # exports and data made beside the build: see on_post_build
            self._add(files, config, item.path, item.content, INCLUDED, (lambda: digest(item.content)))
        if not self.serving:  # one build: each page's body is let go once it is written (on_post_page)
            self.pages, self.map_files = [], []
        self.released = 0
        return files

    def _add(self, files, config, path: str, content, inclusion, made_digest) -> None:
        """``made_digest``: a function giving the file's digest, called only under --dirty."""
        file = GeneratedFile.generated(config, path, content=content, inclusion=inclusion)
        files.append(file)
        if not self.dirty:
            return
        file.unchanged = self.digests.get(path) == (this := made_digest())
        self.pending_digests[path] = this

    fast_render = True  # mkdocs_fast.pre_render; the tests switch it off to compare

    def on_pre_page(self, page, config, files):
        uri = page.file.src_uri
        if self.fast_render and isinstance(page.file, GeneratedFile) and uri in self.bodies:
            pre_render(page, self.titles[uri], self.bodies[uri])
        return page

    def on_page_content(self, html, page, config, files):
        # Generated pages are escaped HTML already: Markdown only saw a stub with the title, because
        # Python-Markdown's HTML parsing was half of the build time (measured at 1,000 partners).
        body = self.bodies.get(page.file.src_uri) if isinstance(page.file, GeneratedFile) else None
        return html if body is None else body

    cache_nav = True  # mkdocs_fast.nav_context + theme/main.html; the tests switch it off to compare

    def on_nav(self, nav, config, files):
        self.in_nav = {p.file.src_uri for p in nav.pages}
        self.nav_cache: dict = {}
        return nav

    def on_page_context(self, context, page, config, nav):
        uri = page.file.src_uri
        if self.cache_nav and uri in self.bodies and uri not in self.in_nav:
            nav_context(context, page, self.nav_cache)
        source = self.sources.get(uri)
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

    def on_post_page(self, output, page, config):
        # MkDocs keeps every page's content until the build ends; one build (not `mkdocs serve`, which
        # keeps the last good pages) lets a generated page's body go once it is rendered: at 10,000
        # partners that is hundreds of MB less at the end of the build, when Pagefind needs its most.
        if not self.serving and isinstance(page.file, GeneratedFile):
            self.bodies.pop(page.file.src_uri, None)
            release(page)
            self.released += 1
            if self.released % 1000 == 0:  # Python frees the bodies, glibc keeps the memory: give it back
                trim_memory()
        return output

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
        self.work: SiteWork | None = None  # what is made beside the MkDocs build (runner.py)
        self.offline_plan: offline.Plan | None = None  # of the last good build
        self.dirty = False
        self.digests: dict[str, bytes] = {}
        self.pending_digests: dict[str, bytes] = {}
        self.good: dict | None = None  # what the nav and theme need of the last good data
        self.serve_problems: list[Problem] = []  # errors of the data while serving (banner)
        self.first_failed = False  # serving, and no good site yet
        self.released = 0  # pages whose body was let go (on_post_page)

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
        work = self.work
        if work is None:  # `mkdocs serve` with problems: the last good site's pages stay, so its lists
            offline.write(config.site_dir, self.offline_plan)  # for offline use stay right too
            return
        self.offline_plan = work.plan
        if not self.serving:
            self.work = None
        try:  # `mkdocs serve`: show the edited page now; search catches up a moment later (a newer
            # build cancels what is not ready yet, in on_config)
            work.finish(config.site_dir, later=self.serving, warn=log.warning)
        except SiteWorkError as exc:
            raise PluginError(str(exc)) from exc

    def on_build_error(self, error):
        self.digests = {}  # pages of the failed build may not have been written: write all next time
        self._cancel_beside()
