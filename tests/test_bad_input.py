"""The shared bad-input cases (tests/bad-input, copied from shared/bad-input): what each must give."""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from helpers import TODAY, TESTS
from generator.cli import main
from generator.validate.pipeline import validate_folder
from generator.load.yamlload import load

BAD = TESTS / "bad-input"
TOP_LEVEL = sorted(BAD.glob("*.yaml"))

# file -> (line, code) of the loader's refusal, or the data it must produce exactly.
REFUSED = {
    "bomb.yaml": (1, "NK108"),
    "dup_key.yaml": (3, "NK107"),
    "empty.yaml": (1, "NK105"),
    "latin1.yaml": (1, "NK101"),
    "list_missing_dash.yaml": (3, "NK107"),
    "merge_key.yaml": (1, "NK108"),
    "multi_doc.yaml": (2, "NK106"),
    "nul_byte.yaml": (1, "NK102"),
    "python_tag.yaml": (1, "NK109"),
    "tabs.yaml": (3, "NK104"),
}
LOADED = {
    "bom.yaml": {"naam": "Café Kind"},
    "date.yaml": {"geldig_vanaf": "2024-03-01", "timestamp": "2024-03-01 10:00:00",
                  "openingsuren": "09:00-12:00", "open": "09:00"},
    "norway.yaml": {"taal": "no", "taal2": "NO", "a": "yes", "b": "on", "c": "off", "d": "y", "e": "n",
                    "f": "True", "g": None, "h": None, "i": None},
    "phone_leading_zero.yaml": {
        "tel_spaces": "052 21 23 45", "tel_plain": "0522123456", "tel_short": "09", "tel_octal": "052",
        "tel_0o": "0o52", "tel_08": "08", "tel_plus": "+32 52 21 23 45", "tel_plus_nospace": "+3252212345",
        "tel_slash": "052/21.23.45", "tel_underscore": "052_212_345"},
    "postcode_int.yaml": {"postcode": 9160, "postcode_leading0": "0900", "postcode_sexagesimal": "1:30"},
    "hash_truncates.yaml": {"naam": "Kind & Gezin", "website": "https://www.kindengezin.be/#contact",
                            "omschrijving": "Ouders"},
}


def test_every_case_is_classified():
    names = {p.name for p in TOP_LEVEL}
    known = set(REFUSED) | set(LOADED) | {"partner_formats.yaml", "partner_missing_required.yaml",
                                          "partner_ok.yaml", "partner_typo_key.yaml"}
    assert names == known


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_loader_refuses(name):
    doc, problems = load((BAD / name).read_bytes(), name)
    assert doc is None
    assert [(p.line, p.code) for p in problems] == [REFUSED[name]]


@pytest.mark.parametrize("name", sorted(LOADED))
def test_loader_keeps_what_was_written(name):
    doc, problems = load((BAD / name).read_bytes(), name)
    assert doc is not None and doc.data == LOADED[name]
    assert not any(p.is_error for p in problems)


def test_hash_truncation_warns_per_value():
    _, problems = load((BAD / "hash_truncates.yaml").read_bytes(), "h.yaml")
    assert [(p.line, p.code) for p in problems] == [(1, "NK503"), (3, "NK503")]


@pytest.mark.parametrize("path", TOP_LEVEL, ids=[p.name for p in TOP_LEVEL])
def test_as_partner_file_cli_gives_position_code_and_exit_1(path, basis):
    shutil.copy(path, basis / "partners" / "dender" / path.name)
    result = CliRunner().invoke(main, ["validate", str(basis)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a crash
    assert "Traceback" not in result.output and "NK900" not in result.output
    pattern = rf"^partners/dender/{re.escape(path.name)}:\d+:\d+: NK\d{{3}} fout: "
    assert re.search(pattern, result.output, re.MULTILINE), result.output


def partner_problems(basis: Path, name: str) -> list[tuple[int, str]]:
    shutil.copy(BAD / name, basis / "partners" / "dender" / name)
    result = validate_folder(basis, today=TODAY)
    return [(p.line, p.code) for p in result.problems if p.file.endswith(name)]


def test_partner_formats(basis):
    found = partner_problems(basis, "partner_formats.yaml")
    assert (8, "NK202") in found and (9, "NK202") in found  # email/website belong under contact


def test_partner_formats_in_our_format(basis):
    (basis / "partners" / "dender" / "formats.yml").write_text(
        (basis / "partners" / "dender" / "huis-van-het-kind-zele.yml").read_text(encoding="utf-8")
        .replace("id: huis-van-het-kind-zele", "id: formats")
        .replace('  telefoon: "052 44 55 66"', "  email: info at huis.be\n  website: javascript:alert(1)"),
        encoding="utf-8")
    result = validate_folder(basis, today=TODAY)
    assert [(p.file, p.line, p.code) for p in result.problems] == [
        ("partners/dender/formats.yml", 20, "NK206"), ("partners/dender/formats.yml", 21, "NK207")]


def test_partner_missing_required_one_error_per_field(basis):
    shutil.copy(BAD / "partner_missing_required.yaml", basis / "partners" / "dender" / "x.yaml")
    result = validate_folder(basis, today=TODAY)
    fields = sorted(re.search(r"'(\w+)'", p.message).group(1) for p in result.problems
                    if p.code == "NK201" and p.file.endswith("x.yaml"))
    assert fields == sorted(["naam", "soort", "korte_beschrijving", "aanmelden", "werkgebied",
                             "beroepsgeheim", "nagekeken"])


def test_partner_typo_key_on_its_own_line_with_suggestion(basis):
    shutil.copy(BAD / "partner_typo_key.yaml", basis / "partners" / "dender" / "partner_typo_key.yaml")
    result = validate_folder(basis, today=TODAY)
    typos = {p.line: p.message for p in result.problems if p.code == "NK202"}
    assert "Bedoel je 'adres'" in typos[3]
    assert "Bedoel je 'telefoon'" in typos[9]


# -- dup_ids: fragments wrapped into our partner format, the tricky values kept as written --

def wrap(fragment: dict, postcode: str, lat: float, lon: float) -> str:
    record = {
        "id": fragment["id"], "naam": fragment["naam"], "soort": "andere",
        "korte_beschrijving": "Testpartner.", "levensdomeinen": ["opvoeding"],
        "aanmelden": {"via": ["zelf"]}, "werkgebied": {"hele_regio": True},
        "locaties": [{"adres": {"straat": "Kerkstraat 1", "postcode": postcode, "gemeente": fragment["gemeente"]},
                      "coordinaten": {"lat": lat, "lon": lon}}],
        "contact": {"telefoon": "09 348 12 34"}, "beroepsgeheim": False,
        "nagekeken": {"datum": "2026-10-01", "door": "Test"},
    }
    return yaml.safe_dump(record, allow_unicode=True, sort_keys=False)


def test_dup_ids(basis):
    where = {"Lokeren": ("9160", 51.1037, 3.9921)}
    for path in sorted((BAD / "dup_ids" / "partners").glob("*.yaml")):
        doc, _ = load(path.read_bytes(), path.name)
        postcode, lat, lon = where.get(doc.data["gemeente"], ("9100", 51.1652, 4.1438))
        (basis / "partners" / "dender" / path.name).write_text(wrap(doc.data, postcode, lat, lon), encoding="utf-8")
    result = validate_folder(basis, today=TODAY)
    found: dict[str, list[str]] = {}
    for p in result.problems:
        if p.code == "NK302":  # the fragments' ids differ from their file names; not what is tested here
            continue
        found.setdefault(p.file.rsplit("/", 1)[-1], []).append(p.code + (":" + p.message if p.code == "NK303" else ""))
    codes = {name: sorted(c.split(":")[0] for c in v) for name, v in found.items()}
    assert codes["hvhk-lokeren.yaml"] == ["NK301"]
    assert codes["hvhk-lokeren-kopie.yaml"] == ["NK301"]
    for name in ("sn-space.yaml", "sn-endash.yaml", "sn-nbsp.yaml", "sn-trailing.yaml"):
        assert "NK303" in codes[name] and any("Bedoel je 'Sint-Niklaas'?" in c for c in found[name]), name
    assert "NK310" in codes["sn-nbsp.yaml"] and "NK310" in codes["sn-trailing.yaml"]
    for name in ("zele-nfc.yaml", "zele-nfd.yaml"):
        assert any("Bedoel je 'Zele'?" in c for c in found[name]), name
    assert any("Bedoel je 'Lokeren'?" in c for c in found["lowercase.yaml"])
    assert "NK310" in codes["zwsp-id.yaml"] and "NK668" in codes["zwsp-id.yaml"]
    assert "sn-ok-plain-trailing.yaml" not in found  # plain trailing spaces are not part of the value


def test_list_with_null_item_and_list_of_municipalities():
    doc, problems = load((BAD / "dup_ids" / "partners_list_with_null.yaml").read_bytes(), "p.yaml")
    assert [(p.line, p.code) for p in problems] == [(3, "NK114")]
    doc, problems = load((BAD / "dup_ids" / "gemeenten" / "gemeenten.yaml").read_bytes(), "g.yaml")
    assert [(p.line, p.code) for p in problems] == [(1, "NK113")]
