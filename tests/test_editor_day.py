"""Small things an editor trips over (issue 18): the missing-dash tip, real examples in gegevens.md,
Dutch singular and plural, no empty headings."""

from types import SimpleNamespace

from helpers import TODAY
from generator.render import pages
from generator.tools import reference_docs
from generator.model import build_site
from generator.validate.pipeline import validate_folder


def test_missing_first_dash_suggests_a_block_list(basis):
    path = basis / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    text = path.read_text(encoding="utf-8")
    assert "levensdomeinen: [opvoeding, gezondheid]" in text
    path.write_text(text.replace("levensdomeinen: [opvoeding, gezondheid]",
                                 "levensdomeinen:\n  opvoeding\n  - gezondheid"), encoding="utf-8")
    (found,) = validate_folder(basis, today=TODAY).errors
    assert found.code == "NK663"
    assert "levensdomeinen:\n    - opvoeding\n    - gezondheid" in found.hint and "[" not in found.hint


def test_field_reference_shows_real_examples():
    text = reference_docs.field_reference()
    assert '| `"huis-van-het-kind-zele"` |' in text
    assert "| [] |" not in text


def test_one_place_on_the_map_is_singular():
    one = SimpleNamespace(markers=1, name="x", title="Kaart", query="?d=x")
    assert "1 plaats op de kaart" in pages.map_figure("a/", one, "lijst", "plaatsen")
    assert "1 plaats in Zele op de kaart" in pages.map_figure("a/", one, "lijst", "plaatsen in Zele")
    two = SimpleNamespace(markers=2, name="x", title="Kaart", query="?d=x")
    assert "2 plaatsen op de kaart" in pages.map_figure("a/", two, "lijst", "plaatsen")


def test_no_empty_voor_wie_heading(basis):
    path = basis / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    kept, skipping = [], False
    for line in lines:  # drop the optional doelgroep block and talen
        if line.startswith(("doelgroep:", "talen:")):
            skipping = line.startswith("doelgroep:")
            continue
        if skipping and line.startswith(" "):
            continue
        skipping = False
        kept.append(line)
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    result = validate_folder(basis, today=TODAY)
    assert result.errors == []
    site = build_site(result.project)
    (partner,) = [p for p in site.partners if p.id == "huis-van-het-kind-zele"]
    assert "Voor wie" not in pages.partner_page(site, partner, TODAY).body
