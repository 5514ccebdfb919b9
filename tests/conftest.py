import shutil
from pathlib import Path

import pytest

from helpers import CASES


@pytest.fixture
def basis(tmp_path: Path) -> Path:
    shutil.copytree(CASES / "_basis", tmp_path, dirs_exist_ok=True)
    return tmp_path
