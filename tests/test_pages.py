"""Page rendering without MkDocs: escaping, links, badges, what is (not) shown."""

import datetime
import shutil

import yaml

from helpers import CASES, TODAY
from generator.topics import urls
from generator.render.html import e, rel
from generator.model import build_site
from generator.render.pages import render_site
from generator.validate.pipeline import validate_folder


def site_from(folder):
    result = validate_folder(folder, today=TODAY)
    assert not result.errors, result.errors
    return build_site(result.project)


def pages_by_url(folder, today=TODAY):
    return {p.url: p for p in render_site(site_from(folder), today=today)}


def test_relative_links():
    assert rel("", "partners/x/") == "partners/x/"
    assert rel("dender/gemeenten/zele/", "partners/x/") == "../../../partners/x/"
    assert rel("partners/x/", "") == "../../"
    assert rel("a-z/", "a-z/") == "./"


def test_escape_is_html_escape():
    """e() skips html.escape for a text with nothing to escape (speed): the same result for every text."""
    import html

    texts = ["", "Sociaal Huis Zele", "K&G", "<script>", 'a"b', "a'b", "x > y", "é ü ‎\u202e", "&amp;", 42, None, 3.5]
    for text in texts:
        assert e(text) == html.escape(str(text), quote=True)


def test_every_record_gets_its_page(basis):
    pages = pages_by_url(basis)
    assert {urls.partner("huis-van-het-kind-zele"), urls.region("dender"),
            urls.municipality("dender", "zele"), urls.municipality("dender", "dendermonde"), "", "a-z/", "zoeken/"} <= set(pages)
    assert pages[urls.partner("huis-van-het-kind-zele")].source == "partners/dender/huis-van-het-kind-zele.yml"


def test_text_is_escaped_and_front_matter_title_is_safe(basis):
    path = basis / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["naam"] = "</title><script>x()</script> & co"
    data["korte_beschrijving"] = '<img src=x onerror="y()"> [a](javascript:z()) {: onfocus="z()" }'
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    page = pages_by_url(basis)[urls.partner("huis-van-het-kind-zele")]
    md = page.markdown()
    assert "<script>" not in md and "<img" not in md
    assert "&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt; &amp; co" in md
    assert "&lt;img src=x onerror=&quot;y()&quot;&gt;" in md
    front = md.split("---")[1]
    assert yaml.safe_load(front)["title"] == "&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt; &amp; co"
    # every line of the body is raw HTML, so Markdown has nothing to turn into links or attributes
    body = md.split("---", 2)[2].strip()
    assert body.startswith("<div") and body.endswith("</div>")


def test_stale_badge(basis):
    url = urls.partner("huis-van-het-kind-zele")
    fresh = pages_by_url(basis)[url].body
    stale = pages_by_url(basis, today=datetime.date(2027, 12, 1))[url].body
    assert "Nagekeken op 1 oktober 2026" in fresh and "nk-stale" not in fresh
    assert "Niet recent nagekeken (laatst op 1 oktober 2026)" in stale and "nk-stale" in stale


def test_contact_links(basis):
    body = pages_by_url(basis)[urls.partner("huis-van-het-kind-zele")].body
    assert '<a href="tel:+3252445566">052 44 55 66</a>' in body
    assert 'href="https://www.openstreetmap.org/directions?to=51.06590%2C4.03980"' in body


def test_confidential_location_reveals_nothing(basis):
    shutil.copytree(CASES / "NK201-vertrouwelijk-niet" / "invoer", basis, dirs_exist_ok=True)
    path = basis / "partners" / "dender" / "adres.yml"
    text = path.read_text(encoding="utf-8").replace(
        "  - adres:\n      postcode: \"9240\"\n      gemeente: Zele\n  - adres:",
        "  - adres:\n      straat: Geheimstraat 9\n      postcode: \"9240\"\n      gemeente: Zele\n    vertrouwelijk: true\n  - adres:", 1)
    path.write_text(text.replace("      straat: Geheimstraat 9\n", ""), encoding="utf-8")  # NK402: no street
    assert "Geheimstraat" not in path.read_text(encoding="utf-8")
    site = site_from(basis)
    pages = {p.url: p for p in render_site(site, today=TODAY)}
    body = pages[urls.partner("adres")].body
    assert "vertrouwelijk" in body
    zele = pages[urls.municipality("dender", "zele")].body
    assert "Testpartner" in zele  # it serves the whole region...
    assert "waarvan 1 met een adres in Zele" in zele  # ...but only the public Huis van het Kind is located here


def test_a_confidential_location_appears_in_no_output(basis):
    """Pages, search text, A-Z data, map files, the sheet and wegwijzer data say nothing about where it is."""
    from generator.render import maps, search, sheet, wegwijzer

    path = basis / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("contact:", (
        "  - naam: Schuilhuis Geheimnaam\n    adres:\n      postcode: \"9220\"\n      gemeente: Hamme\n"
        "    vertrouwelijk: true\ncontact:"), 1), encoding="utf-8")
    s = site_from(basis)
    assert any(loc.vertrouwelijk for p in s.partners for loc in p.locaties)
    map_files, site_maps = maps.render_maps(s)
    outputs = [p.markdown() for p in render_site(s, today=TODAY, maps={m.page_url: m for m in site_maps})]
    outputs += [f.content for f in map_files if isinstance(f.content, str)]
    outputs.append(sheet.sheet_json(s))
    outputs += list(wegwijzer.files(s).values())
    outputs.append(search.terms_json(s))  # places and questions for search
    for text in outputs:
        assert "Geheimnaam" not in text and "Hamme" not in text and "9220" not in text


def test_large_site_gets_an_a_to_z_page_per_region():
    """Above the limit, a-z/ lists the regions and each region has its own filtered list; every
    partner is on exactly one of them."""
    import re

    from helpers import ROOT
    from generator.render.pages import directory_pages

    s = site_from(ROOT)  # the example: two regions
    assert len(s.regions) == 2
    assert [p.url for p in directory_pages(s)] == ["a-z/"]  # the example: one page
    pages = {p.url: p for p in directory_pages(s, limit=10)}
    assert set(pages) == {"a-z/"} | {urls.directory(r.id) for r in s.regions}
    listed = [pid for url, page in pages.items() if url != "a-z/"
              for pid in re.findall(r'<li class="nk-row"[^>]* data-partner="([^"]+)"', page.body)]
    assert sorted(listed) == sorted(p.id for p in s.partners)
    for r in s.regions:
        assert f'href="{r.id}/"' in pages["a-z/"].body
        assert "export/partners.csv" in pages["a-z/"].body


def test_municipality_page_cards_only_for_partners_with_an_address_there(basis):
    """The lists name every partner working in the municipality; cards only those located there."""
    import re

    s = site_from(basis)
    pages = pages_by_url(basis)
    for region in s.regions:
        for m in region.municipalities:
            body = pages[urls.municipality(region.id, m.id)].body
            cards = set(re.findall(r'<article class="nk-card nk-partner-card"><h3><a href="[./]*partners/([^/]+)/', body))
            assert cards == {p.id for p in s.located_in(m)}, m.naam
            for p in s.active_in(m):
                assert f"partners/{p.id}/" in body
        region_body = pages[urls.region(region.id)].body
        assert "nk-partner-card" not in region_body
        assert all(f"partners/{p.id}/" in region_body for p in s.partners_of(region.id))


def test_a_partner_row_shared_between_pages_is_never_another_sites(tmp_path):
    """render_site reuses a partner's row in the lists of partners across pages (pages._ROWS): a second
    site whose partner has the same id and another name shows its own name, on every list."""
    from generator.render import pages as pages_module
    from helpers import ROOT

    data = tmp_path / "data"
    shutil.copytree(ROOT / "regions", data / "regions")
    shutil.copytree(ROOT / "partners", data / "partners")
    first = site_from(data)
    municipality = next(m for r in first.regions for m in r.municipalities if first.active_in(m))
    partner = first.active_in(municipality)[0]
    path = next((data / "partners").rglob(f"{partner.id}.yml"))
    before = {p.url: p.body for p in render_site(first)}
    path.write_text(path.read_text(encoding="utf-8").replace(partner.naam, partner.naam + " Nieuw", 1), encoding="utf-8")
    second = site_from(data)
    assert second.partner(partner.id).naam == partner.naam + " Nieuw"
    here = urls.municipality(municipality.region, municipality.id)
    listed = pages_module._compact_list([first.partner(partner.id)], here)  # a row of the first site, kept
    relisted = pages_module._compact_list([second.partner(partner.id)], here)  # same id, same page
    assert e(partner.naam + " Nieuw") not in listed and e(partner.naam + " Nieuw") in relisted
    after = {p.url: p.body for p in render_site(second)}
    assert e(partner.naam + " Nieuw") in after[here]
    assert after[here].count(e(partner.naam + " Nieuw")) >= before[here].count(e(partner.naam)) > 0
