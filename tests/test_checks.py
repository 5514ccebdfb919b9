"""Cross-file checks that are easiest to see as plain functions."""

import pytest

from generator.validate.textcheck import looks_like_national_number
from generator.load.refdata import reference


def national_number(yymmdd: str, serial: str, after_2000: bool = False) -> str:
    base = int(yymmdd + serial)
    check = 97 - ((2_000_000_000 + base) if after_2000 else base) % 97
    return f"{yymmdd[:2]}.{yymmdd[2:4]}.{yymmdd[4:]}-{serial}.{check:02d}"


@pytest.mark.parametrize("text", [
    national_number("850730", "033"),
    national_number("120315", "123", after_2000=True),
    national_number("852730", "033"),  # a bis number: month + 20
    "Voor " + national_number("900101", "001").replace(".", "").replace("-", "") + " zie dossier",
])
def test_national_numbers_are_found(text):
    assert looks_like_national_number(text)


@pytest.mark.parametrize("text", [
    "85.07.30-033.29",  # wrong check digits
    "052 44 55 66", "+32 475 12 34 56", "0475 12 34 56", "BE0123.456.789", "9240",
    "85.13.30-033.28",  # month 13
])
def test_other_numbers_are_not(text):
    assert not looks_like_national_number(text)


def test_official_names_and_suggestions():
    ref = reference()
    assert ref.find("Zele").nis == "42028"
    assert ref.find("zele") is None
    assert ref.suggest_name("Sint\u00a0Niklaas") == "Sint-Niklaas"
    assert ref.suggest_name("Sint\u2013Niklaas") == "Sint-Niklaas"
    assert ref.suggest_name("Zele\u0301") == "Zele"
    assert ref.suggest_name("Xyzzy") is None
    assert ref.municipality("46029").name == "Lokeren" and ref.municipality("46014") is None
    assert ref.suggest_nis("46014") == "46029"
    assert "9240" in ref.municipality("42028").postcodes
    assert len([m for m in ref.municipalities.values() if m.region == "02000"]) == 285


def test_hints_name_the_fix(tmp_path):
    """The hints a non-programmer needs: the village's municipality, the NIS code, the id of a name."""
    from helpers import CASES, TODAY, build_case
    from generator.validate.pipeline import validate_folder

    def messages(case):
        result = validate_folder(build_case(tmp_path / case, CASES / case), today=TODAY)
        return " ".join(p.message + " " + p.hint for p in result.problems)

    assert "Grembergen is een deelgemeente van Dendermonde: zet gemeente: Dendermonde en plaats: Grembergen" \
        in messages("NK303-deelgemeente")
    assert "Gebruik de NIS-code van Zele" in messages("NK667-nis-als-naam") and "'42028'" in messages("NK667-nis-als-naam")
    assert "Bedoel je 'participatie'?" in messages("NK306-levensdomein")
    assert "Hernoem het bestand, zoals: kladblok.yml" in messages("NK320-extensie")
