"""`mkdocs serve` with invalid data (servestatus.py and the plugin's serve path), without a browser;
tests/browser/test_serve.py runs the real server."""

import json
import logging
import shutil
from pathlib import Path

from mkdocs.structure.files import Files

from helpers import CASES
from generator.engines import servestatus
from generator.problems import problem
from test_plugin import config_for, plugin_of

import pytest


@pytest.fixture(autouse=True)
def back_to_build(basis):
    yield
    plugin_of(config_for(basis)).on_startup(command="build", dirty=False)  # MkDocs reuses plugin instances


def test_invalid_data_while_serving_keeps_the_last_good_pages_and_writes_the_problems(basis):
    config = config_for(basis)
    plugin = plugin_of(config)
    plugin.on_startup(command="serve", dirty=True)
    (basis / "docs" / "foutcodes.md").write_text("# Foutcodes\n", encoding="utf-8")

    def build():
        config.nav = None
        cfg = config.plugins.on_config(config)
        files = cfg.plugins.on_files(Files([]), config=cfg)
        changed = {f.src_uri for f in files.documentation_pages() if f.is_modified()}
        for f in files.documentation_pages():
            Path(f.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
            Path(f.abs_dest_path).write_text("x", encoding="utf-8")
        plugin.on_post_build(config=cfg)
        return cfg, changed, json.loads((Path(cfg.site_dir) / servestatus.STATUS).read_text(encoding="utf-8"))

    cfg, first, status = build()
    assert status["problemen"] == [] and servestatus.SCRIPT in cfg.extra_javascript
    shutil.copytree(CASES / "NK107-dubbele-sleutel" / "invoer", basis, dirs_exist_ok=True)
    cfg, changed, status = build()  # no PluginError: the server would hang
    assert changed == set()  # the last good pages stay, nothing is rendered again
    (item,) = status["problemen"]
    assert item["plaats"] == "partners/dender/dubbel.yml:16:1" and item["code"] == "NK107"
    assert item["uitleg"] == "foutcodes/#" + servestatus.anchor("NK107") and item["uitleg"].startswith("foutcodes/#nk107-")
    assert "1 fout." in status["titel"]
    (basis / "partners" / "dender" / "dubbel.yml").unlink()
    cfg, changed, status = build()
    assert status["problemen"] == []


def test_first_build_with_invalid_data_shows_the_problems_on_the_home_page(basis):
    shutil.copytree(CASES / "NK107-dubbele-sleutel" / "invoer", basis, dirs_exist_ok=True)
    config = config_for(basis)
    plugin_of(config).on_startup(command="serve", dirty=False)
    cfg = config.plugins.on_config(config)
    files = cfg.plugins.on_files(Files([]), config=cfg)
    assert [f.src_uri for f in files.documentation_pages()] == ["index.md"]
    assert "partners/dender/dubbel.yml:16:1" in plugin_of(config).bodies["index.md"]
    assert [list(item)[0] for item in cfg.nav] == ["Start"]


def test_everything_from_the_data_is_escaped():
    bad = problem("NK900", "<script>x</script>.yml", 1, 1, error="<img src=x onerror=alert(1)>")
    body = servestatus.error_page([bad], "foutcodes/").body
    assert "<script>x" not in body and "<img" not in body and "&lt;img" in body
    assert "\\u003c" in servestatus.status_json([bad], None) or "<img" in json.loads(servestatus.status_json([bad], None))["problemen"][0]["melding"]


def test_the_dirty_warning_does_not_reach_editors(caplog):
    servestatus.quiet_dirty_warning()
    caplog.set_level(logging.INFO)
    logging.getLogger("mkdocs.commands.build").warning(
        "A 'dirty' build is being performed, this will likely lead to inaccurate navigation")
    logging.getLogger("mkdocs.commands.build").warning("iets anders")
    assert "dirty" not in caplog.text and "iets anders" in caplog.text


def test_plural():
    assert servestatus.plural(1, "fout", "fouten") == "1 fout"
    assert servestatus.plural(2, "fout", "fouten") == "2 fouten"
