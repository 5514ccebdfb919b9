"""Issue 15, part 2 in Chromium: a region saved "voor onderweg" works without a connection (municipality
and partner pages, the wegwijzer, search, the family sheet with QR code and print), pages not saved show
the Dutch offline page, the caches hold only the site's own files at clean addresses (no query, no
fragment, no picked ids), and after a rebuild the saved copy updates itself once the device is online."""

import functools
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import Quiet, free_port
from test_site import sheet_ids

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser

PICKED = ["caw-onthaal-dendermonde", "clb-dender"]
CACHE_KEYS = """async () => {
  const keys = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) keys.push([name, request.url]);
  }
  return keys;
}"""
# Per saved file: its first bytes, its size, its content type and its packed mark (x-nk-gz: packed bytes).
STORED = """async () => {
  const out = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const bytes = new Uint8Array(await response.arrayBuffer());
      out[request.url] = {head: Array.from(bytes.slice(0, 2)), size: bytes.length,
                          type: response.headers.get("content-type"), packed: response.headers.get("x-nk-gz")};
    }
  }
  return out;
}"""


class Site:
    """The example data copied to a folder, built with `mkdocs build --strict`, served on a fixed port
    that can be switched off (no connection) and on again."""

    def __init__(self, work: Path):
        self.work, self.port = work, free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        for name in ("partners", "regions", "docs"):
            shutil.copytree(ROOT / name, work / name)
        shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
        self.out, self.server = work / "site", None

    def build(self):
        env = dict(os.environ, NK_SITE_URL=self.base, NO_MKDOCS_2_WARNING="1")
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(self.work / "mkdocs.yml"),
                               "-d", str(self.out)], capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 0, done.stdout + done.stderr

    def start(self):
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port),
                                                      functools.partial(Quiet, directory=str(self.out)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def version(self, region):
        return json.loads((self.out / "offline" / f"{region}.json").read_text(encoding="utf-8"))["versie"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    s = Site(tmp_path_factory.mktemp("offline"))
    s.build()
    s.start()
    yield s
    s.stop()


def offline(context, site):
    site.stop()  # no server answers ...
    context.set_offline(True)  # ... and the browser knows it has no connection


def online(context, site):
    site.start()
    context.set_offline(False)


def save_region(page, site, region="dender"):
    page.goto(site.base + f"{region}/")
    page.click("[data-nk-offline-save]")
    page.wait_for_selector("[data-nk-offline-saved]", timeout=30_000)
    return page.get_attribute("[data-nk-offline-saved]", "data-nk-offline-saved")


def test_a_saved_region_works_offline_and_updates_after_a_rebuild(browser, site):
    from pypdf import PdfReader

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        assert save_region(page, site) == site.version("dender")
        text = page.inner_text("[data-nk-offline]")
        assert "Bewaard op " in text and "gegevens van " in text and (" MB in" in text or " kB in" in text)
        assert page.locator("[data-nk-offline] button", has_text="Verwijder de bewaarde regio").count() == 1
        # stored packed: pages and data as gzip (1f 8b) with their own content type, Pagefind's files (packed
        # already) as they came; the space shown is what the bodies really take
        stored = page.evaluate(STORED)
        partner, data = stored[site.base + "partners/cgg-dender/"], stored[site.base + "kaarten/regio/dender.json"]
        for saved, kind in ((partner, "text/html"), (data, "application/json")):
            assert saved["head"] == [0x1F, 0x8B] and int(saved["packed"]) == saved["size"], saved
            assert saved["type"].startswith(kind), saved
        fragment = next(v for k, v in stored.items() if k.endswith(".pf_fragment"))
        assert fragment["packed"] is None
        manifest = json.loads((site.out / "offline" / "dender.json").read_text(encoding="utf-8"))
        files = {k: v for k, v in stored.items() if not k.endswith("offline/dender.json")}
        assert sum(v["size"] for v in files.values()) < manifest["bytes"] / 2
        saved_manifest = page.evaluate("async (u) => (await caches.match(u)).json()", site.base + "offline/dender.json")
        assert saved_manifest["opgeslagen"] == sum(v["size"] for v in files.values())
        shown = f"{saved_manifest['opgeslagen'] / 1e6:.1f} MB" if saved_manifest["opgeslagen"] >= 1e5 else \
            f"{max(1, round(saved_manifest['opgeslagen'] / 1e3))} kB"
        assert f"Neemt {shown.replace('.', ',')} in" in text
        # the municipality page offers the same (and knows it is saved)
        page.goto(site.base + "dender/gemeenten/hamme/")
        page.wait_for_selector("[data-nk-offline-saved]")

        offline(context, site)
        page.goto(site.base + "dender/gemeenten/zele/")
        assert page.inner_text("h1") == "Zele"
        page.goto(site.base + "partners/cgg-dender/")
        assert "CGG" in page.inner_text("h1")  # unpacked by the service worker: the text, not gzip
        assert page.evaluate("document.characterSet") == "UTF-8" and "Dender" in page.inner_text("main")
        # the wegwijzer, with its data for the region
        page.goto(site.base + "wegwijzer/#waar=Hamme&wat=schulden")
        page.wait_for_selector(".nk-ww-card[data-partner='caw-onthaal-dendermonde']", timeout=15_000)
        # search within the region, and the page says what is missing without a connection
        page.goto(site.base + "zoeken/#q=Dendermonde")
        page.wait_for_selector("[data-nk-results] li:not([hidden]) a", timeout=15_000)
        # the count follows once every listed result's fragment came (netwerkkaart.js: the first result first)
        page.wait_for_function("document.querySelector('[data-nk-search-status]').textContent.includes('resultaten voor')",
                               timeout=15_000)
        assert "resultaten uit andere regio's ontbreken" in page.inner_text(".nk-offline-note")
        # build a sheet: pick on the partner pages, open Mijn netwerk, with its QR codes, and print it
        for pid in PICKED:
            page.goto(site.base + f"partners/{pid}/")
            page.click(f"[data-nk-toggle='{pid}']")
        page.goto(site.base + "mijn-netwerk/")
        assert sorted(sheet_ids(page)) == sorted(PICKED)
        page.wait_for_selector("svg.nk-qr", state="attached", timeout=15_000)
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
        printed = " ".join(p.extract_text() for p in pdf.pages)
        assert "CLB" in printed
        # a page that was not saved: the Dutch offline page, with the way back and the saved region
        page.goto(site.base + "voorkempen/")
        assert page.inner_text("h1") == "Deze pagina is niet bewaard"
        assert page.locator("[data-nk-back]", has_text="Ga terug").count() == 1
        page.wait_for_selector("[data-nk-offline-list] a")
        assert page.get_attribute("[data-nk-offline-list] a", "href").endswith("/dender/")
        # ... also when it is reached by a click (mkdocs-material's instant navigation fetches the page first)
        page.goto(site.base + "dender/")
        page.click(".md-tabs a[href$='voorkempen/']")
        page.wait_for_selector("h1:has-text('Deze pagina is niet bewaard')")
        page.click("[data-nk-back]")
        page.wait_for_url(site.base + "dender/")

        # nothing about the family in the caches: only this site's addresses, none with a query or a fragment
        keys = page.evaluate(CACHE_KEYS)
        assert keys and all(name.startswith("netwerkkaart-offline|/|dender|") for name, _ in keys)
        for _, url in keys:
            assert url.startswith(site.base) and "?" not in url and "#" not in url, url
            assert not any(pid in url for pid in PICKED if not url.endswith((f"partners/{pid}/", f"partner/{pid}.json"))), url
        manifest = json.loads((site.out / "offline" / "dender.json").read_text(encoding="utf-8"))
        assert {url[len(site.base):] for _, url in keys} == set(manifest["bestanden"]) | {"offline/dender.json"}

        # the site is rebuilt with a change; online again, the saved copy updates itself
        old = site.version("dender")
        regio = site.work / "regions" / "dender" / "regio.yml"
        regio.write_text(regio.read_text(encoding="utf-8").replace("Voorbeeldregio.", "Voorbeeldregio, herbouwd."),
                         encoding="utf-8")
        site.build()
        assert site.version("dender") != old
        online(context, site)
        page.goto(site.base + "dender/gemeenten/hamme/")
        page.wait_for_selector(f"[data-nk-offline-saved='{site.version('dender')}']", timeout=30_000)
        offline(context, site)
        page.goto(site.base + "dender/")
        assert "Voorbeeldregio, herbouwd." in page.inner_text(".nk-lead")
        assert len({name for name, _ in page.evaluate(CACHE_KEYS)}) == 1  # the old copy is gone

        # removing it leaves no cache behind
        online(context, site)
        page.goto(site.base + "dender/")
        page.click("[data-nk-offline] button:has-text('Verwijder de bewaarde regio')")
        page.wait_for_selector("[data-nk-offline-save]")
        assert page.evaluate(CACHE_KEYS) == []
        assert errors == []
    finally:
        context.close()
        if site.server is None:
            site.start()
