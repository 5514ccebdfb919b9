"""The coordinators' overview (`netwerkkaart report`) on aged and broken fixtures, and a golden output
for the example data:

    .venv/bin/python tests/test_overview.py   # writes tests/golden/report.* again (review the diff!)
"""

import io
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))

from click.testing import CliRunner  # noqa: E402

from helpers import CASES, ROOT, TODAY  # noqa: E402
from generator.commands import overview  # noqa: E402
from generator.validate import schema  # noqa: E402
from generator.cli import main  # noqa: E402
from generator.validate.pipeline import validate_folder  # noqa: E402

GOLDEN = Path(__file__).parent / "golden"


def test_blocking_stale_and_what_families_miss(basis):
    for case in ("NK501-oud", "NK312-partner-verwijzing"):
        shutil.copytree(CASES / case / "invoer", basis, dirs_exist_ok=True)
    report = overview.build(validate_folder(basis, today=TODAY), today=TODAY)
    dender = report["regios"]["dender"]
    assert dender["partners"] == 2
    assert [(x["bestand"], x["dagen"]) for x in dender["niet_nagekeken"]] == [("partners/dender/oud.yml", 801)]
    assert [(x["bestand"], x["mist"]) for x in dender["mist_voor_gezinnen"]][0][1][-1] == "geen_adres"
    assert dender["onvolledig"] == []  # optional fields count only when regio.yml asks for them
    assert [(x["bestand"], x["code"]) for x in dender["blokkeert_publicatie"]] == [
        ("regions/dender/gemeenten/zele.yml", "NK312")]


def test_region_policy_makes_optional_fields_required(basis):
    shutil.copytree(CASES / "NK501-oud" / "invoer", basis, dirs_exist_ok=True)
    path = basis / "regions" / "dender" / "regio.yml"
    path.write_text(path.read_text(encoding="utf-8") + "verplichte_velden:\n  - aanmelden.wachttijd\n  - talen\n",
                    encoding="utf-8")
    result = validate_folder(basis, today=TODAY)
    assert result.errors == []
    incomplete = {x["bestand"]: x["ontbreekt"] for x in overview.build(result, today=TODAY)["regios"]["dender"]["onvolledig"]}
    assert "wachttijd" in incomplete["partners/dender/oud.yml"]


def test_policy_fields_are_the_schemas_enum():
    enum = schema.inlined("regio")["properties"]["verplichte_velden"]["items"]["enum"]
    assert enum == list(overview.OPTIONAL)


def test_families_miss_contact_before_phone_before_address():
    data = {"contact": {}, "aanmelden": {"via": ["zelf"]}, "locaties": []}
    assert overview._misses(data) == ["geen_contact", "geen_telefoon", "geen_adres"]
    assert overview._misses({"contact": {"email": "a@b.example"}, "locaties": [{"adres": {}}]}) == ["geen_telefoon"]


def test_report_formats(basis):
    shutil.copytree(CASES / "NK501-oud" / "invoer", basis, dirs_exist_ok=True)
    as_json = CliRunner().invoke(main, ["report", str(basis), "--format", "json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output)["regios"]["dender"]["partners"] == 2
    md = CliRunner().invoke(main, ["report", str(basis), "--format", "markdown"]).output
    assert md.startswith("# Overzicht Netwerkkaart, ") and "### Meer dan 12 maanden niet nagekeken (1)" in md
    text = CliRunner().invoke(main, ["report", str(basis)]).output
    assert "2 partners ==" in text and "oud.yml" in text


def outputs() -> dict[str, str]:
    report = overview.build(validate_folder(ROOT, today=TODAY), today=TODAY)
    found = {}
    for fmt, suffix in (("markdown", "md"), ("text", "txt")):
        out = io.StringIO()
        overview.FORMATS[fmt](report, out)
        found[f"report.{suffix}"] = out.getvalue()
    return found


def test_golden_report_of_the_example_data():
    for name, text in outputs().items():
        assert text == (GOLDEN / name).read_text(encoding="utf-8"), (
            f"{name} differs; regenerate with: .venv/bin/python tests/test_overview.py (and review the diff)")


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for name, text in outputs().items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
        print(f"geschreven: tests/golden/{name}")
