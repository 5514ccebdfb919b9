"""The build core (generator/core.py) and the files engine (`netwerkkaart generate`, files_engine.py):
one build as data, written as a self-contained project for plain mkdocs-material and Zensical."""

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator import core
from generator.render import maps, search
from generator.topics import urls
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
    assert search.TERMS in paths and f"{urls.EXPORT}/locaties.geojson" in made.jobs
    assert {p.url for p in made.search_documents()} <= {p.url for p in made.pages}
    assert made.nav()[0] == {"Start": "index.md"} and len(made.nav()) == 6 + len(made.regions)


def test_site_url_reaches_the_exports(made):
    geojson = made.jobs[f"{urls.EXPORT}/locaties.geojson"]()
    assert '"url": "https://kaart.example/partners/' in geojson or '"url":"https://kaart.example/partners/' in geojson
    hsds = made.jobs[f"{urls.EXPORT}/hsds-organisaties.json"]()
    assert "https://kaart.example/partners/caw-onthaal-dendermonde/" in hsds


class Started:
    def __init__(self, what):
        self.what, self.cancelled, self.regions = what, False, []

    def cancel(self):
        self.cancelled = True

    # search.SearchStream's side
    sent: set = set()
    packed: dict = {}

    def add(self, region, pages):
        self.regions.append((region, rendered["count"]))

    def close(self, pages=()):
        self.closed = list(pages)


rendered = {"count": 0}


class Beside:
    def __init__(self):
        self.started = []

    def files(self, jobs):
        self.started.append(Started(dict(jobs)))
        self.started[-1].pages_made = rendered["count"]
        return self.started[-1]

    def search(self, budget):
        self.started.append(Started(budget))
        return self.started[-1]


def test_beside_gets_the_jobs_before_the_pages_and_the_search_pages_region_by_region(monkeypatch):
    real = core.render_site

    def counting(*args, **kwargs):
        rendered["count"] = 1
        return real(*args, **kwargs)

    rendered["count"] = 0
    monkeypatch.setattr(core, "render_site", counting)
    beside = Beside()
    early = core.build(ROOT, core.Settings(history=False, search_group_pages=77), beside=beside)
    files, searching = beside.started
    assert files.pages_made == 0 and early.started is files  # started while the pages were still to be made
    assert early.jobs == {} and f"{urls.EXPORT}/locaties.geojson" in files.what
    assert early.searching is searching and searching.what == 77
    assert [region for region, _ in searching.regions] == sorted(rid for _, rid in early.regions)
    assert all(count == 1 for _, count in searching.regions)  # given while the pages were made
    assert searching.closed == [p for p in early.pages if p.searchable]  # the fake sent nothing before
    assert not files.cancelled and not searching.cancelled


def test_what_beside_started_is_cancelled_when_the_build_fails(monkeypatch):
    monkeypatch.setattr(core, "render_site", lambda *a, **k: (_ for _ in ()).throw(MemoryError()))
    beside = Beside()
    with pytest.raises(MemoryError):
        core.build(ROOT, core.Settings(history=False), beside=beside)
    assert len(beside.started) == 2 and all(task.cancelled for task in beside.started)


def test_the_streamed_search_index_is_packed_as_the_pages_say(tmp_path):
    """core.build with runner.EARLY: the index groups made region by region are search.packs of the pages,
    each group's index holds its regions' pages, termen.json names the same groups."""
    from generator.engines import runner

    for budget in (1, 10_000):
        made = core.build(ROOT, core.Settings(history=False, search_group_pages=budget), beside=runner.EARLY)
        try:
            assert made.search_groups == search.packs(made.pages, budget)
            terms = json.loads(next(f.content for f in made.files if f.path == search.TERMS))
            assert terms["groepen"] == made.search_groups
        finally:
            made.started.cancel()
        made.searching.finish(tmp_path / str(budget))
        grouped = search.groups(made.pages, made.search_groups)
        for key, members in grouped.items():
            folder = tmp_path / str(budget) / (urls.search_index(key) if key else urls.SEARCH_INDEX)
            entry = json.loads((folder / "pagefind-entry.json").read_text("utf-8"))
            assert entry["languages"]["nl"]["page_count"] == max(1, len(members))


def test_a_build_with_errors_has_only_the_problems(tmp_path):
    shutil.copytree(ROOT / "regions", tmp_path / "regions")
    shutil.copytree(ROOT / "partners", tmp_path / "partners")
    target = next((tmp_path / "partners").rglob("*.yml"))
    target.write_text("naam: [\n", encoding="utf-8")
    broken = core.build(tmp_path, core.Settings(history=False))
    assert broken.errors and not broken.pages and not broken.files and not broken.jobs


def test_generate_writes_a_project_for_plain_mkdocs_material(generated, made):
    docs = generated / "docs"
    own = sorted(p.name for p in (ROOT / "docs").glob("*.md"))  # the project's own pages come along
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) == sorted(
        [p.src_uri for p in made.pages] + own)
    assert (docs / "redacteurs.md").read_bytes() == (ROOT / "docs" / "redacteurs.md").read_bytes()
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
    assert config["nav"] == [dict([next(iter(item.items()))]) for item in made.nav()] + [
        {"Voor redacteurs": [name for name in own if name != "index.md"]}]
    assert config["site_name"] == "Voorbeeld"  # --naam before site_name of the project's mkdocs.yml
    patterns = config["not_in_nav"].split()
    assert len(patterns) < 10 and "/partners/" in patterns
    zensical = tomllib.loads((generated / "zensical.toml").read_text(encoding="utf-8"))["project"]
    assert zensical["docs_dir"] == "docs" and zensical["theme"]["custom_dir"] == "overrides"
    assert zensical["site_url"] == "https://kaart.example/" and len(zensical["nav"]) == len(made.nav()) + 1
    assert zensical["nav"][-1] == {"Voor redacteurs": [name for name in own if name != "index.md"]}


def test_generate_reads_the_git_history_of_the_data(tmp_path):
    import golden_outputs

    data = golden_outputs.history_repo(tmp_path / "data")
    result = CliRunner().invoke(main, ["generate", str(tmp_path / "uit"), "--data", str(data), "--zonder-zoeken"])
    assert result.exit_code == 0, result.output
    news = (tmp_path / "uit" / "docs" / urls.NEWS / "index.md").read_text(encoding="utf-8")
    assert "geen geschiedenis" not in news and "Oude partner (voorbeeld)" in news


def test_generate_needs_no_mkdocs(tmp_path):
    """The core and the files engine import neither MkDocs nor the plugin: generate works without them."""
    code = ("import sys; sys.modules['mkdocs'] = None; sys.modules['generator.engines.plugin'] = None; "
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
                     any(f'"{gone}":' in f.read_text(encoding="utf-8") for f in (docs / maps.MAPS / "partner").rglob("*.json")),
                     gone in (docs / "export" / "partners.json").read_text(encoding="utf-8"),
                     gone in (docs / "a-z" / "index.md").read_text(encoding="utf-8")))
        next((data / "partners").rglob(f"{gone}.yml"), Path("/nonexistent")).unlink(missing_ok=True)
    assert seen == [(True, True, True, True), (False, False, False, False)]


# -- generate as the plugin build: the project's mkdocs.yml, its own pages, the offline manifests ---------

def project(tmp_path: Path, plugin: str = "search: false", extra: str = "") -> Path:
    """A copy of the example data with a mkdocs.yml (the plugin's options ``plugin``) and one own page."""
    data = tmp_path / "project"
    shutil.copytree(ROOT / "regions", data / "regions")
    shutil.copytree(ROOT / "partners", data / "partners")
    (data / "docs").mkdir()
    (data / "docs" / "handleiding.md").write_text("# Handleiding\n\nVoor redacteurs.\n", encoding="utf-8")
    (data / "mkdocs.yml").write_text(
        "site_name: Ons netwerk\nsite_url: !ENV [NK_SITE_URL_NIET_GEZET, \"https://ons.example/\"]\n"
        "repo_url: https://github.com/voorbeeld/kaart\ntheme:\n  name: material\n  features: [content.action.edit]\n"
        f"plugins:\n  - netwerkkaart:\n      {plugin}\n" + extra, encoding="utf-8")
    return data


def generate(*args: str):
    return CliRunner().invoke(main, ["generate", *args], env={"NK_SITE_URL": ""})


def test_generate_takes_the_settings_of_the_projects_mkdocs_yml(tmp_path):
    data = project(tmp_path, "search: false\n      tiles: geen\n      edit_uri: edit/main/")
    result = generate(str(tmp_path / "uit"), "--data", str(data))
    assert result.exit_code == 0, result.output
    out = tmp_path / "uit"
    config = read_config(out / "mkdocs.yml")
    assert config["site_name"] == "Ons netwerk" and config["site_url"] == "https://ons.example/"
    assert config["repo_url"] == "https://github.com/voorbeeld/kaart"
    assert config["theme"]["features"] == ["content.action.edit"]
    assert config["nav"][-1] == {"Voor redacteurs": ["handleiding.md"]}
    assert (out / "docs" / "handleiding.md").is_file()
    assert not (out / "docs" / urls.SEARCH_INDEX).exists()  # search: false
    assert "tile.openstreetmap" not in (out / "docs" / maps.DOCUMENT).read_text(encoding="utf-8")  # tiles: geen
    page = (out / "docs" / urls.partner("caw-onthaal-dendermonde") / "index.md").read_text(encoding="utf-8")
    assert 'nk_bewerken: "https://github.com/voorbeeld/kaart/edit/main/partners/dender/caw-onthaal-dendermonde.yml"' in page
    geojson = (out / "docs" / urls.EXPORT / "locaties.geojson").read_text(encoding="utf-8")
    assert "https://ons.example/partners/" in geojson


def test_the_command_line_goes_before_the_projects_settings(tmp_path):
    data = project(tmp_path)
    result = generate(str(tmp_path / "uit"), "--data", str(data), "--naam", "Andere naam", "--zoeken",
                      "--site-url", "https://ander.example/")
    assert result.exit_code == 0, result.output
    config = read_config(tmp_path / "uit" / "mkdocs.yml")
    assert config["site_name"] == "Andere naam" and config["site_url"] == "https://ander.example/"
    assert (tmp_path / "uit" / "docs" / urls.SEARCH_INDEX / "pagefind.js").is_file()  # --zoeken


def test_generate_writes_offline_manifests_of_files_the_builder_will_copy(generated):
    import json

    docs = generated / "docs"
    manifests = sorted((docs / "offline").glob("*.json"))
    assert [m.stem for m in manifests] == ["dender", "voorkempen"]
    files = json.loads(manifests[0].read_text(encoding="utf-8"))["bestanden"]
    assert urls.partner("caw-onthaal-dendermonde") in files and "assets/netwerkkaart/offline.js" in files
    assert any(f.startswith(urls.SEARCH_INDEX + "/") for f in files)
    for path in files:  # a page is its Markdown here, our assets are in overrides/
        where = (docs / (path + "index.md") if path == "" or path.endswith("/") else
                 generated / "overrides" / path if path.startswith("assets/") else docs / path)
        assert where.is_file(), path
        assert not path.endswith((".md", ".html")) or path == "kaarten/kaart.html", path


def test_a_projects_page_in_the_way_of_a_generated_one_is_refused(tmp_path):
    data = project(tmp_path)
    (data / "docs" / "a-z.md").write_text("# Mijn lijst\n", encoding="utf-8")
    result = generate(str(tmp_path / "uit"), "--data", str(data))
    assert result.exit_code == 1 and "NK722" in result.output and "a-z.md" in result.output
    assert not (tmp_path / "uit").exists()  # nothing written


def test_a_wrong_plugin_option_or_a_broken_mkdocs_yml_is_wrong_usage(tmp_path):
    data = project(tmp_path, "search: ja")
    result = generate(str(tmp_path / "uit"), "--data", str(data))
    assert result.exit_code == 2 and "NK721" in result.output and "'search'" in result.output
    (data / "mkdocs.yml").write_text("site_name: [\n", encoding="utf-8")
    result = generate(str(tmp_path / "uit"), "--data", str(data))
    assert result.exit_code == 2 and "NK711" in result.output and "regel" in result.output
    result = generate(str(tmp_path / "uit"), "--data", str(data), "--config", str(data / "regions"))
    assert result.exit_code == 2 and "NK713" in result.output


def test_generate_finds_the_data_from_the_config(tmp_path):
    data = project(tmp_path)
    (data / "mkdocs.yml").write_text((data / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "search: false", "search: false\n      data_dir: ."), encoding="utf-8")
    result = generate(str(tmp_path / "uit"), "--config", str(data / "mkdocs.yml"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "uit" / "docs" / urls.partner("caw-onthaal-dendermonde") / "index.md").is_file()


def test_the_projects_own_nav_and_edit_uri_go_to_both_builders(tmp_path):
    data = project(tmp_path, extra="edit_uri: edit/main/docs/\nnav:\n  - Start: index.md\n"
                                   "  - Lijst:\n      - A-Z: a-z/index.md\n  - handleiding.md\n")
    result = generate(str(tmp_path / "uit"), "--data", str(data))
    assert result.exit_code == 0, result.output
    nav = [{"Start": "index.md"}, {"Lijst": [{"A-Z": "a-z/index.md"}]}, "handleiding.md"]
    config = read_config(tmp_path / "uit" / "mkdocs.yml")
    assert config["nav"] == nav and config["edit_uri"] == "edit/main/docs/"
    zensical = tomllib.loads((tmp_path / "uit" / "zensical.toml").read_text(encoding="utf-8"))["project"]
    assert zensical["nav"] == nav and zensical["repo_url"] == "https://github.com/voorbeeld/kaart"
    # without the plugin's edit_uri a generated page has no "edit this page" (not the generated Markdown's)
    page = (tmp_path / "uit" / "docs" / urls.partner("caw-onthaal-dendermonde") / "index.md").read_text(encoding="utf-8")
    assert "nk_bewerken: null" in page


def test_generate_takes_the_search_group_budget_from_the_plugin(tmp_path):
    data = project(tmp_path, "search: false\n      search_group_pages: ja")
    result = generate(str(tmp_path / "uit"), "--data", str(data))
    assert result.exit_code == 2 and "NK721" in result.output and "'search_group_pages'" in result.output
    data = project(tmp_path / "b", "search: false\n      search_group_pages: true")  # a bool is no number here
    assert "NK721" in generate(str(tmp_path / "b" / "uit"), "--data", str(data)).output
    data = project(tmp_path / "c", "search: false\n      search_group_pages: 1")
    result = generate(str(tmp_path / "c" / "uit"), "--data", str(data))
    assert result.exit_code == 0, result.output
    terms = json.loads(next((tmp_path / "c" / "uit").rglob("termen.json")).read_text("utf-8"))
    assert terms["groepen"] == {"dender": "dender", "voorkempen": "voorkempen"}


def test_made_once_leaves_the_shared_work_for_the_fork_to_inherit():
    """core.made_once runs before the deferred files are forked off: afterwards the fork finds every
    region's answers and every phone's E.164 form made (it would make them again, 1.5 s at 10,000)."""
    from generator.model import build_site
    from generator.render import html
    from generator.validate.pipeline import validate_folder

    site = build_site(validate_folder(ROOT).project)
    html.e164.cache_clear()
    core.made_once(site)
    assert set(site.__dict__["_answered"]) == {r.id for r in site.regions}
    phones = {n for p in site.partners for n in (p.contact.telefoon, p.aanmelden.telefoon) if n}
    assert phones and html.e164.cache_info().currsize >= len(phones)
    hits = html.e164.cache_info().hits
    for number in phones:
        html.e164(number)
    assert html.e164.cache_info().hits == hits + len(phones)
