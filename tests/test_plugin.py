"""The MkDocs plugin without a build: validation, generated pages, edit links, watched folders."""

import json
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from helpers import CASES, ROOT


def config_for(folder: Path, extra: str = ""):
    (folder / "docs").mkdir(exist_ok=True)
    (folder / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n  language: nl\n  font: false\n"
        "plugins:\n  - netwerkkaart:\n      search: false\n" + extra, encoding="utf-8")
    return load_config(str(folder / "mkdocs.yml"))


def plugin_of(config):
    return config.plugins["netwerkkaart"]


def test_plugin_is_registered_as_an_entry_point():
    from importlib.metadata import entry_points

    (ep,) = [e for e in entry_points(group="mkdocs.plugins") if e.name == "netwerkkaart"]
    assert ep.value == "generator.engines.plugin:NetwerkkaartPlugin"


def test_on_config_validates_and_adds_pages_in_memory(basis):
    config = config_for(basis)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(Files([]), config=config)
    uris = {f.src_uri for f in files}
    assert "partners/huis-van-het-kind-zele/index.md" in uris
    assert "dender/gemeenten/zele/index.md" in uris and "a-z/index.md" in uris
    assert "schemas/partner.schema.json" in uris  # published for editors at a stable URL
    assert all(f.generated_by == "netwerkkaart" and f.abs_src_path is None for f in files)
    assert list((basis / "docs").iterdir()) == []  # nothing written into docs/
    assert [list(item)[0] for item in config.nav][:3] == ["Start", "Wegwijzer", "1 Gezin 1 Plan Dender (test)"]


def test_data_errors_fail_the_build_with_the_cli_messages(basis, caplog):
    shutil.copytree(CASES / "NK107-dubbele-sleutel" / "invoer", basis, dirs_exist_ok=True)
    config = config_for(basis)
    with pytest.raises(PluginError, match="1 fout"):
        config.plugins.on_config(config)
    assert "partners/dender/dubbel.yml:16:1: NK107" in caplog.text


def test_warnings_are_logged_but_do_not_stop_a_strict_build(basis, caplog):
    import logging

    caplog.set_level(logging.INFO)
    shutil.copytree(CASES / "NK502-geen-contact" / "invoer", basis, dirs_exist_ok=True)
    config = config_for(basis)
    config.plugins.on_config(config)
    assert any(r.levelname == "INFO" and "waarschuwing" in r.getMessage() and "NK502" in r.getMessage()
               for r in caplog.records)
    assert not any(r.levelname == "WARNING" for r in caplog.records if r.name.endswith("netwerkkaart"))


def test_a_record_past_the_freshness_limit_is_a_build_warning(basis, caplog, monkeypatch):
    """Past its region's waarschuwen_na_maanden (NK501) a record is a MkDocs warning: `mkdocs build
    --strict` (and `netwerkkaart build`, which publishes) fails on it; the site itself still shows it."""
    import logging

    caplog.set_level(logging.INFO)
    monkeypatch.setenv("NK_VANDAAG", "2026-11-25")
    shutil.copytree(CASES / "NK501-oud" / "invoer", basis, dirs_exist_ok=True)
    config = config_for(basis)
    config.plugins.on_config(config)
    assert any(r.levelname == "WARNING" and "NK501" in r.getMessage() and "partners/dender/oud.yml" in r.getMessage()
               for r in caplog.records)


def test_data_dir_is_resolved_relative_to_mkdocs_yml(tmp_path):
    shutil.copytree(CASES / "_basis", tmp_path / "gegevens")
    config = config_for(tmp_path, extra="")
    (tmp_path / "mkdocs.yml").write_text((tmp_path / "mkdocs.yml").read_text().replace(
        "search: false", "search: false\n      data_dir: gegevens"), encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    assert plugin_of(config).root == tmp_path / "gegevens"


def test_edit_link_points_at_the_yaml_source(basis):
    (basis / "docs").mkdir()
    config = config_for(basis, extra="repo_url: https://github.com/voorbeeld/netwerk\n")
    (basis / "mkdocs.yml").write_text((basis / "mkdocs.yml").read_text().replace(
        "search: false", "search: false\n      edit_uri: edit/main/"), encoding="utf-8")
    config = load_config(str(basis / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    plugin = plugin_of(config)
    files = plugin.on_files(Files([]), config=config)

    class FakePage:
        file = files.get_file_from_path("partners/huis-van-het-kind-zele/index.md")
        edit_url = "wrong"
        url = "partners/huis-van-het-kind-zele/"

    page = FakePage()
    plugin.on_page_context({}, page=page, config=config, nav=None)
    assert page.edit_url == "https://github.com/voorbeeld/netwerk/edit/main/partners/dender/huis-van-het-kind-zele.yml"


def test_serve_watches_the_data_folders(basis):
    config = config_for(basis)
    config = config.plugins.on_config(config)
    watched = []

    class FakeServer:
        def watch(self, path, recursive=True):
            watched.append(Path(path))

    plugin_of(config).on_serve(FakeServer(), config=config, builder=None)
    assert watched == [basis / "partners", basis / "regions"]


@pytest.mark.parametrize("extra", [
    "",
    # an edit button on every partner page (the content block is then made per page), a site name that is
    # also a partner's name (in the header twice: made per page when that page comes first in its folder)
    "repo_url: https://github.com/voorbeeld/netwerk\nedit_uri: edit/main/\n",
], ids=["plain", "edit-buttons"])
def test_shared_sidebar_gives_the_same_pages(tmp_path, monkeypatch, extra):
    """Pages outside the nav reuse one rendered sidebar, header and content frame per folder, and generated
    pages skip reading their stub and Markdown: every built page is byte for byte what MkDocs renders
    without these."""
    from mkdocs.commands.build import build

    from generator.engines.plugin import NetwerkkaartPlugin

    data = tmp_path / "data"
    shutil.copytree(ROOT / "partners", data / "partners")
    shutil.copytree(ROOT / "regions", data / "regions")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "uitleg.md").write_text("# Uitleg\n\nTekst.\n", encoding="utf-8")
    name = "Test"
    if extra:  # the name of the first partner page MkDocs renders (in the order of the core's pages)
        from generator import core

        first = next(p for p in core.build(data, core.Settings(search=False)).pages if p.url.startswith("partners/"))
        name = first.title_text
    features = "[navigation.tabs, content.action.edit, content.action.view]" if extra else "[navigation.tabs]"
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: {json.dumps(name)}\nsite_url: http://127.0.0.1:8000/\n{extra}theme:\n  name: material\n"
        f"  language: nl\n  font: false\n  features: {features}\n"
        f"plugins:\n  - netwerkkaart:\n      search: false\n      data_dir: {data}\n"
        + ("      edit_uri: edit/main/\n" if extra else ""), encoding="utf-8")
    sites = {}
    for cached in (True, False):  # False: also without the shortcut past Markdown (on_pre_page)
        monkeypatch.setattr(NetwerkkaartPlugin, "cache_nav", cached)
        monkeypatch.setattr(NetwerkkaartPlugin, "fast_render", cached)
        site = tmp_path / f"site-{cached}"
        build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(site)))
        sites[cached] = {p.relative_to(site): p.read_bytes() for p in site.rglob("*.html")}
    assert len(sites[True]) > 60
    assert sites[True] == sites[False]


def test_dirty_serve_rebuilds_only_pages_that_changed(basis):
    """`mkdocs serve --dirty`: after an edit, the edited partner's page and the pages that show it
    count as modified; all other generated pages are skipped. Without --dirty every page is built."""
    config = config_for(basis)
    plugin = plugin_of(config)
    plugin.on_startup(command="serve", dirty=True)

    def modified(fail: bool = False):
        """One build: which generated pages MkDocs would write; then the pages are 'written' and the
        build ends (or fails)."""
        config.nav = None  # as `mkdocs serve` reloads mkdocs.yml for every build
        cfg = config.plugins.on_config(config)
        files = cfg.plugins.on_files(Files([]), config=cfg)
        changed = {f.src_uri for f in files.documentation_pages() if f.is_modified()}
        for f in files.documentation_pages():
            if f.src_uri in changed and not fail:
                Path(f.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
                Path(f.abs_dest_path).write_text("x", encoding="utf-8")
        if fail:
            plugin.on_build_error(error=RuntimeError("stopped"))
        else:
            plugin.on_post_build(config=cfg)
        return changed

    first = modified()
    assert "partners/huis-van-het-kind-zele/index.md" in first
    assert modified() == set()
    path = basis / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("naam: ", "naam: Nieuw ", 1), encoding="utf-8")
    changed = modified()
    assert "partners/huis-van-het-kind-zele/index.md" in changed
    assert "dender/gemeenten/zele/index.md" in changed and "a-z/index.md" in changed
    assert len(changed) < len(first) // 2
    # a build that fails after the pages were planned: the next build writes everything again
    path.write_text(path.read_text(encoding="utf-8").replace("naam: Nieuw ", "naam: Nieuwer ", 1), encoding="utf-8")
    assert "partners/huis-van-het-kind-zele/index.md" in modified(fail=True)
    assert modified() == first
    # a page whose output is gone is written again
    Path(config.site_dir, "partners", "huis-van-het-kind-zele", "index.html").unlink()
    assert modified() == {"partners/huis-van-het-kind-zele/index.md"}
    # a new page in docs/ changes the nav of every page
    (basis / "docs" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    assert modified() == first
    plugin.on_startup(command="serve", dirty=False)
    assert modified() == first


def test_exports_and_sheet_data_made_beside_the_build_are_in_the_site(tmp_path):
    """The downloads and the "Mijn netwerk" data come from a child process; the built site holds
    exactly what the core's jobs make, with the site's address in the exports."""
    from mkdocs.commands.build import build

    from generator import core

    shutil.copytree(ROOT / "partners", tmp_path / "partners")
    shutil.copytree(ROOT / "regions", tmp_path / "regions")
    config = config_for(tmp_path)
    build(config)
    site = Path(config.site_dir)
    made = core.build(tmp_path, core.Settings(site_url=config.site_url, history=False))
    assert len(made.jobs) > 6
    for path, make in made.jobs.items():
        content = make()
        assert (site / path).read_bytes() == (content.encode("utf-8") if isinstance(content, str) else content), path
    assert f'"url": "{config.site_url}partners/' in (site / "export" / "locaties.geojson").read_text(encoding="utf-8")


def test_docs_index_replaces_the_generated_home_page(tmp_path):
    from mkdocs.commands.build import build

    shutil.copytree(ROOT / "partners", tmp_path / "partners")
    shutil.copytree(ROOT / "regions", tmp_path / "regions")
    config = config_for(tmp_path)
    (tmp_path / "docs" / "index.md").write_text("# Ons netwerk\n\nEigen-startpagina-7731\n", encoding="utf-8")
    build(load_config(str(tmp_path / "mkdocs.yml")))
    home = (Path(config.site_dir) / "index.html").read_text(encoding="utf-8")
    assert "Eigen-startpagina-7731" in home and "nk-home-q" not in home
    assert "Huis van het Kind Zele" in (Path(config.site_dir) / "partners" / "huis-van-het-kind-zele" / "index.html").read_text(encoding="utf-8")


def test_one_build_lets_each_page_body_go_once_written(basis):
    """MkDocs keeps every page's content until the build ends; one build lets a generated page's body
    go once it is rendered (memory), `mkdocs serve` keeps them (the last good pages stay)."""
    from mkdocs.structure.pages import Page

    from generator.engines.mkdocs_fast import GeneratedFile

    for serving in (False, True):
        config = config_for(basis)
        plugin = plugin_of(config)
        # set by hand: on_startup("build") would freeze the gc of this process (see on_files)
        plugin.serving, plugin.command, plugin.dirty = serving, "serve" if serving else None, False
        config = config.plugins.on_config(config)
        files = config.plugins.on_files(Files([]), config=config)
        file = next(f for f in files if f.src_uri == "partners/huis-van-het-kind-zele/index.md")
        assert isinstance(file, GeneratedFile)
        page = Page(None, file, config)
        plugin.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.render(config, files)
        page.content = plugin.on_page_content(page.content, page=page, config=config, files=files)
        assert "Huis van het Kind Zele" in page.content
        assert plugin.on_post_page("<html>uit</html>", page=page, config=config) == "<html>uit</html>"
        if serving:
            assert page.content is not None and file.src_uri in plugin.bodies and plugin.pages
        else:
            assert page.content is None and file.src_uri not in plugin.bodies and plugin.pages == []
            assert "render" not in page.__dict__ and "read_source" not in page.__dict__  # pre_render's hold
    plugin.serving, plugin.command = False, None  # as a fresh plugin (MkDocs may keep its instance)


def test_cut_gives_the_frame_around_one_occurrence_only():
    from generator.engines.mkdocs_fast import cut

    assert cut("<h>Titel</h>", "Titel") == ("<h>", "</h>")
    assert cut("<a>Titel</a><h>Titel</h>", "Titel") is None  # twice: the block is made for each page
    assert cut("<h>Titel</h>", "Ander") is None and cut("<h></h>", "") is None
