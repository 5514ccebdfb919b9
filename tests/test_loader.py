"""The strict loader: nothing silently lost or changed, every refusal coded and placed."""

import time

import pytest

from generator import yamlload
from generator.yamlload import load


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
    ("a: [x, y\n", [(2, "NK103")]),
    ("a:\n\tb: 1\n", [(2, "NK104")]),
    ('a: "x"# geen spatie\n', [(1, "NK103")]),
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
    assert [(p.line, p.code) for p in problems] == [(4, "NK103")] and "streepje vergeten" in problems[0].message
    doc, problems = load(b"naam: x\nsoort caw\nid: y\n", "x.yml")
    assert [(p.line, p.code) for p in problems] == [(2, "NK103")] and "dubbele punt" in problems[0].message
