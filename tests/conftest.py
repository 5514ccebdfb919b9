import shutil
from pathlib import Path

import pytest

from helpers import CASES


@pytest.fixture
def basis(tmp_path: Path) -> Path:
    shutil.copytree(CASES / "_basis", tmp_path, dirs_exist_ok=True)
    return tmp_path


@pytest.fixture(params=["fork", "here"])
def mode(request, monkeypatch):
    """Both ways runner.Beside works: a forked child, and (as under `mkdocs serve`, with threads) in this
    process. Used by test_runner.py and test_sitework.py."""
    from generator.engines import runner

    if request.param == "here":
        monkeypatch.setattr(runner, "fork_is_safe", lambda: False)
    elif not runner.fork_is_safe():
        pytest.skip("this test process runs threads: no fork")
    return request.param
