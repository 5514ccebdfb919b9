"""Gedeeld beroepsgeheim: agreements declared in regio.yml, signed in a partner's file, said in words."""

import json

from helpers import ROOT, TODAY
from generator.topics import urls
from generator.render.export import to_hsds
from generator.model import build_site
from generator.render.pages import render_site
from generator.render.sheet import sheet_data
from generator.validate.pipeline import validate_folder

MEMBER, OTHER = "caw-onthaal-dendermonde", "jac-dendermonde"
LINE = ("Deelt informatie binnen 1 Gezin 1 Plan Dender alleen met jouw toestemming, volgens het afsprakenkader "
        "van 1 maart 2025.")


def example():
    result = validate_folder(ROOT, today=TODAY)
    assert not result.errors
    return result.project, build_site(result.project)


def test_example_data_has_one_agreement_per_region_with_members_and_non_members():
    _, site = example()
    for region in site.regions:
        assert len(region.agreements) == 1
        members = [p for p in site.partners_of(region.id) if site.agreements_of(p)]
        assert 0 < len(members) < len(site.partners_of(region.id))


def test_partner_page_card_and_sheet_say_it_for_a_member_only():
    _, site = example()
    pages = {p.url: p for p in render_site(site, today=TODAY)}
    member = pages[urls.partner(MEMBER)].body
    assert LINE in member and "Informatie delen" in member
    assert "als jij dat goed vindt" in member  # the explanation for families
    assert 'href="https://www.1g1p-dender.example/afsprakenkader"' in member
    assert "afsprakenkader" not in pages[urls.partner(OTHER)].body
    municipality = pages[urls.municipality("dender", "dendermonde")].body  # the cards
    cards = {pid: next(c for c in municipality.split('<article class="nk-card nk-partner-card">')[1:]
                       if f'partners/{pid}/"' in c.split("</h3>")[0]) for pid in (MEMBER, OTHER)}
    assert LINE in cards[MEMBER]
    assert "afsprakenkader" not in cards[OTHER].split("</article>")[0]
    data = sheet_data(site)["partners"]
    assert data[MEMBER]["afspraak"] == [LINE] and data[OTHER]["afspraak"] == []


def test_directory_filter_on_the_agreement():
    _, site = example()
    page = next(p for p in render_site(site, today=TODAY) if p.url == urls.DIRECTORY)
    assert 'data-filter="afspraak"' in page.body
    assert f'data-partner="{MEMBER}" data-afspraak="ja"' in page.body
    assert f'data-partner="{OTHER}" data-afspraak=""' in page.body


def test_no_filter_without_agreements(basis):
    result = validate_folder(basis, today=TODAY)
    page = next(p for p in render_site(build_site(result.project), today=TODAY) if p.url == urls.DIRECTORY)
    assert 'data-filter="afspraak"' not in page.body


def test_hsds_carries_beroepsgeheim_and_the_agreement_as_attributes():
    project, _ = example()
    organizations = {o["name"]: o for o in json.loads(to_hsds(project))}
    site = build_site(project)
    member, other = (organizations[site.partner(pid).naam] for pid in (MEMBER, OTHER))
    kinds = {a["link_type"]: a for a in member["attributes"]}
    assert kinds["beroepsgeheim"]["value"] == "true"
    shared = kinds["gedeeld_beroepsgeheim"]
    assert shared["value"] == "2025-03-01" and shared["link_id"] == member["id"]
    assert shared["taxonomy_term"]["term_uri"] == "https://www.1g1p-dender.example/afsprakenkader"
    assert [a["link_type"] for a in other["attributes"]] == ["beroepsgeheim"]
