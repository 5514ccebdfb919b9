"""The coordinators' overview (`netwerkkaart report`) on aged and broken fixtures."""

import json
import shutil

from click.testing import CliRunner

from helpers import CASES, TODAY
from generator import overview
from generator.cli import main
from generator.validate import validate_folder


def test_stale_incomplete_without_address_and_broken(basis):
    for case in ("NK501-oud", "NK312-partner-verwijzing"):
        shutil.copytree(CASES / case / "invoer", basis, dirs_exist_ok=True)
    report = overview.build(validate_folder(basis, today=TODAY), today=TODAY)
    dender = report["regios"]["dender"]
    assert dender["partners"] == 2
    assert [(x["bestand"], x["dagen"]) for x in dender["niet_nagekeken"]] == [("partners/dender/oud.yml", 801)]
    assert [x["bestand"] for x in dender["zonder_openbaar_adres"]] == ["partners/dender/oud.yml"]
    incomplete = {x["bestand"]: x["ontbreekt"] for x in dender["onvolledig"]}
    assert "talen" in incomplete["partners/dender/oud.yml"] and "wachttijd" in incomplete["partners/dender/oud.yml"]
    assert [(x["bestand"], x["code"]) for x in dender["problemen"]] == [("regions/dender/gemeenten/zele.yml", "NK312")]


def test_report_formats(basis):
    shutil.copytree(CASES / "NK501-oud" / "invoer", basis, dirs_exist_ok=True)
    as_json = CliRunner().invoke(main, ["report", str(basis), "--format", "json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output)["regios"]["dender"]["partners"] == 2
    md = CliRunner().invoke(main, ["report", str(basis), "--format", "markdown"]).output
    assert md.startswith("# Overzicht op ") and "### Meer dan 12 maanden niet nagekeken: 1" in md
    text = CliRunner().invoke(main, ["report", str(basis)]).output
    assert "== dender: 2 partners ==" in text and "oud.yml" in text
