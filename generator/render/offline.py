"""The offline pack: per region, which of the site's own public files a care worker can save for a
home visit without internet ("Bewaar deze regio voor onderweg").

The browser (offline.js) reads a small manifest, ``offline/<regio>.json``, and puts exactly those files
in a cache; the service worker (``netwerkkaart-sw.js`` at the site root, so its scope is the whole site)
answers from that cache when there is no connection. Nothing else is ever stored: no family, no
selection, no note (the selection lives after # in the address and in the tab), and no file of another
server (the background map's tiles are not the site's own: without a connection the maps show borders
and markers only, as they already do).

:func:`plan` runs while the model is there (the plugin lets it go before MkDocs renders) and keeps only
paths; :func:`write` runs on the finished site folder (after the search index), so the manifest lists
files that exist and its version is a hash of their bytes: a rebuild that changes any of them gives a
new version, and a device that is online then updates its saved copy.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..topics import urls
from .html import e
from .pagefind_service import fragment_url

FOLDER = "offline/"  # offline/<regio>.json: one manifest per region
WORKER = "netwerkkaart-sw.js"  # at the site root (a service worker's scope is its folder)
OFFLINE_PAGE = "offline.html"  # what the worker shows for a page that was not saved
# Pagefind: the engine and the site-wide index (pagefind/), the index of the region's group (pagefind/regio/<group>/,
# search.py) with every chunk and filter (a word can be in any chunk); of the fragments (one per page,
# the text of a result) only the region's own pages'. Not the ready-made UIs (we have our own).
SEARCH_FILES = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")
# Files under assets/ no page loads: source maps, and the search of mkdocs-material (we use Pagefind).
SKIPPED_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
# Files of a theme folder a builder does not copy into the site (mkdocs.structure.files.add_files_from_theme)
THEME_SKIPPED = (".py", ".pyc", ".html", ".md", ".markdown", ".mdown", ".mkdn", ".mkd")


@dataclass(frozen=True)
class RegionPlan:
    id: str
    naam: str
    pages: tuple[str, ...]  # site paths of pages ("<path>/", the file is <path>/index.html) and data files
    partners: tuple[str, ...]  # partner ids whose page and map belong to the region


@dataclass(frozen=True)
class Plan:
    built: str  # the data date (the build date), ISO
    regions: tuple[RegionPlan, ...]


def panel(region_id: str, region_name: str) -> str:
    """The place on the region's and its municipalities' pages where offline.js offers to save the
    region (and, once saved, says when, how much space it takes, and how to remove it)."""
    return (f'<section class="nk-offline nk-card" data-nk-offline="{e(region_id)}" data-nk-offline-naam="{e(region_name)}" '
            f'data-pagefind-ignore hidden><h2>Zonder internet</h2><div data-nk-offline-body></div></section>')


def plan(site) -> Plan:
    """What each region's pack holds, from the model: its pages, its municipalities', levensdomeinen's
    and partners' pages (also partners of another region that work in one of its municipalities), and
    their maps' data."""
    regions = []
    from .maps import partner_bundles
    from .wegwijzer import region_file

    bundle_of = partner_bundles(site)
    for region in site.regions:
        partners = {p.id: None for p in site.partners_of(region.id)}
        for municipality in region.municipalities:
            partners.update((p.id, None) for p in site.active_in(municipality))
        paths = [urls.region(region.id), urls.coverage(region.id), urls.directory(region.id),
                 f"{urls.MAPS}/regio/{region.id}.json", f"{urls.MAPS}/grenzen/{region.id}.json",
                 region_file(region.id)]
        for municipality in region.municipalities:
            paths += [urls.municipality(region.id, municipality.id),
                      f"{urls.MAPS}/gemeente/{region.id}/{municipality.id}.json"]
        paths += [urls.life_domain(region.id, d.id) for d in region.life_domains]
        for pid in partners:  # its page, and the shared file with its map (maps.partner_bundles)
            paths += [urls.partner(pid)] + ([f"{urls.MAPS}/{bundle_of[pid]}.json"] if pid in bundle_of else [])
        regions.append(RegionPlan(region.id, region.naam, tuple(dict.fromkeys(paths)), tuple(partners)))
    return Plan(site.built.isoformat(), tuple(regions))


def _file(site: Path, path: str) -> Path:
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def _fragments(site: Path) -> dict[str, str]:
    """Pagefind's fragment file for each page: page path ("partners/x/") -> "pagefind/fragment/..."."""
    found: dict[str, str] = {}
    index = site / urls.SEARCH_INDEX
    for fragment in sorted([*index.glob("fragment/*.pf_fragment"), *index.glob("regio/*/fragment/*.pf_fragment")]):
        try:
            url = fragment_url(fragment.read_bytes())
        except OSError:
            url = None
        if url is not None:  # else not a fragment we understand: searching that page offline finds nothing
            found[url] = fragment.relative_to(site).as_posix()
    return found


def shared() -> list[str]:
    """Files every region's pack holds: the home page, the lists and tools that work within a region
    (A-Z, search, the wegwijzer, the family sheet with its QR code and print), the map document."""
    from .pages import DATA  # (pages.py imports this module for the button)
    from .search import TERMS
    from .wegwijzer import INDEX

    return ["", urls.DIRECTORY, urls.SEARCH, TERMS, urls.SHEET, DATA, urls.WEGWIJZER, INDEX,
            urls.MAP_DOCUMENT, f"{urls.MAPS}/mijn-netwerk.json", OFFLINE_PAGE, "sitemap.xml"]


class Built:
    """A built site folder: where each site path's bytes are."""

    def __init__(self, site: str | Path) -> None:
        self.root = Path(site)

    def file(self, path: str) -> Path:
        return _file(self.root, path)

    def assets(self) -> list[str]:
        """The site paths of the files under assets/ (the builder's theme and ours)."""
        return sorted(p.relative_to(self.root).as_posix() for p in (self.root / "assets").rglob("*") if p.is_file())


class Source(Built):
    """The source tree ``netwerkkaart generate`` writes (files_engine.py), seen as the site a builder
    makes of it: a page is its Markdown (``pages``: site path -> file under ``root``, the docs folder),
    our assets come from the theme folder, data files are in ``root`` as they are. Files only a builder
    makes (its own theme's assets, ``offline.html``, ``sitemap.xml``) are not known here, so not listed:
    offline.js adds the scripts and styles the page itself loads when it saves a region."""

    def __init__(self, docs: str | Path, theme: str | Path, pages: dict[str, str]) -> None:
        super().__init__(docs)
        self.theme, self.pages = Path(theme), pages

    def file(self, path: str) -> Path:
        if path in self.pages:
            return self.root / self.pages[path]
        if path.startswith("assets/"):
            return self.theme / path
        if path == "" or path.endswith("/"):  # a page that is not there
            return self.root / path / ".geen-pagina"
        return self.root / path

    def assets(self) -> list[str]:
        """Our theme's assets a builder copies (MkDocs leaves out templates, Markdown, READMEs, dotfiles)."""
        found = (p.relative_to(self.theme).as_posix() for p in (self.theme / "assets").rglob("*") if p.is_file())
        return sorted(p for p in found if not p.lower().endswith(THEME_SKIPPED) and "readme" not in p.lower()
                      and not any(part.startswith(".") for part in p.split("/")))


def _listed_assets(tree: Built) -> list[str]:
    return [p for p in tree.assets() if not p.endswith(".map") and not p.startswith(SKIPPED_ASSETS)]


def _shared_files(tree: Built) -> list[str]:
    site = tree.root
    files = [p for p in shared() if tree.file(p).is_file()]
    files += _listed_assets(tree)
    index = site / urls.SEARCH_INDEX
    if index.is_dir():
        files += [f"{urls.SEARCH_INDEX}/{name}" for name in SEARCH_FILES if (index / name).is_file()]
        files += sorted(p.relative_to(site).as_posix() for pattern in ("*.pf_meta", "index/*.pf_index",
                                                                        "filter/*.pf_filter")
                        for p in index.glob(pattern) if p.is_file())
        try:  # the search engine of the site's languages (Pagefind picks it by the page's language)
            languages = [v.get("wasm") or k for k, v in json.loads((index / "pagefind-entry.json").read_text("utf-8"))
                         ["languages"].items()]
        except (OSError, ValueError, KeyError, AttributeError, TypeError):
            languages = []
        wasm = [f"wasm.{lang}.pagefind" for lang in languages if (index / f"wasm.{lang}.pagefind").is_file()]
        files += [f"{urls.SEARCH_INDEX}/{name}" for name in wasm or ["wasm.unknown.pagefind"]
                  if (index / name).is_file()]
    return files


def _index_files(site: Path, folder: str) -> list[str]:
    """A search index's own files (search.py): its entry, metadata, every word chunk and filter (a word
    can be in any chunk), not its fragments."""
    index = site / folder
    files = [f"{folder}pagefind-entry.json"] if (index / "pagefind-entry.json").is_file() else []
    return files + sorted(p.relative_to(site).as_posix() for pattern in ("*.pf_meta", "index/*.pf_index", "filter/*.pf_filter")
                          for p in index.glob(pattern) if p.is_file())


def _search_groups(tree: Built) -> dict[str, str]:
    """Region id -> the index group that holds it, as termen.json tells the browser (search.terms)."""
    from .search import TERMS

    try:
        packed = json.loads(tree.file(TERMS).read_text("utf-8")).get("groepen", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return packed if isinstance(packed, dict) else {}


class Hashes:
    """The bytes and digest of each site file a manifest lists, each file read once."""

    def __init__(self, tree: Built) -> None:
        self.tree = tree
        self.sizes: dict[str, int] = {}
        self.digests: dict[str, bytes] = {}
        self.fragments: dict[str, str] | None = None  # page path -> its search fragment, when known (add_index)

    def add_index(self, facts: dict) -> None:
        """What the search program told of the index it wrote (search.SearchStream.facts): the sizes and
        digests of its files and the fragment of each page, so that they are not read back."""
        for path, (size, digest) in facts.get("bestanden", {}).items():
            self.sizes[path], self.digests[path] = size, digest
        if facts.get("fragmenten"):
            self.fragments = dict(facts["fragmenten"])

    def known(self, path: str) -> bool:
        """Is ``path`` a file of the site (then its size and digest are kept)?"""
        if path not in self.sizes:
            target = self.tree.file(path)
            if not target.is_file():
                return False
            content = target.read_bytes()
            self.sizes[path], self.digests[path] = len(content), hashlib.blake2b(content, digest_size=16).digest()
        return True


def warm(site_dir: str | Path, the_plan: Plan, tree: Built | None = None) -> Hashes:
    """The hashes of the files the manifests will list that are not the search index's: made while the
    search index is still being made (runner.SiteWork), so that only its files are read after it."""
    hashes = Hashes(tree or Built(site_dir))
    for path in shared():
        hashes.known(path)
    for path in _listed_assets(hashes.tree):
        hashes.known(path)
    for region in the_plan.regions:
        for path in region.pages:
            hashes.known(path)
    return hashes


def manifests(site_dir: str | Path, the_plan: Plan, tree: Built | None = None,
              hashes: Hashes | None = None) -> dict[str, dict]:
    """Per region id, its manifest: the data date, a version (hash of every listed file's bytes), the
    files (site paths, relative to the site root: never a query or a fragment) and their bytes.
    ``tree``: where the files are (default: the built site ``site_dir``; :class:`Source` for generate);
    ``hashes``: those already made (:func:`warm`, of the same tree)."""
    site = Path(site_dir)
    tree = tree or Built(site)
    hashes = hashes or Hashes(tree)
    shared = _shared_files(tree)
    fragments = hashes.fragments if hashes.fragments is not None else _fragments(site)
    known, sizes, digests = hashes.known, hashes.sizes, hashes.digests
    packed = _search_groups(tree)
    result = {}
    for region in the_plan.regions:
        own = list(region.pages) + sorted(fragments[p] for p in region.pages if p in fragments)
        # the search index of the region's group, and that of each other group whose partner pages it holds
        indexes = {packed.get(region.id, region.id)} | {f.split("/")[2] for f in own
                                                        if f.startswith(urls.SEARCH_REGIONS + "/")}
        own += [f for g in sorted(indexes) for f in _index_files(site, urls.search_index(g))]
        own += sorted(p.relative_to(site).as_posix() for p in (site / urls.MAPS / "dekking" / region.id).glob("*.json"))
        files = [p for p in dict.fromkeys(shared + own) if known(p)]
        version = hashlib.blake2b(digest_size=12)
        for path in files:
            version.update(path.encode() + b"\0" + digests[path])
        result[region.id] = {"regio": region.id, "naam": region.naam, "gegevens": the_plan.built,
                             "versie": version.hexdigest(), "bytes": sum(sizes[p] for p in files), "bestanden": files}
    return result


def write(site_dir: str | Path, the_plan: Plan | None, tree: Built | None = None, hashes: Hashes | None = None) -> None:
    """Write ``offline/<regio>.json`` for every region (and remove those of regions that are gone) into
    ``site_dir``; ``tree`` and ``hashes``: see :func:`manifests`."""
    folder = Path(site_dir) / FOLDER
    if the_plan is None:
        return
    made = manifests(site_dir, the_plan, tree, hashes)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.json"):
        if old.stem not in made:
            old.unlink()
    for region_id, manifest in made.items():
        (folder / f"{region_id}.json").write_text(json.dumps(manifest, ensure_ascii=False, separators=(",", ":")),
                                                  encoding="utf-8")
