"""The Flanders benchmark's "nu open" row (benchmarks/flanders.py, open_weight) measures the hours on a
page against the same page without them: here on a tiny hand-made site, without building one."""

import sys

from helpers import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import flanders  # noqa: E402

ROW = ("<li><a href=\"#\">Partner {i}</a><span class=\"nk-open\" data-nk-open='{{\"openingsuren\":[{{\"dagen\":"
       "[\"ma\"],\"van\":\"09:00\",\"tot\":\"12:00\"}}]}}' hidden data-pagefind-ignore></span></li>")


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_open_weight_counts_only_the_hours(tmp_path):
    rows = "".join(ROW.format(i=i) for i in range(10))
    write(tmp_path / "a-z" / "index.html", f"<ul>{rows}</ul>")
    write(tmp_path / "partners" / "p" / "index.html", "<p>geen uren</p>")
    write(tmp_path / "assets" / "netwerkkaart" / "nk-open.js", "x" * 2048)
    write(tmp_path / "assets" / "netwerkkaart" / "feestdagen.js", "y" * 1024)
    write(tmp_path / "wegwijzer" / "regio-r.json", '{"partners":[{"i":"p","o":{"dag_en_nacht":true}},{"i":"q"}]}')
    write(tmp_path / "kaarten" / "uren" / "r.json", "z" * 1024)
    found = flanders.open_weight(tmp_path)
    bare = len("<ul></ul>") + sum(len(f'<li><a href="#">Partner {i}</a></li>') for i in range(10))
    az = found["pages"]["a-z"]
    assert az["share"] == round((len(f"<ul>{rows}</ul>") - bare) / bare, 3) and az["share"] > 1
    assert found["pages"]["partner"]["share"] == 0 and found["worst"] == "a-z"
    assert found["scripts_kb"] == 3.0 and found["map_first_popup_kb"] == 4.0
    assert found["wegwijzer_hours_kb"] == round(len(',"o":{"dag_en_nacht":true}') / 1024, 1)


def test_open_weight_counts_the_references_and_the_table_of_hours(tmp_path):
    """The hours once per page (pages.share_hours): the references and the table count, the rest not."""
    rows = "".join(f'<li><a href="#">Partner {i}</a>'
                   f'<span data-nk-open-ref="{i % 2}" hidden></span></li>' for i in range(10))
    table = " data-nk-uren='[{\"dag_en_nacht\":true},{}]'"
    write(tmp_path / "a-z" / "index.html", f'<div class="nk-page"{table}><ul>{rows}</ul></div>')
    write(tmp_path / "partners" / "p" / "index.html", "<p>geen uren</p>")
    write(tmp_path / "assets" / "netwerkkaart" / "nk-open.js", "x")
    write(tmp_path / "assets" / "netwerkkaart" / "feestdagen.js", "y")
    write(tmp_path / "wegwijzer" / "regio-r.json", '{"partners":[{"i":"q"}]}')
    write(tmp_path / "kaarten" / "uren" / "r.json", "z")
    az = flanders.open_weight(tmp_path)["pages"]["a-z"]
    bare = (len('<div class="nk-page"><ul></ul></div>')
            + sum(len(f'<li><a href="#">Partner {i}</a></li>') for i in range(10)))
    assert az["page_kb"] == round(bare / 1024, 1)
    assert az["share"] == round((len(f'<div class="nk-page"{table}><ul>{rows}</ul></div>') - bare) / bare, 3)
