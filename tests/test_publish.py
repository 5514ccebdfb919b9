"""A failed build leaves the old site in place; a good build replaces it whole."""

import shutil

from click.testing import CliRunner

from helpers import CASES
from generator.cli import main


def site_for(tmp_path):
    shutil.copytree(CASES / "_basis", tmp_path, dirs_exist_ok=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n  language: nl\n  font: false\n"
        "plugins:\n  - netwerkkaart:\n      search: false\n", encoding="utf-8")
    return tmp_path


def test_failed_build_keeps_the_old_site(tmp_path):
    root = site_for(tmp_path)
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("oude site", encoding="utf-8")
    shutil.copytree(CASES / "NK107-dubbele-sleutel" / "invoer", root, dirs_exist_ok=True)  # a data error
    result = CliRunner().invoke(main, ["build", "--site", str(site), "--config", str(root / "mkdocs.yml")])
    assert result.exit_code == 1
    assert "vorige site blijft staan" in result.output and "NK107" in result.output
    assert (site / "index.html").read_text(encoding="utf-8") == "oude site"
    assert [p.name for p in root.iterdir() if p.name.startswith(".netwerkkaart-build")] == []


def test_good_build_replaces_the_site(tmp_path):
    root = site_for(tmp_path)
    site = root / "site"
    site.mkdir()
    (site / "stale.html").write_text("weg", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--site", str(site), "--config", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert (site / "index.html").is_file() and not (site / "stale.html").exists()
    assert (site / "partners" / "huis-van-het-kind-zele" / "index.html").is_file()
