"""NK717: publishing a site whose site_url works only on this computer (127.0.0.1, localhost)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import CASES
from generator.engines import siteurl
from generator.cli import main


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/", "http://localhost/", "https://LOCALHOST:8443/kaart/",
                                 "http://127.1.2.3/", "http://[::1]:8000/", "http://0.0.0.0:8000/",
                                 "http://site.localhost/"])
def test_loopback_addresses(url):
    assert siteurl.is_loopback(url)


@pytest.mark.parametrize("url", ["https://ons-netwerk.be/", "https://voorbeeld.github.io/netwerkkaart/",
                                 "http://10.0.0.5/", "http://localhost.example.org/", "", "geen adres",
                                 "http://[::1/"])
def test_other_addresses(url):
    assert not siteurl.is_loopback(url)


def test_the_problem_points_at_site_url_and_says_where_the_address_came_from(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Test\n# adres\nsite_url: http://127.0.0.1:8000/\n", encoding="utf-8")
    found = siteurl.loopback_problem("http://127.0.0.1:8000/", config, environ={})
    assert (found.code, found.line, found.severity.value) == ("NK717", 3, "waarschuwing")
    assert "uit mkdocs.yml" in found.message and "NK_SITE_URL" in found.hint
    from_env = siteurl.loopback_problem("http://localhost:9000/", config, environ={"NK_SITE_URL": "http://localhost:9000/"})
    assert "omgevingsvariabele NK_SITE_URL" in from_env.message
    assert siteurl.loopback_problem("https://ons-netwerk.be/", config, environ={}) is None


def test_plain_mkdocs_build_publishes_only_in_github_actions_and_never_when_serving():
    assert siteurl.publishing_with_mkdocs("build", {"GITHUB_ACTIONS": "true"})
    assert not siteurl.publishing_with_mkdocs("serve", {"GITHUB_ACTIONS": "true"})
    assert not siteurl.publishing_with_mkdocs("build", {"CI": "true"})  # e.g. this project's own test run
    assert not siteurl.publishing_with_mkdocs("build", {})
    assert not siteurl.publishing_with_mkdocs("build", {"GITHUB_ACTIONS": "true", siteurl.CHECKED: "1"})


def site_for(root: Path, site_url: str) -> Path:
    shutil.copytree(CASES / "_basis", root, dirs_exist_ok=True)
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(
        f"site_name: Test\nsite_url: {site_url}\ntheme:\n  name: material\n  language: nl\n  font: false\n"
        "plugins:\n  - netwerkkaart:\n      search: false\n", encoding="utf-8")
    return root / "mkdocs.yml"


def test_netwerkkaart_build_warns_about_a_loopback_address_and_still_builds(tmp_path, monkeypatch):
    monkeypatch.delenv("NK_SITE_URL", raising=False)
    config = site_for(tmp_path, "http://127.0.0.1:8000/")
    result = CliRunner().invoke(main, ["build", "--site", str(tmp_path / "site"), "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert f"{config}:2:1: NK717 waarschuwing: " in result.output
    assert (tmp_path / "site" / "index.html").is_file()


def test_netwerkkaart_build_with_a_real_address_says_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("NK_SITE_URL", "https://ons-netwerk.be/")
    config = site_for(tmp_path, '!ENV [NK_SITE_URL, "http://127.0.0.1:8000/"]')
    result = CliRunner().invoke(main, ["build", "--site", str(tmp_path / "site"), "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "NK717" not in result.output


def test_mkdocs_build_in_github_actions_warns(tmp_path):
    config = site_for(tmp_path, "http://localhost:8000/")
    env = {k: v for k, v in os.environ.items() if k not in ("NK_SITE_URL", siteurl.CHECKED)}
    env.update(GITHUB_ACTIONS="true", NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(tmp_path / "site")],
                          capture_output=True, text=True, env=env, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert "NK717" in done.stderr and "http://localhost:8000/" in done.stderr
