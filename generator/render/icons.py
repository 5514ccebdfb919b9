"""The Material Design Icons the pages show, shipped with the project (no theme package needed).

``generator/data/icons/material.json`` maps each icon name to its SVG, one icon a line; how it
was made and its licence: ``generator/data/icons/README.md``. Regenerate it from a folder of
SVG files with ``python -m generator.render.icons <folder>``.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from importlib import resources
from pathlib import Path

SETS = ("material",)  # the prefix in 'material/home-outline', as levensdomeinen.schema.json allows


def _file(icon_set: str):
    return resources.files("generator") / "data" / "icons" / f"{icon_set}.json"


@cache
def _icons(icon_set: str) -> dict[str, str]:
    return json.loads(_file(icon_set).read_text("utf-8"))


def svg(name: str) -> str | None:
    """The SVG of 'material/<name>', or None when there is no such icon."""
    icon_set, _, rest = name.partition("/")
    if icon_set not in SETS:
        return None
    return _icons(icon_set).get(rest)


def exists(name: str) -> bool:
    return svg(name) is not None


def dump(icons: dict[str, str]) -> str:
    """The JSON file's text: one icon a line, sorted, so an update shows as a readable diff."""
    lines = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in sorted(icons.items())]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("gebruik: python -m generator.render.icons <map met SVG-bestanden>", file=sys.stderr)
        return 2
    folder = Path(args[0])
    icons = {p.stem: p.read_text("utf-8").strip() for p in sorted(folder.glob("*.svg"))}
    target = Path(str(_file("material")))
    target.write_text(dump(icons), "utf-8")
    print(f"{len(icons)} pictogrammen geschreven naar {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
