"""Real builds of the site, served on 127.0.0.1, driven by Debian's chromium through Playwright."""

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("NK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def partner_map(base: str, partner_id: str) -> str:
    """The address of a partner's map, as its page embeds it (a shared file of partner maps: ?d=...&p=<id>)."""
    import html
    import re
    import urllib.request

    with urllib.request.urlopen(f"{base}partners/{partner_id}/") as response:
        page = response.read().decode("utf-8")
    query = html.unescape(re.search(r'<iframe src="[^"]*kaart\.html(\?d=partner/[^"]*)"', page).group(1))
    return f"{base}kaarten/kaart.html{query}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build_and_serve(config: Path, out: Path):
    """mkdocs build --strict of ``config`` into ``out``, served on a free port. Returns (base_url, server)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NK_SITE_URL=base, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return base, server


@pytest.fixture(scope="session")
def example_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    base, server = build_and_serve(ROOT / "mkdocs.yml", out)
    yield base, out
    server.shutdown()


@pytest.fixture(scope="session")
def payload_site(tmp_path_factory):
    """A site built from records with script payloads in every text field."""
    work = tmp_path_factory.mktemp("payload")
    shutil.copytree(Path(__file__).parent / "payload", work / "data")
    (work / "docs").mkdir()
    (work / "mkdocs.yml").write_text(
        "site_name: Payload\nsite_url: !ENV NK_SITE_URL\ndocs_dir: docs\n"
        "theme:\n  name: material\n  language: nl\n  font: false\n  features: [navigation.instant]\n"
        f"plugins:\n  - netwerkkaart:\n      data_dir: {work / 'data'}\n      tiles: geen\n", encoding="utf-8")
    base, server = build_and_serve(work / "mkdocs.yml", work / "site")
    yield base, work / "site"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} ontbreekt: installeer Debian's chromium (make chromium)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    # our scripts catch their own failures and log them: those count as errors too
    # (a failed tile or other resource download is expected here: there is no internet)
    pg.on("console", lambda m: pg.errors.append(m.text)
          if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    yield pg
    context.close()
