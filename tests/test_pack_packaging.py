"""Packaging as a new user meets it: licence, dependency bounds, the wheel, pre-commit, GitHub Actions."""

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
# Not needed to check data (the core imports neither; see test_pack_core_without_mkdocs.py), so the
# pre-commit hook does not install them.
NOT_FOR_CHECKING = {"mkdocs", "mkdocs-material", "pagefind"}


def name_of(requirement: str) -> str:
    return re.match(r"[A-Za-z0-9._-]+", requirement).group(0).lower()


def test_the_licence_file_matches_pyproject():
    assert PYPROJECT["project"]["license"] == "MIT"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert text.startswith("MIT License\n") and "Permission is hereby granted, free of charge" in text


def test_pagefind_lower_bound_is_a_version_that_builds():
    """The index is made through Pagefind's service (pagefind_service.py: NewIndex, AddFile, GetFiles);
    tried with pagefind[bin] 1.3.0 in a fresh virtualenv on 2026-11-30 (README, dependencies). 1.2 stopped
    the earlier command-line build on --silent."""
    (pagefind,) = [d for d in PYPROJECT["project"]["dependencies"] if name_of(d) == "pagefind"]
    bound = re.search(r">=\s*([0-9.]+)", pagefind).group(1)
    assert tuple(int(x) for x in bound.split(".")) >= (1, 3)
    program = (ROOT / "generator" / "render" / "pagefind_service.py").read_text("utf-8")
    assert all(f'"type": "{kind}"' in program for kind in ("NewIndex", "AddFile", "GetFiles"))


def test_pre_commit_hook_needs_no_venv_and_installs_what_checking_needs():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    (hook,) = repo["hooks"]
    assert hook["id"] == "netwerkkaart-validate"
    assert hook["language"] == "python"
    assert ".venv" not in hook["entry"] and hook["entry"] == "python -m generator validate ."
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("partners/dender/clb-dender.yml") and files.search("regions/dender/regio.yml")
    assert not files.search("docs/index.md")
    wanted = [d for d in PYPROJECT["project"]["dependencies"] if name_of(d) not in NOT_FOR_CHECKING]
    assert hook["additional_dependencies"] == wanted
    (shared,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert shared["id"] == hook["id"] and shared["language"] == "python"
    assert shared["entry"] == "netwerkkaart validate ."


def _major(uses: str) -> int:
    return int(re.fullmatch(r"[\w.-]+/[\w.-]+@v(\d+)(\.\d+)*", uses).group(1))


def test_github_workflow_uses_current_actions_and_publishes_as_github_documents():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "netwerkkaart.yml").read_text("utf-8"))
    at_least = {"actions/checkout": 4, "actions/setup-python": 5, "actions/configure-pages": 5,
                "actions/upload-pages-artifact": 3, "actions/deploy-pages": 4}
    used = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert {u.split("@")[0] for u in used} == set(at_least)
    for uses in used:
        assert _major(uses) >= at_least[uses.split("@")[0]], uses
    deploy = workflow["jobs"]["publiceren"]
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert workflow["permissions"] == {"contents": "read"}  # the checking job gets no more
    steps = deploy["steps"]
    pages = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/configure-pages@"))
    assert steps[pages]["id"] == "pages"
    build = next(i for i, s in enumerate(steps) if "netwerkkaart build" in s.get("run", ""))
    assert pages < build
    assert "steps.pages.outputs.base_url" in steps[build]["env"]["NK_SITE_URL"]
    assert steps[-1]["uses"].startswith("actions/deploy-pages@") and steps[-1]["id"] == "deployment"


def test_the_wheel_builds_without_warnings_and_holds_every_data_file(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-w", str(tmp_path), "-v",
                           "--disable-pip-version-check"], capture_output=True, text=True, timeout=600, check=False)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    assert "would be ignored" not in output, output[output.find("would be ignored") - 600:][:1500]
    (wheel,) = tmp_path.glob("netwerkkaart-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / "generator").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    assert "generator/data/icons/material.json" in shipped
    assert sorted(shipped - names) == []
