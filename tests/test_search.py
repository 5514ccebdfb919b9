"""Search by need and by place (search.py: the partner pages' Pagefind filters and the terms file
netwerkkaart.js reads a query with) and local contact points as partners (issue 12, items 3 and 5)."""

import json
import re

import pytest

from helpers import ROOT
from generator.render import search
from generator.topics import vragen
from generator.model import build_site
from generator.render.pages import home_page, municipality_page, partner_page, search_page
from generator.validate.pipeline import validate_folder


@pytest.fixture(scope="module")
def result():
    return validate_folder(ROOT)


@pytest.fixture(scope="module")
def site(result):
    assert not result.errors
    return build_site(result.project)


def municipality(site, name):
    return next(m for r in site.regions for m in r.municipalities if m.naam == name)


def filters(html):
    return set(re.findall(r'data-pagefind-filter="([^"]+)"', html))


# -- local contact points are partners ------------------------------------------------------

def test_every_local_contact_of_the_example_is_a_partner(site, result):
    contacts = [(m, c) for r in site.regions for m in r.municipalities for c in m.lokale_contacten]
    assert contacts
    for m, c in contacts:
        assert c.partner and site.partner(c.partner), (m.naam, c.naam)
    assert not [p for p in result.problems if p.code == "NK339"]


def test_municipality_page_shows_its_contact_points_as_partners(site):
    hamme = municipality(site, "Hamme")
    region = site.region(hamme.region)
    body = municipality_page(site, region, hamme).body
    section = body[body.index("Lokale aanspreekpunten"):]
    section = section[:section.index("</section>")]
    assert 'href="../../../partners/sociaal-huis-hamme/"' in section
    assert 'data-nk-toggle="sociaal-huis-hamme"' in section  # it can go on the family's sheet
    assert "052 47 55 20" in section  # the phone from the partner file


def test_schulden_in_hamme_finds_sociaal_huis_hamme(site):
    advice = vragen.find(site, municipality(site, "Hamme"), ["schulden"])
    assert advice.answers[0].partners[0].id == "sociaal-huis-hamme"


# -- search by need and by place ----------------------------------------------------------

def test_partner_page_carries_its_questions_and_places_as_filters(site):
    hamme = site.partner("sociaal-huis-hamme")
    html = partner_page(site, hamme, __import__("datetime").date(2026, 10, 1)).body
    found = filters(html)
    assert {"adres:42008", "plaats:42008"} <= found
    assert not [f for f in found if f.startswith("regio:")]
    asked = search.partner_questions(site, hamme)
    assert {"schulden", "huur"} <= set(asked)
    # hidden: the filters and metadata, and one search word per question, nothing else as search text
    tags = search.partner_tags(site, hamme)
    assert tags.startswith("<div hidden data-pagefind-ignore>") and tags.endswith("</p>")
    assert re.sub(r"<[^>]+>", "", tags).split() == [search.token("v", q) for q in asked]
    assert html.rstrip().endswith(tags + "\n</div>")  # last on the page: never in an excerpt


def test_tokens_are_fixed_length_words_no_text_contains(site):
    tokens = {search.token("v", q.id) for r in site.regions for q in r.questions}
    tokens |= {search.token("g", m.nis) for r in site.regions for m in r.municipalities}
    assert len({len(t) for t in tokens}) == 1 and all(re.fullmatch(r"nk[a-z]{11}x", t) for t in tokens)
    assert len(tokens) == len({q.id for r in site.regions for q in r.questions}) + sum(len(r.municipalities) for r in site.regions)


def test_region_wide_partner_is_found_by_its_region_not_every_place(site):
    wide = next(p for p in site.partners if p.hele_regio)
    found = filters(search.partner_tags(site, wide))
    assert f"regio:{wide.region}" in found
    assert not [f for f in found if f.startswith("plaats:")]


def test_partner_questions_follow_the_matching_of_vragen(site):
    for region in site.regions:
        for qid, partners in vragen.answered(site, region.id).items():
            for p in partners:
                assert qid in search.partner_questions(site, p)


def test_terms_name_every_place_and_question(site):
    terms = json.loads(search.terms_json(site))
    assert terms["plaatsen"]["hamme"] == ["42008"]
    assert terms["plaatsen"]["moerzeke"] == ["42008"]  # a deelgemeente
    assert terms["plaatsen"]["9220"] == ["42008"]  # a postcode
    assert terms["regios"]["42008"] == "dender"
    schulden = next(q for q in terms["vragen"] if q["id"] == "schulden")
    assert "geldproblemen" in schulden["w"] and schulden["v"] and schulden["t"] == search.token("v", "schulden")
    ids = {q.id for r in site.regions for q in r.questions}
    assert {q["id"] for q in terms["vragen"]} == ids


def test_municipality_page_is_first_for_its_place(site):
    hamme = municipality(site, "Hamme")
    body = municipality_page(site, site.region(hamme.region), hamme).body
    assert f"<p hidden>{search.token('g', '42008')}</p>" in body
    assert json.loads(search.terms_json(site))["pagina"]["42008"] == search.token("g", "42008")


def test_home_page_searches_in_place_and_both_show_more_results(site):
    home = home_page(site).body
    assert "data-nk-search" in home and "data-nk-lazy" in home and "data-nk-results" in home
    for body in (home, search_page().body):
        assert "data-nk-more" in body and "Meer resultaten" in body
