"""The icons the pages show come with the project (generator/data/icons/), with their licence."""

import json
import re
from pathlib import Path

from generator.render import html, icons

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "generator" / "data" / "icons"


def used_icons() -> set[str]:
    files = [ROOT / "generator" / "data" / "levensdomeinen.yml", *ROOT.glob("regions/*/levensdomeinen.yml")]
    found = {"material/sign-direction", "material/circle-outline"}  # the wegwijzer link, the fallback
    for path in files:
        found |= set(re.findall(r"icoon:\s*(material/[a-z0-9-]+)", path.read_text("utf-8")))
    return found


def test_every_icon_the_example_site_uses_is_shipped():
    assert len(used_icons()) > 5
    for name in used_icons():
        assert icons.exists(name), name
        assert html.icon(name).startswith('<svg aria-hidden="true" focusable="false" class="nk-icon" ')


def test_unknown_icons_and_other_sets_do_not_exist():
    assert not icons.exists("material/bestaat-niet")
    assert not icons.exists("fontawesome/solid/house")
    assert not icons.exists("material")
    assert html.icon("material/bestaat-niet") == html.icon("material/circle-outline")


def test_the_icon_file_is_as_the_regenerate_command_writes_it_with_licence_and_source():
    text = (ICONS / "material.json").read_text("utf-8")
    assert icons.dump(json.loads(text)) == text
    assert "Apache" in (ICONS / "LICENSE").read_text("utf-8")
    assert "Apache License" in (ICONS / "LICENSE-Apache-2.0").read_text("utf-8")
    readme = (ICONS / "README.md").read_text("utf-8")
    assert "@mdi/svg" in readme and "7.4.47" in readme
