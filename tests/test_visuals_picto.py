"""Issue 15, the visual side of the family's language, without a browser: the vendored pictograms and
their sprite, which pictogram each levensdomein and question gets, what the sheet and the wegwijzer
carry of them, and the self-hosted fonts (files, licences, unicode-range, nothing from elsewhere)."""

import json
import re
from pathlib import Path

from generator.topics import picto
from generator.render import sheet, wegwijzer
from generator.model import LifeDomain, build_site
from generator.validate.pipeline import validate_folder
from generator.topics.vragen import Question

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "generator" / "theme" / "assets" / "netwerkkaart"


def test_sprite_is_made_from_the_vendored_pictograms():
    assert (ASSETS / "picto" / "picto.svg").read_text(encoding="utf-8") == picto.sprite(), \
        "maak de sprite opnieuw: python -m generator.topics.picto"
    text = picto.sprite()
    for name in picto.names():
        assert f'<symbol id="{name}" viewBox="0 0 24 24">' in text
    assert "MIT" in text and "Tabler Icons 3.52.0" in text
    assert "MIT License" in (ASSETS / "picto" / "LICENSE").read_text(encoding="utf-8")
    assert len(text.encode()) < 40_000  # one shared file, a few KB over the wire


def test_every_default_pictogram_is_vendored_and_every_default_has_one():
    site = build_site(validate_folder(ROOT).project)
    for name in [*picto.DOMAINS.values(), *picto.QUESTIONS.values(), picto.FALLBACK]:
        assert picto.exists(name), name
    defaults = site.regions[0]
    assert {d.id for d in defaults.life_domains} >= set(picto.DOMAINS)
    standard = {q.id for q in site.regions[0].questions}
    assert set(picto.QUESTIONS) <= standard
    # the standard catalogue: every question has a pictogram of its own
    for region in site.regions:
        for q in region.questions:
            if q.id in standard and not q.picto:
                assert q.id in picto.QUESTIONS, q.id


def test_region_own_pictograms_and_fallbacks():
    digital = LifeDomain("digitaal", "Digitale hulp", "Hulp met computer.", "material/laptop")
    assert picto.for_domain(digital) == picto.FALLBACK
    chosen = LifeDomain("digitaal", "Digitale hulp", "Hulp met computer.", "material/laptop", picto="world")
    assert picto.for_domain(chosen) == "world"
    domains = {"digitaal": chosen}
    own = Question("computer", "Hulp met de computer.", ("digitaal",), ("computer",))
    assert picto.for_question(own, domains) == "world"  # its first levensdomein's
    assert picto.for_question(Question("computer", "x", ("digitaal",), ("pc",), picto="mail"), domains) == "mail"
    # a standard question keeps its own pictogram, also when a region writes it differently
    assert picto.for_question(Question("schulden", "Schulden.", ("digitaal",), ("schuld",)), domains) == "receipt-euro"
    # an unknown name (NK385 reports it) draws the default, never a broken reference
    assert picto.for_domain(LifeDomain("wonen", "Wonen", "x", "material/home", picto="bestaat-niet")) == "home"
    assert not picto.exists("../LICENSE") and not picto.exists("")


def test_svg_names_its_pictogram_by_the_label_or_hides_it():
    named = picto.svg("../assets/netwerkkaart/picto/picto.svg#home", label_id="nk-ww-d-wonen")
    assert 'role="img" aria-labelledby="nk-ww-d-wonen"' in named and "aria-hidden" not in named
    assert '<use xlink:href="../assets/netwerkkaart/picto/picto.svg#home">' in named
    assert " href=" not in named  # mkdocs-material's instant navigation cannot handle href on <use>
    hidden = picto.svg("picto.svg#home")
    assert 'aria-hidden="true"' in hidden and "role=" not in hidden


def test_sheet_and_wegwijzer_data_carry_the_pictogram_names_once():
    site = build_site(validate_folder(ROOT).project)
    data = sheet.sheet_data(site)
    for region in site.regions:
        contexts = data["regios"][region.id]["picto"]
        assert contexts == picto.contexts(region)
        assert {f"v-{q.id}" for q in region.questions} | {f"d-{d.id}" for d in region.life_domains} == set(contexts)
        assert all(picto.exists(n) for n in contexts.values())
        questions = wegwijzer.region_data(site, region.id)["vragen"]
        assert all(picto.exists(q["pi"]) for q in questions)
        # per question, not per partner: the cards carry no pictogram
        assert all("pi" not in p for p in wegwijzer.region_data(site, region.id)["partners"])


def test_pages_use_the_shared_sprite():
    from generator.render.pages import sheet_page, wegwijzer_page

    site = build_site(validate_folder(ROOT).project)
    page = wegwijzer_page(site).body
    sprite = "../assets/netwerkkaart/picto/picto.svg"
    assert f'data-picto="{sprite}"' in page
    assert page.count(f'<use xlink:href="{sprite}#') >= len(site.regions[0].questions)
    assert "<symbol" not in page  # the drawings are in the sprite, not in the page
    assert f'data-picto="{sprite}"' in sheet_page().body


def test_fonts_are_vendored_with_their_licence_and_loaded_by_unicode_range():
    css = (ASSETS / "netwerkkaart.css").read_text(encoding="utf-8")
    faces = re.findall(r"@font-face \{(.*?)\}", css, re.S)
    assert len(faces) == 8
    for face in faces:
        url = re.search(r'url\("([^"]+)"\)', face).group(1)
        assert not re.match(r"^[a-z]+:|^//", url), url  # from the site itself
        assert (ASSETS / url).is_file(), url
        assert "unicode-range:" in face and "font-display: swap" in face
    for name in ("OFL-noto-sans.txt", "OFL-noto-sans-arabic.txt"):
        assert "SIL Open Font License" in (ASSETS / "fonts" / name).read_text(encoding="utf-8")
    vendored = {p.name for p in (ASSETS / "fonts").glob("*.woff2")}
    assert vendored == {re.search(r'fonts/([^"]+)"', f).group(1) for f in faces}  # nothing unused
    assert sum((ASSETS / "fonts" / n).stat().st_size for n in vendored) < 300_000
    # only text marked in such a language asks for them: the page's own font stays the system's
    assert re.search(r":lang\(ar\)[^{]*\{\s*font-family: \"NK Noto Sans Arabic\"", css)
    assert "fonts.googleapis" not in css and "@import" not in css
    assert json.dumps(css).count("http") == 0


def test_docs_list_every_pictogram_to_choose_from():
    docs = (ROOT / "docs" / "redacteurs.md").read_text(encoding="utf-8")
    section = docs[docs.index("## Pictogrammen voor gezinnen"):]
    for name in picto.names():
        assert f"| `{name}` |" in section, name
