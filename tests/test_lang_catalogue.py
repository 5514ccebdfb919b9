"""Issue 15, the family's language (text): the catalogues in generator/data/talen/, their check
(NK370-NK373, fails a strict validation and a strict MkDocs build), the Dutch texts of the pages and
scripts agreeing with nl.yml, and what the sheet's data carries for another language."""

import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.topics import i18n
from generator.cli import main
from generator.model import build_site
from generator.render.pages import sheet_page, wegwijzer_page
from generator.render.sheet import sheet_data
from generator.validate.pipeline import validate_folder

ROOT = Path(__file__).resolve().parents[1]
THEME = ROOT / "generator" / "theme" / "assets" / "netwerkkaart"


@pytest.fixture
def talen(tmp_path, monkeypatch):
    """A copy of the catalogues the check reads instead of the real ones."""
    folder = tmp_path / "talen"
    shutil.copytree(i18n.FOLDER, folder)
    monkeypatch.setattr(i18n, "FOLDER", folder)
    return folder


def drop_line(file: Path, key: str) -> None:
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(key + ":")]
    assert len(kept) == len(lines) - 1
    file.write_text("".join(kept), encoding="utf-8")


def line_of(file: Path, key: str) -> int:
    return next(i for i, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(key + ":"))


def test_every_language_has_every_key_with_the_same_placeholders():
    assert i18n.check() == []
    found = i18n.catalogues()
    assert set(found) == {"nl", "fr", "en", "ar", "tr", "pl", "uk", "ro"}
    assert all(found[code].keys() == found["nl"].keys() for code in found)


def test_a_missing_key_fails_the_strict_validation(talen, basis):
    drop_line(talen / "fr.yml", "sheet.call")
    result = validate_folder(basis)
    (found,) = [p for p in result.problems if p.code == "NK370"]
    assert found.file.endswith("fr.yml") and "sheet.call" in found.message and "Bellen" in found.hint
    assert result.ok() and not result.ok(strict=True)  # the site still shows the Dutch text
    assert CliRunner().invoke(main, ["validate", str(basis)]).exit_code == 0
    done = CliRunner().invoke(main, ["validate", str(basis), "--strict"])
    assert done.exit_code == 1 and "NK370" in done.output


def test_a_missing_key_fails_the_strict_mkdocs_build(talen, basis, caplog):
    """NK370 is a real MkDocs warning: `mkdocs build --strict` fails on it."""
    from mkdocs.config import load_config

    caplog.set_level(logging.INFO)
    drop_line(talen / "ar.yml", "ww.title")
    (basis / "docs").mkdir(exist_ok=True)
    (basis / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n  language: nl\n  font: false\n"
        "plugins:\n  - netwerkkaart:\n      search: false\n", encoding="utf-8")
    config = load_config(str(basis / "mkdocs.yml"))
    config.plugins.on_config(config)
    assert any(r.levelname == "WARNING" and "NK370" in r.getMessage() and "ar.yml" in r.getMessage() for r in caplog.records)


def test_a_placeholder_that_differs_is_an_error_at_its_line(talen, basis):
    file = talen / "uk.yml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace('sheet.qr: "QR-код на сторінку {naam}"', 'sheet.qr: "QR-код на сторінку {name}"'), encoding="utf-8")
    result = validate_folder(basis)
    (found,) = [p for p in result.problems if p.code == "NK371"]
    assert (Path(found.file).name, found.line) == ("uk.yml", line_of(file, "sheet.qr"))
    assert "{name}" in found.message and "{naam}" in found.message
    assert not result.ok()


def test_a_key_nl_does_not_have_and_an_empty_text(talen):
    with (talen / "pl.yml").open("a", encoding="utf-8") as f:
        f.write('sheet.cal: "Zadzwoń"\n')
    file = talen / "tr.yml"
    file.write_text(file.read_text(encoding="utf-8").replace('sheet.print: "Yazdır"', 'sheet.print: ""'), encoding="utf-8")
    found = {(p.code, Path(p.file).name) for p in i18n.check()}
    assert ("NK372", "pl.yml") in found
    assert ("NK376", "tr.yml") in found and ("NK370", "tr.yml") in found  # an empty text counts as missing


def test_a_missing_catalogue_is_an_error(talen):
    (talen / "ro.yml").unlink()
    (found,) = i18n.check()
    assert found.code == "NK373" and found.file.endswith("ro.yml")


def test_first_translations_say_they_are_machine_made():
    for code in i18n.LANGUAGES:
        if code != "nl":
            assert "nog na te lezen door een moedertaalspreker" in (i18n.FOLDER / f"{code}.yml").read_text(encoding="utf-8")


# -- the Dutch in the pages and scripts is nl.yml's ------------------------------------------------------

def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def test_pages_carry_the_dutch_of_nl_yml():
    nl = i18n.catalogues()["nl"]
    site = build_site(validate_folder(ROOT).project)
    seen = set()
    for page in (sheet_page(), wegwijzer_page(site)):
        body = page.body if hasattr(page, "body") else str(page)
        for tag, key, inner in re.findall(r'<(\w+)[^>]*\sdata-nk-t="([^"]+)"[^>]*>(.*?)</\1>', body, re.S):
            assert key in nl, key
            assert _text(inner).replace("&amp;", "&") == nl[key], key
            seen.add(key)
        for key in re.findall(r'data-nk-t-(?:placeholder|title|label)="([^"]+)"', body):
            assert key in nl, key
    assert {"sheet.title", "sheet.privacy_text", "ww.lead", "vraag.schulden", "domein.inkomen"} <= seen


JS_CALL = re.compile(r'\b[Tt]\("([a-z_.-]+)", "((?:[^"\\]|\\.)*)"\s*[,)]')


@pytest.mark.parametrize("script", ["netwerkkaart.js", "wegwijzer.js", "nk-taal.js"])
def test_scripts_use_known_keys_with_the_dutch_of_nl_yml(script):
    nl = i18n.catalogues()["nl"]
    source = (THEME / script).read_text(encoding="utf-8")
    keys = re.findall(r'\b(?:T|t|\.t|\.has)\("([a-z_.-]+)"\s*[,)]', source)
    assert keys and set(keys) <= set(nl), set(keys) - set(nl)
    for prefix in re.findall(r'\b(?:T|\.has)\("([a-z_.-]+\.)"\s*\+', source):  # "vraag." + id
        assert any(k.startswith(prefix) for k in nl), prefix
    for key, dutch in JS_CALL.findall(source):
        if dutch and "{" not in nl[key]:  # a text without placeholders: the same Dutch in both places
            assert json.loads(f'"{dutch}"') == nl[key], key


# -- what the browser gets ---------------------------------------------------------------------------------

def test_each_language_is_a_small_json_file():
    files = {f.path: json.loads(f.content) for f in i18n.asset_files()}
    assert set(files) == {f"assets/netwerkkaart/talen/{c}.json" for c in i18n.LANGUAGES}
    ar = files["assets/netwerkkaart/talen/ar.json"]
    assert ar["sheet.call"] == "اتصل" and len(json.dumps(ar, ensure_ascii=False).encode()) < 40_000


def test_sheet_data_carries_the_fields_behind_the_sentences():
    site = build_site(validate_folder(ROOT).project)
    data = sheet_data(site)
    caw = data["partners"]["caw-onthaal-dendermonde"]["t"]
    assert caw["via"] and caw["kp"] == "gratis" and "ar" in caw["talen"]
    assert set(caw["kort"]) == {"fr", "en", "ar"}  # vertalingen: in the partner's file
    assert caw["loc"][0]["b"][0]["dagen"] and caw["af"][0]["regio"]
    dender = data["regios"]["dender"]
    assert "schulden" in dender["vt"] and "inkomen" in dender["dt"]
