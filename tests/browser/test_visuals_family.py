"""Issue 15, the family's language, the visual side, in Chromium: a pictogram with a text alternative
for every levensdomein and question (wegwijzer and sheet), right-to-left layout mirrored on screen and
on paper, self-hosted fonts that carry Arabic and Ukrainian into the PDF, and nothing from another host.

The language itself (translations, the switch) is not this file's: the tests set ``lang`` and
``dir="rtl"`` on the family text themselves, with sample text in Arabic and Ukrainian."""

import io
import json
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator.topics import picto
from generator.model import build_site
from generator.validate.pipeline import validate_folder
from test_site import sheet_ids

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser

ARABIC = "شبكتي: من يساعد عائلتنا"  # "my network: who helps our family"
UKRAINIAN = "Моя мережа: ґ є і ї"
# On screen and in the PDF: Arabic letters (also as presentation forms) and Cyrillic ones.
ARABIC_RANGES = ((0x0600, 0x06FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


@pytest.fixture(scope="module")
def model():
    return build_site(validate_folder(ROOT).project)


def rtl(page, container=".nk-page"):
    """What "lang" does for Arabic: lang and dir on the family text, here with sample text in it."""
    page.evaluate("""([sel, ar, uk]) => {
        // the family text's own container (lang sets lang and dir there; nk-taal.js), else the page
        const box = document.querySelector('.nk-family[data-nk-family]') || document.querySelector(sel);
        box.setAttribute('lang', 'ar'); box.setAttribute('dir', 'rtl');
        document.querySelector('h1').textContent = ar;
        const p = document.createElement('p'); p.lang = 'uk'; p.textContent = uk; p.className = 'nk-test-uk';
        document.querySelector('h1').after(p);
    }""", [container, ARABIC, UKRAINIAN])
    page.evaluate("document.fonts.ready.then(() => true)")


def pictos(page, selector):
    """[(pictogram name, role, accessible name source text, rendered)] of the pictograms in ``selector``."""
    return page.eval_on_selector_all(selector, """els => els.map(svg => {
        const use = svg.querySelector('use');
        const label = svg.getAttribute('aria-labelledby');
        const named = label ? document.getElementById(label) : null;
        return [use.getAttribute('xlink:href').split('#')[1], svg.getAttribute('role') || svg.getAttribute('aria-hidden'),
                named ? named.textContent.trim() : null];
    })""")


def wait_pictos_drawn(page):
    """External <use> references draw once the sprite is loaded: every pictogram then has a size."""
    page.wait_for_function("""[...document.querySelectorAll('svg.nk-picto use')]
        .filter(u => u.getClientRects().length).every(u => u.getBBox().width > 0)""")


def test_visuals_every_levensdomein_and_question_has_a_named_pictogram_in_the_wegwijzer(page, example_site, model):
    base, out = example_site
    sprite = (Path(out) / picto.SPRITE).read_text(encoding="utf-8")
    page.goto(base + "wegwijzer/")
    page.wait_for_selector("[data-nk-ww-status]")
    groups = pictos(page, ".nk-ww-groepnaam svg.nk-picto")
    for region in model.regions:
        domains = {d.id: d for d in region.life_domains}
        used = {q.levensdomeinen[0] for q in region.questions}
        for d in used:  # each levensdomein with questions: its pictogram, named by the visible name
            name = picto.for_domain(domains[d])
            assert [name, "img", domains[d].naam] in groups, d
            assert page.get_by_role("img", name=domains[d].naam, exact=True).count() >= 1
            assert f'id="{name}"' in sprite
        for q in region.questions:  # each question's button: its pictogram beside its text (the button's name)
            button = page.locator(f"button[data-vraag='{q.id}']").first
            (name, role, _), = pictos(page, f"button[data-vraag='{q.id}'] svg.nk-picto")[:1]
            assert name == picto.for_question(q, domains) and role == "true", q.id
            assert f'id="{name}"' in sprite
            assert button.get_attribute("aria-pressed") is not None
    wait_pictos_drawn(page)
    # The answers: every question of a region, each heading with its pictogram named by the heading.
    dender = model.region("dender")
    domains = {d.id: d for d in dender.life_domains}
    page.goto("about:blank")  # a new load, not a change of the fragment
    page.goto(base + "wegwijzer/#waar=Hamme&wat=" + ",".join(q.id for q in dender.questions))
    page.wait_for_function(f"document.querySelectorAll('.nk-ww-answer').length === {len(dender.questions)}")
    answers = pictos(page, ".nk-ww-answer svg.nk-picto")
    assert answers == [[picto.for_question(q, domains), "img", q.vraag] for q in dender.questions]
    for q in dender.questions[:5]:
        assert page.get_by_role("img", name=q.vraag, exact=True).count() == 1
    wait_pictos_drawn(page)


def test_visuals_sheet_group_headings_have_named_pictograms(page, example_site, model):
    base, _ = example_site
    region = model.region("dender")
    expected = picto.contexts(region)
    picked = {"caw-onthaal-dendermonde": "v-schulden", "clb-dender": "d-onderwijs", "cgg-dender": "v-psychisch",
              "kinderdagverblijf-rupsje-buggenhout": None}
    page.goto(base + "mijn-netwerk/#p=" + ",".join(f"{k}:{v}" if v else k for k, v in picked.items()))
    sheet_ids(page)
    rupsje = model.partner("kinderdagverblijf-rupsje-buggenhout")
    names = {d.id: d.naam for d in region.life_domains}
    questions = {q.id: q.vraag for q in region.questions}
    assert pictos(page, ".nk-sheet-group svg.nk-picto") == [
        [expected["v-schulden"], "img", questions["schulden"]],
        [expected["d-onderwijs"], "img", names["onderwijs"]],
        [expected["v-psychisch"], "img", questions["psychisch"]],
        [expected["d-" + rupsje.levensdomeinen[0]], "img", names[rupsje.levensdomeinen[0]]],
    ]
    # the heading's own name stays its text (the pictogram is beside it, not in it)
    assert page.get_by_role("heading", name=questions["schulden"], exact=True).count() == 1
    assert page.get_by_role("img", name=questions["schulden"], exact=True).count() == 1
    wait_pictos_drawn(page)


def boxes(page, picto_selector, label_selector):
    return page.evaluate("""([a, b]) => [a, b].map(s => { const r = document.querySelector(s).getBoundingClientRect();
        return [r.left, r.right]; })""", [picto_selector, label_selector])


@pytest.mark.parametrize("where", ["sheet", "wegwijzer"])
def test_visuals_right_to_left_mirrors_the_layout(browser, example_site, tmp_path, where):
    base, _ = example_site
    url = ("mijn-netwerk/#p=caw-onthaal-dendermonde:v-schulden,clb-dender:d-onderwijs" if where == "sheet"
           else "wegwijzer/#waar=Hamme&wat=schulden")
    head = ".nk-sheet-group .nk-picto-head" if where == "sheet" else ".nk-ww-answer .nk-picto-head"
    seen = {}
    for direction in ("ltr", "rtl"):
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(base + url)
        page.wait_for_selector(head)
        if direction == "rtl":
            rtl(page)
        pairs = [boxes(page, head + " .nk-picto", head + " > :last-child")]
        if where == "wegwijzer":  # the levensdomein's name above its questions
            pairs.append(boxes(page, ".nk-ww-groepnaam .nk-picto", ".nk-ww-groepnaam span"))
        seen[direction] = pairs
        # no sideways scrolling either way
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.screenshot(path=str(tmp_path / f"{where}-{direction}.png"))  # looked at while writing this test
        page.close()
    for (pl, pr), (ll, lr) in seen["ltr"]:
        assert pr <= ll  # left to right: the pictogram first, on the left of its label
    for (pl, pr), (ll, lr) in seen["rtl"]:
        assert lr <= pl  # right to left: the pictogram first, on the right of its label


def test_visuals_qr_code_changes_sides_and_phone_numbers_stay_left_to_right(browser, example_site):
    base, _ = example_site
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto(base + "mijn-netwerk/#p=caw-onthaal-dendermonde")
    sheet_ids(page)
    page.wait_for_selector(".nk-sheet-entry .nk-qr")

    def qr_side():
        return page.evaluate("""() => { const e = document.querySelector('.nk-sheet-entry').getBoundingClientRect();
            const q = document.querySelector('.nk-sheet-entry .nk-qr').getBoundingClientRect();
            return q.left + q.width / 2 > e.left + e.width / 2 ? 'right' : 'left'; }""")

    assert qr_side() == "right"
    rtl(page)
    assert qr_side() == "left"
    styles = page.eval_on_selector_all(".nk-sheet-entry .nk-tel, .nk-sheet-entry .nk-ltr",
                                       "els => els.map(e => getComputedStyle(e).direction)")
    assert styles and set(styles) == {"ltr"}
    page.close()


def pdf_fonts_and_text(pdf_bytes):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf_bytes))
    fonts = {str(f.get_object()["/BaseFont"]) for p in reader.pages
             for f in (p["/Resources"].get_object().get("/Font") or {}).values()}
    return reader, fonts, " ".join(p.extract_text() for p in reader.pages)


def test_visuals_arabic_and_ukrainian_print_with_embedded_fonts_on_two_pages(page, example_site):
    base, out = example_site
    data = json.loads((Path(out) / "mijn-netwerk" / "partners.json").read_text(encoding="utf-8"))["partners"]
    biggest = sorted(data, key=lambda k: -len(json.dumps(data[k], ensure_ascii=False)))[:8]  # the worst case
    contexts = ["v-schulden", "d-wonen", "v-psychisch", "d-onderwijs", "v-opvang-baby", "", "v-papieren", "d-vrije-tijd"]
    # the sheet in Arabic as a family gets it (the language switch: l=ar), with Ukrainian sample text beside
    page.goto(base + "mijn-netwerk/#p=" + ",".join(f"{p}:{c}" if c else p for p, c in zip(biggest, contexts)) + "&l=ar")
    assert len(sheet_ids(page)) == 8
    page.wait_for_selector(".nk-family[dir=rtl]")
    page.wait_for_function("() => /[\u0600-\u06ff]/.test(document.querySelector('.nk-sheet dt').textContent)")
    page.evaluate("""uk => {
        const p = document.createElement('p'); p.lang = 'uk'; p.className = 'nk-test-uk';
        p.append(uk + ' ');
        // Noto Sans itself (the system's Liberation Sans has Cyrillic too, so the page would not need it here)
        const s = document.createElement('span'); s.style.fontFamily = '"NK Noto Sans"'; s.textContent = 'ґ є і ї ş ł ș';
        p.append(s);
        document.querySelector('.nk-family h1, h1').after(p);
    }""", UKRAINIAN)
    page.evaluate("document.fonts.ready.then(() => true)")
    reader, fonts, text = pdf_fonts_and_text(page.pdf(format="A4"))
    assert len(reader.pages) <= 2
    assert any("NotoSansArabic" in f for f in fonts), fonts
    assert any("+NotoSans-" in f for f in fonts), fonts
    assert any(lo <= ord(c) <= hi for c in text for lo, hi in ARABIC_RANGES), text[:300]
    assert all(c in text for c in "ґєії"), text[:300]


def test_visuals_fonts_only_when_needed_and_nothing_from_another_host(browser, example_site):
    from axe_playwright_python.sync_playwright import Axe

    base, _ = example_site
    host = urlparse(base).netloc
    for url in ("mijn-netwerk/#p=caw-onthaal-dendermonde:v-schulden,clb-dender:d-onderwijs",
                "wegwijzer/#waar=Hamme&wat=schulden,opvang-baby"):
        page = browser.new_page(viewport={"width": 390, "height": 844})
        requests = []
        page.on("request", lambda r: requests.append((r.resource_type, r.url)))
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
        assert not [u for t, u in requests if t == "font"], url  # a Dutch page downloads no font
        rtl(page)
        # Noto Sans for the letters a system font lacks: here asked for directly (Liberation Sans has them)
        assert page.evaluate("document.fonts.load('16px \"NK Noto Sans\"', 'ґєії').then(f => f.length)") >= 1
        page.wait_for_load_state("networkidle")
        fonts = [u for t, u in requests if t == "font"]
        assert any("noto-sans-arabic-arabic" in u for u in fonts) and any("noto-sans-cyrillic" in u for u in fonts), fonts
        assert all(urlparse(u).netloc == host and "/assets/netwerkkaart/fonts/" in u for u in fonts), fonts
        # the site's own files only (the map's background tiles are the one exception, and not on these)
        others = [u for t, u in requests if t != "image" and urlparse(u).scheme in ("http", "https")
                  and urlparse(u).netloc != host]
        assert others == [], others
        bad = [(v["id"], v["impact"]) for v in Axe().run(page).response["violations"]
               if v["impact"] in ("serious", "critical")]
        assert bad == [], (url, bad)
        page.close()


def test_visuals_pictograms_survive_instant_navigation(page, example_site):
    """mkdocs-material's instant navigation rewrites every [href] of the page it brings in; the
    pictograms (xlink:href) come along and still draw, on the wegwijzer and then on the sheet."""
    base, _ = example_site
    page.goto(base + "dender/gemeenten/hamme/")
    page.click(".nk-ww-link a")
    page.wait_for_url("**/wegwijzer/#waar=Hamme")
    page.wait_for_selector(".nk-ww-groepnaam svg.nk-picto")
    page.click("button[data-vraag='schulden']")
    page.wait_for_selector(".nk-ww-answer .nk-picto-head")
    wait_pictos_drawn(page)
    page.click(".nk-ww-answer [data-nk-ww-pick]")
    page.click(".nk-basket")
    page.wait_for_url("**/mijn-netwerk/**")
    sheet_ids(page)
    wait_pictos_drawn(page)
    assert page.locator(".nk-sheet-group svg.nk-picto[role='img']").count() == 1
    assert page.errors == []
