"""The Flanders benchmark runs end to end at its smallest size: it measures something for every target,
ours and the peer or floor side by side. How fast is not judged here (no timed tests: see benchmarks/)."""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser


def test_flanders_benchmark_measures_every_row_side_by_side(tmp_path):
    out = tmp_path / "flanders.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "flanders.py"), "--sizes", "40", "--runs", "1",
                           "--serve-partners", "30", "--out", str(out)], capture_output=True, text=True,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), timeout=900, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    size = result["sizes"][0]
    assert size["partners"] == 40 and size["pages"] > 40
    assert size["wegwijzer_kb"] >= size["wegwijzer_largest_region_kb"] > 0

    validate = size["validate"]
    assert validate["ours_s"]["median"] > 0 and validate["floor_s"]["median"] > 0
    assert validate["peer_check_jsonschema_s"]["median"] > 0  # the peer really ran (it is installed by .[test])
    assert size["build_s"] > 0 and size["baseline_s"] > 0 and size["build_peak_mb"] > 0

    # The same site by the three engines (plugin; generate + plain mkdocs-material; generate + Zensical), each
    # against the same baseline, and each output checked: a build that misses pages, search or maps cannot win.
    engines = size["engines"]
    assert sorted(engines) == ["generate", "plugin", "zensical"]
    for name, engine in engines.items():
        assert engine["total_s"]["median"] > 0 and engine["peak_mb"] > 0, name
        assert engine["ratio"] == round(engine["total_s"]["median"] / size["baseline_s"], 2), name
        assert engine["pages"] > 40 and engine["site_mb"] > 0 and engine["search_index_mb"] > 0, name
        check = engine["check"]
        assert check["ok"] and check["partner_pages"] == 40 and check["search_index"] and check["map_data_files"] > 0, name
    for name in ("generate", "zensical"):  # generate, then the engine's own build, both measured
        engine = engines[name]
        assert engine["generate_s"]["median"] > 0 and engine["build_s"]["median"] > 0, name
        assert engine["generate_peak_mb"] > 0 and engine["build_peak_mb"] > 0, name
    assert engines["zensical"]["version"] == "0.0.73"  # the version installed by .[test] (docs/zensical.md)
    assert result["zensical"] == "0.0.73"

    assert len(size["search"]) == 6
    for query in size["search"]:
        assert query["results"] > 0, query  # every query finds something at this size too
        assert query["ours_ms"]["median"] > 0 and query["pagefind_ms"]["median"] > 0
        assert query["material_ms"]["median"] > 0 and query["search_kb_fetched"] > 0
    assert size["home_search"]["ours_ms"]["median"] > 0 and size["home_search"]["material_ms"]["median"] > 0

    region_map = size["region_map"]
    assert region_map["places"] > 0 and region_map["ours_kb"] > 0 and region_map["folium_kb"] > 0
    assert region_map["ours_ms"]["median"] > 0 and region_map["folium_ms"]["median"] > 0

    offline = size["offline"]  # the offline pack of the region with the most partners, and saving it
    assert offline["partners"] > 0 and offline["mb"] > 0 and offline["save_s"] > 0
    coverage = size["coverage"]  # the coverage pages' share of the build, in the same run
    assert coverage["pages"] > 0 and coverage["maps"] > 0 and coverage["s"]["median"] > 0
    assert abs(coverage["share"] - coverage["s"]["median"] / size["build_s"]) < 0.001  # (both rounded in the JSON)

    serve = result["serve"]
    assert serve["pages"] > 30 and serve["ours_s"]["median"] > 0 and serve["mkdocs_s"]["median"] > 0

    # One table: each target with ours, the peer or floor, the ratio and the target.
    rows = {row["wat"].split(" (")[0].split(" / ")[0]: row for row in result["verdicts"]}
    for name in ("volledige build", "make serve: wijziging zichtbaar", "regiokaart: bytes", "offline-pakket van één regio", "dekking",
                 "build generate + mkdocs-material", "build generate + Zensical",
                 "piekgeheugen generate + mkdocs-material", "piekgeheugen generate + Zensical"):
        assert name in rows, sorted(rows)
    for row in result["verdicts"]:
        assert row["wij"] and row["doel"], row
    assert "verhouding" in done.stdout and "doel" in done.stdout
    assert "generate + Zensical" in done.stdout and "ONVOLLEDIG" not in done.stdout
