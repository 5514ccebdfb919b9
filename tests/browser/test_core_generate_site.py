"""`netwerkkaart generate` + plain mkdocs-material (no netwerkkaart plugin) in headless Chromium: the same
checks as the plugin build (test_site.py): partner pages, maps with markers, the family sheet from a
shared link, search, downloads, no request off the site. The same for Zensical when it is installed
(NK_ZENSICAL: its command; see docs/zensical.md)."""

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, Quiet, free_port
from test_site import TILES, map_markers, public_spots, search, sheet_ids

from generator.model import build_site
from generator.validate.pipeline import validate_folder

pytestmark = pytest.mark.browser

# mkdocs with the netwerkkaart package made unimportable: the build must not need our plugin
PLAIN_MKDOCS = ("import sys; sys.modules['generator'] = None; "
                "from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()")


@pytest.fixture(scope="module")
def model():
    return build_site(validate_folder(ROOT).project)


ZENSICAL = os.environ.get("NK_ZENSICAL") or shutil.which("zensical") or (  # installed by .[test], next to python
    str(Path(sys.executable).with_name("zensical")) if Path(sys.executable).with_name("zensical").exists() else None)


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def generated_site(request, tmp_path_factory):
    if request.param == "zensical" and not ZENSICAL:
        pytest.skip("Zensical is not installed (pip install zensical==0.0.73; NK_ZENSICAL=<its command>)")
    work = tmp_path_factory.mktemp("generate")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NK_SITE_URL=base, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "generator", "generate", str(work / "bron"), "--data", str(ROOT),
                           "--naam", "Netwerkkaart (voorbeeld)"], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    settings = (work / "bron" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "netwerkkaart:" not in settings.split("plugins:")[1].split("\n")[0]  # plugins: [] - no plugin
    if request.param == "zensical":
        done = subprocess.run([ZENSICAL, "build", "--strict", "-f", str(work / "bron" / "zensical.toml")],
                              capture_output=True, text=True, env=env, check=False)
        shutil.move(work / "bron" / "site", work / "site")
    else:
        done = subprocess.run([sys.executable, "-c", PLAIN_MKDOCS, "build", "--strict", "-f",
                               str(work / "bron" / "mkdocs.yml"), "-d", str(work / "site")],
                              capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(work / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base, work / "site"
    server.shutdown()


PAGES = ("", "dender/", "dender/gemeenten/dendermonde/", "voorkempen/levensdomeinen/inkomen/",
         "partners/caw-onthaal-dendermonde/", "a-z/", "zoeken/", "dender/dekking/", "wegwijzer/", "wat-is-nieuw/")


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_no_request_off_the_site(page, generated_site, path):
    base, _ = generated_site
    response = page.goto(base + path)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().strip()
    assert page.locator(".nk-example-banner").count() == 1
    assert [u for u in page.requests if not u.startswith(base) and not u.startswith(TILES)] == []
    assert page.errors == []


def test_every_partner_has_a_page_and_the_nav_only_the_top_pages(generated_site, model):
    _, site = generated_site
    for partner in model.partners:
        assert (site / "partners" / partner.id / "index.html").is_file(), partner.id
    html = (site / "partners" / "caw-onthaal-dendermonde" / "index.html").read_text(encoding="utf-8")
    sidebar = html.split('class="md-content"')[0]
    assert 'class="md-nav__link' in sidebar and "dender/" in sidebar
    assert "clb-dender/" not in sidebar and "gemeenten/" not in sidebar  # not every page in every page's nav


def test_maps_show_markers(page, generated_site, model):
    base, _ = generated_site
    region = model.regions[0]
    page.goto(base + f"{region.id}/")
    count, frame = map_markers(page, f"kaarten/kaart.html?d=regio/{region.id}")
    assert count == public_spots(model.partners_of(region.id)) > 0
    assert frame.locator(".marker-cluster, .leaflet-marker-icon").count() > 0


def test_the_family_sheet_fills_from_a_shared_link(page, generated_site):
    base, _ = generated_site
    page.goto(base + "mijn-netwerk/#p=clb-dender,caw-onthaal-dendermonde")
    assert sorted(sheet_ids(page)) == ["caw-onthaal-dendermonde", "clb-dender"]


def test_search_finds_a_partner(page, generated_site):
    base, _ = generated_site
    hrefs = search(page, base, "CAW Onthaal Dendermonde")
    assert any("partners/caw-onthaal-dendermonde/" in h for h in hrefs[:3]), hrefs


def test_downloads_resolve(page, generated_site):
    base, _ = generated_site
    page.goto(base + "a-z/")
    links = page.eval_on_selector_all("a[href*='export/'], a[href*='schemas/']", "els => els.map(a => a.href)")
    assert len(links) >= 4
    for link in links:
        with urllib.request.urlopen(link) as response:
            assert response.status == 200 and response.read(), link
    geojson = urllib.request.urlopen(base + "export/locaties.geojson").read().decode("utf-8")
    assert f'"url": "{base}partners/' in geojson or f'"url":"{base}partners/' in geojson  # site_url reached it


def test_the_projects_own_pages_are_there_under_voor_redacteurs(page, generated_site):
    """generate copies the project's docs/*.md (the editor docs) with their nav section, as the plugin build."""
    base, site = generated_site
    response = page.goto(base + "redacteurs/")
    assert response.status == 200
    assert page.locator("h1").first.inner_text().strip()
    assert (site / "foutcodes" / "index.html").is_file() and (site / "zensical" / "index.html").is_file()
    assert "Voor redacteurs" in (site / "index.html").read_text(encoding="utf-8")  # the nav section
    assert page.errors == []


def test_the_offline_manifests_list_files_the_built_site_has(generated_site, model):
    import json

    _, site = generated_site
    manifests = sorted((site / "offline").glob("*.json"))
    assert [m.stem for m in manifests] == sorted(r.id for r in model.regions)
    for manifest in manifests:
        files = json.loads(manifest.read_text(encoding="utf-8"))["bestanden"]
        assert "dender/" in files or "voorkempen/" in files
        assert any(f.startswith("pagefind/") for f in files) and "assets/netwerkkaart/offline.js" in files
        for path in files:
            target = site / (path + "index.html" if path == "" or path.endswith("/") else path)
            assert target.is_file(), (manifest.name, path)


def test_a_region_can_be_saved_for_offline_use(page, generated_site):
    """"Bewaar deze regio voor onderweg" works in a generate build: the listed files and the builder's own
    scripts and styles (which generate cannot list) are saved."""
    base, _ = generated_site
    page.goto(base + "dender/")
    page.click("[data-nk-offline-save]")
    page.wait_for_selector("[data-nk-offline-saved]", timeout=30_000)
    keys = page.evaluate("""async () => {
      const keys = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) keys.push(request.url);
      }
      return keys;
    }""")
    assert base + "partners/caw-onthaal-dendermonde/" in keys
    styles = page.eval_on_selector_all('link[rel="stylesheet"][href]', "els => els.map(e => e.href.split('?')[0])")
    assert [s for s in styles if s.startswith(base) and s not in keys] == []
    assert page.errors == []
