"""Issue 15 follow-up (lang2), in Chromium with the page clock set: "nu open" (nk-open.js) and the
wegwijzer's "Open" filter in the family's language on the family views; the care worker's pages
(the A-Z list, a partner page) stay Dutch, also with l= in their address."""

import re

import pytest

from generator.topics import i18n

pytestmark = pytest.mark.browser

TEXTS = i18n.catalogues()
MONDAY_10 = "2026-12-07T10:00:00+01:00"  # Monday 10:00 in Brussels
CHRISTMAS = "2026-12-25T10:00:00+01:00"  # a Friday, a public holiday
ZELE = "huis-van-het-kind-zele"          # Monday morning until 12:00
HAMME = "ontmoetingshuis-de-schakel-hamme"


def _text(locator):
    return re.sub(r"\s+", " ", locator.inner_text()).strip().replace("\u2066", "").replace("\u2069", "")


def _open_on_card(page, partner):
    return page.locator(f'.nk-ww-card[data-partner="{partner}"] .nk-open[data-nk-state]')


def _wegwijzer(page, base, lang, rest="waar=Zele&wat=ouders-ontmoeten"):
    page.goto(base + f"wegwijzer/#{rest}&l={lang}")
    page.wait_for_function("t => document.querySelector('h1').textContent === t", arg=TEXTS[lang]["ww.title"])
    page.wait_for_selector(".nk-ww-card .nk-open[data-nk-state]", state="attached")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_wegwijzer_cards_say_nu_open_in_the_family_language(example_site, page, lang):
    base, _ = example_site
    text = TEXTS[lang]
    page.clock.install(time=MONDAY_10)
    _wegwijzer(page, base, lang)
    zele = _open_on_card(page, ZELE)
    expected = "✓ " + text["open.open_until"].replace("{uur}", "12:00")
    page.wait_for_function("([sel, t]) => document.querySelector(sel).textContent.replace(/[\u2066\u2069]/g, '') === t",
                           arg=[f'.nk-ww-card[data-partner="{ZELE}"] .nk-open', expected])
    assert zele.get_attribute("lang") is None  # the family's language, from [data-nk-family]
    if lang == "ar":  # the time reads left to right inside the Arabic sentence
        assert "\u206612:00\u2069" in zele.inner_text()
    # De Schakel opens on Tuesday: "opent morgen om 10:00", in the family's language
    hamme = _text(_open_on_card(page, HAMME))
    assert hamme == "✕ " + text["open.closed"] + " · " + text["open.opens_tomorrow"].replace("{uur}", "10:00")
    # at 12:01 the Huis van het Kind has closed: the sentence follows the clock, still in that language;
    # Wednesday by name, from Intl in that language
    page.clock.run_for("02:01:00")
    wednesday = {"fr": "mercredi", "ar": "الأربعاء"}[lang]
    assert _text(zele) == "✕ " + text["open.closed"] + " · " + text["open.opens_day"].replace(
        "{dag}", wednesday).replace("{uur}", "09:00")
    assert zele.get_attribute("lang") is None
    assert page.errors == []


def test_a_holiday_name_stays_dutch_inside_the_translated_sentence(example_site, page):
    base, _ = example_site
    page.clock.install(time=CHRISTMAS)
    _wegwijzer(page, base, "fr", "waar=Dendermonde&wat=schulden")
    state = page.locator(".nk-ww-card .nk-open[data-nk-state='vandaag-gesloten']").first
    assert _text(state).startswith("✕ Fermé aujourd'hui (jour férié : Kerstmis) · ouvre lundi à ")
    assert state.get_attribute("lang") is None
    name = state.locator("[lang=nl]")
    assert name.inner_text() == "Kerstmis" and name.get_attribute("dir") == "ltr"
    assert page.errors == []


def test_choosing_a_language_says_nu_open_again_in_it(example_site, page):
    base, _ = example_site
    page.clock.install(time=MONDAY_10)
    page.goto(base + "wegwijzer/#waar=Zele&wat=ouders-ontmoeten")
    zele = _open_on_card(page, ZELE)
    zele.wait_for()
    assert _text(zele) == "✓ Nu open · sluit om 12:00" and zele.get_attribute("lang") is None
    page.select_option("[data-nk-taal] select", "en")
    page.wait_for_function("sel => document.querySelector(sel).textContent.includes('Open now')",
                           arg=f'.nk-ww-card[data-partner="{ZELE}"] .nk-open')
    assert _text(_open_on_card(page, ZELE)) == "✓ Open now · closes at 12:00"
    page.select_option("[data-nk-taal] select", "nl")
    page.wait_for_function("sel => document.querySelector(sel).textContent.includes('Nu open')",
                           arg=f'.nk-ww-card[data-partner="{ZELE}"] .nk-open')
    assert _open_on_card(page, ZELE).get_attribute("lang") is None
    assert page.errors == []


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_open_filter_in_the_family_language(example_site, page, lang):
    base, _ = example_site
    text = TEXTS[lang]
    page.clock.install(time=MONDAY_10)
    _wegwijzer(page, base, lang, "waar=Zele&wat=ouders-ontmoeten&open=nu")
    page.wait_for_selector('[data-nk-ww-result][data-nk-open-filter="nu"]', state="attached")
    assert _text(page.locator("fieldset.nk-ww-open legend")) == text["ww.open"]
    labels = [_text(page.locator(f"label[for=nk-ww-open-{v}]")) for v in ("alle", "nu", "vandaag")]
    assert labels == [text["ww.open_all"], text["ww.open_now"], text["ww.open_today"]]
    answer = page.locator('.nk-ww-answer[data-vraag="ouders-ontmoeten"] .nk-muted').first
    page.wait_for_function("([sel, t]) => document.querySelector(sel).textContent.endsWith(t)",
                           arg=['.nk-ww-answer[data-vraag="ouders-ontmoeten"] .nk-muted',
                                text["ww.open_now_count"].replace("{n}", "1").replace("{totaal}", "2")])
    status = text["ww.total_now"].replace("{n}", "1").replace("{m}", "1").replace("{plaats}", "Zele")
    assert _text(page.locator("[data-nk-ww-status]")) == status
    # at 12:01 nobody is open: the sentence and the hint to choose "Alle", in that language
    page.clock.run_for("02:01:00")
    assert _text(page.locator("[data-nk-ww-status]")) == text["ww.none_now"].replace("{plaats}", "Zele")
    assert _text(answer).endswith(text["ww.open_hint"])
    page.check("#nk-ww-open-vandaag")
    assert _text(page.locator("[data-nk-ww-status]")) == text["ww.total_today"].replace("{n}", "1").replace(
        "{m}", "1").replace("{plaats}", "Zele")
    assert page.errors == []


def test_sheet_closures_in_the_family_language_with_the_partner_reason_marked_dutch(example_site, page):
    """The sheet is read later, on paper: it gives no "nu open" but the closures of the next four weeks."""
    base, _ = example_site
    page.clock.install(time=MONDAY_10)
    page.goto(base + "mijn-netwerk/#p=huis-van-het-kind-zele&l=fr")
    page.wait_for_function("t => [...document.querySelectorAll('.nk-sheet dt')].some(e => e.textContent === t)",
                           arg=TEXTS["fr"]["sheet.call"])
    cell = page.locator(".nk-sheet dd", has_text="kerstweek").first
    assert "fermé 21 déc.–27 déc. (kerstweek)" in _text(cell)
    reason = cell.locator("[lang=nl]", has_text="kerstweek")
    assert reason.inner_text() == "kerstweek"
    assert page.errors == []


def test_care_worker_pages_stay_dutch(example_site, page):
    base, _ = example_site
    page.clock.install(time=MONDAY_10)
    page.goto(base + "a-z/#l=fr")
    row = f'li[data-partner="{ZELE}"] .nk-open'
    page.wait_for_selector(row + "[data-nk-state]")
    assert _text(page.locator(row)) == "✓ Nu open · sluit om 12:00"
    assert _text(page.locator('li[data-partner="rechtshulp-dender"] .nk-open')) == "◷ Op afspraak"
    assert not [u for u in page.requests if "/talen/" in u]  # no catalogue fetched for a care-worker page
    page.goto(base + f"partners/{ZELE}/#l=ar")
    state = page.locator(".nk-open[data-nk-state]").first
    state.wait_for()
    assert _text(state) == "✓ Nu open · sluit om 12:00"
    assert page.errors == []


@pytest.mark.parametrize("lang", ["fr", "uk"])
def test_wegwijzer_agreement_line_in_the_family_language(example_site, page, lang):
    """Gedeeld beroepsgeheim on a card: the sentence as on the sheet, and what it means, in that language
    (one full stop after a date that ends with one, as Ukrainian's "1 березня 2025 р.")."""
    base, _ = example_site
    page.clock.install(time=MONDAY_10)
    _wegwijzer(page, base, lang, "waar=Dendermonde&wat=schulden")
    card = page.locator('.nk-ww-card[data-partner="caw-onthaal-dendermonde"]')
    line = card.locator(".nk-agreement-line")
    date = {"fr": "1 mars 2025", "uk": "1 березня 2025 р."}[lang]
    expected = TEXTS[lang]["sheet.agreement"].replace("{regio}", "1 Gezin 1 Plan Dender").replace("{datum}", date)
    assert _text(line) == expected.replace("р..", "р.") and line.get_attribute("lang") is None
    explained = card.locator(".nk-agreement-explained")
    assert explained.text_content() == TEXTS[lang]["ww.agreement_explained"]
    assert explained.get_attribute("lang") is None
    assert page.errors == []
