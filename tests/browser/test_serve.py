"""`mkdocs serve --dirty` (as `make serve` runs it) on a copy of the example data: a save that breaks a
file shows a Dutch banner with the problem on the open page, without a hang; the next good save
removes it. The first build with broken data serves a page with the problems."""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, free_port

pytestmark = pytest.mark.browser

BROKEN = "partners/dender/huis-van-het-kind-zele.yml"
WAIT = 90_000  # ms: the bound on every wait for a rebuild (it takes a few seconds)


def _copy(tmp_path: Path) -> Path:
    for folder in ("partners", "regions", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("search: true", "search: false")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path


def _serve(folder: Path):
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NK_SITE_URL=base, NO_MKDOCS_2_WARNING="1")
    log = open(folder / "serve.log", "w", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty",
                             "--dev-addr", f"127.0.0.1:{port}", "-f", str(folder / "mkdocs.yml")],
                            cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(base, timeout=5) as response:
                response.read()
            return base, proc, log
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                log.close()
                pytest.fail("mkdocs serve start niet:\n" + (folder / "serve.log").read_text(encoding="utf-8"))
            time.sleep(0.5)


def _stop(proc, log):
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=30)
    log.close()


def test_broken_save_shows_a_banner_until_fixed(page, tmp_path):
    data = _copy(tmp_path)
    base, proc, log = _serve(data)
    try:
        page.goto(base + "partners/huis-van-het-kind-zele/", timeout=30_000)
        assert page.locator("#nk-serve-banner").count() == 0
        path = data / BROKEN
        good = path.read_text(encoding="utf-8")
        line = good.count("\n") + 1
        path.write_text(good + "naam: Nog eens\n", encoding="utf-8")  # a duplicate key: NK107
        banner = page.locator("#nk-serve-banner[role=alert]")
        banner.wait_for(timeout=WAIT)  # livereload reloads the open page
        text = banner.inner_text()
        assert f"{BROKEN}:{line}:1" in text and "NK107" in text and "laatste versie" in text
        assert page.locator("h1").first.inner_text().startswith("Huis van het Kind Zele")  # the last good page
        link = banner.locator("a", has_text="Uitleg bij NK107")
        assert re.search(r"/foutcodes/#nk107-", link.get_attribute("href"))
        # another page answers at once (no hang) and shows the banner too
        started = time.monotonic()
        page.goto(base + "a-z/", timeout=10_000)
        assert time.monotonic() - started < 10
        page.locator("#nk-serve-banner").wait_for(timeout=10_000)
        path.write_text(good, encoding="utf-8")
        page.locator("#nk-serve-banner").wait_for(state="detached", timeout=WAIT)
        assert not page.errors
    finally:
        _stop(proc, log)
    assert "dirty" not in (data / "serve.log").read_text(encoding="utf-8")


def test_first_build_with_broken_data_serves_the_problems(page, tmp_path):
    data = _copy(tmp_path)
    path = data / BROKEN
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("naam:", "naam: [", 1), encoding="utf-8")
    base, proc, log = _serve(data)
    try:
        page.goto(base, timeout=10_000)
        errors = page.locator(".nk-serve-errors[role=alert]")
        assert BROKEN in errors.inner_text()
        path.write_text(good, encoding="utf-8")
        page.locator("#nk-serve-banner, .nk-serve-errors").first.wait_for(state="detached", timeout=WAIT)
        page.goto(base + "partners/huis-van-het-kind-zele/", timeout=10_000)
        assert page.locator("h1").first.inner_text().startswith("Huis van het Kind Zele")
    finally:
        _stop(proc, log)
