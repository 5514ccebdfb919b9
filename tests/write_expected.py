"""Write verwacht.txt for new case folders in tests/cases/ (or all of them with --all).

    python tests/write_expected.py [--all]

Read every written file before committing it: a golden file is only as right as its review.
"""

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))

from helpers import CASES, TODAY, build_case  # noqa: E402

from generator.validate.pipeline import validate_folder  # noqa: E402

HEADER = "# bestand:regel:code: wat validatie bovenop tests/cases/_basis moet vinden"


def main() -> None:
    for case in sorted(CASES.iterdir()):
        if case.name.startswith("_") or ((case / "verwacht.txt").exists() and "--all" not in sys.argv):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            result = validate_folder(build_case(Path(tmp), case), today=TODAY)
        lines = [HEADER] + [f"{f}:{line}:{code}" for f, line, code in sorted(p.key() for p in result.problems)]
        (case / "verwacht.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"geschreven: {case.name}")


if __name__ == "__main__":
    main()
