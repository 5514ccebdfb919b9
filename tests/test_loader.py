"""The strict loader: nothing silently lost or changed, every refusal coded and placed."""

import time

import pytest

from generator.load import yamlload
from generator.load.yamlload import load


def codes(text: str | bytes) -> list[tuple[int, str]]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    doc, problems = load(raw, "x.yml")
    return [(p.line, p.code) for p in problems]


def data(text: str) -> dict:
    doc, problems = load(text.encode("utf-8"), "x.yml")
    assert doc is not None, problems
    return doc.data


def test_scalars_keep_what_was_written():
    d = data(
        "tel: 0522123456\nkort: 052\nplus: +3252212345\nocto: 0o52\nunder: 052_212_345\n"
        "postcode: 9160\nnul: 0900\ntijd: 09:00\nsexa: 1:30\ndatum: 2024-03-01\n"
        "taal: no\nja: yes\naan: on\nT: True\nwaar: true\nniet: false\nleeg:\ntilde: ~\n"
        "komma: 51.1037\nmin: -4\nexp: 1e3\nhex: 0x1F\n"
    )
    assert d == {
        "tel": "0522123456", "kort": "052", "plus": "+3252212345", "octo": "0o52", "under": "052_212_345",
        "postcode": 9160, "nul": "0900", "tijd": "09:00", "sexa": "1:30", "datum": "2024-03-01",
        "taal": "no", "ja": "yes", "aan": "on", "T": "True", "waar": True, "niet": False, "leeg": None,
        "tilde": None, "komma": 51.1037, "min": -4, "exp": 1000.0, "hex": "0x1F",
    }


def test_quoted_values_are_always_text():
    assert data('a: "true"\nb: \'9160\'\nc: "null"\n') == {"a": "true", "b": "9160", "c": "null"}


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "+.Inf"])
def test_not_a_number_is_refused(value):
    assert codes(f"a: {value}\n") == [(1, "NK112")]


def test_duplicate_key_names_both_lines():
    doc, problems = load(b"naam: A\nemail: a@x.be\nnaam: B\n", "x.yml")
    assert doc is None and [(p.line, p.code) for p in problems] == [(3, "NK107")]
    assert "regel 1" in problems[0].message and "regel 3" in problems[0].message


def test_alias_bomb_is_refused_at_once():
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    start = time.perf_counter()
    assert codes(bomb) == [(1, "NK108")]
    assert time.perf_counter() - start < 1.0


def test_deep_nesting_is_refused_before_it_can_crash():
    # libyaml's recursive composer segfaults around 50,000 levels; we stop at MAX_DEPTH.
    deep = "a: " + "[" * 50_000 + "]" * 50_000 + "\n"
    assert codes(deep) == [(1, "NK111")]
    block = "".join("  " * i + f"k{i}:\n" for i in range(yamlload.MAX_DEPTH + 5)) + "  " * 40 + "x: 1\n"
    assert [c for _, c in codes(block)] == ["NK111"]


def test_size_is_bounded_before_parsing():
    big = b"a: " + b"x" * (yamlload.MAX_BYTES + 1) + b"\n"
    assert codes(big) == [(1, "NK100")]


@pytest.mark.parametrize("text, expected", [
    ("a: 1\n<<: {b: 2}\n", [(2, "NK110")]),
    ("a: !foo bar\n", [(1, "NK109")]),
    ("a: !!str 5\n", [(1, "NK109")]),
    ("? [a, b]\n: c\n", [(1, "NK115")]),
    ("- a\n- b\n", [(1, "NK113")]),
    ("gewoon tekst\n", [(1, "NK113")]),
    ("# enkel commentaar\n", [(1, "NK105")]),
    ("", [(1, "NK105")]),
    ("---\n", [(1, "NK105")]),
    ("a: 1\n...\n---\nb: 2\n", [(3, "NK106")]),
    ("a:\n  - x\n  -\n", [(3, "NK114")]),
    ("a: [x, y\n", [(2, "NK130")]),
    ("a:\n\tb: 1\n", [(2, "NK104")]),
    ('a: "x"# geen spatie\n', [(1, "NK136")]),
])
def test_refusals(text, expected):
    assert codes(text) == expected


def test_bytes_are_strict_utf8_with_position():
    assert codes(b"a: ok\nb: caf\xe9\n") == [(2, "NK101")]
    doc, problems = load(b"a: ok\nb: caf\xe9\n", "x.yml")
    assert problems[0].column == 7
    assert data("\ufeffnaam: Café\n") == {"naam": "Café"}


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85"])
def test_control_characters_are_refused(char):
    assert codes(f"a: ok\nb: x{char}y\n") == [(2, "NK102")]


def test_hash_that_cuts_a_value_warns_but_loads():
    doc, problems = load(b"naam: Kind & Gezin #1 Lokeren\nweb: https://x.be/#a\nb: 1 # gewoon commentaar\n", "x.yml")
    assert doc.data == {"naam": "Kind & Gezin", "web": "https://x.be/#a", "b": 1}
    assert [(p.line, p.code, p.is_error) for p in problems] == [(1, "NK503", False)]
    assert 'naam: "Kind & Gezin #1 Lokeren"' in problems[0].hint


def test_marks_point_at_values_and_keys():
    doc, _ = load(b"id: x\nlocaties:\n  - adres:\n      postcode: '9240'\n", "x.yml")
    assert doc.mark(("locaties", 0, "adres", "postcode")) == yamlload.Mark(4, 17)
    assert doc.mark(("locaties", 0, "adres", "postcode"), key=True) == yamlload.Mark(4, 7)
    assert doc.mark(("locaties", 0, "nergens")) == yamlload.Mark(3, 5)


def test_windows_and_old_mac_line_ends():
    text = "naam: A\nbeschrijving: |\n  regel een\n  regel twee\nkort: >-\n  samen\n  gevoegd\n"
    expected = {"naam": "A", "beschrijving": "regel een\nregel twee\n", "kort": "samen gevoegd"}
    for newline in ("\r\n", "\r"):
        doc, problems = load(text.replace("\n", newline).encode(), "x.yml")
        assert doc is not None and doc.data == expected, problems
    doc, problems = load(b"a: 1\r\na: 2\r\n", "x.yml")
    assert [(p.line, p.code) for p in problems] == [(2, "NK107")]


def test_unicode_line_separators_are_refused():
    assert codes("a: x\u2028y\n") == [(1, "NK102")]


def test_overflowing_number_is_refused():
    assert codes("a: 1e999\n") == [(1, "NK112")]


def test_forgotten_dash_or_colon_is_reported_on_its_own_line():
    doc, problems = load(b"naam: x\nlevensdomeinen:\n  - opvoeding\n  gezondheid\n  - werk\nsoort: caw\n", "x.yml")
    assert [(p.line, p.code) for p in problems] == [(4, "NK122")] and "streepje vergeten" in problems[0].message
    doc, problems = load(b"naam: x\nsoort caw\nid: y\n", "x.yml")
    assert [(p.line, p.code) for p in problems] == [(2, "NK123")] and "dubbele punt" in problems[0].message


# -- the data folder: every folder and file is read, or reported with a code -------------------

import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
from pathlib import Path  # noqa: E402

from click.testing import CliRunner  # noqa: E402

from generator.load import project  # noqa: E402
from generator.cli import main  # noqa: E402
from generator.validate.pipeline import validate_folder  # noqa: E402

PARTNER = Path("partners/dender/huis-van-het-kind-zele.yml")


@pytest.fixture(params=["in one process", "in worker processes"])
def reading(request, monkeypatch):
    """Each folder test runs twice: read here, and read by forked workers (as for large folders)."""
    if request.param == "in worker processes":
        monkeypatch.setattr(project, "PARALLEL_FROM", 0)
    return request.param


@pytest.fixture
def no_hang():
    """A test that would hang (a FIFO opened for reading) fails after a minute instead."""
    def stop(*_):
        raise AssertionError("hangs")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def found(root: Path) -> list[tuple[str, str]]:
    return sorted((p.file, p.code) for p in validate_folder(root).problems)


def test_symlinked_region_folder_inside_the_data_folder_is_read(basis, reading):
    """It used to be skipped in silence: 'Alles in orde', exit 0, and the region's partners missing."""
    (basis / "bron").mkdir()
    shutil.move(basis / "partners" / "dender", basis / "bron" / "dender")
    (basis / "partners" / "dender").symlink_to(Path("..") / "bron" / "dender", target_is_directory=True)
    result = validate_folder(basis)
    assert result.problems == ()
    assert str(PARTNER) in {r.path for r in result.project.records}


def test_symlinked_region_folder_outside_the_data_folder_is_refused(basis, tmp_path_factory, reading):
    elsewhere = tmp_path_factory.mktemp("elders")
    shutil.move(basis / "partners" / "dender", elsewhere / "dender")
    (basis / "partners" / "dender").symlink_to(elsewhere / "dender", target_is_directory=True)
    # and the partner the municipality file names is missing (NK312)
    assert found(basis) == [("partners/dender", "NK118"), ("regions/dender/gemeenten/zele.yml", "NK312")]
    result = CliRunner().invoke(main, ["validate", str(basis)])
    assert result.exit_code == 1 and "Alles in orde" not in result.output


def test_symlinked_file_outside_the_data_folder_is_refused_and_never_echoed(basis, tmp_path_factory, reading):
    secret = tmp_path_factory.mktemp("elders") / "geheim.yml"
    secret.write_text("wachtwoord: hunter2-geheim\n", encoding="utf-8")
    (basis / "partners" / "dender" / "geheim.yml").symlink_to(secret)
    (basis / "partners" / "dender" / "passwd.yml").symlink_to("/etc/passwd")
    assert found(basis) == [("partners/dender/geheim.yml", "NK118"), ("partners/dender/passwd.yml", "NK118")]
    output = CliRunner().invoke(main, ["validate", str(basis)]).output
    assert "hunter2" not in output and "root:" not in output


def test_symlink_to_dev_zero_is_refused_at_once(basis, reading, no_hang):
    (basis / "partners" / "dender" / "nul.yml").symlink_to("/dev/zero")
    assert found(basis) == [("partners/dender/nul.yml", "NK118")]


def test_fifo_socket_and_links_to_them_are_refused_without_waiting(basis, reading, no_hang):
    folder = basis / "partners" / "dender"
    os.mkfifo(folder / "pijp.yml")
    (folder / "naar-pijp.yml").symlink_to("pijp.yml")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / "socket.yml"))
        assert found(basis) == [("partners/dender/naar-pijp.yml", "NK119"), ("partners/dender/pijp.yml", "NK119"),
                                ("partners/dender/socket.yml", "NK119")]


def test_reading_checks_the_type_and_size_of_the_open_file(tmp_path, no_hang):
    """Even a file that changed since it was found: a device, a FIFO or a huge file is not read."""
    with pytest.raises(yamlload.Refused) as refused:
        yamlload.read_bounded("/dev/zero")
    assert refused.value.code == "NK119"
    os.mkfifo(tmp_path / "pijp")
    with pytest.raises(yamlload.Refused) as refused:
        yamlload.read_bounded(str(tmp_path / "pijp"))
    assert refused.value.code == "NK119"
    (tmp_path / "groot").write_bytes(b"x" * 101)
    with pytest.raises(yamlload.Refused) as refused:
        yamlload.read_bounded(str(tmp_path / "groot"), limit=100)
    assert refused.value.code == "NK100"
    assert yamlload.read_bounded(str(tmp_path / "groot"), limit=101) == b"x" * 101
    (tmp_path / "link").symlink_to(tmp_path / "groot")
    with pytest.raises(OSError):  # a link put where a plain file was found
        yamlload.read_bounded(str(tmp_path / "link"), follow=False)


def test_link_loops_and_second_ways_into_a_folder_are_reported_once(basis, reading, no_hang):
    folder = basis / "partners" / "dender"
    (folder / "lus").symlink_to("..", target_is_directory=True)
    (basis / "partners" / "oost").symlink_to("dender", target_is_directory=True)
    assert found(basis) == [("partners/dender/lus", "NK120"), ("partners/oost", "NK120")]


def test_link_to_nothing(basis, reading):
    (basis / "partners" / "dender" / "weg.yml").symlink_to("bestaat-niet.yml")
    (basis / "partners" / "dender" / "zichzelf.yml").symlink_to("zichzelf.yml")
    assert found(basis) == [("partners/dender/weg.yml", "NK121"), ("partners/dender/zichzelf.yml", "NK121")]


def test_symlinked_file_inside_the_data_folder_is_read(basis, reading):
    (basis / "bron").mkdir()
    shutil.move(basis / PARTNER, basis / "bron" / PARTNER.name)
    (basis / PARTNER).symlink_to(Path("..") / ".." / "bron" / PARTNER.name)
    result = validate_folder(basis)
    assert result.problems == ()
    assert str(PARTNER) in {r.path for r in result.project.records}


def test_unreadable_folder_is_reported(basis, monkeypatch, reading):
    original = os.scandir

    def scandir(path):
        if str(path).endswith("gemeenten"):
            raise PermissionError(13, "Toegang geweigerd")
        return original(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert ("regions/dender/gemeenten", "NK117") in found(basis)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder, whatever its permissions")
def test_folder_without_read_permission_is_reported(basis):
    folder = basis / "partners" / "dender"
    folder.chmod(0)
    try:
        assert ("partners/dender", "NK117") in found(basis)
    finally:
        folder.chmod(0o755)


def test_messages_show_control_characters_visibly_in_every_format(basis):
    (basis / "partners" / "dender" / "scherm.yml").write_text(
        'id: scherm\nnaam: "Test\\e[2J"\n"\\e]0;titel\\a": 1\nsoort: "\\u202e' + "x" * 500 + '"\n', encoding="utf-8")
    (basis / "partners" / "dender" / "bel\x07.yml").write_text("id: bel\n", encoding="utf-8")
    for fmt in ("text", "json", "github"):
        output = CliRunner().invoke(main, ["validate", "--format", fmt, str(basis)]).output
        shown = json.dumps(json.loads(output), ensure_ascii=False) if fmt == "json" else output
        assert not any(ch in shown for ch in "\x1b\x07\u202e"), fmt
        assert "\\u001b" in shown and "\\u0007" in shown and "\\u202e" in shown, fmt
        assert "x" * 81 not in shown, fmt  # only a short excerpt of a value
    text = CliRunner().invoke(main, ["validate", str(basis)]).output
    assert "partners/dender/scherm.yml:2:" in text and "NK403" in text


def test_every_message_is_made_visible_and_short_in_one_place():
    """problem() is the one place messages are made: whatever a check passes in, no raw control
    or invisible character and no long quote reaches a terminal."""
    from generator.problems import problem

    p = problem("NK204", "partners/dender/a\x1b.yml", 1, 1, value="\x1b[2J\u2028\ufeff" + "y" * 500,
                field="soort\x85", suggestion=" Bedoel je 'caw'?", allowed="caw, ocmw")
    text = p.file + p.message + p.hint
    assert "\\u001b[2J\\u2028\\ufeff" in p.message and "soort\\u0085" in p.message and "a\\u001b.yml" in p.file
    assert not any(0x7F <= ord(c) <= 0x9F or ord(c) < 0x20 or c in "\u2028\ufeff" for c in text)
    assert "y" * 81 not in p.message and "…" in p.message
