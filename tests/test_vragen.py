"""The vragen catalogue (loading, region overrides, partner references) and the wegwijzer's matching
and ranking in Python (vragen.find), which wegwijzer.js follows in the browser."""

import json
import shutil
from dataclasses import replace

import pytest

from helpers import CASES, ROOT, TODAY
from generator.topics import vragen
from generator.render import wegwijzer
from generator.model import Audience, Signup, build_site
from generator.render.pages import home_page, municipality_page, region_page, wegwijzer_page
from generator.validate.pipeline import validate_folder


@pytest.fixture(scope="module")
def site():
    result = validate_folder(ROOT)
    assert not result.errors
    return build_site(result.project)


def municipality(site, name):
    return next(m for r in site.regions for m in r.municipalities if m.naam == name)


def ids(partners):
    return [p.id for p in partners]


# -- the catalogue ------------------------------------------------------------------------

def test_default_catalogue_is_valid_and_covers_every_levensdomein():
    record, problems = vragen.default_record()
    assert problems == () and record.schema_ok
    items = record.doc.data["vragen"]
    assert len(items) >= 30
    assert len({q["id"] for q in items}) == len(items)
    domains = {d["id"] for d in json.loads(json.dumps(
        __import__("yaml").safe_load((ROOT / "generator/data/levensdomeinen.yml").read_text("utf-8"))))["levensdomeinen"]}
    covered = {d for q in items for d in q["levensdomeinen"]}
    assert domains <= covered, domains - covered
    assert all(len(q["woorden"]) >= 3 for q in items)


def test_a_region_adds_and_replaces_questions(site):
    dender, voorkempen = site.region("dender"), site.region("voorkempen")
    assert "digitaal" in {q.id for q in voorkempen.questions} and "digitaal" not in {q.id for q in dender.questions}
    vervoer_v = next(q for q in voorkempen.questions if q.id == "vervoer")
    vervoer_d = next(q for q in dender.questions if q.id == "vervoer")
    assert "fietsbieb" in vervoer_v.woorden and "fietsbieb" not in vervoer_d.woorden
    # a replaced question keeps its place in the list; a new one comes last
    assert [q.id for q in voorkempen.questions][:-1] == [q.id for q in dender.questions]
    assert voorkempen.questions[-1].id == "digitaal"


def test_every_question_reaches_a_partner_in_each_example_region(site):
    for region in site.regions:
        helping = vragen.answered(site, region.id)
        assert [q for q, partners in helping.items() if not partners] == [], region.id


def test_answered_is_answers_for_every_partner_and_question(site):
    """vragen.answered makes each partner's text once; it must say what answers() says, pair by pair
    (partners with their own list of vragen, and partners matched on levensdomein and words)."""
    pairs = 0
    for region in site.regions:
        helping = vragen.answered(site, region.id)
        partners = site.partners_of(region.id)
        assert any(p.vragen for p in partners) and any(not p.vragen for p in partners)
        for q in region.questions:
            assert helping[q.id] == tuple(p for p in partners if vragen.answers(p, q)), (region.id, q.id)
            pairs += len(partners)
    assert pairs > 100


def test_unknown_question_and_duplicate_are_reported_with_position(tmp_path):
    shutil.copytree(CASES / "_basis", tmp_path, dirs_exist_ok=True)
    shutil.copytree(CASES / "NK330-onbekende-vraag" / "invoer", tmp_path, dirs_exist_ok=True)
    result = validate_folder(tmp_path, today=TODAY)
    [found] = [p for p in result.problems if p.code == "NK330"]
    assert (found.file, found.line, found.column) == ("partners/dender/huis-van-het-kind-zele.yml", 8, 5)
    assert "Bedoel je 'opvoeding'?" in found.message


def test_a_region_question_with_the_id_of_a_default_one_replaces_it_without_error(tmp_path):
    shutil.copytree(CASES / "_basis", tmp_path, dirs_exist_ok=True)
    (tmp_path / "regions/dender/vragen.yml").write_text(
        "vragen:\n  - id: schulden\n    vraag: We hebben schulden.\n    levensdomeinen: [inkomen]\n"
        "    woorden: [schulden]\n", encoding="utf-8")
    result = validate_folder(tmp_path, today=TODAY)
    assert result.problems == ()
    region = build_site(result.project).region("dender")
    assert next(q for q in region.questions if q.id == "schulden").vraag == "We hebben schulden."


# -- matching ------------------------------------------------------------------------------

def test_explicit_list_wins_over_words(site):
    caw = site.partner("caw-onthaal-dendermonde")
    questions = {q.id: q for q in site.region("dender").questions}
    assert caw.vragen and vragen.answers(caw, questions["schulden"])
    assert not vragen.answers(caw, questions["werk-zoeken"])
    # without its list, the same partner is matched by levensdomein and words
    bare = replace(caw, vragen=())
    assert vragen.answers(bare, questions["geweld"])  # welzijn + "geweld" in its text
    assert not vragen.answers(bare, questions["werk-zoeken"])  # no shared levensdomein


def test_words_match_whole_words_or_plurals_only(site):
    q = vragen.Question("x", "Ik zoek werk.", ("werk",), ("werk", "rekening"))
    partner = replace(site.partner("werkwinkel-dendermonde"), vragen=(), naam="A", soort="andere",
                      korte_beschrijving="Een werkplek en een werkgever.", beschrijving=None, doelgroep=Audience(),
                      aanmelden=Signup(("zelf",)))
    assert not vragen.answers(partner, q)
    assert vragen.answers(replace(partner, korte_beschrijving="Hulp met rekeningen."), q)
    assert vragen.answers(replace(partner, korte_beschrijving="Hulp bij WERK."), q)


def test_ages(site):
    opvang = site.partner("kinderopvang-kleine-kempenaar-zoersel")  # 0 to 3
    assert vragen.fits_ages(opvang, [], False)
    assert vragen.fits_ages(opvang, [2], False) and vragen.fits_ages(opvang, [9, 3], False)
    assert not vragen.fits_ages(opvang, [7], False)
    assert not vragen.fits_ages(opvang, [], True)  # a young person asking for themselves
    assert vragen.fits_ages(site.partner("jac-dendermonde"), [], True)
    assert vragen.fits_ages(site.partner("caw-onthaal-dendermonde"), [7], True)  # no age range: fits


# -- find: the stories the wegwijzer must get right ------------------------------------------

def test_debts_in_hamme_puts_the_sociaal_huis_of_hamme_then_the_caw_serving_hamme_on_top(site):
    advice = vragen.find(site, municipality(site, "Hamme"), ["schulden"])
    [answer] = advice.answers
    # the local contact point (a partner with its address in Hamme), then the region-wide CAW
    assert ids(answer.partners)[:2] == ["sociaal-huis-hamme", "caw-onthaal-dendermonde"]
    # the Sociaal Huis of Dendermonde does not work in Hamme
    assert "sociaal-huis-dendermonde" not in ids(answer.partners)
    assert not advice.route_first


def test_childcare_for_a_two_year_old_in_zoersel(site):
    [answer] = vragen.find(site, municipality(site, "Zoersel"), ["opvang-baby"], ages=[2]).answers
    assert ids(answer.partners)[0] == "kinderopvang-kleine-kempenaar-zoersel"
    [older] = vragen.find(site, municipality(site, "Zoersel"), ["opvang-baby"], ages=[7]).answers
    assert "kinderopvang-kleine-kempenaar-zoersel" not in ids(older.partners)


def test_ranking_address_here_then_brede_instap_then_free_then_region_wide(site):
    [answer] = vragen.find(site, municipality(site, "Dendermonde"), ["schulden"]).answers
    order = ids(answer.partners)
    # both have an address in Dendermonde, brede instap and are free: the local one before the region-wide one
    assert order.index("sociaal-huis-dendermonde") < order.index("caw-onthaal-dendermonde")
    for partner in answer.partners:
        assert vragen.serves(partner, municipality(site, "Dendermonde").nis)
    keys = [vragen.rank_key(p, municipality(site, "Dendermonde").nis) for p in answer.partners]
    assert keys == sorted(keys)


def test_address_in_the_municipality_comes_before_brede_instap(site):
    [answer] = vragen.find(site, municipality(site, "Berlare"), ["schulden"]).answers
    # the Sociaal Huis Berlare has no brede instap, the CAW has: the address in Berlare wins
    assert ids(answer.partners) == ["sociaal-huis-berlare", "caw-onthaal-dendermonde"]
    assert not site.partner("sociaal-huis-berlare").brede_instap and site.partner("caw-onthaal-dendermonde").brede_instap


def test_two_questions_or_a_complex_one_put_the_route_first(site):
    hamme = municipality(site, "Hamme")
    assert vragen.find(site, hamme, ["schulden", "opvoeding"]).route_first
    assert vragen.find(site, hamme, ["geweld"]).route_first  # complex: true
    assert not vragen.find(site, hamme, ["opvoeding"]).route_first


def test_no_partner_here_says_so_and_offers_region_wide_ones(site):
    berlare = municipality(site, "Berlare")
    advice = vragen.find(site, berlare, ["opvang-baby"], ages=[1])
    [answer] = advice.answers
    assert answer.partners == () and advice.route_first
    assert all(p.hele_regio for p in answer.fallback)


# -- the data and the page ------------------------------------------------------------------

def test_wegwijzer_data_follows_the_matching(site):
    files = wegwijzer.files(site)
    index = json.loads(files[wegwijzer.INDEX])
    assert set(index["regios"]) == {"dender", "voorkempen"} and index["alles_laden"]
    assert index["regios"]["dender"]["route"]["te"] == "+3252254110"
    hamme = next(m for m in index["gemeenten"] if m["n"] == "Hamme")
    assert hamme["dg"] == ["Moerzeke"] and hamme["pc"] == ["9220"]
    data = json.loads(files[wegwijzer.region_file("dender")])
    order = [q["id"] for q in data["vragen"]]
    helping = vragen.answered(site, "dender")
    for p in data["partners"]:
        assert sorted(order[i] for i in p["q"]) == sorted(q for q, ps in helping.items() if p["i"] in ids(ps))
    assert all(len(text.encode()) < 40_000 for text in files.values())


def test_wegwijzer_page_and_the_links_to_it(site):
    page = wegwijzer_page(site)
    assert page.url == "wegwijzer/"
    assert page.body.count('data-vraag="vervoer"') == 1  # same text in both regions: one button
    assert 'data-vraag="digitaal" data-regios="voorkempen"' in page.body
    assert '<option value="Moerzeke (Hamme)">' in page.body and '<option value="9220 Hamme">' in page.body
    assert 'href="wegwijzer/"' in home_page(site).body
    region = site.region("dender")
    assert 'href="../wegwijzer/"' in region_page(site, region).body
    hamme = municipality(site, "Hamme")
    assert 'href="../../../wegwijzer/#waar=Hamme"' in municipality_page(site, region, hamme).body


def test_1g1p_route_on_municipality_levensdomein_and_partner_pages(site):
    from generator.render.pages import life_domain_page, partner_page, region_page

    region = site.region("voorkempen")
    pages = [municipality_page(site, region, municipality(site, "Zoersel")),
             life_domain_page(site, region, "inkomen"),
             partner_page(site, site.partner("woonwinkel-voorkempen"), TODAY)]
    for page in pages:
        assert page.body.count('class="nk-card nk-1g1p"') == 1, page.url
        block = page.body.split('class="nk-card nk-1g1p"')[1].split("</section>")[0]
        assert "Heeft het gezin vragen op meerdere domeinen tegelijk?" in block
        assert 'href="tel:+3233124560"' in block and "Aanmeldformulier" not in block
        assert "meld online aan" in block and "data-pagefind-ignore" in block[:80]  # not search text
        assert "1 Gezin 1 Plan Voorkempen" in block
    assert "nk-1g1p" not in region_page(site, region).body  # the region page has the full sign-up card
