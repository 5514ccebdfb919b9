""""Klopt er iets niet?" in Chromium, per configuration: an e-mail (Dender), an issue form (Voorkempen),
none (the payload site). The href is parsed and exactly its fields are checked."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

LINK = "a:text-is('Klopt er iets niet?')"


def _fields(body: str) -> dict:
    return dict(line.split(": ", 1) for line in body.splitlines()
                if re.match(r"^(id|naam|pagina|gegevens van): ", line))


def test_mailto_on_a_partner_page(page, example_site):
    base, _ = example_site
    page.goto(base + "partners/huis-van-het-kind-zele/")
    links = page.locator(LINK)
    assert links.count() == 1
    parts = urlsplit(links.first.get_attribute("href"))
    assert parts.scheme == "mailto" and parts.path == "redactie@1g1p-dender.example"
    query = parse_qs(parts.query, strict_parsing=True)
    assert set(query) == {"subject", "body"}
    assert query["subject"] == ["Klopt er iets niet? Huis van het Kind Zele (voorbeeld) (huis-van-het-kind-zele)"]
    fields = _fields(query["body"][0])
    assert set(fields) == {"id", "naam", "pagina", "gegevens van"}
    assert fields["id"] == "huis-van-het-kind-zele"
    assert fields["naam"] == "Huis van het Kind Zele (voorbeeld)"
    assert fields["pagina"] == base + "partners/huis-van-het-kind-zele/" == page.url
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", fields["gegevens van"])
    assert "gezin" not in query["body"][0].replace("niets over een gezin", "")


def test_issue_form_on_a_partner_page_is_followed(page, example_site):
    base, _ = example_site
    page.goto(base + "partners/huis-van-het-kind-brecht/")
    opened = []
    page.route("https://github.com/**", lambda route: (opened.append(route.request.url),
                                                      route.fulfill(status=200, body="formulier")))
    href = page.locator(LINK).first.get_attribute("href")
    page.locator(LINK).first.click()
    page.wait_for_url(re.compile(r"^https://github\.com/"))
    assert opened == [href]
    parts = urlsplit(href)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/voorbeeld/netwerkkaart/issues/new")
    query = parse_qs(parts.query, strict_parsing=True)
    assert set(query) == {"template", "title", "partner", "pagina", "datum"}
    assert query["template"] == ["klopt-er-iets-niet.yml"]
    assert query["partner"] == ["huis-van-het-kind-brecht"]
    assert query["pagina"] == [base + "partners/huis-van-het-kind-brecht/"]
    assert query["title"][0].startswith("Klopt er iets niet? ") and "(huis-van-het-kind-brecht)" in query["title"][0]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", query["datum"][0])


def test_no_link_without_an_address(page, payload_site):
    base, _ = payload_site
    assert page.goto(base + "partners/aanval/").status == 200
    assert page.locator(LINK).count() == 0


def test_not_recently_checked_on_page_card_and_sheet(page, example_site):
    """lop-dender was last checked more than 12 months before the build (the example of that state)."""
    base, _ = example_site
    notice = "Niet recent nagekeken (laatst op 17 juni 2025)"
    page.goto(base + "partners/lop-dender/")
    assert page.locator(".nk-badges .nk-stale").inner_text() == notice
    assert page.locator(".nk-built").inner_text().startswith("Gegevens van ")
    page.goto(base + "partners/clb-dender/")
    assert page.locator(".nk-stale").count() == 0
    page.goto(base + "dender/gemeenten/dendermonde/")
    card = page.locator("article.nk-partner-card", has=page.locator("a[href$='partners/lop-dender/']"))
    assert card.locator(".nk-stale").inner_text() == notice
    page.goto(base + "mijn-netwerk/#p=lop-dender,clb-dender")
    page.wait_for_selector("[data-partner='clb-dender']")
    assert page.locator("[data-partner='lop-dender'] .nk-stale").inner_text() == notice
    assert page.locator("[data-partner='clb-dender'] .nk-stale").count() == 0
