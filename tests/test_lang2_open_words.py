"""Issue 15 follow-up (lang2): the "nu open" sentences of nk-open.js and the wegwijzer's "Open" filter
in the family's language. The keys live in the catalogues like every other family text: nk-open.js's
Dutch is nl.yml's, nk-taal.js knows every state sentence (all or nothing), a missing key fails the
strict check (NK370), and the "Open" fieldset carries its keys."""

import json
import re
from pathlib import Path

from click.testing import CliRunner

from generator.topics import i18n
from generator.render.agreements import FAMILY_EXPLANATION
from generator.cli import main
from generator.model import build_site
from generator.render.pages import wegwijzer_page
from generator.validate.pipeline import validate_folder
from generator.render.wegwijzer import region_data
from test_lang_catalogue import ROOT, THEME, drop_line, talen  # noqa: F401 (fixture)

OPEN = (THEME / "nk-open.js").read_text(encoding="utf-8")
TAAL = (THEME / "nk-taal.js").read_text(encoding="utf-8")
WEGWIJZER = (THEME / "wegwijzer.js").read_text(encoding="utf-8")
NL = i18n.catalogues()["nl"]


def test_every_state_sentence_of_nk_open_has_a_key_with_the_same_dutch():
    used = re.findall(r'\bw\.t\("(open\.[a-z_]+)"', OPEN)
    assert len(used) == 11 and set(used) <= set(NL), set(used) - set(NL)
    # a sentence without a placeholder: the same Dutch in the script and in nl.yml
    for key, dutch in re.findall(r'\bw\.t\("(open\.[a-z_]+)", "((?:[^"\\]|\\.)*)"\)', OPEN):
        assert json.loads(f'"{dutch}"') == NL[key], key
    # "feestdag: Kerstmis" is the holiday's reason as the state logic writes it
    assert NL["open.holiday"] == "feestdag: {naam}" and '"feestdag: " + holiday' in OPEN


def test_nk_taal_knows_every_state_sentence():
    """nk-taal.js translates "nu open" only when the language has all of its sentences (never a
    sentence half in Dutch): its list must hold every key nk-open.js uses, and the holiday's."""
    listed = set(re.findall(r'"(open\.[a-z_]+)"', TAAL.split("var OPEN_KEYS = [")[1].split("];")[0]))
    assert listed == set(re.findall(r'\bw\.t\("(open\.[a-z_]+)"', OPEN)) | {"open.holiday"}
    assert listed == {k for k in NL if k.startswith("open.")}


def test_every_language_has_the_open_sentences_with_their_placeholders():
    found = i18n.catalogues()
    assert i18n.check() == []
    for code, texts in found.items():
        for key in [k for k in NL if k.startswith("open.") or k.startswith("ww.open") or k in (
                "ww.total_now", "ww.total_today", "ww.none_now", "ww.none_today", "ww.agreement_explained")]:
            assert texts.get(key), (code, key)
            assert i18n.placeholders(texts[key]) == i18n.placeholders(NL[key]), (code, key)
    assert found["fr"]["open.closed"] == "Fermé" and found["ar"]["ww.open_now"] == "مفتوح الآن"


def test_a_missing_state_sentence_fails_the_strict_validation(talen, basis):
    drop_line(talen / "fr.yml", "open.opens_tomorrow")
    result = validate_folder(basis)
    (found,) = [p for p in result.problems if p.code == "NK370"]
    assert found.file.endswith("fr.yml") and "open.opens_tomorrow" in found.message
    assert result.ok() and not result.ok(strict=True)
    done = CliRunner().invoke(main, ["validate", str(basis), "--strict"])
    assert done.exit_code == 1 and "NK370" in done.output


def test_the_open_filter_keys_are_in_the_wegwijzer_script_and_page():
    for key in ("ww.open_now_count", "ww.open_today_count", "ww.open_hint", "ww.total_now", "ww.total_today",
                "ww.none_now", "ww.none_today", "ww.agreement_explained"):
        assert f'"{key}"' in WEGWIJZER, key
    site = build_site(validate_folder(ROOT).project)
    body = wegwijzer_page(site).body
    fieldset = body.split('<fieldset class="nk-ww-open">')[1].split("</fieldset>")[0]
    assert re.findall(r'data-nk-t="([^"]+)"', fieldset) == ["ww.open", "ww.open_all", "ww.open_now", "ww.open_today"]
    assert 'aria-label="Wegwijzer" data-nk-t-label="ww.title"' in body


def test_the_agreement_on_wegwijzer_cards_can_be_said_in_another_language():
    assert NL["ww.agreement_explained"] == FAMILY_EXPLANATION  # the Dutch the region data carries
    site = build_site(validate_folder(ROOT).project)
    dender = next(r for r in site.regions if r.id == "dender")
    data = region_data(site, "dender")
    assert data["afspraak_datum"] == {a.id: a.datum for a in dender.agreements} != {}
