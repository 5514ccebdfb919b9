""""Wat is nieuw" from a temporary git repository, and without git."""

import shutil
import subprocess

from helpers import CASES, TODAY
from generator import history
from generator.model import build_site
from generator.pages import news_page, render_site
from generator.validate import validate_folder


def git(root, *args, date="2026-11-01T10:00:00"):
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x", "PATH": "/usr/bin:/bin", "HOME": str(root)}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_added_changed_removed_by_date(tmp_path):
    shutil.copytree(CASES / "_basis", tmp_path, dirs_exist_ok=True)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "begin", date="2026-10-01T10:00:00")
    extra = tmp_path / "partners" / "dender" / "tijdelijk.yml"
    extra.write_text((tmp_path / "partners" / "dender" / "huis-van-het-kind-zele.yml").read_text(encoding="utf-8")
                     .replace("id: huis-van-het-kind-zele", "id: tijdelijk"), encoding="utf-8")
    zele = tmp_path / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    zele.write_text(zele.read_text(encoding="utf-8").replace("Hier kan je", "Bij ons kan je"), encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "nieuw en gewijzigd", date="2026-11-02T10:00:00")
    extra.unlink()
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "weg", date="2026-11-20T10:00:00")
    found = [(c.date, c.kind, c.partner_id) for c in history.changes(tmp_path)]
    assert found == [("2026-11-20", "verwijderd", "tijdelijk"), ("2026-11-02", "gewijzigd", "huis-van-het-kind-zele"),
                     ("2026-11-02", "toegevoegd", "tijdelijk"), ("2026-10-01", "toegevoegd", "huis-van-het-kind-zele")]
    site = build_site(validate_folder(tmp_path, today=TODAY).project)
    body = news_page(site, history.changes(tmp_path)).body
    assert "20 november 2026" in body and "Verwijderd: tijdelijk" in body
    assert 'Gewijzigd: <a href="../partners/huis-van-het-kind-zele/">' in body


def test_without_git_history_the_page_says_so(tmp_path, monkeypatch):
    shutil.copytree(CASES / "_basis", tmp_path, dirs_exist_ok=True)
    assert history.changes(tmp_path) == []  # not a repository
    monkeypatch.setattr(history.shutil, "which", lambda name: None)
    assert history.changes(tmp_path) == []  # no git at all
    site = build_site(validate_folder(tmp_path, today=TODAY).project)
    page = next(p for p in render_site(site, today=TODAY) if p.url == "wat-is-nieuw/")
    assert "geen geschiedenis" in page.body
