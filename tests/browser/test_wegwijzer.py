"""The wegwijzer in headless Chromium: stories from the example data, the sheet, privacy, accessibility."""

import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

DRAWN = "document.querySelector('[data-nk-ww-result]').getAttribute('data-rendered') !== null"


def wait_drawn(page, before=None):
    """Until the result was drawn again after ``before`` (its data-rendered counter)."""
    page.wait_for_function(
        "b => { const n = document.querySelector('[data-nk-ww-result]').getAttribute('data-rendered');"
        " return n !== null && n !== b && document.querySelector('[data-nk-ww-status]').textContent.length > 0; }",
        arg=before)


def counter(page):
    return page.get_attribute("[data-nk-ww-result]", "data-rendered")


def open_wegwijzer(page, base, fragment=""):
    page.goto(base + "wegwijzer/" + fragment)
    page.wait_for_load_state("networkidle")
    page.wait_for_function(DRAWN)


def choose_place(page, text):
    before = counter(page)
    page.fill("#nk-ww-waar", text)
    wait_drawn(page, before)


def ask(page, question):
    before = counter(page)
    page.click(f"button[data-vraag='{question}']:visible")
    wait_drawn(page, before)


def partners_for(page, question):
    return page.eval_on_selector_all(f"section.nk-ww-answer[data-vraag='{question}'] .nk-ww-card",
                                     "els => els.map(e => e.getAttribute('data-partner'))")


def test_debts_in_hamme(page, example_site):
    base, _ = example_site
    open_wegwijzer(page, base)
    ask(page, "schulden")  # in any order: the question first
    assert "waar het gezin woont" in page.inner_text("[data-nk-ww-status]")
    choose_place(page, "Hamme")
    found = partners_for(page, "schulden")
    assert found[:2] == ["sociaal-huis-hamme", "caw-onthaal-dendermonde"]  # the Sociaal Huis of Hamme first
    assert "sociaal-huis-dendermonde" not in found  # works in Dendermonde, not in Hamme
    card = page.locator(".nk-ww-card[data-partner='caw-onthaal-dendermonde']")
    assert card.locator("a[href^='tel:']").get_attribute("href") == "tel:+3278150420"
    assert "Gratis" in card.inner_text() and "Brede instap" in card.inner_text()
    assert page.locator("[data-nk-ww-route]").count() == 0  # one simple question: no 1G1P block
    assert re.search(r"#waar=Hamme&wat=schulden$", page.url)
    # in Berlare the Sociaal Huis with its address there comes before the region-wide CAW (brede instap)
    choose_place(page, "Berlare")
    assert partners_for(page, "schulden")[:2] == ["sociaal-huis-berlare", "caw-onthaal-dendermonde"]
    assert page.errors == []


def test_childcare_for_a_two_year_old_in_zoersel_by_postcode(page, example_site):
    base, _ = example_site
    open_wegwijzer(page, base)
    before = counter(page)
    page.fill("#nk-ww-leeftijd", "2")
    wait_drawn(page, before)
    choose_place(page, "2980")  # the postcode of Zoersel
    assert "Zoersel" in page.inner_text("[data-nk-ww-plaats]")
    ask(page, "opvang-baby")
    assert partners_for(page, "opvang-baby")[0] == "kinderopvang-kleine-kempenaar-zoersel"
    before = counter(page)
    page.fill("#nk-ww-leeftijd", "7")
    wait_drawn(page, before)
    assert "kinderopvang-kleine-kempenaar-zoersel" not in partners_for(page, "opvang-baby")


def test_two_questions_put_the_1g1p_route_first(page, example_site):
    base, _ = example_site
    open_wegwijzer(page, base, "#waar=Moerzeke&wat=schulden,opvoeding")
    page.wait_for_selector("[data-nk-ww-route]")
    first = page.eval_on_selector("[data-nk-ww-result] > *", "e => e.hasAttribute('data-nk-ww-route')")
    assert first
    route = page.locator("[data-nk-ww-route]")
    assert "1 Gezin 1 Plan Dender" in route.inner_text()
    assert route.locator("a[href^='tel:']").get_attribute("href") == "tel:+3252254110"
    assert "Hamme" in page.inner_text("[data-nk-ww-plaats]")  # Moerzeke is part of Hamme
    # one question again: the block goes
    ask(page, "opvoeding")
    assert page.locator("[data-nk-ww-route]").count() == 0


def test_a_question_without_partner_here_says_so(page, example_site):
    base, _ = example_site
    open_wegwijzer(page, base, "#waar=Berlare&wat=opvang-baby&leeftijd=1")
    page.wait_for_selector(".nk-ww-none")
    assert "In Berlare helpt niemand met deze vraag voor deze leeftijd." in page.inner_text(".nk-ww-none")
    assert page.locator("[data-nk-ww-route]").count() == 1


def test_put_on_the_family_sheet(page, example_site):
    base, _ = example_site
    open_wegwijzer(page, base, "#waar=Zoersel&wat=opvang-baby&leeftijd=2")
    button = page.locator(".nk-ww-card[data-partner='kinderopvang-kleine-kempenaar-zoersel'] .nk-ww-pick")
    assert button.inner_text() == "Zet op het blad van het gezin"
    box = button.bounding_box()
    assert box["height"] >= 44
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.inner_text(".nk-basket") == "Mijn netwerk (1)"
    page.click(".nk-basket")
    # the question it was picked for goes along, so the sheet groups the partner under it
    page.wait_for_url(re.compile(r".*/mijn-netwerk/#p=kinderopvang-kleine-kempenaar-zoersel:v-opvang-baby$"))
    page.wait_for_selector(".nk-sheet-entry")
    assert page.eval_on_selector_all(".nk-sheet-entry", "els => els.map(e => e.dataset.partner)") == [
        "kinderopvang-kleine-kempenaar-zoersel"]
    assert page.inner_text(".nk-sheet-group h2") == "We zoeken opvang voor onze baby of peuter."


def test_no_request_carries_the_choices(page, example_site):
    base, _ = example_site
    open_wegwijzer(page, base)
    choose_place(page, "Moerzeke")
    before = counter(page)
    page.fill("#nk-ww-leeftijd", "7, 13")
    wait_drawn(page, before)
    page.check("#nk-ww-jong")
    ask(page, "geweld")
    ask(page, "huur")
    page.wait_for_load_state("networkidle")
    assert "waar=Moerzeke" in page.url and "wat=geweld,huur" in page.url and "leeftijd=7,13" in page.url
    assert any("wegwijzer/regio-" in u for u in page.requests)
    for url in page.requests:
        parts = urlsplit(url)
        sent = (parts.netloc + parts.path + "?" + parts.query).lower()
        assert "#" not in url
        for value in ("moerzeke", "hamme", "geweld", "huur", "leeftijd", "waar=", "jong"):
            assert value not in sent, url
    # a small site: both regions' files are fetched, so not even the region shows in a request
    assert {u.rsplit("/", 1)[-1] for u in page.requests if "wegwijzer/regio-" in u} == {
        "regio-dender.json", "regio-voorkempen.json"}
    assert page.evaluate("sessionStorage.length + localStorage.length") == 0


def test_from_a_municipality_page_with_instant_navigation(page, example_site):
    base, _ = example_site
    page.goto(base + "dender/gemeenten/hamme/")
    page.click(".nk-ww-link a")
    page.wait_for_url(re.compile(r".*/wegwijzer/#waar=Hamme$"))
    page.wait_for_function("document.querySelector('#nk-ww-waar') && document.querySelector('#nk-ww-waar').value === 'Hamme'")
    page.wait_for_function(DRAWN)
    ask(page, "opvoeding")
    assert partners_for(page, "opvoeding")[0] == "huis-van-het-kind-hamme"
    # questions of another region are hidden for a place in Dender
    assert not page.locator("button[data-vraag='digitaal']").is_visible()
    assert page.errors == []


def test_phone_layout_keyboard_and_tap_targets(browser, example_site):
    base, _ = example_site
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto(base + "wegwijzer/#waar=Zele&wat=opvoeding,schulden&leeftijd=4")
    page.wait_for_selector(".nk-ww-card")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    small = page.evaluate("""() => [...document.querySelectorAll(
        '.nk-ww button:not([hidden]), .nk-ww input, .nk-ww-result button, .nk-ww-result a[href^="tel:"], .nk-ww-jump button:not([hidden])')]
        .filter(e => e.offsetParent !== null)
        .map(e => [e.id || e.textContent.trim().slice(0, 30), e.getBoundingClientRect()])
        .filter(([, r]) => r.height < 44 && !(r.width < 30 && r.height >= 20))
        .map(([n, r]) => n + ':' + Math.round(r.height))""")
    assert small == []
    # the question toggles work with the keyboard
    page.focus("button[data-vraag='huur']")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash.includes('huur')")
    assert page.get_attribute("button[data-vraag='huur']", "aria-pressed") == "true"
    # the bar below jumps to the answers and keeps the choices
    page.click("[data-nk-ww-jump]")
    page.wait_for_function("document.activeElement.id === 'nk-ww-resultaat'")
    assert page.locator("section.nk-ww-answer[data-vraag='huur']").is_visible()
    assert "waar=Zele" in page.url and page.input_value("#nk-ww-waar") == "Zele"
    page.screenshot(path="/tmp/wegwijzer-390.png", full_page=True)
    context.close()


def test_axe_on_the_wegwijzer(page, example_site):
    from axe_playwright_python.sync_playwright import Axe

    base, _ = example_site
    open_wegwijzer(page, base, "#waar=Hamme&wat=schulden,geweld&leeftijd=3")
    page.wait_for_selector(".nk-ww-card")
    results = Axe().run(page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_payloads_in_the_wegwijzer_execute_nothing(page, payload_site):
    base, _ = payload_site
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base + "wegwijzer/#waar=Zele&wat=aanval&leeftijd=3")
    page.wait_for_selector(".nk-ww-card[data-partner='aanval']")
    page.wait_for_load_state("networkidle")
    answer = page.locator("section.nk-ww-answer[data-vraag='aanval']")
    assert '<img src=x onerror="window.__xss=1">' in answer.locator("h3").inner_text()
    assert "</title><script>window.__xss=2</script>" in answer.inner_text()
    route = page.locator("[data-nk-ww-route]")  # complex: the route first, its texts as text
    route.locator("summary").click()
    assert "${window.__xss=4}" in route.inner_text()
    assert page.evaluate("window.__xss") is None
    assert page.locator(".nk-ww-result img, .nk-ww-result script, .nk-ww-result svg[onload]").count() == 0
    assert dialogs == [] and page.errors == []
