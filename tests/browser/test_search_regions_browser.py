"""One index per group of regions, merged in the browser (search.py, netwerkkaart.js): a query with a
place fetches only the index of the group of that place's region; a query without a place searches every
group. The example's two regions share one group under the default budget; ``grouped_site`` is the
example built with a budget of one page (plugin option search_group_pages), so each region is a group."""

import pytest

from generator.render import search as search_module
from generator.model import build_site
from generator.validate.pipeline import validate_folder

from conftest import build_and_serve
from test_site import DONE, ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def model():
    return build_site(validate_folder(ROOT).project)


@pytest.fixture(scope="module")
def grouped_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("groepen")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = config.replace("docs_dir: docs\n", f"docs_dir: {ROOT / 'docs'}\n")
    config = config.replace("      search: true", f"      data_dir: {ROOT}\n      search_group_pages: 1\n      search: true")
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    base, server = build_and_serve(work / "mkdocs.yml", work / "site")
    yield base, work / "site"
    server.shutdown()


def fetched_search(page, base, query):
    """The result links and the site paths of every index file fetched for ``query`` on a fresh page."""
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base + "zoeken/")
    page.fill("#nk-q", query)
    page.press("#nk-q", "Enter")
    page.wait_for_function(DONE)
    page.wait_for_load_state("networkidle")
    hrefs = page.eval_on_selector_all("[data-nk-results] a", "els => els.map(a => a.getAttribute('href'))")
    return hrefs, [u[len(base):] for u in requests if u.startswith(base + "pagefind/")]


def test_a_query_with_a_place_fetches_only_that_regions_group(page, grouped_site, model):
    base, site = grouped_site
    assert sorted(p.name for p in (site / "pagefind" / "regio").iterdir()) == ["dender", "voorkempen"]
    terms = search_module.terms(model)
    hamme = next(m for r in model.regions for m in r.municipalities if m.naam == "Hamme")
    assert terms["regios"][hamme.nis] == "dender" and "voorkempen" not in terms["ook"].get(hamme.nis, [])
    hrefs, fetched = fetched_search(page, base, "schulden Hamme")
    assert hrefs and "/partners/sociaal-huis-hamme/" in hrefs[0]
    assert any(u.startswith("pagefind/regio/dender/") and "/index/" in u for u in fetched), fetched
    assert not [u for u in fetched if u.startswith("pagefind/regio/voorkempen/")], fetched


def test_a_query_without_a_place_finds_partners_of_every_group(page, grouped_site, model):
    base, _ = grouped_site
    hrefs, fetched = fetched_search(page, base, "Huis van het Kind")
    found = {h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs if "/partners/" in h}
    regions = {p.region for p in model.partners if p.id in found}
    assert regions == {"dender", "voorkempen"}, found
    assert {u.split("/")[2] for u in fetched if u.startswith("pagefind/regio/")} == {"dender", "voorkempen"}


def test_regions_of_one_group_are_one_index(page, example_site, model):
    base, site = example_site
    assert [p.name for p in (site / "pagefind" / "regio").iterdir()] == ["dender"]  # both regions
    hrefs, fetched = fetched_search(page, base, "Huis van het Kind")
    found = {h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs if "/partners/" in h}
    assert {p.region for p in model.partners if p.id in found} == {"dender", "voorkempen"}, found
    assert {u.split("/")[2] for u in fetched if u.startswith("pagefind/regio/")} == {"dender"}
    hrefs, fetched = fetched_search(page, base, "schulden Hamme")
    assert hrefs and "/partners/sociaal-huis-hamme/" in hrefs[0]


def _regions_of(hrefs, model):
    """The region of each result: a partner's own, else the region folder the page is in."""
    partners = {p.id: p.region for p in model.partners}
    found = []
    for h in hrefs:
        path = h.split("://", 1)[-1].split("/", 1)[-1] if "://" in h else h.lstrip("./")
        parts = [x for x in path.split("/") if x and x != ".."]
        found.append(partners.get(parts[-1]) if parts[:1] == ["partners"] else (parts[0] if parts else ""))
    return found


def test_a_word_of_one_group_brings_no_shortened_word_matches_of_the_other(page, grouped_site, model):
    """"Werkwinkel" (a partner's name) is only in a page of the dender group; Pagefind searched the
    voorkempen index for the longest start of it that is there and listed 12 pages of Voorkempen after
    the partner. Now: the partner, and no page of the other group."""
    base, _ = grouped_site
    for query, partner in [("Werkwinkel", "werkwinkel-dendermonde"), ("Speelvogel", "bko-de-speelvogel-hamme")]:
        hrefs, fetched = fetched_search(page, base, query)
        assert {u.split("/")[2] for u in fetched if u.startswith("pagefind/regio/")} == {"dender", "voorkempen"}
        assert hrefs and f"/partners/{partner}/" in hrefs[0], hrefs
        # before: 13 and 5 results, the later ones pages of Voorkempen that have a word starting "werk" or
        # "speel"; now the partner and those that help with the question the word belongs to (vragen)
        assert len(hrefs) <= 3 and not any("/voorkempen/" in h for h in hrefs), hrefs
        assert page.text_content("[data-nk-search-status]").startswith(f"{len(hrefs)} ")


def test_a_start_of_a_word_still_finds_the_words_it_starts(page, grouped_site):
    base, _ = grouped_site
    hrefs, _ = fetched_search(page, base, "kinderop")  # no page has "kinderop" itself: Pagefind's own matching
    assert any("/levensdomeinen/kinderopvang/" in h for h in hrefs), hrefs
