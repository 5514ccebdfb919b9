"""The build as data: ``build(data_dir, settings)`` returns everything a site is made of.

Validate the data folder, build the model, render the pages and the maps, read the news from git, and
list what the site needs beside its pages: files to write now (map document and data, map assets, the
holidays script, the news feed, the schemas, the search terms), files made beside the build
(:attr:`Build.jobs`: the "Mijn netwerk" and wegwijzer data and the exports; see runner.py), the search
documents, the theme. An engine may start those jobs as soon as the model exists (``build``'s ``beside``),
so that they are made while the pages are rendered.
Both engines use only this: the MkDocs plugin (plugin.py, with mkdocs_fast.py) hands it to MkDocs,
``netwerkkaart generate`` (files_engine.py) writes it to a folder. Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .render import export, history, maps, offline, search, sheet, wegwijzer
from .topics import freshness, hours, i18n, urls, vragen
from .validate import schema
from .render.search import GROUP_PAGES
from .render.html import e, e164
from .model import build_site
from .render.pages import DATA, Page, news_feed, render_site
from .problems import Problem
from .validate.pipeline import validate_folder

THEME_DIR = Path(__file__).parent / "theme"  # templates (main.html, 404.html, partials/) and assets/
ASSETS = "assets/netwerkkaart"
CSS = (f"{ASSETS}/netwerkkaart.css",)
# the holidays before nk-open.js ("nu open", hours.py), netwerkkaart.js last
JAVASCRIPT = (hours.HOLIDAYS_ASSET, f"{ASSETS}/nk-open.js",
              f"{ASSETS}/nk-taal.js",  # the family's language (i18n.py), before the scripts that use it
              f"{ASSETS}/netwerkkaart.js",
              f"{ASSETS}/offline.js")  # "Bewaar deze regio voor onderweg" (offline.py)


@dataclass(frozen=True)
class Settings:
    """What a build needs besides the data. ``tiles``: an XYZ URL, or None for no background map."""

    site_url: str = ""  # the site's address: links in the feed, the exports (GeoJSON url, HSDS uri)
    site_name: str = "Netwerkkaart"  # the feed's title
    tiles: str | None = maps.DEFAULT_TILES
    tiles_attribution: str = maps.DEFAULT_ATTRIBUTION
    today: datetime.date | None = None  # the build date; None: freshness.today() (NK_VANDAAG fixes it)
    search: bool = True  # a Pagefind index from the search documents
    search_group_pages: int = GROUP_PAGES  # the page budget of one search index group (search.partition)
    history: bool = True  # "Wat is nieuw" from the data folder's git history
    cache: dict | None = None  # loaded files by path, kept between builds (`mkdocs serve`)


def tiles_setting(value: str | None) -> str | None:
    """A tiles option as written in a settings file: "", "geen" or "none" mean no background map."""
    return None if value is None or value.strip().lower() in ("", "geen", "none") else value


@dataclass(frozen=True)
class SiteFile:
    path: str  # site-relative
    content: str | bytes

    def data(self) -> bytes:
        return self.content.encode("utf-8") if isinstance(self.content, str) else self.content


@dataclass
class Build:
    """A whole site as plain data. With ``errors`` nothing else is filled."""

    root: Path
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    files: list[SiteFile] = field(default_factory=list)  # to write as they are
    # made beside the build (runner.py): site path -> a function returning the content
    jobs: dict[str, Callable[[], str | bytes]] = field(default_factory=dict)
    search: bool = True  # index :meth:`search_documents` (search.py)
    search_groups: dict[str, str] = field(default_factory=dict)  # region id -> its index group (search.packs)
    news: list | None = None  # history.Entry per partner per day; None: no git history
    example: bool = False  # the data is example data (a banner on every page)
    regions: list[tuple[str, str]] = field(default_factory=list)  # (name, id), for the nav
    offline: offline.Plan | None = None  # what each region's offline pack holds (written on the built site)
    started: object = None  # the jobs as started by ``build``'s ``beside`` (then ``jobs`` is empty)
    searching: object = None  # the search index as started by ``build``'s ``beside`` (search.SearchStream)
    checked: object = None  # validate.Result: what reporters print (report.py)
    theme_dir: Path = THEME_DIR
    css: tuple[str, ...] = CSS
    javascript: tuple[str, ...] = JAVASCRIPT

    @property
    def ok(self) -> bool:
        return not self.errors

    def search_documents(self) -> list[Page]:
        """The pages Pagefind indexes (their bodies, see search.page_document)."""
        return [p for p in self.pages if p.searchable]

    def nav(self) -> list[dict]:
        """The top pages, in order: {title: src_uri}. Partner, municipality, levensdomein and coverage
        pages are reached through links and search, never listed (a nav with every page makes a build
        quadratic). Titles are HTML, as MkDocs renders them."""
        nav: list[dict] = [{"Start": "index.md"}, {"Wegwijzer": f"{urls.WEGWIJZER}index.md"}]
        nav += [{e(naam): f"{rid}/index.md"} for naam, rid in self.regions]
        nav += [{"A-Z": f"{urls.DIRECTORY}index.md"}, {"Zoeken": f"{urls.SEARCH}index.md"},
                {"Mijn netwerk": f"{urls.SHEET}index.md"}, {"Wat is nieuw": f"{urls.NEWS}index.md"}]
        return nav


def site_nav(top: list[dict], own_pages) -> list:
    """The site's nav: the core's top pages (Build.nav), then the project's own pages in docs/ (file
    names), sorted, under "Voor redacteurs". Both engines use it."""
    own = sorted(own_pages)
    return list(top) + ([{"Voor redacteurs": own}] if own else [])


def build(data_dir: Path, settings: Settings = Settings(), beside=None) -> Build:
    """Validate ``data_dir`` and, when it has no errors, make the whole site (see the module docstring).

    ``beside`` (runner.EARLY): what to start beside the build while this makes the pages, as soon as the
    model exists: ``beside.files(jobs)`` the deferred jobs (to :attr:`Build.started`), and with search
    ``beside.search(budget)`` a search index fed region by region (search.SearchStream, to
    :attr:`Build.searching`). Both are cancelled if the rest of the build fails."""
    root = Path(data_dir)
    today = settings.today or freshness.today()
    result = validate_folder(root, today=today, cache=settings.cache)
    out = Build(root=root, errors=list(result.errors), warnings=list(result.warnings), search=settings.search,
                checked=result)
    if result.errors:
        return out
    project = result.project
    site = build_site(project, today=today, site_url=settings.site_url)
    out.example, out.regions = site.example, [(r.naam, r.id) for r in site.regions]
    out.offline = offline.plan(site)
    out.jobs = deferred(site, settings.site_url, today)
    try:
        if beside is not None:  # made on the second core while this process makes the maps and pages
            made_once(site)
            out.started, out.jobs = beside.files(out.jobs), {}
            if settings.search:
                out.searching = beside.search(settings.search_group_pages)
        _pages_and_files(out, site, root, settings, today)
    except BaseException:
        for task in (out.started, out.searching):
            if task is not None:
                task.cancel()
        raise
    return out


def _pages_and_files(out: Build, site, root: Path, settings: Settings, today: datetime.date) -> None:
    map_files, site_maps = maps.render_maps(site, maps.Tiles(settings.tiles, settings.tiles_attribution))
    out.news = history.entries(root) if settings.history else None
    stream = out.searching
    out.pages = render_site(site, maps={m.page_url: m for m in site_maps}, news=out.news,
                            each_region=stream.add if stream is not None else None)
    if stream is not None:  # the pages of no region, and the end
        stream.close([p for p in out.pages if p.searchable and p.url not in stream.sent])
        out.search_groups = packed = dict(stream.packed)
    else:
        out.search_groups = packed = search.packs(out.pages, settings.search_group_pages)
    out.files = [SiteFile(search.TERMS, search.terms_json(site, packed))]  # and which group holds which region
    out.files += [SiteFile(f.path, f.content) for f in map_files + maps.asset_files()]
    out.files.append(SiteFile(hours.HOLIDAYS_ASSET, hours.holidays_script(today)))
    out.files += [SiteFile(f.path, f.content) for f in i18n.asset_files()]  # one catalogue per family language
    out.files.append(SiteFile(history.FEED, news_feed(site, out.news, f"{settings.site_name}: wat is nieuw")))
    out.files += [SiteFile(f"schemas/{name}.schema.json", schema.schema_text(name)) for name in schema.SCHEMA_FILES]


def made_once(site) -> None:
    """Make what both the pages and the deferred files use, before the files are made in another process
    (a fork: it inherits this instead of making it again): which partner answers which question, each
    phone number's E.164 form, the standard wordings. About 1.5 s of work at 10,000 partners."""
    for region in site.regions:
        vragen.answered(site, region.id)
    for p in site.partners:
        for number in (p.contact.telefoon, p.aanmelden.telefoon, *(line.telefoon for line in p.telefoonlijnen)):
            if number:
                e164(number)
    for region in site.regions:
        if region.aanmelden.telefoon:
            e164(region.aanmelden.telefoon)
    i18n.default_texts()


def deferred(site, site_url: str, today: datetime.date) -> dict[str, Callable[[], str | bytes]]:
    """The files made beside the build: "Mijn netwerk" and wegwijzer data, exports (from the model)."""
    jobs: dict[str, Callable[[], str | bytes]] = {DATA: lambda: sheet.sheet_json(site)}
    jobs.update({path: (lambda path=path: wegwijzer.content(site, path)) for path in wegwijzer.paths(site)})
    base = site_url.rstrip("/") + "/" if site_url else ""  # absolute links in GeoJSON and HSDS
    with_site = {"geojson": lambda: export.to_geojson(site, base),
                 "hsds": lambda: export.to_hsds(site, base, today)}
    for key, (name, make) in export.FORMATS.items():
        jobs[f"{urls.EXPORT}/{name}"] = with_site.get(key, lambda make=make: make(site))
    return jobs
