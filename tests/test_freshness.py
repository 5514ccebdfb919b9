"""The freshness policy per region: states, page notices, the build date, example data in each state."""

import datetime
import json
import shutil

import pytest

from helpers import CASES, ROOT, TODAY
from generator.topics import freshness, urls
from generator.render import sheet
from generator.topics.freshness import FRESH, OLD, TOO_OLD, Policy, add_months, policy_of
from generator.model import build_site
from generator.render.pages import render_site
from generator.validate.pipeline import validate_folder


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(datetime.date(2025, 1, 31), 1) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2025, 11, 15), 14) == datetime.date(2027, 1, 15)


@pytest.mark.parametrize("checked, state", [
    ("2025-11-25", FRESH),  # exactly 12 months: still fresh
    ("2025-11-24", OLD),
    ("2024-11-25", OLD),  # exactly 24 months: not yet too old
    ("2024-11-24", TOO_OLD),
    ("2026-12-01", FRESH),  # in the future (NK504 says so)
])
def test_default_policy_states(checked, state):
    assert Policy().state(checked, TODAY) == state


def test_policy_from_regio_yml_with_defaults():
    assert policy_of({}) == Policy(12, 24)
    assert policy_of({"versheid": {"tonen_na_maanden": 6}}) == Policy(6, 24)
    assert policy_of({"versheid": {"tonen_na_maanden": 30}}) == Policy(30, 30)
    assert policy_of({"versheid": {"tonen_na_maanden": 6, "waarschuwen_na_maanden": 9}}) == Policy(6, 9)


def test_today_is_injectable_through_the_environment(monkeypatch):
    monkeypatch.setenv("NK_VANDAAG", "2030-01-02")
    assert freshness.today() == datetime.date(2030, 1, 2)
    monkeypatch.setenv("NK_VANDAAG", "geen datum")
    assert freshness.today() == datetime.date.today()


def _site(folder, today=TODAY):
    result = validate_folder(folder, today=today)
    assert not result.errors, result.errors
    return build_site(result.project, today=today, site_url="https://kaart.example/")


def test_notice_on_page_card_and_sheet_follows_the_region_policy(basis):
    # the basis partner was checked on 2026-10-01; with a region limit of 1 month it is not recent
    regio = basis / "regions" / "dender" / "regio.yml"
    regio.write_text(regio.read_text(encoding="utf-8") + "versheid:\n  tonen_na_maanden: 1\n", encoding="utf-8")
    site = _site(basis)
    pages = {p.url: p for p in render_site(site)}
    notice = "Niet recent nagekeken (laatst op 1 oktober 2026)"
    assert notice in pages[urls.partner("huis-van-het-kind-zele")].body
    assert notice in pages[urls.municipality("dender", "zele")].body  # the card
    assert json.loads(sheet.sheet_json(site))["partners"]["huis-van-het-kind-zele"]["versheid"] == notice
    # with the default policy the same record is fresh everywhere
    shutil.copy(CASES / "_basis" / "regions" / "dender" / "regio.yml", regio)
    site = _site(basis)
    pages = {p.url: p for p in render_site(site)}
    assert "Niet recent" not in pages[urls.partner("huis-van-het-kind-zele")].body
    assert "Nagekeken op 1 oktober 2026" in pages[urls.partner("huis-van-het-kind-zele")].body
    assert json.loads(sheet.sheet_json(site))["partners"]["huis-van-het-kind-zele"]["versheid"] == ""


def test_pages_say_when_the_data_were_built(basis):
    pages = {p.url: p for p in render_site(_site(basis))}
    for url in (urls.partner("huis-van-het-kind-zele"), urls.region("dender"), urls.municipality("dender", "zele")):
        assert "Gegevens van 25 november 2026." in pages[url].body, url


def test_too_old_is_shown_and_warned(basis):
    shutil.copytree(CASES / "NK501-oud" / "invoer", basis, dirs_exist_ok=True)
    result = validate_folder(basis, today=TODAY)
    assert [p.key() for p in result.warnings if p.code == "NK501"] == [("partners/dender/oud.yml", 14, "NK501")]
    assert result.ok() and not result.ok(strict=True)
    site = build_site(result.project, today=TODAY)
    page = next(p for p in render_site(site) if p.url == urls.partner("oud"))
    assert 'data-nk-versheid="te-oud"' in page.body and "Niet recent nagekeken (laatst op 15 september 2024)" in page.body


def test_example_data_has_fresh_and_not_recent_partners():
    """The shipped data has partners in the first two states. A partner past 24 months would make
    `validate --strict` and `mkdocs build --strict` fail on the example data, so that third state lives
    in the fixture tests/cases/NK501-oud (see test_too_old_is_shown_and_warned)."""
    site = _site(ROOT)
    states = {site.freshness(p) for p in site.partners}
    assert states == {FRESH, OLD}
