""""Nu open" (theme/assets/netwerkkaart/nk-open.js), in Chromium with the clock set by the test.

The table runs the module on an empty page whose browser lives in New York: the state must be
computed in Belgian time all the same (daylight saving included). The holidays are the ones the
build computes (hours.public_holidays). Then the real example site, with Playwright's clock API.
"""

import json
import re
from pathlib import Path

import pytest

from generator.topics import hours
from generator import PACKAGE_DIR

pytestmark = pytest.mark.browser

MODULE = (PACKAGE_DIR / "theme" / "assets" / "netwerkkaart" / "nk-open.js").read_text(encoding="utf-8")

OFFICE = {"openingsuren": [{"dagen": ["ma", "di", "wo", "do", "vr"], "van": "09:00", "tot": "12:30"},
                           {"dagen": ["ma", "di", "do"], "van": "13:30", "tot": "17:00"}]}
OFFICE_HOLIDAYS = {**OFFICE, "open_op_feestdagen": True}
NIGHT = {"openingsuren": [{"dagen": ["ma", "zo"], "van": "22:00", "tot": "03:00"}], "open_op_feestdagen": True}
SATURDAY_NIGHT = {"openingsuren": [{"dagen": ["za"], "van": "22:00", "tot": "03:00"}], "open_op_feestdagen": True}
SUNDAY = {"openingsuren": [{"dagen": ["zo"], "van": "09:00", "tot": "12:00"}], "open_op_feestdagen": True}
SUNDAY_NO_HOLIDAYS = {"openingsuren": [{"dagen": ["zo"], "van": "09:00", "tot": "12:00"}]}
CHRISTMAS = {**OFFICE, "gesloten": [{"van": "2026-12-21", "tot": "2026-12-27", "reden": "kerstweek"}]}
SUMMER = {"openingsuren": OFFICE["openingsuren"] + [
    {"dagen": ["ma", "di", "do", "vr"], "van": "09:00", "tot": "12:00", "geldig_van": "07-01", "geldig_tot": "08-31"},
    {"dagen": ["wo"], "gesloten": True, "geldig_van": "07-01", "geldig_tot": "08-31"}]}
WINTER = {"openingsuren": [{"dagen": ["za"], "van": "10:00", "tot": "12:00"},
                           {"dagen": ["za"], "van": "14:00", "tot": "16:00", "geldig_van": "12-15", "geldig_tot": "01-15"}]}
ONCE = {"openingsuren": [{"dagen": ["ma"], "van": "09:00", "tot": "12:00", "geldig_van": "2026-12-07",
                          "geldig_tot": "2026-12-13"}]}
APPOINTMENT = {"op_afspraak": True, "openingsuren": [{"dagen": ["di"], "van": "09:00", "tot": "12:00"}]}
ALWAYS = {"dag_en_nacht": True}
MIDNIGHT = {"openingsuren": [{"dagen": ["ma"], "van": "20:00", "tot": "24:00"},
                             {"dagen": ["di"], "van": "00:00", "tot": "06:00"}], "open_op_feestdagen": True}

# (what, hours, instant in UTC, state code, text). Belgium: UTC+1 in winter, UTC+2 in summer;
# summer time 2026-03-29 to 2026-10-25 and 2027-03-28 to 2027-10-31 (both Sundays, at 01:00 UTC).
CASES = [
    ("weekday morning", OFFICE, "2026-11-30T09:00Z", "open", "Nu open · sluit om 12:30"),
    ("at opening time", OFFICE, "2026-11-30T08:00Z", "open", "Nu open · sluit om 12:30"),
    ("a minute before opening", OFFICE, "2026-11-30T07:59Z", "gesloten", "Gesloten · opent om 09:00"),
    ("at closing time", OFFICE, "2026-11-30T11:30Z", "gesloten", "Gesloten · opent om 13:30"),
    ("between two ranges", OFFICE, "2026-11-30T11:45Z", "gesloten", "Gesloten · opent om 13:30"),
    ("second range", OFFICE, "2026-12-03T15:59Z", "open", "Nu open · sluit om 17:00"),
    ("after the last range", OFFICE, "2026-11-30T16:00Z", "gesloten", "Gesloten · opent morgen om 09:00"),
    ("wednesday afternoon", OFFICE, "2026-12-02T13:00Z", "gesloten", "Gesloten · opent morgen om 09:00"),
    ("friday afternoon", OFFICE, "2026-12-04T12:00Z", "gesloten", "Gesloten · opent maandag om 09:00"),
    ("saturday", OFFICE, "2026-12-05T09:00Z", "gesloten", "Gesloten · opent maandag om 09:00"),
    ("sunday late", OFFICE, "2026-12-06T22:59Z", "gesloten", "Gesloten · opent morgen om 09:00"),
    # past midnight, on the last (Sunday) and first (Monday) day of the week
    ("sunday night", NIGHT, "2026-12-06T22:00Z", "open", "Nu open · sluit om 03:00"),
    ("sunday night into monday", NIGHT, "2026-12-07T01:30Z", "open", "Nu open · sluit om 03:00"),
    ("monday after the sunday night", NIGHT, "2026-12-07T02:00Z", "gesloten", "Gesloten · opent om 22:00"),
    ("monday night", NIGHT, "2026-12-07T22:30Z", "open", "Nu open · sluit om 03:00"),
    ("monday night into tuesday", NIGHT, "2026-12-08T00:00Z", "open", "Nu open · sluit om 03:00"),
    ("tuesday morning", NIGHT, "2026-12-08T03:00Z", "gesloten", "Gesloten · opent zondag om 22:00"),
    ("saturday evening", NIGHT, "2026-12-05T20:59Z", "gesloten", "Gesloten · opent morgen om 22:00"),
    ("midnight joined", MIDNIGHT, "2026-12-07T20:00Z", "open", "Nu open · sluit om 06:00"),
    # daylight saving 2026: 29 March (01:00 UTC = 02:00 -> 03:00) and 25 October (01:00 UTC = 03:00 -> 02:00)
    ("spring 2026, 01:30 winter time", SATURDAY_NIGHT, "2026-03-29T00:30Z", "open", "Nu open · sluit om 03:00"),
    ("spring 2026, 01:59 winter time", SATURDAY_NIGHT, "2026-03-29T00:59Z", "open", "Nu open · sluit om 03:00"),
    ("spring 2026, 03:00 summer time", SATURDAY_NIGHT, "2026-03-29T01:00Z", "gesloten", "Gesloten · opent zaterdag om 22:00"),
    ("spring 2026, sunday 09:30 summer time", SUNDAY, "2026-03-29T07:30Z", "open", "Nu open · sluit om 12:00"),
    ("autumn 2026, first 02:30", SATURDAY_NIGHT, "2026-10-25T00:30Z", "open", "Nu open · sluit om 03:00"),
    ("autumn 2026, second 02:59", SATURDAY_NIGHT, "2026-10-25T01:59Z", "open", "Nu open · sluit om 03:00"),
    ("autumn 2026, 03:00 winter time", SATURDAY_NIGHT, "2026-10-25T02:00Z", "gesloten", "Gesloten · opent zaterdag om 22:00"),
    ("autumn 2026, sunday 11:59 winter time", SUNDAY, "2026-10-25T10:59Z", "open", "Nu open · sluit om 12:00"),
    # daylight saving 2027: 28 March (Easter Sunday) and 31 October
    ("spring 2027, 01:45 winter time", SATURDAY_NIGHT, "2027-03-28T00:45Z", "open", "Nu open · sluit om 03:00"),
    ("spring 2027, 03:00 summer time", SATURDAY_NIGHT, "2027-03-28T01:00Z", "gesloten", "Gesloten · opent zaterdag om 22:00"),
    ("spring 2027, easter sunday open on holidays", SUNDAY, "2027-03-28T07:05Z", "open", "Nu open · sluit om 12:00"),
    ("spring 2027, easter sunday closed", SUNDAY_NO_HOLIDAYS, "2027-03-28T07:05Z", "vandaag-gesloten",
     "Vandaag gesloten (feestdag: Pasen) · opent op zondag 4 april om 09:00"),
    ("autumn 2027, second 02:30", SATURDAY_NIGHT, "2027-10-31T01:30Z", "open", "Nu open · sluit om 03:00"),
    ("autumn 2027, sunday 11:59 winter time", SUNDAY, "2027-10-31T10:59Z", "open", "Nu open · sluit om 12:00"),
    # public holidays
    ("21 July 2026", OFFICE, "2026-07-21T08:00Z", "vandaag-gesloten",
     "Vandaag gesloten (feestdag: Nationale feestdag) · opent morgen om 09:00"),
    ("21 July 2026, open on holidays", OFFICE_HOLIDAYS, "2026-07-21T08:00Z", "open", "Nu open · sluit om 12:30"),
    ("the day before 21 July", OFFICE, "2026-07-20T15:30Z", "gesloten", "Gesloten · opent woensdag om 09:00"),
    ("easter monday 2026", OFFICE, "2026-04-06T08:00Z", "vandaag-gesloten",
     "Vandaag gesloten (feestdag: Paasmaandag) · opent morgen om 09:00"),
    ("easter monday 2027", OFFICE, "2027-03-29T08:00Z", "vandaag-gesloten",
     "Vandaag gesloten (feestdag: Paasmaandag) · opent morgen om 09:00"),
    ("21 July 2027", OFFICE, "2027-07-21T08:00Z", "vandaag-gesloten",
     "Vandaag gesloten (feestdag: Nationale feestdag) · opent morgen om 09:00"),
    # closures
    ("first day of the christmas week", CHRISTMAS, "2026-12-21T09:00Z", "vandaag-gesloten",
     "Vandaag gesloten (kerstweek) · opent op maandag 28 december om 09:00"),
    ("last day of the christmas week", CHRISTMAS, "2026-12-27T09:00Z", "vandaag-gesloten",
     "Vandaag gesloten (kerstweek) · opent morgen om 09:00"),
    ("before the christmas week", CHRISTMAS, "2026-12-18T12:00Z", "gesloten",
     "Gesloten · opent op maandag 28 december om 09:00"),
    ("after the christmas week", CHRISTMAS, "2026-12-28T08:30Z", "open", "Nu open · sluit om 12:30"),
    # seasons, at their edges
    ("the day before summer", SUMMER, "2026-06-30T12:00Z", "open", "Nu open · sluit om 17:00"),
    ("first summer day, closed wednesday", SUMMER, "2026-07-01T08:00Z", "gesloten", "Gesloten · opent morgen om 09:00"),
    ("summer afternoon", SUMMER, "2026-07-02T12:00Z", "gesloten", "Gesloten · opent morgen om 09:00"),
    ("summer morning", SUMMER, "2026-07-02T09:00Z", "open", "Nu open · sluit om 12:00"),
    ("last summer day", SUMMER, "2026-08-31T09:59Z", "open", "Nu open · sluit om 12:00"),
    ("last summer day, afternoon", SUMMER, "2026-08-31T10:30Z", "gesloten", "Gesloten · opent morgen om 09:00"),
    ("first day after summer", SUMMER, "2026-09-01T10:15Z", "open", "Nu open · sluit om 12:30"),
    ("season over new year", WINTER, "2027-01-09T13:30Z", "open", "Nu open · sluit om 16:00"),
    ("after the season over new year", WINTER, "2027-01-16T13:30Z", "gesloten", "Gesloten · opent op zaterdag 23 januari om 10:00"),
    ("one-time period", ONCE, "2026-12-07T09:00Z", "open", "Nu open · sluit om 12:00"),
    ("after the one-time period", ONCE, "2026-12-14T09:00Z", "gesloten", "Gesloten"),
    # by appointment, day and night, nothing known
    ("by appointment", APPOINTMENT, "2026-12-01T09:00Z", "afspraak", "Op afspraak"),
    ("day and night, christmas night", ALWAYS, "2026-12-25T02:00Z", "altijd", "Dag en nacht bereikbaar"),
    ("day and night, dst", ALWAYS, "2027-03-28T01:30Z", "altijd", "Dag en nacht bereikbaar"),
    ("no hours", {}, "2026-12-01T09:00Z", "onbekend", "Geen uren gekend"),
    ("only closures", {"gesloten": CHRISTMAS["gesloten"]}, "2026-12-01T09:00Z", "onbekend", "Geen uren gekend"),
]


@pytest.fixture(scope="module")
def module_page(browser):
    context = browser.new_context(timezone_id="America/New_York", locale="en-US")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.clock.set_fixed_time("2026-11-30T09:00:00Z")
    page.set_content("<!doctype html><html lang='nl'><body></body></html>")
    page.add_script_tag(content="window.NKOpenFeestdagen = " + json.dumps(hours.public_holidays(2026)) + ";")
    page.add_script_tag(content=MODULE)
    yield page
    assert errors == []
    context.close()


def test_the_table_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("what,hours_data,instant,code,text", CASES, ids=[c[0] for c in CASES])
def test_state(module_page, what, hours_data, instant, code, text):
    module_page.clock.set_fixed_time(instant.replace("Z", ":00Z"))
    state = module_page.evaluate("h => NKOpen.state(h)", hours_data)
    assert (state["code"], state["text"]) == (code, text)
    assert state["open"] == (code in ("open", "altijd"))


def test_open_today(module_page):
    module_page.clock.set_fixed_time("2026-12-02T13:00:00Z")  # Wednesday 14:00: open this morning
    assert module_page.evaluate("h => NKOpen.state(h).today", OFFICE) is True
    module_page.clock.set_fixed_time("2026-12-05T09:00:00Z")  # Saturday
    assert module_page.evaluate("h => NKOpen.state(h).today", OFFICE) is False


def test_closures_of_the_next_four_weeks(module_page):
    module_page.clock.set_fixed_time("2026-12-14T09:00:00Z")
    assert module_page.evaluate("h => NKOpen.closures(h)", CHRISTMAS) == [
        {"van": "2026-12-21", "tot": "2026-12-27", "reden": "kerstweek"},
        {"van": "2027-01-01", "tot": "2027-01-01", "reden": "feestdag: Nieuwjaar"}]
    assert module_page.evaluate("h => NKOpen.closures(h)", ALWAYS) == []


def test_render_is_icon_and_text(module_page):
    module_page.clock.set_fixed_time("2026-11-30T09:00:00Z")
    html = module_page.evaluate("""h => { var p = document.createElement('p'); NKOpen.render(p, h);
        return [p.getAttribute('data-nk-state'), p.querySelector('[aria-hidden=true]').textContent, p.textContent]; }""",
                                OFFICE)
    assert html == ["open", "\u2713", "\u2713 Nu open · sluit om 12:30"]


# -- the example site, with the page clock set -------------------------------------------------------

def _state(page, selector):
    return re.sub(r"\s+", " ", page.locator(selector).first.inner_text()).strip()


def test_a_to_z_state_and_filters(example_site, page):
    base, _ = example_site
    page.clock.install(time="2026-12-07T10:00:00+01:00")  # Monday 10:00 in Brussels
    page.goto(base + "a-z/")
    row = 'li[data-partner="huis-van-het-kind-zele"] .nk-open'
    page.wait_for_selector(row + "[data-nk-state]")
    assert _state(page, row) == "✓ Nu open · sluit om 12:00"
    assert _state(page, 'li[data-partner="rechtshulp-dender"] .nk-open') == "◷ Op afspraak"
    assert _state(page, 'li[data-partner="caw-vluchthuis-dender"] .nk-open') == "∞ Dag en nacht bereikbaar"
    total = page.locator("li.nk-row").count()
    page.select_option("#nk-f-open", "nu")
    shown = page.locator("li.nk-row:not([hidden])")
    names = {shown.nth(i).get_attribute("data-partner") for i in range(shown.count())}
    assert "huis-van-het-kind-zele" in names and "caw-vluchthuis-dender" in names
    assert "rechtshulp-dender" not in names and len(names) < total
    assert page.locator("[data-nk-count]").inner_text() == str(len(names))
    # the list follows the clock: at 12:01 the Huis van het Kind Zele has closed (updated once a minute)
    page.clock.run_for("02:01:00")
    assert _state(page, row) == "✕ Gesloten · opent woensdag om 09:00"
    assert page.locator('li[data-partner="huis-van-het-kind-zele"]').is_hidden()
    page.select_option("#nk-f-open", "vandaag")
    assert page.locator('li[data-partner="huis-van-het-kind-zele"]').is_visible()
    assert page.errors == []


def test_partner_page_past_midnight_line(example_site, page):
    base, _ = example_site
    page.clock.install(time="2026-12-05T01:00:00+01:00")  # Saturday 01:00: the Friday night line is still open
    page.goto(base + "partners/caw-vluchthuis-dender/")
    lines = page.locator(".nk-line .nk-open")
    page.wait_for_selector(".nk-line .nk-open[data-nk-state]")
    def state(i):
        return re.sub(r"\s+", " ", lines.nth(i).inner_text()).strip()
    assert state(0) == "∞ Dag en nacht bereikbaar"
    assert state(1) == "✓ Nu open · sluit om 02:00"
    page.clock.run_for("01:01:00")  # 02:01
    assert state(1) == "✕ Gesloten · opent om 20:00"
    assert page.errors == []


def test_partner_page_christmas_week(example_site, page):
    base, _ = example_site
    page.clock.install(time="2026-12-23T10:00:00+01:00")
    page.goto(base + "partners/huis-van-het-kind-zele/")
    page.wait_for_selector(".nk-location .nk-open[data-nk-state]")
    assert _state(page, ".nk-location .nk-open") == "✕ Vandaag gesloten (kerstweek) · opent maandag om 09:00"
    assert "21 december 2026 tot en met 27 december 2026: kerstweek" in page.locator(".nk-location").inner_text()
    assert page.errors == []


def test_sheet_shows_hours_in_words_and_the_closures_of_the_next_four_weeks(example_site, page):
    base, _ = example_site
    page.clock.install(time="2026-12-14T10:00:00+01:00")
    page.goto(base + "mijn-netwerk/#p=huis-van-het-kind-zele")
    page.wait_for_selector('.nk-sheet-entry[data-partner="huis-van-het-kind-zele"] dd')
    text = page.locator('.nk-sheet-entry[data-partner="huis-van-het-kind-zele"]').inner_text()
    assert "ma, wo 09:00–12:00" in text
    assert "gesloten 21 dec–27 dec (kerstweek)" in text
    assert "Nu open" not in text and "Gesloten ·" not in text  # paper is read later
    assert page.errors == []


def test_wegwijzer_cards_show_the_state(example_site, page):
    base, _ = example_site
    page.clock.install(time="2026-12-07T10:00:00+01:00")  # Monday 10:00 in Brussels
    page.goto(base + "wegwijzer/#waar=Zele&wat=ouders-ontmoeten")
    card = '.nk-ww-card[data-partner="huis-van-het-kind-zele"] .nk-open'
    page.wait_for_selector(card + "[data-nk-state]")
    assert _state(page, card) == "✓ Nu open · sluit om 12:00"
    page.clock.run_for("02:01:00")  # the card follows the clock, as the A-Z list does
    assert _state(page, card) == "✕ Gesloten · opent woensdag om 09:00"
    assert page.errors == []
