"""The yearly check-in: `netwerkkaart nakijken` (who is due, mail-merge CSV and texts, golden files) and
`netwerkkaart nagekeken` (only the two values change, byte for byte; refusals)."""

import csv
import io
import os
import shutil

import pytest
from click.testing import CliRunner

from helpers import CASES, ROOT, TESTS, TODAY
from generator.commands import checkin
from generator.cli import main
from generator.model import build_site
from generator.validate.pipeline import validate_folder

GOLDEN = TESTS / "checkin"
SITE_URL = "https://kaart.example/"


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env={"NK_VANDAAG": TODAY.isoformat(), **(env or {})})


def example_site():
    return build_site(validate_folder(ROOT, today=TODAY).project, today=TODAY, site_url=SITE_URL)


def test_golden_texts_and_csv_for_two_example_partners():
    """Regenerate after a deliberate change: NK_SCHRIJF_GOUD=1 pytest tests/test_checkin.py (then read them)."""
    site = example_site()
    chosen = {"dender": [site.partner("lop-dender"), site.partner("huis-van-het-kind-zele")]}
    made = {f.path: f.text for f in checkin.files(site, chosen)}
    names = {"nakijken.csv": "nakijken.csv", "teksten/dender/lop-dender.txt": "lop-dender.txt",
             "teksten/dender/huis-van-het-kind-zele.txt": "huis-van-het-kind-zele.txt"}
    assert set(made) == set(names)
    for path, name in names.items():
        if os.environ.get("NK_SCHRIJF_GOUD"):
            (GOLDEN / name).write_bytes(made[path].encode("utf-8"))
        assert made[path].encode("utf-8") == (GOLDEN / name).read_bytes(), name
    text = made["teksten/dender/lop-dender.txt"]
    assert checkin.QUESTION in text and "https://kaart.example/partners/lop-dender/" in text


def test_only_partners_past_their_regions_limit_are_due():
    site = example_site()
    assert {r: [p.id for p in ps] for r, ps in checkin.due(site).items()} == {"dender": ["lop-dender"], "voorkempen": []}
    everyone = checkin.due(site, region="voorkempen", everyone=True)
    assert list(everyone) == ["voorkempen"]
    assert len(everyone["voorkempen"]) == sum(p.region == "voorkempen" for p in site.partners) > 20


def test_nakijken_writes_an_owned_folder(tmp_path):
    out = tmp_path / "nakijken"
    result = run("nakijken", str(ROOT), "--uit", str(out), "--site-url", SITE_URL)
    assert result.exit_code == 0, result.output
    assert "lop-dender" in result.output
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        ".netwerkkaart-site", "nakijken.csv", "teksten/dender/lop-dender.txt"]
    raw = (out / "nakijken.csv").read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == checkin.CSV_COLUMNS and [r[1] for r in rows[1:]] == ["lop-dender"]
    again = run("nakijken", str(ROOT), "--uit", str(out))  # its own folder: replaced
    assert again.exit_code == 0, again.output


def test_nakijken_refuses_to_write_into_the_data_or_a_foreign_folder(tmp_path, basis):
    for target in (basis / "partners", basis / "partners" / "dender" / "x", basis):
        result = run("nakijken", str(basis), "--uit", str(target))
        assert result.exit_code == 2 and "NK701" in result.output, (target, result.output)
    foreign = tmp_path / "eigen"
    foreign.mkdir()
    (foreign / "brief.docx").write_text("mijn werk", encoding="utf-8")
    result = run("nakijken", str(basis), "--uit", str(foreign))
    assert result.exit_code == 2 and "NK702" in result.output
    assert [p.name for p in foreign.iterdir()] == ["brief.docx"]
    assert run("nakijken", str(basis), "--regio", "../x").exit_code == 2


def test_csv_cells_are_neutralised_for_a_spreadsheet(basis):
    path = basis / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("door: Huis van het Kind Zele",
                                                             'door: "=HYPERLINK(\\"http://x.example\\")"'),
                    encoding="utf-8")
    site = build_site(validate_folder(basis, today=TODAY).project, today=TODAY)
    made = checkin.files(site, checkin.due(site, everyone=True))
    rows = list(csv.reader(io.StringIO(made[0].text.lstrip("\ufeff")), delimiter=";"))
    door = rows[1][checkin.CSV_COLUMNS.index("nagekeken_door")]
    assert door == "'=HYPERLINK(\"http://x.example\")"


UNUSUAL = (
    "# Partner met ongewone opmaak: commentaar, volgorde, aanhalingstekens\r\n"
    "nagekeken:   # eerst, niet laatst\r\n"
    "    door:    'Oude Naam'     # wie\r\n"
    "    datum:  \"2024-01-31\"  # wanneer\r\n"
    "id: huis-van-het-kind-zele\r\n"
    "naam:    Huis van het Kind Zele   # naam\r\n"
    "soort: huis-van-het-kind\r\n"
    "korte_beschrijving: >-\r\n"
    "  Hier kan je terecht met alle vragen\r\n"
    "  over opgroeien en opvoeden.\r\n"
    "levensdomeinen: [opvoeding,   gezondheid]\r\n"
    "aanmelden: {via: [zelf], kostprijs: gratis}\r\n"
    "werkgebied:\r\n"
    "  gemeenten: [\"42028\"]\r\n"
    "contact:\r\n"
    "  telefoon: \"052 44 55 66\"\r\n"
    "beroepsgeheim: true\r\n"
    "# laatste regel zonder regeleinde"
)


def test_nagekeken_changes_only_the_two_values_byte_for_byte(basis):
    path = basis / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    path.write_bytes(UNUSUAL.encode("utf-8"))
    assert not validate_folder(basis, today=TODAY).errors
    result = run("nagekeken", "huis-van-het-kind-zele", "--door", "Regioteam Dender", "--datum", "2026-11-20",
                 "--data", str(basis))
    assert result.exit_code == 0, result.output
    expected = (UNUSUAL.replace("'Oude Naam'", '"Regioteam Dender"')
                .replace('"2024-01-31"', '"2026-11-20"')).encode("utf-8")
    assert path.read_bytes() == expected
    data = validate_folder(basis, today=TODAY).project.of_kind("partner")[0].doc.data
    assert data["nagekeken"] == {"datum": "2026-11-20", "door": "Regioteam Dender"}


def test_nagekeken_defaults_to_today_and_quotes_any_name(basis):
    path = basis / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    before = path.read_text(encoding="utf-8")
    result = run("nagekeken", "huis-van-het-kind-zele", "--door", 'An "De Vos": # niet commentaar',
                 "--data", str(basis))
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert after == before.replace('datum: "2026-10-01"', f'datum: "{TODAY.isoformat()}"').replace(
        "door: Huis van het Kind Zele", 'door: "An \\"De Vos\\": # niet commentaar"')


@pytest.mark.parametrize("args, code, exit_code", [
    (["--datum", "2026-11-26"], "NK505", 2),  # tomorrow
    (["--datum", "2026-02-30"], "NK208", 2),
    (["--datum", "25-11-2026"], "NK208", 2),
    (["--door", " x"], "NK507", 2),
    (["--door", "a\nb"], "NK507", 2),
    (["--door", "Regio\u200bteam"], "NK652", 2),  # refused by the text checks on the changed file
])
def test_nagekeken_refuses_and_changes_nothing(basis, args, code, exit_code):
    path = basis / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    before = path.read_bytes()
    options = {"--door": "Regioteam", **dict(zip(args[::2], args[1::2]))}
    result = run("nagekeken", "huis-van-het-kind-zele", *[x for kv in options.items() for x in kv], "--data", str(basis))
    assert result.exit_code == exit_code and code in result.output, result.output
    assert path.read_bytes() == before


def test_nagekeken_unknown_id_bad_id_and_broken_file(basis):
    assert "NK312" in (r := run("nagekeken", "bestaat-niet", "--door", "Regioteam", "--data", str(basis))).output
    assert r.exit_code == 2
    assert run("nagekeken", "../regions/dender/regio", "--door", "Regioteam", "--data", str(basis)).exit_code == 2
    shutil.copytree(CASES / "NK107-dubbele-sleutel" / "invoer", basis, dirs_exist_ok=True)
    broken = next((basis / "partners" / "dender").glob("dubbel.yml"))
    before = broken.read_bytes()
    result = run("nagekeken", "dubbel", "--door", "Regioteam", "--data", str(basis))
    assert result.exit_code == 1 and "NK509" in result.output
    assert broken.read_bytes() == before


def test_nagekeken_does_not_follow_a_link_out_of_the_data_folder(basis, tmp_path):
    outside = tmp_path.parent / (tmp_path.name + "-buiten")
    (outside / "dender").mkdir(parents=True)
    shutil.copy(basis / "partners" / "dender" / "huis-van-het-kind-zele.yml", outside / "dender" / "elders.yml")
    (basis / "partners" / "elders").symlink_to(outside / "dender")
    before = (outside / "dender" / "elders.yml").read_bytes()
    result = run("nagekeken", "elders", "--door", "Regioteam", "--data", str(basis))
    assert result.exit_code == 2 and "NK602" in result.output, result.output
    assert (outside / "dender" / "elders.yml").read_bytes() == before


def test_nagekeken_without_the_block_in_block_form(basis):
    path = basis / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    text = path.read_text(encoding="utf-8").replace(
        "nagekeken:\n  datum: \"2026-10-01\"\n  door: Huis van het Kind Zele\n",
        "nagekeken: {datum: \"2026-10-01\", door: Huis van het Kind Zele}\n")
    path.write_text(text, encoding="utf-8")
    result = run("nagekeken", "huis-van-het-kind-zele", "--door", "Regioteam", "--data", str(basis))
    assert result.exit_code == 0, result.output  # a flow block works too: only the two values change
    assert path.read_text(encoding="utf-8") == text.replace('"2026-10-01"', f'"{TODAY.isoformat()}"').replace(
        "door: Huis van het Kind Zele}", 'door: "Regioteam"}')


def test_nagekeken_refuses_a_value_over_two_lines_with_its_own_code(basis):
    # NK651: the line is there but cannot be replaced safely (was NK506 with a free-text reason).
    path = basis / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    text = path.read_text(encoding="utf-8").replace("  door: Huis van het Kind Zele\n",
                                                    "  door: >\n    Huis van het Kind Zele\n")
    path.write_text(text, encoding="utf-8")
    result = run("nagekeken", "huis-van-het-kind-zele", "--door", "Regioteam", "--data", str(basis))
    assert result.exit_code == 1 and "NK651" in result.output and "NK506" not in result.output, result.output
    assert path.read_text(encoding="utf-8") == text
