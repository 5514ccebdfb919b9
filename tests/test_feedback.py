""""Klopt er iets niet?": the link per configuration, exactly which fields it carries, safe schemes."""

from urllib.parse import parse_qs, urlsplit

import yaml

from helpers import ROOT, TODAY
from generator.topics import feedback, urls
from generator.topics.feedback import Target
from generator.model import build_site
from generator.render.pages import render_site
from generator.validate.pipeline import validate_folder

FIELDS = dict(record_id="huis-van-het-kind-zele", name="Huis & Kind #1 ?x=1", page="https://kaart.example/partners/huis-van-het-kind-zele/",
              date="2026-11-25")
BODY_LINES = ["id: huis-van-het-kind-zele", "naam: Huis & Kind #1 ?x=1",
              "pagina: https://kaart.example/partners/huis-van-het-kind-zele/", "gegevens van: 2026-11-25"]


def test_mailto_has_the_address_a_subject_and_a_body_with_exactly_the_page_fields():
    href = feedback.link(Target(email="redactie@regio.example"), **FIELDS)
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "redactie@regio.example"
    query = parse_qs(parts.query, strict_parsing=True)
    assert set(query) == {"subject", "body"}
    assert query["subject"] == ["Klopt er iets niet? Huis & Kind #1 ?x=1 (huis-van-het-kind-zele)"]
    body = query["body"][0].splitlines()
    assert [line for line in body if ": " in line and not line.startswith("Schrijf")] == BODY_LINES


def test_url_template_fills_only_known_fields_percent_encoded():
    template = "https://github.com/o/r/issues/new?template=klopt-er-iets-niet.yml&title={titel}&partner={id}&pagina={pagina}&datum={datum}"
    parts = urlsplit(feedback.link(Target(url=template), **FIELDS))
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/o/r/issues/new")
    query = parse_qs(parts.query, strict_parsing=True)
    assert query == {"template": ["klopt-er-iets-niet.yml"],
                     "title": ["Klopt er iets niet? Huis & Kind #1 ?x=1 (huis-van-het-kind-zele)"],
                     "partner": ["huis-van-het-kind-zele"], "pagina": [FIELDS["page"]], "datum": ["2026-11-25"]}
    assert not parts.fragment  # the '#' in the name stayed inside its value


def test_only_http_and_mailto_links_come_out():
    assert feedback.link(None, **FIELDS) is None
    assert feedback.link(Target(url="javascript:alert(1)//{id}"), **FIELDS) is None
    assert feedback.link(Target(url="{pagina}"), **FIELDS) is None  # the scheme cannot come from a value
    assert feedback.link_html(None) == ""


def test_unknown_fields():
    assert feedback.unknown_fields("https://x.example/?a={id}&b={naam}&c={id.__class__}&d={}") == ["{id.__class__}", "{}"]


def test_example_regions_show_each_configuration_on_partner_card_region_and_municipality_pages():
    site = build_site(validate_folder(ROOT, today=TODAY).project, today=TODAY, site_url="https://kaart.example/")
    pages = {p.url: p.body for p in render_site(site)}
    mail = pages[urls.partner("huis-van-het-kind-zele")]
    issue = pages[urls.partner("huis-van-het-kind-brecht")]
    assert 'href="mailto:redactie@1g1p-dender.example?subject=' in mail
    assert 'href="https://github.com/voorbeeld/netwerkkaart/issues/new?template=klopt-er-iets-niet.yml&amp;title=' in issue
    for url in (urls.region("dender"), urls.municipality("dender", "zele"), urls.region("voorkempen")):
        assert "Klopt er iets niet?" in pages[url], url
    # a card (municipality page) carries the partner's own link
    assert "partners%2Fhuis-van-het-kind-zele%2F" in pages[urls.municipality("dender", "zele")]


def test_the_issue_form_asks_which_field_what_is_right_and_how_you_know():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "klopt-er-iets-niet.yml").read_text(encoding="utf-8"))
    ids = [item.get("id") for item in form["body"]]
    assert {"partner", "pagina", "datum", "veld", "juist", "bron", "privacy"} <= set(ids)
    template = yaml.safe_load((ROOT / "regions" / "voorkempen" / "regio.yml").read_text(encoding="utf-8"))["melden"]["url"]
    prefilled = {k for k in parse_qs(urlsplit(template).query)} - {"template", "title"}
    assert prefilled <= set(ids)  # GitHub fills a form field from the query parameter with its id
