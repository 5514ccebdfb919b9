"""Issue 15, the family's language (text), in Chromium: the family sheet and the wegwijzer in each of
the eight languages, Arabic right-to-left, names and numbers marked translate="no", partner text
marked Dutch, the printed sheet in that script on at most two A4 pages, the language only in the
fragment, and axe-core in every language."""

import io
import json
import re
from pathlib import Path

import pytest

from generator.topics import i18n
from test_site import sheet_ids

pytestmark = pytest.mark.browser

TEXTS = i18n.catalogues()
LANGS = list(i18n.LANGUAGES)
PICKED = "caw-onthaal-dendermonde:v-schulden,clb-dender,kinderdagverblijf-rupsje-buggenhout"
ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def open_sheet(page, base, lang, picked=PICKED):
    page.goto(base + f"mijn-netwerk/#p={picked}&l={lang}")
    ids = sheet_ids(page)
    if lang != "nl":  # drawn again once the language's texts are there
        page.wait_for_function("t => document.querySelector('h1').textContent === t", arg=TEXTS[lang]["sheet.title"])
        page.wait_for_function("t => [...document.querySelectorAll('.nk-sheet dt')].some(e => e.textContent === t)",
                               arg=TEXTS[lang]["sheet.call"])
    return ids


@pytest.mark.parametrize("lang", LANGS)
def test_sheet_in_each_language(page, example_site, lang):
    base, _ = example_site
    text = TEXTS[lang]
    assert len(open_sheet(page, base, lang)) == 3
    family = page.locator("[data-nk-family]")
    assert family.get_attribute("lang") == lang
    assert family.get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    assert page.inner_text("h1") == text["sheet.title"]
    labels = set(page.eval_on_selector_all(".nk-sheet dt", "els => els.map(e => e.textContent)"))
    assert {text["sheet.call"], text["sheet.signup"], text["sheet.address"]} <= labels
    assert page.inner_text("[data-nk-print]") == text["sheet.print"]
    caw = page.locator(".nk-sheet-entry[data-partner='caw-onthaal-dendermonde']")
    # grouped under the question it was picked for, in the family's language
    assert text["vraag.schulden"] in page.eval_on_selector_all(".nk-sheet-group h2", "els => els.map(e => e.textContent)")
    assert text["cost.gratis"] in caw.inner_text()
    # names, phone numbers, addresses and links are not for a browser's own translation
    assert caw.locator("h3 a").get_attribute("translate") == "no"
    for selector in ("a[href^='tel:']", ".nk-url"):
        assert set(page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('translate'))")) == {"no"}
        # and read left to right, also in Arabic ("052 47 55 20", not "20 55 47 052")
        assert set(page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('dir'))")) == {"ltr"}
    addresses = page.eval_on_selector_all(
        ".nk-sheet dd span[translate='no']", "els => els.map(e => e.textContent)")
    assert any("9200 Dendermonde" in a for a in addresses)
    # the partner's own words stay Dutch and say so, unless the partner gave a translation
    clb_kort = page.locator(".nk-sheet-entry[data-partner='clb-dender'] .nk-sheet-kort")
    assert clb_kort.get_attribute("lang") == ("nl" if lang != "nl" else None)
    caw_kort = caw.locator(".nk-sheet-kort")
    if lang in ("fr", "en", "ar"):
        assert caw_kort.get_attribute("lang") is None and "CAW" in caw_kort.inner_text()
        assert "Met elke vraag" not in caw_kort.inner_text()
    assert page.errors == []
    # the language stays in the address with the selection
    assert page.evaluate("location.hash").endswith("" if lang == "nl" else f"&l={lang}")


def test_switching_language_keeps_the_selection_and_sends_nothing(page, example_site):
    base, _ = example_site
    open_sheet(page, base, "nl")
    page.select_option("[data-nk-taal] select", "ar")
    page.wait_for_function("t => document.querySelector('h1').textContent === t", arg=TEXTS["ar"]["sheet.title"])
    page.wait_for_function("t => document.querySelector('.nk-sheet dt').textContent === t", arg=TEXTS["ar"]["sheet.call"])
    assert page.get_attribute("[data-nk-family]", "dir") == "rtl"
    assert "l=ar" in page.evaluate("location.hash") and "caw-onthaal-dendermonde" in page.evaluate("location.hash")
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)  # a shared link opens in the family's language
    page.wait_for_function("t => document.querySelector('h1').textContent === t", arg=TEXTS["ar"]["sheet.title"])
    assert len(sheet_ids(page)) == 3
    # the language travels in the fragment only: the one file per language is the same for everyone
    assert not [u for u in page.requests if "#" in u or "l=ar" in u or "caw-onthaal" in u]
    assert [u for u in page.requests if u.endswith("talen/ar.json")]
    page.select_option("[data-nk-taal] select", "nl")
    page.wait_for_function("document.querySelector('h1').textContent === 'Mijn netwerk'")
    assert "l=" not in page.evaluate("location.hash")
    assert page.get_attribute("[data-nk-family]", "dir") == "ltr"


@pytest.mark.parametrize("lang, script", [("ar", ARABIC), ("uk", CYRILLIC)])
def test_printed_sheet_in_another_script_fits_two_pages(page, example_site, lang, script):
    from pypdf import PdfReader

    base, out = example_site
    data = json.loads((Path(out) / "mijn-netwerk" / "partners.json").read_text(encoding="utf-8"))["partners"]
    biggest = sorted(data, key=lambda k: -len(json.dumps(data[k], ensure_ascii=False)))[:8]  # the worst case
    assert len(open_sheet(page, base, lang, ",".join(biggest))) == 8
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(pdf.pages) <= 2
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert len(script.findall(text)) > 200, text[:500]


def test_wegwijzer_in_turkish(page, example_site):
    base, _ = example_site
    text = TEXTS["tr"]
    page.goto(base + "wegwijzer/#waar=Hamme&wat=schulden&l=tr")
    page.wait_for_selector(".nk-ww-card")
    page.wait_for_function("t => document.querySelector('section.nk-ww-answer h3').textContent === t",
                           arg=text["vraag.schulden"])
    assert page.inner_text("h1") == text["ww.title"]
    assert page.get_attribute("[data-nk-family]", "lang") == "tr"
    assert page.inner_text("button[data-vraag='schulden'] span") == text["vraag.schulden"]
    assert page.get_attribute("#nk-ww-waar", "placeholder") == text["ww.where_placeholder"]
    card = page.locator(".nk-ww-card").first
    assert card.locator("h4 a").get_attribute("translate") == "no"
    assert text["ww.pick"] in card.inner_text()
    # choosing more keeps the language in the address, and nothing of it is sent
    page.click("button[data-vraag='huur']")
    page.wait_for_function("location.hash.includes('huur')")
    assert "l=tr" in page.evaluate("location.hash")
    page.wait_for_selector("[data-nk-ww-route]")
    assert text["ww.reason_many"] in page.inner_text("[data-nk-ww-route]")
    assert not [u for u in page.requests if "#" in u or "l=tr" in u or "schulden" in u]
    assert page.errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_axe_on_sheet_and_wegwijzer_in_every_language(page, example_site, lang):
    from axe_playwright_python.sync_playwright import Axe

    base, _ = example_site
    open_sheet(page, base, lang)
    page.wait_for_load_state("networkidle")
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in Axe().run(page).response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == [], "blad"
    page.goto(base + f"wegwijzer/#waar=Hamme&wat=schulden,geweld&leeftijd=3&l={lang}")
    page.wait_for_selector(".nk-ww-card")
    if lang != "nl":
        page.wait_for_function("t => document.querySelector('h1').textContent === t", arg=TEXTS[lang]["ww.title"])
    page.wait_for_load_state("networkidle")
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in Axe().run(page).response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == [], "wegwijzer"
