"""Search by need and by place in Chromium: a family's words ("geldproblemen", "ruzie thuis") find the
partners that help with that question, and a place in the query ("schulden Hamme", "opvang 9200")
puts the partners there first. Expected results come from the model (vragen.py's matching)."""

import pytest

from generator.render import search as search_module
from generator.model import build_site
from generator.load.refdata import fold
from generator.validate.pipeline import validate_folder

from test_site import DONE, ROOT, search

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def model():
    return build_site(validate_folder(ROOT).project)


def partner_ids(hrefs):
    return [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs if "/partners/" in h]


def questions_for(model, words):
    """The ids of the questions whose words are in ``words`` (as netwerkkaart.js reads a query)."""
    return {q.id for r in model.regions for q in r.questions if q.pattern.search(fold(words))}


def answering(model, qids):
    return {p.id for p in model.partners if set(search_module.partner_questions(model, p)) & qids}


@pytest.mark.parametrize("query, question", [("schulden", "schulden"), ("geldproblemen", "schulden"),
                                             ("huur niet betalen", "huur"), ("kinderopvang zoeken", "opvang-baby"),
                                             ("ruzie thuis", "geweld")])
def test_a_need_finds_the_partners_that_help(page, example_site, model, query, question):
    base, _ = example_site
    qids = questions_for(model, query)
    assert question in qids
    helping = answering(model, qids)
    assert helping
    hrefs = search(page, base, query)
    found = partner_ids(hrefs)
    # the partners that help come first, and all of them are found
    assert found[:len(helping)] and set(found[:len(helping)]) == helping, (query, found, helping)
    assert "Helpt met:" in page.inner_text("[data-nk-results] li >> nth=0")


def test_geldproblemen_is_found_only_through_the_question(page, example_site, model):
    """No partner writes "geldproblemen": without the question's words the search finds nothing."""
    assert not [p for p in model.partners if "geldproblemen" in fold(p.korte_beschrijving + " " + (p.beschrijving or ""))]
    assert partner_ids(search(page, example_site[0], "geldproblemen"))


@pytest.mark.parametrize("query, municipality", [("schulden Hamme", "Hamme"), ("opvang 9200", "Dendermonde"),
                                                 ("geldproblemen moerzeke", "Hamme")])
def test_a_place_puts_the_partners_there_first(page, example_site, model, query, municipality):
    base, _ = example_site
    m = next(m for r in model.regions for m in r.municipalities if m.naam == municipality)
    need = " ".join(w for w in query.split() if fold(w) not in {fold(m.naam), *m.postcodes}
                    and fold(w) not in {fold(n) for n, _ in m.deelgemeenten})
    helping = answering(model, questions_for(model, need))
    here = {p.id for p in model.partners if p.id in helping and any(l.public and l.nis == m.nis for l in p.locaties)}
    around = {p.id for p in model.partners if p.id in helping and p.region == m.region
              and (p.hele_regio or m.nis in p.werkgebied)} - here
    assert here, query
    found = partner_ids(search(page, base, query))
    assert set(found[:len(here)]) == here, (query, found, here)
    # then the partners that help and work there (not only text matches in between)
    assert around <= set(found), (query, found, around)
    elsewhere = [p for p in found if p in helping and p not in here | around]
    if elsewhere:
        assert max(found.index(p) for p in around) < found.index(elsewhere[0]) if around else True


def test_schulden_in_hamme_is_sociaal_huis_hamme(page, example_site):
    base, _ = example_site
    assert partner_ids(search(page, base, "schulden Hamme"))[0] == "sociaal-huis-hamme"


def test_more_results_button_shows_all(page, example_site):
    base, _ = example_site
    hrefs = search(page, base, "OCMW")
    total = int(page.inner_text("[data-nk-search-status]").split()[0])
    assert total > 20 and len(hrefs) == 20
    while page.is_visible("[data-nk-more]"):
        page.click("[data-nk-more]")
        page.wait_for_function(DONE)
    assert page.locator("[data-nk-results] li:not([hidden]) a").count() == total
    # the first new result has the focus (keyboard users continue where they were)
    assert page.evaluate("document.activeElement.closest('[data-nk-results]') !== null")


def test_partner_results_show_their_own_words(page, example_site, model):
    base, _ = example_site
    search(page, base, "schulden Hamme")
    first = page.inner_text("[data-nk-results] li >> nth=0")
    assert model.partner("sociaal-huis-hamme").korte_beschrijving in first
    for word in ("Voeg toe", "Bellen", "Hoe aanmelden", "Nagekeken"):
        assert word not in first
