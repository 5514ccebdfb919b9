"""Golden outputs: one page per type, one region's map data, every export, the search and sheet data of the
example data, compared byte for byte with tests/golden/outputs/ (what is made and how: tests/golden_outputs.py).

After an intended change to what the site outputs, write every golden file again (also report.* and
dekking.* in tests/golden/) and review the diff before committing:

    make goldens            # = .venv/bin/python tests/golden_outputs.py

A failing test shows the first lines of a unified diff (golden -> now) and that command.
"""

import pytest

import golden_outputs as golden

EXPECTED = golden.golden_files() if golden.SITE.is_dir() else {}


@pytest.fixture(scope="module")
def made() -> dict[str, bytes]:
    return golden.outputs()


def test_the_same_files_are_made(made):
    missing, extra = sorted(set(EXPECTED) - set(made)), sorted(set(made) - set(EXPECTED))
    assert not (missing or extra), (f"no longer made: {missing}; new: {extra}. "
                                    f"If intended: {golden.COMMAND}")


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_golden_output(made, path):
    if path not in made:
        pytest.fail(f"{path} is no longer made. If intended: {golden.COMMAND}", pytrace=False)
    if made[path] != EXPECTED[path]:
        pytest.fail(golden.diff(path, EXPECTED[path], made[path]), pytrace=False)


def test_the_goldens_are_deterministic(made):
    # made twice in one process (caches: history, wegwijzer) gives the same bytes
    assert golden.outputs() == made


def test_the_goldens_stay_small():
    assert sum(map(len, EXPECTED.values())) < 2_000_000, "tests/golden/outputs/ above 2 MB: pick smaller examples"


def test_a_difference_shows_a_short_diff_and_the_command():
    old = "".join(f"regel {i}\n" for i in range(200)).encode()
    new = old.replace(b"regel 5\n", b"regel vijf\n").replace(b"regel 150\n", b"")
    text = golden.diff("a/index.md", old, new)
    assert "-regel 5\n+regel vijf\n" in text and "make goldens" in text
    assert text.count("\n") < 50
    # HTML and JSON on one long line: compared in pieces, so the diff shows the piece that changed
    page = b"<div>" + b"".join(b"<p>%d</p>" % i for i in range(500)) + b"</div>\n"
    text = golden.diff("b/index.md", page, page.replace(b"<p>250</p>", b"<p>twee</p>"))
    assert "-<p>250</p>\n+<p>twee</p>\n" in text and text.count("\n") < 20
    data = b'{"m":[' + b",".join(b"[51.%d,4.1,%d]" % (i, i) for i in range(500)) + b"]}"
    text = golden.diff("c.json", data, data.replace(b"[51.7,4.1,7]", b"[51.8,4.1,7]"))
    assert "-[51.7,4.1,7],\n+[51.8,4.1,7],\n" in text
