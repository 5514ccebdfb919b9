"""Issue 12, items 6-8 in Chromium: the family sheet carries what the family needs (on screen and
on paper), and the site-wide defects found by the trial stay fixed (sideways scrolling, skip link,
Dutch everywhere, focus, tap targets, the A-Z with nothing found)."""

import datetime
import io
from pathlib import Path

import pytest

from generator.model import build_site
from generator.render.pages import dutch_date
from generator.validate.pipeline import validate_folder
from test_site import PAGE_TYPES, sheet_ids

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser

ALL_TYPES = dict(PAGE_TYPES, wegwijzer="wegwijzer/#waar=Hamme&wat=schulden,opvang-baby",
                 blad="mijn-netwerk/#p=caw-onthaal-dendermonde:v-schulden,clb-dender",
                 niet_gevonden="404.html")  # what a web server sends for an unknown address (the tests' server does not)


@pytest.fixture(scope="module")
def model():
    return build_site(validate_folder(ROOT).project)


def e164(number):
    import phonenumbers
    return phonenumbers.format_number(phonenumbers.parse(number, "BE"), phonenumbers.PhoneNumberFormat.E164)


def test_sheet_carries_what_the_family_needs(page, example_site, model):
    from pypdf import PdfReader

    base, _ = example_site
    picked = {"caw-onthaal-dendermonde": "v-schulden", "clb-dender": "d-onderwijs",
              "kinderdagverblijf-rupsje-buggenhout": None}
    page.goto(base + "mijn-netwerk/#p=" + ",".join(f"{k}:{v}" if v else k for k, v in picked.items()))
    assert sorted(sheet_ids(page)) == sorted(picked)
    region = model.region("dender")
    # grouped by what each was picked for: the question, the levensdomein page, else the first levensdomein
    rupsje = model.partner("kinderdagverblijf-rupsje-buggenhout")
    names = {d.id: d.naam for d in region.life_domains}
    question = next(q.vraag for q in region.questions if q.id == "schulden")
    headings = page.eval_on_selector_all(".nk-sheet-group h2", "els => els.map(e => e.textContent)")
    assert headings == [question, names["onderwijs"], names[rupsje.levensdomeinen[0]]]
    for pid in picked:
        p = model.partner(pid)
        entry = page.locator(f".nk-sheet-entry[data-partner='{pid}']")
        phone = p.aanmelden.telefoon or p.contact.telefoon
        assert entry.locator(f"a[href='tel:{e164(phone)}']").inner_text() == phone  # tap to call
        meta = entry.locator(".nk-sheet-meta").inner_text()
        assert ("Beroepsgeheim: ja" if p.beroepsgeheim else "Beroepsgeheim: nee") in meta
        assert f"Nagekeken op {dutch_date(p.nagekeken_datum)}" in meta
        if p.aanmelden.formulier:
            assert entry.locator(f"a[href='{p.aanmelden.formulier}']").count() == 1
    assert "Beroepsgeheim: nee" in page.inner_text(".nk-sheet-entry[data-partner='kinderdagverblijf-rupsje-buggenhout']")
    # the region's 1 Gezin 1 Plan route, the site's address and today's date
    route = page.locator(".nk-sheet-route")
    assert route.locator(f"a[href='tel:{e164(region.aanmelden.telefoon)}']").count() == 1
    host = base.split("//")[1].rstrip("/")
    today = dutch_date(datetime.date.today().isoformat())
    source = page.inner_text("[data-nk-sheet-source]")
    assert host in source and f"afgedrukt op {today}" in source
    # ... and the same on paper, with the phone numbers still links in the PDF
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(p.extract_text() for p in pdf.pages).replace("\n", " ")
    for words in ("Beroepsgeheim: ja", "Beroepsgeheim: nee", host, f"afgedrukt op {today}", question,
                  f"Nagekeken op {dutch_date(rupsje.nagekeken_datum)}"):
        assert words in text, words
    links = [a.get_object()["/A"].get("/URI") for p in pdf.pages for a in p.get("/Annots") or []]
    assert f"tel:{e164(rupsje.contact.telefoon)}" in links


def test_print_body_is_at_least_eleven_points(page, example_site):
    base, _ = example_site
    page.goto(base + "mijn-netwerk/#p=clb-dender,cgg-dender")
    sheet_ids(page)
    page.emulate_media(media="print")
    sizes = page.eval_on_selector_all(".nk-sheet-entry dd, .nk-sheet-entry dt, .nk-sheet-route p",
                                      "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 11 * 96 / 72 - 0.01  # 11 pt in CSS pixels


def test_contexts_are_checked_and_old_links_still_work(page, example_site, model):
    """id:context entries: an unknown question or levensdomein falls back to the first levensdomein,
    a context that is not ours is dropped, plain ids keep working, the caps still hold."""
    base, _ = example_site
    page.goto(base + "mijn-netwerk/#p=clb-dender:v-bestaat-niet,cgg-dender:__proto__,constructor:d-welzijn,"
              "huis-van-het-kind-zele")
    assert sheet_ids(page) == ["clb-dender", "cgg-dender", "huis-van-het-kind-zele"]
    assert page.evaluate("sessionStorage.getItem('nk-mijn-netwerk')") == (
        "clb-dender:v-bestaat-niet,cgg-dender,constructor:d-welzijn,huis-van-het-kind-zele")
    names = {d.id: d.naam for d in model.region("dender").life_domains}
    headings = page.eval_on_selector_all(".nk-sheet-group h2", "els => els.map(e => e.textContent)")
    assert headings[0] == names[model.partner("clb-dender").levensdomeinen[0]]
    assert "constructor" in page.inner_text(".nk-sheet-missing")
    page.goto("about:blank")  # a new load of the sheet, not a change of its fragment
    page.goto(base + "mijn-netwerk/#p=" + ",".join([f"clb-dender:v-{'x' * 5000}"] + ["cgg-dender:d-welzijn"] * 1000))
    assert sheet_ids(page) == ["clb-dender", "cgg-dender"]


def test_empty_sheet_shows_no_map_box(page, example_site):
    base, _ = example_site
    page.goto(base + "mijn-netwerk/")
    sheet_ids(page)
    assert not page.locator("[data-nk-sheet-map]").is_visible()
    assert page.locator("[data-nk-sheet-map]").bounding_box() is None


@pytest.mark.parametrize("name", ALL_TYPES)
def test_no_sideways_scrolling_on_a_phone(browser, example_site, name):
    base, _ = example_site
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + ALL_TYPES[name])
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


# Controls a finger must hit: buttons, fields, summaries, chips, the basket, and links that stand alone
# (a link inside a sentence keeps the line's height); a checkbox counts with its label.
SMALL_TARGETS = """() => [...document.querySelectorAll('a[href], button, input, select, summary')].filter(el => {
  const box = ((el.type === 'checkbox' || el.type === 'radio') && el.closest('label') ? el.closest('label') : el).getBoundingClientRect();
  if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') return false;
  if (el.closest('.md-sidebar, .md-header, .md-tabs, .md-footer, pre, .md-typeset .headerlink')) return false;
  const inSentence = el.tagName === 'A' && [...el.parentElement.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  return !inSentence && box.height < 44;
}).map(el => el.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("name", ALL_TYPES)
def test_tap_targets_are_at_least_44_px(browser, example_site, name):
    base, _ = example_site
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + ALL_TYPES[name])
    page.wait_for_load_state("networkidle")
    if name == "blad":
        sheet_ids(page)
    assert page.evaluate(SMALL_TARGETS) == []
    basket = page.locator(".nk-basket")
    assert float(basket.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 14
    context.close()


def test_skip_link_then_my_network_first_in_tab_order(page, example_site):
    base, _ = example_site
    page.goto(base + "dender/gemeenten/hamme/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Ga naar de inhoud"
    assert page.locator(".nk-skip").is_visible()  # visible once it has the focus
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('nk-basket')")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "nk-inhoud"
    page.keyboard.press("Tab")  # the next stop is in the page's own content
    assert page.evaluate("!!document.activeElement.closest('.md-content')")


def test_focus_is_visible_on_every_control(page, example_site):
    base, _ = example_site
    for url, selector in (("a-z/", "#nk-f-leeftijd"), ("mijn-netwerk/", "[data-nk-remember]"),
                          ("wegwijzer/", "#nk-ww-leeftijd"), ("dender/gemeenten/hamme/", "details.nk-domain summary"),
                          ("partners/clb-dender/", ".nk-status summary")):
        page.goto(base + url)
        page.locator(selector).first.focus()
        style = page.locator(selector).first.evaluate(
            "e => [getComputedStyle(e).outlineStyle, parseFloat(getComputedStyle(e).outlineWidth)]")
        assert style[0] != "none" and style[1] >= 2, (url, selector, style)


def test_no_english_left(page, example_site):
    base, out = example_site
    english = ("Made with", 'aria-label="Header"', 'aria-label="Tabs"', 'aria-label="Footer"', "404 - Not found")
    for html in Path(out).rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not [w for w in english if w in text], html
    page.goto(base + "kaarten/kaart.html?d=regio/dender")
    page.wait_for_selector(".folium-map[data-loaded]")
    labels = page.eval_on_selector_all(".leaflet-control a", "els => els.map(e => [e.title, e.getAttribute('aria-label')])")
    words = {w for pair in labels for w in pair if w}
    assert {"Inzoomen", "Uitzoomen", "Kaartlagen kiezen"} <= words
    assert not words & {"Zoom in", "Zoom out", "Layers"}


def test_404_page_is_dutch_with_a_way_home(page, example_site):
    base, _ = example_site
    page.goto(base + "404.html")  # what the web server sends for any unknown address
    assert page.inner_text("h1") == "Deze pagina bestaat niet"
    page.click("text=Naar de startpagina")
    page.wait_for_url(base)
    page.wait_for_selector("#nk-home-q")  # instant navigation: the address changes before the content


def test_a_to_z_filters_secrecy_and_says_when_nothing_matches(page, example_site, model):
    base, _ = example_site
    page.goto(base + "a-z/")
    page.select_option("#nk-f-geheim", "nee")
    assert page.inner_text("[data-nk-count]") == str(sum(p.beroepsgeheim is False for p in model.partners))
    page.select_option("#nk-f-brede", "ja")
    page.fill("#nk-f-leeftijd", "119")
    page.select_option("#nk-f-kost", "betalend")
    assert page.inner_text("[data-nk-count]") == "0"
    assert page.locator("[data-nk-none]").is_visible()
    page.click("[data-nk-reset]")
    assert page.inner_text("[data-nk-count]") == str(len(model.partners))
    assert not page.locator("[data-nk-none]").is_visible()


def test_phone_numbers_never_break(page, example_site):
    base, _ = example_site
    for url in ("dender/", "dender/gemeenten/dendermonde/", "partners/clb-dender/"):
        page.goto(base + url)
        assert set(page.eval_on_selector_all("a[href^='tel:']", "els => els.map(e => getComputedStyle(e).whiteSpace)")) == {"nowrap"}


def test_new_pieces_are_accessible(page, example_site):
    from axe_playwright_python.sync_playwright import Axe

    base, _ = example_site
    for url in ("404.html", "mijn-netwerk/#p=caw-onthaal-dendermonde:v-schulden,clb-dender:d-onderwijs"):
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
        bad = [(v["id"], v["impact"]) for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
        assert bad == [], url
    page.goto(base + "a-z/")
    page.fill("#nk-f-leeftijd", "119")
    page.select_option("#nk-f-kost", "betalend")
    page.select_option("#nk-f-brede", "ja")
    bad = [(v["id"], v["impact"]) for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_wegwijzer_cards_say_both_states(page, example_site, model):
    base, _ = example_site
    page.goto(base + "wegwijzer/#waar=Hamme&wat=schulden")
    card = page.locator(".nk-ww-card[data-partner='caw-onthaal-dendermonde']")
    card.wait_for()
    partner = model.partner("caw-onthaal-dendermonde")
    words = {True: "ja", False: "nee", None: "niet ingevuld"}
    assert card.locator("details.nk-status summary").inner_text() == (
        f"Beroepsgeheim: {words[partner.beroepsgeheim]} · Brede instap: {words[partner.brede_instap]}")
    card.locator("details.nk-status summary").click()  # the explanation opens on tap
    assert card.locator("details.nk-status p").is_visible()
