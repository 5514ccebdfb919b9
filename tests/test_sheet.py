"""The family sheet's data and the site-wide pieces of issue 12 (items 6-8) that need no browser:
three states of beroepsgeheim and brede instap, sentences a parent understands, the A-Z filters,
the folded municipality page, no empty rows."""

import re

import yaml

from helpers import TODAY
from generator.render import labels, sheet
from generator.topics import urls
from generator.model import Signup
from generator.render.pages import render_site, signup_card
from test_pages import pages_by_url, site_from

PARTNER = "partners/dender/huis-van-het-kind-zele.yml"


def edit(folder, **changes):
    path = folder / PARTNER
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_signup_and_cost_as_sentences():
    assert labels.signup_sentence(Signup(("online", "zelf", "hulpverlener"), wie="Ouders en jongeren")) == (
        "Je neemt zelf contact op, een hulpverlener meldt je aan of je meldt je online aan met het formulier. "
        "Ouders en jongeren.")
    assert labels.signup_sentence(Signup(("hulpverlener",))) == "Een hulpverlener meldt je aan."
    assert labels.signup_sentence(Signup()) == ""
    # was "Gratis Een maaltijd kost 2 euro"
    assert labels.cost_sentence(Signup(kostprijs="gratis", kostprijs_uitleg="Een maaltijd kost 2 euro")) == (
        "Het is gratis. Een maaltijd kost 2 euro.")
    assert labels.cost_sentence(Signup(kostprijs="inkomensafhankelijk")) == "Wat je betaalt, hangt af van je inkomen."


def test_opening_days_in_words():
    assert labels.days_text(("ma", "di", "wo", "do", "vr")) == "maandag tot vrijdag"
    assert labels.days_text(("ma", "wo", "vr")) == "maandag, woensdag en vrijdag"
    assert labels.days_text(("ma", "di", "do", "vr")) == "maandag, dinsdag, donderdag en vrijdag"
    assert labels.days_text(("di",)) == "dinsdag"


def test_sheet_data_has_phone_links_secrecy_date_route_and_questions(basis):
    data = sheet.sheet_data(site_from(basis))
    p = data["partners"]["huis-van-het-kind-zele"]
    assert p["telefoon"] == {"tekst": "052 44 55 66", "e164": "+3252445566"}
    assert p["beroepsgeheim"] is True
    assert p["brede_instap"] is None  # "niet ingevuld", never "nee"
    assert p["nagekeken"] == "2026-10-01"
    assert p["aanmelden"] == "Je neemt zelf contact op."
    assert p["kost"] == "Het is gratis."
    assert p["regio"] == "dender"
    region = data["regios"]["dender"]
    assert region["route"]["telefoon"] == {"tekst": "052 25 00 00", "e164": "+3252250000"}
    assert region["route"]["wat_volgt"]
    assert region["vragen"]["schulden"].startswith("We hebben schulden")  # the catalogue, for the headings
    assert region["domeinen"]["opvoeding"]


def test_three_states_in_words_with_an_explanation_on_tap(basis):
    for value, words in ((True, "Beroepsgeheim: ja"), (False, "Beroepsgeheim: nee")):
        edit(basis, beroepsgeheim=value, brede_instap=not value)
        body = pages_by_url(basis)[urls.partner("huis-van-het-kind-zele")].body
        assert words in body
        assert ("Brede instap: ja" if not value else "Brede instap: nee") in body
        assert re.search(r"<details class=\"nk-status[^\"]*\"[^>]*><summary>.*Beroepsgeheim", body)
        assert 'title="' not in body  # no tooltip: a tablet never shows it
    edit(basis, brede_instap=None)
    pages = pages_by_url(basis)
    assert "Brede instap: niet ingevuld" in pages[urls.partner("huis-van-het-kind-zele")].body
    # on the cards too (levensdomein page)
    assert "Brede instap: niet ingevuld" in pages[urls.life_domain("dender", "opvoeding")].body


def test_a_to_z_filters_for_secrecy_and_broad_entry_and_a_reset(basis):
    edit(basis, beroepsgeheim=False)
    body = pages_by_url(basis)["a-z/"].body
    assert 'data-beroepsgeheim="nee" data-brede="onbekend"' in body
    assert 'data-filter="beroepsgeheim"' in body and 'data-filter="brede"' in body
    assert '<option value="onbekend">Niet ingevuld</option>' in body
    assert re.search(r'<p class="nk-none" data-nk-none hidden>.*<button type="button" data-nk-reset>', body, re.S)


def test_no_empty_signup_rows():
    """A region without "via" showed an empty "Hoe" row (a generator is always true)."""
    html = signup_card(Signup(telefoon="052 25 00 00"), "Aanmelden")
    assert "<dt>Hoe</dt>" not in html
    assert "<dt>Hoe</dt><dd><ul><li>" in signup_card(Signup(("zelf",)), "Aanmelden")


def test_municipality_page_folds_the_levensdomeinen(basis):
    site = site_from(basis)
    pages = {p.url: p for p in render_site(site, today=TODAY)}
    body = pages[urls.municipality("dender", "zele")].body
    folded = re.findall(r'<details class="nk-domain"( open)? id="([a-z-]+)">', body)
    assert folded and not any(is_open for is_open, _ in folded)
    # a pick under a levensdomein remembers it, for the sheet's headings
    assert 'data-nk-context="d-opvoeding"' in body
    assert 'data-nk-context="d-opvoeding"' in pages[urls.life_domain("dender", "opvoeding")].body
