"""The Flanders benchmark's engine rows (benchmarks/flanders.py, engine_check and engine_verdicts): an engine
whose output misses partner pages, the search index or the map data cannot reach its target, however fast;
one Pagefind index or one per region both count. On tiny hand-made outputs, without building a site."""

import sys

from helpers import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import flanders  # noqa: E402


def _site(root, partners=2, search="pagefind/pagefind.js", maps=True):
    for i in range(partners):
        (root / "partners" / f"partner-{i}").mkdir(parents=True)
        (root / "partners" / f"partner-{i}" / "index.html").write_text("<h1>p</h1>", encoding="utf-8")
    if search:
        (root / search).parent.mkdir(parents=True, exist_ok=True)
        (root / search).write_text("//", encoding="utf-8")
    if maps:
        (root / "kaarten" / "regio").mkdir(parents=True)
        (root / "kaarten" / "kaart.html").write_text("<html></html>", encoding="utf-8")
        (root / "kaarten" / "regio" / "regio-01.json").write_text("{}", encoding="utf-8")
    return root


def _verdicts(check):
    big = {"partners": 2, "baseline_s": 10.0, "engines": {"zensical": {
        "name": "generate + Zensical", "total_s": {"median": 1.0, "min": 1.0, "max": 1.0}, "runs": 1,
        "generate_s": {"median": 0.5}, "build_s": {"median": 0.5}, "generate_peak_mb": 10, "build_peak_mb": 10,
        "peak_mb": 10, "ratio": 0.1, "check": check}}}
    return flanders.verdicts([big], None)


def test_a_complete_output_passes_with_one_index_or_one_per_region(tmp_path):
    one = flanders.engine_check(_site(tmp_path / "one"), 2)
    per_region = flanders.engine_check(_site(tmp_path / "regions", search="pagefind/regio-01/pagefind.js"), 2)
    assert one["ok"] and per_region["ok"] and one["partner_pages"] == 2 and one["map_data_files"] == 1
    rows = _verdicts(one)
    assert [row["gehaald"] for row in rows] == [True, True]  # build 0.1x the baseline, 10 MB


def test_a_fast_output_without_search_maps_or_pages_does_not_reach_its_target(tmp_path):
    for name, site, partners in (("search", _site(tmp_path / "a", search=None), 2),
                                 ("maps", _site(tmp_path / "b", maps=False), 2),
                                 ("pages", _site(tmp_path / "c", partners=1), 2)):
        check = flanders.engine_check(site, partners)
        assert not check["ok"], name
        build = _verdicts(check)[0]
        assert not build["gehaald"] and "ONVOLLEDIG" in build["wat"], name
