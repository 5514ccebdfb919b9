"""Tester's findings on validation: no follow-on 'unknown partner' (NK312) after a partner file that could
not be read, and NK667's wording for a misspelt municipality name."""

from helpers import CASES, TODAY, build_case
from generator.validate.pipeline import validate_folder
from generator.load.yamlload import MAX_BYTES


def _problems(tmp_path, case):
    return validate_folder(build_case(tmp_path, CASES / case), today=TODAY).problems


def test_broken_partner_referenced_by_a_municipality_gives_only_its_own_error(tmp_path):
    problems = _problems(tmp_path, "NK125-verwezen-partner-kapot")
    assert [p.code for p in problems] == ["NK125"]  # not also NK312 in gemeenten/zele.yml


def test_partner_file_too_large_to_read_is_no_unknown_partner(tmp_path):
    root = build_case(tmp_path, CASES / "NK125-verwezen-partner-kapot")
    (root / "partners/dender/huis-van-het-kind-zele.yml").write_bytes(b"# " + b"x" * (MAX_BYTES + 10) + b"\n")
    problems = validate_folder(root, today=TODAY).problems
    assert [p.code for p in problems] == ["NK100"]


def test_a_reference_to_a_partner_without_any_file_is_still_reported(tmp_path):
    root = build_case(tmp_path, CASES / "NK125-verwezen-partner-kapot")
    (root / "partners/dender/huis-van-het-kind-zele.yml").unlink()
    problems = validate_folder(root, today=TODAY).problems
    assert [(p.file, p.code) for p in problems] == [("regions/dender/gemeenten/zele.yml", "NK312")]


def test_misspelt_municipality_name_is_not_called_a_municipality(tmp_path):
    (problem,) = _problems(tmp_path, "NK667-naam-verkeerd-gespeld")
    assert "is de naam van een gemeente" not in problem.message
    assert "'Zelle' lijkt een naam, geen NIS-code" in problem.message
    assert "Bedoel je Zele?" in problem.message
    assert "42028" in problem.hint


def test_exact_municipality_name_gets_no_guess(tmp_path):
    (problem,) = _problems(tmp_path, "NK667-nis-als-naam")
    assert "Bedoel je" not in problem.message and "42028" in problem.hint
