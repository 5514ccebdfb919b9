"""One Pagefind index per group of regions (search.py): how regions are packed into groups, which page goes into which index, what the site folder
holds after a build, what termen.json tells the browser about the indexes, and the offline manifest's
search files. The browser side is tests/browser/test_search_regions_browser.py."""

import dataclasses
import gzip
import json
import shutil
import os
import time
from pathlib import Path

import pytest

from helpers import ROOT
from generator import core
from generator.render import offline, pagefind_service, search
from generator.topics import urls
from generator.model import build_site
from generator.validate.pipeline import validate_folder


@pytest.fixture(scope="module")
def made():
    return core.build(ROOT)


@pytest.fixture(scope="module")
def model():
    return build_site(validate_folder(ROOT).project)


PER_REGION: dict = {}  # no packing: each region its own group (as with a budget of 1 page)


def test_partition_packs_whole_regions_in_a_stable_order_within_the_budget():
    sizes = {"a": 900, "b": 900, "c": 3000, "d": 200, "e": 2400, "f": 100}
    packed = search.partition(sizes, 2500)
    assert packed == {"a": ["a", "b"], "c": ["c"], "d": ["d"], "e": ["e", "f"]}
    assert [r for regions in packed.values() for r in regions] == list(sizes)  # each region once, in order
    for name, regions in packed.items():
        assert name == regions[0]
        assert sum(sizes[r] for r in regions) <= 2500 or len(regions) == 1  # only a region alone may exceed it
    assert search.partition(sizes, 2500) == packed  # stable
    assert search.partition(sizes, 1) == {r: [r] for r in sizes}
    assert search.partition(sizes, 10**6) == {"a": list(sizes)}
    assert search.partition({}, 2500) == {}


def test_the_example_regions_share_one_group_under_the_default_budget(made):
    sizes = search.region_sizes(made.pages)
    assert list(sizes) == ["dender", "voorkempen"] and sum(sizes.values()) <= search.GROUP_PAGES
    assert made.search_groups == {"dender": "dender", "voorkempen": "dender"}
    assert list(search.groups(made.pages)) == [search.SITE_WIDE, "dender"]
    assert core.build(ROOT, core.Settings(search_group_pages=1)).search_groups == {"dender": "dender",
                                                                                  "voorkempen": "voorkempen"}


def test_every_searchable_page_is_in_exactly_one_index_its_regions(made, model):
    grouped = search.groups(made.pages, PER_REGION)
    assert list(grouped) == [search.SITE_WIDE, "dender", "voorkempen"]
    placed = [p.url for pages in grouped.values() for p in pages]
    assert sorted(placed) == sorted(p.url for p in made.search_documents())  # each once, none left out
    urls_of = {key: {p.url for p in pages} for key, pages in grouped.items()}
    for region in model.regions:
        own = urls_of[region.id]
        assert urls.region(region.id) in own
        assert {urls.municipality(region.id, m.id) for m in region.municipalities} <= own
        assert {urls.life_domain(region.id, d.id) for d in region.life_domains} <= own
        assert {urls.partner(p.id) for p in model.partners_of(region.id)} <= own


def test_a_page_of_no_region_goes_into_the_site_wide_index(made):
    from generator.render.pages import Page

    regions = frozenset({"dender", "voorkempen"})
    assert search.group(Page("over-ons/", "Over ons", "<p>x</p>"), regions) == search.SITE_WIDE
    assert search.group(Page("partners/x/", "X", "<p>x</p>", source="partners/dender/x.yml"), regions) == "dender"
    assert search.group(Page("dender/levensdomeinen/werk/", "Werk", "<p>x</p>"), regions) == "dender"


@pytest.mark.parametrize("packed", [PER_REGION, None], ids=["per-regio", "groep"])
def test_the_build_writes_the_engine_once_and_an_index_per_group(made, tmp_path, packed):
    packed = made.search_groups if packed is None else packed
    grouped = search.groups(made.pages, packed)
    index = search.SearchStream.of(made.search_documents(), packed)
    index.finish(tmp_path)
    engine = tmp_path / urls.SEARCH_INDEX
    assert (engine / "pagefind.js").is_file() and (engine / "wasm.nl.pagefind").is_file()
    assert json.loads((engine / "pagefind-entry.json").read_text("utf-8"))["languages"]["nl"]["page_count"] == 1
    assert sorted(p.name for p in (tmp_path / urls.SEARCH_REGIONS).iterdir()) == sorted(set(packed.values()) or
                                                                                       ["dender", "voorkempen"])
    for region in [k for k in grouped if k != search.SITE_WIDE]:
        folder = tmp_path / urls.search_index(region)
        entry = json.loads((folder / "pagefind-entry.json").read_text("utf-8"))
        assert entry["languages"]["nl"]["page_count"] == len(grouped[region])
        assert list(folder.glob("*.pf_meta")) and list(folder.glob("index/*.pf_index"))
        assert not list(folder.glob("*.js")) and not list(folder.glob("wasm.*"))  # the engine is in pagefind/ only
        urls_in = {json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd"):])["url"]
                   for f in folder.glob("fragment/*.pf_fragment")}
        assert urls_in == {"/" + p.url for p in grouped[region]}


def test_the_lighter_search_documents_make_the_same_index(made, tmp_path):
    """Page.search_document leaves out the lists of partners (data-pagefind-ignore): Pagefind must read
    the same of every page as from the whole body: its text, word count, filters, metadata and anchors
    (a page's fragment). Not the index files byte for byte: Pagefind numbers the pages in the order it
    finishes them, which differs from run to run even for the same documents."""
    lighter = [p for p in made.search_documents() if p.search_body is not None]
    assert lighter and all(len(p.search_body) < len(p.body) for p in lighter)
    whole = [dataclasses.replace(p, search_body=None) for p in made.search_documents()]
    read = {}
    for name, pages in (("licht", made.search_documents()), ("heel", whole)):
        search.SearchStream.of(pages, made.search_groups).finish(tmp_path / name)
        fragments = (tmp_path / name / urls.SEARCH_INDEX).rglob("*.pf_fragment")
        read[name] = {(f := json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):]))["url"]: f
                      for path in fragments}
    assert {"/" + p.url for p in lighter} <= read["heel"].keys()
    assert read["licht"] == read["heel"]


def test_a_failing_pagefind_run_leaves_no_index(made, tmp_path, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", shutil.which("false"))  # Pagefind's service ends at once
    index = search.SearchStream.of(made.search_documents(), PER_REGION)
    with pytest.raises(search.SearchIndexError, match="Pagefind stopte onverwacht"):
        index.finish(tmp_path)
    assert not (tmp_path / urls.SEARCH_INDEX).exists()


def test_terms_name_the_indexes_and_the_regions_of_partners_working_elsewhere(model):
    terms = search.terms(model)
    assert terms["indexen"] == [r.id for r in model.regions]
    assert terms["groepen"] == {r.id: r.id for r in model.regions}
    packed = search.terms(model, {"dender": "dender", "voorkempen": "dender"})
    assert packed["indexen"] == ["dender"] and packed["groepen"] == {"dender": "dender", "voorkempen": "dender"}
    for nis, others in terms["ook"].items():
        home = terms["regios"][nis]
        assert home not in others
        for region in others:  # a partner of that region has an address or works there
            assert any(nis in p.werkgebied or any(loc.public and loc.nis == nis for loc in p.locaties)
                       for p in model.partners_of(region))
    for region in model.regions:
        for p in model.partners_of(region.id):
            for nis in {loc.nis for loc in p.locaties if loc.public} | set(() if p.hele_regio else p.werkgebied):
                if terms["regios"].get(nis, region.id) != region.id:
                    assert region.id in terms["ook"][nis], (p.id, nis)


def test_the_offline_pack_lists_its_regions_index(model, made, tmp_path):
    site = tmp_path / "site"
    search.SearchStream.of(made.search_documents(), PER_REGION).finish(site)
    the_plan = offline.plan(model)
    files = set(offline.manifests(site, the_plan)["dender"]["bestanden"])
    own = tmp_path / "site" / urls.search_index("dender")
    for path in [own / "pagefind-entry.json", *own.glob("*.pf_meta"), *own.glob("index/*"), *own.glob("filter/*")]:
        assert path.relative_to(site).as_posix() in files
    assert "pagefind/pagefind.js" in files and "pagefind/wasm.nl.pagefind" in files
    fragments = {f for f in files if "/fragment/" in f}
    assert fragments and all(f.startswith(urls.search_index("dender")) or f.startswith(urls.SEARCH_REGIONS)
                             for f in fragments)
    # another region's index only when the pack holds pages of its partners
    holds_other = any(urls.partner(p.id) in next(r for r in the_plan.regions if r.id == "dender").pages
                      for p in model.partners_of("voorkempen"))
    assert any(f.startswith(urls.search_index("voorkempen")) for f in files) == holds_other


def test_the_offline_pack_lists_the_index_of_its_regions_group(model, made, tmp_path):
    site = tmp_path / "site"
    packed = {"dender": "dender", "voorkempen": "dender"}
    search.SearchStream.of(made.search_documents(), packed).finish(site)
    (site / search.TERMS).parent.mkdir(parents=True)
    (site / search.TERMS).write_text(search.terms_json(model, packed), encoding="utf-8")
    for region in ("dender", "voorkempen"):
        files = set(offline.manifests(site, offline.plan(model))[region]["bestanden"])
        group = site / urls.search_index("dender")
        for path in [group / "pagefind-entry.json", *group.glob("*.pf_meta"), *group.glob("index/*")]:
            assert path.relative_to(site).as_posix() in files, (region, path)
        assert not any(f.startswith(urls.search_index("voorkempen")) for f in files)  # no such folder


def _running(folder: str) -> list[int]:
    """Ids of processes whose command line names ``folder``."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    if folder.encode() in f.read():
                        found.append(int(entry))
            except OSError:
                continue
    return found


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
def test_cancel_stops_pagefind_too(made):
    """The child runs Pagefind as its own child: cancelling the child must not leave Pagefind running."""
    index = search.SearchStream.of(made.search_documents())
    folder = str(index.task.folder)
    for _ in range(400):  # until Pagefind itself runs (not only the small program that starts it)
        if any("pagefind" in open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")[0].decode(errors="replace")
               for pid in _running(folder) if os.path.exists(f"/proc/{pid}/cmdline")):
            break
        time.sleep(0.05)
    index.cancel()
    for _ in range(100):
        if not [pid for pid in _running(folder) if not _zombie(pid)]:
            break
        time.sleep(0.05)
    assert not [pid for pid in _running(folder) if not _zombie(pid)]


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] == b"Z"
    except OSError:
        return True


def test_the_search_program_ends_on_groups_without_documents(tmp_path):
    """Empty groups (a build whose pages of no region are not searchable) and groups after them: the
    program indexes each and ends (it waited for an answer to no request now and then: a hang), with or
    without the build's "two at once" after the end, and says which fragment holds which page."""
    import pickle
    import subprocess
    import sys

    messages = [("regio-a", []), ("regio-b", [("p/", "P", "<p>woord</p>")]), ("regio-c", [("q/", "Q", "<p>ander</p>")]),
                ("", []), None]
    for attempt in range(6):  # half of them as the build ends it: "the build waits now" (two groups at once)
        stream = b"".join(pickle.dumps(m) for m in messages + ([pagefind_service.WIDE] if attempt % 2 else []))
        out = tmp_path / str(attempt)
        done = subprocess.run([sys.executable, search.PROGRAM, str(out), search.DOCUMENT, search.LANGUAGE],
                              input=stream, capture_output=True, timeout=60)
        assert done.returncode == 0, done.stderr.decode()
        assert (out / "regio-b" / "pagefind-entry.json").is_file() and (out / "regio-c" / "pagefind-entry.json").is_file()
        assert json.loads((out / "regio-c.json").read_text(encoding="utf-8"))["fragmenten"] == {
            "q/": next(p.relative_to(out / "regio-c").as_posix() for p in (out / "regio-c" / "fragment").iterdir())}
