"""A failed build leaves the old site in place; a good build replaces it whole."""

import os
import shutil
import stat

from click.testing import CliRunner

from helpers import CASES
from generator.engines import outdir
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
    (site / outdir.MARKER).write_text(outdir.MARKER_TEXT, encoding="utf-8")  # a site an earlier build made
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
    (site / outdir.MARKER).write_text(outdir.MARKER_TEXT, encoding="utf-8")
    (site / "stale.html").write_text("weg", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--site", str(site), "--config", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert (site / "index.html").is_file() and not (site / "stale.html").exists()
    assert (site / "partners" / "huis-van-het-kind-zele" / "index.html").is_file()
    assert outdir.owned(site)


def test_an_unmarked_site_is_not_replaced(tmp_path):
    """A folder with files netwerkkaart did not write (here: a site of an older version) stays as it is."""
    root = site_for(tmp_path)
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("oude site", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--site", str(site), "--config", str(root / "mkdocs.yml")])
    assert result.exit_code == 2 and "NK702" in result.output
    assert [p.name for p in site.iterdir()] == ["index.html"]


def test_the_site_gets_the_permissions_of_any_new_folder(tmp_path):
    """Not mkdtemp's 0700: a web server running as another user must be able to read the site."""
    root = site_for(tmp_path)
    old = os.umask(0o022)
    try:
        result = CliRunner().invoke(main, ["build", "--site", str(root / "site"), "--config", str(root / "mkdocs.yml")])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    site = root / "site"
    modes = {(p.is_dir(), stat.S_IMODE(p.stat().st_mode)) for p in [site, *site.rglob("*")]}
    assert modes == {(True, 0o755), (False, 0o644)}
