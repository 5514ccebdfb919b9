"""The build core (generator/core.py) and the files engine (`netwerkkaart generate`, files_engine.py):
one build as data, written as a self-contained project for plain mkdocs-material and Zensical."""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator import core, maps, search, urls
from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def made():
    return core.build(ROOT, core.Settings(site_url="https://kaart.example/", site_name="Voorbeeld", history=False))


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("gen") / "bron"
    result = CliRunner().invoke(main, ["generate", str(out), "--data", str(ROOT), "--naam", "Voorbeeld",
                                       "--site-url", "https://kaart.example/"])
    assert result.exit_code == 0, result.output
    return out


def read_config(path: Path) -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def test_the_build_holds_the_whole_site_as_data(made):
    assert made.ok and len(made.pages) > 60
    paths = {f.path for f in made.files}
    assert maps.DOCUMENT in paths and "wat-is-nieuw/feed.xml" in paths and "schemas/partner.schema.json" in paths
    assert f"{urls.EXPORT}/locaties.geojson" in made.jobs and search.TERMS in made.jobs
    assert {p.url for p in made.search_documents()} <= {p.url for p in made.pages}
    assert made.nav()[0] == {"Start": "index.md"} and len(made.nav()) == 6 + len(made.regions)


def test_site_url_reaches_the_exports(made):
    geojson = made.jobs[f"{urls.EXPORT}/locaties.geojson"]()
    assert '"url": "https://kaart.example/partners/' in geojson or '"url":"https://kaart.example/partners/' in geojson
    hsds = made.jobs[f"{urls.EXPORT}/hsds-organisaties.json"]()
    assert "https://kaart.example/partners/caw-onthaal-dendermonde/" in hsds


def test_a_build_with_errors_has_only_the_problems(tmp_path):
    shutil.copytree(ROOT / "regions", tmp_path / "regions")
    shutil.copytree(ROOT / "partners", tmp_path / "partners")
    target = next((tmp_path / "partners").rglob("*.yml"))
    target.write_text("naam: [\n", encoding="utf-8")
    broken = core.build(tmp_path, core.Settings(history=False))
    assert broken.errors and not broken.pages and not broken.files and not broken.jobs


def test_generate_writes_a_project_for_plain_mkdocs_material(generated, made):
    docs = generated / "docs"
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) == sorted(p.src_uri for p in made.pages)
    one = made.pages[-1]
    assert (docs / one.src_uri).read_text(encoding="utf-8") == one.markdown()
    for item in made.files:
        assert (docs / item.path).is_file(), item.path
    for path in made.jobs:
        assert (docs / path).is_file(), path
    for path in (*core.CSS, *core.JAVASCRIPT):
        assert (docs / path).is_file() or (generated / "overrides" / path).is_file(), path
    assert (generated / "overrides" / "main.html").is_file() and (generated / "overrides" / "404.html").is_file()
    assert (docs / urls.SEARCH_INDEX / "pagefind.js").is_file()  # built by generate, copied by any builder
    config = read_config(generated / "mkdocs.yml")
    assert config["plugins"] == [] and config["theme"]["custom_dir"] == "overrides"
    assert config["docs_dir"] == "docs" and config["extra"]["netwerkkaart"]["voorbeeld"] is True
    assert config["nav"] == [dict([next(iter(item.items()))]) for item in made.nav()]
    patterns = config["not_in_nav"].split()
    assert len(patterns) < 10 and "/partners/" in patterns
    zensical = tomllib.loads((generated / "zensical.toml").read_text(encoding="utf-8"))["project"]
    assert zensical["docs_dir"] == "docs" and zensical["theme"]["custom_dir"] == "overrides"
    assert zensical["site_url"] == "https://kaart.example/" and len(zensical["nav"]) == len(made.nav())


def test_generate_reads_the_git_history_of_the_data(tmp_path):
    import golden_outputs

    data = golden_outputs.history_repo(tmp_path / "data")
    result = CliRunner().invoke(main, ["generate", str(tmp_path / "uit"), "--data", str(data), "--zonder-zoeken"])
    assert result.exit_code == 0, result.output
    news = (tmp_path / "uit" / "docs" / urls.NEWS / "index.md").read_text(encoding="utf-8")
    assert "geen geschiedenis" not in news and "Oude partner (voorbeeld)" in news


def test_generate_needs_no_mkdocs(tmp_path):
    """The core and the files engine import neither MkDocs nor the plugin: generate works without them."""
    code = ("import sys; sys.modules['mkdocs'] = None; sys.modules['generator.plugin'] = None; "
            "from generator.cli import main; main(prog_name='netwerkkaart')")
    done = subprocess.run([sys.executable, "-c", code, "generate", str(tmp_path / "uit"), "--data", str(ROOT),
                           "--zonder-zoeken"], capture_output=True, text=True, check=False,
                          env=dict(os.environ, NK_SITE_URL=""))
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "uit" / "mkdocs.yml").is_file()


def test_a_deleted_partner_is_gone_after_the_next_generate(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "regions", data / "regions")
    shutil.copytree(ROOT / "partners", data / "partners")
    out = tmp_path / "uit"
    gone = "fietsbieb-zoersel"
    seen = []
    for _ in range(2):
        result = CliRunner().invoke(main, ["generate", str(out), "--data", str(data), "--zonder-zoeken"])
        assert result.exit_code == 0, result.output
        docs = out / "docs"
        seen.append(((docs / urls.partner(gone) / "index.md").is_file(),
                     (docs / maps.MAPS / "partner" / f"{gone}.json").is_file(),
                     gone in (docs / "export" / "partners.json").read_text(encoding="utf-8"),
                     gone in (docs / "a-z" / "index.md").read_text(encoding="utf-8")))
        next((data / "partners").rglob(f"{gone}.yml"), Path("/nonexistent")).unlink(missing_ok=True)
    assert seen == [(True, True, True, True), (False, False, False, False)]
