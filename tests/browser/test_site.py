"""The example site in headless Chromium: search, filters, instant navigation, privacy, safety, accessibility."""

import re
from pathlib import Path

import pytest
from conftest import partner_map

ROOT = Path(__file__).resolve().parents[2]
from generator.model import build_site
from generator.validate.pipeline import validate_folder

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def model():
    return build_site(validate_folder(ROOT).project)


TILES = "https://tile.openstreetmap.org/"  # the configured background map: the only other host allowed

PAGE_TYPES = {
    "start": "",
    "regio": "dender/",
    "gemeente": "dender/gemeenten/dendermonde/",
    "levensdomein": "voorkempen/levensdomeinen/inkomen/",
    "partner": "partners/caw-onthaal-dendermonde/",
    "partner-vertrouwelijk": "partners/caw-vluchthuis-dender/",
    "a-z": "a-z/",
    "zoeken": "zoeken/",
    "dekking": "dender/dekking/",
    "handleiding": "foutcodes/",
}


# The status is set and every result slot is filled.
DONE = ("document.querySelector('[data-nk-search-status]').textContent.length > 0"
        " && !document.querySelector('[data-nk-results] li[hidden]')")


def search(page, base, query):
    page.goto(base + "zoeken/")
    page.fill("#nk-q", query)
    page.press("#nk-q", "Enter")
    page.wait_for_function(DONE)
    return page.eval_on_selector_all("[data-nk-results] a", "els => els.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_types_render_with_no_request_off_the_site(page, example_site, name):
    base, _ = example_site
    response = page.goto(base + PAGE_TYPES[name])
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().strip()
    assert page.locator(".nk-example-banner").count() == 1
    assert [u for u in page.requests if not u.startswith(base) and not u.startswith(TILES)] == []
    assert page.errors == []


def test_search_by_name_lands_on_the_partner(page, example_site):
    base, _ = example_site
    hrefs = search(page, base, "Woonloket Voorkempen")
    assert hrefs and hrefs[0].endswith("/partners/woonwinkel-voorkempen/")
    page.click("[data-nk-results] a >> nth=0")
    page.wait_for_url(re.compile(r".*/partners/woonwinkel-voorkempen/$"))
    page.wait_for_function("document.querySelector('h1').textContent.includes('Woonloket Voorkempen')")


def test_search_by_postcode_and_deelgemeente(page, example_site, model):
    base, _ = example_site
    hrefs = search(page, base, "2390")
    malle = [p.id for p in model.partners if any(loc.postcode == "2390" and loc.public for loc in p.locaties)]
    assert malle and any(h.endswith(f"/partners/{malle[0]}/") for h in hrefs), hrefs
    hrefs = search(page, base, "Grembergen")
    assert any(h.endswith("/dender/gemeenten/dendermonde/") for h in hrefs), hrefs


@pytest.mark.parametrize("query, kind", [("OCMW", "sociaal-huis"), ("K&G", "kind-en-gezin"), ("HvhK", "huis-van-het-kind"),
                                         ("CLB", "clb"), ("CAW", "caw")])
def test_search_by_synonym(page, example_site, model, query, kind):
    base, _ = example_site
    hrefs = search(page, base, query)
    wanted = {f"/partners/{p.id}/" for p in model.partners if p.soort == kind}
    assert any(h[h.index("/partners/"):] in wanted for h in hrefs if "/partners/" in h), hrefs


def test_home_search_keeps_the_query_in_the_browser(page, example_site):
    """The home page shows the results in place (no second page load); the query stays after #."""
    base, _ = example_site
    page.goto(base)
    page.fill("#nk-home-q", "schulden")
    page.press("#nk-home-q", "Enter")
    page.wait_for_function(DONE)
    assert page.url == base + "#q=schulden"
    assert not [u for u in page.requests if "schulden" in u]
    assert page.locator("[data-nk-results] li").count() > 0


def visible_partners(page):
    return page.eval_on_selector_all("[data-nk-directory] li:not([hidden])", "els => els.map(e => e.dataset.partner)")


def test_directory_filters(page, example_site, model):
    base, _ = example_site
    page.goto(base + "a-z/")
    assert sorted(visible_partners(page)) == sorted(p.id for p in model.partners)
    zele = next(m for r in model.regions for m in r.municipalities if m.naam == "Zele")
    expected = {p.id for p in model.partners
                if zele.nis in {m.nis for m in model.service_area(p)} | {l.nis for l in p.locaties if l.public}}
    page.select_option("#nk-f-gemeente", zele.nis)
    assert set(visible_partners(page)) == expected
    assert page.inner_text("[data-nk-count]") == str(len(expected))
    page.select_option("#nk-f-taal", "ar")
    assert set(visible_partners(page)) == {p for p in expected if "ar" in model.partner(p).talen}
    page.select_option("#nk-f-gemeente", "")
    page.select_option("#nk-f-taal", "")
    page.fill("#nk-f-leeftijd", "2")
    assert set(visible_partners(page)) == {p.id for p in model.partners
                                           if (p.age_range() or (0, 120))[0] <= 2 <= (p.age_range() or (0, 120))[1]}


def test_filters_work_with_the_keyboard(page, example_site, model):
    base, _ = example_site
    page.goto(base + "a-z/")
    page.focus("#nk-f-kost")
    page.keyboard.press("ArrowDown")  # first option after "Alle": gratis
    assert page.eval_on_selector("#nk-f-kost", "e => e.value") == "gratis"
    assert set(visible_partners(page)) == {p.id for p in model.partners if p.aanmelden.kostprijs == "gratis"}


def test_instant_navigation_keeps_the_page_alive(page, example_site):
    base, _ = example_site
    page.goto(base)
    page.evaluate("window.__nkMarker = 42")
    page.click("text=1 Gezin 1 Plan Dender >> nth=0")
    page.wait_for_url(re.compile(r".*/dender/$"))
    page.wait_for_function("document.querySelector('h1').textContent.includes('Dender')")
    assert page.evaluate("window.__nkMarker") == 42, "the click caused a full page load"
    page.goto(base)
    page.evaluate("window.__nkMarker = 7")
    page.click(".nk-page >> text=Alle partners van A tot Z")
    page.wait_for_url(re.compile(r".*/a-z/$"))
    page.wait_for_selector("[data-nk-directory]")
    page.select_option("#nk-f-kost", "betalend")  # the filters are wired after an instant navigation too
    assert page.evaluate("window.__nkMarker") == 7
    assert int(page.inner_text("[data-nk-count]")) < len(page.eval_on_selector_all("[data-nk-directory] li", "e => e"))


def test_records_in_records_out(page, example_site, model):
    """Every partner exactly once in the directory, once as a page, and findable in the search index."""
    base, out = example_site
    page.goto(base + "a-z/")
    listed = page.eval_on_selector_all("[data-nk-directory] li", "els => els.map(e => e.dataset.partner)")
    assert sorted(listed) == sorted(p.id for p in model.partners)
    for p in model.partners:
        assert (Path(out) / "partners" / p.id / "index.html").is_file()
    page.goto(base + "zoeken/")
    found = page.evaluate("""async ([names, regions]) => {
        const root = document.baseURI.replace(/zoeken\\/.*$/, '');
        const pf = await import(new URL('pagefind/pagefind.js', root).href);
        // the site-wide index, and one per group of regions (search.py), as termen.json lists them
        const terms = await (await fetch(new URL('zoeken/termen.json', root))).json();
        if (regions.some(id => !(id in terms.groepen))) throw new Error('a region without a search index');
        for (const group of terms.indexen) {
            await pf.mergeIndex(new URL('pagefind/regio/' + group + '/', root).pathname, {baseUrl: new URL(root).pathname});
        }
        const urls = [];
        for (const name of names) {
            const r = await pf.search(name);
            const data = await Promise.all(r.results.slice(0, 5).map(x => x.data()));
            urls.push(data.map(d => d.url));
        }
        return urls;
    }""", [[p.naam for p in model.partners], [r.id for r in model.regions]])
    for p, urls in zip(model.partners, found):
        assert any(u.endswith(f"/partners/{p.id}/") for u in urls), (p.naam, urls)


def test_confidential_address_is_not_shown(page, example_site, model):
    base, _ = example_site
    hidden = [(p, loc) for p in model.partners for loc in p.locaties if loc.vertrouwelijk]
    assert hidden
    for partner, location in hidden:
        page.goto(base + f"partners/{partner.id}/")
        text = page.inner_text("article")
        assert "vertrouwelijk" in text
        if location.straat:
            assert location.straat not in text


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_axe_finds_no_serious_or_critical_violations(page, example_site, name):
    from axe_playwright_python.sync_playwright import Axe

    base, _ = example_site
    page.goto(base + PAGE_TYPES[name])
    page.wait_for_load_state("networkidle")
    if name == "zoeken":
        page.fill("#nk-q", "Zele")
        page.press("#nk-q", "Enter")
        page.wait_for_function(DONE)
    results = Axe().run(page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_payloads_in_every_text_field_execute_nothing(page, payload_site):
    base, out = payload_site
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    urls = sorted(str(p.parent.relative_to(out)).replace(".", "") for p in Path(out).rglob("index.html")
                  if "pagefind" not in str(p))
    assert len(urls) >= 6
    for url in urls:
        page.goto(base + (url + "/" if url else ""))
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__xss") is None, url
    page.goto(base + "partners/aanval/")
    assert "</title><script>window.__xss=2</script>" in page.title()
    text = page.inner_text("article")
    assert '<img src=x onerror="window.__xss=1">' in text and "javascript:window.__xss=3" in text
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("[onfocus], [onerror], [onload]").count() == 0
    search(page, base, "onerror")
    search(page, base, "script")
    assert page.evaluate("window.__xss") is None
    assert dialogs == [] and page.errors == []


# -- maps ------------------------------------------------------------------------------------

def map_markers(page, url_part):
    for attempt in range(3):  # after instant navigation the content may still be swapped once
        try:
            page.locator(f"iframe[src*='{url_part.split('/')[-1]}']").scroll_into_view_if_needed()  # maps load lazily
            break
        except Exception:
            if attempt == 2:
                raise
            page.wait_for_timeout(300)
    page.wait_for_function(f"[...document.querySelectorAll('iframe')].some(f => f.contentDocument && "
                           f"f.contentDocument.location.href.includes({url_part!r}))")
    frame = next(f for f in page.frames if url_part in f.url)
    frame.wait_for_selector(".folium-map[data-loaded]")
    return int(frame.get_attribute(".folium-map", "data-markers")), frame


def qr_text(path: str) -> str | None:
    """Read the QR code drawn as an SVG path (one 'Mx yh1v1h-1z' per dark module) the way a phone
    would: rendered to pixels with a quiet zone and decoded by zxing-cpp."""
    import numpy as np
    import zxingcpp

    dark = [(int(x), int(y)) for x, y in re.findall(r"M(\d+) (\d+)h1v1h-1z", path)]
    n, scale, border = max(max(xy) for xy in dark) + 1, 4, 4
    image = np.full(((n + 2 * border) * scale,) * 2, 255, np.uint8)
    for x, y in dark:
        image[(y + border) * scale:(y + border + 1) * scale, (x + border) * scale:(x + border + 1) * scale] = 0
    found = zxingcpp.read_barcodes(image)
    return found[0].text if len(found) == 1 and found[0].format == zxingcpp.BarcodeFormat.QRCode else None


def public_spots(partners, nis=None):
    return sum(1 for p in partners for loc in p.locaties
               if loc.public and loc.lat is not None and (nis is None or loc.nis == nis))


def test_region_and_municipality_maps_show_every_public_location(page, example_site, model):
    base, _ = example_site
    for region in model.regions:
        page.goto(base + f"{region.id}/")
        count, frame = map_markers(page, f"kaarten/kaart.html?d=regio/{region.id}")
        assert count == public_spots(model.partners_of(region.id))
        assert frame.locator(".marker-cluster, .leaflet-marker-icon").count() > 0
    for region in model.regions:
        for municipality in region.municipalities:
            if not public_spots(model.partners, municipality.nis):
                continue
            page.goto(base + f"{region.id}/gemeenten/{municipality.id}/")
            count, _ = map_markers(page, f"kaarten/kaart.html?d=gemeente/{region.id}/{municipality.id}")
            assert count == public_spots(model.partners, municipality.nis), municipality.naam


def test_partner_map_and_none_without_public_location(page, example_site, model):
    base, _ = example_site
    page.goto(base + "partners/caw-onthaal-dendermonde/")
    count, frame = map_markers(page, "&p=caw-onthaal-dendermonde")
    assert count == public_spots([model.partner("caw-onthaal-dendermonde")])
    frame.click(".leaflet-marker-icon >> nth=0")
    link = frame.locator(".nk-popup a", has_text="Meer over deze partner")
    assert link.get_attribute("href").endswith("/partners/caw-onthaal-dendermonde/")
    assert link.get_attribute("target") == "_top"
    page.goto(base + "partners/caw-vluchthuis-dender/")  # only a confidential address
    assert page.locator("iframe").count() == 0


def test_layer_per_levensdomein_can_be_switched_off(page, example_site, model):
    base, _ = example_site
    page.goto(base + "dender/")
    total, frame = map_markers(page, "kaarten/kaart.html?d=regio/dender")
    frame.hover(".leaflet-control-layers")
    boxes = frame.locator(".leaflet-control-layers-overlays input")
    names = frame.eval_on_selector_all(".leaflet-control-layers-overlays span span", "e => e.map(x => x.textContent.trim())")
    for i in range(boxes.count()):
        boxes.nth(i).uncheck()
    assert int(frame.get_attribute(".folium-map", "data-markers")) == 0
    region = model.region("dender")
    first = next(d for d in region.life_domains if d.naam == names[0])
    boxes.nth(0).check()
    assert int(frame.get_attribute(".folium-map", "data-markers")) == sum(
        1 for p in model.partners_of("dender") for loc in p.locaties
        if loc.public and loc.lat is not None and first.id in p.levensdomeinen)
    for i in range(boxes.count()):
        boxes.nth(i).check()
    assert int(frame.get_attribute(".folium-map", "data-markers")) == total


def test_map_after_instant_navigation_and_without_tiles(page, example_site):
    base, _ = example_site
    page.goto(base)
    page.evaluate("window.__nkMarker = 1")
    page.click(".nk-columns >> text=Zele")
    page.wait_for_url(re.compile(r".*/dender/gemeenten/zele/$"))
    count, frame = map_markers(page, "kaarten/kaart.html?d=gemeente/dender/zele")
    assert page.evaluate("window.__nkMarker") == 1 and count > 0
    # no internet here: the background map fails and a Dutch note says so
    frame.wait_for_selector(".nk-map-note")
    assert "achtergrondkaart is niet beschikbaar" in frame.inner_text(".nk-map-note")
    # back and forward
    page.go_back()
    page.wait_for_url(re.compile(r".*/$"))
    page.go_forward()
    page.wait_for_url(re.compile(r".*/dender/gemeenten/zele/$"))
    count, _ = map_markers(page, "kaarten/kaart.html?d=gemeente/dender/zele")
    assert count > 0


def test_map_document_is_accessible(page, example_site):
    from axe_playwright_python.sync_playwright import Axe

    base, _ = example_site
    page.goto(base + "kaarten/kaart.html?d=regio/voorkempen")
    page.wait_for_selector(".folium-map[data-loaded]")
    assert page.get_attribute("html", "lang") == "nl"
    assert "user-scalable=no" not in page.content()
    bad = [(v["id"], v["impact"]) for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []
    page.goto(base + "voorkempen/")
    assert page.get_attribute(".nk-map iframe", "title").startswith("Kaart van")


def test_map_popups_execute_nothing(page, payload_site):
    base, _ = payload_site
    page.goto(partner_map(base, "aanval"))
    page.wait_for_selector(".folium-map[data-loaded]")
    assert "achtergrondkaart is niet beschikbaar" in page.inner_text(".nk-map-note")  # tiles: geen
    assert not [u for u in page.requests if not u.startswith(base)]
    page.click(".leaflet-marker-icon")
    page.wait_for_selector(".nk-popup")
    text = page.inner_text(".nk-popup")
    assert "</title><script>window.__xss=2</script>" in text
    assert page.evaluate("window.__xss") is None
    assert page.locator(".nk-popup script, .nk-popup img, .nk-popup svg").count() == 0


# -- Mijn netwerk ------------------------------------------------------------------------------

def sheet_ids(page, renders=1):
    """The partners on the sheet once it has been drawn ``renders`` times."""
    page.wait_for_function(f"Number((document.querySelector('[data-nk-sheet]') || {{}}).dataset?.rendered || 0) >= {renders}")
    return page.eval_on_selector_all(".nk-sheet-entry", "els => els.map(e => e.dataset.partner)")


def test_pick_three_and_share_the_sheet(browser, page, example_site):
    base, _ = example_site
    page.goto(base + "partners/caw-onthaal-dendermonde/")
    page.click(".nk-page h1 + .nk-pick-button")
    assert page.get_attribute(".nk-page h1 + .nk-pick-button", "aria-pressed") == "true"
    page.click(".nk-columns >> text=Dendermonde")  # instant navigation to a municipality page
    page.wait_for_url(re.compile(r".*/dendermonde/$"))
    page.click("details.nk-domain#opvoeding > summary")  # the levensdomeinen are folded
    page.click("details#opvoeding [data-nk-toggle='huis-van-het-kind-dendermonde']")
    page.goto(base + "a-z/")
    page.click("li[data-partner='woonwinkel-voorkempen'] [data-nk-toggle]")
    assert page.inner_text(".nk-basket") == "Mijn netwerk (3)"
    # the large touch targets
    box = page.locator("li[data-partner='clb-dender'] [data-nk-toggle]").bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    page.click(".nk-basket")
    page.wait_for_url(re.compile(r".*/mijn-netwerk/#p=.*"))
    picked = ["caw-onthaal-dendermonde", "huis-van-het-kind-dendermonde", "woonwinkel-voorkempen"]
    assert sorted(sheet_ids(page)) == sorted(picked)
    assert page.locator(".nk-sheet-entry svg.nk-qr").count() == 3
    # picked from the levensdomein "Opvoeding en gezin": on the sheet under that heading
    group = page.locator(".nk-sheet-group", has=page.locator("[data-partner='huis-van-het-kind-dendermonde']"))
    assert group.locator("h2").inner_text() == "Opvoeding en gezin"
    for entry in page.locator(".nk-sheet-entry").all():  # each code is a QR code of that partner's page
        url = base + f"partners/{entry.get_attribute('data-partner')}/"
        assert entry.locator("svg.nk-qr").get_attribute("data-url") == url
        assert qr_text(entry.locator("svg.nk-qr path").get_attribute("d")) == url
    link = page.url
    # nothing about the selection was sent: the fragment never leaves the browser
    assert not [u for u in page.requests if "#" in u or ("mijn-netwerk" in u and any(p in u for p in picked))]
    assert page.evaluate("localStorage.length") == 0  # not remembered unless asked
    other = browser.new_context()
    fresh = other.new_page()
    fresh.goto(link)
    assert sorted(sheet_ids(fresh)) == sorted(picked)
    other.close()


def test_unknown_ids_clear_and_remember(page, example_site):
    base, _ = example_site
    page.goto(base + "mijn-netwerk/#p=clb-dender,bestaat-niet")
    assert sheet_ids(page) == ["clb-dender"]
    assert "bestaat-niet" in page.inner_text(".nk-sheet-missing")
    page.check("[data-nk-remember]")
    assert page.evaluate("localStorage.getItem('nk-mijn-netwerk')") == "clb-dender,bestaat-niet"
    page.click("[data-nk-clear]")
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("sessionStorage.getItem('nk-mijn-netwerk')") is None
    assert sheet_ids(page, renders=2) == []


PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty"]
CONNECTION = "verbinding"  # the message for a failed download of the sheet's data, and only for that


def sheet_status(page):
    return page.inner_text("[data-nk-sheet-status]")


def test_prototype_names_are_unknown_ids(page, example_site):
    base, _ = example_site
    page.goto(base + "mijn-netwerk/#p=clb-dender," + ",".join(PROTOTYPE_NAMES))
    assert sheet_ids(page) == ["clb-dender"]
    missing = page.inner_text(".nk-sheet-missing")
    assert "Niet meer beschikbaar" in missing and all(name in missing for name in PROTOTYPE_NAMES)
    assert sheet_status(page) == "1 partner in je netwerk."
    # only what looks like an id is kept in the tab; the sheet opens again without the link
    assert page.evaluate("sessionStorage.getItem('nk-mijn-netwerk')") == "clb-dender,constructor"
    page.goto(base + "a-z/")
    page.goto(base + "mijn-netwerk/")
    assert sheet_ids(page) == ["clb-dender"]
    assert CONNECTION not in sheet_status(page)
    assert page.errors == []


def test_ten_thousand_repeated_ids_show_the_partner_once(page, example_site):
    base, _ = example_site
    page.goto(base + "mijn-netwerk/#p=" + ",".join(["clb-dender", "cgg-dender", "__proto__"] * 10_000))
    assert sorted(sheet_ids(page)) == ["cgg-dender", "clb-dender"]  # within Playwright's default timeout
    assert page.url.endswith("#p=clb-dender,cgg-dender")
    assert page.inner_text(".nk-sheet-missing").count("__proto__") == 1
    assert page.errors == []


def test_at_most_fifty_ids_with_a_note(page, example_site):
    base, _ = example_site
    ids = ["clb-dender"] + [f"onbekend-{n}" for n in range(60)]
    page.goto(base + "mijn-netwerk/#p=" + ",".join(ids))
    assert sheet_ids(page) == ["clb-dender"]
    note = page.inner_text(".nk-sheet-note")
    assert "meer dan 50 partners" in note and "de overige 11 zijn weggelaten" in note
    assert page.evaluate("sessionStorage.getItem('nk-mijn-netwerk')") == ",".join(ids[:50])
    assert "en nog 39 andere" in page.inner_text(".nk-sheet-missing")  # 49 unknown, 10 of them named
    page.goto(base + "partners/cgg-dender/")  # a full sheet says so instead of dropping a pick
    button = ".nk-page h1 + .nk-pick-button"
    assert page.inner_text(button) == "Mijn netwerk is vol (50 partners)"
    page.click(button)
    assert page.get_attribute(button, "aria-pressed") == "false"
    assert page.inner_text(".nk-basket") == "Mijn netwerk (50)"


def test_known_and_unknown_ids_mixed(page, example_site):
    base, _ = example_site
    page.goto(base + "mijn-netwerk/#p=bestaat-niet,clb-dender,%3Cb%3E,cgg-dender,BESTAAT-NIET,clb-dender,,%E0%A4%A")
    assert sorted(sheet_ids(page)) == ["cgg-dender", "clb-dender"]
    missing = page.inner_text(".nk-sheet-missing")
    assert "bestaat-niet" in missing and "<b>" in missing and "BESTAAT-NIET" in missing
    assert page.locator(".nk-sheet-missing b").count() == 0  # shown as text
    assert page.evaluate("sessionStorage.getItem('nk-mijn-netwerk')") == "bestaat-niet,clb-dender,cgg-dender"
    assert CONNECTION not in sheet_status(page)
    assert page.errors == []


def test_no_connection_only_when_the_data_cannot_be_fetched(page, example_site):
    base, _ = example_site
    page.route("**/mijn-netwerk/partners.json", lambda route: route.abort())
    page.goto(base + "mijn-netwerk/#p=clb-dender")
    page.wait_for_function("document.querySelector('[data-nk-sheet-status]').textContent.includes('verbinding')")
    page.unroute("**/mijn-netwerk/partners.json")
    page.click("[data-nk-clear]")  # the next drawing tries again, and succeeds
    assert sheet_ids(page) == []
    assert CONNECTION not in sheet_status(page)


def test_sheet_works_offline_once_loaded(page, example_site):
    base, _ = example_site
    page.goto(base + "mijn-netwerk/#p=clb-dender,cgg-dender")
    assert len(sheet_ids(page)) == 2
    page.context.set_offline(True)
    page.click(".nk-sheet-entry[data-partner='clb-dender'] .nk-remove")
    assert sheet_ids(page, renders=2) == ["cgg-dender"]
    page.context.set_offline(False)


def test_eight_partners_print_on_two_a4_pages(page, example_site, tmp_path):
    import io
    import json

    from pypdf import PdfReader

    base, out = example_site
    data = json.loads((Path(out) / "mijn-netwerk" / "partners.json").read_text(encoding="utf-8"))["partners"]
    biggest = sorted(data, key=lambda k: -len(json.dumps(data[k], ensure_ascii=False)))[:8]  # the worst case
    page.goto(base + "mijn-netwerk/#p=" + ",".join(biggest))
    assert len(sheet_ids(page)) == 8
    pdf = page.pdf(format="A4")
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 2


def test_add_from_a_map_popup(page, example_site):
    base, _ = example_site
    page.goto(base + "partners/clb-dender/")
    count, frame = map_markers(page, "&p=clb-dender")
    frame.click(".leaflet-marker-icon >> nth=0")
    frame.click(".nk-popup-add")
    page.wait_for_function("(document.querySelector('.nk-basket') || {textContent: ''}).textContent.includes('(1)')")
    assert page.get_attribute(".nk-page h1 + .nk-pick-button", "aria-pressed") == "true"


def test_sheet_is_accessible(page, example_site):
    from axe_playwright_python.sync_playwright import Axe

    base, _ = example_site
    page.goto(base + "mijn-netwerk/#p=clb-dender,cgg-dender,huis-van-het-kind-zele")
    sheet_ids(page)
    bad = [(v["id"], v["impact"]) for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_sheet_map_shows_only_the_picked_partners(page, example_site, model):
    base, _ = example_site
    picked = ["clb-dender", "huis-van-het-kind-zele"]
    page.goto(base + "mijn-netwerk/#p=" + ",".join(picked))
    sheet_ids(page)
    count, _ = map_markers(page, "kaarten/kaart.html?d=mijn-netwerk")
    assert count == public_spots([model.partner(p) for p in picked])
    assert not [u for u in page.requests if "#" in u or any(p in u for p in picked)]


def test_search_puts_the_overview_page_first_and_ignores_buttons(page, example_site):
    """A municipality's or levensdomein's name lands on its own page first; the pick button's
    text is not search text (it was on every page)."""
    base, _ = example_site
    assert search(page, base, "Zele")[0].endswith("dender/gemeenten/zele/")
    # a family's need ("kinderopvang" is a word of a question): the partners that help first, the
    # levensdomein pages among the results
    assert any("/levensdomeinen/kinderopvang/" in h for h in search(page, base, "Kinderopvang"))
    page.goto(base + "zoeken/")
    page.fill("#nk-q", "toe aan mijn netwerk")
    page.press("#nk-q", "Enter")
    page.wait_for_function("document.querySelector('[data-nk-search-status]').textContent.length > 0")
    # With one index per region (search.py) Pagefind leaves out a word its region's index lacks
    # ("netwerk" is on no Dender page), so other words may still find a few pages ("toestemming",
    # "aanmelden"); never every partner page, as the button's text did.
    status = page.inner_text("[data-nk-search-status]")
    count = int(status.split()[0]) if status[0].isdigit() else 0
    assert count < len(list((Path(example_site[1]) / "partners").iterdir())) // 4, status


def test_tiles_only_for_the_final_view_and_without_referrer(page, example_site):
    """The background map is asked for once the map knows where it is (no tiles for a view that is
    thrown away), and the tile server gets no Referer."""
    base, _ = example_site
    tiles = []
    page.on("request", lambda r: tiles.append(r) if r.url.startswith(TILES) else None)
    page.goto(base + "kaarten/kaart.html?d=regio/dender")
    page.wait_for_selector(".folium-map[data-loaded]")
    page.wait_for_timeout(500)
    assert tiles
    zooms = {int(r.url[len(TILES):].split("/")[0]) for r in tiles}
    assert min(zooms) >= 10, zooms  # the region's zoom, not the whole of Flanders (8) or the world
    assert not any(r.headers.get("referer") for r in tiles)


def test_map_document_refuses_a_name_that_is_not_ours(page, example_site):
    """kaart.html?d= takes only our own map names: anything else fetches nothing and says so."""
    base, _ = example_site
    page.goto(base + "kaarten/kaart.html?d=../mijn-netwerk/partners")
    page.wait_for_selector(".nk-map-note >> text=Deze kaart bestaat niet")
    assert not [u for u in page.requests if u.endswith(".json")]


def test_coverage_page_table_and_shaded_map_with_legend(page, example_site, model):
    from generator.render.coverage import region_coverage

    base, _ = example_site
    coverage = region_coverage(model, model.region("dender"))
    page.goto(base + "dender/")
    page.click("text=Dekking: hoeveel partners")
    page.wait_for_url(re.compile(r".*/dender/dekking/$"))
    page.wait_for_selector("table.nk-coverage")  # instant navigation: the address changes before the page
    gaps = coverage.gaps()
    domain_gaps = page.locator("table.nk-coverage:not(.nk-coverage-q) td.nk-gap")  # (the questions' table has its own)
    assert domain_gaps.count() == len(gaps) > 0
    assert all(t.strip() == "hiaat" for t in domain_gaps.all_inner_texts())
    # the open map is the first levensdomein with a gap: every municipality shaded, a legend in words
    domain = next(d for d in coverage.domains if any(d == g[1] for g in gaps))
    url = f"kaarten/kaart.html?d=dekking/dender/{domain.id}"
    page.locator(f"details[open] iframe[src*='{domain.id}']").scroll_into_view_if_needed()
    page.wait_for_function(f"[...document.querySelectorAll('iframe')].some(f => f.contentDocument && "
                           f"f.contentDocument.location.href.includes({url!r}))")
    frame = next(f for f in page.frames if url in f.url)
    frame.wait_for_selector(".folium-map[data-coverage]")
    assert "hiaat" in frame.inner_text(".nk-legend") and "4 of meer" in frame.inner_text(".nk-legend")
    assert frame.locator("path.leaflet-interactive").count() == len(coverage.rows)
    orange = frame.locator("path.leaflet-interactive[fill='#e66101']")
    assert orange.count() == sum(1 for g in gaps if g[1] == domain)
    assert orange.first.get_attribute("stroke-dasharray") == "6 4"  # a gap is not told by colour alone


def test_agreement_line_for_a_member_and_not_for_a_non_member(page, example_site):
    base, _ = example_site
    line = "Deelt informatie binnen 1 Gezin 1 Plan Dender alleen met jouw toestemming"
    page.goto(base + "partners/caw-onthaal-dendermonde/")
    assert line in page.inner_text(".nk-agreement")
    page.goto(base + "partners/jac-dendermonde/")
    assert page.locator(".nk-agreement").count() == 0 and line not in page.inner_text("body")
    page.goto(base + "mijn-netwerk/#p=caw-onthaal-dendermonde,jac-dendermonde")
    page.wait_for_selector(".nk-sheet-entry[data-partner='jac-dendermonde']")
    member = page.inner_text(".nk-sheet-entry[data-partner='caw-onthaal-dendermonde']")
    other = page.inner_text(".nk-sheet-entry[data-partner='jac-dendermonde']")
    assert line in member and "Informatie delen" in member
    assert line not in other and "Informatie delen" not in other
    # the A-Z filter
    page.goto(base + "a-z/")
    page.select_option("#nk-f-afspraak", "ja")
    shown = page.eval_on_selector_all("li.nk-row:not([hidden])", "els => els.map(e => e.dataset.partner)")
    assert "caw-onthaal-dendermonde" in shown and "jac-dendermonde" not in shown
    assert all(page.get_attribute(f"li[data-partner='{p}']", "data-afspraak") == "ja" for p in shown)

