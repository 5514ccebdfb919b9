"""The offline pack (generator/render/offline.py) without a browser: which files a region's pack lists, that
they are the site's own public files at clean addresses, that its version follows the files' bytes,
and that a build writes the manifests, the service worker at the site root and the offline page."""

import gzip
import json
import shutil
from pathlib import Path

import pytest

from helpers import ROOT
from generator.render import offline
from generator.topics import urls
from generator.model import build_site
from generator.validate.pipeline import validate_folder


@pytest.fixture(scope="module")
def model():
    return build_site(validate_folder(ROOT).project)


def fake_site(folder: Path, the_plan: offline.Plan, fragments: dict[str, str]) -> Path:
    """A site folder with a small file for every path of the plan and of the shared list."""
    for path in offline.shared() + [p for r in the_plan.regions for p in r.pages]:
        target = folder / (path + "index.html" if path == "" or path.endswith("/") else path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"<p>{path}</p>", encoding="utf-8")
    (folder / "assets" / "javascripts").mkdir(parents=True)
    (folder / "assets" / "javascripts" / "bundle.js").write_text("//", encoding="utf-8")
    (folder / "assets" / "javascripts" / "bundle.js.map").write_text("{}", encoding="utf-8")
    (folder / "pagefind" / "fragment").mkdir(parents=True)
    (folder / "pagefind" / "index").mkdir(parents=True)
    (folder / "pagefind" / "index" / "nl_1.pf_index").write_bytes(gzip.compress(b"pagefind_dcd..."))
    (folder / "pagefind" / "pagefind-entry.json").write_text('{"languages":{"nl":{"wasm":"nl"}}}', encoding="utf-8")
    (folder / "pagefind" / "wasm.nl.pagefind").write_bytes(b"\0")
    (folder / "pagefind" / "wasm.unknown.pagefind").write_bytes(b"\0")
    for name, url in fragments.items():
        content = b"pagefind_dcd" + json.dumps({"url": "/" + url, "content": "..."}).encode()
        (folder / "pagefind" / "fragment" / name).write_bytes(gzip.compress(content))
    return folder


def test_a_region_plan_holds_its_own_pages_and_partners(model):
    the_plan = offline.plan(model)
    dender = next(r for r in the_plan.regions if r.id == "dender")
    region = model.region("dender")
    assert urls.region("dender") in dender.pages and urls.coverage("dender") in dender.pages
    for m in region.municipalities:
        assert urls.municipality("dender", m.id) in dender.pages
    for d in region.life_domains:
        assert urls.life_domain("dender", d.id) in dender.pages
    for p in model.partners_of("dender"):
        assert urls.partner(p.id) in dender.pages
    for p in model.partners_of("voorkempen"):
        if not any(p in model.active_in(m) for m in region.municipalities):
            assert urls.partner(p.id) not in dender.pages
    assert not any(path.startswith("voorkempen/") for path in dender.pages)
    assert the_plan.built == model.built.isoformat()


def test_manifest_lists_existing_files_at_clean_addresses_and_versions_them(model, tmp_path):
    the_plan = offline.plan(model)
    dender_partner = model.partners_of("dender")[0].id
    other = next(p.id for p in model.partners_of("voorkempen")
                 if urls.partner(p.id) not in next(r for r in the_plan.regions if r.id == "dender").pages)
    site = fake_site(tmp_path / "site", the_plan, {"a.pf_fragment": urls.partner(dender_partner),
                                                   "b.pf_fragment": urls.partner(other)})
    made = offline.manifests(site, the_plan)
    dender = made["dender"]
    files = dender["bestanden"]
    assert dender["regio"] == "dender" and dender["gegevens"] == model.built.isoformat()
    assert not [f for f in files if "?" in f or "#" in f or f.startswith("/") or "//" in f]
    for f in files:  # every listed file exists, and the sizes add up
        assert (site / (f + "index.html" if f == "" or f.endswith("/") else f)).is_file(), f
    assert dender["bytes"] == sum((site / (f + "index.html" if f == "" or f.endswith("/") else f)).stat().st_size
                                  for f in files)
    # the shared tools, the search engine and index, the region's fragments only, no source maps
    for needed in ("", urls.SHEET, urls.WEGWIJZER, urls.SEARCH, offline.OFFLINE_PAGE, urls.MAP_DOCUMENT,
                   "pagefind/pagefind-entry.json", "pagefind/index/nl_1.pf_index", "pagefind/wasm.nl.pagefind",
                   "pagefind/fragment/a.pf_fragment", "assets/javascripts/bundle.js"):
        assert needed in files, needed
    for absent in ("pagefind/fragment/b.pf_fragment", "assets/javascripts/bundle.js.map", "pagefind/wasm.unknown.pagefind"):
        assert absent not in files, absent
    assert "pagefind/fragment/b.pf_fragment" in made["voorkempen"]["bestanden"]
    # the version follows the bytes: unchanged build, same version; one page changed, a new one
    assert offline.manifests(site, the_plan)["dender"]["versie"] == dender["versie"]
    (site / urls.partner(dender_partner) / "index.html").write_text("<p>anders</p>", encoding="utf-8")
    again = offline.manifests(site, the_plan)
    assert again["dender"]["versie"] != dender["versie"]
    assert again["voorkempen"]["versie"] == made["voorkempen"]["versie"]  # not one of its files


def test_hashes_made_before_the_search_index_give_the_same_manifests(model, tmp_path):
    """runner.SiteWork hashes the pages while the search index is still being made (offline.warm): the
    manifests are the same as when every file is read afterwards, and no search file was read early."""
    the_plan = offline.plan(model)
    partner = model.partners_of("dender")[0].id
    site = fake_site(tmp_path / "site", the_plan, {"a.pf_fragment": urls.partner(partner)})
    early = offline.warm(site, the_plan)
    assert early.sizes and not [p for p in early.sizes if p.startswith("pagefind/")]
    assert urls.partner(partner) in early.sizes and "assets/javascripts/bundle.js" in early.sizes
    assert offline.manifests(site, the_plan, hashes=early) == offline.manifests(site, the_plan)


def test_write_removes_the_manifest_of_a_region_that_is_gone(model, tmp_path):
    the_plan = offline.plan(model)
    site = fake_site(tmp_path / "site", the_plan, {})
    (site / "offline").mkdir()
    (site / "offline" / "weg.json").write_text("{}", encoding="utf-8")
    offline.write(site, the_plan)
    assert sorted(p.name for p in (site / "offline").iterdir()) == ["dender.json", "voorkempen.json"]


def test_the_panel_is_escaped_and_ignored_by_search():
    html = offline.panel('x"><script>', "<b>Regio</b>")
    assert "<script>" not in html and "<b>" not in html and "data-pagefind-ignore" in html


def example_project(folder: Path, site_url: str, plugin: str):
    """The example data with a mkdocs.yml (``plugin``: the plugins list's entry), loaded."""
    from mkdocs.config import load_config

    shutil.copytree(ROOT / "partners", folder / "partners")
    shutil.copytree(ROOT / "regions", folder / "regions")
    (folder / "docs").mkdir()
    (folder / "mkdocs.yml").write_text(
        f"site_name: Test\nsite_url: {site_url}\ntheme:\n  name: material\n  language: nl\n"
        f"  font: false\nplugins:\n  - {plugin}\n", encoding="utf-8")
    return load_config(str(folder / "mkdocs.yml"))


def test_a_build_writes_manifests_worker_at_the_root_and_an_offline_page(tmp_path):
    from mkdocs.commands.build import build

    config = example_project(tmp_path, "http://127.0.0.1:8000/sub/pad/", "netwerkkaart:\n      search: false")
    build(config)
    site = Path(config.site_dir)
    assert (site / offline.WORKER).is_file()  # at the root: its scope is the whole site
    assert sorted(p.name for p in (site / "offline").iterdir()) == ["dender.json", "voorkempen.json"]
    manifest = json.loads((site / "offline" / "dender.json").read_text(encoding="utf-8"))
    assert "dender/gemeenten/hamme/" in manifest["bestanden"] and "assets/netwerkkaart/offline.js" in manifest["bestanden"]
    page = (site / offline.OFFLINE_PAGE).read_text(encoding="utf-8")
    assert "Deze pagina is niet bewaard" in page
    # shown at any address: its links start at the site's path (a project site under a sub-path too)
    assert 'src="/sub/pad/assets/netwerkkaart/offline.js"' in page
    assert 'href="/sub/pad/assets/netwerkkaart/netwerkkaart.css"' in page
    assert "data-nk-offline=\"dender\"" in (site / "dender" / "index.html").read_text(encoding="utf-8")
    assert "data-nk-offline=\"dender\"" in (site / "dender" / "gemeenten" / "hamme" / "index.html").read_text("utf-8")


def test_manifests_made_from_the_search_programs_facts_are_those_read_from_the_site(tmp_path, monkeypatch):
    """The build takes the search index's sizes, digests and fragments from the search program (not read
    back from the site): the manifests it writes are the ones made from the finished site's files."""
    from mkdocs.commands.build import build

    config = example_project(tmp_path, "http://127.0.0.1:8000/", "netwerkkaart")
    read_back = offline._fragments

    def not_read(site):
        raise AssertionError("the build read the fragments back from the site")

    monkeypatch.setattr(offline, "_fragments", not_read)
    build(config)
    monkeypatch.setattr(offline, "_fragments", read_back)
    site = Path(config.site_dir)
    the_plan = offline.plan(build_site(validate_folder(tmp_path).project))
    written = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (site / "offline").glob("*.json")}
    again = offline.manifests(site, the_plan)
    assert written == again
    assert any(f.startswith("pagefind/") and f.endswith(".pf_fragment") for f in written["dender"]["bestanden"])
