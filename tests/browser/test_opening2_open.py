""""Nu open" in the map popups and the "nu open"/"vandaag open" filter of the wegwijzer, in Chromium
with the page clock set (Playwright's clock API), on the example site."""

import re

import pytest
from conftest import partner_map

pytestmark = pytest.mark.browser

MONDAY_10 = "2026-12-07T10:00:00+01:00"  # Monday 10:00 in Brussels


def _text(locator):
    return re.sub(r"\s+", " ", locator.inner_text()).strip()


def _popup_state(page, marker):
    page.click(f".leaflet-marker-icon >> nth={marker}")
    state = page.locator(".nk-popup .nk-open[data-nk-state]").last  # the one before may still fade out
    state.wait_for()
    return _text(state)


def test_map_popup_shows_the_state_of_that_location_fetched_on_the_first_popup(example_site, page):
    base, _ = example_site
    page.clock.install(time=MONDAY_10)
    page.goto(partner_map(base, "caw-onthaal-dendermonde"))
    page.wait_for_selector(".folium-map[data-loaded]")
    assert page.get_attribute(".folium-map", "data-markers") == "2"
    # the map itself fetches neither the hours nor nk-open.js: only the first popup does
    assert not [u for u in page.requests if "/kaarten/uren/" in u or "nk-open.js" in u]
    # two locations with their own hours: Dendermonde (ma-vr mornings) and Zele (Tuesday afternoon)
    states = {_popup_state(page, 0), _popup_state(page, 1)}
    assert states == {"✓ Nu open · sluit om 12:30", "✕ Gesloten · opent morgen om 13:30"}
    assert [u for u in page.requests if "/kaarten/uren/" in u] == [base + "kaarten/uren/dender.json"]
    assert page.locator(".nk-popup .nk-open-icon[aria-hidden=true]").last.inner_text() in "✓✕"  # icon + words
    assert page.errors == []


def test_map_popup_state_follows_the_clock(example_site, page):
    base, _ = example_site
    page.clock.install(time=MONDAY_10)
    page.goto(partner_map(base, "huis-van-het-kind-zele"))
    page.wait_for_selector(".folium-map[data-loaded]")
    assert _popup_state(page, 0) == "✓ Nu open · sluit om 12:00"
    page.clock.run_for("02:01:00")  # 12:01: closed (nk-open.js renders again once a minute)
    assert _text(page.locator(".nk-popup .nk-open").last) == "✕ Gesloten · opent woensdag om 09:00"
    assert page.errors == []


def test_region_and_municipality_maps_name_their_hours(example_site, page):
    base, _ = example_site
    for name in ("regio/dender", "gemeente/dender/zele"):
        data = page.request.get(base + f"kaarten/{name}.json").json()
        assert data["uren"] == "uren/dender.json"
    hours = page.request.get(base + "kaarten/uren/dender.json").json()
    assert "huis-van-het-kind-zele" in hours["partners"]
    assert "caw-vluchthuis-dender" not in hours["partners"]  # only a confidential address: on no map


def _card(page, partner):
    return page.locator(f'.nk-ww-card[data-partner="{partner}"]')


def test_wegwijzer_open_filter(example_site, page):
    base, _ = example_site
    page.clock.install(time=MONDAY_10)
    # Zele, "ouders ontmoeten": the Huis van het Kind Zele (Monday morning) and De Schakel in Hamme
    # (Tuesday and Thursday); the choice "nu open" comes from the address, as the other choices do.
    page.goto(base + "wegwijzer/#waar=Zele&wat=ouders-ontmoeten&open=nu")
    page.wait_for_selector('[data-nk-ww-result][data-nk-open-filter="nu"] .nk-ww-card')
    assert page.is_checked("#nk-ww-open-nu")
    zele, hamme = _card(page, "huis-van-het-kind-zele"), _card(page, "ontmoetingshuis-de-schakel-hamme")
    assert zele.is_visible() and hamme.is_hidden()
    answer = page.locator('.nk-ww-answer[data-vraag="ouders-ontmoeten"] .nk-muted').first
    assert _text(answer).endswith("Nu open: 1 van 2.")
    assert _text(page.locator("[data-nk-ww-status]")) == "1 antwoord voor 1 vraag in Zele (nu open)."
    # at 12:01 the Huis van het Kind has closed: the filter follows the clock (once a minute)
    page.clock.run_for("02:01:00")
    assert zele.is_hidden() and hamme.is_hidden()
    assert "Nu open: 0 van 2." in _text(answer)
    assert _text(page.locator("[data-nk-ww-status]")) == "Geen partner nu open gevonden in Zele voor deze keuze."
    # "vandaag open": the Huis van het Kind opened today; the choice goes into the address
    page.check("#nk-ww-open-vandaag")
    assert zele.is_visible() and hamme.is_hidden()
    assert "open=vandaag" in page.evaluate("location.hash")
    page.check("#nk-ww-open-alle")
    assert zele.is_visible() and hamme.is_visible()
    assert "open=" not in page.evaluate("location.hash")
    assert _text(answer) == "2 partners helpen hiermee in Zele. De beste keuze staat bovenaan."
    assert not [u for u in page.requests if "open=" in u]  # the choice is never sent anywhere
    assert page.errors == []


def test_wegwijzer_open_filter_on_tuesday(example_site, page):
    base, _ = example_site
    page.clock.install(time="2026-12-08T10:30:00+01:00")  # Tuesday: De Schakel is open, the Huis van het Kind not
    page.goto(base + "wegwijzer/#waar=Zele&wat=ouders-ontmoeten&open=vandaag")
    page.wait_for_selector('[data-nk-ww-result][data-nk-open-filter="vandaag"] .nk-ww-card', state="attached")
    assert _card(page, "huis-van-het-kind-zele").is_hidden()
    assert _card(page, "ontmoetingshuis-de-schakel-hamme").is_visible()
    assert page.errors == []
