"""Issue 19's leftovers in headless Chromium: the coverage page's questions (vragen) on a phone and a wide
screen, axe on the page with everything open, and the agreement line on the wegwijzer's cards.

Screenshots of the coverage page land in $NK_SCREENSHOTS (when set) to look at by hand; the tests
themselves assert on the page, not on pixels."""

import os
from pathlib import Path

import pytest

from generator.render.coverage import region_coverage
from generator.model import build_site
from generator.validate.pipeline import validate_folder

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LINE = "Deelt informatie binnen 1 Gezin 1 Plan Dender alleen met jouw toestemming, volgens het afsprakenkader van"


@pytest.fixture(scope="module")
def coverage():
    site = build_site(validate_folder(ROOT).project)
    return region_coverage(site, site.region("dender"))


def _open_everything(page):
    page.eval_on_selector_all("details", "els => els.forEach(d => d.open = true)")


@pytest.mark.parametrize("width", [390, 1366])
def test_coverage_page_questions_fit_the_screen(page, example_site, coverage, width):
    base, _ = example_site
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base + "dender/dekking/")
    page.wait_for_load_state("networkidle")
    with_gaps = [(q, missing) for q, missing in coverage.question_gaps() if missing]
    assert with_gaps
    # the list of questions without help: every one of them, with its municipalities, in words
    items = page.locator(".nk-coverage-gaps li").all_inner_texts()
    assert len(items) == len(with_gaps)
    for text, (q, missing) in zip(items, with_gaps):
        assert q.vraag in text and "Hiaat in" in text and all(m.naam in text for m in missing)
    # the full table is folded away, and unfolds into a table with a cell per question and municipality
    table = page.locator("table.nk-coverage-q")
    assert not table.is_visible()
    page.click("details.nk-coverage-questions > summary")
    assert table.is_visible()
    assert table.locator("tbody tr").count() == len(coverage.questions)
    assert table.locator("td.nk-gap").count() == sum(len(m) for _, m in with_gaps)
    # the page itself never scrolls sideways; only the tables do, inside their own frame
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    if os.environ.get("NK_SCREENSHOTS"):
        page.screenshot(path=str(Path(os.environ["NK_SCREENSHOTS"]) / f"dekking-{width}.png"), full_page=True)
    assert page.errors == []


def test_axe_on_the_coverage_page_with_everything_open(page, example_site):
    from axe_playwright_python.sync_playwright import Axe

    base, _ = example_site
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(base + "dender/dekking/")
    page.wait_for_load_state("networkidle")
    _open_everything(page)
    results = Axe().run(page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_wegwijzer_card_says_the_agreement_for_a_member_only(page, example_site):
    base, _ = example_site
    page.goto(base + "wegwijzer/#waar=Hamme&wat=schulden")
    page.wait_for_load_state("networkidle")
    page.wait_for_selector("section.nk-ww-answer[data-vraag='schulden'] .nk-ww-card")
    member = page.locator(".nk-ww-card[data-partner='caw-onthaal-dendermonde']")
    other = page.locator(".nk-ww-card[data-partner='sociaal-huis-hamme']")
    assert LINE in member.locator(".nk-agreement-line").inner_text()
    assert "1 maart 2025" in member.inner_text()
    assert other.count() == 1 and other.locator(".nk-agreement-line").count() == 0
    assert LINE not in other.inner_text()
    # what it means, for the family, behind the card's status line
    member.locator("details.nk-status > summary").click()
    assert "als jij dat goed vindt" in member.locator("details.nk-status").inner_text()
    assert page.errors == []
