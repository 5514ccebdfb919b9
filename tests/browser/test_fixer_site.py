"""Tester's findings in Chromium: place names isolated in right-to-left sentences, the sheet's 1 Gezin 1 Plan
heading after one complex question, no uncaught errors on the search page offline, and the floating
"Mijn netwerk" button covering no tap target (and not shown on the sheet itself)."""

import pytest

from test_offline_region import Site, offline, save_region
from test_site import sheet_ids

pytestmark = pytest.mark.browser

# Every tap target of the answers, scrolled into view as the browser does for keyboard focus; its centre and
# both ends must be the target itself (or inside it), not the floating button or anything else.
COVERED = """() => {
  const basket = document.querySelector('.nk-basket');
  if (!basket || basket.hidden) return ['no basket'];
  const covered = [];
  const targets = [...document.querySelectorAll(
    '.nk-ww-card a, .nk-ww-card button, .nk-ww-card summary, .nk-ww-route a, .nk-ww-route summary, [data-nk-ww-jump]')];
  for (const t of targets) {
    if (!t.getClientRects().length) continue;
    t.scrollIntoView({block: 'nearest', behavior: 'instant'});
    const r = t.getBoundingClientRect();
    for (const fx of [0.5, 0.1, 0.9]) {
      const hit = document.elementFromPoint(r.left + r.width * fx, r.top + r.height / 2);
      if (hit && !t.contains(hit)) covered.push(t.textContent.trim().slice(0, 40) + ' <- ' + hit.className);
    }
  }
  return covered;
}"""


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_floating_button_covers_no_tap_target_in_the_wegwijzer(browser, example_site, width, height):
    base, _ = example_site
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(base + "wegwijzer/#waar=Hamme&wat=schulden,geweld")
        page.wait_for_selector(".nk-ww-card button.nk-ww-pick:not([hidden])")
        assert page.locator(".nk-basket").is_visible()
        assert page.evaluate(COVERED) == []
    finally:
        context.close()


def test_no_floating_button_on_the_sheet_itself(page, example_site):
    base, _ = example_site
    page.goto(base + "mijn-netwerk/#p=clb-dender")
    sheet_ids(page)
    assert page.locator(".nk-basket").count() == 1 and not page.locator(".nk-basket").is_visible()
    page.goto(base + "partners/clb-dender/")  # elsewhere it is there
    assert page.locator(".nk-basket").is_visible()


def test_arabic_sentences_isolate_the_place_name(page, example_site):
    base, _ = example_site
    page.goto(base + "wegwijzer/#waar=Hamme&wat=schulden&l=ar")
    count = "section.nk-ww-answer p.nk-muted"
    page.wait_for_function("s => /[\\u0600-\\u06ff]/.test((document.querySelector(s) || {textContent: ''}).textContent)",
                           arg=count)
    for where in (count, "[data-nk-ww-status]", "[data-nk-ww-plaats]", ".nk-ww-card .nk-kind"):
        assert page.locator(f"{where} bdi", has_text="Hamme").count() >= 1, where
    assert page.evaluate(f"getComputedStyle(document.querySelector('{count} bdi')).unicodeBidi") in ("isolate", "plaintext")
    assert page.errors == []


def test_sheet_route_heading_fits_one_complex_question(page, example_site):
    base, _ = example_site
    page.goto(base + "mijn-netwerk/#p=caw-onthaal-dendermonde:v-geweld")
    sheet_ids(page)
    assert page.inner_text(".nk-sheet-route h2") == "Meer dan één hulpverlener nodig?"
    assert "Voor deze vraag is meestal meer dan één hulpverlener nodig." in page.inner_text(".nk-sheet-route")
    page.goto("about:blank")
    page.goto(base + "mijn-netwerk/#p=caw-onthaal-dendermonde:v-geweld,clb-dender:v-schulden")
    sheet_ids(page)
    assert page.inner_text(".nk-sheet-route h2") == "Meerdere vragen tegelijk?"
    assert page.errors == []


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    s = Site(tmp_path_factory.mktemp("fixer-offline"))
    s.build()
    s.start()
    yield s
    s.stop()


def test_search_offline_throws_no_uncaught_errors(browser, offline_site):
    site = offline_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        save_region(page, site)
        offline(context, site)
        errors.clear()
        page.goto(site.base + "zoeken/#q=Dendermonde")
        page.wait_for_selector("[data-nk-results] li:not([hidden]) a", timeout=15_000)
        # words whose index parts were not saved (other regions), then one that finds nothing
        for query in ("schulden Zoersel", "kinderopvang", "gezin", "xyzzy"):
            page.fill("form[data-nk-search] input", query)
            page.wait_for_function("q => document.querySelector('[data-nk-search-status]').textContent.includes(q)"
                                   " || document.querySelector('[data-nk-search-status]').textContent.includes('lukt nu niet')",
                                   arg=query, timeout=15_000)
            page.wait_for_timeout(500)
        assert "resultaten uit andere regio's ontbreken" in page.inner_text(".nk-offline-note")
        assert [e for e in errors if not e.startswith("Failed to load resource")] == []
    finally:
        context.close()
        if site.server is None:
            site.start()


def test_no_empty_floating_button_where_nothing_can_be_picked(browser, example_site):
    """The coverage page has no partner to pick: an empty "Mijn netwerk (0)" would only cover its headings
    on a phone. Once something is picked, the button is there on every page (but the sheet)."""
    base, _ = example_site
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(base + "dender/dekking/")
        page.wait_for_load_state("networkidle")
        assert page.locator(".nk-basket").count() == 1 and not page.locator(".nk-basket").is_visible()
        page.goto(base + "partners/clb-dender/")
        page.click("[data-nk-toggle]")
        page.goto(base + "dender/dekking/")
        page.wait_for_function("(document.querySelector('.nk-basket') || {textContent: ''}).textContent.includes('(1)')")
        assert page.locator(".nk-basket").is_visible()
    finally:
        context.close()
